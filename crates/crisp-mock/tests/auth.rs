//! Authentication: credentials, the tier header, and which tier may call what.

mod common;

use base64::Engine as _;
use common::{auth_headers, call, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

#[tokio::test]
async fn missing_authorization_is_401_invalid_session() {
    let fake = FakeCrisp::start().await.unwrap();
    let path = format!("/v1/website/{}/conversations/1", fake.website_id());
    let response = send_raw(fake.addr(), "GET", &path, &[("X-Crisp-Tier", "user".to_owned())], None)
        .await
        .unwrap();
    assert_eq!(response.status, 401);
    assert_eq!(response.header("content-type"), Some("application/json; charset=utf-8"));
    assert_eq!(
        response.text(),
        r#"{"error":true,"reason":"invalid_session","data":{}}"#
    );
}

#[tokio::test]
async fn wrong_key_is_401_invalid_session() {
    let fake = FakeCrisp::start().await.unwrap();
    let token = fake.token(Tier::User);
    let forged = base64::engine::general_purpose::STANDARD.encode(format!("{}:not-the-key", token.identifier));
    let headers = [
        ("Authorization", format!("Basic {forged}")),
        ("X-Crisp-Tier", "user".to_owned()),
    ];
    let path = format!("/v1/website/{}/conversations/1", fake.website_id());
    let response = send_raw(fake.addr(), "GET", &path, &headers, None).await.unwrap();
    assert_eq!(response.status, 401);
    assert_eq!(
        response.json(),
        json!({"error": true, "reason": "invalid_session", "data": {}})
    );
}

#[tokio::test]
async fn missing_or_wrong_tier_header_is_401_invalid_tier() {
    let fake = FakeCrisp::start().await.unwrap();
    let path = format!("/v1/website/{}/conversations/1", fake.website_id());
    let authorization = fake.token(Tier::User).authorization();

    let missing = send_raw(
        fake.addr(),
        "GET",
        &path,
        &[("Authorization", authorization.clone())],
        None,
    )
    .await
    .unwrap();
    assert_eq!(missing.status, 401);
    assert_eq!(
        missing.json(),
        json!({"error": true, "reason": "invalid_tier", "data": {}})
    );

    let wrong = [("Authorization", authorization), ("X-Crisp-Tier", "plugin".to_owned())];
    let wrong = send_raw(fake.addr(), "GET", &path, &wrong, None).await.unwrap();
    assert_eq!(wrong.status, 401);
    assert_eq!(
        wrong.json(),
        json!({"error": true, "reason": "invalid_tier", "data": {}})
    );
}

#[tokio::test]
async fn each_tier_has_its_own_token() {
    let fake = FakeCrisp::start().await.unwrap();
    let user = fake.token(Tier::User);
    let website = fake.token(Tier::Website);
    let plugin = fake.token(Tier::Plugin);
    assert_eq!(
        (user.tier, website.tier, plugin.tier),
        (Tier::User, Tier::Website, Tier::Plugin)
    );
    assert_ne!(user.identifier, plugin.identifier);
    assert_ne!(user.identifier, website.identifier);
    assert_eq!(user.key.len(), 64);
    assert_eq!(fake.token(Tier::User), user, "tokens are stable");
}

#[tokio::test]
async fn plugin_routes_need_the_plugin_tier() {
    let fake = FakeCrisp::start().await.unwrap();
    let as_user = call(&fake, Tier::User, "GET", "plugin/connect/account", None)
        .await
        .unwrap();
    assert_eq!(as_user.status, 403);
    assert_eq!(
        as_user.json(),
        json!({"error": true, "reason": "not_allowed", "data": {}})
    );

    let as_plugin = call(&fake, Tier::Plugin, "GET", "plugin/connect/account", None)
        .await
        .unwrap();
    assert_eq!(as_plugin.status, 200);
}

#[tokio::test]
async fn website_routes_accept_user_and_plugin_but_not_website_tier() {
    let fake = FakeCrisp::start().await.unwrap();
    let path = format!("website/{}/conversations/1", fake.website_id());
    assert_eq!(call(&fake, Tier::User, "GET", &path, None).await.unwrap().status, 200);
    assert_eq!(call(&fake, Tier::Plugin, "GET", &path, None).await.unwrap().status, 200);
    let as_website = call(&fake, Tier::Website, "GET", &path, None).await.unwrap();
    assert_eq!(as_website.status, 403);
    assert_eq!(as_website.json()["reason"], "not_allowed");

    // The RTM bootstrap route is open to every tier.
    let endpoints = call(&fake, Tier::Website, "GET", "website/connect/endpoints", None)
        .await
        .unwrap();
    assert_eq!(endpoints.status, 200);
}

#[tokio::test]
async fn head_rejection_has_no_body() {
    let fake = FakeCrisp::start().await.unwrap();
    let response = send_raw(fake.addr(), "HEAD", "/v1/plugin/connect/session", &[], None)
        .await
        .unwrap();
    assert_eq!(response.status, 401);
    assert!(response.body.is_empty());
    let ok = send_raw(
        fake.addr(),
        "HEAD",
        "/v1/plugin/connect/session",
        &auth_headers(&fake, Tier::Plugin),
        None,
    )
    .await
    .unwrap();
    assert_eq!(ok.status, 200);
    assert!(ok.body.is_empty());
}

#[tokio::test]
async fn rejected_requests_are_recorded() {
    let fake = FakeCrisp::start().await.unwrap();
    send_raw(fake.addr(), "GET", "/v1/plugin/connect/account", &[], None)
        .await
        .unwrap();
    let recorded = fake.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].method, http::Method::GET);
    assert_eq!(recorded[0].path, "/v1/plugin/connect/account");
    assert_eq!(recorded[0].header("authorization"), None);
}
