//! Component tests in headless Chromium (wasm-bindgen-test): real components mounted into a real
//! DOM, their markup asserted. Run by `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]
// A test binary: an unwrap is one of the test's assertions.
#![allow(clippy::unwrap_used)]

use cert_preflight::analysis::{Input, analyze};
use cert_preflight::page_view::CertificateView;
use cert_preflight::time::Timestamp;
use cert_preflight::ui::app::App;
use cert_preflight::ui::components::certificate_card::{CertificateCard, Props as CardProps};
use cert_preflight::ui::state::HIDDEN_TEXT;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const ISRG_ROOT_X1: &str =
    include_str!("vectors/inspect/public-isrg-root-x1/input/isrg-root-x1.pem");
const ISRG_FACTS: &str = include_str!("vectors/inspect/public-isrg-root-x1/facts.json");

/// The value of `"field": "…"` in the pyca facts file (a plain string field, no escapes in it).
fn fact(field: &str) -> String {
    fact_in(ISRG_FACTS, field)
}

/// The first value of `"field": "…"` in a pyca facts file.
fn fact_in(facts: &str, field: &str) -> String {
    let key = format!("\"{field}\": \"");
    let start = facts.find(&key).expect("field in facts.json") + key.len();
    facts[start..]
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

/// Waits until the page is quiet: Yew has rendered, and the page's answers (from the core run in
/// the page here, the test runner serving no worker.js) have come, the document unchanged for
/// 60 ms (at most 5 s, for a loaded machine).
async fn settle() {
    // Yew renders on the next tick of the scheduler.
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("tick");
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    let body = || {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .map(|b| b.inner_html())
            .unwrap_or_default()
    };
    let mut before = body();
    for _ in 0..80 {
        yew::platform::time::sleep(Duration::from_millis(60)).await;
        let now = body();
        if now == before {
            return;
        }
        before = now;
    }
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("valid selector")
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// About 300 KB, above the page's debounce threshold: stray text (as openssl prints it) and the
/// ISRG root twice.
fn big_material() -> String {
    format!(
        "{}{ISRG_ROOT_X1}{ISRG_ROOT_X1}",
        "Bag Attributes: localKeyID 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n".repeat(4200)
    )
}

/// The whole page mounted on a fresh root.
/// Waits (up to 5 s) until `condition` holds: the page's answers come from its Worker, or here,
/// where the test runner serves no worker.js, from the same core run in the page.
async fn until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..500 {
        if condition() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("waited 5 s for {what}");
}

async fn mounted_app() -> web_sys::Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    // The Worker's script is not served here: the page runs the core itself once it knows.
    let document = web_sys::window().unwrap().document().unwrap();
    until("the core to run", || {
        document
            .document_element()
            .is_some_and(|e| e.has_attribute("data-engine"))
    })
    .await;
    root
}

/// How many certificate cards the page shows.
fn cards(root: &web_sys::Element) -> u32 {
    root.query_selector_all("[data-testid=certificate-card]")
        .unwrap()
        .length()
}

/// Whether the page shows this element.
fn shows(root: &web_sys::Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

#[wasm_bindgen_test]
async fn certificate_card_shows_the_facts_pyca_reads() {
    let now = Timestamp::from_unix_seconds(1_795_305_600); // 2026-11-22T00:00:00Z
    let report = analyze(&[Input::new("isrg.pem", ISRG_ROOT_X1.as_bytes())], now);
    let certificate = report
        .certificates
        .into_iter()
        .next()
        .expect("one certificate");
    let root = fresh_root();
    yew::Renderer::<CertificateCard>::with_root_and_props(
        root.clone(),
        CardProps {
            certificate: CertificateView::new(&certificate),
            now,
        },
    )
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
    let meter = root
        .query_selector("[data-testid=cert-timeline]")
        .expect("selector")
        .expect("a timeline for a certificate valid now");
    assert_eq!(meter.tag_name(), "METER");
    assert!(text(&root, "[data-testid=cert-key]").starts_with("RSA 4096"));
}

fn element(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page: {}", root.inner_html()))
}

async fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let element = element(root, selector);
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
    let event = web_sys::InputEvent::new("input").expect("input event");
    element.dispatch_event(&event).expect("dispatch");
    settle().await;
}

async fn click(root: &web_sys::Element, selector: &str) {
    element(root, selector)
        .dyn_into::<web_sys::HtmlElement>()
        .expect("an HTML element")
        .click();
    settle().await;
}

const CHAIN: &str = include_str!("vectors/inspect/chain-ordered-leaf-int-root/input/chain.pem");
const EC_LEAF: &str = include_str!("vectors/inspect/key-pkcs8-ec-matches-leaf/input/leaf.pem");
const EC_KEY: &str =
    include_str!("vectors/inspect/key-pkcs8-ec-matches-leaf/input/leaf-key.test-only.pem");

#[wasm_bindgen_test]
async fn a_key_pasted_with_the_chain_is_moved_and_the_order_fixed() {
    let root = mounted_app().await;
    let blocks: Vec<&str> = CHAIN
        .split_inclusive("-----END CERTIFICATE-----\n")
        .collect();
    // Root, then the key, then the intermediate and the EC leaf: wrong order, key in the wrong box.
    let pasted = format!("{}{EC_KEY}{}{EC_LEAF}", blocks[2], blocks[1]);
    type_into(&root, "[data-testid=paste]", &pasted).await;

    assert!(text(&root, "[data-testid=moved-note]").contains("private key"));
    let key_area: web_sys::HtmlTextAreaElement = element(&root, "[data-testid=key-paste]")
        .dyn_into()
        .expect("textarea");
    assert_eq!(key_area.value(), EC_KEY);
    let verdict = element(&root, "[data-testid=chain-verdict]");
    assert_eq!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("reorderable")
    );
    assert!(
        root.query_selector("[data-code=key-matches-certificate]")
            .unwrap()
            .is_some()
    );

    click(&root, "[data-testid=fix-order]").await;
    let verdict = element(&root, "[data-testid=chain-verdict]");
    assert_eq!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("ordered")
    );
    let links = root
        .query_selector_all("[data-testid=chain-link][data-status=verified]")
        .unwrap();
    assert_eq!(
        links.length(),
        3,
        "two links and the root's self-signature verify"
    );
    assert!(
        text(&root, "[data-testid=fix-after]").starts_with("-----BEGIN CERTIFICATE-----\nMIIC")
    );
}

#[wasm_bindgen_test]
async fn a_signed_request_is_generated_without_the_secret() {
    let root = mounted_app().await;
    type_into(&root, "[data-testid=paste]", ISRG_ROOT_X1).await;
    type_into(&root, "[data-testid=region]", "cn-shanghai").await;
    type_into(&root, "[data-testid=field-CACertificateName]", "clients").await;
    type_into(&root, "[data-testid=access-key-id]", "LTAI-test").await;
    type_into(
        &root,
        "[data-testid=access-key-secret]",
        "super-secret-value",
    )
    .await;
    click(&root, "[data-testid=generate]").await;

    let output = text(&root, "[data-testid=output]");
    assert!(
        output.contains("https://slb.cn-shanghai.aliyuncs.com/"),
        "{output}"
    );
    assert!(output.contains("AccessKeyId=LTAI-test"));
    assert!(
        !root.inner_html().contains("super-secret-value"),
        "the secret is never rendered"
    );
    let expiry = element(&root, "[data-testid=expires-in]");
    assert!(
        expiry
            .get_attribute("data-expires-at")
            .is_some_and(|e| e.ends_with('Z'))
    );

    click(&root, "[data-testid=tab-stages]").await;
    assert!(text(&root, "[data-testid=output]").contains("== string_to_sign\nPOST&%2F&"));

    // A field that breaks a rule blocks the request and says why beside the field.
    type_into(
        &root,
        "[data-testid=field-Tag\\.1\\.Key]",
        "aliyun-reserved",
    )
    .await;
    assert!(text(&root, "[data-testid=field-error-Tag\\.1\\.Key]").contains("reserves"));
    click(&root, "[data-testid=generate]").await;
    assert!(
        root.query_selector("[data-testid=request-blocked]")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn app_keeps_bad_input_and_explains_it() {
    let root = mounted_app().await;

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
    until("the diagnostic", || {
        shows(&root, "[data-code=pem-invalid-base64]")
    })
    .await;

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

#[wasm_bindgen_test]
async fn large_material_is_analysed_once_the_input_settles() {
    let root = mounted_app().await;
    let big = big_material();
    // Pasted: analysed at once.
    type_into(&root, "[data-testid=paste]", &big).await;
    until("the analysis", || cards(&root) == 2).await;
    // Then typed into (a change of a few bytes to large material): the analysis waits for the
    // input to settle, and says so.
    type_into(&root, "[data-testid=paste]", &format!("{big}\n")).await;
    assert!(
        text(&root, "[data-testid=analysing]").starts_with("Analysing 0.3 MB"),
        "{}",
        text(&root, "[data-testid=results]")
    );
    assert!(text(&root, "[data-testid=analysing]").contains("settle"));
    assert!(!shows(&root, "[data-testid=certificate-card]"));
    // No request from the analysis of what was there before: the button waits, and says why.
    let generate = element(&root, "[data-testid=generate]");
    assert!(generate.has_attribute("disabled"));
    assert!(text(&root, "[data-testid=generate-wait]").contains("still being analysed"));
    yew::platform::time::sleep(Duration::from_millis(1500)).await;
    settle().await;
    assert!(!shows(&root, "[data-testid=analysing]"));
    assert_eq!(cards(&root), 2);
    assert!(shows(&root, "[data-code=chain-duplicate-certificate]"));
    assert!(!generate.has_attribute("disabled"));
    assert!(!shows(&root, "[data-testid=generate-wait]"));
}

#[wasm_bindgen_test]
async fn large_material_replaced_before_it_settles_leaves_the_new_material_shown() {
    let root = mounted_app().await;
    let big = big_material();
    // Pasted and analysed once; then typed into, which waits for the input to settle.
    type_into(&root, "[data-testid=paste]", &big).await;
    until("the analysis", || cards(&root) == 2).await;
    type_into(&root, "[data-testid=paste]", &format!("{big}\n")).await;
    assert!(text(&root, "[data-testid=analysing]").starts_with("Analysing 0.3 MB"));
    // Cut down to one certificate before the input settles: analysed at once.
    type_into(&root, "[data-testid=paste]", ISRG_ROOT_X1).await;
    until("the new material's analysis", || cards(&root) == 1).await;
    assert!(!shows(&root, "[data-testid=analysing]"));
    // The large material's job never replaces it.
    yew::platform::time::sleep(Duration::from_millis(1500)).await;
    settle().await;
    assert_eq!(cards(&root), 1);
    assert!(!shows(&root, "[data-code=chain-duplicate-certificate]"));
}

#[wasm_bindgen_test]
fn mark_panic_leaves_where_the_panic_happened_for_the_banner() {
    // A panic cannot be raised here (the module aborts on panic, and so would the test run), so
    // the hook itself is not exercised; its whole work is `mark_panic`, given the panic's location.
    let app = fresh_root();
    app.set_id("app");
    app.set_inner_html("<textarea>typed text</textarea>");
    let here = std::panic::Location::caller();
    cert_preflight::ui::browser::mark_panic(Some(here));
    assert_eq!(
        app.get_attribute("data-panic-at"),
        Some(format!("tests/components.rs:{}", here.line()))
    );
    cert_preflight::ui::browser::mark_panic(None);
    assert_eq!(app.get_attribute("data-panic-at").as_deref(), Some(""));
    // Only the attribute: what was typed is left as it was.
    assert_eq!(text(&app, "textarea"), "typed text");
    app.remove();
}

#[wasm_bindgen_test]
async fn large_pasted_text_is_kept_but_hidden_until_asked_for() {
    let root = mounted_app().await;
    let big = big_material();
    type_into(&root, "[data-testid=paste]", &big).await;
    let area = element(&root, "[data-testid=paste]")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .expect("a text area");
    // Kept as it was, not laid out: a line says how much is there, and focus is on its button.
    assert!(area.hidden(), "{}", root.inner_html());
    assert_eq!(area.value(), big);
    assert!(
        text(&root, "[data-testid=paste-collapsed]").starts_with("0.3 MB of text pasted."),
        "{}",
        text(&root, "[data-testid=paste-collapsed]")
    );
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .expect("something has focus");
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("show-text")
    );
    // The other boxes are untouched.
    assert!(!shows(&root, "[data-testid=key-paste-collapsed]"));
    // Shown when asked, unchanged.
    click(&root, "[data-testid=show-text]").await;
    assert!(!area.hidden());
    assert_eq!(area.value(), big);
    assert!(!shows(&root, "[data-testid=paste-collapsed]"));
    // Small text shows as usual; large text pasted again is hidden again, and so is text just over
    // the hidden-text size, though far below the size at which typing waits to settle.
    type_into(&root, "[data-testid=paste]", ISRG_ROOT_X1).await;
    assert!(!area.hidden());
    type_into(&root, "[data-testid=paste]", &big).await;
    assert!(area.hidden());
    let just_over = &big[big.len() - HIDDEN_TEXT - 1..];
    type_into(&root, "[data-testid=paste]", ISRG_ROOT_X1).await;
    assert!(!area.hidden());
    type_into(&root, "[data-testid=paste]", just_over).await;
    assert!(area.hidden(), "{} bytes", just_over.len());
    type_into(&root, "[data-testid=paste]", &just_over[1..]).await;
    assert!(!area.hidden(), "{} bytes", just_over.len() - 1);
    type_into(&root, "[data-testid=paste]", &big).await;
    assert!(area.hidden());
    // Removed on request: the box is empty and the page asks for material again.
    click(&root, "[data-testid=remove-text]").await;
    assert!(!area.hidden());
    assert_eq!(area.value(), "");
    assert!(!shows(&root, "[data-testid=paste-collapsed]"));
    yew::platform::time::sleep(Duration::from_millis(600)).await;
    settle().await;
    assert!(
        text(&root, "[data-testid=results]")
            .contains("Paste or drop your certificate material above.")
    );
    root.remove();
}

const ENCRYPTED_KEY: &str =
    include_str!("vectors/inspect/key-encrypted-no-passphrase/input/leaf-key.test-only.pem");

#[wasm_bindgen_test]
async fn hints_on_the_page_name_its_own_controls_not_flags() {
    // An encrypted key without its passphrase: the page says where to enter it, never the
    // command line's --passphrase-env; an empty certificate box's hint says to paste or pick.
    let root = mounted_app().await;
    type_into(&root, "[data-testid=paste]", EC_LEAF).await;
    type_into(&root, "[data-testid=key-paste]", ENCRYPTED_KEY).await;
    let shown = text(&root, "[data-code=encrypted-key-needs-passphrase]");
    assert!(
        shown.contains("passphrase field"),
        "the page's hint is shown: {shown}"
    );
    assert!(!shown.contains("--"), "no flag on the page: {shown}");
    let page = root.inner_html();
    assert!(!page.contains("--passphrase-env"), "{page}");
}

const HUAWEI_REQUEST: &str =
    include_str!("vectors/inspect/public-huawei-elb-api-examples/input/1-request.test-only.json");
const HUAWEI_RESPONSE: &str =
    include_str!("vectors/inspect/public-huawei-elb-api-examples/input/3-response.test-only.json");
const HUAWEI_FACTS: &str =
    include_str!("vectors/inspect/public-huawei-elb-api-examples/facts.json");

/// A run of the example key's base64 (its body's second line): it must never be on the page
/// outside the key box.
fn huawei_key_excerpt() -> &'static str {
    let start = HUAWEI_REQUEST
        .find("-----BEGIN PRIVATE KEY-----\\n")
        .expect("key")
        + 29;
    &HUAWEI_REQUEST[start + 64..start + 96]
}

#[wasm_bindgen_test]
async fn huawei_s_json_example_pasted_shows_the_certificate_pyca_reads() {
    let root = mounted_app().await;
    // Huawei ELB's API page example, as copied: a JSON body with `\n` escapes, key and certificate.
    type_into(&root, "[data-testid=paste]", HUAWEI_REQUEST).await;

    assert_eq!(cards(&root), 1, "{}", root.inner_html());
    assert_eq!(
        text(&root, "[data-testid=cert-sha256]"),
        fact_in(HUAWEI_FACTS, "sha256")
    );
    assert_eq!(
        text(&root, "[data-testid=cert-sha1]"),
        fact_in(HUAWEI_FACTS, "sha1")
    );
    // The key went to its box, recovered; the page said so; it matches the certificate.
    let key_area: web_sys::HtmlTextAreaElement = element(&root, "[data-testid=key-paste]")
        .dyn_into()
        .expect("textarea");
    assert!(
        key_area
            .value()
            .starts_with("-----BEGIN PRIVATE KEY-----\nMIIEvgIBADAN")
    );
    let notes = root.query_selector_all("[data-testid=moved-note]").unwrap();
    let notes: Vec<String> = (0..notes.length())
        .filter_map(|i| notes.item(i).and_then(|n| n.text_content()))
        .collect();
    assert!(notes.iter().any(|n| n.contains("recovered")), "{notes:?}");
    assert!(shows(&root, "[data-code=key-matches-certificate]"));
    // No message anywhere holds the key: only the key box does.
    let excerpt = huawei_key_excerpt();
    key_area.set_value("");
    assert!(
        !root.inner_html().contains(excerpt),
        "key material on the page"
    );
}

#[wasm_bindgen_test]
async fn huawei_s_one_line_response_example_is_read_and_its_recovery_said() {
    let root = mounted_app().await;
    // The response example: PEM values without any line break; pasted into the key box it is
    // not split, so the recovery diagnostics stay on the page.
    type_into(&root, "[data-testid=key-paste]", HUAWEI_RESPONSE).await;
    until("the certificate", || {
        !text(&root, "[data-testid=cert-sha256]").is_empty()
    })
    .await;
    assert_eq!(
        text(&root, "[data-testid=cert-sha256]"),
        fact_in(HUAWEI_FACTS, "sha256")
    );
    assert!(shows(&root, "[data-code=recovered-json-document]"));
    assert!(shows(&root, "[data-code=recovered-line-breaks]"));
    assert!(!shows(&root, "[data-code=pem-missing-end]"));
    let messages = root.query_selector_all("[data-code]").unwrap();
    for i in 0..messages.length() {
        let message = messages
            .item(i)
            .and_then(|m| m.text_content())
            .unwrap_or_default();
        assert!(
            !message.contains(huawei_key_excerpt()),
            "key material in {message}"
        );
    }
}

/// The before/after view's cut: a long text's beginning up to its last line break within 16 KB,
/// or, on one line, up to a character's start within 16 KB; a short text whole.
#[wasm_bindgen_test]
fn the_before_after_view_shows_a_long_texts_beginning() {
    use cert_preflight::ui::components::fixes_panel::shown_part;
    let short = "-----BEGIN CERTIFICATE-----\nMIIB\n";
    assert_eq!(shown_part(short), None);
    let lines = format!("{}\n", "MIIBaz+/".repeat(8)).repeat(1_000);
    let part = shown_part(&lines).unwrap();
    assert!(part.ends_with('\n') && part.len() <= 16 * 1024 && part.len() > 16 * 1024 - 65);
    assert!(lines.starts_with(part));
    // One line of Chinese text (three bytes a character): cut at a character's start.
    let one_line = "证书".repeat(10_000);
    let part = shown_part(&one_line).unwrap();
    assert!(one_line.starts_with(part) && part.len() <= 16 * 1024 && part.len() > 16 * 1024 - 3);
}

/// The corpus cases whose chain searches WebCrypto is asked to check: RSA with SHA-256, ECDSA on
/// P-256, P-384 and P-521, RSA-1024 with SHA-1 (a renewal's old certificate), and a CA of the
/// right name whose key did not sign the leaf.
const AHEAD_CASES: [(&str, &[(&str, &str)]); 4] = [
    ("chain-ordered-leaf-int-root", &[("chain.pem", CHAIN)]),
    (
        "ecdsa-p256-p384-p521-chain",
        &[(
            "chain.pem",
            include_str!("vectors/inspect/ecdsa-p256-p384-p521-chain/input/chain.pem"),
        )],
    ),
    (
        "chain-renewed-leaf-beside-an-old-weak-one",
        &[
            (
                "intermediate.crt",
                include_str!(
                    "vectors/inspect/chain-renewed-leaf-beside-an-old-weak-one/input/intermediate.crt"
                ),
            ),
            (
                "www.example.com-old.crt",
                include_str!(
                    "vectors/inspect/chain-renewed-leaf-beside-an-old-weak-one/input/www.example.com-old.crt"
                ),
            ),
            (
                "www.example.com.crt",
                include_str!(
                    "vectors/inspect/chain-renewed-leaf-beside-an-old-weak-one/input/www.example.com.crt"
                ),
            ),
        ],
    ),
    (
        "chain-fake-intermediate-same-name",
        &[(
            "chain.pem",
            include_str!("vectors/inspect/chain-fake-intermediate-same-name/input/chain.pem"),
        )],
    ),
];

#[wasm_bindgen_test]
async fn web_crypto_verifies_exactly_the_checks_handed_out_that_the_core_verifies() {
    use cert_preflight::analysis::job::{Job, Step};
    use cert_preflight::analysis::public_key::{self, Verification};
    use cert_preflight::analysis::{Options, analyze_with};
    let (mut handed_out, mut refused) = (0, 0);
    for (case, files) in AHEAD_CASES {
        let inputs: Vec<Input> = files
            .iter()
            .map(|(name, text)| Input::new(name, text.as_bytes()))
            .collect();
        let options = Options {
            now: Timestamp::from_unix_seconds(1_795_305_600),
            ..Options::default()
        };
        let whole = analyze_with(&inputs, &options);
        let mut job = Job::new(&inputs, &options);
        job.stop_before_checks();
        let analysis = loop {
            match job.run(&mut || true) {
                Step::Working(_) => {
                    let ahead = job.checks_ahead();
                    assert!(!ahead.is_empty(), "{case}");
                    let verified =
                        cert_preflight::ui::browser::verified_by_web_crypto(&ahead).await;
                    // WebCrypto's verdict on each is the core's own.
                    for (id, _) in &ahead {
                        let (subject, signer) = (
                            &whole.certificates[id.subject()],
                            &whole.certificates[id.signer()],
                        );
                        let own = public_key::verify(
                            &subject.tbs_der,
                            subject.certificate.signature_algorithm(),
                            subject.certificate.signature().raw_bytes(),
                            signer
                                .certificate
                                .tbs_certificate()
                                .subject_public_key_info(),
                        );
                        assert_eq!(
                            verified.contains(id),
                            own == Verification::Valid,
                            "{case}: certificate {} by {}",
                            id.subject(),
                            id.signer()
                        );
                    }
                    handed_out += ahead.len();
                    refused += ahead.len() - verified.len();
                    drop(ahead);
                    job.confirm(verified);
                }
                Step::Done(analysis) => break analysis,
            }
        };
        assert_eq!(analysis.report, whole.report, "{case}");
    }
    assert!(handed_out >= 7, "{handed_out} checks handed out");
    assert!(
        refused >= 1,
        "the fake intermediate's check does not verify"
    );
}
