//! Huawei Cloud CCM private CA "Importing a CA Certificate": activates a subordinate CA in the
//! PENDING state with the certificate its parent CA issued for the CSR exported from it.
//!
//! CCM is a global service: one private-CA endpoint per site, account-level credentials
//! (`X-Domain-Id`, an account-scoped token).

use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::huawei_koocli;
use super::{
    AuthScope, Call, Context, FieldSpec, KnownError, MaterialRole, Permission, Preparation,
    ProviderSpec, Region, Rule, Shape, SizeLimit, Source, SourceKind, VendorCommand,
    certificate_location, csr_wanted, describe_key, is_ca_certificate, key_not_taken,
    material_location, region, rule_diagnostic,
};
use crate::analysis::chain::ChainReport;
use crate::analysis::public_key::{Curve, KeyType};
use crate::diagnostic::{Code, Diagnostic};
use crate::fixes::{self, Bundle, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Huawei Cloud CCM API reference: Importing a CA Certificate",
    url: "https://support.huaweicloud.com/intl/en-us/api-ccm/ImportCertificateAuthorityCertificate.html",
    as_of: "2025-11-28",
    kind: SourceKind::Primary,
};
const ERROR_CODES: Source = Source {
    document: "Huawei Cloud CCM API reference: Private CA error codes",
    url: "https://support.huaweicloud.com/intl/en-us/api-ccm/ErrorCode.html",
    as_of: "2025-11-28",
    kind: SourceKind::Primary,
};
const ERROR_CODES_EU: Source = Source {
    document: "Huawei Cloud CCM API reference (EU site): Private CA error codes, PCA.00020102 \
               \"Only RSA2048, RSA4096, EC256, and EC384 are supported\"",
    url: "https://support.huaweicloud.com/eu/api-ccm/ErrorCode.html",
    as_of: "2025-11-28",
    kind: SourceKind::Primary,
};
const CREATE_CA_MODEL: Source = Source {
    document: "huaweicloud-sdk-go-v3 services/ccm/v1/model/model_create_certificate_authority_request_body.go \
               (the algorithms of the CAs PCA creates; SM2/SM3 \"中国站\")",
    url: "https://github.com/huaweicloud/huaweicloud-sdk-go-v3",
    as_of: "0.1.188",
    kind: SourceKind::Primary,
};
const BEFORE_YOU_START: Source = Source {
    document: "Huawei Cloud CCM API reference: Before You Start (endpoints; CCM is a global service)",
    url: "https://support.huaweicloud.com/intl/en-us/api-ccm/ccm_02_0002.html",
    as_of: "2025-11-28",
    kind: SourceKind::Primary,
};
const SDK_REGIONS: Source = Source {
    document: "huaweicloudsdkccm 3.1.211 v1/region/ccm_region.py (and huaweicloud-sdk-go-v3 region.go)",
    url: "https://pypi.org/project/huaweicloudsdkccm/3.1.211/",
    as_of: "3.1.211",
    kind: SourceKind::Primary,
};
const SDK_CLIENT: Source = Source {
    document: "huaweicloud-sdk-go-v3 services/ccm/v1/ccm_client.go (CcmClientBuilder: global.Credentials)",
    url: "https://github.com/huaweicloud/huaweicloud-sdk-go-v3",
    as_of: "0.1.188",
    kind: SourceKind::Primary,
};
const TERRAFORM: Source = Source {
    document: "terraform-provider-huaweicloud: huaweicloud_ccm_private_ca",
    url: "https://registry.terraform.io/providers/huaweicloud/huaweicloud/latest/docs/resources/ccm_private_ca",
    as_of: "2026-08-21",
    kind: SourceKind::Secondary,
};

/// The CA ID.
pub static CA_ID: Rule = Rule {
    id: "huawei-ccm-pca/ca-id",
    statement: Words::new(
        "ca_id is the 36-character lowercase UUID of the subordinate CA (PENDING state)",
        "ca_id 是从属 CA（PENDING 状态）的 36 个字符的小写 UUID",
    ),
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("PCA.00020201 (invalid CA ID format)"),
};
/// The certificate.
pub static CERTIFICATE: Rule = Rule {
    id: "huawei-ccm-pca/certificate",
    statement: Words::new(
        "certificate: 1 to 32,768 characters of PEM, a CA certificate (cA=TRUE, \
                keyCertSign) issued for the CSR exported from this CA",
        "certificate：1 到 32,768 个字符的 PEM，为从该 CA 导出的 CSR 签发的 CA 证书（cA=TRUE，keyCertSign）",
    ),
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("PCA: Certificate public key and private key does not match"),
};
/// The chain.
pub static CHAIN: Rule = Rule {
    id: "huawei-ccm-pca/certificate-chain",
    statement: Words::new(
        "certificate_chain: up to 2,097,152 characters of PEM, intermediate CA → … → root \
                CA; import the complete chain to be able to export it later",
        "certificate_chain：最多 2,097,152 个字符的 PEM，中间 CA → … → 根 CA；导入完整的证书链，以后才能导出",
    ),
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("PCA: Incorrect certificate chain"),
};
/// Key algorithms.
pub static ALGORITHMS: Rule = Rule {
    id: "huawei-ccm-pca/key-algorithms",
    statement: Words::new(
        "the CA key is RSA2048, RSA4096, EC256, EC384 or SM2: the key PCA generated for \
                the CSR it exported",
        "CA 密钥为 RSA2048、RSA4096、EC256、EC384 或 SM2：即 PCA 为其导出的 CSR 生成的密钥",
    ),
    sources: &[CREATE_CA_MODEL, API_PAGE],
    disagreement: None,
    provider_error: Some("PCA.00020001 (incorrect parameter)"),
};
/// Signature algorithms: a list for the CAs PCA creates, not for an imported chain.
pub static SIGNATURES: Rule = Rule {
    id: "huawei-ccm-pca/signature-algorithms",
    statement: Words::new(
        "PCA signs with SHA256, SHA384, SHA512 or SM3; no source restricts the signature \
                of an imported CA certificate",
        "PCA 使用 SHA256、SHA384、SHA512 或 SM3 签名；没有来源限制导入的 CA 证书的签名",
    ),
    sources: &[CREATE_CA_MODEL, ERROR_CODES],
    disagreement: Some(Words::new(
        "the list is the signature_algorithm of CreateCertificateAuthority (how PCA signs what \
         it issues, PCA.00020103); the import page states no signature rule, so the imported \
         CA's signature is only checked against it as a warning and the root's never",
        "该列表是 CreateCertificateAuthority 的 signature_algorithm（PCA 签发时使用的算法，PCA.00020103）；导入页面未规定签名算法，因此只对导入 CA 的签名给出警告，从不检查根证书",
    )),
    provider_error: Some("PCA.00020001 (incorrect parameter)"),
};
/// SM2/SM3 on the Chinese site only.
pub static SM_SITE: Rule = Rule {
    id: "huawei-ccm-pca/sm2-chinese-site",
    statement: Words::new(
        "SM2 keys and SM3 signatures exist on the Chinese site (cn-north-4) only",
        "SM2 密钥和 SM3 签名仅在中国站（cn-north-4）提供",
    ),
    sources: &[CREATE_CA_MODEL, ERROR_CODES_EU],
    disagreement: Some(Words::new(
        "the SDK model marks SM2/SM3 \"中国站\" and the international error page lists only RSA2048, \
         RSA4096, EC256 and EC384, both about CAs PCA creates; no page says an import outside \
         cn-north-4 is refused",
        "SDK 模型将 SM2/SM3 标为“中国站”，国际站错误码页面只列出 RSA2048、RSA4096、EC256 和 EC384，两者都针对 PCA 创建的 CA；没有页面说明在 cn-north-4 之外导入会被拒绝",
    )),
    provider_error: Some("PCA.00020102 (only RSA2048, RSA4096, EC256 and EC384 are supported)"),
};
/// Regions and sites.
pub static REGIONS_RULE: Rule = Rule {
    id: "huawei-ccm-pca/regions",
    statement: Words::new(
        "CCM is a global service with one private-CA endpoint per site: the SDKs list \
                cn-north-4, ap-southeast-3, eu-west-101, ru-moscow-1, my-kualalumpur-1 \
                (regional hosts) and sa-brazil-1 (ccm.myhuaweicloud.com); another region of the \
                Chinese site goes to ccm.cn-north-4, of the international site to ccm.ap-southeast-3",
        "CCM 是全局服务，每个站点一个私有 CA 服务地址：SDK 列出 cn-north-4、ap-southeast-3、eu-west-101、ru-moscow-1、my-kualalumpur-1（区域地址）和 sa-brazil-1（ccm.myhuaweicloud.com）；中国站的其他区域使用 ccm.cn-north-4，国际站的使用 ccm.ap-southeast-3",
    ),
    sources: &[SDK_REGIONS, BEFORE_YOU_START, TERRAFORM],
    disagreement: Some(Words::new(
        "the Terraform documentation names only cn-north-4 and ap-southeast-3; the site \
         endpoint for an unlisted region is inferred from the endpoint page (Region: All → \
         ccm.ap-southeast-3)",
        "Terraform 文档只列出 cn-north-4 和 ap-southeast-3；未列出区域的服务地址是根据终端节点页面推断的（Region: All → ccm.ap-southeast-3）",
    )),
    provider_error: None,
};
/// Auth scope.
pub static DOMAIN_SCOPE: Rule = Rule {
    id: "huawei-ccm-pca/domain-id",
    statement: Words::new(
        "CCM is an account-level service: AK/SK requests carry X-Domain-Id (the account \
                ID), tokens are scoped to the account",
        "CCM 是账号级服务：AK/SK 请求带 X-Domain-Id（账号 ID），Token 的范围是账号",
    ),
    sources: &[SDK_CLIENT, BEFORE_YOU_START],
    disagreement: None,
    provider_error: Some("APIGW.0301 (incorrect IAM authentication information)"),
};

/// Regions the SDKs list for CCM, with their private-CA hosts.
pub const REGIONS: &[Region] = &[
    region(
        "cn-north-4",
        "CN North-Beijing4",
        "华北-北京四",
        "ccm.cn-north-4.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-3",
        "AP-Singapore",
        "亚太-新加坡",
        "ccm.ap-southeast-3.myhuaweicloud.com",
    ),
    region(
        "eu-west-101",
        "EU-Dublin",
        "欧洲-都柏林",
        "ccm.eu-west-101.myhuaweicloud.com",
    ),
    region(
        "ru-moscow-1",
        "RU-Moscow",
        "俄罗斯-莫斯科",
        "ccm.ru-moscow-1.myhuaweicloud.com",
    ),
    region(
        "my-kualalumpur-1",
        "AP-Kuala Lumpur-OP6",
        "亚太-吉隆坡-OP6",
        "ccm.my-kualalumpur-1.myhuaweicloud.com",
    ),
    region(
        "sa-brazil-1",
        "LA-Sao Paulo1",
        "拉美-圣保罗一",
        "ccm.myhuaweicloud.com",
    ),
];

/// An unlisted region's site endpoint: the Chinese site's for `cn-*`, else the international one.
fn unlisted_host(region: &str) -> String {
    if region.starts_with("cn-") {
        "ccm.cn-north-4.myhuaweicloud.com".into()
    } else {
        "ccm.ap-southeast-3.myhuaweicloud.com".into()
    }
}

/// The console form's labels and menu path. No vendor guide describing this form was found, nor
/// are its labels in the shared reference documents: they are written from memory of the console,
/// hence secondary (`as_of` is the date written); verify them against the live console.
// Searched on 2026-12-06 (the private CA's activation by importing an externally signed CA
// certificate, 导入CA证书, in Huawei Cloud's CCM user guide): no vendor description of this form
// was found. Huawei's own CCM guide text as its site search shows it
// (https://huaweicloud.com/s/JeWwhnNzbOivgeS5puabtOaUueerr-WPoyU/t_30_p_23/JeS6keivgeS5pueuoeeQhuacjeWKoSBDQ00l)
// confirms the Chinese 安全与合规 > 云证书管理服务 and 在左侧导航栏选择“私有证书管理 > 私有CA”; the API
// reference's 导入CA证书 speaks of 证书体 and 证书链 (API wording, not the console's). Secondary,
// unverified: the rest of the menu path and the labels.
const CONSOLE_SOURCE: Source = Source {
    document: "Huawei Cloud CCM console: Private CA > Activate (import an externally signed CA certificate); expiry rule from usermanual-ccm ccm_01_0011 as in sister-targets.md D",
    url: "https://console.huaweicloud.com/ccm/",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "Cloud Certificate Manager console > Private Certificate Management > Private CAs > Activate > Import certificate",
        "云证书管理服务控制台 > 私有证书管理 > 私有CA > 激活 > 导入证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate Body", "证书体"),
            fill: Fill::Certificate,
            pitfalls: &[
                pitfalls::NOT_EXPIRED,
                pitfalls::NO_BLANK_LINES,
                pitfalls::NO_OUTER_WHITESPACE,
            ],
        },
        ConsoleField {
            label: Words::new("Certificate Chain", "证书链"),
            fill: Fill::Chain,
            pitfalls: &[pitfalls::CHAIN_ONLY_INTERMEDIATES, pitfalls::NO_BLANK_LINES],
        },
    ],
};

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "huawei-ccm-pca",
    title: "Huawei Cloud CCM private CA — import CA certificate",
    title_zh: "华为云 CCM 私有证书管理 — 导入 CA 证书",
    region_word_zh: "区域",
    api: "ImportCertificateAuthorityCertificate",
    version: "v1",
    legacy: None,
    schemes: &[Scheme::HuaweiAksk, Scheme::HuaweiToken],
    auth_scope: AuthScope::Account,
    regions: REGIONS,
    default_region: "cn-north-4",
    unlisted_host,
    material: &[
        MaterialRole::Certificate {
            parameter: "certificate",
            with_chain: false,
        },
        MaterialRole::Chain {
            parameter: "certificate_chain",
        },
        MaterialRole::Csr {
            whose: "exported from this CA",
        },
    ],
    fields: &[FieldSpec::text(
        "ca_id",
        Words::new(
            "the ID of the subordinate CA waiting for its certificate",
            "等待导入证书的从属 CA 的 ID",
        ),
        &CA_ID,
    )
    .required()
    .chars(36, Some(36))
    .shape(Shape::Pattern(
        super::is_lowercase_uuid,
        Words::new(
            "a lowercase UUID (8-4-4-4-12 hex digits)",
            "小写 UUID（8-4-4-4-12 位十六进制数字）",
        ),
    ))],
    numbered: &[],
    rules: &[
        &CA_ID,
        &CERTIFICATE,
        &CHAIN,
        &ALGORITHMS,
        &SIGNATURES,
        &SM_SITE,
        &REGIONS_RULE,
        &DOMAIN_SCOPE,
    ],
    errors: &[
        KnownError {
            code: "PCA.00020001",
            meaning: "an incorrect parameter",
        },
        KnownError {
            code: "PCA.00020201",
            meaning: "the CA ID is not a lowercase UUID",
        },
        KnownError {
            code: "PCA.00020102",
            meaning: "the key algorithm is not offered on this site",
        },
        KnownError {
            code: "APIGW.0301",
            meaning: "the AK/SK signature or the account ID is wrong",
        },
    ],
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
    vendor_cli: "hcloud CCM ImportCertificateAuthorityCertificate",
    key_echo: None,
    permission: Some(Permission {
        action: "pca:ca:import",
        system: "IAM",
        source: API_PAGE,
    }),
    console: CONSOLE,
    prepare,
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
const SM2_WITH_SM3: &str = "1.2.156.10197.1.501";

const CERTIFICATE_MAX: SizeLimit = SizeLimit {
    what: "certificate",
    max: 32_768,
    rule: &CERTIFICATE,
    disputed: None,
};
const CHAIN_MAX: SizeLimit = SizeLimit {
    what: "certificate_chain",
    max: 2_097_152,
    rule: &CHAIN,
    disputed: None,
};

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    let chain = &analysis.report.chain;
    match chain.order.first() {
        None => out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            material_location(),
            &CERTIFICATE,
            tr!("no certificate was given", "未提供证书"),
            tr!(
                "give the CA certificate issued for this CA's CSR, and its chain",
                "请给出为该 CA 的 CSR 签发的 CA 证书及其证书链"
            ),
        )),
        Some(&leaf) => check_ca_certificate(ctx, leaf, out),
    }
    csr_wanted(
        ctx,
        &CERTIFICATE,
        Words::new("exported from this CA", "从该 CA 导出的"),
        out,
    );
    key_not_taken(
        ctx,
        Words::new("The CA import", "CA 证书导入"),
        Words::new("the private CA keeps its key", "私有 CA 自己保管私钥"),
        out,
    );

    prep.bundle =
        fixes::normalise_bundle(analysis, RootPolicy::Keep, ctx.original_certificate_text);
    super::report_bundle_changes(
        prep,
        &CHAIN,
        "CCM",
        Words::new(
            "certificate gets the CA certificate, certificate_chain the rest up to the root",
            "certificate 放 CA 证书，certificate_chain 放其余直到根证书",
        ),
    );
    let Some(bundle) = &prep.bundle else {
        return;
    };
    check_bundle(chain, bundle, &mut prep.diagnostics);
    if ctx.requesting() {
        let (command, call) = build_call(ctx, bundle);
        prep.vendor_command = Some(command);
        prep.call = Some(call);
    }
}

/// The CA certificate's own checks: a CA, a key the private CA takes, its signature (warned), and
/// SM2/SM3 only on the Chinese site.
fn check_ca_certificate(ctx: &Context<'_>, leaf: usize, out: &mut Vec<Diagnostic>) {
    let analysis = ctx.analysis;
    let summary = &analysis.certificates[leaf].summary;
    let at = certificate_location(analysis, leaf);
    if !is_ca_certificate(summary) {
        out.push(rule_diagnostic(
            Code::TargetNeedsCaCertificate,
            at.clone(),
            &CERTIFICATE,
            {
                let subject = &summary.subject;
                tr!(
                    "{subject} is not a CA certificate",
                    "{subject} 不是 CA 证书"
                )
            },
            tr!(
                "import the certificate the parent CA issued for this subordinate CA's CSR",
                "请导入上级 CA 为该从属 CA 的 CSR 签发的证书"
            ),
        ));
    }
    let key = &summary.public_key;
    let accepted = match key.key_type {
        KeyType::Rsa => matches!(key.bits, Some(2048 | 4096)),
        KeyType::Ec => matches!(key.curve, Some(Curve::P256 | Curve::P384)),
        KeyType::Sm2 => true,
        _ => false,
    };
    if !accepted {
        out.push(rule_diagnostic(
            Code::TargetKeyAlgorithm,
            at.clone(),
            &ALGORITHMS,
            {
                let key = describe_key(key);
                tr!(
                    "the CA certificate's key is {key}; the private CA takes RSA2048, RSA4096, EC256, EC384 or SM2",
                    "CA 证书的密钥是 {key}；私有 CA 接受 RSA2048、RSA4096、EC256、EC384 或 SM2"
                )
            },
            tr!(
                "the CSR exported from the CA has an accepted key: use the certificate issued for it",
                "从该 CA 导出的 CSR 使用的是可接受的密钥：请使用为它签发的证书"
            ),
        ));
    }
    // Only the imported CA's own signature, and only as a warning: the list is how PCA
    // signs, not a rule about the external chain (never the root's self-signature).
    if !SIGNATURE_OIDS.contains(&summary.signature_algorithm_oid.as_str()) {
        out.push(rule_diagnostic(
            Code::TargetSignatureAlgorithm,
            at.clone(),
            &SIGNATURES,
            {
                let (subject, algorithm) = (&summary.subject, &summary.signature_algorithm);
                tr!(
                    "{subject} is signed with {algorithm}; PCA itself signs with SHA256, SHA384, SHA512 or SM3",
                    "{subject} 使用 {algorithm} 签名；PCA 自身使用 SHA256、SHA384、SHA512 或 SM3 签名"
                )
            },
            tr!(
                "if the import is refused, have the parent CA reissue it with SHA-256 or stronger",
                "若导入被拒，请让上级 CA 用 SHA-256 或更强的算法重新签发"
            ),
        ));
    }
    let sm = key.key_type == KeyType::Sm2 || summary.signature_algorithm_oid == SM2_WITH_SM3;
    if sm && ctx.requesting() && !ctx.region().is_empty() && ctx.region() != "cn-north-4" {
        out.push(rule_diagnostic(
            Code::TargetKeyAlgorithm,
            at,
            &SM_SITE,
            {
                let region = ctx.region();
                tr!(
                    "an SM2/SM3 CA certificate for {region}: SM2 and SM3 exist on the Chinese site \
                     (cn-north-4) only",
                    "用于 {region} 的 SM2/SM3 CA 证书：SM2 和 SM3 仅在中国站（cn-north-4）提供"
                )
            },
            tr!(
                "import SM2 CAs on the Chinese site (region cn-north-4)",
                "请在中国站（区域 cn-north-4）导入 SM2 CA"
            ),
        ));
    }
}

/// What the arranged bundle must be: a chain up to its root (warned), within the size limits.
fn check_bundle(chain: &ChainReport, bundle: &Bundle, out: &mut Vec<Diagnostic>) {
    if !chain.root_included && !chain.order.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetChainIncomplete,
            material_location(),
            &CHAIN,
            tr!(
                "certificate_chain does not reach a self-signed root",
                "certificate_chain 未到达自签名根证书，证书链不完整"
            ),
            tr!(
                "add the intermediate(s) and the root, or expect to export an incomplete chain later",
                "请加上中间证书和根证书，否则以后导出的证书链将不完整"
            ),
        ));
    }
    CERTIFICATE_MAX.check(
        &bundle.leaf_pem,
        material_location(),
        Words::new(
            "the certificate is unusually large: check it is the right one",
            "证书异常大：请确认是正确的证书",
        ),
        out,
    );
    CHAIN_MAX.check(
        &bundle.chain_pem,
        material_location(),
        Words::new(
            "drop certificates that are not on the path",
            "请删除不在路径上的证书",
        ),
        out,
    );
}

/// The vendor CLI command and the signed call of an import (fields checked before).
fn build_call(ctx: &Context<'_>, bundle: &Bundle) -> (VendorCommand, Call) {
    let ca_id = ctx.fields.get("ca_id").unwrap_or_default();
    let mut body = serde_json::Map::new();
    body.insert("certificate".into(), bundle.leaf_pem.clone().into());
    if !bundle.chain_pem.is_empty() {
        body.insert("certificate_chain".into(), bundle.chain_pem.clone().into());
    }
    let body = serde_json::Value::Object(body).to_string();
    let region = ctx.region();
    let command = VendorCommand::new(
        "hcloud",
        &["CCM", SPEC.api],
        &[
            Words::new(
                "Huawei Cloud KooCLI (hcloud), credentials from `hcloud configure`. Operation name as in\n\
                 API Explorer; check `hcloud CCM --help` if your KooCLI version differs.",
                "华为云 KooCLI（hcloud），凭证取自 `hcloud configure`。操作名与 API Explorer 中一致；\n\
                 若您的 KooCLI 版本不同，请查看 `hcloud CCM --help`。",
            ),
            huawei_koocli::BODY_NOTE,
        ],
    )
    .value("--cli-region", region)
    .value("--ca_id", ca_id);
    let command = huawei_koocli::json_body(command, &format!("CCM_{}.json", SPEC.api), &body);
    let call = Call::Rest {
        host: SPEC.host(region),
        path: format!("/v1/private-certificate-authorities/{ca_id}/import"),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body,
        project_id: None,
    };
    (command, call)
}
