//! Containers written in BER rather than DER. NSS (`pk12util`, Firefox's and Thunderbird's
//! certificate backup; `cmsutil`) and some published `.p7b` files (Amazon's roots, as pyca keeps
//! them) write PKCS#12 and PKCS#7 with indefinite lengths and octet strings in pieces, which DER
//! forbids and OpenSSL, pyca and Java's keytool read. `der`'s BER rules (the `ber` feature: exactly those two
//! productions) read them; the certificates and keys inside are DER as their signers wrote them.
//!
//! DER is tried first, so that nothing DER reads changes. BER's indefinite lengths are measured by
//! scanning ahead at every nesting level, so BER is tried only up to [`MAX_BER_BYTES`] (1 MiB).

use der::{Decode, EncodingRules, ErrorKind, Header, Reader, SliceReader, Tag};

/// The largest container tried under BER rules: about 700 certificates in one `.p7b` (real BER
/// files are a few KB: a backup of one key and its chain, a CA's roots). `der` scans ahead for
/// the end of an indefinite length at each nesting level it decodes, so a hostile file costs a
/// few scans of this many bytes: at 4 MiB, a mass of empty elements took 2.5 s in the page's
/// module (bench/README.md, "Hostile inputs").
pub(crate) const MAX_BER_BYTES: usize = 1 << 20;

/// `T` from DER, or, when DER refuses the bytes and they are within [`MAX_BER_BYTES`], from BER,
/// with the rules that read it (the rules nested parts are then read with). When both refuse
/// them, the error says why BER did if DER stopped at what BER allows (an indefinite length, a
/// string in pieces), else why DER did.
pub(crate) fn decode_with_rules<'a, T>(bytes: &'a [u8]) -> der::Result<(T, EncodingRules)>
where
    T: Decode<'a, Error = der::Error>,
{
    let der_error = match T::from_der(bytes) {
        Ok(value) => return Ok((value, EncodingRules::Der)),
        Err(error) => error,
    };
    if bytes.len() > MAX_BER_BYTES {
        return Err(der_error);
    }
    match T::from_ber(bytes) {
        Ok(value) => Ok((value, EncodingRules::Ber)),
        Err(ber_error)
            if matches!(
                der_error.kind(),
                ErrorKind::IndefiniteLength
                    | ErrorKind::Noncanonical { .. }
                    | ErrorKind::TagUnknown { .. }
            ) =>
        {
            Err(ber_error)
        }
        Err(_) => Err(der_error),
    }
}

/// `T` from DER, or from BER as [`decode_with_rules`] allows.
pub(crate) fn decode<'a, T>(bytes: &'a [u8]) -> der::Result<T>
where
    T: Decode<'a, Error = der::Error>,
{
    decode_with_rules(bytes).map(|(value, _)| value)
}

/// The rules `T` decodes from the bytes under ([`decode_with_rules`]); `None` if it does not.
pub(crate) fn rules_of<'a, T>(bytes: &'a [u8]) -> Option<EncodingRules>
where
    T: Decode<'a, Error = der::Error>,
{
    decode_with_rules::<T>(bytes).ok().map(|(_, rules)| rules)
}

/// `T` under the rules its container was read with.
pub(crate) fn decode_as<'a, T>(bytes: &'a [u8], rules: EncodingRules) -> der::Result<T>
where
    T: Decode<'a, Error = der::Error>,
{
    match rules {
        EncodingRules::Der => T::from_der(bytes),
        EncodingRules::Ber => T::from_ber(bytes),
    }
}

/// Whether the bytes begin as a SEQUENCE whose first fields `check` accepts, read one after
/// another under DER rules, the lengths stated on the way not held to the data: a container is
/// recognised by its opening when it is cut short or damaged further on. An opening with an
/// indefinite length is not recognised here (`der` measures one by reading to its end).
pub(crate) fn opens_as<'a>(
    bytes: &'a [u8],
    check: impl FnOnce(&mut SliceReader<'a>) -> der::Result<bool>,
) -> bool {
    let Ok(mut reader) = SliceReader::new(bytes) else {
        return false;
    };
    matches!(Header::decode(&mut reader), Ok(header) if header.tag() == Tag::Sequence)
        && check(&mut reader).unwrap_or(false)
}

/// One element's whole encoding, as it is in the input, to be decoded later under the rules of
/// its container. Not `Reader::tlv_bytes`: in `der` 0.8.3 it counts an indefinite length's header
/// as if the length were written out, two bytes too many once the content reaches 128 bytes.
pub(crate) struct Encoded<'a>(pub(crate) &'a [u8]);

impl<'a> Decode<'a> for Encoded<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        let mut ahead = reader.clone();
        let header = Header::decode(&mut ahead)?;
        let header_len = (ahead.position() - reader.position())?;
        reader.read_slice((header_len + header.length())?).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::OctetString;

    // An OCTET STRING "abc" in two pieces under an indefinite length (X.690 8.7.3.2).
    const PIECES: &[u8] = &[
        0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x02, b'b', b'c', 0x00, 0x00,
    ];

    #[test]
    fn an_element_is_taken_whole_whatever_its_length_form() {
        // 200 bytes in one piece under an indefinite length, then a NULL.
        let mut bytes = vec![0x24, 0x80, 0x04, 0x81, 200];
        bytes.extend_from_slice(&[7; 200]);
        bytes.extend_from_slice(&[0, 0, 0x05, 0x00]);
        let mut reader = SliceReader::new_with_encoding_rules(&bytes, EncodingRules::Ber).unwrap();
        let first = Encoded::decode(&mut reader).unwrap();
        assert_eq!(first.0, &bytes[..bytes.len() - 2]);
        assert_eq!(Encoded::decode(&mut reader).unwrap().0, &[0x05, 0x00]);
        assert!(reader.is_finished());
        let value = decode_as::<OctetString>(first.0, EncodingRules::Ber).unwrap();
        assert_eq!(value.as_bytes(), &[7; 200]);
    }

    #[test]
    fn ber_is_read_only_where_der_refuses_and_within_the_ceiling() {
        let (value, rules) = decode_with_rules::<OctetString>(PIECES).unwrap();
        assert_eq!((value.as_bytes(), rules), (&b"abc"[..], EncodingRules::Ber));
        let (value, rules) = decode_with_rules::<OctetString>(&[0x04, 0x01, b'x']).unwrap();
        assert_eq!((value.as_bytes(), rules), (&b"x"[..], EncodingRules::Der));
        assert!(decode_as::<OctetString>(PIECES, EncodingRules::Der).is_err());

        // Past the ceiling the same pieces are refused as DER refuses them.
        let mut long = vec![0x24, 0x80];
        let piece = [0x04, 0x7f];
        let count = MAX_BER_BYTES / 129 + 1;
        for _ in 0..count {
            long.extend_from_slice(&piece);
            long.extend_from_slice(&[b'z'; 0x7f]);
        }
        long.extend_from_slice(&[0, 0]);
        assert!(long.len() > MAX_BER_BYTES);
        let der_refusal = decode_as::<OctetString>(&long, EncodingRules::Der).unwrap_err();
        assert_eq!(decode::<OctetString>(&long).unwrap_err(), der_refusal);
        // Within it, a BER string cut short fails as BER says, not with DER's refusal.
        let cut = &long[..MAX_BER_BYTES - 2];
        let error = decode::<OctetString>(cut).unwrap_err();
        assert_ne!(error.kind(), der_refusal.kind());
        assert_eq!(
            error,
            decode_as::<OctetString>(cut, EncodingRules::Ber).unwrap_err()
        );
    }
}
