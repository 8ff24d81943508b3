//! Whether a private key can be valid at all, with the crates' own checks where they have them:
//!
//! - RSA (RFC 8017 §3.2): a version of 0 (or 1 with other primes); p and q odd; p·q = n;
//!   d, e < n; d·e ≡ 1 mod p−1 and q−1; dP = d mod (p−1), dQ = d mod (q−1), qInv·q ≡ 1 mod p,
//!   as OpenSSL's `RSA_check_key` (which pyca/cryptography runs) demands, with `crypto-bigint`.
//! - EC (RFC 5915, SEC 1 §3.2): a version of 1; the scalar in [1, n−1]
//!   (`elliptic-curve`'s `SecretKey::from_slice`); the public key it embeds equal to the
//!   scalar's; the curve of the PKCS#8 wrapper equal to the SEC1 key's own.
//! - Ed25519 (RFC 8410): a 32-byte seed, and the embedded public key (PKCS#8 v2) the seed's.
//!
//! Every function reads public facts only; problems are described in words without a byte of
//! the key.

use super::super::public_key::{self, KeyIdentity, KeyType};
use super::key_types::{self, Reading};
use crate::lang::Text;
use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier as Oid, OctetStringRef, UintRef};
use der::{Decode, Encode};

fn strip(mut bytes: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

/// `g^x mod p` (big-endian, no leading zeros), with `crypto-bigint`'s Montgomery arithmetic;
/// `None` when p is even or zero, or g is not below p.
pub fn mod_pow(g: &[u8], x: &[u8], p: &[u8]) -> Option<Vec<u8>> {
    use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
    use crypto_bigint::{BoxedUint, Odd, Resize};
    let p = BoxedUint::from_be_slice_vartime(strip(p));
    let bits = p.bits_precision();
    let p = Odd::new(p).into_option()?;
    let g = BoxedUint::from_be_slice_vartime(strip(g));
    if g.bits_vartime() > p.bits_vartime() || g >= *p.as_ref() || g.is_zero().into() {
        return None;
    }
    let g = g.resize_unchecked(bits);
    let x = BoxedUint::from_be_slice_vartime(strip(x));
    let params = BoxedMontyParams::new(p);
    let y = BoxedMontyForm::new(g, &params).pow(&x).retrieve();
    Some(strip(&y.to_be_bytes()).to_vec())
}

/// `RSAPrivateKey` (RFC 8017 A.1.2) with any version, so that a wrong one is reported.
#[derive(der::Sequence)]
struct RsaFields<'a> {
    version: i64,
    modulus: UintRef<'a>,
    public_exponent: UintRef<'a>,
    private_exponent: UintRef<'a>,
    prime1: UintRef<'a>,
    prime2: UintRef<'a>,
    exponent1: UintRef<'a>,
    exponent2: UintRef<'a>,
    coefficient: UintRef<'a>,
    other_prime_infos: Option<AnyRef<'a>>,
}

/// Reads and checks a PKCS#1 `RSAPrivateKey`. `None` when it is not one.
pub fn rsa(der: &[u8]) -> Option<Reading> {
    let key = RsaFields::from_der(der).ok()?;
    let modulus = key.modulus.as_bytes();
    let bits = public_key::uint_bits(modulus);
    let mut reading = Reading {
        key_type: Some(KeyType::Rsa),
        bits: Some(bits),
        identity: Some(public_key::rsa_identity(
            modulus,
            key.public_exponent.as_bytes(),
        )),
        ..Reading::default()
    };
    reading.invalid = rsa_problem(&key);
    Some(reading)
}

fn rsa_problem(key: &RsaFields<'_>) -> Option<Text> {
    use crypto_bigint::BoxedUint;
    match (key.version, &key.other_prime_infos) {
        (0, None) => {}
        // Multi-prime keys (version 1) are rare; their primes are not checked here.
        (1, Some(_)) => return None,
        (version, _) => {
            return Some(tr!(
                "its version is {version} (RFC 8017: 0 for two primes)",
                "版本为 {version}（RFC 8017：两个素数时应为 0）"
            ));
        }
    }
    for (name, prime) in [("p", &key.prime1), ("q", &key.prime2)] {
        if prime.as_bytes().last().is_none_or(|b| b % 2 == 0) {
            return Some(tr!(
                "{name} is even, so it is not a prime",
                "{name} 是偶数，因而不是素数"
            ));
        }
    }
    // RFC 8017 §3.2 and what OpenSSL's RSA_check_key (which pyca runs) demands, checked with
    // `crypto-bigint`, the arithmetic `rsa` itself uses. (`rsa`'s own `from_components` +
    // `validate` + `precompute` make the same checks, but cost the page about 9 KB brotli for
    // code no other path needs: prime recovery, inversion, Montgomery set-up for p and q.)
    use crypto_bigint::{ConcatenatingMul, NonZero};
    let int = |u: &UintRef<'_>| BoxedUint::from_be_slice_vartime(strip(u.as_bytes()));
    let same = |a: &BoxedUint, b: &BoxedUint| strip(&a.to_be_bytes()) == strip(&b.to_be_bytes());
    let one = BoxedUint::one();
    let (n, e, d) = (
        int(&key.modulus),
        int(&key.public_exponent),
        int(&key.private_exponent),
    );
    let (p, q) = (int(&key.prime1), int(&key.prime2));
    if !same(&p.concatenating_mul(&q), &n) {
        return Some(tr!("p·q is not its modulus n", "p·q 不等于模数 n"));
    }
    if d >= n || e >= n {
        return Some(tr!(
            "its private or public exponent is not below n",
            "私钥指数或公钥指数不小于 n"
        ));
    }
    let (Some(p1), Some(q1), Some(p_nz)) = (
        NonZero::new(p.wrapping_sub(&one)).into_option(),
        NonZero::new(q.wrapping_sub(&one)).into_option(),
        NonZero::new(p.clone()).into_option(),
    ) else {
        return Some(tr!(
            "p or q is not a valid prime factor",
            "p 或 q 不是有效的素因子"
        ));
    };
    let de = d.concatenating_mul(&e);
    if !same(&de.rem(&p1), &one) || !same(&de.rem(&q1), &one) {
        return Some(tr!(
            "its private exponent d does not agree with e, p and q",
            "私钥指数 d 与 e、p、q 不一致"
        ));
    }
    if !same(&d.rem(&p1), &int(&key.exponent1)) {
        return Some(tr!(
            "its CRT exponent dP is not d mod (p−1)",
            "CRT 指数 dP 不等于 d mod (p−1)"
        ));
    }
    if !same(&d.rem(&q1), &int(&key.exponent2)) {
        return Some(tr!(
            "its CRT exponent dQ is not d mod (q−1)",
            "CRT 指数 dQ 不等于 d mod (q−1)"
        ));
    }
    if !same(
        &int(&key.coefficient).concatenating_mul(&q).rem(&p_nz),
        &one,
    ) {
        return Some(tr!(
            "its CRT coefficient qInv is not q⁻¹ mod p",
            "CRT 系数 qInv 不等于 q⁻¹ mod p"
        ));
    }
    None
}

/// `ECPrivateKey` (RFC 5915 §3) with any version and any parameters (named, explicit, or none).
#[derive(der::Sequence)]
struct EcFields<'a> {
    version: u8,
    private_key: &'a OctetStringRef,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    parameters: Option<AnyRef<'a>>,
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    public_key: Option<BitStringRef<'a>>,
}

/// What `ECParameters` (RFC 5480 §2.1.1, SEC 1 C.2) say.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Curve {
    Named(Oid),
    /// Explicit parameters that are those of a named curve the targets take.
    ExplicitOf(Oid),
    Explicit,
    /// `implicitCA` (NULL), or no parameters at all.
    None,
}

/// `SpecifiedECDomain` (SEC 1 C.2): the fields compared with a named curve's.
#[derive(der::Sequence)]
struct SpecifiedDomain<'a> {
    version: u8,
    field_id: AnyRef<'a>,
    curve: AnyRef<'a>,
    base: &'a OctetStringRef,
    order: UintRef<'a>,
    cofactor: Option<UintRef<'a>>,
}

fn curve_of(params_der: Option<&[u8]>) -> Curve {
    let Some(der) = params_der else {
        return Curve::None;
    };
    if let Ok(oid) = Oid::from_der(der) {
        return Curve::Named(oid);
    }
    match SpecifiedDomain::from_der(der) {
        Ok(domain) => explicit_named(&domain).map_or(Curve::Explicit, Curve::ExplicitOf),
        Err(_) => Curve::None,
    }
}

/// The named curve (P-256, P-384, P-521) whose order and generator explicit parameters repeat.
fn explicit_named(domain: &SpecifiedDomain<'_>) -> Option<Oid> {
    use p256::elliptic_curve::{Curve as _, bigint::ArrayEncoding};
    let order = strip(domain.order.as_bytes());
    let base = domain.base.as_bytes();
    macro_rules! matches_curve {
        ($curve:ident, $name:ident, $oid:expr) => {
            if order == strip(&$curve::$name::ORDER.to_be_byte_array())
                && $curve::PublicKey::from_sec1_bytes(base).ok()
                    == Some($curve::PublicKey::from_affine($curve::AffinePoint::GENERATOR).ok()?)
            {
                return Some($oid);
            }
        };
    }
    matches_curve!(p256, NistP256, crate::analysis::oids::P256);
    matches_curve!(p384, NistP384, crate::analysis::oids::P384);
    matches_curve!(p521, NistP521, crate::analysis::oids::P521);
    None
}

/// Reads and checks a SEC1 `ECPrivateKey`; `outer` is the DER of the PKCS#8 wrapper's
/// `ECParameters`, when it is wrapped. `None` when it is not an `ECPrivateKey` at all.
pub fn ec(der: &[u8], outer: Option<&[u8]>) -> Option<Reading> {
    let key = EcFields::from_der(der).ok()?;
    let inner_der = key.parameters.map(|p| p.to_der().unwrap_or_default());
    let (outer, inner) = (curve_of(outer), curve_of(inner_der.as_deref()));
    let mut reading = Reading {
        key_type: Some(KeyType::Ec),
        ..Reading::default()
    };
    if let (Curve::Named(a), Curve::Named(b)) = (&outer, &inner)
        && a != b
    {
        let (a, b) = (curve_name(a), curve_name(b));
        reading.invalid = Some(tr!(
            "its PKCS#8 wrapper names the curve {a} but the SEC1 key inside names {b}",
            "PKCS#8 外层指明的曲线是 {a}，里面的 SEC1 私钥指明的却是 {b}"
        ));
    }
    if key.version != 1 {
        let version = key.version;
        reading.invalid = Some(tr!(
            "its version is {version} (RFC 5915: 1)",
            "版本为 {version}（RFC 5915：应为 1）"
        ));
    }
    let curve = if outer == Curve::None { inner } else { outer };
    let embedded = key.public_key.and_then(|bits| bits.as_bytes());
    if key.public_key.is_some() && embedded.is_none() {
        reading.invalid = Some(tr!(
            "its public key is a BIT STRING with unused bits",
            "其公钥是带未用位的 BIT STRING"
        ));
    }
    let secret = key.private_key.as_bytes();
    let oid = match curve {
        Curve::Named(oid) => oid,
        Curve::ExplicitOf(oid) => {
            let name = curve_name(&oid);
            reading.not_accepted = Some(tr!(
                "EC with explicit curve parameters (those of {name})",
                "带显式曲线参数（即 {name} 的参数）的 EC 私钥"
            ));
            oid
        }
        Curve::Explicit => {
            reading.not_accepted = Some(tr!(
                "EC with explicit curve parameters",
                "带显式曲线参数的 EC 私钥"
            ));
            reading.identity = embedded.map(|point| KeyIdentity {
                key_type: KeyType::Ec,
                bytes: point.to_vec(),
            });
            return Some(reading);
        }
        Curve::None => {
            reading
                .invalid
                .get_or_insert_with(|| tr!("it names no curve", "没有指明曲线"));
            return Some(reading);
        }
    };
    let Some(name) = public_key::Curve::of_target(&oid) else {
        return Some(other_curve(reading, &oid, embedded));
    };
    reading.key_type = Some(name.key_type());
    reading.bits = name.bits();
    reading.curve = Some(name);
    match derive_ec_public(name, secret) {
        Some(derived) => {
            if let Some(embedded) = embedded
                && public_key::ec_identity(name, embedded).as_ref() != Some(&derived)
            {
                reading.invalid.get_or_insert_with(|| {
                    tr!(
                        "the public key it embeds is not its scalar's",
                        "其中嵌入的公钥与私钥标量不对应"
                    )
                });
            }
            reading.identity = Some(derived);
        }
        None => {
            reading.invalid.get_or_insert_with(|| {
                tr!(
                    "its secret scalar is zero, not below the {name} order, or of the wrong length",
                    "私钥标量为零、不小于 {name} 的阶，或长度不对"
                )
            });
            reading.identity = embedded.and_then(|e| public_key::ec_identity(name, e));
        }
    }
    Some(reading)
}

fn curve_name(oid: &Oid) -> String {
    public_key::Curve::of_target(oid)
        .map(|curve| curve.as_str().to_owned())
        .or_else(|| key_types::other_curve(oid).map(|(name, _)| name.to_owned()))
        .unwrap_or_else(|| oid.to_string())
}

/// EC on a named curve no target takes: named, sized, with the public key it embeds.
fn other_curve(mut reading: Reading, oid: &Oid, embedded: Option<&[u8]>) -> Reading {
    match key_types::other_curve(oid) {
        Some((name, bits)) => {
            reading.curve = Some(public_key::Curve::Other(name));
            reading.bits = Some(bits);
            reading.not_accepted = Some(tr!("EC {name}", "EC {name}"));
        }
        None => {
            reading.not_accepted = Some(tr!("EC on the curve {oid}", "曲线为 {oid} 的 EC 私钥"))
        }
    }
    reading.identity = embedded.map(|point| KeyIdentity {
        key_type: KeyType::Ec,
        bytes: point.to_vec(),
    });
    reading
}

/// The public point of an EC secret scalar; `None` when the scalar is out of range.
fn derive_ec_public(curve: public_key::Curve, secret: &[u8]) -> Option<KeyIdentity> {
    use public_key::Curve as Named;
    let point = match curve {
        Named::P256 => p256::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        Named::P384 => p384::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        Named::P521 => p521::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        Named::Sm2 => sm2::SecretKey::from_slice(secret)
            .ok()?
            .public_key()
            .to_sec1_bytes(),
        Named::Other(_) => return None,
    };
    public_key::ec_identity(curve, &point)
}

/// RFC 8410 §7: `CurvePrivateKey ::= OCTET STRING` holding the 32-byte seed.
pub fn ed25519(key: &[u8], embedded: Option<&[u8]>) -> Option<Reading> {
    let seed = <&OctetStringRef>::from_der(key).ok()?;
    let mut reading = Reading {
        key_type: Some(KeyType::Ed25519),
        bits: Some(256),
        ..Reading::default()
    };
    let Ok(seed) = <[u8; 32]>::try_from(seed.as_bytes()) else {
        reading.invalid = Some(tr!(
            "its Ed25519 seed is not 32 bytes",
            "Ed25519 种子不是 32 字节"
        ));
        return Some(reading);
    };
    let public = ed25519_dalek::SigningKey::from_bytes(&seed)
        .verifying_key()
        .to_bytes();
    if embedded.is_some_and(|e| e != public) {
        reading.invalid = Some(tr!(
            "the public key it embeds is not its seed's",
            "其中嵌入的公钥与种子不对应"
        ));
    }
    reading.identity = Some(KeyIdentity {
        key_type: KeyType::Ed25519,
        bytes: public.to_vec(),
    });
    Some(reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real PKCS#1 key of the vector corpus (made by pyca), with some of its numbers swapped.
    fn rsa_key_with(change: impl Fn(&mut RsaFields<'_>)) -> Option<String> {
        rsa_key_with_text(change).map(|text| text.en().to_owned())
    }

    fn rsa_key_with_text(change: impl Fn(&mut RsaFields<'_>)) -> Option<Text> {
        let pem = include_str!(
            "../../../tests/vectors/inspect/key-pkcs1-rsa-matches-leaf/input/leaf-key.test-only.pem"
        );
        let (_, der) = pem_rfc7468::decode_vec(pem.as_bytes()).expect("PEM");
        let mut key = RsaFields::from_der(&der).expect("RSAPrivateKey");
        change(&mut key);
        rsa(&key.to_der().expect("encodes"))
            .expect("still decodes")
            .invalid
    }

    #[test]
    fn an_ec_public_key_that_is_not_the_scalars_is_found() {
        let pem = |text: &str| pem_rfc7468::decode_vec(text.as_bytes()).expect("PEM").1;
        let ours = pem(include_str!(
            "../../../tests/vectors/inspect/key-sec1-ec-matches-leaf/input/leaf-key.test-only.pem"
        ));
        // Another P-256 key (PKCS#8), whose SEC1 key inside carries its own public key.
        let other = pem(include_str!(
            "../../../tests/vectors/inspect/key-matches-nothing/input/key.test-only.pem"
        ));
        let other = key_types::OneAsymmetricKey::from_der(&other).expect("PKCS#8");
        let other = EcFields::from_der(other.private_key).expect("SEC1");
        let mut key = EcFields::from_der(&ours).expect("SEC1");
        assert_eq!(ec(&ours, None).expect("reads").invalid, None);
        key.public_key = other.public_key;
        let reading = ec(&key.to_der().expect("encodes"), None).expect("reads");
        assert_eq!(
            reading.invalid.as_ref().map(Text::en),
            Some("the public key it embeds is not its scalar's")
        );
    }

    #[test]
    fn rsa_numbers_that_disagree_are_found() {
        assert_eq!(rsa_key_with(|_| {}), None);
        assert_eq!(
            rsa_key_with(|k| std::mem::swap(&mut k.prime1, &mut k.prime2)).as_deref(),
            Some("its CRT exponent dP is not d mod (p−1)")
        );
        assert_eq!(
            rsa_key_with(|k| k.coefficient = k.exponent2).as_deref(),
            Some("its CRT coefficient qInv is not q⁻¹ mod p")
        );
        assert_eq!(
            rsa_key_with(|k| k.private_exponent = k.exponent1).as_deref(),
            Some("its private exponent d does not agree with e, p and q")
        );
        assert_eq!(
            rsa_key_with(|k| k.modulus = k.private_exponent).as_deref(),
            Some("p·q is not its modulus n")
        );
        assert_eq!(
            rsa_key_with(|k| k.version = 3).as_deref(),
            Some("its version is 3 (RFC 8017: 0 for two primes)")
        );
    }

    #[test]
    fn mod_pow_is_modular_exponentiation() {
        // 3^5 mod 7 = 243 mod 7 = 5.
        assert_eq!(mod_pow(&[3], &[5], &[7]), Some(vec![5]));
        // Even modulus, or a base not below it: no answer rather than a panic.
        assert_eq!(mod_pow(&[3], &[5], &[8]), None);
        assert_eq!(mod_pow(&[9], &[5], &[7]), None);
        assert_eq!(mod_pow(&[3], &[5], &[]), None);
    }
}
