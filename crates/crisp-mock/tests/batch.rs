//! Batch operations on conversations and people profiles.

mod common;

use common::{answer, answer_as};
use crisp_mock::FakeCrisp;
use crisp_types::{SessionId, Tier, WebsiteId};
use serde_json::{Value, json};

/// The fake, its website and three conversations with a visitor message each.
async fn setup() -> std::io::Result<(FakeCrisp, WebsiteId, Vec<SessionId>)> {
    let fake = FakeCrisp::start().await?;
    let website = fake.website_id();
    let sessions: Vec<SessionId> = (0..3).map(|_| fake.add_conversation(&website)).collect();
    for session in &sessions {
        fake.add_visitor_message(&website, session, "hello");
    }
    Ok((fake, website, sessions))
}

/// One conversation's JSON.
async fn conversation(fake: &FakeCrisp, website: &WebsiteId, session: &SessionId) -> Value {
    answer(fake, "GET", &format!("website/{website}/conversation/{session}"), None)
        .await
        .data
}

#[tokio::test]
async fn resolve_unresolve_read_unread() {
    let (fake, website, sessions) = setup().await.unwrap();
    let named = json!({"sessions": [sessions[0], sessions[1], "session_unknown"], "inbox_id": null});
    let batch = |op: &str| format!("website/{website}/batch/{op}");

    let resolved = answer_as(&fake, Tier::User, "PATCH", &batch("resolve"), Some(named.clone())).await;
    assert_eq!((resolved.status, resolved.reason.as_str()), (200, "updated"));
    assert_eq!(conversation(&fake, &website, &sessions[0]).await["state"], "resolved");
    assert_eq!(conversation(&fake, &website, &sessions[1]).await["state"], "resolved");
    assert_eq!(conversation(&fake, &website, &sessions[2]).await["state"], "pending");

    let unresolved = answer(&fake, "PATCH", &batch("unresolve"), Some(named.clone())).await;
    assert_eq!(unresolved.status, 200);
    assert_eq!(conversation(&fake, &website, &sessions[0]).await["state"], "unresolved");

    let read = answer_as(&fake, Tier::User, "PATCH", &batch("read"), Some(named.clone())).await;
    assert_eq!(read.status, 200);
    assert_eq!(
        conversation(&fake, &website, &sessions[0]).await["unread"]["operator"],
        0
    );
    assert_eq!(
        conversation(&fake, &website, &sessions[2]).await["unread"]["operator"],
        1
    );

    let unread = answer(
        &fake,
        "PATCH",
        &batch("unread"),
        Some(json!({"sessions": [sessions[0]]})),
    )
    .await;
    assert_eq!(unread.status, 200);
    assert_eq!(
        conversation(&fake, &website, &sessions[0]).await["unread"]["operator"],
        1
    );
    assert_eq!(
        conversation(&fake, &website, &sessions[1]).await["unread"]["operator"],
        0
    );

    // User tier only for resolve and read.
    for op in ["resolve", "read"] {
        let denied = answer(&fake, "PATCH", &batch(op), Some(named.clone())).await;
        assert_eq!((denied.status, denied.reason.as_str()), (403, "not_allowed"), "{op}");
    }
    for body in [
        json!({}),
        json!({"sessions": "s"}),
        json!({"sessions": [1]}),
        json!({"sessions": [], "inbox_id": 2}),
    ] {
        let bad = answer(&fake, "PATCH", &batch("unresolve"), Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{body}");
    }
    let unknown = answer(
        &fake,
        "PATCH",
        "website/nope/batch/unresolve",
        Some(json!({"sessions": []})),
    )
    .await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "website_not_found"));
}

#[tokio::test]
async fn remove_conversations() {
    let (fake, website, sessions) = setup().await.unwrap();
    let removed = answer_as(
        &fake,
        Tier::User,
        "PATCH",
        &format!("website/{website}/batch/remove"),
        Some(json!({"sessions": [sessions[0], sessions[2]]})),
    )
    .await;
    assert_eq!((removed.status, removed.reason.as_str()), (200, "deleted"));
    let list = answer(&fake, "GET", &format!("website/{website}/conversations/1"), None)
        .await
        .data;
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["session_id"].as_str())
        .collect();
    assert_eq!(ids, [sessions[1].as_str()]);
    let gone = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversation/{}", sessions[0]),
        None,
    )
    .await;
    assert_eq!(gone.reason, "session_not_found");
}

#[tokio::test]
async fn block_routing_inbox_data_segments_report() {
    let (fake, website, sessions) = setup().await.unwrap();
    let two = json!([sessions[0], sessions[1]]);
    let batch = |op: &str| format!("website/{website}/batch/{op}");

    let blocked = answer(
        &fake,
        "PATCH",
        &batch("block"),
        Some(json!({"sessions": two, "blocked": true})),
    )
    .await;
    assert_eq!((blocked.status, blocked.reason.as_str()), (200, "updated"));
    let block = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversation/{}/block", sessions[1]),
        None,
    )
    .await;
    assert_eq!(block.data, json!({"blocked": true}));
    assert_eq!(conversation(&fake, &website, &sessions[2]).await["is_blocked"], false);

    let routed = answer(
        &fake,
        "PATCH",
        &batch("routing"),
        Some(json!({"sessions": two, "assigned": {"user_id": "op-7"}})),
    )
    .await;
    assert_eq!(routed.status, 200);
    assert_eq!(
        conversation(&fake, &website, &sessions[0]).await["assigned"],
        json!({"user_id": "op-7"})
    );
    answer(
        &fake,
        "PATCH",
        &batch("routing"),
        Some(json!({"sessions": [sessions[0]], "assigned": null})),
    )
    .await;
    assert!(
        conversation(&fake, &website, &sessions[0])
            .await
            .get("assigned")
            .is_none()
    );

    let inbox = answer(
        &fake,
        "PATCH",
        &batch("inbox"),
        Some(json!({"sessions": two, "inbox_id": "sales"})),
    )
    .await;
    assert_eq!(inbox.status, 200);
    assert_eq!(conversation(&fake, &website, &sessions[1]).await["inbox_id"], "sales");

    answer(
        &fake,
        "PATCH",
        &format!("website/{website}/conversation/{}/meta", sessions[0]),
        Some(json!({"data": {"plan": "free", "city": "Paris"}})),
    )
    .await;
    let data = answer(
        &fake,
        "PATCH",
        &batch("data"),
        Some(json!({"sessions": two, "data": {"plan": "pro", "seats": 2}})),
    )
    .await;
    assert_eq!(data.status, 200);
    assert_eq!(
        conversation(&fake, &website, &sessions[0]).await["meta"]["data"],
        json!({"plan": "pro", "city": "Paris", "seats": 2})
    );
    assert_eq!(
        conversation(&fake, &website, &sessions[1]).await["meta"]["data"],
        json!({"plan": "pro", "seats": 2})
    );

    let segments = answer(
        &fake,
        "PATCH",
        &batch("segments"),
        Some(json!({"sessions": two, "segments": ["vip", "churn-risk"]})),
    )
    .await;
    assert_eq!(segments.status, 200);
    assert_eq!(
        conversation(&fake, &website, &sessions[1]).await["meta"]["segments"],
        json!(["vip", "churn-risk"])
    );

    let report = answer(
        &fake,
        "POST",
        &batch("report"),
        Some(json!({"sessions": two, "flag": "spam"})),
    )
    .await;
    assert_eq!((report.status, report.reason.as_str()), (202, "dispatched"));

    for (op, body) in [
        ("block", json!({"sessions": two, "blocked": "yes"})),
        ("block", json!({"blocked": true})),
        ("routing", json!({"sessions": two})),
        ("routing", json!({"sessions": two, "assigned": {"id": "x"}})),
        ("inbox", json!({"sessions": two})),
        ("data", json!({"sessions": two, "data": {"a": {"b": 1}}})),
        ("data", json!({"sessions": two})),
        ("segments", json!({"sessions": two, "segments": "vip"})),
        ("report", json!({"sessions": two})),
    ] {
        let method = if op == "report" { "POST" } else { "PATCH" };
        let bad = answer(&fake, method, &batch(op), Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{op} {body}");
    }
}

#[tokio::test]
async fn people_batches_by_ids_and_search() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let a = fake.add_people_profile(&website, json!({"email": "a@example.com", "segments": ["lead"]}));
    let b = fake.add_people_profile(&website, json!({"email": "b@example.com", "segments": ["churned"]}));
    let c = fake.add_people_profile(&website, json!({"email": "c@example.com", "segments": ["churned"]}));
    let batch = |op: &str| format!("website/{website}/batch/{op}");
    let profile = |id: &crisp_types::PeopleId| format!("website/{website}/people/profile/{id}");

    let data = answer(
        &fake,
        "PATCH",
        &batch("data"),
        Some(json!({"people": {"profiles": [a, b]}, "data": {"plan": "pro"}})),
    )
    .await;
    assert_eq!((data.status, data.reason.as_str()), (200, "updated"));
    let a_data = answer(&fake, "GET", &format!("website/{website}/people/data/{a}"), None).await;
    assert_eq!(a_data.data, json!({"data": {"plan": "pro"}}));
    let c_data = answer(&fake, "GET", &format!("website/{website}/people/data/{c}"), None).await;
    assert_eq!(c_data.data, json!({"data": {}}));

    let segments = answer(
        &fake,
        "PATCH",
        &batch("segments"),
        Some(json!({"people": {"profiles": [a]}, "segments": ["customer"]})),
    )
    .await;
    assert_eq!(segments.status, 200);
    assert_eq!(
        answer(&fake, "GET", &profile(&a), None).await.data["segments"],
        json!(["customer"])
    );

    // Remove by search: every churned profile.
    let search = json!({"people": {"search": {
        "filter": [{"model": "people", "criterion": "segments", "operator": "eq", "query": ["churned"]}],
        "operator": "and",
    }}});
    let denied = answer(&fake, "PATCH", &batch("remove"), Some(search.clone())).await;
    assert_eq!((denied.status, denied.reason.as_str()), (403, "not_allowed"));
    let removed = answer_as(&fake, Tier::User, "PATCH", &batch("remove"), Some(search)).await;
    assert_eq!((removed.status, removed.reason.as_str()), (200, "deleted"));
    assert_eq!(
        answer(&fake, "GET", &profile(&b), None).await.reason,
        "people_not_found"
    );
    assert_eq!(
        answer(&fake, "GET", &profile(&c), None).await.reason,
        "people_not_found"
    );
    assert_eq!(answer(&fake, "GET", &profile(&a), None).await.status, 200);

    let by_id = answer_as(
        &fake,
        Tier::User,
        "PATCH",
        &batch("remove"),
        Some(json!({"people": {"profiles": [a]}})),
    )
    .await;
    assert_eq!(by_id.status, 200);
    let stats = answer(&fake, "GET", &format!("website/{website}/people/stats"), None).await;
    assert_eq!(stats.data, json!({"total": 0}));

    for (op, body) in [
        ("data", json!({"people": {}, "data": {"x": 1}})),
        ("data", json!({"people": {"profiles": "a"}, "data": {"x": 1}})),
        ("segments", json!({"people": {"profiles": [a]}, "segments": [1]})),
        (
            "segments",
            json!({"people": {"search": {"filter": [{"criterion": "email", "operator": "like"}]}}, "segments": []}),
        ),
    ] {
        let bad = answer(&fake, "PATCH", &batch(op), Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{body}");
    }
    let bad = answer_as(&fake, Tier::User, "PATCH", &batch("remove"), Some(json!({"people": 3}))).await;
    assert_eq!(bad.status, 400);
}
