//! The curl command for a signed request, and the text of the page's and the command line's curl
//! output (the IAM token commands first, when the request needs a token).

use super::shell::{Scratch, shell_quote, subshell, write_file_lines};
use crate::signing::{Scheme, Signed, huawei_token};

/// What a curl command is for, shown in its comment lines.
#[derive(Clone, Debug)]
pub(crate) struct CurlContext<'a> {
    /// One line naming the call, e.g. `Alibaba Cloud SLB UploadCACertificate (cn-shanghai)`.
    pub title: &'a str,
    /// When the signature was made and until when it is accepted (RFC 3339), when it expires.
    pub signed_at: &'a str,
    /// Expiry, RFC 3339.
    pub expires_at: Option<&'a str>,
}

/// The curl command for a signed request. Runs as pasted into bash; sends exactly the signed
/// body; holds no secret (a token is read from its environment variable at run time).
pub(crate) fn curl(signed: &Signed, context: &CurlContext<'_>) -> String {
    let request = &signed.request;
    let mut out = String::new();
    out.push_str(&format!("# {}\n", context.title));
    out.push_str(&format!(
        "# Signed with {} at {}",
        scheme_title(signed.scheme),
        context.signed_at
    ));
    match context.expires_at {
        Some(expires) => out.push_str(&format!(
            "; accepted until {expires} (15 minutes), once: generate a new one to retry.\n"
        )),
        None => out.push_str(".\n"),
    }
    let token_env = huawei_token::token_env(signed);
    if let Some(env) = &token_env {
        out.push_str(&format!(
            "# Needs your IAM token in ${env} (export {env}=...); it is read when this runs.\n"
        ));
    }
    let body = String::from_utf8_lossy(&request.body);
    out.push_str(&subshell("(", Scratch::File("body")));
    if !request.body.is_empty() {
        out.push_str(&write_file_lines("\"$body\"", &body, "CERT_PREFLIGHT_BODY"));
    }
    out.push_str("  curl --silent --show-error --fail-with-body --proto =https -X ");
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
        out.push_str(" \\\n    --data-binary \"@$body\"");
    }
    out.push_str("\n  echo\n)\n");
    out
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
pub(crate) fn scheme_title_in(scheme: Scheme, lang: crate::lang::Lang) -> &'static str {
    let zh = match scheme {
        Scheme::AlibabaRpcV2 => "阿里云 RPC 签名 V2（HMAC-SHA1）",
        Scheme::AlibabaAcs3 => "阿里云 V3 签名（ACS3-HMAC-SHA256）",
        Scheme::HuaweiAksk => "华为云 AK/SK（SDK-HMAC-SHA256）",
        Scheme::HuaweiToken => "华为云 IAM Token（X-Auth-Token）",
    };
    lang.pick(scheme_title(scheme), zh)
}

/// What the curl output shows, on the page's curl tab and in `cert-preflight request`'s default
/// format: the commands that get an IAM token (when the request needs one), then the curl command.
#[cfg(any(not(target_arch = "wasm32"), feature = "page"))]
pub(crate) fn curl_tab(outputs: &crate::request::Outputs) -> String {
    let mut text = String::new();
    if let Some(iam) = &outputs.iam_token {
        text.push_str(iam);
        text.push('\n');
    }
    text.push_str(&outputs.curl);
    text
}
