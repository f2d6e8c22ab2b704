//! Website teams: named groups of operators that inboxes and routing use.
//!
//! ```
//! use crisp_types::UserId;
//! use crisp_types::team::WebsiteTeamItem;
//!
//! let team = WebsiteTeamItem::new("Sales", "💰").operators([UserId::new("u1")]);
//! assert_eq!(
//!     serde_json::to_string(&team)?,
//!     r#"{"name":"Sales","emoji":"💰","operators":["u1"]}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;
use crate::{TeamId, Timestamp, UserId};

/// A team.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteTeam {
    /// The team's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<TeamId>,
    /// The team's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The team's emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// The team's members.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub operators: Vec<UserId>,
    /// When the team was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the team was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// What `POST website/{website_id}/team` answers: the new team's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteTeamNew {
    /// The new team's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<TeamId>,
}

/// The body that creates or saves a team: `{name, emoji, operators}`
/// (`operators` always sent, `[]` by default).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteTeamItem {
    /// The team's name.
    #[serde(default)]
    pub name: String,
    /// The team's emoji.
    #[serde(default)]
    pub emoji: String,
    /// The team's members.
    #[serde(default, deserialize_with = "null_as_default")]
    pub operators: Vec<UserId>,
}

impl WebsiteTeamItem {
    /// A team named `name`, shown with `emoji`, with no member yet.
    pub fn new(name: impl Into<String>, emoji: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            emoji: emoji.into(),
            operators: Vec::new(),
        }
    }

    /// Sets the team's members.
    #[must_use]
    pub fn operators(mut self, operators: impl IntoIterator<Item = UserId>) -> Self {
        self.operators = operators.into_iter().collect();
        self
    }
}
