//! A moment in time as samling records it: local time with its UTC offset, written in files as
//! RFC 3339 text (`"2026-11-23T13:02:00+01:00"`).
//!
//! A newtype rather than a bare `chrono::DateTime` so that reading and writing go straight
//! through chrono's RFC 3339 routines: several times faster than its general serde support,
//! which matters for a session with ten thousand notes, while the text in the file is the same.

use std::fmt;
use std::ops::{Add, Sub};

use chrono::{DateTime, Duration, FixedOffset, SecondsFormat};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment with the UTC offset it was recorded in, so the file reads as local time and still
/// compares correctly across a change to or from summer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    /// Parses RFC 3339 text, as in the files.
    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        DateTime::parse_from_rfc3339(text).map(Timestamp)
    }
}

impl From<DateTime<FixedOffset>> for Timestamp {
    fn from(t: DateTime<FixedOffset>) -> Self {
        Timestamp(t)
    }
}

impl Add<Duration> for Timestamp {
    type Output = Timestamp;
    fn add(self, d: Duration) -> Timestamp {
        Timestamp(self.0 + d)
    }
}

impl Sub for Timestamp {
    type Output = Duration;
    fn sub(self, other: Timestamp) -> Duration {
        self.0 - other.0
    }
}

impl Sub<Duration> for Timestamp {
    type Output = Timestamp;
    fn sub(self, d: Duration) -> Timestamp {
        Timestamp(self.0 - d)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Rfc3339;
        impl Visitor<'_> for Rfc3339 {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date and time like \"2026-11-23T13:00:00+01:00\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).map_err(|e| E::custom(format!("{v:?}: {e}")))
            }
        }
        d.deserialize_str(Rfc3339)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_rfc3339_with_the_offset_kept() {
        let t = Timestamp::parse("2026-03-29T01:59:30+01:00").unwrap();
        let text = ron::to_string(&t).unwrap();
        assert_eq!(text, "\"2026-03-29T01:59:30+01:00\"");
        assert_eq!(ron::from_str::<Timestamp>(&text).unwrap(), t);
        // After the switch to summer time the offset changes and order still holds.
        let later = Timestamp::parse("2026-03-29T03:00:10+02:00").unwrap();
        assert!(later > t);
        assert_eq!((later - t).num_seconds(), 40);
    }

    #[test]
    fn a_bad_time_says_what_was_expected() {
        let err = ron::from_str::<Timestamp>("\"kvart over ni\"").unwrap_err();
        assert!(err.to_string().contains("kvart over ni"), "{err}");
    }
}
