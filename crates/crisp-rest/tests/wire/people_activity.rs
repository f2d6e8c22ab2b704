//! Wire tests of the `website.people` activity routes: a profile's
//! conversations (with Go's filters), campaigns, events, custom data and
//! email subscription.

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::conversation::{ConversationMetaUpdate, ConversationState};
use crisp_types::people::{EventColor, PeopleEventAdd};
use crisp_types::{JsonMap, PeopleId, SessionId, WebsiteId};
use futures_util::TryStreamExt;
use serde_json::{Value, json};

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// The email of the profile the tests act on.
const EMAIL: &str = "jane.doe@example.com";

/// A JSON map from pairs.
fn map<const N: usize>(pairs: [(&str, Value); N]) -> JsonMap {
    pairs.into_iter().map(|(key, value)| (key.to_owned(), value)).collect()
}

/// A fake with the profile of [`EMAIL`], a client of `tier`, and the ids.
async fn with_profile(tier: Tier) -> (FakeCrisp, Client, WebsiteId, PeopleId) {
    let (fake, client) = fake_and_client(tier).await;
    let website = fake.website_id();
    let people = fake.add_people_profile(&website, json!({"email": EMAIL, "person": {"nickname": "Jane Doe"}}));
    fake.clear_requests();
    (fake, client, website, people)
}

/// A conversation whose visitor gave `email` (so it belongs to that profile).
async fn conversation_of(
    client: &Client,
    fake: &FakeCrisp,
    website: &WebsiteId,
    email: &str,
) -> Result<SessionId, Error> {
    let session = fake.add_conversation(website);
    let metas = ConversationMetaUpdate {
        email: Some(email.to_owned()),
        ..Default::default()
    };
    client
        .website()
        .update_conversation_metas(website, &session, metas)
        .await?;
    Ok(session)
}

/// Sorted session ids.
fn sorted(mut sessions: Vec<SessionId>) -> Vec<SessionId> {
    sessions.sort();
    sessions
}

#[tokio::test]
async fn list_people_conversations_with_and_without_filters() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;
    // Unresolved, with a message the operator has not read.
    let waiting = conversation_of(&client, &fake, &website, EMAIL).await.unwrap();
    fake.add_visitor_message(&website, &waiting, "Can I change my plan?");
    // Resolved.
    let done = conversation_of(&client, &fake, &website, EMAIL).await.unwrap();
    client
        .website()
        .change_conversation_state(&website, &done, ConversationState::Resolved)
        .await
        .unwrap();
    // Someone else's.
    conversation_of(&client, &fake, &website, "someone@example.com")
        .await
        .unwrap();
    fake.clear_requests();

    let all = client
        .website()
        .list_people_conversations(&website, &people, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_people_conversations",
        &[website.as_str(), people.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(sorted(all), sorted(vec![waiting.clone(), done.clone()]));

    let open = client
        .website()
        .list_people_conversations(&website, &people, 1)
        .filter_unread(true)
        .filter_resolved(false)
        .filter_not_resolved(true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_people_conversations",
        &[website.as_str(), people.as_str(), "1"],
        &[
            ("filter_unread", "1"),
            ("filter_resolved", "0"),
            ("filter_not_resolved", "1"),
        ],
        None,
    );
    assert_eq!(open, [waiting]);

    let resolved = client
        .website()
        .list_people_conversations(&website, &people, 1)
        .filter_resolved(true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_people_conversations",
        &[website.as_str(), people.as_str(), "1"],
        &[("filter_resolved", "1")],
        None,
    );
    assert_eq!(resolved, [done]);
}

#[tokio::test]
async fn list_people_campaigns_of_a_profile() {
    let (fake, client, website, people) = with_profile(Tier::User).await;

    let campaigns = client
        .website()
        .list_people_campaigns(&website, &people, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_people_campaigns",
        &[website.as_str(), people.as_str(), "1"],
        &[],
        None,
    );
    assert!(
        campaigns.is_empty(),
        "no campaign was sent to this profile: {campaigns:?}"
    );

    let missing = PeopleId::new("11111111-2222-3333-4444-555555555555");
    let error = client
        .website()
        .list_people_campaigns(&website, &missing, 1)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "list_people_campaigns",
        &[website.as_str(), missing.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(error.reason(), Some("people_not_found"));
}

#[tokio::test]
async fn list_people_campaigns_refuses_plugin_tokens() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;

    let error = client
        .website()
        .list_people_campaigns(&website, &people, 1)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "list_people_campaigns",
        &[website.as_str(), people.as_str(), "1"],
        &[],
        None,
    );
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 403);
    assert_eq!(api.reason(), Some("not_allowed"));
}

#[tokio::test]
async fn add_people_event_then_list_it_first() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;
    client
        .website()
        .add_people_event(&website, &people, PeopleEventAdd::new("Signed up"))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "add_people_event",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"text": "Signed up"})),
    );

    let event = PeopleEventAdd::new("Purchased plan")
        .data(map([("plan", json!("pro")), ("amount", json!(49))]))
        .color(EventColor::Blue);
    client
        .website()
        .add_people_event(&website, &people, event)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "add_people_event",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"text": "Purchased plan", "data": {"plan": "pro", "amount": 49}, "color": "blue"})),
    );

    let events = client.website().list_people_events(&website, &people, 1).await.unwrap();
    assert_wire(
        &fake,
        "list_people_events",
        &[website.as_str(), people.as_str(), "1"],
        &[],
        None,
    );
    let texts: Vec<Option<&str>> = events.iter().map(|event| event.text.as_deref()).collect();
    assert_eq!(texts, [Some("Purchased plan"), Some("Signed up")], "newest first");
    let newest = &events[0];
    assert_eq!(newest.data, Some(map([("plan", json!("pro")), ("amount", json!(49))])));
    assert_eq!(newest.color.as_deref(), Some("blue"));
    assert!(newest.timestamp.is_some_and(|stamp| stamp.as_millis() > 0));
    assert!(events[1].timestamp <= newest.timestamp);
}

#[tokio::test]
async fn people_events_stream_over_pages() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;
    for index in 0..23 {
        let event = PeopleEventAdd::new(format!("Viewed page {index}"));
        client
            .website()
            .add_people_event(&website, &people, event)
            .await
            .unwrap();
    }
    fake.clear_requests();

    let events: Vec<_> = client
        .website()
        .list_people_events(&website, &people, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let texts: Vec<String> = events.into_iter().filter_map(|event| event.text).collect();
    let expected: Vec<String> = (0..23).rev().map(|index| format!("Viewed page {index}")).collect();
    assert_eq!(texts, expected, "every event of every page, newest first");
    assert!(fake.requests().len() >= 2, "more than one page was fetched");
}

#[tokio::test]
async fn people_data_get_save_and_update() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;

    let data = client.website().get_people_data(&website, &people).await.unwrap();
    assert_wire(
        &fake,
        "get_people_data",
        &[website.as_str(), people.as_str()],
        &[],
        None,
    );
    assert_eq!(data.data, JsonMap::new(), "a new profile has no data");

    let saved = map([("plan", json!("pro")), ("seats", json!(12)), ("trial", json!(false))]);
    client
        .website()
        .save_people_data(&website, &people, saved.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_people_data",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"plan": "pro", "seats": 12, "trial": false})),
    );
    assert_eq!(
        client.website().get_people_data(&website, &people).await.unwrap().data,
        saved
    );
    fake.clear_requests();

    let update = map([("seats", json!(15)), ("region", json!("eu"))]);
    client
        .website()
        .update_people_data(&website, &people, update)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_people_data",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"seats": 15, "region": "eu"})),
    );
    let data = client.website().get_people_data(&website, &people).await.unwrap();
    assert_eq!(
        data.data,
        map([
            ("plan", json!("pro")),
            ("seats", json!(15)),
            ("trial", json!(false)),
            ("region", json!("eu"))
        ]),
        "PATCH keeps the other keys"
    );
    fake.clear_requests();

    // PUT replaces the whole map.
    client
        .website()
        .save_people_data(&website, &people, map([("plan", json!("free"))]))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_people_data",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"plan": "free"})),
    );
    let data = client.website().get_people_data(&website, &people).await.unwrap();
    assert_eq!(data.data, map([("plan", json!("free"))]));
}

#[tokio::test]
async fn people_subscription_get_and_update() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;

    let subscription = client
        .website()
        .get_people_subscription_status(&website, &people)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_people_subscription_status",
        &[website.as_str(), people.as_str()],
        &[],
        None,
    );
    assert_eq!(subscription.email, Some(true), "subscribed by default");

    client
        .website()
        .update_people_subscription_status(&website, &people, false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_people_subscription_status",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"email": false})),
    );
    let subscription = client
        .website()
        .get_people_subscription_status(&website, &people)
        .await
        .unwrap();
    assert_eq!(subscription.email, Some(false));
}

#[tokio::test]
async fn activity_of_an_unknown_profile_is_people_not_found() {
    let (fake, client, website, _people) = with_profile(Tier::Plugin).await;
    let missing = PeopleId::new("00000000-0000-0000-0000-000000000000");

    let error = client.website().get_people_data(&website, &missing).await.unwrap_err();
    assert_wire(
        &fake,
        "get_people_data",
        &[website.as_str(), missing.as_str()],
        &[],
        None,
    );
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 404);
    assert_eq!(api.reason(), Some("people_not_found"));
    assert_eq!(api.route(), "get_people_data");

    let error = client
        .website()
        .add_people_event(&website, &missing, PeopleEventAdd::new("Signed up"))
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "add_people_event",
        &[website.as_str(), missing.as_str()],
        &[],
        Some(json!({"text": "Signed up"})),
    );
    assert_eq!(error.reason(), Some("people_not_found"));
}

#[tokio::test]
async fn activity_page_zero_is_refused_before_sending() {
    let (fake, client, website, people) = with_profile(Tier::Plugin).await;

    let error = client
        .website()
        .list_people_events(&website, &people, 0)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    let error = client
        .website()
        .list_people_conversations(&website, &people, 0)
        .filter_unread(true)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "nothing reaches the wire");
}
