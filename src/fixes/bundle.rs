//! The normalised bundle: the certificates as a target should receive them, with what changed
//! from the text as given.

use super::pem;
use crate::analysis::{Analysis, chain::Verdict};
use serde::Serialize;

/// How many of the certificates dropped off the leaf's path the change names; the rest it counts.
pub const NAMED_DROPS: usize = 10;

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
    /// The same sentences in Simplified Chinese.
    #[serde(skip)]
    pub changes_zh: Vec<String>,
}

impl Bundle {
    /// What changed, in `lang`.
    pub fn changes_in(&self, lang: crate::lang::Lang) -> &[String] {
        lang.pick(&self.changes, &self.changes_zh)
    }
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
    let mut changes: Vec<crate::lang::Text> = Vec::new();
    // The path's indices are distinct: it is in input order when they increase.
    if chain.verdict == Verdict::Reorderable || !order.is_sorted() {
        let order = order
            .iter()
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(" → ");
        changes.push(tr!(
            "put the certificates in chain order, leaf first: {order}",
            "按证书链顺序排列证书，叶子证书在前：{order}"
        ));
    }
    if !chain.duplicates.is_empty() {
        let count = chain.duplicates.len();
        changes.push(tr!(
            "removed {count} duplicate certificate(s)",
            "删除了 {count} 张重复的证书"
        ));
    }
    if !chain.not_on_path.is_empty() {
        let count = chain.not_on_path.len();
        // The first few by name, then how many more: a bundle of 1,000 would otherwise make one
        // sentence of every subject (90 KB for bench/data/bundle1000.pem).
        let which = chain
            .not_on_path
            .iter()
            .take(NAMED_DROPS)
            .map(|i| format!("#{i} ({})", analysis.certificates[*i].summary.subject))
            .collect::<Vec<_>>()
            .join(", ");
        let more = count.saturating_sub(NAMED_DROPS);
        changes.push(if more == 0 {
            tr!(
                "removed {count} certificate(s) not on the leaf's path: {which}",
                "删除了 {count} 张不在叶子证书路径上的证书：{which}"
            )
        } else {
            tr!(
                "removed {count} certificate(s) not on the leaf's path: {which} and {more} more",
                "删除了 {count} 张不在叶子证书路径上的证书：{which}，另有 {more} 张"
            )
        });
    }
    if root == RootPolicy::Drop && chain.root_included && order.len() > 1 {
        let dropped = order.pop().expect("order has more than one entry");
        let subject = &analysis.certificates[dropped].summary.subject;
        changes.push(tr!(
            "dropped the self-signed root #{dropped} ({subject}): clients already have it",
            "去掉了自签名根证书 #{dropped}（{subject}）：客户端已内置"
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
        changes.push(tr!(
            "rewrote the PEM text: LF line endings, 64-column base64, no text or blank lines \
             between blocks, one final newline",
            "重写了 PEM 文本：LF 换行，base64 每行 64 个字符，块之间没有文字或空行，末尾一个换行"
        ));
    } else if !changes.is_empty() {
        changes.push(tr!(
            "wrote the PEM text with LF line endings and 64-column base64",
            "以 LF 换行、base64 每行 64 个字符写出 PEM 文本"
        ));
    }
    let (changes, changes_zh) = changes
        .into_iter()
        .map(|t| (t.en().to_owned(), t.zh().to_owned()))
        .unzip();
    Some(Bundle {
        order,
        leaf_pem,
        chain_pem,
        full_pem,
        before,
        changes,
        changes_zh,
    })
}
