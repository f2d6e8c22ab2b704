//! Locale categories and their sections, of the retired helpdesk API (Node
//! SDK 9.x and 10.x; gone from Node 11).
//!
//! Kept for code written against those SDKs, `#[deprecated]`: the current
//! API stores categories and sections as folders of the `articles` content
//! tree; each note names the call that replaces the route.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{
    CategoryId, HelpdeskLocaleCategory, HelpdeskLocaleCategoryAdd, HelpdeskLocaleCategoryNew,
    HelpdeskLocaleCategoryUpdate, HelpdeskLocaleSection, HelpdeskLocaleSectionAdd, HelpdeskLocaleSectionNew,
    HelpdeskLocaleSectionUpdate, SectionId,
};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the locale's categories; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    #[deprecated = "retired from the Node SDK 11; categories are the folders of the articles tree: `list_helpdesk_tree(website_id, locale, HelpdeskContentType::Articles, page_number)`"]
    "List Helpdesk Locale Categories" => fn list_helpdesk_locale_categories -> ListHelpdeskLocaleCategories;
    GET "website/{website_id}/helpdesk/locale/{locale}/categories/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, page_number: u32);
    output data Vec<HelpdeskLocaleCategory>;
    paginated HelpdeskLocaleCategory;

    /// Adds a category named `name`; returns its id.
    #[deprecated = "retired from the Node SDK 11; create a folder with `create_helpdesk_tree_path(website_id, locale, HelpdeskContentType::Articles, tree_path)`"]
    "Add Helpdesk Locale Category" => fn add_helpdesk_locale_category -> AddHelpdeskLocaleCategory;
    POST "website/{website_id}/helpdesk/locale/{locale}/category";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str);
    args (name: impl Into<String>);
    body add: HelpdeskLocaleCategoryAdd = HelpdeskLocaleCategoryAdd::new(name);
    output data HelpdeskLocaleCategoryNew;

    /// `true` if the category exists, `false` if Crisp answers 404.
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_path` on the folder's tree path (an API error with status 404 means missing)"]
    "Check If Helpdesk Locale Category Exists" => fn check_helpdesk_locale_category_exists -> CheckHelpdeskLocaleCategoryExists;
    HEAD "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId);
    output exists;

    /// One category.
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_path` and `resolve_helpdesk_tree_metadata` on the folder's tree path"]
    "Resolve Helpdesk Locale Category" => fn resolve_helpdesk_locale_category -> ResolveHelpdeskLocaleCategory;
    GET "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId);
    output data HelpdeskLocaleCategory;

    /// Saves the whole category.
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` on the folder's tree path"]
    "Save Helpdesk Locale Category" => fn save_helpdesk_locale_category -> SaveHelpdeskLocaleCategory;
    PUT "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId);
    args (category: HelpdeskLocaleCategoryUpdate);
    body category: HelpdeskLocaleCategoryUpdate = category;
    output empty;

    /// Changes the category fields set in `category`.
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` on the folder's tree path"]
    "Update Helpdesk Locale Category" => fn update_helpdesk_locale_category -> UpdateHelpdeskLocaleCategory;
    PATCH "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId);
    args (category: HelpdeskLocaleCategoryUpdate);
    body category: HelpdeskLocaleCategoryUpdate = category;
    output empty;

    /// Deletes the category.
    #[deprecated = "retired from the Node SDK 11; use `delete_helpdesk_tree_path` on the folder's tree path"]
    "Delete Helpdesk Locale Category" => fn delete_helpdesk_locale_category -> DeleteHelpdeskLocaleCategory;
    DELETE "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId);
    output empty;

    /// One page (from 1) of the category's sections; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    #[deprecated = "retired from the Node SDK 11; sections are sub-folders of the articles tree: `list_helpdesk_tree(..).sub_path(category_tree_path)`"]
    "List Helpdesk Locale Sections" => fn list_helpdesk_locale_sections -> ListHelpdeskLocaleSections;
    GET "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/sections/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId, page_number: u32);
    output data Vec<HelpdeskLocaleSection>;
    paginated HelpdeskLocaleSection;

    /// Adds a section named `name` to the category; returns its id.
    #[deprecated = "retired from the Node SDK 11; create a sub-folder with `create_helpdesk_tree_path` (the category's tree path plus the section's slug)"]
    "Add Helpdesk Locale Section" => fn add_helpdesk_locale_section -> AddHelpdeskLocaleSection;
    POST "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId);
    args (name: impl Into<String>);
    body add: HelpdeskLocaleSectionAdd = HelpdeskLocaleSectionAdd::new(name);
    output data HelpdeskLocaleSectionNew;

    /// `true` if the section exists, `false` if Crisp answers 404.
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_path` on the sub-folder's tree path (an API error with status 404 means missing)"]
    "Check If Helpdesk Locale Section Exists" => fn check_helpdesk_locale_section_exists -> CheckHelpdeskLocaleSectionExists;
    HEAD "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId, section_id: &'a SectionId);
    output exists;

    /// One section.
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_path` and `resolve_helpdesk_tree_metadata` on the sub-folder's tree path"]
    "Resolve Helpdesk Locale Section" => fn resolve_helpdesk_locale_section -> ResolveHelpdeskLocaleSection;
    GET "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId, section_id: &'a SectionId);
    output data HelpdeskLocaleSection;

    /// Saves the whole section.
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` (title) or `update_helpdesk_tree_path` (position) on the sub-folder's tree path"]
    "Save Helpdesk Locale Section" => fn save_helpdesk_locale_section -> SaveHelpdeskLocaleSection;
    PUT "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId, section_id: &'a SectionId);
    args (section: HelpdeskLocaleSectionUpdate);
    body section: HelpdeskLocaleSectionUpdate = section;
    output empty;

    /// Changes the section fields set in `section`.
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` (title) or `update_helpdesk_tree_path` (position) on the sub-folder's tree path"]
    "Update Helpdesk Locale Section" => fn update_helpdesk_locale_section -> UpdateHelpdeskLocaleSection;
    PATCH "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId, section_id: &'a SectionId);
    args (section: HelpdeskLocaleSectionUpdate);
    body section: HelpdeskLocaleSectionUpdate = section;
    output empty;

    /// Deletes the section.
    #[deprecated = "retired from the Node SDK 11; use `delete_helpdesk_tree_path` on the sub-folder's tree path"]
    "Delete Helpdesk Locale Section" => fn delete_helpdesk_locale_section -> DeleteHelpdeskLocaleSection;
    DELETE "website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, category_id: &'a CategoryId, section_id: &'a SectionId);
    output empty;
}
