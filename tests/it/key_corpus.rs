//! The private keys of pyca/cryptography's own test vectors (`tests/vectors/keys/pyca/`, copied
//! from `PyPI`'s `cryptography_vectors`; what pyca reads from each is in `pyca-facts.json`, made by
//! `tests/vectors/keys/pyca_keys.py`). pyca's refusals are the floor:
//! - every key pyca opens is read, with the same type, size, curve and public key;
//! - every key pyca refuses is refused (no key read) or flagged (an error diagnostic says why).

use cert_preflight::analysis::{Input, Options, analyze_with};
use cert_preflight::time::Timestamp;
use cert_preflight::{Code, Severity};
use serde_json::Value;

/// The codes that flag a key pyca refuses (its refusal, said in our words).
const FLAGS: &[Code] = &[
    Code::KeyInvalid,
    Code::KeyTypeNotAccepted,
    Code::UnsupportedEncryption,
    Code::InvalidAsn1,
    Code::KeyDerivationOverCeiling,
    Code::WrongPassphrase,
];

#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    opened_and_read: usize,
    opened_not_read: Vec<String>,
    refused_and_refused: usize,
    refused_and_flagged: usize,
    refused_but_passed: Vec<String>,
}

fn corpus() -> Vec<Value> {
    let root = crate::corpus::vectors("keys");
    let facts = std::fs::read_to_string(root.join("pyca-facts.json")).expect("pyca-facts.json");
    serde_json::from_str::<Value>(&facts)
        .expect("JSON")
        .as_array()
        .expect("a list")
        .clone()
}

fn check_all() -> Counts {
    let root = crate::corpus::vectors("keys/pyca");
    let mut counts = Counts::default();
    for entry in corpus() {
        let file = entry["file"].as_str().expect("file");
        let bytes = std::fs::read(root.join(file)).expect("the key file");
        let options = Options {
            now: Timestamp::from_unix_seconds(1_790_000_000),
            passphrase: entry["password"].as_str(),
            pkcs12_password: None,
        };
        let analysis = analyze_with(&[Input::new(file, &bytes)], &options);
        let report = &analysis.report;
        let read: Vec<_> = report
            .private_keys
            .iter()
            .filter(|k| k.decrypted && k.key_type.is_some())
            .collect();
        let flagged = report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && FLAGS.contains(&d.code));
        if entry["pyca"] == "opened" {
            let Some(key) = read.first() else {
                counts.opened_not_read.push(format!("{file}: not read"));
                continue;
            };
            let ours = serde_json::to_value(key).expect("serialises");
            let mut differs = Vec::new();
            for field in ["type", "bits", "curve", "public_key"] {
                if ours[field] != entry[field] {
                    differs.push(format!("{field}: {} vs pyca {}", ours[field], entry[field]));
                }
            }
            if differs.is_empty() && read.len() == 1 {
                counts.opened_and_read += 1;
            } else {
                counts
                    .opened_not_read
                    .push(format!("{file}: {}", differs.join("; ")));
            }
        } else if read.is_empty() {
            counts.refused_and_refused += 1;
        } else if flagged {
            counts.refused_and_flagged += 1;
        } else {
            counts.refused_but_passed.push(file.to_owned());
        }
    }
    counts
}

#[test]
fn keys_pyca_opens_are_read_alike_and_keys_it_refuses_are_refused_or_flagged() {
    let counts = check_all();
    eprintln!(
        "pyca corpus: {} opened and read alike, {} refused and refused, {} refused and flagged",
        counts.opened_and_read, counts.refused_and_refused, counts.refused_and_flagged
    );
    assert!(
        counts.opened_not_read.is_empty(),
        "keys pyca opens that are not read alike:\n{}",
        counts.opened_not_read.join("\n")
    );
    assert!(
        counts.refused_but_passed.is_empty(),
        "keys pyca refuses that pass without an error:\n{}",
        counts.refused_but_passed.join("\n")
    );
    let facts = corpus();
    let opened = facts.iter().filter(|e| e["pyca"] == "opened").count();
    assert_eq!(counts.opened_and_read, opened);
    assert_eq!(
        counts.refused_and_refused + counts.refused_and_flagged,
        facts.len() - opened
    );
    assert!(facts.len() >= 100, "the corpus lost files: {}", facts.len());
}

#[test]
fn no_message_holds_key_material_or_the_password() {
    let root = crate::corpus::vectors("keys/pyca");
    for entry in corpus() {
        let file = entry["file"].as_str().expect("file");
        let bytes = std::fs::read(root.join(file)).expect("the key file");
        let password = entry["password"].as_str();
        let options = Options {
            now: Timestamp::from_unix_seconds(1_790_000_000),
            passphrase: password,
            pkcs12_password: None,
        };
        let report = analyze_with(&[Input::new(file, &bytes)], &options).report;
        // Every run of 16 base64 characters of a PEM file's body (DER files: their bytes are not
        // text a message could quote).
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with("-----") && !l.contains(':'))
            .collect();
        for diagnostic in &report.diagnostics {
            let message = format!(
                "{} {}",
                diagnostic.message,
                diagnostic.hint.as_deref().unwrap_or_default()
            );
            if let Some(password) = password {
                assert!(!message.contains(password), "{file}: the password leaked");
            }
            for start in (0..body.len().saturating_sub(16)).step_by(8) {
                let run = &body[start..start + 16];
                assert!(
                    !message.contains(run),
                    "{file}: key material in {message:?}"
                );
            }
        }
    }
}

#[test]
fn derivations_above_the_ceilings_are_refused_even_with_a_passphrase() {
    let root = crate::corpus::vectors("inspect");
    for case in [
        "key-pkcs8-pbkdf2-over-ceiling",
        "key-pkcs8-scrypt-over-ceiling",
    ] {
        let bytes = std::fs::read(root.join(case).join("input/key.test-only.pem")).expect("key");
        let options = Options {
            now: Timestamp::from_unix_seconds(1_790_000_000),
            // With a passphrase, a derivation would start: 2^31 PBKDF2 iterations take hours,
            // 512 MiB of scrypt would be allocated. Neither may happen.
            passphrase: Some("correct horse battery staple"),
            pkcs12_password: None,
        };
        let report = analyze_with(&[Input::new("key.pem", &bytes)], &options).report;
        let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::KeyDerivationOverCeiling], "{case}");
        assert!(!report.private_keys[0].decrypted, "{case}");
    }
}
