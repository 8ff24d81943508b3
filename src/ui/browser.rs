//! Everything that touches the browser directly: the clock, input values, files, focus, element
//! lookup, tasks and timers, the clipboard, downloads and the panic hook. The only file of the
//! page that names web-sys, js-sys or wasm-bindgen-futures (tests/tidy.rs): components call these
//! functions, so the rest stays plain Yew.

use crate::analysis::chain::CheckId;
use crate::analysis::public_key::{PortableCheck, PortableScheme};
use crate::time::Timestamp;
use std::collections::HashMap;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The browser's clock (the core takes time as an argument).
pub fn now() -> Timestamp {
    let millis = js_sys::Date::now();
    if millis.is_finite() && millis > 0.0 {
        Timestamp::from_unix_duration(Duration::from_millis(millis as u64))
    } else {
        Timestamp::UNIX_EPOCH
    }
}

/// A deadline `millis` milliseconds from now, on the browser's clock: the returned function says
/// whether it is still ahead (how one slice of a long job knows when to give the page back).
pub fn deadline(millis: f64) -> impl FnMut() -> bool {
    let end = js_sys::Date::now() + millis;
    move || js_sys::Date::now() < end
}

/// The value of the input, text area or select element an event came from ("" for any other).
pub fn input_value(event: &yew::Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Sets the value of the text area `node` refers to, if it is mounted.
pub fn set_area_value(node: &yew::NodeRef, value: &str) {
    if let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's UTF-8 encoder.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    /// The UTF-8 bytes of a JavaScript string (lone surrogates become U+FFFD, as wasm-bindgen's
    /// own string passing makes them).
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encode)]
    fn encode(this: &Utf8Encoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// Text the browser holds (a text area's value), not copied into the module: [`utf8`] copies it.
#[derive(Clone)]
pub struct BrowserText(js_sys::JsString);

impl BrowserText {
    /// Its length in UTF-16 units (its length in bytes for ASCII).
    pub fn units(&self) -> usize {
        self.0.length() as usize
    }
}

/// The value of the text area an event came from, as the browser holds it (nothing copied into
/// the module yet); `None` for any other element.
pub fn area_value(event: &yew::Event) -> Option<BrowserText> {
    let area = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())?;
    js_sys::Reflect::get(&area, &JsValue::from_str("value"))
        .ok()?
        .dyn_into::<js_sys::JsString>()
        .ok()
        .map(BrowserText)
}

/// A paste (or a drop) of more than `over` UTF-16 units of text into a text area, to be made by
/// the page rather than the browser: the browser's is cancelled, and the area's value as a paste
/// would leave it (the text in place of the selection) is returned, for [`put_hidden_text`] once
/// the area is hidden. Chromium's own paste of 2 MiB held the page for about a second in one task
/// (its editing command lays the whole text out). Such a paste has no undo step of its own.
/// `None`, and the browser pastes or drops as usual, for less text, or when the event holds none.
pub fn paste_large(event: &yew::Event, over: usize) -> Option<BrowserText> {
    let area = event
        .target()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let transfer = |name: &str| {
        js_sys::Reflect::get(event, &JsValue::from_str(name))
            .ok()
            .filter(|data| data.is_object())
    };
    let clipboard = transfer("clipboardData").or_else(|| transfer("dataTransfer"))?;
    let text = js_sys::Reflect::get(&clipboard, &JsValue::from_str("getData"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call1(&clipboard, &JsValue::from_str("text/plain"))
        .ok()?
        .dyn_into::<js_sys::JsString>()
        .ok()?;
    if text.length() as usize <= over {
        return None;
    }
    let value = js_sys::Reflect::get(&area, &JsValue::from_str("value"))
        .ok()?
        .dyn_into::<js_sys::JsString>()
        .ok()?;
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let end = area
        .selection_end()
        .ok()
        .flatten()
        .unwrap_or(start)
        .max(start);
    event.prevent_default();
    Some(BrowserText(
        value
            .slice(0, start)
            .concat(&text)
            .concat(&value.slice(end, value.length())),
    ))
}

/// Puts `text` in the text area `node` refers to, hidden while it does (a focused area's new value
/// moves the caret, and Chromium lays a shown area's whole text out to do that: 0.8 s for 2 MiB),
/// and drops the caret then.
pub fn put_hidden_text(node: &yew::NodeRef, text: &BrowserText) {
    let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let hidden = area.hidden();
    area.set_hidden(true);
    let _ = js_sys::Reflect::set(&area, &JsValue::from_str("value"), &text.0);
    drop_selection();
    area.set_hidden(hidden);
}

/// The browser's text as UTF-8, encoded by the browser and copied into the module in one piece:
/// wasm-bindgen's string passing (what [`input_value`] uses) copies ASCII text one character at a
/// time in JavaScript, about 15 ms for the 2 MiB of a 1,000-certificate paste.
pub fn utf8(value: &BrowserText) -> String {
    let bytes = Utf8Encoder::new().encode(&value.0).to_vec();
    // The encoder writes UTF-8; were it not, the text is kept with replacement characters.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Empties the file input an event came from (so that picking the same file again is a change).
pub fn clear_file_input(event: &yew::Event) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// Moves the focus to the element `node` refers to, if it is mounted.
pub fn focus(node: &yew::NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        element.focus().ok();
    }
}

/// Drops the page's selection: the caret in a text area about to be hidden. Chromium keeps that
/// selection, inside the hidden area's text, and brings the page's style up to date for it in a
/// task of its own after every later change to the page (35–100 ms each time with 1.4 MiB in the
/// area: "show all" after a paste took 1.9 s instead of 0.25); with the caret still there, hiding
/// the area and moving the focus away cost 26 ms instead of 5 (bench/README.md, "Issue 16").
pub fn drop_selection() {
    if let Some(selection) =
        web_sys::window().and_then(|window| window.get_selection().ok().flatten())
    {
        selection.remove_all_ranges().ok();
    }
}

/// Runs `task` on the page's event loop.
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
}

/// The browser's preferred languages, best first (`navigator.languages`, else
/// `navigator.language`).
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Sets `<html lang>` (screen readers and the Han glyph forms read it).
pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // A failure leaves the attribute as it was: nothing to do about it.
        let _ = root.set_attribute("lang", tag);
    }
}

/// The element with this id, if the document has one.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// A file the user picked or dropped: its name and bytes. Never stored anywhere but in memory.
pub use crate::page_worker::File as LoadedFile;

/// A file picked or dropped, not read yet.
pub type PickedFile = web_sys::File;

/// Reads files into memory; of a file past the ceiling of an input (`input::MAX_INPUT_BYTES`),
/// which the analysis does not read, only its beginning (`input::HEAD_BYTES`) and its size (a video picked by mistake
/// is never copied into the module, nor sent to the Worker at every change); a file that cannot
/// be read is reported by name.
pub async fn read_files(files: Vec<PickedFile>) -> Vec<Result<LoadedFile, String>> {
    let ceiling = crate::analysis::input::MAX_INPUT_BYTES as f64;
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let size = file.size();
        let blob: web_sys::Blob = if size > ceiling {
            let head = crate::analysis::input::HEAD_BYTES as f64;
            match file.slice_with_f64_and_f64(0.0, head) {
                Ok(head) => head,
                Err(_) => {
                    out.push(Err(name));
                    continue;
                }
            }
        } else {
            file.into()
        };
        let read = JsFuture::from(blob.array_buffer()).await;
        out.push(match read {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                Ok(if size > ceiling {
                    // A file's size is a whole number of bytes, below 2^53.
                    LoadedFile::beginning(name, bytes, size as u64)
                } else {
                    LoadedFile::new(name, bytes)
                })
            }
            Err(_) => Err(name),
        });
    }
    out
}

/// Makes a panic show a readable error instead of leaving a dead page. The release build aborts
/// on panic, and an abort reaches the page as an uncaught `WebAssembly.RuntimeError`, which the
/// loader (www/loader.js) turns into the error banner, leaving everything typed in place to copy;
/// a trap with no panic (out of memory) takes the same way. This hook only leaves where the panic
/// happened on the page element (`data-panic-at`), for the banner to name. Never any input.
///
/// The page's own build (scripts/build-page.sh) panics with an immediate trap: no hook runs there,
/// and the banner names the trapping function from the trap's stack instead. This hook serves the
/// other builds (a plain `trunk build`, the browser tests).
pub fn install_panic_screen() {
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| mark_panic(info.location())));
}

/// What the panic hook does: `data-panic-at="file:line"` on `#app` (empty when the location is
/// unknown), nothing else.
pub fn mark_panic(location: Option<&std::panic::Location<'_>>) {
    let at = location
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_default();
    if let Some(app) = element_by_id("app") {
        app.set_attribute("data-panic-at", &at).ok();
    }
}

/// The files carried by a drop event, taken out of the event now (its `FileList` does not outlive it).
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<PickedFile> {
    event
        .data_transfer()
        .and_then(|d| d.files())
        .map(file_list)
        .unwrap_or_default()
}

/// The files of an `<input type="file">` change event, taken out now (resetting the input empties
/// its live `FileList`).
pub fn picked_files(event: &web_sys::Event) -> Vec<PickedFile> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .map(file_list)
        .unwrap_or_default()
}

fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A fresh nonce from `crypto.getRandomValues`, shaped as a version-4 UUID. Falls back to the
/// clock only if the browser has no Web Crypto (every supported browser has it).
pub fn nonce() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        bytes =
            (js_sys::Date::now() as u128 ^ (js_sys::Math::random() * 1e18) as u128).to_le_bytes();
    }
    crate::signing::uuid_nonce(bytes)
}

/// Copies text to the clipboard (a user gesture calls this). Failures are silent: the text is
/// on the page to select by hand.
pub fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Offers `text` as a file download named `name`, from memory (a `blob:` URL revoked right after).
pub fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a")
        && let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Resolves in a later task of the event loop (a zero-delay timer), in the page or in its Worker:
/// awaiting it between slices of work lets the browser handle input and paint, and the Worker read
/// the page's newer messages.
pub async fn next_task() {
    after(0).await;
}

/// Resolves after `millis` milliseconds (a timer of the page or of the Worker).
pub async fn after(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let global = js_sys::global();
        if let Some(window) = global.dyn_ref::<web_sys::Window>() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        } else if let Some(scope) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
            let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A browser timer, one-shot or repeating, cancelled when dropped.
pub struct Timer {
    id: i32,
    repeating: bool,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `fire` once after `millis` milliseconds.
    pub fn once(millis: i32, fire: impl FnMut() + 'static) -> Option<Self> {
        Self::start(millis, false, fire)
    }

    /// Calls `tick` every `millis` milliseconds.
    pub fn every(millis: i32, tick: impl FnMut() + 'static) -> Option<Self> {
        Self::start(millis, true, tick)
    }

    fn start(millis: i32, repeating: bool, f: impl FnMut() + 'static) -> Option<Self> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
        let window = web_sys::window()?;
        let function = callback.as_ref().unchecked_ref();
        let id = if repeating {
            window.set_interval_with_callback_and_timeout_and_arguments_0(function, millis)
        } else {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(function, millis)
        }
        .ok()?;
        Some(Self {
            id,
            repeating,
            _callback: callback,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            if self.repeating {
                window.clear_interval_with_handle(self.id);
            } else {
                window.clear_timeout_with_handle(self.id);
            }
        }
    }
}

/// Whether the `<details>` element a `toggle` event came from is open now.
pub fn details_open(event: &yew::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// The page's Worker (www/worker.js, loading this same module), seen from the main thread: messages
/// go to it as bytes, its answers and its failure come back to the callbacks. Dropping it ends it.
pub struct PageWorker {
    worker: web_sys::Worker,
    _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl PageWorker {
    /// Starts the Worker; `on_message` gets each answer's bytes, `on_error` the error's message when
    /// the Worker stops (a trap in its module, or its script failing to load).
    pub fn start(
        mut on_message: impl FnMut(Vec<u8>) + 'static,
        mut on_error: impl FnMut(String) + 'static,
    ) -> Option<Self> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options("worker.js", &options).ok()?;
        let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| on_message(bytes_of(&event.data())),
        );
        let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |event: web_sys::Event| {
                event.prevent_default();
                let message = event
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(web_sys::ErrorEvent::message)
                    .unwrap_or_default();
                on_error(message);
            },
        );
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // This module, compiled already: the Worker instantiates it rather than compiling it again.
        let _ = worker.post_message(&wasm_bindgen::module());
        Some(Self {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a message (its buffer is moved to the Worker, not copied again).
    pub fn post(&self, bytes: &[u8]) {
        let array = js_sys::Uint8Array::from(bytes);
        let _ = self
            .worker
            .post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
    }
}

impl Drop for PageWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Says on the document element where the core runs (`data-engine`: `worker` once the page's
/// Worker answers, `page` when the page runs it itself), for the tests and the benchmarks.
pub fn mark_engine(engine: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-engine", engine);
    }
}

/// In the Worker: a performance mark named `name` (what the tests read to know what it did).
pub fn worker_mark(name: &str) {
    if let Ok(scope) = js_sys::global().dyn_into::<web_sys::WorkerGlobalScope>()
        && let Some(performance) = scope.performance()
    {
        let _ = performance.mark(name);
    }
}

/// The browser's WebCrypto (`crypto.subtle`), in the page or the Worker; none outside a secure
/// context (a page served over plain HTTP from another host than this machine).
fn subtle_crypto() -> Option<web_sys::SubtleCrypto> {
    let global = js_sys::global();
    let crypto = match global.dyn_ref::<web_sys::Window>() {
        Some(window) => window.crypto().ok()?,
        None => global
            .dyn_ref::<web_sys::WorkerGlobalScope>()?
            .crypto()
            .ok()?,
    };
    let subtle = crypto.subtle();
    (!JsValue::from(subtle.clone()).is_undefined()).then_some(subtle)
}

/// A plain object of string properties (a WebCrypto algorithm's parameters).
fn object_of(properties: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (name, value) in properties {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    object
}

/// The WebCrypto parameters of a check's algorithm: to import its key, and to verify with it.
fn web_crypto_parameters(scheme: PortableScheme) -> Option<(js_sys::Object, js_sys::Object)> {
    Some(match scheme {
        PortableScheme::RsaPkcs1(hash) => {
            let name = ("name", "RSASSA-PKCS1-v1_5");
            let hash = ("hash", hash.web_crypto_name()?);
            (object_of(&[name, hash]), object_of(&[name]))
        }
        PortableScheme::Ecdsa(curve, hash) => {
            let name = ("name", "ECDSA");
            let hash = ("hash", hash.web_crypto_name()?);
            (
                object_of(&[name, ("namedCurve", curve.as_str())]),
                object_of(&[name, hash]),
            )
        }
    })
}

/// The checks of `checks` that verify with the browser's WebCrypto (native code, about ten times
/// faster than the module's RSA and P-256 in the browser: bench/README.md), each signer's key
/// imported once: the ones to give back to the analysis (`Job::confirm`). A key or check
/// WebCrypto refuses, or a browser without it, leaves its checks to the analysis, which verifies
/// them itself; so does a "does not verify".
pub async fn verified_by_web_crypto(checks: &[(CheckId, PortableCheck<'_>)]) -> Vec<CheckId> {
    let Some(subtle) = subtle_crypto() else {
        return Vec::new();
    };
    let usages = js_sys::Array::of1(&"verify".into());
    let mut keys: HashMap<(usize, PortableScheme), Option<web_sys::CryptoKey>> = HashMap::new();
    let mut pending = Vec::with_capacity(checks.len());
    for (id, check) in checks {
        let Some((import, verify)) = web_crypto_parameters(check.scheme) else {
            continue;
        };
        let key = match keys.get(&(id.signer(), check.scheme)) {
            Some(key) => key.clone(),
            None => {
                let spki = js_sys::Uint8Array::from(&check.spki[..]);
                let imported =
                    match subtle.import_key_with_object("spki", &spki, &import, false, &usages) {
                        Ok(promise) => JsFuture::from(promise)
                            .await
                            .ok()
                            .map(JsCast::unchecked_into),
                        Err(_) => None,
                    };
                keys.insert((id.signer(), check.scheme), imported.clone());
                imported
            }
        };
        let Some(key) = key else {
            continue;
        };
        // WebCrypto copies the signature and the message as it is called.
        if let Ok(promise) = subtle.verify_with_object_and_u8_array_and_u8_array(
            &verify,
            &key,
            &check.signature,
            check.message,
        ) {
            pending.push((*id, JsFuture::from(promise)));
        }
    }
    let mut verified = Vec::with_capacity(pending.len());
    for (id, answer) in pending {
        if answer
            .await
            .is_ok_and(|valid| valid.as_bool() == Some(true))
        {
            verified.push(id);
        }
    }
    verified
}

/// Whether this module runs in the page's Worker rather than in the page.
pub fn in_worker() -> bool {
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .is_ok()
}

/// A message's bytes (a message that is not a `Uint8Array` has none).
fn bytes_of(data: &JsValue) -> Vec<u8> {
    data.dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .unwrap_or_default()
}

/// In the Worker: sends an answer to the page.
pub fn answer_page(bytes: &[u8]) {
    if let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
        let array = js_sys::Uint8Array::from(bytes);
        let _ = scope.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
    }
}

/// In the Worker: hands `on_message` each message from the page, first those that arrived while the
/// module loaded (www/worker.js keeps them in `self.queued`), then each as it comes.
pub fn listen_to_page(on_message: impl FnMut(Vec<u8>) + 'static) {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let on_message = std::rc::Rc::new(std::cell::RefCell::new(on_message));
    let handler = {
        let on_message = on_message.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| (on_message.borrow_mut())(bytes_of(&event.data())),
        )
    };
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the Worker.
    handler.forget();
    if let Ok(queued) = js_sys::Reflect::get(&scope, &JsValue::from_str("queued")) {
        let queued: js_sys::Array = queued.unchecked_into();
        for data in queued.iter() {
            (on_message.borrow_mut())(bytes_of(&data));
        }
        queued.set_length(0);
    }
}
