//! Messages: list, send, get, update, remove, compose, read / unread /
//! delivered markers, and original messages.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, patch, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{change, find, find_mut, sender};
use crate::extract::{Params, QueryPairs, json_object, optional_bool, optional_str, required_str};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Conversation, Message, Object};

/// Messages per `GET .../messages` answer.
pub(crate) const MESSAGES_PER_PAGE: usize = 20;

/// The message routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/messages",
            get(get_messages),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/message",
            post(send_message),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/message/{fingerprint}",
            get(get_message).patch(update_message).delete(remove_message),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/compose",
            patch(compose_message),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/read",
            patch(mark_read),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/unread",
            patch(mark_unread),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/delivered",
            patch(mark_delivered),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/original/{original_id}",
            get(get_original_message),
        )
}

/// `GET .../messages`: `timestamp_before` (older than), `timestamp_after`
/// (newer than), `timestamp_around` (centred on), or the latest page; always
/// oldest first, at most [`MESSAGES_PER_PAGE`].
async fn get_messages(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    query: QueryPairs,
) -> Reply {
    let before = query.number("timestamp_before")?;
    let after = query.number("timestamp_after")?;
    let around = query.number("timestamp_around")?;
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    let messages = &conversation.messages;
    let page: &[Message] = if let Some(before) = before {
        let end = messages.partition_point(|m| m.timestamp < before);
        &messages[end.saturating_sub(MESSAGES_PER_PAGE)..end]
    } else if let Some(after) = after {
        let start = messages.partition_point(|m| m.timestamp <= after);
        &messages[start..messages.len().min(start + MESSAGES_PER_PAGE)]
    } else if let Some(around) = around {
        let middle = messages.partition_point(|m| m.timestamp < around);
        let start = middle.saturating_sub(MESSAGES_PER_PAGE / 2);
        &messages[start..messages.len().min(start + MESSAGES_PER_PAGE)]
    } else {
        &messages[messages.len().saturating_sub(MESSAGES_PER_PAGE)..]
    };
    let items = page.iter().map(|m| m.to_json(&website_id, &session_id)).collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// Fields of a new message that are not echoed back through `extra`.
const MESSAGE_FIELDS: [&str; 7] = ["type", "from", "origin", "content", "fingerprint", "timestamp", "user"];

/// `POST .../message` with `{type, from, origin, content, ...}` -> `{fingerprint}`.
async fn send_message(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let kind = required_str(&body, "type")?.to_owned();
    let from = sender(&body)?.to_owned();
    let origin = required_str(&body, "origin")?.to_owned();
    let content = match body.get("content") {
        None | Some(Value::Null) => return Err(ApiError::INVALID_DATA),
        Some(content @ Value::String(_)) => content.clone(),
        Some(_) if matches!(kind.as_str(), "text" | "note") => return Err(ApiError::INVALID_DATA),
        Some(content) => content.clone(),
    };
    let fingerprint = match body.get("fingerprint") {
        None | Some(Value::Null) => None,
        Some(value) => Some(fingerprint_value(value)?),
    };
    let timestamp = match body.get("timestamp") {
        None | Some(Value::Null) => None,
        Some(value) => Some(value.as_u64().ok_or(ApiError::INVALID_DATA)?),
    };
    let user = match body.get("user") {
        None | Some(Value::Null) => None,
        Some(user @ Value::Object(_)) => Some(user.clone()),
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let extra: Object = body
        .iter()
        .filter(|(k, _)| !MESSAGE_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();

    let mut store = app.store();
    let (conversation, clock) = find_mut(&mut store, &website_id, &session_id)?;
    let timestamp = match timestamp {
        Some(timestamp) => {
            clock.observe(timestamp);
            timestamp
        }
        None => clock.now(),
    };
    let user = user.unwrap_or_else(|| default_user(conversation, &from, &website_id));
    let fingerprint = fingerprint.unwrap_or_else(ids::fingerprint);
    let message = Message {
        fingerprint,
        kind,
        from,
        origin,
        content,
        timestamp,
        read: String::new(),
        delivered: String::new(),
        edited: false,
        user,
        extra,
    };
    let event = message.event_json(&website_id, &session_id);
    let event_name = message.event_name();
    conversation.push_message(message);
    drop(store);
    app.relay.emit(event_name, &event);
    Ok(Success::dispatched(json!({ "fingerprint": fingerprint })))
}

/// A fingerprint sent as a number or a numeric string.
fn fingerprint_value(value: &Value) -> Result<i64, ApiError> {
    match value {
        Value::Number(number) => number.as_i64().ok_or(ApiError::INVALID_DATA),
        Value::String(text) => text.trim().parse().map_err(|_| ApiError::INVALID_DATA),
        _ => Err(ApiError::INVALID_DATA),
    }
}

/// The `user` Crisp fills in when the sender gives none.
fn default_user(conversation: &Conversation, from: &str, website_id: &str) -> Value {
    if from == "user" {
        json!({
            "nickname": conversation.meta.get("nickname").cloned().unwrap_or(Value::Null),
            "user_id": conversation.session_id,
        })
    } else {
        json!({ "type": "website", "nickname": "Operator", "user_id": website_id })
    }
}

/// `PATCH .../read` with `{from, origin, fingerprints?}`.
async fn mark_read(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    mark(&app, &website_id, &session_id, &body, |message, origin| {
        message.read = origin.to_owned()
    })?;
    // Reading the visitor's messages clears the operator's unread mark, and
    // the other way round.
    unmark(&app, &website_id, &session_id, &body)
}

/// `PATCH .../delivered` with `{from, origin, fingerprints?}`.
async fn mark_delivered(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    mark(&app, &website_id, &session_id, &body, |message, origin| {
        message.delivered = origin.to_owned()
    })?;
    Ok(Success::updated())
}

/// Applies `apply(message, origin)` to the messages sent by `from`, limited to
/// `fingerprints` when given (absent or empty means all of them).
fn mark(
    app: &App,
    website_id: &str,
    session_id: &str,
    body: &Bytes,
    apply: impl Fn(&mut Message, &str),
) -> Result<(), ApiError> {
    let body = json_object(body)?;
    let from = sender(&body)?.to_owned();
    let origin = required_str(&body, "origin")?.to_owned();
    let fingerprints = match body.get("fingerprints") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(fingerprint_value).collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let mut store = app.store();
    let (conversation, _) = find_mut(&mut store, website_id, session_id)?;
    for message in conversation
        .messages
        .iter_mut()
        .filter(|m| m.from == from && (fingerprints.is_empty() || fingerprints.contains(&m.fingerprint)))
    {
        apply(message, &origin);
    }
    Ok(())
}

/// After a read marker: clears the unread mark of the side that read
/// (`from: user` is read by the operator).
fn unmark(app: &App, website_id: &str, session_id: &str, body: &Bytes) -> Reply {
    let body = json_object(body)?;
    let from = sender(&body)?.to_owned();
    change(app, website_id, session_id, |conversation, _| {
        if from == "user" {
            conversation.unread_marks.0 = false;
        } else {
            conversation.unread_marks.1 = false;
        }
        Ok(())
    })?;
    Ok(Success::updated())
}

/// A fingerprint path segment; a non-number is `400 invalid_data`.
fn fingerprint_segment(segment: &str) -> Result<i64, ApiError> {
    segment.trim().parse().map_err(|_| ApiError::INVALID_DATA)
}

/// `GET .../message/{fingerprint}`, or `404 message_not_found`.
async fn get_message(
    State(app): State<App>,
    Params((website_id, session_id, fingerprint)): Params<(String, String, String)>,
) -> Reply {
    let fingerprint = fingerprint_segment(&fingerprint)?;
    let store = app.store();
    let message = find(&store, &website_id, &session_id)?
        .message(fingerprint)
        .ok_or(ApiError::MESSAGE_NOT_FOUND)?;
    Ok(Success::resolved(message.to_json(&website_id, &session_id)))
}

/// `PATCH .../message/{fingerprint}` with `{content}`: a string for text
/// and note messages, an object for the other types. The message reads back
/// with the new content and `edited: true`.
async fn update_message(
    State(app): State<App>,
    Params((website_id, session_id, fingerprint)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let fingerprint = fingerprint_segment(&fingerprint)?;
    let body = json_object(&body)?;
    let content = body.get("content").ok_or(ApiError::INVALID_DATA)?.clone();
    change(&app, &website_id, &session_id, |conversation, now| {
        let message = conversation
            .message_mut(fingerprint)
            .ok_or(ApiError::MESSAGE_NOT_FOUND)?;
        let textual = matches!(message.kind.as_str(), "text" | "note");
        match &content {
            Value::String(_) if textual => {}
            Value::Object(_) if !textual => {}
            _ => return Err(ApiError::INVALID_DATA),
        }
        message.content = content;
        message.edited = true;
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `DELETE .../message/{fingerprint}`: the message is gone from every list.
async fn remove_message(
    State(app): State<App>,
    Params((website_id, session_id, fingerprint)): Params<(String, String, String)>,
) -> Reply {
    let fingerprint = fingerprint_segment(&fingerprint)?;
    change(&app, &website_id, &session_id, |conversation, now| {
        let before = conversation.messages.len();
        conversation.messages.retain(|m| m.fingerprint != fingerprint);
        if conversation.messages.len() == before {
            return Err(ApiError::MESSAGE_NOT_FOUND);
        }
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::deleted())
}

/// `PATCH .../compose` with `{type: start | stop, from, excerpt?, stealth?,
/// automated?}`: `start` shows in the conversation's `compose.operator` (or
/// `compose.visitor` when `from` is `user`) as `{type, excerpt, timestamp,
/// automated}`; `stop` clears it (`202 dispatched`).
async fn compose_message(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let kind = required_str(&body, "type")?.to_owned();
    if !matches!(kind.as_str(), "start" | "stop") {
        return Err(ApiError::INVALID_DATA);
    }
    let side = if sender(&body)? == "user" {
        "visitor"
    } else {
        "operator"
    };
    let excerpt = optional_str(&body, "excerpt")?.unwrap_or_default().to_owned();
    optional_bool(&body, "stealth")?;
    let automated = optional_bool(&body, "automated")?.unwrap_or(false);
    change(&app, &website_id, &session_id, |conversation, now| {
        if kind == "stop" {
            conversation.compose.remove(side);
        } else {
            conversation.compose.insert(
                side.to_owned(),
                json!({ "type": kind, "excerpt": excerpt, "timestamp": now, "automated": automated }),
            );
        }
        Ok(())
    })?;
    Ok(Success::dispatched(Value::Object(Object::new())))
}

/// `PATCH .../unread` with `{from}`: marks the conversation unread for that
/// side (`operator`: `unread.operator` is at least 1 and `filter_unread`
/// lists it; `user`: `unread.visitor`) until a read marker clears it.
async fn mark_unread(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let operator = sender(&body)? == "operator";
    change(&app, &website_id, &session_id, |conversation, now| {
        if operator {
            conversation.unread_marks.0 = true;
        } else {
            conversation.unread_marks.1 = true;
        }
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `GET .../original/{original_id}` -> `{website_id, session_id,
/// original_id, type, headers, content, timestamp}`.
async fn get_original_message(
    State(app): State<App>,
    Params((website_id, session_id, original_id)): Params<(String, String, String)>,
) -> Reply {
    let store = app.store();
    let original = find(&store, &website_id, &session_id)?
        .originals
        .iter()
        .find(|o| o["original_id"] == original_id.as_str())
        .ok_or(ApiError::ORIGINAL_NOT_FOUND)?;
    let mut out = original.clone();
    out["website_id"] = json!(website_id);
    out["session_id"] = json!(session_id);
    Ok(Success::resolved(out))
}
