//! Group `plugin.connect`: the plugin's own account, the websites that
//! installed it, and its realtime endpoints.

use crisp_types::connect::{ConnectAccount, ConnectEndpoints, ConnectWebsite};
use http::Method;

use super::PluginApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

endpoints! {
    impl PluginApi;

    /// The plugin the token belongs to.
    "Get Connect Account" => fn get_connect_account -> GetConnectAccount;
    GET "plugin/connect/account";
    tiers [plugin];
    path ();
    output data ConnectAccount;

    /// `true` while the plugin token is valid.
    "Check Connect Session Validity" => fn check_connect_session_validity -> CheckConnectSessionValidity;
    HEAD "plugin/connect/session";
    tiers [plugin];
    path ();
    output exists;

    /// One page (from 1) of the websites that installed the plugin; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    /// Both flags are always sent (`0` unless set), as the official SDKs do.
    "List All Connect Websites" => fn list_all_connect_websites -> ListAllConnectWebsites;
    GET "plugin/connect/websites/all/{page_number}";
    tiers [plugin];
    path (page_number: u32);
    query {
        /// Only websites where the plugin has been configured.
        filter_configured: bool = false,
        /// Includes each website's plan.
        include_plan: bool = false,
    }
    output data Vec<ConnectWebsite>;
    paginated ConnectWebsite;

    /// The RTM relay URLs for plugin tokens.
    "Get Connect Endpoints" => fn get_connect_endpoints -> GetConnectEndpoints;
    GET "plugin/connect/endpoints";
    tiers [plugin];
    path ();
    output data ConnectEndpoints;
}

impl<'a> PluginApi<'a> {
    /// List Connect Websites Since.
    ///
    /// Websites that installed or removed the plugin since `date_since` (ISO
    /// 8601, e.g. `2026-11-01T00:00:00Z`; an empty string sends no date, as the
    /// official SDKs do).
    ///
    /// `GET plugin/connect/websites/since`
    ///
    /// Tiers: `plugin` tokens.
    pub fn list_connect_websites_since(&self, date_since: impl Into<String>) -> ListConnectWebsitesSince<'a> {
        ListConnectWebsitesSince {
            client: self.client,
            date_since: date_since.into(),
            filter_configured: false,
            include_plan: false,
        }
    }
}

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
        Ok(ApiRequest::from_template::<&str>(
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

/// The hand-written endpoint of this module, listed with the declared ones.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[EndpointInfo {
    api: "PluginApi",
    name: "list_connect_websites_since",
    label: "List Connect Websites Since",
    method: "GET",
    path: "plugin/connect/websites/since",
    tiers: &["plugin"],
    query: &["filter_configured", "include_plan", "date_since"],
    deprecated: None,
}];
