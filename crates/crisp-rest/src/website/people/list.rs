//! Listing and searching people profiles (hand-written: the search filter is
//! a JSON-encoded list).

use crisp_types::WebsiteId;
use crisp_types::people::PeopleProfile;
use crisp_types::search::{SearchFilter, SearchOperator};
use http::Method;

use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::website::WebsiteApi;

impl<'a> WebsiteApi<'a> {
    /// List People Profiles.
    ///
    /// One page (from 1) of profiles, with optional sort and search; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    ///
    /// `GET website/{website_id}/people/profiles/{page_number}`
    ///
    /// Tiers: `user` `plugin` tokens.
    pub fn list_people_profiles(&self, website_id: &'a WebsiteId, page_number: u32) -> ListPeopleProfiles<'a> {
        ListPeopleProfiles {
            client: self.client,
            website_id,
            page_number,
            sort_field: None,
            sort_order: None,
            search_operator: None,
            search_filter: None,
            search_text: None,
        }
    }
}

/// Request builder of [`WebsiteApi::list_people_profiles`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct ListPeopleProfiles<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    page_number: u32,
    sort_field: Option<String>,
    sort_order: Option<String>,
    search_operator: Option<SearchOperator>,
    search_filter: Option<Vec<SearchFilter>>,
    search_text: Option<String>,
}

impl ListPeopleProfiles<'_> {
    const ROUTE: &'static str = "list_people_profiles";

    /// The field profiles are sorted on (e.g. `nickname`, `active`).
    pub fn sort_field(mut self, field: impl Into<String>) -> Self {
        self.sort_field = Some(field.into());
        self
    }

    /// The sort order: `ascending` or `descending`.
    pub fn sort_order(mut self, order: impl Into<String>) -> Self {
        self.sort_order = Some(order.into());
        self
    }

    /// How several filters combine.
    pub fn search_operator(mut self, operator: SearchOperator) -> Self {
        self.search_operator = Some(operator);
        self
    }

    /// Filters, sent JSON-encoded in `search_filter`.
    ///
    /// [`search_filters`](Self::search_filters) is the same setter under the
    /// plural name that
    /// [`ListConversations`](crate::website::ListConversations) uses.
    pub fn search_filter(mut self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.search_filter = Some(filters.into_iter().collect());
        self
    }

    /// The same as [`search_filter`](Self::search_filter), under the plural
    /// name of the conversation list's setter
    /// ([`ListConversations::search_filters`](crate::website::ListConversations::search_filters)),
    /// so either spelling works on both lists.
    pub fn search_filters(self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.search_filter(filters)
    }

    /// Full-text search on the profiles.
    pub fn search_text(mut self, text: impl Into<String>) -> Self {
        self.search_text = Some(text.into());
        self
    }
}

impl Endpoint for ListPeopleProfiles<'_> {
    type Output = Vec<PeopleProfile>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values: [&dyn std::fmt::Display; 2] = [self.website_id, &self.page_number];
        let mut query = Query::new();
        query
            .push_opt("sort_field", self.sort_field.as_deref())
            .push_opt("sort_order", self.sort_order.as_deref())
            .push_opt("search_operator", self.search_operator.map(SearchOperator::as_str))
            .push_json(Self::ROUTE, "search_filter", self.search_filter.as_ref())?
            .push_opt("search_text", self.search_text.as_deref());
        let template = "website/{website_id}/people/profiles/{page_number}";
        Ok(ApiRequest::from_template(Method::GET, Self::ROUTE, template, &values)?.with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(ListPeopleProfiles);
paginated!(ListPeopleProfiles, PeopleProfile);

/// The hand-written endpoint of this module.
pub(crate) const ENDPOINTS: &[EndpointInfo] = &[EndpointInfo {
    api: "WebsiteApi",
    name: "list_people_profiles",
    label: "List People Profiles",
    method: "GET",
    path: "website/{website_id}/people/profiles/{page_number}",
    tiers: &["user", "plugin"],
    query: &[
        "sort_field",
        "sort_order",
        "search_operator",
        "search_filter",
        "search_text",
    ],
    deprecated: None,
}];
