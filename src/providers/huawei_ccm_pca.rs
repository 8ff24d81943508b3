//! Huawei Cloud CCM private CA "Importing a CA Certificate": activates a subordinate CA in the
//! PENDING state with the certificate its parent CA issued for the CSR exported from it.

use super::{
    Call, Context, FieldSpec, Preparation, ProviderSpec, Rule, Shape, Source, certificate_location,
    csr_wanted, describe_key, key_not_taken, rule_diagnostic,
};
use crate::analysis::public_key::KeyType;
use crate::diagnostic::Code;
use crate::fixes::{self, RootPolicy};
use crate::render::{shell_quote, write_file_lines};
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Huawei Cloud CCM API reference: Importing a CA Certificate",
    url: "https://support.huaweicloud.com/intl/en-us/api-ccm/ImportCertificateAuthorityCertificate.html",
    as_of: "2025-11-28",
};
const ERROR_CODES: Source = Source {
    document: "Huawei Cloud CCM API reference: Private CA error codes",
    url: "https://support.huaweicloud.com/intl/en-us/api-ccm/ErrorCode.html",
    as_of: "2025-11-28",
};
const SDK_REGIONS: Source = Source {
    document: "huaweicloudsdkccm 3.1.219 v1/region/ccm_region.py",
    url: "https://pypi.org/project/huaweicloudsdkccm/3.1.219/",
    as_of: "3.1.219",
};
const TERRAFORM: Source = Source {
    document: "terraform-provider-huaweicloud: huaweicloud_ccm_private_ca",
    url: "https://registry.terraform.io/providers/huaweicloud/huaweicloud/latest/docs/resources/ccm_private_ca",
    as_of: "2025-11-28",
};

/// The CA ID.
pub static CA_ID: Rule = Rule {
    id: "huawei-ccm-pca/ca-id",
    statement: "ca_id is the 36-character lowercase UUID of the subordinate CA (PENDING state)",
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("PCA.00020201 (invalid CA ID format)"),
};
/// The certificate.
pub static CERTIFICATE: Rule = Rule {
    id: "huawei-ccm-pca/certificate",
    statement: "certificate: 1 to 32,768 characters of PEM, a CA certificate (cA=TRUE, \
                keyCertSign) issued for the CSR exported from this CA",
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("PCA: Certificate public key and private key does not match"),
};
/// The chain.
pub static CHAIN: Rule = Rule {
    id: "huawei-ccm-pca/certificate-chain",
    statement: "certificate_chain: up to 2,097,152 characters of PEM, intermediate CA → … → root \
                CA; import the complete chain to be able to export it later",
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("PCA: Incorrect certificate chain"),
};
/// Algorithms.
pub static ALGORITHMS: Rule = Rule {
    id: "huawei-ccm-pca/algorithms",
    statement: "keys RSA2048, RSA4096, EC256, EC384 or SM2; signatures with SHA256, SHA384, \
                SHA512 or SM3",
    sources: &[API_PAGE, TERRAFORM],
    disagreement: None,
    provider_error: Some("PCA.00020001 (incorrect parameter)"),
};
/// Regions.
pub static REGIONS_RULE: Rule = Rule {
    id: "huawei-ccm-pca/regions",
    statement: "the private CA service is offered in cn-north-4, ap-southeast-3, eu-west-101, \
                ru-moscow-1, my-kualalumpur-1 (regional hosts) and sa-brazil-1 (the global host)",
    sources: &[SDK_REGIONS, TERRAFORM],
    disagreement: Some("the Terraform documentation names only cn-north-4 and ap-southeast-3"),
    provider_error: None,
};
/// Auth scope.
pub static DOMAIN_SCOPE: Rule = Rule {
    id: "huawei-ccm-pca/domain-id",
    statement: "CCM is an account-level service: AK/SK requests carry X-Domain-Id (the account ID)",
    sources: &[SDK_REGIONS, API_PAGE],
    disagreement: None,
    provider_error: Some("APIGW.0301 (incorrect IAM authentication information)"),
};

/// Regions the SDK lists for CCM.
pub const REGIONS: &[&str] = &[
    "cn-north-4",
    "ap-southeast-3",
    "eu-west-101",
    "ru-moscow-1",
    "my-kualalumpur-1",
    "sa-brazil-1",
];

fn host(region: &str) -> String {
    if region == "sa-brazil-1" {
        "ccm.myhuaweicloud.com".into()
    } else {
        format!("ccm.{region}.myhuaweicloud.com")
    }
}

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "huawei-ccm-pca",
    title: "Huawei Cloud CCM private CA — import CA certificate",
    api: "ImportCertificateAuthorityCertificate",
    version: "v1",
    schemes: &[Scheme::HuaweiAksk, Scheme::HuaweiToken],
    regions: REGIONS,
    default_region: "cn-north-4",
    fields: &[FieldSpec {
        name: "ca_id",
        required: true,
        min_chars: 36,
        max_chars: Some(36),
        shape: Shape::Pattern(
            super::is_lowercase_uuid,
            "a lowercase UUID (8-4-4-4-12 hex digits)",
        ),
        help: "the ID of the subordinate CA waiting for its certificate",
        rule: &CA_ID,
    }],
    numbered_fields: None,
    rules: &[
        &CA_ID,
        &CERTIFICATE,
        &CHAIN,
        &ALGORITHMS,
        &REGIONS_RULE,
        &DOMAIN_SCOPE,
    ],
    host,
    analysis_errors: &[
        (
            Code::CsrDoesNotMatchCertificate,
            "PCA: Certificate public key and private key does not match",
        ),
        (Code::ChainMissingIssuer, "PCA: Incorrect certificate chain"),
        (
            Code::ChainSignatureMismatch,
            "PCA: Incorrect certificate chain",
        ),
        (Code::PemInvalidBase64, "PCA.00020001 (incorrect parameter)"),
        (Code::InvalidAsn1, "PCA.00020001 (incorrect parameter)"),
    ],
};

const SIGNATURE_OIDS: &[&str] = &[
    "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
    "1.2.840.113549.1.1.12", // sha384WithRSAEncryption
    "1.2.840.113549.1.1.13", // sha512WithRSAEncryption
    "1.2.840.10045.4.3.2",   // ecdsa-with-SHA256
    "1.2.840.10045.4.3.3",   // ecdsa-with-SHA384
    "1.2.840.10045.4.3.4",   // ecdsa-with-SHA512
    "1.2.156.10197.1.501",   // SM2-with-SM3
];

const CERTIFICATE_MAX: usize = 32_768;
const CHAIN_MAX: usize = 2_097_152;

pub(crate) fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    let chain = &analysis.report.chain;
    match chain.order.first() {
        None => out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            super::material_location(),
            &CERTIFICATE,
            "no certificate was given",
            "give the CA certificate issued for this CA's CSR, and its chain",
        )),
        Some(&leaf) => {
            let summary = &analysis.certificates[leaf].summary;
            let at = certificate_location(analysis, leaf);
            if !summary.is_ca
                || summary.has_key_usage && !summary.key_usage.contains(&"keyCertSign")
            {
                out.push(rule_diagnostic(
                    Code::TargetNeedsCaCertificate,
                    at.clone(),
                    &CERTIFICATE,
                    format!("{} is not a CA certificate", summary.subject),
                    "import the certificate the parent CA issued for this subordinate CA's CSR",
                ));
            }
            let key = &summary.public_key;
            let accepted = match key.key_type {
                KeyType::Rsa => matches!(key.bits, Some(2048 | 4096)),
                KeyType::Ec => matches!(key.curve, Some("P-256" | "P-384")),
                KeyType::Sm2 => true,
                _ => false,
            };
            if !accepted {
                out.push(rule_diagnostic(
                    Code::TargetKeyAlgorithm,
                    at.clone(),
                    &ALGORITHMS,
                    format!(
                        "the CA certificate's key is {}; the private CA takes RSA2048, RSA4096, EC256, EC384 or SM2",
                        describe_key(key)
                    ),
                    "the CSR exported from the CA has an accepted key: use the certificate issued for it",
                ));
            }
            for &index in &chain.order {
                let summary = &analysis.certificates[index].summary;
                if !SIGNATURE_OIDS.contains(&summary.signature_algorithm_oid.as_str()) {
                    out.push(rule_diagnostic(
                        Code::TargetSignatureAlgorithm,
                        certificate_location(analysis, index),
                        &ALGORITHMS,
                        format!(
                            "certificate #{index} ({}) is signed with {}; the private CA takes \
                             SHA256, SHA384, SHA512 or SM3 signatures",
                            summary.subject, summary.signature_algorithm
                        ),
                        "have the certificate reissued with SHA-256 or stronger",
                    ));
                }
            }
        }
    }
    csr_wanted(ctx, &CERTIFICATE, "exported from this CA", out);
    key_not_taken(ctx, "The CA import", "the private CA keeps its key", out);

    prep.bundle = fixes::normalise_bundle(analysis, RootPolicy::Keep, ctx.before);
    super::report_bundle_changes(
        prep,
        &CHAIN,
        "CCM",
        "certificate gets the CA certificate, certificate_chain the rest up to the root",
    );
    let out = &mut prep.diagnostics;
    let Some(bundle) = &prep.bundle else {
        return;
    };
    if !chain.root_included && !chain.order.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetChainIncomplete,
            super::material_location(),
            &CHAIN,
            "certificate_chain does not reach a self-signed root",
            "add the intermediate(s) and the root, or expect to export an incomplete chain later",
        ));
    }
    let certificate_chars = bundle.leaf_pem.chars().count();
    if certificate_chars > CERTIFICATE_MAX {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            super::material_location(),
            &CERTIFICATE,
            format!("certificate has {certificate_chars} characters; at most {CERTIFICATE_MAX}"),
            "the certificate is unusually large: check it is the right one",
        ));
    }
    let chain_chars = bundle.chain_pem.chars().count();
    if chain_chars > CHAIN_MAX {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            super::material_location(),
            &CHAIN,
            format!("certificate_chain has {chain_chars} characters; at most {CHAIN_MAX}"),
            "drop certificates that are not on the path",
        ));
    }
    if !ctx.requesting() {
        return;
    }
    let ca_id = ctx.fields.get("ca_id").unwrap_or_default();
    let mut body = serde_json::Map::new();
    body.insert("certificate".into(), bundle.leaf_pem.clone().into());
    if !bundle.chain_pem.is_empty() {
        body.insert("certificate_chain".into(), bundle.chain_pem.clone().into());
    }
    let body = serde_json::Value::Object(body).to_string();
    let region = &ctx.fields.region;
    prep.vendor_cli = Some(vendor_cli(region, ca_id, bundle));
    prep.call = Some(Call::Rest {
        host: host(region),
        path: format!("/v1/private-certificate-authorities/{ca_id}/import"),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body,
        scope_header: "X-Domain-Id",
        scope_value: None,
    });
}

fn vendor_cli(region: &str, ca_id: &str, bundle: &fixes::Bundle) -> String {
    let mut out = String::from(
        "# Huawei Cloud KooCLI (hcloud), credentials from `hcloud configure`. Operation name as in\n\
         # API Explorer; check `hcloud CCM --help` if your KooCLI version differs.\n\
         (\n  set -e\n  dir=$(mktemp -d)\n  trap 'rm -rf \"$dir\"' EXIT\n",
    );
    out.push_str(&write_file_lines(
        "\"$dir/certificate.pem\"",
        &bundle.leaf_pem,
        "CERT_PREFLIGHT_PEM",
    ));
    if !bundle.chain_pem.is_empty() {
        out.push_str(&write_file_lines(
            "\"$dir/chain.pem\"",
            &bundle.chain_pem,
            "CERT_PREFLIGHT_PEM",
        ));
    }
    out.push_str(&format!(
        "  hcloud CCM ImportCertificateAuthorityCertificate --cli-region={} \\\n    --ca_id={} \\\n    --certificate=\"$(cat \"$dir/certificate.pem\")\"",
        shell_quote(region),
        shell_quote(ca_id)
    ));
    if !bundle.chain_pem.is_empty() {
        out.push_str(" \\\n    --certificate_chain=\"$(cat \"$dir/chain.pem\")\"");
    }
    out.push_str("\n)\n");
    out
}
