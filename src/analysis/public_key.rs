//! Public keys (RFC 5280 §4.1.2.7 SubjectPublicKeyInfo): what kind and size a key is, a normalised
//! form to compare keys by, and signature verification with the `RustCrypto` crates.
//!
//! Algorithms: RSA PKCS#1 v1.5 (RFC 8017 §8.2) with SHA-1/SHA-2, RSASSA-PSS (RFC 4055), ECDSA on
//! P-256/P-384/P-521 (RFC 5758), Ed25519 (RFC 8410) and SM2 with SM3 (GB/T 32918, the default
//! distinguishing ID `1234567812345678`, GM/T 0009).

use super::oids::{
    EC_PUBLIC_KEY, ED25519, P256, P384, P521, RSA_ENCRYPTION, RSASSA_PSS, SM2_CURVE,
};
use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Encode};
use serde::Serialize;
use signature::Verifier;
use signature::hazmat::PrehashVerifier;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

/// The default SM2 distinguishing ID (GM/T 0009-2012 §10): the ASCII digits 1–8 twice.
pub const SM2_DEFAULT_DISTID: &str = "1234567812345678";

/// The family of a public key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// RSA (rsaEncryption or RSASSA-PSS keys).
    Rsa,
    /// ECDSA on a NIST prime curve.
    Ec,
    /// Ed25519.
    Ed25519,
    /// SM2 (an EC key on the SM2 curve).
    Sm2,
    /// DSA (FIPS 186): no target takes it.
    Dsa,
    /// Diffie-Hellman (PKCS#3, X9.42): no target takes it.
    Dh,
    /// Ed448 (RFC 8410): no target takes it.
    Ed448,
    /// X25519 (RFC 8410): no target takes it.
    X25519,
    /// X448 (RFC 8410): no target takes it.
    X448,
    /// Anything else (ML-DSA, ML-KEM, …).
    Other,
}

crate::words::serialize_as_str!(KeyType);

impl KeyType {
    /// The name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rsa => "RSA",
            Self::Ec => "EC",
            Self::Ed25519 => "Ed25519",
            Self::Sm2 => "SM2",
            Self::Dsa => "DSA",
            Self::Dh => "DH",
            Self::Ed448 => "Ed448",
            Self::X25519 => "X25519",
            Self::X448 => "X448",
            Self::Other => "other",
        }
    }
}

/// A named elliptic curve: the four the targets take, or another named curve a private key was
/// found on (named as pyca/cryptography and OpenSSL name it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Curve {
    /// NIST P-256 (`prime256v1`, `secp256r1`).
    P256,
    /// NIST P-384 (`secp384r1`).
    P384,
    /// NIST P-521 (`secp521r1`).
    P521,
    /// The SM2 curve (GM/T 0006).
    Sm2,
    /// A named curve no target takes (`secp256k1`, `brainpoolP256r1`, ...).
    Other(&'static str),
}

impl Curve {
    /// The curve `oid` names, when it is one of the four the targets take.
    pub fn of_target(oid: &Oid) -> Option<Self> {
        Some(match *oid {
            c if c == P256 => Self::P256,
            c if c == P384 => Self::P384,
            c if c == P521 => Self::P521,
            c if c == SM2_CURVE => Self::Sm2,
            _ => return None,
        })
    }

    /// The key family on this curve: SM2 on the SM2 curve, EC on every other.
    pub fn key_type(self) -> KeyType {
        match self {
            Self::Sm2 => KeyType::Sm2,
            _ => KeyType::Ec,
        }
    }

    /// The field size in bits of a curve the targets take.
    pub fn bits(self) -> Option<u32> {
        match self {
            Self::P256 | Self::Sm2 => Some(256),
            Self::P384 => Some(384),
            Self::P521 => Some(521),
            Self::Other(_) => None,
        }
    }

    /// The name used in JSON, text and messages (`P-256`, `SM2`, `secp256k1`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
            Self::Sm2 => "SM2",
            Self::Other(name) => name,
        }
    }
}

impl std::fmt::Display for Curve {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::words::serialize_as_str!(Curve);

/// What a public key is: type, size in bits and curve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicKeyInfo {
    /// The key's family.
    #[serde(rename = "type")]
    pub key_type: KeyType,
    /// RSA modulus bits; the curve's field size for EC and SM2; 256 for Ed25519.
    pub bits: Option<u32>,
    /// The curve of an EC or SM2 key.
    pub curve: Option<Curve>,
    /// The algorithm OID, dotted (kept for keys of another family).
    #[serde(skip)]
    pub algorithm_oid: String,
}

/// A public key reduced to the bytes that identify it, so that a key from a certificate, a CSR and
/// one derived from a private key compare equal exactly when they are the same key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KeyIdentity {
    /// The family.
    pub key_type: KeyType,
    /// RSA: DER of `RSAPublicKey` without leading zeros; EC/SM2: the uncompressed point; Ed25519: 32 bytes.
    pub bytes: Vec<u8>,
}

/// Describes a `SubjectPublicKeyInfo`.
pub fn describe(spki: &SubjectPublicKeyInfoOwned) -> PublicKeyInfo {
    let oid = spki.algorithm.oid;
    let key = spki.subject_public_key.raw_bytes();
    let algorithm_oid = dotted(&oid);
    if oid == RSA_ENCRYPTION || oid == RSASSA_PSS {
        let bits = pkcs1::RsaPublicKey::<der::asn1::UintRef>::from_der(key)
            .ok()
            .map(|k| uint_bits(k.modulus.as_bytes()));
        return PublicKeyInfo {
            key_type: KeyType::Rsa,
            bits,
            curve: None,
            algorithm_oid,
        };
    }
    if oid == ED25519 {
        return PublicKeyInfo {
            key_type: KeyType::Ed25519,
            bits: Some(256),
            curve: None,
            algorithm_oid,
        };
    }
    if oid == EC_PUBLIC_KEY {
        let Some(curve) = curve_of(&spki.algorithm).and_then(|oid| Curve::of_target(&oid)) else {
            return PublicKeyInfo {
                key_type: KeyType::Ec,
                bits: None,
                curve: None,
                algorithm_oid,
            };
        };
        return PublicKeyInfo {
            key_type: curve.key_type(),
            bits: curve.bits(),
            curve: Some(curve),
            algorithm_oid,
        };
    }
    PublicKeyInfo {
        key_type: KeyType::Other,
        bits: None,
        curve: None,
        algorithm_oid,
    }
}

/// The named curve in an `id-ecPublicKey` `AlgorithmIdentifier`'s parameters (RFC 5480 `ECParameters`).
pub fn curve_of(algorithm: &AlgorithmIdentifierOwned) -> Option<Oid> {
    algorithm.parameters.as_ref()?.decode_as::<Oid>().ok()
}

/// Bits of a big-endian unsigned integer.
pub fn uint_bits(bytes: &[u8]) -> u32 {
    let bytes = strip_leading_zeros(bytes);
    match bytes.first() {
        None => 0,
        Some(first) => (bytes.len() as u32 - 1) * 8 + (8 - first.leading_zeros()),
    }
}

fn strip_leading_zeros(mut bytes: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

/// The identity of a `SubjectPublicKeyInfo`, or `None` if it cannot be decoded.
pub fn identity(spki: &SubjectPublicKeyInfoOwned) -> Option<KeyIdentity> {
    identity_described(spki, &describe(spki))
}

/// [`identity`], with the key's [`describe`] already made.
pub fn identity_described(
    spki: &SubjectPublicKeyInfoOwned,
    info: &PublicKeyInfo,
) -> Option<KeyIdentity> {
    let key = spki.subject_public_key.raw_bytes();
    match info.key_type {
        KeyType::Rsa => {
            let k = pkcs1::RsaPublicKey::<der::asn1::UintRef>::from_der(key).ok()?;
            Some(rsa_identity(
                k.modulus.as_bytes(),
                k.public_exponent.as_bytes(),
            ))
        }
        KeyType::Ed25519 => Some(KeyIdentity {
            key_type: KeyType::Ed25519,
            bytes: key.to_vec(),
        }),
        KeyType::Ec | KeyType::Sm2 => ec_identity(info.curve?, key),
        _ => None,
    }
}

/// The identity of an RSA key from its modulus and public exponent (big-endian).
pub fn rsa_identity(modulus: &[u8], exponent: &[u8]) -> KeyIdentity {
    let mut bytes = strip_leading_zeros(modulus).to_vec();
    bytes.push(0xff); // a separator that cannot start an exponent without leading zeros
    bytes.extend_from_slice(strip_leading_zeros(exponent));
    KeyIdentity {
        key_type: KeyType::Rsa,
        bytes,
    }
}

/// The identity of an EC point (SEC1 compressed or uncompressed) on a named curve.
pub fn ec_identity(curve: Curve, point: &[u8]) -> Option<KeyIdentity> {
    let (key_type, bytes) = match curve {
        Curve::P256 => (
            KeyType::Ec,
            p256::PublicKey::from_sec1_bytes(point)
                .ok()?
                .to_sec1_bytes(),
        ),
        Curve::P384 => (
            KeyType::Ec,
            p384::PublicKey::from_sec1_bytes(point)
                .ok()?
                .to_sec1_bytes(),
        ),
        Curve::P521 => (
            KeyType::Ec,
            p521::PublicKey::from_sec1_bytes(point)
                .ok()?
                .to_sec1_bytes(),
        ),
        Curve::Sm2 => (
            KeyType::Sm2,
            sm2::PublicKey::from_sec1_bytes(point).ok()?.to_sec1_bytes(),
        ),
        Curve::Other(_) => return None,
    };
    Some(KeyIdentity {
        key_type,
        bytes: bytes.to_vec(),
    })
}

/// The outcome of checking one signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// The signature verifies with the key.
    Valid,
    /// It does not.
    Invalid,
    /// The algorithm or key cannot be checked here (named in the text).
    Unsupported(String),
}

/// Hash functions a signature algorithm may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hash {
    /// MD5 (broken; recognised to be reported, never verified).
    Md5,
    /// SHA-1 (deprecated for signatures).
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
    /// SM3.
    Sm3,
}

/// How a certificate or CSR is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5 with a hash.
    RsaPkcs1(Hash),
    /// RSASSA-PSS (hash and salt from the parameters).
    RsaPss,
    /// ECDSA with a hash.
    Ecdsa(Hash),
    /// Ed25519 (pure).
    Ed25519,
    /// SM2 signature with SM3.
    Sm2Sm3,
}

/// The signature algorithms known here, by OID (compared as OIDs: no dotted text is written).
static SCHEMES: [(Oid, SignatureScheme); 15] = {
    use Hash::*;
    use SignatureScheme::*;
    [
        (Oid::new_unwrap("1.2.840.113549.1.1.4"), RsaPkcs1(Md5)),
        (Oid::new_unwrap("1.2.840.113549.1.1.5"), RsaPkcs1(Sha1)),
        (Oid::new_unwrap("1.3.14.3.2.29"), RsaPkcs1(Sha1)),
        (Oid::new_unwrap("1.2.840.113549.1.1.14"), RsaPkcs1(Sha224)),
        (Oid::new_unwrap("1.2.840.113549.1.1.11"), RsaPkcs1(Sha256)),
        (Oid::new_unwrap("1.2.840.113549.1.1.12"), RsaPkcs1(Sha384)),
        (Oid::new_unwrap("1.2.840.113549.1.1.13"), RsaPkcs1(Sha512)),
        (Oid::new_unwrap("1.2.840.113549.1.1.10"), RsaPss),
        (Oid::new_unwrap("1.2.840.10045.4.1"), Ecdsa(Sha1)),
        (Oid::new_unwrap("1.2.840.10045.4.3.1"), Ecdsa(Sha224)),
        (Oid::new_unwrap("1.2.840.10045.4.3.2"), Ecdsa(Sha256)),
        (Oid::new_unwrap("1.2.840.10045.4.3.3"), Ecdsa(Sha384)),
        (Oid::new_unwrap("1.2.840.10045.4.3.4"), Ecdsa(Sha512)),
        (Oid::new_unwrap("1.3.101.112"), Ed25519),
        (Oid::new_unwrap("1.2.156.10197.1.501"), Sm2Sm3),
    ]
};

/// The scheme a signature `AlgorithmIdentifier` names, if known.
pub fn scheme(algorithm: &Oid) -> Option<SignatureScheme> {
    SCHEMES
        .iter()
        .find(|(oid, _)| oid == algorithm)
        .map(|(_, scheme)| *scheme)
}

macro_rules! dotted_table {
    ($($text:literal),* $(,)?) => {
        [$((Oid::new_unwrap($text), $text)),*]
    };
}

/// The OIDs certificates carry most (signature and key algorithms, extendedKeyUsage purposes),
/// with their dotted text.
static COMMON_OIDS: [(Oid, &str); 24] = dotted_table![
    "1.2.840.113549.1.1.1",
    "1.2.840.113549.1.1.4",
    "1.2.840.113549.1.1.5",
    "1.2.840.113549.1.1.10",
    "1.2.840.113549.1.1.11",
    "1.2.840.113549.1.1.12",
    "1.2.840.113549.1.1.13",
    "1.2.840.113549.1.1.14",
    "1.3.14.3.2.29",
    "1.2.840.10045.2.1",
    "1.2.840.10045.4.1",
    "1.2.840.10045.4.3.1",
    "1.2.840.10045.4.3.2",
    "1.2.840.10045.4.3.3",
    "1.2.840.10045.4.3.4",
    "1.3.101.112",
    "1.2.156.10197.1.501",
    "1.3.6.1.5.5.7.3.1",
    "1.3.6.1.5.5.7.3.2",
    "1.3.6.1.5.5.7.3.3",
    "1.3.6.1.5.5.7.3.4",
    "1.3.6.1.5.5.7.3.8",
    "1.3.6.1.5.5.7.3.9",
    "2.5.29.37.0",
];

/// An OID's dotted text (`oid.to_string()`), from a table for the common ones: writing an OID
/// arc by arc was a noticeable part of summarising a certificate in the browser.
pub fn dotted(oid: &Oid) -> String {
    match COMMON_OIDS.iter().find(|(known, _)| known == oid) {
        Some((_, text)) => (*text).to_owned(),
        None => oid.to_string(),
    }
}

/// The hash a scheme uses, where it is fixed by the OID.
pub fn scheme_hash(scheme: SignatureScheme) -> Option<Hash> {
    match scheme {
        SignatureScheme::RsaPkcs1(h) | SignatureScheme::Ecdsa(h) => Some(h),
        SignatureScheme::Sm2Sm3 => Some(Hash::Sm3),
        SignatureScheme::RsaPss | SignatureScheme::Ed25519 => None,
    }
}

fn unsupported(what: impl Into<String>) -> Verification {
    Verification::Unsupported(what.into())
}

fn outcome<E>(result: Result<(), E>) -> Verification {
    if result.is_ok() {
        Verification::Valid
    } else {
        Verification::Invalid
    }
}

/// Verifies `signature` over `message` (the DER of a `TBSCertificate` or `CertificationRequestInfo`)
/// with the signer's key.
pub fn verify(
    message: &[u8],
    algorithm: &AlgorithmIdentifierOwned,
    signature: &[u8],
    signer: &SubjectPublicKeyInfoOwned,
) -> Verification {
    verify_with(message, algorithm, signature, &Signer::new(signer))
}

/// A signer's key, decoded once to check several signatures with it (an issuer of many
/// certificates): the RSA key and its Montgomery parameters are made on first use and kept. It
/// owns a copy of the key's bytes, so it can be kept beside the certificates (an analysis done in
/// slices keeps its signers between slices).
pub struct Signer {
    key: Vec<u8>,
    /// The whole `SubjectPublicKeyInfo`, DER (for [`portable`]).
    spki: Vec<u8>,
    info: PublicKeyInfo,
    rsa: std::cell::OnceCell<Option<rsa::RsaPublicKey>>,
}

impl Signer {
    /// The signer with this `SubjectPublicKeyInfo`.
    pub fn new(spki: &SubjectPublicKeyInfoOwned) -> Self {
        Self {
            key: spki.subject_public_key.raw_bytes().to_vec(),
            spki: spki.to_der().unwrap_or_default(),
            info: describe(spki),
            rsa: std::cell::OnceCell::new(),
        }
    }

    fn rsa_key(&self) -> Option<rsa::RsaPublicKey> {
        // A clone shares the Montgomery parameters (reference-counted).
        self.rsa.get_or_init(|| rsa_key(&self.key)).clone()
    }
}

/// [`verify`] with a [`Signer`] that may be used again.
pub fn verify_with(
    message: &[u8],
    algorithm: &AlgorithmIdentifierOwned,
    signature: &[u8],
    signer: &Signer,
) -> Verification {
    let Some(scheme) = scheme(&algorithm.oid) else {
        return unsupported(format!("signature algorithm {}", algorithm.oid));
    };
    let key = signer.key.as_slice();
    let info = &signer.info;
    match (scheme, info.key_type) {
        (SignatureScheme::RsaPkcs1(hash), KeyType::Rsa) => match signer.rsa_key() {
            Some(k) => verify_rsa_pkcs1(k, hash, message, signature),
            None => unsupported("the RSA key cannot be decoded or is out of range"),
        },
        (SignatureScheme::RsaPss, KeyType::Rsa) => match signer.rsa_key() {
            Some(k) => verify_rsa_pss(k, algorithm, message, signature),
            None => unsupported("the RSA key cannot be decoded or is out of range"),
        },
        (SignatureScheme::Ecdsa(hash), KeyType::Ec) => {
            verify_ecdsa(info.curve, key, hash, message, signature)
        }
        (SignatureScheme::Ed25519, KeyType::Ed25519) => verify_ed25519(key, message, signature),
        (SignatureScheme::Sm2Sm3, KeyType::Sm2) => verify_sm2(key, message, signature),
        // A signature made with another family of key than the signer's cannot verify.
        _ => Verification::Invalid,
    }
}

fn rsa_key(key: &[u8]) -> Option<rsa::RsaPublicKey> {
    let k = pkcs1::RsaPublicKey::<der::asn1::UintRef>::from_der(key).ok()?;
    let n = rsa::BoxedUint::from_be_slice_vartime(k.modulus.as_bytes());
    let e = rsa::BoxedUint::from_be_slice_vartime(k.public_exponent.as_bytes());
    // Weak (512-bit) and very large keys are still checked; their size is reported separately.
    rsa::RsaPublicKey::new_with_size_limits(n, e, 512..=16384).ok()
}

// Each family's check is a function of its own, never inlined into `verify_with`: the browser
// compiles a wasm function whole on its first call, so a certificate signed with RSA should not
// have the page compile the ECDSA, SM2 and Ed25519 checks before it answers.

#[inline(never)]
fn verify_ed25519(key: &[u8], message: &[u8], signature: &[u8]) -> Verification {
    let Ok(bytes) = <[u8; 32]>::try_from(key) else {
        return Verification::Invalid;
    };
    let Ok(vk) = ed25519_dalek::VerifyingKey::from_bytes(&bytes) else {
        return Verification::Invalid;
    };
    let Ok(sig) = ed25519_dalek::Signature::from_slice(signature) else {
        return Verification::Invalid;
    };
    outcome(vk.verify(message, &sig))
}

#[inline(never)]
fn verify_sm2(key: &[u8], message: &[u8], signature: &[u8]) -> Verification {
    let Ok(vk) = sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_DEFAULT_DISTID, key) else {
        return Verification::Invalid;
    };
    let Ok(sig) = sm2::dsa::Signature::from_der(signature) else {
        return Verification::Invalid;
    };
    outcome(vk.verify(message, &sig))
}

#[inline(never)]
fn verify_rsa_pkcs1(
    key: rsa::RsaPublicKey,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Verification {
    use rsa::pkcs1v15::Pkcs1v15Sign;
    // Hash first, then one RSA check for every hash: a generic verifying key per hash put five
    // copies of the RSA verification in the wasm module.
    let padding = match hash {
        Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        Hash::Md5 | Hash::Sm3 => return unsupported("RSA with MD5 or SM3 is not verified"),
    };
    let Some(hashed) = digest(hash, message) else {
        return unsupported("RSA with MD5 or SM3 is not verified");
    };
    outcome(key.verify(padding, &hashed, signature))
}

#[inline(never)]
fn verify_rsa_pss(
    key: rsa::RsaPublicKey,
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> Verification {
    use rsa::pss::{Signature, VerifyingKey};
    // RFC 4055 §3.1: absent parameters mean SHA-1, MGF1-SHA-1, salt length 20.
    let params = match &algorithm.parameters {
        Some(any) => match any
            .to_der()
            .ok()
            .and_then(|der| pkcs1::RsaPssParams::<der::Any>::from_der(&der).ok())
        {
            Some(p) => p,
            None => return unsupported("RSASSA-PSS parameters cannot be decoded"),
        },
        None => pkcs1::RsaPssParams::default(),
    };
    let mgf_hash = params.mask_gen.parameters.as_ref().map(|p| p.oid);
    if mgf_hash.is_some_and(|h| h != params.hash.oid) {
        return unsupported("RSASSA-PSS with an MGF1 hash other than the message hash");
    }
    let salt = usize::from(params.salt_len);
    let Ok(sig) = Signature::try_from(signature) else {
        return Verification::Invalid;
    };
    match params.hash.oid.to_string().as_str() {
        "1.3.14.3.2.26" => {
            outcome(VerifyingKey::<sha1::Sha1>::new_with_salt_len(key, salt).verify(message, &sig))
        }
        "2.16.840.1.101.3.4.2.1" => outcome(
            VerifyingKey::<sha2::Sha256>::new_with_salt_len(key, salt).verify(message, &sig),
        ),
        "2.16.840.1.101.3.4.2.2" => outcome(
            VerifyingKey::<sha2::Sha384>::new_with_salt_len(key, salt).verify(message, &sig),
        ),
        "2.16.840.1.101.3.4.2.3" => outcome(
            VerifyingKey::<sha2::Sha512>::new_with_salt_len(key, salt).verify(message, &sig),
        ),
        other => unsupported(format!("RSASSA-PSS with hash {other}")),
    }
}

fn digest(hash: Hash, message: &[u8]) -> Option<Vec<u8>> {
    use sha2::Digest;
    Some(match hash {
        Hash::Sha1 => sha1::Sha1::digest(message).to_vec(),
        Hash::Sha224 => sha2::Sha224::digest(message).to_vec(),
        Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
        Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
        Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        Hash::Sm3 => sm3::Sm3::digest(message).to_vec(),
        Hash::Md5 => return None,
    })
}

#[inline(never)]
fn verify_ecdsa(
    curve: Option<Curve>,
    key: &[u8],
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Verification {
    let Some(prehash) = digest(hash, message) else {
        return unsupported("ECDSA with MD5");
    };
    macro_rules! check {
        ($curve:ident) => {{
            let Ok(vk) = $curve::ecdsa::VerifyingKey::from_sec1_bytes(key) else {
                return Verification::Invalid;
            };
            let Ok(sig) = $curve::ecdsa::Signature::from_der(signature) else {
                return Verification::Invalid;
            };
            outcome(vk.verify_prehash(&prehash, &sig))
        }};
    }
    match curve {
        Some(Curve::P256) => check!(p256),
        Some(Curve::P384) => check!(p384),
        Some(Curve::P521) => check!(p521),
        _ => unsupported("ECDSA on an unknown curve"),
    }
}

/// A signature algorithm another verifier can be asked to check, as WebCrypto names its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PortableScheme {
    /// RSASSA-PKCS1-v1_5 with this hash.
    RsaPkcs1(Hash),
    /// ECDSA on this curve with this hash, the signature as r ‖ s.
    Ecdsa(Curve, Hash),
}

impl Hash {
    /// WebCrypto's name of the hash (`SHA-256`), for the hashes it has.
    pub fn web_crypto_name(self) -> Option<&'static str> {
        match self {
            Self::Sha1 => Some("SHA-1"),
            Self::Sha256 => Some("SHA-256"),
            Self::Sha384 => Some("SHA-384"),
            Self::Sha512 => Some("SHA-512"),
            Self::Md5 | Self::Sha224 | Self::Sm3 => None,
        }
    }
}

/// One signature check in a form another verifier can make (the page's Worker asks WebCrypto,
/// which verifies RSA ten times and P-256 thirteen times faster than this module can in the
/// browser: bench/README.md, "Verification routes").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortableCheck<'a> {
    /// The algorithm.
    pub scheme: PortableScheme,
    /// The signer's `SubjectPublicKeyInfo`, DER.
    pub spki: Vec<u8>,
    /// What was signed.
    pub message: &'a [u8],
    /// The signature: as given for RSA; for ECDSA r ‖ s, each the size of the curve's order.
    pub signature: std::borrow::Cow<'a, [u8]>,
}

/// The check [`verify_with`] makes, in a form another verifier can make, where its "verifies" is
/// [`verify_with`]'s [`Verification::Valid`]: RSASSA-PKCS1-v1_5 and ECDSA on P-256, P-384 and
/// P-521 with SHA-1, SHA-256, SHA-384 or SHA-512, the key first decoded as [`verify_with`]
/// decodes it (an RSA key it cannot take is `Unsupported` there, whatever another verifier says;
/// an EC point it refuses, `Invalid`), and an ECDSA signature read as strict DER with r and s in
/// range. Both sides then compute the same thing: PKCS#1 v1.5 compares the whole encoded
/// message, ECDSA takes the hash's leftmost bits as FIPS 186-5 says, neither asks for a low s.
/// `None` for the rest, which stays [`verify_with`]'s: RSASSA-PSS (its parameters), SHA-224, MD5
/// and SM3 (WebCrypto has none of them), SM2, and Ed25519, on whose non-canonical point encodings
/// implementations differ (ed25519-dalek and BoringSSL are not known to agree on every one).
pub fn portable<'a>(
    message: &'a [u8],
    algorithm: &AlgorithmIdentifierOwned,
    signature: &'a [u8],
    signer: &Signer,
) -> Option<PortableCheck<'a>> {
    let scheme = match (scheme(&algorithm.oid)?, signer.info.key_type) {
        (SignatureScheme::RsaPkcs1(hash), KeyType::Rsa) => {
            hash.web_crypto_name()?;
            signer.rsa_key()?;
            (
                PortableScheme::RsaPkcs1(hash),
                std::borrow::Cow::Borrowed(signature),
            )
        }
        (SignatureScheme::Ecdsa(hash), KeyType::Ec) => {
            hash.web_crypto_name()?;
            let curve = signer.info.curve?;
            let key = signer.key.as_slice();
            macro_rules! raw {
                ($curve:ident) => {{
                    $curve::ecdsa::VerifyingKey::from_sec1_bytes(key).ok()?;
                    let sig = $curve::ecdsa::Signature::from_der(signature).ok()?;
                    sig.to_bytes().to_vec()
                }};
            }
            let raw = match curve {
                Curve::P256 => raw!(p256),
                Curve::P384 => raw!(p384),
                Curve::P521 => raw!(p521),
                Curve::Sm2 | Curve::Other(_) => return None,
            };
            (
                PortableScheme::Ecdsa(curve, hash),
                std::borrow::Cow::Owned(raw),
            )
        }
        _ => return None,
    };
    Some(PortableCheck {
        scheme: scheme.0,
        spki: signer.spki.clone(),
        message,
        signature: scheme.1,
    })
}

/// The signed part of a `SEQUENCE { toBeSigned, signatureAlgorithm, signature }` (a Certificate,
/// RFC 5280 §4.1.1.3, or a `CertificationRequest`, RFC 2986 §4.2), exactly as encoded: the
/// signature covers these bytes, so they are sliced out, not re-encoded.
pub fn signed_bytes(der: &[u8]) -> Option<&[u8]> {
    use der::Reader;
    let mut reader = der::SliceReader::new(der).ok()?;
    reader
        .sequence(|r| {
            let signed = r.tlv_bytes()?;
            r.tlv_bytes()?;
            r.tlv_bytes()?;
            Ok::<_, der::Error>(signed)
        })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oid_tables_hold_their_own_text() {
        for (oid, text) in &COMMON_OIDS {
            assert_eq!(oid.to_string(), *text);
            assert_eq!(dotted(oid), *text);
        }
        let rare = Oid::new_unwrap("1.2.3.4.5");
        assert_eq!(dotted(&rare), "1.2.3.4.5");
        // Every scheme OID is distinct, so the table is a function of the OID as the match was.
        for (i, (a, _)) in SCHEMES.iter().enumerate() {
            assert!(SCHEMES[i + 1..].iter().all(|(b, _)| a != b), "{a} twice");
        }
        assert_eq!(
            scheme(&Oid::new_unwrap("1.3.14.3.2.29")),
            Some(SignatureScheme::RsaPkcs1(Hash::Sha1))
        );
        assert_eq!(scheme(&rare), None);
    }
}
