//! Legacy OpenSSL encrypted PEM keys (RFC 1421 headers `Proc-Type: 4,ENCRYPTED` / `DEK-Info`).
//!
//! `openssl rsa -aes256` and `openssl ec -des3` still write these. The key is derived with
//! OpenSSL's `EVP_BytesToKey` (MD5, one round, salt = the first 8 bytes of the IV:
//! `private_key::decryption::bytes_to_key`, a fixed composition of the `md-5` digest); the
//! ciphers and CBC mode come from the `RustCrypto` `aes`, `aria`, `camellia`, `des` and `cbc`
//! crates.
//!
//! The ciphers read are the ones OpenSSL documents for its key commands (`openssl rsa`, `ec`,
//! `dsa`, `genrsa`, `pkey` with `-traditional`: `-aes128|-aes192|-aes256|-aria128|-aria192|
//! -aria256|-camellia128|-camellia192|-camellia256|-des|-des3`; DES needs OpenSSL 3's legacy
//! provider). Left out, refused by name (`unsupported-encryption`) with the re-export command:
//! `-idea` (documented, but Debian's OpenSSL 3 has no IDEA even in its legacy provider, so no
//! file of a real tool could test it here), and the other names those commands accept (`-seed`,
//! `-bf`, `-cast5-cbc`, `-rc2`, `-des-ede-cbc`, `-sm4-cbc`, …), which no tool or guide writes by
//! default and each of which would add a cipher to the page (SEED has no `RustCrypto` crate).

use std::fmt;

use super::private_key::decryption::{BlockCipher, bytes_to_key, cbc_decrypt};
use der::Decode;
use md5::Md5;

/// The cipher named by a `DEK-Info` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs, clippy::enum_variant_names)] // the ciphers' own names, all CBC
pub(crate) enum Cipher {
    Aes128Cbc,
    Aes192Cbc,
    Aes256Cbc,
    Aria128Cbc,
    Aria192Cbc,
    Aria256Cbc,
    Camellia128Cbc,
    Camellia192Cbc,
    Camellia256Cbc,
    DesEde3Cbc,
    DesCbc,
}

impl Cipher {
    /// The `DEK-Info` names OpenSSL writes (`EVP_CIPHER_get0_name`, upper case).
    const NAMES: [(&'static str, Self); 11] = [
        ("AES-128-CBC", Self::Aes128Cbc),
        ("AES-192-CBC", Self::Aes192Cbc),
        ("AES-256-CBC", Self::Aes256Cbc),
        ("ARIA-128-CBC", Self::Aria128Cbc),
        ("ARIA-192-CBC", Self::Aria192Cbc),
        ("ARIA-256-CBC", Self::Aria256Cbc),
        ("CAMELLIA-128-CBC", Self::Camellia128Cbc),
        ("CAMELLIA-192-CBC", Self::Camellia192Cbc),
        ("CAMELLIA-256-CBC", Self::Camellia256Cbc),
        ("DES-EDE3-CBC", Self::DesEde3Cbc),
        ("DES-CBC", Self::DesCbc),
    ];

    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|(_, cipher)| *cipher)
    }

    /// The block cipher, for `private_key::decryption::cbc_decrypt`.
    fn block(self) -> BlockCipher {
        match self {
            Self::Aes128Cbc => BlockCipher::Aes128,
            Self::Aes192Cbc => BlockCipher::Aes192,
            Self::Aes256Cbc => BlockCipher::Aes256,
            Self::Aria128Cbc => BlockCipher::Aria128,
            Self::Aria192Cbc => BlockCipher::Aria192,
            Self::Aria256Cbc => BlockCipher::Aria256,
            Self::Camellia128Cbc => BlockCipher::Camellia128,
            Self::Camellia192Cbc => BlockCipher::Camellia192,
            Self::Camellia256Cbc => BlockCipher::Camellia256,
            Self::DesEde3Cbc => BlockCipher::TdesEde3,
            Self::DesCbc => BlockCipher::Des,
        }
    }

    fn key_len(self) -> usize {
        match self {
            Self::Aes128Cbc | Self::Aria128Cbc | Self::Camellia128Cbc => 16,
            Self::Aes192Cbc | Self::Aria192Cbc | Self::Camellia192Cbc | Self::DesEde3Cbc => 24,
            Self::Aes256Cbc | Self::Aria256Cbc | Self::Camellia256Cbc => 32,
            Self::DesCbc => 8,
        }
    }

    fn iv_len(self) -> usize {
        match self {
            Self::DesEde3Cbc | Self::DesCbc => 8,
            _ => 16,
        }
    }
}

/// A parsed `DEK-Info` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DekInfo {
    /// The cipher.
    pub cipher: Cipher,
    /// The IV (its first 8 bytes are also the key derivation's salt).
    pub iv: Vec<u8>,
}

/// Why a legacy encrypted key could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LegacyPemError {
    /// The block is encrypted and no passphrase was given.
    NeedsPassphrase,
    /// The passphrase does not decrypt the block to a key.
    WrongPassphrase,
    /// `DEK-Info` names a cipher this tool does not read.
    UnsupportedCipher(String),
    /// The `Proc-Type`/`DEK-Info` headers are missing or malformed.
    MalformedHeaders(crate::lang::Text),
}

impl fmt::Display for LegacyPemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NeedsPassphrase => f.write_str("a passphrase is needed"),
            Self::WrongPassphrase => f.write_str("the passphrase does not decrypt the key"),
            Self::UnsupportedCipher(name) => write!(f, "cipher {name} is not supported"),
            Self::MalformedHeaders(what) => {
                write!(f, "malformed encryption headers: {}", what.en())
            }
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// Reads the encryption headers: `Ok(None)` when the block is not encrypted.
pub(crate) fn dek_info(headers: &[(String, String)]) -> Result<Option<DekInfo>, LegacyPemError> {
    let encrypted =
        header(headers, "Proc-Type").is_some_and(|v| v.to_ascii_uppercase().contains("ENCRYPTED"));
    let dek = header(headers, "DEK-Info");
    match (encrypted, dek) {
        (false, None) => Ok(None),
        (true, None) => Err(LegacyPemError::MalformedHeaders(tr!(
            "Proc-Type says ENCRYPTED but DEK-Info is missing",
            "Proc-Type 标明 ENCRYPTED，却缺少 DEK-Info"
        ))),
        (_, Some(value)) => {
            let (name, iv_hex) = value.split_once(',').ok_or_else(|| {
                LegacyPemError::MalformedHeaders(tr!(
                    "DEK-Info {value:?} has no IV",
                    "DEK-Info {value:?} 没有 IV"
                ))
            })?;
            let cipher = Cipher::from_name(name.trim())
                .ok_or_else(|| LegacyPemError::UnsupportedCipher(name.trim().to_string()))?;
            let iv = base16ct::mixed::decode_vec(iv_hex.trim()).map_err(|_| {
                let iv = iv_hex.trim();
                LegacyPemError::MalformedHeaders(tr!(
                    "DEK-Info IV {iv:?} is not hex",
                    "DEK-Info 的 IV {iv:?} 不是十六进制"
                ))
            })?;
            if iv.len() != cipher.iv_len() {
                let (has, expected) = (iv.len(), cipher.iv_len());
                return Err(LegacyPemError::MalformedHeaders(tr!(
                    "DEK-Info IV has {has} bytes, {expected} expected",
                    "DEK-Info 的 IV 有 {has} 字节，应为 {expected} 字节"
                )));
            }
            Ok(Some(DekInfo { cipher, iv }))
        }
    }
}

/// Decrypts a legacy encrypted PEM body. A block without encryption headers is returned as is.
pub(crate) fn decrypt(
    headers: &[(String, String)],
    body: &[u8],
    passphrase: Option<&str>,
) -> Result<Vec<u8>, LegacyPemError> {
    let Some(info) = dek_info(headers)? else {
        return Ok(body.to_vec());
    };
    if cfg!(not(feature = "encrypted-inputs")) {
        let what = "legacy encrypted PEM (not supported in this build)".to_owned();
        return Err(LegacyPemError::UnsupportedCipher(what));
    }
    let passphrase = passphrase.ok_or(LegacyPemError::NeedsPassphrase)?;
    // EVP_BytesToKey(cipher, MD5, salt = IV[..8], passphrase, count = 1): key bytes only (the IV
    // comes from the header).
    let key = bytes_to_key::<Md5>(
        passphrase.as_bytes(),
        &info.iv[..8],
        1,
        info.cipher.key_len(),
    );
    let (key, iv) = (key.as_slice(), info.iv.as_slice());
    let plain = cbc_decrypt(info.cipher.block(), key, iv, body).ok();
    // A wrong passphrase almost always breaks the padding; when the padding survives by chance
    // the plaintext is not one DER value.
    match plain {
        Some(plain) if der::AnyRef::from_der(&plain).is_ok() => Ok(plain),
        _ => Err(LegacyPemError::WrongPassphrase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(dek: &str) -> Vec<(String, String)> {
        vec![
            ("Proc-Type".into(), "4,ENCRYPTED".into()),
            ("DEK-Info".into(), dek.into()),
        ]
    }

    #[test]
    fn unencrypted_blocks_have_no_dek_info() {
        assert_eq!(dek_info(&[]), Ok(None));
        assert_eq!(decrypt(&[], b"\x30\x00", None), Ok(b"\x30\x00".to_vec()));
    }

    #[test]
    fn dek_info_is_parsed_and_checked() {
        let info = dek_info(&headers("AES-256-CBC,00112233445566778899AABBCCDDEEFF"))
            .unwrap()
            .unwrap();
        assert_eq!(info.cipher, Cipher::Aes256Cbc);
        assert_eq!(info.iv.len(), 16);
        assert!(matches!(
            dek_info(&headers("AES-256-CBC,0011")),
            Err(LegacyPemError::MalformedHeaders(_))
        ));
        assert!(matches!(
            dek_info(&headers("AES-256-CBC")),
            Err(LegacyPemError::MalformedHeaders(_))
        ));
        assert!(matches!(
            dek_info(&headers("AES-256-CBC,zz")),
            Err(LegacyPemError::MalformedHeaders(_))
        ));
        assert_eq!(
            dek_info(&headers("SEED-CBC,00112233445566778899AABBCCDDEEFF")),
            Err(LegacyPemError::UnsupportedCipher("SEED-CBC".into()))
        );
        let missing = vec![("Proc-Type".to_string(), "4,ENCRYPTED".to_string())];
        assert!(matches!(
            dek_info(&missing),
            Err(LegacyPemError::MalformedHeaders(_))
        ));
    }

    #[test]
    fn missing_and_wrong_passphrases_are_told_apart() {
        let h = headers("AES-128-CBC,00112233445566778899AABBCCDDEEFF");
        assert_eq!(
            decrypt(&h, &[0u8; 32], None),
            Err(LegacyPemError::NeedsPassphrase)
        );
        assert_eq!(
            decrypt(&h, &[0u8; 32], Some("nope")),
            Err(LegacyPemError::WrongPassphrase)
        );
        // Not a whole number of blocks.
        assert_eq!(
            decrypt(&h, &[0u8; 7], Some("nope")),
            Err(LegacyPemError::WrongPassphrase)
        );
    }
}
