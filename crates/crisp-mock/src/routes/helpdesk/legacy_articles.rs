//! Locale articles of the retired API (Node SDK 9.x and 10.x): articles,
//! their page, category, alternates and publication. Kept apart from the
//! content trees, as Crisp kept them.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{
    ALTERNATE_NOT_FOUND, ARTICLE_NOT_FOUND, CATEGORY_NOT_FOUND, LOCALE_NOT_FOUND, PER_PAGE, SECTION_NOT_FOUND,
    date_filter, locale, locale_mut, site, site_mut, within,
};
use crate::extract::{
    Params, QueryPairs, json_object, optional_bool, optional_str, page_number, paginate, required_str,
};
use crate::reply::{self, ApiError, Reply, Success};
use crate::server::App;
use crate::state::Object;
use crate::state::helpdesk::{Article, Locale};

/// The locale article routes.
pub(super) fn routes() -> Router<App> {
    let base = "/v1/website/{website_id}/helpdesk/locale/{locale}";
    Router::new()
        .route(&format!("{base}/articles/{{page_number}}"), get(list_articles))
        .route(&format!("{base}/article"), post(add_article))
        .route(
            &format!("{base}/article/{{article_id}}"),
            get(resolve_article)
                .head(check_article)
                .put(save_article)
                .patch(update_article)
                .delete(delete_article),
        )
        .route(&format!("{base}/article/{{article_id}}/page"), get(resolve_page))
        .route(
            &format!("{base}/article/{{article_id}}/category"),
            get(resolve_category).patch(update_category),
        )
        .route(
            &format!("{base}/article/{{article_id}}/alternates"),
            get(list_alternates),
        )
        .route(
            &format!("{base}/article/{{article_id}}/alternate/{{locale_linked}}"),
            get(resolve_alternate)
                .head(check_alternate)
                .put(save_alternate)
                .delete(delete_alternate),
        )
        .route(&format!("{base}/article/{{article_id}}/publish"), post(publish))
        .route(&format!("{base}/article/{{article_id}}/unpublish"), post(unpublish))
}

/// Path parameters naming one article.
type ArticleParams = (String, String, String);

/// Reads an article and renders it with `render` (given the helpdesk URL and
/// the locale).
fn read(
    app: &App,
    (website_id, code, article_id): &ArticleParams,
    render: impl FnOnce(&str, &Locale, &Article) -> Result<Value, ApiError>,
) -> Reply {
    let store = app.store();
    let site = site(&store, website_id)?;
    let locale = locale(site, code)?;
    let article = locale
        .articles
        .iter()
        .find(|a| a.article_id == *article_id)
        .ok_or(ARTICLE_NOT_FOUND)?;
    Ok(Success::resolved(render(&site.url(), locale, article)?))
}

/// Changes an article with `change` (given the current time and the
/// helpdesk URL) and returns what `change` returns.
fn change(
    app: &App,
    (website_id, code, article_id): &ArticleParams,
    change: impl FnOnce(&mut Article, u64, &str) -> Result<Value, ApiError>,
) -> Result<Value, ApiError> {
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, website_id)?;
    let now = clock.now();
    let url = site.url();
    let article = locale_mut(site, code)?
        .articles
        .iter_mut()
        .find(|a| a.article_id == *article_id)
        .ok_or(ARTICLE_NOT_FOUND)?;
    let answer = change(article, now, &url)?;
    article.updated_at = now;
    Ok(answer)
}

/// Checks article fields (`title`, `description` (or `null`), `content`
/// strings, `featured` boolean, `order` integer, `visibility` `visible` /
/// `hidden`) and returns them.
fn article_fields(body: Object) -> Result<Object, ApiError> {
    for key in ["title", "description", "content"] {
        optional_str(&body, key)?;
    }
    optional_bool(&body, "featured")?;
    if body.get("order").is_some_and(|order| !order.is_u64()) {
        return Err(ApiError::INVALID_DATA);
    }
    if !matches!(optional_str(&body, "visibility")?, None | Some("visible" | "hidden")) {
        return Err(ApiError::INVALID_DATA);
    }
    Ok(body
        .into_iter()
        .filter(|(key, _)| {
            matches!(
                key.as_str(),
                "title" | "description" | "content" | "featured" | "order" | "visibility"
            )
        })
        .collect())
}

/// `GET articles/{page_number}`: in order, then creation order; filters
/// `search_title`, `filter_category_id`, `filter_section_id`,
/// `filter_status_published` / `_draft`, `filter_visibility_visible` /
/// `_hidden` (either flag of a pair alone keeps that kind),
/// `filter_date_start` / `_end` (last change); `order_visits` is accepted
/// (the fake counts no visits).
async fn list_articles(
    State(app): State<App>,
    Params((website_id, code, page)): Params<(String, String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    query.flag("order_visits")?;
    let (published, draft) = (
        query.flag("filter_status_published")?,
        query.flag("filter_status_draft")?,
    );
    let (visible, hidden) = (
        query.flag("filter_visibility_visible")?,
        query.flag("filter_visibility_hidden")?,
    );
    let start = date_filter(query.get("filter_date_start"))?;
    let end = date_filter(query.get("filter_date_end"))?;
    let needle = query.get("search_title").map(str::to_lowercase);
    let category = query.get("filter_category_id");
    let section = query.get("filter_section_id");
    let store = app.store();
    let site = site(&store, &website_id)?;
    let locale = locale(site, &code)?;
    let mut matching: Vec<&Article> = locale
        .articles
        .iter()
        .filter(|a| published == draft || a.published == published)
        .filter(|a| visible == hidden || (a.text("visibility") == "hidden") == hidden)
        .filter(|a| within(a.updated_at, start, end))
        .filter(|a| {
            needle
                .as_ref()
                .is_none_or(|needle| a.text("title").to_lowercase().contains(needle.as_str()))
        })
        .filter(|a| category.is_none_or(|c| a.category.as_ref().is_some_and(|(id, _)| id == c)))
        .filter(|a| section.is_none_or(|s| a.category.as_ref().is_some_and(|(_, id)| id.as_deref() == Some(s))))
        .collect();
    matching.sort_by_key(|a| (a.fields.get("order").and_then(Value::as_u64).unwrap_or(0), a.created_at));
    let url = site.url();
    let items = paginate(matching, page, PER_PAGE)
        .into_iter()
        .map(|a| a.to_json(&url, &locale.locale, false))
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// `POST article` with `{title}` -> `{article_id}` (a draft).
async fn add_article(
    State(app): State<App>,
    Params((website_id, code)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let title = required_str(&body, "title")?;
    if title.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &website_id)?;
    let now = clock.now();
    let locale = locale_mut(site, &code)?;
    let article = Article::new(title, locale.articles.len() as u64, now);
    let article_id = article.article_id.clone();
    locale.articles.push(article);
    Ok(Success::added(json!({ "article_id": article_id })))
}

/// `HEAD article/{article_id}`: 200 or 404.
async fn check_article(State(app): State<App>, Params(params): Params<ArticleParams>) -> Response {
    reply::exists(read(&app, &params, |_, _, _| Ok(Value::Null)).map(|_| ()))
}

/// `GET article/{article_id}`, with its content.
async fn resolve_article(State(app): State<App>, Params(params): Params<ArticleParams>) -> Reply {
    read(&app, &params, |url, locale, article| {
        Ok(article.to_json(url, &locale.locale, true))
    })
}

/// `PUT article/{article_id}`: a whole article (`title` required).
async fn save_article(State(app): State<App>, Params(params): Params<ArticleParams>, body: Bytes) -> Reply {
    let fields = article_fields(json_object(&body)?)?;
    required_str(&fields, "title")?;
    change(&app, &params, |article, _, _| {
        article.fields.extend(fields);
        Ok(Value::Null)
    })?;
    Ok(Success::updated())
}

/// `PATCH article/{article_id}`: the fields sent.
async fn update_article(State(app): State<App>, Params(params): Params<ArticleParams>, body: Bytes) -> Reply {
    let fields = article_fields(json_object(&body)?)?;
    change(&app, &params, |article, _, _| {
        article.fields.extend(fields);
        Ok(Value::Null)
    })?;
    Ok(Success::updated())
}

/// `DELETE article/{article_id}`.
async fn delete_article(
    State(app): State<App>,
    Params((website_id, code, article_id)): Params<ArticleParams>,
) -> Reply {
    let mut store = app.store();
    let (site, _) = site_mut(&mut store, &website_id)?;
    let locale = locale_mut(site, &code)?;
    let before = locale.articles.len();
    locale.articles.retain(|a| a.article_id != article_id);
    if locale.articles.len() == before {
        return Err(ARTICLE_NOT_FOUND);
    }
    Ok(Success::deleted())
}

/// `GET article/{article_id}/page` -> `{title, url}`.
async fn resolve_page(State(app): State<App>, Params(params): Params<ArticleParams>) -> Reply {
    read(&app, &params, |url, locale, article| {
        Ok(json!({ "title": article.text("title"), "url": article.url(url, &locale.locale) }))
    })
}

/// `GET article/{article_id}/category` -> `{category_id, section_id}` (`{}`
/// when uncategorized).
async fn resolve_category(State(app): State<App>, Params(params): Params<ArticleParams>) -> Reply {
    read(&app, &params, |_, _, article| {
        Ok(match &article.category {
            Some((category_id, section_id)) => json!({ "category_id": category_id, "section_id": section_id }),
            None => json!({}),
        })
    })
}

/// `PATCH article/{article_id}/category` with `{category_id, section_id?}`:
/// both must exist in the locale (`category_not_found`, `section_not_found`).
async fn update_category(
    State(app): State<App>,
    Params((website_id, code, article_id)): Params<ArticleParams>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let category_id = required_str(&body, "category_id")?.to_owned();
    let section_id = optional_str(&body, "section_id")?.map(str::to_owned);
    {
        let store = app.store();
        let locale = locale(site(&store, &website_id)?, &code)?;
        let category = locale
            .categories
            .iter()
            .find(|c| c.category_id == category_id)
            .ok_or(CATEGORY_NOT_FOUND)?;
        if let Some(section_id) = &section_id
            && !category.sections.iter().any(|s| s.section_id == *section_id)
        {
            return Err(SECTION_NOT_FOUND);
        }
    }
    change(&app, &(website_id, code, article_id), |article, _, _| {
        article.category = Some((category_id, section_id));
        Ok(Value::Null)
    })?;
    Ok(Success::updated())
}

/// `GET article/{article_id}/alternates` -> `[{locale, article_id}]`.
async fn list_alternates(State(app): State<App>, Params(params): Params<ArticleParams>) -> Reply {
    read(&app, &params, |_, _, article| {
        Ok(Value::Array(
            article
                .alternates
                .iter()
                .map(|(locale, article_id)| json!({ "locale": locale, "article_id": article_id }))
                .collect(),
        ))
    })
}

/// The alternate of `article` in `linked`, or `alternate_not_found`.
fn alternate(article: &Article, linked: &str) -> Result<Value, ApiError> {
    article
        .alternates
        .get(linked)
        .map(|article_id| json!({ "locale": linked, "article_id": article_id }))
        .ok_or(ALTERNATE_NOT_FOUND)
}

/// `HEAD article/{article_id}/alternate/{locale_linked}`: 200 or 404.
async fn check_alternate(
    State(app): State<App>,
    Params((website_id, code, article_id, linked)): Params<(String, String, String, String)>,
) -> Response {
    let params = (website_id, code, article_id);
    reply::exists(read(&app, &params, |_, _, article| alternate(article, &linked)).map(|_| ()))
}

/// `GET article/{article_id}/alternate/{locale_linked}`.
async fn resolve_alternate(
    State(app): State<App>,
    Params((website_id, code, article_id, linked)): Params<(String, String, String, String)>,
) -> Reply {
    let params = (website_id, code, article_id);
    read(&app, &params, |_, _, article| alternate(article, &linked))
}

/// `PUT article/{article_id}/alternate/{locale_linked}` with `{article_id}`:
/// an article of the linked locale (`locale_not_found`, `article_not_found`).
async fn save_alternate(
    State(app): State<App>,
    Params((website_id, code, article_id, linked)): Params<(String, String, String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let linked_article = required_str(&body, "article_id")?.to_owned();
    {
        let store = app.store();
        let other = site(&store, &website_id)?.locale(&linked).ok_or(LOCALE_NOT_FOUND)?;
        if !other.articles.iter().any(|a| a.article_id == linked_article) {
            return Err(ARTICLE_NOT_FOUND);
        }
    }
    change(&app, &(website_id, code, article_id), |article, _, _| {
        article.alternates.insert(linked, linked_article);
        Ok(Value::Null)
    })?;
    Ok(Success::updated())
}

/// `DELETE article/{article_id}/alternate/{locale_linked}`.
async fn delete_alternate(
    State(app): State<App>,
    Params((website_id, code, article_id, linked)): Params<(String, String, String, String)>,
) -> Reply {
    change(&app, &(website_id, code, article_id), |article, _, _| {
        article
            .alternates
            .remove(&linked)
            .map(|_| Value::Null)
            .ok_or(ALTERNATE_NOT_FOUND)
    })?;
    Ok(Success::deleted())
}

/// `POST article/{article_id}/publish` -> `{url}`.
async fn publish(
    State(app): State<App>,
    Params((website_id, code, article_id)): Params<ArticleParams>,
    body: Bytes,
) -> Reply {
    json_object(&body)?;
    let locale_code = code.clone();
    let url = change(&app, &(website_id, code, article_id), |article, now, site_url| {
        article.published = true;
        article.published_at = Some(now);
        Ok(json!(article.url(site_url, &locale_code)))
    })?;
    Ok(Success::dispatched(json!({ "url": url })))
}

/// `POST article/{article_id}/unpublish`: back to draft.
async fn unpublish(State(app): State<App>, Params(params): Params<ArticleParams>, body: Bytes) -> Reply {
    json_object(&body)?;
    change(&app, &params, |article, _, _| {
        article.published = false;
        Ok(Value::Null)
    })?;
    Ok(Success::updated())
}
