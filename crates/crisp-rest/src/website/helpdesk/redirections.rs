//! Helpdesk redirections: old URLs sent on to new ones.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskRedirection, HelpdeskRedirectionAdd, HelpdeskRedirectionNew, RedirectionId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the redirections; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Helpdesk Redirections" => fn list_helpdesk_redirections -> ListHelpdeskRedirections;
    GET "website/{website_id}/helpdesk/redirections/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<HelpdeskRedirection>;
    paginated HelpdeskRedirection;

    /// Redirects `path` to `target`; returns the new redirection's id.
    "Add Helpdesk Redirection" => fn add_helpdesk_redirection -> AddHelpdeskRedirection;
    POST "website/{website_id}/helpdesk/redirection";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (path: impl Into<String>, target: impl Into<String>);
    body add: HelpdeskRedirectionAdd = HelpdeskRedirectionAdd::new(path, target);
    output data HelpdeskRedirectionNew;

    /// `true` if the redirection exists, `false` if Crisp answers 404.
    "Check If Helpdesk Redirection Exists" => fn check_helpdesk_redirection_exists -> CheckHelpdeskRedirectionExists;
    HEAD "website/{website_id}/helpdesk/redirection/{redirection_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, redirection_id: &'a RedirectionId);
    output exists;

    /// One redirection.
    "Resolve Helpdesk Redirection" => fn resolve_helpdesk_redirection -> ResolveHelpdeskRedirection;
    GET "website/{website_id}/helpdesk/redirection/{redirection_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, redirection_id: &'a RedirectionId);
    output data HelpdeskRedirection;

    /// Deletes a redirection.
    "Delete Helpdesk Redirection" => fn delete_helpdesk_redirection -> DeleteHelpdeskRedirection;
    DELETE "website/{website_id}/helpdesk/redirection/{redirection_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, redirection_id: &'a RedirectionId);
    output empty;
}
