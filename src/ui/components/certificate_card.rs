//! A card with one certificate's facts: names, validity, serial, algorithm and fingerprints.

use crate::analysis::certificate::{CertificateSummary, Expiry};
use yew::prelude::*;

/// The card's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The certificate to show.
    pub certificate: CertificateSummary,
}

/// One certificate.
#[component]
pub fn CertificateCard(props: &Props) -> Html {
    let c = &props.certificate;
    let (status_class, status_text) = match c.expiry {
        Expiry::Valid => (
            "status ok",
            format!("valid, {} days left", c.days_until_expiry),
        ),
        Expiry::Expired => (
            "status bad",
            format!("expired {} days ago", -c.days_until_expiry),
        ),
        Expiry::NotYetValid => ("status bad", "not yet valid".to_owned()),
    };
    let title = c.common_name.clone().unwrap_or_else(|| c.subject.clone());
    let place = match (c.block, c.line) {
        (Some(block), Some(line)) => format!("{}, block {block}, line {line}", c.file),
        _ => c.file.clone(),
    };
    html! {
        <article class="card" data-testid="certificate-card" data-index={c.index.to_string()}>
            <header class="card-head">
                <h3>{ title }</h3>
                <span class={status_class} data-testid="cert-expiry">{ status_text }</span>
            </header>
            <p class="place">{ place }</p>
            <dl class="facts">
                <dt>{ "Subject" }</dt><dd data-testid="cert-subject">{ &c.subject }</dd>
                <dt>{ "Issuer" }</dt><dd data-testid="cert-issuer">{ &c.issuer }</dd>
                <dt>{ "Valid from" }</dt><dd data-testid="cert-not-before"><time>{ &c.not_before }</time></dd>
                <dt>{ "Valid until" }</dt><dd data-testid="cert-not-after"><time>{ &c.not_after }</time></dd>
                <dt>{ "Serial" }</dt><dd class="mono" data-testid="cert-serial">{ &c.serial_hex }</dd>
                <dt>{ "Signature" }</dt><dd data-testid="cert-signature-algorithm">{ &c.signature_algorithm }</dd>
                <dt>{ "SHA-1" }</dt><dd class="mono fingerprint" data-testid="cert-sha1">{ &c.sha1 }</dd>
                <dt>{ "SHA-256" }</dt><dd class="mono fingerprint" data-testid="cert-sha256">{ &c.sha256 }</dd>
            </dl>
        </article>
    }
}
