//! Input decoding: pasted text or uploaded bytes → items (DER bytes with a kind and a location).
//!
//! Text is read the way people paste it: LF or CRLF, a byte-order mark, indentation, text between
//! blocks (`Bag Attributes`, `subject=` lines from `openssl pkcs12` or `openssl s_client -showcerts`),
//! no final newline. Mangled text (JSON or YAML values, escapes, one-line PEM, base64 of a PEM
//! file, …) is first recovered by [`super::recover`], whose line map keeps every location on the
//! input's own lines. Each `-----BEGIN label-----` … `-----END label-----` block (RFC 7468 §2) is
//! rebuilt canonically and decoded with `pem-rfc7468`; problems become diagnostics that name the
//! input, the block and the line, and never quote the material (a label that is not a plain label
//! is not quoted either). A block whose content is not what its label says is read as what it is.
//! Bytes that hold no PEM armour but start with an ASN.1 SEQUENCE are taken as one DER item.

pub use super::item::{Item, ItemKind};
use super::pem::{self, label_for_message, label_zh};
use super::sniff;
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use serde::Serialize;

/// How an input's lines end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEndings {
    /// Only `\n`.
    Lf,
    /// Only `\r\n`.
    Crlf,
    /// Both.
    Mixed,
    /// A single line, or binary input.
    None,
}

crate::words::serialize_as_str!(LineEndings);

impl LineEndings {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lf => "lf",
            Self::Crlf => "crlf",
            Self::Mixed => "mixed",
            Self::None => "none",
        }
    }
}

/// Whether an input was read as text or as binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// UTF-8 text (PEM, possibly with stray text).
    Text,
    /// Binary bytes (DER).
    Binary,
    /// Nothing but white space.
    Empty,
}

crate::words::serialize_as_str!(InputKind);

impl InputKind {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Binary => "binary",
            Self::Empty => "empty",
        }
    }
}

/// The encoding found in an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One or more PEM blocks.
    Pem,
    /// One DER structure.
    Der,
    /// One BER structure: a PKCS#12 or PKCS#7 file with indefinite lengths or strings in pieces
    /// (NSS writes them so), which DER does not allow.
    Ber,
    /// Nothing that could be decoded.
    Unknown,
    /// A ZIP archive, whose files are inputs of their own (`analysis::archive`).
    Zip,
    /// A Java keystore in Sun's format (`analysis::java_keystore`).
    Jks,
    /// A Java keystore in the JCE provider's format.
    Jceks,
}

crate::words::serialize_as_str!(InputFormat);

impl InputFormat {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pem => "pem",
            Self::Der => "der",
            Self::Ber => "ber",
            Self::Unknown => "unknown",
            Self::Zip => "zip",
            Self::Jks => "jks",
            Self::Jceks => "jceks",
        }
    }
}

/// What one input was, for the report's `inputs` list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputSummary {
    /// The input's name.
    pub file: String,
    /// Text, binary or empty.
    pub kind: InputKind,
    /// PEM, DER, BER (a PKCS#12 or PKCS#7 file DER does not allow), a ZIP archive or unknown.
    pub format: InputFormat,
    /// LF, CRLF, mixed or none.
    pub line_endings: LineEndings,
    /// How many PEM blocks (BEGIN lines) it has; 1 for DER.
    pub blocks: usize,
}

impl InputSummary {
    /// The summary line of a ZIP archive, whose files follow as inputs of their own.
    pub(crate) fn archive(file: &str) -> Self {
        Self {
            file: file.to_owned(),
            kind: InputKind::Binary,
            format: InputFormat::Zip,
            line_endings: LineEndings::None,
            blocks: 0,
        }
    }
}

/// A binary input that is one item of `kind` as a whole (DER, a PKCS#12 or PKCS#7 file, a Java
/// keystore), in `format`.
fn whole_binary(
    mut summary: InputSummary,
    format: InputFormat,
    kind: ItemKind,
    bytes: &[u8],
    location: InputLocation,
) -> DecodedInput {
    summary.kind = InputKind::Binary;
    summary.format = format;
    summary.blocks = 1;
    let item = Item {
        kind,
        label: None,
        der: bytes.to_vec(),
        headers: Vec::new(),
        location,
    };
    DecodedInput {
        summary,
        items: vec![item],
        diagnostics: Vec::new(),
        archives: Vec::new(),
    }
}

/// The most one input may be, in bytes (32 MiB): certificate material is a few KB to a few MB
/// (a bundle of 1,000 certificates is 2 MiB), so a larger input is another file given by
/// mistake, whose reading would cost seconds and several times its size in memory.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// The most read of all inputs of one analysis together, in bytes (64 MiB); the files of an
/// archive have their own ceilings (`archive::MAX_TOTAL_BYTES`).
pub const MAX_INPUTS_BYTES: usize = 64 << 20;

/// How much of an input past its ceiling is looked at (to tell text from binary), and all a
/// surface needs to read of it besides its size (`Input::size`).
pub const HEAD_BYTES: usize = 4096;

/// The summary and the error of an input not read because of the ceilings above (`bytes` are
/// its bytes or their beginning, `len` its size, `before` the size of the inputs read before it);
/// `None` when it is to be read.
pub(crate) fn over_ceiling(
    file: &str,
    bytes: &[u8],
    len: usize,
    before: usize,
) -> Option<(InputSummary, Diagnostic)> {
    const MIB: usize = 1 << 20;
    let (one, all) = (MAX_INPUT_BYTES / MIB, MAX_INPUTS_BYTES / MIB);
    let (message, hint) = if len > MAX_INPUT_BYTES {
        (
            tr!(
                "the input is larger than {one} MiB, the most one input may be (certificates, keys and the archives CAs send are a few KB to a few MB): it was not read",
                "输入大于单个输入的上限 {one} MiB（证书、私钥以及 CA 发来的压缩包通常只有几 KB 到几 MB），未读取"
            ),
            tr!(
                "check that this is the right file: give the certificate, key, request or archive file itself",
                "请确认文件是否选对：请直接给出证书、私钥、证书请求或压缩包文件"
            ),
        )
    } else if before.saturating_add(len) > MAX_INPUTS_BYTES {
        let read = before.div_ceil(MIB);
        (
            tr!(
                "the input was not read: the inputs read before it come to {read} MiB, and at most {all} MiB are read in all",
                "输入未读取：在它之前读取的输入已有 {read} MiB，总共最多读取 {all} MiB"
            ),
            tr!(
                "give fewer or smaller files: the certificate, its chain, its key and its request are a few KB each",
                "请减少或换小一些的文件：证书、证书链、私钥和证书请求通常各只有几 KB"
            ),
        )
    } else {
        return None;
    };
    // Text or binary, from its beginning only (the rest is not looked at).
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let text = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    let summary = InputSummary {
        file: file.to_owned(),
        kind: if text {
            InputKind::Text
        } else {
            InputKind::Binary
        },
        format: InputFormat::Unknown,
        line_endings: LineEndings::None,
        blocks: 0,
    };
    let location = InputLocation {
        file: file.to_owned(),
        block: None,
        line: None,
    };
    Some((
        summary,
        Diagnostic::new(Code::InputTooLarge, location, message, hint),
    ))
}

/// The result of decoding one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedInput {
    /// The summary line.
    pub summary: InputSummary,
    /// The items decoded, in input order.
    pub items: Vec<Item>,
    /// Problems met while decoding.
    pub diagnostics: Vec<Diagnostic>,
    /// ZIP archives the text holds as base64 ([`archive_values`]), each opened next as an input of
    /// its own.
    pub archives: Vec<FoundArchive>,
}

/// A ZIP archive found as base64 in a text input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundArchive {
    /// Its name: the text's, then `:` and the line it starts on (`response.json:3`).
    pub name: String,
    /// The archive's bytes, decoded.
    pub bytes: Vec<u8>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where an input comes from: the ZIP archives a text holds as base64 are opened from an input
/// given, not from a file of an archive (one level is read, as for archives inside archives).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Given,
    InArchive,
}

/// Decodes one input (a file's bytes or pasted text) into items. Never fails: problems are diagnostics.
pub fn decode(file: &str, bytes: &[u8]) -> DecodedInput {
    decode_from(file, bytes, Source::Given)
}

/// Decodes a file of an archive: as [`decode`], but a ZIP archive its text holds as base64 is not
/// opened.
pub(crate) fn decode_in_archive(file: &str, bytes: &[u8]) -> DecodedInput {
    decode_from(file, bytes, Source::InArchive)
}

fn decode_from(file: &str, bytes: &[u8], source: Source) -> DecodedInput {
    let at = |block: Option<usize>, line: Option<usize>| InputLocation {
        file: file.to_owned(),
        block,
        line,
    };
    if let Some(text) = utf16_text(bytes) {
        // Windows tools save "Unicode" text as UTF-16 (with a byte-order mark, or without from
        // .NET's encoder): read it as text.
        return decode(file, text.as_bytes());
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let mut summary = InputSummary {
        file: file.to_owned(),
        kind: InputKind::Text,
        format: InputFormat::Unknown,
        line_endings: LineEndings::None,
        blocks: 0,
    };

    if bytes.iter().all(u8::is_ascii_whitespace) {
        summary.kind = InputKind::Empty;
        summary.line_endings = line_endings(&String::from_utf8_lossy(bytes));
        let diagnostic = Diagnostic::new(
            Code::EmptyInput,
            at(None, None),
            tr!("the input is empty", "输入为空"),
            crate::diagnostic::Hint::per_surface(
                tr!(
                    "paste the certificate (from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----) or pick its file",
                    "粘贴证书（从 -----BEGIN CERTIFICATE----- 到 -----END CERTIFICATE-----），或选择证书文件"
                ),
                tr!(
                    "give the file that holds the certificate (PEM from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or DER)",
                    "给出证书文件（PEM 格式，从 -----BEGIN CERTIFICATE----- 到 -----END CERTIFICATE-----；或 DER）"
                ),
            ),
        );
        return DecodedInput {
            summary,
            items: Vec::new(),
            diagnostics: vec![diagnostic],
            archives: Vec::new(),
        };
    }

    let has_armour = memmem(bytes, b"-----BEGIN ");
    if !has_armour && bytes.first() == Some(&0x30) {
        let (kind, rules) = sniff::sniff_der(bytes);
        let format = match rules {
            der::EncodingRules::Der => InputFormat::Der,
            der::EncodingRules::Ber => InputFormat::Ber,
        };
        return whole_binary(summary, format, kind, bytes, at(Some(1), None));
    }

    if !has_armour && let Some(keystore) = base64_keystore(bytes) {
        return base64_of_keystore(file, bytes, &keystore);
    }

    if let Some(keystore) = super::java_keystore::Kind::of(bytes) {
        // A Java keystore: its certificates are read by `containers`.
        let format = match keystore {
            super::java_keystore::Kind::Jks => InputFormat::Jks,
            super::java_keystore::Kind::Jceks => InputFormat::Jceks,
        };
        let location = at(Some(1), None);
        return whole_binary(summary, format, ItemKind::JavaKeystore, bytes, location);
    }

    // One UTF-8 validation (`from_utf8_lossy` borrows valid text as it is).
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            if !has_armour {
                summary.kind = InputKind::Binary;
            }
            String::from_utf8_lossy(bytes)
        }
    };
    let mut out = DecodedInput {
        summary,
        items: Vec::new(),
        diagnostics: Vec::new(),
        archives: Vec::new(),
    };
    // Mangled text is recovered first: valid text, or text with a BEGIN marker in another
    // encoding (a note saved as GBK or Big5, its prose read as U+FFFD around the ASCII PEM);
    // binary noise is not searched.
    let recovered = match &text {
        std::borrow::Cow::Owned(_) if !has_armour => super::recover::recover(file, ""),
        text => super::recover::recover(file, text),
    };
    if recovered.changed() {
        out.diagnostics
            .extend(recovered.diagnostics.iter().cloned());
        decode_pem_text(
            file,
            &recovered.text,
            &|l| recovered.input_line(l),
            &mut out,
        );
        // The input's own line endings, not the recovered text's.
        out.summary.line_endings = line_endings(&text);
    } else {
        // Also sets the line endings, from the same pass over the lines.
        decode_pem_text(file, &text, &|l| l, &mut out);
    }
    if out.summary.kind == InputKind::Binary {
        // The 0x0A bytes of binary input are no line breaks.
        out.summary.line_endings = LineEndings::None;
    }
    let pem_blocks = out.summary.blocks;
    if !has_armour && out.summary.kind == InputKind::Text {
        keystore_values(file, &text, &mut out);
        if source == Source::Given {
            archive_values(file, &text, &mut out);
        }
    }
    if pem_blocks > 0 {
        out.summary.format = InputFormat::Pem;
    } else if out.items.is_empty() && !out.archives.is_empty() {
        out.summary.format = InputFormat::Zip;
    } else if let Some(first) = out.items.first() {
        // Only keystores, read from values of the text: the first one's format.
        out.summary.format = match super::java_keystore::Kind::of(&first.der) {
            Some(super::java_keystore::Kind::Jceks) => InputFormat::Jceks,
            _ => InputFormat::Jks,
        };
    } else if let Some(foreign) = super::foreign::by_magic(bytes) {
        // A Java keystore, an archive not opened here, a PDF, a binary Office file: said for
        // what it is, with what to do.
        out.diagnostics.push(foreign.diagnostic(at(None, None)));
    } else if let Some((foreign, line)) = super::foreign::in_text(&text) {
        // An SSH key pasted for a certificate or its key: said for what it is.
        out.diagnostics
            .push(foreign.diagnostic(at(None, Some(line))));
    } else {
        out.diagnostics.push(Diagnostic::new(
            Code::NoPemOrDer,
            at(None, None),
            tr!(
                "no PEM block (-----BEGIN …-----) and no DER certificate was found",
                "未找到 PEM 块（-----BEGIN …-----），也未找到 DER 证书"
            ),
            tr!(
                "export the certificate as PEM (text starting with -----BEGIN CERTIFICATE-----) or DER, and try again",
                "将证书导出为 PEM（以 -----BEGIN CERTIFICATE----- 开头的文本）或 DER 后重试"
            ),
        ));
    }
    out
}

/// The bytes of a Java keystore given as base64 text, as a Kubernetes Secret holds `keystore.jks`
/// (`kubectl get secret -o jsonpath=…` prints it on one line, `base64` wraps it at 76 columns): the
/// whole text one base64 run, white space between its lines, decoding to a keystore. `None`
/// otherwise. (Recovery reads base64 of PEM text and of DER; a keystore has no PEM form.)
fn base64_keystore(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?.trim();
    // The base64 of JKS's magic (FE ED FE ED) and of JCEKS's (CE CE CE CE): nothing else is
    // decoded.
    if !text.starts_with("/u3+7") && !text.starts_with("zs7Oz") {
        return None;
    }
    decoded_keystore(&text.split_ascii_whitespace().collect::<String>())
}

/// The keystore the base64 `run` encodes; `None` when it does not decode, or not to a keystore.
fn decoded_keystore(run: &str) -> Option<Vec<u8>> {
    let decoded = cert_preflight_base64::base64_decode(run).ok()?;
    super::java_keystore::Kind::of(&decoded).map(|_| decoded)
}

/// The most keystores read from base64 values of one text (a Secret holds a keystore and a
/// truststore).
const MAX_KEYSTORE_VALUES: usize = 16;

/// Java keystores given as base64 values in a text (a Kubernetes Secret's `keystore.jks:
/// /u3+7Q…` in YAML, `"keystore.jks": "/u3+7Q…"` in JSON): each value on one line that starts
/// with the base64 of a keystore's magic and decodes to a keystore is read as one, with
/// `recovered-bare-base64`'s information naming its line. Recovery finds base64 values of PEM and
/// DER only; a keystore has no PEM form.
fn keystore_values(file: &str, text: &str, out: &mut DecodedInput) {
    let mut found = 0;
    for (index, runs) in base64_values(text, &["/u3+7", "zs7Oz"]) {
        if found == MAX_KEYSTORE_VALUES {
            break;
        }
        for run in runs {
            let Some(keystore) = decoded_keystore(&run) else {
                continue;
            };
            found += 1;
            out.summary.blocks += 1;
            let location = InputLocation {
                file: file.to_owned(),
                block: Some(out.summary.blocks),
                line: Some(index + 1),
            };
            out.diagnostics.push(Diagnostic::new(
                Code::RecoveredBareBase64,
                location.clone(),
                tr!(
                    "this line holds base64 of a Java keystore, as a Kubernetes Secret holds one; it was read as the keystore",
                    "这一行是 Java 密钥库的 base64（Kubernetes Secret 中就是这样保存的）；已作为密钥库读取"
                ),
                tr!(
                    "nothing to do for its certificates; Java's keytool takes the keystore file itself: decode the value to a file first (from a Secret: kubectl get secret NAME -o jsonpath='{{.data.KEY}}' | base64 -d > keystore.jks) and give keytool that file",
                    "证书无需处理；Java 的 keytool 需要密钥库文件本身：请先把该值解码为文件（从 Secret 中：“kubectl get secret NAME -o jsonpath='{{.data.KEY}}' | base64 -d > keystore.jks”），再把该文件交给 keytool"
                ),
            ));
            out.items.push(Item {
                kind: ItemKind::JavaKeystore,
                label: None,
                der: keystore,
                headers: Vec::new(),
                location,
            });
            break;
        }
    }
}

/// The base64 values of `text`'s lines that start with one of `magics` (the base64 of a format's
/// first bytes) as a value: at a line's start or after a space, tab, quote, colon or `=` (YAML,
/// JSON, a config file), not inside a word. By line: its index and its candidates. A value alone
/// on its line but for indentation (a YAML block scalar's first line, as `base64` wraps it at 76
/// columns) goes on over the next lines of the same indentation that hold nothing but base64,
/// which are not looked at again.
fn base64_values<'t>(
    text: &'t str,
    magics: &'t [&'t str],
) -> impl Iterator<Item = (usize, Vec<String>)> + 't {
    let is_base64 = super::recover::is_base64;
    let mut lines = text.lines().enumerate().peekable();
    std::iter::from_fn(move || {
        let (index, line) = lines.next()?;
        let indent = line.len() - line.trim_start().len();
        let starts = magics
            .iter()
            .filter_map(|magic| line.find(magic))
            .filter(|&at| {
                line[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, ' ' | '\t' | '"' | '\'' | ':' | '='))
            });
        let mut runs = Vec::new();
        for at in starts {
            let rest = &line[at..];
            let end = rest
                .bytes()
                .position(|b| !is_base64(b))
                .unwrap_or(rest.len());
            let mut run = rest[..end].to_owned();
            if at == indent && rest[end..].trim().is_empty() {
                while let Some((_, next)) = lines.peek() {
                    let body = next.trim();
                    if run.ends_with('=')
                        || body.is_empty()
                        || next.len() - next.trim_start().len() != indent
                        || !body.bytes().all(is_base64)
                    {
                        break;
                    }
                    run.push_str(body);
                    lines.next();
                }
            }
            runs.push(run);
        }
        Some((index, runs))
    })
}

/// The base64 of a ZIP archive's first bytes: a file's local header (`PK 03 04`) or an empty
/// archive's end record (`PK 05 06`).
const ZIP_MAGICS: [&str; 2] = ["UEsDB", "UEsFB"];

/// The most ZIP archives opened from base64 in one text: each may inflate to the archive
/// ceilings' 64 MiB.
const MAX_ARCHIVE_VALUES: usize = 2;

/// ZIP archives a text holds as base64, as a cloud API's certificate download answers with one
/// (Tencent Cloud's `DownloadCertificate`: `"Content": "UEsDB…"`, `ContentType`
/// `application/zip`), or the whole text one (that value decoded by `jq -r`, a `base64` of the
/// archive): each found, with `recovered-bare-base64`'s information at its line, goes to
/// `out.archives`, which the job opens as inputs of their own, named `file:line`.
fn archive_values(file: &str, text: &str, out: &mut DecodedInput) {
    let trimmed = text.trim();
    let whole = ZIP_MAGICS.iter().any(|magic| trimmed.starts_with(magic))
        && trimmed
            .bytes()
            .all(|b| super::recover::is_base64(b) || b.is_ascii_whitespace());
    let archive = |run: &str| {
        cert_preflight_base64::base64_decode(run)
            .ok()
            .filter(|bytes| super::archive::is_zip(bytes))
    };
    let mut found: Vec<(usize, Vec<u8>)> = Vec::new();
    if whole {
        let start = text
            .lines()
            .position(|line| !line.trim().is_empty())
            .unwrap_or(0);
        found.extend(
            archive(&trimmed.split_ascii_whitespace().collect::<String>()).map(|zip| (start, zip)),
        );
    } else {
        for (index, runs) in base64_values(text, &ZIP_MAGICS) {
            if found.len() == MAX_ARCHIVE_VALUES {
                break;
            }
            if let Some(zip) = runs.iter().find_map(|run| archive(run)) {
                found.push((index, zip));
            }
        }
    }
    for (index, bytes) in found {
        out.summary.blocks += 1;
        let name = format!("{file}:{}", index + 1);
        let location = InputLocation {
            file: file.to_owned(),
            block: Some(out.summary.blocks),
            line: Some(index + 1),
        };
        let message = if whole {
            tr!(
                "the text is base64 of a ZIP archive; it was read as the archive {name}",
                "该文本是 ZIP 压缩包的 base64；已作为压缩包 {name} 读取"
            )
        } else {
            tr!(
                "this line holds base64 of a ZIP archive, as a cloud API's certificate download answers with one; it was read as the archive {name}",
                "这一行是 ZIP 压缩包的 base64（云 API 下载证书时就是这样返回的）；已作为压缩包 {name} 读取"
            )
        };
        out.diagnostics.push(Diagnostic::new(
            Code::RecoveredBareBase64,
            location,
            message,
            tr!(
                "nothing to do: the archive's files were read; to keep the archive itself, decode the value to a file (base64 -d > certificate.zip)",
                "无需处理：压缩包中的文件已读取；如需保存压缩包本身，请把该值解码为文件（“base64 -d > certificate.zip”）"
            ),
        ));
        out.archives.push(FoundArchive { name, bytes });
    }
}

/// A keystore given as base64 text (`text`, of input `file`): read as the keystore itself, with
/// `recovered-bare-base64`'s information saying so.
fn base64_of_keystore(file: &str, text: &[u8], keystore: &[u8]) -> DecodedInput {
    let mut out = decode(file, keystore);
    out.summary.kind = InputKind::Text;
    out.summary.line_endings = line_endings(&String::from_utf8_lossy(text));
    let location = InputLocation {
        file: file.to_owned(),
        block: Some(1),
        line: Some(1),
    };
    out.diagnostics.insert(
        0,
        Diagnostic::new(
            Code::RecoveredBareBase64,
            location,
            tr!(
                "the text is base64 of a Java keystore, as a Kubernetes Secret holds one; it was read as the keystore",
                "文本是 Java 密钥库的 base64（Kubernetes Secret 中就是这样保存的）；已作为密钥库读取"
            ),
            keystore_hint(file),
        ),
    );
    out
}

/// What to do with a keystore read from base64 text in `file`: nothing for its certificates;
/// keytool needs the decoded file.
fn keystore_hint(file: &str) -> crate::diagnostic::Hint {
    let source = crate::render::shell::shell_quote(file.rsplit('/').next().unwrap_or(file));
    crate::diagnostic::Hint::per_surface(
        tr!(
            "nothing to do for its certificates; Java's keytool takes the keystore file itself: decode the text to a file first (base64 -d, or certutil -decode on Windows) and give keytool that file",
            "证书无需处理；Java 的 keytool 需要密钥库文件本身：请先把文本解码为文件（base64 -d，Windows 上用 certutil -decode），再把该文件交给 keytool"
        ),
        tr!(
            "nothing to do for its certificates; Java's keytool takes the keystore file itself: decode the text to a file first (base64 -d < {source} > keystore.jks) and give keytool that file (in the keytool command, keystore.jks in place of {source})",
            "证书无需处理；Java 的 keytool 需要密钥库文件本身：请先把文本解码为文件（base64 -d < {source} > keystore.jks），再把该文件交给 keytool（keytool 命令中用 keystore.jks 代替 {source}）"
        ),
    )
}

/// UTF-16 text, decoded: with a byte-order mark (LE `FF FE` or BE `FE FF`, as Windows tools save
/// "Unicode" text), or without one when it opens with ASCII text in every other byte (.NET's
/// `[Text.Encoding]::Unicode.GetBytes` of a PEM text, often base64-encoded after); `None`
/// otherwise. Binary DER never opens so (its first byte is a tag, its second a length, not 0).
pub(crate) fn utf16_text(bytes: &[u8]) -> Option<String> {
    let (little_endian, rest) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => {
            let opening = bytes.get(..8)?;
            let text = |byte: &u8| byte.is_ascii_graphic() || byte.is_ascii_whitespace();
            let odd_zero = |pair: &[u8]| pair[1] == 0 && text(&pair[0]);
            let even_zero = |pair: &[u8]| pair[0] == 0 && text(&pair[1]);
            if opening.chunks_exact(2).all(odd_zero) {
                (true, bytes)
            } else if opening.chunks_exact(2).all(even_zero) {
                (false, bytes)
            } else {
                return None;
            }
        }
    };
    if rest.len() % 2 != 0 {
        return None;
    }
    let units = rest.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

fn memmem(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn line_endings(text: &str) -> LineEndings {
    // One pass: each LF, and whether a CR precedes it.
    let bytes = text.as_bytes();
    let (mut newlines, mut crlf) = (0usize, 0usize);
    for (at, _) in text.match_indices('\n') {
        newlines += 1;
        if at > 0 && bytes[at - 1] == b'\r' {
            crlf += 1;
        }
    }
    line_endings_from(newlines, crlf)
}

/// The line endings of a text with `newlines` LFs, `crlf` of them after a CR.
fn line_endings_from(newlines: usize, crlf: usize) -> LineEndings {
    match (newlines, crlf) {
        (0, _) => LineEndings::None,
        (n, c) if c == n => LineEndings::Crlf,
        (_, 0) => LineEndings::Lf,
        _ => LineEndings::Mixed,
    }
}

/// The content of a DER SEQUENCE (`0x30 len …`): the bytes after its header.
fn sequence_content(der: &[u8]) -> Option<&[u8]> {
    if der.first() != Some(&0x30) {
        return None;
    }
    let length_octets = match *der.get(1)? {
        n if n < 0x80 => 0,
        n => usize::from(n & 0x7f),
    };
    der.get(2 + length_octets..)
}

/// The tag of the first element inside a DER SEQUENCE, and of the first inside that one.
fn first_inner_tags(der: &[u8]) -> (Option<u8>, Option<u8>) {
    let inner = sequence_content(der);
    let first = inner.and_then(|i| i.first().copied());
    let second = inner
        .and_then(sequence_content)
        .and_then(|i| i.first().copied());
    (first, second)
}

/// The certificate at the start of a `TRUSTED CERTIFICATE` block's DER, when trust settings
/// (OpenSSL's `X509_CERT_AUX`) follow it.
fn trusted_certificate(label: &str, der: &[u8]) -> Option<Vec<u8>> {
    use der::{Decode, Reader};
    if label != "TRUSTED CERTIFICATE" {
        return None;
    }
    let mut reader = der::SliceReader::new(der).ok()?;
    der::asn1::AnyRef::decode(&mut reader).ok()?;
    let used = usize::try_from(reader.position()).ok()?;
    let first = der.get(..used).filter(|first| first.len() < der.len())?;
    super::certificate::Certificate::from_der(first).ok()?;
    Some(first.to_vec())
}

/// When a block's content is not what its label says, what it is (kind and label). Cheap for the
/// common case: a `CERTIFICATE` that opens like a v3 certificate (a SEQUENCE starting with the
/// `[0]` version) and a key whose first element is an INTEGER (PKCS#8, PKCS#1, SEC1) are taken at
/// their word; the rest is decoded by trial.
fn relabel(label: &str, der: &[u8]) -> Option<(ItemKind, &'static str)> {
    let (inner, version) = first_inner_tags(der);
    let trust_label = match (ItemKind::from_label(label), inner) {
        (ItemKind::Certificate, Some(0x30)) if label == "CERTIFICATE" && version == Some(0xa0) => {
            return None;
        }
        (ItemKind::Certificate, _) => label != "CERTIFICATE",
        (ItemKind::PrivateKey, Some(0x02)) => return None,
        (ItemKind::PrivateKey, _) if label == "ENCRYPTED PRIVATE KEY" => return None,
        (ItemKind::Pkcs7, Some(0x06)) => return None,
        _ => false,
    };
    let (kind, canonical) = sniff::content_kind(der)?;
    let same = kind == ItemKind::from_label(label);
    // A plain certificate under `X509 CERTIFICATE` / `TRUSTED CERTIFICATE` is said so too.
    (!same || (trust_label && kind == ItemKind::Certificate)).then_some((kind, canonical))
}

/// A block being read: its label, 1-based block number, BEGIN line number and body lines.
struct OpenBlock<'a> {
    label: &'a str,
    number: usize,
    begin_line: usize,
    body: Vec<(usize, &'a str)>,
}

/// Reads the PEM blocks of `text`; `input_line` maps its line numbers to the input's.
fn decode_pem_text(
    file: &str,
    text: &str,
    input_line: &dyn Fn(usize) -> usize,
    out: &mut DecodedInput,
) {
    let at = |block: Option<usize>, line: usize| InputLocation {
        file: file.to_owned(),
        block,
        line: Some(line),
    };
    let mut open: Option<OpenBlock> = None;
    let mut stray_line: Option<usize> = None;
    // Line endings: every piece but the last is followed by an LF, after a CR if it ends in one.
    let (mut pieces, mut ending_in_cr, mut last_ends_in_cr) = (0usize, 0usize, false);

    for (index, (raw, part)) in pem::scan(text.split('\n')).enumerate() {
        let number = input_line(index + 1);
        pieces += 1;
        last_ends_in_cr = raw.ends_with('\r');
        ending_in_cr += usize::from(last_ends_in_cr);
        let line = raw.trim();
        match part {
            pem::Part::Begin { label, .. } => {
                if let Some(unclosed) = open.take() {
                    missing_end(file, &unclosed, out);
                }
                out.summary.blocks += 1;
                open = Some(OpenBlock {
                    label,
                    number: out.summary.blocks,
                    begin_line: number,
                    body: Vec::new(),
                });
            }
            pem::Part::End {
                label: end_label, ..
            } => match open.take() {
                Some(block) if block.label == end_label => finish_block(file, block, out),
                Some(block) => {
                    let (n, begin, end) = (
                        block.number,
                        label_for_message(block.label),
                        label_for_message(end_label),
                    );
                    let (begin_zh, end_zh) = (label_zh(begin), label_zh(end));
                    out.diagnostics.push(Diagnostic::new(
                        Code::PemLabelMismatch,
                        at(Some(n), number),
                        tr!(
                            "block {n} begins with BEGIN {begin} but ends with END {end}",
                            "第 {n} 块以 BEGIN {begin_zh} 开始，却以 END {end_zh} 结束"
                        ),
                        tr!(
                            "copy each block from its BEGIN line to its own END line; two blocks were probably merged",
                            "从 BEGIN 行到对应的 END 行逐块复制；可能有两个块被合并了"
                        ),
                    ))
                }
                // Not met: this loop opens and closes blocks where the scanner does.
                None => stray_line = stray_line.or(Some(number)),
            },
            pem::Part::Body { .. } => {
                if let Some(block) = open.as_mut()
                    && !line.is_empty()
                {
                    block.body.push((number, line));
                }
            }
            pem::Part::StrayEnd => stray_line = stray_line.or(Some(number)),
            pem::Part::Outside => {
                if !line.is_empty() {
                    stray_line = stray_line.or(Some(number));
                }
            }
        }
    }
    out.summary.line_endings =
        line_endings_from(pieces - 1, ending_in_cr - usize::from(last_ends_in_cr));
    if let Some(unclosed) = open.take() {
        missing_end(file, &unclosed, out);
    }
    if let (Some(line), true) = (stray_line, out.summary.blocks > 0) {
        out.diagnostics.push(Diagnostic::new(
            Code::TextOutsideBlocks,
            at(None, line),
            tr!(
                "text outside PEM blocks was ignored (first at line {line})",
                "已忽略 PEM 块之外的文字（首次出现在第 {line} 行）"
            ),
            tr!(
                "nothing to do: only the blocks are used; the normalised bundle leaves this text out",
                "无需处理：只使用各个块，规范化后的证书链不含这些文字"
            ),
        ));
    }
}

fn missing_end(file: &str, block: &OpenBlock, out: &mut DecodedInput) {
    out.diagnostics.push(Diagnostic::new(
        Code::PemMissingEnd,
        InputLocation {
            file: file.to_owned(),
            block: Some(block.number),
            line: Some(block.begin_line),
        },
        {
            let (n, label) = (block.number, label_for_message(block.label));
            let label_zh = label_zh(label);
            tr!(
                "block {n} (BEGIN {label}) has no END {label} line",
                "第 {n} 块（BEGIN {label_zh}）缺少 END {label_zh} 行"
            )
        },
        tr!(
            "the block was cut short: copy it again, through its -----END----- line",
            "该块被截断：请重新复制，直到 -----END----- 行"
        ),
    ));
}

fn finish_block(file: &str, block: OpenBlock, out: &mut DecodedInput) {
    let location = InputLocation {
        file: file.to_owned(),
        block: Some(block.number),
        line: Some(block.begin_line),
    };
    // RFC 1421 encapsulated headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) precede the base64
    // body; base64 never holds a colon.
    let headers: Vec<(String, String)> = block
        .body
        .iter()
        .take_while(|(_, l)| l.contains(':'))
        .filter_map(|(_, l)| l.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let body: Vec<&str> = block
        .body
        .iter()
        .map(|(_, l)| *l)
        .filter(|l| !l.contains(':'))
        .collect();
    // Certificates are public and nearly always canonical: their joined lines go straight to
    // base64ct, without the PEM re-assembly of `decode_body` (which would give the same bytes).
    // Keys and anything else take the full route.
    let kind = ItemKind::from_label(block.label);
    let fast = match kind {
        ItemKind::Certificate => decode_joined(&body),
        _ => None,
    };
    let decoded = match fast {
        Some(der) => Ok(der),
        None => decode_body(block.label, &body),
    };
    match decoded {
        Ok(der) => {
            // OpenSSL's `TRUSTED CERTIFICATE` is a certificate followed by its trust settings.
            let (der, trust_settings) = match trusted_certificate(block.label, &der) {
                Some(certificate) => (certificate, true),
                None => (der, false),
            };
            let (kind, label, der) = match relabel(block.label, &der) {
                Some((content, canonical)) => {
                    out.diagnostics.push(Diagnostic::new(
                        Code::RecoveredLabelFromContent,
                        location.clone(),
                        {
                            let (n, label) = (block.number, label_for_message(block.label));
                            let label_zh = label_zh(label);
                            let (holds, holds_zh) = if trust_settings {
                                (
                                    "a certificate followed by OpenSSL trust settings (left out)",
                                    "一张证书及其后的 OpenSSL 信任设置（已略去）",
                                )
                            } else if content == kind && content == ItemKind::Certificate {
                                ("a plain certificate", "一张普通证书")
                            } else {
                                (content.describe(), content.describe_zh())
                            };
                            tr!(
                                "block {n} is labelled {label} but holds {holds}; it was read as {canonical}",
                                "第 {n} 块标为 {label_zh}，内容却是{holds_zh}；已按 {canonical} 读取"
                            )
                        },
                        tr!(
                            "nothing to do; relabel the block {canonical} to make it plain",
                            "无需处理；可将该块的标签改为 {canonical}"
                        ),
                    ));
                    (content, canonical.to_owned(), der)
                }
                // A label that is not plain is never carried on (messages quote item labels).
                None => (kind, label_for_message(block.label).to_owned(), der),
            };
            out.items.push(Item {
                kind,
                label: Some(label),
                der,
                headers,
                location,
            })
        }
        Err(_) => {
            let bad_line = block
                .body
                .iter()
                .find(|(_, l)| {
                    !l.contains(':')
                        && !l
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
                })
                .or(block.body.last())
                .map_or(block.begin_line, |(n, _)| *n);
            out.diagnostics.push(Diagnostic::new(
                Code::PemInvalidBase64,
                InputLocation { line: Some(bad_line), ..location },
                {
                    let (n, label) = (block.number, label_for_message(block.label));
                    let label_zh = label_zh(label);
                    tr!(
                        "block {n} (BEGIN {label}) is not valid base64 (near line {bad_line})",
                        "第 {n} 块（BEGIN {label_zh}）不是有效的 base64（约在第 {bad_line} 行）"
                    )
                },
                tr!(
                    "characters were lost or added while copying: copy the block again from the original file",
                    "复制时丢失或多出了字符：请从原文件重新复制该块"
                ),
            ));
        }
    }
}

/// The body through `pem-rfc7468` (RFC 7468 §3 wants 64-column lines), else as one base64 string
/// (76-column MIME bodies are common and read as well).
fn decode_body(label: &str, body: &[&str]) -> Result<Vec<u8>, base64ct::Error> {
    let mut canonical = String::with_capacity(
        body.iter().map(|l| l.len() + 1).sum::<usize>() + 2 * label.len() + 32,
    );
    canonical.push_str("-----BEGIN ");
    canonical.push_str(label);
    canonical.push_str("-----\n");
    for line in body {
        canonical.push_str(line);
        canonical.push('\n');
    }
    canonical.push_str("-----END ");
    canonical.push_str(label);
    canonical.push_str("-----\n");
    pem_rfc7468::decode_vec(canonical.as_bytes())
        .map(|(_, der)| der)
        .or_else(|_| cert_preflight_base64::base64_decode(&body.concat()))
}

/// The bytes of `lines` joined, when they are canonical padded base64 (base64ct); `None` for
/// anything else, including an empty body, which [`decode_body`] then decides on.
fn decode_joined(lines: &[&str]) -> Option<Vec<u8>> {
    let joined = lines.concat();
    if joined.is_empty() {
        return None;
    }
    cert_preflight_base64::base64_decode(&joined).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64ct::Encoding;

    fn check(input: &str, expected_kinds: &[ItemKind], expected_codes: &[&str]) -> DecodedInput {
        let decoded = decode("t.pem", input.as_bytes());
        let kinds: Vec<_> = decoded.items.iter().map(|i| i.kind.clone()).collect();
        let codes: Vec<_> = decoded
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(kinds, expected_kinds, "kinds for {input:?}");
        assert_eq!(codes, expected_codes, "codes for {input:?}");
        decoded
    }

    // "hello world!" in base64, a stand-in body: decoding, not ASN.1, is under test here.
    const BODY: &str = "aGVsbG8gd29ybGQh";

    #[test]
    fn empty_and_whitespace_input() {
        check("", &[], &["empty-input"]);
        check(" \r\n\t\n", &[], &["empty-input"]);
    }

    #[test]
    fn crlf_bom_indentation_and_stray_text() {
        let text = format!(
            "\u{feff}Bag Attributes\r\n    localKeyID: 01\r\n  -----BEGIN CERTIFICATE-----\r\n  {BODY}\r\n  -----END CERTIFICATE-----"
        );
        let decoded = check(&text, &[ItemKind::Certificate], &["text-outside-blocks"]);
        assert_eq!(decoded.items[0].der, b"hello world!");
        assert_eq!(decoded.items[0].location.line, Some(3));
        assert_eq!(decoded.summary.line_endings, LineEndings::Crlf);
        assert_eq!(decoded.diagnostics[0].location.line(), Some(1));
    }

    /// UTF-16 is read with or without its byte-order mark; binary DER, which opens with a tag and
    /// a length, and UTF-8 text are not taken for it.
    #[test]
    fn utf16_with_and_without_a_byte_order_mark() {
        let text = "-----BEGIN CERTIFICATE-----\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_text(&le).as_deref(), Some(text));
        assert_eq!(utf16_text(&be).as_deref(), Some(text));
        assert_eq!(
            utf16_text(&[&[0xFF, 0xFE][..], &le].concat()).as_deref(),
            Some(text)
        );
        assert_eq!(
            utf16_text(&[&[0xFE, 0xFF][..], &be].concat()).as_deref(),
            Some(text)
        );
        assert_eq!(utf16_text(text.as_bytes()), None);
        // A certificate's opening (SEQUENCE, long length), and a short SEQUENCE of small INTEGERs.
        assert_eq!(
            utf16_text(&[0x30, 0x82, 0x03, 0x5c, 0x30, 0x82, 0x02, 0x44]),
            None
        );
        assert_eq!(
            utf16_text(&[0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]),
            None
        );
        // Too short to tell, and an odd length.
        assert_eq!(utf16_text(&le[..6]), None);
        assert_eq!(utf16_text(&le[..le.len() - 1]), None);
    }

    /// A note saved in GBK (Chinese Windows' "ANSI"), the block run on after its prose: read.
    #[test]
    fn a_block_in_gbk_text_after_prose_on_its_line() {
        let mut bytes = vec![0xd6, 0xa4, 0xca, 0xe9, 0xa3, 0xba]; // 证书：
        bytes.extend(
            format!("-----BEGIN CERTIFICATE-----\r\n{BODY}\r\n-----END CERTIFICATE-----").bytes(),
        );
        bytes.extend([0xd0, 0xbb, 0xd0, 0xbb, b'\r', b'\n']); // 谢谢
        let decoded = decode("note.txt", &bytes);
        assert_eq!(decoded.items.len(), 1, "{:#?}", decoded.diagnostics);
        assert_eq!(decoded.items[0].der, b"hello world!");
        assert_eq!(decoded.items[0].location.line, Some(1));
        assert_eq!(decoded.summary.line_endings, LineEndings::Crlf);
        let codes: Vec<_> = decoded
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert!(codes.contains(&"recovered-line-breaks"), "{codes:?}");
    }

    #[test]
    fn missing_end_is_reported_and_next_block_still_read() {
        let text = format!(
            "-----BEGIN CERTIFICATE-----\n{BODY}\n-----BEGIN PRIVATE KEY-----\n{BODY}\n-----END PRIVATE KEY-----\n"
        );
        let decoded = check(&text, &[ItemKind::PrivateKey], &["pem-missing-end"]);
        assert_eq!(decoded.diagnostics[0].location.block(), Some(1));
        assert_eq!(decoded.items[0].location.block, Some(2));
    }

    #[test]
    fn label_mismatch_and_bad_base64_point_at_lines() {
        let text = format!("-----BEGIN CERTIFICATE-----\n{BODY}\n-----END PRIVATE KEY-----\n");
        let decoded = check(&text, &[], &["pem-label-mismatch"]);
        assert_eq!(decoded.diagnostics[0].location.line(), Some(3));

        let text = format!(
            "-----BEGIN CERTIFICATE-----\n{BODY}\naGVsb*8gd29y\n-----END CERTIFICATE-----\n"
        );
        let decoded = check(&text, &[], &["pem-invalid-base64"]);
        assert_eq!(decoded.diagnostics[0].location.line(), Some(3));
    }

    #[test]
    fn labels_that_are_not_plain_are_never_quoted() {
        // A hostile block whose BEGIN and END lines carry the same base64-laden label.
        let label = format!("X-----{BODY}{BODY}");
        let text = format!("-----BEGIN {label}-----\n{BODY}\n-----END {label}-----\n");
        let decoded = check(&text, &[ItemKind::Other], &[]);
        assert_eq!(
            decoded.items[0].label.as_deref(),
            Some("an unreadable label")
        );
        let text = format!("-----BEGIN {label}-----\n{BODY}\n");
        let decoded = check(&text, &[], &["pem-missing-end"]);
        assert!(!decoded.diagnostics[0].message.contains(BODY));
    }

    #[test]
    fn der_bytes_and_garbage() {
        let decoded = check("\u{30}\u{3}\u{2}\u{1}\u{5}", &[ItemKind::Certificate], &[]);
        assert_eq!(decoded.summary.format, InputFormat::Der);
        check("just some words", &[], &["no-pem-or-der"]);
    }
    #[test]
    fn the_certificate_fast_path_gives_what_the_full_route_gives() {
        // Whatever the fast path accepts, however the body is cut into lines, the full route
        // (PEM re-assembly, then base64ct) decodes to the same bytes; the rest it leaves to it.
        let mut samples: Vec<String> = vec![
            String::new(),
            "=".into(),
            "====".into(),
            "A===".into(),
            "AA==".into(),
            "AB==".into(),
            "AAA=".into(),
            "AAB=".into(),
            "AAAA".into(),
            "AA=A".into(),
            "AA==AAAA".into(),
            "aGVsbG8gd29ybGQh".into(),
            "aGVsbG8gd29ybGQ".into(),
            "aGVsbG8gd29ybA==".into(),
            "aGVsbG8gd29ybGQ=".into(),
            "aGVsb*8gd29y".into(),
            "aGVs bG8g".into(),
            "aGVsbG8-d29y".into(),
            "aGVsbG8_d29y".into(),
        ];
        // Every length of a pseudo-random byte string, encoded, then with one character changed.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in 0..80 {
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let encoded = base64ct::Base64::encode_string(&bytes);
            samples.push(encoded.clone());
            if !encoded.is_empty() {
                let mut altered = encoded.into_bytes();
                let at = (next() as usize) % altered.len();
                let replacements = b"A/+=*\n-_9";
                altered[at] = replacements[(next() as usize) % replacements.len()];
                samples.push(String::from_utf8(altered).unwrap());
            }
        }
        let mut accepted = 0;
        for sample in &samples {
            for split in [1usize, 3, 4, 64] {
                let lines: Vec<&str> = sample
                    .as_bytes()
                    .chunks(split)
                    .map(|c| std::str::from_utf8(c).unwrap())
                    .collect();
                if let Some(bytes) = decode_joined(&lines) {
                    accepted += 1;
                    assert_eq!(
                        decode_body("CERTIFICATE", &lines).ok(),
                        Some(bytes),
                        "{sample:?} in lines of {split}"
                    );
                }
            }
        }
        assert!(accepted > 200, "only {accepted} samples took the fast path");
    }

    /// `run` in lines of 76 columns as `base64` writes it, each after `indent` and before `end`.
    fn wrapped_76(run: &str, indent: &str, end: &str) -> String {
        run.as_bytes()
            .chunks(76)
            .map(|line| format!("{indent}{}{end}", std::str::from_utf8(line).unwrap()))
            .collect()
    }

    #[test]
    fn a_keystore_as_base64_text_is_read_as_the_keystore() {
        let keystore = include_bytes!(
            "../../tests/vectors/inspect/recovered-kubernetes-secret-keystore/original/keystore.jks.b64"
        );
        let one_line = <base64ct::Base64 as Encoding>::encode_string(keystore);
        let wrapped = wrapped_76(&one_line, "  ", "\r\n");
        for text in [one_line.clone(), wrapped] {
            assert_eq!(
                base64_keystore(text.as_bytes()).as_deref(),
                Some(&keystore[..])
            );
            let decoded = decode("keystore.jks.b64", text.as_bytes());
            assert_eq!(decoded.summary.format, InputFormat::Jks);
            assert_eq!(decoded.items[0].kind, ItemKind::JavaKeystore);
            assert_eq!(decoded.diagnostics[0].code, Code::RecoveredBareBase64);
        }
        // Text after the base64, or base64 of something else with the same start: not a keystore.
        for text in [format!("{one_line} thanks"), "/u3+7AAA".to_owned()] {
            assert_eq!(base64_keystore(text.as_bytes()), None, "{}", &text[..20]);
        }
        // As values of a text (YAML, JSON): each read, with its line; one inside a word is not.
        let secret = format!(
            "data:\n  keystore.jks: {one_line}\n  other: x{one_line}\n  \"truststore.jks\": \"{one_line}\",\n"
        );
        let decoded = decode("secret.yaml", secret.as_bytes());
        let lines: Vec<Option<usize>> = decoded.items.iter().map(|i| i.location.line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        assert!(decoded.items.iter().all(|i| i.der == keystore));
        assert_eq!(decoded.summary.format, InputFormat::Jks);
        // A values file's block scalar, `base64`'s 76 columns pasted under its key: read whole,
        // at its first line; the key after it is not taken into it.
        let block = wrapped_76(&one_line, "      ", "\n");
        let values = format!("tomcat:\n  keystore:\n    jks: |\n{block}    password: changeit\n");
        let decoded = decode("values.yaml", values.as_bytes());
        assert_eq!(decoded.items.len(), 1);
        assert_eq!(decoded.items[0].der, keystore);
        assert_eq!(decoded.items[0].location.line, Some(4));
    }

    #[test]
    fn a_zip_archive_as_base64_is_handed_on_as_an_archive() {
        let zip = include_bytes!(
            "../../tests/vectors/inspect/archive-nginx-download-info-zip/input/example.com_nginx.test-only.zip"
        );
        let one_line = <base64ct::Base64 as Encoding>::encode_string(zip);
        // The whole text, wrapped at 76 columns with CRLF after an empty line: its first line.
        let wrapped = wrapped_76(&one_line, "", "\r\n");
        let decoded = decode("cert.zip.b64", format!("\r\n{wrapped}").as_bytes());
        assert_eq!(decoded.archives.len(), 1);
        assert_eq!(decoded.archives[0].name, "cert.zip.b64:2");
        assert_eq!(decoded.archives[0].bytes, zip);
        assert_eq!(decoded.summary.format, InputFormat::Zip);
        assert_eq!(decoded.diagnostics[0].code, Code::RecoveredBareBase64);
        assert_eq!(decoded.diagnostics[0].location.line(), Some(2));
        // Values of an API's JSON answer, each on its line, at most two: one inside a word is not
        // taken; one cut short after a ZIP's first bytes is (the archive then says it is damaged);
        // one past the second is not; one in another alphabet is not base64.
        let json = format!(
            "{{\n  \"Content\": \"{one_line}\",\n  \"Other\": \"x{one_line}\",\n  \"Cut\": \"UEsDBAAA\",\n  \"A\": \"{one_line}\"\n}}\n"
        );
        let decoded = decode("answer.json", json.as_bytes());
        let names: Vec<&str> = decoded.archives.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["answer.json:2", "answer.json:4"]);
        assert_eq!(decoded.archives[1].bytes, b"PK\x03\x04\x00\x00");
        assert!(
            decode("t.json", b"\"Content\": \"UEsD*BAAA\"")
                .archives
                .is_empty()
        );
        assert!(
            decoded
                .diagnostics
                .iter()
                .all(|d| d.code == Code::RecoveredBareBase64)
        );
        // A block scalar of 76-column lines under its key: one archive, at its first line.
        let block = wrapped_76(&one_line, "  ", "\n");
        let decoded = decode(
            "values.yaml",
            format!("content: |\n{block}next: 1\n").as_bytes(),
        );
        assert_eq!(decoded.archives.len(), 1);
        assert_eq!(decoded.archives[0].name, "values.yaml:2");
        assert_eq!(decoded.archives[0].bytes, zip);
        // A file of an archive holding one: not opened (one level of archives is read).
        let inside = decode_in_archive("a.zip/answer.json", json.as_bytes());
        assert!(inside.archives.is_empty());
        assert!(
            inside
                .diagnostics
                .iter()
                .any(|d| d.code == Code::NoPemOrDer)
        );
    }

    #[test]
    fn line_endings_counts() {
        assert_eq!(line_endings("a"), LineEndings::None);
        assert_eq!(line_endings("\na\n"), LineEndings::Lf);
        assert_eq!(line_endings("a\r\nb\r\n"), LineEndings::Crlf);
        assert_eq!(line_endings("\r\na\n"), LineEndings::Mixed);
        assert_eq!(line_endings("\r\r\n\n"), LineEndings::Mixed);
        // decode counts them while it reads the lines: the same answer.
        for text in [
            "x",
            "x\n",
            "x\r\n",
            "\r",
            "x\r",
            "\n\r\n",
            "a\r\nb\nc\r",
            "a\r\n\r\n",
            "\r\n\r",
        ] {
            assert_eq!(
                decode("t", text.as_bytes()).summary.line_endings,
                line_endings(text),
                "{text:?}"
            );
        }
    }
}
