//! What happened in a conversation: pages browsed, events, files, relations
//! to other conversations, and participants.

use crisp_types::conversation::{
    ConversationEvent, ConversationFile, ConversationPage, ConversationParticipants, ConversationParticipantsSave,
    ConversationRelations,
};
use crisp_types::{SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the pages the visitor browsed.
    "List Conversation Pages" => fn list_conversation_pages -> ListConversationPages;
    GET "website/{website_id}/conversation/{session_id}/pages/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, page_number: u32);
    output data Vec<ConversationPage>;
    paginated ConversationPage;

    /// One page (from 1) of the events pushed to the conversation.
    "List Conversation Events" => fn list_conversation_events -> ListConversationEvents;
    GET "website/{website_id}/conversation/{session_id}/events/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, page_number: u32);
    output data Vec<ConversationEvent>;
    paginated ConversationEvent;

    /// One page (from 1) of the files shared in the conversation.
    "List Conversation Files" => fn list_conversation_files -> ListConversationFiles;
    GET "website/{website_id}/conversation/{session_id}/files/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, page_number: u32);
    output data Vec<ConversationFile>;
    paginated ConversationFile;

    /// The parent and children of the conversation (merged or split ones).
    "Get Conversation Relations" => fn get_conversation_relations -> GetConversationRelations;
    GET "website/{website_id}/conversation/{session_id}/relations";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationRelations;

    /// The external participants (emails copied in, for example).
    "Get Conversation Participants" => fn get_conversation_participants -> GetConversationParticipants;
    GET "website/{website_id}/conversation/{session_id}/participants";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationParticipants;

    /// Replaces the external participants with `participants`.
    "Save Conversation Participants" => fn save_conversation_participants -> SaveConversationParticipants;
    PUT "website/{website_id}/conversation/{session_id}/participants";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (participants: ConversationParticipantsSave);
    body participants: ConversationParticipantsSave = participants;
    output empty;
}
