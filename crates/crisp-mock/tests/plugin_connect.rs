//! Plugin-connect routes and endpoint discovery.

mod common;

use common::{auth_headers, plugin, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

#[tokio::test]
async fn connect_account_names_the_plugin() {
    let fake = FakeCrisp::start().await.unwrap();
    let account = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap();
    assert_eq!(account.status, 200);
    assert_eq!(
        account.json(),
        json!({"error": false, "reason": "resolved", "data": {"plugin_id": fake.plugin_id().as_str()}})
    );
}

#[tokio::test]
async fn connect_session_head_is_200_without_body() {
    let fake = FakeCrisp::start().await.unwrap();
    let response = send_raw(
        fake.addr(),
        "HEAD",
        "/v1/plugin/connect/session",
        &auth_headers(&fake, Tier::Plugin),
        None,
    )
    .await
    .unwrap();
    assert_eq!(response.status, 200);
    assert!(response.body.is_empty());
}

#[tokio::test]
async fn list_all_connect_websites_with_and_without_plan() {
    let fake = FakeCrisp::start().await.unwrap();
    let second = fake.add_website();
    let without = plugin(
        &fake,
        "GET",
        "plugin/connect/websites/all/1?filter_configured=0&include_plan=0",
        None,
    )
    .await
    .unwrap()
    .json();
    let list = without["data"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["website_id"], fake.website_id().as_str());
    assert_eq!(list[1]["website_id"], second.as_str());
    assert_eq!(list[0]["token"].as_str().unwrap().len(), 64);
    assert_eq!(list[0]["price"], 0);
    assert_eq!(list[0]["settings"], json!({}));
    assert!(list[0].get("plan").is_none());

    let with = plugin(
        &fake,
        "GET",
        "plugin/connect/websites/all/1?filter_configured=1&include_plan=1",
        None,
    )
    .await
    .unwrap()
    .json();
    let plan = &with["data"][0]["plan"];
    assert_eq!(plan["name"], "Unlimited");
    assert_eq!(plan["trialing"], false);
    assert_eq!(plan["id"].as_str().unwrap().len(), 36);

    let past_end = plugin(
        &fake,
        "GET",
        "plugin/connect/websites/all/2?filter_configured=0&include_plan=0",
        None,
    )
    .await
    .unwrap();
    assert_eq!(past_end.json()["data"], json!([]));
}

#[tokio::test]
async fn list_connect_websites_since() {
    let fake = FakeCrisp::start().await.unwrap();
    let all = plugin(
        &fake,
        "GET",
        "plugin/connect/websites/since?filter_configured=0&include_plan=0&date_since=2020-01-01T00:00:00.000Z",
        None,
    )
    .await
    .unwrap()
    .json();
    assert_eq!(all["data"][0]["website_id"], fake.website_id().as_str());
    assert_eq!(all["data"][0]["difference"], "added");
    let future = plugin(
        &fake,
        "GET",
        "plugin/connect/websites/since?filter_configured=0&include_plan=0&date_since=2999-01-01T00:00:00Z",
        None,
    )
    .await
    .unwrap();
    assert_eq!(future.json()["data"], json!([]));
    let bad = plugin(&fake, "GET", "plugin/connect/websites/since?date_since=yesterday", None)
        .await
        .unwrap();
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["reason"], "invalid_data");
}

#[tokio::test]
async fn endpoints_point_at_the_relay() {
    let fake = FakeCrisp::start().await.unwrap();
    let origin = format!("http://{}/", fake.addr());
    let relay = fake.relay_url();
    let expected = json!({
        "socket": {"app": relay, "stream": relay},
        "rescue": {"socket": {"app": relay, "stream": relay}},
    });
    let from_plugin = plugin(&fake, "GET", "plugin/connect/endpoints", None).await.unwrap();
    assert_eq!(from_plugin.json()["data"], expected);
    let from_website = common::call(&fake, Tier::Website, "GET", "website/connect/endpoints", None)
        .await
        .unwrap();
    assert_eq!(from_website.json()["data"], expected);
    let from_user = common::call(&fake, Tier::User, "GET", "user/connect/endpoints", None)
        .await
        .unwrap();
    assert_eq!(from_user.json()["data"], expected);
    let scoped = plugin(
        &fake,
        "GET",
        &format!("website/{}/connect/endpoints", fake.website_id()),
        None,
    )
    .await
    .unwrap();
    assert_eq!(scoped.json()["data"], expected);
    assert_eq!(fake.base_url(), format!("{origin}v1/"));
}
