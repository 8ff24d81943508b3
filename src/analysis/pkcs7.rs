//! PKCS#7 / CMS certificate bundles (.p7b, RFC 5652 `SignedData`, usually "degenerate": no signers):
//! the certificates they carry, in file order.
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY }
//! SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE,
//!                           certificates [0] IMPLICIT CertificateSet OPTIONAL, … }
//! ```
//! The certificate SET is read element by element with `der`'s reader rather than decoded as a
//! `SET OF`: `openssl crl2pkcs7` writes it in the order given, not in DER set order, and a strict
//! decoder would either refuse it or sort it and lose the order the user gave.

use super::oids::ID_SIGNED_DATA;
use der::asn1::ObjectIdentifier;
use der::{Decode, Reader, SliceReader, Tag, TagNumber};

/// Why a PKCS#7 item holds no certificates to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pkcs7Error {
    /// The bytes are not a complete `ContentInfo` holding `SignedData`.
    NotSignedData,
}

/// The DER of each certificate in a PKCS#7 bundle, in file order (empty when it holds none).
// Not inlined into the analysis loop: the browser compiles a wasm function whole on its first
// call, and most inputs never need this one.
#[inline(never)]
pub(crate) fn certificates(der: &[u8]) -> Result<Vec<&[u8]>, Pkcs7Error> {
    certificate_ders(der).ok_or(Pkcs7Error::NotSignedData)
}

/// Whether the DER is a `ContentInfo` holding `SignedData`.
pub(crate) fn is_signed_data(der: &[u8]) -> bool {
    certificate_ders(der).is_some()
}

/// The DER of each certificate in the `SignedData`'s certificate set, in file order; `None` if the
/// bytes are not a complete `ContentInfo` with `SignedData`.
fn certificate_ders(der: &[u8]) -> Option<Vec<&[u8]>> {
    let context_0 = Tag::ContextSpecific {
        constructed: true,
        number: TagNumber(0),
    };
    let mut reader = SliceReader::new(der).ok()?;
    let result = reader.sequence(|content_info| {
        let content_type = ObjectIdentifier::decode(content_info)?;
        if content_type != ID_SIGNED_DATA {
            return Err(der::Error::from(der::ErrorKind::Failed));
        }
        let explicit = der::Header::decode(content_info)?;
        explicit.tag().assert_eq(context_0)?;
        let signed_data = content_info.read_slice(explicit.length())?;
        let mut signed_data = SliceReader::new(signed_data)?;
        let found = signed_data.sequence(|fields| {
            fields.tlv_bytes()?; // version
            fields.tlv_bytes()?; // digestAlgorithms
            fields.tlv_bytes()?; // encapContentInfo
            let mut certificates = Vec::new();
            if !fields.is_finished() && der::Header::peek(fields)?.tag() == context_0 {
                let set = der::Header::decode(fields)?;
                let mut set = SliceReader::new(fields.read_slice(set.length())?)?;
                while !set.is_finished() {
                    let element = set.tlv_bytes()?;
                    // CertificateChoices: only the plain Certificate (a SEQUENCE) is a certificate.
                    if element.first() == Some(&0x30) {
                        certificates.push(element);
                    }
                }
            }
            // crls, signerInfos: not needed.
            while !fields.is_finished() {
                fields.tlv_bytes()?;
            }
            Ok::<_, der::Error>(certificates)
        })?;
        signed_data.finish()?;
        Ok::<_, der::Error>(found)
    });
    let certificates = result.ok()?;
    reader.finish().ok()?;
    Some(certificates)
}
