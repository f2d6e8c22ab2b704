//! The legacy user-tier account routes of the old official wrappers: log in
//! with an operator's email and password (getting a token pair), recover a
//! password, log out, read the operator's profile.
//!
//! Crisp replaced logging in with tokens generated in the Marketplace; these
//! models stay for programs that still use the old routes.
//!
//! ```
//! use crisp_types::user::UserSessionLogin;
//!
//! let login = UserSessionLogin::new("jane@example.com", "correct horse battery staple");
//! // The password is sent, but never printed.
//! assert!(serde_json::to_string(&login)?.contains("correct horse"));
//! assert!(!format!("{login:?}").contains("correct horse"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::UserId;

/// The body of "create a new session" (log in): `{email, password}`, plus
/// the optional keys of the Go SDK's model.
///
/// `Debug` prints the password and the two-factor code as `<redacted>`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSessionLogin {
    /// The operator's email address.
    pub email: String,
    /// The operator's password (a secret).
    pub password: String,
    /// The operator's id, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// Asks for a longer-lived session, as the Go SDK's model spells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend: Option<String>,
    /// The two-factor authentication code (Go's `CreateNewSessionWithToken`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Asks for a session that ends with the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<bool>,
}

impl UserSessionLogin {
    /// Logs in with `email` and `password`.
    pub fn new(email: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            password: password.into(),
            user_id: None,
            extend: None,
            token: None,
            ephemeral: None,
        }
    }

    option_setters! {
        /// The operator's id, when known.
        user_id: UserId,
        /// Asks for a longer-lived session.
        extend: String,
        /// The two-factor authentication code.
        token: String,
        /// Asks for a session that ends with the connection.
        ephemeral: bool,
    }
}

impl fmt::Debug for UserSessionLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserSessionLogin")
            .field("email", &self.email)
            .field("password", &format_args!("<redacted>"))
            .field("user_id", &self.user_id)
            .field("extend", &self.extend)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("ephemeral", &self.ephemeral)
            .finish()
    }
}

/// The body of "recover a session" (send a password recovery email):
/// `{email}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSessionRecover {
    /// The operator's email address.
    pub email: String,
}

impl UserSessionRecover {
    /// Recovers the account of `email`.
    pub fn new(email: impl Into<String>) -> Self {
        Self { email: email.into() }
    }
}

/// The token pair a login answers (`{identifier, key}`): the user-tier
/// credentials of the new session.
///
/// `Debug` prints the key as `<redacted>`.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserSession {
    /// The token identifier (the Basic authentication user name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The token key (the Basic authentication password, a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl fmt::Debug for UserSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserSession")
            .field("identifier", &self.identifier)
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// The logged-in operator's profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserProfile {
    /// The operator's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The preferred locale, e.g. `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}
