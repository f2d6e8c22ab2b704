//! Helpdesk settings and domain.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskDomain, HelpdeskDomainChangeRequest, HelpdeskDomainSetupFlow, HelpdeskSettings};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// The helpdesk settings.
    "Resolve Helpdesk Settings" => fn resolve_helpdesk_settings -> ResolveHelpdeskSettings;
    GET "website/{website_id}/helpdesk/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data HelpdeskSettings;

    /// Changes the settings set in `settings` (a `PATCH`, whatever the
    /// label says: other settings are kept).
    "Save Helpdesk Settings" => fn save_helpdesk_settings -> SaveHelpdeskSettings;
    PATCH "website/{website_id}/helpdesk/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (settings: HelpdeskSettings);
    body settings: HelpdeskSettings = settings;
    output empty;

    /// Where the helpdesk is served: its basic and custom domains.
    "Resolve Helpdesk Domain" => fn resolve_helpdesk_domain -> ResolveHelpdeskDomain;
    GET "website/{website_id}/helpdesk/domain";
    tiers [user];
    path (website_id: &'a WebsiteId);
    output data HelpdeskDomain;

    /// Changes the basic and/or custom domain, as `change` says.
    "Request Helpdesk Domain Change" => fn request_helpdesk_domain_change -> RequestHelpdeskDomainChange;
    PATCH "website/{website_id}/helpdesk/domain";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (change: HelpdeskDomainChangeRequest);
    body change: HelpdeskDomainChangeRequest = change;
    output empty;

    /// The DNS records a custom domain needs.
    "Generate Helpdesk Domain Setup Flow" => fn generate_helpdesk_domain_setup_flow -> GenerateHelpdeskDomainSetupFlow;
    GET "website/{website_id}/helpdesk/domain/setup";
    tiers [user];
    path (website_id: &'a WebsiteId);
    query {
        /// The custom domain to set up (default: the one saved).
        custom: String,
    }
    output data HelpdeskDomainSetupFlow;
}
