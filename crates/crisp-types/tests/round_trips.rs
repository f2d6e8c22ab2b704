//! Every fixture round-trips: decoded into its model, encoded back, and
//! decoded again, it is the same value (unknown keys aside, which a model
//! drops). Fixture files that hold several examples name each one.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a broken fixture must stop the test loudly"
)]

use std::fmt::Debug;

use crisp_types::conversation::{
    ConversationBlock, ConversationBrowsing, ConversationCall, ConversationEvent, ConversationFile,
    ConversationMetaSegment, ConversationMetaUpdate, ConversationOriginal, ConversationPage, ConversationParticipants,
    ConversationRelations, ConversationSpam, ConversationSpamContent, ConversationStateInfo, ConversationSuggestedData,
    ConversationSuggestedSegment, ConversationVerify, ConversationWidgetAction,
};
use crisp_types::message::{MessagesMark, NewMessage};
use crisp_types::people::{
    PeopleCampaign, PeopleData, PeopleEvent, PeopleEventAdd, PeopleProfileImport, PeopleProfileImportSetup,
    PeopleProfileUpdateCard, PeopleSegment, PeopleStatistics, PeopleSubscription, PeopleSuggestedData,
    PeopleSuggestedEvent, PeopleSuggestedSegment,
};
use crisp_types::{Envelope, SessionId, WebhookEnvelope};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Decodes `raw` as `T`, encodes it, decodes that again: the two decodings
/// are equal.
fn round_trip<T>(name: &str, raw: Value) -> T
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let first: T = serde_json::from_value(raw).unwrap_or_else(|error| panic!("{name}: {error}"));
    let encoded = serde_json::to_value(&first).unwrap();
    let second: T = serde_json::from_value(encoded).unwrap_or_else(|error| panic!("{name} (re-encoded): {error}"));
    assert_eq!(first, second, "{name}");
    first
}

/// The `data` of entry `key` of a fixture file of named envelopes.
fn data_of(file: &str, key: &str) -> Value {
    let all: Value = serde_json::from_str(file).unwrap();
    let entry = all
        .get(key)
        .cloned()
        .unwrap_or_else(|| panic!("no fixture entry {key}"));
    entry.get("data").cloned().unwrap_or(entry)
}

macro_rules! round_trips {
    ($file:expr; $($key:literal => $ty:ty),+ $(,)?) => {
        $( round_trip::<$ty>($key, data_of($file, $key)); )+
    };
}

#[test]
fn conversation_responses_round_trip() {
    const FILE: &str = include_str!("fixtures/response_conversation_part1.json");
    round_trips!(FILE;
        "suggested_segments" => Vec<ConversationSuggestedSegment>,
        "meta_segments" => Vec<ConversationMetaSegment>,
        "suggested_data" => Vec<ConversationSuggestedData>,
        "spams" => Vec<ConversationSpam>,
        "spam_content" => ConversationSpamContent,
        "original" => ConversationOriginal,
        "pages" => Vec<ConversationPage>,
        "events" => Vec<ConversationEvent>,
        "files" => Vec<ConversationFile>,
        "state" => ConversationStateInfo,
        "relations" => ConversationRelations,
        "participants" => ConversationParticipants,
        "block" => ConversationBlock,
        "verify" => ConversationVerify,
        "browsing" => Vec<ConversationBrowsing>,
        "call" => ConversationCall,
        "widget_action" => ConversationWidgetAction,
    );
}

#[test]
fn people_responses_round_trip() {
    const FILE: &str = include_str!("fixtures/response_people_part1.json");
    round_trips!(FILE;
        "statistics" => PeopleStatistics,
        "suggested_segments" => Vec<PeopleSuggestedSegment>,
        "segments" => Vec<PeopleSegment>,
        "suggested_data" => Vec<PeopleSuggestedData>,
        "suggested_events" => Vec<PeopleSuggestedEvent>,
        "conversations" => Vec<SessionId>,
        "campaigns" => Vec<PeopleCampaign>,
        "events" => Vec<PeopleEvent>,
        "data" => PeopleData,
        "subscription" => PeopleSubscription,
        "import" => PeopleProfileImport,
    );
}

#[test]
fn request_fixtures_round_trip() {
    let parse = |text: &str| -> Value { serde_json::from_str(text).unwrap() };
    round_trip::<PeopleProfileUpdateCard>(
        "request_add_people_profile",
        parse(include_str!("fixtures/request_add_people_profile.json")),
    );
    round_trip::<PeopleEventAdd>(
        "request_add_people_event",
        parse(include_str!("fixtures/request_add_people_event.json")),
    );
    round_trip::<PeopleProfileImportSetup>(
        "request_import_people_profiles",
        parse(include_str!("fixtures/request_import_people_profiles.json")),
    );
    round_trip::<MessagesMark>(
        "request_mark_messages_read",
        parse(include_str!("fixtures/request_mark_messages_read.json")),
    );
    round_trip::<NewMessage>(
        "request_send_message_picker",
        parse(include_str!("fixtures/request_send_message_picker.json")),
    );
    round_trip::<NewMessage>(
        "request_send_message_text",
        parse(include_str!("fixtures/request_send_message_text.json")),
    );
    round_trip::<ConversationMetaUpdate>(
        "request_update_conversation_metas",
        parse(include_str!("fixtures/request_update_conversation_metas.json")),
    );
}

#[test]
fn the_webhook_fixture_round_trips_as_an_envelope() {
    let raw: Value = serde_json::from_str(include_str!("fixtures/webhook_message_send.json")).unwrap();
    let envelope: WebhookEnvelope = serde_json::from_value(raw).unwrap();
    let encoded = serde_json::to_value(&envelope).unwrap();
    let again: WebhookEnvelope = serde_json::from_value(encoded).unwrap();
    assert_eq!(format!("{envelope:?}"), format!("{again:?}"));
}

#[test]
fn envelopes_round_trip() {
    let raw = serde_json::json!({"error": false, "reason": "resolved", "data": {"total": 3}});
    let envelope: Envelope<PeopleStatistics> = serde_json::from_value(raw).unwrap();
    let encoded = serde_json::to_value(&envelope).unwrap();
    let again: Envelope<PeopleStatistics> = serde_json::from_value(encoded).unwrap();
    assert_eq!(again.data, envelope.data);
    assert_eq!(again.reason, envelope.reason);
}
