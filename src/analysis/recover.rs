//! Input recovery: the ways PEM text gets mangled on its way to the user, recognised and undone
//! before PEM/DER decoding ([`super::input`]), each step reported.
//!
//! What is undone, for certificates, chains, keys and requests, in any input:
//! - in a block's lines, characters that only look like PEM's (no-break and other Unicode spaces,
//!   zero-width characters, full-width forms, dashes other than the hyphen-minus), BEGIN/END lines
//!   with other than five dashes or in lower case, the same quote or comment marks at the start
//!   of each line (`> `, `# `, `// `, a diff's `+`), line numbers, a string literal per line
//!   (`"…\n" \` in C, an array of lines in JSON): [`block_lines`], first;
//! - a whole JSON document (an API example, Terraform state, a JSON Kubernetes manifest): the string
//!   values that hold PEM or base64 are taken out, in document order, by `serde_json`;
//! - a value in other text (YAML, a config file, a log line): `key: "-----BEGIN …"`, `key: '…'`,
//!   `key: LS0tLS1CRUdJTi…`; YAML is not parsed: the PEM-bearing scalar is found by its markers (or
//!   its base64) and its quoting undone, which also reads YAML fragments and other formats alike;
//! - surrounding quotes; JSON string escapes (`\n`, `\r\n`, `\/`, `\u002b`, and YAML's escaped line
//!   breaks), also doubled (`\\n`);
//! - a block on one line, or with spaces, tabs or `<br>` where its line breaks were;
//! - base64 of a whole PEM file (`LS0tLS1CRUdJTi…`, as Kubernetes shows `tls.crt`);
//! - URL/percent-encoding (`%0A`, `%2B`, `+` for a space); HTML entities (`&#10;`, `&lt;`);
//! - a base64 body with no BEGIN/END lines, read by trial (certificate, request, PKCS#7,
//!   PKCS#12, key).
//!
//! Layers stack (base64 of a JSON document whose values are escaped …): documents nest at most
//! [`MAX_DEPTH`] deep and one block's escapes at most [`MAX_LAYERS`] deep; past either, a
//! `recovery-limit-reached` warning says what was left. Every scan is linear in its input, and
//! every allocation is bounded by the text it decodes.
//!
//! Clean PEM passes through untouched ([`Recovered::text`] borrows the input): only mangled parts
//! are rewritten, as canonical blocks (LF, 64 columns), placed where they were found. The mapping
//! from the recovered text's lines back to the input's lines is kept, so that every location
//! names the line of the input. Messages name what was undone and where, never the material.

mod block_lines;

use super::item::ItemKind;
use super::pem;
use super::sniff;
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use crate::lang::{Text, Words};
use std::borrow::Cow;

/// How many documents may nest (a JSON value holding base64 of a PEM file holding … ).
pub const MAX_DEPTH: usize = 4;
/// How many layers of escaping one block may carry (percent-encoded, then JSON-escaped twice …).
pub const MAX_LAYERS: usize = 6;
/// The shortest base64 run tried as a bare DER body or as base64 of a PEM file: 48 bytes, below
/// the smallest key (an Ed25519 PKCS#8 key) and far below any certificate.
pub const MIN_BASE64_RUN: usize = 64;

/// The input with its mangling undone.
#[derive(Clone, Debug)]
pub struct Recovered<'a> {
    /// The text to decode: the input itself when nothing was undone.
    pub text: Cow<'a, str>,
    /// One diagnostic per kind of recovery and block (or per limit reached).
    pub diagnostics: Vec<Diagnostic>,
    /// (first recovered line, input line, whether the lines advance together), by first line.
    map: Vec<(usize, usize, bool)>,
}

impl Recovered<'_> {
    /// Whether anything was undone (or a limit was reached).
    pub fn changed(&self) -> bool {
        matches!(self.text, Cow::Owned(_)) || !self.diagnostics.is_empty()
    }

    /// The input's line for a line (1-based) of the recovered text.
    pub fn input_line(&self, line: usize) -> usize {
        if self.map.is_empty() {
            return line;
        }
        let at = self.map.partition_point(|&(first, _, _)| first <= line);
        match at.checked_sub(1).map(|i| self.map[i]) {
            Some((first, input, true)) => input + (line - first),
            Some((_, input, false)) => input,
            None => line,
        }
    }
}

/// The text with its mangling undone, for the views and fixes that show certificate text (the
/// before/after of the normalised bundle, the split of a pasted text into boxes).
pub fn recovered_text(text: &str) -> Cow<'_, str> {
    recover("", text).text
}

/// Recognises and undoes the mangling of `text` (the input named `file`).
pub fn recover<'a>(file: &str, text: &'a str) -> Recovered<'a> {
    let mut out = Out::default();
    // The blocks' lines first (look-alike characters, quote marks): the same lines, cleaned.
    let cleaned = block_lines::clean(text);
    let source = cleaned.as_ref().map_or(text, |c| c.text.as_str());
    let lines = LineIndex::new(source);
    if !json_document(source, &lines, None, 0, &mut out) {
        scan(source, &lines, None, 0, &mut out);
    }
    if let Some(cleaned) = &cleaned {
        out.mark_cleaned(&cleaned.regions);
    }
    if cleaned.is_none() && !out.found.iter().any(|f| !f.undone.is_empty()) && out.limits.is_empty()
    {
        return Recovered {
            text: Cow::Borrowed(text),
            diagnostics: Vec::new(),
            map: Vec::new(),
        };
    }
    let diagnostics = out.diagnostics(file);
    Recovered {
        text: Cow::Owned(out.text),
        diagnostics,
        map: out.map,
    }
}

/// What was undone to get one block.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Undone {
    /// What only looked like PEM in its lines (characters, BEGIN/END lines) was written as PEM.
    LookAlikes(block_lines::LookAlikes),
    /// These marks (`>`, `#` …) were removed from the start of its lines.
    LinePrefix(String),
    /// Its lines were string literals of source code (`"…\n" \`): quotes and escapes removed.
    SourceStrings,
    /// Its lines began with their numbers: removed.
    LineNumbers,
    /// Its body was quoted-printable (`=3D` for `=`): decoded.
    QuotedPrintable,
    /// Taken out of a JSON document's string value (the value's path).
    JsonDocument(String),
    /// Taken out of a `key: value` or `key = value` in other text (the key).
    Value(String),
    /// Quotes around it removed.
    Quotes,
    /// JSON (or YAML double-quoted) string escapes undone, this many times.
    JsonEscapes(u8),
    /// Line breaks restored.
    LineBreaks(Breaks),
    /// Decoded from base64 of a whole PEM file.
    Base64Pem,
    /// Percent-decoded.
    PercentEncoding,
    /// HTML entities decoded.
    HtmlEntities,
    /// A bare base64 body, read by trial as this kind.
    BareBase64(ItemKind),
}

/// What stood where a block's line breaks should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Breaks {
    /// Nothing: the block was on one line.
    OneLine,
    /// Spaces or tabs.
    Spaces,
    /// `<br>` tags.
    BrTags,
    /// None before or after it: it shared a line with other text (`证书：-----BEGIN …`).
    Glued,
}

impl Undone {
    fn code(&self) -> Code {
        match self {
            Self::LookAlikes(_) => Code::RecoveredLookAlikes,
            Self::LinePrefix(_) => Code::RecoveredLinePrefix,
            Self::SourceStrings => Code::RecoveredSourceStrings,
            Self::LineNumbers => Code::RecoveredLineNumbers,
            Self::QuotedPrintable => Code::RecoveredQuotedPrintable,
            Self::JsonDocument(_) => Code::RecoveredJsonDocument,
            Self::Value(_) => Code::RecoveredDocumentValue,
            Self::Quotes => Code::RecoveredQuotes,
            Self::JsonEscapes(_) => Code::RecoveredJsonEscapes,
            Self::LineBreaks(_) => Code::RecoveredLineBreaks,
            Self::Base64Pem => Code::RecoveredBase64Pem,
            Self::PercentEncoding => Code::RecoveredPercentEncoding,
            Self::HtmlEntities => Code::RecoveredHtmlEntities,
            Self::BareBase64(_) => Code::RecoveredBareBase64,
        }
    }

    /// The message, for block `block` (`block_zh` in Chinese) labelled `label` (never the
    /// material).
    fn message(&self, block: &str, block_zh: &str) -> Text {
        match self {
            Self::LookAlikes(found) => {
                let (which, which_zh) = found.described();
                tr!(
                    "{block} held what only looked like PEM ({which}); it was written as PEM",
                    "{block_zh}中有只是看起来像 PEM 的内容（{which_zh}）；已按 PEM 改写"
                )
            }
            Self::LinePrefix(marks) => tr!(
                "each line of {block} began with “{marks}” (a quoted e-mail, a comment or a diff); it was removed",
                "{block_zh}的每一行都以“{marks}”开头（邮件引用、注释或 diff）；已去掉"
            ),
            Self::SourceStrings => tr!(
                "each line of {block} was a string literal, as source code holds a certificate (\"…\\n\"); the quotes and escapes were removed",
                "{block_zh}的每一行都是源代码中的字符串字面量（\"…\\n\"）；已去掉引号和转义"
            ),
            Self::LineNumbers => tr!(
                "each line of {block} began with its line number (copied from cat -n, a pager or a code viewer); the numbers were removed",
                "{block_zh}的每一行都以行号开头（复制自 cat -n、分页程序或代码查看器）；已去掉行号"
            ),
            Self::QuotedPrintable => tr!(
                "{block} was quoted-printable, as an e-mail's source holds it (=3D for =); it was decoded",
                "{block_zh}是 quoted-printable 编码，邮件源文件中就是这样（=3D 表示 =）；已解码"
            ),
            Self::JsonDocument(path) => tr!(
                "{block} was taken out of the JSON document's string value {path}, its escapes undone",
                "{block_zh}取自 JSON 文档的字符串值 {path}，已还原转义"
            ),
            Self::Value(key) => tr!(
                "{block} was taken out of the value of {key}",
                "{block_zh}取自 {key} 的值"
            ),
            Self::Quotes => tr!(
                "the quotes around {block} were removed",
                "已去掉{block_zh}两侧的引号"
            ),
            Self::JsonEscapes(1) => tr!(
                "JSON string escapes (\\n, \\/, \\u…) in {block} were undone",
                "已还原{block_zh}中的 JSON 字符串转义（\\n、\\/、\\u…）"
            ),
            Self::JsonEscapes(_) => tr!(
                "doubled JSON string escapes (\\\\n …) in {block} were undone, twice or more",
                "已还原{block_zh}中的多重 JSON 字符串转义（\\\\n …），两次或更多"
            ),
            Self::LineBreaks(Breaks::OneLine) => tr!(
                "{block} was written on one line; its line breaks were restored",
                "{block_zh}被写成了一行；已恢复换行"
            ),
            Self::LineBreaks(Breaks::Spaces) => tr!(
                "{block} had spaces or tabs where its line breaks were; they were restored",
                "{block_zh}的换行处是空格或制表符；已恢复换行"
            ),
            Self::LineBreaks(Breaks::Glued) => tr!(
                "{block} shared a line with other text; it was put on lines of its own",
                "{block_zh}与其他文字在同一行；已将其单独成行"
            ),
            Self::LineBreaks(Breaks::BrTags) => tr!(
                "{block} had <br> tags where its line breaks were; they were restored",
                "{block_zh}的换行处是 <br> 标签；已恢复换行"
            ),
            Self::Base64Pem => tr!(
                "{block} came from base64 of a whole file (LS0tLS1CRUdJTi…, as Kubernetes stores tls.crt and an e-mail attaches a file); it was decoded",
                "{block_zh}来自整个文件的 base64（LS0tLS1CRUdJTi…，Kubernetes 存储 tls.crt、邮件附带文件都是这样）；已解码"
            ),
            Self::PercentEncoding => tr!(
                "{block} was URL-encoded (%0A, %2B …); it was decoded",
                "{block_zh}经过 URL 编码（%0A、%2B …）；已解码"
            ),
            Self::HtmlEntities => tr!(
                "HTML entities (&#10;, &lt; …) in {block} were decoded",
                "已解码{block_zh}中的 HTML 实体（&#10;、&lt; …）"
            ),
            Self::BareBase64(kind) => {
                let (what, what_zh) = (kind.describe(), kind.describe_zh());
                tr!(
                    "base64 with no BEGIN/END lines holds {what}; it was read as {block}",
                    "没有 BEGIN/END 行的 base64 中是{what_zh}；已作为{block_zh}读取"
                )
            }
        }
    }

    fn hint(&self) -> Text {
        match self {
            Self::BareBase64(_) => tr!(
                "nothing to do; the normalised text (with its BEGIN/END lines) is what fixes and requests use",
                "无需处理；修复和请求使用规范化后的文本（带 BEGIN/END 行）"
            ),
            _ => tr!(
                "nothing to do; the recovered PEM is what fixes and requests use",
                "无需处理；修复和请求使用恢复后的 PEM"
            ),
        }
    }

    fn same_kind(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Where the lines of a text being scanned come from in the input.
#[derive(Clone, Copy)]
enum Origin {
    /// The text is the input (or a piece of it): its lines are the input's.
    Input,
    /// The text was decoded from the input's line (or no known line): every line maps there.
    Fixed(Option<usize>),
}

/// One block written to the recovered text.
struct Found {
    /// Its BEGIN line in the recovered text.
    out_line: usize,
    /// Its line in the input.
    input_line: Option<usize>,
    label: String,
    undone: Vec<Undone>,
}

/// The recovered text being written.
#[derive(Default)]
struct Out {
    text: String,
    /// The recovered text's current line (1-based).
    line: usize,
    map: Vec<(usize, usize, bool)>,
    found: Vec<Found>,
    /// Limits reached: (input line, what was left).
    limits: Vec<(Option<usize>, Words)>,
}

impl Out {
    fn line(&self) -> usize {
        self.line.max(1)
    }

    fn push(&mut self, s: &str, input_line: Option<usize>, together: bool) {
        if s.is_empty() {
            return;
        }
        let line = self.line();
        // An unknown input line maps to the previous entry's line: close enough, never wrong file.
        if let Some(input_line) = input_line {
            self.map.push((line, input_line, together));
        }
        self.text.push_str(s);
        self.line = line + s.matches('\n').count();
    }

    fn start_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push("\n", None, false);
        }
    }

    /// Text passed through as it is (stray text, a clean block): `first_line` is its first line.
    fn pass(&mut self, s: &str, origin: Origin, first_line: usize) {
        match origin {
            Origin::Input => self.push(s, Some(first_line), true),
            Origin::Fixed(line) => self.push(s, line, false),
        }
    }

    /// A block written anew (canonical PEM ending in a newline).
    fn block(&mut self, pem: &str, label: &str, input_line: Option<usize>, undone: Vec<Undone>) {
        self.start_line();
        self.found.push(Found {
            out_line: self.line(),
            input_line,
            label: label.to_owned(),
            undone,
        });
        self.push(pem, input_line, false);
    }

    /// A clean block passed through (its first line is its BEGIN line).
    fn clean_block(&mut self, s: &str, label: &str, origin: Origin, first_line: usize) {
        let input_line = match origin {
            Origin::Input => Some(first_line),
            Origin::Fixed(line) => line,
        };
        self.start_line();
        self.found.push(Found {
            out_line: self.line(),
            input_line,
            label: label.to_owned(),
            undone: Vec::new(),
        });
        self.pass(s, origin, first_line);
        self.start_line();
    }

    /// Adds what cleaning the blocks' lines did to the blocks found at their BEGIN lines (the
    /// cleaned text has the input's lines).
    fn mark_cleaned(&mut self, regions: &[block_lines::Region]) {
        for region in regions {
            let mut undone = Vec::new();
            match &region.wrapping {
                Some(block_lines::Wrapping::Marks(marks)) => {
                    undone.push(Undone::LinePrefix(marks.clone()));
                }
                Some(block_lines::Wrapping::Literals) => undone.push(Undone::SourceStrings),
                Some(block_lines::Wrapping::Numbers) => undone.push(Undone::LineNumbers),
                None => {}
            }
            if region.quoted_printable {
                undone.push(Undone::QuotedPrintable);
            }
            if region.look_alikes != block_lines::LookAlikes::default() {
                undone.push(Undone::LookAlikes(region.look_alikes));
            }
            for found in &mut self.found {
                if found.input_line == Some(region.begin_line) {
                    found.undone.splice(0..0, undone.iter().cloned());
                }
            }
        }
    }

    /// Adds `undone` to every block found since `since` (an outer layer they all came out of).
    fn mark_since(&mut self, since: usize, undone: &Undone) {
        for found in &mut self.found[since..] {
            match found.undone.iter_mut().find(|u| u.same_kind(undone)) {
                // Escapes undone by an outer layer too: they were doubled.
                Some(Undone::JsonEscapes(times)) => *times = times.saturating_add(1),
                Some(_) => {}
                None => found.undone.insert(0, undone.clone()),
            }
        }
    }

    fn diagnostics(&self, file: &str) -> Vec<Diagnostic> {
        // Block numbers as the decoder counts them: BEGIN lines of the recovered text.
        let begin_lines: Vec<usize> = self
            .text
            .split('\n')
            .enumerate()
            .filter(|(_, l)| pem::begin_label(l.trim()).is_some())
            .map(|(i, _)| i + 1)
            .collect();
        let mut out = Vec::new();
        for found in &self.found {
            let block = begin_lines.partition_point(|&l| l < found.out_line) + 1;
            let location = InputLocation {
                file: file.to_owned(),
                block: Some(block),
                line: found.input_line,
            };
            let name = format!(
                "block {block} ({}{})",
                pem::label_for_message(&found.label),
                found
                    .input_line
                    .map(|l| format!(", line {l}"))
                    .unwrap_or_default()
            );
            let name_zh = format!(
                "第 {block} 块（{}{}）",
                pem::label_zh(pem::label_for_message(&found.label)),
                found
                    .input_line
                    .map(|l| format!("，第 {l} 行"))
                    .unwrap_or_default()
            );
            for undone in &found.undone {
                out.push(Diagnostic::new(
                    undone.code(),
                    location.clone(),
                    undone.message(&name, &name_zh),
                    undone.hint(),
                ));
            }
        }
        for (line, what) in &self.limits {
            out.push(Diagnostic::new(
                Code::RecoveryLimitReached,
                InputLocation {
                    file: file.to_owned(),
                    block: None,
                    line: *line,
                },
                {
                    let (what, what_zh) = (what.en, what.zh);
                    tr!(
                        "recovery stopped: {what} (at most {MAX_DEPTH} nested documents and {MAX_LAYERS} layers of escapes are undone)",
                        "恢复已停止：{what_zh}（最多还原 {MAX_DEPTH} 层嵌套文档和 {MAX_LAYERS} 层转义）"
                    )
                },
                tr!(
                    "decode the outer layers by hand (or export the material again as plain PEM) and paste what is inside",
                    "请手动解开外层（或重新导出为普通 PEM），再粘贴其中的内容"
                ),
            ));
        }
        out
    }
}

/// Line starts of a text, for the line of an offset.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// The 1-based line of byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

fn origin_line(origin: Origin, lines: &LineIndex, offset: usize) -> Option<usize> {
    match origin {
        Origin::Input => Some(lines.line(offset)),
        Origin::Fixed(line) => line,
    }
}

// --- whole JSON documents ------------------------------------------------------------------------

/// The string values worth looking into, with their paths, in document order.
struct Strings<'a> {
    path: String,
    out: &'a mut Vec<(String, String)>,
}

impl Strings<'_> {
    fn take(self, value: Cow<'_, str>) {
        let worth = value.contains("-----BEGIN")
            || (value.len() >= MIN_BASE64_RUN && value.bytes().take(4).all(is_base64));
        if worth {
            let path = if self.path.is_empty() {
                "(the whole document)".to_owned()
            } else {
                self.path
            };
            self.out.push((path, value.into_owned()));
        }
    }

    fn child(&mut self, segment: &str) -> Strings<'_> {
        Strings {
            path: format!("{}{segment}", self.path),
            out: self.out,
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Strings<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Strings<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, value: &str) -> Result<(), E> {
        self.take(Cow::Borrowed(value));
        Ok(())
    }
    fn visit_string<E>(self, value: String) -> Result<(), E> {
        self.take(Cow::Owned(value));
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        while seq
            .next_element_seed(self.child(&format!("[{index}]")))?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'_, str>>()? {
            let segment = if self.path.is_empty() {
                key_for_message(&key)
            } else {
                format!(".{}", key_for_message(&key))
            };
            map.next_value_seed(self.child(&segment))?;
        }
        Ok(())
    }
}

/// A key as messages show it: short names as they are, anything long or odd elided.
fn key_for_message(key: &str) -> String {
    let plain = key.len() <= 40
        && !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./@:".contains(&b));
    if plain { key.to_owned() } else { "…".into() }
}

/// Takes the material out of `text` when it is a JSON document (an object, an array or a string).
/// Returns whether it was one that held material.
fn json_document(
    text: &str,
    lines: &LineIndex,
    origin: Option<Origin>,
    depth: usize,
    out: &mut Out,
) -> bool {
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[', '"']) {
        return false;
    }
    let mut values = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = serde::de::DeserializeSeed::deserialize(
        Strings {
            path: String::new(),
            out: &mut values,
        },
        &mut deserializer,
    )
    .and_then(|()| deserializer.end());
    if parsed.is_err() || values.is_empty() {
        return false;
    }
    let origin = origin.unwrap_or(Origin::Input);
    if depth >= MAX_DEPTH {
        out.limits.push((
            origin_line(origin, lines, 0),
            Words::new(
                "a JSON document nested too deep was not read",
                "未读取嵌套过深的 JSON 文档",
            ),
        ));
        return true;
    }
    let root_string = trimmed.starts_with('"');
    let had_escapes = text.contains('\\');
    let mut cursor = 0;
    let before = out.found.len();
    for (path, value) in values {
        // The value's line: where its first plain characters appear, after the previous value's.
        let line = match origin {
            Origin::Input => {
                let needle: String = value
                    .trim_start_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
                    .chars()
                    .take_while(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '/'))
                    .take(24)
                    .collect();
                let found = (needle.len() >= 8)
                    .then(|| text[cursor..].find(&needle))
                    .flatten();
                match found {
                    Some(at) => {
                        cursor += at + needle.len();
                        Some(lines.line(cursor - needle.len()))
                    }
                    // Not found as written (escaped): later values are not searched for either,
                    // so that many of them cannot make the search quadratic.
                    None => {
                        cursor = text.len();
                        None
                    }
                }
            }
            Origin::Fixed(line) => line,
        };
        let since = out.found.len();
        let inner_lines = LineIndex::new(&value);
        let inner = Origin::Fixed(line);
        if !json_document(&value, &inner_lines, Some(inner), depth + 1, out) {
            scan(&value, &inner_lines, Some(inner), depth + 1, out);
        }
        if root_string {
            out.mark_since(since, &Undone::JsonEscapes(1));
            out.mark_since(since, &Undone::Quotes);
            if !had_escapes {
                for found in &mut out.found[since..] {
                    found
                        .undone
                        .retain(|u| !matches!(u, Undone::JsonEscapes(_)));
                }
            }
        } else {
            out.mark_since(since, &Undone::JsonDocument(path));
        }
    }
    out.found.len() > before || !out.limits.is_empty()
}

// --- any other text ------------------------------------------------------------------------------

/// The base64 alphabet and `=`, as a table: every input's lines are checked byte by byte.
const BASE64: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'=';
        b += 1;
    }
    table
};

/// Whether `b` is in the base64 alphabet or `=`.
pub(super) fn is_base64(b: u8) -> bool {
    BASE64[usize::from(b)]
}

/// Scans `text` line by line: clean PEM blocks and plain text pass through; the rest is searched
/// for material ([`scan_range`]). `origin` is `None` for the input itself.
fn scan(text: &str, lines: &LineIndex, origin: Option<Origin>, depth: usize, out: &mut Out) {
    let origin = origin.unwrap_or(Origin::Input);
    // A tentative clean block: (start offset, label, first line number, body seen).
    let mut open: Option<(usize, &str, usize, bool)> = None;
    // The start of text not yet written (plain text, or a block found not clean).
    let mut pending = 0usize;
    let mut offset = 0usize;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let line = raw.trim();
        let start = offset;
        offset += raw.len();
        if let Some((block_start, label, first, body_seen)) = open {
            if pem::end_label(line) == Some(label) {
                scan_range(text, lines, pending, block_start, origin, depth, out);
                out.clean_block(&text[block_start..offset], label, origin, first);
                pending = offset;
                open = None;
                continue;
            }
            if line.is_empty() || (line.contains(':') && !body_seen) {
                continue;
            }
            if line.bytes().all(is_base64) {
                open = Some((block_start, label, first, true));
                continue;
            }
            // Not clean: it stays with the text to search; this line may begin another block.
            open = None;
        }
        if let Some(label) = pem::begin_label(line).filter(|l| pem::label_is_plain(l)) {
            open = Some((start, label, number, false));
        }
    }
    scan_range(text, lines, pending, text.len(), origin, depth, out);
}

/// Searches `text[from..to]` for material: PEM markers anywhere (with the mangling of their block
/// undone), base64 of PEM files, bare base64 bodies; the rest passes through.
fn scan_range(
    text: &str,
    lines: &LineIndex,
    from: usize,
    to: usize,
    origin: Origin,
    depth: usize,
    out: &mut Out,
) {
    let bytes = text.as_bytes();
    let mut written = from;
    let mut at = from;
    // The next END marker at or after a position: searched again only once passed (linear).
    let mut next_end: Option<Option<usize>> = None;
    while at < to {
        if bytes[at..to].starts_with(b"-----BEGIN") {
            let end = match span_end(&text[..to], at, &mut next_end) {
                Span::End(end) => end,
                // Cut short before another block: that block is searched; the decoder reports this one.
                Span::NextBegin(next) => {
                    at = next;
                    continue;
                }
                // Cut short: nothing after it is another block's; the decoder reports it.
                Span::None => break,
            };
            if let Some((pem, label, mut undone)) = recover_block(&text[at..end]) {
                let line = origin_line(origin, lines, at);
                out.pass(&text[written..at], origin, lines.line(written));
                context(text, at, &mut undone);
                if undone.is_empty() && glued(text, at, end) {
                    undone.push(Undone::LineBreaks(Breaks::Glued));
                }
                if !undone.is_empty() {
                    out.block(&pem, &label, line, undone);
                    // The block's own final line break, encoded as its body's were, goes with it.
                    written = skip_encoded_breaks(text, end, to);
                } else {
                    out.clean_block(&text[at..end], &label, origin, lines.line(at));
                    written = end;
                }
            } else if layers_exhausted(&text[at..end]) {
                out.limits.push((
                    origin_line(origin, lines, at),
                    Words::new(
                        "a block with more layers of escapes than are undone was left as it is",
                        "转义层数超过可还原层数的块保持原样",
                    ),
                ));
            }
            at = end;
            continue;
        }
        let starts_run = is_base64(bytes[at]) && (at == 0 || !is_base64(bytes[at - 1]));
        if !starts_run {
            at += 1;
            continue;
        }
        let (run_end, run) = base64_run(text, at, to);
        if run.len() >= MIN_BASE64_RUN
            && base64_material(&run, text, lines, at, origin, depth, written, out).is_some()
        {
            written = run_end;
        }
        at = run_end.max(at + 1);
    }
    out.pass(&text[written..to], origin, lines.line(written));
}

/// Whether the block at `text[at..end]` shares a line with other text (before its BEGIN marker or
/// after its END line), which the decoder would not read. At most 200 bytes are looked at on each
/// side: many blocks on one long line stay linear.
fn glued(text: &str, at: usize, end: usize) -> bool {
    let back = text.ceil_char_boundary(at.saturating_sub(200));
    let before = text[back..at].rsplit('\n').next().unwrap_or_default();
    let ahead = text.floor_char_boundary(text.len().min(end + 200));
    let after = text[end..ahead].split('\n').next().unwrap_or_default();
    !before.trim().is_empty() || !after.trim().is_empty()
}

/// The offset after the encoded line breaks (`\n`, `\\n`, `%0A`, `&#10;`, `<br>` …) at `at`.
fn skip_encoded_breaks(text: &str, mut at: usize, to: usize) -> usize {
    const BREAKS: &[&str] = &[
        "\\r", "\\n", "\\\\r", "\\\\n", "%0D", "%0A", "%0d", "%0a", "&#13;", "&#10;", "&#xA;",
        "&#xa;", "<br>", "<br/>", "<br />", "<BR>",
    ];
    while let Some(step) = BREAKS.iter().find(|b| text[at..to].starts_with(**b)) {
        at += step.len();
    }
    at
}

/// Where the block whose BEGIN marker is at `at` ends.
enum Span {
    /// After the `-----` closing the first `-----END` marker that follows.
    End(usize),
    /// Another BEGIN marker comes first, here.
    NextBegin(usize),
    /// No END marker follows.
    None,
}

fn span_end(text: &str, at: usize, next_end: &mut Option<Option<usize>>) -> Span {
    let from = at + 10;
    let end = match *next_end {
        Some(Some(end)) if end >= from => Some(end),
        Some(None) => None,
        _ => {
            let found = text[from..].find("-----END").map(|e| from + e);
            *next_end = Some(found);
            found
        }
    };
    // A BEGIN before that END is searched only up to it.
    let next = text[from..end.unwrap_or(text.len())]
        .find("-----BEGIN")
        .map(|n| from + n);
    match (end, next) {
        (_, Some(next)) => Span::NextBegin(next),
        (Some(end), None) => {
            let after = end + 8;
            // The END label: short, so its closing dashes are near (the window ends on a
            // character's boundary: the text after a cut-short END may be anything).
            let window = &text[after..text.floor_char_boundary(text.len().min(after + 100))];
            match window.find("-----") {
                Some(close) => Span::End(after + close + 5),
                None => Span::None,
            }
        }
        (None, None) => Span::None,
    }
}

/// A maximal base64 run starting at `at` (continued over following lines that are whole base64
/// when it reaches its line's end): its end offset and its characters joined.
fn base64_run(text: &str, at: usize, to: usize) -> (usize, String) {
    let bytes = text.as_bytes();
    let mut pos = at;
    while pos < to && is_base64(bytes[pos]) {
        pos += 1;
    }
    // A short word that does not reach its line's end is no run (and costs no allocation). Only
    // the white space after it is looked at: a long line of short words stays linear.
    let after = text[pos..to].trim_start_matches([' ', '\t', '\r']);
    let reaches_line_end = after.is_empty() || after.starts_with('\n');
    if pos - at < MIN_BASE64_RUN && !reaches_line_end {
        return (pos, String::new());
    }
    let mut run = String::new();
    let mut pos = at;
    loop {
        let start = pos;
        while pos < to && is_base64(bytes[pos]) {
            pos += 1;
        }
        run.push_str(&text[start..pos]);
        if run.ends_with('=') {
            return (pos, run);
        }
        // Continue only from a line's end (white space, then a line break: nothing further is
        // looked at, so that runs on a long line stay linear) onto a next line all base64.
        let rest = &text[pos..to];
        let after = rest.trim_start_matches([' ', '\t', '\r']);
        if !after.starts_with('\n') {
            return (pos, run);
        }
        let next_start = pos + (rest.len() - after.len()) + 1;
        let next_end = text[next_start..to]
            .find('\n')
            .map_or(to, |n| next_start + n);
        let next = text[next_start..next_end].trim();
        if next.is_empty() || !next.bytes().all(is_base64) {
            return (pos, run);
        }
        pos = next_start
            + (text[next_start..next_end].len() - text[next_start..next_end].trim_start().len());
    }
}

/// Reads a base64 run: base64 of a PEM file (recovered in turn) or a bare DER body. Writes what
/// it holds (after the text before it) and returns `Some` when it held material.
#[allow(clippy::too_many_arguments)]
fn base64_material(
    run: &str,
    text: &str,
    lines: &LineIndex,
    at: usize,
    origin: Origin,
    depth: usize,
    written: usize,
    out: &mut Out,
) -> Option<()> {
    let der = cert_preflight_base64::base64_decode(run).ok()?;
    let line = origin_line(origin, lines, at);
    // Base64 of text holding PEM (`LS0tLS1CRUdJTi…`, or of a JSON string: `Ii0tLS0t…`), or of
    // base64 again (encoded twice).
    // UTF-16 first: its ASCII is valid UTF-8 too, with a NUL after (or before) each character.
    let utf16 = super::input::utf16_text(&der);
    let text_inside = utf16
        .as_deref()
        .or(std::str::from_utf8(&der).ok())
        .filter(|t| {
            t.contains("-----BEGIN")
                || (t.trim().len() >= MIN_BASE64_RUN
                    && t.bytes().all(|b| is_base64(b) || b.is_ascii_whitespace()))
        });
    if let Some(decoded) = text_inside {
        out.pass(&text[written..at], origin, lines.line(written));
        if depth + 1 >= MAX_DEPTH {
            out.limits.push((
                line,
                Words::new(
                    "base64 of a PEM file nested too deep was not read",
                    "未读取嵌套过深的 PEM 文件 base64",
                ),
            ));
            return Some(());
        }
        let since = out.found.len();
        let inner_lines = LineIndex::new(decoded);
        let inner = Origin::Fixed(line);
        if !json_document(decoded, &inner_lines, Some(inner), depth + 1, out) {
            scan(decoded, &inner_lines, Some(inner), depth + 1, out);
        }
        let mut undone = vec![Undone::Base64Pem];
        context(text, at, &mut undone);
        for u in undone.iter().rev() {
            out.mark_since(since, u);
        }
        return Some(());
    }
    let (kind, label) = sniff::content_kind(&der)?;
    out.pass(&text[written..at], origin, lines.line(written));
    let mut undone = vec![Undone::BareBase64(kind)];
    context(text, at, &mut undone);
    out.block(&pem(label, &der), label, line, undone);
    Some(())
}

fn pem(label: &str, der: &[u8]) -> String {
    crate::fixes::pem(label, der)
}

/// What the text before a value at `at` says: a `key:` or `key =` before it on its line, or a
/// quote right before it. Adds it in front of `undone`.
fn context(text: &str, at: usize, undone: &mut Vec<Undone>) {
    // At most 200 bytes back: many blocks on one long line stay linear.
    let mut window = at.saturating_sub(200);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let line_start = text[window..at]
        .rfind('\n')
        .map_or(window, |n| window + n + 1);
    let before = &text[line_start..at];
    let quoted = before.ends_with(['"', '\'']);
    let unquoted = before.trim_end_matches(['"', '\'']).trim_end();
    let key = unquoted
        .strip_suffix(':')
        .or_else(|| unquoted.strip_suffix('='))
        .map(|k| k.trim_end().trim_end_matches(['"', '\'']))
        .and_then(|k| {
            let token = k
                .rsplit(|c: char| {
                    c.is_whitespace() || c == '"' || c == '\'' || c == '{' || c == ','
                })
                .next()?;
            (!token.is_empty()).then(|| key_for_message(token))
        });
    match key {
        Some(key) => undone.insert(0, Undone::Value(key)),
        None if quoted => undone.insert(0, Undone::Quotes),
        None => {}
    }
}

// --- one block -----------------------------------------------------------------------------------

/// Undoes the escaping of one block (`-----BEGIN` … `-----END …-----`) and writes it canonically:
/// the PEM, its label and what was undone. `None` when it is not a block once undone.
fn recover_block(span: &str) -> Option<(String, String, Vec<Undone>)> {
    let mut undone = Vec::new();
    let mut text = Cow::Borrowed(span);
    let mut escapes = 0u8;
    let mut br = false;
    for layer in 0..=MAX_LAYERS {
        let next = if has_percent_encoding(&text) {
            push_once(&mut undone, Undone::PercentEncoding);
            percent_decode(&text)
        } else if has_html(&text) {
            let (decoded, tags, entities) = html_decode(&text);
            br |= tags;
            if entities {
                push_once(&mut undone, Undone::HtmlEntities);
            }
            decoded
        } else if has_json_escape(&text) {
            escapes += 1;
            json_unescape(&text)
        } else {
            break;
        };
        if layer == MAX_LAYERS {
            return None;
        }
        text = Cow::Owned(next);
    }
    if escapes > 0 {
        undone.push(Undone::JsonEscapes(escapes));
    }
    let (pem, label, breaks) = rebuild(&text)?;
    if let Some(breaks) = if br { Some(Breaks::BrTags) } else { breaks } {
        undone.push(Undone::LineBreaks(breaks));
    }
    Some((pem, label, undone))
}

/// Whether the block failed to recover for having more layers than are undone.
fn layers_exhausted(span: &str) -> bool {
    let mut text = Cow::Borrowed(span);
    for _ in 0..=MAX_LAYERS {
        let next = if has_percent_encoding(&text) {
            percent_decode(&text)
        } else if has_html(&text) {
            html_decode(&text).0
        } else if has_json_escape(&text) {
            json_unescape(&text)
        } else {
            return false;
        };
        text = Cow::Owned(next);
    }
    true
}

fn push_once(undone: &mut Vec<Undone>, u: Undone) {
    if !undone.iter().any(|x| x.same_kind(&u)) {
        undone.push(u);
    }
}

/// The block written canonically (LF, 64 columns, RFC 1421 headers kept), its label, and what
/// stood where its line breaks were (`None`: they were there).
fn rebuild(text: &str) -> Option<(String, String, Option<Breaks>)> {
    let rest = text.strip_prefix("-----BEGIN")?;
    let close = rest.find("-----")?;
    let label = rest[..close]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !pem::label_is_plain(&label) {
        return None;
    }
    let rest = &rest[close + 5..];
    let end_marker = rest.rfind("-----END")?;
    let body = &rest[..end_marker];
    let end_label = rest[end_marker + 8..].strip_suffix("-----")?;
    if end_label.split_whitespace().collect::<Vec<_>>().join(" ") != label {
        return None;
    }
    let breaks = if !body.contains('\n') && body.trim().contains([' ', '\t']) {
        Some(Breaks::Spaces)
    } else if !body.contains('\n') && !body.trim().is_empty() {
        Some(Breaks::OneLine)
    } else if body.lines().any(|l| l.trim().contains([' ', '\t'])) && !body.contains("Proc-Type") {
        Some(Breaks::Spaces)
    } else {
        None
    };
    let mut headers = Vec::new();
    let mut base64 = String::with_capacity(body.len());
    let mut tokens = body.split_whitespace().peekable();
    while let Some(token) = tokens.next() {
        if let Some(name) = token.strip_suffix(':')
            && base64.is_empty()
            && !name.is_empty()
        {
            // `Proc-Type: 4,ENCRYPTED`, `DEK-Info: AES-256-CBC,…`: a header and its value.
            headers.push(format!("{name}: {}", tokens.next()?));
        } else if token.bytes().all(is_base64) {
            base64.push_str(token);
        } else {
            return None;
        }
    }
    // The body must decode (the decoder decodes it again, from the canonical text).
    cert_preflight_base64::base64_decode(&base64).ok()?;
    let mut pem = format!("-----BEGIN {label}-----\n");
    if !headers.is_empty() {
        for header in &headers {
            pem.push_str(header);
            pem.push('\n');
        }
        pem.push('\n');
    }
    let mut chunk = base64.as_str();
    while !chunk.is_empty() {
        let (line, next) = chunk.split_at(chunk.len().min(64));
        pem.push_str(line);
        pem.push('\n');
        chunk = next;
    }
    pem.push_str(&format!("-----END {label}-----\n"));
    Some((pem, label, breaks))
}

// --- the escapes ---------------------------------------------------------------------------------

fn has_percent_encoding(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(3).any(|w| {
        w[0] == b'%'
            && matches!(
                [w[1].to_ascii_uppercase(), w[2].to_ascii_uppercase()],
                [b'0', b'A']
                    | [b'0', b'D']
                    | [b'2', b'0']
                    | [b'2', b'B']
                    | [b'2', b'F']
                    | [b'3', b'D']
            )
    })
}

/// `%XX` decoded; `+` is a space when the markers use it for one (form encoding).
fn percent_decode(text: &str) -> String {
    let form = text.starts_with("-----BEGIN+");
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if form => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn has_html(text: &str) -> bool {
    text.contains("&#")
        || ["&lt;", "&gt;", "&amp;", "&quot;", "&nbsp;", "&apos;"]
            .iter()
            .any(|e| text.contains(e))
        || text.contains("<br")
        || text.contains("<BR")
}

/// HTML entities and `<br>` tags decoded: the text, whether there were tags, whether entities.
pub(super) fn html_decode(text: &str) -> (String, bool, bool) {
    let mut out = String::with_capacity(text.len());
    let (mut tags, mut entities) = (false, false);
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let lower = rest.get(..3).map(str::to_ascii_lowercase);
            if lower.as_deref() == Some("<br")
                && let Some(close) = rest[..rest.floor_char_boundary(8)].find('>')
            {
                out.push('\n');
                tags = true;
                rest = &rest[close + 1..];
                continue;
            }
        } else if let Some(semi) = rest[..rest.floor_char_boundary(12)].find(';') {
            let name = &rest[1..semi];
            let decoded = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            if let Some(c) = decoded {
                out.push(c);
                entities = true;
                rest = &rest[semi + 1..];
                continue;
            }
        }
        out.push_str(&rest[..1]);
        rest = &rest[1..];
    }
    out.push_str(rest);
    (out, tags, entities)
}

fn has_json_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|w| {
        w[0] == b'\\'
            && matches!(
                w[1],
                b'n' | b'r' | b't' | b'/' | b'u' | b'"' | b'\\' | b'\n'
            )
    })
}

/// JSON string escapes undone, leniently (an unknown escape stays), with YAML double-quoted
/// scalars' own: `\ ` (a space) and `\` at a line's end (the line joined to the next, whose
/// indentation goes).
fn json_unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('/') => out.push('/'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some(' ') => out.push(' '),
            Some('u') => {
                chars.next();
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|_| hex.len() == 4)
                {
                    Some(code) => {
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        for _ in 0..4 {
                            chars.next();
                        }
                    }
                    None => out.push_str("\\u"),
                }
                continue;
            }
            Some('\r') | Some('\n') => {
                // YAML: an escaped line break joins the lines; the next line's indentation goes.
                while chars.peek().is_some_and(|c| matches!(c, '\r' | '\n')) {
                    chars.next();
                }
                while chars.peek().is_some_and(|c| matches!(c, ' ' | '\t')) {
                    chars.next();
                }
                continue;
            }
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::{DecodedInput, decode};
    use base64ct::{Base64, Encoding};

    const CERT: &str = include_str!(
        "../../tests/vectors/inspect/two-files-key-in-certificate-input/input/a-cert.pem"
    );
    const KEY: &str = include_str!(
        "../../tests/vectors/inspect/two-files-key-in-certificate-input/input/b-key.test-only.pem"
    );
    const CSR: &str =
        include_str!("../../tests/vectors/inspect/csr-matches-leaf/input/request.csr");
    const P7: &str = include_str!("../../tests/vectors/inspect/pkcs7-pem-chain/input/chain.p7b");
    const LEGACY: &str = include_str!(
        "../../tests/vectors/inspect/key-legacy-pem-aes256-cbc/input/leaf-key.test-only.pem"
    );

    /// A tag or entity whose look-ahead window ends inside a multi-byte character (a panic the
    /// 30-minute fuzz run of 2026-12-06 found: `<br` and `&` followed by non-ASCII text).
    #[test]
    fn html_windows_end_on_character_boundaries() {
        for text in [
            "<br\u{e9}\u{e9}\u{e9}>x",
            "&\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9};x",
            "<br\u{4e2d}\u{6587}",
        ] {
            let (decoded, _, _) = html_decode(text);
            assert!(
                decoded.ends_with('x') || decoded.contains('\u{6587}'),
                "{text:?} -> {decoded:?}"
            );
        }
        assert_eq!(html_decode("a<br>b&#10;c").0, "a\nb\nc");
    }

    /// The label and DER of the one block of a clean PEM text (headers skipped).
    fn block(pem: &str) -> (String, Vec<u8>) {
        let label = pem.lines().next().unwrap();
        let label = label
            .strip_prefix("-----BEGIN ")
            .unwrap()
            .strip_suffix("-----")
            .unwrap();
        let body: String = pem
            .lines()
            .filter(|l| !l.starts_with("-----") && !l.contains(':'))
            .collect();
        (
            label.to_owned(),
            Base64::decode_vec(&body).expect("a clean fixture"),
        )
    }

    /// The base64 body of a clean PEM block, on one line.
    fn body(pem: &str) -> String {
        pem.lines()
            .filter(|l| !l.starts_with("-----") && !l.contains(':'))
            .collect()
    }

    /// Decodes `input` (recovery first) and checks that it yields exactly the blocks of `expected`
    /// (label and DER of each clean fixture, in order), each with exactly the recovery codes
    /// given, no error, and no message holding a run of any key's base64.
    #[track_caller]
    fn check(input: &str, expected: &[(&str, &[&str])]) -> DecodedInput {
        let decoded = decode("t", input.as_bytes());
        let got: Vec<(String, Vec<u8>)> = decoded
            .items
            .iter()
            .map(|i| (i.label.clone().unwrap_or_default(), i.der.clone()))
            .collect();
        let want: Vec<(String, Vec<u8>)> = expected.iter().map(|(pem, _)| block(pem)).collect();
        let shape = |blocks: &[(String, Vec<u8>)]| -> Vec<(String, usize)> {
            blocks.iter().map(|(l, d)| (l.clone(), d.len())).collect()
        };
        assert_eq!(
            shape(&got),
            shape(&want),
            "blocks of {input:.80?}: {:#?}",
            decoded.diagnostics
        );
        assert!(got == want, "the DER of {input:.80?} differs");
        for (index, (_, codes)) in expected.iter().enumerate() {
            let found: Vec<&str> = decoded
                .diagnostics
                .iter()
                .filter(|d| d.location.block() == Some(index + 1))
                .map(|d| d.code.as_str())
                .filter(|c| c.starts_with("recover"))
                .collect();
            assert_eq!(&found, codes, "recovery codes of block {}", index + 1);
        }
        assert!(
            decoded
                .diagnostics
                .iter()
                .all(|d| d.severity != crate::diagnostic::Severity::Error),
            "{:#?}",
            decoded.diagnostics
        );
        assert_no_key_material(&decoded);
        decoded
    }

    #[track_caller]
    fn assert_no_key_material(decoded: &DecodedInput) {
        for key in [KEY, LEGACY] {
            let secret = body(key);
            for d in &decoded.diagnostics {
                let text = format!("{} {}", d.message, d.hint.as_deref().unwrap_or_default());
                for window in secret.as_bytes().windows(16).step_by(8) {
                    let window = std::str::from_utf8(window).unwrap();
                    assert!(!text.contains(window), "key material in {text:?}");
                }
            }
        }
    }

    fn one_line(pem: &str, between: &str) -> String {
        pem.trim_end().lines().collect::<Vec<_>>().join(between)
    }

    const JSON_DOC: &[&str] = &["recovered-json-document"];

    #[test]
    fn clean_pem_is_left_as_it_is() {
        let text = format!("{CERT}{KEY}");
        assert!(matches!(recover("t", &text).text, Cow::Borrowed(_)));
        check(&text, &[(CERT, &[]), (KEY, &[])]);
    }

    #[test]
    fn a_json_document_gives_its_pem_values_in_order() {
        let quote = |s: &str| serde_json::to_string(s).unwrap();
        let text = format!(
            "{{\n  \"certificate\": {{\n    \"name\": \"x\",\n    \"private_key\": {},\n    \"certificate\": {},\n    \"port\": 443, \"on\": true, \"none\": null\n  }}\n}}\n",
            quote(KEY),
            quote(CERT)
        );
        let decoded = check(&text, &[(KEY, JSON_DOC), (CERT, JSON_DOC)]);
        assert!(
            decoded.diagnostics[0]
                .message
                .contains("certificate.private_key")
        );
        // The line of each value in the input.
        assert_eq!(decoded.items[0].location.line, Some(4));
        assert_eq!(decoded.items[1].location.line, Some(5));
        // Arrays, nesting, a JSON document inside a string value.
        let inner = serde_json::json!({"tls.crt": CERT}).to_string();
        let text = serde_json::json!({"resources": [{"attributes": {"value": inner}}], "k": [KEY]});
        // (json! sorts the keys: "k" comes first.)
        check(&text.to_string(), &[(KEY, JSON_DOC), (CERT, JSON_DOC)]);
    }

    #[test]
    fn a_json_string_loses_its_quotes_and_escapes() {
        let text = serde_json::to_string(CERT).unwrap();
        check(
            &text,
            &[(CERT, &["recovered-quotes", "recovered-json-escapes"])],
        );
    }

    #[test]
    fn json_escapes_without_quotes_single_and_doubled() {
        let escaped = CERT.replace('\n', "\\n");
        check(&escaped, &[(CERT, &["recovered-json-escapes"])]);
        let crlf = KEY
            .replace('\n', "\\r\\n")
            .replace('/', "\\/")
            .replace('+', "\\u002b");
        check(&crlf, &[(KEY, &["recovered-json-escapes"])]);
        let doubled = CERT.replace('\n', "\\\\n");
        let decoded = check(&doubled, &[(CERT, &["recovered-json-escapes"])]);
        assert!(decoded.diagnostics[0].message.contains("doubled"));
        // A value as a line of JSON (not a whole document), with its key.
        let line = format!(
            "POST /v3/certificates\n  \"private_key\" : {},",
            serde_json::to_string(KEY).unwrap()
        );
        let decoded = check(
            &line,
            &[(KEY, &["recovered-document-value", "recovered-json-escapes"])],
        );
        assert!(decoded.diagnostics[0].message.contains("private_key"));
        assert_eq!(decoded.items[0].location.line, Some(2));
    }

    #[test]
    fn one_line_spaces_tabs_and_br_where_line_breaks_were() {
        let line_breaks: &[&str] = &["recovered-line-breaks"];
        let glued = format!(
            "-----BEGIN PRIVATE KEY-----{}-----END PRIVATE KEY-----",
            body(KEY)
        );
        let decoded = check(&glued, &[(KEY, line_breaks)]);
        assert!(decoded.diagnostics[0].message.contains("one line"));
        check(&one_line(CERT, " "), &[(CERT, line_breaks)]);
        check(&one_line(CERT, "\t"), &[(CERT, line_breaks)]);
        check(&one_line(CERT, "<br>"), &[(CERT, line_breaks)]);
        check(&one_line(KEY, "<br />\n"), &[(KEY, line_breaks)]);
        // Two blocks on one line each, after a clean one.
        let text = format!("{CERT}{}\n{}\n", one_line(CSR, " "), one_line(KEY, " "));
        check(
            &text,
            &[(CERT, &[]), (CSR, line_breaks), (KEY, line_breaks)],
        );
    }

    #[test]
    fn quotes_and_yaml_scalars() {
        check(&format!("'{CERT}'"), &[(CERT, &["recovered-quotes"])]);
        // PyYAML's single-quoted form: blank lines between the lines, indented.
        let yaml = format!("cert: '{}'\n", CERT.trim_end().replace('\n', "\n\n  "));
        check(&yaml, &[(CERT, &["recovered-document-value"])]);
        // PyYAML's double-quoted form: \n escapes and escaped line breaks with indentation.
        let mut folded = String::from("\"cert\": \"");
        for (i, line) in CERT.lines().enumerate() {
            folded.push_str(line);
            folded.push_str("\\n");
            if i % 2 == 1 {
                folded.push_str("\\\n  ");
            }
        }
        folded.push_str("\"\n");
        check(
            &folded,
            &[(
                CERT,
                &["recovered-document-value", "recovered-json-escapes"],
            )],
        );
    }

    #[test]
    fn base64_of_a_pem_file() {
        let encoded = Base64::encode_string(format!("{CERT}{KEY}").as_bytes());
        let secret = format!("apiVersion: v1\ndata:\n  tls.crt: {encoded}\nkind: Secret\n");
        let both: &[&str] = &["recovered-document-value", "recovered-base64-pem"];
        let decoded = check(&secret, &[(CERT, both), (KEY, both)]);
        assert!(decoded.diagnostics[0].message.contains("tls.crt"));
        assert_eq!(decoded.items[1].location.line, Some(3));
        // `base64` wraps at 76 columns.
        let wrapped: String = encoded
            .as_bytes()
            .chunks(76)
            .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
            .collect();
        check(
            &wrapped,
            &[
                (CERT, &["recovered-base64-pem"]),
                (KEY, &["recovered-base64-pem"]),
            ],
        );
        // Base64 of a JSON-escaped PEM: two layers.
        let escaped = Base64::encode_string(serde_json::to_string(CERT).unwrap().as_bytes());
        check(
            &escaped,
            &[(
                CERT,
                &[
                    "recovered-base64-pem",
                    "recovered-quotes",
                    "recovered-json-escapes",
                ],
            )],
        );
        // A JSON Secret.
        let json = serde_json::json!({"data": {"tls.key": Base64::encode_string(KEY.as_bytes())}});
        check(
            &json.to_string(),
            &[(KEY, &["recovered-json-document", "recovered-base64-pem"])],
        );
    }

    #[test]
    fn percent_encoding_and_html_entities() {
        let percent = |s: &str, space: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '\n' => "%0A".to_owned(),
                    ' ' => space.to_owned(),
                    '+' => "%2B".to_owned(),
                    '=' => "%3D".to_owned(),
                    c => c.to_string(),
                })
                .collect()
        };
        let percent_code: &[&str] = &["recovered-percent-encoding"];
        check(&percent(CERT, "%20"), &[(CERT, percent_code)]);
        check(&percent(KEY, "+"), &[(KEY, percent_code)]);
        let html = CERT.replace('+', "&#43;").replace('\n', "&#10;");
        check(&html, &[(CERT, &["recovered-html-entities"])]);
        let double = CERT.replace('\n', "&amp;#x0A;");
        check(&double, &[(CERT, &["recovered-html-entities"])]);
    }

    /// Base64 of a whole PKCS#12 file (what Azure Key Vault exports and Kubernetes secrets hold
    /// for a `.pfx`), on one line and in 76 columns: read as the PKCS#12 file it is.
    #[test]
    fn base64_of_a_pkcs12_file_is_read_as_one() {
        let pfx: &[u8] = include_bytes!(
            "../../tests/vectors/inspect/pkcs12-modern-aes256-pbkdf2/input/bundle.test-only.p12"
        );
        let one_line = Base64::encode_string(pfx);
        let wrapped: String = one_line
            .as_bytes()
            .chunks(76)
            .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
            .collect();
        for text in [one_line, wrapped] {
            let decoded = decode("t", text.as_bytes());
            let items: Vec<(ItemKind, &[u8])> = decoded
                .items
                .iter()
                .map(|i| (i.kind.clone(), i.der.as_slice()))
                .collect();
            assert_eq!(
                items,
                [(ItemKind::Pkcs12, pfx)],
                "{:#?}",
                decoded.diagnostics
            );
            assert!(
                decoded
                    .diagnostics
                    .iter()
                    .any(|d| d.code == Code::RecoveredBareBase64 && d.message.contains("PKCS#12")),
                "{:#?}",
                decoded.diagnostics
            );
        }
    }

    #[test]
    fn bare_base64_bodies_are_read_by_trial() {
        let bare: &[&str] = &["recovered-bare-base64"];
        check(&body(CERT), &[(CERT, bare)]);
        check(
            &format!(
                "{}\n",
                CERT.lines()
                    .filter(|l| !l.starts_with("---"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            &[(CERT, bare)],
        );
        check(
            &format!("key = \"{}\"", body(KEY)),
            &[(KEY, &["recovered-document-value", "recovered-bare-base64"])],
        );
        check(&body(CSR), &[(CSR, bare)]);
        check(&body(P7), &[(P7, bare)]);
        // Base64 that is no DER, and short words, are left alone.
        let text = "Session-ID: 3F2A9C1B3F2A9C1B3F2A9C1B3F2A9C1B3F2A9C1B3F2A9C1B3F2A9C1B3F2A9C1B\n";
        let decoded = decode("t", text.as_bytes());
        assert!(decoded.items.is_empty());
        assert_eq!(decoded.diagnostics[0].code, Code::NoPemOrDer);
    }

    #[test]
    fn labels_that_do_not_match_their_content() {
        let relabel = |pem: &str, from: &str, to: &str| pem.replace(from, to);
        let code: &[&str] = &["recovered-label-from-content"];
        let decoded = check(&relabel(CERT, "CERTIFICATE", "PUBLIC KEY"), &[(CERT, code)]);
        assert!(
            decoded.diagnostics[0]
                .message
                .contains("labelled PUBLIC KEY")
        );
        check(
            &relabel(CERT, "CERTIFICATE", "X509 CERTIFICATE"),
            &[(CERT, code)],
        );
        check(
            &relabel(CERT, "CERTIFICATE", "TRUSTED CERTIFICATE"),
            &[(CERT, code)],
        );
        check(
            &relabel(CERT, "CERTIFICATE", "NEW CERTIFICATE REQUEST"),
            &[(CERT, code)],
        );
        check(
            &relabel(CSR, "CERTIFICATE REQUEST", "CERTIFICATE"),
            &[(CSR, code)],
        );
        check(&relabel(KEY, "PRIVATE KEY", "CERTIFICATE"), &[(KEY, code)]);
        // Together with another recovery.
        check(
            &one_line(&relabel(CERT, "CERTIFICATE", "PUBLIC KEY"), " "),
            &[(
                CERT,
                &["recovered-line-breaks", "recovered-label-from-content"],
            )],
        );
    }

    #[test]
    fn legacy_headers_survive_a_one_line_block() {
        check(
            &one_line(LEGACY, " "),
            &[(LEGACY, &["recovered-line-breaks"])],
        );
        check(
            &LEGACY.replace('\n', "\\n"),
            &[(LEGACY, &["recovered-json-escapes"])],
        );
    }

    #[test]
    fn limits_are_reported() {
        // Base64 of base64 of … a PEM file, deeper than MAX_DEPTH.
        let mut text = CERT.to_owned();
        for _ in 0..=MAX_DEPTH {
            text = Base64::encode_string(text.as_bytes());
        }
        let decoded = decode("t", text.as_bytes());
        assert!(decoded.items.is_empty());
        assert!(
            decoded
                .diagnostics
                .iter()
                .any(|d| d.code == Code::RecoveryLimitReached),
            "{:#?}",
            decoded.diagnostics
        );
        // More layers of escapes than are undone.
        let mut text = one_line(CERT, "\n");
        for _ in 0..=MAX_LAYERS {
            text = text.replace('\\', "\\\\").replace('\n', "\\n");
        }
        let decoded = decode("t", text.as_bytes());
        assert!(
            decoded
                .diagnostics
                .iter()
                .any(|d| d.code == Code::RecoveryLimitReached)
        );
        // Within the limits, the same layers are undone.
        let mut text = CERT.to_owned();
        for _ in 0..MAX_DEPTH - 1 {
            text = Base64::encode_string(text.as_bytes());
        }
        assert_eq!(decode("t", text.as_bytes()).items.len(), 1);
    }

    #[test]
    fn what_cannot_be_recovered_is_reported_as_before_without_material() {
        // A one-line key cut short: the decoder's own diagnostic, quoting no key and no label.
        let key = body(KEY);
        let cut = format!("-----BEGIN PRIVATE KEY-----{}", &key[..key.len() - 20]);
        let decoded = decode("t", cut.as_bytes());
        assert_eq!(decoded.diagnostics.len(), 1, "{:#?}", decoded.diagnostics);
        assert_eq!(decoded.diagnostics[0].code, Code::NoPemOrDer);
        assert!(decoded.diagnostics[0].message.len() < 120);
        let cut = format!("-----BEGIN PRIVATE KEY-----{}-----", &key[..key.len() - 20]);
        let decoded = decode("t", cut.as_bytes());
        assert_eq!(decoded.diagnostics[0].code, Code::PemMissingEnd);
        assert!(decoded.diagnostics[0].message.contains("unreadable label"));
        assert_no_key_material(&decoded);
        assert_no_key_material(&decoded);
        // A bad character inside an otherwise one-line block.
        let bad = one_line(CERT, " ").replacen("MII", "M*I", 1);
        let decoded = decode("t", bad.as_bytes());
        assert!(decoded.items.is_empty());
        assert!(
            decoded
                .diagnostics
                .iter()
                .all(|d| !d.code.as_str().starts_with("recovered"))
        );
        // Hostile shapes end quickly: many BEGIN markers, one long base64 run.
        let many = "-----BEGIN CERTIFICATE-----".repeat(20_000);
        let _ = decode("t", many.as_bytes());
        let noise = "QUJD".repeat(200_000);
        let decoded = decode("t", noise.as_bytes());
        assert!(decoded.items.is_empty());
        // A long line of short words, and many JSON strings whose text is escaped.
        let words = "ab ".repeat(300_000);
        assert!(decode("t", words.as_bytes()).items.is_empty());
        let escaped = format!(
            "[{}]",
            vec![format!("\"\\u0041{}\"", "A".repeat(70)); 20_000].join(",")
        );
        assert!(decode("t", escaped.as_bytes()).items.is_empty());
        // Many one-line blocks on one line.
        let one_line_blocks = one_line(CERT, " ").repeat(2_000);
        assert_eq!(decode("t", one_line_blocks.as_bytes()).items.len(), 2_000);
    }

    /// A certificate in a quoted e-mail, a key pasted from a chat app (zero-width spaces where it
    /// wrapped) under a BEGIN line typed in full-width, a request one line with a no-break space in
    /// its label, around prose in Chinese: each block read, said where, the prose left as it was.
    #[test]
    fn look_alikes_and_quote_marks_in_blocks() {
        let quoted: String = CERT.lines().map(|l| format!("> {l}\n")).collect();
        let full_width: String = "-----BEGIN PRIVATE KEY-----"
            .chars()
            .map(|c| match c {
                ' ' => '\u{3000}',
                c => char::from_u32(u32::from(c) + 0xfee0).unwrap(),
            })
            .collect();
        let key = KEY
            .replacen("-----BEGIN PRIVATE KEY-----", &full_width, 1)
            .replace("\n", "\u{200b}\n");
        let csr = one_line(CSR, " ").replacen("BEGIN ", "BEGIN\u{a0}", 1);
        let text = format!("邮件如下，请查收：\n{quoted}> 谢谢！\n{key}{csr}\n");
        let decoded = check(
            &text,
            &[
                (CERT, &["recovered-line-prefix"]),
                (KEY, &["recovered-look-alike-characters"]),
                (
                    CSR,
                    &["recovered-look-alike-characters", "recovered-line-breaks"],
                ),
            ],
        );
        let recovered: Vec<_> = decoded
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str().starts_with("recovered"))
            .collect();
        let lines: Vec<_> = recovered.iter().map(|d| d.location.line()).collect();
        let key_line = 2 + CERT.lines().count() + 1;
        let csr_line = key_line + KEY.lines().count();
        assert_eq!(
            lines,
            [Some(2), Some(key_line), Some(csr_line), Some(csr_line)]
        );
        assert!(
            recovered[1]
                .message
                .contains("zero-width characters, full-width characters")
        );
        let recovered = recover("t", &text);
        assert!(
            recovered
                .text
                .starts_with("邮件如下，请查收：\n-----BEGIN CERTIFICATE-----\n")
        );
        assert!(recovered.text.contains("> 谢谢！\n"));
    }

    /// A block after other text on its line, and text after its END line, as chat messages run
    /// them together: put on lines of its own, the text around it kept.
    #[test]
    fn a_block_sharing_its_lines_with_other_text() {
        let text = format!("证书：{}谢谢\n", CERT.trim_end());
        let decoded = check(&text, &[(CERT, &["recovered-line-breaks"])]);
        assert!(decoded.diagnostics[0].message.contains("shared a line"));
        let recovered = recover("t", &text);
        assert!(
            recovered
                .text
                .starts_with("证书：\n-----BEGIN CERTIFICATE-----\n")
        );
        assert!(
            recovered
                .text
                .ends_with("-----END CERTIFICATE-----\n谢谢\n")
        );
        // Alone on its lines, a block is left as it is.
        assert!(matches!(
            recover("t", &format!("证书：\n{CERT}谢谢\n")).text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lines_map_back_to_the_input() {
        let text = format!(
            "intro\n\"{}\"\nmiddle\n{CERT}",
            KEY.trim_end().replace('\n', "\\n")
        );
        let decoded = check(
            &text,
            &[
                (KEY, &["recovered-quotes", "recovered-json-escapes"]),
                (CERT, &[]),
            ],
        );
        assert_eq!(decoded.items[0].location.line, Some(2));
        assert_eq!(decoded.items[1].location.line, Some(4));
        let stray = decoded
            .diagnostics
            .iter()
            .find(|d| d.code == Code::TextOutsideBlocks)
            .expect("stray text");
        assert_eq!(stray.location.line(), Some(1));
        assert_eq!(recovered_text(&text).matches("-----BEGIN").count(), 2);
    }
}
