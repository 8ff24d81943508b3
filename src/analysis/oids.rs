//! Object identifiers the analysis and the fixes compare with, each declared once: key
//! algorithms, named curves and CMS content types. Identifiers only one decoder knows (a PBE
//! scheme, a hash of the PKCS#12 MAC) stay beside it; names for display are in [`super::oid_names`].

use der::asn1::ObjectIdentifier as Oid;

/// `rsaEncryption` (RFC 8017 appendix A.1).
pub(crate) const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
/// `id-RSASSA-PSS` (RFC 4055 §3.1), as key and as signature algorithm.
pub(crate) const RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
/// `id-ecPublicKey` (RFC 5480 §2.1.1).
pub(crate) const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
/// `id-Ed25519` (RFC 8410 §3).
pub(crate) const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
/// `secp256r1` (RFC 5480 §2.1.1.1).
pub(crate) const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
/// `secp384r1`.
pub(crate) const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
/// `secp521r1`.
pub(crate) const P521: Oid = Oid::new_unwrap("1.3.132.0.35");
/// The SM2 curve (GM/T 0006: `1.2.156.10197.1.301`).
pub(crate) const SM2_CURVE: Oid = Oid::new_unwrap("1.2.156.10197.1.301");
/// `id-dsa` (RFC 3279 §2.3.2).
pub(crate) const DSA: Oid = Oid::new_unwrap("1.2.840.10040.4.1");
/// `dhKeyAgreement` (PKCS#3).
pub(crate) const DH_PKCS3: Oid = Oid::new_unwrap("1.2.840.113549.1.3.1");
/// `dhpublicnumber` (X9.42, RFC 3279 §2.3.3).
pub(crate) const DH_X942: Oid = Oid::new_unwrap("1.2.840.10046.2.1");
/// `id-X25519` (RFC 8410 §3).
pub(crate) const X25519: Oid = Oid::new_unwrap("1.3.101.110");
/// `id-X448`.
pub(crate) const X448: Oid = Oid::new_unwrap("1.3.101.111");
/// `id-Ed448`.
pub(crate) const ED448: Oid = Oid::new_unwrap("1.3.101.113");

/// `id-data` (RFC 5652 §4).
pub(crate) const ID_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
/// `id-signedData` (RFC 5652 §5.1).
pub(crate) const ID_SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
/// `id-envelopedData` (RFC 5652 §6.1).
pub(crate) const ID_ENVELOPED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.3");
/// `id-encryptedData` (RFC 5652 §8).
pub(crate) const ID_ENCRYPTED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.6");
