//! A conversation's state, routing (assigned operator), inbox and open state,
//! and the bodies that change them.

use serde::{Deserialize, Serialize};

use super::ConversationState;
use crate::message::{MessageUser, Origin};
use crate::{InboxId, UserId};

/// A conversation's state (the "get conversation state" response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationStateInfo {
    /// The state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ConversationState>,
}

/// The body that changes a conversation's state (the "get conversation state"
/// response is [`ConversationStateInfo`]).
///
/// ```
/// use crisp::types::conversation::{ConversationState, ConversationStateUpdate};
///
/// let update = ConversationStateUpdate::new(ConversationState::Resolved);
/// assert_eq!(serde_json::to_string(&update)?, r#"{"state":"resolved"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationStateUpdate {
    /// The new state.
    pub state: ConversationState,
    /// Who changes the state, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the change comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationStateUpdate {
    /// Changes the state to `state`.
    pub fn new(state: ConversationState) -> Self {
        Self {
            state,
            user: None,
            origin: None,
        }
    }

    option_setters! {
        /// Sets who changes the state.
        user: MessageUser,
        /// Sets where the change comes from.
        origin: Origin,
    }
}

/// The routing of a conversation (the "get conversation routing assign"
/// response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationRouting {
    /// The assigned operator, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned: Option<RoutingAssigned>,
}

/// An operator a conversation is (to be) assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoutingAssigned {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

/// The body that assigns (or unassigns) a conversation.
///
/// `assigned` is always sent: `null` unassigns.
///
/// ```
/// use crisp::types::conversation::ConversationRoutingUpdate;
///
/// let assign = ConversationRoutingUpdate::assign("user_1").silent(true);
/// assert_eq!(
///     serde_json::to_string(&assign)?,
///     r#"{"assigned":{"user_id":"user_1"},"silent":true}"#
/// );
/// let unassign = ConversationRoutingUpdate::unassign();
/// assert_eq!(serde_json::to_string(&unassign)?, r#"{"assigned":null}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationRoutingUpdate {
    /// The operator to assign, or `None` (sent as `null`) to unassign.
    #[serde(default)]
    pub assigned: Option<RoutingAssigned>,
    /// Assign without notifying the operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silent: Option<bool>,
}

impl ConversationRoutingUpdate {
    /// Assigns the conversation to the operator `user_id`.
    pub fn assign(user_id: impl Into<UserId>) -> Self {
        Self {
            assigned: Some(RoutingAssigned {
                user_id: Some(user_id.into()),
            }),
            silent: None,
        }
    }

    /// Unassigns the conversation.
    pub fn unassign() -> Self {
        Self {
            assigned: None,
            silent: None,
        }
    }

    /// Sets whether to (un)assign without notifying the operator.
    #[must_use]
    pub fn silent(mut self, silent: bool) -> Self {
        self.silent = Some(silent);
        self
    }
}

/// The body that moves a conversation to another inbox.
///
/// `inbox_id` is always sent: `null` moves it to the default inbox.
///
/// ```
/// use crisp::types::InboxId;
/// use crisp::types::conversation::ConversationInboxUpdate;
///
/// let update = ConversationInboxUpdate::new(Some(InboxId::new("inbox_1")));
/// assert_eq!(serde_json::to_string(&update)?, r#"{"inbox_id":"inbox_1"}"#);
/// assert_eq!(serde_json::to_string(&ConversationInboxUpdate::new(None))?, r#"{"inbox_id":null}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationInboxUpdate {
    /// The target inbox, or `None` (sent as `null`) for the default inbox.
    #[serde(default)]
    pub inbox_id: Option<InboxId>,
}

impl ConversationInboxUpdate {
    /// Moves the conversation to `inbox_id` (`None`: the default inbox).
    pub fn new(inbox_id: Option<InboxId>) -> Self {
        Self { inbox_id }
    }
}

/// The body that opens or closes a conversation in the chatbox.
///
/// The key is `opened`, as the Node SDK sends it (the Go SDK's `blocked` tag
/// is a bug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationOpenUpdate {
    /// Whether the conversation is open.
    #[serde(default)]
    pub opened: bool,
}

impl ConversationOpenUpdate {
    /// Opens (`true`) or closes (`false`) the conversation.
    pub fn new(opened: bool) -> Self {
        Self { opened }
    }
}
