//! Milliseconds since the Unix epoch, as Crisp sends every time.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time, in milliseconds since the Unix epoch (UTC).
///
/// Decodes from a JSON integer (or an integral float, as JavaScript may
/// produce) and encodes as an integer.
///
/// ```
/// use crisp::types::Timestamp;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let t = Timestamp::from_millis(1_506_985_696_616);
/// assert_eq!(t.to_system_time(), UNIX_EPOCH + Duration::from_millis(1_506_985_696_616));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(u64);

impl Timestamp {
    /// A timestamp from milliseconds since the Unix epoch.
    pub const fn from_millis(millis: u64) -> Self {
        Self(millis)
    }

    /// Milliseconds since the Unix epoch.
    pub const fn as_millis(self) -> u64 {
        self.0
    }

    /// The current time, read from the system clock.
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }

    /// The timestamp as a [`SystemTime`].
    pub fn to_system_time(self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(self.0)
    }
}

impl From<SystemTime> for Timestamp {
    /// Times before the epoch clamp to the epoch; times past `u64::MAX` ms saturate.
    fn from(time: SystemTime) -> Self {
        let millis = time
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        Self(millis)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;

        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("milliseconds since the Unix epoch")
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(value))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Timestamp, E> {
                u64::try_from(value)
                    .map(Timestamp)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Timestamp, E> {
                if value.is_finite() && (0.0..18_446_744_073_709_551_616.0).contains(&value) {
                    Ok(Timestamp(value.trunc() as u64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(value), &self))
                }
            }
        }

        deserializer.deserialize_any(TimestampVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_as_integer() {
        let t: Timestamp = serde_json::from_str("1506985696616").unwrap();
        assert_eq!(t.as_millis(), 1_506_985_696_616);
        assert_eq!(serde_json::to_string(&t).unwrap(), "1506985696616");
    }

    #[test]
    fn accepts_integral_floats_and_rejects_negatives() {
        let t: Timestamp = serde_json::from_str("1506985696616.0").unwrap();
        assert_eq!(t.as_millis(), 1_506_985_696_616);
        assert!(serde_json::from_str::<Timestamp>("-1").is_err());
        assert!(serde_json::from_str::<Timestamp>(r#""yesterday""#).is_err());
    }
}
