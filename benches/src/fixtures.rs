//! The response bodies of the benches, made by `benches/fixtures/generate.py`
//! from the Conversation and Message models of the Crisp reference.

use bytes::Bytes;
use crisp_types::{SessionId, WebsiteId};

/// A `getConversation` envelope of about 1.2 KB.
pub const CONVERSATION: &[u8] = include_bytes!("../fixtures/conversation.json");

/// A `listConversations` page of 100 conversations (about 120 KB).
pub const CONVERSATIONS: &[u8] = include_bytes!("../fixtures/conversations.json");

/// A `getMessagesInConversation` page of 50 messages (about 24 KB).
pub const MESSAGES: &[u8] = include_bytes!("../fixtures/messages.json");

/// The website id the clients ask for (the server ignores the path).
pub const WEBSITE_ID: &str = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";

/// The session id the clients ask for.
pub const SESSION_ID: &str = "session_6762b34f-4e26-4a8e-8032-35a1e58e1b1c";

/// The token identifier every client authenticates with.
pub const TOKEN_IDENTIFIER: &str = "7c3ef21c-1e04-41ce-8c06-5605c346f73e";

/// The token key every client authenticates with.
pub const TOKEN_KEY: &str = "cc29e1a5086e428fcc6a697d5837a66d82808e65c5cce006fbf2191ceea80a0a";

/// [`WEBSITE_ID`] as a typed id.
pub fn website_id() -> WebsiteId {
    WebsiteId::new(WEBSITE_ID)
}

/// [`SESSION_ID`] as a typed id.
pub fn session_id() -> SessionId {
    SessionId::new(SESSION_ID)
}

/// One of the fixtures, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixture {
    /// [`CONVERSATION`].
    Conversation,
    /// [`CONVERSATIONS`].
    Conversations,
    /// [`MESSAGES`].
    Messages,
}

impl Fixture {
    /// All the fixtures, smallest first.
    pub const ALL: [Fixture; 3] = [Fixture::Conversation, Fixture::Messages, Fixture::Conversations];

    /// The bytes of the fixture.
    pub fn bytes(self) -> Bytes {
        Bytes::from_static(match self {
            Fixture::Conversation => CONVERSATION,
            Fixture::Conversations => CONVERSATIONS,
            Fixture::Messages => MESSAGES,
        })
    }

    /// A short name, used in bench ids and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Fixture::Conversation => "conversation_1k",
            Fixture::Conversations => "conversations_100",
            Fixture::Messages => "messages_50",
        }
    }

    /// The fixture with this [`name`](Self::name) (or `conversation`,
    /// `conversations`, `messages`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "conversation" | "conversation_1k" => Some(Fixture::Conversation),
            "conversations" | "conversations_100" => Some(Fixture::Conversations),
            "messages" | "messages_50" => Some(Fixture::Messages),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crisp_types::Envelope;
    use crisp_types::conversation::Conversation;
    use crisp_types::message::Message;
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// Drops `null`, `[]` and `{}` members, which the typed models do not
    /// write back.
    fn normalize(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(key, value)| (key, normalize(value)))
                    .filter(|(_, value)| match value {
                        Value::Null => false,
                        Value::Array(items) => !items.is_empty(),
                        Value::Object(map) => !map.is_empty(),
                        _ => true,
                    })
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(normalize).collect()),
            other => other,
        }
    }

    /// The typed models read every member of the fixture: decoding and
    /// encoding again gives the same document, so the typed and the `Value`
    /// decoders do the same work.
    fn typed_reads_everything<T: DeserializeOwned + Serialize>(bytes: &[u8]) {
        let typed: Envelope<T> = serde_json::from_slice(bytes).unwrap();
        let untyped: Value = serde_json::from_slice(bytes).unwrap();
        assert_eq!(normalize(serde_json::to_value(&typed).unwrap()), normalize(untyped));
    }

    #[test]
    fn fixtures_decode_into_the_typed_models_without_loss() {
        typed_reads_everything::<Conversation>(CONVERSATION);
        typed_reads_everything::<Vec<Conversation>>(CONVERSATIONS);
        typed_reads_everything::<Vec<Message>>(MESSAGES);
    }

    #[test]
    fn fixtures_have_the_advertised_sizes() {
        assert!((1100..1400).contains(&CONVERSATION.len()), "{}", CONVERSATION.len());
        let page: Envelope<Vec<Value>> = serde_json::from_slice(CONVERSATIONS).unwrap();
        assert_eq!(page.data.unwrap().len(), 100);
        let page: Envelope<Vec<Value>> = serde_json::from_slice(MESSAGES).unwrap();
        assert_eq!(page.data.unwrap().len(), 50);
        let one: Envelope<Conversation> = serde_json::from_slice(CONVERSATION).unwrap();
        assert_eq!(one.data.unwrap().session_id, session_id());
    }

    #[test]
    fn names_round_trip() {
        for fixture in Fixture::ALL {
            assert_eq!(Fixture::from_name(fixture.name()), Some(fixture));
        }
        assert_eq!(Fixture::from_name("nope"), None);
    }
}
