//! Plugin connect: the plugin's account, the websites that installed it, and
//! the RTM endpoints to connect to.
//!
//! ```
//! use crisp::types::connect::ConnectEndpoints;
//!
//! let endpoints: ConnectEndpoints = serde_json::from_str(
//!     r#"{"socket":{"app":"wss://app.relay.crisp.chat/p/1/"},
//!         "rescue":{"socket":{"app":"wss://rescue.relay.crisp.chat/p/1/"}}}"#,
//! )?;
//! assert_eq!(endpoints.socket_app(), Some("wss://app.relay.crisp.chat/p/1/"));
//! assert_eq!(endpoints.rescue_app(), Some("wss://rescue.relay.crisp.chat/p/1/"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;
use crate::{JsonMap, PluginId, WebsiteId};

/// The plugin account a plugin token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConnectAccount {
    /// The plugin's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin_id: Option<PluginId>,
}

/// A website that installed the plugin (both "list all connect websites" and
/// "list connect websites since").
///
/// `token` is the website's secret plugin token: `Debug` prints it as
/// `<redacted>`, but it is serialised as is.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConnectWebsite {
    /// The website's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The price the website pays for the plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u32>,
    /// The website's plugin token (a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The plugin settings saved for this website.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "JsonMap::is_empty"
    )]
    pub settings: JsonMap,
    /// The website's plan (when requested with `include_plan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<ConnectPlan>,
    /// What changed since the date asked for (list since only), e.g. `added`
    /// or `removed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<String>,
}

impl fmt::Debug for ConnectWebsite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectWebsite")
            .field("website_id", &self.website_id)
            .field("price", &self.price)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("settings", &self.settings)
            .field("plan", &self.plan)
            .field("difference", &self.difference)
            .finish()
    }
}

/// A website's plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConnectPlan {
    /// The plan's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The plan's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the website is on a trial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trialing: Option<bool>,
}

/// Where to connect the RTM (realtime) socket.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConnectEndpoints {
    /// The main socket endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socket: Option<ConnectSocket>,
    /// A fallback endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rescue: Option<ConnectRescue>,
}

impl ConnectEndpoints {
    /// The main socket's `app` URL, if given.
    pub fn socket_app(&self) -> Option<&str> {
        self.socket.as_ref().and_then(|socket| socket.app.as_deref())
    }

    /// The rescue socket's `app` URL, if given (in either rescue shape).
    pub fn rescue_app(&self) -> Option<&str> {
        self.rescue
            .as_ref()
            .and_then(ConnectRescue::endpoint)
            .and_then(|socket| socket.app.as_deref())
    }
}

/// A socket endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConnectSocket {
    /// The socket URL for apps (e.g. `wss://app.relay.crisp.chat/...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
    /// The socket URL for streams, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
}

/// The rescue (fallback) endpoint.
///
/// The official SDKs disagree on its key: the Node SDK reads
/// `{"socket": {...}}`, the Go SDK `{"app": {...}}`. Both are accepted;
/// [`ConnectRescue::endpoint`] returns whichever is present.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConnectRescue {
    /// The rescue socket, as the Node SDK names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socket: Option<ConnectSocket>,
    /// The rescue socket, as the Go SDK names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app: Option<ConnectSocket>,
}

impl ConnectRescue {
    /// The rescue socket, whichever key carried it (`socket` first).
    pub fn endpoint(&self) -> Option<&ConnectSocket> {
        self.socket.as_ref().or(self.app.as_ref())
    }
}
