//! One component per file, and what their long lists share.

pub mod analysis_progress;
pub mod certificate_card;
pub mod chain_view;
pub mod chunked;
pub mod console_view;
pub mod countdown;
pub mod diagnostic_list;
pub mod field_form;
pub mod fixes_panel;
pub mod input_panel;
pub mod request_panel;
pub mod target_picker;

use crate::lang::Lang;
pub use crate::page_view::LIST_LIMIT;
use crate::page_view::List;
use crate::ui::state::Action;
use yew::prelude::*;

/// The page's language, from the context the app provides (English outside one).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// `bytes` in MB with one decimal ("2.0"), by integer arithmetic: formatting a float would bring
/// float printing into the module (about 5 KB brotli) for a few words of text.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Under a long list of which `shown` of `total` items are shown, the button that asks the Worker
/// for the whole `list` (the view carries the first [`LIST_LIMIT`] until then).
pub fn show_all(
    lang: Lang,
    shown: usize,
    total: usize,
    what: &str,
    list: List,
    on_action: &Callback<Action>,
) -> Html {
    if shown >= total {
        return html! {};
    }
    let on_click = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowAll(list)))
    };
    html! {
        <button type="button" class="secondary show-all" data-testid="show-all" onclick={on_click}>
            { match lang {
                Lang::En => format!("Show all {total} {what} ({} more)", total - shown),
                Lang::ZhCn => format!("显示全部 {total} 项{what}（另有 {} 项）", total - shown),
            } }
        </button>
    }
}
