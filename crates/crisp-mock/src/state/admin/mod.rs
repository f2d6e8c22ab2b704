//! A website's administration: its settings and deletion state, operators
//! and invites, inboxes, teams, visitors (with chatbox tokens and blocked
//! counts), identity verification, and campaigns with their templates.
//!
//! Attached to each [`Website`](super::Website) as its `admin` field and
//! filled on first use ([`WebsiteAdmin::seed`]): default settings (name
//! `Website <n>`, domain `<first 8 id digits>.example.com`), one owner
//! operator (the account the user token belongs to, Jane Operator), a
//! verify key, and one static campaign template (`Crisp Default`).

mod campaigns;
mod people;
mod seed;

use std::collections::BTreeMap;

use serde_json::{Value, json};

pub(crate) use campaigns::{CAMPAIGN_FIELDS, Campaign, Template};
pub(crate) use people::{Inbox, Invite, Operator, Team, Visitor};

use super::{Object, deep_merge};
use crate::ids::{self, Clock};

/// Everything a website's administration routes keep.
#[derive(Debug, Default)]
pub(crate) struct WebsiteAdmin {
    /// Whether [`WebsiteAdmin::seed`] ran.
    seeded: bool,
    /// The full settings object (`website_id` excluded).
    pub(crate) settings: Object,
    /// Whether a deletion is scheduled (`DELETE website/{website_id}`).
    pub(crate) deletion_pending: bool,
    /// Members, in joining order (the owner first).
    pub(crate) operators: Vec<Operator>,
    /// Pending invitations.
    pub(crate) invites: Vec<Invite>,
    /// Emails sent to operators (`POST operators/email` bodies), in order.
    pub(crate) sent_emails: Vec<Value>,
    /// Inboxes, in creation order.
    pub(crate) inboxes: Vec<Inbox>,
    /// Teams, in creation order.
    pub(crate) teams: Vec<Team>,
    /// Visitors on the website, in arrival order.
    pub(crate) visitors: Vec<Visitor>,
    /// Chatbox tokens: token id -> session id.
    pub(crate) tokens: BTreeMap<String, String>,
    /// Blocked visitors per blocking rule.
    pub(crate) blocked: BTreeMap<String, u64>,
    /// Whether identity verification is enforced.
    pub(crate) verify_enabled: bool,
    /// The identity verification secret.
    pub(crate) verify_secret: String,
    /// Campaigns, in creation order.
    pub(crate) campaigns: Vec<Campaign>,
    /// Campaign templates, in creation order.
    pub(crate) templates: Vec<Template>,
}

impl WebsiteAdmin {
    /// Fills the defaults the first time the website's administration is
    /// used; later calls do nothing.
    pub(crate) fn seed(&mut self, website_id: &str, owner: (&str, &str), clock: &mut Clock) {
        if self.seeded {
            return;
        }
        self.seeded = true;
        let short: String = website_id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
        let mut settings = default_settings();
        settings.insert("name".into(), json!(format!("Website {short}")));
        settings.insert("domain".into(), json!(format!("{short}.example.com")));
        self.settings = settings;
        self.verify_secret = ids::hex(32);
        let now = clock.now();
        let mut operator = Operator::new(owner.0.to_owned(), owner.1.to_owned(), "owner", now);
        "Jane".clone_into(&mut operator.first_name);
        "Operator".clone_into(&mut operator.last_name);
        self.operators.push(operator);
        self.templates.push(Template {
            template_id: ids::uuid(),
            kind: "static".to_owned(),
            name: "Crisp Default".to_owned(),
            format: "html".to_owned(),
            content: "<html><body>{{ message }}</body></html>".to_owned(),
            created_at: now,
            updated_at: now,
        });
    }

    /// The settings as `GET website/{website_id}/settings` answers them.
    pub(crate) fn settings_json(&self, website_id: &str) -> Value {
        let mut out = Object::new();
        out.insert("website_id".into(), json!(website_id));
        for (key, value) in &self.settings {
            out.insert(key.clone(), value.clone());
        }
        Value::Object(out)
    }

    /// Merges a validated partial settings object into the settings.
    pub(crate) fn update_settings(&mut self, patch: Object) {
        deep_merge(&mut self.settings, patch);
    }

    /// The website as `GET website/{website_id}` answers it.
    pub(crate) fn website_json(&self, website_id: &str) -> Value {
        json!({
            "website_id": website_id,
            "name": self.settings.get("name").cloned().unwrap_or(Value::Null),
            "domain": self.settings.get("domain").cloned().unwrap_or(Value::Null),
            "logo": self.settings.get("logo").cloned().unwrap_or(Value::Null),
            "verified": true,
            "institutional": false,
        })
    }

    /// The website's domain.
    pub(crate) fn domain(&self) -> Option<&str> {
        self.settings.get("domain").and_then(Value::as_str)
    }

    /// The operator with this user id.
    pub(crate) fn operator(&self, user_id: &str) -> Option<&Operator> {
        self.operators.iter().find(|o| o.user_id == user_id)
    }

    /// The operator with this user id, mutably.
    pub(crate) fn operator_mut(&mut self, user_id: &str) -> Option<&mut Operator> {
        self.operators.iter_mut().find(|o| o.user_id == user_id)
    }

    /// The inbox with this id.
    pub(crate) fn inbox(&self, inbox_id: &str) -> Option<&Inbox> {
        self.inboxes.iter().find(|i| i.inbox_id == inbox_id)
    }

    /// The team with this id.
    pub(crate) fn team(&self, team_id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.team_id == team_id)
    }

    /// The inbox as listed and read: its teams' operators included.
    pub(crate) fn inbox_json(&self, inbox: &Inbox) -> Value {
        let mut team_operators: Vec<&str> = Vec::new();
        for team in inbox.teams.iter().filter_map(|team_id| self.team(team_id)) {
            for user_id in &team.operators {
                if !team_operators.contains(&user_id.as_str()) {
                    team_operators.push(user_id);
                }
            }
        }
        let mut out = inbox.to_json();
        out["team_operators"] = json!(team_operators);
        out
    }

    /// The inboxes in list order: by `order`, then oldest first.
    pub(crate) fn sorted_inboxes(&self) -> Vec<&Inbox> {
        let mut inboxes: Vec<&Inbox> = self.inboxes.iter().collect();
        inboxes.sort_by_key(|inbox| inbox.order);
        inboxes
    }

    /// The campaign with this id.
    pub(crate) fn campaign(&self, campaign_id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|c| c.campaign_id == campaign_id)
    }

    /// The campaign with this id, mutably.
    pub(crate) fn campaign_mut(&mut self, campaign_id: &str) -> Option<&mut Campaign> {
        self.campaigns.iter_mut().find(|c| c.campaign_id == campaign_id)
    }

    /// The template with this id.
    pub(crate) fn template(&self, template_id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.template_id == template_id)
    }

    /// The template with this id, mutably.
    pub(crate) fn template_mut(&mut self, template_id: &str) -> Option<&mut Template> {
        self.templates.iter_mut().find(|t| t.template_id == template_id)
    }
}

/// The settings of a new website (shapes from the Crisp reference).
fn default_settings() -> Object {
    let chatbox_look = json!({
        "tile": "default", "conversations": true, "wait_game": false, "website_logo": true,
        "last_operator_face": false, "ongoing_operator_face": true, "activity_metrics": true,
        "operator_privacy": false, "visitor_privacy": false, "availability_tooltip": true,
        "hide_vacation": false, "hide_on_away": false, "hide_on_mobile": false,
        "position_reverse": false, "email_visitors": false, "phone_visitors": false,
        "force_identify": false, "ignore_privacy": false, "visitor_compose": false,
    });
    let chatbox_behaviour = json!({
        "file_transfer": true, "audio_record": true, "mode_initial": "chat", "home": true,
        "overlay_search": true, "overlay_mode": false, "helpdesk_link": true,
        "helpdesk_only": false, "helpdesk_navigate": "deep", "status_health_dead": true,
        "check_domain": false, "color_theme": "default", "color_mode": "auto",
        "layout_theme": "default", "text_theme": "default", "welcome_message": "default",
        "locale": "en", "allowed_pages": [], "blocked_pages": [], "blocked_countries": [],
        "blocked_locales": [], "blocked_ips": [], "guard_level": "default",
    });
    let mut chatbox = Object::new();
    for part in [chatbox_look, chatbox_behaviour] {
        if let Value::Object(part) = part {
            chatbox.extend(part);
        }
    }
    let settings = json!({
        "domain_alternates": [],
        "logo": "",
        "audit": { "log": false },
        "contact": {
            "email": "", "phone": "", "messenger": "", "telegram": "",
            "twitter": "", "whatsapp": "", "instagram": "",
        },
        "inbox": { "lock_removal": false, "force_operator_token": false, "locale": "" },
        "emails": { "rating": true, "transcript": true, "enrich": true, "junk_filter": true, "trackers": true },
        "chatbox": chatbox,
    });
    match settings {
        Value::Object(settings) => settings,
        _ => Object::new(),
    }
}
