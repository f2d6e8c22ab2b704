//! Helpers shared by the `rtm_*` integration tests: a client pointed at the
//! fake relay with tiny reconnection delays, and bounded waits.

#![allow(dead_code, unreachable_pub, clippy::expect_used, clippy::panic)]

use std::future::Future;
use std::time::Duration;

use crisp_mock::{FakeCrisp, FakeCrispConfig, FakeRelay};
use crisp_rtm::backoff::ReconnectBackoff;
use crisp_rtm::client::{RtmBuilder, RtmClient, RtmError, RtmHandle, RtmStream};
use crisp_transport::Credentials;
use crisp_types::Tier;
use crisp_types::event::{Event, EventKind};

/// The upper bound of every wait. Generous: tests never assert timings.
pub const WAIT: Duration = Duration::from_secs(10);

/// Reconnection delays of 10 to 50 ms, so fault tests run in milliseconds.
pub fn fast_backoff() -> ReconnectBackoff {
    ReconnectBackoff::new(Duration::from_millis(10), Duration::from_millis(50), 0.0, 2.0)
}

/// A fake with short relay heartbeats (interval 100 ms, timeout 200 ms).
pub async fn fast_fake() -> FakeCrisp {
    FakeCrisp::start_with(FakeCrispConfig {
        ping_interval: Duration::from_millis(100),
        ping_timeout: Duration::from_millis(200),
    })
    .await
    .expect("fake starts")
}

/// A builder with the fake's plugin token, pointed at its relay, with tiny
/// reconnection delays and a 1 s connect (and authentication) timeout.
pub fn builder(fake: &FakeCrisp) -> RtmBuilder {
    let token = fake.token(Tier::Plugin);
    RtmClient::builder(Credentials::new(token.identifier, token.key), Tier::Plugin)
        .relay_url(fake.relay_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_secs(1))
}

/// Connects with `events`, waits until authenticated, and drops the error
/// items of failed attempts before that (see [`drain_errors`]).
pub async fn connected(fake: &FakeCrisp, events: &[EventKind]) -> (RtmHandle, RtmStream) {
    let (handle, mut stream) = builder(fake)
        .events(events.iter().copied())
        .connect()
        .expect("valid config");
    within(handle.authenticated()).await.expect("authenticated");
    drain_errors(&mut stream);
    (handle, stream)
}

/// Takes the items already waiting on the stream, which must all be errors
/// of failed attempts (reconnectable), and returns them.
///
/// Needed because the fake relay (socketioxide) sends the namespace
/// confirmation `40{..}` before its connect handler has registered the
/// event handlers (async connect handlers are spawned), so under load the
/// client's `authentication` can be lost; the client then times out and
/// authenticates on a new connection.
pub fn drain_errors(stream: &mut RtmStream) -> Vec<RtmError> {
    use futures_util::FutureExt;
    let mut errors = Vec::new();
    while let Some(Some(item)) = stream.recv().now_or_never() {
        match item {
            Err(error) => {
                assert!(
                    error.is_reconnect(),
                    "unexpected error before authentication: {error:?}"
                );
                errors.push(error);
            }
            Ok(event) => panic!("unexpected event before authentication: {event:?}"),
        }
    }
    errors
}

/// Awaits `future`, panicking after [`WAIT`].
pub async fn within<F: Future>(future: F) -> F::Output {
    tokio::time::timeout(WAIT, future).await.expect("timed out")
}

/// The next item of the stream (panics if the stream ends or nothing comes).
pub async fn next_item(stream: &mut RtmStream) -> Result<Event, RtmError> {
    within(stream.recv()).await.expect("the stream ended")
}

/// The next event, with the error items seen before it.
pub async fn next_event(stream: &mut RtmStream) -> (Event, Vec<RtmError>) {
    let mut errors = Vec::new();
    loop {
        match next_item(stream).await {
            Ok(event) => return (event, errors),
            Err(error) => errors.push(error),
        }
    }
}

/// Polls `condition` every 5 ms until true (panics after [`WAIT`]).
pub async fn eventually(mut condition: impl FnMut() -> bool) {
    within(async {
        while !condition() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
}

/// Emits `event` until one authenticated socket gets it (right after a
/// reconnection the relay may still be registering the new socket).
pub async fn emit_until_delivered(relay: &FakeRelay, event: &str, data: serde_json::Value) {
    within(async {
        while relay.emit(event, data.clone()) == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
}

/// A `message:send` payload with text content.
pub fn text_message(fake: &FakeCrisp, text: &str) -> serde_json::Value {
    serde_json::json!({
        "website_id": fake.website_id().as_str(),
        "session_id": "session_700c0ffe-0000-4000-8000-000000000001",
        "type": "text",
        "from": "user",
        "origin": "chat",
        "content": text,
        "fingerprint": 163_239_623_823_000_u64,
        "timestamp": 1_632_396_238_230_u64,
        "stamped": true,
        "user": {"nickname": "Visitor", "user_id": "session_700c0ffe-0000-4000-8000-000000000001"},
    })
}

/// The text of a `message:send` event (panics on anything else).
pub fn sent_text(event: &Event) -> String {
    match event {
        Event::MessageSend(sent) => match &sent.message.content {
            crisp_types::message::MessageContent::Text(text) => text.clone(),
            other => panic!("not a text message: {other:?}"),
        },
        other => panic!("not message:send: {other:?}"),
    }
}
