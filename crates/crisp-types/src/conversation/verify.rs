//! Identity verification of a conversation's visitor.

use serde::{Deserialize, Serialize};

use super::ConversationVerification;
use crate::util::null_as_default;

/// Whether a conversation's visitor is verified, and how.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationVerify {
    /// Whether the visitor is verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// The verified identities.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub verifications: Vec<ConversationVerification>,
}

/// The body that marks a conversation's visitor as verified (or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationVerifyUpdate {
    /// Whether the visitor is verified.
    #[serde(default)]
    pub verified: bool,
}

impl ConversationVerifyUpdate {
    /// Marks the visitor as verified (`true`) or not (`false`).
    pub fn new(verified: bool) -> Self {
        Self { verified }
    }
}

crate::open_enum! {
    /// The identity to verify: an email address, a phone number, or a plugin
    /// identity by its URN (kept in [`VerifyIdentity::Other`]).
    pub enum VerifyIdentity {
        /// The visitor's email address.
        Email => "email",
        /// The visitor's phone number.
        Phone => "phone",
    }
}

crate::open_enum! {
    /// How an identity is verified.
    pub enum VerifyMethod {
        /// A link sent to the identity.
        Link => "link",
    }
}

impl Default for VerifyMethod {
    /// [`VerifyMethod::Link`], the only method Crisp offers.
    fn default() -> Self {
        Self::Link
    }
}

/// The body that sends the visitor an identity verification request.
///
/// ```
/// use crisp::types::conversation::{ConversationVerifyIdentityRequest, VerifyIdentity};
///
/// let request = ConversationVerifyIdentityRequest::new(VerifyIdentity::Email);
/// assert_eq!(serde_json::to_string(&request)?, r#"{"identity":"email","method":"link"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationVerifyIdentityRequest {
    /// The identity to verify.
    pub identity: VerifyIdentity,
    /// How it is verified (always [`VerifyMethod::Link`] today).
    #[serde(default)]
    pub method: VerifyMethod,
    /// Where to send the request (Crisp uses the known identity when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

impl ConversationVerifyIdentityRequest {
    /// Requests verification of `identity` by link.
    pub fn new(identity: VerifyIdentity) -> Self {
        Self {
            identity,
            method: VerifyMethod::Link,
            recipient: None,
        }
    }

    option_setters! {
        /// Sets where to send the request.
        recipient: String,
    }
}

/// The body that redeems an identity verification link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationVerifyIdentityRedeem {
    /// The identity verified.
    pub identity: VerifyIdentity,
    /// The token from the verification link.
    pub token: String,
    /// Where the request was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

impl ConversationVerifyIdentityRedeem {
    /// Redeems the verification of `identity` with `token`.
    pub fn new(identity: VerifyIdentity, token: impl Into<String>) -> Self {
        Self {
            identity,
            token: token.into(),
            recipient: None,
        }
    }

    option_setters! {
        /// Sets where the request was sent.
        recipient: String,
    }
}
