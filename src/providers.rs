//! The target APIs: their parameters, limits and rules as data (each citing its document), the
//! checks that predict the provider's error before upload, and the unsigned call each one makes.
//!
//! One file per target under `providers/`, listed once in [`REGISTRY`]. This file holds the
//! registry, the description of a target ([`ProviderSpec`], [`ProviderId`]) and [`prepare`], which
//! turns analysed material plus the user's fields into diagnostics, fixes and an unsigned [`Call`].
//! What the targets share, and never names one of them, is one concept per file: `rules.rs` (rules
//! with their sources and the severity policy, [`rule_diagnostic`]), `fields.rs` (field
//! declarations, values and their generic checks), `material.rs` (shared checks of the
//! certificates and keys) and `call.rs` (the unsigned call and the vendor CLI command as values).
//! Signing a call is `crate::request::sign_call`. Pure: no clock, no randomness, no I/O.

pub mod alibaba_cas;
pub mod alibaba_kms;
pub mod alibaba_slb_ca;
pub mod alibaba_slb_server;
pub mod huawei_ccm_pca;
pub mod huawei_elb;
mod huawei_koocli;
pub mod huawei_scm;

mod call;
pub mod console;
mod fields;
mod material;
mod rules;

pub use call::{Call, CliArg, VendorCommand};
pub use console::{Console, ConsoleField, ConsoleSheet, ConsoleText, Fill, SheetField};
pub use fields::{
    FieldInput, FieldSpec, Fields, NumberedFields, NumberedPart, Otherwise, Region, Shape, When,
};
use fields::{check_fields, check_region};
pub(crate) use fields::{field_location, is_lowercase_uuid, numbered_parameters, region};
pub(crate) use material::{
    EncryptionPair, KeyRules, PairRules, SizeLimit, certificate_location, check_leaf_key,
    csr_wanted, describe_key, encryption_pair, is_ca_certificate, key_not_taken, material_location,
    report_bundle_changes, take_key,
};
pub(crate) use rules::rule_diagnostic;
pub use rules::{KnownError, Legacy, Rule, Source, SourceKind};

use crate::analysis::Analysis;
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::fixes::{Bundle, KeyPem};
use crate::signing::Scheme;
use serde::Serialize;

/// Every target, in the order the page lists them: one line each.
static REGISTRY: &[&ProviderSpec] = &[
    &alibaba_slb_ca::SPEC,
    &alibaba_slb_server::SPEC,
    &alibaba_cas::SPEC,
    &alibaba_kms::SPEC,
    &huawei_ccm_pca::SPEC,
    &huawei_elb::SPEC,
    &huawei_scm::SPEC,
];

/// What the target takes from the certificate material, as the API names it.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum MaterialRole {
    /// The certificate (leaf first; with its chain when `with_chain`).
    Certificate {
        /// The API parameter.
        parameter: &'static str,
        /// Whether the chain travels in the same parameter.
        with_chain: bool,
    },
    /// The chain above the certificate, in its own parameter.
    Chain {
        /// The API parameter.
        parameter: &'static str,
    },
    /// The private key, in the encoding the target receives it in.
    PrivateKey {
        /// The API parameter.
        parameter: &'static str,
        /// The encoding sent.
        encoding: &'static str,
    },
    /// A CSR the certificate is checked against (not sent).
    Csr {
        /// Whose CSR it is.
        whose: &'static str,
    },
    /// The SM2 encryption certificate and key, given as fields.
    EncryptionPair {
        /// The certificate's field.
        certificate: &'static str,
        /// The key's field.
        key: &'static str,
    },
}

/// How the target's credentials are scoped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuthScope {
    /// The access key alone (Alibaba): the region is in the host or a parameter.
    AccessKey,
    /// A project-level service (Huawei): AK/SK requests carry `X-Project-Id` = the value of
    /// `field`; IAM tokens are scoped to the region's project.
    Project {
        /// The field holding the project ID.
        field: &'static str,
    },
    /// An account-level (global) service (Huawei): AK/SK requests carry `X-Domain-Id` = the
    /// account ID; IAM tokens are scoped to the account.
    Account,
}

impl AuthScope {
    /// The header that scopes Huawei AK/SK credentials, if any.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Self::AccessKey => None,
            Self::Project { .. } => Some("X-Project-Id"),
            Self::Account => Some("X-Domain-Id"),
        }
    }
}

/// Everything known about one target, as data, and its own checks.
#[derive(Debug, Serialize)]
pub struct ProviderSpec {
    /// The command-line identifier (`alibaba-slb-ca`, ...).
    pub id: &'static str,
    /// A human title.
    pub title: &'static str,
    /// The title in Simplified Chinese.
    #[serde(skip)]
    pub title_zh: &'static str,
    /// The provider's own Chinese word for a region (Alibaba 地域, Huawei 区域).
    #[serde(skip)]
    pub region_word_zh: &'static str,
    /// The API's name (`UploadCACertificate`, ...).
    pub api: &'static str,
    /// The API version.
    pub version: &'static str,
    /// Set when the API is being retired.
    pub legacy: Option<Legacy>,
    /// The signing schemes the API accepts, the preferred first (by their `--auth` names in JSON).
    #[serde(serialize_with = "auth_names")]
    pub schemes: &'static [Scheme],
    /// How credentials are scoped (account or project IDs, IAM token scope).
    pub auth_scope: AuthScope,
    /// The regions the documents or SDKs list for it, with their hosts.
    pub regions: &'static [Region],
    /// The region the page preselects.
    pub default_region: &'static str,
    /// The host for a region that is not listed.
    #[serde(skip)]
    pub unlisted_host: fn(&str) -> String,
    /// What it takes from the material.
    pub material: &'static [MaterialRole],
    /// The fields the user fills in.
    pub fields: &'static [FieldSpec],
    /// Families of numbered fields (`Tag.N.Key`).
    pub numbered: &'static [NumberedFields],
    /// Every rule the checks apply, for documentation and the page.
    pub rules: &'static [&'static Rule],
    /// The errors the provider is known to answer with.
    pub errors: &'static [KnownError],
    /// The provider's answer to problems the analysis itself finds (key mismatch, bad PEM, ...),
    /// attached to those diagnostics as `provider_error`.
    pub analysis_errors: &'static [(Code, &'static str)],
    /// The vendor CLI and operation the target's command calls (`aliyun slb UploadCACertificate`).
    pub vendor_cli: &'static str,
    /// What the API's success answer repeats of a private key sent to it, when it does.
    pub key_echo: Option<KeyEcho>,
    /// The action a user's policy must allow to call the API, where the API's page names one.
    pub permission: Option<Permission>,
    /// The console's upload form: menu path, fields in order, what fills each, pitfalls.
    #[serde(skip)]
    pub console: Console,
    /// The target's own checks and its call.
    #[serde(skip)]
    pub prepare: fn(&Context<'_>, &mut Preparation),
}

/// The members of an API's success answer that repeat a private key the request sent, and the
/// rule that says so. The generated commands print those members with `******` for their value,
/// so that the key does not reach a terminal's scrollback or a CI job's log.
#[derive(Debug, Serialize)]
pub struct KeyEcho {
    /// The JSON members, by name, at any depth of the answer (`private_key`).
    pub members: &'static [&'static str],
    /// The rule that says so, with its sources (by its ID in JSON).
    #[serde(serialize_with = "rule_id")]
    pub rule: &'static Rule,
}

/// The permission a caller needs for an API, as its page names it. An account's own access key
/// has every permission; a RAM or IAM user's key (or token) needs a policy that allows the action,
/// or the provider answers 403.
#[derive(Debug, Serialize)]
pub struct Permission {
    /// The action a policy allows (`slb:UploadCACertificate`).
    pub action: &'static str,
    /// The provider's name for its policies' system (`RAM`, `IAM`).
    pub system: &'static str,
    /// The page that names it.
    pub source: Source,
}

fn rule_id<S: serde::Serializer>(rule: &&'static Rule, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(rule.id)
}

fn auth_names<S: serde::Serializer>(schemes: &&[Scheme], out: S) -> Result<S::Ok, S::Error> {
    out.collect_seq(schemes.iter().map(|s| s.auth_name()))
}

impl ProviderSpec {
    /// The title in `lang`.
    pub fn title_in(&self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.title, self.title_zh)
    }

    /// The listed region with this ID.
    pub fn region(&self, id: &str) -> Option<&'static Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The endpoint host for a region, listed or not.
    pub fn host(&self, region: &str) -> String {
        match self.region(region) {
            Some(listed) => listed.host.to_owned(),
            None => (self.unlisted_host)(region),
        }
    }

    /// Whether AK/SK signing with `scheme` needs the account ID.
    pub fn needs_account_id(&self, scheme: Scheme) -> bool {
        scheme == Scheme::HuaweiAksk && self.auth_scope == AuthScope::Account
    }

    /// The field with this name.
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A target, by reference to its data in the registry.
#[derive(Clone, Copy)]
pub struct ProviderId(&'static ProviderSpec);

impl ProviderId {
    /// Every target, in the order the page lists them.
    pub fn all() -> impl Iterator<Item = Self> {
        REGISTRY.iter().map(|spec| Self(spec))
    }

    /// The command-line identifier.
    pub fn as_str(self) -> &'static str {
        self.0.id
    }

    /// Parses a command-line identifier.
    pub fn parse(text: &str) -> Option<Self> {
        Self::all().find(|p| p.as_str() == text)
    }

    /// The target's data.
    pub fn spec(self) -> &'static ProviderSpec {
        self.0
    }
}

impl Default for ProviderId {
    /// The first target of the registry (the page's initial choice).
    fn default() -> Self {
        Self(REGISTRY[0])
    }
}

impl PartialEq for ProviderId {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for ProviderId {}

impl std::hash::Hash for ProviderId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}

impl std::fmt::Debug for ProviderId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.id)
    }
}

impl Serialize for ProviderId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.id)
    }
}

/// Read back from its ID (the page's main thread names the target to its Worker).
impl<'de> serde::Deserialize<'de> for ProviderId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        Self::parse(&id).ok_or_else(|| serde::de::Error::unknown_variant(&id, &[]))
    }
}

/// Whether fields are checked too (`request`) or only the material (`check`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Material rules only.
    Check,
    /// Material and field rules; an unsigned call when there is no error.
    Request,
}

/// What a target makes of the material and fields. Its JSON form is the `provider` object of
/// `cert-preflight check --json`: the target (`id`, `api`, `version`, `legacy`, `rules`), its
/// `diagnostics` and the `fixes` (`bundle`, `key`), never the key itself.
#[derive(Clone, Debug)]
pub struct Preparation {
    /// The target.
    pub provider: ProviderId,
    /// The analysis' diagnostics, each with the error this provider answers with where known.
    pub analysis_diagnostics: Vec<Diagnostic>,
    /// Findings of the target's rules (the analysis' own diagnostics are not repeated).
    pub diagnostics: Vec<Diagnostic>,
    /// The certificates as the target receives them.
    pub bundle: Option<Bundle>,
    /// The private key as the target receives it (holds the secret key: never log it).
    pub key: Option<KeyPem>,
    /// The re-encoding applied to the key, when one was: `from` → `label`, without the key.
    pub key_fix: Option<KeyFix>,
    /// The unsigned call, when there is no error and the mode is `Request`.
    pub call: Option<Call>,
    /// The vendor CLI command equivalent (aliyun, hcloud), reading PEM from files (hcloud: the
    /// whole JSON body from one file).
    pub vendor_command: Option<VendorCommand>,
}

impl Serialize for Preparation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// The fixes applied for the target, as the JSON names them.
        #[derive(Serialize)]
        struct Fixes<'a> {
            bundle: &'a Option<Bundle>,
            key: &'a Option<KeyFix>,
        }
        let spec = self.provider.spec();
        let mut out = serializer.serialize_struct("Preparation", 7)?;
        out.serialize_field("id", spec.id)?;
        out.serialize_field("api", spec.api)?;
        out.serialize_field("version", spec.version)?;
        out.serialize_field("legacy", &spec.legacy)?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.serialize_field(
            "fixes",
            &Fixes {
                bundle: &self.bundle,
                key: &self.key_fix,
            },
        )?;
        out.serialize_field("rules", spec.rules)?;
        out.end()
    }
}

impl Preparation {
    /// Nothing prepared yet for `provider`: no findings, no bundle, key or call.
    pub fn empty(provider: ProviderId) -> Self {
        Self {
            provider,
            analysis_diagnostics: Vec::new(),
            diagnostics: Vec::new(),
            bundle: None,
            key: None,
            key_fix: None,
            call: None,
            vendor_command: None,
        }
    }

    /// Whether any finding (of the target, or of the analysis as it stands for the target) is an
    /// error.
    pub fn blocks(&self) -> bool {
        self.analysis_diagnostics
            .iter()
            .chain(&self.diagnostics)
            .any(|d| d.severity == Severity::Error)
    }
}

/// A key re-encoding, described without the key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyFix {
    /// The encoding given.
    pub from: &'static str,
    /// The PEM label sent.
    pub to: &'static str,
    /// Why.
    pub reason: crate::lang::Words,
}

impl KeyFix {
    /// Why, in `lang`.
    pub fn reason_in(&self, lang: crate::lang::Lang) -> &'static str {
        self.reason.get(lang)
    }
}

/// Runs the target's rules on the material (and, in `Request` mode, on the fields) and builds the
/// unsigned call when nothing blocks it. `original_certificate_text` is the certificate text as
/// given.
pub fn prepare(
    provider: ProviderId,
    mode: Mode,
    analysis: &Analysis,
    original_certificate_text: &str,
    fields: &Fields,
) -> Preparation {
    let spec = provider.spec();
    // With the leaf's own key given, that key is the one sent: another key given beside it
    // (another certificate's) is an error of the material, not the mismatch the provider answers.
    let leaf_key_sent = analysis
        .keys
        .iter()
        .any(|k| k.summary.matches_leaf == Some(true));
    let analysis_diagnostics = analysis
        .report
        .diagnostics
        .iter()
        .map(|d| {
            match spec
                .analysis_errors
                .iter()
                .find(|(code, _)| *code == d.code)
            {
                Some((Code::KeyDoesNotMatchCertificate, _)) if leaf_key_sent => d.clone(),
                Some((_, error)) if d.provider_error.is_none() => {
                    d.clone().with_provider_error(*error)
                }
                _ => d.clone(),
            }
        })
        .collect();
    let mut prep = Preparation {
        analysis_diagnostics,
        ..Preparation::empty(provider)
    };
    if let Some(legacy) = &spec.legacy {
        prep.diagnostics.push(rule_diagnostic(
            Code::TargetLegacyApi,
            Location::Target,
            legacy.rule,
            {
                let (id, api, note, note_zh) = (spec.id, spec.api, legacy.note.en, legacy.note.zh);
                tr!(
                    "{id} {api} is a legacy API: {note}",
                    "{id} {api} 是旧版 API：{note_zh}"
                )
            },
            {
                let successor = ProviderId::parse(legacy.successor);
                let title = successor.map_or(legacy.successor, |p| p.spec().title);
                let title_zh = successor.map_or(legacy.successor, |p| p.spec().title_zh);
                let id = legacy.successor;
                crate::diagnostic::Hint::per_surface(
                    tr!(
                        "choose the target {title} instead where you can",
                        "尽可能改选目标“{title_zh}”"
                    ),
                    tr!(
                        "use --provider {id} instead where you can",
                        "尽可能改用 --provider {id}"
                    ),
                )
            },
        ));
    }
    if mode == Mode::Request {
        check_fields(spec, fields, &mut prep.diagnostics);
        check_region(spec, &fields.region, &mut prep.diagnostics);
    }
    let ctx = Context {
        analysis,
        original_certificate_text,
        fields,
        mode,
    };
    (spec.prepare)(&ctx, &mut prep);
    unsent_root_findings(spec.api, analysis, &mut prep);
    if mode == Mode::Check || prep.blocks() {
        prep.call = None;
        prep.vendor_command = None;
    }
    prep
}

/// A root on the leaf's path that the target's bundle leaves out (clients use their own copy) is
/// not sent: its expiry or later start does not block this upload. Its validity error becomes
/// `unsent-root-not-valid` in the target's copy of the analysis' findings.
fn unsent_root_findings(api: &str, analysis: &Analysis, prep: &mut Preparation) {
    let Some(bundle) = &prep.bundle else {
        return;
    };
    let path = &analysis.report.chain.order;
    for finding in &mut prep.analysis_diagnostics {
        let Some(index) = finding.certificate else {
            continue;
        };
        let Some(root) = analysis.report.certificates.get(index) else {
            continue;
        };
        let sent = bundle.order.contains(&index);
        if sent || !root.self_signed || !path.contains(&index) {
            continue;
        }
        let Location::Input(location) = &finding.location else {
            continue;
        };
        let who = crate::analysis::certificate::display_name(root);
        let message = match finding.code {
            Code::CertificateExpired => {
                let not_after = &root.not_after;
                tr!(
                    "the root \"{who}\" (certificate {index}) expired on {not_after}, but {api} is sent the chain without its root: it does not block this upload",
                    "根证书“{who}”（证书 {index}）已于 {not_after} 过期，但发给 {api} 的证书链不含根证书：它不妨碍这次上传"
                )
            }
            Code::CertificateNotYetValid => {
                let not_before = &root.not_before;
                tr!(
                    "the root \"{who}\" (certificate {index}) is not valid before {not_before}, but {api} is sent the chain without its root: it does not block this upload",
                    "根证书“{who}”（证书 {index}）在 {not_before} 之前尚未生效，但发给 {api} 的证书链不含根证书：它不妨碍这次上传"
                )
            }
            _ => continue,
        };
        *finding = Diagnostic::new(
            Code::UnsentRootNotValid,
            location.clone(),
            message,
            tr!(
                "nothing to do for this upload; remove it from the bundle you keep (clients use their own copy of a root)",
                "这次上传无需处理；请把它从你保存的证书链文件中删除（客户端使用自己的根证书）"
            ),
        )
        .about_certificate(index);
    }
}

/// What a target's `prepare` reads.
pub struct Context<'a> {
    /// The analysed material.
    pub analysis: &'a Analysis,
    /// The certificate text as given (the before/after view's "before").
    pub original_certificate_text: &'a str,
    /// The user's fields and region.
    pub fields: &'a Fields,
    /// Check or request.
    pub mode: Mode,
}

impl Context<'_> {
    /// Whether fields are checked and a call is built.
    pub fn requesting(&self) -> bool {
        self.mode == Mode::Request
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.fields.region
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parse_back() {
        let ids: Vec<&str> = ProviderId::all().map(ProviderId::as_str).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "{ids:?}");
        for id in ids {
            assert_eq!(ProviderId::parse(id).map(ProviderId::as_str), Some(id));
        }
    }

    #[test]
    fn every_target_is_complete_data() {
        for provider in ProviderId::all() {
            let spec = provider.spec();
            assert!(spec.region(spec.default_region).is_some(), "{}", spec.id);
            assert!(!spec.schemes.is_empty() && !spec.rules.is_empty());
            for region in spec.regions {
                assert!(
                    !region.name_en.is_empty() && !region.name_zh.is_empty(),
                    "{}: {}",
                    spec.id,
                    region.id
                );
                assert!(region.host.contains('.'), "{}", region.host);
            }
            for rule in spec.rules {
                assert!(rule.id.starts_with(spec.id), "{} in {}", rule.id, spec.id);
                assert!(!rule.sources.is_empty(), "{}", rule.id);
            }
            for field in spec.fields {
                assert!(
                    spec.rules.iter().any(|r| r.id == field.rule.id),
                    "{}: the rule of {} is not listed",
                    spec.id,
                    field.name
                );
            }
        }
    }

    static STATED: Rule = Rule {
        id: "test/stated",
        statement: crate::lang::Words::new("x", "x"),
        sources: &[Source {
            document: "a page",
            url: "https://example.com",
            as_of: "2026",
            kind: SourceKind::Primary,
        }],
        disagreement: None,
        provider_error: Some("E"),
    };
    static SECONDARY: Rule = Rule {
        sources: &[Source {
            document: "a forum",
            url: "https://example.com",
            as_of: "2026",
            kind: SourceKind::Secondary,
        }],
        ..STATED
    };
    static DISPUTED: Rule = Rule {
        disagreement: Some(crate::lang::Words::new(
            "one says 1, the other 2",
            "一个说 1，另一个说 2",
        )),
        ..STATED
    };

    #[test]
    fn only_stated_rules_block() {
        let at = || Location::Target;
        let d = rule_diagnostic(
            Code::FieldTooLong,
            at(),
            &STATED,
            tr!("m", "信息"),
            tr!("h", "建议"),
        );
        assert_eq!((d.code, d.severity), (Code::FieldTooLong, Severity::Error));
        assert_eq!(d.provider_error.as_deref(), Some("E"));
        let d = rule_diagnostic(
            Code::FieldTooLong,
            at(),
            &DISPUTED,
            tr!("m", "信息"),
            tr!("h", "建议"),
        );
        assert_eq!(d.code, Code::FieldOverDisputedLimit);
        assert!(
            d.message.contains("one says 1, the other 2"),
            "{}",
            d.message
        );
        let d = rule_diagnostic(
            Code::TargetNeedsCaCertificate,
            at(),
            &SECONDARY,
            tr!("m", "信息"),
            tr!("h", "建议"),
        );
        assert_eq!(
            (d.code, d.severity),
            (Code::TargetRuleUnconfirmed, Severity::Warning)
        );
        assert!(d.message.contains("a forum"), "{}", d.message);
        let d = rule_diagnostic(
            Code::TargetBundleNormalised,
            at(),
            &STATED,
            tr!("m", "信息"),
            tr!("h", "建议"),
        );
        assert_eq!(
            d.provider_error, None,
            "a fix applied draws no provider error"
        );
    }
}
