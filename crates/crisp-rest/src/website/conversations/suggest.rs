//! The segments and data keys Crisp suggests for a website's conversations,
//! and the conversations it held back as spam.

use crisp_types::conversation::{
    ConversationMetaSegment, ConversationSpam, ConversationSpamContent, ConversationSpamDecision,
    ConversationSuggestedData, ConversationSuggestedDataDelete, ConversationSuggestedSegment,
    ConversationSuggestedSegmentDelete,
};
use crisp_types::{SpamId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the segments used in conversations, with how
    /// often each is used.
    "List Suggested Conversation Segments"
        => fn list_suggested_conversation_segments -> ListSuggestedConversationSegments;
    GET "website/{website_id}/conversations/suggest/segments/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<ConversationSuggestedSegment>;
    paginated ConversationSuggestedSegment;

    /// One page (from 1) of the segments set in conversation metas (Go SDK
    /// only).
    "List Conversation Segments In Meta" => fn list_conversation_segments_in_meta -> ListConversationSegmentsInMeta;
    GET "website/{website_id}/conversations/meta/segments/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<ConversationMetaSegment>;
    paginated ConversationMetaSegment;

    /// Stops suggesting a segment.
    "Delete Suggested Conversation Segment"
        => fn delete_suggested_conversation_segment -> DeleteSuggestedConversationSegment;
    DELETE "website/{website_id}/conversations/suggest/segment";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (segment: impl Into<String>);
    body delete: ConversationSuggestedSegmentDelete = ConversationSuggestedSegmentDelete::new(segment);
    output empty;

    /// One page (from 1) of the data keys used in conversations, with how
    /// often each is used.
    "List Suggested Conversation Data Keys"
        => fn list_suggested_conversation_data_keys -> ListSuggestedConversationDataKeys;
    GET "website/{website_id}/conversations/suggest/data/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<ConversationSuggestedData>;
    paginated ConversationSuggestedData;

    /// Stops suggesting a data key.
    "Delete Suggested Conversation Data Key"
        => fn delete_suggested_conversation_data_key -> DeleteSuggestedConversationDataKey;
    DELETE "website/{website_id}/conversations/suggest/data";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (key: impl Into<String>);
    body delete: ConversationSuggestedDataDelete = ConversationSuggestedDataDelete::new(key);
    output empty;

    /// One page (from 1) of the conversations held back as spam.
    "List Spam Conversations" => fn list_spam_conversations -> ListSpamConversations;
    GET "website/{website_id}/conversations/spams/{page_number}";
    tiers [user];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<ConversationSpam>;
    paginated ConversationSpam;

    /// A spam conversation with its content.
    "Resolve Spam Conversation Content" => fn resolve_spam_conversation_content -> ResolveSpamConversationContent;
    GET "website/{website_id}/conversations/spam/{spam_id}/content";
    tiers [user];
    path (website_id: &'a WebsiteId, spam_id: &'a SpamId);
    output data ConversationSpamContent;

    /// Decides what becomes of a spam conversation (`action`, for example
    /// `reject`).
    "Submit Spam Conversation Decision" => fn submit_spam_conversation_decision -> SubmitSpamConversationDecision;
    POST "website/{website_id}/conversations/spam/{spam_id}/decision";
    tiers [user];
    path (website_id: &'a WebsiteId, spam_id: &'a SpamId);
    args (action: impl Into<String>);
    body decision: ConversationSpamDecision = ConversationSpamDecision::new(action);
    output empty;
}
