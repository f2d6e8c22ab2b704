//! Redirections, settings and the domain.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{PER_PAGE, REDIRECTION_NOT_FOUND, UserTier, site, site_mut};
use crate::extract::{Params, QueryPairs, json_object, page_number, paginate, required_str};
use crate::ids;
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;
use crate::state::deep_merge;
use crate::state::helpdesk::{ROOT_DOMAIN, Redirection};

/// The redirection, settings and domain routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/helpdesk/redirections/{page_number}",
            get(list_helpdesk_redirections),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/redirection",
            post(add_helpdesk_redirection),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/redirection/{redirection_id}",
            get(resolve_helpdesk_redirection)
                .head(check_helpdesk_redirection_exists)
                .delete(delete_helpdesk_redirection),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/settings",
            get(resolve_helpdesk_settings).patch(save_helpdesk_settings),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/domain",
            get(resolve_helpdesk_domain).patch(request_helpdesk_domain_change),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/domain/setup",
            get(generate_helpdesk_domain_setup_flow),
        )
}

/// `GET redirections/{page_number}`: oldest first.
async fn list_helpdesk_redirections(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
) -> Reply {
    let page = page_number(&page)?;
    let store = app.store();
    let site = site(&store, &website_id)?;
    let items = paginate(site.redirections.iter().collect(), page, PER_PAGE)
        .into_iter()
        .map(Redirection::to_json)
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// `POST redirection` with `{path, target}` (non-empty strings) ->
/// `{redirection_id}`.
async fn add_helpdesk_redirection(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let path = required_str(&body, "path")?.to_owned();
    let target = required_str(&body, "target")?.to_owned();
    if path.is_empty() || target.is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &website_id)?;
    let redirection_id = ids::uuid();
    site.redirections.push(Redirection {
        redirection_id: redirection_id.clone(),
        path,
        target,
        created_at: clock.now(),
    });
    Ok(Success::added(json!({ "redirection_id": redirection_id })))
}

/// The redirection, or `redirection_not_found`.
fn find(app: &App, website_id: &str, redirection_id: &str) -> Result<Value, ApiError> {
    let store = app.store();
    site(&store, website_id)?
        .redirections
        .iter()
        .find(|r| r.redirection_id == redirection_id)
        .map(Redirection::to_json)
        .ok_or(REDIRECTION_NOT_FOUND)
}

/// `HEAD redirection/{redirection_id}`: 200 or 404.
async fn check_helpdesk_redirection_exists(
    State(app): State<App>,
    Params((website_id, redirection_id)): Params<(String, String)>,
) -> Response {
    reply::exists(find(&app, &website_id, &redirection_id).map(|_| ()))
}

/// `GET redirection/{redirection_id}`.
async fn resolve_helpdesk_redirection(
    State(app): State<App>,
    Params((website_id, redirection_id)): Params<(String, String)>,
) -> Reply {
    Ok(Success::resolved(find(&app, &website_id, &redirection_id)?))
}

/// `DELETE redirection/{redirection_id}`.
async fn delete_helpdesk_redirection(
    State(app): State<App>,
    Params((website_id, redirection_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    let before = site.redirections.len();
    site.redirections.retain(|r| r.redirection_id != redirection_id);
    if site.redirections.len() == before {
        return Err(REDIRECTION_NOT_FOUND);
    }
    Ok(Success::deleted())
}

/// `GET settings`.
async fn resolve_helpdesk_settings(State(app): State<App>, Params(website_id): Params<String>) -> Reply {
    let store = app.store();
    Ok(Success::resolved(Value::Object(
        site(&store, &website_id)?.settings.clone(),
    )))
}

/// `PATCH settings`: merges the object sent (nested objects key by key); a
/// `name` must be a non-empty string, the other sections objects.
async fn save_helpdesk_settings(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let patch = json_object(&body)?;
    for (key, value) in &patch {
        let valid = match key.as_str() {
            "name" => value.as_str().is_some_and(|name| !name.trim().is_empty()),
            _ => value.is_object(),
        };
        if !valid {
            return Err(ApiError::INVALID_DATA);
        }
    }
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    deep_merge(&mut site.settings, patch);
    Ok(Success::updated())
}

/// `GET domain` (user tier) -> `{root, basic, custom, verified}`.
async fn resolve_helpdesk_domain(_user: UserTier, State(app): State<App>, Params(website_id): Params<String>) -> Reply {
    let store = app.store();
    Ok(Success::resolved(site(&store, &website_id)?.domain_json()))
}

/// `PATCH domain` (user tier) with `{basic?, custom?}`: `basic` a non-empty
/// sub-domain label, `custom` a domain name or `null` (removed).
async fn request_helpdesk_domain_change(
    _user: UserTier,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let basic = match body.get("basic") {
        None => None,
        Some(Value::String(basic))
            if !basic.is_empty()
                && basic
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
        {
            Some(basic.clone())
        }
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let custom = match body.get("custom") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(custom)) if custom.contains('.') && !custom.contains('/') => Some(Some(custom.clone())),
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    if let Some(basic) = basic {
        site.basic = basic;
    }
    if let Some(custom) = custom {
        site.custom = custom;
    }
    Ok(Success::updated())
}

/// `GET domain/setup` (user tier; `custom` query, else the saved custom
/// domain, else `400 invalid_data`) -> the CNAME record to create.
async fn generate_helpdesk_domain_setup_flow(
    _user: UserTier,
    State(app): State<App>,
    Params(website_id): Params<String>,
    query: QueryPairs,
) -> Reply {
    let store = app.store();
    let site = site(&store, &website_id)?;
    let custom = query
        .get("custom")
        .map(str::to_owned)
        .or_else(|| site.custom.clone())
        .ok_or(ApiError::INVALID_DATA)?;
    let record = json!({
        "type": "CNAME",
        "query": custom,
        "name": custom,
        "value": format!("{}.{ROOT_DOMAIN}", site.basic),
    });
    Ok(Success::resolved(
        json!({ "custom": custom, "setup": { "records": [record] } }),
    ))
}
