//! The vector corpus: every folder under `tests/vectors/inspect/` is a case run through the real
//! `cert-preflight inspect` binary. Facts are compared with `facts.json`, which pyca/cryptography
//! (and openssl for SM2) computed (tests/vectors/generate.py); the text report is compared with
//! `expected.txt` (`UPDATE_EXPECT=1 cargo test --test it vectors::` rewrites it; review the diff).

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Certificate fields the independent implementation and ours must agree on, one for one.
const CERTIFICATE_FIELDS: &[&str] = &[
    "file",
    "subject",
    "issuer",
    "common_name",
    "sans",
    "serial_hex",
    "not_before",
    "not_after",
    "sha1",
    "sha256",
    "signature_algorithm_oid",
    "public_key",
    "is_ca",
    "path_len",
    "key_usage",
    "extended_key_usage_oids",
    "ski",
    "aki",
    "self_issued",
    "self_signed",
    "expiry",
    "days_until_expiry",
    "der_size",
    "canonical_pem_size",
];
const KEY_FIELDS: &[&str] = &[
    "file",
    "format",
    "encrypted",
    "decrypted",
    "type",
    "bits",
    "curve",
    "public_key",
    "alias",
    "matches_certificates",
];
const CSR_FIELDS: &[&str] = &[
    "file",
    "signature_valid",
    "matches_certificates",
    "matches_private_keys",
];
const INPUT_FIELDS: &[&str] = &["file", "line_endings"];

/// The environment variable the tests pass a case's passphrase in.
const PASSPHRASE_VAR: &str = "CERT_PREFLIGHT_TEST_PASSPHRASE";

use crate::binary;
use crate::corpus::{self, inspect_cases as cases};

#[track_caller]
fn inputs(case: &Path) -> Vec<PathBuf> {
    let files = corpus::files(&case.join("input"));
    assert!(!files.is_empty(), "{}: no input", case.display());
    files
}

#[track_caller]
fn run(case: &Path, json: bool) -> (Option<i32>, String) {
    let now = std::fs::read_to_string(case.join("now.txt")).expect("now.txt");
    let mut command = binary::command();
    command
        .current_dir(case.join("input"))
        .args(["inspect", "--now", now.trim()])
        .env_remove(PASSPHRASE_VAR);
    // passphrase.txt (one line, outside input/) holds the passphrase of the case's encrypted inputs.
    if let Some(passphrase) = corpus::passphrase(case) {
        command
            .env(PASSPHRASE_VAR, passphrase)
            .args(["--passphrase-env", PASSPHRASE_VAR]);
    }
    if json {
        command.arg("--json");
    }
    for file in inputs(case) {
        command.arg(file.file_name().expect("file name"));
    }
    let output = command.output().expect("cert-preflight runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
    )
}

fn facts(case: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(case.join("facts.json")).expect("facts.json"))
        .expect("JSON")
}

/// Compares two lists entry by entry on the given fields; returns how many facts were compared.
fn compare_list(case: &Path, what: &str, ours: &Value, theirs: &Value, fields: &[&str]) -> usize {
    let empty = Vec::new();
    let ours = ours.as_array().unwrap_or(&empty);
    let theirs = theirs.as_array().unwrap_or(&empty);
    assert_eq!(
        ours.len(),
        theirs.len(),
        "{}: number of {what}",
        case.display()
    );
    for (index, (a, b)) in ours.iter().zip(theirs).enumerate() {
        for field in fields {
            assert_eq!(
                a[field],
                b[field],
                "{}: {what} {index} field {field}",
                case.display()
            );
        }
    }
    ours.len() * fields.len()
}

/// Every (subject, issuer) pair with matching names, and whether the signature verified.
fn compare_signatures(case: &Path, ours_report: &Value, theirs: &Value) -> usize {
    let ours = &ours_report["chain"]["signatures"];
    let sha256 = |i: u64| ours_report["certificates"][i as usize]["sha256"].clone();
    let pairs = |list: &Value| -> Vec<(u64, u64, bool)> {
        let mut pairs: Vec<(u64, u64, bool)> = list
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|s| {
                        let index = |k: &str| s[k].as_u64().expect("index");
                        (
                            index("subject_index"),
                            index("issuer_index"),
                            s["verified"].as_bool().expect("bool"),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        pairs.sort_unstable();
        pairs
    };
    // The chain search checks only plausible issuers, and stops at the first that verifies:
    // each check it made agrees with pyca's, and every certificate pyca finds an issuer for
    // (other than itself) got one from us too, unless it is a root (self-signed: its own issuer)
    // or a copy of a certificate given before (a copy's issuer is its first copy's).
    let (ours, theirs) = (pairs(ours), pairs(theirs));
    for check in &ours {
        assert!(
            theirs.contains(check),
            "{}: our check (subject, issuer, verified) {check:?} is not pyca's: {theirs:?}",
            case.display()
        );
    }
    let self_signed: Vec<u64> = theirs
        .iter()
        .filter(|&&(i, j, verified)| i == j && verified)
        .map(|&(i, _, _)| i)
        .collect();
    for &(i, j, verified) in &theirs {
        if !verified || i == j || self_signed.contains(&i) {
            continue;
        }
        let copy = (0..i).any(|earlier| sha256(earlier) == sha256(i));
        assert!(
            ours.iter().any(|&(s, k, v)| s == i && k != i && v) || copy,
            "{}: pyca verifies certificate {i}'s issuer {j}; we found none: {ours:?}",
            case.display()
        );
    }
    ours.len()
}

#[test]
fn facts_agree_with_the_independent_implementation() {
    let mut compared = 0;
    for case in cases() {
        let (_, stdout) = run(&case, true);
        let ours: Value = serde_json::from_str(&stdout).expect("inspect --json prints JSON");
        let theirs = facts(&case);
        let certificates = ours["certificates"].as_array().expect("certificates");
        for (index, certificate) in certificates.iter().enumerate() {
            assert_eq!(
                certificate["index"],
                index,
                "{}: index counts across inputs",
                case.display()
            );
        }
        compared += compare_list(
            &case,
            "certificate",
            &ours["certificates"],
            &theirs["certificates"],
            CERTIFICATE_FIELDS,
        );
        compared += compare_signatures(&case, &ours, &theirs["signatures"]);
        compared += compare_list(
            &case,
            "private key",
            &ours["private_keys"],
            &theirs["private_keys"],
            KEY_FIELDS,
        );
        compared += compare_list(&case, "csr", &ours["csrs"], &theirs["csrs"], CSR_FIELDS);
        compared += compare_list(
            &case,
            "input",
            &ours["inputs"],
            &theirs["inputs"],
            INPUT_FIELDS,
        );
    }
    assert!(compared > 3000, "only {compared} facts compared");
}

#[test]
fn text_reports_and_exit_codes_match_expectations() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut mismatched = Vec::new();
    for case in cases() {
        let (code, stdout) = run(&case, false);
        let (_, json) = run(&case, true);
        let report: Value = serde_json::from_str(&json).expect("JSON");
        let has_error = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["severity"] == "error");
        assert_eq!(
            code,
            Some(if has_error { 1 } else { 0 }),
            "{}: exit status",
            case.display()
        );

        let actual = format!("exit status: {}\n\n{stdout}", code.unwrap_or(-1));
        let path = case.join("expected.txt");
        if update {
            std::fs::write(&path, &actual).expect("write expected.txt");
        } else if std::fs::read_to_string(&path).unwrap_or_default() != actual {
            mismatched.push(format!("--- {}\n{actual}", path.display()));
        }
    }
    assert!(
        mismatched.is_empty(),
        "reports differ (UPDATE_EXPECT=1 to rewrite):\n{}",
        mismatched.join("\n")
    );
}

#[test]
fn passphrases_never_appear_in_any_output() {
    for case in cases()
        .into_iter()
        .filter(|c| c.join("passphrase.txt").exists())
    {
        let secret = std::fs::read_to_string(case.join("passphrase.txt")).expect("passphrase");
        for json in [false, true] {
            let (_, stdout) = run(&case, json);
            assert!(
                !stdout.contains(secret.trim()),
                "{}: the passphrase leaked",
                case.display()
            );
        }
    }
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &[][..],
        &["inspect"][..],
        &["inspect", "--now", "yesterday", "x.pem"][..],
        &[
            "inspect",
            "--passphrase-env",
            "CERT_PREFLIGHT_SURELY_UNSET",
            "x.pem",
        ][..],
        &["frobnicate"][..],
    ] {
        let status = binary::run(args, &[]).status;
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
    let status = binary::run(&["inspect", "/nonexistent/file.pem"], &[]).status;
    assert_eq!(status.code(), Some(2));
}

/// The cases with `original/`: each input is mangled (differs from its original material), the
/// report says what was recovered from each, and the facts compared above (pyca's, read from the
/// originals) are not empty: cert-preflight's fingerprints on the mangled inputs equal pyca's on
/// the originals.
#[test]
fn mangled_inputs_are_recovered_to_their_originals() {
    let mut checked = 0;
    for case in cases().into_iter().filter(|c| c.join("original").is_dir()) {
        let (_, stdout) = run(&case, true);
        let ours: Value = serde_json::from_str(&stdout).expect("JSON");
        let diagnostics = ours["diagnostics"].as_array().expect("diagnostics");
        for input in inputs(&case) {
            let name = input
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let original = case.join("original").join(&name);
            assert_ne!(
                std::fs::read(&input).expect("input"),
                std::fs::read(&original).expect("every input has its original"),
                "{}: {name} is not mangled",
                case.display()
            );
            assert!(
                diagnostics
                    .iter()
                    .any(|d| d["location"]["file"] == name.as_str()
                        && d["code"]
                            .as_str()
                            .is_some_and(|c| c.starts_with("recovered-"))),
                "{}: nothing recovered from {name}",
                case.display()
            );
        }
        let theirs = facts(&case);
        let fingerprints = |list: &Value| -> Vec<Value> {
            list.as_array()
                .expect("certificates")
                .iter()
                .map(|c| c["sha256"].clone())
                .collect()
        };
        let expected = fingerprints(&theirs["certificates"]);
        assert!(
            !expected.is_empty() || !theirs["private_keys"].as_array().expect("keys").is_empty(),
            "{}: pyca read nothing from the originals",
            case.display()
        );
        assert_eq!(
            fingerprints(&ours["certificates"]),
            expected,
            "{}",
            case.display()
        );
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} cases with original/");
}
