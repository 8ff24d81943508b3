//! The target picker: every target of the registry, the region (a free text field with the
//! documented regions suggested by their English and Chinese names) and the signing scheme the
//! target accepts. A legacy target says so, naming its successor.

use super::use_lang;
use crate::lang::Lang;
use crate::providers::{MaterialRole, ProviderId};
use crate::render::scheme_title_in;
use crate::signing::Scheme;
use crate::ui::browser;
use crate::ui::state::Action;
use yew::prelude::*;

/// The picker's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The chosen target.
    pub target: ProviderId,
    /// The region.
    pub region: String,
    /// The scheme.
    pub auth: Scheme,
    /// Where user actions go.
    pub on_action: Callback<Action>,
}

/// A parameter's name as the Chinese text says it: `Cert (SignCert for SM2)` → `Cert（SM2 用 SignCert）`.
fn parameter_zh(parameter: &str) -> String {
    match parameter
        .strip_suffix(" for SM2)")
        .and_then(|rest| rest.split_once(" ("))
    {
        Some((name, sm2)) => format!("{name}（SM2 用 {sm2}）"),
        None => parameter.to_owned(),
    }
}

/// What a target takes from the material, in words: "the certificate and its chain in Cert, ...".
fn takes(lang: Lang, roles: &[MaterialRole]) -> String {
    if lang == Lang::ZhCn {
        return roles
            .iter()
            .map(|role| match role {
                MaterialRole::Certificate {
                    parameter,
                    with_chain: true,
                } => format!("{} 放证书及其证书链", parameter_zh(parameter)),
                MaterialRole::Certificate { parameter, .. } => {
                    format!("{} 放证书", parameter_zh(parameter))
                }
                MaterialRole::Chain { parameter } => {
                    format!("{} 放证书链", parameter_zh(parameter))
                }
                MaterialRole::PrivateKey {
                    parameter,
                    encoding,
                } => format!("{} 放私钥（{encoding}）", parameter_zh(parameter)),
                MaterialRole::Csr { .. } => "CSR 用于核对".to_owned(),
                MaterialRole::EncryptionPair { certificate, key } => {
                    format!("国密 SM2 的加密证书和加密私钥放 {certificate} 和 {key}")
                }
            })
            .collect::<Vec<_>>()
            .join("；");
    }
    roles
        .iter()
        .map(|role| match role {
            MaterialRole::Certificate {
                parameter,
                with_chain: true,
            } => format!("the certificate and its chain in {parameter}"),
            MaterialRole::Certificate { parameter, .. } => {
                format!("the certificate in {parameter}")
            }
            MaterialRole::Chain { parameter } => format!("the chain in {parameter}"),
            MaterialRole::PrivateKey {
                parameter,
                encoding,
            } => format!("the private key in {parameter} ({encoding})"),
            MaterialRole::Csr { whose } => format!("the CSR {whose}, to check against"),
            MaterialRole::EncryptionPair { certificate, key } => {
                format!("for SM2, the encryption pair in {certificate} and {key}")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Target, region and scheme.
#[component]
pub fn TargetPicker(props: &Props) -> Html {
    let lang = use_lang();
    let spec = props.target.spec();
    let on_region = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            on_action.emit(Action::SetRegion(browser::input_value(&event)));
        })
    };
    let on_auth = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            if let Some(scheme) = Scheme::from_auth_name(&browser::input_value(&event)) {
                on_action.emit(Action::SetAuth(scheme));
            }
        })
    };
    html! {
        <section class="panel target-picker" aria-labelledby="target-title">
            <h2 id="target-title">{ lang.pick("1. Where are you uploading?", "1. 上传到哪里？") }</h2>
            <fieldset class="targets">
                <legend class="visually-hidden">{ lang.pick("Target API", "目标 API") }</legend>
                { for ProviderId::all().map(|id| {
                    let on_action = props.on_action.clone();
                    let choose = Callback::from(move |_: Event| on_action.emit(Action::SetTarget(id)));
                    let spec = id.spec();
                    let input_id = format!("target-{}", spec.id);
                    html! {
                        <label class={classes!("target", (id == props.target).then_some("chosen"))} for={input_id.clone()}>
                            <input type="radio" name="target" id={input_id.clone()} data-testid={input_id}
                                checked={id == props.target} onchange={choose} />
                            <span class="target-title">{ spec.title_in(lang) }</span>
                            <span class="target-api">{ format!("{} · {}", spec.api, spec.version) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <p class="help" data-testid="target-material">{ match lang {
                Lang::En => format!("{} takes: {}", spec.api, takes(lang, spec.material)),
                Lang::ZhCn => format!("{} 接受：{}", spec.api, takes(lang, spec.material)),
            } }</p>
            if let Some(legacy) = &spec.legacy {
                <p class="notice" data-testid="target-legacy" role="note">
                    { {
                        let successor = ProviderId::parse(legacy.successor);
                        match lang {
                            Lang::En => format!("{} is a legacy API: {}. Use {} where you can.", spec.api, legacy.note.en,
                                successor.map_or(legacy.successor, |p| p.spec().title)),
                            Lang::ZhCn => format!("{} 是旧版 API：{}。请尽可能改用“{}”。", spec.api, legacy.note.zh,
                                successor.map_or(legacy.successor, |p| p.spec().title_zh)),
                        }
                    } }
                </p>
            }
            <div class="row">
                <div class="control">
                    <label for="region" class="field-label">{ lang.pick("Region", spec.region_word_zh) }</label>
                    <input id="region" data-testid="region" list="regions" autocomplete="off" spellcheck="false"
                        value={props.region.clone()} oninput={on_region} aria-describedby="region-help" />
                    <datalist id="regions">
                        { for spec.regions.iter().map(|r| html! {
                            <option value={r.id} label={format!("{} · {} · {}", r.id, r.name_en, r.name_zh)} />
                        }) }
                    </datalist>
                    <p class="help" id="region-help" data-testid="region-help">{
                        match spec.region(&props.region) {
                            Some(r) => match lang {
                                Lang::En => format!("{} — endpoint: {}", r.name_en, r.host),
                                Lang::ZhCn => format!("{} — 服务地址：{}", r.name_zh, r.host),
                            },
                            None => match lang {
                                Lang::En => format!("Endpoint: {}", spec.host(&props.region)),
                                Lang::ZhCn => format!("服务地址：{}", spec.host(&props.region)),
                            },
                        }
                    }</p>
                </div>
                <div class="control">
                    <label for="auth" class="field-label">{ lang.pick("Signing", "签名") }</label>
                    <select id="auth" data-testid="auth" onchange={on_auth}>
                        { for spec.schemes.iter().map(|s| html! {
                            <option value={s.auth_name()} selected={*s == props.auth}>{ scheme_title_in(*s, lang) }</option>
                        }) }
                    </select>
                </div>
            </div>
        </section>
    }
}
