//! Visitors browsing a website right now: counts, the list, the map, the
//! session behind a chatbox token, and blocked visitors.
//!
//! ```
//! use crisp_types::visitor::WebsiteVisitorsBlocked;
//!
//! // Crisp's shape, and the bare number the Node typings describe, both decode.
//! let blocked: WebsiteVisitorsBlocked = serde_json::from_str(r#"{"rule":["ip"],"blocked":3}"#)?;
//! assert_eq!((blocked.rule, blocked.blocked), (vec!["ip".to_owned()], Some(3)));
//! let bare: WebsiteVisitorsBlocked = serde_json::from_str("3")?;
//! assert_eq!(bare.blocked, Some(3));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use crate::util::null_as_default;
use crate::{InboxId, SessionId};

/// How many visitors are on the website (`GET website/{website_id}/visitors/count`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorCount {
    /// Visitors on the website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Of those, visitors active right now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<u64>,
    /// Whether the count stopped at the plan's limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limited: Option<bool>,
}

/// A visitor on the website.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitor {
    /// The visitor's session (its conversation id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
    /// The inbox of the visitor's conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
    /// The visitor's nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The visitor's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The URL of the visitor's avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The visitor's browser user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub useragent: Option<String>,
    /// Whether the visitor started a conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiated: Option<bool>,
    /// Whether the visitor is active right now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The page the visitor is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_page: Option<WebsiteVisitorLastPage>,
    /// Where the visitor is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<WebsiteVisitorGeolocation>,
    /// The visitor's time zone offset, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<i32>,
    /// What the visitor's chatbox can do (`call`, `browsing`, ...).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
    /// The visitor's languages.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub locales: Vec<String>,
}

/// The page a visitor is on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorLastPage {
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_title: Option<String>,
    /// The page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_url: Option<String>,
}

/// Where a visitor (or a map point) is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorGeolocation {
    /// Latitude and longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<WebsiteVisitorCoordinates>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The country (ISO code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Latitude and longitude, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorCoordinates {
    /// The latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// The longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

/// One point of the visitors map (`GET website/{website_id}/visitors/map`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorsMapPoint {
    /// The visitors at this point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitors: Option<WebsiteVisitorsMapPointVisitors>,
    /// Where the point is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<WebsiteVisitorGeolocation>,
}

/// The visitors at one map point.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorsMapPointVisitors {
    /// How many visitors are there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Above this count, Crisp lists no session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u64>,
    /// The visitors (up to `threshold`).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<WebsiteVisitorsMapPointSession>,
    /// The visitors' session ids, as older answers list them.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub session_ids: Vec<SessionId>,
}

/// A visitor at a map point.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorsMapPointSession {
    /// The visitor's session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
    /// The visitor's nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The visitor's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The URL of the visitor's avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Whether the visitor started a conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiated: Option<bool>,
    /// Whether the visitor is active right now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The page the visitor is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_page: Option<WebsiteVisitorLastPage>,
    /// The visitor's time zone offset, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<i32>,
    /// What the visitor's chatbox can do.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
    /// The visitor's languages.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub locales: Vec<String>,
}

/// The session behind a chatbox token (`GET website/{website_id}/visitors/token/{token_id}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteVisitorsToken {
    /// The visitor's session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
}

/// How many visitors one blocking rule keeps out.
///
/// Crisp answers `{rule, blocked}` (`rule` a list of names, a single name is
/// accepted too); the Node typings describe the per-rule count as a bare
/// number, which decodes as `blocked` with no rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct WebsiteVisitorsBlocked {
    /// The rule (e.g. `["ip"]`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rule: Vec<String>,
    /// How many visitors it blocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<u64>,
}

impl<'de> Deserialize<'de> for WebsiteVisitorsBlocked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Rules {
            One(String),
            Many(Vec<String>),
        }

        #[derive(Deserialize)]
        struct Object {
            #[serde(default)]
            rule: Option<Rules>,
            #[serde(default)]
            blocked: Option<u64>,
        }

        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Count(u64),
            Object(Object),
        }

        Ok(match Shape::deserialize(deserializer)? {
            Shape::Count(blocked) => Self {
                rule: Vec::new(),
                blocked: Some(blocked),
            },
            Shape::Object(object) => Self {
                rule: match object.rule {
                    None => Vec::new(),
                    Some(Rules::One(rule)) => vec![rule],
                    Some(Rules::Many(rules)) => rules,
                },
                blocked: object.blocked,
            },
        })
    }
}
