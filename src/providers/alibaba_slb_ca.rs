//! Alibaba Cloud SLB (Classic Load Balancer) `UploadCACertificate`, version 2014-05-15: one CA
//! certificate per call, for mutual TLS listeners.
//!
//! Also the home of what the CLB APIs share (its sister target `alibaba_slb_server` reuses it):
//! the region table with the endpoint hosts, the tag rules and the CLB certificate requirements.

use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::{
    AuthScope, Call, CliArg, Context, FieldSpec, KnownError, MaterialRole, NumberedFields,
    NumberedPart, Permission, Preparation, ProviderSpec, Region, Rule, Shape, Source, SourceKind,
    VendorCommand, certificate_location, field_location, is_ca_certificate, numbered_parameters,
    region, rule_diagnostic,
};
use crate::analysis::public_key::KeyType;
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use crate::fixes::{self, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Alibaba Cloud SLB API reference: UploadCACertificate",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-uploadcacertificate",
    as_of: "2026-03-02",
    kind: SourceKind::Primary,
};
/// The CLB endpoint table.
pub(crate) const ENDPOINTS: Source = Source {
    document: "Server Load Balancer: Endpoints (and the SDK endpoint data)",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-endpoint",
    as_of: "2026-03-02",
    kind: SourceKind::Primary,
};
/// The CLB certificate requirements (PEM layout, algorithms).
pub(crate) const REQUIREMENTS: Source = Source {
    document: "CLB: Certificate requirements and certificate format conversion",
    url: "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/certificate-requirements-and-certificate-format-conversion",
    as_of: "2026-01-14",
    kind: SourceKind::Primary,
};
const CREATE_CERTIFICATE_ZH: Source = Source {
    document: "负载均衡 CLB：创建证书 (public key algorithms CLB supports)",
    url: "https://help.aliyun.com/document_detail/90792.html",
    as_of: "2026-01-14",
    kind: SourceKind::Primary,
};
const SET_NAME_PAGE: Source = Source {
    document: "Alibaba Cloud SLB API reference: SetCACertificateName (the CA certificate name rule)",
    url: "https://help.aliyun.com/document_detail/34936.html",
    as_of: "2026-03-02",
    kind: SourceKind::Secondary,
};
const INFERRED: Source = Source {
    document: "inference: a CA certificate for mutual TLS is one that can sign client certificates",
    url: "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.9",
    as_of: "RFC 5280",
    kind: SourceKind::Secondary,
};

/// `InvalidParameter` as CLB words it for certificate content.
pub(crate) const INVALID_PARAMETER: &str = "InvalidParameter (Invalid parameter)";

/// Exactly one certificate per call.
pub static ONE_CERTIFICATE: Rule = Rule {
    id: "alibaba-slb-ca/one-certificate",
    statement: Words::new(
        "CACertificate holds exactly one certificate: upload a chain's CAs one call at a \
                time",
        "CACertificate 只放一张证书：证书链中的 CA 证书每次调用上传一张",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter (The specified parameter CACertificate is not valid)"),
};
/// The certificate is a CA.
pub static CA_CERTIFICATE: Rule = Rule {
    id: "alibaba-slb-ca/ca-certificate",
    statement: Words::new(
        "the certificate is a CA certificate (basicConstraints cA=TRUE, keyUsage \
                keyCertSign), able to sign the clients' certificates",
        "证书是 CA 证书（basicConstraints cA=TRUE，keyUsage keyCertSign），能签发客户端证书",
    ),
    sources: &[INFERRED],
    disagreement: None,
    provider_error: None,
};
/// Accepted public keys (shared with the server certificate upload).
pub static KEYS: Rule = Rule {
    id: "alibaba-slb-ca/key-algorithms",
    statement: Words::new(
        "CLB supports RSA certificates only (1024, 2048 or 4096 bits); ECDSA is not \
                supported",
        "CLB 仅支持 RSA 证书（1024、2048 或 4096 位）；不支持 ECDSA",
    ),
    sources: &[REQUIREMENTS, CREATE_CERTIFICATE_ZH],
    disagreement: Some(Words::new(
        "the requirements pages describe CLB certificates in general; the UploadCACertificate \
         page names no algorithm, so a CA certificate outside the list may still be accepted",
        "证书要求页面泛指 CLB 证书；UploadCACertificate 页面未指定算法，因此列表之外的 CA 证书仍可能被接受",
    )),
    provider_error: Some("InvalidParameter"),
};
/// PEM layout.
pub static PEM_LAYOUT: Rule = Rule {
    id: "alibaba-slb-ca/pem-layout",
    statement: Words::new(
        "PEM only, every line but the last of 64 characters, no spaces and no blank lines",
        "仅限 PEM，除最后一行外每行 64 个字符，不能有空格和空行",
    ),
    sources: &[REQUIREMENTS],
    disagreement: None,
    provider_error: Some(INVALID_PARAMETER),
};
/// The region and its endpoint.
pub static REGION: Rule = Rule {
    id: "alibaba-slb-ca/region",
    statement: Words::new(
        "RegionId is required; cn-hangzhou uses slb.aliyuncs.com, other regions \
                slb.{RegionId}.aliyuncs.com",
        "RegionId 必填；cn-hangzhou 使用 slb.aliyuncs.com，其他地域使用 slb.{RegionId}.aliyuncs.com",
    ),
    sources: &[API_PAGE, ENDPOINTS],
    disagreement: None,
    provider_error: Some("MissingRegionId"),
};
/// Certificate name.
pub static NAME: Rule = Rule {
    id: "alibaba-slb-ca/name",
    statement: Words::new(
        "CACertificateName: 1-80 characters, starting with a letter or a Chinese \
                character, then letters, Chinese characters, digits, '.', '_' and '-'",
        "CACertificateName：1-80 个字符，以字母或汉字开头，可包含字母、汉字、数字、'.'、'_' 和 '-'",
    ),
    sources: &[SET_NAME_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParameter"),
};
/// Resource group.
pub static RESOURCE_GROUP: Rule = Rule {
    id: "alibaba-slb-ca/resource-group",
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
    id: "alibaba-slb-ca/tag-key",
    statement: Words::new(
        "Tag.N.Key (N = 1..20): 1-128 characters, not starting with acs: or aliyun, not \
                containing http:// or https://",
        "Tag.N.Key（N = 1..20）：1-128 个字符，不能以 acs: 或 aliyun 开头，不能含 http:// 或 https://",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParam.TagKey"),
};
/// Tag values.
pub static TAG_VALUE: Rule = Rule {
    id: "alibaba-slb-ca/tag-value",
    statement: Words::new(
        "Tag.N.Value: up to 128 characters, not starting with acs: or aliyun, not \
                containing http:// or https://; a value needs its key",
        "Tag.N.Value：最多 128 个字符，不能以 acs: 或 aliyun 开头，不能含 http:// 或 https://；值需要对应的键",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("InvalidParam.TagValue"),
};
/// Empty tag values.
pub static TAG_VALUE_EMPTY: Rule = Rule {
    id: "alibaba-slb-ca/tag-value-empty",
    statement: Words::new(
        "Tag.N.Value may be an empty string",
        "Tag.N.Value 可以为空字符串",
    ),
    sources: &[API_PAGE],
    disagreement: Some(Words::new(
        "the page says both that the value can be an empty string and that it has 1 to 128 \
         characters",
        "页面既说该值可以为空字符串，又说长度为 1 到 128 个字符",
    )),
    provider_error: Some("InvalidParam.TagValue"),
};
/// Tag count.
pub static TAG_COUNT: Rule = Rule {
    id: "alibaba-slb-ca/tag-count",
    statement: Words::new(
        "at most 20 tags, numbered 1..20",
        "最多 20 个标签，编号 1..20",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("SizeLimitExceeded.Tag"),
};

/// Whether `value` is a resource group ID (`rg-` then lowercase letters and digits).
pub(crate) fn is_resource_group(value: &str) -> bool {
    value.strip_prefix("rg-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// The regions of the CLB endpoint table, with their hosts (shared by the CLB targets).
pub(crate) const REGIONS: &[Region] = &[
    region(
        "cn-qingdao",
        "China (Qingdao)",
        "华北1（青岛）",
        "slb.cn-qingdao.aliyuncs.com",
    ),
    region(
        "cn-beijing",
        "China (Beijing)",
        "华北2（北京）",
        "slb.cn-beijing.aliyuncs.com",
    ),
    region(
        "cn-zhangjiakou",
        "China (Zhangjiakou)",
        "华北3（张家口）",
        "slb.cn-zhangjiakou.aliyuncs.com",
    ),
    region(
        "cn-huhehaote",
        "China (Hohhot)",
        "华北5（呼和浩特）",
        "slb.cn-huhehaote.aliyuncs.com",
    ),
    region(
        "cn-wulanchabu",
        "China (Ulanqab)",
        "华北6（乌兰察布）",
        "slb.cn-wulanchabu.aliyuncs.com",
    ),
    region(
        "cn-hangzhou",
        "China (Hangzhou)",
        "华东1（杭州）",
        "slb.aliyuncs.com",
    ),
    region(
        "cn-shanghai",
        "China (Shanghai)",
        "华东2（上海）",
        "slb.cn-shanghai.aliyuncs.com",
    ),
    region(
        "cn-nanjing",
        "China (Nanjing - Local Region)",
        "华东5（南京-本地地域）",
        "slb.cn-nanjing.aliyuncs.com",
    ),
    region(
        "cn-fuzhou",
        "China (Fuzhou - Local Region)",
        "华东6（福州-本地地域）",
        "slb.cn-fuzhou.aliyuncs.com",
    ),
    region(
        "cn-shenzhen",
        "China (Shenzhen)",
        "华南1（深圳）",
        "slb.cn-shenzhen.aliyuncs.com",
    ),
    region(
        "cn-heyuan",
        "China (Heyuan)",
        "华南2（河源）",
        "slb.cn-heyuan.aliyuncs.com",
    ),
    region(
        "cn-guangzhou",
        "China (Guangzhou)",
        "华南3（广州）",
        "slb.cn-guangzhou.aliyuncs.com",
    ),
    region(
        "cn-chengdu",
        "China (Chengdu)",
        "西南1（成都）",
        "slb.cn-chengdu.aliyuncs.com",
    ),
    region(
        "cn-hongkong",
        "China (Hong Kong)",
        "中国香港",
        "slb.cn-hongkong.aliyuncs.com",
    ),
    region(
        "ap-northeast-1",
        "Japan (Tokyo)",
        "日本（东京）",
        "slb.ap-northeast-1.aliyuncs.com",
    ),
    region(
        "ap-northeast-2",
        "South Korea (Seoul)",
        "韩国（首尔）",
        "slb.ap-northeast-2.aliyuncs.com",
    ),
    region(
        "ap-southeast-1",
        "Singapore",
        "新加坡",
        "slb.ap-southeast-1.aliyuncs.com",
    ),
    region(
        "ap-southeast-3",
        "Malaysia (Kuala Lumpur)",
        "马来西亚（吉隆坡）",
        "slb.ap-southeast-3.aliyuncs.com",
    ),
    region(
        "ap-southeast-5",
        "Indonesia (Jakarta)",
        "印度尼西亚（雅加达）",
        "slb.ap-southeast-5.aliyuncs.com",
    ),
    region(
        "ap-southeast-6",
        "Philippines (Manila)",
        "菲律宾（马尼拉）",
        "slb.ap-southeast-6.aliyuncs.com",
    ),
    region(
        "ap-southeast-7",
        "Thailand (Bangkok)",
        "泰国（曼谷）",
        "slb.ap-southeast-7.aliyuncs.com",
    ),
    region(
        "us-east-1",
        "US (Virginia)",
        "美国（弗吉尼亚）",
        "slb.us-east-1.aliyuncs.com",
    ),
    region(
        "us-west-1",
        "US (Silicon Valley)",
        "美国（硅谷）",
        "slb.us-west-1.aliyuncs.com",
    ),
    region(
        "eu-central-1",
        "Germany (Frankfurt)",
        "德国（法兰克福）",
        "slb.eu-central-1.aliyuncs.com",
    ),
    region(
        "eu-west-1",
        "UK (London)",
        "英国（伦敦）",
        "slb.eu-west-1.aliyuncs.com",
    ),
    region(
        "me-east-1",
        "UAE (Dubai)",
        "阿联酋（迪拜）",
        "slb.me-east-1.aliyuncs.com",
    ),
    region(
        "cn-shanghai-finance-1",
        "China East 2 Finance",
        "华东2 金融云",
        "slb.cn-shanghai-finance-1.aliyuncs.com",
    ),
    region(
        "cn-shenzhen-finance-1",
        "China South 1 Finance",
        "华南1 金融云",
        "slb.cn-shenzhen-finance-1.aliyuncs.com",
    ),
    region(
        "cn-north-2-gov-1",
        "China North 2 Ali Gov 1",
        "华北2 阿里政务云1",
        "slb.cn-north-2-gov-1.aliyuncs.com",
    ),
];

/// The host of a region the table does not list: the regional pattern of the endpoint page.
pub(crate) fn unlisted_host(region: &str) -> String {
    format!("slb.{region}.aliyuncs.com")
}

/// What the CLB APIs answer for content errors, as their FAQ and error tables name them.
pub(crate) const ERRORS: &[KnownError] = &[
    KnownError {
        code: "InvalidParameter",
        meaning: "the certificate (or key) content is not valid PEM: bad base64, spaces, blank \
                  lines, wrong line length",
    },
    KnownError {
        code: "InvalidParam.TagKey",
        meaning: "a tag key is empty, too long, reserved (acs:, aliyun) or holds a URL",
    },
    KnownError {
        code: "InvalidParam.TagValue",
        meaning: "a tag value is too long, reserved or holds a URL",
    },
    KnownError {
        code: "SizeLimitExceeded.Tag",
        meaning: "more than 20 tags",
    },
    KnownError {
        code: "MissingParam.TagKey",
        meaning: "a tag value was given without its key",
    },
    KnownError {
        code: "MissingRegionId",
        meaning: "RegionId is missing",
    },
];

/// The console form's labels and menu path, with what the vendor's own guide confirmed and what
/// it did not (the comment below); `as_of` is the date they were checked.
// Checked on 2026-12-06 against Alibaba Cloud's own CLB guide "Create a certificate"
// (https://www.alibabacloud.com/help/doc-detail/90792.html, last updated 2026-01-14): the English menu
// path (CLB > Certificates, Add Certificate, Third-party Certificates, Certificate Type "CA
// Certificate", for mutual authentication), the label "Certificate Name", and "Certificates are
// region-specific" (CLB_REGION). The same guide in Chinese, 创建证书
// (https://help.aliyun.com/document_detail/90792.html, no date shown; its zh-TW version
// https://www.alibabacloud.com/help/tc/doc-detail/90792.htm updated 2025-09-04 says the same): the
// Chinese menu path (登录传统型负载均衡CLB控制台, 传统型负载均衡 CLB > 证书管理, 创建证书, 上传非阿里云签发证书,
// 证书类型 CA证书) and the label 公钥证书 for the content box ("复制服务器或者CA证书内容"), no key for a
// CA certificate; it also shows a 证书部署地域 choice. The pitfalls are its "Certificate
// requirements" page (https://www.alibabacloud.com/help/doc-detail/85968.htm): no spaces, no blank
// lines, 64 characters a line. No vendor source found (still secondary, unverified): the content
// box's English label, and 证书名称 (the Chinese guide's form lists no name box).
const CONSOLE_SOURCE: Source = Source {
    document: "Alibaba Cloud Server Load Balancer: Create a certificate / 创建证书 (third-party CA certificate) and Certificate requirements; the content box's English label and 证书名称 unverified",
    url: "https://www.alibabacloud.com/help/doc-detail/90792.html",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// Where a CLB certificate is seen: in the region it was uploaded to ("Certificates are
/// region-specific", the English guide); the Chinese guide's form has its own region choice,
/// 证书部署地域 (see [`CONSOLE_SOURCE`]). In Alibaba's word for a region, 地域.
pub(super) const CLB_REGION: Words = Words::new(
    "A certificate is listed only in the region it was uploaded to: upload it in your load balancer's region (the console's region list, or the form's own region choice where it has one).",
    "证书只在上传时选择的地域中显示：请在负载均衡实例所在的地域上传（在控制台的地域列表中选择；表单中有“证书部署地域”时，在其中选择）。",
);
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "CLB console > Certificates > Add Certificate > Third-party Certificates > Certificate Type: CA Certificate",
        "传统型负载均衡CLB控制台 > 传统型负载均衡 CLB > 证书管理 > 创建证书 > 上传非阿里云签发证书 > 证书类型：CA证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate Name", "证书名称"),
            fill: Fill::Field("CACertificateName"),
            pitfalls: &[pitfalls::NAME_UNIQUE],
        },
        ConsoleField {
            label: Words::new("Certificate Content", "公钥证书"),
            fill: Fill::Certificate,
            pitfalls: &[
                pitfalls::NO_BLANK_LINES,
                pitfalls::NO_OUTER_WHITESPACE,
                CLB_REGION,
            ],
        },
    ],
};

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "alibaba-slb-ca",
    title: "Alibaba Cloud SLB — UploadCACertificate",
    title_zh: "阿里云 SLB（CLB）— UploadCACertificate",
    region_word_zh: "地域",
    api: "UploadCACertificate",
    version: "2014-05-15",
    legacy: None,
    schemes: &[Scheme::AlibabaRpcV2, Scheme::AlibabaAcs3],
    auth_scope: AuthScope::AccessKey,
    regions: REGIONS,
    default_region: "cn-hangzhou",
    unlisted_host,
    material: &[MaterialRole::Certificate {
        parameter: "CACertificate",
        with_chain: false,
    }],
    fields: &[
        FieldSpec::text("CACertificateName", Words::new("a name for the CA certificate", "CA 证书名称"), &NAME)
            .shape(Shape::Pattern(is_ca_name, Words::new("1-80 characters: a letter or Chinese character first, then letters, Chinese characters, digits, '.', '_', '-'", "1-80 个字符：以字母或汉字开头，可包含字母、汉字、数字、'.'、'_'、'-'"))),
        FieldSpec::text(
            "ResourceGroupId",
            Words::new("the resource group to put the certificate in", "证书所属的资源组"),
            &RESOURCE_GROUP,
        )
        .chars(1, None)
        .shape(Shape::Pattern(
            is_resource_group,
            Words::new("a resource group ID such as rg-atstuj3rtoptyui", "资源组 ID，例如 rg-atstuj3rtoptyui"),
        )),
    ],
    numbered: &[NumberedFields {
        stem: "Tag",
        parts: &[
            NumberedPart {
                name: "Key",
                help: Words::new("1-128 characters; not acs: or aliyun…; no http:// or https://", "1-128 个字符；不能以 acs: 或 aliyun 开头；不能含 http:// 或 https://"),
                rule: &TAG_KEY,
            },
            NumberedPart {
                name: "Value",
                help: Words::new("up to 128 characters; no http:// or https://", "最多 128 个字符；不能含 http:// 或 https://"),
                rule: &TAG_VALUE,
            },
        ],
        max: 20,
        count_rule: &TAG_COUNT,
        first_missing_error: Some("MissingParam.TagKey"),
        check: check_tag,
    }],
    rules: &[
        &ONE_CERTIFICATE,
        &CA_CERTIFICATE,
        &KEYS,
        &PEM_LAYOUT,
        &REGION,
        &NAME,
        &RESOURCE_GROUP,
        &TAG_KEY,
        &TAG_VALUE,
        &TAG_VALUE_EMPTY,
        &TAG_COUNT,
    ],
    errors: ERRORS,
    analysis_errors: &[
        (Code::PemInvalidBase64, INVALID_PARAMETER),
        (Code::InvalidAsn1, INVALID_PARAMETER),
        (Code::NoPemOrDer, INVALID_PARAMETER),
    ],
    vendor_cli: "aliyun slb UploadCACertificate",
    key_echo: None,
    permission: Some(Permission {
        action: "slb:UploadCACertificate",
        system: "RAM",
        source: API_PAGE,
    }),
    console: CONSOLE,
    prepare,
};

/// The CA name rule of `SetCACertificateName`: 1-80 characters, a letter or Chinese character
/// first, then letters, Chinese characters, digits, `.`, `_` and `-`.
fn is_ca_name(name: &str) -> bool {
    let chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars = name.chars().count();
    (1..=80).contains(&chars)
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || chinese(c))
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || chinese(c) || matches!(c, '.' | '_' | '-'))
}

/// Checks an Alibaba tag key (`part` 0) or value (`part` 1): at most `key_max` / 128
/// characters, no reserved prefix, no URL scheme, an empty value only with a warning when
/// `empty_value` (the rule recording that disagreement) is given. Shared by the CLB targets.
pub(crate) fn check_alibaba_tag(
    name: &str,
    part: usize,
    value: &str,
    rules: (&Rule, &Rule, Option<&Rule>),
    key_max: usize,
    out: &mut Vec<Diagnostic>,
) {
    let (key_rule, value_rule, empty_value) = rules;
    let is_key = part == 0;
    let rule = if is_key { key_rule } else { value_rule };
    let max = if is_key { key_max } else { 128 };
    let chars = value.chars().count();
    if chars == 0 {
        match (is_key, empty_value) {
            (true, _) => out.push(rule_diagnostic(
                Code::FieldInvalid,
                field_location(name),
                rule,
                tr!("{name} is empty", "{name} 为空"),
                tr!(
                    "give the tag a key of 1 to {max} characters",
                    "请给标签一个 1 到 {max} 个字符的键"
                ),
            )),
            (false, Some(disputed)) => out.push(rule_diagnostic(
                Code::FieldInvalid,
                field_location(name),
                disputed,
                tr!("{name} is empty", "{name} 为空"),
                tr!(
                    "give a value, or expect InvalidParam.TagValue",
                    "请给出值，否则可能返回 InvalidParam.TagValue"
                ),
            )),
            (false, None) => {}
        }
    }
    if chars > max {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            field_location(name),
            rule,
            tr!(
                "{name} has {chars} characters; at most {max} are allowed",
                "{name} 有 {chars} 个字符；最多允许 {max} 个"
            ),
            tr!("shorten it", "请缩短"),
        ));
    }
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("acs:") || lower.starts_with("aliyun") {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(name),
            rule,
            {
                let prefix = value.chars().take(6).collect::<String>();
                tr!(
                    "{name} starts with {prefix:?}, which Alibaba reserves",
                    "{name} 以 {prefix:?} 开头，这是阿里云保留的前缀"
                )
            },
            tr!("use another prefix", "请换一个前缀"),
        ));
    }
    if lower.contains("http://") || lower.contains("https://") {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(name),
            rule,
            tr!(
                "{name} contains http:// or https://",
                "{name} 含有 http:// 或 https://"
            ),
            tr!("remove the URL scheme", "请去掉 URL 协议头"),
        ));
    }
}

fn check_tag(name: &str, part: usize, value: &str, out: &mut Vec<Diagnostic>) {
    check_alibaba_tag(
        name,
        part,
        value,
        (&TAG_KEY, &TAG_VALUE, Some(&TAG_VALUE_EMPTY)),
        128,
        out,
    );
}

/// Warns when a certificate's key is not among the RSA sizes CLB lists (`rule` decides whether
/// that blocks).
pub(crate) fn check_clb_key(
    ctx: &Context<'_>,
    index: usize,
    rule: &Rule,
    out: &mut Vec<Diagnostic>,
) {
    let analysis = ctx.analysis;
    let key = &analysis.certificates[index].summary.public_key;
    let listed = key.key_type == KeyType::Rsa && matches!(key.bits, Some(1024 | 2048 | 4096));
    if !listed {
        out.push(rule_diagnostic(
            Code::TargetKeyAlgorithm,
            certificate_location(analysis, index),
            rule,
            {
                let key = super::describe_key(key);
                tr!(
                    "the certificate's key is {key}; CLB supports RSA 1024, 2048 and 4096 only",
                    "证书的密钥是 {key}；CLB 仅支持 RSA 1024、2048 和 4096"
                )
            },
            tr!(
                "use an RSA certificate of 1024, 2048 or 4096 bits",
                "请使用 1024、2048 或 4096 位的 RSA 证书"
            ),
        ));
    }
}

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let analysis = ctx.analysis;
    let out = &mut prep.diagnostics;
    let count = analysis.certificates.len();
    if count != 1 {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            InputLocation::file(
                analysis
                    .report
                    .inputs
                    .first()
                    .map(|i| i.file.clone())
                    .unwrap_or_default(),
            ),
            &ONE_CERTIFICATE,
            tr!(
                "UploadCACertificate takes exactly one certificate; {count} were given",
                "UploadCACertificate 只接受一张证书；给出了 {count} 张"
            ),
            if count == 0 {
                crate::diagnostic::Hint::from(tr!(
                    "give the CA certificate (PEM)",
                    "请给出 CA 证书（PEM）"
                ))
            } else {
                crate::diagnostic::Hint::per_surface(
                    tr!(
                        "upload each CA certificate in its own call: keep one certificate in the certificate box at a time",
                        "每张 CA 证书单独上传一次：证书框中每次只放一张证书"
                    ),
                    tr!(
                        "upload each CA certificate in its own call: run this once per certificate file",
                        "每张 CA 证书单独上传一次：每个证书文件运行一次"
                    ),
                )
            },
        ));
    }
    if let Some(certificate) = analysis.certificates.first() {
        let summary = &certificate.summary;
        if !is_ca_certificate(summary) {
            out.push(rule_diagnostic(
                Code::TargetNeedsCaCertificate,
                certificate_location(analysis, 0),
                &CA_CERTIFICATE,
                {
                    let subject = &summary.subject;
                    let (why, why_zh) = if summary.is_ca {
                        (
                            "its keyUsage lacks keyCertSign",
                            "其 keyUsage 不含 keyCertSign",
                        )
                    } else {
                        (
                            "basicConstraints cA is not TRUE",
                            "basicConstraints cA 不为 TRUE",
                        )
                    };
                    tr!(
                        "{subject} is not a CA certificate ({why})",
                        "{subject} 不是 CA 证书（{why_zh}）"
                    )
                },
                tr!(
                    "upload the CA that issued your clients' certificates, not a leaf",
                    "请上传签发客户端证书的 CA 证书，而不是叶子证书"
                ),
            ));
        }
        check_clb_key(ctx, 0, &KEYS, out);
    }
    let tags = if ctx.requesting() {
        numbered_parameters(&SPEC.numbered[0], ctx.fields, out)
    } else {
        Vec::new()
    };
    prep.bundle =
        fixes::normalise_bundle(analysis, RootPolicy::Keep, ctx.original_certificate_text);
    super::report_bundle_changes(
        prep,
        &PEM_LAYOUT,
        "SLB",
        Words::new(
            "the request sends the rewritten PEM; the fixes show before and after",
            "请求发送重写后的 PEM；修复中显示前后对比",
        ),
    );
    let (Some(bundle), true) = (&prep.bundle, ctx.requesting()) else {
        return;
    };
    let region = ctx.region();
    let mut parameters = vec![
        ("RegionId".to_owned(), region.to_owned()),
        ("CACertificate".to_owned(), bundle.leaf_pem.clone()),
    ];
    for name in ["CACertificateName", "ResourceGroupId"] {
        if let Some(value) = ctx.fields.get(name) {
            parameters.push((name.to_owned(), value.to_owned()));
        }
    }
    parameters.extend(tags);
    prep.vendor_command = Some(aliyun_command(
        "slb",
        SPEC.api,
        region,
        &parameters,
        &["CACertificate"],
        &[],
    ));
    prep.call = Some(Call::Rpc {
        host: SPEC.host(region),
        action: SPEC.api,
        version: SPEC.version,
        parameters,
    });
}

/// The `aliyun` command for an RPC call: `--region`, then each parameter as `--Name=value`, the
/// PEM ones (`pem`) read from files as `--Name="$(cat FILE)"` (with `=`, so the CLI does not read
/// the PEM's dashes as flags: aliyun-cli issues #298, #1232). `extra` comes first (`--force`,
/// `--version`). Shared by the Alibaba targets.
pub(crate) fn aliyun_command(
    product: &str,
    api: &str,
    region: &str,
    parameters: &[(String, String)],
    pem: &[&str],
    extra: &[CliArg],
) -> VendorCommand {
    let mut args = extra.to_vec();
    args.push(CliArg::Value {
        name: "--region".into(),
        value: region.to_owned(),
        joined: false,
    });
    let mut files = Vec::new();
    for (name, value) in parameters {
        if pem.contains(&name.as_str()) {
            let file = format!("{name}.pem");
            files.push((file.clone(), value.clone()));
            args.push(CliArg::File {
                name: format!("--{name}"),
                file,
            });
        } else {
            args.push(CliArg::Value {
                name: format!("--{name}"),
                value: value.clone(),
                joined: true,
            });
        }
    }
    VendorCommand {
        notes: vec![Words::new(
            "aliyun CLI (https://github.com/aliyun/aliyun-cli), credentials from `aliyun configure`.\n\
             PEM is passed as --Name=\"$(cat FILE)\": with '=', so the CLI does not read its dashes\n\
             as flags (aliyun-cli issues #298, #1232). The files are made under umask 077 and removed.",
            "阿里云 CLI（https://github.com/aliyun/aliyun-cli），凭证取自 `aliyun configure`。\n\
             PEM 以 --Name=\"$(cat FILE)\" 的形式传入：带“=”，CLI 才不会把其中的短横线当作选项\n\
             （aliyun-cli issues #298、#1232）。文件在 umask 077 下创建，用后删除。",
        )],
        program: "aliyun",
        operation: vec![product.to_owned(), api.to_owned()],
        args,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ca_names_may_be_chinese() {
        assert!(is_ca_name("证书.ca_1-x"));
        assert!(is_ca_name("a"));
        assert!(!is_ca_name("1ca"));
        assert!(!is_ca_name(""));
        assert!(!is_ca_name(&"a".repeat(81)));
        assert!(!is_ca_name("a b"));
    }
}
