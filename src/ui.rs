//! The browser edge (wasm32 only): the Yew app, its state, its components, its hooks, the page's
//! Worker (`worker.rs`, the same module run in a Worker: it analyses, checks and signs) and the one
//! module that touches web-sys (`browser.rs`: files, time, values, tasks, the Worker, the panic screen).
//! The core is called, never imitated.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod state;
pub mod worker;

/// Mounts the app on `#app`, after installing a panic hook that shows an error instead of a dead page.
pub fn start() {
    browser::install_panic_screen();
    // The Worker loads while the page renders for the first time.
    hooks::use_worker::start_worker();
    if let Some(root) = browser::element_by_id("app") {
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
