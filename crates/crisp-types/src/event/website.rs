//! `website:*` events: visitors count and operators' availability.

use serde::{Deserialize, Serialize};

use crate::UserId;
use crate::conversation::Availability;

event_payload! {
    /// The payload of `website:update_visitors_count`.
    pub struct WebsiteUpdateVisitorsCount in website {
        /// The number of visitors now on the website.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub visitors_count: Option<u32>,
    }
}

event_payload! {
    /// The payload of `website:update_operators_availability`.
    pub struct WebsiteUpdateOperatorsAvailability in website {
        /// The operator whose availability changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<UserId>,
        /// The operator's new availability.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub availability: Option<OperatorAvailability>,
    }
}

/// An operator's availability.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OperatorAvailability {
    /// Online or offline (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Availability>,
}

event_payload! {
    /// The payload of `website:users:available`.
    pub struct WebsiteUsersAvailable in website {
        /// Whether any operator is available.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub available: Option<bool>,
    }
}
