//! Wire tests of `website.inbox` and `website.teams`: list (and stream),
//! order, create, check, get, save and delete, with each write read back.

use crisp_rest::{Error, Paginated};
use crisp_transport::Tier;
use crisp_types::conversation::Conversation;
use crisp_types::inbox::{InboxConditionsOperator, WebsiteInboxCondition, WebsiteInboxItem, WebsiteInboxOrder};
use crisp_types::team::WebsiteTeamItem;
use crisp_types::{InboxId, TeamId};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// `error` is Crisp's `status` error with this `reason`.
fn assert_api_error(error: &Error, status: u16, reason: &str) {
    assert!(matches!(error, Error::Api(_)), "an API error, got {error:?}");
    assert_eq!(error.status().map(|status| status.as_u16()), Some(status), "{error:?}");
    assert_eq!(error.reason(), Some(reason), "{error:?}");
}

#[tokio::test]
async fn create_new_inbox_then_list_check_and_get_it() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);

    let item = WebsiteInboxItem::new("VIP", "⭐️")
        .order(1)
        .operators([owner.clone()])
        .operator(InboxConditionsOperator::And)
        .conditions([WebsiteInboxCondition::new("session", "segments", "eq", ["vip"])]);
    let created = client.website().create_new_inbox(&website, item).await.unwrap();
    assert_wire(
        &fake,
        "create_new_inbox",
        &[website.as_str()],
        &[],
        Some(json!({
            "name": "VIP",
            "emoji": "⭐️",
            "order": 1,
            "operators": [owner.as_str()],
            "operator": "and",
            "conditions": [{"model": "session", "criterion": "segments", "operator": "eq", "query": ["vip"]}],
        })),
    );
    let inbox = created.inbox_id.unwrap();

    let listed = client.website().list_inboxes(&website, 1).await.unwrap();
    assert_wire(&fake, "list_inboxes", &[website.as_str(), "1"], &[], None);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].inbox_id, Some(inbox.clone()));
    assert_eq!(listed[0].operators, [owner]);
    assert_eq!(listed[0].operator, Some(InboxConditionsOperator::And));
    assert_eq!(listed[0].conditions[0].query, ["vip"]);

    assert!(client.website().check_inbox_exists(&website, &inbox).await.unwrap());
    assert_wire(
        &fake,
        "check_inbox_exists",
        &[website.as_str(), inbox.as_str()],
        &[],
        None,
    );
    let unknown = InboxId::new("00000000-0000-4000-8000-000000000000");
    assert!(!client.website().check_inbox_exists(&website, &unknown).await.unwrap());
    fake.clear_requests();

    let got = client.website().get_inbox(&website, &inbox).await.unwrap();
    assert_wire(&fake, "get_inbox", &[website.as_str(), inbox.as_str()], &[], None);
    assert_eq!(got, listed[0]);
    assert_eq!(got.name.as_deref(), Some("VIP"));
    assert!(got.created_at.is_some());

    let error = client.website().get_inbox(&website, &unknown).await.unwrap_err();
    assert_api_error(&error, 404, "inbox_not_found");
}

#[tokio::test]
async fn batch_order_inboxes_reorders_the_list() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let mut ids = Vec::new();
    for name in ["Sales", "Support", "Billing"] {
        let created = client
            .website()
            .create_new_inbox(&website, WebsiteInboxItem::new(name, "📥"))
            .await
            .unwrap();
        ids.push(created.inbox_id.unwrap());
    }
    fake.clear_requests();

    client
        .website()
        .batch_order_inboxes(
            &website,
            [
                WebsiteInboxOrder::new(ids[2].clone(), 1),
                WebsiteInboxOrder::new(ids[0].clone(), 2),
                WebsiteInboxOrder::new(ids[1].clone(), 3),
            ],
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "batch_order_inboxes",
        &[website.as_str()],
        &[],
        Some(json!({"orders": [
            {"inbox_id": ids[2].as_str(), "order": 1},
            {"inbox_id": ids[0].as_str(), "order": 2},
            {"inbox_id": ids[1].as_str(), "order": 3},
        ]})),
    );
    let all: Vec<_> = client
        .website()
        .list_inboxes(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<_> = all.iter().map(|inbox| inbox.name.clone().unwrap()).collect();
    assert_eq!(names, ["Billing", "Sales", "Support"]);

    let error = client
        .website()
        .batch_order_inboxes(&website, [WebsiteInboxOrder::new(InboxId::new("nope"), 1)])
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "inbox_not_found");
}

#[tokio::test]
async fn save_inbox_replaces_it_and_delete_inbox_frees_its_conversations() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let inbox = client
        .website()
        .create_new_inbox(&website, WebsiteInboxItem::new("VIP", "⭐️").order(4))
        .await
        .unwrap()
        .inbox_id
        .unwrap();
    client
        .website()
        .update_conversation_inbox(&website, &session, Some(inbox.clone()))
        .await
        .unwrap();
    fake.clear_requests();

    client
        .website()
        .save_inbox(&website, &inbox, WebsiteInboxItem::new("Very VIP", "💎"))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_inbox",
        &[website.as_str(), inbox.as_str()],
        &[],
        Some(json!({"name": "Very VIP", "emoji": "💎"})),
    );
    let saved = client.website().get_inbox(&website, &inbox).await.unwrap();
    assert_eq!(
        (saved.name.as_deref(), saved.emoji.as_deref()),
        (Some("Very VIP"), Some("💎"))
    );
    assert_eq!(saved.order, Some(4), "an order left out is kept");
    fake.clear_requests();

    client.website().delete_inbox(&website, &inbox).await.unwrap();
    assert_wire(&fake, "delete_inbox", &[website.as_str(), inbox.as_str()], &[], None);
    assert!(client.website().list_inboxes(&website, 1).await.unwrap().is_empty());
    assert!(!client.website().check_inbox_exists(&website, &inbox).await.unwrap());
    let conversation: Conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.inbox_id, None, "back to the default inbox");
    let error = client.website().delete_inbox(&website, &inbox).await.unwrap_err();
    assert_api_error(&error, 404, "inbox_not_found");
}

#[tokio::test]
async fn inbox_writes_refuse_plugin_tokens_and_reads_accept_them() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let error = client
        .website()
        .create_new_inbox(&website, WebsiteInboxItem::new("VIP", "⭐️"))
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    assert!(client.website().list_inboxes(&website, 1).await.unwrap().is_empty());
}

#[tokio::test]
async fn create_new_inbox_with_an_unknown_operator_or_a_blank_name_fails() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let error = client
        .website()
        .create_new_inbox(
            &website,
            WebsiteInboxItem::new("VIP", "⭐️").operators([crisp_types::UserId::new("nobody")]),
        )
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "operator_not_found");
    let error = client
        .website()
        .create_new_inbox(&website, WebsiteInboxItem::new("", "⭐️"))
        .await
        .unwrap_err();
    assert_api_error(&error, 400, "invalid_data");
}

#[tokio::test]
async fn create_new_team_then_list_check_get_save_and_delete() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);
    let jane = fake.add_website_operator(&website, "jane@example.com", "member");

    let created = client
        .website()
        .create_new_team(&website, WebsiteTeamItem::new("Sales", "💰").operators([owner.clone()]))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "create_new_team",
        &[website.as_str()],
        &[],
        Some(json!({"name": "Sales", "emoji": "💰", "operators": [owner.as_str()]})),
    );
    let team = created.team_id.unwrap();

    let teams = client.website().list_teams(&website, 1).await.unwrap();
    assert_wire(&fake, "list_teams", &[website.as_str(), "1"], &[], None);
    assert_eq!(teams.len(), 1);
    assert_eq!(teams[0].team_id, Some(team.clone()));
    assert_eq!(teams[0].operators, std::slice::from_ref(&owner));
    let streamed: Vec<_> = client
        .website()
        .list_teams(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed, teams);
    fake.clear_requests();

    assert!(client.website().check_team_exists(&website, &team).await.unwrap());
    assert_wire(
        &fake,
        "check_team_exists",
        &[website.as_str(), team.as_str()],
        &[],
        None,
    );
    let got = client.website().get_team(&website, &team).await.unwrap();
    assert_wire(&fake, "get_team", &[website.as_str(), team.as_str()], &[], None);
    assert_eq!(got.name.as_deref(), Some("Sales"));

    client
        .website()
        .save_team(
            &website,
            &team,
            WebsiteTeamItem::new("Sales EU", "🇪🇺").operators([owner.clone(), jane.clone()]),
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_team",
        &[website.as_str(), team.as_str()],
        &[],
        Some(json!({"name": "Sales EU", "emoji": "🇪🇺", "operators": [owner.as_str(), jane.as_str()]})),
    );
    let saved = client.website().get_team(&website, &team).await.unwrap();
    assert_eq!(saved.name.as_deref(), Some("Sales EU"));
    assert_eq!(saved.operators, [owner, jane]);
    fake.clear_requests();

    client.website().delete_team(&website, &team).await.unwrap();
    assert_wire(&fake, "delete_team", &[website.as_str(), team.as_str()], &[], None);
    assert!(client.website().list_teams(&website, 1).await.unwrap().is_empty());
    assert!(!client.website().check_team_exists(&website, &team).await.unwrap());
    let error = client.website().get_team(&website, &team).await.unwrap_err();
    assert_api_error(&error, 404, "team_not_found");
}

#[tokio::test]
async fn inbox_teams_bring_their_operators_and_a_removed_team_leaves() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let jane = fake.add_website_operator(&website, "jane@example.com", "member");
    let team = client
        .website()
        .create_new_team(&website, WebsiteTeamItem::new("Sales", "💰").operators([jane.clone()]))
        .await
        .unwrap()
        .team_id
        .unwrap();
    let inbox = client
        .website()
        .create_new_inbox(&website, WebsiteInboxItem::new("Leads", "🎯").teams([team.clone()]))
        .await
        .unwrap()
        .inbox_id
        .unwrap();

    let got = client.website().get_inbox(&website, &inbox).await.unwrap();
    assert_eq!(got.teams, std::slice::from_ref(&team));
    assert_eq!(got.team_operators, [jane]);

    client.website().delete_team(&website, &team).await.unwrap();
    let got = client.website().get_inbox(&website, &inbox).await.unwrap();
    assert!(got.teams.is_empty() && got.team_operators.is_empty());

    let error = client
        .website()
        .create_new_inbox(
            &website,
            WebsiteInboxItem::new("Ghost", "👻").teams([TeamId::new("gone")]),
        )
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "team_not_found");
}
