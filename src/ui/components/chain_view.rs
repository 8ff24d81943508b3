//! The chain as a picture: leaf → intermediates → root, each link's signature status, the missing
//! issuer when there is one, and what is not on the path.

use crate::analysis::Report;
use crate::analysis::chain::Verdict;
use yew::prelude::*;

/// The view's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report whose chain is drawn.
    pub report: Report,
}

fn verdict_text(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ordered => "In order: leaf first, each issuer after the certificate it signed.",
        Verdict::Reorderable => "Out of order: the certificates form a chain, in another order.",
        Verdict::Broken => "Broken: the certificates do not form one chain.",
        Verdict::Empty => "No certificate yet: add the certificate to the certificate box.",
    }
}

/// The chain.
#[component]
pub fn ChainView(props: &Props) -> Html {
    let report = &props.report;
    let chain = &report.chain;
    if report.certificates.is_empty() {
        return html! {
            <section class="chain" data-testid="chain-view" aria-labelledby="chain-title">
                <h3 id="chain-title">{ "Chain" }</h3>
                <p class="verdict empty" data-testid="chain-verdict" data-verdict="empty">
                    <strong>{ "empty" }</strong>{ " — " }{ verdict_text(Verdict::Empty) }
                </p>
            </section>
        };
    }
    let name = |index: usize| {
        report
            .certificates
            .get(index)
            .map(|c| c.common_name.clone().unwrap_or_else(|| c.subject.clone()))
            .unwrap_or_default()
    };
    let role = |position: usize, index: usize| {
        let certificate = &report.certificates[index];
        if position == 0 {
            if certificate.is_ca {
                "CA certificate"
            } else {
                "leaf"
            }
        } else if certificate.self_signed {
            "root"
        } else {
            "intermediate"
        }
    };
    let link_status = |subject: usize, issuer: usize| {
        chain
            .signatures
            .iter()
            .find(|s| s.subject_index == subject && s.issuer_index == issuer)
            .map(|s| {
                if s.verified {
                    ("verified", "signature verified")
                } else if s.unsupported.is_some() {
                    ("unchecked", "signature not checked")
                } else {
                    ("failed", "signature does NOT verify")
                }
            })
            .unwrap_or(("unchecked", "signature not checked"))
    };
    let verdict = chain.verdict.as_str();
    // Only an absent intermediate is a problem; a root left out is what most targets want.
    let missing_is_problem = report.diagnostics.iter().any(|d| {
        matches!(
            d.code,
            crate::diagnostic::Code::ChainMissingIssuer | crate::diagnostic::Code::ChainIncomplete
        )
    });
    html! {
        <section class="chain" data-testid="chain-view" aria-labelledby="chain-title">
            <h3 id="chain-title">{ "Chain" }</h3>
            <p class={classes!("verdict", verdict)} data-testid="chain-verdict" data-verdict={verdict}>
                <strong>{ verdict }</strong>{ " — " }{ verdict_text(chain.verdict) }
            </p>
            <ol class="chain-path">
                { for chain.order.iter().enumerate().map(|(position, &index)| {
                    let link = chain.order.get(position + 1).map(|&issuer| {
                        let (status, text) = link_status(index, issuer);
                        html! {
                            <p class={classes!("chain-link", status)} data-testid="chain-link" data-status={status}>
                                { format!("↑ {text}: #{issuer} signed #{index}") }
                            </p>
                        }
                    });
                    let self_check = (position + 1 == chain.order.len() && chain.root_included).then(|| {
                        let (status, text) = link_status(index, index);
                        html! {
                            <p class={classes!("chain-link", status)} data-testid="chain-link" data-status={status}>
                                { format!("self-signed, {text}") }
                            </p>
                        }
                    });
                    html! {
                        <li class="chain-node" data-testid="chain-node" data-index={index.to_string()}>
                            <span class="chain-role">{ role(position, index) }</span>
                            <span class="chain-name">{ format!("#{index} {}", name(index)) }</span>
                            { link.unwrap_or_default() }
                            { self_check.unwrap_or_default() }
                        </li>
                    }
                }) }
                if let Some(missing) = &chain.missing_issuer {
                    <li class={classes!("chain-node", if missing_is_problem { "missing" } else { "omitted" })}
                        data-testid="chain-missing">
                        <span class="chain-role">{ if missing_is_problem { "missing issuer" } else { "root, not included" } }</span>
                        <span class="chain-name">{ &missing.name }</span>
                        if let Some(aki) = &missing.aki {
                            <span class="help mono">{ format!("key identifier {aki}") }</span>
                        }
                    </li>
                }
            </ol>
            if !chain.not_on_path.is_empty() {
                <p class="help" data-testid="chain-strays">
                    { format!("Not on the path: {}", chain.not_on_path.iter().map(|&i| format!("#{i} {}", name(i))).collect::<Vec<_>>().join(", ")) }
                </p>
            }
            if !chain.duplicates.is_empty() {
                <p class="help" data-testid="chain-duplicates">
                    { format!("Duplicates: {}", chain.duplicates.iter().map(|d| format!("#{} = #{}", d.index, d.duplicate_of)).collect::<Vec<_>>().join(", ")) }
                </p>
            }
        </section>
    }
}
