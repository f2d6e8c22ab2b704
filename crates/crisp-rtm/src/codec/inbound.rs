//! The frames a client receives, decoded for the client in one pass: an
//! event on the default namespace goes straight from the frame text into its
//! typed [`Event`], without a `serde_json::Value` in between.

use std::borrow::Cow;
use std::fmt;

use crisp_types::event::{Event, EventDecodeError, EventSeed};
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::Value;

use super::socket_io::{event_array, split_namespace};
use super::{CodecError, EnginePacket, excerpt};
use crate::protocol::DEFAULT_NAMESPACE;

/// The acknowledgement an event asked for (`42<id>[..]`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AckId {
    /// An id that fits in a `u64`: answer with `43<id>[]`
    /// ([`SocketPacket::ack`](super::SocketPacket::ack)).
    Id(u64),
    /// An id too large for a `u64`: it cannot be answered, but the event
    /// itself is fine.
    TooLarge {
        /// The digits (at most [`MAX_EXCERPT_CHARS`](crate::protocol::MAX_EXCERPT_CHARS)
        /// of them).
        digits: String,
    },
}

/// An event received on the default namespace (`42[..]`), decoded.
#[derive(Debug)]
#[non_exhaustive]
pub struct InboundEvent {
    /// The acknowledgement the sender asked for, if any.
    pub ack: Option<AckId>,
    /// The event (the first element of the array is its name, the second its
    /// data; further elements are ignored), or why its data does not fit the
    /// model of a known event (the error keeps the name and the raw data).
    pub event: Result<Event, EventDecodeError>,
}

/// A frame as an RTM client needs it: an event of the default namespace,
/// typed, or any other packet.
///
/// [`Inbound::decode`] reads an event's JSON once, straight into the typed
/// [`Event`] ([`EventSeed`]). Only when that fails does it decode the frame
/// again the general way, to say precisely what is wrong (a [`CodecError`], or
/// an [`EventDecodeError`] that keeps the raw data): the result is the same as
/// [`EnginePacket::decode`] followed by [`Event::from_parts`], except that an
/// ack id too large for a `u64` no longer loses the event
/// ([`AckId::TooLarge`]).
///
/// ```
/// use crisp_rtm::codec::{AckId, EnginePacket, Inbound};
/// use crisp_types::event::Event;
///
/// let frame = r#"427["message:send",{"session_id":"session_1","type":"text","content":"hi"}]"#;
/// let Inbound::Event(received) = Inbound::decode(frame)? else { unreachable!() };
/// assert_eq!(received.ack, Some(AckId::Id(7)));
/// assert!(matches!(received.event, Ok(Event::MessageSend(_))));
///
/// // Other packets, and events of other namespaces, come out as packets.
/// assert!(matches!(Inbound::decode("2")?, Inbound::Packet(EnginePacket::Ping(None))));
/// assert!(matches!(Inbound::decode(r#"42/admin,["x",{}]"#)?, Inbound::Packet(_)));
/// # Ok::<(), crisp_rtm::codec::CodecError>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "events are the hot path and the common case: boxing them would cost an allocation per event"
)]
pub enum Inbound {
    /// An event on the default namespace.
    Event(InboundEvent),
    /// Any other packet, including events of other namespaces.
    Packet(EnginePacket),
}

impl Inbound {
    /// Decodes the text of one WebSocket frame.
    ///
    /// # Errors
    ///
    /// A [`CodecError`] when the frame is not a packet at all; never panics.
    pub fn decode(frame: &str) -> Result<Self, CodecError> {
        let Some(rest) = frame.strip_prefix("42") else {
            return EnginePacket::decode(frame).map(Self::Packet);
        };
        let (namespace, after_namespace) = split_namespace(rest);
        if namespace != DEFAULT_NAMESPACE {
            return EnginePacket::decode(frame).map(Self::Packet);
        }
        let digits_len = after_namespace.bytes().take_while(u8::is_ascii_digit).count();
        // The digits are ASCII, so `digits_len` is a character boundary.
        let (digits, payload) = after_namespace.split_at(digits_len);
        let ack = (!digits.is_empty()).then(|| match parse_ack_id(digits) {
            Some(id) => AckId::Id(id),
            None => AckId::TooLarge {
                digits: excerpt(digits),
            },
        });
        let event = match decode_event_fast(payload) {
            Some(event) => Ok(event),
            None => decode_event_slow(payload)?,
        };
        Ok(Self::Event(InboundEvent { ack, event }))
    }
}

/// Reads ack id digits (ASCII digits only) into a `u64`, `None` on overflow.
pub(super) fn parse_ack_id(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0_u64, |id, digit| {
        id.checked_mul(10)?.checked_add(u64::from(digit.wrapping_sub(b'0')))
    })
}

/// One pass: `["<name>",<data>,..]` straight into the typed event. `None`
/// whenever anything is unusual; the slow path then says what.
fn decode_event_fast(payload: &str) -> Option<Event> {
    let mut deserializer = serde_json::Deserializer::from_str(payload);
    let event = deserializer.deserialize_seq(EventArrayVisitor).ok()?;
    deserializer.end().ok()?;
    event
}

/// The general way: the payload into a `Value`, then into the event.
fn decode_event_slow(payload: &str) -> Result<Result<Event, EventDecodeError>, CodecError> {
    let (name, args) = event_array(payload)?;
    let data = args.into_iter().next().unwrap_or(Value::Null);
    Ok(Event::from_parts(&name, data))
}

/// Visits `["<name>",<data>,..]`; `None` when the array has no data element.
struct EventArrayVisitor;

impl<'de> Visitor<'de> for EventArrayVisitor {
    type Value = Option<Event>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an event array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Some(EventName(name)) = seq.next_element::<EventName<'de>>()? else {
            return Ok(None);
        };
        let Some(event) = seq.next_element_seed(EventSeed::new(&name))? else {
            return Ok(None);
        };
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Some(event))
    }
}

/// An event name, borrowed from the frame unless it has escapes.
struct EventName<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for EventName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(EventNameVisitor)
    }
}

struct EventNameVisitor;

impl<'de> Visitor<'de> for EventNameVisitor {
    type Value = EventName<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an event name")
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(EventName(Cow::Borrowed(name)))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(EventName(Cow::Owned(name.to_owned())))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Self::Value, E> {
        Ok(EventName(Cow::Owned(name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ack_ids() {
        assert_eq!(parse_ack_id("0"), Some(0));
        assert_eq!(parse_ack_id("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_ack_id("18446744073709551616"), None);
    }

    #[test]
    fn fast_path_declines_what_it_cannot_do_alone() {
        assert!(decode_event_fast(r#"["message:send",{"type":"text"}]"#).is_some());
        assert!(decode_event_fast(r#"["x"]"#).is_none());
        assert!(decode_event_fast(r#"[5,{}]"#).is_none());
        assert!(decode_event_fast(r#"["message:send",[1]]"#).is_none());
        assert!(decode_event_fast(r#"["message:send",{}] x"#).is_none());
        assert!(decode_event_fast("").is_none());
    }
}
