//! Part 1 response models (conversation activity, spam, verify, browsing,
//! calls, widgets; people statistics, suggestions, campaigns, events, data):
//! realistic Crisp responses decode with the expected values, and variants
//! with unknown keys, unknown enum values and `null` lists decode too.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::conversation::{
    ConversationBlock, ConversationBrowsing, ConversationCall, ConversationEvent, ConversationFile,
    ConversationMetaSegment, ConversationOriginal, ConversationPage, ConversationParticipants, ConversationRelations,
    ConversationSpam, ConversationSpamContent, ConversationState, ConversationStateInfo, ConversationSuggestedData,
    ConversationSuggestedSegment, ConversationVerify, ConversationWidgetAction,
};
use crisp_types::people::{
    PeopleCampaign, PeopleData, PeopleEvent, PeopleProfileImport, PeopleSegment, PeopleStatistics, PeopleSubscription,
    PeopleSuggestedData, PeopleSuggestedEvent, PeopleSuggestedSegment,
};
use crisp_types::{BrowsingId, CallId, Envelope, Fingerprint, OriginalId, SessionId, SpamId, Timestamp, WebsiteId};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const CONVERSATION: &str = include_str!("fixtures/response_conversation_part1.json");
const CONVERSATION_UNKNOWN: &str = include_str!("fixtures/response_conversation_part1_unknown.json");
const PEOPLE: &str = include_str!("fixtures/response_people_part1.json");
const PEOPLE_UNKNOWN: &str = include_str!("fixtures/response_people_part1_unknown.json");

/// The entry `key` of the fixture file `text`.
fn entry(text: &str, key: &str) -> Value {
    let all: Value = serde_json::from_str(text).unwrap();
    let value = all.get(key).cloned();
    assert!(value.is_some(), "fixture entry {key} is missing");
    value.unwrap()
}

/// Decodes the envelope `key` of the fixture file `text` and returns its data.
fn data<T: DeserializeOwned>(text: &str, key: &str) -> T {
    let envelope: Envelope<T> = serde_json::from_value(entry(text, key)).unwrap();
    assert!(!envelope.error);
    envelope.data.unwrap()
}

/// Decodes the bare `data` value `key` of the fixture file `text`.
fn bare<T: DeserializeOwned>(text: &str, key: &str) -> T {
    serde_json::from_value(entry(text, key)).unwrap()
}

// ---- conversation: suggestions --------------------------------------------

#[test]
fn suggested_conversation_segments() {
    let segments: Vec<ConversationSuggestedSegment> = data(CONVERSATION, "suggested_segments");
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].segment.as_deref(), Some("vip"));
    assert_eq!(segments[0].count, Some(12));
    assert_eq!(segments[1].count, Some(3));

    let unknown: Vec<ConversationSuggestedSegment> = bare(CONVERSATION_UNKNOWN, "suggested_segments");
    assert_eq!(unknown[0].segment.as_deref(), Some("vip"));
    assert_eq!(unknown[1], ConversationSuggestedSegment::default());
}

#[test]
fn conversation_meta_segments() {
    let segments: Vec<ConversationMetaSegment> = data(CONVERSATION, "meta_segments");
    assert_eq!(segments[0].segment.as_deref(), Some("enterprise"));
    assert_eq!(segments[0].count, Some(7));

    let unknown: Vec<ConversationMetaSegment> = bare(CONVERSATION_UNKNOWN, "meta_segments");
    assert_eq!(unknown[0].count, Some(7));
}

#[test]
fn suggested_conversation_data_keys() {
    let keys: Vec<ConversationSuggestedData> = data(CONVERSATION, "suggested_data");
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0].key.as_deref(), Some("plan"));
    assert_eq!(keys[0].count, Some(42));
    assert_eq!(keys[1].key.as_deref(), Some("signup_source"));

    let unknown: Vec<ConversationSuggestedData> = bare(CONVERSATION_UNKNOWN, "suggested_data");
    assert_eq!(unknown[0].key.as_deref(), Some("plan"));
}

// ---- conversation: spam ---------------------------------------------------

#[test]
fn spam_conversations() {
    let spams: Vec<ConversationSpam> = data(CONVERSATION, "spams");
    let spam = &spams[0];
    assert_eq!(spam.spam_id, Some(SpamId::new("b7f1c2d3-9a8e-4f6b-8c1d-2e3f4a5b6c7d")));
    assert_eq!(spam.kind.as_deref(), Some("email"));
    assert_eq!(spam.reason.as_deref(), Some("blocklisted_sender"));
    assert_eq!(spam.metadata.as_ref().unwrap()["ip"], "203.0.113.7");
    assert_eq!(spam.headers.as_ref().unwrap()["Subject"], "You won!");
    assert_eq!(spam.timestamp, Some(Timestamp::from_millis(1700000000000)));

    let unknown: Vec<ConversationSpam> = bare(CONVERSATION_UNKNOWN, "spams");
    assert_eq!(unknown[0].kind.as_deref(), Some("sms"));
    assert_eq!(unknown[0].reason.as_deref(), Some("new_reason_from_the_future"));
    assert_eq!(unknown[0].metadata, None);
    assert_eq!(unknown[0].headers, None);
}

#[test]
fn spam_conversation_content() {
    let spam: ConversationSpamContent = data(CONVERSATION, "spam_content");
    assert_eq!(
        spam.spam.spam_id.as_ref().map(SpamId::as_str),
        Some("b7f1c2d3-9a8e-4f6b-8c1d-2e3f4a5b6c7d")
    );
    assert_eq!(spam.spam.kind.as_deref(), Some("email"));
    assert_eq!(spam.spam.timestamp, Some(Timestamp::from_millis(1700000000000)));
    assert_eq!(spam.content.as_ref().unwrap()["subject"], "You won!");
    // The spam fields stay at the top level when encoded.
    let encoded = serde_json::to_value(&spam).unwrap();
    assert_eq!(encoded["spam_id"], "b7f1c2d3-9a8e-4f6b-8c1d-2e3f4a5b6c7d");
    assert_eq!(encoded["content"]["text"], "Click here to claim your prize");
    assert!(encoded.get("spam").is_none());

    let unknown: ConversationSpamContent = bare(CONVERSATION_UNKNOWN, "spam_content");
    assert_eq!(unknown.spam.kind.as_deref(), Some("whatsapp"));
    assert_eq!(unknown.content.unwrap()["body"], "hi");
}

// ---- conversation: activity -----------------------------------------------

#[test]
fn original_message() {
    let original: ConversationOriginal = data(CONVERSATION, "original");
    assert_eq!(
        original.website_id,
        Some(WebsiteId::new("8c842203-7ed8-4e29-a608-7cf78a7d2fcc"))
    );
    assert_eq!(
        original.session_id,
        Some(SessionId::new("session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"))
    );
    assert_eq!(
        original.original_id,
        Some(OriginalId::new("9e1d4a3b-2c5f-4b7e-8a6d-1f0e2d3c4b5a"))
    );
    assert_eq!(original.kind.as_deref(), Some("text/html"));
    assert_eq!(original.headers.as_ref().unwrap()["Subject"], "Invoice #1234");
    assert_eq!(original.content.as_deref(), Some("<p>Hello, where is my invoice?</p>"));
    assert_eq!(original.timestamp, Some(Timestamp::from_millis(1634087108005)));

    let unknown: ConversationOriginal = bare(CONVERSATION_UNKNOWN, "original");
    assert_eq!(unknown.kind.as_deref(), Some("message/rfc822"));
    assert_eq!(unknown.headers, None);
    assert_eq!(unknown.website_id, None);
}

#[test]
fn conversation_pages() {
    let pages: Vec<ConversationPage> = data(CONVERSATION, "pages");
    assert_eq!(pages[0].page_title.as_deref(), Some("Pricing - Acme"));
    assert_eq!(pages[0].page_url.as_deref(), Some("https://acme.com/pricing"));
    assert_eq!(pages[0].page_referrer.as_deref(), Some("https://www.google.com/"));
    assert_eq!(pages[0].timestamp, Some(Timestamp::from_millis(1634087000000)));

    let unknown: Vec<ConversationPage> = bare(CONVERSATION_UNKNOWN, "pages");
    assert_eq!(unknown[0].page_title, None);
    assert_eq!(unknown[0].page_url.as_deref(), Some("https://acme.com/"));
}

#[test]
fn conversation_events() {
    let events: Vec<ConversationEvent> = data(CONVERSATION, "events");
    assert_eq!(events[0].text.as_deref(), Some("Signed up"));
    assert_eq!(events[0].data.as_ref().unwrap()["seats"], 5);
    assert_eq!(events[0].color.as_deref(), Some("green"));
    assert_eq!(events[0].timestamp, Some(Timestamp::from_millis(1634087100000)));

    let unknown: Vec<ConversationEvent> = bare(CONVERSATION_UNKNOWN, "events");
    assert_eq!(unknown[0].color.as_deref(), Some("ultraviolet"));
    assert_eq!(unknown[0].data, None);
}

#[test]
fn conversation_files() {
    let files: Vec<ConversationFile> = data(CONVERSATION, "files");
    assert_eq!(files[0].name.as_deref(), Some("invoice.pdf"));
    assert_eq!(files[0].kind.as_deref(), Some("application/pdf"));
    assert_eq!(
        files[0].url.as_deref(),
        Some("https://storage.crisp.chat/users/upload/invoice.pdf")
    );
    assert_eq!(files[0].fingerprint, Some(Fingerprint(163408710800553)));
    assert_eq!(files[0].timestamp, Some(Timestamp::from_millis(1634087108005)));

    // A numeric-string fingerprint is accepted too.
    let unknown: Vec<ConversationFile> = bare(CONVERSATION_UNKNOWN, "files");
    assert_eq!(unknown[0].fingerprint, Some(Fingerprint(163408710800553)));
    assert_eq!(unknown[0].kind.as_deref(), Some("video/quicktime"));
}

#[test]
fn conversation_state_info() {
    let state: ConversationStateInfo = data(CONVERSATION, "state");
    assert_eq!(state.state, Some(ConversationState::Unresolved));

    let unknown: ConversationStateInfo = bare(CONVERSATION_UNKNOWN, "state");
    assert_eq!(unknown.state, Some(ConversationState::Other("archived".to_owned())));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!({"state": "archived"}));
}

#[test]
fn conversation_relations() {
    let relations: ConversationRelations = data(CONVERSATION, "relations");
    let conversations = relations.conversations.unwrap();
    assert_eq!(
        conversations.parent,
        Some(SessionId::new("session_11111111-2222-4333-8444-555555555555"))
    );
    assert_eq!(
        conversations.children,
        [SessionId::new("session_66666666-7777-4888-8999-000000000000")]
    );

    let unknown: ConversationRelations = bare(CONVERSATION_UNKNOWN, "relations");
    let conversations = unknown.conversations.unwrap();
    assert_eq!(conversations.parent, None);
    assert!(conversations.children.is_empty());
}

#[test]
fn conversation_participants() {
    let participants: ConversationParticipants = data(CONVERSATION, "participants");
    assert_eq!(participants.participants.len(), 1);
    assert_eq!(participants.participants[0].kind.as_deref(), Some("email"));
    assert_eq!(participants.participants[0].target.as_deref(), Some("cc@acme.com"));

    let unknown: ConversationParticipants = bare(CONVERSATION_UNKNOWN, "participants");
    assert_eq!(unknown.participants[0].kind.as_deref(), Some("sms"));
}

#[test]
fn conversation_block() {
    let block: ConversationBlock = data(CONVERSATION, "block");
    assert_eq!(block.blocked, Some(true));

    let unknown: ConversationBlock = bare(CONVERSATION_UNKNOWN, "block");
    assert_eq!(unknown.blocked, Some(false));
    assert_eq!(
        serde_json::from_value::<ConversationBlock>(json!({})).unwrap().blocked,
        None
    );
}

#[test]
fn conversation_verify() {
    let verify: ConversationVerify = data(CONVERSATION, "verify");
    assert_eq!(verify.verified, Some(true));
    assert_eq!(verify.verifications.len(), 1);
    assert_eq!(verify.verifications[0].identity.as_deref(), Some("email"));
    assert_eq!(verify.verifications[0].method.as_deref(), Some("link"));
    assert_eq!(verify.verifications[0].annotation.as_deref(), Some("jane@acme.com"));

    let unknown: ConversationVerify = bare(CONVERSATION_UNKNOWN, "verify");
    assert_eq!(unknown.verified, Some(false));
    assert_eq!(
        unknown.verifications[0].identity.as_deref(),
        Some("urn:crisp.im:whatsapp:0")
    );
    assert_eq!(unknown.verifications[0].method.as_deref(), Some("otp"));
    let null_list: ConversationVerify = serde_json::from_value(json!({"verifications": null})).unwrap();
    assert!(null_list.verifications.is_empty());
}

// ---- conversation: browsing, calls, widgets -------------------------------

#[test]
fn browsing_sessions() {
    let sessions: Vec<ConversationBrowsing> = data(CONVERSATION, "browsing");
    assert_eq!(
        sessions[0].browsing_id,
        Some(BrowsingId::new("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"))
    );
    assert_eq!(
        sessions[0].browsing_token.as_deref(),
        Some("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b")
    );
    assert!(sessions[0].useragent.as_deref().unwrap().starts_with("Mozilla/5.0"));

    let unknown: Vec<ConversationBrowsing> = bare(CONVERSATION_UNKNOWN, "browsing");
    assert_eq!(unknown[0].browsing_token, None);
}

#[test]
fn call_session() {
    let call: ConversationCall = data(CONVERSATION, "call");
    assert_eq!(call.call_id, Some(CallId::new("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a")));

    let unknown: ConversationCall = bare(CONVERSATION_UNKNOWN, "call");
    assert_eq!(
        unknown.call_id.unwrap().as_str(),
        "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a"
    );
}

#[test]
fn widget_action() {
    let action: ConversationWidgetAction = data(CONVERSATION, "widget_action");
    assert_eq!(
        action.correlation_id.as_deref(),
        Some("7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a")
    );
    let strategy = action.strategy.unwrap();
    assert_eq!(strategy.attempts, Some(3));
    assert_eq!(strategy.exhaustion, Some(60));

    let unknown: ConversationWidgetAction = bare(CONVERSATION_UNKNOWN, "widget_action");
    assert_eq!(unknown.strategy.unwrap().exhaustion, None);
}

// ---- people ---------------------------------------------------------------

#[test]
fn people_statistics() {
    let statistics: PeopleStatistics = data(PEOPLE, "statistics");
    assert_eq!(statistics.total, Some(1342));

    let unknown: PeopleStatistics = bare(PEOPLE_UNKNOWN, "statistics");
    assert_eq!(unknown.total, Some(1342));
}

#[test]
fn people_suggestions_and_segments() {
    let segments: Vec<PeopleSuggestedSegment> = data(PEOPLE, "suggested_segments");
    assert_eq!(segments[0].segment.as_deref(), Some("customer"));
    assert_eq!(segments[1].count, Some(512));
    let used: Vec<PeopleSegment> = data(PEOPLE, "segments");
    assert_eq!(used[0].segment.as_deref(), Some("churned"));
    assert_eq!(used[0].count, Some(21));
    let keys: Vec<PeopleSuggestedData> = data(PEOPLE, "suggested_data");
    assert_eq!(keys[0].key.as_deref(), Some("plan"));
    assert_eq!(keys[0].count, Some(901));
    let events: Vec<PeopleSuggestedEvent> = data(PEOPLE, "suggested_events");
    assert_eq!(events[0].text.as_deref(), Some("Added item to basket"));
    assert_eq!(events[0].count, Some(77));

    let segments: Vec<PeopleSuggestedSegment> = bare(PEOPLE_UNKNOWN, "suggested_segments");
    assert_eq!(segments[0].count, Some(830));
    let used: Vec<PeopleSegment> = bare(PEOPLE_UNKNOWN, "segments");
    assert_eq!(used[0].count, Some(21));
    let keys: Vec<PeopleSuggestedData> = bare(PEOPLE_UNKNOWN, "suggested_data");
    assert_eq!(keys[0].key.as_deref(), Some("plan"));
    let events: Vec<PeopleSuggestedEvent> = bare(PEOPLE_UNKNOWN, "suggested_events");
    assert_eq!(events[0].text.as_deref(), Some("Added item to basket"));
}

#[test]
fn people_conversations_are_session_ids() {
    let sessions: Vec<SessionId> = data(PEOPLE, "conversations");
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0].as_str(), "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881");
}

#[test]
fn people_campaigns() {
    let campaigns: Vec<PeopleCampaign> = data(PEOPLE, "campaigns");
    let campaign = &campaigns[0];
    assert_eq!(
        campaign.campaign_id.as_deref(),
        Some("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
    );
    assert_eq!(campaign.kind.as_deref(), Some("one-shot"));
    assert_eq!(campaign.name.as_deref(), Some("Spring newsletter"));
    assert_eq!(campaign.created_at, Some(Timestamp::from_millis(1680000000000)));
    assert_eq!(campaign.updated_at, Some(Timestamp::from_millis(1680100000000)));
    assert_eq!(campaign.dispatched_at, Some(Timestamp::from_millis(1680200000000)));
    assert_eq!(campaign.occurred_at, Some(Timestamp::from_millis(1680200005000)));
    assert_eq!(campaign.statistics, ["delivered", "opened", "clicked"]);

    let unknown: Vec<PeopleCampaign> = bare(PEOPLE_UNKNOWN, "campaigns");
    assert_eq!(unknown[0].kind.as_deref(), Some("drip"));
    assert!(unknown[0].statistics.is_empty());
    assert_eq!(unknown[0].created_at, None);
}

#[test]
fn people_events() {
    let events: Vec<PeopleEvent> = data(PEOPLE, "events");
    assert_eq!(events[0].text.as_deref(), Some("Added item to basket"));
    assert_eq!(events[0].data.as_ref().unwrap()["currency"], "USD");
    assert_eq!(events[0].color.as_deref(), Some("red"));
    assert_eq!(events[0].timestamp, Some(Timestamp::from_millis(1634087100000)));

    let unknown: Vec<PeopleEvent> = bare(PEOPLE_UNKNOWN, "events");
    assert_eq!(unknown[0].color.as_deref(), Some("ultraviolet"));
    assert_eq!(unknown[0].data, None);
}

#[test]
fn people_data() {
    let data_map: PeopleData = data(PEOPLE, "data");
    assert_eq!(data_map.data["plan"], "pro");
    assert_eq!(data_map.data["seats"], 5);
    assert_eq!(data_map.data["trial"], false);

    let unknown: PeopleData = bare(PEOPLE_UNKNOWN, "data");
    assert!(unknown.data.is_empty());
    let empty: PeopleData = serde_json::from_value(json!({})).unwrap();
    assert_eq!(serde_json::to_value(&empty).unwrap(), json!({"data": {}}));
}

#[test]
fn people_subscription_and_import() {
    let subscription: PeopleSubscription = data(PEOPLE, "subscription");
    assert_eq!(subscription.email, Some(true));
    let import: PeopleProfileImport = data(PEOPLE, "import");
    assert_eq!(
        import.import_id.as_deref(),
        Some("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
    );

    let subscription: PeopleSubscription = bare(PEOPLE_UNKNOWN, "subscription");
    assert_eq!(subscription.email, Some(false));
    let import: PeopleProfileImport = bare(PEOPLE_UNKNOWN, "import");
    assert_eq!(
        import.import_id.as_deref(),
        Some("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
    );
}

#[test]
fn every_fixture_entry_is_tested() {
    // Guards against a fixture entry nobody decodes.
    let tested_conversation = [
        "suggested_segments",
        "meta_segments",
        "suggested_data",
        "spams",
        "spam_content",
        "original",
        "pages",
        "events",
        "files",
        "state",
        "relations",
        "participants",
        "block",
        "verify",
        "browsing",
        "call",
        "widget_action",
    ];
    for text in [CONVERSATION, CONVERSATION_UNKNOWN] {
        let all: Value = serde_json::from_str(text).unwrap();
        let keys: Vec<&String> = all.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), tested_conversation.len(), "{keys:?}");
        for key in tested_conversation {
            assert!(all.get(key).is_some(), "{key}");
        }
    }
}
