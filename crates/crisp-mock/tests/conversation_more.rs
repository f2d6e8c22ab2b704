//! A conversation's messages and settings: single messages, compose, unread,
//! open, inbox, block, verify, participants, state, relations, originals.

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
async fn get_update_and_remove_one_message() {
    let (fake, website, session, base) = setup().await.unwrap();
    let fp = fake.add_visitor_message(&website, &session, "helo").get();
    let sent = answer(
        &fake,
        "POST",
        &format!("{base}/message"),
        Some(json!({"type": "file", "from": "operator", "origin": "chat",
            "content": {"name": "a.pdf", "url": "https://example.com/a.pdf", "type": "application/pdf"}})),
    )
    .await;
    let file_fp = sent.data["fingerprint"].as_i64().unwrap();

    let got = answer(&fake, "GET", &format!("{base}/message/{fp}"), None).await;
    assert_eq!((got.status, got.reason.as_str()), (200, "resolved"));
    assert_eq!(got.data["fingerprint"], fp);
    assert_eq!(got.data["content"], "helo");
    assert_eq!(got.data["edited"], false);
    assert_eq!(got.data["session_id"], session.as_str());

    // Update: a string for text, reads back everywhere.
    let updated = answer(
        &fake,
        "PATCH",
        &format!("{base}/message/{fp}"),
        Some(json!({"content": "hello"})),
    )
    .await;
    assert_eq!(
        (updated.status, updated.reason.as_str(), updated.data),
        (200, "updated", json!({}))
    );
    let got = answer(&fake, "GET", &format!("{base}/message/{fp}"), None).await;
    assert_eq!(got.data["content"], "hello");
    assert_eq!(got.data["edited"], true);
    let list = answer(&fake, "GET", &format!("{base}/messages"), None).await;
    assert_eq!(list.data[0]["content"], "hello");

    // Wrong content types for the message type are invalid.
    for (target, content) in [(fp, json!({"text": "x"})), (file_fp, json!("x"))] {
        let bad = answer(
            &fake,
            "PATCH",
            &format!("{base}/message/{target}"),
            Some(json!({"content": content})),
        )
        .await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"));
    }
    let bad = answer(&fake, "PATCH", &format!("{base}/message/{fp}"), Some(json!({}))).await;
    assert_eq!(bad.status, 400);
    let file_update =
        json!({"content": {"name": "b.pdf", "url": "https://example.com/b.pdf", "type": "application/pdf"}});
    let ok = answer(&fake, "PATCH", &format!("{base}/message/{file_fp}"), Some(file_update)).await;
    assert_eq!(ok.status, 200);

    // Remove.
    let removed = answer(&fake, "DELETE", &format!("{base}/message/{fp}"), None).await;
    assert_eq!((removed.status, removed.reason.as_str()), (200, "deleted"));
    let gone = answer(&fake, "GET", &format!("{base}/message/{fp}"), None).await;
    assert_eq!((gone.status, gone.reason.as_str()), (404, "message_not_found"));
    let list = answer(&fake, "GET", &format!("{base}/messages"), None).await;
    assert_eq!(list.data.as_array().unwrap().len(), 1);
    assert_eq!(list.data[0]["content"]["name"], "b.pdf");

    // Unknown fingerprint, malformed fingerprint, unknown session.
    for method in ["GET", "DELETE"] {
        let missing = answer(&fake, method, &format!("{base}/message/42"), None).await;
        assert_eq!((missing.status, missing.reason.as_str()), (404, "message_not_found"));
    }
    let missing = answer(
        &fake,
        "PATCH",
        &format!("{base}/message/42"),
        Some(json!({"content": "x"})),
    )
    .await;
    assert_eq!(missing.reason, "message_not_found");
    let malformed = answer(&fake, "GET", &format!("{base}/message/abc"), None).await;
    assert_eq!(malformed.status, 400);
    let no_session = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversation/session_nope/message/{fp}"),
        None,
    )
    .await;
    assert_eq!(no_session.reason, "session_not_found");
}

#[tokio::test]
async fn compose_shows_in_the_conversation() {
    let (fake, _, _, base) = setup().await.unwrap();
    let started = answer(
        &fake,
        "PATCH",
        &format!("{base}/compose"),
        Some(json!({"type": "start", "from": "operator", "excerpt": "Typing…", "automated": true})),
    )
    .await;
    assert_eq!((started.status, started.reason.as_str()), (202, "dispatched"));
    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert_eq!(conversation["compose"]["operator"]["type"], "start");
    assert_eq!(conversation["compose"]["operator"]["excerpt"], "Typing…");
    assert_eq!(conversation["compose"]["operator"]["automated"], true);
    assert!(conversation["compose"]["operator"]["timestamp"].is_u64());

    answer(
        &fake,
        "PATCH",
        &format!("{base}/compose"),
        Some(json!({"type": "start", "from": "user"})),
    )
    .await;
    answer(
        &fake,
        "PATCH",
        &format!("{base}/compose"),
        Some(json!({"type": "stop", "from": "operator"})),
    )
    .await;
    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert!(conversation["compose"].get("operator").is_none());
    assert_eq!(conversation["compose"]["visitor"]["type"], "start");

    for body in [
        json!({"type": "typing", "from": "operator"}),
        json!({"type": "start"}),
        json!({"type": "start", "from": "operator", "stealth": "yes"}),
    ] {
        let bad = answer(&fake, "PATCH", &format!("{base}/compose"), Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{body}");
    }
}

#[tokio::test]
async fn unread_marks_the_counters_until_read() {
    let (fake, website, _, base) = setup().await.unwrap();
    let unread = answer(
        &fake,
        "PATCH",
        &format!("{base}/unread"),
        Some(json!({"from": "operator"})),
    )
    .await;
    assert_eq!((unread.status, unread.reason.as_str()), (200, "updated"));
    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert_eq!(conversation["unread"], json!({"operator": 1, "visitor": 0}));
    let listed = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversations/1?filter_unread=1"),
        None,
    )
    .await;
    assert_eq!(listed.data.as_array().unwrap().len(), 1);

    answer(&fake, "PATCH", &format!("{base}/unread"), Some(json!({"from": "user"}))).await;
    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert_eq!(conversation["unread"], json!({"operator": 1, "visitor": 1}));

    // Reading the visitor's side clears the operator's mark.
    answer(
        &fake,
        "PATCH",
        &format!("{base}/read"),
        Some(json!({"from": "user", "origin": "chat"})),
    )
    .await;
    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert_eq!(conversation["unread"], json!({"operator": 0, "visitor": 1}));

    let bad = answer(&fake, "PATCH", &format!("{base}/unread"), Some(json!({"from": "bot"}))).await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn open_and_inbox() {
    let (fake, website, _, base) = setup().await.unwrap();
    let other = fake.add_conversation(&website);
    let opened = answer(&fake, "PATCH", &format!("{base}/open"), Some(json!({"opened": true}))).await;
    assert_eq!((opened.status, opened.reason.as_str()), (200, "updated"));
    let bad = answer(&fake, "PATCH", &format!("{base}/open"), Some(json!({"opened": "yes"}))).await;
    assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"));

    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert_eq!(conversation["inbox_id"], Value::Null);
    let moved = answer(
        &fake,
        "PATCH",
        &format!("{base}/inbox"),
        Some(json!({"inbox_id": "inbox-1"})),
    )
    .await;
    assert_eq!((moved.status, moved.reason.as_str()), (200, "updated"));
    let conversation = answer(&fake, "GET", &base, None).await.data;
    assert_eq!(conversation["inbox_id"], "inbox-1");
    let in_inbox = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversations/1?filter_inbox_id=inbox-1"),
        None,
    )
    .await;
    let ids: Vec<&str> = in_inbox
        .data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["session_id"].as_str())
        .collect();
    assert!(!ids.contains(&other.as_str()));
    assert_eq!(ids.len(), 1);

    answer(
        &fake,
        "PATCH",
        &format!("{base}/inbox"),
        Some(json!({"inbox_id": null})),
    )
    .await;
    assert_eq!(answer(&fake, "GET", &base, None).await.data["inbox_id"], Value::Null);
    for body in [json!({}), json!({"inbox_id": 3})] {
        let bad = answer(&fake, "PATCH", &format!("{base}/inbox"), Some(body)).await;
        assert_eq!(bad.status, 400);
    }
}

#[tokio::test]
async fn block_and_verify_read_back() {
    let (fake, _, _, base) = setup().await.unwrap();
    let block = answer(&fake, "GET", &format!("{base}/block"), None).await;
    assert_eq!(
        (block.status, block.reason.as_str(), block.data),
        (200, "resolved", json!({"blocked": false}))
    );
    let set = answer(
        &fake,
        "PATCH",
        &format!("{base}/block"),
        Some(json!({"blocked": true, "user": {"type": "website", "user_id": "op"}, "origin": "chat"})),
    )
    .await;
    assert_eq!((set.status, set.reason.as_str()), (200, "updated"));
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/block"), None).await.data,
        json!({"blocked": true})
    );
    assert_eq!(answer(&fake, "GET", &base, None).await.data["is_blocked"], true);
    for body in [
        json!({"blocked": "true"}),
        json!({}),
        json!({"blocked": true, "user": "me"}),
    ] {
        let bad = answer(&fake, "PATCH", &format!("{base}/block"), Some(body.clone())).await;
        assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"), "{body}");
    }

    let verify = answer(&fake, "GET", &format!("{base}/verify"), None).await;
    assert_eq!(verify.data, json!({"verified": false, "verifications": []}));
    let set = answer(
        &fake,
        "PATCH",
        &format!("{base}/verify"),
        Some(json!({"verified": true})),
    )
    .await;
    assert_eq!(set.status, 200);
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/verify"), None).await.data["verified"],
        true
    );
    assert_eq!(answer(&fake, "GET", &base, None).await.data["is_verified"], true);
    let bad = answer(&fake, "PATCH", &format!("{base}/verify"), Some(json!({"verified": 1}))).await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn identity_verification_request_and_redeem() {
    let (fake, _, _, base) = setup().await.unwrap();
    let requested = answer(
        &fake,
        "POST",
        &format!("{base}/verify/identity"),
        Some(json!({"identity": "email", "method": "link", "recipient": "jane@example.com"})),
    )
    .await;
    assert_eq!((requested.status, requested.reason.as_str()), (202, "dispatched"));
    for body in [
        json!({"identity": "fax", "method": "link"}),
        json!({"identity": "email", "method": "pigeon"}),
        json!({"method": "link"}),
    ] {
        let bad = answer(&fake, "POST", &format!("{base}/verify/identity"), Some(body.clone())).await;
        assert_eq!(bad.status, 400, "{body}");
    }

    // Redeem has no tier restriction: the user tier works too.
    let redeemed = answer_as(
        &fake,
        Tier::User,
        "PUT",
        &format!("{base}/verify/identity/link"),
        Some(json!({"identity": "email", "token": "abc123"})),
    )
    .await;
    assert_eq!((redeemed.status, redeemed.reason.as_str()), (200, "updated"));
    let verify = answer(&fake, "GET", &format!("{base}/verify"), None).await.data;
    assert_eq!(
        verify,
        json!({"verified": true, "verifications": [{"identity": "email", "method": "link"}]})
    );
    let bad = answer(
        &fake,
        "PUT",
        &format!("{base}/verify/identity/link"),
        Some(json!({"identity": "email"})),
    )
    .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn participants_state_and_relations() {
    let (fake, website, _, base) = setup().await.unwrap();
    let empty = answer(&fake, "GET", &format!("{base}/participants"), None).await;
    assert_eq!((empty.status, empty.data), (200, json!({"participants": []})));
    let saved = answer(
        &fake,
        "PUT",
        &format!("{base}/participants"),
        Some(json!({"participants": [{"type": "email", "target": "cc@example.com"}], "origin": "chat"})),
    )
    .await;
    assert_eq!((saved.status, saved.reason.as_str()), (200, "updated"));
    let expected = json!([{"type": "email", "target": "cc@example.com"}]);
    assert_eq!(
        answer(&fake, "GET", &format!("{base}/participants"), None).await.data["participants"],
        expected
    );
    assert_eq!(answer(&fake, "GET", &base, None).await.data["participants"], expected);
    for body in [
        json!({}),
        json!({"participants": [{"type": "email"}]}),
        json!({"participants": "x"}),
    ] {
        let bad = answer(&fake, "PUT", &format!("{base}/participants"), Some(body)).await;
        assert_eq!(bad.status, 400);
    }

    let changed = answer(
        &fake,
        "PATCH",
        &format!("{base}/state"),
        Some(json!({"state": "resolved", "user": {"type": "website", "user_id": "op"}, "origin": "chat"})),
    )
    .await;
    assert_eq!(changed.status, 200);
    let state = answer(&fake, "GET", &format!("{base}/state"), None).await;
    assert_eq!(
        (state.reason.as_str(), state.data),
        ("resolved", json!({"state": "resolved"}))
    );

    let relations = answer(&fake, "GET", &format!("{base}/relations"), None).await;
    assert_eq!(
        (relations.status, relations.data),
        (200, json!({"conversations": {"parent": null, "children": []}}))
    );
    let missing = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversation/session_nope/relations"),
        None,
    )
    .await;
    assert_eq!((missing.status, missing.reason.as_str()), (404, "session_not_found"));
}

#[tokio::test]
async fn initiate_and_original_message() {
    let (fake, website, session, base) = setup().await.unwrap();
    let initiated = answer(&fake, "POST", &format!("{base}/initiate"), Some(json!({}))).await;
    assert_eq!((initiated.status, initiated.reason.as_str()), (202, "dispatched"));
    let missing = answer(
        &fake,
        "POST",
        &format!("website/{website}/conversation/session_nope/initiate"),
        Some(json!({})),
    )
    .await;
    assert_eq!(missing.reason, "session_not_found");

    let original_id = fake.add_original_message(&website, &session, "<p>Hello</p>");
    let original = answer(&fake, "GET", &format!("{base}/original/{original_id}"), None).await;
    assert_eq!((original.status, original.reason.as_str()), (200, "resolved"));
    assert_eq!(original.data["original_id"], original_id.as_str());
    assert_eq!(original.data["website_id"], website.as_str());
    assert_eq!(original.data["session_id"], session.as_str());
    assert_eq!(original.data["content"], "<p>Hello</p>");
    assert!(original.data["type"].is_string());
    assert!(original.data["headers"].is_object());
    assert!(original.data["timestamp"].is_u64());
    let unknown = answer(&fake, "GET", &format!("{base}/original/nope"), None).await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "original_not_found"));
}

#[tokio::test]
async fn removed_conversation_is_not_listed() {
    let (fake, website, session, base) = setup().await.unwrap();
    let kept = fake.add_conversation(&website);
    assert_eq!(answer(&fake, "DELETE", &base, None).await.reason, "deleted");
    let list = answer(&fake, "GET", &format!("website/{website}/conversations/1"), None).await;
    let ids: Vec<&str> = list
        .data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["session_id"].as_str())
        .collect();
    assert_eq!(ids, [kept.as_str()]);
    assert!(!ids.contains(&session.as_str()));
    let gone = answer(&fake, "GET", &format!("{base}/block"), None).await;
    assert_eq!(gone.reason, "session_not_found");
}

#[tokio::test]
async fn list_conversations_with_a_filter_search() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let vip = fake.add_conversation(&website);
    let lead = fake.add_conversation(&website);
    for (session, segment) in [(&vip, "vip"), (&lead, "lead")] {
        answer(
            &fake,
            "PATCH",
            &format!("website/{website}/conversation/{session}/meta"),
            Some(json!({"segments": [segment], "email": format!("{segment}@example.com")})),
        )
        .await;
    }
    let list = |filter: Value, operator: &str| {
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
        let path = format!(
            "website/{website}/conversations/1?search_type=filter&search_query={encoded}&search_operator={operator}"
        );
        let fake = &fake;
        async move {
            let listed = answer(fake, "GET", &path, None).await;
            assert_eq!(listed.status, 200, "{}", listed.reason);
            listed
                .data
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|c| c["session_id"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        }
    };
    let segment = json!([{"model": "session", "criterion": "segments", "operator": "eq", "query": ["vip"]}]);
    assert_eq!(list(segment, "and").await, [vip.to_string()]);
    let either = json!([
        {"model": "session", "criterion": "segments", "operator": "eq", "query": ["vip"]},
        {"model": "session", "criterion": "meta.email", "operator": "eq", "query": ["lead@example.com"]},
    ]);
    assert_eq!(list(either.clone(), "or").await, [lead.to_string(), vip.to_string()]);
    assert!(list(either, "and").await.is_empty());

    let bad = answer(
        &fake,
        "GET",
        &format!("website/{website}/conversations/1?search_type=filter&search_query=nope"),
        None,
    )
    .await;
    assert_eq!((bad.status, bad.reason.as_str()), (400, "invalid_data"));
}
