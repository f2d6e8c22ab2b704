//! The error of every REST call.

use std::fmt;

use crisp_transport::TransportError;
use http::StatusCode;

/// Why a REST call failed.
///
/// Each variant wraps a context struct; [`std::error::Error::source`] carries
/// the underlying cause, and `Display` never repeats it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Crisp answered with an error status (its `reason` and message are kept).
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The request could not be completed (connect, TLS, timeout, ...).
    #[error(transparent)]
    Transport(TransportFailure),
    /// Crisp answered with success but the body did not decode.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The input was rejected before anything was sent.
    #[error(transparent)]
    InvalidInput(#[from] InvalidInput),
}

impl Error {
    /// The API error, when Crisp answered with one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(error) => Some(error),
            _ => None,
        }
    }

    /// The Crisp `reason` (`session_not_found`, `invalid_data`, ...), when Crisp
    /// answered with one.
    pub fn reason(&self) -> Option<&str> {
        self.as_api().and_then(ApiError::reason)
    }

    /// The HTTP status, when Crisp answered.
    pub fn status(&self) -> Option<StatusCode> {
        self.as_api().map(ApiError::status)
    }

    /// The transport failure, when no answer was obtained.
    pub fn as_transport(&self) -> Option<&TransportError> {
        match self {
            Self::Transport(failure) => Some(failure.error()),
            _ => None,
        }
    }

    /// The endpoint that failed (its name, e.g. `get_people_profile`), when
    /// the error came from a call.
    pub fn route(&self) -> Option<&'static str> {
        match self {
            Self::Api(error) => Some(error.route),
            Self::Transport(failure) => Some(failure.route),
            Self::Decode(error) => Some(error.route),
            Self::InvalidInput(_) => None,
        }
    }

    /// Whether Crisp answered 404: the addressed object does not exist.
    pub fn is_not_found(&self) -> bool {
        self.as_api().is_some_and(ApiError::is_not_found)
    }

    /// Whether Crisp asked to slow down (HTTP 429 or 420, after the retries
    /// the transport allows).
    pub fn is_rate_limited(&self) -> bool {
        self.as_api().is_some_and(ApiError::is_rate_limited)
    }

    /// Whether an attempt timed out or the whole call passed its deadline.
    pub fn is_timeout(&self) -> bool {
        self.as_transport().is_some_and(TransportError::is_timeout)
    }

    /// Whether no connection could be made to Crisp.
    pub fn is_connect(&self) -> bool {
        self.as_transport().is_some_and(TransportError::is_connect)
    }

    /// Whether the server may have processed the request despite the error:
    /// false only when it is certain nothing was sent or nothing was done.
    ///
    /// Use this before repeating a non-idempotent call such as sending a message.
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            // A 4xx answer (including 429/420) means Crisp rejected the call;
            // a 5xx leaves it unknown whether the work was done.
            Self::Api(error) => error.status.is_server_error(),
            Self::Transport(failure) => failure.error().may_have_been_sent(),
            Self::Decode(_) => true,
            Self::InvalidInput(_) => false,
        }
    }
}

/// A call that obtained no answer: which endpoint, and the transport's
/// error.
///
/// `Display` reads `get_people_profile: connection to 127.0.0.1:39027
/// refused`; [`source()`](std::error::Error::source) skips the transport
/// error (its text is already there) and goes on to its cause.
#[derive(Debug)]
pub struct TransportFailure {
    route: &'static str,
    error: TransportError,
}

impl TransportFailure {
    pub(crate) fn new(route: &'static str, error: TransportError) -> Self {
        Self { route, error }
    }

    /// The endpoint that failed.
    pub fn route(&self) -> &'static str {
        self.route
    }

    /// What the transport says happened.
    pub fn error(&self) -> &TransportError {
        &self.error
    }

    /// Unwraps the transport error.
    pub fn into_error(self) -> TransportError {
        self.error
    }
}

impl fmt::Display for TransportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.route, self.error)
    }
}

impl std::error::Error for TransportFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

/// An error answer from the Crisp API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub(crate) route: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) reason: Option<String>,
    pub(crate) message: Option<String>,
}

impl ApiError {
    /// The endpoint that failed (its reference label in snake_case).
    pub fn route(&self) -> &'static str {
        self.route
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Crisp's `reason` word, absent when the body was not a Crisp envelope
    /// (an edge or proxy error page, for example).
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Crisp's human-readable `data.message`, when it sent one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether this is a rate-limit answer (HTTP 429 or 420): the request was
    /// not processed.
    pub fn is_rate_limited(&self) -> bool {
        matches!(self.status.as_u16(), 420 | 429)
    }

    /// Whether the addressed object does not exist (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        self.status == StatusCode::NOT_FOUND
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: Crisp answered HTTP {}", self.route, self.status.as_u16())?;
        if let Some(reason) = &self.reason {
            write!(f, " ({reason})")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// A success answer whose body did not decode into the expected type (or
/// was not a Crisp envelope at all).
///
/// Every part is bounded, whatever the server sent: the JSON path, the
/// reason and the excerpt of the body are each cut to a few hundred
/// characters, so logging the error never logs a whole body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub(crate) route: &'static str,
    pub(crate) path: String,
    pub(crate) reason: String,
    pub(crate) excerpt: String,
}

/// How much of an undecodable body an error keeps.
const EXCERPT_CHARS: usize = 256;

/// How much of a path or of serde's message an error keeps.
const DETAIL_CHARS: usize = 200;

/// `text` cut to `limit` characters, with `…` when something was cut.
pub(crate) fn bounded(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        None => text.to_owned(),
        Some((end, _)) => {
            let mut cut = text[..end].to_owned();
            cut.push('…');
            cut
        }
    }
}

impl DecodeError {
    pub(crate) fn new(route: &'static str, path: &str, reason: &str, body: &[u8]) -> Self {
        // Only the start of the body is looked at, whatever its size.
        let head = &body[..body.len().min(EXCERPT_CHARS * 4 + 4)];
        let mut excerpt = bounded(&String::from_utf8_lossy(head), EXCERPT_CHARS);
        if head.len() < body.len() && !excerpt.ends_with('…') {
            excerpt.push('…');
        }
        Self {
            route,
            path: bounded(path, DETAIL_CHARS),
            reason: bounded(reason, DETAIL_CHARS),
            excerpt,
        }
    }

    /// The endpoint whose response failed to decode.
    pub fn route(&self) -> &'static str {
        self.route
    }

    /// Where in the JSON document decoding failed, e.g. `data[3].state`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The start of the body (at most 256 characters), for logs.
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }

    /// What did not fit, as serde says it (at most 200 characters).
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the response did not decode at `{}`: {} (body: {})",
            self.route, self.path, self.reason, self.excerpt
        )
    }
}

impl std::error::Error for DecodeError {}

/// Input rejected before anything was sent (an empty id, page 0, a body that
/// cannot be encoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidInput {
    message: String,
}

impl InvalidInput {
    pub(crate) fn new(message: String) -> Self {
        Self { message }
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid input: {}", self.message)
    }
}

impl std::error::Error for InvalidInput {}
