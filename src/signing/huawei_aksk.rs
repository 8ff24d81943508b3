//! Huawei Cloud APIG AK/SK signing (`SDK-HMAC-SHA256`).
//!
//! Algorithm (Huawei "API Request Signing Guide"; the reference is
//! `huaweicloudsdkcore.signer.signer.Signer`): `CanonicalRequest` = `METHOD\nCanonicalURI\n
//! CanonicalQuery\nCanonicalHeaders\nSignedHeaders\nhex SHA-256(body)` where the canonical URI is
//! the percent-encoded path **with a `/` appended** (the URL sent keeps the original path);
//! `StringToSign` = `SDK-HMAC-SHA256\n<X-Sdk-Date>\n` + hex SHA-256(CanonicalRequest); signature =
//! hex HMAC-SHA256 keyed by the SK; `Authorization: SDK-HMAC-SHA256 Access=<AK>,
//! SignedHeaders=<list>, Signature=<hex>`. Like the Python SDK, every header whose name has no
//! `_` is signed (here: `content-type`, `host`, `x-project-id` or `x-domain-id`, `x-sdk-date`).

use crate::time::Timestamp;

use super::canonical_request::CanonicalRequest;
use super::{
    Credentials, HttpRequest, Scheme, Signed, SigningError, StageName, basic_iso8601,
    check_headers, hmac_sha256_hex, sha256_hex,
};

/// The algorithm name.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// The path, each segment percent-encoded, ending with `/`.
pub fn canonical_uri(request: &HttpRequest) -> String {
    let path = request.encoded_path();
    if path.ends_with('/') {
        path
    } else {
        format!("{path}/")
    }
}

/// Signs `request` (headers such as `Content-Type` and `X-Project-Id`/`X-Domain-Id` already set)
/// at `at`. Adds `X-Sdk-Date`, `Host` and `Authorization`.
pub fn sign(
    mut request: HttpRequest,
    credentials: &Credentials,
    at: Timestamp,
) -> Result<Signed, SigningError> {
    let date = basic_iso8601(at)?;
    request.headers.push(("X-Sdk-Date".into(), date.clone()));
    let host = request.host.clone();
    request.headers.push(("Host".into(), host));
    check_headers(&request)?;
    let payload_hash = sha256_hex(&request.body);
    let canonical_request =
        CanonicalRequest::new(&request, canonical_uri(&request), payload_hash, |name| {
            !name.contains('_')
        });
    let string_to_sign = format!("{ALGORITHM}\n{date}\n{}", canonical_request.hash());
    let signature = hmac_sha256_hex(
        credentials.secret.expose().as_bytes(),
        string_to_sign.as_bytes(),
    );
    let authorization = format!(
        "{ALGORITHM} Access={}, SignedHeaders={}, Signature={signature}",
        credentials.access_key_id, canonical_request.signed_headers
    );
    request
        .headers
        .push(("Authorization".into(), authorization.clone()));
    Ok(Signed::expiring(
        Scheme::HuaweiAksk,
        request,
        vec![
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
    fn signing_guide_example() {
        // Huawei API Request Signing Guide: the VPC list example.
        let mut request = HttpRequest::new(
            Method::Get,
            "service.region.example.com",
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
        );
        request.query = vec![
            ("limit".into(), "2".into()),
            (
                "marker".into(),
                "13551d6b-755d-4757-b956-536f674975c0".into(),
            ),
        ];
        request
            .headers
            .push(("Content-Type".into(), "application/json".into()));
        let credentials = Credentials {
            access_key_id: "QTWAOYTTINDUT2QVKYUC".into(),
            secret: Secret::new("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
        };
        let signed = sign(
            request,
            &credentials,
            Timestamp::from_unix_seconds(1_573_789_015),
        )
        .unwrap(); // 20191115T033655Z
        assert!(
            signed
                .stage(StageName::CanonicalRequest)
                .unwrap()
                .starts_with("GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n")
        );
        assert_eq!(
            signed.stage(StageName::Signature).unwrap(),
            "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
        );
        assert_eq!(
            signed.request.url(),
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"
        );
    }
}
