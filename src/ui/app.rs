//! The top-level component: the target, the material, the results (chain, fixes, diagnostics,
//! certificates) and the request.

use super::browser;
use super::components::{
    analysis_progress::AnalysisProgress, chain_view::ChainView, chunked::chunks,
    console_view::ConsoleView, diagnostic_list::DiagnosticList, field_form::FieldForm,
    fixes_panel::FixesPanel, input_panel::InputPanel, request_panel::RequestPanel, show_all,
    target_picker::TargetPicker,
};
use super::hooks::{use_revealed::use_revealed, use_worker::use_worker};
use super::state::{Action, Credential, Slot, State};
use crate::lang::Lang;
use crate::page_view::List;
use crate::providers::ProviderId;
use yew::prelude::*;

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let preferred = browser::preferred_languages();
        let lang = Lang::from_preferences(preferred.iter().map(String::as_str));
        State::new(ProviderId::default()).in_lang(lang)
    });
    let lang = state.lang;
    use_effect_with(lang, |lang| browser::set_document_lang(lang.as_str()));
    // One callback for the page's life: children whose other properties are unchanged are not
    // rendered again (a 2 MiB text area compared and read back on every progress tick otherwise).
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let (form, materials, credentials, derived) = (
        &state.form,
        &state.materials,
        &state.credentials,
        &state.derived,
    );
    let view = &derived.view;
    let names = |slot: Slot| {
        materials
            .get(slot)
            .files
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
    };
    let on_passphrase = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            dispatch.emit(Action::SetCredential(
                Credential::Passphrase,
                browser::input_value(&event),
            ));
        })
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Clear))
    };
    use_worker(&state, dispatch.clone());
    let cards_shown = use_revealed(view.certificates.len());
    let spec = form.target.spec();
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(lang.other())))
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            <header class="masthead">
                <button type="button" class="secondary lang-switch" data-testid="lang-switch" onclick={on_lang}
                    lang={lang.other().as_str()} aria-label={format!("Language / 语言: {}", lang.other().native_name())}>
                    { lang.other().native_name() }
                </button>
                <h1>{ "cert-preflight" }</h1>
                <p class="tagline">
                    { lang.pick("Check certificates before you upload them, and get a signed request that works. Everything runs in this page: nothing you paste, no key and no secret is sent anywhere.",
                        "上传前先检查证书，并得到一个可用的已签名请求。一切都在本页面中运行：你粘贴的内容、私钥和密钥都不会发送到任何地方。") }
                </p>
            </header>
            if state.failed {
                <div class="panic" role="alert" data-testid="panic">{ lang.pick(
                    "cert-preflight hit an internal error while analysing and has stopped. Nothing was sent anywhere. What you typed is still in the boxes below: copy it, then reload the page to start again, and please report this.",
                    "cert-preflight 在分析时遇到内部错误，已停止运行。没有任何内容被发送出去。您输入的内容仍在下方的输入框中：请先复制，然后重新加载页面，并请报告此问题。") }</div>
            }
            <TargetPicker target={form.target} region={form.region.clone()} auth={form.auth} on_action={dispatch.clone()} />
            <section class="panel input-panel" aria-labelledby="input-title">
                <h2 id="input-title">{ lang.pick("2. Your certificate material", "2. 你的证书材料") }</h2>
                <div class="materials">
                    <InputPanel slot={Slot::Certificates} title={lang.pick("Certificates", "证书")} on_action={dispatch.clone()}
                        label={lang.pick("Certificate and chain: PEM text (several blocks, any order, stray text and CRLF are fine), or the files or ZIP your CA sent", "证书和证书链：PEM 文本（可多个块、任意顺序，夹杂文字和 CRLF 也可以），或 CA 发来的文件或 ZIP 压缩包")}
                        pasted={materials.boxes.certificates.pasted.clone()} files={names(Slot::Certificates)}
                        accept=".pem,.crt,.cer,.der,.cert,.ca-bundle,.chain,.txt,.p7b,.p7c,.pfx,.p12,.jks,.jceks,.keystore,.zip,.docx,.odt,.ods,.xlsx,.eml" />
                    <InputPanel slot={Slot::Key} title={lang.pick("Private key", "私钥")} on_action={dispatch.clone()}
                        label={lang.pick("Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted). It stays in this page.", "私钥（PEM：PKCS#1、PKCS#8、SEC1、加密的均可）。它只留在本页面。")}
                        pasted={materials.boxes.key.pasted.clone()} files={names(Slot::Key)} accept=".pem,.key,.der,.txt" />
                    <InputPanel slot={Slot::Csr} title={lang.pick("Certificate request", "证书请求")} on_action={dispatch.clone()}
                        label={lang.pick("CSR (PEM), e.g. the one KMS or the private CA generated", "CSR（PEM），例如 KMS 或私有 CA 生成的")}
                        pasted={materials.boxes.csr.pasted.clone()} files={names(Slot::Csr)} accept=".pem,.csr,.req,.der,.txt" />
                </div>
                <div class="row">
                    <div class="control">
                        <label for="passphrase" class="field-label">{ lang.pick("Passphrase of an encrypted key, or PKCS#12 password", "加密私钥的口令，或 PKCS#12 密码") }</label>
                        <input id="passphrase" data-testid="passphrase" type="password" autocomplete="off"
                            value={credentials.passphrase.clone()} oninput={on_passphrase} aria-describedby="passphrase-help" />
                        <p class="help" id="passphrase-help">{ lang.pick("Used here to decrypt, in memory only.", "仅在此处用于解密，只保存在内存中。") }</p>
                    </div>
                    <button type="button" class="secondary" data-testid="clear" onclick={on_clear}>{ lang.pick("Clear everything", "全部清除") }</button>
                </div>
                { for materials.notes.iter().map(|note| html! { <p class="note" data-testid="moved-note" role="status">{ note.get(lang) }</p> }) }
                { for materials.unreadable.iter().map(|name| html! {
                    <p class="notice" role="alert">{ lang.pick(format!("The browser could not read {name}."), format!("浏览器无法读取 {name}。")) }</p>
                }) }
            </section>
            <section class="panel results" aria-live="polite" aria-labelledby="results-title" data-testid="results">
                <h2 id="results-title">{ lang.pick(format!("3. What {} will see", spec.api), format!("3. {} 会看到什么", spec.api)) }</h2>
                if let Some(pending) = state.pending {
                    <AnalysisProgress size={pending.size} progress={pending.progress} settle={pending.settle} />
                } else if derived.has_material {
                    <ChainView view={view.clone()} on_action={dispatch.clone()} />
                    <FixesPanel view={view.clone()} applied={derived.applied.clone()} on_action={dispatch.clone()} />
                    <DiagnosticList view={view.clone()} on_action={dispatch.clone()} />
                    if view.certificate_count > 0 {
                        <h3>{ match lang {
                            Lang::En => format!("{} certificate{}", view.certificate_count, if view.certificate_count == 1 { "" } else { "s" }),
                            Lang::ZhCn => format!("{} 张证书", view.certificate_count),
                        } }</h3>
                        <ol class="certificates">
                            { chunks(List::Certificates, view, cards_shown) }
                        </ol>
                        { show_all(lang, view.certificates.len(), view.certificate_count, lang.pick("certificates", "证书"), List::Certificates, &dispatch) }
                    }
                } else {
                    <p class="help">{ lang.pick("Paste or drop your certificate material above.", "请在上方粘贴或拖入证书材料。") }</p>
                }
            </section>
            <section class="panel" aria-labelledby="fields-title">
                <h2 id="fields-title">{ lang.pick(format!("4. The {} request", spec.api), format!("4. {} 请求", spec.api)) }</h2>
                <FieldForm target={form.target} values={form.fields.clone()} numbered_rows={form.numbered_rows.clone()}
                    view={view.clone()} on_action={dispatch.clone()} />
                <ConsoleView sheet={view.console.clone()} />
                <RequestPanel target={form.target} auth={form.auth} access_key_id={credentials.access_key_id.clone()}
                    has_secret={!credentials.secret.is_empty()} token_env={credentials.token_env.clone()} domain_id={credentials.domain_id.clone()}
                    generated={derived.generated.clone()} analysing={state.analysing()} on_action={dispatch} />
            </section>
        </ContextProvider<Lang>>
    }
}
