//! The top-level component: header, the input panel, and the results.

use super::components::{
    certificate_card::CertificateCard, diagnostic_list::DiagnosticList, input_panel::InputPanel,
};
use super::state::{Action, State};
use yew::prelude::*;

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let report = &state.report;
    html! {
        <>
            <header class="masthead">
                <h1>{ "cert-preflight" }</h1>
                <p class="tagline">
                    { "Check certificates before you upload them. Everything runs in this page: nothing you paste is sent anywhere." }
                </p>
            </header>
            <InputPanel pasted={state.pasted.clone()} files={state.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>()}
                unreadable={state.unreadable.clone()} on_action={dispatch} />
            <section class="results" aria-live="polite" data-testid="results">
                <DiagnosticList diagnostics={report.diagnostics.clone()} />
                if !report.certificates.is_empty() {
                    <h2>{ format!("{} certificate{}", report.certificates.len(), if report.certificates.len() == 1 { "" } else { "s" }) }</h2>
                    <ol class="certificates">
                        { for report.certificates.iter().map(|c| html! { <li><CertificateCard certificate={c.clone()} /></li> }) }
                    </ol>
                }
            </section>
        </>
    }
}
