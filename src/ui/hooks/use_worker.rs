//! The page's Worker, started before the page's first render (its start overlaps the render) and
//! connected to the page once it has rendered: its answers become actions; when the browser cannot
//! start it, the same core runs in the page. And the debounce of large material being typed, sent
//! once the input has been quiet for a moment.

use crate::page_worker::{self, FromWorker};
use crate::ui::browser::{self, PageWorker};
use crate::ui::state::{Action, Link, Shared, State};
use crate::ui::worker::Driver;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// How long the input must be quiet before large material being typed is sent.
const SETTLE_MS: i32 = 400;

/// What the Worker said before the page could hear it, or where to say it now.
#[derive(Default)]
struct Inbox {
    dispatch: Option<Callback<Action>>,
    waiting: Vec<Heard>,
}

/// What the Worker said.
enum Heard {
    Answer(FromWorker),
    /// Its script could not load (a browser without module Workers, a policy forbidding them).
    Unavailable,
    /// It trapped.
    Stopped,
}

impl Inbox {
    fn hear(inbox: &RefCell<Self>, heard: Heard) {
        let dispatch = inbox.borrow().dispatch.clone();
        match dispatch {
            Some(dispatch) => deliver(&dispatch, heard),
            None => inbox.borrow_mut().waiting.push(heard),
        }
    }
}

fn deliver(dispatch: &Callback<Action>, heard: Heard) {
    dispatch.emit(match heard {
        Heard::Answer(answer) => Action::Answer(Shared(Rc::new(answer))),
        Heard::Unavailable => Action::Connected(in_page(dispatch)),
        Heard::Stopped => Action::WorkerFailed,
    });
}

/// The Worker started before the first render (none if the browser refused to start one), and
/// where what it says waits.
type Started = (Option<PageWorker>, Rc<RefCell<Inbox>>);

thread_local! {
    /// The Worker started before the first render, until the page takes it.
    static EARLY: RefCell<Option<Started>> = const { RefCell::new(None) };
}

/// Starts the page's Worker (called before the page's first render): the Worker loads while the
/// page renders, and what it says waits until the page connects.
pub fn start_worker() {
    let inbox = Rc::new(RefCell::new(Inbox::default()));
    let ready = Rc::new(Cell::new(false));
    let worker = PageWorker::start(
        {
            let (inbox, ready) = (inbox.clone(), ready.clone());
            move |bytes: Vec<u8>| {
                // The Worker sends only what it encoded itself.
                match page_worker::decode::<FromWorker>(&bytes) {
                    Some(FromWorker::Ready) => {
                        ready.set(true);
                        browser::mark_engine("worker");
                    }
                    Some(answer) => Inbox::hear(&inbox, Heard::Answer(answer)),
                    None => {}
                }
            }
        },
        {
            let inbox = inbox.clone();
            // Before it is ready, its script could not load; after, it trapped.
            move |_| {
                let heard = if ready.get() {
                    Heard::Stopped
                } else {
                    Heard::Unavailable
                };
                Inbox::hear(&inbox, heard);
            }
        },
    );
    EARLY.with(|early| *early.borrow_mut() = Some((worker, inbox)));
}

/// The core run in the page, its answers dispatched as they come.
fn in_page(dispatch: &Callback<Action>) -> Link {
    browser::mark_engine("page");
    let dispatch = dispatch.clone();
    Link::InPage(Driver::in_page(move |answer| {
        dispatch.emit(Action::Answer(Shared(Rc::new(answer))));
    }))
}

/// Connects the page's Worker (started by [`start_worker`], or now), and sends large material
/// being typed once the input settles.
#[hook]
pub fn use_worker(state: &UseReducerHandle<State>, dispatch: Callback<Action>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if EARLY.with(|early| early.borrow().is_none()) {
                start_worker();
            }
            if let Some((worker, inbox)) = EARLY.with(|early| early.borrow_mut().take()) {
                dispatch.emit(Action::Connected(match worker {
                    Some(worker) => Link::Worker(Rc::new(worker)),
                    None => in_page(&dispatch),
                }));
                let waiting = {
                    let mut inbox = inbox.borrow_mut();
                    inbox.dispatch = Some(dispatch.clone());
                    std::mem::take(&mut inbox.waiting)
                };
                for heard in waiting {
                    deliver(&dispatch, heard);
                }
            }
        });
    }
    let settling = state.pending.filter(|p| p.settle).map(|p| p.generation);
    use_effect_with(settling, move |&settling| {
        let timer = settling.and_then(|generation| {
            browser::Timer::once(SETTLE_MS, move || {
                dispatch.emit(Action::Settled(generation))
            })
        });
        move || drop(timer)
    });
}
