//! The floor of "parse + fingerprint" (bench/README.md): the least work any checker must do to
//! fingerprint the certificates of a PEM bundle, with nothing parsed. For each
//! `-----BEGIN CERTIFICATE-----` block: base64-decode its body with a plain lookup table (no
//! constant-time decoding, no validation beyond the alphabet) and hash the DER once with SHA-256.
//! Shared by the native benchmark (bench/native.rs) and the wasm module (bench/wasm/src/lib.rs).

use sha2::{Digest, Sha256};

const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const END: &[u8] = b"-----END CERTIFICATE-----";

const INVALID: u8 = 0xff;
static VALUES: [u8; 256] = {
    let mut table = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < alphabet.len() {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
};

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

/// Decodes the base64 characters of `body` (skipping line breaks, padding and anything else).
fn decode(body: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &byte in body {
        let value = VALUES[usize::from(byte)];
        if value == INVALID {
            continue;
        }
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
}

/// Base64-decodes and SHA-256-hashes every certificate block of `pem`; the number hashed and an
/// XOR of the first byte of every digest (so that the work cannot be optimised away).
pub fn base64_and_sha256(pem: &[u8]) -> (usize, u8) {
    let mut rest = pem;
    let mut der = Vec::with_capacity(4096);
    let (mut count, mut mix) = (0, 0u8);
    while let Some(begin) = find(rest, BEGIN) {
        let body = &rest[begin + BEGIN.len()..];
        let Some(end) = find(body, END) else { break };
        decode(&body[..end], &mut der);
        mix ^= Sha256::digest(&der)[0];
        count += 1;
        rest = &body[end + END.len()..];
    }
    (count, mix)
}
