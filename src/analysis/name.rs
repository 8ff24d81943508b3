//! Names as people read them: an X.509 `Name` as an RFC 4514 string (the text x509-cert's
//! `Display` writes, with each attribute type's short name looked up once per OID, and string values
//! as text where it writes hex, as pyca/cryptography does), and a DNS
//! name's Unicode form (its `xn--` labels decoded from Punycode, RFC 3492).

/// A name as an RFC 4514 string: the same text as x509-cert's `Display` for `Name` but for string
/// values x509-cert shows in hex ([`push_attribute`]), with the attribute type's short name looked
/// up once per OID instead of once per attribute (that lookup scans the whole OID database and was
/// most of the time spent summarising a certificate).
pub(crate) fn rfc4514(name: &x509_cert::name::Name) -> String {
    let rdns: &Vec<x509_cert::name::RelativeDistinguishedName> = name.as_ref().as_ref();
    let mut out = String::with_capacity(96);
    // As per RFC 4514 §2.1, the elements are reversed.
    for (i, rdn) in rdns.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        for (j, atv) in rdn.iter().enumerate() {
            if j > 0 {
                out.push('+');
            }
            push_attribute(&mut out, atv);
        }
    }
    out
}

/// One `AttributeTypeAndValue`, as x509-cert 0.3's `Display` writes it, except that a string
/// value is always shown as text, as pyca/cryptography's `rfc4514_string` shows it: in a `BMPString`
/// too (Windows tools write them), and under an attribute type no table names (written as its
/// OID: `1.3.6.1.4.1.311.17.1=name`, where x509-cert and RFC 4514 write the value's DER in hex).
/// Other values (not strings, or not decodable) stay `OID=#` and their DER in hex.
fn push_attribute(out: &mut String, atv: &x509_cert::attr::AttributeTypeAndValue) {
    use der::asn1::{BmpString, Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
    use der::{Tag, Tagged};
    use std::borrow::Cow;
    use std::fmt::Write;
    let value: Option<Cow<'_, str>> = match atv.value.tag() {
        Tag::PrintableString => PrintableStringRef::try_from(&atv.value)
            .ok()
            .map(|s| s.as_str().into()),
        Tag::Utf8String => Utf8StringRef::try_from(&atv.value)
            .ok()
            .map(|s| s.as_str().into()),
        Tag::Ia5String => Ia5StringRef::try_from(&atv.value)
            .ok()
            .map(|s| s.as_str().into()),
        Tag::TeletexString => TeletexStringRef::try_from(&atv.value)
            .ok()
            .map(|s| s.as_str().into()),
        Tag::BmpString => atv
            .value
            .decode_as::<BmpString>()
            .ok()
            .map(|s| s.to_string().into()),
        _ => None,
    };
    if let Some(value) = value {
        match shortest_name(&atv.oid) {
            Some(key) => out.extend(key.chars().map(|c| c.to_ascii_uppercase())),
            None => {
                let _ = write!(out, "{}", atv.oid);
            }
        }
        out.push('=');
        // Most values need no escape: copied at once.
        let value = value.as_ref();
        let bytes = value.as_bytes();
        let plain = bytes.first().is_none_or(|&b| b != b'#' && b != b' ')
            && bytes.last().is_none_or(|&b| b != b' ')
            && bytes
                .iter()
                .all(|&b| b >= 0x20 && b != 0x7f && !b"\"+,;<>\\".contains(&b));
        if plain {
            out.push_str(value);
            return;
        }
        let mut chars = value.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '#' if i == 0 => out.push_str("\\#"),
                ' ' if i == 0 || chars.peek().is_none() => out.push_str("\\ "),
                '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '\x00'..='\x1f' | '\x7f' => {
                    let _ = write!(out, "\\{:02x}", c as u8);
                }
                _ => out.push(c),
            }
        }
    } else {
        // x509-cert writes `OID=#` and the value's DER in hex; an error there fails the whole
        // Display (`to_string` would panic), so it cannot happen for a value that was decoded.
        let _ = write!(out, "{}=#", atv.oid);
        if let Ok(der) = der::Encode::to_der(&atv.value) {
            for byte in der {
                let _ = write!(out, "{byte:02x}");
            }
        }
    }
}

/// The shortest name const-oid's database has for an attribute type, as x509-cert picks it
/// (`oid_names` holds those entries).
fn shortest_name(oid: &der::asn1::ObjectIdentifier) -> Option<&'static str> {
    // Remembered per OID for this thread (at most 64 OIDs; names use a handful), so that the
    // dotted form is not written and searched for in the table for every attribute of every name.
    use std::cell::RefCell;
    type Known = Vec<(der::asn1::ObjectIdentifier, Option<&'static str>)>;
    thread_local! {
        static KNOWN: RefCell<Known> = const { RefCell::new(Vec::new()) };
    }
    if let Some(name) =
        KNOWN.with_borrow(|known| known.iter().find(|(o, _)| o == oid).map(|(_, name)| *name))
    {
        return name;
    }
    let name = super::oid_names::lookup(super::oid_names::ATTRIBUTE_TYPES, &oid.to_string());
    KNOWN.with_borrow_mut(|known| {
        if known.len() < 64 {
            known.push((*oid, name));
        }
    });
    name
}

/// The Unicode form of a DNS name: each `xn--` label decoded from Punycode (RFC 3492);
/// a label that does not decode is kept as it is.
pub(crate) fn unicode_dns(name: &str) -> String {
    // Without an `xn--` label (the common case) every label is kept: the name as it is.
    if !name
        .split('.')
        .any(|label| label.len() >= 4 && label.as_bytes()[..4].eq_ignore_ascii_case(b"xn--"))
    {
        return name.to_owned();
    }
    name.split('.')
        .map(|label| {
            let lower = label.to_ascii_lowercase();
            // An A-label must decode to non-ASCII text that encodes back to the same label
            // (RFC 5891 section 5.4); anything else is shown as written.
            let decoded = lower.strip_prefix("xn--").and_then(|encoded| {
                let decoded = punycode::decode(encoded).ok()?;
                let round_trip = punycode::encode(&decoded).ok()?;
                (!decoded.is_ascii() && round_trip == encoded).then_some(decoded)
            });
            decoded.unwrap_or_else(|| label.to_owned())
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_labels_are_decoded_and_others_kept() {
        assert_eq!(unicode_dns("xn--bcher-kva.example"), "bücher.example");
        assert_eq!(unicode_dns("*.example.com"), "*.example.com");
        assert_eq!(unicode_dns("XN--bcher-kva.Example"), "bücher.Example");
        assert_eq!(unicode_dns("a.xn--.b"), "a.xn--.b");
        assert_eq!(unicode_dns("xn-a..b."), "xn-a..b.");
        assert_eq!(unicode_dns(""), "");
        assert_eq!(
            unicode_dns("xn--zz-invalid-.example"),
            "xn--zz-invalid-.example"
        );
    }

    #[test]
    fn rfc4514_matches_x509_cert_display() {
        use std::str::FromStr;
        let names = [
            "CN=example.com,O=Example\\, Inc.,C=US",
            "CN=\\#hash\\ ,OU=a\\+b+OU=c,L=\\ lead,ST=semi\\;colon,O=x\\<y\\>z",
            "UID=jdoe,DC=example,DC=com",
            "emailAddress=a@example.com,serialNumber=1234,CN=x",
            "CN=quote\\\"d,title=Dr,givenName=J,SN=D,postalCode=1,street=s",
        ];
        let empty = x509_cert::name::Name::default();
        assert_eq!(rfc4514(&empty), empty.to_string());
        for text in names {
            let name = x509_cert::name::Name::from_str(text).expect(text);
            assert_eq!(rfc4514(&name), name.to_string(), "{text}");
            // Twice: the second time the short names come from the per-thread table.
            assert_eq!(rfc4514(&name), name.to_string(), "{text}");
        }
        // tests/vectors.rs checks the subject and issuer of every certificate of the corpus.
    }

    #[test]
    fn string_values_are_text_whatever_their_type_or_attribute() {
        use std::str::FromStr;
        for (text, shown) in [
            // A UTF8String under an attribute type no table names (Windows' CSP name).
            (
                "1.3.6.1.4.1.311.17.1=#0c0161,CN=x",
                "1.3.6.1.4.1.311.17.1=a,CN=x",
            ),
            // A BMPString common name, and one that needs escaping.
            ("2.5.4.3=#1e0400410042,O=bmp value", "CN=AB,O=bmp value"),
            ("2.5.4.3=#1e06002c00200041", "CN=\\, A"),
            // Not a string: the DER in hex.
            ("1.2.3.4=#020105,CN=x", "1.2.3.4=#020105,CN=x"),
            // A BMPString of an odd length is no string: in hex.
            ("2.5.4.3=#1e0300410a", "2.5.4.3=#1e0300410a"),
        ] {
            let name = x509_cert::name::Name::from_str(text).expect(text);
            assert_eq!(rfc4514(&name), shown, "{text}");
        }
    }
}
