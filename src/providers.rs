//! The four target APIs: their parameters, limits and rules as data (each citing its document), the
//! checks that predict the provider's error before upload, and the unsigned call each one makes.
//!
//! One file per target under `providers/`. This file holds what they share: the rule and field
//! types, the generic field checks, and [`prepare`], which turns analysed material plus the user's
//! fields into diagnostics, fixes and an unsigned [`Call`]. Signing it is [`sign_call`]'s job.
//! Pure: no clock, no randomness, no I/O.

pub mod alibaba_kms;
pub mod alibaba_slb_ca;
pub mod huawei_ccm_pca;
pub mod huawei_elb;

use crate::analysis::Analysis;
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::fixes::{Bundle, KeyPem};
use crate::signing::{
    self, Credentials, HttpRequest, Scheme, Signed, SigningError, alibaba_acs3, alibaba_rpc_v2,
    huawei_aksk, huawei_token,
};
use serde::Serialize;
use std::time::Duration;

/// A document a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document's title as the vendor publishes it (or the SDK module).
    pub document: &'static str,
    /// Where it is.
    pub url: &'static str,
    /// The date of the version read ("last updated" on the page, or the SDK release).
    pub as_of: &'static str,
}

/// One rule of a target API, with where it is written. When sources disagree, `disagreement` says
/// how, and the check warns instead of blocking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// A stable identifier, `<provider>/<topic>`.
    pub id: &'static str,
    /// The rule, in one sentence.
    pub statement: &'static str,
    /// Where it is documented.
    pub sources: &'static [Source],
    /// How the sources disagree, when they do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disagreement: Option<&'static str>,
    /// The error the provider answers with when the rule is broken, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_error: Option<&'static str>,
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

/// A request field the user fills in (not one taken from the certificate material).
#[derive(Clone, Copy, Debug)]
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
    /// What it is, for help texts and the page's form.
    pub help: &'static str,
    /// The rule behind the constraints.
    pub rule: &'static Rule,
}

/// The four targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProviderId {
    /// Alibaba Cloud SLB `UploadCACertificate` (2014-05-15).
    AlibabaSlbCa,
    /// Alibaba Cloud KMS `UploadCertificate` (2016-01-20).
    AlibabaKms,
    /// Huawei Cloud CCM private CA "import CA certificate".
    HuaweiCcmPca,
    /// Huawei Cloud ELB v3 "create certificate".
    HuaweiElb,
}

impl ProviderId {
    /// Every target, in the order the page lists them.
    pub const ALL: [ProviderId; 4] = [
        ProviderId::AlibabaSlbCa,
        ProviderId::AlibabaKms,
        ProviderId::HuaweiCcmPca,
        ProviderId::HuaweiElb,
    ];

    /// The command-line identifier.
    pub fn as_str(self) -> &'static str {
        self.spec().id
    }

    /// Parses a command-line identifier.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The target's data.
    pub fn spec(self) -> &'static ProviderSpec {
        match self {
            ProviderId::AlibabaSlbCa => &alibaba_slb_ca::SPEC,
            ProviderId::AlibabaKms => &alibaba_kms::SPEC,
            ProviderId::HuaweiCcmPca => &huawei_ccm_pca::SPEC,
            ProviderId::HuaweiElb => &huawei_elb::SPEC,
        }
    }
}

/// A family of numbered fields such as `Tag.N.Key`.
#[derive(Clone, Copy, Debug)]
pub struct NumberedFields {
    /// Whether a name belongs to the family.
    pub accepts: fn(&str) -> bool,
    /// How help texts name the family.
    pub described: &'static str,
}

/// Everything known about one target, as data.
#[derive(Debug)]
pub struct ProviderSpec {
    /// The command-line identifier (`alibaba-slb-ca`, ...).
    pub id: &'static str,
    /// A human title.
    pub title: &'static str,
    /// The API's name (`UploadCACertificate`, ...).
    pub api: &'static str,
    /// The API version.
    pub version: &'static str,
    /// The signing schemes the API accepts, the preferred first.
    pub schemes: &'static [Scheme],
    /// The regions the documents or SDKs list for it.
    pub regions: &'static [&'static str],
    /// The region the page preselects.
    pub default_region: &'static str,
    /// The fields the user fills in.
    pub fields: &'static [FieldSpec],
    /// Numbered fields (`Tag.N.Key`), which the target checks itself.
    pub numbered_fields: Option<NumberedFields>,
    /// Every rule the checks apply, for documentation and the page.
    pub rules: &'static [&'static Rule],
    /// The host for a region.
    pub host: fn(&str) -> String,
    /// The provider's answer to problems the analysis itself finds (key mismatch, bad PEM, ...),
    /// attached to those diagnostics as `provider_error`.
    pub analysis_errors: &'static [(Code, &'static str)],
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
        /// The header that scopes AK/SK credentials: `X-Project-Id` or `X-Domain-Id`, with its value
        /// when known.
        scope_header: &'static str,
        /// The value of `scope_header` known from the fields (ELB's `project_id`).
        scope_value: Option<String>,
    },
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
    pub vendor_cli: Option<String>,
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
            vendor_cli: None,
        }
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

impl Preparation {
    /// Whether any finding (of the target or of the analysis) is an error.
    pub fn blocks(&self, analysis: &Analysis) -> bool {
        analysis.report.has_errors()
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
    }
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
    if mode == Mode::Request {
        check_fields(provider.spec(), fields, &mut prep.diagnostics);
        check_region(provider.spec(), &fields.region, &mut prep.diagnostics);
    }
    let ctx = Context {
        analysis,
        before,
        fields,
        mode,
    };
    match provider {
        ProviderId::AlibabaSlbCa => alibaba_slb_ca::prepare(&ctx, &mut prep),
        ProviderId::AlibabaKms => alibaba_kms::prepare(&ctx, &mut prep),
        ProviderId::HuaweiCcmPca => huawei_ccm_pca::prepare(&ctx, &mut prep),
        ProviderId::HuaweiElb => huawei_elb::prepare(&ctx, &mut prep),
    }
    if mode == Mode::Check || prep.blocks(analysis) {
        prep.call = None;
        prep.vendor_cli = None;
    }
    prep
}

/// What a target's `prepare` reads.
pub(crate) struct Context<'a> {
    pub analysis: &'a Analysis,
    pub before: &'a str,
    pub fields: &'a Fields,
    pub mode: Mode,
}

impl Context<'_> {
    pub fn requesting(&self) -> bool {
        self.mode == Mode::Request
    }
}

/// Where field diagnostics point.
pub(crate) fn field_location(name: &str) -> Location {
    Location {
        file: format!("field {name}"),
        block: None,
        line: None,
    }
}

/// Where diagnostics about the material as a whole point.
pub(crate) fn material_location() -> Location {
    Location {
        file: "certificates".into(),
        block: None,
        line: None,
    }
}

/// Where material diagnostics about certificate `index` point.
pub(crate) fn certificate_location(analysis: &Analysis, index: usize) -> Location {
    analysis
        .certificates
        .get(index)
        .map(|c| c.location.clone())
        .unwrap_or_default()
}

pub(crate) fn rule_diagnostic(
    code: Code,
    at: Location,
    rule: &Rule,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Diagnostic {
    let source = rule
        .sources
        .first()
        .map(|s| format!(" (rule {}: {}, {})", rule.id, s.document, s.as_of))
        .unwrap_or_default();
    let diagnostic = Diagnostic::new(code, at, format!("{}{source}", message.into()), hint);
    match rule.provider_error {
        // Infos are fixes already applied: the provider will not answer with an error for them.
        Some(error) if code.severity() != Severity::Info => diagnostic.with_provider_error(error),
        _ => diagnostic,
    }
}

fn check_fields(spec: &ProviderSpec, fields: &Fields, out: &mut Vec<Diagnostic>) {
    for (name, value) in &fields.values {
        let Some(field) = spec.fields.iter().find(|f| f.name == name) else {
            if spec
                .numbered_fields
                .is_some_and(|numbered| (numbered.accepts)(name))
            {
                continue; // checked by the target itself
            }
            let mut known: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
            if let Some(numbered) = &spec.numbered_fields {
                known.push(numbered.described);
            }
            out.push(Diagnostic::new(
                Code::FieldUnknown,
                field_location(name),
                format!("{} does not take a field {name:?}", spec.api),
                format!(
                    "the fields are: {}; the certificate, chain and key come from the FILEs",
                    known.join(", ")
                ),
            ));
            continue;
        };
        check_value(field, value, out);
    }
    for field in spec.fields.iter().filter(|f| f.required) {
        if fields.get(field.name).is_none() {
            out.push(rule_diagnostic(
                Code::FieldMissing,
                field_location(field.name),
                field.rule,
                format!("{} needs {}: {}", spec.api, field.name, field.help),
                format!("give it with --field {}=VALUE", field.name),
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
            if !accepts(value) {
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

fn check_region(spec: &ProviderSpec, region: &str, out: &mut Vec<Diagnostic>) {
    let plausible = !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !plausible {
        out.push(Diagnostic::new(
            Code::FieldInvalid,
            field_location("region"),
            format!("the region {region:?} is not a region ID (lowercase letters, digits and -)"),
            format!("use one of: {}", spec.regions.join(", ")),
        ));
    } else if !spec.regions.contains(&region) {
        out.push(Diagnostic::new(
            Code::RegionNotListed,
            field_location("region"),
            format!(
                "{} is not among the regions listed for {}; the request goes to {}",
                region,
                spec.api,
                (spec.host)(region)
            ),
            format!("listed regions: {}", spec.regions.join(", ")),
        ));
    }
}

/// "RSA 2048", "EC P-256", "SM2", ... for messages.
pub(crate) fn describe_key(key: &crate::analysis::public_key::PublicKeyInfo) -> String {
    use crate::analysis::public_key::KeyType;
    match key.key_type {
        KeyType::Rsa => format!("RSA {}", key.bits.unwrap_or(0)),
        KeyType::Ec => format!("EC {}", key.curve.unwrap_or("unknown curve")),
        KeyType::Ed25519 => "Ed25519".into(),
        KeyType::Sm2 => "SM2".into(),
        KeyType::Other => format!("algorithm {}", key.algorithm_oid),
        other => other.as_str().into(),
    }
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
            Location::default(),
            rule,
            format!("no CSR was given, so the match with the CSR {whose} cannot be checked"),
            format!("add the CSR {whose} as one more FILE"),
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
    /// Huawei AK/SK; `domain_id` for account-level services (CCM).
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
    /// AK/SK for CCM needs the account ID.
    DomainIdRequired,
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
            SignError::DomainIdRequired => f.write_str(
                "Huawei AK/SK signing for CCM needs the account ID: give --domain-id (X-Domain-Id)",
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
    if !provider.spec().schemes.contains(&auth.scheme()) {
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
            let mut request = HttpRequest::new("POST", host, "/");
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
                scope_header,
                scope_value,
            },
            auth @ (Auth::HuaweiAksk { .. } | Auth::HuaweiToken { .. }),
        ) => {
            let mut request = HttpRequest::new("POST", host, path);
            request.headers = headers.clone();
            request.body = body.clone().into_bytes();
            match auth {
                Auth::HuaweiAksk {
                    credentials,
                    domain_id,
                } => {
                    let scope = if *scope_header == "X-Domain-Id" {
                        Some(domain_id.clone().ok_or(SignError::DomainIdRequired)?)
                    } else {
                        scope_value.clone()
                    };
                    if let Some(value) = scope {
                        request.headers.push(((*scope_header).to_owned(), value));
                    }
                    huawei_aksk::sign(request, credentials, at).map_err(SignError::Signing)
                }
                Auth::HuaweiToken { env } => Ok(huawei_token::sign(request, env, at)),
                _ => unreachable!("matched above"),
            }
        }
        _ => Err(SignError::SchemeMismatch(auth.scheme(), provider)),
    }
}

/// The signature's lifetime, for messages.
pub const SIGNATURE_LIFETIME: Duration = signing::SIGNATURE_LIFETIME;
