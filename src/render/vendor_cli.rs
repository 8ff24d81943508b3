//! A target's vendor CLI command ([`VendorCommand`]) written as a script.

use super::shell::{
    HISTORY_OFF, HISTORY_RESTORED, Masking, Scratch, history_note, masking, permission_note,
    shell_quote, subshell, write_file_lines,
};
use crate::lang::Lang;
use crate::providers::{CliArg, Permission, VendorCommand};

/// A vendor CLI command as a script: its notes as comments, its files written into a scratch
/// directory by quoted here-documents, then the command, each argument on its own line. A file's
/// content (PEM, possibly a private key) never appears in argv as written here; the CLI reads it
/// through `"$(cat FILE)"` when it runs. The permission the call needs is named, and the members of its output named in `answer_masks` (the
/// answer's copy of a private key) are printed masked. Only the notes (the comment lines) are in
/// `lang`.
pub(crate) fn vendor_cli(
    command: &VendorCommand,
    permission: Option<&Permission>,
    answer_masks: &[&str],
    lang: Lang,
) -> String {
    let mut out = String::new();
    for line in command.notes.iter().flat_map(|note| note.get(lang).lines()) {
        out.push_str(&format!("# {line}\n"));
    }
    if let Some(permission) = permission {
        out.push_str(&permission_note(permission, lang));
    }
    let masking = masking(answer_masks);
    if let Some(masking) = &masking {
        out.push_str(&masking.note(lang));
    }
    out.push_str(&history_note(lang));
    out.push_str(HISTORY_OFF);
    out.push_str(&subshell("(", Scratch::Dir));
    for (name, content) in &command.files {
        out.push_str(&write_file_lines(
            &format!("\"$dir/{}\"", file_name(name)),
            content,
            "CERT_PREFLIGHT_PEM",
        ));
    }
    if masking.is_some() {
        out.push_str(Masking::BEFORE);
    }
    out.push_str("  ");
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
        }
    }
    if let Some(masking) = &masking {
        out.push_str(&masking.tail);
    }
    out.push_str("\n)\n");
    out.push_str(HISTORY_RESTORED);
    out
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
