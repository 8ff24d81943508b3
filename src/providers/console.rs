//! The console path: what a user pastes into each field of a target's web console, built from the
//! same [`Preparation`] as the API request (after the fixes). Each target declares its console as
//! data ([`Console`]: the menu path, the fields in the console's order, what fills each, the
//! pitfalls); this file builds the texts and never names a target.

use super::{Call, Fields, Preparation, Source, SourceKind};
use crate::lang::{Lang, Text, Words};
use serde::{Deserialize, Serialize};

/// What fills one console field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// The certificate alone (the leaf, or the CA certificate), PEM.
    Certificate,
    /// The certificate followed by its chain, PEM, leaf first.
    CertificateWithChain,
    /// The certificates above the first one, PEM.
    Chain,
    /// The private key as the target receives it (converted when a fix was applied).
    PrivateKey,
    /// A request field, by its API name (a name, the SM2 encryption certificate or key, ...): the
    /// value the call carries, or the value given when no call was built.
    Field(&'static str),
}

impl Fill {
    /// A stable name for JSON (`certificate`, `chain`, `field:Name`, ...).
    pub fn name(self) -> String {
        match self {
            Self::Certificate => "certificate".to_owned(),
            Self::CertificateWithChain => "certificate_with_chain".to_owned(),
            Self::Chain => "chain".to_owned(),
            Self::PrivateKey => "private_key".to_owned(),
            Self::Field(name) => format!("field:{name}"),
        }
    }
}

/// One field of a console form.
#[derive(Debug)]
pub struct ConsoleField {
    /// The field's label as the console shows it.
    pub label: Words,
    /// What fills it.
    pub fill: Fill,
    /// What the console gets wrong or refuses for this field.
    pub pitfalls: &'static [Words],
}

/// A target's console upload form, as data.
#[derive(Debug)]
pub struct Console {
    /// Where the form is: the menu path.
    pub menu: Words,
    /// Where the labels and the menu path come from.
    pub source: &'static Source,
    /// The fields, in the console's order.
    pub fields: &'static [ConsoleField],
}

/// One console field with the exact text to paste.
#[derive(Clone, Debug)]
pub struct ConsoleText {
    /// The label as the console shows it.
    pub label: Words,
    /// What fills it.
    pub fill: Fill,
    /// The text to paste; `None` when the material or field has nothing for it.
    pub text: Option<String>,
    /// The console's pitfalls for this field.
    pub pitfalls: &'static [Words],
}

/// The text for each of `prep`'s target's console fields, after the fixes.
pub fn console_texts(prep: &Preparation, fields: &Fields) -> Vec<ConsoleText> {
    let console = &prep.provider.spec().console;
    console
        .fields
        .iter()
        .map(|field| ConsoleText {
            label: field.label,
            fill: field.fill,
            text: fill_text(prep, fields, field.fill).filter(|t| !t.is_empty()),
            pitfalls: field.pitfalls,
        })
        .collect()
}

fn fill_text(prep: &Preparation, fields: &Fields, fill: Fill) -> Option<String> {
    match fill {
        Fill::Certificate => prep.bundle.as_ref().map(|b| b.leaf_pem.clone()),
        Fill::CertificateWithChain => prep.bundle.as_ref().map(|b| b.full_pem.clone()),
        Fill::Chain => prep.bundle.as_ref().map(|b| b.chain_pem.clone()),
        Fill::PrivateKey => prep.key.as_ref().map(|k| k.pem.clone()),
        Fill::Field(name) => {
            call_value(prep.call.as_ref(), name).or_else(|| fields.get(name).map(str::to_owned))
        }
    }
}

/// The value the call carries for the parameter or JSON member `name`.
fn call_value(call: Option<&Call>, name: &str) -> Option<String> {
    match call? {
        Call::Rpc { parameters, .. } => parameters
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone()),
        Call::Rest { body, .. } => {
            let value: serde_json::Value = serde_json::from_str(body).ok()?;
            find_member(&value, name, 0)
        }
    }
}

/// The first string member called `name`, at most a few objects deep.
fn find_member(value: &serde_json::Value, name: &str, depth: usize) -> Option<String> {
    let object = value.as_object()?;
    if let Some(found) = object.get(name).and_then(|v| v.as_str()) {
        return Some(found.to_owned());
    }
    if depth >= 3 {
        return None;
    }
    object
        .values()
        .find_map(|inner| find_member(inner, name, depth + 1))
}

/// The console view as one plain owned value: what the page shows (and what crosses to and from a
/// worker), built by [`console_sheet`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleSheet {
    /// Where the form is: the menu path, in both languages.
    pub menu: Text,
    /// Whether the labels and the menu path were checked against the vendor's own console guide
    /// (the target's console [`Source`] is primary); when not, the page says they may differ.
    pub verified: bool,
    /// Whether the texts are there: only when the target's rules found no error, as the command
    /// line prints the console view only with a request (no key is shown for blocked material).
    pub ready: bool,
    /// The fields, in the console's order.
    pub fields: Vec<SheetField>,
}

/// One field of a [`ConsoleSheet`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetField {
    /// The label as the console shows it, in both languages.
    pub label: Text,
    /// What fills it, as [`Fill::name`] gives it (`certificate`, `private_key`, `field:Name`…).
    pub fill: String,
    /// The text to paste; `None` when not [`ConsoleSheet::ready`] or when the material or the
    /// fields have nothing for it (the console field stays empty).
    pub text: Option<String>,
    /// The console's pitfalls for this field, in both languages.
    pub pitfalls: Vec<Text>,
}

/// The console view of `prep`'s target after the fixes, with the request's `fields` for the
/// fields no call carries: one owned value for the page.
pub fn console_sheet(prep: &Preparation, fields: &Fields) -> ConsoleSheet {
    let console = &prep.provider.spec().console;
    let ready = prep.call.is_some();
    ConsoleSheet {
        menu: console.menu.text(),
        verified: console.source.kind == SourceKind::Primary,
        ready,
        fields: console_texts(prep, fields)
            .into_iter()
            .map(|entry| SheetField {
                label: entry.label.text(),
                fill: entry.fill.name(),
                text: entry.text.filter(|_| ready),
                pitfalls: entry.pitfalls.iter().map(|p| p.text()).collect(),
            })
            .collect(),
    }
}

/// The console view as text, in `lang`: the menu path, then per field its label, its text and
/// its pitfalls.
pub fn console_text_in(prep: &Preparation, texts: &[ConsoleText], lang: Lang) -> String {
    let console = &prep.provider.spec().console;
    let mut out = format!(
        "# {}{}\n",
        lang.pick("Console: ", "控制台："),
        console.menu.get(lang)
    );
    for entry in texts {
        out.push_str(&format!("\n## {}\n", entry.label.get(lang)));
        match &entry.text {
            Some(text) => {
                out.push_str(text);
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(lang.pick("(leave empty)\n", "（留空）\n")),
        }
        for pitfall in entry.pitfalls {
            out.push_str(&format!("- {}\n", pitfall.get(lang)));
        }
    }
    out
}

/// Pitfalls several consoles share, for the targets' data to name.
pub mod pitfalls {
    use crate::lang::Words;

    /// No blank line inside or between PEM blocks.
    pub const NO_BLANK_LINES: Words = Words::new(
        "No blank line between or inside the blocks, no spaces: paste the text exactly as shown.",
        "证书之间和证书内部不能有空行或空格：请按所示文本原样粘贴。",
    );
    /// Leaf first, intermediates after, no root.
    pub const LEAF_FIRST_NO_ROOT: Words = Words::new(
        "Server certificate first, then the intermediates in order; the root is not wanted.",
        "服务器证书放第一位，中间证书依次在后；不需要根证书。",
    );
    /// The chain field takes the intermediates only.
    pub const CHAIN_ONLY_INTERMEDIATES: Words = Words::new(
        "Only the certificates above the first one, issuer order, without the root.",
        "只填第一张证书之上的中间证书，按签发顺序排列，不含根证书。",
    );
    /// The key as converted here.
    pub const KEY_AS_SHOWN: Words = Words::new(
        "Paste this key text: it is already in the encoding this console takes, and unencrypted.",
        "请粘贴此处的私钥文本：已是该控制台接受的格式，且未加密。",
    );
    /// PKCS#8 refused.
    pub const NO_PKCS8: Words = Words::new(
        "A PKCS#8 key (BEGIN PRIVATE KEY) is refused: use the PKCS#1 text here (BEGIN RSA PRIVATE KEY).",
        "不接受 PKCS#8 私钥（BEGIN PRIVATE KEY）：请使用此处的 PKCS#1 文本（BEGIN RSA PRIVATE KEY）。",
    );
    /// Encrypted keys refused.
    pub const NO_PASSPHRASE: Words = Words::new(
        "A passphrase-protected key is refused.",
        "不能上传带有口令保护的私钥。",
    );
    /// Outer whitespace.
    pub const NO_OUTER_WHITESPACE: Words = Words::new(
        "No leading or trailing spaces or extra newlines around the text.",
        "文本前后不能有多余的空格或换行。",
    );
    /// The SM2 encryption pair only for SM certificates.
    pub const SM2_ONLY: Words = Words::new(
        "Only for SM2 (国密) certificates: the encryption certificate and its key, separate from the signing pair.",
        "仅用于国密（SM2）证书：加密证书及其私钥，与签名证书和私钥分开填写。",
    );
    /// Names taken.
    pub const NAME_UNIQUE: Words = Words::new(
        "The name must not already be in use, and follows the name rule checked here.",
        "名称不能与已有证书重复，并须符合此处检查的命名规则。",
    );
    /// The server certificate first, its chain after, in one box.
    pub const SERVER_FIRST: Words = Words::new(
        "Server certificate first, then the certificates of its chain, all in this one box.",
        "服务器证书放在最前，证书链中的证书依次在后，全部粘贴在这一个输入框中。",
    );
    /// A certificate without its chain refused.
    pub const CHAIN_REQUIRED: Words = Words::new(
        "A certificate alone (a chain of length 1) is refused: its chain goes with it.",
        "不能只上传单张证书（证书链长度为 1）：须连同证书链一起上传。",
    );
    /// Expired certificates refused.
    pub const NOT_EXPIRED: Words = Words::new(
        "Expired certificates are refused.",
        "不能上传已过期的证书。",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixes::{Bundle, KeyPem};
    use crate::providers::ProviderId;

    const LEAF: &str = "-----BEGIN CERTIFICATE-----\nTEFG\n-----END CERTIFICATE-----\n";
    const MIDDLE: &str = "-----BEGIN CERTIFICATE-----\nTUlE\n-----END CERTIFICATE-----\n";
    const KEY: &str = "-----BEGIN RSA PRIVATE KEY-----\nS0VZ\n-----END RSA PRIVATE KEY-----\n";

    fn prepared(provider: ProviderId, call: Option<Call>) -> Preparation {
        let mut prep = Preparation::empty(provider);
        prep.bundle = Some(Bundle {
            order: vec![0, 1],
            leaf_pem: LEAF.to_owned(),
            chain_pem: MIDDLE.to_owned(),
            full_pem: format!("{LEAF}{MIDDLE}"),
            before: format!("{MIDDLE}\n\n{LEAF}"),
            changes: Vec::new(),
            changes_zh: Vec::new(),
        });
        prep.key = Some(KeyPem {
            label: "RSA PRIVATE KEY",
            pem: KEY.to_owned(),
            from: "pkcs8",
            changed: true,
        });
        prep.call = call;
        prep
    }

    fn has_han(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_target_has_a_console_in_both_languages() {
        for provider in ProviderId::all() {
            let console = &provider.spec().console;
            let id = provider.as_str();
            assert!(!console.fields.is_empty(), "{id}");
            assert!(has_han(console.menu.zh), "{id}: menu");
            assert!(!has_han(console.menu.en), "{id}: menu");
            assert!(console.source.url.starts_with("https://"), "{id}: source");
            assert!(!console.source.as_of.is_empty(), "{id}: source date");
            let fills: Vec<Fill> = console.fields.iter().map(|f| f.fill).collect();
            assert!(
                fills.contains(&Fill::Certificate) || fills.contains(&Fill::CertificateWithChain),
                "{id}: a field takes the certificate"
            );
            for field in console.fields {
                assert!(has_han(field.label.zh), "{id}: {}", field.label.en);
                assert!(!has_han(field.label.en), "{id}: {}", field.label.en);
                for pitfall in field.pitfalls {
                    assert!(has_han(pitfall.zh) && !pitfall.en.is_empty(), "{id}");
                }
                if let Fill::Field(name) = field.fill {
                    assert!(
                        provider.spec().field(name).is_some(),
                        "{id}: {name} is one of its fields"
                    );
                }
            }
        }
    }

    #[test]
    fn texts_come_from_the_fixed_bundle_key_and_call() {
        for provider in ProviderId::all() {
            let fields = Fields {
                values: vec![("zz".to_owned(), "given".to_owned())],
                region: String::new(),
            };
            let prep = prepared(provider, None);
            for text in console_texts(&prep, &fields) {
                let expected = match text.fill {
                    Fill::Certificate => Some(LEAF.to_owned()),
                    Fill::CertificateWithChain => Some(format!("{LEAF}{MIDDLE}")),
                    Fill::Chain => Some(MIDDLE.to_owned()),
                    Fill::PrivateKey => Some(KEY.to_owned()),
                    Fill::Field(_) => None,
                };
                assert_eq!(text.text, expected, "{}", provider.as_str());
            }
        }
    }

    #[test]
    fn the_sheet_holds_the_texts_only_when_a_call_was_built() {
        let rpc = Call::Rpc {
            host: "h".to_owned(),
            action: "A",
            version: "v",
            parameters: Vec::new(),
        };
        for provider in ProviderId::all() {
            let id = provider.as_str();
            let console = &provider.spec().console;
            let blocked = console_sheet(&prepared(provider, None), &Fields::default());
            assert!(!blocked.ready, "{id}");
            assert!(blocked.fields.iter().all(|f| f.text.is_none()), "{id}");
            assert_eq!(blocked.fields.len(), console.fields.len(), "{id}");

            let prep = prepared(provider, Some(rpc.clone()));
            let sheet = console_sheet(&prep, &Fields::default());
            assert!(sheet.ready, "{id}");
            assert_eq!(sheet.verified, console.source.kind == SourceKind::Primary);
            assert_eq!(
                (sheet.menu.en(), sheet.menu.zh()),
                (console.menu.en, console.menu.zh)
            );
            let texts = console_texts(&prep, &Fields::default());
            assert_eq!(sheet.fields.len(), texts.len(), "{id}");
            for (field, text) in sheet.fields.iter().zip(&texts) {
                assert_eq!(field.text, text.text, "{id}");
                assert_eq!(field.fill, text.fill.name(), "{id}");
                assert_eq!(field.label, text.label.text(), "{id}");
                let pitfalls: Vec<Text> = text.pitfalls.iter().map(|p| p.text()).collect();
                assert_eq!(field.pitfalls, pitfalls, "{id}");
            }
            assert!(
                sheet.fields.iter().any(|f| f.text.is_some()),
                "{id}: the material reaches the sheet"
            );
            // It crosses a postMessage: its serde form reads back the same.
            let json = serde_json::to_string(&sheet).expect("a sheet serializes");
            let back: ConsoleSheet = serde_json::from_str(&json).expect("and reads back");
            assert_eq!(back, sheet, "{id}");
        }
    }

    #[test]
    fn a_field_is_read_from_the_call_first_then_from_the_fields() {
        let rpc = Call::Rpc {
            host: "h".to_owned(),
            action: "A",
            version: "v",
            parameters: vec![("Name".to_owned(), "from-call".to_owned())],
        };
        let given = Fields {
            values: vec![
                ("Name".to_owned(), "given".to_owned()),
                ("Other".to_owned(), "other".to_owned()),
            ],
            region: String::new(),
        };
        assert_eq!(call_value(Some(&rpc), "Name").as_deref(), Some("from-call"));
        let rest = Call::Rest {
            host: "h".to_owned(),
            path: "/".to_owned(),
            headers: Vec::new(),
            body: r#"{"certificate":{"name":"nested","n":1}}"#.to_owned(),
            project_id: None,
        };
        assert_eq!(call_value(Some(&rest), "name").as_deref(), Some("nested"));
        assert_eq!(call_value(Some(&rest), "n"), None, "numbers are not texts");
        assert_eq!(call_value(None, "Name"), None);
        let provider = ProviderId::all().next().unwrap();
        let prep = prepared(provider, Some(rpc));
        assert_eq!(
            fill_text(&prep, &given, Fill::Field("Name")).as_deref(),
            Some("from-call")
        );
        assert_eq!(
            fill_text(&prep, &given, Fill::Field("Other")).as_deref(),
            Some("other")
        );
        assert_eq!(fill_text(&prep, &given, Fill::Field("Absent")), None);
    }

    #[test]
    fn the_text_view_lists_label_text_and_pitfalls_in_the_language() {
        for provider in ProviderId::all() {
            let prep = prepared(provider, None);
            let texts = console_texts(&prep, &Fields::default());
            for lang in [Lang::En, Lang::ZhCn] {
                let out = console_text_in(&prep, &texts, lang);
                let console = &provider.spec().console;
                assert!(out.contains(console.menu.get(lang)));
                let mut at = 0;
                for text in &texts {
                    let heading = format!("\n## {}\n", text.label.get(lang));
                    let found = out[at..]
                        .find(&heading)
                        .expect("labels in the console's order");
                    at += found + heading.len();
                    let body = text
                        .text
                        .as_deref()
                        .unwrap_or(lang.pick("(leave empty)", "（留空）"));
                    assert!(out[at..].starts_with(body), "{}", provider.as_str());
                    for pitfall in text.pitfalls {
                        assert!(out[at..].contains(pitfall.get(lang)));
                    }
                }
            }
        }
    }
}
