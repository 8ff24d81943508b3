//! The checking pipeline's entry: inputs → items → containers opened → certificates, keys and
//! requests → chain → key and request matching → [`Report`].
//!
//! [`analyze`] never fails and never panics on any input: everything that goes wrong is a
//! [`Diagnostic`] in the report. The validation time and any passphrase are arguments; nothing
//! here reads a clock, and no secret is copied into the report.

pub mod archive;
mod ber;
pub mod certificate;
pub mod chain;
pub mod code_page;
mod containers;
pub(crate) mod csr;
mod decode_error;
pub mod fingerprint;
pub(crate) mod foreign;
pub mod input;
pub mod item;
pub(crate) mod java_keystore;
pub mod job;
mod key_match;
pub(crate) mod legacy_pem;
pub(crate) mod name;
pub(crate) mod oid_names;
pub(crate) mod oids;
pub(crate) mod pem;
pub(crate) mod pkcs12;
pub(crate) mod pkcs7;
pub mod private_key;
pub mod public_key;
pub mod recover;
mod sniff;

use crate::diagnostic::{Diagnostic, Severity};
use crate::time::Timestamp;
use certificate::{CertificateSummary, ParsedCertificate};
use chain::ChainReport;
use csr::{CsrSummary, ParsedCsr};
use input::InputSummary;
use private_key::{ParsedKey, PrivateKeySummary};
use serde::Serialize;
use std::fmt;

/// What an input is meant to hold. A private key or CSR in a certificate input is still analysed,
/// with a `not-a-certificate` warning so that the page can move it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Anything (the command line).
    #[default]
    Any,
    /// Certificates (a certificate or chain box).
    Certificates,
}

/// One input to analyse: a name (file name, `pasted text`, `-`), its bytes and its role.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Shown in locations.
    pub name: &'a str,
    /// The raw bytes, text or binary.
    pub bytes: &'a [u8],
    /// What it is meant to hold.
    pub role: Role,
    /// Its size in bytes when `bytes` are only its beginning (a file past the ceiling of an input,
    /// `input::MAX_INPUT_BYTES`, read no further than needed to say so); `None` when `bytes` are
    /// all of it.
    pub size: Option<usize>,
}

impl<'a> Input<'a> {
    /// An input that may hold anything.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Input {
            name,
            bytes,
            role: Role::Any,
            size: None,
        }
    }
}

/// What the analysis needs besides the inputs. Secrets here are used to decrypt and then dropped.
#[derive(Clone, Copy, Default)]
pub struct Options<'a> {
    /// The validation time.
    pub now: Timestamp,
    /// The passphrase of encrypted private keys.
    pub passphrase: Option<&'a str>,
    /// The password of PKCS#12 files (the passphrase is tried when this is absent).
    pub pkcs12_password: Option<&'a str>,
}

impl fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redact = |s: Option<&str>| s.map(|_| "** REDACTED **");
        f.debug_struct("Options")
            .field("now", &self.now)
            .field("passphrase", &redact(self.passphrase))
            .field("pkcs12_password", &redact(self.pkcs12_password))
            .finish()
    }
}

/// Everything the analysis found. Its JSON also holds `private_key` and `csr`, the first of
/// `private_keys` and `csrs` (keys of the JSON older than the lists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// One line per input.
    pub inputs: Vec<InputSummary>,
    /// Every certificate, in input order (containers opened in place).
    pub certificates: Vec<CertificateSummary>,
    /// The chain built from them.
    pub chain: ChainReport,
    /// Every private key.
    pub private_keys: Vec<PrivateKeySummary>,
    /// Every certificate request.
    pub csrs: Vec<CsrSummary>,
    /// Every finding, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Report {
    fn default() -> Self {
        let mut diagnostics = Vec::new();
        Self {
            inputs: Vec::new(),
            certificates: Vec::new(),
            chain: chain::analyze(&[], &mut diagnostics),
            private_keys: Vec::new(),
            csrs: Vec::new(),
            diagnostics,
        }
    }
}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Report", 8)?;
        out.serialize_field("inputs", &self.inputs)?;
        out.serialize_field("certificates", &self.certificates)?;
        out.serialize_field("chain", &self.chain)?;
        out.serialize_field("private_key", &self.private_keys.first())?;
        out.serialize_field("private_keys", &self.private_keys)?;
        out.serialize_field("csr", &self.csrs.first())?;
        out.serialize_field("csrs", &self.csrs)?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.end()
    }
}

impl Report {
    /// The highest severity among the diagnostics, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.worst() == Some(Severity::Error)
    }
}

/// The analysis with the parsed material kept, for the request builders and the fixes.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The report.
    pub report: Report,
    /// The certificates, decoded.
    pub certificates: Vec<ParsedCertificate>,
    /// The private keys.
    pub keys: Vec<ParsedKey>,
    /// The certificate requests.
    pub csrs: Vec<ParsedCsr>,
}

/// Analyses the inputs at validation time `now`, with no passphrase.
pub fn analyze(inputs: &[Input<'_>], now: Timestamp) -> Report {
    analyze_with(
        inputs,
        &Options {
            now,
            ..Options::default()
        },
    )
    .report
}

/// Analyses the inputs with the given options, keeping the decoded material: a [`job::Job`] run
/// to its end in one go.
pub fn analyze_with(inputs: &[Input<'_>], options: &Options<'_>) -> Analysis {
    let mut job = job::Job::new(inputs, options);
    loop {
        if let job::Step::Done(analysis) = job.run(&mut || true) {
            return *analysis;
        }
    }
}
