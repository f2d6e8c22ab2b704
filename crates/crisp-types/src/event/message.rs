//! `message:*` events: messages sent, received, edited, removed, typed and
//! read.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::message::{Message, MessageContent, MessageKind, MessageUser, Origin};
use crate::util::null_as_default;
use crate::{Fingerprint, SessionId, Timestamp, WebsiteId};

/// The payload of `message:send` and `message:received`: a message, as the
/// REST API returns it, plus the keys only events carry.
///
/// The message's `type` and `content` are in
/// [`message.content`](Message::content); the Go SDK's per-type events
/// (`message:send/text`, `message:received/file`, ...) are a match on it:
///
/// ```
/// use crisp_types::event::MessageEvent;
/// use crisp_types::message::MessageContent;
///
/// let event: MessageEvent = serde_json::from_str(
///     r#"{"routing_ids":["r1"],"session_id":"session_1","type":"file","from":"user",
///         "content":{"name":"a.png","url":"https://x/a.png","type":"image/png"}}"#,
/// )?;
/// assert_eq!(event.routing_ids, ["r1"]);
/// match &event.message.content {
///     MessageContent::Text(text) => println!("text: {text}"),
///     MessageContent::File(file) => assert_eq!(file.name.as_deref(), Some("a.png")),
///     other => println!("another type: {}", other.kind()),
/// }
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Decoding is written by hand for speed (it is the RTM client's hot path)
/// and gives what `#[derive(Deserialize)]` with `#[serde(flatten)]` would.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MessageEvent {
    /// The routing ids of the RTM connections the event was sent to.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub routing_ids: Vec<String>,
    /// The message (every other key of the payload).
    #[serde(flatten)]
    pub message: Message,
}

impl super::Scoped for MessageEvent {
    fn website_id(&self) -> Option<&WebsiteId> {
        self.message.website_id.as_ref()
    }

    fn session_id(&self) -> Option<&SessionId> {
        self.message.session_id.as_ref()
    }
}

event_payload! {
    /// The payload of `message:updated`: a message's new content.
    ///
    /// The event does not repeat the message type, so `content` stays raw
    /// JSON: a string for `text` and `note` messages, an object otherwise. Use
    /// [`MessageUpdated::content_as`] with the type of the stored message to
    /// get a typed content.
    pub struct MessageUpdated in session {
        /// The fingerprint of the message edited.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub fingerprint: Option<Fingerprint>,
        /// The new content, as received.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content: Option<Value>,
    }
}

impl MessageUpdated {
    /// The new content when it is a string (a `text` or `note` message).
    pub fn text(&self) -> Option<&str> {
        self.content.as_ref().and_then(Value::as_str)
    }

    /// The new content typed as a message of type `kind`.
    ///
    /// Like any [`MessageContent`], a content that does not fit `kind` comes
    /// back as [`MessageContent::Unknown`] rather than failing.
    ///
    /// ```
    /// use crisp_types::event::MessageUpdated;
    /// use crisp_types::message::{MessageContent, MessageKind};
    ///
    /// let updated: MessageUpdated = serde_json::from_str(
    ///     r#"{"fingerprint":1,"content":{"id":"p","text":"Pick","choices":[{"value":"a","label":"A"}]}}"#,
    /// )?;
    /// match updated.content_as(MessageKind::Picker) {
    ///     MessageContent::Picker(picker) => assert_eq!(picker.choices.len(), 1),
    ///     other => panic!("unexpected content {other:?}"),
    /// }
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn content_as(&self, kind: MessageKind) -> MessageContent {
        let content = self.content.clone().unwrap_or(Value::Null);
        let mut pair = crate::JsonMap::new();
        pair.insert("type".to_owned(), Value::String(kind.as_str().to_owned()));
        pair.insert("content".to_owned(), content.clone());
        // Decoding a `MessageContent` from a type/content pair never fails;
        // keep the raw pair should that ever change.
        MessageContent::deserialize(Value::Object(pair)).unwrap_or_else(|_| MessageContent::Unknown {
            kind: kind.as_str().to_owned(),
            content,
        })
    }
}

event_payload! {
    /// The payload of `message:removed`.
    pub struct MessageRemoved in session {
        /// The fingerprint of the message removed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub fingerprint: Option<Fingerprint>,
    }
}

crate::open_enum! {
    /// Whether someone started or stopped typing.
    pub enum ComposeState {
        /// Started typing.
        Start => "start",
        /// Stopped typing.
        Stop => "stop",
    }
}

event_payload! {
    /// The payload of `message:compose:send`: the visitor's typing state.
    pub struct MessageComposeSend in session {
        /// Whether the visitor started or stopped typing (`type` on the wire).
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<ComposeState>,
        /// What is being typed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub excerpt: Option<String>,
        /// When the typing state was reported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub timestamp: Option<Timestamp>,
        /// Whether a bot is typing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub automated: Option<bool>,
    }
}

event_payload! {
    /// The payload of `message:compose:receive`: an operator's typing state.
    pub struct MessageComposeReceive in session {
        /// Whether the operator started or stopped typing (`type` on the wire).
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<ComposeState>,
        /// What is being typed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub excerpt: Option<String>,
        /// When the typing state was reported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub timestamp: Option<Timestamp>,
        /// Who is typing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user: Option<MessageUser>,
        /// Whether a bot is typing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub automated: Option<bool>,
    }
}

event_payload! {
    /// The payload of the `message:acknowledge:*` events (read, unread,
    /// delivered, ignored).
    pub struct MessageAcknowledge in session {
        /// Where the messages were acknowledged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub origin: Option<Origin>,
        /// The messages acknowledged.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub fingerprints: Vec<Fingerprint>,
        /// Why the messages were not delivered (`message:acknowledge:ignored`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub details: Option<AcknowledgeDetails>,
    }
}

/// Why messages were not delivered to a channel.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AcknowledgeDetails {
    /// The channel or failure type (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

event_payload! {
    /// The payload of `message:notify:unread:send` and
    /// `message:notify:unread:received`.
    pub struct MessageNotifyUnread in session {}
}
