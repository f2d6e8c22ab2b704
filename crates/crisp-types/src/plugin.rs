//! Plugin subscriptions: the marketplace plugins a website subscribes to,
//! their per-website settings, usage billing, provenance attestation, and the
//! bodies a plugin sends to its channel and as custom events.
//!
//! ```
//! use crisp_types::plugin::{PluginSubscription, PluginSubscriptionEventDispatch};
//!
//! let subscription: PluginSubscription = serde_json::from_str(
//!     r#"{"id": "c64f3595-adee-425a-8d3a-89d47f7ed6bb", "urn": "urn:crisp.im:slack:0",
//!         "name": "Slack", "price": 0, "active": true, "configurable": true}"#,
//! )?;
//! assert_eq!(subscription.urn.as_deref(), Some("urn:crisp.im:slack:0"));
//!
//! let event = PluginSubscriptionEventDispatch::new("order_shipped")
//!     .data(serde_json::json!({"order": 1042}).as_object().cloned().unwrap_or_default());
//! assert_eq!(
//!     serde_json::to_value(&event)?,
//!     serde_json::json!({"name": "order_shipped", "data": {"order": 1042}})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::plan::BillPeriod;
use crate::util::null_as_default;
use crate::{JsonMap, PluginId, UserId, WebsiteId};

/// A plugin subscription: the plugin's marketplace entry, and (when listed
/// for a website) the subscription's state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginSubscription {
    /// The plugin's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<PluginId>,
    /// The plugin's URN, e.g. `urn:crisp.im:slack:0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urn: Option<String>,
    /// The plugin type (`type` on the wire), e.g. `integration`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The marketplace category, e.g. `automation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The plugin's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A one-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The monthly price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u32>,
    /// The plugin's plans, when it has several.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<PluginSubscriptionPlan>,
    /// The icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// The plugin's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
    /// Where to contact the plugin's author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_url: Option<String>,
    /// The terms of use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_url: Option<String>,
    /// The privacy policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_url: Option<String>,
    /// The help pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_url: Option<String>,
    /// A presentation video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_url: Option<String>,
    /// Whether the plugin has settings to configure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configurable: Option<bool>,
    /// When the website subscribed (an ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Whether the subscription is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// How often the subscription is billed (sent by the Go SDK's model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_period: Option<BillPeriod>,
    /// Until when the subscription is paid (an ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_valid_until: Option<String>,
    /// The subscribed website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The payment card billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_id: Option<String>,
}

/// One plan of a plugin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginSubscriptionPlan {
    /// The plan's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The plan's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The plan's monthly price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u32>,
}

/// The body of "subscribe website to plugin": `{plugin_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginSubscriptionCreate {
    /// The plugin to subscribe to.
    pub plugin_id: PluginId,
}

impl PluginSubscriptionCreate {
    /// Subscribes to `plugin_id`.
    pub fn new(plugin_id: impl Into<PluginId>) -> Self {
        Self {
            plugin_id: plugin_id.into(),
        }
    }
}

/// A plugin's settings for one website, with the schema they follow.
///
/// `token` is the website's secret plugin token: `Debug` prints it as
/// `<redacted>`, but it is serialised as is.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginSubscriptionSettings {
    /// The plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin_id: Option<PluginId>,
    /// The website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The website's plugin token (a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The JSON schema the settings follow (defined by the plugin).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "JsonMap::is_empty"
    )]
    pub schema: JsonMap,
    /// The saved settings, free-form (defined by the plugin).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "JsonMap::is_empty"
    )]
    pub settings: JsonMap,
    /// Where operators edit the settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings_form_url: Option<String>,
    /// The plugin's callback URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

impl fmt::Debug for PluginSubscriptionSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PluginSubscriptionSettings")
            .field("plugin_id", &self.plugin_id)
            .field("website_id", &self.website_id)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("schema", &self.schema)
            .field("settings", &self.settings)
            .field("settings_form_url", &self.settings_form_url)
            .field("callback_url", &self.callback_url)
            .finish()
    }
}

/// A usage line billed to a website by a plugin.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PluginBillUsage {
    /// What was used, e.g. `SMS sent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many units were used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<u32>,
    /// The price of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
}

/// The body of "report plugin usage to bill": `{name, units, price}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginSubscriptionBillUsageReport {
    /// What was used, e.g. `SMS sent`.
    pub name: String,
    /// How many units were used.
    pub units: u32,
    /// The price of one unit.
    pub price: f64,
}

impl PluginSubscriptionBillUsageReport {
    /// Bills `units` of `name` at `price` each.
    pub fn new(name: impl Into<String>, units: u32, price: f64) -> Self {
        Self {
            name: name.into(),
            units,
            price,
        }
    }
}

/// A signed statement of who installed the plugin where, for the plugin's
/// own back-end to check.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginAttestProvenance {
    /// What is attested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<PluginAttestProvenancePayload>,
    /// The signature over the payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<String>,
    /// When the attestation expires (as Crisp sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_at: Option<u64>,
}

/// What a [`PluginAttestProvenance`] attests.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginAttestProvenancePayload {
    /// The website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<PluginAttestProvenanceWebsite>,
    /// The operator who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<PluginAttestProvenanceUser>,
    /// The plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin: Option<PluginAttestProvenancePlugin>,
}

/// The website of a [`PluginAttestProvenancePayload`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginAttestProvenanceWebsite {
    /// The website's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
}

/// The operator of a [`PluginAttestProvenancePayload`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginAttestProvenanceUser {
    /// The operator's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The operator's role on the website, e.g. `owner`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The plugin of a [`PluginAttestProvenancePayload`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PluginAttestProvenancePlugin {
    /// The plugin's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin_id: Option<PluginId>,
}

/// The body of "forward plugin payload to channel": `{namespace,
/// identifier, payload}`, relayed to the plugin's widget or RTM listeners
/// (event `plugin:channel`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginSubscriptionChannelForward {
    /// The channel namespace.
    pub namespace: String,
    /// What identifies the message on the channel.
    pub identifier: String,
    /// The message, free-form (sent as `{}` when empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub payload: JsonMap,
}

impl PluginSubscriptionChannelForward {
    /// Forwards `payload` on `namespace`, identified by `identifier`.
    pub fn new(namespace: impl Into<String>, identifier: impl Into<String>, payload: JsonMap) -> Self {
        Self {
            namespace: namespace.into(),
            identifier: identifier.into(),
            payload,
        }
    }
}

/// The body of "dispatch plugin event": `{name, data}`, a custom event the
/// website's RTM listeners and web hooks receive as `plugin:event`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginSubscriptionEventDispatch {
    /// The custom event name.
    pub name: String,
    /// The event data, free-form (always sent, `{}` when empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: JsonMap,
}

impl PluginSubscriptionEventDispatch {
    /// An event named `name` with no data (`{}`).
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            data: JsonMap::new(),
        }
    }

    /// Sets the event data.
    #[must_use]
    pub fn data(mut self, data: JsonMap) -> Self {
        self.data = data;
        self
    }
}
