//! `website/{website_id}/conversations/..` and
//! `website/{website_id}/conversation/{session_id}/..` routes.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, patch, post};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::extract::{Params, QueryPairs, json_object, optional_str, page_number, paginate, required_str};
use crate::ids::{self, Clock};
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Conversation, ConversationState, Message, Object, Store};

/// Conversations per page when `per_page` is not given.
const CONVERSATIONS_PER_PAGE: usize = 20;
/// The largest `per_page` accepted.
const MAX_PER_PAGE: u64 = 100;
/// Messages per `GET .../messages` answer.
pub(crate) const MESSAGES_PER_PAGE: usize = 20;

/// The conversation routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversations/{page_number}",
            get(list_conversations),
        )
        .route("/v1/website/{website_id}/conversation", post(create_conversation))
        .route(
            "/v1/website/{website_id}/conversation/{session_id}",
            get(get_conversation)
                .head(check_conversation_exists)
                .delete(remove_conversation),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/messages",
            get(get_messages),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/message",
            post(send_message),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/read",
            patch(mark_read),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/delivered",
            patch(mark_delivered),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/routing",
            get(get_routing).patch(assign_routing),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/meta",
            get(get_meta).patch(update_meta),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/state",
            get(get_state).patch(change_state),
        )
}

/// The conversation, or `website_not_found` / `session_not_found`.
fn find<'a>(store: &'a Store, website_id: &str, session_id: &str) -> Result<&'a Conversation, ApiError> {
    store
        .website(website_id)
        .ok_or(ApiError::WEBSITE_NOT_FOUND)?
        .conversation(session_id)
        .ok_or(ApiError::SESSION_NOT_FOUND)
}

/// The conversation, mutably, with the clock.
fn find_mut<'a>(
    store: &'a mut Store,
    website_id: &str,
    session_id: &str,
) -> Result<(&'a mut Conversation, &'a mut Clock), ApiError> {
    let (website, clock) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let conversation = website
        .conversation_mut(session_id)
        .ok_or(ApiError::SESSION_NOT_FOUND)?;
    Ok((conversation, clock))
}

/// `GET website/{website_id}/conversations/{page_number}`: newest activity
/// first, filtered, paged.
async fn list_conversations(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let per_page = match query.number("per_page")? {
        None => CONVERSATIONS_PER_PAGE,
        Some(n) if (1..=MAX_PER_PAGE).contains(&n) => usize::try_from(n).map_err(|_| ApiError::INVALID_DATA)?,
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let filter = ListFilter::from_query(&query)?;
    let store = app.store();
    let website = store.website(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let mut matching: Vec<&Conversation> = website.conversations.iter().filter(|c| filter.keeps(c)).collect();
    matching.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.created_at.cmp(&a.created_at)));
    let items = paginate(matching, page, per_page)
        .into_iter()
        .map(|c| c.to_json(&website_id))
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// The list filters the fake understands.
#[derive(Debug)]
struct ListFilter {
    include_empty: bool,
    unread: bool,
    resolved: bool,
    not_resolved: bool,
    assigned: Option<String>,
    unassigned: bool,
    search: Option<(String, bool)>,
}

impl ListFilter {
    fn from_query(query: &QueryPairs) -> Result<Self, ApiError> {
        let search = query.get("search_query").map(|text| {
            let by_segment = query.get("search_type") == Some("segment");
            (text.to_lowercase(), by_segment)
        });
        let assigned = match query.get("filter_assigned") {
            None | Some("0" | "false") => None,
            Some("1" | "true") => Some(String::new()),
            Some(user_id) => Some(user_id.to_owned()),
        };
        Ok(Self {
            // Absent means "include"; only an explicit "0" hides empty conversations.
            include_empty: query.get("include_empty").is_none() || query.flag("include_empty")?,
            unread: query.flag("filter_unread")?,
            resolved: query.flag("filter_resolved")?,
            not_resolved: query.flag("filter_not_resolved")?,
            assigned,
            unassigned: query.flag("filter_unassigned")?,
            search,
        })
    }

    fn keeps(&self, conversation: &Conversation) -> bool {
        if !self.include_empty && conversation.messages.is_empty() {
            return false;
        }
        if self.unread && !conversation.has_unread_for_operator() {
            return false;
        }
        let resolved = conversation.state == ConversationState::Resolved;
        if (self.resolved && !resolved) || (self.not_resolved && resolved) {
            return false;
        }
        match (&self.assigned, &conversation.assigned) {
            (Some(_), None) => return false,
            (Some(wanted), Some(actual)) if !wanted.is_empty() && wanted != actual => return false,
            _ => {}
        }
        if self.unassigned && conversation.assigned.is_some() {
            return false;
        }
        if let Some((needle, by_segment)) = &self.search {
            let matches = if *by_segment {
                conversation
                    .meta
                    .get("segments")
                    .and_then(Value::as_array)
                    .is_some_and(|segments| {
                        segments
                            .iter()
                            .any(|s| s.as_str().map(str::to_lowercase).as_ref() == Some(needle))
                    })
            } else {
                let meta_text = |key: &str| {
                    conversation
                        .meta
                        .get(key)
                        .and_then(Value::as_str)
                        .map(str::to_lowercase)
                        .unwrap_or_default()
                };
                conversation.last_message().to_lowercase().contains(needle.as_str())
                    || meta_text("nickname").contains(needle.as_str())
                    || meta_text("email").contains(needle.as_str())
            };
            if !matches {
                return false;
            }
        }
        true
    }
}

/// `POST website/{website_id}/conversation` -> `{session_id}`.
async fn create_conversation(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    json_object(&body)?;
    let mut store = app.store();
    let (website, clock) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let session_id = website.add_conversation(clock, None);
    Ok(Success::added(json!({ "session_id": session_id })))
}

/// `GET website/{website_id}/conversation/{session_id}`.
async fn get_conversation(State(app): State<App>, Params((website_id, session_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let conversation = find(&store, &website_id, &session_id)?;
    Ok(Success::resolved(conversation.to_json(&website_id)))
}

/// `HEAD website/{website_id}/conversation/{session_id}`: 200 or 404, no body.
async fn check_conversation_exists(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
) -> Response {
    let store = app.store();
    reply::exists(find(&store, &website_id, &session_id).map(|_| ()))
}

/// `DELETE website/{website_id}/conversation/{session_id}`.
async fn remove_conversation(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let before = website.conversations.len();
    website.conversations.retain(|c| c.session_id != session_id);
    if website.conversations.len() == before {
        return Err(ApiError::SESSION_NOT_FOUND);
    }
    Ok(Success::deleted())
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

/// `from`: `user` or `operator`.
fn sender(body: &Object) -> Result<&str, ApiError> {
    match required_str(body, "from")? {
        from @ ("user" | "operator") => Ok(from),
        _ => Err(ApiError::INVALID_DATA),
    }
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
    })
}

/// `PATCH .../delivered` with `{from, origin, fingerprints?}`.
async fn mark_delivered(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    mark(&app, &website_id, &session_id, &body, |message, origin| {
        message.delivered = origin.to_owned()
    })
}

/// Applies `apply(message, origin)` to the messages sent by `from`, limited to
/// `fingerprints` when given (absent or empty means all of them).
fn mark(app: &App, website_id: &str, session_id: &str, body: &Bytes, apply: impl Fn(&mut Message, &str)) -> Reply {
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
    Ok(Success::updated())
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
            crate::state::deep_merge(target, device);
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

/// `PATCH .../state` with `{state: pending|unresolved|resolved, user?, origin?}`.
async fn change_state(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let state = ConversationState::parse(required_str(&body, "state")?).ok_or(ApiError::INVALID_DATA)?;
    let mut store = app.store();
    let (conversation, clock) = find_mut(&mut store, &website_id, &session_id)?;
    conversation.state = state;
    if state == ConversationState::Resolved {
        conversation.waiting_since = None;
    }
    conversation.updated_at = clock.now();
    drop(store);
    app.relay.emit(
        "session:set_state",
        &json!({ "website_id": website_id, "session_id": session_id, "inbox_id": null, "state": state.as_str() }),
    );
    Ok(Success::updated())
}
