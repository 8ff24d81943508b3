//! Legacy OpenSSL encrypted PEM keys (RFC 1421 headers `Proc-Type: 4,ENCRYPTED` / `DEK-Info`).
//!
//! `openssl rsa -aes256` and `openssl ec -des3` still write these. The key is derived with
//! OpenSSL's `EVP_BytesToKey` (MD5, one round, salt = the first 8 bytes of the IV), a fixed
//! composition of the MD5 digest from the `md-5` crate; the ciphers and CBC mode come from the
//! RustCrypto `aes`, `des` and `cbc` crates.

use std::fmt;

use cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, KeyInit, KeyIvInit, block_padding::Pkcs7};
use der::Decode;
use md5::{Digest, Md5};

/// The cipher named by a `DEK-Info` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cipher {
    Aes128Cbc,
    Aes192Cbc,
    Aes256Cbc,
    DesEde3Cbc,
    DesCbc,
}

impl Cipher {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name.to_ascii_uppercase().as_str() {
            "AES-128-CBC" => Self::Aes128Cbc,
            "AES-192-CBC" => Self::Aes192Cbc,
            "AES-256-CBC" => Self::Aes256Cbc,
            "DES-EDE3-CBC" => Self::DesEde3Cbc,
            "DES-CBC" => Self::DesCbc,
            _ => return None,
        })
    }

    fn key_len(self) -> usize {
        match self {
            Self::Aes128Cbc => 16,
            Self::Aes192Cbc | Self::DesEde3Cbc => 24,
            Self::Aes256Cbc => 32,
            Self::DesCbc => 8,
        }
    }

    fn iv_len(self) -> usize {
        match self {
            Self::Aes128Cbc | Self::Aes192Cbc | Self::Aes256Cbc => 16,
            Self::DesEde3Cbc | Self::DesCbc => 8,
        }
    }
}

/// A parsed `DEK-Info` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DekInfo {
    pub cipher: Cipher,
    pub iv: Vec<u8>,
}

/// Why a legacy encrypted key could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LegacyPemError {
    /// The block is encrypted and no passphrase was given.
    NeedsPassphrase,
    /// The passphrase does not decrypt the block to a key.
    WrongPassphrase,
    /// `DEK-Info` names a cipher this tool does not read.
    UnsupportedCipher(String),
    /// The `Proc-Type`/`DEK-Info` headers are missing or malformed.
    MalformedHeaders(String),
}

impl fmt::Display for LegacyPemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NeedsPassphrase => f.write_str("a passphrase is needed"),
            Self::WrongPassphrase => f.write_str("the passphrase does not decrypt the key"),
            Self::UnsupportedCipher(name) => write!(f, "cipher {name} is not supported"),
            Self::MalformedHeaders(what) => write!(f, "malformed encryption headers: {what}"),
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
pub fn dek_info(headers: &[(String, String)]) -> Result<Option<DekInfo>, LegacyPemError> {
    let encrypted =
        header(headers, "Proc-Type").is_some_and(|v| v.to_ascii_uppercase().contains("ENCRYPTED"));
    let dek = header(headers, "DEK-Info");
    match (encrypted, dek) {
        (false, None) => Ok(None),
        (true, None) => Err(LegacyPemError::MalformedHeaders(
            "Proc-Type says ENCRYPTED but DEK-Info is missing".into(),
        )),
        (_, Some(value)) => {
            let (name, iv_hex) = value.split_once(',').ok_or_else(|| {
                LegacyPemError::MalformedHeaders(format!("DEK-Info {value:?} has no IV"))
            })?;
            let cipher = Cipher::from_name(name.trim())
                .ok_or_else(|| LegacyPemError::UnsupportedCipher(name.trim().to_string()))?;
            let iv = base16ct::mixed::decode_vec(iv_hex.trim()).map_err(|_| {
                LegacyPemError::MalformedHeaders(format!(
                    "DEK-Info IV {:?} is not hex",
                    iv_hex.trim()
                ))
            })?;
            if iv.len() != cipher.iv_len() {
                return Err(LegacyPemError::MalformedHeaders(format!(
                    "DEK-Info IV has {} bytes, {} expected",
                    iv.len(),
                    cipher.iv_len()
                )));
            }
            Ok(Some(DekInfo { cipher, iv }))
        }
    }
}

/// OpenSSL `EVP_BytesToKey(cipher, MD5, salt, passphrase, count = 1)`: key bytes only (the IV
/// comes from the header).
fn bytes_to_key(passphrase: &[u8], salt: &[u8], key_len: usize) -> Vec<u8> {
    let mut key = Vec::with_capacity(key_len + 16);
    let mut previous: Option<Vec<u8>> = None;
    while key.len() < key_len {
        let mut md5 = Md5::new();
        if let Some(previous) = &previous {
            md5.update(previous);
        }
        md5.update(passphrase);
        md5.update(salt);
        let block = md5.finalize().to_vec();
        key.extend_from_slice(&block);
        previous = Some(block);
    }
    key.truncate(key_len);
    key
}

fn cbc_decrypt<C>(key: &[u8], iv: &[u8], body: &[u8]) -> Option<Vec<u8>>
where
    C: BlockCipherDecrypt + KeyInit,
{
    let decryptor = cbc::Decryptor::<C>::new_from_slices(key, iv).ok()?;
    decryptor.decrypt_padded_vec::<Pkcs7>(body).ok()
}

/// Decrypts a legacy encrypted PEM body. A block without encryption headers is returned as is.
pub fn decrypt(
    headers: &[(String, String)],
    body: &[u8],
    passphrase: Option<&str>,
) -> Result<Vec<u8>, LegacyPemError> {
    let Some(info) = dek_info(headers)? else {
        return Ok(body.to_vec());
    };
    let passphrase = passphrase.ok_or(LegacyPemError::NeedsPassphrase)?;
    let key = bytes_to_key(passphrase.as_bytes(), &info.iv[..8], info.cipher.key_len());
    let plain = match info.cipher {
        Cipher::Aes128Cbc => cbc_decrypt::<aes::Aes128>(&key, &info.iv, body),
        Cipher::Aes192Cbc => cbc_decrypt::<aes::Aes192>(&key, &info.iv, body),
        Cipher::Aes256Cbc => cbc_decrypt::<aes::Aes256>(&key, &info.iv, body),
        Cipher::DesEde3Cbc => cbc_decrypt::<des::TdesEde3>(&key, &info.iv, body),
        Cipher::DesCbc => cbc_decrypt::<des::Des>(&key, &info.iv, body),
    };
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
            dek_info(&headers(
                "CAMELLIA-256-CBC,00112233445566778899AABBCCDDEEFF"
            )),
            Err(LegacyPemError::UnsupportedCipher("CAMELLIA-256-CBC".into()))
        );
        let missing = vec![("Proc-Type".to_string(), "4,ENCRYPTED".to_string())];
        assert!(matches!(
            dek_info(&missing),
            Err(LegacyPemError::MalformedHeaders(_))
        ));
    }

    #[test]
    fn bytes_to_key_extends_md5_blocks() {
        // The second 16 bytes are MD5(first block || passphrase || salt).
        let key = bytes_to_key(b"pw", b"saltsalt", 32);
        let first = Md5::new()
            .chain_update(b"pw")
            .chain_update(b"saltsalt")
            .finalize();
        let second = Md5::new()
            .chain_update(first)
            .chain_update(b"pw")
            .chain_update(b"saltsalt")
            .finalize();
        assert_eq!(&key[..16], first.as_slice());
        assert_eq!(&key[16..], second.as_slice());
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
