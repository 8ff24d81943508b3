//! The top-level component: the target, the material, the results (chain, fixes, diagnostics,
//! certificates) and the request.

use super::browser;
use super::components::{
    LIST_LIMIT, analysis_progress::AnalysisProgress, certificate_card::CertificateCard,
    chain_view::ChainView, diagnostic_list::DiagnosticList, field_form::FieldForm,
    fixes_panel::FixesPanel, input_panel::InputPanel, request_panel::RequestPanel, show_all,
    target_picker::TargetPicker,
};
use super::hooks::use_sliced_analysis::use_sliced_analysis;
use super::state::{Action, Credential, Slot, State};
use crate::lang::Lang;
use crate::providers::ProviderId;
use yew::prelude::*;

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let preferred = browser::preferred_languages();
        let lang = Lang::from_preferences(preferred.iter().map(String::as_str));
        State::new(ProviderId::default(), browser::now()).in_lang(lang)
    });
    let lang = state.lang;
    use_effect_with(lang, |lang| browser::set_document_lang(lang.as_str()));
    // One callback for the page's life: children whose other properties are unchanged are not
    // rendered again (a 2 MiB text area compared and read back on every progress tick otherwise).
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let all_cards = use_state(|| false);
    let (form, materials, credentials, derived) = (
        &state.form,
        &state.materials,
        &state.credentials,
        &state.derived,
    );
    let analysis = &derived.analysis;
    let report = &analysis.report;
    let prep = &derived.preparation;
    // The analysis' diagnostics (with the provider's error names) and the target's findings about
    // the material; field findings are shown beside their fields.
    let mut diagnostics = prep.analysis_diagnostics.clone();
    diagnostics.extend(
        prep.diagnostics
            .iter()
            .filter(|d| !matches!(d.location, crate::diagnostic::Location::Field(_)))
            .cloned(),
    );
    let names = |slot: Slot| {
        materials
            .get(slot)
            .files
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
    };
    let on_passphrase = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            dispatch.emit(Action::SetCredential(
                Credential::Passphrase,
                browser::input_value(&event),
            ));
        })
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Clear))
    };
    use_sliced_analysis(&state, dispatch.clone());
    let spec = form.target.spec();
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(lang.other())))
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            <header class="masthead">
                <button type="button" class="secondary lang-switch" data-testid="lang-switch" onclick={on_lang}
                    lang={lang.other().as_str()} aria-label={format!("Language / 语言: {}", lang.other().native_name())}>
                    { lang.other().native_name() }
                </button>
                <h1>{ "cert-preflight" }</h1>
                <p class="tagline">
                    { "Check certificates before you upload them, and get a signed request that works. Everything runs in this page: nothing you paste, no key and no secret is sent anywhere." }
                </p>
            </header>
            <TargetPicker target={form.target} region={form.region.clone()} auth={form.auth} on_action={dispatch.clone()} />
            <section class="panel input-panel" aria-labelledby="input-title">
                <h2 id="input-title">{ "2. Your certificate material" }</h2>
                <div class="materials">
                    <InputPanel slot={Slot::Certificates} title="Certificates" on_action={dispatch.clone()}
                        label="Certificate and chain: PEM text (several blocks, any order, stray text and CRLF are fine)"
                        pasted={materials.certificates.pasted.clone()} files={names(Slot::Certificates)}
                        accept=".pem,.crt,.cer,.der,.cert,.ca-bundle,.chain,.txt,.p7b,.p7c,.pfx,.p12" />
                    <InputPanel slot={Slot::Key} title="Private key" on_action={dispatch.clone()}
                        label="Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted). It stays in this page."
                        pasted={materials.key.pasted.clone()} files={names(Slot::Key)} accept=".pem,.key,.der,.txt" />
                    <InputPanel slot={Slot::Csr} title="Certificate request" on_action={dispatch.clone()}
                        label="CSR (PEM), e.g. the one KMS or the private CA generated"
                        pasted={materials.csr.pasted.clone()} files={names(Slot::Csr)} accept=".pem,.csr,.req,.der,.txt" />
                </div>
                <div class="row">
                    <div class="control">
                        <label for="passphrase" class="field-label">{ "Passphrase of an encrypted key, or PKCS#12 password" }</label>
                        <input id="passphrase" data-testid="passphrase" type="password" autocomplete="off"
                            value={credentials.passphrase.clone()} oninput={on_passphrase} aria-describedby="passphrase-help" />
                        <p class="help" id="passphrase-help">{ "Used here to decrypt, in memory only." }</p>
                    </div>
                    <button type="button" class="secondary" data-testid="clear" onclick={on_clear}>{ "Clear everything" }</button>
                </div>
                { for materials.notes.iter().map(|note| html! { <p class="note" data-testid="moved-note" role="status">{ note }</p> }) }
                { for materials.unreadable.iter().map(|name| html! {
                    <p class="notice" role="alert">{ format!("The browser could not read {name}.") }</p>
                }) }
            </section>
            <section class="panel results" aria-live="polite" aria-labelledby="results-title" data-testid="results">
                <h2 id="results-title">{ format!("3. What {} will see", spec.api) }</h2>
                if let Some(pending) = state.pending {
                    <AnalysisProgress size={pending.size} progress={pending.progress} />
                } else if state.has_material() {
                    <ChainView report={report.clone()} />
                    <FixesPanel analysis={analysis.clone()} preparation={prep.clone()} before={derived.before.clone()}
                        applied={derived.applied.clone()} on_action={dispatch.clone()} />
                    <DiagnosticList diagnostics={diagnostics} />
                    if !report.certificates.is_empty() {
                        <h3>{ format!("{} certificate{}", report.certificates.len(), if report.certificates.len() == 1 { "" } else { "s" }) }</h3>
                        <ol class="certificates">
                            { for report.certificates.iter().take(if *all_cards { usize::MAX } else { LIST_LIMIT })
                                .map(|c| html! { <li><CertificateCard certificate={c.clone()} now={derived.now} /></li> }) }
                        </ol>
                        { show_all(lang, report.certificates.len(), *all_cards, "certificates", {
                            let all_cards = all_cards.clone();
                            Callback::from(move |_: MouseEvent| all_cards.set(true))
                        }) }
                    }
                } else {
                    <p class="help">{ "Paste or drop your certificate material above." }</p>
                }
            </section>
            <section class="panel" aria-labelledby="fields-title">
                <h2 id="fields-title">{ format!("4. The {} request", spec.api) }</h2>
                <FieldForm target={form.target} values={form.fields.clone()} numbered_rows={form.numbered_rows.clone()}
                    preparation={prep.clone()} on_action={dispatch.clone()} />
                <RequestPanel target={form.target} auth={form.auth} access_key_id={credentials.access_key_id.clone()}
                    has_secret={!credentials.secret.is_empty()} token_env={credentials.token_env.clone()} domain_id={credentials.domain_id.clone()}
                    generated={derived.generated.clone()} analysing={state.pending.is_some()} on_action={dispatch} />
            </section>
        </ContextProvider<Lang>>
    }
}
