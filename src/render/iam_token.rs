//! The commands that get a Huawei IAM token before the request is sent.

use super::shell::{Scratch, notes, shell_quote, subshell};
use crate::lang::Lang;
use crate::signing::huawei_token;

/// Commands that get a Huawei IAM token by password and export it as `$env`: scoped to the
/// account (`account_scoped`, for global services) or to the region's project. The user name,
/// account name and password come from environment variables when the commands run; they are
/// escaped for JSON by sed (backslash and double quote; control characters are not allowed in
/// them). Only the notes are in `lang`.
pub(crate) fn iam_token(region: &str, account_scoped: bool, env: &str, lang: Lang) -> String {
    const ACCOUNT: &str = "@@CERT_PREFLIGHT_ACCOUNT@@";
    const USER: &str = "@@CERT_PREFLIGHT_USER@@";
    const PASSWORD: &str = "@@CERT_PREFLIGHT_PASSWORD@@";
    let scope = if account_scoped {
        huawei_token::TokenScope::DomainName(ACCOUNT)
    } else {
        huawei_token::TokenScope::ProjectName(region)
    };
    let template = huawei_token::iam_token_body(ACCOUNT, USER, PASSWORD, scope);
    let request = huawei_token::iam_token_request(region, String::new());
    // Split the serializer's output at the placeholders; the pieces are fixed JSON text.
    let mut format = String::new();
    let mut args = Vec::new();
    let mut rest = template.as_str();
    let printf_literal = |text: &str| text.replace('\\', "\\\\").replace('%', "%%");
    loop {
        let next = [
            (ACCOUNT, "\"$account\""),
            (USER, "\"$user\""),
            (PASSWORD, "\"$password\""),
        ]
        .into_iter()
        .filter_map(|(marker, arg)| rest.find(marker).map(|at| (at, marker, arg)))
        .min();
        let Some((at, marker, arg)) = next else {
            break;
        };
        format.push_str(&printf_literal(&rest[..at]));
        format.push_str("%s");
        args.push(arg);
        rest = &rest[at + marker.len()..];
    }
    format.push_str(&printf_literal(rest));
    let note = match lang {
        Lang::En => format!(
            "Get an IAM token first ({}): needs HUAWEI_ACCOUNT (account name), HUAWEI_IAM_USER and\n\
             HUAWEI_PASSWORD in the environment. The token is valid for 24 hours.",
            if account_scoped {
                "scoped to the account"
            } else {
                "scoped to the region's project"
            }
        ),
        Lang::ZhCn => format!(
            "先获取 IAM Token（{}）：需要环境变量 HUAWEI_ACCOUNT（账号名）、HUAWEI_IAM_USER 和\n\
             HUAWEI_PASSWORD。Token 的有效期为 24 小时。",
            if account_scoped {
                "作用范围为账号"
            } else {
                "作用范围为该区域的项目"
            }
        ),
    };
    let mut out = notes(&note.lines().map(str::to_owned).collect::<Vec<_>>());
    out.push_str(&format!("if [ -z \"${{{env}:-}}\" ]; then\n"));
    out.push_str(&subshell(&format!("{env}=$("), Scratch::File("body")));
    out.push_str("  esc() { printf '%s' \"$1\" | sed 's/[\\\\\"]/\\\\&/g'; }\n");
    out.push_str("  account=$(esc \"${HUAWEI_ACCOUNT:?set HUAWEI_ACCOUNT}\")\n");
    out.push_str("  user=$(esc \"${HUAWEI_IAM_USER:?set HUAWEI_IAM_USER}\")\n");
    out.push_str("  password=$(esc \"${HUAWEI_PASSWORD:?set HUAWEI_PASSWORD}\")\n");
    out.push_str(&format!(
        "  printf {} {} > \"$body\"\n",
        shell_quote(&format),
        args.join(" ")
    ));
    out.push_str(&format!(
        "  curl --silent --show-error --fail-with-body --proto '=https' -X POST -D - -o /dev/null \\\n    {} \\\n    -H {} \\\n    --data-binary \"@$body\" | tr -d '\\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: //p'\n) && export {env}\nfi\n",
        shell_quote(&request.url()),
        shell_quote(&format!(
            "Content-Type: {}",
            request.header("content-type").unwrap_or("application/json")
        )),
    ));
    out
}
