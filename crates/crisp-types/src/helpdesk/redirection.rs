//! Helpdesk redirections: old URLs sent on to new ones.

use serde::{Deserialize, Serialize};

use super::RedirectionId;
use crate::Timestamp;

/// A redirection.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskRedirection {
    /// The redirection's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirection_id: Option<RedirectionId>,
    /// The path that redirects (e.g. `/en/article/old-slug/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Where it redirects to (a path or a URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// The answer to adding a redirection.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskRedirectionNew {
    /// The new redirection's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirection_id: Option<RedirectionId>,
}

/// The body that adds a redirection.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskRedirectionAdd;
///
/// let add = HelpdeskRedirectionAdd::new("/en/article/old/", "/en/article/new/");
/// assert_eq!(serde_json::to_string(&add)?, r#"{"path":"/en/article/old/","target":"/en/article/new/"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskRedirectionAdd {
    /// The path that redirects.
    pub path: String,
    /// Where it redirects to.
    pub target: String,
}

impl HelpdeskRedirectionAdd {
    /// Redirects `path` to `target`.
    pub fn new(path: impl Into<String>, target: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            target: target.into(),
        }
    }
}
