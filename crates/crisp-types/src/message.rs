//! Conversation messages: the message model Crisp returns (and pushes in the
//! `message:send` / `message:received` events), the body that sends one, and
//! the typed message contents.
//!
//! A message's `type` and `content` are sibling keys of the message object;
//! [`MessageContent`] models the pair, and [`Message`] / [`NewMessage`] embed it
//! flattened:
//!
//! ```
//! use crisp_types::message::{Message, MessageContent, MessageFrom, NewMessage};
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

use std::collections::BTreeMap;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::{Fingerprint, InboxId, JsonMap, SessionId, Timestamp, WebsiteId};

/// Decodes a field whose JSON value may be `null` into its `Default` (an empty
/// list or map), so a `null` where a list is expected never fails decoding.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Generates chainable setters for `Option` fields: `name(value)` stores
/// `Some(value.into())`.
macro_rules! option_setters {
    ($( $(#[$doc:meta])* $name:ident: $ty:ty ),* $(,)?) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name(mut self, value: impl Into<$ty>) -> Self {
                self.$name = Some(value.into());
                self
            }
        )*
    };
}
pub(crate) use option_setters;

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
    /// use crisp_types::message::Origin;
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

/// The content of a message: its `type` and `content` keys, typed.
///
/// On the wire this is not an object of its own but the pair of sibling keys
/// `"type"` and `"content"` of the enclosing message, so [`Message`] and
/// [`NewMessage`] embed it with `#[serde(flatten)]`.
///
/// Decoding never fails and never loses data:
///
/// - a known `type` whose `content` has the expected shape (a string for
///   `text` and `note`, an object for the others) becomes the typed variant;
///   keys Crisp adds inside a typed content are ignored, like everywhere else
///   in this crate;
/// - an unknown `type`, or a known one whose `content` has another shape,
///   becomes [`MessageContent::Unknown`] holding the raw values, and encodes
///   back exactly as received;
/// - a message without `type` and `content` decodes as
///   `Unknown { kind: "", content: Null }` (the [`Default`]); encoding leaves
///   out an empty `type` and a `null` `content`, so such a message round-trips
///   without gaining keys (a received `"content": null` is therefore dropped).
///
/// ```
/// use crisp_types::message::{MessageContent, MessageKind};
///
/// let content: MessageContent =
///     serde_json::from_value(serde_json::json!({"type": "video", "content": {"id": 7}}))?;
/// assert_eq!(content.kind(), MessageKind::Other("video".to_owned()));
/// assert_eq!(
///     serde_json::to_value(&content)?,
///     serde_json::json!({"type": "video", "content": {"id": 7}})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageContent {
    /// `text`: a text message (markdown).
    Text(String),
    /// `note`: a private note, visible to operators only.
    Note(String),
    /// `file`: a file.
    File(FileContent),
    /// `animation`: an animated image.
    Animation(AnimationContent),
    /// `audio`: an audio recording.
    Audio(AudioContent),
    /// `picker`: choices the visitor picks from.
    Picker(PickerContent),
    /// `field`: a form field the visitor fills.
    Field(FieldContent),
    /// `carousel`: a carousel of cards.
    Carousel(CarouselContent),
    /// `event`: a timeline event.
    Event(EventContent),
    /// A type this version does not know, or a known type whose content has
    /// an unexpected shape, kept as received.
    Unknown {
        /// The raw `type` (empty when the key was missing).
        kind: String,
        /// The raw `content` (`Null` when the key was missing).
        content: Value,
    },
}

impl Default for MessageContent {
    /// The content of a message that has neither `type` nor `content`.
    fn default() -> Self {
        Self::Unknown {
            kind: String::new(),
            content: Value::Null,
        }
    }
}

impl MessageContent {
    /// A `text` content.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }

    /// A `note` content.
    pub fn note(text: impl Into<String>) -> Self {
        Self::Note(text.into())
    }

    /// The message type, as sent in the `type` key.
    pub fn kind(&self) -> MessageKind {
        match self {
            Self::Text(_) => MessageKind::Text,
            Self::Note(_) => MessageKind::Note,
            Self::File(_) => MessageKind::File,
            Self::Animation(_) => MessageKind::Animation,
            Self::Audio(_) => MessageKind::Audio,
            Self::Picker(_) => MessageKind::Picker,
            Self::Field(_) => MessageKind::Field,
            Self::Carousel(_) => MessageKind::Carousel,
            Self::Event(_) => MessageKind::Event,
            Self::Unknown { kind, .. } => MessageKind::from(kind.as_str()),
        }
    }

    /// The text of a `text` or `note` message.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) | Self::Note(text) => Some(text),
            _ => None,
        }
    }

    /// Builds the typed content for a raw `type` / `content` pair, or
    /// `Unknown` when the pair does not fit a typed variant.
    fn from_raw(kind: String, content: Value) -> Self {
        fn typed<T: for<'a> Deserialize<'a>>(content: &Value) -> Option<T> {
            if content.is_object() {
                T::deserialize(content).ok()
            } else {
                None
            }
        }

        let decoded = match (kind.as_str(), &content) {
            ("text", Value::String(text)) => Some(Self::Text(text.clone())),
            ("note", Value::String(text)) => Some(Self::Note(text.clone())),
            ("file", raw) => typed(raw).map(Self::File),
            ("animation", raw) => typed(raw).map(Self::Animation),
            ("audio", raw) => typed(raw).map(Self::Audio),
            ("picker", raw) => typed(raw).map(Self::Picker),
            ("field", raw) => typed(raw).map(Self::Field),
            ("carousel", raw) => typed(raw).map(Self::Carousel),
            ("event", raw) => typed(raw).map(Self::Event),
            _ => None,
        };
        decoded.unwrap_or(Self::Unknown { kind, content })
    }
}

impl From<FileContent> for MessageContent {
    fn from(content: FileContent) -> Self {
        Self::File(content)
    }
}

impl From<AnimationContent> for MessageContent {
    fn from(content: AnimationContent) -> Self {
        Self::Animation(content)
    }
}

impl From<AudioContent> for MessageContent {
    fn from(content: AudioContent) -> Self {
        Self::Audio(content)
    }
}

impl From<PickerContent> for MessageContent {
    fn from(content: PickerContent) -> Self {
        Self::Picker(content)
    }
}

impl From<FieldContent> for MessageContent {
    fn from(content: FieldContent) -> Self {
        Self::Field(content)
    }
}

impl From<CarouselContent> for MessageContent {
    fn from(content: CarouselContent) -> Self {
        Self::Carousel(content)
    }
}

impl From<EventContent> for MessageContent {
    fn from(content: EventContent) -> Self {
        Self::Event(content)
    }
}

impl Serialize for MessageContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        fn pair<S: Serializer, C: Serialize + ?Sized>(
            serializer: S,
            kind: &str,
            content: &C,
        ) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("type", kind)?;
            map.serialize_entry("content", content)?;
            map.end()
        }

        match self {
            Self::Text(text) => pair(serializer, "text", text),
            Self::Note(text) => pair(serializer, "note", text),
            Self::File(content) => pair(serializer, "file", content),
            Self::Animation(content) => pair(serializer, "animation", content),
            Self::Audio(content) => pair(serializer, "audio", content),
            Self::Picker(content) => pair(serializer, "picker", content),
            Self::Field(content) => pair(serializer, "field", content),
            Self::Carousel(content) => pair(serializer, "carousel", content),
            Self::Event(content) => pair(serializer, "event", content),
            Self::Unknown { kind, content } => {
                let mut map = serializer.serialize_map(None)?;
                if !kind.is_empty() {
                    map.serialize_entry("type", kind)?;
                }
                if !content.is_null() {
                    map.serialize_entry("content", content)?;
                }
                map.end()
            }
        }
    }
}

/// The raw `type` / `content` pair, read before choosing a variant.
#[derive(Deserialize)]
struct RawContent {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    content: Value,
}

impl<'de> Deserialize<'de> for MessageContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawContent::deserialize(deserializer)?;
        Ok(Self::from_raw(raw.kind.unwrap_or_default(), raw.content))
    }
}

/// The content of a `file` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FileContent {
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the file can be downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type (`type` on the wire), e.g. `image/png`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
}

impl FileContent {
    /// A file content with its name, URL and MIME type.
    pub fn new(name: impl Into<String>, url: impl Into<String>, mime_type: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            url: Some(url.into()),
            mime_type: Some(mime_type.into()),
        }
    }
}

/// The content of an `animation` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnimationContent {
    /// Where the animation can be downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type (`type` on the wire), e.g. `image/gif`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
}

impl AnimationContent {
    /// An animation content with its URL and MIME type.
    pub fn new(url: impl Into<String>, mime_type: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            mime_type: Some(mime_type.into()),
        }
    }
}

/// The content of an `audio` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AudioContent {
    /// Where the recording can be downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type (`type` on the wire), e.g. `audio/webm`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// The duration in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

impl AudioContent {
    /// An audio content with its URL, MIME type and duration in seconds.
    pub fn new(url: impl Into<String>, mime_type: impl Into<String>, duration: u32) -> Self {
        Self {
            url: Some(url.into()),
            mime_type: Some(mime_type.into()),
            duration: Some(duration),
        }
    }
}

/// The content of a `picker` message: a question and the choices offered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PickerContent {
    /// An id for the picker, chosen by the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The question shown above the choices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The choices.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<PickerChoice>,
    /// Whether the visitor must pick a choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

impl PickerContent {
    /// A picker with its id, question and choices.
    pub fn new(
        id: impl Into<String>,
        text: impl Into<String>,
        choices: impl IntoIterator<Item = PickerChoice>,
    ) -> Self {
        Self {
            id: Some(id.into()),
            text: Some(text.into()),
            choices: choices.into_iter().collect(),
            required: None,
        }
    }

    /// Sets whether the visitor must pick a choice.
    #[must_use]
    pub fn required(mut self, required: bool) -> Self {
        self.required = Some(required);
        self
    }
}

/// One choice of a picker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PickerChoice {
    /// The value reported when the choice is picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// An emoji or icon shown with the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// The label shown to the visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether this choice is (pre)selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<bool>,
    /// An action run when the choice is picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<PickerAction>,
}

impl PickerChoice {
    /// A choice with its value and label, not selected.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: Some(value.into()),
            label: Some(label.into()),
            selected: Some(false),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the icon shown with the label.
        icon: String,
        /// Sets whether the choice is selected.
        selected: bool,
        /// Sets the action run when the choice is picked.
        action: PickerAction,
    }
}

/// An action attached to a picker choice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PickerAction {
    /// The action type (`type` on the wire), e.g. `frame`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The action target, e.g. a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// The content of a `field` message: a form field the visitor fills.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FieldContent {
    /// An id for the field, chosen by the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// An explanation or placeholder shown in the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
    /// The value the visitor entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Whether the visitor must fill the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

impl FieldContent {
    /// A field with its id, question and explanation.
    pub fn new(id: impl Into<String>, text: impl Into<String>, explain: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            text: Some(text.into()),
            explain: Some(explain.into()),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the pre-filled value.
        value: String,
        /// Sets whether the visitor must fill the field.
        required: bool,
    }
}

/// The content of a `carousel` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CarouselContent {
    /// The text shown above the cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The cards.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<CarouselTarget>,
}

impl CarouselContent {
    /// A carousel with its text and cards.
    pub fn new(text: impl Into<String>, targets: impl IntoIterator<Item = CarouselTarget>) -> Self {
        Self {
            text: Some(text.into()),
            targets: targets.into_iter().collect(),
        }
    }
}

/// One card of a carousel.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CarouselTarget {
    /// The card title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The card description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The card image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The card buttons.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<CarouselAction>,
}

impl CarouselTarget {
    /// A card with its title and description.
    pub fn new(title: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            title: Some(title.into()),
            description: Some(description.into()),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the card image URL.
        image: String,
    }

    /// Adds a button to the card.
    #[must_use]
    pub fn action(mut self, action: CarouselAction) -> Self {
        self.actions.push(action);
        self
    }
}

/// A button of a carousel card.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CarouselAction {
    /// The button label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The URL the button opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl CarouselAction {
    /// A button with its label and URL.
    pub fn new(label: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            label: Some(label.into()),
            url: Some(url.into()),
        }
    }
}

/// The content of an `event` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EventContent {
    /// The event namespace, e.g. `state:resolved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The event text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl EventContent {
    /// An event with its namespace and text.
    pub fn new(namespace: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            namespace: Some(namespace.into()),
            text: Some(text.into()),
        }
    }
}

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
/// use crisp_types::message::{Message, MessageContent, MessageFrom, Origin};
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

/// The body that sends a message in a conversation.
///
/// `from`, `origin`, `type` and `content` are always sent; everything else
/// only when set.
///
/// ```
/// use crisp_types::message::{
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

impl fmt::Display for MessageContent {
    /// A one-line human summary: the text for `text`/`note`, else `[type]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_text() {
            Some(text) => f.write_str(text),
            None => write!(f, "[{}]", self.kind()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_type_with_wrong_shape_is_kept_raw() {
        let raw = json!({"type": "file", "content": "not-an-object"});
        let content: MessageContent = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(
            content,
            MessageContent::Unknown {
                kind: "file".into(),
                content: json!("not-an-object")
            }
        );
        assert_eq!(content.kind(), MessageKind::File);
        assert_eq!(serde_json::to_value(&content).unwrap(), raw);
    }

    #[test]
    fn array_content_is_not_read_as_a_struct() {
        let raw = json!({"type": "file", "content": ["a.png", "https://x", "image/png"]});
        let content: MessageContent = serde_json::from_value(raw.clone()).unwrap();
        assert!(matches!(content, MessageContent::Unknown { ref kind, .. } if kind == "file"));
        assert_eq!(serde_json::to_value(&content).unwrap(), raw);
    }

    #[test]
    fn text_with_object_content_is_kept_raw() {
        let raw = json!({"type": "text", "content": {"text": "hi"}});
        let content: MessageContent = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(
            content,
            MessageContent::Unknown {
                kind: "text".into(),
                content: json!({"text": "hi"})
            }
        );
        assert_eq!(serde_json::to_value(&content).unwrap(), raw);
    }

    #[test]
    fn badly_typed_field_inside_content_is_kept_raw() {
        let raw = json!({"type": "audio", "content": {"url": "u", "type": "audio/webm", "duration": "long"}});
        let content: MessageContent = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(content.kind(), MessageKind::Audio);
        assert!(matches!(content, MessageContent::Unknown { .. }));
        assert_eq!(serde_json::to_value(&content).unwrap(), raw);
    }

    #[test]
    fn missing_pair_is_the_default_and_adds_no_keys() {
        let content: MessageContent = serde_json::from_value(json!({})).unwrap();
        assert_eq!(content, MessageContent::default());
        assert_eq!(content.kind(), MessageKind::Other(String::new()));
        assert_eq!(serde_json::to_value(&content).unwrap(), json!({}));
    }

    #[test]
    fn display_summarises() {
        assert_eq!(MessageContent::text("hi").to_string(), "hi");
        assert_eq!(
            MessageContent::from(EventContent::new("state:resolved", "Resolved")).to_string(),
            "[event]"
        );
    }

    #[test]
    fn origin_urn_helpers() {
        assert_eq!(Origin::urn("chat"), Origin::Chat);
        assert_eq!(Origin::Other("weird".into()).as_urn(), None);
        assert_eq!(Origin::urn("urn:crisp.im:slack:0").to_string(), "urn:crisp.im:slack:0");
    }

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
