//! The library interface: what the JavaScript package's `analyze`, `check`, `buildRequest` and
//! `targets` (and the page's Worker) ask, read from a JSON request and the files' bytes, and
//! answered with exactly the JSON the command line prints (`inspect --json`, `check --json`,
//! `request --format json`, `targets --json`). Bad material is answered with diagnostics; a misuse
//! (an unknown provider or scheme, a missing secret, an unreadable time …) is an [`ApiError`] with
//! a permanent code, whose message never holds the secret, the token or the passphrase. Pure: the
//! caller supplies the time (`now`, `timestamp`) and the nonce.

use crate::analysis::{self, Input, Options};
use crate::auth::{self, Given};
use crate::diagnostic::excerpt;
use crate::json_output;
use crate::material_routing;
use crate::providers::{self, Fields, Mode, ProviderId};
use crate::request;
use crate::signing::{Scheme, Secret, huawei_token};
use crate::time::Timestamp;
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// A misuse of the interface: a permanent kebab-case code and a message (no secret in either).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// One of [`ApiError::CODES`].
    pub code: &'static str,
    /// What is wrong and how to call it instead.
    pub message: String,
}

impl ApiError {
    /// Every code an [`ApiError`] carries, each a permanent name.
    pub const CODES: &'static [&'static str] = &[
        "invalid-request",
        "missing-files",
        "missing-provider",
        "unknown-provider",
        "missing-region",
        "unknown-auth",
        "missing-access-key-id",
        "missing-secret",
        "missing-token",
        "invalid-token",
        "invalid-time",
        "invalid-nonce",
        "invalid-field",
    ];

    fn new(code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(Self::CODES.contains(&code), "undeclared code {code}");
        Self {
            code,
            message: message.into(),
        }
    }

    /// `{"code": …, "message": …}`, what the JavaScript wrapper throws as `CertPreflightError`.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "code": self.code, "message": self.message }).to_string()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// The four functions of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    /// `analyze` → `inspect --json`.
    Analyze,
    /// `check` → `check --provider P --json`.
    Check,
    /// `buildRequest` → `request --format json`.
    BuildRequest,
    /// `targets` → `targets --json`.
    Targets,
}

/// A file as the request names it; its bytes follow the previous file's in the data buffer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    name: String,
    size: usize,
}

/// Every option of the four functions, by the JavaScript names (camelCase). Secrets are held only
/// until the call returns.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct Request {
    files: Vec<FileEntry>,
    now: Option<String>,
    passphrase: Option<String>,
    provider: Option<String>,
    region: Option<String>,
    auth: Option<String>,
    access_key_id: Option<String>,
    secret: Option<String>,
    /// The NAME of the environment variable that will hold the IAM token (`--token-env`).
    token: Option<String>,
    domain_id: Option<String>,
    /// `[name, value]` pairs in the order given (`--field NAME=VALUE`).
    fields: Vec<(String, Value)>,
    timestamp: Option<String>,
    nonce: Option<String>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Request { .. }")
    }
}

/// Answers `function` for a request (JSON text, files as `{name, size}` entries) whose files'
/// bytes are `data`, one after the other: the JSON text the command line would print, parsed
/// back by the caller, or the misuse.
pub fn run(function: Function, request: &str, data: &[u8]) -> Result<String, ApiError> {
    answer(function, request, data).map(|value| value.to_string())
}

/// [`run`], as a value.
pub fn answer(function: Function, request: &str, data: &[u8]) -> Result<Value, ApiError> {
    if function == Function::Targets {
        return Ok(json_output::targets());
    }
    let mut request: Request = serde_json::from_str(request).map_err(|e| {
        // serde_json's message may quote a value (a passphrase given as a number): only the
        // position is reported. The JavaScript wrapper checks each option's type first.
        ApiError::new(
            "invalid-request",
            format!(
                "the request is not an object of the expected options (column {})",
                e.column()
            ),
        )
    })?;
    let entries = std::mem::take(&mut request.files);
    let files = split_files(&entries, data)?;
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input::new(name, bytes))
        .collect();
    let before = material_routing::certificate_text_as_given(files.iter().copied());
    match function {
        Function::Analyze | Function::Check => {
            let now = time(request.now.as_deref(), "now")?;
            let provider = match function {
                Function::Check => Some(provider(request.provider.as_deref())?),
                _ => None,
            };
            let options = Options {
                now,
                passphrase: request.passphrase.as_deref(),
                pkcs12_password: None,
            };
            let analysis = analysis::analyze_with(&inputs, &options);
            Ok(match provider {
                Some(provider) => {
                    let prep = providers::prepare(
                        provider,
                        Mode::Check,
                        &analysis,
                        &before,
                        &Fields::default(),
                    );
                    json_output::check(&analysis, &prep)
                }
                None => json_output::inspect(&analysis.report),
            })
        }
        Function::BuildRequest => build_request(request, &inputs, &before),
        Function::Targets => Ok(json_output::targets()),
    }
}

fn split_files<'a>(
    entries: &'a [FileEntry],
    data: &'a [u8],
) -> Result<Vec<(&'a str, &'a [u8])>, ApiError> {
    if entries.is_empty() {
        return Err(ApiError::new(
            "missing-files",
            "files must name at least one file: [{ name, data }]",
        ));
    }
    let mut rest = data;
    let mut files = Vec::with_capacity(entries.len());
    for entry in entries {
        if entry.size > rest.len() {
            return Err(ApiError::new(
                "invalid-request",
                "the files' sizes exceed the data given",
            ));
        }
        let (bytes, tail) = rest.split_at(entry.size);
        files.push((entry.name.as_str(), bytes));
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(ApiError::new(
            "invalid-request",
            "the data holds more bytes than the files' sizes",
        ));
    }
    Ok(files)
}

fn time(text: Option<&str>, name: &str) -> Result<Timestamp, ApiError> {
    let Some(text) = text else {
        return Err(ApiError::new(
            "invalid-time",
            format!("{name} is required: an RFC 3339 UTC time such as 2026-11-22T00:00:00Z"),
        ));
    };
    Timestamp::parse_rfc3339(text).ok_or_else(|| {
        ApiError::new(
            "invalid-time",
            format!(
                "{name} {:?} is not an RFC 3339 UTC time such as 2026-11-22T00:00:00Z",
                excerpt(text)
            ),
        )
    })
}

fn provider(id: Option<&str>) -> Result<ProviderId, ApiError> {
    let Some(id) = id else {
        return Err(ApiError::new(
            "missing-provider",
            format!("provider is required: one of {}", provider_list()),
        ));
    };
    ProviderId::parse(id).ok_or_else(|| {
        ApiError::new(
            "unknown-provider",
            format!(
                "unknown provider {:?}; use one of {}",
                excerpt(id),
                provider_list()
            ),
        )
    })
}

fn provider_list() -> String {
    ProviderId::all()
        .map(ProviderId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn build_request(request: Request, inputs: &[Input<'_>], before: &str) -> Result<Value, ApiError> {
    let provider = provider(request.provider.as_deref())?;
    let Some(region) = request.region.filter(|r| !r.is_empty()) else {
        return Err(ApiError::new(
            "missing-region",
            "region is required (the endpoint depends on it)",
        ));
    };
    let scheme = match request.auth.as_deref() {
        None => {
            return Err(ApiError::new(
                "unknown-auth",
                "auth is required: v2, acs3 (Alibaba), aksk or token (Huawei)",
            ));
        }
        Some(name) => Scheme::from_auth_name(name).ok_or_else(|| {
            ApiError::new(
                "unknown-auth",
                format!("auth {:?}: use v2, acs3, aksk or token", excerpt(name)),
            )
        })?,
    };
    let token_env = match (scheme, request.token) {
        (Scheme::HuaweiToken, None) => {
            return Err(ApiError::new(
                "missing-token",
                "auth \"token\" needs token: the NAME of the environment variable that will hold \
                 the IAM token when the command runs (the token itself never enters the request)",
            ));
        }
        // Never quoted: a caller may have passed the token itself.
        (Scheme::HuaweiToken, Some(name)) if !huawei_token::is_env_name(&name) => {
            return Err(ApiError::new(
                "invalid-token",
                "token must be the NAME of an environment variable ([A-Za-z_][A-Za-z0-9_]*), \
                 not the token itself",
            ));
        }
        (_, token) => token,
    };
    if scheme != Scheme::HuaweiToken {
        if request.access_key_id.as_deref().is_none_or(str::is_empty) {
            return Err(ApiError::new(
                "missing-access-key-id",
                format!("auth {:?} needs accessKeyId", scheme.auth_name()),
            ));
        }
        if request.secret.as_deref().is_none_or(str::is_empty) {
            return Err(ApiError::new(
                "missing-secret",
                format!("auth {:?} needs secret", scheme.auth_name()),
            ));
        }
    }
    let timestamp = time(request.timestamp.as_deref(), "timestamp")?;
    let nonce = match request.nonce {
        Some(nonce) if !nonce.is_empty() && !nonce.chars().any(char::is_control) => nonce,
        _ => {
            return Err(ApiError::new(
                "invalid-nonce",
                "nonce is required: a non-empty string without control characters",
            ));
        }
    };
    let mut values = Vec::with_capacity(request.fields.len());
    for (name, value) in request.fields {
        let Value::String(value) = value else {
            return Err(ApiError::new(
                "invalid-field",
                format!("field {:?} must be a string", excerpt(&name)),
            ));
        };
        values.push((name, value));
    }
    let fields = Fields { values, region };
    let auth = auth::build(
        scheme,
        Given {
            access_key_id: request.access_key_id.as_deref().unwrap_or_default(),
            secret: Secret::new(request.secret.as_deref().unwrap_or_default()),
            token_env: token_env.as_deref().unwrap_or_default(),
            domain_id: request.domain_id.as_deref().unwrap_or_default(),
        },
    );
    let options = Options {
        now: timestamp,
        passphrase: request.passphrase.as_deref(),
        pkcs12_password: None,
    };
    let analysis = analysis::analyze_with(inputs, &options);
    let outcome = request::build(
        provider, &analysis, before, &fields, &auth, timestamp, &nonce,
    );
    let mut value = json_output::request(provider, &fields.region, scheme, &outcome);
    // The console view, as `request --format json` adds it (absent when an error blocks the call).
    let console = providers::console::console_texts(&outcome.preparation, &fields);
    json_output::add_console(&mut value, &outcome.preparation, &console);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-22T00:00:00Z";

    const CHAIN: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/inspect/key-pkcs1-rsa-matches-leaf/input/chain.pem"
    ));
    const KEY: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/inspect/key-pkcs1-rsa-matches-leaf/input/leaf-key.test-only.pem"
    ));

    /// A request over the chain and key of one vector, with `extra` options merged in.
    fn request(extra: Value) -> (String, Vec<u8>) {
        let (chain, key) = (CHAIN, KEY);
        let mut value = serde_json::json!({
            "files": [
                { "name": "chain.pem", "size": chain.len() },
                { "name": "key.pem", "size": key.len() },
            ],
        });
        for (k, v) in extra.as_object().unwrap() {
            value[k] = v.clone();
        }
        (value.to_string(), [chain, key].concat())
    }

    fn first_target() -> ProviderId {
        ProviderId::all().next().unwrap()
    }

    fn signed_request(provider: ProviderId) -> Value {
        let spec = provider.spec();
        let scheme = spec.schemes[0];
        serde_json::json!({
            "provider": spec.id,
            "region": spec.regions[0].id,
            "auth": scheme.auth_name(),
            "accessKeyId": "TESTAK",
            "secret": "never-printed-secret-1234",
            "token": "TOKEN_VAR",
            "timestamp": NOW,
            "nonce": "n-1",
        })
    }

    #[test]
    fn analyze_answers_the_report_of_the_analysis() {
        let (request, data) = request(serde_json::json!({ "now": NOW }));
        let answer = answer(Function::Analyze, &request, &data).unwrap();
        let inputs = [Input::new("chain.pem", CHAIN), Input::new("key.pem", KEY)];
        let options = Options {
            now: Timestamp::parse_rfc3339(NOW).unwrap(),
            ..Options::default()
        };
        let report = analysis::analyze_with(&inputs, &options).report;
        assert_eq!(answer, serde_json::to_value(&report).unwrap());
        assert!(!report.certificates.is_empty() && !report.private_keys.is_empty());
    }

    #[test]
    fn misuse_is_a_typed_error() {
        let target = first_target();
        let cases: Vec<(Function, Value, &str)> = vec![
            (Function::Analyze, serde_json::json!({}), "invalid-time"),
            (
                Function::Analyze,
                serde_json::json!({ "now": "yesterday" }),
                "invalid-time",
            ),
            (
                Function::Analyze,
                serde_json::json!({ "now": NOW, "colour": 1 }),
                "invalid-request",
            ),
            (
                Function::Check,
                serde_json::json!({ "now": NOW }),
                "missing-provider",
            ),
            (
                Function::Check,
                serde_json::json!({ "now": NOW, "provider": "nope" }),
                "unknown-provider",
            ),
            (
                Function::BuildRequest,
                serde_json::json!({ "provider": target.as_str() }),
                "missing-region",
            ),
        ];
        for (function, extra, code) in cases {
            let (request, data) = request(extra.clone());
            let error = answer(function, &request, &data).unwrap_err();
            assert_eq!(error.code, code, "{function:?} {extra}: {error}");
        }
        let base = signed_request(target);
        let without = |key: &str, set: Value| {
            let mut value = base.clone();
            value.as_object_mut().unwrap().remove(key);
            for (k, v) in set.as_object().unwrap() {
                value[k] = v.clone();
            }
            value
        };
        let alibaba = target.spec().schemes[0] != Scheme::HuaweiToken;
        assert!(alibaba, "the first target signs with an access key");
        for (extra, code) in [
            (without("auth", serde_json::json!({})), "unknown-auth"),
            (
                without("auth", serde_json::json!({ "auth": "hmac" })),
                "unknown-auth",
            ),
            (
                without("accessKeyId", serde_json::json!({})),
                "missing-access-key-id",
            ),
            (without("secret", serde_json::json!({})), "missing-secret"),
            (without("timestamp", serde_json::json!({})), "invalid-time"),
            (
                without("nonce", serde_json::json!({ "nonce": "a\nb" })),
                "invalid-nonce",
            ),
            (without("nonce", serde_json::json!({})), "invalid-nonce"),
            (
                without(
                    "auth",
                    serde_json::json!({ "auth": "token", "token": null }),
                ),
                "missing-token",
            ),
            (
                without(
                    "auth",
                    serde_json::json!({ "auth": "token", "token": "MIIx-secret.token" }),
                ),
                "invalid-token",
            ),
            (
                without("x", serde_json::json!({ "fields": [["Name", 5]] })),
                "invalid-field",
            ),
        ] {
            let (request, data) = request(extra.clone());
            let error = answer(Function::BuildRequest, &request, &data).unwrap_err();
            assert_eq!(error.code, code, "{extra}: {error}");
            assert!(ApiError::CODES.contains(&error.code));
            assert!(!error.message.contains("never-printed-secret-1234"));
            assert!(!error.message.contains("MIIx-secret"));
        }
        let (request, data) = request(serde_json::json!({ "now": NOW }));
        let error = answer(Function::Analyze, &request, &data[1..]).unwrap_err();
        assert_eq!(error.code, "invalid-request");
        let error = answer(
            Function::Analyze,
            r#"{"files": [], "now": "2026-11-22T00:00:00Z"}"#,
            &[],
        )
        .unwrap_err();
        assert_eq!(error.code, "missing-files");
    }

    #[test]
    fn a_mistyped_secret_is_never_quoted() {
        for request in [
            r#"{"files": [{"name": "a", "size": 0}], "now": "2026-11-22T00:00:00Z", "passphrase": 987654321}"#,
            r#"{"files": [{"name": "a", "size": 0}], "secret": ["hunter2-secret"]}"#,
            r#"{"files": [{"name": "a", "size": 0}], "passphrase": {"hunter2-secret": 1}}"#,
        ] {
            let error = answer(Function::BuildRequest, request, &[]).unwrap_err();
            assert_eq!(error.code, "invalid-request");
            assert!(
                !error.message.contains("987654321") && !error.message.contains("hunter2"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_request_is_signed_and_holds_no_secret() {
        let mut signed = 0;
        for provider in ProviderId::all() {
            for scheme in provider.spec().schemes {
                let mut value = signed_request(provider);
                value["auth"] = scheme.auth_name().into();
                let (request, data) = request(value);
                let answer = answer(Function::BuildRequest, &request, &data).unwrap();
                assert_eq!(answer["provider"], provider.as_str());
                assert_eq!(answer["auth"], scheme.auth_name());
                assert!(answer["diagnostics"].is_array(), "{answer}");
                assert!(!answer.to_string().contains("never-printed-secret-1234"));
                signed += usize::from(!answer["request"].is_null());
            }
        }
        assert!(signed > 0, "no request was signed");
    }

    #[test]
    fn targets_are_the_registry() {
        let answer = answer(Function::Targets, "", &[]).unwrap();
        let ids: Vec<&str> = answer
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            ProviderId::all()
                .map(ProviderId::as_str)
                .collect::<Vec<_>>()
        );
    }
}
