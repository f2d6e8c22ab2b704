//! Per-request options carried in the request extensions.

use std::time::Duration;

use http::Method;

/// Options for one request, read by the transport from the
/// [`http::Request`] extensions.
///
/// The REST layer inserts it; a request without it is treated as
/// `RequestOptions::default()` (route `"unknown"`, [`Idempotency::Auto`],
/// the transport's deadline).
///
/// ```
/// use std::time::Duration;
/// use crisp::transport::{Body, Idempotency, RequestOptions};
///
/// let mut request = http::Request::new(Body::empty());
/// request.extensions_mut().insert(
///     RequestOptions::new("list_conversations")
///         .with_idempotency(Idempotency::Auto)
///         .with_deadline(Duration::from_secs(5)),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// A stable name for the endpoint: the REST methods use their own name
    /// (`"send_message_in_conversation"`). Recorded on the tracing span.
    pub route: &'static str,
    /// Whether the request may be retried after a failure that may have
    /// reached the server.
    pub idempotency: Idempotency,
    /// The most time the whole call may take, every attempt and wait
    /// included; `None` uses the transport's
    /// ([`TransportBuilder::deadline`](crate::TransportBuilder::deadline)).
    pub deadline: Option<Duration>,
}

impl RequestOptions {
    /// Options for `route`, with [`Idempotency::Auto`] and the transport's
    /// deadline.
    pub const fn new(route: &'static str) -> Self {
        Self {
            route,
            idempotency: Idempotency::Auto,
            deadline: None,
        }
    }

    /// Replaces the deadline of the whole call.
    pub const fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Replaces the idempotency setting.
    pub const fn with_idempotency(mut self, idempotency: Idempotency) -> Self {
        self.idempotency = idempotency;
        self
    }
}

impl Default for RequestOptions {
    fn default() -> Self {
        Self::new("unknown")
    }
}

/// Whether sending a request twice has the same effect as sending it once.
///
/// This only matters for failures after which the request may have reached
/// the server (5xx gateway errors, timeouts, broken connections). Rate-limited
/// requests (429/420) and connection failures are retried whatever this says,
/// because the server did not process them.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Idempotency {
    /// Decide by method: `GET`, `HEAD`, `OPTIONS`, `PUT` and `DELETE` are
    /// idempotent; everything else (`POST`, `PATCH`, ...) is not.
    #[default]
    Auto,
    /// The caller knows this request is safe to repeat.
    Idempotent,
    /// The caller knows this request must not be repeated.
    NotIdempotent,
}

impl Idempotency {
    /// Whether a request with `method` is idempotent under this setting.
    ///
    /// ```
    /// use crisp::transport::Idempotency;
    /// use http::Method;
    ///
    /// assert!(Idempotency::Auto.is_idempotent(&Method::GET));
    /// assert!(!Idempotency::Auto.is_idempotent(&Method::POST));
    /// assert!(Idempotency::Idempotent.is_idempotent(&Method::POST));
    /// ```
    pub fn is_idempotent(self, method: &Method) -> bool {
        match self {
            Self::Idempotent => true,
            Self::NotIdempotent => false,
            Self::Auto => matches!(
                *method,
                Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE
            ),
        }
    }
}
