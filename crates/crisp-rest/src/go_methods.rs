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
//! | `PinpointVisitorsOnMapWide` | `website().pinpoint_visitors_on_map(w)` | no `center_*` option: the whole world |
//! | `PinpointVisitorsOnMapArea` | `website().pinpoint_visitors_on_map(w).center_longitude(lon).center_latitude(lat).center_radius(km)` | Go writes the coordinates with `%f` (six decimals); this crate in their shortest form, as the Node SDK |
//! | `FilterCampaigns` | `website().list_campaigns(w, page).search_name(..).filter_tag(..).filter_type_one_shot(..)...` (the `search_name` and `filter_*` setters) | Go always sends every key (flags `1`/`0`); this crate only those set |
//! | `FilterCampaignTemplates` | `website().list_campaign_templates(w, page).search_name(..).filter_type_static(..).filter_type_custom(..)` | Go always sends the three keys; this crate only those set |
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
//! - `ListAnimationMedias` is a method of Go's `WebsiteService`
//!   (`client.Website`) and writes `list_id` as a number (`%d`):
//!   [`list_animation_medias`](crate::MediaApi::list_animation_medias) is
//!   under `media()` and sends the list id as the string the Node SDK sends.
//! - `GenerateBucketURL` returns no data:
//!   [`generate_bucket_url`](crate::BucketApi::generate_bucket_url) decodes
//!   the answer (the upload URL, when Crisp gives it there and not only over
//!   RTM).
//! - The user-session methods Go dropped are kept, deprecated, under
//!   `user()`: `CreateNewSession` and `CreateNewSessionWithToken` (Go 3.2.0)
//!   are [`create_new_session`](crate::UserApi::create_new_session)
//!   (`.token(code)` for the two-factor variant), `DestroySession` is
//!   [`destroy_session`](crate::UserApi::destroy_session), `RecoverSession`
//!   and `GetProfile` (Go 2.47.2) are
//!   [`recover_session`](crate::UserApi::recover_session) and
//!   [`get_profile`](crate::UserApi::get_profile).
//! - `MapHelpdeskLocaleFeedbackRatings`, `ListHelpdeskLocaleFeedbacks`,
//!   `ImportExternalHelpdeskToLocale` and `ExportHelpdeskLocaleArticles` call
//!   the pre-Node-11 routes (`helpdesk/locale/{locale}/feedback/..`,
//!   `../import`, `../export`, without a content type): their methods here
//!   call the current routes, which take a
//!   [`HelpdeskContentType`](crisp_types::helpdesk::HelpdeskContentType). The
//!   two feedback methods and `GenerateHelpdeskDomainSetupFlow` always send
//!   their query keys (empty when not given): this crate sends them only
//!   when set.
//! - `ClearBlockedVisitorsInRule` is a method of Go's `PluginService`
//!   (`client.Plugin`), though its route is a website route:
//!   [`clear_blocked_visitors_in_rule`](crate::WebsiteApi::clear_blocked_visitors_in_rule)
//!   is under `website()`.
//! - `RollVerifyKey`, `DispatchCampaign`, `ResumeCampaign`, `PauseCampaign`
//!   and `TestCampaign` send no body: this crate sends `{}`, as the Node SDK.
