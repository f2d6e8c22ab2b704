//! Locale categories and their sections, of the retired API (Node SDK 9.x
//! and 10.x).

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{CATEGORY_NOT_FOUND, PER_PAGE, SECTION_NOT_FOUND, locale, locale_mut, site, site_mut};
use crate::extract::{Params, json_object, optional_str, page_number, paginate, required_str};
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;
use crate::state::Object;
use crate::state::helpdesk::{Category, Locale, Section};

/// The category and section routes.
pub(super) fn routes() -> Router<App> {
    let base = "/v1/website/{website_id}/helpdesk/locale/{locale}";
    Router::new()
        .route(&format!("{base}/categories/{{page_number}}"), get(list_categories))
        .route(&format!("{base}/category"), post(add_category))
        .route(
            &format!("{base}/category/{{category_id}}"),
            get(resolve_category)
                .head(check_category)
                .put(save_category)
                .patch(update_category)
                .delete(delete_category),
        )
        .route(
            &format!("{base}/category/{{category_id}}/sections/{{page_number}}"),
            get(list_sections),
        )
        .route(&format!("{base}/category/{{category_id}}/section"), post(add_section))
        .route(
            &format!("{base}/category/{{category_id}}/section/{{section_id}}"),
            get(resolve_section)
                .head(check_section)
                .put(save_section)
                .patch(update_section)
                .delete(delete_section),
        )
}

/// Path parameters naming one category.
type CategoryParams = (String, String, String);
/// Path parameters naming one section.
type SectionParams = (String, String, String, String);

/// Keeps the string fields `strings` and the integer `order` of a body,
/// checking their types.
fn fields(body: Object, strings: &[&str]) -> Result<Object, ApiError> {
    for key in strings {
        optional_str(&body, key)?;
    }
    if body.get("order").is_some_and(|order| !order.is_u64()) {
        return Err(ApiError::INVALID_DATA);
    }
    Ok(body
        .into_iter()
        .filter(|(key, _)| key == "order" || strings.contains(&key.as_str()))
        .collect())
}

/// The string fields of a category.
const CATEGORY_FIELDS: [&str; 4] = ["name", "description", "color", "image"];

/// Reads a locale and renders from it with `render` (given the helpdesk URL).
fn read(
    app: &App,
    website_id: &str,
    code: &str,
    render: impl FnOnce(&str, &Locale) -> Result<Value, ApiError>,
) -> Result<Value, ApiError> {
    let store = app.store();
    let site = site(&store, website_id)?;
    render(&site.url(), locale(site, code)?)
}

/// Runs `change` on a category, with the current time.
fn change_category<T>(
    app: &App,
    (website_id, code, category_id): &CategoryParams,
    change: impl FnOnce(&mut Category, u64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, website_id)?;
    let now = clock.now();
    let category = locale_mut(site, code)?
        .categories
        .iter_mut()
        .find(|c| c.category_id == *category_id)
        .ok_or(CATEGORY_NOT_FOUND)?;
    let result = change(category, now)?;
    category.updated_at = now;
    Ok(result)
}

/// The category `category_id` of a locale.
fn category<'a>(locale: &'a Locale, category_id: &str) -> Result<&'a Category, ApiError> {
    locale
        .categories
        .iter()
        .find(|c| c.category_id == category_id)
        .ok_or(CATEGORY_NOT_FOUND)
}

/// `GET categories/{page_number}`: in order, then creation order.
async fn list_categories(
    State(app): State<App>,
    Params((website_id, code, page)): Params<(String, String, String)>,
) -> Reply {
    let page = page_number(&page)?;
    let items = read(&app, &website_id, &code, |url, locale| {
        let mut all: Vec<&Category> = locale.categories.iter().collect();
        all.sort_by_key(|c| (c.fields.get("order").and_then(Value::as_u64).unwrap_or(0), c.created_at));
        Ok(Value::Array(
            paginate(all, page, PER_PAGE)
                .into_iter()
                .map(|c| c.to_json(url, &locale.locale))
                .collect(),
        ))
    })?;
    Ok(Success::resolved(items))
}

/// `POST category` with `{name}` -> `{category_id}`.
async fn add_category(
    State(app): State<App>,
    Params((website_id, code)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let name = required_str(&body, "name")?;
    if name.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &website_id)?;
    let now = clock.now();
    let locale = locale_mut(site, &code)?;
    let category = Category::new(name, locale.categories.len() as u64, now);
    let category_id = category.category_id.clone();
    locale.categories.push(category);
    Ok(Success::added(json!({ "category_id": category_id })))
}

/// `HEAD category/{category_id}`: 200 or 404.
async fn check_category(
    State(app): State<App>,
    Params((website_id, code, category_id)): Params<CategoryParams>,
) -> Response {
    reply::exists(
        read(&app, &website_id, &code, |_, locale| {
            category(locale, &category_id).map(|_| Value::Null)
        })
        .map(|_| ()),
    )
}

/// `GET category/{category_id}`.
async fn resolve_category(
    State(app): State<App>,
    Params((website_id, code, category_id)): Params<CategoryParams>,
) -> Reply {
    let found = read(&app, &website_id, &code, |url, locale| {
        Ok(category(locale, &category_id)?.to_json(url, &locale.locale))
    })?;
    Ok(Success::resolved(found))
}

/// `PUT category/{category_id}`: a whole category (`name` required).
async fn save_category(State(app): State<App>, Params(params): Params<CategoryParams>, body: Bytes) -> Reply {
    let fields = fields(json_object(&body)?, &CATEGORY_FIELDS)?;
    required_str(&fields, "name")?;
    change_category(&app, &params, |category, _| {
        category.fields.extend(fields);
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `PATCH category/{category_id}`: the fields sent.
async fn update_category(State(app): State<App>, Params(params): Params<CategoryParams>, body: Bytes) -> Reply {
    let fields = fields(json_object(&body)?, &CATEGORY_FIELDS)?;
    change_category(&app, &params, |category, _| {
        category.fields.extend(fields);
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `DELETE category/{category_id}`: its articles become uncategorized.
async fn delete_category(
    State(app): State<App>,
    Params((website_id, code, category_id)): Params<CategoryParams>,
) -> Reply {
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    let locale = locale_mut(site, &code)?;
    let before = locale.categories.len();
    locale.categories.retain(|c| c.category_id != category_id);
    if locale.categories.len() == before {
        return Err(CATEGORY_NOT_FOUND);
    }
    for article in &mut locale.articles {
        if article.category.as_ref().is_some_and(|(id, _)| *id == category_id) {
            article.category = None;
        }
    }
    Ok(Success::deleted())
}

/// `GET category/{category_id}/sections/{page_number}`: in order, then
/// creation order.
async fn list_sections(
    State(app): State<App>,
    Params((website_id, code, category_id, page)): Params<SectionParams>,
) -> Reply {
    let page = page_number(&page)?;
    let items = read(&app, &website_id, &code, |_, locale| {
        let mut all: Vec<&Section> = category(locale, &category_id)?.sections.iter().collect();
        all.sort_by_key(|s| (s.fields.get("order").and_then(Value::as_u64).unwrap_or(0), s.created_at));
        Ok(Value::Array(
            paginate(all, page, PER_PAGE)
                .into_iter()
                .map(Section::to_json)
                .collect(),
        ))
    })?;
    Ok(Success::resolved(items))
}

/// `POST category/{category_id}/section` with `{name}` -> `{section_id}`.
async fn add_section(State(app): State<App>, Params(params): Params<CategoryParams>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let name = required_str(&body, "name")?.to_owned();
    if name.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let section_id = change_category(&app, &params, |category, now| {
        let section = Section::new(&name, category.sections.len() as u64, now);
        let section_id = section.section_id.clone();
        category.sections.push(section);
        Ok(section_id)
    })?;
    Ok(Success::added(json!({ "section_id": section_id })))
}

/// Runs `change` on a section, with the current time.
fn change_section<T>(
    app: &App,
    (website_id, code, category_id, section_id): SectionParams,
    change: impl FnOnce(&mut Category, usize, u64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    change_category(app, &(website_id, code, category_id), |category, now| {
        let index = category
            .sections
            .iter()
            .position(|s| s.section_id == section_id)
            .ok_or(SECTION_NOT_FOUND)?;
        change(category, index, now)
    })
}

/// The section `section_id` of a category, rendered.
fn section(locale: &Locale, category_id: &str, section_id: &str) -> Result<Value, ApiError> {
    category(locale, category_id)?
        .sections
        .iter()
        .find(|s| s.section_id == section_id)
        .map(Section::to_json)
        .ok_or(SECTION_NOT_FOUND)
}

/// `HEAD category/{category_id}/section/{section_id}`: 200 or 404.
async fn check_section(
    State(app): State<App>,
    Params((website_id, code, category_id, section_id)): Params<SectionParams>,
) -> Response {
    reply::exists(
        read(&app, &website_id, &code, |_, locale| {
            section(locale, &category_id, &section_id)
        })
        .map(|_| ()),
    )
}

/// `GET category/{category_id}/section/{section_id}`.
async fn resolve_section(
    State(app): State<App>,
    Params((website_id, code, category_id, section_id)): Params<SectionParams>,
) -> Reply {
    let found = read(&app, &website_id, &code, |_, locale| {
        section(locale, &category_id, &section_id)
    })?;
    Ok(Success::resolved(found))
}

/// `PUT category/{category_id}/section/{section_id}`: a whole section
/// (`name` required).
async fn save_section(State(app): State<App>, Params(params): Params<SectionParams>, body: Bytes) -> Reply {
    let fields = fields(json_object(&body)?, &["name"])?;
    required_str(&fields, "name")?;
    change_section(&app, params, |category, index, now| {
        category.sections[index].fields.extend(fields);
        category.sections[index].updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `PATCH category/{category_id}/section/{section_id}`: the fields sent.
async fn update_section(State(app): State<App>, Params(params): Params<SectionParams>, body: Bytes) -> Reply {
    let fields = fields(json_object(&body)?, &["name"])?;
    change_section(&app, params, |category, index, now| {
        category.sections[index].fields.extend(fields);
        category.sections[index].updated_at = now;
        Ok(())
    })?;
    Ok(Success::updated())
}

/// `DELETE category/{category_id}/section/{section_id}`.
async fn delete_section(State(app): State<App>, Params(params): Params<SectionParams>) -> Reply {
    change_section(&app, params, |category, index, _| {
        category.sections.remove(index);
        Ok(())
    })?;
    Ok(Success::deleted())
}
