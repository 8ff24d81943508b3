//! Instants: [`Timestamp`], seconds (and nanoseconds) since the Unix epoch, before it too, with
//! the one RFC 3339 reader and writer the command line, the library interface, the page, the
//! certificate facts and the signers share. Lengths of time stay [`std::time::Duration`]. Pure:
//! the core never reads a clock, its callers pass the time in.

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// 400 Gregorian years (146,097 days) in seconds: the calendar repeats after them, so a time
/// before 1970, which `der`'s `DateTime` cannot hold, is read and written moved forward by this.
const GREGORIAN_CYCLE: i64 = 146_097 * 86_400;

/// A point in time, UTC, as seconds since 1970-01-01T00:00:00Z (negative before it) and
/// nanoseconds into that second. Ordered by time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    seconds: i64,
    nanos: u32,
}

/// The UTC calendar fields of a [`Timestamp`].
struct Calendar {
    year: i64,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Self = Self::from_unix_seconds(0);

    /// `seconds` whole seconds after the Unix epoch (before it when negative).
    pub const fn from_unix_seconds(seconds: i64) -> Self {
        Self { seconds, nanos: 0 }
    }

    /// The instant `since` after the Unix epoch (the latest representable one beyond `i64`
    /// seconds), e.g. from `SystemTime::duration_since(UNIX_EPOCH)` or the browser's clock.
    pub fn from_unix_duration(since: Duration) -> Self {
        match i64::try_from(since.as_secs()) {
            Ok(seconds) => Self {
                seconds,
                nanos: since.subsec_nanos(),
            },
            Err(_) => Self {
                seconds: i64::MAX,
                nanos: 999_999_999,
            },
        }
    }

    /// Whole seconds since the Unix epoch, rounded down (negative before it).
    pub const fn unix_seconds(self) -> i64 {
        self.seconds
    }

    /// The instant `length` later, saturating at the latest representable one.
    pub fn saturating_add(self, length: Duration) -> Self {
        let nanos = self.nanos + length.subsec_nanos();
        let carry = i64::from(nanos / 1_000_000_000);
        let seconds = i64::try_from(length.as_secs())
            .ok()
            .and_then(|s| self.seconds.checked_add(s))
            .and_then(|s| s.checked_add(carry));
        match seconds {
            Some(seconds) => Self {
                seconds,
                nanos: nanos % 1_000_000_000,
            },
            None => Self {
                seconds: i64::MAX,
                nanos: 999_999_999,
            },
        }
    }

    /// How long after `earlier` this is; zero when it is not after it.
    pub fn saturating_duration_since(self, earlier: Self) -> Duration {
        if self <= earlier {
            return Duration::ZERO;
        }
        let (mut seconds, mut nanos) = (
            self.seconds.abs_diff(earlier.seconds),
            i64::from(self.nanos) - i64::from(earlier.nanos),
        );
        if nanos < 0 {
            seconds -= 1;
            nanos += 1_000_000_000;
        }
        // `nanos` is in 0..1e9 here, so it fits.
        Duration::new(seconds, u32::try_from(nanos).unwrap_or(0))
    }

    /// Reads an RFC 3339 UTC time of whole seconds, `2026-11-22T00:00:00Z`, of the years
    /// 1570 to 9999; `None` for anything else.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let year: i64 = text.get(..4)?.parse().ok()?;
        if !text.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        if year >= 1970 {
            let t = der::DateTime::from_str(text).ok()?;
            return Some(Self::from_unix_duration(t.unix_duration()));
        }
        // Before 1970: read the same calendar 400 years later and move it back.
        let moved = format!("{:04}{}", year + 400, text.get(4..)?);
        let t = der::DateTime::from_str(&moved).ok()?;
        let seconds = i64::try_from(t.unix_duration().as_secs()).ok()?;
        Some(Self::from_unix_seconds(seconds - GREGORIAN_CYCLE))
    }

    /// `YYYY-MM-DDThh:mm:ssZ` (the fraction of a second dropped); `None` outside 1570..9999.
    pub fn rfc3339(self) -> Option<String> {
        let c = self.calendar()?;
        Some(format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        ))
    }

    /// `YYYYMMDDThhmmssZ`, ISO 8601's basic format (Huawei's `X-Sdk-Date`); `None` outside
    /// 1570..9999.
    pub fn basic_iso8601(self) -> Option<String> {
        let c = self.calendar()?;
        Some(format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        ))
    }

    fn calendar(self) -> Option<Calendar> {
        let (seconds, years) = if self.seconds < 0 {
            (self.seconds.checked_add(GREGORIAN_CYCLE)?, 400)
        } else {
            (self.seconds, 0)
        };
        let since = Duration::from_secs(u64::try_from(seconds).ok()?);
        let t = der::DateTime::from_unix_duration(since).ok()?;
        Some(Calendar {
            year: i64::from(t.year()) - years,
            month: t.month(),
            day: t.day(),
            hour: t.hour(),
            minute: t.minutes(),
            second: t.seconds(),
        })
    }
}

/// RFC 3339 as [`Timestamp::rfc3339`]; the seconds since the epoch outside the years it writes.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rfc3339() {
            Some(text) => f.write_str(&text),
            None => write!(f, "{}s since 1970-01-01T00:00:00Z", self.seconds),
        }
    }
}

/// The error of reading a [`Timestamp`] from text that is not an RFC 3339 UTC time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotRfc3339;

impl fmt::Display for NotRfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 3339 UTC time such as 2026-11-22T00:00:00Z")
    }
}

impl std::error::Error for NotRfc3339 {}

impl FromStr for Timestamp {
    type Err = NotRfc3339;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse_rfc3339(text).ok_or(NotRfc3339)
    }
}

/// Serialized as its RFC 3339 text, as the JSON outputs always wrote it.
impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_instants() {
        // Seconds from Python's calendar.timegm.
        for (text, seconds) in [
            ("1970-01-01T00:00:00Z", 0),
            ("2026-11-22T00:00:00Z", 1_795_305_600),
            ("2024-05-01T12:00:00Z", 1_714_564_800),
            ("2000-02-29T23:59:59Z", 951_868_799),
            ("9999-12-31T23:59:59Z", 253_402_300_799),
            // Before 1970, as UTCTime 50-69 certificates (tests/vectors/inspect/validity-from-1950).
            ("1969-12-31T23:59:59Z", -1),
            ("1950-01-01T00:00:00Z", -631_152_000),
            ("1952-02-29T00:00:00Z", -562_982_400),
            ("1600-01-01T00:00:00Z", -11_676_096_000),
        ] {
            let t = Timestamp::parse_rfc3339(text).unwrap();
            assert_eq!(t.unix_seconds(), seconds, "{text}");
            assert_eq!(t, Timestamp::from_unix_seconds(seconds));
            assert_eq!(t.rfc3339().as_deref(), Some(text));
            assert_eq!(t.to_string(), text);
            assert_eq!(text.parse::<Timestamp>(), Ok(t));
        }
    }

    #[test]
    fn writes_the_basic_format() {
        let t = Timestamp::from_unix_seconds(1_573_789_015);
        assert_eq!(t.basic_iso8601().as_deref(), Some("20191115T033655Z"));
        assert_eq!(t.rfc3339().as_deref(), Some("2019-11-15T03:36:55Z"));
    }

    #[test]
    fn rejects_what_is_not_rfc3339_utc() {
        for text in [
            "",
            "2026",
            "2026-11-22",
            "2026-11-22 00:00:00Z",
            "2026-11-22T00:00:00+08:00",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "+026-11-22T00:00:00Z",
            "-969-12-31T23:59:59Z",
            "1500-01-01T00:00:00Z",
            "20191115T033655Z",
            "2026-11-22T00:00:00Zjunk",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(text), None, "{text:?}");
            assert_eq!(text.parse::<Timestamp>(), Err(NotRfc3339));
        }
    }

    #[test]
    fn writes_nothing_outside_the_calendar_it_knows() {
        for seconds in [i64::MIN, -GREGORIAN_CYCLE - 1, 253_402_300_800, i64::MAX] {
            let t = Timestamp::from_unix_seconds(seconds);
            assert_eq!(t.rfc3339(), None, "{seconds}");
            assert_eq!(t.basic_iso8601(), None);
            assert_eq!(
                t.to_string(),
                format!("{seconds}s since 1970-01-01T00:00:00Z")
            );
        }
    }

    #[test]
    fn keeps_sub_second_time_and_orders_by_it() {
        let t = Timestamp::from_unix_duration(Duration::from_millis(1_795_305_600_250));
        assert_eq!(t.unix_seconds(), 1_795_305_600);
        assert_eq!(t.to_string(), "2026-11-22T00:00:00Z");
        assert!(t > Timestamp::from_unix_seconds(1_795_305_600));
        let later = t.saturating_add(Duration::from_millis(900));
        assert_eq!(later.unix_seconds(), 1_795_305_601);
        assert_eq!(
            later.saturating_duration_since(t),
            Duration::from_millis(900)
        );
        assert_eq!(t.saturating_duration_since(later), Duration::ZERO);
        assert_eq!(
            Timestamp::from_unix_seconds(1)
                .saturating_duration_since(Timestamp::from_unix_seconds(-2)),
            Duration::from_secs(3)
        );
        assert_eq!(
            Timestamp::from_unix_seconds(i64::MAX).saturating_add(Duration::from_secs(5)),
            Timestamp::from_unix_duration(Duration::MAX)
        );
    }

    #[test]
    fn serializes_as_rfc3339_text() {
        let t = Timestamp::from_unix_seconds(-1);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"1969-12-31T23:59:59Z\""
        );
    }
}
