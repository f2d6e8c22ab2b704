//! Locale articles of the retired helpdesk API (Node SDK 9.x and 10.x; gone
//! from Node 11): the article, its page, category, alternates (translations)
//! and publication.
//!
//! Kept for code written against those SDKs, `#[deprecated]`: the current
//! API stores articles as entries of the `articles` content tree, addressed
//! by [`TreePath`](crisp_types::helpdesk::TreePath); each note names the call
//! that replaces the route.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{
    ArticleId, CategoryId, HelpdeskLocaleArticle, HelpdeskLocaleArticleAdd, HelpdeskLocaleArticleAlternate,
    HelpdeskLocaleArticleAlternateSave, HelpdeskLocaleArticleCategory, HelpdeskLocaleArticleCategoryUpdate,
    HelpdeskLocaleArticleNew, HelpdeskLocaleArticlePage, HelpdeskLocaleArticlePublish, HelpdeskLocaleArticleUpdate,
    SectionId,
};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the locale's articles, with optional filters;
    /// see [`Paginated::into_stream`](crate::Paginated::into_stream) for all
    /// pages. Flags are sent as `1`/`0`.
    #[deprecated = "retired from the Node SDK 11; list the articles tree with `list_helpdesk_tree(website_id, locale, HelpdeskContentType::Articles, page_number)` (or its pages with `list_helpdesk_pages`)"]
    "List Helpdesk Locale Articles" => fn list_helpdesk_locale_articles -> ListHelpdeskLocaleArticles;
    GET "website/{website_id}/helpdesk/locale/{locale}/articles/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, page_number: u32);
    query {
        /// Most visited first.
        order_visits: bool,
        /// Only articles whose title contains this text.
        search_title: String,
        /// Only articles of this category.
        filter_category_id: CategoryId,
        /// Only articles of this section.
        filter_section_id: SectionId,
        /// Only published articles.
        filter_status_published: bool,
        /// Only draft articles.
        filter_status_draft: bool,
        /// Only visible articles.
        filter_visibility_visible: bool,
        /// Only hidden articles.
        filter_visibility_hidden: bool,
        /// Only articles changed from this date (ISO 8601).
        filter_date_start: String,
        /// Only articles changed until this date (ISO 8601).
        filter_date_end: String,
    }
    output data Vec<HelpdeskLocaleArticle>;
    paginated HelpdeskLocaleArticle;

    /// Adds a draft article titled `title`; returns its id.
    #[deprecated = "retired from the Node SDK 11; create the page with `create_helpdesk_tree_path(website_id, locale, HelpdeskContentType::Articles, tree_path)`, then `update_helpdesk_tree_metadata` (title) and `save_helpdesk_tree_content`"]
    "Add A New Helpdesk Locale Article" => fn add_new_helpdesk_locale_article -> AddNewHelpdeskLocaleArticle;
    POST "website/{website_id}/helpdesk/locale/{locale}/article";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str);
    args (title: impl Into<String>);
    body add: HelpdeskLocaleArticleAdd = HelpdeskLocaleArticleAdd::new(title);
    output data HelpdeskLocaleArticleNew;

    /// `true` if the article exists, `false` if Crisp answers 404.
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_path(website_id, locale, HelpdeskContentType::Articles, tree_path)` (an API error with status 404 means missing)"]
    "Check If Helpdesk Locale Article Exists" => fn check_helpdesk_locale_article_exists -> CheckHelpdeskLocaleArticleExists;
    HEAD "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    output exists;

    /// The article, with its content.
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_metadata` and `resolve_helpdesk_tree_content` on the article's tree path"]
    "Resolve Helpdesk Locale Article" => fn resolve_helpdesk_locale_article -> ResolveHelpdeskLocaleArticle;
    GET "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    output data HelpdeskLocaleArticle;

    /// Saves the whole article.
    #[deprecated = "retired from the Node SDK 11; use `save_helpdesk_tree_content` and `update_helpdesk_tree_metadata` on the article's tree path"]
    "Save Helpdesk Locale Article" => fn save_helpdesk_locale_article -> SaveHelpdeskLocaleArticle;
    PUT "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    args (article: HelpdeskLocaleArticleUpdate);
    body article: HelpdeskLocaleArticleUpdate = article;
    output empty;

    /// Changes the article fields set in `article`.
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` (and `save_helpdesk_tree_content` for the content) on the article's tree path"]
    "Update Helpdesk Locale Article" => fn update_helpdesk_locale_article -> UpdateHelpdeskLocaleArticle;
    PATCH "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    args (article: HelpdeskLocaleArticleUpdate);
    body article: HelpdeskLocaleArticleUpdate = article;
    output empty;

    /// Deletes the article.
    #[deprecated = "retired from the Node SDK 11; use `delete_helpdesk_tree_path(website_id, locale, HelpdeskContentType::Articles, tree_path)`"]
    "Delete Helpdesk Locale Article" => fn delete_helpdesk_locale_article -> DeleteHelpdeskLocaleArticle;
    DELETE "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    output empty;

    /// The article's public page (title and URL).
    #[deprecated = "retired from the Node SDK 11; use `resolve_helpdesk_tree_page` on the article's tree path"]
    "Resolve Helpdesk Locale Article Page" => fn resolve_helpdesk_locale_article_page -> ResolveHelpdeskLocaleArticlePage;
    GET "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/page";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    output data HelpdeskLocaleArticlePage;

    /// The category (and section) the article is filed in.
    #[deprecated = "retired from the Node SDK 11; the folder an entry sits in is its tree path's parent (`TreePath::parent`), see `resolve_helpdesk_tree_path`"]
    "Resolve Helpdesk Locale Article Category" => fn resolve_helpdesk_locale_article_category -> ResolveHelpdeskLocaleArticleCategory;
    GET "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    output data HelpdeskLocaleArticleCategory;

    /// Files the article in the category `category_id` (and a section, with
    /// the `section_id` setter).
    #[deprecated = "retired from the Node SDK 11; move the entry to another folder with `update_helpdesk_tree_path` and `HelpdeskTreePathUpdate::move_to`"]
    "Update Helpdesk Locale Article Category" => fn update_helpdesk_locale_article_category -> UpdateHelpdeskLocaleArticleCategory;
    PATCH "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    args (category_id: CategoryId);
    body update: HelpdeskLocaleArticleCategoryUpdate = HelpdeskLocaleArticleCategoryUpdate::new(category_id), setters {
        /// The section within the category (not sent when unset).
        section_id: SectionId,
    };
    output empty;

    /// The article's translations in other locales.
    #[deprecated = "retired from the Node SDK 11; a translation is the same tree path in another locale: `resolve_helpdesk_tree_path` with that locale"]
    "List Helpdesk Locale Article Alternates" => fn list_helpdesk_locale_article_alternates -> ListHelpdeskLocaleArticleAlternates;
    GET "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternates";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    output data Vec<HelpdeskLocaleArticleAlternate>;

    /// `true` if the article has a translation in `locale_linked`, `false`
    /// if Crisp answers 404.
    #[deprecated = "retired from the Node SDK 11; a translation is the same tree path in another locale: `resolve_helpdesk_tree_path` with that locale"]
    "Check If Helpdesk Locale Article Alternate Exists" => fn check_helpdesk_locale_article_alternate_exists -> CheckHelpdeskLocaleArticleAlternateExists;
    HEAD "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId, locale_linked: &'a str);
    output exists;

    /// The article's translation in `locale_linked`.
    #[deprecated = "retired from the Node SDK 11; a translation is the same tree path in another locale: `resolve_helpdesk_tree_path` with that locale"]
    "Resolve Helpdesk Locale Article Alternate" => fn resolve_helpdesk_locale_article_alternate -> ResolveHelpdeskLocaleArticleAlternate;
    GET "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId, locale_linked: &'a str);
    output data HelpdeskLocaleArticleAlternate;

    /// Links the article to `article_id_linked`, its translation in
    /// `locale_linked`.
    #[deprecated = "retired from the Node SDK 11; a translation is the same tree path in another locale: write it with `create_helpdesk_tree_path` and `save_helpdesk_tree_content` in that locale"]
    "Save Helpdesk Locale Article Alternate" => fn save_helpdesk_locale_article_alternate -> SaveHelpdeskLocaleArticleAlternate;
    PUT "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId, locale_linked: &'a str);
    args (article_id_linked: ArticleId);
    body save: HelpdeskLocaleArticleAlternateSave = HelpdeskLocaleArticleAlternateSave::new(article_id_linked);
    output empty;

    /// Unlinks the article's translation in `locale_linked`.
    #[deprecated = "retired from the Node SDK 11; a translation is the same tree path in another locale: `delete_helpdesk_tree_path` with that locale"]
    "Delete Helpdesk Locale Article Alternate" => fn delete_helpdesk_locale_article_alternate -> DeleteHelpdeskLocaleArticleAlternate;
    DELETE "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId, locale_linked: &'a str);
    output empty;

    /// Publishes the article; returns its URL (sends `{}`, as the Node SDK
    /// does).
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` with `HelpdeskTreeMetadata::new().state(HelpdeskTreeState::new().published(true))`"]
    "Publish Helpdesk Locale Article" => fn publish_helpdesk_locale_article -> PublishHelpdeskLocaleArticle;
    POST "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/publish";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    body {};
    output data HelpdeskLocaleArticlePublish;

    /// Unpublishes the article, back to draft (sends `{}`, as the Node SDK
    /// does).
    #[deprecated = "retired from the Node SDK 11; use `update_helpdesk_tree_metadata` with `HelpdeskTreeMetadata::new().state(HelpdeskTreeState::new().published(false))`"]
    "Unpublish Helpdesk Locale Article" => fn unpublish_helpdesk_locale_article -> UnpublishHelpdeskLocaleArticle;
    POST "website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/unpublish";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, article_id: &'a ArticleId);
    body {};
    output empty;
}
