//! The analysis done in slices (the page's way with large material) gives the same analysis as
//! done in one go, over the whole vector corpus, and says how far it has got on the way.

use crate::corpus::{self, NOW_SINCE_EPOCH};
use cert_preflight::analysis::job::{Job, Progress, Stage, Step};
use cert_preflight::analysis::public_key::{Hash, PortableCheck, PortableScheme};
use cert_preflight::analysis::{Input, Options, Role, analyze_with};

#[track_caller]
fn pem(path: &str) -> Vec<u8> {
    std::fs::read(corpus::vectors("inspect").join(path)).unwrap()
}

#[test]
fn a_job_in_slices_reports_progress_and_ends_with_the_analysis() {
    let chain = pem("chain-shuffled/input/chain.pem");
    let inputs = [Input {
        name: "chain.pem",
        bytes: &chain,
        role: Role::Certificates,
        size: None,
    }];
    let options = Options {
        now: NOW_SINCE_EPOCH,
        ..Options::default()
    };
    let mut job = Job::new(&inputs, &options);
    let mut steps = Vec::new();
    let analysis = loop {
        // One unit per call.
        match job.run(&mut || false) {
            Step::Working(progress) => steps.push(progress),
            Step::Done(analysis) => break analysis,
        }
    };
    let whole = analyze_with(&inputs, &options);
    assert_eq!(analysis.report, whole.report);
    assert_eq!(analysis.certificates.len(), 3);
    // Reading: the input, then its three items; then the two links' signature checks.
    assert_eq!(
        steps.first(),
        Some(&Progress {
            stage: Stage::Reading,
            done: 1,
            total: 4
        })
    );
    assert!(steps.contains(&Progress {
        stage: Stage::Reading,
        done: 4,
        total: 4
    }));
    let checking: Vec<_> = steps
        .iter()
        .filter(|p| p.stage == Stage::Checking)
        .collect();
    assert!(!checking.is_empty());
    assert!(
        checking
            .iter()
            .all(|p| p.total == checking[0].total && p.done <= p.total)
    );
    assert!(checking.windows(2).all(|w| w[0].done < w[1].done));
}

/// A corpus case's input files, read.
fn case_contents(case: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    corpus::files(&case.join("input"))
        .iter()
        .map(|f| (f.display().to_string(), std::fs::read(f).unwrap()))
        .collect()
}

#[test]
fn every_corpus_input_sliced_one_unit_at_a_time_gives_the_whole_analysis() {
    let mut cases = 0;
    for case in corpus::inspect_cases() {
        let contents = case_contents(&case);
        let inputs = corpus::page_inputs(&contents);
        for passphrase in [None, Some("test")] {
            let options = Options {
                now: NOW_SINCE_EPOCH,
                passphrase,
                pkcs12_password: passphrase,
            };
            let mut job = Job::new(&inputs, &options);
            let mut units = 0;
            let sliced = loop {
                units += 1;
                assert!(units < 100_000, "{} does not end", case.display());
                if let Step::Done(analysis) = job.run(&mut || false) {
                    break analysis;
                }
            };
            let whole = analyze_with(&inputs, &options);
            assert_eq!(sliced.report, whole.report, "{}", case.display());
        }
        cases += 1;
    }
    assert!(cases > 50, "only {cases} corpus cases");
}

/// Another verifier, as the page's Worker has in WebCrypto: it reads only what a check hands out
/// (the signer's `SubjectPublicKeyInfo` as DER, the message, the signature, ECDSA's as r ‖ s),
/// through other entry points of the `RustCrypto` crates than the analysis' own.
fn verifies_elsewhere(check: &PortableCheck<'_>) -> bool {
    use p256::pkcs8::DecodePublicKey;
    use signature::Verifier;
    use signature::hazmat::PrehashVerifier;
    let digest = |hash: Hash| -> Vec<u8> {
        use sha2::Digest;
        match hash {
            Hash::Sha1 => sha1::Sha1::digest(check.message).to_vec(),
            Hash::Sha256 => sha2::Sha256::digest(check.message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(check.message).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(check.message).to_vec(),
            other => panic!("{other:?} is never handed out"),
        }
    };
    macro_rules! ecdsa {
        ($curve:ident, $hash:expr) => {{
            let key = $curve::ecdsa::VerifyingKey::from_public_key_der(&check.spki).unwrap();
            let Ok(sig) = $curve::ecdsa::Signature::from_slice(&check.signature) else {
                return false;
            };
            key.verify_prehash(&digest($hash), &sig).is_ok()
        }};
    }
    match check.scheme {
        PortableScheme::RsaPkcs1(hash) => {
            let key = rsa::RsaPublicKey::from_public_key_der(&check.spki).unwrap();
            let Ok(sig) = rsa::pkcs1v15::Signature::try_from(&check.signature[..]) else {
                return false;
            };
            match hash {
                Hash::Sha1 => rsa::pkcs1v15::VerifyingKey::<sha1::Sha1>::new(key)
                    .verify(check.message, &sig)
                    .is_ok(),
                Hash::Sha256 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key)
                    .verify(check.message, &sig)
                    .is_ok(),
                Hash::Sha384 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha384>::new(key)
                    .verify(check.message, &sig)
                    .is_ok(),
                Hash::Sha512 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha512>::new(key)
                    .verify(check.message, &sig)
                    .is_ok(),
                other => panic!("RSA with {other:?} is never handed out"),
            }
        }
        PortableScheme::Ecdsa(curve, hash) => match curve.as_str() {
            "P-256" => ecdsa!(p256, hash),
            "P-384" => ecdsa!(p384, hash),
            "P-521" => ecdsa!(p521, hash),
            other => panic!("ECDSA on {other} is never handed out"),
        },
    }
}

#[test]
fn every_corpus_input_with_its_checks_made_ahead_elsewhere_gives_the_whole_analysis() {
    let (mut handed_out, mut verified) = (0, 0);
    for case in corpus::inspect_cases() {
        let contents = case_contents(&case);
        let inputs = corpus::page_inputs(&contents);
        let options = Options {
            now: NOW_SINCE_EPOCH,
            passphrase: Some("test"),
            pkcs12_password: Some("test"),
        };
        let mut job = Job::new(&inputs, &options);
        job.stop_before_checks();
        let mut asked = false;
        let ahead = loop {
            match job.run(&mut || true) {
                Step::Working(progress) => {
                    // It stops once, with the checks known and none made.
                    assert!(!asked, "{}", case.display());
                    assert_eq!(progress.stage, Stage::Checking, "{}", case.display());
                    assert_eq!(progress.done, 0, "{}", case.display());
                    asked = true;
                    let ahead = job.checks_ahead();
                    let found: Vec<_> = ahead
                        .iter()
                        .filter(|(_, check)| verifies_elsewhere(check))
                        .map(|(id, _)| *id)
                        .collect();
                    handed_out += ahead.len();
                    verified += found.len();
                    job.confirm(found);
                }
                Step::Done(analysis) => break analysis,
            }
        };
        let whole = analyze_with(&inputs, &options);
        assert_eq!(ahead.report, whole.report, "{}", case.display());
    }
    // The corpus' RSA and ECDSA chains (and a few broken links, which stay the analysis' own).
    assert!(verified > 100, "{verified} of {handed_out} checks verified");
    assert!(handed_out > verified, "{verified} of {handed_out}");
}

#[test]
fn a_confirmed_check_is_taken_as_verified_and_an_unconfirmed_one_is_verified_here() {
    // chain-fake-intermediate-same-name: a CA with the name of the leaf's issuer, whose key did not
    // sign it.
    let contents =
        case_contents(&corpus::vectors("inspect").join("chain-fake-intermediate-same-name"));
    let inputs = corpus::page_inputs(&contents);
    let options = Options {
        now: NOW_SINCE_EPOCH,
        ..Options::default()
    };
    let run = |confirm_all: bool| {
        let mut job = Job::new(&inputs, &options);
        job.stop_before_checks();
        loop {
            match job.run(&mut || true) {
                Step::Working(_) => {
                    let ahead: Vec<_> = job.checks_ahead().iter().map(|(id, _)| *id).collect();
                    assert!(!ahead.is_empty());
                    if confirm_all {
                        job.confirm(ahead);
                    }
                }
                Step::Done(analysis) => break analysis,
            }
        }
    };
    let whole = analyze_with(&inputs, &options);
    assert_eq!(run(false).report, whole.report);
    // The contract: a check given back is not verified again. Given back wrongly, the broken link
    // is taken as verified, which is why only what the other verifier found to verify is given.
    assert_ne!(run(true).report.chain, whole.report.chain);
}
