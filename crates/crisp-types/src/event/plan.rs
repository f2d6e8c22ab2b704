//! `plan:*` events: the website's Crisp plan subscription.

use serde::{Deserialize, Serialize};

event_payload! {
    /// The payload of `plan:subscription:updated`.
    pub struct PlanSubscriptionUpdated in website {
        /// The plan the website is now subscribed to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plan: Option<SubscriptionPlan>,
    }
}

/// A Crisp plan a website subscribes to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SubscriptionPlan {
    /// The plan's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The plan's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The plan's price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u32>,
    /// Whether the subscription is a trial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trialing: Option<bool>,
}
