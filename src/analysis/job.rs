//! The analysis as a job done in slices: [`Job::run`] does work until its caller says stop, then
//! says how far it got. The page runs a few milliseconds of it at a time, so that a 2 MiB bundle
//! never freezes the page and its progress can be shown; [`super::analyze_with`] runs one to its
//! end in one go, so both give the same analysis by construction.
//!
//! The units of work, in the order [`super::analyze_with`] has always done them: decoding one
//! input (PEM, DER or base64 into items), taking one item (opening a container, parsing a
//! certificate, key or request), then one signature check of the chain search (a certificate
//! against a candidate issuer, until one verifies or the budget is spent); the chain, key and
//! request matching that follows needs no further verification and is the last unit, which also
//! bounds the report's diagnostics. A job owns copies of its inputs and secrets, and drops them
//! when dropped.

use super::certificate::{self, ParsedCertificate};
use super::chain::Checks;
use super::csr::{self, CsrSummary, ParsedCsr};
use super::input::{InputFormat, InputSummary};
use super::item::Item;
use super::item::ItemKind;
use super::private_key::{self, ParsedKey, PrivateKeySummary};
use super::{Analysis, Input, Options, Report, Role, chain, containers, foreign, key_match};
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use crate::time::Timestamp;
use std::collections::VecDeque;

/// What a job is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Decoding the inputs into items and parsing them.
    Reading,
    /// Checking signatures between certificates and their candidate issuers.
    Checking,
}

/// How far a job has got: `done` of `total` units of the current stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Units done in this stage.
    pub done: usize,
    /// Units this stage has, as far as known (reading learns of an input's items as it decodes it).
    pub total: usize,
}

/// What [`Job::run`] returns.
#[derive(Debug)]
pub enum Step {
    /// Stopped when asked to, with this progress.
    Working(Progress),
    /// Finished: the analysis.
    Done(Box<Analysis>),
}

struct OwnedInput {
    name: String,
    bytes: Vec<u8>,
    role: Role,
    /// The passwords its archive's password files gave (a file of a ZIP archive), tried in turn
    /// before the one given to the analysis (tried when these are wrong).
    passwords: Vec<String>,
    /// Given to the analysis, not a file of an archive: it counts towards the ceiling of all
    /// inputs (`input::MAX_INPUTS_BYTES`; an archive's files have their own).
    given: bool,
    /// The whole size of an input given (more than `bytes` when only its beginning was given or
    /// kept); 0 for a file of an archive, which the archive's own ceilings bound.
    size: usize,
}

/// An analysis in progress.
pub struct Job {
    inputs: Vec<OwnedInput>,
    now: Timestamp,
    passphrase: Option<String>,
    pkcs12_password: Option<String>,
    /// The next input to decode.
    next_input: usize,
    /// Items decoded and not yet taken, with their input's role and index.
    items: VecDeque<(Item, Role, usize)>,
    items_taken: usize,
    items_known: usize,
    collected: Collected,
    /// Once every input is read: the signature checks, made one per unit.
    checks: Option<Checks>,
    /// The bytes of the inputs given that were read so far.
    given_bytes: usize,
    /// Whether [`Job::run`] returns once the signature checks are known, before the first is made.
    pause: Pause,
    /// How many more of an archive's password files may be tried on its files beyond each file's
    /// first ([`MAX_PASSWORD_RETRIES`]), and whether running out was said.
    password_retries: usize,
    password_retries_said: bool,
}

/// The most password files tried, in one analysis, beyond the first each locked file of an
/// archive tries: each try derives a key (up to the ceilings' 2,000,000 iterations), and an archive
/// may hold 8 password files beside hundreds of PKCS#12 files. A download has one or two.
pub const MAX_PASSWORD_RETRIES: usize = 16;

/// Whether a job stops before its signature checks ([`Job::stop_before_checks`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pause {
    /// It runs on.
    Never,
    /// It will stop once the checks are known.
    BeforeChecks,
    /// The checks are known: [`Job::run`] returns now (once).
    Due,
}

impl Job {
    /// A job analysing copies of `inputs` with `options`.
    pub fn new(inputs: &[Input<'_>], options: &Options<'_>) -> Self {
        Self {
            inputs: inputs
                .iter()
                .map(|i| OwnedInput {
                    name: i.name.to_owned(),
                    // No more than is needed to tell an input past its ceiling.
                    bytes: i.bytes[..i.bytes.len().min(super::input::MAX_INPUT_BYTES + 1)].to_vec(),
                    role: i.role,
                    passwords: Vec::new(),
                    given: true,
                    size: i.size.unwrap_or(0).max(i.bytes.len()),
                })
                .collect(),
            now: options.now,
            passphrase: options.passphrase.map(str::to_owned),
            pkcs12_password: options.pkcs12_password.map(str::to_owned),
            next_input: 0,
            items: VecDeque::new(),
            items_taken: 0,
            items_known: 0,
            collected: Collected::default(),
            checks: None,
            given_bytes: 0,
            pause: Pause::Never,
            password_retries: MAX_PASSWORD_RETRIES,
            password_retries_said: false,
        }
    }

    /// Makes [`Job::run`] return once every input is read and the chain search's signature checks
    /// are known, before it makes the first: its caller can then have them made ahead by a faster
    /// verifier ([`Job::checks_ahead`], [`Job::confirm`]) and run the job on.
    pub fn stop_before_checks(&mut self) {
        self.pause = Pause::BeforeChecks;
    }

    /// The checks the chain search will make first that another verifier can make
    /// ([`Checks::ahead`]); none before the search is known.
    pub fn checks_ahead(&self) -> Vec<(chain::CheckId, super::public_key::PortableCheck<'_>)> {
        match &self.checks {
            Some(checks) => checks.ahead(&self.collected.certificates),
            None => Vec::new(),
        }
    }

    /// Takes the checks of [`Job::checks_ahead`] another verifier found to verify
    /// ([`Checks::confirm`]): the analysis is the same, made with less verification of its own.
    pub fn confirm(&mut self, verified: impl IntoIterator<Item = chain::CheckId>) {
        if let Some(checks) = &mut self.checks {
            checks.confirm(verified);
        }
    }

    /// How far the job has got.
    pub fn progress(&self) -> Progress {
        match &self.checks {
            None => Progress {
                stage: Stage::Reading,
                done: self.items_taken + self.next_input,
                total: self.items_known + self.inputs.len(),
            },
            Some(checks) => {
                let (done, total) = checks.progress();
                Progress {
                    stage: Stage::Checking,
                    done,
                    total,
                }
            }
        }
    }

    /// Does units of work while `go_on()` says so (it is asked before each unit but the first,
    /// so every call makes progress), and returns the analysis once there is no work left.
    pub fn run(&mut self, go_on: &mut dyn FnMut() -> bool) -> Step {
        let mut first = true;
        loop {
            if !first && !go_on() {
                return Step::Working(self.progress());
            }
            first = false;
            if let Some(analysis) = self.unit() {
                return Step::Done(Box::new(analysis));
            }
            if self.pause == Pause::Due {
                self.pause = Pause::Never;
                return Step::Working(self.progress());
            }
        }
    }

    /// One unit of work; the analysis when it was the last.
    fn unit(&mut self) -> Option<Analysis> {
        if let Some((item, role, input)) = self.items.pop_front() {
            self.take_item(item, role, input);
            self.items_taken += 1;
            return None;
        }
        if let Some(input) = self.inputs.get_mut(self.next_input) {
            self.next_input += 1;
            if input.given {
                let over = super::input::over_ceiling(
                    &input.name,
                    &input.bytes,
                    input.size,
                    self.given_bytes,
                );
                if let Some((summary, diagnostic)) = over {
                    input.bytes = Vec::new();
                    self.collected.inputs.push(summary);
                    self.collected.diagnostics.push(diagnostic);
                    return None;
                }
                self.given_bytes += input.size;
            }
            let input = &*input;
            if super::archive::is_zip(&input.bytes) {
                self.open_archive();
                return None;
            }
            let decoded = if input.given {
                super::input::decode(&input.name, &input.bytes)
            } else {
                super::input::decode_in_archive(&input.name, &input.bytes)
            };
            self.collected.inputs.push(decoded.summary);
            self.collected.diagnostics.extend(decoded.diagnostics);
            self.items_known += decoded.items.len();
            let (role, index) = (input.role, self.next_input - 1);
            self.items
                .extend(decoded.items.into_iter().map(|item| (item, role, index)));
            // The ZIP archives the text held as base64, opened next (`unit` sees their bytes).
            let at = self.next_input;
            self.inputs.splice(
                at..at,
                decoded.archives.into_iter().map(|archive| OwnedInput {
                    name: archive.name,
                    bytes: archive.bytes,
                    role: Role::Any,
                    passwords: Vec::new(),
                    given: false,
                    size: 0,
                }),
            );
            return None;
        }
        let (certificates, budget) = (&self.collected.certificates, self.collected.budget);
        let Some(checks) = &mut self.checks else {
            self.checks = Some(Checks::with_budget(certificates, budget));
            if self.pause == Pause::BeforeChecks {
                self.pause = Pause::Due;
                return None;
            }
            return self.unit();
        };
        if checks.check_next(certificates) {
            return None;
        }
        let mut checks = self.checks.take()?;
        let collected = std::mem::take(&mut self.collected);
        let mut analysis = collected.finish(&mut checks);
        bound_diagnostics(&mut analysis.report.diagnostics);
        Some(analysis)
    }

    /// Takes `item` of input `input`: with the given password, or for a file of an archive with
    /// password files, their passwords in turn (beyond the first, while the analysis' retries
    /// last), then (when none is right and one was given that differs) the given one: a password
    /// file can be stale, or another file's.
    fn take_item(&mut self, item: Item, role: Role, input: usize) {
        let (name, own) = self
            .inputs
            .get(input)
            .map_or(("", &[][..]), |i| (i.name.as_str(), &i.passwords[..]));
        let given = Options {
            now: self.now,
            passphrase: self.passphrase.as_deref(),
            pkcs12_password: self.pkcs12_password.as_deref(),
        };
        let allowed = own.len().min(1 + self.password_retries);
        let mut tries: Vec<Options<'_>> = own[..allowed]
            .iter()
            .map(|own| Options {
                passphrase: Some(own),
                pkcs12_password: Some(own),
                ..given
            })
            .collect();
        let other = |given: Option<&str>| given.is_some_and(|g| !own.iter().any(|o| o == g));
        if tries.is_empty() || other(given.passphrase) || other(given.pkcs12_password) {
            tries.push(given);
        }
        let last = tries.len() - 1;
        let mut mark = self.collected.mark();
        for (at, options) in tries.iter().enumerate() {
            if at > 0 && at < allowed {
                self.password_retries -= 1;
            }
            if at == last {
                self.collected.take(item, role, options);
                break;
            }
            self.collected.take(item.clone(), role, options);
            if !self.collected.wrong_password_since(&mark) {
                break;
            }
            self.collected.rewind(mark);
            mark = self.collected.mark();
        }
        if allowed < own.len()
            && !self.password_retries_said
            && self.collected.wrong_password_since(&mark)
        {
            self.password_retries_said = true;
            self.collected
                .diagnostics
                .push(super::archive::password_tries_exhausted(name));
        }
    }

    /// Opens the archive just taken: its files become inputs of their own, read next, each meant
    /// to hold anything (an archive holds a whole delivery: certificate, chain and key); the
    /// archive's password files open its PKCS#12 files and encrypted keys, each file's own folder's
    /// first (the password given to the analysis opens the other inputs).
    fn open_archive(&mut self) {
        let at = self.next_input;
        let Some(archive) = self.inputs.get_mut(at - 1) else {
            return;
        };
        let bytes = std::mem::take(&mut archive.bytes);
        let opened = super::archive::open(&archive.name, &bytes);
        self.collected
            .inputs
            .push(InputSummary::archive(&archive.name));
        self.collected.diagnostics.extend(opened.diagnostics);
        self.inputs.splice(
            at..at,
            opened.files.into_iter().map(|file| OwnedInput {
                name: file.name,
                bytes: file.bytes,
                role: Role::Any,
                passwords: file.passwords,
                given: false,
                size: 0,
            }),
        );
    }
}

/// The most diagnostics of one code about one input a report keeps: a bundle of 1,000 certificates
/// keeps every one of its own. Past it (20,000 empty blocks, half a million one-line blocks in
/// 20 MB), one `diagnostics-omitted` says how many more there were, so a report stays small.
pub const DIAGNOSTICS_PER_CODE: usize = 1_000;

/// What a job has collected so far: the material decoded and the findings, in the order found.
#[derive(Default)]
struct Collected {
    inputs: Vec<InputSummary>,
    diagnostics: Vec<Diagnostic>,
    certificates: Vec<ParsedCertificate>,
    /// Where each certificate's own findings are in `diagnostics` (its parse's), by index.
    certificate_findings: Vec<std::ops::Range<usize>>,
    keys: Vec<ParsedKey>,
    csrs: Vec<ParsedCsr>,
    /// What is left of the analysis' signature budget (self-signatures spend it first).
    budget: chain::SignatureBudget,
}

/// How far [`Collected`] had got, to go back to.
struct Mark {
    diagnostics: usize,
    certificates: usize,
    keys: usize,
    csrs: usize,
    budget: chain::SignatureBudget,
}

impl Collected {
    fn mark(&self) -> Mark {
        Mark {
            diagnostics: self.diagnostics.len(),
            certificates: self.certificates.len(),
            keys: self.keys.len(),
            csrs: self.csrs.len(),
            budget: self.budget,
        }
    }

    /// Whether a password was found wrong since `mark`.
    fn wrong_password_since(&self, mark: &Mark) -> bool {
        self.diagnostics[mark.diagnostics..]
            .iter()
            .any(|d| matches!(d.code, Code::WrongPassphrase | Code::WrongPkcs12Password))
    }

    /// Back to `mark`: what was taken since is dropped.
    fn rewind(&mut self, mark: Mark) {
        self.diagnostics.truncate(mark.diagnostics);
        self.certificates.truncate(mark.certificates);
        self.certificate_findings.truncate(mark.certificates);
        self.keys.truncate(mark.keys);
        self.csrs.truncate(mark.csrs);
        self.budget = mark.budget;
    }

    /// Takes one decoded item of an input meant to hold `role`: containers are opened, and what
    /// they hold (or the item itself) is parsed as what it is.
    fn take(&mut self, item: Item, role: Role, options: &Options<'_>) {
        for item in containers::open(item, options, &mut self.diagnostics, &mut self.keys) {
            if role == Role::Certificates
                && matches!(
                    item.kind,
                    ItemKind::PrivateKey | ItemKind::CertificateRequest
                )
            {
                self.diagnostics.push(Diagnostic::new(
                    Code::NotACertificate,
                    item.location.clone(),
                    {
                        let (what, what_zh) = (item.kind.describe(), item.kind.describe_zh());
                        tr!(
                            "{what} was found among the certificates",
                            "在证书中发现了{what_zh}"
                        )
                    },
                    tr!(
                        "it is analysed as what it is; keep it in its own input",
                        "它会按实际类型分析；请放到它自己的输入中"
                    ),
                ));
            }
            let diagnostics = &mut self.diagnostics;
            match item.kind {
                ItemKind::Certificate => {
                    let index = self.certificates.len();
                    let before = diagnostics.len();
                    if let Some(parsed) = certificate::parse_within(
                        &item.der,
                        index,
                        &item.location,
                        options.now,
                        &mut self.budget,
                        diagnostics,
                    ) {
                        self.certificates.push(parsed);
                        self.certificate_findings.push(before..diagnostics.len());
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
                    tr!("a public key was found; it is not used", "发现了公钥；它不会被使用"),
                    tr!(
                        "give the certificate instead of its bare public key",
                        "请给出证书，而不是单独的公钥"
                    ),
                )),
                // Containers were opened above; what remains here could not be.
                ItemKind::Pkcs7 | ItemKind::Pkcs12 | ItemKind::JavaKeystore => {}
                ItemKind::Other => diagnostics.push(match item.label.as_deref().and_then(foreign::by_label) {
                    Some(foreign) => foreign.diagnostic(item.location.clone()),
                    None => Diagnostic::new(
                    Code::UnknownPemLabel,
                    item.location.clone(),
                    {
                        let label =
                            crate::diagnostic::excerpt(item.label.as_deref().unwrap_or(""));
                        tr!(
                            "block with unknown label {label:?} was skipped",
                            "已跳过标签未知的块 {label:?}"
                        )
                    },
                    tr!(
                        "check that the right file was picked; certificates are labelled CERTIFICATE",
                        "请确认选对了文件；证书的标签是 CERTIFICATE"
                    ),
                ),
                }),
            }
        }
    }

    /// The chain (with the signature checks made so far), keys and requests matched: the analysis.
    fn finish(mut self, checks: &mut Checks) -> Analysis {
        let keyed = key_match::keyed(&self.certificates, &self.keys);
        let archives: Vec<String> = self
            .inputs
            .iter()
            .filter(|input| input.format == InputFormat::Zip)
            .map(|input| input.file.clone())
            .collect();
        let given = chain::Given {
            keyed: &keyed,
            archives: &archives,
        };
        let chain =
            chain::analyze_checked(&self.certificates, checks, &given, &mut self.diagnostics);
        // A certificate off the leaf's path (a renewal's old certificate or its renewal dated
        // later, another chain's) is not uploaded: expired or not yet valid, it is a warning to
        // drop it, not the error an uploaded one is (it also tells why the other was taken as the
        // leaf); what would have it renewed or reissued (soon to expire, a weak key or signature,
        // a serial number RFC 5280 does not allow) is not said of it (the chain's warning already
        // says to drop it).
        let mut dropped = vec![false; self.diagnostics.len()];
        for &i in &chain.not_on_path {
            for at in self.certificate_findings[i].clone() {
                if matches!(
                    self.diagnostics[at].code,
                    Code::CertificateExpiresSoon
                        | Code::WeakSignatureHash
                        | Code::WeakRsaKey
                        | Code::SerialNumberNotRfc5280
                ) {
                    dropped[at] = true;
                } else if let Some(warning) = certificate::off_path_validity(
                    &self.certificates[i].summary,
                    i,
                    &self.diagnostics[at],
                ) {
                    self.diagnostics[at] = warning;
                }
            }
        }
        // An expired issuer on the path is not renewed by its user: its hint says what is.
        for &i in chain.order.iter().skip(1) {
            for at in self.certificate_findings[i].clone() {
                if let Some(error) = certificate::expired_issuer(
                    &self.certificates[i].summary,
                    &self.diagnostics[at],
                ) {
                    self.diagnostics[at] = error;
                }
            }
        }
        if let Some(&leaf) = chain.order.first()
            && keyed.get(leaf) == Some(&true)
        {
            containers::keystore_keys_not_needed(
                &self.inputs,
                &self.certificates,
                leaf,
                &mut self.diagnostics,
            );
        }
        let mut at = 0;
        self.diagnostics.retain(|_| {
            at += 1;
            !dropped.get(at - 1).copied().unwrap_or(false)
        });
        key_match::match_keys(
            &self.certificates,
            &chain,
            &mut self.keys,
            &mut self.diagnostics,
        );
        key_match::match_csrs(
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
            private_keys,
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

/// Keeps the first [`DIAGNOSTICS_PER_CODE`] diagnostics of each code about each input (in the
/// order found) and counts the rest in one `diagnostics-omitted` per code and input.
fn bound_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    // (input, code, how many seen): a few inputs times the codes they gave, so a list (the page
    // would carry another hash map's code for nothing).
    let mut seen: Vec<(String, Code, usize)> = Vec::new();
    diagnostics.retain(|d| {
        // Every diagnostic of the analysis points into an input.
        let input = d.location.input().map_or("", |at| at.file.as_str());
        let at = match seen
            .iter()
            .position(|(file, code, _)| *code == d.code && file == input)
        {
            Some(at) => at,
            None => {
                seen.push((input.to_owned(), d.code, 0));
                seen.len() - 1
            }
        };
        seen[at].2 += 1;
        seen[at].2 <= DIAGNOSTICS_PER_CODE
    });
    for (file, code, count) in seen {
        let Some(count) = count.checked_sub(DIAGNOSTICS_PER_CODE).filter(|&n| n > 0) else {
            continue;
        };
        diagnostics.push(Diagnostic::new(
            Code::DiagnosticsOmitted,
            InputLocation::file(file),
            tr!(
                "{count} more {code} diagnostics about this input were left out (the first {DIAGNOSTICS_PER_CODE} are shown)",
                "关于此输入的 {code} 诊断另有 {count} 条未列出（只显示前 {DIAGNOSTICS_PER_CODE} 条）"
            ),
            tr!(
                "fix the problem the first ones show; the rest are likely the same",
                "请先修正前几条指出的问题；其余的很可能相同"
            ),
        ));
    }
}
