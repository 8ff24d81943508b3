//! PKCS#12 (RFC 7292) containers: certificates and keys out of a .p12/.pfx with its password.
//!
//! The PFX, its content infos and its bags are read here (below) as far as this tool needs them,
//! keeping each content's encoding as given; the structures inside (`MacData`, `CertBag`,
//! `EncryptedData`, `EncryptedPrivateKeyInfo`) come from the `pkcs12` and `cms` crates. A file is
//! read as DER, or as BER when DER refuses it ([`super::ber`]: NSS writes BER), every part under
//! the same rules. The integrity MAC is HMAC (`hmac`) keyed by the PKCS#12 KDF (`pkcs12::kdf`),
//! or by PBKDF2 for PBMAC1 (RFC 9579; `decryption::pbmac1_key`);
//! bags and safes are decrypted by `private_key::decryption` (PBES2, PBES1 and the PKCS#12 PBE
//! schemes, 3DES, RC2 and RC4), every derivation within the published ceilings
//! (`private_key::ceilings`). What OpenSSL 1.x writes by default (RC2-40 + 3DES), what OpenSSL 3
//! writes (PBES2 AES-256-CBC, HMAC-SHA-256), Java's keytool and NSS's `pk12util` all open.

use super::ber::{self, Encoded};
use super::decode_error;
use super::oids::{ID_DATA, ID_ENCRYPTED_DATA, ID_ENVELOPED_DATA, ID_SIGNED_DATA};
use super::private_key::ceilings::{self, Kdf, OverCeiling};
use super::private_key::decryption::{self, DecryptError, Password, PasswordForm};
use crate::lang::Text;
use der::asn1::{ContextSpecific, OctetString};
use der::referenced::OwnedToRef;
use der::{Decode, DecodeValue, EncodingRules, FixedTag, Header, Reader, Tag, TagNumber};
use hmac::{KeyInit, Mac, SimpleHmac};
use pkcs5::pbes2;
use pkcs12::cms::encrypted_data::EncryptedData;
use pkcs12::kdf::Pkcs12KeyType;
use pkcs12::{CertBag, MacData};
use sha2::digest::{Digest, FixedOutputReset, block_api::BlockSizeUser};
use spki::{AlgorithmIdentifierOwned, ObjectIdentifier};
/// `SafeContents` bags nested deeper than this are refused.
const MAX_DEPTH: usize = 4;

const ID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const ID_SHA224: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.4");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const ID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const ID_PBMAC1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.14");

/// What a PKCS#12 file holds, in file order.
#[derive(Debug, Default)]
pub(crate) struct Pkcs12Contents {
    /// DER X.509 certificates.
    pub certificates: Vec<Vec<u8>>,
    /// The private keys, decrypted.
    pub private_keys: Vec<Pkcs12Key>,
    /// The form of the password that opened it: [`PasswordForm::OldOpenSsl`] when only the
    /// encoding of OpenSSL before 1.1.0 did.
    pub password_form: PasswordForm,
}

/// A private key of a PKCS#12 file.
#[derive(Debug)]
pub(crate) struct Pkcs12Key {
    /// PKCS#8 `PrivateKeyInfo` DER (decrypted).
    pub der: Vec<u8>,
    /// The bag the file held it in.
    pub bag: KeyBag,
    /// The bag's `friendlyName`: the entry's alias in a keystore (keytool writes one for every
    /// entry, `openssl pkcs12 -export -name` one).
    pub alias: Option<String>,
}

/// The two bags a PKCS#12 file holds a key in (RFC 7292 4.2.1, 4.2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyBag {
    /// `keyBag`: the key as it is (`openssl pkcs12 -export -keypbe NONE`).
    Plain,
    /// `pkcs8ShroudedKeyBag`: the key encrypted.
    Shrouded,
}

/// Why a PKCS#12 file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pkcs12Error {
    /// Not the expected ASN.1 structure (said in both languages).
    Malformed(Text),
    /// Protected by a (non-empty) password that was not given.
    NeedsPassword,
    /// The given password does not verify the MAC or decrypt the contents.
    WrongPassword,
    /// A valid file using something not read here (said in both languages).
    Unsupported(Text),
    /// A key derivation above the published ceilings: not attempted.
    OverCeiling(OverCeiling),
}

impl From<DecryptError> for Pkcs12Error {
    fn from(error: DecryptError) -> Self {
        match error {
            DecryptError::WrongPassword => Self::WrongPassword,
            DecryptError::Unsupported(what) => Self::Unsupported(what),
            DecryptError::Malformed(what) => Self::Malformed(what),
            DecryptError::OverCeiling(over) => Self::OverCeiling(over),
        }
    }
}

impl From<der::Error> for Pkcs12Error {
    fn from(error: der::Error) -> Self {
        Self::Malformed(Text::library_error("DER 解码失败", &error))
    }
}

/// Whether `der` is a PFX (decodes as one, version 3, data content; DER, or BER within its
/// ceiling).
pub(crate) fn looks_like_pkcs12(der: &[u8]) -> bool {
    pkcs12_rules(der).is_some()
}

/// The rules a PFX is written in (DER, or BER within its ceiling); `None` if it is not one.
pub(crate) fn pkcs12_rules(der: &[u8]) -> Option<EncodingRules> {
    ber::rules_of::<Pfx<'_>>(der)
}

/// Whether the bytes begin as a PFX (version 3, then a content info whose type is read: data, or
/// signed data for public-key integrity), whatever follows: a file cut short or damaged further
/// on, said for what it is.
pub(crate) fn begins_as_pkcs12(der: &[u8]) -> bool {
    ber::opens_as(der, |fields| {
        if u8::decode(fields)? != 3 || Header::decode(fields)?.tag() != Tag::Sequence {
            return Ok(false);
        }
        let content_type = ObjectIdentifier::decode(fields)?;
        Ok(content_type == ID_DATA || content_type == ID_SIGNED_DATA)
    })
}

/// `PFX` (RFC 7292 4): version 3, the authenticated safe, the MAC. Read here rather than with
/// the `pkcs12` crate's `Pfx`, whose content (`der::Any`) loses an octet string's constructed
/// form, which BER files (NSS) use for the authenticated safe.
struct Pfx<'a> {
    auth_safe: ContentInfo<'a>,
    mac_data: Option<MacData>,
}

impl<'a> Decode<'a> for Pfx<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        reader.sequence(|fields| {
            if u8::decode(fields)? != 3 {
                return Err(der::ErrorKind::Value { tag: Tag::Integer }.into());
            }
            let auth_safe = ContentInfo::decode(fields)?;
            let mac_data = Option::<MacData>::decode(fields)?;
            Ok(Self {
                auth_safe,
                mac_data,
            })
        })
    }
}

/// `ContentInfo` (RFC 5652 3) and `SafeBag` (RFC 7292 4.2) have one shape: a type, then its
/// value inside `[0] EXPLICIT`, kept as the file encodes it and decoded later under the rules the
/// file was read with; a bag's attributes (friendly name, local key ID) follow, kept as given.
struct Typed<'a> {
    id: ObjectIdentifier,
    content: &'a [u8],
    attributes: Option<&'a [u8]>,
}

/// `ContentInfo`: `id` is its content type.
type ContentInfo<'a> = Typed<'a>;
/// `SafeBag`: `id` is its bag type.
type SafeBag<'a> = Typed<'a>;

impl<'a> Decode<'a> for Typed<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        reader.sequence(|fields| {
            let id = ObjectIdentifier::decode(fields)?;
            let content = ContextSpecific::<Encoded<'a>>::decode_explicit(fields, TagNumber(0))?
                .ok_or_else(|| der::Error::from(der::ErrorKind::Failed))?
                .value
                .0;
            let attributes = if fields.is_finished() {
                None
            } else {
                Some(Encoded::decode(fields)?.0)
            };
            Ok(Self {
                id,
                content,
                attributes,
            })
        })
    }
}

/// PKCS#9 `friendlyName` (RFC 2985 5.5.1): the alias keytool and Windows show for an entry.
const FRIENDLY_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.20");

/// A bag's `friendlyName`, from its `bagAttributes` (RFC 7292 4.2: `SET OF` attributes, read with
/// x509-cert's `Attributes`, which a CSR's decoding already has) as the file encodes them: the
/// first value, a `BMPString`. `None` when it has none or they do not decode (the name only helps
/// a message, so nothing fails for it).
fn friendly_name(attributes: Option<&[u8]>, rules: EncodingRules) -> Option<String> {
    let attributes = ber::decode_as::<x509_cert::attr::Attributes>(attributes?, rules).ok()?;
    let attribute = attributes.iter().find(|a| a.oid == FRIENDLY_NAME)?;
    let name = attribute
        .values
        .iter()
        .next()?
        .decode_as::<der::asn1::BmpString>()
        .ok()?;
    Some(name.chars().collect::<String>()).filter(|name| !name.trim().is_empty())
}

/// `PKCS12_DEFAULT_ITER` of OpenSSL before 1.1.0, the MAC iterations its command wrote (or 1).
const OLD_OPENSSL_MAC_ITERATIONS: i32 = 2_048;

fn iterations(count: i32) -> Result<u32, Pkcs12Error> {
    ceilings::iterations(Kdf::Pkcs12, count.into()).map_err(|over| match over {
        Some(over) => Pkcs12Error::OverCeiling(over),
        None => Pkcs12Error::Malformed(tr!("iteration count {count}", "迭代次数 {count}")),
    })
}

fn hmac_matches<D>(password: Password<'_>, mac: &MacData, data: &[u8]) -> Result<bool, Pkcs12Error>
where
    D: Digest + FixedOutputReset + BlockSizeUser,
{
    let rounds = iterations(mac.iterations)?;
    let key = password.pkcs12_key::<D>(
        mac.mac_salt.as_bytes(),
        Pkcs12KeyType::Mac,
        rounds,
        <D as Digest>::output_size(),
    )?;
    Ok(hmac_verifies::<D>(&key, mac, data))
}

fn mac_matches(password: Password<'_>, mac: &MacData, data: &[u8]) -> Result<bool, Pkcs12Error> {
    match mac.mac.algorithm.oid {
        ID_SHA1 => hmac_matches::<sha1::Sha1>(password, mac, data),
        ID_SHA224 => hmac_matches::<sha2::Sha224>(password, mac, data),
        ID_SHA256 => hmac_matches::<sha2::Sha256>(password, mac, data),
        ID_SHA384 => hmac_matches::<sha2::Sha384>(password, mac, data),
        ID_SHA512 => hmac_matches::<sha2::Sha512>(password, mac, data),
        ID_PBMAC1 => pbmac1_matches(password, mac, data),
        other => Err(Pkcs12Error::Unsupported(tr!(
            "MAC digest {other}",
            "MAC 摘要算法 {other}"
        ))),
    }
}

/// `PBMAC1-params` (RFC 8018 A.5): the key derivation, then the MAC.
struct Pbmac1Params {
    kdf: pbes2::Kdf,
    mac: AlgorithmIdentifierOwned,
}

impl FixedTag for Pbmac1Params {
    const TAG: Tag = Tag::Sequence;
}

impl<'a> DecodeValue<'a> for Pbmac1Params {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, _header: Header) -> der::Result<Self> {
        let kdf = pbes2::Kdf::decode(reader)?;
        let mac = AlgorithmIdentifierOwned::decode(reader)?;
        Ok(Self { kdf, mac })
    }
}

/// A PBMAC1 MAC (RFC 9579): HMAC keyed by PBKDF2; the `MacData`'s own salt and iteration count
/// are not used.
fn pbmac1_matches(password: Password<'_>, mac: &MacData, data: &[u8]) -> Result<bool, Pkcs12Error> {
    let params = mac.mac.algorithm.parameters.as_ref().ok_or_else(|| {
        Pkcs12Error::Malformed(tr!("PBMAC1 without parameters", "PBMAC1 缺少参数"))
    })?;
    let params = params.decode_as::<Pbmac1Params>()?;
    let key = decryption::pbmac1_key(&params.kdf, password)?;
    // The MAC is HMAC with a digest named as PBKDF2's PRFs are (hmacWithSHA1 … hmacWithSHA512).
    match pbes2::Pbkdf2Prf::try_from(params.mac.owned_to_ref()) {
        Ok(pbes2::Pbkdf2Prf::HmacWithSha1) => Ok(hmac_verifies::<sha1::Sha1>(&key, mac, data)),
        Ok(pbes2::Pbkdf2Prf::HmacWithSha224) => Ok(hmac_verifies::<sha2::Sha224>(&key, mac, data)),
        Ok(pbes2::Pbkdf2Prf::HmacWithSha256) => Ok(hmac_verifies::<sha2::Sha256>(&key, mac, data)),
        Ok(pbes2::Pbkdf2Prf::HmacWithSha384) => Ok(hmac_verifies::<sha2::Sha384>(&key, mac, data)),
        Ok(pbes2::Pbkdf2Prf::HmacWithSha512) => Ok(hmac_verifies::<sha2::Sha512>(&key, mac, data)),
        _ => {
            let other = params.mac.oid;
            Err(Pkcs12Error::Unsupported(tr!(
                "PBMAC1 MAC {other}",
                "PBMAC1 MAC 算法 {other}"
            )))
        }
    }
}

/// Whether HMAC with `D` and `key` over `data` is the file's MAC.
fn hmac_verifies<D>(key: &[u8], mac: &MacData, data: &[u8]) -> bool
where
    D: Digest + BlockSizeUser,
{
    <SimpleHmac<D> as KeyInit>::new_from_slice(key).is_ok_and(|mut hmac| {
        hmac.update(data);
        hmac.verify_slice(mac.mac.digest.as_bytes()).is_ok()
    })
}

/// Opens a PFX. `password: None` tries the absent and the empty password.
// Not inlined into the analysis loop: the browser compiles a wasm function whole on its first
// call, and most inputs never need this one.
#[inline(never)]
pub(crate) fn open(der: &[u8], password: Option<&str>) -> Result<Pkcs12Contents, Pkcs12Error> {
    if cfg!(not(feature = "encrypted-inputs")) {
        return Err(Pkcs12Error::Unsupported(tr!(
            "PKCS#12 (not supported in this build)",
            "PKCS#12（此构建不支持）"
        )));
    }
    // NSS writes the whole file in BER; its parts are then read under the same rules.
    let (pfx, rules) = ber::decode_with_rules::<Pfx<'_>>(der)
        .map_err(|error| Pkcs12Error::Malformed(decode_error::reason(&error, der)))?;
    match pfx.auth_safe.id {
        ID_DATA => {}
        ID_SIGNED_DATA => {
            return Err(Pkcs12Error::Unsupported(tr!(
                "public-key integrity mode (signed data)",
                "公钥完整性模式（签名数据）"
            )));
        }
        other => {
            return Err(Pkcs12Error::Malformed(tr!(
                "authSafe content type {other}",
                "authSafe 的内容类型 {other}"
            )));
        }
    }
    let auth_safe = ber::decode_as::<OctetString>(pfx.auth_safe.content, rules)?;
    let data = auth_safe.as_bytes();

    let candidates: Vec<Password<'_>> = match password {
        // Beyond ASCII, the form OpenSSL before 1.1.0 wrote is tried second (the MAC tells).
        Some(text) => Password::forms(text),
        None => vec![Password::Absent, Password::Text("")],
    };
    let password = match &pfx.mac_data {
        Some(mac) => {
            let mut matched = None;
            for candidate in &candidates {
                // OpenSSL before 1.1.0 wrote at most 2,048 MAC iterations (its `pkcs12` command's
                // only count): its form is not worth a second derivation on a file with more.
                if candidate.form() == PasswordForm::OldOpenSsl
                    && mac.iterations > OLD_OPENSSL_MAC_ITERATIONS
                {
                    continue;
                }
                if mac_matches(*candidate, mac, data)? {
                    matched = Some(*candidate);
                    break;
                }
            }
            match (matched, password) {
                (Some(found), _) => found,
                (None, None) => return Err(Pkcs12Error::NeedsPassword),
                (None, Some(_)) => return Err(Pkcs12Error::WrongPassword),
            }
        }
        // Without a MAC, a wrong password shows as a decryption failure below.
        None => candidates[0],
    };

    let mut contents = Pkcs12Contents {
        password_form: password.form(),
        ..Pkcs12Contents::default()
    };
    let infos = ber::decode_as::<Vec<ContentInfo<'_>>>(data, rules)?;
    for info in &infos {
        let bags = match info.id {
            ID_DATA => ber::decode_as::<OctetString>(info.content, rules)?
                .as_bytes()
                .to_vec(),
            ID_ENCRYPTED_DATA => {
                let encrypted = ber::decode_as::<EncryptedData>(info.content, rules)?;
                let content = &encrypted.enc_content_info;
                let ciphertext = content.encrypted_content.as_ref().ok_or_else(|| {
                    Pkcs12Error::Malformed(tr!(
                        "encrypted data without content",
                        "加密数据没有内容"
                    ))
                })?;
                decryption::decrypt(&content.content_enc_alg, ciphertext.as_bytes(), password)?
            }
            ID_ENVELOPED_DATA => {
                return Err(Pkcs12Error::Unsupported(tr!(
                    "public-key privacy mode (enveloped data)",
                    "公钥保密模式（信封数据）"
                )));
            }
            other => {
                return Err(Pkcs12Error::Malformed(tr!(
                    "safe content type {other}",
                    "safe contents 的内容类型 {other}"
                )));
            }
        };
        let bags = ber::decode_as::<Vec<SafeBag<'_>>>(&bags, rules)?;
        read_bags(bags, password, rules, &mut contents, 0)?;
    }
    Ok(contents)
}

fn read_bags(
    bags: Vec<SafeBag<'_>>,
    password: Password<'_>,
    rules: EncodingRules,
    contents: &mut Pkcs12Contents,
    depth: usize,
) -> Result<(), Pkcs12Error> {
    if depth > MAX_DEPTH {
        return Err(Pkcs12Error::Malformed(tr!(
            "safe contents nested too deep",
            "safe contents 嵌套过深"
        )));
    }
    for bag in bags {
        match bag.id {
            pkcs12::PKCS_12_CERT_BAG_OID => {
                let cert = ber::decode_as::<CertBag>(bag.content, rules)?;
                // SDSI certificates are not X.509; nothing else is read from them.
                if cert.cert_id == pkcs12::PKCS_12_X509_CERT_OID {
                    contents
                        .certificates
                        .push(cert.cert_value.as_bytes().to_vec());
                }
            }
            pkcs12::PKCS_12_KEY_BAG_OID => {
                contents.private_keys.push(Pkcs12Key {
                    der: bag.content.to_vec(),
                    bag: KeyBag::Plain,
                    alias: friendly_name(bag.attributes, rules),
                });
            }
            pkcs12::PKCS_12_PKCS8_KEY_BAG_OID => {
                let shrouded = ber::decode_as::<pkcs12::pbe_params::EncryptedPrivateKeyInfo>(
                    bag.content,
                    rules,
                )?;
                let key = decryption::decrypt(
                    &shrouded.encryption_algorithm,
                    shrouded.encrypted_data.as_bytes(),
                    password,
                )?;
                if pkcs8::PrivateKeyInfoRef::from_der(&key).is_err() {
                    return Err(Pkcs12Error::WrongPassword);
                }
                contents.private_keys.push(Pkcs12Key {
                    der: key,
                    bag: KeyBag::Shrouded,
                    alias: friendly_name(bag.attributes, rules),
                });
            }
            pkcs12::PKCS_12_SAFE_CONTENTS_BAG_OID => {
                let inner = ber::decode_as::<Vec<SafeBag<'_>>>(bag.content, rules)?;
                read_bags(inner, password, rules, contents, depth + 1)?;
            }
            // CRL and secret bags carry nothing this tool checks.
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_beyond_ascii_is_tried_as_old_openssl_wrote_it() {
        let password = "证书密码2026";
        // OpenSSL 1.0.2's defaults (2,048 MAC iterations) in the password's old form: opened, said.
        let centos7 = include_bytes!(
            "../../tests/vectors/inspect/pkcs12-old-openssl-chinese-password/input/centos7-server.test-only.p12"
        );
        let opened = open(centos7, Some(password)).expect("opens");
        assert_eq!(opened.password_form, PasswordForm::OldOpenSsl);
        assert_eq!(opened.private_keys.len(), 1);
        // Its form with an ASCII password is the password itself: never tried, never said.
        assert!(matches!(
            open(centos7, Some("2026")),
            Err(Pkcs12Error::WrongPassword)
        ));
        // The same form with 4,096 MAC iterations (`openssl pkcs12 -export -legacy -iter 4096` given
        // the old form by OpenSSL 3.0, which opens it with the password itself): more than any
        // OpenSSL before 1.1.0 wrote, so not derived a second time.
        let more =
            include_bytes!("../../tests/data/old-openssl-form-4096-iterations.test-only.p12");
        assert!(matches!(
            open(more, Some(password)),
            Err(Pkcs12Error::WrongPassword)
        ));
        let widened: String = password.bytes().map(char::from).collect();
        assert!(
            open(more, Some(&widened)).is_ok_and(|c| c.password_form == PasswordForm::Standard)
        );
    }

    #[test]
    fn non_pfx_bytes_are_not_pkcs12() {
        assert!(!looks_like_pkcs12(b""));
        assert!(!looks_like_pkcs12(b"\x30\x03\x02\x01\x03"));
        assert!(matches!(
            open(b"\x30\x00", None),
            Err(Pkcs12Error::Malformed(_))
        ));
    }

    #[test]
    fn iteration_counts_are_bounded() {
        assert_eq!(iterations(2048), Ok(2048));
        assert!(matches!(iterations(0), Err(Pkcs12Error::Malformed(_))));
        assert!(matches!(
            iterations(i32::MAX),
            Err(Pkcs12Error::OverCeiling(_))
        ));
    }
}
