//! Framing of the RTM WebSocket: Engine.IO v4 packets carrying Socket.IO v5
//! packets.
//!
//! The Crisp relay sends exactly one Engine.IO packet per WebSocket **text**
//! frame. The first character of the frame is the Engine.IO packet type; a
//! *message* packet (`4`) carries a Socket.IO packet whose first character is
//! in turn the Socket.IO packet type. So the frames seen on a Crisp connection
//! look like `0{..}` (open), `2` (ping), `3` (pong), `40` (namespace connect),
//! `42["message:send",{..}]` (an event).
//!
//! This module is pure: it turns a frame's text into an [`EnginePacket`] and
//! back, and never touches a socket. [`Inbound`] is the client's decoder: it
//! takes an event of the default namespace straight from the frame text to its
//! typed [`Event`](crisp_types::event::Event), in one pass. Decoding never panics, whatever the
//! input; anything it cannot understand is reported as a [`CodecError`].
//!
//! ```
//! use crisp_rtm::codec::{EnginePacket, SocketPacket};
//!
//! let packet = EnginePacket::decode(r#"42["authenticated",true]"#)?;
//! let EnginePacket::Message(SocketPacket::Event { name, args, .. }) = &packet else {
//!     unreachable!("an event frame decodes to an event");
//! };
//! assert_eq!(name, "authenticated");
//! assert_eq!(args, &[serde_json::Value::Bool(true)]);
//!
//! // What a client sends to join the default namespace.
//! assert_eq!(EnginePacket::Message(SocketPacket::connect()).encode(), "40");
//! # Ok::<(), crisp_rtm::codec::CodecError>(())
//! ```

mod engine_io;
mod inbound;
mod socket_io;

pub use engine_io::{EnginePacket, OpenInfo};
pub use inbound::{AckId, Inbound, InboundEvent};
pub use socket_io::SocketPacket;

use crate::protocol::MAX_EXCERPT_CHARS;

/// Why a frame could not be decoded.
///
/// `Display` never repeats the message of the underlying JSON error; it is
/// available through [`std::error::Error::source`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    /// The frame was empty (no packet type at all).
    #[error("empty frame")]
    EmptyFrame,
    /// The frame's bytes are not UTF-8 (only raised by
    /// [`EnginePacket::decode_bytes`]).
    #[error("frame is not valid UTF-8")]
    InvalidUtf8,
    /// The first character is not an Engine.IO packet type (`0` to `6`).
    #[error("unknown Engine.IO packet type {found:?}")]
    UnknownEngineType {
        /// The character found where the type was expected.
        found: char,
    },
    /// An Engine.IO message packet (`4`) carried no Socket.IO packet.
    #[error("Engine.IO message without a Socket.IO packet")]
    EmptyMessage,
    /// The Socket.IO packet type is not one of `0` to `6`.
    #[error("unknown Socket.IO packet type {found:?}")]
    UnknownSocketType {
        /// The character found where the type was expected.
        found: char,
    },
    /// A binary Socket.IO packet (`5` binary event, `6` binary ack). Crisp
    /// never sends them and their attachments would arrive in separate
    /// binary frames, which this codec does not reassemble.
    #[error("binary Socket.IO packets (type {packet_type}) are not supported")]
    UnsupportedBinary {
        /// The Socket.IO packet type: 5 or 6.
        packet_type: u8,
    },
    /// The payload is not valid JSON.
    #[error("invalid JSON payload (starts with {excerpt:?})")]
    InvalidJson {
        /// The start of the payload, at most [`MAX_EXCERPT_CHARS`] characters.
        excerpt: String,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// The open packet's JSON lacks a field or has one of the wrong type.
    #[error("malformed Engine.IO open packet")]
    InvalidOpen {
        /// The deserialisation error naming the field.
        #[source]
        source: serde_json::Error,
    },
    /// An event's payload is not an array that starts with a string (the
    /// event name).
    #[error("Socket.IO event without a string name")]
    EventWithoutName,
    /// An acknowledgement's payload is not an array of arguments.
    #[error("Socket.IO acknowledgement payload is not an array")]
    InvalidAckPayload,
    /// An acknowledgement packet (`3`) came without its ack id.
    #[error("Socket.IO acknowledgement without an ack id")]
    MissingAckId,
    /// The ack id does not fit in a `u64`.
    #[error("Socket.IO ack id {digits:?} does not fit in 64 bits")]
    AckIdOverflow {
        /// The digits (at most [`MAX_EXCERPT_CHARS`] of them).
        digits: String,
    },
}

/// Keeps at most [`MAX_EXCERPT_CHARS`] characters of `text`, cutting on a
/// character boundary.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(MAX_EXCERPT_CHARS) {
        Some((cut, _)) => text[..cut].to_owned(),
        None => text.to_owned(),
    }
}

/// Parses a JSON payload, keeping an excerpt of it on failure.
pub(crate) fn parse_json(payload: &str) -> Result<serde_json::Value, CodecError> {
    serde_json::from_str(payload).map_err(|source| CodecError::InvalidJson {
        excerpt: excerpt(payload),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_bounded_and_char_safe() {
        let long = "é".repeat(500);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), MAX_EXCERPT_CHARS);
        assert_eq!(excerpt("short"), "short");
        let exact = "x".repeat(MAX_EXCERPT_CHARS);
        assert_eq!(excerpt(&exact), exact);
    }
}
