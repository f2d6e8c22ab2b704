//! The RTM client against relay behaviour Crisp does not show but a relay
//! may: packets of other Socket.IO namespaces, ack ids beyond 64 bits, and
//! an application that stops reading (bounded and unbounded buffers).

#![cfg(feature = "websocket")]
#![allow(clippy::expect_used, clippy::panic)]

mod rtm_support;

use std::time::Duration;

use crisp_rtm::client::{ConnectionState, RtmError, RtmStream, StreamBuffer};
use crisp_types::event::EventKind;
use futures_util::FutureExt;
use rtm_support::*;

/// The items already waiting on the stream, without waiting for more.
fn ready_items(stream: &mut RtmStream) -> Vec<Result<crisp_types::event::Event, RtmError>> {
    let mut items = Vec::new();
    while let Some(Some(item)) = stream.recv().now_or_never() {
        items.push(item);
    }
    items
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn packets_of_other_namespaces_neither_reach_the_application_nor_end_the_session() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    // Counted once connected (see `drain_errors`).
    let connections = relay.connections_accepted();
    let authentications = relay.auth_attempts().len();

    let foreign = text_message(&fake, "for another namespace");
    relay.inject_raw_frame(&format!(r#"42/other,["message:send",{foreign}]"#));
    relay.inject_raw_frame(&format!(r#"42/other,7["message:send",{foreign}]"#));
    relay.inject_raw_frame(r#"40/other,{"sid":"x"}"#);
    relay.inject_raw_frame(r#"44/other,{"message":"refused"}"#);
    relay.inject_raw_frame("41/other,");
    assert_eq!(relay.emit("message:send", text_message(&fake, "for us")), 1);

    match next_item(&mut stream).await {
        Ok(event) => assert_eq!(sent_text(&event), "for us"),
        Err(error) => panic!("expected the main namespace's event, got {error:?}"),
    }
    // Several ping intervals later, still the same session.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(ready_items(&mut stream).is_empty(), "nothing else was delivered");
    assert_eq!(relay.connections_accepted(), connections, "no reconnection");
    assert_eq!(relay.auth_attempts().len(), authentications, "no new authentication");
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);
    assert_eq!(relay.emit("message:send", text_message(&fake, "still here")), 1);
    let (event, errors) = next_event(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sent_text(&event), "still here");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ack_id_beyond_64_bits_skips_the_ack_not_the_event() {
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    let connections = relay.connections_accepted();

    let digits = "4299999999999999999999";
    let data = text_message(&fake, "asks for a huge ack");
    relay.inject_raw_frame(&format!(r#"42{digits}["message:send",{data}]"#));
    let data = text_message(&fake, "asks for a small ack");
    relay.inject_raw_frame(&format!(r#"4212["message:send",{data}]"#));

    match next_item(&mut stream).await {
        Err(RtmError::AckSkipped { event, digits: seen }) => {
            assert_eq!(event, "message:send");
            assert_eq!(seen, digits);
        }
        other => panic!("expected AckSkipped, got {other:?}"),
    }
    let event = next_item(&mut stream).await.expect("the event is still delivered");
    assert_eq!(sent_text(&event), "asks for a huge ack");
    let event = next_item(&mut stream).await.expect("a small ack id is fine");
    assert_eq!(sent_text(&event), "asks for a small ack");
    assert_eq!(relay.connections_accepted(), connections);
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_stream_drops_the_oldest_reports_the_loss_and_keeps_the_session() {
    const CAPACITY: usize = 4;
    const SENT: usize = 40;
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = builder(&fake)
        .events([EventKind::MessageSend])
        .buffer(StreamBuffer::drop_oldest(CAPACITY))
        .connect()
        .expect("valid config");
    within(handle.authenticated()).await.expect("authenticated");
    drain_errors(&mut stream);
    let connections = relay.connections_accepted();

    // The application stops reading while events keep coming, for longer
    // than the relay's ping interval + timeout (300 ms).
    for n in 0..SENT {
        emit_until_delivered(&relay, "message:send", text_message(&fake, &n.to_string())).await;
    }
    tokio::time::sleep(Duration::from_millis(900)).await;
    assert_eq!(relay.connections_accepted(), connections, "pings were answered");
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);

    // Never more than the capacity waits, plus the loss report.
    let mut items = ready_items(&mut stream);
    assert!(items.len() <= CAPACITY + 1, "{} items buffered", items.len());
    assert!(
        matches!(items.first(), Some(Err(RtmError::Lagged { .. }))),
        "{:?}",
        items.first()
    );

    // Every event sent is either delivered (in order) or counted as lost.
    let mut lost = 0_u64;
    let mut texts = Vec::new();
    while texts.last().map(String::as_str) != Some("39") {
        if items.is_empty() {
            items.push(next_item(&mut stream).await);
        }
        match items.remove(0) {
            Ok(event) => texts.push(sent_text(&event)),
            Err(RtmError::Lagged { events, errors }) => {
                assert_eq!(errors, 0);
                lost += events;
            }
            Err(error) => panic!("unexpected error {error:?}"),
        }
    }
    let numbers: Vec<usize> = texts.iter().map(|text| text.parse().expect("a number")).collect();
    assert!(numbers.windows(2).all(|pair| pair[0] < pair[1]), "{numbers:?}");
    assert_eq!(lost + numbers.len() as u64, SENT as u64, "{numbers:?}, {lost} lost");
    assert!(lost >= (SENT - CAPACITY) as u64, "{lost} lost");

    // The session carries on.
    assert_eq!(relay.emit("message:send", text_message(&fake, "next")), 1);
    let (event, errors) = next_event(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sent_text(&event), "next");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_stream_loses_nothing_while_not_read() {
    const SENT: usize = 300;
    let fake = fast_fake().await;
    let relay = fake.relay();
    let (handle, mut stream) = connected(&fake, &[EventKind::MessageSend]).await;
    let connections = relay.connections_accepted();
    // (`emit_until_delivered` waits whenever the fake relay's own send
    // buffer is full.)
    for n in 0..SENT {
        emit_until_delivered(&relay, "message:send", text_message(&fake, &n.to_string())).await;
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    for n in 0..SENT {
        match next_item(&mut stream).await {
            Ok(event) => assert_eq!(sent_text(&event), n.to_string()),
            Err(error) => panic!("expected event {n}, got {error:?}"),
        }
    }
    assert_eq!(relay.connections_accepted(), connections);
    assert_eq!(handle.current_state(), ConnectionState::Authenticated);
}
