//! The legacy `user/session/..` and `user/account/profile` routes of the old
//! official wrappers.
//!
//! - `POST user/session/login` with the operator's email and password
//!   ([`FakeCrisp::user_email`](crate::FakeCrisp::user_email),
//!   [`FakeCrisp::user_password`](crate::FakeCrisp::user_password)) answers
//!   a fresh user-tier token pair `{identifier, key}` that authenticates
//!   like [`FakeCrisp::token`](crate::FakeCrisp::token)`(Tier::User)`;
//!   anything else is `401 invalid_credentials`. No credentials are needed.
//! - `POST user/session/recover` with `{email}` records the request
//!   ([`FakeCrisp::password_recoveries`](crate::FakeCrisp::password_recoveries))
//!   and answers success whatever the email (so it reveals nothing). No
//!   credentials are needed.
//! - `POST user/session/logout` (user tier) destroys the login token it is
//!   authenticated with: later requests with it get `401 invalid_session`.
//!   The fixed tokens of the fake are never destroyed.
//! - `GET user/account/profile` (user tier): the operator's profile.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use bytes::Bytes;
use crisp_types::Tier;
use http::header::AUTHORIZATION;
use http::{HeaderMap, StatusCode};
use serde_json::json;

use crate::extract::{json_object, optional_bool, optional_str, required_str};
use crate::reply::{ApiError, Reply, Success};
use crate::routes::plugin_subscription::require_tier;
use crate::server::App;

/// `401 invalid_credentials`: no operator has this email and password.
const INVALID_CREDENTIALS: ApiError = ApiError::new(StatusCode::UNAUTHORIZED, "invalid_credentials");

/// The legacy user routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/user/session/login", post(create_new_session))
        .route("/v1/user/session/recover", post(recover_session))
        .route("/v1/user/session/logout", post(destroy_session))
        .route("/v1/user/account/profile", get(get_profile))
}

/// `POST user/session/login` with `{email, password, user_id?, extend?,
/// token?, ephemeral?}` -> `{identifier, key}`.
async fn create_new_session(State(app): State<App>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let email = required_str(&body, "email")?;
    let password = required_str(&body, "password")?;
    for key in ["user_id", "extend", "token"] {
        optional_str(&body, key)?;
    }
    optional_bool(&body, "ephemeral")?;
    let matches = {
        let store = app.store();
        let operator = &store.account.operator;
        operator.email.eq_ignore_ascii_case(email.trim()) && operator.password == password
    };
    if !matches {
        return Err(INVALID_CREDENTIALS);
    }
    let token = app.tokens.mint_session();
    Ok(Success::added(
        json!({ "identifier": token.identifier, "key": token.key }),
    ))
}

/// `POST user/session/recover` with `{email}`.
async fn recover_session(State(app): State<App>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let email = required_str(&body, "email")?;
    if email.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    app.store().account.recoveries.push(email.trim().to_owned());
    Ok(Success::dispatched(json!({})))
}

/// `POST user/session/logout` (user tier): destroys the calling login token.
async fn destroy_session(State(app): State<App>, headers: HeaderMap) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    if let Some(authorization) = headers.get(AUTHORIZATION).and_then(|value| value.to_str().ok()) {
        app.tokens.revoke_session(authorization);
    }
    Ok(Success::deleted())
}

/// `GET user/account/profile` (user tier).
async fn get_profile(State(app): State<App>, headers: HeaderMap) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    Ok(Success::resolved(app.store().account.operator.profile_json()))
}
