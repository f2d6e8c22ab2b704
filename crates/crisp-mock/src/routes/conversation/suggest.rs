//! `website/{website_id}/conversations/..` lists other than the conversation
//! list itself: suggested segments and data keys (counted from the
//! conversations' `meta`), segments in meta, and conversations held as spam.

use axum::Router;
use axum::extract::State;
use axum::routing::{delete, get, post};
use bytes::Bytes;
use serde_json::Value;

use super::ITEMS_PER_PAGE;
use crate::extract::{Params, json_object, page_number, paginate, required_str};
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Conversation, Website, count_names};

/// The suggestion and spam routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversations/suggest/segments/{page_number}",
            get(list_suggested_segments),
        )
        .route(
            "/v1/website/{website_id}/conversations/meta/segments/{page_number}",
            get(list_segments_in_meta),
        )
        .route(
            "/v1/website/{website_id}/conversations/suggest/segment",
            delete(delete_suggested_segment),
        )
        .route(
            "/v1/website/{website_id}/conversations/suggest/data/{page_number}",
            get(list_suggested_data_keys),
        )
        .route(
            "/v1/website/{website_id}/conversations/suggest/data",
            delete(delete_suggested_data_key),
        )
        .route(
            "/v1/website/{website_id}/conversations/spams/{page_number}",
            get(list_spams),
        )
        .route(
            "/v1/website/{website_id}/conversations/spam/{spam_id}/content",
            get(resolve_spam_content),
        )
        .route(
            "/v1/website/{website_id}/conversations/spam/{spam_id}/decision",
            post(submit_spam_decision),
        )
}

/// The segments in a conversation's `meta.segments`.
fn segments(conversation: &Conversation) -> impl Iterator<Item = &str> {
    conversation
        .meta
        .get("segments")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// The keys of a conversation's `meta.data`.
fn data_keys(conversation: &Conversation) -> impl Iterator<Item = &str> {
    conversation
        .meta
        .get("data")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|data| data.keys().map(String::as_str))
}

/// Answers one page of what `items(website)` computes.
fn list(app: &App, website_id: &str, page: &str, items: impl FnOnce(&Website) -> Vec<Value>) -> Reply {
    let page = page_number(page)?;
    let store = app.store();
    let website = store.website(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    Ok(Success::resolved(Value::Array(paginate(
        items(website),
        page,
        ITEMS_PER_PAGE,
    ))))
}

/// `GET conversations/suggest/segments/{page_number}` -> `[{segment, count}]`,
/// most used first, without deleted suggestions.
async fn list_suggested_segments(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
) -> Reply {
    list(&app, &website_id, &page, |website| {
        let names = website.conversations.iter().flat_map(segments);
        count_names(names, Some(&website.hidden.conversation_segments), "segment")
    })
}

/// `GET conversations/meta/segments/{page_number}` -> `[{segment, count}]`:
/// every segment in use, deleted suggestions included.
async fn list_segments_in_meta(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> Reply {
    list(&app, &website_id, &page, |website| {
        count_names(website.conversations.iter().flat_map(segments), None, "segment")
    })
}

/// `GET conversations/suggest/data/{page_number}` -> `[{key, count}]`.
async fn list_suggested_data_keys(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
) -> Reply {
    list(&app, &website_id, &page, |website| {
        let names = website.conversations.iter().flat_map(data_keys);
        count_names(names, Some(&website.hidden.conversation_data_keys), "key")
    })
}

/// `DELETE conversations/suggest/segment` with `{segment}`: no longer suggested.
async fn delete_suggested_segment(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let segment = required_str(&body, "segment")?.to_owned();
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    website.hidden.conversation_segments.insert(segment);
    Ok(Success::deleted())
}

/// `DELETE conversations/suggest/data` with `{key}`: no longer suggested.
async fn delete_suggested_data_key(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let key = required_str(&body, "key")?.to_owned();
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    website.hidden.conversation_data_keys.insert(key);
    Ok(Success::deleted())
}

/// `GET conversations/spams/{page_number}` -> `[{spam_id, type, reason,
/// metadata, headers, timestamp}]`, newest first (user tier; seeded with
/// `FakeCrisp::add_spam_conversation`).
async fn list_spams(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> Reply {
    list(&app, &website_id, &page, |website| {
        website.spams.iter().rev().map(|spam| spam.to_json(false)).collect()
    })
}

/// `GET conversations/spam/{spam_id}/content` -> the spam with its `content`.
async fn resolve_spam_content(
    State(app): State<App>,
    Params((website_id, spam_id)): Params<(String, String)>,
) -> Reply {
    let store = app.store();
    let website = store.website(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let spam = website
        .spams
        .iter()
        .find(|spam| spam.spam_id == spam_id)
        .ok_or(ApiError::SPAM_NOT_FOUND)?;
    Ok(Success::resolved(spam.to_json(true)))
}

/// `POST conversations/spam/{spam_id}/decision` with `{action}` (e.g.
/// `reject`): the spam is decided and no longer listed.
async fn submit_spam_decision(
    State(app): State<App>,
    Params((website_id, spam_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    if required_str(&body, "action")?.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let before = website.spams.len();
    website.spams.retain(|spam| spam.spam_id != spam_id);
    if website.spams.len() == before {
        return Err(ApiError::SPAM_NOT_FOUND);
    }
    Ok(Success::updated())
}
