//! The bodies that send and change messages, and the response to sending one.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{MessageContent, MessageFrom, MessageOriginal, MessageReference, MessageUser, Origin};
use crate::util::null_as_default;
use crate::{Fingerprint, JsonMap, Timestamp};

/// The body that sends a message in a conversation.
///
/// `from`, `origin`, `type` and `content` are always sent; everything else
/// only when set.
///
/// ```
/// use crisp::types::message::{
///     MessageFrom, MessageUser, NewMessage, PickerChoice, PickerContent,
/// };
///
/// let body = NewMessage::new(
///     MessageFrom::Operator,
///     PickerContent::new(
///         "routing",
///         "What is your question about?",
///         [PickerChoice::new("sales", "Sales"), PickerChoice::new("tech", "Tech")],
///     )
///     .into(),
/// )
/// .user(MessageUser::nickname_only("My Custom Bot"));
/// assert_eq!(serde_json::to_value(&body)?["content"]["choices"][1]["value"], "tech");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMessage {
    /// The message type and content (the `type` and `content` keys).
    #[serde(flatten)]
    pub content: MessageContent,
    /// Who writes the message.
    pub from: MessageFrom,
    /// Where the message comes from.
    pub origin: Origin,
    /// A fingerprint chosen by the sender (Crisp picks one when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
    /// The author shown instead of the token's owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// References attached to the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<MessageReference>>,
    /// The original (e.g. the raw email) the message was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<MessageOriginal>,
    /// Free-form properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<JsonMap>,
    /// When the message was sent (defaults to now on the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Send without notifying the visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stealth: Option<bool>,
    /// Whether the message is a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated: Option<bool>,
    /// Whether a bot or automation sends the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
    /// Operators' user ids mentioned (notes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<Vec<String>>,
}

impl NewMessage {
    /// A message with the given author side and content, from the chat.
    pub fn new(from: MessageFrom, content: MessageContent) -> Self {
        Self {
            content,
            from,
            origin: Origin::Chat,
            fingerprint: None,
            user: None,
            references: None,
            original: None,
            properties: None,
            timestamp: None,
            stealth: None,
            translated: None,
            automated: None,
            mentions: None,
        }
    }

    /// A `text` message.
    pub fn text(from: MessageFrom, text: impl Into<String>) -> Self {
        Self::new(from, MessageContent::Text(text.into()))
    }

    /// A `note` message (private, operators only).
    pub fn note(from: MessageFrom, text: impl Into<String>) -> Self {
        Self::new(from, MessageContent::Note(text.into()))
    }

    /// Sets where the message comes from (default: [`Origin::Chat`]).
    #[must_use]
    pub fn origin(mut self, origin: impl Into<Origin>) -> Self {
        self.origin = origin.into();
        self
    }

    option_setters! {
        /// Sets the fingerprint.
        fingerprint: Fingerprint,
        /// Sets the author shown.
        user: MessageUser,
        /// Sets the original the message was made from.
        original: MessageOriginal,
        /// Sets the free-form properties.
        properties: JsonMap,
        /// Sets when the message was sent.
        timestamp: Timestamp,
        /// Sets whether to send without notifying the visitor.
        stealth: bool,
        /// Sets whether the message is a translation.
        translated: bool,
        /// Sets whether a bot or automation sends the message.
        automated: bool,
    }

    /// Sets the references attached to the message.
    #[must_use]
    pub fn references(mut self, references: impl IntoIterator<Item = MessageReference>) -> Self {
        self.references = Some(references.into_iter().collect());
        self
    }

    /// Sets the mentioned operators' user ids.
    #[must_use]
    pub fn mentions(mut self, user_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.mentions = Some(user_ids.into_iter().map(Into::into).collect());
        self
    }
}

/// The response to sending a message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageDispatched {
    /// The fingerprint of the message sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
}

/// The body that marks messages as read or delivered.
///
/// Fingerprints sent as numeric strings (as some SDK examples do) are
/// accepted when decoding; they are always encoded as numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagesMark {
    /// Whose messages are marked: the visitor's (`user`) or the operators'.
    pub from: MessageFrom,
    /// Where they were read or delivered.
    pub origin: Origin,
    /// The messages marked.
    #[serde(default, deserialize_with = "null_as_default")]
    pub fingerprints: Vec<Fingerprint>,
}

impl MessagesMark {
    /// Marks the given messages, from the chat.
    pub fn new(from: MessageFrom, fingerprints: impl IntoIterator<Item = Fingerprint>) -> Self {
        Self {
            from,
            origin: Origin::Chat,
            fingerprints: fingerprints.into_iter().collect(),
        }
    }

    /// Sets where the messages were read or delivered (default: [`Origin::Chat`]).
    #[must_use]
    pub fn origin(mut self, origin: impl Into<Origin>) -> Self {
        self.origin = origin.into();
        self
    }
}

/// The body that edits a message: its new `content`.
///
/// Only the inner `content` of the typed content is sent (a string for
/// `text` and `note`, an object for the other types); the message keeps its
/// type.
///
/// ```
/// use crisp::types::message::{FileContent, MessageUpdate};
///
/// assert_eq!(serde_json::to_string(&MessageUpdate::text("hi"))?, r#"{"content":"hi"}"#);
/// let file = MessageUpdate::new(FileContent::new("a.png", "https://x/a.png", "image/png"));
/// assert_eq!(
///     serde_json::to_value(&file)?,
///     serde_json::json!({"content": {"name": "a.png", "url": "https://x/a.png", "type": "image/png"}})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageUpdate {
    /// The new content, as Crisp expects it for the message's type.
    #[serde(default)]
    pub content: Value,
}

impl MessageUpdate {
    /// Replaces the content with `content` (its `type` is not sent).
    pub fn new(content: impl Into<MessageContent>) -> Self {
        Self {
            content: content.into().into_content_value(),
        }
    }

    /// Replaces the text of a `text` message.
    pub fn text(text: impl Into<String>) -> Self {
        Self::new(MessageContent::text(text))
    }

    /// Replaces the text of a `note` message.
    pub fn note(text: impl Into<String>) -> Self {
        Self::new(MessageContent::note(text))
    }
}

crate::open_enum! {
    /// Whether someone starts or stops typing.
    pub enum ComposeKind {
        /// Starts typing.
        Start => "start",
        /// Stops typing.
        Stop => "stop",
    }
}

/// The body that reports typing (the "compose message" route).
///
/// ```
/// use crisp::types::message::{MessageCompose, MessageFrom};
///
/// let compose = MessageCompose::start(MessageFrom::Operator).excerpt("Let me check");
/// assert_eq!(
///     serde_json::to_string(&compose)?,
///     r#"{"type":"start","from":"operator","excerpt":"Let me check"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageCompose {
    /// Whether typing starts or stops (`type` on the wire).
    #[serde(rename = "type")]
    pub kind: ComposeKind,
    /// Who types.
    pub from: MessageFrom,
    /// What is being typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Report without notifying the visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stealth: Option<bool>,
    /// Whether a bot or automation types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
}

impl MessageCompose {
    /// `from` starts typing.
    pub fn start(from: MessageFrom) -> Self {
        Self::with_kind(ComposeKind::Start, from)
    }

    /// `from` stops typing.
    pub fn stop(from: MessageFrom) -> Self {
        Self::with_kind(ComposeKind::Stop, from)
    }

    fn with_kind(kind: ComposeKind, from: MessageFrom) -> Self {
        Self {
            kind,
            from,
            excerpt: None,
            stealth: None,
            automated: None,
        }
    }

    option_setters! {
        /// Sets what is being typed.
        excerpt: String,
        /// Sets whether to report without notifying the visitor.
        stealth: bool,
        /// Sets whether a bot or automation types.
        automated: bool,
    }
}

/// The body that marks a conversation as unread.
///
/// ```
/// use crisp::types::message::{MessageFrom, MessageUnreadMark};
///
/// let mark = MessageUnreadMark::new(MessageFrom::Operator);
/// assert_eq!(serde_json::to_string(&mark)?, r#"{"from":"operator"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageUnreadMark {
    /// Whose side the conversation becomes unread for: the visitor's
    /// (`user`) or the operators'.
    pub from: MessageFrom,
}

impl MessageUnreadMark {
    /// Marks the conversation as unread for `from`.
    pub fn new(from: MessageFrom) -> Self {
        Self { from }
    }
}
