//! The page's Worker as a state machine: the messages the page's main thread sends it
//! ([`ToWorker`]) and the answers it gets ([`FromWorker`]), both serde values, and what the Worker
//! keeps between them — the material as the page last sent it, the decoded [`Analysis`], the
//! target's preparation — so that fixes and requests are asked of it by message. Pure: the browser
//! glue (`ui::worker`) only moves the messages and runs the analysis' job in slices, reporting its
//! progress. Every answer carries the generation of the message it answers; the page shows the
//! answers to its latest material and drops the rest.
//!
//! The messages cross as postcard bytes ([`encode`], [`decode`]): compact, and only the code the
//! format needs (a self-describing format such as JSON instantiates field-name matching for every
//! type both ways; in the page's module that cost 38.6 KB brotli against 16 KB for this one).
//!
//! Secrets (a passphrase, an access key secret) arrive only in the message that needs them; the
//! passphrase is kept with the material it opens (a later fix or target change analyses again), the
//! access key secret only while a request is signed.

use crate::analysis::job::{Job, Progress, Step};
use crate::analysis::{self, Analysis, Input, Options, Role};
use crate::auth;
use crate::fix_choice::{self, Applied, Fix, Rewrite};
use crate::material_routing::{self, PASTED, Routed, Slot};
use crate::page_view::{List, RequestView, View, Whole};
use crate::providers::{self, Fields, Mode, Preparation, ProviderId};
use crate::request;
use crate::signing::{Scheme, Secret};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A message's bytes.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serializing these types cannot fail: no map with non-string keys, no unknown length.
    postcard::to_allocvec(message).unwrap_or_default()
}

/// A message read from its bytes; `None` for bytes that are not one.
pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// A file in a box: its name and its bytes.
#[derive(Clone, Default, Eq, Serialize, Deserialize)]
pub struct File {
    /// The file's name.
    pub name: String,
    /// Its bytes: shared, so that the page's state and its message to the Worker cost a pointer,
    /// not a copy (a file may be 32 MiB), and written into a message in one piece, not byte by
    /// byte as serde writes a `Vec<u8>` (`shared_bytes`).
    #[serde(with = "shared_bytes")]
    pub bytes: Rc<Vec<u8>>,
    /// Its size when `bytes` are only its beginning: a file past the ceiling of an input, of
    /// which the page reads no more than tells text from binary (`analysis::Input::size`).
    pub size: Option<u64>,
}

impl File {
    /// A file called `name` holding `bytes`.
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            name: name.into(),
            bytes: Rc::new(bytes),
            size: None,
        }
    }

    /// Only the beginning of a file of `size` bytes, past the ceiling of an input.
    pub fn beginning(name: impl Into<String>, head: Vec<u8>, size: u64) -> Self {
        Self {
            size: Some(size),
            ..Self::new(name, head)
        }
    }
}

impl PartialEq for File {
    /// Equal by pointer first: the page compares its state at each render.
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.size == other.size
            && (Rc::ptr_eq(&self.bytes, &other.bytes) || self.bytes == other.bytes)
    }
}

/// A file's bytes in a message: serde's bytes (postcard writes their length, then them in one
/// copy), read back into a new buffer.
mod shared_bytes {
    use serde::{Deserializer, Serializer, de};
    use std::rc::Rc;

    pub(super) fn serialize<S: Serializer>(
        bytes: &Rc<Vec<u8>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Rc<Vec<u8>>, D::Error> {
        struct Bytes;
        impl de::Visitor<'_> for Bytes {
            type Value = Rc<Vec<u8>>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a file's bytes")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
                Ok(Rc::new(bytes.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Self::Value, E> {
                Ok(Rc::new(bytes))
            }
        }
        deserializer.deserialize_byte_buf(Bytes)
    }
}

/// One box: pasted text (as typed) and files.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    /// The text area's content: shared, so that the page's copies of 2 MiB of text (its state, the
    /// text area's property, the message) cost a pointer, and compare equal by pointer.
    pub pasted: Rc<str>,
    /// Files picked or dropped, in the order they arrived.
    pub files: Vec<File>,
}

impl Material {
    /// Its size in bytes.
    pub fn size(&self) -> usize {
        self.pasted.len() + self.files.iter().map(|f| f.bytes.len()).sum::<usize>()
    }

    /// Whether it holds nothing but white space.
    pub fn is_empty(&self) -> bool {
        self.pasted.trim().is_empty() && self.files.is_empty()
    }
}

/// The three boxes.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boxes {
    /// The certificate box.
    pub certificates: Material,
    /// The key box.
    pub key: Material,
    /// The CSR box.
    pub csr: Material,
}

impl Boxes {
    /// One box.
    pub fn get(&self, slot: Slot) -> &Material {
        match slot {
            Slot::Certificates => &self.certificates,
            Slot::Key => &self.key,
            Slot::Csr => &self.csr,
        }
    }

    /// One box, to change.
    pub fn get_mut(&mut self, slot: Slot) -> &mut Material {
        match slot {
            Slot::Certificates => &mut self.certificates,
            Slot::Key => &mut self.key,
            Slot::Csr => &mut self.csr,
        }
    }

    /// The material's size in bytes.
    pub fn size(&self) -> usize {
        Slot::ALL.iter().map(|&slot| self.get(slot).size()).sum()
    }

    /// Whether the user has given any material.
    pub fn is_empty(&self) -> bool {
        Slot::ALL.iter().all(|&slot| self.get(slot).is_empty())
    }

    /// Applies a fix's rewrite of the material.
    pub fn rewrite(&mut self, rewrite: &Rewrite) {
        match rewrite {
            Rewrite::Certificates { pem, keep_files } => {
                let certificates = &mut self.certificates;
                certificates.files.retain(|f| keep_files.contains(&f.name));
                certificates.pasted = Rc::from(pem.as_str());
            }
            Rewrite::Key { pem } => {
                self.key.files.clear();
                self.key.pasted = Rc::from(pem.as_str());
            }
        }
    }

    /// Takes the boxes' text after routing a paste into the certificate box.
    pub fn take_routed(&mut self, routed: &Routed) {
        self.certificates.pasted = Rc::from(routed.certificates.as_str());
        self.key.pasted = Rc::from(routed.key.as_str());
        self.csr.pasted = Rc::from(routed.csr.as_str());
        // The certificate box's files that belong elsewhere, taken out last first (the places are
        // those before any moved), then added to their boxes in their order.
        let mut moving = Vec::with_capacity(routed.files.len());
        for &(at, to) in routed.files.iter().rev() {
            if at < self.certificates.files.len() {
                moving.push((self.certificates.files.remove(at), to));
            }
        }
        for (file, to) in moving.into_iter().rev() {
            self.get_mut(to).files.push(file);
        }
    }

    /// Routes what was given to the certificate box: key and request blocks of its pasted text to
    /// their boxes' text, and its files that hold only keys or only requests to their boxes
    /// (`material_routing`). Done here, in the Worker: it reads the whole text and every file.
    fn route(&self) -> Routed {
        let mut routed = material_routing::route_pasted(
            &self.certificates.pasted,
            &self.key.pasted,
            &self.csr.pasted,
        );
        routed.files = self
            .certificates
            .files
            .iter()
            .enumerate()
            // A file read only in part (past the ceiling of an input) stays: it is not read.
            .filter(|(_, file)| file.size.is_none())
            .map(|(at, file)| (at, material_routing::box_for_file(&file.bytes)))
            .filter(|&(_, to)| to != Slot::Certificates)
            .collect();
        routed
    }

    /// A job analysing the boxes with `passphrase` at `now`.
    fn job(&self, passphrase: &str, now: Timestamp) -> Job {
        let mut inputs = Vec::new();
        for slot in Slot::ALL {
            let material = self.get(slot);
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
                    size: None,
                });
            }
            for file in &material.files {
                inputs.push(Input {
                    name: &file.name,
                    bytes: &file.bytes,
                    role,
                    size: file
                        .size
                        .map(|size| usize::try_from(size).unwrap_or(usize::MAX)),
                });
            }
        }
        let passphrase = (!passphrase.is_empty()).then_some(passphrase);
        Job::new(
            &inputs,
            &Options {
                now,
                passphrase,
                pkcs12_password: passphrase,
            },
        )
    }

    /// The certificate box's text as given, for the before/after view.
    fn certificate_text(&self) -> String {
        let certificates = &self.certificates;
        material_routing::certificate_text_as_given(
            std::iter::once((PASTED, certificates.pasted.as_bytes())).chain(
                certificates
                    .files
                    .iter()
                    .map(|f| (f.name.as_str(), f.bytes.as_slice())),
            ),
        )
    }
}

/// The credentials a request is signed with (the secret only in this message).
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Credentials {
    /// The access key ID.
    pub access_key_id: String,
    /// The access key secret.
    pub secret: String,
    /// The environment variable the generated command reads a token from.
    pub token_env: String,
    /// The account ID for Huawei AK/SK on account-level services.
    pub domain_id: String,
}

/// What the page's main thread asks of its Worker. No `Debug`: it may hold secrets.
#[derive(Clone, Serialize, Deserialize)]
pub enum ToWorker {
    /// Analyse this material (all of it: a Worker started afresh knows nothing) for this target.
    Analyse {
        /// The message's generation.
        generation: u64,
        /// The three boxes.
        boxes: Boxes,
        /// The passphrase of an encrypted key, or PKCS#12 password; empty for none.
        passphrase: String,
        /// The validation time.
        now: Timestamp,
        /// Whether text was pasted, or files given, to the certificate box since the page last
        /// took a routing: key and request blocks in its text move to their boxes, mangled text is
        /// recovered, and its files that hold only keys or only requests move to their boxes.
        route: bool,
        /// The target.
        target: ProviderId,
        /// Its fields and region.
        fields: Fields,
    },
    /// The target or its fields changed: check the same analysis again.
    Prepare {
        /// The message's generation.
        generation: u64,
        /// The target.
        target: ProviderId,
        /// Its fields and region.
        fields: Fields,
    },
    /// Apply a one-click fix to the material, and analyse the result.
    Apply {
        /// The message's generation.
        generation: u64,
        /// The fix.
        fix: Fix,
    },
    /// Show one long list of the view whole (the view carries the first items of each until asked).
    ShowAll {
        /// The message's generation.
        generation: u64,
        /// The list.
        list: List,
    },
    /// Build and sign the request.
    Generate {
        /// The message's generation.
        generation: u64,
        /// The signing scheme.
        scheme: Scheme,
        /// The credentials.
        credentials: Credentials,
        /// The signing time (the browser clock).
        now: Timestamp,
        /// A fresh nonce (from `crypto.getRandomValues`).
        nonce: String,
    },
}

impl ToWorker {
    /// The message's generation.
    pub fn generation(&self) -> u64 {
        match self {
            Self::Analyse { generation, .. }
            | Self::Prepare { generation, .. }
            | Self::Apply { generation, .. }
            | Self::ShowAll { generation, .. }
            | Self::Generate { generation, .. } => *generation,
        }
    }

    /// The message's bytes, written into a buffer of its size (2 MiB of material written into a
    /// growing buffer was copied again at each doubling, about 5 ms on the page's thread; written
    /// through `Extend`, byte by byte, 5 ms too; into a zeroed buffer, a 32 MiB file cost its
    /// zeroing too): each string and file is copied in once (`Exact`).
    pub fn encode(&self) -> Vec<u8> {
        let size = match self {
            Self::Analyse {
                boxes, passphrase, ..
            } => boxes.size() + passphrase.len(),
            _ => 0,
        };
        // The rest of any message (lengths, names, fields) fits in 64 KiB; past it the buffer grows.
        let buffer = Vec::with_capacity(size + 64 * 1024);
        postcard::serialize_with_flavor(self, Exact(buffer)).unwrap_or_else(|_| encode(self))
    }

    /// Whether it brings all the material anew: it makes an analysis in flight, and every message
    /// queued before it, useless (a fix, by contrast, applies to the analysis before it).
    pub fn supersedes(&self) -> bool {
        matches!(self, Self::Analyse { .. })
    }
}

/// postcard's output into a `Vec` made with its capacity: postcard's `AllocVec` starts empty and
/// copies everything again at each doubling, and `to_extend` writes through an iterator.
struct Exact(Vec<u8>);

impl postcard::ser_flavors::Flavor for Exact {
    type Output = Vec<u8>;

    fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
        self.0.extend_from_slice(data);
        Ok(())
    }

    fn try_push(&mut self, data: u8) -> postcard::Result<()> {
        self.0.push(data);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<Vec<u8>> {
        Ok(self.0)
    }
}

/// What the Worker answers. No `Debug`: a fix's rewrite may hold the re-encoded key.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The Worker has started and reads its messages.
    Ready,
    /// The analysis of the material of this generation has got this far.
    Progress {
        /// The generation of the message being analysed.
        generation: u64,
        /// How far.
        progress: Progress,
    },
    /// What the page shows now.
    Shown {
        /// The generation of the message answered.
        generation: u64,
        /// The view.
        view: Box<View>,
        /// The boxes' text after routing a paste into the certificate box, when it moved or
        /// recovered something.
        routed: Option<Box<Routed>>,
        /// The fix applied, and how it rewrote the material.
        applied: Option<Box<(Applied, Rewrite)>>,
    },
    /// The request built.
    Generated {
        /// The generation of the message answered.
        generation: u64,
        /// The request.
        request: Box<RequestView>,
    },
}

/// What the Worker does with a message: answer at once, or analyse first (a job the glue runs in
/// slices, then hands back to [`Worker::analysed`]).
pub enum Task {
    /// The answer.
    Answer(FromWorker),
    /// An analysis to run.
    Analyse(Box<Analysing>),
}

/// An analysis to run, and what the answer carries besides it.
pub struct Analysing {
    /// The generation of the message that asked for it.
    pub generation: u64,
    /// The job.
    pub job: Job,
    /// The routing done before it, if it moved anything.
    routed: Option<Routed>,
    /// The fix applied before it.
    applied: Option<(Applied, Rewrite)>,
}

/// The Worker's state.
pub struct Worker {
    boxes: Boxes,
    passphrase: String,
    now: Timestamp,
    target: ProviderId,
    fields: Fields,
    analysis: Analysis,
    before: String,
    preparation: Preparation,
    /// The lists shown whole, until the material changes.
    whole: Whole,
}

impl Default for Worker {
    fn default() -> Self {
        Self::new(ProviderId::default())
    }
}

impl Worker {
    /// A Worker with no material yet, for `target`.
    pub fn new(target: ProviderId) -> Self {
        let analysis = analysis::analyze_with(&[], &Options::default());
        let mut worker = Self {
            boxes: Boxes::default(),
            passphrase: String::new(),
            now: Timestamp::UNIX_EPOCH,
            target,
            fields: Fields::default(),
            analysis,
            before: String::new(),
            preparation: Preparation::empty(target),
            whole: Whole::default(),
        };
        worker.prepare();
        worker
    }

    /// Takes a message: the answer, or the analysis to run first.
    pub fn receive(&mut self, message: ToWorker) -> Task {
        match message {
            ToWorker::Analyse {
                generation,
                boxes,
                passphrase,
                now,
                route,
                target,
                fields,
            } => {
                self.boxes = boxes;
                self.passphrase = passphrase;
                self.now = now;
                self.target = target;
                self.fields = fields;
                let routed = route
                    .then(|| self.boxes.route())
                    .filter(|routed| !routed.moved.is_empty() || !routed.files.is_empty());
                if let Some(routed) = &routed {
                    self.boxes.take_routed(routed);
                }
                self.whole = Whole::default();
                self.analyse(generation, routed, None)
            }
            ToWorker::Prepare {
                generation,
                target,
                fields,
            } => {
                self.target = target;
                self.fields = fields;
                self.prepare();
                Task::Answer(self.shown(generation, None, None))
            }
            ToWorker::Apply { generation, fix } => {
                match fix_choice::apply(fix, &self.analysis, &self.preparation, &self.before) {
                    Some((applied, rewrite)) => {
                        self.boxes.rewrite(&rewrite);
                        if matches!(rewrite, Rewrite::Key { .. }) {
                            self.passphrase.clear();
                        }
                        self.whole = Whole::default();
                        self.analyse(generation, None, Some((applied, rewrite)))
                    }
                    None => Task::Answer(self.shown(generation, None, None)),
                }
            }
            ToWorker::ShowAll { generation, list } => {
                self.whole.insert(list);
                Task::Answer(self.shown(generation, None, None))
            }
            ToWorker::Generate {
                generation,
                scheme,
                credentials,
                now,
                nonce,
            } => {
                let auth = auth::build(
                    scheme,
                    auth::Given {
                        access_key_id: &credentials.access_key_id,
                        secret: Secret::new(credentials.secret),
                        token_env: &credentials.token_env,
                        domain_id: &credentials.domain_id,
                    },
                );
                let outcome = request::build(
                    self.target,
                    &self.analysis,
                    &self.before,
                    &self.fields,
                    &auth,
                    now,
                    &nonce,
                );
                Task::Answer(FromWorker::Generated {
                    generation,
                    request: Box::new(RequestView::new(&outcome, now)),
                })
            }
        }
    }

    /// Takes the analysis a job made (the Worker's material is what it analysed) and answers.
    pub fn analysed(&mut self, mut analysing: Analysing, mut analysis: Analysis) -> FromWorker {
        if let Some(routed) = &mut analysing.routed {
            // What recovery undid to the paste, said first, as an analysis of the text as pasted
            // says it: the boxes now hold clean PEM, whose analysis no longer can.
            let recovery = std::mem::take(&mut routed.recovery);
            analysis.report.diagnostics.splice(0..0, recovery);
        }
        self.analysis = analysis;
        self.before = self.boxes.certificate_text();
        self.prepare();
        self.shown(analysing.generation, analysing.routed, analysing.applied)
    }

    /// Runs `analysing`'s job to its end in one go (natively, and in tests).
    pub fn analyse_now(&mut self, mut analysing: Analysing) -> FromWorker {
        loop {
            if let Step::Done(analysis) = analysing.job.run(&mut || true) {
                return self.analysed(analysing, *analysis);
            }
        }
    }

    /// Answers `message` at once, running any analysis in one go.
    pub fn answer(&mut self, message: ToWorker) -> FromWorker {
        match self.receive(message) {
            Task::Answer(answer) => answer,
            Task::Analyse(analysing) => self.analyse_now(*analysing),
        }
    }

    fn analyse(
        &mut self,
        generation: u64,
        routed: Option<Routed>,
        applied: Option<(Applied, Rewrite)>,
    ) -> Task {
        Task::Analyse(Box::new(Analysing {
            generation,
            job: self.boxes.job(&self.passphrase, self.now),
            routed,
            applied,
        }))
    }

    fn prepare(&mut self) {
        self.preparation = providers::prepare(
            self.target,
            Mode::Request,
            &self.analysis,
            &self.before,
            &self.fields,
        );
    }

    fn shown(
        &self,
        generation: u64,
        routed: Option<Routed>,
        applied: Option<(Applied, Rewrite)>,
    ) -> FromWorker {
        FromWorker::Shown {
            generation,
            view: Box::new(View::new(
                &self.analysis,
                &self.preparation,
                &self.fields,
                &self.before,
                self.now,
                &self.whole,
            )),
            routed: routed.map(Box::new),
            applied: applied.map(Box::new),
        }
    }
}
