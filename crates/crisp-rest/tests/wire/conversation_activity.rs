//! Wire tests of `website.conversation`, what happened in a conversation:
//! browsed pages, events, shared files, relations and participants.

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;
use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::conversation::{ConversationParticipant, ConversationParticipantsSave, ConversationState};
use crisp_types::message::{FileContent, MessageFrom, MessageUser, NewMessage};
use crisp_types::{SessionId, WebsiteId};
use futures_util::TryStreamExt;
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

#[tokio::test]
async fn list_conversation_pages_lists_the_newest_first() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    fake.add_conversation_page(&website, &session, "https://shop.example.com/", "Shop");
    fake.add_conversation_page(&website, &session, "https://shop.example.com/cart", "Your cart");
    fake.clear_requests();

    let pages = client
        .website()
        .list_conversation_pages(&website, &session, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversation_pages",
        &[website.as_str(), session.as_str(), "1"],
        &[],
        None,
    );
    let urls: Vec<_> = pages.iter().map(|page| page.page_url.as_deref()).collect();
    assert_eq!(
        urls,
        [Some("https://shop.example.com/cart"), Some("https://shop.example.com/")]
    );
    assert_eq!(pages[0].page_title.as_deref(), Some("Your cart"));
    assert_eq!(pages[0].page_referrer.as_deref(), Some(""));
    assert!(pages[0].timestamp > pages[1].timestamp);

    let empty = client
        .website()
        .list_conversation_pages(&website, &session, 2)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversation_pages",
        &[website.as_str(), session.as_str(), "2"],
        &[],
        None,
    );
    assert!(empty.is_empty());
}

#[tokio::test]
async fn list_conversation_pages_streams_over_pages() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    for index in 0..25 {
        let url = format!("https://shop.example.com/item/{index}");
        fake.add_conversation_page(&website, &session, &url, "Item");
    }
    fake.clear_requests();

    let pages: Vec<_> = client
        .website()
        .list_conversation_pages(&website, &session, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 25);
    assert_eq!(pages[0].page_url.as_deref(), Some("https://shop.example.com/item/24"));
    assert_eq!(pages[24].page_url.as_deref(), Some("https://shop.example.com/item/0"));
    let numbers: Vec<String> = fake
        .requests()
        .iter()
        .filter_map(|request| request.path.rsplit('/').next().map(str::to_owned))
        .collect();
    assert_eq!(numbers, ["1", "2", "3"], "two pages, then an empty one ends the stream");
}

#[tokio::test]
async fn list_conversation_events_lists_seeded_and_state_events() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    fake.add_conversation_event(&website, &session, "Order shipped", json!({"order": "A-1001"}));
    client
        .website()
        .change_conversation_state(&website, &session, ConversationState::Resolved)
        .await
        .unwrap();
    fake.clear_requests();

    let events = client
        .website()
        .list_conversation_events(&website, &session, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversation_events",
        &[website.as_str(), session.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(events.len(), 2, "{events:?}");
    let shipped = &events[1];
    assert_eq!(shipped.text.as_deref(), Some("Order shipped"));
    assert_eq!(shipped.color.as_deref(), Some("blue"));
    assert_eq!(
        shipped.data.as_ref().and_then(|data| data.get("order")),
        Some(&json!("A-1001"))
    );
    assert!(shipped.timestamp.is_some());
    let resolved = &events[0];
    assert_eq!(
        resolved.data.as_ref().and_then(|data| data.get("state")),
        Some(&json!("resolved"))
    );
}

#[tokio::test]
async fn list_conversation_files_lists_file_messages() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    fake.add_visitor_message(&website, &session, "Here is the photo");
    let file = FileContent::new("parcel.png", "https://files.example.com/parcel.png", "image/png");
    let message = NewMessage::new(MessageFrom::Operator, file.into());
    let fingerprint = client
        .website()
        .send_message_in_conversation(&website, &session, message)
        .await
        .unwrap()
        .fingerprint;
    fake.clear_requests();

    let files = client
        .website()
        .list_conversation_files(&website, &session, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversation_files",
        &[website.as_str(), session.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name.as_deref(), Some("parcel.png"));
    assert_eq!(files[0].kind.as_deref(), Some("image/png"));
    assert_eq!(files[0].url.as_deref(), Some("https://files.example.com/parcel.png"));
    assert_eq!(files[0].fingerprint, fingerprint);
    assert!(files[0].timestamp.is_some());
}

#[tokio::test]
async fn list_conversation_files_of_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::User).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let error = client
        .website()
        .list_conversation_files(&website, &missing, 3)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "list_conversation_files",
        &[website.as_str(), UNKNOWN_SESSION, "3"],
        &[],
        None,
    );
    assert_api_error(&error, 404, "session_not_found");
}

#[tokio::test]
async fn get_conversation_relations_has_no_parent_nor_children() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let relations = client
        .website()
        .get_conversation_relations(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_relations",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    let conversations = relations.conversations.expect("the relations object");
    assert_eq!(conversations.parent, None);
    assert!(conversations.children.is_empty());
}

#[tokio::test]
async fn get_conversation_participants_is_empty_at_first() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    let participants = client
        .website()
        .get_conversation_participants(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_participants",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert!(participants.participants.is_empty());
}

#[tokio::test]
async fn save_conversation_participants_replaces_them() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let save = ConversationParticipantsSave::new([
        ConversationParticipant::new("email", "cc@acme.com"),
        ConversationParticipant::new("email", "boss@acme.com"),
    ])
    .user(MessageUser::new().kind("website").nickname("Jane"))
    .origin("email");

    client
        .website()
        .save_conversation_participants(&website, &session, save)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_conversation_participants",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({
            "participants": [
                {"type": "email", "target": "cc@acme.com"},
                {"type": "email", "target": "boss@acme.com"},
            ],
            "user": {"type": "website", "nickname": "Jane"},
            "origin": "email",
        })),
    );
    let saved = client
        .website()
        .get_conversation_participants(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_participants",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(
        saved.participants,
        [
            ConversationParticipant::new("email", "cc@acme.com"),
            ConversationParticipant::new("email", "boss@acme.com"),
        ]
    );

    // Saving again replaces the whole list.
    let save = ConversationParticipantsSave::new([ConversationParticipant::new("email", "only@acme.com")]);
    client
        .website()
        .save_conversation_participants(&website, &session, save)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_conversation_participants",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"participants": [{"type": "email", "target": "only@acme.com"}]})),
    );
    let saved = client
        .website()
        .get_conversation_participants(&website, &session)
        .await
        .unwrap();
    assert_eq!(
        saved.participants,
        [ConversationParticipant::new("email", "only@acme.com")]
    );
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.participants, saved.participants);
}
