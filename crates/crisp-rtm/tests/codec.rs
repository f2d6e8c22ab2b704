//! Engine.IO v4 / Socket.IO v5 framing (PROTOCOL.md §3, §4).
#![allow(clippy::panic, reason = "test helpers report an unexpected decoding loudly")]

use std::time::Duration;

use crisp_rtm::codec::{CodecError, EnginePacket, OpenInfo, SocketPacket};
use crisp_rtm::protocol::MAX_EXCERPT_CHARS;
use serde_json::{Value, json};

fn decode(frame: &str) -> EnginePacket {
    match EnginePacket::decode(frame) {
        Ok(packet) => packet,
        Err(error) => panic!("{frame:?} did not decode: {error}"),
    }
}

fn message(frame: &str) -> SocketPacket {
    match decode(frame) {
        EnginePacket::Message(packet) => packet,
        other => panic!("{frame:?} is not a message: {other:?}"),
    }
}

fn error(frame: &str) -> CodecError {
    match EnginePacket::decode(frame) {
        Ok(packet) => panic!("{frame:?} decoded to {packet:?}"),
        Err(error) => error,
    }
}

fn ns(name: &str) -> String {
    name.to_owned()
}

// ---- Engine.IO ----

#[test]
fn open_packet() {
    let frame = r#"0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"#;
    let EnginePacket::Open(info) = decode(frame) else {
        panic!("not open");
    };
    assert_eq!(
        info,
        OpenInfo {
            sid: "lv_VI97HAXpY6yYWAAAC".into(),
            upgrades: vec![],
            ping_interval: Duration::from_secs(25),
            ping_timeout: Duration::from_secs(20),
            max_payload: Some(1_000_000),
        }
    );
    assert_eq!(info.liveness_timeout(), Duration::from_secs(45));
    assert_eq!(EnginePacket::Open(info).encode(), frame);
}

#[test]
fn open_packet_optional_and_extra_fields() {
    let EnginePacket::Open(info) =
        decode(r#"0{"sid":"s","pingInterval":1,"pingTimeout":2,"future":"field","upgrades":["polling"]}"#)
    else {
        panic!("not open");
    };
    assert_eq!(info.max_payload, None);
    assert_eq!(info.upgrades, ["polling"]);
    assert_eq!(
        EnginePacket::Open(info).encode(),
        r#"0{"sid":"s","upgrades":["polling"],"pingInterval":1,"pingTimeout":2}"#
    );
    let EnginePacket::Open(info) = decode(r#"0{"sid":"s","pingInterval":1,"pingTimeout":2}"#) else {
        panic!("not open");
    };
    assert!(info.upgrades.is_empty());
}

#[test]
fn malformed_open_packets() {
    assert!(matches!(error("0"), CodecError::InvalidJson { .. }));
    assert!(matches!(error("0{"), CodecError::InvalidJson { .. }));
    assert!(matches!(error("0[]"), CodecError::InvalidOpen { .. }));
    assert!(matches!(
        error(r#"0{"pingInterval":1,"pingTimeout":2}"#),
        CodecError::InvalidOpen { .. }
    ));
    assert!(matches!(
        error(r#"0{"sid":"s","pingInterval":-1,"pingTimeout":2}"#),
        CodecError::InvalidOpen { .. }
    ));
    assert!(matches!(
        error(r#"0{"sid":"s","pingInterval":"25000","pingTimeout":2}"#),
        CodecError::InvalidOpen { .. }
    ));
    // The field name is reported through `source()`.
    let open_error = error(r#"0{"sid":"s","pingTimeout":2}"#);
    let source = std::error::Error::source(&open_error).unwrap().to_string();
    assert!(source.contains("pingInterval"), "{source}");
}

#[test]
fn simple_engine_packets() {
    assert_eq!(decode("1"), EnginePacket::Close);
    assert_eq!(decode("2"), EnginePacket::Ping(None));
    assert_eq!(decode("2probe"), EnginePacket::Ping(Some("probe".into())));
    assert_eq!(decode("3"), EnginePacket::Pong(None));
    assert_eq!(decode("3probe"), EnginePacket::Pong(Some("probe".into())));
    assert_eq!(decode("5"), EnginePacket::Upgrade);
    assert_eq!(decode("6"), EnginePacket::Noop);
    // Trailing text after close/upgrade/noop is ignored.
    assert_eq!(decode("1x"), EnginePacket::Close);

    assert_eq!(EnginePacket::Close.encode(), "1");
    assert_eq!(EnginePacket::Ping(None).encode(), "2");
    assert_eq!(EnginePacket::Pong(None).encode(), "3");
    assert_eq!(EnginePacket::Pong(Some("probe".into())).encode(), "3probe");
    assert_eq!(EnginePacket::Upgrade.encode(), "5");
    assert_eq!(EnginePacket::Noop.encode(), "6");
}

#[test]
fn pong_reply_echoes_ping_data() {
    assert_eq!(decode("2").pong_reply().map(|p| p.encode()), Some("3".to_owned()));
    assert_eq!(
        decode("2probe").pong_reply().map(|p| p.encode()),
        Some("3probe".to_owned())
    );
    assert_eq!(decode("3").pong_reply(), None);
    assert_eq!(decode("40").pong_reply(), None);
}

#[test]
fn engine_errors() {
    assert!(matches!(error(""), CodecError::EmptyFrame));
    assert!(matches!(error("7"), CodecError::UnknownEngineType { found: '7' }));
    assert!(matches!(error("b4AQID"), CodecError::UnknownEngineType { found: 'b' }));
    assert!(matches!(error("é"), CodecError::UnknownEngineType { found: 'é' }));
    assert!(matches!(error(" 2"), CodecError::UnknownEngineType { found: ' ' }));
    assert!(matches!(error("4"), CodecError::EmptyMessage));
}

#[test]
fn decode_bytes() {
    assert_eq!(EnginePacket::decode_bytes(b"2").unwrap(), EnginePacket::Ping(None));
    assert!(matches!(
        EnginePacket::decode_bytes(b"42[\"\xff\"]"),
        Err(CodecError::InvalidUtf8)
    ));
    assert!(matches!(EnginePacket::decode_bytes(b""), Err(CodecError::EmptyFrame)));
}

// ---- Socket.IO ----

#[test]
fn connect_packets() {
    assert_eq!(
        message("40"),
        SocketPacket::Connect {
            namespace: ns("/"),
            data: None
        }
    );
    assert_eq!(
        message(r#"40{"sid":"wZX3oN0bSVIhsaknAAAI"}"#),
        SocketPacket::Connect {
            namespace: ns("/"),
            data: Some(json!({"sid": "wZX3oN0bSVIhsaknAAAI"}))
        }
    );
    assert_eq!(
        message(r#"40/admin,{"sid":"x"}"#),
        SocketPacket::Connect {
            namespace: ns("/admin"),
            data: Some(json!({"sid": "x"}))
        }
    );
    assert_eq!(
        message("40/admin,"),
        SocketPacket::Connect {
            namespace: ns("/admin"),
            data: None
        }
    );
    // Without the comma, the namespace runs to the end.
    assert_eq!(
        message("40/admin"),
        SocketPacket::Connect {
            namespace: ns("/admin"),
            data: None
        }
    );
    assert_eq!(EnginePacket::Message(SocketPacket::connect()).encode(), "40");
    assert_eq!(
        EnginePacket::Message(SocketPacket::Connect {
            namespace: ns("/admin"),
            data: None
        })
        .encode(),
        "40/admin,"
    );
    assert_eq!(
        EnginePacket::Message(SocketPacket::Connect {
            namespace: ns("/admin"),
            data: Some(json!({"token": "t"}))
        })
        .encode(),
        r#"40/admin,{"token":"t"}"#
    );
}

#[test]
fn disconnect_packets() {
    assert_eq!(message("41"), SocketPacket::Disconnect { namespace: ns("/") });
    assert_eq!(
        message("41/admin,"),
        SocketPacket::Disconnect {
            namespace: ns("/admin")
        }
    );
    assert_eq!(EnginePacket::from(SocketPacket::disconnect()).encode(), "41");
    assert_eq!(
        SocketPacket::Disconnect {
            namespace: ns("/admin")
        }
        .encode(),
        "1/admin,"
    );
}

#[test]
fn event_packets() {
    let frame = r#"42["message:send",{"website_id":"w","session_id":"s","content":"Hi"}]"#;
    assert_eq!(
        message(frame),
        SocketPacket::Event {
            namespace: ns("/"),
            ack_id: None,
            name: "message:send".into(),
            args: vec![json!({"website_id":"w","session_id":"s","content":"Hi"})],
        }
    );
    // Re-encoding keeps the content (object key order is serde_json's).
    assert_eq!(message(&decode(frame).encode()), message(frame));

    assert_eq!(
        message(r#"42["authenticated",true]"#),
        SocketPacket::event("authenticated", vec![Value::Bool(true)])
    );
    assert_eq!(message(r#"42["no-args"]"#), SocketPacket::event("no-args", vec![]));
    assert_eq!(
        message(r#"42["many",1,"two",[3],null]"#),
        SocketPacket::event("many", vec![json!(1), json!("two"), json!([3]), Value::Null])
    );
    assert_eq!(
        message(r#"42/chat,["x",{}]"#),
        SocketPacket::Event {
            namespace: ns("/chat"),
            ack_id: None,
            name: "x".into(),
            args: vec![json!({})],
        }
    );
    // Whitespace inside the JSON is fine.
    assert_eq!(
        message(r#"42[ "spaced" , 1 ]"#),
        SocketPacket::event("spaced", vec![json!(1)])
    );
}

#[test]
fn event_with_ack_id() {
    assert_eq!(
        message(r#"4212["ping",{}]"#),
        SocketPacket::Event {
            namespace: ns("/"),
            ack_id: Some(12),
            name: "ping".into(),
            args: vec![json!({})],
        }
    );
    assert_eq!(
        message(r#"42/chat,7["ping"]"#),
        SocketPacket::Event {
            namespace: ns("/chat"),
            ack_id: Some(7),
            name: "ping".into(),
            args: vec![],
        }
    );
    let max = format!(r#"42{}["x"]"#, u64::MAX);
    assert!(matches!(
        message(&max),
        SocketPacket::Event {
            ack_id: Some(u64::MAX),
            ..
        }
    ));
    assert_eq!(decode(&max).encode(), max);
    // Leading zeros are accepted, and re-encoded without them.
    assert_eq!(decode(r#"42007["x"]"#).encode(), r#"427["x"]"#);
}

#[test]
fn event_encoding_escapes_names() {
    let packet = SocketPacket::event("quote\"back\\slash\u{1}é", vec![json!({"k": "v\n"})]);
    let frame = EnginePacket::Message(packet.clone()).encode();
    assert_eq!(frame, "42[\"quote\\\"back\\\\slash\\u0001é\",{\"k\":\"v\\n\"}]");
    assert_eq!(message(&frame), packet);
}

#[test]
fn malformed_events() {
    for frame in [
        "42",
        "42[]",
        "42[1]",
        "42[null]",
        r#"42{"name":"x"}"#,
        r#"42"x""#,
        "427",
        "42/ns,",
    ] {
        assert!(
            matches!(error(frame), CodecError::EventWithoutName),
            "{frame}: {:?}",
            EnginePacket::decode(frame)
        );
    }
    assert!(matches!(error("42["), CodecError::InvalidJson { .. }));
    assert!(matches!(error(r#"42["x",]"#), CodecError::InvalidJson { .. }));
    assert!(matches!(error(r#"42["x"] trailing"#), CodecError::InvalidJson { .. }));
}

#[test]
fn ack_id_overflow() {
    let digits = "18446744073709551616"; // u64::MAX + 1
    let frame = format!(r#"42{digits}["x"]"#);
    let CodecError::AckIdOverflow { digits: kept } = error(&frame) else {
        panic!("expected an overflow");
    };
    assert_eq!(kept, digits);
    let long = format!(r#"43{}[]"#, "9".repeat(10_000));
    let CodecError::AckIdOverflow { digits: kept } = error(&long) else {
        panic!("expected an overflow");
    };
    assert_eq!(kept.len(), MAX_EXCERPT_CHARS);
}

#[test]
fn ack_packets() {
    assert_eq!(
        message("435[]"),
        SocketPacket::Ack {
            namespace: ns("/"),
            ack_id: 5,
            args: vec![]
        }
    );
    assert_eq!(
        message(r#"435["ok",{"a":1}]"#),
        SocketPacket::ack(5, vec![json!("ok"), json!({"a": 1})])
    );
    assert_eq!(message("435"), SocketPacket::ack(5, vec![]));
    assert_eq!(
        message("43/chat,9[]"),
        SocketPacket::Ack {
            namespace: ns("/chat"),
            ack_id: 9,
            args: vec![]
        }
    );
    // What a client answers to an ack request: `43<id>[]`.
    assert_eq!(EnginePacket::from(SocketPacket::ack(12, vec![])).encode(), "4312[]");
    assert_eq!(
        SocketPacket::ack(1, vec![json!(1), json!("x")]).encode(),
        r#"31[1,"x"]"#
    );
    assert!(matches!(error("43[]"), CodecError::MissingAckId));
    assert!(matches!(error("43"), CodecError::MissingAckId));
    assert!(matches!(error(r#"431{"a":1}"#), CodecError::InvalidAckPayload));
    assert!(matches!(error(r#"431"x""#), CodecError::InvalidAckPayload));
}

#[test]
fn connect_error_packets() {
    assert_eq!(
        message(r#"44{"message":"Not authorized"}"#),
        SocketPacket::ConnectError {
            namespace: ns("/"),
            data: json!({"message": "Not authorized"})
        }
    );
    assert_eq!(
        message(r#"44/admin,"refused""#),
        SocketPacket::ConnectError {
            namespace: ns("/admin"),
            data: json!("refused")
        }
    );
    assert_eq!(
        message("44"),
        SocketPacket::ConnectError {
            namespace: ns("/"),
            data: Value::Null
        }
    );
    assert_eq!(
        EnginePacket::from(SocketPacket::ConnectError {
            namespace: ns("/"),
            data: json!({"message": "no"})
        })
        .encode(),
        r#"44{"message":"no"}"#
    );
}

#[test]
fn socket_errors() {
    assert!(matches!(
        error(r#"45-["x",{"_placeholder":true,"num":0}]"#),
        CodecError::UnsupportedBinary { packet_type: 5 }
    ));
    assert!(matches!(
        error("461-3[]"),
        CodecError::UnsupportedBinary { packet_type: 6 }
    ));
    assert!(matches!(error("47"), CodecError::UnknownSocketType { found: '7' }));
    assert!(matches!(error("4x"), CodecError::UnknownSocketType { found: 'x' }));
    assert!(matches!(error("4✓"), CodecError::UnknownSocketType { found: '✓' }));
}

#[test]
fn json_errors_keep_a_bounded_char_safe_excerpt() {
    let payload = format!("[\"x\",{}", "é".repeat(1000));
    let CodecError::InvalidJson { excerpt, .. } = error(&format!("42{payload}")) else {
        panic!("expected a JSON error");
    };
    assert_eq!(excerpt.chars().count(), MAX_EXCERPT_CHARS);
    assert!(payload.starts_with(&excerpt));

    let short = error("42[");
    let CodecError::InvalidJson { excerpt, .. } = &short else {
        panic!("expected a JSON error");
    };
    assert_eq!(excerpt, "[");
    // Display does not repeat the source.
    let source = std::error::Error::source(&short).unwrap().to_string();
    assert!(!short.to_string().contains(&source));
}

#[test]
fn socket_packet_decode_directly() {
    assert_eq!(
        SocketPacket::decode("2[\"x\"]").unwrap(),
        SocketPacket::event("x", vec![])
    );
    assert!(matches!(SocketPacket::decode(""), Err(CodecError::EmptyMessage)));
    assert_eq!(SocketPacket::event("x", vec![]).namespace(), "/");
    assert_eq!(SocketPacket::event("x", vec![]).type_digit(), '2');
    assert_eq!(EnginePacket::Noop.type_digit(), '6');
}

#[test]
fn client_frames_of_a_crisp_session() {
    // Every frame a Crisp client sends, built from packets.
    assert_eq!(EnginePacket::from(SocketPacket::connect()).encode(), "40");
    assert_eq!(EnginePacket::Pong(None).encode(), "3");
    assert_eq!(
        EnginePacket::from(SocketPacket::event("socket:bind", vec![json!({})])).encode(),
        r#"42["socket:bind",{}]"#
    );
    let authentication = EnginePacket::from(SocketPacket::event(
        "authentication",
        vec![json!({"username": "u", "password": "p", "tier": "user", "events": ["message:send"]})],
    ))
    .encode();
    assert!(authentication.starts_with(r#"42["authentication",{"#));
    assert_eq!(
        message(&authentication),
        SocketPacket::event(
            "authentication",
            vec![json!({"events": ["message:send"], "password": "p", "tier": "user", "username": "u"})]
        )
    );
}

#[test]
fn round_trips() {
    for frame in [
        "0{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}",
        "1",
        "2",
        "2probe",
        "3",
        "3probe",
        "40",
        "40{\"sid\":\"x\"}",
        "40/admin,",
        "40/admin,{\"sid\":\"x\"}",
        "41",
        "41/admin,",
        "42[\"a\"]",
        "42[\"a\",{\"b\":[1,2.5,-3,null,true]}]",
        "4299[\"a\"]",
        "42/x,1[\"a\"]",
        "431[]",
        "43/x,1[1]",
        "44{\"message\":\"no\"}",
        "5",
        "6",
    ] {
        assert_eq!(decode(frame).encode(), frame);
    }
}
