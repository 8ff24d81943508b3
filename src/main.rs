//! The one binary: the Yew app on wasm32, the `cert-preflight` command line natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    cert_preflight::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cert_preflight::cli::run(std::env::args_os().skip(1).collect())
}
