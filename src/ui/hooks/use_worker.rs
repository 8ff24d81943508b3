//! The page's Worker, started once the page has rendered, its answers turned into actions (when
//! the browser cannot start it, the same core runs in the page); and the debounce of large
//! material being typed, sent once the input has been quiet for a moment.

use crate::page_worker::{self, FromWorker};
use crate::ui::browser::{self, PageWorker};
use crate::ui::state::{Action, Link, Shared, State};
use crate::ui::worker::Driver;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How long the input must be quiet before large material being typed is sent.
const SETTLE_MS: i32 = 400;

/// The core run in the page, its answers dispatched as they come.
fn in_page(dispatch: &Callback<Action>) -> Link {
    browser::mark_engine("page");
    let dispatch = dispatch.clone();
    Link::InPage(Driver::in_page(move |answer| {
        dispatch.emit(Action::Answer(Shared(Rc::new(answer))));
    }))
}

/// Starts the page's Worker, and sends large material being typed once the input settles.
#[hook]
pub fn use_worker(state: &UseReducerHandle<State>, dispatch: Callback<Action>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let ready = Rc::new(Cell::new(false));
            let answers = dispatch.clone();
            let failures = dispatch.clone();
            let worker = PageWorker::start(
                {
                    let ready = ready.clone();
                    move |bytes: Vec<u8>| {
                        // The Worker sends only what it encoded itself.
                        match page_worker::decode::<FromWorker>(&bytes) {
                            Some(FromWorker::Ready) => {
                                ready.set(true);
                                browser::mark_engine("worker");
                            }
                            Some(answer) => answers.emit(Action::Answer(Shared(Rc::new(answer)))),
                            None => {}
                        }
                    }
                },
                // Before it is ready, its script could not load (a browser without module
                // Workers, a policy forbidding them): the page runs the core itself. After, it
                // trapped: the page says so.
                move |_| {
                    if ready.get() {
                        failures.emit(Action::WorkerFailed);
                    } else {
                        failures.emit(Action::Connected(in_page(&failures)));
                    }
                },
            );
            dispatch.emit(Action::Connected(match worker {
                Some(worker) => Link::Worker(Rc::new(worker)),
                None => in_page(&dispatch),
            }));
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
