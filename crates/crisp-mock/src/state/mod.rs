//! The fake's in-memory world: websites, their conversations (with messages)
//! and people profiles, and the plugin's view of connected websites.
//!
//! These are private structs, independent of `crisp-types`' resource models,
//! and render themselves as the JSON Crisp sends (shapes from the API's
//! `models.tsv`).

pub(crate) mod account;
pub(crate) mod admin;
mod conversation;
pub(crate) mod helpdesk;
mod people;

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value, json};

use crate::ids::{self, Clock};

pub(crate) use conversation::{Conversation, ConversationState, Message};
pub(crate) use people::Profile;

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
    /// CSV files the people import route can "download", by URL.
    pub(crate) import_files: HashMap<String, String>,
    /// The token owner's account: login, profile, plugin and plan subscriptions.
    pub(crate) account: account::Account,
}

impl Store {
    /// An empty world for the given plugin.
    pub(crate) fn new(plugin_id: String) -> Self {
        Self {
            clock: Clock::default(),
            account: account::Account::new(&plugin_id),
            plugin_id,
            websites: Vec::new(),
            import_files: HashMap::new(),
        }
    }

    /// Creates a website (connected to the plugin, with configured settings).
    pub(crate) fn add_website(&mut self, website_id: String) -> &mut Website {
        let now = self.clock.now();
        self.websites.push(Website {
            website_id,
            conversations: Vec::new(),
            people: Vec::new(),
            spams: Vec::new(),
            hidden: HiddenSuggestions::default(),
            admin: admin::WebsiteAdmin::default(),
            helpdesk: helpdesk::HelpdeskState::default(),
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

    /// The website with this id, created on the fly when unknown (for the
    /// seeding helpers, which never fail).
    pub(crate) fn website_or_create(&mut self, website_id: &str) -> (&mut Website, &mut Clock) {
        let index = match self.websites.iter().position(|w| w.website_id == website_id) {
            Some(index) => index,
            None => {
                self.add_website(website_id.to_owned());
                self.websites.len() - 1
            }
        };
        (&mut self.websites[index], &mut self.clock)
    }

    /// The conversation with this session id, created on the fly (with its
    /// website) when unknown, keeping the given session id.
    pub(crate) fn conversation_or_create(
        &mut self,
        website_id: &str,
        session_id: &str,
    ) -> (&mut Conversation, &mut Clock) {
        let (website, clock) = self.website_or_create(website_id);
        let index = match website.conversations.iter().position(|c| c.session_id == session_id) {
            Some(index) => index,
            None => {
                website.add_conversation(clock, Some(session_id.to_owned()));
                website.conversations.len() - 1
            }
        };
        (&mut website.conversations[index], clock)
    }
}

/// Suggestions the API was asked to forget (`DELETE .../suggest/...`), per website.
#[derive(Debug, Default)]
pub(crate) struct HiddenSuggestions {
    /// Conversation segments.
    pub(crate) conversation_segments: BTreeSet<String>,
    /// Conversation `meta.data` keys.
    pub(crate) conversation_data_keys: BTreeSet<String>,
    /// People segments.
    pub(crate) people_segments: BTreeSet<String>,
    /// People data keys.
    pub(crate) people_data_keys: BTreeSet<String>,
    /// People event texts.
    pub(crate) people_events: BTreeSet<String>,
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
    /// Conversations held as spam, oldest first.
    pub(crate) spams: Vec<Spam>,
    /// Deleted suggestions.
    pub(crate) hidden: HiddenSuggestions,
    /// How the plugin sees this website.
    pub(crate) connect: PluginLink,
    /// Settings, operators, inboxes, teams, visitors, campaigns, ... (`admin/`).
    pub(crate) admin: admin::WebsiteAdmin,
    /// The helpdesk: locales, content trees, history, settings, ... (`helpdesk.rs`).
    pub(crate) helpdesk: helpdesk::HelpdeskState,
}

impl Website {
    /// Creates an empty pending conversation and returns its session id.
    pub(crate) fn add_conversation(&mut self, clock: &mut Clock, session_id: Option<String>) -> String {
        let session_id = session_id.unwrap_or_else(|| format!("session_{}", ids::uuid()));
        let visitor_number = self.conversations.len() + 1;
        self.conversations.push(Conversation::new(
            session_id.clone(),
            format!("Visitor {visitor_number}"),
            clock.now(),
        ));
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

    /// The people profile with this id, or with this email (see
    /// [`Profile::answers_to`]).
    pub(crate) fn profile(&self, people_id: &str) -> Option<&Profile> {
        self.people.iter().find(|p| p.answers_to(people_id))
    }

    /// The people profile with this id or email, mutably.
    pub(crate) fn profile_mut(&mut self, people_id: &str) -> Option<&mut Profile> {
        self.people.iter_mut().find(|p| p.answers_to(people_id))
    }

    /// Whether a profile other than `except` already uses this email.
    pub(crate) fn email_taken(&self, email: &str, except: Option<&str>) -> bool {
        self.people
            .iter()
            .any(|p| Some(p.people_id.as_str()) != except && p.email().is_some_and(|e| e.eq_ignore_ascii_case(email)))
    }

    /// Stores a new profile from a card and returns its id.
    pub(crate) fn add_profile(&mut self, clock: &mut Clock, card: Object) -> String {
        let people_id = ids::uuid();
        self.people.push(Profile::new(people_id.clone(), card, clock.now()));
        people_id
    }
}

/// A conversation held as spam (`conversations/spams/..`).
#[derive(Debug, Clone)]
pub(crate) struct Spam {
    /// The spam id (a UUID).
    pub(crate) spam_id: String,
    /// When it was caught (ms).
    pub(crate) timestamp: u64,
}

impl Spam {
    /// The spam as `conversations/spams/{page_number}` lists it; with
    /// `content` as `conversations/spam/{spam_id}/content` resolves it.
    pub(crate) fn to_json(&self, with_content: bool) -> Value {
        let mut out = json!({
            "spam_id": self.spam_id,
            "type": "email",
            "reason": "spam_filter",
            "metadata": { "from": "promo@spam.example", "subject": "You won a prize" },
            "headers": { "From": "promo@spam.example", "Subject": "You won a prize" },
            "timestamp": self.timestamp,
        });
        if with_content {
            out["content"] = json!({
                "text": "Click here to claim your prize.",
                "html": "<p>Click here to claim your prize.</p>",
            });
        }
        out
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

/// Counts how many items use each name, most used first (ties by name), as
/// the suggestion routes answer (`[{<label>: name, count}]`), leaving out
/// `hidden` names.
pub(crate) fn count_names<'a>(
    names: impl IntoIterator<Item = &'a str>,
    hidden: Option<&BTreeSet<String>>,
    label: &str,
) -> Vec<Value> {
    let mut counts: Vec<(String, u64)> = Vec::new();
    for name in names {
        if hidden.is_some_and(|hidden| hidden.contains(name)) {
            continue;
        }
        match counts.iter_mut().find(|(n, _)| n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name.to_owned(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
        .into_iter()
        .map(|(name, count)| json!({ label: name, "count": count }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn counts_most_used_first_without_hidden() {
        let hidden: BTreeSet<String> = ["gone".to_owned()].into();
        let counted = count_names(["b", "a", "b", "gone", "c"], Some(&hidden), "segment");
        assert_eq!(
            counted,
            [
                json!({"segment": "b", "count": 2}),
                json!({"segment": "a", "count": 1}),
                json!({"segment": "c", "count": 1}),
            ]
        );
    }

    #[test]
    fn seeding_creates_website_and_conversation_once() {
        let mut store = Store::new(ids::uuid());
        let (conversation, _) = store.conversation_or_create("w", "session_x");
        assert_eq!(conversation.session_id, "session_x");
        store.conversation_or_create("w", "session_x");
        assert_eq!(store.websites.len(), 1);
        assert_eq!(store.websites[0].conversations.len(), 1);
    }
}
