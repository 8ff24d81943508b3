//! What the decoders hand on: an [`Item`], DER bytes with their kind, PEM label, encapsulated
//! headers and location in the input.

use crate::diagnostic::InputLocation;
use serde::Serialize;

/// What a decoded item holds, from its PEM label or its DER shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An X.509 certificate (`CERTIFICATE`, `X509 CERTIFICATE`, `TRUSTED CERTIFICATE`, or DER).
    Certificate,
    /// A private key (`PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, …).
    PrivateKey,
    /// A PKCS#10 certificate request (`CERTIFICATE REQUEST`, `NEW CERTIFICATE REQUEST`).
    CertificateRequest,
    /// A PKCS#7 / CMS bundle (`PKCS7`, `CMS`).
    Pkcs7,
    /// A PKCS#12 file (.p12 / .pfx: binary, or its base64 recovered under the label `PKCS12`).
    Pkcs12,
    /// A Java keystore (JKS or JCEKS, binary): the whole file.
    JavaKeystore,
    /// A public key (`PUBLIC KEY`, `RSA PUBLIC KEY`).
    PublicKey,
    /// Any other label.
    Other,
}

impl ItemKind {
    /// The kind a PEM label announces (RFC 7468 §5–§13, and the labels OpenSSL writes).
    pub fn from_label(label: &str) -> Self {
        match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Self::Certificate,
            "PRIVATE KEY"
            | "ENCRYPTED PRIVATE KEY"
            | "RSA PRIVATE KEY"
            | "EC PRIVATE KEY"
            | "DSA PRIVATE KEY"
            | "SM2 PRIVATE KEY" => Self::PrivateKey,
            "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Self::CertificateRequest,
            "PKCS7" | "CMS" => Self::Pkcs7,
            // Not an RFC 7468 label: the one recovery writes for base64 of a PKCS#12 file.
            "PKCS12" => Self::Pkcs12,
            "PUBLIC KEY" | "RSA PUBLIC KEY" => Self::PublicKey,
            _ => Self::Other,
        }
    }

    /// A short phrase for messages ("a private key").
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Certificate => "a certificate",
            Self::PrivateKey => "a private key",
            Self::CertificateRequest => "a certificate request (CSR)",
            Self::Pkcs7 => "a PKCS#7 bundle",
            Self::Pkcs12 => "a PKCS#12 file",
            Self::JavaKeystore => "a Java keystore",
            Self::PublicKey => "a public key",
            Self::Other => "an unknown block",
        }
    }

    /// [`ItemKind::describe`] in Simplified Chinese.
    pub fn describe_zh(&self) -> &'static str {
        match self {
            Self::Certificate => "证书",
            Self::PrivateKey => "私钥",
            Self::CertificateRequest => "证书请求（CSR）",
            Self::Pkcs7 => "PKCS#7 证书包",
            Self::Pkcs12 => "PKCS#12 文件",
            Self::JavaKeystore => "Java 密钥库",
            Self::PublicKey => "公钥",
            Self::Other => "未知的块",
        }
    }
}

/// One decoded item: its kind, its DER bytes and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// What the label or the shape says it is.
    pub kind: ItemKind,
    /// The PEM label, when the item came from a PEM block.
    pub label: Option<String>,
    /// The decoded bytes.
    pub der: Vec<u8>,
    /// RFC 1421 encapsulated headers before the body (`Proc-Type`, `DEK-Info`), in order.
    pub headers: Vec<(String, String)>,
    /// File, block (1-based) and the line of the BEGIN line.
    pub location: InputLocation,
}
