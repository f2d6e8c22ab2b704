//! Wire tests of the `website.batch` group: one change applied to many
//! conversations or profiles, each checked afterwards through the routes
//! that read it back.

use crisp_mock::FakeCrisp;
use crisp_rest::Client;
use crisp_transport::Tier;
use crisp_types::batch::{BatchConversations, BatchPeople};
use crisp_types::conversation::ConversationState;
use crisp_types::search::{SearchFilter, SearchOperator};
use crisp_types::{InboxId, JsonMap, PeopleId, SessionId, UserId, WebsiteId};
use serde_json::{Value, json};

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// An operator of the website.
const OPERATOR: &str = "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b";
/// An inbox of the website.
const INBOX: &str = "5b1d9c3e-7a2f-4e8b-9c61-2f0a7d4e8b13";

/// A JSON map from pairs.
fn map<const N: usize>(pairs: [(&str, Value); N]) -> JsonMap {
    pairs.into_iter().map(|(key, value)| (key.to_owned(), value)).collect()
}

/// A conversation with one unread visitor message.
fn seeded(fake: &FakeCrisp, website: &WebsiteId, text: &str) -> SessionId {
    let session = fake.add_conversation(website);
    fake.add_visitor_message(website, &session, text);
    session
}

/// A user-tier fake with two target conversations and a bystander, each
/// with one unread visitor message.
async fn conversations() -> (FakeCrisp, Client, WebsiteId, [SessionId; 2], SessionId) {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let targets = [
        seeded(&fake, &website, "First question"),
        seeded(&fake, &website, "Second question"),
    ];
    let bystander = seeded(&fake, &website, "Unrelated question");
    fake.clear_requests();
    (fake, client, website, targets, bystander)
}

/// The session ids as JSON strings.
fn ids(sessions: &[SessionId; 2]) -> Value {
    json!([sessions[0].as_str(), sessions[1].as_str()])
}

/// A user-tier fake with three profiles: two customers and one lead.
async fn profiles() -> (FakeCrisp, Client, WebsiteId, [PeopleId; 3]) {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let add =
        |email: &str, segment: &str| fake.add_people_profile(&website, json!({"email": email, "segments": [segment]}));
    let people = [
        add("ann@example.com", "customer"),
        add("bo@example.com", "customer"),
        add("cy@example.com", "lead"),
    ];
    fake.clear_requests();
    (fake, client, website, people)
}

/// The state of a conversation, read back.
async fn state(client: &Client, website: &WebsiteId, session: &SessionId) -> Option<ConversationState> {
    client
        .website()
        .get_conversation_state(website, session)
        .await
        .ok()
        .and_then(|info| info.state)
}

#[tokio::test]
async fn batch_resolve_conversations_resolves_each() {
    let (fake, client, website, targets, bystander) = conversations().await;

    client
        .website()
        .batch_resolve_conversations(&website, BatchConversations::new(targets.clone()))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_resolve_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets)})),
    );
    for session in &targets {
        assert_eq!(
            state(&client, &website, session).await,
            Some(ConversationState::Resolved)
        );
    }
    assert_ne!(
        state(&client, &website, &bystander).await,
        Some(ConversationState::Resolved)
    );
}

#[tokio::test]
async fn batch_unresolve_conversations_of_an_inbox() {
    let (fake, client, website, targets, _) = conversations().await;
    for session in &targets {
        let inbox = Some(InboxId::new(INBOX));
        client
            .website()
            .update_conversation_inbox(&website, session, inbox)
            .await
            .unwrap();
        client
            .website()
            .change_conversation_state(&website, session, ConversationState::Resolved)
            .await
            .unwrap();
    }
    fake.clear_requests();

    let batch = BatchConversations::new(targets.clone()).inbox_id(InboxId::new(INBOX));
    client
        .website()
        .batch_unresolve_conversations(&website, batch)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_unresolve_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "inbox_id": INBOX})),
    );
    for session in &targets {
        assert_eq!(
            state(&client, &website, session).await,
            Some(ConversationState::Unresolved)
        );
    }
}

/// The operator's unread count of a conversation.
async fn unread(client: &Client, website: &WebsiteId, session: &SessionId) -> Option<u32> {
    let conversation = client.website().get_conversation(website, session).await.ok()?;
    conversation.unread.and_then(|unread| unread.operator)
}

#[tokio::test]
async fn batch_read_then_unread_conversations() {
    let (fake, client, website, targets, bystander) = conversations().await;
    assert_eq!(unread(&client, &website, &targets[0]).await, Some(1));
    fake.clear_requests();

    client
        .website()
        .batch_read_conversations(&website, BatchConversations::new(targets.clone()))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_read_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets)})),
    );
    for session in &targets {
        assert_eq!(unread(&client, &website, session).await, Some(0));
    }
    assert_eq!(
        unread(&client, &website, &bystander).await,
        Some(1),
        "only the named ones"
    );
    fake.clear_requests();

    client
        .website()
        .batch_unread_conversations(&website, BatchConversations::new(targets.clone()))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_unread_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets)})),
    );
    for session in &targets {
        assert!(unread(&client, &website, session).await >= Some(1), "unread again");
    }
}

#[tokio::test]
async fn batch_remove_conversations_removes_each() {
    let (fake, client, website, targets, bystander) = conversations().await;

    client
        .website()
        .batch_remove_conversations(&website, BatchConversations::new(targets.clone()))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_remove_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets)})),
    );
    for session in &targets {
        assert!(
            !client
                .website()
                .check_conversation_exists(&website, session)
                .await
                .unwrap()
        );
    }
    assert!(
        client
            .website()
            .check_conversation_exists(&website, &bystander)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn batch_report_conversations_posts_the_flag() {
    let (fake, client, website, targets, _) = conversations().await;

    let () = client
        .website()
        .batch_report_conversations(&website, targets.clone(), "spam")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_report_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "flag": "spam"})),
    );
    assert!(
        client
            .website()
            .check_conversation_exists(&website, &targets[0])
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn batch_block_conversations_blocks_then_unblocks() {
    let (fake, client, website, targets, bystander) = conversations().await;
    let blocked = |session: SessionId| {
        let client = &client;
        let website = &website;
        async move {
            let status = client
                .website()
                .get_block_status_for_conversation(website, &session)
                .await;
            status.ok().and_then(|status| status.blocked)
        }
    };

    client
        .website()
        .batch_block_conversations(&website, targets.clone(), true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_block_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "blocked": true})),
    );
    for session in &targets {
        assert_eq!(blocked(session.clone()).await, Some(true));
    }
    assert_eq!(blocked(bystander).await, Some(false));
    fake.clear_requests();

    client
        .website()
        .batch_block_conversations(&website, targets.clone(), false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_block_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "blocked": false})),
    );
    assert_eq!(blocked(targets[1].clone()).await, Some(false));
}

#[tokio::test]
async fn batch_routing_conversations_assigns_then_unassigns() {
    let (fake, client, website, targets, _) = conversations().await;
    let assigned = |session: SessionId| {
        let client = &client;
        let website = &website;
        async move {
            let conversation = client.website().get_conversation(website, &session).await.ok()?;
            conversation.assigned.and_then(|assigned| assigned.user_id)
        }
    };

    client
        .website()
        .batch_routing_conversations(&website, targets.clone(), Some(UserId::new(OPERATOR)))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_routing_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "assigned": {"user_id": OPERATOR}})),
    );
    for session in &targets {
        assert_eq!(assigned(session.clone()).await, Some(UserId::new(OPERATOR)));
    }
    fake.clear_requests();

    client
        .website()
        .batch_routing_conversations(&website, targets.clone(), None)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_routing_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "assigned": null})),
    );
    for session in &targets {
        assert_eq!(assigned(session.clone()).await, None);
    }
}

#[tokio::test]
async fn batch_inbox_conversations_moves_then_clears() {
    let (fake, client, website, targets, bystander) = conversations().await;
    let inbox_of = |session: SessionId| {
        let client = &client;
        let website = &website;
        async move {
            let conversation = client.website().get_conversation(website, &session).await.ok()?;
            conversation.inbox_id
        }
    };

    client
        .website()
        .batch_inbox_conversations(&website, targets.clone(), Some(InboxId::new(INBOX)))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_inbox_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "inbox_id": INBOX})),
    );
    for session in &targets {
        assert_eq!(inbox_of(session.clone()).await, Some(InboxId::new(INBOX)));
    }
    assert_eq!(inbox_of(bystander).await, None);
    fake.clear_requests();

    client
        .website()
        .batch_inbox_conversations(&website, targets.clone(), None)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_inbox_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "inbox_id": null})),
    );
    assert_eq!(inbox_of(targets[0].clone()).await, None);
}

#[tokio::test]
async fn batch_update_conversations_data_and_segments() {
    let (fake, client, website, targets, _) = conversations().await;

    let data = map([("plan", json!("pro")), ("seats", json!(5)), ("trial", json!(true))]);
    client
        .website()
        .batch_update_conversations_data(&website, targets.clone(), data.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_update_conversations_data",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "data": {"plan": "pro", "seats": 5, "trial": true}})),
    );
    for session in &targets {
        let metas = client
            .website()
            .get_conversation_metas(&website, session)
            .await
            .unwrap();
        assert_eq!(metas.data, data);
    }
    fake.clear_requests();

    client
        .website()
        .batch_update_conversations_segments(&website, targets.clone(), ["vip", "billing"])
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_update_conversations_segments",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": ids(&targets), "segments": ["vip", "billing"]})),
    );
    for session in &targets {
        let metas = client
            .website()
            .get_conversation_metas(&website, session)
            .await
            .unwrap();
        assert_eq!(metas.segments, ["vip", "billing"]);
    }
}

/// Whether the profile still exists.
async fn exists(client: &Client, website: &WebsiteId, people: &PeopleId) -> bool {
    client
        .website()
        .check_people_profile_exists(website, people)
        .await
        .unwrap_or(true)
}

#[tokio::test]
async fn batch_remove_people_by_id_and_by_search() {
    let (fake, client, website, [ann, bo, cy]) = profiles().await;

    client
        .website()
        .batch_remove_people(&website, BatchPeople::profiles([ann.clone()]))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_remove_people",
        &[website.as_str()],
        &[],
        Some(json!({"people": {"profiles": [ann.as_str()]}})),
    );
    assert!(!exists(&client, &website, &ann).await);
    assert!(exists(&client, &website, &bo).await);
    fake.clear_requests();

    let search =
        BatchPeople::search([SearchFilter::new("people", "segments", "eq", ["lead"])]).operator(SearchOperator::Or);
    client.website().batch_remove_people(&website, search).await.unwrap();
    assert_wire(
        &fake,
        "batch_remove_people",
        &[website.as_str()],
        &[],
        Some(json!({"people": {"search": {
            "filter": [{"model": "people", "criterion": "segments", "operator": "eq", "query": ["lead"]}],
            "operator": "or",
        }}})),
    );
    assert!(!exists(&client, &website, &cy).await, "the lead is removed");
    assert!(exists(&client, &website, &bo).await, "the customer stays");
}

#[tokio::test]
async fn batch_update_people_data_of_the_profiles_named() {
    let (fake, client, website, [ann, bo, cy]) = profiles().await;

    let data = map([("plan", json!("enterprise")), ("seats", json!(40))]);
    let people = BatchPeople::profiles([ann.clone(), bo.clone()]);
    client
        .website()
        .batch_update_people_data(&website, people, data.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_update_people_data",
        &[website.as_str()],
        &[],
        Some(json!({"people": {"profiles": [ann.as_str(), bo.as_str()]}, "data": {"plan": "enterprise", "seats": 40}})),
    );
    for people in [&ann, &bo] {
        assert_eq!(
            client.website().get_people_data(&website, people).await.unwrap().data,
            data
        );
    }
    assert_eq!(
        client.website().get_people_data(&website, &cy).await.unwrap().data,
        JsonMap::new()
    );
}

#[tokio::test]
async fn batch_update_people_segments_of_a_search() {
    let (fake, client, website, [ann, bo, cy]) = profiles().await;

    let people = BatchPeople::search([SearchFilter::new("people", "segments", "eq", ["customer"])])
        .operator(SearchOperator::And);
    client
        .website()
        .batch_update_people_segments(&website, people, ["customer", "renewal"])
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_update_people_segments",
        &[website.as_str()],
        &[],
        Some(json!({
            "people": {"search": {
                "filter": [{"model": "people", "criterion": "segments", "operator": "eq", "query": ["customer"]}],
                "operator": "and",
            }},
            "segments": ["customer", "renewal"],
        })),
    );
    for people in [&ann, &bo] {
        let profile = client.website().get_people_profile(&website, people).await.unwrap();
        assert_eq!(profile.segments, ["customer", "renewal"]);
    }
    let lead = client.website().get_people_profile(&website, &cy).await.unwrap();
    assert_eq!(lead.segments, ["lead"], "the search did not match the lead");
}

#[tokio::test]
async fn user_only_batch_routes_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    let batch = BatchConversations::new([session.clone()]);
    let error = client
        .website()
        .batch_resolve_conversations(&website, batch)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "batch_resolve_conversations",
        &[website.as_str()],
        &[],
        Some(json!({"sessions": [session.as_str()]})),
    );
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 403);
    assert_eq!(api.reason(), Some("not_allowed"));
    assert_ne!(
        state(&client, &website, &session).await,
        Some(ConversationState::Resolved)
    );
}
