//! The shell-script builder every generated script goes through, with the quoting rules in one
//! place: single-quoted words ([`shell_quote`]), files written by quoted here-documents with a
//! delimiter that is not a line of the content ([`write_file_lines`]), the notes a script opens
//! with ([`notes`]: a here-document, not `#` lines) and the one preamble (`subshell`: `set -e`,
//! `umask 077`, a scratch file or directory removed on exit).

/// Quotes a string for POSIX shells: single quotes, each `'` written as `'\''`.
pub(crate) fn shell_quote(text: &str) -> String {
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@,+%".contains(&b))
    {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A here-document delimiter that does not occur as a line of `content`.
pub(super) fn heredoc_delimiter(base: &str, content: &str) -> String {
    let mut delimiter = base.to_owned();
    let mut n = 0;
    while content.lines().any(|line| line == delimiter) {
        n += 1;
        delimiter = format!("{base}_{n}");
    }
    delimiter
}

/// Shell lines that write `content` to the file named by `path_expr` (a shell word such as
/// `"$dir/ca.pem"`) exactly: a quoted here-document (no expansion of `$`, backticks or `\`), with
/// the here-document's own final newline removed by `printf '%s' "$(...)"` when `content` does not
/// end with one. `content` must not hold NUL bytes.
pub(super) fn write_file_lines(path_expr: &str, content: &str, delimiter_base: &str) -> String {
    let delimiter = heredoc_delimiter(delimiter_base, content);
    if let Some(body) = content.strip_suffix('\n')
        && !body.ends_with('\n')
    {
        // Ends with exactly one newline, which the here-document supplies.
        return format!("cat > {path_expr} <<'{delimiter}'\n{body}\n{delimiter}\n");
    }
    if !content.ends_with('\n') {
        // `$(...)` strips the here-document's final newline (and nothing else: content has none).
        return format!(
            "printf '%s' \"$(cat <<'{delimiter}'\n{content}\n{delimiter}\n)\" > {path_expr}\n"
        );
    }
    // Several final newlines: write without them, then append them.
    let trimmed = content.trim_end_matches('\n');
    let extra = content.len() - trimmed.len();
    format!(
        "printf '%s' \"$(cat <<'{delimiter}'\n{trimmed}\n{delimiter}\n)\" > {path_expr}\nprintf '{}' >> {path_expr}\n",
        "\\n".repeat(extra)
    )
}

/// The notes a script opens with (what it does, how it was signed, what it needs), one line of
/// text each, as a quoted here-document given to `:` (which does nothing with it). `#` comments
/// are not comments in an interactive zsh unless `INTERACTIVE_COMMENTS` is set (zsh's default and
/// macOS's leave it off): there `#` is a command, and a note's `'`, `(` or `$` made the whole
/// pasted script a parse error, so nothing ran. A here-document parses the same in every shell and
/// expands nothing. Its first line starts with a space, which bash with `HISTCONTROL=ignorespace`
/// (Debian's and Ubuntu's default `ignoreboth`) and zsh with `HIST_IGNORE_SPACE` (Oh My Zsh's)
/// keep out of their history.
pub(super) fn notes(lines: &[String]) -> String {
    let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
    let delimiter = heredoc_delimiter("NOTE", &text);
    format!(" : <<'{delimiter}'\n{text}{delimiter}\n")
}

/// The temporary place a script works in, removed when it exits.
#[derive(Clone, Copy, Debug)]
pub(super) enum Scratch {
    /// One file, held in this shell variable.
    File(&'static str),
    /// A directory, held in `$dir`.
    Dir,
}

/// The opening of every generated script: `open` (`(` or `VAR=$(`), then `set -e`, `umask 077`
/// and the scratch file or directory with its cleanup trap.
pub(super) fn subshell(open: &str, scratch: Scratch) -> String {
    let mut out = format!("{open}\n  set -e\n  umask 077\n");
    match scratch {
        Scratch::File(var) => out.push_str(&format!(
            "  {var}=$(mktemp)\n  trap 'rm -f \"${var}\"' EXIT\n"
        )),
        Scratch::Dir => out.push_str("  dir=$(mktemp -d)\n  trap 'rm -rf \"$dir\"' EXIT\n"),
    }
    out
}

/// The line before a script that may hold a private key (in its here-documents): an interactive
/// bash or zsh writes nothing of it to its history file (`~/.bash_history`, `~/.zsh_history` would
/// keep the key). bash turns history off where `SHELLOPTS` says it is on; the lines that follow are
/// not recorded, pasted line by line or at once (bracketed paste). zsh records a bracketed paste
/// (its default since 5.1, which terminals use) as one entry before any of it runs, so this line
/// cannot keep it out of the list: it sets `HISTORY_IGNORE` (a pattern zsh skips whenever it
/// writes its history file) to leave out every command naming `CERT_PREFLIGHT_HISTORY`, added to
/// the user's own pattern and kept set afterwards (the file may be written at exit); it also pushes
/// an empty history list with no file (`fc -p`) for a paste read line by line. The command that
/// undoes the rest is kept in a variable for [`HISTORY_RESTORED`]; other shells skip both.
const HISTORY_OFF: &str = "case ${SHELLOPTS-} in *history*) set +o history; \
     CERT_PREFLIGHT_HISTORY='set -o history' ;; esac; [ -z \"${ZSH_VERSION-}\" ] || \
     { fc -p; CERT_PREFLIGHT_HISTORY='fc -P'; case ${HISTORY_IGNORE-} in \
     *CERT_PREFLIGHT_HISTORY*) ;; '') HISTORY_IGNORE='*CERT_PREFLIGHT_HISTORY*' ;; \
     *) HISTORY_IGNORE=\"($HISTORY_IGNORE|*CERT_PREFLIGHT_HISTORY*)\" ;; esac; }\n";

/// The line after such a script: history as it was (the variable's command run, if any), no
/// variable left behind, and the script's own exit status kept (`$?` and the variable are
/// expanded before `eval` runs).
const HISTORY_RESTORED: &str = "eval \"unset CERT_PREFLIGHT_HISTORY; \
     ${CERT_PREFLIGHT_HISTORY:+$CERT_PREFLIGHT_HISTORY;} (exit $?)\"\n";

/// What a script does so that the JSON members named in `members` never reach its output: the
/// command's output goes to `"$dir/answer"` (in the scratch directory, made under `umask 077`),
/// is printed through `sed` with each member's string value as `******` (wherever the member is
/// and however the JSON is spaced), and then the script ends with the command's status if it
/// failed. POSIX shell only (no `pipefail`, which dash lacks). Member names are letters, digits
/// and `_`; any other character is dropped from the pattern. `None` without members.
fn masking(members: &[&str]) -> Option<Masking> {
    let names: Vec<String> = members
        .iter()
        .map(|name| {
            name.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    // A JSON string: characters other than `"` and `\`, or `\` and the character it escapes.
    let pattern = format!(
        r#"s/("({})"[[:space:]]*:[[:space:]]*)"([^"\\]|\\.)*"/\1"******"/g"#,
        names.join("|")
    );
    Some(Masking {
        tail: format!(
            " >\"$dir/answer\" || rc=$?\n  sed -E {} \"$dir/answer\"\n  [ \"$rc\" -eq 0 ] || exit \"$rc\"",
            shell_quote(&pattern)
        ),
        members: names,
    })
}

/// The pieces [`masking`] adds to a script whose scratch is [`Scratch::Dir`].
struct Masking {
    /// What follows the command's last argument, on its line: the redirection, the status kept,
    /// then the lines that print the answer masked and end the script on a failure.
    tail: String,
    /// The members masked, for the note.
    members: Vec<String>,
}

impl Masking {
    /// The line before the command: its status, 0 until it fails.
    const BEFORE: &'static str = "  rc=0\n";

    /// The note that says so, in `lang`.
    fn note(&self, lang: crate::lang::Lang) -> String {
        lang.pick(
            format!(
                "The answer repeats the private key ({}): this prints ****** in its place.",
                self.members.join(", ")
            ),
            format!(
                "应答会返回私钥（{}）：此处输出时以 ****** 代替。",
                self.members.join("、")
            ),
        )
    }
}

/// An upload script (the curl command, the vendor CLI command) as it is written: after the
/// caller's own notes, [`UploadScript::open`] names the permission the call needs, says what the
/// answer's masking and the history guard do (all of them in one [`notes`] block), turns history
/// off ([`HISTORY_OFF`]) and opens the subshell with its scratch directory; the caller writes its
/// files, then [`UploadScript::command`] before the program's line and [`UploadScript::close`]
/// after its last argument (the masking, the subshell's end, history restored).
pub(super) struct UploadScript {
    /// The script so far.
    pub text: String,
    masking: Option<Masking>,
}

impl UploadScript {
    /// Opens the script with `lines` (the caller's notes) and its own.
    pub(super) fn open(
        mut lines: Vec<String>,
        permission: Option<&crate::providers::Permission>,
        answer_masks: &[&str],
        lang: crate::lang::Lang,
    ) -> Self {
        if let Some(permission) = permission {
            lines.push(permission_note(permission, lang));
        }
        let masking = masking(answer_masks);
        if let Some(masking) = &masking {
            lines.push(masking.note(lang));
        }
        lines.push(history_note(lang));
        let mut text = notes(&lines);
        text.push_str(HISTORY_OFF);
        text.push_str(&subshell("(", Scratch::Dir));
        Self { text, masking }
    }

    /// Starts the program's line (after the files are written): its status kept when its answer
    /// is masked, then the indentation.
    pub(super) fn command(&mut self) {
        if self.masking.is_some() {
            self.text.push_str(Masking::BEFORE);
        }
        self.text.push_str("  ");
    }

    /// Ends the script after the program's last argument: the answer printed masked, `last` (the
    /// subshell's last lines, without its `)`), the subshell closed, history restored.
    pub(super) fn close(mut self, last: &str) -> String {
        if let Some(masking) = &self.masking {
            self.text.push_str(&masking.tail);
        }
        self.text.push_str(last);
        self.text.push_str("\n)\n");
        self.text.push_str(HISTORY_RESTORED);
        self.text
    }
}

/// The note that says why [`HISTORY_OFF`] is there, in `lang`.
fn history_note(lang: crate::lang::Lang) -> String {
    lang.pick(
        "bash and zsh keep this out of their history files (it may hold a private key); zsh's HISTORY_IGNORE stays set to leave such commands out.",
        "bash 和 zsh 不把下面的命令写入历史文件（其中可能有私钥）；zsh 的 HISTORY_IGNORE 保持设置，以后也不写入这类命令。",
    )
    .to_owned()
}

/// The note naming the permission the call needs (the action a RAM or IAM user's policy
/// must allow), in `lang`.
fn permission_note(permission: &crate::providers::Permission, lang: crate::lang::Lang) -> String {
    let (action, system) = (permission.action, permission.system);
    lang.pick(
        format!(
            "Needs {action}: {system} users' credentials need a policy that allows it (the account's own have every permission)."
        ),
        format!("需要 {action} 权限：{system} 用户的凭证需要有允许它的权限策略（账号本身的凭证拥有全部权限）。"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_every_special_character() {
        assert_eq!(shell_quote("plain-1.2"), "plain-1.2");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("$HOME `x`"), "'$HOME `x`'");
    }

    #[test]
    fn masking_names_only_the_members_asked_for() {
        assert!(masking(&[]).is_none());
        assert!(masking(&["'; rm -rf ~"]).is_some_and(|m| m.members == ["rmrf"]));
        let masking = masking(&["private_key", "enc_private_key"]).unwrap();
        assert!(
            masking.tail.starts_with(
                " >\"$dir/answer\" || rc=$?\n  sed -E 's/(\"(private_key|enc_private_key)\""
            ),
            "{}",
            masking.tail
        );
    }

    #[test]
    fn notes_hold_any_text_in_a_here_document() {
        let lines = ["it's (x) $HOME `id` *.pem".to_owned(), "NOTE".to_owned()];
        assert_eq!(
            notes(&lines),
            " : <<'NOTE_1'\nit's (x) $HOME `id` *.pem\nNOTE\nNOTE_1\n"
        );
    }

    #[test]
    fn delimiters_avoid_content_lines() {
        assert_eq!(heredoc_delimiter("END", "a\nEND\nb"), "END_1");
        assert_eq!(heredoc_delimiter("END", "a END"), "END");
    }

    #[test]
    fn file_writers_cover_every_ending() {
        assert!(write_file_lines("f", "a\n", "E").starts_with("cat > f <<'E'\na\nE\n"));
        assert!(
            write_file_lines("f", "a", "E").starts_with("printf '%s' \"$(cat <<'E'\na\nE\n)\" > f")
        );
        assert!(write_file_lines("f", "a\n\n", "E").ends_with("printf '\\n\\n' >> f\n"));
    }
}
