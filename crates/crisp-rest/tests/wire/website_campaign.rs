//! Wire tests of `website.campaign`: one campaign created, checked, read,
//! saved, updated and removed; dispatched (recipients and statistics),
//! paused, resumed and tested.

use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::campaign::{
    CampaignFormat, CampaignRecipientsType, CampaignStatisticAction, CampaignType, WebsiteCampaignItem,
    WebsiteCampaignOptions, WebsiteCampaignRecipients, WebsiteCampaignSender,
};
use crisp_types::{CampaignId, WebsiteId};
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

/// A campaign of `kind` with a message (ready to dispatch).
async fn ready_campaign(
    client: &Client,
    website: &WebsiteId,
    kind: CampaignType,
) -> Result<CampaignId, Box<dyn std::error::Error>> {
    let created = client.website().create_new_campaign(website, kind, "Ready").await?;
    let id = created.campaign_id.ok_or("no campaign id")?;
    client
        .website()
        .update_campaign(website, &id, WebsiteCampaignItem::new().message("Hello!"))
        .await?;
    Ok(id)
}

#[tokio::test]
async fn create_check_get_save_update_and_remove_a_campaign() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);

    let created = client
        .website()
        .create_new_campaign(&website, CampaignType::OneShot, "Welcome!")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "create_new_campaign",
        &[website.as_str()],
        &[],
        Some(json!({"type": "one-shot", "name": "Welcome!"})),
    );
    let campaign = created.campaign_id.unwrap();

    assert!(
        client
            .website()
            .check_campaign_exists(&website, &campaign)
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_campaign_exists",
        &[website.as_str(), campaign.as_str()],
        &[],
        None,
    );
    let got = client.website().get_campaign(&website, &campaign).await.unwrap();
    assert_wire(&fake, "get_campaign", &[website.as_str(), campaign.as_str()], &[], None);
    assert_eq!(got.campaign_id, Some(campaign.clone()));
    assert_eq!(got.kind, Some(CampaignType::OneShot));
    assert_eq!(got.name.as_deref(), Some("Welcome!"));
    assert_eq!(got.ready, Some(false));

    let full = WebsiteCampaignItem::new()
        .kind(CampaignType::OneShot)
        .format(CampaignFormat::Markdown)
        .name("Welcome!")
        .sender(WebsiteCampaignSender::new(owner.clone()))
        .recipients(WebsiteCampaignRecipients::all())
        .message("*Hey there*, welcome on Crisp!")
        .options(
            WebsiteCampaignOptions::new()
                .deliver_to_chatbox(true)
                .deliver_to_email(true)
                .sender_name_website(false)
                .tracking(true),
        );
    client.website().save_campaign(&website, &campaign, full).await.unwrap();
    assert_wire(
        &fake,
        "save_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        Some(json!({
            "type": "one-shot",
            "format": "markdown",
            "name": "Welcome!",
            "sender": {"user_id": owner.as_str()},
            "recipients": {"type": "all"},
            "message": "*Hey there*, welcome on Crisp!",
            "options": {"deliver_to_chatbox": true, "deliver_to_email": true, "sender_name_website": false, "tracking": true},
        })),
    );
    let saved = client.website().get_campaign(&website, &campaign).await.unwrap();
    assert_eq!(saved.ready, Some(true));
    assert_eq!(saved.sender.unwrap().user_id, Some(owner));
    assert_eq!(saved.recipients.unwrap().kind, Some(CampaignRecipientsType::All));
    assert_eq!(saved.options.unwrap().tracking, Some(true));
    fake.clear_requests();

    client
        .website()
        .update_campaign(&website, &campaign, WebsiteCampaignItem::new().subject("Hi!"))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        Some(json!({"subject": "Hi!"})),
    );
    let updated = client.website().get_campaign(&website, &campaign).await.unwrap();
    assert_eq!(updated.subject.as_deref(), Some("Hi!"));
    assert_eq!(updated.message.as_deref(), Some("*Hey there*, welcome on Crisp!"));
    fake.clear_requests();

    client.website().remove_campaign(&website, &campaign).await.unwrap();
    assert_wire(
        &fake,
        "remove_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_campaign_exists(&website, &campaign)
            .await
            .unwrap()
    );
    let error = client.website().get_campaign(&website, &campaign).await.unwrap_err();
    assert_api_error(&error, 404, "campaign_not_found");
}

#[tokio::test]
async fn dispatch_campaign_reaches_its_recipients() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let trial = fake.add_people_profile(
        &website,
        json!({"email": "trial@example.com", "person": {"nickname": "Tia"}, "segments": ["trial"]}),
    );
    fake.add_people_profile(&website, json!({"email": "paying@example.com", "segments": ["paying"]}));
    let campaign = ready_campaign(&client, &website, CampaignType::OneShot).await.unwrap();
    client
        .website()
        .update_campaign(
            &website,
            &campaign,
            WebsiteCampaignItem::new().recipients(WebsiteCampaignRecipients::segments(["trial"])),
        )
        .await
        .unwrap();
    fake.clear_requests();

    client.website().dispatch_campaign(&website, &campaign).await.unwrap();
    assert_wire(
        &fake,
        "dispatch_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        Some(json!({})),
    );
    let got = client.website().get_campaign(&website, &campaign).await.unwrap();
    assert_eq!(
        (got.dispatched, got.running, got.progress, got.targets, got.reached),
        (Some(true), Some(false), Some(100), Some(1), Some(1))
    );
    assert!(got.dispatched_at.is_some());
    fake.clear_requests();

    let recipients = client
        .website()
        .list_campaign_recipients(&website, &campaign, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_campaign_recipients",
        &[website.as_str(), campaign.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(recipients.len(), 1);
    assert_eq!(recipients[0].people_id, Some(trial.clone()));
    assert_eq!(recipients[0].email.as_deref(), Some("trial@example.com"));
    assert_eq!(recipients[0].person.clone().unwrap().nickname.as_deref(), Some("Tia"));
    assert_eq!(recipients[0].subscribed, Some(true));

    let delivered = client
        .website()
        .list_campaign_statistics(&website, &campaign, CampaignStatisticAction::Delivered, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_campaign_statistics",
        &[website.as_str(), campaign.as_str(), "delivered", "1"],
        &[],
        None,
    );
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].kind, Some(CampaignStatisticAction::Delivered));
    assert_eq!(delivered[0].profile.clone().unwrap().people_id, Some(trial));
    let opened: Vec<_> = client
        .website()
        .list_campaign_statistics(&website, &campaign, CampaignStatisticAction::Opened, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert!(opened.is_empty());
    let streamed: Vec<_> = client
        .website()
        .list_campaign_recipients(&website, &campaign, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed, recipients);

    let again = client
        .website()
        .dispatch_campaign(&website, &campaign)
        .await
        .unwrap_err();
    assert_api_error(&again, 409, "campaign_dispatched");
    let unknown_action = client
        .website()
        .list_campaign_statistics(&website, &campaign, CampaignStatisticAction::from("bounced"), 1)
        .await
        .unwrap_err();
    assert_api_error(&unknown_action, 400, "invalid_data");
}

#[tokio::test]
async fn pause_and_resume_an_automated_campaign() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let campaign = ready_campaign(&client, &website, CampaignType::Automated)
        .await
        .unwrap();
    let early = client.website().pause_campaign(&website, &campaign).await.unwrap_err();
    assert_api_error(&early, 400, "campaign_not_dispatched");
    client.website().dispatch_campaign(&website, &campaign).await.unwrap();
    assert_eq!(
        client
            .website()
            .get_campaign(&website, &campaign)
            .await
            .unwrap()
            .running,
        Some(true)
    );
    fake.clear_requests();

    client.website().pause_campaign(&website, &campaign).await.unwrap();
    assert_wire(
        &fake,
        "pause_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        Some(json!({})),
    );
    let paused = client
        .website()
        .list_campaigns(&website, 1)
        .filter_status_paused(true)
        .await
        .unwrap();
    assert_eq!(paused.len(), 1);
    assert_eq!(paused[0].running, Some(false));
    fake.clear_requests();

    client.website().resume_campaign(&website, &campaign).await.unwrap();
    assert_wire(
        &fake,
        "resume_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        Some(json!({})),
    );
    assert_eq!(
        client
            .website()
            .get_campaign(&website, &campaign)
            .await
            .unwrap()
            .running,
        Some(true)
    );
}

#[tokio::test]
async fn test_campaign_needs_a_ready_campaign() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let campaign = ready_campaign(&client, &website, CampaignType::OneShot).await.unwrap();
    fake.clear_requests();

    client.website().test_campaign(&website, &campaign).await.unwrap();
    assert_wire(
        &fake,
        "test_campaign",
        &[website.as_str(), campaign.as_str()],
        &[],
        Some(json!({})),
    );
    assert_eq!(
        client
            .website()
            .get_campaign(&website, &campaign)
            .await
            .unwrap()
            .dispatched,
        Some(false),
        "a test sends nothing to the recipients"
    );

    let draft = client
        .website()
        .create_new_campaign(&website, CampaignType::OneShot, "Draft")
        .await
        .unwrap()
        .campaign_id
        .unwrap();
    let error = client.website().test_campaign(&website, &draft).await.unwrap_err();
    assert_api_error(&error, 400, "campaign_not_ready");
    let error = client.website().dispatch_campaign(&website, &draft).await.unwrap_err();
    assert_api_error(&error, 400, "campaign_not_ready");
}

#[tokio::test]
async fn campaign_routes_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let error = client
        .website()
        .create_new_campaign(&website, CampaignType::OneShot, "Nope")
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    let error = client
        .website()
        .get_campaign(&website, &CampaignId::new("any"))
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}
