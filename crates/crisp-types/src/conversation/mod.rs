//! Conversations: the conversation model, its metas, its state and routing,
//! and the bodies that change them.
//!
//! ```
//! use crisp::types::conversation::{Conversation, ConversationState};
//!
//! let conversation: Conversation = serde_json::from_str(
//!     r#"{"session_id":"session_1","website_id":"website_1","state":"resolved",
//!         "meta":{"nickname":"John","segments":["vip"]}}"#,
//! )?;
//! assert_eq!(conversation.state, Some(ConversationState::Resolved));
//! let meta = conversation.meta.unwrap_or_default();
//! assert_eq!(meta.nickname.as_deref(), Some("John"));
//! assert_eq!(meta.segments, ["vip"]);
//! # Ok::<(), serde_json::Error>(())
//! ```

mod actions;
mod activity;
mod browsing_call;
mod meta;
mod model;
mod spam;
mod state;
mod suggest;
mod verify;
mod widget;

pub use actions::{
    ConversationBlock, ConversationBlockUpdate, ConversationParticipants, ConversationParticipantsSave,
    ConversationReminderPayload, ConversationReportPayload, ConversationTranscriptRequest,
};
pub use activity::{
    ConversationEvent, ConversationFile, ConversationOriginal, ConversationPage, ConversationRelations,
    ConversationRelationsConversations,
};
pub use browsing_call::{
    BrowsingPoint, CallMode, ConversationBrowsing, ConversationBrowsingAction, ConversationBrowsingAssist,
    ConversationBrowsingDebug, ConversationCall, ConversationCallAbortPayload, ConversationCallPayload,
    ConversationCallSignalingPayload,
};
pub use meta::{
    ConversationMeta, ConversationMetaUpdate, MetaBrowser, MetaConnection, MetaCoordinates, MetaDevice, MetaEngine,
    MetaGeolocation, MetaOs, MetaSystem,
};
pub use model::{
    ComposeAtom, ComposeAtomUser, Conversation, ConversationActive, ConversationAssigned, ConversationCompose,
    ConversationNew, ConversationParticipant, ConversationPreviewMessage, ConversationUnread, ConversationVerification,
};
pub use spam::{ConversationSpam, ConversationSpamContent, ConversationSpamDecision};
pub use state::{
    ConversationInboxUpdate, ConversationOpenUpdate, ConversationRouting, ConversationRoutingUpdate,
    ConversationStateInfo, ConversationStateUpdate, RoutingAssigned,
};
pub use suggest::{
    ConversationMetaSegment, ConversationSuggestedData, ConversationSuggestedDataDelete, ConversationSuggestedSegment,
    ConversationSuggestedSegmentDelete,
};
pub use verify::{
    ConversationVerify, ConversationVerifyIdentityRedeem, ConversationVerifyIdentityRequest, ConversationVerifyUpdate,
    VerifyIdentity, VerifyMethod,
};
pub use widget::{
    ConversationToolCall, ConversationWidgetAction, ConversationWidgetActionStrategy, ConversationWidgetButtonPayload,
    ConversationWidgetDataEditPayload, ConversationWidgetDataFetchPayload,
};

crate::open_enum! {
    /// The state of a conversation.
    pub enum ConversationState {
        /// Waiting for an operator's first reply.
        Pending => "pending",
        /// Open.
        Unresolved => "unresolved",
        /// Closed.
        Resolved => "resolved",
    }
}

crate::open_enum! {
    /// Whether the visitor of a conversation is online.
    pub enum Availability {
        /// The visitor is online.
        Online => "online",
        /// The visitor is offline.
        Offline => "offline",
    }
}
