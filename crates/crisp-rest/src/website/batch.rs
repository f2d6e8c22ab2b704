//! Group `website.batch`: one change applied to many conversations or
//! profiles at once.

use crisp_types::batch::{
    BatchBlockOperation, BatchConversations, BatchConversationsDataOperation, BatchConversationsSegmentsOperation,
    BatchInboxOperation, BatchPeople, BatchPeopleDataOperation, BatchPeopleOperation, BatchPeopleSegmentsOperation,
    BatchReportOperation, BatchRoutingOperation,
};
use crisp_types::{InboxId, JsonMap, SessionId, UserId, WebsiteId};

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Resolves every conversation named (optionally only those of one inbox).
    "Batch Resolve Conversations" => fn batch_resolve_conversations -> BatchResolveConversations;
    PATCH "website/{website_id}/batch/resolve";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (conversations: BatchConversations);
    body conversations: BatchConversations = conversations;
    output empty;

    /// Marks every conversation named unresolved.
    "Batch Unresolve Conversations" => fn batch_unresolve_conversations -> BatchUnresolveConversations;
    PATCH "website/{website_id}/batch/unresolve";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (conversations: BatchConversations);
    body conversations: BatchConversations = conversations;
    output empty;

    /// Marks every conversation named read.
    "Batch Read Conversations" => fn batch_read_conversations -> BatchReadConversations;
    PATCH "website/{website_id}/batch/read";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (conversations: BatchConversations);
    body conversations: BatchConversations = conversations;
    output empty;

    /// Marks every conversation named unread.
    "Batch Unread Conversations" => fn batch_unread_conversations -> BatchUnreadConversations;
    PATCH "website/{website_id}/batch/unread";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (conversations: BatchConversations);
    body conversations: BatchConversations = conversations;
    output empty;

    /// Removes every conversation named.
    "Batch Remove Conversations" => fn batch_remove_conversations -> BatchRemoveConversations;
    PATCH "website/{website_id}/batch/remove";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (conversations: BatchConversations);
    body conversations: BatchConversations = conversations;
    output empty;

    /// Removes the profiles named, or those a search finds.
    "Batch Remove People" => fn batch_remove_people -> BatchRemovePeople;
    PATCH "website/{website_id}/batch/remove";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (people: BatchPeople);
    body operation: BatchPeopleOperation = BatchPeopleOperation::new(people);
    output empty;

    /// Reports every conversation named with one flag.
    "Batch Report Conversations" => fn batch_report_conversations -> BatchReportConversations;
    POST "website/{website_id}/batch/report";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (sessions: impl IntoIterator<Item = SessionId>, flag: impl Into<String>);
    body operation: BatchReportOperation = BatchReportOperation::new(sessions, flag);
    output empty;

    /// Blocks (or unblocks) the visitors of every conversation named.
    "Batch Block Conversations" => fn batch_block_conversations -> BatchBlockConversations;
    PATCH "website/{website_id}/batch/block";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (sessions: impl IntoIterator<Item = SessionId>, blocked: bool);
    body operation: BatchBlockOperation = BatchBlockOperation::new(sessions, blocked);
    output empty;

    /// Assigns every conversation named to an operator, or unassigns them
    /// (`None`, sent as `null`).
    "Batch Routing Conversations" => fn batch_routing_conversations -> BatchRoutingConversations;
    PATCH "website/{website_id}/batch/routing";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (sessions: impl IntoIterator<Item = SessionId>, assigned: Option<UserId>);
    body operation: BatchRoutingOperation = BatchRoutingOperation::new(sessions, assigned);
    output empty;

    /// Moves every conversation named to an inbox, or out of every inbox
    /// (`None`, sent as `null`).
    "Batch Inbox Conversations" => fn batch_inbox_conversations -> BatchInboxConversations;
    PATCH "website/{website_id}/batch/inbox";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (sessions: impl IntoIterator<Item = SessionId>, inbox_id: Option<InboxId>);
    body operation: BatchInboxOperation = BatchInboxOperation::new(sessions, inbox_id);
    output empty;

    /// Sets the keys of `data` in the meta data of every conversation named.
    "Batch Update Conversations Data" => fn batch_update_conversations_data -> BatchUpdateConversationsData;
    PATCH "website/{website_id}/batch/data";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (sessions: impl IntoIterator<Item = SessionId>, data: JsonMap);
    body operation: BatchConversationsDataOperation = BatchConversationsDataOperation::new(sessions, data);
    output empty;

    /// Sets the keys of `data` in the custom data of the profiles named, or
    /// of those a search finds.
    "Batch Update People Data" => fn batch_update_people_data -> BatchUpdatePeopleData;
    PATCH "website/{website_id}/batch/data";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (people: BatchPeople, data: JsonMap);
    body operation: BatchPeopleDataOperation = BatchPeopleDataOperation::new(people, data);
    output empty;

    /// Sets the segments of every conversation named.
    "Batch Update Conversations Segments" => fn batch_update_conversations_segments -> BatchUpdateConversationsSegments;
    PATCH "website/{website_id}/batch/segments";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (sessions: impl IntoIterator<Item = SessionId>, segments: impl IntoIterator<Item = impl Into<String>>);
    body operation: BatchConversationsSegmentsOperation = BatchConversationsSegmentsOperation::new(sessions, segments);
    output empty;

    /// Sets the segments of the profiles named, or of those a search finds.
    "Batch Update People Segments" => fn batch_update_people_segments -> BatchUpdatePeopleSegments;
    PATCH "website/{website_id}/batch/segments";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (people: BatchPeople, segments: impl IntoIterator<Item = impl Into<String>>);
    body operation: BatchPeopleSegmentsOperation = BatchPeopleSegmentsOperation::new(people, segments);
    output empty;
}
