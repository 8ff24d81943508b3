//! Fixes a target needs, done locally and shown as before/after: the normalised bundle (leaf first,
//! issuers in issuing order, root kept or dropped, duplicates and strays removed, LF line endings,
//! 64-column base64, nothing between blocks) and private-key re-encoding (PKCS#8 → PKCS#1 / SEC1).
//!
//! Pure: the PEM text comes from `pem-rfc7468` and the key structures from `pkcs8`, `pkcs1` and
//! `sec1`; nothing here writes ASN.1 by hand.

use crate::analysis::private_key::{KeyFormat, ParsedKey};
use crate::analysis::{Analysis, chain::Verdict, oids};
use der::{Decode, Encode, asn1::ObjectIdentifier};
use pem_rfc7468::LineEnding;
use serde::Serialize;

/// What the target wants done with a self-signed root at the top of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RootPolicy {
    /// Keep it (the target wants the complete path, e.g. a chain field "intermediate → root").
    Keep,
    /// Drop it (clients have it; it only takes a slot).
    Drop,
}

/// The certificates as the target should receive them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bundle {
    /// Certificate indices (input order numbering), leaf first.
    pub order: Vec<usize>,
    /// The first certificate, PEM (LF, 64 columns, final newline).
    pub leaf_pem: String,
    /// The certificates after the first, PEM, concatenated with nothing between them.
    pub chain_pem: String,
    /// Everything: `leaf_pem` followed by `chain_pem`.
    pub full_pem: String,
    /// The certificate text as given (all certificate blocks of the inputs, in input order).
    pub before: String,
    /// What changed between `before` and `full_pem`, one sentence each; empty when nothing did.
    pub changes: Vec<String>,
}

/// Encodes DER as PEM with LF line endings and 64-column base64 (RFC 7468 strict form).
pub fn pem(label: &str, der: &[u8]) -> String {
    pem_rfc7468::encode_string(label, LineEnding::LF, der)
        .expect("PEM encoding of an in-memory buffer with a fixed label cannot fail")
}

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
}

/// Splits pasted text by block label (a line scan of BEGIN/END lines of the text as recovered;
/// the blocks themselves are decoded later by the analysis).
pub fn separate_blocks(text: &str) -> Separated {
    let recovered = crate::analysis::recover::recovered_text(text);
    let mut out = separate_lines(&recovered);
    out.recovered = matches!(recovered, std::borrow::Cow::Owned(_));
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

/// Builds the bundle for a target from the analysed material; `before` is the certificate text as
/// the user gave it (for the before/after view). `None` without certificates.
pub fn normalise_bundle(analysis: &Analysis, root: RootPolicy, before: &str) -> Option<Bundle> {
    let report = &analysis.report;
    let chain = &report.chain;
    if analysis.certificates.is_empty() || chain.verdict == Verdict::Empty {
        return None;
    }
    let mut order = chain.order.clone();
    let mut changes = Vec::new();
    // The path's indices are distinct: it is in input order when they increase.
    if chain.verdict == Verdict::Reorderable || !order.is_sorted() {
        changes.push(format!(
            "put the certificates in chain order, leaf first: {}",
            order
                .iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(" → ")
        ));
    }
    if !chain.duplicates.is_empty() {
        changes.push(format!(
            "removed {} duplicate certificate(s)",
            chain.duplicates.len()
        ));
    }
    if !chain.not_on_path.is_empty() {
        changes.push(format!(
            "removed {} certificate(s) not on the leaf's path: {}",
            chain.not_on_path.len(),
            chain
                .not_on_path
                .iter()
                .map(|i| format!("#{i} ({})", analysis.certificates[*i].summary.subject))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if root == RootPolicy::Drop && chain.root_included && order.len() > 1 {
        let dropped = order.pop().expect("order has more than one entry");
        changes.push(format!(
            "dropped the self-signed root #{dropped} ({}): clients already have it",
            analysis.certificates[dropped].summary.subject
        ));
    }
    let pems: Vec<String> = order
        .iter()
        .map(|&i| pem("CERTIFICATE", &analysis.certificates[i].der))
        .collect();
    let leaf_pem = pems.first().cloned().unwrap_or_default();
    let chain_pem: String = pems.iter().skip(1).map(String::as_str).collect();
    let full_pem = format!("{leaf_pem}{chain_pem}");
    let before = before.to_owned();
    if changes.is_empty() && before != full_pem {
        changes.push(
            "rewrote the PEM text: LF line endings, 64-column base64, no text or blank lines \
             between blocks, one final newline"
                .into(),
        );
    } else if !changes.is_empty() {
        changes.push("wrote the PEM text with LF line endings and 64-column base64".into());
    }
    Some(Bundle {
        order,
        leaf_pem,
        chain_pem,
        full_pem,
        before,
        changes,
    })
}

/// The encodings a target may want a private key in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyEncoding {
    /// `BEGIN PRIVATE KEY` (PKCS#8 PrivateKeyInfo, unencrypted).
    Pkcs8,
    /// The algorithm's own structure: `BEGIN RSA PRIVATE KEY` (PKCS#1) or `BEGIN EC PRIVATE KEY`
    /// (SEC1). Keys without one (Ed25519) stay PKCS#8.
    Traditional,
}

/// A private key re-encoded for a target. The PEM holds the secret key: never log or store it.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct KeyPem {
    /// The PEM label used (`RSA PRIVATE KEY`, `EC PRIVATE KEY`, `PRIVATE KEY`).
    pub label: &'static str,
    /// The PEM text (LF, 64 columns).
    pub pem: String,
    /// The encoding the key had, as the analysis names it (`pkcs8`, `pkcs1`, ...).
    pub from: &'static str,
    /// Whether the encoding changed (or the key was decrypted).
    pub changed: bool,
}

impl std::fmt::Debug for KeyPem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "KeyPem({}, from {}, ** REDACTED **)",
            self.label, self.from
        )
    }
}

/// Re-encodes a parsed private key (decrypted if it was encrypted). Errors are short, secret-free
/// sentences.
pub fn reencode_key(parsed: &ParsedKey, want: KeyEncoding) -> Result<KeyPem, String> {
    let key = parsed
        .plain
        .as_ref()
        .ok_or("the private key could not be read (encrypted without the right passphrase?)")?;
    let decrypted = parsed.summary.encrypted;
    let from = parsed.summary.format.as_str();
    // `plain.der` holds PKCS#8 for everything decrypted from PKCS#8 or PKCS#12; the legacy PEM form
    // decrypts to PKCS#1 or SEC1.
    let inner = plain_structure(key.format)?;
    match (want, inner) {
        (KeyEncoding::Pkcs8, Structure::Pkcs8) | (KeyEncoding::Traditional, Structure::Pkcs1) => {
            Ok(KeyPem {
                label: inner.label(),
                pem: pem(inner.label(), &key.der),
                from,
                changed: decrypted,
            })
        }
        (KeyEncoding::Traditional, Structure::Sec1) => Ok(KeyPem {
            label: "EC PRIVATE KEY",
            pem: pem("EC PRIVATE KEY", &key.der),
            from,
            changed: decrypted,
        }),
        (KeyEncoding::Traditional, Structure::Pkcs8) => {
            let info = pkcs8::PrivateKeyInfoRef::from_der(&key.der)
                .map_err(|e| format!("the PKCS#8 key does not decode: {e}"))?;
            let oid = info.algorithm.oid;
            if oid == oids::RSA_ENCRYPTION {
                // The PKCS#8 private key octets of an RSA key are the PKCS#1 RSAPrivateKey.
                let rsa = pkcs1::RsaPrivateKeyRef::from_der(info.private_key.as_bytes())
                    .map_err(|e| format!("the RSA key does not decode: {e}"))?;
                let der = rsa
                    .to_der()
                    .map_err(|e| format!("the RSA key does not encode: {e}"))?;
                Ok(KeyPem {
                    label: "RSA PRIVATE KEY",
                    pem: pem("RSA PRIVATE KEY", &der),
                    from,
                    changed: true,
                })
            } else if oid == oids::EC_PUBLIC_KEY {
                let curve: ObjectIdentifier = info
                    .algorithm
                    .parameters
                    .ok_or("the EC key names no curve")?
                    .decode_as()
                    .map_err(|e| format!("the EC key's curve does not decode: {e}"))?;
                let mut ec = sec1::EcPrivateKey::from_der(info.private_key.as_bytes())
                    .map_err(|e| format!("the EC key does not decode: {e}"))?;
                // SEC1 keys carry their curve; PKCS#8 moved it to the algorithm identifier.
                ec.parameters = Some(sec1::EcParameters::NamedCurve(curve));
                let der = ec
                    .to_der()
                    .map_err(|e| format!("the EC key does not encode: {e}"))?;
                Ok(KeyPem {
                    label: "EC PRIVATE KEY",
                    pem: pem("EC PRIVATE KEY", &der),
                    from,
                    changed: true,
                })
            } else {
                // Ed25519 and others have no traditional form: PKCS#8 is their only encoding.
                Ok(KeyPem {
                    label: "PRIVATE KEY",
                    pem: pem("PRIVATE KEY", &key.der),
                    from,
                    changed: decrypted,
                })
            }
        }
        (KeyEncoding::Pkcs8, Structure::Pkcs1 | Structure::Sec1) => Err(format!(
            "the key is {from}; converting it to PKCS#8 is not offered (the target takes it as is)"
        )),
    }
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
        let separated = separate_blocks(text);
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
        assert_eq!(separate_blocks("just text").certificates, "just text");
        assert!(!separated.recovered);
    }

    const CERT: &str = include_str!(
        "../tests/vectors/inspect/two-files-key-in-certificate-input/input/a-cert.pem"
    );
    const KEY: &str = include_str!(
        "../tests/vectors/inspect/two-files-key-in-certificate-input/input/b-key.test-only.pem"
    );

    #[test]
    fn mangled_text_is_split_and_shown_as_recovered() {
        // An API example: a JSON document with the key and the certificate as escaped strings.
        let json = serde_json::json!({"certificate": {"private_key": KEY, "certificate": CERT}});
        let text = json.to_string();
        let separated = separate_blocks(&text);
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
        let separated = separate_blocks(unended);
        assert!(separated.keys.contains("SECRET") && !separated.certificates.contains("SECRET"));
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Structure {
    Pkcs8,
    Pkcs1,
    Sec1,
}

impl Structure {
    fn label(self) -> &'static str {
        match self {
            Structure::Pkcs8 => "PRIVATE KEY",
            Structure::Pkcs1 => "RSA PRIVATE KEY",
            Structure::Sec1 => "EC PRIVATE KEY",
        }
    }
}

fn plain_structure(format: KeyFormat) -> Result<Structure, String> {
    match format {
        KeyFormat::Pkcs1 => Ok(Structure::Pkcs1),
        KeyFormat::Sec1 => Ok(Structure::Sec1),
        KeyFormat::Pkcs8 => Ok(Structure::Pkcs8),
        KeyFormat::Dsa => {
            Err("the key is a DSA key, which no target takes; it is not re-encoded".into())
        }
        other => Err(format!(
            "the key is still {} after decryption; this is a bug, please report it",
            other.as_str()
        )),
    }
}
