//! The analysis' module layout holds (ARCHITECTURE.md, code map): the leaves import nothing of
//! the analysis, the container decoders know nothing of items or diagnostics, and the decoder of
//! inputs does not reach into the containers, so that no import cycle comes back.

use crate::corpus::repo;

/// The analysis modules `file` names (`super::x`, `crate::analysis::x`, `use super::{x, ...}`).
#[track_caller]
fn analysis_imports(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("src/analysis").join(file)).expect(file);
    // Unit tests may reach anywhere; comments (doc links) import nothing.
    let text: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut names = Vec::new();
    for prefix in ["super::", "crate::analysis::"] {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(
                    group
                        .split(',')
                        .map(|n| n.trim().split("::").next().unwrap_or_default().to_owned()),
                );
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
            }
        }
    }
    names.retain(|n| {
        n.starts_with(|c: char| c.is_ascii_lowercase())
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    });
    names.sort();
    names.dedup();
    names
}

#[test]
fn the_analysis_layout_has_no_import_cycle_back() {
    for leaf in ["item.rs", "pem.rs", "oids.rs", "name.rs"] {
        let names = analysis_imports(leaf);
        assert!(
            names.iter().all(|n| n == "oid_names"),
            "{leaf} is a leaf, yet imports {names:?}"
        );
    }
    for decoder in ["pkcs7.rs", "pkcs12.rs"] {
        let names = analysis_imports(decoder);
        for forbidden in ["input", "item", "containers", "job"] {
            assert!(
                !names.iter().any(|n| n == forbidden),
                "{decoder} returns DER and typed errors, yet imports {forbidden}"
            );
        }
    }
    let input = analysis_imports("input.rs");
    for forbidden in [
        "pkcs7",
        "pkcs12",
        "private_key",
        "containers",
        "job",
        "chain",
    ] {
        assert!(
            !input.iter().any(|n| n == forbidden),
            "input.rs decodes inputs into items, yet imports {forbidden}: {input:?}"
        );
    }
    // The check sees imports at all: input.rs does use the block scanner.
    assert!(input.iter().any(|n| n == "pem"), "{input:?}");
}
