//! The analysis done in slices (the page's way with large material) gives the same analysis as
//! done in one go, over the whole vector corpus, and says how far it has got on the way.

use crate::corpus::{self, NOW_SINCE_EPOCH};
use cert_preflight::analysis::job::{Job, Progress, Stage, Step};
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

#[test]
fn every_corpus_input_sliced_one_unit_at_a_time_gives_the_whole_analysis() {
    let mut cases = 0;
    for case in corpus::inspect_cases() {
        let files = corpus::files(&case.join("input"));
        let contents: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|f| (f.display().to_string(), std::fs::read(f).unwrap()))
            .collect();
        let inputs: Vec<Input> = contents
            .iter()
            .enumerate()
            .map(|(k, (name, bytes))| Input {
                name,
                bytes,
                role: if k == 0 {
                    Role::Certificates
                } else {
                    Role::Any
                },
                size: None,
            })
            .collect();
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
