//! The status of a large analysis: its size, its stage and a progress bar.

use super::megabytes;
use crate::analysis::job::{Progress, Stage};
use yew::prelude::*;

/// The status's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The material's size in bytes.
    pub size: usize,
    /// How far the analysis has got, once it has started.
    pub progress: Option<Progress>,
    /// Whether it waits for the input to settle before it starts.
    pub settle: bool,
}

/// "Analysing 2.0 MB of material: checking signatures: 12 of 999…" and a progress bar.
#[component]
pub fn AnalysisProgress(props: &Props) -> Html {
    let megabytes = megabytes(props.size);
    let (what, done, total) = match props.progress {
        None if props.settle => ("waiting for the input to settle".to_owned(), 0, 1),
        None => ("starting".to_owned(), 0, 1),
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
