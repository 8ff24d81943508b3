//! The page's state and its reducer, in five parts: the form (target, region, scheme, fields), the
//! material in its three boxes, the credentials, what the core derived from them (analysis, target
//! checks, the request, the last fix) and the analysis pending on large material. The rules (which
//! box material goes to, which fix applies and what it changes, how an `Auth` is built) are the
//! core's (`material_routing`, `fix_choice`, `auth`); this file only keeps their results.
//! Nothing here is ever written to storage or to the URL; secrets live in memory only, and these
//! types have no `Debug` so that they cannot be printed by accident.

use super::browser::LoadedFile;
use crate::analysis::job::{Job, Progress};
use crate::analysis::{self, Analysis, Input, Options, Role};
use crate::auth;
use crate::fix_choice::{self, Rewrite};
pub use crate::fix_choice::{Applied, Fix};
use crate::lang::Lang;
use crate::material_routing::{self, Moved};
pub use crate::material_routing::{PASTED, Slot};
use crate::providers::{self, ConsoleSheet, Fields, Mode, Preparation, ProviderId};
use crate::request::{self, Outcome};
use crate::signing::{Scheme, Secret};
use crate::time::Timestamp;
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// One box: pasted text (kept exactly as typed) and files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Material {
    /// The text area's content.
    pub pasted: String,
    /// Files picked or dropped, in the order they arrived.
    pub files: Vec<LoadedFile>,
}

impl Material {
    fn is_empty(&self) -> bool {
        self.pasted.trim().is_empty() && self.files.is_empty()
    }

    fn size(&self) -> usize {
        self.pasted.len() + self.files.iter().map(|f| f.bytes.len()).sum::<usize>()
    }
}

/// A value shared by pointer: equal when it is the same computation.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
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
    pub at: Timestamp,
}

/// Where the request goes and what it carries besides the material.
#[derive(Clone)]
pub struct Form {
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
}

impl Form {
    fn new(target: ProviderId) -> Self {
        let spec = target.spec();
        Self {
            target,
            region: spec.default_region.to_owned(),
            auth: spec.schemes[0],
            fields: Vec::new(),
            numbered_rows: vec![1; spec.numbered.len()],
        }
    }

    /// The fields as the core takes them: the region, and the values that are set.
    fn for_core(&self) -> Fields {
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
}

/// The three material boxes, and what happened to what was put in them.
#[derive(Clone, Default)]
pub struct Materials {
    /// The certificate box.
    pub certificates: Material,
    /// The key box.
    pub key: Material,
    /// The CSR box.
    pub csr: Material,
    /// Names of files the browser could not read.
    pub unreadable: Vec<String>,
    /// Notes about blocks moved between boxes.
    pub notes: Vec<crate::lang::Text>,
}

impl Materials {
    /// One box.
    pub fn get(&self, slot: Slot) -> &Material {
        match slot {
            Slot::Certificates => &self.certificates,
            Slot::Key => &self.key,
            Slot::Csr => &self.csr,
        }
    }

    fn get_mut(&mut self, slot: Slot) -> &mut Material {
        match slot {
            Slot::Certificates => &mut self.certificates,
            Slot::Key => &mut self.key,
            Slot::Csr => &mut self.csr,
        }
    }

    fn boxes(&self) -> [(Slot, &Material); 3] {
        [
            (Slot::Certificates, &self.certificates),
            (Slot::Key, &self.key),
            (Slot::Csr, &self.csr),
        ]
    }

    /// Whether the user has given any material yet.
    pub fn is_empty(&self) -> bool {
        self.boxes().iter().all(|(_, m)| m.is_empty())
    }

    fn size(&self) -> usize {
        self.boxes().iter().map(|(_, m)| m.size()).sum()
    }

    /// Moves key and CSR blocks pasted into the certificate box to their own boxes.
    fn route_pasted(&mut self) {
        let routed = material_routing::route_pasted(
            &self.certificates.pasted,
            &self.key.pasted,
            &self.csr.pasted,
        );
        for moved in &routed.moved {
            self.notes.push(match moved {
                Moved::Keys => tr!(
                    "A private key was pasted into the certificate box; it was moved to the private key box.",
                    "证书框中粘贴了私钥；已移到私钥框。"
                ),
                Moved::Requests => tr!(
                    "A certificate request was pasted into the certificate box; it was moved to the CSR box.",
                    "证书框中粘贴了证书请求；已移到证书请求框。"
                ),
                Moved::Recovered => tr!(
                    "The pasted text was mangled (JSON, escapes, one line …): the boxes hold the PEM recovered from it.",
                    "粘贴的文本被改动过（JSON、转义、写成一行…）：输入框中是从中恢复的 PEM。"
                ),
            });
        }
        self.certificates.pasted = routed.certificates;
        self.key.pasted = routed.key;
        self.csr.pasted = routed.csr;
    }

    /// Adds a file to `slot`, or, dropped on the certificate box, to the box it belongs in.
    fn add_file(&mut self, slot: Slot, file: LoadedFile) {
        let slot = match slot {
            Slot::Certificates => material_routing::box_for_file(&file.bytes),
            other => other,
        };
        match slot {
            Slot::Key => {
                let name = &file.name;
                self.notes.push(tr!(
                    "{name} holds a private key; it was moved to the private key box.",
                    "{name} 中是私钥；已移到私钥框。"
                ));
            }
            Slot::Csr => {
                let name = &file.name;
                self.notes.push(tr!(
                    "{name} is a certificate request; it was moved to the CSR box.",
                    "{name} 是证书请求；已移到证书请求框。"
                ));
            }
            Slot::Certificates => {}
        }
        self.get_mut(slot).files.push(file);
    }

    /// The boxes as analysis inputs, with the passphrase, given to `f` at `now`.
    fn with_inputs<R>(
        &self,
        passphrase: &str,
        now: Timestamp,
        f: impl FnOnce(&[Input<'_>], &Options<'_>) -> R,
    ) -> R {
        let mut inputs = Vec::new();
        for (slot, material) in self.boxes() {
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
        let passphrase = (!passphrase.is_empty()).then_some(passphrase);
        let options = Options {
            now,
            passphrase,
            pkcs12_password: passphrase,
        };
        f(&inputs, &options)
    }

    /// The certificate box's text as given, for the before/after view.
    fn certificate_text(&self) -> String {
        let box_ = &self.certificates;
        material_routing::certificate_text_as_given(
            std::iter::once((PASTED, box_.pasted.as_bytes())).chain(
                box_.files
                    .iter()
                    .map(|f| (f.name.as_str(), f.bytes.as_slice())),
            ),
        )
    }
}

/// The credentials typed in. Memory only.
#[derive(Clone)]
pub struct Credentials {
    /// Passphrase of an encrypted key, and password of a PKCS#12 file.
    pub passphrase: String,
    /// Access key ID.
    pub access_key_id: String,
    /// Access key secret: consumed by the signer, never rendered back.
    pub secret: String,
    /// The environment variable the generated command reads a token from.
    pub token_env: String,
    /// The account ID for Huawei AK/SK on account-level services.
    pub domain_id: String,
}

impl Default for Credentials {
    fn default() -> Self {
        Self {
            passphrase: String::new(),
            access_key_id: String::new(),
            secret: String::new(),
            token_env: "HUAWEI_TOKEN".to_owned(),
            domain_id: String::new(),
        }
    }
}

/// One credential input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credential {
    /// The passphrase (the material is analysed again).
    Passphrase,
    /// The access key ID.
    AccessKeyId,
    /// The access key secret.
    Secret,
    /// The token variable's name.
    TokenEnv,
    /// The account ID.
    DomainId,
}

/// What the core computed from the rest.
#[derive(Clone)]
pub struct Derived {
    /// The analysis of the three boxes.
    pub analysis: Shared<Analysis>,
    /// The target's rules on it, with the fields.
    pub preparation: Shared<Preparation>,
    /// What to paste into each field of the target's console, from the same preparation.
    pub console: Shared<ConsoleSheet>,
    /// The certificate text as given, for the before/after view (shared, not copied, when the
    /// state is cloned).
    pub before: AttrValue,
    /// The last generated request, cleared by any change.
    pub generated: Option<Shared<Generated>>,
    /// The last fix applied, for the before/after view.
    pub applied: Option<Applied>,
    /// The validation time of the last analysis.
    pub now: Timestamp,
}

/// Material waiting to be analysed in slices: typing is not blocked by an analysis per keystroke;
/// the page analyses (large material once the input settles), and says so meanwhile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pending {
    /// The material's size in bytes.
    pub size: usize,
    /// Which change left it pending (the page's debounce key, and the job a slice belongs to).
    pub generation: u64,
    /// How far its analysis has got, once the job has started.
    pub progress: Option<Progress>,
    /// Whether the analysis waits for the input to settle: large material changed by typing (a
    /// paste, a drop or a removal is analysed at once).
    pub settle: bool,
}

/// What the page holds. Cloned for every action: the material (the only large part) is shared
/// until an action changes it.
///
/// No `PartialEq`: `use_reducer` renders again whenever the reducer returns a new state, and the
/// reducer returns the same `Rc` for an action that changes nothing (a stale job's news, a fix or
/// a request asked for while an analysis is pending).
#[derive(Clone)]
pub struct State {
    /// The target, region, scheme and fields.
    pub form: Form,
    /// The three boxes.
    pub materials: Rc<Materials>,
    /// The credentials.
    pub credentials: Credentials,
    /// The analysis, the target's checks, the request and the last fix.
    pub derived: Derived,
    /// The analysis waiting on large material, if any.
    pub pending: Option<Pending>,
    /// The language the page is shown in (never stored: the browser's choice at each load).
    pub lang: Lang,
    /// The last generation handed out to pending material.
    generations: u64,
    /// The material's size when it was last analysed or left pending (what typing changes little).
    last_size: usize,
}

/// Above this many bytes of material, the analysis of a change made by typing waits for the input
/// to settle.
pub const LARGE_INPUT: usize = 256 * 1024;

/// A change of the material by at most this many bytes is typing; a larger one (a paste, a drop, a
/// removal) is analysed without waiting for the input to settle.
const TYPING: usize = 1024;

/// Above this many bytes of material, the analysis runs in slices rather than in the event that
/// changed it: 300 Ed25519 certificates sharing one name (180 KB) took 0.3 s in one go
/// (bench/browser/mainthread.mjs); the 3-certificate chain (4.4 KB) is analysed at once.
pub const SLICED_INPUT: usize = 16 * 1024;

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
    /// A credential changed.
    SetCredential(Credential, String),
    /// Apply a one-click fix.
    Apply(Fix),
    /// Build and sign the request at this time with this nonce.
    Generate {
        /// The browser clock.
        now: Timestamp,
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
        now: Timestamp,
    },
    /// Show the page in this language (everything typed is kept).
    SetLang(Lang),
    /// Start again.
    Clear,
}

impl Default for State {
    fn default() -> Self {
        Self::new(ProviderId::default(), Timestamp::UNIX_EPOCH)
    }
}

impl State {
    /// An empty page for `target`, validating at `now`.
    pub fn new(target: ProviderId, now: Timestamp) -> Self {
        // No material yet: its analysis is computed once, and the target's rules run once on it.
        let empty = Shared(Rc::new(analysis::analyze_with(&[], &Options::default())));
        let mut state = Self {
            form: Form::new(target),
            materials: Rc::default(),
            credentials: Credentials::default(),
            derived: Derived {
                analysis: empty.clone(),
                // Replaced by take_analysis below, with the target's rules run on the empty material.
                preparation: Shared(Rc::new(Preparation::empty(target))),
                console: Shared(Rc::default()),
                before: AttrValue::default(),
                generated: None,
                applied: None,
                now,
            },
            pending: None,
            lang: Lang::default(),
            generations: 0,
            last_size: 0,
        };
        state.take_analysis(empty);
        state
    }

    /// The same page shown in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Whether the user has given any material yet.
    pub fn has_material(&self) -> bool {
        !self.materials.is_empty()
    }

    /// A job analysing the material as it is now, at `now`, to run in slices.
    pub fn job(&self, now: Timestamp) -> Job {
        self.materials
            .with_inputs(&self.credentials.passphrase, now, Job::new)
    }

    fn materials(&mut self) -> &mut Materials {
        Rc::make_mut(&mut self.materials)
    }

    /// Analyses now, or, for material above [`SLICED_INPUT`], marks the analysis pending: the page
    /// starts a job (once the input settles, for large material changed by typing) and runs it in
    /// slices, showing its progress ([`State::job`]).
    fn analyse_or_defer(&mut self) {
        let size = self.materials.size();
        let typed = size.abs_diff(self.last_size) <= TYPING;
        self.last_size = size;
        if size > SLICED_INPUT {
            self.generations += 1;
            self.pending = Some(Pending {
                size,
                generation: self.generations,
                progress: None,
                settle: size > LARGE_INPUT && typed,
            });
            self.derived.generated = None;
        } else {
            let analysis = self.materials.with_inputs(
                &self.credentials.passphrase,
                self.derived.now,
                analysis::analyze_with,
            );
            self.take_analysis(Shared(Rc::new(analysis)));
        }
    }

    /// Shows `analysis` of the material as it is, and runs the target's rules on it.
    fn take_analysis(&mut self, analysis: Shared<Analysis>) {
        self.pending = None;
        self.derived.before = self.materials.certificate_text().into();
        self.derived.analysis = analysis;
        self.prepare();
    }

    /// Re-runs the target's rules (fields changed, not the material).
    fn prepare(&mut self) {
        let derived = &mut self.derived;
        let fields = self.form.for_core();
        derived.preparation = Shared(Rc::new(providers::prepare(
            self.form.target,
            Mode::Request,
            &derived.analysis,
            &derived.before,
            &fields,
        )));
        derived.console = Shared(Rc::new(providers::console::console_sheet(
            &derived.preparation,
            &fields,
        )));
        derived.generated = None;
    }

    fn apply(&mut self, fix: Fix) {
        let derived = &self.derived;
        let Some((applied, rewrite)) = fix_choice::apply(
            fix,
            &derived.analysis,
            &derived.preparation,
            &derived.before,
        ) else {
            return;
        };
        match rewrite {
            Rewrite::Certificates { pem, keep_files } => {
                let certificates = &mut self.materials().certificates;
                certificates.files.retain(|f| keep_files.contains(&f.name));
                certificates.pasted = pem;
            }
            Rewrite::Key { pem } => {
                let key = &mut self.materials().key;
                key.files.clear();
                key.pasted = pem;
                self.credentials.passphrase.clear();
            }
        }
        self.derived.applied = Some(applied);
        self.analyse_or_defer();
    }

    fn generate(&mut self, now: Timestamp, nonce: &str) {
        let credentials = &self.credentials;
        let auth = auth::build(
            self.form.auth,
            auth::Given {
                access_key_id: &credentials.access_key_id,
                secret: Secret::new(credentials.secret.clone()),
                token_env: &credentials.token_env,
                domain_id: &credentials.domain_id,
            },
        );
        let derived = &self.derived;
        let outcome = request::build(
            self.form.target,
            &derived.analysis,
            &derived.before,
            &self.form.for_core(),
            &auth,
            now,
            nonce,
        );
        self.derived.generated = Some(Shared(Rc::new(Generated { outcome, at: now })));
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A job's news about material that has changed since is dropped: a newer job is coming.
        if let Action::Progress(generation, _) | Action::Analysed { generation, .. } = &action
            && self.pending.is_none_or(|p| p.generation != *generation)
        {
            return self;
        }
        // Fixes rewrite the material from its analysis, which is stale while one is pending; and
        // a request built then would carry the old certificate.
        if matches!(action, Action::Apply(_) | Action::Generate { .. }) && self.pending.is_some() {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTarget(target) => {
                let spec = target.spec();
                let form = &mut next.form;
                form.target = target;
                if spec.region(&form.region).is_none() {
                    form.region = spec.default_region.to_owned();
                }
                if !spec.schemes.contains(&form.auth) {
                    form.auth = spec.schemes[0];
                }
                form.fields.clear();
                form.numbered_rows = vec![1; spec.numbered.len()];
                next.prepare();
            }
            Action::SetRegion(region) => {
                next.form.region = region.trim().to_owned();
                next.prepare();
            }
            Action::SetAuth(scheme) => {
                next.form.auth = scheme;
                next.derived.generated = None;
            }
            Action::SetField(name, value) => {
                let fields = &mut next.form.fields;
                match fields.iter_mut().find(|(n, _)| *n == name) {
                    Some(entry) => entry.1 = value,
                    None => fields.push((name, value)),
                }
                next.prepare();
            }
            Action::AddRow(family) => {
                let form = &mut next.form;
                let max = form
                    .target
                    .spec()
                    .numbered
                    .get(family)
                    .map_or(0, |f| f.max as usize);
                if let Some(rows) = form.numbered_rows.get_mut(family) {
                    *rows = (*rows + 1).min(max);
                }
            }
            Action::Paste(slot, text) => {
                let materials = next.materials();
                materials.get_mut(slot).pasted = text;
                if slot == Slot::Certificates {
                    materials.route_pasted();
                }
                next.analyse_or_defer();
            }
            Action::AddFiles(slot, files) => {
                let materials = next.materials();
                for file in files {
                    match file {
                        Ok(file) => materials.add_file(slot, file),
                        Err(name) => materials.unreadable.push(name),
                    }
                }
                next.analyse_or_defer();
            }
            Action::RemoveFile(slot, index) => {
                let material = next.materials().get_mut(slot);
                if index < material.files.len() {
                    material.files.remove(index);
                }
                next.analyse_or_defer();
            }
            Action::SetCredential(which, value) => {
                let credentials = &mut next.credentials;
                match which {
                    Credential::Passphrase => credentials.passphrase = value,
                    Credential::AccessKeyId => credentials.access_key_id = value,
                    Credential::Secret => credentials.secret = value,
                    Credential::TokenEnv => credentials.token_env = value,
                    Credential::DomainId => credentials.domain_id = value,
                }
                if which == Credential::Passphrase {
                    next.analyse_or_defer();
                } else {
                    next.derived.generated = None;
                }
            }
            Action::Apply(fix) => next.apply(fix),
            Action::Generate { now, nonce } => next.generate(now, &nonce),
            Action::Progress(_, progress) => {
                if let Some(pending) = &mut next.pending {
                    pending.progress = Some(progress);
                }
            }
            Action::Analysed { analysis, now, .. } => {
                next.derived.now = now;
                next.take_analysis(analysis);
            }
            Action::Clear => {
                // Generations keep counting: a job of the material cleared is never taken.
                let generations = next.generations;
                let lang = next.lang;
                next = Self::new(next.form.target, next.derived.now);
                next.generations = generations;
                next.lang = lang;
            }
        }
        Rc::new(next)
    }
}
