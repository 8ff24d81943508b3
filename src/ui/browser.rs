//! Everything that touches the browser directly: the clock, files, element lookup and the panic
//! screen. Components call these functions instead of web-sys, so the rest stays plain Yew.

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser's clock as time since the Unix epoch (the core takes time as an argument).
pub fn now() -> Duration {
    let millis = js_sys::Date::now();
    if millis.is_finite() && millis > 0.0 { Duration::from_millis(millis as u64) } else { Duration::ZERO }
}

/// The element with this id, if the document has one.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// A file the user picked or dropped: its name and bytes. Never stored anywhere but in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedFile {
    /// The file's name as the browser reports it.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Reads every file of a `FileList` into memory; a file that cannot be read is reported by name.
pub async fn read_files(files: web_sys::FileList) -> Vec<Result<LoadedFile, String>> {
    let mut out = Vec::new();
    for index in 0..files.length() {
        let Some(file) = files.get(index) else { continue };
        let name = file.name();
        let read = JsFuture::from(file.array_buffer()).await;
        out.push(match read {
            Ok(buffer) => Ok(LoadedFile { name, bytes: js_sys::Uint8Array::new(&buffer).to_vec() }),
            Err(_) => Err(name),
        });
    }
    out
}

/// Replaces the page with a readable error when Rust panics, rather than leaving a frozen page.
/// The message names the problem; it never contains input (which may hold a key).
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(body) = document.body() else { return };
        if let Ok(banner) = document.create_element("div") {
            banner.set_id("panic");
            banner.set_class_name("panic");
            banner.set_attribute("role", "alert").ok();
            banner.set_text_content(Some(&format!(
                "cert-preflight hit an internal error{location}. Your input was not sent anywhere. \
                 Reload the page to start again, and please report this."
            )));
            body.prepend_with_node_1(&banner).ok();
        }
    }));
}

/// The `FileList` carried by a drop event, if any.
pub fn dropped_files(event: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    event.data_transfer()?.files()
}

/// The `FileList` of an `<input type="file">` change event, if any.
pub fn picked_files(event: &web_sys::Event) -> Option<web_sys::FileList> {
    event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.files()
}
