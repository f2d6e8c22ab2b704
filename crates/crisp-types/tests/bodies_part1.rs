//! Part 1 request bodies: the exact JSON each constructor and setter puts on
//! the wire (optional keys left out, `null` sent where Crisp expects it), and
//! that each body reads back unchanged (as the fake Crisp reads them).

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use crisp_types::batch::{
    BatchBlockOperation, BatchConversations, BatchConversationsDataOperation, BatchConversationsSegmentsOperation,
    BatchInboxOperation, BatchPeople, BatchPeopleDataOperation, BatchPeopleOperation, BatchPeopleSegmentsOperation,
    BatchReportOperation, BatchRoutingOperation,
};
use crisp_types::conversation::{
    BrowsingPoint, CallMode, ConversationBlockUpdate, ConversationBrowsingAction, ConversationBrowsingAssist,
    ConversationBrowsingDebug, ConversationCallAbortPayload, ConversationCallPayload, ConversationCallSignalingPayload,
    ConversationInboxUpdate, ConversationOpenUpdate, ConversationParticipant, ConversationParticipantsSave,
    ConversationReminderPayload, ConversationReportPayload, ConversationSpamDecision, ConversationSuggestedDataDelete,
    ConversationSuggestedSegmentDelete, ConversationToolCall, ConversationTranscriptRequest,
    ConversationVerifyIdentityRedeem, ConversationVerifyIdentityRequest, ConversationVerifyUpdate,
    ConversationWidgetButtonPayload, ConversationWidgetDataEditPayload, ConversationWidgetDataFetchPayload,
    VerifyIdentity, VerifyMethod,
};
use crisp_types::message::{
    ComposeKind, FileContent, MessageCompose, MessageContent, MessageFrom, MessageUnreadMark, MessageUpdate,
    MessageUser, Origin, PickerChoice, PickerContent,
};
use crisp_types::people::{
    EventColor, PeopleEventAdd, PeopleImportMapping, PeopleImportOptions, PeopleProfileImportSetup,
    PeopleSubscriptionUpdate, PeopleSuggestedDataDelete, PeopleSuggestedEventDelete, PeopleSuggestedSegmentDelete,
};
use crisp_types::search::{SearchFilter, SearchOperator};
use crisp_types::{InboxId, JsonMap, PeopleId, SessionId, UserId};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Asserts that `body` encodes to exactly `expected`, and that `expected`
/// decodes back to `body`.
fn wire<T: Serialize + DeserializeOwned + PartialEq + Debug>(body: &T, expected: Value) {
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    assert_eq!(&serde_json::from_value::<T>(expected).unwrap(), body);
}

fn bot() -> MessageUser {
    MessageUser::nickname_only("Bot")
}

fn sessions() -> Vec<SessionId> {
    vec![SessionId::new("session_1"), SessionId::new("session_2")]
}

fn map(value: Value) -> JsonMap {
    serde_json::from_value(value).unwrap()
}

// ---- conversation ---------------------------------------------------------

#[test]
fn suggestion_deletes_and_spam_decision() {
    wire(
        &ConversationSuggestedSegmentDelete::new("vip"),
        json!({"segment": "vip"}),
    );
    wire(&ConversationSuggestedDataDelete::new("plan"), json!({"key": "plan"}));
    wire(&ConversationSpamDecision::new("reject"), json!({"action": "reject"}));
}

#[test]
fn open_inbox_and_verify_updates() {
    wire(&ConversationOpenUpdate::new(true), json!({"opened": true}));
    wire(&ConversationOpenUpdate::new(false), json!({"opened": false}));
    wire(
        &ConversationInboxUpdate::new(Some(InboxId::new("inbox_1"))),
        json!({"inbox_id": "inbox_1"}),
    );
    // No inbox: `null` is sent (back to the default inbox), not an empty object.
    wire(&ConversationInboxUpdate::new(None), json!({"inbox_id": null}));
    wire(&ConversationVerifyUpdate::new(true), json!({"verified": true}));
}

#[test]
fn block_update() {
    wire(&ConversationBlockUpdate::new(true), json!({"blocked": true}));
    wire(
        &ConversationBlockUpdate::new(false)
            .user(bot())
            .origin(Origin::urn("urn:crisp.im:slack:0")),
        json!({"blocked": false, "user": {"nickname": "Bot"}, "origin": "urn:crisp.im:slack:0"}),
    );
}

#[test]
fn identity_verification() {
    let request = ConversationVerifyIdentityRequest::new(VerifyIdentity::Email);
    assert_eq!(request.method, VerifyMethod::Link);
    wire(&request, json!({"identity": "email", "method": "link"}));
    wire(
        &ConversationVerifyIdentityRequest::new(VerifyIdentity::Phone).recipient("+33600000000"),
        json!({"identity": "phone", "method": "link", "recipient": "+33600000000"}),
    );
    wire(
        &ConversationVerifyIdentityRedeem::new(VerifyIdentity::Email, "token_1"),
        json!({"identity": "email", "token": "token_1"}),
    );
    wire(
        &ConversationVerifyIdentityRedeem::new(VerifyIdentity::from("urn:crisp.im:whatsapp:0"), "t")
            .recipient("+33600000000"),
        json!({"identity": "urn:crisp.im:whatsapp:0", "token": "t", "recipient": "+33600000000"}),
    );

    // Unknown values are kept, and a missing method reads as `link`.
    let read: ConversationVerifyIdentityRequest =
        serde_json::from_value(json!({"identity": "urn:crisp.im:whatsapp:0", "method": "otp"})).unwrap();
    assert_eq!(
        read.identity,
        VerifyIdentity::Other("urn:crisp.im:whatsapp:0".to_owned())
    );
    assert_eq!(read.method, VerifyMethod::Other("otp".to_owned()));
    let read: ConversationVerifyIdentityRequest = serde_json::from_value(json!({"identity": "email"})).unwrap();
    assert_eq!(read.method, VerifyMethod::Link);
}

#[test]
fn transcript_report_and_reminder() {
    wire(&ConversationTranscriptRequest::new("user"), json!({"to": "user"}));
    wire(
        &ConversationTranscriptRequest::new("operator").email("support@acme.com"),
        json!({"to": "operator", "email": "support@acme.com"}),
    );
    wire(&ConversationReportPayload::new("spam"), json!({"flag": "spam"}));
    wire(
        &ConversationReminderPayload::new("2024-03-01T09:00:00.000Z", "Call back"),
        json!({"date": "2024-03-01T09:00:00.000Z", "note": "Call back"}),
    );
    wire(
        &ConversationReminderPayload::new("2024-03-01T09:00:00.000Z", "Call back")
            .user(bot())
            .origin(Origin::Chat),
        json!({"date": "2024-03-01T09:00:00.000Z", "note": "Call back", "user": {"nickname": "Bot"}, "origin": "chat"}),
    );
}

#[test]
fn participants_save() {
    wire(
        &ConversationParticipantsSave::new([
            ConversationParticipant::new("email", "cc@acme.com"),
            ConversationParticipant::new("email", "boss@acme.com"),
        ]),
        json!({"participants": [
            {"type": "email", "target": "cc@acme.com"},
            {"type": "email", "target": "boss@acme.com"},
        ]}),
    );
    wire(
        &ConversationParticipantsSave::new([]).user(bot()).origin("email"),
        json!({"participants": [], "user": {"nickname": "Bot"}, "origin": "email"}),
    );
}

#[test]
fn browsing_bodies() {
    wire(&ConversationBrowsingAction::new("start"), json!({"action": "start"}));
    wire(
        &ConversationBrowsingDebug::new("eval", "console.log(1)"),
        json!({"action": "eval", "execute": "console.log(1)"}),
    );
    wire(&ConversationBrowsingAssist::new("mouse"), json!({"action": "mouse"}));
    wire(
        &ConversationBrowsingAssist::new("assist")
            .mouse(BrowsingPoint::new(10, 20))
            .click(BrowsingPoint::new(30, 40))
            .scroll(BrowsingPoint::new(0, 900)),
        json!({
            "action": "assist",
            "mouse": {"x": 10, "y": 20},
            "click": {"x": 30, "y": 40},
            "scroll": {"x": 0, "y": 900},
        }),
    );
}

#[test]
fn call_bodies() {
    wire(&ConversationCallPayload::new(CallMode::Audio), json!({"mode": "audio"}));
    wire(
        &ConversationCallPayload::new(CallMode::Video).user(bot()).origin("chat"),
        json!({"mode": "video", "user": {"nickname": "Bot"}, "origin": "chat"}),
    );
    wire(&ConversationCallAbortPayload::new(), json!({}));
    assert_eq!(
        ConversationCallAbortPayload::new(),
        ConversationCallAbortPayload::default()
    );
    wire(
        &ConversationCallAbortPayload::new().user(bot()).origin(Origin::Chat),
        json!({"user": {"nickname": "Bot"}, "origin": "chat"}),
    );
    wire(
        &ConversationCallSignalingPayload::new("sdp", json!({"type": "offer", "sdp": "v=0"})),
        json!({"type": "sdp", "payload": {"type": "offer", "sdp": "v=0"}}),
    );

    let read: ConversationCallPayload = serde_json::from_value(json!({"mode": "screen"})).unwrap();
    assert_eq!(read.mode, CallMode::Other("screen".to_owned()));
}

#[test]
fn tool_call_and_widget_bodies() {
    wire(&ConversationToolCall::new("lookup"), json!({"command": "lookup"}));
    wire(
        &ConversationToolCall::new("lookup").payload(map(json!({"order": 1234}))),
        json!({"command": "lookup", "payload": {"order": 1234}}),
    );
    // `data` is always sent, `{}` by default; `value` only when set.
    wire(
        &ConversationWidgetButtonPayload::new("section_1", "button_1"),
        json!({"section_id": "section_1", "item_id": "button_1", "data": {}}),
    );
    wire(
        &ConversationWidgetButtonPayload::new("section_1", "button_1")
            .data(json!({"order": 1234}))
            .value("refund"),
        json!({"section_id": "section_1", "item_id": "button_1", "data": {"order": 1234}, "value": "refund"}),
    );
    wire(
        &ConversationWidgetDataFetchPayload::new("section_1", "list_1"),
        json!({"section_id": "section_1", "item_id": "list_1", "data": {}}),
    );
    wire(
        &ConversationWidgetDataFetchPayload::new("section_1", "list_1").data(json!({"page": 2})),
        json!({"section_id": "section_1", "item_id": "list_1", "data": {"page": 2}}),
    );
    wire(
        &ConversationWidgetDataEditPayload::new("section_1", "field_1", "new value"),
        json!({"section_id": "section_1", "item_id": "field_1", "value": "new value"}),
    );
}

// ---- message --------------------------------------------------------------

#[test]
fn message_update_sends_only_the_inner_content() {
    wire(
        &MessageUpdate::new(MessageContent::text("hi")),
        json!({"content": "hi"}),
    );
    wire(&MessageUpdate::text("hi"), json!({"content": "hi"}));
    wire(&MessageUpdate::note("private"), json!({"content": "private"}));
    wire(
        &MessageUpdate::new(FileContent::new("a.png", "https://x/a.png", "image/png")),
        json!({"content": {"name": "a.png", "url": "https://x/a.png", "type": "image/png"}}),
    );
    wire(
        &MessageUpdate::new(PickerContent::new("p", "Pick", [PickerChoice::new("a", "A")])),
        json!({"content": {"id": "p", "text": "Pick", "choices": [{"value": "a", "label": "A", "selected": false}]}}),
    );
    let unknown: MessageContent = serde_json::from_value(json!({"type": "video", "content": {"id": 7}})).unwrap();
    wire(&MessageUpdate::new(unknown), json!({"content": {"id": 7}}));
}

#[test]
fn message_compose() {
    let start = MessageCompose::start(MessageFrom::Operator);
    assert_eq!(start.kind, ComposeKind::Start);
    wire(&start, json!({"type": "start", "from": "operator"}));
    wire(
        &MessageCompose::stop(MessageFrom::User)
            .excerpt("Hello")
            .stealth(true)
            .automated(false),
        json!({"type": "stop", "from": "user", "excerpt": "Hello", "stealth": true, "automated": false}),
    );
    let read: MessageCompose = serde_json::from_value(json!({"type": "pause", "from": "bot"})).unwrap();
    assert_eq!(read.kind, ComposeKind::Other("pause".to_owned()));
    assert_eq!(read.from, MessageFrom::Other("bot".to_owned()));
}

#[test]
fn message_unread_mark() {
    wire(
        &MessageUnreadMark::new(MessageFrom::Operator),
        json!({"from": "operator"}),
    );
    wire(&MessageUnreadMark::new(MessageFrom::User), json!({"from": "user"}));
}

// ---- people ---------------------------------------------------------------

#[test]
fn people_suggestion_deletes_and_subscription() {
    wire(&PeopleSuggestedSegmentDelete::new("lead"), json!({"segment": "lead"}));
    wire(&PeopleSuggestedDataDelete::new("plan"), json!({"key": "plan"}));
    wire(
        &PeopleSuggestedEventDelete::new("Signed up"),
        json!({"text": "Signed up"}),
    );
    wire(&PeopleSubscriptionUpdate::new(false), json!({"email": false}));
}

#[test]
fn people_event_add() {
    wire(&PeopleEventAdd::new("Signed up"), json!({"text": "Signed up"}));
    let fixture: Value = serde_json::from_str(include_str!("fixtures/request_add_people_event.json")).unwrap();
    wire(
        &PeopleEventAdd::new("Added item to basket")
            .data(map(json!({"price": 10.99, "currency": "USD"})))
            .color(EventColor::Red),
        fixture,
    );
    let read: PeopleEventAdd = serde_json::from_value(json!({"text": "x", "color": "teal"})).unwrap();
    assert_eq!(read.color, Some(EventColor::Other("teal".to_owned())));
}

#[test]
fn people_profile_import() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/request_import_people_profiles.json")).unwrap();
    let url = fixture["url"].as_str().unwrap();
    wire(
        &PeopleProfileImportSetup::new(
            url,
            [
                PeopleImportMapping::new(1, "email"),
                PeopleImportMapping::new(2, "person.nickname"),
            ],
        )
        .options(PeopleImportOptions::new().column_separator(";").skip_header(true)),
        fixture.clone(),
    );
    wire(
        &PeopleProfileImportSetup::new(url, []).options(PeopleImportOptions::default()),
        json!({"url": url, "mapping": [], "options": {}}),
    );
    wire(
        &PeopleProfileImportSetup::new(url, [PeopleImportMapping::new(0, "email")]),
        json!({"url": url, "mapping": [{"column": 0, "field": "email"}]}),
    );
}

// ---- batch ----------------------------------------------------------------

#[test]
fn batch_conversations() {
    wire(
        &BatchConversations::new(sessions()),
        json!({"sessions": ["session_1", "session_2"]}),
    );
    wire(
        &BatchConversations::new(sessions()).inbox_id(InboxId::new("inbox_1")),
        json!({"sessions": ["session_1", "session_2"], "inbox_id": "inbox_1"}),
    );
}

#[test]
fn batch_people_selection() {
    let by_id = BatchPeople::profiles([PeopleId::new("people_1"), PeopleId::new("people_2")]);
    wire(
        &BatchPeopleOperation::new(by_id.clone()),
        json!({"people": {"profiles": ["people_1", "people_2"]}}),
    );
    assert_eq!(
        BatchPeopleOperation::from(by_id.clone()),
        BatchPeopleOperation::new(by_id)
    );

    let filter = SearchFilter::new("people", "segments", "eq", ["churned"]);
    let filter_json = json!({"model": "people", "criterion": "segments", "operator": "eq", "query": ["churned"]});
    wire(
        &BatchPeopleOperation::new(BatchPeople::search([filter.clone()])),
        json!({"people": {"search": {"filter": [filter_json.clone()]}}}),
    );
    wire(
        &BatchPeopleOperation::new(BatchPeople::search([filter]).operator(SearchOperator::Or)),
        json!({"people": {"search": {"filter": [filter_json], "operator": "or"}}}),
    );
}

#[test]
fn batch_report_block_routing_inbox() {
    wire(
        &BatchReportOperation::new(sessions(), "spam"),
        json!({"sessions": ["session_1", "session_2"], "flag": "spam"}),
    );
    wire(
        &BatchBlockOperation::new(sessions(), true),
        json!({"sessions": ["session_1", "session_2"], "blocked": true}),
    );
    wire(
        &BatchRoutingOperation::new(sessions(), Some(UserId::new("user_1"))),
        json!({"sessions": ["session_1", "session_2"], "assigned": {"user_id": "user_1"}}),
    );
    // Unassigning and moving to the default inbox send `null`.
    wire(
        &BatchRoutingOperation::new(sessions(), None),
        json!({"sessions": ["session_1", "session_2"], "assigned": null}),
    );
    wire(
        &BatchInboxOperation::new(sessions(), Some(InboxId::new("inbox_1"))),
        json!({"sessions": ["session_1", "session_2"], "inbox_id": "inbox_1"}),
    );
    wire(
        &BatchInboxOperation::new(sessions(), None),
        json!({"sessions": ["session_1", "session_2"], "inbox_id": null}),
    );
}

#[test]
fn batch_data_and_segments() {
    let data = map(json!({"plan": "pro", "seats": 5, "trial": false}));
    wire(
        &BatchConversationsDataOperation::new(sessions(), data.clone()),
        json!({"sessions": ["session_1", "session_2"], "data": {"plan": "pro", "seats": 5, "trial": false}}),
    );
    wire(
        &BatchPeopleDataOperation::new(BatchPeople::profiles([PeopleId::new("people_1")]), data),
        json!({"people": {"profiles": ["people_1"]}, "data": {"plan": "pro", "seats": 5, "trial": false}}),
    );
    wire(
        &BatchConversationsSegmentsOperation::new(sessions(), ["vip", "refund"]),
        json!({"sessions": ["session_1", "session_2"], "segments": ["vip", "refund"]}),
    );
    wire(
        &BatchPeopleSegmentsOperation::new(
            BatchPeople::profiles([PeopleId::new("people_1")]),
            vec!["lead".to_owned()],
        ),
        json!({"people": {"profiles": ["people_1"]}, "segments": ["lead"]}),
    );
}

#[test]
fn batch_bodies_read_back_tolerantly() {
    // `null` lists and unknown keys do not break the fake reading a body.
    let read: BatchConversations =
        serde_json::from_value(json!({"sessions": null, "inbox_id": null, "extra": 1})).unwrap();
    assert!(read.sessions.is_empty());
    assert_eq!(read.inbox_id, None);
    let read: BatchPeopleOperation = serde_json::from_value(json!({"people": {"search": {"filter": null}}})).unwrap();
    assert_eq!(read.people.search.unwrap().filter, []);
    let read: BatchRoutingOperation = serde_json::from_value(json!({"sessions": ["session_1"]})).unwrap();
    assert_eq!(read.assigned, None);
}
