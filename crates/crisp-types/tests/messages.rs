//! Message models: every content type, unknown types, fixtures and request
//! bodies.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::message::{
    AnimationContent, AudioContent, CarouselAction, CarouselContent, CarouselTarget, EventContent, FieldContent,
    FileContent, Message, MessageContent, MessageDispatched, MessageFrom, MessageKind, MessageUser, MessagesMark,
    NewMessage, Origin, PickerAction, PickerChoice, PickerContent,
};
use crisp_types::{Fingerprint, SessionId, Timestamp, WebsiteId};
use serde_json::{Value, json};

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// A message as `GET .../messages` returns it, with the given type and content.
fn message_with(kind: &str, content: Value) -> Value {
    json!({
        "session_id": "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881",
        "website_id": "8c842203-7ed8-4e29-a608-7cf78a7d2fcc",
        "type": kind,
        "from": "operator",
        "origin": "chat",
        "content": content,
        "fingerprint": 163408710800553i64,
        "timestamp": 1634087108005u64,
        "stamped": true,
        "read": "chat",
        "delivered": "",
        "user": {
            "type": "website",
            "user_id": "a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a",
            "nickname": "Baptiste",
            "avatar": "https://avatar.crisp.chat/a.png"
        }
    })
}

/// Decodes `raw`, checks the common fields, and checks that it encodes back
/// to the same JSON value.
fn decode_round_trip(raw: Value) -> Message {
    let message: Message = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(message.from, Some(MessageFrom::Operator));
    assert_eq!(message.origin, Some(Origin::Chat));
    assert_eq!(message.fingerprint, Some(Fingerprint(163408710800553)));
    assert_eq!(message.timestamp, Some(Timestamp::from_millis(1634087108005)));
    assert_eq!(
        message.user.as_ref().and_then(|u| u.nickname.as_deref()),
        Some("Baptiste")
    );
    assert_eq!(message.user.as_ref().and_then(|u| u.kind.as_deref()), Some("website"));
    assert_eq!(serde_json::to_value(&message).unwrap(), raw);
    message
}

#[test]
fn text_message() {
    let message = decode_round_trip(message_with("text", json!("Hello! How can I help?")));
    assert_eq!(
        message.content,
        MessageContent::Text("Hello! How can I help?".to_owned())
    );
    assert_eq!(message.content.kind(), MessageKind::Text);
    assert_eq!(message.read.as_deref(), Some("chat"));
    assert_eq!(message.stamped, Some(true));
}

#[test]
fn note_message() {
    let message = decode_round_trip(message_with("note", json!("Customer is a VIP")));
    assert_eq!(message.content, MessageContent::Note("Customer is a VIP".to_owned()));
    assert_eq!(message.content.kind(), MessageKind::Note);
    assert_eq!(message.content.as_text(), Some("Customer is a VIP"));
}

#[test]
fn file_message() {
    let message = decode_round_trip(message_with(
        "file",
        json!({"name": "invoice.pdf", "url": "https://storage.crisp.chat/invoice.pdf", "type": "application/pdf"}),
    ));
    assert_eq!(
        message.content,
        MessageContent::File(FileContent::new(
            "invoice.pdf",
            "https://storage.crisp.chat/invoice.pdf",
            "application/pdf"
        ))
    );
    assert_eq!(message.content.kind(), MessageKind::File);
}

#[test]
fn animation_message() {
    let message = decode_round_trip(message_with(
        "animation",
        json!({"url": "https://media.giphy.com/media/cat.gif", "type": "image/gif"}),
    ));
    assert_eq!(
        message.content,
        MessageContent::Animation(AnimationContent::new(
            "https://media.giphy.com/media/cat.gif",
            "image/gif"
        ))
    );
}

#[test]
fn audio_message() {
    let message = decode_round_trip(message_with(
        "audio",
        json!({"url": "https://storage.crisp.chat/voice.webm", "type": "audio/webm", "duration": 12}),
    ));
    match &message.content {
        MessageContent::Audio(audio) => {
            assert_eq!(audio.duration, Some(12));
            assert_eq!(audio.mime_type.as_deref(), Some("audio/webm"));
            assert_eq!(
                audio,
                &AudioContent::new("https://storage.crisp.chat/voice.webm", "audio/webm", 12)
            );
        }
        other => panic!("expected audio, got {other:?}"),
    }
}

#[test]
fn picker_message() {
    let message = decode_round_trip(message_with(
        "picker",
        json!({
            "id": "rating",
            "text": "How was your experience?",
            "choices": [
                {"value": "good", "icon": "😀", "label": "Good", "selected": true},
                {"value": "docs", "label": "Read the docs", "selected": false,
                 "action": {"type": "frame", "target": "https://docs.crisp.chat"}}
            ],
            "required": true
        }),
    ));
    let MessageContent::Picker(picker) = &message.content else {
        panic!("expected picker, got {:?}", message.content);
    };
    assert_eq!(picker.id.as_deref(), Some("rating"));
    assert_eq!(picker.required, Some(true));
    assert_eq!(picker.choices.len(), 2);
    assert_eq!(picker.choices[0].icon.as_deref(), Some("😀"));
    assert_eq!(picker.choices[0].selected, Some(true));
    assert_eq!(
        picker.choices[1].action,
        Some(PickerAction {
            kind: Some("frame".into()),
            target: Some("https://docs.crisp.chat".into())
        })
    );
}

#[test]
fn field_message() {
    let message = decode_round_trip(message_with(
        "field",
        json!({"id": "email", "text": "Your email?", "explain": "Enter your email", "value": "jane@acme.com", "required": true}),
    ));
    assert_eq!(
        message.content,
        MessageContent::Field(
            FieldContent::new("email", "Your email?", "Enter your email")
                .value("jane@acme.com")
                .required(true)
        )
    );
}

#[test]
fn carousel_message() {
    let message = decode_round_trip(message_with(
        "carousel",
        json!({
            "text": "Our plans",
            "targets": [{
                "title": "Pro",
                "description": "For teams",
                "image": "https://img.crisp.chat/pro.png",
                "actions": [{"label": "Buy", "url": "https://crisp.chat/pricing"}]
            }]
        }),
    ));
    assert_eq!(
        message.content,
        MessageContent::Carousel(CarouselContent::new(
            "Our plans",
            [CarouselTarget::new("Pro", "For teams")
                .image("https://img.crisp.chat/pro.png")
                .action(CarouselAction::new("Buy", "https://crisp.chat/pricing"))]
        ))
    );
}

#[test]
fn event_message() {
    let message = decode_round_trip(message_with(
        "event",
        json!({"namespace": "state:resolved", "text": "Conversation resolved"}),
    ));
    assert_eq!(
        message.content,
        MessageContent::Event(EventContent::new("state:resolved", "Conversation resolved"))
    );
    assert_eq!(message.content.kind(), MessageKind::Event);
}

#[test]
fn unknown_type_is_kept_raw_and_reencodes_identically() {
    let raw_content = json!({"provider": "zoom", "url": "https://zoom.us/j/1", "nested": [1, 2.5, null]});
    let raw = message_with("video_call", raw_content.clone());
    let message = decode_round_trip(raw);
    assert_eq!(
        message.content,
        MessageContent::Unknown {
            kind: "video_call".to_owned(),
            content: raw_content
        }
    );
    assert_eq!(message.content.kind(), MessageKind::Other("video_call".to_owned()));
}

#[test]
fn unknown_fields_and_enum_values_are_tolerated() {
    let mut raw = message_with("text", json!("hi"));
    raw["origin"] = json!("urn:crisp.im:slack:0");
    raw["from"] = json!("bot");
    raw["some_new_field"] = json!({"deep": true});
    raw["routing_ids"] = json!(["r1"]);
    let message: Message = serde_json::from_value(raw).unwrap();
    assert_eq!(message.origin, Some(Origin::Other("urn:crisp.im:slack:0".to_owned())));
    assert_eq!(
        message.origin.as_ref().and_then(Origin::as_urn),
        Some("urn:crisp.im:slack:0")
    );
    assert_eq!(message.from, Some(MessageFrom::Other("bot".to_owned())));
    assert_eq!(message.content, MessageContent::Text("hi".to_owned()));
    let encoded = serde_json::to_value(&message).unwrap();
    assert_eq!(encoded["origin"], "urn:crisp.im:slack:0");
    assert_eq!(encoded["from"], "bot");
    assert!(encoded.get("some_new_field").is_none());
}

#[test]
fn minimal_messages_decode() {
    let empty: Message = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Message::default());
    assert_eq!(
        empty.content,
        MessageContent::Unknown {
            kind: String::new(),
            content: Value::Null
        }
    );
    assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));

    let text_only: Message = serde_json::from_str(r#"{"type":"text","content":"x"}"#).unwrap();
    assert_eq!(text_only.content, MessageContent::Text("x".to_owned()));
    assert_eq!(text_only.session_id, None);
    assert!(text_only.mentions.is_empty());
}

#[test]
fn full_message_fields() {
    let raw = json!({
        "session_id": "session_1",
        "website_id": "website_1",
        "type": "text",
        "content": "See https://crisp.chat",
        "from": "user",
        "origin": "email",
        "preview": [{
            "url": "https://crisp.chat",
            "website": "Crisp",
            "title": "Crisp - Customer messaging",
            "preview": {"excerpt": "All-in-one", "image": "https://crisp.chat/og.png", "embed": ""},
            "stamped": true
        }],
        "mentions": ["a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"],
        "read": "email",
        "delivered": "email",
        "ignored": {"email": {"type": "bounce", "reason": "mailbox_full"}},
        "edited": true,
        "translated": false,
        "automated": false,
        "stamped": true,
        "fingerprint": 1,
        "timestamp": 2,
        "references": [{"type": "url", "name": "Pricing", "target": "https://crisp.chat/pricing"}],
        "original": {"original_id": "0ae6f9a1"},
        "properties": {"priority": 3, "vip": true}
    });
    let message: Message = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(message.session_id, Some(SessionId::from("session_1")));
    assert_eq!(message.website_id, Some(WebsiteId::from("website_1")));
    assert_eq!(message.origin, Some(Origin::Email));
    assert_eq!(
        message.preview[0].preview.as_ref().and_then(|p| p.excerpt.as_deref()),
        Some("All-in-one")
    );
    assert_eq!(message.mentions, ["a4c2f4a1-7e8c-4d04-9d38-7c2d4e7d9b5a"]);
    assert_eq!(message.ignored["email"].reason.as_deref(), Some("mailbox_full"));
    assert_eq!(message.edited, Some(true));
    assert_eq!(message.references[0].kind.as_deref(), Some("url"));
    assert_eq!(
        message.original.as_ref().and_then(|o| o.original_id.as_deref()),
        Some("0ae6f9a1")
    );
    assert_eq!(message.properties["priority"], 3);
    assert_eq!(serde_json::to_value(&message).unwrap(), raw);
}

#[test]
fn webhook_message_send_data_is_a_message() {
    let webhook = fixture(include_str!("fixtures/webhook_message_send.json"));
    let data = webhook["data"].clone();
    let message: Message = serde_json::from_value(data.clone()).unwrap();
    assert_eq!(
        message.website_id,
        Some(WebsiteId::from("42286ab3-b29a-4fde-8538-da0ae501d825"))
    );
    assert_eq!(
        message.session_id,
        Some(SessionId::from("session_36ba3566-9651-4790-afc8-ffedbccc317f"))
    );
    assert_eq!(message.content, MessageContent::Text("Hey :)".to_owned()));
    assert_eq!(message.from, Some(MessageFrom::User));
    assert_eq!(message.origin, Some(Origin::Chat));
    assert_eq!(message.stamped, Some(true));
    assert_eq!(message.timestamp, Some(Timestamp::from_millis(1506985696616)));
    assert_eq!(message.fingerprint, Some(Fingerprint(150698569649423)));
    let user = message.user.clone().unwrap();
    assert_eq!(user.nickname.as_deref(), Some("visitor493603"));
    assert_eq!(
        user.user_id.as_deref(),
        Some("session_36ba3566-9651-4790-afc8-ffedbccc317f")
    );
    assert_eq!(serde_json::to_value(&message).unwrap(), data);
}

#[test]
fn send_text_fixture_round_trips() {
    let raw = fixture(include_str!("fixtures/request_send_message_text.json"));
    let body: NewMessage = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(body, NewMessage::text(MessageFrom::Operator, "Hey there! Need help?"));
    assert_eq!(serde_json::to_value(&body).unwrap(), raw);
}

#[test]
fn send_picker_fixture_round_trips() {
    let raw = fixture(include_str!("fixtures/request_send_message_picker.json"));
    let body: NewMessage = serde_json::from_value(raw.clone()).unwrap();
    let built = NewMessage::new(
        MessageFrom::Operator,
        PickerContent::new(
            "routing",
            "What is your question about?",
            [PickerChoice::new("sales", "Sales"), PickerChoice::new("tech", "Tech")],
        )
        .into(),
    )
    .user(MessageUser::nickname_only("My Custom Bot"));
    assert_eq!(body, built);
    assert_eq!(serde_json::to_value(&body).unwrap(), raw);
    assert_eq!(serde_json::to_value(&built).unwrap(), raw);
}

#[test]
fn new_message_builder_sets_every_option() {
    let body = NewMessage::note(MessageFrom::Operator, "Check @John")
        .origin("urn:crisp.im:slack:0")
        .fingerprint(42)
        .timestamp(Timestamp::from_millis(1_700_000_000_000))
        .stealth(true)
        .translated(false)
        .automated(true)
        .mentions(["user_1"])
        .user(
            MessageUser::new()
                .kind("website")
                .user_id("user_1")
                .nickname("Bot")
                .avatar("https://a"),
        );
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({
            "type": "note",
            "content": "Check @John",
            "from": "operator",
            "origin": "urn:crisp.im:slack:0",
            "fingerprint": 42,
            "timestamp": 1_700_000_000_000u64,
            "stealth": true,
            "translated": false,
            "automated": true,
            "mentions": ["user_1"],
            "user": {"type": "website", "user_id": "user_1", "nickname": "Bot", "avatar": "https://a"}
        })
    );
}

#[test]
fn new_message_of_every_typed_content_encodes_type_and_content() {
    let cases: Vec<(MessageContent, Value)> = vec![
        (
            FileContent::new("a.png", "https://x/a.png", "image/png").into(),
            json!({"type": "file", "content": {"name": "a.png", "url": "https://x/a.png", "type": "image/png"}}),
        ),
        (
            AnimationContent::new("https://x/a.gif", "image/gif").into(),
            json!({"type": "animation", "content": {"url": "https://x/a.gif", "type": "image/gif"}}),
        ),
        (
            AudioContent::new("https://x/a.webm", "audio/webm", 3).into(),
            json!({"type": "audio", "content": {"url": "https://x/a.webm", "type": "audio/webm", "duration": 3}}),
        ),
        (
            FieldContent::new("f", "Q?", "A").into(),
            json!({"type": "field", "content": {"id": "f", "text": "Q?", "explain": "A"}}),
        ),
        (
            EventContent::new("ns", "t").into(),
            json!({"type": "event", "content": {"namespace": "ns", "text": "t"}}),
        ),
    ];
    for (content, expected) in cases {
        let body = NewMessage::new(MessageFrom::User, content.clone());
        let mut value = serde_json::to_value(&body).unwrap();
        assert_eq!(value["from"], "user");
        assert_eq!(value["origin"], "chat");
        let object = value.as_object_mut().unwrap();
        object.remove("from");
        object.remove("origin");
        assert_eq!(value, expected);
        let back: NewMessage = serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
        assert_eq!(back.content, content);
    }
}

#[test]
fn mark_messages_fixture_accepts_numeric_string_fingerprints() {
    let raw = fixture(include_str!("fixtures/request_mark_messages_read.json"));
    let body: MessagesMark = serde_json::from_value(raw).unwrap();
    assert_eq!(
        body,
        MessagesMark::new(MessageFrom::Operator, [Fingerprint(5719231201)]).origin("urn:crisp.im:slack:0")
    );
    // Fingerprints are normalised to numbers on the way out.
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"from": "operator", "origin": "urn:crisp.im:slack:0", "fingerprints": [5719231201i64]})
    );
    let again: MessagesMark = serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
    assert_eq!(again, body);
}

#[test]
fn message_dispatched_response() {
    let dispatched: MessageDispatched = serde_json::from_str(r#"{"fingerprint":163408710800553}"#).unwrap();
    assert_eq!(dispatched.fingerprint, Some(Fingerprint(163408710800553)));
    let empty: MessageDispatched = serde_json::from_str("{}").unwrap();
    assert_eq!(empty.fingerprint, None);
}

#[test]
fn picker_choice_builder() {
    let choice = PickerChoice::new("a", "A").icon("⭐").action(PickerAction {
        kind: Some("link".into()),
        target: Some("https://x".into()),
    });
    assert_eq!(
        serde_json::to_value(&choice).unwrap(),
        json!({"value": "a", "icon": "⭐", "label": "A", "selected": false, "action": {"type": "link", "target": "https://x"}})
    );
}
