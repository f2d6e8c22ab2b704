//! The authentication tier a token belongs to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which kind of token authenticates a request, sent as `X-Crisp-Tier` on
/// REST calls and as `tier` in the RTM `authentication` packet.
///
/// This is chosen by the client, never filled by the server, so it is a closed
/// enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// An operator's own token.
    User,
    /// A website token.
    Website,
    /// A plugin (marketplace) token.
    Plugin,
}

impl Tier {
    /// The tier as Crisp spells it: `user`, `website` or `plugin`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Website => "website",
            Self::Plugin => "plugin",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string names no tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTier(pub String);

impl fmt::Display for UnknownTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown Crisp tier {:?} (expected user, website or plugin)", self.0)
    }
}

impl std::error::Error for UnknownTier {}

impl FromStr for Tier {
    type Err = UnknownTier;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value.trim().to_ascii_lowercase().as_str() {
            "user" => Ok(Self::User),
            "website" => Ok(Self::Website),
            "plugin" => Ok(Self::Plugin),
            _ => Err(UnknownTier(value.to_owned())),
        }
    }
}
