//! An email names a people profile wherever a route takes a `{people_id}`,
//! as on Crisp.

mod common;

use common::{auth_headers, call, plugin, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

/// `jane.doe@example.com`, as a client puts it in a path.
const JANE: &str = "jane.doe%40example.com";

/// A fake with Jane's profile (and another one), and Jane's UUID.
#[allow(clippy::unwrap_used, reason = "a test whose set-up fails must stop loudly")]
async fn fake_with_jane() -> (FakeCrisp, String) {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let jane = fake.add_people_profile(
        &website,
        json!({"email": "jane.doe@example.com", "person": {"nickname": "Jane"}, "segments": ["lead"]}),
    );
    fake.add_people_profile(&website, json!({"email": "john@example.com"}));
    (fake, jane.into_string())
}

#[tokio::test]
async fn get_check_update_save_and_remove_a_profile_by_email() {
    let (fake, jane) = fake_with_jane().await;
    let website = fake.website_id();
    let by_email = format!("website/{website}/people/profile/{JANE}");
    let by_id = format!("website/{website}/people/profile/{jane}");

    // Get: the profile that has the email, with its UUID; the case of the
    // email does not matter, and a raw `@` works as well as `%40`.
    for path in [
        by_email.clone(),
        format!("website/{website}/people/profile/Jane.Doe%40Example.com"),
        format!("website/{website}/people/profile/jane.doe@example.com"),
    ] {
        let answer = plugin(&fake, "GET", &path, None).await.unwrap();
        assert_eq!(answer.status, 200, "{path}: {}", answer.text());
        assert_eq!(answer.json()["data"]["people_id"], jane.as_str(), "{path}");
    }

    // Check: 200 for a known email, 404 for an unknown one.
    let headers = auth_headers(&fake, Tier::Plugin);
    let head = send_raw(fake.addr(), "HEAD", &format!("/v1/{by_email}"), &headers, None)
        .await
        .unwrap();
    assert_eq!(head.status, 200);
    let unknown = format!("/v1/website/{website}/people/profile/nobody%40example.com");
    let head = send_raw(fake.addr(), "HEAD", &unknown, &headers, None).await.unwrap();
    assert_eq!(head.status, 404);

    // Update (PATCH) by email; read back by id.
    let patched = plugin(&fake, "PATCH", &by_email, Some(json!({"notepad": "VIP"})))
        .await
        .unwrap();
    assert_eq!(patched.status, 200, "{}", patched.text());
    let profile = plugin(&fake, "GET", &by_id, None).await.unwrap().json()["data"].clone();
    assert_eq!(profile["notepad"], "VIP");
    assert_eq!(profile["person"]["nickname"], "Jane");

    // Save (PUT) by email, keeping the email: not a clash with itself.
    let card = json!({"email": "jane.doe@example.com", "segments": ["customer"]});
    let saved = plugin(&fake, "PUT", &by_email, Some(card)).await.unwrap();
    assert_eq!(saved.status, 200, "{}", saved.text());
    let profile = plugin(&fake, "GET", &by_id, None).await.unwrap().json()["data"].clone();
    assert_eq!(profile["segments"], json!(["customer"]));
    assert!(profile.get("notepad").is_none(), "a PUT replaces the card: {profile}");

    // Taking another profile's email is still refused.
    let clash = plugin(&fake, "PATCH", &by_email, Some(json!({"email": "john@example.com"})))
        .await
        .unwrap();
    assert_eq!(
        (clash.status, clash.json()["reason"].clone()),
        (409, json!("people_exists"))
    );

    // Remove by email: the profile is gone, the other one stays.
    let removed = plugin(&fake, "DELETE", &by_email, None).await.unwrap();
    assert_eq!(removed.status, 200, "{}", removed.text());
    let gone = plugin(&fake, "GET", &by_id, None).await.unwrap();
    assert_eq!(
        (gone.status, gone.json()["reason"].clone()),
        (404, json!("people_not_found"))
    );
    let john = plugin(
        &fake,
        "GET",
        &format!("website/{website}/people/profile/john%40example.com"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(john.status, 200);
}

#[tokio::test]
async fn events_data_subscription_and_conversations_by_email() {
    let (fake, jane) = fake_with_jane().await;
    let website = fake.website_id();
    let people = format!("website/{website}/people");

    // Events.
    let added = plugin(
        &fake,
        "POST",
        &format!("{people}/events/{JANE}"),
        Some(json!({"text": "Signed up", "color": "green"})),
    )
    .await
    .unwrap();
    assert_eq!(added.status, 201, "{}", added.text());
    for who in [JANE, jane.as_str()] {
        let events = plugin(&fake, "GET", &format!("{people}/events/{who}/list/1"), None)
            .await
            .unwrap();
        assert_eq!(events.json()["data"][0]["text"], "Signed up", "{who}");
    }

    // Data: save (PUT), update (PATCH, merges), read.
    let saved = plugin(
        &fake,
        "PUT",
        &format!("{people}/data/{JANE}"),
        Some(json!({"plan": "free", "seats": 1})),
    )
    .await
    .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.text());
    let merged = plugin(
        &fake,
        "PATCH",
        &format!("{people}/data/{JANE}"),
        Some(json!({"plan": "pro"})),
    )
    .await
    .unwrap();
    assert_eq!(merged.status, 200, "{}", merged.text());
    for who in [JANE, jane.as_str()] {
        let data = plugin(&fake, "GET", &format!("{people}/data/{who}"), None)
            .await
            .unwrap();
        assert_eq!(data.json()["data"]["data"], json!({"plan": "pro", "seats": 1}), "{who}");
    }

    // Subscription.
    let unsubscribed = plugin(
        &fake,
        "PATCH",
        &format!("{people}/subscription/{JANE}"),
        Some(json!({"email": false})),
    )
    .await
    .unwrap();
    assert_eq!(unsubscribed.status, 200, "{}", unsubscribed.text());
    for who in [JANE, jane.as_str()] {
        let status = plugin(&fake, "GET", &format!("{people}/subscription/{who}"), None)
            .await
            .unwrap();
        assert_eq!(status.json()["data"], json!({"email": false}), "{who}");
    }

    // Conversations: those whose meta email is the profile's.
    let session = fake.add_conversation(&website);
    let meta = plugin(
        &fake,
        "PATCH",
        &format!("website/{website}/conversation/{session}/meta"),
        Some(json!({"email": "jane.doe@example.com"})),
    )
    .await
    .unwrap();
    assert_eq!(meta.status, 200, "{}", meta.text());
    let listed = plugin(&fake, "GET", &format!("{people}/conversations/{JANE}/list/1"), None)
        .await
        .unwrap();
    assert_eq!(listed.json()["data"], json!([session.as_str()]));

    // Campaigns (user tier): a known profile, so `[]` rather than a 404.
    let campaigns = call(
        &fake,
        Tier::User,
        "GET",
        &format!("{people}/campaigns/{JANE}/list/1"),
        None,
    )
    .await
    .unwrap();
    assert_eq!((campaigns.status, campaigns.json()["data"].clone()), (200, json!([])));
}

#[tokio::test]
async fn an_unknown_email_is_people_not_found() {
    let (fake, _) = fake_with_jane().await;
    let website = fake.website_id();
    let people = format!("website/{website}/people");
    for (method, path, body) in [
        ("GET", format!("{people}/profile/nobody%40example.com"), None),
        (
            "PATCH",
            format!("{people}/profile/nobody%40example.com"),
            Some(json!({"notepad": "x"})),
        ),
        ("DELETE", format!("{people}/profile/nobody%40example.com"), None),
        ("GET", format!("{people}/data/nobody%40example.com"), None),
        (
            "POST",
            format!("{people}/events/nobody%40example.com"),
            Some(json!({"text": "x"})),
        ),
        ("GET", format!("{people}/subscription/nobody%40example.com"), None),
        (
            "GET",
            format!("{people}/conversations/nobody%40example.com/list/1"),
            None,
        ),
    ] {
        let answer = plugin(&fake, method, &path, body).await.unwrap();
        assert_eq!(
            (answer.status, answer.json()["reason"].clone()),
            (404, json!("people_not_found")),
            "{method} {path}"
        );
    }
    // A name without `@` is never matched against emails.
    let answer = plugin(&fake, "GET", &format!("{people}/profile/jane.doe"), None)
        .await
        .unwrap();
    assert_eq!(answer.status, 404);
}
