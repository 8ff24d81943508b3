//! The vector corpus: every folder under `tests/vectors/inspect/` is a case run through the real
//! `cert-preflight inspect` binary. Certificate facts are compared with `facts.json`, which
//! pyca/cryptography computed (tests/vectors/generate.py); the text report is compared with
//! `expected.txt` (`UPDATE_EXPECT=1 cargo test --test vectors` rewrites it; review the diff).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fields that the independent implementation and ours must agree on, one for one.
const COMPARED: &[&str] = &[
    "subject",
    "issuer",
    "serial_hex",
    "not_before",
    "not_after",
    "sha1",
    "sha256",
    "signature_algorithm_oid",
    "self_issued",
    "expiry",
    "days_until_expiry",
    "der_size",
];

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/inspect");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/vectors/inspect exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the corpus lost cases: {cases:?}");
    cases
}

fn inputs(case: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(case.join("input"))
        .expect("input folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

fn run(case: &Path, json: bool) -> (Option<i32>, String) {
    let now = std::fs::read_to_string(case.join("now.txt")).expect("now.txt");
    let mut command = Command::new(env!("CARGO_BIN_EXE_cert-preflight"));
    command
        .current_dir(case.join("input"))
        .args(["inspect", "--now", now.trim()]);
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

#[test]
fn certificate_facts_agree_with_pyca_cryptography() {
    let mut compared = 0;
    for case in cases() {
        let (_, stdout) = run(&case, true);
        let ours: Value = serde_json::from_str(&stdout).expect("inspect --json prints JSON");
        let facts: Value = serde_json::from_str(
            &std::fs::read_to_string(case.join("facts.json")).expect("facts.json"),
        )
        .expect("facts.json is JSON");
        let ours = ours["certificates"].as_array().expect("certificates array");
        let theirs = facts["certificates"]
            .as_array()
            .expect("facts certificates");
        assert_eq!(
            ours.len(),
            theirs.len(),
            "{}: number of certificates",
            case.display()
        );
        for (index, (a, b)) in ours.iter().zip(theirs).enumerate() {
            assert_eq!(
                a["file"],
                b["file"],
                "{}: certificate {index} file",
                case.display()
            );
            assert_eq!(
                a["index"],
                index,
                "{}: index counts across inputs",
                case.display()
            );
            for field in COMPARED {
                assert_eq!(
                    a[field],
                    b[field],
                    "{}: certificate {index} field {field}",
                    case.display()
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "only {compared} facts compared");
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
fn usage_errors_exit_with_status_2() {
    let binary = env!("CARGO_BIN_EXE_cert-preflight");
    for args in [
        &[][..],
        &["inspect"][..],
        &["inspect", "--now", "yesterday", "x.pem"][..],
        &["frobnicate"][..],
    ] {
        let status = Command::new(binary)
            .args(args)
            .output()
            .expect("runs")
            .status;
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
    let status = Command::new(binary)
        .args(["inspect", "/nonexistent/file.pem"])
        .output()
        .expect("runs")
        .status;
    assert_eq!(status.code(), Some(2));
}
