//! The website administration routes: the website itself and its settings
//! (`base.rs`, with verify and availability), operators, inboxes and teams,
//! visitors, analytics, and campaigns with their templates.
//!
//! The routes the Crisp reference opens to the user tier only refuse other
//! tiers with `403 not_allowed` through the [`UserOnly`] extractor (several
//! of them share their path with routes open to plugins, so the check needs
//! the method, which the path-based rules in `auth.rs` do not see).

mod analytics;
mod base;
mod campaigns;
mod inboxes;
mod operators;
mod templates;
mod visitors;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::response::{IntoResponse, Response};
use crisp_types::Tier;
use http::StatusCode;
use http::request::Parts;
use serde_json::Value;

use crate::extract::required_str;
use crate::ids::Clock;
use crate::reply::{self, ApiError, Success};
use crate::server::App;
use crate::state::{Object, Store, Website};

/// Items per page of every paged list here.
const PER_PAGE: usize = 20;

/// The website administration routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .merge(base::routes())
        .merge(operators::routes())
        .merge(inboxes::routes())
        .merge(visitors::routes())
        .merge(analytics::routes())
        .merge(campaigns::routes())
        .merge(templates::routes())
}

/// Refuses every tier but `user` with `403 not_allowed`. The tier header was
/// already checked against the token's own tier.
#[derive(Debug)]
pub(crate) struct UserOnly;

impl<S: Send + Sync> FromRequestParts<S> for UserOnly {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let tier = parts
            .headers
            .get("x-crisp-tier")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<Tier>().ok());
        match tier {
            Some(Tier::User) => Ok(Self),
            _ => Err(ApiError::NOT_ALLOWED),
        }
    }
}

/// A failure: one of the shared Crisp errors, or one of this group's own
/// (`404 operator_not_found`, `409 operator_exists`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fail {
    /// A shared error.
    Api(ApiError),
    /// A status and reason of this group.
    Own(StatusCode, &'static str),
}

impl Fail {
    /// `404 operator_not_found`.
    pub(crate) const OPERATOR_NOT_FOUND: Self = Self::Own(StatusCode::NOT_FOUND, "operator_not_found");
    /// `409 operator_exists`: already a member or invited.
    pub(crate) const OPERATOR_EXISTS: Self = Self::Own(StatusCode::CONFLICT, "operator_exists");
    /// `404 inbox_not_found`.
    pub(crate) const INBOX_NOT_FOUND: Self = Self::Own(StatusCode::NOT_FOUND, "inbox_not_found");
    /// `404 team_not_found`.
    pub(crate) const TEAM_NOT_FOUND: Self = Self::Own(StatusCode::NOT_FOUND, "team_not_found");
    /// `404 token_not_found`: no visitor session has this chatbox token.
    pub(crate) const TOKEN_NOT_FOUND: Self = Self::Own(StatusCode::NOT_FOUND, "token_not_found");
    /// `404 campaign_not_found`.
    pub(crate) const CAMPAIGN_NOT_FOUND: Self = Self::Own(StatusCode::NOT_FOUND, "campaign_not_found");
    /// `404 template_not_found`.
    pub(crate) const TEMPLATE_NOT_FOUND: Self = Self::Own(StatusCode::NOT_FOUND, "template_not_found");
    /// `400 campaign_not_ready`: dispatched or tested without a name and a message.
    pub(crate) const CAMPAIGN_NOT_READY: Self = Self::Own(StatusCode::BAD_REQUEST, "campaign_not_ready");
    /// `400 campaign_not_dispatched`: paused or resumed before it was dispatched.
    pub(crate) const CAMPAIGN_NOT_DISPATCHED: Self = Self::Own(StatusCode::BAD_REQUEST, "campaign_not_dispatched");
    /// `409 campaign_dispatched`: dispatched twice.
    pub(crate) const CAMPAIGN_DISPATCHED: Self = Self::Own(StatusCode::CONFLICT, "campaign_dispatched");
}

impl From<ApiError> for Fail {
    fn from(error: ApiError) -> Self {
        Self::Api(error)
    }
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        match self {
            Self::Api(error) => error.into_response(),
            Self::Own(status, reason) => reply::error_response(status, reason),
        }
    }
}

/// What the handlers here return.
pub(crate) type AdminReply = Result<Success, Fail>;

/// A bodiless answer for HEAD "exists" routes: 200 or the failure's status.
pub(crate) fn exists(found: Result<(), Fail>) -> Response {
    match found {
        Ok(()) => reply::exists(Ok(())),
        Err(Fail::Api(error)) => reply::exists(Err(error)),
        Err(Fail::Own(status, _)) => {
            let mut response = Response::new(axum::body::Body::empty());
            *response.status_mut() = status;
            response
        }
    }
}

/// The website (its administration seeded) and the clock, or
/// `404 website_not_found`.
pub(crate) fn site<'a>(store: &'a mut Store, website_id: &str) -> Result<(&'a mut Website, &'a mut Clock), Fail> {
    store
        .admin_mut(website_id)
        .ok_or(Fail::Api(ApiError::WEBSITE_NOT_FOUND))
}

/// A required, non-blank string field.
pub(crate) fn required_text<'a>(object: &'a Object, key: &str) -> Result<&'a str, Fail> {
    let value = required_str(object, key)?;
    if value.trim().is_empty() {
        return Err(ApiError::INVALID_DATA.into());
    }
    Ok(value)
}

/// An optional array of strings: absent or `null` is `None`; anything but an
/// array of strings is `400 invalid_data`.
pub(crate) fn optional_strings(object: &Object, key: &str) -> Result<Option<Vec<String>>, Fail> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned).ok_or(ApiError::INVALID_DATA.into()))
            .collect::<Result<Vec<_>, Fail>>()
            .map(Some),
        Some(_) => Err(ApiError::INVALID_DATA.into()),
    }
}

/// An optional non-negative integer field: absent or `null` is `None`.
pub(crate) fn optional_u64(object: &Object, key: &str) -> Result<Option<u64>, Fail> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value.as_u64().map(Some).ok_or(ApiError::INVALID_DATA.into()),
    }
}
