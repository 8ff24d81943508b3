//! Alibaba Cloud RPC signature V2 (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`).
//!
//! Algorithm (Alibaba "Request syntax and signature method V2 for RPC APIs"; the reference is
//! `aliyunsdkcore.auth.composer.rpc_signature_composer`): sort every parameter sent (query and
//! form body, `Signature` excluded) by name; join `percentEncode(name)=percentEncode(value)` with
//! `&`; `StringToSign = METHOD&%2F&percentEncode(that)`; `Signature = base64(HMAC-SHA1(secret +
//! "&", StringToSign))`. The signature covers the union of query and body parameters, so where a
//! parameter travels does not change it. Requests are sent as a form-encoded POST body to
//! `https://host/` (as `@alicloud/pop-core` does), which keeps URLs short for long chains.

use crate::time::Timestamp;

use base64ct::{Base64, Encoding};
use hmac::{KeyInit, Mac, SimpleHmac};
use sha1::Sha1;

use super::canonical_request::canonical_query_string;
use super::{
    Credentials, HttpRequest, Method, Scheme, Signed, SigningError, StageName, iso8601,
    percent_encode,
};

/// An RPC API call: the product endpoint, the action and version, and the API parameters.
#[derive(Clone, Debug)]
pub struct RpcCall<'a> {
    /// e.g. `slb.cn-beijing.aliyuncs.com`.
    pub host: &'a str,
    /// e.g. `UploadCACertificate`.
    pub action: &'a str,
    /// e.g. `2014-05-15`.
    pub version: &'a str,
    /// API parameters (`RegionId`, `CACertificate`, `Tag.1.Key`, ...), raw values.
    pub parameters: &'a [(String, String)],
}

/// The sorted, percent-encoded `name=value&...` string of the parameters to sign.
pub fn canonicalized_query_string(parameters: &[(String, String)]) -> String {
    // By name (the SDK sorts its parameter map by key); names are unique here, as in that map,
    // so the value that the sort also compares never decides.
    canonical_query_string(parameters.iter().filter(|(name, _)| name != "Signature"))
}

/// `METHOD&%2F&percentEncode(canonicalized query string)`.
pub fn string_to_sign(method: &str, canonicalized: &str) -> String {
    format!(
        "{method}&{}&{}",
        percent_encode("/"),
        percent_encode(canonicalized)
    )
}

/// `base64(HMAC-SHA1(secret + "&", string_to_sign))`.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    let key = format!("{secret}&");
    let mut mac = <SimpleHmac<Sha1> as KeyInit>::new_from_slice(key.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    Base64::encode_string(&mac.finalize().into_bytes())
}

/// Signs an RPC call at `at` with `nonce` and returns the POST request with every parameter
/// (common ones and `Signature` included) in an `application/x-www-form-urlencoded` body.
pub fn sign(
    call: &RpcCall<'_>,
    credentials: &Credentials,
    at: Timestamp,
    nonce: &str,
) -> Result<Signed, SigningError> {
    let mut parameters: Vec<(String, String)> = vec![
        ("Action".into(), call.action.into()),
        ("Version".into(), call.version.into()),
        ("Format".into(), "JSON".into()),
        ("AccessKeyId".into(), credentials.access_key_id.clone()),
        ("SignatureMethod".into(), "HMAC-SHA1".into()),
        ("SignatureVersion".into(), "1.0".into()),
        ("SignatureNonce".into(), nonce.into()),
        ("Timestamp".into(), iso8601(at)?),
    ];
    parameters.extend(call.parameters.iter().cloned());
    let canonicalized = canonicalized_query_string(&parameters);
    let to_sign = string_to_sign("POST", &canonicalized);
    let signature = signature(credentials.secret.expose(), &to_sign);

    // The body is the canonicalized string itself plus the signature: valid form encoding.
    let body = format!("{canonicalized}&Signature={}", percent_encode(&signature));
    let mut request = HttpRequest::new(Method::Post, call.host, "/");
    request.headers.push((
        "Content-Type".into(),
        "application/x-www-form-urlencoded".into(),
    ));
    request.body = body.into_bytes();
    Ok(Signed::expiring(
        Scheme::AlibabaRpcV2,
        request,
        vec![
            (StageName::CanonicalizedQueryString, canonicalized),
            (StageName::StringToSign, to_sign),
            (StageName::Signature, signature),
        ],
        at,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::Secret;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn openapi_util_unit_test_vector() {
        // aliyun/darabonba-openapi-util python/tests/test_client.py, test_get_rpc_signature.
        let canonical = canonicalized_query_string(&pairs(&[("query", "test"), ("body", "test")]));
        assert_eq!(
            signature("secret", &string_to_sign("GET", &canonical)),
            "XlUyV4sXjOuX5FnjUz9IF9tm5rU="
        );
    }

    #[test]
    fn the_body_carries_every_signed_parameter_and_the_signature() {
        let parameters = pairs(&[("RegionId", "cn-hangzhou"), ("CACertificateName", "a b")]);
        let call = RpcCall {
            host: "slb.aliyuncs.com",
            action: "UploadCACertificate",
            version: "2014-05-15",
            parameters: &parameters,
        };
        let credentials = Credentials {
            access_key_id: "testid".into(),
            secret: Secret::new("testsecret"),
        };
        let signed = sign(
            &call,
            &credentials,
            Timestamp::from_unix_seconds(1_714_564_800),
            "n-1",
        )
        .unwrap();
        let body = String::from_utf8(signed.request.body.clone()).unwrap();
        assert!(body.starts_with(signed.stage(StageName::CanonicalizedQueryString).unwrap()));
        assert!(body.contains("CACertificateName=a%20b"));
        assert!(body.contains("Timestamp=2024-05-01T12%3A00%3A00Z"));
        assert!(body.ends_with(&format!(
            "&Signature={}",
            percent_encode(signed.stage(StageName::Signature).unwrap())
        )));
        assert!(!body.contains("testsecret"));
        assert_eq!(signed.request.url(), "https://slb.aliyuncs.com/");
    }
}
