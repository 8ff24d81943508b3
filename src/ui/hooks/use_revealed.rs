//! A long list shown whole a chunk at a time: the answer to "show all" (the Worker's whole list)
//! is put in the page in tasks of [`CHUNK`] items, each its own turn of the event loop, rather
//! than in one render (1,000 certificate cards in one task held the page 0.4 s, the chain's 1,000
//! nodes 50–56 ms). Each chunk is its own component (`components::chunked`), so a chunk renders
//! its items once, not again with each later chunk.

use crate::page_view::LIST_LIMIT;
use crate::ui::browser;
use yew::prelude::*;

/// How many items of a list one task adds: 25 certificate cards, the heaviest items, take about
/// 15 ms to render (50 took 30 ms, twice that when the machine is busy); the items off screen
/// are not laid out (`content-visibility` in style.css). bench/README.md, "Issue 16".
pub const CHUNK: usize = 25;

/// How many of a list's `len` items to show now: all of a list the view carries cut (at most
/// [`LIST_LIMIT`]), else [`CHUNK`] more at each turn of the event loop until all are shown.
#[hook]
pub fn use_revealed(len: usize) -> usize {
    let revealed = use_state(|| CHUNK);
    let shown = len.min(*revealed);
    {
        let revealed = revealed.clone();
        use_effect_with((len, shown), move |&(len, shown)| {
            // A list cut again (new material): its next "show all" starts from one chunk.
            if len <= LIST_LIMIT && *revealed != CHUNK {
                revealed.set(CHUNK);
            }
            let timer = (shown < len)
                .then(|| {
                    let revealed = revealed.clone();
                    browser::Timer::once(0, move || revealed.set(shown + CHUNK))
                })
                .flatten();
            move || drop(timer)
        });
    }
    shown
}
