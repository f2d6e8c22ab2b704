//! Property tests of the Web Hook side (proptest, stable Rust): the parser
//! never panics and reads every well-formed hook whole, and the signature
//! accepts exactly what was signed.

#![cfg(feature = "webhook")]

use crisp_rtm::webhook::{
    ReceivedHook, SignatureError, WebhookError, parse_envelope, parse_webhook, sign, verify_signature,
};
use crisp_types::event::Event;
use http::HeaderMap;
use proptest::prelude::*;
use serde_json::{Map, Value};

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        text(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(8), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Bodies close to hook payloads, cut and mixed.
fn body_like() -> impl Strategy<Value = Vec<u8>> {
    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"event\"",
        "\"data\"",
        "\"website_id\"",
        "\"timestamp\"",
        "\"message:send\"",
        "\"session:set_state\"",
        "\"type\"",
        "\"text\"",
        "\"content\"",
        "\"\"",
        "null",
        "1",
        "-1",
        "1e400",
        "true",
        "\"w\"",
        "\\u0000",
        "é",
    ];
    prop::collection::vec(prop::sample::select(TOKENS), 0..24).prop_map(|tokens| tokens.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bodies_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = parse_envelope(&bytes);
        let _ = parse_webhook(&bytes);
        let _ = ReceivedHook::parse(&HeaderMap::new(), &bytes);
    }

    #[test]
    fn body_like_input_never_panics_and_errors_are_typed(body in body_like()) {
        match parse_webhook(&body) {
            Ok(event) => prop_assert!(!event.name().is_empty()),
            Err(WebhookError::Malformed { .. } | WebhookError::Decode(_)) => {}
            Err(other) => prop_assert!(false, "unexpected error {:?}", other),
        }
    }

    #[test]
    fn well_formed_hooks_are_read_whole(
        name in "[a-z]{1,8}:[a-z_]{1,12}",
        data in prop::collection::vec((text(8), json()), 0..5),
        website_id in prop::option::of(text(12)),
        timestamp in prop::option::of(any::<u32>()),
    ) {
        // A name no Crisp event has, so the data is kept as received.
        let name = format!("x-{name}");
        let data = Value::Object(data.into_iter().collect::<Map<_, _>>());
        let mut body = serde_json::json!({"event": name, "data": data});
        if let Some(website_id) = &website_id {
            body["website_id"] = Value::from(website_id.as_str());
        }
        if let Some(timestamp) = timestamp {
            body["timestamp"] = Value::from(timestamp);
        }
        let bytes = serde_json::to_vec(&body).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let envelope = parse_envelope(&bytes).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(envelope.website_id.as_ref().map(|id| id.as_str()), website_id.as_deref());
        prop_assert_eq!(envelope.timestamp.map(|t| t.as_millis()), timestamp.map(u64::from));
        let event = parse_webhook(&bytes).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(event, Event::Unknown { name, data });
    }

    #[test]
    fn a_signature_accepts_exactly_what_was_signed(
        secret in prop::collection::vec(any::<u8>(), 1..64),
        timestamp in "[0-9]{1,16}",
        body in prop::collection::vec(any::<u8>(), 1..256),
        flip in any::<prop::sample::Index>(),
        bit in 0_u8..8,
    ) {
        let signature = sign(&secret, &timestamp, &body);
        prop_assert_eq!(verify_signature(&secret, &timestamp, &body, &signature), Ok(()));
        prop_assert_eq!(
            verify_signature(&secret, &timestamp, &body, &signature.to_ascii_uppercase()),
            Ok(())
        );
        let mut tampered = body.clone();
        tampered[flip.index(body.len())] ^= 1 << bit;
        prop_assert_eq!(
            verify_signature(&secret, &timestamp, &tampered, &signature),
            Err(SignatureError::Mismatch)
        );
        let other_timestamp = format!("{timestamp}0");
        prop_assert_eq!(
            verify_signature(&secret, &other_timestamp, &body, &signature),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn arbitrary_signature_headers_never_panic(header in text(80), body in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = verify_signature(b"secret", "1700000000123", &body, &header);
    }
}
