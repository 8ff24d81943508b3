//! Which certificate each private key and CSR belongs to: keys and requests are compared with
//! the certificates by their public key ([`super::public_key::KeyIdentity`]), and a key or CSR
//! that is not the leaf's is said so.

use super::certificate::{self, ParsedCertificate};
use super::chain::ChainReport;
use super::csr::ParsedCsr;
use super::private_key::{KeyFormat, ParsedKey};
use super::public_key;
use crate::diagnostic::{Code, Diagnostic, Hint};
use crate::lang::Text;

/// The indexes of the certificates whose key is `identity`.
fn same_key_as(
    identity: &Option<public_key::KeyIdentity>,
    certificates: &[ParsedCertificate],
) -> Vec<usize> {
    match identity {
        Some(identity) => certificates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.key.as_ref() == Some(identity))
            .map(|(i, _)| i)
            .collect(),
        None => Vec::new(),
    }
}

/// Which certificates a private key given is the key of (`keyed[i]`), for the choice of the leaf.
pub(crate) fn keyed(certificates: &[ParsedCertificate], keys: &[ParsedKey]) -> Vec<bool> {
    let mut keyed = vec![false; certificates.len()];
    for key in keys {
        for i in same_key_as(&key.identity, certificates) {
            keyed[i] = true;
        }
    }
    keyed
}

/// Matches each private key with the certificates (its `matches_*` facts) and says whether it
/// is the leaf's.
pub(crate) fn match_keys(
    certificates: &[ParsedCertificate],
    chain: &ChainReport,
    keys: &mut [ParsedKey],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let leaf = chain.order.first().copied();
    // The leaf's own key when a PKCS#12 file holds it: its entry is the one to export.
    let leaf_entry = leaf.and_then(|l| {
        keys.iter().find(|k| {
            k.summary.format == KeyFormat::Pkcs12
                && same_key_as(&k.identity, certificates).contains(&l)
        })
    });
    let leaf_entry = leaf_entry.map(|k| (k.location.file.clone(), k.summary.alias.clone()));
    for key in keys.iter_mut() {
        let matches = same_key_as(&key.identity, certificates);
        key.summary.matches_leaf = leaf
            .filter(|_| key.identity.is_some())
            .map(|l| matches.contains(&l));
        key.summary.matches_certificates = matches;
        let leaf = match (leaf, key.summary.matches_leaf) {
            (Some(leaf), Some(true)) => {
                diagnostics.push(Diagnostic::new(
                    Code::KeyMatchesCertificate,
                    key.location.clone(),
                    tr!(
                        "the private key belongs to the leaf (certificate {leaf})",
                        "私钥与叶子证书（证书 {leaf}）匹配"
                    ),
                    Hint::none(),
                ));
                continue;
            }
            (Some(leaf), Some(false)) => leaf,
            _ => continue,
        };
        let find_it = || {
            tr!(
                "find the key that was generated with this certificate's CSR; a key cannot be changed after issuance",
                "请找到与该证书的 CSR 一同生成的私钥；证书签发后无法更换私钥"
            )
        };
        let (other, hint) = match key.summary.matches_certificates.first().copied() {
            Some(i) if certificates[i].summary.is_ca => {
                let name = certificate::display_name(&certificates[i].summary);
                let other = tr!(
                    "; it is the key of certificate {i} (\"{name}\"), a CA's",
                    "；它是证书 {i}（“{name}”）的私钥，属于 CA"
                );
                // A CA's own upload (a private CA's import) takes its key, and then this one may
                // be another CA's by mistake; a server certificate's never takes a CA's.
                if certificates[leaf].summary.is_ca {
                    (other, find_it())
                } else {
                    (
                        other,
                        tr!(
                            "a CA's key is never uploaded with a server certificate, and should not leave the CA: give the key generated with the leaf's CSR",
                            "CA 的私钥不会与服务器证书一起上传，也不应离开 CA：请给出与叶子证书的 CSR 一同生成的私钥"
                        ),
                    )
                }
            }
            Some(i) => {
                let name = certificate::display_name(&certificates[i].summary);
                let other = tr!(
                    "; it is the key of certificate {i} (\"{name}\"), another end-entity certificate given",
                    "；它是证书 {i}（“{name}”）的私钥，那是给出的另一张终端实体证书"
                );
                let hint = match &leaf_entry {
                    // One keystore with several entries: the file cannot be cut by hand.
                    Some((file, alias))
                        if key.summary.format == KeyFormat::Pkcs12
                            && *file == key.location.file =>
                    {
                        export_entry(file, alias.as_deref().and_then(crate::diagnostic::quotable))
                    }
                    _ => tr!(
                        "one certificate is uploaded with its own key: keep the leaf and its key, and drop certificate {i} with this key (or the reverse)",
                        "一次上传一张证书及其私钥：保留叶子证书和它的私钥，去掉证书 {i} 和这个私钥（或反过来）"
                    ),
                };
                (other, hint)
            }
            None => (
                tr!(
                    "; it matches none of the certificates given",
                    "；它与给出的任何证书都不匹配"
                ),
                find_it(),
            ),
        };
        let (other, other_zh) = (other.en(), other.zh());
        let name = certificate::display_name(&certificates[leaf].summary);
        diagnostics.push(Diagnostic::new(
            Code::KeyDoesNotMatchCertificate,
            key.location.clone(),
            tr!(
                "the private key is not the key of the leaf \"{name}\"{other}",
                "证书的公钥与私钥不匹配：私钥不是叶子证书“{name}”的私钥{other_zh}"
            ),
            hint,
        ));
    }
}

/// The hint for a PKCS#12 file (a keystore) holding the leaf's entry and another, each a
/// certificate with its key: export the leaf's entry (its alias, when the file names it) into a
/// file of its own with keytool.
fn export_entry(file: &str, alias: Option<&str>) -> Text {
    use crate::render::shell::shell_quote;
    let source = shell_quote(file);
    let (named, named_zh, alias) = match alias {
        Some(alias) => (
            format!(" (alias \"{alias}\")"),
            format!("（别名“{alias}”）"),
            shell_quote(alias),
        ),
        None => (String::new(), String::new(), "ALIAS".to_owned()),
    };
    tr!(
        "this PKCS#12 file holds more than one entry, each a certificate with its key, and one is uploaded: export the leaf's entry{named} into a file of its own (keytool -importkeystore -srckeystore {source} -srcstoretype PKCS12 -srcalias {alias} -destkeystore upload.p12 -deststoretype PKCS12; keytool -list -keystore {source} shows the aliases) and give that file",
        "这个 PKCS#12 文件包含多个条目，每个都是一张证书及其私钥，而一次只上传一个：请把叶子证书的条目{named_zh}导出为单独的文件（keytool -importkeystore -srckeystore {source} -srcstoretype PKCS12 -srcalias {alias} -destkeystore upload.p12 -deststoretype PKCS12；keytool -list -keystore {source} 可列出别名），再给出该文件"
    )
}

/// Matches each CSR with the certificates and the keys, and says when it is not the leaf's or
/// was not made with the key given.
pub(crate) fn match_csrs(
    certificates: &[ParsedCertificate],
    chain: &ChainReport,
    keys: &[ParsedKey],
    csrs: &mut [ParsedCsr],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let leaf = chain.order.first().copied();
    for csr in csrs.iter_mut() {
        let matches = same_key_as(&csr.identity, certificates);
        csr.summary.matches_leaf = leaf
            .filter(|_| csr.identity.is_some())
            .map(|l| matches.contains(&l));
        csr.summary.matches_certificates = matches;
        if csr.summary.matches_leaf == Some(false) {
            diagnostics.push(Diagnostic::new(
                Code::CsrDoesNotMatchCertificate,
                csr.location.clone(),
                tr!(
                    "the certificate request's public key is not the leaf certificate's",
                    "证书请求的公钥不是叶子证书的公钥"
                ),
                tr!(
                    "the certificate was issued for another request: upload the certificate issued for this CSR",
                    "证书是为另一个请求签发的：请上传为该 CSR 签发的证书"
                ),
            ));
        }
        let readable: Vec<&ParsedKey> = keys.iter().filter(|k| k.identity.is_some()).collect();
        csr.summary.matches_private_keys = readable
            .iter()
            .filter(|k| k.identity.is_some() && k.identity == csr.identity)
            .map(|k| k.summary.index)
            .collect();
        csr.summary.matches_private_key = (!readable.is_empty() && csr.identity.is_some())
            .then_some(!csr.summary.matches_private_keys.is_empty());
        if csr.summary.matches_private_key == Some(false) {
            diagnostics.push(Diagnostic::new(
                Code::CsrDoesNotMatchKey,
                csr.location.clone(),
                tr!(
                    "the certificate request was not made with the private key given",
                    "证书请求不是用给出的私钥生成的"
                ),
                tr!(
                    "use the key that generated this CSR",
                    "请使用生成该 CSR 的私钥"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::export_entry;

    /// The keytool command names the file and the alias as shell words; without an alias the
    /// file's entries are listed first.
    #[test]
    fn the_export_command_quotes_its_file_and_alias() {
        let named = export_entry("my keystore.p12", Some("tomcat 2026"));
        assert!(
            named.en().contains(
                "-srckeystore 'my keystore.p12' -srcstoretype PKCS12 -srcalias 'tomcat 2026'"
            ),
            "{}",
            named.en()
        );
        assert!(named.en().contains("(alias \"tomcat 2026\")"));
        assert!(named.zh().contains("-srcalias 'tomcat 2026'"));
        let unnamed = export_entry("tomcat.p12", None);
        assert!(
            unnamed
                .en()
                .contains("-srckeystore tomcat.p12 -srcstoretype PKCS12 -srcalias ALIAS")
        );
        assert!(!unnamed.en().contains("(alias"));
    }
}
