//! Alibaba Cloud SLB (Classic Load Balancer) `UploadCACertificate`, version 2014-05-15: one CA
//! certificate per call, for mutual TLS listeners.

use super::{
    Call, Context, FieldSpec, Preparation, ProviderSpec, Rule, Shape, Source, certificate_location,
    field_location, rule_diagnostic,
};
use crate::analysis::public_key::KeyType;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::fixes::{self, RootPolicy};
use crate::render::{shell_quote, write_file_lines};
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Alibaba Cloud SLB API reference: UploadCACertificate",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-uploadcacertificate",
    as_of: "2026-03-02",
};
const ENDPOINTS: Source = Source {
    document: "Server Load Balancer: Endpoints (and the SDK endpoint data)",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-endpoint",
    as_of: "2026-03-02",
};
const REQUIREMENTS: Source = Source {
    document: "CLB: Certificate requirements and certificate format conversion",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/certificate-requirements-and-certificate-format-conversion",
    as_of: "2026-03-02",
};
const SISTER_API: Source = Source {
    document: "Alibaba Cloud SLB API reference: UploadServerCertificate (sister API)",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-uploadservercertificate",
    as_of: "2026-03-02",
};

/// Exactly one certificate, and it is a CA.
pub static ONE_CA: Rule = Rule {
    id: "alibaba-slb-ca/one-ca-certificate",
    statement: "CACertificate holds exactly one certificate, a CA certificate (basicConstraints \
                cA=TRUE, keyUsage keyCertSign); upload a chain's CAs one call at a time",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter (The specified parameter CACertificate is not valid)"),
};
/// Accepted public keys.
pub static KEYS: Rule = Rule {
    id: "alibaba-slb-ca/key-algorithms",
    statement: "accepted public keys: RSA 1024, 2048 or 4096 bits; ECDSA P-256, P-384, P-521",
    sources: &[REQUIREMENTS],
    disagreement: Some(
        "the requirements page lists them for server certificates; the UploadCACertificate page \
         names no algorithm",
    ),
    provider_error: Some("InvalidParameter"),
};
/// PEM layout.
pub static PEM_LAYOUT: Rule = Rule {
    id: "alibaba-slb-ca/pem-layout",
    statement: "PEM only, every line but the last of 64 characters, no spaces and no blank lines",
    sources: &[REQUIREMENTS],
    disagreement: None,
    provider_error: Some("InvalidParameter (Invalid parameter)"),
};
/// The region and its endpoint.
pub static REGION: Rule = Rule {
    id: "alibaba-slb-ca/region",
    statement: "RegionId is required; cn-hangzhou uses slb.aliyuncs.com, other regions \
                slb.{RegionId}.aliyuncs.com",
    sources: &[API_PAGE, ENDPOINTS],
    disagreement: None,
    provider_error: Some("MissingRegionId"),
};
/// Certificate name.
pub static NAME: Rule = Rule {
    id: "alibaba-slb-ca/name",
    statement: "CACertificateName: the API page documents no rule; the sister API's name is 1-80 \
                characters, starts with a letter, and holds letters, digits, '.', '_' and '-'",
    sources: &[API_PAGE, SISTER_API],
    disagreement: Some("only the sister API documents the name rule; it is checked as a warning"),
    provider_error: Some("InvalidParameter"),
};
/// Resource group.
pub static RESOURCE_GROUP: Rule = Rule {
    id: "alibaba-slb-ca/resource-group",
    statement: "ResourceGroupId is an existing resource group ID such as rg-atstuj3rtoptyui",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some(
        "Forbidden.RAM / User not authorized to operate on the specified resource",
    ),
};
/// Tag keys.
pub static TAG_KEY: Rule = Rule {
    id: "alibaba-slb-ca/tag-key",
    statement: "Tag.N.Key (N = 1..20): 1-128 characters, not starting with acs: or aliyun, not \
                containing http:// or https://",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParam.TagKey"),
};
/// Tag values.
pub static TAG_VALUE: Rule = Rule {
    id: "alibaba-slb-ca/tag-value",
    statement: "Tag.N.Value: up to 128 characters, not starting with acs: or aliyun, not \
                containing http:// or https://; a value needs its key",
    sources: &[API_PAGE],
    disagreement: Some(
        "the page says both that the value can be an empty string and that it has 1 to 128 \
         characters; an empty value is sent with a warning",
    ),
    provider_error: Some("InvalidParam.TagValue"),
};
/// Tag count.
pub static TAG_COUNT: Rule = Rule {
    id: "alibaba-slb-ca/tag-count",
    statement: "at most 20 tags, numbered 1..20",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("SizeLimitExceeded.Tag"),
};

fn is_resource_group(value: &str) -> bool {
    value.strip_prefix("rg-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// The regions the endpoint table and the SDKs list.
pub const REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-nanjing",
    "cn-fuzhou",
    "cn-shenzhen",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-chengdu",
    "cn-hongkong",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "us-east-1",
    "us-west-1",
    "eu-central-1",
    "eu-west-1",
    "me-east-1",
    "cn-shanghai-finance-1",
    "cn-shenzhen-finance-1",
    "cn-north-2-gov-1",
];

fn host(region: &str) -> String {
    if region == "cn-hangzhou" {
        "slb.aliyuncs.com".into()
    } else {
        format!("slb.{region}.aliyuncs.com")
    }
}

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "alibaba-slb-ca",
    title: "Alibaba Cloud SLB — UploadCACertificate",
    api: "UploadCACertificate",
    version: "2014-05-15",
    schemes: &[Scheme::AlibabaRpcV2, Scheme::AlibabaAcs3],
    regions: REGIONS,
    default_region: "cn-hangzhou",
    fields: &[
        FieldSpec {
            name: "CACertificateName",
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::Text,
            help: "a name for the CA certificate",
            rule: &NAME,
        },
        FieldSpec {
            name: "ResourceGroupId",
            required: false,
            min_chars: 1,
            max_chars: None,
            shape: Shape::Pattern(
                is_resource_group,
                "a resource group ID such as rg-atstuj3rtoptyui",
            ),
            help: "the resource group to put the certificate in",
            rule: &RESOURCE_GROUP,
        },
    ],
    numbered_fields: Some(super::NumberedFields {
        accepts: is_tag_field,
        described: "Tag.N.Key, Tag.N.Value (N = 1..20)",
    }),
    rules: &[
        &ONE_CA,
        &KEYS,
        &PEM_LAYOUT,
        &REGION,
        &NAME,
        &RESOURCE_GROUP,
        &TAG_KEY,
        &TAG_VALUE,
        &TAG_COUNT,
    ],
    host,
    analysis_errors: &[
        (
            Code::PemInvalidBase64,
            "InvalidParameter (Invalid parameter)",
        ),
        (Code::InvalidAsn1, "InvalidParameter (Invalid parameter)"),
        (Code::NoPemOrDer, "InvalidParameter (Invalid parameter)"),
    ],
};

/// Whether `name` is `Tag.N.Key` or `Tag.N.Value` for some N (range checked later).
pub fn is_tag_field(name: &str) -> bool {
    parse_tag(name).is_some()
}

fn parse_tag(name: &str) -> Option<(u32, bool)> {
    let rest = name.strip_prefix("Tag.")?;
    let (n, part) = rest.split_once('.')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return None;
    }
    let is_key = match part {
        "Key" => true,
        "Value" => false,
        _ => return None,
    };
    Some((n.parse().ok()?, is_key))
}

/// Checks a tag key or value against the documented rules; shared with nothing else.
fn check_tag_text(name: &str, value: &str, is_key: bool, out: &mut Vec<Diagnostic>) {
    let rule = if is_key { &TAG_KEY } else { &TAG_VALUE };
    let chars = value.chars().count();
    if is_key && chars == 0 {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(name),
            rule,
            format!("{name} is empty"),
            "give the tag a key of 1 to 128 characters",
        ));
    }
    if !is_key && chars == 0 {
        out.push(rule_diagnostic(
            Code::FieldUnverifiedRule,
            field_location(name),
            rule,
            format!("{name} is empty; the page also says a value has 1 to 128 characters"),
            "give a value, or expect InvalidParam.TagValue",
        ));
    }
    if chars > 128 {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            field_location(name),
            rule,
            format!("{name} has {chars} characters; at most 128 are allowed"),
            "shorten it",
        ));
    }
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("acs:") || lower.starts_with("aliyun") {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(name),
            rule,
            format!(
                "{name} starts with {:?}, which Alibaba reserves",
                &value[..value.len().min(6)]
            ),
            "use another prefix",
        ));
    }
    if lower.contains("http://") || lower.contains("https://") {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(name),
            rule,
            format!("{name} contains http:// or https://"),
            "remove the URL scheme",
        ));
    }
}

fn check_tags(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) -> Vec<(String, String)> {
    // Tag N's key and value, at N - 1 (N is 1 to 20): read in order without a sort.
    let mut tags: Vec<(Option<String>, Option<String>)> = vec![(None, None); 20];
    for (name, value) in &ctx.fields.values {
        let Some((n, is_key)) = parse_tag(name) else {
            continue;
        };
        if !(1..=20).contains(&n) {
            out.push(rule_diagnostic(
                Code::FieldInvalid,
                field_location(name),
                &TAG_COUNT,
                format!("{name}: N is {n}; it must be 1 to 20"),
                "number tags from 1 to 20",
            ));
            continue;
        }
        check_tag_text(name, value, is_key, out);
        let entry = &mut tags[(n - 1) as usize];
        if is_key {
            entry.0 = Some(value.clone());
        } else {
            entry.1 = Some(value.clone());
        }
    }
    let mut parameters = Vec::new();
    for (n, (key, value)) in (1..).zip(tags) {
        if key.is_none() && value.is_none() {
            continue;
        }
        if key.is_none() {
            out.push(
                Diagnostic::new(
                    Code::FieldMissing,
                    field_location(&format!("Tag.{n}.Value")),
                    format!("Tag.{n}.Value is given without Tag.{n}.Key"),
                    crate::diagnostic::Hint::per_surface(
                        format!("fill in Tag.{n}.Key too"),
                        format!("give --field Tag.{n}.Key=KEY too"),
                    ),
                )
                .with_provider_error("MissingParam.TagKey"),
            );
        }
        if let Some(key) = key {
            parameters.push((format!("Tag.{n}.Key"), key));
        }
        if let Some(value) = value {
            parameters.push((format!("Tag.{n}.Value"), value));
        }
    }
    parameters
}

fn check_name(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(name) = ctx.fields.get("CACertificateName") else {
        return;
    };
    let chars = name.chars().count();
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let allowed = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !(1..=80).contains(&chars) || !starts_with_letter || !allowed {
        out.push(rule_diagnostic(
            Code::FieldUnverifiedRule,
            field_location("CACertificateName"),
            &NAME,
            format!(
                "CACertificateName {name:?} breaks the sister API's name rule (1-80 characters, a \
                 letter first, then letters, digits, '.', '_', '-')"
            ),
            "the CA upload may accept it; use such a name to be safe",
        ));
    }
}

pub(crate) fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    let count = analysis.certificates.len();
    if count != 1 {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            Location {
                file: analysis
                    .report
                    .inputs
                    .first()
                    .map(|i| i.file.clone())
                    .unwrap_or_default(),
                ..super::material_location()
            },
            &ONE_CA,
            format!("UploadCACertificate takes exactly one certificate; {count} were given"),
            if count == 0 {
                crate::diagnostic::Hint::from("give the CA certificate (PEM)")
            } else {
                crate::diagnostic::Hint::per_surface(
                    "upload each CA certificate in its own call: keep one certificate in the certificate box at a time",
                    "upload each CA certificate in its own call: run this once per certificate file",
                )
            },
        ));
    }
    if let Some(certificate) = analysis.certificates.first() {
        let summary = &certificate.summary;
        let at = certificate_location(analysis, 0);
        if !summary.is_ca || !summary.key_usage.contains(&"keyCertSign") && summary.has_key_usage {
            out.push(rule_diagnostic(
                Code::TargetNeedsCaCertificate,
                at.clone(),
                &ONE_CA,
                format!(
                    "{} is not a CA certificate ({})",
                    summary.subject,
                    if summary.is_ca {
                        "its keyUsage lacks keyCertSign"
                    } else {
                        "basicConstraints cA is not TRUE"
                    }
                ),
                "upload the CA that issued your clients' certificates, not a leaf",
            ));
        }
        let key = &summary.public_key;
        let listed = match key.key_type {
            KeyType::Rsa => matches!(key.bits, Some(1024 | 2048 | 4096)),
            KeyType::Ec => matches!(key.curve, Some("P-256" | "P-384" | "P-521")),
            _ => false,
        };
        if !listed {
            out.push(rule_diagnostic(
                Code::TargetKeyAlgorithmUnlisted,
                at,
                &KEYS,
                format!(
                    "the certificate's key ({}) is not among RSA 1024/2048/4096 and ECDSA P-256/P-384/P-521",
                    super::describe_key(key)
                ),
                "the CA upload may still accept it; if it is refused, this is why",
            ));
        }
    }
    if ctx.requesting() {
        check_name(ctx, out);
    }
    let tags = if ctx.requesting() {
        check_tags(ctx, out)
    } else {
        Vec::new()
    };
    prep.bundle = fixes::normalise_bundle(analysis, RootPolicy::Keep, ctx.before);
    super::report_bundle_changes(
        prep,
        &PEM_LAYOUT,
        "SLB",
        "the request sends the rewritten PEM; the fixes show before and after",
    );
    let (Some(bundle), true) = (&prep.bundle, ctx.requesting()) else {
        return;
    };
    let region = &ctx.fields.region;
    let mut parameters = vec![
        ("RegionId".to_owned(), region.clone()),
        ("CACertificate".to_owned(), bundle.leaf_pem.clone()),
    ];
    for name in ["CACertificateName", "ResourceGroupId"] {
        if let Some(value) = ctx.fields.get(name) {
            parameters.push((name.to_owned(), value.to_owned()));
        }
    }
    parameters.extend(tags);
    prep.vendor_cli = Some(vendor_cli(region, &bundle.leaf_pem, &parameters));
    prep.call = Some(Call::Rpc {
        host: host(region),
        action: SPEC.api,
        version: SPEC.version,
        parameters,
    });
}

fn vendor_cli(region: &str, pem: &str, parameters: &[(String, String)]) -> String {
    let mut out = String::from(
        "# aliyun CLI (https://github.com/aliyun/aliyun-cli), credentials from `aliyun configure`.\n\
         # The PEM is passed as --CACertificate=\"$(cat FILE)\": with '=', so the CLI does not read\n\
         # its dashes as flags (aliyun-cli issues #298, #1232).\n(\n  set -e\n  dir=$(mktemp -d)\n  trap 'rm -rf \"$dir\"' EXIT\n",
    );
    out.push_str(&write_file_lines(
        "\"$dir/ca.pem\"",
        pem,
        "CERT_PREFLIGHT_PEM",
    ));
    out.push_str(&format!(
        "  aliyun slb UploadCACertificate --region {}",
        shell_quote(region)
    ));
    for (name, value) in parameters {
        if name == "CACertificate" {
            out.push_str(" \\\n    --CACertificate=\"$(cat \"$dir/ca.pem\")\"");
        } else {
            out.push_str(&format!(" \\\n    --{name}={}", shell_quote(value)));
        }
    }
    out.push_str("\n)\n");
    out
}
