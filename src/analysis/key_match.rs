//! Which certificate each private key and CSR belongs to: keys and requests are compared with
//! the certificates by their public key ([`super::public_key::KeyIdentity`]), and a key or CSR
//! that is not the leaf's is said so.

use super::certificate::{self, ParsedCertificate};
use super::chain::ChainReport;
use super::csr::ParsedCsr;
use super::private_key::ParsedKey;
use super::public_key;
use crate::diagnostic::{Code, Diagnostic, Hint};

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

/// Matches each private key with the certificates (its `matches_*` facts) and says whether it
/// is the leaf's.
pub(crate) fn match_keys(
    certificates: &[ParsedCertificate],
    chain: &ChainReport,
    keys: &mut [ParsedKey],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let leaf = chain.order.first().copied();
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
                    format!("the private key belongs to the leaf (certificate {leaf})"),
                    Hint::none(),
                ));
                continue;
            }
            (Some(leaf), Some(false)) => leaf,
            _ => continue,
        };
        let other = match key.summary.matches_certificates.first().copied() {
            Some(i) => format!(
                "; it is the key of certificate {i} (\"{}\")",
                certificate::display_name(&certificates[i].summary)
            ),
            None => "; it matches none of the certificates given".to_owned(),
        };
        diagnostics.push(Diagnostic::new(
            Code::KeyDoesNotMatchCertificate,
            key.location.clone(),
            format!(
                "the private key is not the key of the leaf \"{}\"{other}",
                certificate::display_name(&certificates[leaf].summary)
            ),
            "find the key that was generated with this certificate's CSR; a key cannot be changed after issuance",
        ));
    }
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
                "the certificate request's public key is not the leaf certificate's",
                "the certificate was issued for another request: upload the certificate issued for this CSR",
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
                "the certificate request was not made with the private key given",
                "use the key that generated this CSR",
            ));
        }
    }
}
