//! A website itself (`website?domain=`, `website`, `website/{website_id}`,
//! `.../expunge`), its settings, identity verification and availability.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{delete, get, head};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{AdminReply, Fail, UserOnly, exists, optional_strings, required_text, site};
use crate::extract::{Params, QueryPairs, json_object, optional_object, optional_str, required_bool};
use crate::ids;
use crate::reply::{ApiError, Success};
use crate::server::App;
use crate::state::{Object, Store};

/// The website, settings, verify and availability routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website", head(check_website_exists).post(create_website))
        .route("/v1/website/{website_id}", get(get_website).delete(delete_website))
        .route("/v1/website/{website_id}/expunge", delete(abort_website_deletion))
        .route(
            "/v1/website/{website_id}/settings",
            get(get_website_settings).patch(update_website_settings),
        )
        .route(
            "/v1/website/{website_id}/verify/settings",
            get(get_verify_settings).patch(update_verify_settings),
        )
        .route(
            "/v1/website/{website_id}/verify/key",
            get(get_verify_key).post(roll_verify_key),
        )
        .route(
            "/v1/website/{website_id}/availability/status",
            get(get_website_availability_status),
        )
        .route(
            "/v1/website/{website_id}/availability/operators",
            get(list_website_operator_availabilities),
        )
}

/// `HEAD website?domain=`: 200 when a website (not being deleted) uses the
/// domain (case-insensitive), 404 otherwise, 400 without a domain.
async fn check_website_exists(State(app): State<App>, query: QueryPairs) -> Response {
    let Some(domain) = query.get("domain").map(str::to_lowercase) else {
        return exists(Err(ApiError::INVALID_DATA.into()));
    };
    let mut store = app.store();
    store.seed_all_admins();
    let found = store
        .websites
        .iter()
        .any(|w| !w.admin.deletion_pending && w.admin.domain().is_some_and(|d| d.eq_ignore_ascii_case(&domain)));
    exists(if found {
        Ok(())
    } else {
        Err(ApiError::WEBSITE_NOT_FOUND.into())
    })
}

/// `POST website {name, domain}` (user tier) -> the new website.
async fn create_website(_: UserOnly, State(app): State<App>, body: Bytes) -> AdminReply {
    let body = json_object(&body)?;
    let name = required_text(&body, "name")?.to_owned();
    let domain = required_text(&body, "domain")?.trim().to_lowercase();
    let website_id = ids::uuid();
    let mut store = app.store();
    store.add_website(website_id.clone());
    let (website, _) = site(&mut store, &website_id)?;
    website.admin.settings.insert("name".into(), json!(name));
    website.admin.settings.insert("domain".into(), json!(domain));
    Ok(Success::added(website.admin.website_json(&website_id)))
}

/// The website, or `404 website_not_found` (also while its deletion is scheduled).
fn live<'a>(store: &'a mut Store, website_id: &str) -> Result<&'a mut crate::state::Website, Fail> {
    let (website, _) = site(store, website_id)?;
    if website.admin.deletion_pending {
        return Err(ApiError::WEBSITE_NOT_FOUND.into());
    }
    Ok(website)
}

/// `GET website/{website_id}`.
async fn get_website(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let website = live(&mut store, &website_id)?;
    Ok(Success::resolved(website.admin.website_json(&website_id)))
}

/// Checks a `{verify: {method, secret}}` proof of identity: `password` must
/// be the account's password (else `403 not_allowed`), `token` and `google`
/// any non-empty secret; another method or shape is `400 invalid_data`.
pub(super) fn check_verify(store: &Store, body: &Object) -> Result<(), Fail> {
    let verify = optional_object(body, "verify")?.ok_or(ApiError::INVALID_DATA)?;
    let secret = required_text(verify, "secret")?;
    match required_text(verify, "method")? {
        "password" if secret == store.account.operator.password => Ok(()),
        "password" => Err(ApiError::NOT_ALLOWED.into()),
        "token" | "google" => Ok(()),
        _ => Err(ApiError::INVALID_DATA.into()),
    }
}

/// `DELETE website/{website_id} {verify}` (user tier): schedules the
/// deletion; the website answers 404 until the deletion is aborted.
async fn delete_website(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let mut store = app.store();
    live(&mut store, &website_id)?;
    check_verify(&store, &body)?;
    live(&mut store, &website_id)?.admin.deletion_pending = true;
    Ok(Success::deleted())
}

/// `DELETE website/{website_id}/expunge` (user tier): cancels a scheduled
/// deletion (nothing to cancel is fine).
async fn abort_website_deletion(_: UserOnly, State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    website.admin.deletion_pending = false;
    Ok(Success::deleted())
}

/// `GET website/{website_id}/settings`.
async fn get_website_settings(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let website = live(&mut store, &website_id)?;
    Ok(Success::resolved(website.admin.settings_json(&website_id)))
}

/// Validates a partial settings object: `name` / `domain` non-blank strings,
/// `logo` a string, `domain_alternates` strings, `audit`, `contact`,
/// `inbox`, `emails` and `chatbox` objects of scalars and string lists.
/// `website_id` is ignored; another key is `400 invalid_data`.
fn validate_settings(mut patch: Object) -> Result<Object, Fail> {
    patch.remove("website_id");
    for key in ["name", "domain"] {
        if patch.contains_key(key) {
            required_text(&patch, key)?;
        }
    }
    optional_str(&patch, "logo")?;
    optional_strings(&patch, "domain_alternates")?;
    for (key, value) in &patch {
        match key.as_str() {
            "name" | "domain" | "logo" | "domain_alternates" => {}
            "audit" | "contact" | "inbox" | "emails" | "chatbox" => {
                let Value::Object(group) = value else {
                    return Err(ApiError::INVALID_DATA.into());
                };
                let valid = group.values().all(|value| match value {
                    Value::Bool(_) | Value::String(_) | Value::Number(_) | Value::Null => true,
                    Value::Array(items) => items.iter().all(Value::is_string),
                    Value::Object(_) => false,
                });
                if !valid {
                    return Err(ApiError::INVALID_DATA.into());
                }
            }
            _ => return Err(ApiError::INVALID_DATA.into()),
        }
    }
    Ok(patch)
}

/// `PATCH website/{website_id}/settings`: merges what is sent (groups merge
/// key by key; lists are replaced).
async fn update_website_settings(
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let patch = validate_settings(json_object(&body)?)?;
    let mut store = app.store();
    live(&mut store, &website_id)?.admin.update_settings(patch);
    Ok(Success::updated())
}

/// `GET website/{website_id}/verify/settings` -> `{enabled}`.
async fn get_verify_settings(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    Ok(Success::resolved(json!({ "enabled": website.admin.verify_enabled })))
}

/// `PATCH website/{website_id}/verify/settings {enabled}`.
async fn update_verify_settings(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> AdminReply {
    let enabled = required_bool(&json_object(&body)?, "enabled")?;
    let mut store = app.store();
    site(&mut store, &website_id)?.0.admin.verify_enabled = enabled;
    Ok(Success::updated())
}

/// `GET website/{website_id}/verify/key` -> `{secret}`.
async fn get_verify_key(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    Ok(Success::resolved(json!({ "secret": website.admin.verify_secret })))
}

/// `POST website/{website_id}/verify/key`: a new secret replaces the old one.
async fn roll_verify_key(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> AdminReply {
    json_object(&body)?;
    let mut store = app.store();
    site(&mut store, &website_id)?.0.admin.verify_secret = ids::hex(32);
    Ok(Success::updated())
}

/// `GET website/{website_id}/availability/status` -> `{status, since}`:
/// `online` when an operator is online, else `away` when one is away, else
/// `offline`; since when the longest-standing of those operators has been so.
async fn get_website_availability_status(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let operators = &website.admin.operators;
    let status = ["online", "away"]
        .into_iter()
        .find(|status| operators.iter().any(|o| o.availability == *status))
        .unwrap_or("offline");
    let since = operators
        .iter()
        .filter(|o| o.availability == status || status == "offline")
        .map(|o| o.availability_since)
        .min()
        .unwrap_or(0);
    Ok(Success::resolved(json!({ "status": status, "since": since })))
}

/// `GET website/{website_id}/availability/operators` -> `[{user_id, type, time{for, since}}]`.
async fn list_website_operator_availabilities(
    State(app): State<App>,
    Params(website_id): Params<String>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let operators = website
        .admin
        .operators
        .iter()
        .map(|o| {
            json!({
                "user_id": o.user_id,
                "type": o.availability,
                "time": { "for": 0, "since": o.availability_since },
            })
        })
        .collect();
    Ok(Success::resolved(Value::Array(operators)))
}
