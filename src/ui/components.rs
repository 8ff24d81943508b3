//! One component per file, and what their long lists share.

pub mod analysis_progress;
pub mod certificate_card;
pub mod chain_view;
pub mod console_view;
pub mod countdown;
pub mod diagnostic_list;
pub mod field_form;
pub mod fixes_panel;
pub mod input_panel;
pub mod request_panel;
pub mod target_picker;

use crate::lang::Lang;
use yew::prelude::*;

/// The page's language, from the context the app provides (English outside one).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Long lists (a 1,000-certificate bundle's cards or warnings) show this many items until asked
/// for all: building thousands of elements would hold the page for a second, and laying out 100
/// cards and 100 warnings held it for about 0.2 s in one task (bench/browser/mainthread.mjs).
pub const LIST_LIMIT: usize = 20;

/// `bytes` in MB with one decimal ("2.0"), by integer arithmetic: formatting a float would bring
/// float printing into the module (about 5 KB brotli) for a few words of text.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Under a list of `total` items cut at [`LIST_LIMIT`], the button that shows them all.
pub fn show_all(
    lang: Lang,
    total: usize,
    all: bool,
    what: &str,
    on_click: Callback<MouseEvent>,
) -> Html {
    if all || total <= LIST_LIMIT {
        return html! {};
    }
    html! {
        <button type="button" class="secondary show-all" data-testid="show-all" onclick={on_click}>
            { match lang {
                Lang::En => format!("Show all {total} {what} ({} more)", total - LIST_LIMIT),
                Lang::ZhCn => format!("显示全部 {total} 项{what}（另有 {} 项）", total - LIST_LIMIT),
            } }
        </button>
    }
}
