//! The status of a large analysis: its size, its stage and a progress bar.

use super::{megabytes, use_lang};
use crate::analysis::job::{Progress, Stage};
use crate::lang::Lang;
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
    let lang = use_lang();
    let megabytes = megabytes(props.size);
    let (what, done, total) = match props.progress {
        None if props.settle => (
            lang.pick("waiting for the input to settle", "等待输入停止变化")
                .to_owned(),
            0,
            1,
        ),
        None => (lang.pick("starting", "正在开始").to_owned(), 0, 1),
        Some(p) => {
            let what = match (p.stage, lang) {
                (Stage::Reading, Lang::En) => format!("reading blocks: {} of {}", p.done, p.total),
                (Stage::Reading, Lang::ZhCn) => format!("读取块：{} / {}", p.done, p.total),
                (Stage::Checking, Lang::En) => {
                    format!("checking signatures: {} of {}", p.done, p.total)
                }
                (Stage::Checking, Lang::ZhCn) => format!("检查签名：{} / {}", p.done, p.total),
            };
            (what, p.done, p.total.max(1))
        }
    };
    html! {
        <div class="analysing" data-testid="analysing" role="status">
            <p class="note">{ match lang {
                Lang::En => format!("Analysing {megabytes} MB of material: {what}…"),
                Lang::ZhCn => format!("正在分析 {megabytes} MB 的材料：{what}…"),
            } }</p>
            <progress data-testid="analysis-progress" max={total.to_string()} value={done.to_string()}
                aria-label={lang.pick("Analysis progress", "分析进度")}></progress>
        </div>
    }
}
