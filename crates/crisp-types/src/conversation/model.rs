//! The conversation model and the objects it embeds.

use serde::{Deserialize, Serialize};

use super::{Availability, ConversationMeta, ConversationState};
use crate::message::{MessageFrom, MessageKind};
use crate::util::null_as_default;
use crate::{Fingerprint, InboxId, PeopleId, SessionId, Timestamp, UserId, WebsiteId};

/// A conversation, as listed and as fetched one by one (the same shape).
///
/// ```
/// use crisp::types::conversation::Conversation;
///
/// let conversation = Conversation::new("website_1".into(), "session_1".into());
/// assert_eq!(
///     serde_json::to_value(&conversation)?,
///     serde_json::json!({"session_id": "session_1", "website_id": "website_1"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// The conversation's id.
    pub session_id: SessionId,
    /// The website the conversation belongs to.
    pub website_id: WebsiteId,
    /// The inbox the conversation is in (`None` for the default inbox).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
    /// The people profile linked to the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_id: Option<PeopleId>,
    /// The conversation state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ConversationState>,
    /// The state as a number (`0` pending, `1` unresolved, `2` resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u32>,
    /// Whether the visitor's identity is verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_verified: Option<bool>,
    /// Whether the visitor is blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_blocked: Option<bool>,
    /// Whether the visitor is online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// The visitor's activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<ConversationActive>,
    /// The text of the last message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<String>,
    /// A preview of the last message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_message: Option<ConversationPreviewMessage>,
    /// The conversation topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The visitor's verified identities.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub verifications: Vec<ConversationVerification>,
    /// Other participants (e.g. email CCs).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<ConversationParticipant>,
    /// Mentioned operators' user ids.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
    /// Who is typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compose: Option<ConversationCompose>,
    /// Unread message counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<ConversationUnread>,
    /// The operator the conversation is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned: Option<ConversationAssigned>,
    /// The conversation metas (visitor details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<ConversationMeta>,
    /// When the conversation was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the conversation was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Since when the visitor waits for a reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_since: Option<Timestamp>,
}

impl Conversation {
    /// A conversation with only its ids set, as tests and fakes build them.
    pub fn new(website_id: WebsiteId, session_id: SessionId) -> Self {
        Self {
            session_id,
            website_id,
            inbox_id: None,
            people_id: None,
            state: None,
            status: None,
            is_verified: None,
            is_blocked: None,
            availability: None,
            active: None,
            last_message: None,
            preview_message: None,
            topic: None,
            verifications: Vec::new(),
            participants: Vec::new(),
            mentions: Vec::new(),
            compose: None,
            unread: None,
            assigned: None,
            meta: None,
            created_at: None,
            updated_at: None,
            waiting_since: None,
        }
    }
}

/// A visitor's activity in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationActive {
    /// Whether the visitor is active now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<bool>,
    /// When the visitor was last active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Timestamp>,
}

/// A preview of a conversation's last message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationPreviewMessage {
    /// The message type (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MessageKind>,
    /// Who wrote the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<MessageFrom>,
    /// A text excerpt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The message fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
}

/// A verified identity of the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationVerification {
    /// What was verified, e.g. `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// How it was verified, e.g. `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The verified value, e.g. the email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
}

/// A participant of a conversation other than the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationParticipant {
    /// The participant type (`type` on the wire), e.g. `email`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The participant address, e.g. an email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl ConversationParticipant {
    /// A participant of type `kind` (e.g. `email`) at `target` (e.g. an email
    /// address).
    pub fn new(kind: impl Into<String>, target: impl Into<String>) -> Self {
        Self {
            kind: Some(kind.into()),
            target: Some(target.into()),
        }
    }
}

/// Who is typing in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationCompose {
    /// An operator's typing state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<ComposeAtom>,
    /// The visitor's typing state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor: Option<ComposeAtom>,
}

/// One side's typing state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComposeAtom {
    /// The compose type (`type` on the wire), e.g. `start` or `stop`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// What is being typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// When the typing state was reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Who is typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<ComposeAtomUser>,
    /// Whether a bot is typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
}

/// Who is typing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComposeAtomUser {
    /// The typist's id (an operator's user id or the session id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The typist's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The typist's avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// Unread message counts of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationUnread {
    /// Messages the operators have not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<u32>,
    /// Messages the visitor has not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor: Option<u32>,
}

/// The operator a conversation is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationAssigned {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

/// The response to creating a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationNew {
    /// The new conversation's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
}
