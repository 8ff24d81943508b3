//! The normalised bundle: the certificates as a target should receive them, with what changed
//! from the text as given.

use super::pem;
use crate::analysis::{Analysis, chain::Verdict};
use serde::Serialize;

/// What the target wants done with a self-signed root at the top of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RootPolicy {
    /// Keep it (the target wants the complete path, e.g. a chain field "intermediate → root").
    Keep,
    /// Drop it (clients have it; it only takes a slot).
    Drop,
}

/// The certificates as the target should receive them. In JSON (`fixes.bundle` of the command
/// line's output) the PEM texts are `certificate`, `chain` and `after`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bundle {
    /// Certificate indices (input order numbering), leaf first.
    pub order: Vec<usize>,
    /// The first certificate, PEM (LF, 64 columns, final newline).
    #[serde(rename = "certificate")]
    pub leaf_pem: String,
    /// The certificates after the first, PEM, concatenated with nothing between them.
    #[serde(rename = "chain")]
    pub chain_pem: String,
    /// Everything: `leaf_pem` followed by `chain_pem`.
    #[serde(rename = "after")]
    pub full_pem: String,
    /// The certificate text as given (all certificate blocks of the inputs, in input order).
    pub before: String,
    /// What changed between `before` and `full_pem`, one sentence each; empty when nothing did.
    pub changes: Vec<String>,
}

/// Builds the bundle for a target from the analysed material; `original_certificate_text` is the
/// certificate text as the user gave it (the before/after view's "before"). `None` without
/// certificates.
pub fn normalise_bundle(
    analysis: &Analysis,
    root: RootPolicy,
    original_certificate_text: &str,
) -> Option<Bundle> {
    let report = &analysis.report;
    let chain = &report.chain;
    if analysis.certificates.is_empty() || chain.verdict == Verdict::Empty {
        return None;
    }
    let mut order = chain.order.clone();
    let mut changes = Vec::new();
    // The path's indices are distinct: it is in input order when they increase.
    if chain.verdict == Verdict::Reorderable || !order.is_sorted() {
        changes.push(format!(
            "put the certificates in chain order, leaf first: {}",
            order
                .iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(" → ")
        ));
    }
    if !chain.duplicates.is_empty() {
        changes.push(format!(
            "removed {} duplicate certificate(s)",
            chain.duplicates.len()
        ));
    }
    if !chain.not_on_path.is_empty() {
        changes.push(format!(
            "removed {} certificate(s) not on the leaf's path: {}",
            chain.not_on_path.len(),
            chain
                .not_on_path
                .iter()
                .map(|i| format!("#{i} ({})", analysis.certificates[*i].summary.subject))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if root == RootPolicy::Drop && chain.root_included && order.len() > 1 {
        let dropped = order.pop().expect("order has more than one entry");
        changes.push(format!(
            "dropped the self-signed root #{dropped} ({}): clients already have it",
            analysis.certificates[dropped].summary.subject
        ));
    }
    let pems: Vec<String> = order
        .iter()
        .map(|&i| pem("CERTIFICATE", &analysis.certificates[i].der))
        .collect();
    let leaf_pem = pems.first().cloned().unwrap_or_default();
    let chain_pem: String = pems.iter().skip(1).map(String::as_str).collect();
    let full_pem = format!("{leaf_pem}{chain_pem}");
    let before = original_certificate_text.to_owned();
    if changes.is_empty() && before != full_pem {
        changes.push(
            "rewrote the PEM text: LF line endings, 64-column base64, no text or blank lines \
             between blocks, one final newline"
                .into(),
        );
    } else if !changes.is_empty() {
        changes.push("wrote the PEM text with LF line endings and 64-column base64".into());
    }
    Some(Bundle {
        order,
        leaf_pem,
        chain_pem,
        full_pem,
        before,
        changes,
    })
}
