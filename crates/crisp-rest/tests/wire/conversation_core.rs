//! Wire tests of `website.conversation`, the conversation itself: create,
//! check if it exists, get, remove, and initiate with an existing session.

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;
use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error};
use crisp_transport::Tier;
use crisp_types::conversation::{Availability, ConversationState};
use crisp_types::message::{MessageFrom, MessageKind};
use crisp_types::{SessionId, WebsiteId};
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
async fn create_new_conversation_posts_an_empty_object_and_returns_a_live_session() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let created = client.website().create_new_conversation(&website).await.unwrap();
    assert_wire(
        &fake,
        "create_new_conversation",
        &[website.as_str()],
        &[],
        Some(json!({})),
    );
    let session = created.session_id.expect("a session id");
    assert!(session.as_str().starts_with("session_"), "{session}");

    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.session_id, session);
    assert_eq!(conversation.website_id, website);
    assert_eq!(conversation.state, Some(ConversationState::Pending));
}

#[tokio::test]
async fn create_new_conversation_twice_gives_two_sessions() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let first = client.website().create_new_conversation(&website).await.unwrap();
    let second = client.website().create_new_conversation(&website).await.unwrap();
    assert_ne!(first.session_id, second.session_id);
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn check_conversation_exists_sends_head_and_answers_true_then_false() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let exists = client
        .website()
        .check_conversation_exists(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "check_conversation_exists",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert!(exists);

    let missing = SessionId::new(UNKNOWN_SESSION);
    let exists = client
        .website()
        .check_conversation_exists(&website, &missing)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "check_conversation_exists",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        None,
    );
    assert!(!exists, "a 404 answers false, not an error");
}

#[tokio::test]
async fn get_conversation_decodes_the_conversation() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let fingerprint = fake.add_visitor_message(&website, &session, "Where is my parcel?");
    fake.clear_requests();

    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_wire(
        &fake,
        "get_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(conversation.session_id, session);
    assert_eq!(conversation.website_id, website);
    assert_eq!(conversation.state, Some(ConversationState::Pending));
    assert_eq!(conversation.status, Some(0));
    assert_eq!(conversation.is_blocked, Some(false));
    assert_eq!(conversation.is_verified, Some(false));
    assert_eq!(conversation.availability, Some(Availability::Offline));
    assert_eq!(conversation.last_message.as_deref(), Some("Where is my parcel?"));
    let preview = conversation.preview_message.expect("a preview of the last message");
    assert_eq!(preview.kind, Some(MessageKind::Text));
    assert_eq!(preview.from, Some(MessageFrom::User));
    assert_eq!(preview.fingerprint, Some(fingerprint));
    assert_eq!(conversation.unread.and_then(|unread| unread.operator), Some(1));
    assert!(conversation.waiting_since.is_some(), "the visitor waits for a reply");
    let meta = conversation.meta.expect("metas");
    assert_eq!(meta.nickname.as_deref(), Some("Visitor 1"));
    assert!(conversation.created_at.is_some() && conversation.updated_at >= conversation.created_at);
}

#[tokio::test]
async fn get_conversation_of_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::Plugin).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let error = client.website().get_conversation(&website, &missing).await.unwrap_err();
    assert_wire(
        &fake,
        "get_conversation",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        None,
    );
    assert_api_error(&error, 404, "session_not_found");
    assert_eq!(error.as_api().map(|api| api.route()), Some("get_conversation"));
}

#[tokio::test]
async fn remove_conversation_deletes_it_for_good() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    fake.add_visitor_message(&website, &session, "Please forget me");
    fake.clear_requests();

    client.website().remove_conversation(&website, &session).await.unwrap();
    assert_wire(
        &fake,
        "remove_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );

    let exists = client
        .website()
        .check_conversation_exists(&website, &session)
        .await
        .unwrap();
    assert!(!exists);
    let error = client.website().get_conversation(&website, &session).await.unwrap_err();
    assert_api_error(&error, 404, "session_not_found");
    fake.clear_requests();

    // A second removal finds nothing.
    let error = client
        .website()
        .remove_conversation(&website, &session)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "remove_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_api_error(&error, 404, "session_not_found");
}

#[tokio::test]
async fn remove_conversation_leaves_the_other_conversations() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let other = fake.add_conversation(&website);

    client.website().remove_conversation(&website, &session).await.unwrap();
    assert!(
        client
            .website()
            .check_conversation_exists(&website, &other)
            .await
            .unwrap()
    );
    assert!(
        !client
            .website()
            .check_conversation_exists(&website, &session)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn initiate_conversation_with_existing_session_posts_an_empty_object() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let () = client
        .website()
        .initiate_conversation_with_existing_session(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "initiate_conversation_with_existing_session",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({})),
    );
    // The conversation is still there, untouched.
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.state, Some(ConversationState::Pending));
}

#[tokio::test]
async fn initiate_conversation_with_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::User).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let error = client
        .website()
        .initiate_conversation_with_existing_session(&website, &missing)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "initiate_conversation_with_existing_session",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        Some(json!({})),
    );
    assert_api_error(&error, 404, "session_not_found");
}

#[tokio::test]
async fn an_unknown_website_is_website_not_found() {
    let (fake, client, _website, session) = with_conversation(Tier::Plugin).await;
    let unknown = WebsiteId::new("00000000-0000-0000-0000-000000000000");

    let error = client.website().get_conversation(&unknown, &session).await.unwrap_err();
    assert_wire(
        &fake,
        "get_conversation",
        &[unknown.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_api_error(&error, 404, "website_not_found");
}
