//! The account routes: plugin and plan subscriptions, bucket URLs (and the
//! storage they point to), animation searches, and the legacy user routes
//! (login, recovery, logout, profile), with their tier rules.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

mod common;

use common::{answer_as, auth_headers, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::{Value, json};

/// (verb, path under `/v1/`, tiers that may call it).
const ROUTES: &[(&str, &str, &[Tier])] = &[
    ("GET", "plugins/subscription", &[Tier::User]),
    ("GET", "plugins/subscription/{w}", &[Tier::User]),
    ("GET", "plugins/subscription/{w}/{p}", &[Tier::User, Tier::Plugin]),
    (
        "GET",
        "plugins/subscription/{w}/{p}/settings",
        &[Tier::User, Tier::Plugin],
    ),
    (
        "GET",
        "plugins/subscription/{w}/{p}/bill/usage",
        &[Tier::User, Tier::Plugin],
    ),
    (
        "GET",
        "plugins/subscription/{w}/{p}/attest/provenance",
        &[Tier::User, Tier::Plugin],
    ),
    ("GET", "plans/subscription", &[Tier::User]),
    ("GET", "plans/subscription/{w}", &[Tier::User, Tier::Plugin]),
    (
        "GET",
        "media/animation/list/1?list_id=l&search_query=cat",
        &[Tier::User],
    ),
    ("GET", "user/account/profile", &[Tier::User]),
];

#[tokio::test]
async fn read_routes_are_served_with_their_tiers() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let plugin = fake.plugin_id();
    for (verb, path, tiers) in ROUTES {
        let path = path.replace("{w}", website.as_str()).replace("{p}", plugin.as_str());
        for tier in [Tier::User, Tier::Plugin, Tier::Website] {
            let answer = answer_as(&fake, tier, verb, &path, None).await;
            if tiers.contains(&tier) {
                assert_eq!(answer.status, 200, "{verb} {path} as {tier}: {answer:?}");
                assert_eq!(answer.reason, "resolved", "{verb} {path}");
            } else {
                assert_eq!(answer.status, 403, "{verb} {path} as {tier}: {answer:?}");
                assert_eq!(answer.reason, "not_allowed");
            }
        }
    }
}

#[tokio::test]
async fn websites_start_subscribed_to_the_fake_plugin_and_essentials() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let second = fake.add_website();
    let all = answer_as(&fake, Tier::User, "GET", "plugins/subscription", None).await;
    let all = all.data.as_array().unwrap().clone();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["id"], fake.plugin_id().as_str());
    assert_eq!(all[0]["website_id"], website.as_str());
    assert_eq!(all[1]["website_id"], second.as_str());
    assert_eq!(all[0]["active"], true);
    assert!(all[0]["since"].as_str().unwrap().ends_with('Z'));

    let plan = answer_as(
        &fake,
        Tier::Plugin,
        "GET",
        &format!("plans/subscription/{website}"),
        None,
    )
    .await;
    assert_eq!(plan.data["name"], "Essentials");
    assert_eq!(plan.data["id"], fake.plan_id("essentials").unwrap().as_str());
    assert_eq!(plan.data["bill_period"], "monthly");
    assert_eq!(plan.data["website"]["id"], website.as_str());
    assert_eq!(plan.data["owner"]["email"], fake.user_email());
    assert_eq!(plan.data["owner"]["user_id"], fake.account_user_id().as_str());
}

#[tokio::test]
async fn subscribing_lists_and_unsubscribing_removes() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let slack = fake.add_marketplace_plugin("Slack Bridge");
    let subscribe = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("plugins/subscription/{website}"),
        Some(json!({"plugin_id": slack.as_str()})),
    )
    .await;
    assert_eq!((subscribe.status, subscribe.reason.as_str()), (201, "added"));
    let listed = answer_as(
        &fake,
        Tier::User,
        "GET",
        &format!("plugins/subscription/{website}"),
        None,
    )
    .await;
    let ids: Vec<&str> = listed
        .data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, [fake.plugin_id().as_str(), slack.as_str()]);
    let details = answer_as(
        &fake,
        Tier::User,
        "GET",
        &format!("plugins/subscription/{website}/{slack}"),
        None,
    )
    .await;
    assert_eq!(details.data["name"], "Slack Bridge");
    assert_eq!(details.data["urn"], "urn:crisp-mock:slack-bridge:0");

    // A plugin token reaches only its own plugin.
    let other = answer_as(
        &fake,
        Tier::Plugin,
        "GET",
        &format!("plugins/subscription/{website}/{slack}"),
        None,
    )
    .await;
    assert_eq!(other.status, 403);

    let removed = answer_as(
        &fake,
        Tier::User,
        "DELETE",
        &format!("plugins/subscription/{website}/{slack}"),
        None,
    )
    .await;
    assert_eq!((removed.status, removed.reason.as_str()), (200, "deleted"));
    let gone = answer_as(
        &fake,
        Tier::User,
        "GET",
        &format!("plugins/subscription/{website}/{slack}"),
        None,
    )
    .await;
    assert_eq!((gone.status, gone.reason.as_str()), (404, "subscription_not_found"));
    let again = answer_as(
        &fake,
        Tier::User,
        "DELETE",
        &format!("plugins/subscription/{website}/{slack}"),
        None,
    )
    .await;
    assert_eq!(again.status, 404);

    let unknown = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("plugins/subscription/{website}"),
        Some(json!({"plugin_id": "00000000-0000-4000-8000-000000000000"})),
    )
    .await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "plugin_not_found"));
    let malformed = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("plugins/subscription/{website}"),
        Some(json!({"plugin": 1})),
    )
    .await;
    assert_eq!(malformed.status, 400);
    let no_website = answer_as(&fake, Tier::User, "GET", "plugins/subscription/nope", None).await;
    assert_eq!(
        (no_website.status, no_website.reason.as_str()),
        (404, "website_not_found")
    );
}

#[tokio::test]
async fn settings_read_back_what_was_saved_and_reach_connect() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let plugin = fake.plugin_id();
    let path = format!("plugins/subscription/{website}/{plugin}/settings");
    let saved = answer_as(
        &fake,
        Tier::Plugin,
        "PUT",
        &path,
        Some(json!({"channel": "#support", "nested": {"a": 1, "b": 2}})),
    )
    .await;
    assert_eq!((saved.status, saved.reason.as_str()), (200, "updated"));
    let merged = answer_as(&fake, Tier::User, "PATCH", &path, Some(json!({"nested": {"b": 3}}))).await;
    assert_eq!(merged.status, 200);
    let read = answer_as(&fake, Tier::Plugin, "GET", &path, None).await;
    assert_eq!(
        read.data["settings"],
        json!({"channel": "#support", "nested": {"a": 1, "b": 3}})
    );
    assert_eq!(read.data["plugin_id"], plugin.as_str());
    assert_eq!(read.data["token"].as_str().unwrap().len(), 64);
    assert!(read.data["schema"].is_object());

    // The plugin sees the same settings through plugin/connect.
    let connect = answer_as(&fake, Tier::Plugin, "GET", "plugin/connect/websites/all/1", None).await;
    assert_eq!(connect.data[0]["settings"]["channel"], "#support");

    // A full save replaces.
    answer_as(&fake, Tier::User, "PUT", &path, Some(json!({"only": true}))).await;
    let read = answer_as(&fake, Tier::User, "GET", &path, None).await;
    assert_eq!(read.data["settings"], json!({"only": true}));
    let not_object = answer_as(&fake, Tier::User, "PUT", &path, Some(json!([1]))).await;
    assert_eq!(not_object.status, 400);
}

#[tokio::test]
async fn usage_is_reported_by_the_plugin_and_listed() {
    let fake = FakeCrisp::start().await.unwrap();
    let path = format!(
        "plugins/subscription/{}/{}/bill/usage",
        fake.website_id(),
        fake.plugin_id()
    );
    let empty = answer_as(&fake, Tier::User, "GET", &path, None).await;
    assert_eq!(empty.data, json!([]));
    let usage = json!({"name": "SMS sent", "units": 12, "price": 0.05});
    let as_user = answer_as(&fake, Tier::User, "POST", &path, Some(usage.clone())).await;
    assert_eq!(as_user.status, 403);
    let reported = answer_as(&fake, Tier::Plugin, "POST", &path, Some(usage.clone())).await;
    assert_eq!(reported.status, 201);
    let bad = answer_as(
        &fake,
        Tier::Plugin,
        "POST",
        &path,
        Some(json!({"name": "x", "units": -1, "price": 1})),
    )
    .await;
    assert_eq!(bad.status, 400);
    let listed = answer_as(&fake, Tier::Plugin, "GET", &path, None).await;
    assert_eq!(listed.data, json!([usage]));
}

#[tokio::test]
async fn channel_and_event_are_dispatched() {
    let fake = FakeCrisp::start().await.unwrap();
    let base = format!("plugins/subscription/{}/{}", fake.website_id(), fake.plugin_id());
    let attest = answer_as(&fake, Tier::Plugin, "GET", &format!("{base}/attest/provenance"), None).await;
    assert_eq!(attest.data["payload"]["plugin"]["plugin_id"], fake.plugin_id().as_str());
    assert_eq!(attest.data["payload"]["user"]["role"], "owner");
    assert!(attest.data["expire_at"].as_u64().unwrap() > 0);
    let channel = answer_as(
        &fake,
        Tier::Plugin,
        "POST",
        &format!("{base}/channel"),
        Some(json!({"namespace": "ns", "identifier": "id", "payload": {"k": 1}})),
    )
    .await;
    assert_eq!((channel.status, channel.reason.as_str()), (202, "dispatched"));
    let event = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("{base}/event"),
        Some(json!({"name": "order_shipped", "data": {}})),
    )
    .await;
    assert_eq!(event.status, 202);
    let nameless = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("{base}/event"),
        Some(json!({"data": {}})),
    )
    .await;
    assert_eq!(nameless.status, 400);
}

#[tokio::test]
async fn plan_changes_read_back() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let path = format!("plans/subscription/{website}");
    let plus = fake.plan_id("Plus").unwrap();
    let subscribed = answer_as(
        &fake,
        Tier::User,
        "POST",
        &path,
        Some(json!({"plan_id": plus.as_str()})),
    )
    .await;
    assert_eq!(subscribed.status, 201);
    let as_plugin = answer_as(
        &fake,
        Tier::Plugin,
        "POST",
        &path,
        Some(json!({"plan_id": plus.as_str()})),
    )
    .await;
    assert_eq!(as_plugin.status, 403);
    let unknown = answer_as(&fake, Tier::User, "POST", &path, Some(json!({"plan_id": "nope"}))).await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "plan_not_found"));

    let period = answer_as(
        &fake,
        Tier::User,
        "PATCH",
        &format!("{path}/bill/period"),
        Some(json!({"period": "yearly"})),
    )
    .await;
    assert_eq!(period.status, 200);
    let weekly = answer_as(
        &fake,
        Tier::User,
        "PATCH",
        &format!("{path}/bill/period"),
        Some(json!({"period": "weekly"})),
    )
    .await;
    assert_eq!(weekly.status, 400);

    let missing = answer_as(&fake, Tier::User, "GET", &format!("{path}/coupon?code=SPRING"), None).await;
    assert_eq!((missing.status, missing.reason.as_str()), (404, "coupon_not_found"));
    fake.add_plan_coupon("SPRING", 25.0, 7);
    let coupon = answer_as(&fake, Tier::User, "GET", &format!("{path}/coupon?code=spring"), None).await;
    assert_eq!(coupon.data["code"], "SPRING");
    assert_eq!(coupon.data["policy"], json!({"rebate_percent": 25.0, "trial_days": 7}));
    let no_code = answer_as(&fake, Tier::User, "GET", &format!("{path}/coupon"), None).await;
    assert_eq!(no_code.status, 400);
    let redeemed = answer_as(
        &fake,
        Tier::User,
        "PATCH",
        &format!("{path}/coupon"),
        Some(json!({"code": "SPRING"})),
    )
    .await;
    assert_eq!(redeemed.status, 200);

    let plan = answer_as(&fake, Tier::User, "GET", &path, None).await;
    assert_eq!(plan.data["id"], plus.as_str());
    assert_eq!(plan.data["name"], "Plus");
    assert_eq!(plan.data["price"], 295);
    assert_eq!(plan.data["bill_period"], "yearly");
    assert_eq!(plan.data["coupon_redeemed"], true);

    let removed = answer_as(&fake, Tier::User, "DELETE", &path, None).await;
    assert_eq!(removed.status, 200);
    let gone = answer_as(&fake, Tier::User, "GET", &path, None).await;
    assert_eq!((gone.status, gone.reason.as_str()), (404, "subscription_not_found"));
    let all = answer_as(&fake, Tier::User, "GET", "plans/subscription", None).await;
    assert_eq!(all.data, json!([]));
}

#[tokio::test]
async fn animations_page_by_number() {
    let fake = FakeCrisp::start().await.unwrap();
    let mut urls = Vec::new();
    for page in 1..=4 {
        let answer = answer_as(
            &fake,
            Tier::User,
            "GET",
            &format!("media/animation/list/{page}?list_id=list_1&search_query=happy%20cat"),
            None,
        )
        .await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.data["id"], "list_1");
        for result in answer.data["results"].as_array().unwrap() {
            assert_eq!(result["type"], "image/gif");
            urls.push(result["url"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(urls.len(), 5);
    assert!(urls[0].contains("happy-cat"), "{urls:?}");
    let no_list = answer_as(
        &fake,
        Tier::User,
        "GET",
        "media/animation/list/1?search_query=cat",
        None,
    )
    .await;
    assert_eq!(no_list.status, 400);
    let page_zero = answer_as(
        &fake,
        Tier::User,
        "GET",
        "media/animation/list/0?list_id=l&search_query=c",
        None,
    )
    .await;
    assert_eq!(page_zero.status, 400);
}

#[tokio::test]
async fn bucket_urls_accept_an_upload_and_serve_it() {
    let fake = FakeCrisp::start().await.unwrap();
    let request = json!({
        "namespace": "upload",
        "id": "upload-1",
        "file": {"name": "hello world.txt", "type": "text/plain"},
        "resource": {"type": "website", "id": fake.website_id().as_str()},
    });
    let generated = answer_as(&fake, Tier::Plugin, "POST", "bucket/url/generate", Some(request)).await;
    assert_eq!(generated.status, 200, "{generated:?}");
    let data = generated.data;
    assert_eq!(data["type"], "upload");
    assert_eq!(data["from"], "plugin");
    assert_eq!(data["id"], "upload-1");
    assert_eq!(data["resource"]["type"], "website");
    assert_eq!(data["policy"]["size_limit"], 20 * 1024 * 1024);
    let signed = data["url"]["signed"].as_str().unwrap();
    let resource = data["url"]["resource"].as_str().unwrap();
    assert!(
        signed.starts_with(resource) && signed.contains("?signature="),
        "{signed}"
    );
    assert!(resource.ends_with("/hello%20world.txt"), "{resource}");

    let origin = format!("http://{}", fake.addr());
    let signed_target = signed.trim_start_matches(&origin).to_owned();
    let resource_target = resource.trim_start_matches(&origin).to_owned();
    let before = send_raw(fake.addr(), "GET", &resource_target, &[], None).await.unwrap();
    assert_eq!(before.status, 404);
    let forged = format!("{}?signature=forged", resource_target);
    let refused = send_raw(fake.addr(), "PUT", &forged, &[], Some(b"x")).await.unwrap();
    assert_eq!(refused.status, 403);
    let put = send_raw(fake.addr(), "PUT", &signed_target, &[], Some(b"hello"))
        .await
        .unwrap();
    assert_eq!(put.status, 200);
    let after = send_raw(fake.addr(), "GET", &resource_target, &[], None).await.unwrap();
    assert_eq!(after.status, 200);
    assert_eq!(after.body, b"hello");
    assert_eq!(after.header("content-type"), Some("text/plain"));

    let bad_namespace = answer_as(
        &fake,
        Tier::User,
        "POST",
        "bucket/url/generate",
        Some(json!({"namespace": "attic", "id": "1", "file": {"name": "a", "type": "b"}})),
    )
    .await;
    assert_eq!(bad_namespace.status, 400);
    let no_file = answer_as(
        &fake,
        Tier::User,
        "POST",
        "bucket/url/generate",
        Some(json!({"namespace": "upload", "id": "1"})),
    )
    .await;
    assert_eq!(no_file.status, 400);
}

/// A login, sent without any credentials, as the old SDKs did.
async fn login(fake: &FakeCrisp, email: &str, password: &str) -> (u16, Value) {
    let body = json!({"email": email, "password": password}).to_string();
    let response = send_raw(
        fake.addr(),
        "POST",
        "/v1/user/session/login",
        &[("Content-Type", "application/json".to_owned())],
        Some(body.as_bytes()),
    )
    .await
    .unwrap();
    (response.status, response.json())
}

/// A user-tier call with the given token pair.
async fn with_session(fake: &FakeCrisp, session: &Value, method: &str, path: &str) -> common::RawResponse {
    let identifier = session["identifier"].as_str().unwrap_or_default();
    let key = session["key"].as_str().unwrap_or_default();
    let token = crisp_mock::FakeToken {
        identifier: identifier.to_owned(),
        key: key.to_owned(),
        tier: Tier::User,
    };
    let headers = [
        ("Authorization", token.authorization()),
        ("X-Crisp-Tier", "user".to_owned()),
    ];
    send_raw(fake.addr(), method, &format!("/v1/{path}"), &headers, Some(b"{}"))
        .await
        .unwrap()
}

#[tokio::test]
async fn login_gives_a_session_that_logout_destroys() {
    let fake = FakeCrisp::start().await.unwrap();
    let (status, wrong) = login(&fake, &fake.user_email(), "not the password").await;
    assert_eq!(status, 401);
    assert_eq!(wrong["reason"], "invalid_credentials");

    let (status, answer) = login(&fake, &fake.user_email().to_uppercase(), &fake.user_password()).await;
    assert_eq!(status, 201, "{answer}");
    let session = answer["data"].clone();
    assert_eq!(session["key"].as_str().unwrap().len(), 64);

    let profile = with_session(&fake, &session, "GET", "user/account/profile").await;
    assert_eq!(profile.status, 200);
    assert_eq!(profile.json()["data"]["email"], fake.user_email());
    assert_eq!(profile.json()["data"]["user_id"], fake.account_user_id().as_str());
    // The session works on the other user-tier routes too.
    let plans = with_session(&fake, &session, "GET", "plans/subscription").await;
    assert_eq!(plans.status, 200);

    let logout = with_session(&fake, &session, "POST", "user/session/logout").await;
    assert_eq!(logout.status, 200);
    let after = with_session(&fake, &session, "GET", "user/account/profile").await;
    assert_eq!(after.status, 401);
    assert_eq!(after.json()["reason"], "invalid_session");

    // The fixed user token survives a logout.
    let fixed = answer_as(&fake, Tier::User, "POST", "user/session/logout", Some(json!({}))).await;
    assert_eq!(fixed.status, 200);
    let still = answer_as(&fake, Tier::User, "GET", "user/account/profile", None).await;
    assert_eq!(still.status, 200);
    let plugin_profile = answer_as(&fake, Tier::Plugin, "GET", "user/account/profile", None).await;
    assert_eq!(plugin_profile.status, 403);
}

#[tokio::test]
async fn recovery_needs_no_credentials_and_is_recorded() {
    let fake = FakeCrisp::start().await.unwrap();
    let body = json!({"email": "jane@example.com"}).to_string();
    let response = send_raw(
        fake.addr(),
        "POST",
        "/v1/user/session/recover",
        &auth_headers(&fake, Tier::Website),
        Some(body.as_bytes()),
    )
    .await
    .unwrap();
    assert_eq!(response.status, 202);
    assert_eq!(fake.password_recoveries(), ["jane@example.com"]);
    let malformed = send_raw(fake.addr(), "POST", "/v1/user/session/recover", &[], Some(b"{}"))
        .await
        .unwrap();
    assert_eq!(malformed.status, 400);
    // Logging out needs credentials.
    let logout = send_raw(fake.addr(), "POST", "/v1/user/session/logout", &[], Some(b"{}"))
        .await
        .unwrap();
    assert_eq!(logout.status, 401);
}
