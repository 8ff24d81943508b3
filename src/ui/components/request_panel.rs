//! The request: credentials (marked as never leaving the page), generation with the browser clock
//! and a fresh nonce, and the outputs in tabs (curl, raw HTTP, body, vendor CLI, signing stages)
//! with copy and download buttons (the body; the curl and vendor CLI commands as scripts to run)
//! and the signature's countdown.

use super::use_lang;
use crate::lang::Lang;
use crate::page_view::{RequestTexts, RequestView};
use crate::providers::ProviderId;
use crate::signing::Scheme;
use crate::ui::browser;
use crate::ui::components::countdown::Countdown;
use crate::ui::state::{Action, Credential, Shared};
use yew::prelude::*;

/// The panel's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The target.
    pub target: ProviderId,
    /// The scheme.
    pub auth: Scheme,
    /// The access key ID (not secret).
    pub access_key_id: String,
    /// Whether a secret has been typed (the secret itself is never rendered back).
    pub has_secret: bool,
    /// The token variable's name.
    pub token_env: String,
    /// The account ID.
    pub domain_id: String,
    /// The last generated request.
    pub generated: Option<Shared<RequestView>>,
    /// Whether the material is still being analysed (no request can be built from it yet).
    pub analysing: bool,
    /// Where user actions go.
    pub on_action: Callback<Action>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Curl,
    Http,
    Body,
    Cli,
    Stages,
}

impl Tab {
    const ALL: [Self; 5] = [Self::Curl, Self::Http, Self::Body, Self::Cli, Self::Stages];

    fn id(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::Http => "http",
            Self::Body => "body",
            Self::Cli => "cli",
            Self::Stages => "stages",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::Http => lang.pick("Raw HTTP", "原始 HTTP"),
            Self::Body => lang.pick("Body", "请求体"),
            Self::Cli => lang.pick("Vendor CLI", "官方 CLI"),
            Self::Stages => lang.pick("Signing stages", "签名过程"),
        }
    }

    /// The file name the tab's text is downloaded as, when it is a script to run.
    fn script_name(self) -> Option<&'static str> {
        match self {
            Self::Curl => Some("cert-preflight-upload.sh"),
            Self::Cli => Some("cert-preflight-upload-cli.sh"),
            Self::Http | Self::Body | Self::Stages => None,
        }
    }

    fn text(self, lang: Lang, texts: &RequestTexts) -> String {
        match self {
            Self::Curl => texts.curl.get(lang).to_owned(),
            Self::Http => texts.http.clone(),
            Self::Body => texts.body.clone(),
            Self::Cli => texts.cli.get(lang).to_owned(),
            Self::Stages if texts.stages.is_empty() => lang
                .pick(
                    "A token request is not signed: the token authenticates it.\n",
                    "使用 Token 的请求不签名：由 Token 进行认证。\n",
                )
                .to_owned(),
            Self::Stages => texts.stages.clone(),
        }
    }
}

fn text_input(
    id: &'static str,
    label: &'static str,
    value: String,
    kind: &'static str,
    credential: Credential,
    on_action: &Callback<Action>,
) -> Html {
    let on_action = on_action.clone();
    let input = Callback::from(move |event: InputEvent| {
        on_action.emit(Action::SetCredential(
            credential,
            browser::input_value(&event),
        ));
    });
    html! {
        <div class="control">
            <label for={id} class="field-label">{ label }</label>
            <input id={id} data-testid={id} type={kind} autocomplete="off" spellcheck="false"
                value={value} oninput={input} />
        </div>
    }
}

/// Credentials, generation and outputs.
#[component]
pub fn RequestPanel(props: &Props) -> Html {
    let lang = use_lang();
    let tab = use_state(|| Tab::Curl);
    let generate = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Generate {
                now: browser::now(),
                nonce: browser::nonce(),
            })
        })
    };
    let credentials = match props.auth {
        Scheme::HuaweiToken => html! {
            <>
                { text_input("token-env", lang.pick("Environment variable holding your IAM token", "存放 IAM Token 的环境变量"), props.token_env.clone(), "text", Credential::TokenEnv, &props.on_action) }
                <p class="help">{ lang.pick("The command reads the token from this variable when it runs (and fetches one from IAM first if it is empty); the token itself is never asked for here.", "命令运行时从该变量读取 Token（若为空，先向 IAM 获取）；这里从不索要 Token 本身。") }</p>
            </>
        },
        _ => {
            let secret_input = {
                let on_action = props.on_action.clone();
                Callback::from(move |event: InputEvent| {
                    on_action.emit(Action::SetCredential(
                        Credential::Secret,
                        browser::input_value(&event),
                    ));
                })
            };
            html! {
                <>
                    { text_input("access-key-id", lang.pick("Access key ID", "访问密钥 ID（AK）"), props.access_key_id.clone(), "text", Credential::AccessKeyId, &props.on_action) }
                    <div class="control">
                        <label for="access-key-secret" class="field-label">{ lang.pick("Access key secret", "访问密钥 Secret（SK）") }</label>
                        <input id="access-key-secret" data-testid="access-key-secret" type="password" autocomplete="off"
                            spellcheck="false" oninput={secret_input} aria-describedby="secret-help" />
                        <p class="help secret-note" id="secret-help">
                            { lang.pick("Never leaves this page: it signs the request here, is kept in memory only, and is not in the command.", "不会离开本页面：只在此处签名请求，仅保存在内存中，也不会出现在命令里。") }
                            if props.has_secret { { lang.pick(" (set)", "（已设置）") } }
                        </p>
                    </div>
                    if props.target.spec().needs_account_id(props.auth) {
                        { text_input("domain-id", lang.pick("Account ID (X-Domain-Id)", "账号 ID（X-Domain-Id）"), props.domain_id.clone(), "text", Credential::DomainId, &props.on_action) }
                    }
                </>
            }
        }
    };
    let outputs = props.generated.as_ref().map(|generated| {
        match &generated.texts {
            None => {
                let errors = &generated.blocked;
                html! {
                    <div class="request-blocked" data-testid="request-blocked" role="alert">
                        <p><strong>{ lang.pick("No request: fix these first.", "未生成请求：请先修正这些问题。") }</strong></p>
                        <ul>{ for errors.iter().map(|d| html! { <li data-code={d.code.as_str()}>{ d.message.get(lang) }</li> }) }</ul>
                    </div>
                }
            }
            Some(outputs) => {
                let text = tab.text(lang, outputs);
                let copy = {
                    let text = text.clone();
                    Callback::from(move |_: MouseEvent| browser::copy_text(&text))
                };
                let download = {
                    let body = outputs.body.clone();
                    Callback::from(move |_: MouseEvent| browser::download("request-body.txt", &body))
                };
                // The command as a file to run: its here-documents (a private key among them) then
                // pass through neither the clipboard nor the terminal's screen and scrollback.
                let script = tab.script_name().filter(|_| !text.is_empty()).map(|name| {
                    let text = text.clone();
                    let save = Callback::from(move |_: MouseEvent| browser::download(name, &text));
                    (name, save)
                });
                html! {
                    <div class="outputs">
                        <div role="tablist" aria-label={lang.pick("Request outputs", "请求输出")} class="tabs">
                            { for Tab::ALL.iter().map(|&t| {
                                let handle = tab.clone();
                                let select = Callback::from(move |_: MouseEvent| handle.set(t));
                                html! {
                                    <button type="button" role="tab" id={format!("tab-{}", t.id())}
                                        data-testid={format!("tab-{}", t.id())} aria-selected={(*tab == t).to_string()}
                                        aria-controls="output-panel" onclick={select}>{ t.label(lang) }</button>
                                }
                            }) }
                        </div>
                        <div id="output-panel" role="tabpanel" aria-labelledby={format!("tab-{}", tab.id())}>
                            <pre class="output" data-testid="output" tabindex="0">{ text }</pre>
                        </div>
                        <div class="output-actions">
                            <button type="button" data-testid="copy-output" onclick={copy}>{ lang.pick("Copy", "复制") }</button>
                            <button type="button" data-testid="download-body" onclick={download}>{ lang.pick("Download the body", "下载请求体") }</button>
                            if let Some((_, save)) = &script {
                                <button type="button" data-testid="download-script" onclick={save.clone()}
                                    aria-describedby="script-help">{ lang.pick("Download as a script", "下载为脚本") }</button>
                            }
                            <button type="button" data-testid="regenerate" onclick={generate.clone()}>{ lang.pick("Regenerate", "重新生成") }</button>
                            if outputs.expires {
                                <Countdown expires_at={generated.at.saturating_add(crate::signing::SIGNATURE_LIFETIME)} />
                            }
                        </div>
                        if let Some((name, _)) = &script {
                            <p class="help" id="script-help" data-testid="script-help">{ match lang {
                                Lang::En => html! { <>{ "Rather than pasting it, you can download it and run " }<code>{ format!("sh {name}") }</code>{ " in the folder it is saved in: a private key it holds then passes through neither the clipboard nor the terminal's screen. Delete the file afterwards." }</> },
                                Lang::ZhCn => html! { <>{ "也可以不粘贴：下载后在保存它的文件夹中运行 " }<code>{ format!("sh {name}") }</code>{ "，其中的私钥就不会经过剪贴板，也不会显示在终端上。用完后请删除该文件。" }</> },
                            } }</p>
                        }
                        <p class="help">{ match lang {
                            Lang::En => format!("URL length {} characters; body {} bytes, SHA-256 {}.", outputs.url_length, outputs.body.len(), outputs.body_sha256),
                            Lang::ZhCn => format!("URL 长 {} 个字符；请求体 {} 字节，SHA-256 {}。", outputs.url_length, outputs.body.len(), outputs.body_sha256),
                        } }</p>
                    </div>
                }
            }
        }
    });
    html! {
        <section class="panel request" aria-labelledby="request-title">
            <h3 id="request-title">{ lang.pick("Credentials", "凭证") }</h3>
            { credentials }
            <button type="button" class="primary" data-testid="generate" onclick={generate.clone()}
                disabled={props.analysing} aria-describedby={props.analysing.then_some("generate-wait")}>{ lang.pick("Generate the request", "生成请求") }</button>
            if props.analysing {
                <p class="note" id="generate-wait" data-testid="generate-wait">{ lang.pick("The material is still being analysed; the request can be built once it is done.", "材料仍在分析中；分析完成后即可生成请求。") }</p>
            }
            { outputs.unwrap_or_default() }
        </section>
    }
}
