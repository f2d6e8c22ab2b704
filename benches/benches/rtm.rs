//! Bench `rtm`: text frames of a realistic `message:send` event through the
//! RTM codec and the typed decode, in events per second on one core, beside a
//! bare baseline.
//!
//! - `baseline_serde_json_value`: `serde_json::from_str` of the frame's
//!   payload (`["message:send",{..}]`) into a `serde_json::Value`, nothing
//!   more: the floor a two-pass decoder starts from.
//! - `two_pass_value_then_typed`: the general codec
//!   (`EnginePacket::decode`, payload into `Value`) then
//!   `Event::from_parts` (the `Value` into the typed event): what the client
//!   did before it decoded in one pass.
//! - `one_pass_inbound`: `Inbound::decode`, what the client does: the frame
//!   text straight into the typed event.
//!
//! Run with `cargo bench -p crisp-benches --bench rtm`; compare the three in
//! the same run (their ratios hold on a shared machine, the absolute numbers
//! do not).

#![allow(missing_docs, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use crisp_rtm::codec::{EnginePacket, Inbound, SocketPacket};
use crisp_types::event::Event;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The `data` of the `message:send` web-hook fixture of the Crisp reference
/// (the RTM relay pushes the same object), compact as Crisp sends it.
const MESSAGE_SEND_DATA: &str = concat!(
    r#"{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","#,
    r#""session_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f","type":"text","content":"Hey :)","#,
    r#""from":"user","origin":"chat","stamped":true,"timestamp":1506985696616,"fingerprint":150698569649423,"#,
    r#""user":{"nickname":"visitor493603","user_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f"}}"#,
);

/// `42["message:send",{..}]`: one WebSocket text frame as the relay sends it.
fn frame() -> String {
    format!(r#"42["message:send",{MESSAGE_SEND_DATA}]"#)
}

fn two_pass(frame: &str) -> Event {
    let Ok(EnginePacket::Message(SocketPacket::Event { name, args, .. })) = EnginePacket::decode(frame) else {
        panic!("an event frame");
    };
    let data = args.into_iter().next().unwrap_or_default();
    Event::from_parts(&name, data).expect("a message:send")
}

fn one_pass(frame: &str) -> Event {
    match Inbound::decode(frame) {
        Ok(Inbound::Event(received)) => received.event.expect("a message:send"),
        other => panic!("an event frame, got {other:?}"),
    }
}

fn message_send(c: &mut Criterion) {
    let frame = frame();
    let payload = frame.strip_prefix("42").expect("an event frame");
    let event = one_pass(&frame);
    assert!(matches!(event, Event::MessageSend(_)));
    assert_eq!(event, two_pass(&frame), "both paths decode the same event");

    let mut group = c.benchmark_group("rtm_message_send");
    group.throughput(Throughput::Elements(1));
    group.bench_function("baseline_serde_json_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(payload)).expect("JSON"));
    });
    group.bench_function("two_pass_value_then_typed", |b| b.iter(|| two_pass(black_box(&frame))));
    group.bench_function("one_pass_inbound", |b| b.iter(|| one_pass(black_box(&frame))));
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: the machine is shared, compare ratios within one run.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(40);
    targets = message_send
}
criterion_main!(benches);
