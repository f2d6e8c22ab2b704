//! Helpdesk locales: the languages a helpdesk is written in.

use serde::{Deserialize, Serialize};

use super::LocaleId;

/// A helpdesk locale, as listed and resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocale {
    /// The locale's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale_id: Option<LocaleId>,
    /// The locale code (`en`, `fr`, `pt-br`), which the routes take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The locale's public URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How many entries and groups each content tree holds (current API).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<HelpdeskLocaleStatistics>,
    /// How many articles the locale has (retired API; the Go SDK's type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<u64>,
    /// How many categories the locale has (retired API; the Go SDK's type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<u64>,
}

/// The size of each content tree of a locale.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleStatistics {
    /// The `articles` tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<HelpdeskLocaleStatisticsContent>,
    /// The `guides` tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guides: Option<HelpdeskLocaleStatisticsContent>,
    /// The `references` tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<HelpdeskLocaleStatisticsContent>,
    /// The `news` tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news: Option<HelpdeskLocaleStatisticsContent>,
}

/// The size of one content tree.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleStatisticsContent {
    /// How many pages (entries) it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<u64>,
    /// How many folders (groups) it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<u64>,
}

/// The body that adds a locale to a helpdesk.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleAdd;
///
/// assert_eq!(serde_json::to_string(&HelpdeskLocaleAdd::new("fr"))?, r#"{"locale":"fr"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleAdd {
    /// The locale code.
    pub locale: String,
}

impl HelpdeskLocaleAdd {
    /// Adds the locale `locale` (`fr`, `pt-br`).
    pub fn new(locale: impl Into<String>) -> Self {
        Self { locale: locale.into() }
    }
}
