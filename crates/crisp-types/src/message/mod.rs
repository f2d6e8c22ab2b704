//! Conversation messages: the message model Crisp returns (and pushes in the
//! `message:send` / `message:received` events), the body that sends one, and
//! the typed message contents.
//!
//! A message's `type` and `content` are sibling keys of the message object;
//! [`MessageContent`] models the pair, and [`Message`] / [`NewMessage`] embed it
//! flattened:
//!
//! ```
//! use crisp::types::message::{Message, MessageContent, MessageFrom, NewMessage};
//!
//! let body = NewMessage::text(MessageFrom::Operator, "Hey there! Need help?");
//! assert_eq!(
//!     serde_json::to_value(&body)?,
//!     serde_json::json!({
//!         "type": "text",
//!         "from": "operator",
//!         "origin": "chat",
//!         "content": "Hey there! Need help?",
//!     })
//! );
//!
//! let message: Message = serde_json::from_str(
//!     r#"{"type":"file","from":"user","content":{"name":"a.png","url":"https://x/a.png","type":"image/png"}}"#,
//! )?;
//! match &message.content {
//!     MessageContent::File(file) => assert_eq!(file.name.as_deref(), Some("a.png")),
//!     other => panic!("unexpected content {other:?}"),
//! }
//! # Ok::<(), serde_json::Error>(())
//! ```

mod content;
mod content_types;
mod model;
mod new;

pub use content::MessageContent;
pub use content_types::{
    AnimationContent, AudioContent, CarouselAction, CarouselContent, CarouselTarget, EventContent, FieldContent,
    FileContent, PickerAction, PickerChoice, PickerContent,
};
pub use model::{
    Message, MessageIgnored, MessageOriginal, MessagePreview, MessagePreviewInformation, MessageReference, MessageUser,
};
pub use new::{
    ComposeKind, MessageCompose, MessageDispatched, MessageUnreadMark, MessageUpdate, MessagesMark, NewMessage,
};

crate::open_enum! {
    /// Who wrote a message: the visitor (`user`) or an operator.
    pub enum MessageFrom {
        /// The visitor (end user).
        User => "user",
        /// An operator (or a bot acting as one).
        Operator => "operator",
    }
}

crate::open_enum! {
    /// Where a message (or an action) comes from: the chatbox, email, or a
    /// plugin identified by its URN (`urn:crisp.im:slack:0`), which lands in
    /// [`Origin::Other`].
    pub enum Origin {
        /// The chatbox.
        Chat => "chat",
        /// Email.
        Email => "email",
    }
}

impl Origin {
    /// An origin naming a plugin by its URN, e.g. `urn:crisp.im:slack:0`.
    ///
    /// ```
    /// use crisp::types::message::Origin;
    ///
    /// let origin = Origin::urn("urn:crisp.im:slack:0");
    /// assert_eq!(origin.as_urn(), Some("urn:crisp.im:slack:0"));
    /// assert_eq!(Origin::Chat.as_urn(), None);
    /// ```
    pub fn urn(urn: &str) -> Self {
        Self::from(urn)
    }

    /// The plugin URN, when this origin is one (`urn:...`).
    pub fn as_urn(&self) -> Option<&str> {
        match self {
            Self::Other(value) if value.starts_with("urn:") => Some(value),
            _ => None,
        }
    }
}

crate::open_enum! {
    /// The type of a message, as sent in its `type` key.
    pub enum MessageKind {
        /// Plain text (markdown).
        Text => "text",
        /// A file (image, document, ...).
        File => "file",
        /// An animation (GIF).
        Animation => "animation",
        /// An audio recording.
        Audio => "audio",
        /// A list of choices the visitor picks from.
        Picker => "picker",
        /// A form field the visitor fills.
        Field => "field",
        /// A carousel of cards.
        Carousel => "carousel",
        /// A private note between operators.
        Note => "note",
        /// A conversation event (e.g. state change) shown in the timeline.
        Event => "event",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_urn_helpers() {
        assert_eq!(Origin::urn("chat"), Origin::Chat);
        assert_eq!(Origin::Other("weird".into()).as_urn(), None);
        assert_eq!(Origin::urn("urn:crisp.im:slack:0").to_string(), "urn:crisp.im:slack:0");
    }
}
