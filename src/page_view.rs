//! What the page shows, as plain values: built here from the core's results by the page's Worker,
//! sent to the page's main thread as serde values, and rendered there without calling the core.
//! Every text a person reads is here in both languages ([`Text`]), so that switching the language
//! asks nothing of the Worker.
//!
//! Long lists (certificate cards, findings of one severity, the chain's path, what is not on it,
//! duplicates) carry their first [`LIST_LIMIT`] items and their total until the page asks for the
//! whole list ([`List`], [`Whole`]): a 1,000-certificate bundle's view is then a few dozen items to
//! encode, move, decode and lay out, not thousands.

use crate::analysis::Analysis;
use crate::analysis::certificate::{CertificateSummary, Expiry};
use crate::analysis::chain::{ChainReport, Verdict};
use crate::diagnostic::{Code, Diagnostic, InputLocation, Location, Severity, Surface};
use crate::fix_choice::{self, Fix};
use crate::lang::{Lang, Text};
use crate::material_routing::input_name_in;
use crate::providers::console::console_sheet;
use crate::providers::{ConsoleSheet, Fields, Preparation};
use crate::request::Outcome;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// How many items a long list shows until the page asks for all of it: building thousands of
/// elements would hold the page for a second, laying out 100 cards and 100 warnings held it for
/// about 0.2 s in one task, and the answer of a 1,000-certificate bundle with 20 cards and 20
/// warnings for 47–60 ms, with 10 of each 40–42 ms (bench/browser/mainthread.mjs; issue 16 wants
/// no task over 50 ms).
pub const LIST_LIMIT: usize = 10;

/// A long list of the view, cut at [`LIST_LIMIT`] items until the page asks for all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum List {
    /// The certificate cards.
    Certificates,
    /// The findings of one severity.
    Findings(Severity),
    /// The chain's path.
    Path,
    /// The certificates not on the path.
    NotOnPath,
    /// The certificates given twice.
    Duplicates,
}

/// The lists the page shows whole (asked for by "show all"); the others are cut.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Whole(Vec<List>);

impl Whole {
    /// Shows `list` whole from now on.
    pub fn insert(&mut self, list: List) {
        if !self.0.contains(&list) {
            self.0.push(list);
        }
    }

    /// How many items of `list` are shown.
    pub fn limit(&self, list: List) -> usize {
        if self.0.contains(&list) {
            usize::MAX
        } else {
            LIST_LIMIT
        }
    }
}

/// How many findings there are of each severity (the view carries at most [`LIST_LIMIT`] of each
/// until asked for all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingCounts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub info: usize,
}

impl FindingCounts {
    /// How many there are of `severity`.
    pub fn of(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    fn count(&mut self, severity: Severity) -> usize {
        let count = match severity {
            Severity::Error => &mut self.error,
            Severity::Warning => &mut self.warning,
            Severity::Info => &mut self.info,
        };
        *count += 1;
        *count
    }
}

/// The analysis and the target's checks as the page shows them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// The certificates shown, in input order: the first [`LIST_LIMIT`], or all when asked.
    pub certificates: Vec<CertificateView>,
    /// How many certificates there are.
    pub certificate_count: usize,
    /// The chain built from them.
    pub chain: ChainView,
    /// The analysis' findings (with the provider's error names) and the target's findings about the
    /// material, in the order found: the first [`LIST_LIMIT`] of each severity, or all when asked.
    pub findings: Vec<Finding>,
    /// How many findings there are of each severity.
    pub finding_counts: FindingCounts,
    /// The target's findings about its fields (shown beside them).
    pub field_findings: Vec<Finding>,
    /// The one-click fixes that apply.
    pub fixes: Vec<Fix>,
    /// What the request changes in the certificates for this target.
    pub bundle_changes: Vec<Text>,
    /// When it changes something: the certificate text as given, and as the request sends it.
    pub bundle_before_after: Option<(String, String)>,
    /// What to paste into each field of the target's console.
    pub console: ConsoleSheet,
    /// The validation time.
    pub now: Timestamp,
}

impl View {
    /// The view of `analysis` under the target's `preparation` with its `fields`; `before` is the
    /// certificate text as given (shown beside the bundle the request sends, when that differs);
    /// the long lists cut but those in `whole`.
    pub fn new(
        analysis: &Analysis,
        preparation: &Preparation,
        fields: &Fields,
        before: &str,
        now: Timestamp,
        whole: &Whole,
    ) -> Self {
        let report = &analysis.report;
        let (field_findings, material): (Vec<&Diagnostic>, Vec<&Diagnostic>) = preparation
            .diagnostics
            .iter()
            .partition(|d| matches!(d.location, Location::Field(_)));
        let mut finding_counts = FindingCounts::default();
        let findings = preparation
            .analysis_diagnostics
            .iter()
            .chain(material)
            .filter(|d| finding_counts.count(d.severity) <= whole.limit(List::Findings(d.severity)))
            .map(Finding::new)
            .collect();
        let bundle = preparation
            .bundle
            .as_ref()
            .filter(|b| !b.changes.is_empty());
        Self {
            certificates: report
                .certificates
                .iter()
                .take(whole.limit(List::Certificates))
                .map(CertificateView::new)
                .collect(),
            certificate_count: report.certificates.len(),
            chain: ChainView::new(
                &report.chain,
                &report.certificates,
                report
                    .diagnostics
                    .iter()
                    .any(|d| matches!(d.code, Code::ChainMissingIssuer | Code::ChainIncomplete)),
                whole,
            ),
            findings,
            finding_counts,
            field_findings: field_findings.into_iter().map(Finding::new).collect(),
            fixes: Fix::ALL
                .into_iter()
                .filter(|&fix| fix_choice::applies(fix, analysis, preparation))
                .collect(),
            bundle_changes: bundle.map_or_else(Vec::new, |b| {
                b.changes
                    .iter()
                    .zip(&b.changes_zh)
                    .map(|(en, zh)| Text::new(en.as_str(), zh.as_str()))
                    .collect()
            }),
            bundle_before_after: bundle.map(|b| (before.to_owned(), b.full_pem.clone())),
            console: console_sheet(preparation, fields),
            now,
        }
    }
}

/// The chain as the page draws it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChainView {
    /// The verdict.
    pub verdict: Verdict,
    /// The path shown, leaf first: the first [`LIST_LIMIT`] certificates, or all when asked.
    pub path: Vec<ChainNode>,
    /// How many certificates the path has.
    pub path_length: usize,
    /// The issuer the path lacks: its name and key identifier.
    pub missing: Option<(String, Option<String>)>,
    /// Whether that is a problem (an intermediate) rather than a root left out, as most targets
    /// want.
    pub missing_is_problem: bool,
    /// Whether the path ends with a self-signed root given in the material.
    pub root_included: bool,
    /// Certificates not on the path shown, as index and title: the first [`LIST_LIMIT`], or all.
    pub not_on_path: Vec<(usize, String)>,
    /// How many certificates are not on the path.
    pub not_on_path_count: usize,
    /// Certificates given twice shown, the copy and the first: the first [`LIST_LIMIT`], or all.
    pub duplicates: Vec<(usize, usize)>,
    /// How many certificates are given twice.
    pub duplicate_count: usize,
}

/// One certificate of the chain's path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChainNode {
    /// Its index in input order.
    pub index: usize,
    /// Its card's title.
    pub title: String,
    /// Whether it is a CA certificate.
    pub is_ca: bool,
    /// Whether it is self-signed.
    pub self_signed: bool,
    /// How the signature of the next certificate of the path (its issuer) on it went; `None` for
    /// the last.
    pub issuer_link: Option<Link>,
    /// How its own signature went, for a root that ends the path.
    pub self_link: Option<Link>,
}

/// How a signature between two certificates went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Link {
    /// It verifies.
    Verified,
    /// It does not.
    Failed,
    /// It was not checked (an algorithm not supported, or the signature budget spent).
    Unchecked,
}

/// No certificate yet.
impl Default for ChainView {
    fn default() -> Self {
        Self {
            verdict: Verdict::Empty,
            path: Vec::new(),
            path_length: 0,
            missing: None,
            missing_is_problem: false,
            root_included: false,
            not_on_path: Vec::new(),
            not_on_path_count: 0,
            duplicates: Vec::new(),
            duplicate_count: 0,
        }
    }
}

impl ChainView {
    /// The view of `chain` over `certificates`, its long lists cut but those in `whole`.
    pub fn new(
        chain: &ChainReport,
        certificates: &[CertificateSummary],
        missing_is_problem: bool,
        whole: &Whole,
    ) -> Self {
        let link = |subject: usize, issuer: usize| {
            chain
                .signatures
                .iter()
                .find(|s| (s.subject_index, s.issuer_index) == (subject, issuer))
                .map_or(Link::Unchecked, |s| match (s.verified, &s.unsupported) {
                    (true, _) => Link::Verified,
                    (false, Some(_)) => Link::Unchecked,
                    (false, None) => Link::Failed,
                })
        };
        let title = |index: usize| certificates.get(index).map(title).unwrap_or_default();
        let order = &chain.order;
        let path = order
            .iter()
            .enumerate()
            .take(whole.limit(List::Path))
            .map(|(position, &index)| {
                let certificate = certificates.get(index);
                let last = position + 1 == order.len();
                ChainNode {
                    index,
                    title: title(index),
                    is_ca: certificate.is_some_and(|c| c.is_ca),
                    self_signed: certificate.is_some_and(|c| c.self_signed),
                    issuer_link: order.get(position + 1).map(|&issuer| link(index, issuer)),
                    self_link: (last && chain.root_included).then(|| link(index, index)),
                }
            })
            .collect();
        Self {
            verdict: chain.verdict,
            path,
            path_length: order.len(),
            missing: chain
                .missing_issuer
                .as_ref()
                .map(|m| (m.name.clone(), m.aki.clone())),
            missing_is_problem,
            root_included: chain.root_included,
            not_on_path: chain
                .not_on_path
                .iter()
                .take(whole.limit(List::NotOnPath))
                .map(|&index| (index, title(index)))
                .collect(),
            not_on_path_count: chain.not_on_path.len(),
            duplicates: chain
                .duplicates
                .iter()
                .take(whole.limit(List::Duplicates))
                .map(|d| (d.index, d.duplicate_of))
                .collect(),
            duplicate_count: chain.duplicates.len(),
        }
    }
}

/// A certificate's title: the name messages give it (its common name, else its first DNS name or
/// IP address, else its subject).
fn title(c: &CertificateSummary) -> String {
    crate::analysis::certificate::display_name(c).to_owned()
}

/// One finding as the page shows it: the diagnostic's code and severity, where it points (in both
/// languages, the boxes named as the page names them), its message and the page's hint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The permanent code.
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// The request field it is about, when it is about one.
    pub field: Option<String>,
    /// Where it points.
    pub place: Text,
    /// What is wrong.
    pub message: Text,
    /// What to do, as the page says it.
    pub hint: Option<Text>,
    /// The provider's own error for it, when known.
    pub provider_error: Option<String>,
}

impl Finding {
    /// The page's view of `diagnostic`.
    pub fn new(diagnostic: &Diagnostic) -> Self {
        let place = |lang| match &diagnostic.location {
            Location::Input(at) => at.text_in(lang, input_name_in(&at.file, lang)),
            _ => diagnostic.location_in(lang),
        };
        let hint = |lang| diagnostic.hint_in(Surface::Page, lang).map(str::to_owned);
        Self {
            code: diagnostic.code,
            severity: diagnostic.severity,
            field: match &diagnostic.location {
                Location::Field(name) => Some(name.clone()),
                _ => None,
            },
            place: Text::new(place(Lang::En), place(Lang::ZhCn)),
            message: Text::new(
                diagnostic.message_in(Lang::En),
                diagnostic.message_in(Lang::ZhCn),
            ),
            hint: hint(Lang::En)
                .zip(hint(Lang::ZhCn))
                .map(|(en, zh)| Text::new(en, zh)),
            provider_error: diagnostic.provider_error.clone(),
        }
    }
}

/// One certificate's facts as its card shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateView {
    /// Its index in input order.
    pub index: usize,
    /// The common name, or the subject when it has none.
    pub title: String,
    /// The input it came from, the block and the line, in both languages.
    pub place: Text,
    /// The subject (RFC 4514).
    pub subject: String,
    /// The issuer (RFC 4514).
    pub issuer: String,
    /// The subject alternative names: kind, value, and the Unicode form where it differs.
    pub sans: Vec<(String, String, Option<String>)>,
    /// notBefore.
    pub not_before: Timestamp,
    /// notAfter.
    pub not_after: Timestamp,
    /// Whether it is valid now, expired or not yet valid.
    pub expiry: Expiry,
    /// Days until notAfter (negative once expired).
    pub days_until_expiry: i64,
    /// The key: family, size, curve.
    pub key: Text,
    /// CA, self-signed, key usage, extended key usage; empty when none applies.
    pub flags: Text,
    /// The serial number, hex.
    pub serial_hex: String,
    /// The signature algorithm's name.
    pub signature_algorithm: String,
    /// SHA-1 fingerprint.
    pub sha1: String,
    /// SHA-256 fingerprint.
    pub sha256: String,
    /// Whether it is a CA certificate.
    pub is_ca: bool,
    /// Whether it is self-signed.
    pub self_signed: bool,
}

impl CertificateView {
    /// The card's view of `c`.
    pub fn new(c: &CertificateSummary) -> Self {
        let at = InputLocation {
            file: c.file.clone(),
            block: c.block,
            line: c.line,
        };
        let place = |lang: Lang| at.text_in(lang, input_name_in(&c.file, lang));
        let key = &c.public_key;
        let key_text = |lang: Lang| {
            format!(
                "{}{}{}",
                key.key_type.as_str(),
                key.bits
                    .map(|b| lang.pick(format!(" {b} bits"), format!(" {b} 位")))
                    .unwrap_or_default(),
                key.curve.map(|c| format!(" {c}")).unwrap_or_default()
            )
        };
        let both = |f: &dyn Fn(Lang) -> String| Text::new(f(Lang::En), f(Lang::ZhCn));
        Self {
            index: c.index,
            title: title(c),
            place: both(&place),
            subject: c.subject.clone(),
            issuer: c.issuer.clone(),
            sans: c
                .sans
                .iter()
                .map(|s| {
                    let unicode = s.unicode.clone().filter(|u| *u != s.value);
                    (s.kind.as_str().to_owned(), s.value.clone(), unicode)
                })
                .collect(),
            not_before: c.not_before,
            not_after: c.not_after,
            expiry: c.expiry,
            days_until_expiry: c.days_until_expiry,
            key: both(&key_text),
            flags: both(&|lang| c.flags_in(lang).join("; ")),
            serial_hex: c.serial_hex.clone(),
            signature_algorithm: c.signature_algorithm.clone(),
            sha1: c.sha1.clone(),
            sha256: c.sha256.clone(),
            is_ca: c.is_ca,
            self_signed: c.self_signed,
        }
    }
}

/// A request as the page shows it: what blocks it, or its texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    /// The errors that kept it from being built (empty when it was built).
    pub blocked: Vec<Finding>,
    /// The outputs, when it was built.
    pub texts: Option<RequestTexts>,
    /// When it was signed.
    pub at: Timestamp,
}

/// The texts of a built request, one per tab, and its figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestTexts {
    /// The curl command (with its comments, which are in each language; the rest is the same).
    pub curl: Text,
    /// The raw HTTP request.
    pub http: String,
    /// The body.
    pub body: String,
    /// The vendor CLI's command (its comments in each language), when the target has one.
    pub cli: Text,
    /// The signing stages, each as `== name` and its exact text; empty for a token request.
    pub stages: String,
    /// The URL's length in characters.
    pub url_length: usize,
    /// The body's SHA-256, hex.
    pub body_sha256: String,
    /// Whether the signature expires (it carries a time the provider checks).
    pub expires: bool,
}

impl RequestView {
    /// The page's view of `outcome`, signed at `at`.
    pub fn new(outcome: &Outcome, at: Timestamp) -> Self {
        let texts = outcome.outputs.as_ref().map(|outputs| RequestTexts {
            curl: Text::new(
                crate::render::curl_tab(outputs, Lang::En),
                crate::render::curl_tab(outputs, Lang::ZhCn),
            ),
            http: outputs.http.clone(),
            body: outputs.body.clone(),
            cli: outputs.vendor_cli.clone().unwrap_or_default(),
            stages: outputs
                .stages
                .iter()
                .map(|stage| format!("== {}\n{}\n\n", stage.name, stage.value))
                .collect(),
            url_length: outputs.url_length,
            body_sha256: outputs.body_sha256.clone(),
            expires: outputs.expires_at.is_some(),
        });
        let blocked = if texts.is_some() {
            Vec::new()
        } else {
            outcome
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(Finding::new)
                .collect()
        };
        Self { blocked, texts, at }
    }
}
