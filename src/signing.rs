//! Request signing for the target APIs: one pure function per scheme, every stage a value.
//!
//! A scheme takes an [`HttpRequest`] with its body already serialised, the [`Credentials`], the
//! time and a nonce (both inputs: the core never reads a clock or a random source) and returns a
//! [`Signed`] request: the exact request to send plus each intermediate [`Stage`] (canonical
//! request, string to sign, signature) so that a mismatch can be traced to the step that
//! diverged. HMAC, SHA-1/SHA-256 and base64 come from the `RustCrypto` crates.

pub mod alibaba_acs3;
pub mod alibaba_rpc_v2;
pub mod canonical_request;
pub mod huawei_aksk;
pub mod huawei_token;

use crate::time::Timestamp;
use std::fmt;
use std::time::Duration;

use hmac::{KeyInit, Mac, SimpleHmac};
use sha2::{Digest, Sha256};

/// How long a signature is accepted after its timestamp: Alibaba rejects stale `Timestamp` /
/// `x-acs-date` values with `InvalidTimeStamp.Expired`; Huawei's signing guide allows a
/// 15-minute window around `X-Sdk-Date`.
pub const SIGNATURE_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// The signing schemes (`--auth` on the command line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Alibaba RPC signature V2: HMAC-SHA1, `SignatureVersion=1.0`.
    AlibabaRpcV2,
    /// Alibaba signature V3: `ACS3-HMAC-SHA256`.
    AlibabaAcs3,
    /// Huawei APIG AK/SK: `SDK-HMAC-SHA256`.
    HuaweiAksk,
    /// Huawei IAM token in `X-Auth-Token` (nothing is signed).
    HuaweiToken,
}

impl Scheme {
    /// Every scheme.
    pub const ALL: [Self; 4] = [
        Self::AlibabaRpcV2,
        Self::AlibabaAcs3,
        Self::HuaweiAksk,
        Self::HuaweiToken,
    ];

    /// The `--auth` name.
    pub fn auth_name(self) -> &'static str {
        match self {
            Self::AlibabaRpcV2 => "v2",
            Self::AlibabaAcs3 => "acs3",
            Self::HuaweiAksk => "aksk",
            Self::HuaweiToken => "token",
        }
    }

    /// Parses an `--auth` name.
    pub fn from_auth_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.auth_name() == name)
    }
}

/// A secret string (access key secret, token): never printed, never serialised.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the MAC only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("** REDACTED **")
    }
}

/// An access key: its public ID and its secret.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// The `AccessKey` ID (Alibaba) or AK (Huawei): public, printed in the request.
    pub access_key_id: String,
    /// The `AccessKey` secret (Alibaba) or SK (Huawei).
    pub secret: Secret,
}

/// The HTTP methods the targets' APIs are called with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
}

impl Method {
    /// Every method.
    pub const ALL: [Self; 2] = [Self::Get, Self::Post];

    /// The method as sent and signed (`GET`, `POST`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }

    /// Parses `GET` or `POST`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::words::serialize_as_str!(Method);

/// An HTTP request as it will be sent: method, `https://host/path?query`, headers, body bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The host name (the URL is always HTTPS on the default port).
    pub host: String,
    /// The path, starting with `/`, not percent-encoded.
    pub path: String,
    /// Query parameters in sending order, not percent-encoded.
    pub query: Vec<(String, String)>,
    /// Headers in sending order.
    pub headers: Vec<(String, String)>,
    /// The exact body bytes.
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A request without query, headers or body.
    pub fn new(method: Method, host: &str, path: &str) -> Self {
        Self {
            method,
            host: host.to_owned(),
            path: path.to_owned(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// The path with each segment percent-encoded (RFC 3986 unreserved kept).
    pub fn encoded_path(&self) -> String {
        self.path
            .split('/')
            .map(percent_encode)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The query string as sent (`a=1&b=2`), each name and value percent-encoded.
    pub fn query_string(&self) -> String {
        self.query
            .iter()
            .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The full URL.
    pub fn url(&self) -> String {
        let query = self.query_string();
        let separator = if query.is_empty() { "" } else { "?" };
        format!(
            "https://{}{}{separator}{query}",
            self.host,
            self.encoded_path()
        )
    }

    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The name of an intermediate value of a signature computation; `as_str` is also the name of
/// its file in a signing vector (`tests/vectors/signing/<case>/<name>.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StageName {
    /// ACS3: the SHA-256 of the body, lowercase hex.
    HashedPayload,
    /// RPC V2: the sorted, encoded parameters.
    CanonicalizedQueryString,
    /// ACS3 and AK/SK: the canonical request.
    CanonicalRequest,
    /// What the HMAC signs.
    StringToSign,
    /// The signature.
    Signature,
    /// ACS3 and AK/SK: the `Authorization` header's value.
    Authorization,
}

impl StageName {
    /// Every stage name.
    pub const ALL: [Self; 6] = [
        Self::HashedPayload,
        Self::CanonicalizedQueryString,
        Self::CanonicalRequest,
        Self::StringToSign,
        Self::Signature,
        Self::Authorization,
    ];

    /// The stable `snake_case` name (the vector file's name without `.txt`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HashedPayload => "hashed_payload",
            Self::CanonicalizedQueryString => "canonicalized_query_string",
            Self::CanonicalRequest => "canonical_request",
            Self::StringToSign => "string_to_sign",
            Self::Signature => "signature",
            Self::Authorization => "authorization",
        }
    }

    /// Parses a stage's `snake_case` name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl fmt::Display for StageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::words::serialize_as_str!(StageName);

/// One intermediate value of a signature computation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SigningStage {
    /// Which value it is.
    pub name: StageName,
    /// The exact text.
    pub value: String,
}

/// A signed request and how its signature was computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The scheme used.
    pub scheme: Scheme,
    /// What to send.
    pub request: HttpRequest,
    /// Intermediate values in computation order (none for a token).
    pub stages: Vec<SigningStage>,
    /// The signing time.
    pub signed_at: Timestamp,
    /// When the provider stops accepting the signature; `None` when nothing time-bound is signed.
    pub expires_at: Option<Timestamp>,
}

impl Signed {
    /// A signed request whose signature expires [`SIGNATURE_LIFETIME`] after `at`, with its stages
    /// in the order they were computed.
    pub(crate) fn expiring(
        scheme: Scheme,
        request: HttpRequest,
        stages: Vec<(StageName, String)>,
        at: Timestamp,
    ) -> Self {
        Self {
            scheme,
            request,
            stages: stages
                .into_iter()
                .map(|(name, value)| SigningStage { name, value })
                .collect(),
            signed_at: at,
            expires_at: Some(at.saturating_add(SIGNATURE_LIFETIME)),
        }
    }

    /// The value of a stage by name.
    pub fn stage(&self, name: StageName) -> Option<&str> {
        self.stages
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.value.as_str())
    }
}

/// Why a request could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SigningError {
    /// The time cannot be written as a UTC timestamp (before 1970 or after 9999).
    TimeOutOfRange,
    /// A header name or value would be split or rejected on the wire (a line break, a control
    /// character).
    InvalidHeader(String),
}

impl SigningError {
    /// Why, in both languages.
    pub fn text(&self) -> crate::lang::Text {
        match self {
            Self::TimeOutOfRange => tr!(
                "the signing time is outside 1970..9999",
                "签名时间不在 1970..9999 年之间"
            ),
            Self::InvalidHeader(name) => tr!(
                "header {name} holds a line break or control character",
                "请求头 {name} 含有换行符或控制字符"
            ),
        }
    }
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
    }
}

/// Shapes 16 random bytes (from the caller's random source: the core has none) as a version-4
/// UUID, the nonce form the Alibaba SDKs send.
pub fn uuid_nonce(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = base16ct::lower::encode_string(&bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Percent-encoding shared by the signing schemes (RPC V2, ACS3, AK/SK): UTF-8 bytes;
/// `A-Z a-z 0-9 - _ . ~` kept; every other byte as `%XX` with uppercase hex (space is `%20`,
/// never `+`).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push_str(&base16ct::upper::encode_string(&[byte]));
        }
    }
    out
}

/// `at` when the signers can write it: 1970..9999.
fn signable(at: Timestamp) -> Result<Timestamp, SigningError> {
    if at < Timestamp::UNIX_EPOCH {
        return Err(SigningError::TimeOutOfRange);
    }
    Ok(at)
}

/// `YYYY-MM-DDThh:mm:ssZ` (Alibaba `Timestamp`, `x-acs-date`).
pub fn iso8601(at: Timestamp) -> Result<String, SigningError> {
    signable(at)?.rfc3339().ok_or(SigningError::TimeOutOfRange)
}

/// `YYYYMMDDThhmmssZ` (Huawei `X-Sdk-Date`).
pub fn basic_iso8601(at: Timestamp) -> Result<String, SigningError> {
    signable(at)?
        .basic_iso8601()
        .ok_or(SigningError::TimeOutOfRange)
}

/// Lowercase hex SHA-256.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    base16ct::lower::encode_string(&Sha256::digest(data))
}

/// Lowercase hex HMAC-SHA256.
pub(crate) fn hmac_sha256_hex(key: &[u8], data: &[u8]) -> String {
    let mut mac = <SimpleHmac<Sha256> as KeyInit>::new_from_slice(key)
        .expect("HMAC accepts keys of any length");
    mac.update(data);
    base16ct::lower::encode_string(&mac.finalize().into_bytes())
}

/// Rejects header values that would break the request line framing.
pub(crate) fn check_headers(request: &HttpRequest) -> Result<(), SigningError> {
    for (name, value) in &request.headers {
        if name.is_empty()
            || name
                .bytes()
                .chain(value.bytes())
                .any(|b| b < 0x20 && b != b'\t' || b == 0x7f)
        {
            return Err(SigningError::InvalidHeader(name.clone()));
        }
    }
    Ok(())
}

/// `pairs` ordered by name, then value, byte by byte (`String`'s order): what every scheme's
/// canonical query and header lists sort by. One function for all of them: each sort call with
/// its own element type or comparison is another copy of the standard library's sort in the wasm
/// module (about 4 KB each).
pub(crate) fn sort_pairs(pairs: &mut [&(String, String)]) {
    pairs.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_follows_rfc3986_with_uppercase_hex() {
        assert_eq!(percent_encode("A-z_0.9~"), "A-z_0.9~");
        assert_eq!(
            percent_encode(" *+/=&%\n!'()"),
            "%20%2A%2B%2F%3D%26%25%0A%21%27%28%29"
        );
        assert_eq!(percent_encode("名"), "%E5%90%8D");
    }

    #[test]
    fn timestamps_in_both_shapes() {
        let at = Timestamp::from_unix_seconds(1_714_564_800); // 2024-05-01T12:00:00Z
        assert_eq!(iso8601(at).unwrap(), "2024-05-01T12:00:00Z");
        assert_eq!(basic_iso8601(at).unwrap(), "20240501T120000Z");
        assert_eq!(
            iso8601(Timestamp::from_unix_seconds(i64::MAX / 2)),
            Err(SigningError::TimeOutOfRange)
        );
        assert_eq!(
            basic_iso8601(Timestamp::from_unix_seconds(-1)),
            Err(SigningError::TimeOutOfRange)
        );
    }

    #[test]
    fn nonces_are_version_4_uuids() {
        let nonce = uuid_nonce([0xff; 16]);
        assert_eq!(nonce, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_nonce([0; 16]), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn secrets_do_not_print() {
        let credentials = Credentials {
            access_key_id: "id".into(),
            secret: Secret::new("hunter2"),
        };
        assert!(!format!("{credentials:?}").contains("hunter2"));
    }

    #[test]
    fn header_line_breaks_are_refused() {
        let mut request = HttpRequest::new(Method::Get, "h", "/");
        request.headers.push(("x-a".into(), "1\r\nx-b: 2".into()));
        assert_eq!(
            check_headers(&request),
            Err(SigningError::InvalidHeader("x-a".into()))
        );
    }
}
