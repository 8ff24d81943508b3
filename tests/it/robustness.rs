//! Bad input never panics: every vector input, truncated at many points and with bytes flipped,
//! goes through the whole analysis (with and without a passphrase). Deterministic, so a failure
//! names the input and the mutation; the cargo-fuzz target in `fuzz/` explores further.

use crate::corpus;
use cert_preflight::analysis::{Input, Options, analyze_with};
use std::path::PathBuf;

fn vector_inputs() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for case in corpus::inspect_cases() {
        files.extend(corpus::files(&case.join("input")));
    }
    files.sort();
    assert!(files.len() >= 10, "too few vector inputs: {}", files.len());
    files
}

fn run(name: &str, bytes: &[u8]) {
    let now = corpus::NOW_SINCE_EPOCH;
    for passphrase in [None, Some("correct horse battery staple")] {
        let options = Options {
            now,
            passphrase,
            pkcs12_password: None,
        };
        let analysis = analyze_with(&[Input::new(name, bytes)], &options);
        // Whatever the input, the report can be printed and serialised.
        let _ = analysis.report.to_string();
        assert!(
            serde_json::to_string(&analysis.report).is_ok(),
            "{name}: report serialises"
        );
    }
}

#[test]
fn truncations_and_bit_flips_never_panic() {
    let mut runs = 0;
    for path in vector_inputs() {
        let bytes = std::fs::read(&path).expect("readable");
        let name = path.display().to_string();
        let len = bytes.len();
        // Truncations at 40 points spread over the input, plus the first and last few bytes.
        let mut cuts: Vec<usize> = (0..40).map(|k| len * k / 40).collect();
        cuts.extend([1, 2, 3, len.saturating_sub(1), len.saturating_sub(2)]);
        for cut in cuts {
            run(&name, &bytes[..cut.min(len)]);
            runs += 1;
        }
        // Bit flips at 40 positions, each with three different masks.
        for k in 0..40 {
            let at = (len * k / 40 + k) % len.max(1);
            for mask in [0x01u8, 0x80, 0xff] {
                let mut mutated = bytes.clone();
                if let Some(byte) = mutated.get_mut(at) {
                    *byte ^= mask;
                }
                run(&name, &mutated);
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "only {runs} runs");
}

#[test]
fn hostile_shapes_never_panic() {
    let deep_nesting: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 5000)
        .flatten()
        .collect();
    let huge_length = [0x30u8, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00];
    let many_begins = "-----BEGIN CERTIFICATE-----\n".repeat(2000);
    let labels = "-----BEGIN A-----\nAAAA\n-----END B-----\n-----END A-----\n-----BEGIN -----\n-----END -----\n";
    let nul_and_utf8 =
        "\u{0}\u{feff}\u{202e}-----BEGIN CERTIFICATE-----\n\u{1F512}\n-----END CERTIFICATE-----";
    for (name, bytes) in [
        ("deep", deep_nesting.as_slice()),
        ("huge", huge_length.as_slice()),
        ("begins", many_begins.as_bytes()),
        ("labels", labels.as_bytes()),
        ("utf8", nul_and_utf8.as_bytes()),
        ("empty", b"".as_slice()),
        ("one", b"\x30".as_slice()),
    ] {
        run(name, bytes);
    }
}
