//! Wire tests of `website.campaigns`: the campaign list (with the Go SDK's
//! `FilterCampaigns` options), tags, and campaign templates (with
//! `FilterCampaignTemplates`' options).

use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::campaign::{
    CampaignFormat, CampaignTemplateType, CampaignType, WebsiteCampaignItem, WebsiteCampaignTemplateItem,
};
use crisp_types::{CampaignId, CampaignTemplateId, WebsiteId};
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

/// Creates a campaign, tagged, optionally with a message (ready).
async fn campaign(
    client: &Client,
    website: &WebsiteId,
    kind: CampaignType,
    name: &str,
    tag: &str,
    ready: bool,
) -> Result<CampaignId, Box<dyn std::error::Error>> {
    let created = client.website().create_new_campaign(website, kind, name).await?;
    let id = created.campaign_id.ok_or("no campaign id")?;
    let mut update = WebsiteCampaignItem::new().tag(tag);
    if ready {
        update = update.message("Hello!");
    }
    client.website().update_campaign(website, &id, update).await?;
    Ok(id)
}

/// The names of listed campaigns.
fn names(campaigns: &[crisp_types::campaign::WebsiteCampaignExcerpt]) -> Vec<String> {
    campaigns.iter().map(|c| c.name.clone().unwrap_or_default()).collect()
}

#[tokio::test]
async fn list_campaigns_with_and_without_filters() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    campaign(
        &client,
        &website,
        CampaignType::OneShot,
        "Spring sale",
        "newsletter",
        true,
    )
    .await
    .unwrap();
    campaign(
        &client,
        &website,
        CampaignType::Automated,
        "Onboarding",
        "lifecycle",
        false,
    )
    .await
    .unwrap();
    campaign(
        &client,
        &website,
        CampaignType::OneShot,
        "Summer sale",
        "newsletter",
        false,
    )
    .await
    .unwrap();
    fake.clear_requests();

    let all = client.website().list_campaigns(&website, 1).await.unwrap();
    assert_wire(&fake, "list_campaigns", &[website.as_str(), "1"], &[], None);
    assert_eq!(names(&all), ["Summer sale", "Onboarding", "Spring sale"]);
    assert_eq!(all[2].ready, Some(true));
    assert_eq!(all[1].kind, Some(CampaignType::Automated));
    assert_eq!(all[0].dispatched, Some(false));

    // The Go SDK's FilterCampaigns.
    let automated = client
        .website()
        .list_campaigns(&website, 1)
        .filter_type_automated(true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_campaigns",
        &[website.as_str(), "1"],
        &[("filter_type_automated", "1")],
        None,
    );
    assert_eq!(names(&automated), ["Onboarding"]);

    let found = client
        .website()
        .list_campaigns(&website, 1)
        .search_name("sale")
        .filter_tag("newsletter")
        .filter_type_one_shot(true)
        .filter_type_automated(false)
        .filter_status_not_configured(false)
        .filter_status_ready(true)
        .filter_status_paused(false)
        .filter_status_sending(false)
        .filter_status_done(false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_campaigns",
        &[website.as_str(), "1"],
        &[
            ("search_name", "sale"),
            ("filter_tag", "newsletter"),
            ("filter_type_one_shot", "1"),
            ("filter_type_automated", "0"),
            ("filter_status_not_configured", "0"),
            ("filter_status_ready", "1"),
            ("filter_status_paused", "0"),
            ("filter_status_sending", "0"),
            ("filter_status_done", "0"),
        ],
        None,
    );
    assert_eq!(names(&found), ["Spring sale"]);

    let streamed: Vec<_> = client
        .website()
        .list_campaigns(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed, all);
}

#[tokio::test]
async fn list_campaign_tags() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    campaign(&client, &website, CampaignType::OneShot, "A", "newsletter", false)
        .await
        .unwrap();
    campaign(&client, &website, CampaignType::OneShot, "B", "lifecycle", false)
        .await
        .unwrap();
    campaign(&client, &website, CampaignType::OneShot, "C", "newsletter", false)
        .await
        .unwrap();
    fake.clear_requests();

    let tags = client.website().list_campaign_tags(&website).await.unwrap();
    assert_wire(&fake, "list_campaign_tags", &[website.as_str()], &[], None);
    assert_eq!(tags, ["lifecycle", "newsletter"]);
}

#[tokio::test]
async fn campaign_lists_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let error = client.website().list_campaigns(&website, 1).await.unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    let error = client.website().list_campaign_tags(&website).await.unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}

#[tokio::test]
async fn campaign_templates_create_check_get_save_update_and_remove() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();

    let created = client
        .website()
        .create_new_campaign_template(&website, CampaignFormat::Markdown, "Welcome")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "create_new_campaign_template",
        &[website.as_str()],
        &[],
        Some(json!({"format": "markdown", "name": "Welcome"})),
    );
    let template = created.template_id.unwrap();

    assert!(
        client
            .website()
            .check_campaign_template_exists(&website, &template)
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_campaign_template_exists",
        &[website.as_str(), template.as_str()],
        &[],
        None,
    );

    let got = client
        .website()
        .get_campaign_template(&website, &template)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_campaign_template",
        &[website.as_str(), template.as_str()],
        &[],
        None,
    );
    assert_eq!(got.kind, Some(CampaignTemplateType::Custom));
    assert_eq!(got.format, Some(CampaignFormat::Markdown));
    assert_eq!(got.content.as_deref(), Some(""));

    let full = WebsiteCampaignTemplateItem::new()
        .name("Welcome (HTML)")
        .format(CampaignFormat::Html)
        .content("<p>{{ message }}</p>");
    client
        .website()
        .save_campaign_template(&website, &template, full)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_campaign_template",
        &[website.as_str(), template.as_str()],
        &[],
        Some(json!({"name": "Welcome (HTML)", "format": "html", "content": "<p>{{ message }}</p>"})),
    );
    let saved = client
        .website()
        .get_campaign_template(&website, &template)
        .await
        .unwrap();
    assert_eq!(saved.name.as_deref(), Some("Welcome (HTML)"));
    assert_eq!(saved.format, Some(CampaignFormat::Html));
    fake.clear_requests();

    client
        .website()
        .update_campaign_template(
            &website,
            &template,
            WebsiteCampaignTemplateItem::new().content("<h1>{{ message }}</h1>"),
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_campaign_template",
        &[website.as_str(), template.as_str()],
        &[],
        Some(json!({"content": "<h1>{{ message }}</h1>"})),
    );
    let updated = client
        .website()
        .get_campaign_template(&website, &template)
        .await
        .unwrap();
    assert_eq!(updated.content.as_deref(), Some("<h1>{{ message }}</h1>"));
    assert_eq!(updated.name.as_deref(), Some("Welcome (HTML)"), "the rest is kept");
    fake.clear_requests();

    client
        .website()
        .remove_campaign_template(&website, &template)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "remove_campaign_template",
        &[website.as_str(), template.as_str()],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_campaign_template_exists(&website, &template)
            .await
            .unwrap()
    );
    let error = client
        .website()
        .get_campaign_template(&website, &template)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "template_not_found");
}

#[tokio::test]
async fn list_campaign_templates_with_and_without_filters() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    for name in ["Welcome", "Newsletter"] {
        client
            .website()
            .create_new_campaign_template(&website, CampaignFormat::Html, name)
            .await
            .unwrap();
    }
    fake.clear_requests();

    let all = client.website().list_campaign_templates(&website, 1).await.unwrap();
    assert_wire(&fake, "list_campaign_templates", &[website.as_str(), "1"], &[], None);
    let names: Vec<_> = all.iter().map(|t| t.name.clone().unwrap()).collect();
    assert_eq!(names, ["Newsletter", "Welcome", "Crisp Default"]);
    assert_eq!(all[2].kind, Some(CampaignTemplateType::Static));

    // The Go SDK's FilterCampaignTemplates.
    let custom = client
        .website()
        .list_campaign_templates(&website, 1)
        .search_name("wel")
        .filter_type_static(false)
        .filter_type_custom(true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_campaign_templates",
        &[website.as_str(), "1"],
        &[
            ("search_name", "wel"),
            ("filter_type_static", "0"),
            ("filter_type_custom", "1"),
        ],
        None,
    );
    assert_eq!(custom.len(), 1);
    assert_eq!(custom[0].name.as_deref(), Some("Welcome"));

    let crisp_default = all[2].template_id.clone().unwrap();
    let error = client
        .website()
        .remove_campaign_template(&website, &crisp_default)
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    let unknown = CampaignTemplateId::new("00000000-0000-4000-8000-000000000000");
    let error = client
        .website()
        .update_campaign_template(&website, &unknown, WebsiteCampaignTemplateItem::new().name("x"))
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "template_not_found");
}
