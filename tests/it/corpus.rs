//! Where the vectors are, and the validation time the corpus is made for, in one place.

use cert_preflight::analysis::{Input, Role};
use cert_preflight::time::Timestamp;
use std::path::{Path, PathBuf};

/// The validation time of the corpus and of the targets' vectors.
pub(crate) const NOW: &str = "2026-11-22T00:00:00Z";

/// [`NOW`] as the core takes it.
pub(crate) const NOW_SINCE_EPOCH: Timestamp = Timestamp::from_unix_seconds(1_795_305_600);

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/vectors/<rest>`.
pub(crate) fn vectors(rest: &str) -> PathBuf {
    repo().join("tests/vectors").join(rest)
}

/// The input file `file` of the inspect case `case`.
pub(crate) fn inspect_input(case: &str, file: &str) -> PathBuf {
    vectors("inspect").join(case).join("input").join(file)
}

/// Every inspect case folder, sorted.
#[track_caller]
pub(crate) fn inspect_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(vectors("inspect"))
        .expect("tests/vectors/inspect exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 60, "the corpus lost cases: {}", cases.len());
    cases
}

/// The files of `dir`, sorted; none when it does not exist.
#[track_caller]
pub(crate) fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("readable entry").path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The passphrase of a case's encrypted inputs: `passphrase.txt` (one line, beside `input/`).
#[track_caller]
pub(crate) fn passphrase(case: &Path) -> Option<String> {
    let text = std::fs::read_to_string(case.join("passphrase.txt")).ok()?;
    Some(text.strip_suffix('\n').unwrap_or(&text).to_owned())
}

/// Named inputs as the page gives them: the first in the certificate box, the others anywhere.
pub(crate) fn page_inputs(contents: &[(String, Vec<u8>)]) -> Vec<Input<'_>> {
    contents
        .iter()
        .enumerate()
        .map(|(k, (name, bytes))| Input {
            name,
            bytes,
            role: if k == 0 {
                Role::Certificates
            } else {
                Role::Any
            },
            size: None,
        })
        .collect()
}
