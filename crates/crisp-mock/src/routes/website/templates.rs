//! Campaign templates: list (with the Go SDK's filters), create, check,
//! get, save, update, remove. Crisp's own (`static`) templates are read-only
//! (`403 not_allowed`).

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{AdminReply, Fail, PER_PAGE, exists, required_text, site};
use crate::extract::{Params, QueryPairs, json_object, optional_str, page_number, paginate};
use crate::ids;
use crate::reply::{ApiError, Success};
use crate::server::App;
use crate::state::Object;
use crate::state::admin::Template;

/// The template routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/campaigns/templates/{page_number}",
            get(list_campaign_templates),
        )
        .route(
            "/v1/website/{website_id}/campaigns/template",
            post(create_new_campaign_template),
        )
        .route(
            "/v1/website/{website_id}/campaigns/template/{template_id}",
            get(get_campaign_template)
                .head(check_campaign_template_exists)
                .put(save_campaign_template)
                .patch(update_campaign_template)
                .delete(remove_campaign_template),
        )
}

/// A template format, else `400 invalid_data`.
fn format(value: &str) -> Result<&str, Fail> {
    match value {
        "markdown" | "text" | "html" => Ok(value),
        _ => Err(ApiError::INVALID_DATA.into()),
    }
}

/// `GET campaigns/templates/{page_number}`: newest first; `search_name`
/// (substring, case-insensitive); `filter_type_static` / `filter_type_custom`
/// keep the templates of any type flagged `1`.
async fn list_campaign_templates(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
    query: QueryPairs,
) -> AdminReply {
    let page = page_number(&page)?;
    let name = query.get("search_name").map(str::to_lowercase);
    let (only_static, only_custom) = (query.flag("filter_type_static")?, query.flag("filter_type_custom")?);
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let templates = website
        .admin
        .templates
        .iter()
        .rev()
        .filter(|t| name.as_ref().is_none_or(|name| t.name.to_lowercase().contains(name)))
        .filter(|t| {
            !(only_static || only_custom) || (only_static && t.kind == "static") || (only_custom && t.kind == "custom")
        })
        .map(Template::excerpt_json)
        .collect();
    Ok(Success::resolved(Value::Array(paginate(templates, page, PER_PAGE))))
}

/// `POST campaigns/template {format, name}` -> `{template_id}` (a custom
/// template with no content).
async fn create_new_campaign_template(
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let format = format(required_text(&body, "format")?)?.to_owned();
    let name = required_text(&body, "name")?.to_owned();
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    let now = clock.now();
    let template_id = ids::uuid();
    website.admin.templates.push(Template {
        template_id: template_id.clone(),
        kind: "custom".to_owned(),
        name,
        format,
        content: String::new(),
        created_at: now,
        updated_at: now,
    });
    Ok(Success::added(json!({ "template_id": template_id })))
}

/// `HEAD campaigns/template/{template_id}`.
async fn check_campaign_template_exists(
    State(app): State<App>,
    Params((website_id, template_id)): Params<(String, String)>,
) -> Response {
    let mut store = app.store();
    exists(site(&mut store, &website_id).and_then(|(website, _)| {
        website
            .admin
            .template(&template_id)
            .map(|_| ())
            .ok_or(Fail::TEMPLATE_NOT_FOUND)
    }))
}

/// `GET campaigns/template/{template_id}`.
async fn get_campaign_template(
    State(app): State<App>,
    Params((website_id, template_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let template = website.admin.template(&template_id).ok_or(Fail::TEMPLATE_NOT_FOUND)?;
    Ok(Success::resolved(template.item_json()))
}

/// Changes a custom template: with `replace`, `name` and `format` are
/// required and a missing `content` empties it; otherwise only what is sent
/// changes. `type`, ids and dates in the body are ignored.
fn edit(app: &App, website_id: &str, template_id: &str, body: &Bytes, replace: bool) -> AdminReply {
    let body: Object = json_object(body)?;
    let name = if replace || body.contains_key("name") {
        Some(required_text(&body, "name")?.to_owned())
    } else {
        None
    };
    let format = if replace || body.contains_key("format") {
        Some(format(required_text(&body, "format")?)?.to_owned())
    } else {
        None
    };
    let content = optional_str(&body, "content")?.map(str::to_owned);
    let mut store = app.store();
    let (website, clock) = site(&mut store, website_id)?;
    let now = clock.now();
    let template = website
        .admin
        .template_mut(template_id)
        .ok_or(Fail::TEMPLATE_NOT_FOUND)?;
    if template.kind == "static" {
        return Err(ApiError::NOT_ALLOWED.into());
    }
    if let Some(name) = name {
        template.name = name;
    }
    if let Some(format) = format {
        template.format = format;
    }
    match (content, replace) {
        (Some(content), _) => template.content = content,
        (None, true) => template.content.clear(),
        (None, false) => {}
    }
    template.updated_at = now;
    Ok(Success::updated())
}

/// `PUT campaigns/template/{template_id}`.
async fn save_campaign_template(
    State(app): State<App>,
    Params((website_id, template_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    edit(&app, &website_id, &template_id, &body, true)
}

/// `PATCH campaigns/template/{template_id}`.
async fn update_campaign_template(
    State(app): State<App>,
    Params((website_id, template_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    edit(&app, &website_id, &template_id, &body, false)
}

/// `DELETE campaigns/template/{template_id}`.
async fn remove_campaign_template(
    State(app): State<App>,
    Params((website_id, template_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let template = website.admin.template(&template_id).ok_or(Fail::TEMPLATE_NOT_FOUND)?;
    if template.kind == "static" {
        return Err(ApiError::NOT_ALLOWED.into());
    }
    website.admin.templates.retain(|t| t.template_id != template_id);
    Ok(Success::deleted())
}
