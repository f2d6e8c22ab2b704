//! `campaign:*` events: campaigns (mass messages) started, sent and stopped.

event_payload! {
    /// The payload of `campaign:progress`.
    pub struct CampaignProgress in website {
        /// The campaign's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub campaign_id: Option<String>,
        /// How far the sending is, in percent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub progress: Option<u32>,
    }
}

event_payload! {
    /// The payload of `campaign:dispatched`.
    pub struct CampaignDispatched in website {
        /// The campaign's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub campaign_id: Option<String>,
    }
}

event_payload! {
    /// The payload of `campaign:running`.
    pub struct CampaignRunning in website {
        /// The campaign's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub campaign_id: Option<String>,
        /// Whether the campaign is now running.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub running: Option<bool>,
    }
}
