//! Diagnostics shared by both pipelines: a permanent kebab-case [`Code`], an ordered [`Severity`], a
//! [`Location`] (a place in an input, a request field, the material, ...) and a message with a separate fix hint.
//!
//! Every code is declared once, in the table inside [`codes!`], together with its severity and its
//! documentation; `Code::ALL` lists them so that tests and the UI can walk every code.

mod documentation_zh;

use crate::lang::{Lang, Text};
use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A fact worth knowing; nothing to fix.
    Info,
    /// Accepted, but risky or likely to surprise.
    Warning,
    /// The provider will reject it, or it cannot work.
    Error,
}

crate::words::serialize_as_str!(Severity);
crate::words::deserialize_as_str!(Severity, Code);

impl Severity {
    /// Every severity, least first.
    pub const ALL: [Self; 3] = [Self::Info, Self::Warning, Self::Error];

    /// The lowercase name used in JSON and in the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, $severity:ident; )+) => {
        /// A permanent diagnostic code. Names never change once published; new codes are added.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The permanent kebab-case name (`data-code` in the page, `code` in JSON).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)+ }
            }

            /// The severity a diagnostic with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)+ }
            }

            /// The documentation of this code: what it means and how to fix it.
            pub fn documentation(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc, "\n"),+),)+ }
            }
        }
    };
}

codes! {
    /// The input holds nothing but white space. Paste or pick the certificate material.
    EmptyInput = "empty-input", Error;
    /// No PEM block and no DER structure was found in the input (a PDF document, an Outlook
    /// `.msg` or another binary Office file is said to be one). A PEM certificate starts with `-----BEGIN CERTIFICATE-----`; export the certificate
    /// as PEM or DER and try again.
    NoPemOrDer = "no-pem-or-der", Error;
    /// A `-----BEGIN …-----` line has no matching `-----END …-----` line before the next BEGIN or the
    /// end of the input. The block was probably cut short when copying: copy it again, whole.
    PemMissingEnd = "pem-missing-end", Error;
    /// The label on a block's END line differs from its BEGIN line (`BEGIN CERTIFICATE` … `END PRIVATE
    /// KEY`). Two blocks were probably merged: copy each block from its BEGIN to its own END line.
    PemLabelMismatch = "pem-label-mismatch", Error;
    /// The body of a PEM block is not valid base64. Characters were lost or added while copying
    /// (a mail client, a word processor, a terminal that wrapped lines): copy the block again.
    PemInvalidBase64 = "pem-invalid-base64", Error;
    /// The bytes decode, but they are not the ASN.1 structure the block's label promises (for a
    /// certificate: an X.509 `Certificate`). The file may be truncated or of another kind.
    InvalidAsn1 = "invalid-asn1", Error;
    /// Text outside any PEM block was ignored (for example `Bag Attributes` or `subject=` lines that
    /// openssl prints). Nothing to fix; providers want only the blocks.
    TextOutsideBlocks = "text-outside-blocks", Info;
    /// A private key or certificate request was found in an input meant for certificates. It is
    /// still analysed as what it is; move it to its own input. Also material that is not used: a
    /// bare public key, Diffie-Hellman parameters (a web server's `ssl_dhparam` file), a
    /// certificate revocation list.
    NotACertificate = "not-a-certificate", Warning;
    /// A block with a label this tool does not know. Check that the right file was picked.
    UnknownPemLabel = "unknown-pem-label", Warning;
    /// An `EC PARAMETERS` block, the curve's name that `openssl ecparam -genkey` writes before the
    /// key it makes: not needed (the key names its curve), skipped. Nothing to do.
    EcParametersSkipped = "ec-parameters-skipped", Info;
    /// The material is of another system, often taken for a certificate or its key: an SSH key
    /// (OpenSSH or PuTTY private key, `ssh-rsa AAAA…`, RFC 4716 public key), an OpenPGP block,
    /// or a Java keystore (JKS, JCEKS) that cannot be read, which no target takes and whose key
    /// only Java reads. Give the certificate your CA issued and the key made with its CSR; for a
    /// keystore, download the certificate again for Nginx or Apache (PEM files), or convert it to
    /// PKCS#12 with `keytool -importkeystore … -deststoretype PKCS12`.
    NotTlsMaterial = "not-tls-material", Error;
    /// A ZIP archive (as CAs and cloud consoles hand certificates out): its files that hold
    /// certificates, keys or requests are read as inputs of their own, named `archive.zip/file`;
    /// the others are named as not read, archives inside it as not opened (one level is read); of
    /// a Word document (`.docx`, a ZIP archive of XML) or an OpenDocument file (`.odt`, `.ods`), the
    /// text of its body is read. Nothing to fix: what is uploaded is built from what was read.
    ArchiveOpened = "archive-opened", Info;
    /// An archive, or one of its files, could not be read: a RAR, 7-Zip, gzip or tar archive
    /// (only ZIP is opened); a ZIP archive damaged or cut short, encrypted with the archive's
    /// password, compressed with a method other than deflate, ZIP64 or split, or inflating past
    /// the ceilings (16 MiB a file, 64 MiB in all). Extract it and give its files.
    ArchiveUnreadable = "archive-unreadable", Error;
    /// The password of the archive's PKCS#12 file (and encrypted keys) was read from the archive's
    /// password file (`pfx-password.txt`, `jks-password.txt` …), as Tomcat and IIS downloads carry
    /// one; it opens the archive's files (a password given to the tool is tried when it is wrong),
    /// and a password given to the tool the other inputs. With a password file in each of several
    /// folders, each file tries its own folder's first, then the others.
    ArchivePasswordFile = "archive-password-file", Info;
    /// A locked file of an archive was not tried with all of the archive's password files: one
    /// analysis tries at most 16 password files beyond each file's first (each try derives a key),
    /// and that many were tried already. Give the file's password, or the file with its own
    /// password file.
    ArchivePasswordTriesExhausted = "archive-password-tries-exhausted", Warning;
    /// An input was not read: it is larger than 32 MiB, the most one input may be, or the inputs
    /// read before it already came to the 64 MiB read in all (certificates, keys, requests and
    /// the archives CAs send are a few KB to a few MB). Check that it is the right file.
    InputTooLarge = "input-too-large", Error;
    /// The certificate's notAfter lies in the past: every provider rejects or will stop serving it.
    /// Renew the certificate with your CA.
    CertificateExpired = "certificate-expired", Error;
    /// A certificate that is not on the leaf's path (a renewal's old certificate beside the new
    /// one, another chain's) has expired. It is not uploaded: drop it.
    OffPathCertificateExpired = "off-path-certificate-expired", Warning;
    /// A certificate that is not on the leaf's path (a renewal dated later than the certificate it
    /// replaces, another chain's) is not valid yet. It is not uploaded: drop it, or upload it in
    /// place of the current certificate once it is valid.
    OffPathCertificateNotYetValid = "off-path-certificate-not-yet-valid", Warning;
    /// The self-signed root at the top of the leaf's path has expired or is not valid yet, but the
    /// target is sent the chain without its root (clients use their own copy): it does not block
    /// this upload. Remove it from the bundle you keep.
    UnsentRootNotValid = "unsent-root-not-valid", Info;
    /// The certificate's notBefore lies in the future: clients reject it until then. Check the clock
    /// of the machine that issued it, or wait.
    CertificateNotYetValid = "certificate-not-yet-valid", Error;
    /// The certificate expires within 30 days. Plan its renewal before uploading it. Not said of a
    /// certificate off the leaf's path, which is not uploaded.
    CertificateExpiresSoon = "certificate-expires-soon", Warning;
    /// The certificate is signed with SHA-1 or MD5. Browsers, current TLS clients and several
    /// providers refuse such signatures on anything but a self-signed root: have it reissued with SHA-256.
    /// Not said of a certificate off the leaf's path, which is not uploaded.
    WeakSignatureHash = "weak-signature-hash", Warning;
    /// An RSA key (in a certificate, request or private key) has fewer than 2048 bits. CAs stopped
    /// issuing for such keys (CA/Browser Forum Baseline Requirements §6.1.5): make a new key. Not
    /// said of a certificate off the leaf's path, which is not uploaded.
    WeakRsaKey = "weak-rsa-key", Warning;
    /// The certificate's serial number is not what RFC 5280 §4.1.2.2 allows a CA to write: a
    /// positive integer of at most 20 octets (`openssl x509 -set_serial` writes any). It is read
    /// as any other; OpenSSL and Java accept it, stricter software refuses it (Go since 1.23 a
    /// negative one, the `x509-cert` crate by default one over 20 octets). No provider's
    /// documentation read says it refuses one. If anything refuses it, have it reissued. Not said
    /// of a certificate off the leaf's path, which is not uploaded.
    SerialNumberNotRfc5280 = "serial-number-not-rfc5280", Warning;
    /// The same certificate appears more than once. Providers may reject the chain; keep one copy.
    ChainDuplicateCertificate = "chain-duplicate-certificate", Warning;
    /// The certificates are not in chain order (leaf first, then each issuer after the certificate
    /// it signed). Several providers reject or mis-serve such bundles; the fix reorders them.
    ChainOutOfOrder = "chain-out-of-order", Warning;
    /// One PKCS#12 or PKCS#7 file keeps its certificates in another order than the chain's (NSS
    /// stores the leaf last), or a ZIP archive keeps them in separate files, read in the order of
    /// their names (an Apache download's certificate and chain). That order has no meaning and
    /// cannot be chosen; what is uploaded is built in chain order. Nothing to do.
    ContainerCertificateOrder = "container-certificate-order", Info;
    /// One PKCS#12 or PKCS#7 file holds the same certificate twice (a Java keystore holds its CA
    /// certificates in the key's chain and again as trusted entries), or two files of one ZIP
    /// archive do (a download with one file per server type: Nginx's PEM, IIS's PKCS#12). What is
    /// uploaded keeps one copy. Nothing to do.
    ContainerDuplicateCertificate = "container-duplicate-certificate", Info;
    /// A certificate is not on the leaf's path to its root: it belongs to another chain. Drop it.
    /// When it is another end-entity certificate (a renewal's old certificate, another site's),
    /// the message says which was taken as the leaf and why: the one whose private key is given,
    /// else the one valid now, else the one given first.
    ChainCertificateNotOnPath = "chain-certificate-not-on-path", Warning;
    /// A CA certificate off the leaf's path has the subject and the key of one on it, issued
    /// otherwise: a root's self-signed certificate beside its cross-signed one (CAs ship both for
    /// clients that trust only the older root). The path takes one; the other is not uploaded and
    /// nothing is missing for it. Give the cross-signed one alone only if your clients trust only
    /// its issuer.
    ChainOtherFormOfCa = "chain-other-form-of-ca", Info;
    /// A certificate has the right issuer name, but the signature it should have made does not
    /// verify with its key: it is another CA certificate with the same name (re-keyed or
    /// cross-signed). Get the issuer whose key identifier matches.
    ChainSignatureMismatch = "chain-signature-mismatch", Error;
    /// The certificates given do not connect: an intermediate between them is missing. The message
    /// names the issuer and its key identifier to look for.
    ChainMissingIssuer = "chain-missing-issuer", Error;
    /// Only the leaf is given; its issuer is not. Clients that do not already have the intermediate
    /// will fail: add the intermediate(s) your CA sent.
    ChainIncomplete = "chain-incomplete", Warning;
    /// The chain stops at an intermediate; its root is not included. That is what most upload APIs
    /// want, provided the root is in the clients' trust stores.
    ChainRootNotIncluded = "chain-root-not-included", Info;
    /// The chain includes its self-signed root. Most upload APIs want it left out; some accept it.
    ChainRootIncluded = "chain-root-included", Info;
    /// A certificate on the path issued another one but is not a CA (basicConstraints cA is not
    /// TRUE, RFC 5280 §4.2.1.9). Clients reject the chain.
    IssuerNotCa = "issuer-not-ca", Error;
    /// An issuer's keyUsage does not include keyCertSign (RFC 5280 §4.2.1.3). Clients reject the chain.
    IssuerLacksKeyCertSign = "issuer-lacks-key-cert-sign", Error;
    /// A CA's pathLenConstraint allows fewer intermediates below it than the chain has (RFC 5280 §6.1.4).
    PathLengthExceeded = "path-length-exceeded", Error;
    /// The leaf is self-signed (and not a CA): no client will trust it unless told to.
    SelfSignedLeaf = "self-signed-leaf", Warning;
    /// An encrypted private key was given without a passphrase. Give the passphrase (it never
    /// leaves this machine) or export the key unencrypted.
    EncryptedKeyNeedsPassphrase = "encrypted-key-needs-passphrase", Error;
    /// The passphrase does not decrypt the private key. Check it (and the keyboard layout).
    WrongPassphrase = "wrong-passphrase", Error;
    /// A PKCS#12 (.p12/.pfx) file needs its password to be opened. Give it (it never leaves this machine).
    Pkcs12NeedsPassword = "pkcs12-needs-password", Error;
    /// The password does not open the PKCS#12 file (its MAC or its decryption fails).
    WrongPkcs12Password = "wrong-pkcs12-password", Error;
    /// The password opened the PKCS#12 file or the key only as OpenSSL before 1.1.0 encoded a
    /// password beyond ASCII (each byte of its UTF-8 one character, where RFC 7292 wants its
    /// UTF-16; OpenSSL 1.0.2, still on older servers, writes so). The certificates and the key were read;
    /// Windows, Java and most other tools call that password wrong for this file. To use the file
    /// elsewhere, export it again with OpenSSL 1.1.0 or later.
    OldOpensslPassword = "old-openssl-password", Info;
    /// The key or container uses an encryption this tool does not support. Re-export it with
    /// AES-256 (PBES2), e.g. `openssl pkcs8 -topk8 -v2 aes-256-cbc`. A Java keystore's key (JKS,
    /// JCEKS: Java's own schemes, which only Java reads; the keystore's certificates are read):
    /// convert the keystore to PKCS#12 with `keytool -importkeystore … -deststoretype PKCS12`.
    UnsupportedEncryption = "unsupported-encryption", Error;
    /// A Java keystore's private key is locked with Java's own scheme and not read, but the
    /// keystore holds the leaf and the leaf's key is given in another file (a download with one
    /// file per server type: Tomcat's keystore beside Nginx's PEM key). Nothing to do.
    KeystoreKeyNotNeeded = "keystore-key-not-needed", Info;
    /// The private key is not the key of the leaf certificate. The message says which certificate
    /// it does belong to, if any. Providers answer with a key-mismatch error after upload.
    KeyDoesNotMatchCertificate = "key-does-not-match-certificate", Error;
    /// The private key belongs to the leaf certificate.
    KeyMatchesCertificate = "key-matches-certificate", Info;
    /// The certificate request's own signature does not verify: it was altered or damaged.
    CsrSignatureInvalid = "csr-signature-invalid", Error;
    /// The certificate request's public key is not the leaf certificate's: the certificate was
    /// issued for another request (another key).
    CsrDoesNotMatchCertificate = "csr-does-not-match-certificate", Error;
    /// The certificate request's public key is not the private key's public key.
    CsrDoesNotMatchKey = "csr-does-not-match-key", Error;
    /// A PKCS#7 bundle holds no certificate (a CRL-only or detached-signature file was given). Export
    /// the chain again as a .p7b with certificates, or as PEM (`openssl pkcs7 -print_certs`).
    Pkcs7WithoutCertificates = "pkcs7-without-certificates", Warning;
    /// A request field the target API requires is missing. Give it with `--field NAME=VALUE` (or in
    /// the page's form).
    FieldMissing = "field-missing", Error;
    /// A request field's value breaks the target API's documented rule (pattern, allowed values,
    /// combination with another field). The message quotes the rule and its source.
    FieldInvalid = "field-invalid", Error;
    /// A request field is longer than the target API allows (characters, or entries in a list).
    /// The provider rejects the request; shorten it.
    FieldTooLong = "field-too-long", Error;
    /// A value is within one documented limit but above another, lower one (the provider's documents
    /// disagree). It may be rejected; the message names both sources.
    FieldOverDisputedLimit = "field-over-disputed-limit", Warning;
    /// The field is not a parameter of the target API, or it is filled from the certificate
    /// material instead. The message lists the fields the target takes.
    FieldUnknown = "field-unknown", Error;
    /// The field is accepted but has no effect for this request (for example `domain` when `type` is
    /// not `server`, or a private key the API never takes). It is left out of the request.
    FieldIgnored = "field-ignored", Warning;
    /// The target takes a different number of certificates than were given (Alibaba SLB
    /// `UploadCACertificate` takes exactly one; Huawei ELB at most 11).
    TargetCertificateCount = "target-certificate-count", Error;
    /// The target needs a CA certificate here (basicConstraints cA=TRUE with keyCertSign), and this
    /// one is not.
    TargetNeedsCaCertificate = "target-needs-ca-certificate", Error;
    /// The certificate's key algorithm or size is not among those the target accepts.
    TargetKeyAlgorithm = "target-key-algorithm", Error;
    /// The certificate's key algorithm or size is not in the target's list, but the list was written
    /// for a sister API or the sources disagree; it may be accepted.
    TargetKeyAlgorithmUnlisted = "target-key-algorithm-unlisted", Warning;
    /// The value breaks a rule documented only for a sister API or in one source of several; the
    /// provider may accept it. The message names the source.
    FieldUnverifiedRule = "field-unverified-rule", Warning;
    /// The certificate's signature hash is not among those the target accepts.
    TargetSignatureAlgorithm = "target-signature-algorithm", Error;
    /// The target needs a private key (Huawei ELB `server` and `server_sm` certificates) and none
    /// was given, or it could not be decrypted.
    TargetNeedsPrivateKey = "target-needs-private-key", Error;
    /// The target checks the certificate against a CSR it generated (Alibaba KMS, Huawei CCM private
    /// CA). Give that CSR so the match can be checked before upload.
    TargetCsrNotGiven = "target-csr-not-given", Warning;
    /// The key is in an encoding the target is known to refuse or to mishandle; the request uses the
    /// re-encoded key shown in the fixes (same key, other encoding).
    TargetKeyReencoded = "target-key-reencoded", Info;
    /// The target's answer to the upload repeats the private key it was sent (Huawei ELB: its
    /// private-key echo, on for a project unless turned off, shows the key in the answers to
    /// create, update, show and list). The generated commands print `******` in its place; anyone
    /// who may read the project's certificates can read the key back while the echo is on.
    AnswerRepeatsKey = "answer-repeats-key", Info;
    /// The certificates were normalised for the target (order, duplicates, strays, root, line
    /// endings, line length, text between blocks). The fixes show before and after.
    TargetBundleNormalised = "target-bundle-normalised", Info;
    /// The chain sent with the certificate does not reach a root. The target accepts it, but will
    /// not be able to export the complete chain later.
    TargetChainIncomplete = "target-chain-incomplete", Warning;
    /// A name in the `domain` field is not covered by the certificate's names (SANs, or the common
    /// name when there are no DNS SANs). Clients asking for it would get a name mismatch.
    DomainNotCovered = "domain-not-covered", Error;
    /// The region is not one the target's documentation or SDK lists for this API. The request is
    /// still built for the host derived from it; check the region ID.
    RegionNotListed = "region-not-listed", Warning;
    /// The request URL is long (ACS3 signing keeps the parameters in the query, as the official SDK
    /// does). Gateways answer `414 Request-URI Too Large` above about 8 KiB: prefer `--auth v2`,
    /// which sends them in the body.
    UrlTooLong = "url-too-long", Warning;
    // Input recovery (issue 13): mangled PEM recognised and undone before decoding
    // (src/analysis/recover.rs), one code per kind of recovery; the block is read as recovered.
    /// A block's lines held characters that only look like PEM's: no-break or other Unicode
    /// spaces (a web page, a word processor), zero-width characters (chat apps and wikis wrap long
    /// lines with them), full-width forms (an input method in full-width mode: `－－－－－ＢＥＧＩＮ`),
    /// dashes other than the hyphen-minus (autocorrect's `–` and `—`); or BEGIN/END lines typed
    /// by hand (3 to 10 dashes each side, lower case). They were written as PEM, in the block's
    /// lines only.
    RecoveredLookAlikes = "recovered-look-alike-characters", Info;
    /// Every line of a block began with the same marks: `>` (a quoted e-mail, `> >` quoted
    /// twice), `#`, `//`, `*` or `;` (a commented-out block in a script, a source or config
    /// file), `+` (a diff's added lines). They were removed.
    RecoveredLinePrefix = "recovered-line-prefix", Info;
    /// Each line of a block was a string literal, as source code holds a certificate (`"…\n" \`
    /// in C, `"…\n" +` in Java, an array of lines in JSON): the quotes and escapes were removed.
    RecoveredSourceStrings = "recovered-source-strings", Info;
    /// Each line of a block began with its line number, counting up (copied from `cat -n`, `nl`,
    /// `less -N` or a code viewer): the numbers were removed.
    RecoveredLineNumbers = "recovered-line-numbers", Info;
    /// A block's body was quoted-printable, as an e-mail's source (a `.eml` file, "show
    /// original") holds a text body: its padding `=` written `=3D`. Decoded; nothing to fix.
    RecoveredQuotedPrintable = "recovered-quoted-printable", Info;
    /// The input is a JSON document (an API example, Terraform state, a JSON manifest): the PEM
    /// in its string values was taken out, in document order. The message names the value's path.
    RecoveredJsonDocument = "recovered-json-document", Info;
    /// The PEM was the value of a `key: value` or `key = value` in other text (YAML such as a
    /// Kubernetes manifest, a config file): it was taken out. The message names the key.
    RecoveredDocumentValue = "recovered-document-value", Info;
    /// The PEM was wrapped in quotes (copied with them from a JSON or YAML value): they were removed.
    RecoveredQuotes = "recovered-quotes", Info;
    /// The PEM held JSON string escapes (`\n`, `\r\n`, `\/`, `\u002b`; YAML's escaped line
    /// breaks too), possibly doubled (`\\n`): they were undone.
    RecoveredJsonEscapes = "recovered-json-escapes", Info;
    /// A block was written on one line, or with spaces, tabs or `<br>` tags where its line breaks
    /// were: the line breaks were restored.
    RecoveredLineBreaks = "recovered-line-breaks", Info;
    /// The PEM came as base64 of a whole PEM file (`LS0tLS1CRUdJTi…`, as `kubectl get secret -o
    /// yaml` shows `tls.crt`): it was decoded.
    RecoveredBase64Pem = "recovered-base64-pem", Info;
    /// The PEM was URL-encoded (`%0A`, `%2B`, `+` for a space): it was decoded.
    RecoveredPercentEncoding = "recovered-percent-encoding", Info;
    /// The PEM held HTML entities (`&#10;`, `&lt;`, `&amp;`): they were decoded.
    RecoveredHtmlEntities = "recovered-html-entities", Info;
    /// A base64 body with no BEGIN/END lines was found; decoded by trial it is a certificate, a
    /// request, a PKCS#7 bundle or a private key, and it was read as such. Or the whole text, or a
    /// value on one of its lines, is base64 of a Java keystore (as a Kubernetes Secret holds
    /// `keystore.jks`): read as the keystore.
    RecoveredBareBase64 = "recovered-bare-base64", Info;
    /// A block's label does not match its content (a certificate inside `PUBLIC KEY` or `NEW
    /// CERTIFICATE REQUEST`, a plain certificate inside `TRUSTED CERTIFICATE`): the content decides.
    RecoveredLabelFromContent = "recovered-label-from-content", Info;
    /// Recovery stopped at a limit: more nested documents or layers of escapes than are undone.
    /// What is inside was not read; decode the outer layers and give what is inside.
    RecoveryLimitReached = "recovery-limit-reached", Warning;

    // Private keys (issue 13)
    /// An encrypted key or PKCS#12 file asks for more key-derivation work than the published
    /// ceilings (PBKDF2, PBKDF1 and PKCS#12 KDF: 2,000,000 iterations; scrypt: 128·N·r·p ≤ 64 MiB,
    /// ARCHITECTURE.md "Key-derivation ceilings"). No real tool writes such a file; the
    /// derivation is not attempted. Re-export it with the tool's defaults, e.g.
    /// `openssl pkcs8 -topk8 -v2 aes-256-cbc` or `openssl pkcs12 -export`.
    KeyDerivationOverCeiling = "key-derivation-over-ceiling", Error;
    /// The private key is of a type no supported target takes (DSA, DH, Ed448, X25519, X448, an
    /// EC curve other than P-256/P-384/P-521/SM2, explicit curve parameters, an unknown
    /// algorithm). It is read as far as it can be, but cannot be uploaded: make a key of a type
    /// the target lists (RSA 2048, EC P-256…).
    KeyTypeNotAccepted = "key-type-not-accepted", Error;
    /// The private key cannot be valid: its numbers disagree (RSA p·q ≠ n, d, e and the CRT values
    /// inconsistent, an even prime, an unknown version; an EC scalar of zero or not below the
    /// order, a PKCS#8 curve that differs from the SEC1 one inside, a public key that is not the
    /// scalar's). Providers reject it; make a new key (it may have been damaged or forged).
    KeyInvalid = "key-invalid", Error;

    // Provider rules (issue 14)
    /// The material breaks a target rule that no primary source states, or that the sources
    /// disagree on (the message names them all). The provider may accept it; if the upload is
    /// refused, this is the likely reason.
    TargetRuleUnconfirmed = "target-rule-unconfirmed", Warning;
    /// The target API is being retired (its documentation moved to "previous version" pages, the
    /// official CLI dropped it). It may still answer; the message names the API to use instead.
    TargetLegacyApi = "target-legacy-api", Warning;

    // Bounds (issue 13)
    /// The chain was built without checking every signature: an analysis verifies signatures
    /// worth at most 4,096 RSA-2048 checks (about 0.4 s; a P-384 check counts 10, an RSA-4096 one
    /// 4), and tries at most 4 candidate issuers (by name and key identifier) per certificate. The
    /// message names the certificates whose issuer or own signature was not verified. Give only
    /// the chain to have every link checked.
    ChainChecksSkipped = "chain-checks-skipped", Warning;
    /// One input gave more than 1,000 diagnostics of one code (thousands of empty or broken
    /// blocks): the first 1,000 are kept, and this one counts the rest.
    DiagnosticsOmitted = "diagnostics-omitted", Info;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A place in one input: the input's name, the PEM block (1-based, in that input) and the line
/// (1-based) where that block or problem starts. Items, certificates, keys and CSRs carry one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InputLocation {
    /// The file name, or `pasted text`, or `-` for standard input.
    pub file: String,
    /// The 1-based block number within the input, when the problem belongs to one block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// The 1-based line number within the input, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl InputLocation {
    /// The whole of the input named `file`.
    pub fn file(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            block: None,
            line: None,
        }
    }
}

impl fmt::Display for InputLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En, &self.file))
    }
}

impl InputLocation {
    /// The place in `lang`, the input called `name` (the page names its boxes' pasted text in the
    /// page's language; the command line keeps the file's own name).
    pub fn text_in(&self, lang: Lang, name: &str) -> String {
        let mut out = name.to_owned();
        if let Some(block) = self.block {
            out.push_str(&lang.pick(format!(", block {block}"), format!("，第 {block} 块")));
        }
        if let Some(line) = self.line {
            out.push_str(&lang.pick(format!(", line {line}"), format!("，第 {line} 行")));
        }
        out
    }
}

/// Where a diagnostic points.
///
/// The JSON form is a contract older than this type: every location has a `file` key (a field's
/// is `field NAME`, the material's `certificates`, the credentials' `auth`, the target's empty),
/// an input's also `block` and `line` when known; `kind` (and `field` for a field) say the same
/// without parsing `file`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A place in one input.
    Input(InputLocation),
    /// A request field (a `--field NAME=VALUE`, a field of the page's form), by name.
    Field(String),
    /// The certificates given, as a whole.
    Material,
    /// The signing credentials.
    Credentials,
    /// The target itself (its API, what it needs that was not given): no place in the input.
    Target,
}

impl Location {
    /// The word `kind` holds in the JSON form.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Input(_) => "input",
            Self::Field(_) => "field",
            Self::Material => "material",
            Self::Credentials => "credentials",
            Self::Target => "target",
        }
    }

    /// The place in an input, for a location that is one.
    pub fn input(&self) -> Option<&InputLocation> {
        match self {
            Self::Input(at) => Some(at),
            _ => None,
        }
    }

    /// The 1-based block, for a place in an input that belongs to one.
    pub fn block(&self) -> Option<usize> {
        self.input().and_then(|at| at.block)
    }

    /// The 1-based line, for a place in an input where it is known.
    pub fn line(&self) -> Option<usize> {
        self.input().and_then(|at| at.line)
    }

    /// Whether this is the request field `name`.
    pub fn is_field(&self, name: &str) -> bool {
        matches!(self, Self::Field(field) if field == name)
    }
}

impl From<InputLocation> for Location {
    fn from(at: InputLocation) -> Self {
        Self::Input(at)
    }
}

impl From<&InputLocation> for Location {
    fn from(at: &InputLocation) -> Self {
        Self::Input(at.clone())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input(at) => at.fmt(f),
            Self::Field(name) => write!(f, "field {name}"),
            Self::Material => f.write_str("certificates"),
            Self::Credentials => f.write_str("auth"),
            Self::Target => Ok(()),
        }
    }
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            Self::Input(at) => {
                map.serialize_entry("file", &at.file)?;
                if let Some(block) = at.block {
                    map.serialize_entry("block", &block)?;
                }
                if let Some(line) = at.line {
                    map.serialize_entry("line", &line)?;
                }
            }
            other => map.serialize_entry("file", &other.to_string())?,
        }
        map.serialize_entry("kind", self.kind())?;
        if let Self::Field(name) = self {
            map.serialize_entry("field", name)?;
        }
        map.end()
    }
}

/// Where a diagnostic is read. Hints that tell people what to do name that place's own means: the
/// command line's flags and files, the page's boxes and fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Surface {
    /// The web page.
    Page,
    /// The command-line tool: its text output and its JSON.
    CommandLine,
}

/// What to do about a diagnostic: one text for every surface (made from a [`Text`]), one for the
/// page and one for the command line where they differ ([`Hint::per_surface`]), or none
/// ([`Hint::none`], for a fact with nothing to do).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    command_line: Option<Text>,
    page: Option<Text>,
}

impl Hint {
    /// A hint worded for each surface: `page` names the page's boxes and fields, `command_line`
    /// the tool's flags and files.
    pub fn per_surface(page: impl Into<Text>, command_line: impl Into<Text>) -> Self {
        Self {
            command_line: Some(command_line.into()),
            page: Some(page.into()),
        }
    }

    /// No hint: the diagnostic states a fact and asks for nothing.
    pub fn none() -> Self {
        Self {
            command_line: None,
            page: None,
        }
    }
}

impl From<Text> for Hint {
    fn from(text: Text) -> Self {
        Self {
            command_line: Some(text),
            page: None,
        }
    }
}

/// The Simplified Chinese forms of a diagnostic's message and hints (its English forms are the
/// diagnostic's own fields, the text of record). A hint is here exactly when its English one is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chinese {
    /// The message.
    pub message: String,
    /// The command line's hint (and the page's unless `page_hint`).
    pub hint: Option<String>,
    /// The page's hint where it differs.
    pub page_hint: Option<String>,
}

/// One finding: what (code, message), how bad (severity), where (location) and what to do (hint).
///
/// `message`, `hint` and `page_hint` are English (the JSON and the snapshots read them);
/// [`Diagnostic::message_in`] and [`Diagnostic::hint_in`] give them in a [`Lang`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The permanent code.
    pub code: Code,
    /// The severity, taken from the code.
    pub severity: Severity,
    /// Where the problem is.
    pub location: Location,
    /// A short statement of the problem. Never holds secret material.
    pub message: String,
    /// What to do about it, as the command line (text and JSON) says it; also the page's hint
    /// unless `page_hint` words it for the page. `None` when there is nothing to do (the JSON
    /// then holds `""`, as it always has).
    #[serde(serialize_with = "serialize_hint")]
    pub hint: Option<String>,
    /// The hint as the page says it, where it differs from `hint` (it names boxes and fields
    /// instead of flags and files). Not in the command line's JSON.
    #[serde(skip)]
    pub page_hint: Option<String>,
    /// The error the provider answers with after upload, when it is known (`ELB.1011`,
    /// `InvalidParam.TagKey`, ...), so that users recognise it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_error: Option<String>,
    /// The Chinese forms.
    #[serde(skip)]
    pub zh: Chinese,
    /// The certificate (its index) the finding is about, when it is about one certificate's own
    /// facts (its validity, key, signature hash, serial number): a target that does not send that
    /// certificate tells its findings apart by it. Not in the JSON.
    #[serde(skip)]
    pub certificate: Option<usize>,
}

impl Diagnostic {
    /// A diagnostic whose severity is the code's own. `message` and `hint` are [`Text`]s (both
    /// languages; see `tr!`) or a [`Hint::per_surface`].
    pub fn new(
        code: Code,
        location: impl Into<Location>,
        message: impl Into<Text>,
        hint: impl Into<Hint>,
    ) -> Self {
        let hint = hint.into();
        let message = message.into();
        let zh = |text: &Option<Text>| text.as_ref().map(|t| t.zh().to_owned());
        let chinese = Chinese {
            message: message.zh().to_owned(),
            hint: zh(&hint.command_line),
            page_hint: zh(&hint.page),
        };
        Self {
            code,
            severity: code.severity(),
            location: location.into(),
            message: message.en().to_owned(),
            hint: hint.command_line.map(|t| t.en().to_owned()),
            page_hint: hint.page.map(|t| t.en().to_owned()),
            provider_error: None,
            zh: chinese,
            certificate: None,
        }
    }

    /// The same diagnostic, about certificate `index`'s own facts.
    #[must_use]
    pub fn about_certificate(mut self, index: usize) -> Self {
        self.certificate = Some(index);
        self
    }

    /// The same diagnostic, naming the error the provider would answer with.
    pub fn with_provider_error(mut self, error: impl Into<String>) -> Self {
        self.provider_error = Some(error.into());
        self
    }

    /// The hint as `surface` shows it (in English), if there is one.
    pub fn hint_for(&self, surface: Surface) -> Option<&str> {
        match (surface, &self.page_hint) {
            (Surface::Page, Some(page)) => Some(page),
            _ => self.hint.as_deref(),
        }
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        lang.pick(&self.message, &self.zh.message)
    }

    /// The hint for `surface` in `lang`, if there is one.
    pub fn hint_in(&self, surface: Surface, lang: Lang) -> Option<&str> {
        if lang == Lang::En {
            return self.hint_for(surface);
        }
        match (surface, &self.zh.page_hint) {
            (Surface::Page, Some(page)) => Some(page),
            _ => self.zh.hint.as_deref(),
        }
    }

    /// The command line's text of the diagnostic in `lang` (`Display` is the English one).
    pub fn text_in(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}[{}] {}{}{}",
            self.severity,
            self.code,
            self.location_in(lang),
            lang.pick(": ", "："),
            self.message_in(lang)
        );
        if let Some(error) = &self.provider_error {
            out.push_str(&lang.pick(
                format!("\n  the provider would answer: {error}"),
                format!("\n  服务商会返回：{error}"),
            ));
        }
        if let Some(hint) = self.hint_in(Surface::CommandLine, lang) {
            out.push_str(&lang.pick(format!("\n  hint: {hint}"), format!("\n  建议：{hint}")));
        }
        out
    }

    /// Where the diagnostic points, said in `lang`.
    pub fn location_in(&self, lang: Lang) -> String {
        match (lang, &self.location) {
            (Lang::En, at) => at.to_string(),
            (Lang::ZhCn, Location::Input(at)) => at.text_in(lang, &at.file),
            (Lang::ZhCn, Location::Field(name)) => format!("字段 {name}"),
            (Lang::ZhCn, Location::Material) => "证书".to_owned(),
            (Lang::ZhCn, Location::Credentials) => "凭证".to_owned(),
            (Lang::ZhCn, Location::Target) => String::new(),
        }
    }
}

fn serialize_hint<S: serde::Serializer>(
    hint: &Option<String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(hint.as_deref().unwrap_or_default())
}

/// The most characters [`excerpt`] quotes.
pub const EXCERPT_CHARS: usize = 40;
/// The longest run of base64 characters (letters, digits, `+`, `/`) [`excerpt`] quotes: longer
/// runs are what key material looks like, and no label or ordinary word is that long.
pub const EXCERPT_RUN: usize = 12;

/// A short excerpt of input text (a PEM label, stray text) that is safe to quote in a message:
/// its first line, up to the first `-----` (on a one-line PEM block, what follows the label is the
/// body), before the first run of more than [`EXCERPT_RUN`] base64 characters, and at most
/// [`EXCERPT_CHARS`] characters; `…` marks a cut. Messages quote input only through it, so that
/// none can hold a key's base64 however the input was mangled.
pub fn excerpt(text: &str) -> String {
    let line = text.split(['\n', '\r']).next().unwrap_or_default();
    let line = line.split("-----").next().unwrap_or_default();
    let mut out = String::new();
    let (mut run, mut chars) = (0usize, 0usize);
    let mut cut = line.len() < text.len();
    for c in line.chars() {
        run = if c.is_ascii_alphanumeric() || c == '+' || c == '/' {
            run + 1
        } else {
            0
        };
        if run > EXCERPT_RUN || chars == EXCERPT_CHARS {
            // Drop the run's start too: none of it is quoted.
            if run > EXCERPT_RUN {
                out.truncate(out.len() - (run - 1));
            }
            cut = true;
            break;
        }
        out.push(c);
        chars += 1;
    }
    if cut {
        out.push('…');
    }
    out
}

/// `text` (a name the input gives: a keystore entry's alias) when a message may quote it whole:
/// [`excerpt`] leaves it as it is and it holds no control character. A name cut or changed would
/// be wrong in the command a hint gives, so it is quoted whole or not at all.
pub fn quotable(text: &str) -> Option<&str> {
    (!text.trim().is_empty() && !text.chars().any(char::is_control) && excerpt(text) == text)
        .then_some(text)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_whole_or_not_at_all() {
        assert_eq!(quotable("tomcat 2026"), Some("tomcat 2026"));
        assert_eq!(quotable("服务器证书"), Some("服务器证书"));
        for name in [
            "",
            "  ",
            "a\nb",
            "a\u{1b}[31m",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
            &"x".repeat(41),
        ] {
            assert_eq!(quotable(name), None, "{name:?}");
        }
    }

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name} is not kebab-case"
            );
            assert!(
                code.documentation().trim().len() > 20,
                "{name} lacks documentation"
            );
            let zh = code.documentation_zh();
            assert!(
                zh.chars()
                    .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                    .count()
                    > 5,
                "{name} lacks its Chinese documentation"
            );
        }
    }

    #[test]
    fn excerpts_quote_labels_and_words_never_key_material() {
        assert_eq!(excerpt("CERTIFICATE"), "CERTIFICATE");
        assert_eq!(excerpt("ENCRYPTED PRIVATE KEY"), "ENCRYPTED PRIVATE KEY");
        // A one-line PEM block: the label and no more.
        assert_eq!(
            excerpt("PRIVATE KEY-----MIGHAgEAMBMGByqGSM49AgEGCCqGSM49-----END PRIVATE KEY"),
            "PRIVATE KEY…"
        );
        // A base64 body pasted where a label goes: the run is dropped whole.
        assert_eq!(excerpt("x MIGHAgEAMBMGByqGSM49"), "x …");
        assert_eq!(excerpt("MIGHAgEAMBMGByqGSM49"), "…");
        assert_eq!(excerpt("abcdefghijkl"), "abcdefghijkl");
        assert_eq!(excerpt("Bag Attributes\nlocalKeyID: 01"), "Bag Attributes…");
        let long = "word ".repeat(20);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS + 1);
        assert!(excerpt(&long).ends_with('…'));
        assert_eq!(excerpt("ünïcödé label"), "ünïcödé label");
        assert_eq!(excerpt(""), "");
    }

    #[test]
    fn locations_keep_their_json_and_text_forms() {
        let json = |at: Location| serde_json::to_value(at).expect("a location serializes");
        let input = InputLocation {
            file: "chain.pem".into(),
            block: Some(2),
            line: Some(30),
        };
        assert_eq!(
            Location::from(&input).to_string(),
            "chain.pem, block 2, line 30"
        );
        assert_eq!(
            json(input.into()),
            serde_json::json!({"file": "chain.pem", "block": 2, "line": 30, "kind": "input"})
        );
        assert_eq!(
            json(InputLocation::file("-").into()),
            serde_json::json!({"file": "-", "kind": "input"})
        );
        let field = Location::Field("Tag.1.Key".into());
        assert_eq!(field.to_string(), "field Tag.1.Key");
        assert!(field.is_field("Tag.1.Key") && !field.is_field("Tag.1"));
        assert_eq!(
            json(field),
            serde_json::json!({"file": "field Tag.1.Key", "kind": "field", "field": "Tag.1.Key"})
        );
        for (at, file, kind) in [
            (Location::Material, "certificates", "material"),
            (Location::Credentials, "auth", "credentials"),
            (Location::Target, "", "target"),
        ] {
            assert_eq!(at.to_string(), file);
            assert_eq!(json(at), serde_json::json!({"file": file, "kind": kind}));
        }
    }

    #[test]
    fn a_hint_is_the_same_everywhere_unless_written_per_surface() {
        let at = Location::Target;
        let plain = Diagnostic::new(
            Code::EmptyInput,
            at.clone(),
            tr!("m", "信息"),
            tr!("do this", "这样做"),
        );
        assert_eq!(plain.hint_for(Surface::Page), Some("do this"));
        assert_eq!(plain.hint_for(Surface::CommandLine), Some("do this"));
        let owned = Diagnostic::new(Code::EmptyInput, at.clone(), tr!("m", "信息"), {
            let n = 1;
            tr!("do {n}", "做 {n}")
        });
        assert_eq!(owned.hint_for(Surface::Page), Some("do 1"));
        let split = Diagnostic::new(
            Code::EncryptedKeyNeedsPassphrase,
            at,
            tr!("m", "信息"),
            Hint::per_surface(
                tr!("enter it in the passphrase field", "在口令框中输入"),
                tr!("give --passphrase-env VAR", "给出 --passphrase-env VAR"),
            ),
        );
        assert_eq!(
            split.hint_for(Surface::Page),
            Some("enter it in the passphrase field")
        );
        assert_eq!(
            split.hint_for(Surface::CommandLine),
            Some("give --passphrase-env VAR")
        );
        assert_eq!(
            split.hint_in(Surface::Page, Lang::ZhCn),
            Some("在口令框中输入")
        );
        assert_eq!(
            split.hint_in(Surface::CommandLine, Lang::ZhCn),
            Some("给出 --passphrase-env VAR")
        );
        assert!(
            split
                .text_in(Lang::ZhCn)
                .ends_with("建议：给出 --passphrase-env VAR")
        );
        // The command line's text and JSON carry its own hint only.
        assert!(
            split
                .to_string()
                .ends_with("hint: give --passphrase-env VAR")
        );
        let json = serde_json::to_value(&split).unwrap();
        assert_eq!(json["hint"], "give --passphrase-env VAR");
        assert!(json.get("page_hint").is_none());
        assert!(!json.to_string().contains("passphrase field"));
    }

    #[test]
    fn a_fact_without_a_hint_says_none() {
        let fact = Diagnostic::new(
            Code::KeyMatchesCertificate,
            Location::Target,
            tr!("m", "信息"),
            Hint::none(),
        );
        assert_eq!(fact.hint_for(Surface::Page), None);
        assert_eq!(fact.hint_for(Surface::CommandLine), None);
        assert!(!fact.to_string().contains("hint"));
        assert_eq!(serde_json::to_value(&fact).unwrap()["hint"], "");
    }

    #[test]
    fn severity_orders_info_below_error() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!(Code::CertificateExpired.severity(), Severity::Error);
        assert_eq!(Code::TextOutsideBlocks.severity(), Severity::Info);
    }
}
