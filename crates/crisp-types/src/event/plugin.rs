//! `plugin:*` events: plugin channels, custom events, subscriptions and
//! settings.

use serde_json::Value;

use crate::util::null_as_default;
use crate::{JsonMap, PluginId};

event_payload! {
    /// The payload of `plugin:channel`: a plugin pushed a message on its
    /// channel.
    pub struct PluginChannel in website {
        /// The plugin.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plugin_id: Option<PluginId>,
        /// The channel namespace.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub namespace: Option<String>,
        /// What identifies the message on the channel.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub identifier: Option<String>,
        /// The message type (`type` on the wire).
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        /// The message, free-form.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub payload: Option<Value>,
    }
}

event_payload! {
    /// The payload of `plugin:event`: a plugin emitted a custom event.
    pub struct PluginEvent in website {
        /// The plugin.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plugin_id: Option<PluginId>,
        /// The plugin's URN.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub urn: Option<String>,
        /// The custom event name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// The custom event data.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub data: JsonMap,
    }
}

event_payload! {
    /// The payload of `plugin:subscription:updated`.
    pub struct PluginSubscriptionUpdated in website {
        /// The plugin.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plugin_id: Option<PluginId>,
        /// Whether the website is now subscribed to the plugin.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub bound: Option<bool>,
        /// What the subscription applies to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub target: Option<String>,
    }
}

event_payload! {
    /// The payload of `plugin:settings:saved`.
    pub struct PluginSettingsSaved in website {
        /// The plugin.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plugin_id: Option<PluginId>,
        /// The settings saved, free-form (defined by the plugin).
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub settings: JsonMap,
    }
}
