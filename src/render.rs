//! Turns values into what people copy: the curl command for a signed request (runs as pasted into
//! bash or any POSIX shell), the raw HTTP request, a target's vendor CLI command
//! ([`vendor_cli`]), and the commands that fetch a Huawei IAM token first ([`iam_token`]). The
//! shell preamble they share (a subshell, `set -e`, `umask 077`, a temporary file or directory
//! removed on exit, quoted here-documents) is written once, here.
//!
//! Invariants, each tested: the command never holds the access key secret (it is not an input
//! here); every argument is single-quoted; the body reaches curl byte for byte as it was signed,
//! through a quoted here-document written to a file created under `umask 077` (never argv); a
//! token is read from an environment variable when the command runs.

use crate::providers::{CliArg, VendorCommand};
use crate::signing::{Scheme, Signed, huawei_token};

/// Quotes a string for POSIX shells: single quotes, each `'` written as `'\''`.
pub fn shell_quote(text: &str) -> String {
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@,+%".contains(&b))
    {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A here-document delimiter that does not occur as a line of `content`.
pub fn heredoc_delimiter(base: &str, content: &str) -> String {
    let mut delimiter = base.to_owned();
    let mut n = 0;
    while content.lines().any(|line| line == delimiter) {
        n += 1;
        delimiter = format!("{base}_{n}");
    }
    delimiter
}

/// Shell lines that write `content` to the file named by `path_expr` (a shell word such as
/// `"$dir/ca.pem"`) exactly: a quoted here-document (no expansion of `$`, backticks or `\`), with
/// the here-document's own final newline removed by `printf '%s' "$(...)"` when `content` does not
/// end with one. `content` must not hold NUL bytes.
pub fn write_file_lines(path_expr: &str, content: &str, delimiter_base: &str) -> String {
    let delimiter = heredoc_delimiter(delimiter_base, content);
    if let Some(body) = content.strip_suffix('\n')
        && !body.ends_with('\n')
    {
        // Ends with exactly one newline, which the here-document supplies.
        return format!("cat > {path_expr} <<'{delimiter}'\n{body}\n{delimiter}\n");
    }
    if !content.ends_with('\n') {
        // `$(...)` strips the here-document's final newline (and nothing else: content has none).
        return format!(
            "printf '%s' \"$(cat <<'{delimiter}'\n{content}\n{delimiter}\n)\" > {path_expr}\n"
        );
    }
    // Several final newlines: write without them, then append them.
    let trimmed = content.trim_end_matches('\n');
    let extra = content.len() - trimmed.len();
    format!(
        "printf '%s' \"$(cat <<'{delimiter}'\n{trimmed}\n{delimiter}\n)\" > {path_expr}\nprintf '{}' >> {path_expr}\n",
        "\\n".repeat(extra)
    )
}

/// The temporary place a script works in, removed when it exits.
#[derive(Clone, Copy, Debug)]
enum Scratch {
    /// One file, held in this shell variable.
    File(&'static str),
    /// A directory, held in `$dir`.
    Dir,
}

/// The opening of every generated script: `open` (`(` or `VAR=$(`), then `set -e`, `umask 077`
/// and the scratch file or directory with its cleanup trap.
fn subshell(open: &str, scratch: Scratch) -> String {
    let mut out = format!("{open}\n  set -e\n  umask 077\n");
    match scratch {
        Scratch::File(var) => out.push_str(&format!(
            "  {var}=$(mktemp)\n  trap 'rm -f \"${var}\"' EXIT\n"
        )),
        Scratch::Dir => out.push_str("  dir=$(mktemp -d)\n  trap 'rm -rf \"$dir\"' EXIT\n"),
    }
    out
}

/// A vendor CLI command as a script: its notes as comments, its files written into a scratch
/// directory by quoted here-documents, then the command, each argument on its own line. A file's
/// content (PEM, possibly a private key) never appears in argv as written here; the CLI reads it
/// through `"$(cat FILE)"` when it runs.
pub fn vendor_cli(command: &VendorCommand) -> String {
    let mut out = String::new();
    for note in &command.notes {
        out.push_str(&format!("# {note}\n"));
    }
    out.push_str(&subshell("(", Scratch::Dir));
    for (name, content) in &command.files {
        out.push_str(&write_file_lines(
            &format!("\"$dir/{}\"", file_name(name)),
            content,
            "CERT_PREFLIGHT_PEM",
        ));
    }
    out.push_str("  ");
    out.push_str(&shell_quote(command.program));
    for word in &command.operation {
        out.push(' ');
        out.push_str(&shell_quote(word));
    }
    for arg in &command.args {
        out.push_str(" \\\n    ");
        match arg {
            CliArg::Flag { name } => out.push_str(&shell_quote(name)),
            CliArg::Value {
                name,
                value,
                joined: true,
            } => out.push_str(&shell_quote(&format!("{name}={value}"))),
            CliArg::Value { name, value, .. } => {
                out.push_str(&format!("{} {}", shell_quote(name), shell_quote(value)))
            }
            CliArg::File { name, file } => out.push_str(&format!(
                "{}=\"$(cat \"$dir/{}\")\"",
                shell_quote(name),
                file_name(file)
            )),
        }
    }
    out.push_str("\n)\n");
    out
}

/// A file name safe inside double quotes: only letters, digits, `.`, `_` and `-` are kept.
fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Commands that get a Huawei IAM token by password and export it as `$env`: scoped to the
/// account (`account_scoped`, for global services) or to the region's project. The user name,
/// account name and password come from environment variables when the commands run; they are
/// escaped for JSON by sed (backslash and double quote; control characters are not allowed in
/// them).
pub fn iam_token(region: &str, account_scoped: bool, env: &str) -> String {
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
    let mut out = format!(
        "# Get an IAM token first ({}): needs HUAWEI_ACCOUNT (account name), HUAWEI_IAM_USER and\n\
         # HUAWEI_PASSWORD in the environment. The token is valid for 24 hours.\n",
        if account_scoped {
            "scoped to the account"
        } else {
            "scoped to the region's project"
        }
    );
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
        "  curl --silent --show-error --fail-with-body --proto =https -X POST -D - -o /dev/null \\\n    {} \\\n    -H {} \\\n    --data-binary \"@$body\" | tr -d '\\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: //p'\n) && export {env}\nfi\n",
        shell_quote(&request.url()),
        shell_quote(&format!(
            "Content-Type: {}",
            request.header("content-type").unwrap_or("application/json")
        )),
    ));
    out
}

/// What a curl command is for, shown in its comment lines.
#[derive(Clone, Debug)]
pub struct CurlContext<'a> {
    /// One line naming the call, e.g. `Alibaba Cloud SLB UploadCACertificate (cn-shanghai)`.
    pub title: &'a str,
    /// When the signature was made and until when it is accepted (RFC 3339), when it expires.
    pub signed_at: &'a str,
    /// Expiry, RFC 3339.
    pub expires_at: Option<&'a str>,
}

/// The curl command for a signed request. Runs as pasted into bash; sends exactly the signed
/// body; holds no secret (a token is read from its environment variable at run time).
pub fn curl(signed: &Signed, context: &CurlContext<'_>) -> String {
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
pub fn scheme_title(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::AlibabaRpcV2 => "Alibaba Cloud RPC signature V2 (HMAC-SHA1)",
        Scheme::AlibabaAcs3 => "Alibaba Cloud signature V3 (ACS3-HMAC-SHA256)",
        Scheme::HuaweiAksk => "Huawei Cloud AK/SK (SDK-HMAC-SHA256)",
        Scheme::HuaweiToken => "a Huawei Cloud IAM token (X-Auth-Token)",
    }
}

/// The raw HTTP/1.1 request, as it goes on the wire (CRLF line ends, Content-Length).
pub fn http(signed: &Signed) -> String {
    let request = &signed.request;
    let query = request.query_string();
    let mut out = format!(
        "{} {}{}{} HTTP/1.1\r\n",
        request.method,
        request.encoded_path(),
        if query.is_empty() { "" } else { "?" },
        query
    );
    if request.header("host").is_none() {
        out.push_str(&format!("Host: {}\r\n", request.host));
    }
    for (name, value) in &request.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", request.body.len()));
    out.push_str(&String::from_utf8_lossy(&request.body));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_every_special_character() {
        assert_eq!(shell_quote("plain-1.2"), "plain-1.2");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("$HOME `x`"), "'$HOME `x`'");
    }

    #[test]
    fn delimiters_avoid_content_lines() {
        assert_eq!(heredoc_delimiter("END", "a\nEND\nb"), "END_1");
        assert_eq!(heredoc_delimiter("END", "a END"), "END");
    }

    #[test]
    fn file_writers_cover_every_ending() {
        assert!(write_file_lines("f", "a\n", "E").starts_with("cat > f <<'E'\na\nE\n"));
        assert!(
            write_file_lines("f", "a", "E").starts_with("printf '%s' \"$(cat <<'E'\na\nE\n)\" > f")
        );
        assert!(write_file_lines("f", "a\n\n", "E").ends_with("printf '\\n\\n' >> f\n"));
    }
}
