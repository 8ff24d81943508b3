//! The top-level component: the target, the material, the results (chain, fixes, diagnostics,
//! certificates) and the request.

use super::browser;
use super::components::{
    certificate_card::CertificateCard, chain_view::ChainView, diagnostic_list::DiagnosticList,
    field_form::FieldForm, fixes_panel::FixesPanel, input_panel::InputPanel,
    request_panel::RequestPanel, target_picker::TargetPicker,
};
use super::state::{Action, Slot, State};
use crate::providers::ProviderId;
use yew::prelude::*;

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(ProviderId::AlibabaSlbCa, browser::now()));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let analysis = &state.analysis;
    let report = &analysis.report;
    let prep = &state.preparation;
    // The analysis' diagnostics (with the provider's error names) and the target's findings about
    // the material; field findings are shown beside their fields.
    let mut diagnostics = prep.analysis_diagnostics.clone();
    diagnostics.extend(
        prep.diagnostics
            .iter()
            .filter(|d| !d.location.file.starts_with("field "))
            .cloned(),
    );
    let names = |slot: Slot| {
        let material = match slot {
            Slot::Certificates => &state.certificates,
            Slot::Key => &state.key,
            Slot::Csr => &state.csr,
        };
        material
            .files
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
    };
    let on_passphrase = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetPassphrase(input.value()));
        })
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Clear))
    };
    // Large material is analysed once the input has been quiet for a moment, after the page
    // has painted its "analysing" status.
    {
        let dispatch = dispatch.clone();
        let pending = state.pending.is_some();
        use_effect_with(state.pending_generation, move |_| {
            let timeout = pending.then(|| {
                browser::Timeout::new(400, move || dispatch.emit(Action::Analyse(browser::now())))
            });
            move || drop(timeout)
        });
    }
    let spec = state.target.spec();
    html! {
        <>
            <header class="masthead">
                <h1>{ "cert-preflight" }</h1>
                <p class="tagline">
                    { "Check certificates before you upload them, and get a signed request that works. Everything runs in this page: nothing you paste, no key and no secret is sent anywhere." }
                </p>
            </header>
            <TargetPicker target={state.target} region={state.region.clone()} auth={state.auth} on_action={dispatch.clone()} />
            <section class="panel input-panel" aria-labelledby="input-title">
                <h2 id="input-title">{ "2. Your certificate material" }</h2>
                <div class="materials">
                    <InputPanel slot={Slot::Certificates} title="Certificates" on_action={dispatch.clone()}
                        label="Certificate and chain: PEM text (several blocks, any order, stray text and CRLF are fine)"
                        pasted={state.certificates.pasted.clone()} files={names(Slot::Certificates)}
                        accept=".pem,.crt,.cer,.der,.cert,.ca-bundle,.chain,.txt,.p7b,.p7c,.pfx,.p12" />
                    <InputPanel slot={Slot::Key} title="Private key" on_action={dispatch.clone()}
                        label="Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted). It stays in this page."
                        pasted={state.key.pasted.clone()} files={names(Slot::Key)} accept=".pem,.key,.der,.txt" />
                    <InputPanel slot={Slot::Csr} title="Certificate request" on_action={dispatch.clone()}
                        label="CSR (PEM), e.g. the one KMS or the private CA generated"
                        pasted={state.csr.pasted.clone()} files={names(Slot::Csr)} accept=".pem,.csr,.req,.der,.txt" />
                </div>
                <div class="row">
                    <div class="control">
                        <label for="passphrase" class="field-label">{ "Passphrase of an encrypted key, or PKCS#12 password" }</label>
                        <input id="passphrase" data-testid="passphrase" type="password" autocomplete="off"
                            value={state.passphrase.clone()} oninput={on_passphrase} aria-describedby="passphrase-help" />
                        <p class="help" id="passphrase-help">{ "Used here to decrypt, in memory only." }</p>
                    </div>
                    <button type="button" class="secondary" data-testid="clear" onclick={on_clear}>{ "Clear everything" }</button>
                </div>
                { for state.notes.iter().map(|note| html! { <p class="note" data-testid="moved-note" role="status">{ note }</p> }) }
                { for state.unreadable.iter().map(|name| html! {
                    <p class="notice" role="alert">{ format!("The browser could not read {name}.") }</p>
                }) }
            </section>
            <section class="panel results" aria-live="polite" aria-labelledby="results-title" data-testid="results">
                <h2 id="results-title">{ format!("3. What {} will see", spec.api) }</h2>
                if let Some(size) = state.pending {
                    <p class="note" data-testid="analysing" role="status">
                        { format!("Analysing {:.1} MB of material…", size as f64 / 1_048_576.0) }
                    </p>
                } else if state.has_material() {
                    <ChainView report={report.clone()} />
                    <FixesPanel analysis={analysis.clone()} preparation={prep.clone()} before={state.before.clone()}
                        applied={state.applied.clone()} on_action={dispatch.clone()} />
                    <DiagnosticList diagnostics={diagnostics} />
                    if !report.certificates.is_empty() {
                        <h3>{ format!("{} certificate{}", report.certificates.len(), if report.certificates.len() == 1 { "" } else { "s" }) }</h3>
                        <ol class="certificates">
                            { for report.certificates.iter().map(|c| html! { <li><CertificateCard certificate={c.clone()} now={state.now} /></li> }) }
                        </ol>
                    }
                } else {
                    <p class="help">{ "Paste or drop your certificate material above." }</p>
                }
            </section>
            <section class="panel" aria-labelledby="fields-title">
                <h2 id="fields-title">{ format!("4. The {} request", spec.api) }</h2>
                <FieldForm target={state.target} values={state.fields.clone()} tag_rows={state.tag_rows}
                    preparation={prep.clone()} on_action={dispatch.clone()} />
                <RequestPanel target={state.target} auth={state.auth} access_key_id={state.access_key_id.clone()}
                    has_secret={!state.secret.is_empty()} token_env={state.token_env.clone()} domain_id={state.domain_id.clone()}
                    generated={state.generated.clone()} on_action={dispatch} />
            </section>
        </>
    }
}
