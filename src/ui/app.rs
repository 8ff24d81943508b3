//! The top-level component: the target, the material, the results (chain, fixes, diagnostics,
//! certificates) and the request.

use super::browser;
use super::components::{
    LIST_LIMIT, certificate_card::CertificateCard, chain_view::ChainView,
    diagnostic_list::DiagnosticList, field_form::FieldForm, fixes_panel::FixesPanel,
    input_panel::InputPanel, megabytes, request_panel::RequestPanel, show_all,
    target_picker::TargetPicker,
};
use super::state::{Action, Shared, Slot, State};
use crate::analysis::job::{Job, Progress, Stage, Step};
use crate::providers::ProviderId;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// How long one slice of a large analysis may run before the page gets the event loop back.
const SLICE_MS: f64 = 12.0;

/// Runs `job` a slice at a time until it is done or cancelled, reporting its progress.
async fn run_job(
    mut job: Job,
    generation: u64,
    now: Duration,
    dispatch: Callback<Action>,
    cancelled: Rc<Cell<bool>>,
) {
    loop {
        if cancelled.get() {
            return;
        }
        let deadline = js_sys::Date::now() + SLICE_MS;
        match job.run(&mut || js_sys::Date::now() < deadline) {
            Step::Working(progress) => dispatch.emit(Action::Progress(generation, progress)),
            Step::Done(analysis) => {
                dispatch.emit(Action::Analysed {
                    generation,
                    analysis: Shared(Rc::new(*analysis)),
                    now,
                });
                return;
            }
        }
        browser::next_task().await;
    }
}

#[derive(Properties, PartialEq)]
struct AnalysisProgressProps {
    size: usize,
    progress: Option<Progress>,
}

/// The status of a large analysis: its size, its stage and a progress bar.
#[component]
fn AnalysisProgress(props: &AnalysisProgressProps) -> Html {
    let megabytes = megabytes(props.size);
    let (what, done, total) = match props.progress {
        None => ("waiting for the input to settle".to_owned(), 0, 1),
        Some(p) => {
            let what = match p.stage {
                Stage::Reading => format!("reading blocks: {} of {}", p.done, p.total),
                Stage::Checking => format!("checking signatures: {} of {}", p.done, p.total),
            };
            (what, p.done, p.total.max(1))
        }
    };
    html! {
        <div class="analysing" data-testid="analysing" role="status">
            <p class="note">{ format!("Analysing {megabytes} MB of material: {what}…") }</p>
            <progress data-testid="analysis-progress" max={total.to_string()} value={done.to_string()}
                aria-label="Analysis progress"></progress>
        </div>
    }
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(ProviderId::default(), browser::now()));
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
    let analysis = &state.analysis;
    let report = &analysis.report;
    let prep = &state.preparation;
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
    // Large material is analysed once the input has been quiet for a moment, by a job run a few
    // milliseconds at a time between the browser's own tasks, so typing, scrolling and painting
    // go on and the progress shows. A change to the material cancels the job (a newer one follows,
    // or the material became small and was analysed at once).
    {
        let dispatch = dispatch.clone();
        let snapshot = state.clone();
        let generation = state.pending_generation;
        let pending = state.pending.is_some();
        use_effect_with((generation, pending), move |_| {
            let cancelled = Rc::new(Cell::new(false));
            let timeout = {
                let cancelled = cancelled.clone();
                pending
                    .then(|| {
                        browser::Timeout::new(400, move || {
                            let now = browser::now();
                            let job = snapshot.job(now);
                            wasm_bindgen_futures::spawn_local(run_job(
                                job,
                                generation,
                                now,
                                dispatch.clone(),
                                cancelled.clone(),
                            ));
                        })
                    })
                    .flatten()
            };
            move || {
                cancelled.set(true);
                drop(timeout);
            }
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
                    <AnalysisProgress size={size} progress={state.progress} />
                } else if state.has_material() {
                    <ChainView report={report.clone()} />
                    <FixesPanel analysis={analysis.clone()} preparation={prep.clone()} before={state.before.clone()}
                        applied={state.applied.clone()} on_action={dispatch.clone()} />
                    <DiagnosticList diagnostics={diagnostics} />
                    if !report.certificates.is_empty() {
                        <h3>{ format!("{} certificate{}", report.certificates.len(), if report.certificates.len() == 1 { "" } else { "s" }) }</h3>
                        <ol class="certificates">
                            { for report.certificates.iter().take(if *all_cards { usize::MAX } else { LIST_LIMIT })
                                .map(|c| html! { <li><CertificateCard certificate={c.clone()} now={state.now} /></li> }) }
                        </ol>
                        { show_all(report.certificates.len(), *all_cards, "certificates", {
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
                <FieldForm target={state.target} values={state.fields.clone()} numbered_rows={state.numbered_rows.clone()}
                    preparation={prep.clone()} on_action={dispatch.clone()} />
                <RequestPanel target={state.target} auth={state.auth} access_key_id={state.access_key_id.clone()}
                    has_secret={!state.secret.is_empty()} token_env={state.token_env.clone()} domain_id={state.domain_id.clone()}
                    generated={state.generated.clone()} analysing={state.pending.is_some()} on_action={dispatch} />
            </section>
        </>
    }
}
