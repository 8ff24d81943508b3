//! Diagnostics grouped by severity (errors, warnings, notes), each with its code (`data-code`),
//! where it points, the provider's own error when known, and the fix hint.

use super::{LIST_LIMIT, show_all, use_lang};
use crate::diagnostic::{Diagnostic, Location, Severity, Surface};
use crate::lang::Lang;
use crate::material_routing::input_name_in;
use yew::prelude::*;

/// The list's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Diagnostics in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// All diagnostics, in three groups.
#[component]
pub fn DiagnosticList(props: &Props) -> Html {
    let expanded = use_state(Vec::<Severity>::new);
    let lang = use_lang();
    if props.diagnostics.is_empty() {
        return html! {};
    }
    let group = |severity: Severity, title: &str, what: &str| {
        let items: Vec<&Diagnostic> = props
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .collect();
        if items.is_empty() {
            return html! {};
        }
        let all = expanded.contains(&severity);
        let total = items.len();
        let on_all = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*expanded).clone();
                next.push(severity);
                expanded.set(next);
            })
        };
        html! {
            <section class="diagnostic-group" data-testid={format!("diagnostics-{}", severity.as_str())}>
                <h3>{ format!("{title} ({total})") }</h3>
                <ul class="diagnostics">
                    { for items.into_iter().take(if all { usize::MAX } else { LIST_LIMIT }).map(|d| html! {
                        <li class={classes!("diagnostic", d.severity.as_str())} data-code={d.code.as_str()}
                            data-severity={d.severity.as_str()}>
                            <p class="diagnostic-head">
                                <span class="severity">{ severity_word(lang, d.severity) }</span>
                                <code class="code">{ d.code.as_str() }</code>
                                <span class="where">{ where_in(d, lang) }</span>
                            </p>
                            <p class="message">{ d.message_in(lang) }</p>
                            if let Some(error) = &d.provider_error {
                                <p class="provider-error">{ lang.pick("The provider would answer: ", "服务商会返回：") }<code>{ error }</code></p>
                            }
                            <p class="hint">{ d.hint_in(Surface::Page, lang).unwrap_or_default() }</p>
                        </li>
                    }) }
                </ul>
                { show_all(lang, total, all, what, on_all) }
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

/// A severity's word on the page.
fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::En, severity) => severity.as_str(),
        (Lang::ZhCn, Severity::Error) => "错误",
        (Lang::ZhCn, Severity::Warning) => "警告",
        (Lang::ZhCn, Severity::Info) => "提示",
    }
}

/// Where a diagnostic is, in `lang`; the boxes' pasted text named in the page's language.
fn where_in(d: &Diagnostic, lang: Lang) -> String {
    let text = d.location_in(lang);
    match &d.location {
        Location::Input(at) => {
            let name = input_name_in(&at.file, lang);
            text.replacen(at.file.as_str(), name, 1)
        }
        _ => text,
    }
}
