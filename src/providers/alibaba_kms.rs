//! Alibaba Cloud KMS Certificates Manager `UploadCertificate`, version 2016-01-20: attaches the
//! CA-issued certificate (and its chain) to a certificate entry whose key pair and CSR KMS made
//! with `CreateCertificate`. A legacy API: its pages moved to the previous-version documentation
//! and the official CLI dropped it; `alibaba-cas` is where certificates go now.

use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::{
    AuthScope, Call, CliArg, Context, FieldSpec, KnownError, Legacy, MaterialRole, Preparation,
    ProviderSpec, Region, Rule, Shape, Source, SourceKind, certificate_location, csr_wanted,
    describe_key, key_not_taken, region, rule_diagnostic,
};
use crate::analysis::public_key::{Curve, KeyType};
use crate::diagnostic::Code;
use crate::fixes::{self, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Alibaba Cloud KMS API reference: UploadCertificate",
    url: "https://help.aliyun.com/zh/kms/support/api-kms-uploadcertificate",
    as_of: "2025-07-29",
    kind: SourceKind::Primary,
};
const CREATE_PAGE: Source = Source {
    document: "Alibaba Cloud KMS API reference: CreateCertificate",
    url: "https://help.aliyun.com/document_detail/196125.htm",
    as_of: "2025-07-29",
    kind: SourceKind::Primary,
};
const ENDPOINTS: Source = Source {
    document: "Key Management Service: Endpoints",
    url: "https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-endpoint",
    as_of: "2025-07-29",
    kind: SourceKind::Primary,
};
const PREVIOUS_VERSION: Source = Source {
    document: "KMS Certificates Manager, filed under \"Previous Version of Documentation\"",
    url: "https://www.alibabacloud.com/help/en/kms/support/certificates-manager/",
    as_of: "2026-04",
    kind: SourceKind::Primary,
};
const CLI_METADATA: Source = Source {
    document: "aliyun/aliyun-openapi-meta metadatas/kms (the certificate APIs removed in \
               97e88a993; aliyun CLI v3.3.5-v3.4.11 refuse them without --force)",
    url: "https://github.com/aliyun/aliyun-openapi-meta",
    as_of: "2026-04-21",
    kind: SourceKind::Primary,
};

const INVALID_PARAMETER: &str = "InvalidParameter (The specified parameter is not valid)";

/// The certificate ID.
pub static CERTIFICATE_ID: Rule = Rule {
    id: "alibaba-kms/certificate-id",
    statement: Words::new(
        "CertificateId is the ID (a UUID) CreateCertificate returned; it is not a name of \
                your choosing",
        "CertificateId 是 CreateCertificate 返回的 ID（一个 UUID）；不是自己起的名称",
    ),
    sources: &[API_PAGE, CREATE_PAGE],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// The certificate must be issued for KMS's CSR.
pub static CSR_MATCH: Rule = Rule {
    id: "alibaba-kms/csr-match",
    statement: Words::new(
        "the certificate's public key is the key KMS generated for CertificateId: the \
                certificate was issued for the CSR CreateCertificate returned",
        "证书的公钥是 KMS 为 CertificateId 生成的密钥：证书是为 CreateCertificate 返回的 CSR 签发的",
    ),
    sources: &[API_PAGE, CREATE_PAGE],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// Key specs.
pub static KEY_SPECS: Rule = Rule {
    id: "alibaba-kms/key-spec",
    statement: Words::new(
        "the key is one CreateCertificate can make: RSA_2048, EC_P256 or EC_SM2",
        "密钥是 CreateCertificate 能生成的类型：RSA_2048、EC_P256 或 EC_SM2",
    ),
    sources: &[CREATE_PAGE],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// The chain parameter.
pub static CHAIN: Rule = Rule {
    id: "alibaba-kms/chain",
    statement: Words::new(
        "Certificate holds only the issued certificate; CertificateChain holds the \
                intermediate(s) then the root, concatenated PEM",
        "Certificate 只放签发的证书；CertificateChain 放中间证书然后是根证书，PEM 依次连接",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// Region and endpoint.
pub static REGION: Rule = Rule {
    id: "alibaba-kms/region",
    statement: Words::new(
        "the region is chosen by the host kms.{RegionId}.aliyuncs.com (HTTPS only); there \
                is no RegionId parameter",
        "地域由服务地址 kms.{RegionId}.aliyuncs.com 决定（仅 HTTPS）；没有 RegionId 参数",
    ),
    sources: &[ENDPOINTS, API_PAGE],
    disagreement: None,
    provider_error: None,
};
/// The API is legacy.
pub static LEGACY: Rule = Rule {
    id: "alibaba-kms/legacy",
    statement: Words::new(
        "UploadCertificate belongs to the KMS Certificates Manager, now documented as a \
                previous version; the aliyun CLI's metadata no longer lists it, so the CLI needs \
                --force; certificates are managed in Certificate Management Service (CAS)",
        "UploadCertificate 属于 KMS 证书管理，现已作为历史版本记载；aliyun CLI 的元数据不再列出它，因此 CLI 需要 --force；证书改由数字证书管理服务（CAS）管理",
    ),
    sources: &[PREVIOUS_VERSION, CLI_METADATA],
    disagreement: None,
    provider_error: None,
};

fn is_uuid(value: &str) -> bool {
    super::is_lowercase_uuid(&value.to_ascii_lowercase())
}

/// Regions of the KMS endpoint table; every host is kms.{RegionId}.aliyuncs.com.
pub const REGIONS: &[Region] = &[
    region(
        "cn-qingdao",
        "China (Qingdao)",
        "华北1（青岛）",
        "kms.cn-qingdao.aliyuncs.com",
    ),
    region(
        "cn-beijing",
        "China (Beijing)",
        "华北2（北京）",
        "kms.cn-beijing.aliyuncs.com",
    ),
    region(
        "cn-zhangjiakou",
        "China (Zhangjiakou)",
        "华北3（张家口）",
        "kms.cn-zhangjiakou.aliyuncs.com",
    ),
    region(
        "cn-huhehaote",
        "China (Hohhot)",
        "华北5（呼和浩特）",
        "kms.cn-huhehaote.aliyuncs.com",
    ),
    region(
        "cn-wulanchabu",
        "China (Ulanqab)",
        "华北6（乌兰察布）",
        "kms.cn-wulanchabu.aliyuncs.com",
    ),
    region(
        "cn-hangzhou",
        "China (Hangzhou)",
        "华东1（杭州）",
        "kms.cn-hangzhou.aliyuncs.com",
    ),
    region(
        "cn-shanghai",
        "China (Shanghai)",
        "华东2（上海）",
        "kms.cn-shanghai.aliyuncs.com",
    ),
    region(
        "cn-fuzhou",
        "China (Fuzhou - Local Region)",
        "华东6（福州-本地地域）",
        "kms.cn-fuzhou.aliyuncs.com",
    ),
    region(
        "cn-shenzhen",
        "China (Shenzhen)",
        "华南1（深圳）",
        "kms.cn-shenzhen.aliyuncs.com",
    ),
    region(
        "cn-heyuan",
        "China (Heyuan)",
        "华南2（河源）",
        "kms.cn-heyuan.aliyuncs.com",
    ),
    region(
        "cn-guangzhou",
        "China (Guangzhou)",
        "华南3（广州）",
        "kms.cn-guangzhou.aliyuncs.com",
    ),
    region(
        "cn-wuhan-lr",
        "China (Wuhan - Local Region)",
        "华中1（武汉-本地地域）",
        "kms.cn-wuhan-lr.aliyuncs.com",
    ),
    region(
        "cn-chengdu",
        "China (Chengdu)",
        "西南1（成都）",
        "kms.cn-chengdu.aliyuncs.com",
    ),
    region(
        "cn-hongkong",
        "China (Hong Kong)",
        "中国香港",
        "kms.cn-hongkong.aliyuncs.com",
    ),
    region(
        "ap-northeast-1",
        "Japan (Tokyo)",
        "日本（东京）",
        "kms.ap-northeast-1.aliyuncs.com",
    ),
    region(
        "ap-northeast-2",
        "South Korea (Seoul)",
        "韩国（首尔）",
        "kms.ap-northeast-2.aliyuncs.com",
    ),
    region(
        "ap-southeast-1",
        "Singapore",
        "新加坡",
        "kms.ap-southeast-1.aliyuncs.com",
    ),
    region(
        "ap-southeast-3",
        "Malaysia (Kuala Lumpur)",
        "马来西亚（吉隆坡）",
        "kms.ap-southeast-3.aliyuncs.com",
    ),
    region(
        "ap-southeast-5",
        "Indonesia (Jakarta)",
        "印度尼西亚（雅加达）",
        "kms.ap-southeast-5.aliyuncs.com",
    ),
    region(
        "ap-southeast-6",
        "Philippines (Manila)",
        "菲律宾（马尼拉）",
        "kms.ap-southeast-6.aliyuncs.com",
    ),
    region(
        "ap-southeast-7",
        "Thailand (Bangkok)",
        "泰国（曼谷）",
        "kms.ap-southeast-7.aliyuncs.com",
    ),
    region(
        "us-east-1",
        "US (Virginia)",
        "美国（弗吉尼亚）",
        "kms.us-east-1.aliyuncs.com",
    ),
    region(
        "us-west-1",
        "US (Silicon Valley)",
        "美国（硅谷）",
        "kms.us-west-1.aliyuncs.com",
    ),
    region(
        "eu-central-1",
        "Germany (Frankfurt)",
        "德国（法兰克福）",
        "kms.eu-central-1.aliyuncs.com",
    ),
    region(
        "eu-west-1",
        "UK (London)",
        "英国（伦敦）",
        "kms.eu-west-1.aliyuncs.com",
    ),
    region(
        "me-east-1",
        "UAE (Dubai)",
        "阿联酋（迪拜）",
        "kms.me-east-1.aliyuncs.com",
    ),
];

fn unlisted_host(region: &str) -> String {
    format!("kms.{region}.aliyuncs.com")
}

/// The console form's labels and menu path, with what the vendor's own guide confirmed and what
/// it did not (the comment below); `as_of` is the date they were checked.
// Checked on 2026-12-06 against Alibaba Cloud's own KMS Certificates Manager guide 快速入门
// (https://help.aliyun.com/document_detail/211100.html, no date shown): 登录密钥管理服务控制台, 在左侧
// 导航栏单击证书, then in the list 在操作列选择更多 > 导入证书, and the 导入证书 dialog takes 证书和证书链
// (the certificate and the chain the CA returned for the CSR). The English guide "Quick start"
// (https://www.alibabacloud.com/help/doc-detail/211100.htm, last updated 2025-03-24): KMS console,
// the navigation pane's Certificates. Still secondary, unverified: the boxes' own labels in both
// languages and the English More > Import Certificate step.
const CONSOLE_SOURCE: Source = Source {
    document: "Alibaba Cloud KMS Certificates Manager: 快速入门 / Quick start, step 3 导入证书 (the certificate issued for the KMS CSR); the boxes' labels unverified",
    url: "https://help.aliyun.com/document_detail/211100.html",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "Key Management Service console > Certificates > (the certificate) > Import Certificate",
        "密钥管理服务控制台 > 证书 > （该证书）操作列：更多 > 导入证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate", "证书"),
            fill: Fill::Certificate,
            pitfalls: &[pitfalls::NO_BLANK_LINES, pitfalls::NO_OUTER_WHITESPACE],
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
    id: "alibaba-kms",
    title: "Alibaba Cloud KMS — UploadCertificate (legacy)",
    title_zh: "阿里云 KMS — UploadCertificate（旧版）",
    region_word_zh: "地域",
    api: "UploadCertificate",
    version: "2016-01-20",
    legacy: Some(Legacy {
        note: Words::new(
            "its documentation moved to \"previous version\" pages and the official aliyun CLI \
             dropped it (the generated command needs --force); it may be retired",
            "其文档已移到“历史版本”页面，官方 aliyun CLI 也已不再提供（生成的命令需要 --force）；它可能会下线",
        ),
        successor: "alibaba-cas",
        rule: &LEGACY,
    }),
    schemes: &[Scheme::AlibabaRpcV2, Scheme::AlibabaAcs3],
    auth_scope: AuthScope::AccessKey,
    regions: REGIONS,
    default_region: "cn-hangzhou",
    unlisted_host,
    material: &[
        MaterialRole::Certificate {
            parameter: "Certificate",
            with_chain: false,
        },
        MaterialRole::Chain {
            parameter: "CertificateChain",
        },
        MaterialRole::Csr {
            whose: "CreateCertificate returned",
        },
    ],
    fields: &[FieldSpec::text(
        "CertificateId",
        Words::new(
            "the ID of the certificate entry CreateCertificate made in KMS",
            "CreateCertificate 在 KMS 中创建的证书条目 ID",
        ),
        &CERTIFICATE_ID,
    )
    .required()
    .chars(36, Some(36))
    .shape(Shape::Pattern(
        is_uuid,
        Words::new(
            "the UUID CreateCertificate returned",
            "CreateCertificate 返回的 UUID",
        ),
    ))],
    numbered: &[],
    rules: &[
        &CERTIFICATE_ID,
        &CSR_MATCH,
        &KEY_SPECS,
        &CHAIN,
        &REGION,
        &LEGACY,
    ],
    errors: &[
        KnownError {
            code: "InvalidParameter",
            meaning: "a parameter is not valid: the ID, the certificate, or a certificate that \
                      was not issued for the KMS CSR",
        },
        KnownError {
            code: "InvalidAccessKeyId.NotFound",
            meaning: "the access key ID does not exist",
        },
    ],
    analysis_errors: &[
        (
            Code::CsrDoesNotMatchCertificate,
            "InvalidParameter (the certificate was not issued for the CSR KMS generated)",
        ),
        (Code::PemInvalidBase64, "InvalidParameter"),
        (Code::InvalidAsn1, "InvalidParameter"),
    ],
    vendor_cli: "aliyun kms UploadCertificate --force --version 2016-01-20",
    key_echo: None,
    permission: None,
    console: CONSOLE,
    prepare,
};

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    if let Some(&leaf) = analysis.report.chain.order.first() {
        let key = &analysis.certificates[leaf].summary.public_key;
        let spec_ok = match key.key_type {
            KeyType::Rsa => key.bits == Some(2048),
            KeyType::Ec => key.curve == Some(Curve::P256),
            KeyType::Sm2 => true,
            _ => false,
        };
        if !spec_ok {
            out.push(rule_diagnostic(
                Code::TargetKeyAlgorithm,
                certificate_location(analysis, leaf),
                &KEY_SPECS,
                {
                    let key = describe_key(key);
                    tr!(
                        "the certificate's key is {key}; KMS makes only RSA_2048, EC_P256 and EC_SM2 keys",
                        "证书的密钥是 {key}；KMS 只生成 RSA_2048、EC_P256 和 EC_SM2 密钥"
                    )
                },
                tr!(
                    "this certificate cannot belong to a KMS certificate entry: check you picked the \
                     certificate issued for the KMS CSR",
                    "该证书不可能属于 KMS 证书条目：请确认选的是为 KMS 的 CSR 签发的证书"
                ),
            ));
        }
    } else if analysis.certificates.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            super::material_location(),
            &CHAIN,
            tr!("no certificate was given", "未提供证书"),
            tr!(
                "give the certificate your CA issued for the KMS CSR, and its chain",
                "请给出 CA 为 KMS 的 CSR 签发的证书及其证书链"
            ),
        ));
    }
    csr_wanted(
        ctx,
        &CSR_MATCH,
        Words::new(
            "that CreateCertificate returned",
            "CreateCertificate 返回的",
        ),
        out,
    );
    key_not_taken(
        ctx,
        Words::new(SPEC.api, SPEC.api),
        Words::new("KMS made and keeps the key pair", "密钥对由 KMS 生成并保管"),
        out,
    );

    prep.bundle =
        fixes::normalise_bundle(analysis, RootPolicy::Keep, ctx.original_certificate_text);
    super::report_bundle_changes(
        prep,
        &CHAIN,
        "KMS",
        Words::new(
            "Certificate gets the leaf, CertificateChain the rest; the fixes show before and after",
            "Certificate 放叶子证书，CertificateChain 放其余证书；修复中显示前后对比",
        ),
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
    let region = ctx.region();
    // `--force`: the CLI's metadata no longer lists the API; its force mode copies every flag into
    // the query as is (and does not honour `-FILE`, hence `"$(cat FILE)"`). `--version` pins it.
    let mut command = super::alibaba_slb_ca::aliyun_command(
        "kms",
        SPEC.api,
        region,
        &parameters,
        &["Certificate", "CertificateChain"],
        &[
            CliArg::Flag {
                name: "--force".into(),
            },
            CliArg::Value {
                name: "--version".into(),
                value: SPEC.version.into(),
                joined: false,
            },
        ],
    );
    command.notes.push(Words::new(
        "UploadCertificate is a legacy API: current aliyun CLIs need --force for it (their \
         metadata dropped it).",
        "UploadCertificate 是旧版 API：当前的阿里云 CLI 需要加 --force 才能调用（其元数据已不再收录它）。",
    ));
    prep.vendor_command = Some(command);
    prep.call = Some(Call::Rpc {
        host: SPEC.host(region),
        action: SPEC.api,
        version: SPEC.version,
        parameters,
    });
}
