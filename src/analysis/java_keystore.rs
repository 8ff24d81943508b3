//! Java's own keystores, JKS and its JCE variant JCEKS, as `keytool` wrote them before Java 9 and
//! as Tomcat guides and certificate downloads still hand them out (Huawei Cloud CCM's Tomcat
//! archive holds `server.jks` and `keystorePass.txt`). Their certificates are stored as plain DER
//! and are read here; their private keys are not: each is locked with Sun's own scheme (JKS's
//! key protector, JCEKS's variant of PBE with MD5 and triple DES), which only Java implements and
//! this project does not write by hand. The keystore's closing keyed SHA-1 is not checked either
//! (it needs the password, and nothing read here depends on it).
//!
//! The format (`JavaKeyStore.engineLoad` of `OpenJDK`), big-endian throughout: the magic number
//! (`FEEDFEED`, or `CECECECE` for JCEKS), the version (1 or 2), the number of entries, then each
//! entry: its tag (1 a private key, 2 a trusted certificate, 3 a JCEKS secret key), its alias
//! (Java's modified UTF-8, after a 2-byte length), its creation time (8 bytes); a private key
//! entry then holds the protected key (a 4-byte length, then the bytes) and its certificate
//! chain (a 4-byte count, then each certificate), a trusted certificate entry one certificate; a
//! certificate is its type (version 2 only: `X.509`, as a string like the alias), a 4-byte
//! length and its encoding. A secret key entry is a serialized Java object, whose length only
//! Java's deserialization knows: reading stops there.

/// Which of Java's keystore formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Sun's `JKS`.
    Jks,
    /// The JCE provider's `JCEKS`.
    Jceks,
}

impl Kind {
    /// The format's name (`JKS`, `JCEKS`), as `keytool -storetype` takes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Jks => "JKS",
            Self::Jceks => "JCEKS",
        }
    }

    /// The format the magic number at the start of `bytes` names.
    pub(crate) fn of(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [0xfe, 0xed, 0xfe, 0xed, ..] => Some(Self::Jks),
            [0xce, 0xce, 0xce, 0xce, ..] => Some(Self::Jceks),
            _ => None,
        }
    }
}

/// One entry of a keystore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Its alias (`tomcat`, `server`), as `keytool -alias` names it.
    pub(crate) alias: String,
    /// What it holds.
    pub(crate) content: Content,
}

/// What an entry holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Content {
    /// A private key (not read) and its certificate chain, leaf first, as DER.
    Key {
        /// The chain's certificates.
        chain: Vec<Vec<u8>>,
    },
    /// A trusted certificate, as DER.
    Trusted(Vec<u8>),
    /// A secret key (JCEKS): no part of a certificate; the entries after it are not read.
    Secret,
}

/// A keystore as read: its format, its entries in file order, and how many entries were not read
/// (those after a secret key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Keystore {
    /// JKS or JCEKS.
    pub(crate) kind: Kind,
    /// The entries read.
    pub(crate) entries: Vec<Entry>,
    /// Entries after a secret key, not read.
    pub(crate) unread: usize,
}

/// Why a keystore could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeystoreError {
    /// It is not a JKS or JCEKS file, or of a version Java never wrote.
    NotAKeystore,
    /// It ends after `at` bytes, inside a field whose length goes on: it was cut short.
    CutShort {
        /// The keystore's length.
        at: usize,
    },
    /// An entry of a kind Java never wrote (its tag), at this entry (0-based).
    UnknownEntry {
        /// The entry's position.
        entry: usize,
        /// Its tag.
        tag: u32,
    },
}

/// The most entries read from one keystore (a truststore of every public root has about 150).
pub(crate) const MAX_ENTRIES: usize = 10_000;

/// Reads the keystore `bytes` holds (within the bytes given: every length is checked against
/// what is left, and at most [`MAX_ENTRIES`] entries are read).
pub(crate) fn read(bytes: &[u8]) -> Result<Keystore, KeystoreError> {
    let kind = Kind::of(bytes).ok_or(KeystoreError::NotAKeystore)?;
    let mut r = Reader { bytes, at: 4 };
    let version = r.u32()?;
    if version != 1 && version != 2 {
        return Err(KeystoreError::NotAKeystore);
    }
    let count = usize::try_from(r.u32()?).unwrap_or(usize::MAX);
    let mut entries = Vec::new();
    for entry in 0..count.min(MAX_ENTRIES) {
        let tag = r.u32()?;
        let alias = r.utf()?;
        r.take(8)?; // The creation time.
        let content = match tag {
            1 => {
                let length = r.length()?;
                r.take(length)?; // The protected key.
                let certificates = usize::try_from(r.u32()?).unwrap_or(usize::MAX);
                let mut chain = Vec::new();
                for _ in 0..certificates {
                    if let Some(der) = r.certificate(version)? {
                        chain.push(der);
                    }
                }
                Content::Key { chain }
            }
            2 => match r.certificate(version)? {
                Some(der) => Content::Trusted(der),
                None => continue,
            },
            3 if kind == Kind::Jceks => {
                entries.push(Entry {
                    alias,
                    content: Content::Secret,
                });
                return Ok(Keystore {
                    kind,
                    entries,
                    unread: count - entry - 1,
                });
            }
            tag => return Err(KeystoreError::UnknownEntry { entry, tag }),
        };
        entries.push(Entry { alias, content });
    }
    Ok(Keystore {
        kind,
        entries,
        unread: count.saturating_sub(MAX_ENTRIES),
    })
}

/// A cursor over the keystore's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// The next `n` bytes, or the keystore was cut short.
    fn take(&mut self, n: usize) -> Result<&'a [u8], KeystoreError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len());
        let Some(end) = end else {
            return Err(KeystoreError::CutShort {
                at: self.bytes.len(),
            });
        };
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, KeystoreError> {
        let bytes = self.take(4)?;
        Ok(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    /// A 4-byte length (Java writes a signed int; a negative one is past any keystore).
    fn length(&mut self) -> Result<usize, KeystoreError> {
        Ok(usize::try_from(self.u32()?).unwrap_or(usize::MAX))
    }

    /// A string as Java's `DataOutputStream.writeUTF` writes it: a 2-byte length, then modified
    /// UTF-8 (which differs from UTF-8 only for NUL and characters beyond the BMP, shown as
    /// U+FFFD here).
    fn utf(&mut self) -> Result<String, KeystoreError> {
        let bytes = self.take(2)?;
        let length = usize::from(u16::from_be_bytes([bytes[0], bytes[1]]));
        Ok(String::from_utf8_lossy(self.take(length)?).into_owned())
    }

    /// A certificate: its encoding when it is an X.509 one (Java's only certificate type in
    /// practice; another is skipped).
    fn certificate(&mut self, version: u32) -> Result<Option<Vec<u8>>, KeystoreError> {
        let x509 = version == 1 || self.utf()? == "X.509";
        let length = self.length()?;
        let der = self.take(length)?;
        Ok(x509.then(|| der.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A keystore of `version` with the given entries, written as Java writes one.
    fn keystore(magic: [u8; 4], version: u32, entries: &[(u32, &str, &[&[u8]])]) -> Vec<u8> {
        let mut out = magic.to_vec();
        out.extend(version.to_be_bytes());
        out.extend((entries.len() as u32).to_be_bytes());
        let utf = |out: &mut Vec<u8>, s: &str| {
            out.extend((s.len() as u16).to_be_bytes());
            out.extend(s.as_bytes());
        };
        let certificate = |out: &mut Vec<u8>, der: &[u8]| {
            if version == 2 {
                utf(out, "X.509");
            }
            out.extend((der.len() as u32).to_be_bytes());
            out.extend(der);
        };
        for (tag, alias, certificates) in entries {
            out.extend(tag.to_be_bytes());
            utf(&mut out, alias);
            out.extend(0u64.to_be_bytes());
            match tag {
                1 => {
                    out.extend(3u32.to_be_bytes());
                    out.extend([1, 2, 3]);
                    out.extend((certificates.len() as u32).to_be_bytes());
                    for der in *certificates {
                        certificate(&mut out, der);
                    }
                }
                2 => certificate(&mut out, certificates[0]),
                _ => out.extend([0xac, 0xed, 0, 5]),
            }
        }
        out.extend([0; 20]);
        out
    }

    #[test]
    fn entries_are_read_in_order_in_both_versions() {
        for version in [1, 2] {
            let bytes = keystore(
                [0xfe, 0xed, 0xfe, 0xed],
                version,
                &[(1, "tomcat", &[b"leaf", b"ca"]), (2, "root", &[b"root"])],
            );
            let read = read(&bytes).unwrap();
            assert_eq!(read.kind, Kind::Jks);
            assert_eq!(read.unread, 0);
            assert_eq!(
                read.entries,
                vec![
                    Entry {
                        alias: "tomcat".into(),
                        content: Content::Key {
                            chain: vec![b"leaf".to_vec(), b"ca".to_vec()]
                        }
                    },
                    Entry {
                        alias: "root".into(),
                        content: Content::Trusted(b"root".to_vec())
                    },
                ]
            );
        }
    }

    #[test]
    fn reading_stops_at_a_secret_key_and_counts_what_follows() {
        let bytes = keystore(
            [0xce, 0xce, 0xce, 0xce],
            2,
            &[(3, "aes", &[]), (2, "root", &[b"root"])],
        );
        let read = read(&bytes).unwrap();
        assert_eq!(read.kind, Kind::Jceks);
        assert_eq!(read.entries.len(), 1);
        assert_eq!(read.entries[0].content, Content::Secret);
        assert_eq!(read.unread, 1);
        // JKS has no secret keys: there, tag 3 is no entry Java writes.
        let mut jks = bytes.clone();
        jks[..4].copy_from_slice(&[0xfe, 0xed, 0xfe, 0xed]);
        assert_eq!(
            super::read(&jks),
            Err(KeystoreError::UnknownEntry { entry: 0, tag: 3 })
        );
    }

    #[test]
    fn a_keystore_cut_anywhere_or_with_huge_lengths_is_an_error_not_a_panic() {
        let bytes = keystore(
            [0xfe, 0xed, 0xfe, 0xed],
            2,
            &[(1, "tomcat", &[b"leaf", b"ca"]), (2, "root", &[b"root"])],
        );
        // The 20 bytes of the keyed digest at the end are not read.
        for end in 0..bytes.len() - 20 {
            let cut = read(&bytes[..end]);
            assert!(
                matches!(
                    cut,
                    Err(KeystoreError::CutShort { .. } | KeystoreError::NotAKeystore)
                ),
                "{end}: {cut:?}"
            );
        }
        let mut huge = bytes.clone();
        // The entry count, then the protected key's length: 4 GiB.
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(read(&huge).is_err());
        let at = 12 + 4 + 2 + "tomcat".len() + 8;
        let mut huge = bytes;
        huge[at..at + 4].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(read(&huge), Err(KeystoreError::CutShort { at: huge.len() }));
    }
}
