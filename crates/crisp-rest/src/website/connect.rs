//! Group `website.connect`: the realtime endpoints of one website.

use crisp_types::WebsiteId;
use crisp_types::connect::ConnectEndpoints;

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// The RTM relay URLs serving this website.
    "Get Connect Endpoints" => fn get_connect_endpoints -> GetConnectEndpoints;
    GET "website/{website_id}/connect/endpoints";
    tiers [];
    path (website_id: &'a WebsiteId);
    output data ConnectEndpoints;
}
