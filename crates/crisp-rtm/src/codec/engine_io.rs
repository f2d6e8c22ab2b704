//! Engine.IO v4 packets, one per WebSocket text frame.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use super::{CodecError, SocketPacket, parse_json};

/// The session parameters the server announces in its first frame (`0{..}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInfo {
    /// The Engine.IO session id.
    pub sid: String,
    /// Transports the session could upgrade to; empty on a WebSocket-only
    /// session.
    pub upgrades: Vec<String>,
    /// How often the server pings (`pingInterval`).
    pub ping_interval: Duration,
    /// How long the server waits for a pong (`pingTimeout`).
    pub ping_timeout: Duration,
    /// The largest payload the server accepts in bytes (`maxPayload`), when
    /// announced.
    pub max_payload: Option<u64>,
}

impl OpenInfo {
    /// How long the connection may stay silent before it is considered dead:
    /// `ping_interval + ping_timeout` (saturating).
    ///
    /// See [`crate::session::Heartbeat`].
    pub fn liveness_timeout(&self) -> Duration {
        self.ping_interval.saturating_add(self.ping_timeout)
    }
}

/// The open packet's JSON as the server writes it (times in milliseconds).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpenWire {
    sid: String,
    #[serde(default)]
    upgrades: Vec<String>,
    ping_interval: u64,
    ping_timeout: u64,
    #[serde(default)]
    max_payload: Option<u64>,
}

/// An Engine.IO v4 packet: the content of one WebSocket text frame.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EnginePacket {
    /// `0{..}`: the server opens the session (first frame).
    Open(OpenInfo),
    /// `1`: either side closes the session.
    Close,
    /// `2`: the server checks the client is alive; answer with
    /// [`EnginePacket::Pong`] carrying the same data (see
    /// [`EnginePacket::pong_reply`]). The data is `None` for a bare `2`.
    Ping(Option<String>),
    /// `3`: the answer to a ping, echoing its data.
    Pong(Option<String>),
    /// `4`: a Socket.IO packet.
    Message(SocketPacket),
    /// `5`: transport upgrade (not used on WebSocket-only sessions).
    Upgrade,
    /// `6`: no-op (not used on WebSocket-only sessions).
    Noop,
}

impl EnginePacket {
    /// Decodes the text of one WebSocket frame.
    ///
    /// Close, upgrade and no-op packets ignore any trailing text.
    ///
    /// # Errors
    ///
    /// A [`CodecError`] saying what is wrong; never panics.
    pub fn decode(frame: &str) -> Result<Self, CodecError> {
        let mut chars = frame.chars();
        let type_char = chars.next().ok_or(CodecError::EmptyFrame)?;
        let rest = chars.as_str();
        match type_char {
            '0' => decode_open(rest).map(Self::Open),
            '1' => Ok(Self::Close),
            '2' => Ok(Self::Ping(optional_text(rest))),
            '3' => Ok(Self::Pong(optional_text(rest))),
            '4' => SocketPacket::decode(rest).map(Self::Message),
            '5' => Ok(Self::Upgrade),
            '6' => Ok(Self::Noop),
            found => Err(CodecError::UnknownEngineType { found }),
        }
    }

    /// Decodes a frame given as bytes (a text frame's payload).
    ///
    /// # Errors
    ///
    /// [`CodecError::InvalidUtf8`] when the bytes are not UTF-8, otherwise as
    /// [`EnginePacket::decode`].
    pub fn decode_bytes(frame: &[u8]) -> Result<Self, CodecError> {
        let text = std::str::from_utf8(frame).map_err(|_| CodecError::InvalidUtf8)?;
        Self::decode(text)
    }

    /// Encodes the packet as the text of one WebSocket frame.
    pub fn encode(&self) -> String {
        self.to_string()
    }

    /// The pong that answers this packet when it is a ping (`2` → `3`,
    /// `2probe` → `3probe`), `None` otherwise.
    pub fn pong_reply(&self) -> Option<Self> {
        match self {
            Self::Ping(data) => Some(Self::Pong(data.clone())),
            _ => None,
        }
    }

    /// The Engine.IO type digit of the packet (`0` to `6`).
    pub fn type_digit(&self) -> char {
        match self {
            Self::Open(_) => '0',
            Self::Close => '1',
            Self::Ping(_) => '2',
            Self::Pong(_) => '3',
            Self::Message(_) => '4',
            Self::Upgrade => '5',
            Self::Noop => '6',
        }
    }
}

impl From<SocketPacket> for EnginePacket {
    fn from(packet: SocketPacket) -> Self {
        Self::Message(packet)
    }
}

/// Writes the packet in its wire form.
impl fmt::Display for EnginePacket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.type_digit())?;
        match self {
            Self::Open(info) => write_open_json(f, info),
            Self::Ping(Some(data)) | Self::Pong(Some(data)) => f.write_str(data),
            Self::Message(packet) => write!(f, "{packet}"),
            Self::Close | Self::Ping(None) | Self::Pong(None) | Self::Upgrade | Self::Noop => Ok(()),
        }
    }
}

fn optional_text(rest: &str) -> Option<String> {
    (!rest.is_empty()).then(|| rest.to_owned())
}

fn decode_open(payload: &str) -> Result<OpenInfo, CodecError> {
    let value = parse_json(payload)?;
    let wire: OpenWire = serde_json::from_value(value).map_err(|source| CodecError::InvalidOpen { source })?;
    Ok(OpenInfo {
        sid: wire.sid,
        upgrades: wire.upgrades,
        ping_interval: Duration::from_millis(wire.ping_interval),
        ping_timeout: Duration::from_millis(wire.ping_timeout),
        max_payload: wire.max_payload,
    })
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Writes the open packet's JSON with its fields in the order Engine.IO
/// servers use, whatever `serde_json`'s map ordering.
fn write_open_json(f: &mut fmt::Formatter<'_>, info: &OpenInfo) -> fmt::Result {
    write!(f, "{{\"sid\":{}", Value::from(info.sid.as_str()))?;
    f.write_str(",\"upgrades\":[")?;
    for (index, upgrade) in info.upgrades.iter().enumerate() {
        if index > 0 {
            f.write_str(",")?;
        }
        write!(f, "{}", Value::from(upgrade.as_str()))?;
    }
    write!(
        f,
        "],\"pingInterval\":{},\"pingTimeout\":{}",
        millis(info.ping_interval),
        millis(info.ping_timeout)
    )?;
    if let Some(max_payload) = info.max_payload {
        write!(f, ",\"maxPayload\":{max_payload}")?;
    }
    f.write_str("}")
}
