//! Bounded on hostile input (issue 13): certificates sharing one name, 20,000 empty blocks, 20 MB
//! of noise, deep nesting and 4 GiB length fields in DER, PKCS#7, PKCS#12, keys and PEM, made here
//! (bench/hostile.rs, shared with the benchmarks), each end with a diagnostic and no panic, and the
//! chain search stays within its budget. How long each takes is measured by the benchmarks
//! (bench/README.md), not asserted here.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../bench/hostile.rs"]
mod hostile;

use cert_preflight::analysis::chain::{CANDIDATES_PER_CERTIFICATE, SIGNATURE_CHECK_BUDGET};
use cert_preflight::analysis::job::{Job, Step};
use cert_preflight::analysis::{Analysis, Input, Options, Role, analyze_with};
use cert_preflight::diagnostic::Severity;
use std::time::Duration;

const NOW: Duration = Duration::from_secs(1_795_305_600);

fn analyse(name: &str, bytes: &[u8]) -> Analysis {
    let options = Options {
        now: NOW,
        passphrase: Some("correct horse battery staple"),
        pkcs12_password: None,
    };
    analyze_with(&[Input::new(name, bytes)], &options)
}

#[test]
fn every_hostile_input_ends_with_a_diagnostic() {
    for (name, bytes) in hostile::all() {
        let analysis = analyse(&name, &bytes);
        let report = &analysis.report;
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.severity >= Severity::Warning),
            "{name}: no warning or error: {:?}",
            report
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>()
        );
        // The report prints and serialises, and says nothing about the bytes it cannot use.
        let text = report.to_string();
        assert!(
            text.len() < 4_000_000,
            "{name}: a text report of {} bytes",
            text.len()
        );
        assert!(serde_json::to_string(report).is_ok(), "{name}");
    }
}

#[test]
fn length_fields_of_4_gib_are_refused_as_asn1() {
    for (name, label, der) in hostile::huge_lengths() {
        let bytes = match label {
            Some(label) => hostile::pem(label, &der),
            None => der,
        };
        let report = analyse(name, &bytes).report;
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(
            codes.iter().any(|c| [
                "invalid-asn1",
                "unknown-pem-label",
                "pkcs12-needs-password",
                "wrong-pkcs12-password",
                "unsupported-encryption",
                "no-pem-or-der",
            ]
            .contains(c)),
            "{name}: {codes:?}"
        );
        assert!(report.certificates.is_empty(), "{name}");
    }
}

#[test]
fn certificates_sharing_one_name_are_checked_within_the_budget() {
    for count in [2, 5, 300] {
        let pem = hostile::same_name_certificates(count);
        let analysis = analyse("same-name.pem", &pem);
        let chain = &analysis.report.chain;
        assert_eq!(analysis.certificates.len(), count);
        // Linear: at most a few candidates per certificate, and never past the budget.
        let limit = (count * CANDIDATES_PER_CERTIFICATE).min(SIGNATURE_CHECK_BUDGET);
        assert_eq!(
            chain.signatures_checked,
            limit.min(count * (count - 1)),
            "{count}"
        );
        assert!(chain.signatures.iter().all(|s| !s.verified), "{count}");
        let codes: Vec<&str> = analysis
            .report
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        if count - 1 > CANDIDATES_PER_CERTIFICATE {
            // Each certificate had more candidates than are tried: said, once.
            assert_eq!(chain.unchecked.len(), count, "{count}");
            assert_eq!(
                codes
                    .iter()
                    .filter(|c| **c == "chain-checks-skipped")
                    .count(),
                1,
                "{codes:?}"
            );
        } else {
            assert!(chain.unchecked.is_empty(), "{count}: {:?}", chain.unchecked);
            assert!(!codes.contains(&"chain-checks-skipped"), "{codes:?}");
        }
        assert!(
            codes.contains(&"chain-signature-mismatch"),
            "{count}: {codes:?}"
        );
    }
}

#[test]
fn the_budget_holds_for_the_whole_analysis() {
    // Over 4,096 / 4 certificates of one name: the budget, not the per-certificate limit, ends
    // the search; the diagnostic says so.
    let count = SIGNATURE_CHECK_BUDGET / CANDIDATES_PER_CERTIFICATE + 50;
    let analysis = analyse("same-name.pem", &hostile::same_name_certificates(count));
    let chain = &analysis.report.chain;
    assert_eq!(chain.signatures_checked, SIGNATURE_CHECK_BUDGET);
    assert!(chain.unchecked.iter().any(|u| u.budget_spent));
    let skipped = analysis
        .report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "chain-checks-skipped")
        .expect("the skipped checks are reported");
    assert!(
        skipped.message.contains("at most 4096 signatures"),
        "{}",
        skipped.message
    );
}

#[test]
fn the_sliced_job_gives_the_same_analysis_on_hostile_input() {
    for (name, bytes) in [
        ("same name", hostile::same_name_certificates(300)),
        ("empty blocks", hostile::empty_blocks(2_000)),
        ("deep nesting", hostile::deep_nesting(10_000)),
    ] {
        let inputs = [Input {
            name,
            bytes: &bytes,
            role: Role::Certificates,
        }];
        let options = Options {
            now: NOW,
            ..Options::default()
        };
        let mut job = Job::new(&inputs, &options);
        let mut units = 0usize;
        let sliced = loop {
            units += 1;
            if let Step::Done(analysis) = job.run(&mut || false) {
                break analysis;
            }
        };
        let whole = analyze_with(&inputs, &options);
        assert_eq!(sliced.report, whole.report, "{name}");
        assert!(
            units < 10 * bytes.len().max(10_000),
            "{name}: {units} units"
        );
    }
}
