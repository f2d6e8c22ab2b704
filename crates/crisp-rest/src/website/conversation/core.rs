//! A conversation itself: create, check, get, remove, initiate.

use crisp_types::conversation::{Conversation, ConversationNew};
use crisp_types::{SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Opens an empty conversation and returns its session id.
    "Create A New Conversation" => fn create_new_conversation -> CreateNewConversation;
    POST "website/{website_id}/conversation";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    body {};
    output data ConversationNew;

    /// `true` if the conversation exists, `false` if Crisp answers 404.
    "Check If Conversation Exists" => fn check_conversation_exists -> CheckConversationExists;
    HEAD "website/{website_id}/conversation/{session_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output exists;

    "Get A Conversation" => fn get_conversation -> GetConversation;
    GET "website/{website_id}/conversation/{session_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data Conversation;

    /// Deletes the conversation and its messages for good.
    "Remove A Conversation" => fn remove_conversation -> RemoveConversation;
    DELETE "website/{website_id}/conversation/{session_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output empty;

    /// Opens a conversation with a session id that already exists (a visitor
    /// known to the chatbox), so messages can be sent to it.
    "Initiate A Conversation With Existing Session"
        => fn initiate_conversation_with_existing_session -> InitiateConversationWithExistingSession;
    POST "website/{website_id}/conversation/{session_id}/initiate";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    body {};
    output empty;
}
