//! The two languages people read cert-preflight in — English and Simplified Chinese — and
//! [`Text`], a sentence in both.
//!
//! A `Text` is made only by [`Text::new`] (or the [`tr!`] macro), which takes both forms: a call
//! site cannot write a message in one language only. Codes, field names, region IDs and the JSON
//! keys stay language-neutral; English stays the text of record (the JSON's `message`, the
//! snapshots), Chinese is what [`Text::get`] gives for [`Lang::ZhCn`].

use std::fmt;

/// A language a user reads. English is the default everywhere (the command line, JSON, a browser
/// that asks for no Chinese).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (`en`).
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Lang {
    /// Both, English first.
    pub const ALL: [Self; 2] = [Self::En, Self::ZhCn];

    /// The BCP 47 tag: `<html lang>`, `--lang`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
        }
    }

    /// The language for a BCP 47 tag the user or the browser gives: any `zh…` tag is Chinese
    /// (Simplified is the only Chinese written here), anything else English. `None` for an
    /// empty tag.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim();
        if tag.is_empty() {
            return None;
        }
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Some(if primary.eq_ignore_ascii_case("zh") {
            Self::ZhCn
        } else {
            Self::En
        })
    }

    /// The first of the browser's preferred languages decides (`navigator.languages`).
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Self {
        tags.into_iter()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }

    /// The other language: what the page's switch goes to.
    pub fn other(self) -> Self {
        match self {
            Self::En => Self::ZhCn,
            Self::ZhCn => Self::En,
        }
    }

    /// The language's own name, as a switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhCn => "简体中文",
        }
    }

    /// Picks the form for this language of a pair written side by side.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Self::En => en,
            Self::ZhCn => zh,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One sentence in both languages. There is no conversion from a `String` or `&str`: a message
/// without its Chinese form does not compile. Its serde form is `{"en": …, "zh": …}` (what crosses
/// to and from a worker).
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Text {
    en: String,
    zh: String,
}

impl Text {
    /// The sentence in English and in Simplified Chinese: both are required.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The English form (the text of record: JSON `message`, the snapshots).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The Simplified Chinese form.
    pub fn zh(&self) -> &str {
        &self.zh
    }

    /// The form for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }

    /// A library's own error text inside a message: in English as the library says it, in
    /// Chinese as the kind of error it is (`kind_zh`) with the library's text quoted as a
    /// technical detail.
    pub fn library_error(kind_zh: &str, error: &impl fmt::Display) -> Self {
        let error = error.to_string();
        Self {
            zh: format!("{kind_zh}（技术细节：“{error}”）"),
            en: error,
        }
    }

    /// Both forms with `suffix` (itself in both) appended.
    pub fn followed_by(mut self, suffix: &Self) -> Self {
        self.en.push_str(&suffix.en);
        self.zh.push_str(&suffix.zh);
        self
    }
}

/// A fixed text in both languages, for the data written in `const`s and `static`s (a rule's
/// statement, a fix's reason). Its JSON is the English form, as the `&str` it replaces was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Words {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

impl Words {
    /// Both forms, both required.
    pub const fn new(en: &'static str, zh: &'static str) -> Self {
        Self { en, zh }
    }

    /// The form for `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }

    /// As a [`Text`].
    pub fn text(self) -> Text {
        Text::new(self.en, self.zh)
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en)
    }
}

impl serde::Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.en)
    }
}

/// A [`Text`] from an English and a Chinese format string, each with its own captured
/// arguments: `tr!("the key is {bits}-bit", "私钥为 {bits} 位")`. Both are required.
macro_rules! tr {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::lang::Text::new(format!($en), format!($zh))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_choose_chinese_only_for_zh() {
        assert_eq!(Lang::from_preferences(["zh-CN", "en"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["zh"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["zh-Hans-CN"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["ZH_tw"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["en-US", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_preferences(["de"]), Lang::En);
        assert_eq!(Lang::from_preferences(["", "zh-CN"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences([]), Lang::En);
        assert_eq!(Lang::En.other(), Lang::ZhCn);
        assert_eq!(Lang::ZhCn.as_str(), "zh-CN");
    }

    #[test]
    fn a_text_gives_each_language_its_form() {
        let bits = 1024;
        let text = tr!("the key is {bits}-bit", "私钥为 {bits} 位");
        assert_eq!(text.get(Lang::En), "the key is 1024-bit");
        assert_eq!(text.get(Lang::ZhCn), "私钥为 1024 位");
        let more = text.followed_by(&tr!(" (rule)", "（规则）"));
        assert_eq!(more.en(), "the key is 1024-bit (rule)");
        assert_eq!(more.zh(), "私钥为 1024 位（规则）");
    }
}
