//! Groups `website.base` and `website.settings`: a website itself (check,
//! create, get, delete, abort deletion) and its settings.

use crisp_types::WebsiteId;
use crisp_types::website::{
    OwnerVerification, Website, WebsiteCreate, WebsiteRemove, WebsiteSettings, WebsiteSettingsUpdate,
};
use http::Method;

use super::WebsiteApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

endpoints! {
    impl WebsiteApi;

    /// Creates a website; the token's user becomes its owner.
    "Create Website" => fn create_website -> CreateWebsite;
    POST "website";
    tiers [user];
    path ();
    args (name: impl Into<String>, domain: impl Into<String>);
    body website: WebsiteCreate = WebsiteCreate::new(name, domain);
    output data Website;

    "Get A Website" => fn get_website -> GetWebsite;
    GET "website/{website_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data Website;

    /// Schedules the website's deletion, proving the acting user's identity
    /// (`{verify: {method, secret}}`, sent as the body of the `DELETE`); see
    /// [`WebsiteApi::abort_website_deletion`](crate::WebsiteApi::abort_website_deletion).
    "Delete A Website" => fn delete_website -> DeleteWebsite;
    DELETE "website/{website_id}";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (verify: OwnerVerification);
    body remove: WebsiteRemove = WebsiteRemove::new(verify);
    output empty;

    /// Cancels a scheduled deletion.
    "Abort Website Deletion" => fn abort_website_deletion -> AbortWebsiteDeletion;
    DELETE "website/{website_id}/expunge";
    tiers [user];
    path (website_id: &'a WebsiteId);
    output empty;

    /// The website's settings (contact, inbox, emails, chatbox, ...).
    "Get Website Settings" => fn get_website_settings -> GetWebsiteSettings;
    GET "website/{website_id}/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data WebsiteSettings;

    /// Changes the settings set in `settings` and leaves the others alone.
    "Update Website Settings" => fn update_website_settings -> UpdateWebsiteSettings;
    PATCH "website/{website_id}/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (settings: WebsiteSettingsUpdate);
    body settings: WebsiteSettingsUpdate = settings;
    output empty;
}

impl<'a> WebsiteApi<'a> {
    /// Check If Website Exists.
    ///
    /// `true` if a website uses `domain`, `false` if Crisp answers 404.
    ///
    /// `HEAD website?domain=<domain>`
    ///
    /// Tiers: `user` `plugin` tokens.
    pub fn check_website_exists(&self, domain: impl Into<String>) -> CheckWebsiteExists<'a> {
        CheckWebsiteExists {
            client: self.client,
            domain: domain.into(),
        }
    }
}

/// Request builder of [`WebsiteApi::check_website_exists`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CheckWebsiteExists<'a> {
    client: &'a Client,
    domain: String,
}

impl Endpoint for CheckWebsiteExists<'_> {
    type Output = bool;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let mut query = Query::new();
        query.push("domain", &self.domain);
        Ok(ApiRequest::from_template::<&str>(Method::HEAD, "check_website_exists", "website", &[])?.with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.exists()
    }
}

into_future!(CheckWebsiteExists);

/// The hand-written endpoint of this module.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[EndpointInfo {
    api: "WebsiteApi",
    name: "check_website_exists",
    label: "Check If Website Exists",
    method: "HEAD",
    path: "website",
    tiers: &["user", "plugin"],
    query: &["domain"],
    deprecated: None,
}];
