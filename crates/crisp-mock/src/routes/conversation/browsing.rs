//! Co-browsing sessions and calls of a conversation.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, patch};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{change, find};
use crate::extract::{Params, check_user_and_origin, json_object, optional_object, required_str};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::Object;

/// The user agent the fake's visitors browse with.
const USER_AGENT: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

/// The browsing and call routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/browsing",
            get(list_browsing_sessions).post(initiate_browsing_session),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}",
            patch(send_browsing_action),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/debug",
            patch(debug_browsing_session),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist",
            patch(assist_browsing_session),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/call",
            get(get_ongoing_call).post(initiate_call),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/call/{call_id}",
            patch(transmit_call_signaling).delete(abort_call),
        )
}

/// `202 dispatched` with empty data.
fn dispatched() -> Reply {
    Ok(Success::dispatched(Value::Object(Object::new())))
}

/// `GET .../browsing` -> `[{browsing_id, browsing_token, useragent}]`, the
/// live sessions, oldest first.
async fn list_browsing_sessions(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(Value::Array(conversation.browsing.clone())))
}

/// `POST .../browsing` with `{}`: starts a session, listed from then on
/// (`202 dispatched`).
async fn initiate_browsing_session(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    change(&app, &website_id, &session_id, |conversation, _| {
        conversation.browsing.push(json!({
            "browsing_id": ids::uuid(),
            "browsing_token": ids::hex(32),
            "useragent": USER_AGENT,
        }));
        Ok(())
    })?;
    dispatched()
}

/// Finds the live browsing session (`404 browsing_not_found` otherwise),
/// ends it when `stop`, and answers `202 dispatched`.
fn browsing_action(app: &App, website_id: &str, session_id: &str, browsing_id: &str, stop: bool) -> Reply {
    change(app, website_id, session_id, |conversation, _| {
        let index = conversation
            .browsing
            .iter()
            .position(|b| b["browsing_id"] == browsing_id)
            .ok_or(ApiError::BROWSING_NOT_FOUND)?;
        if stop {
            conversation.browsing.remove(index);
        }
        Ok(())
    })?;
    dispatched()
}

/// `PATCH .../browsing/{browsing_id}` with `{action}`; `stop` ends the
/// session (it is no longer listed).
async fn send_browsing_action(
    State(app): State<App>,
    Params((website_id, session_id, browsing_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let stop = required_str(&body, "action")? == "stop";
    browsing_action(&app, &website_id, &session_id, &browsing_id, stop)
}

/// `PATCH .../browsing/{browsing_id}/debug` with `{action, execute}` (strings).
async fn debug_browsing_session(
    State(app): State<App>,
    Params((website_id, session_id, browsing_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    required_str(&body, "action")?;
    required_str(&body, "execute")?;
    browsing_action(&app, &website_id, &session_id, &browsing_id, false)
}

/// `PATCH .../browsing/{browsing_id}/assist` with `{action, mouse?{x,y},
/// click?{x,y}, scroll?{x,y}}` (non-negative integer coordinates).
async fn assist_browsing_session(
    State(app): State<App>,
    Params((website_id, session_id, browsing_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    required_str(&body, "action")?;
    for key in ["mouse", "click", "scroll"] {
        if let Some(point) = optional_object(&body, key)?
            && !["x", "y"]
                .iter()
                .all(|axis| point.get(*axis).is_some_and(Value::is_u64))
        {
            return Err(ApiError::INVALID_DATA);
        }
    }
    browsing_action(&app, &website_id, &session_id, &browsing_id, false)
}

/// `POST .../call` with `{mode: audio | video, user?, origin?}` -> `{call_id}`
/// (`202 dispatched`); the call is ongoing until aborted (a new call
/// replaces it).
async fn initiate_call(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    if !matches!(required_str(&body, "mode")?, "audio" | "video") {
        return Err(ApiError::INVALID_DATA);
    }
    check_user_and_origin(&body)?;
    let call_id = ids::uuid();
    change(&app, &website_id, &session_id, |conversation, _| {
        conversation.call_id = Some(call_id.clone());
        Ok(())
    })?;
    Ok(Success::dispatched(json!({ "call_id": call_id })))
}

/// `GET .../call` -> `{call_id}`, or `404 call_not_found` when no call is
/// ongoing.
async fn get_ongoing_call(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let call_id = find(&store, &website_id, &session_id)?
        .call_id
        .clone()
        .ok_or(ApiError::CALL_NOT_FOUND)?;
    Ok(Success::resolved(json!({ "call_id": call_id })))
}

/// The ongoing call must be `call_id`, else `404 call_not_found`.
fn ongoing(call: Option<&String>, call_id: &str) -> Result<(), ApiError> {
    match call {
        Some(ongoing) if ongoing == call_id => Ok(()),
        _ => Err(ApiError::CALL_NOT_FOUND),
    }
}

/// `DELETE .../call/{call_id}` with `{user?, origin?}`: ends the call.
async fn abort_call(
    State(app): State<App>,
    Params((website_id, session_id, call_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    check_user_and_origin(&json_object(&body)?)?;
    change(&app, &website_id, &session_id, |conversation, _| {
        ongoing(conversation.call_id.as_ref(), &call_id)?;
        conversation.call_id = None;
        Ok(())
    })?;
    Ok(Success::deleted())
}

/// `PATCH .../call/{call_id}` with `{type, payload}` (e.g. an SDP offer).
async fn transmit_call_signaling(
    State(app): State<App>,
    Params((website_id, session_id, call_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    required_str(&body, "type")?;
    if matches!(body.get("payload"), None | Some(Value::Null)) {
        return Err(ApiError::INVALID_DATA);
    }
    change(&app, &website_id, &session_id, |conversation, _| {
        ongoing(conversation.call_id.as_ref(), &call_id)
    })?;
    dispatched()
}
