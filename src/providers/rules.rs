//! A target's rules as data: each [`Rule`] cites its [`Source`]s, and [`rule_diagnostic`] holds
//! the severity policy (a rule that no primary source states, or whose sources disagree, can only
//! warn); the errors a provider is known to answer with ([`KnownError`]) and the retirement of a
//! legacy API ([`Legacy`]).

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::lang::Text;
use serde::Serialize;
use serde::ser::SerializeStruct;

/// How much a source says about the provider's behaviour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The vendor's own description of this API: its reference page, error-code page, user
    /// guide, or its official SDK model generated from the API definition.
    Primary,
    /// Anything else: Terraform, third-party tools, a sister API's page, a FAQ about another
    /// product, an inference.
    Secondary,
}

/// A document a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document's title as the vendor publishes it (or the SDK module).
    pub document: &'static str,
    /// Where it is.
    pub url: &'static str,
    /// The date of the version read ("last updated" on the page, or the SDK release).
    pub as_of: &'static str,
    /// Primary or secondary (the severity policy reads it).
    pub kind: SourceKind,
}

/// One rule of a target API, with where it is written.
///
/// Severity policy: a rule blocks the request ([`Rule::blocks`]) only when a primary source
/// states it and nothing newer contradicts it (`disagreement` is `None`). Otherwise every check
/// of the rule warns, and its message names every source and how they disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// A stable identifier, `<provider>/<topic>`.
    pub id: &'static str,
    /// The rule, in one sentence (its JSON is the English).
    pub statement: crate::lang::Words,
    /// Where it is documented.
    pub sources: &'static [Source],
    /// How the sources disagree, when they do.
    pub disagreement: Option<crate::lang::Words>,
    /// The error the provider answers with when the rule is broken, when known.
    pub provider_error: Option<&'static str>,
}

impl Rule {
    /// Whether breaking the rule blocks the request: a primary source states it and no source
    /// disagrees.
    pub fn blocks(&self) -> bool {
        self.disagreement.is_none()
            && self
                .sources
                .iter()
                .any(|source| source.kind == SourceKind::Primary)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Rule", 6)?;
        out.serialize_field("id", self.id)?;
        out.serialize_field("statement", &self.statement)?;
        out.serialize_field("sources", self.sources)?;
        if let Some(disagreement) = self.disagreement {
            out.serialize_field("disagreement", &disagreement)?;
        }
        if let Some(error) = self.provider_error {
            out.serialize_field("provider_error", error)?;
        }
        out.serialize_field("blocks", &self.blocks())?;
        out.end()
    }
}

/// An error a provider is known to answer with, and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct KnownError {
    /// The provider's error code (`ELB.1011`, `InvalidParam.TagKey`, ...).
    pub code: &'static str,
    /// What it means, in one sentence.
    pub meaning: &'static str,
}

/// A target API that is being retired.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Legacy {
    /// Why it is legacy, in one sentence.
    pub note: crate::lang::Words,
    /// The target to use instead.
    pub successor: &'static str,
    /// The rule (with its sources) that says so.
    pub rule: &'static Rule,
}

/// The warning a check of a rule that may not block raises instead of `code`.
fn warning_for(code: Code) -> Code {
    match code {
        Code::FieldInvalid | Code::FieldMissing | Code::FieldUnknown => Code::FieldUnverifiedRule,
        Code::FieldTooLong => Code::FieldOverDisputedLimit,
        Code::TargetKeyAlgorithm => Code::TargetKeyAlgorithmUnlisted,
        _ => Code::TargetRuleUnconfirmed,
    }
}

/// A diagnostic for a broken rule, citing it. The severity policy lives here: when the rule may
/// not block ([`Rule::blocks`]), an error code becomes its warning counterpart and the message
/// names every source and how they disagree; the provider's error is attached to what is not a
/// fix already applied.
pub(crate) fn rule_diagnostic(
    code: Code,
    at: impl Into<Location>,
    rule: &Rule,
    message: impl Into<Text>,
    hint: impl Into<crate::diagnostic::Hint>,
) -> Diagnostic {
    let blocks = rule.blocks();
    let code = if code.severity() == Severity::Error && !blocks {
        warning_for(code)
    } else {
        code
    };
    let cited = |s: &Source| format!("{}, {}", s.document, s.as_of);
    let source = if blocks {
        rule.sources.first().map(cited).unwrap_or_default()
    } else {
        rule.sources
            .iter()
            .map(cited)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let id = rule.id;
    let cited = match rule.disagreement {
        Some(disagreement) => {
            let (disagreement, disagreement_zh) = (disagreement.en, disagreement.zh);
            tr!(
                " (rule {id}: {source}; the sources disagree: {disagreement})",
                "（规则 {id}：{source}；来源说法不一：{disagreement_zh}）"
            )
        }
        None if !blocks => tr!(
            " (rule {id}: {source}; no primary source states it)",
            "（规则 {id}：{source}；没有一手来源明确这样说）"
        ),
        None => tr!(" (rule {id}: {source})", "（规则 {id}：{source}）"),
    };
    let diagnostic = Diagnostic::new(code, at, message.into().followed_by(&cited), hint);
    match rule.provider_error {
        // Infos are fixes already applied: the provider will not answer with an error for them.
        Some(error) if code.severity() != Severity::Info => diagnostic.with_provider_error(error),
        _ => diagnostic,
    }
}
