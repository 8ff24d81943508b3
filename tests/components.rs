//! Component tests in headless Chromium (wasm-bindgen-test): real components mounted into a real
//! DOM, their markup asserted. Run by `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use cert_preflight::analysis::{Input, analyze};
use cert_preflight::ui::app::App;
use cert_preflight::ui::components::certificate_card::{CertificateCard, Props as CardProps};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const ISRG_ROOT_X1: &str =
    include_str!("vectors/inspect/public-isrg-root-x1/input/isrg-root-x1.pem");
const ISRG_FACTS: &str = include_str!("vectors/inspect/public-isrg-root-x1/facts.json");

/// The value of `"field": "…"` in the pyca facts file (a plain string field, no escapes in it).
fn fact(field: &str) -> String {
    let key = format!("\"{field}\": \"");
    let start = ISRG_FACTS.find(&key).expect("field in facts.json") + key.len();
    ISRG_FACTS[start..]
        .split('"')
        .next()
        .expect("closing quote")
        .to_owned()
}

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

async fn settle() {
    // Yew renders on the next tick of the scheduler.
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("tick");
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("valid selector")
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn certificate_card_shows_the_facts_pyca_reads() {
    let now = Duration::from_secs(1_795_305_600); // 2026-11-22T00:00:00Z
    let report = analyze(&[Input::new("isrg.pem", ISRG_ROOT_X1.as_bytes())], now);
    let certificate = report
        .certificates
        .into_iter()
        .next()
        .expect("one certificate");
    let root = fresh_root();
    yew::Renderer::<CertificateCard>::with_root_and_props(root.clone(), CardProps { certificate })
        .render();
    settle().await;

    assert_eq!(text(&root, "[data-testid=cert-subject]"), fact("subject"));
    assert_eq!(text(&root, "[data-testid=cert-issuer]"), fact("issuer"));
    assert_eq!(
        text(&root, "[data-testid=cert-not-after]"),
        fact("not_after")
    );
    assert_eq!(text(&root, "[data-testid=cert-sha256]"), fact("sha256"));
    assert_eq!(text(&root, "[data-testid=cert-sha1]"), fact("sha1"));
    assert!(text(&root, "[data-testid=cert-expiry]").starts_with("valid"));
}

#[wasm_bindgen_test]
async fn app_keeps_bad_input_and_explains_it() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;

    let area: web_sys::HtmlTextAreaElement = root
        .query_selector("[data-testid=paste]")
        .expect("selector")
        .expect("paste area")
        .dyn_into()
        .expect("textarea");
    let typed = "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n";
    area.set_value(typed);
    let event = web_sys::InputEvent::new("input").expect("input event");
    area.dispatch_event(&event).expect("dispatch");
    settle().await;

    let diagnostic = root
        .query_selector("[data-code=pem-invalid-base64]")
        .expect("selector");
    assert!(
        diagnostic.is_some(),
        "the base64 diagnostic is shown: {}",
        root.inner_html()
    );
    assert!(text(&root, "[data-code=pem-invalid-base64]").contains("line 2"));
    assert_eq!(area.value(), typed, "what the user typed is kept");
    assert!(
        root.query_selector("[data-testid=certificate-card]")
            .expect("selector")
            .is_none()
    );
}
