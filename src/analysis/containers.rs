//! Containers opened: a PKCS#7 bundle or a PKCS#12 file becomes the certificate items (and, for
//! PKCS#12, the keys) it holds. The decoders ([`super::pkcs7`], [`super::pkcs12`]) return DER and
//! typed errors; this module turns them into items and diagnostics.

use super::certificate::ParsedCertificate;
use super::input::{InputFormat, InputSummary};
use super::item::{Item, ItemKind};
use super::java_keystore::{self, Content};
use super::private_key::{self, ParsedKey};
use super::{Options, foreign, pkcs7, pkcs12};
use crate::diagnostic::{Code, Diagnostic, Hint, InputLocation};

/// PKCS#7 and PKCS#12 items become the certificates (and keys) they hold; others pass through.
pub(crate) fn open(
    item: Item,
    options: &Options<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    keys: &mut Vec<ParsedKey>,
) -> Vec<Item> {
    match item.kind {
        ItemKind::Pkcs7 => match pkcs7::certificates(&item.der) {
            Ok(certificates) => {
                if certificates.is_empty() {
                    diagnostics.push(Diagnostic::new(
                        Code::Pkcs7WithoutCertificates,
                        item.location.clone(),
                        tr!(
                            "the PKCS#7 bundle holds no certificate",
                            "PKCS#7 证书包中没有证书"
                        ),
                        tr!(
                            "export the certificate chain again, including the certificates",
                            "请重新导出证书链，并包含证书"
                        ),
                    ));
                }
                certificate_items(&item, certificates.into_iter().map(<[u8]>::to_vec))
            }
            Err(pkcs7::Pkcs7Error::NotSignedData(why)) => {
                diagnostics.push(Diagnostic::new(
                    Code::InvalidAsn1,
                    item.location.clone(),
                    {
                        let (why, why_zh) = (why.en(), why.zh());
                        tr!(
                            "the PKCS#7 bundle cannot be decoded as CMS SignedData: {why}",
                            "无法将该 PKCS#7 证书包解码为 CMS SignedData：{why_zh}"
                        )
                    },
                    tr!(
                        "the file may be truncated: export the chain again (or as PEM certificates)",
                        "文件可能被截断：请重新导出证书链（或导出为 PEM 证书）"
                    ),
                ));
                Vec::new()
            }
        },
        ItemKind::Pkcs12 => {
            let password = options.pkcs12_password.or(options.passphrase);
            match pkcs12::open(&item.der, password) {
                Ok(contents) => {
                    if contents.password_form == private_key::decryption::PasswordForm::OldOpenSsl {
                        diagnostics.push(private_key::old_openssl_password(&item.location));
                    }
                    for key in &contents.private_keys {
                        let index = keys.len();
                        keys.push(private_key::from_pkcs12(
                            key,
                            index,
                            &item.location,
                            diagnostics,
                        ));
                    }
                    certificate_items(&item, contents.certificates)
                }
                Err(error) => {
                    diagnostics.push(pkcs12_diagnostic(error, &item.location));
                    Vec::new()
                }
            }
        }
        ItemKind::JavaKeystore => match java_keystore::read(&item.der) {
            Ok(keystore) => {
                let mut ders = Vec::new();
                for entry in keystore.entries {
                    let alias = crate::diagnostic::quotable(&entry.alias);
                    match entry.content {
                        Content::Key { chain } => {
                            diagnostics.push(keystore_key(&item.location, keystore.kind, alias));
                            ders.extend(chain);
                        }
                        Content::Trusted(der) => ders.push(der),
                        Content::Secret => diagnostics.push(keystore_secret(
                            &item.location,
                            alias,
                            keystore.unread,
                        )),
                    }
                }
                certificate_items(&item, ders)
            }
            Err(java_keystore::KeystoreError::CutShort { at }) => {
                diagnostics.push(Diagnostic::new(
                    Code::InvalidAsn1,
                    item.location.clone(),
                    tr!(
                        "the Java keystore cannot be read: it ends after {at} bytes, inside an entry whose stated length goes on: it was cut short",
                        "无法读取该 Java 密钥库：数据在 {at} 字节后结束，而某个条目声明的长度还没有结束：文件被截断了"
                    ),
                    tr!(
                        "copy or download the keystore again",
                        "请重新复制或下载该密钥库"
                    ),
                ));
                Vec::new()
            }
            Err(_) => {
                let jceks = java_keystore::Kind::of(&item.der) == Some(java_keystore::Kind::Jceks);
                diagnostics.push(foreign::Foreign::JavaKeystore { jceks }.diagnostic(
                    InputLocation {
                        block: None,
                        ..item.location.clone()
                    },
                ));
                Vec::new()
            }
        },
        _ => vec![item],
    }
}

/// A keystore's private key entry: its certificates are read, its key is not (Java's own scheme).
fn keystore_key(at: &InputLocation, kind: java_keystore::Kind, alias: Option<&str>) -> Diagnostic {
    use crate::render::shell::shell_quote;
    let file = at.file.rsplit('/').next().unwrap_or(&at.file);
    let source = shell_quote(file);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let target = shell_quote(&format!("{stem}.p12"));
    let store = kind.name();
    let (named, named_zh, alias) = match alias {
        Some(alias) => (
            format!(" of entry \"{alias}\""),
            format!("条目“{alias}”的"),
            shell_quote(alias),
        ),
        None => (String::new(), String::new(), "ALIAS".to_owned()),
    };
    Diagnostic::new(
        Code::UnsupportedEncryption,
        at.clone(),
        tr!(
            "the private key{named} is locked with Java's own scheme ({store}), which only Java reads: the keystore's certificates are read, its key is not",
            "{named_zh}私钥以 Java 自有的方案（{store}）保护，只有 Java 能读取：已读取密钥库中的证书，但没有读取其私钥"
        ),
        tr!(
            "convert the keystore to PKCS#12 with Java's keytool (keytool -importkeystore -srckeystore {source} -srcstoretype {store} -srcalias {alias} -destkeystore {target} -deststoretype PKCS12; it asks for the keystore's password, which a download keeps in keystorePass.txt or jks-password.txt) and give the .p12 file and that password; or download the certificate again for Nginx (PEM files: the certificate and its key)",
            "请用 Java 的 keytool 把密钥库转换为 PKCS#12（keytool -importkeystore -srckeystore {source} -srcstoretype {store} -srcalias {alias} -destkeystore {target} -deststoretype PKCS12；它会要求输入密钥库密码，下载包中保存在 keystorePass.txt 或 jks-password.txt 里），再给出 .p12 文件和该密码；或重新下载 Nginx 格式的证书（PEM：证书和私钥）"
        ),
    )
}

/// A keystore's key, which is not read, is not needed when the keystore holds the leaf and the
/// leaf's key is given in another file (`keyed`: a download with one file per server type): its
/// `unsupported-encryption` error becomes `keystore-key-not-needed`'s information.
pub(crate) fn keystore_keys_not_needed(
    inputs: &[InputSummary],
    certificates: &[ParsedCertificate],
    leaf: usize,
    diagnostics: &mut [Diagnostic],
) {
    let sha256 = &certificates[leaf].summary.sha256;
    let holds_leaf = |file: &str| {
        inputs
            .iter()
            .any(|i| i.file == file && matches!(i.format, InputFormat::Jks | InputFormat::Jceks))
            && certificates
                .iter()
                .any(|c| c.location.file == file && c.summary.sha256 == *sha256)
    };
    for diagnostic in diagnostics {
        if diagnostic.code == Code::UnsupportedEncryption
            && let Some(at) = diagnostic.location.input()
            && holds_leaf(&at.file)
        {
            *diagnostic = keystore_key_not_needed(at);
        }
    }
}

/// A keystore's private key not read, when the keystore holds the leaf and the leaf's key is given
/// in another file.
fn keystore_key_not_needed(at: &InputLocation) -> Diagnostic {
    Diagnostic::new(
        Code::KeystoreKeyNotNeeded,
        at.clone(),
        tr!(
            "the keystore's private key is not read (Java's own scheme), and is not needed: the leaf's key is given in another file",
            "密钥库中的私钥没有读取（Java 自有的方案），也不需要：叶子证书的私钥已在另一个文件中给出"
        ),
        tr!("nothing to do", "无需处理"),
    )
}

/// A JCEKS secret key entry, where reading stops.
fn keystore_secret(at: &InputLocation, alias: Option<&str>, unread: usize) -> Diagnostic {
    let (named, named_zh) = match alias {
        Some(alias) => (format!(" \"{alias}\""), format!("“{alias}”")),
        None => (String::new(), String::new()),
    };
    Diagnostic::new(
        Code::NotACertificate,
        at.clone(),
        tr!(
            "entry{named} of the keystore is a secret key, no part of a certificate; the {unread} entries after it are not read",
            "密钥库的条目{named_zh}是对称密钥，与证书无关；其后的 {unread} 个条目没有读取"
        ),
        tr!(
            "convert the keystore to PKCS#12 with Java's keytool (keytool -importkeystore … -deststoretype PKCS12) to have its certificates read",
            "请用 Java 的 keytool 把密钥库转换为 PKCS#12（keytool -importkeystore … -deststoretype PKCS12），以便读取其中的证书"
        ),
    )
}

fn pkcs12_diagnostic(error: pkcs12::Pkcs12Error, at: &InputLocation) -> Diagnostic {
    use pkcs12::Pkcs12Error as E;
    match error {
        E::NeedsPassword => Diagnostic::new(
            Code::Pkcs12NeedsPassword,
            at.clone(),
            tr!(
                "the PKCS#12 file needs its password",
                "打开 PKCS#12 文件需要密码"
            ),
            Hint::per_surface(
                tr!(
                    "enter the password in the passphrase field (it stays in this page)",
                    "请在口令框中输入密码（只留在本页面）"
                ),
                tr!(
                    "give the password with --passphrase-env VAR (it stays on this machine)",
                    "用 --passphrase-env VAR 给出密码（只留在本机）"
                ),
            ),
        ),
        E::WrongPassword => Diagnostic::new(
            Code::WrongPkcs12Password,
            at.clone(),
            tr!(
                "the password does not open the PKCS#12 file",
                "密码无法打开该 PKCS#12 文件"
            ),
            tr!(
                "check the password given with the file; an empty password is a password too",
                "请核对随文件提供的密码；空密码也是一种密码"
            ),
        ),
        E::Unsupported(what) => Diagnostic::new(
            Code::UnsupportedEncryption,
            at.clone(),
            {
                let (what, what_zh) = (what.en(), what.zh());
                tr!(
                    "the PKCS#12 file uses {what}, which is not supported here",
                    "该 PKCS#12 文件使用了 {what_zh}，此处不支持"
                )
            },
            tr!(
                "export it again with AES-256 (openssl pkcs12 -export without -legacy), or as PEM",
                "请用 AES-256 重新导出（openssl pkcs12 -export，不加 -legacy），或导出为 PEM"
            ),
        ),
        E::Malformed(what) => Diagnostic::new(
            Code::InvalidAsn1,
            at.clone(),
            {
                let (what, what_zh) = (what.en(), what.zh());
                tr!(
                    "the PKCS#12 file cannot be decoded: {what}",
                    "无法解码该 PKCS#12 文件：{what_zh}"
                )
            },
            tr!(
                "the file may be truncated: copy or download it again",
                "文件可能被截断：请重新复制或下载"
            ),
        ),
        E::OverCeiling(over) => private_key::over_ceiling(&over, at),
    }
}

/// Certificate items at the container's location.
fn certificate_items(container: &Item, ders: impl IntoIterator<Item = Vec<u8>>) -> Vec<Item> {
    ders.into_iter()
        .map(|der| Item {
            kind: ItemKind::Certificate,
            label: None,
            der,
            headers: Vec::new(),
            location: container.location.clone(),
        })
        .collect()
}
