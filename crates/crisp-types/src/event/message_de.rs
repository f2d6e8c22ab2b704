//! The decoding of [`MessageEvent`], written by hand because it is the hot
//! path of the RTM client (every `message:send` / `message:received`).
//!
//! The derived form (`#[serde(flatten)]` of [`Message`], itself flattening
//! its [`MessageContent`]) buffers every key and value before reading them,
//! twice. This one reads each key once, straight into its field, borrows the
//! strings it only looks at (`type`, `from`, `origin`), and moves a text
//! content into place instead of copying it. It decodes exactly what the
//! derived form decodes (a test compares both): unknown keys are ignored,
//! `null` lists and maps are empty, a missing `type`/`content` pair is the
//! default content, a repeated key is an error.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::MessageEvent;
use crate::message::{Message, MessageContent, MessageFrom, Origin};

/// The keys of a `message:send` / `message:received` payload.
#[derive(Clone, Copy)]
enum Key {
    RoutingIds,
    SessionId,
    WebsiteId,
    InboxId,
    Type,
    Content,
    From,
    Origin,
    Preview,
    Mentions,
    Read,
    Delivered,
    Ignored,
    Edited,
    Translated,
    Automated,
    Stamped,
    Fingerprint,
    Timestamp,
    User,
    References,
    Original,
    Properties,
    Other,
}

impl Key {
    fn from_name(name: &str) -> Self {
        match name {
            "routing_ids" => Self::RoutingIds,
            "session_id" => Self::SessionId,
            "website_id" => Self::WebsiteId,
            "inbox_id" => Self::InboxId,
            "type" => Self::Type,
            "content" => Self::Content,
            "from" => Self::From,
            "origin" => Self::Origin,
            "preview" => Self::Preview,
            "mentions" => Self::Mentions,
            "read" => Self::Read,
            "delivered" => Self::Delivered,
            "ignored" => Self::Ignored,
            "edited" => Self::Edited,
            "translated" => Self::Translated,
            "automated" => Self::Automated,
            "stamped" => Self::Stamped,
            "fingerprint" => Self::Fingerprint,
            "timestamp" => Self::Timestamp,
            "user" => Self::User,
            "references" => Self::References,
            "original" => Self::Original,
            "properties" => Self::Properties,
            _ => Self::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::RoutingIds => "routing_ids",
            Self::SessionId => "session_id",
            Self::WebsiteId => "website_id",
            Self::InboxId => "inbox_id",
            Self::Type => "type",
            Self::Content => "content",
            Self::From => "from",
            Self::Origin => "origin",
            Self::Preview => "preview",
            Self::Mentions => "mentions",
            Self::Read => "read",
            Self::Delivered => "delivered",
            Self::Ignored => "ignored",
            Self::Edited => "edited",
            Self::Translated => "translated",
            Self::Automated => "automated",
            Self::Stamped => "stamped",
            Self::Fingerprint => "fingerprint",
            Self::Timestamp => "timestamp",
            Self::User => "user",
            Self::References => "references",
            Self::Original => "original",
            Self::Properties => "properties",
            Self::Other => "",
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl Visitor<'_> for KeyVisitor {
            type Value = Key;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
                Ok(Key::from_name(name))
            }

            fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Key, E> {
                Ok(std::str::from_utf8(name).map_or(Key::Other, Key::from_name))
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// A string borrowed from the input when it has no escapes.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }

            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Text<'de>, E> {
                std::str::from_utf8(bytes)
                    .map(|text| Text(Cow::Owned(text.to_owned())))
                    .map_err(|_| E::invalid_value(de::Unexpected::Bytes(bytes), &self))
            }
        }

        deserializer.deserialize_string(TextVisitor)
    }
}

/// Stores a field's value, refusing a key seen twice (as derived code does).
fn set<T, E: de::Error>(slot: &mut Option<T>, key: Key, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(key.name()));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de> Deserialize<'de> for MessageEvent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MessageEventVisitor)
    }
}

struct MessageEventVisitor;

impl<'de> Visitor<'de> for MessageEventVisitor {
    type Value = MessageEvent;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a message event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MessageEvent, A::Error> {
        // `Some(None)` once a key was seen with `null`: a second occurrence
        // is still a duplicate.
        let mut routing_ids = None;
        let mut session_id = None;
        let mut website_id = None;
        let mut inbox_id = None;
        let mut kind: Option<Option<Text<'de>>> = None;
        let mut content: Option<Value> = None;
        let mut from: Option<Option<Text<'de>>> = None;
        let mut origin: Option<Option<Text<'de>>> = None;
        let mut preview = None;
        let mut mentions = None;
        let mut read = None;
        let mut delivered = None;
        let mut ignored = None;
        let mut edited = None;
        let mut translated = None;
        let mut automated = None;
        let mut stamped = None;
        let mut fingerprint = None;
        let mut timestamp = None;
        let mut user = None;
        let mut references = None;
        let mut original = None;
        let mut properties = None;

        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::RoutingIds => set(&mut routing_ids, key, map.next_value::<Option<Vec<String>>>()?)?,
                Key::SessionId => set(&mut session_id, key, map.next_value()?)?,
                Key::WebsiteId => set(&mut website_id, key, map.next_value()?)?,
                Key::InboxId => set(&mut inbox_id, key, map.next_value()?)?,
                Key::Type => set(&mut kind, key, map.next_value()?)?,
                Key::Content => set(&mut content, key, map.next_value()?)?,
                Key::From => set(&mut from, key, map.next_value()?)?,
                Key::Origin => set(&mut origin, key, map.next_value()?)?,
                Key::Preview => set(&mut preview, key, map.next_value::<Option<_>>()?)?,
                Key::Mentions => set(&mut mentions, key, map.next_value::<Option<_>>()?)?,
                Key::Read => set(&mut read, key, map.next_value()?)?,
                Key::Delivered => set(&mut delivered, key, map.next_value()?)?,
                Key::Ignored => set(&mut ignored, key, map.next_value::<Option<_>>()?)?,
                Key::Edited => set(&mut edited, key, map.next_value()?)?,
                Key::Translated => set(&mut translated, key, map.next_value()?)?,
                Key::Automated => set(&mut automated, key, map.next_value()?)?,
                Key::Stamped => set(&mut stamped, key, map.next_value()?)?,
                Key::Fingerprint => set(&mut fingerprint, key, map.next_value()?)?,
                Key::Timestamp => set(&mut timestamp, key, map.next_value()?)?,
                Key::User => set(&mut user, key, map.next_value()?)?,
                Key::References => set(&mut references, key, map.next_value::<Option<_>>()?)?,
                Key::Original => set(&mut original, key, map.next_value()?)?,
                Key::Properties => set(&mut properties, key, map.next_value::<Option<_>>()?)?,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }

        let content = message_content(kind.flatten(), content.unwrap_or(Value::Null)).map_err(de::Error::custom)?;
        // Every field is named (no `..Default::default()`): a field added to
        // `Message` fails to compile here until this decoder reads it too.
        let message = Message {
            session_id: session_id.flatten(),
            website_id: website_id.flatten(),
            inbox_id: inbox_id.flatten(),
            content,
            from: from.flatten().map(|Text(from)| MessageFrom::from(from.as_ref())),
            origin: origin.flatten().map(|Text(origin)| Origin::from(origin.as_ref())),
            preview: preview.flatten().unwrap_or_default(),
            mentions: mentions.flatten().unwrap_or_default(),
            read: read.flatten(),
            delivered: delivered.flatten(),
            ignored: ignored.flatten().unwrap_or_default(),
            edited: edited.flatten(),
            translated: translated.flatten(),
            automated: automated.flatten(),
            stamped: stamped.flatten(),
            fingerprint: fingerprint.flatten(),
            timestamp: timestamp.flatten(),
            user: user.flatten(),
            references: references.flatten().unwrap_or_default(),
            original: original.flatten(),
            properties: properties.flatten().unwrap_or_default(),
        };
        Ok(MessageEvent {
            routing_ids: routing_ids.flatten().unwrap_or_default(),
            message,
        })
    }
}

/// The typed content of a `type` / `content` pair, as [`MessageContent`]'s
/// own decoding gives it; text and notes without a copy.
fn message_content(kind: Option<Text<'_>>, content: Value) -> Result<MessageContent, serde_json::Error> {
    let kind = kind.map(|Text(kind)| kind);
    match (kind.as_deref(), content) {
        (Some("text"), Value::String(text)) => Ok(MessageContent::Text(text)),
        (Some("note"), Value::String(text)) => Ok(MessageContent::Note(text)),
        (kind, content) => {
            let mut pair = serde_json::Map::new();
            pair.insert("type".to_owned(), Value::String(kind.unwrap_or_default().to_owned()));
            pair.insert("content".to_owned(), content);
            MessageContent::deserialize(Value::Object(pair))
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::*;
    use crate::util::null_as_default;

    /// What `MessageEvent` decoded as when it derived `Deserialize`.
    #[derive(Deserialize)]
    struct Derived {
        #[serde(default, deserialize_with = "null_as_default")]
        routing_ids: Vec<String>,
        #[serde(flatten)]
        message: Message,
    }

    fn both(data: &Value) -> (Result<MessageEvent, String>, Result<MessageEvent, String>) {
        let derived = Derived::deserialize(data)
            .map(|derived| MessageEvent {
                routing_ids: derived.routing_ids,
                message: derived.message,
            })
            .map_err(|error| error.to_string());
        let by_hand = MessageEvent::deserialize(data).map_err(|error| error.to_string());
        (derived, by_hand)
    }

    fn assert_same(data: Value) {
        let (derived, by_hand) = both(&data);
        assert_eq!(derived.is_ok(), by_hand.is_ok(), "{data}: {derived:?} vs {by_hand:?}");
        if let (Ok(derived), Ok(by_hand)) = (derived, by_hand) {
            assert_eq!(derived, by_hand, "{data}");
        }
        // From text too (borrowed strings), when the text has no duplicate key.
        let text = data.to_string();
        let from_text: Result<MessageEvent, _> = serde_json::from_str(&text);
        let from_value = MessageEvent::deserialize(&data);
        assert_eq!(from_text.ok(), from_value.ok(), "{text}");
    }

    #[test]
    fn decodes_what_the_derived_form_decodes() {
        let full = json!({
            "routing_ids": ["r1", "r2"],
            "website_id": "w", "session_id": "session_1", "inbox_id": "i",
            "type": "text", "content": "Hey \"you\" :)", "from": "operator", "origin": "urn:crisp.im:slack:0",
            "preview": [{"url": "https://x", "title": "X", "preview": {"excerpt": "e"}, "stamped": true}],
            "mentions": ["u1"], "read": "chat", "delivered": "email",
            "ignored": {"email": {"type": "bounce", "reason": "full"}},
            "edited": true, "translated": false, "automated": true, "stamped": true,
            "fingerprint": 150_698_569_649_423_i64, "timestamp": 1_506_985_696_616_u64,
            "user": {"type": "website", "user_id": "u", "nickname": "Ada", "avatar": "https://a"},
            "references": [{"type": "article", "name": "FAQ", "target": "https://f"}],
            "original": {"original_id": "o"},
            "properties": {"k": [1, 2]},
            "something_new": {"nested": [null]},
        });
        assert_same(full.clone());
        for (key, value) in [
            ("routing_ids", Value::Null),
            ("preview", Value::Null),
            ("mentions", Value::Null),
            ("ignored", Value::Null),
            ("references", Value::Null),
            ("properties", Value::Null),
            ("from", Value::Null),
            ("origin", json!("chat")),
            ("from", json!("someone")),
            ("type", Value::Null),
            ("type", json!("note")),
            ("type", json!("file")),
            ("type", json!("video")),
            ("type", json!(5)),
            ("content", Value::Null),
            (
                "content",
                json!({"name": "a.png", "url": "https://x/a.png", "type": "image/png"}),
            ),
            ("content", json!(["a"])),
            ("fingerprint", json!("5719231201")),
            ("fingerprint", json!("x")),
            ("timestamp", json!(1.5e12)),
            ("timestamp", json!(-1)),
            ("session_id", json!(42)),
            ("user", json!("nobody")),
            ("mentions", json!([1])),
        ] {
            let mut data = full.clone();
            data[key] = value;
            assert_same(data);
        }
        for key in ["type", "content", "user", "website_id"] {
            let mut data = full.clone();
            if let Value::Object(object) = &mut data {
                object.remove(key);
            }
            assert_same(data);
        }
        assert_same(json!({}));
        assert_same(json!({"type": "file", "content": {"name": "a", "url": "u", "type": "t"}}));
        assert_same(json!({"type": "picker", "content": {"id": "p", "text": "Pick", "choices": []}}));
        assert_same(json!([1, 2]));
        assert_same(json!("text"));
    }

    #[test]
    fn repeated_keys_are_refused_and_escaped_strings_kept() {
        let repeated = r#"{"type":"text","content":"a","content":"b"}"#;
        assert!(serde_json::from_str::<MessageEvent>(repeated).is_err());
        let repeated = r#"{"from":null,"from":"user"}"#;
        assert!(serde_json::from_str::<MessageEvent>(repeated).is_err());
        let escaped = r#"{"type":"t\u0065xt","content":"a\nb","origin":"ch\u0061t"}"#;
        let event: MessageEvent = serde_json::from_str(escaped).unwrap();
        assert_eq!(event.message.content, MessageContent::Text("a\nb".to_owned()));
        assert_eq!(event.message.origin, Some(Origin::Chat));
    }
}
