//! Wire tests of the `plugin.connect` group (plugin tier).

mod common;

use common::{fake_and_client, query_of, single_request};
use crisp_transport::Tier;

#[tokio::test]
async fn get_connect_account_and_session_validity() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let account = client.plugin().get_connect_account().await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.path, "/v1/plugin/connect/account");
    assert!(request.query.is_empty());
    assert_eq!(request.header("x-crisp-tier"), Some("plugin"));
    assert_eq!(account.plugin_id, Some(fake.plugin_id()));

    fake.clear_requests();
    assert!(client.plugin().check_connect_session_validity().await.unwrap());
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::HEAD);
    assert_eq!(request.path, "/v1/plugin/connect/session");
}

#[tokio::test]
async fn list_all_connect_websites_always_sends_both_flags() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let websites = client.plugin().list_all_connect_websites(1).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.path, "/v1/plugin/connect/websites/all/1");
    assert_eq!(
        query_of(&request),
        vec![("filter_configured", "0"), ("include_plan", "0")]
    );
    assert_eq!(websites.len(), 1);
    assert_eq!(websites[0].website_id, Some(fake.website_id()));
    assert!(websites[0].plan.is_none());

    fake.clear_requests();
    let websites = client
        .plugin()
        .list_all_connect_websites(1)
        .filter_configured(true)
        .include_plan(true)
        .await
        .unwrap();
    assert_eq!(
        query_of(&single_request(&fake)),
        vec![("filter_configured", "1"), ("include_plan", "1")]
    );
    assert!(websites[0].plan.is_some(), "include_plan=1 returns the plan");
}

#[tokio::test]
async fn list_connect_websites_since_sends_the_date() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let websites = client
        .plugin()
        .list_connect_websites_since("2026-11-01T00:00:00Z")
        .include_plan(true)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.path, "/v1/plugin/connect/websites/since");
    assert_eq!(
        query_of(&request),
        vec![
            ("filter_configured", "0"),
            ("include_plan", "1"),
            ("date_since", "2026-11-01T00:00:00Z")
        ]
    );
    assert_eq!(websites[0].website_id, Some(fake.website_id()));
    assert_eq!(websites[0].difference.as_deref(), Some("added"));

    fake.clear_requests();
    client.plugin().list_connect_websites_since("").await.unwrap();
    assert_eq!(
        query_of(&single_request(&fake)),
        vec![("filter_configured", "0"), ("include_plan", "0")]
    );
}

#[tokio::test]
async fn get_connect_endpoints_for_plugin_and_website() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let endpoints = client.plugin().get_connect_endpoints().await.unwrap();
    let request = single_request(&fake);
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", "/v1/plugin/connect/endpoints")
    );
    let app = endpoints.socket.and_then(|socket| socket.app).unwrap();
    assert!(
        app.starts_with("http://127.0.0.1:") || app.starts_with("ws://127.0.0.1:"),
        "{app}"
    );

    fake.clear_requests();
    let website = fake.website_id();
    let endpoints = client.website().get_connect_endpoints(&website).await.unwrap();
    assert_eq!(
        single_request(&fake).path,
        format!("/v1/website/{website}/connect/endpoints")
    );
    assert!(endpoints.socket.and_then(|socket| socket.app).is_some());
}

#[tokio::test]
async fn plugin_routes_refuse_other_tiers() {
    let (_fake, client) = fake_and_client(Tier::User).await;
    let error = client.plugin().get_connect_account().await.unwrap_err();
    let api = error.as_api().unwrap();
    assert_eq!(api.status(), 403);
}
