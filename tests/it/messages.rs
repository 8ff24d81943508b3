//! Messages that help and hold nothing secret (issue 13): every input of the vector corpus
//! (`tests/vectors/inspect/*/input/`, `tests/vectors/keys/pyca/`, `tests/vectors/providers/material/`),
//! the fuzz target's committed seeds (`fuzz/seeds/`) and, with `MESSAGES_FUZZ_CORPUS=1`, the corpus
//! a local fuzz run left (`fuzz/corpus/analyze/`), and every private key of the inspect corpus
//! mangled the ways keys get mangled on their way to people (one line, cut short, JSON escapes, a
//! wrong label, base64 of the whole file, ...) go through `analyze_with` and through
//! `request::build` for every target, with no passphrase, the right one and a wrong one.
//!
//! - No diagnostic (message, both hints, the provider's error), no text or JSON report and nothing
//!   the command line prints on its error stream holds a run of 16 base64 (or hex) characters of
//!   key material: of a private-key block of the input, of a key decoded from it (decrypted or
//!   not, at every byte alignment) or of a binary input holding a key; nor a passphrase given.
//!   Runs that the certificates also hold (an RSA key's modulus is public) do not count.
//! - Every hint fits the surface that shows it: the page's names no flag, `FILE` or environment
//!   variable; the command line's names no box, form or page.

use base64ct::Encoding;
use cert_preflight::analysis::{Analysis, Input, Options, analyze_with};
use cert_preflight::diagnostic::{Diagnostic, Surface};
use cert_preflight::lang::Lang;
use cert_preflight::providers::{FieldInput, Fields, ProviderId, Shape};
use cert_preflight::request;
use cert_preflight::request::Auth;
use cert_preflight::signing::{Credentials, Scheme, Secret};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The shortest run of key material a message may not hold.
const RUN: usize = 16;
/// A passphrase no input knows: what a wrong passphrase's messages say.
const WRONG: &str = "Zq7 wrong but distinctive passphrase";

type Window = [u8; RUN];

/// One analysis to make: named inputs, and the passphrases to try besides none and [`WRONG`].
struct Case {
    name: String,
    inputs: Vec<(String, Vec<u8>)>,
    passphrases: Vec<String>,
    /// Every request setting of [`request_settings`], or only the first (all fields filled in):
    /// the inspect corpus and the seeds take them all; the many mangled keys and pyca's keys,
    /// whose target messages are those of the cases they come from, the first only.
    every_setting: bool,
}

use crate::binary;
use crate::corpus::{self, NOW_SINCE_EPOCH as NOW, files, repo as root};

fn vector_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for dir in corpus::inspect_cases() {
        let inputs = files(&dir.join("input"))
            .iter()
            .map(|f| {
                let name = f.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(f).expect("readable"))
            })
            .collect();
        let passphrases = corpus::passphrase(&dir).into_iter().collect();
        cases.push(Case {
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            inputs,
            passphrases,
            every_setting: true,
        });
    }
    cases
}

/// Every file under `dir`, at any depth, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in files(dir) {
        out.push(path);
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut dirs: Vec<PathBuf> = entries
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for sub in dirs {
            out.extend(files_under(&sub));
        }
    }
    out
}

/// The rest of the vector corpus: pyca's private keys (tests/vectors/keys/pyca, each with the
/// password its facts name) and the targets' material (tests/vectors/providers/material), one
/// file per case.
fn other_vector_cases() -> Vec<Case> {
    let keys = root().join("tests/vectors/keys");
    let facts: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(keys.join("pyca-facts.json")).expect("key facts"),
    )
    .expect("JSON");
    let password = |file: &str| -> Vec<String> {
        facts
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["file"] == file)
            .and_then(|f| f["password"].as_str())
            .map(|p| vec![p.to_owned()])
            .unwrap_or_default()
    };
    let mut cases = Vec::new();
    for path in files_under(&keys.join("pyca")) {
        let relative = path.strip_prefix(keys.join("pyca")).expect("under");
        let name = relative.display().to_string();
        cases.push(Case {
            passphrases: password(&name),
            inputs: vec![(name.clone(), std::fs::read(&path).expect("readable"))],
            name: format!("keys/pyca/{name}"),
            every_setting: false,
        });
    }
    let material = root().join("tests/vectors/providers/material");
    for path in files_under(&material) {
        let name = path
            .strip_prefix(&material)
            .expect("under")
            .display()
            .to_string();
        cases.push(Case {
            passphrases: Vec::new(),
            inputs: vec![(name.clone(), std::fs::read(&path).expect("readable"))],
            name: format!("providers/material/{name}"),
            every_setting: true,
        });
    }
    assert!(
        cases.len() > 100,
        "the key and material corpus lost files: {}",
        cases.len()
    );
    cases
}

/// The fuzz target's seeds (committed) and, when `MESSAGES_FUZZ_CORPUS=1`, the corpus a local
/// fuzz run left in fuzz/corpus/analyze (thousands of inputs: minutes).
fn fuzz_cases() -> Vec<Case> {
    let mut paths = files(&root().join("fuzz/seeds"));
    assert!(paths.len() >= 5, "fuzz/seeds lost its seeds");
    if std::env::var_os("MESSAGES_FUZZ_CORPUS").is_some_and(|v| v == "1") {
        paths.extend(files(&root().join("fuzz/corpus/analyze")));
    }
    // As the target reads them: material, then optionally the separator and a passphrase.
    const SEPARATOR: &[u8] = b"\n#passphrase=";
    paths
        .iter()
        .map(|path| {
            let data = std::fs::read(path).expect("readable");
            let split = data.windows(SEPARATOR.len()).rposition(|w| w == SEPARATOR);
            let (material, passphrase) = match split {
                Some(at) => (
                    data[..at].to_vec(),
                    String::from_utf8_lossy(&data[at + SEPARATOR.len()..]).into_owned(),
                ),
                None => (data, "correct horse battery staple".to_owned()),
            };
            Case {
                name: path.display().to_string(),
                inputs: vec![("fuzz".to_owned(), material)],
                passphrases: vec![passphrase],
                every_setting: true,
            }
        })
        .collect()
}

/// Every PEM private key block of a text: (label, body lines).
fn key_blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Vec<String>)> = None;
    for line in text.lines().map(str::trim) {
        if let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        {
            open = label
                .contains("PRIVATE KEY")
                .then(|| (label.to_owned(), Vec::new()));
        } else if line.starts_with("-----END ") {
            blocks.extend(open.take());
        } else if let Some((_, body)) = open.as_mut() {
            body.push(line.to_owned());
        }
    }
    blocks
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// A private key as people receive it after a trip through mail, chat, an API page or a YAML file.
fn mangled(label: &str, body: &[String]) -> Vec<(&'static str, String)> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let pem = format!("{begin}\n{}\n{end}\n", body.join("\n"));
    let joined = body.concat();
    let half = body.len() / 2;
    let mut bad = joined.clone().into_bytes();
    let middle = bad.len() / 2;
    bad[middle] = b'*';
    let bad = String::from_utf8(bad).unwrap();
    vec![
        ("one line", format!("{begin}{joined}{end}")),
        (
            "one line with spaces",
            format!("{begin} {} {end}", body.join(" ")),
        ),
        (
            "one line, cut short",
            format!("{begin}{}", &joined[..joined.len() * 2 / 3]),
        ),
        (
            "cut short",
            format!("{begin}\n{}\n", body[..half.max(1)].join("\n")),
        ),
        (
            "cut short, then a certificate's BEGIN",
            format!(
                "{begin}\n{}\n-----BEGIN CERTIFICATE-----\n",
                body[..half.max(1)].join("\n")
            ),
        ),
        ("a character changed", format!("{begin}\n{bad}\n{end}\n")),
        (
            "half its lines",
            format!("{begin}\n{}\n{end}\n", body[..half.max(1)].join("\n")),
        ),
        (
            "END of another label",
            format!("{begin}\n{}\n-----END CERTIFICATE-----\n", body.join("\n")),
        ),
        (
            "labelled CERTIFICATE",
            format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                body.join("\n")
            ),
        ),
        (
            "unknown label",
            format!(
                "-----BEGIN {joined}-----\n{}\n-----END {joined}-----\n",
                body.join("\n")
            ),
        ),
        ("JSON string", format!("{{\"key\": {}}}", json_string(&pem))),
        (
            "JSON string, escaped twice",
            json_string(&json_string(&pem)),
        ),
        (
            "base64 of the file (Kubernetes)",
            format!(
                "tls.key: {}\n",
                base64ct::Base64::encode_string(pem.as_bytes())
            ),
        ),
        ("body alone", format!("{joined}\n")),
        ("body in lines alone", format!("{}\n", body.join("\n"))),
        ("HTML line breaks", pem.replace('\n', "<br>")),
        (
            "percent-encoded",
            pem.replace('\n', "%0A").replace('+', "%2B"),
        ),
        ("quoted", format!("\"{pem}\"")),
        ("BEGIN twice", format!("{begin}\n{pem}")),
        (
            "body twice",
            format!("{begin}\n{joined}\n{joined}\n{end}\n"),
        ),
    ]
}

/// Every key block of the vector corpus, mangled, alone and after the case's other inputs.
fn mangled_cases(vectors: &[Case]) -> Vec<Case> {
    let mut cases = Vec::new();
    for case in vectors {
        for (file, bytes) in &case.inputs {
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            for (label, body) in key_blocks(text) {
                for (how, mangled) in mangled(&label, &body) {
                    let others: Vec<(String, Vec<u8>)> = case
                        .inputs
                        .iter()
                        .filter(|(name, _)| name != file)
                        .cloned()
                        .collect();
                    let mut inputs = others;
                    inputs.push((format!("{file} ({how})"), mangled.into_bytes()));
                    cases.push(Case {
                        name: format!("{}: {file} {how}", case.name),
                        inputs,
                        passphrases: case.passphrases.clone(),
                        every_setting: false,
                    });
                }
            }
        }
    }
    assert!(cases.len() > 100, "only {} mangled keys", cases.len());
    cases
}

fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// The windows of every run of at least [`RUN`] base64 characters of `text`.
fn add_runs(text: &[u8], into: &mut HashSet<Window>) {
    for run in text.split(|&b| !is_base64(b)).filter(|r| r.len() >= RUN) {
        for window in run.windows(RUN) {
            into.insert(window.try_into().unwrap());
        }
    }
}

/// `bytes` as base64 at each of the three byte alignments, and as hex in both cases.
fn add_encodings(bytes: &[u8], into: &mut HashSet<Window>) {
    for skip in 0..3.min(bytes.len()) {
        add_runs(
            base64ct::Base64::encode_string(&bytes[skip..]).as_bytes(),
            into,
        );
    }
    let hex = base16ct::lower::encode_string(bytes);
    add_runs(hex.as_bytes(), into);
    add_runs(hex.to_ascii_uppercase().as_bytes(), into);
}

/// The key material of an analysis' inputs, less what its certificates also hold.
fn key_material(inputs: &[(String, Vec<u8>)], analysis: &Analysis) -> HashSet<Window> {
    let mut secret = HashSet::new();
    for (name, bytes) in inputs {
        // PEM key blocks, however mangled: from a BEGIN whose label names a private key to the
        // next END (or the end of the input).
        let find = |from: usize, needle: &[u8]| {
            bytes[from..]
                .windows(needle.len())
                .position(|w| w == needle)
                .map(|i| from + i)
        };
        let mut from = 0;
        while let Some(at) = find(from, b"BEGIN") {
            from = at + 5;
            let label_end = find(from, b"-----").unwrap_or(bytes.len());
            if !memmem(&bytes[from..label_end.min(from + 64)], b"PRIVATE KEY") {
                continue;
            }
            let body_end = find(label_end, b"END").unwrap_or(bytes.len());
            add_runs(&bytes[label_end..body_end], &mut secret);
        }
        // A base64 run that decodes to a PEM key (a Kubernetes secret's value).
        for run in bytes.split(|&b| !is_base64(b) && b != b'=') {
            if run.len() >= 24 {
                let usable = &run[..run.len() / 4 * 4];
                if let Ok(decoded) =
                    base64ct::Base64::decode_vec(std::str::from_utf8(usable).unwrap_or_default())
                    && memmem(&decoded, b"PRIVATE KEY")
                {
                    add_runs(run, &mut secret);
                }
            }
        }
        // A binary input that holds a key (DER, PKCS#12): all of it.
        let holds_key = analysis.report.private_keys.iter().any(|k| &k.file == name)
            || analysis
                .report
                .inputs
                .iter()
                .any(|i| &i.file == name && i.kind.as_str() == "binary");
        if holds_key && !memmem(bytes, b"-----BEGIN") {
            add_encodings(bytes, &mut secret);
        }
    }
    // Every key decoded, decrypted or not.
    for key in &analysis.keys {
        if let Some(plain) = &key.plain {
            add_encodings(&plain.der, &mut secret);
        }
    }
    let mut public = HashSet::new();
    for certificate in &analysis.certificates {
        add_encodings(&certificate.der, &mut public);
    }
    // A key's public key is public (the report shows it, in hex).
    for key in &analysis.report.private_keys {
        if let Some(public_key) = &key.public_key {
            add_runs(public_key.as_bytes(), &mut public);
            add_runs(public_key.to_ascii_uppercase().as_bytes(), &mut public);
        }
    }
    for (_, bytes) in inputs {
        let text = String::from_utf8_lossy(bytes);
        for block in text.split("-----BEGIN CERTIFICATE-----").skip(1) {
            let body = block.split("-----END").next().unwrap_or_default();
            add_runs(body.as_bytes(), &mut public);
        }
    }
    secret.retain(|w| !public.contains(w));
    secret
}

fn memmem(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The first run of key material in `text`, if any.
fn leak(text: &str, secret: &HashSet<Window>) -> Option<String> {
    text.as_bytes()
        .windows(RUN)
        .find(|w| secret.contains(*w))
        .map(|w| String::from_utf8_lossy(w).into_owned())
}

/// The signing each scheme needs, with throwaway credentials.
fn auth_for(scheme: Scheme, domain_id: Option<&str>) -> Auth {
    let credentials = || Credentials {
        access_key_id: "LTAI5tExampleKeyId".to_owned(),
        secret: Secret::new("example secret, not used for anything"),
    };
    match scheme {
        Scheme::AlibabaRpcV2 => Auth::AlibabaV2(credentials()),
        Scheme::AlibabaAcs3 => Auth::AlibabaAcs3(credentials()),
        Scheme::HuaweiAksk => Auth::HuaweiAksk {
            credentials: credentials(),
            domain_id: domain_id.map(str::to_owned),
        },
        Scheme::HuaweiToken => Auth::HuaweiToken {
            env: "HUAWEI_TOKEN".to_owned(),
        },
    }
}

/// The fields and signing each target's request is built with, from its own data: every field it
/// takes filled in (PEM fields with the case's certificate and key, one-line fields with a value
/// of the right shape where the shape says it), none at all, and a one-line key where a field's
/// NAME goes (`--field KEY` with its `=`), each with its preferred scheme, another of its schemes
/// without an account ID, and a scheme it does not take.
fn request_settings(provider: ProviderId, certificate: &str, key: &str) -> Vec<(Fields, Auth)> {
    let spec = provider.spec();
    let region = spec.default_region.to_owned();
    let all_schemes = [
        Scheme::AlibabaRpcV2,
        Scheme::AlibabaAcs3,
        Scheme::HuaweiAksk,
        Scheme::HuaweiToken,
    ];
    let foreign = all_schemes
        .into_iter()
        .find(|s| !spec.schemes.contains(s))
        .unwrap_or(spec.schemes[0]);
    let filled: Vec<(String, String)> = spec
        .fields
        .iter()
        .map(|field| {
            let value = match (field.input, field.shape) {
                (FieldInput::Pem, _) if field.name.to_ascii_lowercase().contains("key") => {
                    key.to_owned()
                }
                (FieldInput::Pem, _) => certificate.to_owned(),
                (_, Shape::OneOf(options)) => options.last().copied().unwrap_or("x").to_owned(),
                _ => "0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a".to_owned(),
            };
            (field.name.to_owned(), value)
        })
        .collect();
    let fields = |values: Vec<(String, String)>| Fields {
        values,
        region: region.clone(),
    };
    let mut settings = vec![
        (
            fields(filled),
            auth_for(spec.schemes[0], Some("0a1b2c3d4e5f60718293a4b5c6d7e8f9")),
        ),
        (
            fields(Vec::new()),
            auth_for(*spec.schemes.last().unwrap_or(&foreign), None),
        ),
        (
            fields(vec![(key.lines().collect::<String>(), "x".to_owned())]),
            auth_for(foreign, None),
        ),
    ];
    // Fields that only go together, one without the other.
    if provider.as_str() == "huawei-elb" {
        settings.push((
            fields(vec![("protection_reason".to_owned(), "x".to_owned())]),
            auth_for(spec.schemes[0], None),
        ));
    }
    settings
}

/// Everything the corpus made, to check: (where it came from, the texts), and every diagnostic.
struct Made {
    /// (case and run, text, the key material it may not hold, the passphrases it may not hold).
    texts: Vec<(String, String, usize)>,
    secrets: Vec<(HashSet<Window>, Vec<String>)>,
    diagnostics: Vec<(String, Diagnostic)>,
    runs: usize,
}

fn made() -> &'static Made {
    static MADE: OnceLock<Made> = OnceLock::new();
    MADE.get_or_init(|| {
        let vectors = vector_cases();
        let mut cases = mangled_cases(&vectors);
        cases.extend(fuzz_cases());
        cases.extend(other_vector_cases());
        cases.extend(vectors);
        let mut made = Made {
            texts: Vec::new(),
            secrets: Vec::new(),
            diagnostics: Vec::new(),
            runs: 0,
        };
        for case in &cases {
            let inputs = corpus::page_inputs(&case.inputs);
            let mut passphrases: Vec<Option<&str>> = vec![None, Some(WRONG)];
            passphrases.extend(case.passphrases.iter().map(|p| Some(p.as_str())));
            let all_passphrases: Vec<String> = std::iter::once(WRONG.to_owned())
                .chain(case.passphrases.iter().cloned())
                .collect();
            // Passphrases matter only to encrypted material: the first run (none) says if any is.
            let mut encrypted = !case.passphrases.is_empty();
            for passphrase in passphrases {
                if passphrase.is_some() && !encrypted {
                    continue;
                }
                let options = Options {
                    now: NOW,
                    passphrase,
                    pkcs12_password: None,
                };
                let analysis = analyze_with(&inputs, &options);
                encrypted |= analysis.report.private_keys.iter().any(|k| k.encrypted)
                    || analysis.report.diagnostics.iter().any(|d| {
                        matches!(
                            d.code.as_str(),
                            "pkcs12-needs-password" | "encrypted-key-needs-passphrase"
                        )
                    });
                let secret = key_material(&case.inputs, &analysis);
                let run = format!("{} (passphrase {passphrase:?})", case.name);
                let secrets_at = made.secrets.len();
                let mut texts = vec![
                    analysis.report.to_string(),
                    serde_json::to_string(&analysis.report).unwrap(),
                ];
                let mut diagnostics = analysis.report.diagnostics.clone();
                // The request pipeline, for every target.
                let certificate: String = case
                    .inputs
                    .iter()
                    .filter_map(|(_, b)| std::str::from_utf8(b).ok())
                    .map(cert_preflight::fixes::certificate_text)
                    .collect();
                let key = case
                    .inputs
                    .iter()
                    .map(|(_, b)| String::from_utf8_lossy(b))
                    .find(|t| t.contains("PRIVATE KEY"))
                    .map(|t| t.into_owned())
                    .unwrap_or_default();
                for provider in ProviderId::all() {
                    let settings = request_settings(provider, &certificate, &key);
                    let take = if case.every_setting {
                        settings.len()
                    } else {
                        1
                    };
                    for (fields, auth) in settings.into_iter().take(take) {
                        let outcome = request::build(
                            provider,
                            &analysis,
                            &certificate,
                            &fields,
                            &auth,
                            NOW,
                            "0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a",
                        );
                        diagnostics.extend(outcome.diagnostics());
                        made.runs += 1;
                    }
                }
                for d in &diagnostics {
                    texts.push(d.message.clone());
                    texts.extend(d.hint.clone());
                    texts.extend(d.page_hint.clone());
                    texts.extend(d.provider_error.clone());
                    texts.push(d.to_string());
                    // The Chinese forms are held to the same rule.
                    texts.push(d.text_in(Lang::ZhCn));
                    texts.extend(d.hint_in(Surface::Page, Lang::ZhCn).map(str::to_owned));
                }
                made.secrets.push((secret, all_passphrases.clone()));
                made.texts
                    .extend(texts.into_iter().map(|t| (run.clone(), t, secrets_at)));
                made.diagnostics
                    .extend(diagnostics.into_iter().map(|d| (run.clone(), d)));
                made.runs += 1;
            }
        }
        made
    })
}

fn check_text(run: &str, text: &str, secret: &HashSet<Window>, passphrases: &[String]) {
    if let Some(found) = leak(text, secret) {
        panic!("{run}: a message holds key material {found:?}:\n{text}");
    }
    // Long enough not to be an ordinary word ("password" is one, and messages say it).
    for passphrase in passphrases.iter().filter(|p| p.len() >= 12) {
        assert!(
            !text.contains(passphrase.as_str()),
            "{run}: a message holds the passphrase:\n{text}"
        );
    }
}

#[test]
fn no_message_holds_key_material_or_a_passphrase() {
    let made = made();
    for (run, text, at) in &made.texts {
        let (secret, passphrases) = &made.secrets[*at];
        check_text(run, text, secret, passphrases);
    }
    // The walk met key material to look for, and messages to look in.
    let with_keys = made.secrets.iter().filter(|(s, _)| !s.is_empty()).count();
    assert!(with_keys > 300, "only {with_keys} runs had key material");
    assert!(made.runs > 3000, "only {} runs", made.runs);
}

#[test]
fn the_leak_check_finds_a_quoted_key() {
    // The check itself: a message quoting 16 characters of a key block is caught, one quoting
    // the block's label or 15 characters is not.
    let text = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIBvVx0hlGG0Q7tT2vzMFtlLM6Jtm0vUyx5u0Iu0Tf6mD\n-----END PRIVATE KEY-----\n";
    let inputs = vec![("k.pem".to_owned(), text.as_bytes().to_vec())];
    let analysis = analyze_with(&[Input::new("k.pem", text.as_bytes())], &Options::default());
    let secret = key_material(&inputs, &analysis);
    assert!(leak("block 1: near MC4CAQAwBQYDK2VwBCIE", &secret).is_some());
    assert!(leak("xx Vx0hlGG0Q7tT2vzMF yy", &secret).is_some());
    assert!(leak("block 1 (BEGIN PRIVATE KEY) MC4CAQAwBQYDK2V", &secret).is_none());
    // The decoded key at another alignment than the PEM's.
    let plain = &analysis.keys[0].plain.as_ref().unwrap().der;
    let shifted = base64ct::Base64::encode_string(&plain[1..]);
    assert!(leak(&shifted[4..30], &secret).is_some());
}

/// Words that name one surface's means, and so may not appear in the other's hints (besides a
/// flag: `--` and a letter).
const COMMAND_LINE_WORDS: &[&str] = &["FILE", "VAR", "command line", "@PATH", "stdin", "argument"];

/// Whether a text names a command-line flag (`--passphrase-env`; not a PEM boundary's dashes).
fn names_a_flag(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'-' && w[1] == b'-' && w[2].is_ascii_lowercase())
}
const PAGE_WORDS: &[&str] = &[
    " box",
    "boxes",
    "this page",
    "the page",
    "form",
    "fill in",
    "field above",
    "under Signing",
    "passphrase field",
    "click",
    "button",
];

/// Whether `text` holds a Han character.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The compiler makes every message and hint carry a Chinese form (`tr!`); this checks that the
/// form is Chinese and not the English copied, for every diagnostic the walk meets, and that
/// each hint has its Chinese twin on each surface.
#[test]
fn every_diagnostic_met_reads_in_chinese() {
    let made = made();
    let mut codes = HashSet::new();
    for (run, d) in &made.diagnostics {
        let message = d.message_in(Lang::ZhCn);
        assert!(
            has_chinese(message) && message != d.message,
            "{run}: {} has no Chinese message: {message}",
            d.code
        );
        for surface in [Surface::Page, Surface::CommandLine] {
            let (english, chinese) = (d.hint_for(surface), d.hint_in(surface, Lang::ZhCn));
            assert_eq!(english.is_some(), chinese.is_some(), "{run}: {}", d.code);
            if let Some(chinese) = chinese {
                assert!(has_chinese(chinese), "{run}: {} hint: {chinese}", d.code);
            }
        }
        codes.insert(d.code.as_str());
    }
    assert!(codes.len() > 60, "the walk met only {} codes", codes.len());
}

#[test]
fn hints_fit_the_surface_they_are_read_on() {
    let made = made();
    let mut split = HashSet::new();
    for (run, d) in &made.diagnostics {
        let page = d.hint_for(Surface::Page).unwrap_or_default();
        let command_line = d.hint_for(Surface::CommandLine).unwrap_or_default();
        assert_eq!(
            d.hint_for(Surface::CommandLine),
            d.hint.as_deref(),
            "{run}: the command line shows `hint`"
        );
        assert!(
            !names_a_flag(page),
            "{run}: the page's hint for {} names a flag: {page}",
            d.code
        );
        for word in COMMAND_LINE_WORDS {
            assert!(
                !page.contains(word),
                "{run}: the page's hint for {} names {word:?}: {page}",
                d.code
            );
        }
        for word in PAGE_WORDS {
            assert!(
                !command_line.contains(word),
                "{run}: the command line's hint for {} names {word:?}: {command_line}",
                d.code
            );
        }
        if d.page_hint.is_some() {
            assert_ne!(
                page, command_line,
                "{run}: a split hint says the same twice"
            );
            split.insert(d.code.as_str());
        }
    }
    // The hints that differ were met in the walk (each with its own words).
    for code in [
        "encrypted-key-needs-passphrase",
        "pkcs12-needs-password",
        "field-missing",
        "field-unknown",
        "field-invalid",
        "target-csr-not-given",
        "target-needs-private-key",
        "empty-input",
    ] {
        assert!(split.contains(code), "no split hint met for {code}");
    }
}

#[test]
fn an_unreadable_key_is_not_asked_for_a_passphrase() {
    // Not encrypted, not readable: the analysis says why; nothing asks for a passphrase.
    let made = made();
    let mut seen = 0;
    for (run, d) in &made.diagnostics {
        if d.code.as_str() == "target-needs-private-key" && d.message.contains("could not be read")
        {
            seen += 1;
            for surface in [Surface::Page, Surface::CommandLine] {
                let hint = d.hint_for(surface).unwrap_or_default();
                assert!(!hint.contains("passphrase"), "{run}: {hint}");
            }
        }
    }
    assert!(seen > 0, "no unreadable key met");
}

/// Runs the real binary; its standard output and error.
fn cli(args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let output = binary::run(args, env);
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_prints_no_key_material() {
    // Every vector case with a key: `inspect` (text and JSON: all it prints) and `request` for
    // each target (its error stream: the request itself carries the key where the API takes
    // one), with a wrong and the right passphrase; then arguments that hold a key by mistake.
    let now = corpus::NOW;
    let mut runs = 0;
    for case in vector_cases() {
        let dir = root()
            .join("tests/vectors/inspect")
            .join(&case.name)
            .join("input");
        let paths: Vec<String> = files(&dir)
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let inputs: Vec<Input> = case
            .inputs
            .iter()
            .map(|(name, bytes)| Input::new(name, bytes))
            .collect();
        let analysis = analyze_with(
            &inputs,
            &Options {
                now: NOW,
                ..Options::default()
            },
        );
        if analysis.keys.is_empty() {
            continue;
        }
        let mut secret = HashSet::new();
        for (k, path) in paths.iter().enumerate() {
            // The binary names inputs by their path.
            let named = vec![(path.clone(), case.inputs[k].1.clone())];
            let one = analyze_with(
                &[Input::new(path, &case.inputs[k].1)],
                &Options {
                    now: NOW,
                    ..Options::default()
                },
            );
            secret.extend(key_material(&named, &one));
        }
        secret.extend(key_material(&case.inputs, &analysis));
        let mut passphrases = vec![WRONG.to_owned()];
        passphrases.extend(case.passphrases.iter().cloned());
        for passphrase in &passphrases {
            let env = [
                ("PASS", passphrase.as_str()),
                ("SECRET", "s"),
                ("TOKEN", "t"),
            ];
            let mut inspect = vec!["inspect", "--now", now, "--passphrase-env", "PASS"];
            inspect.extend(paths.iter().map(String::as_str));
            let (out, err) = cli(&inspect, &env);
            check_text(&case.name, &format!("{out}{err}"), &secret, &passphrases);
            inspect.push("--json");
            let (out, err) = cli(&inspect, &env);
            check_text(&case.name, &format!("{out}{err}"), &secret, &passphrases);
            for provider in ProviderId::all() {
                let spec = provider.spec();
                let (region, auth) = (spec.default_region, spec.schemes[0].auth_name());
                let field = spec
                    .fields
                    .first()
                    .map(|f| format!("{}=x", f.name))
                    .unwrap_or_else(|| "Unknown=x".to_owned());
                let mut request = vec![
                    "request",
                    "--provider",
                    provider.as_str(),
                    "--region",
                    region,
                    "--auth",
                    auth,
                    "--access-key-id",
                    "AKID",
                    "--secret-env",
                    "SECRET",
                    "--token-env",
                    "TOKEN",
                    "--timestamp",
                    now,
                    "--nonce",
                    "n",
                    "--field",
                    &field,
                    "--passphrase-env",
                    "PASS",
                ];
                request.extend(paths.iter().map(String::as_str));
                let (_, err) = cli(&request, &env);
                check_text(&case.name, &err, &secret, &passphrases);
                runs += 1;
            }
        }
        // A key given where an argument goes (its PEM on one line, as a shell joins it).
        for (_, bytes) in &case.inputs {
            for (label, body) in key_blocks(&String::from_utf8_lossy(bytes)) {
                let one_line = format!(
                    "-----BEGIN {label}-----{}-----END {label}-----",
                    body.concat()
                );
                let bare = body.concat();
                let missing_file = format!("enc_private_key=@/nonexistent/{bare}");
                for args in [
                    vec!["inspect", one_line.as_str()],
                    vec![bare.as_str()],
                    vec!["inspect", "--now", bare.as_str(), "x"],
                    vec!["check", "--provider", bare.as_str(), "x"],
                    vec!["request", "--auth", bare.as_str(), "x"],
                    vec!["request", "--format", bare.as_str(), "x"],
                    vec!["request", "--token-env", bare.as_str(), "x"],
                    vec!["request", "--field", bare.as_str(), "x"],
                    vec!["request", "--field", one_line.as_str(), "x"],
                    vec![
                        "request",
                        "--provider",
                        "huawei-elb",
                        "--region",
                        "r",
                        "--auth",
                        "token",
                        "--token-env",
                        "T",
                        "--field",
                        one_line.as_str(),
                        "--field",
                        missing_file.as_str(),
                        "x",
                    ],
                ] {
                    let (out, err) = cli(&args, &[]);
                    check_text(&case.name, &format!("{out}{err}"), &secret, &[]);
                    assert!(!err.is_empty(), "{args:?} is refused");
                    runs += 1;
                }
            }
        }
    }
    assert!(runs > 100, "only {runs} runs of the binary");
}

/// What the Chinese forms may hold in Latin letters without being an English sentence: the names
/// of standards, algorithms, formats and fields people type or read as they are.
const LATIN_NAMES: &[&str] = &[
    // A formula (DSA: y = g^x mod p).
    "x mod p",
];

/// The English sentences in a Chinese text, by the rule of the page's end-to-end test
/// (tests/e2e/app-page.js `englishSentences`): runs of three or more words of Latin letters,
/// outside what the text quotes (“…”, "…", `…`), a rule citation (（规则 …）: the sources' own
/// titles) and the certificates' own names (an RFC 4514 name, `CN=…,O=…`, the input's text, up
/// to the next Chinese character or bracket); runs in capitals (PEM labels such as BEGIN PRIVATE
/// KEY) and `LATIN_NAMES` allowed.
fn english_sentences(text: &str) -> Vec<String> {
    // Quoted spans, rule citations and names out.
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for (open, close) in [("“", "”"), ("\"", "\""), ("`", "`"), ("（规则 ", "）")] {
            if let Some(after) = rest.strip_prefix(open)
                && let Some(end) = after.find(close)
            {
                plain.push(' ');
                rest = &after[end + close.len()..];
                continue 'outer;
            }
        }
        let attribute = rest.find('=').is_some_and(|at| {
            at > 0
                && rest[..at]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.')
        });
        let starts_word = !plain
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_alphanumeric());
        if attribute && starts_word {
            // A distinguished name: its attributes and values, to what is not the name.
            let end = rest
                .find(|c: char| !c.is_ascii() || "()（）；".contains(c))
                .unwrap_or(rest.len());
            plain.push(' ');
            rest = &rest[end..];
            continue;
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let is_start = |c: char| c.is_ascii_alphabetic();
    let is_word = |c: char| c.is_ascii_alphabetic() || "'’.-".contains(c);
    let chars: Vec<char> = plain.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_start(chars[i]) || (i > 0 && is_word(chars[i - 1])) {
            i += 1;
            continue;
        }
        // A run: word ([ ,]+ word)*.
        let (start, mut end, mut words) = (i, i, 0);
        let mut j = i;
        while j < chars.len() {
            while j < chars.len() && is_word(chars[j]) {
                j += 1;
            }
            words += 1;
            end = j;
            let mut k = j;
            while k < chars.len() && (chars[k] == ' ' || chars[k] == ',') {
                k += 1;
            }
            if k > j && k < chars.len() && is_start(chars[k]) {
                j = k;
            } else {
                break;
            }
        }
        let run: String = chars[start..end].iter().collect();
        if words >= 3
            && run != run.to_uppercase()
            && !LATIN_NAMES.iter().any(|name| run.contains(name))
        {
            found.push(run);
        }
        i = end.max(i + 1);
    }
    found
}

#[test]
fn no_english_sentence_in_a_chinese_diagnostic() {
    let made = made();
    let mut found = std::collections::BTreeMap::<String, (String, String)>::new();
    for (run, d) in &made.diagnostics {
        let mut texts = vec![d.message_in(Lang::ZhCn).to_owned()];
        for surface in [Surface::Page, Surface::CommandLine] {
            texts.extend(d.hint_in(surface, Lang::ZhCn).map(str::to_owned));
        }
        for text in texts {
            for sentence in english_sentences(&text) {
                found
                    .entry(format!("{}: {sentence}", d.code.as_str()))
                    .or_insert_with(|| (run.clone(), text.clone()));
            }
        }
    }
    let report: Vec<String> = found
        .iter()
        .map(|(key, (run, text))| format!("{key}\n    {run}: {text}"))
        .collect();
    assert!(
        report.is_empty(),
        "{} English sentences in Chinese diagnostics:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_english_sentence_rule_finds_what_the_walk_must_not_meet() {
    // What the diagnostics said in Chinese before their details had Chinese forms.
    assert_eq!(
        english_sentences(
            "第 1 块不是 X.509 证书：unexpected ASN.1 DER tag: expected SEQUENCE, got SET"
        ),
        ["expected SEQUENCE, got SET"]
    );
    assert_eq!(
        english_sentences("私钥不可能有效：its version is not 0"),
        ["its version is not"]
    );
    // Quotes, rule citations, names, capitals and formulas are not sentences.
    for allowed in [
        "第 1 块不是 X.509 证书：DER 解码失败（技术细节：“unexpected ASN.1 DER tag: got SET”）",
        "CN=Preflight Test Root R2,O=cert-preflight test,C=CN 不是 CA 证书",
        "（规则 huawei-elb/key-encoding：Huawei Cloud CCM (SCM) FAQ: PKCS#8 keys are not supported）",
        "第 1 块（BEGIN RSA PRIVATE KEY）缺少 END 行",
        "公钥值 y 不等于 g^x mod p",
    ] {
        assert_eq!(
            english_sentences(allowed),
            Vec::<String>::new(),
            "{allowed}"
        );
    }
}
