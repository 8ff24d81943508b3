//! Containers opened: a PKCS#7 bundle or a PKCS#12 file becomes the certificate items (and, for
//! PKCS#12, the keys) it holds. The decoders ([`super::pkcs7`], [`super::pkcs12`]) return DER and
//! typed errors; this module turns them into items and diagnostics.

use super::item::{Item, ItemKind};
use super::private_key::{self, ParsedKey};
use super::{Options, pkcs7, pkcs12};
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
        _ => vec![item],
    }
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
