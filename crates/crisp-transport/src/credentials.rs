//! The token pair that authenticates every request.

use std::fmt;

/// A Crisp token: an identifier and a key, sent as
/// `Authorization: Basic base64(identifier:key)`.
///
/// `Debug` never shows the key.
///
/// ```
/// use crisp::transport::Credentials;
///
/// let credentials = Credentials::new("7c3ef21c-1e04-41ce-8c06-5605c346f73e", "secret");
/// assert_eq!(credentials.identifier(), "7c3ef21c-1e04-41ce-8c06-5605c346f73e");
/// assert!(!format!("{credentials:?}").contains("secret"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    identifier: String,
    key: String,
}

impl Credentials {
    /// Pairs a token identifier with its key.
    pub fn new(identifier: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            identifier: identifier.into(),
            key: key.into(),
        }
    }

    /// The token identifier.
    pub fn identifier(&self) -> &str {
        &self.identifier
    }

    /// The token key (a secret).
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("identifier", &self.identifier)
            .field("key", &format_args!("<redacted>"))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_the_key() {
        let credentials = Credentials::new("the-id", "s3cr3t-k3y");
        let debug = format!("{credentials:?}");
        assert!(debug.contains("the-id"));
        assert!(debug.contains("<redacted>"));
        assert!(!debug.contains("s3cr3t-k3y"));
        let pretty = format!("{credentials:#?}");
        assert!(!pretty.contains("s3cr3t-k3y"));
        assert_eq!(credentials.clone().key(), "s3cr3t-k3y");
    }
}
