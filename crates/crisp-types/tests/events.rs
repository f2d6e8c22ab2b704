//! Realtime events: every event name, a realistic payload per family, the
//! web-hook fixture, every message content type, and decoding failures.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeSet;
use std::error::Error as _;

use crisp_types::conversation::{Availability, ConversationState};
use crisp_types::event::{
    ComposeState, Event, EventDecodeError, EventKind, Health, MessageEvent, WebhookEnvelope, WidgetActionOutcome,
};
use crisp_types::message::{MessageContent, MessageFrom, MessageKind, Origin};
use crisp_types::{Fingerprint, InboxId, PeopleId, PluginId, SessionId, Timestamp, UserId, WebsiteId};
use serde_json::{Value, json};

const WEBSITE: &str = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";
const SESSION: &str = "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881";
const INBOX: &str = "5a4d8e6d-0b4a-4b53-9f5c-1f0f6d2c8a11";

/// Every server event name of `rtm-events.tsv`, without the Go-only per-type
/// routing names (`message:send/text`, ...).
const EXPECTED_NAMES: &[&str] = &[
    "session:update_availability",
    "session:update_verify",
    "session:request:initiated",
    "session:set_email",
    "session:set_phone",
    "session:set_address",
    "session:set_subject",
    "session:set_avatar",
    "session:set_nickname",
    "session:set_origin",
    "session:set_data",
    "session:sync:pages",
    "session:sync:events",
    "session:sync:capabilities",
    "session:sync:geolocation",
    "session:sync:system",
    "session:sync:network",
    "session:sync:timezone",
    "session:sync:locales",
    "session:sync:rating",
    "session:sync:topic",
    "session:set_state",
    "session:set_block",
    "session:set_segments",
    "session:set_opened",
    "session:set_closed",
    "session:set_participants",
    "session:set_mentions",
    "session:set_routing",
    "session:set_inbox",
    "session:removed",
    "session:error",
    "message:updated",
    "message:send",
    "message:received",
    "message:removed",
    "message:compose:send",
    "message:compose:receive",
    "message:acknowledge:read:send",
    "message:acknowledge:read:received",
    "message:acknowledge:unread:send",
    "message:acknowledge:delivered",
    "message:acknowledge:ignored",
    "message:notify:unread:send",
    "message:notify:unread:received",
    "spam:message",
    "spam:decision",
    "people:profile:created",
    "people:profile:updated",
    "people:profile:removed",
    "people:bind:session",
    "people:sync:profile",
    "people:import:progress",
    "people:import:done",
    "campaign:progress",
    "campaign:dispatched",
    "campaign:running",
    "browsing:request:initiated",
    "browsing:request:rejected",
    "call:request:initiated",
    "call:request:rejected",
    "identity:verify:request",
    "widget:action:processed",
    "status:health:changed",
    "website:update_visitors_count",
    "website:update_operators_availability",
    "website:users:available",
    "bucket:url:upload:generated",
    "bucket:url:avatar:generated",
    "bucket:url:website:generated",
    "bucket:url:campaign:generated",
    "bucket:url:helpdesk:generated",
    "bucket:url:status:generated",
    "bucket:url:processing:generated",
    "media:animation:listed",
    "email:subscribe",
    "email:track:view",
    "plugin:channel",
    "plugin:event",
    "plugin:subscription:updated",
    "plugin:settings:saved",
    "plan:subscription:updated",
];

/// The Go SDK's per-type routing names: client-side, not server events.
const GO_ROUTING_NAMES: &[&str] = &[
    "message:send/text",
    "message:send/file",
    "message:send/animation",
    "message:send/audio",
    "message:send/picker",
    "message:send/field",
    "message:send/note",
    "message:send/event",
    "message:send/carousel",
    "message:received/text",
    "message:received/file",
    "message:received/animation",
    "message:received/audio",
    "message:received/picker",
    "message:received/field",
    "message:received/note",
    "message:received/event",
    "message:received/carousel",
];

fn decode(name: &str, data: Value) -> Event {
    Event::from_parts(name, data).unwrap()
}

/// The session-scoped keys every `session:*` (and most other) payloads carry,
/// merged with `extra`.
fn session_data(extra: Value) -> Value {
    let mut data = json!({
        "routing_ids": ["f5b1c1ec-4c1a-4a43-8d02-1b1e6e0a3a58"],
        "website_id": WEBSITE,
        "session_id": SESSION,
        "inbox_id": INBOX,
    });
    data.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    data
}

fn website_data(extra: Value) -> Value {
    let mut data = json!({"website_id": WEBSITE});
    data.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    data
}

fn assert_session_scoped(event: &Event, name: &str) {
    assert_eq!(event.name(), name);
    assert_eq!(event.kind().map(EventKind::as_str), Some(name));
    assert_eq!(event.website_id(), Some(&WebsiteId::new(WEBSITE)));
    assert_eq!(event.session_id(), Some(&SessionId::new(SESSION)));
}

fn assert_website_scoped(event: &Event, name: &str) {
    assert_eq!(event.name(), name);
    assert_eq!(event.kind().map(EventKind::as_str), Some(name));
    assert_eq!(event.website_id(), Some(&WebsiteId::new(WEBSITE)));
    assert_eq!(event.session_id(), None);
}

/// Asserts that the event encodes back to exactly `data`.
fn assert_reencodes(event: Event, name: &str, data: &Value) {
    let (encoded_name, encoded) = event.into_parts();
    assert_eq!(encoded_name, name);
    assert_eq!(&encoded, data);
}

// ---------------------------------------------------------------------------
// Event names
// ---------------------------------------------------------------------------

#[test]
fn all_kinds_are_exactly_the_server_event_names() {
    assert_eq!(EXPECTED_NAMES.len(), 82);
    let expected: BTreeSet<&str> = EXPECTED_NAMES.iter().copied().collect();
    assert_eq!(expected.len(), EXPECTED_NAMES.len(), "duplicate in the expected list");
    let actual: BTreeSet<&str> = EventKind::ALL.iter().map(|kind| kind.as_str()).collect();
    assert_eq!(actual.len(), EventKind::ALL.len(), "duplicate in EventKind::ALL");
    assert_eq!(actual, expected);
}

#[test]
fn every_kind_round_trips_through_its_name() {
    for &kind in EventKind::ALL {
        let name = kind.as_str();
        assert_eq!(name.parse::<EventKind>().unwrap(), kind);
        assert_eq!(kind.to_string(), name);
        assert_eq!(serde_json::to_value(kind).unwrap(), json!(name));
        assert_eq!(serde_json::from_value::<EventKind>(json!(name)).unwrap(), kind);
        // The family is the first segment of the name.
        assert_eq!(Some(kind.family()), name.split(':').next(), "{name}");
    }
    assert_eq!(EventKind::MessageSend.family(), "message");
    assert_eq!(EventKind::PlanSubscriptionUpdated.family(), "plan");
    assert_eq!(EventKind::WidgetActionProcessed.as_str(), "widget:action:processed");
}

#[test]
fn go_routing_names_and_unknown_names_are_not_kinds() {
    for name in GO_ROUTING_NAMES
        .iter()
        .copied()
        .chain(["", "session:set_mood", "MESSAGE:SEND"])
    {
        let error = name.parse::<EventKind>().unwrap_err();
        assert_eq!(error.name(), name);
        assert_eq!(error.to_string(), format!("unknown Crisp event name `{name}`"));
    }
    let error = serde_json::from_value::<EventKind>(json!("message:send/text")).unwrap_err();
    assert!(error.to_string().contains("message:send/text"), "{error}");
}

// ---------------------------------------------------------------------------
// Tolerance: missing, null and unknown fields
// ---------------------------------------------------------------------------

#[test]
fn empty_payload_decodes_for_every_kind_and_encodes_back_empty() {
    for &kind in EventKind::ALL {
        let event = Event::from_parts(kind.as_str(), json!({}))
            .unwrap_or_else(|error| panic!("{}: {error}: {:?}", kind.as_str(), error.source()));
        assert_eq!(event.kind(), Some(kind));
        assert_eq!(event.name(), kind.as_str());
        assert_eq!(event.website_id(), None);
        assert_eq!(event.session_id(), None);
        assert_reencodes(event, kind.as_str(), &json!({}));
    }
}

#[test]
fn null_optional_fields_and_lists_are_accepted() {
    let event = decode(
        "session:set_segments",
        json!({"routing_ids": null, "website_id": WEBSITE, "session_id": SESSION, "inbox_id": null, "segments": null}),
    );
    let Event::SessionSetSegments(set) = &event else {
        panic!("{event:?}")
    };
    assert!(set.routing_ids.is_empty());
    assert_eq!(set.inbox_id, None);
    assert!(set.segments.is_empty());
    assert_eq!(event.session_id(), Some(&SessionId::new(SESSION)));
}

#[test]
fn unknown_fields_are_ignored() {
    let data = session_data(json!({
        "email": "john@acme-inc.com",
        "verified_by": {"method": "link"},
        "added_in_2031": [1, 2, 3],
    }));
    let event = decode("session:set_email", data);
    let Event::SessionSetEmail(set) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(set.email.as_deref(), Some("john@acme-inc.com"));

    // Also inside a message event, where keys pass through two flattens.
    let event = decode(
        "message:send",
        json!({"type": "text", "content": "hi", "from": "user", "brand_new_key": {"x": 1}, "fingerprint": 7}),
    );
    let Event::MessageSend(sent) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(sent.message.content, MessageContent::Text("hi".to_owned()));
    assert_eq!(sent.message.fingerprint, Some(Fingerprint(7)));
}

// ---------------------------------------------------------------------------
// Decoding failures and unknown events
// ---------------------------------------------------------------------------

#[test]
fn unknown_event_is_kept_whole() {
    let data = json!({"website_id": WEBSITE, "session_id": SESSION, "mood": {"level": 3, "tags": ["a", null]}});
    let event = decode("session:set_mood", data.clone());
    assert_eq!(
        event,
        Event::Unknown {
            name: "session:set_mood".to_owned(),
            data: data.clone()
        }
    );
    assert_eq!(event.name(), "session:set_mood");
    assert_eq!(event.kind(), None);
    assert_eq!(event.website_id(), None);
    assert_eq!(event.session_id(), None);
    assert_reencodes(event, "session:set_mood", &data);

    // Unknown events may carry anything, even non-objects.
    let event = decode("message:send/text", json!("raw"));
    assert_eq!(
        event,
        Event::Unknown {
            name: "message:send/text".to_owned(),
            data: json!("raw")
        }
    );
}

fn decode_error(name: &str, data: Value) -> EventDecodeError {
    match Event::from_parts(name, data) {
        Ok(event) => panic!("{name} decoded: {event:?}"),
        Err(error) => error,
    }
}

#[test]
fn wrong_payload_is_an_error_keeping_name_and_data() {
    let cases = [
        ("session:set_email", json!("oops")),
        ("session:set_email", json!(null)),
        ("session:set_email", json!(["a", "b"])),
        ("session:set_email", json!({"website_id": 42})),
        ("session:set_email", json!({"email": {"address": "x"}})),
        ("session:set_state", json!({"state": 2})),
        ("message:send", json!("oops")),
        (
            "message:send",
            json!({"type": "text", "content": "hi", "fingerprint": "not-a-number"}),
        ),
        ("message:send", json!({"session_id": 12})),
        ("message:acknowledge:read:send", json!({"fingerprints": [1, "x"]})),
        ("bucket:url:upload:generated", json!({"policy": {"size_limit": -1}})),
    ];
    for (name, data) in cases {
        let error = decode_error(name, data.clone());
        assert_eq!(error.name(), name);
        assert_eq!(error.kind().map(EventKind::as_str), Some(name));
        assert_eq!(error.data(), &data);
        let source = error.source().unwrap();
        assert!(source.downcast_ref::<serde_json::Error>().is_some());
        // Display names the event but does not repeat the source.
        let display = error.to_string();
        assert_eq!(
            display,
            format!("the data of Crisp event `{name}` does not fit its payload")
        );
        assert!(!display.contains(&source.to_string()));
        assert_eq!(error.into_parts(), (name.to_owned(), data));
    }
}

#[test]
fn error_source_explains_the_mismatch() {
    let error = decode_error("session:set_email", json!("oops"));
    assert_eq!(
        error.source().unwrap().to_string(),
        r#"invalid type: string "oops", expected a JSON object"#
    );
    let error = decode_error("session:set_email", json!({"website_id": 42}));
    assert!(
        error
            .source()
            .unwrap()
            .to_string()
            .contains("invalid type: integer `42`")
    );
}

// ---------------------------------------------------------------------------
// Web hooks and message events
// ---------------------------------------------------------------------------

#[test]
fn webhook_fixture_decodes_into_message_send() {
    let body = include_str!("fixtures/webhook_message_send.json");
    let envelope: WebhookEnvelope = serde_json::from_str(body).unwrap();
    assert_eq!(
        envelope.website_id,
        Some(WebsiteId::new("42286ab3-b29a-4fde-8538-da0ae501d825"))
    );
    assert_eq!(envelope.event, "message:send");
    assert_eq!(envelope.timestamp, Some(Timestamp::from_millis(1506985696616)));
    let raw_data = envelope.data.clone();

    let event = envelope.into_event().unwrap();
    assert_eq!(event.name(), "message:send");
    assert_eq!(event.kind(), Some(EventKind::MessageSend));
    assert_eq!(
        event.website_id(),
        Some(&WebsiteId::new("42286ab3-b29a-4fde-8538-da0ae501d825"))
    );
    assert_eq!(
        event.session_id(),
        Some(&SessionId::new("session_36ba3566-9651-4790-afc8-ffedbccc317f"))
    );
    let Event::MessageSend(sent) = &event else {
        panic!("{event:?}")
    };
    assert!(sent.routing_ids.is_empty());
    let message = &sent.message;
    assert_eq!(message.content, MessageContent::Text("Hey :)".to_owned()));
    assert_eq!(message.from, Some(MessageFrom::User));
    assert_eq!(message.origin, Some(Origin::Chat));
    assert_eq!(message.stamped, Some(true));
    assert_eq!(message.fingerprint, Some(Fingerprint(150698569649423)));
    assert_eq!(message.timestamp, Some(Timestamp::from_millis(1506985696616)));
    let user = message.user.as_ref().unwrap();
    assert_eq!(user.nickname.as_deref(), Some("visitor493603"));
    assert_eq!(
        user.user_id.as_deref(),
        Some("session_36ba3566-9651-4790-afc8-ffedbccc317f")
    );
    assert_eq!(message.inbox_id, None);

    // Re-encoding gives the web hook's data back, key for key.
    assert_reencodes(event, "message:send", &raw_data);
}

#[test]
fn webhook_envelope_round_trips_and_rejects_malformed_bodies() {
    let body =
        json!({"website_id": WEBSITE, "event": "session:removed", "data": {"session_id": SESSION}, "timestamp": 5});
    let envelope: WebhookEnvelope = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(serde_json::to_value(&envelope).unwrap(), body);
    let event = envelope.into_event().unwrap();
    assert!(matches!(&event, Event::SessionRemoved(removed) if removed.session_id == Some(SessionId::new(SESSION))));

    // Only `event` and `data` are required.
    let minimal: WebhookEnvelope = serde_json::from_value(json!({"event": "x:y", "data": {}})).unwrap();
    assert_eq!(minimal.website_id, None);
    assert_eq!(minimal.timestamp, None);
    assert_eq!(
        minimal.into_event().unwrap(),
        Event::Unknown {
            name: "x:y".to_owned(),
            data: json!({})
        }
    );
    assert!(serde_json::from_value::<WebhookEnvelope>(json!({"data": {}})).is_err());
    assert!(serde_json::from_value::<WebhookEnvelope>(json!({"event": "message:send"})).is_err());
    assert!(serde_json::from_value::<WebhookEnvelope>(json!({"event": 1, "data": {}})).is_err());

    // A known event with a bad payload in a web hook.
    let envelope: WebhookEnvelope =
        serde_json::from_value(json!({"event": "message:send", "data": "oops", "timestamp": 1})).unwrap();
    let error = envelope.into_event().unwrap_err();
    assert_eq!(error.name(), "message:send");
    assert_eq!(error.data(), &json!("oops"));
}

/// A `message:send` / `message:received` payload with the given type and
/// content.
fn message_data(kind: &str, content: Value) -> Value {
    session_data(json!({
        "type": kind,
        "from": "operator",
        "origin": "urn:crisp.im:slack:0",
        "content": content,
        "mentions": ["a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"],
        "stamped": true,
        "timestamp": 1634087108005u64,
        "fingerprint": 163408710800553i64,
        "user": {"type": "website", "user_id": "a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a", "nickname": "Baptiste", "avatar": "https://avatar.crisp.chat/a.png"},
        "references": [{"type": "url", "name": "Docs", "target": "https://docs.crisp.chat"}],
        "original": {"original_id": "4ac2b6f2-7c9a-4a25-8d4e-2f3c5e1b7a90"},
        "properties": {"priority": "high"},
        "edited": false,
        "translated": false,
        "automated": true,
    }))
}

/// Routes a message event the way the Go SDK does (`message:send/text`, ...).
fn go_route(event: &Event) -> Option<String> {
    let (name, message) = match event {
        Event::MessageSend(sent) => ("message:send", sent),
        Event::MessageReceived(received) => ("message:received", received),
        _ => return None,
    };
    let kind = match &message.message.content {
        MessageContent::Text(_) => "text",
        MessageContent::File(_) => "file",
        MessageContent::Animation(_) => "animation",
        MessageContent::Audio(_) => "audio",
        MessageContent::Picker(_) => "picker",
        MessageContent::Field(_) => "field",
        MessageContent::Carousel(_) => "carousel",
        MessageContent::Note(_) => "note",
        MessageContent::Event(_) => "event",
        // Go drops types it does not know; we keep them.
        _ => "unknown",
    };
    Some(format!("{name}/{kind}"))
}

#[test]
fn every_message_type_decodes_in_send_and_received() {
    let contents = [
        ("text", json!("Hello! How can I help?")),
        ("note", json!("Customer is a VIP")),
        (
            "file",
            json!({"name": "invoice.pdf", "url": "https://storage.crisp.chat/invoice.pdf", "type": "application/pdf"}),
        ),
        (
            "animation",
            json!({"url": "https://media.giphy.com/a.gif", "type": "image/gif"}),
        ),
        (
            "audio",
            json!({"url": "https://storage.crisp.chat/a.weba", "type": "audio/webm", "duration": 12}),
        ),
        (
            "picker",
            json!({"id": "routing", "text": "About?", "choices": [
                {"value": "sales", "label": "Sales", "selected": false},
                {"value": "tech", "label": "Tech", "selected": true, "icon": "🛠", "action": {"type": "frame", "target": "https://x"}}
            ], "required": true}),
        ),
        (
            "field",
            json!({"id": "email", "text": "Your email?", "explain": "Enter it", "value": "a@b.c", "required": true}),
        ),
        (
            "carousel",
            json!({"text": "Our plans", "targets": [{"title": "Pro", "description": "For teams", "image": "https://x/p.png",
                "actions": [{"label": "Buy", "url": "https://x/buy"}]}]}),
        ),
        ("event", json!({"namespace": "state:resolved", "text": "Resolved"})),
    ];
    for name in ["message:send", "message:received"] {
        for (kind, content) in &contents {
            let data = message_data(kind, content.clone());
            let event = decode(name, data.clone());
            assert_session_scoped(&event, name);
            assert_eq!(go_route(&event).as_deref(), Some(format!("{name}/{kind}").as_str()));
            let message = match &event {
                Event::MessageSend(m) if name == "message:send" => &m.message,
                Event::MessageReceived(m) if name == "message:received" => &m.message,
                other => panic!("{other:?}"),
            };
            assert_eq!(message.content.kind(), MessageKind::from(*kind));
            assert_eq!(message.from, Some(MessageFrom::Operator));
            assert_eq!(
                message.origin.as_ref().and_then(Origin::as_urn),
                Some("urn:crisp.im:slack:0")
            );
            assert_eq!(message.inbox_id, Some(InboxId::new(INBOX)));
            assert_eq!(message.fingerprint, Some(Fingerprint(163408710800553)));
            assert_eq!(message.timestamp, Some(Timestamp::from_millis(1634087108005)));
            assert_eq!(message.mentions, ["a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"]);
            assert_eq!(message.references[0].target.as_deref(), Some("https://docs.crisp.chat"));
            assert_eq!(
                message.original.as_ref().and_then(|o| o.original_id.as_deref()),
                Some("4ac2b6f2-7c9a-4a25-8d4e-2f3c5e1b7a90")
            );
            assert_eq!(message.properties["priority"], "high");
            assert_eq!(message.automated, Some(true));
            assert_eq!(message.user.as_ref().and_then(|u| u.kind.as_deref()), Some("website"));
            // The payload encodes back unchanged, routing ids included.
            assert_reencodes(event, name, &data);
        }
    }
}

#[test]
fn message_contents_have_the_right_values() {
    let event = decode(
        "message:received",
        message_data("audio", json!({"url": "u", "type": "audio/webm", "duration": 12})),
    );
    let Event::MessageReceived(received) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(received.routing_ids, ["f5b1c1ec-4c1a-4a43-8d02-1b1e6e0a3a58"]);
    match &received.message.content {
        MessageContent::Audio(audio) => {
            assert_eq!(audio.duration, Some(12));
            assert_eq!(audio.mime_type.as_deref(), Some("audio/webm"));
        }
        other => panic!("{other:?}"),
    }

    let event = decode(
        "message:send",
        message_data(
            "picker",
            json!({"id": "p", "choices": [{"value": "a", "label": "A", "selected": true}]}),
        ),
    );
    let Event::MessageSend(sent) = &event else {
        panic!("{event:?}")
    };
    match &sent.message.content {
        MessageContent::Picker(picker) => {
            assert_eq!(picker.id.as_deref(), Some("p"));
            assert_eq!(picker.choices[0].selected, Some(true));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_message_type_survives_a_message_event() {
    let data = message_data("video", json!({"url": "https://x/v.mp4", "length": 30}));
    let event = decode("message:send", data.clone());
    let Event::MessageSend(sent) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(
        sent.message.content,
        MessageContent::Unknown {
            kind: "video".to_owned(),
            content: json!({"url": "https://x/v.mp4", "length": 30})
        }
    );
    assert_eq!(go_route(&event).as_deref(), Some("message:send/unknown"));
    assert_reencodes(event, "message:send", &data);

    // A known type whose content has another shape is kept raw too.
    let data = message_data("file", json!("not-an-object"));
    let event = decode("message:received", data.clone());
    let Event::MessageReceived(received) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(received.message.content.kind(), MessageKind::File);
    assert!(matches!(received.message.content, MessageContent::Unknown { .. }));
    assert_reencodes(event, "message:received", &data);
}

#[test]
fn message_event_is_the_rest_message_plus_routing_ids() {
    let event: MessageEvent =
        serde_json::from_value(json!({"routing_ids": ["r"], "type": "note", "content": "n"})).unwrap();
    assert_eq!(event.routing_ids, ["r"]);
    assert_eq!(event.message.content, MessageContent::Note("n".to_owned()));
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        json!({"routing_ids": ["r"], "type": "note", "content": "n"})
    );
}

// ---------------------------------------------------------------------------
// One realistic payload per family
// ---------------------------------------------------------------------------

#[test]
fn session_events() {
    let event = decode(
        "session:update_availability",
        session_data(json!({"availability": "online"})),
    );
    assert_session_scoped(&event, "session:update_availability");
    let Event::SessionUpdateAvailability(update) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(update.availability, Some(Availability::Online));
    assert_eq!(update.inbox_id, Some(InboxId::new(INBOX)));
    assert_eq!(update.routing_ids, ["f5b1c1ec-4c1a-4a43-8d02-1b1e6e0a3a58"]);

    let event = decode(
        "session:update_verify",
        session_data(
            json!({"is_verified": true, "verifications": [{"identity": "email", "method": "link", "annotation": "j@acme.com"}]}),
        ),
    );
    let Event::SessionUpdateVerify(verify) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(verify.is_verified, Some(true));
    assert_eq!(verify.verifications[0].annotation.as_deref(), Some("j@acme.com"));

    let event = decode("session:set_state", session_data(json!({"state": "unresolved"})));
    assert_session_scoped(&event, "session:set_state");
    let Event::SessionSetState(state) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(state.state, Some(ConversationState::Unresolved));

    let event = decode(
        "session:set_origin",
        session_data(json!({"origin": "urn:crisp.im:whatsapp:0"})),
    );
    let Event::SessionSetOrigin(origin) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(
        origin.origin.as_ref().and_then(Origin::as_urn),
        Some("urn:crisp.im:whatsapp:0")
    );

    let event = decode(
        "session:set_data",
        session_data(json!({"data": {"plan": "pro", "seats": 4, "trial": false}})),
    );
    let Event::SessionSetData(set) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(set.data["seats"], 4);
    assert_eq!(set.data["plan"], "pro");

    let event = decode(
        "session:sync:pages",
        session_data(
            json!({"pages": [{"page_title": "Pricing", "page_url": "https://acme.com/pricing", "page_referrer": "https://google.com", "timestamp": 1700000000123u64}]}),
        ),
    );
    let Event::SessionSyncPages(pages) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(pages.pages[0].page_url.as_deref(), Some("https://acme.com/pricing"));
    assert_eq!(pages.pages[0].timestamp, Some(Timestamp::from_millis(1700000000123)));

    let event = decode(
        "session:sync:events",
        session_data(
            json!({"events": [{"text": "Signed up", "data": {"plan": "pro"}, "color": "green", "timestamp": 1}]}),
        ),
    );
    let Event::SessionSyncEvents(events) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(events.events[0].text.as_deref(), Some("Signed up"));
    assert_eq!(events.events[0].data["plan"], "pro");

    let event = decode(
        "session:sync:geolocation",
        session_data(
            json!({"geolocation": {"coordinates": {"latitude": 48.85, "longitude": 2.35}, "city": "Paris", "region": "IDF", "country": "FR"}}),
        ),
    );
    let Event::SessionSyncGeolocation(geo) = &event else {
        panic!("{event:?}")
    };
    let geolocation = geo.geolocation.as_ref().unwrap();
    assert_eq!(geolocation.country.as_deref(), Some("FR"));
    assert_eq!(geolocation.coordinates.unwrap().latitude, Some(48.85));

    let event = decode(
        "session:sync:system",
        session_data(
            json!({"system": {"os": {"name": "Mac OS", "version": "14"}, "browser": {"name": "Chrome", "major": "120", "version": "120.0.1"}, "useragent": "Mozilla/5.0"}}),
        ),
    );
    let Event::SessionSyncSystem(system) = &event else {
        panic!("{event:?}")
    };
    let system = system.system.as_ref().unwrap();
    assert_eq!(system.browser.as_ref().and_then(|b| b.major.as_deref()), Some("120"));
    assert_eq!(system.useragent.as_deref(), Some("Mozilla/5.0"));

    let event = decode(
        "session:sync:network",
        session_data(json!({"network": {"ip": "203.0.113.7", "connection": {"isp": "Orange", "asn": "AS3215"}}})),
    );
    let Event::SessionSyncNetwork(network) = &event else {
        panic!("{event:?}")
    };
    let network = network.network.as_ref().unwrap();
    assert_eq!(network.ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(
        network.connection.as_ref().and_then(|c| c.asn.as_deref()),
        Some("AS3215")
    );

    let event = decode(
        "session:sync:timezone",
        session_data(json!({"timezone": {"offset": -120}})),
    );
    let Event::SessionSyncTimezone(timezone) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(timezone.timezone.unwrap().offset, Some(-120));

    let event = decode(
        "session:sync:locales",
        session_data(json!({"locales": {"locales": ["fr", "en"]}})),
    );
    let Event::SessionSyncLocales(locales) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(locales.locales.as_ref().unwrap().locales, ["fr", "en"]);

    let event = decode(
        "session:sync:rating",
        session_data(json!({"rating": {"stars": 5, "comment": "Great"}})),
    );
    let Event::SessionSyncRating(rating) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(rating.rating.as_ref().unwrap().stars, Some(5));

    let event = decode(
        "session:set_opened",
        session_data(
            json!({"operator": {"user_id": "a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a", "nickname": "Baptiste", "avatar": null}}),
        ),
    );
    assert_session_scoped(&event, "session:set_opened");
    let Event::SessionSetOpened(opened) = &event else {
        panic!("{event:?}")
    };
    let operator = opened.operator.as_ref().unwrap();
    assert_eq!(
        operator.user_id,
        Some(UserId::new("a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"))
    );
    assert_eq!(operator.avatar, None);
    // `set_closed` shares the payload type but has its own variant.
    let event = decode(
        "session:set_closed",
        session_data(json!({"operator": {"nickname": "Baptiste"}})),
    );
    assert!(
        matches!(&event, Event::SessionSetClosed(closed) if closed.operator.as_ref().unwrap().nickname.as_deref() == Some("Baptiste"))
    );

    let event = decode(
        "session:set_participants",
        session_data(json!({"participants": [{"type": "email", "target": "cc@acme.com"}]})),
    );
    let Event::SessionSetParticipants(participants) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(participants.participants[0].target.as_deref(), Some("cc@acme.com"));

    let event = decode(
        "session:set_routing",
        session_data(json!({"routing_id": null, "previous_routing_id": "r0"})),
    );
    let Event::SessionSetRouting(routing) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(routing.routing_id, None);
    assert_eq!(routing.previous_routing_id.as_deref(), Some("r0"));

    let event = decode("session:set_inbox", session_data(json!({"previous_inbox_id": null})));
    let Event::SessionSetInbox(inbox) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(inbox.inbox_id, Some(InboxId::new(INBOX)));
    assert_eq!(inbox.previous_inbox_id, None);

    let event = decode(
        "session:error",
        session_data(json!({"type": "email", "value": "bad@", "previous_value": "ok@acme.com"})),
    );
    let Event::SessionError(error) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(error.kind.as_deref(), Some("email"));
    assert_eq!(error.value.as_deref(), Some("bad@"));

    let event = decode("session:removed", session_data(json!({})));
    assert_session_scoped(&event, "session:removed");
    assert!(matches!(event, Event::SessionRemoved(_)));
}

#[test]
fn session_capabilities_accept_both_sdk_shapes() {
    for capabilities in [
        json!({"capabilities": ["call", "browsing"]}),
        json!(["call", "browsing"]),
    ] {
        let event = decode(
            "session:sync:capabilities",
            session_data(json!({"capabilities": capabilities})),
        );
        let Event::SessionSyncCapabilities(sync) = &event else {
            panic!("{event:?}")
        };
        assert_eq!(sync.capabilities.as_ref().unwrap().capabilities, ["call", "browsing"]);
        // Encodes as the Go (object) shape.
        assert_eq!(
            event.into_parts().1["capabilities"],
            json!({"capabilities": ["call", "browsing"]})
        );
    }
    assert!(Event::from_parts("session:sync:capabilities", json!({"capabilities": 3})).is_err());
}

#[test]
fn message_side_events() {
    let event = decode(
        "message:updated",
        session_data(json!({"fingerprint": 163408710800553i64, "content": "Edited text"})),
    );
    assert_session_scoped(&event, "message:updated");
    let Event::MessageUpdated(updated) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(updated.fingerprint, Some(Fingerprint(163408710800553)));
    assert_eq!(updated.text(), Some("Edited text"));
    assert_eq!(
        updated.content_as(MessageKind::Text),
        MessageContent::Text("Edited text".to_owned())
    );

    let event = decode(
        "message:updated",
        session_data(
            json!({"fingerprint": 1, "content": {"id": "p", "text": "Pick", "choices": [{"value": "a", "selected": true}]}}),
        ),
    );
    let Event::MessageUpdated(updated) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(updated.text(), None);
    match updated.content_as(MessageKind::Picker) {
        MessageContent::Picker(picker) => assert_eq!(picker.choices[0].selected, Some(true)),
        other => panic!("{other:?}"),
    }

    let event = decode(
        "message:removed",
        session_data(json!({"fingerprint": "163408710800553"})),
    );
    let Event::MessageRemoved(removed) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(removed.fingerprint, Some(Fingerprint(163408710800553)));

    let event = decode(
        "message:compose:send",
        session_data(json!({"type": "start", "excerpt": "Hello, I", "timestamp": 1700000000000u64})),
    );
    let Event::MessageComposeSend(compose) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(compose.kind, Some(ComposeState::Start));
    assert_eq!(compose.excerpt.as_deref(), Some("Hello, I"));

    let event = decode(
        "message:compose:receive",
        session_data(
            json!({"type": "stop", "timestamp": 1, "automated": true, "user": {"user_id": "u1", "nickname": "Bot"}}),
        ),
    );
    let Event::MessageComposeReceive(compose) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(compose.kind, Some(ComposeState::Stop));
    assert_eq!(compose.user.as_ref().and_then(|u| u.nickname.as_deref()), Some("Bot"));
    assert_eq!(compose.automated, Some(true));

    let event = decode(
        "message:acknowledge:read:received",
        session_data(json!({"origin": "chat", "fingerprints": [1, 2, "3"]})),
    );
    let Event::MessageAcknowledgeReadReceived(ack) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(ack.origin, Some(Origin::Chat));
    assert_eq!(ack.fingerprints, [Fingerprint(1), Fingerprint(2), Fingerprint(3)]);

    let event = decode(
        "message:acknowledge:ignored",
        session_data(
            json!({"origin": "email", "fingerprints": [9], "details": {"type": "email", "reason": "bounced"}}),
        ),
    );
    let Event::MessageAcknowledgeIgnored(ack) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(ack.details.as_ref().and_then(|d| d.reason.as_deref()), Some("bounced"));

    for name in ["message:notify:unread:send", "message:notify:unread:received"] {
        let event = decode(name, session_data(json!({})));
        assert_session_scoped(&event, name);
    }
}

#[test]
fn spam_events() {
    let event = decode(
        "spam:message",
        website_data(
            json!({"spam_id": "s1", "type": "email", "reason": "blocklist", "metadata": {"score": 9.5},
            "headers": {"From": "x@spam.com"}, "timestamp": 1700000000000u64}),
        ),
    );
    assert_website_scoped(&event, "spam:message");
    let Event::SpamMessage(spam) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(spam.spam_id.as_deref(), Some("s1"));
    assert_eq!(spam.kind.as_deref(), Some("email"));
    assert_eq!(spam.headers["From"], "x@spam.com");
    assert_eq!(spam.metadata["score"], 9.5);
    assert_eq!(spam.timestamp, Some(Timestamp::from_millis(1700000000000)));

    let event = decode(
        "spam:decision",
        website_data(json!({"action": "reject", "spam_id": "s1"})),
    );
    let Event::SpamDecision(decision) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(decision.action.as_deref(), Some("reject"));
}

#[test]
fn people_events() {
    let people_id = "c1b2f1ea-3b4f-4e2b-9c7a-8f3d9b6a1e20";
    let event = decode(
        "people:profile:created",
        website_data(json!({"people_id": people_id, "email": "j@acme.com"})),
    );
    assert_website_scoped(&event, "people:profile:created");
    let Event::PeopleProfileCreated(created) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(created.people_id, Some(PeopleId::new(people_id)));
    assert_eq!(created.email.as_deref(), Some("j@acme.com"));

    let event = decode(
        "people:profile:updated",
        website_data(
            json!({"people_id": people_id, "email": "j@acme.com", "update": {"updated_at": 1, "person": {"nickname": "John"}}}),
        ),
    );
    let Event::PeopleProfileUpdated(updated) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(updated.update["person"]["nickname"], "John");

    let event = decode("people:bind:session", session_data(json!({"people_id": people_id})));
    assert_session_scoped(&event, "people:bind:session");
    let Event::PeopleBindSession(bind) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(bind.people_id, Some(PeopleId::new(people_id)));

    let event = decode(
        "people:sync:profile",
        session_data(json!({"people_id": people_id, "identity": {"email": "j@acme.com",
            "person": {"nickname": "John Doe", "geolocation": {"country": "FR"}}, "company": {"name": "Acme"}}})),
    );
    assert_session_scoped(&event, "people:sync:profile");
    let Event::PeopleSyncProfile(sync) = &event else {
        panic!("{event:?}")
    };
    let identity = sync.identity.as_deref().unwrap();
    assert_eq!(
        identity.person.as_ref().and_then(|p| p.nickname.as_deref()),
        Some("John Doe")
    );
    assert_eq!(identity.company.as_ref().and_then(|c| c.name.as_deref()), Some("Acme"));

    let event = decode(
        "people:import:progress",
        website_data(
            json!({"import_id": "i1", "progress": 40, "count": {"total": 10, "skipped": 1, "remaining": 6},
            "items": [{"identifier": "bad-email", "reason": "invalid_email"}]}),
        ),
    );
    assert_website_scoped(&event, "people:import:progress");
    let Event::PeopleImportProgress(progress) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(progress.import_id.as_deref(), Some("i1"));
    assert_eq!(progress.progress, Some(40));
    assert_eq!(progress.count.unwrap().remaining, Some(6));
    assert_eq!(progress.items[0].reason.as_deref(), Some("invalid_email"));
    // The Node SDK's shape of `items`.
    let event = decode(
        "people:import:progress",
        json!({"items": {"skipped": [{"identifier": null, "reason": "dup"}]}}),
    );
    let Event::PeopleImportProgress(progress) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(progress.items[0].identifier, None);
    assert_eq!(progress.items[0].reason.as_deref(), Some("dup"));

    let event = decode(
        "people:import:done",
        website_data(json!({"import_id": "i1", "error": false})),
    );
    let Event::PeopleImportDone(done) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(done.error, Some(false));

    let event = decode("people:profile:removed", website_data(json!({"people_id": people_id})));
    assert!(
        matches!(&event, Event::PeopleProfileRemoved(removed) if removed.people_id == Some(PeopleId::new(people_id)))
    );
}

#[test]
fn campaign_events() {
    let event = decode(
        "campaign:progress",
        website_data(json!({"campaign_id": "c1", "progress": 55})),
    );
    assert_website_scoped(&event, "campaign:progress");
    let Event::CampaignProgress(progress) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(progress.campaign_id.as_deref(), Some("c1"));
    assert_eq!(progress.progress, Some(55));

    let event = decode(
        "campaign:running",
        website_data(json!({"campaign_id": "c1", "running": true})),
    );
    let Event::CampaignRunning(running) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(running.running, Some(true));

    let event = decode("campaign:dispatched", website_data(json!({"campaign_id": "c1"})));
    assert!(matches!(&event, Event::CampaignDispatched(d) if d.campaign_id.as_deref() == Some("c1")));
}

#[test]
fn browsing_and_call_events() {
    let event = decode(
        "browsing:request:initiated",
        session_data(json!({"browsing_id": "b1", "browsing_token": "tok"})),
    );
    assert_session_scoped(&event, "browsing:request:initiated");
    let Event::BrowsingRequestInitiated(browsing) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(browsing.browsing_id.as_deref(), Some("b1"));
    assert_eq!(browsing.browsing_token.as_deref(), Some("tok"));
    let event = decode("browsing:request:rejected", session_data(json!({})));
    assert_session_scoped(&event, "browsing:request:rejected");

    let event = decode("call:request:initiated", session_data(json!({"call_id": "call1"})));
    assert_session_scoped(&event, "call:request:initiated");
    let Event::CallRequestInitiated(call) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(call.call_id.as_deref(), Some("call1"));
    let event = decode("call:request:rejected", session_data(json!({"call_id": "call1"})));
    assert!(matches!(&event, Event::CallRequestRejected(call) if call.call_id.as_deref() == Some("call1")));
}

#[test]
fn identity_event() {
    let plugin = "2c1e4b5a-9f0d-4c3e-8b7a-6d5e4f3a2b1c";
    let event = decode(
        "identity:verify:request",
        session_data(
            json!({"plugin_id": plugin, "target": "+33600000000", "code": "123456", "confirm_url": "https://x/confirm"}),
        ),
    );
    assert_session_scoped(&event, "identity:verify:request");
    let Event::IdentityVerifyRequest(verify) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(verify.plugin_id, Some(PluginId::new(plugin)));
    assert_eq!(verify.code.as_deref(), Some("123456"));
    assert_eq!(verify.confirm_url.as_deref(), Some("https://x/confirm"));
}

#[test]
fn status_event() {
    let event = decode(
        "status:health:changed",
        website_data(json!({"health": "sick", "nodes": [{"label": "API", "replica": "eu-1"}]})),
    );
    assert_website_scoped(&event, "status:health:changed");
    let Event::StatusHealthChanged(status) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(status.health, Some(Health::Sick));
    assert_eq!(status.nodes[0].replica.as_deref(), Some("eu-1"));
    let event = decode("status:health:changed", json!({"health": "zombie"}));
    assert!(matches!(&event, Event::StatusHealthChanged(s) if s.health == Some(Health::Other("zombie".to_owned()))));
}

#[test]
fn website_events() {
    let event = decode(
        "website:update_visitors_count",
        website_data(json!({"visitors_count": 17})),
    );
    assert_website_scoped(&event, "website:update_visitors_count");
    let Event::WebsiteUpdateVisitorsCount(count) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(count.visitors_count, Some(17));

    let event = decode(
        "website:update_operators_availability",
        website_data(json!({"user_id": "u1", "availability": {"type": "offline"}})),
    );
    let Event::WebsiteUpdateOperatorsAvailability(availability) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(availability.user_id, Some(UserId::new("u1")));
    assert_eq!(
        availability.availability.as_ref().unwrap().kind,
        Some(Availability::Offline)
    );

    let event = decode("website:users:available", website_data(json!({"available": false})));
    assert!(matches!(&event, Event::WebsiteUsersAvailable(users) if users.available == Some(false)));
}

#[test]
fn bucket_events_share_a_payload_but_not_a_variant() {
    let data = json!({
        "type": "upload", "from": "operator", "identifier": "generate", "id": "7c6e",
        "resource": {"type": "website", "id": WEBSITE},
        "url": {"resource": "https://storage.crisp.chat/a.png", "signed": "https://storage.crisp.chat/a.png?sig=1"},
        "policy": {"size_limit": 10485760u64}
    });
    let names = [
        "bucket:url:upload:generated",
        "bucket:url:avatar:generated",
        "bucket:url:website:generated",
        "bucket:url:campaign:generated",
        "bucket:url:helpdesk:generated",
        "bucket:url:status:generated",
        "bucket:url:processing:generated",
    ];
    let mut kinds = BTreeSet::new();
    for name in names {
        let event = decode(name, data.clone());
        assert_eq!(event.name(), name);
        assert_eq!(event.website_id(), None);
        assert_eq!(event.session_id(), None);
        let bucket = match &event {
            Event::BucketUrlUploadGenerated(b)
            | Event::BucketUrlAvatarGenerated(b)
            | Event::BucketUrlWebsiteGenerated(b)
            | Event::BucketUrlCampaignGenerated(b)
            | Event::BucketUrlHelpdeskGenerated(b)
            | Event::BucketUrlStatusGenerated(b)
            | Event::BucketUrlProcessingGenerated(b) => b,
            other => panic!("{other:?}"),
        };
        assert_eq!(bucket.kind.as_deref(), Some("upload"));
        assert_eq!(bucket.resource.as_ref().and_then(|r| r.id.as_deref()), Some(WEBSITE));
        assert_eq!(
            bucket.url.as_ref().and_then(|u| u.signed.as_deref()),
            Some("https://storage.crisp.chat/a.png?sig=1")
        );
        assert_eq!(bucket.policy.unwrap().size_limit, Some(10485760));
        kinds.insert(event.kind().unwrap());
        assert_reencodes(event, name, &data);
    }
    assert_eq!(kinds.len(), names.len());
}

#[test]
fn media_event() {
    let event = decode(
        "media:animation:listed",
        json!({"identifier": "search", "id": 42, "results": [{"type": "image/gif", "url": "https://media.giphy.com/x.gif"}]}),
    );
    assert_eq!(event.name(), "media:animation:listed");
    assert_eq!(event.website_id(), None);
    let Event::MediaAnimationListed(media) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(media.id, Some(42));
    assert_eq!(media.results[0].url.as_deref(), Some("https://media.giphy.com/x.gif"));
    assert_eq!(media.results[0].kind.as_deref(), Some("image/gif"));
}

#[test]
fn email_events() {
    let event = decode(
        "email:subscribe",
        website_data(json!({"email": "j@acme.com", "subscribed": false})),
    );
    assert_website_scoped(&event, "email:subscribe");
    let Event::EmailSubscribe(subscribe) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(subscribe.email.as_deref(), Some("j@acme.com"));
    assert_eq!(subscribe.subscribed, Some(false));

    let event = decode(
        "email:track:view",
        website_data(json!({"type": "campaign", "identifier": "c1", "mode": "pixel"})),
    );
    let Event::EmailTrackView(view) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(view.kind.as_deref(), Some("campaign"));
    assert_eq!(view.mode.as_deref(), Some("pixel"));
}

#[test]
fn plugin_and_plan_events() {
    let plugin = "2c1e4b5a-9f0d-4c3e-8b7a-6d5e4f3a2b1c";
    let event = decode(
        "plugin:channel",
        website_data(json!({"plugin_id": plugin, "namespace": "ns", "identifier": "id1", "payload": [1, {"a": true}]})),
    );
    assert_website_scoped(&event, "plugin:channel");
    let Event::PluginChannel(channel) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(channel.plugin_id, Some(PluginId::new(plugin)));
    assert_eq!(channel.payload, Some(json!([1, {"a": true}])));

    let event = decode(
        "plugin:event",
        website_data(
            json!({"plugin_id": plugin, "urn": "urn:acme:bot:0", "name": "order:paid", "data": {"amount": 99}}),
        ),
    );
    let Event::PluginEvent(custom) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(custom.name.as_deref(), Some("order:paid"));
    assert_eq!(custom.data["amount"], 99);

    let event = decode(
        "plugin:subscription:updated",
        website_data(json!({"plugin_id": plugin, "bound": true, "target": "website"})),
    );
    let Event::PluginSubscriptionUpdated(subscription) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(subscription.bound, Some(true));

    let event = decode(
        "plugin:settings:saved",
        website_data(json!({"plugin_id": plugin, "settings": {"token": "abc", "channels": ["#support"]}})),
    );
    let Event::PluginSettingsSaved(settings) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(settings.settings["channels"][0], "#support");

    let event = decode(
        "plan:subscription:updated",
        website_data(json!({"plan": {"id": "p1", "name": "Unlimited", "price": 95, "trialing": true}})),
    );
    assert_website_scoped(&event, "plan:subscription:updated");
    let Event::PlanSubscriptionUpdated(plan) = &event else {
        panic!("{event:?}")
    };
    let plan = plan.plan.as_ref().unwrap();
    assert_eq!(plan.name.as_deref(), Some("Unlimited"));
    assert_eq!(plan.price, Some(95));
    assert_eq!(plan.trialing, Some(true));
}

#[test]
fn widget_event() {
    let plugin = "2c1e4b5a-9f0d-4c3e-8b7a-6d5e4f3a2b1c";
    let event = decode(
        "widget:action:processed",
        session_data(
            json!({"plugin_id": plugin, "correlation_id": "corr-1", "outcome": "failure", "result": {"error": "timeout"}}),
        ),
    );
    assert_session_scoped(&event, "widget:action:processed");
    let Event::WidgetActionProcessed(widget) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(widget.correlation_id.as_deref(), Some("corr-1"));
    assert_eq!(widget.outcome, Some(WidgetActionOutcome::Failure));
    assert_eq!(widget.result["error"], "timeout");
}

// ---------------------------------------------------------------------------
// Re-encoding
// ---------------------------------------------------------------------------

#[test]
fn into_parts_reencodes_representative_events_unchanged() {
    let cases = [
        ("session:set_state", session_data(json!({"state": "resolved"}))),
        (
            "session:sync:system",
            session_data(json!({"system": {"os": {"name": "Linux"}, "engine": {"name": "Blink", "version": "120"}}})),
        ),
        (
            "message:acknowledge:delivered",
            session_data(json!({"origin": "urn:crisp.im:slack:0", "fingerprints": [1, 2]})),
        ),
        (
            "people:sync:profile",
            session_data(json!({"people_id": "p1", "identity": {"email": "j@acme.com", "segments": ["vip"]}})),
        ),
        (
            "website:update_operators_availability",
            website_data(json!({"user_id": "u1", "availability": {"type": "online"}})),
        ),
        (
            "plugin:channel",
            website_data(json!({"plugin_id": "p", "type": "t", "payload": "anything"})),
        ),
    ];
    for (name, data) in cases {
        let event = decode(name, data.clone());
        assert_reencodes(event, name, &data);
    }
}

#[test]
fn reencoded_event_decodes_to_the_same_event() {
    let event = decode(
        "message:received",
        message_data("carousel", json!({"text": "Plans", "targets": []})),
    );
    let (name, data) = event.clone().into_parts();
    assert_eq!(Event::from_parts(&name, data).unwrap(), event);
}
