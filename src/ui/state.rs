//! The page's state and its reducer: the target, the fields, the material in its three boxes, the
//! credentials, and what the core computed from them (analysis, target checks, the request).
//! Nothing here is ever written to storage or to the URL; secrets live in memory only, and this
//! type has no `Debug` so that they cannot be printed by accident.

use super::browser::LoadedFile;
use crate::analysis::job::{Job, Progress};
use crate::analysis::{self, Analysis, Input, Options, Role};
use crate::fixes::{self, KeyEncoding, RootPolicy};
use crate::providers::{self, Fields, Mode, Preparation, ProviderId};
use crate::request::Auth;
use crate::request::{self, Outcome};
use crate::signing::{Credentials, Scheme, Secret};
use std::rc::Rc;
use std::time::Duration;
use yew::Reducible;

/// The three material boxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Certificates and chains (PEM, DER, PKCS#7, PKCS#12).
    Certificates,
    /// The private key.
    Key,
    /// The certificate request.
    Csr,
}

impl Slot {
    /// The name locations carry for text pasted into this box.
    pub fn pasted_name(self) -> &'static str {
        match self {
            Slot::Certificates => PASTED,
            Slot::Key => "pasted key",
            Slot::Csr => "pasted CSR",
        }
    }
}

/// One box: pasted text (kept exactly as typed) and files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Material {
    /// The text area's content.
    pub pasted: String,
    /// Files picked or dropped, in the order they arrived.
    pub files: Vec<LoadedFile>,
}

/// A value shared by pointer: equal when it is the same computation.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A generated request and when it was made.
#[derive(Debug)]
pub struct Generated {
    /// The outcome (diagnostics, outputs).
    pub outcome: Outcome,
    /// When it was signed (the browser clock).
    pub at: Duration,
}

/// The one-click fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// The path in chain order, root kept, duplicates and strays removed.
    Order,
    /// The path without its self-signed root.
    DropRoot,
    /// The bundle exactly as the chosen target receives it.
    Normalise,
    /// The key re-encoded as PKCS#1 / SEC1 (decrypted if it was encrypted).
    ConvertKey,
}

/// What the page holds.
#[derive(Clone)]
pub struct State {
    /// The chosen target.
    pub target: ProviderId,
    /// The region ID.
    pub region: String,
    /// The signing scheme.
    pub auth: Scheme,
    /// Field values by API name, in the order first set.
    pub fields: Vec<(String, String)>,
    /// How many rows the form shows of each numbered field family of the target (`Tag.N.*`).
    pub numbered_rows: Vec<usize>,
    /// The certificate box.
    pub certificates: Material,
    /// The key box.
    pub key: Material,
    /// The CSR box.
    pub csr: Material,
    /// Names of files the browser could not read.
    pub unreadable: Vec<String>,
    /// Notes about blocks moved between boxes.
    pub notes: Vec<String>,
    /// Passphrase of an encrypted key, and password of a PKCS#12 file. Memory only.
    pub passphrase: String,
    /// Access key ID.
    pub access_key_id: String,
    /// Access key secret. Memory only; consumed by the signer, never rendered back.
    pub secret: String,
    /// The environment variable the generated command reads a token from.
    pub token_env: String,
    /// The account ID for Huawei AK/SK on account-level services.
    pub domain_id: String,
    /// The analysis of the three boxes.
    pub analysis: Shared<Analysis>,
    /// The target's rules on it, with the fields.
    pub preparation: Shared<Preparation>,
    /// The certificate text as given, for the before/after view.
    pub before: String,
    /// The last generated request, cleared by any change.
    pub generated: Option<Shared<Generated>>,
    /// The last fix applied, for the before/after view.
    pub applied: Option<(Fix, String, String)>,
    /// The validation time of the last analysis.
    pub now: Duration,
    /// Large material waiting to be analysed (its size in bytes): typing is not blocked by an
    /// analysis per keystroke; the page analyses once the input settles, and says so meanwhile.
    pub pending: Option<usize>,
    /// Bumped by every change that leaves an analysis pending (the page's debounce key, and the
    /// job that a finished slice belongs to).
    pub pending_generation: u64,
    /// How far the analysis of pending material has got, once its job has started.
    pub progress: Option<Progress>,
}

/// Above this many bytes of material, the analysis waits for the input to settle.
pub const LARGE_INPUT: usize = 256 * 1024;

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.analysis == other.analysis
            && self.preparation == other.preparation
            && self.generated == other.generated
            && self.fields == other.fields
            && self.pending == other.pending
            && self.pending_generation == other.pending_generation
            && self.progress == other.progress
    }
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Choose a target.
    SetTarget(ProviderId),
    /// Set the region.
    SetRegion(String),
    /// Choose the signing scheme.
    SetAuth(Scheme),
    /// Set a field (empty removes it).
    SetField(String, String),
    /// Show one more row of the target's numbered field family at this index.
    AddRow(usize),
    /// A box's text changed.
    Paste(Slot, String),
    /// Files were picked or dropped into a box (or could not be read).
    AddFiles(Slot, Vec<Result<LoadedFile, String>>),
    /// Remove one file from a box.
    RemoveFile(Slot, usize),
    /// The passphrase changed.
    SetPassphrase(String),
    /// The access key ID changed.
    SetAccessKeyId(String),
    /// The access key secret changed.
    SetSecret(String),
    /// The token variable's name changed.
    SetTokenEnv(String),
    /// The account ID changed.
    SetDomainId(String),
    /// Apply a one-click fix.
    Apply(Fix),
    /// Build and sign the request at this time with this nonce.
    Generate {
        /// The browser clock.
        now: Duration,
        /// From `crypto.getRandomValues`.
        nonce: String,
    },
    /// The job analysing pending material (of this generation) has got this far.
    Progress(u64, Progress),
    /// The job analysing pending material (of this generation), started at `now`, is done.
    Analysed {
        /// The generation of the pending material it analysed.
        generation: u64,
        /// Its analysis.
        analysis: Shared<Analysis>,
        /// The validation time it used.
        now: Duration,
    },
    /// Start again.
    Clear,
}

/// The name pasted text carries in locations.
pub const PASTED: &str = "pasted text";

impl Default for State {
    fn default() -> Self {
        State::new(ProviderId::default(), Duration::ZERO)
    }
}

impl State {
    /// An empty page for `target`, validating at `now`.
    pub fn new(target: ProviderId, now: Duration) -> Self {
        let spec = target.spec();
        // No material yet: its analysis is computed once, and the target's rules run once on it.
        let empty = Shared(Rc::new(analysis::analyze_with(&[], &Options::default())));
        let mut state = State {
            target,
            region: spec.default_region.to_owned(),
            auth: spec.schemes[0],
            fields: Vec::new(),
            numbered_rows: vec![1; spec.numbered.len()],
            certificates: Material::default(),
            key: Material::default(),
            csr: Material::default(),
            unreadable: Vec::new(),
            notes: Vec::new(),
            passphrase: String::new(),
            access_key_id: String::new(),
            secret: String::new(),
            token_env: "HUAWEI_TOKEN".to_owned(),
            domain_id: String::new(),
            analysis: empty.clone(),
            // Replaced by take_analysis below, with the target's rules run on the empty material.
            preparation: Shared(Rc::new(Preparation::empty(target))),
            before: String::new(),
            generated: None,
            applied: None,
            now,
            pending: None,
            pending_generation: 0,
            progress: None,
        };
        state.take_analysis(empty);
        state
    }

    /// Whether the user has given any material yet.
    pub fn has_material(&self) -> bool {
        [&self.certificates, &self.key, &self.csr]
            .iter()
            .any(|m| !m.pasted.trim().is_empty() || !m.files.is_empty())
    }

    /// The value of a field, or "".
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    fn material(&mut self, slot: Slot) -> &mut Material {
        match slot {
            Slot::Certificates => &mut self.certificates,
            Slot::Key => &mut self.key,
            Slot::Csr => &mut self.csr,
        }
    }

    fn fields_for_core(&self) -> Fields {
        Fields {
            values: self
                .fields
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .cloned()
                .collect(),
            region: self.region.clone(),
        }
    }

    fn material_size(&self) -> usize {
        [&self.certificates, &self.key, &self.csr]
            .iter()
            .map(|m| m.pasted.len() + m.files.iter().map(|f| f.bytes.len()).sum::<usize>())
            .sum()
    }

    /// Analyses now, or, for large material, marks the analysis pending: the page starts a job
    /// once the input settles and runs it in slices, showing its progress ([`State::job`]).
    fn analyse_or_defer(&mut self) {
        let size = self.material_size();
        if size > LARGE_INPUT {
            self.pending = Some(size);
            self.pending_generation += 1;
            self.progress = None;
            self.generated = None;
        } else {
            self.analyse();
        }
    }

    /// The three boxes as analysis inputs, with the passphrase, at `now`.
    fn with_inputs<R>(&self, now: Duration, f: impl FnOnce(&[Input<'_>], &Options<'_>) -> R) -> R {
        let mut inputs = Vec::new();
        for (slot, material) in [
            (Slot::Certificates, &self.certificates),
            (Slot::Key, &self.key),
            (Slot::Csr, &self.csr),
        ] {
            let role = if slot == Slot::Certificates {
                Role::Certificates
            } else {
                Role::Any
            };
            if !material.pasted.trim().is_empty() {
                inputs.push(Input {
                    name: slot.pasted_name(),
                    bytes: material.pasted.as_bytes(),
                    role,
                });
            }
            for file in &material.files {
                inputs.push(Input {
                    name: &file.name,
                    bytes: &file.bytes,
                    role,
                });
            }
        }
        let passphrase = (!self.passphrase.is_empty()).then_some(self.passphrase.as_str());
        let options = Options {
            now,
            passphrase,
            pkcs12_password: passphrase,
        };
        f(&inputs, &options)
    }

    /// A job analysing the material as it is now, at `now`, to run in slices.
    pub fn job(&self, now: Duration) -> Job {
        self.with_inputs(now, Job::new)
    }

    /// Re-runs the analysis of the three boxes and the target's rules.
    fn analyse(&mut self) {
        let analysis = self.with_inputs(self.now, analysis::analyze_with);
        self.take_analysis(Shared(Rc::new(analysis)));
    }

    /// Shows `analysis` of the material as it is, and runs the target's rules on it.
    fn take_analysis(&mut self, analysis: Shared<Analysis>) {
        self.pending = None;
        self.progress = None;
        let mut before = fixes::certificate_text(&self.certificates.pasted);
        for file in &self.certificates.files {
            match std::str::from_utf8(&file.bytes) {
                Ok(text) => before.push_str(&fixes::certificate_text(text)),
                Err(_) => before.push_str(&format!(
                    "[{}: {} bytes of binary data]\n",
                    file.name,
                    file.bytes.len()
                )),
            }
        }
        self.before = before;
        self.analysis = analysis;
        self.prepare();
    }

    /// Re-runs the target's rules (fields changed, not the material).
    fn prepare(&mut self) {
        let fields = self.fields_for_core();
        self.preparation = Shared(Rc::new(providers::prepare(
            self.target,
            Mode::Request,
            &self.analysis,
            &self.before,
            &fields,
        )));
        self.generated = None;
    }

    /// Moves key and CSR blocks pasted into the certificate box to their own boxes.
    fn separate(&mut self) {
        let separated = fixes::separate_blocks(&self.certificates.pasted);
        if !separated.keys.is_empty() {
            self.key.pasted = join(&self.key.pasted, &separated.keys);
            self.notes.push(
                "A private key was pasted into the certificate box; it was moved to the private key box."
                    .into(),
            );
        }
        if !separated.requests.is_empty() {
            self.csr.pasted = join(&self.csr.pasted, &separated.requests);
            self.notes.push(
                "A certificate request was pasted into the certificate box; it was moved to the CSR box."
                    .into(),
            );
        }
        if !separated.keys.is_empty() || !separated.requests.is_empty() {
            if separated.recovered {
                self.notes.push(
                    "The pasted text was mangled (JSON, escapes, one line …): the boxes hold the PEM recovered from it."
                        .into(),
                );
            }
            self.certificates.pasted = separated.certificates;
        }
    }

    fn auth(&self) -> Auth {
        let credentials = Credentials {
            access_key_id: self.access_key_id.trim().to_owned(),
            secret: Secret::new(self.secret.clone()),
        };
        match self.auth {
            Scheme::AlibabaRpcV2 => Auth::AlibabaV2(credentials),
            Scheme::AlibabaAcs3 => Auth::AlibabaAcs3(credentials),
            Scheme::HuaweiAksk => Auth::HuaweiAksk {
                credentials,
                domain_id: Some(self.domain_id.trim().to_owned()).filter(|d| !d.is_empty()),
            },
            Scheme::HuaweiToken => Auth::HuaweiToken {
                env: self.token_env.trim().to_owned(),
            },
        }
    }

    fn apply(&mut self, fix: Fix) {
        let before = self.before.clone();
        let after = match fix {
            Fix::Order | Fix::DropRoot | Fix::Normalise => {
                let bundle = match fix {
                    Fix::Order => {
                        fixes::normalise_bundle(&self.analysis, RootPolicy::Keep, &before)
                    }
                    Fix::DropRoot => {
                        fixes::normalise_bundle(&self.analysis, RootPolicy::Drop, &before)
                    }
                    _ => self.preparation.bundle.clone(),
                };
                let Some(bundle) = bundle else {
                    return;
                };
                // Files whose certificates are now in the text go; files holding a key stay.
                let key_files: Vec<String> = self
                    .analysis
                    .keys
                    .iter()
                    .map(|k| k.location.file.clone())
                    .collect();
                self.certificates
                    .files
                    .retain(|f| key_files.contains(&f.name));
                self.certificates.pasted = bundle.full_pem.clone();
                bundle.full_pem
            }
            Fix::ConvertKey => {
                let Some(key) = self.analysis.keys.first() else {
                    return;
                };
                let Ok(pem) = fixes::reencode_key(key, KeyEncoding::Traditional) else {
                    return;
                };
                self.key.files.clear();
                self.key.pasted = pem.pem;
                self.passphrase.clear();
                format!("private key: {} → {} (same key)", pem.from, pem.label)
            }
        };
        let before = if fix == Fix::ConvertKey {
            format!(
                "private key: {}{}",
                self.analysis
                    .keys
                    .first()
                    .map(|k| k.summary.format.as_str())
                    .unwrap_or(""),
                if self
                    .analysis
                    .keys
                    .first()
                    .is_some_and(|k| k.summary.encrypted)
                {
                    " (encrypted)"
                } else {
                    ""
                }
            )
        } else {
            before
        };
        self.applied = Some((fix, before, after));
        self.analyse_or_defer();
    }
}

fn join(existing: &str, more: &str) -> String {
    if existing.trim().is_empty() {
        more.to_owned()
    } else if existing.ends_with('\n') {
        format!("{existing}{more}")
    } else {
        format!("{existing}\n{more}")
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A job's news about material that has changed since is dropped: a newer job is coming.
        if let Action::Progress(generation, _) | Action::Analysed { generation, .. } = &action
            && (self.pending.is_none() || *generation != self.pending_generation)
        {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            Action::SetTarget(target) => {
                let spec = target.spec();
                next.target = target;
                if spec.region(&next.region).is_none() {
                    next.region = spec.default_region.to_owned();
                }
                if !spec.schemes.contains(&next.auth) {
                    next.auth = spec.schemes[0];
                }
                next.fields.clear();
                next.numbered_rows = vec![1; spec.numbered.len()];
                next.prepare();
            }
            Action::SetRegion(region) => {
                next.region = region.trim().to_owned();
                next.prepare();
            }
            Action::SetAuth(scheme) => {
                next.auth = scheme;
                next.generated = None;
            }
            Action::SetField(name, value) => {
                match next.fields.iter_mut().find(|(n, _)| *n == name) {
                    Some(entry) => entry.1 = value,
                    None => next.fields.push((name, value)),
                }
                next.prepare();
            }
            Action::AddRow(family) => {
                let max = next
                    .target
                    .spec()
                    .numbered
                    .get(family)
                    .map_or(0, |f| f.max as usize);
                if let Some(rows) = next.numbered_rows.get_mut(family) {
                    *rows = (*rows + 1).min(max);
                }
            }
            Action::Paste(slot, text) => {
                next.material(slot).pasted = text;
                if slot == Slot::Certificates {
                    next.separate();
                }
                next.analyse_or_defer();
            }
            Action::AddFiles(slot, files) => {
                for file in files {
                    match file {
                        Ok(file) => {
                            // A PEM key or CSR file dropped on the certificate box goes to its box.
                            let target = match (slot, std::str::from_utf8(&file.bytes)) {
                                (Slot::Certificates, Ok(text))
                                    if !text.contains("CERTIFICATE-----")
                                        && text.contains("PRIVATE KEY-----") =>
                                {
                                    next.notes.push(format!(
                                        "{} holds a private key; it was moved to the private key box.",
                                        file.name
                                    ));
                                    Slot::Key
                                }
                                (Slot::Certificates, Ok(text))
                                    if text.contains("CERTIFICATE REQUEST-----")
                                        && !text.contains("BEGIN CERTIFICATE-----") =>
                                {
                                    next.notes.push(format!(
                                        "{} is a certificate request; it was moved to the CSR box.",
                                        file.name
                                    ));
                                    Slot::Csr
                                }
                                _ => slot,
                            };
                            next.material(target).files.push(file);
                        }
                        Err(name) => next.unreadable.push(name),
                    }
                }
                next.analyse_or_defer();
            }
            Action::RemoveFile(slot, index) => {
                let material = next.material(slot);
                if index < material.files.len() {
                    material.files.remove(index);
                }
                next.analyse_or_defer();
            }
            Action::SetPassphrase(passphrase) => {
                next.passphrase = passphrase;
                next.analyse_or_defer();
            }
            Action::SetAccessKeyId(id) => {
                next.access_key_id = id;
                next.generated = None;
            }
            Action::SetSecret(secret) => {
                next.secret = secret;
                next.generated = None;
            }
            Action::SetTokenEnv(name) => {
                next.token_env = name;
                next.generated = None;
            }
            Action::SetDomainId(id) => {
                next.domain_id = id;
                next.generated = None;
            }
            // Fixes rewrite the material from its analysis, which is stale while one is pending.
            Action::Apply(_) if next.pending.is_some() => return self,
            Action::Apply(fix) => next.apply(fix),
            // The analysis shown is of the material before its last change until the pending
            // one is done: a request built now would carry the old certificate.
            Action::Generate { .. } if next.pending.is_some() => return self,
            Action::Generate { now, nonce } => {
                let outcome = request::build(
                    next.target,
                    &next.analysis,
                    &next.before,
                    &next.fields_for_core(),
                    &next.auth(),
                    now,
                    &nonce,
                );
                next.generated = Some(Shared(Rc::new(Generated { outcome, at: now })));
            }
            Action::Progress(_, progress) => next.progress = Some(progress),
            Action::Analysed { analysis, now, .. } => {
                next.now = now;
                next.take_analysis(analysis);
            }
            Action::Clear => next = State::new(next.target, next.now),
        }
        Rc::new(next)
    }
}
