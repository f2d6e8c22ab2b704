//! Content refresh, import from an external helpdesk, and export.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskContentType, HelpdeskLocaleExternalImport};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Asks Crisp to rebuild the published pages of a locale and content
    /// type (sends `{}`, as the Node SDK does).
    "Request Helpdesk Content Refresh" => fn request_helpdesk_content_refresh -> RequestHelpdeskContentRefresh;
    POST "website/{website_id}/helpdesk/refresh/{locale}/{content_type}";
    tiers [];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType);
    body {};
    output empty;

    /// Imports an external helpdesk (Intercom, Zendesk, ...) into a locale
    /// and content type; the import runs in the background.
    "Import External Helpdesk To Locale" => fn import_external_helpdesk_to_locale -> ImportExternalHelpdeskToLocale;
    POST "website/{website_id}/helpdesk/import/{locale}/{content_type}";
    tiers [user];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType);
    args (import: HelpdeskLocaleExternalImport);
    body import: HelpdeskLocaleExternalImport = import;
    output empty;

    /// Exports the pages of a locale and content type (Crisp emails the
    /// archive; sends `{}`, as the Node SDK does).
    "Export Helpdesk Locale Articles" => fn export_helpdesk_locale_articles -> ExportHelpdeskLocaleArticles;
    POST "website/{website_id}/helpdesk/export/{locale}/{content_type}";
    tiers [user];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType);
    body {};
    output empty;
}
