//! The content trees: tree list, pages, and each entry's path, content,
//! metadata and page. Every change is recorded in the history.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use bytes::Bytes;
use http::Uri;
use serde_json::{Value, json};

use super::{
    PAGE_NOT_FOUND, PATH_EXISTS, PATH_NOT_FOUND, PER_PAGE, content_type, date_filter, locale, locale_mut, site,
    site_mut, text_tree_path, tree_segments, within,
};
use crate::extract::{
    Params, QueryPairs, json_object, optional_bool, optional_object, optional_str, page_number, paginate, required_str,
};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::helpdesk::{Change, ChangeKind, Entry, Helpdesk, Locale, Undo};
use crate::state::{Object, deep_merge};

/// The path parameters of a tree-path route (the wildcard is re-read from
/// the raw URI, segment by segment).
type TreeParams = (String, String, String, String);

/// How many URL path segments precede `{tree_path}` (from the empty one
/// before `/v1`): `/v1/website/{w}/helpdesk/tree/<kind>/{locale}/{content_type}`.
const TREE_PATH_SKIP: usize = 9;

/// The content tree routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}",
            get(list_helpdesk_pages),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}",
            get(resolve_helpdesk_page_entity),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}",
            get(list_helpdesk_tree),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{*tree_path}",
            get(resolve_helpdesk_tree_path)
                .post(create_helpdesk_tree_path)
                .patch(update_helpdesk_tree_path)
                .delete(delete_helpdesk_tree_path),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{*tree_path}",
            get(resolve_helpdesk_tree_content).put(save_helpdesk_tree_content),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{*tree_path}",
            get(resolve_helpdesk_tree_metadata).patch(update_helpdesk_tree_metadata),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{*tree_path}",
            get(resolve_helpdesk_tree_page),
        )
}

/// A tree-path request, checked: website, locale code, content type and the
/// decoded tree path.
struct Target {
    website_id: String,
    locale: String,
    content_type: &'static str,
    path: Vec<String>,
}

impl Target {
    fn new(params: TreeParams, uri: &Uri) -> Result<Self, ApiError> {
        let (website_id, locale, content_type_segment, _) = params;
        Ok(Self {
            content_type: content_type(&content_type_segment)?,
            path: tree_segments(uri.path(), TREE_PATH_SKIP)?,
            website_id,
            locale,
        })
    }
}

/// Reads the entry `target` names and renders it with `render`.
fn read(app: &App, target: &Target, render: impl FnOnce(&Helpdesk, &Locale, &Entry) -> Value) -> Reply {
    let store = app.store();
    let site = site(&store, &target.website_id)?;
    let locale = locale(site, &target.locale)?;
    let entry = locale.entry(target.content_type, &target.path).ok_or(PATH_NOT_FOUND)?;
    Ok(Success::resolved(render(site, locale, entry)))
}

/// Lines added and removed from `before` to `after` (common leading and
/// trailing lines do not count).
fn line_edits(before: &str, after: &str) -> (u64, u64) {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (
        (new.len() - prefix - suffix) as u64,
        (old.len() - prefix - suffix) as u64,
    )
}

/// Appends a change of `entry` to the helpdesk history.
fn record(site: &mut Helpdesk, locale: &str, entry: &Entry, kind: ChangeKind, undo: Option<Undo>, now: u64) {
    let edits = match (&kind, &undo) {
        (ChangeKind::Added, _) => line_edits("", &entry.content),
        (ChangeKind::Deleted, _) => line_edits(&entry.content, ""),
        (_, Some(Undo::Content(before))) => line_edits(before, &entry.content),
        _ => (0, 0),
    };
    site.history.push(Change {
        change_id: ids::uuid(),
        locale: locale.to_owned(),
        content_type: entry.content_type.clone(),
        path: entry.path.clone(),
        kind,
        edits,
        metadata: entry.metadata.clone(),
        content: entry.content.clone(),
        undo,
        created_at: now,
    });
}

/// Creates the missing folders above `path` (as unpublished entries).
fn create_ancestors(locale: &mut Locale, content_type: &str, path: &[String], now: u64) {
    for depth in 1..path.len() {
        let ancestor = &path[..depth];
        if locale.entry(content_type, ancestor).is_none() {
            let position = locale.children(content_type, &ancestor[..depth - 1]).len() as u64;
            locale
                .entries
                .push(Entry::new(content_type, ancestor.to_vec(), position, now));
        }
    }
}

/// `GET page/list/{locale}/{content_type}/{page_number}`: the pages (entries
/// with nothing below them) of the tree, depth first.
async fn list_helpdesk_pages(
    State(app): State<App>,
    Params((website_id, code, kind, page)): Params<(String, String, String, String)>,
) -> Reply {
    let page = page_number(&page)?;
    let kind = content_type(&kind)?;
    let store = app.store();
    let site = site(&store, &website_id)?;
    let locale = locale(site, &code)?;
    let url = site.url();
    let pages: Vec<&Entry> = locale.walk(kind).into_iter().filter(|e| !locale.is_folder(e)).collect();
    let items = paginate(pages, page, PER_PAGE)
        .into_iter()
        .map(|entry| entry.page_json(&url, &locale.locale))
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// `GET page/entity/{locale}/{content_type}/{entity_id}`.
async fn resolve_helpdesk_page_entity(
    State(app): State<App>,
    Params((website_id, code, kind, entity_id)): Params<(String, String, String, String)>,
) -> Reply {
    let kind = content_type(&kind)?;
    let store = app.store();
    let site = site(&store, &website_id)?;
    let locale = locale(site, &code)?;
    let entry = locale
        .entries
        .iter()
        .find(|e| e.content_type == kind && e.entity_id == entity_id)
        .ok_or(PAGE_NOT_FOUND)?;
    Ok(Success::resolved(entry.page_json(&site.url(), &locale.locale)))
}

/// `GET tree/list/{locale}/{content_type}/{page_number}`: the entries right
/// below `sub_path` (the root by default), each with its children; with
/// `search_title`, every entry below whose title contains it
/// (case-insensitive); `filter_date_start` / `filter_date_end` keep entries
/// changed in that range.
async fn list_helpdesk_tree(
    State(app): State<App>,
    Params((website_id, code, kind, page)): Params<(String, String, String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let kind = content_type(&kind)?;
    let parent = text_tree_path(query.get("sub_path").unwrap_or_default())?;
    let needle = query.get("search_title").map(str::to_lowercase);
    let start = date_filter(query.get("filter_date_start"))?;
    let end = date_filter(query.get("filter_date_end"))?;
    let store = app.store();
    let site = site(&store, &website_id)?;
    let locale = locale(site, &code)?;
    if !parent.is_empty() && locale.entry(kind, &parent).is_none() {
        return Err(PATH_NOT_FOUND);
    }
    let candidates: Vec<&Entry> = match &needle {
        None => locale.children(kind, &parent),
        Some(needle) => locale
            .walk(kind)
            .into_iter()
            .filter(|e| e.path.len() > parent.len() && e.path.starts_with(&parent))
            .filter(|e| e.title().to_lowercase().contains(needle.as_str()))
            .collect(),
    };
    let matching: Vec<&Entry> = candidates
        .into_iter()
        .filter(|e| within(e.updated_at, start, end))
        .collect();
    let items = paginate(matching, page, PER_PAGE)
        .into_iter()
        .map(|entry| locale.tree_json(entry))
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// `POST tree/path/..`: creates an unpublished, empty entry titled after its
/// slug (and the missing folders above it); `409 path_exists` when taken.
async fn create_helpdesk_tree_path(
    State(app): State<App>,
    Params(params): Params<TreeParams>,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let target = Target::new(params, &uri)?;
    json_object(&body)?;
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &target.website_id)?;
    let now = clock.now();
    let locale = locale_mut(site, &target.locale)?;
    if locale.entry(target.content_type, &target.path).is_some() {
        return Err(PATH_EXISTS);
    }
    create_ancestors(locale, target.content_type, &target.path, now);
    let parent = &target.path[..target.path.len() - 1];
    let position = locale.children(target.content_type, parent).len() as u64;
    let entry = Entry::new(target.content_type, target.path.clone(), position, now);
    locale.entries.push(entry.clone());
    record(site, &target.locale, &entry, ChangeKind::Added, None, now);
    Ok(Success::added(json!({})))
}

/// `GET tree/path/..`: the entry with its children.
async fn resolve_helpdesk_tree_path(State(app): State<App>, Params(params): Params<TreeParams>, uri: Uri) -> Reply {
    let target = Target::new(params, &uri)?;
    read(&app, &target, |_, locale, entry| locale.tree_json(entry))
}

/// `PATCH tree/path/..` with `{action, path?: {to}, position?}`: `path.to`
/// moves the entry (and everything below it; missing folders above the new
/// path are created), `position` reorders it among its siblings (from 0).
/// One of the two is needed; `409 path_exists` when `to` is taken, `400
/// invalid_data` when it lies below the entry itself.
async fn update_helpdesk_tree_path(
    State(app): State<App>,
    Params(params): Params<TreeParams>,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let target = Target::new(params, &uri)?;
    let body = json_object(&body)?;
    if required_str(&body, "action")?.is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let to = match optional_object(&body, "path")? {
        Some(path) => Some(text_tree_path(required_str(path, "to")?)?).filter(|to| !to.is_empty()),
        None => None,
    };
    let position = match body.get("position") {
        None | Some(Value::Null) => None,
        Some(value) => Some(value.as_u64().ok_or(ApiError::INVALID_DATA)?),
    };
    if to.is_none() && position.is_none() {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &target.website_id)?;
    let now = clock.now();
    let locale = locale_mut(site, &target.locale)?;
    let kind = target.content_type;
    if locale.entry(kind, &target.path).is_none() {
        return Err(PATH_NOT_FOUND);
    }
    let mut current = target.path.clone();
    if let Some(to) = to.filter(|to| *to != target.path) {
        if to.starts_with(&target.path) {
            return Err(ApiError::INVALID_DATA);
        }
        if locale.entry(kind, &to).is_some() {
            return Err(PATH_EXISTS);
        }
        create_ancestors(locale, kind, &to, now);
        let new_parent = &to[..to.len() - 1];
        let end = locale.children(kind, new_parent).len() as u64;
        for entry in locale.entries.iter_mut().filter(|e| e.content_type == kind) {
            if entry.path.starts_with(&target.path) {
                let mut moved = to.clone();
                moved.extend_from_slice(&entry.path[target.path.len()..]);
                if entry.path == target.path {
                    entry.position = end;
                    entry.updated_at = now;
                }
                entry.path = moved;
            }
        }
        locale.renumber(kind, &target.path[..target.path.len() - 1]);
        current = to;
    }
    if let Some(position) = position {
        let parent = current[..current.len() - 1].to_vec();
        let mut order: Vec<Vec<String>> = locale
            .children(kind, &parent)
            .into_iter()
            .map(|e| e.path.clone())
            .filter(|p| *p != current)
            .collect();
        let at = usize::try_from(position).unwrap_or(usize::MAX).min(order.len());
        order.insert(at, current.clone());
        for (index, path) in order.iter().enumerate() {
            if let Some(entry) = locale.entry_mut(kind, path) {
                entry.position = index as u64;
            }
        }
    }
    let entry = locale.entry_mut(kind, &current).ok_or(PATH_NOT_FOUND)?;
    entry.updated_at = now;
    let entry = entry.clone();
    record(site, &target.locale, &entry, ChangeKind::Renamed, None, now);
    Ok(Success::updated())
}

/// `DELETE tree/path/..`: the entry and everything below it.
async fn delete_helpdesk_tree_path(State(app): State<App>, Params(params): Params<TreeParams>, uri: Uri) -> Reply {
    let target = Target::new(params, &uri)?;
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &target.website_id)?;
    let now = clock.now();
    let locale = locale_mut(site, &target.locale)?;
    let kind = target.content_type;
    let entry = locale.entry(kind, &target.path).cloned().ok_or(PATH_NOT_FOUND)?;
    locale
        .entries
        .retain(|e| !(e.content_type == kind && e.path.starts_with(&target.path)));
    locale.renumber(kind, &target.path[..target.path.len() - 1]);
    record(site, &target.locale, &entry, ChangeKind::Deleted, None, now);
    Ok(Success::deleted())
}

/// `GET tree/content/..` -> `{content}`.
async fn resolve_helpdesk_tree_content(State(app): State<App>, Params(params): Params<TreeParams>, uri: Uri) -> Reply {
    let target = Target::new(params, &uri)?;
    read(&app, &target, |_, _, entry| json!({ "content": entry.content }))
}

/// `PUT tree/content/..` with `{content}` (a string): replaces the content.
async fn save_helpdesk_tree_content(
    State(app): State<App>,
    Params(params): Params<TreeParams>,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let target = Target::new(params, &uri)?;
    let body = json_object(&body)?;
    let content = required_str(&body, "content")?.to_owned();
    change_entry(&app, &target, |entry| {
        Undo::Content(std::mem::replace(&mut entry.content, content))
    })
}

/// `GET tree/metadata/..`.
async fn resolve_helpdesk_tree_metadata(State(app): State<App>, Params(params): Params<TreeParams>, uri: Uri) -> Reply {
    let target = Target::new(params, &uri)?;
    read(&app, &target, |_, _, entry| Value::Object(entry.metadata.clone()))
}

/// Checks a metadata patch: `format`, `title`, `description`, `color` and
/// `image` strings, `state` an object of `published` / `hidden` /
/// `featured` booleans, `author` an object with a `user_id` string.
fn validate_metadata(patch: &Object) -> Result<(), ApiError> {
    for key in ["format", "title", "description", "color", "image"] {
        optional_str(patch, key)?;
    }
    if let Some(state) = optional_object(patch, "state")? {
        for key in ["published", "hidden", "featured"] {
            optional_bool(state, key)?;
        }
    }
    if let Some(author) = optional_object(patch, "author")? {
        optional_str(author, "user_id")?;
    }
    Ok(())
}

/// `PATCH tree/metadata/..`: merges the fields sent (`state` key by key).
async fn update_helpdesk_tree_metadata(
    State(app): State<App>,
    Params(params): Params<TreeParams>,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let target = Target::new(params, &uri)?;
    let patch = json_object(&body)?;
    validate_metadata(&patch)?;
    change_entry(&app, &target, |entry| {
        let before = entry.metadata.clone();
        deep_merge(&mut entry.metadata, patch);
        Undo::Metadata(before)
    })
}

/// Changes the entry `target` names with `change` (which returns what
/// cancelling restores) and records the change.
fn change_entry(app: &App, target: &Target, change: impl FnOnce(&mut Entry) -> Undo) -> Reply {
    let mut store = app.store();
    let (site, clock) = site_mut(&mut store, &target.website_id)?;
    let now = clock.now();
    let locale = locale_mut(site, &target.locale)?;
    let entry = locale
        .entry_mut(target.content_type, &target.path)
        .ok_or(PATH_NOT_FOUND)?;
    let undo = change(entry);
    entry.updated_at = now;
    let entry = entry.clone();
    record(site, &target.locale, &entry, ChangeKind::Modified, Some(undo), now);
    Ok(Success::updated())
}

/// `GET tree/page/..` -> `{title, url}`.
async fn resolve_helpdesk_tree_page(State(app): State<App>, Params(params): Params<TreeParams>, uri: Uri) -> Reply {
    let target = Target::new(params, &uri)?;
    read(
        &app,
        &target,
        |site, locale, entry| json!({ "title": entry.title(), "url": entry.url(&site.url(), &locale.locale) }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_edits_count_changed_lines() {
        assert_eq!(line_edits("", "a\nb"), (2, 0));
        assert_eq!(line_edits("a\nb\nc", "a\nx\nc"), (1, 1));
        assert_eq!(line_edits("a\nb", "a\nb"), (0, 0));
        assert_eq!(line_edits("a\nb", ""), (0, 2));
    }
}
