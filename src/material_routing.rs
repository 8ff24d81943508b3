//! Which box material goes to, and the certificate text as given: the rules of the page's three
//! material boxes (certificates, private key, certificate request), kept here so that they are
//! tested natively, and the before/after view's text, shared with the command line.

use crate::fixes;

/// The three material boxes of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Slot {
    /// Certificates and chains (PEM, DER, PKCS#7, PKCS#12).
    Certificates,
    /// The private key.
    Key,
    /// The certificate request.
    Csr,
}

/// The name pasted certificate text carries in locations.
pub const PASTED: &str = "pasted text";

impl Slot {
    /// Every box.
    pub const ALL: [Self; 3] = [Self::Certificates, Self::Key, Self::Csr];

    /// The name locations carry for text pasted into this box.
    pub fn pasted_name(self) -> &'static str {
        match self {
            Self::Certificates => PASTED,
            Self::Key => "pasted key",
            Self::Csr => "pasted CSR",
        }
    }

    /// The same name as a Chinese page shows it (locations keep the English one, which the
    /// command line and the JSON never see).
    pub fn pasted_name_zh(self) -> &'static str {
        match self {
            Self::Certificates => "粘贴的文本",
            Self::Key => "粘贴的私钥",
            Self::Csr => "粘贴的 CSR",
        }
    }
}

/// A location's input name in `lang`: the Chinese name of a box's pasted text, any other name
/// (a file's) as it is.
pub fn input_name_in(name: &str, lang: crate::lang::Lang) -> &str {
    match lang {
        crate::lang::Lang::ZhCn => Slot::ALL
            .into_iter()
            .find(|slot| slot.pasted_name() == name)
            .map_or(name, |slot| slot.pasted_name_zh()),
        crate::lang::Lang::En => name,
    }
}

/// The box a file dropped on the certificate box belongs in: a text file whose only blocks are
/// private keys goes to the key box, one whose only blocks are certificate requests to the CSR
/// box (read through the same block scanner as pasted text, after recovery); anything else, and
/// every binary file, stays. A file is never split: it moves whole or not at all.
pub fn box_for_file(bytes: &[u8]) -> Slot {
    // A file past the ceiling of an input is not read (`input-too-large`), nor looked into here.
    if bytes.len() > crate::analysis::input::MAX_INPUT_BYTES {
        return Slot::Certificates;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Slot::Certificates;
    };
    let separated = fixes::separate_blocks("", text);
    let has_other_blocks = separated
        .certificates
        .lines()
        .any(|line| line.trim_start().starts_with("-----BEGIN "));
    match (
        has_other_blocks,
        separated.keys.is_empty(),
        separated.requests.is_empty(),
    ) {
        (false, false, _) => Slot::Key,
        (false, true, false) => Slot::Csr,
        _ => Slot::Certificates,
    }
}

/// What moved out of text pasted into the certificate box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Moved {
    /// Private-key blocks, to the key box.
    Keys,
    /// Certificate-request blocks, to the CSR box.
    Requests,
    /// The text was mangled (JSON, escapes, one line …): the boxes hold the PEM recovered from it.
    Recovered,
}

/// The three boxes' pasted text after a paste into the certificate box.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Routed {
    /// The certificate box's text.
    pub certificates: String,
    /// The key box's text: what it held, then the keys moved to it.
    pub key: String,
    /// The CSR box's text: what it held, then the requests moved to it.
    pub csr: String,
    /// What moved, in this order: keys, requests, recovered.
    pub moved: Vec<Moved>,
    /// Files given to the certificate box that belong in another ([`box_for_file`]): their
    /// places among the certificate box's files, in order, and the box each moves to.
    pub files: Vec<(usize, Slot)>,
    /// When the text was recovered: what was undone, located in the text as pasted (the analysis
    /// of the boxes' clean text no longer says it). Kept by the Worker, not sent to the page.
    #[serde(skip)]
    pub recovery: Vec<crate::diagnostic::Diagnostic>,
}

/// Routes text pasted into the certificate box: key and request blocks join the text of their own
/// boxes (`key`, `csr`); when nothing moves, every box keeps its text as typed.
pub fn route_pasted(certificates: &str, key: &str, csr: &str) -> Routed {
    let separated = fixes::separate_blocks(PASTED, certificates);
    let mut routed = Routed {
        certificates: certificates.to_owned(),
        key: key.to_owned(),
        csr: csr.to_owned(),
        moved: Vec::new(),
        files: Vec::new(),
        recovery: Vec::new(),
    };
    if !separated.keys.is_empty() {
        routed.key = join(key, &separated.keys);
        routed.moved.push(Moved::Keys);
    }
    if !separated.requests.is_empty() {
        routed.csr = join(csr, &separated.requests);
        routed.moved.push(Moved::Requests);
    }
    if !routed.moved.is_empty() {
        if separated.recovered {
            routed.moved.push(Moved::Recovered);
            routed.recovery = separated.recovery;
        }
        routed.certificates = separated.certificates;
    }
    routed
}

fn join(existing: &str, more: &str) -> String {
    if existing.trim().is_empty() {
        more.to_owned()
    } else if existing.ends_with('\n') {
        format!("{existing}{more}")
    } else {
        format!("{existing}\n{more}")
    }
}

/// The certificate text as given, for the before/after view: the certificate blocks of each input
/// in order (no key material: see `fixes::certificate_text`); a binary input is named, not shown.
pub fn certificate_text_as_given<'a>(
    inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> String {
    let mut before = String::new();
    for (name, bytes) in inputs {
        match std::str::from_utf8(bytes) {
            Ok(text) => before.push_str(&fixes::certificate_text(text)),
            Err(_) => before.push_str(&format!("[{name}: {} bytes of binary data]\n", bytes.len())),
        }
    }
    before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_names_read_in_chinese_and_file_names_stay() {
        use crate::lang::Lang;
        for slot in Slot::ALL {
            assert_eq!(
                input_name_in(slot.pasted_name(), Lang::En),
                slot.pasted_name()
            );
            let zh = input_name_in(slot.pasted_name(), Lang::ZhCn);
            assert_ne!(zh, slot.pasted_name());
            assert!(!zh.is_ascii(), "{zh}");
        }
        assert_eq!(input_name_in("chain.pem", Lang::ZhCn), "chain.pem");
    }

    // Material made by openssl and pyca (tests/vectors/generate.py).
    const CHAIN: &str = include_str!("../tests/vectors/inspect/chain-shuffled/input/chain.pem");
    const KEY: &str = include_str!(
        "../tests/vectors/inspect/two-files-key-in-certificate-input/input/b-key.test-only.pem"
    );
    const CERT: &str = include_str!(
        "../tests/vectors/inspect/two-files-key-in-certificate-input/input/a-cert.pem"
    );
    const CSR: &str = include_str!("../tests/vectors/inspect/csr-matches-leaf/input/request.csr");
    const ENCRYPTED_KEY: &str = include_str!(
        "../tests/vectors/inspect/key-encrypted-pkcs8-pbkdf2-aes256/input/leaf-key.test-only.pem"
    );
    const DER: &[u8] = include_bytes!("../tests/vectors/inspect/der-certificate/input/leaf.der");

    fn blocks(text: &str, label: &str) -> usize {
        text.matches(&format!("-----BEGIN {label}-----")).count()
    }

    #[test]
    fn a_dropped_file_moves_whole_to_the_box_of_its_only_blocks() {
        assert_eq!(box_for_file(KEY.as_bytes()), Slot::Key);
        assert_eq!(box_for_file(ENCRYPTED_KEY.as_bytes()), Slot::Key);
        assert_eq!(box_for_file(CSR.as_bytes()), Slot::Csr);
        assert_eq!(box_for_file(CHAIN.as_bytes()), Slot::Certificates);
        assert_eq!(box_for_file(DER), Slot::Certificates);
        assert_eq!(box_for_file(b""), Slot::Certificates);
        // A file holding a certificate and its key is never split: it stays.
        assert_eq!(
            box_for_file(format!("{CERT}{KEY}").as_bytes()),
            Slot::Certificates
        );
        // A key and a request: the key box (the key is the material that matters more).
        assert_eq!(box_for_file(format!("{CSR}{KEY}").as_bytes()), Slot::Key);
        // Recovered the way pasted text is: a key as a JSON string goes to the key box.
        let json = format!("{{\"key\": {:?}}}", KEY);
        assert_eq!(box_for_file(json.as_bytes()), Slot::Key);
        // Words around a key block are not blocks.
        assert_eq!(
            box_for_file(format!("my key:\n{KEY}\n").as_bytes()),
            Slot::Key
        );
    }

    #[test]
    fn pasted_keys_and_requests_join_their_boxes() {
        let routed = route_pasted(&format!("{CHAIN}{KEY}{CSR}"), "", "typed before");
        assert_eq!(routed.moved, [Moved::Keys, Moved::Requests]);
        assert_eq!(blocks(&routed.certificates, "CERTIFICATE"), 3);
        assert!(!routed.certificates.contains("PRIVATE KEY"));
        assert_eq!(routed.key.trim(), KEY.trim());
        assert_eq!(routed.csr, format!("typed before\n{CSR}"));
        // Nothing to move: every box keeps its text exactly.
        let routed = route_pasted(" \r\nstray\r\n", "k", "c");
        assert_eq!(
            routed,
            Routed {
                certificates: " \r\nstray\r\n".into(),
                key: "k".into(),
                csr: "c".into(),
                moved: vec![],
                files: vec![],
                recovery: vec![],
            }
        );
        // Mangled text: recovered, and said so.
        let json = format!("{{\"cert\": {:?}, \"key\": {:?}}}", CERT, KEY);
        let routed = route_pasted(&json, "", "");
        assert_eq!(routed.moved, [Moved::Keys, Moved::Recovered]);
        assert_eq!(blocks(&routed.certificates, "CERTIFICATE"), 1);
        assert_eq!(blocks(&routed.key, "PRIVATE KEY"), 1);
    }

    #[test]
    fn the_certificate_text_as_given_holds_no_key_and_names_binary_inputs() {
        let text = format!("{KEY}{CHAIN}");
        let before = certificate_text_as_given([
            ("pasted text", text.as_bytes()),
            ("leaf.der", DER),
            ("empty.pem", &b""[..]),
        ]);
        assert_eq!(blocks(&before, "CERTIFICATE"), 3);
        assert!(!before.contains("PRIVATE KEY"));
        assert!(before.ends_with(&format!("[leaf.der: {} bytes of binary data]\n", DER.len())));
    }
}
