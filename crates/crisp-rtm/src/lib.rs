//! The realtime side of the [Crisp](https://crisp.chat) API: the RTM
//! WebSocket (events pushed by the Crisp relay) and Web Hooks (the same events
//! delivered by HTTP `POST`).
//!
//! [`client`] (feature `websocket`) is the RTM WebSocket client: build it
//! with [`RtmClient::builder`], then read typed events from an
//! [`RtmStream`] (errors are items; the client reconnects by itself) and
//! control it through an [`RtmHandle`].
//!
//! ```no_run
//! # #[cfg(feature = "websocket")]
//! # async fn run() -> Result<(), crisp_rtm::RtmError> {
//! use crisp_rtm::RtmClient;
//! use crisp_transport::Credentials;
//! use crisp_types::Tier;
//! use crisp_types::event::{Event, EventKind};
//!
//! let (_handle, mut stream) = RtmClient::builder(Credentials::new("identifier", "key"), Tier::Plugin)
//!     .events([EventKind::MessageSend])
//!     .connect()?;
//! while let Some(item) = stream.recv().await {
//!     match item {
//!         Ok(event) => println!("{} in {:?}", event.name(), event.session_id()),
//!         Err(error) if error.is_terminal() => return Err(error),
//!         Err(error) => eprintln!("RTM: {error}"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! The other modules are pure: they turn text into values and values into
//! text, and take clocks and random numbers as arguments, so every rule can be
//! tested without a socket.
//!
//! | module | what it holds |
//! |---|---|
//! | `client` (feature `websocket`) | the RTM WebSocket client: discovery, connection, authentication, heartbeat, reconnection, rebind, handlers |
//! | [`codec`] | Engine.IO v4 / Socket.IO v5 framing: one WebSocket text frame ⇄ [`codec::EnginePacket`]; [`codec::Inbound`] decodes an event frame straight into its typed event, in one pass |
//! | [`url`] | the relay URL from endpoint discovery → the WebSocket URL (`wss://…/?EIO=4&transport=websocket`) |
//! | [`backoff`] | the delay before each reconnection attempt ([`backoff::ReconnectBackoff`], Node SDK defaults) |
//! | [`session`] | the `authentication` payload and frame, `socket:bind*` requests and their throttle, the liveness deadline |
//! | [`protocol`] | wire constants (`40`, `3`, `EIO=4&transport=websocket`, event names, rebind interval, connect timeout, error excerpt length): only for code that speaks to the relay itself, or checks what goes over the wire |
//! | `webhook` (feature `webhook`) | Web Hooks: signature verification (plugin hooks, widget actions), parsing into the shared `Event` type, and a tower receiver service usable as an axum route |
//!
//! Features:
//!
//! - `websocket` (default): the RTM WebSocket client (`client` module; tokio,
//!   async-tungstenite, rustls). The pure modules do not depend on it.
//! - `webhook` (default): the `webhook` module (HMAC-SHA256 verification,
//!   parsing, and the `WebhookReceiver` tower service).
//!
//! ```
//! use crisp_rtm::codec::{EnginePacket, SocketPacket};
//! use crisp_rtm::protocol::CONNECT_FRAME;
//! use crisp_rtm::session::{AuthenticationPayload, authentication_frame};
//! use crisp_types::Tier;
//!
//! // The relay opens the session...
//! let open = EnginePacket::decode(
//!     r#"0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"#,
//! )?;
//! assert!(matches!(open, EnginePacket::Open(_)));
//!
//! // ...the client joins the default namespace and, once confirmed,
//! // authenticates.
//! assert_eq!(CONNECT_FRAME, "40");
//! let payload = AuthenticationPayload::new("identifier", "key", Tier::Plugin, ["message:send"]);
//! let frame = authentication_frame(&payload);
//! assert!(frame.starts_with(r#"42["authentication",{"username":"identifier""#));
//!
//! // Events arrive as Socket.IO events.
//! let event = EnginePacket::decode(r#"42["message:send",{"website_id":"w"}]"#)?;
//! assert!(matches!(event, EnginePacket::Message(SocketPacket::Event { .. })));
//! # Ok::<(), crisp_rtm::codec::CodecError>(())
//! ```

pub mod backoff;
#[cfg(feature = "websocket")]
pub mod client;
pub mod codec;
pub mod protocol;
pub mod session;
pub mod url;
#[cfg(feature = "webhook")]
pub mod webhook;

#[cfg(feature = "websocket")]
pub use client::{ConnectionState, RtmBuilder, RtmClient, RtmError, RtmHandle, RtmHandlers, RtmStream, StreamBuffer};
