//! The helpdesk itself and its locales.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::Value;

use super::{HELPDESK_EXISTS, LOCALE_EXISTS, PER_PAGE, UserTier, locale, site, site_mut};
use crate::extract::{Params, json_object, optional_object, page_number, paginate, required_str};
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;
use crate::state::helpdesk::{Helpdesk, Locale};

/// The helpdesk and locale routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/helpdesk",
            get(resolve_helpdesk)
                .head(check_helpdesk_exists)
                .post(initialize_helpdesk)
                .delete(delete_helpdesk),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/locales/{page_number}",
            get(list_helpdesk_locales),
        )
        .route("/v1/website/{website_id}/helpdesk/locale", post(add_helpdesk_locale))
        .route(
            "/v1/website/{website_id}/helpdesk/locale/{locale}",
            get(resolve_helpdesk_locale)
                .head(check_helpdesk_locale_exists)
                .delete(delete_helpdesk_locale),
        )
}

/// Whether `text` is a usable sub-domain label: lowercase letters, digits
/// and inner dashes.
fn valid_basic(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `HEAD helpdesk`: 200 once initialized, else 404.
async fn check_helpdesk_exists(State(app): State<App>, Params(website_id): Params<String>) -> Response {
    reply::exists(site(&app.store(), &website_id).map(|_| ()))
}

/// `GET helpdesk` -> `{name, url}`.
async fn resolve_helpdesk(State(app): State<App>, Params(website_id): Params<String>) -> Reply {
    Ok(Success::resolved(site(&app.store(), &website_id)?.to_json()))
}

/// `POST helpdesk` with `{name, domain_basic}` (user tier): creates the
/// helpdesk with one locale, `en`; `409 helpdesk_exists` when there is one.
async fn initialize_helpdesk(
    _user: UserTier,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let name = required_str(&body, "name")?;
    let basic = required_str(&body, "domain_basic")?;
    if name.trim().is_empty() || !valid_basic(basic) {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    if website.helpdesk.site.is_some() {
        return Err(HELPDESK_EXISTS);
    }
    website.helpdesk.site = Some(Helpdesk::new(name, basic));
    Ok(Success::added(Value::Object(Default::default())))
}

/// `DELETE helpdesk` with `{verify: {method, secret}}` (user tier): removes
/// the helpdesk and all its content.
async fn delete_helpdesk(
    _user: UserTier,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let verify = optional_object(&body, "verify")?.ok_or(ApiError::INVALID_DATA)?;
    let method = required_str(verify, "method")?;
    let secret = required_str(verify, "secret")?;
    if !matches!(method, "password" | "token" | "google") || secret.is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    website.helpdesk.site.take().ok_or(super::HELPDESK_NOT_FOUND)?;
    Ok(Success::deleted())
}

/// `GET helpdesk/locales/{page_number}`: locales in creation order.
async fn list_helpdesk_locales(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> Reply {
    let page = page_number(&page)?;
    let store = app.store();
    let site = site(&store, &website_id)?;
    let url = site.url();
    let locales = paginate(site.locales.iter().collect(), page, PER_PAGE)
        .into_iter()
        .map(|locale: &Locale| locale.to_json(&url))
        .collect();
    Ok(Success::resolved(Value::Array(locales)))
}

/// `POST helpdesk/locale` with `{locale}`: `409 locale_exists` when present.
async fn add_helpdesk_locale(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let code = required_str(&body, "locale")?.to_lowercase();
    let valid = !code.is_empty() && code.len() <= 10 && code.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
    if !valid {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    if site.locale(&code).is_some() {
        return Err(LOCALE_EXISTS);
    }
    site.locales.push(Locale::new(&code));
    Ok(Success::added(Value::Object(Default::default())))
}

/// `HEAD helpdesk/locale/{locale}`: 200 or 404.
async fn check_helpdesk_locale_exists(
    State(app): State<App>,
    Params((website_id, code)): Params<(String, String)>,
) -> Response {
    let store = app.store();
    reply::exists(site(&store, &website_id).and_then(|site| locale(site, &code).map(|_| ())))
}

/// `GET helpdesk/locale/{locale}`.
async fn resolve_helpdesk_locale(
    State(app): State<App>,
    Params((website_id, code)): Params<(String, String)>,
) -> Reply {
    let store = app.store();
    let site = site(&store, &website_id)?;
    Ok(Success::resolved(locale(site, &code)?.to_json(&site.url())))
}

/// `DELETE helpdesk/locale/{locale}`: the locale and all its content.
async fn delete_helpdesk_locale(State(app): State<App>, Params((website_id, code)): Params<(String, String)>) -> Reply {
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    let before = site.locales.len();
    site.locales.retain(|l| l.locale != code);
    if site.locales.len() == before {
        return Err(super::LOCALE_NOT_FOUND);
    }
    Ok(Success::deleted())
}
