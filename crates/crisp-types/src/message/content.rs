//! [`MessageContent`]: the typed `type` / `content` pair of a message.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::MessageKind;
use super::content_types::{
    AnimationContent, AudioContent, CarouselContent, EventContent, FieldContent, FileContent, PickerContent,
};

/// The content of a message: its `type` and `content` keys, typed.
///
/// On the wire this is not an object of its own but the pair of sibling keys
/// `"type"` and `"content"` of the enclosing message, so [`Message`](super::Message) and
/// [`NewMessage`](super::NewMessage) embed it with `#[serde(flatten)]`.
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
/// use crisp::types::message::{MessageContent, MessageKind};
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

    /// The inner `content` value alone, without the `type` (what the "update
    /// a message" route expects).
    pub(crate) fn into_content_value(self) -> Value {
        fn object<C: Serialize>(content: &C) -> Value {
            // Typed contents have string keys only, so encoding them cannot fail.
            serde_json::to_value(content).unwrap_or_default()
        }

        match self {
            Self::Text(text) | Self::Note(text) => Value::String(text),
            Self::File(content) => object(&content),
            Self::Animation(content) => object(&content),
            Self::Audio(content) => object(&content),
            Self::Picker(content) => object(&content),
            Self::Field(content) => object(&content),
            Self::Carousel(content) => object(&content),
            Self::Event(content) => object(&content),
            Self::Unknown { content, .. } => content,
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
}
