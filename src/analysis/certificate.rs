//! One X.509 certificate (RFC 5280 §4.1) → [`CertificateSummary`]: the facts a person checks before
//! uploading (names, SANs, serial, validity, key, extensions, fingerprints), computed from the DER,
//! plus the per-certificate lints (validity, weak signature hash, weak RSA key).

use super::chain::SignatureBudget;
use super::fingerprint;
use super::name::{rfc4514, unicode_dns};
use super::public_key::{self, Hash, KeyIdentity, KeyType, PublicKeyInfo, Verification};
use crate::diagnostic::{Code, Diagnostic, InputLocation};
use crate::lang::Text;
use crate::time::Timestamp;
use der::Decode;
use serde::Serialize;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectAltName, SubjectKeyIdentifier,
};

/// The certificate profile the analysis decodes with: x509-cert's RFC 5280 profile without its
/// limit on the serial number's length. RFC 5280 §4.1.2.2 has CAs write at most 20 octets, yet
/// `openssl x509 -set_serial` and some CAs write more, and OpenSSL, pyca/cryptography and Java
/// read such certificates; the analysis reads them too and says what is wrong
/// (`serial-number-not-rfc5280`). Validity times are decoded as in the RFC 5280 profile (the
/// profile's other hook applies only when encoding, which the analysis never does).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct AnySerialLength;

impl x509_cert::certificate::Profile for AnySerialLength {
    fn check_serial_number(
        _serial: &x509_cert::serial_number::SerialNumber<Self>,
    ) -> der::Result<()> {
        Ok(())
    }
}

/// An X.509 certificate as the analysis decodes it (see [`AnySerialLength`]).
pub type Certificate = x509_cert::certificate::CertificateInner<AnySerialLength>;

/// Where a certificate stands against the validation time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// notBefore ≤ now ≤ notAfter.
    Valid,
    /// now > notAfter.
    Expired,
    /// now < notBefore.
    NotYetValid,
}

crate::words::serialize_as_str!(Expiry);
crate::words::deserialize_as_str!(Expiry);

impl Expiry {
    /// Every state.
    pub const ALL: [Self; 3] = [Self::Valid, Self::Expired, Self::NotYetValid];

    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Expired => "expired",
            Self::NotYetValid => "not_yet_valid",
        }
    }
}

/// The kind of a subjectAltName entry (RFC 5280 §4.2.1.6 `GeneralName`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SanKind {
    /// dNSName.
    Dns,
    /// iPAddress.
    Ip,
    /// rfc822Name.
    Email,
    /// uniformResourceIdentifier.
    Uri,
    /// directoryName.
    DirName,
    /// otherName, registeredID, ediPartyName.
    Other,
}

impl SanKind {
    /// The word used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dns => "dns",
            Self::Ip => "ip",
            Self::Email => "email",
            Self::Uri => "uri",
            Self::DirName => "dirname",
            Self::Other => "other",
        }
    }
}

impl std::fmt::Display for SanKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::words::serialize_as_str!(SanKind);

/// One subjectAltName entry (RFC 5280 §4.2.1.6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SanEntry {
    /// What kind of name it is.
    #[serde(rename = "type")]
    pub kind: SanKind,
    /// The value as encoded (DNS names in A-label form).
    pub value: String,
    /// For DNS names: the Unicode form (U-labels decoded from Punycode, RFC 3492).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
    /// For `other`: `otherName` or `registeredID`.
    #[serde(rename = "kind", skip_serializing_if = "Option::is_none")]
    pub other: Option<&'static str>,
}

/// The facts about one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateSummary {
    /// Position among all certificates of all inputs, in input order, from 0.
    pub index: usize,
    /// The input it came from.
    pub file: String,
    /// Its block within that input (1-based).
    pub block: Option<usize>,
    /// Its BEGIN line (1-based), when it came from PEM.
    pub line: Option<usize>,
    /// Subject as an RFC 4514 string.
    pub subject: String,
    /// Issuer as an RFC 4514 string.
    pub issuer: String,
    /// The subject's first commonName, if any.
    pub common_name: Option<String>,
    /// subjectAltName entries in certificate order.
    pub sans: Vec<SanEntry>,
    /// The serial number's value as lowercase hex without leading zeros (`0` for zero).
    pub serial_hex: String,
    /// notBefore (RFC 3339 UTC in JSON).
    pub not_before: Timestamp,
    /// notAfter (RFC 3339 UTC in JSON).
    pub not_after: Timestamp,
    /// SHA-1 of the DER, colon-separated uppercase hex.
    pub sha1: String,
    /// SHA-256 of the DER, colon-separated uppercase hex.
    pub sha256: String,
    /// The signature algorithm's name (`sha256WithRSAEncryption`) or its OID.
    pub signature_algorithm: String,
    /// The signature algorithm's OID, dotted.
    pub signature_algorithm_oid: String,
    /// The subject public key: type, bits, curve.
    pub public_key: PublicKeyInfo,
    /// basicConstraints cA (false when the extension is absent).
    pub is_ca: bool,
    /// basicConstraints pathLenConstraint.
    pub path_len: Option<u8>,
    /// The keyUsage extension, when present. Its JSON is the bits set, by their RFC 5280 names
    /// (empty when the extension is absent).
    #[serde(serialize_with = "serialize_key_usage")]
    pub key_usage: Option<KeyUsage>,
    /// extendedKeyUsage purposes by name (`serverAuth`) or dotted OID.
    pub extended_key_usage: Vec<String>,
    /// extendedKeyUsage purposes as dotted OIDs.
    pub extended_key_usage_oids: Vec<String>,
    /// subjectKeyIdentifier, lowercase hex.
    pub ski: Option<String>,
    /// authorityKeyIdentifier keyIdentifier, lowercase hex.
    pub aki: Option<String>,
    /// Subject and issuer names are equal.
    pub self_issued: bool,
    /// Self-issued and its signature verifies with its own key.
    pub self_signed: bool,
    /// Valid, expired or not yet valid at the validation time.
    pub expiry: Expiry,
    /// Whole days from the validation time to notAfter (negative once expired).
    pub days_until_expiry: i64,
    /// Size of the DER encoding in bytes.
    pub der_size: usize,
    /// Size in bytes of its canonical PEM (64-column base64, LF, final newline).
    pub canonical_pem_size: usize,
}

impl CertificateSummary {
    /// Whether its key may sign certificates as far as keyUsage goes: keyCertSign is set, or
    /// the extension is absent (RFC 5280 §4.2.1.3). Whether it is a CA at all is `is_ca`.
    pub fn may_sign_certificates(&self) -> bool {
        self.key_usage.is_none_or(|usage| usage.key_cert_sign())
    }

    /// The keyUsage bits set, by their RFC 5280 names; empty when the extension is absent.
    pub fn key_usage_names(&self) -> Vec<&'static str> {
        self.key_usage
            .as_ref()
            .map(key_usage_names)
            .unwrap_or_default()
    }

    /// CA flag and path length, self-signed, key usage and EKU, one phrase each (text reports
    /// and the page's cards).
    pub fn flags(&self) -> Vec<String> {
        self.flags_in(crate::lang::Lang::En)
    }

    /// [`CertificateSummary::flags`] in `lang` (the extension names stay as RFC 5280 spells them).
    pub fn flags_in(&self, lang: crate::lang::Lang) -> Vec<String> {
        let mut flags = Vec::new();
        if self.is_ca {
            flags.push(match self.path_len {
                Some(n) => lang.pick(
                    format!("CA (path length {n})"),
                    format!("CA（路径长度 {n}）"),
                ),
                None => "CA".to_owned(),
            });
        }
        if self.self_signed {
            flags.push(lang.pick("self-signed", "自签名").to_owned());
        }
        let key_usage = self.key_usage_names();
        if !key_usage.is_empty() {
            let names = key_usage.join(",");
            flags.push(lang.pick(format!("key usage {names}"), format!("密钥用法 {names}")));
        }
        if !self.extended_key_usage.is_empty() {
            flags.push(format!("EKU {}", self.extended_key_usage.join(",")));
        }
        flags
    }
}

/// A decoded certificate with its summary and what the chain checks need.
#[derive(Clone, Debug)]
pub struct ParsedCertificate {
    /// The facts.
    pub summary: CertificateSummary,
    /// The decoded certificate.
    pub certificate: Certificate,
    /// The DER of the whole certificate.
    pub der: Vec<u8>,
    /// The DER of its `TBSCertificate` (what the issuer signed).
    pub tbs_der: Vec<u8>,
    /// The subject key, normalised for comparison.
    pub key: Option<KeyIdentity>,
    /// Where it came from.
    pub location: InputLocation,
    /// A self-issued certificate whose own signature was not checked (the analysis' signature
    /// budget was spent): `self_signed` is then false without having been tried.
    pub self_signature_unchecked: bool,
}

const DAY: i64 = 86_400;
/// Certificates expiring within this many days get a warning.
pub const EXPIRY_WARNING_DAYS: i64 = 30;
/// RSA keys below this size are weak (NIST SP 800-131A; CA/Browser Forum Baseline Requirements §6.1.5).
pub const MIN_RSA_BITS: u32 = 2048;

/// Decodes and summarises one certificate. `now` is the validation time.
/// A self-issued certificate's own signature is always checked (see [`parse_within`]).
pub fn parse(
    der: &[u8],
    index: usize,
    location: &InputLocation,
    now: Timestamp,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParsedCertificate> {
    let mut unbounded = SignatureBudget::default();
    parse_checking(
        der,
        index,
        location,
        now,
        &mut unbounded,
        Budget::Unbounded,
        diagnostics,
    )
}

/// [`parse`] within an analysis' signature budget: a self-issued certificate's own signature is
/// checked only if the budget still covers its cost ([`super::chain::signature_cost`]).
pub fn parse_within(
    der: &[u8],
    index: usize,
    location: &InputLocation,
    now: Timestamp,
    budget: &mut SignatureBudget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParsedCertificate> {
    parse_checking(
        der,
        index,
        location,
        now,
        budget,
        Budget::Bounded,
        diagnostics,
    )
}

/// Whether a signature budget bounds the self-signature check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Budget {
    Bounded,
    Unbounded,
}

fn parse_checking(
    der: &[u8],
    index: usize,
    location: &InputLocation,
    now: Timestamp,
    budget: &mut SignatureBudget,
    bounded: Budget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParsedCertificate> {
    let (certificate, shifts) = match decode(der) {
        Ok(decoded) => decoded,
        Err(error) => {
            diagnostics.push(Diagnostic::new(
                Code::InvalidAsn1,
                location.clone(),
                {
                    let (place, place_zh) = describe_place(location);
                    let error = super::decode_error::reason(&error, der);
                    let (error, error_zh) = (error.en(), error.zh());
                    tr!(
                        "{place} is not an X.509 certificate: {error}",
                        "{place_zh}不是 X.509 证书：{error_zh}"
                    )
                },
                tr!(
                    "the data may be truncated or of another kind; export the certificate again as PEM or DER",
                    "数据可能被截断或是其他类型；请重新将证书导出为 PEM 或 DER"
                ),
            ));
            return None;
        }
    };
    let tbs = certificate.tbs_certificate();
    let tbs_der = public_key::signed_bytes(der)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    let validity = tbs.validity();
    let not_before = bound(&validity.not_before, shifts[0]);
    let not_after = bound(&validity.not_after, shifts[1]);
    let now = now.unix_seconds();
    let expiry = if now < not_before.unix_seconds() {
        Expiry::NotYetValid
    } else if now > not_after.unix_seconds() {
        Expiry::Expired
    } else {
        Expiry::Valid
    };
    let days_until_expiry = not_after.unix_seconds().saturating_sub(now).div_euclid(DAY);
    let signature_oid = certificate.signature_algorithm().oid;
    let signature_oid_text = public_key::dotted(&signature_oid);
    let spki = tbs.subject_public_key_info();
    let self_issued = tbs.subject() == tbs.issuer();
    let public_key_info = public_key::describe(spki);
    let affordable = !self_issued
        || bounded == Budget::Unbounded
        || budget.take(super::chain::signature_cost(&public_key_info));
    let self_signature_unchecked = self_issued && !affordable;
    let self_signed = self_issued
        && affordable
        && public_key::verify(
            &tbs_der,
            certificate.signature_algorithm(),
            certificate.signature().raw_bytes(),
            spki,
        ) == Verification::Valid;
    let constraints = extension::<BasicConstraints>(&certificate);
    let key_usage = extension::<KeyUsage>(&certificate);
    let eku: Vec<String> = extension::<ExtendedKeyUsage>(&certificate)
        .map(|e| e.0.iter().map(public_key::dotted).collect())
        .unwrap_or_default();
    let summary = CertificateSummary {
        index,
        file: location.file.clone(),
        block: location.block,
        line: location.line,
        subject: rfc4514(tbs.subject()),
        issuer: rfc4514(tbs.issuer()),
        common_name: tbs.subject().common_name().ok().flatten().map(String::from),
        sans: extension::<SubjectAltName>(&certificate)
            .map(|san| san.0.iter().map(describe_san).collect())
            .unwrap_or_default(),
        serial_hex: serial_hex(tbs.serial_number().as_bytes()),
        not_before,
        not_after,
        sha1: fingerprint::sha1(der),
        sha256: fingerprint::sha256(der),
        signature_algorithm: super::oid_names::lookup(
            super::oid_names::SIGNATURE_ALGORITHMS,
            &signature_oid_text,
        )
        .map_or_else(|| signature_oid_text.clone(), str::to_owned),
        signature_algorithm_oid: signature_oid_text.clone(),
        public_key: public_key_info,
        is_ca: constraints.as_ref().is_some_and(|c| c.ca),
        path_len: constraints.as_ref().and_then(|c| c.path_len_constraint),
        key_usage,
        extended_key_usage: eku.iter().map(|oid| eku_name(oid)).collect(),
        extended_key_usage_oids: eku,
        ski: extension::<SubjectKeyIdentifier>(&certificate)
            .map(|s| base16ct::lower::encode_string(s.0.as_bytes())),
        aki: extension::<AuthorityKeyIdentifier>(&certificate).and_then(|a| {
            a.key_identifier
                .map(|k| base16ct::lower::encode_string(k.as_bytes()))
        }),
        self_issued,
        self_signed,
        expiry,
        days_until_expiry,
        der_size: der.len(),
        canonical_pem_size: pem_rfc7468::encoded_len(
            "CERTIFICATE",
            pem_rfc7468::LineEnding::LF,
            der,
        )
        .unwrap_or(0),
    };
    lint(&summary, location, diagnostics);
    Some(ParsedCertificate {
        key: public_key::identity_described(spki, &summary.public_key),
        summary,
        certificate,
        der: der.to_vec(),
        tbs_der,
        location: location.clone(),
        self_signature_unchecked,
    })
}

/// A `UTCTime` of 1950–1969 is read moved forward by this many seconds: 20 years, 7,305 days
/// whatever the date (1950–1969 and 1970–1989 have their leap days in the same years).
const UTC_TIME_SHIFT: i64 = 7_305 * DAY;
/// A `GeneralizedTime` before 1970 is read moved forward by this many seconds: 400 years, one
/// cycle of the Gregorian calendar (146,097 days), so every date keeps its weekday and leap day.
const GENERALIZED_TIME_SHIFT: i64 = 146_097 * DAY;

/// The certificate, and by how many seconds each of its validity times was moved forward to be
/// decoded (0 unless it lies before 1970).
///
/// RFC 5280 §4.1.2.5.1 reads a `UTCTime`'s two-digit year 50–99 as 1950–1999, but `der`'s
/// `DateTime` (and with it x509-cert's `Time`) starts at 1970, so a certificate valid from 1950 is
/// refused whole. When decoding fails, the validity's two times are found with `der`'s reader
/// (the `TBSCertificate`'s fields before them are skipped as whole TLVs), an early one has its year
/// digits moved forward in a copy (`UTCTime` 50–69 → 70–89, `GeneralizedTime` by 400 years, the same
/// calendar), and the copy is decoded by x509-cert as usual. Signatures and fingerprints keep using
/// the DER as given.
fn decode(der: &[u8]) -> Result<(Certificate, [i64; 2]), der::Error> {
    let error = match Certificate::from_der(der) {
        Ok(certificate) => return Ok((certificate, [0, 0])),
        Err(error) => error,
    };
    let Some((moved, shifts)) = early_times_moved(der) else {
        return Err(error);
    };
    Certificate::from_der(&moved)
        .map(|certificate| (certificate, shifts))
        .map_err(|_| error)
}

/// A copy of the certificate's DER with its validity times before 1970 moved forward, and the
/// seconds each was moved by; `None` when neither is early (or the DER has no validity to read).
fn early_times_moved(der: &[u8]) -> Option<(Vec<u8>, [i64; 2])> {
    use der::{Header, Reader, SliceReader, Tag, TagNumber};
    let mut reader = SliceReader::new(der).ok()?;
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber,
    // signature, issuer, validity SEQUENCE { notBefore Time, notAfter Time }, ... } ... }
    Header::decode(&mut reader)
        .ok()?
        .tag()
        .assert_eq(Tag::Sequence)
        .ok()?;
    Header::decode(&mut reader)
        .ok()?
        .tag()
        .assert_eq(Tag::Sequence)
        .ok()?;
    let version = Tag::ContextSpecific {
        constructed: true,
        number: TagNumber(0),
    };
    if Header::peek(&reader).ok()?.tag() == version {
        reader.tlv_bytes().ok()?;
    }
    for _ in 0..3 {
        reader.tlv_bytes().ok()?; // serialNumber, signature, issuer
    }
    Header::decode(&mut reader)
        .ok()?
        .tag()
        .assert_eq(Tag::Sequence)
        .ok()?;
    let mut moved = der.to_vec();
    let mut shifts = [0i64; 2];
    for shift in &mut shifts {
        let header = Header::decode(&mut reader).ok()?;
        let at = usize::try_from(reader.position()).ok()?;
        let value = reader.read_slice(header.length()).ok()?;
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let text = std::str::from_utf8(value.get(range)?).ok()?;
            text.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| text.parse().ok())?
        };
        match header.tag() {
            // YYMMDDHHMMSSZ; 50–69 are 1950–1969.
            Tag::UtcTime if (50..70).contains(&digits(0..2)?) => {
                let year = digits(0..2)? + 20;
                moved[at..at + 2].copy_from_slice(format!("{year:02}").as_bytes());
                *shift = UTC_TIME_SHIFT;
            }
            // YYYYMMDDHHMMSSZ before 1970.
            Tag::GeneralizedTime if digits(0..4)? < 1970 => {
                let year = digits(0..4)? + 400;
                moved[at..at + 4].copy_from_slice(format!("{year:04}").as_bytes());
                *shift = GENERALIZED_TIME_SHIFT;
            }
            _ => {}
        }
    }
    (shifts != [0, 0]).then_some((moved, shifts))
}

/// A validity time as RFC 5280 reads it (before 1970 too): the time decoded, moved back by the
/// `shift` (seconds) it was moved forward by.
fn bound(time: &x509_cert::time::Time, shift: i64) -> Timestamp {
    let since = time.to_date_time().unix_duration();
    let seconds = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    Timestamp::from_unix_seconds(seconds - shift)
}

/// An extension's decoded value; `None` when absent, duplicated or undecodable.
fn extension<'a, T: Decode<'a> + der::oid::AssociatedOid>(
    certificate: &'a Certificate,
) -> Option<T> {
    certificate
        .tbs_certificate()
        .get_extension::<T>()
        .ok()
        .flatten()
        .map(|(_, value)| value)
}

fn serialize_key_usage<S: serde::Serializer>(
    usage: &Option<KeyUsage>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(usage.as_ref().map(key_usage_names).unwrap_or_default())
}

fn key_usage_names(usage: &KeyUsage) -> Vec<&'static str> {
    const NAMES: [(KeyUsages, &str); 9] = [
        (KeyUsages::DigitalSignature, "digitalSignature"),
        (KeyUsages::NonRepudiation, "nonRepudiation"),
        (KeyUsages::KeyEncipherment, "keyEncipherment"),
        (KeyUsages::DataEncipherment, "dataEncipherment"),
        (KeyUsages::KeyAgreement, "keyAgreement"),
        (KeyUsages::KeyCertSign, "keyCertSign"),
        (KeyUsages::CRLSign, "cRLSign"),
        (KeyUsages::EncipherOnly, "encipherOnly"),
        (KeyUsages::DecipherOnly, "decipherOnly"),
    ];
    NAMES
        .iter()
        .filter(|(flag, _)| usage.0.contains(*flag))
        .map(|(_, name)| *name)
        .collect()
}

/// RFC 5280 §4.2.1.12 purpose names for the common extendedKeyUsage OIDs.
fn eku_name(oid: &str) -> String {
    match oid {
        "1.3.6.1.5.5.7.3.1" => "serverAuth",
        "1.3.6.1.5.5.7.3.2" => "clientAuth",
        "1.3.6.1.5.5.7.3.3" => "codeSigning",
        "1.3.6.1.5.5.7.3.4" => "emailProtection",
        "1.3.6.1.5.5.7.3.8" => "timeStamping",
        "1.3.6.1.5.5.7.3.9" => "OCSPSigning",
        "2.5.29.37.0" => "anyExtendedKeyUsage",
        other => other,
    }
    .to_owned()
}

fn describe_san(name: &GeneralName) -> SanEntry {
    let (kind, value) = match name {
        GeneralName::DnsName(dns) => {
            let value = dns.to_string();
            let unicode = Some(unicode_dns(&value));
            return SanEntry {
                kind: SanKind::Dns,
                value,
                unicode,
                other: None,
            };
        }
        GeneralName::IpAddress(ip) => (SanKind::Ip, ip_text(ip.as_bytes())),
        GeneralName::Rfc822Name(mail) => (SanKind::Email, mail.to_string()),
        GeneralName::UniformResourceIdentifier(uri) => (SanKind::Uri, uri.to_string()),
        GeneralName::DirectoryName(name) => (SanKind::DirName, rfc4514(name)),
        GeneralName::RegisteredId(oid) => {
            return SanEntry {
                kind: SanKind::Other,
                value: oid.to_string(),
                unicode: None,
                other: Some("registeredID"),
            };
        }
        GeneralName::OtherName(other) => {
            return SanEntry {
                kind: SanKind::Other,
                value: other.type_id.to_string(),
                unicode: None,
                other: Some("otherName"),
            };
        }
        GeneralName::EdiPartyName(_) => (SanKind::Other, "ediPartyName".to_owned()),
    };
    SanEntry {
        kind,
        value,
        unicode: None,
        other: None,
    }
}

fn ip_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => core::net::Ipv4Addr::from(<[u8; 4]>::try_from(bytes).unwrap_or_default()).to_string(),
        16 => {
            core::net::Ipv6Addr::from(<[u8; 16]>::try_from(bytes).unwrap_or_default()).to_string()
        }
        _ => base16ct::lower::encode_string(bytes),
    }
}

/// The INTEGER in hex as pyca/cryptography and OpenSSL write it: its magnitude without the DER
/// sign byte or leading zeros, after a `-` when it is negative (a two's complement encoding whose
/// first bit is set; RFC 5280 §4.1.2.2 asks users to handle such serial numbers gracefully).
fn serial_hex(bytes: &[u8]) -> String {
    let negative = bytes.first().is_some_and(|first| first & 0x80 != 0);
    let magnitude = if negative {
        // −x in two's complement is (bit inverse of x) + 1.
        let mut magnitude: Vec<u8> = bytes.iter().map(|byte| !byte).collect();
        for byte in magnitude.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(1);
            *byte = sum;
            if !carry {
                break;
            }
        }
        magnitude
    } else {
        bytes.to_vec()
    };
    let hex = base16ct::lower::encode_string(&magnitude);
    let trimmed = hex.trim_start_matches('0');
    match (trimmed.is_empty(), negative) {
        (true, _) => "0".to_owned(),
        (false, true) => format!("-{trimmed}"),
        (false, false) => trimmed.to_owned(),
    }
}

fn describe_place(location: &InputLocation) -> (String, String) {
    match (location.block, location.line) {
        (Some(block), Some(_)) => (format!("block {block}"), format!("第 {block} 块")),
        _ => ("the DER data".to_owned(), "该 DER 数据".to_owned()),
    }
}

/// In place of `finding` (its `certificate-expired` or `certificate-not-yet-valid`), for
/// certificate `index`, which is not on the leaf's path and so is not uploaded: a warning to drop
/// it. `None` for any other finding.
pub(crate) fn off_path_validity(
    summary: &CertificateSummary,
    index: usize,
    finding: &Diagnostic,
) -> Option<Diagnostic> {
    let crate::diagnostic::Location::Input(location) = &finding.location else {
        return None;
    };
    let who = display_name(summary);
    let (code, message, hint) = match finding.code {
        Code::CertificateExpired => {
            let not_after = &summary.not_after;
            (
                Code::OffPathCertificateExpired,
                tr!(
                    "certificate {index} (\"{who}\"), which is not on the leaf's path, expired on {not_after}: it is not uploaded",
                    "证书 {index}（“{who}”）不在叶子证书的路径上，已于 {not_after} 过期：它不会被上传"
                ),
                tr!(
                    "drop it (an old certificate kept beside its renewal, or another chain's)",
                    "请删除它（与续期后的证书放在一起的旧证书，或其他证书链的证书）"
                ),
            )
        }
        Code::CertificateNotYetValid => {
            let not_before = &summary.not_before;
            (
                Code::OffPathCertificateNotYetValid,
                tr!(
                    "certificate {index} (\"{who}\"), which is not on the leaf's path, is not valid before {not_before}: it is not uploaded",
                    "证书 {index}（“{who}”）不在叶子证书的路径上，在 {not_before} 之前尚未生效：它不会被上传"
                ),
                tr!(
                    "drop it; if it is a renewal, upload it in place of the current certificate once it is valid",
                    "请删除它；如果它是续期后的证书，请在它生效后用它替换当前证书上传"
                ),
            )
        }
        _ => return None,
    };
    Some(Diagnostic::new(code, location.clone(), message, hint).about_certificate(index))
}

/// In place of `finding` (its `certificate-expired`), for a certificate above the leaf on its
/// path: a CA's certificate, which its user does not renew (the CA publishes its successor, and a
/// root is not needed in the upload). The code stays an error; the hint says what to do with a
/// CA's certificate. `None` for any other finding.
pub(crate) fn expired_issuer(
    summary: &CertificateSummary,
    finding: &Diagnostic,
) -> Option<Diagnostic> {
    let crate::diagnostic::Location::Input(location) = &finding.location else {
        return None;
    };
    if finding.code != Code::CertificateExpired {
        return None;
    }
    let (who, not_after) = (display_name(summary), &summary.not_after);
    let (message, hint) = if summary.self_signed {
        (
            tr!(
                "the root \"{who}\" at the top of the leaf's path expired on {not_after}",
                "叶子证书路径顶端的根证书“{who}”已于 {not_after} 过期"
            ),
            tr!(
                "drop it (clients trust their own copy of a root, and most providers do not want it), or take the CA's current root",
                "请删除它（客户端使用自己信任的根证书，多数服务商也不需要根证书），或换用 CA 当前的根证书"
            ),
        )
    } else {
        (
            tr!(
                "the issuer \"{who}\" on the leaf's path expired on {not_after}",
                "叶子证书路径上的颁发者证书“{who}”已于 {not_after} 过期"
            ),
            tr!(
                "download the chain again from your CA (its repository, or the bundle sent with your certificate), which has its current intermediate; if this is the old cross-signed certificate of a root your clients trust, drop it",
                "请从 CA 重新下载证书链（CA 的证书库，或随证书发送的证书链文件），其中是当前的中间证书；如果它是客户端已信任的根证书的旧交叉签名版本，请删除它"
            ),
        )
    };
    Some(
        Diagnostic::new(Code::CertificateExpired, location.clone(), message, hint)
            .about_certificate(summary.index),
    )
}

/// A name for messages: the common name, else the first DNS name or IP address, else the subject.
///
/// A subject may have no common name, or be empty (RFC 5280 §4.1.2.6 lets the subject alternative
/// names carry the names, critical then; CAs issue such server certificates): its first DNS name or
/// IP address names it then, not an empty subject.
pub fn display_name(summary: &CertificateSummary) -> &str {
    summary
        .common_name
        .as_deref()
        .filter(|name| !name.is_empty())
        .or_else(|| {
            summary
                .sans
                .iter()
                .find(|san| matches!(san.kind, SanKind::Dns | SanKind::Ip))
                .map(|san| san.value.as_str())
        })
        .unwrap_or(&summary.subject)
}

fn lint(summary: &CertificateSummary, location: &InputLocation, diagnostics: &mut Vec<Diagnostic>) {
    let who = display_name(summary);
    let mut push = |code, message: Text, hint: Text| {
        diagnostics.push(
            Diagnostic::new(code, location.clone(), message, hint).about_certificate(summary.index),
        )
    };
    let (not_before, not_after) = (&summary.not_before, &summary.not_after);
    match summary.expiry {
        Expiry::Expired => push(
            Code::CertificateExpired,
            tr!(
                "certificate \"{who}\" expired on {not_after}",
                "证书“{who}”已于 {not_after} 过期"
            ),
            tr!(
                "renew the certificate with your CA and upload the new one",
                "请向 CA 续期证书，并上传新证书"
            ),
        ),
        Expiry::NotYetValid => push(
            Code::CertificateNotYetValid,
            tr!(
                "certificate \"{who}\" is not valid before {not_before}",
                "证书“{who}”在 {not_before} 之前尚未生效"
            ),
            tr!(
                "wait until then, or check the clock of the machine that issued it",
                "请等到生效时间，或检查签发机器的时钟"
            ),
        ),
        Expiry::Valid if summary.days_until_expiry < EXPIRY_WARNING_DAYS => {
            let days = summary.days_until_expiry;
            push(
                Code::CertificateExpiresSoon,
                tr!(
                    "certificate \"{who}\" expires in {days} days ({not_after})",
                    "证书“{who}”将在 {days} 天后过期（{not_after}）"
                ),
                tr!(
                    "plan the renewal now; an upload today will need replacing soon",
                    "请尽快安排续期；现在上传的证书很快就需要更换"
                ),
            )
        }
        Expiry::Valid => {}
    }
    let hash = public_key::scheme(
        &summary
            .signature_algorithm_oid
            .parse()
            .unwrap_or(der::oid::db::rfc5912::ID_SHA_256),
    )
    .and_then(public_key::scheme_hash);
    // Self-signed roots are trusted by their presence in a trust store, not by their signature.
    if matches!(hash, Some(Hash::Sha1 | Hash::Md5)) && !summary.self_signed {
        push(
            Code::WeakSignatureHash,
            {
                let algorithm = &summary.signature_algorithm;
                tr!(
                    "certificate \"{who}\" is signed with {algorithm} (SHA-1 or MD5)",
                    "证书“{who}”使用 {algorithm} 签名（SHA-1 或 MD5）"
                )
            },
            tr!(
                "browsers and cloud providers reject SHA-1/MD5 signatures: have the CA reissue it with SHA-256",
                "浏览器和云服务商拒绝 SHA-1/MD5 签名：请让 CA 以 SHA-256 重新签发"
            ),
        );
    }
    if summary.public_key.key_type == KeyType::Rsa
        && summary.public_key.bits.is_some_and(|b| b < MIN_RSA_BITS)
    {
        push(
            Code::WeakRsaKey,
            {
                let bits = summary.public_key.bits.unwrap_or(0);
                tr!(
                    "certificate \"{who}\" has a {bits}-bit RSA key",
                    "证书“{who}”的 RSA 密钥只有 {bits} 位"
                )
            },
            tr!(
                "RSA keys under 2048 bits are refused by current CAs and clients: make a new 2048-bit (or larger) key",
                "现行 CA 和客户端拒绝低于 2048 位的 RSA 密钥：请生成 2048 位（或更长）的新密钥"
            ),
        );
    }
    serial_lint(summary, &mut push);
}

/// RFC 5280 §4.1.2.2: a CA writes a positive serial number of at most 20 octets.
const MAX_SERIAL_OCTETS: usize = 20;

/// A serial number RFC 5280 §4.1.2.2 does not allow (negative, zero, or longer than 20 octets):
/// read like any other, and said. No provider's documentation read says it refuses one, so it is
/// a warning, with the software known to refuse it.
fn serial_lint(summary: &CertificateSummary, push: &mut impl FnMut(Code, Text, Text)) {
    let who = display_name(summary);
    let serial = summary.serial_hex.as_str();
    let digits = serial.trim_start_matches('-');
    let octets = digits.len().div_ceil(2);
    let not_positive = tr!(
        "OpenSSL and Java read it, but Go (since 1.23) refuses a negative serial number and pyca/cryptography warns that it will refuse one that is not positive: if a client or the upload refuses it, have the CA reissue the certificate",
        "OpenSSL 和 Java 能读取它，但 Go（1.23 起）拒绝负数序列号，pyca/cryptography 也提示将来会拒绝非正数的序列号：如果客户端或上传拒绝它，请让 CA 重新签发证书"
    );
    let (message, hint) = if serial.starts_with('-') {
        let message = tr!(
            "certificate \"{who}\" has a negative serial number ({serial}): RFC 5280 requires a positive one",
            "证书“{who}”的序列号为负数（{serial}）：RFC 5280 要求序列号为正整数"
        );
        (message, not_positive)
    } else if serial == "0" {
        let message = tr!(
            "certificate \"{who}\" has the serial number 0: RFC 5280 requires a positive one",
            "证书“{who}”的序列号为 0：RFC 5280 要求序列号为正整数"
        );
        (message, not_positive)
    } else if octets > MAX_SERIAL_OCTETS {
        let message = tr!(
            "certificate \"{who}\" has a serial number of {octets} octets: RFC 5280 allows at most 20",
            "证书“{who}”的序列号长 {octets} 个字节：RFC 5280 规定最多 20 个字节"
        );
        let hint = tr!(
            "OpenSSL, Java and pyca/cryptography read it, but stricter software refuses it (RustCrypto's x509-cert by default): if a client or the upload refuses it, have the CA reissue the certificate",
            "OpenSSL、Java 和 pyca/cryptography 能读取它，但更严格的软件会拒绝（例如默认设置下的 RustCrypto x509-cert）：如果客户端或上传拒绝它，请让 CA 重新签发证书"
        );
        (message, hint)
    } else {
        return;
    };
    push(Code::SerialNumberNotRfc5280, message, hint);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_before_1970_are_read_back_from_their_shift() {
        use der::asn1::{GeneralizedTime, UtcTime};
        use x509_cert::time::Time;
        // Expected seconds from Python's calendar.timegm: 1952-02-29T00:00:00Z (a leap day, read
        // as 1972-02-29) and 1600-03-01T12:00:00Z (read as 2000-03-01).
        let utc = UtcTime::from_der(b"\x17\x0d720229000000Z").unwrap();
        let early = bound(&Time::UtcTime(utc), UTC_TIME_SHIFT);
        assert_eq!(
            (early.unix_seconds(), early.to_string().as_str()),
            (-562_982_400, "1952-02-29T00:00:00Z")
        );
        let generalized = GeneralizedTime::from_der(b"\x18\x0f20000301120000Z").unwrap();
        let early = bound(&Time::GeneralTime(generalized), GENERALIZED_TIME_SHIFT);
        assert_eq!(
            (early.unix_seconds(), early.to_string().as_str()),
            (-11_670_868_800, "1600-03-01T12:00:00Z")
        );
        let unmoved = bound(&Time::UtcTime(utc), 0);
        assert_eq!(
            (unmoved.unix_seconds(), unmoved.to_string().as_str()),
            (68_169_600, "1972-02-29T00:00:00Z")
        );
    }

    #[test]
    fn serial_and_ip_text() {
        assert_eq!(serial_hex(&[0x00, 0xc0, 0xff]), "c0ff");
        assert_eq!(serial_hex(&[0]), "0");
        // Two's complement: -5, -0x7e12, -0x80, -0x100 (the carry runs through the low byte).
        assert_eq!(serial_hex(&[0xfb]), "-5");
        assert_eq!(serial_hex(&[0x81, 0xee]), "-7e12");
        assert_eq!(serial_hex(&[0x80]), "-80");
        assert_eq!(serial_hex(&[0xff, 0x00]), "-100");
        assert_eq!(ip_text(&[192, 0, 2, 1]), "192.0.2.1");
        assert_eq!(
            ip_text(&[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
            "2001:db8::1"
        );
    }
}
