//! Locale categories and their sections, of the retired helpdesk API (Node
//! SDK 9.x and 10.x), and the bodies that change them. The current API
//! stores the same structure as folders of the content tree.

use serde::{Deserialize, Serialize};

use super::{CategoryId, SectionId};
use crate::Timestamp;

/// A locale category.
///
/// Both official SDKs type only `category_id` and `section_id`; the other
/// fields are those the Crisp helpdesk editor shows for a category, decoded
/// when Crisp sends them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleCategory {
    /// The category's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<CategoryId>,
    /// A section id, as the SDKs type it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_id: Option<SectionId>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The colour (e.g. `#1972f5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// The image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Its position among the categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
    /// Its public URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// The answer to adding a category.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleCategoryNew {
    /// The new category's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<CategoryId>,
}

/// The body that adds a category.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleCategoryAdd;
///
/// assert_eq!(serde_json::to_string(&HelpdeskLocaleCategoryAdd::new("Billing"))?, r#"{"name":"Billing"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleCategoryAdd {
    /// The new category's name.
    pub name: String,
}

impl HelpdeskLocaleCategoryAdd {
    /// Adds a category named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}

/// The body that saves (every field, `PUT`) or updates (the fields set,
/// `PATCH`) a category.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleCategoryUpdate;
///
/// let update = HelpdeskLocaleCategoryUpdate::new().name("Billing & plans").order(2);
/// assert_eq!(serde_json::to_string(&update)?, r#"{"name":"Billing & plans","order":2}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleCategoryUpdate {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// The image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Its position among the categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
}

impl HelpdeskLocaleCategoryUpdate {
    /// No field set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the name.
        name: String,
        /// Sets the description.
        description: String,
        /// Sets the colour.
        color: String,
        /// Sets the image URL.
        image: String,
    }

    /// Sets the position.
    #[must_use]
    pub fn order(mut self, order: u64) -> Self {
        self.order = Some(order);
        self
    }
}

/// A section of a category.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleSection {
    /// The section's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_id: Option<SectionId>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its position in the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// The answer to adding a section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleSectionNew {
    /// The new section's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_id: Option<SectionId>,
}

/// The body that adds a section to a category.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleSectionAdd;
///
/// assert_eq!(serde_json::to_string(&HelpdeskLocaleSectionAdd::new("Invoices"))?, r#"{"name":"Invoices"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleSectionAdd {
    /// The new section's name.
    pub name: String,
}

impl HelpdeskLocaleSectionAdd {
    /// Adds a section named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}

/// The body that saves (every field, `PUT`) or updates (the fields set,
/// `PATCH`) a section.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleSectionUpdate;
///
/// let update = HelpdeskLocaleSectionUpdate::new().name("Refunds").order(1);
/// assert_eq!(serde_json::to_string(&update)?, r#"{"name":"Refunds","order":1}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleSectionUpdate {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its position in the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
}

impl HelpdeskLocaleSectionUpdate {
    /// No field set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the name.
        name: String,
    }

    /// Sets the position.
    #[must_use]
    pub fn order(mut self, order: u64) -> Self {
        self.order = Some(order);
        self
    }
}
