//! The RTM client against the fake relay (socketioxide) over loopback:
//! delivery, subscriptions, heartbeat, rebind, malformed frames, close,
//! discovery.

#![cfg(feature = "websocket")]

mod rtm_support;

use std::time::Duration;

use crisp_rtm::client::{ConnectionState, RtmClient, RtmError};
use crisp_rtm::codec::CodecError;
use crisp_transport::Credentials;
use crisp_types::Tier;
use crisp_types::conversation::ConversationState;
use crisp_types::event::{Event, EventKind};
use futures_util::StreamExt;
use rtm_support::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivers_typed_events_of_several_families_and_unknown_names() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = within(async {
        let (handle, stream) = builder(&fake)
            .events([
                EventKind::MessageSend,
                EventKind::SessionSetState,
                EventKind::PeopleProfileCreated,
            ])
            .event_names(["future:thing:happened"])
            .connect()
            .expect("valid config");
        handle.authenticated().await.expect("authenticated");
        (handle, stream)
    })
    .await;
    drain_errors(&mut stream);
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);

    let website = fake.website_id();
    assert_eq!(
        relay.emit("message:send", text_message(&fake, "Where is my parcel?")),
        1
    );
    let (event, errors) = next_event(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(event.kind(), Some(EventKind::MessageSend));
    assert_eq!(sent_text(&event), "Where is my parcel?");
    assert_eq!(event.website_id(), Some(&website));
    assert_eq!(
        event.session_id().map(|id| id.as_str()),
        Some("session_700c0ffe-0000-4000-8000-000000000001")
    );

    let state = json!({"website_id": website.as_str(), "session_id": "session_1", "state": "resolved"});
    assert_eq!(relay.emit("session:set_state", state), 1);
    match next_item(&mut stream).await {
        Ok(Event::SessionSetState(set)) => assert_eq!(set.state, Some(ConversationState::Resolved)),
        other => panic!("expected session:set_state, got {other:?}"),
    }

    let profile = json!({"website_id": website.as_str(), "people_id": "a1b2", "email": "ada@example.com"});
    assert_eq!(relay.emit("people:profile:created", profile), 1);
    match next_item(&mut stream).await {
        Ok(Event::PeopleProfileCreated(created)) => {
            assert_eq!(created.email.as_deref(), Some("ada@example.com"));
            assert_eq!(created.people_id.as_ref().map(|id| id.as_str()), Some("a1b2"));
        }
        other => panic!("expected people:profile:created, got {other:?}"),
    }

    assert_eq!(relay.emit("future:thing:happened", json!({"answer": 42})), 1);
    match next_item(&mut stream).await {
        Ok(Event::Unknown { name, data }) => {
            assert_eq!(name, "future:thing:happened");
            assert_eq!(data, json!({"answer": 42}));
        }
        other => panic!("expected an unknown event, got {other:?}"),
    }

    let auths = relay.auth_attempts();
    assert_eq!(auths.len(), 1);
    assert!(auths[0].accepted);
    assert_eq!(auths[0].tier, "plugin");
    assert_eq!(
        auths[0].events,
        [
            "message:send",
            "session:set_state",
            "people:profile:created",
            "future:thing:happened"
        ]
    );
    handle.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_subscribed_events_are_received() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (_handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    assert_eq!(relay.auth_attempts()[0].events, ["message:send"]);

    let website = fake.website_id();
    let state = json!({"website_id": website.as_str(), "session_id": "session_1", "state": "resolved"});
    assert_eq!(
        relay.emit("session:set_state", state),
        0,
        "not subscribed, not delivered"
    );
    assert_eq!(relay.emit("message:send", text_message(&fake, "first")), 1);
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_pings_and_stays_connected_across_intervals() {
    // pingInterval 100 ms + pingTimeout 200 ms: a client that does not pong is
    // dropped by the relay within 300 ms.
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    // Counted once connected: a first connection lost to a starved CPU
    // (a 300 ms pong deadline) before this point is not what is tested.
    let connections = relay.connections_accepted();
    let authentications = relay.auth_attempts().len();

    tokio::time::sleep(Duration::from_millis(1200)).await;

    assert_eq!(relay.connections_accepted(), connections, "no reconnection happened");
    assert_eq!(relay.auth_attempts().len(), authentications, "no new authentication");
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);
    assert_eq!(relay.emit("message:send", text_message(&fake, "still there?")), 1);
    let (event, errors) = next_event(&mut stream).await;
    assert!(errors.is_empty(), "no error while idle: {errors:?}");
    assert_eq!(sent_text(&event), "still there?");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bind_push_reaches_the_relay_and_a_second_call_is_throttled() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;

    within(handle.bind_push([EventKind::SessionSetState.as_str()]))
        .await
        .expect("first bind is sent");
    match within(handle.bind_pop(["message:send"])).await {
        Err(RtmError::Throttled { retry_after }) => {
            assert!(retry_after > Duration::ZERO && retry_after <= Duration::from_millis(2500));
        }
        other => panic!("expected Throttled, got {other:?}"),
    }
    assert!(matches!(within(handle.rebind()).await, Err(RtmError::Throttled { .. })));

    eventually(|| !relay.binds().is_empty()).await;
    // The relay applied the push: the newly bound event arrives.
    let state = json!({"website_id": fake.website_id().as_str(), "session_id": "session_1", "state": "pending"});
    emit_until_delivered(&relay, "session:set_state", state).await;
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(event.kind(), Some(EventKind::SessionSetState));

    let binds = relay.binds();
    assert_eq!(binds.len(), 1, "throttled calls are not sent: {binds:?}");
    assert_eq!(binds[0].event, "socket:bind:push");
    assert_eq!(binds[0].payload, json!({"events": ["session:set_state"]}));
    assert!(relay.events_before_auth().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rebind_while_not_authenticated_is_refused_and_never_queued() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    // Frozen relay: the first attempt stalls before the open packet.
    relay.freeze(true);
    let (handle, mut stream) = builder(&fake)
        .events([EventKind::MessageSend])
        .connect_timeout(Duration::from_millis(300))
        .connect()
        .expect("valid config");
    assert!(matches!(within(handle.rebind()).await, Err(RtmError::NotConnected)));
    assert!(matches!(
        within(handle.bind_push(["session:set_state"])).await,
        Err(RtmError::NotConnected)
    ));

    relay.freeze(false);
    within(handle.authenticated()).await.expect("authenticated");
    assert_eq!(relay.emit("message:send", text_message(&fake, "after")), 1);
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "after");

    assert!(
        relay.binds().is_empty(),
        "refused binds were not sent later: {:?}",
        relay.binds()
    );
    assert!(relay.events_before_auth().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_emitted_before_authentication_across_reconnections() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = builder(&fake)
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    // Hammer rebinds while the client connects, reconnects and authenticates.
    let hammer = {
        let handle = handle.clone();
        tokio::spawn(async move {
            let mut sent = 0;
            for _ in 0..200 {
                if handle.rebind().await.is_ok() {
                    sent += 1;
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            sent
        })
    };
    within(handle.authenticated()).await.expect("authenticated");
    relay.drop_connections();
    eventually(|| relay.auth_attempts().len() >= 2).await;
    let sent = within(hammer).await.expect("hammer task");
    assert!(sent <= 2, "throttled to one rebind per 2.5 s per client: {sent}");

    emit_until_delivered(&relay, "message:send", text_message(&fake, "ok")).await;
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "ok");
    assert!(
        relay.events_before_auth().is_empty(),
        "events before authentication: {:?}",
        relay.events_before_auth()
    );
    assert!(relay.auth_attempts().iter().all(|auth| auth.accepted));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_frames_are_error_items_and_the_stream_continues() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    let connections = relay.connections_accepted();

    relay.inject_raw_frame("42[oops");
    relay.inject_raw_frame("9");
    relay.inject_raw_frame(r#"42["message:send","not an object"]"#);
    assert_eq!(relay.emit("message:send", text_message(&fake, "good")), 1);

    match next_item(&mut stream).await {
        Err(RtmError::Protocol { excerpt, source }) => {
            assert_eq!(excerpt, "42[oops");
            assert!(matches!(source, CodecError::InvalidJson { .. }), "{source:?}");
        }
        other => panic!("expected a protocol error, got {other:?}"),
    }
    match next_item(&mut stream).await {
        Err(RtmError::Protocol { excerpt, source }) => {
            assert_eq!(excerpt, "9");
            assert!(
                matches!(source, CodecError::UnknownEngineType { found: '9' }),
                "{source:?}"
            );
        }
        other => panic!("expected a protocol error, got {other:?}"),
    }
    match next_item(&mut stream).await {
        Err(RtmError::Decode(error)) => {
            assert_eq!(error.name(), "message:send");
            assert_eq!(error.data(), &json!("not an object"));
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    let event = next_item(&mut stream).await.expect("the good event");
    assert_eq!(sent_text(&event), "good");
    assert_eq!(
        relay.connections_accepted(),
        connections,
        "malformed frames do not drop the connection"
    );
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_ends_the_stream_and_nothing_reconnects() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    // Counted once connected (see `drain_errors`: a first authentication can
    // be lost by the fake under load, and is retried before this point).
    let connections = relay.connections_accepted();
    let authentications = relay.auth_attempts().len();
    let mut state = handle.state();

    handle.close();
    assert!(
        within(stream.next()).await.is_none(),
        "the stream ends without an error item"
    );
    within(state.wait_for(ConnectionState::is_closed))
        .await
        .expect("state sender alive");
    assert!(handle.is_closed());
    eventually(|| relay.authenticated_sockets() == 0).await;

    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(relay.connections_accepted(), connections);
    assert_eq!(
        relay.auth_attempts().len(),
        authentications,
        "no new authentication after close"
    );
    assert!(matches!(within(handle.rebind()).await, Err(RtmError::Closed)));
    assert!(within(stream.next()).await.is_none(), "still ended");
    handle.close(); // a second close is harmless
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_every_handle_and_the_stream_stops_the_client() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, stream) = connected(&fake, &[EventKind::MessageSend]).await;
    let connections = relay.connections_accepted();
    let mut state = handle.state();
    drop(handle);
    drop(stream);
    within(state.wait_for(ConnectionState::is_closed))
        .await
        .expect("closed");
    eventually(|| relay.authenticated_sockets() == 0).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        relay.connections_accepted(),
        connections,
        "no reconnection after the user let go"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discovers_the_relay_through_rest() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    for tier in [Tier::Plugin, Tier::Website] {
        let token = fake.token(tier);
        let (handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, token.key), tier)
            .rest_base_url(fake.base_url())
            .backoff(fast_backoff())
            .connect_timeout(Duration::from_secs(1))
            .events([EventKind::MessageSend])
            .connect()
            .expect("valid config");
        within(handle.authenticated()).await.expect("authenticated");
        drain_errors(&mut stream);
        let path = format!("/v1/{tier}/connect/endpoints");
        assert!(
            fake.requests()
                .iter()
                .any(|request| request.method == http::Method::GET && request.path == path),
            "discovery request {path} not seen"
        );
        assert_eq!(
            relay.auth_attempts().last().map(|auth| auth.tier.clone()),
            Some(tier.to_string())
        );
        handle.close();
        assert!(within(stream.next()).await.is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configuration_errors_are_returned_by_connect() {
    let fake = fast_fake().await;
    let error = builder(&fake).connect().err();
    assert!(matches!(&error, Some(RtmError::Config { .. })), "no events: {error:?}");
    assert!(error.is_some_and(|error| error.is_terminal()));

    let error = builder(&fake)
        .events([EventKind::MessageSend])
        .relay_url("ws://relay.example.com/")
        .connect()
        .err();
    assert!(
        matches!(error, Some(RtmError::Config { .. })),
        "plain ws:// to a remote host"
    );

    let error = builder(&fake)
        .events([EventKind::MessageSend])
        .relay_url("ftp://relay.example.com/")
        .connect()
        .err();
    assert!(matches!(error, Some(RtmError::Config { .. })));
    assert_eq!(fake.relay().connections_accepted(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upgrade_request_carries_no_credentials_cookie_or_origin() {
    use tokio::io::AsyncReadExt;

    let fake = fast_fake().await;
    let token = fake.token(Tier::Plugin);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (handle, _stream) = builder(&fake)
        .relay_url(format!("http://127.0.0.1:{port}/relay/path?ignored=1"))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");

    let (mut socket, _) = within(listener.accept()).await.expect("accept");
    let mut head = Vec::new();
    within(async {
        let mut buffer = [0_u8; 1024];
        while !head.windows(4).any(|window| window == b"\r\n\r\n") {
            let read = socket.read(&mut buffer).await.expect("read");
            assert!(read > 0, "connection closed before the end of the request head");
            head.extend_from_slice(&buffer[..read]);
        }
    })
    .await;
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    assert!(
        head.starts_with("get /relay/path/?eio=4&transport=websocket http/1.1\r\n"),
        "{head}"
    );
    assert!(head.contains("upgrade: websocket"), "{head}");
    for forbidden in ["authorization:", "cookie:", "origin:", "x-crisp-tier:"] {
        assert!(!head.contains(forbidden), "{forbidden} in {head}");
    }
    assert!(!head.contains(&token.key.to_ascii_lowercase()));
    handle.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handlers_dispatch_the_stream_until_close() {
    use std::sync::{Arc, Mutex};

    use crisp_rtm::client::RtmHandlers;

    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, stream) = connected(&fake, &[EventKind::MessageSend]).await;
    let texts = Arc::new(Mutex::new(Vec::new()));
    let runner = {
        let texts = Arc::clone(&texts);
        let closer = handle.clone();
        tokio::spawn(
            RtmHandlers::new()
                .on(EventKind::MessageSend, move |event| {
                    let texts = Arc::clone(&texts);
                    let closer = closer.clone();
                    async move {
                        texts.lock().expect("lock").push(sent_text(&event));
                        closer.close();
                    }
                })
                .run(stream),
        )
    };
    assert_eq!(relay.emit("message:send", text_message(&fake, "handled")), 1);
    let result = within(runner).await.expect("runner task");
    assert!(result.is_ok(), "closed, not failed: {result:?}");
    assert_eq!(*texts.lock().expect("lock"), ["handled"]);
}
