//! The RTM client under faults, against the fake relay over loopback:
//! dropped connections, a frozen relay, a relay not listening yet, refused
//! credentials.

#![cfg(feature = "websocket")]
// Test helpers outside `#[test]` functions panic on purpose.
#![allow(clippy::expect_used)]

mod rtm_support;

use std::net::SocketAddr;
use std::time::Duration;

use crisp_rtm::client::{ConnectionState, RtmClient, RtmError};
use crisp_transport::Credentials;
use crisp_types::Tier;
use crisp_types::event::EventKind;
use futures_util::StreamExt;
use rtm_support::*;
use tokio::net::{TcpListener, TcpStream};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnects_and_reauthenticates_after_the_connection_drops() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend, EventKind::SessionSetState]).await;
    let mut state = handle.state();
    let connections = relay.connections_accepted();

    relay.drop_connections();

    // The loss is reported as an item, then the client reconnects.
    match next_item(&mut stream).await {
        Err(error) => assert!(error.is_reconnect() && !error.is_terminal(), "{error:?}"),
        Ok(event) => panic!("expected the disconnection, got {event:?}"),
    }
    within(state.wait_for(|state| matches!(state, ConnectionState::Reconnecting { .. })))
        .await
        .expect("reconnecting");
    eventually(|| relay.auth_attempts().len() >= 2).await;
    within(handle.authenticated()).await.expect("authenticated again");

    let auths = relay.auth_attempts();
    assert_eq!(auths.len(), 2);
    assert!(auths.iter().all(|auth| auth.accepted));
    assert_eq!(
        auths[1].events, auths[0].events,
        "same subscription on the new connection"
    );
    assert_eq!(auths[1].events, ["message:send", "session:set_state"]);
    assert!(relay.connections_accepted() > connections, "a new connection");

    emit_until_delivered(&relay, "message:send", text_message(&fake, "after the drop")).await;
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "after the drop");
    assert!(relay.events_before_auth().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn detects_a_dead_connection_when_the_relay_freezes() {
    // Liveness deadline: pingInterval 100 ms + pingTimeout 200 ms.
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = within(async {
        let (handle, stream) = builder(&fake)
            .events([EventKind::MessageSend])
            .connect_timeout(Duration::from_millis(500))
            .connect()
            .expect("valid config");
        handle.authenticated().await.expect("authenticated");
        (handle, stream)
    })
    .await;
    drain_errors(&mut stream);

    relay.freeze(true);
    match next_item(&mut stream).await {
        Err(RtmError::PingTimeout { after }) => assert_eq!(after, Duration::from_millis(300)),
        other => panic!("expected a ping timeout, got {other:?}"),
    }
    assert!(!handle.current_state().is_authenticated());

    // While frozen, new attempts stall before the open packet (connect
    // timeouts); once the relay thaws, the client gets back in.
    tokio::time::sleep(Duration::from_millis(200)).await;
    relay.freeze(false);
    within(handle.authenticated()).await.expect("authenticated again");
    assert!(relay.auth_attempts().len() >= 2);
    emit_until_delivered(&relay, "message:send", text_message(&fake, "thawed")).await;
    let (event, errors) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "thawed");
    assert!(errors.iter().all(|error| !error.is_terminal()), "{errors:?}");
}

/// Forwards every connection accepted on `listener` to `target`, except the
/// first `silent` ones, which are accepted and then left without an answer
/// (not even the WebSocket upgrade).
async fn forward(listener: TcpListener, target: SocketAddr, silent: usize) {
    let mut held = Vec::new();
    while let Ok((mut inbound, _)) = listener.accept().await {
        if held.len() < silent {
            held.push(inbound);
            continue;
        }
        tokio::spawn(async move {
            if let Ok(mut outbound) = TcpStream::connect(target).await {
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }
        });
    }
}

/// The fake relay's address.
fn relay_addr(fake: &crisp_mock::FakeCrisp) -> SocketAddr {
    fake.relay_url()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("relay address")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_connect_is_retried_after_a_connect_timeout() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    // The first two connections are accepted and never answered.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let forwarder = tokio::spawn(forward(listener, relay_addr(&fake), 2));
    let (handle, mut stream) = builder(&fake)
        .relay_url(format!("http://127.0.0.1:{port}/"))
        .events([EventKind::MessageSend])
        .connect_timeout(Duration::from_millis(200))
        .connect()
        .expect("valid config");

    for _ in 0..2 {
        match next_item(&mut stream).await {
            Err(RtmError::ConnectTimeout { after }) => assert_eq!(after, Duration::from_millis(200)),
            other => panic!("expected a connect timeout, got {other:?}"),
        }
    }
    within(handle.authenticated()).await.expect("authenticated");
    assert_eq!(relay.auth_attempts().len(), 1);
    assert_eq!(relay.emit("message:send", text_message(&fake, "hello")), 1);
    let (event, errors) = next_event(&mut stream).await;
    assert!(errors.iter().all(RtmError::is_reconnect), "{errors:?}");
    assert_eq!(sent_text(&event), "hello");
    handle.close();
    forwarder.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relay_frozen_during_the_first_open_is_retried() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    relay.freeze(true);
    let (handle, mut stream) = builder(&fake)
        .events([EventKind::MessageSend])
        .connect_timeout(Duration::from_millis(200))
        .connect()
        .expect("valid config");

    // Depending on whether the open packet got through with the upgrade
    // response, the stalled first attempt ends in a connect, authentication
    // or ping timeout; whichever, it is retried.
    match next_item(&mut stream).await {
        Err(
            error @ (RtmError::ConnectTimeout { .. }
            | RtmError::AuthenticationTimeout { .. }
            | RtmError::PingTimeout { .. }),
        ) => assert!(error.is_reconnect() && !error.is_terminal()),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(relay.auth_attempts().is_empty());
    relay.freeze(false);
    within(handle.authenticated()).await.expect("authenticated");
    emit_until_delivered(&relay, "message:send", text_message(&fake, "hello")).await;
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "hello");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_connect_is_retried_until_the_relay_listens() {
    let fake = fast_fake().await;
    let relay = fake.relay();

    // A port nobody listens on (yet).
    let port = {
        let probe = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        probe.local_addr().expect("addr").port()
    };
    let (handle, mut stream) = builder(&fake)
        .relay_url(format!("http://127.0.0.1:{port}/"))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");

    // Several refused attempts, each reported, none terminal.
    for _ in 0..3 {
        match next_item(&mut stream).await {
            Err(RtmError::Connect { .. }) => {}
            other => panic!("expected a connect error, got {other:?}"),
        }
    }
    assert!(matches!(
        handle.current_state(),
        ConnectionState::Reconnecting { .. } | ConnectionState::Connecting
    ));

    // Now something listens there: the next attempt gets through.
    let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("port still free");
    let forwarder = tokio::spawn(forward(listener, relay_addr(&fake), 0));
    within(handle.authenticated()).await.expect("authenticated");
    assert_eq!(relay.auth_attempts().len(), 1);
    assert_eq!(relay.emit("message:send", text_message(&fake, "finally")), 1);
    let (event, _) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "finally");
    handle.close();
    forwarder.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unauthorized_ends_the_stream_without_reconnecting() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let token = fake.token(Tier::Plugin);
    let (handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, "wrong-key"), Tier::Plugin)
        .relay_url(fake.relay_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_secs(1))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");

    // (A reconnectable error may come first if the fake relay lost the
    // `authentication` event; see `drain_errors`.)
    let mut item = next_item(&mut stream).await;
    while matches!(&item, Err(error) if error.is_reconnect()) {
        item = next_item(&mut stream).await;
    }
    match item {
        Err(RtmError::Unauthorized { message }) => {
            assert!(!message.is_empty());
            assert!(!message.contains("wrong-key"));
        }
        other => panic!("expected Unauthorized, got {other:?}"),
    }
    assert!(
        within(stream.next()).await.is_none(),
        "the stream ends after the terminal error"
    );
    let mut state = handle.state();
    within(state.wait_for(ConnectionState::is_closed))
        .await
        .expect("closed");
    let connections = relay.connections_accepted();

    // With 10-50 ms backoff, a reconnecting client would have come back many
    // times by now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(relay.connections_accepted(), connections);
    assert_eq!(relay.auth_attempts().len(), 1);
    assert!(!relay.auth_attempts()[0].accepted);
    assert!(matches!(within(handle.rebind()).await, Err(RtmError::Closed)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_discovery_credentials_are_terminal_too() {
    let fake = fast_fake().await;
    let token = fake.token(Tier::Plugin);
    let (_handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, "wrong-key"), Tier::Plugin)
        .rest_base_url(fake.base_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_secs(1))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    assert!(matches!(
        next_item(&mut stream).await,
        Err(RtmError::Unauthorized { .. })
    ));
    assert!(within(stream.next()).await.is_none());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let discoveries = fake
        .requests()
        .iter()
        .filter(|request| request.path.ends_with("/connect/endpoints"))
        .count();
    assert_eq!(discoveries, 1);
    assert_eq!(fake.relay().connections_accepted(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_discovery_is_retried_and_rediscovered() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    // The first two discovery requests fail with 503 (the transport's own
    // retries disabled by the fault count being larger than its attempts is
    // not needed: every failure surfaces as one item either way).
    fake.faults().respond_with_status(503, 2);
    let token = fake.token(Tier::Plugin);
    let (handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, token.key), Tier::Plugin)
        .rest_base_url(fake.base_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_secs(1))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    within(handle.authenticated()).await.expect("authenticated");
    assert_eq!(relay.emit("message:send", text_message(&fake, "found you")), 1);
    let (event, errors) = next_event(&mut stream).await;
    assert_eq!(sent_text(&event), "found you");
    assert!(
        errors.iter().all(|error| matches!(error, RtmError::Discovery(_))),
        "{errors:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discovered_relay_url_is_discovered_again_after_repeated_failures() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    relay.freeze(true);
    let token = fake.token(Tier::Plugin);
    let (handle, mut stream) = RtmClient::builder(Credentials::new(token.identifier, token.key), Tier::Plugin)
        .rest_base_url(fake.base_url())
        .backoff(fast_backoff())
        .connect_timeout(Duration::from_millis(150))
        .rediscover_after(2)
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    for _ in 0..4 {
        let error = next_item(&mut stream).await.expect_err("a failed attempt");
        assert!(error.is_reconnect(), "{error:?}");
    }
    relay.freeze(false);
    within(handle.authenticated()).await.expect("authenticated");
    let discoveries = fake
        .requests()
        .iter()
        .filter(|request| request.path == "/v1/plugin/connect/endpoints")
        .count();
    assert!(discoveries >= 3, "discovery after every 2 failures: {discoveries}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wss_goes_through_rustls_and_a_failed_handshake_is_retried() {
    let fake = fast_fake().await;
    // Not a TLS server: it answers in plain text and hangs up.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = tokio::spawn(async move {
        let mut accepted = 0;
        while let Ok((mut socket, _)) = listener.accept().await {
            accepted += 1;
            let _ = tokio::io::AsyncWriteExt::write_all(&mut socket, b"HTTP/1.1 400 Bad Request\r\n\r\n").await;
            drop(socket);
            if accepted == 2 {
                break;
            }
        }
        accepted
    });
    let (handle, mut stream) = builder(&fake)
        .relay_url(format!("wss://127.0.0.1:{port}/"))
        .events([EventKind::MessageSend])
        .connect()
        .expect("valid config");
    for _ in 0..2 {
        match next_item(&mut stream).await {
            Err(RtmError::Connect { source }) => assert!(!source.to_string().is_empty()),
            other => panic!("expected a connect (TLS) error, got {other:?}"),
        }
    }
    assert_eq!(
        within(server).await.expect("server task"),
        2,
        "the first failure was retried"
    );
    handle.close();
}
