//! A long list shown whole a chunk at a time: the answer to "show all" (the Worker's whole list)
//! is put in the page in tasks of [`CHUNK`] items, each its own turn of the event loop, rather
//! than in one render (1,000 certificate cards in one task held the page 0.4 s). Used where each
//! item costs enough to matter (the certificate cards, the findings); the chain's 1,000 nodes render
//! faster at once (56–60 ms) than chunk by chunk (each chunk re-renders the nodes before it).

use crate::page_view::LIST_LIMIT;
use crate::ui::browser;
use yew::prelude::*;

/// How many items of a list one task adds (about 20 ms of rendering and layout for certificate
/// cards, the heaviest items; bench/README.md, "Issue 16").
pub const CHUNK: usize = 50;

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
