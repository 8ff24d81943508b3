//! Checks of the certificate material that several targets share: where they point, whether a
//! certificate is a CA a target takes, the private key a target sends ([`take_key`], re-encoded as
//! the target wants it), PEM size limits ([`SizeLimit`]) and the SM2 encryption pair given as two
//! fields ([`encryption_pair`]).

use super::{Context, KeyFix, Preparation, Rule, field_location, rule_diagnostic};
use crate::analysis::Analysis;
use crate::analysis::public_key::Curve;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::fixes::KeyPem;
use crate::lang::Words;

/// Where diagnostics about the material as a whole point.
pub(crate) fn material_location() -> Location {
    Location::Material
}

/// Where material diagnostics about certificate `index` point.
pub(crate) fn certificate_location(analysis: &Analysis, index: usize) -> Location {
    analysis
        .certificates
        .get(index)
        .map_or(Location::Target, |c| Location::from(&c.location))
}

/// "RSA 2048", "EC P-256", "SM2", ... for messages.
pub(crate) fn describe_key(key: &crate::analysis::public_key::PublicKeyInfo) -> String {
    use crate::analysis::public_key::KeyType;
    match key.key_type {
        KeyType::Rsa => format!("RSA {}", key.bits.unwrap_or(0)),
        KeyType::Ec => format!("EC {}", key.curve.map_or("unknown curve", Curve::as_str)),
        KeyType::Ed25519 => "Ed25519".into(),
        KeyType::Sm2 => "SM2".into(),
        KeyType::Other => format!("algorithm {}", key.algorithm_oid),
        other => other.as_str().into(),
    }
}

/// Whether a certificate is a CA a target can take (cA=TRUE, and keyCertSign when keyUsage is
/// present).
pub(crate) fn is_ca_certificate(
    summary: &crate::analysis::certificate::CertificateSummary,
) -> bool {
    summary.is_ca && summary.may_sign_certificates()
}

/// Diagnoses a private key given to a target that never takes one.
pub(crate) fn key_not_taken(ctx: &Context<'_>, who: Words, why: Words, out: &mut Vec<Diagnostic>) {
    let (api, api_zh, why, why_zh) = (who.en, who.zh, why.en, why.zh);
    if let Some(key) = ctx.analysis.keys.first() {
        out.push(Diagnostic::new(
            Code::FieldIgnored,
            key.location.clone(),
            tr!(
                "{api} does not take a private key ({why}); it is not sent",
                "{api_zh} 不接受私钥（{why_zh}）；私钥不会被发送"
            ),
            tr!(
                "leave the key out; it stays on this machine either way",
                "不必提供私钥；无论如何它都只留在本机"
            ),
        ));
    }
}

/// Diagnoses a target that checks against a CSR when none was given.
pub(crate) fn csr_wanted(ctx: &Context<'_>, rule: &Rule, whose: Words, out: &mut Vec<Diagnostic>) {
    let (whose, whose_zh) = (whose.en, whose.zh);
    if ctx.analysis.csrs.is_empty() {
        out.push(rule_diagnostic(
            Code::TargetCsrNotGiven,
            Location::Target,
            rule,
            tr!(
                "no CSR was given, so the match with the CSR {whose} cannot be checked",
                "未提供 CSR，无法检查与{whose_zh} CSR 是否匹配"
            ),
            crate::diagnostic::Hint::per_surface(
                tr!(
                    "add the CSR {whose} to the CSR box",
                    "请把{whose_zh} CSR 放进证书请求框"
                ),
                tr!(
                    "add the CSR {whose} as one more FILE",
                    "请把{whose_zh} CSR 作为另一个 FILE 给出"
                ),
            ),
        ));
    }
}

/// Reports the bundle's changes (if any) as the fix applied for this target.
pub(crate) fn report_bundle_changes(
    prep: &mut Preparation,
    rule: &Rule,
    target: &str,
    hint: Words,
) {
    if let Some(bundle) = prep.bundle.as_ref().filter(|b| !b.changes.is_empty()) {
        prep.diagnostics.push(rule_diagnostic(
            Code::TargetBundleNormalised,
            material_location(),
            rule,
            {
                let (changes, changes_zh) =
                    (bundle.changes.join("; "), bundle.changes_zh.join("；"));
                tr!(
                    "the certificates were arranged for {target}: {changes}",
                    "已为 {target} 整理证书：{changes_zh}"
                )
            },
            hint.text(),
        ));
    }
}

/// Checks a PEM value's length against a stated maximum (error above it) and, where another
/// source documents a lower one, a disputed maximum (warning above that).
pub(crate) struct SizeLimit {
    /// What is measured (`certificate`, `private_key`).
    pub what: &'static str,
    /// The maximum a primary source states (characters).
    pub max: usize,
    /// The stated maximum's rule.
    pub rule: &'static Rule,
    /// A lower maximum another source gives, and the rule recording the disagreement.
    pub disputed: Option<(usize, &'static Rule)>,
}

impl SizeLimit {
    /// Diagnoses `text` (at `at`) against the limits.
    pub(crate) fn check(
        &self,
        text: &str,
        at: impl Into<Location>,
        hint: Words,
        out: &mut Vec<Diagnostic>,
    ) {
        let at: Location = at.into();
        let (what, max) = (self.what, self.max);
        let chars = text.chars().count();
        if chars > self.max {
            out.push(rule_diagnostic(
                Code::FieldTooLong,
                at,
                self.rule,
                tr!(
                    "{what} has {chars} characters; at most {max}",
                    "{what} 有 {chars} 个字符；最多 {max} 个"
                ),
                hint.text(),
            ));
        } else if let Some((lower, rule)) = self.disputed
            && chars > lower
        {
            out.push(rule_diagnostic(
                Code::FieldTooLong,
                at,
                rule,
                tr!(
                    "{what} has {chars} characters: within {max} but above {lower}",
                    "{what} 有 {chars} 个字符：未超过 {max}，但超过 {lower}"
                ),
                hint.text(),
            ));
        }
    }
}

/// How a target takes the private key: which rules it follows, the encoding it receives, why it is
/// re-encoded, and the key's length limit.
pub(crate) struct KeyRules {
    /// The target's name for messages (`type server`, `UploadServerCertificate`).
    pub who: &'static str,
    /// The rule that needs the key (unencrypted, matching the certificate).
    pub rule: &'static Rule,
    /// The rule on its encoding.
    pub encoding_rule: &'static Rule,
    /// The encoding sent.
    pub want: crate::fixes::KeyEncoding,
    /// Why a key in another encoding is re-encoded (shown with the fix).
    pub reencoded_because: Words,
    /// Why an encrypted key is decrypted here.
    pub decrypted_because: Words,
    /// The key's length limit.
    pub max: Option<SizeLimit>,
}

/// The private key a target sends: the one matching the leaf (else the first, whose mismatch the
/// analysis reports), decrypted and re-encoded as the target wants, with the fix applied.
pub(crate) fn take_key(
    ctx: &Context<'_>,
    rules: &KeyRules,
    out: &mut Vec<Diagnostic>,
) -> Option<(KeyPem, Option<KeyFix>)> {
    let analysis = ctx.analysis;
    let key = analysis
        .keys
        .iter()
        .find(|k| k.summary.matches_leaf == Some(true))
        .or_else(|| analysis.keys.first());
    let Some(key) = key else {
        out.push(rule_diagnostic(
            Code::TargetNeedsPrivateKey,
            material_location(),
            rules.rule,
            {
                let who = rules.who;
                tr!(
                    "{who} needs the certificate's private key; none was given",
                    "{who} 需要证书的私钥，但未提供私钥"
                )
            },
            crate::diagnostic::Hint::per_surface(
                tr!(
                    "add the private key to the private key box (it goes only into the request built here)",
                    "请把私钥放进私钥框（它只用于在此生成的请求）"
                ),
                tr!(
                    "add the key file as one more FILE (it goes only into the request built here)",
                    "请把私钥文件作为另一个 FILE 给出（它只用于在此生成的请求）"
                ),
            ),
        ));
        return None;
    };
    if key.plain.is_none() {
        // Ask for a passphrase only when one is what is missing: a key that is unreadable, or
        // encrypted with a scheme not supported here, needs another export instead.
        let passphrase_missing = analysis.report.diagnostics.iter().any(|d| {
            d.location.input() == Some(&key.location)
                && matches!(
                    d.code,
                    Code::EncryptedKeyNeedsPassphrase | Code::WrongPassphrase
                )
        });
        let (message, hint) = if passphrase_missing {
            (
                tr!(
                    "the private key could not be decrypted, so it cannot be sent",
                    "私钥无法解密，因此无法发送"
                ),
                crate::diagnostic::Hint::per_surface(
                    tr!(
                        "enter its passphrase in the passphrase field: the target takes only unencrypted keys, decrypted here",
                        "请在口令框中输入私钥口令：目标只接受未加密的私钥，会在此处解密"
                    ),
                    tr!(
                        "give its passphrase (--passphrase-env VAR): the target takes only unencrypted keys, decrypted here",
                        "请给出私钥口令（--passphrase-env VAR）：目标只接受未加密的私钥，会在此处解密"
                    ),
                ),
            )
        } else {
            (
                tr!(
                    "the private key could not be read, so it cannot be sent",
                    "私钥无法读取，因此无法发送"
                ),
                crate::diagnostic::Hint::from(tr!(
                    "the analysis says why above: export the key again (PEM, PKCS#8, unencrypted or with AES-256) from where it was made",
                    "原因见上面的分析：请从生成私钥的地方重新导出（PEM，PKCS#8，不加密或用 AES-256 加密）"
                )),
            )
        };
        out.push(rule_diagnostic(
            Code::TargetNeedsPrivateKey,
            key.location.clone(),
            rules.rule,
            message,
            hint,
        ));
        return None;
    }
    let pem = match crate::fixes::reencode_key(key, rules.want) {
        Ok(pem) => pem,
        Err(message) => {
            out.push(rule_diagnostic(
                Code::TargetNeedsPrivateKey,
                key.location.clone(),
                rules.encoding_rule,
                {
                    let (message, message_zh) = (message.en(), message.zh());
                    tr!("{message}", "私钥无法重新编码：{message_zh}")
                },
                tr!(
                    "export the key as PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1/SEC1",
                    "请将私钥导出为 PKCS#8（BEGIN PRIVATE KEY）或 PKCS#1/SEC1"
                ),
            ));
            return None;
        }
    };
    let fix = pem.changed.then(|| {
        let reason = if key.summary.encrypted {
            rules.decrypted_because
        } else {
            rules.reencoded_because
        };
        out.push(rule_diagnostic(
            Code::TargetKeyReencoded,
            key.location.clone(),
            rules.encoding_rule,
            {
                let (from, label, reason_zh) = (pem.from, pem.label, reason.zh);
                tr!(
                    "the {from} key is sent as {label} ({reason})",
                    "{from} 私钥将以 {label} 发送（{reason_zh}）"
                )
            },
            tr!(
                "nothing to do; the fixes show the key's before and after encodings",
                "无需处理；修复中显示了私钥编码的前后对比"
            ),
        ));
        KeyFix {
            from: pem.from,
            to: pem.label,
            reason,
        }
    });
    if let Some(limit) = &rules.max {
        limit.check(
            &pem.pem,
            key.location.clone(),
            Words::new(
                "a key this long does not fit: use a 2048- to 4096-bit RSA key or an EC key",
                "私钥过长：请使用 2048 到 4096 位的 RSA 私钥或 EC 私钥",
            ),
            out,
        );
    }
    Some((pem, fix))
}

/// How a target takes an SM2 encryption pair given as two PEM fields.
pub(crate) struct PairRules {
    /// The certificate's field.
    pub certificate: &'static str,
    /// The key's field.
    pub key: &'static str,
    /// The rule the pair follows.
    pub rule: &'static Rule,
    /// How many certificates the certificate field may hold (the leaf and its chain).
    pub max_certificates: usize,
    /// The root: kept or dropped from the chain sent.
    pub root: crate::fixes::RootPolicy,
    /// The encoding the key is sent in.
    pub want: crate::fixes::KeyEncoding,
}

/// An SM2 encryption pair, checked and arranged.
pub(crate) struct EncryptionPair {
    /// The encryption certificate first, then its chain (PEM, normalised).
    pub certificates: String,
    /// Its private key, re-encoded.
    pub key: KeyPem,
}

/// Reads the encryption pair from its two fields: both present (else `None`, nothing said), at
/// most `max_certificates` certificates, the first an SM2 certificate whose unencrypted key is the
/// key given.
pub(crate) fn encryption_pair(
    ctx: &Context<'_>,
    rules: &PairRules,
    out: &mut Vec<Diagnostic>,
) -> Option<EncryptionPair> {
    use crate::analysis::public_key::KeyType;
    use crate::analysis::{self, Input, Options};
    let (Some(certificate), Some(key)) =
        (ctx.fields.get(rules.certificate), ctx.fields.get(rules.key))
    else {
        return None;
    };
    let certificate_name = format!("field {}", rules.certificate);
    let key_name = format!("field {}", rules.key);
    let inputs = [
        Input::new(&certificate_name, certificate.as_bytes()),
        Input::new(&key_name, key.as_bytes()),
    ];
    let pair = analysis::analyze_with(&inputs, &Options::default());
    let count = pair.certificates.len();
    if count == 0 || count > rules.max_certificates {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(rules.certificate),
            rules.rule,
            {
                let (field, max) = (rules.certificate, rules.max_certificates);
                tr!(
                    "{field} holds {count} certificate(s); it takes the encryption certificate and its \
                     chain, 1 to {max} certificates",
                    "{field} 中有 {count} 张证书；它接受加密证书及其证书链，共 1 到 {max} 张"
                )
            },
            tr!(
                "give the SM2 encryption certificate (PEM), optionally followed by its chain",
                "请给出 SM2 加密证书（PEM），其后可附证书链"
            ),
        ));
        return None;
    }
    let leaf = pair.report.chain.order.first().copied().unwrap_or(0);
    if pair.certificates[leaf].summary.public_key.key_type != KeyType::Sm2 {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(rules.certificate),
            rules.rule,
            {
                let key = describe_key(&pair.certificates[leaf].summary.public_key);
                tr!(
                    "the encryption certificate's key is {key}; it must be SM2",
                    "加密证书的密钥是 {key}；必须是 SM2"
                )
            },
            tr!("give the SM2 encryption certificate", "请给出 SM2 加密证书"),
        ));
        return None;
    }
    let key_ok = pair.keys.len() == 1
        && pair.keys[0].summary.matches_leaf == Some(true)
        && !pair.keys[0].summary.encrypted;
    if !key_ok {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(rules.key),
            rules.rule,
            {
                let field = rules.key;
                tr!(
                    "{field} must be the one unencrypted private key of the encryption certificate",
                    "{field} 必须是加密证书自己的那一个未加密私钥"
                )
            },
            tr!(
                "give the SM2 encryption certificate's own key, unencrypted (PEM)",
                "请给出 SM2 加密证书自己的私钥，不加密（PEM）"
            ),
        ));
        return None;
    }
    let bundle = crate::fixes::normalise_bundle(&pair, rules.root, "")?;
    let key = crate::fixes::reencode_key(&pair.keys[0], rules.want).ok()?;
    Some(EncryptionPair {
        certificates: bundle.full_pem,
        key,
    })
}

/// Checks the leaf's key against the key types a target takes (`offered` says which, for the
/// message), or says that no certificate was given; whether the leaf is an SM2 certificate.
pub(crate) fn check_leaf_key(
    analysis: &Analysis,
    taken: &[crate::analysis::public_key::KeyType],
    offered: Words,
    rules: (&Rule, &Rule),
    out: &mut Vec<Diagnostic>,
) -> bool {
    use crate::analysis::public_key::KeyType;
    let (count_rule, key_rule) = rules;
    let Some(&leaf) = analysis.report.chain.order.first() else {
        out.push(rule_diagnostic(
            Code::TargetCertificateCount,
            material_location(),
            count_rule,
            tr!("no certificate was given", "未提供证书"),
            tr!(
                "give the certificate and its intermediates (PEM)",
                "请给出证书及其中间证书（PEM）"
            ),
        ));
        return false;
    };
    let key = &analysis.certificates[leaf].summary.public_key;
    if !taken.contains(&key.key_type) {
        out.push(rule_diagnostic(
            Code::TargetKeyAlgorithm,
            certificate_location(analysis, leaf),
            key_rule,
            {
                let (key, offered, offered_zh) = (describe_key(key), offered.en, offered.zh);
                tr!(
                    "the certificate's key is {key}; {offered}",
                    "证书的密钥是 {key}；{offered_zh}"
                )
            },
            tr!(
                "use an RSA or ECDSA certificate",
                "请使用 RSA 或 ECDSA 证书"
            ),
        ));
    }
    key.key_type == KeyType::Sm2
}
