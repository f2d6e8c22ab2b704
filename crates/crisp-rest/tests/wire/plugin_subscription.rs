//! Wire tests of the `plugin.subscription` group: the plugins a website
//! subscribes to, their settings, usage bills, provenance, channel payloads
//! and custom events, each write checked through the routes that read it
//! back.

use crisp_rest::Error;
use crisp_transport::Tier;
use crisp_types::plugin::{
    PluginSubscriptionBillUsageReport, PluginSubscriptionChannelForward, PluginSubscriptionEventDispatch,
};
use crisp_types::{JsonMap, PluginId};
use serde_json::{Value, json};

use crate::common::wire::assert_wire;
use crate::common::{client_for, fake_and_client};

/// A JSON map from a `json!` object.
fn map(value: Value) -> JsonMap {
    match value {
        Value::Object(map) => map,
        _ => JsonMap::new(),
    }
}

/// The HTTP status and reason of an API error.
fn status_and_reason(error: &Error) -> (u16, Option<&str>) {
    (error.status().map_or(0, |status| status.as_u16()), error.reason())
}

#[tokio::test]
async fn list_all_active_subscriptions_lists_every_website() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let second = fake.add_website();
    fake.clear_requests();

    let all = client.plugin().list_all_active_subscriptions().await.unwrap();
    assert_wire(&fake, "list_all_active_subscriptions", &[], &[], None);
    let websites: Vec<_> = all.iter().filter_map(|s| s.website_id.clone()).collect();
    assert_eq!(websites, [website, second]);
    assert_eq!(all[0].id, Some(fake.plugin_id()));
    assert_eq!(all[0].active, Some(true));
    assert!(all[0].name.is_some() && all[0].urn.is_some());
}

#[tokio::test]
async fn subscribe_then_list_then_unsubscribe() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let slack = fake.add_marketplace_plugin("Slack Bridge");
    fake.clear_requests();

    client
        .plugin()
        .subscribe_website_to_plugin(&website, slack.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "subscribe_website_to_plugin",
        &[website.as_str()],
        &[],
        Some(json!({"plugin_id": slack.as_str()})),
    );

    let listed = client.plugin().list_subscriptions_for_website(&website).await.unwrap();
    assert_wire(&fake, "list_subscriptions_for_website", &[website.as_str()], &[], None);
    let ids: Vec<PluginId> = listed.iter().filter_map(|s| s.id.clone()).collect();
    assert_eq!(ids, [fake.plugin_id(), slack.clone()]);

    let details = client
        .plugin()
        .get_subscription_details(&website, &slack)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_subscription_details",
        &[website.as_str(), slack.as_str()],
        &[],
        None,
    );
    assert_eq!(details.name.as_deref(), Some("Slack Bridge"));
    assert_eq!(details.website_id, Some(website.clone()));
    assert_eq!(details.configurable, Some(true));

    client
        .plugin()
        .unsubscribe_plugin_from_website(&website, &slack)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "unsubscribe_plugin_from_website",
        &[website.as_str(), slack.as_str()],
        &[],
        None,
    );
    let listed = client.plugin().list_subscriptions_for_website(&website).await.unwrap();
    fake.clear_requests();
    assert!(listed.iter().all(|s| s.id.as_ref() != Some(&slack)), "{listed:?}");
    let error = client
        .plugin()
        .get_subscription_details(&website, &slack)
        .await
        .unwrap_err();
    assert_eq!(status_and_reason(&error), (404, Some("subscription_not_found")));
}

#[tokio::test]
async fn subscribing_to_an_unknown_plugin_is_404_and_plugin_tokens_are_403() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.clear_requests();

    let unknown = PluginId::new("00000000-0000-4000-8000-000000000000");
    let error = client
        .plugin()
        .subscribe_website_to_plugin(&website, unknown.clone())
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "subscribe_website_to_plugin",
        &[website.as_str()],
        &[],
        Some(json!({"plugin_id": unknown.as_str()})),
    );
    assert_eq!(status_and_reason(&error), (404, Some("plugin_not_found")));

    let plugin_client = client_for(&fake, Tier::Plugin, std::time::Duration::from_secs(5));
    let error = plugin_client
        .plugin()
        .list_all_active_subscriptions()
        .await
        .unwrap_err();
    assert_wire(&fake, "list_all_active_subscriptions", &[], &[], None);
    assert_eq!(status_and_reason(&error), (403, Some("not_allowed")));
}

#[tokio::test]
async fn settings_read_back_what_was_saved() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let plugin = fake.plugin_id();
    let ids = [website.as_str(), plugin.as_str()];
    fake.clear_requests();

    let saved = json!({"channel": "#support", "notify": {"email": true, "sms": false}});
    client
        .plugin()
        .save_subscription_settings(&website, &plugin, map(saved.clone()))
        .await
        .unwrap();
    assert_wire(&fake, "save_subscription_settings", &ids, &[], Some(saved));

    client
        .plugin()
        .update_subscription_settings(&website, &plugin, map(json!({"notify": {"sms": true}})))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_subscription_settings",
        &ids,
        &[],
        Some(json!({"notify": {"sms": true}})),
    );

    let settings = client
        .plugin()
        .get_subscription_settings(&website, &plugin)
        .await
        .unwrap();
    assert_wire(&fake, "get_subscription_settings", &ids, &[], None);
    assert_eq!(
        Value::Object(settings.settings.clone()),
        json!({"channel": "#support", "notify": {"email": true, "sms": true}})
    );
    assert_eq!(settings.plugin_id, Some(plugin.clone()));
    assert_eq!(settings.website_id, Some(website.clone()));
    assert!(settings.token.is_some());
    assert!(!format!("{settings:?}").contains(settings.token.as_deref().unwrap_or("?")));

    // A full save replaces what was there.
    client
        .plugin()
        .save_subscription_settings(&website, &plugin, map(json!({"only": 1})))
        .await
        .unwrap();
    let settings = client
        .plugin()
        .get_subscription_settings(&website, &plugin)
        .await
        .unwrap();
    fake.clear_requests();
    assert_eq!(Value::Object(settings.settings), json!({"only": 1}));
}

#[tokio::test]
async fn usage_reported_by_the_plugin_is_billed() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let plugin = fake.plugin_id();
    let ids = [website.as_str(), plugin.as_str()];
    fake.clear_requests();

    client
        .plugin()
        .report_plugin_usage_to_bill(
            &website,
            &plugin,
            PluginSubscriptionBillUsageReport::new("SMS sent", 12, 0.05),
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "report_plugin_usage_to_bill",
        &ids,
        &[],
        Some(json!({"name": "SMS sent", "units": 12, "price": 0.05})),
    );

    let bills = client.plugin().get_plugin_usage_bills(&website, &plugin).await.unwrap();
    assert_wire(&fake, "get_plugin_usage_bills", &ids, &[], None);
    assert_eq!(bills.len(), 1);
    assert_eq!(bills[0].name.as_deref(), Some("SMS sent"));
    assert_eq!(bills[0].units, Some(12));
    assert_eq!(bills[0].price, Some(0.05));

    // Only plugin tokens report usage.
    let user = client_for(&fake, Tier::User, std::time::Duration::from_secs(5));
    let error = user
        .plugin()
        .report_plugin_usage_to_bill(&website, &plugin, PluginSubscriptionBillUsageReport::new("x", 1, 1.0))
        .await
        .unwrap_err();
    fake.clear_requests();
    assert_eq!(status_and_reason(&error), (403, Some("not_allowed")));
}

#[tokio::test]
async fn attest_provenance_names_the_website_operator_and_plugin() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let plugin = fake.plugin_id();
    fake.clear_requests();

    let attest = client
        .plugin()
        .get_plugin_attest_provenance(&website, &plugin)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_plugin_attest_provenance",
        &[website.as_str(), plugin.as_str()],
        &[],
        None,
    );
    let payload = attest.payload.unwrap_or_default();
    assert_eq!(payload.website.and_then(|w| w.website_id), Some(website));
    assert_eq!(payload.plugin.and_then(|p| p.plugin_id), Some(plugin));
    let user = payload.user.unwrap_or_default();
    assert_eq!(user.user_id, Some(fake.account_user_id()));
    assert_eq!(user.role.as_deref(), Some("owner"));
    assert!(attest.signed.is_some_and(|signed| !signed.is_empty()));
    assert!(attest.expire_at.is_some());
}

#[tokio::test]
async fn channel_payloads_and_events_are_dispatched() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let plugin = fake.plugin_id();
    let ids = [website.as_str(), plugin.as_str()];
    fake.clear_requests();

    client
        .plugin()
        .forward_plugin_payload_to_channel(
            &website,
            &plugin,
            PluginSubscriptionChannelForward::new("conversation", "session_1", map(json!({"status": "ok"}))),
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "forward_plugin_payload_to_channel",
        &ids,
        &[],
        Some(json!({"namespace": "conversation", "identifier": "session_1", "payload": {"status": "ok"}})),
    );

    client
        .plugin()
        .dispatch_plugin_event(
            &website,
            &plugin,
            PluginSubscriptionEventDispatch::new("order_shipped").data(map(json!({"order": 1042}))),
        )
        .await
        .unwrap();
    assert_wire(
        &fake,
        "dispatch_plugin_event",
        &ids,
        &[],
        Some(json!({"name": "order_shipped", "data": {"order": 1042}})),
    );

    // A plugin token cannot act for another plugin.
    let other = fake.add_marketplace_plugin("Other");
    let error = client
        .plugin()
        .dispatch_plugin_event(&website, &other, PluginSubscriptionEventDispatch::new("x"))
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "dispatch_plugin_event",
        &[website.as_str(), other.as_str()],
        &[],
        Some(json!({"name": "x", "data": {}})),
    );
    assert_eq!(status_and_reason(&error), (403, Some("not_allowed")));
}
