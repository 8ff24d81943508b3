//! Diagnostics grouped by severity (errors, warnings, notes), each with its code (`data-code`),
//! where it points, the provider's own error when known, and the fix hint.

use super::{chunked::chunks, show_all, use_lang};
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::page_view::{List, View};
use crate::ui::hooks::use_revealed::use_revealed;
use crate::ui::state::{Action, Shared};
use std::ops::Range;
use yew::prelude::*;

/// The list's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view: its findings in the order found (the first of each severity until all are asked
    /// for) and how many there are.
    pub view: Shared<View>,
    /// Where "show all" goes.
    pub on_action: Callback<Action>,
}

/// All diagnostics, in three groups.
#[component]
pub fn DiagnosticList(props: &Props) -> Html {
    let lang = use_lang();
    let view = &props.view;
    let of = |severity: Severity| view.findings.iter().filter(move |d| d.severity == severity);
    // Each severity's list, shown whole a chunk at a time once the Worker sends it whole.
    let revealed = [
        use_revealed(of(Severity::Error).count()),
        use_revealed(of(Severity::Warning).count()),
        use_revealed(of(Severity::Info).count()),
    ];
    if view.findings.is_empty() {
        return html! {};
    }
    let group = |severity: Severity, title: &str, what: &str| {
        let shown = match severity {
            Severity::Error => revealed[0],
            Severity::Warning => revealed[1],
            Severity::Info => revealed[2],
        };
        if shown == 0 {
            return html! {};
        }
        let total = view.finding_counts.of(severity);
        // What the view carries (the button asks for the rest; the chunks still to show are not).
        let carried = of(severity).count();
        html! {
            <section class="diagnostic-group" data-testid={format!("diagnostics-{}", severity.as_str())}>
                <h3>{ format!("{title} ({total})") }</h3>
                <ul class="diagnostics">
                    { chunks(List::Findings(severity), view, shown) }
                </ul>
                { show_all(lang, carried, total, what, List::Findings(severity), &props.on_action) }
            </section>
        }
    };
    html! {
        <div class="diagnostic-groups" data-testid="diagnostics">
            { group(Severity::Error, lang.pick("Errors", "错误"), lang.pick("errors", "错误")) }
            { group(Severity::Warning, lang.pick("Warnings", "警告"), lang.pick("warnings", "警告")) }
            { group(Severity::Info, lang.pick("Notes", "提示"), lang.pick("notes", "提示")) }
        </div>
    }
}

/// Findings `range` of one severity, in the order found.
pub fn findings(lang: Lang, view: &View, severity: Severity, range: Range<usize>) -> Html {
    html! {
        { for view.findings.iter().filter(|d| d.severity == severity).skip(range.start).take(range.len()).map(|d| html! {
            <li class={classes!("diagnostic", d.severity.as_str())} data-code={d.code.as_str()}
                data-severity={d.severity.as_str()}>
                <p class="diagnostic-head">
                    <span class="severity">{ severity_word(lang, d.severity) }</span>
                    <code class="code">{ d.code.as_str() }</code>
                    <span class="where">{ d.place.get(lang) }</span>
                </p>
                <p class="message">{ d.message.get(lang) }</p>
                if let Some(error) = &d.provider_error {
                    <p class="provider-error">{ lang.pick("The provider would answer: ", "服务商会返回：") }<code>{ error }</code></p>
                }
                <p class="hint">{ d.hint.as_ref().map(|h| h.get(lang)).unwrap_or_default() }</p>
            </li>
        }) }
    }
}

/// A severity's word on the page.
fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::En, severity) => severity.as_str(),
        (Lang::ZhCn, Severity::Error) => "错误",
        (Lang::ZhCn, Severity::Warning) => "警告",
        (Lang::ZhCn, Severity::Info) => "提示",
    }
}
