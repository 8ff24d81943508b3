//! The checking pipeline's entry: inputs → items → containers opened → certificates, keys and
//! requests → chain → key and request matching → [`Report`].
//!
//! [`analyze`] never fails and never panics on any input: everything that goes wrong is a
//! [`Diagnostic`] in the report. The validation time and any passphrase are arguments; nothing
//! here reads a clock, and no secret is copied into the report.

pub mod certificate;
pub mod chain;
pub mod csr;
pub mod fingerprint;
pub mod input;
pub mod job;
pub mod legacy_pem;
pub mod oid_names;
pub mod pkcs12;
pub mod pkcs7;
pub mod private_key;
pub mod public_key;
pub mod recover;

use crate::diagnostic::{Code, Diagnostic, Hint, InputLocation, Severity};
use certificate::{CertificateSummary, ParsedCertificate};
use chain::ChainReport;
use csr::{CsrSummary, ParsedCsr};
use input::{InputSummary, Item, ItemKind};
use private_key::{ParsedKey, PrivateKeySummary};
use serde::Serialize;
use std::fmt;
use std::time::Duration;

/// What an input is meant to hold. A private key or CSR in a certificate input is still analysed,
/// with a `not-a-certificate` warning so that the page can move it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Anything (the command line).
    #[default]
    Any,
    /// Certificates (a certificate or chain box).
    Certificates,
}

/// One input to analyse: a name (file name, `pasted text`, `-`), its bytes and its role.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Shown in locations.
    pub name: &'a str,
    /// The raw bytes, text or binary.
    pub bytes: &'a [u8],
    /// What it is meant to hold.
    pub role: Role,
}

impl<'a> Input<'a> {
    /// An input that may hold anything.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Input {
            name,
            bytes,
            role: Role::Any,
        }
    }
}

/// What the analysis needs besides the inputs. Secrets here are used to decrypt and then dropped.
#[derive(Clone, Copy, Default)]
pub struct Options<'a> {
    /// The validation time, since the Unix epoch.
    pub now: Duration,
    /// The passphrase of encrypted private keys.
    pub passphrase: Option<&'a str>,
    /// The password of PKCS#12 files (the passphrase is tried when this is absent).
    pub pkcs12_password: Option<&'a str>,
}

impl fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redact = |s: Option<&str>| s.map(|_| "** REDACTED **");
        f.debug_struct("Options")
            .field("now", &self.now)
            .field("passphrase", &redact(self.passphrase))
            .field("pkcs12_password", &redact(self.pkcs12_password))
            .finish()
    }
}

/// Everything the analysis found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// One line per input.
    pub inputs: Vec<InputSummary>,
    /// Every certificate, in input order (containers opened in place).
    pub certificates: Vec<CertificateSummary>,
    /// The chain built from them.
    pub chain: ChainReport,
    /// The first private key, if any.
    pub private_key: Option<PrivateKeySummary>,
    /// Every private key.
    pub private_keys: Vec<PrivateKeySummary>,
    /// The first certificate request, if any.
    pub csr: Option<CsrSummary>,
    /// Every certificate request.
    pub csrs: Vec<CsrSummary>,
    /// Every finding, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Report {
    fn default() -> Self {
        let mut diagnostics = Vec::new();
        Report {
            inputs: Vec::new(),
            certificates: Vec::new(),
            chain: chain::analyze(&[], &mut diagnostics),
            private_key: None,
            private_keys: Vec::new(),
            csr: None,
            csrs: Vec::new(),
            diagnostics,
        }
    }
}

impl Report {
    /// The highest severity among the diagnostics, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.worst() == Some(Severity::Error)
    }
}

/// The analysis with the parsed material kept, for the request builders and the fixes.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The report.
    pub report: Report,
    /// The certificates, decoded.
    pub certificates: Vec<ParsedCertificate>,
    /// The private keys.
    pub keys: Vec<ParsedKey>,
    /// The certificate requests.
    pub csrs: Vec<ParsedCsr>,
}

/// Analyses the inputs at validation time `now`, with no passphrase.
pub fn analyze(inputs: &[Input<'_>], now: Duration) -> Report {
    analyze_with(
        inputs,
        &Options {
            now,
            ..Options::default()
        },
    )
    .report
}

/// Analyses the inputs with the given options, keeping the decoded material: a [`job::Job`] run
/// to its end in one go.
pub fn analyze_with(inputs: &[Input<'_>], options: &Options<'_>) -> Analysis {
    let mut job = job::Job::new(inputs, options);
    loop {
        if let job::Step::Done(analysis) = job.run(&mut || true) {
            return *analysis;
        }
    }
}

/// What the analysis has found so far: the material decoded and the findings, in the order found.
#[derive(Default)]
struct Found {
    inputs: Vec<InputSummary>,
    diagnostics: Vec<Diagnostic>,
    certificates: Vec<ParsedCertificate>,
    keys: Vec<ParsedKey>,
    csrs: Vec<ParsedCsr>,
    /// What is left of the analysis' signature budget (self-signatures spend it first).
    budget: chain::SignatureBudget,
}

impl Found {
    /// Takes one decoded item of an input meant to hold `role`: containers are opened, and what
    /// they hold (or the item itself) is parsed as what it is.
    fn take(&mut self, item: Item, role: Role, options: &Options<'_>) {
        for item in open_containers(item, options, &mut self.diagnostics, &mut self.keys) {
            if role == Role::Certificates
                && matches!(
                    item.kind,
                    ItemKind::PrivateKey | ItemKind::CertificateRequest
                )
            {
                self.diagnostics.push(Diagnostic::new(
                    Code::NotACertificate,
                    item.location.clone(),
                    format!("{} was found among the certificates", item.kind.describe()),
                    "it is analysed as what it is; keep it in its own input",
                ));
            }
            let diagnostics = &mut self.diagnostics;
            match item.kind {
                ItemKind::Certificate => {
                    let index = self.certificates.len();
                    if let Some(parsed) = certificate::parse_within(
                        &item.der,
                        index,
                        &item.location,
                        options.now,
                        &mut self.budget,
                        diagnostics,
                    ) {
                        self.certificates.push(parsed);
                    }
                }
                ItemKind::PrivateKey => {
                    let index = self.keys.len();
                    self.keys.push(private_key::parse(
                        &item,
                        index,
                        options.passphrase,
                        diagnostics,
                    ));
                }
                ItemKind::CertificateRequest => {
                    let index = self.csrs.len();
                    if let Some(parsed) = csr::parse(&item, index, diagnostics) {
                        self.csrs.push(parsed);
                    }
                }
                ItemKind::PublicKey => diagnostics.push(Diagnostic::new(
                    Code::NotACertificate,
                    item.location.clone(),
                    "a public key was found; it is not used",
                    "give the certificate instead of its bare public key",
                )),
                // Containers were opened above; what remains here could not be.
                ItemKind::Pkcs7 | ItemKind::Pkcs12 => {}
                ItemKind::Other => diagnostics.push(Diagnostic::new(
                    Code::UnknownPemLabel,
                    item.location.clone(),
                    format!(
                        "block with unknown label {:?} was skipped",
                        crate::diagnostic::excerpt(item.label.as_deref().unwrap_or(""))
                    ),
                    "check that the right file was picked; certificates are labelled CERTIFICATE",
                )),
            }
        }
    }

    /// The chain (with the signature checks made so far), keys and requests matched: the analysis.
    fn finish(mut self, checks: &mut chain::Checks) -> Analysis {
        let chain = chain::analyze_checked(&self.certificates, checks, &mut self.diagnostics);
        match_keys(
            &self.certificates,
            &chain,
            &mut self.keys,
            &mut self.diagnostics,
        );
        match_csrs(
            &self.certificates,
            &chain,
            &self.keys,
            &mut self.csrs,
            &mut self.diagnostics,
        );
        let private_keys: Vec<PrivateKeySummary> =
            self.keys.iter().map(|k| k.summary.clone()).collect();
        let csrs: Vec<CsrSummary> = self.csrs.iter().map(|c| c.summary.clone()).collect();
        let report = Report {
            inputs: self.inputs,
            certificates: self
                .certificates
                .iter()
                .map(|c| c.summary.clone())
                .collect(),
            chain,
            private_key: private_keys.first().cloned(),
            private_keys,
            csr: csrs.first().cloned(),
            csrs,
            diagnostics: self.diagnostics,
        };
        Analysis {
            report,
            certificates: self.certificates,
            keys: self.keys,
            csrs: self.csrs,
        }
    }
}

/// PKCS#7 and PKCS#12 items become the certificates (and keys) they hold; others pass through.
fn open_containers(
    item: Item,
    options: &Options<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    keys: &mut Vec<ParsedKey>,
) -> Vec<Item> {
    match item.kind {
        ItemKind::Pkcs7 => pkcs7::certificates(&item, diagnostics),
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
                    contents
                        .certificates
                        .into_iter()
                        .map(|der| Item {
                            kind: ItemKind::Certificate,
                            label: None,
                            der,
                            headers: Vec::new(),
                            location: item.location.clone(),
                        })
                        .collect()
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

fn match_keys(
    certificates: &[ParsedCertificate],
    chain: &ChainReport,
    keys: &mut [ParsedKey],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let leaf = chain.order.first().copied();
    for key in keys.iter_mut() {
        let matches = same_key_as(&key.identity, certificates);
        key.summary.matches_certificate = matches.first().copied();
        key.summary.matches_leaf = leaf
            .filter(|_| key.identity.is_some())
            .map(|l| matches.contains(&l));
        key.summary.matches_certificates = matches;
        let (Some(leaf), Some(true)) = (leaf, key.summary.matches_leaf.map(|m| !m)) else {
            if let (Some(leaf), Some(true)) = (leaf, key.summary.matches_leaf) {
                diagnostics.push(Diagnostic::new(
                    Code::KeyMatchesCertificate,
                    key.location.clone(),
                    format!("the private key belongs to the leaf (certificate {leaf})"),
                    Hint::none(),
                ));
            }
            continue;
        };
        let other = match key.summary.matches_certificate {
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

fn match_csrs(
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

/// The readable text form of a report (what `cert-preflight inspect` prints without `--json`).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for input in &self.inputs {
            writeln!(
                f,
                "{}: {}, {}, {} block(s), line endings: {}",
                input.file,
                input.kind.as_str(),
                input.format.as_str(),
                input.blocks,
                input.line_endings.as_str()
            )?;
        }
        for c in &self.certificates {
            writeln!(
                f,
                "\ncertificate {} ({}, block {})",
                c.index,
                c.file,
                c.block.unwrap_or(1)
            )?;
            writeln!(f, "  subject:   {}", c.subject)?;
            writeln!(f, "  issuer:    {}", c.issuer)?;
            for san in &c.sans {
                match &san.unicode {
                    Some(unicode) if unicode != &san.value => {
                        writeln!(f, "  SAN:       {} {} ({unicode})", san.kind, san.value)?
                    }
                    _ => writeln!(f, "  SAN:       {} {}", san.kind, san.value)?,
                }
            }
            writeln!(f, "  serial:    {}", c.serial_hex)?;
            let status = match c.expiry {
                certificate::Expiry::Valid => format!("valid, {} days left", c.days_until_expiry),
                certificate::Expiry::Expired => {
                    format!("expired {} days ago", -c.days_until_expiry)
                }
                certificate::Expiry::NotYetValid => "not yet valid".to_owned(),
            };
            writeln!(
                f,
                "  valid:     {} to {} ({status})",
                c.not_before, c.not_after
            )?;
            let key = &c.public_key;
            let size = key.bits.map(|b| format!(" {b} bits")).unwrap_or_default();
            let curve = key.curve.map(|c| format!(" {c}")).unwrap_or_default();
            writeln!(f, "  key:       {}{size}{curve}", key.key_type.as_str())?;
            writeln!(f, "  algorithm: {}", c.signature_algorithm)?;
            let flags = c.flags();
            if !flags.is_empty() {
                writeln!(f, "  flags:     {}", flags.join("; "))?;
            }
            writeln!(f, "  SHA-1:     {}", c.sha1)?;
            writeln!(f, "  SHA-256:   {}", c.sha256)?;
        }
        if !self.certificates.is_empty() {
            let chain = &self.chain;
            let order = chain
                .order
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" → ");
            let verdict = chain.verdict.as_str();
            writeln!(
                f,
                "\nchain: {verdict}, order {order}, root included: {}",
                chain.root_included
            )?;
        }
        for k in &self.private_keys {
            let kind = k.key_type.map_or("unreadable", |t| t.as_str());
            let size = k.bits.map(|b| format!(" {b} bits")).unwrap_or_default();
            let leaf = match k.matches_leaf {
                Some(true) => ", matches the leaf",
                Some(false) => ", does not match the leaf",
                None => "",
            };
            let encrypted = if k.encrypted { " (encrypted)" } else { "" };
            let (index, file, block, format) =
                (k.index, &k.file, k.block.unwrap_or(1), k.format.as_str());
            writeln!(
                f,
                "\nprivate key {index} ({file}, block {block}): {format}{encrypted}, {kind}{size}{leaf}"
            )?;
        }
        for c in &self.csrs {
            writeln!(
                f,
                "\ncertificate request {} ({}): {}, signature {}, matches leaf: {:?}, matches key: {:?}",
                c.index,
                c.file,
                c.subject,
                if c.signature_valid {
                    "valid"
                } else {
                    "INVALID"
                },
                c.matches_leaf,
                c.matches_private_key
            )?;
        }
        if !self.diagnostics.is_empty() {
            writeln!(f)?;
        }
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}
