//! Alibaba Cloud SLB (Classic Load Balancer) `UploadServerCertificate`, version 2014-05-15: a
//! server certificate with its chain and its private key, for HTTPS listeners.
//!
//! CLB's own content rules apply: the server certificate first, then the intermediates; RSA only
//! (1024, 2048 or 4096 bits); the key unencrypted PKCS#1 (`BEGIN RSA PRIVATE KEY`); PEM with
//! 64-character lines and no blank lines. The region table and the tag checks are the CLB ones
//! of the sister target `alibaba_slb_ca`.

use super::alibaba_slb_ca::{
    self, CLB_REGION, INVALID_PARAMETER, check_alibaba_tag, check_clb_key,
};
use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::{
    AuthScope, Call, Context, FieldSpec, KeyRules, MaterialRole, NumberedFields, NumberedPart,
    Permission, Preparation, ProviderSpec, Rule, Shape, Source, SourceKind, field_location,
    material_location, numbered_parameters, rule_diagnostic, take_key,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::fixes::{self, KeyEncoding, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Alibaba Cloud SLB API reference: UploadServerCertificate",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-uploadservercertificate",
    as_of: "2026-03-02",
    kind: SourceKind::Primary,
};
const SDK_MODEL: Source = Source {
    document: "alibabacloud_slb20140515 models/_upload_server_certificate_request.py (the API text: \
               name 1-80 characters, tag key up to 64)",
    url: "https://pypi.org/project/alibabacloud-slb20140515/",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const FAQ: Source = Source {
    document: "CLB: FAQ about certificate upload failures",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/support/faq-about-certificate-upload-failures",
    as_of: "2026-01-14",
    kind: SourceKind::Primary,
};
const ERROR_CODES: Source = Source {
    document: "CLB developer guide: Common error codes",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-errorcodes",
    as_of: "2026-01-14",
    kind: SourceKind::Primary,
};
const CA_NAME_PAGE: Source = Source {
    document: "Alibaba Cloud SLB API reference: SetCACertificateName (Chinese characters allowed \
               in the sister resource's name)",
    url: "https://help.aliyun.com/document_detail/34936.html",
    as_of: "2026-03-02",
    kind: SourceKind::Secondary,
};

/// The certificate and its chain.
pub static CERTIFICATE: Rule = Rule {
    id: "alibaba-slb-server/certificate",
    statement: Words::new(
        "ServerCertificate: PEM, the server certificate first, then its intermediates; one \
                certificate and its key per call",
        "ServerCertificate：PEM，服务器证书放第一位，其后是中间证书；每次调用一张证书及其私钥",
    ),
    sources: &[API_PAGE, alibaba_slb_ca::REQUIREMENTS, FAQ],
    disagreement: None,
    provider_error: Some("The specified Server Certificate format is invalid"),
};
/// RSA only.
pub static KEYS: Rule = Rule {
    id: "alibaba-slb-server/key-algorithms",
    statement: Words::new(
        "CLB supports RSA certificates only (1024, 2048 or 4096 bits); ECDSA certificates \
                are not supported",
        "CLB 仅支持 RSA 证书（1024、2048 或 4096 位）；不支持 ECDSA 证书",
    ),
    sources: &[alibaba_slb_ca::REQUIREMENTS, FAQ],
    disagreement: None,
    provider_error: Some("The specified Server Certificate format is invalid"),
};
/// The private key.
pub static PRIVATE_KEY: Rule = Rule {
    id: "alibaba-slb-server/private-key",
    statement: Words::new(
        "PrivateKey: the certificate's key, unencrypted, in PKCS#1 (BEGIN RSA PRIVATE KEY)",
        "PrivateKey：证书的私钥，未加密，PKCS#1 格式（BEGIN RSA PRIVATE KEY）",
    ),
    sources: &[alibaba_slb_ca::REQUIREMENTS, FAQ, ERROR_CODES],
    disagreement: None,
    provider_error: Some("The format of the private key content is invalid"),
};
/// PEM layout.
pub static PEM_LAYOUT: Rule = Rule {
    id: "alibaba-slb-server/pem-layout",
    statement: Words::new(
        "PEM only, every line but the last of 64 characters, no spaces and no blank lines \
                (also between the certificates of the chain)",
        "仅限 PEM，除最后一行外每行 64 个字符，不能有空格和空行（证书链中各证书之间也不能有）",
    ),
    sources: &[alibaba_slb_ca::REQUIREMENTS, FAQ],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// The region.
pub static REGION: Rule = Rule {
    id: "alibaba-slb-server/region",
    statement: Words::new(
        "RegionId is required; cn-hangzhou uses slb.aliyuncs.com, other regions \
                slb.{RegionId}.aliyuncs.com",
        "RegionId 必填；cn-hangzhou 使用 slb.aliyuncs.com，其他地域使用 slb.{RegionId}.aliyuncs.com",
    ),
    sources: &[API_PAGE, alibaba_slb_ca::ENDPOINTS],
    disagreement: None,
    provider_error: Some("MissingRegionId"),
};
/// Certificate name.
pub static NAME: Rule = Rule {
    id: "alibaba-slb-server/name",
    statement: Words::new(
        "ServerCertificateName: 1-80 characters, starting with a letter, then letters, \
                digits, '.', '_' and '-'",
        "ServerCertificateName：1-80 个字符，以字母开头，可包含字母、数字、'.'、'_' 和 '-'",
    ),
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// Chinese names.
pub static NAME_CHINESE: Rule = Rule {
    id: "alibaba-slb-server/name-chinese",
    statement: Words::new(
        "ServerCertificateName with Chinese characters",
        "含汉字的 ServerCertificateName",
    ),
    sources: &[API_PAGE, CA_NAME_PAGE],
    disagreement: Some(Words::new(
        "the UploadServerCertificate page allows letters only; the same product's CA \
         certificate names (SetCACertificateName) may hold and start with Chinese characters",
        "UploadServerCertificate 页面只允许字母；同一产品的 CA 证书名称（SetCACertificateName）可以包含汉字并以汉字开头",
    )),
    provider_error: Some(INVALID_PARAMETER),
};
/// Resource group.
pub static RESOURCE_GROUP: Rule = Rule {
    id: "alibaba-slb-server/resource-group",
    statement: Words::new(
        "ResourceGroupId is an existing resource group ID such as rg-atstuj3rtoptyui",
        "ResourceGroupId 是已有的资源组 ID，例如 rg-atstuj3rtoptyui",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some(
        "Forbidden.RAM / User not authorized to operate on the specified resource",
    ),
};
/// Tag keys.
pub static TAG_KEY: Rule = Rule {
    id: "alibaba-slb-server/tag-key",
    statement: Words::new(
        "Tag.N.Key (N = 1..20): 1-64 characters, not starting with acs: or aliyun, not \
                containing http:// or https://",
        "Tag.N.Key（N = 1..20）：1-64 个字符，不能以 acs: 或 aliyun 开头，不能含 http:// 或 https://",
    ),
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: None,
    provider_error: Some("InvalidParam.TagKey"),
};
/// Tag values.
pub static TAG_VALUE: Rule = Rule {
    id: "alibaba-slb-server/tag-value",
    statement: Words::new(
        "Tag.N.Value: empty or up to 128 characters, not starting with acs: or aliyun, \
                not containing http:// or https://; a value needs its key",
        "Tag.N.Value：为空或最多 128 个字符，不能以 acs: 或 aliyun 开头，不能含 http:// 或 https://；值需要对应的键",
    ),
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: None,
    provider_error: Some("InvalidParam.TagValue"),
};
/// Tag count.
pub static TAG_COUNT: Rule = Rule {
    id: "alibaba-slb-server/tag-count",
    statement: Words::new(
        "at most 20 tags, numbered 1..20",
        "最多 20 个标签，编号 1..20",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("SizeLimitExceeded.Tag"),
};

/// The console form's labels and menu path, with what the vendor's own guide confirmed and what
/// it did not (the comment below); `as_of` is the date they were checked.
// Checked on 2026-12-06 against Alibaba Cloud's own CLB guide "Create a certificate"
// (https://www.alibabacloud.com/help/doc-detail/90792.html, last updated 2026-01-14): the English menu
// path (CLB > Certificates, Add Certificate, Third-party Certificates, Certificate Type "Server
// Certificate"), the label "Certificate Name" ("Enter a Certificate Name"), and "Certificates are
// region-specific" (CLB_REGION). The same guide in Chinese, 创建证书
// (https://help.aliyun.com/document_detail/90792.html, no date shown; its zh-TW version
// https://www.alibabacloud.com/help/tc/doc-detail/90792.htm updated 2025-09-04 says the same): the
// Chinese menu path (登录传统型负载均衡CLB控制台, 传统型负载均衡 CLB > 证书管理, 创建证书, 上传非阿里云签发证书,
// 证书类型 服务器证书) and the labels 公钥证书 (the certificate content box) and 私钥; it also shows a
// 证书部署地域 choice. The pitfalls are its "Certificate requirements" page
// (https://www.alibabacloud.com/help/doc-detail/85968.htm; zh-TW of 2025-02-14): the server
// certificate first and the intermediates under it, no blank line between them, no spaces, 64
// characters a line, an RSA key as "BEGIN RSA PRIVATE KEY". No vendor source found (still
// secondary, unverified): the English labels of the content and key boxes, and 证书名称 (the
// Chinese guide's form lists no name box).
const CONSOLE_SOURCE: Source = Source {
    document: "Alibaba Cloud Server Load Balancer: Create a certificate / 创建证书 (third-party server certificate) and Certificate requirements; the English content and key box labels and 证书名称 unverified",
    url: "https://www.alibabacloud.com/help/doc-detail/90792.html",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "CLB console > Certificates > Add Certificate > Third-party Certificates > Certificate Type: Server Certificate",
        "传统型负载均衡CLB控制台 > 传统型负载均衡 CLB > 证书管理 > 创建证书 > 上传非阿里云签发证书 > 证书类型：服务器证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate Name", "证书名称"),
            fill: Fill::Field("ServerCertificateName"),
            pitfalls: &[pitfalls::NAME_UNIQUE],
        },
        ConsoleField {
            label: Words::new("Certificate Content", "公钥证书"),
            fill: Fill::CertificateWithChain,
            pitfalls: &[
                pitfalls::LEAF_FIRST_NO_ROOT,
                pitfalls::NO_BLANK_LINES,
                CLB_REGION,
            ],
        },
        ConsoleField {
            label: Words::new("Private Key", "私钥"),
            fill: Fill::PrivateKey,
            pitfalls: &[
                pitfalls::NO_PKCS8,
                pitfalls::NO_PASSPHRASE,
                pitfalls::NO_BLANK_LINES,
            ],
        },
    ],
};

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "alibaba-slb-server",
    title: "Alibaba Cloud SLB — UploadServerCertificate",
    title_zh: "阿里云 SLB（CLB）— UploadServerCertificate",
    region_word_zh: "地域",
    api: "UploadServerCertificate",
    version: "2014-05-15",
    legacy: None,
    schemes: &[Scheme::AlibabaRpcV2, Scheme::AlibabaAcs3],
    auth_scope: AuthScope::AccessKey,
    regions: alibaba_slb_ca::REGIONS,
    default_region: "cn-hangzhou",
    unlisted_host: alibaba_slb_ca::unlisted_host,
    material: &[
        MaterialRole::Certificate {
            parameter: "ServerCertificate",
            with_chain: true,
        },
        MaterialRole::PrivateKey {
            parameter: "PrivateKey",
            encoding: "PKCS#1 RSA (BEGIN RSA PRIVATE KEY), unencrypted",
        },
    ],
    fields: &[
        FieldSpec::text(
            "ServerCertificateName",
            Words::new("a name for the server certificate", "服务器证书名称"),
            &NAME,
        )
        .chars(1, Some(80)),
        FieldSpec::text(
            "ResourceGroupId",
            Words::new(
                "the resource group to put the certificate in",
                "证书所属的资源组",
            ),
            &RESOURCE_GROUP,
        )
        .chars(1, None)
        .shape(Shape::Pattern(
            alibaba_slb_ca::is_resource_group,
            Words::new(
                "a resource group ID such as rg-atstuj3rtoptyui",
                "资源组 ID，例如 rg-atstuj3rtoptyui",
            ),
        )),
    ],
    numbered: &[NumberedFields {
        stem: "Tag",
        parts: &[
            NumberedPart {
                name: "Key",
                help: Words::new(
                    "1-64 characters; not acs: or aliyun…; no http:// or https://",
                    "1-64 个字符；不能以 acs: 或 aliyun 开头；不能含 http:// 或 https://",
                ),
                rule: &TAG_KEY,
            },
            NumberedPart {
                name: "Value",
                help: Words::new(
                    "empty or up to 128 characters; no http:// or https://",
                    "为空或最多 128 个字符；不能含 http:// 或 https://",
                ),
                rule: &TAG_VALUE,
            },
        ],
        max: 20,
        count_rule: &TAG_COUNT,
        first_missing_error: Some("MissingParam.TagKey"),
        check: check_tag,
    }],
    rules: &[
        &CERTIFICATE,
        &KEYS,
        &PRIVATE_KEY,
        &PEM_LAYOUT,
        &REGION,
        &NAME,
        &NAME_CHINESE,
        &RESOURCE_GROUP,
        &TAG_KEY,
        &TAG_VALUE,
        &TAG_COUNT,
    ],
    errors: &[
        super::KnownError {
            code: "CertificateNotMatchPrivateKey",
            meaning: "Certificate and key does not match",
        },
        super::KnownError {
            code: "PrivateKeyEncryption",
            meaning: "Key has Encrypted: the key must be unencrypted",
        },
        super::KnownError {
            code: "KeyFormatError",
            meaning: "The specified ServerCertificate is incorrectly formatted",
        },
        super::KnownError {
            code: "InvalidParameter",
            meaning: "the certificate or key format is not valid (ECDSA, PKCS#8, spaces, blank \
                      lines)",
        },
        super::KnownError {
            code: "InvalidParam.TagKey",
            meaning: "a tag key is empty, too long, reserved or holds a URL",
        },
        super::KnownError {
            code: "SizeLimitExceeded.Tag",
            meaning: "more than 20 tags",
        },
    ],
    analysis_errors: &[
        (
            Code::KeyDoesNotMatchCertificate,
            "CertificateNotMatchPrivateKey (Certificate and key does not match)",
        ),
        (
            Code::EncryptedKeyNeedsPassphrase,
            "PrivateKeyEncryption (Key has Encrypted)",
        ),
        (
            Code::ChainMissingIssuer,
            "No certificate chain is found in the certificate content",
        ),
        (Code::PemInvalidBase64, INVALID_PARAMETER),
        (Code::InvalidAsn1, INVALID_PARAMETER),
        (Code::NoPemOrDer, INVALID_PARAMETER),
    ],
    vendor_cli: "aliyun slb UploadServerCertificate",
    key_echo: None,
    permission: Some(Permission {
        action: "slb:UploadServerCertificate",
        system: "RAM",
        source: API_PAGE,
    }),
    console: CONSOLE,
    prepare,
};

fn check_tag(name: &str, part: usize, value: &str, out: &mut Vec<Diagnostic>) {
    check_alibaba_tag(name, part, value, (&TAG_KEY, &TAG_VALUE, None), 64, out);
}

/// The name rule: a letter first, then letters, digits, `.`, `_`, `-`; Chinese characters are
/// only warned about (the sister CA name allows them).
fn check_name(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(name) = ctx.fields.get("ServerCertificateName") else {
        return;
    };
    let chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let ascii_ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ascii_ok || name.is_empty() {
        return;
    }
    let with_chinese_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || chinese(c))
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || chinese(c) || matches!(c, '.' | '_' | '-'));
    let rule = if with_chinese_ok {
        &NAME_CHINESE
    } else {
        &NAME
    };
    out.push(rule_diagnostic(
        Code::FieldInvalid,
        field_location("ServerCertificateName"),
        rule,
        tr!(
            "ServerCertificateName {name:?} breaks the name rule (a letter first, then letters, \
             digits, '.', '_', '-')",
            "ServerCertificateName {name:?} 不符合命名规则（以字母开头，可包含字母、数字、'.'、'_'、'-'）"
        ),
        tr!("use such a name", "请使用符合规则的名称"),
    ));
}

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    match analysis.report.chain.order.first() {
        None => out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            material_location(),
            &CERTIFICATE,
            tr!("no certificate was given", "未提供证书"),
            tr!(
                "give the server certificate and its intermediates (PEM)",
                "请给出服务器证书及其中间证书（PEM）"
            ),
        )),
        Some(&leaf) => check_clb_key(ctx, leaf, &KEYS, out),
    }
    let key = take_key(
        ctx,
        &KeyRules {
            who: "UploadServerCertificate",
            rule: &PRIVATE_KEY,
            encoding_rule: &PRIVATE_KEY,
            want: KeyEncoding::Traditional,
            reencoded_because: Words::new(
                "CLB takes PKCS#1 RSA keys only: re-encoded, same key",
                "CLB 仅接受 PKCS#1 RSA 私钥：已重新编码，私钥不变",
            ),
            decrypted_because: Words::new(
                "CLB takes only unencrypted keys: decrypted locally",
                "CLB 仅接受未加密的私钥：已在本地解密",
            ),
            max: None,
        },
        out,
    );
    if let Some((pem, fix)) = &key {
        prep.key_fix = fix.clone();
        prep.key = Some(pem.clone());
    }
    let out = &mut prep.diagnostics;
    let tags = if ctx.requesting() {
        check_name(ctx, out);
        numbered_parameters(&SPEC.numbered[0], ctx.fields, out)
    } else {
        Vec::new()
    };
    prep.bundle =
        fixes::normalise_bundle(analysis, RootPolicy::Drop, ctx.original_certificate_text);
    super::report_bundle_changes(
        prep,
        &PEM_LAYOUT,
        "CLB",
        Words::new(
            "the request sends the arranged PEM (leaf first, no blank lines); the fixes show before and after",
            "请求发送整理后的 PEM（服务器证书放第一位，中间不能有空行）；修复中显示前后对比",
        ),
    );
    let (Some(bundle), Some((key, _)), true) = (&prep.bundle, &key, ctx.requesting()) else {
        return;
    };
    let region = ctx.region();
    let mut parameters = vec![
        ("RegionId".to_owned(), region.to_owned()),
        ("ServerCertificate".to_owned(), bundle.full_pem.clone()),
        ("PrivateKey".to_owned(), key.pem.clone()),
    ];
    for name in ["ServerCertificateName", "ResourceGroupId"] {
        if let Some(value) = ctx.fields.get(name) {
            parameters.push((name.to_owned(), value.to_owned()));
        }
    }
    parameters.extend(tags);
    let mut command = alibaba_slb_ca::aliyun_command(
        "slb",
        SPEC.api,
        region,
        &parameters,
        &["ServerCertificate", "PrivateKey"],
        &[],
    );
    command.notes.push(Words::new(
        "The key reaches the CLI as an argument (visible in `ps` while it runs): prefer the curl \
         command on shared machines.",
        "私钥以命令行参数传给 CLI（运行期间可用 `ps` 看到）：在共用的机器上请改用 curl 命令。",
    ));
    prep.vendor_command = Some(command);
    prep.call = Some(Call::Rpc {
        host: SPEC.host(region),
        action: SPEC.api,
        version: SPEC.version,
        parameters,
    });
}
