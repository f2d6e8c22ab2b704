//! Conversation models: the conversation, its metas, and the request bodies
//! that change them.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::conversation::{
    Availability, Conversation, ConversationMeta, ConversationMetaUpdate, ConversationNew, ConversationRouting,
    ConversationRoutingUpdate, ConversationState, ConversationStateUpdate, MetaDevice, RoutingAssigned,
};
use crisp_types::message::{MessageFrom, MessageKind, MessageUser, Origin};
use crisp_types::{Envelope, Fingerprint, InboxId, PeopleId, SessionId, Timestamp, UserId, WebsiteId};
use serde_json::{Value, json};

fn full_conversation() -> Value {
    json!({
        "session_id": "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881",
        "website_id": "8c842203-7ed8-4e29-a608-7cf78a7d2fcc",
        "inbox_id": "4f0d6f0b-6f2b-4b55-9c4e-1b3a2d7e9c11",
        "people_id": "c5d6a1e2-4f7b-4c8d-9e0f-1a2b3c4d5e6f",
        "state": "unresolved",
        "status": 1,
        "is_verified": true,
        "is_blocked": false,
        "availability": "online",
        "active": {"now": true, "last": 1634087200000u64},
        "last_message": "I need help with my invoice",
        "preview_message": {
            "type": "text",
            "from": "user",
            "excerpt": "I need help with my invoice",
            "fingerprint": 163408710800553i64
        },
        "topic": "Billing",
        "verifications": [{"identity": "email", "method": "link", "annotation": "jane@acme.com"}],
        "participants": [{"type": "email", "target": "cc@acme.com"}],
        "mentions": ["a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"],
        "compose": {
            "operator": {
                "type": "start",
                "excerpt": "Let me check",
                "timestamp": 1634087300000u64,
                "user": {"user_id": "a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a", "nickname": "Baptiste", "avatar": "https://a"},
                "automated": false
            }
        },
        "unread": {"operator": 2, "visitor": 0},
        "assigned": {"user_id": "a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"},
        "meta": full_meta(),
        "created_at": 1634087000000u64,
        "updated_at": 1634087300000u64,
        "waiting_since": 1634087108005u64
    })
}

fn full_meta() -> Value {
    json!({
        "nickname": "Jane Doe",
        "email": "jane@acme.com",
        "phone": "+33600000000",
        "address": "1 Rue de Rivoli, Paris",
        "subject": "Invoice question",
        "ip": "203.0.113.7",
        "connection": {"isp": "Orange", "asn": "AS3215"},
        "origin": "chat",
        "segments": ["customer", "vip"],
        "data": {"plan": "pro", "seats": 12, "trial": false},
        "avatar": "https://avatar.crisp.chat/jane.png",
        "device": {
            "capabilities": ["call", "browsing"],
            "geolocation": {
                "coordinates": {"latitude": 48.8566, "longitude": 2.3522},
                "city": "Paris",
                "region": "Ile-de-France",
                "country": "FR"
            },
            "system": {
                "os": {"version": "14.1", "name": "Mac OS"},
                "engine": {"version": "537.36", "name": "WebKit"},
                "browser": {"major": "120", "version": "120.0.6099", "name": "Chrome"},
                "useragent": "Mozilla/5.0 (Macintosh)"
            },
            "timezone": -60,
            "locales": ["fr", "en"]
        }
    })
}

#[test]
fn full_conversation_decodes_and_round_trips() {
    let raw = full_conversation();
    let conversation: Conversation = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        conversation.session_id,
        SessionId::from("session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881")
    );
    assert_eq!(
        conversation.website_id,
        WebsiteId::from("8c842203-7ed8-4e29-a608-7cf78a7d2fcc")
    );
    assert_eq!(
        conversation.inbox_id,
        Some(InboxId::from("4f0d6f0b-6f2b-4b55-9c4e-1b3a2d7e9c11"))
    );
    assert_eq!(
        conversation.people_id,
        Some(PeopleId::from("c5d6a1e2-4f7b-4c8d-9e0f-1a2b3c4d5e6f"))
    );
    assert_eq!(conversation.state, Some(ConversationState::Unresolved));
    assert_eq!(conversation.status, Some(1));
    assert_eq!(conversation.availability, Some(Availability::Online));
    let active = conversation.active.clone().unwrap();
    assert_eq!(active.now, Some(true));
    assert_eq!(active.last, Some(Timestamp::from_millis(1634087200000)));
    let preview = conversation.preview_message.clone().unwrap();
    assert_eq!(preview.kind, Some(MessageKind::Text));
    assert_eq!(preview.from, Some(MessageFrom::User));
    assert_eq!(preview.fingerprint, Some(Fingerprint(163408710800553)));
    assert_eq!(
        conversation.verifications[0].annotation.as_deref(),
        Some("jane@acme.com")
    );
    assert_eq!(conversation.participants[0].kind.as_deref(), Some("email"));
    let compose = conversation.compose.clone().unwrap().operator.unwrap();
    assert_eq!(compose.kind.as_deref(), Some("start"));
    assert_eq!(compose.user.and_then(|u| u.nickname).as_deref(), Some("Baptiste"));
    assert_eq!(conversation.unread.clone().unwrap().operator, Some(2));
    assert_eq!(
        conversation.assigned.clone().unwrap().user_id,
        Some(UserId::from("a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"))
    );
    assert_eq!(
        conversation.meta.as_ref().and_then(|m| m.nickname.as_deref()),
        Some("Jane Doe")
    );
    assert_eq!(conversation.waiting_since, Some(Timestamp::from_millis(1634087108005)));
    assert_eq!(serde_json::to_value(&conversation).unwrap(), raw);
}

#[test]
fn conversation_list_in_envelope() {
    let body = json!({
        "error": false,
        "reason": "listed",
        "data": [full_conversation(), {"session_id": "session_2", "website_id": "w"}]
    });
    let envelope: Envelope<Vec<Conversation>> = serde_json::from_value(body).unwrap();
    let list = envelope.data.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        list[1],
        Conversation::new(WebsiteId::from("w"), SessionId::from("session_2"))
    );
}

#[test]
fn minimal_conversation_decodes() {
    let conversation: Conversation =
        serde_json::from_str(r#"{"session_id":"session_1","website_id":"website_1"}"#).unwrap();
    assert_eq!(conversation, Conversation::new("website_1".into(), "session_1".into()));
    assert_eq!(conversation.state, None);
    assert!(conversation.mentions.is_empty());
}

#[test]
fn conversation_without_ids_is_an_error() {
    let error = serde_json::from_str::<Conversation>(r#"{"website_id":"website_1"}"#).unwrap_err();
    assert!(error.to_string().contains("session_id"), "{error}");
}

#[test]
fn unknown_fields_and_values_are_tolerated() {
    let conversation: Conversation = serde_json::from_value(json!({
        "session_id": "session_1",
        "website_id": "website_1",
        "state": "snoozed",
        "availability": "away",
        "preview_message": {"type": "video_call", "from": "bot"},
        "meta": {"origin": "urn:crisp.im:slack:0", "segments": null, "data": null},
        "brand_new_field": [1, 2, 3],
        "mentions": null
    }))
    .unwrap();
    assert_eq!(conversation.state, Some(ConversationState::Other("snoozed".to_owned())));
    assert_eq!(conversation.availability, Some(Availability::Other("away".to_owned())));
    let preview = conversation.preview_message.clone().unwrap();
    assert_eq!(preview.kind, Some(MessageKind::Other("video_call".to_owned())));
    assert_eq!(preview.from, Some(MessageFrom::Other("bot".to_owned())));
    let meta = conversation.meta.clone().unwrap();
    assert_eq!(meta.origin, Some(Origin::Other("urn:crisp.im:slack:0".to_owned())));
    assert!(meta.segments.is_empty());
    let encoded = serde_json::to_value(&conversation).unwrap();
    assert_eq!(encoded["state"], "snoozed");
    assert_eq!(encoded["meta"]["origin"], "urn:crisp.im:slack:0");
    assert!(encoded.get("brand_new_field").is_none());
}

#[test]
fn meta_response_decodes() {
    let meta: ConversationMeta = serde_json::from_value(full_meta()).unwrap();
    assert_eq!(meta.email.as_deref(), Some("jane@acme.com"));
    assert_eq!(meta.connection.as_ref().and_then(|c| c.asn.as_deref()), Some("AS3215"));
    assert_eq!(meta.origin, Some(Origin::Chat));
    assert_eq!(meta.segments, ["customer", "vip"]);
    assert_eq!(meta.data["seats"], 12);
    assert_eq!(meta.data["trial"], false);
    let device = meta.device.clone().unwrap();
    assert_eq!(device.capabilities, ["call", "browsing"]);
    assert_eq!(device.timezone, Some(-60));
    let geolocation = device.geolocation.clone().unwrap();
    assert_eq!(geolocation.country.as_deref(), Some("FR"));
    assert_eq!(geolocation.coordinates.and_then(|c| c.latitude), Some(48.8566));
    let system = device.system.unwrap();
    assert_eq!(system.browser.and_then(|b| b.major).as_deref(), Some("120"));
    assert_eq!(system.os.and_then(|o| o.name).as_deref(), Some("Mac OS"));
    assert_eq!(serde_json::to_value(&meta).unwrap(), full_meta());

    let empty: ConversationMeta = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, ConversationMeta::default());
}

#[test]
fn conversation_new_response() {
    let created: ConversationNew = serde_json::from_str(r#"{"session_id":"session_42"}"#).unwrap();
    assert_eq!(created.session_id, Some(SessionId::from("session_42")));
}

#[test]
fn update_metas_fixture_round_trips() {
    let raw: Value = serde_json::from_str(include_str!("fixtures/request_update_conversation_metas.json")).unwrap();
    let update: ConversationMetaUpdate = serde_json::from_value(raw.clone()).unwrap();
    let built = ConversationMetaUpdate::new()
        .nickname("John Doe")
        .email("john.doe@acme-inc.com")
        .segments(["happy", "customer", "love"])
        .data_entry("type", "customer")
        .data_entry("signup", "finished");
    assert_eq!(update, built);
    assert_eq!(serde_json::to_value(&update).unwrap(), raw);
    assert_eq!(serde_json::to_value(&built).unwrap(), raw);
}

#[test]
fn meta_update_sends_only_what_is_set() {
    let update = ConversationMetaUpdate::new()
        .subject("Refund")
        .origin(Origin::Email)
        .device(MetaDevice {
            timezone: Some(120),
            locales: vec!["de".to_owned()],
            ..MetaDevice::default()
        });
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"subject": "Refund", "origin": "email", "device": {"timezone": 120, "locales": ["de"]}})
    );
    assert_eq!(serde_json::to_value(ConversationMetaUpdate::new()).unwrap(), json!({}));
}

#[test]
fn state_update_body() {
    let update = ConversationStateUpdate::new(ConversationState::Resolved)
        .user(MessageUser::new().kind("website").nickname("Bot"))
        .origin("urn:crisp.im:slack:0");
    let value = serde_json::to_value(&update).unwrap();
    assert_eq!(
        value,
        json!({"state": "resolved", "user": {"type": "website", "nickname": "Bot"}, "origin": "urn:crisp.im:slack:0"})
    );
    let back: ConversationStateUpdate = serde_json::from_value(value).unwrap();
    assert_eq!(back, update);
    // The "get conversation state" response decodes into the same type.
    let state: ConversationStateUpdate = serde_json::from_str(r#"{"state":"pending"}"#).unwrap();
    assert_eq!(state, ConversationStateUpdate::new(ConversationState::Pending));
}

#[test]
fn routing_response() {
    let routing: ConversationRouting =
        serde_json::from_str(r#"{"assigned":{"user_id":"a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"}}"#).unwrap();
    assert_eq!(
        routing.assigned,
        Some(RoutingAssigned {
            user_id: Some(UserId::from("a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"))
        })
    );
    let unassigned: ConversationRouting = serde_json::from_str(r#"{"assigned":null}"#).unwrap();
    assert_eq!(unassigned.assigned, None);
    let empty: ConversationRouting = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, ConversationRouting::default());
}

#[test]
fn routing_update_bodies() {
    assert_eq!(
        serde_json::to_value(ConversationRoutingUpdate::unassign()).unwrap(),
        json!({"assigned": null})
    );
    assert_eq!(
        serde_json::to_value(ConversationRoutingUpdate::unassign().silent(true)).unwrap(),
        json!({"assigned": null, "silent": true})
    );
    let assign = ConversationRoutingUpdate::assign(UserId::from("user_1"));
    let value = serde_json::to_value(&assign).unwrap();
    assert_eq!(value, json!({"assigned": {"user_id": "user_1"}}));
    let back: ConversationRoutingUpdate = serde_json::from_value(value).unwrap();
    assert_eq!(back, assign);
}
