//! `call:*` events: audio/video call requests.

event_payload! {
    /// The payload of `call:request:initiated` and `call:request:rejected`.
    pub struct CallRequest in session {
        /// The call's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub call_id: Option<String>,
    }
}
