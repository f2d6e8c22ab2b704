//! `status:*` events: the website's status page health.

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;

crate::open_enum! {
    /// The health of a status page.
    pub enum Health {
        /// Everything is up.
        Healthy => "healthy",
        /// Some nodes are down.
        Sick => "sick",
        /// Everything is down.
        Dead => "dead",
    }
}

event_payload! {
    /// The payload of `status:health:changed`.
    pub struct StatusHealthChanged in website {
        /// The new health.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub health: Option<Health>,
        /// The nodes whose health changed.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub nodes: Vec<StatusNode>,
    }
}

/// A node monitored by a status page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusNode {
    /// The node label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The replica.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica: Option<String>,
}
