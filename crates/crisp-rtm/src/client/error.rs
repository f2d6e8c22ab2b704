//! Errors of the RTM client.

use std::error::Error as StdError;
use std::time::Duration;

use crisp_types::event::EventDecodeError;

use crate::codec::CodecError;
use crate::url::UrlError;

/// A boxed error, as carried by the variants that wrap a foreign cause (a
/// WebSocket, TLS or I/O failure), so that no dependency's type appears in
/// the public API.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// What went wrong with the RTM client, a connection, a frame, or a request
/// made through [`RtmHandle`](super::RtmHandle).
///
/// On the [`RtmStream`](super::RtmStream), errors are **items**: most are
/// reported and then the client carries on (it reconnects, or skips the bad
/// frame). Only the errors for which [`is_terminal`](Self::is_terminal) is
/// `true` end the stream; they are the last item before it ends.
///
/// | variant | where | after it |
/// |---|---|---|
/// | [`Unauthorized`](Self::Unauthorized) | stream | **terminal**: the stream ends, no reconnection |
/// | [`Config`](Self::Config) | `connect()` | **terminal**: nothing was started |
/// | [`Discovery`](Self::Discovery) | stream | reconnects (discovery runs again) |
/// | [`Connect`](Self::Connect), [`WebSocket`](Self::WebSocket), [`Disconnected`](Self::Disconnected) | stream | reconnects |
/// | [`ConnectTimeout`](Self::ConnectTimeout), [`AuthenticationTimeout`](Self::AuthenticationTimeout), [`PingTimeout`](Self::PingTimeout) | stream | reconnects |
/// | [`Protocol`](Self::Protocol), [`Decode`](Self::Decode) | stream | the frame is skipped, the connection stays |
/// | [`AckSkipped`](Self::AckSkipped) | stream | the event follows; the connection stays |
/// | [`Lagged`](Self::Lagged) | stream (bounded buffer only) | the oldest item kept follows |
/// | [`Throttled`](Self::Throttled), [`NotConnected`](Self::NotConnected), [`Closed`](Self::Closed) | handle methods | nothing was sent |
///
/// `Display` describes this error only; the cause is available through
/// [`source()`](std::error::Error::source). No error ever contains the token
/// key.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RtmError {
    /// The credentials were refused: the relay answered `unauthorized` to the
    /// `authentication` event, or endpoint discovery was answered with HTTP
    /// 401. Terminal: reconnecting with the same credentials is pointless.
    #[error("the Crisp RTM relay refused the credentials: {message}")]
    Unauthorized {
        /// What the relay (or the REST API) said, possibly empty.
        message: String,
    },
    /// The client configuration cannot work (no event subscribed, an invalid
    /// or insecure relay URL, no tokio runtime, TLS set-up failure, ...).
    /// Returned by [`RtmBuilder::connect`](super::RtmBuilder::connect);
    /// terminal.
    #[error("invalid RTM client configuration: {reason}")]
    Config {
        /// What is wrong.
        reason: String,
        /// The underlying failure, if any.
        #[source]
        source: Option<BoxError>,
    },
    /// Endpoint discovery (`GET /v1/<tier>/connect/endpoints`) failed. The
    /// client retries (with backoff).
    #[error("RTM endpoint discovery failed")]
    Discovery(#[source] DiscoveryError),
    /// The TCP connection, the TLS handshake or the WebSocket upgrade failed.
    /// The client reconnects.
    #[error("could not connect to the Crisp RTM relay")]
    Connect {
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
    /// The established WebSocket failed while reading or writing. The client
    /// reconnects.
    #[error("the RTM WebSocket failed")]
    WebSocket {
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
    /// The relay ended the connection (WebSocket close, Engine.IO close,
    /// Socket.IO disconnect, refused namespace join). The client reconnects.
    #[error("the Crisp RTM relay ended the connection: {reason}")]
    Disconnected {
        /// What happened.
        reason: String,
    },
    /// No Engine.IO open packet arrived within the connect timeout of the
    /// attempt (10 s by default). The client reconnects.
    #[error("no Engine.IO open packet within {after:?}")]
    ConnectTimeout {
        /// The connect timeout.
        after: Duration,
    },
    /// The relay opened the session but did not answer the namespace join or
    /// the `authentication` event (with `authenticated` or `unauthorized`)
    /// within the connect timeout. The client drops the connection and
    /// reconnects (authenticating again, once, on the new connection).
    #[error("the relay did not answer authentication within {after:?}")]
    AuthenticationTimeout {
        /// The connect timeout.
        after: Duration,
    },
    /// Nothing arrived from the relay for `pingInterval + pingTimeout`: the
    /// connection is dead. The client drops it and reconnects.
    #[error("ping timeout: no frame from the relay for {after:?}")]
    PingTimeout {
        /// The silence allowed (`pingInterval + pingTimeout`).
        after: Duration,
    },
    /// A frame could not be decoded. The frame is skipped; the connection
    /// stays up.
    #[error("malformed frame from the relay (starts with {excerpt:?})")]
    Protocol {
        /// The start of the frame, at most
        /// [`MAX_EXCERPT_CHARS`](crate::protocol::MAX_EXCERPT_CHARS) characters.
        excerpt: String,
        /// What is wrong with it.
        #[source]
        source: CodecError,
    },
    /// A known event's data does not fit its model. The event is skipped
    /// (its name and raw data are in the error); the connection stays up.
    #[error("undecodable event payload")]
    Decode(#[source] EventDecodeError),
    /// An event asked for an acknowledgement whose id does not fit in 64
    /// bits (`42<digits>[..]`), so none was sent. The event itself is fine:
    /// it is the next item. The connection stays.
    #[error("no acknowledgement sent for `{event}`: ack id {digits:?} does not fit in 64 bits")]
    AckSkipped {
        /// The event's name.
        event: String,
        /// The ack id's digits, at most
        /// [`MAX_EXCERPT_CHARS`](crate::protocol::MAX_EXCERPT_CHARS) of them.
        digits: String,
    },
    /// The application read the stream too slowly for its bounded buffer
    /// ([`StreamBuffer::DropOldest`](super::StreamBuffer::DropOldest)): the
    /// oldest unread items were dropped to make room for new ones. Comes
    /// right before the oldest item kept. The connection was not affected.
    #[error("the RTM stream was read too slowly: {events} events and {errors} error items dropped")]
    Lagged {
        /// How many events were dropped since the previous read.
        events: u64,
        /// How many error items were dropped since the previous read.
        errors: u64,
    },
    /// A rebind was refused by the client-side throttle (one per 2.5 s).
    /// Nothing was sent.
    #[error("rebind throttled; retry in {retry_after:?}")]
    Throttled {
        /// How long until a rebind is allowed again.
        retry_after: Duration,
    },
    /// A rebind was asked for while the client is not connected and
    /// authenticated. Nothing was sent, and nothing is queued.
    #[error("the RTM client is not connected and authenticated")]
    NotConnected,
    /// The client was closed (or stopped after a terminal error).
    #[error("the RTM client is closed")]
    Closed,
}

impl RtmError {
    /// Whether the client stops after this error: it is the stream's last
    /// item ([`Unauthorized`](Self::Unauthorized)) or it prevented the start
    /// ([`Config`](Self::Config)). Every other stream error is followed by a
    /// retry or by more events.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Unauthorized { .. } | Self::Config { .. })
    }

    /// Whether this error made the client drop the connection (or give up on
    /// an attempt) and schedule a reconnection.
    pub fn is_reconnect(&self) -> bool {
        matches!(
            self,
            Self::Discovery(_)
                | Self::Connect { .. }
                | Self::WebSocket { .. }
                | Self::Disconnected { .. }
                | Self::ConnectTimeout { .. }
                | Self::AuthenticationTimeout { .. }
                | Self::PingTimeout { .. }
        )
    }

    pub(crate) fn config(reason: impl Into<String>) -> Self {
        Self::Config {
            reason: reason.into(),
            source: None,
        }
    }

    pub(crate) fn config_with(reason: impl Into<String>, source: impl Into<BoxError>) -> Self {
        Self::Config {
            reason: reason.into(),
            source: Some(source.into()),
        }
    }
}

/// Why endpoint discovery did not produce a relay URL.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiscoveryError {
    /// The request got no response.
    #[error("the discovery request failed")]
    Transport(#[source] crisp_transport::TransportError),
    /// The API answered with an error status.
    #[error("the API answered {status} ({})", reason.as_deref().unwrap_or("no reason"))]
    Status {
        /// The HTTP status code.
        status: u16,
        /// The envelope's `reason`, if the body was a Crisp envelope.
        reason: Option<String>,
        /// The envelope's `data.message`, if any.
        message: Option<String>,
    },
    /// The response body is not the expected envelope.
    #[error("the discovery response is not a Crisp envelope (starts with {excerpt:?})")]
    Body {
        /// The start of the body, at most
        /// [`MAX_EXCERPT_CHARS`](crate::protocol::MAX_EXCERPT_CHARS) characters.
        excerpt: String,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// The response has no `data.socket.app` URL.
    #[error("the discovery response has no data.socket.app URL")]
    MissingSocketUrl,
    /// The relay URL cannot be turned into a WebSocket URL.
    #[error("the discovered relay URL is invalid")]
    InvalidUrl(#[source] UrlError),
    /// The relay URL uses plain `http`/`ws` towards a host that is not a
    /// loopback address, and [`allow_insecure`](super::RtmBuilder::allow_insecure)
    /// was not set.
    #[error("the discovered relay URL uses plain ws:// to non-loopback host `{host}`")]
    Insecure {
        /// The host named by the URL.
        host: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_and_reconnect_classes() {
        assert!(RtmError::Unauthorized { message: String::new() }.is_terminal());
        assert!(RtmError::config("x").is_terminal());
        assert!(!RtmError::PingTimeout { after: Duration::ZERO }.is_terminal());
        assert!(RtmError::PingTimeout { after: Duration::ZERO }.is_reconnect());
        assert!(RtmError::Discovery(DiscoveryError::MissingSocketUrl).is_reconnect());
        assert!(!RtmError::NotConnected.is_reconnect());
        assert!(
            !RtmError::Throttled {
                retry_after: Duration::ZERO
            }
            .is_reconnect()
        );
    }

    #[test]
    fn display_does_not_repeat_the_source() {
        let error = RtmError::Connect {
            source: "connection refused".into(),
        };
        assert!(!error.to_string().contains("refused"));
        assert_eq!(
            error.source().map(ToString::to_string).as_deref(),
            Some("connection refused")
        );
    }
}
