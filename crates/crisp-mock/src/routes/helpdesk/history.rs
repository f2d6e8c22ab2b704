//! The history of content changes, and the content refresh, import and
//! export requests.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{CHANGE_NOT_FOUND, PER_PAGE, UserTier, content_type, locale, site, site_mut, text_tree_path};
use crate::extract::{Params, QueryPairs, json_object, optional_bool, page_number, paginate, required_str};
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::helpdesk::{Change, Undo};

/// The history, refresh, import and export routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/helpdesk/history/changes/{page_number}",
            get(list_helpdesk_history_changes),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/history/change/{change_id}",
            get(resolve_helpdesk_history_change).delete(cancel_helpdesk_history_change),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/refresh/{locale}/{content_type}",
            post(request_helpdesk_content_refresh),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/import/{locale}/{content_type}",
            post(import_external_helpdesk_to_locale),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/export/{locale}/{content_type}",
            post(export_helpdesk_locale_articles),
        )
}

/// `GET history/changes/{page_number}`: newest first; `filter_locale`,
/// `filter_type` (a content type) and `filter_tree_path` (the entry or
/// anything below it) narrow the list.
async fn list_helpdesk_history_changes(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let kind = query.get("filter_type").map(content_type).transpose()?;
    let below = query.get("filter_tree_path").map(text_tree_path).transpose()?;
    let code = query.get("filter_locale");
    let store = app.store();
    let site = site(&store, &website_id)?;
    let matching: Vec<&Change> = site
        .history
        .iter()
        .rev()
        .filter(|c| code.is_none_or(|code| c.locale == code))
        .filter(|c| kind.is_none_or(|kind| c.content_type == kind))
        .filter(|c| below.as_ref().is_none_or(|below| c.path.starts_with(below)))
        .collect();
    let items = paginate(matching, page, PER_PAGE)
        .into_iter()
        .map(Change::to_json)
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// `GET history/change/{change_id}`.
async fn resolve_helpdesk_history_change(
    State(app): State<App>,
    Params((website_id, change_id)): Params<(String, String)>,
) -> Reply {
    let store = app.store();
    let change = site(&store, &website_id)?
        .history
        .iter()
        .find(|c| c.change_id == change_id)
        .ok_or(CHANGE_NOT_FOUND)?;
    Ok(Success::resolved(change.to_json()))
}

/// `DELETE history/change/{change_id}` with `{action}` (a non-empty
/// string): the change leaves the history, and a content or metadata change
/// is reverted when its entry still exists.
async fn cancel_helpdesk_history_change(
    State(app): State<App>,
    Params((website_id, change_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    if required_str(&body, "action")?.is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    let index = site
        .history
        .iter()
        .position(|c| c.change_id == change_id)
        .ok_or(CHANGE_NOT_FOUND)?;
    let change = site.history.remove(index);
    let entry = site
        .locale_mut(&change.locale)
        .and_then(|locale| locale.entry_mut(&change.content_type, &change.path));
    match (entry, change.undo) {
        (Some(entry), Some(Undo::Content(before))) => entry.content = before,
        (Some(entry), Some(Undo::Metadata(before))) => entry.metadata = before,
        _ => {}
    }
    Ok(Success::deleted())
}

/// Checks the locale and content type of a refresh, import or export.
fn check_target(app: &App, website_id: &str, code: &str, kind: &str) -> Result<(), ApiError> {
    content_type(kind)?;
    let store = app.store();
    locale(site(&store, website_id)?, code).map(|_| ())
}

/// `POST refresh/{locale}/{content_type}` (`{}`): accepted, nothing to do.
async fn request_helpdesk_content_refresh(
    State(app): State<App>,
    Params((website_id, code, kind)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    check_target(&app, &website_id, &code, &kind)?;
    Ok(Success::dispatched(json!({})))
}

/// `POST import/{locale}/{content_type}` (user tier) with `{helpdesk_url,
/// detect_locales?, other_locales?}`: `helpdesk_url` must be an `http(s)`
/// URL; accepted (the fake imports nothing).
async fn import_external_helpdesk_to_locale(
    _user: UserTier,
    State(app): State<App>,
    Params((website_id, code, kind)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let url = required_str(&body, "helpdesk_url")?;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(ApiError::INVALID_DATA);
    }
    optional_bool(&body, "detect_locales")?;
    match body.get("other_locales") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {}
        Some(_) => return Err(ApiError::INVALID_DATA),
    }
    check_target(&app, &website_id, &code, &kind)?;
    Ok(Success::dispatched(json!({})))
}

/// `POST export/{locale}/{content_type}` (user tier, `{}`): accepted.
async fn export_helpdesk_locale_articles(
    _user: UserTier,
    State(app): State<App>,
    Params((website_id, code, kind)): Params<(String, String, String)>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    check_target(&app, &website_id, &code, &kind)?;
    Ok(Success::dispatched(json!({})))
}
