//! Actions on a conversation: participants, blocking, transcripts, reports
//! and reminders.

use serde::{Deserialize, Serialize};

use super::ConversationParticipant;
use crate::message::{MessageUser, Origin};
use crate::util::null_as_default;

/// The participants of a conversation other than the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationParticipants {
    /// The participants.
    #[serde(default, deserialize_with = "null_as_default")]
    pub participants: Vec<ConversationParticipant>,
}

/// The body that saves (replaces) the participants of a conversation.
///
/// ```
/// use crisp::types::conversation::{ConversationParticipant, ConversationParticipantsSave};
///
/// let save = ConversationParticipantsSave::new([ConversationParticipant::new("email", "cc@acme.com")]);
/// assert_eq!(
///     serde_json::to_string(&save)?,
///     r#"{"participants":[{"type":"email","target":"cc@acme.com"}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationParticipantsSave {
    /// The participants (the whole list).
    #[serde(default, deserialize_with = "null_as_default")]
    pub participants: Vec<ConversationParticipant>,
    /// Who saves them, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the change comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationParticipantsSave {
    /// Replaces the participants with `participants`.
    pub fn new(participants: impl IntoIterator<Item = ConversationParticipant>) -> Self {
        Self {
            participants: participants.into_iter().collect(),
            user: None,
            origin: None,
        }
    }

    option_setters! {
        /// Sets who saves the participants.
        user: MessageUser,
        /// Sets where the change comes from.
        origin: Origin,
    }
}

/// Whether the visitor of a conversation is blocked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationBlock {
    /// Whether incoming messages are blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
}

/// The body that blocks (or unblocks) incoming messages of a conversation.
///
/// ```
/// use crisp::types::conversation::ConversationBlockUpdate;
///
/// let block = ConversationBlockUpdate::new(true).origin("chat");
/// assert_eq!(serde_json::to_string(&block)?, r#"{"blocked":true,"origin":"chat"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationBlockUpdate {
    /// Whether to block (`true`) or unblock (`false`).
    pub blocked: bool,
    /// Who blocks, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the change comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationBlockUpdate {
    /// Blocks (`true`) or unblocks (`false`) incoming messages.
    pub fn new(blocked: bool) -> Self {
        Self {
            blocked,
            user: None,
            origin: None,
        }
    }

    option_setters! {
        /// Sets who blocks.
        user: MessageUser,
        /// Sets where the change comes from.
        origin: Origin,
    }
}

/// The body that requests an email transcript of a conversation.
///
/// ```
/// use crisp::types::conversation::ConversationTranscriptRequest;
///
/// let request = ConversationTranscriptRequest::new("operator").email("support@acme.com");
/// assert_eq!(serde_json::to_string(&request)?, r#"{"to":"operator","email":"support@acme.com"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationTranscriptRequest {
    /// Who receives the transcript: `user` (the visitor) or `operator`.
    pub to: String,
    /// The email address to send it to (Crisp picks one when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl ConversationTranscriptRequest {
    /// Sends the transcript to `to` (`user` or `operator`).
    pub fn new(to: impl Into<String>) -> Self {
        Self {
            to: to.into(),
            email: None,
        }
    }

    option_setters! {
        /// Sets the email address to send the transcript to.
        email: String,
    }
}

/// The body that reports a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationReportPayload {
    /// The report reason, e.g. `spam`.
    pub flag: String,
}

impl ConversationReportPayload {
    /// Reports the conversation with `flag` (e.g. `spam`).
    pub fn new(flag: impl Into<String>) -> Self {
        Self { flag: flag.into() }
    }
}

/// The body that schedules a reminder on a conversation.
///
/// ```
/// use crisp::types::conversation::ConversationReminderPayload;
///
/// let reminder = ConversationReminderPayload::new("2024-03-01T09:00:00.000Z", "Call back");
/// assert_eq!(
///     serde_json::to_string(&reminder)?,
///     r#"{"date":"2024-03-01T09:00:00.000Z","note":"Call back"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationReminderPayload {
    /// When to remind (an ISO 8601 date).
    pub date: String,
    /// The reminder text.
    pub note: String,
    /// Who schedules it, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the reminder comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationReminderPayload {
    /// A reminder at `date` (ISO 8601) with the text `note`.
    pub fn new(date: impl Into<String>, note: impl Into<String>) -> Self {
        Self {
            date: date.into(),
            note: note.into(),
            user: None,
            origin: None,
        }
    }

    option_setters! {
        /// Sets who schedules the reminder.
        user: MessageUser,
        /// Sets where the reminder comes from.
        origin: Origin,
    }
}
