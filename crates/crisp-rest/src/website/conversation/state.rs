//! A conversation's routing, inbox, metas, state, open state and block
//! status.

use crisp_types::conversation::{
    ConversationBlock, ConversationBlockUpdate, ConversationInboxUpdate, ConversationMeta, ConversationMetaUpdate,
    ConversationOpenUpdate, ConversationRouting, ConversationRoutingUpdate, ConversationState, ConversationStateInfo,
    ConversationStateUpdate,
};
use crisp_types::message::{MessageUser, Origin};
use crisp_types::{InboxId, SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Who the conversation is assigned to.
    "Get Conversation Routing Assign" => fn get_conversation_routing_assign -> GetConversationRoutingAssign;
    GET "website/{website_id}/conversation/{session_id}/routing";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationRouting;

    /// Assigns the conversation to an operator, or unassigns it.
    "Assign Conversation Routing" => fn assign_conversation_routing -> AssignConversationRouting;
    PATCH "website/{website_id}/conversation/{session_id}/routing";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (routing: ConversationRoutingUpdate);
    body routing: ConversationRoutingUpdate = routing;
    output empty;

    /// The visitor's nickname, email, segments, data, device, ...
    "Get Conversation Metas" => fn get_conversation_metas -> GetConversationMetas;
    GET "website/{website_id}/conversation/{session_id}/meta";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationMeta;

    /// Changes only the metas set in `metas`.
    ///
    /// **Read-modify-write.** Lists (`segments`) and maps (`data`) are
    /// replaced whole: to add one segment, the full list must be sent, and
    /// two writers that each read the metas, add a segment and send the list
    /// back can lose each other's change. Send a list known in full, keep a
    /// single writer per conversation, or use the batch routes
    /// ([`batch_update_conversations_segments`](crate::WebsiteApi::batch_update_conversations_segments),
    /// [`batch_update_conversations_data`](crate::WebsiteApi::batch_update_conversations_data),
    /// which sets only the data keys given); see the notes on the fields of
    /// `ConversationMetaUpdate`.
    "Update Conversation Metas" => fn update_conversation_metas -> UpdateConversationMetas;
    PATCH "website/{website_id}/conversation/{session_id}/meta";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (metas: ConversationMetaUpdate);
    body metas: ConversationMetaUpdate = metas;
    output empty;

    /// Pending, unresolved or resolved.
    "Change Conversation State" => fn change_conversation_state -> ChangeConversationState;
    PATCH "website/{website_id}/conversation/{session_id}/state";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (state: ConversationState);
    body update: ConversationStateUpdate = ConversationStateUpdate::new(state), setters {
        /// The operator (or bot) credited with the change.
        user: MessageUser,
        /// Where the change comes from (`chat`, `email` or a plugin URN).
        origin: Origin,
    };
    output empty;

    /// The conversation's state: pending, unresolved or resolved.
    "Get Conversation State" => fn get_conversation_state -> GetConversationState;
    GET "website/{website_id}/conversation/{session_id}/state";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationStateInfo;

    /// Tells Crisp whether an operator has the conversation open.
    "Update Conversation Open State" => fn update_conversation_open_state -> UpdateConversationOpenState;
    PATCH "website/{website_id}/conversation/{session_id}/open";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (opened: bool);
    body update: ConversationOpenUpdate = ConversationOpenUpdate::new(opened);
    output empty;

    /// Moves the conversation to an inbox, or out of every inbox (`None`,
    /// sent as `null`).
    "Update Conversation Inbox" => fn update_conversation_inbox -> UpdateConversationInbox;
    PATCH "website/{website_id}/conversation/{session_id}/inbox";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (inbox_id: Option<InboxId>);
    body update: ConversationInboxUpdate = ConversationInboxUpdate::new(inbox_id);
    output empty;

    /// Whether the visitor's incoming messages are blocked.
    "Get Block Status For Conversation" => fn get_block_status_for_conversation -> GetBlockStatusForConversation;
    GET "website/{website_id}/conversation/{session_id}/block";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationBlock;

    /// Blocks (or unblocks) the visitor's incoming messages.
    "Block Incoming Messages For Conversation"
        => fn block_incoming_messages_for_conversation -> BlockIncomingMessagesForConversation;
    PATCH "website/{website_id}/conversation/{session_id}/block";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (blocked: bool);
    body update: ConversationBlockUpdate = ConversationBlockUpdate::new(blocked), setters {
        /// The operator (or bot) credited with the change.
        user: MessageUser,
        /// Where the change comes from.
        origin: Origin,
    };
    output empty;
}
