//! A conversation's activity lists, browsing and calls, hand-off actions,
//! and the website-wide suggestion and spam lists.

mod common;

use common::{answer, answer_as};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::{Value, json};

/// The fake, its website and one conversation's path (`website/../conversation/..`).
async fn setup() -> std::io::Result<(FakeCrisp, crisp_types::WebsiteId, crisp_types::SessionId, String)> {
    let fake = FakeCrisp::start().await?;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let base = format!("website/{website}/conversation/{session}");
    Ok((fake, website, session, base))
}

#[tokio::test]
async fn pages_events_and_files() {
    let (fake, website, session, base) = setup().await.unwrap();
    fake.add_conversation_page(&website, &session, "https://shop.example.com/", "Home");
    fake.add_conversation_page(&website, &session, "https://shop.example.com/cart", "Cart");
    let pages = answer(&fake, "GET", &format!("{base}/pages/1"), None).await;
    assert_eq!((pages.status, pages.reason.as_str()), (200, "resolved"));
    assert_eq!(pages.data.as_array().unwrap().len(), 2);
    assert_eq!(pages.data[0]["page_title"], "Cart");
    assert_eq!(pages.data[0]["page_url"], "https://shop.example.com/cart");
    assert!(pages.data[0]["page_referrer"].is_string());
    assert!(pages.data[0]["timestamp"].is_u64());
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/pages/2"), None).await.data,
        json!([])
    );

    // Events: state and block changes, and seeded ones, newest first.
    answer(
        &fake,
        "PATCH",
        &format!("{base}/state"),
        Some(json!({"state": "resolved"})),
    )
    .await;
    answer(&fake, "PATCH", &format!("{base}/block"), Some(json!({"blocked": true}))).await;
    fake.add_conversation_event(&website, &session, "Opened pricing", json!({"plan": "pro"}));
    let events = answer(&fake, "GET", &format!("{base}/events/1"), None).await.data;
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0]["text"], "Opened pricing");
    assert_eq!(events[0]["data"], json!({"plan": "pro"}));
    assert_eq!(events[1]["data"], json!({"blocked": true}));
    assert_eq!(events[2]["data"], json!({"state": "resolved"}));
    for event in events {
        assert!(event["color"].is_string() && event["timestamp"].is_u64() && event["text"].is_string());
    }

    // Files: one per file message.
    answer(
        &fake,
        "POST",
        &format!("{base}/message"),
        Some(json!({"type": "file", "from": "user", "origin": "chat",
            "content": {"name": "photo.png", "url": "https://example.com/photo.png", "type": "image/png"}})),
    )
    .await;
    fake.add_visitor_message(&website, &session, "not a file");
    let files = answer(&fake, "GET", &format!("{base}/files/1"), None).await.data;
    assert_eq!(files.as_array().unwrap().len(), 1);
    assert_eq!(files[0]["name"], "photo.png");
    assert_eq!(files[0]["type"], "image/png");
    assert_eq!(files[0]["url"], "https://example.com/photo.png");
    assert!(files[0]["fingerprint"].is_i64() && files[0]["timestamp"].is_u64());
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/files/2"), None).await.data,
        json!([])
    );

    let bad_page = answer(&fake, "GET", &format!("{base}/events/0"), None).await;
    assert_eq!(bad_page.status, 400);
    let missing = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversation/session_x/pages/1"),
        None,
    )
    .await;
    assert_eq!(missing.reason, "session_not_found");
}

#[tokio::test]
async fn browsing_sessions() {
    let (fake, _, _, base) = setup().await.unwrap();
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/browsing"), None).await.data,
        json!([])
    );
    let initiated = answer(&fake, "POST", &format!("{base}/browsing"), Some(json!({}))).await;
    assert_eq!((initiated.status, initiated.reason.as_str()), (202, "dispatched"));
    let list = answer(&fake, "GET", &format!("{base}/browsing"), None).await.data;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let browsing_id = list[0]["browsing_id"].as_str().unwrap().to_owned();
    assert!(list[0]["browsing_token"].is_string() && list[0]["useragent"].is_string());
    let path = format!("{base}/browsing/{browsing_id}");

    let action = answer(&fake, "PATCH", &path, Some(json!({"action": "start"}))).await;
    assert_eq!((action.status, action.reason.as_str()), (202, "dispatched"));
    let debug = answer(
        &fake,
        "PATCH",
        &format!("{path}/debug"),
        Some(json!({"action": "execute", "execute": "console.log(1)"})),
    )
    .await;
    assert_eq!(debug.status, 202);
    let assist = answer(
        &fake,
        "PATCH",
        &format!("{path}/assist"),
        Some(json!({"action": "mouse", "mouse": {"x": 10, "y": 20}})),
    )
    .await;
    assert_eq!(assist.status, 202);
    for (suffix, body) in [
        ("", json!({})),
        ("/debug", json!({"action": "execute"})),
        ("/assist", json!({"action": "mouse", "mouse": {"x": -1, "y": 2}})),
    ] {
        let bad = answer(&fake, "PATCH", &format!("{path}{suffix}"), Some(body)).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{suffix}");
    }
    let unknown = answer(
        &fake,
        "PATCH",
        &format!("{base}/browsing/nope"),
        Some(json!({"action": "start"})),
    )
    .await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "browsing_not_found"));

    // `stop` ends the session.
    answer(&fake, "PATCH", &path, Some(json!({"action": "stop"}))).await;
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/browsing"), None).await.data,
        json!([])
    );
}

#[tokio::test]
async fn calls_until_aborted() {
    let (fake, _, _, base) = setup().await.unwrap();
    let none = answer(&fake, "GET", &format!("{base}/call"), None).await;
    assert_eq!((none.status, none.reason.as_str()), (404, "call_not_found"));
    let started = answer(
        &fake,
        "POST",
        &format!("{base}/call"),
        Some(json!({"mode": "video", "user": {"type": "website", "user_id": "op"}})),
    )
    .await;
    assert_eq!((started.status, started.reason.as_str()), (202, "dispatched"));
    let call_id = started.data["call_id"].as_str().unwrap().to_owned();
    let ongoing = answer(&fake, "GET", &format!("{base}/call"), None).await;
    assert_eq!((ongoing.status, ongoing.data), (200, json!({"call_id": call_id})));

    let signal = answer(
        &fake,
        "PATCH",
        &format!("{base}/call/{call_id}"),
        Some(json!({"type": "sdp", "payload": {"sdp": "v=0"}})),
    )
    .await;
    assert_eq!((signal.status, signal.reason.as_str()), (202, "dispatched"));
    let bad = answer(
        &fake,
        "PATCH",
        &format!("{base}/call/{call_id}"),
        Some(json!({"type": "sdp"})),
    )
    .await;
    assert_eq!(bad.status, 400);
    let wrong = answer(&fake, "DELETE", &format!("{base}/call/other"), Some(json!({}))).await;
    assert_eq!(wrong.reason, "call_not_found");

    let aborted = answer(&fake, "DELETE", &format!("{base}/call/{call_id}"), Some(json!({}))).await;
    assert_eq!((aborted.status, aborted.reason.as_str()), (200, "deleted"));
    assert_eq!(answer(&fake, "GET", &format!("{base}/call"), None).await.status, 404);
    let bad_mode = answer(&fake, "POST", &format!("{base}/call"), Some(json!({"mode": 1}))).await;
    assert_eq!(bad_mode.status, 400);
}

#[tokio::test]
async fn hand_off_actions() {
    let (fake, website, _, base) = setup().await.unwrap();
    let cases = [
        (
            "transcript",
            json!({"to": "user", "email": "jane@example.com"}),
            json!({"email": "x"}),
        ),
        ("purge", json!({}), json!([])),
        ("feedback", json!({}), json!("x")),
        (
            "tool",
            json!({"command": "lookup_order", "payload": {"id": 1}}),
            json!({"payload": {}}),
        ),
        ("report", json!({"flag": "spam"}), json!({"flag": 3})),
    ];
    for (route, good, bad) in cases {
        let ok = answer(&fake, "POST", &format!("{base}/{route}"), Some(good)).await;
        assert_eq!(
            (ok.status, ok.reason.as_str(), ok.data),
            (202, "dispatched", json!({})),
            "{route}"
        );
        let rejected = answer(&fake, "POST", &format!("{base}/{route}"), Some(bad)).await;
        assert_eq!(
            (rejected.status, rejected.reason.as_str()),
            (400, "invalid_data"),
            "{route}"
        );
        let missing = answer(
            &fake,
            "POST",
            &format!("website/{website}/conversation/session_x/{route}"),
            Some(json!({"to": "user", "command": "c", "flag": "f"})),
        )
        .await;
        assert_eq!(missing.reason, "session_not_found", "{route}");
    }

    let reminder = answer(
        &fake,
        "POST",
        &format!("{base}/reminder"),
        Some(json!({"date": "2030-01-02T03:04:05.000Z", "note": "Call back"})),
    )
    .await;
    assert_eq!((reminder.status, reminder.reason.as_str()), (201, "added"));
    let bad = answer(
        &fake,
        "POST",
        &format!("{base}/reminder"),
        Some(json!({"date": "tomorrow", "note": "x"})),
    )
    .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn widget_actions_are_user_tier() {
    let (fake, _, _, base) = setup().await.unwrap();
    let plugin_id = fake.plugin_id();
    let cases = [
        (
            "button",
            json!({"section_id": "s", "item_id": "i", "data": {}, "value": 1}),
        ),
        ("data", json!({"section_id": "s", "item_id": "i", "data": {}})),
        ("data", json!({"section_id": "s", "item_id": "i", "value": "new"})),
    ];
    for (kind, body) in cases {
        let path = format!("{base}/widget/{plugin_id}/{kind}");
        let done = answer_as(&fake, Tier::User, "POST", &path, Some(body.clone())).await;
        assert_eq!((done.status, done.reason.as_str()), (202, "dispatched"), "{body}");
        assert!(done.data["correlation_id"].is_string());
        assert!(done.data["strategy"]["attempts"].is_u64());
        assert!(done.data["strategy"]["exhaustion"].is_u64());
        let denied = answer(&fake, "POST", &path, Some(body)).await;
        assert_eq!((denied.status, denied.reason.as_str()), (403, "not_allowed"));
    }
    for body in [
        json!({"item_id": "i"}),
        json!({"section_id": "s", "item_id": "i", "value": 3}),
        json!({"section_id": "s", "item_id": "i"}),
    ] {
        let path = format!("{base}/widget/{plugin_id}/data");
        let bad = answer_as(&fake, Tier::User, "POST", &path, Some(body.clone())).await;
        assert_eq!(bad.status, 400, "{body}");
    }
}

#[tokio::test]
async fn conversation_suggestions_follow_meta_and_deletions() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    for (segments, data) in [
        (json!(["vip", "lead"]), json!({"plan": "pro"})),
        (json!(["vip"]), json!({"plan": "free", "seats": 2})),
    ] {
        let session = fake.add_conversation(&website);
        answer(
            &fake,
            "PATCH",
            &format!("website/{website}/conversation/{session}/meta"),
            Some(json!({"segments": segments, "data": data})),
        )
        .await;
    }
    let w = format!("website/{website}/conversations");
    let segments = answer(&fake, "GET", &format!("{w}/suggest/segments/1"), None).await;
    assert_eq!((segments.status, segments.reason.as_str()), (200, "resolved"));
    assert_eq!(
        segments.data,
        json!([{"segment": "vip", "count": 2}, {"segment": "lead", "count": 1}])
    );
    let keys = answer(&fake, "GET", &format!("{w}/suggest/data/1"), None).await;
    assert_eq!(
        keys.data,
        json!([{"key": "plan", "count": 2}, {"key": "seats", "count": 1}])
    );

    let deleted = answer(
        &fake,
        "DELETE",
        &format!("{w}/suggest/segment"),
        Some(json!({"segment": "vip"})),
    )
    .await;
    assert_eq!((deleted.status, deleted.reason.as_str()), (200, "deleted"));
    let segments = answer(&fake, "GET", &format!("{w}/suggest/segments/1"), None).await;
    assert_eq!(segments.data, json!([{"segment": "lead", "count": 1}]));
    // The segments really in use still list it.
    let in_meta = answer(&fake, "GET", &format!("{w}/meta/segments/1"), None).await;
    assert_eq!(in_meta.data[0], json!({"segment": "vip", "count": 2}));

    answer(
        &fake,
        "DELETE",
        &format!("{w}/suggest/data"),
        Some(json!({"key": "plan"})),
    )
    .await;
    let keys = answer(&fake, "GET", &format!("{w}/suggest/data/1"), None).await;
    assert_eq!(keys.data, json!([{"key": "seats", "count": 1}]));
    assert_eq!(
        answer(&fake, "GET", &format!("{w}/suggest/data/2"), None).await.data,
        json!([])
    );

    let bad = answer(
        &fake,
        "DELETE",
        &format!("{w}/suggest/segment"),
        Some(json!({"key": "x"})),
    )
    .await;
    assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"));
    let bad = answer(&fake, "DELETE", &format!("{w}/suggest/data"), Some(json!({"key": 1}))).await;
    assert_eq!(bad.status, 400);
    let unknown = answer(&fake, "GET", "website/nope/conversations/suggest/segments/1", None).await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "website_not_found"));
}

#[tokio::test]
async fn spams_are_listed_resolved_and_decided() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let first = fake.add_spam_conversation(&website);
    let second = fake.add_spam_conversation(&website);
    let w = format!("website/{website}/conversations");
    let user = |method: &'static str, path: String, body: Option<Value>| {
        let fake = &fake;
        async move { answer_as(fake, Tier::User, method, &path, body).await }
    };

    let list = user("GET", format!("{w}/spams/1"), None).await;
    assert_eq!((list.status, list.reason.as_str()), (200, "resolved"));
    let ids: Vec<&str> = list
        .data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["spam_id"].as_str())
        .collect();
    assert_eq!(ids, [second.as_str(), first.as_str()]);
    for key in ["type", "reason"] {
        assert!(list.data[0][key].is_string(), "{key}");
    }
    assert!(list.data[0]["metadata"].is_object() && list.data[0]["headers"].is_object());
    assert!(list.data[0]["timestamp"].is_u64());
    assert!(list.data[0].get("content").is_none());

    let content = user("GET", format!("{w}/spam/{first}/content"), None).await;
    assert_eq!(content.status, 200);
    assert_eq!(content.data["spam_id"], first.as_str());
    assert!(content.data["content"].is_object());

    let decided = user(
        "POST",
        format!("{w}/spam/{first}/decision"),
        Some(json!({"action": "reject"})),
    )
    .await;
    assert_eq!((decided.status, decided.reason.as_str()), (200, "updated"));
    let list = user("GET", format!("{w}/spams/1"), None).await;
    assert_eq!(list.data.as_array().unwrap().len(), 1);
    let again = user(
        "POST",
        format!("{w}/spam/{first}/decision"),
        Some(json!({"action": "reject"})),
    )
    .await;
    assert_eq!((again.status, again.reason.as_str()), (404, "spam_not_found"));
    let gone = user("GET", format!("{w}/spam/{first}/content"), None).await;
    assert_eq!(gone.reason, "spam_not_found");
    let bad = user("POST", format!("{w}/spam/{second}/decision"), Some(json!({}))).await;
    assert_eq!(bad.status, 400);
    assert_eq!(user("GET", format!("{w}/spams/2"), None).await.data, json!([]));

    // User tier only.
    let denied = answer(&fake, "GET", &format!("{w}/spams/1"), None).await;
    assert_eq!((denied.status, denied.reason.as_str()), (403, "not_allowed"));
}
