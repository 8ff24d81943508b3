//! The chain as a picture: leaf → intermediates → root, each link's signature status, the missing
//! issuer when there is one, and what is not on the path.

use super::{chunked::chunks, show_all, use_lang};
use crate::analysis::chain::Verdict;
use crate::lang::Lang;
use crate::page_view::{Link, List, View};
use crate::ui::hooks::use_revealed::use_revealed;
use crate::ui::state::{Action, Shared};
use std::ops::Range;
use yew::prelude::*;

/// The view's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report whose chain is drawn.
    pub view: Shared<View>,
    /// Where "show all" goes.
    pub on_action: Callback<Action>,
}

fn verdict_text(lang: Lang, verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ordered => lang.pick(
            "In order: leaf first, each issuer after the certificate it signed.",
            "顺序正确：叶子证书在前，每个颁发者都在它签发的证书之后。",
        ),
        Verdict::Reorderable => lang.pick(
            "Out of order: the certificates form a chain, in another order.",
            "顺序不对：这些证书能组成证书链，但顺序不同。",
        ),
        Verdict::Broken => lang.pick(
            "Broken: the certificates do not form one chain.",
            "断开：这些证书组不成一条证书链。",
        ),
        Verdict::Empty => lang.pick(
            "No certificate yet: add the certificate to the certificate box.",
            "还没有证书：请把证书放进证书框。",
        ),
    }
}

/// The verdict's word on the page.
fn verdict_word(lang: Lang, verdict: Verdict) -> &'static str {
    match (lang, verdict) {
        (Lang::En, verdict) => verdict.as_str(),
        (Lang::ZhCn, Verdict::Ordered) => "有序",
        (Lang::ZhCn, Verdict::Reorderable) => "可重排",
        (Lang::ZhCn, Verdict::Broken) => "断开",
        (Lang::ZhCn, Verdict::Empty) => "空",
    }
}

/// The chain.
#[component]
pub fn ChainView(props: &Props) -> Html {
    let lang = use_lang();
    // A long path, the certificates not on it and the duplicates show their first items until
    // asked: laying out a 1,000-deep chain's nodes was most of the page's work when its verdict
    // came (bench/README.md, "the page's main thread").
    let view = &props.view;
    let chain = &view.chain;
    // The path shown whole a chunk at a time once the Worker sends it whole.
    let path_shown = use_revealed(chain.path.len());
    if view.certificate_count == 0 {
        return html! {
            <section class="chain" data-testid="chain-view" aria-labelledby="chain-title">
                <h3 id="chain-title">{ lang.pick("Chain", "证书链") }</h3>
                <p class="verdict empty" data-testid="chain-verdict" data-verdict="empty">
                    <strong>{ verdict_word(lang, Verdict::Empty) }</strong>{ " — " }{ verdict_text(lang, Verdict::Empty) }
                </p>
            </section>
        };
    }
    let verdict = chain.verdict.as_str();
    // Only an absent intermediate is a problem; a root left out is what most targets want.
    let missing_is_problem = chain.missing_is_problem;
    html! {
        <section class="chain" data-testid="chain-view" aria-labelledby="chain-title">
            <h3 id="chain-title">{ lang.pick("Chain", "证书链") }</h3>
            <p class={classes!("verdict", verdict)} data-testid="chain-verdict" data-verdict={verdict}>
                <strong>{ verdict_word(lang, chain.verdict) }</strong>{ " — " }{ verdict_text(lang, chain.verdict) }
            </p>
            <ol class="chain-path">
                { chunks(List::Path, view, path_shown) }
                if let Some((missing_name, missing_aki)) = &chain.missing {
                    <li class={classes!("chain-node", if missing_is_problem { "missing" } else { "omitted" })}
                        data-testid="chain-missing">
                        <span class="chain-role">{ match (missing_is_problem, lang) {
                            (true, Lang::En) => "missing issuer",
                            (true, Lang::ZhCn) => "缺少颁发者",
                            (false, Lang::En) => "root, not included",
                            (false, Lang::ZhCn) => "根证书，未包含",
                        } }</span>
                        <span class="chain-name">{ missing_name }</span>
                        if let Some(aki) = missing_aki {
                            <span class="help mono">{ lang.pick(format!("key identifier {aki}"), format!("密钥标识符 {aki}")) }</span>
                        }
                    </li>
                }
            </ol>
            { show_all(lang, chain.path.len(), chain.path_length, lang.pick("links of the chain", "证书链节点"), List::Path, &props.on_action) }
            if chain.not_on_path_count > 0 {
                <p class="help" data-testid="chain-strays">
                    { format!("{}{}", lang.pick("Not on the path: ", "不在路径上："), chain.not_on_path.iter().map(|(i, name)| format!("#{i} {name}")).collect::<Vec<_>>().join(", ")) }
                </p>
                { show_all(lang, chain.not_on_path.len(), chain.not_on_path_count, lang.pick("names not on the path", "不在路径上的证书"), List::NotOnPath, &props.on_action) }
            }
            if chain.duplicate_count > 0 {
                <p class="help" data-testid="chain-duplicates">
                    { format!("{}{}", lang.pick("Duplicates: ", "重复："), chain.duplicates.iter().map(|(copy, first)| format!("#{copy} = #{first}")).collect::<Vec<_>>().join(", ")) }
                </p>
                { show_all(lang, chain.duplicates.len(), chain.duplicate_count, lang.pick("duplicates", "重复项"), List::Duplicates, &props.on_action) }
            }
        </section>
    }
}

/// Nodes `range` of the chain's path (the view carries its first nodes, or all once asked), each
/// with the status of the link to its issuer and of its own signature when self-signed.
pub fn path_nodes(lang: Lang, view: &View, range: Range<usize>) -> Html {
    let chain = &view.chain;
    let role = |position: usize, node: &crate::page_view::ChainNode| {
        if position == 0 {
            if node.is_ca {
                lang.pick("CA certificate", "CA 证书")
            } else {
                lang.pick("leaf", "叶子证书")
            }
        } else if node.self_signed {
            lang.pick("root", "根证书")
        } else {
            lang.pick("intermediate", "中间证书")
        }
    };
    let link_status = |link: Link| match link {
        Link::Verified => ("verified", lang.pick("signature verified", "签名已验证")),
        Link::Unchecked => (
            "unchecked",
            lang.pick("signature not checked", "签名未检查"),
        ),
        Link::Failed => (
            "failed",
            lang.pick("signature does NOT verify", "签名验证失败"),
        ),
    };
    html! {
        { for chain.path.iter().enumerate().skip(range.start).take(range.len()).map(|(position, node)| {
            let index = node.index;
            let issuer = chain.path.get(position + 1).map(|n| n.index);
            let link = node.issuer_link.zip(issuer).map(|(link, issuer)| {
                let (status, text) = link_status(link);
                html! {
                    <p class={classes!("chain-link", status)} data-testid="chain-link" data-status={status}>
                        { match lang {
                            Lang::En => format!("↑ {text}: #{issuer} signed #{index}"),
                            Lang::ZhCn => format!("↑ {text}：#{issuer} 签发了 #{index}"),
                        } }
                    </p>
                }
            });
            let self_check = node.self_link.map(|link| {
                let (status, text) = link_status(link);
                html! {
                    <p class={classes!("chain-link", status)} data-testid="chain-link" data-status={status}>
                        { lang.pick(format!("self-signed, {text}"), format!("自签名，{text}")) }
                    </p>
                }
            });
            html! {
                <li class="chain-node" data-testid="chain-node" data-index={index.to_string()}>
                    <span class="chain-role">{ role(position, node) }</span>
                    <span class="chain-name">{ format!("#{index} {}", node.title) }</span>
                    { link.unwrap_or_default() }
                    { self_check.unwrap_or_default() }
                </li>
            }
        }) }
    }
}
