//! Group `website.availability`: whether a website's operators can answer.

use crisp_types::WebsiteId;
use crisp_types::availability::{WebsiteAvailabilityOperator, WebsiteAvailabilityStatus};

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Whether an operator of the website is available, and since when.
    "Get Website Availability Status" => fn get_website_availability_status -> GetWebsiteAvailabilityStatus;
    GET "website/{website_id}/availability/status";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data WebsiteAvailabilityStatus;

    /// The availability of every operator of the website.
    "List Website Operator Availabilities"
        => fn list_website_operator_availabilities -> ListWebsiteOperatorAvailabilities;
    GET "website/{website_id}/availability/operators";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data Vec<WebsiteAvailabilityOperator>;
}
