//! Diagnostics grouped by severity (errors, warnings, notes), each with its code (`data-code`),
//! where it points, the provider's own error when known, and the fix hint.

use super::{LIST_LIMIT, show_all};
use crate::diagnostic::{Diagnostic, Severity, Surface};
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
                                <span class="severity">{ d.severity.as_str() }</span>
                                <code class="code">{ d.code.as_str() }</code>
                                <span class="where">{ d.location.to_string() }</span>
                            </p>
                            <p class="message">{ &d.message }</p>
                            if let Some(error) = &d.provider_error {
                                <p class="provider-error">{ "The provider would answer: " }<code>{ error }</code></p>
                            }
                            <p class="hint">{ d.hint_for(Surface::Page).unwrap_or_default() }</p>
                        </li>
                    }) }
                </ul>
                { show_all(total, all, what, on_all) }
            </section>
        }
    };
    html! {
        <div class="diagnostic-groups" data-testid="diagnostics">
            { group(Severity::Error, "Errors", "errors") }
            { group(Severity::Warning, "Warnings", "warnings") }
            { group(Severity::Info, "Notes", "notes") }
        </div>
    }
}
