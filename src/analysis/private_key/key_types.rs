//! What an unencrypted private key is: its type, size, curve and public key, whatever the type,
//! so that no key is dropped without a word. RSA, EC on P-256/P-384/P-521 and SM2, and Ed25519
//! are what the targets take; DSA (RFC 3279 §2.3.2, OpenSSL's traditional `DSA PRIVATE KEY`), DH
//! (PKCS#3 and X9.42), Ed448, X25519 and X448 (RFC 8410), EC on other named curves, explicit
//! curve parameters and unknown algorithms are read as far as they can be and named, so that the
//! caller says no supported target takes them.
//!
//! Public keys of the types no target takes are derived with the `RustCrypto` crates (DSA and DH:
//! g^x mod p with `crypto-bigint`; X25519 with `curve25519-dalek`; Ed448 with
//! `ed448-goldilocks`; X448 with `x448`), and checked against the one the file embeds. EC keys on
//! curves no target takes report the public key the file embeds (SEC1 `publicKey`), unchecked:
//! the page carries no arithmetic for those curves.

use super::super::public_key::{self, Curve, KeyIdentity, KeyType};
use super::validity;
use crate::analysis::oids::{self, DH_PKCS3, DH_X942, DSA, ED448, X448, X25519};
use crate::lang::Text;
use der::asn1::{ObjectIdentifier as Oid, UintRef};
use der::{Decode, Encode};

/// Named curves no target takes, with the name pyca/cryptography and OpenSSL give them and
/// their size (the order's bits).
const OTHER_CURVES: [(Oid, &str, u32); 12] = [
    (Oid::new_unwrap("1.2.840.10045.3.1.1"), "secp192r1", 192),
    (Oid::new_unwrap("1.3.132.0.33"), "secp224r1", 224),
    (Oid::new_unwrap("1.3.132.0.10"), "secp256k1", 256),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.3"),
        "brainpoolP192r1",
        192,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.5"),
        "brainpoolP224r1",
        224,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.7"),
        "brainpoolP256r1",
        256,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.9"),
        "brainpoolP320r1",
        320,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.11"),
        "brainpoolP384r1",
        384,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.13"),
        "brainpoolP512r1",
        512,
    ),
    (Oid::new_unwrap("1.3.132.0.28"), "secp128r1", 128),
    (Oid::new_unwrap("1.3.132.0.9"), "secp160k1", 160),
    (Oid::new_unwrap("1.3.132.0.8"), "secp160r1", 160),
];

/// Post-quantum and other algorithms named in messages (FIPS 204, FIPS 203, RFC 8017).
const NAMED_ALGORITHMS: [(Oid, &str); 6] = [
    (Oid::new_unwrap("2.16.840.1.101.3.4.3.17"), "ML-DSA-44"),
    (Oid::new_unwrap("2.16.840.1.101.3.4.3.18"), "ML-DSA-65"),
    (Oid::new_unwrap("2.16.840.1.101.3.4.3.19"), "ML-DSA-87"),
    (Oid::new_unwrap("2.16.840.1.101.3.4.4.1"), "ML-KEM-512"),
    (Oid::new_unwrap("2.16.840.1.101.3.4.4.2"), "ML-KEM-768"),
    (Oid::new_unwrap("2.16.840.1.101.3.4.4.3"), "ML-KEM-1024"),
];

/// What reading an unencrypted key found. Holds no secret material.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// The family (`None` for an algorithm not known at all).
    pub key_type: Option<KeyType>,
    /// Size in bits.
    pub bits: Option<u32>,
    /// The curve (EC, SM2).
    pub curve: Option<Curve>,
    /// The public key.
    pub identity: Option<KeyIdentity>,
    /// Why the key cannot be valid (the first problem found), in words (both languages).
    pub invalid: Option<Text>,
    /// The key's type in words when no supported target takes it ("DSA 2048", "EC secp256k1"),
    /// in both languages.
    pub not_accepted: Option<Text>,
}

impl Reading {
    fn of(key_type: KeyType, bits: Option<u32>, curve: Option<Curve>) -> Self {
        Self {
            key_type: Some(key_type),
            bits,
            curve,
            ..Self::default()
        }
    }

    /// A key type said the same in both languages (a name: "X25519", "DSA 2048").
    fn not_accepted(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        self.not_accepted = Some(Text::new(name.clone(), name));
        self
    }
}

/// `OneAsymmetricKey` (RFC 5958 §2), read as OpenSSL does: version 0 or 1 whether or not a
/// public key follows (the `pkcs8` crate ties them), attributes skipped.
pub struct OneAsymmetricKey<'a> {
    /// 0 (v1) or 1 (v2); anything else makes the key invalid.
    pub version: i64,
    /// The key's algorithm.
    pub algorithm: spki::AlgorithmIdentifierRef<'a>,
    /// The private key octets.
    pub private_key: &'a [u8],
    /// The public key (v2), as the BIT STRING's bytes.
    pub public_key: Option<&'a [u8]>,
}

impl<'a> OneAsymmetricKey<'a> {
    /// Decodes one; `None` when `der` is not one.
    pub fn from_der(der: &'a [u8]) -> Option<Self> {
        use der::Reader;
        use der::asn1::{BitStringRef, ContextSpecific, OctetStringRef, SequenceRef};
        let mut reader = der::SliceReader::new(der).ok()?;
        let key = reader
            .sequence(|r| {
                let version = i64::decode(r)?;
                let algorithm = spki::AlgorithmIdentifierRef::decode(r)?;
                let private_key = <&OctetStringRef>::decode(r)?.as_bytes();
                r.context_specific::<&SequenceRef>(der::TagNumber(0), der::TagMode::Implicit)?;
                let public_key = r
                    .context_specific::<BitStringRef<'_>>(
                        der::TagNumber(1),
                        der::TagMode::Implicit,
                    )?
                    .and_then(|bits| bits.as_bytes());
                while !r.is_finished() {
                    r.decode::<ContextSpecific<der::AnyRef<'_>>>()?;
                }
                Ok::<_, der::Error>(OneAsymmetricKey {
                    version,
                    algorithm,
                    private_key,
                    public_key,
                })
            })
            .ok()?;
        reader.is_finished().then_some(key)
    }
}

/// Reads an unencrypted PKCS#8 `PrivateKeyInfo` / `OneAsymmetricKey` (RFC 5958). `None` when it
/// is not one.
pub fn pkcs8(der: &[u8]) -> Option<Reading> {
    let info = OneAsymmetricKey::from_der(der)?;
    let mut reading = pkcs8_key(&info);
    if !matches!(info.version, 0 | 1) {
        let version = info.version;
        reading.invalid = Some(tr!(
            "its PKCS#8 version is {version} (RFC 5958: 0 or 1)",
            "PKCS#8 版本为 {version}（RFC 5958：应为 0 或 1）"
        ));
    } else if (info.version == 1) != info.public_key.is_some() {
        // RFC 5958 §2: "If publicKey is present, then version is set to v2 else version is set
        // to v1." pyca/cryptography up to 50 refuses a key that breaks it (51 reads it).
        reading.invalid.get_or_insert_with(|| {
            let v = info.version + 1;
            tr!(
                "its PKCS#8 version (v{v}) does not say whether it carries a public key (RFC 5958 §2)",
                "PKCS#8 版本（v{v}）与是否带有公钥不符（RFC 5958 §2）"
            )
        });
    }
    Some(reading)
}

fn pkcs8_key(info: &OneAsymmetricKey<'_>) -> Reading {
    let oid = info.algorithm.oid;
    let key = info.private_key;
    let embedded_public = info.public_key;
    if oid == oids::RSA_ENCRYPTION || oid == oids::RSASSA_PSS {
        validity::rsa(key).unwrap_or_else(|| unreadable("RSA"))
    } else if oid == oids::EC_PUBLIC_KEY {
        let outer = info
            .algorithm
            .parameters
            .map(|p| p.to_der().unwrap_or_default());
        validity::ec(key, outer.as_deref()).unwrap_or_else(|| unreadable("EC"))
    } else if oid == oids::ED25519 {
        validity::ed25519(key, embedded_public).unwrap_or_else(|| unreadable("Ed25519"))
    } else if oid == X25519 {
        x25519(key, embedded_public)
    } else if oid == ED448 || oid == X448 {
        let (key_type, bits, name) = if oid == ED448 {
            (KeyType::Ed448, 456, "Ed448")
        } else {
            (KeyType::X448, 448, "X448")
        };
        let mut reading = Reading::of(key_type, Some(bits), None).not_accepted(name);
        let secret = <&der::asn1::OctetStringRef>::from_der(key)
            .ok()
            .map(|s| s.as_bytes());
        let derived = secret.and_then(|secret| {
            if oid == ED448 {
                ed448_public(secret)
            } else {
                x448_public(secret)
            }
        });
        match derived {
            Some(public) => {
                if embedded_public.is_some_and(|e| e != public.as_slice()) {
                    reading.invalid = Some(tr!(
                        "the public key it embeds is not its private key's",
                        "其中嵌入的公钥与私钥不对应"
                    ));
                }
                reading.identity = Some(KeyIdentity {
                    key_type,
                    bytes: public,
                });
            }
            None => {
                reading.invalid = Some(tr!(
                    "its {name} private key is not of its size",
                    "{name} 私钥的长度不对"
                ));
            }
        }
        reading
    } else if oid == DSA || oid == DH_PKCS3 || oid == DH_X942 {
        let params = info
            .algorithm
            .parameters
            .map(|p| p.to_der().unwrap_or_default());
        discrete_log(oid, params.as_deref(), key)
    } else {
        let name = NAMED_ALGORITHMS
            .iter()
            .find(|(known, _)| *known == oid)
            .map(|(_, name)| (*name).to_owned());
        Reading {
            key_type: name.as_ref().map(|_| KeyType::Other),
            not_accepted: Some(match name {
                Some(name) => Text::new(name.clone(), name),
                None => tr!("an unknown algorithm ({oid})", "未知算法（{oid}）"),
            }),
            ..Reading::default()
        }
    }
}

/// A key of a known type whose inner structure does not decode.
fn unreadable(what: &str) -> Reading {
    Reading {
        invalid: Some(tr!(
            "its {what} key structure does not decode",
            "{what} 私钥结构无法解码"
        )),
        ..Reading::default()
    }
}

/// RFC 8410 §7: `CurvePrivateKey ::= OCTET STRING`; the public key is `clamp(k)·B`.
fn x25519(key: &[u8], embedded: Option<&[u8]>) -> Reading {
    let mut reading = Reading::of(KeyType::X25519, Some(253), None).not_accepted("X25519");
    let Some(secret) = <&der::asn1::OctetStringRef>::from_der(key)
        .ok()
        .and_then(|s| <[u8; 32]>::try_from(s.as_bytes()).ok())
    else {
        reading.invalid = Some(tr!(
            "its X25519 private key is not 32 bytes",
            "X25519 私钥不是 32 字节"
        ));
        return reading;
    };
    let public = curve25519_dalek::MontgomeryPoint::mul_base_clamped(secret).to_bytes();
    if embedded.is_some_and(|e| e != public) {
        reading.invalid = Some(tr!(
            "the public key it embeds is not its private key's",
            "其中嵌入的公钥与私钥不对应"
        ));
    }
    reading.identity = Some(KeyIdentity {
        key_type: KeyType::X25519,
        bytes: public.to_vec(),
    });
    reading
}

/// RFC 8032 §5.2.5: the Ed448 public key of a 57-byte seed (`ed448-goldilocks`).
fn ed448_public(seed: &[u8]) -> Option<Vec<u8>> {
    let secret = ed448_goldilocks::SecretKey::try_from(seed).ok()?;
    let signing = ed448_goldilocks::SigningKey::from(secret);
    Some(signing.verifying_key().to_bytes().to_vec())
}

/// RFC 7748 §5: the X448 public key of a 56-byte secret (`x448`).
fn x448_public(secret: &[u8]) -> Option<Vec<u8>> {
    let secret = x448::StaticSecret::from(<[u8; 56]>::try_from(secret).ok()?);
    Some(x448::PublicKey::from(&secret).as_bytes().to_vec())
}

/// `Dss-Parms ::= SEQUENCE { p, q, g INTEGER }` (RFC 3279 §2.3.2) and PKCS#3's `DHParameter ::=
/// SEQUENCE { prime, base, privateValueLength OPTIONAL }`; X9.42's `DomainParameters` starts
/// with p, g, q.
fn discrete_log(oid: Oid, params: Option<&[u8]>, key: &[u8]) -> Reading {
    let (key_type, name) = if oid == DSA {
        (KeyType::Dsa, "DSA")
    } else {
        (KeyType::Dh, "DH")
    };
    let mut reading = Reading::of(key_type, None, None);
    let integers = params.and_then(|p| integers(p, 2));
    let (Some(integers), Ok(x)) = (integers, UintRef::from_der(key)) else {
        reading.not_accepted = Some(Text::new(name, name));
        reading.invalid = Some(tr!(
            "its {name} parameters or private value do not decode",
            "{name} 参数或私钥值无法解码"
        ));
        return reading;
    };
    // DSA: p, q, g; PKCS#3 DH: p, g; X9.42 DH: p, g, q.
    let (p, g) = if oid == DSA {
        (&integers[0], integers.get(2))
    } else {
        (&integers[0], integers.get(1))
    };
    let bits = public_key::uint_bits(p);
    reading.bits = Some(bits);
    reading.not_accepted = Some(tr!("{name} {bits}", "{name} {bits}"));
    match g.and_then(|g| validity::mod_pow(g, x.as_bytes(), p)) {
        Some(y) => {
            reading.identity = Some(KeyIdentity { key_type, bytes: y });
        }
        None => {
            reading.invalid = Some(tr!(
                "its {name} group cannot be valid",
                "{name} 群参数不可能有效"
            ));
        }
    }
    reading
}

/// The first `at_least` INTEGERs of a DER SEQUENCE (big-endian, as encoded), and any after them.
pub fn integers(der: &[u8], at_least: usize) -> Option<Vec<Vec<u8>>> {
    use der::Reader;
    let mut reader = der::SliceReader::new(der).ok()?;
    let values = reader
        .sequence(|r| {
            let mut values = Vec::new();
            while !r.is_finished() {
                if der::Tag::peek(r)? == der::Tag::Integer {
                    values.push(UintRef::decode(r)?.as_bytes().to_vec());
                } else {
                    // Something else (an optional field): skip it.
                    r.tlv_bytes()?;
                }
            }
            Ok::<_, der::Error>(values)
        })
        .ok()?;
    (values.len() >= at_least).then_some(values)
}

/// OpenSSL's traditional `DSA PRIVATE KEY`: `SEQUENCE { version 0, p, q, g, y, x }`.
pub fn dsa_traditional(der: &[u8]) -> Option<Reading> {
    use der::Reader;
    let mut reader = der::SliceReader::new(der).ok()?;
    let (version, values) = reader
        .sequence(|r| {
            let version = der::asn1::Int::decode(r)?;
            let mut values = Vec::new();
            while !r.is_finished() {
                values.push(UintRef::decode(r)?.as_bytes().to_vec());
            }
            Ok::<_, der::Error>((version, values))
        })
        .ok()?;
    let [p, _q, g, y, x] = <[Vec<u8>; 5]>::try_from(values).ok()?;
    let bits = public_key::uint_bits(&p);
    let mut reading =
        Reading::of(KeyType::Dsa, Some(bits), None).not_accepted(format!("DSA {bits}"));
    reading.identity = Some(KeyIdentity {
        key_type: KeyType::Dsa,
        bytes: strip(&y).to_vec(),
    });
    if version.as_bytes() != [0] {
        reading.invalid = Some(tr!("its version is not 0", "版本不是 0"));
    } else if validity::mod_pow(&g, &x, &p).as_deref() != Some(strip(&y)) {
        reading.invalid = Some(tr!(
            "its public value y is not g^x mod p",
            "公钥值 y 不等于 g^x mod p"
        ));
    }
    Some(reading)
}

fn strip(mut bytes: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

/// A named curve no target takes: its name and size.
pub fn other_curve(oid: &Oid) -> Option<(&'static str, u32)> {
    OTHER_CURVES
        .iter()
        .find(|(known, _, _)| known == oid)
        .map(|(_, name, bits)| (*name, *bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_skip_what_is_not_one() {
        // SEQUENCE { INTEGER 5, NULL, INTEGER 0x0100 }
        let der = [
            0x30, 0x09, 0x02, 0x01, 0x05, 0x05, 0x00, 0x02, 0x02, 0x01, 0x00,
        ];
        assert_eq!(integers(&der, 2), Some(vec![vec![5], vec![1, 0]]));
        assert_eq!(integers(&der, 3), None);
        assert_eq!(integers(b"\x02\x01\x05", 1), None);
    }

    #[test]
    fn unknown_algorithms_are_named() {
        // PrivateKeyInfo { 0, { 1.2.3.4 }, OCTET STRING {} }
        let der = [
            0x30, 0x0c, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x04, 0x00,
        ];
        let reading = pkcs8(&der).expect("a PrivateKeyInfo");
        assert_eq!(reading.key_type, None);
        assert_eq!(
            reading.not_accepted.as_ref().map(Text::en),
            Some("an unknown algorithm (1.2.3.4)")
        );
    }
}
