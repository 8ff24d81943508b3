//! Alibaba Cloud Certificate Management Service (CAS) `UploadUserCertificate`, version
//! 2020-04-07: a certificate with its chain and its key (`Name`, `Cert`, `Key`), or an SM2 dual
//! certificate (`SignCert`, `SignPrivateKey`, `EncryptCert`, `EncryptPrivateKey`). Where
//! certificates for CLB, ALB, NLB, CDN and the other Alibaba products are managed; the successor
//! of the legacy KMS certificate upload.

use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::{
    AuthScope, Call, Context, EncryptionPair, FieldSpec, KeyRules, KnownError, MaterialRole,
    NumberedFields, NumberedPart, PairRules, Permission, Preparation, ProviderSpec, Region, Rule,
    Shape, Source, SourceKind, VendorCommand, check_leaf_key, encryption_pair, field_location,
    numbered_parameters, region, rule_diagnostic, take_key,
};
use crate::analysis::public_key::KeyType;
use crate::diagnostic::{Code, Diagnostic};
use crate::fixes::{self, Bundle, KeyEncoding, KeyPem, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE_ZH: Source = Source {
    document: "数字证书管理服务 API 参考：UploadUserCertificate (名称最长 63 个字符，支持所有字符类型)",
    url: "https://help.aliyun.com/zh/ssl-certificate/developer-reference/api-cas-2020-04-07-uploadusercertificate",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const API_PAGE_EN: Source = Source {
    document: "Certificate Management Service API reference: UploadUserCertificate (Name up to 64 \
               letters, digits and underscores; 128 characters in the July 2024 version)",
    url: "https://www.alibabacloud.com/help/en/ssl-certificate/developer-reference/api-cas-2020-04-07-uploadusercertificate",
    as_of: "2025-11",
    kind: SourceKind::Primary,
};
const SDK_MODEL: Source = Source {
    document: "alibabacloud_cas20200407 models/_upload_user_certificate_request.py (Name: maximum \
               63 characters, all character types)",
    url: "https://pypi.org/project/alibabacloud-cas20200407/",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const ENDPOINTS: Source = Source {
    document: "Certificate Management Service (2020-04-07): Endpoints (cn-hangzhou cas.aliyuncs.com, \
               ap-southeast-1/-3/-5, cn-hongkong, eu-central-1)",
    url: "https://api.aliyun.com/product/cas",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const SDK_ENDPOINTS: Source = Source {
    document: "alibabacloud_cas20200407 client.py endpoint map (mainland regions → cas.aliyuncs.com)",
    url: "https://pypi.org/project/alibabacloud-cas20200407/",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const CERTIMATE_318: Source = Source {
    document: "certimate-go/certimate issue #318: cas.cn-qingdao.aliyuncs.com does not resolve",
    url: "https://github.com/certimate-go/certimate/issues/318",
    as_of: "2025",
    kind: SourceKind::Secondary,
};
const KEY_FORMATS: Source = Source {
    document: "the API page's SM examples (SEC1 EC PRIVATE KEY); go-acme/lego #1301 (Aliyun asked \
               for EC PRIVATE KEY); certimate converts PKCS#8 to PKCS#1/SEC1 for every target",
    url: "https://github.com/go-acme/lego/issues/1301",
    as_of: "2025",
    kind: SourceKind::Secondary,
};
const TAG_LIMITS: Source = Source {
    document: "Alibaba Cloud Resource Management: tag limits (at most 20 custom tags per resource)",
    url: "https://www.alibabacloud.com/help/en/resource-management/tag/product-overview/limits",
    as_of: "2026",
    kind: SourceKind::Secondary,
};

/// Name.
pub static NAME: Rule = Rule {
    id: "alibaba-cas/name",
    statement: Words::new(
        "Name is required and unique per account, at most 64 characters",
        "Name 必填，账号内唯一，最多 64 个字符",
    ),
    sources: &[API_PAGE_EN, API_PAGE_ZH, SDK_MODEL],
    disagreement: None,
    provider_error: None,
};
/// The name rule every published version allows.
pub static NAME_PORTABLE: Rule = Rule {
    id: "alibaba-cas/name-portable",
    statement: Words::new(
        "a Name every published version accepts: at most 63 letters, digits and \
                underscores",
        "所有已发布版本都接受的 Name：最多 63 个字母、数字和下划线",
    ),
    sources: &[API_PAGE_ZH, API_PAGE_EN, SDK_MODEL],
    disagreement: Some(Words::new(
        "the current Chinese page and the SDK model allow 63 characters of any kind; the English \
         page (2025-11) 64 letters, digits and underscores; its July 2024 version 128",
        "当前中文页面和 SDK 模型允许 63 个任意字符；英文页面（2025-11）为 64 个字母、数字和下划线；其 2024 年 7 月版本为 128 个",
    )),
    provider_error: None,
};
/// Certificate and chain.
pub static CERTIFICATE: Rule = Rule {
    id: "alibaba-cas/certificate",
    statement: Words::new(
        "Cert: the certificate in PEM, leaf first, followed by its intermediates; Key: its \
                private key in PEM (non-SM certificates)",
        "Cert：PEM 格式的证书，服务器证书放第一位，其后是中间证书；Key：PEM 格式的私钥（非国密证书）",
    ),
    sources: &[API_PAGE_ZH, API_PAGE_EN, SDK_MODEL],
    disagreement: None,
    provider_error: None,
};
/// The private key.
pub static PRIVATE_KEY: Rule = Rule {
    id: "alibaba-cas/private-key",
    statement: Words::new(
        "Key (or SignPrivateKey): the certificate's own private key, PEM, unencrypted",
        "Key（或 SignPrivateKey）：证书自己的私钥，PEM，未加密",
    ),
    sources: &[API_PAGE_ZH, API_PAGE_EN, SDK_MODEL],
    disagreement: None,
    provider_error: None,
};
/// Key encodings.
pub static KEY_ENCODING: Rule = Rule {
    id: "alibaba-cas/key-encoding",
    statement: Words::new(
        "keys are sent as PKCS#1 (RSA) or SEC1 (EC, SM2): the encodings the examples and \
                the tools that upload to CAS use; the API page names no encoding",
        "私钥以 PKCS#1（RSA）或 SEC1（EC、SM2）发送：即示例和上传到 CAS 的工具所用的编码；API 页面未指定编码",
    ),
    sources: &[KEY_FORMATS],
    disagreement: None,
    provider_error: None,
};
/// Key algorithms.
pub static KEYS: Rule = Rule {
    id: "alibaba-cas/key-algorithms",
    statement: Words::new(
        "RSA and ECC certificates go in Cert/Key, SM2 (国密) certificates in the Sign*/Encrypt* \
                pair; other algorithms are not offered",
        "RSA 和 ECC 证书放 Cert/Key，SM2（国密）证书放 Sign*/Encrypt* 证书对；不提供其他算法",
    ),
    sources: &[API_PAGE_ZH, KEY_FORMATS],
    disagreement: Some(Words::new(
        "the API page separates SM and non-SM certificates but names no algorithm list; RSA, ECC \
         and SM2 are what the console offers",
        "API 页面区分国密与非国密证书，但未列出算法；控制台提供 RSA、ECC 和 SM2",
    )),
    provider_error: None,
};
/// The SM2 pair.
pub static SM_PAIR: Rule = Rule {
    id: "alibaba-cas/sm2-pair",
    statement: Words::new(
        "an SM2 certificate is uploaded as SignCert + SignPrivateKey (the signing pair) and \
                EncryptCert + EncryptPrivateKey (the encryption pair), each key matching its \
                certificate; the Sign*/Encrypt* fields are ignored when Cert and Key are set",
        "SM2 证书以 SignCert + SignPrivateKey（签名证书对）和 EncryptCert + EncryptPrivateKey（加密证书对）上传，每个私钥与其证书匹配；设置了 Cert 和 Key 时 Sign*/Encrypt* 字段被忽略",
    ),
    sources: &[API_PAGE_ZH, API_PAGE_EN, SDK_MODEL],
    disagreement: None,
    provider_error: None,
};
/// Regions and endpoints.
pub static REGIONS_RULE: Rule = Rule {
    id: "alibaba-cas/regions",
    statement: Words::new(
        "CAS answers at cas.aliyuncs.com (mainland China, cn-hangzhou) and at \
                cas.ap-southeast-1, -3, -5, cas.cn-hongkong and cas.eu-central-1; the other \
                mainland regions use cas.aliyuncs.com; cas.<region> does not exist elsewhere",
        "CAS 的服务地址为 cas.aliyuncs.com（中国内地，cn-hangzhou）以及 cas.ap-southeast-1、-3、-5、cas.cn-hongkong 和 cas.eu-central-1；其他内地地域使用 cas.aliyuncs.com；其他地方不存在 cas.<region>",
    ),
    sources: &[ENDPOINTS, SDK_ENDPOINTS, CERTIMATE_318],
    disagreement: None,
    provider_error: None,
};
/// Resource group.
pub static RESOURCE_GROUP: Rule = Rule {
    id: "alibaba-cas/resource-group",
    statement: Words::new(
        "ResourceGroupId is an existing resource group ID such as rg-aek2bxpvmxzyd3y",
        "ResourceGroupId 是已有的资源组 ID，例如 rg-aek2bxpvmxzyd3y",
    ),
    sources: &[API_PAGE_ZH, SDK_MODEL],
    disagreement: None,
    provider_error: None,
};
/// Tags.
pub static TAGS: Rule = Rule {
    id: "alibaba-cas/tags",
    statement: Words::new(
        "Tags.N.Key and Tags.N.Value: tag pairs, a key for each value",
        "Tags.N.Key 和 Tags.N.Value：标签对，每个值都要有键",
    ),
    sources: &[SDK_MODEL, API_PAGE_ZH],
    disagreement: None,
    provider_error: None,
};
/// Tag count.
pub static TAG_COUNT: Rule = Rule {
    id: "alibaba-cas/tag-count",
    statement: Words::new(
        "at most 20 tags (Alibaba's general limit per resource; the API page states none)",
        "最多 20 个标签（阿里云对每个资源的通用限制；API 页面未规定）",
    ),
    sources: &[TAG_LIMITS],
    disagreement: None,
    provider_error: None,
};

/// The regions of the CAS endpoint table.
pub const REGIONS: &[Region] = &[
    region(
        "cn-hangzhou",
        "China (Hangzhou)",
        "华东1（杭州）",
        "cas.aliyuncs.com",
    ),
    region(
        "ap-southeast-1",
        "Singapore",
        "新加坡",
        "cas.ap-southeast-1.aliyuncs.com",
    ),
    region(
        "ap-southeast-3",
        "Malaysia (Kuala Lumpur)",
        "马来西亚（吉隆坡）",
        "cas.ap-southeast-3.aliyuncs.com",
    ),
    region(
        "ap-southeast-5",
        "Indonesia (Jakarta)",
        "印度尼西亚（雅加达）",
        "cas.ap-southeast-5.aliyuncs.com",
    ),
    region(
        "cn-hongkong",
        "China (Hong Kong)",
        "中国香港",
        "cas.cn-hongkong.aliyuncs.com",
    ),
    region(
        "eu-central-1",
        "Germany (Frankfurt)",
        "德国（法兰克福）",
        "cas.eu-central-1.aliyuncs.com",
    ),
];

/// Mainland regions go to the central endpoint (the SDK's endpoint map); others to the regional
/// pattern, which the region warning says may not exist.
fn unlisted_host(region: &str) -> String {
    if region.starts_with("cn-") {
        "cas.aliyuncs.com".into()
    } else {
        format!("cas.{region}.aliyuncs.com")
    }
}

fn is_portable_name(name: &str) -> bool {
    name.chars().count() <= 63 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The console form's labels and menu path, with what the vendor's own guide confirmed and what
/// it did not (the comment below); `as_of` is the date they were checked.
// Checked on 2026-12-06 against Alibaba Cloud's own guide "Upload and share an SSL certificate"
// (https://www.alibabacloud.com/help/en/ssl-certificate/user-guide/upload-an-ssl-certificate, versions
// of 2024-11-20 and 2026-03-31): the English menu path (Manage Certificates > SSL Certificate
// Management, the Manage Uploaded Certificates tab, Upload Certificate); a Certificate Algorithm
// choice, Internationally Accepted Algorithm or SM2 Algorithm, the SM2 one taking a signing
// certificate and its private key and an encryption certificate and its private key (the SM2_ONLY
// fields); the key without a password (NO_PASSPHRASE); the server certificate with its intermediate
// certificate. No vendor source found (still secondary, unverified): the boxes' own labels, every
// Chinese label and the Chinese menu path (signing/encryption wording as zh-terms.md 5.2 gives it).
const CONSOLE_SOURCE: Source = Source {
    document: "Alibaba Cloud Certificate Management Service: Upload and share an SSL certificate; the boxes' labels and the Chinese texts unverified",
    url: "https://www.alibabacloud.com/help/en/ssl-certificate/user-guide/upload-an-ssl-certificate",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "Certificate Management Service console > Manage Certificates > SSL Certificate Management > Manage Uploaded Certificates > Upload Certificate",
        "数字证书管理服务控制台 > SSL 证书管理 > 上传证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate Name", "证书名称"),
            fill: Fill::Field("Name"),
            pitfalls: &[pitfalls::NAME_UNIQUE],
        },
        ConsoleField {
            label: Words::new(
                "Certificate File (signing certificate for SM2)",
                "证书文件（国密为签名证书）",
            ),
            fill: Fill::CertificateWithChain,
            pitfalls: &[pitfalls::LEAF_FIRST_NO_ROOT, pitfalls::NO_BLANK_LINES],
        },
        ConsoleField {
            label: Words::new(
                "Certificate Private Key (signing key for SM2)",
                "证书私钥（国密为签名私钥）",
            ),
            fill: Fill::PrivateKey,
            pitfalls: &[pitfalls::KEY_AS_SHOWN, pitfalls::NO_PASSPHRASE],
        },
        ConsoleField {
            label: Words::new("Encryption Certificate", "加密证书"),
            fill: Fill::Field("EncryptCert"),
            pitfalls: &[pitfalls::SM2_ONLY, pitfalls::NO_BLANK_LINES],
        },
        ConsoleField {
            label: Words::new("Encryption Private Key", "加密私钥"),
            fill: Fill::Field("EncryptPrivateKey"),
            pitfalls: &[pitfalls::SM2_ONLY, pitfalls::NO_PASSPHRASE],
        },
    ],
};

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "alibaba-cas",
    title: "Alibaba Cloud Certificate Management Service — UploadUserCertificate",
    title_zh: "阿里云数字证书管理服务 — UploadUserCertificate",
    region_word_zh: "地域",
    api: "UploadUserCertificate",
    version: "2020-04-07",
    legacy: None,
    schemes: &[Scheme::AlibabaRpcV2, Scheme::AlibabaAcs3],
    auth_scope: AuthScope::AccessKey,
    regions: REGIONS,
    default_region: "cn-hangzhou",
    unlisted_host,
    material: &[
        MaterialRole::Certificate {
            parameter: "Cert (SignCert for SM2)",
            with_chain: true,
        },
        MaterialRole::PrivateKey {
            parameter: "Key (SignPrivateKey for SM2)",
            encoding: "PKCS#1 (RSA) or SEC1 (EC, SM2), unencrypted",
        },
        MaterialRole::EncryptionPair {
            certificate: "EncryptCert",
            key: "EncryptPrivateKey",
        },
    ],
    fields: &[
        FieldSpec::text(
            "Name",
            Words::new(
                "a name for the certificate, unique in the account",
                "证书名称，在账号内唯一",
            ),
            &NAME,
        )
        .required()
        .chars(1, Some(64)),
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
            super::alibaba_slb_ca::is_resource_group,
            Words::new(
                "a resource group ID such as rg-aek2bxpvmxzyd3y",
                "资源组 ID，例如 rg-aek2bxpvmxzyd3y",
            ),
        )),
        FieldSpec::text(
            "EncryptCert",
            Words::new(
                "SM2 only: the encryption certificate (PEM; @FILE)",
                "仅 SM2：加密证书（PEM；@FILE）",
            ),
            &SM_PAIR,
        )
        .pem(),
        FieldSpec::text(
            "EncryptPrivateKey",
            Words::new(
                "SM2 only: the encryption certificate's key (PEM; @FILE)",
                "仅 SM2：加密证书的私钥（PEM；@FILE）",
            ),
            &SM_PAIR,
        )
        .pem(),
    ],
    numbered: &[NumberedFields {
        stem: "Tags",
        parts: &[
            NumberedPart {
                name: "Key",
                help: Words::new("the tag key", "标签键"),
                rule: &TAGS,
            },
            NumberedPart {
                name: "Value",
                help: Words::new("the tag value", "标签值"),
                rule: &TAGS,
            },
        ],
        max: 20,
        count_rule: &TAG_COUNT,
        first_missing_error: None,
        check: check_tag,
    }],
    rules: &[
        &NAME,
        &NAME_PORTABLE,
        &CERTIFICATE,
        &PRIVATE_KEY,
        &KEY_ENCODING,
        &KEYS,
        &SM_PAIR,
        &REGIONS_RULE,
        &RESOURCE_GROUP,
        &TAGS,
        &TAG_COUNT,
    ],
    errors: &[
        KnownError {
            code: "NameRepeat",
            meaning: "a certificate with this name exists already (名称重复，请重新输入。)",
        },
        KnownError {
            code: "Forbidden.RAM",
            meaning: "the RAM user lacks yundun-cert:UploadUserCertificate",
        },
    ],
    analysis_errors: &[],
    vendor_cli: "aliyun cas UploadUserCertificate",
    key_echo: None,
    permission: Some(Permission {
        action: "yundun-cert:UploadUserCertificate",
        system: "RAM",
        source: API_PAGE_EN,
    }),
    console: CONSOLE,
    prepare,
};

fn check_tag(name: &str, part: usize, value: &str, out: &mut Vec<Diagnostic>) {
    if part == 0 && value.is_empty() {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(name),
            &TAGS,
            tr!("{name} is empty", "{name} 为空"),
            tr!("give the tag a key", "请给标签一个键"),
        ));
    }
}

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let sm2 = check_leaf_key(
        ctx.analysis,
        &[KeyType::Rsa, KeyType::Ec, KeyType::Sm2],
        Words::new("CAS offers RSA, ECC and SM2", "CAS 提供 RSA、ECC 和 SM2"),
        (&CERTIFICATE, &KEYS),
        &mut prep.diagnostics,
    );
    let key = take_key(
        ctx,
        &KeyRules {
            who: "UploadUserCertificate",
            rule: &PRIVATE_KEY,
            encoding_rule: &KEY_ENCODING,
            want: KeyEncoding::Traditional,
            reencoded_because: Words::new(
                "sent as PKCS#1/SEC1, the encodings CAS's examples use: re-encoded, same key",
                "以 PKCS#1/SEC1 发送，即 CAS 示例所用的编码：已重新编码，私钥不变",
            ),
            decrypted_because: Words::new(
                "CAS takes only unencrypted keys: decrypted locally",
                "CAS 仅接受未加密的私钥：已在本地解密",
            ),
            max: None,
        },
        &mut prep.diagnostics,
    );
    if let Some((pem, fix)) = &key {
        prep.key_fix = fix.clone();
        prep.key = Some(pem.clone());
    }
    let mut enc = None;
    let mut tags = Vec::new();
    if ctx.requesting() {
        let out = &mut prep.diagnostics;
        check_name(ctx, out);
        tags = numbered_parameters(&SPEC.numbered[0], ctx.fields, out);
        enc = encryption_pair_given(ctx, sm2, out);
    }
    prep.bundle = fixes::normalise_bundle(
        ctx.analysis,
        RootPolicy::Drop,
        ctx.original_certificate_text,
    );
    super::report_bundle_changes(
        prep,
        &CERTIFICATE,
        "CAS",
        Words::new(
            "the request sends the arranged PEM; the fixes show before and after",
            "请求发送整理后的 PEM；修复中显示前后对比",
        ),
    );
    let (Some(bundle), Some((key, _)), true) = (&prep.bundle, &key, ctx.requesting()) else {
        return;
    };
    let (command, call) = build_call(ctx, bundle, key, enc.as_ref(), tags);
    prep.vendor_command = Some(command);
    prep.call = Some(call);
}

/// The SM2 encryption pair an SM2 certificate needs (both fields); a pair given for another
/// certificate is ignored, and said so.
fn encryption_pair_given(
    ctx: &Context<'_>,
    sm2: bool,
    out: &mut Vec<Diagnostic>,
) -> Option<EncryptionPair> {
    let given = ["EncryptCert", "EncryptPrivateKey"].map(|name| ctx.fields.get(name).is_some());
    if sm2 && given != [true, true] {
        out.push(rule_diagnostic(
            Code::FieldMissing,
            field_location("EncryptCert"),
            &SM_PAIR,
            tr!(
                "an SM2 certificate needs its encryption pair: EncryptCert and EncryptPrivateKey",
                "国密（SM2）证书需要加密证书和加密私钥：EncryptCert 和 EncryptPrivateKey"
            ),
            crate::diagnostic::Hint::per_surface(
                tr!(
                    "fill in EncryptCert and EncryptPrivateKey with the SM2 encryption certificate and its key (PEM)",
                    "请在 EncryptCert 和 EncryptPrivateKey 中填写 SM2 加密证书及其私钥（PEM）"
                ),
                tr!(
                    "give --field EncryptCert=@FILE --field EncryptPrivateKey=@FILE",
                    "请给出 --field EncryptCert=@FILE --field EncryptPrivateKey=@FILE"
                ),
            ),
        ));
    } else if sm2 {
        return encryption_pair(
            ctx,
            &PairRules {
                certificate: "EncryptCert",
                key: "EncryptPrivateKey",
                rule: &SM_PAIR,
                max_certificates: usize::MAX,
                root: RootPolicy::Drop,
                want: KeyEncoding::Traditional,
            },
            out,
        );
    } else {
        for (name, is_given) in ["EncryptCert", "EncryptPrivateKey"].into_iter().zip(given) {
            if is_given {
                out.push(rule_diagnostic(
                    Code::FieldIgnored,
                    field_location(name),
                    &SM_PAIR,
                    tr!(
                        "{name} is for SM2 certificates; with Cert and Key it is ignored and not sent",
                        "{name} 用于 SM2 证书；与 Cert 和 Key 同时给出时会被忽略，不会发送"
                    ),
                    tr!("leave it out", "请不要填写"),
                ));
            }
        }
    }
    None
}

/// The RPC parameters (the SM2 pair's names when it is one), the vendor CLI command and the call.
fn build_call(
    ctx: &Context<'_>,
    bundle: &Bundle,
    key: &KeyPem,
    enc: Option<&EncryptionPair>,
    tags: Vec<(String, String)>,
) -> (VendorCommand, Call) {
    let mut parameters = vec![(
        "Name".to_owned(),
        ctx.fields.get("Name").unwrap_or_default().to_owned(),
    )];
    let mut pem = Vec::new();
    match enc {
        Some(pair) => {
            parameters.push(("SignCert".into(), bundle.full_pem.clone()));
            parameters.push(("SignPrivateKey".into(), key.pem.clone()));
            parameters.push(("EncryptCert".into(), pair.certificates.clone()));
            parameters.push(("EncryptPrivateKey".into(), pair.key.pem.clone()));
            pem.extend([
                "SignCert",
                "SignPrivateKey",
                "EncryptCert",
                "EncryptPrivateKey",
            ]);
        }
        None => {
            parameters.push(("Cert".into(), bundle.full_pem.clone()));
            parameters.push(("Key".into(), key.pem.clone()));
            pem.extend(["Cert", "Key"]);
        }
    }
    if let Some(group) = ctx.fields.get("ResourceGroupId") {
        parameters.push(("ResourceGroupId".into(), group.to_owned()));
    }
    parameters.extend(tags);
    let region = ctx.region();
    let mut command =
        super::alibaba_slb_ca::aliyun_command("cas", SPEC.api, region, &parameters, &pem, &[]);
    command.notes.push(Words::new(
        "The key reaches the CLI as an argument (visible in `ps` while it runs): prefer the curl \
         command on shared machines.",
        "私钥以命令行参数传给 CLI（运行期间可用 `ps` 看到）：在共用的机器上请改用 curl 命令。",
    ));
    let call = Call::Rpc {
        host: SPEC.host(region),
        action: SPEC.api,
        version: SPEC.version,
        parameters,
    };
    (command, call)
}

/// Name: at most 64 characters (every current source); a warning outside what all published
/// versions allow (63 letters, digits, underscores).
fn check_name(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(name) = ctx.fields.get("Name") else {
        return;
    };
    if !name.is_empty() && name.chars().count() <= 64 && !is_portable_name(name) {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location("Name"),
            &NAME_PORTABLE,
            tr!(
                "Name {name:?} is not 63 or fewer letters, digits and underscores",
                "Name {name:?} 不是 63 个以内的字母、数字和下划线"
            ),
            tr!(
                "such a name is accepted by every published version of the rule",
                "这样的名称被该规则的所有已发布版本接受"
            ),
        ));
    }
}
