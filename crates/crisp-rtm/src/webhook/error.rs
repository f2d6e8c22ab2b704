//! Why a Web Hook request was refused.

use crisp_types::event::EventDecodeError;
use http::StatusCode;

use super::signature::SignatureError;

/// A boxed error from a request body.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why a Web Hook (or widget action callback) was refused.
///
/// [`status`](Self::status) gives the HTTP status [`WebhookReceiver`]
/// answers with. `Display` describes this error only; the cause, when there
/// is one, is [`source`](std::error::Error::source). No variant holds the
/// signing secret.
///
/// [`WebhookReceiver`]: super::WebhookReceiver
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The request method is not `POST`.
    #[error("web hooks are delivered with POST, not {method}")]
    MethodNotAllowed {
        /// The method received.
        method: http::Method,
    },
    /// A header the check needs is missing (`X-Crisp-Signature` or
    /// `X-Crisp-Request-Timestamp` when signatures are required).
    #[error("the request has no `{name}` header")]
    MissingHeader {
        /// The header's name.
        name: &'static str,
    },
    /// A header the check needs is not valid UTF-8.
    #[error("the `{name}` header is not valid UTF-8")]
    InvalidHeader {
        /// The header's name.
        name: &'static str,
    },
    /// The signature check failed.
    #[error("the request signature was refused")]
    Signature(#[source] SignatureError),
    /// The body is larger than the configured limit (by its `Content-Length`
    /// or as it was read).
    #[error("the request body is larger than {limit} bytes")]
    BodyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body could not be read (e.g. the client went away).
    #[error("the request body could not be read")]
    Body(#[source] BoxError),
    /// The body is not a hook payload: not JSON, not an object, no non-empty
    /// `event` string, or no `data` object.
    #[error("malformed web hook payload: {reason}")]
    Malformed {
        /// What is wrong, in a few words.
        reason: &'static str,
        /// The JSON syntax error, when the body is not JSON.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The event is known but its `data` does not fit its model (a field of
    /// the wrong type); the error keeps the name and the data.
    #[error("the web hook's event data could not be decoded")]
    Decode(#[source] EventDecodeError),
    /// The hook was valid but could not be handed to the application (its
    /// channel is full or closed, or no Tokio runtime runs the handler).
    #[error("the web hook could not be delivered to the application: {reason}")]
    Undeliverable {
        /// Why, in a few words.
        reason: &'static str,
    },
}

impl WebhookError {
    /// The HTTP status [`WebhookReceiver`](super::WebhookReceiver) answers
    /// with for this error.
    ///
    /// | error | status |
    /// |---|---|
    /// | [`MethodNotAllowed`](Self::MethodNotAllowed) | 405 |
    /// | [`MissingHeader`](Self::MissingHeader), [`InvalidHeader`](Self::InvalidHeader), [`Signature`](Self::Signature) | 403 |
    /// | [`BodyTooLarge`](Self::BodyTooLarge) | 413 |
    /// | [`Body`](Self::Body), [`Malformed`](Self::Malformed), [`Decode`](Self::Decode) | 400 |
    /// | [`Undeliverable`](Self::Undeliverable) | 503 (Crisp retries) |
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            WebhookError::MissingHeader { .. } | WebhookError::InvalidHeader { .. } | WebhookError::Signature(_) => {
                StatusCode::FORBIDDEN
            }
            WebhookError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebhookError::Body(_) | WebhookError::Malformed { .. } | WebhookError::Decode(_) => StatusCode::BAD_REQUEST,
            WebhookError::Undeliverable { .. } => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A malformed-payload error without a JSON cause.
    pub(crate) fn malformed(reason: &'static str) -> Self {
        WebhookError::Malformed { reason, source: None }
    }
}

impl From<SignatureError> for WebhookError {
    fn from(error: SignatureError) -> Self {
        WebhookError::Signature(error)
    }
}

impl From<EventDecodeError> for WebhookError {
    fn from(error: EventDecodeError) -> Self {
        WebhookError::Decode(error)
    }
}
