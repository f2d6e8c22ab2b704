//! Helpdesk settings: name, appearance, behaviour, custom HTML, access,
//! localization, section names and services.
//!
//! The same struct is the answer of "resolve helpdesk settings" and the body
//! of "save helpdesk settings" (a `PATCH`: only the fields set are sent).

use serde::{Deserialize, Serialize};

/// Helpdesk settings; every field optional.
///
/// ```
/// use crisp_types::helpdesk::{HelpdeskSettings, HelpdeskSettingsBehavior};
///
/// let patch = HelpdeskSettings::new()
///     .name("Acme Help")
///     .behavior(HelpdeskSettingsBehavior::new().show_chatbox(true));
/// assert_eq!(
///     serde_json::to_string(&patch)?,
///     r#"{"name":"Acme Help","behavior":{"show_chatbox":true}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettings {
    /// The helpdesk name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Logos, banner and colours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appearance: Option<HelpdeskSettingsAppearance>,
    /// Behaviour switches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub behavior: Option<HelpdeskSettingsBehavior>,
    /// Custom HTML included in every page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<HelpdeskSettingsInclude>,
    /// Access restrictions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<HelpdeskSettingsAccess>,
    /// Writing locale and automatic translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localization: Option<HelpdeskSettingsLocalization>,
    /// The titles of the content sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<HelpdeskSettingsSection>,
    /// Extra services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<HelpdeskSettingsService>,
}

impl HelpdeskSettings {
    /// No field set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the name.
        name: String,
        /// Sets the appearance.
        appearance: HelpdeskSettingsAppearance,
        /// Sets the behaviour switches.
        behavior: HelpdeskSettingsBehavior,
        /// Sets the custom HTML.
        include: HelpdeskSettingsInclude,
        /// Sets the access restrictions.
        access: HelpdeskSettingsAccess,
        /// Sets the localization.
        localization: HelpdeskSettingsLocalization,
        /// Sets the section titles.
        section: HelpdeskSettingsSection,
        /// Sets the services.
        service: HelpdeskSettingsService,
    }
}

/// Logos, banner and colours.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsAppearance {
    /// The logos.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logos: Option<HelpdeskSettingsAppearanceLogos>,
    /// The banner image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<String>,
    /// The colour mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<HelpdeskSettingsAppearanceColor>,
}

impl HelpdeskSettingsAppearance {
    /// No field set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the logos.
        logos: HelpdeskSettingsAppearanceLogos,
        /// Sets the banner image URL.
        banner: String,
        /// Sets the colour mode.
        color: HelpdeskSettingsAppearanceColor,
    }
}

/// Logo image URLs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsAppearanceLogos {
    /// The header logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// The footer logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer: Option<String>,
    /// The favicon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favicon: Option<String>,
}

/// The colour mode.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsAppearanceColor {
    /// The mode (e.g. `light`, `dark`, `auto`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Whether readers may switch it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_changeable: Option<bool>,
}

/// Behaviour switches.
///
/// Crisp uses snake_case keys; Node SDK 10.x and older typed them in
/// camelCase (`frequentlyRead`), which is accepted when decoding.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsBehavior {
    /// Show the most read pages.
    #[serde(default, alias = "frequentlyRead", skip_serializing_if = "Option::is_none")]
    pub frequently_read: Option<bool>,
    /// Show category images.
    #[serde(default, alias = "showCategoryImages", skip_serializing_if = "Option::is_none")]
    pub show_category_images: Option<bool>,
    /// Show the Crisp chatbox on the helpdesk.
    #[serde(default, alias = "showChatbox", skip_serializing_if = "Option::is_none")]
    pub show_chatbox: Option<bool>,
    /// Ask readers whether a page helped.
    #[serde(default, alias = "askFeedback", skip_serializing_if = "Option::is_none")]
    pub ask_feedback: Option<bool>,
    /// Show the locale picker.
    #[serde(default, alias = "localePicker", skip_serializing_if = "Option::is_none")]
    pub locale_picker: Option<bool>,
    /// Show the "powered by Crisp" link.
    #[serde(default, alias = "referLink", skip_serializing_if = "Option::is_none")]
    pub refer_link: Option<bool>,
    /// Ask search engines not to index the helpdesk.
    #[serde(default, alias = "forbidIndexing", skip_serializing_if = "Option::is_none")]
    pub forbid_indexing: Option<bool>,
    /// Show a banner while the status page reports an outage.
    #[serde(default, alias = "statusHealthDead", skip_serializing_if = "Option::is_none")]
    pub status_health_dead: Option<bool>,
    /// Let readers report incorrect content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_incorrect: Option<bool>,
    /// Serve pages as Markdown to clients that ask for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serve_markdown: Option<bool>,
    /// Show the AI agent chat bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_chat_bar: Option<bool>,
    /// Show the "copy for AI agents" button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_copy_button: Option<bool>,
    /// Show a table of contents on pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_of_contents: Option<bool>,
}

impl HelpdeskSettingsBehavior {
    /// No switch set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets `frequently_read`.
        frequently_read: bool,
        /// Sets `show_category_images`.
        show_category_images: bool,
        /// Sets `show_chatbox`.
        show_chatbox: bool,
        /// Sets `ask_feedback`.
        ask_feedback: bool,
        /// Sets `locale_picker`.
        locale_picker: bool,
        /// Sets `refer_link`.
        refer_link: bool,
        /// Sets `forbid_indexing`.
        forbid_indexing: bool,
        /// Sets `status_health_dead`.
        status_health_dead: bool,
        /// Sets `report_incorrect`.
        report_incorrect: bool,
        /// Sets `serve_markdown`.
        serve_markdown: bool,
        /// Sets `agent_chat_bar`.
        agent_chat_bar: bool,
        /// Sets `agent_copy_button`.
        agent_copy_button: bool,
        /// Sets `table_of_contents`.
        table_of_contents: bool,
    }
}

/// Custom HTML included in every page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsInclude {
    /// The HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

/// Access restrictions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsAccess {
    /// A password readers must enter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// How access is restricted (e.g. by password or JWT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restrict_mode: Option<String>,
    /// The secret JWT access tokens are signed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwt_secret: Option<String>,
}

/// Writing locale and automatic translation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsLocalization {
    /// The locale content is written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writing_locale: Option<String>,
    /// Whether other locales are translated automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_automatic: Option<bool>,
    /// Whether translated locales are read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_locales_readonly: Option<bool>,
}

/// The titles of the content sections, per content type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsSection {
    /// The title of the articles section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<String>,
    /// The title of the guides section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guides: Option<String>,
    /// The title of the references section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<String>,
    /// The title of the news section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news: Option<String>,
}

/// Extra services.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSettingsService {
    /// Whether the helpdesk is served as an MCP server to AI agents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<bool>,
}
