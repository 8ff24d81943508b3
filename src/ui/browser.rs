//! Everything that touches the browser directly: the clock, files, element lookup and the panic
//! screen. Components call these functions instead of web-sys, so the rest stays plain Yew.

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser's clock as time since the Unix epoch (the core takes time as an argument).
pub fn now() -> Duration {
    let millis = js_sys::Date::now();
    if millis.is_finite() && millis > 0.0 {
        Duration::from_millis(millis as u64)
    } else {
        Duration::ZERO
    }
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

/// Reads files into memory; a file that cannot be read is reported by name.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<Result<LoadedFile, String>> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let read = JsFuture::from(file.array_buffer()).await;
        out.push(match read {
            Ok(buffer) => Ok(LoadedFile {
                name,
                bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
            }),
            Err(_) => Err(name),
        });
    }
    out
}

/// Replaces the page with a readable error when Rust panics, rather than leaving a frozen page.
/// The message names the problem; it never contains input (which may hold a key).
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
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

/// The files carried by a drop event, taken out of the event now (its `FileList` does not outlive it).
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    event
        .data_transfer()
        .and_then(|d| d.files())
        .map(file_list)
        .unwrap_or_default()
}

/// The files of an `<input type="file">` change event, taken out now (resetting the input empties
/// its live `FileList`).
pub fn picked_files(event: &web_sys::Event) -> Vec<web_sys::File> {
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
