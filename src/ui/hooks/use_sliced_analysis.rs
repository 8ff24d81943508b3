//! The analysis of all but small material, run a slice at a time: at once, or for large material
//! being typed once the input has been quiet for a moment, a job runs a few milliseconds at a time between the
//! browser's own tasks, so typing, scrolling and painting go on and the progress shows. A change to the material cancels the job
//! (a newer one follows, or the material became small and was analysed at once).

use crate::analysis::job::{Job, Step};
use crate::time::Timestamp;
use crate::ui::browser;
use crate::ui::state::{Action, Shared, State};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How long one slice of a large analysis may run before the page gets the event loop back.
const SLICE_MS: f64 = 12.0;

/// How long the input must be quiet before the analysis of large material being typed starts.
const SETTLE_MS: i32 = 400;

/// Runs `job` a slice at a time until it is done or cancelled, reporting its progress.
async fn run_job(
    mut job: Job,
    generation: u64,
    now: Timestamp,
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

/// Starts the sliced analysis of `state`'s pending material, if any (large material being typed once the input settles);
/// its progress and result go to `dispatch`.
#[hook]
pub fn use_sliced_analysis(state: &UseReducerHandle<State>, dispatch: Callback<Action>) {
    let snapshot = state.clone();
    let pending = state.pending.map(|p| (p.generation, p.settle));
    use_effect_with(pending, move |&pending| {
        let cancelled = Rc::new(Cell::new(false));
        let timeout = pending.and_then(|(generation, settle)| {
            let cancelled = cancelled.clone();
            let settle = if settle { SETTLE_MS } else { 0 };
            browser::Timer::once(settle, move || {
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
