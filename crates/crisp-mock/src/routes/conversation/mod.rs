//! `website/{website_id}/conversations/..` and
//! `website/{website_id}/conversation/{session_id}/..` routes, one file per
//! topic.

mod actions;
mod activity;
mod browsing;
mod list;
mod messages;
mod state;
mod suggest;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::extract::{Params, json_object, required_str};
use crate::ids::Clock;
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Conversation, Store};

/// Items per page of the conversation sub-lists (pages, events, files) and
/// of the suggestion lists.
const ITEMS_PER_PAGE: usize = 20;

/// The conversation routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/conversation", post(create_conversation))
        .route(
            "/v1/website/{website_id}/conversation/{session_id}",
            get(get_conversation)
                .head(check_conversation_exists)
                .delete(remove_conversation),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/initiate",
            post(initiate_conversation),
        )
        .merge(list::routes())
        .merge(suggest::routes())
        .merge(messages::routes())
        .merge(state::routes())
        .merge(activity::routes())
        .merge(browsing::routes())
        .merge(actions::routes())
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

/// Runs `change` on the conversation (with the current time) under the
/// store lock.
fn change<T>(
    app: &App,
    website_id: &str,
    session_id: &str,
    change: impl FnOnce(&mut Conversation, u64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut store = app.store();
    let (conversation, clock) = find_mut(&mut store, website_id, session_id)?;
    let now = clock.now();
    change(conversation, now)
}

/// Checks that the conversation exists.
fn exists(app: &App, website_id: &str, session_id: &str) -> Result<(), ApiError> {
    find(&app.store(), website_id, session_id).map(|_| ())
}

/// `from`: `user` or `operator`.
fn sender(body: &crate::state::Object) -> Result<&str, ApiError> {
    match required_str(body, "from")? {
        from @ ("user" | "operator") => Ok(from),
        _ => Err(ApiError::INVALID_DATA),
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
    reply::exists(exists(&app, &website_id, &session_id))
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

/// `POST .../initiate` with `{}`: (re)opens the chatbox on the visitor's
/// side; the fake only checks the conversation exists (`202 dispatched`).
async fn initiate_conversation(
    State(app): State<App>,
    Params((website_id, session_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    exists(&app, &website_id, &session_id)?;
    Ok(Success::dispatched(Value::Object(Default::default())))
}
