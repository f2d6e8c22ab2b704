//! The locales (languages) of a helpdesk.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskLocale, HelpdeskLocaleAdd};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the helpdesk's locales; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Helpdesk Locales" => fn list_helpdesk_locales -> ListHelpdeskLocales;
    GET "website/{website_id}/helpdesk/locales/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<HelpdeskLocale>;
    paginated HelpdeskLocale;

    /// Adds the locale `locale` (`fr`, `pt-br`).
    "Add Helpdesk Locale" => fn add_helpdesk_locale -> AddHelpdeskLocale;
    POST "website/{website_id}/helpdesk/locale";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (locale: impl Into<String>);
    body add: HelpdeskLocaleAdd = HelpdeskLocaleAdd::new(locale);
    output empty;

    /// `true` if the helpdesk has the locale, `false` if Crisp answers 404.
    "Check If Helpdesk Locale Exists" => fn check_helpdesk_locale_exists -> CheckHelpdeskLocaleExists;
    HEAD "website/{website_id}/helpdesk/locale/{locale}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str);
    output exists;

    /// The locale, with the size of each of its content trees.
    "Resolve Helpdesk Locale" => fn resolve_helpdesk_locale -> ResolveHelpdeskLocale;
    GET "website/{website_id}/helpdesk/locale/{locale}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str);
    output data HelpdeskLocale;

    /// Deletes the locale and all its content.
    "Delete Helpdesk Locale" => fn delete_helpdesk_locale -> DeleteHelpdeskLocale;
    DELETE "website/{website_id}/helpdesk/locale/{locale}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str);
    output empty;
}
