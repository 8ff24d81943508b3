//! Huawei Cloud ELB v3 "Creating a Certificate": a server certificate with its key (`server`), CA
//! certificates for client authentication (`client`), or an SM dual certificate (`server_sm`).

use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::huawei_koocli;
use super::{
    AuthScope, Call, Context, FieldSpec, KeyEcho, KeyRules, KnownError, MaterialRole, Otherwise,
    PairRules, Permission, Preparation, ProviderSpec, Region, Rule, Shape, SizeLimit, Source,
    SourceKind, VendorCommand, When, certificate_location, describe_key, encryption_pair,
    field_location, is_ca_certificate, material_location, region, rule_diagnostic, take_key,
};
use crate::analysis::Analysis;
use crate::analysis::certificate::{SanEntry, SanKind};
use crate::analysis::public_key::KeyType;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::fixes::{self, KeyEncoding, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Huawei Cloud ELB API reference (v3): Creating a Certificate",
    url: "https://support.huaweicloud.com/intl/en-us/api-elb/CreateCertificate.html",
    as_of: "2025-08-29",
    kind: SourceKind::Primary,
};
const API_PAGE_ZH: Source = Source {
    document: "华为云 ELB API 参考：创建证书 - CreateCertificate (certificate up to 65,536 characters)",
    url: "https://support.huaweicloud.com/api-elb/CreateCertificate.html",
    as_of: "2026-01-20",
    kind: SourceKind::Primary,
};
const SDK_MODEL_PY: Source = Source {
    document: "huaweicloudsdkelb 3.1.211 v3/model/create_certificate_option.py",
    url: "https://pypi.org/project/huaweicloudsdkelb/3.1.211/",
    as_of: "3.1.211 (2026-08-20)",
    kind: SourceKind::Primary,
};
const SDK_MODEL_PY_0: Source = Source {
    document: "huaweicloudsdkelb 3.1.210 v3/model/create_certificate_option.py (enterprise_project_id: \
               \"0\" no longer forbidden)",
    url: "https://pypi.org/project/huaweicloudsdkelb/3.1.210/",
    as_of: "3.1.210 (2026-08-13)",
    kind: SourceKind::Primary,
};
const SDK_MODEL_GO: Source = Source {
    document: "huaweicloud-sdk-go-v3 services/elb/v3/model/model_create_certificate_option.go",
    url: "https://github.com/huaweicloud/huaweicloud-sdk-go-v3",
    as_of: "0.1.188 (2026-03-12)",
    kind: SourceKind::Primary,
};
const TERRAFORM: Source = Source {
    document: "terraform-provider-huaweicloud docs/resources/elb_certificate.md",
    url: "https://registry.terraform.io/providers/huaweicloud/huaweicloud/latest/docs/resources/elb_certificate",
    as_of: "2026-08-21",
    kind: SourceKind::Secondary,
};
const ERROR_CODES: Source = Source {
    document: "Huawei Cloud ELB API reference: Error codes",
    url: "https://support.huaweicloud.com/intl/en-us/api-elb/ErrorCode.html",
    as_of: "2025-08-29",
    kind: SourceKind::Primary,
};
const USER_GUIDE: Source = Source {
    document: "Huawei Cloud ELB user guide: Certificate overview",
    url: "https://support.huaweicloud.com/intl/en-us/usermanual-elb/en-us_topic_0092382555.html",
    as_of: "2025-08-29",
    kind: SourceKind::Primary,
};
const SCM_FAQ: Source = Source {
    document: "Huawei Cloud CCM (SCM) FAQ: PKCS#8 keys are not supported for deployment",
    url: "https://support.huaweicloud.com/intl/en-us/ccm_faq/",
    as_of: "2025-08-29",
    kind: SourceKind::Secondary,
};
const KOOCLI_VERSIONS: Source = Source {
    document: "KooCLI FAQ: an operation in several API versions (operation/version)",
    url: "https://support.huaweicloud.com/intl/en-us/hcli_faq/hcli_17_002.html",
    as_of: "2025-08-29",
    kind: SourceKind::Primary,
};
const ECHO_SHOW: Source = Source {
    document: "华为云 ELB API 参考：查询证书私钥字段回显开关 - ShowCertificatePrivateKeyEcho (private_key \
               and enc_private_key in the create, update, detail and list answers; on by default)",
    url: "https://support.huaweicloud.com/api-elb/ShowCertificatePrivateKeyEcho.html",
    as_of: "2026-01-20",
    kind: SourceKind::Primary,
};
const ECHO_SET: Source = Source {
    document: "华为云 ELB API 参考：修改证书私钥字段回显开关 - CreateCertificatePrivateKeyEcho",
    url: "https://support.huaweicloud.com/api-elb/CreateCertificatePrivateKeyEcho.html",
    as_of: "2026-01-09",
    kind: SourceKind::Primary,
};

const ELB_1011: &str = "ELB.1011 (Private_key or certificate content is not valid.)";
const ELB_1001: &str = "ELB.1001 (invalid parameters)";

/// Project ID.
pub static PROJECT_ID: Rule = Rule {
    id: "huawei-elb/project-id",
    statement: Words::new(
        "project_id (path): up to 32 digits and lowercase letters",
        "project_id（路径参数）：最多 32 个数字和小写字母",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some("ELB.0230 (the project ID is empty or invalid)"),
};
/// Type.
pub static TYPE: Rule = Rule {
    id: "huawei-elb/type",
    statement: Words::new(
        "type: server (default), client (CA certificates, no key) or server_sm (SM2 dual \
                certificate with enc_certificate and enc_private_key); the SDK enum has had \
                SERVER_SM since huaweicloud-sdk-go-v3 0.1.166",
        "type：server（默认）、client（CA 证书，无私钥）或 server_sm（SM2 双证书，带 enc_certificate 和 enc_private_key）；huaweicloud-sdk-go-v3 0.1.166 起 SDK 枚举包含 SERVER_SM",
    ),
    sources: &[API_PAGE, SDK_MODEL_GO, SDK_MODEL_PY],
    disagreement: None,
    provider_error: Some(ELB_1001),
};
/// Certificate size and count.
pub static CERTIFICATE: Rule = Rule {
    id: "huawei-elb/certificate",
    statement: Words::new(
        "certificate: PEM, at most 11 certificates (the certificate and its chain), at \
                most 65,536 characters",
        "certificate：PEM，最多 11 张证书（证书及其证书链），最多 65,536 个字符",
    ),
    sources: &[API_PAGE, API_PAGE_ZH, SDK_MODEL_GO],
    disagreement: None,
    provider_error: Some(ELB_1011),
};
/// The lower certificate limit of the newest Python SDK.
pub static CERTIFICATE_DISPUTED: Rule = Rule {
    id: "huawei-elb/certificate-20000",
    statement: Words::new(
        "certificate: at most 20,000 characters per huaweicloudsdkelb ≥ 3.1.196",
        "certificate：按 huaweicloudsdkelb ≥ 3.1.196 最多 20,000 个字符",
    ),
    sources: &[SDK_MODEL_PY, API_PAGE_ZH, SDK_MODEL_GO],
    disagreement: Some(Words::new(
        "huaweicloudsdkelb ≥ 3.1.196 (2026-05-21) says 20,000 characters; the Chinese API page \
         (2026-01-20), the English page and huaweicloud-sdk-go-v3 say 65,536",
        "huaweicloudsdkelb ≥ 3.1.196（2026-05-21）为 20,000 个字符；中文 API 页面（2026-01-20）、英文页面和 huaweicloud-sdk-go-v3 为 65,536 个",
    )),
    provider_error: Some(ELB_1011),
};
/// The key.
pub static PRIVATE_KEY: Rule = Rule {
    id: "huawei-elb/private-key",
    statement: Words::new(
        "private_key: PEM, unencrypted, at most 8,192 characters, required for server and \
                server_sm, matching the certificate",
        "private_key：PEM，未加密，最多 8,192 个字符，server 和 server_sm 必填，与证书匹配",
    ),
    sources: &[API_PAGE, USER_GUIDE, ERROR_CODES],
    disagreement: None,
    provider_error: Some(ELB_1011),
};
/// Key encoding.
pub static KEY_ENCODING: Rule = Rule {
    id: "huawei-elb/key-encoding",
    statement: Words::new(
        "server keys are sent as PKCS#1 (RSA) or SEC1 (EC), the same key re-encoded: \
                ELB itself takes PKCS#8 (its API example sends BEGIN PRIVATE KEY), but deploying \
                the certificate through SCM refuses PKCS#8; SM keys stay PKCS#8",
        "server 私钥以 PKCS#1（RSA）或 SEC1（EC）发送，是同一私钥重新编码：ELB 本身接受 PKCS#8（其 API 示例发送 BEGIN PRIVATE KEY），但经 SCM 部署证书时不接受 PKCS#8；国密私钥保持 PKCS#8",
    ),
    sources: &[SCM_FAQ, API_PAGE],
    disagreement: None,
    provider_error: None,
};
/// Client certificates.
pub static CLIENT: Rule = Rule {
    id: "huawei-elb/client",
    statement: Words::new(
        "type client: CA certificates only (cA=TRUE, keyCertSign), no private key",
        "client 类型：只放 CA 证书（cA=TRUE，keyCertSign），无私钥",
    ),
    sources: &[API_PAGE, ERROR_CODES],
    disagreement: None,
    provider_error: Some("ELB: CA certificate content is not valid"),
};
/// SM dual certificate.
pub static SERVER_SM: Rule = Rule {
    id: "huawei-elb/server-sm",
    statement: Words::new(
        "type server_sm: an SM2 signing certificate and key plus enc_certificate (the SM2 \
                encryption certificate and its chain, at most 11 certificates, 65,536 characters) \
                and enc_private_key (at most 8,192 characters), each key matching its \
                certificate; the enc pair only with server_sm. The SDK models and Terraform \
                document the enc fields; the English page omits them",
        "server_sm 类型：SM2 签名证书和私钥，加上 enc_certificate（SM2 加密证书及其证书链，最多 11 张、65,536 个字符）和 enc_private_key（最多 8,192 个字符），每个私钥与其证书匹配；enc 证书对只用于 server_sm。SDK 模型和 Terraform 记载了 enc 字段；英文页面未提及",
    ),
    sources: &[SDK_MODEL_GO, SDK_MODEL_PY, USER_GUIDE, TERRAFORM],
    disagreement: None,
    provider_error: Some(ELB_1011),
};
/// The lower `enc_certificate` limit of the newest Python SDK.
pub static ENC_CERTIFICATE_DISPUTED: Rule = Rule {
    id: "huawei-elb/enc-certificate-20000",
    statement: Words::new(
        "enc_certificate: at most 20,000 characters per huaweicloudsdkelb ≥ 3.1.196",
        "enc_certificate：按 huaweicloudsdkelb ≥ 3.1.196 最多 20,000 个字符",
    ),
    sources: &[SDK_MODEL_PY, SDK_MODEL_GO, TERRAFORM],
    disagreement: Some(Words::new(
        "huaweicloudsdkelb 3.1.211 says 20,000 characters; huaweicloud-sdk-go-v3 and Terraform \
         say 65,536",
        "huaweicloudsdkelb 3.1.211 为 20,000 个字符；huaweicloud-sdk-go-v3 和 Terraform 为 65,536 个",
    )),
    provider_error: Some(ELB_1011),
};
/// Domain.
pub static DOMAIN: Rule = Rule {
    id: "huawei-elb/domain",
    statement: Words::new(
        "domain (type server only): 0 to 10,000 characters, comma-separated, at most 100 \
                names; labels of letters, digits and '-' (not first or last), at most 63 \
                characters; a wildcard only as the leading '*.'; each covered by the certificate",
        "domain（仅 server 类型）：0 到 10,000 个字符，逗号分隔，最多 100 个域名；每段由字母、数字和 '-'（不在首尾）组成，最多 63 个字符；通配符只能是开头的 '*.'；每个域名都要被证书覆盖",
    ),
    sources: &[API_PAGE, USER_GUIDE],
    disagreement: None,
    provider_error: Some(ELB_1001),
};
/// Name and description.
pub static TEXTS: Rule = Rule {
    id: "huawei-elb/name-description",
    statement: Words::new(
        "name and description: at most 255 characters each",
        "name 和 description：各最多 255 个字符",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some(ELB_1001),
};
/// Enterprise project.
pub static ENTERPRISE_PROJECT: Rule = Rule {
    id: "huawei-elb/enterprise-project-id",
    statement: Words::new(
        "enterprise_project_id: an existing enterprise project ID, not \"\"",
        "enterprise_project_id：已有的企业项目 ID，不能为 \"\"",
    ),
    sources: &[API_PAGE, SDK_MODEL_PY_0],
    disagreement: None,
    provider_error: Some(ELB_1001),
};
/// Enterprise project "0".
pub static ENTERPRISE_PROJECT_ZERO: Rule = Rule {
    id: "huawei-elb/enterprise-project-id-0",
    statement: Words::new(
        "enterprise_project_id \"0\" (the default project)",
        "enterprise_project_id 为 \"0\"（默认企业项目）",
    ),
    sources: &[SDK_MODEL_PY_0, API_PAGE, SDK_MODEL_GO],
    disagreement: Some(Words::new(
        "huaweicloudsdkelb 3.1.210 (2026-08-13) allows \"0\", the default project; the API page \
         (2025-08-29) and huaweicloud-sdk-go-v3 say it cannot be \"0\"",
        "huaweicloudsdkelb 3.1.210（2026-08-13）允许 \"0\"（默认企业项目）；API 页面（2025-08-29）和 huaweicloud-sdk-go-v3 说不能为 \"0\"",
    )),
    provider_error: Some(ELB_1001),
};
/// Protection.
pub static PROTECTION: Rule = Rule {
    id: "huawei-elb/protection",
    statement: Words::new(
        "protection_status: nonProtection (default) or consoleProtection; \
                protection_reason only with consoleProtection",
        "protection_status：nonProtection（默认）或 consoleProtection；protection_reason 只与 consoleProtection 一起使用",
    ),
    sources: &[API_PAGE],
    disagreement: None,
    provider_error: Some(ELB_1001),
};
/// Other simple fields.
pub static OTHER: Rule = Rule {
    id: "huawei-elb/other-fields",
    statement: Words::new(
        "admin_state_up: true or false (no effect); source: scm or empty; \
                scm_certificate_id: a CCM certificate ID recorded as is (no length documented)",
        "admin_state_up：true 或 false（不起作用）；source：scm 或空；scm_certificate_id：原样记录的 CCM 证书 ID（未记载长度）",
    ),
    sources: &[API_PAGE, SDK_MODEL_GO],
    disagreement: None,
    provider_error: Some(ELB_1001),
};
/// The answer repeats the key.
pub static PRIVATE_KEY_ECHO: Rule = Rule {
    id: "huawei-elb/private-key-echo",
    statement: Words::new(
        "the answer to CreateCertificate repeats private_key and enc_private_key (so do the \
                update, detail and list answers) unless the project's private-key echo is off; it \
                is on by default. The generated commands print those members as ******",
        "CreateCertificate 的应答会返回 private_key 和 enc_private_key（修改、详情和列表接口的应答也会），除非项目的私钥回显开关已关闭；该开关默认开启。生成的命令输出这些字段时以 ****** 代替",
    ),
    sources: &[ECHO_SHOW, ECHO_SET, API_PAGE],
    disagreement: None,
    provider_error: None,
};
/// The vendor CLI's operation version.
pub static CLI_VERSION: Rule = Rule {
    id: "huawei-elb/cli-version",
    statement: Words::new(
        "ELB has CreateCertificate in v2 and v3; KooCLI picks the alphabetically last \
                version unless one is named, so the command names CreateCertificate/v3",
        "ELB 在 v2 和 v3 中都有 CreateCertificate；KooCLI 未指定版本时选字母序最后的版本，因此命令写明 CreateCertificate/v3",
    ),
    sources: &[KOOCLI_VERSIONS],
    disagreement: None,
    provider_error: None,
};

fn is_project_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

/// Regions in the SDK's ELB table; every host is elb.{id}.myhuaweicloud.com.
pub const REGIONS: &[Region] = &[
    region(
        "af-north-1",
        "AF-Cairo",
        "非洲-开罗",
        "elb.af-north-1.myhuaweicloud.com",
    ),
    region(
        "af-south-1",
        "AF-Johannesburg",
        "非洲-约翰内斯堡",
        "elb.af-south-1.myhuaweicloud.com",
    ),
    region(
        "ae-ad-1",
        "ME-Abu Dhabi",
        "中东-阿布扎比",
        "elb.ae-ad-1.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-1",
        "CN-Hong Kong",
        "中国-香港",
        "elb.ap-southeast-1.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-2",
        "AP-Bangkok",
        "亚太-曼谷",
        "elb.ap-southeast-2.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-3",
        "AP-Singapore",
        "亚太-新加坡",
        "elb.ap-southeast-3.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-4",
        "AP-Jakarta",
        "亚太-雅加达",
        "elb.ap-southeast-4.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-5",
        "AP-Manila",
        "亚太-马尼拉",
        "elb.ap-southeast-5.myhuaweicloud.com",
    ),
    region(
        "cn-east-2",
        "CN East-Shanghai2",
        "华东-上海二",
        "elb.cn-east-2.myhuaweicloud.com",
    ),
    region(
        "cn-east-3",
        "CN East-Shanghai1",
        "华东-上海一",
        "elb.cn-east-3.myhuaweicloud.com",
    ),
    region(
        "cn-east-4",
        "CN East2",
        "华东二",
        "elb.cn-east-4.myhuaweicloud.com",
    ),
    region(
        "cn-east-5",
        "CN East-Qingdao",
        "华东-青岛",
        "elb.cn-east-5.myhuaweicloud.com",
    ),
    region(
        "cn-north-1",
        "CN North-Beijing1",
        "华北-北京一",
        "elb.cn-north-1.myhuaweicloud.com",
    ),
    region(
        "cn-north-2",
        "CN North-Beijing2",
        "华北-北京二",
        "elb.cn-north-2.myhuaweicloud.com",
    ),
    region(
        "cn-north-4",
        "CN North-Beijing4",
        "华北-北京四",
        "elb.cn-north-4.myhuaweicloud.com",
    ),
    region(
        "cn-north-9",
        "CN North-Ulanqab1",
        "华北-乌兰察布一",
        "elb.cn-north-9.myhuaweicloud.com",
    ),
    region(
        "cn-north-12",
        "CN North3",
        "华北三",
        "elb.cn-north-12.myhuaweicloud.com",
    ),
    region(
        "cn-south-1",
        "CN South-Guangzhou",
        "华南-广州",
        "elb.cn-south-1.myhuaweicloud.com",
    ),
    region(
        "cn-south-2",
        "CN South-Shenzhen",
        "华南-深圳",
        "elb.cn-south-2.myhuaweicloud.com",
    ),
    region(
        "cn-south-4",
        "CN South-Guangzhou-InvitationOnly",
        "华南-广州-友好用户环境",
        "elb.cn-south-4.myhuaweicloud.com",
    ),
    region(
        "cn-southwest-2",
        "CN Southwest-Guiyang1",
        "西南-贵阳一",
        "elb.cn-southwest-2.myhuaweicloud.com",
    ),
    region(
        "eu-west-0",
        "EU-Paris",
        "欧洲-巴黎",
        "elb.eu-west-0.myhuaweicloud.com",
    ),
    region(
        "eu-west-101",
        "EU-Dublin",
        "欧洲-都柏林",
        "elb.eu-west-101.myhuaweicloud.com",
    ),
    region(
        "la-north-2",
        "LA-Mexico City2",
        "拉美-墨西哥城二",
        "elb.la-north-2.myhuaweicloud.com",
    ),
    region(
        "la-south-2",
        "LA-Santiago",
        "拉美-圣地亚哥",
        "elb.la-south-2.myhuaweicloud.com",
    ),
    region(
        "me-east-1",
        "ME-Riyadh",
        "中东-利雅得",
        "elb.me-east-1.myhuaweicloud.com",
    ),
    region(
        "my-kualalumpur-1",
        "AP-Kuala Lumpur-OP6",
        "亚太-吉隆坡-OP6",
        "elb.my-kualalumpur-1.myhuaweicloud.com",
    ),
    region(
        "na-mexico-1",
        "LA-Mexico City1",
        "拉美-墨西哥城一",
        "elb.na-mexico-1.myhuaweicloud.com",
    ),
    region(
        "ru-moscow-1",
        "RU-Moscow",
        "俄罗斯-莫斯科",
        "elb.ru-moscow-1.myhuaweicloud.com",
    ),
    region(
        "ru-northwest-2",
        "RU-Moscow2",
        "俄罗斯-莫斯科二",
        "elb.ru-northwest-2.myhuaweicloud.com",
    ),
    region(
        "sa-brazil-1",
        "LA-Sao Paulo1",
        "拉美-圣保罗一",
        "elb.sa-brazil-1.myhuaweicloud.com",
    ),
    region(
        "tr-west-1",
        "TR-Istanbul",
        "土耳其-伊斯坦布尔",
        "elb.tr-west-1.myhuaweicloud.com",
    ),
];

fn unlisted_host(region: &str) -> String {
    format!("elb.{region}.myhuaweicloud.com")
}

const SERVER_SM_ONLY: When = When {
    field: "type",
    equals: &["server_sm"],
    default: "server",
    otherwise: Otherwise::Refused,
};
const SERVER_ONLY: When = When {
    field: "type",
    equals: &["server"],
    default: "server",
    otherwise: Otherwise::Ignored,
};

/// The console form's labels and menu path, with what the vendor's own guide confirmed and what
/// it did not (the comment below); `as_of` is the date they were checked. Secondary while any label
/// below is unverified (the page then says the console may word them differently).
// Checked on 2026-12-06 against Huawei Cloud's own ELB user guide "Adding a Certificate"
// (https://support.huaweicloud.com/intl/en-us/usermanual-elb/elb_ug_zs_0004.html, updated 2024-06-20):
// Elastic Load Balance > Certificates > Add Certificate; Certificate Type "Server certificate";
// the labels "Certificate Name" and "Certificate Content"; "If you want to use the same certificate
// in two regions, you need to add a certificate in each region" (ELB_REGION); server SM
// certificates as a signing and an encryption certificate. The label "Private Key" and an
// unencrypted key: the same guide for the ae-ad-1 region
// (https://support.huaweicloud.com/intl/es-us/ae-ad-1-usermanual-elb/en-us_elb_03_0005.html,
// 2022-01-25). Chinese 证书内容 and 私钥: the guide's Chinese 证书概述 ("服务器证书…需提供证书内容和
// 私钥", updated 2024-04-08). Outer whitespace: the ELB FAQ (upload-errors.md row 21). Checked on
// 2026-12-06: the guide's Chinese 证书格式 page for the Ankara region
// (https://support.huaweicloud.com/intl/zh-cn/tr-central-201-usermanual-elb/zh-cn_topic_0092382555.html,
// updated 2024-04-18) names the boxes "证书内容" and, for 服务器SM双证书, "SM签名证书内容" and
// "SM加密证书内容"; its 绑定/更换证书 page
// (https://support.huaweicloud.com/intl/zh-cn/usermanual-elb/elb_ug_zs_0005.html, updated
// 2024-09-20) names the console's 网络 > 弹性负载均衡 and its 证书管理 page. No vendor source found
// (unverified): the encryption key box's label (the data's "SM加密证书私钥" is the wording of
// Huawei's own API reference for enc_private_key, not of the console guide), 证书名称, and the
// Chinese 添加证书 and 证书类型 steps.
const CONSOLE_SOURCE: Source = Source {
    document: "Huawei Cloud Elastic Load Balance user guide: Adding a Certificate (server certificate), 证书格式 and 绑定/更换证书; the SM encryption key box's label, 证书名称 and the Chinese 添加证书 step unverified",
    url: "https://support.huaweicloud.com/intl/en-us/usermanual-elb/elb_ug_zs_0004.html",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// Where an ELB certificate is seen: in the region it was added in ("If you want to use the same
/// certificate in two regions, you need to add a certificate in each region", the guide in
/// [`CONSOLE_SOURCE`]). In Huawei's word for a region, 区域.
const ELB_REGION: Words = Words::new(
    "Choose the load balancer's region in the console first: a certificate is listed only in the region it was added in; to use it in another region, add it there too.",
    "请先在控制台选择负载均衡器所在的区域：证书只在添加时所在的区域中显示；如需在其他区域使用，请在该区域再添加一次。",
);
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "Elastic Load Balance console > Certificates > Add Certificate > Certificate Type: Server certificate",
        "网络 > 弹性负载均衡 > 证书管理 > 添加证书 > 证书类型：服务器证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate Name", "证书名称"),
            fill: Fill::Field("name"),
            pitfalls: &[pitfalls::NAME_UNIQUE],
        },
        ConsoleField {
            label: Words::new("Certificate Content", "证书内容"),
            fill: Fill::CertificateWithChain,
            pitfalls: &[
                pitfalls::LEAF_FIRST_NO_ROOT,
                pitfalls::NO_BLANK_LINES,
                pitfalls::NO_OUTER_WHITESPACE,
                ELB_REGION,
            ],
        },
        ConsoleField {
            label: Words::new("Private Key", "私钥"),
            fill: Fill::PrivateKey,
            pitfalls: &[
                pitfalls::KEY_AS_SHOWN,
                pitfalls::NO_PASSPHRASE,
                pitfalls::NO_OUTER_WHITESPACE,
            ],
        },
        ConsoleField {
            label: Words::new("SM Encryption Certificate Content", "SM加密证书内容"),
            fill: Fill::Field("enc_certificate"),
            pitfalls: &[pitfalls::SM2_ONLY, pitfalls::NO_OUTER_WHITESPACE],
        },
        ConsoleField {
            label: Words::new("SM Encryption Private Key", "SM加密证书私钥"),
            fill: Fill::Field("enc_private_key"),
            pitfalls: &[pitfalls::SM2_ONLY, pitfalls::NO_PASSPHRASE],
        },
    ],
};

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "huawei-elb",
    title: "Huawei Cloud ELB v3 — create certificate",
    title_zh: "华为云 ELB v3 — 创建证书",
    region_word_zh: "区域",
    api: "CreateCertificate",
    version: "v3",
    legacy: None,
    schemes: &[Scheme::HuaweiAksk, Scheme::HuaweiToken],
    auth_scope: AuthScope::Project {
        field: "project_id",
    },
    regions: REGIONS,
    default_region: "cn-north-4",
    unlisted_host,
    material: &[
        MaterialRole::Certificate {
            parameter: "certificate",
            with_chain: true,
        },
        MaterialRole::PrivateKey {
            parameter: "private_key",
            encoding: "PKCS#1 (RSA) or SEC1 (EC); PKCS#8 for SM2",
        },
        MaterialRole::EncryptionPair {
            certificate: "enc_certificate",
            key: "enc_private_key",
        },
    ],
    fields: &[
        FieldSpec::text(
            "project_id",
            Words::new(
                "the project ID of the region (IAM → My Credentials → Projects)",
                "该区域的项目ID（统一身份认证 → 我的凭证 → 项目列表）",
            ),
            &PROJECT_ID,
        )
        .required()
        .chars(1, Some(32))
        .shape(Shape::Pattern(
            is_project_id,
            Words::new("digits and lowercase letters", "数字和小写字母"),
        )),
        FieldSpec::text(
            "type",
            Words::new(
                "server (with key), client (CA certificates) or server_sm (SM dual certificate)",
                "server（带私钥）、client（CA 证书）或 server_sm（国密双证书）",
            ),
            &TYPE,
        )
        .shape(Shape::OneOf(&["server", "client", "server_sm"])),
        FieldSpec::text(
            "name",
            Words::new("the certificate's name", "证书名称"),
            &TEXTS,
        )
        .chars(0, Some(255)),
        FieldSpec::text("description", Words::new("a description", "描述"), &TEXTS)
            .chars(0, Some(255)),
        FieldSpec::text(
            "domain",
            Words::new(
                "comma-separated domain names for SNI (type server)",
                "用于 SNI 的域名，逗号分隔（server 类型）",
            ),
            &DOMAIN,
        )
        .chars(0, Some(10_000))
        .only_when(SERVER_ONLY),
        FieldSpec::text(
            "admin_state_up",
            Words::new("true or false (has no effect)", "true 或 false（不起作用）"),
            &OTHER,
        )
        .shape(Shape::OneOf(&["true", "false"])),
        FieldSpec::text(
            "enterprise_project_id",
            Words::new(
                "the enterprise project; leave it out for the default project",
                "企业项目；不填则为默认项目",
            ),
            &ENTERPRISE_PROJECT,
        )
        .chars(1, None),
        FieldSpec::text(
            "source",
            Words::new(
                "scm when the certificate comes from CCM",
                "证书来自 CCM 时填 scm",
            ),
            &OTHER,
        )
        .shape(Shape::OneOf(&["scm", ""])),
        FieldSpec::text(
            "scm_certificate_id",
            Words::new(
                "the CCM certificate ID (recorded, not checked)",
                "CCM 证书 ID（仅记录，不检查）",
            ),
            &OTHER,
        ),
        FieldSpec::text(
            "protection_status",
            Words::new(
                "nonProtection or consoleProtection",
                "nonProtection 或 consoleProtection",
            ),
            &PROTECTION,
        )
        .shape(Shape::OneOf(&["nonProtection", "consoleProtection"])),
        FieldSpec::text(
            "protection_reason",
            Words::new("why the certificate is protected", "证书受保护的原因"),
            &PROTECTION,
        ),
        FieldSpec::text(
            "enc_certificate",
            Words::new(
                "server_sm: the SM2 encryption certificate and its chain (PEM; @FILE)",
                "server_sm：SM2 加密证书及其证书链（PEM；@FILE）",
            ),
            &SERVER_SM,
        )
        .pem()
        .only_when(SERVER_SM_ONLY),
        FieldSpec::text(
            "enc_private_key",
            Words::new(
                "server_sm: the SM2 encryption key (PEM; @FILE)",
                "server_sm：SM2 加密私钥（PEM；@FILE）",
            ),
            &SERVER_SM,
        )
        .chars(0, Some(8_192))
        .pem()
        .only_when(SERVER_SM_ONLY),
    ],
    numbered: &[],
    rules: &[
        &PROJECT_ID,
        &TYPE,
        &CERTIFICATE,
        &CERTIFICATE_DISPUTED,
        &PRIVATE_KEY,
        &KEY_ENCODING,
        &CLIENT,
        &SERVER_SM,
        &ENC_CERTIFICATE_DISPUTED,
        &DOMAIN,
        &TEXTS,
        &ENTERPRISE_PROJECT,
        &ENTERPRISE_PROJECT_ZERO,
        &PROTECTION,
        &OTHER,
        &CLI_VERSION,
        &PRIVATE_KEY_ECHO,
    ],
    errors: &[
        KnownError {
            code: "ELB.1011",
            meaning: "the private key or certificate content is not valid",
        },
        KnownError {
            code: "ELB.1001",
            meaning: "a parameter is not valid",
        },
        KnownError {
            code: "ELB.0230",
            meaning: "the project ID is empty or not valid",
        },
        KnownError {
            code: "ELB.0002",
            meaning: "the body is empty",
        },
    ],
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
    vendor_cli: "hcloud ELB CreateCertificate/v3",
    key_echo: Some(KeyEcho {
        members: &["private_key", "enc_private_key"],
        rule: &PRIVATE_KEY_ECHO,
    }),
    permission: Some(Permission {
        action: "elb:certificates:create",
        system: "IAM",
        source: API_PAGE_ZH,
    }),
    console: CONSOLE,
    prepare,
};

/// The certificate's `type`, parsed once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CertificateType {
    /// A server certificate with its key (the default).
    Server,
    /// CA certificates that verify clients.
    Client,
    /// An SM2 dual certificate: signing pair and encryption pair.
    ServerSm,
}

impl CertificateType {
    /// The type the fields ask for; an invalid value (reported by the field checks) counts as
    /// the default.
    fn of(ctx: &Context<'_>) -> Self {
        match ctx.fields.get("type") {
            Some("client") => Self::Client,
            Some("server_sm") => Self::ServerSm,
            _ => Self::Server,
        }
    }

    fn takes_key(self) -> bool {
        self != Self::Client
    }
}

const MAX_CERTIFICATES: usize = 11;
const CERTIFICATE_MAX: SizeLimit = SizeLimit {
    what: "certificate",
    max: 65_536,
    rule: &CERTIFICATE,
    disputed: Some((20_000, &CERTIFICATE_DISPUTED)),
};
const ENC_CERTIFICATE_MAX: SizeLimit = SizeLimit {
    what: "enc_certificate",
    max: 65_536,
    rule: &SERVER_SM,
    disputed: Some((20_000, &ENC_CERTIFICATE_DISPUTED)),
};
const KEY_MAX: SizeLimit = SizeLimit {
    what: "private_key",
    max: 8_192,
    rule: &PRIVATE_KEY,
    disputed: None,
};

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let kind = CertificateType::of(ctx);
    check_material(ctx, kind, &mut prep.diagnostics);
    let certificate_pem = arrange_certificate_field(ctx, kind, prep);
    let key = if kind.takes_key() {
        server_key(ctx, kind, &mut prep.diagnostics).map(|(pem, fix)| {
            prep.key_fix = fix;
            pem
        })
    } else {
        None
    };
    let mut enc = None;
    if ctx.requesting() {
        check_fields(ctx, kind, &mut prep.diagnostics);
        if kind == CertificateType::ServerSm {
            enc = enc_pair(ctx, &mut prep.diagnostics);
        }
    }
    if key.is_some() {
        prep.diagnostics.push(rule_diagnostic(
            Code::AnswerRepeatsKey,
            Location::Target,
            &PRIVATE_KEY_ECHO,
            tr!(
                "ELB answers with the private key it was sent (private_key, enc_private_key): the project's private-key echo is on unless it was turned off; the commands print ****** in its place",
                "ELB 的应答会返回发送给它的私钥（private_key、enc_private_key）：除非已关闭，项目的私钥回显开关是开启的；命令输出时以 ****** 代替"
            ),
            tr!(
                "anyone allowed to show or list the project's ELB certificates can read the key back while the echo is on: turn it off with CreateCertificatePrivateKeyEcho (private_key_echo false) unless something needs it",
                "回显开启时，凡能查看或列出该项目 ELB 证书的人都能读回私钥：除非有程序依赖它，请用 CreateCertificatePrivateKeyEcho（private_key_echo 设为 false）关闭回显"
            ),
        ));
    }
    prep.key = key.clone();
    if ctx.requesting() && prep.bundle.is_some() {
        build_call(
            ctx,
            kind,
            &certificate_pem,
            key.as_ref(),
            enc.as_ref(),
            prep,
        );
    }
}

/// What the material must be for the type: CA certificates for client, an SM2 leaf for
/// `server_sm`.
fn check_material(ctx: &Context<'_>, kind: CertificateType, out: &mut Vec<Diagnostic>) {
    let analysis = ctx.analysis;
    if analysis.certificates.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            material_location(),
            &CERTIFICATE,
            tr!("no certificate was given", "未提供证书"),
            tr!(
                "give the certificate (and its chain) as PEM",
                "请以 PEM 给出证书（及其证书链）"
            ),
        ));
    }
    match kind {
        CertificateType::Client => {
            for (index, parsed) in analysis.certificates.iter().enumerate() {
                if !is_ca_certificate(&parsed.summary) {
                    out.push(rule_diagnostic(
                        Code::TargetNeedsCaCertificate,
                        certificate_location(analysis, index),
                        &CLIENT,
                        {
                            let subject = &parsed.summary.subject;
                            tr!(
                                "type client takes CA certificates; #{index} ({subject}) is not one",
                                "client 类型接受 CA 证书；#{index}（{subject}）不是 CA 证书"
                            )
                        },
                        tr!(
                            "give the CA certificates that issue your clients' certificates, or use type server",
                            "请给出签发客户端证书的 CA 证书，或改用 server 类型"
                        ),
                    ));
                }
            }
            super::key_not_taken(
                ctx,
                Words::new("type client", "client 类型"),
                Words::new("it holds CA certificates only", "它只含 CA 证书"),
                out,
            );
        }
        CertificateType::ServerSm => {
            if let Some(&leaf) = analysis.report.chain.order.first() {
                let key = &analysis.certificates[leaf].summary.public_key;
                if key.key_type != KeyType::Sm2 {
                    out.push(rule_diagnostic(
                        Code::TargetKeyAlgorithm,
                        certificate_location(analysis, leaf),
                        &SERVER_SM,
                        {
                            let key = describe_key(key);
                            tr!(
                                "type server_sm needs an SM2 certificate; this one is {key}",
                                "server_sm 类型需要 SM2 证书；这张证书是 {key}"
                            )
                        },
                        tr!(
                            "use type server for RSA and ECDSA certificates",
                            "RSA 和 ECDSA 证书请使用 server 类型"
                        ),
                    ));
                }
            }
        }
        CertificateType::Server => {}
    }
}

/// The certificate field: the server's path without its root, or every client CA as given (each
/// once, in chain order where they form one); its count and size checked.
fn arrange_certificate_field(
    ctx: &Context<'_>,
    kind: CertificateType,
    prep: &mut Preparation,
) -> String {
    let analysis = ctx.analysis;
    let chain = &analysis.report.chain;
    let root = if kind.takes_key() {
        RootPolicy::Drop
    } else {
        RootPolicy::Keep
    };
    prep.bundle = fixes::normalise_bundle(analysis, root, ctx.original_certificate_text);
    let certificate_pem = match (&prep.bundle, kind) {
        (Some(bundle), CertificateType::Client) => {
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
        Words::new(
            "the request sends the arranged PEM; the fixes show before and after",
            "请求发送整理后的 PEM；修复中显示前后对比",
        ),
    );
    let out = &mut prep.diagnostics;
    let count = certificate_pem
        .matches("-----BEGIN CERTIFICATE-----")
        .count();
    if count > MAX_CERTIFICATES {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            material_location(),
            &CERTIFICATE,
            tr!(
                "certificate holds {count} certificates; ELB takes at most {MAX_CERTIFICATES}",
                "certificate 中有 {count} 张证书；ELB 最多接受 {MAX_CERTIFICATES} 张"
            ),
            tr!(
                "drop certificates that are not on the path, and the root",
                "请删除不在路径上的证书和根证书"
            ),
        ));
    }
    CERTIFICATE_MAX.check(
        &certificate_pem,
        material_location(),
        Words::new(
            "drop the root or stray certificates if the upload is refused",
            "若上传被拒，请删除根证书或无关证书",
        ),
        out,
    );
    certificate_pem
}

/// The private key for server types, re-encoded where the target wants it.
fn server_key(
    ctx: &Context<'_>,
    kind: CertificateType,
    out: &mut Vec<Diagnostic>,
) -> Option<(fixes::KeyPem, Option<super::KeyFix>)> {
    let rules = KeyRules {
        who: if kind == CertificateType::ServerSm {
            "type server_sm"
        } else {
            "type server"
        },
        rule: &PRIVATE_KEY,
        encoding_rule: &KEY_ENCODING,
        want: if kind == CertificateType::ServerSm {
            KeyEncoding::Pkcs8
        } else {
            KeyEncoding::Traditional
        },
        reencoded_because: Words::new(
            "deployment through SCM refuses PKCS#8 (ELB takes either): re-encoded, same key",
            "经 SCM 部署时不接受 PKCS#8（ELB 两种都接受）：已重新编码，私钥不变",
        ),
        decrypted_because: Words::new(
            "ELB takes only unencrypted keys: decrypted locally",
            "ELB 仅接受未加密的私钥：已在本地解密",
        ),
        max: Some(KEY_MAX),
    };
    take_key(ctx, &rules, out)
}

fn check_fields(ctx: &Context<'_>, kind: CertificateType, out: &mut Vec<Diagnostic>) {
    let fields = ctx.fields;
    if fields.get("protection_reason").is_some()
        && fields.get("protection_status") != Some("consoleProtection")
    {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location("protection_reason"),
            &PROTECTION,
            tr!(
                "protection_reason is given without protection_status=consoleProtection",
                "给出了 protection_reason，但 protection_status 不是 consoleProtection"
            ),
            crate::diagnostic::Hint::per_surface(
                tr!(
                    "set protection_status to consoleProtection, or clear protection_reason",
                    "请将 protection_status 设为 consoleProtection，或清空 protection_reason"
                ),
                tr!(
                    "add --field protection_status=consoleProtection, or drop the reason",
                    "请加上 --field protection_status=consoleProtection，或去掉原因"
                ),
            ),
        ));
    }
    if fields.get("enterprise_project_id") == Some("0") {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location("enterprise_project_id"),
            &ENTERPRISE_PROJECT_ZERO,
            tr!(
                "enterprise_project_id is \"0\" (the default project)",
                "enterprise_project_id 为 \"0\"（默认企业项目）"
            ),
            tr!(
                "leave the field out for the default project, or give its ID",
                "默认企业项目请不填该字段，或给出其 ID"
            ),
        ));
    }
    if kind == CertificateType::Server
        && let Some(domain) = fields.get("domain")
        && !domain.is_empty()
    {
        check_domain(ctx.analysis, domain, out);
    }
}

/// `server_sm`'s encryption pair: required, 1-11 certificates, its SM2 leaf matching the key.
fn enc_pair(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) -> Option<super::EncryptionPair> {
    if ctx.fields.get("enc_certificate").is_none() || ctx.fields.get("enc_private_key").is_none() {
        out.push(rule_diagnostic(
            Code::FieldMissing,
            field_location("enc_certificate"),
            &SERVER_SM,
            tr!(
                "type server_sm needs enc_certificate and enc_private_key (the SM2 encryption pair)",
                "server_sm 类型需要 enc_certificate 和 enc_private_key（SM2 加密证书和加密私钥）"
            ),
            crate::diagnostic::Hint::per_surface(
                tr!(
                    "fill in enc_certificate and enc_private_key with the SM2 encryption certificate and its key (PEM)",
                    "请在 enc_certificate 和 enc_private_key 中填写 SM2 加密证书及其私钥（PEM）"
                ),
                tr!(
                    "give --field enc_certificate=@FILE --field enc_private_key=@FILE",
                    "请给出 --field enc_certificate=@FILE --field enc_private_key=@FILE"
                ),
            ),
        ));
        return None;
    }
    let pair = encryption_pair(
        ctx,
        &PairRules {
            certificate: "enc_certificate",
            key: "enc_private_key",
            rule: &SERVER_SM,
            max_certificates: MAX_CERTIFICATES,
            root: RootPolicy::Drop,
            want: KeyEncoding::Pkcs8,
        },
        out,
    )?;
    ENC_CERTIFICATE_MAX.check(
        &pair.certificates,
        field_location("enc_certificate"),
        Words::new(
            "drop the root or stray certificates from enc_certificate",
            "请从 enc_certificate 中删除根证书或无关证书",
        ),
        out,
    );
    Some(pair)
}

/// The JSON body, the call and the `KooCLI` command.
fn build_call(
    ctx: &Context<'_>,
    kind: CertificateType,
    certificate_pem: &str,
    key: Option<&fixes::KeyPem>,
    enc: Option<&super::EncryptionPair>,
    prep: &mut Preparation,
) {
    let project_id = ctx.fields.get("project_id").unwrap_or_default();
    let mut option = serde_json::Map::new();
    option.insert("certificate".into(), certificate_pem.into());
    if let Some(key) = key {
        option.insert("private_key".into(), key.pem.clone().into());
    }
    if let Some(pair) = enc {
        option.insert("enc_certificate".into(), pair.certificates.clone().into());
        option.insert("enc_private_key".into(), pair.key.pem.clone().into());
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
        ) || name == "domain" && kind == CertificateType::Server;
        if passthrough {
            option.insert(name.clone(), value.clone().into());
        } else if name == "admin_state_up" {
            option.insert(name.clone(), (value == "true").into());
        }
    }
    let body = serde_json::json!({ "certificate": option }).to_string();
    let region = ctx.region();
    prep.vendor_command = Some(koocli(
        region,
        project_id,
        &body,
        option.contains_key("private_key"),
    ));
    prep.call = Some(Call::Rest {
        host: SPEC.host(region),
        path: format!("/v3/{project_id}/elb/certificates"),
        headers: vec![(
            "Content-Type".into(),
            "application/json;charset=UTF-8".into(),
        )],
        body,
        project_id: Some(project_id.to_owned()),
    });
}

/// `hcloud ELB CreateCertificate/v3`: the project in the command, the body (`body`, as it is sent)
/// from a JSON file ([`huawei_koocli::json_body`]); its output asked for as JSON when a key is
/// sent (`with_key`), for the script to mask the key the answer repeats.
fn koocli(region: &str, project_id: &str, body: &str, with_key: bool) -> VendorCommand {
    let mut command = VendorCommand::new(
        "hcloud",
        &["ELB", "CreateCertificate/v3"],
        &[
            Words::new(
                "Huawei Cloud KooCLI (hcloud), credentials from `hcloud configure`; /v3 names the API\n\
                 version (ELB has CreateCertificate in v2 too).",
                "华为云 KooCLI（hcloud），凭证取自 `hcloud configure`；/v3 指 API 版本\n\
                 （ELB 的 v2 也有 CreateCertificate）。",
            ),
            huawei_koocli::BODY_NOTE,
        ],
    )
    .value("--cli-region", region)
    .value("--project_id", project_id);
    if with_key {
        // The answer repeats the key, which the script masks in KooCLI's JSON output (its default,
        // named here in case a profile chose table or tsv).
        command = command.value("--cli-output", "json");
    }
    huawei_koocli::json_body(command, "ELB_CreateCertificate.json", body)
}

/// Checks the comma-separated domain list: counts, label syntax, wildcards, coverage.
fn check_domain(analysis: &Analysis, domain: &str, out: &mut Vec<Diagnostic>) {
    let names: Vec<&str> = domain.split(',').collect();
    if names.len() > 100 {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            field_location("domain"),
            &DOMAIN,
            {
                let count = names.len();
                tr!(
                    "domain lists {count} names; at most 100",
                    "domain 列出了 {count} 个域名；最多 100 个"
                )
            },
            tr!(
                "split the names over several certificates",
                "请把域名分到多张证书中"
            ),
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
                .filter(|san: &&SanEntry| san.kind == SanKind::Dns)
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
                tr!(
                    "{name:?} is not a domain name ELB accepts",
                    "{name:?} 不是 ELB 接受的域名"
                ),
                tr!(
                    "labels of letters, digits and '-', 1-63 characters each, a wildcard only as the leading '*.'",
                    "每段由字母、数字和 '-' 组成，长 1-63 个字符；通配符只能是开头的 '*.'"
                ),
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
                {
                    let names = certificate_names.join(", ");
                    tr!(
                        "{name} is not among the certificate's names ({names})",
                        "{name} 不在证书的域名中（{names}）"
                    )
                },
                tr!(
                    "remove it from domain, or use a certificate that covers it",
                    "请从 domain 中删除，或使用包含它的证书"
                ),
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
