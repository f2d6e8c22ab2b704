//! People: statistics, suggestions, events, data, subscription, the
//! profile's conversations and campaigns, export and import.

mod common;

use common::{answer, answer_as};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

#[tokio::test]
async fn statistics_and_segment_suggestions() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let p = format!("website/{website}/people");
    assert_eq!(
        answer(&fake, "GET", &format!("{p}/stats"), None).await.data,
        json!({"total": 0})
    );
    fake.add_people_profile(&website, json!({"email": "a@example.com", "segments": ["vip", "lead"]}));
    fake.add_people_profile(&website, json!({"email": "b@example.com", "segments": ["vip"]}));
    let stats = answer(&fake, "GET", &format!("{p}/stats"), None).await;
    assert_eq!(
        (stats.status, stats.reason.as_str(), stats.data),
        (200, "resolved", json!({"total": 2}))
    );

    let expected = json!([{"segment": "vip", "count": 2}, {"segment": "lead", "count": 1}]);
    assert_eq!(
        answer(&fake, "GET", &format!("{p}/suggest/segments/1"), None)
            .await
            .data,
        expected
    );
    assert_eq!(
        answer(&fake, "GET", &format!("{p}/segments/1"), None).await.data,
        expected
    );
    let deleted = answer(
        &fake,
        "DELETE",
        &format!("{p}/suggest/segment"),
        Some(json!({"segment": "lead"})),
    )
    .await;
    assert_eq!((deleted.status, deleted.reason.as_str()), (200, "deleted"));
    assert_eq!(
        answer(&fake, "GET", &format!("{p}/suggest/segments/1"), None)
            .await
            .data,
        json!([{"segment": "vip", "count": 2}])
    );
    assert_eq!(
        answer(&fake, "GET", &format!("{p}/segments/1"), None).await.data,
        expected
    );
    assert_eq!(
        answer(&fake, "GET", &format!("{p}/suggest/segments/2"), None)
            .await
            .data,
        json!([])
    );
    let bad = answer(
        &fake,
        "DELETE",
        &format!("{p}/suggest/segment"),
        Some(json!({"segment": ["x"]})),
    )
    .await;
    assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"));
    let unknown = answer(&fake, "GET", "website/nope/people/stats", None).await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "website_not_found"));
}

#[tokio::test]
async fn data_reads_back_and_feeds_key_suggestions() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let people_id = fake.add_people_profile(&website, json!({"email": "a@example.com"}));
    let other = fake.add_people_profile(&website, json!({"email": "b@example.com"}));
    let p = format!("website/{website}/people");
    let data = format!("{p}/data/{people_id}");

    let empty = answer(&fake, "GET", &data, None).await;
    assert_eq!((empty.status, empty.data), (200, json!({"data": {}})));
    let saved = answer(&fake, "PUT", &data, Some(json!({"plan": "pro", "seats": 3}))).await;
    assert_eq!((saved.status, saved.reason.as_str()), (200, "updated"));
    let patched = answer(&fake, "PATCH", &data, Some(json!({"seats": 5, "trial": false}))).await;
    assert_eq!(patched.status, 200);
    assert_eq!(
        answer(&fake, "GET", &data, None).await.data,
        json!({"data": {"plan": "pro", "seats": 5, "trial": false}})
    );
    // PUT replaces.
    answer(&fake, "PUT", &data, Some(json!({"plan": "free"}))).await;
    assert_eq!(
        answer(&fake, "GET", &data, None).await.data,
        json!({"data": {"plan": "free"}})
    );
    answer(
        &fake,
        "PUT",
        &format!("{p}/data/{other}"),
        Some(json!({"plan": "pro", "city": "Paris"})),
    )
    .await;

    for body in [json!({"nested": {"a": 1}}), json!({"list": [1]}), json!({"none": null})] {
        let bad = answer(&fake, "PATCH", &data, Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{body}");
    }
    let missing = answer(&fake, "GET", &format!("{p}/data/nobody"), None).await;
    assert_eq!((missing.status, missing.reason.as_str()), (404, "people_not_found"));

    let keys = answer(&fake, "GET", &format!("{p}/suggest/data/1"), None).await;
    assert_eq!(
        keys.data,
        json!([{"key": "plan", "count": 2}, {"key": "city", "count": 1}])
    );
    answer(
        &fake,
        "DELETE",
        &format!("{p}/suggest/data"),
        Some(json!({"key": "plan"})),
    )
    .await;
    let keys = answer(&fake, "GET", &format!("{p}/suggest/data/1"), None).await;
    assert_eq!(keys.data, json!([{"key": "city", "count": 1}]));
}

#[tokio::test]
async fn events_newest_first_and_suggested() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let people_id = fake.add_people_profile(&website, json!({"email": "a@example.com"}));
    let p = format!("website/{website}/people");
    let events = format!("{p}/events/{people_id}");
    let added = answer(
        &fake,
        "POST",
        &events,
        Some(json!({"text": "Added item to basket", "data": {"price": 10.99}, "color": "red"})),
    )
    .await;
    assert_eq!((added.status, added.reason.as_str()), (201, "added"));
    answer(&fake, "POST", &events, Some(json!({"text": "Checked out"}))).await;
    answer(&fake, "POST", &events, Some(json!({"text": "Added item to basket"}))).await;

    let list = answer(&fake, "GET", &format!("{events}/list/1"), None).await;
    assert_eq!((list.status, list.reason.as_str()), (200, "resolved"));
    let texts: Vec<&str> = list
        .data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert_eq!(texts, ["Added item to basket", "Checked out", "Added item to basket"]);
    assert_eq!(list.data[2]["data"], json!({"price": 10.99}));
    assert_eq!(list.data[2]["color"], "red");
    assert!(list.data[0]["timestamp"].as_u64().unwrap() > list.data[2]["timestamp"].as_u64().unwrap());
    assert_eq!(
        answer(&fake, "GET", &format!("{events}/list/2"), None).await.data,
        json!([])
    );

    for body in [
        json!({}),
        json!({"text": "x", "color": "teal"}),
        json!({"text": "x", "data": 3}),
    ] {
        let bad = answer(&fake, "POST", &events, Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{body}");
    }
    let missing = answer(&fake, "POST", &format!("{p}/events/nobody"), Some(json!({"text": "x"}))).await;
    assert_eq!(missing.reason, "people_not_found");

    let suggested = answer(&fake, "GET", &format!("{p}/suggest/events/1"), None).await;
    assert_eq!(
        suggested.data,
        json!([{"text": "Added item to basket", "count": 2}, {"text": "Checked out", "count": 1}])
    );
    let deleted = answer(
        &fake,
        "DELETE",
        &format!("{p}/suggest/event"),
        Some(json!({"text": "Checked out"})),
    )
    .await;
    assert_eq!(deleted.reason, "deleted");
    let suggested = answer(&fake, "GET", &format!("{p}/suggest/events/1"), None).await;
    assert_eq!(suggested.data, json!([{"text": "Added item to basket", "count": 2}]));
}

#[tokio::test]
async fn subscription_reads_back() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let people_id = fake.add_people_profile(&website, json!({"email": "a@example.com"}));
    let path = format!("website/{website}/people/subscription/{people_id}");
    assert_eq!(answer(&fake, "GET", &path, None).await.data, json!({"email": true}));
    let updated = answer(&fake, "PATCH", &path, Some(json!({"email": false}))).await;
    assert_eq!((updated.status, updated.reason.as_str()), (200, "updated"));
    assert_eq!(answer(&fake, "GET", &path, None).await.data, json!({"email": false}));
    let bad = answer(&fake, "PATCH", &path, Some(json!({"email": "no"}))).await;
    assert_eq!(bad.status, 400);
    let missing = answer(
        &fake,
        "GET",
        &format!("website/{website}/people/subscription/nobody"),
        None,
    )
    .await;
    assert_eq!(missing.reason, "people_not_found");
}

#[tokio::test]
async fn conversations_of_a_profile_by_email() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let people_id = fake.add_people_profile(&website, json!({"email": "jane@example.com"}));
    let mut sessions = Vec::new();
    for email in ["JANE@example.com", "bob@example.com", "jane@example.com"] {
        let session = fake.add_conversation(&website);
        answer(
            &fake,
            "PATCH",
            &format!("website/{website}/conversation/{session}/meta"),
            Some(json!({"email": email})),
        )
        .await;
        sessions.push(session.to_string());
    }
    fake.add_visitor_message(&website, &sessions[0].as_str().into(), "hello");
    answer(
        &fake,
        "PATCH",
        &format!("website/{website}/conversation/{}/state", sessions[2]),
        Some(json!({"state": "resolved"})),
    )
    .await;
    let list = |query: &str| {
        let path = format!("website/{website}/people/conversations/{people_id}/list/1{query}");
        let fake = &fake;
        async move { answer(fake, "GET", &path, None).await }
    };
    let all = list("").await;
    assert_eq!((all.status, all.reason.as_str()), (200, "resolved"));
    assert_eq!(all.data, json!([sessions[2], sessions[0]]));
    assert_eq!(list("?filter_unread=1").await.data, json!([sessions[0]]));
    assert_eq!(list("?filter_resolved=1").await.data, json!([sessions[2]]));
    assert_eq!(list("?filter_not_resolved=1").await.data, json!([sessions[0]]));
    assert_eq!(
        list("?filter_unread=0&filter_resolved=0&filter_not_resolved=0")
            .await
            .data,
        json!([sessions[2], sessions[0]])
    );
    assert_eq!(list("?filter_unread=maybe").await.status, 400);
    let page_two = answer(
        &fake,
        "GET",
        &format!("website/{website}/people/conversations/{people_id}/list/2"),
        None,
    )
    .await;
    assert_eq!(page_two.data, json!([]));
    let missing = answer(
        &fake,
        "GET",
        &format!("website/{website}/people/conversations/nobody/list/1"),
        None,
    )
    .await;
    assert_eq!((missing.status, missing.reason.as_str()), (404, "people_not_found"));
}

#[tokio::test]
async fn campaigns_and_export_are_user_tier() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let people_id = fake.add_people_profile(&website, json!({"email": "a@example.com"}));
    let campaigns = format!("website/{website}/people/campaigns/{people_id}/list/1");
    let listed = answer_as(&fake, Tier::User, "GET", &campaigns, None).await;
    assert_eq!(
        (listed.status, listed.reason.as_str(), listed.data),
        (200, "resolved", json!([]))
    );
    let denied = answer(&fake, "GET", &campaigns, None).await;
    assert_eq!((denied.status, denied.reason.as_str()), (403, "not_allowed"));
    let missing = answer_as(
        &fake,
        Tier::User,
        "GET",
        &format!("website/{website}/people/campaigns/nobody/list/1"),
        None,
    )
    .await;
    assert_eq!(missing.reason, "people_not_found");

    let export = format!("website/{website}/people/export/profiles");
    let exported = answer_as(&fake, Tier::User, "POST", &export, Some(json!({}))).await;
    assert_eq!((exported.status, exported.reason.as_str()), (202, "dispatched"));
    assert_eq!(answer(&fake, "POST", &export, Some(json!({}))).await.status, 403);
    let bad = answer_as(&fake, Tier::User, "POST", &export, Some(json!([]))).await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn import_creates_profiles_from_a_registered_csv() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let existing = fake.add_people_profile(&website, json!({"email": "bob@example.com", "segments": ["old"]}));
    let url = "https://storage.crisp.chat/users/processing/import/people.csv";
    fake.add_import_file(
        url,
        "id;email;name;plan\n1;jane@example.com;Jane Doe;pro\n2;;Nobody;free\n3;BOB@example.com;\"Bob; Jr\";free\n",
    );
    let body = json!({
        "url": url,
        "mapping": [
            {"column": 1, "field": "email"},
            {"column": 2, "field": "person.nickname"},
            {"column": 3, "field": "data.plan"},
        ],
        "options": {"column_separator": ";", "skip_header": true},
    });
    let path = format!("website/{website}/people/import/profiles");
    let imported = answer_as(&fake, Tier::User, "POST", &path, Some(body.clone())).await;
    assert_eq!((imported.status, imported.reason.as_str()), (202, "dispatched"));
    assert!(imported.data["import_id"].is_string());

    let list = answer(&fake, "GET", &format!("website/{website}/people/profiles/1"), None)
        .await
        .data;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "the row without email is skipped, Bob is updated");
    let jane = list.iter().find(|p| p["email"] == "jane@example.com").unwrap();
    assert_eq!(jane["person"]["nickname"], "Jane Doe");
    let jane_id = jane["people_id"].as_str().unwrap();
    let data = answer(&fake, "GET", &format!("website/{website}/people/data/{jane_id}"), None).await;
    assert_eq!(data.data, json!({"data": {"plan": "pro"}}));
    let bob = answer(
        &fake,
        "GET",
        &format!("website/{website}/people/profile/{existing}"),
        None,
    )
    .await
    .data;
    assert_eq!(bob["person"]["nickname"], "Bob; Jr");
    assert_eq!(bob["segments"], json!(["old"]));
    assert_eq!(
        answer(&fake, "GET", &format!("website/{website}/people/stats"), None)
            .await
            .data["total"],
        2
    );

    // Default separator, no header.
    let comma = "https://example.com/comma.csv";
    fake.add_import_file(comma, "ann@example.com,Ann\n");
    let body2 =
        json!({"url": comma, "mapping": [{"column": 0, "field": "email"}, {"column": 1, "field": "person.nickname"}]});
    assert_eq!(
        answer_as(&fake, Tier::User, "POST", &path, Some(body2)).await.status,
        202
    );
    assert_eq!(
        answer(&fake, "GET", &format!("website/{website}/people/stats"), None)
            .await
            .data["total"],
        3
    );

    // Unregistered URL and malformed bodies.
    let unknown = answer_as(
        &fake,
        Tier::User,
        "POST",
        &path,
        Some(json!({"url": "https://example.com/nope.csv", "mapping": []})),
    )
    .await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (400, "invalid_data"));
    for bad in [
        json!({"mapping": []}),
        json!({"url": url}),
        json!({"url": url, "mapping": [{"column": -1, "field": "email"}]}),
        json!({"url": url, "mapping": [], "options": {"column_separator": ";;"}}),
        json!({"url": url, "mapping": [], "options": {"skip_header": "yes"}}),
    ] {
        let response = answer_as(&fake, Tier::User, "POST", &path, Some(bad.clone())).await;
        assert_eq!(response.status, 400, "{bad}");
    }
    assert_eq!(answer(&fake, "POST", &path, Some(body)).await.status, 403);
}

#[tokio::test]
async fn profile_list_filter_search_and_numeric_active() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let vip = fake.add_people_profile(&website, json!({"email": "a@example.com", "segments": ["vip"]}));
    fake.add_people_profile(&website, json!({"email": "b@example.com", "segments": ["lead"]}));
    let filter = json!([{"model": "people", "criterion": "segments", "operator": "eq", "query": ["vip"]}]);
    let encoded: String = filter
        .to_string()
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let list = answer(
        &fake,
        "GET",
        &format!("website/{website}/people/profiles/1?search_filter={encoded}&search_operator=and"),
        None,
    )
    .await;
    assert_eq!(list.data.as_array().unwrap().len(), 1);
    assert_eq!(list.data[0]["people_id"], vip.as_str());
    let bad = answer(
        &fake,
        "GET",
        &format!("website/{website}/people/profiles/1?search_filter=nope"),
        None,
    )
    .await;
    assert_eq!(bad.status, 400);

    // `active` may be sent as a timestamp (PeopleProfileUpdateCard).
    let path = format!("website/{website}/people/profile/{vip}");
    let patched = answer(&fake, "PATCH", &path, Some(json!({"active": 1_700_000_000_000_u64}))).await;
    assert_eq!(patched.status, 200);
    let profile = answer(&fake, "GET", &path, None).await.data;
    assert_eq!(profile["active"], json!({"now": false, "last": 1_700_000_000_000_u64}));
}
