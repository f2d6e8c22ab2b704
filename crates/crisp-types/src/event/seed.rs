//! Decoding an event's data straight from a deserializer, without a
//! [`Value`] in between: the fast path of the RTM client, which reads the data
//! out of the frame text in one pass.

use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::{Event, EventKind};

/// Decodes the data of the event named `name` from any serde
/// [`Deserializer`], in one pass.
///
/// It gives the same event as [`Event::from_parts`] would for the same data,
/// and succeeds whenever [`Event::from_parts`] succeeds on a JSON text without
/// duplicate keys; data that is not a JSON object is refused for a known event
/// (an unknown event keeps whatever it got). Its error is the deserializer's:
/// it does not keep the data, so a caller that wants an
/// [`EventDecodeError`](super::EventDecodeError) with the raw data decodes the
/// same text again with [`Event::from_parts`] when this fails (the failure
/// path pays, the success path does not).
///
/// ```
/// use serde::de::DeserializeSeed;
/// use crisp_types::event::{Event, EventSeed};
///
/// let data = r#"{"website_id":"w1","session_id":"session_1","type":"text","content":"hi","from":"user"}"#;
/// let mut deserializer = serde_json::Deserializer::from_str(data);
/// let event = EventSeed::new("message:send").deserialize(&mut deserializer)?;
/// deserializer.end()?;
/// assert_eq!(event, Event::from_parts("message:send", serde_json::from_str(data)?)?);
///
/// let mut deserializer = serde_json::Deserializer::from_str("[1]");
/// assert!(EventSeed::new("message:send").deserialize(&mut deserializer).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EventSeed<'a> {
    name: &'a str,
}

impl<'a> EventSeed<'a> {
    /// A seed for the data of the event named `name`.
    pub fn new(name: &'a str) -> Self {
        Self { name }
    }

    /// The event name.
    pub fn name(&self) -> &'a str {
        self.name
    }
}

impl<'de> DeserializeSeed<'de> for EventSeed<'_> {
    type Value = Event;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Event, D::Error> {
        match EventKind::from_name(self.name) {
            Some(kind) => Event::decode_from(kind, ObjectOnly(deserializer)),
            None => Ok(Event::Unknown {
                name: self.name.to_owned(),
                data: Value::deserialize(deserializer)?,
            }),
        }
    }
}

/// A deserializer that only lets a map (a JSON object) through to the
/// payload's visitor: serde's derived structs would otherwise also read a JSON
/// array positionally, which [`Event::from_parts`] refuses.
pub(super) struct ObjectOnly<D>(pub(super) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(ObjectVisitor(visitor))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(ObjectVisitor(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, ObjectVisitor(visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct enum identifier ignored_any
    }
}

/// Passes maps to the inner visitor and refuses everything else.
struct ObjectVisitor<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for ObjectVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }
}
