//! Fuzz-style robustness checks for the codec, without a fuzzing framework:
//! valid frames are truncated, edited byte by byte, spliced and randomly
//! mutated, and every result must decode to a packet or a typed error,
//! never a panic. Whatever decodes must survive an encode/decode round trip.
#![allow(clippy::panic, reason = "test helpers report an unexpected decoding loudly")]

use crisp_rtm::codec::{CodecError, EnginePacket, Inbound, SocketPacket};
use crisp_rtm::protocol::MAX_EXCERPT_CHARS;
use serde_json::Value;

const SEEDS: &[&str] = &[
    "",
    "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}",
    "0{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2}",
    "1",
    "2",
    "2probe",
    "3",
    "3probe",
    "40",
    "40{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}",
    "40/admin,",
    "40/admin,{\"sid\":\"x\"}",
    "41",
    "41/admin,",
    "42[\"authenticated\",true]",
    "42[\"unauthorized\",{\"message\":\"bad token\"}]",
    "42[\"message:send\",{\"website_id\":\"42286ab3-b29a-4fde-8538-da0ae501d825\",\"session_id\":\"session_1\",\"type\":\"text\",\"content\":\"h\u{e9}llo \u{2713}\",\"from\":\"user\",\"origin\":\"chat\",\"stamped\":true,\"timestamp\":1506985696616,\"fingerprint\":150698569649423}]",
    "42[\"socket:bind\",{}]",
    "42[\"socket:bind:push\",{\"events\":[\"message:send\",\"session:removed\"]}]",
    "4212[\"ping\",{\"a\":[1,2.5,-3e10,null,false]}]",
    "42/chat,7[\"x\",\"y\"]",
    "4318446744073709551615[\"ok\"]",
    "435[]",
    "43/chat,9[1,{\"\u{1f600}\":\"\\ud83d\\ude00\"}]",
    "44{\"message\":\"Not authorized\"}",
    "44/admin,\"refused\"",
    "45-[\"x\",{\"_placeholder\":true,\"num\":0}]",
    "461-3[]",
    "5",
    "6",
    "b4AQID",
];

/// Bytes that are structurally meaningful to the codec or to UTF-8.
const INTERESTING: &[u8] = &[
    b'0', b'1', b'2', b'3', b'4', b'5', b'6', b'7', b'9', b'[', b']', b'{', b'}', b'"', b',', b'/', b'\\', b':', b'-',
    b'.', b'e', b'u', b' ', b'\n', 0x00, 0x7f, 0x80, 0xc3, 0xe2, 0xf0, 0xff,
];

/// Decodes both as bytes and as (lossily repaired) text, checking the
/// invariants. Returns whether the text form decoded.
fn check(bytes: &[u8]) -> bool {
    check_result(EnginePacket::decode_bytes(bytes));
    let text = String::from_utf8_lossy(bytes);
    // The client's one-pass decoder must not panic either.
    let _ = Inbound::decode(&text);
    let result = EnginePacket::decode(&text);
    let ok = result.is_ok();
    check_result(result);
    ok
}

fn check_result(result: Result<EnginePacket, CodecError>) {
    match result {
        Ok(packet) => {
            let encoded = packet.encode();
            let again =
                EnginePacket::decode(&encoded).unwrap_or_else(|error| panic!("{encoded:?} re-decoded to {error}"));
            assert!(
                equivalent(&again, &packet),
                "round trip of {encoded:?}: {again:?} != {packet:?}"
            );
        }
        Err(error) => {
            // Display and source must not panic either; excerpts stay bounded.
            let _ = error.to_string();
            let _ = std::error::Error::source(&error).map(ToString::to_string);
            match &error {
                CodecError::InvalidJson { excerpt, .. } => {
                    assert!(excerpt.chars().count() <= MAX_EXCERPT_CHARS);
                }
                CodecError::AckIdOverflow { digits } => {
                    assert!(digits.chars().count() <= MAX_EXCERPT_CHARS);
                }
                _ => {}
            }
        }
    }
}

/// Packet equality, except that floats may differ in their last bit:
/// serde_json (without its `float_roundtrip` feature) does not always parse
/// the shortest representation it prints back to the same `f64`.
fn equivalent(a: &EnginePacket, b: &EnginePacket) -> bool {
    if a == b {
        return true;
    }
    let (EnginePacket::Message(a), EnginePacket::Message(b)) = (a, b) else {
        return false;
    };
    match (a, b) {
        (
            SocketPacket::Event {
                namespace: na,
                ack_id: ia,
                name: ma,
                args: aa,
            },
            SocketPacket::Event {
                namespace: nb,
                ack_id: ib,
                name: mb,
                args: ab,
            },
        ) => na == nb && ia == ib && ma == mb && all_close(aa, ab),
        (
            SocketPacket::Ack {
                namespace: na,
                ack_id: ia,
                args: aa,
            },
            SocketPacket::Ack {
                namespace: nb,
                ack_id: ib,
                args: ab,
            },
        ) => na == nb && ia == ib && all_close(aa, ab),
        (
            SocketPacket::Connect {
                namespace: na,
                data: Some(da),
            },
            SocketPacket::Connect {
                namespace: nb,
                data: Some(db),
            },
        )
        | (
            SocketPacket::ConnectError {
                namespace: na,
                data: da,
            },
            SocketPacket::ConnectError {
                namespace: nb,
                data: db,
            },
        ) => na == nb && close(da, db),
        _ => false,
    }
}

fn all_close(a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| close(a, b))
}

fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-15,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => all_close(x, y),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| close(value, other)))
        }
        _ => a == b,
    }
}

#[test]
fn float_drift_is_the_only_round_trip_difference() {
    // Documents the serde_json behaviour the comparison above tolerates.
    let frame = "42[\"x\",-3.0000000000000002e+50]";
    let packet = EnginePacket::decode(frame).unwrap();
    let again = EnginePacket::decode(&packet.encode()).unwrap();
    assert!(equivalent(&again, &packet));
}

#[test]
fn seeds_behave() {
    let decoded = SEEDS.iter().filter(|seed| check(seed.as_bytes())).count();
    // Everything but the empty frame, the binary packets and `b4AQID`.
    assert_eq!(decoded, SEEDS.len() - 4);
}

#[test]
fn truncations_never_panic() {
    for seed in SEEDS {
        let bytes = seed.as_bytes();
        for end in 0..=bytes.len() {
            check(&bytes[..end]);
            check(&bytes[end..]);
        }
    }
}

#[test]
fn single_byte_edits_never_panic() {
    for seed in SEEDS {
        let bytes = seed.as_bytes();
        for index in 0..bytes.len() {
            // Deletion.
            let mut deleted = bytes.to_vec();
            deleted.remove(index);
            check(&deleted);
            // Replacement and insertion of every interesting byte.
            for &byte in INTERESTING {
                let mut replaced = bytes.to_vec();
                replaced[index] = byte;
                check(&replaced);
                let mut inserted = bytes.to_vec();
                inserted.insert(index, byte);
                check(&inserted);
            }
            // Bit flips.
            for bit in 0..8 {
                let mut flipped = bytes.to_vec();
                flipped[index] ^= 1 << bit;
                check(&flipped);
            }
            // Swap with the next byte, and duplication.
            if index + 1 < bytes.len() {
                let mut swapped = bytes.to_vec();
                swapped.swap(index, index + 1);
                check(&swapped);
            }
            let mut doubled = bytes.to_vec();
            doubled.insert(index, bytes[index]);
            check(&doubled);
        }
    }
}

#[test]
fn splices_never_panic() {
    for a in SEEDS {
        for b in SEEDS {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            for cut in [0, 1, 2, 3, a.len() / 2, a.len()] {
                let cut = cut.min(a.len());
                let mut spliced = a[..cut].to_vec();
                spliced.extend_from_slice(b);
                check(&spliced);
                let mut tail = a[..cut].to_vec();
                tail.extend_from_slice(&b[b.len().min(2)..]);
                check(&tail);
            }
        }
    }
}

#[test]
fn random_mutations_never_panic() {
    let mut rng = fastrand::Rng::with_seed(0x00C0_FFEE);
    for _ in 0..40_000 {
        let seed = SEEDS[rng.usize(..SEEDS.len())].as_bytes();
        let mut bytes = seed.to_vec();
        for _ in 0..rng.usize(1..6) {
            match rng.u8(..5) {
                0 if !bytes.is_empty() => {
                    let index = rng.usize(..bytes.len());
                    bytes[index] = INTERESTING[rng.usize(..INTERESTING.len())];
                }
                1 => {
                    let index = rng.usize(..=bytes.len());
                    bytes.insert(index, rng.u8(..));
                }
                2 if !bytes.is_empty() => {
                    let index = rng.usize(..bytes.len());
                    bytes.remove(index);
                }
                3 if !bytes.is_empty() => {
                    let end = rng.usize(..=bytes.len());
                    bytes.truncate(end);
                }
                _ => {
                    // Repeat a slice, to grow numbers, namespaces and nesting.
                    if !bytes.is_empty() {
                        let start = rng.usize(..bytes.len());
                        let end = rng.usize(start..=bytes.len());
                        let piece = bytes[start..end].to_vec();
                        let at = rng.usize(..=bytes.len());
                        bytes.splice(at..at, piece);
                    }
                }
            }
        }
        check(&bytes);
    }
}

#[test]
fn generated_token_soup_never_panics() {
    const TOKENS: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "9",
        "/",
        "/ns",
        ",",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "\"a\"",
        ":",
        "null",
        "true",
        "1e999",
        "-0",
        "18446744073709551616",
        "\\u0000",
        "\\ud800",
        "é",
        "✓",
        " ",
    ];
    let mut rng = fastrand::Rng::with_seed(42);
    for _ in 0..30_000 {
        let mut frame = String::new();
        for _ in 0..rng.usize(0..12) {
            frame.push_str(TOKENS[rng.usize(..TOKENS.len())]);
        }
        check(frame.as_bytes());
    }
}

#[test]
fn pathological_sizes_never_panic() {
    let deep_array = format!("42{}{}", "[".repeat(10_000), "]".repeat(10_000));
    check(deep_array.as_bytes());
    let deep_object = format!("40{}", "{\"a\":".repeat(5_000));
    check(deep_object.as_bytes());
    let long_namespace = format!("40/{},", "n".repeat(100_000));
    assert!(check(long_namespace.as_bytes()));
    let long_ack = format!("42{}[\"x\"]", "1".repeat(100_000));
    assert!(!check(long_ack.as_bytes()));
    let long_ping = format!("2{}", "p".repeat(100_000));
    assert!(check(long_ping.as_bytes()));
    let long_bad_json = format!("42[\"{}", "é".repeat(100_000));
    assert!(!check(long_bad_json.as_bytes()));
}
