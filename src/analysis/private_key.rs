//! Private keys: PKCS#1 (RFC 8017 A.1.2), PKCS#8 (RFC 5208/5958), SEC1 (RFC 5915), OpenSSL's
//! traditional DSA, encrypted PKCS#8 (PBES1, PBES2, the PKCS#12 PBE schemes: `decryption`) and
//! legacy OpenSSL encrypted PEM — decrypted locally with the user's passphrase, within the
//! published ceilings (`ceilings`) — reduced to their type, size and public key (`key_types`),
//! checked for validity (`validity`), so that they can be matched against certificates and
//! requests. A key no target takes is named, never dropped. The secret itself is never copied
//! into a report.

pub mod ceilings;
pub mod decryption;
pub mod key_types;
pub mod validity;

use super::item::Item;
use super::legacy_pem::{self, LegacyPemError};
use super::public_key::{Curve, KeyIdentity, KeyType};
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use serde::Serialize;

/// How a private key was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFormat {
    /// `RSA PRIVATE KEY` (PKCS#1 `RSAPrivateKey`).
    Pkcs1,
    /// `PRIVATE KEY` (PKCS#8 `PrivateKeyInfo` / `OneAsymmetricKey`).
    Pkcs8,
    /// `EC PRIVATE KEY` (SEC1 `ECPrivateKey`).
    Sec1,
    /// `ENCRYPTED PRIVATE KEY` (PKCS#8 `EncryptedPrivateKeyInfo`).
    EncryptedPkcs8,
    /// `RSA/EC/DSA PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED` and `DEK-Info` headers.
    LegacyEncryptedPem,
    /// `DSA PRIVATE KEY` (OpenSSL's traditional DSA: version, p, q, g, y, x).
    Dsa,
    /// A key bag inside a PKCS#12 file.
    Pkcs12,
}

crate::words::serialize_as_str!(KeyFormat);

impl KeyFormat {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pkcs1 => "pkcs1",
            Self::Pkcs8 => "pkcs8",
            Self::Sec1 => "sec1",
            Self::EncryptedPkcs8 => "encrypted_pkcs8",
            Self::LegacyEncryptedPem => "legacy_encrypted_pem",
            Self::Dsa => "dsa",
            Self::Pkcs12 => "pkcs12",
        }
    }
}

/// The facts about one private key. Holds no secret material.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrivateKeySummary {
    /// Position among all private keys, from 0.
    pub index: usize,
    /// The input it came from.
    pub file: String,
    /// Its block within that input.
    pub block: Option<usize>,
    /// How it was encoded.
    pub format: KeyFormat,
    /// Whether it was encrypted.
    pub encrypted: bool,
    /// Whether it could be read (false when the passphrase was missing or wrong).
    pub decrypted: bool,
    /// RSA, EC, Ed25519, SM2, or a type no target takes (DSA, DH, Ed448, X25519, X448, other).
    #[serde(rename = "type")]
    pub key_type: Option<KeyType>,
    /// Key size in bits.
    pub bits: Option<u32>,
    /// Curve name for EC and SM2 keys.
    pub curve: Option<Curve>,
    /// The public key, in hex: the RSA modulus, `ff` and the exponent; the uncompressed EC
    /// point; the raw Ed25519/Ed448/X25519/X448 key; the DSA/DH public value y. Public, so
    /// shown; compared with pyca/cryptography's by the tests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// Its alias, for a key of a PKCS#12 file that names its entries (the bag's `friendlyName`, as
    /// keytool writes for every entry and `openssl pkcs12 -export -name` for the key's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Whether it is the leaf certificate's key (`None` without certificates).
    pub matches_leaf: Option<bool>,
    /// Every certificate whose key it is. The JSON also holds `matches_certificate`, the first.
    #[serde(flatten, serialize_with = "serialize_matches")]
    pub matches_certificates: Vec<usize>,
}

/// `matches_certificate` (the first match, a key of the JSON older than the list) and
/// `matches_certificates`.
fn serialize_matches<S: serde::Serializer>(
    matches: &[usize],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(2))?;
    map.serialize_entry("matches_certificate", &matches.first())?;
    map.serialize_entry("matches_certificates", matches)?;
    map.end()
}

/// An unencrypted private key: DER and its encoding (PKCS#1, SEC1 or PKCS#8).
#[derive(Clone)]
pub struct PlainKey {
    /// The DER bytes.
    pub der: Vec<u8>,
    /// Which structure `der` holds.
    pub format: KeyFormat,
}

impl std::fmt::Debug for PlainKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PlainKey({:?}, ** REDACTED **)", self.format)
    }
}

/// A decoded private key: its summary and its public key.
#[derive(Clone, Debug)]
pub struct ParsedKey {
    /// The facts.
    pub summary: PrivateKeySummary,
    /// Its public key, when it could be derived.
    pub identity: Option<KeyIdentity>,
    /// The unencrypted key (DER in `plain_format`), kept in memory only to build an upload
    /// request; never printed, never serialised.
    pub plain: Option<PlainKey>,
    /// Where it came from.
    pub location: InputLocation,
}

/// The passphrase outcome when reading a key.
enum Plain {
    Der(Vec<u8>, KeyFormat),
    Failed,
}

/// Reads one private-key item. `passphrase` is used only to decrypt, never stored or printed.
// Not inlined into the analysis loop: the browser compiles a wasm function whole on its first
// call, and most inputs never need this one.
#[inline(never)]
pub fn parse(
    item: &Item,
    index: usize,
    passphrase: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> ParsedKey {
    let label = item
        .label
        .as_deref()
        .unwrap_or_else(|| der_key_label(&item.der));
    // Malformed encryption headers are still encryption headers: the key is not read as plain.
    let encrypted_legacy = !matches!(legacy_pem::dek_info(&item.headers), Ok(None));
    let (format, encrypted) = match label {
        "ENCRYPTED PRIVATE KEY" => (KeyFormat::EncryptedPkcs8, true),
        _ if encrypted_legacy => (KeyFormat::LegacyEncryptedPem, true),
        other => (plain_format(other), false),
    };
    let mut summary = PrivateKeySummary {
        index,
        file: item.location.file.clone(),
        block: item.location.block,
        format,
        encrypted,
        decrypted: !encrypted,
        key_type: None,
        bits: None,
        curve: None,
        public_key: None,
        alias: None,
        matches_leaf: None,
        matches_certificates: Vec::new(),
    };
    let location = item.location.clone();
    let plain = match format {
        KeyFormat::EncryptedPkcs8 => decrypt_pkcs8(&item.der, passphrase, &location, diagnostics),
        KeyFormat::LegacyEncryptedPem => {
            decrypt_legacy(item, label, passphrase, &location, diagnostics)
        }
        other => Plain::Der(item.der.clone(), other),
    };
    let Plain::Der(der, inner_format) = plain else {
        summary.decrypted = false;
        return ParsedKey {
            summary,
            identity: None,
            plain: None,
            location,
        };
    };
    summary.decrypted = true;
    let Some(reading) = read(&der, inner_format) else {
        diagnostics.push(Diagnostic::new(
            Code::InvalidAsn1,
            location.clone(),
            {
                let n = location.block.unwrap_or(1);
                let label_zh = super::pem::label_zh(label);
                tr!(
                    "block {n} is labelled {label} but is not a readable private key",
                    "第 {n} 块标为 {label_zh}，却不是可读取的私钥"
                )
            },
            tr!(
                "export the key again (PEM, PKCS#8) from where it was made",
                "请从生成私钥的地方重新导出（PEM，PKCS#8）"
            ),
        ));
        return ParsedKey {
            summary,
            identity: None,
            plain: None,
            location,
        };
    };
    let identity = describe(&mut summary, &reading, &location, diagnostics);
    ParsedKey {
        summary,
        identity,
        plain: Some(PlainKey {
            der,
            format: inner_format,
        }),
        location,
    }
}

/// The unencrypted format a PEM label names.
fn plain_format(label: &str) -> KeyFormat {
    match label {
        "RSA PRIVATE KEY" => KeyFormat::Pkcs1,
        "EC PRIVATE KEY" | "SM2 PRIVATE KEY" => KeyFormat::Sec1,
        "DSA PRIVATE KEY" => KeyFormat::Dsa,
        _ => KeyFormat::Pkcs8,
    }
}

/// Reads an unencrypted key in the given format; `None` when it is not that structure.
fn read(der: &[u8], format: KeyFormat) -> Option<key_types::Reading> {
    match format {
        KeyFormat::Pkcs1 => validity::rsa(der),
        KeyFormat::Sec1 => validity::ec(der, None),
        KeyFormat::Dsa => key_types::dsa_traditional(der),
        _ => key_types::pkcs8(der),
    }
}

/// Fills the summary from a reading and says what is wrong with the key, if anything.
fn describe(
    summary: &mut PrivateKeySummary,
    reading: &key_types::Reading,
    at: &InputLocation,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<KeyIdentity> {
    summary.key_type = reading.key_type;
    summary.bits = reading.bits;
    summary.curve = reading.curve;
    summary.public_key = reading
        .identity
        .as_ref()
        .map(|identity| base16ct::lower::encode_string(&identity.bytes));
    if let Some(what) = &reading.not_accepted {
        diagnostics.push(Diagnostic::new(
            Code::KeyTypeNotAccepted,
            at.clone(),
            {
                let (what, what_zh) = (what.en(), what.zh());
                tr!(
                    "the private key is {what}: no supported target takes this type of key",
                    "私钥为 {what_zh}：没有任何支持的目标接受这种类型的私钥"
                )
            },
            tr!(
                "make a key of a type the targets take, e.g. openssl genpkey -algorithm RSA -pkeyopt \
                 rsa_keygen_bits:2048 (or EC P-256), and have the certificate issued for it",
                "请生成目标接受的类型的私钥，例如 openssl genpkey -algorithm RSA -pkeyopt \
                 rsa_keygen_bits:2048（或 EC P-256），并为它签发证书"
            ),
        ));
    }
    if let Some(why) = &reading.invalid {
        diagnostics.push(Diagnostic::new(
            Code::KeyInvalid,
            at.clone(),
            {
                let (why, why_zh) = (why.en(), why.zh());
                tr!(
                    "the private key cannot be valid: {why}",
                    "私钥不可能有效：{why_zh}"
                )
            },
            tr!(
                "make a new key and have its certificate reissued; this one is damaged or was altered",
                "请生成新私钥并重新签发证书；这个私钥已损坏或被改动"
            ),
        ));
    }
    if reading.key_type == Some(KeyType::Rsa)
        && reading
            .bits
            .is_some_and(|b| b < super::certificate::MIN_RSA_BITS)
    {
        diagnostics.push(Diagnostic::new(
            Code::WeakRsaKey,
            at.clone(),
            {
                let bits = reading.bits.unwrap_or(0);
                tr!(
                    "the private key is a {bits}-bit RSA key",
                    "私钥是 {bits} 位的 RSA 密钥"
                )
            },
            tr!(
                "make a new key of at least 2048 bits and have the certificate reissued",
                "请生成至少 2048 位的新私钥，并重新签发证书"
            ),
        ));
    }
    reading.identity.clone()
}

/// Reads a decrypted PKCS#8 key of a PKCS#12 file (its bag says whether it was encrypted; its
/// alias, when the file names its entries, is kept).
pub(crate) fn from_pkcs12(
    key: &super::pkcs12::Pkcs12Key,
    index: usize,
    location: &InputLocation,
    diagnostics: &mut Vec<Diagnostic>,
) -> ParsedKey {
    let der = key.der.as_slice();
    let mut summary = PrivateKeySummary {
        index,
        file: location.file.clone(),
        block: location.block,
        format: KeyFormat::Pkcs12,
        encrypted: key.bag == super::pkcs12::KeyBag::Shrouded,
        decrypted: true,
        key_type: None,
        bits: None,
        curve: None,
        public_key: None,
        alias: key.alias.clone(),
        matches_leaf: None,
        matches_certificates: Vec::new(),
    };
    let identity = match key_types::pkcs8(der) {
        Some(reading) => describe(&mut summary, &reading, location, diagnostics),
        None => None,
    };
    ParsedKey {
        summary,
        identity,
        plain: Some(PlainKey {
            der: der.to_vec(),
            format: KeyFormat::Pkcs8,
        }),
        location: location.clone(),
    }
}

fn decrypt_pkcs8(
    der: &[u8],
    passphrase: Option<&str>,
    at: &InputLocation,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plain {
    let Some(algorithm) = decryption::pkcs8_algorithm(der) else {
        diagnostics.push(Diagnostic::new(
            Code::InvalidAsn1,
            at.clone(),
            tr!(
                "the ENCRYPTED PRIVATE KEY block is not a PKCS#8 EncryptedPrivateKeyInfo",
                "ENCRYPTED PRIVATE KEY 块不是 PKCS#8 EncryptedPrivateKeyInfo"
            ),
            tr!("export the key again", "请重新导出私钥"),
        ));
        return Plain::Failed;
    };
    // A scheme that cannot be read, or a derivation above the ceilings, is said at once: a
    // passphrase would not help.
    if let Err(error) = decryption::check(&algorithm) {
        diagnostics.push(decryption_diagnostic(error, at));
        return Plain::Failed;
    }
    let Some(passphrase) = passphrase else {
        diagnostics.push(needs_passphrase(at));
        return Plain::Failed;
    };
    if cfg!(not(feature = "encrypted-inputs")) {
        let what = tr!(
            "encrypted PKCS#8 (not supported in this build)",
            "加密的 PKCS#8（此构建不支持）"
        );
        diagnostics.push(decryption_diagnostic(
            decryption::DecryptError::Unsupported(what),
            at,
        ));
        return Plain::Failed;
    }
    // The passphrase as the standards encode it, then (wrong so, beyond ASCII) as OpenSSL before
    // 1.1.0 did; the first form's error is said.
    let mut forms = decryption::Password::forms(passphrase).into_iter();
    let mut plain = forms
        .next()
        .map_or(Err(decryption::DecryptError::WrongPassword), |first| {
            decryption::decrypt_pkcs8(der, first)
        });
    if matches!(plain, Err(decryption::DecryptError::WrongPassword))
        && let Some(key) = forms.find_map(|form| decryption::decrypt_pkcs8(der, form).ok())
    {
        diagnostics.push(old_openssl_password(at));
        plain = Ok(key);
    }
    match plain {
        Ok(plain) => Plain::Der(plain, KeyFormat::Pkcs8),
        Err(error) => {
            diagnostics.push(decryption_diagnostic(error, at));
            Plain::Failed
        }
    }
}

/// `old-openssl-password`: the password opened the PKCS#12 file or key at `at` only as OpenSSL
/// before 1.1.0 encoded it ([`decryption::Password::OldOpenSsl`]).
pub(crate) fn old_openssl_password(at: &InputLocation) -> Diagnostic {
    Diagnostic::new(
        Code::OldOpensslPassword,
        at.clone(),
        tr!(
            "the password opened this only as OpenSSL before 1.1.0 encoded a password beyond ASCII (each UTF-8 byte a character, where RFC 7292 wants UTF-16): Windows, Java and most other tools will call it wrong",
            "只有按 OpenSSL 1.1.0 之前的方式编码含非 ASCII 字符的密码（把 UTF-8 的每个字节当作一个字符，而 RFC 7292 要求 UTF-16），该密码才能打开它：Windows、Java 和多数其他工具会认为密码错误"
        ),
        tr!(
            "nothing to do for the upload (what it holds was read); to use this file elsewhere, export it again with OpenSSL 1.1.0 or later",
            "上传无需处理（其内容已读出）；如需在别处使用此文件，请用 OpenSSL 1.1.0 或更高版本重新导出"
        ),
    )
}

/// The diagnostic for a key or container that could not be decrypted.
pub(crate) fn decryption_diagnostic(
    error: decryption::DecryptError,
    at: &InputLocation,
) -> Diagnostic {
    use decryption::DecryptError as E;
    match error {
        E::WrongPassword => wrong_passphrase(at),
        E::Unsupported(what) => Diagnostic::new(
            Code::UnsupportedEncryption,
            at.clone(),
            {
                let (what, what_zh) = (what.en(), what.zh());
                tr!(
                    "the key is encrypted with {what}, which is not read here",
                    "私钥使用 {what_zh} 加密，此处无法读取"
                )
            },
            tr!(
                "re-export it with PBES2 and AES-256: openssl pkcs8 -topk8 -v2 aes-256-cbc",
                "请用 PBES2 和 AES-256 重新导出：openssl pkcs8 -topk8 -v2 aes-256-cbc"
            ),
        ),
        E::Malformed(what) => Diagnostic::new(
            Code::InvalidAsn1,
            at.clone(),
            {
                let (what, what_zh) = (what.en(), what.zh());
                tr!(
                    "the key's encryption parameters cannot be right: {what}",
                    "私钥的加密参数不可能正确：{what_zh}"
                )
            },
            tr!(
                "export the key again from where it was made",
                "请从生成私钥的地方重新导出"
            ),
        ),
        E::OverCeiling(over) => over_ceiling(&over, at),
    }
}

/// The diagnostic for a derivation above the ceilings.
pub(crate) fn over_ceiling(over: &ceilings::OverCeiling, at: &InputLocation) -> Diagnostic {
    Diagnostic::new(
        Code::KeyDerivationOverCeiling,
        at.clone(),
        {
            let over = over.text();
            let (over, over_zh) = (over.en(), over.zh());
            tr!(
                "{over}; no real tool writes that, so the key derivation is not attempted",
                "{over_zh}；没有真实的工具会这样写，因此不尝试密钥派生"
            )
        },
        tr!(
            "re-export it with the tool's defaults, e.g. openssl pkcs8 -topk8 -v2 aes-256-cbc \
             (2,048 iterations) or openssl pkcs12 -export",
            "请用工具的默认设置重新导出，例如 openssl pkcs8 -topk8 -v2 aes-256-cbc\
             （2,048 次迭代）或 openssl pkcs12 -export"
        ),
    )
}

fn decrypt_legacy(
    item: &Item,
    label: &str,
    passphrase: Option<&str>,
    at: &InputLocation,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plain {
    let inner = plain_format(label);
    match legacy_pem::decrypt(&item.headers, &item.der, passphrase) {
        Ok(der) => Plain::Der(der, inner),
        Err(LegacyPemError::NeedsPassphrase) => {
            diagnostics.push(needs_passphrase(at));
            Plain::Failed
        }
        Err(LegacyPemError::WrongPassphrase) => {
            diagnostics.push(wrong_passphrase(at));
            Plain::Failed
        }
        Err(LegacyPemError::UnsupportedCipher(name)) => {
            diagnostics.push(Diagnostic::new(
                Code::UnsupportedEncryption,
                at.clone(),
                tr!(
                    "the key's legacy PEM encryption ({name}) is not read here",
                    "私钥的旧式 PEM 加密（{name}）此处无法读取"
                ),
                tr!(
                    "re-export it as PKCS#8 with AES-256: openssl pkcs8 -topk8 -v2 aes-256-cbc",
                    "请以 AES-256 重新导出为 PKCS#8：openssl pkcs8 -topk8 -v2 aes-256-cbc"
                ),
            ));
            Plain::Failed
        }
        Err(LegacyPemError::MalformedHeaders(what)) => {
            diagnostics.push(Diagnostic::new(
                Code::InvalidAsn1,
                at.clone(),
                {
                    let (what, what_zh) = (what.en(), what.zh());
                    tr!(
                        "the key's encryption headers are malformed: {what}",
                        "私钥的加密头格式错误：{what_zh}"
                    )
                },
                tr!(
                    "copy the key again with its Proc-Type and DEK-Info lines as they were",
                    "请连同原样的 Proc-Type 和 DEK-Info 行重新复制私钥"
                ),
            ));
            Plain::Failed
        }
    }
}

/// The PEM label a binary (DER) private key would carry.
fn der_key_label(der: &[u8]) -> &'static str {
    if decryption::pkcs8_algorithm(der).is_some() {
        "ENCRYPTED PRIVATE KEY"
    } else if key_types::OneAsymmetricKey::from_der(der).is_some() {
        "PRIVATE KEY"
    } else if validity::rsa(der).is_some() {
        "RSA PRIVATE KEY"
    } else if key_types::dsa_traditional(der).is_some() {
        "DSA PRIVATE KEY"
    } else {
        "EC PRIVATE KEY"
    }
}

/// Whether DER bytes are a private key in any form read here (PKCS#8, encrypted PKCS#8 with any
/// scheme, PKCS#1 with any version, SEC1 with any parameters, traditional DSA).
pub fn looks_like_private_key(der: &[u8]) -> bool {
    decryption::pkcs8_algorithm(der).is_some()
        || key_types::OneAsymmetricKey::from_der(der).is_some()
        || validity::rsa(der).is_some()
        || validity::ec(der, None).is_some()
        || key_types::dsa_traditional(der).is_some()
}

fn needs_passphrase(at: &InputLocation) -> Diagnostic {
    Diagnostic::new(
        Code::EncryptedKeyNeedsPassphrase,
        at.clone(),
        tr!(
            "the private key is encrypted and no passphrase was given",
            "私钥已加密，但未提供口令"
        ),
        crate::diagnostic::Hint::per_surface(
            tr!(
                "enter the passphrase in the passphrase field (it stays in this page)",
                "请在口令框中输入口令（只留在本页面）"
            ),
            tr!(
                "give the passphrase with --passphrase-env VAR (it stays on this machine)",
                "用 --passphrase-env VAR 给出口令（只留在本机）"
            ),
        ),
    )
}

fn wrong_passphrase(at: &InputLocation) -> Diagnostic {
    Diagnostic::new(
        Code::WrongPassphrase,
        at.clone(),
        tr!(
            "the passphrase does not decrypt the private key",
            "口令无法解密该私钥"
        ),
        tr!(
            "check the passphrase; the key itself was not changed",
            "请核对口令；私钥本身没有改动"
        ),
    )
}
