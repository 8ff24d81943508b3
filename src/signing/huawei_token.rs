//! Huawei Cloud token authentication: the IAM token travels in `X-Auth-Token`; nothing is signed.
//!
//! The token is a secret: it never enters the core. The request names the environment variable
//! that holds it ([`crate::signing::HttpRequest`] header value [`token_reference`]) and the
//! renderers expand it in the shell. A token user first asks IAM for the token
//! ([`iam_token_request`]): `POST https://iam.{region}.myhuaweicloud.com/v3/auth/tokens`, the
//! token coming back in the `X-Subject-Token` response header (IAM "Obtaining a User Token
//! Through Password Authentication").

use crate::time::Timestamp;

use super::{HttpRequest, Method, Scheme, Signed};

/// The header that carries the token.
pub const HEADER: &str = "X-Auth-Token";

/// The placeholder header value that stands for the token held in environment variable `var`.
pub fn token_reference(var: &str) -> String {
    format!("${{{var}}}")
}

/// The variable a signed token request reads its token from: the inverse of
/// [`token_reference`], for a token-signed request's `X-Auth-Token` header.
pub fn token_env(signed: &Signed) -> Option<&str> {
    if signed.scheme != Scheme::HuaweiToken {
        return None;
    }
    signed
        .request
        .header(HEADER)?
        .strip_prefix("${")?
        .strip_suffix('}')
}

/// Whether `name` is a portable environment variable name (`[A-Za-z_][A-Za-z0-9_]*`), which is
/// what makes the placeholder safe to expand inside double quotes.
pub fn is_env_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Adds `X-Auth-Token` (a reference to `token_env`) to `request`. `at` is recorded; a token does
/// not expire with the request (IAM tokens live 24 hours).
pub fn sign(mut request: HttpRequest, token_env: &str, at: Timestamp) -> Signed {
    request
        .headers
        .push((HEADER.into(), token_reference(token_env)));
    Signed {
        scheme: Scheme::HuaweiToken,
        request,
        stages: Vec::new(),
        signed_at: at,
        expires_at: None,
    }
}

/// The IAM host for a region (`eu-west-101` lives under `.eu`).
pub fn iam_host(region: &str) -> String {
    if region == "eu-west-101" {
        "iam.eu-west-101.myhuaweicloud.eu".into()
    } else {
        format!("iam.{region}.myhuaweicloud.com")
    }
}

/// How the token request scopes the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenScope<'a> {
    /// A project-scoped token (project-level services such as ELB), by project name = region.
    ProjectName(&'a str),
    /// An account-scoped token (global services such as CCM), by account (domain) name.
    DomainName(&'a str),
}

/// The IAM password-authentication request body, with the password left as a curl variable
/// reference (`{{IAM_PASSWORD:json}}`, expanded by `curl --expand-data`), so the password is
/// never written into the command.
pub fn iam_token_body(
    account: &str,
    user: &str,
    password_placeholder: &str,
    scope: TokenScope<'_>,
) -> String {
    let scope = match scope {
        TokenScope::ProjectName(name) => serde_json::json!({"project": {"name": name}}),
        TokenScope::DomainName(name) => serde_json::json!({"domain": {"name": name}}),
    };
    serde_json::json!({
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {"user": {"domain": {"name": account}, "name": user, "password": password_placeholder}}
            },
            "scope": scope
        }
    })
    .to_string()
}

/// The IAM token request for `region` (`?nocatalog=true` keeps the response small).
pub fn iam_token_request(region: &str, body: String) -> HttpRequest {
    let mut request = HttpRequest::new(Method::Post, &iam_host(region), "/v3/auth/tokens");
    request.query.push(("nocatalog".into(), "true".into()));
    request.headers.push((
        "Content-Type".into(),
        "application/json;charset=utf8".into(),
    ));
    request.body = body.into_bytes();
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_names_are_checked() {
        assert!(is_env_name("HUAWEI_TOKEN"));
        assert!(is_env_name("_x1"));
        assert!(!is_env_name("1A"));
        assert!(!is_env_name("A-B"));
        assert!(!is_env_name("A$(id)"));
        assert!(!is_env_name(""));
    }

    #[test]
    fn the_token_is_a_reference() {
        let signed = sign(
            HttpRequest::new(Method::Post, "h", "/"),
            "MY_TOKEN",
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(signed.request.header(HEADER), Some("${MY_TOKEN}"));
        assert_eq!(signed.expires_at, None);
    }

    #[test]
    fn iam_body_scopes_the_token() {
        let body = iam_token_body(
            "acct",
            "user \"x\"",
            "{{P:json}}",
            TokenScope::ProjectName("cn-north-4"),
        );
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            value["auth"]["identity"]["password"]["user"]["name"],
            "user \"x\""
        );
        assert_eq!(value["auth"]["scope"]["project"]["name"], "cn-north-4");
        assert_eq!(iam_host("eu-west-101"), "iam.eu-west-101.myhuaweicloud.eu");
    }
}
