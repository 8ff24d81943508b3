//! The curl command for a signed request, and the text of the page's and the command line's curl
//! output (the IAM token commands first, when the request needs a token).

use super::shell::{UploadScript, shell_quote, write_file_lines};
use crate::lang::Lang;
use crate::signing::{Scheme, Signed, huawei_token};

/// What a curl command is for, shown in its notes.
#[derive(Clone, Debug)]
pub(crate) struct CurlContext<'a> {
    /// One line naming the call, e.g. `Alibaba Cloud SLB UploadCACertificate (cn-shanghai)`, in
    /// the language of the notes.
    pub title: &'a str,
    /// When the signature was made and until when it is accepted (RFC 3339), when it expires.
    pub signed_at: &'a str,
    /// Expiry, RFC 3339.
    pub expires_at: Option<&'a str>,
    /// The members of the answer that repeat the private key sent, printed masked.
    pub answer_masks: &'a [&'a str],
    /// The permission the call needs, when the API's page names it.
    pub permission: Option<&'a crate::providers::Permission>,
}

/// The curl command for a signed request, its notes in `lang` (only they differ between
/// languages). Runs as pasted into bash or zsh, or as a file given to `sh`; sends exactly the
/// signed body; holds no secret (a token is read from its environment variable at run time).
pub(crate) fn curl(signed: &Signed, context: &CurlContext<'_>, lang: Lang) -> String {
    let request = &signed.request;
    let mut notes = vec![context.title.to_owned()];
    let (scheme, at) = (scheme_title_in(signed.scheme, lang), context.signed_at);
    notes.push(match (lang, context.expires_at) {
        (Lang::En, Some(expires)) => format!(
            "Signed with {scheme} at {at}; accepted until {expires} (15 minutes), once: generate a new one to retry."
        ),
        (Lang::En, None) => format!("Signed with {scheme} at {at}."),
        (Lang::ZhCn, Some(expires)) => format!(
            "签名方式：{scheme}，签名时间 {at}；{expires} 之前（15 分钟内）有效，只能发送一次：重试时请重新生成。"
        ),
        (Lang::ZhCn, None) => format!("签名方式：{scheme}，签名时间 {at}。"),
    });
    let token_env = huawei_token::token_env(signed);
    if let Some(env) = &token_env {
        notes.push(lang.pick(
            format!(
                "Needs your IAM token in ${env} (export {env}=...); it is read when this runs."
            ),
            format!("需要环境变量 ${env} 中的 IAM Token（export {env}=...），运行时读取。"),
        ));
    }
    let body = String::from_utf8_lossy(&request.body);
    let mut script = UploadScript::open(notes, context.permission, context.answer_masks, lang);
    if !request.body.is_empty() {
        script.text.push_str(&write_file_lines(
            "\"$dir/body\"",
            &body,
            "CERT_PREFLIGHT_BODY",
        ));
    }
    script.command();
    let out = &mut script.text;
    out.push_str("curl --silent --show-error --fail-with-body --proto '=https' -X ");
    out.push_str(&shell_quote(request.method.as_str()));
    out.push_str(" \\\n    ");
    out.push_str(&shell_quote(&request.url()));
    for (name, value) in &request.headers {
        if name.eq_ignore_ascii_case("host") {
            continue; // curl sends Host from the URL, the value that was signed
        }
        out.push_str(" \\\n    -H ");
        if token_env.is_some() && name.eq_ignore_ascii_case(huawei_token::HEADER) {
            let env = token_env.unwrap_or_default();
            out.push_str(&format!(
                "\"{name}: ${{{env}:?set {env} to your IAM token}}\""
            ));
        } else {
            out.push_str(&shell_quote(&format!("{name}: {value}")));
        }
    }
    // Without a body, no --data option: curl would add an unsigned Content-Type.
    if !request.body.is_empty() {
        out.push_str(" \\\n    --data-binary \"@$dir/body\"");
    }
    script.close("\n  echo")
}

/// The scheme's name as the vendors write it.
pub(crate) fn scheme_title(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::AlibabaRpcV2 => "Alibaba Cloud RPC signature V2 (HMAC-SHA1)",
        Scheme::AlibabaAcs3 => "Alibaba Cloud signature V3 (ACS3-HMAC-SHA256)",
        Scheme::HuaweiAksk => "Huawei Cloud AK/SK (SDK-HMAC-SHA256)",
        Scheme::HuaweiToken => "a Huawei Cloud IAM token (X-Auth-Token)",
    }
}

/// [`scheme_title`] in `lang` (the page's signing choice).
pub(crate) fn scheme_title_in(scheme: Scheme, lang: Lang) -> &'static str {
    let zh = match scheme {
        Scheme::AlibabaRpcV2 => "阿里云 RPC 签名 V2（HMAC-SHA1）",
        Scheme::AlibabaAcs3 => "阿里云 V3 签名（ACS3-HMAC-SHA256）",
        Scheme::HuaweiAksk => "华为云 AK/SK（SDK-HMAC-SHA256）",
        Scheme::HuaweiToken => "华为云 IAM Token（X-Auth-Token）",
    };
    lang.pick(scheme_title(scheme), zh)
}

/// What the curl output shows in `lang`, on the page's curl tab and in `cert-preflight request`'s
/// default format: the commands that get an IAM token (when the request needs one), then the curl
/// command.
#[cfg(any(not(target_arch = "wasm32"), feature = "page"))]
pub(crate) fn curl_tab(outputs: &crate::request::Outputs, lang: Lang) -> String {
    let mut text = String::new();
    if let Some(iam) = &outputs.iam_token {
        text.push_str(iam.get(lang));
        text.push('\n');
    }
    text.push_str(outputs.curl.get(lang));
    text
}
