//! The target's request fields, with inline validation from the provider rules (the same checks
//! the command line runs) and the documented limits in each field's help.

use crate::diagnostic::Diagnostic;
use crate::providers::{FieldSpec, Preparation, ProviderId, Shape};
use crate::ui::state::{Action, Shared};
use yew::prelude::*;

/// The form's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The target.
    pub target: ProviderId,
    /// Current values by name.
    pub values: Vec<(String, String)>,
    /// SLB: how many tag rows to show.
    pub tag_rows: usize,
    /// The target's findings (field diagnostics are shown beside their field).
    pub preparation: Shared<Preparation>,
    /// Where user actions go.
    pub on_action: Callback<Action>,
}

fn value_of<'a>(values: &'a [(String, String)], name: &str) -> &'a str {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn errors_for(diagnostics: &[Diagnostic], name: &str) -> Vec<Diagnostic> {
    let location = format!("field {name}");
    diagnostics
        .iter()
        .filter(|d| d.location.file == location)
        .cloned()
        .collect()
}

fn field_input(
    name: String,
    label: String,
    help: String,
    shape: Option<Shape>,
    value: &str,
    errors: Vec<Diagnostic>,
    on_action: &Callback<Action>,
) -> Html {
    let id = format!("field-{name}");
    let on_change = {
        let on_action = on_action.clone();
        let name = name.clone();
        Callback::from(move |value: String| on_action.emit(Action::SetField(name.clone(), value)))
    };
    let described = format!("{id}-help");
    let invalid = errors
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    let control = match shape {
        Some(Shape::OneOf(options)) => {
            let on_change = on_change.clone();
            let change = Callback::from(move |event: Event| {
                let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                on_change.emit(select.value());
            });
            html! {
                <select id={id.clone()} data-testid={id.clone()} onchange={change} aria-describedby={described.clone()}>
                    <option value="" selected={value.is_empty()}>{ "(not set)" }</option>
                    { for options.iter().filter(|o| !o.is_empty()).map(|o| html! {
                        <option value={*o} selected={value == *o}>{ *o }</option>
                    }) }
                </select>
            }
        }
        _ if name.starts_with("enc_") => {
            let input = Callback::from(move |event: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
                on_change.emit(area.value());
            });
            html! {
                <textarea id={id.clone()} data-testid={id.clone()} rows="4" spellcheck="false" autocomplete="off"
                    value={value.to_owned()} oninput={input} aria-describedby={described.clone()}
                    aria-invalid={invalid.to_string()} />
            }
        }
        _ => {
            let input = Callback::from(move |event: InputEvent| {
                let element: web_sys::HtmlInputElement = event.target_unchecked_into();
                on_change.emit(element.value());
            });
            html! {
                <input id={id.clone()} data-testid={id.clone()} type="text" spellcheck="false" autocomplete="off"
                    value={value.to_owned()} oninput={input} aria-describedby={described.clone()}
                    aria-invalid={invalid.to_string()} />
            }
        }
    };
    html! {
        <div class="control">
            <label for={id.clone()} class="field-label"><code>{ &name }</code>{ format!(" — {label}") }</label>
            { control }
            <p class="help" id={described}>{ help }</p>
            { for errors.iter().map(|d| html! {
                <p class={classes!("field-error", d.severity.as_str())} data-testid={format!("field-error-{name}")}
                    data-code={d.code.as_str()} role="alert">{ &d.message }</p>
            }) }
        </div>
    }
}

fn limits(field: &FieldSpec) -> String {
    let mut parts = Vec::new();
    if field.required {
        parts.push("required".to_owned());
    }
    if let Some(max) = field.max_chars {
        parts.push(format!("at most {max} characters"));
    }
    parts.push(format!("rule {}", field.rule.id));
    parts.join(" · ")
}

/// The target's fields.
#[component]
pub fn FieldForm(props: &Props) -> Html {
    let spec = props.target.spec();
    let diagnostics = &props.preparation.diagnostics;
    let kind = value_of(&props.values, "type");
    let fields = spec
        .fields
        .iter()
        .filter(|f| !f.name.starts_with("enc_") || kind == "server_sm")
        .map(|f| {
            field_input(
                f.name.to_owned(),
                f.help.to_owned(),
                limits(f),
                Some(f.shape),
                value_of(&props.values, f.name),
                errors_for(diagnostics, f.name),
                &props.on_action,
            )
        });
    let tags = (props.target == ProviderId::AlibabaSlbCa).then(|| {
        let add = {
            let on_action = props.on_action.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(Action::AddTag))
        };
        html! {
            <fieldset class="tags">
                <legend>{ "Tags (up to 20)" }</legend>
                { for (1..=props.tag_rows).map(|n| html! {
                    <div class="row">
                        { field_input(format!("Tag.{n}.Key"), format!("tag {n} key"),
                            "1-128 characters; not acs: or aliyun…; no http:// or https://".into(), None,
                            value_of(&props.values, &format!("Tag.{n}.Key")),
                            errors_for(diagnostics, &format!("Tag.{n}.Key")), &props.on_action) }
                        { field_input(format!("Tag.{n}.Value"), format!("tag {n} value"),
                            "up to 128 characters; no http:// or https://".into(), None,
                            value_of(&props.values, &format!("Tag.{n}.Value")),
                            errors_for(diagnostics, &format!("Tag.{n}.Value")), &props.on_action) }
                    </div>
                }) }
                if props.tag_rows < 20 {
                    <button type="button" data-testid="add-tag" onclick={add}>{ "Add a tag" }</button>
                }
            </fieldset>
        }
    });
    let region_errors = errors_for(diagnostics, "region");
    html! {
        <div class="field-form" data-testid="field-form">
            { for fields }
            { tags.unwrap_or_default() }
            { for region_errors.iter().map(|d| html! {
                <p class={classes!("field-error", d.severity.as_str())} data-testid="field-error-region"
                    data-code={d.code.as_str()}>{ &d.message }</p>
            }) }
        </div>
    }
}
