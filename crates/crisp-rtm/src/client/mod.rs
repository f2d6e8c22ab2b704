//! The RTM WebSocket client (feature `websocket`): connects to the Crisp
//! relay, authenticates, keeps the connection alive, reconnects, and yields
//! typed [`Event`](crisp_types::event::Event)s.
//!
//! ```no_run
//! use crisp_rtm::client::{ConnectionState, RtmClient};
//! use crisp_transport::Credentials;
//! use crisp_types::Tier;
//! use crisp_types::event::{Event, EventKind};
//! use futures_util::StreamExt;
//!
//! # async fn run() -> Result<(), crisp_rtm::client::RtmError> {
//! let (handle, mut stream) = RtmClient::builder(Credentials::new("identifier", "key"), Tier::Plugin)
//!     .events([EventKind::MessageSend, EventKind::SessionSetState])
//!     .connect()?;
//!
//! while let Some(item) = stream.next().await {
//!     match item {
//!         Ok(Event::MessageSend(message)) => println!("{:?}", message.message.content),
//!         Ok(other) => println!("{}", other.name()),
//!         // Reported, then the client carries on (reconnects if needed)...
//!         Err(error) if !error.is_terminal() => eprintln!("RTM: {error}"),
//!         // ...except for refused credentials: the stream ends after this.
//!         Err(error) => return Err(error),
//!     }
//!     if *handle.state().borrow() != ConnectionState::Authenticated {
//!         eprintln!("not receiving events right now");
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # What happens on the wire
//!
//! [`RtmBuilder::connect`] spawns one task on the current tokio runtime. For
//! each connection attempt it:
//!
//! 1. discovers the relay URL with `GET <rest base>/<tier>/connect/endpoints`
//!    (`data.socket.app`) unless [`RtmBuilder::relay_url`] was given, and
//!    again after every [`REDISCOVER_AFTER_FAILURES`] failed attempts in a
//!    row;
//! 2. opens `wss://…/?EIO=4&transport=websocket` (TLS through rustls with the
//!    configuration of `crisp_transport::tls::tls_client_config`, no process
//!    default provider; `ws://` only to loopback hosts unless
//!    [`RtmBuilder::allow_insecure`]). The upgrade request carries no
//!    credentials, cookie or `Origin`;
//! 3. waits for the Engine.IO open packet (connect timeout, 10 s by default),
//!    sends `40`, waits for `40{..}`, then sends `authentication` once, with
//!    the subscribed events (and rooms and inboxes). Nothing else is sent
//!    before that. The relay must answer within the connect timeout too
//!    ([`RtmError::AuthenticationTimeout`], then a new connection);
//! 4. on `authenticated`, events flow; `unauthorized` is **terminal**: it is
//!    the stream's last item and nothing reconnects;
//! 5. answers every ping `2` with `3`, and drops the connection when no
//!    frame arrived for `pingInterval + pingTimeout` ([`RtmError::PingTimeout`]);
//! 6. only the default namespace `/` is the Crisp session: packets of any
//!    other namespace (`42/other,[..]`, `44/other,{..}`, `41/other,`, ...)
//!    are ignored (logged at `debug`), never delivered and never end the
//!    connection. An event asking for an acknowledgement gets `43<id>[]`; one
//!    whose ack id does not fit in 64 bits is still delivered, after an
//!    [`RtmError::AckSkipped`] item.
//!
//! Each frame is decoded once, straight from its text into the typed event
//! ([`Inbound`](crate::codec::Inbound)). Frames that arrived together are
//! handled together and handed to the stream as one batch: one lock and at
//! most one wake-up of the reader per batch, not per event.
//!
//! Any failure (connect error, connect timeout, ping timeout, close, discovery
//! error) is reported as an error item, then the task waits for the
//! [`ReconnectBackoff`](crate::backoff::ReconnectBackoff) delay and tries
//! again, forever, the very first connection included. The backoff starts
//! over after each successful authentication; every new connection
//! authenticates again. Nothing reconnects after [`RtmHandle::close`], after
//! every handle and the stream were dropped, or after a terminal error.
//!
//! # Watching the connection
//!
//! [`RtmHandle::state`] is a [`tokio::sync::watch::Receiver`] of
//! [`ConnectionState`]: `Connecting`, `Connected` (not yet authenticated),
//! `Authenticated`, `Reconnecting { attempt, delay }`, `Closed`.
//!
//! # A slow reader
//!
//! The task never waits for the application: while the stream is not read,
//! it keeps reading frames and answering pings, and items wait in a buffer.
//! By default the buffer is unbounded (lossless). [`RtmBuilder::buffer`] with
//! [`StreamBuffer::drop_oldest`] bounds it: the oldest items make room for
//! new ones, and the next read returns [`RtmError::Lagged`] with how many
//! were lost.
//!
//! # Handlers
//!
//! [`RtmHandlers`] dispatches the stream to callbacks keyed by event, like
//! the Node and Go SDKs.

mod builder;
mod connection;
mod discovery;
mod error;
mod handle;
mod handler;
mod queue;
mod session_loop;
mod state;

pub use builder::{REDISCOVER_AFTER_FAILURES, RtmBuilder, RtmClient};
pub use discovery::DEFAULT_REST_BASE_URL;
pub use error::{BoxError, DiscoveryError, RtmError};
pub use handle::{RtmHandle, RtmStream};
pub use handler::{Dispatch, RtmHandlers};
pub use queue::StreamBuffer;
pub use state::ConnectionState;

#[cfg(test)]
mod tests {
    use super::*;

    fn send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        send_sync::<RtmHandle>();
        send_sync::<RtmStream>();
        send_sync::<RtmError>();
        send_sync::<RtmBuilder>();
        send_sync::<ConnectionState>();
        send_sync::<StreamBuffer>();
    }
}
