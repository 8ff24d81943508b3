//! The floor of "parse + fingerprint" (bench/README.md): the least work any checker must do to
//! fingerprint the certificates of a PEM bundle, with nothing parsed. For each
//! `-----BEGIN CERTIFICATE-----` block: drop the line breaks, base64-decode the body (base64ct,
//! built for speed in crates/base64, the decoder the project uses) and hash the DER once with SHA-256.
//! Shared by the native benchmark (bench/native.rs) and the wasm module (bench/wasm/src/lib.rs).

use sha2::{Digest, Sha256};

const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const END: &[u8] = b"-----END CERTIFICATE-----";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = haystack[from..].iter().position(|&b| b == needle[0]) {
        let at = from + offset;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Decodes the base64 body of a block (line breaks dropped into `joined`) into `out`.
fn decode(body: &[u8], joined: &mut Vec<u8>, out: &mut [u8]) -> usize {
    joined.clear();
    joined.extend(body.iter().copied().filter(|b| !b.is_ascii_whitespace()));
    cert_preflight_base64::base64_decode_into(&joined[..], out).map_or(0, |der| der.len())
}

/// Base64-decodes and SHA-256-hashes every certificate block of `pem`; the number hashed and an
/// XOR of the first byte of every digest (so that the work cannot be optimised away).
pub(crate) fn base64_and_sha256(pem: &[u8]) -> (usize, u8) {
    let mut rest = pem;
    let mut joined = Vec::with_capacity(8192);
    let mut der = vec![0u8; 8192];
    let (mut count, mut mix) = (0, 0u8);
    while let Some(begin) = find(rest, BEGIN) {
        let body = &rest[begin + BEGIN.len()..];
        let Some(end) = find(body, END) else { break };
        let len = decode(&body[..end], &mut joined, &mut der);
        mix ^= Sha256::digest(&der[..len])[0];
        count += 1;
        rest = &body[end + END.len()..];
    }
    (count, mix)
}
