//! `widget:*` events: plugin widget actions.

use crate::util::null_as_default;
use crate::{JsonMap, PluginId};

crate::open_enum! {
    /// How a widget action ended.
    pub enum WidgetActionOutcome {
        /// The action succeeded.
        Success => "success",
        /// The action failed.
        Failure => "failure",
    }
}

event_payload! {
    /// The payload of `widget:action:processed`.
    pub struct WidgetActionProcessed in session {
        /// The plugin whose widget ran the action.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plugin_id: Option<PluginId>,
        /// The id given when the action was triggered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub correlation_id: Option<String>,
        /// How the action ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub outcome: Option<WidgetActionOutcome>,
        /// The action result, free-form.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub result: JsonMap,
    }
}
