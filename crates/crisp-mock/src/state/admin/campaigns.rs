//! Campaigns and campaign templates.

use serde_json::{Value, json};

use crate::state::Object;

/// The campaign fields a client sets (`PUT` / `PATCH`); the rest is the
/// server's.
pub(crate) const CAMPAIGN_FIELDS: &[&str] = &[
    "type",
    "format",
    "name",
    "subject",
    "tag",
    "sender",
    "recipients",
    "flow",
    "message",
    "options",
];

/// A campaign.
#[derive(Debug, Clone)]
pub(crate) struct Campaign {
    /// The campaign id (a UUID).
    pub(crate) campaign_id: String,
    /// The client-set fields ([`CAMPAIGN_FIELDS`]).
    pub(crate) fields: Object,
    /// Whether it was dispatched.
    pub(crate) dispatched: bool,
    /// Whether it is sending (automated: active).
    pub(crate) running: bool,
    /// Sending progress, in percent.
    pub(crate) progress: u64,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
    /// Dispatch time (ms).
    pub(crate) dispatched_at: Option<u64>,
    /// Who it went to (`{people_id, email, person{nickname, avatar}, subscribed}`).
    pub(crate) recipients: Vec<Value>,
    /// What recipients did (`{type, profile, data, created_at, updated_at}`).
    pub(crate) statistics: Vec<Value>,
}

impl Campaign {
    /// A new campaign of `kind` named `name`, in Markdown, to everyone.
    pub(crate) fn new(campaign_id: String, kind: &str, name: &str, now: u64) -> Self {
        let mut fields = Object::new();
        fields.insert("type".into(), json!(kind));
        fields.insert("format".into(), json!("markdown"));
        fields.insert("name".into(), json!(name));
        fields.insert("recipients".into(), json!({ "type": "all" }));
        Self {
            campaign_id,
            fields,
            dispatched: false,
            running: false,
            progress: 0,
            created_at: now,
            updated_at: now,
            dispatched_at: None,
            recipients: Vec::new(),
            statistics: Vec::new(),
        }
    }

    /// A string field, if set.
    pub(crate) fn field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    /// `one-shot` or `automated`.
    pub(crate) fn kind(&self) -> &str {
        self.field("type").unwrap_or("one-shot")
    }

    /// Whether it can be dispatched: it has a name and a message.
    pub(crate) fn ready(&self) -> bool {
        [self.field("name"), self.field("message")]
            .into_iter()
            .all(|value| value.is_some_and(|value| !value.trim().is_empty()))
    }

    /// Whether it was dispatched, then paused before it was done.
    pub(crate) fn paused(&self) -> bool {
        self.dispatched && !self.running && self.progress < 100
    }

    /// Whether every recipient got it (one-shot).
    pub(crate) fn done(&self) -> bool {
        self.dispatched && self.progress >= 100
    }

    /// How many recipients did `action`.
    fn count(&self, action: &str) -> usize {
        self.statistics
            .iter()
            .filter(|statistic| statistic.get("type").and_then(Value::as_str) == Some(action))
            .count()
    }

    /// The campaign as the list shows it.
    pub(crate) fn excerpt_json(&self) -> Value {
        let reached = self.count("delivered");
        let mut out = json!({
            "campaign_id": self.campaign_id,
            "type": self.kind(),
            "format": self.field("format").unwrap_or("markdown"),
            "name": self.field("name").unwrap_or_default(),
            "subject": self.field("subject").unwrap_or_default(),
            "tag": self.field("tag").unwrap_or_default(),
            "ready": self.ready(),
            "dispatched": self.dispatched,
            "running": self.running,
            "progress": self.progress,
            "targets": self.recipients.len(),
            "reached": reached,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        });
        if let Some(dispatched_at) = self.dispatched_at {
            out["dispatched_at"] = json!(dispatched_at);
        }
        out
    }

    /// The whole campaign (`GET campaign/{campaign_id}`).
    pub(crate) fn item_json(&self) -> Value {
        let mut out = self.excerpt_json();
        for key in ["sender", "recipients", "flow", "message", "options"] {
            if let Some(value) = self.fields.get(key) {
                out[key] = value.clone();
            }
        }
        out["statistics"] = json!({
            "opened": self.count("opened"),
            "clicked": self.count("clicked"),
            "unsubscribed": self.count("unsubscribed"),
        });
        out
    }
}

/// A campaign template.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    /// The template id (a UUID).
    pub(crate) template_id: String,
    /// `custom` (made here) or `static` (Crisp's).
    pub(crate) kind: String,
    /// The name.
    pub(crate) name: String,
    /// `html`, `markdown` or `text`.
    pub(crate) format: String,
    /// The template itself.
    pub(crate) content: String,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
}

impl Template {
    /// The template as the list shows it.
    pub(crate) fn excerpt_json(&self) -> Value {
        json!({
            "template_id": self.template_id,
            "type": self.kind,
            "name": self.name,
            "format": self.format,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        })
    }

    /// The whole template.
    pub(crate) fn item_json(&self) -> Value {
        let mut out = self.excerpt_json();
        out["content"] = json!(self.content);
        out
    }
}
