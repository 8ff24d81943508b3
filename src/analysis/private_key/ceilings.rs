//! The published ceilings on password-based key derivation, one set for every container that
//! derives a key from a password: encrypted PKCS#8 (PBES1, PBES2 with PBKDF2 or scrypt, the
//! PKCS#12 PBE schemes), PKCS#12 files (MAC and contents) and legacy encrypted PEM.
//!
//! A file above a ceiling is not a key anyone exported with a real tool: it is refused before any
//! derivation starts, with the count, the ceiling and how to re-export. What real tools write, and
//! so where the numbers come from (ARCHITECTURE.md, "Key-derivation ceilings", says the same):
//! - iteration counts: OpenSSL writes 2,048 (`openssl pkcs8 -topk8`, `openssl pkcs12 -export`),
//!   Windows' PFX export 2,000, Java's keytool 10,000 (PKCS#12 since JDK 12), pyca's
//!   `BestAvailableEncryption` at most a few hundred thousand; password managers derive with
//!   PBKDF2 at 600,000 (Bitwarden, `LastPass`: OWASP's 2023 figure for HMAC-SHA-256) to 650,000
//!   (1Password), and OWASP asks 1,300,000 for HMAC-SHA-1. The ceiling, 2,000,000, is above all
//!   of them; a derivation at the ceiling takes at most about 3 seconds in the page (PBKDF2 with
//!   HMAC-SHA-512; bench/README.md, "Key derivation").
//! - scrypt: OpenSSL writes N = 16,384, r = 8, p = 1 (16 MiB), and refuses to derive above 32
//!   MiB itself (its `SCRYPT_MAX_MEM`, also the default `maxmem` of Python's `hashlib.scrypt` and
//!   Node's `crypto.scrypt`). The ceiling is twice that: 128·N·r·p ≤ 64 MiB, which bounds both
//!   the memory scrypt allocates (128·N·r, plus 128·r·p) and its work (N·r·p block mixes).

use std::fmt;

/// The most iterations of PBKDF2, PBKDF1 (PBES1) or the PKCS#12 KDF that are derived.
pub const MAX_ITERATIONS: u64 = 2_000_000;

/// The most bytes of scrypt work (128·N·r·p) that are derived.
pub const MAX_SCRYPT_BYTES: u64 = 64 * 1024 * 1024;

/// The key-derivation functions the ceilings bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kdf {
    /// PBKDF2 (PBES2, RFC 8018 §5.2).
    Pbkdf2,
    /// PBKDF1 (PBES1, RFC 8018 §5.1).
    Pbkdf1,
    /// The PKCS#12 KDF (RFC 7292 Appendix B).
    Pkcs12,
    /// scrypt (RFC 7914).
    Scrypt,
}

impl Kdf {
    fn name(self) -> &'static str {
        match self {
            Self::Pbkdf2 => "PBKDF2",
            Self::Pbkdf1 => "PBKDF1 (PBES1)",
            Self::Pkcs12 => "PKCS#12 KDF",
            Self::Scrypt => "scrypt",
        }
    }
}

/// A derivation that asks for more than its ceiling. Holds only public parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverCeiling {
    /// The function.
    pub kdf: Kdf,
    /// What was asked: iterations, or scrypt bytes (128·N·r·p).
    pub asked: u64,
    /// The ceiling it exceeds.
    pub ceiling: u64,
    /// scrypt's (N, r, p), to name them in messages.
    pub scrypt: Option<(u64, u64, u64)>,
}

impl OverCeiling {
    /// What was asked and the ceiling, in both languages.
    pub fn text(&self) -> crate::lang::Text {
        match self.scrypt {
            Some((n, r, p)) => {
                let asked = self.asked.div_ceil(1024 * 1024);
                let ceiling = self.ceiling / (1024 * 1024);
                tr!(
                    "scrypt with N = {n}, r = {r}, p = {p} asks for {asked} MiB (128·N·r·p), above \
                     the ceiling of {ceiling} MiB",
                    "scrypt 参数 N = {n}、r = {r}、p = {p} 需要 {asked} MiB 内存（128·N·r·p），\
                     超过上限 {ceiling} MiB"
                )
            }
            None => {
                let (kdf, asked, ceiling) = (self.kdf.name(), self.asked, self.ceiling);
                tr!(
                    "{kdf} with {asked} iterations, above the ceiling of {ceiling}",
                    "{kdf} 迭代 {asked} 次，超过上限 {ceiling} 次"
                )
            }
        }
    }
}

impl fmt::Display for OverCeiling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
    }
}

/// Checks an iteration count: `Ok` from 1 to [`MAX_ITERATIONS`]. A count below 1 is not a
/// derivation at all (`Err(None)`).
pub fn iterations(kdf: Kdf, count: i64) -> Result<u32, Option<OverCeiling>> {
    if count < 1 {
        return Err(None);
    }
    let asked = count.unsigned_abs();
    if asked > MAX_ITERATIONS {
        return Err(Some(OverCeiling {
            kdf,
            asked,
            ceiling: MAX_ITERATIONS,
            scrypt: None,
        }));
    }
    // At most MAX_ITERATIONS, which fits in a u32.
    Ok(u32::try_from(asked).unwrap_or(u32::MAX))
}

/// Checks scrypt's parameters against [`MAX_SCRYPT_BYTES`] (computed without overflow).
pub fn scrypt(n: u64, r: u64, p: u64) -> Result<(), OverCeiling> {
    let asked = u128::from(n)
        .saturating_mul(u128::from(r))
        .saturating_mul(u128::from(p))
        .saturating_mul(128);
    if asked > u128::from(MAX_SCRYPT_BYTES) {
        return Err(OverCeiling {
            kdf: Kdf::Scrypt,
            asked: u64::try_from(asked).unwrap_or(u64::MAX),
            ceiling: MAX_SCRYPT_BYTES,
            scrypt: Some((n, r, p)),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iteration_counts_are_bounded_on_both_sides() {
        assert_eq!(iterations(Kdf::Pbkdf2, 2048), Ok(2048));
        assert_eq!(iterations(Kdf::Pbkdf2, 2_000_000), Ok(2_000_000));
        assert_eq!(iterations(Kdf::Pkcs12, 0), Err(None));
        assert_eq!(iterations(Kdf::Pkcs12, -5), Err(None));
        let over = iterations(Kdf::Pbkdf2, 1 << 31).unwrap_err().unwrap();
        assert_eq!(over.asked, 1 << 31);
        assert_eq!(
            over.to_string(),
            "PBKDF2 with 2147483648 iterations, above the ceiling of 2000000"
        );
    }

    #[test]
    fn scrypt_is_bounded_by_its_work_without_overflow() {
        // What `openssl pkcs8 -scrypt` writes: 16 MiB.
        assert_eq!(scrypt(16_384, 8, 1), Ok(()));
        assert_eq!(scrypt(65_536, 8, 1), Ok(()));
        // 16 GiB, the size that aborted the process.
        let over = scrypt(1 << 24, 8, 1).unwrap_err();
        assert_eq!(over.asked, 16 << 30);
        assert!(over.to_string().contains("N = 16777216, r = 8, p = 1"));
        // Few blocks of memory, but p multiplies the work.
        assert!(scrypt(1024, 8, 65_535).is_err());
        // Parameters that overflow a u64 product.
        assert!(scrypt(u64::MAX, u64::MAX, u64::MAX).is_err());
    }
}
