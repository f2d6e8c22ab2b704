//! The helpdesk itself: check, resolve, initialize, delete.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{Helpdesk, HelpdeskCreate, HelpdeskRemove, HelpdeskRemoveVerify};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// `true` if the website has a helpdesk, `false` if Crisp answers 404.
    "Check If Helpdesk Exists" => fn check_helpdesk_exists -> CheckHelpdeskExists;
    HEAD "website/{website_id}/helpdesk";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output exists;

    /// The helpdesk's name and URL.
    "Resolve Helpdesk" => fn resolve_helpdesk -> ResolveHelpdesk;
    GET "website/{website_id}/helpdesk";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data Helpdesk;

    /// Creates the website's helpdesk, named `name`, on the sub-domain
    /// `domain_basic` (`acme` for `acme.crisp.help`).
    "Initialize Helpdesk" => fn initialize_helpdesk -> InitializeHelpdesk;
    POST "website/{website_id}/helpdesk";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (name: impl Into<String>, domain_basic: impl Into<String>);
    body create: HelpdeskCreate = HelpdeskCreate::new(name, domain_basic);
    output empty;

    /// Deletes the helpdesk and all its content; `verify` proves the
    /// account owner's identity. The body travels with the `DELETE`.
    "Delete Helpdesk" => fn delete_helpdesk -> DeleteHelpdesk;
    DELETE "website/{website_id}/helpdesk";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (verify: HelpdeskRemoveVerify);
    body remove: HelpdeskRemove = HelpdeskRemove::new(verify);
    output empty;
}
