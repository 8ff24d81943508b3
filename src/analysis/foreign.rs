//! Material of other systems that people take for a certificate or its key: SSH keys (an OpenSSH
//! or PuTTY private key, an `ssh-rsa AAAA…` line, an RFC 4716 public key), OpenPGP blocks, and
//! Java's own keystores (JKS, JCEKS: Tomcat's, converted to PKCS#12 by `keytool`); archives
//! this tool does not open (RAR, 7-Zip, gzip, tar), PDF documents and Office files in the older
//! binary format (an Outlook `.msg`, `.doc`, `.xls`). A
//! server's SSH key pair is the "key" many people have at hand; said for what it is, with where
//! the certificate's own key is, rather than "unknown label" or "no PEM block".

use crate::diagnostic::{Code, Diagnostic, InputLocation};
use crate::lang::Text;

/// What the material is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Foreign {
    /// An OpenSSH (`OPENSSH PRIVATE KEY`) or PuTTY (`.ppk`) private key.
    SshPrivateKey,
    /// An OpenSSH public key line (`ssh-rsa AAAA… user@host`) or an RFC 4716 public key.
    SshPublicKey,
    /// An OpenPGP block (keys, messages, signatures).
    Pgp,
    /// A Java keystore in Sun's own format (`JKS`) or its JCE variant (`JCEKS`), as `keytool`
    /// wrote them before Java 9 and Tomcat guides still make them, that cannot be read (of a
    /// version or with an entry Java never wrote: `super::java_keystore` reads the others'
    /// certificates). Their private keys are protected by Sun's own scheme, which only Java reads.
    JavaKeystore {
        /// `JCEKS` rather than `JKS`.
        jceks: bool,
    },
    /// An archive in a format this tool does not open (only ZIP is opened: `super::archive`):
    /// RAR and 7-Zip, which Windows users in China often pack certificates in, and gzip or tar.
    Archive {
        /// The format's name.
        format: &'static str,
    },
    /// A PDF document (an order confirmation, a certificate printed by the CA).
    Pdf,
    /// An Office file in the older binary format (an MS-CFB compound file): an Outlook message
    /// dragged out of Outlook (`.msg`), a `.doc` or an `.xls`.
    OfficeBinary,
    /// `EC PARAMETERS`: the curve's name, which `openssl ecparam -genkey` writes before the key.
    EcParameters,
    /// Diffie-Hellman parameters (`DH PARAMETERS`, `X9.42 DH PARAMETERS`): a web server's
    /// `ssl_dhparam` file, found in the same folder as its certificate.
    DhParameters,
    /// A certificate revocation list (`X509 CRL`), which CAs publish.
    Crl,
}

/// What binary input is, by its first bytes, when it is one of these.
pub(crate) fn by_magic(bytes: &[u8]) -> Option<Foreign> {
    let archive = |format| Some(Foreign::Archive { format });
    match bytes {
        [0xfe, 0xed, 0xfe, 0xed, ..] => Some(Foreign::JavaKeystore { jceks: false }),
        [0xce, 0xce, 0xce, 0xce, ..] => Some(Foreign::JavaKeystore { jceks: true }),
        // RAR 1.5 to 4 (`Rar!` 1A 07 00) and RAR 5 (… 01 00).
        [b'R', b'a', b'r', b'!', 0x1a, 0x07, ..] => archive("RAR"),
        [b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, ..] => archive("7-Zip"),
        [0x1f, 0x8b, ..] => archive("gzip"),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some(Foreign::Pdf),
        [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ..] => Some(Foreign::OfficeBinary),
        // POSIX tar: `ustar` at offset 257 of the first header.
        _ if bytes.get(257..262) == Some(b"ustar") => archive("tar"),
        _ => None,
    }
}

/// What a block labelled `label` is, when it is one of these.
pub(crate) fn by_label(label: &str) -> Option<Foreign> {
    match label {
        "OPENSSH PRIVATE KEY" | "SSH2 ENCRYPTED PRIVATE KEY" => Some(Foreign::SshPrivateKey),
        "SSH2 PUBLIC KEY" => Some(Foreign::SshPublicKey),
        _ if label.starts_with("PGP ") => Some(Foreign::Pgp),
        "EC PARAMETERS" => Some(Foreign::EcParameters),
        "DH PARAMETERS" | "X9.42 DH PARAMETERS" => Some(Foreign::DhParameters),
        "X509 CRL" => Some(Foreign::Crl),
        _ => None,
    }
}

/// The first line of text with no PEM block that is one of these, and its line (1-based).
pub(crate) fn in_text(text: &str) -> Option<(Foreign, usize)> {
    const SSH_PUBLIC: &[&str] = &[
        "ssh-rsa AAAA",
        "ssh-ed25519 AAAA",
        "ssh-dss AAAA",
        "ecdsa-sha2-nistp",
        "sk-ssh-ed25519@openssh.com AAAA",
        "sk-ecdsa-sha2-nistp256@openssh.com AAAA",
    ];
    text.lines().enumerate().find_map(|(index, line)| {
        let line = line.trim_start();
        // RFC 4716's armour has four dashes and spaces: `---- BEGIN SSH2 PUBLIC KEY ----`.
        let rfc4716 = line.strip_prefix("---- BEGIN SSH2 ");
        let foreign = if line.starts_with("PuTTY-User-Key-File-")
            || rfc4716.is_some_and(|l| l.starts_with("ENCRYPTED PRIVATE KEY"))
        {
            Foreign::SshPrivateKey
        } else if SSH_PUBLIC.iter().any(|p| line.starts_with(p))
            || rfc4716.is_some_and(|l| l.starts_with("PUBLIC KEY"))
        {
            Foreign::SshPublicKey
        } else {
            return None;
        };
        Some((foreign, index + 1))
    })
}

impl Foreign {
    /// The diagnostic for it at `location` (a block of an input, or the whole input).
    pub(crate) fn diagnostic(self, location: InputLocation) -> Diagnostic {
        let (what, what_zh) = match location.block {
            Some(n) => (format!("block {n}"), format!("第 {n} 块")),
            None => ("the input".to_owned(), "输入".to_owned()),
        };
        let code = match self {
            Self::Archive { .. } => Code::ArchiveUnreadable,
            Self::Pdf | Self::OfficeBinary => Code::NoPemOrDer,
            Self::EcParameters => Code::EcParametersSkipped,
            Self::DhParameters | Self::Crl => Code::NotACertificate,
            _ => Code::NotTlsMaterial,
        };
        Diagnostic::new(code, location, self.message(&what, &what_zh), self.hint())
    }

    fn message(self, what: &str, what_zh: &str) -> Text {
        match self {
            Self::SshPrivateKey => tr!(
                "{what} is an SSH private key (OpenSSH or PuTTY), for logging in to servers: not the private key of a certificate",
                "{what_zh}是 SSH 私钥（OpenSSH 或 PuTTY），用于登录服务器：不是证书的私钥"
            ),
            Self::SshPublicKey => tr!(
                "{what} is an SSH public key (ssh-… AAAA…), for logging in to servers: not a certificate",
                "{what_zh}是 SSH 公钥（ssh-… AAAA…），用于登录服务器：不是证书"
            ),
            Self::Pgp => tr!(
                "{what} is an OpenPGP block (PGP keys, messages, signatures): not a certificate or its key",
                "{what_zh}是 OpenPGP 块（PGP 密钥、消息、签名）：不是证书或其私钥"
            ),
            Self::Archive { format } => tr!(
                "{what} is a {format} archive, which is not opened here (ZIP archives are)",
                "{what_zh}是 {format} 压缩包，此处不打开（可打开 ZIP 压缩包）"
            ),
            Self::Pdf => tr!(
                "{what} is a PDF document, not a certificate file",
                "{what_zh}是 PDF 文档，不是证书文件"
            ),
            Self::OfficeBinary => tr!(
                "{what} is an Office file in the older binary format (an Outlook .msg message, a .doc or an .xls), not a certificate file",
                "{what_zh}是旧二进制格式的 Office 文件（Outlook 的 .msg 邮件、.doc 或 .xls），不是证书文件"
            ),
            Self::EcParameters => tr!(
                "{what} holds EC parameters (the curve's name, which openssl ecparam -genkey writes before the key): not needed, skipped",
                "{what_zh}是 EC 参数（openssl ecparam -genkey 写在私钥之前的曲线名称）：不需要，已跳过"
            ),
            Self::DhParameters => tr!(
                "{what} holds Diffie-Hellman parameters (a web server's ssl_dhparam file): they stay on the server and are not used here",
                "{what_zh}是 Diffie-Hellman 参数（Web 服务器的 ssl_dhparam 文件）：它们留在服务器上，此处不使用"
            ),
            Self::Crl => tr!(
                "{what} is a certificate revocation list (CRL), which a CA publishes: not a certificate, not used",
                "{what_zh}是 CA 发布的证书吊销列表（CRL）：不是证书，不会被使用"
            ),
            Self::JavaKeystore { jceks } => {
                let kind = if jceks { "JCEKS" } else { "JKS" };
                tr!(
                    "{what} is a Java keystore ({kind}): none of the targets takes one, and its key is locked with a scheme only Java reads",
                    "{what_zh}是 Java 密钥库（{kind}）：这些目标都不接受，其中私钥的保护方式只有 Java 能读取"
                )
            }
        }
    }

    fn hint(self) -> Text {
        match self {
            Self::EcParameters => tr!(
                "nothing to do: the key itself names its curve",
                "无需处理：私钥本身写明了曲线"
            ),
            Self::DhParameters | Self::Crl => tr!(
                "nothing to do if the certificate and its key are given too; otherwise give them (-----BEGIN CERTIFICATE----- and the key made with its CSR)",
                "如果证书和私钥也已给出，则无需处理；否则请给出它们（-----BEGIN CERTIFICATE----- 和与其 CSR 一同生成的私钥）"
            ),
            Self::SshPrivateKey => tr!(
                "give the key made with the certificate's CSR (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----): where the CSR was made, or among the files your CA or cloud console offers to download",
                "请给出与证书的 CSR 一同生成的私钥（-----BEGIN PRIVATE KEY----- 或 -----BEGIN RSA PRIVATE KEY-----）：在生成 CSR 的地方，或在 CA、云控制台提供下载的文件中"
            ),
            Self::JavaKeystore { .. } => tr!(
                "download the certificate again as the files for Nginx or Apache (PEM: the certificate and its key), which CAs and cloud consoles offer beside Tomcat's keystore; or convert the keystore to PKCS#12 with Java's keytool (keytool -importkeystore -srckeystore tomcat.jks -destkeystore tomcat.p12 -deststoretype PKCS12, with your keystore's names; it asks for the keystore's password), then give the .p12 file and that password",
                "请从 CA 或云控制台重新下载 Nginx 或 Apache 格式的证书（PEM 文件：证书和私钥），它们与 Tomcat 格式一同提供；或先用 Java 的 keytool 把密钥库转换为 PKCS#12（keytool -importkeystore -srckeystore tomcat.jks -destkeystore tomcat.p12 -deststoretype PKCS12，文件名换成您的密钥库；会要求输入密钥库密码），再给出 .p12 文件和该密码"
            ),
            Self::Archive { .. } => tr!(
                "extract it (7-Zip, WinRAR, tar) and give its certificate and key files, or give the archive as ZIP",
                "请先解压（7-Zip、WinRAR、tar），再给出其中的证书和私钥文件，或给出 ZIP 格式的压缩包"
            ),
            Self::OfficeBinary => tr!(
                "open it and save the certificate file attached to it, or copy the certificate's text out of it (from -----BEGIN CERTIFICATE----- through its END line)",
                "请打开它，保存其中附带的证书文件，或复制证书的文本（从 -----BEGIN CERTIFICATE----- 到对应的 END 行）"
            ),
            Self::Pdf => tr!(
                "copy the certificate's text out of it (from -----BEGIN CERTIFICATE----- through its END line), or download the certificate file itself from your CA",
                "请从中复制证书的文本（从 -----BEGIN CERTIFICATE----- 到对应的 END 行），或从 CA 处下载证书文件本身"
            ),
            Self::SshPublicKey | Self::Pgp => tr!(
                "give the certificate your CA issued (-----BEGIN CERTIFICATE-----) and the key made with its CSR",
                "请给出 CA 签发的证书（-----BEGIN CERTIFICATE-----）和与其 CSR 一同生成的私钥"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_lines_of_other_systems() {
        assert_eq!(
            by_label("OPENSSH PRIVATE KEY"),
            Some(Foreign::SshPrivateKey)
        );
        assert_eq!(by_label("SSH2 PUBLIC KEY"), Some(Foreign::SshPublicKey));
        assert_eq!(by_label("PGP PUBLIC KEY BLOCK"), Some(Foreign::Pgp));
        assert_eq!(by_label("CERTIFICATE"), None);
        assert_eq!(by_label("X9.42 DH PARAMETERS"), Some(Foreign::DhParameters));
        assert_eq!(by_label("EC PARAMETERS"), Some(Foreign::EcParameters));
        assert_eq!(by_label("X509 CRL"), Some(Foreign::Crl));
        assert_eq!(by_label("SOMETHING ELSE"), None);
        let authorized = "# my laptop\n  ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB me@host\n";
        assert_eq!(in_text(authorized), Some((Foreign::SshPublicKey, 2)));
        let ppk = "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n";
        assert_eq!(in_text(ppk), Some((Foreign::SshPrivateKey, 1)));
        assert_eq!(in_text("my certificate is attached\n"), None);
        let rfc4716 = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"2048-bit RSA\"\nAAAAB3Nz\n---- END SSH2 PUBLIC KEY ----\n";
        assert_eq!(in_text(rfc4716), Some((Foreign::SshPublicKey, 1)));
        assert_eq!(
            by_magic(&[0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]),
            Some(Foreign::JavaKeystore { jceks: false })
        );
        assert_eq!(by_magic(&[0x30, 0x82, 0x01, 0x0a]), None);
        assert_eq!(by_magic(&[0xfe]), None);
        assert_eq!(by_magic(b"%PDF-1.7\n"), Some(Foreign::Pdf));
        // MS-CFB 2.2: the compound file header's signature.
        assert_eq!(
            by_magic(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]),
            Some(Foreign::OfficeBinary)
        );
        // The signatures RARLAB's and 7-Zip's format documents give (no such writer on these machines).
        let format = |bytes: &[u8]| match by_magic(bytes) {
            Some(Foreign::Archive { format }) => format,
            other => panic!("{other:?}"),
        };
        assert_eq!(format(b"Rar!\x1a\x07\x00\xcf\x90"), "RAR");
        assert_eq!(format(b"Rar!\x1a\x07\x01\x00"), "RAR");
        assert_eq!(format(b"7z\xbc\xaf\x27\x1c\x00\x04"), "7-Zip");
        let mut tar = vec![0; 512];
        tar[257..263].copy_from_slice(b"ustar\0");
        assert_eq!(by_magic(&tar), Some(Foreign::Archive { format: "tar" }));
        assert_eq!(by_magic(&tar[..261]), None);
    }
}
