//! Where material comes in: a paste area, a file picker and a drop zone.

use crate::ui::browser;
use crate::ui::state::Action;
use yew::prelude::*;

/// The panel's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The paste area's current text.
    pub pasted: String,
    /// Names of the files loaded so far.
    pub files: Vec<String>,
    /// Names of files that could not be read.
    pub unreadable: Vec<String>,
    /// Where user actions go.
    pub on_action: Callback<Action>,
}

/// Paste area, file picker and drop zone.
#[component]
pub fn InputPanel(props: &Props) -> Html {
    let dragging = use_state(|| false);
    let on_input = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            on_action.emit(Action::Paste(area.value()));
        })
    };
    let load = {
        let on_action = props.on_action.clone();
        move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                on_action.emit(Action::AddFiles(browser::read_files(files).await));
            });
        }
    };
    let on_pick = {
        let load = load.clone();
        Callback::from(move |event: Event| {
            load(browser::picked_files(&event));
            // Let the same file be picked again after it was removed.
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            input.set_value("");
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            load(browser::dropped_files(&event));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_clear = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Clear))
    };
    html! {
        <section class="input-panel" aria-labelledby="input-title">
            <h2 id="input-title">{ "Your certificate material" }</h2>
            <label for="paste" class="field-label">
                { "Paste PEM text (certificate, chain, several blocks; stray text and CRLF are fine)" }
            </label>
            <textarea id="paste" data-testid="paste" spellcheck="false" autocomplete="off" rows="10"
                placeholder="-----BEGIN CERTIFICATE-----" value={props.pasted.clone()} oninput={on_input} />
            <div class={classes!("drop-zone", (*dragging).then_some("dragging"))} data-testid="drop-zone"
                ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <label for="file-pick" class="file-button">{ "Choose files" }</label>
                <input id="file-pick" data-testid="file-pick" type="file" multiple=true class="visually-hidden"
                    accept=".pem,.crt,.cer,.der,.cert,.ca-bundle,.chain,.txt" onchange={on_pick} />
                <span>{ " or drop .pem, .crt, .cer or .der files here" }</span>
            </div>
            if !props.files.is_empty() {
                <ul class="file-list" data-testid="file-list">
                    { for props.files.iter().enumerate().map(|(index, name)| {
                        let on_action = props.on_action.clone();
                        let remove = Callback::from(move |_: MouseEvent| on_action.emit(Action::RemoveFile(index)));
                        html! { <li>{ name }{ " " }
                            <button type="button" class="link" onclick={remove} aria-label={format!("Remove {name}")}>{ "remove" }</button></li> }
                    }) }
                </ul>
            }
            { for props.unreadable.iter().map(|name| html! {
                <p class="notice" role="alert">{ format!("The browser could not read {name}.") }</p>
            }) }
            <button type="button" class="secondary" data-testid="clear" onclick={on_clear}>{ "Clear" }</button>
        </section>
    }
}
