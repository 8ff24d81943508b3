//! The target APIs: their parameters, limits and rules as data (each citing its document), the
//! checks that predict the provider's error before upload, and the unsigned call each one makes.
//!
//! One file per target under `providers/`, listed once in [`REGISTRY`]. This file holds what the
//! targets share and never names one of them: the data types a target fills in ([`ProviderSpec`],
//! [`Rule`], [`FieldSpec`], [`Region`], ...), the generic field checks, the severity policy
//! ([`rule_diagnostic`]: a rule that may not block can only warn), [`prepare`], which turns
//! analysed material plus the user's fields into diagnostics, fixes and an unsigned [`Call`], and
//! [`sign_call`]. Pure: no clock, no randomness, no I/O.

pub mod alibaba_cas;
pub mod alibaba_kms;
pub mod alibaba_slb_ca;
pub mod alibaba_slb_server;
pub mod huawei_ccm_pca;
pub mod huawei_elb;
pub mod huawei_scm;

use crate::analysis::Analysis;
use crate::analysis::public_key::Curve;
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::fixes::{Bundle, KeyPem};
use crate::signing::{
    self, Credentials, HttpRequest, Method, Scheme, Signed, SigningError, alibaba_acs3,
    alibaba_rpc_v2, huawei_aksk, huawei_token,
};
use serde::Serialize;
use serde::ser::SerializeStruct;
use std::time::Duration;

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
    /// The rule, in one sentence.
    pub statement: &'static str,
    /// Where it is documented.
    pub sources: &'static [Source],
    /// How the sources disagree, when they do.
    pub disagreement: Option<&'static str>,
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
        out.serialize_field("statement", self.statement)?;
        out.serialize_field("sources", self.sources)?;
        if let Some(disagreement) = self.disagreement {
            out.serialize_field("disagreement", disagreement)?;
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

/// What a field's value must look like, besides its length.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Any text.
    Text,
    /// One of these values.
    OneOf(&'static [&'static str]),
    /// Matches the predicate; the string describes the pattern for messages.
    Pattern(fn(&str) -> bool, &'static str),
}

impl Serialize for Shape {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Shape", 2)?;
        match self {
            Shape::Text => out.serialize_field("kind", "text")?,
            Shape::OneOf(values) => {
                out.serialize_field("kind", "one_of")?;
                out.serialize_field("values", values)?;
            }
            Shape::Pattern(_, description) => {
                out.serialize_field("kind", "pattern")?;
                out.serialize_field("description", description)?;
            }
        }
        out.end()
    }
}

/// How the user gives a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldInput {
    /// One line of text (or a choice, for [`Shape::OneOf`]).
    Line,
    /// PEM material: a text area in the page, `@PATH` (a file) on the command line.
    Pem,
}

/// A condition on another field's value.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct When {
    /// The other field.
    pub field: &'static str,
    /// The values (of that field) under which this field applies; `default` counts when the
    /// other field is not given.
    pub equals: &'static [&'static str],
    /// The other field's value when it is not given.
    pub default: &'static str,
    /// What the API does with the field when the condition does not hold.
    pub otherwise: Otherwise,
}

/// What an API does with a conditional field outside its condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Otherwise {
    /// Refuses the request.
    Refused,
    /// Ignores the field (the target leaves it out of the request).
    Ignored,
}

impl When {
    /// Whether the condition holds for these values.
    pub fn holds(&self, get: impl Fn(&str) -> Option<String>) -> bool {
        let value = get(self.field).unwrap_or_else(|| self.default.to_owned());
        self.equals.contains(&value.as_str())
    }
}

/// A request field the user fills in (not one taken from the certificate material).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct FieldSpec {
    /// The API's own parameter name.
    pub name: &'static str,
    /// Whether the API requires it.
    pub required: bool,
    /// Minimum length in characters (Unicode scalar values), when documented.
    pub min_chars: usize,
    /// Maximum length in characters, when documented.
    pub max_chars: Option<usize>,
    /// The value's shape.
    pub shape: Shape,
    /// How the value is given.
    pub input: FieldInput,
    /// The field applies only when another field has one of some values.
    pub only_when: Option<When>,
    /// What it is, for help texts and the page's form.
    pub help: &'static str,
    /// The rule behind the constraints.
    pub rule: &'static Rule,
}

impl FieldSpec {
    /// An optional one-line text field without limits.
    pub const fn text(name: &'static str, help: &'static str, rule: &'static Rule) -> Self {
        FieldSpec {
            name,
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::Text,
            input: FieldInput::Line,
            only_when: None,
            help,
            rule,
        }
    }

    /// The same field, required.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The same field with a length range in characters.
    pub const fn chars(mut self, min: usize, max: Option<usize>) -> Self {
        self.min_chars = min;
        self.max_chars = max;
        self
    }

    /// The same field with a shape.
    pub const fn shape(mut self, shape: Shape) -> Self {
        self.shape = shape;
        self
    }

    /// The same field, given as PEM (a file on the command line).
    pub const fn pem(mut self) -> Self {
        self.input = FieldInput::Pem;
        self
    }

    /// The same field, applying only under a condition.
    pub const fn only_when(mut self, when: When) -> Self {
        self.only_when = Some(when);
        self
    }
}

/// A family of numbered fields such as `Tag.N.Key` / `Tag.N.Value`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct NumberedFields {
    /// The stem: `Tag` for `Tag.N.Key`.
    pub stem: &'static str,
    /// The parts after the number, the first one being the one the others need (`Key`).
    pub parts: &'static [NumberedPart],
    /// N runs from 1 to this.
    pub max: u32,
    /// The rule on the count.
    pub count_rule: &'static Rule,
    /// The provider's error when a later part is given without the first.
    pub first_missing_error: Option<&'static str>,
    /// The target's checks of one value: `(full name, part index, value, out)`.
    #[serde(skip)]
    pub check: fn(&str, usize, &str, &mut Vec<Diagnostic>),
}

/// One part of a numbered field family.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct NumberedPart {
    /// `Key`, `Value`.
    pub name: &'static str,
    /// What it takes, for the page's form.
    pub help: &'static str,
    /// The rule it follows.
    pub rule: &'static Rule,
}

impl NumberedFields {
    /// `(N, part index)` when `name` is `stem.N.part` (N not checked against `max`).
    pub fn parse(&self, name: &str) -> Option<(u32, usize)> {
        let rest = name.strip_prefix(self.stem)?.strip_prefix('.')?;
        let (n, part) = rest.split_once('.')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
            return None;
        }
        let index = self.parts.iter().position(|p| p.name == part)?;
        Some((n.parse().ok()?, index))
    }

    /// The name of part `index` of entry `n`.
    pub fn name(&self, n: u32, index: usize) -> String {
        format!("{}.{n}.{}", self.stem, self.parts[index].name)
    }
}

/// A region: its ID, its display names and the endpoint host the target uses there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Region {
    /// The vendor's region ID (`cn-hangzhou`).
    pub id: &'static str,
    /// The name the vendor's English site shows ("China (Hangzhou)").
    pub name_en: &'static str,
    /// The name the vendor's Chinese site shows ("华东1（杭州）").
    pub name_zh: &'static str,
    /// The API's endpoint host there.
    pub host: &'static str,
}

/// A [`Region`] (a shorthand for the targets' tables).
pub(crate) const fn region(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    host: &'static str,
) -> Region {
    Region {
        id,
        name_en,
        name_zh,
        host,
    }
}

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
            AuthScope::AccessKey => None,
            AuthScope::Project { .. } => Some("X-Project-Id"),
            AuthScope::Account => Some("X-Domain-Id"),
        }
    }
}

/// A target API that is being retired.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Legacy {
    /// Why it is legacy, in one sentence.
    pub note: &'static str,
    /// The target to use instead.
    pub successor: &'static str,
    /// The rule (with its sources) that says so.
    pub rule: &'static Rule,
}

/// Everything known about one target, as data, and its own checks.
#[derive(Debug, Serialize)]
pub struct ProviderSpec {
    /// The command-line identifier (`alibaba-slb-ca`, ...).
    pub id: &'static str,
    /// A human title.
    pub title: &'static str,
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
    /// The target's own checks and its call.
    #[serde(skip)]
    pub prepare: fn(&Context<'_>, &mut Preparation),
}

fn auth_names<S: serde::Serializer>(schemes: &&[Scheme], out: S) -> Result<S::Ok, S::Error> {
    out.collect_seq(schemes.iter().map(|s| s.auth_name()))
}

impl ProviderSpec {
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
    pub fn all() -> impl Iterator<Item = ProviderId> {
        REGISTRY.iter().map(|spec| ProviderId(spec))
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
        ProviderId(REGISTRY[0])
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

/// Whether fields are checked too (`request`) or only the material (`check`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Material rules only.
    Check,
    /// Material and field rules; an unsigned call when there is no error.
    Request,
}

/// What the user gave besides the material.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    /// `NAME=VALUE` pairs, in the order given.
    pub values: Vec<(String, String)>,
    /// The region.
    pub region: String,
}

impl Fields {
    /// The last value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The unsigned call a target makes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "style", rename_all = "snake_case")]
pub enum Call {
    /// An Alibaba RPC call: action, version and parameters (signed with V2 or ACS3).
    Rpc {
        /// The endpoint host.
        host: String,
        /// `Action`.
        action: &'static str,
        /// `Version`.
        version: &'static str,
        /// The API parameters, in a stable order.
        parameters: Vec<(String, String)>,
    },
    /// A Huawei REST call with a JSON body (signed with AK/SK or a token).
    Rest {
        /// The endpoint host.
        host: String,
        /// The path, unencoded.
        path: String,
        /// Headers to send and sign (Content-Type).
        headers: Vec<(String, String)>,
        /// The JSON body, exactly as it will be sent.
        body: String,
        /// The project ID that scopes AK/SK credentials, for project-level services.
        project_id: Option<String>,
    },
}

/// One argument of a vendor CLI command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CliArg {
    /// `--name` alone.
    Flag {
        /// The flag, with its dashes.
        name: String,
    },
    /// `--name=value` (`joined`) or `--name value`, the value quoted for the shell.
    Value {
        /// The option, with its dashes.
        name: String,
        /// The value.
        value: String,
        /// Whether name and value are joined by `=`.
        joined: bool,
    },
    /// `--name="$(cat FILE)"`: the value read from one of the command's files when it runs.
    File {
        /// The option, with its dashes.
        name: String,
        /// The file (one of [`VendorCommand::files`]).
        file: String,
    },
}

/// A vendor CLI command as a value; `render::vendor_cli` writes it as a shell script.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VendorCommand {
    /// Comment lines shown above the command.
    pub notes: Vec<String>,
    /// The program (`aliyun`, `hcloud`).
    pub program: &'static str,
    /// The words after it (`slb UploadCACertificate`).
    pub operation: Vec<String>,
    /// The arguments, in order.
    pub args: Vec<CliArg>,
    /// Files the command reads, written first: `(name, content)`. They may hold a private key.
    #[serde(skip)]
    pub files: Vec<(String, String)>,
}

impl VendorCommand {
    /// `program operation...` with these comment lines, no arguments yet.
    pub fn new(program: &'static str, operation: &[&str], notes: &[&str]) -> Self {
        VendorCommand {
            notes: notes.iter().map(|n| (*n).to_owned()).collect(),
            program,
            operation: operation.iter().map(|w| (*w).to_owned()).collect(),
            args: Vec::new(),
            files: Vec::new(),
        }
    }

    /// Adds `--name=value`.
    pub fn value(mut self, name: &str, value: &str) -> Self {
        self.args.push(CliArg::Value {
            name: name.to_owned(),
            value: value.to_owned(),
            joined: true,
        });
        self
    }

    /// Adds `--name="$(cat FILE)"`, the file holding `content`.
    pub fn file(mut self, name: &str, file: &str, content: &str) -> Self {
        self.files.push((file.to_owned(), content.to_owned()));
        self.args.push(CliArg::File {
            name: name.to_owned(),
            file: file.to_owned(),
        });
        self
    }
}

/// What a target makes of the material and fields.
#[derive(Clone, Debug, Serialize)]
pub struct Preparation {
    /// The target.
    pub provider: ProviderId,
    /// The analysis' diagnostics, each with the error this provider answers with where known.
    #[serde(skip)]
    pub analysis_diagnostics: Vec<Diagnostic>,
    /// Findings of the target's rules (the analysis' own diagnostics are not repeated).
    pub diagnostics: Vec<Diagnostic>,
    /// The certificates as the target receives them.
    pub bundle: Option<Bundle>,
    /// The private key as the target receives it (holds the secret key: never log it).
    #[serde(skip)]
    pub key: Option<KeyPem>,
    /// The re-encoding applied to the key, when one was: `from` → `label`, without the key.
    pub key_fix: Option<KeyFix>,
    /// The unsigned call, when there is no error and the mode is `Request`.
    pub call: Option<Call>,
    /// The vendor CLI command equivalent (aliyun, hcloud), reading PEM from files.
    #[serde(skip)]
    pub vendor_command: Option<VendorCommand>,
}

impl Preparation {
    /// Nothing prepared yet for `provider`: no findings, no bundle, key or call.
    pub fn empty(provider: ProviderId) -> Self {
        Preparation {
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

    /// Whether any finding (of the target or of the analysis) is an error.
    pub fn blocks(&self, analysis: &Analysis) -> bool {
        analysis.report.has_errors()
            || self
                .diagnostics
                .iter()
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
    pub reason: &'static str,
}

/// Runs the target's rules on the material (and, in `Request` mode, on the fields) and builds the
/// unsigned call when nothing blocks it. `before` is the certificate text as given.
pub fn prepare(
    provider: ProviderId,
    mode: Mode,
    analysis: &Analysis,
    before: &str,
    fields: &Fields,
) -> Preparation {
    let spec = provider.spec();
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
            format!("{} {} is a legacy API: {}", spec.id, spec.api, legacy.note),
            crate::diagnostic::Hint::per_surface(
                format!(
                    "choose the target {} instead where you can",
                    ProviderId::parse(legacy.successor)
                        .map_or(legacy.successor, |p| p.spec().title)
                ),
                format!("use --provider {} instead where you can", legacy.successor),
            ),
        ));
    }
    if mode == Mode::Request {
        check_fields(spec, fields, &mut prep.diagnostics);
        check_region(spec, &fields.region, &mut prep.diagnostics);
    }
    let ctx = Context {
        analysis,
        before,
        fields,
        mode,
    };
    (spec.prepare)(&ctx, &mut prep);
    if mode == Mode::Check || prep.blocks(analysis) {
        prep.call = None;
        prep.vendor_command = None;
    }
    prep
}

/// What a target's `prepare` reads.
pub struct Context<'a> {
    /// The analysed material.
    pub analysis: &'a Analysis,
    /// The certificate text as given.
    pub before: &'a str,
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

/// Where field diagnostics point.
pub(crate) fn field_location(name: &str) -> Location {
    Location::Field(name.to_owned())
}

/// Where diagnostics about the material as a whole point.
pub(crate) fn material_location() -> Location {
    Location::Material
}

/// Where material diagnostics about certificate `index` point.
pub(crate) fn certificate_location(analysis: &Analysis, index: usize) -> Location {
    analysis
        .certificates
        .get(index)
        .map_or(Location::Target, |c| Location::from(&c.location))
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
    message: impl Into<String>,
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
    let mut text = format!("{} (rule {}: {source}", message.into(), rule.id);
    match rule.disagreement {
        Some(disagreement) => text.push_str(&format!("; the sources disagree: {disagreement})")),
        None if !blocks => text.push_str("; no primary source states it)"),
        None => text.push(')'),
    }
    let diagnostic = Diagnostic::new(code, at, text, hint);
    match rule.provider_error {
        // Infos are fixes already applied: the provider will not answer with an error for them.
        Some(error) if code.severity() != Severity::Info => diagnostic.with_provider_error(error),
        _ => diagnostic,
    }
}

fn check_fields(spec: &ProviderSpec, fields: &Fields, out: &mut Vec<Diagnostic>) {
    let get = |name: &str| fields.get(name).map(str::to_owned);
    for (name, value) in &fields.values {
        let Some(field) = spec.field(name) else {
            if spec.numbered.iter().any(|f| f.parse(name).is_some()) {
                continue; // checked with its family below
            }
            let mut known: Vec<String> = spec.fields.iter().map(|f| f.name.to_owned()).collect();
            for family in spec.numbered {
                let parts: Vec<&str> = family.parts.iter().map(|p| p.name).collect();
                known.push(format!(
                    "{}.N.{} (N = 1..{})",
                    family.stem,
                    parts.join("|"),
                    family.max
                ));
            }
            out.push(Diagnostic::new(
                Code::FieldUnknown,
                // The name is the user's text (a key pasted where a name goes): an excerpt only.
                field_location(&crate::diagnostic::excerpt(name)),
                format!(
                    "{} does not take a field {:?}",
                    spec.api,
                    crate::diagnostic::excerpt(name)
                ),
                crate::diagnostic::Hint::per_surface(
                    format!(
                        "the fields are: {}; the certificate, chain and key come from the boxes above",
                        known.join(", ")
                    ),
                    format!(
                        "the fields are: {}; the certificate, chain and key come from the FILEs",
                        known.join(", ")
                    ),
                ),
            ));
            continue;
        };
        if let Some(when) = field.only_when
            && !when.holds(get)
        {
            let (code, what) = match when.otherwise {
                Otherwise::Refused => (Code::FieldInvalid, "it is refused otherwise"),
                Otherwise::Ignored => (Code::FieldIgnored, "otherwise it is not sent"),
            };
            out.push(rule_diagnostic(
                code,
                field_location(name),
                field.rule,
                format!(
                    "{name} only applies when {} is {}; {what}",
                    when.field,
                    when.equals.join(" or ")
                ),
                format!("drop {name}, or set {} accordingly", when.field),
            ));
            continue;
        }
        check_value(field, value, out);
    }
    for field in spec.fields.iter().filter(|f| f.required) {
        if fields.get(field.name).is_none() {
            out.push(rule_diagnostic(
                Code::FieldMissing,
                field_location(field.name),
                field.rule,
                format!("{} needs {}: {}", spec.api, field.name, field.help),
                crate::diagnostic::Hint::per_surface(
                    format!("fill in {}", field.name),
                    format!("give it with --field {}=VALUE", field.name),
                ),
            ));
        }
    }
}

/// Checks one value against its field's data: length and shape.
pub(crate) fn check_value(field: &FieldSpec, value: &str, out: &mut Vec<Diagnostic>) {
    let chars = value.chars().count();
    if chars < field.min_chars {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(field.name),
            field.rule,
            format!(
                "{} must have at least {} character(s); it has {chars}",
                field.name, field.min_chars
            ),
            "fill it in, or leave the field out if it is optional",
        ));
    }
    if let Some(max) = field.max_chars.filter(|&max| chars > max) {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            field_location(field.name),
            field.rule,
            format!(
                "{} has {chars} characters; at most {max} are allowed",
                field.name
            ),
            "shorten it",
        ));
    }
    match field.shape {
        Shape::Text => {}
        Shape::OneOf(allowed) => {
            if !allowed.contains(&value) {
                out.push(rule_diagnostic(
                    Code::FieldInvalid,
                    field_location(field.name),
                    field.rule,
                    format!(
                        "{} is {value:?}; it must be one of {}",
                        field.name,
                        allowed.join(", ")
                    ),
                    format!("use one of: {}", allowed.join(", ")),
                ));
            }
        }
        Shape::Pattern(accepts, description) => {
            if !value.is_empty() && !accepts(value) {
                out.push(rule_diagnostic(
                    Code::FieldInvalid,
                    field_location(field.name),
                    field.rule,
                    format!("{} is {value:?}; it must be {description}", field.name),
                    format!("give {description}"),
                ));
            }
        }
    }
}

/// The values of a numbered family, checked (N in range, each value by the target, later parts
/// only with the first), as API parameters in N order. An N out of range is left out when the
/// count rule blocks, sent with a warning when it does not.
pub(crate) fn numbered_parameters(
    family: &NumberedFields,
    fields: &Fields,
    out: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut entries: std::collections::BTreeMap<u32, Vec<Option<String>>> = Default::default();
    for (name, value) in &fields.values {
        let Some((n, part)) = family.parse(name) else {
            continue;
        };
        if !(1..=family.max).contains(&n) {
            out.push(rule_diagnostic(
                Code::FieldInvalid,
                field_location(name),
                family.count_rule,
                format!("{name}: N is {n}; it must be 1 to {}", family.max),
                format!("number them from 1 to {}", family.max),
            ));
            if family.count_rule.blocks() {
                continue;
            }
        }
        (family.check)(name, part, value, out);
        entries
            .entry(n)
            .or_insert_with(|| vec![None; family.parts.len()])[part] = Some(value.clone());
    }
    let mut parameters = Vec::new();
    for (n, entry) in entries {
        if entry[0].is_none() {
            let first = family.name(n, 0);
            let diagnostic = Diagnostic::new(
                Code::FieldMissing,
                field_location(&family.name(n, 1)),
                format!("entry {n} of {} is given without {first}", family.stem),
                crate::diagnostic::Hint::per_surface(
                    format!("fill in {first} too"),
                    format!("give --field {first}=... too"),
                ),
            );
            out.push(match family.first_missing_error {
                Some(error) => diagnostic.with_provider_error(error),
                None => diagnostic,
            });
        }
        for (index, value) in entry.into_iter().enumerate() {
            if let Some(value) = value {
                parameters.push((family.name(n, index), value));
            }
        }
    }
    parameters
}

fn check_region(spec: &ProviderSpec, region: &str, out: &mut Vec<Diagnostic>) {
    let listed: Vec<&str> = spec.regions.iter().map(|r| r.id).collect();
    let plausible = !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !plausible {
        out.push(Diagnostic::new(
            Code::FieldInvalid,
            field_location("region"),
            format!("the region {region:?} is not a region ID (lowercase letters, digits and -)"),
            format!("use one of: {}", listed.join(", ")),
        ));
    } else if spec.region(region).is_none() {
        out.push(Diagnostic::new(
            Code::RegionNotListed,
            field_location("region"),
            format!(
                "{} is not among the regions listed for {}; the request goes to {}",
                region,
                spec.api,
                spec.host(region)
            ),
            format!("listed regions: {}", listed.join(", ")),
        ));
    }
}

/// "RSA 2048", "EC P-256", "SM2", ... for messages.
pub(crate) fn describe_key(key: &crate::analysis::public_key::PublicKeyInfo) -> String {
    use crate::analysis::public_key::KeyType;
    match key.key_type {
        KeyType::Rsa => format!("RSA {}", key.bits.unwrap_or(0)),
        KeyType::Ec => format!("EC {}", key.curve.map_or("unknown curve", Curve::as_str)),
        KeyType::Ed25519 => "Ed25519".into(),
        KeyType::Sm2 => "SM2".into(),
        KeyType::Other => format!("algorithm {}", key.algorithm_oid),
        other => other.as_str().into(),
    }
}

/// Whether a certificate is a CA a target can take (cA=TRUE, and keyCertSign when keyUsage is
/// present).
pub(crate) fn is_ca_certificate(
    summary: &crate::analysis::certificate::CertificateSummary,
) -> bool {
    summary.is_ca && summary.may_sign_certificates()
}

/// Diagnoses a private key given to a target that never takes one.
pub(crate) fn key_not_taken(ctx: &Context<'_>, api: &str, why: &str, out: &mut Vec<Diagnostic>) {
    if let Some(key) = ctx.analysis.keys.first() {
        out.push(Diagnostic::new(
            Code::FieldIgnored,
            key.location.clone(),
            format!("{api} does not take a private key ({why}); it is not sent"),
            "leave the key out; it stays on this machine either way",
        ));
    }
}

/// Diagnoses a target that checks against a CSR when none was given.
pub(crate) fn csr_wanted(ctx: &Context<'_>, rule: &Rule, whose: &str, out: &mut Vec<Diagnostic>) {
    if ctx.analysis.csrs.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetCsrNotGiven,
            Location::Target,
            rule,
            format!("no CSR was given, so the match with the CSR {whose} cannot be checked"),
            crate::diagnostic::Hint::per_surface(
                format!("add the CSR {whose} to the CSR box"),
                format!("add the CSR {whose} as one more FILE"),
            ),
        ));
    }
}

/// Reports the bundle's changes (if any) as the fix applied for this target.
pub(crate) fn report_bundle_changes(prep: &mut Preparation, rule: &Rule, target: &str, hint: &str) {
    if let Some(bundle) = prep.bundle.as_ref().filter(|b| !b.changes.is_empty()) {
        prep.diagnostics.push(rule_diagnostic(
            Code::TargetBundleNormalised,
            material_location(),
            rule,
            format!(
                "the certificates were arranged for {target}: {}",
                bundle.changes.join("; ")
            ),
            hint,
        ));
    }
}

/// Checks a PEM value's length against a stated maximum (error above it) and, where another
/// source documents a lower one, a disputed maximum (warning above that).
pub(crate) struct SizeLimit {
    /// What is measured (`certificate`, `private_key`).
    pub what: &'static str,
    /// The maximum a primary source states (characters).
    pub max: usize,
    /// The stated maximum's rule.
    pub rule: &'static Rule,
    /// A lower maximum another source gives, and the rule recording the disagreement.
    pub disputed: Option<(usize, &'static Rule)>,
}

impl SizeLimit {
    /// Diagnoses `text` (at `at`) against the limits.
    pub fn check(
        &self,
        text: &str,
        at: impl Into<Location>,
        hint: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let at: Location = at.into();
        let chars = text.chars().count();
        if chars > self.max {
            out.push(rule_diagnostic(
                Code::FieldTooLong,
                at,
                self.rule,
                format!("{} has {chars} characters; at most {}", self.what, self.max),
                hint,
            ));
        } else if let Some((lower, rule)) = self.disputed
            && chars > lower
        {
            out.push(rule_diagnostic(
                Code::FieldTooLong,
                at,
                rule,
                format!(
                    "{} has {chars} characters: within {} but above {lower}",
                    self.what, self.max
                ),
                hint,
            ));
        }
    }
}

/// How a target takes the private key: which rules it follows, the encoding it receives, why it is
/// re-encoded, and the key's length limit.
pub(crate) struct KeyRules {
    /// The target's name for messages (`type server`, `UploadServerCertificate`).
    pub who: &'static str,
    /// The rule that needs the key (unencrypted, matching the certificate).
    pub rule: &'static Rule,
    /// The rule on its encoding.
    pub encoding_rule: &'static Rule,
    /// The encoding sent.
    pub want: crate::fixes::KeyEncoding,
    /// Why a key in another encoding is re-encoded (shown with the fix).
    pub reencoded_because: &'static str,
    /// Why an encrypted key is decrypted here.
    pub decrypted_because: &'static str,
    /// The key's length limit.
    pub max: Option<SizeLimit>,
}

/// The private key a target sends: the one matching the leaf (else the first, whose mismatch the
/// analysis reports), decrypted and re-encoded as the target wants, with the fix applied.
pub(crate) fn take_key(
    ctx: &Context<'_>,
    rules: &KeyRules,
    out: &mut Vec<Diagnostic>,
) -> Option<(KeyPem, Option<KeyFix>)> {
    let analysis = ctx.analysis;
    let key = analysis
        .keys
        .iter()
        .find(|k| k.summary.matches_leaf == Some(true))
        .or_else(|| analysis.keys.first());
    let Some(key) = key else {
        out.push(rule_diagnostic(
            Code::TargetNeedsPrivateKey,
            material_location(),
            rules.rule,
            format!("{} needs the certificate's private key; none was given", rules.who),
            crate::diagnostic::Hint::per_surface(
                "add the private key to the private key box (it goes only into the request built here)",
                "add the key file as one more FILE (it goes only into the request built here)",
            ),
        ));
        return None;
    };
    if key.plain.is_none() {
        // Ask for a passphrase only when one is what is missing: a key that is unreadable, or
        // encrypted with a scheme not supported here, needs another export instead.
        let passphrase_missing = analysis.report.diagnostics.iter().any(|d| {
            d.location.input() == Some(&key.location)
                && matches!(
                    d.code,
                    Code::EncryptedKeyNeedsPassphrase | Code::WrongPassphrase
                )
        });
        let (message, hint) = if passphrase_missing {
            (
                "the private key could not be decrypted, so it cannot be sent",
                crate::diagnostic::Hint::per_surface(
                    "enter its passphrase in the passphrase field: the target takes only unencrypted keys, decrypted here",
                    "give its passphrase (--passphrase-env VAR): the target takes only unencrypted keys, decrypted here",
                ),
            )
        } else {
            (
                "the private key could not be read, so it cannot be sent",
                crate::diagnostic::Hint::from(
                    "the analysis says why above: export the key again (PEM, PKCS#8, unencrypted or with AES-256) from where it was made",
                ),
            )
        };
        out.push(rule_diagnostic(
            Code::TargetNeedsPrivateKey,
            key.location.clone(),
            rules.rule,
            message,
            hint,
        ));
        return None;
    }
    let pem = match crate::fixes::reencode_key(key, rules.want) {
        Ok(pem) => pem,
        Err(message) => {
            out.push(rule_diagnostic(
                Code::TargetNeedsPrivateKey,
                key.location.clone(),
                rules.encoding_rule,
                message,
                "export the key as PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1/SEC1",
            ));
            return None;
        }
    };
    let fix = pem.changed.then(|| {
        let reason = if key.summary.encrypted {
            rules.decrypted_because
        } else {
            rules.reencoded_because
        };
        out.push(rule_diagnostic(
            Code::TargetKeyReencoded,
            key.location.clone(),
            rules.encoding_rule,
            format!("the {} key is sent as {} ({reason})", pem.from, pem.label),
            "nothing to do; the fixes show the key's before and after encodings",
        ));
        KeyFix {
            from: pem.from,
            to: pem.label,
            reason,
        }
    });
    if let Some(limit) = &rules.max {
        limit.check(
            &pem.pem,
            key.location.clone(),
            "a key this long does not fit: use a 2048- to 4096-bit RSA key or an EC key",
            out,
        );
    }
    Some((pem, fix))
}

/// How a target takes an SM2 encryption pair given as two PEM fields.
pub(crate) struct PairRules {
    /// The certificate's field.
    pub certificate: &'static str,
    /// The key's field.
    pub key: &'static str,
    /// The rule the pair follows.
    pub rule: &'static Rule,
    /// How many certificates the certificate field may hold (the leaf and its chain).
    pub max_certificates: usize,
    /// The root: kept or dropped from the chain sent.
    pub root: crate::fixes::RootPolicy,
    /// The encoding the key is sent in.
    pub want: crate::fixes::KeyEncoding,
}

/// An SM2 encryption pair, checked and arranged.
pub(crate) struct EncryptionPair {
    /// The encryption certificate first, then its chain (PEM, normalised).
    pub certificates: String,
    /// Its private key, re-encoded.
    pub key: KeyPem,
}

/// Reads the encryption pair from its two fields: both present (else `None`, nothing said), at
/// most `max_certificates` certificates, the first an SM2 certificate whose unencrypted key is the
/// key given.
pub(crate) fn encryption_pair(
    ctx: &Context<'_>,
    rules: &PairRules,
    out: &mut Vec<Diagnostic>,
) -> Option<EncryptionPair> {
    use crate::analysis::public_key::KeyType;
    use crate::analysis::{self, Input, Options};
    let (Some(certificate), Some(key)) =
        (ctx.fields.get(rules.certificate), ctx.fields.get(rules.key))
    else {
        return None;
    };
    let certificate_name = format!("field {}", rules.certificate);
    let key_name = format!("field {}", rules.key);
    let inputs = [
        Input::new(&certificate_name, certificate.as_bytes()),
        Input::new(&key_name, key.as_bytes()),
    ];
    let pair = analysis::analyze_with(&inputs, &Options::default());
    let count = pair.certificates.len();
    if count == 0 || count > rules.max_certificates {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(rules.certificate),
            rules.rule,
            format!(
                "{} holds {count} certificate(s); it takes the encryption certificate and its \
                 chain, 1 to {} certificates",
                rules.certificate, rules.max_certificates
            ),
            "give the SM2 encryption certificate (PEM), optionally followed by its chain",
        ));
        return None;
    }
    let leaf = pair.report.chain.order.first().copied().unwrap_or(0);
    if pair.certificates[leaf].summary.public_key.key_type != KeyType::Sm2 {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(rules.certificate),
            rules.rule,
            format!(
                "the encryption certificate's key is {}; it must be SM2",
                describe_key(&pair.certificates[leaf].summary.public_key)
            ),
            "give the SM2 encryption certificate",
        ));
        return None;
    }
    let key_ok = pair.keys.len() == 1
        && pair.keys[0].summary.matches_leaf == Some(true)
        && !pair.keys[0].summary.encrypted;
    if !key_ok {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(rules.key),
            rules.rule,
            format!(
                "{} must be the one unencrypted private key of the encryption certificate",
                rules.key
            ),
            "give the SM2 encryption certificate's own key, unencrypted (PEM)",
        ));
        return None;
    }
    let bundle = crate::fixes::normalise_bundle(&pair, rules.root, "")?;
    let key = crate::fixes::reencode_key(&pair.keys[0], rules.want).ok()?;
    Some(EncryptionPair {
        certificates: bundle.full_pem,
        key,
    })
}

/// Lowercase 8-4-4-4-12 hexadecimal UUID (36 characters).
pub(crate) fn is_lowercase_uuid(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

/// How a call is signed, with the credentials it needs. Secrets stay inside [`Credentials`].
#[derive(Clone, Debug)]
pub enum Auth {
    /// Alibaba RPC V2 (HMAC-SHA1).
    AlibabaV2(Credentials),
    /// Alibaba ACS3-HMAC-SHA256.
    AlibabaAcs3(Credentials),
    /// Huawei AK/SK; `domain_id` for account-level services.
    HuaweiAksk {
        /// Access key ID and secret.
        credentials: Credentials,
        /// The account ID (`X-Domain-Id`), when the service needs it.
        domain_id: Option<String>,
    },
    /// Huawei IAM token, read by the command from this environment variable.
    HuaweiToken {
        /// The variable's name.
        env: String,
    },
}

impl Auth {
    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        match self {
            Auth::AlibabaV2(_) => Scheme::AlibabaRpcV2,
            Auth::AlibabaAcs3(_) => Scheme::AlibabaAcs3,
            Auth::HuaweiAksk { .. } => Scheme::HuaweiAksk,
            Auth::HuaweiToken { .. } => Scheme::HuaweiToken,
        }
    }
}

/// Why a call could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    /// The scheme does not fit the call (an Alibaba scheme for a Huawei API, ...).
    SchemeMismatch(Scheme, ProviderId),
    /// AK/SK for an account-level service needs the account ID.
    DomainIdRequired(ProviderId),
    /// The signer refused (time out of range, bad header).
    Signing(SigningError),
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignError::SchemeMismatch(scheme, provider) => write!(
                f,
                "--auth {} does not apply to {}: use one of {}",
                scheme.auth_name(),
                provider.as_str(),
                provider
                    .spec()
                    .schemes
                    .iter()
                    .map(|s| s.auth_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SignError::DomainIdRequired(provider) => write!(
                f,
                "Huawei AK/SK signing for {} (an account-level service) needs the account ID: \
                 give --domain-id (X-Domain-Id)",
                provider.spec().api
            ),
            SignError::Signing(e) => e.fmt(f),
        }
    }
}

/// Signs an unsigned call at time `at` with `nonce` (Alibaba schemes use it; Huawei's do not).
pub fn sign_call(
    provider: ProviderId,
    call: &Call,
    auth: &Auth,
    at: Duration,
    nonce: &str,
) -> Result<Signed, SignError> {
    let spec = provider.spec();
    if !spec.schemes.contains(&auth.scheme()) {
        return Err(SignError::SchemeMismatch(auth.scheme(), provider));
    }
    match (call, auth) {
        (
            Call::Rpc {
                host,
                action,
                version,
                parameters,
            },
            Auth::AlibabaV2(credentials),
        ) => alibaba_rpc_v2::sign(
            &alibaba_rpc_v2::RpcCall {
                host,
                action,
                version,
                parameters,
            },
            credentials,
            at,
            nonce,
        )
        .map_err(SignError::Signing),
        (
            Call::Rpc {
                host,
                action,
                version,
                parameters,
            },
            Auth::AlibabaAcs3(credentials),
        ) => {
            // As the official Tea SDK does: the RPC parameters stay in the query.
            let mut request = HttpRequest::new(Method::Post, host, "/");
            request.query = parameters.clone();
            alibaba_acs3::sign(request, action, version, credentials, at, nonce)
                .map_err(SignError::Signing)
        }
        (
            Call::Rest {
                host,
                path,
                headers,
                body,
                project_id,
            },
            Auth::HuaweiAksk {
                credentials,
                domain_id,
            },
        ) => {
            let mut request = HttpRequest::new(Method::Post, host, path);
            request.headers = headers.clone();
            request.body = body.clone().into_bytes();
            let scope = match spec.auth_scope {
                AuthScope::Account => Some(
                    domain_id
                        .clone()
                        .ok_or(SignError::DomainIdRequired(provider))?,
                ),
                AuthScope::Project { .. } => project_id.clone(),
                AuthScope::AccessKey => None,
            };
            if let (Some(header), Some(value)) = (spec.auth_scope.header(), scope) {
                request.headers.push((header.to_owned(), value));
            }
            huawei_aksk::sign(request, credentials, at).map_err(SignError::Signing)
        }
        (
            Call::Rest {
                host,
                path,
                headers,
                body,
                ..
            },
            Auth::HuaweiToken { env },
        ) => {
            let mut request = HttpRequest::new(Method::Post, host, path);
            request.headers = headers.clone();
            request.body = body.clone().into_bytes();
            Ok(huawei_token::sign(request, env, at))
        }
        _ => Err(SignError::SchemeMismatch(auth.scheme(), provider)),
    }
}

/// The signature's lifetime, for messages.
pub const SIGNATURE_LIFETIME: Duration = signing::SIGNATURE_LIFETIME;

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
        statement: "x",
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
        disagreement: Some("one says 1, the other 2"),
        ..STATED
    };

    #[test]
    fn only_stated_rules_block() {
        let at = || Location::Target;
        let d = rule_diagnostic(Code::FieldTooLong, at(), &STATED, "m", "h");
        assert_eq!((d.code, d.severity), (Code::FieldTooLong, Severity::Error));
        assert_eq!(d.provider_error.as_deref(), Some("E"));
        let d = rule_diagnostic(Code::FieldTooLong, at(), &DISPUTED, "m", "h");
        assert_eq!(d.code, Code::FieldOverDisputedLimit);
        assert!(
            d.message.contains("one says 1, the other 2"),
            "{}",
            d.message
        );
        let d = rule_diagnostic(Code::TargetNeedsCaCertificate, at(), &SECONDARY, "m", "h");
        assert_eq!(
            (d.code, d.severity),
            (Code::TargetRuleUnconfirmed, Severity::Warning)
        );
        assert!(d.message.contains("a forum"), "{}", d.message);
        let d = rule_diagnostic(Code::TargetBundleNormalised, at(), &STATED, "m", "h");
        assert_eq!(
            d.provider_error, None,
            "a fix applied draws no provider error"
        );
    }
}
