//! PKCS#7 / CMS certificate bundles (.p7b, RFC 5652 `SignedData`, usually "degenerate": no signers):
//! the certificates they carry, in file order.
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY }
//! SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE,
//!                           certificates [0] IMPLICIT CertificateSet OPTIONAL, … }
//! ```
//! The certificate SET is read element by element rather than decoded as a
//! `SET OF`: `openssl crl2pkcs7` writes it in the order given, not in DER set order, and a strict
//! decoder would either refuse it or sort it and lose the order the user gave.
//!
//! Bundles that are BER rather than DER (indefinite lengths, as NSS and some published .p7b files
//! write them) are read with `der`'s BER rules when DER refuses them, up to
//! [`super::ber::MAX_BER_BYTES`]; the certificates inside are DER either way.

use super::ber::{self, Encoded};
use super::decode_error;
use super::oids::ID_SIGNED_DATA;
use crate::lang::Text;
use der::asn1::{ContextSpecific, ObjectIdentifier};
use der::{Decode, DecodeValue, EncodingRules, Header, IsConstructed, Reader, TagNumber};

/// Why a PKCS#7 item holds no certificates to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pkcs7Error {
    /// The bytes are not a complete `ContentInfo` holding `SignedData`: why, in both languages.
    NotSignedData(Text),
}

/// The encoding of each certificate in a PKCS#7 bundle, in file order (empty when it holds none).
// Not inlined into the analysis loop: the browser compiles a wasm function whole on its first
// call, and most inputs never need this one.
#[inline(never)]
pub(crate) fn certificates(der: &[u8]) -> Result<Vec<&[u8]>, Pkcs7Error> {
    ber::decode::<SignedDataCertificates<'_>>(der)
        .map(|found| found.0)
        .map_err(|error| Pkcs7Error::NotSignedData(decode_error::reason(&error, der)))
}

/// Whether the bytes are a `ContentInfo` holding `SignedData` (DER, or BER within the ceiling).
pub(crate) fn is_signed_data(der: &[u8]) -> bool {
    signed_data_rules(der).is_some()
}

/// The rules a `ContentInfo` holding `SignedData` is written in; `None` if it is not one.
pub(crate) fn signed_data_rules(der: &[u8]) -> Option<EncodingRules> {
    ber::rules_of::<SignedDataCertificates<'_>>(der)
}

/// Whether the bytes begin as a `ContentInfo` of `SignedData` (its content type read), whatever
/// follows: a bundle cut short or damaged further on, said for what it is.
pub(crate) fn begins_as_signed_data(der: &[u8]) -> bool {
    ber::opens_as(der, |fields| {
        Ok(ObjectIdentifier::decode(fields)? == ID_SIGNED_DATA)
    })
}

/// `ContentInfo` holding `SignedData`, decoded as far as its certificates.
struct SignedDataCertificates<'a>(Vec<&'a [u8]>);

impl<'a> Decode<'a> for SignedDataCertificates<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        reader.sequence(|content_info| {
            let content_type = ObjectIdentifier::decode(content_info)?;
            if content_type != ID_SIGNED_DATA {
                return Err(der::ErrorKind::OidUnknown { oid: content_type }.into());
            }
            ContextSpecific::<SignedData<'a>>::decode_explicit(content_info, TagNumber(0))?
                .map(|explicit| Self(explicit.value.0))
                .ok_or_else(|| der::ErrorKind::Failed.into())
        })
    }
}

/// `SignedData`: version, digestAlgorithms, encapContentInfo, then `certificates [0] IMPLICIT`;
/// crls and signerInfos are skipped.
struct SignedData<'a>(Vec<&'a [u8]>);

impl<'a> Decode<'a> for SignedData<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        reader.sequence(|fields| {
            Encoded::decode(fields)?; // version
            Encoded::decode(fields)?; // digestAlgorithms
            Encoded::decode(fields)?; // encapContentInfo
            let certificates =
                ContextSpecific::<CertificateSet<'a>>::decode_implicit(fields, TagNumber(0))?
                    .map(|set| set.value.0)
                    .unwrap_or_default();
            while !fields.is_finished() {
                Encoded::decode(fields)?;
            }
            Ok(Self(certificates))
        })
    }
}

/// The elements of `CertificateSet` in file order; of the `CertificateChoices`, only the plain
/// `Certificate` (a SEQUENCE) is a certificate.
struct CertificateSet<'a>(Vec<&'a [u8]>);

impl IsConstructed for CertificateSet<'_> {
    const CONSTRUCTED: bool = true;
}

impl<'a> DecodeValue<'a> for CertificateSet<'a> {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, _header: Header) -> der::Result<Self> {
        let mut certificates = Vec::new();
        while !reader.is_finished() {
            let Encoded(element) = Encoded::decode(reader)?;
            if element.first() == Some(&0x30) {
                certificates.push(element);
            }
        }
        Ok(Self(certificates))
    }
}
