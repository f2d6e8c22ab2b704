//! Group `website.connect`: the realtime endpoints of one website.

use crisp_types::WebsiteId;
use crisp_types::connect::ConnectEndpoints;
use http::Method;

use super::WebsiteApi;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

impl<'a> WebsiteApi<'a> {
    /// Get Connect Endpoints: the RTM relay URLs serving this website.
    pub fn get_connect_endpoints(&self, website_id: &'a WebsiteId) -> GetConnectEndpoints<'a> {
        GetConnectEndpoints {
            client: self.client,
            website_id,
        }
    }
}

/// Request builder of [`WebsiteApi::get_connect_endpoints`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetConnectEndpoints<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
}

impl Endpoint for GetConnectEndpoints<'_> {
    type Output = ConnectEndpoints;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str()];
        ApiRequest::from_template(
            Method::GET,
            "get_connect_endpoints",
            "website/{website_id}/connect/endpoints",
            &values,
        )
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetConnectEndpoints);
