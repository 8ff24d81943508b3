//! What DER bytes are, found by trial decoding: a certificate, a PKCS#12 file, a PKCS#7 bundle, a
//! certificate request or a private key. The decoder ([`super::input`]) asks it of binary input
//! and of PEM blocks whose content may not be what their label says; recovery asks it of bare
//! base64.

use super::item::ItemKind;
use super::{pkcs7, pkcs12, private_key};
use der::EncodingRules;

/// What a DER structure is, by trying the decoders from the most to the least common upload, and
/// the rules it is written in (BER only for a PKCS#12 or PKCS#7 file that DER refuses).
pub(super) fn sniff_der(der: &[u8]) -> (ItemKind, EncodingRules) {
    use der::Decode;
    if super::certificate::Certificate::from_der(der).is_ok() {
        return (ItemKind::Certificate, EncodingRules::Der);
    }
    if let Some(rules) = pkcs12::pkcs12_rules(der) {
        return (ItemKind::Pkcs12, rules);
    }
    if let Some(rules) = pkcs7::signed_data_rules(der) {
        return (ItemKind::Pkcs7, rules);
    }
    let kind = if x509_cert::request::CertReq::from_der(der).is_ok() {
        ItemKind::CertificateRequest
    } else if private_key::looks_like_private_key(der) {
        ItemKind::PrivateKey
    } else if pkcs12::begins_as_pkcs12(der) {
        // Cut short or damaged further on: the container's reader says where and why.
        ItemKind::Pkcs12
    } else if pkcs7::begins_as_signed_data(der) {
        ItemKind::Pkcs7
    } else {
        // Reported as an undecodable certificate, the most likely intent.
        ItemKind::Certificate
    };
    (kind, EncodingRules::Der)
}

/// What DER content is, strictly (no fallback), with the PEM label it would carry: a
/// certificate, a request, a PKCS#7 bundle, a PKCS#12 file (base64 of a `.pfx`, as Azure Key
/// Vault and Kubernetes secrets hold them) or a private key; `None` for anything else.
pub(crate) fn content_kind(der: &[u8]) -> Option<(ItemKind, &'static str)> {
    use der::Decode;
    if super::certificate::Certificate::from_der(der).is_ok() {
        Some((ItemKind::Certificate, "CERTIFICATE"))
    } else if x509_cert::request::CertReq::from_der(der).is_ok() {
        Some((ItemKind::CertificateRequest, "CERTIFICATE REQUEST"))
    } else if pkcs7::is_signed_data(der) {
        Some((ItemKind::Pkcs7, "PKCS7"))
    } else if pkcs12::looks_like_pkcs12(der) {
        // No RFC 7468 label: OpenSSL and pyca read none; the decoder reads this one back.
        Some((ItemKind::Pkcs12, "PKCS12"))
    } else if pkcs8::EncryptedPrivateKeyInfoRef::from_der(der).is_ok() {
        Some((ItemKind::PrivateKey, "ENCRYPTED PRIVATE KEY"))
    } else if pkcs8::PrivateKeyInfoRef::from_der(der).is_ok() {
        Some((ItemKind::PrivateKey, "PRIVATE KEY"))
    } else if pkcs1::RsaPrivateKey::<der::asn1::UintRef>::from_der(der).is_ok() {
        Some((ItemKind::PrivateKey, "RSA PRIVATE KEY"))
    } else if sec1::EcPrivateKey::from_der(der).is_ok() {
        Some((ItemKind::PrivateKey, "EC PRIVATE KEY"))
    } else {
        None
    }
}
