//! Crisp envelopes: `{"error":false,"reason":..,"data":..}` on success and
//! `{"error":true,"reason":..,"data":{}}` on failure.

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use crisp_types::Envelope;
use http::{StatusCode, header};
use serde_json::Value;

/// A JSON response with the right content type.
fn json_response(status: StatusCode, envelope: &impl serde::Serialize) -> Response {
    // Serialising a `serde_json::Value` envelope cannot fail; fall back to an
    // empty object rather than panicking all the same.
    let body = serde_json::to_vec(envelope).unwrap_or_else(|_| b"{}".to_vec());
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// A Crisp error envelope response.
pub(crate) fn error_response(status: StatusCode, reason: &str) -> Response {
    json_response(status, &Envelope::failure(reason, None))
}

/// A successful envelope: `reason` is Crisp's word for the outcome
/// (`resolved`, `added`, `updated`, `deleted`, `dispatched`).
#[derive(Debug)]
pub(crate) struct Success {
    status: StatusCode,
    reason: &'static str,
    data: Value,
}

impl Success {
    /// A read (`200 resolved`).
    pub(crate) fn resolved(data: Value) -> Self {
        Self {
            status: StatusCode::OK,
            reason: "resolved",
            data,
        }
    }

    /// A creation (`201 added`).
    pub(crate) fn added(data: Value) -> Self {
        Self {
            status: StatusCode::CREATED,
            reason: "added",
            data,
        }
    }

    /// A sent message (`202 dispatched`).
    pub(crate) fn dispatched(data: Value) -> Self {
        Self {
            status: StatusCode::ACCEPTED,
            reason: "dispatched",
            data,
        }
    }

    /// A change (`200 updated`, empty data).
    pub(crate) fn updated() -> Self {
        Self {
            status: StatusCode::OK,
            reason: "updated",
            data: Value::Object(Default::default()),
        }
    }

    /// A removal (`200 deleted`, empty data).
    pub(crate) fn deleted() -> Self {
        Self {
            status: StatusCode::OK,
            reason: "deleted",
            data: Value::Object(Default::default()),
        }
    }
}

impl IntoResponse for Success {
    fn into_response(self) -> Response {
        json_response(self.status, &Envelope::ok(self.reason, self.data))
    }
}

/// A Crisp API error: a status and a reason word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ApiError {
    status: StatusCode,
    reason: &'static str,
}

impl ApiError {
    /// `400 invalid_data`: the body, a query value or a path segment is malformed.
    pub(crate) const INVALID_DATA: Self = Self::new(StatusCode::BAD_REQUEST, "invalid_data");
    /// `401 invalid_session`: missing or unknown credentials.
    pub(crate) const INVALID_SESSION: Self = Self::new(StatusCode::UNAUTHORIZED, "invalid_session");
    /// `401 invalid_tier`: valid credentials, missing or mismatched `X-Crisp-Tier`.
    pub(crate) const INVALID_TIER: Self = Self::new(StatusCode::UNAUTHORIZED, "invalid_tier");
    /// `403 not_allowed`: the tier may not use this route.
    pub(crate) const NOT_ALLOWED: Self = Self::new(StatusCode::FORBIDDEN, "not_allowed");
    /// `404 not_found`: no such route.
    pub(crate) const NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "not_found");
    /// `404 website_not_found`.
    pub(crate) const WEBSITE_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "website_not_found");
    /// `404 session_not_found`.
    pub(crate) const SESSION_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "session_not_found");
    /// `404 people_not_found`.
    pub(crate) const PEOPLE_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "people_not_found");
    /// `404 message_not_found`: no message with this fingerprint in the conversation.
    pub(crate) const MESSAGE_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "message_not_found");
    /// `404 original_not_found`: no original message with this id.
    pub(crate) const ORIGINAL_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "original_not_found");
    /// `404 spam_not_found`: no spam conversation with this id.
    pub(crate) const SPAM_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "spam_not_found");
    /// `404 browsing_not_found`: no live browsing session with this id.
    pub(crate) const BROWSING_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "browsing_not_found");
    /// `404 call_not_found`: no ongoing call (with this id).
    pub(crate) const CALL_NOT_FOUND: Self = Self::new(StatusCode::NOT_FOUND, "call_not_found");
    /// `409 people_exists`: another profile has this email.
    pub(crate) const PEOPLE_EXISTS: Self = Self::new(StatusCode::CONFLICT, "people_exists");

    pub(crate) const fn new(status: StatusCode, reason: &'static str) -> Self {
        Self { status, reason }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.status, self.reason)
    }
}

/// What route handlers return.
pub(crate) type Reply = Result<Success, ApiError>;

/// A bodiless answer for HEAD "exists" routes: 200 or the error's status.
pub(crate) fn exists(found: Result<(), ApiError>) -> Response {
    let status = match found {
        Ok(()) => StatusCode::OK,
        Err(error) => error.status,
    };
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    response
}
