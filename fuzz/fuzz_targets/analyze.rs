//! Fuzz target: any bytes, as one input of the certificate box, through the whole analysis
//! (recovery and decoding, containers, certificates, keys decrypted with the passphrase the input
//! carries, requests, the chain search), the same analysis done in slices (small inputs), and the
//! request pipeline for every target. It must never panic, the sliced analysis must equal the
//! whole one, and no message may hold the passphrase.
//!
//! Input: the material, optionally followed by `\n#passphrase=` and a passphrase (the last such
//! separator counts); without one, the vector corpus's passphrase is used. fuzz/seeds/ and the
//! vector inputs (with their case's passphrase appended) seed the corpus (fuzz/run.sh).
#![no_main]

use cert_preflight::analysis::job::{Job, Step};
use cert_preflight::analysis::{Input, Options, Role, analyze_with};
use cert_preflight::fixes::certificate_text;
use cert_preflight::providers::{Fields, ProviderId, Shape};
use cert_preflight::request::Auth;
use cert_preflight::request;
use cert_preflight::signing::{Credentials, Scheme, Secret};
use libfuzzer_sys::fuzz_target;
use cert_preflight::time::Timestamp;

const SEPARATOR: &[u8] = b"\n#passphrase=";
/// The passphrase of the vector corpus's encrypted inputs.
const CORPUS_PASSPHRASE: &str = "correct horse battery staple";
/// Inputs up to this size are also analysed one unit at a time.
const SLICED_UP_TO: usize = 16 * 1024;

fn split(data: &[u8]) -> (&[u8], String) {
    match data.windows(SEPARATOR.len()).rposition(|w| w == SEPARATOR) {
        Some(at) => (
            &data[..at],
            String::from_utf8_lossy(&data[at + SEPARATOR.len()..]).into_owned(),
        ),
        None => (data, CORPUS_PASSPHRASE.to_owned()),
    }
}

/// Every target with its required fields filled in (one-line fields with a value of a common
/// shape, choices with their first option) and its preferred scheme.
fn requests() -> Vec<(ProviderId, Fields, Auth)> {
    let credentials = || Credentials {
        access_key_id: "LTAI5tExampleKeyId".to_owned(),
        secret: Secret::new("fuzz secret"),
    };
    ProviderId::all()
        .map(|provider| {
            let spec = provider.spec();
            let values = spec
                .fields
                .iter()
                .filter(|f| f.required)
                .map(|f| {
                    let value = match f.shape {
                        Shape::OneOf(options) => options.first().copied().unwrap_or("x"),
                        _ => "0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a",
                    };
                    (f.name.to_owned(), value.to_owned())
                })
                .collect();
            let fields = Fields {
                values,
                region: spec.default_region.to_owned(),
            };
            let auth = match spec.schemes[0] {
                Scheme::AlibabaRpcV2 => Auth::AlibabaV2(credentials()),
                Scheme::AlibabaAcs3 => Auth::AlibabaAcs3(credentials()),
                Scheme::HuaweiAksk => Auth::HuaweiAksk {
                    credentials: credentials(),
                    domain_id: Some("0a1b2c3d4e5f60718293a4b5c6d7e8f9".to_owned()),
                },
                Scheme::HuaweiToken => Auth::HuaweiToken {
                    env: "HUAWEI_TOKEN".to_owned(),
                },
            };
            (provider, fields, auth)
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let (material, passphrase) = split(data);
    let now = Timestamp::from_unix_seconds(1_795_305_600);
    let options = Options {
        now,
        passphrase: Some(&passphrase),
        pkcs12_password: None,
    };
    let inputs = [Input {
        name: "fuzz",
        bytes: material,
        role: Role::Certificates,
        size: None,
    }];
    let analysis = analyze_with(&inputs, &options);
    let text = analysis.report.to_string();

    if material.len() <= SLICED_UP_TO {
        let mut job = Job::new(&inputs, &options);
        let sliced = loop {
            if let Step::Done(sliced) = job.run(&mut || false) {
                break sliced;
            }
        };
        assert_eq!(sliced.report, analysis.report, "sliced and whole analyses differ");
    }

    let before = std::str::from_utf8(material)
        .map(certificate_text)
        .unwrap_or_default();
    let mut messages = vec![text];
    for (provider, fields, auth) in requests() {
        let outcome = request::build(provider, &analysis, &before, &fields, &auth, now, "nonce");
        for d in outcome.diagnostics() {
            messages.push(d.to_string());
            messages.extend(d.page_hint);
        }
    }
    // A passphrase that cannot be an ordinary word (long enough, and not letters alone: the vector
    // corpus's `password` is a word of messages such as `wrong-pkcs12-password`) is never repeated
    // in a message.
    let word = passphrase.chars().all(|c| c.is_ascii_alphabetic());
    if passphrase.chars().count() >= 8
        && !word
        && !material.windows(passphrase.len()).any(|w| w == passphrase.as_bytes())
    {
        for message in &messages {
            assert!(!message.contains(&passphrase), "a message holds the passphrase");
        }
    }
});
