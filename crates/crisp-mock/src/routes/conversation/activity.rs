//! A conversation's activity lists: browsed pages, stacked events and shared
//! files, newest first, [`ITEMS_PER_PAGE`] per page.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde_json::Value;

use super::{ITEMS_PER_PAGE, find};
use crate::extract::{Params, page_number, paginate};
use crate::reply::{Reply, Success};
use crate::server::App;
use crate::state::Conversation;

/// The activity routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/pages/{page_number}",
            get(list_pages),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/events/{page_number}",
            get(list_events),
        )
        .route(
            "/v1/website/{website_id}/conversation/{session_id}/files/{page_number}",
            get(list_files),
        )
}

/// Answers one page of `items(conversation)`.
fn list(app: &App, website_id: &str, session_id: &str, page: &str, items: fn(&Conversation) -> Vec<Value>) -> Reply {
    let page = page_number(page)?;
    let store = app.store();
    let conversation = find(&store, website_id, session_id)?;
    Ok(Success::resolved(Value::Array(paginate(
        items(conversation),
        page,
        ITEMS_PER_PAGE,
    ))))
}

/// `GET .../pages/{page_number}` -> `[{page_title, page_url, page_referrer,
/// timestamp}]` (seeded with `FakeCrisp::add_conversation_page`).
async fn list_pages(
    State(app): State<App>,
    Params((website_id, session_id, page)): Params<(String, String, String)>,
) -> Reply {
    list(&app, &website_id, &session_id, &page, |c| {
        c.pages.iter().rev().cloned().collect()
    })
}

/// `GET .../events/{page_number}` -> `[{text, data, color, timestamp}]`:
/// state and block changes, and events seeded with
/// `FakeCrisp::add_conversation_event`.
async fn list_events(
    State(app): State<App>,
    Params((website_id, session_id, page)): Params<(String, String, String)>,
) -> Reply {
    list(&app, &website_id, &session_id, &page, |c| {
        c.events.iter().rev().cloned().collect()
    })
}

/// `GET .../files/{page_number}` -> `[{name, type, url, fingerprint,
/// timestamp}]`, one per `file` message.
async fn list_files(
    State(app): State<App>,
    Params((website_id, session_id, page)): Params<(String, String, String)>,
) -> Reply {
    list(&app, &website_id, &session_id, &page, Conversation::files)
}
