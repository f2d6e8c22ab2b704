//! `GET website/{website_id}/conversations/{page_number}`: the filtered,
//! paged conversation list.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde_json::Value;

use crate::extract::{Params, QueryPairs, page_number, paginate};
use crate::reply::{ApiError, Reply, Success};
use crate::routes::filter::FilterSearch;
use crate::server::App;
use crate::state::{Conversation, ConversationState};

/// Conversations per page when `per_page` is not given.
const CONVERSATIONS_PER_PAGE: usize = 20;
/// The largest `per_page` accepted.
const MAX_PER_PAGE: u64 = 100;

/// The list route.
pub(super) fn routes() -> Router<App> {
    Router::new().route(
        "/v1/website/{website_id}/conversations/{page_number}",
        get(list_conversations),
    )
}

/// `GET website/{website_id}/conversations/{page_number}`: newest activity
/// first, filtered, paged.
async fn list_conversations(
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let per_page = match query.number("per_page")? {
        None => CONVERSATIONS_PER_PAGE,
        Some(n) if (1..=MAX_PER_PAGE).contains(&n) => usize::try_from(n).map_err(|_| ApiError::INVALID_DATA)?,
        Some(_) => return Err(ApiError::INVALID_DATA),
    };
    let filter = ListFilter::from_query(&query)?;
    let store = app.store();
    let website = store.website(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let mut matching: Vec<&Conversation> = website
        .conversations
        .iter()
        .filter(|c| filter.keeps(c, &website_id))
        .collect();
    matching.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.created_at.cmp(&a.created_at)));
    let items = paginate(matching, page, per_page)
        .into_iter()
        .map(|c| c.to_json(&website_id))
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// The list filters the fake understands (`filter_inbox_id` matches the
/// conversation's `inbox_id`; an empty value means no filter).
#[derive(Debug)]
struct ListFilter {
    /// Keep conversations without messages (`include_empty`, default yes).
    include_empty: bool,
    /// Only conversations with unread visitor messages (`filter_unread`).
    unread: bool,
    /// Only resolved conversations (`filter_resolved`).
    resolved: bool,
    /// Only conversations not resolved (`filter_not_resolved`).
    not_resolved: bool,
    /// Only assigned conversations (`filter_assigned`); a user id narrows
    /// to that operator, an empty string means any.
    assigned: Option<String>,
    /// Only unassigned conversations (`filter_unassigned`).
    unassigned: bool,
    /// Only conversations of this inbox (`filter_inbox_id`).
    inbox_id: Option<String>,
    /// `search_query` as `search_type` reads it.
    search: Option<Search>,
}

/// A `search_query`.
#[derive(Debug)]
enum Search {
    /// `search_type=text` (the default): a case-insensitive substring of the
    /// last message, the nickname or the email.
    Text(String),
    /// `search_type=segment`: a segment in `meta.segments` (case-insensitive).
    Segment(String),
    /// `search_type=filter`: a JSON array of `{model, criterion, operator,
    /// query}`, joined by `search_operator`.
    Filter(FilterSearch),
}

impl ListFilter {
    /// Reads the filters from the query; a malformed flag, search type or
    /// filter is `400 invalid_data`.
    fn from_query(query: &QueryPairs) -> Result<Self, ApiError> {
        let search = match (query.get("search_query"), query.get("search_type")) {
            (None, _) => None,
            (Some(text), None | Some("text")) => Some(Search::Text(text.to_lowercase())),
            (Some(text), Some("segment")) => Some(Search::Segment(text.to_lowercase())),
            (Some(filter), Some("filter")) => {
                let filter = serde_json::from_str(filter).map_err(|_| ApiError::INVALID_DATA)?;
                let operator = query.get("search_operator").map(|op| Value::String(op.to_owned()));
                Some(Search::Filter(FilterSearch::parse(&filter, operator.as_ref())?))
            }
            (Some(_), Some(_)) => return Err(ApiError::INVALID_DATA),
        };
        let assigned = match query.get("filter_assigned") {
            None | Some("0" | "false") => None,
            Some("1" | "true") => Some(String::new()),
            Some(user_id) => Some(user_id.to_owned()),
        };
        Ok(Self {
            // Absent means "include"; only an explicit "0" hides empty conversations.
            include_empty: query.get("include_empty").is_none() || query.flag("include_empty")?,
            unread: query.flag("filter_unread")?,
            resolved: query.flag("filter_resolved")?,
            not_resolved: query.flag("filter_not_resolved")?,
            assigned,
            unassigned: query.flag("filter_unassigned")?,
            inbox_id: query.get("filter_inbox_id").map(str::to_owned),
            search,
        })
    }

    /// Whether the conversation passes every filter.
    fn keeps(&self, conversation: &Conversation, website_id: &str) -> bool {
        if !self.include_empty && conversation.messages.is_empty() {
            return false;
        }
        if self.unread && !conversation.has_unread_for_operator() {
            return false;
        }
        let resolved = conversation.state == ConversationState::Resolved;
        if (self.resolved && !resolved) || (self.not_resolved && resolved) {
            return false;
        }
        match (&self.assigned, &conversation.assigned) {
            (Some(_), None) => return false,
            (Some(wanted), Some(actual)) if !wanted.is_empty() && wanted != actual => return false,
            _ => {}
        }
        if self.unassigned && conversation.assigned.is_some() {
            return false;
        }
        if self.inbox_id.is_some() && self.inbox_id != conversation.inbox_id {
            return false;
        }
        if let Some(search) = &self.search {
            let matches = match search {
                Search::Segment(needle) => {
                    conversation
                        .meta
                        .get("segments")
                        .and_then(Value::as_array)
                        .is_some_and(|segments| {
                            segments
                                .iter()
                                .any(|s| s.as_str().map(str::to_lowercase).as_ref() == Some(needle))
                        })
                }
                Search::Filter(filter) => filter.matches_conversation(conversation, website_id),
                Search::Text(needle) => {
                    let meta_text = |key: &str| {
                        conversation
                            .meta
                            .get(key)
                            .and_then(Value::as_str)
                            .map(str::to_lowercase)
                            .unwrap_or_default()
                    };
                    conversation.last_message().to_lowercase().contains(needle.as_str())
                        || meta_text("nickname").contains(needle.as_str())
                        || meta_text("email").contains(needle.as_str())
                }
            };
            if !matches {
                return false;
            }
        }
        true
    }
}
