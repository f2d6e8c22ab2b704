//! `website/{website_id}/people/..` routes: profiles here, the rest in one
//! file per topic.
//!
//! Wherever a route takes a `{people_id}`, an email names the profile that
//! has it, as on Crisp ([`Profile::answers_to`]).

mod activity;
mod import;
mod suggest;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::extract::{Params, QueryPairs, json_object, optional_str, page_number, paginate, required_str};
use crate::reply::{self, ApiError, Reply, Success};
use crate::routes::filter::FilterSearch;
use crate::server::App;
use crate::state::{Object, Profile, Store, Website, deep_merge};

/// Profiles per page.
const PROFILES_PER_PAGE: usize = 20;

/// The people routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/people/profiles/{page_number}",
            get(list_people_profiles),
        )
        .route("/v1/website/{website_id}/people/profile", post(add_new_people_profile))
        .route(
            "/v1/website/{website_id}/people/profile/{people_id}",
            get(get_people_profile)
                .head(check_people_profile_exists)
                .put(save_people_profile)
                .patch(update_people_profile)
                .delete(remove_people_profile),
        )
        .merge(suggest::routes())
        .merge(activity::routes())
        .merge(import::routes())
}

/// The website, or `website_not_found`.
fn website<'a>(store: &'a Store, website_id: &str) -> Result<&'a Website, ApiError> {
    store.website(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)
}

/// The profile, or `website_not_found` / `people_not_found`.
fn find<'a>(store: &'a Store, website_id: &str, people_id: &str) -> Result<&'a Profile, ApiError> {
    website(store, website_id)?
        .profile(people_id)
        .ok_or(ApiError::PEOPLE_NOT_FOUND)
}

/// `GET people/profiles/{page_number}`: newest first; `search_text` matches
/// email or `person.nickname` (case-insensitive substring); `search_filter`
/// (a JSON array of `{model, criterion, operator, query}`) with
/// `search_operator` (`and` / `or`) keeps the profiles it matches.
async fn list_people_profiles(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let needle = query.get("search_text").map(str::to_lowercase);
    let search = match query.get("search_filter") {
        None => None,
        Some(filter) => {
            let filter = serde_json::from_str(filter).map_err(|_| ApiError::INVALID_DATA)?;
            let operator = query.get("search_operator").map(|op| Value::String(op.to_owned()));
            Some(FilterSearch::parse(&filter, operator.as_ref())?)
        }
    };
    let store = app.store();
    let website = website(&store, &website_id)?;
    let matching: Vec<&Profile> = website
        .people
        .iter()
        .rev()
        .filter(|profile| match &needle {
            None => true,
            Some(needle) => [profile.email(), profile.nickname()]
                .into_iter()
                .flatten()
                .any(|text| text.to_lowercase().contains(needle.as_str())),
        })
        .filter(|profile| search.as_ref().is_none_or(|search| search.matches_profile(profile)))
        .collect();
    let items = paginate(matching, page, PROFILES_PER_PAGE)
        .into_iter()
        .map(Profile::to_json)
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// Validates a profile card: `email` a string when present, `person` and
/// `company` objects, `segments` an array of strings, `active` a timestamp
/// (stored as the profile's `active: {now: false, last}`) or an object.
fn validate_card(mut card: Object) -> Result<Object, ApiError> {
    optional_str(&card, "email")?;
    optional_str(&card, "notepad")?;
    for key in ["person", "company"] {
        if !matches!(card.get(key), None | Some(Value::Object(_))) {
            return Err(ApiError::INVALID_DATA);
        }
    }
    match card.get("active") {
        None | Some(Value::Object(_)) => {}
        Some(Value::Number(last)) if last.is_u64() => {
            let active = json!({ "now": false, "last": last });
            card.insert("active".to_owned(), active);
        }
        Some(_) => return Err(ApiError::INVALID_DATA),
    }
    match card.get("segments") {
        None => Ok(card),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => Ok(card),
        Some(_) => Err(ApiError::INVALID_DATA),
    }
}

/// `POST people/profile` with a card that has an `email` -> `{people_id}`;
/// `409 people_exists` when another profile has that email.
async fn add_new_people_profile(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let card = validate_card(json_object(&body)?)?;
    let email = required_str(&card, "email")?.to_owned();
    if email.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (website, clock) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    if website.email_taken(&email, None) {
        return Err(ApiError::PEOPLE_EXISTS);
    }
    let people_id = website.add_profile(clock, card);
    Ok(Success::added(json!({ "people_id": people_id })))
}

/// `HEAD people/profile/{people_id}`: 200 or 404, no body.
async fn check_people_profile_exists(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
) -> Response {
    let store = app.store();
    reply::exists(find(&store, &website_id, &people_id).map(|_| ()))
}

/// `GET people/profile/{people_id}`.
async fn get_people_profile(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
) -> Reply {
    let store = app.store();
    Ok(Success::resolved(find(&store, &website_id, &people_id)?.to_json()))
}

/// `PUT people/profile/{people_id}`: replaces the card.
async fn save_people_profile(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let card = validate_card(json_object(&body)?)?;
    change_profile(&app, &website_id, &people_id, |profile| profile.card = card)
}

/// `PATCH people/profile/{people_id}`: merges into the card (objects merge
/// recursively, other values replace).
async fn update_people_profile(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let patch = validate_card(json_object(&body)?)?;
    change_profile(&app, &website_id, &people_id, |profile| {
        deep_merge(&mut profile.card, patch)
    })
}

/// Applies `change` to a profile (named by id or email), refusing a change
/// that would duplicate another profile's email.
fn change_profile(app: &App, website_id: &str, people_id: &str, change: impl FnOnce(&mut Profile)) -> Reply {
    let mut store = app.store();
    let (website, clock) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let index = website
        .people
        .iter()
        .position(|p| p.answers_to(people_id))
        .ok_or(ApiError::PEOPLE_NOT_FOUND)?;
    let mut updated = website.people[index].clone();
    updated.updated_at = clock.now();
    change(&mut updated);
    if let Some(email) = updated.email()
        && website.email_taken(email, Some(&updated.people_id))
    {
        return Err(ApiError::PEOPLE_EXISTS);
    }
    website.people[index] = updated;
    Ok(Success::updated())
}

/// `DELETE people/profile/{people_id}` (an id or an email).
async fn remove_people_profile(
    State(app): State<App>,
    Params((website_id, people_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let index = website
        .people
        .iter()
        .position(|p| p.answers_to(&people_id))
        .ok_or(ApiError::PEOPLE_NOT_FOUND)?;
    website.people.remove(index);
    Ok(Success::deleted())
}
