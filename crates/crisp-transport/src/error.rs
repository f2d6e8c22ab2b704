//! Errors raised while building or running the transport.

use std::error::Error as StdError;
use std::time::Duration;

/// A boxed error, as carried by the variants that wrap a foreign cause.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Why an HTTP exchange produced no response.
///
/// Each variant says whether the request may have reached the server
/// ([`may_have_been_sent`](Self::may_have_been_sent)); that is what decides
/// whether retrying a non-idempotent request is safe. `Display` says what
/// happened in a few words (`connection to 127.0.0.1:39027 refused`,
/// `timed out after 10 s (attempt 3 of 3)`) without repeating the
/// underlying cause, which is available through
/// [`source()`](std::error::Error::source).
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// No connection could be established (DNS, TCP or TLS handshake failed).
    /// The request was not sent.
    #[error("connection to {target} {failure}")]
    Connect {
        /// The `host:port` connected to (`"the server"` when unknown).
        target: String,
        /// What failed, in a few words.
        failure: ConnectFailure,
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
    /// An attempt did not complete (response head and body) within the
    /// per-attempt timeout. The request may have been sent.
    #[error("timed out after {} (attempt {attempt} of {of})", Seconds(*after))]
    Timeout {
        /// The per-attempt timeout that elapsed.
        after: Duration,
        /// Which attempt timed out (1 for the first).
        attempt: u32,
        /// The most attempts the retry policy allowed.
        of: u32,
    },
    /// The whole call (every attempt and every wait between them) did not
    /// finish within its deadline. The request may have been sent.
    #[error("no answer within the {} deadline ({attempts} attempt(s) made)", Seconds(*after))]
    Deadline {
        /// The deadline that passed.
        after: Duration,
        /// How many attempts were started.
        attempts: u32,
    },
    /// The URI uses plain `http://` towards a host that is not a loopback
    /// address, and insecure HTTP was not allowed on the builder. Nothing was
    /// sent.
    #[error("plain http refused for {host} (use https, or allow insecure http on the builder)")]
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
    #[error("{failure}")]
    Http {
        /// What failed, in a few words.
        failure: &'static str,
        /// The underlying failure.
        #[source]
        source: BoxError,
    },
    /// The response body is larger than the transport accepts
    /// ([`TransportBuilder::max_response_size`](crate::TransportBuilder::max_response_size)).
    /// It was refused from its `Content-Length`, or cut off once it grew past
    /// the limit, so memory stays bounded. The request was sent (and may have
    /// been processed); it is not retried.
    #[error("the response is larger than the {limit}-byte limit{}", DeclaredSize(*declared))]
    ResponseTooLarge {
        /// The limit, in bytes.
        limit: usize,
        /// The `Content-Length` the server announced, if it did.
        declared: Option<u64>,
    },
    /// A service installed with
    /// [`TransportBuilder::from_service`](crate::TransportBuilder::from_service)
    /// failed with an error that is not a `TransportError`. The transport
    /// cannot tell whether anything was sent, so it assumes it may have been.
    #[error("the inner HTTP service failed")]
    Service(#[source] BoxError),
}

/// What went wrong while connecting, for [`TransportError::Connect`].
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectFailure {
    /// Nothing listens there (`ECONNREFUSED`).
    Refused,
    /// The host name did not resolve.
    Dns,
    /// The TCP connection attempt timed out.
    TimedOut,
    /// The TLS handshake failed (certificate, protocol).
    Tls,
    /// Anything else.
    Other,
}

impl std::fmt::Display for ConnectFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Refused => "refused",
            Self::Dns => "failed: the host name did not resolve",
            Self::TimedOut => "timed out",
            Self::Tls => "failed in the TLS handshake",
            Self::Other => "failed",
        })
    }
}

/// A duration as people write it: `10 s`, `1.5 s`, `250 ms`.
struct Seconds(Duration);

impl std::fmt::Display for Seconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let millis = self.0.as_millis();
        if millis < 1000 {
            write!(f, "{millis} ms")
        } else if millis % 1000 == 0 {
            write!(f, "{} s", millis / 1000)
        } else {
            write!(f, "{:.1} s", self.0.as_secs_f64())
        }
    }
}

/// ` (Content-Length: N)` when the server announced a size.
struct DeclaredSize(Option<u64>);

impl std::fmt::Display for DeclaredSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(size) => write!(f, " (Content-Length: {size})"),
            None => Ok(()),
        }
    }
}

impl TransportError {
    /// A connect failure towards `target`, its kind read from `source` (an
    /// I/O error anywhere in its chain, a DNS or TLS failure).
    pub fn connect(target: impl Into<String>, source: impl Into<BoxError>) -> Self {
        let source = source.into();
        Self::Connect {
            target: target.into(),
            failure: classify_connect(&*source),
            source,
        }
    }

    /// A failed exchange, with a short description of what failed.
    pub fn http(failure: &'static str, source: impl Into<BoxError>) -> Self {
        Self::Http {
            failure,
            source: source.into(),
        }
    }

    /// Whether the request may have reached the server.
    ///
    /// `false` means it certainly did not (it is always safe to send again);
    /// `true` means it may have been processed.
    pub fn may_have_been_sent(&self) -> bool {
        match self {
            Self::Connect { .. } | Self::InsecureScheme { .. } | Self::InvalidUri { .. } => false,
            Self::Timeout { .. }
            | Self::Deadline { .. }
            | Self::Http { .. }
            | Self::ResponseTooLarge { .. }
            | Self::Service(_) => true,
        }
    }

    /// Whether this is a per-attempt timeout or the whole call's deadline.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. } | Self::Deadline { .. })
    }

    /// Whether this is a failure to connect.
    pub fn is_connect(&self) -> bool {
        matches!(self, Self::Connect { .. })
    }

    /// Whether a retry could help: connect failures, timeouts, broken
    /// exchanges and custom-service errors (the retry layer still only
    /// retries those that may have been sent when the request is
    /// idempotent). Refused URIs and oversized answers would fail the same
    /// way again.
    pub(crate) fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::Connect { .. } | Self::Timeout { .. } | Self::Http { .. } | Self::Service(_)
        )
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

/// Reads what kind of connect failure `error` is from its chain.
fn classify_connect(error: &(dyn StdError + 'static)) -> ConnectFailure {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => return ConnectFailure::Refused,
                std::io::ErrorKind::TimedOut => return ConnectFailure::TimedOut,
                _ => {}
            }
        }
        let text = error.to_string();
        if text.starts_with("dns error") || text.contains("failed to lookup address") {
            return ConnectFailure::Dns;
        }
        if text.contains("certificate") || text.contains("handshake") || text.contains("tls") {
            return ConnectFailure::Tls;
        }
        current = error.source();
    }
    ConnectFailure::Other
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
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "os error 111");
        let err = TransportError::connect("127.0.0.1:9", io);
        assert_eq!(err.to_string(), "connection to 127.0.0.1:9 refused");
        assert!(!err.to_string().contains("os error"));
        assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("os error 111"));
        assert!(err.is_connect());
        assert!(!err.may_have_been_sent());
    }

    #[test]
    fn boxed_transport_errors_come_back_unchanged() {
        let boxed: BoxError = Box::new(TransportError::Timeout {
            after: Duration::from_secs(1),
            attempt: 1,
            of: 1,
        });
        assert!(TransportError::from_boxed(boxed).is_timeout());
        let other = TransportError::from_boxed("boom".into());
        assert!(matches!(other, TransportError::Service(_)));
        assert!(other.may_have_been_sent());
    }

    #[test]
    fn messages_say_what_happened_in_a_few_words() {
        let timeout = TransportError::Timeout {
            after: Duration::from_secs(10),
            attempt: 3,
            of: 3,
        };
        assert_eq!(timeout.to_string(), "timed out after 10 s (attempt 3 of 3)");
        let deadline = TransportError::Deadline {
            after: Duration::from_millis(1500),
            attempts: 2,
        };
        assert_eq!(
            deadline.to_string(),
            "no answer within the 1.5 s deadline (2 attempt(s) made)"
        );
        let large = TransportError::ResponseTooLarge {
            limit: 1024,
            declared: Some(4096),
        };
        assert_eq!(
            large.to_string(),
            "the response is larger than the 1024-byte limit (Content-Length: 4096)"
        );
        assert!(!large.is_transient());
        let dns = TransportError::connect("nowhere.invalid:443", "dns error: failed to lookup address information");
        assert_eq!(
            dns.to_string(),
            "connection to nowhere.invalid:443 failed: the host name did not resolve"
        );
    }
}
