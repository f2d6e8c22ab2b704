//! What hangs off a people profile: its conversations, campaigns, events,
//! data and email subscription.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::find;
use crate::extract::{
    Params, QueryPairs, check_scalar_map, json_object, optional_object, optional_str, page_number, paginate,
    required_bool, required_str,
};
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Conversation, ConversationState, Object, Profile};

/// Items per page of the profile's lists.
const ITEMS_PER_PAGE: usize = 20;
/// The colours a people event may have.
const EVENT_COLORS: [&str; 10] = [
    "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "grey", "black",
];

/// The profile activity routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/people/conversations/{people_id}/list/{page_number}",
            get(list_people_conversations),
        )
        .route(
            "/v1/website/{website_id}/people/campaigns/{people_id}/list/{page_number}",
            get(list_people_campaigns),
        )
        .route(
            "/v1/website/{website_id}/people/events/{people_id}",
            post(add_people_event),
        )
        .route(
            "/v1/website/{website_id}/people/events/{people_id}/list/{page_number}",
            get(list_people_events),
        )
        .route(
            "/v1/website/{website_id}/people/data/{people_id}",
            get(get_people_data).put(save_people_data).patch(update_people_data),
        )
        .route(
            "/v1/website/{website_id}/people/subscription/{people_id}",
            get(get_subscription_status).patch(update_subscription_status),
        )
}

/// Runs `change` on the profile under the store lock, with the current time.
fn change_profile(
    app: &App,
    website_id: &str,
    people_id: &str,
    change: impl FnOnce(&mut Profile, u64),
) -> Result<(), ApiError> {
    let mut store = app.store();
    let (website, clock) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let profile = website.profile_mut(people_id).ok_or(ApiError::PEOPLE_NOT_FOUND)?;
    change(profile, clock.now());
    Ok(())
}

/// `GET people/conversations/{people_id}/list/{page_number}` -> the session
/// ids of the conversations whose `meta.email` is the profile's email
/// (case-insensitive), newest activity first; `filter_unread`,
/// `filter_resolved` and `filter_not_resolved` narrow them.
async fn list_people_conversations(
    State(app): State<App>,
    Params((website_id, people_id, page)): Params<(String, String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let unread = query.flag("filter_unread")?;
    let resolved = query.flag("filter_resolved")?;
    let not_resolved = query.flag("filter_not_resolved")?;
    let store = app.store();
    let profile = find(&store, &website_id, &people_id)?;
    let website = super::website(&store, &website_id)?;
    let email = profile.email().map(str::to_owned);
    let keeps = |conversation: &Conversation| {
        let same_email = match (&email, conversation.meta.get("email").and_then(Value::as_str)) {
            (Some(email), Some(meta_email)) => email.eq_ignore_ascii_case(meta_email),
            _ => false,
        };
        let is_resolved = conversation.state == ConversationState::Resolved;
        same_email
            && (!unread || conversation.has_unread_for_operator())
            && (!resolved || is_resolved)
            && (!not_resolved || !is_resolved)
    };
    let mut matching: Vec<&Conversation> = website.conversations.iter().filter(|c| keeps(c)).collect();
    matching.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.created_at.cmp(&a.created_at)));
    let ids = paginate(matching, page, ITEMS_PER_PAGE)
        .into_iter()
        .map(|c| json!(c.session_id))
        .collect();
    Ok(Success::resolved(Value::Array(ids)))
}

/// `GET people/campaigns/{people_id}/list/{page_number}` (user tier): the
/// fake sends no campaigns, so always `[]` for a known profile.
async fn list_people_campaigns(
    State(app): State<App>,
    Params((website_id, people_id, page)): Params<(String, String, String)>,
) -> Reply {
    page_number(&page)?;
    find(&app.store(), &website_id, &people_id)?;
    Ok(Success::resolved(json!([])))
}

/// `POST people/events/{people_id}` with `{text, data?{}, color?}` (`201
/// added`).
async fn add_people_event(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let text = required_str(&body, "text")?.to_owned();
    if text.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let data = optional_object(&body, "data")?.cloned().unwrap_or_default();
    let color = optional_str(&body, "color")?.map(str::to_owned);
    if color.as_deref().is_some_and(|c| !EVENT_COLORS.contains(&c)) {
        return Err(ApiError::INVALID_DATA);
    }
    change_profile(&app, &website_id, &people_id, |profile, now| {
        let mut event = json!({ "text": text, "data": data, "timestamp": now });
        if let Some(color) = color {
            event["color"] = json!(color);
        }
        profile.events.push(event);
    })?;
    Ok(Success::added(Value::Object(Object::new())))
}

/// `GET people/events/{people_id}/list/{page_number}` -> `[{text, data,
/// color?, timestamp}]`, newest first.
async fn list_people_events(
    State(app): State<App>,
    Params((website_id, people_id, page)): Params<(String, String, String)>,
) -> Reply {
    let page = page_number(&page)?;
    let store = app.store();
    let profile = find(&store, &website_id, &people_id)?;
    let events = profile.events.iter().rev().cloned().collect();
    Ok(Success::resolved(Value::Array(paginate(events, page, ITEMS_PER_PAGE))))
}

/// `GET people/data/{people_id}` -> `{data}`.
async fn get_people_data(State(app): State<App>, Params((website_id, people_id)): Params<(String, String)>) -> Reply {
    let store = app.store();
    let profile = find(&store, &website_id, &people_id)?;
    Ok(Success::resolved(json!({ "data": profile.data })))
}

/// The body of the data routes: `{key: string | number | boolean}`.
fn data_body(body: &Bytes) -> Result<Object, ApiError> {
    let data = json_object(body)?;
    check_scalar_map(&data)?;
    Ok(data)
}

/// `PUT people/data/{people_id}`: replaces the data.
async fn save_people_data(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let data = data_body(&body)?;
    change_profile(&app, &website_id, &people_id, |profile, now| {
        profile.data = data;
        profile.updated_at = now;
    })?;
    Ok(Success::updated())
}

/// `PATCH people/data/{people_id}`: merges into the data key by key.
async fn update_people_data(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let data = data_body(&body)?;
    change_profile(&app, &website_id, &people_id, |profile, now| {
        profile.data.extend(data);
        profile.updated_at = now;
    })?;
    Ok(Success::updated())
}

/// `GET people/subscription/{people_id}` -> `{email}` (subscribed by default).
async fn get_subscription_status(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
) -> Reply {
    let store = app.store();
    let profile = find(&store, &website_id, &people_id)?;
    Ok(Success::resolved(json!({ "email": profile.email_subscribed })))
}

/// `PATCH people/subscription/{people_id}` with `{email: bool}`.
async fn update_subscription_status(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let email = required_bool(&json_object(&body)?, "email")?;
    change_profile(&app, &website_id, &people_id, |profile, now| {
        profile.email_subscribed = email;
        profile.updated_at = now;
    })?;
    Ok(Success::updated())
}
