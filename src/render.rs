//! Turns values into what people read and copy, one file each: the curl command for a signed
//! request (`curl.rs`; runs as pasted into bash or any POSIX shell), the raw HTTP request
//! (`http.rs`), a target's vendor CLI command (`vendor_cli.rs`), the commands that fetch a Huawei
//! IAM token first (`iam_token.rs`), and the text report of `inspect`/`check` (`report_text.rs`).
//! Every script is built by `shell.rs`: the shell preamble they share (a subshell, `set -e`,
//! `umask 077`, a temporary file or directory removed on exit, quoted here-documents) and the
//! quoting rules are written once, there.
//!
//! Invariants, each tested: the command never holds the access key secret (it is not an input
//! here); every argument is single-quoted; the body reaches curl byte for byte as it was signed,
//! through a quoted here-document written to a file created under `umask 077` (never argv); a
//! token is read from an environment variable when the command runs; pasted into an interactive
//! bash, a command that may hold a private key leaves nothing in its history file; the members of
//! a target's answer that repeat a private key are printed as `******`; the exit status is the
//! program's.

mod curl;
mod http;
mod iam_token;
mod report_text;
pub(crate) mod shell;
mod vendor_cli;

#[cfg(any(not(target_arch = "wasm32"), feature = "page"))]
pub(crate) use curl::curl_tab;
pub(crate) use curl::{CurlContext, curl, scheme_title, scheme_title_in};
pub(crate) use http::http;
pub(crate) use iam_token::iam_token;
pub(crate) use vendor_cli::vendor_cli;
