//! Our request signers against the vendors' SDKs: every folder under `tests/vectors/signing/` is
//! one request (`input.json`) and the value of each signing stage as the official SDK computed it
//! (`<stage>.txt`, named after our `Stage.name`; see `tests/vectors/signing/README.md`). The
//! request is signed with `src/signing` and every stage must match byte for byte.

use cert_preflight::time::Timestamp;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use cert_preflight::signing::alibaba_rpc_v2::{self, RpcCall};
use cert_preflight::signing::{
    Credentials, HttpRequest, Method, Secret, Signed, StageName, alibaba_acs3, basic_iso8601,
    huawei_aksk, iso8601,
};
use serde_json::Value;

/// Files of a case folder that are not stages.
const INPUT: &str = "input.json";
const SIGNED_PARAMETERS: &str = "signed_parameters.json";

fn vectors_dir() -> PathBuf {
    crate::corpus::vectors("signing")
}

/// A string field of `input.json`.
fn text<'a>(input: &'a Value, field: &str) -> &'a str {
    input[field]
        .as_str()
        .unwrap_or_else(|| panic!("input.json: `{field}` is not a string"))
}

/// A `[[name, value], ...]` field.
fn pairs(value: &Value, what: &str) -> Vec<(String, String)> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("{what} is not a list"))
        .iter()
        .map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(name), Value::String(value)]) => (name.clone(), value.clone()),
            _ => panic!("{what}: {pair} is not a [name, value] pair of strings"),
        })
        .collect()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DDThh:mm:ssZ` or `YYYYMMDDThhmmssZ` as time since the Unix epoch.
fn parse_timestamp(timestamp: &str) -> Timestamp {
    let digits: String = timestamp.chars().filter(char::is_ascii_digit).collect();
    assert!(
        digits.len() == 14 && timestamp.ends_with('Z'),
        "timestamp {timestamp:?} is neither YYYY-MM-DDThh:mm:ssZ nor YYYYMMDDThhmmssZ"
    );
    let field = |range: std::ops::Range<usize>| -> i64 { digits[range].parse().unwrap() };
    let days = days_from_civil(field(0..4), field(4..6), field(6..8));
    let seconds = days * 86_400 + field(8..10) * 3_600 + field(10..12) * 60 + field(12..14);
    Timestamp::from_unix_seconds(seconds)
}

/// Decodes one `application/x-www-form-urlencoded` component (`+` is a space).
fn form_decode(component: &str) -> String {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = component
                    .get(i + 1..i + 3)
                    .unwrap_or_else(|| panic!("truncated escape in {component:?}"));
                out.push(
                    u8::from_str_radix(hex, 16)
                        .unwrap_or_else(|_| panic!("bad escape %{hex} in {component:?}")),
                );
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).expect("form body decodes to UTF-8")
}

/// Signs the request of `input.json` with our signer; returns the result and the problems found
/// in the request itself (as opposed to the stages).
fn sign(case: &Path, input: &Value) -> (Signed, Vec<String>) {
    let mut problems = Vec::new();
    let credentials = Credentials {
        access_key_id: text(input, "access_key_id").to_owned(),
        secret: Secret::new(text(input, "access_key_secret")),
    };
    let timestamp = text(input, "timestamp");
    let at = parse_timestamp(timestamp);
    let scheme = text(input, "scheme");
    // Our signers write the time themselves: it must come out as the SDK was given it.
    let ours = if scheme == "aksk" {
        basic_iso8601(at)
    } else {
        iso8601(at)
    }
    .unwrap();
    assert_eq!(ours, timestamp, "timestamp round trip");

    let signed = match scheme {
        "v2" => {
            assert_eq!(text(input, "method"), "POST", "our V2 signer signs a POST");
            assert_eq!(text(input, "path"), "/", "our V2 signer posts to /");
            let parameters = pairs(&input["form"], "form");
            let call = RpcCall {
                host: text(input, "host"),
                action: text(input, "action"),
                version: text(input, "version"),
                parameters: &parameters,
            };
            let signed = alibaba_rpc_v2::sign(&call, &credentials, at, text(input, "nonce"))
                .expect("V2 signing");
            problems.extend(check_v2_body(case, &signed));
            signed
        }
        "acs3" | "aksk" => {
            let mut request = HttpRequest::new(
                Method::parse(text(input, "method")).expect("GET or POST"),
                text(input, "host"),
                text(input, "path"),
            );
            request.query = pairs(&input["query"], "query");
            request.headers = pairs(&input["headers"], "headers");
            request.body = text(input, "body").as_bytes().to_vec();
            let signed = if scheme == "acs3" {
                alibaba_acs3::sign(
                    request,
                    text(input, "action"),
                    text(input, "version"),
                    &credentials,
                    at,
                    text(input, "nonce"),
                )
                .expect("ACS3 signing")
            } else {
                huawei_aksk::sign(request, &credentials, at).expect("AK/SK signing")
            };
            if signed.request.body != text(input, "body").as_bytes() {
                problems.push(format!(
                    "request body: ours {:?}\n  input body {:?}",
                    String::from_utf8_lossy(&signed.request.body),
                    text(input, "body")
                ));
            }
            if signed.request.header("Authorization") != signed.stage(StageName::Authorization) {
                problems.push(format!(
                    "Authorization header {:?} is not the authorization stage {:?}",
                    signed.request.header("Authorization"),
                    signed.stage(StageName::Authorization)
                ));
            }
            signed
        }
        other => panic!("unknown scheme {other:?}"),
    };
    (signed, problems)
}

/// The V2 form body must carry exactly the parameters the SDK signed, plus our `Signature`.
fn check_v2_body(case: &Path, signed: &Signed) -> Vec<String> {
    let mut problems = Vec::new();
    let expected_text = fs::read_to_string(case.join(SIGNED_PARAMETERS))
        .unwrap_or_else(|e| panic!("{}: {SIGNED_PARAMETERS}: {e}", case.display()));
    let expected: Value = serde_json::from_str(&expected_text).expect(SIGNED_PARAMETERS);
    let mut expected = pairs(&expected, SIGNED_PARAMETERS);
    expected.sort();

    let body = std::str::from_utf8(&signed.request.body).expect("V2 body is UTF-8");
    let mut sent: Vec<(String, String)> = body
        .split('&')
        .map(|item| {
            let (name, value) = item.split_once('=').unwrap_or((item, ""));
            (form_decode(name), form_decode(value))
        })
        .collect();
    let signatures: Vec<String> = sent
        .iter()
        .filter(|(name, _)| name == "Signature")
        .map(|(_, value)| value.clone())
        .collect();
    sent.retain(|(name, _)| name != "Signature");
    sent.sort();
    if sent != expected {
        problems.push(format!(
            "form body parameters differ from the SDK's signed parameters\n  ours: {sent:?}\n  SDK:  {expected:?}"
        ));
    }
    if signatures.len() != 1 || Some(signatures[0].as_str()) != signed.stage(StageName::Signature) {
        problems.push(format!(
            "form body Signature {signatures:?} is not the signature stage {:?}",
            signed.stage(StageName::Signature)
        ));
    }
    if signed.request.url() != format!("https://{}/", signed.request.host)
        || signed.request.method != Method::Post
        || signed.request.header("Content-Type") != Some("application/x-www-form-urlencoded")
    {
        problems.push(format!(
            "not a form POST to https://host/: {} {} {:?}",
            signed.request.method,
            signed.request.url(),
            signed.request.headers
        ));
    }
    problems
}

/// Checks one case folder; returns the number of stages compared and the failures.
fn check_case(case: &Path) -> (usize, Vec<String>) {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let input_text = fs::read_to_string(case.join(INPUT))
        .unwrap_or_else(|e| panic!("case {name}: {INPUT}: {e}"));
    let input: Value =
        serde_json::from_str(&input_text).unwrap_or_else(|e| panic!("case {name}: {INPUT}: {e}"));
    let (signed, request_problems) = sign(case, &input);
    let mut failures: Vec<String> = request_problems
        .into_iter()
        .map(|p| format!("case {name}: {p}"))
        .collect();

    let mut stage_files = BTreeSet::new();
    for entry in fs::read_dir(case).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        if file == INPUT || file == SIGNED_PARAMETERS {
            continue;
        }
        match file.strip_suffix(".txt") {
            Some(stage) => {
                stage_files.insert(stage.to_owned());
            }
            None => failures.push(format!("case {name}: unexpected file {file}")),
        }
    }
    if stage_files.is_empty() {
        failures.push(format!("case {name}: no stage files"));
    }
    for stage in &signed.stages {
        if !stage_files.contains(stage.name.as_str()) {
            failures.push(format!(
                "case {name}: stage {} has no file {}.txt",
                stage.name, stage.name
            ));
        }
    }
    let mut compared = 0;
    for stage in &stage_files {
        let expected = fs::read(case.join(format!("{stage}.txt"))).unwrap();
        let expected = String::from_utf8(expected)
            .unwrap_or_else(|_| panic!("case {name}: {stage}.txt is not UTF-8"));
        match StageName::parse(stage).and_then(|stage| signed.stage(stage)) {
            None => failures.push(format!(
                "case {name}: {stage}.txt names no stage of our signer (ours: {:?})",
                signed.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>()
            )),
            Some(ours) if ours != expected => failures.push(format!(
                "case {name}, stage {stage}: ours differs from the SDK's\n  ours: {ours:?}\n  SDK:  {expected:?}"
            )),
            Some(_) => compared += 1,
        }
    }
    (compared, failures)
}

#[test]
fn every_stage_matches_the_vendor_sdks() {
    let dir = vectors_dir();
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir() && path.file_name().is_some_and(|n| n != "__pycache__"))
        .collect();
    cases.sort();
    assert!(
        !cases.is_empty(),
        "no cases in {} (run tests/vectors/signing/generate.py)",
        dir.display()
    );

    let mut failures = Vec::new();
    let mut compared = 0;
    for case in &cases {
        let (stages, problems) = check_case(case);
        compared += stages;
        failures.extend(problems);
    }
    assert!(
        failures.is_empty(),
        "{} problem(s) in {} case(s):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
    eprintln!(
        "{} cases, {compared} stages equal to the SDKs'",
        cases.len()
    );
}

#[test]
fn timestamps_parse_in_both_shapes() {
    assert_eq!(
        parse_timestamp("2024-05-01T12:00:00Z"),
        Timestamp::from_unix_seconds(1_714_564_800)
    );
    assert_eq!(
        parse_timestamp("20191115T033655Z"),
        Timestamp::from_unix_seconds(1_573_789_015)
    );
    assert_eq!(
        parse_timestamp("1970-01-01T00:00:00Z"),
        Timestamp::UNIX_EPOCH
    );
}

#[test]
fn form_components_decode() {
    assert_eq!(form_decode("a+b%2B%20%E5%90%8D~"), "a b+ 名~");
}
