//! Requests a conversation hands on to someone else: transcript, chatbox
//! purge, feedback, tool calls, widget actions, reminders and reports. The
//! fake checks the body and the conversation, and answers what Crisp does.

use axum::Router;
use axum::extract::State;
use axum::routing::post;
use bytes::Bytes;
use serde_json::{Value, json};

use super::exists;
use crate::date::parse_iso8601_millis;
use crate::extract::{Params, check_user_and_origin, json_object, optional_object, optional_str, required_str};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::Object;

/// How many times Crisp tries to deliver a widget action to the plugin.
const WIDGET_ATTEMPTS: u32 = 3;
/// How long (ms) Crisp keeps trying to deliver a widget action.
const WIDGET_EXHAUSTION: u32 = 10_000;

/// The action routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/transcript",
            post(request_email_transcript),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/purge",
            post(request_chatbox_binding_purge),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/feedback",
            post(request_user_feedback),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/tool",
            post(request_tool_call),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button",
            post(deliver_widget_button_action),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data",
            post(deliver_widget_data_action),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/reminder",
            post(schedule_reminder),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/report",
            post(report_conversation),
        )
}

/// Checks the conversation exists, then `202 dispatched` with empty data.
fn dispatched(app: &App, website_id: &str, session_id: &str) -> Reply {
    exists(app, website_id, session_id)?;
    Ok(Success::dispatched(Value::Object(Object::new())))
}

/// `POST .../transcript` with `{to, email?}` (`to`: who receives it).
async fn request_email_transcript(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    required_str(&body, "to")?;
    optional_str(&body, "email")?;
    dispatched(&app, &website_id, &session_id)
}

/// `POST .../purge` with `{}`.
async fn request_chatbox_binding_purge(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    dispatched(&app, &website_id, &session_id)
}

/// `POST .../feedback` with `{}`.
async fn request_user_feedback(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    dispatched(&app, &website_id, &session_id)
}

/// `POST .../tool` with `{command, payload?{}}`.
async fn request_tool_call(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    if required_str(&body, "command")?.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    optional_object(&body, "payload")?;
    dispatched(&app, &website_id, &session_id)
}

/// `{section_id, item_id}` strings every widget action carries.
fn widget_item(body: &Object) -> Result<(), ApiError> {
    required_str(body, "section_id")?;
    required_str(body, "item_id")?;
    Ok(())
}

/// The widget-action answer: `{correlation_id, strategy{attempts, exhaustion}}`
/// (`202 dispatched`).
fn widget_action(app: &App, website_id: &str, session_id: &str) -> Reply {
    exists(app, website_id, session_id)?;
    Ok(Success::dispatched(json!({
        "correlation_id": ids::uuid(),
        "strategy": { "attempts": WIDGET_ATTEMPTS, "exhaustion": WIDGET_EXHAUSTION },
    })))
}

/// `POST .../widget/{plugin_id}/button` with `{section_id, item_id, data?,
/// value?}` (user tier).
async fn deliver_widget_button_action(
    State(app): State<App>,
    Params((website_id, session_id, _plugin_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    widget_item(&json_object(&body)?)?;
    widget_action(&app, &website_id, &session_id)
}

/// `POST .../widget/{plugin_id}/data`: a data fetch `{section_id, item_id,
/// data}` or a data edit `{section_id, item_id, value: string}` (user tier).
async fn deliver_widget_data_action(
    State(app): State<App>,
    Params((website_id, session_id, _plugin_id)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    widget_item(&body)?;
    optional_str(&body, "action")?;
    match (body.get("value"), body.get("data")) {
        (Some(Value::String(_)), _) | (None, Some(_)) => {}
        _ => return Err(ApiError::INVALID_DATA),
    }
    widget_action(&app, &website_id, &session_id)
}

/// `POST .../reminder` with `{date (ISO 8601), note, user?, origin?}`
/// (`201 added`).
async fn schedule_reminder(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    parse_iso8601_millis(required_str(&body, "date")?).ok_or(ApiError::INVALID_DATA)?;
    required_str(&body, "note")?;
    check_user_and_origin(&body)?;
    exists(&app, &website_id, &session_id)?;
    Ok(Success::added(Value::Object(Object::new())))
}

/// `POST .../report` with `{flag}`.
async fn report_conversation(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    if required_str(&body, "flag")?.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    dispatched(&app, &website_id, &session_id)
}
