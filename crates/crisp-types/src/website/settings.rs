//! Website settings: what `GET website/{website_id}/settings` returns and
//! the partial update `PATCH website/{website_id}/settings` takes.
//!
//! The nested setting groups (contact, inbox, emails, chatbox, audit) serve
//! both ways: every field is optional, so a decoded group keeps what Crisp
//! sent and a built group sends only what was set. Lists are
//! `Option<Vec<_>>` for the same reason: `Some(vec![])` clears a list, `None`
//! leaves it alone.

use serde::{Deserialize, Serialize};

use super::list_setters;
use crate::WebsiteId;

/// A website's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettings {
    /// The website's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The website's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The website's domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Other domains the website answers on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_alternates: Option<Vec<String>>,
    /// The URL of the website's logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Audit settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<WebsiteSettingsAudit>,
    /// Public contact details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<WebsiteSettingsContact>,
    /// Inbox settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox: Option<WebsiteSettingsInbox>,
    /// Email settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emails: Option<WebsiteSettingsEmails>,
    /// Chatbox settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatbox: Option<WebsiteSettingsChatbox>,
}

/// The body of `PATCH website/{website_id}/settings`: only the fields set are
/// sent, and Crisp changes only those.
///
/// ```
/// use crisp_types::website::{WebsiteSettingsEmails, WebsiteSettingsUpdate};
///
/// let update = WebsiteSettingsUpdate::new().emails(WebsiteSettingsEmails::new().transcript(false));
/// assert_eq!(serde_json::to_string(&update)?, r#"{"emails":{"transcript":false}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettingsUpdate {
    /// The website's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The website's domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Other domains the website answers on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_alternates: Option<Vec<String>>,
    /// The URL of the website's logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Audit settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<WebsiteSettingsAudit>,
    /// Public contact details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<WebsiteSettingsContact>,
    /// Inbox settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox: Option<WebsiteSettingsInbox>,
    /// Email settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emails: Option<WebsiteSettingsEmails>,
    /// Chatbox settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatbox: Option<WebsiteSettingsChatbox>,
}

impl WebsiteSettingsUpdate {
    /// Changes nothing yet; add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Renames the website.
        name: String,
        /// Changes the website's domain.
        domain: String,
        /// Changes the logo URL.
        logo: String,
        /// Changes audit settings.
        audit: WebsiteSettingsAudit,
        /// Changes contact details.
        contact: WebsiteSettingsContact,
        /// Changes inbox settings.
        inbox: WebsiteSettingsInbox,
        /// Changes email settings.
        emails: WebsiteSettingsEmails,
        /// Changes chatbox settings.
        chatbox: WebsiteSettingsChatbox,
    }

    list_setters! {
        /// Replaces the alternate domains.
        domain_alternates,
    }
}

/// Audit settings of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettingsAudit {
    /// Whether changes are written to the audit log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<bool>,
}

impl WebsiteSettingsAudit {
    /// Nothing set (`{}`); add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `log`: whether changes are written to the audit log.
        log: bool,
    }
}

/// Public contact details of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettingsContact {
    /// The contact email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The contact phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The Facebook Messenger handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messenger: Option<String>,
    /// The Telegram handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telegram: Option<String>,
    /// The Twitter (X) handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twitter: Option<String>,
    /// The WhatsApp number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<String>,
    /// The Instagram handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instagram: Option<String>,
}

impl WebsiteSettingsContact {
    /// Nothing set (`{}`); add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `email`: the contact email address.
        email: String,
        /// Sets `phone`: the contact phone number.
        phone: String,
        /// Sets `messenger`: the Facebook Messenger handle.
        messenger: String,
        /// Sets `telegram`: the Telegram handle.
        telegram: String,
        /// Sets `twitter`: the Twitter (X) handle.
        twitter: String,
        /// Sets `whatsapp`: the WhatsApp number.
        whatsapp: String,
        /// Sets `instagram`: the Instagram handle.
        instagram: String,
    }
}

/// Inbox settings of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettingsInbox {
    /// Whether only owners may remove conversations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_removal: Option<bool>,
    /// Whether operators must use two-factor authentication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_operator_token: Option<bool>,
    /// The inbox language (empty: each operator's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

impl WebsiteSettingsInbox {
    /// Nothing set (`{}`); add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `lock_removal`: whether only owners may remove conversations.
        lock_removal: bool,
        /// Sets `force_operator_token`: whether operators must use two-factor authentication.
        force_operator_token: bool,
        /// Sets `locale`: the inbox language (empty: each operator's own).
        locale: String,
    }
}

/// Email settings of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettingsEmails {
    /// Whether visitors are asked to rate conversations by email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<bool>,
    /// Whether visitors may receive transcripts by email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<bool>,
    /// Whether profiles are enriched from their email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrich: Option<bool>,
    /// Whether incoming emails go through the junk filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub junk_filter: Option<bool>,
    /// Whether emails carry read trackers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trackers: Option<bool>,
}

impl WebsiteSettingsEmails {
    /// Nothing set (`{}`); add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `rating`: whether visitors are asked to rate conversations by email.
        rating: bool,
        /// Sets `transcript`: whether visitors may receive transcripts by email.
        transcript: bool,
        /// Sets `enrich`: whether profiles are enriched from their email address.
        enrich: bool,
        /// Sets `junk_filter`: whether incoming emails go through the junk filter.
        junk_filter: bool,
        /// Sets `trackers`: whether emails carry read trackers.
        trackers: bool,
    }
}

/// Chatbox settings of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteSettingsChatbox {
    /// The chat button style (`default`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tile: Option<String>,
    /// Whether visitors see their past conversations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversations: Option<bool>,
    /// Whether a game is offered while visitors wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_game: Option<bool>,
    /// Whether the website logo is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_logo: Option<bool>,
    /// Whether the last active operator's face is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_operator_face: Option<bool>,
    /// Whether the replying operator's face is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing_operator_face: Option<bool>,
    /// Whether response-time metrics are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_metrics: Option<bool>,
    /// Whether operators' names are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator_privacy: Option<bool>,
    /// Whether visitors' typing previews are hidden from operators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor_privacy: Option<bool>,
    /// Whether the availability tooltip is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_tooltip: Option<bool>,
    /// Whether the chatbox hides in vacation mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_vacation: Option<bool>,
    /// Whether the chatbox hides when nobody is available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_on_away: Option<bool>,
    /// Whether the chatbox hides on mobile devices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_on_mobile: Option<bool>,
    /// Whether the chatbox sits on the left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_reverse: Option<bool>,
    /// Whether visitors are asked for their email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_visitors: Option<bool>,
    /// Whether visitors are asked for their phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_visitors: Option<bool>,
    /// Whether visitors must identify before chatting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_identify: Option<bool>,
    /// Whether browser do-not-track settings are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore_privacy: Option<bool>,
    /// Whether operators see what visitors type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor_compose: Option<bool>,
    /// Whether visitors may send files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_transfer: Option<bool>,
    /// Whether visitors may send audio recordings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_record: Option<bool>,
    /// The first view (`chat`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_initial: Option<String>,
    /// Whether the chatbox home is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<bool>,
    /// Whether the helpdesk search overlay is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlay_search: Option<bool>,
    /// Whether the chatbox opens as an overlay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlay_mode: Option<bool>,
    /// Whether the helpdesk is linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk_link: Option<bool>,
    /// Whether the chatbox only shows the helpdesk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk_only: Option<bool>,
    /// How helpdesk links open (`deep`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk_navigate: Option<String>,
    /// Whether a status page outage is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_health_dead: Option<bool>,
    /// Whether the chatbox only loads on the website's domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_domain: Option<bool>,
    /// The color theme (`blue`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_theme: Option<String>,
    /// The color mode (`auto`, `light`, `dark`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_mode: Option<String>,
    /// The layout theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout_theme: Option<String>,
    /// The wording theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_theme: Option<String>,
    /// The welcome message style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welcome_message: Option<String>,
    /// The chatbox language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The pages the chatbox shows on (patterns).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_pages: Option<Vec<String>>,
    /// The pages the chatbox never shows on (patterns).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_pages: Option<Vec<String>>,
    /// The countries (ISO codes) whose visitors are blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_countries: Option<Vec<String>>,
    /// The languages whose visitors are blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_locales: Option<Vec<String>>,
    /// The IP addresses and ranges that are blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_ips: Option<Vec<String>>,
    /// The spam guard level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guard_level: Option<String>,
}

impl WebsiteSettingsChatbox {
    /// Nothing set (`{}`); add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `tile`: the chat button style (`default`, ...).
        tile: String,
        /// Sets `conversations`: whether visitors see their past conversations.
        conversations: bool,
        /// Sets `wait_game`: whether a game is offered while visitors wait.
        wait_game: bool,
        /// Sets `website_logo`: whether the website logo is shown.
        website_logo: bool,
        /// Sets `last_operator_face`: whether the last active operator's face is shown.
        last_operator_face: bool,
        /// Sets `ongoing_operator_face`: whether the replying operator's face is shown.
        ongoing_operator_face: bool,
        /// Sets `activity_metrics`: whether response-time metrics are shown.
        activity_metrics: bool,
        /// Sets `operator_privacy`: whether operators' names are hidden.
        operator_privacy: bool,
        /// Sets `visitor_privacy`: whether visitors' typing previews are hidden from operators.
        visitor_privacy: bool,
        /// Sets `availability_tooltip`: whether the availability tooltip is shown.
        availability_tooltip: bool,
        /// Sets `hide_vacation`: whether the chatbox hides in vacation mode.
        hide_vacation: bool,
        /// Sets `hide_on_away`: whether the chatbox hides when nobody is available.
        hide_on_away: bool,
        /// Sets `hide_on_mobile`: whether the chatbox hides on mobile devices.
        hide_on_mobile: bool,
        /// Sets `position_reverse`: whether the chatbox sits on the left.
        position_reverse: bool,
        /// Sets `email_visitors`: whether visitors are asked for their email.
        email_visitors: bool,
        /// Sets `phone_visitors`: whether visitors are asked for their phone number.
        phone_visitors: bool,
        /// Sets `force_identify`: whether visitors must identify before chatting.
        force_identify: bool,
        /// Sets `ignore_privacy`: whether browser do-not-track settings are ignored.
        ignore_privacy: bool,
        /// Sets `visitor_compose`: whether operators see what visitors type.
        visitor_compose: bool,
        /// Sets `file_transfer`: whether visitors may send files.
        file_transfer: bool,
        /// Sets `audio_record`: whether visitors may send audio recordings.
        audio_record: bool,
        /// Sets `mode_initial`: the first view (`chat`, ...).
        mode_initial: String,
        /// Sets `home`: whether the chatbox home is shown.
        home: bool,
        /// Sets `overlay_search`: whether the helpdesk search overlay is shown.
        overlay_search: bool,
        /// Sets `overlay_mode`: whether the chatbox opens as an overlay.
        overlay_mode: bool,
        /// Sets `helpdesk_link`: whether the helpdesk is linked.
        helpdesk_link: bool,
        /// Sets `helpdesk_only`: whether the chatbox only shows the helpdesk.
        helpdesk_only: bool,
        /// Sets `helpdesk_navigate`: how helpdesk links open (`deep`, ...).
        helpdesk_navigate: String,
        /// Sets `status_health_dead`: whether a status page outage is shown.
        status_health_dead: bool,
        /// Sets `check_domain`: whether the chatbox only loads on the website's domains.
        check_domain: bool,
        /// Sets `color_theme`: the color theme (`blue`, ...).
        color_theme: String,
        /// Sets `color_mode`: the color mode (`auto`, `light`, `dark`).
        color_mode: String,
        /// Sets `layout_theme`: the layout theme.
        layout_theme: String,
        /// Sets `text_theme`: the wording theme.
        text_theme: String,
        /// Sets `welcome_message`: the welcome message style.
        welcome_message: String,
        /// Sets `locale`: the chatbox language.
        locale: String,
        /// Sets `guard_level`: the spam guard level.
        guard_level: String,
    }

    list_setters! {
        /// Sets `allowed_pages`: the pages the chatbox shows on (patterns).
        allowed_pages,
        /// Sets `blocked_pages`: the pages the chatbox never shows on (patterns).
        blocked_pages,
        /// Sets `blocked_countries`: the countries (ISO codes) whose visitors are blocked.
        blocked_countries,
        /// Sets `blocked_locales`: the languages whose visitors are blocked.
        blocked_locales,
        /// Sets `blocked_ips`: the IP addresses and ranges that are blocked.
        blocked_ips,
    }
}
