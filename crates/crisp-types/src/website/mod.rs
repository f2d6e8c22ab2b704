//! A website itself (create, read, delete) and its settings.
//!
//! ```
//! use crisp_types::website::{WebsiteSettingsChatbox, WebsiteSettingsContact, WebsiteSettingsUpdate};
//!
//! let update = WebsiteSettingsUpdate::new()
//!     .name("Crisp")
//!     .contact(WebsiteSettingsContact::new().email("contact@crisp.chat"))
//!     .chatbox(WebsiteSettingsChatbox::new().color_theme("blue").blocked_countries(["IT"]));
//! assert_eq!(
//!     serde_json::to_value(&update)?,
//!     serde_json::json!({
//!         "name": "Crisp",
//!         "contact": {"email": "contact@crisp.chat"},
//!         "chatbox": {"color_theme": "blue", "blocked_countries": ["IT"]},
//!     })
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

mod base;
mod settings;

pub use base::{OwnerVerification, OwnerVerifyMethod, Website, WebsiteCreate, WebsiteRemove};
pub use settings::{
    WebsiteSettings, WebsiteSettingsAudit, WebsiteSettingsChatbox, WebsiteSettingsContact, WebsiteSettingsEmails,
    WebsiteSettingsInbox, WebsiteSettingsUpdate,
};

/// Chainable setters for `Option<Vec<String>>` fields: `name(values)` stores
/// `Some(values collected)`, from any iterator of string-like items.
macro_rules! list_setters {
    ($( $(#[$doc:meta])* $name:ident ),* $(,)?) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name<S: Into<String>>(mut self, values: impl IntoIterator<Item = S>) -> Self {
                self.$name = Some(values.into_iter().map(Into::into).collect());
                self
            }
        )*
    };
}

pub(crate) use list_setters;
