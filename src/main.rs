//! The one binary: the Yew app on wasm32 (with the `page` feature), the `cert-preflight` command line natively.

/// The page's module runs twice: in the page (the Yew app) and in the page's Worker (www/worker.js
/// loads it to analyse, check and sign).
#[cfg(all(target_arch = "wasm32", feature = "page"))]
fn main() {
    cert_preflight::analysis::code_page::set_gbk_decoder(gbk_by_text_decoder);
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
    cert_preflight::analysis::code_page::set_gbk_decoder(gbk_by_text_decoder);
    cert_preflight::js_api::start();
}

/// GBK decoded by the host's `TextDecoder` (the WHATWG Encoding Standard's `gbk`, which fails on
/// an invalid sequence rather than replace it): the module carries no tables of its own
/// (`analysis/code_page.rs`). A host without it (a Node built with small ICU) reads no GBK.
#[cfg(all(target_arch = "wasm32", any(feature = "page", feature = "js-api")))]
fn gbk_by_text_decoder(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gbk", &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// Neither the page nor the interface: nothing to start.
#[cfg(all(target_arch = "wasm32", not(feature = "page"), not(feature = "js-api")))]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cert_preflight::cli::run(std::env::args_os().skip(1).collect())
}
