//! The one binary: the Yew app on wasm32 (with the `page` feature), the `cert-preflight` command line natively.

/// The page's module runs twice: in the page (the Yew app) and in the page's Worker (www/worker.js
/// loads it to analyse, check and sign).
#[cfg(all(target_arch = "wasm32", feature = "page"))]
fn main() {
    if cert_preflight::ui::browser::in_worker() {
        cert_preflight::ui::worker::start();
    } else {
        cert_preflight::ui::start();
    }
}

/// Without the page (the npm package's build: `--no-default-features --features js-api`) the
/// module only exports the library interface; calling into the library links it in.
#[cfg(all(target_arch = "wasm32", not(feature = "page"), feature = "js-api"))]
fn main() {
    cert_preflight::js_api::start();
}

/// Neither the page nor the interface: nothing to start.
#[cfg(all(target_arch = "wasm32", not(feature = "page"), not(feature = "js-api")))]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cert_preflight::cli::run(std::env::args_os().skip(1).collect())
}
