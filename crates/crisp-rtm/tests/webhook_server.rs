//! `WebhookReceiver` mounted in a real axum server on loopback, receiving
//! hooks from the fake Crisp (`crisp_mock::FakeCrisp`), valid and faulty
//! (`crisp_mock::HookFault`), and hand-built requests over a plain TCP socket.
#![cfg(feature = "webhook")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers report unexpected results loudly"
)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crisp_mock::{FakeCrisp, HookFault};
use crisp_rtm::webhook::{ReceivedHook, WebhookReceiver, WebhookVerifier, sign};
use crisp_types::event::{Event, EventKind};
use crisp_types::message::MessageContent;
use serde_json::json;
use tokio::sync::mpsc;

const WAIT: Duration = Duration::from_secs(10);

/// Serves `receiver` at `/hooks/crisp` on an ephemeral loopback port.
async fn serve(receiver: WebhookReceiver) -> SocketAddr {
    let app = axum::Router::new().route_service("/hooks/crisp", receiver);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

async fn next_hook(hooks: &mut mpsc::Receiver<ReceivedHook>) -> ReceivedHook {
    tokio::time::timeout(WAIT, hooks.recv())
        .await
        .expect("a hook within 10 s")
        .expect("the channel is open")
}

/// Sends one raw HTTP/1.1 request and returns the status and the raw answer.
async fn raw_request(addr: SocketAddr, method: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut request = format!("{method} /hooks/crisp HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        stream.write_all(&bytes).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("no status line in {answer:?}"));
        (status, answer)
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn receives_signed_hooks_from_the_fake() {
    let fake = FakeCrisp::start().await.unwrap();
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(fake.webhook_secret()))
        .subscribe([EventKind::MessageSend, EventKind::SessionSetState])
        .channel(16);
    let addr = serve(receiver).await;
    let url = format!("http://{addr}/hooks/crisp");
    let website_id = fake.website_id();

    let data = json!({
        "website_id": website_id.as_str(),
        "session_id": "session_1",
        "type": "text",
        "content": "h\u{e9}llo from the fake \u{2713}",
        "from": "user",
        "origin": "chat",
        "fingerprint": 42,
    });
    assert_eq!(fake.send_webhook(&url, "message:send", data).await.unwrap(), 200);
    let hook = next_hook(&mut hooks).await;
    assert!(hook.verified);
    assert_eq!(hook.website_id.as_ref(), Some(&website_id));
    assert!(hook.timestamp.is_some());
    assert_eq!(hook.delivery_attempt, Some(1));
    assert_eq!(hook.delivery_attempt_limit, Some(1));
    assert!(
        hook.hook_origin
            .as_deref()
            .is_some_and(|origin| origin.starts_with("plugin/rtm ")),
        "{:?}",
        hook.hook_origin
    );
    let Event::MessageSend(sent) = &hook.event else {
        panic!("expected message:send, got {:?}", hook.event);
    };
    assert_eq!(
        sent.message.content,
        MessageContent::Text("h\u{e9}llo from the fake \u{2713}".to_owned())
    );
    assert_eq!(
        sent.message.session_id.as_ref().map(|id| id.as_str()),
        Some("session_1")
    );

    // Not subscribed: acknowledged, not delivered.
    assert_eq!(
        fake.send_webhook(&url, "message:received", json!({"type": "text", "content": "x"}))
            .await
            .unwrap(),
        200
    );
    // Subscribed, after it: the only one that comes through.
    let state = json!({"session_id": "session_1", "state": "resolved"});
    assert_eq!(fake.send_webhook(&url, "session:set_state", state).await.unwrap(), 200);
    assert_eq!(
        next_hook(&mut hooks).await.event.kind(),
        Some(EventKind::SessionSetState)
    );
    assert!(hooks.try_recv().is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fake_with_another_secret_is_forbidden() {
    let fake = FakeCrisp::start().await.unwrap();
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new("not-the-fake-secret")).channel(4);
    let addr = serve(receiver).await;
    let status = fake
        .send_webhook(&format!("http://{addr}/hooks/crisp"), "message:send", json!({}))
        .await
        .unwrap();
    assert_eq!(status, 403);
    assert!(hooks.try_recv().is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relay_events_arrive_as_hooks() {
    let fake = FakeCrisp::start().await.unwrap();
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(fake.webhook_secret()))
        .subscribe_names(["custom:event"])
        .channel(16);
    let addr = serve(receiver).await;
    fake.add_webhook_target(format!("http://{addr}/hooks/crisp"));
    fake.relay().emit("custom:event", json!({"n": 1}));
    let hook = next_hook(&mut hooks).await;
    assert!(hook.verified);
    assert_eq!(
        hook.event,
        Event::Unknown {
            name: "custom:event".to_owned(),
            data: json!({"n": 1}),
        }
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hand_built_requests_over_tcp() {
    let secret = "hand-built-secret";
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(secret)).channel(4);
    let addr = serve(receiver).await;
    let body = r#"{"website_id":"w1","event":"message:send","data":{"type":"text","content":"hi"},"timestamp":1}"#;
    let timestamp = "1700000000123";
    let signature = sign(secret.as_bytes(), timestamp, body.as_bytes());
    let headers = [
        ("Content-Type", "application/json"),
        ("X-Crisp-Request-Timestamp", timestamp),
        ("X-Crisp-Signature", signature.as_str()),
    ];

    let (status, _) = raw_request(addr, "POST", &headers, body.as_bytes()).await;
    assert_eq!(status, 200);
    let hook = next_hook(&mut hooks).await;
    assert!(
        matches!(&hook.event, Event::MessageSend(sent) if sent.message.content == MessageContent::Text("hi".to_owned()))
    );

    let tampered = body.replace("hi", "yo");
    let (status, answer) = raw_request(addr, "POST", &headers, tampered.as_bytes()).await;
    assert_eq!(status, 403);
    assert!(!answer.contains(secret));

    let (status, answer) = raw_request(addr, "GET", &[], b"").await;
    assert_eq!(status, 405);
    assert!(answer.to_ascii_lowercase().contains("\r\nallow: post\r\n"), "{answer}");

    let (status, _) = raw_request(addr, "POST", &headers[..2], body.as_bytes()).await;
    assert_eq!(status, 403);

    let not_json = "{oops";
    let signature = sign(secret.as_bytes(), timestamp, not_json.as_bytes());
    let (status, _) = raw_request(
        addr,
        "POST",
        &[
            ("X-Crisp-Request-Timestamp", timestamp),
            ("X-Crisp-Signature", &signature),
        ],
        not_json.as_bytes(),
    )
    .await;
    assert_eq!(status, 400);
    assert!(hooks.try_recv().is_err());
}

fn text_message(website_id: &str) -> serde_json::Value {
    json!({
        "website_id": website_id,
        "session_id": "session_1",
        "type": "text",
        "content": "hi",
        "from": "user",
        "origin": "chat",
        "fingerprint": 7,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faulty_hooks_from_the_fake_are_forbidden() {
    let fake = FakeCrisp::start().await.unwrap();
    let verifier = WebhookVerifier::new(fake.webhook_secret()).with_tolerance(Duration::from_secs(300));
    let (receiver, mut hooks) = WebhookReceiver::builder(verifier).channel(16);
    let addr = serve(receiver).await;
    let url = format!("http://{addr}/hooks/crisp");
    let data = text_message(fake.website_id().as_str());

    for fault in [
        HookFault::Tampered,
        HookFault::Unsigned,
        HookFault::WrongKey,
        HookFault::Stale(Duration::from_secs(600)),
    ] {
        let status = fake
            .send_webhook_with(&url, "message:send", data.clone(), fault)
            .await
            .unwrap();
        assert_eq!(status, 403, "{fault:?}");
    }
    assert!(hooks.try_recv().is_err(), "a faulty hook was delivered");

    // A hook a little old, within the tolerance, and a fresh one both pass.
    let slightly_old = HookFault::Stale(Duration::from_secs(30));
    let status = fake
        .send_webhook_with(&url, "message:send", data.clone(), slightly_old)
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(next_hook(&mut hooks).await.verified);
    assert_eq!(fake.send_webhook(&url, "message:send", data).await.unwrap(), 200);
    let hook = next_hook(&mut hooks).await;
    assert!(hook.verified);
    assert_eq!(hook.event.kind(), Some(EventKind::MessageSend));
    assert!(hooks.try_recv().is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_hooks_pass_without_a_tolerance() {
    let fake = FakeCrisp::start().await.unwrap();
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(fake.webhook_secret())).channel(4);
    let addr = serve(receiver).await;
    let url = format!("http://{addr}/hooks/crisp");
    let data = text_message(fake.website_id().as_str());

    let stale = HookFault::Stale(Duration::from_secs(24 * 3600));
    let status = fake.send_webhook_with(&url, "message:send", data, stale).await.unwrap();
    assert_eq!(status, 200);
    let hook = next_hook(&mut hooks).await;
    assert!(hook.verified);
    let age = crisp_types::Timestamp::now()
        .as_millis()
        .saturating_sub(hook.timestamp.unwrap().as_millis());
    assert!(age >= 24 * 3600 * 1000, "{age} ms old");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsigned_hooks_pass_where_allowed() {
    let fake = FakeCrisp::start().await.unwrap();
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(fake.webhook_secret()))
        .allow_unsigned(true)
        .channel(4);
    let addr = serve(receiver).await;
    let url = format!("http://{addr}/hooks/crisp");
    let data = text_message(fake.website_id().as_str());

    let status = fake
        .send_webhook_with(&url, "message:send", data.clone(), HookFault::Unsigned)
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(!next_hook(&mut hooks).await.verified);
    // Carrying a signature, it is still checked.
    let status = fake
        .send_webhook_with(&url, "message:send", data, HookFault::WrongKey)
        .await
        .unwrap();
    assert_eq!(status, 403);
    assert!(hooks.try_recv().is_err());
}
