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
    #[error("the request to Crisp did not complete")]
    Transport(#[source] TransportError),
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

    /// Whether the server may have processed the request despite the error:
    /// false only when it is certain nothing was sent or nothing was done.
    ///
    /// Use this before repeating a non-idempotent call such as sending a message.
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            // A 4xx answer (including 429/420) means Crisp rejected the call;
            // a 5xx leaves it unknown whether the work was done.
            Self::Api(error) => error.status.is_server_error(),
            Self::Transport(error) => error.may_have_been_sent(),
            Self::Decode(_) => true,
            Self::InvalidInput(_) => false,
        }
    }
}

impl From<TransportError> for Error {
    fn from(error: TransportError) -> Self {
        Self::Transport(error)
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
        write!(f, "Crisp rejected {} with HTTP {}", self.route, self.status.as_u16())?;
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

/// A success answer whose body did not decode into the expected type.
#[derive(Debug)]
pub struct DecodeError {
    pub(crate) route: &'static str,
    pub(crate) path: String,
    pub(crate) excerpt: String,
    pub(crate) source: serde_json::Error,
}

/// How much of an undecodable body an error keeps.
const EXCERPT_CHARS: usize = 256;

impl DecodeError {
    pub(crate) fn new(route: &'static str, path: String, body: &[u8], source: serde_json::Error) -> Self {
        let text = String::from_utf8_lossy(body);
        let mut excerpt: String = text.chars().take(EXCERPT_CHARS).collect();
        if text.chars().nth(EXCERPT_CHARS).is_some() {
            excerpt.push('…');
        }
        Self {
            route,
            path,
            excerpt,
            source,
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
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the response of {} did not decode at `{}` (body: {})",
            self.route, self.path, self.excerpt
        )
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

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
