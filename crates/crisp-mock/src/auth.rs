//! The fake's credentials and the checks every `/v1/` request goes through.

use std::sync::{Arc, Mutex, MutexGuard};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use crisp_types::Tier;
use http::header::AUTHORIZATION;

use crate::ids;
use crate::reply::ApiError;

/// Credentials the fake accepts, one per tier.
///
/// Send them as `Authorization: Basic base64(identifier:key)` with
/// `X-Crisp-Tier: <tier>`, as any Crisp client does. `Debug` hides the key.
#[derive(Clone, PartialEq, Eq)]
pub struct FakeToken {
    /// The token identifier (the Basic auth user name), a UUID.
    pub identifier: String,
    /// The token key (the Basic auth password), 64 hex digits.
    pub key: String,
    /// The tier this token belongs to; requests must send it as `X-Crisp-Tier`.
    pub tier: Tier,
}

impl FakeToken {
    /// A fresh random-looking token for `tier`.
    pub(crate) fn generate(tier: Tier) -> Self {
        Self {
            identifier: ids::uuid(),
            key: ids::hex(64),
            tier,
        }
    }

    /// The `Authorization` header value: `Basic base64(identifier:key)`.
    pub fn authorization(&self) -> String {
        format!("Basic {}", STANDARD.encode(format!("{}:{}", self.identifier, self.key)))
    }
}

impl std::fmt::Debug for FakeToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeToken")
            .field("identifier", &self.identifier)
            .field("key", &"<redacted>")
            .field("tier", &self.tier)
            .finish()
    }
}

/// The three tokens of one fake server.
#[derive(Debug, Clone)]
pub(crate) struct Tokens {
    user: FakeToken,
    website: FakeToken,
    plugin: FakeToken,
    /// User-tier tokens made by `POST user/session/login`, until logged out
    /// (shared by every clone).
    sessions: Arc<Mutex<Vec<FakeToken>>>,
}

impl Tokens {
    /// Fresh tokens for every tier.
    pub(crate) fn generate() -> Self {
        Self {
            user: FakeToken::generate(Tier::User),
            website: FakeToken::generate(Tier::Website),
            plugin: FakeToken::generate(Tier::Plugin),
            sessions: Arc::default(),
        }
    }

    /// The token of `tier`.
    pub(crate) fn get(&self, tier: Tier) -> &FakeToken {
        match tier {
            Tier::User => &self.user,
            Tier::Website => &self.website,
            Tier::Plugin => &self.plugin,
        }
    }

    /// The token these Basic credentials name, if any.
    fn find(&self, identifier: &str, key: &str) -> Option<&FakeToken> {
        [&self.user, &self.website, &self.plugin]
            .into_iter()
            .find(|token| token.identifier == identifier && token.key == key)
    }

    /// The user-tier tokens made by logging in, locked.
    fn sessions(&self) -> MutexGuard<'_, Vec<FakeToken>> {
        self.sessions.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes a user-tier token for a new login session.
    pub(crate) fn mint_session(&self) -> FakeToken {
        let token = FakeToken::generate(Tier::User);
        self.sessions().push(token.clone());
        token
    }

    /// Destroys the login session whose token these `Authorization: Basic`
    /// credentials name; `false` when they name none (the fixed tokens of
    /// [`FakeCrisp::token`](crate::FakeCrisp::token) are never destroyed).
    pub(crate) fn revoke_session(&self, authorization: &str) -> bool {
        let Some((identifier, key)) = parse_basic(authorization) else {
            return false;
        };
        let mut sessions = self.sessions();
        let before = sessions.len();
        sessions.retain(|token| !(token.identifier == identifier && token.key == key));
        sessions.len() != before
    }

    /// Checks a `/v1/` request: credentials, tier header, and whether the tier
    /// may use the route.
    ///
    /// The legacy login and password recovery routes need no credentials.
    ///
    /// - no or unknown `Authorization: Basic` credentials: `401 invalid_session`;
    /// - valid credentials but `X-Crisp-Tier` missing or naming another tier:
    ///   `401 invalid_tier`;
    /// - `plugin/...` routes with a non-plugin tier, website routes with the
    ///   website tier, or user-only website routes (spams, widget actions,
    ///   people campaigns, export and import, batch resolve / read / remove)
    ///   with another tier: `403 not_allowed` (`website/connect/endpoints`
    ///   accepts every tier, as the RTM bootstrap uses it).
    pub(crate) fn authorize(&self, parts: &http::request::Parts) -> Result<Tier, ApiError> {
        if is_public(parts.uri.path()) {
            return Ok(Tier::User);
        }
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(parse_basic)
            .and_then(|(identifier, key)| {
                let session = || {
                    self.sessions()
                        .iter()
                        .find(|t| t.identifier == identifier && t.key == key)
                        .cloned()
                };
                self.find(&identifier, &key).cloned().or_else(session)
            })
            .ok_or(ApiError::INVALID_SESSION)?;
        let tier = parts
            .headers
            .get("x-crisp-tier")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<Tier>().ok());
        if tier != Some(token.tier) {
            return Err(ApiError::INVALID_TIER);
        }
        if tier_allowed(token.tier, parts.uri.path()) {
            Ok(token.tier)
        } else {
            Err(ApiError::NOT_ALLOWED)
        }
    }
}

/// The routes Crisp serves without credentials: the legacy login and
/// password recovery.
fn is_public(path: &str) -> bool {
    matches!(path, "/v1/user/session/login" | "/v1/user/session/recover")
}

/// Decodes `Basic base64(identifier:key)` (scheme case-insensitive).
fn parse_basic(value: &str) -> Option<(String, String)> {
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = STANDARD.decode(encoded.trim()).ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (identifier, key) = decoded.split_once(':')?;
    Some((identifier.to_owned(), key.to_owned()))
}

/// Whether `tier` may call the route at `path` (which starts with `/v1/`).
fn tier_allowed(tier: Tier, path: &str) -> bool {
    let route = path.strip_prefix("/v1/").unwrap_or(path);
    let segments: Vec<&str> = route.split('/').collect();
    match segments.as_slice() {
        ["plugin", ..] => tier == Tier::Plugin,
        ["website", "connect", "endpoints"] | ["website", _, "connect", "endpoints"] => true,
        route if user_only(route) => tier == Tier::User,
        _ => matches!(tier, Tier::User | Tier::Plugin),
    }
}

/// The website routes Crisp opens to the user tier only (the `tiers` column
/// of the reference names only `user`).
fn user_only(route: &[&str]) -> bool {
    matches!(
        route,
        ["website", _, "conversations", "spams", _]
            | ["website", _, "conversations", "spam", _, "content" | "decision"]
            | ["website", _, "conversation", _, "widget", _, "button" | "data"]
            | ["website", _, "people", "campaigns", _, "list", _]
            | ["website", _, "people", "export" | "import", "profiles"]
            | ["website", _, "batch", "resolve" | "read" | "remove"]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_round_trips() {
        let token = FakeToken::generate(Tier::Plugin);
        let header = token.authorization();
        let (identifier, key) = parse_basic(&header).unwrap();
        assert_eq!((identifier, key), (token.identifier.clone(), token.key.clone()));
        assert!(!format!("{token:?}").contains(&token.key));
    }

    #[test]
    fn rejects_other_schemes_and_garbage() {
        assert!(parse_basic("Bearer abc").is_none());
        assert!(parse_basic("Basic !!!").is_none());
        assert!(parse_basic("Basic").is_none());
        assert!(parse_basic(&format!("Basic {}", STANDARD.encode("no-colon"))).is_none());
    }

    #[test]
    fn tier_rules() {
        assert!(tier_allowed(Tier::Plugin, "/v1/plugin/connect/account"));
        assert!(!tier_allowed(Tier::User, "/v1/plugin/connect/account"));
        assert!(tier_allowed(Tier::User, "/v1/website/x/conversations/1"));
        assert!(tier_allowed(Tier::Plugin, "/v1/website/x/conversations/1"));
        assert!(!tier_allowed(Tier::Website, "/v1/website/x/conversations/1"));
        assert!(tier_allowed(Tier::Website, "/v1/website/connect/endpoints"));
        assert!(tier_allowed(Tier::Website, "/v1/website/x/connect/endpoints"));
    }

    #[test]
    fn user_only_routes() {
        for path in [
            "/v1/website/x/conversations/spams/1",
            "/v1/website/x/conversations/spam/s/content",
            "/v1/website/x/conversations/spam/s/decision",
            "/v1/website/x/conversation/s/widget/p/button",
            "/v1/website/x/conversation/s/widget/p/data",
            "/v1/website/x/people/campaigns/p/list/1",
            "/v1/website/x/people/export/profiles",
            "/v1/website/x/people/import/profiles",
            "/v1/website/x/batch/resolve",
            "/v1/website/x/batch/read",
            "/v1/website/x/batch/remove",
        ] {
            assert!(tier_allowed(Tier::User, path), "{path}");
            assert!(!tier_allowed(Tier::Plugin, path), "{path}");
        }
        for path in [
            "/v1/website/x/batch/unresolve",
            "/v1/website/x/batch/unread",
            "/v1/website/x/conversation/s/tool",
            "/v1/website/x/conversation/s/verify/identity/link",
            "/v1/website/x/people/events/p/list/1",
        ] {
            assert!(tier_allowed(Tier::Plugin, path), "{path}");
        }
    }
}
