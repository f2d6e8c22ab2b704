//! Wire-level constants of the Crisp RTM protocol (Engine.IO v4 / Socket.IO v5
//! as the Crisp relay speaks it) and the fixed limits the SDK applies to it.
//!
//! Applications using [`RtmClient`](crate::RtmClient) or the web-hook module
//! never need these: they are for code that speaks to the relay itself, or
//! fakes and tests that check what goes over the wire. They are gathered here
//! so that the rest of the public API ([`codec`](crate::codec),
//! [`session`](crate::session), [`url`](crate::url)) only holds types and
//! functions.
//!
//! One connection goes like this (S = relay, C = client):
//!
//! ```text
//! C: GET wss://<relay>/?EIO=4&transport=websocket      -> ENGINE_IO_QUERY
//! S: 0{"sid":..,"pingInterval":N,"pingTimeout":M,..}   (within CONNECT_TIMEOUT)
//! C: 40                                                -> CONNECT_FRAME
//! S: 40{"sid":..}
//! C: 42["authentication",{..}]                         -> AUTHENTICATION_EVENT
//! S: 42["authenticated",true]   or   42["unauthorized",{..}]
//! S: 42["<event>",{..}]  ...
//! S: 2      C: 3                                       -> PONG_FRAME
//! ```
//!
//! ```
//! use crisp_rtm::codec::{EnginePacket, SocketPacket};
//! use crisp_rtm::protocol::{CONNECT_FRAME, PONG_FRAME};
//!
//! assert_eq!(EnginePacket::Message(SocketPacket::connect()).encode(), CONNECT_FRAME);
//! assert_eq!(EnginePacket::Ping(None).pong_reply().map(|pong| pong.encode()).as_deref(), Some(PONG_FRAME));
//! ```

use std::time::Duration;

/// The query string of every RTM WebSocket URL
/// ([`websocket_url`](crate::url::websocket_url) appends it).
pub const ENGINE_IO_QUERY: &str = "EIO=4&transport=websocket";

/// The default Socket.IO namespace, the only one Crisp uses. It is never
/// written on the wire.
pub const DEFAULT_NAMESPACE: &str = "/";

/// The frame that joins the default namespace, sent once the open packet
/// arrived.
pub const CONNECT_FRAME: &str = "40";

/// The frame that answers a bare ping (`2`).
pub const PONG_FRAME: &str = "3";

/// The event a client sends to authenticate
/// ([`authentication_frame`](crate::session::authentication_frame)).
pub const AUTHENTICATION_EVENT: &str = "authentication";

/// The event the relay sends when authentication succeeded.
pub const AUTHENTICATED_EVENT: &str = "authenticated";

/// The event the relay sends when authentication failed; the relay then
/// disconnects. Reconnecting with the same credentials is pointless.
pub const UNAUTHORIZED_EVENT: &str = "unauthorized";

/// How long to wait for the open packet (`0{..}`) after starting a connection
/// attempt before giving up on it (the attempt then counts as failed). The
/// client's default; `RtmBuilder::connect_timeout` changes it.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The shortest interval between two rebind requests (`socket:bind*`), as the
/// official SDKs enforce it ([`RebindThrottle::new`](crate::session::RebindThrottle::new)).
pub const MIN_REBIND_INTERVAL: Duration = Duration::from_millis(2500);

/// The longest excerpt of a bad payload kept in an error
/// ([`CodecError`](crate::codec::CodecError), URL and discovery errors), in
/// characters.
pub const MAX_EXCERPT_CHARS: usize = 200;
