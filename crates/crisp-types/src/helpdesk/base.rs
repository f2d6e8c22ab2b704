//! The helpdesk itself: what it is, the bodies that create and delete it, and
//! the body that imports an external helpdesk.

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;

/// A website's helpdesk.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Helpdesk {
    /// The helpdesk's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its public URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The body that initializes a website's helpdesk.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskCreate;
///
/// let create = HelpdeskCreate::new("Acme Help", "acme");
/// assert_eq!(serde_json::to_string(&create)?, r#"{"name":"Acme Help","domain_basic":"acme"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskCreate {
    /// The helpdesk's name.
    pub name: String,
    /// The sub-domain it is served on (`acme` for `acme.crisp.help`).
    pub domain_basic: String,
}

impl HelpdeskCreate {
    /// A helpdesk named `name`, served on the sub-domain `domain_basic`.
    pub fn new(name: impl Into<String>, domain_basic: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            domain_basic: domain_basic.into(),
        }
    }
}

open_enum! {
    /// How the account owner proves it is them when deleting a helpdesk.
    pub enum HelpdeskVerifyMethod {
        /// The account password.
        Password => "password",
        /// A two-factor authentication token.
        Token => "token",
        /// A Google sign-in.
        Google => "google",
    }
}

/// The proof of identity a helpdesk deletion carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskRemoveVerify {
    /// How the secret is checked.
    pub method: HelpdeskVerifyMethod,
    /// The password, token or Google credential.
    pub secret: String,
}

impl HelpdeskRemoveVerify {
    /// Proves identity with `secret`, checked as `method` says.
    pub fn new(method: HelpdeskVerifyMethod, secret: impl Into<String>) -> Self {
        Self {
            method,
            secret: secret.into(),
        }
    }
}

/// The body that deletes a helpdesk (and all its content).
///
/// ```
/// use crisp_types::helpdesk::{HelpdeskRemove, HelpdeskRemoveVerify, HelpdeskVerifyMethod};
///
/// let remove = HelpdeskRemove::new(HelpdeskRemoveVerify::new(HelpdeskVerifyMethod::Password, "hunter2"));
/// assert_eq!(
///     serde_json::to_string(&remove)?,
///     r#"{"verify":{"method":"password","secret":"hunter2"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskRemove {
    /// The proof of identity.
    pub verify: HelpdeskRemoveVerify,
}

impl HelpdeskRemove {
    /// Deletes the helpdesk, proving identity with `verify`.
    pub fn new(verify: HelpdeskRemoveVerify) -> Self {
        Self { verify }
    }
}

/// The body that imports an external helpdesk (Intercom, Zendesk, ...) into
/// a locale and content type.
///
/// ```
/// use crisp_types::helpdesk::HelpdeskLocaleExternalImport;
///
/// let import = HelpdeskLocaleExternalImport::new("https://help.example.com")
///     .detect_locales(true)
///     .other_locales(["fr", "de"]);
/// assert_eq!(
///     serde_json::to_string(&import)?,
///     r#"{"helpdesk_url":"https://help.example.com","detect_locales":true,"other_locales":["fr","de"]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskLocaleExternalImport {
    /// The URL of the helpdesk to import.
    pub helpdesk_url: String,
    /// Whether Crisp detects the other locales of the imported helpdesk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detect_locales: Option<bool>,
    /// Other locales to import too.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub other_locales: Vec<String>,
}

impl HelpdeskLocaleExternalImport {
    /// Imports the helpdesk at `helpdesk_url`.
    pub fn new(helpdesk_url: impl Into<String>) -> Self {
        Self {
            helpdesk_url: helpdesk_url.into(),
            detect_locales: None,
            other_locales: Vec::new(),
        }
    }

    option_setters! {
        /// Sets whether Crisp detects the other locales.
        detect_locales: bool,
    }

    /// Sets other locales to import too (not sent when empty).
    #[must_use]
    pub fn other_locales(mut self, locales: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.other_locales = locales.into_iter().map(Into::into).collect();
        self
    }
}
