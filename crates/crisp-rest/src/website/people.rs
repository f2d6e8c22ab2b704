//! Group `website.people`: people profiles (the CRM contacts of a website).

use crisp_types::people::{PeopleProfile, PeopleProfileNew, PeopleProfileUpdateCard};
use crisp_types::search::{SearchFilter, SearchOperator};
use crisp_types::{PeopleId, WebsiteId};
use http::Method;

use super::WebsiteApi;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::request::{ApiRequest, Query, require_page};
use crate::response::ApiResponse;

impl<'a> WebsiteApi<'a> {
    /// List People Profiles: one page (from 1) of profiles, with optional sort
    /// and search; see [`Paginated::into_stream`](crate::Paginated::into_stream)
    /// for all pages.
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

    /// Add New People Profile; returns the new profile's id.
    pub fn add_new_people_profile(
        &self,
        website_id: &'a WebsiteId,
        profile: PeopleProfileUpdateCard,
    ) -> AddNewPeopleProfile<'a> {
        AddNewPeopleProfile {
            client: self.client,
            website_id,
            profile,
        }
    }

    /// Check If People Profile Exists: `true` if it does, `false` if Crisp
    /// answers 404.
    pub fn check_people_profile_exists(
        &self,
        website_id: &'a WebsiteId,
        people_id: &'a PeopleId,
    ) -> CheckPeopleProfileExists<'a> {
        CheckPeopleProfileExists {
            client: self.client,
            website_id,
            people_id,
        }
    }

    /// Get People Profile.
    pub fn get_people_profile(&self, website_id: &'a WebsiteId, people_id: &'a PeopleId) -> GetPeopleProfile<'a> {
        GetPeopleProfile {
            client: self.client,
            website_id,
            people_id,
        }
    }

    /// Save People Profile: replaces the whole profile with `profile`.
    pub fn save_people_profile(
        &self,
        website_id: &'a WebsiteId,
        people_id: &'a PeopleId,
        profile: PeopleProfileUpdateCard,
    ) -> SavePeopleProfile<'a> {
        SavePeopleProfile {
            client: self.client,
            website_id,
            people_id,
            profile,
        }
    }

    /// Update People Profile: changes only the fields set in `profile`.
    pub fn update_people_profile(
        &self,
        website_id: &'a WebsiteId,
        people_id: &'a PeopleId,
        profile: PeopleProfileUpdateCard,
    ) -> UpdatePeopleProfile<'a> {
        UpdatePeopleProfile {
            client: self.client,
            website_id,
            people_id,
            profile,
        }
    }

    /// Remove People Profile.
    pub fn remove_people_profile(&self, website_id: &'a WebsiteId, people_id: &'a PeopleId) -> RemovePeopleProfile<'a> {
        RemovePeopleProfile {
            client: self.client,
            website_id,
            people_id,
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
    pub fn search_filter(mut self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.search_filter = Some(filters.into_iter().collect());
        self
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
        require_page(Self::ROUTE, self.page_number)?;
        let page = self.page_number.to_string();
        let values = [self.website_id.as_str(), page.as_str()];
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

/// Request builder of [`WebsiteApi::add_new_people_profile`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct AddNewPeopleProfile<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    profile: PeopleProfileUpdateCard,
}

impl Endpoint for AddNewPeopleProfile<'_> {
    type Output = PeopleProfileNew;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str()];
        let template = "website/{website_id}/people/profile";
        ApiRequest::from_template(Method::POST, "add_new_people_profile", template, &values)?.with_json(&self.profile)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(AddNewPeopleProfile);

/// Request builder of [`WebsiteApi::check_people_profile_exists`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CheckPeopleProfileExists<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    people_id: &'a PeopleId,
}

impl Endpoint for CheckPeopleProfileExists<'_> {
    type Output = bool;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.people_id.as_str()];
        let template = "website/{website_id}/people/profile/{people_id}";
        ApiRequest::from_template(Method::HEAD, "check_people_profile_exists", template, &values)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.exists()
    }
}

into_future!(CheckPeopleProfileExists);

/// Request builder of [`WebsiteApi::get_people_profile`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetPeopleProfile<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    people_id: &'a PeopleId,
}

impl Endpoint for GetPeopleProfile<'_> {
    type Output = PeopleProfile;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.people_id.as_str()];
        let template = "website/{website_id}/people/profile/{people_id}";
        ApiRequest::from_template(Method::GET, "get_people_profile", template, &values)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetPeopleProfile);

/// Request builder of [`WebsiteApi::save_people_profile`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct SavePeopleProfile<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    people_id: &'a PeopleId,
    profile: PeopleProfileUpdateCard,
}

impl Endpoint for SavePeopleProfile<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.people_id.as_str()];
        let template = "website/{website_id}/people/profile/{people_id}";
        ApiRequest::from_template(Method::PUT, "save_people_profile", template, &values)?.with_json(&self.profile)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(SavePeopleProfile);

/// Request builder of [`WebsiteApi::update_people_profile`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct UpdatePeopleProfile<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    people_id: &'a PeopleId,
    profile: PeopleProfileUpdateCard,
}

impl Endpoint for UpdatePeopleProfile<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.people_id.as_str()];
        let template = "website/{website_id}/people/profile/{people_id}";
        ApiRequest::from_template(Method::PATCH, "update_people_profile", template, &values)?.with_json(&self.profile)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(UpdatePeopleProfile);

/// Request builder of [`WebsiteApi::remove_people_profile`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct RemovePeopleProfile<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    people_id: &'a PeopleId,
}

impl Endpoint for RemovePeopleProfile<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.people_id.as_str()];
        let template = "website/{website_id}/people/profile/{people_id}";
        ApiRequest::from_template(Method::DELETE, "remove_people_profile", template, &values)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(RemovePeopleProfile);
