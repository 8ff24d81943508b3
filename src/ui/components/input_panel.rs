//! A material box: a paste area, a file picker and a drop zone, for one kind of material.

use super::{megabytes, use_lang};
use crate::lang::Lang;
use crate::ui::browser;
use crate::ui::state::{Action, HIDDEN_TEXT, Slot};
use std::rc::Rc;
use yew::prelude::*;

/// The box's properties.
#[derive(Properties)]
pub struct Props {
    /// Which box.
    pub slot: Slot,
    /// The heading.
    pub title: AttrValue,
    /// The paste area's label.
    pub label: AttrValue,
    /// The paste area's current text.
    pub pasted: Rc<str>,
    /// Names of the files loaded so far.
    pub files: Vec<String>,
    /// File types offered by the picker.
    pub accept: AttrValue,
    /// Where user actions go.
    pub on_action: Callback<Action>,
}

/// Equal when the text is the same `Rc` (or equal text) and the rest is equal: `Rc<str>`'s own
/// `==` compares the characters even of one pointer (its shortcut is for sized types only), 2 MiB
/// in about 6 ms at every render of the page while it analysed.
impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.pasted, &other.pasted) || self.pasted == other.pasted)
            && self.slot == other.slot
            && self.title == other.title
            && self.label == other.label
            && self.files == other.files
            && self.accept == other.accept
            && self.on_action == other.on_action
    }
}

/// Where text taken by the box is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrived {
    /// In the area already: the browser put it there (typing, a small paste or drop).
    InArea,
    /// Still to be put there: a large paste or drop the page makes itself.
    ToPut,
}

fn prefix(slot: Slot) -> &'static str {
    match slot {
        Slot::Certificates => "",
        Slot::Key => "key-",
        Slot::Csr => "csr-",
    }
}

/// Paste area, file picker and drop zone for one slot.
///
/// Pasted text over [`HIDDEN_TEXT`] is kept in the paste area, whose value is unchanged, but the
/// area is hidden behind a line that says how much was pasted, until the user asks to see it:
/// laying out megabytes of text in a text area held the page for a quarter of a second at a time
/// and made the analysis of a 2 MiB bundle take twice as long. Hidden, not removed: Chromium took
/// 1.6 s to remove a focused text area holding 2 MiB (a profile of bench/browser/mainthread.mjs).
/// The text is shared (`Rc<str>`, equal when it is the same pointer): the page's other renders
/// neither copy nor compare it (`AttrValue` compares the 2 MiB, 4–17 ms at each progress report).
/// The area is not a controlled element: Yew reads a controlled area's value back at each of its
/// renders to compare it (a 2 MiB copy into the module, about 12 ms, right after the input event
/// had read it once). The box remembers the text it read itself (`held`), and writes the state's
/// text into the area only when that is other text: a routing, a fix, a removal, "clear".
#[component]
pub fn InputPanel(props: &Props) -> Html {
    let lang = use_lang();
    let slot = props.slot;
    let prefix = prefix(slot);
    let dragging = use_state(|| false);
    let shown = use_state(|| false);
    // A large input read in a later task (its length in UTF-16 units until then): the paste's own
    // task only hides the area. `reading` counts the inputs taken: a read still to come goes ahead
    // only if no input, removal or other text has come since.
    let incoming = use_state_eq(|| None::<usize>);
    let reading = use_mut_ref(|| 0_u64);
    let large = props.pasted.len() > HIDDEN_TEXT;
    let collapsed = (large || incoming.is_some()) && !*shown;
    // Focus was in the paste area when it was hidden: it goes to the button that shows it again.
    let show_button = use_node_ref();
    let refocus = use_mut_ref(|| false);
    {
        let shown = shown.clone();
        let show_button = show_button.clone();
        let refocus = refocus.clone();
        let waiting = incoming.is_some();
        use_effect_with((large, collapsed), move |&(large, collapsed)| {
            if !large && !waiting && *shown {
                shown.set(false);
            }
            if collapsed && refocus.replace(false) {
                browser::focus(&show_button);
            }
        });
    }
    // What the area holds, as far as the box knows: the text it read in its last input event, or
    // the state's text it last wrote.
    let area = use_node_ref();
    let held = use_mut_ref(|| Rc::<str>::from(""));
    {
        let (area, held, pasted) = (area.clone(), held.clone(), props.pasted.clone());
        let (reading, incoming) = (reading.clone(), incoming.clone());
        use_effect(move || {
            let mut held = held.borrow_mut();
            if !Rc::ptr_eq(&held, &pasted) {
                if **held != *pasted {
                    browser::set_area_value(&area, &pasted);
                    // Other text replaced the area's: a read not yet made would bring it back.
                    if incoming.is_some() {
                        *reading.borrow_mut() += 1;
                        incoming.set(None);
                    }
                }
                *held = pasted;
            }
        });
    }
    // The text read becomes the box's.
    let commit = {
        let (on_action, held, incoming) = (props.on_action.clone(), held.clone(), incoming.clone());
        move |text: Rc<str>| {
            *held.borrow_mut() = text.clone();
            incoming.set(None);
            on_action.emit(Action::Paste(slot, text));
        }
    };
    // Text over HIDDEN_TEXT is read in a later task: in the paste's own, the browser has just put
    // the text in the area (about 22 ms for 2 MiB), and reading it (9–16 ms), handing it on and
    // rendering took as long again. Either way the area is hidden in the paste's task, before
    // the browser would lay out its text, and the caret left in it goes first. A paste the page
    // makes itself (`Arrived::ToPut`) puts the text in the hidden area in a task of its own before
    // that read.
    let take = {
        let (refocus, reading, incoming, commit, area) = (
            refocus.clone(),
            reading.clone(),
            incoming.clone(),
            commit.clone(),
            area.clone(),
        );
        move |value: browser::BrowserText, arrived: Arrived| {
            let generation = {
                let mut reading = reading.borrow_mut();
                *reading += 1;
                *reading
            };
            let units = value.units();
            if units > HIDDEN_TEXT {
                browser::drop_selection();
                *refocus.borrow_mut() = true;
                incoming.set(Some(units));
                let (reading, commit, area) = (reading.clone(), commit.clone(), area.clone());
                let current = move || *reading.borrow() == generation;
                browser::spawn(async move {
                    browser::next_task().await;
                    if arrived == Arrived::ToPut && current() {
                        browser::put_hidden_text(&area, &value);
                        browser::next_task().await;
                    }
                    if current() {
                        commit(Rc::from(browser::utf8(&value)));
                    }
                });
                return;
            }
            let text: Rc<str> = Rc::from(browser::utf8(&value));
            // Over HIDDEN_TEXT in UTF-8, not in UTF-16: the area is about to be hidden.
            if text.len() > HIDDEN_TEXT {
                browser::drop_selection();
                *refocus.borrow_mut() = true;
            }
            commit(text);
        }
    };
    let on_input = {
        let take = take.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = browser::area_value(&event) {
                take(value, Arrived::InArea);
            }
        })
    };
    // A large paste is made by the page (the browser's own took a second for 2 MiB).
    let on_paste = {
        let take = take.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = browser::paste_large(&event, HIDDEN_TEXT) {
                take(value, Arrived::ToPut);
            }
        })
    };
    let on_show = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(true))
    };
    let on_remove_text = {
        let (commit, reading, area) = (commit.clone(), reading.clone(), area.clone());
        Callback::from(move |_: MouseEvent| {
            *reading.borrow_mut() += 1;
            // Emptied here: the box may not have read the text yet, so the state's may be "" already.
            browser::set_area_value(&area, "");
            commit(Rc::from(""));
        })
    };
    let load = {
        let on_action = props.on_action.clone();
        move |files: Vec<browser::PickedFile>| {
            if files.is_empty() {
                return;
            }
            let on_action = on_action.clone();
            browser::spawn(async move {
                let files = browser::read_files(files).await;
                // The copy of the last file into the module, and the message that hands the files
                // to the Worker, in tasks of their own (a 32 MiB file: about 25 ms each).
                browser::next_task().await;
                on_action.emit(Action::AddFiles(slot, files));
            });
        }
    };
    let on_pick = {
        let load = load.clone();
        Callback::from(move |event: Event| {
            load(browser::picked_files(&event));
            browser::clear_file_input(&event);
        })
    };
    // Files dropped are read; text dragged in is the browser's to put where it is dropped, as
    // anywhere else (it was refused along with what was not files), or the page's when it is large.
    let on_drop = {
        let (dragging, take) = (dragging.clone(), take.clone());
        Callback::from(move |event: DragEvent| {
            dragging.set(false);
            let files = browser::dropped_files(&event);
            if !files.is_empty() {
                event.prevent_default();
                load(files);
            } else if let Some(value) = browser::paste_large(&event, HIDDEN_TEXT) {
                take(value, Arrived::ToPut);
            }
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
    // The text's size: in UTF-16 units for the moment it is not read yet (the same for ASCII).
    let size = incoming.unwrap_or(props.pasted.len());
    let area_id = format!("{prefix}paste");
    let pick_id = format!("{prefix}file-pick");
    let rows = if slot == Slot::Certificates {
        "10"
    } else {
        "5"
    };
    html! {
        <div class={classes!("material", (*dragging).then_some("dragging"))} data-testid={format!("{prefix}drop-zone")}
            ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <h3>{ props.title.clone() }</h3>
            <label for={area_id.clone()} class="field-label">{ props.label.clone() }</label>
            if collapsed {
                <div class="collapsed" data-testid={format!("{prefix}paste-collapsed")} role="status">
                    <p class="note">{ match lang {
                        Lang::En => format!("{} MB of text pasted. It is kept as it is and analysed below; it is not shown here, so that the page stays quick.", megabytes(size)),
                        Lang::ZhCn => format!("已粘贴 {} MB 文本。文本原样保留并在下方分析；为保持页面流畅，此处不显示。", megabytes(size)),
                    } }</p>
                    <button type="button" class="secondary" ref={show_button} data-testid={format!("{prefix}show-text")}
                        onclick={on_show}>{ lang.pick("Show the text", "显示文本") }</button>
                    { " " }
                    <button type="button" class="link" data-testid={format!("{prefix}remove-text")}
                        onclick={on_remove_text}>{ lang.pick("Remove the text", "删除文本") }</button>
                </div>
            }
            <textarea id={area_id.clone()} data-testid={area_id} spellcheck="false" autocomplete="off" rows={rows}
                hidden={collapsed} ref={area} oninput={on_input} onpaste={on_paste} />
            <div class="file-row">
                <label for={pick_id.clone()} class="file-button">{ lang.pick("Choose files", "选择文件") }</label>
                <input id={pick_id.clone()} data-testid={pick_id} type="file" multiple=true class="visually-hidden"
                    accept={props.accept.clone()} onchange={on_pick} />
                <span class="help">{ lang.pick(" or drop them here", " 或拖放到这里") }</span>
            </div>
            if !props.files.is_empty() {
                <ul class="file-list" data-testid={format!("{prefix}file-list")}>
                    { for props.files.iter().enumerate().map(|(index, name)| {
                        let on_action = props.on_action.clone();
                        let remove = Callback::from(move |_: MouseEvent| on_action.emit(Action::RemoveFile(slot, index)));
                        html! { <li>{ name }{ " " }
                            <button type="button" class="link" onclick={remove} aria-label={lang.pick(format!("Remove {name}"), format!("移除 {name}"))}>{ lang.pick("remove", "移除") }</button></li> }
                    }) }
                </ul>
            }
        </div>
    }
}
