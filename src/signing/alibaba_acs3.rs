//! Alibaba Cloud signature V3 (`ACS3-HMAC-SHA256`).
//!
//! Algorithm (Alibaba "Request syntax and signature method V3"; the reference is
//! `alibabacloud_tea_openapi.utils.Utils.get_authorization`): `x-acs-content-sha256` = hex
//! SHA-256 of the body; `CanonicalRequest` = `METHOD\n/\nCanonicalQuery\nCanonicalHeaders\n
//! SignedHeaders\nHashedPayload` over `host`, `content-type` and every `x-acs-*` header;
//! `StringToSign` = `ACS3-HMAC-SHA256\n` + hex SHA-256(CanonicalRequest); the signature is hex
//! HMAC-SHA256 keyed by the secret; `Authorization: ACS3-HMAC-SHA256
//! Credential=<id>,SignedHeaders=<list>,Signature=<hex>`.
//!
//! RPC API parameters travel in the query, as the Tea SDK sends them.

use crate::time::Timestamp;

use super::canonical_request::CanonicalRequest;
use super::{
    Credentials, HttpRequest, Scheme, Signed, SigningError, StageName, check_headers,
    hmac_sha256_hex, iso8601, sha256_hex,
};

/// The algorithm name that opens the string to sign and the `Authorization` header.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Whether ACS3 signs this (lowercase) header.
pub fn is_signed_header(name: &str) -> bool {
    name == "host" || name == "content-type" || name.starts_with("x-acs-")
}

/// Signs `request` (host, path, query, content type and body already set) for `action` and
/// `version` at `at` with `nonce`.
pub fn sign(
    mut request: HttpRequest,
    action: &str,
    version: &str,
    credentials: &Credentials,
    at: Timestamp,
    nonce: &str,
) -> Result<Signed, SigningError> {
    let payload_hash = sha256_hex(&request.body);
    let host = request.host.clone();
    for (name, value) in [
        ("host", host),
        ("x-acs-action", action.to_owned()),
        ("x-acs-version", version.to_owned()),
        ("x-acs-date", iso8601(at)?),
        ("x-acs-signature-nonce", nonce.to_owned()),
        ("x-acs-content-sha256", payload_hash.clone()),
    ] {
        request.headers.push((name.to_owned(), value));
    }
    check_headers(&request)?;
    let canonical_request = CanonicalRequest::new(
        &request,
        request.encoded_path(),
        payload_hash.clone(),
        is_signed_header,
    );
    let string_to_sign = format!("{ALGORITHM}\n{}", canonical_request.hash());
    let signature = hmac_sha256_hex(
        credentials.secret.expose().as_bytes(),
        string_to_sign.as_bytes(),
    );
    let authorization = format!(
        "{ALGORITHM} Credential={},SignedHeaders={},Signature={signature}",
        credentials.access_key_id, canonical_request.signed_headers
    );
    request
        .headers
        .push(("Authorization".into(), authorization.clone()));
    Ok(Signed::expiring(
        Scheme::AlibabaAcs3,
        request,
        vec![
            (StageName::HashedPayload, payload_hash),
            (StageName::CanonicalRequest, canonical_request.to_string()),
            (StageName::StringToSign, string_to_sign),
            (StageName::Signature, signature),
            (StageName::Authorization, authorization),
        ],
        at,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::{Method, Secret};

    #[test]
    fn v3_document_example() {
        // Alibaba "V3 request structure and signature", ECS RunInstances worked example.
        let mut request = HttpRequest::new(Method::Post, "ecs.cn-shanghai.aliyuncs.com", "/");
        request.query = vec![
            (
                "ImageId".into(),
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd".into(),
            ),
            ("RegionId".into(), "cn-shanghai".into()),
        ];
        let credentials = Credentials {
            access_key_id: "YourAccessKeyId".into(),
            secret: Secret::new("YourAccessKeySecret"),
        };
        let at = Timestamp::from_unix_seconds(1_698_315_752); // 2023-10-26T10:22:32Z
        let signed = sign(
            request,
            "RunInstances",
            "2014-05-26",
            &credentials,
            at,
            "3156853299f313e23d1673dc12e1703d",
        )
        .unwrap();
        assert_eq!(
            signed.stage(StageName::StringToSign).unwrap(),
            "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        );
        assert_eq!(
            signed.stage(StageName::Signature).unwrap(),
            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }
}
