//! PKCS#10 certificate requests (RFC 2986): the request's own signature, and whether its public
//! key is the leaf's and the private key's.

use super::item::Item;
use super::public_key::{self, KeyIdentity, PublicKeyInfo, Verification};
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use der::Decode;
use serde::Serialize;
use x509_cert::request::CertReq;

/// The facts about one certificate request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CsrSummary {
    /// Position among all requests, from 0.
    pub index: usize,
    /// The input it came from.
    pub file: String,
    /// Its block within that input.
    pub block: Option<usize>,
    /// The requested subject (RFC 4514).
    pub subject: String,
    /// The requested key.
    pub public_key: PublicKeyInfo,
    /// Whether the request's signature verifies with its own key (proof of possession).
    pub signature_valid: bool,
    /// Whether its key is the leaf certificate's (`None` without certificates).
    pub matches_leaf: Option<bool>,
    /// Every certificate with the same key.
    pub matches_certificates: Vec<usize>,
    /// Whether its key is the private key's (`None` without a readable private key).
    pub matches_private_key: Option<bool>,
    /// Every private key with the same public key.
    pub matches_private_keys: Vec<usize>,
}

/// A decoded request.
#[derive(Clone, Debug)]
pub struct ParsedCsr {
    /// The facts.
    pub summary: CsrSummary,
    /// The requested public key, normalised.
    pub identity: Option<KeyIdentity>,
    /// Where it came from.
    pub location: InputLocation,
}

/// Reads one certificate-request item.
// Not inlined into the analysis loop: the browser compiles a wasm function whole on its first
// call, and most inputs never need this one.
#[inline(never)]
pub(crate) fn parse(
    item: &Item,
    index: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParsedCsr> {
    let request = match CertReq::from_der(&item.der) {
        Ok(request) => request,
        Err(error) => {
            diagnostics.push(Diagnostic::new(
                Code::InvalidAsn1,
                item.location.clone(),
                {
                    let error = super::decode_error::reason(&error, &item.der);
                    let (error, error_zh) = (error.en(), error.zh());
                    tr!(
                        "the certificate request cannot be decoded: {error}",
                        "无法解码证书请求：{error_zh}"
                    )
                },
                tr!(
                    "export the CSR again (PEM, -----BEGIN CERTIFICATE REQUEST-----)",
                    "请重新导出 CSR（PEM，-----BEGIN CERTIFICATE REQUEST-----）"
                ),
            ));
            return None;
        }
    };
    let info_der = public_key::signed_bytes(&item.der).unwrap_or_default();
    let signature_valid = public_key::verify(
        info_der,
        &request.algorithm,
        request.signature.raw_bytes(),
        &request.info.public_key,
    ) == Verification::Valid;
    if !signature_valid {
        diagnostics.push(Diagnostic::new(
            Code::CsrSignatureInvalid,
            item.location.clone(),
            tr!(
                "the certificate request's signature does not verify with its own key",
                "证书请求的签名无法用其自身公钥验证"
            ),
            tr!(
                "the CSR was altered or damaged: generate it again",
                "CSR 已被改动或损坏：请重新生成"
            ),
        ));
    }
    Some(ParsedCsr {
        summary: CsrSummary {
            index,
            file: item.location.file.clone(),
            block: item.location.block,
            subject: super::name::rfc4514(&request.info.subject),
            public_key: public_key::describe(&request.info.public_key),
            signature_valid,
            matches_leaf: None,
            matches_certificates: Vec::new(),
            matches_private_key: None,
            matches_private_keys: Vec::new(),
        },
        identity: public_key::identity(&request.info.public_key),
        location: item.location.clone(),
    })
}
