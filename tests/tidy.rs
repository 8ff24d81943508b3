//! Tidy: the invariants of ARCHITECTURE.md that a grep can check.
//! - every Rust module starts with a `//!` header;
//! - no core file (anything outside `src/ui*`, `src/cli.rs`, `src/main.rs`) names a browser crate,
//!   the clock or a random source;
//! - every diagnostic code has documentation;
//! - the browser crates sit only under the wasm32 target table of Cargo.toml.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() >= 10, "src has too few files: {files:?}");
    files
}

fn is_edge(path: &Path) -> bool {
    let relative = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside the crate");
    let text = relative.to_string_lossy();
    text.starts_with("src/ui") || text == "src/cli.rs" || text == "src/main.rs"
}

#[test]
fn every_module_has_a_header() {
    for file in src_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! header",
            file.display()
        );
    }
}

#[test]
fn the_core_never_touches_browser_clock_or_randomness() {
    const FORBIDDEN: &[&str] = &[
        "yew",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "gloo",
        "SystemTime::now",
        "Instant::now",
        "thread_rng",
        "OsRng",
        "getrandom",
        "std::fs",
        "std::net",
    ];
    let mut checked = 0;
    for file in src_files().into_iter().filter(|f| !is_edge(f)) {
        let text = std::fs::read_to_string(&file).expect("readable");
        for word in FORBIDDEN {
            assert!(
                !text.contains(word),
                "core file {} mentions {word}",
                file.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} core files checked");
}

#[test]
fn every_diagnostic_code_is_documented() {
    for code in cert_preflight::Code::ALL {
        assert!(
            code.documentation().split_whitespace().count() >= 8,
            "{code} needs documentation"
        );
    }
}

#[test]
fn browser_crates_are_only_in_the_wasm32_table() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("Cargo.toml");
    let mut table = String::new();
    for line in manifest.lines() {
        if line.starts_with('[') {
            table = line.to_owned();
        }
        for krate in [
            "yew",
            "wasm-bindgen ",
            "web-sys",
            "js-sys",
            "wasm-bindgen-futures",
        ] {
            if line.starts_with(krate) {
                assert!(
                    table.contains("wasm32"),
                    "{krate} is declared under {table}, not the wasm32 table"
                );
            }
        }
    }
}
