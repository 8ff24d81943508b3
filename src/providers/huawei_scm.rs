//! Huawei Cloud CCM SSL Certificate Manager (SCM) `ImportCertificate`
//! (`POST /v3/scm/certificates/import`): a certificate, its chain and its key, or an SM2 dual
//! certificate with its encryption pair. A global service: account-level credentials
//! (`X-Domain-Id`, an account-scoped token), one endpoint per site.

use super::console::{Console, ConsoleField, Fill, pitfalls};
use super::huawei_koocli;
use super::{
    AuthScope, Call, Context, EncryptionPair, FieldSpec, KeyRules, KnownError, MaterialRole,
    PairRules, Permission, Preparation, ProviderSpec, Region, Rule, Shape, SizeLimit, Source,
    SourceKind, VendorCommand, check_leaf_key, encryption_pair, field_location, material_location,
    region, rule_diagnostic, take_key,
};
use crate::analysis::Analysis;
use crate::analysis::public_key::KeyType;
use crate::diagnostic::{Code, Diagnostic};
use crate::fixes::{self, Bundle, KeyEncoding, KeyPem, RootPolicy};
use crate::lang::Words;
use crate::signing::Scheme;

const API_PAGE: Source = Source {
    document: "Huawei Cloud CCM API reference: ImportCertificate (name 3-63, certificate 4,096, \
               certificate_chain 8,192, private_key 4,096 characters)",
    url: "https://support.huaweicloud.com/intl/zh-cn/api-ccm/ImportCertificate.html",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const SDK_MODEL: Source = Source {
    document: "huaweicloud-sdk-go-v3 services/scm/v3/model/model_import_certificate_request_body.go",
    url: "https://github.com/huaweicloud/huaweicloud-sdk-go-v3",
    as_of: "0.1.188",
    kind: SourceKind::Primary,
};
const SDK_REGIONS: Source = Source {
    document: "huaweicloud SDKs' ScmRegion: cn-north-4, ap-southeast-1, my-kualalumpur-1",
    url: "https://github.com/huaweicloud/huaweicloud-sdk-java-v3",
    as_of: "3.1.211",
    kind: SourceKind::Primary,
};
const SDK_CLIENT: Source = Source {
    document: "huaweicloud-sdk-go-v3 services/scm/v3/scm_client.go (global or basic credentials)",
    url: "https://github.com/huaweicloud/huaweicloud-sdk-go-v3",
    as_of: "0.1.188",
    kind: SourceKind::Primary,
};
const BEFORE_YOU_START: Source = Source {
    document: "Huawei Cloud CCM API reference: Before You Start (CCM is a global service)",
    url: "https://support.huaweicloud.com/intl/en-us/api-ccm/ccm_02_0002.html",
    as_of: "2025-11-28",
    kind: SourceKind::Primary,
};
const USER_MANUAL: Source = Source {
    document: "Huawei Cloud CCM user guide: Uploading an existing certificate (expired \
               certificates and chains of length 1 cannot be uploaded; no password-protected keys)",
    url: "https://support.huaweicloud.com/eu/usermanual-ccm/ccm_01_0011.html",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const ERROR_FAQ: Source = Source {
    document: "Huawei Cloud CCM FAQ: certificate upload errors (SCM.0053, SCM.0054, SCM.0079, \
               SCM.0012, SCM.0114)",
    url: "https://support.huaweicloud.com/intl/tr-tr/ccm_faq/ccm_01_0397.html",
    as_of: "2026",
    kind: SourceKind::Primary,
};
const PUSH_FAQ: Source = Source {
    document: "Huawei Cloud CCM (SCM) FAQ: PKCS#8 keys are not supported (暂时不支持PKCS8)",
    url: "https://support.huaweicloud.com/intl/en-us/ccm_faq/",
    as_of: "2025-08-29",
    kind: SourceKind::Primary,
};

/// Name.
pub static NAME: Rule = Rule {
    id: "huawei-scm/name",
    statement: Words::new(
        "name: 3 to 63 characters of letters, digits, '_', '-' and '.'",
        "name：3 到 63 个字符，可包含字母、数字、'_'、'-' 和 '.'",
    ),
    sources: &[API_PAGE, SDK_MODEL],
    disagreement: None,
    provider_error: Some("SCM.0001 (invalid parameter)"),
};
/// Certificate.
pub static CERTIFICATE: Rule = Rule {
    id: "huawei-scm/certificate",
    statement: Words::new(
        "certificate: PEM, at most 4,096 characters; it may carry the chain, but when \
                certificate_chain is given only the certificate itself is taken",
        "certificate：PEM，最多 4,096 个字符；可以带证书链，但给出 certificate_chain 时只取证书本身",
    ),
    sources: &[API_PAGE, SDK_MODEL, ERROR_FAQ],
    disagreement: None,
    provider_error: None,
};
/// Chain.
pub static CHAIN: Rule = Rule {
    id: "huawei-scm/certificate-chain",
    statement: Words::new(
        "certificate_chain: PEM, at most 8,192 characters, ordered from the certificate's \
                issuer up (each CA's subject is the next one's issuer)",
        "certificate_chain：PEM，最多 8,192 个字符，从证书的颁发者向上排列（每个 CA 的使用者是下一个的颁发者）",
    ),
    sources: &[API_PAGE, ERROR_FAQ],
    disagreement: None,
    provider_error: None,
};
/// Chain length.
pub static CHAIN_LENGTH: Rule = Rule {
    id: "huawei-scm/chain-length",
    statement: Words::new(
        "a certificate whose chain has length 1 (no intermediate) cannot be uploaded",
        "证书链长度为 1（没有中间证书）的证书不能上传",
    ),
    sources: &[USER_MANUAL],
    disagreement: None,
    provider_error: Some("SCM.0013 (the certificate chain cannot be parsed)"),
};
/// Private key.
pub static PRIVATE_KEY: Rule = Rule {
    id: "huawei-scm/private-key",
    statement: Words::new(
        "private_key: the certificate's key, PEM, at most 4,096 characters, not \
                password-protected",
        "private_key：证书的私钥，PEM，最多 4,096 个字符，不能有口令保护",
    ),
    sources: &[API_PAGE, SDK_MODEL, USER_MANUAL],
    disagreement: None,
    provider_error: Some("SCM.0012 (the private key cannot be parsed)"),
};
/// Key encoding.
pub static KEY_ENCODING: Rule = Rule {
    id: "huawei-scm/key-encoding",
    statement: Words::new(
        "keys are sent as PKCS#1 (RSA) or SEC1 (EC): SCM does not support PKCS#8 keys for \
                deployment",
        "私钥以 PKCS#1（RSA）或 SEC1（EC）发送：SCM 部署时不支持 PKCS#8 私钥",
    ),
    sources: &[PUSH_FAQ],
    disagreement: None,
    provider_error: None,
};
/// Validity.
pub static VALIDITY: Rule = Rule {
    id: "huawei-scm/validity",
    statement: Words::new(
        "expired certificates cannot be uploaded",
        "已过期的证书不能上传",
    ),
    sources: &[USER_MANUAL],
    disagreement: None,
    provider_error: Some("SCM: expired certificates cannot be uploaded"),
};
/// Algorithms.
pub static KEYS: Rule = Rule {
    id: "huawei-scm/key-algorithms",
    statement: Words::new(
        "RSA and EC certificates, or SM2 (国密) ones with an optional encryption pair",
        "RSA 和 EC 证书，或 SM2（国密）证书及可选的加密证书对",
    ),
    sources: &[SDK_MODEL, USER_MANUAL],
    disagreement: Some(Words::new(
        "the SDK model has the SM encryption pair and the console offers RSA, ECC and SM2; no \
         list of key types is documented for the API",
        "SDK 模型包含国密加密证书对，控制台提供 RSA、ECC 和 SM2；API 未记载密钥类型列表",
    )),
    provider_error: Some("SCM.0006 (the certificate cannot be parsed)"),
};
/// SM2 encryption pair.
pub static SM_PAIR: Rule = Rule {
    id: "huawei-scm/sm2-pair",
    statement: Words::new(
        "enc_certificate and enc_private_key (optional): the SM2 encryption certificate \
                and its own unencrypted key, for an SM2 certificate",
        "enc_certificate 和 enc_private_key（可选）：SM2 加密证书及其自己的未加密私钥，用于 SM2 证书",
    ),
    sources: &[SDK_MODEL],
    disagreement: None,
    provider_error: None,
};
/// Duplicate check.
pub static DUPLICATE_CHECK: Rule = Rule {
    id: "huawei-scm/duplicate-check",
    statement: Words::new(
        "duplicate_check: true (upload a certificate identical to one already there) or \
                false",
        "duplicate_check：true（可上传与已有证书相同的证书）或 false",
    ),
    sources: &[SDK_MODEL],
    disagreement: None,
    provider_error: Some("SCM.0001 (invalid parameter)"),
};
/// Enterprise project.
pub static ENTERPRISE_PROJECT: Rule = Rule {
    id: "huawei-scm/enterprise-project-id",
    statement: Words::new(
        "enterprise_project_id: \"0\" or an ID of 8-4-4-4-12 lowercase letters and digits",
        "enterprise_project_id：\"0\" 或 8-4-4-4-12 格式的小写字母和数字 ID",
    ),
    sources: &[SDK_MODEL],
    disagreement: None,
    provider_error: Some("SCM.0001 (invalid parameter)"),
};
/// Sites and endpoints.
pub static REGIONS_RULE: Rule = Rule {
    id: "huawei-scm/regions",
    statement: Words::new(
        "SCM is a global service: the SDKs list scm.cn-north-4 (Chinese site), \
                scm.ap-southeast-1 (international site) and scm.my-kualalumpur-1; another region \
                of the Chinese site goes to scm.cn-north-4, of the international site to \
                scm.ap-southeast-1",
        "SCM 是全局服务：SDK 列出 scm.cn-north-4（中国站）、scm.ap-southeast-1（国际站）和 scm.my-kualalumpur-1；中国站的其他区域使用 scm.cn-north-4，国际站的使用 scm.ap-southeast-1",
    ),
    sources: &[SDK_REGIONS, BEFORE_YOU_START],
    disagreement: None,
    provider_error: None,
};
/// Auth scope.
pub static DOMAIN_SCOPE: Rule = Rule {
    id: "huawei-scm/domain-id",
    statement: Words::new(
        "SCM is an account-level service: AK/SK requests carry X-Domain-Id (the account \
                ID), tokens are scoped to the account",
        "SCM 是账号级服务：AK/SK 请求带 X-Domain-Id（账号 ID），Token 的范围是账号",
    ),
    sources: &[SDK_CLIENT, BEFORE_YOU_START],
    disagreement: None,
    provider_error: Some("APIGW.0301 (incorrect IAM authentication information)"),
};

/// Regions the SDKs list for SCM.
pub const REGIONS: &[Region] = &[
    region(
        "cn-north-4",
        "CN North-Beijing4",
        "华北-北京四",
        "scm.cn-north-4.myhuaweicloud.com",
    ),
    region(
        "ap-southeast-1",
        "CN-Hong Kong",
        "中国-香港",
        "scm.ap-southeast-1.myhuaweicloud.com",
    ),
    region(
        "my-kualalumpur-1",
        "AP-Kuala Lumpur-OP6",
        "亚太-吉隆坡-OP6",
        "scm.my-kualalumpur-1.myhuaweicloud.com",
    ),
];

/// An unlisted region's site endpoint: the Chinese site's for `cn-*`, else the international one.
fn unlisted_host(region: &str) -> String {
    if region.starts_with("cn-") {
        "scm.cn-north-4.myhuaweicloud.com".into()
    } else {
        "scm.ap-southeast-1.myhuaweicloud.com".into()
    }
}

fn is_name(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

fn is_enterprise_project(value: &str) -> bool {
    let bytes = value.as_bytes();
    value == "0"
        || bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, &b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_digit() || b.is_ascii_lowercase(),
            })
}

/// The console form's labels and menu path, with what the vendor's own guide confirmed and what
/// it did not (the comment below); `as_of` is the date they were checked. Secondary while any label
/// below is unverified (the page then says the console may word them differently).
// Checked on 2026-12-06 against Huawei Cloud's own CCM user guide "Uploading an External
// Certificate to SCM" (https://support.huaweicloud.com/intl/en-us/my-kualalumpur-1-usermanual-ccm/ccm_01_0011.html,
// updated 2025-10-29): SSL Certificate Manager > SSL Certificates > Upload Certificate; the labels
// "Certificate Name" and "Certificate File"; expired certificates are refused (NOT_EXPIRED), so is a
// certificate whose chain has length 1 (CHAIN_REQUIRED); the key must not be password-protected
// (NO_PASSPHRASE). Its FAQ "How Do I Complete the Certificate File When Uploading a Certificate?"
// (https://support.huaweicloud.com/intl/en-us/ccm_faq/ccm_01_0187.html, updated 2022-09-23): the
// PEM text goes into the Certificate File box, the server certificate before its chain, combined
// into one file, no empty lines between certificates (SERVER_FIRST, NO_BLANK_LINES): there is no
// separate chain box. Checked on 2026-12-06, Huawei's own Chinese CCM guide text as its site
// search shows it (no guide page URL found): the FAQ title 上传证书时，“证书文件”该如何填写?
// (https://huaweicloud.com/s/JeWMuuWdl-mTviDnrqHnkIYl/t_30_p_3/JeS6keivgeS5pueuoeeQhuacjeWKoSBDQ00l)
// gives the label 证书文件; 在左侧导航栏选择“SSL证书管理 > SSL证书列表”
// (https://huaweicloud.com/s/JeaMieaXtuaUtui0ueeahHZwbiU/t_30_p_23/JeS6keivgeS5pueuoeeQhuacjeWKoSBDQ00l)
// gives the Chinese menu down to the list. No vendor source found (unverified): the key box's
// label (the guide says "certificate private key"), the SM encryption boxes' labels, 证书名称, 私钥
// and the Chinese 上传证书 step.
const CONSOLE_SOURCE: Source = Source {
    document: "Huawei Cloud CCM user guide: Uploading an External Certificate to SCM, and the FAQ on completing the certificate file (证书文件); the key and SM box labels and the other Chinese labels unverified",
    url: "https://support.huaweicloud.com/intl/en-us/my-kualalumpur-1-usermanual-ccm/ccm_01_0011.html",
    as_of: "2026-12-06",
    kind: SourceKind::Secondary,
};
/// The console's upload form (labels: see [`CONSOLE_SOURCE`]).
const CONSOLE: Console = Console {
    menu: Words::new(
        "Cloud Certificate Manager console > SSL Certificate Manager > SSL Certificates > Upload Certificate",
        "云证书管理服务控制台 > SSL证书管理 > SSL证书列表 > 上传证书",
    ),
    source: &CONSOLE_SOURCE,
    fields: &[
        ConsoleField {
            label: Words::new("Certificate Name", "证书名称"),
            fill: Fill::Field("name"),
            pitfalls: &[pitfalls::NAME_UNIQUE],
        },
        ConsoleField {
            label: Words::new("Certificate File", "证书文件"),
            fill: Fill::CertificateWithChain,
            pitfalls: &[
                pitfalls::SERVER_FIRST,
                pitfalls::CHAIN_REQUIRED,
                pitfalls::NOT_EXPIRED,
                pitfalls::NO_BLANK_LINES,
            ],
        },
        ConsoleField {
            label: Words::new("Private Key", "私钥"),
            fill: Fill::PrivateKey,
            pitfalls: &[pitfalls::KEY_AS_SHOWN, pitfalls::NO_PASSPHRASE],
        },
        ConsoleField {
            label: Words::new("Encryption Certificate", "加密证书"),
            fill: Fill::Field("enc_certificate"),
            pitfalls: &[pitfalls::SM2_ONLY, pitfalls::NO_BLANK_LINES],
        },
        ConsoleField {
            label: Words::new("Encryption Private Key", "加密私钥"),
            fill: Fill::Field("enc_private_key"),
            pitfalls: &[pitfalls::SM2_ONLY, pitfalls::NO_PASSPHRASE],
        },
    ],
};

/// The target's data.
pub static SPEC: ProviderSpec = ProviderSpec {
    id: "huawei-scm",
    title: "Huawei Cloud CCM SSL certificate manager — import certificate",
    title_zh: "华为云 CCM SSL 证书管理 — 导入证书",
    region_word_zh: "区域",
    api: "ImportCertificate",
    version: "v3",
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
        MaterialRole::PrivateKey {
            parameter: "private_key",
            encoding: "PKCS#1 (RSA) or SEC1 (EC, SM2), unencrypted",
        },
        MaterialRole::EncryptionPair {
            certificate: "enc_certificate",
            key: "enc_private_key",
        },
    ],
    fields: &[
        FieldSpec::text(
            "name",
            Words::new("the certificate's name", "证书名称"),
            &NAME,
        )
        .required()
        .chars(3, Some(63))
        .shape(Shape::Pattern(
            is_name,
            Words::new(
                "letters, digits, '_', '-' and '.'",
                "字母、数字、'_'、'-' 和 '.'",
            ),
        )),
        FieldSpec::text(
            "duplicate_check",
            Words::new(
                "true to allow uploading a certificate that is already there",
                "为 true 时允许上传已存在的证书",
            ),
            &DUPLICATE_CHECK,
        )
        .shape(Shape::OneOf(&["true", "false"])),
        FieldSpec::text(
            "enterprise_project_id",
            Words::new(
                "the enterprise project (\"0\" for the default one)",
                "企业项目（默认项目为 \"0\"）",
            ),
            &ENTERPRISE_PROJECT,
        )
        .chars(1, None)
        .shape(Shape::Pattern(
            is_enterprise_project,
            Words::new(
                "\"0\" or an ID of 8-4-4-4-12 lowercase letters and digits",
                "\"0\" 或 8-4-4-4-12 格式的小写字母和数字 ID",
            ),
        )),
        FieldSpec::text(
            "enc_certificate",
            Words::new(
                "SM2 only: the encryption certificate (PEM; @FILE)",
                "仅 SM2：加密证书（PEM；@FILE）",
            ),
            &SM_PAIR,
        )
        .pem(),
        FieldSpec::text(
            "enc_private_key",
            Words::new(
                "SM2 only: the encryption certificate's key (PEM; @FILE)",
                "仅 SM2：加密证书的私钥（PEM；@FILE）",
            ),
            &SM_PAIR,
        )
        .pem(),
    ],
    numbered: &[],
    rules: &[
        &NAME,
        &CERTIFICATE,
        &CHAIN,
        &CHAIN_LENGTH,
        &PRIVATE_KEY,
        &KEY_ENCODING,
        &VALIDITY,
        &KEYS,
        &SM_PAIR,
        &DUPLICATE_CHECK,
        &ENTERPRISE_PROJECT,
        &REGIONS_RULE,
        &DOMAIN_SCOPE,
    ],
    errors: &[
        KnownError {
            code: "SCM.0006",
            meaning: "the certificate cannot be parsed",
        },
        KnownError {
            code: "SCM.0012",
            meaning: "the private key cannot be parsed",
        },
        KnownError {
            code: "SCM.0013",
            meaning: "the certificate chain cannot be parsed",
        },
        KnownError {
            code: "SCM.0014",
            meaning: "the certificate and the private key do not match",
        },
        KnownError {
            code: "SCM.0053",
            meaning: "the content must start and end with the PEM markers",
        },
        KnownError {
            code: "SCM.0054",
            meaning: "the certificate content is missing",
        },
        KnownError {
            code: "SCM.0079",
            meaning: "a CA's subject is not the issuer of the certificate before it: order the \
                      chain from the certificate to the lowest-level CA up",
        },
        KnownError {
            code: "SCM.0114",
            meaning: "the private key's PEM markers are wrong",
        },
    ],
    analysis_errors: &[
        (
            Code::KeyDoesNotMatchCertificate,
            "SCM.0014 (the certificate and key do not match)",
        ),
        (
            Code::CertificateExpired,
            "SCM: expired certificates cannot be uploaded",
        ),
        (
            Code::EncryptedKeyNeedsPassphrase,
            "SCM.0012 (password-protected keys cannot be uploaded)",
        ),
        (Code::PemMissingEnd, "SCM.0053 (PEM markers)"),
        (Code::PemLabelMismatch, "SCM.0053 (PEM markers)"),
        (
            Code::PemInvalidBase64,
            "SCM.0006 (the certificate cannot be parsed)",
        ),
        (
            Code::InvalidAsn1,
            "SCM.0006 (the certificate cannot be parsed)",
        ),
        (
            Code::ChainMissingIssuer,
            "SCM.0079 (the chain is not in order)",
        ),
        (
            Code::ChainSignatureMismatch,
            "SCM.0079 (the chain is not in order)",
        ),
    ],
    vendor_cli: "hcloud SCM ImportCertificate",
    key_echo: None,
    permission: Some(Permission {
        action: "scm:cert:import",
        system: "IAM",
        source: API_PAGE,
    }),
    console: CONSOLE,
    prepare,
};

const CERTIFICATE_MAX: SizeLimit = SizeLimit {
    what: "certificate",
    max: 4_096,
    rule: &CERTIFICATE,
    disputed: None,
};
const CHAIN_MAX: SizeLimit = SizeLimit {
    what: "certificate_chain",
    max: 8_192,
    rule: &CHAIN,
    disputed: None,
};
const KEY_MAX: SizeLimit = SizeLimit {
    what: "private_key",
    max: 4_096,
    rule: &PRIVATE_KEY,
    disputed: None,
};

fn prepare(ctx: &Context<'_>, prep: &mut Preparation) {
    let sm2 = check_leaf_key(
        ctx.analysis,
        &[KeyType::Rsa, KeyType::Ec, KeyType::Sm2],
        Words::new(
            "SCM takes RSA, EC and SM2 certificates",
            "SCM 接受 RSA、EC 和 SM2 证书",
        ),
        (&CERTIFICATE, &KEYS),
        &mut prep.diagnostics,
    );
    let key = take_key(
        ctx,
        &KeyRules {
            who: "ImportCertificate",
            rule: &PRIVATE_KEY,
            encoding_rule: &KEY_ENCODING,
            want: KeyEncoding::Traditional,
            reencoded_because: Words::new(
                "SCM does not support PKCS#8 keys: re-encoded, same key",
                "SCM 不支持 PKCS#8 私钥：已重新编码，私钥不变",
            ),
            decrypted_because: Words::new(
                "SCM refuses password-protected keys: decrypted locally",
                "SCM 不接受带口令保护的私钥：已在本地解密",
            ),
            max: Some(KEY_MAX),
        },
        &mut prep.diagnostics,
    );
    if let Some((pem, fix)) = &key {
        prep.key_fix = fix.clone();
        prep.key = Some(pem.clone());
    }
    let enc = if ctx.requesting() {
        encryption_pair_given(ctx, sm2, &mut prep.diagnostics)
    } else {
        None
    };
    prep.bundle = fixes::normalise_bundle(
        ctx.analysis,
        RootPolicy::Drop,
        ctx.original_certificate_text,
    );
    super::report_bundle_changes(
        prep,
        &CHAIN,
        "SCM",
        Words::new(
            "certificate gets the certificate, certificate_chain its intermediates; the fixes show \
             before and after",
            "certificate 放证书，certificate_chain 放其中间证书；修复中显示前后对比",
        ),
    );
    let Some(bundle) = &prep.bundle else {
        return;
    };
    check_bundle(ctx.analysis, bundle, &mut prep.diagnostics);
    let (Some((key, _)), true) = (&key, ctx.requesting()) else {
        return;
    };
    let (command, call) = build_call(ctx, bundle, key, enc.as_ref());
    prep.vendor_command = Some(command);
    prep.call = Some(call);
}

/// The SM2 encryption pair, when both of its fields are given for an SM2 certificate; what is
/// wrong with the fields otherwise.
fn encryption_pair_given(
    ctx: &Context<'_>,
    sm2: bool,
    out: &mut Vec<Diagnostic>,
) -> Option<EncryptionPair> {
    let given = ["enc_certificate", "enc_private_key"].map(|n| ctx.fields.get(n).is_some());
    if given.contains(&true) && !sm2 {
        for (name, is_given) in ["enc_certificate", "enc_private_key"]
            .into_iter()
            .zip(given)
        {
            if is_given {
                out.push(rule_diagnostic(
                    Code::FieldInvalid,
                    field_location(name),
                    &SM_PAIR,
                    tr!(
                        "{name} is for SM2 certificates; this certificate is not SM2",
                        "{name} 用于 SM2 证书；这张证书不是 SM2"
                    ),
                    tr!("leave it out", "请不要填写"),
                ));
            }
        }
    } else if given == [true, false] || given == [false, true] {
        out.push(rule_diagnostic(
            Code::FieldMissing,
            field_location(if given[0] {
                "enc_private_key"
            } else {
                "enc_certificate"
            }),
            &SM_PAIR,
            tr!(
                "the encryption pair takes both enc_certificate and enc_private_key",
                "加密证书对需要同时给出 enc_certificate 和 enc_private_key"
            ),
            tr!("give both, or neither", "请两个都给出，或都不给"),
        ));
    } else if given == [true, true] {
        return encryption_pair(
            ctx,
            &PairRules {
                certificate: "enc_certificate",
                key: "enc_private_key",
                rule: &SM_PAIR,
                max_certificates: usize::MAX,
                root: RootPolicy::Drop,
                want: KeyEncoding::Traditional,
            },
            out,
        );
    }
    None
}

/// The chain's length and the PEM size limits.
fn check_bundle(analysis: &Analysis, bundle: &Bundle, out: &mut Vec<Diagnostic>) {
    if bundle.order.len() == 1 && !analysis.report.chain.root_included {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            material_location(),
            &CHAIN_LENGTH,
            tr!(
                "the certificate comes without its intermediates: a chain of length 1",
                "证书没有附带中间证书：证书链长度为 1，证书链不完整"
            ),
            tr!(
                "add the intermediate certificate(s) your CA sent",
                "请加上 CA 提供的中间证书"
            ),
        ));
    }
    CERTIFICATE_MAX.check(
        &bundle.leaf_pem,
        material_location(),
        Words::new(
            "the certificate is too large for SCM (many names?)",
            "证书对 SCM 来说太大（域名太多？）",
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

/// The JSON body, the vendor CLI command and the call.
fn build_call(
    ctx: &Context<'_>,
    bundle: &Bundle,
    key: &KeyPem,
    enc: Option<&EncryptionPair>,
) -> (VendorCommand, Call) {
    let mut body = serde_json::Map::new();
    let name = ctx.fields.get("name").unwrap_or_default();
    body.insert("name".into(), name.into());
    body.insert("certificate".into(), bundle.leaf_pem.clone().into());
    if !bundle.chain_pem.is_empty() {
        body.insert("certificate_chain".into(), bundle.chain_pem.clone().into());
    }
    body.insert("private_key".into(), key.pem.clone().into());
    if let Some(value) = ctx.fields.get("duplicate_check") {
        body.insert("duplicate_check".into(), (value == "true").into());
    }
    if let Some(value) = ctx.fields.get("enterprise_project_id") {
        body.insert("enterprise_project_id".into(), value.into());
    }
    if let Some(pair) = enc {
        body.insert("enc_certificate".into(), pair.certificates.clone().into());
        body.insert("enc_private_key".into(), pair.key.pem.clone().into());
    }
    let region = ctx.region();
    let body = serde_json::Value::Object(body).to_string();
    let command = VendorCommand::new(
        "hcloud",
        &["SCM", SPEC.api],
        &[
            Words::new(
                "Huawei Cloud KooCLI (hcloud), credentials from `hcloud configure`.",
                "华为云 KooCLI（hcloud），凭证取自 `hcloud configure`。",
            ),
            huawei_koocli::BODY_NOTE,
        ],
    )
    .value("--cli-region", region);
    let command = huawei_koocli::json_body(command, "SCM_ImportCertificate.json", &body);
    let call = Call::Rest {
        host: SPEC.host(region),
        path: "/v3/scm/certificates/import".into(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body,
        project_id: None,
    };
    (command, call)
}
