//! Base64 decoding (base64ct) instantiated here, in a crate the page's profile (`web`) optimises
//! for speed: at opt-level "z" base64ct decodes about 85 MB/s natively, here about 280 MB/s, and
//! decoding the PEM bodies is most of what reading a large bundle costs. Tested through its
//! callers (src/analysis/input.rs checks the decoded certificates against the full PEM route).

#![no_std]
extern crate alloc;

use alloc::vec::Vec;
use base64ct::{Base64, Encoding};

/// The bytes of canonical, padded standard base64 (RFC 4648 §4) without line breaks, as
/// [`base64ct::Base64::decode_vec`] gives them.
#[inline(never)]
pub fn base64_decode(text: &str) -> Result<Vec<u8>, base64ct::Error> {
    Base64::decode_vec(text)
}

/// [`base64_decode`] into `out`, which must be large enough; the decoded part of `out`.
#[inline(never)]
pub fn base64_decode_into<'o>(text: &[u8], out: &'o mut [u8]) -> Result<&'o [u8], base64ct::Error> {
    Base64::decode(text, out)
}
