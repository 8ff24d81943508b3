//! Private keys: PKCS#1 (RFC 8017 A.1.2), PKCS#8 (RFC 5208/5958), SEC1 (RFC 5915), encrypted
//! PKCS#8 (PBES2, RFC 8018) and legacy OpenSSL encrypted PEM — decrypted locally with the user's
//! passphrase — reduced to their type, size and public key, so that they can be matched against
//! certificates and requests. The secret itself is never copied into a report.

use super::input::Item;
use super::legacy_pem::{self, LegacyPemError};
use super::public_key::{self, KeyIdentity, KeyType};
use crate::diagnostic::{Code, Diagnostic, Location};
use der::Decode;
use der::asn1::ObjectIdentifier as Oid;
use serde::Serialize;

/// How a private key was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyFormat {
    /// `RSA PRIVATE KEY` (PKCS#1 RSAPrivateKey).
    Pkcs1,
    /// `PRIVATE KEY` (PKCS#8 PrivateKeyInfo / OneAsymmetricKey).
    Pkcs8,
    /// `EC PRIVATE KEY` (SEC1 ECPrivateKey).
    Sec1,
    /// `ENCRYPTED PRIVATE KEY` (PKCS#8 EncryptedPrivateKeyInfo).
    EncryptedPkcs8,
    /// `RSA/EC PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED` and `DEK-Info` headers.
    LegacyEncryptedPem,
    /// A key bag inside a PKCS#12 file.
    Pkcs12,
}

impl KeyFormat {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyFormat::Pkcs1 => "pkcs1",
            KeyFormat::Pkcs8 => "pkcs8",
            KeyFormat::Sec1 => "sec1",
            KeyFormat::EncryptedPkcs8 => "encrypted_pkcs8",
            KeyFormat::LegacyEncryptedPem => "legacy_encrypted_pem",
            KeyFormat::Pkcs12 => "pkcs12",
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
    /// RSA, EC, Ed25519, SM2.
    #[serde(rename = "type")]
    pub key_type: Option<KeyType>,
    /// Key size in bits.
    pub bits: Option<u32>,
    /// Curve name for EC and SM2 keys.
    pub curve: Option<&'static str>,
    /// Whether it is the leaf certificate's key (`None` without certificates).
    pub matches_leaf: Option<bool>,
    /// The first certificate whose key it is.
    pub matches_certificate: Option<usize>,
    /// Every certificate whose key it is.
    pub matches_certificates: Vec<usize>,
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
    pub location: Location,
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
    let encrypted_legacy = matches!(legacy_pem::dek_info(&item.headers), Ok(Some(_)));
    let (format, encrypted) = match label {
        "ENCRYPTED PRIVATE KEY" => (KeyFormat::EncryptedPkcs8, true),
        _ if encrypted_legacy => (KeyFormat::LegacyEncryptedPem, true),
        "RSA PRIVATE KEY" => (KeyFormat::Pkcs1, false),
        "EC PRIVATE KEY" | "SM2 PRIVATE KEY" => (KeyFormat::Sec1, false),
        _ => (KeyFormat::Pkcs8, false),
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
        matches_leaf: None,
        matches_certificate: None,
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
    match describe_plain(&der, inner_format) {
        Some((key_type, bits, curve, identity)) => {
            summary.key_type = Some(key_type);
            summary.bits = bits;
            summary.curve = curve;
            if key_type == KeyType::Rsa
                && bits.is_some_and(|b| b < super::certificate::MIN_RSA_BITS)
            {
                diagnostics.push(Diagnostic::new(
                    Code::WeakRsaKey,
                    location.clone(),
                    format!("the private key is a {}-bit RSA key", bits.unwrap_or(0)),
                    "make a new key of at least 2048 bits and have the certificate reissued",
                ));
            }
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
        None => {
            diagnostics.push(Diagnostic::new(
                Code::InvalidAsn1,
                location.clone(),
                format!(
                    "block {} is labelled {label} but is not a readable private key",
                    location.block.unwrap_or(1)
                ),
                "export the key again (PEM, PKCS#8) from where it was made",
            ));
            ParsedKey {
                summary,
                identity: None,
                plain: None,
                location,
            }
        }
    }
}

/// Reads a decrypted PKCS#8 key (as found in a PKCS#12 key bag).
pub fn from_pkcs8(der: &[u8], index: usize, location: &Location) -> ParsedKey {
    let described = describe_plain(der, KeyFormat::Pkcs8);
    let summary = PrivateKeySummary {
        index,
        file: location.file.clone(),
        block: location.block,
        format: KeyFormat::Pkcs12,
        encrypted: true,
        decrypted: true,
        key_type: described.as_ref().map(|d| d.0),
        bits: described.as_ref().and_then(|d| d.1),
        curve: described.as_ref().and_then(|d| d.2),
        matches_leaf: None,
        matches_certificate: None,
        matches_certificates: Vec::new(),
    };
    ParsedKey {
        summary,
        identity: described.and_then(|d| d.3),
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
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plain {
    let Ok(info) = pkcs8::EncryptedPrivateKeyInfoRef::from_der(der) else {
        diagnostics.push(Diagnostic::new(
            Code::InvalidAsn1,
            at.clone(),
            "the ENCRYPTED PRIVATE KEY block is not a PKCS#8 EncryptedPrivateKeyInfo",
            "export the key again",
        ));
        return Plain::Failed;
    };
    let Some(passphrase) = passphrase else {
        diagnostics.push(needs_passphrase(at));
        return Plain::Failed;
    };
    match info.decrypt(passphrase.as_bytes()) {
        Ok(document) if pkcs8::PrivateKeyInfoRef::from_der(document.as_bytes()).is_ok() => {
            Plain::Der(document.as_bytes().to_vec(), KeyFormat::Pkcs8)
        }
        Ok(_)
        | Err(pkcs8::Error::EncryptedPrivateKey(pkcs5::Error::DecryptFailed))
        | Err(pkcs8::Error::Asn1(_)) => {
            diagnostics.push(wrong_passphrase(at));
            Plain::Failed
        }
        Err(error) => {
            diagnostics.push(Diagnostic::new(
                Code::UnsupportedEncryption,
                at.clone(),
                format!("the key's encryption is not supported here ({error})"),
                "re-export it with PBES2 and AES-256: openssl pkcs8 -topk8 -v2 aes-256-cbc",
            ));
            Plain::Failed
        }
    }
}

fn decrypt_legacy(
    item: &Item,
    label: &str,
    passphrase: Option<&str>,
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plain {
    let inner = if label == "RSA PRIVATE KEY" {
        KeyFormat::Pkcs1
    } else {
        KeyFormat::Sec1
    };
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
        Err(other) => {
            diagnostics.push(Diagnostic::new(
                Code::UnsupportedEncryption,
                at.clone(),
                format!("the key's legacy PEM encryption cannot be read ({other:?})"),
                "re-export it as PKCS#8 with AES-256: openssl pkcs8 -topk8 -v2 aes-256-cbc",
            ));
            Plain::Failed
        }
    }
}

/// The PEM label a binary (DER) private key would carry.
fn der_key_label(der: &[u8]) -> &'static str {
    if pkcs8::EncryptedPrivateKeyInfoRef::from_der(der).is_ok() {
        "ENCRYPTED PRIVATE KEY"
    } else if pkcs8::PrivateKeyInfoRef::from_der(der).is_ok() {
        "PRIVATE KEY"
    } else if pkcs1::RsaPrivateKey::<der::asn1::UintRef>::from_der(der).is_ok() {
        "RSA PRIVATE KEY"
    } else {
        "EC PRIVATE KEY"
    }
}

fn needs_passphrase(at: &Location) -> Diagnostic {
    Diagnostic::new(
        Code::EncryptedKeyNeedsPassphrase,
        at.clone(),
        "the private key is encrypted and no passphrase was given",
        crate::diagnostic::Hint::per_surface(
            "enter the passphrase in the passphrase field (it stays in this page)",
            "give the passphrase with --passphrase-env VAR (it stays on this machine)",
        ),
    )
}

fn wrong_passphrase(at: &Location) -> Diagnostic {
    Diagnostic::new(
        Code::WrongPassphrase,
        at.clone(),
        "the passphrase does not decrypt the private key",
        "check the passphrase; the key itself was not changed",
    )
}

type Described = (
    KeyType,
    Option<u32>,
    Option<&'static str>,
    Option<KeyIdentity>,
);

/// Type, bits, curve and public key of an unencrypted key in the given format.
fn describe_plain(der: &[u8], format: KeyFormat) -> Option<Described> {
    match format {
        KeyFormat::Pkcs1 => rsa_private(der),
        KeyFormat::Sec1 => ec_private(der, None),
        _ => {
            let info = pkcs8::PrivateKeyInfoRef::from_der(der).ok()?;
            let oid = info.algorithm.oid;
            let key = info.private_key.as_bytes();
            if oid == public_key::RSA_ENCRYPTION || oid == public_key::RSASSA_PSS {
                rsa_private(key)
            } else if oid == public_key::EC_PUBLIC_KEY {
                let curve = info
                    .algorithm
                    .parameters
                    .and_then(|p| p.decode_as::<Oid>().ok());
                ec_private(key, curve)
            } else if oid == public_key::ED25519 {
                // RFC 8410 §7: CurvePrivateKey ::= OCTET STRING (the 32-byte seed).
                let seed = <&der::asn1::OctetStringRef>::from_der(key).ok()?;
                let seed = <[u8; 32]>::try_from(seed.as_bytes()).ok()?;
                let public = ed25519_dalek::SigningKey::from_bytes(&seed)
                    .verifying_key()
                    .to_bytes();
                let identity = KeyIdentity {
                    key_type: KeyType::Ed25519,
                    bytes: public.to_vec(),
                };
                Some((KeyType::Ed25519, Some(256), None, Some(identity)))
            } else {
                Some((KeyType::Other, None, None, None))
            }
        }
    }
}

fn rsa_private(der: &[u8]) -> Option<Described> {
    let key = pkcs1::RsaPrivateKey::<der::asn1::UintRef>::from_der(der).ok()?;
    let bits = public_key::uint_bits(key.modulus.as_bytes());
    let identity = public_key::rsa_identity(key.modulus.as_bytes(), key.public_exponent.as_bytes());
    Some((KeyType::Rsa, Some(bits), None, Some(identity)))
}

fn ec_private(der: &[u8], curve_from_pkcs8: Option<Oid>) -> Option<Described> {
    let key = sec1::EcPrivateKey::from_der(der).ok()?;
    let curve_oid = curve_from_pkcs8.or(match key.parameters {
        Some(sec1::EcParameters::NamedCurve(oid)) => Some(oid),
        _ => None,
    })?;
    let (key_type, bits, curve) = match curve_oid {
        c if c == public_key::P256 => (KeyType::Ec, 256, "P-256"),
        c if c == public_key::P384 => (KeyType::Ec, 384, "P-384"),
        c if c == public_key::P521 => (KeyType::Ec, 521, "P-521"),
        c if c == public_key::SM2_CURVE => (KeyType::Sm2, 256, "SM2"),
        _ => return Some((KeyType::Ec, None, None, None)),
    };
    let identity = match key.public_key {
        Some(point) => public_key::ec_identity(curve, point),
        None => derive_ec_public(curve, key.private_key),
    };
    Some((key_type, Some(bits), Some(curve), identity))
}

/// The public point of an EC secret scalar (for SEC1 keys written without their public key).
fn derive_ec_public(curve: &str, secret: &[u8]) -> Option<KeyIdentity> {
    let point = match curve {
        "P-256" => p256::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        "P-384" => p384::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        "P-521" => p521::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        "SM2" => sm2::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        _ => return None,
    };
    public_key::ec_identity(curve, &point)
}
