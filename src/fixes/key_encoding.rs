//! A private key re-encoded as a target wants it (PKCS#8 → PKCS#1 / SEC1), through `pkcs8`,
//! `pkcs1` and `sec1`.

use super::pem;
use crate::analysis::oids;
use crate::analysis::private_key::{KeyFormat, ParsedKey};
use crate::lang::{Text, Words};
use der::{Decode, Encode, asn1::ObjectIdentifier};
use serde::Serialize;

/// The encodings a target may want a private key in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyEncoding {
    /// `BEGIN PRIVATE KEY` (PKCS#8 `PrivateKeyInfo`, unencrypted).
    Pkcs8,
    /// The algorithm's own structure: `BEGIN RSA PRIVATE KEY` (PKCS#1) or `BEGIN EC PRIVATE KEY`
    /// (SEC1). Keys without one (Ed25519) stay PKCS#8.
    Traditional,
}

/// A private key re-encoded for a target. The PEM holds the secret key: never log or store it.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct KeyPem {
    /// The PEM label used (`RSA PRIVATE KEY`, `EC PRIVATE KEY`, `PRIVATE KEY`).
    pub label: &'static str,
    /// The PEM text (LF, 64 columns).
    pub pem: String,
    /// The encoding the key had, as the analysis names it (`pkcs8`, `pkcs1`, ...).
    pub from: &'static str,
    /// Whether the encoding changed (or the key was decrypted).
    pub changed: bool,
}

impl std::fmt::Debug for KeyPem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "KeyPem({}, from {}, ** REDACTED **)",
            self.label, self.from
        )
    }
}

/// A decoder's error while re-encoding: what did not decode (both forms), then the library's own
/// text (quoted in the Chinese form).
fn does_not(what: Words, error: &impl std::fmt::Display) -> Text {
    let detail = Text::library_error("DER 解码失败", error);
    let (en, zh) = (detail.en(), detail.zh());
    Text::new(format!("{}: {en}", what.en), format!("{}：{zh}", what.zh))
}

/// Re-encodes a parsed private key (decrypted if it was encrypted). Errors are short, secret-free
/// sentences, in both languages.
pub fn reencode_key(parsed: &ParsedKey, want: KeyEncoding) -> Result<KeyPem, Text> {
    let key = parsed.plain.as_ref().ok_or_else(|| {
        tr!(
            "the private key could not be read (encrypted without the right passphrase?)",
            "无法读取私钥（是否已加密而口令不对？）"
        )
    })?;
    let decrypted = parsed.summary.encrypted;
    let from = parsed.summary.format.as_str();
    // `plain.der` holds PKCS#8 for everything decrypted from PKCS#8 or PKCS#12; the legacy PEM form
    // decrypts to PKCS#1 or SEC1.
    let inner = plain_structure(key.format)?;
    match (want, inner) {
        (KeyEncoding::Pkcs8, Structure::Pkcs8) | (KeyEncoding::Traditional, Structure::Pkcs1) => {
            Ok(KeyPem {
                label: inner.label(),
                pem: pem(inner.label(), &key.der),
                from,
                changed: decrypted,
            })
        }
        (KeyEncoding::Traditional, Structure::Sec1) => Ok(KeyPem {
            label: "EC PRIVATE KEY",
            pem: pem("EC PRIVATE KEY", &key.der),
            from,
            changed: decrypted,
        }),
        (KeyEncoding::Traditional, Structure::Pkcs8) => {
            let info = pkcs8::PrivateKeyInfoRef::from_der(&key.der).map_err(|e| {
                let what = Words::new("the PKCS#8 key does not decode", "PKCS#8 私钥无法解码");
                does_not(what, &e)
            })?;
            let oid = info.algorithm.oid;
            if oid == oids::RSA_ENCRYPTION {
                // The PKCS#8 private key octets of an RSA key are the PKCS#1 RSAPrivateKey.
                let rsa = pkcs1::RsaPrivateKeyRef::from_der(info.private_key.as_bytes()).map_err(
                    |e| {
                        let what = Words::new("the RSA key does not decode", "RSA 私钥无法解码");
                        does_not(what, &e)
                    },
                )?;
                let der = rsa.to_der().map_err(|e| {
                    let what = Words::new("the RSA key does not encode", "RSA 私钥无法编码");
                    does_not(what, &e)
                })?;
                Ok(KeyPem {
                    label: "RSA PRIVATE KEY",
                    pem: pem("RSA PRIVATE KEY", &der),
                    from,
                    changed: true,
                })
            } else if oid == oids::EC_PUBLIC_KEY {
                let curve: ObjectIdentifier = info
                    .algorithm
                    .parameters
                    .ok_or_else(|| tr!("the EC key names no curve", "EC 私钥没有指明曲线"))?
                    .decode_as()
                    .map_err(|e| {
                        let what = Words::new(
                            "the EC key's curve does not decode",
                            "EC 私钥的曲线无法解码",
                        );
                        does_not(what, &e)
                    })?;
                let mut ec =
                    sec1::EcPrivateKey::from_der(info.private_key.as_bytes()).map_err(|e| {
                        let what = Words::new("the EC key does not decode", "EC 私钥无法解码");
                        does_not(what, &e)
                    })?;
                // SEC1 keys carry their curve; PKCS#8 moved it to the algorithm identifier.
                ec.parameters = Some(sec1::EcParameters::NamedCurve(curve));
                let der = ec.to_der().map_err(|e| {
                    let what = Words::new("the EC key does not encode", "EC 私钥无法编码");
                    does_not(what, &e)
                })?;
                Ok(KeyPem {
                    label: "EC PRIVATE KEY",
                    pem: pem("EC PRIVATE KEY", &der),
                    from,
                    changed: true,
                })
            } else {
                // Ed25519 and others have no traditional form: PKCS#8 is their only encoding.
                Ok(KeyPem {
                    label: "PRIVATE KEY",
                    pem: pem("PRIVATE KEY", &key.der),
                    from,
                    changed: decrypted,
                })
            }
        }
        (KeyEncoding::Pkcs8, Structure::Pkcs1 | Structure::Sec1) => Err(tr!(
            "the key is {from}; converting it to PKCS#8 is not offered (the target takes it as is)",
            "私钥为 {from} 格式；此处不提供转换为 PKCS#8（目标可直接接受它）"
        )),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Structure {
    Pkcs8,
    Pkcs1,
    Sec1,
}

impl Structure {
    fn label(self) -> &'static str {
        match self {
            Self::Pkcs8 => "PRIVATE KEY",
            Self::Pkcs1 => "RSA PRIVATE KEY",
            Self::Sec1 => "EC PRIVATE KEY",
        }
    }
}

fn plain_structure(format: KeyFormat) -> Result<Structure, Text> {
    match format {
        KeyFormat::Pkcs1 => Ok(Structure::Pkcs1),
        KeyFormat::Sec1 => Ok(Structure::Sec1),
        KeyFormat::Pkcs8 => Ok(Structure::Pkcs8),
        KeyFormat::Dsa => Err(tr!(
            "the key is a DSA key, which no target takes; it is not re-encoded",
            "这是 DSA 私钥，没有任何目标接受它；不重新编码"
        )),
        other => {
            let other = other.as_str();
            Err(tr!(
                "the key is still {other} after decryption; this is a bug, please report it",
                "解密后私钥仍为 {other} 格式；这是程序缺陷，请报告"
            ))
        }
    }
}
