//! Wire tests of the `website.conversations` and `website.conversation`
//! groups: the request the fake Crisp received, and the decoded result.

mod common;

use common::{fake_and_client, query_of, single_request};
use crisp_rest::{Endpoint, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::conversation::{ConversationMetaUpdate, ConversationRoutingUpdate, ConversationState};
use crisp_types::message::{
    MessageContent, MessageFrom, MessagesMark, NewMessage, Origin, PickerChoice, PickerContent,
};
use crisp_types::search::{SearchFilter, SearchOperator};
use crisp_types::{SessionId, Timestamp, UserId, WebsiteId};
use futures_util::TryStreamExt;
use serde_json::json;

#[tokio::test]
async fn list_conversations_sends_every_option_and_decodes() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "Where is my parcel?");
    fake.clear_requests();

    let listed = client.website().list_conversations(&website, 1).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.path, format!("/v1/website/{website}/conversations/1"));
    assert!(request.query.is_empty(), "no option set, no query: {:?}", request.query);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].session_id, session);
    assert_eq!(listed[0].website_id, website);
    assert_eq!(listed[0].last_message.as_deref(), Some("Where is my parcel?"));

    fake.clear_requests();
    let filters = [SearchFilter::new("session", "segments", "eq", ["vip"])];
    client
        .website()
        .list_conversations(&website, 2)
        .per_page(30)
        .include_empty(true)
        .search_filters(filters)
        .search_operator(SearchOperator::Or)
        .filter_unread(true)
        .filter_resolved(false)
        .filter_not_resolved(true)
        .filter_mention(false)
        .filter_assigned(UserId::new("aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"))
        .filter_unassigned(false)
        .filter_date_start("2026-11-01T00:00:00Z")
        .filter_date_end("2026-11-21T00:00:00Z")
        .order_date_created(true)
        .order_date_updated(false)
        .order_date_waiting(true)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.path, format!("/v1/website/{website}/conversations/2"));
    assert_eq!(
        query_of(&request),
        vec![
            ("per_page", "30"),
            ("include_empty", "1"),
            ("search_type", "filter"),
            (
                "search_query",
                r#"[{"model":"session","criterion":"segments","operator":"eq","query":["vip"]}]"#
            ),
            ("search_operator", "or"),
            ("filter_unread", "1"),
            ("filter_resolved", "0"),
            ("filter_not_resolved", "1"),
            ("filter_mention", "0"),
            ("filter_assigned", "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"),
            ("filter_unassigned", "0"),
            ("filter_date_start", "2026-11-01T00:00:00Z"),
            ("filter_date_end", "2026-11-21T00:00:00Z"),
            ("order_date_created", "1"),
            ("order_date_updated", "0"),
            ("order_date_waiting", "1"),
        ]
    );
    // The JSON filter travels percent-encoded on the wire.
    let raw = request.raw_query.as_deref().unwrap();
    assert!(raw.contains("search_query=%5B%7B%22model%22%3A%22session%22"), "{raw}");
}

#[tokio::test]
async fn list_conversations_text_search_and_stream_over_pages() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let mut created = Vec::new();
    for index in 0..5 {
        let session = fake.add_conversation(&website);
        fake.add_visitor_message(&website, &session, &format!("refund request {index}"));
        created.push(session);
    }
    fake.clear_requests();

    let request = client
        .website()
        .list_conversations(&website, 1)
        .search_query("refund")
        .to_request()
        .unwrap();
    assert_eq!(request.query().get("search_query"), Some("refund"));
    assert_eq!(request.query().get("search_type"), None);

    let all: Vec<_> = client
        .website()
        .list_conversations(&website, 1)
        .per_page(2)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let mut seen: Vec<SessionId> = all.into_iter().map(|conversation| conversation.session_id).collect();
    seen.sort();
    created.sort();
    assert_eq!(seen, created);
    let pages: Vec<String> = fake
        .requests()
        .iter()
        .map(|r| r.path.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        pages,
        ["1", "2", "3"],
        "two full pages then a short one (1 of 2) ends the stream"
    );
}

#[tokio::test]
async fn create_new_conversation_posts_an_empty_object() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let created = client.website().create_new_conversation(&website).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::POST);
    assert_eq!(request.path, format!("/v1/website/{website}/conversation"));
    assert_eq!(request.json(), Some(json!({})));
    assert_eq!(request.header("content-type"), Some("application/json"));
    let session = created.session_id.unwrap();
    assert!(session.as_str().starts_with("session_"), "{session}");
    // The conversation exists afterwards.
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.session_id, session);
}

#[tokio::test]
async fn get_conversation_decodes_and_reports_missing_sessions() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.path, format!("/v1/website/{website}/conversation/{session}"));
    assert_eq!(request.body.len(), 0, "a GET carries no body");
    assert_eq!(conversation.state, Some(ConversationState::Pending));

    let missing = SessionId::new("session_00000000-0000-0000-0000-000000000000");
    let error = client.website().get_conversation(&website, &missing).await.unwrap_err();
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 404);
    assert_eq!(api.reason(), Some("session_not_found"));
    assert_eq!(api.route(), "get_conversation");
}

#[tokio::test]
async fn messages_round_trip_with_timestamps() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let visitor_fingerprint = fake.add_visitor_message(&website, &session, "Hello?");
    fake.clear_requests();

    let message = NewMessage::text(MessageFrom::Operator, "Hi! How can I help?");
    let dispatched = client
        .website()
        .send_message_in_conversation(&website, &session, message)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::POST);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/message")
    );
    assert_eq!(
        request.json(),
        Some(json!({"type": "text", "from": "operator", "origin": "chat", "content": "Hi! How can I help?"}))
    );
    let sent_fingerprint = dispatched.fingerprint.unwrap();
    assert_ne!(sent_fingerprint, visitor_fingerprint);

    fake.clear_requests();
    let messages = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/messages")
    );
    assert!(request.query.is_empty());
    let texts: Vec<_> = messages
        .iter()
        .map(|m| match &m.content {
            MessageContent::Text(text) => (m.from.clone(), text.clone(), m.fingerprint),
            other => panic!("unexpected content {other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            (Some(MessageFrom::User), "Hello?".to_owned(), Some(visitor_fingerprint)),
            (
                Some(MessageFrom::Operator),
                "Hi! How can I help?".to_owned(),
                Some(sent_fingerprint)
            ),
        ]
    );

    fake.clear_requests();
    let stamp = Timestamp::from_millis(1_763_700_000_000);
    client
        .website()
        .get_messages_in_conversation(&website, &session)
        .timestamp_before(stamp)
        .timestamp_after(Timestamp::from_millis(1))
        .timestamp_around(Timestamp::from_millis(2))
        .await
        .unwrap();
    assert_eq!(
        query_of(&single_request(&fake)),
        vec![
            ("timestamp_before", "1763700000000"),
            ("timestamp_after", "1"),
            ("timestamp_around", "2")
        ]
    );
}

#[tokio::test]
async fn send_message_of_a_structured_type() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    let picker = PickerContent {
        id: Some("routing".to_owned()),
        text: Some("What is your question about?".to_owned()),
        choices: vec![
            PickerChoice {
                value: Some("sales".to_owned()),
                label: Some("Sales".to_owned()),
                selected: Some(false),
                ..Default::default()
            },
            PickerChoice {
                value: Some("tech".to_owned()),
                label: Some("Tech".to_owned()),
                selected: Some(false),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let message = NewMessage::new(MessageFrom::Operator, MessageContent::Picker(picker)).origin(Origin::Chat);
    client
        .website()
        .send_message_in_conversation(&website, &session, message)
        .await
        .unwrap();
    let body = single_request(&fake).json().unwrap();
    assert_eq!(
        body,
        json!({
            "type": "picker",
            "from": "operator",
            "origin": "chat",
            "content": {
                "id": "routing",
                "text": "What is your question about?",
                "choices": [
                    {"value": "sales", "label": "Sales", "selected": false},
                    {"value": "tech", "label": "Tech", "selected": false}
                ]
            }
        })
    );
}

#[tokio::test]
async fn mark_messages_read_and_delivered() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let fingerprint = fake.add_visitor_message(&website, &session, "ping");
    fake.clear_requests();

    let mark = MessagesMark {
        from: MessageFrom::User,
        origin: Origin::Chat,
        fingerprints: vec![fingerprint],
    };
    client
        .website()
        .mark_messages_read_in_conversation(&website, &session, mark.clone())
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PATCH);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/read")
    );
    assert_eq!(
        request.json(),
        Some(json!({"from": "user", "origin": "chat", "fingerprints": [fingerprint.get()]}))
    );

    fake.clear_requests();
    client
        .website()
        .mark_messages_delivered_in_conversation(&website, &session, mark)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PATCH);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/delivered")
    );
    assert_eq!(
        request.json(),
        Some(json!({"from": "user", "origin": "chat", "fingerprints": [fingerprint.get()]}))
    );
}

#[tokio::test]
async fn routing_assign_and_unassign() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let operator = UserId::new("aa0b64dd-9fb4-4db9-80d6-5a49eb84087b");
    fake.clear_requests();

    let routing = client
        .website()
        .get_conversation_routing_assign(&website, &session)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", &*format!("/v1/website/{website}/conversation/{session}/routing"))
    );
    assert!(routing.assigned.is_none());

    fake.clear_requests();
    let update = ConversationRoutingUpdate::assign(operator.clone()).silent(true);
    client
        .website()
        .assign_conversation_routing(&website, &session, update)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PATCH);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/routing")
    );
    assert_eq!(
        request.json(),
        Some(json!({"assigned": {"user_id": operator.as_str()}, "silent": true}))
    );

    let routing = client
        .website()
        .get_conversation_routing_assign(&website, &session)
        .await
        .unwrap();
    assert_eq!(routing.assigned.and_then(|assigned| assigned.user_id), Some(operator));

    fake.clear_requests();
    client
        .website()
        .assign_conversation_routing(&website, &session, ConversationRoutingUpdate::unassign())
        .await
        .unwrap();
    assert_eq!(single_request(&fake).json(), Some(json!({"assigned": null})));
    let routing = client
        .website()
        .get_conversation_routing_assign(&website, &session)
        .await
        .unwrap();
    assert!(routing.assigned.is_none());
}

#[tokio::test]
async fn metas_update_and_read_back() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    // The body of the fixture request_update_conversation_metas.json.
    let mut data = serde_json::Map::new();
    data.insert("type".to_owned(), json!("customer"));
    data.insert("signup".to_owned(), json!("finished"));
    let update = ConversationMetaUpdate {
        nickname: Some("John Doe".to_owned()),
        email: Some("john.doe@acme-inc.com".to_owned()),
        segments: Some(vec!["happy".to_owned(), "customer".to_owned(), "love".to_owned()]),
        data: Some(data),
        ..Default::default()
    };
    client
        .website()
        .update_conversation_metas(&website, &session, update)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PATCH);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/meta")
    );
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/request_update_conversation_metas.json")).unwrap();
    assert_eq!(request.json(), Some(fixture));

    fake.clear_requests();
    let metas = client
        .website()
        .get_conversation_metas(&website, &session)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", &*format!("/v1/website/{website}/conversation/{session}/meta"))
    );
    assert_eq!(metas.nickname.as_deref(), Some("John Doe"));
    assert_eq!(metas.email.as_deref(), Some("john.doe@acme-inc.com"));
    assert_eq!(metas.segments, ["happy", "customer", "love"]);
    assert_eq!(metas.data.get("signup"), Some(&json!("finished")));
}

#[tokio::test]
async fn change_conversation_state_sends_state_and_options() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    client
        .website()
        .change_conversation_state(&website, &session, ConversationState::Resolved)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PATCH);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/conversation/{session}/state")
    );
    assert_eq!(request.json(), Some(json!({"state": "resolved"})));
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.state, Some(ConversationState::Resolved));

    fake.clear_requests();
    client
        .website()
        .change_conversation_state(&website, &session, ConversationState::Unresolved)
        .origin(Origin::from("urn:crisp.im:slack:0"))
        .await
        .unwrap();
    assert_eq!(
        single_request(&fake).json(),
        Some(json!({"state": "unresolved", "origin": "urn:crisp.im:slack:0"}))
    );
}

#[tokio::test]
async fn ids_are_percent_encoded_and_empty_ids_never_sent() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let odd = SessionId::new("session_a/b?c");
    let request = client.website().get_conversation(&website, &odd).to_request().unwrap();
    assert_eq!(
        request.path(),
        format!("website/{website}/conversation/session_a%2Fb%3Fc")
    );
    let error = client.website().get_conversation(&website, &odd).await.unwrap_err();
    assert_eq!(error.reason(), Some("session_not_found"));
    assert_eq!(
        single_request(&fake).path,
        format!("/v1/website/{website}/conversation/session_a%2Fb%3Fc")
    );

    fake.clear_requests();
    let empty = WebsiteId::new("");
    let error = client.website().list_conversations(&empty, 1).await.unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    let error = client.website().list_conversations(&website, 0).await.unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "invalid input never reaches the wire");
}

#[tokio::test]
async fn the_page_stream_is_unpin_and_stops_after_a_short_page() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    for index in 0..7 {
        let session = fake.add_conversation(&website);
        fake.add_visitor_message(&website, &session, &format!("message {index}"));
    }
    fake.clear_requests();
    let mut stream = client
        .website()
        .list_conversations(&website, 1)
        .per_page(2)
        .into_stream();
    let mut seen = 0;
    while let Some(conversation) = stream.next().await {
        conversation.unwrap();
        seen += 1;
    }
    assert_eq!(seen, 7);
    // Pages 1..=4 (2 + 2 + 2 + 1): the short 4th page ends the stream.
    let pages: Vec<String> = fake.requests().iter().map(|request| request.path.clone()).collect();
    assert_eq!(pages.len(), 4, "{pages:#?}");
    assert!(pages[3].ends_with("/conversations/4"));

    // Without a page size, the end is the first empty page.
    fake.clear_requests();
    let all: Vec<_> = client
        .website()
        .list_conversations(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 7);
    assert_eq!(fake.requests().len(), 2);
}
