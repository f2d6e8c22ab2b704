//! The history of helpdesk changes (each save, move or deletion in a content
//! tree is a change), and the body that cancels one.

use serde::{Deserialize, Serialize};

use super::{ChangeId, HelpdeskTreeMetadata};
use crate::Timestamp;
use crate::util::null_as_default;

/// One change to the helpdesk content.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskHistoryChange {
    /// The change's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_id: Option<ChangeId>,
    /// What the change did, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<HelpdeskHistoryChangeAuthor>,
    /// How many lines it added and removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edits: Option<HelpdeskHistoryChangeEdits>,
    /// When it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// The files (pages) it touched.
    #[serde(default, deserialize_with = "null_as_default")]
    pub files: Vec<HelpdeskHistoryChangeFile>,
}

/// The author of a change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskHistoryChangeAuthor {
    /// Their email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The size of a change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskHistoryChangeEdits {
    /// Lines added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insertions: Option<u64>,
    /// Lines removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletions: Option<u64>,
}

/// One page a change touched.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskHistoryChangeFile {
    /// What happened to it (e.g. `added`, `modified`, `deleted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// Its path in the content store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Its metadata after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<HelpdeskTreeMetadata>,
    /// Its content after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// The body that cancels (reverts) a change.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskHistoryChangeCancel;
///
/// let cancel = HelpdeskHistoryChangeCancel::new("revert");
/// assert_eq!(serde_json::to_string(&cancel)?, r#"{"action":"revert"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskHistoryChangeCancel {
    /// How to cancel it (the Node SDK passes the caller's string through).
    pub action: String,
}

impl HelpdeskHistoryChangeCancel {
    /// Cancels with `action`.
    pub fn new(action: impl Into<String>) -> Self {
        Self { action: action.into() }
    }
}
