//! The target's request fields, with inline validation from the provider rules (the same checks
//! the command line runs) and the documented limits in each field's help. Everything shown comes
//! from the target's data: its fields (a text area for PEM ones, a choice for enumerations, only
//! those whose condition holds) and its numbered field families (`Tag.N.Key`), row by row.

use super::use_lang;
use crate::lang::Lang;
use crate::page_view::{Finding, View};
use crate::providers::{FieldInput, FieldSpec, NumberedFields, ProviderId, Shape};
use crate::ui::browser;
use crate::ui::state::{Action, Shared};
use yew::prelude::*;

/// The form's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The target.
    pub target: ProviderId,
    /// Current values by name.
    pub values: Vec<(String, String)>,
    /// How many rows of each numbered field family to show.
    pub numbered_rows: Vec<usize>,
    /// The view (its field findings are shown beside their field).
    pub view: Shared<View>,
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

fn errors_for(findings: &[Finding], name: &str) -> Vec<Finding> {
    findings
        .iter()
        .filter(|d| d.field.as_deref() == Some(name))
        .cloned()
        .collect()
}

/// What one input shows: its API name, label, help, shape and whether it takes PEM.
struct Control {
    name: String,
    label: String,
    help: String,
    shape: Option<Shape>,
    pem: bool,
}

fn field_input(
    lang: Lang,
    control: Control,
    value: &str,
    errors: Vec<Finding>,
    on_action: &Callback<Action>,
) -> Html {
    let Control {
        name,
        label,
        help,
        shape,
        pem,
    } = control;
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
                on_change.emit(browser::input_value(&event));
            });
            html! {
                <select id={id.clone()} data-testid={id.clone()} onchange={change} aria-describedby={described.clone()}>
                    <option value="" selected={value.is_empty()}>{ lang.pick("(not set)", "（不设置）") }</option>
                    { for options.iter().filter(|o| !o.is_empty()).map(|o| html! {
                        <option value={*o} selected={value == *o}>{ *o }</option>
                    }) }
                </select>
            }
        }
        _ if pem => {
            let input = Callback::from(move |event: InputEvent| {
                on_change.emit(browser::input_value(&event));
            });
            html! {
                <textarea id={id.clone()} data-testid={id.clone()} rows="4" spellcheck="false" autocomplete="off"
                    value={value.to_owned()} oninput={input} aria-describedby={described.clone()}
                    aria-invalid={invalid.to_string()} />
            }
        }
        _ => {
            let input = Callback::from(move |event: InputEvent| {
                on_change.emit(browser::input_value(&event));
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
                    data-code={d.code.as_str()} role="alert">{ d.message.get(lang) }</p>
            }) }
        </div>
    }
}

fn limits(lang: Lang, field: &FieldSpec) -> String {
    let mut parts = Vec::new();
    if field.required {
        parts.push(lang.pick("required", "必填").to_owned());
    }
    if let Some(max) = field.max_chars {
        parts.push(lang.pick(
            format!("at most {max} characters"),
            format!("最多 {max} 个字符"),
        ));
    }
    let id = field.rule.id;
    parts.push(lang.pick(format!("rule {id}"), format!("规则 {id}")));
    parts.join(" · ")
}

/// One numbered field family: a row per entry, each part an input, and a button adding a row.
fn numbered_rows(
    lang: Lang,
    index: usize,
    family: &NumberedFields,
    rows: usize,
    props: &Props,
) -> Html {
    let diagnostics = &props.view.field_findings;
    let add = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::AddRow(index)))
    };
    let stem = family.stem;
    html! {
        <fieldset class="tags">
            <legend>{ match lang {
                Lang::En => format!("{stem} (up to {})", family.max),
                Lang::ZhCn => format!("{stem}（最多 {} 个）", family.max),
            } }</legend>
            { for (1..=rows as u32).map(|n| html! {
                <div class="row">
                    { for family.parts.iter().enumerate().map(|(part_index, part)| {
                        let name = family.name(n, part_index);
                        let control = Control {
                            name: name.clone(),
                            label: match lang {
                                Lang::En => format!("{} {n} {}", stem.to_lowercase(), part.name.to_lowercase()),
                                Lang::ZhCn => format!("{stem} 第 {n} 项 {}", part.name),
                            },
                            help: part.help.get(lang).into(),
                            shape: None,
                            pem: false,
                        };
                        field_input(lang, control, value_of(&props.values, &name),
                            errors_for(diagnostics, &name), &props.on_action)
                    }) }
                </div>
            }) }
            if rows < family.max as usize {
                <button type="button" data-testid={format!("add-{}", stem.to_lowercase())} onclick={add}>
                    { lang.pick(format!("Add a row of {stem}"), format!("添加一行 {stem}")) }
                </button>
            }
        </fieldset>
    }
}

/// The target's fields.
#[component]
pub fn FieldForm(props: &Props) -> Html {
    let lang = use_lang();
    let spec = props.target.spec();
    let diagnostics = &props.view.field_findings;
    let get = |name: &str| Some(value_of(&props.values, name).to_owned()).filter(|v| !v.is_empty());
    let fields = spec
        .fields
        .iter()
        .filter(|f| f.only_when.is_none_or(|when| when.holds(get)))
        .map(|f| {
            let control = Control {
                name: f.name.to_owned(),
                label: f.help.get(lang).to_owned(),
                help: limits(lang, f),
                shape: Some(f.shape),
                pem: f.input == FieldInput::Pem,
            };
            field_input(
                lang,
                control,
                value_of(&props.values, f.name),
                errors_for(diagnostics, f.name),
                &props.on_action,
            )
        });
    let families = spec.numbered.iter().enumerate().map(|(index, family)| {
        let rows = props.numbered_rows.get(index).copied().unwrap_or(1);
        numbered_rows(lang, index, family, rows, props)
    });
    let region_errors = errors_for(diagnostics, "region");
    html! {
        <div class="field-form" data-testid="field-form">
            { for fields }
            { for families }
            { for region_errors.iter().map(|d| html! {
                <p class={classes!("field-error", d.severity.as_str())} data-testid="field-error-region"
                    data-code={d.code.as_str()}>{ d.message.get(lang) }</p>
            }) }
        </div>
    }
}
