//! A block's lines as rich text, chat apps, input methods and mail leave them, before the rest of
//! recovery reads them: characters that only look like PEM's, and a quote or comment mark at the
//! start of every line.
//!
//! - Look-alikes: a no-break or other Unicode space (a web page's `&nbsp;`, a word processor), a
//!   zero-width character (chat apps and wikis put U+200B where they wrap a long line), a
//!   full-width form (a Chinese input method left in full-width mode types `－－－－－ＢＥＧＩＮ`),
//!   a dash other than the hyphen-minus (`–`, `—`, `−`, as autocorrect makes of `--`). None of them
//!   can be part of a PEM block, so inside a block they are replaced by what they look like. And
//!   BEGIN/END lines typed by hand: 3 to 10 dashes each side rather than 5, lower case.
//! - Line prefixes: `> ` (a certificate in a quoted e-mail, `> > ` when quoted twice), `# `, `// `,
//!   ` * `, `; ` (a commented-out block in a script, a source file or a config file), `+` (a
//!   diff's added lines): the same marks at the start of the BEGIN line, of every line of the body
//!   and of the END line. Line numbers counting up (`cat -n`, a pager, a code viewer), and a
//!   string literal per line (`"…\n" \` as firmware embeds a root, a JSON array of lines).
//! - Quoted-printable: an e-mail's source (a `.eml` file, "show original") holds a text body as
//!   quoted-printable, where a block's padding `=` is written `=3D`. Base64 has no other use for
//!   `=`, so `=3D` in a body line is decoded (a PEM line is 64 characters, short of the 76 where
//!   quoted-printable breaks lines).
//!
//! Only the lines from a BEGIN line to its END line change (a one-line block's line, when it holds
//! both): prose around them (a reply's text, Chinese punctuation) stays as it was typed. The text
//! keeps its lines, so every line of the result is the input's line of the same number.

use crate::analysis::pem;
use std::borrow::Cow;

/// What was replaced in one block's lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct LookAlikes {
    /// No-break or other Unicode spaces, made ASCII spaces.
    pub(super) spaces: bool,
    /// Zero-width characters (and soft hyphens), removed.
    pub(super) zero_width: bool,
    /// Full-width forms of ASCII characters, made ASCII.
    pub(super) full_width: bool,
    /// Dashes other than the hyphen-minus, made hyphen-minus.
    pub(super) dashes: bool,
    /// BEGIN/END lines with other than five dashes each side, or in lower case, written anew.
    pub(super) markers: bool,
}

impl LookAlikes {
    fn any(self) -> bool {
        self.spaces || self.zero_width || self.full_width || self.dashes || self.markers
    }

    fn add(&mut self, other: Self) {
        self.spaces |= other.spaces;
        self.zero_width |= other.zero_width;
        self.full_width |= other.full_width;
        self.dashes |= other.dashes;
        self.markers |= other.markers;
    }

    /// What they were, for a message (English, Chinese).
    pub(super) fn described(self) -> (String, String) {
        let kinds = [
            (
                self.spaces,
                "no-break or other Unicode spaces",
                "不换行空格等 Unicode 空格",
            ),
            (self.zero_width, "zero-width characters", "零宽字符"),
            (self.full_width, "full-width characters", "全角字符"),
            (
                self.dashes,
                "dashes other than the hyphen-minus (–, —, −)",
                "不是连字符的破折号（–、—、−）",
            ),
            (
                self.markers,
                "BEGIN/END lines with other than five dashes, or in lower case",
                "短横线不是五个或为小写的 BEGIN/END 行",
            ),
        ];
        let (en, zh): (Vec<_>, Vec<_>) = kinds
            .iter()
            .filter(|(found, _, _)| *found)
            .map(|&(_, en, zh)| (en, zh))
            .unzip();
        (en.join(", "), zh.join("、"))
    }
}

/// One block whose lines were cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Region {
    /// Its BEGIN line (1-based), in the input and in the cleaned text alike.
    pub(super) begin_line: usize,
    /// The look-alike characters replaced in it.
    pub(super) look_alikes: LookAlikes,
    /// What its lines were wrapped in, removed.
    pub(super) wrapping: Option<Wrapping>,
    /// Whether its body was quoted-printable (`=3D` for `=`), decoded.
    pub(super) quoted_printable: bool,
}

/// What a block's lines were wrapped in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Wrapping {
    /// These marks at the start of each line (`>`, `> >`, `#`, `//` …).
    Marks(String),
    /// A string literal each, as source code holds a certificate (`"…\n" \`, `"…\n" +`, `'…',`).
    Literals,
    /// Its line number each, counting up (`cat -n`, `nl`, `less -N`, a code viewer's copy).
    Numbers,
}

/// How to read a block's lines, from its BEGIN line.
enum Unwrap {
    /// After these marks (white space removed; none for a plain block).
    Marks(String),
    /// Inside a string literal quoted with this character.
    Literal(char),
    /// After its line number: this one next.
    Numbered(u64),
}

impl Unwrap {
    /// The content of a line of the block, or `None` when it is not wrapped the same way.
    fn content<'l>(&mut self, line: &'l str) -> Option<&'l str> {
        match self {
            Self::Marks(marks) => strip_marks(line, marks),
            Self::Literal(quote) => literal(line, *quote),
            Self::Numbered(next) => {
                let (number, rest) = numbered(line).filter(|&(number, _)| number == *next)?;
                *next = number + 1;
                Some(rest)
            }
        }
    }

    fn wrapping(&self) -> Option<Wrapping> {
        match self {
            Self::Marks(marks) if marks.is_empty() => None,
            Self::Marks(marks) => Some(Wrapping::Marks(shown(marks))),
            Self::Literal(_) => Some(Wrapping::Literals),
            Self::Numbered(_) => Some(Wrapping::Numbers),
        }
    }

    /// Whether a line's content is kept as it was when nothing in it looked like PEM only.
    fn keeps_lines(&self) -> bool {
        matches!(self, Self::Marks(marks) if marks.is_empty())
    }
}

/// The BEGIN line of a block (`None` when `line` is none): its canonical form, how it was
/// written, and how the block's lines are wrapped.
fn begin(line: &str) -> Option<(Cow<'_, str>, Written, Unwrap)> {
    let (marks, rest) = leading_marks(line);
    if let Some((begin, written)) = boundary(rest.trim(), Marker::Begin) {
        return Some((begin, written, Unwrap::Marks(marks)));
    }
    if let Some((number, rest)) = numbered(line)
        && let Some((begin, written)) = boundary(rest.trim(), Marker::Begin)
    {
        return Some((begin, written, Unwrap::Numbered(number + 1)));
    }
    // A string literal: the first of a source file's lines (after `const char *ca = ` or the
    // like), or an element of an array of lines.
    ['"', '\''].into_iter().find_map(|quote| {
        let open = line.find([quote])?;
        let inner = literal(&line[open..], quote)?;
        let (begin, written) = boundary(inner.trim(), Marker::Begin)?;
        Some((
            Cow::Owned(begin.into_owned()),
            written,
            Unwrap::Literal(quote),
        ))
    })
}

/// A line's number and the rest of the line: digits at its start (after white space), then white
/// space, `:`, `|` or `.`.
fn numbered(line: &str) -> Option<(u64, &str)> {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let number = line.get(..digits).filter(|d| d.len() <= 9)?.parse().ok()?;
    let rest = &line[digits..];
    let separated =
        rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || ":|.".contains(c));
    separated.then(|| (number, rest.trim_start_matches([':', '|', '.'])))
}

/// The text of a line that is one string literal quoted with `quote` (after a `+` joining it to
/// the previous one), its `\n` or `\r\n` escape removed, followed by nothing but one of `\`
/// (a C line continuation), `+`, `,`, `;`, `)` or `);`.
fn literal(line: &str, quote: char) -> Option<&str> {
    let line = line.trim();
    let line = line.strip_prefix('+').map_or(line, str::trim_start);
    let line = line.strip_prefix(quote)?;
    let close = line.rfind(quote)?;
    let after = line[close + 1..].trim();
    if !["", "\\", "+", ",", ";", ")", ");"].contains(&after) {
        return None;
    }
    let inner = &line[..close];
    Some(
        inner
            .strip_suffix("\\r\\n")
            .or_else(|| inner.strip_suffix("\\n"))
            .unwrap_or(inner),
    )
}

/// The text with its blocks' lines cleaned, and where.
pub(super) struct Cleaned {
    /// The same lines, those of the cleaned blocks cleaned.
    pub(super) text: String,
    /// The blocks cleaned, in order.
    pub(super) regions: Vec<Region>,
}

/// The marks a line prefix is made of (with white space between and around them); `+` is a
/// diff's added line.
const MARKS: &[char] = &['>', '#', '*', '/', ';', '|', '!', '+'];

/// Cleans the lines of the blocks of `text` that need it; `None` when none does (ASCII text
/// whose BEGIN lines carry no marks costs one pass over its bytes and no allocation).
pub(super) fn clean(text: &str) -> Option<Cleaned> {
    if text.is_ascii() && !has_irregular_begin(text) && !has_quoted_printable(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut regions = Vec::new();
    // Lines as an iterator (no list of them: 2 MiB of short lines would be a 32 MiB list); a
    // block's lines are read ahead on a copy of it.
    let mut lines = text.split_inclusive('\n').enumerate();
    while let Some((i, raw)) = lines.next() {
        let (content, eol) = split_eol(raw);
        let (line, mut found) = replace_look_alikes(content);
        if let Some((begin, written, mut unwrap)) = begin(&line) {
            found.markers |= written == Written::Loosely;
            if let Some(Block {
                cleaned,
                count,
                quoted_printable,
            }) = block(lines.clone(), &begin, eol, &mut unwrap, &mut found)
            {
                let wrapping = unwrap.wrapping();
                if found.any() || wrapping.is_some() || quoted_printable {
                    regions.push(Region {
                        begin_line: i + 1,
                        look_alikes: found,
                        wrapping,
                        quoted_printable,
                    });
                    out.push_str(&cleaned);
                    lines.nth(count - 1);
                } else {
                    out.push_str(raw);
                    lines.clone().take(count).for_each(|(_, l)| out.push_str(l));
                    lines.nth(count - 1);
                }
                continue;
            }
        } else if found.any() && line.contains("-----BEGIN") && line.contains("-----END") {
            // A block (or several) on one line: the line is the block's.
            regions.push(Region {
                begin_line: i + 1,
                look_alikes: found,
                wrapping: None,
                quoted_printable: false,
            });
            out.push_str(&line);
            out.push_str(eol);
            continue;
        }
        out.push_str(raw);
    }
    (!regions.is_empty()).then_some(Cleaned { text: out, regions })
}

/// A block's lines, cleaned.
struct Block {
    /// The lines, BEGIN through END.
    cleaned: String,
    /// How many lines after the BEGIN line it took, through its END line.
    count: usize,
    /// Whether its body was quoted-printable (`=3D` decoded).
    quoted_printable: bool,
}

/// The block whose BEGIN line is `first` (canonical; its line break `eol`), its lines wrapped as
/// `unwrap` says, cleaned; `None` when no END line follows, wrapped the same way, before another
/// BEGIN line or a line wrapped otherwise.
fn block<'t>(
    following: impl Iterator<Item = (usize, &'t str)>,
    first: &str,
    eol: &str,
    unwrap: &mut Unwrap,
    found: &mut LookAlikes,
) -> Option<Block> {
    let mut cleaned = String::new();
    cleaned.push_str(first.trim());
    cleaned.push_str(eol);
    let mut seen = *found;
    let mut quoted_printable = false;
    for (count, (_, raw)) in following.enumerate() {
        let (content, eol) = split_eol(raw);
        let (line, more) = replace_look_alikes(content);
        let rest = unwrap.content(&line)?;
        seen.add(more);
        let rest = rest.trim();
        if boundary(rest, Marker::Begin).is_some() {
            return None;
        }
        let end = pem::end_label(rest)
            .map(|_| (Cow::Borrowed(rest), Written::AsPem))
            .or_else(|| boundary(rest, Marker::End));
        if let Some((end, written)) = end {
            seen.markers |= written == Written::Loosely;
            cleaned.push_str(&end);
            cleaned.push_str(eol);
            *found = seen;
            return Some(Block {
                cleaned,
                count: count + 1,
                quoted_printable,
            });
        }
        if let Some(decoded) = quoted_printable_line(rest) {
            quoted_printable = true;
            cleaned.push_str(&decoded);
        } else {
            cleaned.push_str(if unwrap.keeps_lines() && !more.any() {
                // Untouched: kept as it was (its indentation too).
                content
            } else {
                rest
            });
        }
        cleaned.push_str(eol);
    }
    None
}

/// A body line of a quoted-printable block decoded: `=3D` (or `=3d`) as `=`; `None` when it holds
/// none (a plain base64 line, or a header such as `Proc-Type: 4,ENCRYPTED`).
fn quoted_printable_line(line: &str) -> Option<String> {
    (line.contains("=3D") || line.contains("=3d"))
        .then(|| line.replace("=3D", "=").replace("=3d", "="))
}

/// Whether the ASCII `text` holds `=3D` after a BEGIN line: a quoted-printable e-mail's source.
fn has_quoted_printable(text: &str) -> bool {
    text.find("-----BEGIN ")
        .is_some_and(|at| text[at..].contains("=3D") || text[at..].contains("=3d"))
}

/// Whether a BEGIN line of the ASCII `text` needs cleaning: marks, a string literal or a line
/// number around it, or written loosely. Each look is bounded (200 bytes back to its line's start,
/// 100 bytes forward to its end): many markers on one long line stay linear.
fn has_irregular_begin(text: &str) -> bool {
    ["BEGIN", "begin"].iter().any(|word| {
        text.match_indices(word).any(|(at, _)| {
            let back = at.saturating_sub(200);
            let start = match text[back..at].rfind('\n') {
                Some(n) => back + n + 1,
                None if back == 0 => 0,
                None => return false,
            };
            let ahead = text.len().min(at + 100);
            let end = match text[at..ahead].find('\n') {
                Some(n) => at + n,
                None if ahead == text.len() => ahead,
                None => return false,
            };
            begin(text[start..end].trim_end_matches('\r')).is_some_and(|(_, written, unwrap)| {
                written == Written::Loosely || unwrap.wrapping().is_some()
            })
        })
    })
}

/// A block's BEGIN or END line.
#[derive(Clone, Copy)]
enum Marker {
    Begin,
    End,
}

impl Marker {
    fn word(self) -> &'static str {
        match self {
            Self::Begin => "BEGIN",
            Self::End => "END",
        }
    }

    /// The label of a trimmed line that is this marker as PEM writes it.
    fn label(self, line: &str) -> Option<&str> {
        match self {
            Self::Begin => pem::begin_label(line),
            Self::End => pem::end_label(line),
        }
    }
}

/// How a BEGIN or END line was written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    /// As PEM writes it.
    AsPem,
    /// Loosely (other than five dashes each side, spaces inside them, lower case).
    Loosely,
}

/// A trimmed BEGIN or END line: itself when it is one with a plain label, else its canonical form
/// when it is one written loosely (3 to 10 dashes each side, spaces inside them, lower case).
fn boundary(line: &str, marker: Marker) -> Option<(Cow<'_, str>, Written)> {
    let word = marker.word();
    if marker.label(line).is_some_and(pem::label_is_plain) {
        return Some((Cow::Borrowed(line), Written::AsPem));
    }
    let dashes = |s: &str| s.len() - s.trim_start_matches('-').len();
    let lead = dashes(line);
    let inner = line[lead..].trim_start();
    let head = inner.get(..word.len())?;
    let after = inner[word.len()..].strip_prefix(' ')?;
    let trail = after.len() - after.trim_end_matches('-').len();
    let label = after[..after.len() - trail].trim().to_ascii_uppercase();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    // RFC 4716 (SSH2 keys) writes four dashes and spaces: its own armour, not PEM written loosely.
    ((3..=10).contains(&lead)
        && (3..=10).contains(&trail)
        && head.eq_ignore_ascii_case(word)
        && pem::label_is_plain(&label)
        && !label.starts_with("SSH2 "))
    .then(|| {
        (
            Cow::Owned(format!("-----{word} {label}-----")),
            Written::Loosely,
        )
    })
}

/// A line's content and its line break (`\n`, `\r\n` or nothing).
fn split_eol(line: &str) -> (&str, &str) {
    let content = line.trim_end_matches(['\n', '\r']);
    (content, &line[content.len()..])
}

/// The line with its look-alike characters replaced, and which there were.
fn replace_look_alikes(line: &str) -> (Cow<'_, str>, LookAlikes) {
    let mut found = LookAlikes::default();
    if line.is_ascii() {
        return (Cow::Borrowed(line), found);
    }
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}' => {
                found.spaces = true;
                out.push(' ');
            }
            '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {
                found.zero_width = true;
            }
            '\u{ff01}'..='\u{ff5e}' => {
                found.full_width = true;
                out.extend(char::from_u32(u32::from(c) - 0xfee0));
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' => {
                found.dashes = true;
                out.push('-');
            }
            c => out.push(c),
        }
    }
    (Cow::Owned(out), found)
}

/// The marks at the start of a line, white space removed (`">>"` for `> > `), and the rest.
fn leading_marks(line: &str) -> (String, &str) {
    let start = line
        .find(|c: char| !(MARKS.contains(&c) || c.is_whitespace()))
        .unwrap_or(line.len());
    let marks = line[..start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (marks, &line[start..])
}

/// The line after `marks` (white space between and around them allowed), or `None` when it does
/// not start with them. Only as many marks as the BEGIN line had are taken: a base64 line may
/// itself start with `/`.
fn strip_marks<'l>(line: &'l str, marks: &str) -> Option<&'l str> {
    let mut rest = line;
    for mark in marks.chars() {
        rest = rest.trim_start().strip_prefix(mark)?;
    }
    Some(rest)
}

/// Marks as a message quotes them: one space between them (`> >`).
fn shown(marks: &str) -> String {
    let mut out = String::new();
    for c in marks.chars() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str =
        "-----BEGIN CERTIFICATE-----\nMIIBaz+/\nAbCd==\n-----END CERTIFICATE-----\n";

    #[test]
    fn clean_ascii_text_is_left_alone() {
        assert!(clean(BLOCK).is_none());
        assert!(clean(&format!("  {BLOCK}")).is_none());
        assert!(clean("> a quoted reply, and no block\n").is_none());
    }

    #[test]
    fn quoted_mail_loses_its_marks_in_the_block_only() {
        let quoted: String = BLOCK.lines().map(|l| format!("> > {l}\n")).collect();
        let text = format!("> Here it is:\n{quoted}> thanks\n");
        let cleaned = clean(&text).unwrap();
        assert_eq!(cleaned.text, format!("> Here it is:\n{BLOCK}> thanks\n"));
        assert_eq!(
            cleaned.regions,
            vec![Region {
                begin_line: 2,
                look_alikes: LookAlikes::default(),
                wrapping: Some(Wrapping::Marks("> >".into())),
                quoted_printable: false,
            }]
        );
    }

    #[test]
    fn comment_marks_go_but_a_body_line_starting_with_a_slash_keeps_it() {
        let text = "// -----BEGIN CERTIFICATE-----\n// /9j+\n//\n// -----END CERTIFICATE-----\n";
        let cleaned = clean(text).unwrap();
        assert_eq!(
            cleaned.text,
            "-----BEGIN CERTIFICATE-----\n/9j+\n\n-----END CERTIFICATE-----\n"
        );
        assert_eq!(
            cleaned.regions[0].wrapping,
            Some(Wrapping::Marks("/ /".into()))
        );
    }

    #[test]
    fn a_block_whose_marks_stop_is_left_as_it_was() {
        let text = "> -----BEGIN CERTIFICATE-----\n> MIIB\nMIIB\n> -----END CERTIFICATE-----\n";
        assert!(clean(text).is_none());
        let unended = "# -----BEGIN CERTIFICATE-----\n# MIIB\n";
        assert!(clean(unended).is_none());
    }

    #[test]
    fn look_alikes_are_replaced_in_blocks_and_left_in_prose() {
        let text = "证书如下，请查收：\n－－－－－ＢＥＧＩＮ\u{3000}ＣＥＲＴＩＦＩＣＡＴＥ－－－－－\r\nMIIBaz+/\u{200b}\r\nAbCd==\r\n—–---END\u{a0}CERTIFICATE-----\r\n谢谢\u{a0}！\n";
        let cleaned = clean(text).unwrap();
        assert_eq!(
            cleaned.text,
            "证书如下，请查收：\n-----BEGIN CERTIFICATE-----\r\nMIIBaz+/\r\nAbCd==\r\n-----END CERTIFICATE-----\r\n谢谢\u{a0}！\n"
        );
        assert_eq!(
            cleaned.regions,
            vec![Region {
                begin_line: 2,
                look_alikes: LookAlikes {
                    spaces: true,
                    zero_width: true,
                    full_width: true,
                    dashes: true,
                    markers: false,
                },
                wrapping: None,
                quoted_printable: false,
            }]
        );
        assert_eq!(cleaned.text.lines().count(), text.lines().count());
    }

    #[test]
    fn a_one_line_block_with_look_alikes_is_cleaned() {
        let text =
            "cert: \"-----BEGIN\u{a0}CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"\n";
        let cleaned = clean(text).unwrap();
        assert_eq!(
            cleaned.text,
            "cert: \"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"\n"
        );
        assert!(cleaned.regions[0].look_alikes.spaces);
    }

    #[test]
    fn string_literals_of_source_code_are_read_line_by_line() {
        let c = "const char *ca = \\\n\"-----BEGIN CERTIFICATE-----\\n\" \\\n\"MIIB/+\\n\" \\\n\"-----END CERTIFICATE-----\\n\";\nint x;\n";
        let cleaned = clean(c).unwrap();
        assert_eq!(
            cleaned.text,
            "const char *ca = \\\n-----BEGIN CERTIFICATE-----\nMIIB/+\n-----END CERTIFICATE-----\nint x;\n"
        );
        assert_eq!(cleaned.regions[0].wrapping, Some(Wrapping::Literals));
        assert_eq!(cleaned.regions[0].begin_line, 2);
        let declared = "static const char ca[] = \"-----BEGIN CERTIFICATE-----\\n\"\n    \"MIIB\\n\"\n    \"-----END CERTIFICATE-----\\n\";\n";
        assert_eq!(
            clean(declared).unwrap().text,
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        );
        let array = "{\"lines\": [\n  \"-----BEGIN CERTIFICATE-----\",\n  \"MIIB\",\n  \"-----END CERTIFICATE-----\"\n]}\n";
        assert_eq!(
            clean(array).unwrap().text,
            "{\"lines\": [\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n]}\n"
        );
        let python = "CA = (\n    '-----BEGIN CERTIFICATE-----\\n'\n    + 'MIIB\\n'\n    '-----END CERTIFICATE-----\\n')\n";
        assert!(clean(python).is_some());
        // One string holding the whole block is left to the rest of recovery.
        assert!(
            clean("cert: \"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"\n")
                .is_none()
        );
    }

    #[test]
    fn line_numbers_counting_up_and_a_diff_s_plus_signs_go() {
        let cat_n = "     7\t-----BEGIN CERTIFICATE-----\n     8\t12/+\n     9\t\n    10\t-----END CERTIFICATE-----\n";
        let cleaned = clean(cat_n).unwrap();
        assert_eq!(
            cleaned.text,
            "-----BEGIN CERTIFICATE-----\n12/+\n\n-----END CERTIFICATE-----\n"
        );
        assert_eq!(cleaned.regions[0].wrapping, Some(Wrapping::Numbers));
        // Numbers that do not count up are not line numbers.
        assert!(
            clean("1 -----BEGIN CERTIFICATE-----\n5 MIIB\n3 -----END CERTIFICATE-----\n").is_none()
        );
        let diff =
            "@@ -0,0 +1,3 @@\n+-----BEGIN CERTIFICATE-----\n++MIIB\n+-----END CERTIFICATE-----\n";
        assert_eq!(
            clean(diff).unwrap().text,
            "@@ -0,0 +1,3 @@\n-----BEGIN CERTIFICATE-----\n+MIIB\n-----END CERTIFICATE-----\n"
        );
    }

    #[test]
    fn a_quoted_printable_body_is_decoded_and_its_prose_left_as_it_was() {
        let mail = "Price: 5 =3D 5\r\n-----BEGIN CERTIFICATE-----\r\nMIIBaz+/\r\nAbCd=3D=3d\r\n-----END CERTIFICATE-----\r\n=3D\r\n";
        let cleaned = clean(mail).unwrap();
        assert_eq!(
            cleaned.text,
            "Price: 5 =3D 5\r\n-----BEGIN CERTIFICATE-----\r\nMIIBaz+/\r\nAbCd==\r\n-----END CERTIFICATE-----\r\n=3D\r\n"
        );
        assert!(cleaned.regions[0].quoted_printable);
        assert_eq!(cleaned.regions[0].begin_line, 2);
        // Quoted-printable inside a quoted reply: both undone.
        let quoted = clean(&textwrap(&mail[16..])).unwrap();
        assert!(quoted.text.contains("AbCd==\r\n") && quoted.regions[0].quoted_printable);
        assert!(quoted.regions[0].wrapping.is_some());
        // `=3D` outside any block, or no `=3D` at all: nothing to do.
        assert!(clean(&format!("a =3D b\n{BLOCK}")).is_none());
        assert!(clean(BLOCK).is_none());
    }

    fn textwrap(text: &str) -> String {
        text.split_inclusive('\n')
            .map(|l| format!("> {l}"))
            .collect()
    }

    #[test]
    fn begin_and_end_lines_written_loosely_are_written_anew() {
        let text = "------BEGIN CERTIFICATE------\nMIIB\n---- end certificate ----\n";
        let cleaned = clean(text).unwrap();
        assert_eq!(
            cleaned.text,
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        );
        assert!(cleaned.regions[0].look_alikes.markers);
        // Not a boundary: too few dashes, another word, a label no tool writes.
        for line in [
            "--BEGIN CERTIFICATE--",
            "-----BEGINNING CERTIFICATE-----",
            "-----BEGIN my certificate!-----",
        ] {
            assert!(boundary(line, Marker::Begin).is_none(), "{line}");
        }
        assert!(clean("-- BEGIN CERTIFICATE --\nMIIB\n-- END CERTIFICATE --\n").is_none());
    }

    #[test]
    fn marked_begin_lines_without_an_end_are_left_alone() {
        let text = "> -----BEGIN CERTIFICATE-----\n".repeat(10_000);
        assert!(clean(&text).is_none());
        let one_line = format!("{}\n", "> -----BEGIN CERTIFICATE----- ".repeat(10_000));
        assert!(clean(&one_line).is_none());
    }

    #[test]
    fn look_alikes_are_described_in_both_languages() {
        let all = LookAlikes {
            spaces: true,
            zero_width: true,
            full_width: true,
            dashes: true,
            markers: true,
        };
        let (en, zh) = all.described();
        assert!(
            en.starts_with("no-break") && en.contains(", zero-width"),
            "{en}"
        );
        assert!(zh.contains("零宽字符、全角字符"), "{zh}");
    }
}
