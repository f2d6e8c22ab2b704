//! The helpdesk (Crisp's knowledge base): the helpdesk itself, its locales,
//! its content tree (pages, paths, content, metadata), the history of changes,
//! feedback, redirections, settings and domain; and the locale article,
//! category and section models of the retired API (Node SDK 9.x and 10.x).
//!
//! Content is organised per locale and per [`HelpdeskContentType`] (articles,
//! guides, references, news) as a tree addressed by [`TreePath`]s:
//!
//! ```
//! use crisp_types::helpdesk::{HelpdeskContentType, HelpdeskPage, TreePath};
//!
//! let page: HelpdeskPage = serde_json::from_str(
//!     r#"{"entity_id":"e1","title":"Install on Linux","tree_path":"getting-started/install-linux"}"#,
//! )?;
//! let path = page.tree_path.unwrap();
//! assert_eq!(path.segments(), ["getting-started", "install-linux"]);
//! assert_eq!(HelpdeskContentType::Guides.as_str(), "guides");
//! # Ok::<(), serde_json::Error>(())
//! ```

mod article;
mod base;
mod category;
mod domain;
mod feedback;
mod history;
mod locale;
mod redirection;
mod settings;
mod tree;
mod tree_path;

pub use article::{
    HelpdeskArticleStatus, HelpdeskArticleVisibility, HelpdeskLocaleArticle, HelpdeskLocaleArticleAdd,
    HelpdeskLocaleArticleAlternate, HelpdeskLocaleArticleAlternateSave, HelpdeskLocaleArticleCategory,
    HelpdeskLocaleArticleCategoryUpdate, HelpdeskLocaleArticleNew, HelpdeskLocaleArticlePage,
    HelpdeskLocaleArticlePublish, HelpdeskLocaleArticleUpdate,
};
pub use base::{
    Helpdesk, HelpdeskCreate, HelpdeskLocaleExternalImport, HelpdeskRemove, HelpdeskRemoveVerify, HelpdeskVerifyMethod,
};
pub use category::{
    HelpdeskLocaleCategory, HelpdeskLocaleCategoryAdd, HelpdeskLocaleCategoryNew, HelpdeskLocaleCategoryUpdate,
    HelpdeskLocaleSection, HelpdeskLocaleSectionAdd, HelpdeskLocaleSectionNew, HelpdeskLocaleSectionUpdate,
};
pub use domain::{
    HelpdeskDomain, HelpdeskDomainChangeRequest, HelpdeskDomainSetup, HelpdeskDomainSetupFlow,
    HelpdeskDomainSetupRecord,
};
pub use feedback::{
    HelpdeskFeedbackRating, HelpdeskLocaleFeedbackItem, HelpdeskLocaleFeedbackItemArticle,
    HelpdeskLocaleFeedbackItemSession, HelpdeskLocaleFeedbackRatings, HelpdeskLocaleFeedbackRatingsRatings,
    HelpdeskSessionAssigned, HelpdeskSessionCoordinates, HelpdeskSessionGeolocation,
};
pub use history::{
    HelpdeskHistoryChange, HelpdeskHistoryChangeAuthor, HelpdeskHistoryChangeCancel, HelpdeskHistoryChangeEdits,
    HelpdeskHistoryChangeFile,
};
pub use locale::{HelpdeskLocale, HelpdeskLocaleAdd, HelpdeskLocaleStatistics, HelpdeskLocaleStatisticsContent};
pub use redirection::{HelpdeskRedirection, HelpdeskRedirectionAdd, HelpdeskRedirectionNew};
pub use settings::{
    HelpdeskSettings, HelpdeskSettingsAccess, HelpdeskSettingsAppearance, HelpdeskSettingsAppearanceColor,
    HelpdeskSettingsAppearanceLogos, HelpdeskSettingsBehavior, HelpdeskSettingsInclude, HelpdeskSettingsLocalization,
    HelpdeskSettingsSection, HelpdeskSettingsService,
};
pub use tree::{
    HelpdeskPage, HelpdeskTreeContent, HelpdeskTreeContentSave, HelpdeskTreeEntry, HelpdeskTreeMetadata,
    HelpdeskTreeMetadataAuthor, HelpdeskTreePage, HelpdeskTreePathUpdate, HelpdeskTreePathUpdateTarget,
    HelpdeskTreeState,
};
pub use tree_path::TreePath;

string_id! {
    /// A helpdesk locale's id (a UUID); the routes address a locale by its
    /// code (`en`, `fr`), not by this id.
    LocaleId
}

string_id! {
    /// A helpdesk page's entity id (`resolve_helpdesk_page_entity`).
    EntityId
}

string_id! {
    /// The id of a change in the helpdesk history.
    ChangeId
}

string_id! {
    /// A helpdesk redirection's id.
    RedirectionId
}

string_id! {
    /// The id of an article of the retired locale article API.
    ArticleId
}

string_id! {
    /// The id of a category of the retired locale category API.
    CategoryId
}

string_id! {
    /// The id of a section (within a category) of the retired locale category API.
    SectionId
}

open_enum! {
    /// The kind of helpdesk content a tree holds: the `{content_type}` of the
    /// helpdesk routes. Each locale has one content tree per kind.
    pub enum HelpdeskContentType {
        /// Help articles.
        Articles => "articles",
        /// Step-by-step guides.
        Guides => "guides",
        /// Reference documentation.
        References => "references",
        /// News posts.
        News => "news",
    }
}
