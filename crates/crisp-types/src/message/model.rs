//! The message model Crisp returns, and the objects it embeds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{MessageContent, MessageFrom, Origin};
use crate::util::null_as_default;
use crate::{Fingerprint, InboxId, JsonMap, SessionId, Timestamp, WebsiteId};

/// The author shown on a message (or on an action such as a state change).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageUser {
    /// The author type (`type` on the wire), e.g. `website` or `participant`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The author's id: an operator's user id, or the session id for a
    /// visitor, hence a plain string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The name shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The avatar URL shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

impl MessageUser {
    /// An empty author; fill it with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    /// An author with just a nickname, as bots usually send.
    pub fn nickname_only(nickname: impl Into<String>) -> Self {
        Self {
            nickname: Some(nickname.into()),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the author type (`type` on the wire).
        kind: String,
        /// Sets the author's id.
        user_id: String,
        /// Sets the name shown.
        nickname: String,
        /// Sets the avatar URL shown.
        avatar: String,
    }
}

/// A link preview attached to a message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessagePreview {
    /// The previewed URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The website name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the preview shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<MessagePreviewInformation>,
    /// Whether the preview is stamped (fetched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamped: Option<bool>,
}

/// What a link preview shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessagePreviewInformation {
    /// A text excerpt of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// An image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// An embeddable URL (e.g. a video player).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embed: Option<String>,
}

/// Why a message was not delivered to a channel.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageIgnored {
    /// The ignore type (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A reference attached to a message (e.g. a helpdesk article).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageReference {
    /// The reference type (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The reference name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the reference points to, e.g. a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// A pointer to the original of a message (e.g. the raw email), fetched with
/// the "get an original message" route.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageOriginal {
    /// The original's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_id: Option<String>,
    /// The original's type (`type` on the wire), e.g. `text/html`; sent when
    /// creating a message with an original.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The original's content; sent when creating a message with an original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// A message of a conversation, as Crisp returns it and as the
/// `message:send` / `message:received` events carry it.
///
/// ```
/// use crisp::types::message::{Message, MessageContent, MessageFrom, Origin};
///
/// let message: Message = serde_json::from_str(
///     r#"{"session_id":"session_1","type":"text","content":"Hey :)","from":"user",
///         "origin":"urn:crisp.im:slack:0","fingerprint":150698569649423}"#,
/// )?;
/// assert_eq!(message.content, MessageContent::Text("Hey :)".to_owned()));
/// assert_eq!(message.from, Some(MessageFrom::User));
/// assert_eq!(message.origin.as_ref().and_then(Origin::as_urn), Some("urn:crisp.im:slack:0"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Message {
    /// The conversation the message belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
    /// The website the conversation belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The inbox the conversation is in (events only; `None` for the default
    /// inbox).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
    /// The message type and content (the `type` and `content` keys).
    #[serde(flatten)]
    pub content: MessageContent,
    /// Who wrote the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<MessageFrom>,
    /// Where the message comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Link previews.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub preview: Vec<MessagePreview>,
    /// Mentioned operators' user ids.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
    /// Where the message was read (e.g. `chat`, `email`), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<String>,
    /// Where the message was delivered (e.g. `chat`, `email`), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered: Option<String>,
    /// Channels that did not deliver the message, by channel name.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub ignored: BTreeMap<String, MessageIgnored>,
    /// Whether the message was edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<bool>,
    /// Whether the message was translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated: Option<bool>,
    /// Whether a bot or automation sent the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
    /// Whether the server has stamped (stored) the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamped: Option<bool>,
    /// The message fingerprint, unique within the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
    /// When the message was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// The author shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// References attached to the message.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<MessageReference>,
    /// A pointer to the original (e.g. the raw email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<MessageOriginal>,
    /// Free-form properties.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "JsonMap::is_empty"
    )]
    pub properties: JsonMap,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn null_lists_decode_as_empty() {
        let message: Message = serde_json::from_value(json!({
            "type": "text", "content": "x", "mentions": null, "preview": null,
            "references": null, "properties": null, "ignored": null
        }))
        .unwrap();
        assert!(message.mentions.is_empty());
        assert!(message.properties.is_empty());
        assert_eq!(message.content.as_text(), Some("x"));
    }
}
