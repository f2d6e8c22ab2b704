//! The connection state a bot can watch.

use std::fmt;
use std::time::Duration;

/// Where the RTM client stands, published through
/// [`RtmHandle::state`](super::RtmHandle::state).
///
/// The usual life of a client:
///
/// ```text
/// Connecting -> Connected -> Authenticated -> (connection lost)
///   -> Reconnecting { attempt: 1, .. } -> Connecting -> Connected -> Authenticated -> ...
///   -> Closed
/// ```
///
/// Events are only delivered while [`Authenticated`](Self::Authenticated);
/// any other state means the bot is currently not receiving anything.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionState {
    /// A connection attempt is under way: endpoint discovery, TCP, TLS, the
    /// WebSocket upgrade, and waiting for the relay's Engine.IO open packet.
    Connecting,
    /// The relay opened the Engine.IO session; the client is joining the
    /// namespace and authenticating. No event is delivered yet.
    Connected,
    /// The relay accepted the credentials: events flow.
    Authenticated,
    /// The previous attempt failed or the connection was lost; the next
    /// attempt starts after `delay`.
    Reconnecting {
        /// How many attempts in a row have failed (1 for the first retry).
        /// Back to 0 once a connection authenticates.
        attempt: u32,
        /// The wait before the next attempt.
        delay: Duration,
    },
    /// The client stopped for good: [`RtmHandle::close`](super::RtmHandle::close)
    /// was called, every handle and the stream were dropped, or a terminal
    /// error (see [`RtmError::is_terminal`](super::RtmError::is_terminal))
    /// ended it. Nothing reconnects after this.
    Closed,
}

impl ConnectionState {
    /// Whether events are being delivered (the state is
    /// [`Authenticated`](Self::Authenticated)).
    pub fn is_authenticated(&self) -> bool {
        matches!(self, Self::Authenticated)
    }

    /// Whether the client stopped for good.
    pub fn is_closed(&self) -> bool {
        matches!(self, Self::Closed)
    }
}

impl fmt::Display for ConnectionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Connecting => f.write_str("connecting"),
            Self::Connected => f.write_str("connected (authenticating)"),
            Self::Authenticated => f.write_str("authenticated"),
            Self::Reconnecting { attempt, delay } => {
                write!(f, "reconnecting (attempt {attempt}) in {delay:?}")
            }
            Self::Closed => f.write_str("closed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_and_display() {
        assert!(ConnectionState::Authenticated.is_authenticated());
        assert!(!ConnectionState::Connected.is_authenticated());
        assert!(ConnectionState::Closed.is_closed());
        let reconnecting = ConnectionState::Reconnecting {
            attempt: 2,
            delay: Duration::from_millis(1500),
        };
        assert_eq!(reconnecting.to_string(), "reconnecting (attempt 2) in 1.5s");
        assert!(!reconnecting.is_closed());
    }
}
