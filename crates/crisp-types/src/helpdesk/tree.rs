//! The content tree of a locale and content type: its pages, entries
//! (folders and pages, nested), each entry's content and metadata, and the
//! bodies that change them.

use serde::{Deserialize, Serialize};

use super::{EntityId, TreePath};
use crate::UserId;
use crate::util::null_as_default;

/// A published page of a content tree.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskPage {
    /// The page's entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<EntityId>,
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the page sits in the tree (usable with the tree routes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tree_path: Option<TreePath>,
    /// The page's public URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Publication flags of a tree entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskTreeState {
    /// Whether it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
    /// Whether it is hidden from listings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    /// Whether it is featured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured: Option<bool>,
}

impl HelpdeskTreeState {
    /// No flag set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `published`.
        published: bool,
        /// Sets `hidden`.
        hidden: bool,
        /// Sets `featured`.
        featured: bool,
    }
}

/// An entry of a content tree (a folder or a page), with its children.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskTreeEntry {
    /// What the entry is (`type` on the wire), e.g. a folder or a page.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The entry's slug: the last segment of its tree path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<HelpdeskTreeState>,
    /// The entries below it.
    #[serde(default, deserialize_with = "null_as_default")]
    pub children: Vec<HelpdeskTreeEntry>,
}

/// The content of a tree entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskTreeContent {
    /// The content (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// The body that saves a tree entry's content.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskTreeContentSave;
///
/// let save = HelpdeskTreeContentSave::new("# Install\n\nRun the installer.");
/// assert_eq!(serde_json::to_string(&save)?, r##"{"content":"# Install\n\nRun the installer."}"##);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskTreeContentSave {
    /// The new content (Markdown), replacing the old one.
    pub content: String,
}

impl HelpdeskTreeContentSave {
    /// Saves `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
        }
    }
}

/// The metadata of a tree entry. Also the body of "update helpdesk tree
/// metadata" (a `PATCH`: only the fields set are sent).
///
/// ```
/// use crisp_types::helpdesk::{HelpdeskTreeMetadata, HelpdeskTreeState};
///
/// let patch = HelpdeskTreeMetadata::new()
///     .title("Install on Linux")
///     .state(HelpdeskTreeState::new().published(true));
/// assert_eq!(
///     serde_json::to_string(&patch)?,
///     r#"{"title":"Install on Linux","state":{"published":true}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskTreeMetadata {
    /// The content format (e.g. `markdown`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The publication flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<HelpdeskTreeState>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<HelpdeskTreeMetadataAuthor>,
    /// The colour (folders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// The image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

impl HelpdeskTreeMetadata {
    /// No field set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the format.
        format: String,
        /// Sets the title.
        title: String,
        /// Sets the description.
        description: String,
        /// Sets the publication flags.
        state: HelpdeskTreeState,
        /// Sets the author.
        author: HelpdeskTreeMetadataAuthor,
        /// Sets the colour.
        color: String,
        /// Sets the image URL.
        image: String,
    }
}

/// The author of a tree entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskTreeMetadataAuthor {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

impl HelpdeskTreeMetadataAuthor {
    /// The operator `user_id`.
    pub fn new(user_id: UserId) -> Self {
        Self { user_id: Some(user_id) }
    }
}

/// A tree entry's public page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskTreePage {
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The body that changes a tree path: an `action`, with where to move the
/// entry (`path.to`) and its new position among its siblings, as the action
/// needs.
///
/// ```
/// use crisp_types::helpdesk::{HelpdeskTreePathUpdate, TreePath};
///
/// let update = HelpdeskTreePathUpdate::new("move").move_to(TreePath::parse("setup/linux")).position(0);
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"action":"move","path":{"to":"setup/linux"},"position":0}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskTreePathUpdate {
    /// What to do (the Node SDK passes the caller's string through).
    pub action: String,
    /// Where to move the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<HelpdeskTreePathUpdateTarget>,
    /// The new position among its siblings (from 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u64>,
}

impl HelpdeskTreePathUpdate {
    /// An update doing `action`.
    pub fn new(action: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            path: None,
            position: None,
        }
    }

    /// Sets where to move the entry (`path.to`).
    #[must_use]
    pub fn move_to(mut self, to: impl Into<TreePath>) -> Self {
        self.path = Some(HelpdeskTreePathUpdateTarget { to: to.into() });
        self
    }

    /// Sets the new position among its siblings (from 0).
    #[must_use]
    pub fn position(mut self, position: u64) -> Self {
        self.position = Some(position);
        self
    }
}

/// Where a tree entry moves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskTreePathUpdateTarget {
    /// The new tree path.
    pub to: TreePath,
}
