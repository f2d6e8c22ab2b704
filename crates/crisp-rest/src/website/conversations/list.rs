//! Listing and searching a website's conversations (hand-written: the
//! search query is text or a JSON-encoded filter list).

use crisp_types::conversation::Conversation;
use crisp_types::search::{SearchFilter, SearchOperator, SearchType};
use crisp_types::{InboxId, UserId, WebsiteId};
use http::Method;

use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::website::WebsiteApi;

impl<'a> WebsiteApi<'a> {
    /// List Conversations.
    ///
    /// One page (from 1) of the website's conversations, newest first. Every
    /// search, filter and order option is a setter; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    /// Go's `SearchConversations` is [`search_query`](ListConversations::search_query)
    /// with [`search_type`](ListConversations::search_type), its
    /// `FilterConversations` the `filter_*` setters.
    ///
    /// `GET website/{website_id}/conversations/{page_number}`
    ///
    /// Tiers: `user` `plugin` tokens.
    pub fn list_conversations(&self, website_id: &'a WebsiteId, page_number: u32) -> ListConversations<'a> {
        ListConversations {
            client: self.client,
            website_id,
            page_number,
            options: ListConversationsOptions::default(),
        }
    }
}

/// Request builder of [`WebsiteApi::list_conversations`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct ListConversations<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    page_number: u32,
    options: ListConversationsOptions,
}

#[derive(Debug, Clone, Default)]
struct ListConversationsOptions {
    per_page: Option<u32>,
    include_empty: Option<bool>,
    search_type: Option<SearchType>,
    search_query: Option<SearchQuery>,
    search_operator: Option<SearchOperator>,
    filter_inbox_id: Option<InboxId>,
    filter_unread: Option<bool>,
    filter_resolved: Option<bool>,
    filter_not_resolved: Option<bool>,
    filter_mention: Option<bool>,
    filter_assigned: Option<UserId>,
    filter_unassigned: Option<bool>,
    filter_date_start: Option<String>,
    filter_date_end: Option<String>,
    order_date_created: Option<bool>,
    order_date_updated: Option<bool>,
    order_date_waiting: Option<bool>,
}

#[derive(Debug, Clone)]
enum SearchQuery {
    Text(String),
    Filters(Vec<SearchFilter>),
}

impl ListConversations<'_> {
    const ROUTE: &'static str = "list_conversations";

    /// How many conversations a page holds.
    pub fn per_page(mut self, per_page: u32) -> Self {
        self.options.per_page = Some(per_page);
        self
    }

    /// Whether conversations with no message are listed too.
    pub fn include_empty(mut self, include: bool) -> Self {
        self.options.include_empty = Some(include);
        self
    }

    /// Searches for `text` (full-text unless [`search_type`](Self::search_type)
    /// says otherwise, e.g. [`SearchType::Segment`]).
    pub fn search_query(mut self, text: impl Into<String>) -> Self {
        self.options.search_query = Some(SearchQuery::Text(text.into()));
        self
    }

    /// Searches with filters (sets `search_type=filter`; the filters are sent
    /// JSON-encoded in `search_query`).
    ///
    /// [`search_filter`](Self::search_filter) is the same setter under the
    /// singular name that
    /// [`ListPeopleProfiles`](crate::website::ListPeopleProfiles) uses.
    pub fn search_filters(mut self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.options.search_type = Some(SearchType::Filter);
        self.options.search_query = Some(SearchQuery::Filters(filters.into_iter().collect()));
        self
    }

    /// The same as [`search_filters`](Self::search_filters), under the
    /// singular name of the people list's setter
    /// ([`ListPeopleProfiles::search_filter`](crate::website::ListPeopleProfiles::search_filter)),
    /// so either spelling works on both lists.
    pub fn search_filter(self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.search_filters(filters)
    }

    /// How `search_query` is interpreted.
    pub fn search_type(mut self, search_type: SearchType) -> Self {
        self.options.search_type = Some(search_type);
        self
    }

    /// How several filters combine.
    pub fn search_operator(mut self, operator: SearchOperator) -> Self {
        self.options.search_operator = Some(operator);
        self
    }

    /// Only conversations of this inbox.
    pub fn filter_inbox_id(mut self, inbox_id: InboxId) -> Self {
        self.options.filter_inbox_id = Some(inbox_id);
        self
    }

    /// Only conversations with unread messages (or only without).
    pub fn filter_unread(mut self, unread: bool) -> Self {
        self.options.filter_unread = Some(unread);
        self
    }

    /// Only resolved conversations.
    pub fn filter_resolved(mut self, resolved: bool) -> Self {
        self.options.filter_resolved = Some(resolved);
        self
    }

    /// Only conversations that are not resolved.
    pub fn filter_not_resolved(mut self, not_resolved: bool) -> Self {
        self.options.filter_not_resolved = Some(not_resolved);
        self
    }

    /// Only conversations mentioning the token's operator.
    pub fn filter_mention(mut self, mention: bool) -> Self {
        self.options.filter_mention = Some(mention);
        self
    }

    /// Only conversations assigned to this operator.
    pub fn filter_assigned(mut self, user_id: UserId) -> Self {
        self.options.filter_assigned = Some(user_id);
        self
    }

    /// Only conversations assigned to nobody.
    pub fn filter_unassigned(mut self, unassigned: bool) -> Self {
        self.options.filter_unassigned = Some(unassigned);
        self
    }

    /// Only conversations created from this date (ISO 8601, e.g. `2026-11-01T00:00:00Z`).
    pub fn filter_date_start(mut self, date: impl Into<String>) -> Self {
        self.options.filter_date_start = Some(date.into());
        self
    }

    /// Only conversations created up to this date (ISO 8601).
    pub fn filter_date_end(mut self, date: impl Into<String>) -> Self {
        self.options.filter_date_end = Some(date.into());
        self
    }

    /// Orders by creation date.
    pub fn order_date_created(mut self, order: bool) -> Self {
        self.options.order_date_created = Some(order);
        self
    }

    /// Orders by last update.
    pub fn order_date_updated(mut self, order: bool) -> Self {
        self.options.order_date_updated = Some(order);
        self
    }

    /// Orders by how long the visitor has been waiting.
    pub fn order_date_waiting(mut self, order: bool) -> Self {
        self.options.order_date_waiting = Some(order);
        self
    }
}

impl Endpoint for ListConversations<'_> {
    type Output = Vec<Conversation>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values: [&dyn std::fmt::Display; 2] = [self.website_id, &self.page_number];
        let template = "website/{website_id}/conversations/{page_number}";
        let request = ApiRequest::from_template(Method::GET, Self::ROUTE, template, &values)?;
        let o = &self.options;
        let mut query = Query::new();
        query
            .push_opt("per_page", o.per_page)
            .push_flag("include_empty", o.include_empty)
            .push_opt("search_type", o.search_type.map(SearchType::as_str));
        match &o.search_query {
            Some(SearchQuery::Text(text)) => query.push("search_query", text),
            Some(SearchQuery::Filters(filters)) => query.push_json(Self::ROUTE, "search_query", Some(filters))?,
            None => &mut query,
        };
        query
            .push_opt("search_operator", o.search_operator.map(SearchOperator::as_str))
            .push_opt("filter_inbox_id", o.filter_inbox_id.as_ref())
            .push_flag("filter_unread", o.filter_unread)
            .push_flag("filter_resolved", o.filter_resolved)
            .push_flag("filter_not_resolved", o.filter_not_resolved)
            .push_flag("filter_mention", o.filter_mention)
            .push_opt("filter_assigned", o.filter_assigned.as_ref())
            .push_flag("filter_unassigned", o.filter_unassigned)
            .push_opt("filter_date_start", o.filter_date_start.as_deref())
            .push_opt("filter_date_end", o.filter_date_end.as_deref())
            .push_flag("order_date_created", o.order_date_created)
            .push_flag("order_date_updated", o.order_date_updated)
            .push_flag("order_date_waiting", o.order_date_waiting);
        Ok(request.with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(ListConversations);
paginated!(
    ListConversations,
    Conversation,
    page_size = |this| this.options.per_page
);

/// The hand-written endpoint of this module.
pub(crate) const ENDPOINTS: &[EndpointInfo] = &[EndpointInfo {
    api: "WebsiteApi",
    name: "list_conversations",
    label: "List Conversations",
    method: "GET",
    path: "website/{website_id}/conversations/{page_number}",
    tiers: &["user", "plugin"],
    query: &[
        "per_page",
        "include_empty",
        "search_type",
        "search_query",
        "search_operator",
        "filter_inbox_id",
        "filter_unread",
        "filter_resolved",
        "filter_not_resolved",
        "filter_mention",
        "filter_assigned",
        "filter_unassigned",
        "filter_date_start",
        "filter_date_end",
        "order_date_created",
        "order_date_updated",
        "order_date_waiting",
    ],
    deprecated: None,
}];
