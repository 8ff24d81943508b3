//! Password-based decryption of private keys and PKCS#12 contents, with every scheme real tools
//! write. One entry, [`decrypt`], takes the `EncryptionAlgorithmIdentifier` of an encrypted
//! PKCS#8 key (RFC 5958 §3), a PKCS#12 shrouded key bag or an encrypted safe (RFC 7292):
//!
//! - PBES2 (RFC 8018 §6.2, parameters read by the `pkcs5` crate): PBKDF2 with
//!   HMAC-SHA-1/224/256/384/512 (`pbkdf2`) or scrypt (RFC 7914, `scrypt`), then AES-128/192/256,
//!   DES-EDE3, DES, RC2 with its effective key length (RFC 8018 B.2.3), Camellia or ARIA, in CBC;
//! - PBES1 (RFC 8018 §6.1): pbeWithMD5AndDES-CBC, pbeWithSHA1AndDES-CBC, pbeWithMD5AndRC2-CBC,
//!   pbeWithSHA1AndRC2-CBC (PBKDF1 over `md-5`/`sha1`; `des`, `rc2`);
//! - the PKCS#12 PBE schemes (RFC 7292 Appendix C), also found inside PKCS#8
//!   (`openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES`): 3-key and 2-key 3DES, RC2-128/40 (CBC), RC4-128/40,
//!   keyed by the PKCS#12 KDF of the `pkcs12` crate.
//!
//! Every derivation is checked against [`super::ceilings`] before it starts. Every block cipher
//! goes through one dispatch, [`cbc_decrypt`] (legacy PEM uses it too), so that each is compiled
//! into the page once; `pkcs5`'s own decryption (with its copies of the ciphers and AES-GCM, which
//! no tool writes for keys) is not used. Nothing here prints or keeps a password or a derived key.

use super::ceilings::{self, Kdf, OverCeiling};
use crate::lang::Text;
use cbc::cipher::{
    BlockCipherDecrypt, BlockModeDecrypt, InnerIvInit, KeyInit, StreamCipher, block_padding::Pkcs7,
};
use der::referenced::OwnedToRef;
use der::{Decode, Encode};
use pkcs5::pbes1;
use pkcs5::pbes2;
use pkcs12::kdf::{Pkcs12KeyType, derive_key, derive_key_utf8};
use pkcs12::pbe_params::Pkcs12PbeParams;
use sha2::digest::{self, Digest};
use spki::{AlgorithmIdentifierOwned, ObjectIdentifier as Oid};
use std::fmt;

/// `rc2CBC` (RFC 8018 B.2.3).
const RC2_CBC: Oid = Oid::new_unwrap("1.2.840.113549.3.2");

/// PBES2 ciphers `pkcs5` does not offer, which OpenSSL 3 writes (`openssl rsa -camellia256` and
/// `openssl genrsa -aria256` write PKCS#8 PBES2 with them): CBC with a 16-byte IV as parameters
/// (RFC 3657 §3 for Camellia, RFC 5794 for ARIA).
const OTHER_PBES2_CIPHERS: [(Oid, BlockCipher); 6] = [
    (
        Oid::new_unwrap("1.2.392.200011.61.1.1.1.2"),
        BlockCipher::Camellia128,
    ),
    (
        Oid::new_unwrap("1.2.392.200011.61.1.1.1.3"),
        BlockCipher::Camellia192,
    ),
    (
        Oid::new_unwrap("1.2.392.200011.61.1.1.1.4"),
        BlockCipher::Camellia256,
    ),
    (
        Oid::new_unwrap("1.2.410.200046.1.1.2"),
        BlockCipher::Aria128,
    ),
    (
        Oid::new_unwrap("1.2.410.200046.1.1.7"),
        BlockCipher::Aria192,
    ),
    (
        Oid::new_unwrap("1.2.410.200046.1.1.12"),
        BlockCipher::Aria256,
    ),
];

/// A password as the derivations see it. PKCS#12 files written "without" a password hold either
/// an absent password (no bytes at all for the PKCS#12 KDF) or the empty string (a lone BMP
/// terminator); the caller tries both.
#[derive(Clone, Copy)]
pub enum Password<'a> {
    /// No password at all.
    Absent,
    /// The text the user gave.
    Text(&'a str),
    /// The text as OpenSSL before 1.1.0 gave it to the PKCS#12 KDF: each byte of its UTF-8 one
    /// character of the `BMPString` (`OPENSSL_asc2uni`), where RFC 7292 (B.1) wants its UTF-16.
    /// Those versions (1.0.2 among them) wrote every password beyond ASCII so; PBES2 took the
    /// text's bytes as they are, as now. OpenSSL's own `pkcs12` command still retries a password
    /// so ("using broken algorithm").
    OldOpenSsl(&'a str),
}

impl fmt::Debug for Password<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Password::Absent => f.write_str("Absent"),
            Password::Text(_) => f.write_str("Text(** REDACTED **)"),
            Password::OldOpenSsl(_) => f.write_str("OldOpenSsl(** REDACTED **)"),
        }
    }
}

/// How a password was encoded for the derivation that verified: as the standards say, or as
/// OpenSSL before 1.1.0 did ([`Password::OldOpenSsl`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PasswordForm {
    /// UTF-8 for PBES2, UTF-16 for the PKCS#12 KDF (RFC 8018, RFC 7292).
    #[default]
    Standard,
    /// Each UTF-8 byte one character for the PKCS#12 KDF.
    OldOpenSsl,
}

impl<'a> Password<'a> {
    /// The forms a password given as `text` is tried in, in order: the text as the standards
    /// encode it, then, beyond ASCII (where the two differ), as OpenSSL before 1.1.0 did.
    pub fn forms(text: &'a str) -> Vec<Self> {
        if text.is_ascii() {
            vec![Self::Text(text)]
        } else {
            vec![Self::Text(text), Self::OldOpenSsl(text)]
        }
    }

    /// Which form this is.
    pub fn form(self) -> PasswordForm {
        match self {
            Password::OldOpenSsl(_) => PasswordForm::OldOpenSsl,
            Password::Absent | Password::Text(_) => PasswordForm::Standard,
        }
    }
}

impl Password<'_> {
    /// Bytes for PBES1 and PBES2 (RFC 8018): the UTF-8 text as is.
    fn utf8(&self) -> &[u8] {
        match self {
            Password::Absent => b"",
            Password::Text(text) | Password::OldOpenSsl(text) => text.as_bytes(),
        }
    }

    /// The PKCS#12 KDF (RFC 7292 B.2) output for this password: a `BMPString` with its terminator.
    pub fn pkcs12_key<D>(
        &self,
        salt: &[u8],
        id: Pkcs12KeyType,
        rounds: u32,
        len: usize,
    ) -> Result<Vec<u8>, DecryptError>
    where
        D: Digest + digest::FixedOutputReset + digest::block_api::BlockSizeUser,
    {
        // The ceiling keeps rounds far below i32::MAX.
        let rounds = i32::try_from(rounds).unwrap_or(i32::MAX);
        match self {
            Password::Absent => Ok(derive_key::<D>(&[], salt, id, rounds, len)),
            Password::Text(text) => {
                derive_key_utf8::<D>(text, salt, id, rounds, len).map_err(|_| {
                    DecryptError::Unsupported(tr!(
                        "a password with characters outside the Basic Multilingual Plane (PKCS#12 \
                         passwords are BMPStrings)",
                        "含基本多文种平面（BMP）以外字符的口令（PKCS#12 口令是 BMPString）"
                    ))
                })
            }
            Password::OldOpenSsl(text) => {
                // Each byte a character below U+0100: always within the BMP.
                let widened: String = text.bytes().map(char::from).collect();
                derive_key_utf8::<D>(&widened, salt, id, rounds, len)
                    .map_err(|_| DecryptError::WrongPassword)
            }
        }
    }
}

/// Why something could not be decrypted. Holds only public facts (algorithm names, counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecryptError {
    /// The password does not decrypt it (the padding or the structure inside is wrong).
    WrongPassword,
    /// A scheme, KDF, PRF or cipher this tool does not read, named (in both languages).
    Unsupported(Text),
    /// Parameters that cannot be right (a zero iteration count, a bad IV length…), named (in
    /// both languages).
    Malformed(Text),
    /// A derivation above a published ceiling: not attempted.
    OverCeiling(OverCeiling),
}

impl fmt::Display for DecryptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongPassword => f.write_str("the password does not decrypt it"),
            Self::Unsupported(what) => write!(f, "{} is not supported", what.en()),
            Self::Malformed(what) => write!(f, "malformed encryption parameters: {}", what.en()),
            Self::OverCeiling(over) => over.fmt(f),
        }
    }
}

impl From<der::Error> for DecryptError {
    fn from(error: der::Error) -> Self {
        Self::Malformed(Text::library_error("DER 解码失败", &error))
    }
}

/// The schemes of RFC 7292 Appendix C, PBES1 and PBES2, by OID, with their names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scheme {
    Pkcs12(Pkcs12Cipher),
    Pbes1(Pbes1Hash, Pbes1Cipher),
    Pbes2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pkcs12Cipher {
    TripleDes3Key,
    TripleDes2Key,
    Rc2With128,
    Rc2With40,
    Rc4With128,
    Rc4With40,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pbes1Hash {
    Md5,
    Sha1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pbes1Cipher {
    Des,
    Rc2,
}

const SCHEMES: [(Oid, Scheme, &str); 11] = {
    use Pbes1Cipher::*;
    use Pbes1Hash::*;
    use Pkcs12Cipher::*;
    [
        (
            pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC,
            Scheme::Pkcs12(TripleDes3Key),
            "pbeWithSHAAnd3-KeyTripleDES-CBC",
        ),
        (
            pkcs12::PKCS_12_PBE_WITH_SHAAND2_KEY_TRIPLE_DES_CBC,
            Scheme::Pkcs12(TripleDes2Key),
            "pbeWithSHAAnd2-KeyTripleDES-CBC",
        ),
        (
            pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC2_CBC,
            Scheme::Pkcs12(Rc2With128),
            "pbeWithSHAAnd128BitRC2-CBC",
        ),
        (
            pkcs12::PKCS_12_PBEWITH_SHAAND40_BIT_RC2_CBC,
            Scheme::Pkcs12(Rc2With40),
            "pbeWithSHAAnd40BitRC2-CBC",
        ),
        (
            pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC4,
            Scheme::Pkcs12(Rc4With128),
            "pbeWithSHAAnd128BitRC4",
        ),
        (
            pkcs12::PKCS_12_PBE_WITH_SHAAND40_BIT_RC4,
            Scheme::Pkcs12(Rc4With40),
            "pbeWithSHAAnd40BitRC4",
        ),
        (
            pbes1::PBE_WITH_MD5_AND_DES_CBC_OID,
            Scheme::Pbes1(Md5, Des),
            "pbeWithMD5AndDES-CBC",
        ),
        (
            pbes1::PBE_WITH_SHA1_AND_DES_CBC_OID,
            Scheme::Pbes1(Sha1, Des),
            "pbeWithSHA1AndDES-CBC",
        ),
        (
            pbes1::PBE_WITH_MD5_AND_RC2_CBC_OID,
            Scheme::Pbes1(Md5, Rc2),
            "pbeWithMD5AndRC2-CBC",
        ),
        (
            pbes1::PBE_WITH_SHA1_AND_RC2_CBC_OID,
            Scheme::Pbes1(Sha1, Rc2),
            "pbeWithSHA1AndRC2-CBC",
        ),
        (pbes2::PBES2_OID, Scheme::Pbes2, "PBES2"),
    ]
};

fn scheme(oid: Oid) -> Option<(Scheme, &'static str)> {
    SCHEMES
        .iter()
        .find(|(known, _, _)| *known == oid)
        .map(|(_, scheme, name)| (*scheme, *name))
}

/// The scheme's name for messages ("PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)",
/// "pbeWithSHAAnd40BitRC2-CBC"), or the dotted OID of one this tool does not know.
pub fn describe(algorithm: &AlgorithmIdentifierOwned) -> String {
    match scheme(algorithm.oid) {
        Some((Scheme::Pbes2, _)) => match pbes2_parts(algorithm) {
            Ok(parts) => format!("PBES2 ({}, {})", parts.kdf_name(), parts.cipher_name()),
            Err(_) => "PBES2".into(),
        },
        Some((_, name)) => name.into(),
        None => format!("encryption algorithm {}", algorithm.oid),
    }
}

/// Decrypts `ciphertext` with the scheme `algorithm` names. The plaintext is returned as it
/// comes out of the cipher (padding removed); checking that it is the expected structure is the
/// caller's (a wrong password gives garbage under RC4, which has no padding).
pub fn decrypt(
    algorithm: &AlgorithmIdentifierOwned,
    ciphertext: &[u8],
    password: Password<'_>,
) -> Result<Vec<u8>, DecryptError> {
    match scheme(algorithm.oid) {
        Some((Scheme::Pkcs12(cipher), _)) => pkcs12_pbe(cipher, algorithm, ciphertext, password),
        Some((Scheme::Pbes1(hash, cipher), _)) => {
            pbes1(hash, cipher, algorithm, ciphertext, password)
        }
        Some((Scheme::Pbes2, _)) => pbes2_decrypt(algorithm, ciphertext, password),
        None if algorithm.oid == pbes1::PBE_WITH_MD2_AND_DES_CBC_OID
            || algorithm.oid == pbes1::PBE_WITH_MD2_AND_RC2_CBC_OID =>
        {
            Err(DecryptError::Unsupported(tr!(
                "PBES1 with MD2 (no tool has written it this century)",
                "使用 MD2 的 PBES1（本世纪已没有工具这样写）"
            )))
        }
        None => {
            let oid = algorithm.oid;
            Err(DecryptError::Unsupported(tr!(
                "encryption algorithm {oid}",
                "加密算法 {oid}"
            )))
        }
    }
}

fn parameters<T: for<'a> Decode<'a, Error = der::Error>>(
    algorithm: &AlgorithmIdentifierOwned,
) -> Result<T, DecryptError> {
    let any = algorithm
        .parameters
        .as_ref()
        .ok_or_else(|| DecryptError::Malformed(tr!("no algorithm parameters", "缺少算法参数")))?;
    Ok(T::from_der(&any.to_der()?)?)
}

fn over(error: Option<OverCeiling>, kdf: &str) -> DecryptError {
    match error {
        Some(over) => DecryptError::OverCeiling(over),
        None => DecryptError::Malformed(tr!(
            "{kdf} iteration count below 1",
            "{kdf} 的迭代次数小于 1"
        )),
    }
}

// --- PKCS#12 PBE (RFC 7292 Appendix C) ----------------------------------------------------------

/// Decrypts with a PKCS#12 PBE scheme: key and IV from the PKCS#12 KDF with SHA-1.
fn pkcs12_pbe(
    cipher: Pkcs12Cipher,
    algorithm: &AlgorithmIdentifierOwned,
    ciphertext: &[u8],
    password: Password<'_>,
) -> Result<Vec<u8>, DecryptError> {
    use Pkcs12Cipher::*;
    let params: Pkcs12PbeParams = parameters(algorithm)?;
    let rounds = ceilings::iterations(Kdf::Pkcs12, params.iterations.into())
        .map_err(|e| over(e, "PKCS#12 KDF"))?;
    let salt = params.salt.as_bytes();
    let key_len = match cipher {
        TripleDes3Key => 24,
        TripleDes2Key | Rc2With128 | Rc4With128 => 16,
        Rc2With40 | Rc4With40 => 5,
    };
    let key =
        password.pkcs12_key::<sha1::Sha1>(salt, Pkcs12KeyType::EncryptionKey, rounds, key_len)?;
    if let Rc4With128 | Rc4With40 = cipher {
        let mut plain = ciphertext.to_vec();
        let mut rc4 = rc4::Rc4::new_from_slice(&key)
            .map_err(|_| DecryptError::Malformed(tr!("RC4 key length", "RC4 密钥长度")))?;
        rc4.apply_keystream(&mut plain);
        return Ok(plain);
    }
    let iv = password.pkcs12_key::<sha1::Sha1>(salt, Pkcs12KeyType::Iv, rounds, 8)?;
    let block = match cipher {
        TripleDes3Key => BlockCipher::TdesEde3,
        TripleDes2Key => BlockCipher::TdesEde2,
        // The scheme fixes the effective key length to the key's (RFC 7292 B.2 and C).
        Rc2With128 => BlockCipher::Rc2 {
            effective_bits: 128,
        },
        Rc2With40 => BlockCipher::Rc2 { effective_bits: 40 },
        Rc4With128 | Rc4With40 => return Err(DecryptError::WrongPassword),
    };
    cbc_decrypt(block, &key, &iv, ciphertext)
}

/// The block ciphers of every scheme here (PBES1, PBES2, PKCS#12 PBE, legacy PEM), all in CBC
/// mode with PKCS#7 padding: one dispatch, so that each cipher is compiled into the page once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BlockCipher {
    Aes128,
    Aes192,
    Aes256,
    Aria128,
    Aria192,
    Aria256,
    Camellia128,
    Camellia192,
    Camellia256,
    Des,
    /// Two-key 3DES (K1, K2, K1).
    TdesEde2,
    TdesEde3,
    /// RC2 with its effective key length in bits (RFC 2268), which may differ from the key's.
    Rc2 {
        effective_bits: usize,
    },
}

impl BlockCipher {
    /// The key length in bytes; `None` for RC2, whose key length varies.
    pub fn key_len(self) -> Option<usize> {
        use BlockCipher::*;
        Some(match self {
            Des => 8,
            Aes128 | Aria128 | Camellia128 | TdesEde2 => 16,
            Aes192 | Aria192 | Camellia192 | TdesEde3 => 24,
            Aes256 | Aria256 | Camellia256 => 32,
            Rc2 { .. } => return None,
        })
    }

    /// The block (and IV) length in bytes.
    pub fn iv_len(self) -> usize {
        use BlockCipher::*;
        match self {
            Des | TdesEde2 | TdesEde3 | Rc2 { .. } => 8,
            _ => 16,
        }
    }

    fn name(self) -> String {
        use BlockCipher::*;
        match self {
            Rc2 { effective_bits } => format!("RC2-CBC, {effective_bits}-bit"),
            other => match other {
                Aes128 => "AES-128-CBC",
                Aes192 => "AES-192-CBC",
                Aes256 => "AES-256-CBC",
                Aria128 => "ARIA-128-CBC",
                Aria192 => "ARIA-192-CBC",
                Aria256 => "ARIA-256-CBC",
                Camellia128 => "CAMELLIA-128-CBC",
                Camellia192 => "CAMELLIA-192-CBC",
                Camellia256 => "CAMELLIA-256-CBC",
                Des => "DES-CBC",
                TdesEde2 => "DES-EDE-CBC",
                TdesEde3 | Rc2 { .. } => "DES-EDE3-CBC",
            }
            .to_owned(),
        }
    }
}

/// CBC decryption with PKCS#7 padding; a padding failure is a wrong password.
pub fn cbc_decrypt(
    cipher: BlockCipher,
    key: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
) -> Result<Vec<u8>, DecryptError> {
    use BlockCipher::*;
    let key_length = || DecryptError::Malformed(tr!("key length", "密钥长度"));
    let wide = match cipher {
        Aes128 => Wide::Aes128(aes::Aes128::new_from_slice(key).map_err(|_| key_length())?),
        Aes192 => Wide::Aes192(aes::Aes192::new_from_slice(key).map_err(|_| key_length())?),
        Aes256 => Wide::Aes256(aes::Aes256::new_from_slice(key).map_err(|_| key_length())?),
        Aria128 => Wide::Aria128(aria::Aria128::new_from_slice(key).map_err(|_| key_length())?),
        Aria192 => Wide::Aria192(aria::Aria192::new_from_slice(key).map_err(|_| key_length())?),
        Aria256 => Wide::Aria256(aria::Aria256::new_from_slice(key).map_err(|_| key_length())?),
        Camellia128 => {
            Wide::Camellia128(camellia::Camellia128::new_from_slice(key).map_err(|_| key_length())?)
        }
        Camellia192 => {
            Wide::Camellia192(camellia::Camellia192::new_from_slice(key).map_err(|_| key_length())?)
        }
        Camellia256 => {
            Wide::Camellia256(camellia::Camellia256::new_from_slice(key).map_err(|_| key_length())?)
        }
        Des => {
            return cbc(
                Narrow::Des(des::Des::new_from_slice(key).map_err(|_| key_length())?),
                iv,
                ciphertext,
            );
        }
        TdesEde2 => {
            return cbc(
                Narrow::TdesEde2(des::TdesEde2::new_from_slice(key).map_err(|_| key_length())?),
                iv,
                ciphertext,
            );
        }
        TdesEde3 => {
            return cbc(
                Narrow::TdesEde3(des::TdesEde3::new_from_slice(key).map_err(|_| key_length())?),
                iv,
                ciphertext,
            );
        }
        // RC2's key schedule takes 1 to 128 key bytes and 1 to 1024 effective bits.
        Rc2 { effective_bits }
            if (1..=128).contains(&key.len()) && (1..=1024).contains(&effective_bits) =>
        {
            return cbc(
                Narrow::Rc2(rc2::Rc2::new_with_eff_key_len(key, effective_bits)),
                iv,
                ciphertext,
            );
        }
        Rc2 { .. } => {
            return Err(DecryptError::Malformed(tr!(
                "RC2 key or effective key length",
                "RC2 密钥长度或有效密钥长度"
            )));
        }
    };
    cbc(wide, iv, ciphertext)
}

fn cbc<C: BlockCipherDecrypt>(
    cipher: C,
    iv: &[u8],
    ciphertext: &[u8],
) -> Result<Vec<u8>, DecryptError> {
    cbc::Decryptor::<C>::inner_iv_slice_init(cipher, iv)
        .map_err(|_| {
            let bytes = iv.len();
            DecryptError::Malformed(tr!("an IV of {bytes} bytes", "长 {bytes} 字节的 IV"))
        })?
        .decrypt_padded_vec::<Pkcs7>(ciphertext)
        .map_err(|_| DecryptError::WrongPassword)
}

/// A keyed block cipher chosen at run time, as one type per block size, so that the CBC mode and
/// its padding are compiled into the page once per block size rather than once per cipher (the
/// ciphers' own code is the crates', called one block at a time: keys are a few KB).
macro_rules! keyed_ciphers {
    ($name:ident, $backend:ident, $size:ty { $($variant:ident($cipher:ty)),+ $(,)? }) => {
        enum $name {
            $($variant($cipher)),+
        }

        impl cbc::cipher::BlockSizeUser for $name {
            type BlockSize = $size;
        }

        impl BlockCipherDecrypt for $name {
            fn decrypt_with_backend(
                &self,
                f: impl cbc::cipher::BlockCipherDecClosure<BlockSize = $size>,
            ) {
                f.call(&$backend(self));
            }
        }

        struct $backend<'a>(&'a $name);

        impl cbc::cipher::BlockSizeUser for $backend<'_> {
            type BlockSize = $size;
        }

        impl cbc::cipher::ParBlocksSizeUser for $backend<'_> {
            type ParBlocksSize = cbc::cipher::consts::U1;
        }

        impl cbc::cipher::BlockCipherDecBackend for $backend<'_> {
            #[inline(never)]
            fn decrypt_block(
                &self,
                block: cbc::cipher::InOut<'_, '_, cbc::cipher::Block<Self>>,
            ) {
                match self.0 {
                    $($name::$variant(cipher) => cipher.decrypt_block_inout(block)),+
                }
            }
        }
    };
}

keyed_ciphers!(Wide, WideBackend, cbc::cipher::consts::U16 {
    Aes128(aes::Aes128),
    Aes192(aes::Aes192),
    Aes256(aes::Aes256),
    Aria128(aria::Aria128),
    Aria192(aria::Aria192),
    Aria256(aria::Aria256),
    Camellia128(camellia::Camellia128),
    Camellia192(camellia::Camellia192),
    Camellia256(camellia::Camellia256),
});

keyed_ciphers!(Narrow, NarrowBackend, cbc::cipher::consts::U8 {
    Des(des::Des),
    TdesEde2(des::TdesEde2),
    TdesEde3(des::TdesEde3),
    Rc2(rc2::Rc2),
});

// --- PBES1 (RFC 8018 §6.1) ---------------------------------------------------------------------

/// OpenSSL's `EVP_BytesToKey(hash, salt, password, count)`: blocks of `hash^count(previous ||
/// password || salt)` until `len` bytes. With one block it is PBKDF1 (RFC 8018 §5.1), which
/// PBES1 uses; with count 1 and MD5 it is what legacy encrypted PEM uses. A fixed composition
/// of the `RustCrypto` digest (no crate of this generation offers PBKDF1); `count` is checked
/// against the ceiling by the callers.
pub fn bytes_to_key<D: Digest>(password: &[u8], salt: &[u8], count: u32, len: usize) -> Vec<u8> {
    let mut key = Vec::with_capacity(len + <D as Digest>::output_size());
    let mut previous: Option<digest::Output<D>> = None;
    while key.len() < len {
        let mut hash = D::new();
        if let Some(previous) = &previous {
            hash.update(previous);
        }
        hash.update(password);
        hash.update(salt);
        let mut block = hash.finalize();
        for _ in 1..count {
            block = D::digest(&block);
        }
        key.extend_from_slice(&block);
        previous = Some(block);
    }
    key.truncate(len);
    key
}

fn pbes1(
    hash: Pbes1Hash,
    cipher: Pbes1Cipher,
    algorithm: &AlgorithmIdentifierOwned,
    ciphertext: &[u8],
    password: Password<'_>,
) -> Result<Vec<u8>, DecryptError> {
    // PBEParameter ::= SEQUENCE { salt OCTET STRING (SIZE(8)), iterationCount INTEGER }: the
    // same shape as pkcs-12PbeParams, whose salt has no fixed size (OpenSSL reads any).
    let params: Pkcs12PbeParams = parameters(algorithm)?;
    let count = ceilings::iterations(Kdf::Pbkdf1, params.iterations.into())
        .map_err(|e| over(e, "PBKDF1"))?;
    let salt = params.salt.as_bytes();
    // DK = PBKDF1(P, S, c, 16): the key is its first 8 octets, the IV the last 8.
    let derived = match hash {
        Pbes1Hash::Md5 => bytes_to_key::<md5::Md5>(password.utf8(), salt, count, 16),
        Pbes1Hash::Sha1 => bytes_to_key::<sha1::Sha1>(password.utf8(), salt, count, 16),
    };
    let (key, iv) = derived.split_at(8);
    let block = match cipher {
        Pbes1Cipher::Des => BlockCipher::Des,
        // RFC 8018 §6.1: RC2 in PBES1 has an effective key length of 64 bits.
        Pbes1Cipher::Rc2 => BlockCipher::Rc2 { effective_bits: 64 },
    };
    cbc_decrypt(block, key, iv, ciphertext)
}

// --- PBES2 (RFC 8018 §6.2) ---------------------------------------------------------------------

/// PBES2's two halves, decoded.
struct Pbes2Parts {
    kdf: pbes2::Kdf,
    cipher: BlockCipher,
    iv: Vec<u8>,
}

impl Pbes2Parts {
    fn kdf_name(&self) -> String {
        match &self.kdf {
            pbes2::Kdf::Pbkdf2(params) => format!(
                "PBKDF2-{}",
                match params.prf {
                    pbes2::Pbkdf2Prf::HmacWithSha1 => "HMAC-SHA1",
                    pbes2::Pbkdf2Prf::HmacWithSha224 => "HMAC-SHA224",
                    pbes2::Pbkdf2Prf::HmacWithSha256 => "HMAC-SHA256",
                    pbes2::Pbkdf2Prf::HmacWithSha384 => "HMAC-SHA384",
                    pbes2::Pbkdf2Prf::HmacWithSha512 => "HMAC-SHA512",
                    _ => "HMAC",
                }
            ),
            pbes2::Kdf::Scrypt(_) => "scrypt".into(),
            _ => "a key derivation function".into(),
        }
    }

    fn cipher_name(&self) -> String {
        self.cipher.name()
    }

    /// The key length: the cipher's, which the KDF's `keyLength` must repeat if it is given; for
    /// RC2 the KDF's `keyLength`, 16 bytes when absent (OpenSSL writes it for RC2).
    fn key_len(&self) -> Result<usize, DecryptError> {
        let from_kdf = self.kdf.key_length().map(usize::from);
        match (self.cipher.key_len(), from_kdf) {
            (None, len) => Ok(len.unwrap_or(16)),
            (Some(fixed), Some(len)) if len != fixed => Err(DecryptError::Malformed(tr!(
                "a key length of {len} bytes for a {fixed}-byte cipher",
                "密钥长 {len} 字节，而该加密算法的密钥为 {fixed} 字节"
            ))),
            (Some(fixed), _) => Ok(fixed),
        }
    }
}

/// `RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING }`
/// (RFC 8018 B.2.3).
#[derive(der::Sequence)]
struct Rc2CbcParameter {
    version: Option<u32>,
    iv: der::asn1::OctetString,
}

/// RFC 8018 B.2.3: the effective key bits an `rc2ParameterVersion` stands for (absent: 32).
fn rc2_effective_bits(version: Option<u32>) -> Result<usize, DecryptError> {
    match version {
        None => Ok(32),
        Some(160) => Ok(40),
        Some(120) => Ok(64),
        Some(58) => Ok(128),
        Some(bits @ 256..=1024) => Ok(bits as usize),
        Some(other) => Err(DecryptError::Malformed(tr!(
            "RC2 parameter version {other} (RFC 8018 defines 160, 120, 58 and 256 to 1024)",
            "RC2 参数版本为 {other}（RFC 8018 定义的是 160、120、58 以及 256 到 1024）"
        ))),
    }
}

fn pbes2_parts(algorithm: &AlgorithmIdentifierOwned) -> Result<Pbes2Parts, DecryptError> {
    let params: pkcs12::pbe_params::Pbes2Params = parameters(algorithm)?;
    let kdf = match pbes2::Kdf::try_from(params.kdf.owned_to_ref()) {
        Ok(kdf) => kdf,
        Err(_) if params.kdf.oid == pbes2::PBKDF2_OID => {
            // A PBKDF2 the crate does not read: name the PRF when the parameters say it.
            let prf = params
                .kdf
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<pkcs12::pbe_params::Pbkdf2Params>().ok())
                .map(|p| p.prf.oid);
            return Err(match prf {
                Some(prf) => DecryptError::Unsupported(tr!(
                    "PBKDF2 with the PRF {prf}",
                    "使用伪随机函数（PRF）{prf} 的 PBKDF2"
                )),
                None => DecryptError::Malformed(tr!(
                    "PBKDF2 parameters (a salt of more than 32 bytes, or one given by an algorithm)",
                    "PBKDF2 参数（盐超过 32 字节，或由算法给出）"
                )),
            });
        }
        Err(_) if params.kdf.oid == pbes2::SCRYPT_OID => {
            return Err(DecryptError::Malformed(tr!(
                "scrypt parameters",
                "scrypt 参数"
            )));
        }
        Err(_) => {
            let oid = params.kdf.oid;
            return Err(DecryptError::Unsupported(tr!(
                "PBES2 with the key derivation function {oid}",
                "使用密钥派生函数 {oid} 的 PBES2"
            )));
        }
    };
    let other = OTHER_PBES2_CIPHERS
        .iter()
        .find(|(oid, _)| *oid == params.encryption.oid);
    let (cipher, iv) = if params.encryption.oid == RC2_CBC {
        let rc2: Rc2CbcParameter = parameters(&params.encryption)?;
        let effective_bits = rc2_effective_bits(rc2.version)?;
        (
            BlockCipher::Rc2 { effective_bits },
            rc2.iv.as_bytes().to_vec(),
        )
    } else if let Some((_, cipher)) = other {
        let iv: der::asn1::OctetString = parameters(&params.encryption)?;
        (*cipher, iv.as_bytes().to_vec())
    } else {
        match pbes2::EncryptionScheme::try_from(params.encryption.owned_to_ref()) {
            Ok(pbes2::EncryptionScheme::Aes128Cbc { iv }) => (BlockCipher::Aes128, iv.to_vec()),
            Ok(pbes2::EncryptionScheme::Aes192Cbc { iv }) => (BlockCipher::Aes192, iv.to_vec()),
            Ok(pbes2::EncryptionScheme::Aes256Cbc { iv }) => (BlockCipher::Aes256, iv.to_vec()),
            Ok(pbes2::EncryptionScheme::DesCbc { iv }) => (BlockCipher::Des, iv.to_vec()),
            Ok(pbes2::EncryptionScheme::DesEde3Cbc { iv }) => (BlockCipher::TdesEde3, iv.to_vec()),
            // AES-GCM (RFC 9579 era): no tool writes it for keys (OpenSSL refuses AEAD in PBES2).
            _ => {
                let oid = params.encryption.oid;
                return Err(DecryptError::Unsupported(tr!(
                    "PBES2 with the cipher {oid}",
                    "使用加密算法 {oid} 的 PBES2"
                )));
            }
        }
    };
    if iv.len() != cipher.iv_len() {
        let bytes = iv.len();
        return Err(DecryptError::Malformed(tr!(
            "an IV of {bytes} bytes",
            "长 {bytes} 字节的 IV"
        )));
    }
    Ok(Pbes2Parts { kdf, cipher, iv })
}

/// The ceiling check of a PBES2 KDF.
fn pbes2_within_ceilings(kdf: &pbes2::Kdf) -> Result<(), DecryptError> {
    match kdf {
        pbes2::Kdf::Pbkdf2(params) => {
            ceilings::iterations(Kdf::Pbkdf2, params.iteration_count.into())
                .map_err(|e| over(e, "PBKDF2"))?;
        }
        pbes2::Kdf::Scrypt(params) => ceilings::scrypt(
            params.cost_parameter,
            params.block_size.into(),
            params.parallelization.into(),
        )
        .map_err(DecryptError::OverCeiling)?,
        _ => {
            return Err(DecryptError::Unsupported(tr!(
                "this PBES2 key derivation",
                "这种 PBES2 密钥派生方式"
            )));
        }
    }
    Ok(())
}

fn pbes2_decrypt(
    algorithm: &AlgorithmIdentifierOwned,
    ciphertext: &[u8],
    password: Password<'_>,
) -> Result<Vec<u8>, DecryptError> {
    let parts = pbes2_parts(algorithm)?;
    pbes2_within_ceilings(&parts.kdf)?;
    let key = pbes2_key(&parts.kdf, password.utf8(), parts.key_len()?)?;
    cbc_decrypt(parts.cipher, &key, &parts.iv, ciphertext)
}

/// The key of a PBMAC1 integrity MAC (RFC 9579; PKCS#12 files of OpenSSL 3.4 and later with
/// `-pbmac1_pbkdf2`): PBKDF2 over the password's UTF-8 (RFC 9579 erratum 7974, as go-pkcs12
/// reads it; the RFC's own test files verify so), whose key length the file must state, within
/// the ceilings. A key shorter than 20 bytes
/// (which would let the MAC be forged by trying every key) is refused, as go-pkcs12 refuses it,
/// and one longer than 64, OpenSSL's largest digest.
pub fn pbmac1_key(kdf: &pbes2::Kdf, password: Password<'_>) -> Result<Vec<u8>, DecryptError> {
    let pbes2::Kdf::Pbkdf2(params) = kdf else {
        return Err(DecryptError::Unsupported(tr!(
            "a PBMAC1 key derivation other than PBKDF2",
            "PBKDF2 以外的 PBMAC1 密钥派生方式"
        )));
    };
    let len = match params.key_length {
        None => {
            return Err(DecryptError::Malformed(tr!(
                "a PBMAC1 key derivation without its key length (RFC 9579 requires one)",
                "PBMAC1 密钥派生缺少密钥长度（RFC 9579 要求写明）"
            )));
        }
        Some(len @ 20..=64) => len,
        Some(len) => {
            return Err(DecryptError::Unsupported(tr!(
                "a PBMAC1 key length outside 20 to 64 bytes ({len})",
                "超出 20 到 64 字节范围的 PBMAC1 密钥长度（{len}）"
            )));
        }
    };
    pbes2_within_ceilings(kdf)?;
    pbes2_key(kdf, password.utf8(), len.into())
}

/// PBES2's key: PBKDF2 (`pbkdf2`) with the PRF named, or scrypt
/// (`scrypt`), both already checked against the ceilings.
fn pbes2_key(kdf: &pbes2::Kdf, password: &[u8], len: usize) -> Result<Vec<u8>, DecryptError> {
    let mut key = vec![0u8; len];
    match kdf {
        pbes2::Kdf::Pbkdf2(params) => {
            let (salt, rounds) = (params.salt.as_ref(), params.iteration_count);
            match params.prf {
                pbes2::Pbkdf2Prf::HmacWithSha1 => {
                    pbkdf2::pbkdf2_hmac::<sha1::Sha1>(password, salt, rounds, &mut key)
                }
                pbes2::Pbkdf2Prf::HmacWithSha224 => {
                    pbkdf2::pbkdf2_hmac::<sha2::Sha224>(password, salt, rounds, &mut key)
                }
                pbes2::Pbkdf2Prf::HmacWithSha256 => {
                    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, rounds, &mut key)
                }
                pbes2::Pbkdf2Prf::HmacWithSha384 => {
                    pbkdf2::pbkdf2_hmac::<sha2::Sha384>(password, salt, rounds, &mut key)
                }
                pbes2::Pbkdf2Prf::HmacWithSha512 => {
                    pbkdf2::pbkdf2_hmac::<sha2::Sha512>(password, salt, rounds, &mut key)
                }
                _ => {
                    return Err(DecryptError::Unsupported(tr!(
                        "this PBKDF2 PRF",
                        "这种 PBKDF2 伪随机函数（PRF）"
                    )));
                }
            }
        }
        pbes2::Kdf::Scrypt(params) => {
            let params = scrypt::Params::try_from(params)
                .map_err(|_| DecryptError::Malformed(tr!("scrypt parameters", "scrypt 参数")))?;
            scrypt::scrypt(password, kdf_salt(kdf), &params, &mut key).map_err(|_| {
                DecryptError::Malformed(tr!("scrypt output length", "scrypt 输出长度"))
            })?;
        }
        _ => {
            return Err(DecryptError::Unsupported(tr!(
                "this PBES2 key derivation",
                "这种 PBES2 密钥派生方式"
            )));
        }
    }
    Ok(key)
}

fn kdf_salt(kdf: &pbes2::Kdf) -> &[u8] {
    match kdf {
        pbes2::Kdf::Pbkdf2(params) => params.salt.as_ref(),
        pbes2::Kdf::Scrypt(params) => params.salt.as_ref(),
        _ => &[],
    }
}

/// Whether `algorithm` can be decrypted here, without deriving anything: the scheme, KDF and
/// cipher are known and the derivation is within the ceilings. Lets a caller refuse at once,
/// without asking for a password that could not help.
pub fn check(algorithm: &AlgorithmIdentifierOwned) -> Result<(), DecryptError> {
    match scheme(algorithm.oid) {
        Some((Scheme::Pkcs12(_), _)) => {
            let params: Pkcs12PbeParams = parameters(algorithm)?;
            ceilings::iterations(Kdf::Pkcs12, params.iterations.into())
                .map_err(|e| over(e, "PKCS#12 KDF"))?;
        }
        Some((Scheme::Pbes1(..), _)) => {
            let params: Pkcs12PbeParams = parameters(algorithm)?;
            ceilings::iterations(Kdf::Pbkdf1, params.iterations.into())
                .map_err(|e| over(e, "PBKDF1"))?;
        }
        Some((Scheme::Pbes2, _)) => {
            let parts = pbes2_parts(algorithm)?;
            pbes2_within_ceilings(&parts.kdf)?;
        }
        None => {
            // The same refusal decrypt gives.
            return decrypt(algorithm, &[], Password::Absent).map(|_| ());
        }
    }
    Ok(())
}

/// Decrypts an `EncryptedPrivateKeyInfo` (RFC 5958 §3) to its DER `PrivateKeyInfo`, checked to
/// be one (so that a wrong password is told apart from a key in an unknown format).
pub fn decrypt_pkcs8(der: &[u8], password: Password<'_>) -> Result<Vec<u8>, DecryptError> {
    let info = pkcs12::pbe_params::EncryptedPrivateKeyInfo::from_der(der)?;
    let plain = decrypt(
        &info.encryption_algorithm,
        info.encrypted_data.as_bytes(),
        password,
    )?;
    if super::key_types::OneAsymmetricKey::from_der(&plain).is_some() {
        Ok(plain)
    } else {
        Err(DecryptError::WrongPassword)
    }
}

/// The algorithm of an `EncryptedPrivateKeyInfo`, when it is one.
pub fn pkcs8_algorithm(der: &[u8]) -> Option<AlgorithmIdentifierOwned> {
    pkcs12::pbe_params::EncryptedPrivateKeyInfo::from_der(der)
        .ok()
        .map(|info| info.encryption_algorithm)
}

/// Encodes an `AlgorithmIdentifier` (tests build them).
#[cfg(test)]
fn algorithm(oid: Oid, params: &impl Encode) -> AlgorithmIdentifierOwned {
    let der = params.to_der().expect("encodes");
    AlgorithmIdentifierOwned {
        oid,
        parameters: Some(der::Any::from_der(&der).expect("decodes")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::OctetString;

    fn pkcs12_params(iterations: i32) -> Pkcs12PbeParams {
        Pkcs12PbeParams {
            salt: OctetString::new(vec![1u8; 8]).expect("salt"),
            iterations,
        }
    }

    #[test]
    fn every_ceiling_is_checked_before_deriving() {
        for oid in [
            pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC,
            pkcs12::PKCS_12_PBE_WITH_SHAAND40_BIT_RC4,
            pbes1::PBE_WITH_MD5_AND_DES_CBC_OID,
        ] {
            let alg = algorithm(oid, &pkcs12_params(i32::MAX));
            // i32::MAX iterations would take minutes; the ceiling answers at once.
            assert!(
                matches!(
                    decrypt(&alg, &[0u8; 16], Password::Text("pw")),
                    Err(DecryptError::OverCeiling(_))
                ),
                "{oid}"
            );
            let alg = algorithm(oid, &pkcs12_params(0));
            assert!(matches!(
                decrypt(&alg, &[0u8; 16], Password::Text("pw")),
                Err(DecryptError::Malformed(_))
            ));
        }
    }

    #[test]
    fn unknown_schemes_are_named() {
        let alg = AlgorithmIdentifierOwned {
            oid: Oid::new_unwrap("1.2.3.4"),
            parameters: None,
        };
        assert_eq!(
            decrypt(&alg, &[], Password::Absent),
            Err(DecryptError::Unsupported(tr!(
                "encryption algorithm 1.2.3.4",
                "加密算法 1.2.3.4"
            )))
        );
        assert_eq!(describe(&alg), "encryption algorithm 1.2.3.4");
    }

    #[test]
    fn rc2_versions_follow_rfc_8018() {
        assert_eq!(rc2_effective_bits(None), Ok(32));
        assert_eq!(rc2_effective_bits(Some(160)), Ok(40));
        assert_eq!(rc2_effective_bits(Some(120)), Ok(64));
        assert_eq!(rc2_effective_bits(Some(58)), Ok(128));
        assert_eq!(rc2_effective_bits(Some(1024)), Ok(1024));
        // Beyond 1024 bits the RC2 key schedule would index outside its table.
        assert!(rc2_effective_bits(Some(100_000)).is_err());
        assert!(rc2_effective_bits(Some(7)).is_err());
    }

    #[test]
    fn bytes_to_key_is_pbkdf1_for_one_block() {
        // PBKDF1 (RFC 8018 §5.1): T1 = H(P || S), Ti = H(T(i-1)).
        let t1 = md5::Md5::new()
            .chain_update(b"pw")
            .chain_update(b"saltsalt")
            .finalize();
        let t2 = md5::Md5::digest(t1);
        assert_eq!(
            bytes_to_key::<md5::Md5>(b"pw", b"saltsalt", 2, 16),
            t2.as_slice()
        );
        // EVP_BytesToKey's second block: H(first block || P || S).
        let key = bytes_to_key::<md5::Md5>(b"pw", b"saltsalt", 1, 32);
        let second = md5::Md5::new()
            .chain_update(t1)
            .chain_update(b"pw")
            .chain_update(b"saltsalt")
            .finalize();
        assert_eq!(&key[..16], t1.as_slice());
        assert_eq!(&key[16..], second.as_slice());
    }

    #[test]
    fn passwords_never_print() {
        assert_eq!(
            format!("{:?}", Password::Text("hunter2")),
            "Text(** REDACTED **)"
        );
    }
}
