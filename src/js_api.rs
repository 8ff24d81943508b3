//! The JavaScript interface (wasm32 only): the four functions of the npm package
//! (`target/js/cert-preflight`, built by scripts/build-js.sh) and of the page's Worker, as thin
//! `#[wasm_bindgen]` exports over the pure [`crate::api`]. Values cross as JSON text and one byte
//! buffer (the files' bytes one after the other); the package's ES-module wrapper turns them into
//! plain objects and a misuse into a `CertPreflightError` (the thrown string is its JSON).

use crate::api::{self, Function};
use wasm_bindgen::prelude::*;

/// The module's start without the page: nothing to do (the binary calls it so that the library,
/// and with it these exports, is linked into the module).
pub fn start() {}

fn call(function: Function, request: &str, data: &[u8]) -> Result<String, JsValue> {
    api::run(function, request, data).map_err(|error| JsValue::from_str(&error.to_json()))
}

/// `analyze`: what `cert-preflight inspect --json` prints, as JSON text.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(request: &str, data: &[u8]) -> Result<String, JsValue> {
    call(Function::Analyze, request, data)
}

/// `check`: what `cert-preflight check --provider P --json` prints, as JSON text.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(request: &str, data: &[u8]) -> Result<String, JsValue> {
    call(Function::Check, request, data)
}

/// `buildRequest`: what `cert-preflight request --format json` prints, as JSON text.
#[wasm_bindgen(js_name = buildRequestJson)]
pub fn build_request_json(request: &str, data: &[u8]) -> Result<String, JsValue> {
    call(Function::BuildRequest, request, data)
}

/// `targets`: what `cert-preflight targets --json` prints, as JSON text.
#[wasm_bindgen(js_name = targetsJson)]
pub fn targets_json() -> Result<String, JsValue> {
    call(Function::Targets, "{}", &[])
}
