//! The analysis of large material, run a slice at a time: once the input has been quiet for a
//! moment, a job runs a few milliseconds at a time between the browser's own tasks, so typing,
//! scrolling and painting go on and the progress shows. A change to the material cancels the job
//! (a newer one follows, or the material became small and was analysed at once).

use crate::analysis::job::{Job, Step};
use crate::ui::browser;
use crate::ui::state::{Action, Shared, State};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// How long one slice of a large analysis may run before the page gets the event loop back.
const SLICE_MS: f64 = 12.0;

/// How long the input must be quiet before the analysis starts.
const SETTLE_MS: i32 = 400;

/// Runs `job` a slice at a time until it is done or cancelled, reporting its progress.
async fn run_job(
    mut job: Job,
    generation: u64,
    now: Duration,
    dispatch: Callback<Action>,
    cancelled: Rc<Cell<bool>>,
) {
    loop {
        if cancelled.get() {
            return;
        }
        match job.run(&mut browser::deadline(SLICE_MS)) {
            Step::Working(progress) => dispatch.emit(Action::Progress(generation, progress)),
            Step::Done(analysis) => {
                dispatch.emit(Action::Analysed {
                    generation,
                    analysis: Shared(Rc::new(*analysis)),
                    now,
                });
                return;
            }
        }
        browser::next_task().await;
    }
}

/// Starts the sliced analysis of `state`'s pending material, if any, once the input settles;
/// its progress and result go to `dispatch`.
#[hook]
pub fn use_sliced_analysis(state: &UseReducerHandle<State>, dispatch: Callback<Action>) {
    let snapshot = state.clone();
    let generation = state.pending.map(|p| p.generation);
    use_effect_with(generation, move |&generation| {
        let cancelled = Rc::new(Cell::new(false));
        let timeout = generation.and_then(|generation| {
            let cancelled = cancelled.clone();
            browser::Timer::once(SETTLE_MS, move || {
                let now = browser::now();
                browser::spawn(run_job(
                    snapshot.job(now),
                    generation,
                    now,
                    dispatch.clone(),
                    cancelled.clone(),
                ));
            })
        });
        move || {
            cancelled.set(true);
            drop(timeout);
        }
    });
}
