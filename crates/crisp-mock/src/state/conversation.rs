//! Conversations and their messages, pages, events, originals, browsing
//! sessions and calls.

use serde_json::{Value, json};

use super::Object;

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

    /// The colour of the conversation event a change to this state stacks.
    fn color(self) -> &'static str {
        match self {
            Self::Pending => "grey",
            Self::Unresolved => "orange",
            Self::Resolved => "green",
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
    /// The inbox the conversation is filed in (`None`: the default inbox).
    pub(crate) inbox_id: Option<String>,
    /// Whether incoming messages are blocked.
    pub(crate) is_blocked: bool,
    /// Whether the visitor's identity is verified.
    pub(crate) is_verified: bool,
    /// Identity verifications (`{identity, method, annotation?}`).
    pub(crate) verifications: Vec<Value>,
    /// Whether an operator has the conversation open (`PATCH .../open`).
    pub(crate) opened: bool,
    /// Who is composing: `{operator?: atom, visitor?: atom}`.
    pub(crate) compose: Object,
    /// `PATCH .../unread` marks: (operator side, visitor side).
    pub(crate) unread_marks: (bool, bool),
    /// Participants (`{type, target}`).
    pub(crate) participants: Vec<Value>,
    /// Pages the visitor browsed (`{page_title, page_url, page_referrer, timestamp}`), oldest first.
    pub(crate) pages: Vec<Value>,
    /// Stacked events (`{text, data, color, timestamp}`), oldest first.
    pub(crate) events: Vec<Value>,
    /// Original messages (`{original_id, content, timestamp}`).
    pub(crate) originals: Vec<Value>,
    /// Live co-browsing sessions (`{browsing_id, browsing_token, useragent}`).
    pub(crate) browsing: Vec<Value>,
    /// The ongoing call.
    pub(crate) call_id: Option<String>,
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
    /// An empty pending conversation.
    pub(crate) fn new(session_id: String, nickname: String, now: u64) -> Self {
        let mut meta = Object::new();
        meta.insert("nickname".into(), json!(nickname));
        meta.insert("origin".into(), json!("chat"));
        meta.insert("segments".into(), json!([]));
        meta.insert("data".into(), json!({}));
        Self {
            session_id,
            state: ConversationState::Pending,
            meta,
            assigned: None,
            inbox_id: None,
            is_blocked: false,
            is_verified: false,
            verifications: Vec::new(),
            opened: false,
            compose: Object::new(),
            unread_marks: (false, false),
            participants: Vec::new(),
            pages: Vec::new(),
            events: Vec::new(),
            originals: Vec::new(),
            browsing: Vec::new(),
            call_id: None,
            created_at: now,
            updated_at: now,
            waiting_since: None,
            messages: Vec::new(),
        }
    }

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

    /// The message with this fingerprint.
    pub(crate) fn message(&self, fingerprint: i64) -> Option<&Message> {
        self.messages.iter().find(|m| m.fingerprint == fingerprint)
    }

    /// The message with this fingerprint, mutably.
    pub(crate) fn message_mut(&mut self, fingerprint: i64) -> Option<&mut Message> {
        self.messages.iter_mut().find(|m| m.fingerprint == fingerprint)
    }

    /// Changes the state (a resolved conversation waits for nobody) and
    /// stacks a conversation event saying so.
    pub(crate) fn set_state(&mut self, state: ConversationState, now: u64) {
        self.state = state;
        if state == ConversationState::Resolved {
            self.waiting_since = None;
        }
        self.updated_at = now;
        let text = format!("Conversation marked as {}", state.as_str());
        self.push_event(&text, json!({ "state": state.as_str() }), state.color(), now);
    }

    /// Blocks or unblocks incoming messages, stacking an event when it changes.
    pub(crate) fn set_blocked(&mut self, blocked: bool, now: u64) {
        if self.is_blocked != blocked {
            let (text, color) = if blocked {
                ("Conversation blocked", "red")
            } else {
                ("Conversation unblocked", "green")
            };
            self.push_event(text, json!({ "blocked": blocked }), color, now);
        }
        self.is_blocked = blocked;
        self.updated_at = now;
    }

    /// Stacks a conversation event.
    pub(crate) fn push_event(&mut self, text: &str, data: Value, color: &str, timestamp: u64) {
        self.events
            .push(json!({ "text": text, "data": data, "color": color, "timestamp": timestamp }));
    }

    /// Marks every visitor message read by the operator (batch read).
    pub(crate) fn read_all_by_operator(&mut self, origin: &str) {
        for message in self
            .messages
            .iter_mut()
            .filter(|m| m.from == "user" && m.read.is_empty())
        {
            message.read = origin.to_owned();
        }
        self.unread_marks.0 = false;
    }

    /// Messages from `from` not yet read (notes never count for the visitor).
    fn unread_from(&self, from: &str) -> usize {
        self.messages
            .iter()
            .filter(|m| m.from == from && m.read.is_empty() && m.kind != "note")
            .count()
    }

    /// `(operator, visitor)` unread counters: unread messages of the other
    /// side, at least 1 on a side marked unread.
    pub(crate) fn unread(&self) -> (usize, usize) {
        let operator = self.unread_from("user").max(usize::from(self.unread_marks.0));
        let visitor = self.unread_from("operator").max(usize::from(self.unread_marks.1));
        (operator, visitor)
    }

    /// Whether the operator has unread visitor messages (`filter_unread`).
    pub(crate) fn has_unread_for_operator(&self) -> bool {
        self.unread().0 > 0
    }

    /// The excerpt of the last message, as `last_message`.
    pub(crate) fn last_message(&self) -> String {
        self.messages.last().map(Message::excerpt).unwrap_or_default()
    }

    /// The files shared in the conversation (`file` messages), newest first,
    /// as `.../files/{page_number}` lists them.
    pub(crate) fn files(&self) -> Vec<Value> {
        self.messages
            .iter()
            .rev()
            .filter(|m| m.kind == "file")
            .filter_map(|m| {
                let content = m.content.as_object()?;
                let text = |key: &str| content.get(key).cloned().unwrap_or(Value::Null);
                Some(json!({
                    "name": text("name"),
                    "type": text("type"),
                    "url": text("url"),
                    "fingerprint": m.fingerprint,
                    "timestamp": m.timestamp,
                }))
            })
            .collect()
    }

    /// The conversation object (`GET conversation/{session_id}` and lists).
    pub(crate) fn to_json(&self, website_id: &str) -> Value {
        let (unread_operator, unread_visitor) = self.unread();
        let mut out = json!({
            "session_id": self.session_id,
            "website_id": website_id,
            "inbox_id": self.inbox_id,
            "state": self.state.as_str(),
            "status": self.state.status(),
            "is_verified": self.is_verified,
            "is_blocked": self.is_blocked,
            "availability": "offline",
            "active": { "now": false, "last": self.updated_at },
            "last_message": self.last_message(),
            "topic": "",
            "verifications": self.verifications,
            "participants": self.participants,
            "mentions": [],
            "compose": self.compose,
            "unread": { "operator": unread_operator, "visitor": unread_visitor },
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
    /// Whether its content was changed after sending (`PATCH .../message/{fingerprint}`).
    pub(crate) edited: bool,
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

    /// The message object (`GET .../messages`, `GET .../message/{fingerprint}`).
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
        out.insert("edited".into(), json!(self.edited));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{self, Clock};
    use crate::state::Store;

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
            edited: false,
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
    fn unread_marks_count_at_least_one() {
        let mut conversation = Conversation::new("s".into(), "V".into(), 1);
        assert_eq!(conversation.unread(), (0, 0));
        conversation.unread_marks = (true, false);
        assert_eq!(conversation.unread(), (1, 0));
        conversation.push_message(message("user", 2, "a"));
        conversation.push_message(message("user", 3, "b"));
        assert_eq!(conversation.unread(), (2, 0));
        conversation.read_all_by_operator("chat");
        assert_eq!(conversation.unread(), (0, 0));
    }

    #[test]
    fn state_changes_stack_events() {
        let mut conversation = Conversation::new("s".into(), "V".into(), 1);
        conversation.set_state(ConversationState::Resolved, 5);
        conversation.set_blocked(true, 6);
        conversation.set_blocked(true, 7);
        assert_eq!(conversation.events.len(), 2);
        assert_eq!(conversation.events[0]["data"], json!({"state": "resolved"}));
        assert_eq!(conversation.events[1]["color"], "red");
    }
}
