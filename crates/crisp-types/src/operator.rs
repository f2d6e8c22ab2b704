//! Website operators: the members of a website (and pending invites), their
//! last activity, and the bodies that invite, change, and email them.
//!
//! ```
//! use crisp_types::operator::{OperatorRole, WebsiteOperatorListOne, WebsiteOperatorKind};
//!
//! let listed: Vec<WebsiteOperatorListOne> = serde_json::from_str(
//!     r#"[{"type":"operator","details":{"user_id":"u1","role":"owner","first_name":"Jane"}}]"#,
//! )?;
//! assert_eq!(listed[0].kind, Some(WebsiteOperatorKind::Operator));
//! let details = listed[0].details.clone().unwrap_or_default();
//! assert_eq!(details.role, Some(OperatorRole::Owner));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::availability::AvailabilityType;
use crate::website::OwnerVerification;
use crate::{Timestamp, UserId};

crate::open_enum! {
    /// An operator's role on a website.
    pub enum OperatorRole {
        /// Full control, billing included.
        Owner => "owner",
        /// Answers conversations.
        Member => "member",
    }
}

crate::open_enum! {
    /// What an entry of the operator list is.
    pub enum WebsiteOperatorKind {
        /// A member of the website.
        Operator => "operator",
        /// An invitation not accepted yet.
        Invite => "invite",
    }
}

/// One entry of `GET website/{website_id}/operators/list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteOperatorListOne {
    /// Member or pending invite (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<WebsiteOperatorKind>,
    /// The operator (for an invite: the email and role invited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<WebsiteOperator>,
}

/// An operator of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteOperator {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The operator's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The URL of the operator's avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The operator's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<OperatorRole>,
    /// The operator's title (`Customer Success`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether the operator is available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<AvailabilityType>,
    /// Whether the operator has an API token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_token: Option<bool>,
    /// The operator's token identifier, when Crisp shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The operator's token key, when Crisp shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// One entry of `GET website/{website_id}/operators/active`: an operator who
/// was active lately.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteOperatorLastActive {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The URL of the operator's avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The operator's nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// When the operator was last active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

/// The body that emails a website's operators.
///
/// ```
/// use crisp_types::operator::{WebsiteOperatorEmail, WebsiteOperatorEmailTarget};
///
/// let email = WebsiteOperatorEmail::new("owners", "Invoice", "Your invoice is ready.")
///     .target(WebsiteOperatorEmailTarget::new("Open", "https://example.com/invoice"));
/// assert_eq!(
///     serde_json::to_value(&email)?,
///     serde_json::json!({
///         "recipient": "owners", "subject": "Invoice", "message": "Your invoice is ready.",
///         "target": {"label": "Open", "url": "https://example.com/invoice"},
///     })
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteOperatorEmail {
    /// Who receives it (`owners`, `operators`, or `user` with `user_id`).
    pub recipient: String,
    /// The one operator who receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The subject.
    pub subject: String,
    /// The text.
    pub message: String,
    /// A call-to-action link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<WebsiteOperatorEmailTarget>,
}

impl WebsiteOperatorEmail {
    /// An email to `recipient` (e.g. `owners`).
    pub fn new(recipient: impl Into<String>, subject: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            recipient: recipient.into(),
            user_id: None,
            subject: subject.into(),
            message: message.into(),
            target: None,
        }
    }

    option_setters! {
        /// Sends it to this operator only.
        user_id: UserId,
        /// Adds a call-to-action link.
        target: WebsiteOperatorEmailTarget,
    }
}

/// The call-to-action link of a [`WebsiteOperatorEmail`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteOperatorEmailTarget {
    /// The button text.
    pub label: String,
    /// Where it leads.
    pub url: String,
}

impl WebsiteOperatorEmailTarget {
    /// A link labelled `label` to `url`.
    pub fn new(label: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            url: url.into(),
        }
    }
}

/// The body that invites an operator: `{email, role, verify}`.
///
/// `verify` is the inviting user's proof of identity (`{method, secret}`), as
/// the Crisp reference and the Go SDK send it (the Node typings' boolean is a
/// typing mistake).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteOperatorInvite {
    /// The invitee's email.
    pub email: String,
    /// The invitee's role.
    pub role: OperatorRole,
    /// The inviting user's proof of identity.
    pub verify: OwnerVerification,
}

impl WebsiteOperatorInvite {
    /// Invites `email` as `role`.
    pub fn new(email: impl Into<String>, role: OperatorRole, verify: OwnerVerification) -> Self {
        Self {
            email: email.into(),
            role,
            verify,
        }
    }
}

/// The body that changes an operator's membership: `{role, title?}`.
///
/// ```
/// use crisp_types::operator::{OperatorRole, WebsiteOperatorEdit};
///
/// let edit = WebsiteOperatorEdit::new(OperatorRole::Member).title("Support");
/// assert_eq!(serde_json::to_string(&edit)?, r#"{"role":"member","title":"Support"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteOperatorEdit {
    /// The new role.
    pub role: OperatorRole,
    /// The new title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl WebsiteOperatorEdit {
    /// Gives the operator `role`.
    pub fn new(role: OperatorRole) -> Self {
        Self { role, title: None }
    }

    option_setters! {
        /// Sets the operator's title.
        title: String,
    }
}
