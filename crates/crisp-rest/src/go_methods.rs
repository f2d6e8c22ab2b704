//! For readers of the Go SDK (`go-crisp-api`): where its methods went.
//!
//! Every Go method that has a Node twin is here under the Node name in
//! snake_case (`GetConversation` is
//! [`WebsiteApi::get_conversation`](crate::WebsiteApi::get_conversation)).
//! The Go SDK also has methods the Node SDK does not. Those that call a
//! route of their own are methods here too, named after the Go method in
//! snake_case. Those that are typed variants of one Node method (one Go
//! method per message type, per option set) are the Node method with typed
//! arguments, as this table says. Where the Go SDK sends something the API
//! does not expect, this crate sends what the API expects; the last column
//! says so.
//!
//! | Go method | call in this crate | note |
//! | --- | --- | --- |
//! | `SearchConversations` | `website().list_conversations(w, page).search_query(q).search_type(t)` | Go always sends both keys |
//! | `FilterConversations` | `website().list_conversations(w, page).filter_inbox_id(..).filter_unread(..)...` (the `filter_*` setters) | Go sends `filter_assigned` as a `1`/`0` flag; the API takes an operator's user id, which `filter_assigned` sends |
//! | `ListConversationSegmentsInMeta` | `website().list_conversation_segments_in_meta(w, page)` | own route; removed from Go 3.7.0 (superseded by `list_suggested_conversation_segments`) |
//! | `GetMessagesInConversationLast` | `website().get_messages_in_conversation(w, s)` | |
//! | `GetMessagesInConversationBefore` | `website().get_messages_in_conversation(w, s).timestamp_before(t)` | |
//! | `SendTextMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::text(from, text))` | Go always sends `user`; this crate only when set |
//! | `SendNoteMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::note(from, text))` | |
//! | `SendFileMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, FileContent::new(..).into()))` | |
//! | `SendAnimationMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, AnimationContent::new(..).into()))` | |
//! | `SendAudioMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, AudioContent::new(..).into()))` | |
//! | `SendPickerMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, PickerContent::new(..).into()))` | |
//! | `SendFieldMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, FieldContent::new(..).into()))` | |
//! | `SendCarouselMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, CarouselContent::new(..).into()))` | |
//! | `SendEventMessageInConversation` | `website().send_message_in_conversation(w, s, NewMessage::new(from, EventContent::new(..).into()))` | |
//! | `UpdateTextMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::text(text))` | |
//! | `UpdateNoteMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::note(text))` | |
//! | `UpdateFileMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(FileContent::new(..)))` | |
//! | `UpdateAnimationMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(AnimationContent::new(..)))` | |
//! | `UpdateAudioMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(AudioContent::new(..)))` | |
//! | `UpdatePickerMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(PickerContent::new(..)))` | |
//! | `UpdateFieldMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(FieldContent::new(..)))` | |
//! | `UpdateCarouselMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(CarouselContent::new(..)))` | |
//! | `UpdateEventMessageInConversation` | `website().update_message_in_conversation(w, s, fingerprint, MessageUpdate::new(EventContent::new(..)))` | |
//! | `DebugExistingBrowsingSession` | `website().debug_existing_browsing_session(w, s, browsing, ConversationBrowsingDebug::new(..))` | own route; removed from Go 3.12.2 |
//! | `ListPeopleSegments` | `website().list_people_segments(w, page)` | own route; removed from Go 3.7.0 (superseded by `list_suggested_people_segments`) |
//! | `FilterPeopleConversations` | `website().list_people_conversations(w, p, page).filter_unread(..).filter_resolved(..).filter_not_resolved(..)` | Go always sends the three flags; this crate only those set |
//!
//! Go bugs this crate does not copy:
//!
//! - `UpdateConversationOpenState` sends its flag as `blocked`:
//!   [`update_conversation_open_state`](crate::WebsiteApi::update_conversation_open_state)
//!   sends `opened`, as the API expects.
//! - `UpdatePeopleSubscriptionStatus` never sends `email: false`, so it cannot
//!   unsubscribe:
//!   [`update_people_subscription_status`](crate::WebsiteApi::update_people_subscription_status)
//!   always sends `email`.
//! - `DeliverWidgetDataFetchActionForConversation` and
//!   `DeliverWidgetDataEditActionForConversation` carry an `action` field that
//!   is never set: this crate sends no `action`, as the Node SDK.
//! - `ChangeConversationState`, `BlockIncomingMessagesForConversation`,
//!   `InitiateNewCallSessionForConversation` and
//!   `ScheduleReminderForConversation` always send `origin` (an empty string
//!   when not given): this crate sends it only when set.
