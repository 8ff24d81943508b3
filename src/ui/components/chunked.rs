//! A long list put in the page a chunk at a time: each chunk of [`CHUNK`] items is its own
//! component, rendered again only when the answer, the language or its range changes, so that
//! revealing a whole list chunk by chunk (`use_revealed`) renders each item once.

use super::{certificate_card, chain_view, diagnostic_list, use_lang};
use crate::page_view::{List, View};
use crate::ui::hooks::use_revealed::CHUNK;
use crate::ui::state::Shared;
use yew::prelude::*;

/// The first `shown` items of the view's `list`, in chunks of [`CHUNK`].
pub fn chunks(list: List, view: &Shared<View>, shown: usize) -> Html {
    html! {
        { for (0..shown).step_by(CHUNK).map(|start| html! {
            <Chunk key={start} list={list} view={view.clone()} start={start} end={shown.min(start + CHUNK)} />
        }) }
    }
}

/// The properties of a chunk.
#[derive(Properties, PartialEq)]
struct ChunkProps {
    /// Which list of the view.
    list: List,
    /// The view (equal when it is the same answer).
    view: Shared<View>,
    /// The first item's position in the list.
    start: usize,
    /// One past the last item's.
    end: usize,
}

/// Items `start..end` of a list.
#[component]
fn Chunk(props: &ChunkProps) -> Html {
    let lang = use_lang();
    let range = props.start..props.end;
    match props.list {
        List::Certificates => certificate_card::cards(&props.view, range),
        List::Path => chain_view::path_nodes(lang, &props.view, range),
        List::Findings(severity) => diagnostic_list::findings(lang, &props.view, severity, range),
        // Shown as one line of text each, not as items.
        List::NotOnPath | List::Duplicates => html! {},
    }
}
