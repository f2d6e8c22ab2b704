//! `WebhookReceiver` as a tower service (PROTOCOL.md §8): statuses, what is
//! delivered, and what is not.
#![cfg(feature = "webhook")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers report unexpected results loudly"
)]

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, UNIX_EPOCH};

use bytes::Bytes;
use crisp_rtm::webhook::{
    ReceivedHook, WebhookError, WebhookReceiver, WebhookReceiverBuilder, WebhookVerifier, parse_webhook, sign,
};
use crisp_types::event::{Event, EventKind};
use crisp_types::message::{MessageContent, MessageFrom, Origin};
use http::header::{ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, Method, Request, StatusCode};
use http_body::{Body, Frame, SizeHint};
use serde_json::json;
use tokio::sync::mpsc::{self, error::TryRecvError};
use tower::ServiceExt;

const SECRET: &str = "crisp-test-secret";
const TIMESTAMP: &str = "1700000000123";

/// PROTOCOL §8.2 vector 1: a single-line, 357-byte body.
const BODY_1: &str = r#"{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f","type":"text","content":"Hey :)","from":"user","origin":"chat","stamped":true,"timestamp":1506985696616,"fingerprint":150698569649423},"timestamp":1506985696616}"#;
const SIGNATURE_1: &str = "09f2fbda34e32c7fbaa6e5e7fb8888b67c41eba0decd30a8c90642ecee644bdf";

/// PROTOCOL §8.2 vector 2: non-ASCII content (`é` = C3 A9, `✓` = E2 9C 93).
const BODY_2: &str =
    "{\"website_id\":\"w1\",\"event\":\"message:send\",\"data\":{\"content\":\"h\u{e9}llo \u{2713}\"},\"timestamp\":1}";
const SIGNATURE_2: &str = "4d299032c98855410edb5c58d31c8dfb87eb5ff7df1fed20d1826e1bc624a35b";

fn builder() -> WebhookReceiverBuilder {
    WebhookReceiver::builder(WebhookVerifier::new(SECRET))
}

fn receiver() -> (WebhookReceiver, mpsc::Receiver<ReceivedHook>) {
    builder().channel(16)
}

/// A POST with the given signature and timestamp headers (`None` leaves the
/// header out).
fn post(body: impl Into<String>, timestamp: Option<&str>, signature: Option<&str>) -> Request<String> {
    let mut request = Request::post("/hooks/crisp").header(CONTENT_TYPE, "application/json");
    if let Some(timestamp) = timestamp {
        request = request.header("X-Crisp-Request-Timestamp", timestamp);
    }
    if let Some(signature) = signature {
        request = request.header("X-Crisp-Signature", signature);
    }
    request.body(body.into()).unwrap()
}

/// A POST signed with the test secret and timestamp.
fn signed(body: &str) -> Request<String> {
    post(
        body,
        Some(TIMESTAMP),
        Some(&sign(SECRET.as_bytes(), TIMESTAMP, body.as_bytes())),
    )
}

async fn call<B>(receiver: &WebhookReceiver, request: Request<B>) -> (StatusCode, http::HeaderMap, String)
where
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let response = receiver.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body)
}

async fn status<B>(receiver: &WebhookReceiver, request: Request<B>) -> StatusCode
where
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    call(receiver, request).await.0
}

fn assert_nothing_delivered(hooks: &mut mpsc::Receiver<ReceivedHook>) {
    match hooks.try_recv() {
        Err(TryRecvError::Empty) => {}
        other => panic!("expected nothing delivered, got {other:?}"),
    }
}

fn delivered(hooks: &mut mpsc::Receiver<ReceivedHook>) -> ReceivedHook {
    hooks.try_recv().expect("a hook was delivered")
}

// --- Test vectors ---------------------------------------------------------------------------

#[tokio::test]
async fn vector_1_is_accepted_and_decoded() {
    assert_eq!(BODY_1.len(), 357);
    let (receiver, mut hooks) = receiver();
    let (status, headers, text) = call(&receiver, post(BODY_1, Some(TIMESTAMP), Some(SIGNATURE_1))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text, "accepted\n");
    assert_eq!(headers[CONTENT_TYPE], "text/plain; charset=utf-8");

    let hook = delivered(&mut hooks);
    assert!(hook.verified);
    assert_eq!(
        hook.website_id.as_ref().map(|id| id.as_str()),
        Some("42286ab3-b29a-4fde-8538-da0ae501d825")
    );
    assert_eq!(hook.timestamp.map(|t| t.as_millis()), Some(1_506_985_696_616));
    assert_eq!(hook.delivery_attempt, None);
    assert_eq!(hook.hook_origin, None);
    let Event::MessageSend(sent) = &hook.event else {
        panic!("expected message:send, got {:?}", hook.event);
    };
    let message = &sent.message;
    assert_eq!(message.content, MessageContent::Text("Hey :)".to_owned()));
    assert_eq!(
        message.session_id.as_ref().map(|id| id.as_str()),
        Some("session_36ba3566-9651-4790-afc8-ffedbccc317f")
    );
    assert_eq!(message.from, Some(MessageFrom::User));
    assert_eq!(message.origin, Some(Origin::Chat));
    assert_eq!(message.fingerprint.map(|f| f.get()), Some(150_698_569_649_423));
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn vector_2_non_ascii_is_accepted_and_decoded() {
    assert_eq!(BODY_2.len(), 88);
    let (receiver, mut hooks) = receiver();
    assert_eq!(
        status(&receiver, post(BODY_2, Some(TIMESTAMP), Some(SIGNATURE_2))).await,
        StatusCode::OK
    );
    let hook = delivered(&mut hooks);
    assert_eq!(hook.website_id.as_ref().map(|id| id.as_str()), Some("w1"));
    assert_eq!(hook.timestamp.map(|t| t.as_millis()), Some(1));
    let Event::MessageSend(sent) = &hook.event else {
        panic!("expected message:send, got {:?}", hook.event);
    };
    // No `type` in this payload: the content is kept whole.
    assert_eq!(
        sent.message.content,
        MessageContent::Unknown {
            kind: String::new(),
            content: json!("h\u{e9}llo \u{2713}"),
        }
    );
}

#[tokio::test]
async fn uppercase_hex_signature_is_accepted() {
    let (receiver, mut hooks) = receiver();
    let upper = SIGNATURE_1.to_ascii_uppercase();
    assert_eq!(
        status(&receiver, post(BODY_1, Some(TIMESTAMP), Some(&upper))).await,
        StatusCode::OK
    );
    assert_eq!(delivered(&mut hooks).event.kind(), Some(EventKind::MessageSend));
}

// --- Signature refusals: 403 and nothing delivered ----------------------------------------

#[tokio::test]
async fn tampered_body_is_forbidden() {
    let (receiver, mut hooks) = receiver();
    let tampered = BODY_1.replace("Hey :)", "Hey :(");
    let (status, _, text) = call(&receiver, post(tampered, Some(TIMESTAMP), Some(SIGNATURE_1))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text, "forbidden: missing or invalid signature\n");
    assert!(!text.contains(SECRET));
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn tampered_timestamp_is_forbidden() {
    let (receiver, mut hooks) = receiver();
    assert_eq!(
        status(&receiver, post(BODY_1, Some("1700000000124"), Some(SIGNATURE_1))).await,
        StatusCode::FORBIDDEN
    );
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn wrong_secret_is_forbidden() {
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new("another-secret")).channel(4);
    assert_eq!(
        status(&receiver, post(BODY_1, Some(TIMESTAMP), Some(SIGNATURE_1))).await,
        StatusCode::FORBIDDEN
    );
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn bad_signature_headers_are_forbidden() {
    let (receiver, mut hooks) = receiver();
    let not_hex = format!("{}zz", &SIGNATURE_1[..62]);
    let too_short = &SIGNATURE_1[..62];
    let too_long = format!("{SIGNATURE_1}00");
    for (timestamp, signature) in [
        (Some(TIMESTAMP), Some(not_hex.as_str())),
        (Some(TIMESTAMP), Some(too_short)),
        (Some(TIMESTAMP), Some(too_long.as_str())),
        (Some(TIMESTAMP), Some("")),
        (Some(""), Some(SIGNATURE_1)),
        (None, Some(SIGNATURE_1)),
        (Some(TIMESTAMP), None),
        (None, None),
    ] {
        assert_eq!(
            status(&receiver, post(BODY_1, timestamp, signature)).await,
            StatusCode::FORBIDDEN,
            "timestamp {timestamp:?}, signature {signature:?}"
        );
    }
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn non_utf8_signature_header_is_forbidden() {
    let (receiver, mut hooks) = receiver();
    let mut request = post(BODY_1, Some(TIMESTAMP), None);
    request
        .headers_mut()
        .insert("X-Crisp-Signature", HeaderValue::from_bytes(b"\xff\xfe").unwrap());
    assert_eq!(status(&receiver, request).await, StatusCode::FORBIDDEN);
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn signed_empty_body_is_forbidden() {
    let (receiver, mut hooks) = receiver();
    assert_eq!(status(&receiver, signed("")).await, StatusCode::FORBIDDEN);
    assert_nothing_delivered(&mut hooks);
}

// --- Freshness, with an injected clock -------------------------------------------------------

#[tokio::test]
async fn tolerance_uses_the_injected_clock() {
    let now = UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
    let verifier = WebhookVerifier::new(SECRET)
        .with_tolerance(Duration::from_secs(300))
        .with_clock(move || now);
    let (receiver, mut hooks) = WebhookReceiver::builder(verifier).channel(8);
    let body = r#"{"event":"message:send","data":{"type":"text","content":"x"}}"#;
    let at = |timestamp: &str| {
        post(
            body,
            Some(timestamp),
            Some(&sign(SECRET.as_bytes(), timestamp, body.as_bytes())),
        )
    };

    // Inside the window: exact, 299 s old, 299 s ahead, and in seconds.
    for timestamp in ["1700000000123", "1699999701123", "1700000299123", "1700000000"] {
        assert_eq!(status(&receiver, at(timestamp)).await, StatusCode::OK, "{timestamp}");
        assert_eq!(delivered(&mut hooks).event.kind(), Some(EventKind::MessageSend));
    }
    // Outside: 301 s old, 301 s ahead, not a number.
    for timestamp in ["1699999699123", "1700000301123", "soon"] {
        assert_eq!(
            status(&receiver, at(timestamp)).await,
            StatusCode::FORBIDDEN,
            "{timestamp}"
        );
    }
    assert_nothing_delivered(&mut hooks);
}

// --- Method -----------------------------------------------------------------------------------

#[tokio::test]
async fn other_methods_are_not_allowed() {
    let (receiver, mut hooks) = receiver();
    for method in [Method::GET, Method::PUT, Method::HEAD, Method::DELETE, Method::OPTIONS] {
        let mut request = signed(BODY_1);
        *request.method_mut() = method.clone();
        let (status, headers, _) = call(&receiver, request).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(headers[ALLOW], "POST", "{method}");
    }
    assert_nothing_delivered(&mut hooks);
}

// --- Malformed payloads: 400 --------------------------------------------------------------------

#[tokio::test]
async fn malformed_payloads_are_bad_requests() {
    let (receiver, mut hooks) = receiver();
    for body in [
        "{not json",
        "[]",
        r#"[{"event":"message:send","data":{}}]"#,
        "null",
        r#""message:send""#,
        r#"{"data":{}}"#,
        r#"{"event":"","data":{}}"#,
        r#"{"event":42,"data":{}}"#,
        r#"{"event":"message:send"}"#,
        r#"{"event":"message:send","data":[]}"#,
        r#"{"event":"message:send","data":"text"}"#,
        r#"{"event":"message:send","data":null}"#,
        // A known event whose data has a field of the wrong type.
        r#"{"event":"session:set_state","data":{"website_id":42}}"#,
    ] {
        let (status, _, text) = call(&receiver, signed(body)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(text, "bad request: malformed web hook payload\n");
    }
    assert_nothing_delivered(&mut hooks);
}

#[test]
fn parse_webhook_reports_typed_errors() {
    assert!(matches!(
        parse_webhook(br#"{"event":"message:send","data":[]}"#),
        Err(WebhookError::Malformed {
            reason: "`data` is not a JSON object",
            ..
        })
    ));
    let error = parse_webhook(br#"{"event":"session:set_state","data":{"website_id":42}}"#).unwrap_err();
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
    assert!(matches!(error, WebhookError::Decode(ref decode) if decode.name() == "session:set_state"));
    assert_eq!(error.to_string(), "the web hook's event data could not be decoded");
    assert!(std::error::Error::source(&error).is_some());
}

// --- Subscriptions and unknown events ------------------------------------------------------------

#[tokio::test]
async fn unsubscribed_events_are_acknowledged_and_dropped() {
    let (receiver, mut hooks) = builder().subscribe([EventKind::SessionSetState]).channel(4);
    let (status, _, text) = call(&receiver, signed(BODY_1)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text, "ignored: not subscribed\n");
    // Dropped before decoding: even data that would not decode is acknowledged.
    let undecodable = r#"{"event":"message:send","data":{"session_id":42}}"#;
    assert_eq!(status_of(&receiver, signed(undecodable)).await, StatusCode::OK);
    assert_nothing_delivered(&mut hooks);

    let subscribed = r#"{"event":"session:set_state","data":{"session_id":"session_1","state":"resolved"}}"#;
    assert_eq!(status_of(&receiver, signed(subscribed)).await, StatusCode::OK);
    assert_eq!(delivered(&mut hooks).event.kind(), Some(EventKind::SessionSetState));
}

async fn status_of(receiver: &WebhookReceiver, request: Request<String>) -> StatusCode {
    status(receiver, request).await
}

#[tokio::test]
async fn unknown_events_are_delivered_whole() {
    let (receiver, mut hooks) = receiver();
    let body = r#"{"website_id":"w1","event":"session:set_mood","data":{"mood":"happy","n":[1,2]},"timestamp":5}"#;
    assert_eq!(status(&receiver, signed(body)).await, StatusCode::OK);
    let hook = delivered(&mut hooks);
    assert_eq!(
        hook.event,
        Event::Unknown {
            name: "session:set_mood".to_owned(),
            data: json!({"mood": "happy", "n": [1, 2]}),
        }
    );
    assert_eq!(hook.event.kind(), None);
}

#[tokio::test]
async fn unknown_events_can_be_subscribed_by_name() {
    let (receiver, mut hooks) = builder().subscribe_names(["session:set_mood"]).channel(4);
    assert_eq!(
        status(&receiver, signed(r#"{"event":"session:set_mood","data":{}}"#)).await,
        StatusCode::OK
    );
    assert_eq!(delivered(&mut hooks).event.name(), "session:set_mood");
    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::OK);
    assert_nothing_delivered(&mut hooks);
}

// --- Delivery headers ------------------------------------------------------------------------------

#[tokio::test]
async fn delivery_headers_are_reported() {
    let (receiver, mut hooks) = receiver();
    let mut request = signed(BODY_1);
    let headers = request.headers_mut();
    headers.insert("X-Delivery-Attempt-Count", HeaderValue::from_static("2"));
    headers.insert("X-Delivery-Attempt-Limit", HeaderValue::from_static("5"));
    headers.insert(
        "X-Crisp-Hook-Origin",
        HeaderValue::from_static("plugin/rtm abc production"),
    );
    assert_eq!(status(&receiver, request).await, StatusCode::OK);
    let hook = delivered(&mut hooks);
    assert_eq!(hook.delivery_attempt, Some(2));
    assert_eq!(hook.delivery_attempt_limit, Some(5));
    assert_eq!(hook.hook_origin.as_deref(), Some("plugin/rtm abc production"));
}

// --- Body size and body errors ----------------------------------------------------------------------

/// A body that yields `chunks` chunks of `chunk_len` bytes (then ends), or an
/// error, counting how often it is polled; `size_hint` says nothing.
struct ProbeBody {
    chunk_len: usize,
    chunks: usize,
    fail: bool,
    polls: Arc<AtomicUsize>,
}

impl Body for ProbeBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        self.polls.fetch_add(1, Ordering::SeqCst);
        if self.fail {
            return Poll::Ready(Some(Err(std::io::Error::other("connection reset"))));
        }
        if self.chunks == 0 {
            return Poll::Ready(None);
        }
        self.chunks -= 1;
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(vec![b' '; self.chunk_len])))))
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::default()
    }
}

fn probe(chunk_len: usize, chunks: usize, fail: bool) -> (Request<ProbeBody>, Arc<AtomicUsize>) {
    let polls = Arc::new(AtomicUsize::new(0));
    let body = ProbeBody {
        chunk_len,
        chunks,
        fail,
        polls: Arc::clone(&polls),
    };
    let request = Request::post("/hooks/crisp")
        .header("X-Crisp-Request-Timestamp", TIMESTAMP)
        .header("X-Crisp-Signature", SIGNATURE_1)
        .body(body)
        .unwrap();
    (request, polls)
}

#[tokio::test]
async fn oversized_body_stops_reading_at_the_limit() {
    let (receiver, mut hooks) = builder().max_body_bytes(100).channel(4);
    let (request, polls) = probe(60, 1_000, false);
    let (status, _, text) = call(&receiver, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(text, "payload too large\n");
    assert_eq!(polls.load(Ordering::SeqCst), 2, "read 60 + 60 bytes, then stopped");
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn oversized_content_length_is_refused_before_reading() {
    let (receiver, mut hooks) = builder().max_body_bytes(100).channel(4);
    let (mut request, polls) = probe(60, 1, false);
    request
        .headers_mut()
        .insert(CONTENT_LENGTH, HeaderValue::from_static("101"));
    assert_eq!(status(&receiver, request).await, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(polls.load(Ordering::SeqCst), 0);

    // A body whose exact size is known (String) is refused the same way.
    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::PAYLOAD_TOO_LARGE);
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn body_at_the_limit_is_read() {
    let (receiver, mut hooks) = builder().max_body_bytes(BODY_1.len()).channel(4);
    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::OK);
    assert_eq!(delivered(&mut hooks).event.kind(), Some(EventKind::MessageSend));
}

#[tokio::test]
async fn missing_signature_is_refused_before_reading() {
    let (receiver, _hooks) = receiver();
    let (mut request, polls) = probe(10, 1, false);
    request.headers_mut().remove("X-Crisp-Signature");
    assert_eq!(status(&receiver, request).await, StatusCode::FORBIDDEN);
    assert_eq!(polls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn unreadable_body_is_a_bad_request() {
    let (receiver, mut hooks) = receiver();
    let (request, _) = probe(0, 0, true);
    assert_eq!(status(&receiver, request).await, StatusCode::BAD_REQUEST);
    assert_nothing_delivered(&mut hooks);
}

// --- Unsigned hooks -----------------------------------------------------------------------------------

#[tokio::test]
async fn unsigned_receiver_accepts_website_hooks() {
    let (receiver, mut hooks) = WebhookReceiver::unsigned().channel(4);
    assert_eq!(status(&receiver, post(BODY_1, None, None)).await, StatusCode::OK);
    let hook = delivered(&mut hooks);
    assert!(!hook.verified);
    assert_eq!(hook.event.kind(), Some(EventKind::MessageSend));

    // Nothing to check a signature with: still accepted, still unverified.
    assert_eq!(
        status(&receiver, post(BODY_1, Some(TIMESTAMP), Some("00"))).await,
        StatusCode::OK
    );
    assert!(!delivered(&mut hooks).verified);

    // Parsing still applies.
    assert_eq!(status(&receiver, post("", None, None)).await, StatusCode::BAD_REQUEST);
    assert_eq!(status(&receiver, post("[]", None, None)).await, StatusCode::BAD_REQUEST);
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn allow_unsigned_still_checks_signed_requests() {
    let (receiver, mut hooks) = builder().allow_unsigned(true).channel(4);

    assert_eq!(status(&receiver, post(BODY_1, None, None)).await, StatusCode::OK);
    assert!(!delivered(&mut hooks).verified);

    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::OK);
    assert!(delivered(&mut hooks).verified);

    let tampered = BODY_1.replace("Hey :)", "Hey :(");
    assert_eq!(
        status(&receiver, post(tampered, Some(TIMESTAMP), Some(SIGNATURE_1))).await,
        StatusCode::FORBIDDEN
    );
    // A signature without its timestamp is refused, not let through.
    assert_eq!(
        status(&receiver, post(BODY_1, None, Some(SIGNATURE_1))).await,
        StatusCode::FORBIDDEN
    );
    assert_nothing_delivered(&mut hooks);
}

#[tokio::test]
async fn allow_unsigned_false_is_the_default() {
    let (receiver, mut hooks) = builder().allow_unsigned(false).channel(4);
    assert_eq!(status(&receiver, post(BODY_1, None, None)).await, StatusCode::FORBIDDEN);
    assert_nothing_delivered(&mut hooks);
}

// --- Delivery ----------------------------------------------------------------------------------------------

#[tokio::test]
async fn full_or_closed_channel_answers_503() {
    let (receiver, mut hooks) = builder().channel(1);
    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::OK);
    let (status_full, _, text) = call(&receiver, signed(BODY_1)).await;
    assert_eq!(status_full, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(text, "unavailable: retry later\n");
    assert!(hooks.try_recv().is_ok());
    assert_nothing_delivered(&mut hooks);

    drop(hooks);
    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn channel_capacity_zero_means_one() {
    let (receiver, mut hooks) = builder().channel(0);
    assert_eq!(status(&receiver, signed(BODY_1)).await, StatusCode::OK);
    assert!(hooks.try_recv().is_ok());
}

#[tokio::test]
async fn handler_runs_without_holding_the_answer() {
    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel();
    let never = Arc::new(tokio::sync::Notify::new());
    let receiver = builder().handler(move |hook: ReceivedHook| {
        let seen_tx = seen_tx.clone();
        let never = Arc::clone(&never);
        async move {
            let _ = seen_tx.send(hook);
            // The handler never finishes; the answer must not wait for it.
            never.notified().await;
        }
    });
    let answer = tokio::time::timeout(Duration::from_secs(10), status(&receiver, signed(BODY_1))).await;
    assert_eq!(answer.unwrap(), StatusCode::OK);
    let hook = tokio::time::timeout(Duration::from_secs(10), seen_rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(hook.event.kind(), Some(EventKind::MessageSend));

    // Refused requests never reach the handler.
    let tampered = BODY_1.replace("Hey :)", "Hey :(");
    assert_eq!(
        status(&receiver, post(tampered, Some(TIMESTAMP), Some(SIGNATURE_1))).await,
        StatusCode::FORBIDDEN
    );
    tokio::task::yield_now().await;
    assert!(seen_rx.try_recv().is_err());
}

#[test]
fn handler_outside_a_runtime_answers_503() {
    let receiver = builder().handler(|_hook| async {});
    // Drive the service future by hand, with no Tokio runtime around.
    let future = receiver.oneshot(signed(BODY_1));
    let response = futures_executor_block_on(future).unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

/// Polls a future to completion on this thread (the receiver's future never
/// waits on I/O for an in-memory body).
fn futures_executor_block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = std::task::Waker::noop();
    let mut cx = Context::from_waker(waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

#[tokio::test]
async fn receiver_is_a_clone_send_sync_service() {
    fn assert_service<S>(_: &S)
    where
        S: tower::Service<Request<String>, Error = Infallible> + Clone + Send + Sync + 'static,
        S::Future: Send + 'static,
    {
    }
    let (receiver, _hooks) = receiver();
    assert_service(&receiver);
}

// --- Never panics ---------------------------------------------------------------------------------------

#[tokio::test]
async fn arbitrary_bodies_never_panic() {
    let (receiver, mut hooks) = WebhookReceiver::unsigned().channel(1024);
    let mut rng = fastrand::Rng::with_seed(7);
    let fragments: [&[u8]; 12] = [
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"event\"",
        b"\"data\"",
        b":",
        b",",
        b"\"message:send\"",
        b"null",
        b"\xff",
        b"{}",
    ];
    for _ in 0..2_000 {
        let mut body = Vec::new();
        for _ in 0..rng.usize(0..12) {
            if rng.bool() {
                body.extend_from_slice(fragments[rng.usize(0..fragments.len())]);
            } else {
                body.push(rng.u8(..));
            }
        }
        let request = Request::post("/")
            .body(http_body_util::Full::new(Bytes::from(body.clone())))
            .unwrap();
        let status = status(&receiver, request).await;
        assert!(
            status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
            "{status} for {body:?}"
        );
        while hooks.try_recv().is_ok() {}
    }
}
