//! `website/{website_id}/helpdesk/..` routes, one file per topic, and the
//! rules they share.
//!
//! - The helpdesk must be initialized first (`POST .../helpdesk`), else
//!   `404 helpdesk_not_found`; a locale must exist, else `404
//!   locale_not_found`; `{content_type}` must be `articles`, `guides`,
//!   `references` or `news`, else `400 invalid_data`.
//! - `{tree_path}` is several URL segments: each is percent-decoded on its
//!   own (so `%2F` stays inside its segment), and an empty, `.` or `..`
//!   segment is `400 invalid_data`.
//! - Tiers: the routes the reference opens to the user tier only
//!   (initialize and delete the helpdesk, import, export, domain and its
//!   set-up flow) answer `403 not_allowed` to other tiers ([`UserTier`]);
//!   every other route takes user and plugin tokens, as the front door does
//!   for website routes (the reference states no tier for the tree, page,
//!   history and refresh routes).

mod base;
mod feedback;
mod history;
mod legacy_articles;
mod legacy_categories;
mod redirections;
mod tree;

use axum::Router;
use axum::extract::FromRequestParts;
use crisp_types::Tier;
use http::StatusCode;
use http::request::Parts;

use crate::ids::Clock;
use crate::reply::ApiError;
use crate::server::App;
use crate::state::Store;
use crate::state::helpdesk::{CONTENT_TYPES, Helpdesk, Locale};

/// `404 helpdesk_not_found`: the website has no helpdesk yet.
pub(super) const HELPDESK_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "helpdesk_not_found");
/// `409 helpdesk_exists`: the website already has a helpdesk.
const HELPDESK_EXISTS: ApiError = ApiError::new(StatusCode::CONFLICT, "helpdesk_exists");
/// `404 locale_not_found`.
const LOCALE_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "locale_not_found");
/// `409 locale_exists`.
const LOCALE_EXISTS: ApiError = ApiError::new(StatusCode::CONFLICT, "locale_exists");
/// `404 path_not_found`: no entry at this tree path.
const PATH_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "path_not_found");
/// `409 path_exists`: an entry already sits at this tree path.
const PATH_EXISTS: ApiError = ApiError::new(StatusCode::CONFLICT, "path_exists");
/// `404 page_not_found`: no page with this entity id.
const PAGE_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "page_not_found");
/// `404 change_not_found`.
const CHANGE_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "change_not_found");
/// `404 redirection_not_found`.
const REDIRECTION_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "redirection_not_found");
/// `404 article_not_found`.
const ARTICLE_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "article_not_found");
/// `404 alternate_not_found`.
const ALTERNATE_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "alternate_not_found");
/// `404 category_not_found`.
const CATEGORY_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "category_not_found");
/// `404 section_not_found`.
const SECTION_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "section_not_found");

/// Items per page of every helpdesk list.
const PER_PAGE: usize = 20;

/// The helpdesk routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .merge(base::routes())
        .merge(tree::routes())
        .merge(history::routes())
        .merge(feedback::routes())
        .merge(redirections::routes())
        .merge(legacy_articles::routes())
        .merge(legacy_categories::routes())
}

/// Extractor of the user-only routes: `403 not_allowed` unless the request
/// comes with a user-tier token. The front door has already checked the
/// credentials and that `X-Crisp-Tier` names the token's own tier, so the
/// header is the token's tier.
#[derive(Debug)]
pub(super) struct UserTier;

impl<S: Send + Sync> FromRequestParts<S> for UserTier {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let tier = parts
            .headers
            .get("x-crisp-tier")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<Tier>().ok());
        match tier {
            Some(Tier::User) => Ok(Self),
            _ => Err(ApiError::NOT_ALLOWED),
        }
    }
}

/// The website's helpdesk, or `website_not_found` / `helpdesk_not_found`.
fn site<'a>(store: &'a Store, website_id: &str) -> Result<&'a Helpdesk, ApiError> {
    store
        .website(website_id)
        .ok_or(ApiError::WEBSITE_NOT_FOUND)?
        .helpdesk
        .site
        .as_ref()
        .ok_or(HELPDESK_NOT_FOUND)
}

/// The website's helpdesk, mutably, with the clock.
fn site_mut<'a>(store: &'a mut Store, website_id: &str) -> Result<(&'a mut Helpdesk, &'a mut Clock), ApiError> {
    let (website, clock) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let site = website.helpdesk.site.as_mut().ok_or(HELPDESK_NOT_FOUND)?;
    Ok((site, clock))
}

/// The locale `code` of a helpdesk, or `locale_not_found`.
fn locale<'a>(site: &'a Helpdesk, code: &str) -> Result<&'a Locale, ApiError> {
    site.locale(code).ok_or(LOCALE_NOT_FOUND)
}

/// The locale `code` of a helpdesk, mutably.
fn locale_mut<'a>(site: &'a mut Helpdesk, code: &str) -> Result<&'a mut Locale, ApiError> {
    site.locale_mut(code).ok_or(LOCALE_NOT_FOUND)
}

/// A `{content_type}` segment: one of the four content types, else `400
/// invalid_data`.
fn content_type(segment: &str) -> Result<&'static str, ApiError> {
    CONTENT_TYPES
        .into_iter()
        .find(|known| *known == segment)
        .ok_or(ApiError::INVALID_DATA)
}

/// A date filter (`filter_date_start`, `filter_date_end`): ISO 8601, else
/// `400 invalid_data`.
fn date_filter(value: Option<&str>) -> Result<Option<u64>, ApiError> {
    value
        .map(|date| crate::date::parse_iso8601_millis(date).ok_or(ApiError::INVALID_DATA))
        .transpose()
}

/// Whether `at` lies within the optional `[start, end]` range.
fn within(at: u64, start: Option<u64>, end: Option<u64>) -> bool {
    start.is_none_or(|start| at >= start) && end.is_none_or(|end| at <= end)
}

/// Decodes one percent-encoded path segment; malformed escapes or invalid
/// UTF-8 give `None`.
fn percent_decode(segment: &str) -> Option<String> {
    fn hex(byte: u8) -> Option<u8> {
        (byte as char).to_digit(16).and_then(|digit| u8::try_from(digit).ok())
    }
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let high = hex(*bytes.get(index + 1)?)?;
            let low = hex(*bytes.get(index + 2)?)?;
            out.push(high << 4 | low);
            index += 3;
        } else {
            out.push(byte);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The decoded segments of a tree path: the raw URL path after its first
/// `skip` segments, split on `/` and decoded one segment at a time. No
/// segment, or an empty, `.` or `..` one (once decoded), is `400
/// invalid_data`.
fn tree_segments(raw_path: &str, skip: usize) -> Result<Vec<String>, ApiError> {
    let segments: Vec<String> = raw_path
        .split('/')
        .skip(skip)
        .map(|segment| percent_decode(segment).ok_or(ApiError::INVALID_DATA))
        .collect::<Result<_, _>>()?;
    if segments.is_empty() || segments.iter().any(|s| matches!(s.as_str(), "" | "." | "..")) {
        return Err(ApiError::INVALID_DATA);
    }
    Ok(segments)
}

/// A tree path sent in a query or a body (`sub_path`, `filter_tree_path`,
/// `path.to`): its segments, split on `/` (outer slashes ignored); `.` and
/// `..` segments are `400 invalid_data`.
fn text_tree_path(text: &str) -> Result<Vec<String>, ApiError> {
    let trimmed = text.trim_matches('/');
    if trimmed.is_empty() {
        return Ok(Vec::new());
    }
    let segments: Vec<String> = trimmed.split('/').map(str::to_owned).collect();
    if segments.iter().any(|s| matches!(s.as_str(), "" | "." | "..")) {
        return Err(ApiError::INVALID_DATA);
    }
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_segments_decode_each_segment_and_refuse_dots() {
        let prefix = "/v1/website/w/helpdesk/tree/path/en/guides";
        let skip = prefix.split('/').count();
        assert_eq!(
            tree_segments(&format!("{prefix}/a%2Fb/c%20d"), skip),
            Ok(vec!["a/b".to_owned(), "c d".to_owned()])
        );
        for bad in ["/..", "/a/%2E%2E", "/a//b", "/a/", "/%2e", "", "/%zz"] {
            assert_eq!(
                tree_segments(&format!("{prefix}{bad}"), skip),
                Err(ApiError::INVALID_DATA),
                "{bad}"
            );
        }
    }

    #[test]
    fn text_tree_paths() {
        assert_eq!(text_tree_path("/a/b/"), Ok(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(text_tree_path(""), Ok(vec![]));
        assert_eq!(text_tree_path("a/../b"), Err(ApiError::INVALID_DATA));
    }

    #[test]
    fn content_types_and_dates() {
        assert_eq!(content_type("news"), Ok("news"));
        assert_eq!(content_type("blog"), Err(ApiError::INVALID_DATA));
        assert_eq!(date_filter(Some("nope")), Err(ApiError::INVALID_DATA));
        assert!(within(5, Some(1), Some(5)));
        assert!(!within(5, Some(6), None));
    }
}
