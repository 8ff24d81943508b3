//! Text in GBK (Windows' code page 936, as a Chinese system names files in the archives its
//! compressed folders write, with no mark of the encoding). The tables are large (tens of KB), so
//! the page and the npm package do not carry them: their module asks its host's `TextDecoder`
//! (the WHATWG Encoding Standard's `gbk` decoder, which browsers and Node have), given once at
//! start by the binary's `main` ([`set_gbk_decoder`]); the command line decodes with
//! `encoding_rs`, the same standard's decoder. A module whose host gave none reads no GBK.

/// Decodes bytes as GBK: `None` when they are not (an invalid sequence is not replaced).
pub type GbkDecoder = fn(&[u8]) -> Option<String>;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The host's decoder, once given.
    static GBK: std::cell::Cell<Option<GbkDecoder>> = const { std::cell::Cell::new(None) };
}

/// Gives the wasm32 module its host's GBK decoder (the first given stays); natively it is
/// `encoding_rs`'s, and this does nothing.
pub fn set_gbk_decoder(decoder: GbkDecoder) {
    #[cfg(target_arch = "wasm32")]
    {
        GBK.with(|gbk| {
            if gbk.get().is_none() {
                gbk.set(Some(decoder));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = decoder;
    }
}

/// `bytes` decoded as GBK, `None` when they are not GBK or no decoder is at hand.
pub(crate) fn gbk(bytes: &[u8]) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        GBK.with(std::cell::Cell::get)
            .and_then(|decoder| decoder(bytes))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        encoding_rs::GBK
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(std::borrow::Cow::into_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_is_decoded_and_what_is_not_gbk_is_not() {
        // "服务器证书/密码.txt" as a Chinese Windows writes it.
        let name = b"\xb7\xfe\xce\xf1\xc6\xf7\xd6\xa4\xca\xe9/\xc3\xdc\xc2\xeb.txt";
        assert_eq!(gbk(name).as_deref(), Some("服务器证书/密码.txt"));
        assert_eq!(gbk(b"server.pfx").as_deref(), Some("server.pfx"));
        // A lead byte without its trail byte, and a byte GBK never uses.
        assert_eq!(gbk(b"\xb7.txt"), None);
        assert_eq!(gbk(b"\xff"), None);
    }
}
