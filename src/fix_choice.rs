//! The page's one-click fixes as rules of the core: which fix applies to an analysis and a
//! target's preparation, and what applying one does (the material it rewrites, and the "before"
//! and "after" texts the page shows). The fixes themselves are `fixes.rs`'s.

use crate::analysis::Analysis;
use crate::analysis::chain::Verdict;
use crate::analysis::private_key::{KeyFormat, ParsedKey};
use crate::analysis::public_key::KeyType;
use crate::fixes::{self, KeyEncoding, RootPolicy};
use crate::providers::Preparation;

/// The one-click fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Fix {
    /// The path in chain order, root kept, duplicates and strays removed.
    Order,
    /// The path without its self-signed root.
    DropRoot,
    /// The bundle exactly as the chosen target receives it.
    Normalise,
    /// The key re-encoded as PKCS#1 / SEC1 (decrypted if it was encrypted).
    ConvertKey,
}

impl Fix {
    /// Every fix, in the order the page offers them.
    pub const ALL: [Self; 4] = [
        Self::Order,
        Self::DropRoot,
        Self::Normalise,
        Self::ConvertKey,
    ];
}

/// Whether `fix` changes anything in this material for this target.
pub fn applies(fix: Fix, analysis: &Analysis, preparation: &Preparation) -> bool {
    let chain = &analysis.report.chain;
    match fix {
        Fix::Order => {
            chain.verdict == Verdict::Reorderable
                || !chain.duplicates.is_empty()
                || !chain.not_on_path.is_empty()
        }
        Fix::DropRoot => chain.root_included && chain.order.len() > 1,
        Fix::Normalise => preparation
            .bundle
            .as_ref()
            .is_some_and(|b| !b.changes.is_empty()),
        Fix::ConvertKey => analysis.keys.first().is_some_and(convertible),
    }
}

/// A key that can be re-encoded as PKCS#1 / SEC1 and is not already: read (decrypted if need
/// be), RSA or EC, and PKCS#8 or encrypted.
fn convertible(key: &ParsedKey) -> bool {
    key.plain.is_some()
        && (key.summary.encrypted || key.summary.format == KeyFormat::Pkcs8)
        && matches!(key.summary.key_type, Some(KeyType::Rsa | KeyType::Ec))
}

/// A fix applied: which, and the texts before and after it, for the page's before/after view.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Applied {
    /// The fix.
    pub fix: Fix,
    /// What it started from: the certificate text as given, or the key's encoding.
    pub before: String,
    /// What it made: the certificates' PEM, or the key's new encoding.
    pub after: String,
}

/// The material a fix rewrites.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Rewrite {
    /// The certificate box becomes `pem`; of its files, only those named in `keep_files` (the ones
    /// holding a key) stay.
    Certificates {
        /// The certificates, PEM.
        pem: String,
        /// The files that stay.
        keep_files: Vec<String>,
    },
    /// The key box becomes `pem` (no file, no passphrase: the key is decrypted).
    Key {
        /// The key, PEM. Key material: never printed (this type has no `Debug`).
        pem: String,
    },
}

/// Applies `fix` to the material of `analysis` (`before`: its certificate text as given): what to
/// show and what to rewrite; `None` when the fix cannot apply (no certificates, an unreadable key).
pub fn apply(
    fix: Fix,
    analysis: &Analysis,
    preparation: &Preparation,
    before: &str,
) -> Option<(Applied, Rewrite)> {
    match fix {
        Fix::Order | Fix::DropRoot | Fix::Normalise => {
            let bundle = match fix {
                Fix::Order => fixes::normalise_bundle(analysis, RootPolicy::Keep, before),
                Fix::DropRoot => fixes::normalise_bundle(analysis, RootPolicy::Drop, before),
                _ => preparation.bundle.clone(),
            }?;
            // Files whose certificates are now in the text go; files holding a key stay.
            let keep_files = analysis
                .keys
                .iter()
                .map(|k| k.location.file.clone())
                .collect();
            let applied = Applied {
                fix,
                before: before.to_owned(),
                after: bundle.full_pem.clone(),
            };
            let rewrite = Rewrite::Certificates {
                pem: bundle.full_pem,
                keep_files,
            };
            Some((applied, rewrite))
        }
        Fix::ConvertKey => {
            let key = analysis.keys.first()?;
            let pem = fixes::reencode_key(key, KeyEncoding::Traditional).ok()?;
            let encrypted = if key.summary.encrypted {
                " (encrypted)"
            } else {
                ""
            };
            let applied = Applied {
                fix,
                before: format!("private key: {}{encrypted}", key.summary.format.as_str()),
                after: format!("private key: {} → {} (same key)", pem.from, pem.label),
            };
            Some((applied, Rewrite::Key { pem: pem.pem }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, Options, Role, analyze_with};
    use crate::material_routing::certificate_text_as_given;
    use crate::providers::{Fields, Mode, ProviderId, prepare};
    use crate::time::Timestamp;

    // Material made by openssl and pyca (tests/vectors/generate.py), validated at its now.txt.
    const NOW: Timestamp = Timestamp::from_unix_seconds(1_795_305_600);
    const SHUFFLED: &str = include_str!("../tests/vectors/inspect/chain-shuffled/input/chain.pem");
    const LEAF: &str =
        include_str!("../tests/vectors/inspect/key-encrypted-pkcs8-pbkdf2-aes256/input/leaf.pem");
    const ENCRYPTED_KEY: &str = include_str!(
        "../tests/vectors/inspect/key-encrypted-pkcs8-pbkdf2-aes256/input/leaf-key.test-only.pem"
    );
    const PASSPHRASE: &str =
        include_str!("../tests/vectors/inspect/key-encrypted-pkcs8-pbkdf2-aes256/passphrase.txt");
    const CERT: &str = include_str!(
        "../tests/vectors/inspect/two-files-key-in-certificate-input/input/a-cert.pem"
    );
    const KEY_FILE: &str = include_str!(
        "../tests/vectors/inspect/two-files-key-in-certificate-input/input/b-key.test-only.pem"
    );

    struct Case {
        analysis: Analysis,
        preparation: Preparation,
        before: String,
    }

    fn case(files: &[(&str, &str)], passphrase: Option<&str>) -> Case {
        let inputs: Vec<Input> = files
            .iter()
            .map(|(name, text)| Input {
                name,
                bytes: text.as_bytes(),
                role: Role::Any,
                size: None,
            })
            .collect();
        let options = Options {
            now: NOW,
            passphrase,
            pkcs12_password: None,
        };
        let analysis = analyze_with(&inputs, &options);
        let before = certificate_text_as_given(files.iter().map(|(n, t)| (*n, t.as_bytes())));
        let target = ProviderId::default();
        let preparation = prepare(
            target,
            Mode::Request,
            &analysis,
            &before,
            &Fields::default(),
        );
        Case {
            analysis,
            preparation,
            before,
        }
    }

    fn blocks(text: &str) -> Vec<&str> {
        text.split_inclusive("-----END CERTIFICATE-----")
            .filter_map(|b| b.find("-----BEGIN").map(|i| b[i..].trim()))
            .collect()
    }

    fn available(case: &Case) -> Vec<Fix> {
        Fix::ALL
            .into_iter()
            .filter(|&fix| applies(fix, &case.analysis, &case.preparation))
            .collect()
    }

    #[test]
    fn a_shuffled_chain_is_ordered_and_its_root_dropped() {
        let case = case(&[("chain.pem", SHUFFLED)], None);
        let offered = available(&case);
        assert!(
            offered.contains(&Fix::Order) && offered.contains(&Fix::DropRoot),
            "{offered:?}"
        );
        assert!(!offered.contains(&Fix::ConvertKey));
        let given = blocks(SHUFFLED);
        assert_eq!(given.len(), 3);

        let (applied, rewrite) =
            apply(Fix::Order, &case.analysis, &case.preparation, &case.before).expect("applies");
        assert_eq!(applied.fix, Fix::Order);
        assert_eq!(applied.before, case.before);
        let ordered = blocks(&applied.after);
        let (mut a, mut b) = (given.clone(), ordered.clone());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "the same certificates");
        assert_ne!(given, ordered, "in another order");
        let leaf = case.analysis.report.chain.order[0];
        assert_eq!(ordered[0], given[leaf], "leaf first");
        assert!(matches!(&rewrite, Rewrite::Certificates { pem, keep_files }
            if *pem == applied.after && keep_files.is_empty()));

        let (dropped, _) = apply(
            Fix::DropRoot,
            &case.analysis,
            &case.preparation,
            &case.before,
        )
        .expect("applies");
        let without = blocks(&dropped.after);
        assert_eq!(
            without,
            ordered[..2],
            "the ordered path without its last, the root"
        );
        let root = case.analysis.report.chain.order[2];
        assert!(case.analysis.report.certificates[root].self_signed);
    }

    #[test]
    fn an_encrypted_pkcs8_key_is_converted_and_says_what_it_was() {
        let passphrase = PASSPHRASE.trim_end_matches('\n');
        let case = case(
            &[("leaf.pem", LEAF), ("key.pem", ENCRYPTED_KEY)],
            Some(passphrase),
        );
        assert_eq!(available(&case), [Fix::ConvertKey]);
        let (applied, rewrite) = apply(
            Fix::ConvertKey,
            &case.analysis,
            &case.preparation,
            &case.before,
        )
        .expect("applies");
        let Rewrite::Key { pem } = rewrite else {
            panic!("the key is rewritten");
        };
        let label = if pem.starts_with("-----BEGIN EC PRIVATE KEY-----") {
            "EC PRIVATE KEY"
        } else {
            "RSA PRIVATE KEY"
        };
        assert!(pem.starts_with(&format!("-----BEGIN {label}-----")));
        assert_eq!(applied.before, "private key: encrypted_pkcs8 (encrypted)");
        assert_eq!(
            applied.after,
            format!("private key: encrypted_pkcs8 → {label} (same key)")
        );
        assert!(!applied.after.contains(&pem) && !applied.before.contains("BEGIN"));
        // The same key: read again, unencrypted, it matches the same certificate.
        let again = self::case(&[("leaf.pem", LEAF), ("key.pem", &pem)], None);
        let (old, new) = (&case.analysis.keys[0], &again.analysis.keys[0]);
        assert!(!new.summary.encrypted);
        assert_eq!(old.identity, new.identity);
        assert!(old.identity.is_some());
        assert!(!applies(
            Fix::ConvertKey,
            &again.analysis,
            &again.preparation
        ));
        // Without the passphrase the key cannot be read, and nothing is offered for it.
        let locked = self::case(&[("leaf.pem", LEAF), ("key.pem", ENCRYPTED_KEY)], None);
        assert!(!applies(
            Fix::ConvertKey,
            &locked.analysis,
            &locked.preparation
        ));
        assert!(apply(Fix::ConvertKey, &locked.analysis, &locked.preparation, "").is_none());
    }

    #[test]
    fn rewriting_the_certificates_keeps_the_files_holding_a_key() {
        let case = case(&[("a-cert.pem", CERT), ("b-key.pem", KEY_FILE)], None);
        let (_, rewrite) = apply(Fix::Order, &case.analysis, &case.preparation, &case.before)
            .expect("one certificate is a bundle too");
        assert!(matches!(rewrite, Rewrite::Certificates { keep_files, .. }
            if keep_files == ["b-key.pem"]));
        // No certificate: nothing to order.
        let keys = self::case(&[("b-key.pem", KEY_FILE)], None);
        assert!(apply(Fix::Order, &keys.analysis, &keys.preparation, "").is_none());
    }
}
