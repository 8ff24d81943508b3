//! The page's state and its reducer, in five parts: the form (target, region, scheme, fields), the
//! material in its three boxes, the credentials, what the page's Worker made of them (the view,
//! the last request, the last fix) and the analysis pending in the Worker. The reducer computes
//! nothing about certificates: each change goes to the Worker as a message (`page_worker`), and
//! its answers come back as actions; the page shows the answer to its latest material and drops
//! the rest. Nothing here is ever written to storage or to the URL; secrets live in memory only
//! (and cross to the Worker only in the message that needs them), and these types have no `Debug`
//! so that they cannot be printed by accident.

use super::browser::{self, LoadedFile, PageWorker};
use super::worker::Driver;
use crate::analysis::job::Progress;
pub use crate::fix_choice::{Applied, Fix};
use crate::lang::{Lang, Text};
use crate::material_routing::{self, Moved};
pub use crate::material_routing::{PASTED, Slot};
use crate::page_view::{List, RequestView, View};
use crate::page_worker::{Boxes, FromWorker, ToWorker};
use crate::providers::{Fields, ProviderId};
use crate::signing::Scheme;
use crate::time::Timestamp;
use std::rc::Rc;
use yew::Reducible;

/// One box: pasted text (kept exactly as typed) and files.
pub use crate::page_worker::Material;

/// A value shared by pointer: equal when it is the same computation.
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
    /// The boxes.
    pub boxes: Boxes,
    /// Names of files the browser could not read.
    pub unreadable: Vec<String>,
    /// Notes about blocks moved between boxes.
    pub notes: Vec<Text>,
}

impl Materials {
    /// One box.
    pub fn get(&self, slot: Slot) -> &Material {
        self.boxes.get(slot)
    }

    /// Whether the user has given any material yet.
    pub fn is_empty(&self) -> bool {
        self.boxes.is_empty()
    }

    /// Takes the Worker's routing of what was given to the certificate box (pasted text, files),
    /// with a note per move.
    fn take_routed(&mut self, routed: &material_routing::Routed) {
        for &(at, to) in &routed.files {
            let Some(name) = self.boxes.certificates.files.get(at).map(|f| &f.name) else {
                continue;
            };
            match to {
                Slot::Key => self.notes.push(tr!(
                    "{name} holds a private key; it was moved to the private key box.",
                    "{name} 中是私钥；已移到私钥框。"
                )),
                Slot::Csr => self.notes.push(tr!(
                    "{name} is a certificate request; it was moved to the CSR box.",
                    "{name} 是证书请求；已移到证书请求框。"
                )),
                Slot::Certificates => {}
            }
        }
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
                    "The pasted text was mangled (JSON, escapes, one line, quote marks, full-width characters …): the boxes hold the PEM recovered from it.",
                    "粘贴的文本被改动过（JSON、转义、写成一行、引用符号、全角字符…）：输入框中是从中恢复的 PEM。"
                ),
            });
        }
        self.boxes.take_routed(routed);
    }

    /// Adds a file to `slot`. One given to the certificate box may belong in another: the Worker
    /// reads it and says so (`Routed::files`), which moves it (see `take_routed`).
    fn add_file(&mut self, slot: Slot, file: LoadedFile) {
        self.boxes.get_mut(slot).files.push(file);
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

/// What the page's Worker made of the rest.
#[derive(Clone)]
pub struct Derived {
    /// The analysis and the target's checks, as shown.
    pub view: Shared<View>,
    /// Whether the material the view answers held anything. The results follow the answers, not
    /// the boxes: a paste into empty boxes does not first show the results of nothing (a render
    /// and a layout before the answer, a few milliseconds later, renders and lays them out again).
    pub has_material: bool,
    /// The last generated request, cleared by any change.
    pub generated: Option<Shared<RequestView>>,
    /// The last fix applied, for the before/after view.
    pub applied: Option<Applied>,
}

/// Material the Worker is analysing, shown as pending: material above [`SHOWN_PENDING`], or any
/// once the Worker reports progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pending {
    /// The material's size in bytes.
    pub size: usize,
    /// The generation of the message that sent it (the debounce key too).
    pub generation: u64,
    /// How far its analysis has got, once the Worker reports it.
    pub progress: Option<Progress>,
    /// Whether the message waits for the input to settle: large material changed by typing (a
    /// paste, a drop or a removal is sent at once).
    pub settle: bool,
}

/// Where the page's messages go: its Worker, or, when the browser could not start one, the same
/// driver of the core run in the page.
#[derive(Clone)]
pub enum Link {
    /// The Worker (messages as postcard bytes).
    Worker(Rc<PageWorker>),
    /// The page itself (messages as values).
    InPage(Rc<Driver>),
}

impl Link {
    fn send(&self, message: ToWorker) {
        match self {
            Self::Worker(worker) => worker.post(&message.encode()),
            Self::InPage(driver) => driver.receive(message),
        }
    }
}

/// The messages the page sends its Worker, and what it expects back.
#[derive(Clone, Default)]
struct Channel {
    /// The Worker, once started.
    link: Option<Link>,
    /// The last generation handed out.
    generations: u64,
    /// The generation of the last material sent: older answers are dropped.
    material: u64,
    /// The generation of the request asked for, until it comes or a change makes it moot.
    request: Option<u64>,
    /// Text was pasted, or files given, to the certificate box and the Worker has not routed them yet.
    route_due: bool,
    /// The material was not sent (no Worker yet, or waiting for the input to settle).
    unsent: bool,
}

impl Channel {
    fn next(&mut self) -> u64 {
        self.generations += 1;
        self.generations
    }

    fn post(&self, message: ToWorker) {
        if let Some(link) = &self.link {
            link.send(message);
        }
    }
}

/// What the page holds. Cloned for every action: the material (the only large part) is shared
/// until an action changes it.
///
/// No `PartialEq`: `use_reducer` renders again whenever the reducer returns a new state, and the
/// reducer returns the same `Rc` for an action that changes nothing (a stale answer of the Worker).
#[derive(Clone)]
pub struct State {
    /// The target, region, scheme and fields.
    pub form: Form,
    /// The three boxes.
    pub materials: Rc<Materials>,
    /// The credentials.
    pub credentials: Credentials,
    /// The view, the request and the last fix.
    pub derived: Derived,
    /// The analysis the page waits for, if it shows one.
    pub pending: Option<Pending>,
    /// The language the page is shown in (never stored: the browser's choice at each load).
    pub lang: Lang,
    /// The Worker stopped (a trap): the page says so, and it stays stopped until the page is
    /// reloaded (a new Worker would fetch its script again: a request after the page has loaded).
    pub failed: bool,
    /// The messages to the Worker.
    channel: Channel,
    /// The material's size when it was last sent (what typing changes little).
    last_size: usize,
}

/// Above this many bytes of material, the analysis of a change made by typing waits for the input
/// to settle.
pub const LARGE_INPUT: usize = 256 * 1024;

/// Above this many bytes, pasted text stays in its paste area hidden behind a line saying how much
/// was pasted (`InputPanel`): Chromium lays out the text of a visible text area in the paste's own
/// task, about 30 ms for 64 KiB, 60 ms for 128 KiB and 80–100 ms for 180 KiB on this project's
/// machines (the 300 same-name Ed25519 certificates, 0.18 MB, held the page 130–180 ms after
/// their paste with no task of the app's own over 50 ms; bench/README.md, "Issue 16").
pub const HIDDEN_TEXT: usize = 64 * 1024;

/// A change of the material by at most this many bytes is typing; a larger one (a paste, a drop, a
/// removal) is analysed without waiting for the input to settle.
const TYPING: usize = 1024;

/// Above this many bytes of material, the page shows the analysis as pending (with its progress)
/// until the Worker answers; below it the last results stay until the answer replaces them a few
/// milliseconds later (the 3-certificate chain is 4.4 KB), which spares a flash of the progress.
pub const SHOWN_PENDING: usize = 16 * 1024;

/// What can happen to the state.
#[derive(Clone)]
pub enum Action {
    /// The Worker started (or the page runs the core itself): the page sends it everything.
    Connected(Link),
    /// The Worker answered.
    Answer(Shared<FromWorker>),
    /// The Worker stopped.
    WorkerFailed,
    /// The input settled: send the pending material of this generation.
    Settled(u64),
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
    /// A box's text changed (shared with the text area that read it, which knows it holds it).
    Paste(Slot, Rc<str>),
    /// Files were picked or dropped into a box (or could not be read).
    AddFiles(Slot, Vec<Result<LoadedFile, String>>),
    /// Remove one file from a box.
    RemoveFile(Slot, usize),
    /// A credential changed.
    SetCredential(Credential, String),
    /// Apply a one-click fix.
    Apply(Fix),
    /// Show one long list of the view whole (the Worker sends its first items until asked).
    ShowAll(List),
    /// Build and sign the request at this time with this nonce.
    Generate {
        /// The browser clock.
        now: Timestamp,
        /// From `crypto.getRandomValues`.
        nonce: String,
    },
    /// Show the page in this language (everything typed is kept).
    SetLang(Lang),
    /// Start again.
    Clear,
}

impl Default for State {
    fn default() -> Self {
        Self::new(ProviderId::default())
    }
}

impl State {
    /// An empty page for `target`.
    pub fn new(target: ProviderId) -> Self {
        Self {
            form: Form::new(target),
            materials: Rc::default(),
            credentials: Credentials::default(),
            derived: Derived {
                view: Shared(Rc::new(View::default())),
                has_material: false,
                generated: None,
                applied: None,
            },
            pending: None,
            lang: Lang::default(),
            failed: false,
            channel: Channel::default(),
            last_size: 0,
        }
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

    /// Whether the page waits for an analysis it shows as pending.
    pub fn analysing(&self) -> bool {
        self.pending.is_some()
    }

    fn materials(&mut self) -> &mut Materials {
        Rc::make_mut(&mut self.materials)
    }

    /// The material changed: sends it to the Worker, or, for large material changed by typing,
    /// marks it pending until the input settles ([`Action::Settled`]).
    fn material_changed(&mut self) {
        let size = self.materials.boxes.size();
        let typed = size.abs_diff(self.last_size) <= TYPING;
        self.last_size = size;
        self.derived.generated = None;
        self.channel.request = None;
        let generation = self.channel.next();
        self.channel.material = generation;
        let settle = size > LARGE_INPUT && typed;
        self.pending = (size > SHOWN_PENDING).then_some(Pending {
            size,
            generation,
            progress: None,
            settle,
        });
        if settle {
            self.channel.unsent = true;
        } else {
            self.send_material(generation);
        }
    }

    /// Sends all the material, the passphrase and the form to the Worker.
    fn send_material(&mut self, generation: u64) {
        if self.channel.link.is_none() {
            self.channel.unsent = true;
            return;
        }
        self.channel.unsent = false;
        self.channel.post(ToWorker::Analyse {
            generation,
            boxes: self.materials.boxes.clone(),
            passphrase: self.credentials.passphrase.clone(),
            now: browser::now(),
            route: self.channel.route_due,
            target: self.form.target,
            fields: self.form.for_core(),
        });
    }

    /// The target or its fields changed: the Worker checks the same analysis again.
    fn form_changed(&mut self) {
        self.derived.generated = None;
        self.channel.request = None;
        let generation = self.channel.next();
        self.channel.post(ToWorker::Prepare {
            generation,
            target: self.form.target,
            fields: self.form.for_core(),
        });
    }

    fn generate(&mut self, now: Timestamp, nonce: String) {
        let generation = self.channel.next();
        self.channel.request = Some(generation);
        let credentials = &self.credentials;
        self.channel.post(ToWorker::Generate {
            generation,
            scheme: self.form.auth,
            credentials: crate::page_worker::Credentials {
                access_key_id: credentials.access_key_id.clone(),
                secret: credentials.secret.clone(),
                token_env: credentials.token_env.clone(),
                domain_id: credentials.domain_id.clone(),
            },
            now,
            nonce,
        });
    }

    fn apply(&mut self, fix: Fix) {
        let generation = self.channel.next();
        self.channel.material = generation;
        self.derived.generated = None;
        self.channel.request = None;
        let size = self.materials.boxes.size();
        self.pending = (size > SHOWN_PENDING).then_some(Pending {
            size,
            generation,
            progress: None,
            settle: false,
        });
        self.channel.post(ToWorker::Apply { generation, fix });
    }

    /// Takes the Worker's answer, unless newer material has been sent since its message.
    fn answer(&mut self, answer: FromWorker) -> bool {
        match answer {
            FromWorker::Ready => false,
            FromWorker::Progress {
                generation,
                progress,
            } => match &mut self.pending {
                Some(pending) if pending.generation == generation => {
                    pending.progress = Some(progress);
                    true
                }
                _ => false,
            },
            FromWorker::Shown {
                generation,
                view,
                routed,
                applied,
            } => {
                if generation < self.channel.material || self.channel.unsent {
                    return false;
                }
                self.pending = None;
                self.channel.route_due = false;
                self.derived.view = Shared(Rc::new(*view));
                if let Some(routed) = routed {
                    self.materials().take_routed(&routed);
                    self.last_size = self.materials.boxes.size();
                }
                if let Some((applied, rewrite)) = applied.map(|applied| *applied) {
                    self.materials().boxes.rewrite(&rewrite);
                    if matches!(rewrite, crate::fix_choice::Rewrite::Key { .. }) {
                        self.credentials.passphrase.clear();
                    }
                    self.derived.applied = Some(applied);
                    self.last_size = self.materials.boxes.size();
                }
                self.derived.has_material = self.has_material();
                true
            }
            FromWorker::Generated {
                generation,
                request,
            } => {
                if self.channel.request != Some(generation) {
                    return false;
                }
                self.channel.request = None;
                self.derived.generated = Some(Shared(Rc::new(*request)));
                true
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Connected(link) => {
                next.failed = false;
                next.channel.link = Some(link);
                // Everything, as a Worker started afresh knows nothing.
                let generation = next.channel.next();
                next.channel.material = generation;
                if let Some(pending) = &mut next.pending {
                    pending.generation = generation;
                    pending.settle = false;
                }
                next.send_material(generation);
            }
            Action::Answer(answer) => {
                let answer = Rc::try_unwrap(answer.0).unwrap_or_else(|shared| (*shared).clone());
                if !next.answer(answer) {
                    return self;
                }
            }
            Action::WorkerFailed => {
                next.failed = true;
                next.pending = None;
                next.channel.link = None;
            }
            Action::Settled(generation) => {
                if next
                    .pending
                    .is_none_or(|p| p.generation != generation || !p.settle)
                {
                    return self;
                }
                next.send_material(generation);
            }
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
                next.form_changed();
            }
            Action::SetRegion(region) => {
                next.form.region = region.trim().to_owned();
                next.form_changed();
            }
            Action::SetAuth(scheme) => {
                next.form.auth = scheme;
                next.derived.generated = None;
                next.channel.request = None;
            }
            Action::SetField(name, value) => {
                let fields = &mut next.form.fields;
                match fields.iter_mut().find(|(n, _)| *n == name) {
                    Some(entry) => entry.1 = value,
                    None => fields.push((name, value)),
                }
                next.form_changed();
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
                next.materials().boxes.get_mut(slot).pasted = text;
                if slot == Slot::Certificates {
                    next.channel.route_due = true;
                }
                next.material_changed();
            }
            Action::AddFiles(slot, files) => {
                let materials = next.materials();
                for file in files {
                    match file {
                        Ok(file) => materials.add_file(slot, file),
                        Err(name) => materials.unreadable.push(name),
                    }
                }
                if slot == Slot::Certificates {
                    next.channel.route_due = true;
                }
                next.material_changed();
            }
            Action::RemoveFile(slot, index) => {
                let material = next.materials().boxes.get_mut(slot);
                if index < material.files.len() {
                    material.files.remove(index);
                }
                next.material_changed();
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
                    next.material_changed();
                } else {
                    next.derived.generated = None;
                    next.channel.request = None;
                }
            }
            Action::Apply(fix) => next.apply(fix),
            Action::ShowAll(list) => {
                let generation = next.channel.next();
                next.channel.post(ToWorker::ShowAll { generation, list });
            }
            Action::Generate { now, nonce } => next.generate(now, nonce),
            Action::Clear => {
                let channel = next.channel.clone();
                let (lang, failed) = (next.lang, next.failed);
                next = Self::new(next.form.target);
                next.channel = channel;
                next.channel.route_due = false;
                // A Worker that stopped stays stopped: the banner stays until the page is reloaded.
                next.lang = lang;
                next.failed = failed;
                next.material_changed();
            }
        }
        Rc::new(next)
    }
}
