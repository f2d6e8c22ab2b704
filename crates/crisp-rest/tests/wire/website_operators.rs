//! Wire tests of `website.operator`: the operator list (with invites),
//! recent activity, emails to operators, invitations, membership changes
//! (and the Go SDK's deprecated `change_operator_role`), and removal.

use crisp_rest::Error;
use crisp_transport::Tier;
use crisp_types::UserId;
use crisp_types::availability::AvailabilityType;
use crisp_types::operator::{OperatorRole, WebsiteOperatorEmail, WebsiteOperatorEmailTarget, WebsiteOperatorKind};
use crisp_types::team::WebsiteTeamItem;
use crisp_types::website::OwnerVerification;
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
async fn list_and_get_website_operators() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);
    let jane = fake.add_website_operator(&website, "jane.doe@example.com", "member");

    let operators = client.website().list_website_operators(&website).await.unwrap();
    assert_wire(&fake, "list_website_operators", &[website.as_str()], &[], None);
    assert_eq!(operators.len(), 2);
    assert!(operators.iter().all(|o| o.kind == Some(WebsiteOperatorKind::Operator)));
    let first = operators[0].details.clone().unwrap();
    assert_eq!(first.user_id, Some(owner.clone()));
    assert_eq!(first.role, Some(OperatorRole::Owner));
    assert_eq!(first.email, Some(fake.user_email()));

    let details = client.website().get_website_operator(&website, &jane).await.unwrap();
    assert_wire(
        &fake,
        "get_website_operator",
        &[website.as_str(), jane.as_str()],
        &[],
        None,
    );
    assert_eq!(details.user_id, Some(jane));
    assert_eq!(details.email.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(
        (details.first_name.as_deref(), details.last_name.as_deref()),
        (Some("Jane"), Some("Doe"))
    );
    assert_eq!(details.role, Some(OperatorRole::Member));
    assert_eq!(details.availability, Some(AvailabilityType::Online));

    let unknown = UserId::new("00000000-0000-4000-8000-000000000000");
    let error = client
        .website()
        .get_website_operator(&website, &unknown)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "operator_not_found");
}

#[tokio::test]
async fn last_active_operators_then_flush() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);
    let jane = fake.add_website_operator(&website, "jane@example.com", "member");

    let active = client
        .website()
        .list_last_active_website_operators(&website)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_last_active_website_operators",
        &[website.as_str()],
        &[],
        None,
    );
    let ids: Vec<_> = active.iter().map(|a| a.user_id.clone().unwrap()).collect();
    assert_eq!(ids, [jane, owner], "most recent first");
    assert_eq!(active[1].nickname.as_deref(), Some("Jane Operator"));
    assert!(active[0].timestamp > active[1].timestamp);

    client
        .website()
        .flush_last_active_website_operators(&website)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "flush_last_active_website_operators",
        &[website.as_str()],
        &[],
        None,
    );
    let active = client
        .website()
        .list_last_active_website_operators(&website)
        .await
        .unwrap();
    assert!(active.is_empty());
}

#[tokio::test]
async fn flush_last_active_operators_refuses_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let error = client
        .website()
        .flush_last_active_website_operators(&fake.website_id())
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}

#[tokio::test]
async fn send_email_to_website_operators() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);

    let email = WebsiteOperatorEmail::new("owners", "Invoice", "Your invoice is ready.")
        .user_id(owner.clone())
        .target(WebsiteOperatorEmailTarget::new("Open", "https://example.com/invoice"));
    client
        .website()
        .send_email_to_website_operators(&website, email)
        .await
        .unwrap();
    let body = json!({
        "recipient": "owners",
        "user_id": owner.as_str(),
        "subject": "Invoice",
        "message": "Your invoice is ready.",
        "target": {"label": "Open", "url": "https://example.com/invoice"},
    });
    assert_wire(
        &fake,
        "send_email_to_website_operators",
        &[website.as_str()],
        &[],
        Some(body.clone()),
    );
    assert_eq!(fake.operator_emails(&website), [body]);

    let to_nobody = WebsiteOperatorEmail::new("user", "Hi", "Hello").user_id(UserId::new("nobody"));
    let error = client
        .website()
        .send_email_to_website_operators(&website, to_nobody)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "operator_not_found");
}

#[tokio::test]
async fn invite_website_operator_lists_an_invite() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let password = fake.user_password();

    client
        .website()
        .invite_website_operator(
            &website,
            "new.hire@example.com",
            OperatorRole::Member,
            OwnerVerification::password(password.clone()),
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "invite_website_operator",
        &[website.as_str()],
        &[],
        Some(json!({
            "email": "new.hire@example.com",
            "role": "member",
            "verify": {"method": "password", "secret": password},
        })),
    );

    let operators = client.website().list_website_operators(&website).await.unwrap();
    let invite = operators.last().unwrap();
    assert_eq!(invite.kind, Some(WebsiteOperatorKind::Invite));
    let details = invite.details.clone().unwrap();
    assert_eq!(details.email.as_deref(), Some("new.hire@example.com"));
    assert_eq!(details.role, Some(OperatorRole::Member));

    let again = client
        .website()
        .invite_website_operator(
            &website,
            "new.hire@example.com",
            OperatorRole::Member,
            OwnerVerification::token("123456"),
        )
        .await
        .unwrap_err();
    assert_api_error(&again, 409, "operator_exists");
    let wrong_password = client
        .website()
        .invite_website_operator(
            &website,
            "other@example.com",
            OperatorRole::Owner,
            OwnerVerification::password("wrong"),
        )
        .await
        .unwrap_err();
    assert_api_error(&wrong_password, 403, "not_allowed");
}

#[tokio::test]
async fn change_operator_membership_with_and_without_title() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let jane = fake.add_website_operator(&website, "jane@example.com", "member");

    client
        .website()
        .change_operator_membership(&website, &jane, OperatorRole::Owner)
        .title("Head of Support")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "change_operator_membership",
        &[website.as_str(), jane.as_str()],
        &[],
        Some(json!({"role": "owner", "title": "Head of Support"})),
    );
    let details = client.website().get_website_operator(&website, &jane).await.unwrap();
    assert_eq!(details.role, Some(OperatorRole::Owner));
    assert_eq!(details.title.as_deref(), Some("Head of Support"));
    fake.clear_requests();

    client
        .website()
        .change_operator_membership(&website, &jane, OperatorRole::Member)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "change_operator_membership",
        &[website.as_str(), jane.as_str()],
        &[],
        Some(json!({"role": "member"})),
    );
    let details = client.website().get_website_operator(&website, &jane).await.unwrap();
    assert_eq!(details.role, Some(OperatorRole::Member));
    assert_eq!(details.title.as_deref(), Some("Head of Support"), "title kept");
}

#[tokio::test]
#[allow(deprecated)]
async fn change_operator_role_is_the_go_name_of_the_same_route() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let jane = fake.add_website_operator(&website, "jane@example.com", "member");

    client
        .website()
        .change_operator_role(&website, &jane, OperatorRole::Owner)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "change_operator_role",
        &[website.as_str(), jane.as_str()],
        &[],
        Some(json!({"role": "owner"})),
    );
    let details = client.website().get_website_operator(&website, &jane).await.unwrap();
    assert_eq!(details.role, Some(OperatorRole::Owner));
    let info = crisp_rest::endpoints()
        .find(|info| info.name == "change_operator_role")
        .unwrap();
    assert!(info.deprecated.unwrap().contains("change_operator_membership"));
}

#[tokio::test]
async fn unlink_operator_from_website_removes_it_everywhere() {
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
    fake.clear_requests();

    client
        .website()
        .unlink_operator_from_website(&website, &jane)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "unlink_operator_from_website",
        &[website.as_str(), jane.as_str()],
        &[],
        None,
    );
    let operators = client.website().list_website_operators(&website).await.unwrap();
    assert_eq!(operators.len(), 1);
    let error = client
        .website()
        .get_website_operator(&website, &jane)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "operator_not_found");
    let team = client.website().get_team(&website, &team).await.unwrap();
    assert!(team.operators.is_empty(), "the operator left its team");

    let error = client
        .website()
        .unlink_operator_from_website(&website, &jane)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "operator_not_found");
}

#[tokio::test]
async fn operator_writes_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);
    let error = client
        .website()
        .change_operator_membership(&website, &owner, OperatorRole::Member)
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    let error = client
        .website()
        .invite_website_operator(
            &website,
            "x@example.com",
            OperatorRole::Member,
            OwnerVerification::google("credential"),
        )
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}
