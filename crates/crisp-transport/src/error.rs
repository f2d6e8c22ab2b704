//! Errors raised while building or running the transport.

use std::error::Error as StdError;
use std::time::Duration;

/// A boxed error, as carried by the variants that wrap a foreign cause.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Why an HTTP exchange produced no response.
///
/// Each variant says whether the request may have reached the server
/// ([`may_have_been_sent`](Self::may_have_been_sent)); that is what decides
/// whether retrying a non-idempotent request is safe. `Display` describes this
/// layer only; the underlying cause is available through
/// [`source()`](std::error::Error::source).
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// No connection could be established (DNS, TCP or TLS handshake failed).
    /// The request was not sent.
    #[error("could not connect to the server")]
    Connect {
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
    /// An attempt did not complete (response head and body) within the
    /// per-attempt timeout. The request may have been sent.
    #[error("request attempt timed out after {after:?}")]
    Timeout {
        /// The per-attempt timeout that elapsed.
        after: Duration,
    },
    /// The URI uses plain `http://` towards a host that is not a loopback
    /// address, and insecure HTTP was not allowed on the builder. Nothing was
    /// sent.
    #[error("refusing to send a request over plain http to non-loopback host `{host}`")]
    InsecureScheme {
        /// The host named by the URI.
        host: String,
    },
    /// The request URI cannot be sent (not absolute, no host, or a scheme other
    /// than `http`/`https`). Nothing was sent.
    #[error("cannot send a request to `{uri}`: {reason}")]
    InvalidUri {
        /// The offending URI.
        uri: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The HTTP exchange failed after a connection was available (the
    /// connection was reset, the response was malformed, or reading the
    /// response body failed). The request may have been sent.
    #[error("the HTTP exchange failed")]
    Http {
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
    /// A service installed with
    /// [`TransportBuilder::from_service`](crate::TransportBuilder::from_service)
    /// failed with an error that is not a `TransportError`. The transport
    /// cannot tell whether anything was sent, so it assumes it may have been.
    #[error("the inner HTTP service failed")]
    Service(#[source] BoxError),
}

impl TransportError {
    /// Whether the request may have reached the server.
    ///
    /// `false` means it certainly did not (it is always safe to send again);
    /// `true` means it may have been processed.
    pub fn may_have_been_sent(&self) -> bool {
        match self {
            Self::Connect { .. } | Self::InsecureScheme { .. } | Self::InvalidUri { .. } => false,
            Self::Timeout { .. } | Self::Http { .. } | Self::Service(_) => true,
        }
    }

    /// Whether this is a per-attempt timeout.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. })
    }

    /// Whether this is a failure to connect.
    pub fn is_connect(&self) -> bool {
        matches!(self, Self::Connect { .. })
    }

    /// Turns any error into a `TransportError`: a boxed `TransportError` is
    /// unwrapped as-is, anything else becomes [`TransportError::Service`].
    pub(crate) fn from_boxed(error: BoxError) -> Self {
        match error.downcast::<Self>() {
            Ok(transport) => *transport,
            Err(other) => Self::Service(other),
        }
    }
}

/// Why [`TransportBuilder::build`](crate::TransportBuilder::build) (or
/// [`tls::tls_client_config`](crate::tls::tls_client_config)) failed.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The user agent cannot be sent as an HTTP header value.
    #[error("the user agent is not a valid HTTP header value")]
    InvalidUserAgent,
    /// The credentials cannot be sent in an `Authorization: Basic` header.
    #[error("invalid credentials: {reason}")]
    InvalidCredentials {
        /// What is wrong with them.
        reason: &'static str,
    },
    /// The TLS configuration could not be built.
    #[error("could not set up TLS")]
    Tls {
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_does_not_repeat_the_source() {
        let err = TransportError::Connect {
            source: "connection refused".into(),
        };
        assert!(!err.to_string().contains("refused"));
        assert_eq!(
            err.source().map(ToString::to_string).as_deref(),
            Some("connection refused")
        );
        assert!(err.is_connect());
        assert!(!err.may_have_been_sent());
    }

    #[test]
    fn boxed_transport_errors_come_back_unchanged() {
        let boxed: BoxError = Box::new(TransportError::Timeout {
            after: Duration::from_secs(1),
        });
        assert!(TransportError::from_boxed(boxed).is_timeout());
        let other = TransportError::from_boxed("boom".into());
        assert!(matches!(other, TransportError::Service(_)));
        assert!(other.may_have_been_sent());
    }
}
