//! The page's state and its reducer: what the user pasted and picked, and the report the core
//! computed from it. Nothing here is ever written to storage or to the URL.

use super::browser::{self, LoadedFile};
use crate::analysis::{self, Input, Report};
use std::rc::Rc;
use yew::Reducible;

/// What the page holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The paste area's text, kept exactly as typed, whatever the analysis says.
    pub pasted: String,
    /// Files picked or dropped, in the order they arrived.
    pub files: Vec<LoadedFile>,
    /// Names of files the browser could not read.
    pub unreadable: Vec<String>,
    /// The analysis of everything above.
    pub report: Report,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The paste area changed.
    Paste(String),
    /// Files were picked or dropped (or could not be read).
    AddFiles(Vec<Result<LoadedFile, String>>),
    /// The user removed one file.
    RemoveFile(usize),
    /// Start again.
    Clear,
}

/// The name pasted text carries in locations.
pub const PASTED: &str = "pasted text";

impl State {
    fn analyse(mut self) -> Self {
        let mut inputs = Vec::with_capacity(self.files.len() + 1);
        if !self.pasted.trim().is_empty() || self.files.is_empty() {
            inputs.push(Input::new(PASTED, self.pasted.as_bytes()));
        }
        inputs.extend(self.files.iter().map(|f| Input::new(&f.name, &f.bytes)));
        let nothing_yet = self.pasted.trim().is_empty() && self.files.is_empty();
        self.report = if nothing_yet {
            Report::default()
        } else {
            analysis::analyze(&inputs, browser::now())
        };
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Paste(text) => next.pasted = text,
            Action::AddFiles(files) => {
                for file in files {
                    match file {
                        Ok(file) => next.files.push(file),
                        Err(name) => next.unreadable.push(name),
                    }
                }
            }
            Action::RemoveFile(index) if index < next.files.len() => {
                next.files.remove(index);
            }
            Action::RemoveFile(_) => {}
            Action::Clear => next = State::default(),
        }
        Rc::new(next.analyse())
    }
}
