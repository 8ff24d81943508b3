//! Pasted text as the page and the command line show it before any fix: the certificate text as
//! given (never a key), and the blocks of the certificate box split by kind. Both cut the text
//! with the decoder's block scanner (`analysis/pem.rs`), as recovered when it was mangled.

/// The certificate part of a text input, for the before/after view: every `CERTIFICATE` block and
/// the text between such blocks; other blocks (keys, requests) and the text around them are left
/// out, so that the view never shows a private key. Mangled text (JSON, escapes, one-line PEM …)
/// is read as recovered (`analysis::recover`), as the analysis reads it.
pub fn certificate_text(text: &str) -> String {
    use crate::analysis::input::ItemKind;
    use crate::analysis::pem::{self, Part};
    let text = crate::analysis::recover::recovered_text(text);
    let is_certificate = |label| ItemKind::from_label(label) == ItemKind::Certificate;
    let mut out = String::new();
    let mut pending = String::new();
    let mut seen = false;
    for (line, part) in pem::scan(text.split_inclusive('\n')) {
        match part {
            Part::Begin { label, .. } if is_certificate(label) => {
                if seen {
                    out.push_str(&pending);
                }
                pending.clear();
                out.push_str(line);
            }
            Part::Body { label } if is_certificate(label) => out.push_str(line),
            Part::End { begin, .. } if is_certificate(begin) => {
                out.push_str(line);
                seen = true;
            }
            // Another kind of block: it and whatever preceded it are not certificate text.
            Part::Begin { .. } => {
                pending.clear();
                seen = false;
            }
            Part::Body { .. } | Part::End { .. } => {}
            Part::Outside | Part::StrayEnd => pending.push_str(line),
        }
    }
    out
}

/// Text pasted into the certificate box, split by what its PEM blocks are: certificates (and
/// anything else) stay; private keys and certificate requests go to their own boxes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Separated {
    /// What stays in the certificate box.
    pub certificates: String,
    /// Private-key blocks (`… PRIVATE KEY`), with their encapsulated headers.
    pub keys: String,
    /// Certificate-request blocks (`CERTIFICATE REQUEST`, `NEW CERTIFICATE REQUEST`).
    pub requests: String,
    /// Whether the text was mangled (JSON, escapes, one-line PEM …) and these are the blocks
    /// recovered from it (`analysis::recover`).
    pub recovered: bool,
    /// What recovery undid, located in the text as given (the input `name`): the analysis of the
    /// separated text, already clean, no longer says it.
    pub recovery: Vec<crate::diagnostic::Diagnostic>,
}

/// Splits pasted text (the input `name`) by block label (a line scan of BEGIN/END lines of the
/// text as recovered; the blocks themselves are decoded later by the analysis).
pub fn separate_blocks(name: &str, text: &str) -> Separated {
    let recovered = crate::analysis::recover::recover(name, text);
    let mut out = separate_lines(&recovered.text);
    out.recovered = matches!(recovered.text, std::borrow::Cow::Owned(_));
    out.recovery = recovered.diagnostics;
    out
}

fn separate_lines(text: &str) -> Separated {
    use crate::analysis::pem::{self, Part};
    let mut out = Separated::default();
    for (line, part) in pem::scan(text.split_inclusive('\n')) {
        let label = match part {
            Part::Begin { label, .. } | Part::Body { label } | Part::End { begin: label, .. } => {
                label
            }
            Part::Outside | Part::StrayEnd => "",
        };
        let moved = if label.ends_with("PRIVATE KEY") {
            &mut out.keys
        } else if label.ends_with("CERTIFICATE REQUEST") {
            &mut out.requests
        } else {
            out.certificates.push_str(line);
            continue;
        };
        moved.push_str(line);
        // A block moved to another box ends its line there.
        if matches!(part, Part::End { .. }) && !moved.ends_with('\n') {
            moved.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{certificate_text, separate_blocks};

    #[test]
    fn keys_and_requests_are_separated_from_certificates() {
        let text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n\
                    -----BEGIN ENCRYPTED PRIVATE KEY-----\nKKKK\n-----END ENCRYPTED PRIVATE KEY-----\n\
                    -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nLLLL\n-----END RSA PRIVATE KEY-----\n\
                    -----BEGIN CERTIFICATE REQUEST-----\nRRRR\n-----END CERTIFICATE REQUEST-----";
        let separated = separate_blocks("t", text);
        assert_eq!(
            separated.certificates,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        );
        assert!(
            separated.keys.contains("KKKK")
                && separated.keys.contains("Proc-Type: 4,ENCRYPTED\n\nLLLL")
        );
        assert_eq!(
            separated.requests,
            "-----BEGIN CERTIFICATE REQUEST-----\nRRRR\n-----END CERTIFICATE REQUEST-----\n"
        );
        assert_eq!(separate_blocks("t", "just text").certificates, "just text");
        assert!(!separated.recovered);
    }

    const CERT: &str = include_str!(
        "../../tests/vectors/inspect/two-files-key-in-certificate-input/input/a-cert.pem"
    );
    const KEY: &str = include_str!(
        "../../tests/vectors/inspect/two-files-key-in-certificate-input/input/b-key.test-only.pem"
    );

    #[test]
    fn mangled_text_is_split_and_shown_as_recovered() {
        // An API example: a JSON document with the key and the certificate as escaped strings.
        let json = serde_json::json!({"certificate": {"private_key": KEY, "certificate": CERT}});
        let text = json.to_string();
        let separated = separate_blocks("t", &text);
        assert!(separated.recovered);
        assert_eq!(separated.certificates, CERT);
        assert_eq!(separated.keys, KEY);
        assert_eq!(certificate_text(&text), CERT);
        // One line with spaces: the before view shows the block recovered, never the key.
        let one_line = format!("{} {}", CERT.trim_end(), KEY.trim_end()).replace('\n', " ");
        assert_eq!(certificate_text(&one_line), CERT);
    }

    #[test]
    fn certificate_text_keeps_certificates_and_what_is_between_them_only() {
        let text = "Bag Attributes\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\r\n\
                    subject=/CN=x\n-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n\
                    -----BEGIN PRIVATE KEY-----\nSECRET\n-----END PRIVATE KEY-----\n";
        let kept = certificate_text(text);
        assert!(kept.starts_with("-----BEGIN CERTIFICATE-----\nAAAA"));
        assert!(kept.contains("subject=/CN=x\n"));
        assert!(!kept.contains("SECRET") && !kept.contains("Bag Attributes"));
        assert!(kept.ends_with("BBBB\n-----END CERTIFICATE-----\n"));
    }

    #[test]
    fn certificate_text_cuts_blocks_as_the_decoder_does() {
        // Every certificate label is certificate text, as the decoder reads it.
        let trusted =
            "-----BEGIN TRUSTED CERTIFICATE-----\nAAAA\n-----END TRUSTED CERTIFICATE-----\n";
        assert_eq!(certificate_text(trusted), trusted);
        // A key block opened inside an unended certificate block is a block of its own: never shown.
        let unended = "-----BEGIN CERTIFICATE-----\nAAAA\n-----BEGIN PRIVATE KEY-----\nSECRET\n\
                       -----END PRIVATE KEY-----\n";
        let kept = certificate_text(unended);
        assert!(kept.contains("AAAA") && !kept.contains("SECRET"), "{kept}");
        let separated = separate_blocks("t", unended);
        assert!(separated.keys.contains("SECRET") && !separated.certificates.contains("SECRET"));
    }
}
