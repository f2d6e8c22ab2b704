//! `email:*` events: email subscriptions and tracked emails.

event_payload! {
    /// The payload of `email:subscribe`.
    pub struct EmailSubscribe in website {
        /// The email address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
        /// Whether the address is now subscribed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subscribed: Option<bool>,
    }
}

event_payload! {
    /// The payload of `email:track:view`: a tracked email was opened.
    pub struct EmailTrackView in website {
        /// What was tracked (`type` on the wire), e.g. `campaign`.
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        /// What identifies the email tracked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub identifier: Option<String>,
        /// How the view was tracked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub mode: Option<String>,
    }
}
