//! A conversation's messages: list, send, get, update, remove, compose, and
//! read / delivered / unread marks.

use crisp_types::conversation::ConversationOriginal;
use crisp_types::message::{
    Message, MessageCompose, MessageDispatched, MessageFrom, MessageUnreadMark, MessageUpdate, MessagesMark, NewMessage,
};
use crisp_types::{Fingerprint, OriginalId, SessionId, Timestamp, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// The last page of messages, or the page before / after / around a
    /// timestamp (setters). Go's `GetMessagesInConversationLast` is the call
    /// with no setter, `GetMessagesInConversationBefore` the one with
    /// `timestamp_before`.
    "Get Messages In Conversation" => fn get_messages_in_conversation -> GetMessagesInConversation;
    GET "website/{website_id}/conversation/{session_id}/messages";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    query {
        /// The page of messages sent before this time.
        timestamp_before: Timestamp,
        /// The page of messages sent after this time.
        timestamp_after: Timestamp,
        /// The page of messages around this time.
        timestamp_around: Timestamp,
    }
    output data Vec<Message>;

    /// Sends any message type (`NewMessage::text`, `NewMessage::note`,
    /// files, pickers, ...) and returns its fingerprint.
    ///
    /// Never retried automatically after an ambiguous failure: a duplicated
    /// message would be visible to the visitor.
    "Send A Message In Conversation" => fn send_message_in_conversation -> SendMessageInConversation;
    POST "website/{website_id}/conversation/{session_id}/message";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (message: NewMessage);
    body message: NewMessage = message;
    output data MessageDispatched;

    "Mark Messages As Read In Conversation" => fn mark_messages_read_in_conversation -> MarkMessagesReadInConversation;
    PATCH "website/{website_id}/conversation/{session_id}/read";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (mark: MessagesMark);
    body mark: MessagesMark = mark;
    output empty;

    "Mark Messages As Delivered In Conversation"
        => fn mark_messages_delivered_in_conversation -> MarkMessagesDeliveredInConversation;
    PATCH "website/{website_id}/conversation/{session_id}/delivered";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (mark: MessagesMark);
    body mark: MessagesMark = mark;
    output empty;

    /// One message, by its fingerprint.
    "Get A Message In Conversation" => fn get_message_in_conversation -> GetMessageInConversation;
    GET "website/{website_id}/conversation/{session_id}/message/{fingerprint}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, fingerprint: Fingerprint);
    output data Message;

    /// Replaces a message's content (`MessageUpdate::text`, or
    /// `MessageUpdate::new` with any typed content: Go's per-type
    /// `Update*MessageInConversation` methods are this call).
    "Update A Message In Conversation" => fn update_message_in_conversation -> UpdateMessageInConversation;
    PATCH "website/{website_id}/conversation/{session_id}/message/{fingerprint}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, fingerprint: Fingerprint);
    args (update: MessageUpdate);
    body update: MessageUpdate = update;
    output empty;

    "Remove A Message In Conversation" => fn remove_message_in_conversation -> RemoveMessageInConversation;
    DELETE "website/{website_id}/conversation/{session_id}/message/{fingerprint}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, fingerprint: Fingerprint);
    output empty;

    /// Shows or hides the "is typing" indicator (`MessageCompose::start`,
    /// `MessageCompose::stop`), with an optional excerpt of the draft.
    "Compose A Message In Conversation" => fn compose_message_in_conversation -> ComposeMessageInConversation;
    PATCH "website/{website_id}/conversation/{session_id}/compose";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (compose: MessageCompose);
    body compose: MessageCompose = compose;
    output empty;

    /// Marks the conversation unread again for one side (`from`).
    "Mark Conversation As Unread" => fn mark_conversation_as_unread -> MarkConversationAsUnread;
    PATCH "website/{website_id}/conversation/{session_id}/unread";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (from: MessageFrom);
    body mark: MessageUnreadMark = MessageUnreadMark::new(from);
    output empty;

    /// The original a message was made from (the raw email, for example),
    /// named by the message's `original.original_id`.
    "Get An Original Message In Conversation"
        => fn get_original_message_in_conversation -> GetOriginalMessageInConversation;
    GET "website/{website_id}/conversation/{session_id}/original/{original_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, original_id: &'a OriginalId);
    output data ConversationOriginal;
}
