//! A card with one certificate's facts: names, SANs, validity on a timeline, key, serial,
//! algorithm and fingerprints with copy buttons.

use super::use_lang;
use crate::analysis::certificate::Expiry;
use crate::lang::Lang;
use crate::page_view::{CertificateView, View};
use crate::time::Timestamp;
use crate::ui::browser;
use std::ops::Range;
use yew::prelude::*;

/// The card's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The certificate to show.
    pub certificate: CertificateView,
    /// The validation time (for the timeline).
    #[prop_or_default]
    pub now: Timestamp,
}

fn copy_button(lang: Lang, label: &'static str, testid: &'static str, value: &str) -> Html {
    let value = value.to_owned();
    let copy = Callback::from(move |_: MouseEvent| browser::copy_text(&value));
    html! {
        <button type="button" class="copy" data-testid={testid} onclick={copy}
            aria-label={lang.pick(format!("Copy the {label} fingerprint"), format!("复制 {label} 指纹"))}>{ lang.pick("copy", "复制") }</button>
    }
}

/// One certificate.
#[component]
pub fn CertificateCard(props: &Props) -> Html {
    let lang = use_lang();
    let c = &props.certificate;
    let days = c.days_until_expiry;
    let left = || {
        lang.pick(
            format!("valid, {days} days left"),
            format!("有效，剩余 {days} 天"),
        )
    };
    let (status_class, status_text) = match c.expiry {
        Expiry::Valid if days < 30 => ("status warn", left()),
        Expiry::Valid => ("status ok", left()),
        Expiry::Expired => (
            "status bad",
            lang.pick(
                format!("expired {} days ago", -days),
                format!("已过期 {} 天", -days),
            ),
        ),
        Expiry::NotYetValid => (
            "status bad",
            lang.pick("not yet valid", "尚未生效").to_owned(),
        ),
    };
    let title = &c.title;
    let place = c.place.get(lang);
    let (start, end) = (c.not_before.unix_seconds(), c.not_after.unix_seconds());
    let timeline = if end > start && props.now > Timestamp::UNIX_EPOCH {
        let now = props.now.unix_seconds().clamp(start, end);
        let total_days = (end - start) / 86_400;
        let used_days = (now - start) / 86_400;
        html! {
            <div class="timeline">
                <label for={format!("timeline-{}", c.index)} class="help">
                    { match lang {
                        Lang::En => format!("{used_days} of {total_days} days used"),
                        Lang::ZhCn => format!("已用 {used_days} / {total_days} 天"),
                    } }
                </label>
                <meter id={format!("timeline-{}", c.index)} data-testid="cert-timeline" min="0"
                    max={total_days.max(1).to_string()} value={used_days.to_string()}
                    low={(total_days * 3 / 4).to_string()} high={(total_days.saturating_sub(30)).to_string()}
                    optimum="0" />
            </div>
        }
    } else {
        html! {}
    };
    let key_text = c.key.get(lang);
    let flags = c.flags.get(lang);
    html! {
        <article class="card" data-testid="certificate-card" data-index={c.index.to_string()}>
            <header class="card-head">
                <h3>{ format!("#{} {title}", c.index) }</h3>
                <span class={status_class} data-testid="cert-expiry">{ status_text }</span>
            </header>
            <p class="place">{ place }</p>
            { timeline }
            <dl class="facts">
                <dt>{ lang.pick("Subject", "使用者") }</dt><dd data-testid="cert-subject">{ if c.subject.is_empty() { lang.pick("(empty)", "（空）") } else { c.subject.as_str() } }</dd>
                <dt>{ lang.pick("Issuer", "颁发者") }</dt><dd data-testid="cert-issuer">{ &c.issuer }</dd>
                if !c.sans.is_empty() {
                    <dt>{ lang.pick("Names (SAN)", "备用名称（SAN）") }</dt>
                    <dd data-testid="cert-sans">
                        <ul class="sans">
                            { for c.sans.iter().map(|(kind, value, unicode)| html! {
                                <li><span class="san-type">{ kind }</span>{ " " }{ value }
                                    if let Some(unicode) = unicode {
                                        { format!(" ({unicode})") }
                                    }
                                </li>
                            }) }
                        </ul>
                    </dd>
                }
                <dt>{ lang.pick("Valid from", "生效时间") }</dt><dd data-testid="cert-not-before"><time>{ c.not_before.to_string() }</time></dd>
                <dt>{ lang.pick("Valid until", "到期时间") }</dt><dd data-testid="cert-not-after"><time>{ c.not_after.to_string() }</time></dd>
                <dt>{ lang.pick("Key", "公钥") }</dt><dd data-testid="cert-key">{ key_text }</dd>
                if !flags.is_empty() {
                    <dt>{ lang.pick("Usage", "用途") }</dt><dd data-testid="cert-flags">{ flags }</dd>
                }
                <dt>{ lang.pick("Serial", "序列号") }</dt><dd class="mono" data-testid="cert-serial">{ &c.serial_hex }</dd>
                <dt>{ lang.pick("Signature", "签名算法") }</dt><dd data-testid="cert-signature-algorithm">{ &c.signature_algorithm }</dd>
                <dt>{ "SHA-1" }</dt>
                <dd class="fingerprint-row"><span class="mono fingerprint" data-testid="cert-sha1">{ &c.sha1 }</span>
                    { copy_button(lang, "SHA-1", "copy-sha1", &c.sha1) }</dd>
                <dt>{ "SHA-256" }</dt>
                <dd class="fingerprint-row"><span class="mono fingerprint" data-testid="cert-sha256">{ &c.sha256 }</span>
                    { copy_button(lang, "SHA-256", "copy-sha256", &c.sha256) }</dd>
            </dl>
        </article>
    }
}

/// Cards `range` of the view's certificates, each in its list item.
pub fn cards(view: &View, range: Range<usize>) -> Html {
    html! {
        { for view.certificates.get(range).unwrap_or_default().iter().map(|c| html! {
            <li><CertificateCard certificate={c.clone()} now={view.now} /></li>
        }) }
    }
}
