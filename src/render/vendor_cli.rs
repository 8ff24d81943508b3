//! A target's vendor CLI command ([`VendorCommand`]) written as a script.

use super::shell::{UploadScript, shell_quote, write_file_lines};
use crate::lang::Lang;
use crate::providers::{CliArg, Permission, VendorCommand};

/// A vendor CLI command as a script ([`UploadScript`]): its notes first ([`super::shell::notes`]),
/// its files written into a scratch directory by quoted here-documents, then the command, each
/// argument on its own line. A file's content (PEM, possibly a private key) never appears in the
/// script's text after the here-document: the program is given it through `"$(cat FILE)"` (an
/// argument) or the file's path (read by the program itself, out of every argument). The
/// permission the call needs is named, and the members of its output named in `answer_masks` (the
/// answer's copy of a private key) are printed masked. Only the notes are in `lang`.
pub(crate) fn vendor_cli(
    command: &VendorCommand,
    permission: Option<&Permission>,
    answer_masks: &[&str],
    lang: Lang,
) -> String {
    let notes = command
        .notes
        .iter()
        .flat_map(|note| note.get(lang).lines())
        .map(str::to_owned)
        .collect();
    let mut script = UploadScript::open(notes, permission, answer_masks, lang);
    for (name, content) in &command.files {
        script.text.push_str(&write_file_lines(
            &format!("\"$dir/{}\"", file_name(name)),
            content,
            "CERT_PREFLIGHT_FILE",
        ));
    }
    script.command();
    let out = &mut script.text;
    out.push_str(&shell_quote(command.program));
    for word in &command.operation {
        out.push(' ');
        out.push_str(&shell_quote(word));
    }
    for arg in &command.args {
        out.push_str(" \\\n    ");
        match arg {
            CliArg::Flag { name } => out.push_str(&shell_quote(name)),
            CliArg::Value {
                name,
                value,
                joined: true,
            } => out.push_str(&shell_quote(&format!("{name}={value}"))),
            CliArg::Value { name, value, .. } => {
                out.push_str(&format!("{} {}", shell_quote(name), shell_quote(value)))
            }
            CliArg::File { name, file } => out.push_str(&format!(
                "{}=\"$(cat \"$dir/{}\")\"",
                shell_quote(name),
                file_name(file)
            )),
            CliArg::Path { name, file } => out.push_str(&format!(
                "{}=\"$dir/{}\"",
                shell_quote(name),
                file_name(file)
            )),
        }
    }
    script.close("")
}

/// A file name safe inside double quotes: only letters, digits, `.`, `_` and `-` are kept.
fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}
