//! `cert-preflight request --format console` for every target: the console's labels in both
//! languages, each field's text equal to the fixed bundle or key the same run's
//! `request --format json` sends, and no secret in the output.

use serde_json::Value;

use crate::binary::run as cli;
use crate::corpus::{NOW, inspect_input as input};

const ALIBABA_SECRET: &str = "alibaba-console-secret-0001";
const HUAWEI_SECRET: &str = "huawei-console-secret-0001";

/// Every string value of the call (RPC parameters, or the REST body's members).
fn call_strings(call: &Value) -> Vec<String> {
    fn walk(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&call["parameters"], &mut out);
    if let Some(body) = call["body"].as_str() {
        walk(&serde_json::from_str::<Value>(body).unwrap(), &mut out);
    }
    out
}

/// Runs the request as JSON and as the console view in both languages and checks them against
/// each other; returns the JSON.
fn check_target(provider: &str, args: &[&str], files: &[String]) -> Value {
    let env = [
        ("ALIBABA_SECRET", ALIBABA_SECRET),
        ("HUAWEI_SECRET", HUAWEI_SECRET),
    ];
    let run = |extra: &[&str]| {
        let mut all = vec!["request", "--provider", provider, "--timestamp", NOW];
        all.extend_from_slice(args);
        all.extend_from_slice(extra);
        all.extend(files.iter().map(String::as_str));
        let output = cli(&all, &env);
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.status.success(),
            "{provider} {extra:?}: {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        for secret in [ALIBABA_SECRET, HUAWEI_SECRET] {
            assert!(
                !stdout.contains(secret),
                "{provider}: a secret in {extra:?}"
            );
        }
        stdout
    };
    let json: Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let english = run(&["--format", "console"]);
    let chinese = run(&["--format", "console", "--lang", "zh-CN"]);
    assert!(english.contains(json["console"]["menu"].as_str().unwrap()));
    assert!(chinese.contains(json["console"]["menu_zh"].as_str().unwrap()));
    let fields = json["console"]["fields"].as_array().unwrap();
    assert!(!fields.is_empty(), "{provider}");
    let bundle = &json["fixes"]["bundle"];
    let sent = call_strings(&json["call"]);
    let mut keys = 0;
    for field in fields {
        let (label, label_zh) = (
            field["label"].as_str().unwrap(),
            field["label_zh"].as_str().unwrap(),
        );
        assert!(
            english.contains(&format!("\n## {label}\n")),
            "{provider}: {label}"
        );
        assert!(
            chinese.contains(&format!("\n## {label_zh}\n")),
            "{provider}: {label_zh}"
        );
        assert!(
            !chinese.contains(&format!("## {label}\n")),
            "{provider}: {label} in zh"
        );
        for (en, zh) in field["pitfalls"]
            .as_array()
            .unwrap()
            .iter()
            .zip(field["pitfalls_zh"].as_array().unwrap())
        {
            assert!(english.contains(&format!("- {}\n", en.as_str().unwrap())));
            assert!(chinese.contains(&format!("- {}\n", zh.as_str().unwrap())));
        }
        let text = field["text"].as_str();
        let expected = match field["fill"].as_str().unwrap() {
            "certificate" => bundle["certificate"].as_str(),
            "certificate_with_chain" => bundle["after"].as_str(),
            "chain" => bundle["chain"].as_str().filter(|c| !c.is_empty()),
            "private_key" => {
                keys += 1;
                let key = text.expect("the key is in the console view");
                assert!(key.contains(" PRIVATE KEY-----\n"), "{provider}");
                assert!(
                    sent.iter().any(|s| s == key),
                    "{provider}: the key the call sends"
                );
                Some(key)
            }
            fill => {
                let name = fill.strip_prefix("field:").unwrap();
                if let Some(text) = text {
                    assert!(sent.iter().any(|s| s == text), "{provider}: {name}");
                }
                text
            }
        };
        assert_eq!(text, expected, "{provider}: {label}");
        if let Some(text) = text {
            assert!(
                english.contains(text) && chinese.contains(text),
                "{provider}: {label}"
            );
        }
    }
    let takes_key = json["call"].to_string().contains("PRIVATE KEY");
    assert_eq!(
        keys > 0,
        takes_key,
        "{provider}: a key field exactly when the call sends a key"
    );
    json
}

fn path(case: &str, file: &str) -> String {
    input(case, file).display().to_string()
}

const ALIBABA: [&str; 6] = [
    "--auth",
    "v2",
    "--access-key-id",
    "LTAI-test-key",
    "--secret-env",
    "ALIBABA_SECRET",
];
const HUAWEI: [&str; 6] = [
    "--auth",
    "aksk",
    "--access-key-id",
    "HWTESTAK0001",
    "--secret-env",
    "HUAWEI_SECRET",
];

fn with<'a>(auth: &[&'a str], rest: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--nonce", "console-nonce"];
    all.extend_from_slice(auth);
    all.extend_from_slice(rest);
    all
}

#[test]
fn every_alibaba_console_gets_the_fixed_material() {
    let root = path("public-isrg-root-x1", "isrg-root-x1.pem");
    let json = check_target(
        "alibaba-slb-ca",
        &with(
            &ALIBABA,
            &[
                "--region",
                "cn-shanghai",
                "--field",
                "CACertificateName=ca-2026",
            ],
        ),
        &[root],
    );
    assert_eq!(json["console"]["fields"][0]["text"], "ca-2026");

    let rsa = [
        path("key-pkcs1-rsa-matches-leaf", "chain.pem"),
        path("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem"),
    ];
    let json = check_target(
        "alibaba-slb-server",
        &with(
            &ALIBABA,
            &[
                "--region",
                "cn-shanghai",
                "--field",
                "ServerCertificateName=www-2026",
            ],
        ),
        &rsa,
    );
    let changes = json["fixes"]["bundle"]["changes"].to_string();
    assert!(
        changes.contains("root"),
        "the root left the bundle: {changes}"
    );

    // A PKCS#8 EC key: the console gets it converted (SEC1), as the call sends it.
    let ec = [
        path("key-pkcs8-ec-matches-leaf", "leaf.pem"),
        path("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem"),
    ];
    let json = check_target(
        "alibaba-cas",
        &with(
            &ALIBABA,
            &["--region", "cn-hangzhou", "--field", "Name=cas-2026"],
        ),
        &ec,
    );
    let original = std::fs::read_to_string(&ec[1]).unwrap();
    assert!(original.contains("BEGIN PRIVATE KEY"));
    let key = json["console"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["fill"] == "private_key")
        .unwrap();
    assert!(
        key["text"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN EC PRIVATE KEY-----\n")
    );

    check_target(
        "alibaba-kms",
        &with(
            &ALIBABA,
            &[
                "--region",
                "cn-hangzhou",
                "--field",
                "CertificateId=0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a",
            ],
        ),
        &[
            path("csr-matches-leaf", "leaf.pem"),
            path("csr-matches-leaf", "request.csr"),
        ],
    );
}

#[test]
fn every_huawei_console_gets_the_fixed_material() {
    let chain = std::fs::read_to_string(input("chain-ordered-leaf-int-root", "chain.pem")).unwrap();
    let blocks: Vec<&str> = chain
        .split_inclusive("-----END CERTIFICATE-----\n")
        .collect();
    let dir = std::env::temp_dir().join(format!("cert-preflight-console-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, format!("{}{}", blocks[1], blocks[2])).unwrap();
    let json = check_target(
        "huawei-ccm-pca",
        &with(
            &HUAWEI,
            &[
                "--region",
                "cn-north-4",
                "--domain-id",
                "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
                "--field",
                "ca_id=6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6",
            ],
        ),
        &[ca.display().to_string()],
    );
    assert_eq!(json["console"]["fields"][0]["text"], blocks[1]);

    let ec = [
        path("key-pkcs8-ec-matches-leaf", "leaf.pem"),
        path("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem"),
    ];
    check_target(
        "huawei-elb",
        &with(
            &HUAWEI,
            &[
                "--region",
                "cn-north-4",
                "--field",
                "project_id=0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "--field",
                "name=elb-2026",
            ],
        ),
        &ec,
    );
    let rsa = [
        path("key-pkcs1-rsa-matches-leaf", "chain.pem"),
        path("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem"),
    ];
    let json = check_target(
        "huawei-scm",
        &with(
            &HUAWEI,
            &[
                "--region",
                "cn-north-4",
                "--domain-id",
                "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
                "--field",
                "name=scm_2026",
            ],
        ),
        &rsa,
    );
    // SCM's console takes the certificate and its chain in one box (its FAQ ccm_01_0187), leaf
    // first: no separate chain box.
    let fields = json["console"]["fields"].as_array().unwrap();
    assert!(fields.iter().all(|f| f["fill"] != "chain"));
    let file = fields
        .iter()
        .find(|f| f["fill"] == "certificate_with_chain")
        .and_then(|f| f["text"].as_str())
        .unwrap();
    let leaf = json["fixes"]["bundle"]["certificate"].as_str().unwrap();
    assert!(file.starts_with(leaf), "the leaf first");
    assert!(
        file.matches("-----BEGIN CERTIFICATE-----\n").count() >= 2,
        "with its chain"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_console_view_when_an_error_blocks_the_request() {
    let root = path("public-isrg-root-x1", "isrg-root-x1.pem");
    let mut args = vec![
        "request",
        "--provider",
        "alibaba-slb-ca",
        "--timestamp",
        NOW,
    ];
    args.extend(with(
        &ALIBABA,
        &["--region", "cn-shanghai", "--field", "Tag.1.Key=aliyun:x"],
    ));
    args.extend(["--format", "console", &root]);
    let output = cli(&args, &[("ALIBABA_SECRET", ALIBABA_SECRET)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no request was built"), "{stderr}");

    // The JSON has no console section then either (it would carry the key without a call).
    let json_args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "console" { "json" } else { a })
        .collect();
    let output = cli(&json_args, &[("ALIBABA_SECRET", ALIBABA_SECRET)]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        json["request"].is_null() && json.get("console").is_none(),
        "{json:#}"
    );
}

#[test]
fn sm2_consoles_get_the_encryption_pair() {
    let material = crate::corpus::repo().join("tests/vectors/providers/material/sm2");
    let file = |name: &str| material.join(name).display().to_string();
    let sign = [file("sign-chain.pem"), file("sign-key.test-only.pem")];
    let enc_cert = std::fs::read_to_string(material.join("enc-chain.pem")).unwrap();
    let cases = [
        (
            "alibaba-cas",
            "cn-hangzhou",
            ["Name=sm2_web", "EncryptCert", "EncryptPrivateKey"],
        ),
        (
            "huawei-scm",
            "cn-north-4",
            ["name=sm2_web", "enc_certificate", "enc_private_key"],
        ),
    ];
    for (provider, region, [name, cert, key]) in cases {
        let cert_arg = format!("{cert}=@{}", file("enc-chain.pem"));
        let key_arg = format!("{key}=@{}", file("enc-key.test-only.pem"));
        let auth: &[&str] = if provider.starts_with("alibaba") {
            &ALIBABA
        } else {
            &HUAWEI
        };
        let mut rest = vec!["--region", region, "--field", name, "--field", &cert_arg];
        rest.extend(["--field", &key_arg]);
        if provider == "huawei-scm" {
            rest.extend(["--domain-id", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"]);
        }
        let json = check_target(provider, &with(auth, &rest), &sign);
        let fields = json["console"]["fields"].as_array().unwrap();
        let text = |fill: String| {
            fields
                .iter()
                .find(|f| f["fill"] == fill.as_str())
                .and_then(|f| f["text"].as_str())
                .unwrap_or_else(|| panic!("{provider}: {fill}"))
                .to_owned()
        };
        let sent_cert = text(format!("field:{cert}"));
        assert!(
            enc_cert.starts_with(sent_cert.lines().next().unwrap())
                && sent_cert.contains("CERTIFICATE"),
            "{provider}: the encryption certificate"
        );
        assert!(
            text(format!("field:{key}")).contains("PRIVATE KEY-----"),
            "{provider}"
        );
    }
}
