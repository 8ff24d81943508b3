//! The one PEM block scanner (RFC 7468 §2 boundaries, read as leniently as the decoder reads them):
//! which lines of a text are a block's BEGIN line, its body, its END line, or outside every
//! block. The decoder ([`super::input`]), recovery ([`super::recover`]), the certificate text of
//! the before/after view and the routing of pasted blocks to their boxes ([`crate::fixes`]) all
//! cut a text into blocks through [`scan`], so that they agree on where a block starts and ends.
//!
//! A block opens at a `-----BEGIN label-----` line (after trimming) and closes at the next
//! `-----END label-----` line, whatever its label; a BEGIN line inside an open block opens a new
//! block, and the open one has no END.

/// `-----BEGIN label-----` or `-----END label-----` (after trimming), with the label.
fn boundary<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    line.strip_prefix("-----")?
        .strip_prefix(word)?
        .strip_prefix(' ')?
        .strip_suffix("-----")
}

/// The label of a trimmed `-----BEGIN label-----` line, as the decoder counts blocks.
pub(crate) fn begin_label(line: &str) -> Option<&str> {
    boundary(line, "BEGIN")
}

/// The label of a trimmed `-----END label-----` line.
pub(crate) fn end_label(line: &str) -> Option<&str> {
    boundary(line, "END")
}

/// Whether a label is one a tool writes (`CERTIFICATE`, `RSA PRIVATE KEY`, `X9.42 DH PARAMETERS`):
/// short words of capitals, digits and a few signs. Anything else (base64 run into a label on a
/// one-line block) is never quoted in a message.
pub(crate) fn label_is_plain(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 40
        && !label.contains("--")
        && label.split(' ').all(|word| {
            !word.is_empty()
                && word.len() <= 16
                && word
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"-.#_".contains(&b))
        })
}

/// What a message says for a label it does not quote.
const UNREADABLE_LABEL: crate::lang::Words =
    crate::lang::Words::new("an unreadable label", "无法辨认的标签");

/// A label as messages show it: itself when plain, else a phrase that quotes none of it.
pub(crate) fn label_for_message(label: &str) -> &str {
    if label_is_plain(label) {
        label
    } else {
        UNREADABLE_LABEL.en
    }
}

/// A label as [`label_for_message`] shows it (or as an item holds it), for a Chinese message:
/// the phrase for an unreadable label in Chinese, a plain label as it is.
pub(crate) fn label_zh(shown: &str) -> &str {
    if shown == UNREADABLE_LABEL.en {
        UNREADABLE_LABEL.zh
    } else {
        shown
    }
}

/// Where one line stands in the block structure of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part<'a> {
    /// Outside every block.
    Outside,
    /// A BEGIN line: a block labelled `label` opens; `unended` is the label of the block that was
    /// open (it has no END line).
    Begin {
        /// The new block's label.
        label: &'a str,
        /// The label of the block left without an END line, if one was open.
        unended: Option<&'a str>,
    },
    /// A line inside the open block (its headers and base64 body).
    Body {
        /// The open block's label.
        label: &'a str,
    },
    /// The END line of the open block (`label` as its END line writes it; it may differ from the
    /// BEGIN line's `begin`).
    End {
        /// The BEGIN line's label.
        begin: &'a str,
        /// The END line's label.
        label: &'a str,
    },
    /// An END line outside every block.
    StrayEnd,
}

/// Each line of `lines` (as given: a caller may keep its line ending) with its [`Part`].
pub(crate) fn scan<'a>(
    lines: impl Iterator<Item = &'a str>,
) -> impl Iterator<Item = (&'a str, Part<'a>)> {
    let mut open: Option<&'a str> = None;
    lines.map(move |raw| {
        let line = raw.trim();
        let part = if let Some(label) = begin_label(line) {
            Part::Begin {
                label,
                unended: open.replace(label),
            }
        } else if let Some(label) = end_label(line) {
            match open.take() {
                Some(begin) => Part::End { begin, label },
                None => Part::StrayEnd,
            }
        } else {
            match open {
                Some(label) => Part::Body { label },
                None => Part::Outside,
            }
        };
        (raw, part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_open_at_begin_and_close_at_the_next_end() {
        let text = "note\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CERTIFICATE-----\n\
                    -----END CERTIFICATE-----\n -----BEGIN A-----\nBBBB\n-----BEGIN B-----\nCC\n";
        let parts: Vec<Part<'_>> = scan(text.lines()).map(|(_, part)| part).collect();
        assert_eq!(
            parts,
            [
                Part::Outside,
                Part::Begin {
                    label: "CERTIFICATE",
                    unended: None
                },
                Part::Body {
                    label: "CERTIFICATE"
                },
                Part::End {
                    begin: "CERTIFICATE",
                    label: "X509 CERTIFICATE"
                },
                Part::StrayEnd,
                Part::Begin {
                    label: "A",
                    unended: None
                },
                Part::Body { label: "A" },
                Part::Begin {
                    label: "B",
                    unended: Some("A")
                },
                Part::Body { label: "B" },
            ]
        );
    }

    #[test]
    fn a_boundary_needs_its_dashes_and_one_space() {
        assert_eq!(
            begin_label("-----BEGIN CERTIFICATE-----"),
            Some("CERTIFICATE")
        );
        assert_eq!(begin_label("-----BEGINCERTIFICATE-----"), None);
        assert_eq!(end_label("----END CERTIFICATE-----"), None);
        assert!(label_is_plain("X9.42 DH PARAMETERS"));
        assert_eq!(
            label_for_message("MIIBCgKCAQEAxyz0123456789"),
            "an unreadable label"
        );
    }
}
