//! Wire tests of `website.conversation`, the messages of a conversation:
//! list, send, get, update, remove, compose, read / delivered / unread marks,
//! and original messages.

use crate::common::wire::assert_wire;
use crate::common::{fake_and_client, single_request};
use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error};
use crisp_transport::Tier;
use crisp_types::conversation::ConversationState;
use crisp_types::message::{
    FileContent, Message, MessageCompose, MessageContent, MessageFrom, MessageUpdate, MessageUser, MessagesMark,
    NewMessage, Origin,
};
use crisp_types::{Fingerprint, JsonMap, OriginalId, SessionId, Timestamp, WebsiteId};
use serde_json::json;

/// A session id the fake does not know.
const UNKNOWN_SESSION: &str = "session_00000000-0000-0000-0000-000000000000";

/// A fake with one empty conversation, a client of `tier`, requests cleared.
async fn with_conversation(tier: Tier) -> (FakeCrisp, Client, WebsiteId, SessionId) {
    let (fake, client) = fake_and_client(tier).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();
    (fake, client, website, session)
}

/// `error` is Crisp's `status` error with this `reason`.
fn assert_api_error(error: &Error, status: u16, reason: &str) {
    assert!(matches!(error, Error::Api(_)), "an API error, got {error:?}");
    assert_eq!(error.status().map(|status| status.as_u16()), Some(status), "{error:?}");
    assert_eq!(error.reason(), Some(reason), "{error:?}");
}

/// The text of the messages, in order.
fn texts(messages: &[Message]) -> Vec<&str> {
    messages
        .iter()
        .filter_map(|message| message.content.as_text())
        .collect()
}

/// Reads one message back (not recorded: the requests are cleared after).
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test helper: a failed step must stop the test"
)]
async fn message_of(
    fake: &FakeCrisp,
    client: &Client,
    website: &WebsiteId,
    session: &SessionId,
    fp: Fingerprint,
) -> Message {
    let message = client
        .website()
        .get_message_in_conversation(website, session, fp)
        .await
        .unwrap();
    fake.clear_requests();
    message
}

#[tokio::test]
async fn get_messages_in_conversation_without_options_is_the_last_page() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let first = fake.add_visitor_message(&website, &session, "Hello?");
    let second = fake.add_visitor_message(&website, &session, "Anyone there?");
    fake.clear_requests();

    let messages = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_messages_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(texts(&messages), ["Hello?", "Anyone there?"]);
    assert_eq!(messages[0].fingerprint, Some(first));
    assert_eq!(messages[1].fingerprint, Some(second));
    assert_eq!(messages[0].from, Some(MessageFrom::User));
    assert_eq!(messages[0].origin, Some(Origin::Chat));
    assert_eq!(messages[0].session_id.as_ref(), Some(&session));
    assert_eq!(messages[0].website_id.as_ref(), Some(&website));
    assert!(messages[0].timestamp < messages[1].timestamp);
}

#[tokio::test]
async fn get_messages_in_conversation_sends_every_timestamp_in_order() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    fake.add_visitor_message(&website, &session, "Hello?");

    let messages = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .timestamp_before(Timestamp::from_millis(4_102_444_800_000))
        .timestamp_after(Timestamp::from_millis(1_700_000_000_000))
        .timestamp_around(Timestamp::from_millis(1_763_700_000_000))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_messages_in_conversation",
        &[website.as_str(), session.as_str()],
        &[
            ("timestamp_before", "4102444800000"),
            ("timestamp_after", "1700000000000"),
            ("timestamp_around", "1763700000000"),
        ],
        None,
    );
    assert_eq!(texts(&messages), ["Hello?"]);
}

#[tokio::test]
async fn get_messages_in_conversation_pages_by_timestamp() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    for text in ["one", "two", "three"] {
        fake.add_visitor_message(&website, &session, text);
    }
    let all = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .await
        .unwrap();
    let third = all[2].timestamp.expect("a timestamp");
    let first = all[0].timestamp.expect("a timestamp");
    fake.clear_requests();

    let before = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .timestamp_before(third)
        .await
        .unwrap();
    let third_millis = third.as_millis().to_string();
    let query = [("timestamp_before", third_millis.as_str())];
    assert_wire(
        &fake,
        "get_messages_in_conversation",
        &[website.as_str(), session.as_str()],
        &query,
        None,
    );
    assert_eq!(texts(&before), ["one", "two"]);

    let after = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .timestamp_after(first)
        .await
        .unwrap();
    let first_millis = first.as_millis().to_string();
    let query = [("timestamp_after", first_millis.as_str())];
    assert_wire(
        &fake,
        "get_messages_in_conversation",
        &[website.as_str(), session.as_str()],
        &query,
        None,
    );
    assert_eq!(texts(&after), ["two", "three"]);
}

#[tokio::test]
async fn send_message_in_conversation_sends_every_field_set() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let mut properties = JsonMap::new();
    properties.insert("ticket".to_owned(), json!("T-1234"));
    let message = NewMessage::text(MessageFrom::Operator, "Your parcel left our warehouse.")
        .origin("urn:crisp.im:slack:0")
        .user(
            MessageUser::new()
                .kind("participant")
                .nickname("Jane")
                .avatar("https://example.com/jane.png"),
        )
        .properties(properties)
        .stealth(false)
        .automated(true)
        .mentions(["aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"]);

    let dispatched = client
        .website()
        .send_message_in_conversation(&website, &session, message)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "send_message_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({
            "type": "text",
            "from": "operator",
            "origin": "urn:crisp.im:slack:0",
            "content": "Your parcel left our warehouse.",
            "user": {"type": "participant", "nickname": "Jane", "avatar": "https://example.com/jane.png"},
            "properties": {"ticket": "T-1234"},
            "stealth": false,
            "automated": true,
            "mentions": ["aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"],
        })),
    );
    let fingerprint = dispatched.fingerprint.expect("a fingerprint");

    let sent = message_of(&fake, &client, &website, &session, fingerprint).await;
    assert_eq!(sent.content.as_text(), Some("Your parcel left our warehouse."));
    assert_eq!(sent.from, Some(MessageFrom::Operator));
    assert_eq!(sent.origin, Some(Origin::urn("urn:crisp.im:slack:0")));
    assert_eq!(sent.user.and_then(|user| user.nickname).as_deref(), Some("Jane"));
    assert_eq!(sent.properties.get("ticket"), Some(&json!("T-1234")));
    assert_eq!(sent.automated, Some(true));
    // An operator reply takes a pending conversation to unresolved.
    let state = client
        .website()
        .get_conversation_state(&website, &session)
        .await
        .unwrap();
    assert_eq!(state.state, Some(ConversationState::Unresolved));
}

#[tokio::test]
async fn send_message_in_conversation_keeps_a_chosen_fingerprint_and_a_file() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let file = FileContent::new("invoice.pdf", "https://example.com/invoice.pdf", "application/pdf");
    let message = NewMessage::new(MessageFrom::Operator, file.clone().into()).fingerprint(Fingerprint(424_242));

    let dispatched = client
        .website()
        .send_message_in_conversation(&website, &session, message)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "send_message_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({
            "type": "file",
            "from": "operator",
            "origin": "chat",
            "content": {"name": "invoice.pdf", "url": "https://example.com/invoice.pdf", "type": "application/pdf"},
            "fingerprint": 424_242,
        })),
    );
    assert_eq!(dispatched.fingerprint, Some(Fingerprint(424_242)));
    let sent = message_of(&fake, &client, &website, &session, Fingerprint(424_242)).await;
    assert_eq!(sent.content, MessageContent::File(file));
}

#[tokio::test]
async fn get_message_in_conversation_puts_the_fingerprint_in_the_path_as_a_number() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let fingerprint = fake.add_visitor_message(&website, &session, "Is shipping free?");
    fake.clear_requests();

    let message = client
        .website()
        .get_message_in_conversation(&website, &session, fingerprint)
        .await
        .unwrap();
    let last_segment = single_request(&fake).path.rsplit('/').next().map(str::to_owned);
    assert_eq!(
        last_segment.and_then(|segment| segment.parse::<i64>().ok()),
        Some(fingerprint.get())
    );
    let fingerprint_text = fingerprint.to_string();
    assert_wire(
        &fake,
        "get_message_in_conversation",
        &[website.as_str(), session.as_str(), &fingerprint_text],
        &[],
        None,
    );
    assert_eq!(message.fingerprint, Some(fingerprint));
    assert_eq!(message.content, MessageContent::text("Is shipping free?"));
    assert_eq!(message.from, Some(MessageFrom::User));
    assert_eq!(message.edited, Some(false));
    assert_eq!(message.read.as_deref(), Some(""));
}

#[tokio::test]
async fn get_message_in_conversation_of_an_unknown_fingerprint_is_message_not_found() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let fingerprint = Fingerprint(150_698_569_649_423);

    let error = client
        .website()
        .get_message_in_conversation(&website, &session, fingerprint)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "get_message_in_conversation",
        &[website.as_str(), session.as_str(), "150698569649423"],
        &[],
        None,
    );
    assert_api_error(&error, 404, "message_not_found");
}

#[tokio::test]
async fn update_message_in_conversation_replaces_the_content() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let fingerprint = fake.add_visitor_message(&website, &session, "Helo");
    fake.clear_requests();

    let update = MessageUpdate::text("Hello (edited)");
    client
        .website()
        .update_message_in_conversation(&website, &session, fingerprint, update)
        .await
        .unwrap();
    let fingerprint_text = fingerprint.to_string();
    assert_wire(
        &fake,
        "update_message_in_conversation",
        &[website.as_str(), session.as_str(), &fingerprint_text],
        &[],
        Some(json!({"content": "Hello (edited)"})),
    );

    let edited = message_of(&fake, &client, &website, &session, fingerprint).await;
    assert_eq!(edited.content.as_text(), Some("Hello (edited)"));
    assert_eq!(edited.edited, Some(true));
}

#[tokio::test]
async fn update_message_in_conversation_sends_an_object_for_typed_content() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let old = FileContent::new("draft.pdf", "https://example.com/draft.pdf", "application/pdf");
    let sent = NewMessage::new(MessageFrom::Operator, old.into());
    let fingerprint = client
        .website()
        .send_message_in_conversation(&website, &session, sent)
        .await
        .unwrap()
        .fingerprint
        .expect("a fingerprint");
    fake.clear_requests();

    let new = FileContent::new("final.pdf", "https://example.com/final.pdf", "application/pdf");
    client
        .website()
        .update_message_in_conversation(&website, &session, fingerprint, MessageUpdate::new(new.clone()))
        .await
        .unwrap();
    let fingerprint_text = fingerprint.to_string();
    assert_wire(
        &fake,
        "update_message_in_conversation",
        &[website.as_str(), session.as_str(), &fingerprint_text],
        &[],
        Some(
            json!({"content": {"name": "final.pdf", "url": "https://example.com/final.pdf", "type": "application/pdf"}}),
        ),
    );
    let edited = message_of(&fake, &client, &website, &session, fingerprint).await;
    assert_eq!(edited.content, MessageContent::File(new));
}

#[tokio::test]
async fn remove_message_in_conversation_deletes_the_message() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let kept = fake.add_visitor_message(&website, &session, "Keep me");
    let removed = fake.add_visitor_message(&website, &session, "Oops, wrong chat");
    fake.clear_requests();

    client
        .website()
        .remove_message_in_conversation(&website, &session, removed)
        .await
        .unwrap();
    let removed_text = removed.to_string();
    assert_wire(
        &fake,
        "remove_message_in_conversation",
        &[website.as_str(), session.as_str(), &removed_text],
        &[],
        None,
    );

    let error = client
        .website()
        .get_message_in_conversation(&website, &session, removed)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "message_not_found");
    let messages = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(texts(&messages), ["Keep me"]);
    assert_eq!(messages[0].fingerprint, Some(kept));
}

#[tokio::test]
async fn compose_message_in_conversation_starts_and_stops_typing() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let start = MessageCompose::start(MessageFrom::Operator)
        .excerpt("Let me check your ord")
        .stealth(false)
        .automated(true);

    client
        .website()
        .compose_message_in_conversation(&website, &session, start)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "compose_message_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({
            "type": "start",
            "from": "operator",
            "excerpt": "Let me check your ord",
            "stealth": false,
            "automated": true,
        })),
    );
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    let typing = conversation
        .compose
        .and_then(|compose| compose.operator)
        .expect("an operator is typing");
    assert_eq!(typing.kind.as_deref(), Some("start"));
    assert_eq!(typing.excerpt.as_deref(), Some("Let me check your ord"));
    assert_eq!(typing.automated, Some(true));
    fake.clear_requests();

    let stop = MessageCompose::stop(MessageFrom::Operator);
    client
        .website()
        .compose_message_in_conversation(&website, &session, stop)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "compose_message_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"type": "stop", "from": "operator"})),
    );
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.compose.and_then(|compose| compose.operator), None);
}

#[tokio::test]
async fn mark_messages_read_in_conversation_marks_them_and_clears_unread() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let fingerprint = fake.add_visitor_message(&website, &session, "Ping");
    fake.clear_requests();

    let mark = MessagesMark::new(MessageFrom::User, [fingerprint]).origin(Origin::Chat);
    client
        .website()
        .mark_messages_read_in_conversation(&website, &session, mark)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "mark_messages_read_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"from": "user", "origin": "chat", "fingerprints": [fingerprint.get()]})),
    );

    let read = message_of(&fake, &client, &website, &session, fingerprint).await;
    assert_eq!(read.read.as_deref(), Some("chat"));
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.unread.and_then(|unread| unread.operator), Some(0));
}

#[tokio::test]
async fn mark_messages_delivered_in_conversation_marks_them() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let fingerprint = fake.add_visitor_message(&website, &session, "Ping");
    fake.clear_requests();

    let mark = MessagesMark::new(MessageFrom::User, [fingerprint]).origin(Origin::Email);
    client
        .website()
        .mark_messages_delivered_in_conversation(&website, &session, mark)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "mark_messages_delivered_in_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"from": "user", "origin": "email", "fingerprints": [fingerprint.get()]})),
    );

    let delivered = message_of(&fake, &client, &website, &session, fingerprint).await;
    assert_eq!(delivered.delivered.as_deref(), Some("email"));
    assert_eq!(delivered.read.as_deref(), Some(""), "delivered is not read");
}

#[tokio::test]
async fn mark_conversation_as_unread_sets_the_unread_counter() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    client
        .website()
        .mark_conversation_as_unread(&website, &session, MessageFrom::Operator)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "mark_conversation_as_unread",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"from": "operator"})),
    );
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.unread.and_then(|unread| unread.operator), Some(1));
}

#[tokio::test]
async fn get_original_message_in_conversation_decodes_the_original() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let original_id = OriginalId::new(fake.add_original_message(&website, &session, "<p>Hello from email</p>"));
    fake.clear_requests();

    let original = client
        .website()
        .get_original_message_in_conversation(&website, &session, &original_id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_original_message_in_conversation",
        &[website.as_str(), session.as_str(), original_id.as_str()],
        &[],
        None,
    );
    assert_eq!(original.original_id.as_ref(), Some(&original_id));
    assert_eq!(original.website_id.as_ref(), Some(&website));
    assert_eq!(original.session_id.as_ref(), Some(&session));
    assert_eq!(original.kind.as_deref(), Some("email"));
    assert_eq!(original.content.as_deref(), Some("<p>Hello from email</p>"));
    let headers = original.headers.expect("headers");
    assert_eq!(headers.get("Content-Type"), Some(&json!("text/html; charset=utf-8")));
    assert!(original.timestamp.is_some());
}

#[tokio::test]
async fn get_original_message_in_conversation_of_an_unknown_id_is_original_not_found() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let unknown = OriginalId::new("6b2a0b4e-0000-4000-8000-000000000000");

    let error = client
        .website()
        .get_original_message_in_conversation(&website, &session, &unknown)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "get_original_message_in_conversation",
        &[website.as_str(), session.as_str(), unknown.as_str()],
        &[],
        None,
    );
    assert_api_error(&error, 404, "original_not_found");
}

#[tokio::test]
async fn sending_to_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::Plugin).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let message = NewMessage::note(MessageFrom::Operator, "internal note");
    let error = client
        .website()
        .send_message_in_conversation(&website, &missing, message)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "send_message_in_conversation",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        Some(json!({"type": "note", "from": "operator", "origin": "chat", "content": "internal note"})),
    );
    assert_api_error(&error, 404, "session_not_found");
}
