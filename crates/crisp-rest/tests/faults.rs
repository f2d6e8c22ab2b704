//! What a user sees when things go wrong: auth, rate limits, server errors,
//! timeouts, dropped connections and malformed bodies — through the real
//! hyper transport against the fake Crisp.

mod common;

use std::time::Duration;

use base64::Engine as _;

use common::{client_for, fake_and_client, single_request};
use crisp_rest::{Client, Error};
use crisp_transport::{Credentials, Tier, Transport};
use crisp_types::message::{MessageFrom, NewMessage};

fn hello() -> NewMessage {
    NewMessage::text(MessageFrom::Operator, "hello")
}

#[tokio::test]
async fn every_request_carries_auth_tier_and_user_agent() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();
    client.website().list_conversations(&website, 1).await.unwrap();

    let request = single_request(&fake);
    let token = fake.token(Tier::Plugin);
    let expected = format!("{}:{}", token.identifier, token.key);
    let basic = request
        .header("authorization")
        .unwrap()
        .strip_prefix("Basic ")
        .unwrap()
        .to_owned();
    let decoded = base64::engine::general_purpose::STANDARD.decode(basic).unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), expected);
    assert_eq!(request.header("x-crisp-tier"), Some("plugin"));
    assert_eq!(
        request.header("user-agent"),
        Some(concat!("crisp-rs/", env!("CARGO_PKG_VERSION")))
    );
}

#[tokio::test]
async fn wrong_credentials_are_an_api_error() {
    let fake = crisp_mock::FakeCrisp::start().await.unwrap();
    let transport = Transport::builder(Credentials::new("nobody", "wrong"), Tier::Plugin)
        .build()
        .unwrap();
    let client = Client::with_base_url(transport, fake.base_url());
    let error = client.plugin().get_connect_account().await.unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::UNAUTHORIZED));
    assert!(error.reason().is_some());
    assert!(!error.may_have_been_processed());
}

#[tokio::test]
async fn get_is_retried_after_503_until_it_succeeds() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();
    fake.faults().respond_with_status(503, 2);

    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.session_id, session);
    assert_eq!(fake.requests().len(), 3, "two 503 answers then success");
}

#[tokio::test]
async fn post_is_not_retried_after_503() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();
    fake.faults().respond_with_status(503, 1);

    let error = client
        .website()
        .send_message_in_conversation(&website, &session, hello())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
    assert!(
        error.may_have_been_processed(),
        "a 5xx leaves it unknown whether the message was stored"
    );
    assert_eq!(fake.requests().len(), 1, "a POST is never sent twice after a 503");
}

#[tokio::test]
async fn post_is_retried_after_429_and_sent_once() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();
    fake.faults().respond_with(
        429,
        vec![("Retry-After".to_owned(), "0".to_owned())],
        r#"{"error":true,"reason":"rate_limited","data":{}}"#.to_owned(),
        1,
    );

    client
        .website()
        .send_message_in_conversation(&website, &session, hello())
        .await
        .unwrap();
    let requests = fake.requests();
    assert_eq!(requests.len(), 2, "rejected once with 429, then accepted");
    assert_eq!(requests[0].body, requests[1].body, "the retry resends the same body");
    let messages = client
        .website()
        .get_messages_in_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(messages.len(), 1, "the message was stored exactly once");
}

#[tokio::test]
async fn exhausted_rate_limit_surfaces_as_a_typed_error() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.faults().respond_with(
        420,
        vec![("Retry-After".to_owned(), "0".to_owned())],
        r#"{"error":true,"reason":"rate_limited","data":{}}"#.to_owned(),
        10,
    );
    let error = client.plugin().get_connect_account().await.unwrap_err();
    let api = error.as_api().unwrap();
    assert!(api.is_rate_limited());
    assert_eq!(api.reason(), Some("rate_limited"));
    assert!(!error.may_have_been_processed());
}

#[tokio::test]
async fn slow_answers_time_out_get_retries_post_does_not() {
    let fake = crisp_mock::FakeCrisp::start().await.unwrap();
    let client = client_for(&fake, Tier::Plugin, Duration::from_millis(200));
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    fake.faults().delay_responses(Duration::from_secs(2), 1);
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.session_id, session);
    assert_eq!(fake.requests().len(), 2, "the timed-out GET was retried");

    fake.clear_requests();
    fake.faults().delay_responses(Duration::from_secs(2), 1);
    let error = client
        .website()
        .send_message_in_conversation(&website, &session, hello())
        .await
        .unwrap_err();
    match &error {
        Error::Transport(transport) => assert!(transport.error().is_timeout(), "{transport:?}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(error.may_have_been_processed());
    assert_eq!(fake.requests().len(), 1, "a timed-out POST is not resent");
}

#[tokio::test]
async fn dropped_connections_retry_get_but_not_post() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    fake.faults().drop_connections(1);
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.session_id, session);
    assert_eq!(fake.requests().len(), 2);

    fake.clear_requests();
    fake.faults().drop_connections(1);
    let error = client
        .website()
        .send_message_in_conversation(&website, &session, hello())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(error.may_have_been_processed());
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_with_path_and_excerpt() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();

    fake.faults().respond_with(
        200,
        vec![],
        r#"{"error":false,"reason":"listed","data":[{"session_id":42}]}"#.to_owned(),
        1,
    );
    let error = client.website().list_conversations(&website, 1).await.unwrap_err();
    match error {
        Error::Decode(decode) => {
            assert_eq!(decode.route(), "list_conversations");
            assert!(decode.path().starts_with("data[0]"), "{}", decode.path());
            assert!(decode.excerpt().contains("\"session_id\":42"));
        }
        other => panic!("expected a decode error, got {other:?}"),
    }

    fake.faults()
        .respond_with(200, vec![], r#"{"error":false,"data":[{"#.to_owned(), 1);
    let error = client.website().list_conversations(&website, 1).await.unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn edge_error_page_keeps_the_status() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.faults().respond_with(
        502,
        vec![("Content-Type".to_owned(), "text/html".to_owned())],
        "<html>Bad Gateway</html>".to_owned(),
        1,
    );

    let error = client
        .website()
        .send_message_in_conversation(&website, &session, hello())
        .await
        .unwrap_err();
    let api = error.as_api().unwrap();
    assert_eq!(api.status(), 502);
    assert_eq!(api.reason(), None);
}

#[tokio::test]
async fn raw_escape_hatch_reaches_any_route() {
    #[derive(serde::Deserialize)]
    struct JustTheState {
        state: String,
    }

    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();

    let path = format!(
        "website/{}/conversation/{}",
        crisp_rest::segment(&website),
        crisp_rest::segment(&session)
    );
    let state: JustTheState = client.raw(http::Method::GET, path).decode_as().await.unwrap();
    assert_eq!(state.state, "pending");

    let value: serde_json::Value = client
        .raw(
            http::Method::PATCH,
            format!("website/{website}/conversation/{session}/state"),
        )
        .json(&serde_json::json!({"state": "resolved"}))
        .await
        .unwrap();
    assert!(value.is_object());
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].method, http::Method::PATCH);
    assert_eq!(requests[1].json(), Some(serde_json::json!({"state": "resolved"})));
}

#[tokio::test]
async fn raw_body_that_cannot_be_encoded_is_refused_before_sending() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();
    // JSON object keys must be strings: a map keyed by pairs cannot be encoded.
    let body: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();

    let error = client
        .raw(http::Method::POST, "website/w/conversation")
        .json(&body)
        .await
        .unwrap_err();
    match &error {
        Error::InvalidInput(input) => assert!(input.message().contains("cannot be encoded as JSON"), "{input}"),
        other => panic!("expected invalid input, got {other:?}"),
    }
    assert!(!error.may_have_been_processed());
    let sent = client
        .raw(http::Method::POST, "website/w/conversation")
        .json(&body)
        .send()
        .await;
    assert!(matches!(sent, Err(Error::InvalidInput(_))));
    assert!(fake.requests().is_empty(), "nothing reaches the wire");
}
