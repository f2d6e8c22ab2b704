//! Secrets stay out of the logs: everything this SDK's crates emit through
//! `tracing`, at TRACE level, during an RTM session (discovery over REST,
//! authentication, events, a malformed frame, a rebind, refused credentials)
//! and during Web Hook verifications (accepted, tampered, wrong secret), is
//! captured and searched for the token key, the hook secret and the
//! `Authorization` value.
//!
//! The fake Crisp's own server crates (socketioxide, engineioxide, axum,
//! crisp-mock) are left out of the capture: a server logs what it receives,
//! the client's `authentication` event included, and that is the fake's log,
//! not this SDK's. (tungstenite logs through the `log` crate, not `tracing`,
//! so nothing of it reaches a `tracing` subscriber.)

#![cfg(all(feature = "websocket", feature = "webhook"))]
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

mod rtm_support;

use std::io::{self, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use base64_free::basic_value;
use crisp_rtm::client::{RtmClient, RtmError};
use crisp_rtm::webhook::{WebhookReceiver, WebhookVerifier, sign};
use crisp_transport::Credentials;
use crisp_types::Tier;
use crisp_types::event::EventKind;
use http::Request;
use rtm_support::*;
use tower::ServiceExt;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;

const HOOK_SECRET: &str = "hook-secret-7Qx9w2Lr";

/// Where the captured lines go.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    fn lock(&self) -> MutexGuard<'_, Vec<u8>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.lock()).into_owned()
    }
}

/// Writes into the capture, or nowhere for the fake server's crates.
enum Sink {
    Capture(Capture),
    Discard,
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if let Sink::Capture(capture) = self {
            capture.lock().extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Capture {
    type Writer = Sink;

    fn make_writer(&'a self) -> Sink {
        Sink::Capture(self.clone())
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> Sink {
        const SERVER: &[&str] = &["socketioxide", "engineioxide", "axum", "crisp_mock", "tower_http"];
        if SERVER.iter().any(|prefix| meta.target().starts_with(prefix)) {
            Sink::Discard
        } else {
            Sink::Capture(self.clone())
        }
    }
}

/// `Basic <base64(identifier:key)>`, computed here so the test does not
/// depend on a base64 crate.
mod base64_free {
    pub(super) fn basic_value(identifier: &str, key: &str) -> String {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let input = format!("{identifier}:{key}").into_bytes();
        let mut out = String::new();
        for chunk in input.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
                if index <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

async fn rtm_session(fake: &crisp_mock::FakeCrisp) {
    let relay = fake.relay();
    let token = fake.token(Tier::Plugin);
    let (handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, token.key), Tier::Plugin)
        .rest_base_url(fake.base_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_secs(1))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    within(handle.authenticated()).await.expect("authenticated");
    drain_errors(&mut stream);
    relay.inject_raw_frame("42[oops");
    assert_eq!(relay.emit("message:send", text_message(fake, "hello")), 1);
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "hello");
    within(handle.rebind()).await.expect("rebind sent");
    handle.close();
    while within(stream.recv()).await.is_some() {}

    // Refused credentials, through the relay.
    let token = fake.token(Tier::Plugin);
    let (_handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, "wrong-key-0Zp4"), Tier::Plugin)
        .relay_url(fake.relay_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_secs(1))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    loop {
        match next_item(&mut stream).await {
            Err(RtmError::Unauthorized { .. }) => break,
            Err(error) if error.is_reconnect() => {}
            other => panic!("expected Unauthorized, got {other:?}"),
        }
    }
}

async fn webhook_verifications() {
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(HOOK_SECRET)).channel(8);
    let body = r#"{"website_id":"w1","event":"message:send","data":{"type":"text","content":"hi"},"timestamp":1}"#;
    let timestamp = "1700000000123";
    let post = |body: &str, signature: String| {
        Request::post("/hooks")
            .header("x-crisp-request-timestamp", timestamp)
            .header("x-crisp-signature", signature)
            .body(body.to_owned())
            .expect("request")
    };
    let good = post(body, sign(HOOK_SECRET.as_bytes(), timestamp, body.as_bytes()));
    let answer = receiver.clone().oneshot(good).await.expect("infallible");
    assert_eq!(answer.status(), 200);
    assert!(hooks.try_recv().is_ok());
    let tampered = post(
        &body.replace("hi", "ho"),
        sign(HOOK_SECRET.as_bytes(), timestamp, body.as_bytes()),
    );
    assert_eq!(
        receiver.clone().oneshot(tampered).await.expect("infallible").status(),
        403
    );
    let other_secret = post(body, sign(b"another-secret", timestamp, body.as_bytes()));
    assert_eq!(receiver.oneshot(other_secret).await.expect("infallible").status(), 403);
}

#[test]
fn trace_output_holds_no_token_key_hook_secret_or_authorization_value() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::FULL)
        .with_writer(capture.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber of this test binary");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let (key, identifier) = runtime.block_on(async {
        let fake = fast_fake().await;
        let token = fake.token(Tier::Plugin);
        rtm_session(&fake).await;
        webhook_verifications().await;
        (token.key, token.identifier)
    });
    drop(runtime);

    let logs = capture.text();
    // The capture did see the session and the hooks, at debug and below.
    for expected in [
        "RTM authenticated",
        "crisp_http",
        "malformed RTM frame",
        "web hook accepted",
        "web hook refused",
    ] {
        assert!(logs.contains(expected), "{expected:?} not logged:\n{logs}");
    }
    let authorization = basic_value(&identifier, &key);
    for secret in [
        key.as_str(),
        HOOK_SECRET,
        authorization.as_str(),
        "wrong-key-0Zp4",
        "Basic ",
    ] {
        assert!(!logs.contains(secret), "{secret:?} found in the logs:\n{logs}");
    }
}
