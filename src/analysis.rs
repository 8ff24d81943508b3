//! The checking pipeline's entry: inputs → items → certificate summaries → checks → [`Report`].
//!
//! [`analyze`] never fails and never panics on any input: everything that goes wrong is a
//! [`Diagnostic`] in the report. The validation time is an argument; nothing here reads a clock.

pub mod certificate;
pub mod fingerprint;
pub mod input;

use crate::diagnostic::{Code, Diagnostic, Severity};
use certificate::CertificateSummary;
use input::{InputSummary, ItemKind};
use serde::Serialize;
use std::fmt;
use std::time::Duration;

/// One input to analyse: a name (file name, `pasted text`, `-`) and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Shown in locations.
    pub name: &'a str,
    /// The raw bytes, text or binary.
    pub bytes: &'a [u8],
}

/// Everything the analysis found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// One line per input.
    pub inputs: Vec<InputSummary>,
    /// Every certificate, in input order.
    pub certificates: Vec<CertificateSummary>,
    /// Every finding, in the order found.
    pub diagnostics: Vec<Diagnostic>,
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

/// Analyses the inputs at validation time `now` (since the Unix epoch).
pub fn analyze(inputs: &[Input<'_>], now: Duration) -> Report {
    let mut report = Report::default();
    for input in inputs {
        let decoded = input::decode(input.name, input.bytes);
        report.inputs.push(decoded.summary);
        report.diagnostics.extend(decoded.diagnostics);
        for item in decoded.items {
            match item.kind {
                ItemKind::Certificate => {
                    let index = report.certificates.len();
                    if let Some(summary) = certificate::summarize(
                        &item.der,
                        index,
                        &item.location,
                        now,
                        &mut report.diagnostics,
                    ) {
                        report.certificates.push(summary);
                    }
                }
                ItemKind::Other => report.diagnostics.push(Diagnostic::new(
                    Code::UnknownPemLabel,
                    item.location.clone(),
                    format!(
                        "block with unknown label {:?} was skipped",
                        item.label.as_deref().unwrap_or("")
                    ),
                    "check that the right file was picked; certificates are labelled CERTIFICATE",
                )),
                ref other => report.diagnostics.push(Diagnostic::new(
                    Code::NotACertificate,
                    item.location.clone(),
                    format!(
                        "{} was found where certificates were expected",
                        other.describe()
                    ),
                    "keep only certificate blocks in the certificate input",
                )),
            }
        }
    }
    report
}

/// The readable text form of a report (what `cert-preflight inspect` prints without `--json`).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for input in &self.inputs {
            let kind = input.kind.as_str();
            let format = input.format.as_str();
            let endings = input.line_endings.as_str();
            writeln!(
                f,
                "{}: {kind}, {format}, {} block(s), line endings: {endings}",
                input.file, input.blocks
            )?;
        }
        for c in &self.certificates {
            writeln!(
                f,
                "\ncertificate {} ({}, block {})",
                c.index,
                c.file,
                c.block.unwrap_or(1)
            )?;
            writeln!(f, "  subject:   {}", c.subject)?;
            writeln!(f, "  issuer:    {}", c.issuer)?;
            writeln!(f, "  serial:    {}", c.serial_hex)?;
            let status = match c.expiry {
                certificate::Expiry::Valid => format!("valid, {} days left", c.days_until_expiry),
                certificate::Expiry::Expired => {
                    format!("expired {} days ago", -c.days_until_expiry)
                }
                certificate::Expiry::NotYetValid => "not yet valid".to_owned(),
            };
            writeln!(
                f,
                "  valid:     {} to {} ({status})",
                c.not_before, c.not_after
            )?;
            writeln!(f, "  algorithm: {}", c.signature_algorithm)?;
            writeln!(f, "  SHA-1:     {}", c.sha1)?;
            writeln!(f, "  SHA-256:   {}", c.sha256)?;
        }
        if !self.diagnostics.is_empty() {
            writeln!(f)?;
        }
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}
