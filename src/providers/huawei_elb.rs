//! Huawei Cloud ELB v3 "Creating a Certificate": a server certificate with its key (`server`), CA
//! certificates for client authentication (`client`), or an SM dual certificate (`server_sm`).

use super::{
    Call, Context, FieldSpec, Preparation, ProviderSpec, Rule, Shape, Source, certificate_location,
    describe_key, field_location, rule_diagnostic,
};
use crate::analysis::certificate::SanEntry;
use crate::analysis::public_key::KeyType;
use crate::analysis::{self, Analysis, Input, Options};
use crate::diagnostic::{Code, Diagnostic};
use crate::fixes::{self, KeyEncoding, RootPolicy};
use crate::render::{shell_quote, write_file_lines};
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Huawei Cloud ELB API reference (v3): Creating a Certificate",
    url: "https://support.huaweicloud.com/intl/en-us/api-elb/CreateCertificate.html",
    as_of: "2025-08-29",
};
const SDK_MODEL: Source = Source {
    document: "huaweicloudsdkelb 3.1.219 v3/model/create_certificate_option.py (Chinese API text)",
    url: "https://pypi.org/project/huaweicloudsdkelb/3.1.219/",
    as_of: "3.1.219",
};
const ERROR_CODES: Source = Source {
    document: "Huawei Cloud ELB API reference: Error codes",
    url: "https://support.huaweicloud.com/intl/en-us/api-elb/ErrorCode.html",
    as_of: "2025-08-29",
};
const USER_GUIDE: Source = Source {
    document: "Huawei Cloud ELB user guide: Certificate overview",
    url: "https://support.huaweicloud.com/intl/en-us/usermanual-elb/en-us_topic_0092382555.html",
    as_of: "2025-08-29",
};
const SCM_FAQ: Source = Source {
    document: "Huawei Cloud CCM (SCM) FAQ: PKCS#8 keys are not supported for deployment",
    url: "https://support.huaweicloud.com/intl/en-us/ccm_faq/",
    as_of: "2025-08-29",
};

const ELB_1011: &str = "ELB.1011 (Private_key or certificate content is not valid.)";

/// Project ID.
pub static PROJECT_ID: Rule = Rule {
    id: "huawei-elb/project-id",
    statement: "project_id (path): up to 32 digits and lowercase letters",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("ELB.0230 (the project ID is empty or invalid)"),
};
/// Type.
pub static TYPE: Rule = Rule {
    id: "huawei-elb/type",
    statement: "type: server (default), client (CA certificates, no key) or server_sm (SM2 dual \
                certificate with enc_certificate and enc_private_key)",
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: Some("the SDK enum lacks server_sm, which the API page lists"),
    provider_error: Some("ELB.1001 (invalid parameters)"),
};
/// Certificate size and count.
pub static CERTIFICATE: Rule = Rule {
    id: "huawei-elb/certificate",
    statement: "certificate: PEM, at most 11 certificates (the certificate and its chain), at \
                most 65,536 characters",
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: Some(
        "the English API page allows 65,536 characters; the SDK model (the Chinese page's text) \
         allows 20,000: above 20,000 is a warning, above 65,536 an error",
    ),
    provider_error: Some(ELB_1011),
};
/// The key.
pub static PRIVATE_KEY: Rule = Rule {
    id: "huawei-elb/private-key",
    statement: "private_key: PEM, unencrypted, at most 8,192 characters, required for server and \
                server_sm, matching the certificate",
    sources: &[API_PAGE, USER_GUIDE, ERROR_CODES],
    disagreement: None,
    provider_error: Some(ELB_1011),
};
/// Key encoding.
pub static KEY_ENCODING: Rule = Rule {
    id: "huawei-elb/key-encoding",
    statement: "server keys are sent as PKCS#1 (RSA) or SEC1 (EC): deployment through SCM refuses \
                PKCS#8; SM keys stay PKCS#8",
    sources: &[SCM_FAQ, USER_GUIDE],
    disagreement: Some("the ELB API page names no encoding; the SCM FAQ refuses PKCS#8"),
    provider_error: Some(ELB_1011),
};
/// Client certificates.
pub static CLIENT: Rule = Rule {
    id: "huawei-elb/client",
    statement: "type client: CA certificates only (cA=TRUE, keyCertSign), no private key",
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("ELB: CA certificate content is not valid"),
};
/// SM dual certificate.
pub static SERVER_SM: Rule = Rule {
    id: "huawei-elb/server-sm",
    statement: "type server_sm: SM2 signing certificate and key plus enc_certificate and \
                enc_private_key (SM2 encryption pair, PEM, at most 20,000 and 8,192 characters), \
                each key matching its certificate; the enc pair only with server_sm",
    sources: &[SDK_MODEL, USER_GUIDE],
    disagreement: Some("enc_certificate and enc_private_key appear in the SDK model only"),
    provider_error: Some(ELB_1011),
};
/// Domain.
pub static DOMAIN: Rule = Rule {
    id: "huawei-elb/domain",
    statement: "domain (type server only): comma-separated, at most 100 names and 10,000 \
                characters; labels of letters, digits and '-' (not first or last), at most 63 \
                characters; a wildcard only as the leading '*.'; each covered by the certificate",
    sources: &[API_PAGE, USER_GUIDE],
    disagreement: Some("the older SDK model allows 1,024 characters and 30 names"),
    provider_error: Some("ELB.1001 (invalid parameters)"),
};
/// Name and description.
pub static TEXTS: Rule = Rule {
    id: "huawei-elb/name-description",
    statement: "name and description: at most 255 characters each",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("ELB.1001 (invalid parameters)"),
};
/// Enterprise project.
pub static ENTERPRISE_PROJECT: Rule = Rule {
    id: "huawei-elb/enterprise-project-id",
    statement: "enterprise_project_id: an existing enterprise project ID; not \"\" and not \"0\"",
    sources: &[API_PAGE],
    disagreement: Some("the page calls \"0\" both the default and not allowed: omit the field"),
    provider_error: Some("ELB.1001 (invalid parameters)"),
};
/// Protection.
pub static PROTECTION: Rule = Rule {
    id: "huawei-elb/protection",
    statement: "protection_status: nonProtection (default) or consoleProtection; \
                protection_reason only with consoleProtection",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("ELB.1001 (invalid parameters)"),
};
/// Other simple fields.
pub static OTHER: Rule = Rule {
    id: "huawei-elb/other-fields",
    statement: "admin_state_up: true or false (no effect); source: scm or empty; \
                scm_certificate_id: a CCM certificate ID recorded as is",
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: None,
    provider_error: Some("ELB.1001 (invalid parameters)"),
};

fn is_project_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

fn is_enterprise_project(value: &str) -> bool {
    !value.is_empty() && value != "0"
}

/// Regions in the SDK's ELB table.
pub const REGIONS: &[&str] = &[
    "af-north-1",
    "af-south-1",
    "ae-ad-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "cn-east-2",
    "cn-east-3",
    "cn-east-4",
    "cn-east-5",
    "cn-north-1",
    "cn-north-2",
    "cn-north-4",
    "cn-north-9",
    "cn-north-12",
    "cn-south-1",
    "cn-south-2",
    "cn-south-4",
    "cn-southwest-2",
    "eu-west-0",
    "eu-west-101",
    "la-north-2",
    "la-south-2",
    "me-east-1",
    "my-kualalumpur-1",
    "na-mexico-1",
    "ru-moscow-1",
    "ru-northwest-2",
    "sa-brazil-1",
    "tr-west-1",
];

fn host(region: &str) -> String {
    format!("elb.{region}.myhuaweicloud.com")
}

const fn text(
    name: &'static str,
    max: usize,
    help: &'static str,
    rule: &'static Rule,
) -> FieldSpec {
    FieldSpec {
        name,
        required: false,
        min_chars: 0,
        max_chars: Some(max),
        shape: Shape::Text,
        help,
        rule,
    }
}

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "huawei-elb",
    title: "Huawei Cloud ELB v3 — create certificate",
    api: "CreateCertificate",
    version: "v3",
    schemes: &[Scheme::HuaweiAksk, Scheme::HuaweiToken],
    regions: REGIONS,
    default_region: "cn-north-4",
    fields: &[
        FieldSpec {
            name: "project_id",
            required: true,
            min_chars: 1,
            max_chars: Some(32),
            shape: Shape::Pattern(is_project_id, "digits and lowercase letters"),
            help: "the project ID of the region (IAM → My Credentials → Projects)",
            rule: &PROJECT_ID,
        },
        FieldSpec {
            name: "type",
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::OneOf(&["server", "client", "server_sm"]),
            help: "server (with key), client (CA certificates) or server_sm (SM dual certificate)",
            rule: &TYPE,
        },
        text("name", 255, "the certificate's name", &TEXTS),
        text("description", 255, "a description", &TEXTS),
        text(
            "domain",
            10_000,
            "comma-separated domain names for SNI (type server)",
            &DOMAIN,
        ),
        FieldSpec {
            name: "admin_state_up",
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::OneOf(&["true", "false"]),
            help: "true or false (has no effect)",
            rule: &OTHER,
        },
        FieldSpec {
            name: "enterprise_project_id",
            required: false,
            min_chars: 1,
            max_chars: Some(36),
            shape: Shape::Pattern(
                is_enterprise_project,
                "an enterprise project ID other than \"0\"",
            ),
            help: "the enterprise project; leave it out for the default project",
            rule: &ENTERPRISE_PROJECT,
        },
        FieldSpec {
            name: "source",
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::OneOf(&["scm", ""]),
            help: "scm when the certificate comes from CCM",
            rule: &OTHER,
        },
        text(
            "scm_certificate_id",
            128,
            "the CCM certificate ID (recorded, not checked)",
            &OTHER,
        ),
        FieldSpec {
            name: "protection_status",
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::OneOf(&["nonProtection", "consoleProtection"]),
            help: "nonProtection or consoleProtection",
            rule: &PROTECTION,
        },
        text(
            "protection_reason",
            255,
            "why the certificate is protected",
            &PROTECTION,
        ),
        text(
            "enc_certificate",
            20_000,
            "server_sm: the SM2 encryption certificate (PEM; @FILE)",
            &SERVER_SM,
        ),
        text(
            "enc_private_key",
            8_192,
            "server_sm: the SM2 encryption key (PEM; @FILE)",
            &SERVER_SM,
        ),
    ],
    numbered_fields: None,
    rules: &[
        &PROJECT_ID,
        &TYPE,
        &CERTIFICATE,
        &PRIVATE_KEY,
        &KEY_ENCODING,
        &CLIENT,
        &SERVER_SM,
        &DOMAIN,
        &TEXTS,
        &ENTERPRISE_PROJECT,
        &PROTECTION,
        &OTHER,
    ],
    host,
    analysis_errors: &[
        (Code::KeyDoesNotMatchCertificate, ELB_1011),
        (Code::PemInvalidBase64, ELB_1011),
        (Code::InvalidAsn1, ELB_1011),
        (Code::PemMissingEnd, ELB_1011),
        (Code::PemLabelMismatch, ELB_1011),
        (Code::EncryptedKeyNeedsPassphrase, ELB_1011),
        (Code::WrongPassphrase, ELB_1011),
        (Code::KeyInvalid, ELB_1011),
        (Code::KeyTypeNotAccepted, ELB_1011),
    ],
};

const MAX_CERTIFICATES: usize = 11;
const CERTIFICATE_WARN: usize = 20_000;
const CERTIFICATE_MAX: usize = 65_536;
const KEY_MAX: usize = 8_192;

pub(crate) fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let kind = ctx.fields.get("type").unwrap_or("server");
    let out = &mut prep.diagnostics;
    let chain = &analysis.report.chain;
    let is_server = kind != "client";

    if analysis.certificates.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            super::material_location(),
            &CERTIFICATE,
            "no certificate was given",
            "give the certificate (and its chain) as PEM",
        ));
    }
    if kind == "client" {
        for (index, parsed) in analysis.certificates.iter().enumerate() {
            let summary = &parsed.summary;
            if !summary.is_ca
                || summary.has_key_usage && !summary.key_usage.contains(&"keyCertSign")
            {
                out.push(rule_diagnostic(
                    Code::TargetNeedsCaCertificate,
                    certificate_location(analysis, index),
                    &CLIENT,
                    format!(
                        "type client takes CA certificates; #{index} ({}) is not one",
                        summary.subject
                    ),
                    "give the CA certificates that issue your clients' certificates, or use type server",
                ));
            }
        }
        super::key_not_taken(ctx, "type client", "it holds CA certificates only", out);
    }
    if kind == "server_sm"
        && let Some(&leaf) = chain.order.first()
    {
        let key = &analysis.certificates[leaf].summary.public_key;
        if key.key_type != KeyType::Sm2 {
            out.push(rule_diagnostic(
                Code::TargetKeyAlgorithm,
                certificate_location(analysis, leaf),
                &SERVER_SM,
                format!(
                    "type server_sm needs an SM2 certificate; this one is {}",
                    describe_key(key)
                ),
                "use type server for RSA and ECDSA certificates",
            ));
        }
    }

    // The certificate field: the server's path without its root, or the client CAs as given.
    let root = if is_server {
        RootPolicy::Drop
    } else {
        RootPolicy::Keep
    };
    prep.bundle = fixes::normalise_bundle(analysis, root, ctx.before);
    let certificate_pem = match (&prep.bundle, kind) {
        (Some(bundle), "client") => {
            // Every CA given, each once, in chain order where they form one.
            let mut order = bundle.order.clone();
            for index in 0..analysis.certificates.len() {
                let duplicate = chain.duplicates.iter().any(|d| d.index == index);
                if !order.contains(&index) && !duplicate {
                    order.push(index);
                }
            }
            order
                .iter()
                .map(|&i| fixes::pem("CERTIFICATE", &analysis.certificates[i].der))
                .collect::<String>()
        }
        (Some(bundle), _) => bundle.full_pem.clone(),
        (None, _) => String::new(),
    };
    super::report_bundle_changes(
        prep,
        &CERTIFICATE,
        "ELB",
        "the request sends the arranged PEM; the fixes show before and after",
    );
    let out = &mut prep.diagnostics;
    let count = certificate_pem
        .matches("-----BEGIN CERTIFICATE-----")
        .count();
    if count > MAX_CERTIFICATES {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            super::material_location(),
            &CERTIFICATE,
            format!("certificate holds {count} certificates; ELB takes at most {MAX_CERTIFICATES}"),
            "drop certificates that are not on the path, and the root",
        ));
    }
    let chars = certificate_pem.chars().count();
    if chars > CERTIFICATE_MAX {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            super::material_location(),
            &CERTIFICATE,
            format!("certificate has {chars} characters; the API page allows {CERTIFICATE_MAX}"),
            "drop certificates that are not on the path",
        ));
    } else if chars > CERTIFICATE_WARN {
        out.push(rule_diagnostic(
            Code::FieldOverDisputedLimit,
            super::material_location(),
            &CERTIFICATE,
            format!(
                "certificate has {chars} characters: within the English page's {CERTIFICATE_MAX} \
                 but above the SDK's {CERTIFICATE_WARN}"
            ),
            "drop the root or stray certificates if the upload is refused",
        ));
    }

    // The private key: required for server types, re-encoded where the target wants it.
    let key_pem = if is_server {
        server_key(ctx, kind, out).map(|(pem, fix)| {
            prep.key_fix = fix;
            pem
        })
    } else {
        None
    };
    let out = &mut prep.diagnostics;

    let mut enc = None;
    if ctx.requesting() {
        check_fields(ctx, kind, out);
        if kind == "server"
            && let Some(domain) = ctx.fields.get("domain")
        {
            check_domain(analysis, domain, out);
        }
        if kind == "server_sm" {
            enc = check_enc_pair(ctx, out);
        }
    }
    prep.key = key_pem.clone();
    if !ctx.requesting() || prep.bundle.is_none() {
        return;
    }
    let project_id = ctx.fields.get("project_id").unwrap_or_default();
    let mut option = serde_json::Map::new();
    option.insert("certificate".into(), certificate_pem.clone().into());
    if let Some(key) = &key_pem {
        option.insert("private_key".into(), key.pem.clone().into());
    }
    if let Some((certificate, key)) = &enc {
        option.insert("enc_certificate".into(), certificate.clone().into());
        option.insert("enc_private_key".into(), key.clone().into());
    }
    for (name, value) in &ctx.fields.values {
        let passthrough = matches!(
            name.as_str(),
            "type"
                | "name"
                | "description"
                | "enterprise_project_id"
                | "source"
                | "scm_certificate_id"
                | "protection_status"
                | "protection_reason"
        ) || name == "domain" && kind == "server";
        if passthrough {
            option.insert(name.clone(), value.clone().into());
        } else if name == "admin_state_up" {
            option.insert(name.clone(), (value == "true").into());
        }
    }
    let body = serde_json::json!({ "certificate": option }).to_string();
    let region = &ctx.fields.region;
    prep.vendor_cli = Some(vendor_cli(region, project_id, &option));
    prep.call = Some(Call::Rest {
        host: host(region),
        path: format!("/v3/{project_id}/elb/certificates"),
        headers: vec![(
            "Content-Type".into(),
            "application/json;charset=UTF-8".into(),
        )],
        body,
        scope_header: "X-Project-Id",
        scope_value: Some(project_id.to_owned()),
    });
}

fn server_key(
    ctx: &Context<'_>,
    kind: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<(fixes::KeyPem, Option<super::KeyFix>)> {
    let analysis = ctx.analysis;
    // The key that matches the leaf, else the first one (whose mismatch the analysis reports).
    let key = analysis
        .keys
        .iter()
        .find(|k| k.summary.matches_leaf == Some(true))
        .or_else(|| analysis.keys.first());
    let Some(key) = key else {
        out.push(rule_diagnostic(
            Code::TargetNeedsPrivateKey,
            super::material_location(),
            &PRIVATE_KEY,
            format!("type {kind} needs the certificate's private key; none was given"),
            "add the key file (it is signed into the request locally and never leaves this machine otherwise)",
        ));
        return None;
    };
    if key.plain.is_none() {
        out.push(rule_diagnostic(
            Code::TargetNeedsPrivateKey,
            key.location.clone(),
            &PRIVATE_KEY,
            "the private key could not be read, so it cannot be sent",
            "give its passphrase (--passphrase-env VAR): ELB takes only unencrypted keys, decrypted here",
        ));
        return None;
    }
    let want = if kind == "server_sm" {
        KeyEncoding::Pkcs8
    } else {
        KeyEncoding::Traditional
    };
    let pem = match fixes::reencode_key(key, want) {
        Ok(pem) => pem,
        Err(message) => {
            out.push(rule_diagnostic(
                Code::TargetNeedsPrivateKey,
                key.location.clone(),
                &KEY_ENCODING,
                message,
                "export the key as PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1/SEC1",
            ));
            return None;
        }
    };
    let fix = pem.changed.then(|| {
        let reason = if key.summary.encrypted {
            "ELB takes only unencrypted keys: decrypted locally"
        } else {
            "deployment through SCM refuses PKCS#8: re-encoded, same key"
        };
        out.push(rule_diagnostic(
            Code::TargetKeyReencoded,
            key.location.clone(),
            &KEY_ENCODING,
            format!("the {} key is sent as {} ({reason})", pem.from, pem.label),
            "nothing to do; the fixes show the key's before and after encodings",
        ));
        super::KeyFix {
            from: pem.from,
            to: pem.label,
            reason,
        }
    });
    let chars = pem.pem.chars().count();
    if chars > KEY_MAX {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            key.location.clone(),
            &PRIVATE_KEY,
            format!("private_key has {chars} characters; at most {KEY_MAX}"),
            "an RSA key above 8,192 bits does not fit: use a 2048- to 4096-bit key",
        ));
    }
    Some((pem, fix))
}

fn check_fields(ctx: &Context<'_>, kind: &str, out: &mut Vec<Diagnostic>) {
    let fields = ctx.fields;
    if fields.get("protection_reason").is_some()
        && fields.get("protection_status") != Some("consoleProtection")
    {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location("protection_reason"),
            &PROTECTION,
            "protection_reason is given without protection_status=consoleProtection",
            "add --field protection_status=consoleProtection, or drop the reason",
        ));
    }
    if fields.get("domain").is_some() && kind != "server" {
        out.push(rule_diagnostic(
            Code::FieldIgnored,
            field_location("domain"),
            &DOMAIN,
            format!("domain only applies to type server, not {kind}; it is not sent"),
            "leave domain out",
        ));
    }
    if kind != "server_sm" {
        for name in ["enc_certificate", "enc_private_key"] {
            if fields.get(name).is_some() {
                out.push(rule_diagnostic(
                    Code::FieldInvalid,
                    field_location(name),
                    &SERVER_SM,
                    format!("{name} is only allowed with type server_sm"),
                    "use type server_sm for SM dual certificates, or drop the field",
                ));
            }
        }
    }
}

fn check_enc_pair(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) -> Option<(String, String)> {
    let (Some(certificate), Some(key)) = (
        ctx.fields.get("enc_certificate"),
        ctx.fields.get("enc_private_key"),
    ) else {
        out.push(rule_diagnostic(
            Code::FieldMissing,
            field_location("enc_certificate"),
            &SERVER_SM,
            "type server_sm needs enc_certificate and enc_private_key (the SM2 encryption pair)",
            "give --field enc_certificate=@FILE --field enc_private_key=@FILE",
        ));
        return None;
    };
    let inputs = [
        Input::new("field enc_certificate", certificate.as_bytes()),
        Input::new("field enc_private_key", key.as_bytes()),
    ];
    let pair: Analysis = analysis::analyze_with(
        &inputs,
        &Options {
            now: Default::default(),
            passphrase: None,
            pkcs12_password: None,
        },
    );
    let certificate_ok = pair.certificates.len() == 1
        && pair.certificates[0].summary.public_key.key_type == KeyType::Sm2;
    let key_ok = pair.keys.len() == 1
        && pair.keys[0].summary.matches_leaf == Some(true)
        && !pair.keys[0].summary.encrypted;
    if !certificate_ok || !key_ok {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location("enc_certificate"),
            &SERVER_SM,
            "the encryption pair must be one SM2 certificate and its unencrypted private key",
            "give the SM2 encryption certificate and the key that belongs to it (PEM)",
        ));
        return None;
    }
    let key = fixes::reencode_key(&pair.keys[0], KeyEncoding::Pkcs8).ok()?;
    Some((
        fixes::pem("CERTIFICATE", &pair.certificates[0].der),
        key.pem,
    ))
}

/// Checks the comma-separated domain list: counts, label syntax, wildcards, coverage.
fn check_domain(analysis: &Analysis, domain: &str, out: &mut Vec<Diagnostic>) {
    let names: Vec<&str> = domain.split(',').collect();
    if names.len() > 100 {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            field_location("domain"),
            &DOMAIN,
            format!("domain lists {} names; at most 100", names.len()),
            "split the names over several certificates",
        ));
    }
    let leaf = analysis
        .report
        .chain
        .order
        .first()
        .map(|&i| &analysis.certificates[i].summary);
    let mut certificate_names: Vec<String> = leaf
        .map(|s| {
            s.sans
                .iter()
                .filter(|san: &&SanEntry| san.kind == "dns")
                .map(|san| san.value.to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_default();
    if certificate_names.is_empty()
        && let Some(cn) = leaf.and_then(|s| s.common_name.clone())
    {
        certificate_names.push(cn.to_ascii_lowercase());
    }
    for name in names {
        if !valid_domain(name) {
            out.push(rule_diagnostic(
                Code::FieldInvalid,
                field_location("domain"),
                &DOMAIN,
                format!("{name:?} is not a domain name ELB accepts"),
                "labels of letters, digits and '-', 1-63 characters each, a wildcard only as the leading '*.'",
            ));
            continue;
        }
        if leaf.is_some()
            && !certificate_names
                .iter()
                .any(|c| covers(c, &name.to_ascii_lowercase()))
        {
            out.push(rule_diagnostic(
                Code::DomainNotCovered,
                field_location("domain"),
                &DOMAIN,
                format!(
                    "{name} is not among the certificate's names ({})",
                    certificate_names.join(", ")
                ),
                "remove it from domain, or use a certificate that covers it",
            ));
        }
    }
}

fn valid_domain(name: &str) -> bool {
    let body = name.strip_prefix("*.").unwrap_or(name);
    !body.is_empty()
        && body.len() <= 253
        && body.split('.').all(|label| {
            let bytes = label.as_bytes();
            !bytes.is_empty()
                && bytes.len() <= 63
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                && bytes[0] != b'-'
                && bytes[bytes.len() - 1] != b'-'
        })
}

/// Whether certificate name `pattern` (possibly `*.x`) covers requested name `name` (possibly
/// `*.x`, which only an identical wildcard covers), per RFC 6125 §6.4.3 (leftmost label only).
fn covers(pattern: &str, name: &str) -> bool {
    if pattern == name {
        return true;
    }
    match pattern.strip_prefix("*.") {
        Some(suffix) if !name.starts_with("*.") => name
            .split_once('.')
            .is_some_and(|(first, rest)| !first.is_empty() && rest == suffix),
        _ => false,
    }
}

fn vendor_cli(
    region: &str,
    project_id: &str,
    option: &serde_json::Map<String, serde_json::Value>,
) -> String {
    let mut out = String::from(
        "# Huawei Cloud KooCLI (hcloud), credentials from `hcloud configure`. The key file is made\n\
         # under umask 077 and removed afterwards; KooCLI still gets it as an argument (visible in\n\
         # `ps` while it runs): prefer the curl command on shared machines.\n\
         (\n  set -e\n  umask 077\n  dir=$(mktemp -d)\n  trap 'rm -rf \"$dir\"' EXIT\n",
    );
    let pem_fields = [
        "certificate",
        "private_key",
        "enc_certificate",
        "enc_private_key",
    ];
    for name in pem_fields {
        if let Some(serde_json::Value::String(pem)) = option.get(name) {
            out.push_str(&write_file_lines(
                &format!("\"$dir/{name}.pem\""),
                pem,
                "CERT_PREFLIGHT_PEM",
            ));
        }
    }
    out.push_str(&format!(
        "  hcloud ELB CreateCertificate --cli-region={} \\\n    --project_id={}",
        shell_quote(region),
        shell_quote(project_id)
    ));
    for (name, value) in option {
        if pem_fields.contains(&name.as_str()) {
            out.push_str(&format!(
                " \\\n    --certificate.{name}=\"$(cat \"$dir/{name}.pem\")\""
            ));
        } else {
            let value = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.push_str(&format!(
                " \\\n    --certificate.{name}={}",
                shell_quote(&value)
            ));
        }
    }
    out.push_str("\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_one_label_only() {
        assert!(covers("*.example.com", "www.example.com"));
        assert!(!covers("*.example.com", "a.b.example.com"));
        assert!(!covers("*.example.com", "example.com"));
        assert!(covers("*.example.com", "*.example.com"));
        assert!(!covers("www.example.com", "*.example.com"));
    }

    #[test]
    fn domain_syntax_follows_the_label_rules() {
        assert!(valid_domain("*.example.com"));
        assert!(valid_domain("a-b.example.com"));
        assert!(!valid_domain("-a.example.com"));
        assert!(!valid_domain("a.*.example.com"));
        assert!(!valid_domain("exa mple.com"));
        assert!(!valid_domain(&format!("{}.com", "a".repeat(64))));
    }
}
