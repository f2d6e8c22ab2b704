//! The REST routes under `/v1/`, one module per Crisp resource group.

use axum::Router;
use axum::response::IntoResponse;

use crate::reply::ApiError;
use crate::server::App;

pub(crate) mod batch;
pub(crate) mod bucket_media;
pub(crate) mod conversation;
pub(crate) mod filter;
pub(crate) mod helpdesk;
pub(crate) mod people;
pub(crate) mod plan;
pub(crate) mod plugin_connect;
pub(crate) mod plugin_subscription;
pub(crate) mod user;
pub(crate) mod website;

/// Every route, with Crisp's `404 not_found` envelope for unknown routes and
/// for known paths called with an unsupported method.
pub(crate) fn router(app: App) -> Router {
    Router::new()
        .merge(conversation::routes())
        .merge(people::routes())
        .merge(batch::routes())
        .merge(helpdesk::routes())
        .merge(plugin_connect::routes())
        .merge(plugin_subscription::routes())
        .merge(plan::routes())
        .merge(bucket_media::routes())
        .merge(user::routes())
        .merge(website::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .with_state(app)
}

async fn not_found() -> axum::response::Response {
    ApiError::NOT_FOUND.into_response()
}
