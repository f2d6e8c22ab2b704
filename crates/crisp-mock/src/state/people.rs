//! People profiles, with their data, events and subscription status.

use serde_json::{Value, json};

use super::Object;

/// One people profile.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    /// The profile id (a UUID).
    pub(crate) people_id: String,
    /// The card: email, person, company, segments, notepad, active, score...
    pub(crate) card: Object,
    /// Custom data (`people/data/{people_id}`): scalar values by key.
    pub(crate) data: Object,
    /// Events (`{text, data, color?, timestamp}`), oldest first.
    pub(crate) events: Vec<Value>,
    /// Whether the profile receives emails (`people/subscription/{people_id}`).
    pub(crate) email_subscribed: bool,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
}

impl Profile {
    /// A profile from a card, subscribed, without data or events.
    pub(crate) fn new(people_id: String, card: Object, now: u64) -> Self {
        Self {
            people_id,
            card,
            data: Object::new(),
            events: Vec::new(),
            email_subscribed: true,
            created_at: now,
            updated_at: now,
        }
    }

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

    /// Whether the `{people_id}` of a route names this profile: its id, or
    /// (as Crisp accepts wherever a people id goes) its email, compared
    /// without regard to ASCII case. Ids never contain `@`, so an email
    /// cannot be mistaken for an id.
    pub(crate) fn answers_to(&self, people_id: &str) -> bool {
        self.people_id == people_id
            || (people_id.contains('@') && self.email().is_some_and(|email| email.eq_ignore_ascii_case(people_id)))
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

    /// The profile's segments.
    pub(crate) fn segments(&self) -> impl Iterator<Item = &str> {
        self.card
            .get("segments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
    }
}
