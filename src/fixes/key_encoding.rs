//! A private key re-encoded as a target wants it (PKCS#8 → PKCS#1 / SEC1), through `pkcs8`,
//! `pkcs1` and `sec1`.

use super::pem;
use crate::analysis::oids;
use crate::analysis::private_key::{KeyFormat, ParsedKey};
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

/// Re-encodes a parsed private key (decrypted if it was encrypted). Errors are short, secret-free
/// sentences.
pub fn reencode_key(parsed: &ParsedKey, want: KeyEncoding) -> Result<KeyPem, String> {
    let key = parsed
        .plain
        .as_ref()
        .ok_or("the private key could not be read (encrypted without the right passphrase?)")?;
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
            let info = pkcs8::PrivateKeyInfoRef::from_der(&key.der)
                .map_err(|e| format!("the PKCS#8 key does not decode: {e}"))?;
            let oid = info.algorithm.oid;
            if oid == oids::RSA_ENCRYPTION {
                // The PKCS#8 private key octets of an RSA key are the PKCS#1 RSAPrivateKey.
                let rsa = pkcs1::RsaPrivateKeyRef::from_der(info.private_key.as_bytes())
                    .map_err(|e| format!("the RSA key does not decode: {e}"))?;
                let der = rsa
                    .to_der()
                    .map_err(|e| format!("the RSA key does not encode: {e}"))?;
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
                    .ok_or("the EC key names no curve")?
                    .decode_as()
                    .map_err(|e| format!("the EC key's curve does not decode: {e}"))?;
                let mut ec = sec1::EcPrivateKey::from_der(info.private_key.as_bytes())
                    .map_err(|e| format!("the EC key does not decode: {e}"))?;
                // SEC1 keys carry their curve; PKCS#8 moved it to the algorithm identifier.
                ec.parameters = Some(sec1::EcParameters::NamedCurve(curve));
                let der = ec
                    .to_der()
                    .map_err(|e| format!("the EC key does not encode: {e}"))?;
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
        (KeyEncoding::Pkcs8, Structure::Pkcs1 | Structure::Sec1) => Err(format!(
            "the key is {from}; converting it to PKCS#8 is not offered (the target takes it as is)"
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

fn plain_structure(format: KeyFormat) -> Result<Structure, String> {
    match format {
        KeyFormat::Pkcs1 => Ok(Structure::Pkcs1),
        KeyFormat::Sec1 => Ok(Structure::Sec1),
        KeyFormat::Pkcs8 => Ok(Structure::Pkcs8),
        KeyFormat::Dsa => {
            Err("the key is a DSA key, which no target takes; it is not re-encoded".into())
        }
        other => Err(format!(
            "the key is still {} after decryption; this is a bug, please report it",
            other.as_str()
        )),
    }
}
