//! ZIP archives, as CAs and cloud consoles hand certificates out: an Nginx or Apache download (the
//! certificate, the chain, the key), a Tomcat or IIS download (a PKCS#12 file and the text file
//! holding its password). The archive's files are read as inputs of their own, named
//! `archive.zip/file`, and the archive's password files open its PKCS#12 files and encrypted keys
//! rather than the password given for the other inputs, which is tried when theirs are wrong. A
//! download with a folder per server type holds one password file per folder (IIS's for its
//! `.pfx`, Tomcat's for its `.jks`), each file's own first ([`Opened::files`]).
//!
//! The layouts are the vendors' own: Huawei Cloud CCM's `ExportCertificate` API page lists its
//! archives (`server.crt` and `server.key` for Nginx; `server.crt`, `chain.crt`, `server.key` for
//! Apache; `server.pfx` or `server.jks` with `keystorePass.txt` for IIS and Tomcat), Alibaba
//! Cloud's certificate console downloads hold the same with `pfx-password.txt`/`jks-password.txt`.
//!
//! The archive is read from its central directory (PKWARE APPNOTE 6.3: the end of central
//! directory record, the central directory's file headers, each file's local header). Stored and
//! deflated files are read (`miniz_oxide`), their CRC-32 checked (`crc`); encrypted files, other
//! compression methods, ZIP64 and split archives are said, not read. Work and memory are bounded:
//! at most [`MAX_FILES`] files are read, each inflated to at most [`MAX_FILE_BYTES`], and
//! [`MAX_TOTAL_BYTES`] in all; past a ceiling, a message says so.

use super::foreign;
use crate::diagnostic::{Code, Diagnostic, Hint, InputLocation};
use crate::lang::Text;

/// The most files of one archive that are looked at.
pub const MAX_FILES: usize = 1_000;
/// The most bytes one file of an archive is inflated to.
pub const MAX_FILE_BYTES: usize = 16 << 20;
/// The most bytes the files of one archive are inflated to, in all.
pub const MAX_TOTAL_BYTES: usize = 64 << 20;

/// The longest password file read as one (a password on one line).
const MAX_PASSWORD_BYTES: usize = 256;
/// The most password files of one archive that are read (each is a try for each locked file).
const MAX_PASSWORD_FILES: usize = 8;

/// Whether `bytes` are a ZIP archive (a file's local header, or the end record of an empty one).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// What an archive gave.
#[derive(Debug, Default)]
pub(crate) struct Opened {
    /// The files to analyse, in the archive's order.
    pub files: Vec<File>,
    /// What was read, skipped or could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// A file of an archive, to analyse.
#[derive(Debug)]
pub(crate) struct File {
    /// Its name, `archive/file`.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
    /// The passwords of the archive's password files, in the order they are tried on this file
    /// ([`passwords_for`]).
    pub passwords: Vec<String>,
}

/// A password file of an archive.
struct PasswordFile {
    /// Its name in the archive.
    entry: String,
    /// The password it holds.
    password: String,
}

/// One file's entry in the central directory.
struct Entry<'a> {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    data: Option<&'a [u8]>,
}

/// Why a file of the archive was not read.
enum Unread {
    Encrypted,
    Method(u16),
    Damaged,
    OverCeiling,
}

/// Opens the archive `name`, whose bytes are `bytes`.
pub(crate) fn open(name: &str, bytes: &[u8]) -> Opened {
    let mut out = Opened::default();
    let (entries, count) = match directory(bytes) {
        Ok(directory) => directory,
        Err(why) => {
            out.diagnostics.push(unreadable_archive(name, why));
            return out;
        }
    };
    for kind in [Document::Word, Document::Open] {
        let body = entries.iter().find(|e| e.name == kind.body());
        let marked = entries.iter().any(|e| e.name == kind.marker());
        if let (Some(body), true) = (body, marked) {
            return document(name, kind, body);
        }
    }
    let mut listing = Listing {
        past_count: count.saturating_sub(MAX_FILES),
        ..Listing::default()
    };
    let mut total = 0usize;
    let mut password_files: Vec<PasswordFile> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        if is_clutter(&entry.name) {
            continue;
        }
        let full = format!("{name}/{}", entry.name);
        let room = MAX_TOTAL_BYTES - total;
        let content = match content(entry, room) {
            Ok(content) => content,
            Err(Unread::OverCeiling) if room < MAX_FILE_BYTES => {
                // The archive's ceiling, not the file's: neither it nor the rest is read.
                listing.past_bytes = entries.len() - index;
                break;
            }
            Err(why) => {
                out.diagnostics.push(unreadable_file(&full, &why));
                listing.unread += 1;
                continue;
            }
        };
        total += content.len();
        if password_files.len() < MAX_PASSWORD_FILES
            && is_password_file(&entry.name)
            && let Some(password) = password_in(&content)
        {
            password_files.push(PasswordFile {
                entry: entry.name.clone(),
                password,
            });
            continue;
        }
        if is_zip(&content)
            || matches!(
                foreign::by_magic(&content),
                Some(foreign::Foreign::Archive { .. })
            )
        {
            listing.nested.push(entry.name.clone());
        } else if is_material(&entry.name, &content) {
            listing.read.push(entry.name.clone());
            out.files.push(File {
                passwords: Vec::new(),
                name: full,
                bytes: content,
            });
        } else {
            listing.skipped.push(entry.name.clone());
        }
    }
    out.diagnostics.insert(0, opened(name, &listing));
    if listing.read.is_empty() && listing.unread == 0 && listing.past_bytes == 0 {
        // Nothing to analyse, and nothing said wrong of a file: the archive itself is the error.
        out.diagnostics.push(Diagnostic::new(
            Code::NoPemOrDer,
            InputLocation::file(name),
            if listing.nested.is_empty() {
                tr!(
                    "no certificate, key or request was found in the archive",
                    "压缩包中没有找到证书、私钥或证书请求"
                )
            } else {
                tr!(
                    "no certificate, key or request was found in the archive, outside the archives inside it",
                    "压缩包中（其内的压缩包除外）没有找到证书、私钥或证书请求"
                )
            },
            if listing.nested.is_empty() {
                tr!(
                    "give the certificate files themselves, or the archive your CA or cloud console offers for your server",
                    "请给出证书文件本身，或 CA、云控制台为您的服务器提供的压缩包"
                )
            } else {
                tr!(
                    "extract the archive, then give the archive inside it that is for your server (or its files)",
                    "请先解压，再给出其中适用于您服务器的压缩包（或其中的文件）"
                )
            },
        ));
    }
    if !password_files.is_empty() {
        let prefix = name.len() + 1;
        for file in &mut out.files {
            file.passwords = passwords_for(&file.name[prefix..], &password_files);
        }
    }
    for file in &password_files {
        out.diagnostics.push(password_file_read(
            &format!("{name}/{}", file.entry),
            password_files.len(),
        ));
    }
    out
}

/// What became of an archive's files, for its message.
#[derive(Default)]
struct Listing {
    /// Read as inputs of their own.
    read: Vec<String>,
    /// Holding no material.
    skipped: Vec<String>,
    /// Archives inside the archive, not opened (one level is read).
    nested: Vec<String>,
    /// How many could not be read (each has its own message).
    unread: usize,
    /// How many were not looked at past the first [`MAX_FILES`].
    past_count: usize,
    /// How many were not read past [`MAX_TOTAL_BYTES`] inflated.
    past_bytes: usize,
}

/// A document that is a ZIP archive of XML parts, whose text is read.
#[derive(Clone, Copy)]
enum Document {
    /// A Word document (`.docx`, WordprocessingML), as Word and WPS Office write it.
    Word,
    /// An OpenDocument file (`.odt`, `.ods`: ODF), as LibreOffice and WPS Office write it.
    Open,
}

impl Document {
    /// The part that holds the text.
    fn body(self) -> &'static str {
        match self {
            Self::Word => "word/document.xml",
            Self::Open => "content.xml",
        }
    }

    /// A part only such a document has beside it.
    fn marker(self) -> &'static str {
        match self {
            Self::Word => "[Content_Types].xml",
            Self::Open => "META-INF/manifest.xml",
        }
    }

    /// Where the text begins: the declaration's line break before it is no line of the text.
    fn start(self) -> &'static str {
        match self {
            Self::Word => "<w:body",
            Self::Open => "<office:body",
        }
    }

    /// What a tag (its text between `<` and `>`) stands for in the text, if anything.
    fn tag(self, tag: &str) -> Option<char> {
        // The element's name: `/text:p` for an end tag, `text:p` for a start or empty one.
        let name = tag
            .split(' ')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        match self {
            // A paragraph's end, a break, a tab in the text (not a tab stop's definition,
            // `<w:tab w:val=… w:pos=…/>`, which has attributes).
            Self::Word => match tag {
                "/w:p" | "w:br/" | "w:cr/" => Some('\n'),
                "w:tab/" => Some('\t'),
                _ if tag.starts_with("w:br ") => Some('\n'),
                _ => None,
            },
            // A paragraph's or heading's end (an empty one is `<text:p …/>`), a line break, a tab,
            // a run of spaces (one space: a PEM line has none to keep).
            Self::Open => match name {
                "/text:p" | "/text:h" | "text:line-break" => Some('\n'),
                "text:p" | "text:h" if tag.ends_with('/') => Some('\n'),
                "text:tab" => Some('\t'),
                "text:s" => Some(' '),
                _ => None,
            },
        }
    }
}

/// A document: its body's text is the one input read (a certificate pasted into a document, as
/// people hand them over), its other parts (styles, settings, images) are not.
fn document(name: &str, kind: Document, body: &Entry<'_>) -> Opened {
    let mut out = Opened::default();
    let part = kind.body();
    let file = format!("{name}/{part}");
    match content(body, MAX_TOTAL_BYTES) {
        Ok(xml) => {
            out.files.push(File {
                name: file,
                bytes: document_text(kind, &String::from_utf8_lossy(&xml)).into_bytes(),
                passwords: Vec::new(),
            });
            out.diagnostics.push(Diagnostic::new(
                Code::ArchiveOpened,
                InputLocation::file(name),
                match kind {
                    Document::Word => tr!(
                        "a Word document: the text of its body is read as an input of its own ({part}), a paragraph or line break a line",
                        "Word 文档：其正文的文本作为单独的输入读取（{part}），每个段落或换行为一行"
                    ),
                    Document::Open => tr!(
                        "an OpenDocument file (.odt, .ods): the text of its content is read as an input of its own ({part}), a paragraph or line break a line",
                        "OpenDocument 文件（.odt、.ods）：其内容的文本作为单独的输入读取（{part}），每个段落或换行为一行"
                    ),
                },
                tr!(
                    "nothing to do; for the cleanest result, give the certificate files themselves",
                    "无需处理；最稳妥的做法是给出证书文件本身"
                ),
            ));
        }
        Err(why) => out.diagnostics.push(unreadable_file(&file, &why)),
    }
    out
}

/// The text of a document's body: its character data (XML entities decoded), with a line break,
/// tab or space where its markup has one ([`Document::tag`]).
fn document_text(kind: Document, xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 4);
    let mut rest = xml.find(kind.start()).map_or(xml, |at| &xml[at..]);
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        if let Some(c) = kind.tag(&rest[open + 1..open + close]) {
            out.push(c);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    super::recover::html_decode(&out).0
}

/// Why the archive's directory could not be read.
enum Broken {
    /// No end record, or offsets outside the file.
    Damaged,
    /// ZIP64 (over 65,535 files or 4 GiB), which CA downloads never are.
    Zip64,
    /// An archive split over several files.
    Split,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The central directory's first [`MAX_FILES`] entries, in order, and how many there are.
fn directory(bytes: &[u8]) -> Result<(Vec<Entry<'_>>, usize), Broken> {
    const END: &[u8] = b"PK\x05\x06";
    // The end record is 22 bytes and a comment of at most 65,535, at the end of the file.
    let last = bytes.len().checked_sub(22).ok_or(Broken::Damaged)?;
    let first = last.saturating_sub(0xFFFF);
    let end = (first..=last)
        .rev()
        .find(|&at| bytes[at..].starts_with(END))
        .ok_or(Broken::Damaged)?;
    let field16 = |offset| u16_at(bytes, end + offset).ok_or(Broken::Damaged);
    let field32 = |offset| u32_at(bytes, end + offset).ok_or(Broken::Damaged);
    let (disk, directory_disk) = (field16(4)?, field16(6)?);
    let (on_disk, count) = (field16(8)?, field16(10)?);
    let (size, offset) = (field32(12)?, field32(16)?);
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        return Err(Broken::Zip64);
    }
    if disk != 0 || directory_disk != 0 || on_disk != count {
        return Err(Broken::Split);
    }
    let mut entries = Vec::new();
    let mut at = usize::try_from(offset).map_err(|_| Broken::Damaged)?;
    for _ in 0..count {
        if !bytes
            .get(at..)
            .is_some_and(|b| b.starts_with(b"PK\x01\x02"))
        {
            return Err(Broken::Damaged);
        }
        let field16 = |offset| u16_at(bytes, at + offset).ok_or(Broken::Damaged);
        let field32 = |offset| {
            u32_at(bytes, at + offset)
                .and_then(|v| usize::try_from(v).ok())
                .ok_or(Broken::Damaged)
        };
        let name_length = usize::from(field16(28)?);
        let extra_length = usize::from(field16(30)?);
        let next = at + 46 + name_length + extra_length + usize::from(field16(32)?);
        let name = bytes
            .get(at + 46..at + 46 + name_length)
            .ok_or(Broken::Damaged)?;
        let extra = bytes
            .get(at + 46 + name_length..at + 46 + name_length + extra_length)
            .ok_or(Broken::Damaged)?;
        let flags = field16(8)?;
        let compressed = field32(20)?;
        if entries.len() < MAX_FILES {
            entries.push(Entry {
                name: entry_name(name, flags, extra),
                flags,
                method: field16(10)?,
                crc: u32_at(bytes, at + 16).ok_or(Broken::Damaged)?,
                compressed,
                size: field32(24)?,
                data: local_data(bytes, field32(42)?, compressed),
            });
        }
        at = next;
    }
    Ok((entries, usize::from(count)))
}

/// A file's name as messages show it ([`decoded_name`]). Control characters are replaced: a name
/// comes from the file, and a terminal would act on an escape sequence. A name may be 65,535 bytes
/// long; past [`MAX_NAME_CHARS`] it is cut, marked `…`, so that the messages and locations that
/// repeat it stay short.
fn entry_name(raw: &[u8], flags: u16, extra: &[u8]) -> String {
    let text = decoded_name(raw, flags, extra);
    let mut name: String = text
        .chars()
        .take(MAX_NAME_CHARS)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(MAX_NAME_CHARS).is_some() {
        name.push('…');
    }
    name
}

/// A file's name as text. Bit 11 of its flags says UTF-8 (APPNOTE 4.4.4). Without it, the name is
/// in the writer's code page, with two ways to know it: the Info-ZIP Unicode Path extra field
/// (`0x7075`, APPNOTE 4.6.9: the name in UTF-8, beside the CRC-32 of the name it stands for), which
/// 7-Zip (since 21.02), `WinZip` and Info-ZIP write; else the bytes themselves. Tools of Linux and
/// macOS write UTF-8 without the flag, so valid UTF-8 is read as such; Windows' compressed folders
/// write the system's code page, which on a Chinese system is GBK, read as such when it decodes
/// to Chinese (ideographs, their punctuation, full-width forms beside ASCII), so that a name in
/// another code page (a Western one's `ü`) is not shown as made-up Chinese. Anything else shows
/// its unknown characters replaced.
fn decoded_name<'a>(raw: &'a [u8], flags: u16, extra: &[u8]) -> std::borrow::Cow<'a, str> {
    if flags & 0x0800 == 0 {
        if let Some(name) = unicode_path(extra, raw) {
            return name.into();
        }
        if raw.len() <= MAX_CODE_PAGE_NAME_BYTES
            && std::str::from_utf8(raw).is_err()
            && pairs_end_high(raw)
            && let Some(name) = super::code_page::gbk(raw).filter(|name| reads_as_chinese(name))
        {
            return name.into();
        }
    }
    String::from_utf8_lossy(raw)
}

/// The UTF-8 name of an Info-ZIP Unicode Path extra field among `extra`'s fields, when the field
/// is for `raw` (its CRC-32 is `raw`'s: a tool that renamed the file without updating the field
/// left it stale).
fn unicode_path(mut extra: &[u8], raw: &[u8]) -> Option<String> {
    while extra.len() >= 4 {
        let (id, size) = (u16_at(extra, 0)?, usize::from(u16_at(extra, 2)?));
        let data = extra.get(4..4 + size)?;
        if id == 0x7075 && data.len() >= 5 && data[0] == 1 {
            let crc = u32_at(data, 1)?;
            return (CRC32.checksum(raw) == crc)
                .then(|| String::from_utf8(data[5..].to_vec()).ok())
                .flatten();
        }
        extra = &extra[4 + size..];
    }
    None
}

/// Whether each byte past ASCII is followed by another (GBK's two bytes of a character): a Western
/// code page's letter before an ASCII one (`für` in code page 850 is `f`, `0x81`, `r`) would
/// decode as GBK's character `0x81 0x72`. Every character of GB2312 (all the common simplified
/// ones, their punctuation and full-width forms) ends past ASCII; only rare ones GBK added do not.
fn pairs_end_high(raw: &[u8]) -> bool {
    let mut bytes = raw.iter();
    while let Some(&byte) = bytes.next() {
        if byte >= 0x80 && bytes.next().is_none_or(|&trail| trail < 0x80) {
            return false;
        }
    }
    true
}

/// Whether a name decoded from a code page reads as Chinese: beside ASCII, only CJK ideographs,
/// CJK punctuation (`、` `《》` `【】`), full-width forms (`（）` `，`), dashes, quotes and `…`, and
/// the middle dot.
fn reads_as_chinese(name: &str) -> bool {
    name.chars().all(|c| {
        c.is_ascii()
            || matches!(c,
                '\u{3000}'..='\u{303F}'
                | '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{FF01}'..='\u{FF5E}'
                | '\u{2010}'..='\u{2026}'
                | '\u{00B7}')
    })
}

/// The CRC-32 of ZIP (APPNOTE 4.4.7): a file's content, a Unicode Path field's name.
const CRC32: crc::Crc<u32, crc::Table<1>> =
    crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);

/// The most characters of a file's name shown (a file system's usual limit).
const MAX_NAME_CHARS: usize = 255;

/// The longest name read as GBK: Windows' paths are at most 260 characters (`MAX_PATH`), 520
/// bytes in GBK, so a longer name is no compressed folder's and is not handed to the decoder (in
/// the page a call out of the module each).
const MAX_CODE_PAGE_NAME_BYTES: usize = 1_024;

/// A file's data, after its local header (whose name and extra field lengths are its own).
fn local_data(bytes: &[u8], local: usize, compressed: usize) -> Option<&[u8]> {
    if !bytes.get(local..)?.starts_with(b"PK\x03\x04") {
        return None;
    }
    let start = local
        + 30
        + usize::from(u16_at(bytes, local + 26)?)
        + usize::from(u16_at(bytes, local + 28)?);
    bytes.get(start..start.checked_add(compressed)?)
}

/// A file's content, inflated and checked, at most `room` bytes.
fn content(entry: &Entry<'_>, room: usize) -> Result<Vec<u8>, Unread> {
    if entry.flags & 1 != 0 {
        return Err(Unread::Encrypted);
    }
    let data = entry.data.ok_or(Unread::Damaged)?;
    let limit = MAX_FILE_BYTES.min(room);
    let content = match entry.method {
        0 if entry.size > limit => return Err(Unread::OverCeiling),
        0 if entry.compressed != entry.size => return Err(Unread::Damaged),
        0 => data.to_vec(),
        8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit) {
            Ok(content) => content,
            Err(error) if error.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                return Err(Unread::OverCeiling);
            }
            Err(_) => return Err(Unread::Damaged),
        },
        method => return Err(Unread::Method(method)),
    };
    if content.len() != entry.size || CRC32.checksum(&content) != entry.crc {
        return Err(Unread::Damaged);
    }
    Ok(content)
}

/// The file's own name, after its folders.
fn base_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// Folders, and what macOS and Windows add to archives they make.
fn is_clutter(name: &str) -> bool {
    let base = base_name(name);
    name.ends_with('/')
        || name.starts_with("__MACOSX/")
        || base.starts_with("._")
        || matches!(base, ".DS_Store" | "Thumbs.db" | "desktop.ini")
}

/// A file named as the password files CA and console downloads carry (`pfx-password.txt`,
/// `jks-password.txt`, `keystorePass.txt`, `密码.txt`).
fn is_password_file(name: &str) -> bool {
    let base = base_name(name).to_ascii_lowercase();
    let stem = base.strip_suffix(".txt").unwrap_or(&base);
    ["password", "passwd", "keystorepass", "密码"]
        .iter()
        .any(|word| stem.contains(word))
}

/// The password a password file holds: its one line, without a byte-order mark or the line break.
/// Windows writes such a file in UTF-8, in UTF-16 (Notepad's "Unicode", PowerShell 5's `>` and
/// `Out-File`) or in the system's code page (Notepad's "ANSI": GBK on a Chinese system).
fn password_in(content: &[u8]) -> Option<String> {
    if content.len() > MAX_PASSWORD_BYTES {
        return None;
    }
    let text = super::input::utf16_text(content)
        .or_else(|| String::from_utf8(content.to_vec()).ok())
        .or_else(|| super::code_page::gbk(content))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let line = text.trim_end_matches(['\r', '\n']);
    (!line.is_empty() && !line.contains(['\r', '\n'])).then(|| line.to_owned())
}

/// The passwords of `files` (the archive's password files) in the order they are tried on the
/// archive's file `entry`: those of its own folder first, then its parent's, and so on up, then
/// the rest; at each step those named for its kind of file before the others (`pfx-password.txt`
/// for a `.pfx` or `.p12`, `jks-password.txt` for a `.jks`, as Alibaba Cloud's downloads name
/// them), else in the archive's order.
fn passwords_for(entry: &str, files: &[PasswordFile]) -> Vec<String> {
    let folder = |name: &str| name.rfind('/').map_or(0, |at| at + 1);
    let extension = base_name(entry)
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase());
    let kind: &[&str] = match extension.as_deref() {
        Some("pfx" | "p12") => &["pfx", "p12", "pkcs12"],
        Some("jks" | "keystore") => &["jks", "keystore"],
        _ => &[],
    };
    let rank = |file: &PasswordFile| {
        let own = &file.entry[..folder(&file.entry)];
        // How near its folder is to the entry's: the depth of the shared folder when the entry is
        // inside it, else none.
        let nearness = entry.starts_with(own).then(|| own.matches('/').count());
        let base = base_name(&file.entry).to_ascii_lowercase();
        let named = kind.iter().any(|word| base.contains(word));
        (std::cmp::Reverse(nearness), !named)
    };
    let mut ranked: Vec<&PasswordFile> = files.iter().collect();
    // Stable: equals keep the archive's order.
    ranked.sort_by_key(|file| rank(file));
    let mut passwords: Vec<String> = Vec::with_capacity(ranked.len());
    for file in ranked {
        if !passwords.contains(&file.password) {
            passwords.push(file.password.clone());
        }
    }
    passwords
}

/// `archive-password-file`'s information for the password file `file`, one of the archive's
/// `count` password files.
fn password_file_read(file: &str, count: usize) -> Diagnostic {
    let (message, hint) = if count > 1 {
        (
            tr!(
                "a password of the archive's PKCS#12 files and encrypted keys was read from this file",
                "已从此文件读取压缩包中 PKCS#12 文件和加密私钥的一个密码"
            ),
            Hint::per_surface(
                tr!(
                    "nothing to do: each file of the archive is opened with the password file of its own folder first, then with the others (with the passphrase field's password when none is right), other inputs with the passphrase field's",
                    "无需处理：压缩包中的每个文件先用其所在文件夹的密码文件打开，再用其他密码文件（都不对时用口令框中的密码），其他输入用口令框中的密码"
                ),
                tr!(
                    "nothing to do: each file of the archive is opened with the password file of its own folder first, then with the others (with --passphrase-env's password when none is right), other inputs with --passphrase-env's",
                    "无需处理：压缩包中的每个文件先用其所在文件夹的密码文件打开，再用其他密码文件（都不对时用 --passphrase-env 给出的密码），其他输入用 --passphrase-env 给出的密码"
                ),
            ),
        )
    } else {
        (
            tr!(
                "the password of the archive's PKCS#12 file and encrypted keys was read from this file",
                "已从此文件读取压缩包中 PKCS#12 文件和加密私钥的密码"
            ),
            Hint::per_surface(
                tr!(
                    "nothing to do: the archive's files are opened with it (with the passphrase field's password when it is wrong), other inputs with the passphrase field's",
                    "无需处理：压缩包中的文件用它打开（它不对时用口令框中的密码），其他输入用口令框中的密码"
                ),
                tr!(
                    "nothing to do: the archive's files are opened with it (with --passphrase-env's password when it is wrong), other inputs with --passphrase-env's",
                    "无需处理：压缩包中的文件用它打开（它不对时用 --passphrase-env 给出的密码），其他输入用 --passphrase-env 给出的密码"
                ),
            ),
        )
    };
    Diagnostic::new(
        Code::ArchivePasswordFile,
        InputLocation::file(file),
        message,
        hint,
    )
}

/// `archive-password-tries-exhausted`'s warning for `file`, a locked file of an archive that the
/// archive's password files tried on it did not open, and whose other password files were not
/// tried ([`super::job::MAX_PASSWORD_RETRIES`]).
pub(crate) fn password_tries_exhausted(file: &str) -> Diagnostic {
    let most = super::job::MAX_PASSWORD_RETRIES;
    Diagnostic::new(
        Code::ArchivePasswordTriesExhausted,
        InputLocation::file(file),
        tr!(
            "this file was not tried with all of the archive's password files: one analysis tries at most {most} beyond each file's first, and had tried that many (nor are the files after it)",
            "没有用压缩包中所有的密码文件尝试此文件：一次分析在每个文件的第一个密码文件之外最多再尝试 {most} 次，已经用完（此后的文件也不再尝试）"
        ),
        Hint::per_surface(
            tr!(
                "type its password in the passphrase field, or give the file with its own password file",
                "请在口令框中输入它的密码，或把该文件和它自己的密码文件一起给出"
            ),
            tr!(
                "give its password with --passphrase-env, or give the file with its own password file",
                "请用 --passphrase-env 给出它的密码，或把该文件和它自己的密码文件一起给出"
            ),
        ),
    )
}

/// Whether a file may hold certificates or keys: by its name's extension, or by its content
/// (a PEM armour, DER, a keystore, an SSH key).
fn is_material(name: &str, content: &[u8]) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pem",
        "crt",
        "cer",
        "cert",
        "key",
        "csr",
        "req",
        "der",
        "p7b",
        "p7c",
        "p12",
        "pfx",
        "jks",
        "keystore",
        "ca-bundle",
        "chain",
        "bundle",
    ];
    let base = base_name(name).to_ascii_lowercase();
    let by_name = base
        .rsplit_once('.')
        .is_some_and(|(_, extension)| EXTENSIONS.contains(&extension));
    let armour = content.windows(11).any(|w| w == b"-----BEGIN ");
    by_name
        || armour
        || content.first() == Some(&0x30)
        || foreign::by_magic(content).is_some()
        || content.starts_with(b"ssh-")
        || content.starts_with(b"PuTTY-User-Key-File-")
}

/// Up to ten names, and how many more there were.
fn listed(names: &[String]) -> String {
    let mut out = names
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > 10 {
        out.push_str(&format!(", … (+{})", names.len() - 10));
    }
    out
}

fn opened(name: &str, listing: &Listing) -> Diagnostic {
    let Listing {
        read,
        skipped,
        nested,
        unread,
        ..
    } = listing;
    let (count, files) = (read.len(), listed(read));
    let mut message = if read.is_empty() && *unread > 0 {
        tr!(
            "a ZIP archive: {unread} of its files could not be read (below), and no other holds certificates or keys",
            "ZIP 压缩包：其中 {unread} 个文件无法读取（见下文），其他文件中没有证书或私钥"
        )
    } else if read.is_empty() && !nested.is_empty() {
        tr!(
            "a ZIP archive of archives: none of its own files holds certificates or keys",
            "装有其他压缩包的 ZIP 压缩包：其自身的文件中没有证书或私钥"
        )
    } else if read.is_empty() {
        tr!(
            "a ZIP archive with no certificate, key or request in it",
            "ZIP 压缩包，其中没有证书、私钥或证书请求"
        )
    } else {
        tr!(
            "a ZIP archive: {count} of its files are read as inputs of their own ({files})",
            "ZIP 压缩包：其中 {count} 个文件作为单独的输入读取（{files}）"
        )
    };
    if !skipped.is_empty() {
        let files = listed(skipped);
        message = join(
            message,
            tr!(
                "not read, holding no certificate or key: {files}",
                "未读取（其中没有证书或私钥）：{files}"
            ),
        );
    }
    if !nested.is_empty() {
        let files = listed(nested);
        message = join(
            message,
            tr!(
                "archives inside it, not opened: {files}",
                "其中的压缩包未打开：{files}"
            ),
        );
    }
    if listing.past_bytes > 0 {
        let (count, total) = (listing.past_bytes, MAX_TOTAL_BYTES >> 20);
        message = join(
            message,
            tr!(
                "{count} file(s) not read: the archive inflates past the ceiling of {total} MiB in all",
                "{count} 个文件未读取：压缩包解压后超过总上限 {total} MiB"
            ),
        );
    }
    if listing.past_count > 0 {
        let count = listing.past_count;
        message = join(
            message,
            tr!(
                "{count} file(s) past the first {MAX_FILES} not looked at",
                "超出前 {MAX_FILES} 个文件的 {count} 个文件未查看"
            ),
        );
    }
    let hint = if read.is_empty() && *unread > 0 {
        tr!(
            "see the files that could not be read",
            "请查看无法读取的文件"
        )
    } else if read.is_empty() {
        tr!("see the error below", "请查看下面的错误")
    } else {
        tr!(
            "nothing to do; no target takes an archive: what is uploaded is built from the files read",
            "无需处理；没有目标接受压缩包：上传的内容由读取到的文件生成"
        )
    };
    Diagnostic::new(
        Code::ArchiveOpened,
        InputLocation::file(name),
        message,
        hint,
    )
}

fn join(first: Text, then: Text) -> Text {
    Text::new(
        format!("{}; {}", first.en(), then.en()),
        format!("{}；{}", first.zh(), then.zh()),
    )
}

fn unreadable_archive(name: &str, why: Broken) -> Diagnostic {
    let message = match why {
        Broken::Damaged => tr!(
            "a ZIP archive whose directory cannot be read: it is damaged or was cut short",
            "ZIP 压缩包的目录无法读取：文件已损坏或不完整"
        ),
        Broken::Zip64 => tr!(
            "a ZIP64 archive (over 65,535 files or 4 GiB), which is not read here",
            "ZIP64 压缩包（超过 65,535 个文件或 4 GiB），此处不读取"
        ),
        Broken::Split => tr!(
            "one part of a ZIP archive split over several files, which is not read here",
            "分卷 ZIP 压缩包的一部分，此处不读取"
        ),
    };
    Diagnostic::new(
        Code::ArchiveUnreadable,
        InputLocation::file(name),
        message,
        tr!(
            "extract the archive with your system's tool (download it again if it is damaged) and give its certificate and key files",
            "请用系统自带的工具解压（如已损坏请重新下载），再给出其中的证书和私钥文件"
        ),
    )
}

fn unreadable_file(name: &str, why: &Unread) -> Diagnostic {
    let message = match why {
        Unread::Encrypted => tr!(
            "this file of the archive is encrypted with the archive's password, which is not read here",
            "压缩包中的此文件用压缩包密码加密，此处不读取"
        ),
        Unread::Method(method) => tr!(
            "this file of the archive is compressed with method {method} (only stored and deflated files are read here)",
            "压缩包中的此文件使用压缩方法 {method}（此处只读取未压缩和 deflate 压缩的文件）"
        ),
        Unread::Damaged => tr!(
            "this file of the archive is damaged (its data or checksum does not match)",
            "压缩包中的此文件已损坏（数据或校验和不符）"
        ),
        Unread::OverCeiling => {
            let ceiling = MAX_FILE_BYTES >> 20;
            tr!(
                "this file of the archive inflates past the ceiling of {ceiling} MiB a file; it was not read",
                "压缩包中的此文件解压后超过单个文件的上限 {ceiling} MiB，未读取"
            )
        }
    };
    Diagnostic::new(
        Code::ArchiveUnreadable,
        InputLocation::file(name),
        message,
        tr!(
            "extract the archive with your system's tool (with its password, if it has one) and give this file",
            "请用系统自带的工具解压（如有密码请输入），再给出此文件"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Archives written by Java's jar, Info-ZIP's zip and Python's zipfile (tests/vectors/generate.py).
    const JAR: &[u8] = include_bytes!(
        "../../tests/vectors/inspect/archive-apache-download-java-jar/input/example.com_apache.test-only.zip"
    );
    const INFO_ZIP: &[u8] = include_bytes!(
        "../../tests/vectors/inspect/archive-nginx-download-info-zip/input/example.com_nginx.test-only.zip"
    );
    const ZIPFILE: &[u8] = include_bytes!(
        "../../tests/vectors/inspect/archive-tomcat-download-pfx-and-password-file/input/example.com_tomcat.test-only.zip"
    );

    fn names(opened: &Opened) -> Vec<&str> {
        opened.files.iter().map(|file| file.name.as_str()).collect()
    }

    fn codes(opened: &Opened) -> Vec<Code> {
        opened.diagnostics.iter().map(|d| d.code).collect()
    }

    /// Where each central directory header starts.
    fn central_headers(bytes: &[u8]) -> Vec<usize> {
        (0..bytes.len())
            .filter(|&at| bytes[at..].starts_with(b"PK\x01\x02"))
            .collect()
    }

    #[test]
    fn the_files_of_real_archives_are_read_and_clutter_is_not() {
        let jar = open("a.zip", JAR);
        assert_eq!(
            names(&jar),
            [
                "a.zip/example.com_apache/example.com.key",
                "a.zip/example.com_apache/example.com_chain.crt",
                "a.zip/example.com_apache/example.com_public.crt",
            ]
        );
        assert!(
            jar.files
                .iter()
                .all(|f| f.bytes.starts_with(b"-----BEGIN "))
        );
        assert_eq!(codes(&jar), [Code::ArchiveOpened]);
        // Info-ZIP writes the folder as an entry of its own; the readme is named as not read.
        let zip = open("n.zip", INFO_ZIP);
        assert_eq!(names(&zip).len(), 2);
        assert!(
            zip.diagnostics[0]
                .message
                .contains("not read, holding no certificate or key: example.com_nginx/readme.txt")
        );
        // The password file is read (generate.py's TOMCAT_PASSWORD) and is no input.
        let tomcat = open("t.zip", ZIPFILE);
        assert_eq!(names(&tomcat), ["t.zip/example.com.pfx"]);
        assert_eq!(tomcat.files[0].passwords, ["k7Qz9pWx2Lr4"]);
        assert_eq!(
            codes(&tomcat),
            [Code::ArchiveOpened, Code::ArchivePasswordFile]
        );
        assert!(is_zip(JAR) && is_zip(b"PK\x05\x06") && !is_zip(b"PK"));
        assert_eq!(
            entry_name(b"a\x1b[31m\x07b\x9f.pem", 0, &[]),
            "a\u{FFFD}[31m\u{FFFD}b\u{FFFD}.pem"
        );
        assert_eq!(
            entry_name("证书/中文.pem".as_bytes(), 0, &[]),
            "证书/中文.pem"
        );
        let long = entry_name(&[b'a'; 70_000], 0, &[]);
        assert_eq!(long.chars().count(), MAX_NAME_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(
            entry_name(&[b'a'; MAX_NAME_CHARS], 0, &[]).chars().count(),
            MAX_NAME_CHARS
        );
    }

    #[test]
    fn names_in_a_chinese_code_page_or_a_unicode_field_are_read_as_written() {
        // "服务器证书/密码.txt" as Windows' compressed folders write it on a Chinese system (GBK, no
        // flag; the case archive-chinese-windows-gbk-names holds Info-ZIP's archive of it).
        let gbk = b"\xb7\xfe\xce\xf1\xc6\xf7\xd6\xa4\xca\xe9/\xc3\xdc\xc2\xeb.txt";
        assert_eq!(entry_name(gbk, 0, &[]), "服务器证书/密码.txt");
        assert!(is_password_file(&entry_name(gbk, 0, &[])));
        // The flag says UTF-8: not GBK, whatever the bytes.
        let flagged = entry_name(gbk, 0x0800, &[]);
        assert!(
            flagged.contains('\u{FFFD}') && !flagged.contains('服'),
            "{flagged}"
        );
        // A Western code page's letters are not made into Chinese: `für`, `Zoë` (code page 850),
        // and a name that is GBK but for Japanese kana (Shift_JIS would be garbage either way).
        assert_eq!(entry_name(b"f\x81r.pfx", 0, &[]), "f\u{FFFD}r.pfx");
        assert_eq!(entry_name(b"Zo\x89.pfx", 0, &[]), "Zo\u{FFFD}.pfx");
        assert!(entry_name(b"\xa4\xa2.pfx", 0, &[]).starts_with('\u{FFFD}'));
        // A name longer than any Windows path is not handed to the decoder.
        let long = b"\xca\xe9".repeat(MAX_CODE_PAGE_NAME_BYTES / 2 + 1);
        assert!(entry_name(&long, 0, &[]).starts_with('\u{FFFD}'));
        assert_eq!(entry_name(&long[2..], 0, &[]).chars().next(), Some('书'));
        // Full-width brackets and an ideographic comma, as a copied file is named.
        assert_eq!(
            entry_name(
                b"\xd6\xa4\xca\xe9\xa3\xa8\xb8\xb1\xb1\xbe\xa3\xa9\xa1\xa2.pem",
                0,
                &[]
            ),
            "证书（副本）、.pem"
        );
        // The Info-ZIP Unicode Path field (7-Zip's since 21.02) names the file when its CRC-32 is
        // that of the name it stands for, here a Western "ö" (code page 437's 0x94) beside another
        // field (NTFS times), as Windows tools write them.
        let raw = b"File 2 - \x94.txt";
        let field = |crc: u32| {
            let mut extra = vec![0x0a, 0x00, 4, 0, 0, 0, 0, 0, 0x75, 0x70];
            let name = "File 2 - ö.txt".as_bytes();
            extra.extend(u16::try_from(5 + name.len()).unwrap().to_le_bytes());
            extra.push(1);
            extra.extend(crc.to_le_bytes());
            extra.extend(name);
            extra
        };
        let right = field(CRC32.checksum(raw));
        assert_eq!(entry_name(raw, 0, &right), "File 2 - ö.txt");
        // A stale field (the file renamed after it was written), a field cut short: the bytes'.
        let stale = field(CRC32.checksum(b"File 2.txt"));
        assert_eq!(entry_name(raw, 0, &stale), "File 2 - \u{FFFD}.txt");
        assert_eq!(
            entry_name(raw, 0, &right[..right.len() - 3]),
            "File 2 - \u{FFFD}.txt"
        );
    }

    #[test]
    fn archives_inside_an_archive_are_named_not_opened() {
        // A ZIP of the vendors' ZIPs, as a CA's "all formats" download holds them (Python's zipfile
        // around the Info-ZIP and jar archives of the corpus).
        let outer = include_bytes!(
            "../../tests/vectors/inspect/archive-nested/input/all-formats.test-only.zip"
        );
        let opened = open("all.zip", outer);
        assert!(opened.files.is_empty());
        let message = &opened.diagnostics[0].message;
        assert!(
            message.starts_with("a ZIP archive of archives"),
            "{message}"
        );
        assert!(
            message.contains("archives inside it, not opened: "),
            "{message}"
        );
    }

    #[test]
    fn a_word_body_is_read_as_its_text() {
        let xml = "<?xml version='1.0'?>\n<w:document xmlns:w=\"x\"><w:body>\
            <w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>证书 &amp; 私钥：</w:t></w:r></w:p>\
            <w:p><w:r><w:t>-----BEGIN CERTIFICATE-----</w:t><w:br/><w:t>MIIB</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>az+/</w:t></w:r></w:p>\
            <w:p><w:r><w:tab/><w:t xml:space=\"preserve\">-----END CERTIFICATE-----</w:t></w:r></w:p></w:body></w:document>";
        assert_eq!(
            document_text(Document::Word, xml),
            "证书 & 私钥：\n-----BEGIN CERTIFICATE-----\nMIIBaz+/\n\t-----END CERTIFICATE-----\n"
        );
    }

    #[test]
    fn an_opendocument_body_is_read_as_its_text() {
        // As LibreOffice writes content.xml: styles before the body, headings, an empty paragraph,
        // spans, a line break, a tab, runs of spaces.
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content><office:automatic-styles>\
            <style:style style:name=\"P1\"><style:paragraph-properties/></style:style></office:automatic-styles>\
            <office:body><office:text><text:h text:outline-level=\"1\">证书 &amp; 私钥</text:h><text:p text:style-name=\"P1\"/>\
            <text:p>-----BEGIN CERTIFICATE-----<text:line-break/>MII<text:span text:style-name=\"T1\">Baz+/</text:span></text:p>\
            <text:p><text:tab/>-----END CERTIFICATE-----<text:s text:c=\"3\"/>x<text:s/>y</text:p></office:text></office:body></office:document-content>";
        assert_eq!(
            document_text(Document::Open, xml),
            "证书 & 私钥\n\n-----BEGIN CERTIFICATE-----\nMIIBaz+/\n\t-----END CERTIFICATE----- x y\n"
        );
    }

    #[test]
    fn password_files_are_known_by_the_names_vendors_give_them() {
        for name in [
            "pfx-password.txt",
            "example.com_iis/jks-password.txt",
            "keystorePass.txt",
            "Tomcat/keystorepass.txt",
            "密码.txt",
            "password",
        ] {
            assert!(is_password_file(name), "{name}");
        }
        for name in ["readme.txt", "server.key", "server.pfx", "passport.txt"] {
            assert!(!is_password_file(name), "{name}");
        }
        assert_eq!(
            password_in(b"\xef\xbb\xbfk7Qz\r\n").as_deref(),
            Some("k7Qz")
        );
        // PowerShell 5's `"k7Qz" > pfx-password.txt` (UTF-16LE with its mark, CRLF), Notepad's
        // "ANSI" on a Chinese system (GBK: "证书密码").
        assert_eq!(
            password_in(b"\xff\xfek\x007\x00Q\x00z\x00\r\x00\n\x00").as_deref(),
            Some("k7Qz")
        );
        assert_eq!(
            password_in(b"\xd6\xa4\xca\xe9\xc3\xdc\xc2\xeb\r\n").as_deref(),
            Some("证书密码")
        );
        assert_eq!(password_in(b"one\ntwo\n"), None);
        assert_eq!(password_in(b"\n"), None);
        assert_eq!(password_in(&[b'x'; 300]), None);
    }

    #[test]
    fn each_file_tries_the_password_file_of_its_own_folder_first() {
        let files: Vec<PasswordFile> = [
            ("IIS/keystorePass.txt", "iis"),
            ("Tomcat/jks-password.txt", "jks"),
            ("Tomcat/pfx-password.txt", "pfx"),
            ("password.txt", "top"),
            ("Tomcat/old/keystorePass.txt", "iis"),
        ]
        .into_iter()
        .map(|(entry, password)| PasswordFile {
            entry: entry.to_owned(),
            password: password.to_owned(),
        })
        .collect();
        let order = |entry: &str| passwords_for(entry, &files);
        // Its folder's first, then up, then the rest; at each step those named for its kind
        // before the others, else in the archive's order; each password once.
        assert_eq!(order("Tomcat/server.pfx"), ["pfx", "jks", "top", "iis"]);
        assert_eq!(order("Tomcat/server.jks"), ["jks", "pfx", "top", "iis"]);
        assert_eq!(order("IIS/server.pfx"), ["iis", "top", "pfx", "jks"]);
        assert_eq!(order("Tomcat/old/server.p12"), ["iis", "pfx", "jks", "top"]);
        assert_eq!(order("server.key"), ["top", "iis", "jks", "pfx"]);
        // A folder whose name starts like another's is not inside it.
        assert_eq!(order("IIS2/server.pfx"), ["top", "pfx", "iis", "jks"]);
    }

    #[test]
    fn every_cut_and_every_changed_byte_gives_the_files_as_written_or_says_why() {
        for archive in [JAR, INFO_ZIP, ZIPFILE] {
            let whole = open("a.zip", archive);
            let contents: Vec<&Vec<u8>> = whole.files.iter().map(|f| &f.bytes).collect();
            let passwords = |opened: &Opened| {
                opened
                    .files
                    .iter()
                    .map(|f| usize::from(!f.passwords.is_empty()))
                    .max()
                    .unwrap_or(0)
            };
            let check = |opened: &Opened, what: &str| {
                // The checksum holds every file read to what was written.
                for File { name, bytes, .. } in &opened.files {
                    assert!(contents.contains(&bytes), "{what}: {name} read changed");
                }
                let said = opened
                    .diagnostics
                    .iter()
                    .any(|d| d.code == Code::ArchiveUnreadable);
                assert!(
                    said || opened.files.len() + passwords(opened)
                        >= whole.files.len() + passwords(&whole)
                        || opened.diagnostics[0].message.contains("not read"),
                    "{what}: a file went missing unsaid"
                );
            };
            for cut in 0..archive.len() {
                check(&open("a.zip", &archive[..cut]), &format!("cut at {cut}"));
            }
            for at in 0..archive.len() {
                let mut changed = archive.to_vec();
                changed[at] ^= 0x55;
                check(&open("a.zip", &changed), &format!("byte {at} changed"));
            }
        }
    }

    #[test]
    fn what_is_not_read_is_said_for_what_it_is() {
        let said = |bytes: &[u8]| -> String {
            let opened = open("a.zip", bytes);
            let unreadable: Vec<&Diagnostic> = opened
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::ArchiveUnreadable)
                .collect();
            assert_eq!(unreadable.len(), 1, "{:?}", codes(&opened));
            unreadable[0].message.clone()
        };
        let first = central_headers(JAR)[1]; // after the folder's entry
        let set = |at: usize, value: &[u8]| {
            let mut bytes = JAR.to_vec();
            bytes[at..at + value.len()].copy_from_slice(value);
            bytes
        };
        assert!(said(&set(first + 8, &[1, 8])).contains("encrypted"));
        assert!(said(&set(first + 10, &12u16.to_le_bytes())).contains("method 12"));
        assert!(said(&set(first + 16, &[0, 0, 0, 0])).contains("damaged"));
        let end = JAR.len() - 22;
        assert!(said(&set(end + 10, &[0xFF, 0xFF])).contains("ZIP64"));
        assert!(said(&set(end + 4, &[1, 0])).contains("split"));
        assert!(said(&JAR[..end]).contains("cut short"));
    }
}
