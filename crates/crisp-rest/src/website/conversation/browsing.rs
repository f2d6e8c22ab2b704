//! Co-browsing and calls with the visitor of a conversation.

use crisp_types::conversation::{
    CallMode, ConversationBrowsing, ConversationBrowsingAction, ConversationBrowsingAssist, ConversationBrowsingDebug,
    ConversationCall, ConversationCallAbortPayload, ConversationCallPayload, ConversationCallSignalingPayload,
};
use crisp_types::message::{MessageUser, Origin};
use crisp_types::{BrowsingId, CallId, SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// The visitor's co-browsing sessions.
    "List Browsing Sessions For Conversation"
        => fn list_browsing_sessions_for_conversation -> ListBrowsingSessionsForConversation;
    GET "website/{website_id}/conversation/{session_id}/browsing";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data Vec<ConversationBrowsing>;

    /// Asks the visitor to share their screen.
    "Initiate Browsing Session For Conversation"
        => fn initiate_browsing_session_for_conversation -> InitiateBrowsingSessionForConversation;
    POST "website/{website_id}/conversation/{session_id}/browsing";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    body {};
    output empty;

    /// Sends an action (for example `start`, `stop`) to a browsing session.
    "Send Action To An Existing Browsing Session"
        => fn send_action_to_existing_browsing_session -> SendActionToExistingBrowsingSession;
    PATCH "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, browsing_id: &'a BrowsingId);
    args (action: impl Into<String>);
    body action: ConversationBrowsingAction = ConversationBrowsingAction::new(action);
    output empty;

    /// Runs a debug action in a browsing session (Go SDK only).
    "Debug Existing Browsing Session" => fn debug_existing_browsing_session -> DebugExistingBrowsingSession;
    PATCH "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/debug";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, browsing_id: &'a BrowsingId);
    args (debug: ConversationBrowsingDebug);
    body debug: ConversationBrowsingDebug = debug;
    output empty;

    /// Moves, clicks or scrolls in the visitor's browser.
    "Assist Existing Browsing Session" => fn assist_existing_browsing_session -> AssistExistingBrowsingSession;
    PATCH "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, browsing_id: &'a BrowsingId);
    args (assist: ConversationBrowsingAssist);
    body assist: ConversationBrowsingAssist = assist;
    output empty;

    /// Starts an audio or video call with the visitor; returns its id.
    "Initiate New Call Session For Conversation"
        => fn initiate_new_call_session_for_conversation -> InitiateNewCallSessionForConversation;
    POST "website/{website_id}/conversation/{session_id}/call";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (mode: CallMode);
    body call: ConversationCallPayload = ConversationCallPayload::new(mode), setters {
        /// The operator (or bot) placing the call.
        user: MessageUser,
        /// Where the call comes from.
        origin: Origin,
    };
    output data ConversationCall;

    /// The call in progress, if any.
    "Get Ongoing Call Session For Conversation"
        => fn get_ongoing_call_session_for_conversation -> GetOngoingCallSessionForConversation;
    GET "website/{website_id}/conversation/{session_id}/call";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationCall;

    /// Hangs up a call.
    "Abort Ongoing Call Session For Conversation"
        => fn abort_ongoing_call_session_for_conversation -> AbortOngoingCallSessionForConversation;
    DELETE "website/{website_id}/conversation/{session_id}/call/{call_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, call_id: &'a CallId);
    body abort: ConversationCallAbortPayload = ConversationCallAbortPayload::new(), setters {
        /// The operator (or bot) hanging up.
        user: MessageUser,
        /// Where the hang-up comes from.
        origin: Origin,
    };
    output empty;

    /// Relays a WebRTC signaling message (an SDP offer, a candidate, ...).
    "Transmit Signaling On Ongoing Call Session"
        => fn transmit_signaling_on_ongoing_call_session -> TransmitSignalingOnOngoingCallSession;
    PATCH "website/{website_id}/conversation/{session_id}/call/{call_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, call_id: &'a CallId);
    args (signaling: ConversationCallSignalingPayload);
    body signaling: ConversationCallSignalingPayload = signaling;
    output empty;
}
