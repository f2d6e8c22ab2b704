//! Web Hook signature verification (PROTOCOL.md §8.2).
#![cfg(feature = "webhook")]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crisp_rtm::webhook::{SignatureError, WebhookVerifier, sign, verify_signature, verify_widget_signature};

const SECRET: &[u8] = b"crisp-test-secret";
const TIMESTAMP: &str = "1700000000123";

/// Vector 1: a single-line, 357-byte body.
const BODY_1: &str = r#"{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f","type":"text","content":"Hey :)","from":"user","origin":"chat","stamped":true,"timestamp":1506985696616,"fingerprint":150698569649423},"timestamp":1506985696616}"#;
const SIGNATURE_1: &str = "09f2fbda34e32c7fbaa6e5e7fb8888b67c41eba0decd30a8c90642ecee644bdf";

/// Vector 2: non-ASCII content (`é` = C3 A9, `✓` = E2 9C 93).
const BODY_2: &str =
    "{\"website_id\":\"w1\",\"event\":\"message:send\",\"data\":{\"content\":\"h\u{e9}llo \u{2713}\"},\"timestamp\":1}";
const SIGNATURE_2: &str = "4d299032c98855410edb5c58d31c8dfb87eb5ff7df1fed20d1826e1bc624a35b";

#[test]
fn vector_bodies_are_byte_exact() {
    assert_eq!(BODY_1.len(), 357);
    assert!(!BODY_1.contains('\n'));
    assert_eq!(BODY_2.len(), 88);
    let bytes = BODY_2.as_bytes();
    assert!(bytes.windows(2).any(|w| w == [0xC3, 0xA9]));
    assert!(bytes.windows(3).any(|w| w == [0xE2, 0x9C, 0x93]));
}

#[test]
fn vector_1_verifies() {
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, BODY_1.as_bytes(), SIGNATURE_1),
        Ok(())
    );
    assert_eq!(sign(SECRET, TIMESTAMP, BODY_1.as_bytes()), SIGNATURE_1);
}

#[test]
fn vector_2_verifies() {
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, BODY_2.as_bytes(), SIGNATURE_2),
        Ok(())
    );
    assert_eq!(sign(SECRET, TIMESTAMP, BODY_2.as_bytes()), SIGNATURE_2);
}

#[test]
fn widget_signature_uses_the_same_scheme() {
    assert_eq!(
        verify_widget_signature(SECRET, TIMESTAMP, BODY_1.as_bytes(), SIGNATURE_1),
        Ok(())
    );
    assert_eq!(
        verify_widget_signature(SECRET, TIMESTAMP, b"{}", SIGNATURE_1),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn sign_is_lowercase_hex() {
    let signature = sign(b"k", "1", b"x");
    assert_eq!(signature.len(), 64);
    assert!(
        signature
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
}

#[test]
fn uppercase_and_mixed_case_hex_are_accepted() {
    let upper = SIGNATURE_1.to_ascii_uppercase();
    assert_eq!(verify_signature(SECRET, TIMESTAMP, BODY_1.as_bytes(), &upper), Ok(()));
    let mixed: String = SIGNATURE_1
        .chars()
        .enumerate()
        .map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c })
        .collect();
    assert_eq!(verify_signature(SECRET, TIMESTAMP, BODY_1.as_bytes(), &mixed), Ok(()));
}

#[test]
fn tampered_body_is_refused() {
    let tampered = BODY_1.replace("Hey :)", "Hey :(");
    assert_eq!(tampered.len(), BODY_1.len());
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, tampered.as_bytes(), SIGNATURE_1),
        Err(SignatureError::Mismatch)
    );
    // One flipped bit anywhere in the body breaks the signature.
    let mut bytes = BODY_1.as_bytes().to_vec();
    for index in [0, 100, 356] {
        bytes[index] ^= 0x01;
        assert_eq!(
            verify_signature(SECRET, TIMESTAMP, &bytes, SIGNATURE_1),
            Err(SignatureError::Mismatch)
        );
        bytes[index] ^= 0x01;
    }
    assert_eq!(verify_signature(SECRET, TIMESTAMP, &bytes, SIGNATURE_1), Ok(()));
}

#[test]
fn re_serialised_body_is_refused() {
    // A pretty-printed (re-serialised) body is not the signed body.
    let value: serde_json::Value = serde_json::from_str(BODY_1).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, pretty.as_bytes(), SIGNATURE_1),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn wrong_secret_and_timestamp_are_refused() {
    assert_eq!(
        verify_signature(b"crisp-test-secreT", TIMESTAMP, BODY_1.as_bytes(), SIGNATURE_1),
        Err(SignatureError::Mismatch)
    );
    // The timestamp is signed verbatim: the same instant written otherwise
    // does not verify.
    assert_eq!(
        verify_signature(SECRET, "1700000000124", BODY_1.as_bytes(), SIGNATURE_1),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify_signature(SECRET, " 1700000000123", BODY_1.as_bytes(), SIGNATURE_1),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn a_different_signature_of_the_right_shape_is_a_mismatch() {
    let mut other = SIGNATURE_1.to_owned();
    other.replace_range(63..64, "e");
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, BODY_1.as_bytes(), &other),
        Err(SignatureError::Mismatch)
    );
    let zeros = "0".repeat(64);
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, BODY_1.as_bytes(), &zeros),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn bad_hex_is_malformed() {
    let body = BODY_1.as_bytes();
    for signature in [
        "zz".repeat(32),
        format!("{}g", &SIGNATURE_1[..63]),
        format!(" {}", &SIGNATURE_1[..63]),
        format!("{SIGNATURE_1}\n"),
        format!("0x{}", &SIGNATURE_1[..62]),
        format!("sha256={SIGNATURE_1}"),
        "é".repeat(32),
    ] {
        assert_eq!(
            verify_signature(SECRET, TIMESTAMP, body, &signature),
            Err(SignatureError::MalformedSignature),
            "{signature:?}"
        );
    }
}

#[test]
fn wrong_length_is_refused() {
    let body = BODY_1.as_bytes();
    for (signature, hex_digits) in [(&SIGNATURE_1[..62], 62), (&SIGNATURE_1[..63], 63), ("ab", 2), ("a", 1)] {
        assert_eq!(
            verify_signature(SECRET, TIMESTAMP, body, signature),
            Err(SignatureError::WrongLength { hex_digits })
        );
    }
    let longer = format!("{SIGNATURE_1}00");
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, body, &longer),
        Err(SignatureError::WrongLength { hex_digits: 66 })
    );
}

#[test]
fn empty_inputs_have_distinct_errors() {
    let body = BODY_1.as_bytes();
    assert_eq!(
        verify_signature(b"", TIMESTAMP, body, SIGNATURE_1),
        Err(SignatureError::EmptySecret)
    );
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, body, ""),
        Err(SignatureError::EmptySignature)
    );
    assert_eq!(
        verify_signature(SECRET, "", body, SIGNATURE_1),
        Err(SignatureError::EmptyTimestamp)
    );
    assert_eq!(
        verify_signature(SECRET, TIMESTAMP, b"", SIGNATURE_1),
        Err(SignatureError::EmptyBody)
    );
    // An empty secret is refused even with a signature made with it.
    let with_empty_key = sign(b"", TIMESTAMP, body);
    assert_eq!(
        verify_signature(b"", TIMESTAMP, body, &with_empty_key),
        Err(SignatureError::EmptySecret)
    );
}

#[test]
fn long_secrets_work() {
    // Keys longer than the SHA-256 block (64 bytes) are hashed first.
    let secret = [7_u8; 200];
    let signature = sign(&secret, TIMESTAMP, b"{}");
    assert_eq!(verify_signature(&secret, TIMESTAMP, b"{}", &signature), Ok(()));
    assert_eq!(
        verify_signature(&secret[..199], TIMESTAMP, b"{}", &signature),
        Err(SignatureError::Mismatch)
    );
}

fn fixed_clock(millis: u64) -> impl Fn() -> SystemTime + Send + Sync + 'static {
    move || UNIX_EPOCH + Duration::from_millis(millis)
}

#[test]
fn verifier_without_tolerance_ignores_time() {
    let verifier = WebhookVerifier::new("crisp-test-secret").with_clock(fixed_clock(0));
    assert_eq!(verifier.tolerance(), None);
    assert_eq!(verifier.verify(TIMESTAMP, SIGNATURE_1, BODY_1.as_bytes()), Ok(()));
    // Even a timestamp that is not a number, as long as it is signed.
    let signature = sign(SECRET, "yesterday", b"{}");
    assert_eq!(verifier.verify("yesterday", &signature, b"{}"), Ok(()));
}

#[test]
fn verifier_tolerance_in_milliseconds() {
    let verifier = WebhookVerifier::new(SECRET.to_vec()).with_tolerance(Duration::from_secs(300));
    let at = |now_ms| verifier.clone().with_clock(fixed_clock(now_ms));
    let emitted = 1_700_000_000_123_u64;

    for now in [emitted, emitted + 299_999, emitted + 300_000, emitted - 300_000] {
        assert_eq!(
            at(now).verify(TIMESTAMP, SIGNATURE_1, BODY_1.as_bytes()),
            Ok(()),
            "now = {now}"
        );
    }
    assert_eq!(
        at(emitted + 300_001).verify(TIMESTAMP, SIGNATURE_1, BODY_1.as_bytes()),
        Err(SignatureError::OutsideTolerance {
            skew: Duration::from_millis(300_001),
            tolerance: Duration::from_secs(300),
        })
    );
    // A timestamp from the future is refused too.
    assert_eq!(
        at(emitted - 400_000).verify(TIMESTAMP, SIGNATURE_1, BODY_1.as_bytes()),
        Err(SignatureError::OutsideTolerance {
            skew: Duration::from_secs(400),
            tolerance: Duration::from_secs(300),
        })
    );
}

#[test]
fn verifier_tolerance_in_seconds() {
    let verifier = WebhookVerifier::new("k")
        .with_tolerance(Duration::from_secs(60))
        .with_clock(fixed_clock(1_700_000_030_000));
    let body = b"{}";
    let inside = "1700000000";
    assert_eq!(verifier.verify(inside, &sign(b"k", inside, body), body), Ok(()));
    let outside = "1699999000";
    assert!(matches!(
        verifier.verify(outside, &sign(b"k", outside, body), body),
        Err(SignatureError::OutsideTolerance { .. })
    ));
}

#[test]
fn verifier_tolerance_needs_a_numeric_timestamp() {
    let verifier = WebhookVerifier::new("k")
        .with_tolerance(Duration::from_secs(60))
        .with_clock(fixed_clock(1_700_000_000_000));
    let body = b"{}";
    for timestamp in [
        "abc",
        "-1700000000",
        "+1700000000",
        "1700000000.5",
        "99999999999999999999999",
    ] {
        assert_eq!(
            verifier.verify(timestamp, &sign(b"k", timestamp, body), body),
            Err(SignatureError::InvalidTimestamp),
            "{timestamp}"
        );
    }
    // u64::MAX milliseconds is still a representable instant on common
    // platforms or an invalid one; it is never accepted.
    let huge = u64::MAX.to_string();
    assert!(verifier.verify(&huge, &sign(b"k", &huge, body), body).is_err());
}

#[test]
fn verifier_checks_the_signature_before_the_time() {
    let verifier = WebhookVerifier::new("k")
        .with_tolerance(Duration::from_secs(1))
        .with_clock(fixed_clock(0));
    assert_eq!(
        verifier.verify("1", &"0".repeat(64), b"{}"),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn verifier_debug_hides_the_secret() {
    let verifier = WebhookVerifier::new("super-secret-value");
    let debug = format!("{verifier:?}");
    assert!(!debug.contains("super-secret-value"), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
}

#[test]
fn errors_display_without_secrets() {
    let message = SignatureError::WrongLength { hex_digits: 3 }.to_string();
    assert!(message.contains('3'));
    assert_eq!(SignatureError::Mismatch.to_string(), "the signature does not match");
}
