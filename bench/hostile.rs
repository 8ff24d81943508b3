//! Hostile inputs, made on the spot (issue 13, "Bounded on hostile input"): the shapes that used
//! to cost minutes, memory or the process. Shared by the tests (tests/hostile.rs: each ends with a
//! diagnostic and no panic), the native benchmark (bench/native.rs) and the browser module
//! (bench/wasm/src/lib.rs), so that all three measure the same bytes. Nothing here is committed
//! as data: the largest input is 20 MB.
//!
//! Every generator is deterministic (a fixed xorshift state), needs only `std`, base64ct and, for
//! the archives, the deflate and CRC-32 crates the core reads them with; it builds its DER from
//! fixed headers: these are malformed inputs, not certificates to trust.

#![allow(dead_code)] // each includer uses its own selection

use base64ct::Encoding;

/// ISRG Root X1 (tests/vectors/inspect/public-isrg-root-x1): RSA-4096, self-signed, a subject key
/// identifier and no authority key identifier, so every certificate of its name is a plausible
/// issuer of every other.
const ISRG_ROOT_X1: &str =
    include_str!("../tests/vectors/inspect/public-isrg-root-x1/input/isrg-root-x1.pem");

/// Self-signed roots of the vector corpus, one per signature family: (name, PEM, block). Those
/// of the corpus's own PKIs have a subject and an authority key identifier that agree, so every
/// certificate of their name is again a plausible issuer of every other.
pub(super) const ROOTS: &[(&str, &str, usize)] = &[
    ("RSA-4096, ISRG Root X1", ISRG_ROOT_X1, 0),
    (
        "RSA-2048",
        include_str!("../tests/vectors/inspect/chain-ordered-leaf-int-root/input/chain.pem"),
        2,
    ),
    (
        "ECDSA P-521",
        include_str!("../tests/vectors/inspect/ecdsa-p256-p384-p521-chain/input/chain.pem"),
        2,
    ),
    (
        "Ed25519",
        include_str!("../tests/vectors/inspect/ed25519-root-and-leaf/input/chain.pem"),
        1,
    ),
    (
        "SM2",
        include_str!("../tests/vectors/inspect/sm2-sm3-chain-and-key/input/chain.pem"),
        1,
    ),
];

/// The DER inside PEM block `block` (from 0) of `pem`.
fn der_of(pem: &str, block: usize) -> Vec<u8> {
    let body: String = pem
        .split("-----BEGIN CERTIFICATE-----")
        .nth(block + 1)
        .expect("the block exists")
        .lines()
        .take_while(|l| !l.starts_with("-----END"))
        .collect();
    base64ct::Base64::decode_vec(&body).expect("a vector certificate is valid base64")
}

/// `der` as a PEM block with `label`, in 64-column lines.
pub(super) fn pem(label: &str, der: &[u8]) -> Vec<u8> {
    let body = base64ct::Base64::encode_string(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out.into_bytes()
}

/// `count` distinct certificates sharing one name (subject = issuer = ISRG Root X1's), as PEM:
/// ISRG Root X1 with two bytes of its signature changed, so none is self-signed and each is a
/// candidate issuer of all the others (same name, no authority key identifier).
pub(super) fn same_name_certificates(count: usize) -> Vec<u8> {
    same_name_certificates_from(ISRG_ROOT_X1, 0, count)
}

/// `count` distinct certificates sharing the name of the self-signed root in block `block` of
/// `pem`, made as [`same_name_certificates`] makes them.
pub(super) fn same_name_certificates_from(pem_text: &str, block: usize, count: usize) -> Vec<u8> {
    let root = der_of(pem_text, block);
    // The signature is the DER's last bytes. Its last two are changed (RSA, and ECDSA's s, which
    // stay valid numbers), except for Ed25519, whose last 32 bytes are S, which a verifier would
    // refuse at once for being out of range: there, two bytes of R (verified in full).
    let ed25519 = root.windows(5).any(|w| w == [0x06, 0x03, 0x2b, 0x65, 0x70]);
    let from_end = if ed25519 { 40 } else { 2 };
    let mut out = Vec::new();
    for k in 0..count {
        let mut der = root.clone();
        let at = der.len() - from_end;
        // Never the original bytes: every copy fails its signature.
        let [hi, lo] = ((k as u16) ^ 0x5a5a).to_be_bytes();
        der[at] ^= hi;
        der[at + 1] ^= lo;
        out.extend(pem("CERTIFICATE", &der));
    }
    out
}

/// `count` empty PEM certificate blocks.
pub(super) fn empty_blocks(count: usize) -> Vec<u8> {
    b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".repeat(count)
}

fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// `len` bytes of binary noise.
pub(super) fn noise(len: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        out.extend(xorshift(&mut state).to_le_bytes());
    }
    out.truncate(len);
    out
}

/// `len` bytes of text noise: base64 characters in 64-column lines, with a BEGIN line in every
/// 1,000 lines or so and no END, the shape of many cut-short blocks.
pub(super) fn noise_text(len: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut out = Vec::with_capacity(len + 128);
    let mut line = 0usize;
    while out.len() < len {
        if line.is_multiple_of(1000) {
            out.extend_from_slice(b"-----BEGIN CERTIFICATE-----\n");
        }
        for _ in 0..64 {
            out.push(ALPHABET[(xorshift(&mut state) % 64) as usize]);
        }
        out.push(b'\n');
        line += 1;
    }
    out.truncate(len);
    out
}

/// A DER length field of `len` bytes' content (definite form).
fn length(len: usize) -> Vec<u8> {
    if len < 0x80 {
        return vec![len as u8];
    }
    let bytes = (len as u64).to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    let mut out = vec![0x80 | (8 - skip) as u8];
    out.extend(&bytes[skip..]);
    out
}

/// `depth` SEQUENCEs, each holding the next (definite lengths), around an INTEGER.
pub(super) fn deep_nesting(depth: usize) -> Vec<u8> {
    let mut der = vec![0x02, 0x01, 0x00];
    for _ in 0..depth {
        let mut outer = vec![0x30];
        outer.extend(length(der.len()));
        outer.extend(der);
        der = outer;
    }
    der
}

/// `depth` SEQUENCEs of indefinite length (BER `30 80`), never closed.
pub(super) fn deep_indefinite(depth: usize) -> Vec<u8> {
    [0x30u8, 0x80].repeat(depth)
}

/// BER where the PKCS#7 and PKCS#12 readers look, just under the size they still read as BER
/// (1 MiB, src/analysis/ber.rs), where `der` scans ahead for the end of each indefinite length:
/// a `SignedData` whose digest algorithms are a SET and 59 SEQUENCEs of indefinite length around
/// half a million empty elements, then its content info and no certificate (whole: it is read to
/// its end), and a PFX whose authenticated safe is an octet string in half a million empty pieces.
pub(super) fn ber_masses() -> Vec<(&'static str, Vec<u8>)> {
    const SIZE: usize = (1 << 20) - 1024;
    let signed_data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ];
    let mut pkcs7 = vec![0x30, 0x80];
    pkcs7.extend(signed_data_oid);
    pkcs7.extend([0xa0, 0x80, 0x30, 0x80, 0x02, 0x01, 0x01, 0x31, 0x80]);
    pkcs7.extend([0x30, 0x80].repeat(59));
    let mut encap_content_info = vec![0x30, data_oid.len() as u8];
    encap_content_info.extend(data_oid);
    let nulls = (SIZE - pkcs7.len() - 2 * 60 - encap_content_info.len() - 6) / 2;
    pkcs7.extend([0x05, 0x00].repeat(nulls));
    pkcs7.extend([0x00, 0x00].repeat(60));
    pkcs7.extend(encap_content_info);
    pkcs7.extend([0x00, 0x00].repeat(3));
    let mut pkcs12 = vec![0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80];
    pkcs12.extend(data_oid);
    pkcs12.extend([0xa0, 0x80, 0x24, 0x80]);
    let pieces = (SIZE - pkcs12.len() - 8) / 2;
    pkcs12.extend([0x04, 0x00].repeat(pieces));
    pkcs12.extend([0x00, 0x00].repeat(4));
    vec![
        ("PKCS#7 (BER): half a million elements 60 deep", pkcs7),
        (
            "PKCS#12 (BER): an octet string in half a million pieces",
            pkcs12,
        ),
    ]
}

/// A SEQUENCE header claiming 4 GiB - 1 of content, then `content`.
fn huge(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag, 0x84, 0xff, 0xff, 0xff, 0xff];
    out.extend(content);
    out
}

/// DER with 4 GiB length fields where each reader looks first, with the shape it expects up to
/// there: (name, PEM label or none for DER, bytes).
pub(super) fn huge_lengths() -> Vec<(&'static str, Option<&'static str>, Vec<u8>)> {
    let signed_data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ];
    let encrypted_data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x06,
    ];
    // Certificate ::= SEQUENCE (4 GiB) { tbsCertificate SEQUENCE (4 GiB) ...
    let certificate = huge(0x30, &huge(0x30, &[0xa0, 0x03, 0x02, 0x01, 0x02]));
    // ContentInfo { signedData, [0] (4 GiB) SignedData (4 GiB) }
    let mut pkcs7 = signed_data_oid.to_vec();
    pkcs7.extend(huge(0xa0, &huge(0x30, &[0x02, 0x01, 0x01])));
    let pkcs7 = huge(0x30, &pkcs7);
    // PFX { version 3, ContentInfo { data, [0] OCTET STRING (4 GiB) } }
    let mut auth_safe = data_oid.to_vec();
    auth_safe.extend(huge(0xa0, &huge(0x04, &[0x30, 0x80])));
    let mut pfx = vec![0x02, 0x01, 0x03];
    pfx.extend(huge(0x30, &auth_safe));
    let pkcs12 = huge(0x30, &pfx);
    // PFX whose authSafe is well formed up to an EncryptedData of 4 GiB.
    let mut encrypted = encrypted_data_oid.to_vec();
    encrypted.extend(huge(0xa0, &huge(0x30, &[0x02, 0x01, 0x00])));
    let mut safe_contents = vec![0x30];
    let inner = huge(0x30, &encrypted);
    safe_contents.extend(length(inner.len()));
    safe_contents.extend(inner);
    let mut octets = vec![0x04];
    octets.extend(length(safe_contents.len()));
    octets.extend(safe_contents);
    let mut explicit = vec![0xa0];
    explicit.extend(length(octets.len()));
    explicit.extend(octets);
    let mut auth_safe = data_oid.to_vec();
    auth_safe.extend(explicit);
    let mut content_info = vec![0x30];
    content_info.extend(length(auth_safe.len()));
    content_info.extend(auth_safe);
    let mut pfx = vec![0x02, 0x01, 0x03];
    pfx.extend(content_info);
    let mut pkcs12_encrypted = vec![0x30];
    pkcs12_encrypted.extend(length(pfx.len()));
    pkcs12_encrypted.extend(pfx);
    // PrivateKeyInfo { version 0, AlgorithmIdentifier (4 GiB) }; EncryptedPrivateKeyInfo alike.
    let private_key = huge(
        0x30,
        &[0x02, 0x01, 0x00, 0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
    );
    let encrypted_key = huge(0x30, &huge(0x30, &[0x06, 0x09, 0x2a, 0x86, 0x48]));
    // An OCTET STRING of 4 GiB where a key's bytes go, and a bare INTEGER of 4 GiB.
    let integer = huge(0x02, &[0x01]);
    vec![
        ("certificate (DER)", None, certificate.clone()),
        ("PKCS#7 (DER)", None, pkcs7.clone()),
        ("PKCS#12 (DER)", None, pkcs12),
        (
            "PKCS#12 with encrypted data (DER)",
            None,
            pkcs12_encrypted.clone(),
        ),
        ("certificate (PEM)", Some("CERTIFICATE"), certificate),
        ("PKCS#7 (PEM)", Some("PKCS7"), pkcs7),
        ("PKCS#12 (PEM)", Some("PKCS12"), pkcs12_encrypted),
        ("private key (PEM)", Some("PRIVATE KEY"), private_key),
        (
            "encrypted private key (PEM)",
            Some("ENCRYPTED PRIVATE KEY"),
            encrypted_key.clone(),
        ),
        (
            "RSA private key (PEM)",
            Some("RSA PRIVATE KEY"),
            integer.clone(),
        ),
        (
            "EC private key (PEM)",
            Some("EC PRIVATE KEY"),
            integer.clone(),
        ),
        (
            "certificate request (PEM)",
            Some("CERTIFICATE REQUEST"),
            encrypted_key,
        ),
        ("INTEGER (DER)", None, integer),
    ]
}

/// A ZIP archive of `files` (name, content), each deflated, with its CRC-32: the local headers,
/// the central directory and its end record (PKWARE APPNOTE 6.3), nothing else. Files that share
/// their content (the same slice) are compressed once.
pub(crate) fn zip_of(files: &[(String, &[u8])]) -> Vec<u8> {
    const CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    let mut last: Option<(*const u8, Vec<u8>, u32)> = None;
    for (name, content) in files {
        if last
            .as_ref()
            .is_none_or(|(at, _, _)| *at != content.as_ptr())
        {
            let data = miniz_oxide::deflate::compress_to_vec(content, 6);
            last = Some((content.as_ptr(), data, CRC32.checksum(content)));
        }
        let Some((_, data, crc)) = &last else {
            unreachable!("set above")
        };
        let size = |n: usize| u32::try_from(n).expect("under 4 GiB").to_le_bytes();
        let mut common = Vec::new();
        common.extend(20u16.to_le_bytes()); // version needed: 2.0
        common.extend(0u16.to_le_bytes()); // flags
        common.extend(8u16.to_le_bytes()); // deflated
        common.extend([0; 4]); // time and date
        common.extend(crc.to_le_bytes());
        common.extend(size(data.len()));
        common.extend(size(content.len()));
        common.extend(
            u16::try_from(name.len())
                .expect("a short name")
                .to_le_bytes(),
        );
        common.extend(0u16.to_le_bytes()); // extra field
        directory.extend(b"PK\x01\x02");
        directory.extend(20u16.to_le_bytes()); // made by
        directory.extend(&common);
        directory.extend([0; 6]); // comment length, disk, internal attributes
        directory.extend([0; 4]); // external attributes
        directory.extend(size(out.len())); // the local header's offset
        directory.extend(name.as_bytes());
        out.extend(b"PK\x03\x04");
        out.extend(&common);
        out.extend(name.as_bytes());
        out.extend(data);
    }
    let count = u16::try_from(files.len())
        .expect("under 65,535 files")
        .to_le_bytes();
    let (offset, size) = (out.len() as u32, directory.len() as u32);
    out.extend(&directory);
    out.extend(b"PK\x05\x06");
    out.extend([0; 4]); // this disk, the directory's disk
    out.extend(count);
    out.extend(count);
    out.extend(size.to_le_bytes());
    out.extend(offset.to_le_bytes());
    out.extend([0; 2]); // comment
    out
}

/// A ZIP archive of `count` files (`f0000.pem` …) holding `content` each.
pub(super) fn zip_of_many(count: usize, content: &[u8]) -> Vec<u8> {
    let files: Vec<(String, &[u8])> = (0..count)
        .map(|i| (format!("f{i:04}.pem"), content))
        .collect();
    zip_of(&files)
}

/// The benchmark case name for a hostile input: `hostile_` and its name in lowercase words
/// joined by `_` (the same natively and in the browser).
pub(super) fn case_name(name: &str) -> String {
    let words: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    format!(
        "hostile_{}",
        words.split_whitespace().collect::<Vec<_>>().join("_")
    )
}

/// Every hostile input, as (name, bytes); the large ones at the sizes issue 13 names.
pub(super) fn all() -> Vec<(String, Vec<u8>)> {
    let mut inputs: Vec<(String, Vec<u8>)> = ROOTS
        .iter()
        .map(|(name, pem_text, block)| {
            (
                format!("300 certificates sharing one name ({name})"),
                same_name_certificates_from(pem_text, *block, 300),
            )
        })
        .collect();
    inputs.extend([
        ("20,000 empty blocks".to_owned(), empty_blocks(20_000)),
        (
            "20,000 quoted BEGIN lines, no END".to_owned(),
            "> -----BEGIN CERTIFICATE-----\n"
                .repeat(20_000)
                .into_bytes(),
        ),
        (
            "20,000 full-width BEGIN lines, no END".to_owned(),
            "－－－－－ＢＥＧＩＮ　ＣＥＲＴＩＦＩＣＡＴＥ－－－－－\u{200b}\n"
                .repeat(20_000)
                .into_bytes(),
        ),
        (
            "a 2 MB line of string literals of BEGIN lines".to_owned(),
            format!("{}\n", "\"-----BEGIN CERTIFICATE-----\\n\" ".repeat(60_000)).into_bytes(),
        ),
        (
            "a ZIP of one file inflating to 100 MB".to_owned(),
            zip_of(&[("example.com.pem".to_owned(), &vec![0; 100 << 20])]),
        ),
        (
            "a ZIP of 2,000 files of 1 MiB of dashes".to_owned(),
            zip_of_many(2_000, &vec![b'-'; 1 << 20]),
        ),
        ("20 MB of binary noise".to_owned(), noise(20_000_000)),
        ("20 MB of base64 noise".to_owned(), noise_text(20_000_000)),
        (
            "nesting 100,000 deep (DER)".to_owned(),
            deep_nesting(100_000),
        ),
        (
            "nesting 100,000 deep, indefinite (BER)".to_owned(),
            deep_indefinite(100_000),
        ),
        (
            "nesting 10,000 deep (PEM)".to_owned(),
            pem("CERTIFICATE", &deep_nesting(10_000)),
        ),
    ]);
    for (name, ber) in ber_masses() {
        inputs.push((name.to_owned(), ber));
    }
    for (name, label, der) in huge_lengths() {
        let bytes = match label {
            Some(label) => pem(label, &der),
            None => der,
        };
        inputs.push((format!("4 GiB length: {name}"), bytes));
    }
    inputs
}
