//! Entry points of the cert-preflight core for the browser benchmark (bench/browser/).
//!
//! - `parse_fingerprint(bytes)`: PEM decoding and `certificate::parse` of every certificate (all
//!   fields decoded, SHA-1 + SHA-256 fingerprints), the work comparable with @peculiar/x509;
//!   returns the number of certificates parsed.
//! - `analyze_full(bytes, key)`: the whole analysis (`analyze_with`) of the certificates and, when
//!   `key` is not empty, a private key; returns the number of diagnostics.
//! - `signatures_verified(bytes, key)`: the same analysis, returning how many issuer signatures
//!   verified (called once by the page to show the work was done, not timed).
//! - `floor(bytes)`: bench/floor.rs, base64 + one SHA-256 per certificate and nothing else, the
//!   least any parse + fingerprint can cost; returns the number of certificates hashed.
//! - `hostile_count()`, `hostile_case(i)`, `hostile_size(i)`, `analyze_hostile(i)`: the hostile
//!   inputs of bench/hostile.rs, made once in the module (nothing crosses to JavaScript but their
//!   names), and the whole analysis of one; returns the number of diagnostics.
//!
//! The validation time is fixed at 2026-11-22T00:00:00Z.

use cert_preflight::analysis::input::{self, ItemKind};
use cert_preflight::analysis::{Analysis, Input, Options, analyze_with, certificate};
use cert_preflight::time::Timestamp;
use wasm_bindgen::prelude::wasm_bindgen;

#[path = "../../floor.rs"]
mod floor;
#[path = "../../hostile.rs"]
mod hostile;
mod verify_routes;

thread_local! {
    static HOSTILE: Vec<(String, Vec<u8>)> = hostile::all();
}

/// 2026-11-22T00:00:00Z.
const NOW: Timestamp = Timestamp::from_unix_seconds(1_795_305_600);

/// Parses and fingerprints every certificate of a PEM input; the number parsed.
#[wasm_bindgen]
pub fn parse_fingerprint(bytes: &[u8]) -> u32 {
    let decoded = input::decode("bench.pem", bytes);
    let mut diagnostics = Vec::new();
    let mut parsed = 0;
    for (index, item) in decoded
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Certificate)
        .enumerate()
    {
        if certificate::parse(&item.der, index, &item.location, NOW, &mut diagnostics).is_some() {
            parsed += 1;
        }
    }
    parsed
}

fn analysis(bytes: &[u8], key: &[u8]) -> Analysis {
    let mut inputs = vec![Input::new("certificates.pem", bytes)];
    if !key.is_empty() {
        inputs.push(Input::new("key.pem", key));
    }
    analyze_with(
        &inputs,
        &Options {
            now: NOW,
            passphrase: None,
            pkcs12_password: None,
        },
    )
}

/// The full analysis; the number of diagnostics.
#[wasm_bindgen]
pub fn analyze_full(bytes: &[u8], key: &[u8]) -> u32 {
    analysis(bytes, key).report.diagnostics.len() as u32
}

/// The full analysis; the number of issuer signatures that verified.
#[wasm_bindgen]
pub fn signatures_verified(bytes: &[u8], key: &[u8]) -> u32 {
    analysis(bytes, key)
        .report
        .chain
        .signatures
        .iter()
        .filter(|s| s.verified)
        .count() as u32
}

/// Base64 + SHA-256 of each certificate block, nothing parsed; the number hashed.
#[wasm_bindgen]
pub fn floor(bytes: &[u8]) -> u32 {
    let (count, mix) = floor::base64_and_sha256(bytes);
    std::hint::black_box(mix);
    count as u32
}

/// How many hostile inputs there are.
#[wasm_bindgen]
pub fn hostile_count() -> u32 {
    HOSTILE.with(|inputs| inputs.len() as u32)
}

/// The benchmark case name of hostile input `index` (as the native benchmark names it).
#[wasm_bindgen]
pub fn hostile_case(index: u32) -> String {
    HOSTILE.with(|inputs| hostile::case_name(&inputs[index as usize].0))
}

/// The size in bytes of hostile input `index`.
#[wasm_bindgen]
pub fn hostile_size(index: u32) -> u32 {
    HOSTILE.with(|inputs| inputs[index as usize].1.len() as u32)
}

/// The full analysis of hostile input `index`; the number of diagnostics.
#[wasm_bindgen]
pub fn analyze_hostile(index: u32) -> u32 {
    HOSTILE.with(|inputs| analyze_full(&inputs[index as usize].1, &[]))
}

/// Reads one private key (PEM or DER) with a passphrase: the key-derivation benchmark (an
/// encrypted key at the ceilings, bench/README.md "Key derivation"); 1 when it was decrypted.
#[wasm_bindgen]
pub fn read_key(key: &[u8], passphrase: &str) -> u32 {
    let analysis = analyze_with(
        &[Input::new("key.pem", key)],
        &Options {
            now: NOW,
            passphrase: Some(passphrase),
            pkcs12_password: None,
        },
    );
    u32::from(analysis.report.private_keys.iter().any(|k| k.decrypted))
}

/// Parses a PEM bundle and finds each certificate's issuer for the verification routes; the
/// number of issuer links (verify_routes.rs).
#[wasm_bindgen]
pub fn links_prepare(bytes: &[u8]) -> u32 {
    verify_routes::prepare(bytes)
}

/// Verifies the prepared links with the core's verifier; the number that verified.
#[wasm_bindgen]
pub fn links_verify(cached: bool) -> u32 {
    verify_routes::verify(cached)
}

/// The prepared links as records for WebCrypto (verify_routes.rs says the layout).
#[wasm_bindgen]
pub fn links_export() -> Vec<u8> {
    verify_routes::export()
}
