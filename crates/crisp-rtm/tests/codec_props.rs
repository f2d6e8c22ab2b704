//! Property tests of the codec (proptest, stable Rust): every packet survives
//! an encode/decode round trip, arbitrary bytes never make a decoder panic,
//! and the client's one-pass decoder ([`Inbound`]) agrees with the general
//! one followed by [`Event::from_parts`].

use std::time::Duration;

use crisp_rtm::codec::{AckId, EnginePacket, Inbound, OpenInfo, SocketPacket};
use crisp_types::event::{Event, EventKind};
use proptest::prelude::*;
use serde_json::Value;

/// Any text, built from any characters (escapes, controls, non-ASCII).
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// JSON without floats (serde_json without `float_roundtrip` may not read
/// back the exact `f64` it printed; `codec_fuzz.rs` covers floats).
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        text(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(8), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// The default namespace or a custom one (`/` then no `,`).
fn namespace() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("/".to_owned()),
        "/[a-z0-9_.-]{1,10}".prop_map(|namespace| namespace.clone()),
    ]
}

/// An event name: a Crisp one (typed payloads) or any text.
fn event_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(EventKind::ALL).prop_map(|kind| kind.as_str().to_owned()),
        text(16),
    ]
}

fn socket_packet() -> impl Strategy<Value = SocketPacket> {
    prop_oneof![
        (namespace(), prop::option::of(json())).prop_map(|(namespace, data)| SocketPacket::Connect { namespace, data }),
        namespace().prop_map(|namespace| SocketPacket::Disconnect { namespace }),
        (
            namespace(),
            prop::option::of(any::<u64>()),
            event_name(),
            prop::collection::vec(json(), 0..3)
        )
            .prop_map(|(namespace, ack_id, name, args)| SocketPacket::Event {
                namespace,
                ack_id,
                name,
                args,
            }),
        (namespace(), any::<u64>(), prop::collection::vec(json(), 0..3)).prop_map(|(namespace, ack_id, args)| {
            SocketPacket::Ack {
                namespace,
                ack_id,
                args,
            }
        }),
        (namespace(), json()).prop_map(|(namespace, data)| SocketPacket::ConnectError { namespace, data }),
    ]
}

fn engine_packet() -> impl Strategy<Value = EnginePacket> {
    let ping_data = || prop::option::of(text(12).prop_filter("empty data is no data", |data| !data.is_empty()));
    prop_oneof![
        (
            text(20),
            prop::collection::vec(text(8), 0..3),
            any::<u32>(),
            any::<u32>(),
            prop::option::of(any::<u64>())
        )
            .prop_map(|(sid, upgrades, interval, timeout, max_payload)| {
                EnginePacket::Open(OpenInfo {
                    sid,
                    upgrades,
                    ping_interval: Duration::from_millis(interval.into()),
                    ping_timeout: Duration::from_millis(timeout.into()),
                    max_payload,
                })
            }),
        Just(EnginePacket::Close),
        ping_data().prop_map(EnginePacket::Ping),
        ping_data().prop_map(EnginePacket::Pong),
        socket_packet().prop_map(EnginePacket::Message),
        Just(EnginePacket::Upgrade),
        Just(EnginePacket::Noop),
    ]
}

/// Frames close to what a relay sends, cut and mixed: more likely than
/// random bytes to get deep into the decoders.
fn frame_like() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "9",
        "42",
        "43",
        "/",
        "/ns",
        ",",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "\"a\"",
        "\"message:send\"",
        "\"session:set_state\"",
        "\"type\"",
        "\"text\"",
        "\"content\"",
        "\"website_id\"",
        "\"user\"",
        ":",
        "null",
        "true",
        "1e999",
        "-0",
        "18446744073709551616",
        "\\u0000",
        "\\ud800",
        "é",
        " ",
    ];
    prop::collection::vec(prop::sample::select(TOKENS), 0..24).prop_map(|tokens| tokens.concat())
}

/// An event, or the name and data of one that did not decode.
type Decoded = Result<Event, (String, Value)>;

/// What the general decoder says of an event frame, in the terms of
/// [`Inbound`]: the ack id and the event.
fn general_event(frame: &str) -> Option<(Option<u64>, Decoded)> {
    let Ok(EnginePacket::Message(SocketPacket::Event {
        namespace,
        ack_id,
        name,
        args,
    })) = EnginePacket::decode(frame)
    else {
        return None;
    };
    if namespace != "/" {
        return None;
    }
    let data = args.into_iter().next().unwrap_or(Value::Null);
    Some((
        ack_id,
        Event::from_parts(&name, data).map_err(|error| error.into_parts()),
    ))
}

fn check_agreement(frame: &str) -> Result<(), TestCaseError> {
    match Inbound::decode(frame) {
        Ok(Inbound::Event(received)) => {
            let ack = match received.ack {
                None => None,
                Some(AckId::Id(id)) => Some(id),
                // The general decoder refuses such a frame altogether.
                Some(_) => return Ok(()),
            };
            let event = received.event.map_err(|error| error.into_parts());
            prop_assert_eq!(general_event(frame), Some((ack, event)), "{:?}", frame);
        }
        Ok(Inbound::Packet(packet)) => {
            prop_assert_eq!(general_event(frame), None);
            let general = EnginePacket::decode(frame);
            prop_assert!(general.as_ref().is_ok_and(|general| *general == packet), "{:?}", frame);
        }
        Err(_) => prop_assert!(EnginePacket::decode(frame).is_err(), "{:?}", frame),
        Ok(other) => prop_assert!(false, "{:?}", other),
    }
    Ok(())
}

/// An event with the keys of real payloads, each with any JSON value (often
/// of the wrong type), sometimes twice: the typed decoders' corner cases.
fn typed_event_frame() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &[
        "website_id",
        "session_id",
        "inbox_id",
        "routing_ids",
        "type",
        "content",
        "from",
        "origin",
        "user",
        "fingerprint",
        "timestamp",
        "stamped",
        "mentions",
        "preview",
        "properties",
        "state",
        "nickname",
        "data",
    ];
    let value = prop_oneof![
        json(),
        Just(Value::from("text")),
        Just(Value::from("user")),
        Just(Value::from(1_506_985_696_616_u64)),
        Just(serde_json::json!({"nickname": "n", "user_id": "u"})),
    ];
    let name = prop::sample::select(
        &[
            "message:send",
            "message:received",
            "session:set_state",
            "people:profile:created",
        ][..],
    );
    (name, prop::collection::vec((prop::sample::select(KEYS), value), 0..8)).prop_map(|(name, entries)| {
        let fields: Vec<String> = entries
            .iter()
            .map(|(key, value)| format!("{}:{value}", Value::from(*key)))
            .collect();
        format!("42[\"{name}\",{{{}}}]", fields.join(","))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_packet_round_trips(packet in engine_packet()) {
        let frame = packet.encode();
        let decoded = EnginePacket::decode(&frame);
        prop_assert!(decoded.is_ok(), "{:?} -> {:?}", frame, decoded);
        prop_assert_eq!(decoded.ok(), Some(packet), "{:?}", frame);
    }

    #[test]
    fn inbound_reads_encoded_events_like_the_general_decoder(packet in socket_packet()) {
        check_agreement(&EnginePacket::Message(packet).encode())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = EnginePacket::decode_bytes(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        let _ = EnginePacket::decode(&text);
        let _ = Inbound::decode(&text);
        let _ = SocketPacket::decode(&text);
    }

    #[test]
    fn frame_like_text_never_panics_and_both_decoders_agree(frame in frame_like()) {
        let _ = SocketPacket::decode(&frame);
        check_agreement(&frame)?;
        check_agreement(&format!("42{frame}"))?;
        check_agreement(&format!("42[\"message:send\",{frame}]"))?;
    }

    #[test]
    fn typed_payloads_decode_alike_in_one_pass(frame in typed_event_frame()) {
        check_agreement(&frame)?;
    }

    #[test]
    fn any_ack_id_keeps_the_event(digits in "[0-9]{1,60}", name in event_name(), data in json()) {
        let frame = format!("42{digits}{}", serde_json::json!([name, data]));
        let Ok(Inbound::Event(received)) = Inbound::decode(&frame) else {
            return Err(TestCaseError::fail(format!("{frame:?} is an event")));
        };
        let expected = Event::from_parts(&name, data).map_err(|error| error.into_parts());
        prop_assert_eq!(received.event.map_err(|error| error.into_parts()), expected);
        let fits = digits.parse::<u64>().ok();
        match received.ack {
            Some(AckId::Id(id)) => prop_assert_eq!(Some(id), fits),
            Some(AckId::TooLarge { digits: kept }) => {
                prop_assert!(fits.is_none());
                prop_assert_eq!(kept, digits);
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }
}
