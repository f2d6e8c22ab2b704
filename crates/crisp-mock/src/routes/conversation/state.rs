//! A conversation's settings: routing, inbox, meta, state, open state,
//! block and verify status, identity verification, participants, relations.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, patch, post, put};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{change, find, find_mut};
use crate::extract::{Params, check_user_and_origin, json_object, optional_str, required_bool, required_str};
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{ConversationState, Object, deep_merge};

/// The settings routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/routing",
            get(get_routing).patch(assign_routing),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/inbox",
            patch(update_inbox),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/meta",
            get(get_meta).patch(update_meta),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/state",
            get(get_state).patch(change_state),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/open",
            patch(update_open_state),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/relations",
            get(get_relations),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/participants",
            get(get_participants).put(save_participants),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/block",
            get(get_block).patch(update_block),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/verify",
            get(get_verify).patch(update_verify),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/verify/identity",
            post(request_identity_verification),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/verify/identity/link",
            put(redeem_identity_verification_link),
        )
}

/// `GET .../routing` -> `{assigned: {user_id} | null}`.
async fn get_routing(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    let assigned = conversation
        .assigned
        .as_ref()
        .map(|user_id| json!({ "user_id": user_id }));
    Ok(Success::resolved(json!({ "assigned": assigned })))
}

/// `PATCH .../routing` with `{assigned: {user_id} | null, silent?}`.
async fn assign_routing(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let assigned = match body.get("assigned") {
        Some(Value::Null) => None,
        Some(Value::Object(assigned)) => Some(required_str(assigned, "user_id")?.to_owned()),
        _ => return Err(ApiError::INVALID_DATA),
    };
    if !matches!(body.get("silent"), None | Some(Value::Null | Value::Bool(_))) {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (conversation, clock) = find_mut(&mut store, &website_id, &session_id)?;
    conversation.assigned = assigned;
    conversation.updated_at = clock.now();
    Ok(Success::updated())
}

/// `GET .../meta`.
async fn get_meta(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(Value::Object(conversation.meta.clone())))
}

/// Meta fields that hold a string.
const META_STRINGS: [&str; 8] = [
    "nickname", "email", "phone", "ip", "avatar", "address", "subject", "origin",
];

/// `PATCH .../meta`: string fields replace (`null` clears), `segments`
/// replaces, `data` merges key by key, `device` merges recursively; other keys
/// are ignored.
async fn update_meta(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    // Validate everything before changing anything.
    for key in META_STRINGS {
        optional_str(&body, key)?;
    }
    let segments = match body.get("segments") {
        None => None,
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => Some(Value::Array(items.clone())),
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let data = match body.get("data") {
        None => None,
        Some(Value::Object(data)) => Some(data.clone()),
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let device = match body.get("device") {
        None => None,
        Some(Value::Object(device)) => Some(device.clone()),
        Some(_) => return Err(ApiError::INVALID_DATA),
    };

    let mut store = app.store();
    let (conversation, clock) = find_mut(&mut store, &website_id, &session_id)?;
    let meta = &mut conversation.meta;
    for key in META_STRINGS {
        match body.get(key) {
            Some(Value::Null) => {
                meta.remove(key);
            }
            Some(value) => {
                meta.insert(key.to_owned(), value.clone());
            }
            None => {}
        }
    }
    if let Some(segments) = segments {
        meta.insert("segments".to_owned(), segments);
    }
    if let Some(data) = data {
        let target = meta.entry("data").or_insert_with(|| json!({}));
        if !target.is_object() {
            *target = json!({});
        }
        if let Value::Object(target) = target {
            target.extend(data);
        }
    }
    if let Some(device) = device {
        let target = meta.entry("device").or_insert_with(|| json!({}));
        if !target.is_object() {
            *target = json!({});
        }
        if let Value::Object(target) = target {
            deep_merge(target, device);
        }
    }
    conversation.updated_at = clock.now();
    drop(store);
    // `session:set_nickname` / `session:set_email` for the fields given as strings.
    for (key, event) in [("nickname", "session:set_nickname"), ("email", "session:set_email")] {
        if let Some(Value::String(value)) = body.get(key) {
            app.relay.emit(
                event,
                &json!({ "website_id": website_id, "session_id": session_id, "inbox_id": null, key: value }),
            );
        }
    }
    Ok(Success::updated())
}

/// `GET .../state` -> `{state}`.
async fn get_state(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(json!({ "state": conversation.state.as_str() })))
}

/// `PATCH .../state` with `{state: pending|unresolved|resolved, user?, origin?}`;
/// stacks a conversation event and emits `session:set_state`.
async fn change_state(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let state = ConversationState::parse(required_str(&body, "state")?).ok_or(ApiError::INVALID_DATA)?;
    check_user_and_origin(&body)?;
    change(&app, &website_id, &session_id, |conversation, now| {
        conversation.set_state(state, now);
        Ok(())
    })?;
    app.relay.emit(
        "session:set_state",
        &json!({ "website_id": website_id, "session_id": session_id, "inbox_id": null, "state": state.as_str() }),
    );
    Ok(Success::updated())
}

/// `PATCH .../inbox` with `{inbox_id: string | null}`: shows as the
/// conversation's `inbox_id` (and in `filter_inbox_id` lists).
async fn update_inbox(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    if !body.contains_key("inbox_id") {
        return Err(ApiError::INVALID_DATA);
    }
    let inbox_id = optional_str(&body, "inbox_id")?
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    change(&app, &website_id, &session_id, |conversation, now| {
        conversation.inbox_id = inbox_id;
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `PATCH .../open` with `{opened: bool}`.
async fn update_open_state(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let opened = required_bool(&json_object(&body)?, "opened")?;
    change(&app, &website_id, &session_id, |conversation, _| {
        conversation.opened = opened;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `GET .../relations` -> `{conversations: {parent: null, children: []}}`
/// (the fake never links conversations).
async fn get_relations(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    find(&app.store(), &website_id, &session_id)?;
    Ok(Success::resolved(
        json!({ "conversations": { "parent": null, "children": [] } }),
    ))
}

/// `GET .../participants` -> `{participants: [{type, target}]}`.
async fn get_participants(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(json!({ "participants": conversation.participants })))
}

/// `PUT .../participants` with `{participants: [{type, target}], user?,
/// origin?}`: replaces the participants.
async fn save_participants(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    check_user_and_origin(&body)?;
    let participants = match body.get("participants") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                let item = item.as_object().ok_or(ApiError::INVALID_DATA)?;
                let kind = required_str(item, "type")?;
                let target = required_str(item, "target")?;
                Ok(json!({ "type": kind, "target": target }))
            })
            .collect::<Result<Vec<_>, ApiError>>()?,
        _ => return Err(ApiError::INVALID_DATA),
    };
    change(&app, &website_id, &session_id, |conversation, now| {
        conversation.participants = participants;
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `GET .../block` -> `{blocked}`.
async fn get_block(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(json!({ "blocked": conversation.is_blocked })))
}

/// `PATCH .../block` with `{blocked: bool, user?, origin?}`: reads back from
/// `GET .../block` and the conversation's `is_blocked`.
async fn update_block(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let blocked = required_bool(&body, "blocked")?;
    check_user_and_origin(&body)?;
    change(&app, &website_id, &session_id, |conversation, now| {
        conversation.set_blocked(blocked, now);
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `GET .../verify` -> `{verified, verifications}`.
async fn get_verify(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(json!({
        "verified": conversation.is_verified,
        "verifications": conversation.verifications,
    })))
}

/// `PATCH .../verify` with `{verified: bool}`.
async fn update_verify(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let verified = required_bool(&json_object(&body)?, "verified")?;
    change(&app, &website_id, &session_id, |conversation, now| {
        conversation.is_verified = verified;
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// An identity to verify: `email`, `phone` or a `urn:...`.
fn identity(body: &Object) -> Result<&str, ApiError> {
    match required_str(body, "identity")? {
        identity @ ("email" | "phone") => Ok(identity),
        identity if identity.starts_with("urn:") => Ok(identity),
        _ => Err(ApiError::INVALID_DATA),
    }
}

/// `POST .../verify/identity` with `{identity, method: "link", recipient?}`:
/// the verification link is "sent" (`202 dispatched`).
async fn request_identity_verification(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    identity(&body)?;
    if !matches!(optional_str(&body, "method")?, None | Some("link")) {
        return Err(ApiError::INVALID_DATA);
    }
    optional_str(&body, "recipient")?;
    find(&app.store(), &website_id, &session_id)?;
    Ok(Success::dispatched(Value::Object(Object::new())))
}

/// `PUT .../verify/identity/link` with `{identity, token, recipient?}`: any
/// non-empty token is accepted; the conversation becomes verified and lists
/// `{identity, method: "link"}` in its verifications.
async fn redeem_identity_verification_link(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let identity = identity(&body)?.to_owned();
    if required_str(&body, "token")?.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    optional_str(&body, "recipient")?;
    change(&app, &website_id, &session_id, |conversation, now| {
        conversation.is_verified = true;
        conversation
            .verifications
            .retain(|v| v["identity"] != identity.as_str());
        conversation
            .verifications
            .push(json!({ "identity": identity, "method": "link" }));
        conversation.updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}
