//! Chain building (RFC 5280 §6, simplified to what an upload needs): find the leaf, walk up by
//! issuer name and verified signature, and report order, duplicates, strays, a missing issuer,
//! a name that matches with a signature or key identifier that does not, and the CA checks along
//! the path.
//!
//! Bounded on hostile input (issue 13): each certificate's issuer is searched among certificates
//! indexed by subject name and key identifier, a few at most, stopping at the first that verifies,
//! and every signature verification of an analysis spends one budget weighted by its cost
//! ([`SIGNATURE_CHECK_BUDGET`], [`signature_cost`]); what is skipped is reported.

use super::certificate::{Expiry, ParsedCertificate, display_name};
use super::public_key::{self, Verification};
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use serde::Serialize;
use std::collections::HashMap;

/// The overall state of the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

crate::words::serialize_as_str!(Verdict);
crate::words::deserialize_as_str!(Verdict);

impl Verdict {
    /// Every verdict.
    pub const ALL: [Self; 4] = [Self::Ordered, Self::Reorderable, Self::Broken, Self::Empty];

    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ordered => "ordered",
            Self::Reorderable => "reorderable",
            Self::Broken => "broken",
            Self::Empty => "empty",
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

/// A certificate whose issuer was not found among the candidates checked, while candidates were
/// left unchecked (past [`CANDIDATES_PER_CERTIFICATE`] or the [`SIGNATURE_CHECK_BUDGET`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UncheckedIssuers {
    /// The certificate.
    pub certificate: usize,
    /// How many of its candidate issuers were not checked.
    pub candidates: usize,
    /// Whether the analysis' budget ran out (else only the per-certificate limit was reached).
    pub budget_spent: bool,
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
    /// Every signature check made between a certificate and a candidate issuer (first copies),
    /// and each self-issued certificate's own signature.
    pub signatures: Vec<SignatureCheck>,
    /// How many signatures were verified to build the chain (at most
    /// [`SIGNATURE_CHECK_BUDGET`]).
    pub signatures_checked: usize,
    /// Certificates whose candidate issuers were not all checked, and none that was verified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unchecked: Vec<UncheckedIssuers>,
    /// Self-issued certificates whose own signature was not checked (the budget was spent).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unchecked_self_signatures: Vec<usize>,
}

/// Why a self-issued certificate's own signature has no verdict.
const NOT_CHECKED: &str = "not checked: the analysis' signature budget was spent";

impl ChainReport {
    fn empty() -> Self {
        Self {
            verdict: Verdict::Empty,
            order: Vec::new(),
            duplicates: Vec::new(),
            not_on_path: Vec::new(),
            missing_issuer: None,
            root_included: false,
            signatures: Vec::new(),
            signatures_checked: 0,
            unchecked: Vec::new(),
            unchecked_self_signatures: Vec::new(),
        }
    }
}

/// The signature verification one analysis may do (a self-issued certificate's own signature, and
/// each check between a certificate and a candidate issuer), in units of about one RSA-2048
/// verification ([`signature_cost`]): about 0.4 s natively, whatever the keys. An honest bundle
/// needs one check per certificate: 1,000 RSA-2048 certificates take 1,000 units. Past it, the
/// remaining checks are skipped and a `chain-checks-skipped` diagnostic names the certificates
/// left unverified.
pub const SIGNATURE_CHECK_BUDGET: u64 = 4_096;
/// The most candidate issuers tried for one certificate: certificates with its issuer's name
/// and an agreeing (or absent) key identifier, those whose subject key identifier is its
/// authority key identifier first. Real chains have one, a cross-signed or re-keyed CA two or
/// three; more are reported as skipped.
pub const CANDIDATES_PER_CERTIFICATE: usize = 4;

/// What verifying one signature with `key` costs, in units of [`SIGNATURE_CHECK_BUDGET`]: about
/// 0.1 ms natively each (bench/README.md, "Hostile inputs"). Measured (release build, one
/// verification): RSA-2048 0.10 ms, RSA-3072 0.28, RSA-4096 0.36, RSA-8192 1.7 (RSA grows with
/// the square of the modulus: up to 64 units for the 16,384 bits accepted), ECDSA P-256 0.45,
/// P-384 1.0, P-521 0.95, SM2 0.29 (but 4 RSA-2048 checks in the browser module, where it is
/// relatively slower: it counts 4), Ed25519 0.09; a key that cannot be checked costs nothing.
pub fn signature_cost(key: &public_key::PublicKeyInfo) -> u64 {
    use public_key::KeyType;
    match key.key_type {
        KeyType::Rsa => {
            let bits = u64::from(key.bits.unwrap_or(2048));
            (bits * bits).div_ceil(2048 * 2048).max(1)
        }
        KeyType::Ec => match key.curve {
            Some(public_key::Curve::P256) => 5,
            _ => 10,
        },
        KeyType::Sm2 => 4,
        KeyType::Ed25519 => 1,
        // No signature is checked with these here: refused at once.
        KeyType::Dsa
        | KeyType::Dh
        | KeyType::Ed448
        | KeyType::X25519
        | KeyType::X448
        | KeyType::Other => 0,
    }
}

/// What is left of an analysis' [`SIGNATURE_CHECK_BUDGET`]: spent by certificate parsing (a
/// self-issued certificate's own signature) and then by the chain search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignatureBudget {
    left: u64,
}

impl Default for SignatureBudget {
    fn default() -> Self {
        Self {
            left: SIGNATURE_CHECK_BUDGET,
        }
    }
}

impl SignatureBudget {
    /// Takes `cost` units when that many are left; `false` (and nothing taken) otherwise.
    pub fn take(&mut self, cost: u64) -> bool {
        match self.left.checked_sub(cost) {
            Some(left) => {
                self.left = left;
                true
            }
            None => false,
        }
    }

    /// Units left.
    pub fn left(&self) -> u64 {
        self.left
    }
}

/// The search for one certificate's issuer: its plausible candidates in the order they are
/// tried, and how many more there were than are tried.
struct Search {
    subject: usize,
    candidates: Vec<usize>,
    beyond: usize,
}

/// The signature checks chain analysis makes, and the search that decides them: for each
/// certificate (first copies only: a copy has its first copy's result) that is not self-signed,
/// its plausible issuers are tried in order until one verifies. Plausible: the subject is the
/// certificate's issuer name, and the subject key identifier, when both are present, is its
/// authority key identifier (indexed by name and by name and key identifier, so finding them
/// takes no scan). At most [`CANDIDATES_PER_CERTIFICATE`] candidates per certificate and
/// [`SIGNATURE_CHECK_BUDGET`] checks in all. Made by [`analyze`] in one go, or a check at a time
/// ([`Checks::check_next`]) so that a page stays responsive; either way the same checks in the
/// same order, so the same report.
pub struct Checks {
    first_copy: Vec<usize>,
    signers: Vec<std::cell::OnceCell<public_key::Signer>>,
    results: HashMap<(usize, usize), Verification>,
    searches: Vec<Search>,
    /// The search under way, and the candidate of it to try next.
    cursor: (usize, usize),
    made: usize,
    budget: SignatureBudget,
    /// Whether a check was left unmade for want of budget.
    spent: bool,
    /// Candidates of the searches before the cursor's, and of its own before its candidate:
    /// those tried or no longer needed (for progress).
    settled: usize,
    /// For each certificate (a first copy), the candidate issuer another verifier found to have
    /// signed it ([`Checks::confirm`]; one per certificate, its first candidate): that check is
    /// made, and counted, without verifying again.
    confirmed: Vec<Option<usize>>,
}

/// A signature check [`Checks::ahead`] hands out: certificate `subject`'s signature against
/// certificate `issuer`'s key (first copies), to be given back to [`Checks::confirm`] when another
/// verifier found that it verifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CheckId {
    subject: usize,
    issuer: usize,
}

impl CheckId {
    /// The certificate whose key checks the signature (its index): checks of one signer share its
    /// key, which another verifier may import once.
    pub fn signer(self) -> usize {
        self.issuer
    }

    /// The certificate whose signature is checked (its index).
    pub fn subject(self) -> usize {
        self.subject
    }
}

impl Checks {
    /// No check made yet for these certificates; their candidate issuers found; the whole budget
    /// to spend.
    pub fn new(certificates: &[ParsedCertificate]) -> Self {
        Self::with_budget(certificates, SignatureBudget::default())
    }

    /// [`Checks::new`] with what is left of a budget (parsing spent some).
    pub fn with_budget(certificates: &[ParsedCertificate], budget: SignatureBudget) -> Self {
        let mut first_by_hash: HashMap<&str, usize> = HashMap::new();
        let first_copy: Vec<usize> = certificates
            .iter()
            .enumerate()
            .map(|(i, c)| *first_by_hash.entry(c.summary.sha256.as_str()).or_insert(i))
            .collect();
        // Candidate issuers among the first copies, by subject name, and by subject name and
        // key identifier; those without a subject key identifier apart (they agree with any).
        type Name = x509_cert::name::Name;
        let mut by_name: HashMap<&Name, Vec<usize>> = HashMap::new();
        let mut by_name_and_ski: HashMap<(&Name, &str), Vec<usize>> = HashMap::new();
        let mut by_name_without_ski: HashMap<&Name, Vec<usize>> = HashMap::new();
        for (j, c) in certificates.iter().enumerate() {
            if first_copy[j] != j {
                continue;
            }
            let subject = c.certificate.tbs_certificate().subject();
            by_name.entry(subject).or_default().push(j);
            match c.summary.ski.as_deref() {
                Some(ski) => by_name_and_ski.entry((subject, ski)).or_default().push(j),
                None => by_name_without_ski.entry(subject).or_default().push(j),
            }
        }
        let mut searches = Vec::new();
        for (i, c) in certificates.iter().enumerate() {
            // A self-signed certificate is its own issuer: the path ends there.
            if first_copy[i] != i || c.summary.self_signed {
                continue;
            }
            let issuer = c.certificate.tbs_certificate().issuer();
            let empty: &[usize] = &[];
            let (agreeing, unknown): (&[usize], &[usize]) = match c.summary.aki.as_deref() {
                Some(aki) => (
                    by_name_and_ski
                        .get(&(issuer, aki))
                        .map_or(empty, Vec::as_slice),
                    by_name_without_ski.get(issuer).map_or(empty, Vec::as_slice),
                ),
                None => (by_name.get(issuer).map_or(empty, Vec::as_slice), empty),
            };
            let plausible = agreeing.iter().chain(unknown).copied().filter(|&j| j != i);
            let candidates: Vec<usize> =
                plausible.clone().take(CANDIDATES_PER_CERTIFICATE).collect();
            if candidates.is_empty() {
                continue;
            }
            // Counted without walking a long list: its length, less `i` if it is in it.
            let total = agreeing.len() + unknown.len()
                - usize::from(agreeing.contains(&i) || unknown.contains(&i));
            searches.push(Search {
                subject: i,
                beyond: total.saturating_sub(candidates.len()),
                candidates,
            });
        }
        Self {
            first_copy,
            signers: certificates
                .iter()
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            results: HashMap::new(),
            searches,
            cursor: (0, 0),
            made: 0,
            budget,
            spent: false,
            settled: 0,
            confirmed: vec![None; certificates.len()],
        }
    }

    /// The check each search not yet begun will make first, in a form another verifier can make
    /// ([`public_key::portable`]; the others are left out), as many as the budget left would pay
    /// for. The first candidate is the issuer in every real chain (the authority key identifier's
    /// match comes first), so a faster verifier that makes these ahead ([`Checks::confirm`])
    /// leaves this search little to verify itself.
    pub fn ahead<'c>(
        &self,
        certificates: &'c [ParsedCertificate],
    ) -> Vec<(CheckId, public_key::PortableCheck<'c>)> {
        let mut ahead = Vec::new();
        if self.spent {
            return ahead;
        }
        let begun = usize::from(self.cursor.1 > 0);
        let mut budget = self.budget;
        for search in self.searches.iter().skip(self.cursor.0 + begun) {
            let (i, j) = (search.subject, search.candidates[0]);
            if self.results.contains_key(&(i, j)) {
                continue;
            }
            if !budget.take(signature_cost(&certificates[j].summary.public_key)) {
                break;
            }
            let subject = &certificates[i];
            let portable = public_key::portable(
                &subject.tbs_der,
                subject.certificate.signature_algorithm(),
                subject.certificate.signature().raw_bytes(),
                self.signer(certificates, j),
            );
            if let Some(check) = portable {
                ahead.push((
                    CheckId {
                        subject: i,
                        issuer: j,
                    },
                    check,
                ));
            }
        }
        ahead
    }

    /// Takes the checks of [`Checks::ahead`] that another verifier found to verify. Each is still
    /// made in its turn, its budget spent and counted, so the report is the one made without them;
    /// only the verification is not done again. Give only checks found to verify: one found not
    /// to is verified here in its turn.
    pub fn confirm(&mut self, verified: impl IntoIterator<Item = CheckId>) {
        for id in verified {
            if let Some(slot) = self.confirmed.get_mut(id.subject) {
                *slot = Some(id.issuer);
            }
        }
    }

    /// Certificate `j`'s key, decoded once.
    fn signer(&self, certificates: &[ParsedCertificate], j: usize) -> &public_key::Signer {
        self.signers[j].get_or_init(|| {
            public_key::Signer::new(
                certificates[j]
                    .certificate
                    .tbs_certificate()
                    .subject_public_key_info(),
            )
        })
    }

    /// How far the search has got: (candidates tried or no longer needed, all candidates).
    pub fn progress(&self) -> (usize, usize) {
        let total = self.searches.iter().map(|s| s.candidates.len()).sum();
        (self.settled.min(total), total)
    }

    /// Makes the search's next signature check; `false` once there is none left to make (every
    /// search ended, or the budget is spent).
    pub fn check_next(&mut self, certificates: &[ParsedCertificate]) -> bool {
        if self.spent {
            return false;
        }
        let Some(search) = self.searches.get(self.cursor.0) else {
            return false;
        };
        let (i, j) = (search.subject, search.candidates[self.cursor.1]);
        let left = search.candidates.len() - self.cursor.1 - 1;
        let cost = signature_cost(&certificates[j].summary.public_key);
        if !self.results.contains_key(&(i, j)) && !self.budget.take(cost) {
            self.spent = true;
            return false;
        }
        let found = !matches!(self.check(certificates, i, j), Verification::Invalid);
        self.settled += 1;
        if found || left == 0 {
            // An issuer is found (or none is left to try): the rest of the list is not needed.
            self.settled += left;
            self.cursor = (self.cursor.0 + 1, 0);
        } else {
            self.cursor.1 += 1;
        }
        true
    }

    /// Whether certificate `i`'s signature verifies with certificate `j`'s key; made once per pair
    /// of first copies.
    fn check(&mut self, certificates: &[ParsedCertificate], i: usize, j: usize) -> Verification {
        let key = (self.first_copy[i], self.first_copy[j]);
        if let Some(result) = self.results.get(&key) {
            return result.clone();
        }
        let subject = &certificates[key.0];
        let result = if self.confirmed.get(key.0) == Some(&Some(key.1)) {
            Verification::Valid
        } else {
            public_key::verify_with(
                &subject.tbs_der,
                subject.certificate.signature_algorithm(),
                subject.certificate.signature().raw_bytes(),
                self.signer(certificates, key.1),
            )
        };
        self.made += 1;
        self.results.insert(key, result.clone());
        result
    }
}

/// Builds and checks the chain of `certificates` (indices are positions in this slice).
pub fn analyze(
    certificates: &[ParsedCertificate],
    diagnostics: &mut Vec<Diagnostic>,
) -> ChainReport {
    analyze_checked(
        certificates,
        &mut Checks::new(certificates),
        &Given::default(),
        diagnostics,
    )
}

/// What the analysis knows of the material beside the certificates.
#[derive(Debug, Default)]
pub struct Given<'a> {
    /// `keyed[i]`: a private key given is certificate `i`'s, which makes it the leaf before
    /// another end-entity certificate (a renewed certificate beside the old one, each with its key).
    pub keyed: &'a [bool],
    /// The ZIP archives whose files were read as inputs of their own (`archive.zip/file`).
    pub archives: &'a [String],
}

/// [`analyze`] with the signature checks made so far (the search goes on here to its end) and
/// what else was [`Given`].
pub fn analyze_checked(
    certificates: &[ParsedCertificate],
    checks: &mut Checks,
    given: &Given<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> ChainReport {
    let keyed = given.keyed;
    if certificates.is_empty() {
        return ChainReport::empty();
    }
    while checks.check_next(certificates) {}
    let mut report = ChainReport::empty();
    let unique = record_duplicates(checks, &mut report);
    let (verified_issuers, failed_issuers) =
        record_signatures(certificates, checks, &unique, &mut report);
    report.signatures_checked = checks.made;
    let issues_another = issuers_of_others(certificates.len(), &unique, &verified_issuers);
    let leaf = choose_leaf(certificates, &unique, &issues_another, keyed);
    let (order, on_path) = walk_up(certificates, checks, leaf, &verified_issuers);
    let top = *order.last().unwrap_or(&leaf);
    report.root_included = certificates[top].summary.self_signed;
    report.not_on_path = unique.iter().copied().filter(|&i| !on_path[i]).collect();
    report.order = order;
    let other_keys = if report.root_included || !verified_issuers[top].is_empty() {
        Vec::new()
    } else {
        other_keys(certificates, &unique, top)
    };
    let bad_link =
        (!failed_issuers[top].is_empty() || !other_keys.is_empty()) && !report.root_included;
    let top_summary = &certificates[top].summary;
    if !report.root_included {
        report.missing_issuer = Some(MissingIssuer {
            certificate: top,
            name: top_summary.issuer.clone(),
            aki: top_summary.aki.clone(),
        });
    }
    // A CA certificate off the path is a gap in it, unless it is another form of a CA on the
    // path (its self-signed root beside its cross-signed one, or the reverse).
    let gap = report.missing_issuer.is_some()
        && report.not_on_path.iter().any(|&i| {
            certificates[i].summary.is_ca
                && other_form_on_path(certificates, &report.order, i).is_none()
        });
    report.verdict = if bad_link || gap {
        Verdict::Broken
    } else if unique == report.order && report.duplicates.is_empty() {
        Verdict::Ordered
    } else {
        Verdict::Reorderable
    };

    let other_leaves: Vec<(usize, LeafTaken)> = report
        .not_on_path
        .iter()
        .filter(|&&i| !issues_another[i])
        .filter_map(|&i| taken_before(certificates, keyed, leaf, i).map(|why| (i, why)))
        .collect();
    let mut said = Said {
        certificates,
        archives: given.archives,
        diagnostics,
    };
    chain_diagnostics(
        &mut said,
        &report,
        &failed_issuers,
        &other_keys,
        &other_leaves,
        top,
    );
    report
}

/// Records the duplicates (by the DER's SHA-256); the first copies, in input order.
fn record_duplicates(checks: &Checks, report: &mut ChainReport) -> Vec<usize> {
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
    unique
}

/// Records every signature checked (self-signatures from the summaries, the others from the
/// searches) and the searches left unfinished; each certificate's verified and failed issuers.
fn record_signatures(
    certificates: &[ParsedCertificate],
    checks: &Checks,
    unique: &[usize],
    report: &mut ChainReport,
) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    // A self-issued certificate's own signature is a summary fact; the others, the searches'.
    for &i in unique {
        if certificates[i].summary.self_issued {
            let unchecked = certificates[i].self_signature_unchecked;
            if unchecked {
                report.unchecked_self_signatures.push(i);
            }
            report.signatures.push(SignatureCheck {
                subject_index: i,
                issuer_index: i,
                verified: certificates[i].summary.self_signed,
                unsupported: unchecked.then(|| NOT_CHECKED.to_owned()),
            });
        }
    }
    let mut verified_issuers: Vec<Vec<usize>> = vec![Vec::new(); certificates.len()];
    let mut failed_issuers: Vec<Vec<usize>> = vec![Vec::new(); certificates.len()];
    for (number, search) in checks.searches.iter().enumerate() {
        let i = search.subject;
        let mut found = false;
        for &j in &search.candidates {
            let Some(result) = checks.results.get(&(i, j)) else {
                break;
            };
            let (verified, unsupported) = match result {
                Verification::Valid => (true, None),
                Verification::Invalid => (false, None),
                Verification::Unsupported(why) => (false, Some(why.clone())),
            };
            if verified || unsupported.is_some() {
                verified_issuers[i].push(j);
                found = true;
            } else {
                failed_issuers[i].push(j);
            }
            report.signatures.push(SignatureCheck {
                subject_index: i,
                issuer_index: j,
                verified,
                unsupported,
            });
        }
        let untried = search.candidates.len() - failed_issuers[i].len();
        if !found && (search.beyond > 0 || untried > 0) {
            report.unchecked.push(UncheckedIssuers {
                certificate: i,
                candidates: search.beyond + untried,
                budget_spent: number >= checks.cursor.0 && checks.spent,
            });
        }
    }
    (verified_issuers, failed_issuers)
}

/// The leaf: a unique certificate that issues no other unique certificate; prefer a non-CA, then
/// one whose private key is given, then one valid now, then the earliest given. "j issues i"
/// when a verified issuer of i is j (searches find first copies only).
fn choose_leaf(
    certificates: &[ParsedCertificate],
    unique: &[usize],
    issues_another: &[bool],
    keyed: &[bool],
) -> usize {
    unique
        .iter()
        .copied()
        .filter(|&i| !issues_another[i])
        .min_by_key(|&i| leaf_rank(certificates, keyed, i))
        .unwrap_or(unique[0])
}

/// Which certificates issue another unique certificate.
fn issuers_of_others(count: usize, unique: &[usize], verified_issuers: &[Vec<usize>]) -> Vec<bool> {
    let mut issues_another = vec![false; count];
    for &i in unique {
        for &k in &verified_issuers[i] {
            if k != i {
                issues_another[k] = true;
            }
        }
    }
    issues_another
}

/// Why `leaf` was taken before `other`, another end-entity certificate that issues none given.
fn taken_before(
    certificates: &[ParsedCertificate],
    keyed: &[bool],
    leaf: usize,
    other: usize,
) -> Option<LeafTaken> {
    let (taken, not) = (
        leaf_rank(certificates, keyed, leaf),
        leaf_rank(certificates, keyed, other),
    );
    if taken.ca || not.ca {
        None
    } else if taken.keyless != not.keyless {
        Some(LeafTaken::KeyGiven)
    } else if taken.invalid_now != not.invalid_now {
        Some(LeafTaken::ValidNow)
    } else {
        Some(LeafTaken::GivenFirst)
    }
}

/// Why one end-entity certificate is the leaf rather than another.
#[derive(Clone, Copy)]
enum LeafTaken {
    KeyGiven,
    ValidNow,
    GivenFirst,
}

/// How a candidate leaf ranks, lower first, field by field: not a CA, its key given, valid now,
/// given first.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct LeafRank {
    ca: bool,
    keyless: bool,
    invalid_now: bool,
    given: usize,
}

fn leaf_rank(certificates: &[ParsedCertificate], keyed: &[bool], i: usize) -> LeafRank {
    let summary = &certificates[i].summary;
    LeafRank {
        ca: summary.is_ca,
        keyless: !keyed.get(i).copied().unwrap_or(false),
        invalid_now: summary.expiry != Expiry::Valid,
        given: i,
    }
}

/// The path from the leaf up: each certificate's verified issuer, when it is a first copy not on
/// the path yet, until a self-signed certificate. The path, and which certificates are on it.
fn walk_up(
    certificates: &[ParsedCertificate],
    checks: &Checks,
    leaf: usize,
    verified_issuers: &[Vec<usize>],
) -> (Vec<usize>, Vec<bool>) {
    let is_unique = |i: usize| checks.first_copy[i] == i;
    let mut order = vec![leaf];
    let mut on_path = vec![false; certificates.len()];
    on_path[leaf] = true;
    let mut top = leaf;
    loop {
        if certificates[top].summary.self_signed {
            break;
        }
        let next = verified_issuers[top]
            .iter()
            .copied()
            .find(|&j| is_unique(j) && !on_path[j]);
        match next {
            Some(j) => {
                order.push(j);
                on_path[j] = true;
                top = j;
            }
            None => break,
        }
    }
    (order, on_path)
}

/// Certificates with the name of the top's issuer but another key identifier: never candidates,
/// but what the user gave in place of the issuer (a re-keyed CA of that name).
fn other_keys(certificates: &[ParsedCertificate], unique: &[usize], top: usize) -> Vec<usize> {
    let Some(aki) = certificates[top].summary.aki.as_deref() else {
        return Vec::new();
    };
    let issuer = certificates[top].certificate.tbs_certificate().issuer();
    unique
        .iter()
        .copied()
        .filter(|&j| {
            j != top
                && certificates[j].certificate.tbs_certificate().subject() == issuer
                && certificates[j]
                    .summary
                    .ski
                    .as_deref()
                    .is_some_and(|ski| ski != aki)
        })
        .take(CANDIDATES_PER_CERTIFICATE)
        .collect()
}

fn chain_diagnostics(
    said: &mut Said<'_>,
    report: &ChainReport,
    failed_issuers: &[Vec<usize>],
    other_keys: &[usize],
    other_leaves: &[(usize, LeafTaken)],
    top: usize,
) {
    order_diagnostics(said, report, other_leaves);
    wrong_issuer_diagnostics(said, failed_issuers, other_keys, top);
    skipped_checks_diagnostic(said, report, top);
    end_diagnostics(said, report, top);
    ca_diagnostics(said, report);
}

/// Where the chain's diagnostics go, and how they name a certificate.
struct Said<'a> {
    certificates: &'a [ParsedCertificate],
    /// The archives whose files were inputs ([`Given::archives`]).
    archives: &'a [String],
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Said<'_> {
    /// Certificate `i`'s location.
    fn at(&self, i: usize) -> InputLocation {
        self.certificates[i].location.clone()
    }

    /// Whether certificates `indices` all came out of one input block, a container's.
    fn one_container(&self, indices: &[usize]) -> bool {
        let at = |i: usize| {
            let location = &self.certificates[i].location;
            (&location.file, location.block)
        };
        indices.len() > 1
            && indices.iter().all(|&i| at(i) == at(indices[0]))
            && at(indices[0]).1.is_some()
    }

    /// The archive both certificates came out of, from two of its files (a download holding one
    /// file per server type: Nginx's PEM, IIS's PKCS#12, Tomcat's keystore).
    fn one_archive(&self, i: usize, j: usize) -> Option<&str> {
        let (a, b) = (
            &self.certificates[i].location.file,
            &self.certificates[j].location.file,
        );
        let inside = |file: &str, archive: &str| {
            file.strip_prefix(archive)
                .is_some_and(|rest| rest.starts_with('/'))
        };
        self.archives
            .iter()
            .find(|archive| a != b && inside(a, archive) && inside(b, archive))
            .map(String::as_str)
    }

    /// The name of certificate `i`'s file inside `archive` (which it came out of).
    fn file_in(&self, i: usize, archive: &str) -> String {
        let file = &self.certificates[i].location.file;
        file.get(archive.len() + 1..).unwrap_or(file).to_owned()
    }

    /// Certificate `i`'s name for messages.
    fn name(&self, i: usize) -> String {
        display_name(&self.certificates[i].summary).to_owned()
    }
}

/// Duplicates, the order given, and certificates off the leaf's path. Certificates that share
/// one input block came out of one container (a PEM block or a DER file holds one certificate;
/// a PKCS#12 or PKCS#7 file many): its order and copies are not the user's doing, RFC 7292 and
/// RFC 5652 give them no meaning, and what is uploaded is built in chain order with one copy, so
/// they are said as information.
fn order_diagnostics(
    said: &mut Said<'_>,
    report: &ChainReport,
    other_leaves: &[(usize, LeafTaken)],
) {
    for d in &report.duplicates {
        let (name, first, second) = (said.name(d.index), d.duplicate_of, d.index);
        let diagnostic = if said.one_container(&[first, second]) {
            Diagnostic::new(
                Code::ContainerDuplicateCertificate,
                said.at(second),
                tr!(
                    "the file holds certificate \"{name}\" twice (certificates {first} and {second}), as a Java keystore holds its CA certificates in the key's chain and as trusted entries",
                    "该文件中证书“{name}”出现了两次（证书 {first} 和 {second}），就像 Java 密钥库把 CA 证书既放在私钥的证书链里，又作为受信任条目保存"
                ),
                tr!(
                    "nothing to do: what is uploaded keeps one copy",
                    "无需处理：上传的内容只保留一份"
                ),
            )
        } else if let Some(archive) = said.one_archive(first, second) {
            let (first_file, second_file) =
                (said.file_in(first, archive), said.file_in(second, archive));
            Diagnostic::new(
                Code::ContainerDuplicateCertificate,
                said.at(second),
                tr!(
                    "{archive} holds certificate \"{name}\" in two of its files ({first_file} and {second_file}: certificates {first} and {second}), as a download with one file per server type does",
                    "{archive} 的两个文件（{first_file} 和 {second_file}：证书 {first} 和 {second}）中都有证书“{name}”，按服务器类型各给一份文件的下载包就是这样"
                ),
                tr!(
                    "nothing to do: what is uploaded keeps one copy",
                    "无需处理：上传的内容只保留一份"
                ),
            )
        } else {
            Diagnostic::new(
                Code::ChainDuplicateCertificate,
                said.at(second),
                tr!(
                    "certificate \"{name}\" is given twice (certificates {first} and {second})",
                    "证书“{name}”出现了两次（证书 {first} 和 {second}）"
                ),
                tr!(
                    "drop the second copy; the normalised bundle keeps one",
                    "删除第二份；规范化后的证书链只保留一份"
                ),
            )
        };
        said.diagnostics.push(diagnostic);
    }
    // Indices are in input order, so the path is in the given order exactly when it ascends.
    let descending: Vec<&[usize]> = report
        .order
        .windows(2)
        .filter(|pair| pair[0] > pair[1])
        .collect();
    if let Some(first) = descending.first() {
        let order = index_list(&report.order);
        // Files of one archive are read in the order of their names, not one the user chose.
        let archive = said.one_archive(first[0], first[1]).filter(|&a| {
            descending
                .iter()
                .all(|p| said.one_archive(p[0], p[1]) == Some(a))
        });
        let diagnostic = if let Some(archive) = archive {
            Diagnostic::new(
                Code::ContainerCertificateOrder,
                said.at(report.order[0]),
                tr!(
                    "{archive} holds the chain's certificates in separate files, read in the order of their names; the chain's order is {order}",
                    "{archive} 把证书链的证书放在不同的文件中，按文件名的顺序读取；证书链的顺序是 {order}"
                ),
                tr!(
                    "nothing to do: what is uploaded is in chain order, leaf first",
                    "无需处理：上传的内容按证书链顺序排列，叶子证书在前"
                ),
            )
        } else if said.one_container(&report.order) {
            Diagnostic::new(
                Code::ContainerCertificateOrder,
                said.at(report.order[0]),
                tr!(
                    "the file keeps its certificates in another order than the chain's ({order})",
                    "该文件中证书的存放顺序与证书链顺序（{order}）不同"
                ),
                tr!(
                    "nothing to do: what is uploaded is in chain order, leaf first",
                    "无需处理：上传的内容按证书链顺序排列，叶子证书在前"
                ),
            )
        } else {
            Diagnostic::new(
                Code::ChainOutOfOrder,
                said.at(report.order[0]),
                tr!(
                    "the chain is out of order; the right order is {order}",
                    "证书链顺序不对；正确的顺序是 {order}"
                ),
                tr!(
                    "put the leaf first, then each issuer after the certificate it signed (the fix does this)",
                    "叶子证书放第一位，每个颁发者放在它签发的证书之后（修复会这样做）"
                ),
            )
        };
        said.diagnostics.push(diagnostic);
    }
    for &i in &report.not_on_path {
        if let Some(&(_, why)) = other_leaves.iter().find(|(other, _)| *other == i) {
            let leaf = report.order[0];
            said.diagnostics.push(another_leaf(said, i, leaf, why));
            continue;
        }
        if let Some(j) = other_form_on_path(said.certificates, &report.order, i) {
            said.diagnostics.push(other_form(said, i, j));
            continue;
        }
        said.diagnostics.push(Diagnostic::new(
            Code::ChainCertificateNotOnPath,
            said.at(i),
            {
                let name = said.name(i);
                tr!(
                    "certificate {i} (\"{name}\") is not on the leaf's path to its root",
                    "证书 {i}（“{name}”）不在叶子证书到根证书的路径上"
                )
            },
            tr!(
                "it does not belong to this chain: drop it, or check that the right leaf was given",
                "它不属于这条证书链：请删除，或检查给出的叶子证书是否正确"
            ),
        ));
    }
}

/// The certificate on the path that certificate `i` is another form of: a CA certificate with the
/// same subject and the same key, issued by another issuer (a root's self-signed certificate and
/// its cross-signed one, which CAs ship side by side for clients that trust only the older root).
/// `i` must be one of those forms: self-signed (its signature verified) or cross-signed (another
/// issuer's name); a self-issued copy whose signature fails is not another form.
fn other_form_on_path(
    certificates: &[ParsedCertificate],
    path: &[usize],
    i: usize,
) -> Option<usize> {
    let this = &certificates[i].summary;
    let a_form = this.self_signed || this.issuer != this.subject;
    (this.is_ca && a_form).then_some(())?;
    certificates[i].key.as_ref()?;
    path.iter().copied().find(|&j| {
        let other = &certificates[j].summary;
        j != i
            && other.is_ca
            && other.subject == this.subject
            && other.issuer != this.issuer
            && certificates[j].key == certificates[i].key
    })
}

/// Certificate `i`, off the path, another form of certificate `j` on it (see
/// [`other_form_on_path`]): not uploaded, and nothing is missing for it.
fn other_form(said: &Said<'_>, i: usize, j: usize) -> Diagnostic {
    let name = said.name(i);
    let (message, hint) = if said.certificates[i].summary.self_signed {
        let issuer = &said.certificates[j].summary.issuer;
        (
            tr!(
                "certificate {i} (\"{name}\") is the self-signed form of certificate {j}, which the path takes as cross-signed by \"{issuer}\": it is not uploaded",
                "证书 {i}（“{name}”）是证书 {j} 的自签名版本，路径上用的是由“{issuer}”交叉签名的证书 {j}：它不会被上传"
            ),
            tr!(
                "nothing to do: clients that trust this root use their own copy",
                "无需处理：信任该根证书的客户端使用自己的副本"
            ),
        )
    } else {
        let issuer = &said.certificates[i].summary.issuer;
        (
            tr!(
                "certificate {i} (\"{name}\") is certificate {j} cross-signed by \"{issuer}\", the same CA and key: the path takes certificate {j}, and this one is not uploaded",
                "证书 {i}（“{name}”）是由“{issuer}”交叉签名的证书 {j}（同一 CA、同一密钥）：路径上用的是证书 {j}，这一张不会被上传"
            ),
            tr!(
                "nothing to do, unless your clients trust only \"{issuer}\": then give this one without certificate {j}",
                "无需处理；除非你的客户端只信任“{issuer}”：那时请给出这一张，并去掉证书 {j}"
            ),
        )
    };
    Diagnostic::new(Code::ChainOtherFormOfCa, said.at(i), message, hint)
}

/// Certificate `i`, another end-entity certificate off the path of `leaf`, which was taken as the
/// leaf before it for `why`: one leaf is uploaded (a renewed certificate beside the old one,
/// another site's certificate).
fn another_leaf(said: &Said<'_>, i: usize, leaf: usize, why: LeafTaken) -> Diagnostic {
    let (name, leaf_name) = (said.name(i), said.name(leaf));
    let (why, why_zh) = match why {
        LeafTaken::KeyGiven => ("whose private key is given", "因为给出了它的私钥"),
        LeafTaken::ValidNow => (
            "which is valid now while this one is not",
            "因为它当前有效，而这一张不是",
        ),
        LeafTaken::GivenFirst => ("which was given first", "因为它先给出"),
    };
    Diagnostic::new(
        Code::ChainCertificateNotOnPath,
        said.at(i),
        tr!(
            "certificate {i} (\"{name}\") is another end-entity certificate, not on the leaf's path: one leaf is uploaded, and the leaf taken is certificate {leaf} (\"{leaf_name}\"), {why}",
            "证书 {i}（“{name}”）是另一张终端实体证书，不在叶子证书的路径上：一次只上传一张叶子证书，这里取的是证书 {leaf}（“{leaf_name}”），{why_zh}"
        ),
        if said.one_container(&[i, leaf]) {
            // A keystore's two entries, or a bundle's: the file cannot be cut by hand, and what
            // is uploaded is built from the leaf's path alone.
            tr!(
                "both come from one file (a keystore's or a bundle's entries), and what is uploaded is built from the leaf's path alone: nothing to drop by hand; to upload this one instead, export it (with its key) into a file of its own and give that",
                "两张证书来自同一个文件（密钥库或证书包的条目），上传的内容只由叶子证书的路径生成：无需手动删除；若要改为上传这一张，请把它（连同私钥）导出为单独的文件再给出"
            )
        } else {
            tr!(
                "drop the certificate that is not being uploaded (an older one, or another site's); to upload this one instead, give it with its own key and without the other",
                "请删除不上传的那张证书（旧证书或其他站点的证书）；若要改为上传这一张，请连同它自己的私钥给出，并去掉另一张"
            )
        },
    )
}

/// Certificates that have the name of the top's issuer but are not it (another key).
fn wrong_issuer_diagnostics(
    said: &mut Said<'_>,
    failed_issuers: &[Vec<usize>],
    other_keys: &[usize],
    top: usize,
) {
    let certificates = said.certificates;
    // A name that matches while the signature does not verify, where no certificate of that name
    // does: the wrong certificate of that name was given. (With the right one also present, the
    // wrong one is only a stray, reported above.)
    if !certificates[top].summary.self_signed {
        for &j in &failed_issuers[top] {
            said.diagnostics.push(Diagnostic::new(
                Code::ChainSignatureMismatch,
                said.at(j),
                {
                    let name = said.name(j);
                    tr!(
                        "certificate {j} (\"{name}\") has the name of the issuer of certificate {top}, but certificate {top}'s signature does not verify with its key",
                        "证书 {j}（“{name}”）与证书 {top} 的颁发者同名，但证书 {top} 的签名无法用它的公钥验证"
                    )
                },
                tr!(
                    "this is another certificate with the same name (a re-keyed or cross-signed CA): get the issuer that matches the authority key identifier",
                    "这是另一张同名证书（CA 换过密钥或交叉签名）：请获取与颁发机构密钥标识符匹配的颁发者证书"
                ),
            ));
        }
        for &j in other_keys {
            said.diagnostics.push(Diagnostic::new(
                Code::ChainSignatureMismatch,
                said.at(j),
                {
                    let name = said.name(j);
                    let ski = certificates[j].summary.ski.as_deref().unwrap_or_default();
                    let aki = certificates[top].summary.aki.as_deref().unwrap_or_default();
                    tr!(
                        "certificate {j} (\"{name}\") has the name of the issuer of certificate {top}, but its key identifier {ski} is not the one certificate {top} names ({aki})",
                        "证书 {j}（“{name}”）与证书 {top} 的颁发者同名，但它的密钥标识符 {ski} 不是证书 {top} 指明的那个（{aki}）"
                    )
                },
                tr!(
                    "this is another certificate with the same name (a re-keyed or cross-signed CA): get the issuer that matches the authority key identifier",
                    "这是另一张同名证书（CA 换过密钥或交叉签名）：请获取与颁发机构密钥标识符匹配的颁发者证书"
                ),
            ));
        }
    }
}

/// Signature checks the budget or the candidate limit left out.
fn skipped_checks_diagnostic(said: &mut Said<'_>, report: &ChainReport, top: usize) {
    if !report.unchecked.is_empty() || !report.unchecked_self_signatures.is_empty() {
        let list = |indices: &mut dyn Iterator<Item = usize>, count: usize| {
            let shown: Vec<String> = indices.take(10).map(|i| i.to_string()).collect();
            let more = count.saturating_sub(shown.len());
            if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        let (mut parts, mut parts_zh) = (Vec::new(), Vec::new());
        if !report.unchecked.is_empty() {
            let candidates: usize = report.unchecked.iter().map(|u| u.candidates).sum();
            let which = list(
                &mut report.unchecked.iter().map(|u| u.certificate),
                report.unchecked.len(),
            );
            parts.push(format!(
                "{candidates} check(s) against candidate issuers were skipped, so the issuers of certificate(s) {which} were not verified"
            ));
            parts_zh.push(format!(
                "跳过了对候选颁发者的 {candidates} 次检查，因此证书 {which} 的颁发者未经验证"
            ));
        }
        if !report.unchecked_self_signatures.is_empty() {
            let which = list(
                &mut report.unchecked_self_signatures.iter().copied(),
                report.unchecked_self_signatures.len(),
            );
            parts.push(format!(
                "the own signatures of self-issued certificate(s) {which} were not checked"
            ));
            parts_zh.push(format!("未检查自签发证书 {which} 自身的签名"));
        }
        let budget = !report.unchecked_self_signatures.is_empty()
            || report.unchecked.iter().any(|u| u.budget_spent);
        let why = if budget {
            tr!(
                "an analysis verifies signatures worth at most {SIGNATURE_CHECK_BUDGET} RSA-2048 checks (about 0.4 s), and tries at most {CANDIDATES_PER_CERTIFICATE} candidate issuers per certificate",
                "一次分析最多验证相当于 {SIGNATURE_CHECK_BUDGET} 次 RSA-2048 检查的签名（约 0.4 秒），每张证书最多尝试 {CANDIDATES_PER_CERTIFICATE} 个候选颁发者"
            )
        } else {
            tr!(
                "an analysis tries at most {CANDIDATES_PER_CERTIFICATE} candidate issuers per certificate",
                "一次分析每张证书最多尝试 {CANDIDATES_PER_CERTIFICATE} 个候选颁发者"
            )
        };
        let first = report
            .unchecked_self_signatures
            .first()
            .copied()
            .or(report.unchecked.first().map(|u| u.certificate))
            .unwrap_or(top);
        said.diagnostics.push(Diagnostic::new(
            Code::ChainChecksSkipped,
            said.at(first),
            {
                let (parts, parts_zh) = (parts.join("; "), parts_zh.join("；"));
                let (why, why_zh) = (why.en(), why.zh());
                tr!("{parts} ({why})", "{parts_zh}（{why_zh}）")
            },
            tr!(
                "the material holds more certificates of one name, or more costly signatures, than a chain needs: give only the chain (leaf, intermediates, root) to have every link verified",
                "材料中同名证书或高开销签名多于一条证书链所需：只给出证书链（叶子证书、中间证书、根证书），即可验证每一环"
            ),
        ));
    }
}

/// How the path ends: a missing issuer, an incomplete chain, the root left out or included.
fn end_diagnostics(said: &mut Said<'_>, report: &ChainReport, top: usize) {
    if let Some(missing) = &report.missing_issuer {
        let aki = missing
            .aki
            .as_deref()
            .map(|a| format!(", key identifier {a}"))
            .unwrap_or_default();
        let aki_zh = missing
            .aki
            .as_deref()
            .map(|a| format!("，密钥标识符 {a}"))
            .unwrap_or_default();
        let (n, name) = (missing.certificate, &missing.name);
        if report.verdict == Verdict::Broken {
            said.diagnostics.push(Diagnostic::new(
                Code::ChainMissingIssuer,
                said.at(missing.certificate),
                tr!(
                    "the issuer of certificate {n} is missing: \"{name}\"{aki}",
                    "缺少证书 {n} 的颁发者：“{name}”{aki_zh}"
                ),
                tr!(
                    "get this intermediate from your CA (the CA bundle or the AIA URL in the certificate) and add it after the certificate it issued",
                    "请从 CA 获取该中间证书（CA 提供的证书包，或证书中的 AIA 地址），放在它签发的证书之后"
                ),
            ));
        } else if top == report.order[0] {
            said.diagnostics.push(Diagnostic::new(
                Code::ChainIncomplete,
                said.at(missing.certificate),
                tr!(
                    "only the certificate is given; its issuer \"{name}\"{aki} is not",
                    "只给出了证书，未给出其颁发者“{name}”{aki_zh}；证书链不完整"
                ),
                tr!(
                    "add the intermediate certificate(s) your CA sent, after the certificate",
                    "请在证书之后加上 CA 提供的中间证书"
                ),
            ));
        } else {
            said.diagnostics.push(Diagnostic::new(
                Code::ChainRootNotIncluded,
                said.at(missing.certificate),
                tr!(
                    "the chain ends below its root: \"{name}\"{aki} is not included",
                    "证书链止于根证书之下：未包含“{name}”{aki_zh}"
                ),
                tr!(
                    "nothing to do if that root is in your clients' trust stores; most providers do not want the root",
                    "若客户端的信任库中已有该根证书则无需处理；多数服务商不需要根证书"
                ),
            ));
        }
    } else if report.order.len() > 1 {
        said.diagnostics.push(Diagnostic::new(
            Code::ChainRootIncluded,
            said.at(top),
            {
                let name = said.name(top);
                tr!(
                    "the chain includes its self-signed root \"{name}\"",
                    "证书链包含自签名根证书“{name}”"
                )
            },
            tr!(
                "most upload APIs want the chain without the root; the normalised bundle can drop it",
                "多数上传 API 要求证书链不含根证书；规范化后的证书链可以去掉它"
            ),
        ));
    }
}

/// CA checks along the path (RFC 5280 §4.2.1.9, §4.2.1.3, §6.1.4 (k)–(n)) and a self-signed leaf.
fn ca_diagnostics(said: &mut Said<'_>, report: &ChainReport) {
    let certificates = said.certificates;
    for (position, &issuer) in report.order.iter().enumerate().skip(1) {
        let summary = &certificates[issuer].summary;
        if !summary.is_ca {
            said.diagnostics.push(Diagnostic::new(
                Code::IssuerNotCa,
                said.at(issuer),
                {
                    let name = said.name(issuer);
                    tr!(
                        "certificate \"{name}\" issued another certificate but is not a CA (basicConstraints cA is not TRUE)",
                        "证书“{name}”签发了其他证书，但它不是 CA（basicConstraints cA 不为 TRUE）"
                    )
                },
                tr!(
                    "clients reject chains through a non-CA issuer: the CA must issue from a proper CA certificate",
                    "客户端会拒绝经过非 CA 颁发者的证书链：CA 必须用正规的 CA 证书签发"
                ),
            ));
        }
        if !summary.may_sign_certificates() {
            said.diagnostics.push(Diagnostic::new(
                Code::IssuerLacksKeyCertSign,
                said.at(issuer),
                {
                    let name = said.name(issuer);
                    tr!(
                        "issuer \"{name}\" has a keyUsage without keyCertSign",
                        "颁发者“{name}”的 keyUsage 不含 keyCertSign"
                    )
                },
                tr!(
                    "clients reject certificates signed by a key not allowed to sign certificates: ask the CA for the right intermediate",
                    "客户端会拒绝由无权签发证书的密钥签名的证书：请向 CA 索取正确的中间证书"
                ),
            ));
        }
        // pathLenConstraint counts the intermediate CA certificates that may follow below it.
        let below = position.saturating_sub(1);
        if let Some(limit) = summary.path_len
            && below > usize::from(limit)
        {
            said.diagnostics.push(Diagnostic::new(
                Code::PathLengthExceeded,
                said.at(issuer),
                {
                    let name = said.name(issuer);
                    tr!(
                        "issuer \"{name}\" allows {limit} intermediate(s) below it, the chain has {below}",
                        "颁发者“{name}”之下最多允许 {limit} 个中间证书，证书链中有 {below} 个"
                    )
                },
                tr!(
                    "clients reject this path: the CA hierarchy or the chain given is wrong",
                    "客户端会拒绝这条路径：CA 层级或给出的证书链有误"
                ),
            ));
        }
    }
    let leaf = &certificates[report.order[0]].summary;
    if leaf.self_signed && !leaf.is_ca {
        said.diagnostics.push(Diagnostic::new(
            Code::SelfSignedLeaf,
            said.at(report.order[0]),
            {
                let name = said.name(report.order[0]);
                tr!(
                    "the leaf \"{name}\" is self-signed",
                    "叶子证书“{name}”是自签名的"
                )
            },
            tr!(
                "clients will not trust it; use a certificate issued by a CA (fine for a private test only)",
                "客户端不会信任它；请使用 CA 签发的证书（仅适合私下测试）"
            ),
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
