//! One-click fixes with a before/after view: the corrected order, the root dropped, the bundle as
//! the target wants it, the key re-encoded.

use super::use_lang;
use crate::lang::Lang;
use crate::page_view::View;
use crate::ui::browser;
use crate::ui::state::{Action, Applied, Fix, Shared};
use yew::prelude::*;

/// A change's text longer than this many characters shows its beginning until asked: the list of
/// 997 certificates a bundle drops is one 90 KB sentence, whose layout and text shaping took a
/// third of the page's task when the answer came (bench/README.md, "the page's main thread").
const LONG_CHANGE: usize = 400;

/// The beginning of `text` when it is longer than [`LONG_CHANGE`] characters: cut after the last
/// ", " of a list within that length, or at that length.
fn beginning(text: &str) -> Option<&str> {
    let (cut, _) = text.char_indices().nth(LONG_CHANGE)?;
    let head = &text[..cut];
    Some(head.rfind(", ").map_or(head, |at| &head[..at + 1]))
}

/// The most of a before/after text the view lays out: its beginning, cut at a line break. The
/// whole of a 2 MiB bundle in the two columns held the page 180–320 ms when the view opened (and
/// again at each change of language while open); 16 KB is eight certificates, enough to see an
/// order change. The request and the console fields hold the whole text.
const SHOWN_TEXT: usize = 16 * 1024;

/// What the view shows of `text`: all of it, or its beginning, cut after the last line break
/// within [`SHOWN_TEXT`] bytes (at a character's start when it has none there: text on one line).
pub fn shown_part(text: &str) -> Option<&str> {
    if text.len() <= SHOWN_TEXT {
        return None;
    }
    // A line break is one byte: the cut is on a character boundary.
    let cut = match text.as_bytes()[..SHOWN_TEXT]
        .iter()
        .rposition(|&b| b == b'\n')
    {
        Some(at) => at + 1,
        None => (0..=SHOWN_TEXT)
            .rev()
            .find(|&at| text.is_char_boundary(at))
            .unwrap_or(0),
    };
    Some(&text[..cut])
}

/// A text's size in KB, or in MB from 1 MiB.
fn size(bytes: usize) -> String {
    if bytes < 1 << 20 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{} MB", super::megabytes(bytes))
    }
}

/// One column of the before/after view: its title, and the text (all of it, or its beginning and
/// a line saying so) while the view is open.
fn column(lang: Lang, title: &str, testid: &'static str, text: &str, shown: bool) -> Html {
    let part = shown_part(text);
    html! {
        <div>
            <h4>{ title }</h4>
            <pre data-testid={testid} tabindex="0">{ shown.then_some(part.unwrap_or(text)) }</pre>
            if let (true, Some(part)) = (shown, part) {
                <p class="help" data-testid={format!("{testid}-cut")}>{ match lang {
                    Lang::En => format!("The first {} KB of {} are shown; the request and the console fields hold the whole text.", part.len() / 1024, size(text.len())),
                    Lang::ZhCn => format!("此处只显示前 {} KB（共 {}）；请求和控制台字段中是完整文本。", part.len() / 1024, size(text.len())),
                } }</p>
            }
        </div>
    }
}

/// The panel's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view: the fixes that apply, what the request changes.
    pub view: Shared<View>,
    /// The last fix applied: which, before, after.
    pub applied: Option<Applied>,
    /// Where user actions go.
    pub on_action: Callback<Action>,
}

fn button(
    on_action: &Callback<Action>,
    fix: Fix,
    testid: &'static str,
    label: &'static str,
) -> Html {
    let on_action = on_action.clone();
    let click = Callback::from(move |_: MouseEvent| on_action.emit(Action::Apply(fix)));
    html! { <button type="button" data-testid={testid} onclick={click}>{ label }</button> }
}

/// The fixes that apply now.
#[component]
pub fn FixesPanel(props: &Props) -> Html {
    let lang = use_lang();
    let view = &props.view;
    let can = |fix| view.fixes.contains(&fix);
    // The changes shown whole (by index), once asked.
    let whole = use_state(Vec::<usize>::new);
    // The before/after texts (up to 2 MiB each) are in the page only while their view is open: a
    // fix just applied opens it, the bundle's own view starts closed.
    let shown = {
        let applied = props.applied.is_some();
        use_state_eq(move || applied)
    };
    {
        let shown = shown.clone();
        use_effect_with(props.applied.clone(), move |applied| {
            shown.set(applied.is_some());
        });
    }
    let on_toggle = {
        let shown = shown.clone();
        Callback::from(move |event: Event| shown.set(browser::details_open(&event)))
    };
    let (can_order, can_drop_root, can_normalise, can_convert) = (
        can(Fix::Order),
        can(Fix::DropRoot),
        can(Fix::Normalise),
        can(Fix::ConvertKey),
    );
    if !(can_order || can_drop_root || can_normalise || can_convert) && props.applied.is_none() {
        return html! {};
    }
    html! {
        <section class="fixes" data-testid="fixes" aria-labelledby="fixes-title">
            <h3 id="fixes-title">{ lang.pick("Fixes", "修复") }</h3>
            <div class="fix-buttons">
                if can_order { { button(&props.on_action, Fix::Order, "fix-order", lang.pick("Use the corrected order", "使用正确的顺序")) } }
                if can_drop_root { { button(&props.on_action, Fix::DropRoot, "fix-drop-root", lang.pick("Drop the root", "去掉根证书")) } }
                if can_normalise { { button(&props.on_action, Fix::Normalise, "fix-normalise", lang.pick("Normalise for this target", "按此目标规范化")) } }
                if can_convert { { button(&props.on_action, Fix::ConvertKey, "fix-convert-key", lang.pick("Convert the key to PKCS#1 / SEC1", "将私钥转换为 PKCS#1 / SEC1")) } }
            </div>
            if !view.bundle_changes.is_empty() {
                <p class="help">{ lang.pick("For this target the request will send the certificates with these changes:", "对此目标，请求发送的证书会有以下改动：") }</p>
                <ul data-testid="fix-changes">
                    { for view.bundle_changes.iter().enumerate().map(|(index, change)| {
                        let text = change.get(lang);
                        match beginning(text).filter(|_| !whole.contains(&index)) {
                            Some(head) => {
                                let whole = whole.clone();
                                let more = Callback::from(move |_: MouseEvent| {
                                    let mut next = (*whole).clone();
                                    next.push(index);
                                    whole.set(next);
                                });
                                html! { <li>{ head }{ "… " }<button type="button" class="link" data-testid="fix-change-more" onclick={more}>
                                    { lang.pick("show the whole change", "显示完整内容") }</button></li> }
                            }
                            None => html! { <li>{ text }</li> },
                        }
                    }) }
                </ul>
            }
            if let Some(Applied { fix, before, after }) = &props.applied {
                <details class="before-after" open={*shown} ontoggle={on_toggle}>
                    <summary data-testid="fix-before-after">{ format!("{}{}", lang.pick("Applied: ", "已应用："), match (fix, lang) {
                        (Fix::Order, Lang::En) => "the corrected order",
                        (Fix::DropRoot, Lang::En) => "the root dropped",
                        (Fix::Normalise, Lang::En) => "the bundle normalised for the target",
                        (Fix::ConvertKey, Lang::En) => "the key re-encoded",
                        (Fix::Order, Lang::ZhCn) => "正确的顺序",
                        (Fix::DropRoot, Lang::ZhCn) => "去掉根证书",
                        (Fix::Normalise, Lang::ZhCn) => "按目标规范化的证书链",
                        (Fix::ConvertKey, Lang::ZhCn) => "重新编码的私钥",
                    }) }</summary>
                    <div class="columns">
                        { column(lang, lang.pick("Before", "修改前"), "fix-before", before, *shown) }
                        { column(lang, lang.pick("After", "修改后"), "fix-after", after, *shown) }
                    </div>
                </details>
            } else if let Some((before, after)) = &view.bundle_before_after {
                <details class="before-after" open={*shown} ontoggle={on_toggle}>
                    <summary data-testid="fix-before-after">{ lang.pick("Before and after", "修改前后对比") }</summary>
                    <div class="columns">
                        { column(lang, lang.pick("Before", "修改前"), "fix-before", before, *shown) }
                        { column(lang, lang.pick("After", "修改后"), "fix-after", after, *shown) }
                    </div>
                </details>
            }
        </section>
    }
}
