//! People statistics and suggestions (segments, data keys and event texts,
//! counted from the profiles), and the segment list.

use std::collections::BTreeSet;

use axum::Router;
use axum::extract::State;
use axum::routing::{delete, get};
use bytes::Bytes;
use serde_json::{Value, json};

use super::website;
use crate::extract::{Params, json_object, page_number, paginate, required_str};
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{HiddenSuggestions, Website, count_names};

/// Suggestions per page.
const SUGGESTIONS_PER_PAGE: usize = 20;

/// The statistics and suggestion routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/people/stats", get(get_people_statistics))
        .route(
            "/v1/website/{website_id}/people/suggest/segments/{page_number}",
            get(list_suggested_segments),
        )
        .route(
            "/v1/website/{website_id}/people/segments/{page_number}",
            get(list_segments),
        )
        .route(
            "/v1/website/{website_id}/people/suggest/segment",
            delete(delete_suggested_segment),
        )
        .route(
            "/v1/website/{website_id}/people/suggest/data/{page_number}",
            get(list_suggested_data_keys),
        )
        .route(
            "/v1/website/{website_id}/people/suggest/data",
            delete(delete_suggested_data_key),
        )
        .route(
            "/v1/website/{website_id}/people/suggest/events/{page_number}",
            get(list_suggested_events),
        )
        .route(
            "/v1/website/{website_id}/people/suggest/event",
            delete(delete_suggested_event),
        )
}

/// `GET people/stats` -> `{total}`, the number of profiles.
async fn get_people_statistics(State(app): State<App>, Params(website_id): Params<String>) -> Reply {
    let store = app.store();
    let total = website(&store, &website_id)?.people.len();
    Ok(Success::resolved(json!({ "total": total })))
}

/// Answers one page of what `items(website)` computes.
fn list(app: &App, website_id: &str, page: &str, items: impl FnOnce(&Website) -> Vec<Value>) -> Reply {
    let page = page_number(page)?;
    let store = app.store();
    let website = website(&store, website_id)?;
    Ok(Success::resolved(Value::Array(paginate(
        items(website),
        page,
        SUGGESTIONS_PER_PAGE,
    ))))
}

/// `GET people/suggest/segments/{page_number}` -> `[{segment, count}]`,
/// most used first, without deleted suggestions.
async fn list_suggested_segments(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
) -> Reply {
    list(&app, &website_id, &page, |website| {
        let names = website.people.iter().flat_map(|p| p.segments());
        count_names(names, Some(&website.hidden.people_segments), "segment")
    })
}

/// `GET people/segments/{page_number}` -> `[{segment, count}]`: every
/// segment in use, deleted suggestions included.
async fn list_segments(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> Reply {
    list(&app, &website_id, &page, |website| {
        count_names(website.people.iter().flat_map(|p| p.segments()), None, "segment")
    })
}

/// `GET people/suggest/data/{page_number}` -> `[{key, count}]` of the
/// people data keys.
async fn list_suggested_data_keys(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
) -> Reply {
    list(&app, &website_id, &page, |website| {
        let names = website.people.iter().flat_map(|p| p.data.keys().map(String::as_str));
        count_names(names, Some(&website.hidden.people_data_keys), "key")
    })
}

/// `GET people/suggest/events/{page_number}` -> `[{text, count}]` of the
/// people event texts.
async fn list_suggested_events(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> Reply {
    list(&app, &website_id, &page, |website| {
        let names = website
            .people
            .iter()
            .flat_map(|p| p.events.iter().filter_map(|e| e["text"].as_str()));
        count_names(names, Some(&website.hidden.people_events), "text")
    })
}

/// Hides the suggestion named by the body's `key` field in the set `pick`
/// chooses (`200 deleted`).
fn hide(
    app: &App,
    website_id: &str,
    body: &Bytes,
    key: &str,
    pick: fn(&mut HiddenSuggestions) -> &mut BTreeSet<String>,
) -> Reply {
    let body = json_object(body)?;
    let name = required_str(&body, key)?.to_owned();
    let mut store = app.store();
    let (website, _) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    pick(&mut website.hidden).insert(name);
    Ok(Success::deleted())
}

/// `DELETE people/suggest/segment` with `{segment}`.
async fn delete_suggested_segment(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    hide(&app, &website_id, &body, "segment", |hidden| {
        &mut hidden.people_segments
    })
}

/// `DELETE people/suggest/data` with `{key}`.
async fn delete_suggested_data_key(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    hide(&app, &website_id, &body, "key", |hidden| &mut hidden.people_data_keys)
}

/// `DELETE people/suggest/event` with `{text}`.
async fn delete_suggested_event(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    hide(&app, &website_id, &body, "text", |hidden| &mut hidden.people_events)
}
