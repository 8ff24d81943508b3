//! The verification routes (bench/README.md, "Issue 16"): the issuer links of a PEM bundle (each
//! certificate with the first certificate whose subject is its issuer name; the root with itself)
//! verified in wasm by the core's own `public_key::verify_with`, against the same links handed to
//! JavaScript for WebCrypto's `SubtleCrypto.verify` (bench/browser/verify-worker.mjs).

use cert_preflight::analysis::certificate::{self, ParsedCertificate};
use cert_preflight::analysis::input::{self, ItemKind};
use cert_preflight::analysis::public_key::{self, Signer, Verification};
use der::Encode;
use std::cell::RefCell;
use cert_preflight::time::Timestamp;

/// 2026-11-22T00:00:00Z.
const NOW: Timestamp = Timestamp::from_unix_seconds(1_795_305_600);

struct Links {
    certificates: Vec<ParsedCertificate>,
    /// (subject, issuer) positions in `certificates`.
    pairs: Vec<(usize, usize)>,
}

thread_local! {
    static LINKS: RefCell<Links> = const { RefCell::new(Links { certificates: Vec::new(), pairs: Vec::new() }) };
}

/// Parses `bytes` and finds each certificate's issuer; the number of links.
pub fn prepare(bytes: &[u8]) -> u32 {
    let decoded = input::decode("links.pem", bytes);
    let mut diagnostics = Vec::new();
    let certificates: Vec<ParsedCertificate> = decoded
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Certificate)
        .enumerate()
        .filter_map(|(n, item)| {
            certificate::parse(&item.der, n, &item.location, NOW, &mut diagnostics)
        })
        .collect();
    let issuers: Vec<usize> = (0..certificates.len())
        .filter(|&j| certificates[j].summary.is_ca)
        .collect();
    let mut pairs = Vec::new();
    for (i, c) in certificates.iter().enumerate() {
        let issuer = c.certificate.tbs_certificate().issuer();
        if let Some(&j) = issuers
            .iter()
            .find(|&&j| certificates[j].certificate.tbs_certificate().subject() == issuer)
        {
            pairs.push((i, j));
        }
    }
    let count = pairs.len() as u32;
    LINKS.with(|links| {
        *links.borrow_mut() = Links {
            certificates,
            pairs,
        }
    });
    count
}

/// Verifies every link in wasm; the number that verified. `cached`: one `Signer` per issuer (as
/// the analysis does), else a new one per link (the key decoded each time, as WebCrypto's
/// importKey per link).
pub fn verify(cached: bool) -> u32 {
    LINKS.with(|links| {
        let links = links.borrow();
        let mut signers: Vec<Option<Signer>> =
            (0..links.certificates.len()).map(|_| None).collect();
        let mut valid = 0;
        for &(i, j) in &links.pairs {
            let subject = &links.certificates[i];
            let spki = links.certificates[j]
                .certificate
                .tbs_certificate()
                .subject_public_key_info();
            let fresh;
            let signer = if cached {
                signers[j].get_or_insert_with(|| Signer::new(spki))
            } else {
                fresh = Signer::new(spki);
                &fresh
            };
            let result = public_key::verify_with(
                &subject.tbs_der,
                subject.certificate.signature_algorithm(),
                subject.certificate.signature().raw_bytes(),
                signer,
            );
            valid += u32::from(result == Verification::Valid);
        }
        valid
    })
}

fn push(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// The links for WebCrypto, one record each: the algorithm (1 RSASSA-PKCS1-v1_5 SHA-256, 2 ECDSA
/// P-256 SHA-256, 3 Ed25519, 0 other), the issuer's position (u32 LE), then the issuer's
/// SubjectPublicKeyInfo DER, the TBSCertificate DER and the signature (ECDSA as r || s), each with
/// its length (u32 LE).
pub fn export() -> Vec<u8> {
    LINKS.with(|links| {
        let links = links.borrow();
        let mut out = Vec::new();
        for &(i, j) in &links.pairs {
            let subject = &links.certificates[i];
            let oid = subject.summary.signature_algorithm_oid.as_str();
            let signature = subject.certificate.signature().raw_bytes();
            let (kind, signature) = match oid {
                "1.2.840.113549.1.1.11" => (1u8, signature.to_vec()),
                "1.2.840.10045.4.3.2" => match p256::ecdsa::Signature::from_der(signature) {
                    Ok(s) => (2, s.to_bytes().to_vec()),
                    Err(_) => (0, Vec::new()),
                },
                "1.3.101.112" => (3, signature.to_vec()),
                _ => (0, Vec::new()),
            };
            let spki = links.certificates[j]
                .certificate
                .tbs_certificate()
                .subject_public_key_info()
                .to_der()
                .unwrap_or_default();
            out.push(kind);
            out.extend_from_slice(&(j as u32).to_le_bytes());
            push(&mut out, &spki);
            push(&mut out, &subject.tbs_der);
            push(&mut out, &signature);
        }
        out
    })
}
