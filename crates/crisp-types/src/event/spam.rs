//! `spam:*` events: messages caught by the spam filter and the decisions
//! taken on them.

use crate::util::null_as_default;
use crate::{JsonMap, Timestamp};

event_payload! {
    /// The payload of `spam:message`: a message caught by the spam filter.
    pub struct SpamMessage in website {
        /// The caught message's id in the spam queue.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub spam_id: Option<String>,
        /// The kind of message caught (`type` on the wire), e.g. `email`.
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        /// Why it was caught.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
        /// Free-form metadata about the message.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub metadata: JsonMap,
        /// The message headers (values are strings).
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub headers: JsonMap,
        /// When the message was caught.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub timestamp: Option<Timestamp>,
    }
}

event_payload! {
    /// The payload of `spam:decision`.
    pub struct SpamDecision in website {
        /// The decision, e.g. `accept` or `reject`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub action: Option<String>,
        /// The caught message's id in the spam queue.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub spam_id: Option<String>,
    }
}
