//! The published pages of a locale and content type.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{EntityId, HelpdeskContentType, HelpdeskPage};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the pages of a locale and content type, each
    /// with its tree path; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Helpdesk Pages" => fn list_helpdesk_pages -> ListHelpdeskPages;
    GET "website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}";
    tiers [];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType, page_number: u32);
    output data Vec<HelpdeskPage>;
    paginated HelpdeskPage;

    /// The page with this entity id.
    "Resolve Helpdesk Page Entity" => fn resolve_helpdesk_page_entity -> ResolveHelpdeskPageEntity;
    GET "website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}";
    tiers [];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType, entity_id: &'a EntityId);
    output data HelpdeskPage;
}
