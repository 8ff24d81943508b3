//! The console path: what to paste into each field of the target's web console, for a user who
//! never calls the API (no credentials, no generated request). One block per field: its name as the
//! console shows it in the page's language, the exact text in a read-only box with its own copy
//! button, and the console's pitfalls for it; the menu path above. Everything comes from one
//! [`ConsoleSheet`] built by the core (`providers::console::console_sheet`).

use super::use_lang;
use crate::lang::Lang;
use crate::providers::ConsoleSheet;
use crate::ui::browser;
use yew::prelude::*;

/// The view's property: the sheet, one plain owned value.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to paste where, after the fixes.
    pub sheet: ConsoleSheet,
}

/// Rows for a read-only box: its lines, within bounds (a name is one line, a chain many).
fn rows(text: &str) -> String {
    text.lines().count().clamp(1, 12).to_string()
}

/// The console view, closed until asked for.
#[component]
pub fn ConsoleView(props: &Props) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let copied = use_state(|| None::<usize>);
    let sheet = &props.sheet;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let body = if !*open {
        Html::default()
    } else if !sheet.ready {
        html! {
            <p class="note" data-testid="console-blocked">{ lang.pick(
                "Nothing to paste yet: give the material and fix the errors listed above (they block the request too).",
                "暂无可粘贴的内容：请先提供材料并修正上面列出的错误（它们同样会阻止生成请求）。",
            ) }</p>
        }
    } else {
        let fields = sheet.fields.iter().enumerate().map(|(index, field)| {
            let id = format!("console-text-{index}");
            let pitfalls_id = format!("console-pitfalls-{index}");
            let label = field.label.get(lang).to_owned();
            let described = (!field.pitfalls.is_empty()).then(|| pitfalls_id.clone());
            let text = match &field.text {
                Some(text) => {
                    let copy = {
                        let (text, copied) = (text.clone(), copied.clone());
                        Callback::from(move |_: MouseEvent| {
                            browser::copy_text(&text);
                            copied.set(Some(index));
                        })
                    };
                    html! {
                        <>
                            <textarea id={id.clone()} class="console-text" data-testid="console-text" readonly=true
                                rows={rows(text)} spellcheck="false" autocomplete="off" value={text.clone()}
                                aria-describedby={described} />
                            <button type="button" data-testid="console-copy" onclick={copy}>
                                { lang.pick("Copy", "复制") }
                                <span class="visually-hidden">{ format!(": {label}") }</span>
                            </button>
                        </>
                    }
                }
                None => html! {
                    <p class="help" id={id.clone()} data-testid="console-empty">{ lang.pick("(leave empty)", "（留空）") }</p>
                },
            };
            html! {
                <li class="console-field" data-testid="console-field" data-fill={field.fill.clone()}>
                    <label for={id} class="field-label" data-testid="console-label">{ label.clone() }</label>
                    { text }
                    if !field.pitfalls.is_empty() {
                        <ul class="pitfalls help" id={pitfalls_id} data-testid="console-pitfalls">
                            { for field.pitfalls.iter().map(|p| html! { <li>{ p.get(lang) }</li> }) }
                        </ul>
                    }
                </li>
            }
        });
        let status = (*copied)
            .and_then(|index| sheet.fields.get(index))
            .map(|field| copied_text(lang, field.label.get(lang)))
            .unwrap_or_default();
        html! {
            <>
                <p data-testid="console-menu"><strong>{ lang.pick("Where: ", "位置：") }</strong>{ sheet.menu.get(lang) }</p>
                if !sheet.verified {
                    <p class="help" data-testid="console-unverified">{ lang.pick(
                        "These field names are as we last knew them: the console may word them a little differently.",
                        "这些字段名称是我们最近所知的写法：控制台上的措辞可能略有不同。",
                    ) }</p>
                }
                <ol class="console-fields">{ for fields }</ol>
                <p class="help" role="status" data-testid="console-copied">{ status }</p>
            </>
        }
    };
    html! {
        <section class="panel console" aria-labelledby="console-title" data-testid="console-view">
            <h3 id="console-title">{ lang.pick("Or paste into the console", "或粘贴到控制台") }</h3>
            <p class="help">{ lang.pick(
                "No API call and no credentials: each text below goes into the console's field of the same name.",
                "无需调用 API，也无需凭证：下面的每段文本粘贴到控制台中同名的输入框即可。",
            ) }</p>
            <button type="button" data-testid="console-toggle" aria-expanded={(*open).to_string()}
                aria-controls="console-body" onclick={toggle}>
                { if *open { lang.pick("Hide what to paste", "收起粘贴内容") } else { lang.pick("Show what to paste", "显示要粘贴的内容") } }
            </button>
            <div id="console-body">{ body }</div>
        </section>
    }
}

fn copied_text(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!("Copied: {label}."),
        Lang::ZhCn => format!("已复制：{label}。"),
    }
}
