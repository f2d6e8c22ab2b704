//! Identity verification of a website's visitors (the `user:verify` HMAC):
//! whether it is enforced, and the secret key it signs with.
//!
//! ```
//! use crisp_types::verify::{WebsiteVerifyKey, WebsiteVerifySettingsUpdate};
//!
//! assert_eq!(serde_json::to_string(&WebsiteVerifySettingsUpdate::new(true))?, r#"{"enabled":true}"#);
//! let key: WebsiteVerifyKey = serde_json::from_str(r#"{"secret":"a1b2"}"#)?;
//! assert_eq!(key.secret.as_deref(), Some("a1b2"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

/// Whether identity verification is enforced.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVerifySettings {
    /// Whether visitors' identities must be signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// The body that turns identity verification on or off: `{enabled}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVerifySettingsUpdate {
    /// Whether visitors' identities must be signed.
    #[serde(default)]
    pub enabled: bool,
}

impl WebsiteVerifySettingsUpdate {
    /// Turns verification on (`true`) or off (`false`).
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }
}

/// The secret key identities are signed with.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVerifyKey {
    /// The HMAC secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl std::fmt::Debug for WebsiteVerifyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebsiteVerifyKey")
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}
