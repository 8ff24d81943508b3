//! Alibaba Cloud KMS Certificates Manager `UploadCertificate`, version 2016-01-20: attaches the
//! CA-issued certificate (and its chain) to a certificate entry whose key pair and CSR KMS made
//! with `CreateCertificate`.

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
    document: "Alibaba Cloud KMS API reference: UploadCertificate",
    url: "https://help.aliyun.com/zh/kms/support/api-kms-uploadcertificate",
    as_of: "2025-07-29",
};
const CREATE_PAGE: Source = Source {
    document: "Alibaba Cloud KMS API reference: CreateCertificate",
    url: "https://help.aliyun.com/document_detail/196125.htm",
    as_of: "2025-07-29",
};
const ENDPOINTS: Source = Source {
    document: "Key Management Service: Endpoints",
    url: "https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-endpoint",
    as_of: "2025-07-29",
};

/// The certificate ID.
pub static CERTIFICATE_ID: Rule = Rule {
    id: "alibaba-kms/certificate-id",
    statement: "CertificateId is the ID (a UUID) CreateCertificate returned; it is not a name of \
                your choosing",
    sources: &[API_PAGE, CREATE_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter (The specified parameter is not valid)"),
};
/// The certificate must be issued for KMS's CSR.
pub static CSR_MATCH: Rule = Rule {
    id: "alibaba-kms/csr-match",
    statement: "the certificate's public key is the key KMS generated for CertificateId: the \
                certificate was issued for the CSR CreateCertificate returned",
    sources: &[API_PAGE, CREATE_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter (The specified parameter is not valid)"),
};
/// Key specs.
pub static KEY_SPECS: Rule = Rule {
    id: "alibaba-kms/key-spec",
    statement: "the key is one CreateCertificate can make: RSA_2048, EC_P256 or EC_SM2",
    sources: &[CREATE_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter (The specified parameter is not valid)"),
};
/// The chain parameter.
pub static CHAIN: Rule = Rule {
    id: "alibaba-kms/chain",
    statement: "Certificate holds only the issued certificate; CertificateChain holds the \
                intermediate(s) then the root, concatenated PEM",
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter (The specified parameter is not valid)"),
};
/// Region and endpoint.
pub static REGION: Rule = Rule {
    id: "alibaba-kms/region",
    statement: "the region is chosen by the host kms.{RegionId}.aliyuncs.com (HTTPS only); there \
                is no RegionId parameter",
    sources: &[ENDPOINTS, API_PAGE],
    disagreement: None,
    provider_error: None,
};

fn is_uuid(value: &str) -> bool {
    super::is_lowercase_uuid(&value.to_ascii_lowercase())
}

/// Regions of the KMS endpoint table.
pub const REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-fuzhou",
    "cn-shenzhen",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-wuhan-lr",
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
];

fn host(region: &str) -> String {
    format!("kms.{region}.aliyuncs.com")
}

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "alibaba-kms",
    title: "Alibaba Cloud KMS — UploadCertificate",
    api: "UploadCertificate",
    version: "2016-01-20",
    schemes: &[Scheme::AlibabaRpcV2, Scheme::AlibabaAcs3],
    regions: REGIONS,
    default_region: "cn-hangzhou",
    fields: &[FieldSpec {
        name: "CertificateId",
        required: true,
        min_chars: 36,
        max_chars: Some(36),
        shape: Shape::Pattern(is_uuid, "the UUID CreateCertificate returned"),
        help: "the ID of the certificate entry CreateCertificate made in KMS",
        rule: &CERTIFICATE_ID,
    }],
    numbered_fields: None,
    rules: &[&CERTIFICATE_ID, &CSR_MATCH, &KEY_SPECS, &CHAIN, &REGION],
    host,
    analysis_errors: &[
        (
            Code::CsrDoesNotMatchCertificate,
            "InvalidParameter (the certificate was not issued for the CSR KMS generated)",
        ),
        (Code::PemInvalidBase64, "InvalidParameter"),
        (Code::InvalidAsn1, "InvalidParameter"),
    ],
};

pub(crate) fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    if let Some(&leaf) = analysis.report.chain.order.first() {
        let key = &analysis.certificates[leaf].summary.public_key;
        let spec_ok = match key.key_type {
            KeyType::Rsa => key.bits == Some(2048),
            KeyType::Ec => key.curve == Some("P-256"),
            KeyType::Sm2 => true,
            _ => false,
        };
        if !spec_ok {
            out.push(rule_diagnostic(
                Code::TargetKeyAlgorithm,
                certificate_location(analysis, leaf),
                &KEY_SPECS,
                format!(
                    "the certificate's key is {}; KMS makes only RSA_2048, EC_P256 and EC_SM2 keys",
                    describe_key(key)
                ),
                "this certificate cannot belong to a KMS certificate entry: check you picked the \
                 certificate issued for the KMS CSR",
            ));
        }
    } else if analysis.certificates.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            super::material_location(),
            &CHAIN,
            "no certificate was given",
            "give the certificate your CA issued for the KMS CSR, and its chain",
        ));
    }
    csr_wanted(ctx, &CSR_MATCH, "that CreateCertificate returned", out);
    key_not_taken(ctx, SPEC.api, "KMS made and keeps the key pair", out);

    prep.bundle = fixes::normalise_bundle(analysis, RootPolicy::Keep, ctx.before);
    super::report_bundle_changes(
        prep,
        &CHAIN,
        "KMS",
        "Certificate gets the leaf, CertificateChain the rest; the fixes show before and after",
    );
    let (Some(bundle), true) = (&prep.bundle, ctx.requesting()) else {
        return;
    };
    let mut parameters = vec![(
        "CertificateId".to_owned(),
        ctx.fields
            .get("CertificateId")
            .unwrap_or_default()
            .to_owned(),
    )];
    parameters.push(("Certificate".to_owned(), bundle.leaf_pem.clone()));
    if !bundle.chain_pem.is_empty() {
        parameters.push(("CertificateChain".to_owned(), bundle.chain_pem.clone()));
    }
    let region = &ctx.fields.region;
    prep.vendor_cli = Some(vendor_cli(region, &parameters));
    prep.call = Some(Call::Rpc {
        host: host(region),
        action: SPEC.api,
        version: SPEC.version,
        parameters,
    });
}

fn vendor_cli(region: &str, parameters: &[(String, String)]) -> String {
    let mut out = String::from(
        "# aliyun CLI (https://github.com/aliyun/aliyun-cli), credentials from `aliyun configure`.\n\
         # PEM is passed as --Name=\"$(cat FILE)\", with '=' (aliyun-cli issues #298, #1232).\n\
         (\n  set -e\n  dir=$(mktemp -d)\n  trap 'rm -rf \"$dir\"' EXIT\n",
    );
    for (name, value) in parameters {
        if name != "CertificateId" {
            out.push_str(&write_file_lines(
                &format!("\"$dir/{name}.pem\""),
                value,
                "CERT_PREFLIGHT_PEM",
            ));
        }
    }
    out.push_str(&format!(
        "  aliyun kms UploadCertificate --region {}",
        shell_quote(region)
    ));
    for (name, value) in parameters {
        if name == "CertificateId" {
            out.push_str(&format!(" \\\n    --CertificateId={}", shell_quote(value)));
        } else {
            out.push_str(&format!(" \\\n    --{name}=\"$(cat \"$dir/{name}.pem\")\""));
        }
    }
    out.push_str("\n)\n");
    out
}
