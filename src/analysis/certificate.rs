//! One X.509 certificate (RFC 5280 §4.1) → [`CertificateSummary`]: the facts a person checks before
//! uploading (names, serial, validity, fingerprints, signature algorithm), computed from the DER.

use super::fingerprint;
use crate::diagnostic::{Code, Diagnostic, Location};
use der::{Decode, Encode, oid::db::DB};
use serde::Serialize;
use std::time::Duration;
use x509_cert::Certificate;

/// Where a certificate stands against the validation time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expiry {
    /// notBefore ≤ now ≤ notAfter.
    Valid,
    /// now > notAfter.
    Expired,
    /// now < notBefore.
    NotYetValid,
}

impl Expiry {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Expiry::Valid => "valid",
            Expiry::Expired => "expired",
            Expiry::NotYetValid => "not_yet_valid",
        }
    }
}

/// The facts about one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateSummary {
    /// Position among all certificates of all inputs, in input order, from 0.
    pub index: usize,
    /// The input it came from.
    pub file: String,
    /// Its block within that input (1-based).
    pub block: Option<usize>,
    /// Its BEGIN line (1-based), when it came from PEM.
    pub line: Option<usize>,
    /// Subject as an RFC 4514 string.
    pub subject: String,
    /// Issuer as an RFC 4514 string.
    pub issuer: String,
    /// The subject's first commonName, if any.
    pub common_name: Option<String>,
    /// The serial number's value as lowercase hex without leading zeros (`0` for zero).
    pub serial_hex: String,
    /// notBefore, RFC 3339 UTC.
    pub not_before: String,
    /// notAfter, RFC 3339 UTC.
    pub not_after: String,
    /// SHA-1 of the DER, colon-separated uppercase hex.
    pub sha1: String,
    /// SHA-256 of the DER, colon-separated uppercase hex.
    pub sha256: String,
    /// The signature algorithm's name (`sha256WithRSAEncryption`) or its OID.
    pub signature_algorithm: String,
    /// The signature algorithm's OID, dotted.
    pub signature_algorithm_oid: String,
    /// Subject and issuer names are equal.
    pub self_issued: bool,
    /// Valid, expired or not yet valid at the validation time.
    pub expiry: Expiry,
    /// Whole days from the validation time to notAfter (negative once expired).
    pub days_until_expiry: i64,
    /// Size of the DER encoding in bytes.
    pub der_size: usize,
}

const DAY: i64 = 86_400;
/// Certificates expiring within this many days get a warning.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// Decodes and summarises one certificate. `now` is the validation time (since the Unix epoch).
pub fn summarize(
    der: &[u8],
    index: usize,
    location: &Location,
    now: Duration,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<CertificateSummary> {
    let certificate = match Certificate::from_der(der) {
        Ok(certificate) => certificate,
        Err(error) => {
            diagnostics.push(Diagnostic::new(
                Code::InvalidAsn1,
                location.clone(),
                format!("{} is not an X.509 certificate: {error}", describe_place(location)),
                "the data may be truncated or of another kind; export the certificate again as PEM or DER",
            ));
            return None;
        }
    };
    let tbs = certificate.tbs_certificate();
    let not_before = tbs.validity().not_before.to_unix_duration();
    let not_after = tbs.validity().not_after.to_unix_duration();
    let expiry = if now < not_before {
        Expiry::NotYetValid
    } else if now > not_after {
        Expiry::Expired
    } else {
        Expiry::Valid
    };
    let days_until_expiry = (seconds(not_after) - seconds(now)).div_euclid(DAY);
    let signature_oid = certificate.signature_algorithm().oid;
    let summary = CertificateSummary {
        index,
        file: location.file.clone(),
        block: location.block,
        line: location.line,
        subject: tbs.subject().to_string(),
        issuer: tbs.issuer().to_string(),
        common_name: common_name(tbs.subject()),
        serial_hex: serial_hex(tbs.serial_number().as_bytes()),
        not_before: tbs.validity().not_before.to_string(),
        not_after: tbs.validity().not_after.to_string(),
        sha1: fingerprint::sha1(der),
        sha256: fingerprint::sha256(der),
        signature_algorithm: DB
            .by_oid(&signature_oid)
            .map_or_else(|| signature_oid.to_string(), str::to_owned),
        signature_algorithm_oid: signature_oid.to_string(),
        self_issued: tbs.subject() == tbs.issuer(),
        expiry,
        days_until_expiry,
        der_size: certificate
            .encoded_len()
            .ok()
            .and_then(|l| usize::try_from(u32::from(l)).ok())
            .unwrap_or(der.len()),
    };
    lint_validity(&summary, location, diagnostics);
    Some(summary)
}

/// The INTEGER's magnitude in hex: the DER sign byte and leading zeros dropped.
fn serial_hex(bytes: &[u8]) -> String {
    let hex = base16ct::lower::encode_string(bytes);
    let trimmed = hex.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn seconds(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

fn describe_place(location: &Location) -> String {
    match (location.block, location.line) {
        (Some(block), Some(_)) => format!("block {block}"),
        _ => "the DER data".to_owned(),
    }
}

fn common_name(name: &x509_cert::name::Name) -> Option<String> {
    name.common_name().ok().flatten().map(String::from)
}

fn lint_validity(
    summary: &CertificateSummary,
    location: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let who = summary.common_name.as_deref().unwrap_or(&summary.subject);
    match summary.expiry {
        Expiry::Expired => diagnostics.push(Diagnostic::new(
            Code::CertificateExpired,
            location.clone(),
            format!("certificate \"{who}\" expired on {}", summary.not_after),
            "renew the certificate with your CA and upload the new one",
        )),
        Expiry::NotYetValid => diagnostics.push(Diagnostic::new(
            Code::CertificateNotYetValid,
            location.clone(),
            format!(
                "certificate \"{who}\" is not valid before {}",
                summary.not_before
            ),
            "wait until then, or check the clock of the machine that issued it",
        )),
        Expiry::Valid if summary.days_until_expiry < EXPIRY_WARNING_DAYS => {
            diagnostics.push(Diagnostic::new(
                Code::CertificateExpiresSoon,
                location.clone(),
                format!(
                    "certificate \"{who}\" expires in {} days ({})",
                    summary.days_until_expiry, summary.not_after
                ),
                "plan the renewal now; an upload today will need replacing soon",
            ))
        }
        Expiry::Valid => {}
    }
}
