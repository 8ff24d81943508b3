//! SHA-1 and SHA-256 fingerprints of DER bytes, as colon-separated uppercase hex
//! (`AB:CD:…`, the form `openssl x509 -fingerprint` and the cloud consoles print).

use sha1::Sha1;
use sha2::{Digest, Sha256};

/// SHA-1 over `der`, colon-separated uppercase hex.
pub fn sha1(der: &[u8]) -> String {
    colon_hex(&Sha1::digest(der))
}

/// SHA-256 over `der`, colon-separated uppercase hex.
pub fn sha256(der: &[u8]) -> String {
    colon_hex(&Sha256::digest(der))
}

/// Uppercase hex of `bytes` (base16ct) with `:` between bytes (`0A:FF`); empty for no bytes.
pub fn colon_hex(bytes: &[u8]) -> String {
    let hex = base16ct::upper::encode_string(bytes);
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, pair) in hex.as_bytes().chunks(2).enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.extend(pair.iter().copied().map(char::from));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_of_known_input() {
        // FIPS 180-2 appendix B.1 / RFC 3174 test input "abc".
        assert_eq!(
            sha1(b"abc"),
            "A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D"
        );
        assert!(sha256(b"abc").starts_with("BA:78:16:BF:8F:01:CF:EA"));
        assert_eq!(colon_hex(&[]), "");
        assert_eq!(colon_hex(&[0x0a]), "0A");
        let all: Vec<u8> = (0..=255).collect();
        let expected: Vec<String> = all.iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(colon_hex(&all), expected.join(":"));
    }
}
