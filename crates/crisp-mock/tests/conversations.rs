//! Conversations and messages: the round trip a bot does, and Crisp's errors.

mod common;

use common::{call, plugin, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::{Value, json};

#[tokio::test]
async fn conversation_round_trip() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();

    // Create.
    let created = plugin(
        &fake,
        "POST",
        &format!("website/{website}/conversation"),
        Some(json!({})),
    )
    .await
    .unwrap();
    assert_eq!(created.status, 201);
    let envelope = created.json();
    assert_eq!(envelope["error"], false);
    assert_eq!(envelope["reason"], "added");
    let session = envelope["data"]["session_id"].as_str().unwrap().to_owned();
    assert!(session.starts_with("session_"), "{session}");
    assert_eq!(session.len(), "session_".len() + 36);

    // The visitor writes, the operator answers.
    let visitor_fp = fake.add_visitor_message(&website, &session.as_str().into(), "Where is my parcel?");
    let sent = plugin(
        &fake,
        "POST",
        &format!("website/{website}/conversation/{session}/message"),
        Some(json!({"type": "text", "from": "operator", "origin": "chat", "content": "On its way!"})),
    )
    .await
    .unwrap();
    assert_eq!(sent.status, 202);
    assert_eq!(sent.json()["reason"], "dispatched");
    let operator_fp = sent.json()["data"]["fingerprint"].as_i64().unwrap();
    assert!(operator_fp > 0);
    assert_ne!(operator_fp, visitor_fp.get());

    // List messages: oldest first, full shape.
    let messages = plugin(
        &fake,
        "GET",
        &format!("website/{website}/conversation/{session}/messages"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(messages.status, 200);
    assert_eq!(messages.json()["reason"], "resolved");
    let data = messages.json()["data"].clone();
    let list = data.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["fingerprint"], visitor_fp.get());
    assert_eq!(list[0]["from"], "user");
    assert_eq!(list[0]["origin"], "chat");
    assert_eq!(list[0]["type"], "text");
    assert_eq!(list[0]["content"], "Where is my parcel?");
    assert_eq!(list[0]["session_id"], session.as_str());
    assert_eq!(list[0]["website_id"], website.as_str());
    assert_eq!(list[0]["read"], "");
    assert_eq!(list[0]["user"]["user_id"], session.as_str());
    assert_eq!(list[1]["fingerprint"], operator_fp);
    assert_eq!(list[1]["from"], "operator");
    assert_eq!(list[1]["content"], "On its way!");
    assert!(list[0]["timestamp"].as_u64().unwrap() < list[1]["timestamp"].as_u64().unwrap());

    // The conversation object reflects it.
    let conversation = plugin(&fake, "GET", &format!("website/{website}/conversation/{session}"), None)
        .await
        .unwrap()
        .json()["data"]
        .clone();
    assert_eq!(conversation["session_id"], session.as_str());
    assert_eq!(conversation["website_id"], website.as_str());
    assert_eq!(conversation["state"], "unresolved");
    assert_eq!(conversation["status"], 1);
    assert_eq!(conversation["last_message"], "On its way!");
    assert_eq!(conversation["unread"], json!({"operator": 1, "visitor": 1}));
    assert_eq!(conversation["preview_message"]["fingerprint"], operator_fp);
    assert_eq!(conversation["meta"]["origin"], "chat");
    assert_eq!(conversation["meta"]["segments"], json!([]));
    assert_eq!(conversation["is_blocked"], false);
    assert!(conversation["created_at"].as_u64().unwrap() <= conversation["updated_at"].as_u64().unwrap());
}

#[tokio::test]
async fn unknown_session_and_website_are_404_envelopes() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let missing = plugin(
        &fake,
        "GET",
        &format!("website/{website}/conversation/session_nope"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.text(),
        r#"{"error":true,"reason":"session_not_found","data":{}}"#
    );

    let no_site = plugin(&fake, "GET", "website/not-a-website/conversation/session_nope", None)
        .await
        .unwrap();
    assert_eq!(no_site.status, 404);
    assert_eq!(
        no_site.json(),
        json!({"error": true, "reason": "website_not_found", "data": {}})
    );

    let no_route = plugin(&fake, "GET", "website/nope/nowhere", None).await.unwrap();
    assert_eq!(no_route.status, 404);
    assert_eq!(
        no_route.json(),
        json!({"error": true, "reason": "not_found", "data": {}})
    );

    // A known path with a method it does not serve is unknown too.
    let wrong_method = plugin(&fake, "PUT", &format!("website/{website}/conversation"), None)
        .await
        .unwrap();
    assert_eq!(wrong_method.status, 404);
    assert_eq!(wrong_method.json()["reason"], "not_found");
}

#[tokio::test]
async fn head_conversation_exists() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let headers = common::auth_headers(&fake, Tier::User);
    let found = send_raw(
        fake.addr(),
        "HEAD",
        &format!("/v1/website/{website}/conversation/{session}"),
        &headers,
        None,
    )
    .await
    .unwrap();
    assert_eq!(found.status, 200);
    assert!(found.body.is_empty());
    let missing = send_raw(
        fake.addr(),
        "HEAD",
        &format!("/v1/website/{website}/conversation/session_x"),
        &headers,
        None,
    )
    .await
    .unwrap();
    assert_eq!(missing.status, 404);
    assert!(missing.body.is_empty());
}

#[tokio::test]
async fn malformed_or_incomplete_bodies_are_400_invalid_data() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let path = format!("/v1/website/{website}/conversation/{session}/message");
    let mut headers = common::auth_headers(&fake, Tier::Plugin);
    headers.push(("Content-Type", "application/json".to_owned()));
    let malformed = send_raw(fake.addr(), "POST", &path, &headers, Some(b"{\"type\": "))
        .await
        .unwrap();
    assert_eq!(malformed.status, 400);
    assert_eq!(malformed.text(), r#"{"error":true,"reason":"invalid_data","data":{}}"#);

    for body in [
        json!({"from": "operator", "origin": "chat", "content": "no type"}),
        json!({"type": "text", "origin": "chat", "content": "no from"}),
        json!({"type": "text", "from": "operator", "content": "no origin"}),
        json!({"type": "text", "from": "operator", "origin": "chat"}),
        json!({"type": "text", "from": "robot", "origin": "chat", "content": "bad from"}),
        json!({"type": "text", "from": "operator", "origin": "chat", "content": {"not": "a string"}}),
    ] {
        let response = plugin(&fake, "POST", &path[4..], Some(body.clone())).await.unwrap();
        assert_eq!(response.status, 400, "{body}");
        assert_eq!(response.json()["reason"], "invalid_data", "{body}");
    }
    // Nothing was stored.
    let messages = plugin(
        &fake,
        "GET",
        &format!("website/{website}/conversation/{session}/messages"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(messages.json()["data"], json!([]));
}

#[tokio::test]
async fn non_text_messages_keep_their_content_and_extras() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let body = json!({
        "type": "file",
        "from": "operator",
        "origin": "urn:crisp.im:my-plugin:0",
        "content": {"name": "invoice.pdf", "url": "https://example.com/invoice.pdf", "type": "application/pdf"},
        "fingerprint": "1234567",
        "user": {"type": "participant", "nickname": "Bot", "avatar": "https://example.com/bot.png"},
        "properties": {"source": "test"}
    });
    let sent = plugin(
        &fake,
        "POST",
        &format!("website/{website}/conversation/{session}/message"),
        Some(body),
    )
    .await
    .unwrap();
    assert_eq!(sent.json()["data"], json!({"fingerprint": 1_234_567}));
    let messages = plugin(
        &fake,
        "GET",
        &format!("website/{website}/conversation/{session}/messages"),
        None,
    )
    .await
    .unwrap()
    .json();
    let message = &messages["data"][0];
    assert_eq!(message["content"]["name"], "invoice.pdf");
    assert_eq!(message["origin"], "urn:crisp.im:my-plugin:0");
    assert_eq!(message["user"]["nickname"], "Bot");
    assert_eq!(message["properties"], json!({"source": "test"}));
    let conversation = plugin(&fake, "GET", &format!("website/{website}/conversation/{session}"), None)
        .await
        .unwrap()
        .json();
    assert_eq!(conversation["data"]["last_message"], "invoice.pdf");
}

#[tokio::test]
async fn message_pages_by_timestamp() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    for i in 0..25 {
        fake.add_visitor_message(&website, &session, &format!("m{i}"));
    }
    let path = format!("website/{website}/conversation/{session}/messages");
    let contents = |v: &Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["content"].as_str().unwrap().to_owned())
            .collect()
    };
    let latest = plugin(&fake, "GET", &path, None).await.unwrap().json();
    let latest_contents = contents(&latest);
    assert_eq!(latest_contents.len(), 20);
    assert_eq!(latest_contents.first().map(String::as_str), Some("m5"));
    assert_eq!(latest_contents.last().map(String::as_str), Some("m24"));

    let oldest_ts = latest["data"][0]["timestamp"].as_u64().unwrap();
    let before = plugin(&fake, "GET", &format!("{path}?timestamp_before={oldest_ts}"), None)
        .await
        .unwrap()
        .json();
    assert_eq!(contents(&before), ["m0", "m1", "m2", "m3", "m4"]);

    let after = plugin(&fake, "GET", &format!("{path}?timestamp_after={oldest_ts}"), None)
        .await
        .unwrap()
        .json();
    assert_eq!(contents(&after).len(), 19);
    assert_eq!(contents(&after)[0], "m6");

    let bad = plugin(&fake, "GET", &format!("{path}?timestamp_before=yesterday"), None)
        .await
        .unwrap();
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["reason"], "invalid_data");
}

#[tokio::test]
async fn list_conversations_filters_and_pages() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let first = fake.add_conversation(&website);
    let second = fake.add_conversation(&website);
    let third = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &first, "I need a refund");
    fake.add_visitor_message(&website, &second, "Hello there");
    let resolve = plugin(
        &fake,
        "PATCH",
        &format!("website/{website}/conversation/{second}/state"),
        Some(json!({"state": "resolved"})),
    )
    .await
    .unwrap();
    assert_eq!(resolve.status, 200);
    assert_eq!(resolve.json(), json!({"error": false, "reason": "updated", "data": {}}));

    let ids = |v: &Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["session_id"].as_str().unwrap().to_owned())
            .collect()
    };
    let list = |query: &str| {
        let path = format!("website/{website}/conversations/1{query}");
        let fake = &fake;
        async move { plugin(fake, "GET", &path, None).await.unwrap().json() }
    };

    // Newest activity first.
    assert_eq!(
        ids(&list("").await),
        [second.to_string(), first.to_string(), third.to_string()]
    );
    assert_eq!(ids(&list("?filter_resolved=1").await), [second.to_string()]);
    assert_eq!(
        ids(&list("?filter_not_resolved=1").await),
        [first.to_string(), third.to_string()]
    );
    assert_eq!(
        ids(&list("?filter_unread=1").await),
        [second.to_string(), first.to_string()]
    );
    assert_eq!(ids(&list("?search_query=REFUND").await), [first.to_string()]);
    assert_eq!(
        ids(&list("?include_empty=0").await),
        [second.to_string(), first.to_string()]
    );
    assert_eq!(ids(&list("?per_page=2").await), [second.to_string(), first.to_string()]);

    let page_two = plugin(
        &fake,
        "GET",
        &format!("website/{website}/conversations/2?per_page=2"),
        None,
    )
    .await
    .unwrap()
    .json();
    assert_eq!(ids(&page_two), [third.to_string()]);
    let past_end = plugin(&fake, "GET", &format!("website/{website}/conversations/9"), None)
        .await
        .unwrap();
    assert_eq!(past_end.status, 200);
    assert_eq!(
        past_end.json(),
        json!({"error": false, "reason": "resolved", "data": []})
    );
    let page_zero = plugin(&fake, "GET", &format!("website/{website}/conversations/0"), None)
        .await
        .unwrap();
    assert_eq!(page_zero.status, 400);
}

#[tokio::test]
async fn routing_meta_state_and_read_markers() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let fp = fake.add_visitor_message(&website, &session, "hi");
    let base = format!("website/{website}/conversation/{session}");

    // Routing.
    let routing = plugin(&fake, "GET", &format!("{base}/routing"), None).await.unwrap();
    assert_eq!(routing.json()["data"], json!({"assigned": null}));
    let assign = plugin(
        &fake,
        "PATCH",
        &format!("{base}/routing"),
        Some(json!({"assigned": {"user_id": "op-1"}})),
    )
    .await
    .unwrap();
    assert_eq!(assign.status, 200);
    let routing = plugin(&fake, "GET", &format!("{base}/routing"), None).await.unwrap();
    assert_eq!(routing.json()["data"], json!({"assigned": {"user_id": "op-1"}}));
    let bad = plugin(&fake, "PATCH", &format!("{base}/routing"), Some(json!({"assigned": 3})))
        .await
        .unwrap();
    assert_eq!(bad.status, 400);

    // Meta: partial merge.
    let patch = json!({"email": "jane@example.com", "segments": ["vip"], "data": {"plan": "pro"}});
    assert_eq!(
        plugin(&fake, "PATCH", &format!("{base}/meta"), Some(patch))
            .await
            .unwrap()
            .status,
        200
    );
    let patch = json!({"nickname": "Jane", "data": {"seats": 3}});
    assert_eq!(
        plugin(&fake, "PATCH", &format!("{base}/meta"), Some(patch))
            .await
            .unwrap()
            .status,
        200
    );
    let meta = plugin(&fake, "GET", &format!("{base}/meta"), None)
        .await
        .unwrap()
        .json()["data"]
        .clone();
    assert_eq!(meta["nickname"], "Jane");
    assert_eq!(meta["email"], "jane@example.com");
    assert_eq!(meta["segments"], json!(["vip"]));
    assert_eq!(meta["data"], json!({"plan": "pro", "seats": 3}));
    let bad = plugin(&fake, "PATCH", &format!("{base}/meta"), Some(json!({"email": 5})))
        .await
        .unwrap();
    assert_eq!(bad.status, 400);

    // State.
    let bad = plugin(
        &fake,
        "PATCH",
        &format!("{base}/state"),
        Some(json!({"state": "closed"})),
    )
    .await
    .unwrap();
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["reason"], "invalid_data");
    let state = plugin(&fake, "GET", &format!("{base}/state"), None).await.unwrap();
    assert_eq!(state.json()["data"], json!({"state": "pending"}));

    // Read markers.
    let read = plugin(
        &fake,
        "PATCH",
        &format!("{base}/read"),
        Some(json!({"from": "user", "origin": "urn:crisp.im:slack:0", "fingerprints": [fp.get()]})),
    )
    .await
    .unwrap();
    assert_eq!(read.json(), json!({"error": false, "reason": "updated", "data": {}}));
    let delivered = plugin(
        &fake,
        "PATCH",
        &format!("{base}/delivered"),
        Some(json!({"from": "user", "origin": "chat"})),
    )
    .await
    .unwrap();
    assert_eq!(delivered.status, 200);
    let messages = plugin(&fake, "GET", &format!("{base}/messages"), None)
        .await
        .unwrap()
        .json();
    assert_eq!(messages["data"][0]["read"], "urn:crisp.im:slack:0");
    assert_eq!(messages["data"][0]["delivered"], "chat");
    let conversation = call(&fake, Tier::User, "GET", &base, None).await.unwrap().json();
    assert_eq!(conversation["data"]["unread"]["operator"], 0);
    assert_eq!(conversation["data"]["assigned"], json!({"user_id": "op-1"}));
    assert_eq!(conversation["data"]["meta"]["nickname"], "Jane");
}

#[tokio::test]
async fn remove_conversation() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let path = format!("website/{website}/conversation/{session}");
    let removed = plugin(&fake, "DELETE", &path, None).await.unwrap();
    assert_eq!(removed.json(), json!({"error": false, "reason": "deleted", "data": {}}));
    assert_eq!(plugin(&fake, "GET", &path, None).await.unwrap().status, 404);
    assert_eq!(plugin(&fake, "DELETE", &path, None).await.unwrap().status, 404);
}
