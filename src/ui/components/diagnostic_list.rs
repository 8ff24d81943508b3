//! Diagnostics, worst first, each with its code (`data-code`), location and fix hint.

use crate::diagnostic::Diagnostic;
use yew::prelude::*;

/// The list's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Diagnostics in the order found; shown worst first.
    pub diagnostics: Vec<Diagnostic>,
}

/// All diagnostics.
#[component]
pub fn DiagnosticList(props: &Props) -> Html {
    if props.diagnostics.is_empty() {
        return html! {};
    }
    let mut sorted: Vec<&Diagnostic> = props.diagnostics.iter().collect();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    html! {
        <ul class="diagnostics" data-testid="diagnostics">
            { for sorted.into_iter().map(|d| html! {
                <li class={classes!("diagnostic", d.severity.as_str())} data-code={d.code.as_str()}
                    data-severity={d.severity.as_str()}>
                    <p class="diagnostic-head">
                        <span class="severity">{ d.severity.as_str() }</span>
                        <code class="code">{ d.code.as_str() }</code>
                        <span class="where">{ d.location.to_string() }</span>
                    </p>
                    <p class="message">{ &d.message }</p>
                    <p class="hint">{ &d.hint }</p>
                </li>
            }) }
        </ul>
    }
}
