//! Group `plugin.connect`: the plugin's own account, the websites that
//! installed it, and its realtime endpoints.

use crisp_types::connect::{ConnectAccount, ConnectEndpoints, ConnectWebsite};
use http::Method;

use super::PluginApi;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::request::{ApiRequest, Query, require_page};
use crate::response::ApiResponse;

impl<'a> PluginApi<'a> {
    /// Get Connect Account: the plugin the token belongs to.
    pub fn get_connect_account(&self) -> GetConnectAccount<'a> {
        GetConnectAccount { client: self.client }
    }

    /// Check Connect Session Validity: `true` while the plugin token is valid.
    pub fn check_connect_session_validity(&self) -> CheckConnectSessionValidity<'a> {
        CheckConnectSessionValidity { client: self.client }
    }

    /// List All Connect Websites: one page (from 1) of the websites that
    /// installed the plugin; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    pub fn list_all_connect_websites(&self, page_number: u32) -> ListAllConnectWebsites<'a> {
        ListAllConnectWebsites {
            client: self.client,
            page_number,
            filter_configured: false,
            include_plan: false,
        }
    }

    /// List Connect Websites Since: websites that installed or removed the
    /// plugin since `date_since` (ISO 8601, e.g. `2026-11-01T00:00:00Z`; an empty
    /// string sends no date, as the official SDKs do).
    pub fn list_connect_websites_since(&self, date_since: impl Into<String>) -> ListConnectWebsitesSince<'a> {
        ListConnectWebsitesSince {
            client: self.client,
            date_since: date_since.into(),
            filter_configured: false,
            include_plan: false,
        }
    }

    /// Get Connect Endpoints: the RTM relay URLs for plugin tokens.
    pub fn get_connect_endpoints(&self) -> GetConnectEndpoints<'a> {
        GetConnectEndpoints { client: self.client }
    }
}

/// Request builder of [`PluginApi::get_connect_account`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetConnectAccount<'a> {
    client: &'a Client,
}

impl Endpoint for GetConnectAccount<'_> {
    type Output = ConnectAccount;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        ApiRequest::from_template(Method::GET, "get_connect_account", "plugin/connect/account", &[])
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetConnectAccount);

/// Request builder of [`PluginApi::check_connect_session_validity`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CheckConnectSessionValidity<'a> {
    client: &'a Client,
}

impl Endpoint for CheckConnectSessionValidity<'_> {
    type Output = bool;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        ApiRequest::from_template(
            Method::HEAD,
            "check_connect_session_validity",
            "plugin/connect/session",
            &[],
        )
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.exists()
    }
}

into_future!(CheckConnectSessionValidity);

/// Request builder of [`PluginApi::list_all_connect_websites`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct ListAllConnectWebsites<'a> {
    client: &'a Client,
    page_number: u32,
    filter_configured: bool,
    include_plan: bool,
}

impl ListAllConnectWebsites<'_> {
    /// Only websites where the plugin has been configured.
    pub fn filter_configured(mut self, configured: bool) -> Self {
        self.filter_configured = configured;
        self
    }

    /// Includes each website's plan.
    pub fn include_plan(mut self, include: bool) -> Self {
        self.include_plan = include;
        self
    }
}

impl Endpoint for ListAllConnectWebsites<'_> {
    type Output = Vec<ConnectWebsite>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let route = "list_all_connect_websites";
        require_page(route, self.page_number)?;
        let page = self.page_number.to_string();
        let mut query = Query::new();
        query
            .push_flag("filter_configured", Some(self.filter_configured))
            .push_flag("include_plan", Some(self.include_plan));
        Ok(ApiRequest::from_template(
            Method::GET,
            route,
            "plugin/connect/websites/all/{page_number}",
            &[&page],
        )?
        .with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(ListAllConnectWebsites);
paginated!(ListAllConnectWebsites, ConnectWebsite);

/// Request builder of [`PluginApi::list_connect_websites_since`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct ListConnectWebsitesSince<'a> {
    client: &'a Client,
    date_since: String,
    filter_configured: bool,
    include_plan: bool,
}

impl ListConnectWebsitesSince<'_> {
    /// Only websites where the plugin has been configured.
    pub fn filter_configured(mut self, configured: bool) -> Self {
        self.filter_configured = configured;
        self
    }

    /// Includes each website's plan.
    pub fn include_plan(mut self, include: bool) -> Self {
        self.include_plan = include;
        self
    }
}

impl Endpoint for ListConnectWebsitesSince<'_> {
    type Output = Vec<ConnectWebsite>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let mut query = Query::new();
        query
            .push_flag("filter_configured", Some(self.filter_configured))
            .push_flag("include_plan", Some(self.include_plan))
            .push_opt(
                "date_since",
                Some(self.date_since.as_str()).filter(|date| !date.is_empty()),
            );
        Ok(ApiRequest::from_template(
            Method::GET,
            "list_connect_websites_since",
            "plugin/connect/websites/since",
            &[],
        )?
        .with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(ListConnectWebsitesSince);

/// Request builder of [`PluginApi::get_connect_endpoints`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetConnectEndpoints<'a> {
    client: &'a Client,
}

impl Endpoint for GetConnectEndpoints<'_> {
    type Output = ConnectEndpoints;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        ApiRequest::from_template(Method::GET, "get_connect_endpoints", "plugin/connect/endpoints", &[])
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetConnectEndpoints);
