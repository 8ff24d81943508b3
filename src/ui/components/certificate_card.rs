//! A card with one certificate's facts: names, SANs, validity on a timeline, key, serial,
//! algorithm and fingerprints with copy buttons.

use crate::analysis::certificate::{CertificateSummary, Expiry};
use crate::ui::browser;
use std::str::FromStr;
use std::time::Duration;
use yew::prelude::*;

/// The card's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The certificate to show.
    pub certificate: CertificateSummary,
    /// The validation time (for the timeline).
    #[prop_or_default]
    pub now: Duration,
}

fn seconds(rfc3339: &str) -> Option<u64> {
    der::DateTime::from_str(rfc3339)
        .ok()
        .map(|t| t.unix_duration().as_secs())
}

fn copy_button(label: &'static str, testid: &'static str, value: &str) -> Html {
    let value = value.to_owned();
    let copy = Callback::from(move |_: MouseEvent| browser::copy_text(&value));
    html! {
        <button type="button" class="copy" data-testid={testid} onclick={copy}
            aria-label={format!("Copy the {label} fingerprint")}>{ "copy" }</button>
    }
}

/// One certificate.
#[component]
pub fn CertificateCard(props: &Props) -> Html {
    let c = &props.certificate;
    let (status_class, status_text) = match c.expiry {
        Expiry::Valid if c.days_until_expiry < 30 => (
            "status warn",
            format!("valid, {} days left", c.days_until_expiry),
        ),
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
    let timeline = match (seconds(&c.not_before), seconds(&c.not_after)) {
        (Some(start), Some(end)) if end > start && props.now > Duration::ZERO => {
            let now = props.now.as_secs().clamp(start, end);
            let total_days = (end - start) / 86_400;
            let used_days = (now - start) / 86_400;
            html! {
                <div class="timeline">
                    <label for={format!("timeline-{}", c.index)} class="help">
                        { format!("{used_days} of {total_days} days used") }
                    </label>
                    <meter id={format!("timeline-{}", c.index)} data-testid="cert-timeline" min="0"
                        max={total_days.max(1).to_string()} value={used_days.to_string()}
                        low={(total_days * 3 / 4).to_string()} high={(total_days.saturating_sub(30)).to_string()}
                        optimum="0" />
                </div>
            }
        }
        _ => html! {},
    };
    let key = &c.public_key;
    let key_text = format!(
        "{}{}{}",
        key.key_type.as_str(),
        key.bits.map(|b| format!(" {b} bits")).unwrap_or_default(),
        key.curve.map(|c| format!(" {c}")).unwrap_or_default()
    );
    let flags = c.flags();
    html! {
        <article class="card" data-testid="certificate-card" data-index={c.index.to_string()}>
            <header class="card-head">
                <h3>{ format!("#{} {title}", c.index) }</h3>
                <span class={status_class} data-testid="cert-expiry">{ status_text }</span>
            </header>
            <p class="place">{ place }</p>
            { timeline }
            <dl class="facts">
                <dt>{ "Subject" }</dt><dd data-testid="cert-subject">{ &c.subject }</dd>
                <dt>{ "Issuer" }</dt><dd data-testid="cert-issuer">{ &c.issuer }</dd>
                if !c.sans.is_empty() {
                    <dt>{ "Names (SAN)" }</dt>
                    <dd data-testid="cert-sans">
                        <ul class="sans">
                            { for c.sans.iter().map(|s| html! {
                                <li><span class="san-type">{ s.kind.as_str() }</span>{ " " }{ &s.value }
                                    if let Some(unicode) = s.unicode.as_ref().filter(|u| **u != s.value) {
                                        { format!(" ({unicode})") }
                                    }
                                </li>
                            }) }
                        </ul>
                    </dd>
                }
                <dt>{ "Valid from" }</dt><dd data-testid="cert-not-before"><time>{ &c.not_before }</time></dd>
                <dt>{ "Valid until" }</dt><dd data-testid="cert-not-after"><time>{ &c.not_after }</time></dd>
                <dt>{ "Key" }</dt><dd data-testid="cert-key">{ key_text }</dd>
                if !flags.is_empty() {
                    <dt>{ "Usage" }</dt><dd data-testid="cert-flags">{ flags.join("; ") }</dd>
                }
                <dt>{ "Serial" }</dt><dd class="mono" data-testid="cert-serial">{ &c.serial_hex }</dd>
                <dt>{ "Signature" }</dt><dd data-testid="cert-signature-algorithm">{ &c.signature_algorithm }</dd>
                <dt>{ "SHA-1" }</dt>
                <dd class="fingerprint-row"><span class="mono fingerprint" data-testid="cert-sha1">{ &c.sha1 }</span>
                    { copy_button("SHA-1", "copy-sha1", &c.sha1) }</dd>
                <dt>{ "SHA-256" }</dt>
                <dd class="fingerprint-row"><span class="mono fingerprint" data-testid="cert-sha256">{ &c.sha256 }</span>
                    { copy_button("SHA-256", "copy-sha256", &c.sha256) }</dd>
            </dl>
        </article>
    }
}
