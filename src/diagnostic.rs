//! Diagnostics shared by both pipelines: a permanent kebab-case [`Code`], an ordered [`Severity`], a
//! [`Location`] (file, block, line) and a message with a separate fix hint.
//!
//! Every code is declared once, in the table inside [`codes!`], together with its severity and its
//! documentation; `Code::ALL` lists them so that tests and the UI can walk every code.

use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A fact worth knowing; nothing to fix.
    Info,
    /// Accepted, but risky or likely to surprise.
    Warning,
    /// The provider will reject it, or it cannot work.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and in the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, $severity:ident; )+) => {
        /// A permanent diagnostic code. Names never change once published; new codes are added.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The permanent kebab-case name (`data-code` in the page, `code` in JSON).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)+ }
            }

            /// The severity a diagnostic with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)+ }
            }

            /// The documentation of this code: what it means and how to fix it.
            pub fn documentation(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc, "\n"),+),)+ }
            }
        }
    };
}

codes! {
    /// The input holds nothing but white space. Paste or pick the certificate material.
    EmptyInput = "empty-input", Error;
    /// No PEM block and no DER structure was found in the input. A PEM certificate starts with
    /// `-----BEGIN CERTIFICATE-----`; export the certificate as PEM or DER and try again.
    NoPemOrDer = "no-pem-or-der", Error;
    /// A `-----BEGIN …-----` line has no matching `-----END …-----` line before the next BEGIN or the
    /// end of the input. The block was probably cut short when copying: copy it again, whole.
    PemMissingEnd = "pem-missing-end", Error;
    /// The label on a block's END line differs from its BEGIN line (`BEGIN CERTIFICATE` … `END PRIVATE
    /// KEY`). Two blocks were probably merged: copy each block from its BEGIN to its own END line.
    PemLabelMismatch = "pem-label-mismatch", Error;
    /// The body of a PEM block is not valid base64. Characters were lost or added while copying
    /// (a mail client, a word processor, a terminal that wrapped lines): copy the block again.
    PemInvalidBase64 = "pem-invalid-base64", Error;
    /// The bytes decode, but they are not the ASN.1 structure the block's label promises (for a
    /// certificate: an X.509 `Certificate`). The file may be truncated or of another kind.
    InvalidAsn1 = "invalid-asn1", Error;
    /// Text outside any PEM block was ignored (for example `Bag Attributes` or `subject=` lines that
    /// openssl prints). Nothing to fix; providers want only the blocks.
    TextOutsideBlocks = "text-outside-blocks", Info;
    /// A block that is not a certificate (a private key, a certificate request, a PKCS#7 bundle …) was
    /// found where certificates were expected. It is listed but not summarised as a certificate.
    NotACertificate = "not-a-certificate", Warning;
    /// A block with a label this tool does not know. Check that the right file was picked.
    UnknownPemLabel = "unknown-pem-label", Warning;
    /// The certificate's notAfter lies in the past: every provider rejects or will stop serving it.
    /// Renew the certificate with your CA.
    CertificateExpired = "certificate-expired", Error;
    /// The certificate's notBefore lies in the future: clients reject it until then. Check the clock
    /// of the machine that issued it, or wait.
    CertificateNotYetValid = "certificate-not-yet-valid", Error;
    /// The certificate expires within 30 days. Plan its renewal before uploading it.
    CertificateExpiresSoon = "certificate-expires-soon", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Where a diagnostic points: the input's name, the PEM block (1-based, in that input) and the line
/// (1-based) where that block or problem starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file name, or `pasted text`, or `-` for standard input.
    pub file: String,
    /// The 1-based block number within the input, when the problem belongs to one block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// The 1-based line number within the input, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(block) = self.block {
            write!(f, ", block {block}")?;
        }
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        Ok(())
    }
}

/// One finding: what (code, message), how bad (severity), where (location) and what to do (hint).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The permanent code.
    pub code: Code,
    /// The severity, taken from the code.
    pub severity: Severity,
    /// Where the problem is.
    pub location: Location,
    /// A short statement of the problem. Never holds secret material.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Diagnostic {
    /// A diagnostic whose severity is the code's own.
    pub fn new(
        code: Code,
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            location,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity, self.code, self.location, self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name} is not kebab-case"
            );
            assert!(
                code.documentation().trim().len() > 20,
                "{name} lacks documentation"
            );
        }
    }

    #[test]
    fn severity_orders_info_below_error() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!(Code::CertificateExpired.severity(), Severity::Error);
        assert_eq!(Code::TextOutsideBlocks.severity(), Severity::Info);
    }
}
