//! The fake's in-memory world: websites, their conversations (with messages)
//! and people profiles, and the plugin's view of connected websites.
//!
//! These are private structs, independent of `crisp-types`' resource models,
//! and render themselves as the JSON Crisp sends (shapes from the API's
//! `models.tsv`).

use serde_json::{Map, Value, json};

use crate::ids::{self, Clock};

/// A JSON object.
pub(crate) type Object = Map<String, Value>;

/// The whole fake world.
#[derive(Debug)]
pub(crate) struct Store {
    /// Timestamps for everything created or changed.
    pub(crate) clock: Clock,
    /// The plugin every plugin-tier token belongs to.
    pub(crate) plugin_id: String,
    /// Websites in creation order.
    pub(crate) websites: Vec<Website>,
}

impl Store {
    /// An empty world for the given plugin.
    pub(crate) fn new(plugin_id: String) -> Self {
        Self {
            clock: Clock::default(),
            plugin_id,
            websites: Vec::new(),
        }
    }

    /// Creates a website (connected to the plugin, with configured settings).
    pub(crate) fn add_website(&mut self, website_id: String) -> &mut Website {
        let now = self.clock.now();
        self.websites.push(Website {
            website_id,
            conversations: Vec::new(),
            people: Vec::new(),
            connect: PluginLink {
                token: ids::hex(64),
                price: 0,
                settings: Object::new(),
                configured: true,
                plan_id: ids::uuid(),
                connected_at: now,
            },
        });
        let index = self.websites.len() - 1;
        &mut self.websites[index]
    }

    /// The website with this id.
    pub(crate) fn website(&self, website_id: &str) -> Option<&Website> {
        self.websites.iter().find(|w| w.website_id == website_id)
    }

    /// The website with this id, mutably, with the clock alongside (split borrow).
    pub(crate) fn website_mut(&mut self, website_id: &str) -> Option<(&mut Website, &mut Clock)> {
        let clock = &mut self.clock;
        self.websites
            .iter_mut()
            .find(|w| w.website_id == website_id)
            .map(|w| (w, clock))
    }
}

/// One website and everything in it.
#[derive(Debug)]
pub(crate) struct Website {
    /// The website id.
    pub(crate) website_id: String,
    /// Conversations in creation order.
    pub(crate) conversations: Vec<Conversation>,
    /// People profiles in creation order.
    pub(crate) people: Vec<Profile>,
    /// How the plugin sees this website.
    pub(crate) connect: PluginLink,
}

impl Website {
    /// Creates an empty pending conversation and returns its session id.
    pub(crate) fn add_conversation(&mut self, clock: &mut Clock, session_id: Option<String>) -> String {
        let session_id = session_id.unwrap_or_else(|| format!("session_{}", ids::uuid()));
        let now = clock.now();
        let visitor_number = self.conversations.len() + 1;
        let mut meta = Object::new();
        meta.insert("nickname".into(), json!(format!("Visitor {visitor_number}")));
        meta.insert("origin".into(), json!("chat"));
        meta.insert("segments".into(), json!([]));
        meta.insert("data".into(), json!({}));
        self.conversations.push(Conversation {
            session_id: session_id.clone(),
            state: ConversationState::Pending,
            meta,
            assigned: None,
            is_blocked: false,
            is_verified: false,
            created_at: now,
            updated_at: now,
            waiting_since: None,
            messages: Vec::new(),
        });
        session_id
    }

    /// The conversation with this session id.
    pub(crate) fn conversation(&self, session_id: &str) -> Option<&Conversation> {
        self.conversations.iter().find(|c| c.session_id == session_id)
    }

    /// The conversation with this session id, mutably.
    pub(crate) fn conversation_mut(&mut self, session_id: &str) -> Option<&mut Conversation> {
        self.conversations.iter_mut().find(|c| c.session_id == session_id)
    }

    /// The people profile with this id.
    pub(crate) fn profile(&self, people_id: &str) -> Option<&Profile> {
        self.people.iter().find(|p| p.people_id == people_id)
    }

    /// Whether a profile other than `except` already uses this email.
    pub(crate) fn email_taken(&self, email: &str, except: Option<&str>) -> bool {
        self.people.iter().any(|p| {
            Some(p.people_id.as_str()) != except
                && p.card
                    .get("email")
                    .and_then(Value::as_str)
                    .is_some_and(|e| e.eq_ignore_ascii_case(email))
        })
    }

    /// Stores a new profile from a card and returns its id.
    pub(crate) fn add_profile(&mut self, clock: &mut Clock, card: Object) -> String {
        let people_id = ids::uuid();
        let now = clock.now();
        self.people.push(Profile {
            people_id: people_id.clone(),
            card,
            created_at: now,
            updated_at: now,
        });
        people_id
    }
}

/// What the plugin knows about a connected website.
#[derive(Debug)]
pub(crate) struct PluginLink {
    /// The per-website plugin token.
    pub(crate) token: String,
    /// The subscription price.
    pub(crate) price: u64,
    /// The plugin's saved settings for this website.
    pub(crate) settings: Object,
    /// Whether the settings were ever saved (`filter_configured`).
    pub(crate) configured: bool,
    /// The website's plan id.
    pub(crate) plan_id: String,
    /// When the plugin was connected (for `websites/since`).
    pub(crate) connected_at: u64,
}

impl Website {
    /// The website as `plugin/connect/websites/*` lists it.
    pub(crate) fn connect_json(&self, include_plan: bool) -> Value {
        let mut out = json!({
            "website_id": self.website_id,
            "token": self.connect.token,
            "price": self.connect.price,
            "settings": self.connect.settings,
        });
        if include_plan {
            out["plan"] = json!({ "id": self.connect.plan_id, "name": "Unlimited", "trialing": false });
        }
        out
    }
}

/// A conversation's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConversationState {
    /// New, awaiting a first operator reply.
    Pending,
    /// Open.
    Unresolved,
    /// Closed.
    Resolved,
}

impl ConversationState {
    /// Parses a state as Crisp spells it.
    pub(crate) fn parse(value: &str) -> Option<Self> {
        match value {
            "pending" => Some(Self::Pending),
            "unresolved" => Some(Self::Unresolved),
            "resolved" => Some(Self::Resolved),
            _ => None,
        }
    }

    /// The state as Crisp spells it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Unresolved => "unresolved",
            Self::Resolved => "resolved",
        }
    }

    /// The numeric `status` Crisp sends next to `state`.
    fn status(self) -> u8 {
        match self {
            Self::Pending => 0,
            Self::Unresolved => 1,
            Self::Resolved => 2,
        }
    }
}

/// One conversation.
#[derive(Debug)]
pub(crate) struct Conversation {
    /// `session_<uuid>`.
    pub(crate) session_id: String,
    /// pending / unresolved / resolved.
    pub(crate) state: ConversationState,
    /// The `meta` object (nickname, email, segments, data, ...).
    pub(crate) meta: Object,
    /// The assigned operator's user id.
    pub(crate) assigned: Option<String>,
    /// Whether incoming messages are blocked.
    pub(crate) is_blocked: bool,
    /// Whether the visitor's identity is verified.
    pub(crate) is_verified: bool,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
    /// Since when the visitor waits for an answer (ms).
    pub(crate) waiting_since: Option<u64>,
    /// Messages in timestamp order.
    pub(crate) messages: Vec<Message>,
}

impl Conversation {
    /// Appends a message, keeping timestamp order and updating state and unread
    /// bookkeeping the way Crisp does.
    pub(crate) fn push_message(&mut self, message: Message) {
        let is_note = message.kind == "note";
        if message.from == "operator" && !is_note {
            if self.state == ConversationState::Pending {
                self.state = ConversationState::Unresolved;
            }
            self.waiting_since = None;
        } else if message.from == "user" {
            if self.state == ConversationState::Resolved {
                self.state = ConversationState::Unresolved;
            }
            if self.waiting_since.is_none() {
                self.waiting_since = Some(message.timestamp);
            }
        }
        self.updated_at = self.updated_at.max(message.timestamp);
        let at = self.messages.partition_point(|m| m.timestamp <= message.timestamp);
        self.messages.insert(at, message);
    }

    /// Messages from `from` not yet read (notes never count for the visitor).
    fn unread_from(&self, from: &str) -> usize {
        self.messages
            .iter()
            .filter(|m| m.from == from && m.read.is_empty() && m.kind != "note")
            .count()
    }

    /// Whether the operator has unread visitor messages (`filter_unread`).
    pub(crate) fn has_unread_for_operator(&self) -> bool {
        self.unread_from("user") > 0
    }

    /// The excerpt of the last message, as `last_message`.
    pub(crate) fn last_message(&self) -> String {
        self.messages.last().map(Message::excerpt).unwrap_or_default()
    }

    /// The conversation object (`GET conversation/{session_id}` and lists).
    pub(crate) fn to_json(&self, website_id: &str) -> Value {
        let mut out = json!({
            "session_id": self.session_id,
            "website_id": website_id,
            "state": self.state.as_str(),
            "status": self.state.status(),
            "is_verified": self.is_verified,
            "is_blocked": self.is_blocked,
            "availability": "offline",
            "active": { "now": false, "last": self.updated_at },
            "last_message": self.last_message(),
            "topic": "",
            "verifications": [],
            "participants": [],
            "mentions": [],
            "compose": {},
            "unread": { "operator": self.unread_from("user"), "visitor": self.unread_from("operator") },
            "meta": self.meta,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        });
        if let Some(last) = self.messages.last() {
            out["preview_message"] = json!({
                "type": last.kind,
                "from": last.from,
                "excerpt": last.excerpt(),
                "fingerprint": last.fingerprint,
            });
        }
        if let Some(user_id) = &self.assigned {
            out["assigned"] = json!({ "user_id": user_id });
        }
        if let Some(waiting_since) = self.waiting_since {
            out["waiting_since"] = json!(waiting_since);
        }
        out
    }
}

/// One message.
#[derive(Debug, Clone)]
pub(crate) struct Message {
    /// The fingerprint.
    pub(crate) fingerprint: i64,
    /// `type`: text, note, file, ...
    pub(crate) kind: String,
    /// user / operator.
    pub(crate) from: String,
    /// chat, email, urn:...
    pub(crate) origin: String,
    /// A string for text/note, an object otherwise.
    pub(crate) content: Value,
    /// When sent (ms).
    pub(crate) timestamp: u64,
    /// The origin it was read through, empty while unread.
    pub(crate) read: String,
    /// The origin it was delivered through, empty while undelivered.
    pub(crate) delivered: String,
    /// The sender (`user{type,user_id,nickname,avatar}`).
    pub(crate) user: Value,
    /// Other fields the sender gave (mentions, references, properties, ...), echoed back.
    pub(crate) extra: Object,
}

impl Message {
    /// A short text for `last_message` and `preview_message.excerpt`.
    pub(crate) fn excerpt(&self) -> String {
        match &self.content {
            Value::String(text) => text.clone(),
            Value::Object(content) => ["text", "name", "url"]
                .iter()
                .find_map(|key| content.get(*key).and_then(Value::as_str))
                .unwrap_or_default()
                .to_owned(),
            _ => String::new(),
        }
    }

    /// The RTM event this message raises: `message:send` when the visitor
    /// sent it, `message:received` when an operator did.
    pub(crate) fn event_name(&self) -> &'static str {
        if self.from == "operator" {
            "message:received"
        } else {
            "message:send"
        }
    }

    /// The message as RTM events and web hooks carry it (`message:send` /
    /// `message:received` data).
    pub(crate) fn event_json(&self, website_id: &str, session_id: &str) -> Value {
        let mut out = Object::new();
        out.insert("website_id".into(), json!(website_id));
        out.insert("session_id".into(), json!(session_id));
        out.insert("inbox_id".into(), Value::Null);
        out.insert("type".into(), json!(self.kind));
        out.insert("from".into(), json!(self.from));
        out.insert("origin".into(), json!(self.origin));
        out.insert("content".into(), self.content.clone());
        out.insert("fingerprint".into(), json!(self.fingerprint));
        out.insert("timestamp".into(), json!(self.timestamp));
        out.insert("stamped".into(), json!(true));
        out.insert("user".into(), self.user.clone());
        for (key, value) in &self.extra {
            out.entry(key.clone()).or_insert_with(|| value.clone());
        }
        Value::Object(out)
    }

    /// The message object (`GET .../messages`).
    pub(crate) fn to_json(&self, website_id: &str, session_id: &str) -> Value {
        let mut out = Object::new();
        out.insert("session_id".into(), json!(session_id));
        out.insert("website_id".into(), json!(website_id));
        out.insert("type".into(), json!(self.kind));
        out.insert("from".into(), json!(self.from));
        out.insert("origin".into(), json!(self.origin));
        out.insert("content".into(), self.content.clone());
        out.insert("preview".into(), json!([]));
        out.insert("mentions".into(), json!([]));
        out.insert("read".into(), json!(self.read));
        out.insert("delivered".into(), json!(self.delivered));
        out.insert("ignored".into(), json!({}));
        out.insert("edited".into(), json!(false));
        out.insert("translated".into(), json!(false));
        out.insert("automated".into(), json!(false));
        out.insert("stamped".into(), json!(true));
        out.insert("fingerprint".into(), json!(self.fingerprint));
        out.insert("timestamp".into(), json!(self.timestamp));
        out.insert("user".into(), self.user.clone());
        out.insert("references".into(), json!([]));
        out.insert("properties".into(), json!({}));
        for (key, value) in &self.extra {
            out.insert(key.clone(), value.clone());
        }
        Value::Object(out)
    }
}

/// One people profile.
#[derive(Debug)]
pub(crate) struct Profile {
    /// The profile id (a UUID).
    pub(crate) people_id: String,
    /// The card: email, person, company, segments, notepad, active, score...
    pub(crate) card: Object,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
}

impl Profile {
    /// The profile object (`GET people/profile/{people_id}` and lists).
    pub(crate) fn to_json(&self) -> Value {
        let mut out = Object::new();
        out.insert("people_id".into(), json!(self.people_id));
        out.insert("person".into(), json!({}));
        out.insert("company".into(), json!({}));
        out.insert("segments".into(), json!([]));
        out.insert("active".into(), json!({}));
        out.insert("score".into(), json!(0));
        for (key, value) in &self.card {
            if !matches!(key.as_str(), "people_id" | "created_at" | "updated_at") {
                out.insert(key.clone(), value.clone());
            }
        }
        out.insert("created_at".into(), json!(self.created_at));
        out.insert("updated_at".into(), json!(self.updated_at));
        Value::Object(out)
    }

    /// The profile's email, if any.
    pub(crate) fn email(&self) -> Option<&str> {
        self.card.get("email").and_then(Value::as_str)
    }

    /// The profile's `person.nickname`, if any.
    pub(crate) fn nickname(&self) -> Option<&str> {
        self.card
            .get("person")
            .and_then(|p| p.get("nickname"))
            .and_then(Value::as_str)
    }
}

/// Merges `patch` into `target`: nested objects merge recursively, every other
/// value (arrays included) replaces what was there.
pub(crate) fn deep_merge(target: &mut Object, patch: Object) {
    for (key, value) in patch {
        match (target.get_mut(&key), value) {
            (Some(Value::Object(existing)), Value::Object(incoming)) => deep_merge(existing, incoming),
            (_, value) => {
                target.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(from: &str, timestamp: u64, text: &str) -> Message {
        Message {
            fingerprint: ids::fingerprint(),
            kind: "text".into(),
            from: from.into(),
            origin: "chat".into(),
            content: json!(text),
            timestamp,
            read: String::new(),
            delivered: String::new(),
            user: json!({}),
            extra: Object::new(),
        }
    }

    #[test]
    fn operator_reply_opens_pending_and_visitor_reopens_resolved() {
        let mut store = Store::new(ids::uuid());
        let website = store.add_website(ids::uuid());
        let mut clock = Clock::default();
        let session = website.add_conversation(&mut clock, None);
        let conversation = website.conversation_mut(&session).unwrap();
        conversation.push_message(message("user", 10, "hi"));
        assert_eq!(conversation.state, ConversationState::Pending);
        conversation.push_message(message("operator", 20, "hello"));
        assert_eq!(conversation.state, ConversationState::Unresolved);
        conversation.state = ConversationState::Resolved;
        conversation.push_message(message("user", 30, "again"));
        assert_eq!(conversation.state, ConversationState::Unresolved);
        assert_eq!(conversation.last_message(), "again");
    }

    #[test]
    fn messages_stay_in_timestamp_order() {
        let mut store = Store::new(ids::uuid());
        let website = store.add_website(ids::uuid());
        let mut clock = Clock::default();
        let session = website.add_conversation(&mut clock, None);
        let conversation = website.conversation_mut(&session).unwrap();
        conversation.push_message(message("user", 30, "c"));
        conversation.push_message(message("user", 10, "a"));
        conversation.push_message(message("user", 20, "b"));
        let texts: Vec<String> = conversation.messages.iter().map(Message::excerpt).collect();
        assert_eq!(texts, ["a", "b", "c"]);
    }

    #[test]
    fn deep_merge_merges_objects_and_replaces_arrays() {
        let mut target = json!({"person": {"nickname": "A", "phone": "1"}, "segments": ["x"]});
        let patch = json!({"person": {"nickname": "B"}, "segments": ["y"]});
        if let (Value::Object(target), Value::Object(patch)) = (&mut target, patch) {
            deep_merge(target, patch);
        }
        assert_eq!(
            target,
            json!({"person": {"nickname": "B", "phone": "1"}, "segments": ["y"]})
        );
    }
}
