//! The JSON the command line prints and the JavaScript package returns, built once: the `check`
//! report with its target section, the `request --format json` value, and the `targets`
//! list. Pure: values in, `serde_json::Value` out.

use crate::analysis::{Analysis, Report};
use crate::diagnostic::{Diagnostic, Surface};
use crate::lang::Lang;
use crate::providers::{self, ProviderId};
use crate::request;
use crate::signing::Scheme;
use serde_json::{Value, json};

/// `inspect --json`: the report.
pub fn inspect(report: &Report) -> Value {
    serde_json::to_value(report).unwrap_or(Value::Null)
}

/// `check --provider P --json`: the report, its diagnostics with the target's findings after the
/// analysis' own (each naming the target's error where known), and the target's section.
pub fn check(analysis: &Analysis, prep: &providers::Preparation) -> Value {
    let mut all = prep.analysis_diagnostics.clone();
    all.extend(prep.diagnostics.iter().cloned());
    let mut value = inspect(&analysis.report);
    value["diagnostics"] = serde_json::to_value(&all).unwrap_or(Value::Null);
    value["provider"] = provider(prep);
    value
}

/// The target's section of `check --json`: its ID, API, findings, fixes and rules (the
/// preparation's own serialization).
pub fn provider(prep: &providers::Preparation) -> Value {
    serde_json::to_value(prep).unwrap_or(Value::Null)
}

/// `request --format json`: the target, region and scheme, every diagnostic, the fixes, the
/// unsigned call and the outputs (none when an error blocks the request). No secret: the
/// outputs carry signatures only.
pub fn request(
    provider: ProviderId,
    region: &str,
    scheme: Scheme,
    outcome: &request::Outcome,
) -> Value {
    json!({
        "provider": provider.as_str(),
        "region": region,
        "auth": scheme.auth_name(),
        "diagnostics": outcome.diagnostics(),
        "fixes": self::provider(&outcome.preparation)["fixes"],
        "call": outcome.preparation.call,
        "request": outcome.outputs,
    })
}

/// `targets --json`: every target's data.
pub fn targets() -> Value {
    let specs: Vec<&providers::ProviderSpec> = ProviderId::all().map(ProviderId::spec).collect();
    serde_json::to_value(specs).unwrap_or(Value::Null)
}

/// With a language other than English, adds `message_localized` and `hint_localized` (the command
/// line's hint, `""` when there is none, as `hint` is) to each entry of `value`'s `diagnostics`,
/// which lists `diagnostics` in order. The existing keys stay English; English adds nothing.
pub fn localize(value: &mut Value, diagnostics: &[Diagnostic], lang: Lang) {
    if lang == Lang::En {
        return;
    }
    let Some(entries) = value.get_mut("diagnostics").and_then(Value::as_array_mut) else {
        return;
    };
    for (entry, diagnostic) in entries.iter_mut().zip(diagnostics) {
        if let Some(entry) = entry.as_object_mut() {
            entry.insert(
                "message_localized".into(),
                diagnostic.message_in(lang).into(),
            );
            entry.insert(
                "hint_localized".into(),
                diagnostic
                    .hint_in(Surface::CommandLine, lang)
                    .unwrap_or_default()
                    .into(),
            );
        }
    }
}

/// The text the command line prints for `value`: pretty JSON and a final newline.
pub fn to_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Adds the console view to `request --format json` as `console` (no existing key changes): the
/// menu path and, per field, its label (both languages), what fills it, the text and the pitfalls.
/// The texts are the fixed bundle and key already in the request's `call`: no new exposure.
pub fn add_console(
    value: &mut Value,
    prep: &providers::Preparation,
    texts: &[providers::ConsoleText],
) {
    // Without a call the request JSON carries no key: neither does the console view then.
    if prep.call.is_none() {
        return;
    }
    let console = &prep.provider.spec().console;
    let fields: Vec<Value> = texts
        .iter()
        .map(|t| {
            json!({
                "label": t.label.en,
                "label_zh": t.label.zh,
                "fill": t.fill.name(),
                "text": t.text,
                "pitfalls": t.pitfalls.iter().map(|p| p.en).collect::<Vec<_>>(),
                "pitfalls_zh": t.pitfalls.iter().map(|p| p.zh).collect::<Vec<_>>(),
            })
        })
        .collect();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "console".to_owned(),
            json!({
                "menu": console.menu.en,
                "menu_zh": console.menu.zh,
                "fields": fields,
            }),
        );
    }
}
