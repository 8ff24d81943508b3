//! Fuzz target: any bytes, as one input, through the whole analysis (decoding, containers,
//! certificates, keys, requests, chain), with and without a passphrase. It must never panic.
#![no_main]

use cert_preflight::analysis::{Input, Options, analyze_with};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let now = Duration::from_secs(1_795_305_600);
    for passphrase in [None, Some("correct horse battery staple")] {
        let options = Options {
            now,
            passphrase,
            pkcs12_password: None,
        };
        let analysis = analyze_with(&[Input::new("fuzz", data)], &options);
        let _ = analysis.report.to_string();
    }
});
