//! Campaign templates: reusable layouts campaigns are written in.

use serde::{Deserialize, Serialize};

use super::CampaignFormat;
use crate::{CampaignTemplateId, Timestamp};

crate::open_enum! {
    /// Who made a campaign template.
    pub enum CampaignTemplateType {
        /// Provided by Crisp.
        Static => "static",
        /// Made for the website.
        Custom => "custom",
    }
}

/// A template in a list (`GET website/{website_id}/campaigns/templates/{page}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignTemplateExcerpt {
    /// The template's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<CampaignTemplateId>,
    /// Static or custom (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignTemplateType>,
    /// The template's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How the template is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<CampaignFormat>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// A whole template: what `GET .../campaigns/template/{template_id}` answers,
/// and the body `PUT` (all of it) and `PATCH` (the fields set) take.
///
/// ```
/// use crisp_types::campaign::WebsiteCampaignTemplateItem;
///
/// let update = WebsiteCampaignTemplateItem::new().content("<p>{{ message }}</p>");
/// assert_eq!(serde_json::to_string(&update)?, r#"{"content":"<p>{{ message }}</p>"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignTemplateItem {
    /// The template's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<CampaignTemplateId>,
    /// Static or custom (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignTemplateType>,
    /// The template's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How the template is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<CampaignFormat>,
    /// The template itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl WebsiteCampaignTemplateItem {
    /// Nothing set yet; add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets static or custom.
        kind: CampaignTemplateType,
        /// Sets the name.
        name: String,
        /// Sets how it is written.
        format: CampaignFormat,
        /// Sets the template itself.
        content: String,
    }
}

/// What `POST .../campaigns/template` answers: the new template's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignTemplateNew {
    /// The new template's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<CampaignTemplateId>,
}

/// The body that creates a template: `{format, name}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteCampaignTemplateNewItem {
    /// How the template is written.
    pub format: CampaignFormat,
    /// The template's name.
    pub name: String,
}

impl WebsiteCampaignTemplateNewItem {
    /// A template named `name`, written in `format`.
    pub fn new(format: CampaignFormat, name: impl Into<String>) -> Self {
        Self {
            format,
            name: name.into(),
        }
    }
}
