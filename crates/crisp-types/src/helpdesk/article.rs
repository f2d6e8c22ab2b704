//! Locale articles of the retired helpdesk API (Node SDK 9.x and 10.x): the
//! article, its page, category and alternates (translations), and the bodies
//! that change them. The current API stores the same content in the content
//! tree ([`super::TreePath`]).

use serde::{Deserialize, Serialize};

use super::{ArticleId, CategoryId, SectionId};
use crate::Timestamp;

open_enum! {
    /// Whether an article is live.
    pub enum HelpdeskArticleStatus {
        /// Visible on the helpdesk.
        Published => "published",
        /// Not published yet (or unpublished).
        Draft => "draft",
    }
}

open_enum! {
    /// Whether a published article is listed.
    pub enum HelpdeskArticleVisibility {
        /// Listed in its category and in search.
        Visible => "visible",
        /// Reachable by its URL only.
        Hidden => "hidden",
    }
}

/// A locale article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticle {
    /// The article's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<ArticleId>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The short description (Crisp may send `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The content, in Markdown (not sent in lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Published or draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<HelpdeskArticleStatus>,
    /// Visible or hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<HelpdeskArticleVisibility>,
    /// Whether the article is featured on the helpdesk home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured: Option<bool>,
    /// How many times it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits: Option<u64>,
    /// Its position in its category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
    /// Its public URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// When it was last published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<Timestamp>,
}

/// The answer to adding an article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleNew {
    /// The new article's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<ArticleId>,
}

/// An article's public page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticlePage {
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The category (and section) an article is filed in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleCategory {
    /// The category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<CategoryId>,
    /// The section within the category, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_id: Option<SectionId>,
}

/// The same article in another locale (a translation).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleAlternate {
    /// The other locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The article in that locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<ArticleId>,
}

/// The answer to publishing an article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticlePublish {
    /// The published article's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The body that adds an article.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleArticleAdd;
///
/// let add = HelpdeskLocaleArticleAdd::new("How to reset my password?");
/// assert_eq!(serde_json::to_string(&add)?, r#"{"title":"How to reset my password?"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleAdd {
    /// The new article's title.
    pub title: String,
}

impl HelpdeskLocaleArticleAdd {
    /// Adds an article titled `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Self { title: title.into() }
    }
}

/// The body that saves (every field, `PUT`) or updates (the fields set,
/// `PATCH`) an article.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleArticleUpdate;
///
/// let update = HelpdeskLocaleArticleUpdate::new().title("Reset your password").featured(true);
/// assert_eq!(serde_json::to_string(&update)?, r#"{"title":"Reset your password","featured":true}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleUpdate {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The content, in Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Whether the article is featured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured: Option<bool>,
    /// Its position in its category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
    /// Visible or hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<HelpdeskArticleVisibility>,
}

impl HelpdeskLocaleArticleUpdate {
    /// No field set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the title.
        title: String,
        /// Sets the description.
        description: String,
        /// Sets the Markdown content.
        content: String,
        /// Sets whether the article is featured.
        featured: bool,
        /// Sets the visibility.
        visibility: HelpdeskArticleVisibility,
    }

    /// Sets the position in its category.
    #[must_use]
    pub fn order(mut self, order: u64) -> Self {
        self.order = Some(order);
        self
    }
}

/// The body that files an article in a category (and optionally a section).
///
/// ```
/// use crisp_types::helpdesk::{CategoryId, HelpdeskLocaleArticleCategoryUpdate, SectionId};
///
/// let move_to = HelpdeskLocaleArticleCategoryUpdate::new(CategoryId::new("c1")).section_id(SectionId::new("s1"));
/// assert_eq!(serde_json::to_string(&move_to)?, r#"{"category_id":"c1","section_id":"s1"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleCategoryUpdate {
    /// The category.
    pub category_id: CategoryId,
    /// The section within it (not sent when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_id: Option<SectionId>,
}

impl HelpdeskLocaleArticleCategoryUpdate {
    /// Files the article in `category_id`.
    pub fn new(category_id: CategoryId) -> Self {
        Self {
            category_id,
            section_id: None,
        }
    }

    option_setters! {
        /// Sets the section within the category.
        section_id: SectionId,
    }
}

/// The body that links an article to its translation in another locale.
///
/// ```
/// use crisp_types::helpdesk::{ArticleId, HelpdeskLocaleArticleAlternateSave};
///
/// let save = HelpdeskLocaleArticleAlternateSave::new(ArticleId::new("a-fr"));
/// assert_eq!(serde_json::to_string(&save)?, r#"{"article_id":"a-fr"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleArticleAlternateSave {
    /// The article in the linked locale.
    pub article_id: ArticleId,
}

impl HelpdeskLocaleArticleAlternateSave {
    /// Links to `article_id` (an article of the linked locale).
    pub fn new(article_id: ArticleId) -> Self {
        Self { article_id }
    }
}
