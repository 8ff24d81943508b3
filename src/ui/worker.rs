//! The page's Worker: the core's [`Worker`](crate::page_worker::Worker) driven by messages. It runs
//! in a module Worker (this same module, loaded by www/worker.js: [`start`]), and in the page
//! itself when the browser cannot start one ([`Driver::in_page`], the fallback). An analysis runs
//! a slice at a time, reporting its progress between slices and looking at what arrived meanwhile:
//! newer material makes it, and every message before that one, moot. A unit of work that cannot be
//! split (one key derivation) finishes before the newer message is read.

use crate::analysis::job::{Job, Stage, Step};
use crate::page_worker::{self, Boxes, FromWorker, Task, ToWorker, Worker};
use crate::providers::ProviderId;
use crate::ui::browser;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// How long one slice of an analysis runs in the Worker before it reports its progress and reads
/// its messages (each slice ends with a zero-delay timer, which a Worker runs within a millisecond
/// or so).
const WORKER_SLICE_MS: f64 = 25.0;

/// The fewest checks handed to WebCrypto: a chain as uploaded (two or three links) costs the module
/// a millisecond or two, less than WebCrypto's round trips and its first use in a Worker; and its
/// analysis then ends in one slice, as before, with no progress posted.
const WEB_CRYPTO_FROM: usize = 8;

/// How long one slice runs in the page (the fallback): short enough for typing and painting to go on.
const PAGE_SLICE_MS: f64 = 12.0;

/// A self-signed RSA-1024 certificate (made by the OpenSSL 3.0 CLI for this, its key thrown
/// away), analysed once when the Worker has started and nothing has come yet; the answer is
/// dropped. The browser compiles a module's functions when they are first called: the first
/// analysis of a session spent about 20 ms of its 33–44 compiling the code it ran (reading PEM and
/// DER, fingerprints, an RSA signature check, the target's checks, the view and its message), which
/// a user's first paste now finds compiled.
const WARM_UP: &str = include_str!("warm_up.pem");

/// How long the Worker waits, once started, before its warm-up.
const WARM_UP_AFTER_MS: i32 = 300;

/// What the warm-up did.
enum WarmUp {
    /// It analysed its certificate.
    Ran,
    /// Material had come first.
    Skipped,
}

impl WarmUp {
    /// The Worker's performance mark for it.
    fn mark(self) -> &'static str {
        match self {
            Self::Ran => "cert-preflight: warm-up run",
            Self::Skipped => "cert-preflight: warm-up skipped",
        }
    }
}

/// The core's Worker, its queue of messages and where its answers go.
pub struct Driver {
    state: RefCell<Queue>,
    answer: Box<dyn Fn(FromWorker)>,
    slice_ms: f64,
}

#[derive(Default)]
struct Queue {
    worker: Worker,
    messages: VecDeque<ToWorker>,
    running: bool,
    /// Whether material has come (the page's first messages, before any, carry none).
    received: bool,
}

impl Driver {
    /// The Worker run in the page itself, its answers given to `answer` as they come.
    pub fn in_page(answer: impl Fn(FromWorker) + 'static) -> Rc<Self> {
        Rc::new(Self {
            state: RefCell::default(),
            answer: Box::new(answer),
            slice_ms: PAGE_SLICE_MS,
        })
    }

    /// Takes a message; answers it (and those queued before it) as soon as it can.
    pub fn receive(self: &Rc<Self>, message: ToWorker) {
        let mut state = self.state.borrow_mut();
        state.received |= match &message {
            ToWorker::Analyse { boxes, .. } => !boxes.is_empty(),
            _ => false,
        };
        state.messages.push_back(message);
        if !state.running {
            state.running = true;
            browser::spawn(self.clone().run());
        }
    }

    /// Runs the [`WARM_UP`] analysis on a Worker of its own, the page's untouched, if no material
    /// has come yet; what it answers goes nowhere. A message arriving meanwhile waits for it (a
    /// few milliseconds more than the compilation it saves that message).
    fn warm_up(&self) -> WarmUp {
        if self.state.borrow().received {
            return WarmUp::Skipped;
        }
        let mut worker = Worker::new(ProviderId::default());
        let mut boxes = Boxes::default();
        boxes.certificates.pasted = Rc::from(WARM_UP);
        let message = ToWorker::Analyse {
            generation: 0,
            boxes,
            passphrase: String::new(),
            now: browser::now(),
            route: true,
            target: ProviderId::default(),
            fields: Default::default(),
        };
        let Task::Analyse(analysing) = worker.receive(message) else {
            return WarmUp::Skipped;
        };
        let mut analysing = *analysing;
        loop {
            if let Step::Done(analysis) = analysing.job.run(&mut || true) {
                let answer = worker.analysed(analysing, *analysis);
                drop(page_worker::encode(&answer));
                return WarmUp::Ran;
            }
        }
    }

    /// Answers the queued messages in order until none is left.
    async fn run(self: Rc<Self>) {
        loop {
            let task = {
                let mut state = self.state.borrow_mut();
                let Some(message) = state.messages.pop_front() else {
                    state.running = false;
                    return;
                };
                state.worker.receive(message)
            };
            let mut analysing = match task {
                Task::Answer(answer) => {
                    (self.answer)(answer);
                    continue;
                }
                Task::Analyse(analysing) => *analysing,
            };
            // Once every input is read, the chain search's first checks go to WebCrypto.
            analysing.job.stop_before_checks();
            let mut handed_out = false;
            loop {
                let mut go_on = browser::deadline(self.slice_ms);
                let step = loop {
                    match analysing.job.run(&mut go_on) {
                        Step::Working(progress)
                            if !handed_out && progress.stage == Stage::Checking =>
                        {
                            handed_out = true;
                            if check_ahead(&mut analysing.job).await {
                                break Step::Working(progress);
                            }
                            // Nothing handed out: the slice goes on, with no turn of its own.
                        }
                        step => break step,
                    }
                };
                match step {
                    Step::Done(analysis) => {
                        let answer = self
                            .state
                            .borrow_mut()
                            .worker
                            .analysed(analysing, *analysis);
                        (self.answer)(answer);
                        break;
                    }
                    Step::Working(progress) => {
                        (self.answer)(FromWorker::Progress {
                            generation: analysing.generation,
                            progress,
                        });
                        browser::next_task().await;
                        let mut state = self.state.borrow_mut();
                        if let Some(newer) = state.messages.iter().rposition(ToWorker::supersedes) {
                            state.messages.drain(..newer);
                            break;
                        }
                    }
                }
            }
        }
    }
}

/// Has WebCrypto make the checks the job's chain search will make first, and gives the job back
/// those that verify: the analysis is the same, the verification it does itself mostly none
/// (RSA and ECDSA chains). A performance mark says how many verified, for the tests. Fewer than
/// [`WEB_CRYPTO_FROM`] checks are left to the job; whether any was handed out.
async fn check_ahead(job: &mut Job) -> bool {
    let ahead = job.checks_ahead();
    if ahead.len() < WEB_CRYPTO_FROM {
        return false;
    }
    let verified = browser::verified_by_web_crypto(&ahead).await;
    browser::worker_mark(&format!(
        "cert-preflight: {} of {} checks verified by WebCrypto",
        verified.len(),
        ahead.len()
    ));
    drop(ahead);
    job.confirm(verified);
    true
}

/// In the Worker: says it is ready, then answers the page's messages.
pub fn start() {
    let driver = Rc::new(Driver {
        state: RefCell::default(),
        answer: Box::new(|answer| browser::answer_page(&page_worker::encode(&answer))),
        slice_ms: WORKER_SLICE_MS,
    });
    (driver.answer)(FromWorker::Ready);
    let listening = driver.clone();
    browser::listen_to_page(move |bytes| {
        // The page sends only what it encoded itself: anything else is dropped.
        if let Some(message) = page_worker::decode::<ToWorker>(&bytes) {
            listening.receive(message);
        }
    });
    // The messages that came while the module loaded are in the queue now. The warm-up waits a
    // while longer, and runs only if none has come by then: a paste made as the page appeared
    // (the load benchmark's) could otherwise arrive during it, which one run of two did when it
    // waited for the next task only.
    browser::spawn(async move {
        browser::after(WARM_UP_AFTER_MS).await;
        browser::worker_mark(driver.warm_up().mark());
    });
}
