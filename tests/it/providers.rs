//! The targets' rules as vectors: every case under `tests/vectors/providers/<target>/<case>/`
//! (`case.json`, written by `tests/vectors/providers/generate.py`) runs through the real binary,
//! and its verdict (exit status, each diagnostic's severity, code, cited rule and provider error,
//! the unsigned call with PEM blocks shown by their SHA-256, the vendor CLI command line) must equal
//! `expected.txt`. `UPDATE_EXPECT=1 cargo test --test it providers::` rewrites them; review the diff.
//!
//! The same test holds the severity policy (an error only cites a rule that blocks), and the
//! coverage the issue asks for: every rule of every target is named by some case, and every audit
//! finding D1-D13 has one. Beside it: the re-encoded key agrees with openssl.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::binary::{self, run_json as run};
use crate::corpus::{self, NOW, inspect_input, repo};

fn vector(case: &str, file: &str) -> String {
    inspect_input(case, file).display().to_string()
}

#[track_caller]
fn passphrase(case: &str) -> String {
    corpus::passphrase(&corpus::vectors("inspect").join(case)).expect("passphrase.txt")
}

/// A material reference of a case.json as a path.
fn material(case_dir: &Path, reference: &str) -> String {
    let path = if let Some(rest) = reference.strip_prefix("inspect:") {
        let (case, file) = rest.split_once('/').expect("inspect:<case>/<file>");
        inspect_input(case, file)
    } else if let Some(rest) = reference.strip_prefix("material:") {
        repo().join("tests/vectors/providers/material").join(rest)
    } else {
        case_dir.join(reference)
    };
    assert!(
        path.is_file(),
        "{}: {} is missing",
        case_dir.display(),
        path.display()
    );
    path.display().to_string()
}

/// PEM blocks in a text replaced by their label and the first 12 hex digits of their SHA-256.
fn abbreviate_pem(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        out.push_str(&rest[..start]);
        let block = &rest[start..];
        let label_end = block[11..].find("-----").map(|i| i + 11);
        let Some(label_end) = label_end else {
            out.push_str(block);
            return out;
        };
        let label = &block[11..label_end];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = block.find(&end_marker) else {
            out.push_str(block);
            return out;
        };
        let pem = &block[..end + end_marker.len()];
        let digest = Sha256::digest(pem.as_bytes());
        let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        out.push_str(&format!("<{label} {hex}>"));
        rest = &block[end + end_marker.len()..];
    }
    out.push_str(rest);
    out
}

fn abbreviate(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(abbreviate_pem(s)),
        Value::Array(items) => Value::Array(items.iter().map(abbreviate).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), abbreviate(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The rule a diagnostic cites (`(rule <id>: ...`).
fn cited_rule(diagnostic: &Value) -> Option<String> {
    let message = diagnostic["message"].as_str()?;
    let at = message.rfind("(rule ")?;
    let rest = &message[at + 6..];
    Some(rest[..rest.find(':')?].to_owned())
}

struct Targets {
    specs: BTreeMap<String, Value>,
    blocks: BTreeMap<String, bool>,
}

fn targets() -> Targets {
    let output = binary::command()
        .args(["targets", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let list: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let mut specs = BTreeMap::new();
    let mut blocks = BTreeMap::new();
    for spec in list {
        for rule in spec["rules"].as_array().unwrap() {
            blocks.insert(
                rule["id"].as_str().unwrap().to_owned(),
                rule["blocks"].as_bool().unwrap(),
            );
        }
        specs.insert(spec["id"].as_str().unwrap().to_owned(), spec);
    }
    Targets { specs, blocks }
}

/// Runs one case; returns its verdict as text, and the rules its errors cite.
fn verdict(targets: &Targets, target: &str, dir: &Path, case: &Value) -> (String, Vec<String>) {
    let spec = &targets.specs[target];
    let files: Vec<String> = case["material"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| material(dir, m.as_str().unwrap()))
        .collect();
    let mut args: Vec<String> = Vec::new();
    let command = case["command"].as_str().unwrap();
    let mut env = vec![("VECTOR_SECRET", "vector-secret".to_owned())];
    if command == "check" {
        args.extend(["check", "--provider", target, "--now", NOW, "--json"].map(String::from));
    } else {
        let region = case["region"]
            .as_str()
            .or(spec["default_region"].as_str())
            .unwrap();
        let auth = case["auth"]
            .as_str()
            .unwrap_or_else(|| spec["schemes"][0].as_str().unwrap());
        args.extend(
            [
                "request",
                "--provider",
                target,
                "--region",
                region,
                "--auth",
                auth,
                "--timestamp",
                NOW,
                "--nonce",
                "vector-nonce",
                "--format",
                "json",
            ]
            .map(String::from),
        );
        if auth == "token" {
            args.extend(["--token-env".into(), "VECTOR_TOKEN".into()]);
        } else {
            args.extend(
                [
                    "--access-key-id",
                    "VECTORAK",
                    "--secret-env",
                    "VECTOR_SECRET",
                ]
                .map(String::from),
            );
        }
        if auth == "aksk"
            && spec["auth_scope"]["kind"] == "account"
            && case["domain_id"].as_str() != Some("none")
        {
            args.extend([
                "--domain-id".into(),
                "0b5e8f3a9c2d4e6f8a1b3c5d7e9f0a2b".into(),
            ]);
        }
        for field in case["fields"].as_array().into_iter().flatten() {
            let name = field[0].as_str().unwrap();
            let value = field[1].as_str().unwrap();
            let value = match value.strip_prefix('@') {
                Some(reference) => format!("@{}", material(dir, reference)),
                None => value.to_owned(),
            };
            args.extend(["--field".into(), format!("{name}={value}")]);
        }
    }
    if let Some(of) = case["passphrase_of"].as_str() {
        env.push(("VECTOR_PASSPHRASE", passphrase(of)));
        args.extend(["--passphrase-env".into(), "VECTOR_PASSPHRASE".into()]);
    }
    args.extend(files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, json) = run(&args, &env);
    let mut text = format!("exit {}\n", status.unwrap_or(-1));
    let mut errors = Vec::new();
    for d in json["diagnostics"].as_array().unwrap() {
        let rule = cited_rule(d);
        let severity = d["severity"].as_str().unwrap();
        text.push_str(&format!(
            "{severity} {} {}",
            d["code"].as_str().unwrap(),
            rule.as_deref().unwrap_or("-")
        ));
        if let Some(error) = d["provider_error"].as_str() {
            text.push_str(&format!(" | {error}"));
        }
        text.push('\n');
        if severity == "error"
            && let Some(rule) = rule
        {
            errors.push(rule);
        }
    }
    if command == "request" {
        if !json["call"].is_null() {
            let call = serde_json::to_string_pretty(&abbreviate(&json["call"])).unwrap();
            text.push_str(&format!("call {call}\n"));
        }
        if let Some(cli) = json["request"]["vendor_cli"].as_str() {
            let program = spec["vendor_cli"]
                .as_str()
                .unwrap()
                .split(' ')
                .next()
                .unwrap();
            text.push_str("cli\n");
            let lines = cli
                .lines()
                .skip_while(|l| !l.starts_with(&format!("  {program} ")))
                .take_while(|l| *l != ")");
            for line in lines {
                text.push_str(&format!("{line}\n"));
            }
        }
    }
    (text, errors)
}

#[test]
fn rules_as_vectors() {
    let targets = targets();
    let root = repo().join("tests/vectors/providers");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut mismatched = Vec::new();
    let mut named_rules = BTreeSet::new();
    let mut audited = BTreeSet::new();
    let mut count = 0;
    for target in targets.specs.keys() {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            panic!("{target} has no rule vectors in tests/vectors/providers/{target}/");
        };
        let mut dirs: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        dirs.sort();
        for dir in dirs {
            let case: Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap())
                    .unwrap();
            for rule in case["rules"].as_array().unwrap() {
                let rule = rule.as_str().unwrap();
                assert!(
                    targets.blocks.contains_key(rule),
                    "{}: no rule {rule}",
                    dir.display()
                );
                named_rules.insert(rule.to_owned());
            }
            for finding in case["audit"].as_array().into_iter().flatten() {
                audited.insert(finding.as_str().unwrap().to_owned());
            }
            let (text, errors) = verdict(&targets, target, &dir, &case);
            for rule in errors {
                assert!(
                    targets.blocks[&rule],
                    "{}: an error cites {rule}, a rule that may not block",
                    dir.display()
                );
            }
            let expected_path = dir.join("expected.txt");
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if text != expected {
                if update {
                    std::fs::write(&expected_path, &text).unwrap();
                } else {
                    mismatched.push(format!(
                        "{}:\n--- expected\n{expected}--- got\n{text}",
                        dir.display()
                    ));
                }
            }
            count += 1;
        }
    }
    assert!(count >= 100, "only {count} provider vectors");
    let missing: Vec<&String> = targets
        .blocks
        .keys()
        .filter(|r| !named_rules.contains(*r))
        .collect();
    assert!(missing.is_empty(), "rules without a vector: {missing:?}");
    for n in 1..=13 {
        assert!(
            audited.contains(&format!("D{n}")),
            "audit finding D{n} has no vector"
        );
    }
    assert!(
        mismatched.is_empty(),
        "verdicts differ (UPDATE_EXPECT=1 to rewrite, then review):\n{}",
        mismatched.join("\n")
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
