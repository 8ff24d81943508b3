//! Tidy: the invariants of ARCHITECTURE.md that a grep can check.
//! - every Rust module starts with a `//!` header;
//! - no core file (anything outside `src/ui*`, `src/cli.rs`, `src/main.rs`) names a browser crate,
//!   the clock or a random source;
//! - every diagnostic code has documentation;
//! - shared code (outside `src/providers/`) names no target's ID, API or API-specific field;
//! - the browser crates sit only under the wasm32 target table of Cargo.toml;
//! - in the page, only `src/ui/browser.rs` names them.

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
    text.starts_with("src/ui")
        || text == "src/cli.rs"
        || text == "src/main.rs"
        || text == "src/js_api.rs"
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

/// Shared code never names a target: no file outside `src/providers/` holds a string literal that
/// is a target's ID, API name, or one of its API-specific field names (those with `_`, `.` or an
/// uppercase letter, such as `enc_certificate` or `CACertificateName`) or numbered-field stems.
/// What a target knows lives in its file; shared code reads it from the registry.
#[test]
fn shared_code_never_names_a_target() {
    use cert_preflight::providers::ProviderId;
    let mut names = std::collections::BTreeSet::new();
    for provider in ProviderId::all() {
        let spec = provider.spec();
        names.insert(spec.id.to_owned());
        names.insert(spec.api.to_owned());
        for field in spec.fields {
            if field.name.contains(['_', '.']) || field.name.chars().any(|c| c.is_ascii_uppercase())
            {
                names.insert(field.name.to_owned());
            }
        }
        for family in spec.numbered {
            names.insert(format!("{}.", family.stem));
        }
        for field in spec.fields {
            if let cert_preflight::providers::Shape::OneOf(values) = field.shape {
                names.extend(
                    values
                        .iter()
                        .filter(|v| v.contains('_'))
                        .map(|v| (*v).to_owned()),
                );
            }
        }
    }
    let providers_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/providers");
    let mut checked = 0;
    for file in src_files()
        .into_iter()
        .filter(|f| !f.starts_with(&providers_dir))
    {
        let text = std::fs::read_to_string(&file).expect("readable");
        // Unit tests at the end of a file may use real parameters as sample data.
        let code_part = text.split("#[cfg(test)]").next().unwrap_or("");
        for (number, line) in code_part.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in &names {
                let quoted = if name.ends_with('.') {
                    format!("\"{name}")
                } else {
                    format!("\"{name}\"")
                };
                assert!(
                    !code.contains(&quoted),
                    "{}:{}: shared code names the target data {name:?}: {line}",
                    file.display(),
                    number + 1
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} shared files checked");
}

/// ARCHITECTURE.md: only `ui/browser.rs` touches the browser (web-sys, js-sys, wasm-bindgen and
/// its futures); the page's other files call it.
#[test]
fn only_browser_rs_names_the_browser_crates() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let browser = ui.join("browser.rs");
    let mut checked = 0;
    for file in src_files()
        .into_iter()
        .filter(|f| f.starts_with(&ui) && *f != browser)
    {
        let text = std::fs::read_to_string(&file).expect("readable");
        for word in ["web_sys", "js_sys", "wasm_bindgen"] {
            assert!(
                !text.contains(word),
                "{} names {word}: call ui/browser.rs instead",
                file.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} page files checked");
    let text = std::fs::read_to_string(&browser).expect("readable");
    assert!(text.contains("web_sys") && text.contains("js_sys"));
}
