//! `browsing:*` events: co-browsing (an operator viewing the visitor's page)
//! requests.

event_payload! {
    /// The payload of `browsing:request:initiated`.
    pub struct BrowsingRequestInitiated in session {
        /// The co-browsing session's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub browsing_id: Option<String>,
        /// The token that joins the co-browsing session.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub browsing_token: Option<String>,
    }
}

event_payload! {
    /// The payload of `browsing:request:rejected`.
    pub struct BrowsingRequestRejected in session {}
}
