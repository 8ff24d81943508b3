//! Bad input never panics: every vector input, truncated at many points and with bytes flipped,
//! goes through the whole analysis (with and without a passphrase). Deterministic, so a failure
//! names the input and the mutation; the cargo-fuzz target in `fuzz/` explores further. And the
//! command line never aborts on an output it cannot write.

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

/// The command line never aborts on an output that cannot be written: a reader that has gone
/// (`cert-preflight inspect … | head -1`), on standard output or standard error. Each run's
/// output goes to a pipe whose reading end is already closed, so every write fails.
#[test]
fn a_closed_output_ends_the_command_line_quietly() {
    use std::process::Stdio;
    let chain = corpus::inspect_cases()
        .into_iter()
        .find(|case| case.ends_with("chain-ordered-leaf-int-root"))
        .expect("the corpus case")
        .join("input");
    let chain = corpus::files(&chain).remove(0);
    let chain = chain.to_str().unwrap();
    let closed = || {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        Stdio::from(writer)
    };
    let now = ["--now", "2026-11-22T00:00:00Z"];
    let runs: [(&[&str], bool, u8); 7] = [
        // Arguments, whether standard output (else standard error) is the closed one, and the
        // exit status: 2, the output's, where the output was the command's to write.
        (&["--help"], true, 2),
        (&["--version"], true, 2),
        (&["targets"], true, 2),
        (&["inspect", chain, now[0], now[1]], true, 2),
        (&["inspect", "--json", chain, now[0], now[1]], true, 2),
        // A usage error and an unreadable file say so on standard error, which has gone.
        (&["inspect", "--no-such-flag"], false, 2),
        (&["inspect", "/nonexistent/chain.pem"], false, 2),
    ];
    for (args, stdout_closed, status) in runs {
        let mut command = crate::binary::command();
        command.args(args).stdin(Stdio::null());
        let output = if stdout_closed {
            command.stdout(closed()).stderr(Stdio::piped())
        } else {
            command.stdout(Stdio::piped()).stderr(closed())
        }
        .output()
        .expect("the binary runs");
        let said = String::from_utf8_lossy(if stdout_closed {
            &output.stderr
        } else {
            &output.stdout
        });
        assert_eq!(
            output.status.code(),
            Some(i32::from(status)),
            "{args:?}: {said}"
        );
        assert!(said.is_empty(), "{args:?}: {said}");
    }
}
