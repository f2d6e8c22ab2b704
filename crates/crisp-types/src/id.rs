//! Id newtypes: one type per kind of id, so a session id cannot be passed
//! where a website id is expected.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

string_id! {
    /// A website's id (a UUID), the scope of almost every Crisp route.
    WebsiteId
}

string_id! {
    /// A conversation's id, usually `session_` followed by a UUID.
    SessionId
}

string_id! {
    /// A people profile's id (a UUID), or the profile's email address.
    ///
    /// Crisp accepts a contact's email wherever a people id goes in a route
    /// (get, check, save, update and remove a profile; its events, data,
    /// subscription and conversations) and acts on the profile that has that
    /// email, as the old Node wrapper documents and the PHP and Ruby SDKs
    /// use. Build one with [`PeopleId::from_email`]; it goes in the path
    /// percent-encoded like any id (`@` is sent as `%40`). Profiles that
    /// Crisp returns always carry the UUID.
    ///
    /// ```no_run
    /// use crisp::PeopleId;
    ///
    /// # async fn run(crisp: crisp::Crisp, website: crisp::WebsiteId) -> Result<(), crisp::Error> {
    /// let jane = PeopleId::from_email("jane.doe@example.com");
    /// assert!(jane.is_email());
    /// let profile = crisp.website().get_people_profile(&website, &jane).await?;
    /// println!("{:?} is {:?}", profile.email, profile.people_id);
    /// # Ok(()) }
    /// ```
    PeopleId
}

impl PeopleId {
    /// Names a profile by its email address instead of its UUID; every route
    /// that takes a people id accepts it.
    ///
    /// ```
    /// let id = crisp::PeopleId::from_email("jane.doe@example.com");
    /// assert_eq!(id.as_str(), "jane.doe@example.com");
    /// assert!(id.is_email());
    /// ```
    pub fn from_email(email: impl Into<String>) -> Self {
        Self::new(email)
    }

    /// Whether this names a profile by email (it contains `@`) rather than
    /// by its UUID.
    ///
    /// ```
    /// use crisp::PeopleId;
    ///
    /// assert!(PeopleId::from_email("jane.doe@example.com").is_email());
    /// assert!(!PeopleId::new("0c3b7c9e-3f52-4b0e-9c1b-6c1f3c2e9a11").is_email());
    /// ```
    pub fn is_email(&self) -> bool {
        self.as_str().contains('@')
    }
}

string_id! {
    /// An operator's (user's) id (a UUID).
    UserId
}

string_id! {
    /// A plugin's id (a UUID).
    PluginId
}

string_id! {
    /// An inbox's id (a UUID).
    InboxId
}

string_id! {
    /// A spam conversation's id, as listed by the "list spam conversations"
    /// route.
    SpamId
}

string_id! {
    /// The id of a message's original (e.g. the raw email it was made from).
    OriginalId
}

string_id! {
    /// A co-browsing session's id.
    BrowsingId
}

string_id! {
    /// An audio or video call session's id.
    CallId
}

string_id! {
    /// A website team's id (a UUID).
    TeamId
}

string_id! {
    /// A campaign's id (a UUID).
    CampaignId
}

string_id! {
    /// A campaign template's id (a UUID).
    CampaignTemplateId
}

/// A message fingerprint: the integer that identifies a message within its
/// conversation.
///
/// Crisp sends it as a JSON number; some SDK examples send numeric strings
/// (`"5719231201"`), so both are accepted when decoding. It is always encoded as
/// a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub i64);

impl Fingerprint {
    /// The fingerprint as an integer.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<i64> for Fingerprint {
    fn from(value: i64) -> Self {
        Self(value)
    }
}

impl std::str::FromStr for Fingerprint {
    type Err = std::num::ParseIntError;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        value.trim().parse().map(Self)
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FingerprintVisitor;

        impl Visitor<'_> for FingerprintVisitor {
            type Value = Fingerprint;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a message fingerprint (an integer or a numeric string)")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Fingerprint, E> {
                Ok(Fingerprint(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Fingerprint, E> {
                i64::try_from(value)
                    .map(Fingerprint)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Fingerprint, E> {
                // Integral floats up to 2^53 are exact; anything else is not a fingerprint.
                if value.fract() == 0.0 && value.abs() <= 9_007_199_254_740_992.0 {
                    Ok(Fingerprint(value as i64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(value), &self))
                }
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Fingerprint, E> {
                value
                    .parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
            }
        }

        deserializer.deserialize_any(FingerprintVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_transparent_strings() {
        let id: WebsiteId = serde_json::from_str(r#""42286ab3-b29a-4fde-8538-da0ae501d825""#).unwrap();
        assert_eq!(id.as_str(), "42286ab3-b29a-4fde-8538-da0ae501d825");
        assert_eq!(id.to_string(), "42286ab3-b29a-4fde-8538-da0ae501d825");
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            r#""42286ab3-b29a-4fde-8538-da0ae501d825""#
        );
        let parsed: SessionId = "session_1".parse().unwrap();
        assert_eq!(parsed, SessionId::from("session_1"));
    }

    #[test]
    fn fingerprint_accepts_numbers_and_numeric_strings() {
        let from_number: Fingerprint = serde_json::from_str("150698569649423").unwrap();
        let from_string: Fingerprint = serde_json::from_str(r#""150698569649423""#).unwrap();
        assert_eq!(from_number, from_string);
        assert_eq!(serde_json::to_string(&from_string).unwrap(), "150698569649423");
    }

    #[test]
    fn fingerprint_rejects_garbage_with_an_error() {
        assert!(serde_json::from_str::<Fingerprint>(r#""abc""#).is_err());
        assert!(serde_json::from_str::<Fingerprint>("1.5").is_err());
        assert!(serde_json::from_str::<Fingerprint>("18446744073709551615").is_err());
        assert!(serde_json::from_str::<Fingerprint>("true").is_err());
    }
}
