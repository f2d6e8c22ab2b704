//! Who works on and visits a website: operators, invites, inboxes, teams
//! and visitors.

use serde_json::{Value, json};

use crate::state::Object;

/// A member of a website.
#[derive(Debug, Clone)]
pub(crate) struct Operator {
    /// The user id (a UUID).
    pub(crate) user_id: String,
    /// The email.
    pub(crate) email: String,
    /// First name.
    pub(crate) first_name: String,
    /// Last name.
    pub(crate) last_name: String,
    /// `owner` or `member`.
    pub(crate) role: String,
    /// The title (`""` when none).
    pub(crate) title: String,
    /// `online`, `away` or `offline`.
    pub(crate) availability: String,
    /// Since when `availability` holds (ms).
    pub(crate) availability_since: u64,
    /// When the operator was last active (ms); `None` after a flush.
    pub(crate) last_active: Option<u64>,
}

impl Operator {
    /// An online operator, active now, named after the email's local part
    /// (`jane.doe@..` is Jane Doe).
    pub(crate) fn new(user_id: String, email: String, role: &str, now: u64) -> Self {
        let local = email.split('@').next().unwrap_or_default();
        let mut names = local
            .split(['.', '_', '-'])
            .filter(|part| !part.is_empty())
            .map(capitalize);
        let first_name = names.next().unwrap_or_else(|| "Operator".to_owned());
        let last_name = names.collect::<Vec<_>>().join(" ");
        Self {
            user_id,
            email,
            first_name,
            last_name,
            role: role.to_owned(),
            title: String::new(),
            availability: "online".to_owned(),
            availability_since: now,
            last_active: Some(now),
        }
    }

    /// The nickname shown in the last-active list.
    pub(crate) fn nickname(&self) -> String {
        format!("{} {}", self.first_name, self.last_name).trim().to_owned()
    }

    /// The avatar URL.
    fn avatar(&self) -> String {
        format!("https://avatar.example.com/{}.png", self.user_id)
    }

    /// The operator as `GET operator/{user_id}` answers it.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "user_id": self.user_id,
            "email": self.email,
            "avatar": self.avatar(),
            "first_name": self.first_name,
            "last_name": self.last_name,
            "role": self.role,
            "title": self.title,
            "availability": self.availability,
            "has_token": false,
        })
    }

    /// The operator in the last-active list.
    pub(crate) fn last_active_json(&self, timestamp: u64) -> Value {
        json!({
            "user_id": self.user_id,
            "avatar": self.avatar(),
            "nickname": self.nickname(),
            "timestamp": timestamp,
        })
    }
}

/// `jane` -> `Jane`.
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An invitation not accepted yet.
#[derive(Debug, Clone)]
pub(crate) struct Invite {
    /// The invitee's email.
    pub(crate) email: String,
    /// The role offered.
    pub(crate) role: String,
}

impl Invite {
    /// The invite as the operator list shows it (`details` of a `type: invite` entry).
    pub(crate) fn to_json(&self) -> Value {
        json!({ "email": self.email, "role": self.role, "has_token": false })
    }
}

/// An inbox.
#[derive(Debug, Clone)]
pub(crate) struct Inbox {
    /// The inbox id (a UUID).
    pub(crate) inbox_id: String,
    /// The name.
    pub(crate) name: String,
    /// The emoji.
    pub(crate) emoji: String,
    /// The position in the list.
    pub(crate) order: u64,
    /// Operators' user ids.
    pub(crate) operators: Vec<String>,
    /// Team ids.
    pub(crate) teams: Vec<String>,
    /// How the conditions combine (`and` / `or`), if set.
    pub(crate) operator: Option<String>,
    /// Routing conditions (`{model, criterion, operator, query}`).
    pub(crate) conditions: Vec<Value>,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
}

impl Inbox {
    /// The inbox's own fields (the website adds `team_operators`).
    pub(crate) fn to_json(&self) -> Value {
        let mut out = json!({
            "inbox_id": self.inbox_id,
            "name": self.name,
            "emoji": self.emoji,
            "order": self.order,
            "operators": self.operators,
            "teams": self.teams,
            "conditions": self.conditions,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        });
        if let Some(operator) = &self.operator {
            out["operator"] = json!(operator);
        }
        out
    }
}

/// A team.
#[derive(Debug, Clone)]
pub(crate) struct Team {
    /// The team id (a UUID).
    pub(crate) team_id: String,
    /// The name.
    pub(crate) name: String,
    /// The emoji.
    pub(crate) emoji: String,
    /// Members' user ids.
    pub(crate) operators: Vec<String>,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change time (ms).
    pub(crate) updated_at: u64,
}

impl Team {
    /// The team as listed and read.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "team_id": self.team_id,
            "name": self.name,
            "emoji": self.emoji,
            "operators": self.operators,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        })
    }
}

/// A visitor on the website.
#[derive(Debug, Clone)]
pub(crate) struct Visitor {
    /// The visitor's session id.
    pub(crate) session_id: String,
    /// What was seeded: nickname, email, geolocation, last_page, active, ...
    pub(crate) fields: Object,
}

impl Visitor {
    /// The visitor as listed: the seeded fields over defaults.
    pub(crate) fn to_json(&self) -> Value {
        let mut out = json!({
            "session_id": self.session_id,
            "nickname": "Visitor",
            "email": "",
            "avatar": "",
            "useragent": "Mozilla/5.0 (fake-crisp)",
            "initiated": false,
            "active": true,
            "last_page": { "page_title": "Home", "page_url": "https://example.com/" },
            "geolocation": { "coordinates": { "latitude": 48.8566, "longitude": 2.3522 }, "city": "Paris", "region": "Île-de-France", "country": "FR" },
            "timezone": -60,
            "capabilities": ["browsing", "call"],
            "locales": ["en"],
        });
        if let Value::Object(out) = &mut out {
            for (key, value) in &self.fields {
                if key != "session_id" {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        out
    }

    /// Whether the visitor is active.
    pub(crate) fn is_active(&self) -> bool {
        self.to_json().get("active").and_then(Value::as_bool).unwrap_or(false)
    }

    /// The visitor's coordinates (latitude, longitude), if known.
    pub(crate) fn coordinates(&self) -> Option<(f64, f64)> {
        let view = self.to_json();
        let coordinates = view.get("geolocation")?.get("coordinates")?;
        Some((
            coordinates.get("latitude")?.as_f64()?,
            coordinates.get("longitude")?.as_f64()?,
        ))
    }
}
