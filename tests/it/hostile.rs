//! Bounded on hostile input (issue 13): certificates sharing one name, 20,000 empty blocks, 20 MB
//! of noise, deep nesting and 4 GiB length fields in DER, PKCS#7, PKCS#12, keys and PEM, made here
//! (bench/hostile.rs, shared with the benchmarks), each end with a diagnostic and no panic, and the
//! chain search stays within its budget. How long each takes is measured by the benchmarks
//! (bench/README.md), not asserted here.

#[path = "../../bench/hostile.rs"]
pub(crate) mod inputs;

use cert_preflight::analysis::chain::{
    CANDIDATES_PER_CERTIFICATE, SIGNATURE_CHECK_BUDGET, signature_cost,
};
use cert_preflight::analysis::job::{DIAGNOSTICS_PER_CODE, Job, Step};
use cert_preflight::analysis::{Analysis, Input, Options, Role, analyze_with};
use cert_preflight::diagnostic::Severity;
use cert_preflight::time::Timestamp;

const NOW: Timestamp = crate::corpus::NOW_SINCE_EPOCH;

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
    for (name, bytes) in inputs::all() {
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
    for (name, label, der) in inputs::huge_lengths() {
        let bytes = match label {
            Some(label) => inputs::pem(label, &der),
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
fn masses_of_ber_within_its_ceiling_are_read_as_ber() {
    // DER refuses both at byte 2 (an indefinite length). The SignedData is read whole as BER: a
    // bundle holding no certificate. The PFX is read as BER as far as its authenticated safe, an
    // octet string of half a million empty pieces that holds nothing: the PKCS#12 reader's error.
    for (name, bytes) in inputs::ber_masses() {
        let report = analyse(name, &bytes).report;
        let said: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.message.as_str()))
            .collect();
        assert!(report.certificates.is_empty(), "{name}");
        let expected = if name.starts_with("PKCS#7") {
            ("pkcs7-without-certificates", "PKCS#7")
        } else {
            ("invalid-asn1", "PKCS#12")
        };
        assert!(
            said.iter()
                .any(|(code, message)| *code == expected.0 && message.contains(expected.1)),
            "{name}: {said:?}"
        );
    }
}

/// `count` certificates sharing the name of the corpus root called `root` in `inputs::ROOTS`.
fn same_name(root: &str, count: usize) -> Vec<u8> {
    let (_, pem, block) = inputs::ROOTS
        .iter()
        .find(|(name, _, _)| name.starts_with(root))
        .expect("a root of that family");
    inputs::same_name_certificates_from(pem, *block, count)
}

fn codes(analysis: &Analysis) -> Vec<&'static str> {
    analysis
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn certificates_sharing_one_name_are_checked_within_the_budget() {
    // RSA-2048: one unit per check. n self-signatures when parsing, then at most 4 candidates
    // for each certificate: 300 certificates take 1,500 units of the 4,096.
    for count in [2, 5, 300] {
        let analysis = analyse("same-name.pem", &same_name("RSA-2048", count));
        let chain = &analysis.report.chain;
        assert_eq!(analysis.certificates.len(), count);
        let per_certificate = CANDIDATES_PER_CERTIFICATE.min(count - 1);
        assert_eq!(chain.signatures_checked, count * per_certificate, "{count}");
        assert!(chain.signatures.iter().all(|s| !s.verified), "{count}");
        assert!(chain.unchecked_self_signatures.is_empty());
        let codes = codes(&analysis);
        if count - 1 > CANDIDATES_PER_CERTIFICATE {
            // Each certificate had more candidates than are tried: said, once.
            assert_eq!(chain.unchecked.len(), count, "{count}");
            assert!(chain.unchecked.iter().all(|u| !u.budget_spent));
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
    // 1,000 RSA-2048 certificates of one name: 1,000 units for their own signatures, then the
    // chain search spends the 3,096 left and stops.
    let analysis = analyse("same-name.pem", &same_name("RSA-2048", 1000));
    let chain = &analysis.report.chain;
    assert_eq!(
        chain.signatures_checked as u64,
        SIGNATURE_CHECK_BUDGET - 1000
    );
    assert!(chain.unchecked.iter().any(|u| u.budget_spent));
    let skipped = analysis
        .report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "chain-checks-skipped")
        .expect("the skipped checks are reported");
    assert!(
        skipped.message.contains("at most 4096 RSA-2048 checks"),
        "{}",
        skipped.message
    );
}

#[test]
fn costly_signatures_spend_the_budget_by_their_cost() {
    // RSA-4096 costs 4 units: 300 own signatures take 1,200, the search the 2,896 left, 724 checks.
    let analysis = analyse("same-name.pem", &same_name("RSA-4096", 300));
    let rsa4096 = signature_cost(&analysis.certificates[0].summary.public_key);
    assert_eq!(rsa4096, 4);
    assert_eq!(
        analysis.report.chain.signatures_checked as u64,
        (SIGNATURE_CHECK_BUDGET - 300 * rsa4096) / rsa4096
    );
    // Ed25519 costs 1: past 4,096 certificates, their own signatures are no longer checked,
    // and the diagnostic names them.
    let count = SIGNATURE_CHECK_BUDGET as usize + 20;
    let analysis = analyse("same-name.pem", &same_name("Ed25519", count));
    let chain = &analysis.report.chain;
    assert_eq!(chain.signatures_checked, 0);
    assert_eq!(chain.unchecked_self_signatures.len(), 20);
    assert_eq!(
        chain.unchecked_self_signatures[0],
        SIGNATURE_CHECK_BUDGET as usize
    );
    let unchecked = &chain.signatures[SIGNATURE_CHECK_BUDGET as usize];
    assert!(!unchecked.verified && unchecked.unsupported.is_some());
    let skipped = analysis
        .report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "chain-checks-skipped")
        .expect("reported");
    assert!(
        skipped
            .message
            .contains("own signatures of self-issued certificate(s) 4096, 4097"),
        "{}",
        skipped.message
    );
}

#[test]
fn the_sliced_job_gives_the_same_analysis_on_hostile_input() {
    for (name, bytes) in [
        ("same name", inputs::same_name_certificates(300)),
        ("empty blocks", inputs::empty_blocks(2_000)),
        ("deep nesting", inputs::deep_nesting(10_000)),
    ] {
        let inputs = [Input {
            name,
            bytes: &bytes,
            role: Role::Certificates,
            size: None,
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

#[test]
fn a_report_keeps_a_thousand_diagnostics_of_one_code_and_counts_the_rest() {
    let analysis = analyse("empty.pem", &inputs::empty_blocks(20_000));
    let diagnostics = &analysis.report.diagnostics;
    let omitted: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "diagnostics-omitted")
        .collect();
    assert_eq!(omitted.len(), 1, "{:?}", diagnostics.last());
    let kept = DIAGNOSTICS_PER_CODE;
    assert_eq!(diagnostics.len(), kept + 1);
    let code = diagnostics[0].code;
    assert!(diagnostics[..kept].iter().all(|d| d.code == code));
    assert!(
        omitted[0]
            .message
            .starts_with(&format!("{} more {code} diagnostics", 20_000 - kept)),
        "{}",
        omitted[0].message
    );
    // Blocks 1 to 1,000 are the ones kept, in order.
    assert_eq!(diagnostics[kept - 1].location.block(), Some(kept));
}

#[test]
fn text_after_a_cut_short_end_line_may_be_anything() {
    // Found by the fuzz target (through tests/messages.rs): recovery looked for an END line's
    // closing dashes in a window of bytes that could end inside a character.
    for pad in 0..4 {
        let text = format!(
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END {}{}\n",
            "x".repeat(pad),
            "é".repeat(80)
        );
        let report = analyse("cut.pem", text.as_bytes()).report;
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.severity >= Severity::Warning),
            "{pad}"
        );
    }
}

/// A ZIP bomb and an archive of 2,000 files stop at the archive's ceilings (16 MiB a file, 64 MiB
/// in all, 1,000 files), and say so.
#[test]
fn archives_stop_at_their_ceilings_and_say_so() {
    use cert_preflight::analysis::archive::{MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES};
    use cert_preflight::diagnostic::Code;
    let message = |analysis: &Analysis, code| {
        analysis
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let bomb = analyse(
        "bomb.zip",
        &inputs::zip_of(&[("example.com.pem".to_owned(), &vec![0; 100 << 20])]),
    );
    let ceiling = format!("{} MiB a file", MAX_FILE_BYTES >> 20);
    assert!(
        matches!(&message(&bomb, Code::ArchiveUnreadable)[..], [one] if one.contains(&ceiling)),
        "{:?}",
        message(&bomb, Code::ArchiveUnreadable)
    );
    assert_eq!(bomb.report.inputs.len(), 1, "only the archive itself");

    let dashes = vec![b'-'; 1 << 20];
    let many = analyse("many.zip", &inputs::zip_of_many(2_000, &dashes));
    let read = MAX_TOTAL_BYTES / dashes.len();
    assert_eq!(
        many.report.inputs.len(),
        1 + read,
        "the archive and what fits"
    );
    let opened = message(&many, Code::ArchiveOpened);
    assert_eq!(opened.len(), 1);
    assert!(
        opened[0].contains(&format!(
            "{} file(s) not read: the archive inflates past the ceiling of {} MiB in all",
            MAX_FILES - read,
            MAX_TOTAL_BYTES >> 20
        )) && opened[0].contains(&format!(
            "{} file(s) past the first {MAX_FILES} not looked at",
            2_000 - MAX_FILES
        )),
        "{}",
        opened[0]
    );
}

/// An archive's password files are tried on each locked file in turn, at most
/// `MAX_PASSWORD_RETRIES` beyond each file's first in one analysis (each try derives a key): past
/// that, a file tries its first only, and one warning says so.
#[test]
fn password_files_tried_beyond_the_first_are_counted_and_said() {
    use cert_preflight::analysis::job::MAX_PASSWORD_RETRIES;
    use cert_preflight::diagnostic::Code;
    let key = std::fs::read(crate::corpus::inspect_input(
        "key-encrypted-pkcs8-pbkdf2-aes256",
        "leaf-key.test-only.pem",
    ))
    .expect("the corpus holds the key");
    // Ten folders with the key; seven with a wrong password file of their own; the right one
    // last (eight password files, the most read): each of the first files tries its own, the
    // other six, then the right one (seven tries beyond its first).
    let archive = |folders: usize| {
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for folder in 0..folders {
            files.push((format!("f{folder:02}/key.pem"), key.clone()));
            if folder < 7 {
                files.push((
                    format!("f{folder:02}/password.txt"),
                    format!("wrong-{folder}\n").into_bytes(),
                ));
            }
        }
        files.push((
            "zz/password.txt".to_owned(),
            b"correct horse battery staple\n".to_vec(),
        ));
        let files: Vec<(String, &[u8])> = files.iter().map(|(n, c)| (n.clone(), &c[..])).collect();
        inputs::zip_of(&files)
    };
    let options = Options {
        now: NOW,
        passphrase: None,
        pkcs12_password: None,
    };
    let outcome = |folders: usize| {
        let analysis = analyze_with(&[Input::new("keys.zip", &archive(folders))], &options);
        let decrypted = analysis
            .report
            .private_keys
            .iter()
            .map(|k| k.decrypted)
            .collect::<Vec<_>>();
        let said: Vec<String> = analysis
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::ArchivePasswordTriesExhausted)
            .map(|d| d.location.to_string())
            .collect();
        (decrypted, said)
    };
    assert_eq!(MAX_PASSWORD_RETRIES, 16, "the counts below");
    // Two folders: each key opens with the right password file after the wrong ones.
    assert_eq!(outcome(2), (vec![true, true], vec![]));
    // Ten: the first two spend 14 tries; the third has 2 left and fails, said once; the rest
    // try their first password file only.
    let (decrypted, said) = outcome(10);
    assert_eq!(
        decrypted,
        [
            true, true, false, false, false, false, false, false, false, false
        ]
    );
    assert_eq!(said, ["keys.zip/f02/key.pem"]);
}

#[test]
fn an_input_past_its_ceiling_is_not_read_and_the_others_are() {
    use cert_preflight::analysis::input::{MAX_INPUT_BYTES, MAX_INPUTS_BYTES};
    use cert_preflight::diagnostic::Code;
    let chain = std::fs::read(crate::corpus::inspect_input("chain-shuffled", "chain.pem"))
        .expect("the corpus holds the chain");
    let options = Options {
        now: NOW,
        passphrase: None,
        pkcs12_password: None,
    };
    let too_large = |analysis: &Analysis| {
        analysis
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InputTooLarge)
            .map(|d| (d.location.to_string(), d.message.clone()))
            .collect::<Vec<_>>()
    };

    // One byte past the ceiling: not read (a PEM chain at its start is not looked for), and the
    // input after it is; at the ceiling, read.
    let mut over = chain.clone();
    over.resize(MAX_INPUT_BYTES + 1, b'\n');
    let analysis = analyze_with(
        &[
            Input::new("video.mp4", &over),
            Input::new("chain.pem", &chain),
        ],
        &options,
    );
    let said = too_large(&analysis);
    assert!(
        matches!(&said[..], [(at, message)] if at == "video.mp4"
            && message.contains(&format!("larger than {} MiB", MAX_INPUT_BYTES >> 20))),
        "{said:?}"
    );
    assert_eq!(analysis.report.certificates.len(), 3, "only chain.pem's");
    assert!(analysis.report.inputs[0].blocks == 0 && analysis.report.inputs[0].file == "video.mp4");
    // Only its beginning given, with its size (as the page gives a file past the ceiling): the
    // same.
    let head = Input {
        size: Some(4 << 30),
        ..Input::new("video.mp4", &over[..4096])
    };
    let analysis = analyze_with(&[head, Input::new("chain.pem", &chain)], &options);
    assert_eq!(too_large(&analysis), said);
    assert_eq!(analysis.report.certificates.len(), 3);
    assert_eq!(
        analysis.report.inputs[0].kind.as_str(),
        "text",
        "from its beginning"
    );
    // DER-looking bytes (refused at once as DER, so that the test stays quick unoptimised).
    let mut at_ceiling = vec![0; MAX_INPUT_BYTES];
    at_ceiling[0] = 0x30;
    let analysis = analyze_with(&[Input::new("at-ceiling.der", &at_ceiling)], &options);
    assert!(too_large(&analysis).is_empty());
    assert_eq!(analysis.report.inputs[0].format.as_str(), "der", "read");

    // In all: inputs are read until the next would pass the ceiling of all of them; an input
    // past it is not read, and a smaller one after it still is.
    let mut piece = vec![0; MAX_INPUTS_BYTES / 8 * 3];
    piece[0] = 0x30;
    let inputs = [
        Input::new("a.log", &piece),
        Input::new("b.log", &piece),
        Input::new("c.log", &piece),
        Input::new("d.log", &piece),
        Input::new("chain.pem", &chain),
    ];
    let analysis = analyze_with(&inputs, &options);
    let said = too_large(&analysis);
    let read = (2 * piece.len()).div_ceil(1 << 20);
    assert_eq!(
        said,
        ["c.log", "d.log"].map(|at| (
            at.to_owned(),
            format!(
                "the input was not read: the inputs read before it come to {read} MiB, and at most {} MiB are read in all",
                MAX_INPUTS_BYTES >> 20
            )
        )),
    );
    assert_eq!(analysis.report.certificates.len(), 3);
    assert_eq!(analysis.report.inputs.len(), 5, "every input has its line");
    // The sliced job says the same.
    let mut job = Job::new(&inputs, &options);
    let sliced = loop {
        if let Step::Done(done) = job.run(&mut || false) {
            break done;
        }
    };
    assert_eq!(too_large(&sliced), said);
}

/// A sparse file of 4 GiB called `name` in a directory of its own (`what` names it): read whole,
/// it would take the memory it names, and seconds. The caller removes the directory.
fn sparse_file(what: &str, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("cert-preflight-{what}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join(name);
    std::fs::File::create(&file)
        .and_then(|f| f.set_len(4 << 30))
        .expect("a sparse file");
    (dir, file)
}

#[test]
fn the_command_line_reads_a_file_past_its_ceiling_no_further() {
    let (dir, big) = sparse_file("ceiling", "disk.img");
    let chain = crate::corpus::inspect_input("chain-shuffled", "chain.pem");
    let (status, json) = crate::binary::run_json(
        &[
            "inspect",
            "--json",
            big.to_str().expect("UTF-8 path"),
            chain.to_str().expect("UTF-8 path"),
        ],
        &[],
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(status, Some(1), "an error: {json}");
    let codes: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default(),
                d["location"]["file"].as_str().unwrap_or_default(),
            )
        })
        .filter(|(_, file)| file.ends_with("disk.img"))
        .collect();
    assert_eq!(codes, [("input-too-large", big.to_str().unwrap())]);
    assert_eq!(json["certificates"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_field_given_as_a_file_past_the_ceiling_is_refused_unread() {
    let (dir, big) = sparse_file("field", "chain.pem");
    let chain = crate::corpus::inspect_input("chain-shuffled", "chain.pem");
    let field = format!("enc_certificate=@{}", big.display());
    let output = crate::binary::run(
        &[
            "request",
            "--provider",
            "huawei-scm",
            "--region",
            "cn-north-4",
            "--auth",
            "token",
            "--token-env",
            "HUAWEI_TOKEN",
            "--field",
            &field,
            chain.to_str().expect("UTF-8 path"),
        ],
        &[],
    );
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the file is larger than 32 MiB; a field's text is a few KB"),
        "{stderr}"
    );
}

#[test]
fn the_checks_handed_out_ahead_stay_within_the_signature_budget() {
    // 900 RSA-4096 same-name certificates: their own signatures (each self-issued) spend 3,600 of
    // the 4,096 units, so the 900 searches' first checks, 4 units each, can pay for 124 only.
    let bytes = inputs::same_name_certificates(900);
    let inputs = [Input {
        name: "same name",
        bytes: &bytes,
        role: Role::Certificates,
        size: None,
    }];
    let options = Options {
        now: NOW,
        ..Options::default()
    };
    let mut job = Job::new(&inputs, &options);
    job.stop_before_checks();
    let Step::Working(_) = job.run(&mut || true) else {
        panic!("the job stops before its checks");
    };
    let ahead = job.checks_ahead();
    let left = SIGNATURE_CHECK_BUDGET - 900 * 4;
    assert_eq!(ahead.len() as u64, left / 4);
    // None verifies (each copy's signature is broken), so none is given back; the analysis then
    // makes its checks itself, within the same budget.
    let Step::Done(analysis) = job.run(&mut || true) else {
        panic!("the job ends");
    };
    assert_eq!(analysis.report, analyze_with(&inputs, &options).report);
}
