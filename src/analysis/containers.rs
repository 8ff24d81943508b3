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
                        "the PKCS#7 bundle holds no certificate",
                        "export the certificate chain again, including the certificates",
                    ));
                }
                certificate_items(&item, certificates.into_iter().map(<[u8]>::to_vec))
            }
            Err(pkcs7::Pkcs7Error::NotSignedData) => {
                diagnostics.push(Diagnostic::new(
                    Code::InvalidAsn1,
                    item.location.clone(),
                    "the PKCS#7 bundle cannot be decoded as CMS SignedData",
                    "the file may be truncated: export the chain again (or as PEM certificates)",
                ));
                Vec::new()
            }
        },
        ItemKind::Pkcs12 => {
            let password = options.pkcs12_password.or(options.passphrase);
            match pkcs12::open(&item.der, password) {
                Ok(contents) => {
                    for der in &contents.private_keys {
                        let index = keys.len();
                        keys.push(private_key::from_pkcs8(
                            der,
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
            "the PKCS#12 file needs its password",
            Hint::per_surface(
                "enter the password in the passphrase field (it stays in this page)",
                "give the password with --passphrase-env VAR (it stays on this machine)",
            ),
        ),
        E::WrongPassword => Diagnostic::new(
            Code::WrongPkcs12Password,
            at.clone(),
            "the password does not open the PKCS#12 file",
            "check the password given with the file; an empty password is a password too",
        ),
        E::Unsupported(what) => Diagnostic::new(
            Code::UnsupportedEncryption,
            at.clone(),
            format!("the PKCS#12 file uses {what}, which is not supported here"),
            "export it again with AES-256 (openssl pkcs12 -export without -legacy), or as PEM",
        ),
        E::Malformed(what) => Diagnostic::new(
            Code::InvalidAsn1,
            at.clone(),
            format!("the PKCS#12 file cannot be decoded: {what}"),
            "the file may be truncated: copy or download it again",
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
