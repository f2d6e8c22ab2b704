//! Socket.IO v5 packets, as carried inside an Engine.IO message packet.
//!
//! Wire format: `<type digit>[<namespace>,][<ack id digits>][<JSON>]`. The
//! default namespace `/` is left out; any other namespace starts with `/` and
//! runs up to the next `,` (or the end of the packet).

use std::fmt;

use serde_json::Value;

use super::{CodecError, excerpt, parse_json};
use crate::protocol::DEFAULT_NAMESPACE;

/// A Socket.IO v5 packet (the part of an Engine.IO message after its `4`).
///
/// Namespaces are kept as received, with their leading `/`; the default
/// namespace is [`DEFAULT_NAMESPACE`]. Encoding writes a namespace verbatim, so
/// a namespace must start with `/` and must not contain `,`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SocketPacket {
    /// `0`: join a namespace (client, no data) or confirm the join (server,
    /// data `{"sid": ..}`).
    Connect {
        /// The namespace joined.
        namespace: String,
        /// The JSON payload, if the packet had one.
        data: Option<Value>,
    },
    /// `1`: leave a namespace (either side).
    Disconnect {
        /// The namespace left.
        namespace: String,
    },
    /// `2`: an event, `["<name>", args...]`.
    Event {
        /// The namespace the event belongs to.
        namespace: String,
        /// Set when the sender asks for an acknowledgement; answer with an
        /// [`SocketPacket::Ack`] carrying the same id.
        ack_id: Option<u64>,
        /// The event name (first element of the array).
        name: String,
        /// The remaining elements of the array. Crisp events carry exactly
        /// one, an object.
        args: Vec<Value>,
    },
    /// `3`: the answer to an event that requested an acknowledgement.
    Ack {
        /// The namespace of the acknowledged event.
        namespace: String,
        /// The id of the acknowledged event.
        ack_id: u64,
        /// The acknowledgement's arguments (the JSON array's elements).
        args: Vec<Value>,
    },
    /// `4`: the server refused to let the client join a namespace.
    ConnectError {
        /// The namespace refused.
        namespace: String,
        /// The reason, usually `{"message": ".."}`; `Null` when the packet had
        /// no payload.
        data: Value,
    },
}

impl SocketPacket {
    /// A `CONNECT` to the default namespace without data: what a client sends
    /// (as frame `40`) right after the Engine.IO open packet.
    pub fn connect() -> Self {
        Self::Connect {
            namespace: DEFAULT_NAMESPACE.to_owned(),
            data: None,
        }
    }

    /// A `DISCONNECT` from the default namespace (frame `41`).
    pub fn disconnect() -> Self {
        Self::Disconnect {
            namespace: DEFAULT_NAMESPACE.to_owned(),
        }
    }

    /// An event on the default namespace that asks for no acknowledgement.
    pub fn event(name: impl Into<String>, args: Vec<Value>) -> Self {
        Self::Event {
            namespace: DEFAULT_NAMESPACE.to_owned(),
            ack_id: None,
            name: name.into(),
            args,
        }
    }

    /// An acknowledgement on the default namespace; `ack(7, vec![])` encodes
    /// as `37[]` (frame `437[]`).
    pub fn ack(ack_id: u64, args: Vec<Value>) -> Self {
        Self::Ack {
            namespace: DEFAULT_NAMESPACE.to_owned(),
            ack_id,
            args,
        }
    }

    /// The namespace the packet belongs to.
    pub fn namespace(&self) -> &str {
        match self {
            Self::Connect { namespace, .. }
            | Self::Disconnect { namespace }
            | Self::Event { namespace, .. }
            | Self::Ack { namespace, .. }
            | Self::ConnectError { namespace, .. } => namespace,
        }
    }

    /// The Socket.IO type digit of the packet (`0` to `4`).
    pub fn type_digit(&self) -> char {
        match self {
            Self::Connect { .. } => '0',
            Self::Disconnect { .. } => '1',
            Self::Event { .. } => '2',
            Self::Ack { .. } => '3',
            Self::ConnectError { .. } => '4',
        }
    }

    /// Decodes a Socket.IO packet (without the Engine.IO `4` in front).
    ///
    /// Lenient where it costs nothing: a `DISCONNECT`'s trailing payload is
    /// ignored and an acknowledgement without a payload has no arguments.
    ///
    /// # Errors
    ///
    /// A [`CodecError`] saying what is wrong; never panics.
    pub fn decode(packet: &str) -> Result<Self, CodecError> {
        let mut chars = packet.chars();
        let type_char = chars.next().ok_or(CodecError::EmptyMessage)?;
        let rest = chars.as_str();
        match type_char {
            '0'..='4' => {}
            '5' => return Err(CodecError::UnsupportedBinary { packet_type: 5 }),
            '6' => return Err(CodecError::UnsupportedBinary { packet_type: 6 }),
            found => return Err(CodecError::UnknownSocketType { found }),
        }
        let (namespace, rest) = split_namespace(rest);
        let namespace = namespace.to_owned();
        match type_char {
            '0' => Ok(Self::Connect {
                namespace,
                data: optional_json(rest)?,
            }),
            '1' => Ok(Self::Disconnect { namespace }),
            '2' => {
                let (ack_id, payload) = split_ack_id(rest)?;
                let (name, args) = event_array(payload)?;
                Ok(Self::Event {
                    namespace,
                    ack_id,
                    name,
                    args,
                })
            }
            '3' => {
                let (ack_id, payload) = split_ack_id(rest)?;
                let ack_id = ack_id.ok_or(CodecError::MissingAckId)?;
                let args = match optional_json(payload)? {
                    None => Vec::new(),
                    Some(Value::Array(args)) => args,
                    Some(_) => return Err(CodecError::InvalidAckPayload),
                };
                Ok(Self::Ack {
                    namespace,
                    ack_id,
                    args,
                })
            }
            _ => Ok(Self::ConnectError {
                namespace,
                data: optional_json(rest)?.unwrap_or(Value::Null),
            }),
        }
    }

    /// Encodes the packet (without the Engine.IO `4` in front).
    pub fn encode(&self) -> String {
        self.to_string()
    }
}

/// Writes the packet in its wire form (without the Engine.IO `4`).
impl fmt::Display for SocketPacket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.type_digit())?;
        let namespace = self.namespace();
        if !namespace.is_empty() && namespace != DEFAULT_NAMESPACE {
            write!(f, "{namespace},")?;
        }
        match self {
            Self::Connect { data, .. } => match data {
                Some(data) => write!(f, "{data}"),
                None => Ok(()),
            },
            Self::Disconnect { .. } => Ok(()),
            Self::Event { ack_id, name, args, .. } => {
                if let Some(ack_id) = ack_id {
                    write!(f, "{ack_id}")?;
                }
                write!(f, "[{}", Value::from(name.as_str()))?;
                for arg in args {
                    write!(f, ",{arg}")?;
                }
                f.write_str("]")
            }
            Self::Ack { ack_id, args, .. } => {
                write!(f, "{ack_id}[")?;
                for (index, arg) in args.iter().enumerate() {
                    if index > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str("]")
            }
            Self::ConnectError { data, .. } => write!(f, "{data}"),
        }
    }
}

/// Splits off a leading namespace (`/name,`), returning the default namespace
/// when there is none.
pub(super) fn split_namespace(rest: &str) -> (&str, &str) {
    if !rest.starts_with('/') {
        return (DEFAULT_NAMESPACE, rest);
    }
    match rest.split_once(',') {
        Some((namespace, after)) => (namespace, after),
        None => (rest, ""),
    }
}

/// Splits off leading ack id digits.
fn split_ack_id(rest: &str) -> Result<(Option<u64>, &str), CodecError> {
    let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits_len == 0 {
        return Ok((None, rest));
    }
    // The digits are ASCII, so `digits_len` is a character boundary.
    let (digits, after) = rest.split_at(digits_len);
    let id = super::inbound::parse_ack_id(digits).ok_or_else(|| CodecError::AckIdOverflow {
        digits: excerpt(digits),
    })?;
    Ok((Some(id), after))
}

/// Parses a payload that may be absent.
fn optional_json(payload: &str) -> Result<Option<Value>, CodecError> {
    if payload.is_empty() {
        Ok(None)
    } else {
        parse_json(payload).map(Some)
    }
}

/// Parses an event payload: a JSON array whose first element is the name.
pub(super) fn event_array(payload: &str) -> Result<(String, Vec<Value>), CodecError> {
    let Some(Value::Array(items)) = optional_json(payload)? else {
        return Err(CodecError::EventWithoutName);
    };
    let mut items = items.into_iter();
    match items.next() {
        Some(Value::String(name)) => Ok((name, items.collect())),
        _ => Err(CodecError::EventWithoutName),
    }
}
