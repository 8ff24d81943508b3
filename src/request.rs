//! The request pipeline, shared by the page and the command line: analysed material + target +
//! fields + credentials + time + nonce → diagnostics, fixes and, when nothing blocks, the signed
//! request with every output people copy (curl, raw HTTP, body, stages, vendor CLI, expiry).
//! Pure: the time and the nonce are inputs.

use crate::analysis::Analysis;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::lang::{Lang, Text};
use crate::providers::{self, AuthScope, Fields, Mode, Preparation, ProviderId};
use crate::render::{self, CurlContext};
use crate::signing::{self, Scheme, Signed, huawei_token};
use crate::time::Timestamp;
use serde::Serialize;

mod sign;

pub use sign::{Auth, SignError, sign_call};

/// Everything a signed request is shown as. Holds no secret: the access key secret is consumed by
/// the signer, a token is referenced by its environment variable.
#[derive(Clone, Debug, Serialize)]
pub struct Outputs {
    /// `v2`, `acs3`, `aksk` or `token`.
    pub auth: &'static str,
    /// The HTTP method.
    pub method: signing::Method,
    /// The full URL.
    pub url: String,
    /// Its length in characters (ACS3 keeps parameters in the query).
    pub url_length: usize,
    /// Every header sent, in order (Host included).
    pub headers: Vec<(String, String)>,
    /// The body, exactly as signed and sent.
    pub body: String,
    /// The SHA-256 of the body, lowercase hex.
    pub body_sha256: String,
    /// Each signing stage by name: canonical request, string to sign, signature, ...
    pub stages: Vec<signing::SigningStage>,
    /// When the request was signed (RFC 3339).
    pub signed_at: String,
    /// When the signature stops being accepted (RFC 3339), when it expires.
    pub expires_at: Option<String>,
    /// The command to paste into bash, its notes in each language (the JSON has the
    /// English form). The two forms differ only in their notes.
    #[serde(serialize_with = "english")]
    pub curl: Text,
    /// The raw HTTP/1.1 request.
    pub http: String,
    /// The vendor CLI equivalent, its notes in each language (the JSON: English).
    #[serde(serialize_with = "english_option")]
    pub vendor_cli: Option<Text>,
    /// For token auth: the commands that obtain the IAM token first, its notes in each
    /// language (the JSON: English).
    #[serde(serialize_with = "english_option")]
    pub iam_token: Option<Text>,
}

/// A script's English form, its text of record in the JSON.
fn english<S: serde::Serializer>(text: &Text, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text.en())
}

/// [`english`] of an optional script (`null` when there is none).
fn english_option<S: serde::Serializer>(
    text: &Option<Text>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => serializer.serialize_some(text.en()),
        None => serializer.serialize_none(),
    }
}

/// The same script in both languages, `render` called once for each.
fn both(render: impl Fn(Lang) -> String) -> Text {
    Text::new(render(Lang::En), render(Lang::ZhCn))
}

/// The outcome of building a request.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// The target's findings and fixes.
    pub preparation: Preparation,
    /// Problems with the signing itself (wrong scheme for the target, missing account ID, ...).
    pub signing_errors: Vec<Diagnostic>,
    /// The outputs, when the request was built.
    pub outputs: Option<Outputs>,
}

impl Outcome {
    /// All diagnostics: the analysis' (with the provider's error names), the target's, signing's.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.preparation.analysis_diagnostics.clone();
        all.extend(self.preparation.diagnostics.iter().cloned());
        all.extend(self.signing_errors.iter().cloned());
        all
    }
}

/// Builds (and signs, when nothing blocks) the request for `provider`.
pub fn build(
    provider: ProviderId,
    analysis: &Analysis,
    original_certificate_text: &str,
    fields: &Fields,
    auth: &Auth,
    at: Timestamp,
    nonce: &str,
) -> Outcome {
    let preparation = providers::prepare(
        provider,
        Mode::Request,
        analysis,
        original_certificate_text,
        fields,
    );
    let mut outcome = Outcome {
        preparation,
        signing_errors: Vec::new(),
        outputs: None,
    };
    if let Err(error) = sign::scheme_fits(provider, auth) {
        outcome.signing_errors.push(signing_error(&error));
        return outcome;
    }
    let Some(call) = outcome.preparation.call.clone() else {
        return outcome;
    };
    let signed = match sign_call(provider, &call, auth, at, nonce) {
        Ok(signed) => signed,
        Err(error) => {
            outcome.signing_errors.push(signing_error(&error));
            return outcome;
        }
    };
    if signed.scheme == Scheme::AlibabaAcs3 {
        let length = signed.request.url().chars().count();
        if length > URL_WARNING {
            outcome.signing_errors.push(Diagnostic::new(
                Code::UrlTooLong,
                Location::Target,
                tr!(
                    "the URL has {length} characters (the PEM travels in the query with ACS3)",
                    "URL 长 {length} 个字符（使用 ACS3 时 PEM 放在查询参数中）"
                ),
                crate::diagnostic::Hint::per_surface(
                    tr!(
                        "under Signing, choose RPC signature V2, which sends the parameters in the body, if the gateway answers 414",
                        "若网关返回 414，请在“签名”中选择 RPC 签名 V2，它把参数放在请求体中"
                    ),
                    tr!(
                        "use --auth v2, which sends the parameters in the body, if the gateway answers 414",
                        "若网关返回 414，请使用 --auth v2，它把参数放在请求体中"
                    ),
                ),
            ));
        }
    }
    let spec = provider.spec();
    let region = &fields.region;
    let title = Text::new(
        format!("{} ({region})", spec.title),
        format!("{}（{region}）", spec.title_zh),
    );
    // The answer's copy of the key, where the target's answer repeats one and a key is sent.
    let answer_masks = match (&spec.key_echo, &outcome.preparation.key) {
        (Some(echo), Some(_)) => echo.members,
        _ => &[],
    };
    let vendor_cli = outcome.preparation.vendor_command.as_ref().map(|command| {
        both(|lang| render::vendor_cli(command, spec.permission.as_ref(), answer_masks, lang))
    });
    outcome.outputs = Some(outputs(
        &signed,
        &title,
        vendor_cli,
        fields,
        provider,
        answer_masks,
    ));
    outcome
}

/// Above this many characters, gateways are known to answer 414 (Tengine's default 8 KiB buffer;
/// aliyun/openapi-core-nodejs-sdk issue #55).
pub const URL_WARNING: usize = 8_192;

/// A signing problem, said for both surfaces: the message names no flag or field (both show it),
/// the hint names the command line's flag or the page's control.
fn signing_error(error: &SignError) -> Diagnostic {
    use crate::diagnostic::Hint;
    use SignError;
    let (message, hint) = match error {
        SignError::SchemeMismatch(scheme, provider) => {
            let schemes = provider.spec().schemes;
            let names = |name: fn(Scheme) -> &'static str| {
                schemes.iter().map(|s| name(*s)).collect::<Vec<_>>()
            };
            let (title, id) = (render::scheme_title(*scheme), provider.as_str());
            let title_zh = render::scheme_title_in(*scheme, Lang::ZhCn);
            let titles = names(render::scheme_title).join(", or ");
            let titles_zh = schemes
                .iter()
                .map(|s| render::scheme_title_in(*s, Lang::ZhCn))
                .collect::<Vec<_>>()
                .join("，或 ");
            let (auth, auths) = (
                scheme.auth_name(),
                names(Scheme::auth_name).join(" or --auth "),
            );
            let auths_zh = names(Scheme::auth_name).join(" 或 --auth ");
            (
                tr!(
                    "{title} does not apply to {id}: it takes {titles}",
                    "{title_zh} 不适用于 {id}：它接受 {titles_zh}"
                ),
                Hint::per_surface(
                    tr!(
                        "under Signing, choose one of those",
                        "请在“签名”中选择其中之一"
                    ),
                    tr!(
                        "--auth {auth} does not apply: use --auth {auths}",
                        "--auth {auth} 不适用：请使用 --auth {auths_zh}"
                    ),
                ),
            )
        }
        SignError::DomainIdRequired(provider) => {
            let api = provider.spec().api;
            (
                tr!(
                    "Huawei AK/SK signing for {api} (an account-level service) needs the account ID (X-Domain-Id)",
                    "华为云 AK/SK 签名用于 {api}（账号级服务）时需要账号 ID（X-Domain-Id）"
                ),
                Hint::per_surface(
                    tr!(
                        "fill in Account ID (X-Domain-Id)",
                        "请填写账号 ID（X-Domain-Id）"
                    ),
                    tr!("give it with --domain-id ID", "用 --domain-id ID 给出"),
                ),
            )
        }
        SignError::Signing(e) => {
            let e = e.text();
            let (e, e_zh) = (e.en(), e.zh());
            (
                tr!("{e}", "签名失败：{e_zh}"),
                Hint::from(tr!(
                    "choose a scheme and credentials the target accepts",
                    "请选择目标接受的签名方式和凭证"
                )),
            )
        }
    };
    Diagnostic::new(Code::FieldInvalid, Location::Credentials, message, hint)
}

fn outputs(
    signed: &Signed,
    title: &Text,
    vendor_cli: Option<Text>,
    fields: &Fields,
    provider: ProviderId,
    answer_masks: &[&str],
) -> Outputs {
    let signed_at = signing::iso8601(signed.signed_at).unwrap_or_default();
    let expires_at = signed
        .expires_at
        .map(|at| signing::iso8601(at).unwrap_or_default());
    let request = &signed.request;
    let mut headers = Vec::new();
    if request.header("host").is_none() {
        headers.push(("Host".to_owned(), request.host.clone()));
    }
    headers.extend(request.headers.iter().cloned());
    let account_scoped = provider.spec().auth_scope == AuthScope::Account;
    let iam_token = huawei_token::token_env(signed)
        .map(|env| both(|lang| render::iam_token(&fields.region, account_scoped, env, lang)));
    Outputs {
        auth: signed.scheme.auth_name(),
        method: request.method,
        url: request.url(),
        url_length: request.url().chars().count(),
        headers,
        body: String::from_utf8_lossy(&request.body).into_owned(),
        body_sha256: signing::sha256_hex(&request.body),
        stages: signed.stages.clone(),
        curl: both(|lang| {
            render::curl(
                signed,
                &CurlContext {
                    title: title.get(lang),
                    signed_at: &signed_at,
                    expires_at: expires_at.as_deref(),
                    answer_masks,
                    permission: provider.spec().permission.as_ref(),
                },
                lang,
            )
        }),
        http: render::http(signed),
        signed_at,
        expires_at,
        vendor_cli,
        iam_token,
    }
}
