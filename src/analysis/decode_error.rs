//! A decoder's error as the user reads it. `der` says "ASN.1 DER message is incomplete: expected
//! 901, actual 900 at DER byte 900" for data that stops before the end of an element it declares:
//! a file cut short (a download or a copy stopped early, lines lost from a block), which is said
//! so, in both languages. Any other error is the library's own text.

use crate::lang::Text;

/// Why `bytes` did not decode, from the decoder's `error`.
pub(crate) fn reason(error: &der::Error, bytes: &[u8]) -> Text {
    if let der::ErrorKind::Incomplete { actual_len, .. } = error.kind()
        && usize::try_from(u32::from(actual_len)).is_ok_and(|actual| actual == bytes.len())
    {
        let length = bytes.len();
        return tr!(
            "the data ends after {length} bytes, inside an element whose stated length goes on: it was cut short",
            "数据在 {length} 字节后就结束了，而其中一个元素声明的长度还要更长：数据被截断了"
        );
    }
    Text::library_error("DER 解码失败", error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Decode;
    use der::asn1::OctetString;

    #[test]
    fn data_ending_inside_an_element_is_said_to_be_cut_short() {
        // An OCTET STRING of 5 bytes with 3 of them here.
        let cut = [0x04, 0x05, 1, 2, 3];
        let error = OctetString::from_der(&cut).unwrap_err();
        let said = reason(&error, &cut);
        assert!(said.en().contains("ends after 5 bytes"), "{}", said.en());
        assert!(said.en().contains("cut short"), "{}", said.en());
        assert!(said.zh().contains("截断"), "{}", said.zh());
    }

    #[test]
    fn an_element_running_past_its_container_is_not_said_to_be_cut_short() {
        // A SEQUENCE of 3 bytes holding an OCTET STRING that states 5: the data itself goes on.
        let inner = [0x30, 0x03, 0x04, 0x05, 1, 2, 3, 4, 5];
        let error = Vec::<OctetString>::from_der(&inner).unwrap_err();
        // der calls this incomplete too, with the container's length, not the input's.
        assert!(
            matches!(error.kind(), der::ErrorKind::Incomplete { .. }),
            "{error}"
        );
        let said = reason(&error, &inner);
        assert!(!said.en().contains("cut short"), "{}", said.en());
        assert_eq!(said.en(), error.to_string());
        // Anything else is the library's text.
        let wrong = [0x05, 0x01, 0x00];
        let error = OctetString::from_der(&wrong).unwrap_err();
        assert_eq!(reason(&error, &wrong).en(), error.to_string());
    }
}
