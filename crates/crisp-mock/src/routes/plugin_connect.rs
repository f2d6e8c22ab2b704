//! `plugin/connect/..` routes and the connect-endpoint discovery routes
//! (`plugin/connect/endpoints`, `website/connect/endpoints`,
//! `user/connect/endpoints`).

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, head};
use serde_json::{Value, json};

use crate::date::parse_iso8601_millis;
use crate::extract::{Params, QueryPairs, page_number, paginate};
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;

/// Websites per `websites/all` page.
const WEBSITES_PER_PAGE: usize = 20;

/// The plugin-connect routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/plugin/connect/account", get(get_connect_account))
        .route("/v1/plugin/connect/session", head(check_connect_session_validity))
        .route(
            "/v1/plugin/connect/websites/all/{page_number}",
            get(list_all_connect_websites),
        )
        .route("/v1/plugin/connect/websites/since", get(list_connect_websites_since))
        .route("/v1/plugin/connect/endpoints", get(get_connect_endpoints))
        .route("/v1/website/connect/endpoints", get(get_connect_endpoints))
        .route("/v1/user/connect/endpoints", get(get_connect_endpoints))
        .route(
            "/v1/website/{website_id}/connect/endpoints",
            get(get_website_connect_endpoints),
        )
}

/// `GET plugin/connect/account` -> `{plugin_id}`.
async fn get_connect_account(State(app): State<App>) -> Reply {
    let plugin_id = app.store().plugin_id.clone();
    Ok(Success::resolved(json!({ "plugin_id": plugin_id })))
}

/// `HEAD plugin/connect/session`: 200 (authentication already passed).
async fn check_connect_session_validity() -> Response {
    reply::exists(Ok(()))
}

/// `GET plugin/connect/websites/all/{page_number}` with `filter_configured`
/// and `include_plan` (`"1"`/`"0"`).
async fn list_all_connect_websites(State(app): State<App>, Params(page): Params<String>, query: QueryPairs) -> Reply {
    let page = page_number(&page)?;
    let filter_configured = query.flag("filter_configured")?;
    let include_plan = query.flag("include_plan")?;
    let store = app.store();
    let websites: Vec<Value> = store
        .websites
        .iter()
        .filter(|w| !filter_configured || w.connect.configured)
        .map(|w| w.connect_json(include_plan))
        .collect();
    Ok(Success::resolved(Value::Array(paginate(
        websites,
        page,
        WEBSITES_PER_PAGE,
    ))))
}

/// `GET plugin/connect/websites/since` with `date_since` (ISO 8601; absent
/// means every website), `filter_configured`, `include_plan`: websites
/// connected at or after that date, each with `"difference": "added"`.
async fn list_connect_websites_since(State(app): State<App>, query: QueryPairs) -> Reply {
    let since = match query.get("date_since") {
        None => 0,
        Some(date) => parse_iso8601_millis(date).ok_or(ApiError::INVALID_DATA)?,
    };
    let filter_configured = query.flag("filter_configured")?;
    let include_plan = query.flag("include_plan")?;
    let store = app.store();
    let websites = store
        .websites
        .iter()
        .filter(|w| w.connect.connected_at >= since && (!filter_configured || w.connect.configured))
        .map(|w| {
            let mut item = w.connect_json(include_plan);
            item["difference"] = json!("added");
            item
        })
        .collect();
    Ok(Success::resolved(Value::Array(websites)))
}

/// The RTM endpoints: the fake relay (`http://127.0.0.1:<relay port>/`).
fn endpoints(app: &App) -> Value {
    let url = &app.relay_origin;
    json!({
        "socket": { "app": url, "stream": url },
        "rescue": { "socket": { "app": url, "stream": url } },
    })
}

/// `GET plugin/connect/endpoints`, `GET website/connect/endpoints` and
/// `GET user/connect/endpoints`.
async fn get_connect_endpoints(State(app): State<App>) -> Reply {
    Ok(Success::resolved(endpoints(&app)))
}

/// `GET website/{website_id}/connect/endpoints`.
async fn get_website_connect_endpoints(State(app): State<App>, Params(website_id): Params<String>) -> Reply {
    if app.store().website(&website_id).is_none() {
        return Err(ApiError::WEBSITE_NOT_FOUND);
    }
    Ok(Success::resolved(endpoints(&app)))
}
