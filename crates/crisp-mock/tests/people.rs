//! People profiles.

mod common;

use common::{auth_headers, plugin, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

#[tokio::test]
async fn profile_lifecycle() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let card = json!({"email": "jane@example.com", "person": {"nickname": "Jane Doe", "phone": "+33600000000"}, "segments": ["lead"]});
    let added = plugin(&fake, "POST", &format!("website/{website}/people/profile"), Some(card))
        .await
        .unwrap();
    assert_eq!(added.status, 201);
    assert_eq!(added.json()["reason"], "added");
    let people_id = added.json()["data"]["people_id"].as_str().unwrap().to_owned();
    assert_eq!(people_id.len(), 36);
    let path = format!("website/{website}/people/profile/{people_id}");

    let profile = plugin(&fake, "GET", &path, None).await.unwrap().json()["data"].clone();
    assert_eq!(profile["people_id"], people_id.as_str());
    assert_eq!(profile["email"], "jane@example.com");
    assert_eq!(
        profile["person"],
        json!({"nickname": "Jane Doe", "phone": "+33600000000"})
    );
    assert_eq!(profile["segments"], json!(["lead"]));
    assert!(profile["created_at"].is_u64());

    // PATCH merges nested objects, replaces arrays.
    let patch = json!({"person": {"nickname": "Jane"}, "segments": ["customer"]});
    let updated = plugin(&fake, "PATCH", &path, Some(patch)).await.unwrap();
    assert_eq!(updated.json(), json!({"error": false, "reason": "updated", "data": {}}));
    let profile = plugin(&fake, "GET", &path, None).await.unwrap().json()["data"].clone();
    assert_eq!(profile["person"], json!({"nickname": "Jane", "phone": "+33600000000"}));
    assert_eq!(profile["segments"], json!(["customer"]));

    // PUT replaces the card.
    let replaced = plugin(
        &fake,
        "PUT",
        &path,
        Some(json!({"email": "jane@corp.example", "person": {"nickname": "J"}})),
    )
    .await
    .unwrap();
    assert_eq!(replaced.status, 200);
    let profile = plugin(&fake, "GET", &path, None).await.unwrap().json()["data"].clone();
    assert_eq!(profile["email"], "jane@corp.example");
    assert_eq!(profile["person"], json!({"nickname": "J"}));
    assert_eq!(profile["segments"], json!([]));

    // HEAD exists, then DELETE, then 404s.
    let headers = auth_headers(&fake, Tier::Plugin);
    let head = send_raw(fake.addr(), "HEAD", &format!("/v1/{path}"), &headers, None)
        .await
        .unwrap();
    assert_eq!((head.status, head.body.len()), (200, 0));
    let deleted = plugin(&fake, "DELETE", &path, None).await.unwrap();
    assert_eq!(deleted.json(), json!({"error": false, "reason": "deleted", "data": {}}));
    let head = send_raw(fake.addr(), "HEAD", &format!("/v1/{path}"), &headers, None)
        .await
        .unwrap();
    assert_eq!((head.status, head.body.len()), (404, 0));
    let missing = plugin(&fake, "GET", &path, None).await.unwrap();
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.text(),
        r#"{"error":true,"reason":"people_not_found","data":{}}"#
    );
}

#[tokio::test]
async fn duplicate_email_is_409_people_exists() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    fake.add_people_profile(&website, json!({"email": "bob@example.com"}));
    let again = plugin(
        &fake,
        "POST",
        &format!("website/{website}/people/profile"),
        Some(json!({"email": "BOB@example.com"})),
    )
    .await
    .unwrap();
    assert_eq!(again.status, 409);
    assert_eq!(
        again.json(),
        json!({"error": true, "reason": "people_exists", "data": {}})
    );
    let no_email = plugin(
        &fake,
        "POST",
        &format!("website/{website}/people/profile"),
        Some(json!({"person": {}})),
    )
    .await
    .unwrap();
    assert_eq!(no_email.status, 400);
    assert_eq!(no_email.json()["reason"], "invalid_data");
}

#[tokio::test]
async fn list_profiles_with_search_text() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let alice = fake.add_people_profile(
        &website,
        json!({"email": "alice@example.com", "person": {"nickname": "Alice"}}),
    );
    let bob = fake.add_people_profile(
        &website,
        json!({"email": "bob@example.com", "person": {"nickname": "Bobby"}}),
    );
    let ids = |v: serde_json::Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["people_id"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = plugin(&fake, "GET", &format!("website/{website}/people/profiles/1"), None)
        .await
        .unwrap();
    assert_eq!(ids(all.json()), [bob.to_string(), alice.to_string()]);
    let search = plugin(
        &fake,
        "GET",
        &format!("website/{website}/people/profiles/1?search_text=alice"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(ids(search.json()), [alice.to_string()]);
    let by_nickname = plugin(
        &fake,
        "GET",
        &format!("website/{website}/people/profiles/1?search_text=bobby"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(ids(by_nickname.json()), [bob.to_string()]);
    let past_end = plugin(&fake, "GET", &format!("website/{website}/people/profiles/2"), None)
        .await
        .unwrap();
    assert_eq!(past_end.json()["data"], json!([]));
    let unknown_site = plugin(&fake, "GET", "website/nope/people/profiles/1", None)
        .await
        .unwrap();
    assert_eq!(unknown_site.json()["reason"], "website_not_found");
}
