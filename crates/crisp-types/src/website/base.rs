//! The website model, and the bodies that create and delete a website.

use serde::{Deserialize, Serialize};

use crate::WebsiteId;

/// A website, as `GET website/{website_id}` returns it and `POST website`
/// creates it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Website {
    /// The website's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The website's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The website's domain (`crisp.chat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The URL of the website's logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Whether Crisp verified the website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Whether the website belongs to an institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institutional: Option<bool>,
}

/// The body that creates a website: `{name, domain}`.
///
/// ```
/// use crisp_types::website::WebsiteCreate;
///
/// let create = WebsiteCreate::new("Acme", "acme.example.com");
/// assert_eq!(serde_json::to_string(&create)?, r#"{"name":"Acme","domain":"acme.example.com"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteCreate {
    /// The website's name.
    pub name: String,
    /// The website's domain.
    pub domain: String,
}

impl WebsiteCreate {
    /// A website named `name` on `domain`.
    pub fn new(name: impl Into<String>, domain: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            domain: domain.into(),
        }
    }
}

crate::open_enum! {
    /// How the acting user proves who they are before a sensitive change
    /// (deleting a website, inviting an operator).
    pub enum OwnerVerifyMethod {
        /// The account password.
        Password => "password",
        /// A two-factor authentication token.
        Token => "token",
        /// A Google sign-in.
        Google => "google",
    }
}

/// The proof of identity a sensitive change carries: `{method, secret}`.
///
/// ```
/// use crisp_types::website::OwnerVerification;
///
/// let verify = OwnerVerification::password("correct horse");
/// assert_eq!(serde_json::to_string(&verify)?, r#"{"method":"password","secret":"correct horse"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerVerification {
    /// What `secret` is.
    pub method: OwnerVerifyMethod,
    /// The password, token or Google credential.
    pub secret: String,
}

impl OwnerVerification {
    /// A proof of identity of the given kind.
    pub fn new(method: OwnerVerifyMethod, secret: impl Into<String>) -> Self {
        Self {
            method,
            secret: secret.into(),
        }
    }

    /// The account password.
    pub fn password(secret: impl Into<String>) -> Self {
        Self::new(OwnerVerifyMethod::Password, secret)
    }

    /// A two-factor authentication token.
    pub fn token(secret: impl Into<String>) -> Self {
        Self::new(OwnerVerifyMethod::Token, secret)
    }

    /// A Google sign-in credential.
    pub fn google(secret: impl Into<String>) -> Self {
        Self::new(OwnerVerifyMethod::Google, secret)
    }
}

impl std::fmt::Debug for OwnerVerification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OwnerVerification")
            .field("method", &self.method)
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// The body that deletes a website: `{verify: {method, secret}}`.
///
/// ```
/// use crisp_types::website::{OwnerVerification, WebsiteRemove};
///
/// let remove = WebsiteRemove::new(OwnerVerification::password("secret"));
/// assert_eq!(
///     serde_json::to_value(&remove)?,
///     serde_json::json!({"verify": {"method": "password", "secret": "secret"}})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteRemove {
    /// The acting user's proof of identity.
    pub verify: OwnerVerification,
}

impl WebsiteRemove {
    /// Deletes the website, proving identity with `verify`.
    pub fn new(verify: OwnerVerification) -> Self {
        Self { verify }
    }
}
