//! Chain building (RFC 5280 §6, simplified to what an upload needs): find the leaf, walk up by
//! issuer name and verified signature, and report order, duplicates, strays, a missing issuer,
//! a name that matches with a signature that does not, and the CA checks along the path.

use super::certificate::{ParsedCertificate, display_name};
use super::public_key::{self, Verification};
use crate::diagnostic::{Code, Diagnostic, Location};
use serde::Serialize;
use std::collections::HashMap;

/// The overall state of the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Leaf first, each certificate followed by its issuer, nothing extra.
    Ordered,
    /// Every link verifies, but the order is wrong or there are duplicates or strays to drop.
    Reorderable,
    /// A link is missing between the certificates given, or a signature does not verify.
    Broken,
    /// No certificate at all.
    Empty,
}

impl Verdict {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ordered => "ordered",
            Verdict::Reorderable => "reorderable",
            Verdict::Broken => "broken",
            Verdict::Empty => "empty",
        }
    }
}

/// A certificate given twice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The later copy.
    pub index: usize,
    /// The first copy.
    pub duplicate_of: usize,
}

/// The issuer the user must find: its name and key identifier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissingIssuer {
    /// The certificate whose issuer is missing.
    pub certificate: usize,
    /// The issuer's name (RFC 4514).
    pub name: String,
    /// The issuer's key identifier (from the authorityKeyIdentifier), lowercase hex.
    pub aki: Option<String>,
}

/// A signature checked between a certificate and a candidate issuer whose subject matches the
/// certificate's issuer name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignatureCheck {
    /// The signed certificate.
    pub subject_index: usize,
    /// The candidate issuer.
    pub issuer_index: usize,
    /// Whether the signature verifies with the candidate's key.
    pub verified: bool,
    /// Why it could not be checked, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported: Option<String>,
}

/// What the chain analysis found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// Ordered, reorderable, broken or empty.
    pub verdict: Verdict,
    /// The path: certificate indices, leaf first.
    pub order: Vec<usize>,
    /// Certificates given more than once.
    pub duplicates: Vec<Duplicate>,
    /// Certificates not on the leaf's path.
    pub not_on_path: Vec<usize>,
    /// The issuer above the top of the path, when the top is not self-signed.
    pub missing_issuer: Option<MissingIssuer>,
    /// Whether the top of the path is a self-signed root.
    pub root_included: bool,
    /// Every signature check between a certificate and a name-matching candidate issuer.
    pub signatures: Vec<SignatureCheck>,
}

impl ChainReport {
    fn empty() -> Self {
        ChainReport {
            verdict: Verdict::Empty,
            order: Vec::new(),
            duplicates: Vec::new(),
            not_on_path: Vec::new(),
            missing_issuer: None,
            root_included: false,
            signatures: Vec::new(),
        }
    }
}

/// The signature checks chain analysis makes between a certificate and each candidate issuer
/// (a certificate whose subject is its issuer name), kept by the first copies of both: copies of a
/// certificate give their first copy's result, since checking every copy against every copy again
/// would be quadratic in signature verifications. Made on demand by [`analyze`], or ahead of it in
/// slices ([`Checks::needed`], [`Checks::check`]) so that a page stays responsive.
pub struct Checks {
    first_copy: Vec<usize>,
    signers: Vec<std::cell::OnceCell<public_key::Signer>>,
    results: HashMap<(usize, usize), Verification>,
}

impl Checks {
    /// No check made yet for these certificates.
    pub fn new(certificates: &[ParsedCertificate]) -> Self {
        let mut first_by_hash: HashMap<&str, usize> = HashMap::new();
        let first_copy = certificates
            .iter()
            .enumerate()
            .map(|(i, c)| *first_by_hash.entry(c.summary.sha256.as_str()).or_insert(i))
            .collect();
        Checks {
            first_copy,
            signers: certificates
                .iter()
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            results: HashMap::new(),
        }
    }

    /// The checks [`analyze`] makes that are not made yet, each once, in the order it meets them.
    pub fn needed(&self, certificates: &[ParsedCertificate]) -> Vec<(usize, usize)> {
        let mut seen = std::collections::HashSet::new();
        links(certificates)
            .filter(|&(i, j)| i != j)
            .map(|(i, j)| (self.first_copy[i], self.first_copy[j]))
            .filter(|key| !self.results.contains_key(key) && seen.insert(*key))
            .collect()
    }

    /// Whether certificate `i`'s signature verifies with certificate `j`'s key; made once per pair
    /// of first copies.
    pub fn check(
        &mut self,
        certificates: &[ParsedCertificate],
        i: usize,
        j: usize,
    ) -> Verification {
        let key = (self.first_copy[i], self.first_copy[j]);
        if let Some(result) = self.results.get(&key) {
            return result.clone();
        }
        let (subject, issuer) = (&certificates[key.0], &certificates[key.1]);
        let signer = self.signers[key.1].get_or_init(|| {
            public_key::Signer::new(
                issuer
                    .certificate
                    .tbs_certificate()
                    .subject_public_key_info(),
            )
        });
        let result = public_key::verify_with(
            &subject.tbs_der,
            subject.certificate.signature_algorithm(),
            subject.certificate.signature().raw_bytes(),
            signer,
        );
        self.results.insert(key, result.clone());
        result
    }
}

/// Every (certificate, candidate issuer) pair, in input order: the candidates of `i` are the
/// certificates whose subject is `i`'s issuer name, `i` itself only when it is self-issued.
/// Decoded names are equal exactly when their DER encodings are (DER is one encoding per value),
/// so they are compared as decoded, not encoded again.
fn links(certificates: &[ParsedCertificate]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut by_subject: HashMap<&x509_cert::name::Name, Vec<usize>> = HashMap::new();
    for (i, c) in certificates.iter().enumerate() {
        by_subject
            .entry(c.certificate.tbs_certificate().subject())
            .or_default()
            .push(i);
    }
    certificates.iter().enumerate().flat_map(move |(i, c)| {
        by_subject
            .get(c.certificate.tbs_certificate().issuer())
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(move |&j| i != j || c.summary.self_issued)
            .map(move |j| (i, j))
    })
}

/// Builds and checks the chain of `certificates` (indices are positions in this slice).
pub fn analyze(
    certificates: &[ParsedCertificate],
    diagnostics: &mut Vec<Diagnostic>,
) -> ChainReport {
    analyze_checked(certificates, &mut Checks::new(certificates), diagnostics)
}

/// [`analyze`] with the signature checks made so far (any missing one is made here).
pub fn analyze_checked(
    certificates: &[ParsedCertificate],
    checks: &mut Checks,
    diagnostics: &mut Vec<Diagnostic>,
) -> ChainReport {
    if certificates.is_empty() {
        return ChainReport::empty();
    }
    let mut report = ChainReport::empty();

    // Duplicates, by the DER's SHA-256.
    let mut unique = Vec::new();
    for (i, &first) in checks.first_copy.iter().enumerate() {
        if first == i {
            unique.push(i);
        } else {
            report.duplicates.push(Duplicate {
                index: i,
                duplicate_of: first,
            });
        }
    }

    let mut verified_issuers: Vec<Vec<usize>> = vec![Vec::new(); certificates.len()];
    let mut failed_issuers: Vec<Vec<usize>> = vec![Vec::new(); certificates.len()];
    for (i, j) in links(certificates) {
        let (verified, unsupported) = if i == j {
            (certificates[i].summary.self_signed, None)
        } else {
            match checks.check(certificates, i, j) {
                Verification::Valid => (true, None),
                Verification::Invalid => (false, None),
                Verification::Unsupported(why) => (false, Some(why)),
            }
        };
        if i != j {
            if verified || unsupported.is_some() {
                verified_issuers[i].push(j);
            } else {
                failed_issuers[i].push(j);
            }
        }
        report.signatures.push(SignatureCheck {
            subject_index: i,
            issuer_index: j,
            verified,
            unsupported,
        });
    }

    // The leaf: a unique certificate that issues no other unique certificate; prefer a non-CA,
    // then the earliest given. "j issues i" when a verified issuer of i is j or a copy of j (same
    // DER, same SHA-256): the unique certificates each issuer issues, by the issuer's SHA-256.
    let mut issued_by: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &unique {
        for &k in &verified_issuers[i] {
            issued_by
                .entry(certificates[k].summary.sha256.as_str())
                .or_default()
                .push(i);
        }
    }
    let issues_another = |j: usize| {
        issued_by
            .get(certificates[j].summary.sha256.as_str())
            .is_some_and(|issued| issued.iter().any(|&i| i != j))
    };
    let leaf = unique
        .iter()
        .copied()
        .filter(|&i| !issues_another(i))
        .min_by_key(|&i| (certificates[i].summary.is_ca, i))
        .unwrap_or(unique[0]);

    // Walk up: the first verified issuer not yet on the path, preferring unique indices.
    let mut order = vec![leaf];
    let mut top = leaf;
    loop {
        if certificates[top].summary.self_signed {
            break;
        }
        let next = verified_issuers[top]
            .iter()
            .copied()
            .filter(|j| unique.contains(j))
            .find(|j| !order.iter().any(|&o| same(certificates, o, *j)));
        match next {
            Some(j) => {
                order.push(j);
                top = j;
            }
            None => break,
        }
    }
    report.root_included = certificates[top].summary.self_signed;
    report.not_on_path = unique
        .iter()
        .copied()
        .filter(|i| !order.contains(i))
        .collect();
    report.order = order;

    let bad_link =
        failed_issuers[top].iter().any(|&j| unique.contains(&j)) && !report.root_included;
    let top_summary = &certificates[top].summary;
    if !report.root_included {
        report.missing_issuer = Some(MissingIssuer {
            certificate: top,
            name: top_summary.issuer.clone(),
            aki: top_summary.aki.clone(),
        });
    }
    let gap = report.missing_issuer.is_some()
        && report
            .not_on_path
            .iter()
            .any(|&i| certificates[i].summary.is_ca);
    report.verdict = if bad_link || gap {
        Verdict::Broken
    } else if unique == report.order && report.duplicates.is_empty() {
        Verdict::Ordered
    } else {
        Verdict::Reorderable
    };

    chain_diagnostics(certificates, &report, &failed_issuers, top, diagnostics);
    report
}

/// Whether two indices hold the same certificate (same DER).
fn same(certificates: &[ParsedCertificate], a: usize, b: usize) -> bool {
    a == b || certificates[a].summary.sha256 == certificates[b].summary.sha256
}

fn chain_diagnostics(
    certificates: &[ParsedCertificate],
    report: &ChainReport,
    failed_issuers: &[Vec<usize>],
    top: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = |i: usize| -> Location { certificates[i].location.clone() };
    let name = |i: usize| display_name(&certificates[i].summary).to_owned();

    for d in &report.duplicates {
        diagnostics.push(Diagnostic::new(
            Code::ChainDuplicateCertificate,
            at(d.index),
            format!(
                "certificate \"{}\" is given twice (certificates {} and {})",
                name(d.index),
                d.duplicate_of,
                d.index
            ),
            "drop the second copy; the normalised bundle keeps one",
        ));
    }
    // Indices are in input order, so the path is in the given order exactly when it ascends.
    if report.order.windows(2).any(|pair| pair[0] > pair[1]) {
        diagnostics.push(Diagnostic::new(
            Code::ChainOutOfOrder,
            at(report.order[0]),
            format!("the chain is out of order; the right order is {}", index_list(&report.order)),
            "put the leaf first, then each issuer after the certificate it signed (the fix does this)",
        ));
    }
    for &i in &report.not_on_path {
        diagnostics.push(Diagnostic::new(
            Code::ChainCertificateNotOnPath,
            at(i),
            format!(
                "certificate {i} (\"{}\") is not on the leaf's path to its root",
                name(i)
            ),
            "it does not belong to this chain: drop it, or check that the right leaf was given",
        ));
    }
    // A name that matches while the signature does not verify, where no certificate of that name
    // does: the wrong certificate of that name was given. (With the right one also present, the
    // wrong one is only a stray, reported above.)
    if !certificates[top].summary.self_signed {
        for &j in &failed_issuers[top] {
            diagnostics.push(Diagnostic::new(
                Code::ChainSignatureMismatch,
                at(j),
                format!(
                    "certificate {j} (\"{}\") has the name of the issuer of certificate {top}, but certificate {top}'s signature does not verify with its key",
                    name(j)
                ),
                "this is another certificate with the same name (a re-keyed or cross-signed CA): get the issuer that matches the authority key identifier",
            ));
        }
    }
    if let Some(missing) = &report.missing_issuer {
        let aki = missing
            .aki
            .as_deref()
            .map(|a| format!(", key identifier {a}"))
            .unwrap_or_default();
        if report.verdict == Verdict::Broken {
            diagnostics.push(Diagnostic::new(
                Code::ChainMissingIssuer,
                at(missing.certificate),
                format!("the issuer of certificate {} is missing: \"{}\"{aki}", missing.certificate, missing.name),
                "get this intermediate from your CA (the CA bundle or the AIA URL in the certificate) and add it after the certificate it issued",
            ));
        } else if top == report.order[0] {
            diagnostics.push(Diagnostic::new(
                Code::ChainIncomplete,
                at(missing.certificate),
                format!(
                    "only the certificate is given; its issuer \"{}\"{aki} is not",
                    missing.name
                ),
                "add the intermediate certificate(s) your CA sent, after the certificate",
            ));
        } else {
            diagnostics.push(Diagnostic::new(
                Code::ChainRootNotIncluded,
                at(missing.certificate),
                format!("the chain ends below its root: \"{}\"{aki} is not included", missing.name),
                "nothing to do if that root is in your clients' trust stores; most providers do not want the root",
            ));
        }
    } else if report.order.len() > 1 {
        diagnostics.push(Diagnostic::new(
            Code::ChainRootIncluded,
            at(top),
            format!("the chain includes its self-signed root \"{}\"", name(top)),
            "most upload APIs want the chain without the root; the normalised bundle can drop it",
        ));
    }

    // CA checks along the path (RFC 5280 §4.2.1.9, §4.2.1.3, §6.1.4 (k)–(n)).
    for (position, &issuer) in report.order.iter().enumerate().skip(1) {
        let summary = &certificates[issuer].summary;
        if !summary.is_ca {
            diagnostics.push(Diagnostic::new(
                Code::IssuerNotCa,
                at(issuer),
                format!("certificate \"{}\" issued another certificate but is not a CA (basicConstraints cA is not TRUE)", name(issuer)),
                "clients reject chains through a non-CA issuer: the CA must issue from a proper CA certificate",
            ));
        }
        if summary.has_key_usage && !summary.key_usage.contains(&"keyCertSign") {
            diagnostics.push(Diagnostic::new(
                Code::IssuerLacksKeyCertSign,
                at(issuer),
                format!("issuer \"{}\" has a keyUsage without keyCertSign", name(issuer)),
                "clients reject certificates signed by a key not allowed to sign certificates: ask the CA for the right intermediate",
            ));
        }
        // pathLenConstraint counts the intermediate CA certificates that may follow below it.
        let below = position.saturating_sub(1);
        if let Some(limit) = summary.path_len
            && below > usize::from(limit)
        {
            diagnostics.push(Diagnostic::new(
                Code::PathLengthExceeded,
                at(issuer),
                format!(
                    "issuer \"{}\" allows {limit} intermediate(s) below it, the chain has {below}",
                    name(issuer)
                ),
                "clients reject this path: the CA hierarchy or the chain given is wrong",
            ));
        }
    }
    let leaf = &certificates[report.order[0]].summary;
    if leaf.self_signed && !leaf.is_ca {
        diagnostics.push(Diagnostic::new(
            Code::SelfSignedLeaf,
            at(report.order[0]),
            format!("the leaf \"{}\" is self-signed", name(report.order[0])),
            "clients will not trust it; use a certificate issued by a CA (fine for a private test only)",
        ));
    }
}

fn index_list(order: &[usize]) -> String {
    order
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" → ")
}
