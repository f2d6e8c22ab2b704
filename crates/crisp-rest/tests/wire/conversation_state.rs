//! Wire tests of `website.conversation`, the settings of a conversation:
//! routing, inbox, metas, state, open state and block status.

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;
use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error};
use crisp_transport::Tier;
use crisp_types::conversation::{
    ConversationMetaUpdate, ConversationRoutingUpdate, ConversationState, MetaDevice, MetaGeolocation,
};
use crisp_types::message::{MessageUser, Origin};
use crisp_types::{InboxId, JsonMap, SessionId, UserId, WebsiteId};
use serde_json::json;

/// A session id the fake does not know.
const UNKNOWN_SESSION: &str = "session_00000000-0000-0000-0000-000000000000";

/// An operator's user id.
const OPERATOR: &str = "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b";

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

/// The operator credited with changes in these tests.
fn operator() -> MessageUser {
    MessageUser::new().kind("website").user_id(OPERATOR).nickname("Jane")
}

/// The wire form of [`operator`].
fn operator_json() -> serde_json::Value {
    json!({"type": "website", "user_id": OPERATOR, "nickname": "Jane"})
}

#[tokio::test]
async fn get_conversation_routing_assign_is_unassigned_at_first() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let routing = client
        .website()
        .get_conversation_routing_assign(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_routing_assign",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(routing.assigned, None);
}

#[tokio::test]
async fn assign_conversation_routing_assigns_then_unassigns() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let assign = ConversationRoutingUpdate::assign(UserId::new(OPERATOR)).silent(true);
    client
        .website()
        .assign_conversation_routing(&website, &session, assign)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "assign_conversation_routing",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"assigned": {"user_id": OPERATOR}, "silent": true})),
    );
    let routing = client
        .website()
        .get_conversation_routing_assign(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_routing_assign",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    let assigned = routing.assigned.and_then(|assigned| assigned.user_id);
    assert_eq!(assigned, Some(UserId::new(OPERATOR)));
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(
        conversation.assigned.and_then(|a| a.user_id),
        Some(UserId::new(OPERATOR))
    );
    fake.clear_requests();

    client
        .website()
        .assign_conversation_routing(&website, &session, ConversationRoutingUpdate::unassign())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "assign_conversation_routing",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"assigned": null})),
    );
    let routing = client
        .website()
        .get_conversation_routing_assign(&website, &session)
        .await
        .unwrap();
    assert_eq!(routing.assigned, None);
}

#[tokio::test]
async fn update_conversation_inbox_moves_it_and_back() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let inbox = InboxId::new("5a1c37c2-8d0b-4e3f-9f5e-0c4a2c7b1e11");

    client
        .website()
        .update_conversation_inbox(&website, &session, Some(inbox.clone()))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_conversation_inbox",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"inbox_id": inbox.as_str()})),
    );
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.inbox_id, Some(inbox));
    fake.clear_requests();

    client
        .website()
        .update_conversation_inbox(&website, &session, None)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_conversation_inbox",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"inbox_id": null})),
    );
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.inbox_id, None);
}

#[tokio::test]
async fn get_conversation_metas_decodes_the_seeded_metas() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    let metas = client
        .website()
        .get_conversation_metas(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_metas",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(metas.nickname.as_deref(), Some("Visitor 1"));
    assert_eq!(metas.origin, Some(Origin::Chat));
    assert!(metas.segments.is_empty());
    assert!(metas.data.is_empty());
    assert_eq!(metas.email, None);
}

#[tokio::test]
async fn update_conversation_metas_sends_only_what_is_set() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let device = MetaDevice {
        geolocation: Some(MetaGeolocation {
            city: Some("Nantes".to_owned()),
            country: Some("FR".to_owned()),
            ..MetaGeolocation::default()
        }),
        timezone: Some(-60),
        locales: vec!["fr".to_owned()],
        ..MetaDevice::default()
    };
    let metas = ConversationMetaUpdate::new()
        .nickname("John Doe")
        .email("john.doe@acme-inc.com")
        .phone("+33 6 12 34 56 78")
        .address("1 rue de la Paix, Paris")
        .subject("Where is my parcel?")
        .avatar("https://example.com/john.png")
        .ip("203.0.113.7")
        .segments(["vip", "parcel"])
        .data_entry("order", "A-1001")
        .data_entry("paid", true)
        .device(device);

    client
        .website()
        .update_conversation_metas(&website, &session, metas)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_conversation_metas",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({
            "nickname": "John Doe",
            "email": "john.doe@acme-inc.com",
            "avatar": "https://example.com/john.png",
            "ip": "203.0.113.7",
            "phone": "+33 6 12 34 56 78",
            "address": "1 rue de la Paix, Paris",
            "subject": "Where is my parcel?",
            "segments": ["vip", "parcel"],
            "data": {"order": "A-1001", "paid": true},
            "device": {"geolocation": {"city": "Nantes", "country": "FR"}, "timezone": -60, "locales": ["fr"]},
        })),
    );

    let metas = client
        .website()
        .get_conversation_metas(&website, &session)
        .await
        .unwrap();
    assert_eq!(metas.nickname.as_deref(), Some("John Doe"));
    assert_eq!(metas.email.as_deref(), Some("john.doe@acme-inc.com"));
    assert_eq!(metas.phone.as_deref(), Some("+33 6 12 34 56 78"));
    assert_eq!(metas.subject.as_deref(), Some("Where is my parcel?"));
    assert_eq!(metas.ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(metas.segments, ["vip", "parcel"]);
    let mut data = JsonMap::new();
    data.insert("order".to_owned(), json!("A-1001"));
    data.insert("paid".to_owned(), json!(true));
    assert_eq!(metas.data, data);
    let device = metas.device.expect("a device");
    assert_eq!(device.timezone, Some(-60));
    assert_eq!(device.geolocation.and_then(|g| g.city).as_deref(), Some("Nantes"));
    // The origin was not sent, so it is unchanged.
    assert_eq!(metas.origin, Some(Origin::Chat));
}

#[tokio::test]
async fn get_conversation_state_is_pending_at_first() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let state = client
        .website()
        .get_conversation_state(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_state",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(state.state, Some(ConversationState::Pending));
}

#[tokio::test]
async fn change_conversation_state_sends_user_and_origin_and_reads_back() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    client
        .website()
        .change_conversation_state(&website, &session, ConversationState::Resolved)
        .user(operator())
        .origin("urn:crisp.im:slack:0")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "change_conversation_state",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"state": "resolved", "user": operator_json(), "origin": "urn:crisp.im:slack:0"})),
    );
    let state = client
        .website()
        .get_conversation_state(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_conversation_state",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(state.state, Some(ConversationState::Resolved));
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.state, Some(ConversationState::Resolved));
    assert_eq!(conversation.status, Some(2));
}

#[tokio::test]
async fn change_conversation_state_without_setters_sends_only_the_state() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    client
        .website()
        .change_conversation_state(&website, &session, ConversationState::Unresolved)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "change_conversation_state",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"state": "unresolved"})),
    );
    let state = client
        .website()
        .get_conversation_state(&website, &session)
        .await
        .unwrap();
    assert_eq!(state.state, Some(ConversationState::Unresolved));
}

#[tokio::test]
async fn change_conversation_state_of_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::Plugin).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let error = client
        .website()
        .change_conversation_state(&website, &missing, ConversationState::Resolved)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "change_conversation_state",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        Some(json!({"state": "resolved"})),
    );
    assert_api_error(&error, 404, "session_not_found");
}

#[tokio::test]
async fn update_conversation_open_state_sends_opened() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let () = client
        .website()
        .update_conversation_open_state(&website, &session, true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_conversation_open_state",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"opened": true})),
    );

    let () = client
        .website()
        .update_conversation_open_state(&website, &session, false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_conversation_open_state",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"opened": false})),
    );
}

#[tokio::test]
async fn get_block_status_for_conversation_is_unblocked_at_first() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    let block = client
        .website()
        .get_block_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_block_status_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(block.blocked, Some(false));
}

#[tokio::test]
async fn block_incoming_messages_for_conversation_blocks_then_unblocks() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    client
        .website()
        .block_incoming_messages_for_conversation(&website, &session, true)
        .user(operator())
        .origin(Origin::Chat)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "block_incoming_messages_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"blocked": true, "user": operator_json(), "origin": "chat"})),
    );
    let block = client
        .website()
        .get_block_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_block_status_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(block.blocked, Some(true));
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.is_blocked, Some(true));
    fake.clear_requests();

    client
        .website()
        .block_incoming_messages_for_conversation(&website, &session, false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "block_incoming_messages_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"blocked": false})),
    );
    let block = client
        .website()
        .get_block_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(block.blocked, Some(false));
}
