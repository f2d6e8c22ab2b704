//! Conversations held as spam, and the body that decides their fate.

use serde::{Deserialize, Serialize};

use crate::{JsonMap, SpamId, Timestamp};

/// A conversation held as spam, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationSpam {
    /// The spam's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam_id: Option<SpamId>,
    /// The channel the spam came from (`type` on the wire), e.g. `email`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Why it was held as spam.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Free-form details about the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<JsonMap>,
    /// The headers of the message (e.g. email headers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<JsonMap>,
    /// When it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

/// A conversation held as spam, with its content (the "resolve spam
/// conversation content" response).
///
/// The spam fields sit at the top level of the JSON object; here they are
/// grouped in [`ConversationSpamContent::spam`].
///
/// ```
/// use crisp::types::conversation::ConversationSpamContent;
///
/// let spam: ConversationSpamContent = serde_json::from_str(
///     r#"{"spam_id":"spam_1","type":"email","content":{"subject":"Win!"}}"#,
/// )?;
/// assert_eq!(spam.spam.spam_id.unwrap().as_str(), "spam_1");
/// assert_eq!(spam.content.unwrap()["subject"], "Win!");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationSpamContent {
    /// The spam's fields (flattened on the wire).
    #[serde(flatten)]
    pub spam: ConversationSpam,
    /// The content of the spam message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<JsonMap>,
}

/// The body that decides what to do with a conversation held as spam.
///
/// ```
/// use crisp::types::conversation::ConversationSpamDecision;
///
/// assert_eq!(serde_json::to_string(&ConversationSpamDecision::new("reject"))?, r#"{"action":"reject"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSpamDecision {
    /// The decision, e.g. `reject` or `accept`.
    pub action: String,
}

impl ConversationSpamDecision {
    /// Decides `action` (e.g. `reject`).
    pub fn new(action: impl Into<String>) -> Self {
        Self { action: action.into() }
    }
}
