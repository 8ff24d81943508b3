//! The signature's countdown: how long the generated request is accepted, updated every second.

use super::use_lang;
use crate::lang::Lang;
use crate::time::Timestamp;
use crate::ui::browser;
use yew::prelude::*;

/// The countdown's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// When the signature expires.
    pub expires_at: Timestamp,
}

/// "Accepted for another 14:59", updated every second.
#[component]
pub fn Countdown(props: &Props) -> Html {
    let lang = use_lang();
    let now = use_state(browser::now);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let interval = browser::Timer::every(1000, move || now.set(browser::now()));
            move || drop(interval)
        });
    }
    let left = props.expires_at.saturating_duration_since(*now).as_secs();
    let expires = crate::signing::iso8601(props.expires_at).unwrap_or_default();
    html! {
        <span class={classes!("expiry", (left == 0).then_some("expired"))} data-testid="expires-in"
            data-expires-at={expires.clone()} aria-live="off">
            if left == 0 {
                { lang.pick("The signature has expired: regenerate.", "签名已过期：请重新生成。") }
            } else {
                { match lang {
                    Lang::En => format!("Accepted for another {}:{:02} (until {expires})", left / 60, left % 60),
                    Lang::ZhCn => format!("还可使用 {}:{:02}（至 {expires}）", left / 60, left % 60),
                } }
            }
        </span>
    }
}
