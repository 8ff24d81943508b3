//! Fixes a target needs, done locally and shown as before/after: the normalised bundle
//! (`fixes/bundle.rs`: leaf first, issuers in issuing order, root kept or dropped, duplicates and
//! strays removed, LF line endings, 64-column base64, nothing between blocks) and private-key
//! re-encoding (`fixes/key_encoding.rs`: PKCS#8 → PKCS#1 / SEC1); and the views of pasted text
//! they start from (`fixes/pasted.rs`: the certificate text as given, blocks split by kind).
//!
//! Pure: the PEM text comes from `pem-rfc7468` and the key structures from `pkcs8`, `pkcs1` and
//! `sec1`; nothing here writes ASN.1 by hand.

mod bundle;
mod key_encoding;
mod pasted;

pub use bundle::{Bundle, NAMED_DROPS, RootPolicy, normalise_bundle};
pub use key_encoding::{KeyEncoding, KeyPem, reencode_key};
pub use pasted::{Separated, certificate_text, separate_blocks};

use pem_rfc7468::LineEnding;

/// Encodes DER as PEM with LF line endings and 64-column base64 (RFC 7468 strict form).
pub fn pem(label: &str, der: &[u8]) -> String {
    pem_rfc7468::encode_string(label, LineEnding::LF, der)
        .expect("PEM encoding of an in-memory buffer with a fixed label cannot fail")
}
