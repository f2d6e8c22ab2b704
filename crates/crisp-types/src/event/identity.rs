//! `identity:*` events: identity verifications delegated to a plugin.

use crate::PluginId;

event_payload! {
    /// The payload of `identity:verify:request`: a plugin is asked to send a
    /// verification code to the visitor.
    pub struct IdentityVerifyRequest in session {
        /// The plugin asked to verify.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plugin_id: Option<PluginId>,
        /// Where to send the code (e.g. a phone number).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub target: Option<String>,
        /// The verification code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub code: Option<String>,
        /// The URL that confirms the verification.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub confirm_url: Option<String>,
    }
}
