//! The targets' rules through the real binary: `check` and `request` on the vector corpus give the
//! codes (and provider errors) each rule promises, and the key re-encoding agrees with openssl.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const NOW: &str = "2026-11-22T00:00:00Z";

fn vector(case: &str, file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/inspect")
        .join(case)
        .join("input")
        .join(file)
        .display()
        .to_string()
}

fn passphrase(case: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/inspect")
        .join(case)
        .join("passphrase.txt");
    std::fs::read_to_string(path).unwrap().trim_end().to_owned()
}

fn run(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, Value) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cert-preflight"));
    command.args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code(), json)
}

fn check(provider: &str, files: &[String]) -> (Option<i32>, Value) {
    let mut args = vec!["check", "--provider", provider, "--now", NOW, "--json"];
    args.extend(files.iter().map(String::as_str));
    run(&args, &[])
}

fn codes(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

fn diagnostic<'a>(json: &'a Value, code: &str) -> &'a Value {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {:#}", json["diagnostics"]))
}

#[test]
fn slb_takes_exactly_one_ca_certificate() {
    let (status, json) = check(
        "alibaba-slb-ca",
        &[vector("chain-ordered-leaf-int-root", "chain.pem")],
    );
    assert_eq!(status, Some(1));
    assert!(codes(&json).contains(&"target-certificate-count".to_owned()));
    // No source states that the CA upload refuses a leaf: the inferred rule only warns.
    let (status, json) = check(
        "alibaba-slb-ca",
        &[vector("self-signed-leaf-not-ca", "selfsigned.pem")],
    );
    assert_eq!(status, Some(0), "{:#}", json["diagnostics"]);
    let d = diagnostic(&json, "target-rule-unconfirmed");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("alibaba-slb-ca/ca-certificate")
    );
    let (status, json) = check(
        "alibaba-slb-ca",
        &[vector("public-isrg-root-x1", "isrg-root-x1.pem")],
    );
    assert_eq!(status, Some(0), "{:#}", json["diagnostics"]);
    assert_eq!(json["provider"]["id"], "alibaba-slb-ca");
    assert!(
        json["provider"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["sources"].as_array().unwrap().is_empty())
    );
}

#[test]
fn kms_checks_the_key_spec_and_asks_for_the_csr() {
    let (status, json) = check(
        "alibaba-kms",
        &[vector("ed25519-root-and-leaf", "chain.pem")],
    );
    assert_eq!(status, Some(1));
    assert!(codes(&json).contains(&"target-key-algorithm".to_owned()));
    assert!(codes(&json).contains(&"target-csr-not-given".to_owned()));
    let (_, json) = check(
        "alibaba-kms",
        &[
            vector("csr-does-not-match-leaf", "leaf.pem"),
            vector("csr-does-not-match-leaf", "request.csr"),
        ],
    );
    let d = diagnostic(&json, "csr-does-not-match-certificate");
    assert!(
        d["provider_error"]
            .as_str()
            .unwrap()
            .contains("InvalidParameter"),
        "{d:#}"
    );
    let (status, json) = check(
        "alibaba-kms",
        &[
            vector("csr-matches-leaf", "leaf.pem"),
            vector("csr-matches-leaf", "request.csr"),
        ],
    );
    assert_eq!(status, Some(0), "{:#}", json["diagnostics"]);
    assert!(!codes(&json).contains(&"target-csr-not-given".to_owned()));
    assert_eq!(
        json["provider"]["fixes"]["bundle"]["changes"],
        serde_json::json!([]),
        "a clean PEM file and a CSR beside it need no fix"
    );
}

#[test]
fn ccm_wants_a_ca_with_accepted_algorithms_and_a_complete_chain() {
    let (status, json) = check(
        "huawei-ccm-pca",
        &[vector("chain-ordered-leaf-int-root", "chain.pem")],
    );
    assert_eq!(status, Some(1), "the leaf is not a CA");
    assert!(codes(&json).contains(&"target-needs-ca-certificate".to_owned()));
    // The signature list is how PCA signs: an imported certificate outside it only warns.
    let (_, json) = check("huawei-ccm-pca", &[vector("sha1-signed-leaf", "chain.pem")]);
    assert!(
        codes(&json).contains(&"target-rule-unconfirmed".to_owned())
            && !codes(&json).contains(&"target-signature-algorithm".to_owned()),
        "{:?}",
        codes(&json)
    );
    let (_, json) = check(
        "huawei-ccm-pca",
        &[vector("ed25519-root-and-leaf", "chain.pem")],
    );
    assert!(codes(&json).contains(&"target-key-algorithm".to_owned()));
    let (_, json) = check(
        "huawei-ccm-pca",
        &[vector("chain-missing-intermediate", "chain.pem")],
    );
    let d = diagnostic(&json, "chain-missing-issuer");
    assert_eq!(d["provider_error"], "PCA: Incorrect certificate chain");
}

#[test]
fn elb_arranges_the_bundle_and_needs_the_key() {
    let (status, json) = check("huawei-elb", &[vector("chain-shuffled", "chain.pem")]);
    assert_eq!(status, Some(1));
    assert!(codes(&json).contains(&"target-needs-private-key".to_owned()));
    let bundle = &json["provider"]["fixes"]["bundle"];
    let changes = bundle["changes"].to_string();
    assert!(
        changes.contains("chain order") && changes.contains("dropped the self-signed root"),
        "{changes}"
    );
    let after = bundle["after"].as_str().unwrap();
    assert_eq!(after.matches("BEGIN CERTIFICATE").count(), 2);
    assert!(after.lines().all(|l| l.len() <= 64) && !after.contains('\r'));

    let (status, json) = check(
        "huawei-elb",
        &[
            vector("key-matches-intermediate-not-leaf", "chain.pem"),
            vector("key-matches-intermediate-not-leaf", "key.test-only.pem"),
        ],
    );
    if status == Some(1) {
        let d = diagnostic(&json, "key-does-not-match-certificate");
        assert!(
            d["provider_error"]
                .as_str()
                .unwrap()
                .starts_with("ELB.1011")
        );
    } else {
        panic!(
            "a key of the intermediate must not pass for the leaf: {:#}",
            json["diagnostics"]
        );
    }
}

#[test]
fn elb_fields_follow_the_documented_rules() {
    let leaf = vector("key-pkcs8-ec-matches-leaf", "leaf.pem");
    let key = vector("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem");
    let request = |fields: &[&str]| {
        let mut args = vec![
            "request",
            "--provider",
            "huawei-elb",
            "--region",
            "cn-north-4",
            "--auth",
            "token",
            "--token-env",
            "T",
            "--timestamp",
            NOW,
            "--format",
            "json",
        ];
        for field in fields {
            args.extend(["--field", field]);
        }
        args.extend([leaf.as_str(), key.as_str()]);
        run(&args, &[])
    };
    let (status, json) = request(&["project_id=abc123", "domain=api.example.com,*.example.com"]);
    assert_eq!(status, Some(1), "*.example.com is not among the names");
    assert!(codes(&json).contains(&"domain-not-covered".to_owned()));
    let (status, json) = request(&[
        "project_id=ABC",
        "protection_reason=x",
        "enterprise_project_id=0",
        "type=nope",
    ]);
    assert_eq!(status, Some(1));
    let invalid = codes(&json)
        .iter()
        .filter(|c| *c == "field-invalid")
        .count();
    assert!(invalid >= 3, "{:?}", codes(&json));
    assert!(
        codes(&json).contains(&"field-unverified-rule".to_owned()),
        "enterprise_project_id 0 is disputed: {:?}",
        codes(&json)
    );
    let (status, json) = request(&["name=x"]);
    assert_eq!(status, Some(1));
    assert!(codes(&json).contains(&"field-missing".to_owned()));
    let long = format!("name={}", "名".repeat(256));
    let (_, json) = request(&["project_id=abc", &long]);
    assert!(codes(&json).contains(&"field-too-long".to_owned()));
    let (status, json) = request(&["project_id=abc", "type=client"]);
    assert_eq!(
        status,
        Some(1),
        "a leaf is not a CA certificate for type client"
    );
    assert!(codes(&json).contains(&"target-needs-ca-certificate".to_owned()));
    assert!(
        codes(&json).contains(&"field-ignored".to_owned()),
        "the key is not sent for client"
    );
    let (status, json) = request(&[
        "project_id=abc",
        "domain=api.example.com",
        "admin_state_up=false",
    ]);
    assert_eq!(status, Some(0), "{:#}", json["diagnostics"]);
    let body: Value = serde_json::from_str(json["request"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["certificate"]["admin_state_up"], false);
    let cli = json["request"]["vendor_cli"].as_str().unwrap();
    assert!(
        cli.contains("hcloud ELB CreateCertificate/v3 \\\n    --cli-region=cn-north-4"),
        "{cli}"
    );
    assert!(
        cli.contains("umask 077") && cli.contains("--certificate.private_key=\"$(cat "),
        "{cli}"
    );
    assert_eq!(
        json["request"]["headers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h[0] == "X-Auth-Token")
            .count(),
        1
    );
    assert_eq!(
        json["request"]["expires_at"],
        Value::Null,
        "a token request has no signature to expire"
    );
}

/// The ELB request carries the key re-encoded (PKCS#8 → SEC1/PKCS#1, decrypted): it must equal
/// what `openssl pkey -traditional` makes of the same key.
#[test]
fn key_reencoding_agrees_with_openssl() {
    for (case, pass) in [
        ("key-pkcs8-ec-matches-leaf", false),
        ("key-encrypted-pkcs8-pbkdf2-aes256", true),
        ("key-encrypted-pkcs8-scrypt", true),
        ("key-legacy-pem-aes256-cbc", true),
        ("key-pkcs1-rsa-matches-leaf", false),
    ] {
        let key = vector(case, "leaf-key.test-only.pem");
        let leaf = if case == "key-pkcs1-rsa-matches-leaf" {
            vector(case, "chain.pem")
        } else {
            vector(case, "leaf.pem")
        };
        let secret = if pass {
            passphrase(case)
        } else {
            String::new()
        };
        let mut args = vec![
            "request",
            "--provider",
            "huawei-elb",
            "--region",
            "cn-north-4",
            "--auth",
            "token",
            "--token-env",
            "T",
            "--timestamp",
            NOW,
            "--format",
            "json",
            "--field",
            "project_id=abc",
        ];
        if pass {
            args.extend(["--passphrase-env", "PASS"]);
        }
        args.extend([leaf.as_str(), key.as_str()]);
        let (status, json) = run(&args, &[("PASS", &secret)]);
        assert_eq!(status, Some(0), "{case}: {:#}", json["diagnostics"]);
        let body: Value = serde_json::from_str(json["request"]["body"].as_str().unwrap()).unwrap();
        let ours = body["certificate"]["private_key"]
            .as_str()
            .unwrap()
            .to_owned();
        let mut openssl = Command::new("openssl");
        openssl.args(["pkey", "-traditional", "-in", &key]);
        if pass {
            openssl.args(["-passin", "env:PASS"]).env("PASS", &secret);
        }
        let expected = openssl.output().expect("openssl runs");
        assert!(
            expected.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&expected.stderr)
        );
        assert_eq!(ours, String::from_utf8(expected.stdout).unwrap(), "{case}");
        assert!(
            !json.to_string().contains(&secret) || secret.is_empty(),
            "{case}: the passphrase leaked"
        );
    }
}

/// ELB `server_sm`: an SM2 signing pair and the SM2 encryption pair (`enc_*` from files).
#[test]
fn elb_server_sm_takes_both_sm2_pairs() {
    let chain = vector("sm2-sm3-chain-and-key", "chain.pem");
    let key = vector("sm2-sm3-chain-and-key", "leaf-key.test-only.pem");
    let text = std::fs::read_to_string(&chain).unwrap();
    let leaf = text
        .split_inclusive("-----END CERTIFICATE-----\n")
        .next()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("cert-preflight-sm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let enc_certificate = dir.join("enc.pem");
    std::fs::write(&enc_certificate, leaf).unwrap();
    let enc_cert_field = format!("enc_certificate=@{}", enc_certificate.display());
    let enc_key_field = format!("enc_private_key=@{key}");
    let base = [
        "request",
        "--provider",
        "huawei-elb",
        "--region",
        "cn-north-4",
        "--auth",
        "token",
        "--token-env",
        "T",
        "--timestamp",
        NOW,
        "--format",
        "json",
        "--field",
        "project_id=abc",
        "--field",
        "type=server_sm",
    ];
    let mut args = base.to_vec();
    args.extend([
        "--field",
        &enc_cert_field,
        "--field",
        &enc_key_field,
        &chain,
        &key,
    ]);
    let (status, json) = run(&args, &[]);
    assert_eq!(status, Some(0), "{:#}", json["diagnostics"]);
    let body: Value = serde_json::from_str(json["request"]["body"].as_str().unwrap()).unwrap();
    let option = &body["certificate"];
    assert_eq!(option["type"], "server_sm");
    assert_eq!(option["enc_certificate"], leaf);
    assert!(
        option["private_key"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "SM keys stay PKCS#8"
    );
    assert!(
        option["enc_private_key"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----\n")
    );

    // Without the encryption pair, and with an RSA certificate, server_sm is refused.
    let mut args = base.to_vec();
    args.extend([chain.as_str(), key.as_str()]);
    let (status, json) = run(&args, &[]);
    assert_eq!(status, Some(1));
    assert!(codes(&json).contains(&"field-missing".to_owned()));
    let rsa_chain = vector("key-pkcs1-rsa-matches-leaf", "chain.pem");
    let rsa_key = vector("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem");
    let mut args = base.to_vec();
    args.extend([
        "--field",
        &enc_cert_field,
        "--field",
        &enc_key_field,
        &rsa_chain,
        &rsa_key,
    ]);
    let (_, json) = run(&args, &[]);
    assert!(
        codes(&json).contains(&"target-key-algorithm".to_owned()),
        "{:?}",
        codes(&json)
    );
    std::fs::remove_dir_all(&dir).ok();
}
