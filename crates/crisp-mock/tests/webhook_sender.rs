//! The web-hook sender, received by a loopback axum server that keeps exactly
//! what arrived.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop loudly on anything unexpected on the wire"
)]

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use crisp_mock::{FakeCrisp, HookFault};
use crisp_rtm::webhook::sign;
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio::time::timeout;

const WAIT: Duration = Duration::from_secs(5);

/// One request the receiver got.
#[derive(Debug)]
struct Received {
    path: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("missing {name}"))
            .to_str()
            .unwrap()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// Starts a receiver on loopback; `/hook` answers 200, `/forbidden` 403.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Received>) {
    let (tx, rx) = mpsc::unbounded_channel();
    async fn keep(
        State(tx): State<mpsc::UnboundedSender<Received>>,
        uri: axum::http::Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> StatusCode {
        let path = uri.path().to_owned();
        let status = if path == "/forbidden" {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::OK
        };
        tx.send(Received { path, headers, body }).unwrap();
        status
    }
    let app = Router::new()
        .route("/hook", post(keep))
        .route("/forbidden", post(keep))
        .with_state(tx);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (base, rx)
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Received>) -> Received {
    timeout(WAIT, rx.recv()).await.expect("no hook in time").unwrap()
}

#[tokio::test]
async fn send_webhook_posts_a_signed_crisp_hook() {
    let fake = FakeCrisp::start().await.unwrap();
    let (base, mut rx) = receiver().await;
    let data = json!({"website_id": "w-42", "session_id": "session_1", "content": "héllo ✓"});

    let status = fake
        .send_webhook(&format!("{base}/hook"), "message:send", data.clone())
        .await
        .unwrap();
    assert_eq!(status, 200);

    let hook = next(&mut rx).await;
    assert_eq!(hook.path, "/hook");
    assert_eq!(hook.header("content-type"), "application/json");
    assert_eq!(
        hook.header("x-crisp-hook-origin"),
        format!("plugin/rtm {} development", fake.plugin_id())
    );
    assert_eq!(hook.header("x-delivery-attempt-limit"), "1");
    assert_eq!(hook.header("x-delivery-attempt-count"), "1");

    let timestamp = hook.header("x-crisp-request-timestamp");
    let millis: u64 = timestamp.parse().unwrap();
    assert!(millis > 1_600_000_000_000, "{timestamp}");
    assert_eq!(
        hook.header("x-crisp-signature"),
        sign(fake.webhook_secret().as_bytes(), timestamp, &hook.body)
    );

    // Compact JSON, fields in Crisp's order.
    let expected = format!(
        r#"{{"website_id":"w-42","event":"message:send","data":{},"timestamp":{millis}}}"#,
        serde_json::to_string(&data).unwrap()
    );
    assert_eq!(std::str::from_utf8(&hook.body).unwrap(), expected);
    assert_eq!(hook.json()["data"], data);
}

#[tokio::test]
async fn secret_is_fixed_per_fake_and_differs_between_fakes() {
    let first = FakeCrisp::start().await.unwrap();
    let second = FakeCrisp::start().await.unwrap();
    assert!(first.webhook_secret().starts_with("fake-crisp-hook-secret-"));
    assert_eq!(first.webhook_secret(), first.webhook_secret());
    assert_ne!(first.webhook_secret(), second.webhook_secret());
}

#[tokio::test]
async fn send_webhook_reports_the_receivers_status_and_defaults_the_website() {
    let fake = FakeCrisp::start().await.unwrap();
    let (base, mut rx) = receiver().await;
    let status = fake
        .send_webhook(&format!("{base}/forbidden"), "session:removed", json!({}))
        .await
        .unwrap();
    assert_eq!(status, 403);
    let hook = next(&mut rx).await;
    assert_eq!(hook.json()["website_id"], fake.website_id().as_str());
    assert_eq!(hook.json()["event"], "session:removed");

    let missing = fake
        .send_webhook(&format!("{base}/nowhere"), "session:removed", json!({}))
        .await
        .unwrap();
    assert_eq!(missing, 404);
}

#[tokio::test]
async fn send_webhook_rejects_what_it_cannot_reach() {
    let fake = FakeCrisp::start().await.unwrap();
    let https = fake.send_webhook("https://127.0.0.1/hook", "x", json!({})).await;
    assert_eq!(https.unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    // Nothing listens there any more.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed = format!("http://{}/hook", listener.local_addr().unwrap());
    drop(listener);
    assert!(fake.send_webhook(&closed, "x", json!({})).await.is_err());
}

#[tokio::test]
async fn webhook_targets_get_every_relay_event() {
    let fake = FakeCrisp::start().await.unwrap();
    let (base, mut rx) = receiver().await;
    // Before a target is registered, nothing is sent.
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "before");

    fake.add_webhook_target(format!("{base}/hook"));
    let fingerprint = fake.add_visitor_message(&website, &session, "Where is my parcel?");
    let hook = next(&mut rx).await;
    let secret = fake.webhook_secret();
    assert_eq!(
        hook.header("x-crisp-signature"),
        sign(secret.as_bytes(), hook.header("x-crisp-request-timestamp"), &hook.body)
    );
    let body = hook.json();
    assert_eq!(body["website_id"], website.as_str());
    assert_eq!(body["event"], "message:send");
    let data = &body["data"];
    assert_eq!(
        *data,
        json!({
            "website_id": website.as_str(),
            "session_id": session.as_str(),
            "inbox_id": null,
            "type": "text",
            "from": "user",
            "origin": "chat",
            "content": "Where is my parcel?",
            "fingerprint": fingerprint.get(),
            "timestamp": data["timestamp"].as_u64().unwrap(),
            "stamped": true,
            "user": {"nickname": "Visitor 1", "user_id": session.as_str()},
        })
    );

    // Events pushed through the relay go out too, in order, even with no RTM
    // client subscribed.
    assert_eq!(
        fake.relay()
            .emit("session:set_state", json!({"website_id": "w-2", "state": "resolved"})),
        0
    );
    assert_eq!(fake.relay().emit("message:received", json!({"n": 1})), 0);
    let first = next(&mut rx).await.json();
    assert_eq!(first["event"], "session:set_state");
    assert_eq!(first["website_id"], "w-2");
    let second = next(&mut rx).await.json();
    assert_eq!(second["event"], "message:received");
    assert_eq!(second["data"], json!({"n": 1}));
    assert_eq!(second["website_id"], website.as_str());
    assert!(rx.try_recv().is_err());
}

#[tokio::test]
async fn send_webhook_with_puts_each_fault_on_the_wire() {
    let fake = FakeCrisp::start().await.unwrap();
    let (base, mut rx) = receiver().await;
    let url = format!("{base}/hook");
    let secret = fake.webhook_secret();
    let data = json!({"website_id": "w-42", "content": "hi"});
    let send = |fault| fake.send_webhook_with(&url, "message:send", data.clone(), fault);

    // Tampered: signed over another body (its timestamp is one less).
    assert_eq!(send(HookFault::Tampered).await.unwrap(), 200);
    let hook = next(&mut rx).await;
    let timestamp = hook.header("x-crisp-request-timestamp");
    let signature = hook.header("x-crisp-signature");
    assert_ne!(signature, sign(secret.as_bytes(), timestamp, &hook.body));
    let body = std::str::from_utf8(&hook.body).unwrap();
    let sent = hook.json()["timestamp"].as_u64().unwrap();
    let signed = body.replace(
        &format!(r#","timestamp":{sent}}}"#),
        &format!(r#","timestamp":{}}}"#, sent - 1),
    );
    assert_ne!(signed, body);
    assert_eq!(signature, sign(secret.as_bytes(), timestamp, signed.as_bytes()));

    // Unsigned: neither signature header.
    assert_eq!(send(HookFault::Unsigned).await.unwrap(), 200);
    let hook = next(&mut rx).await;
    assert!(hook.headers.get("x-crisp-signature").is_none());
    assert!(hook.headers.get("x-crisp-request-timestamp").is_none());
    assert_eq!(hook.json()["event"], "message:send");

    // Wrong key: a well-formed signature that is not the fake's.
    assert_eq!(send(HookFault::WrongKey).await.unwrap(), 200);
    let hook = next(&mut rx).await;
    let signature = hook.header("x-crisp-signature");
    assert_eq!(signature.len(), 64);
    assert_ne!(
        signature,
        sign(secret.as_bytes(), hook.header("x-crisp-request-timestamp"), &hook.body)
    );

    // Stale: correctly signed, dated an hour ago (header and body alike).
    assert_eq!(send(HookFault::Stale(Duration::from_secs(3600))).await.unwrap(), 200);
    let hook = next(&mut rx).await;
    let timestamp = hook.header("x-crisp-request-timestamp");
    assert_eq!(
        hook.header("x-crisp-signature"),
        sign(secret.as_bytes(), timestamp, &hook.body)
    );
    let millis: u64 = timestamp.parse().unwrap();
    assert_eq!(hook.json()["timestamp"], json!(millis));
    let age = crisp_types::Timestamp::now().as_millis() - millis;
    assert!((3_600_000..3_660_000).contains(&age), "{age} ms old");
}
