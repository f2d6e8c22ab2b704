//! Property tests: path templates never let a value escape its segment, the
//! envelope decoder never panics and accepts only Crisp envelopes, and its
//! errors stay bounded whatever the body.

use bytes::Bytes;
use crisp_rest::{ApiResponse, Error, expand_path};
use http::{HeaderMap, StatusCode};
use percent_encoding::percent_decode_str;
use proptest::prelude::*;

const TEMPLATE: &str = "website/{website_id}/conversation/{session_id}/message/{fingerprint}";

fn response(status: u16, body: Vec<u8>) -> ApiResponse {
    ApiResponse::new(
        "property",
        StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
        HeaderMap::new(),
        Bytes::from(body),
    )
}

/// The length of an error's whole `Display` chain.
fn rendered_len(error: &Error) -> usize {
    let mut length = error.to_string().len();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        length += cause.to_string().len();
        source = cause.source();
    }
    length
}

proptest! {
    #[test]
    fn path_values_stay_in_their_segment(values in proptest::collection::vec(prop_oneof![Just(".".to_owned()), Just("..".to_owned()), ".{1,40}"], 3)) {
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        let expanded = expand_path("property", TEMPLATE, &refs);
        if refs.iter().any(|value| matches!(*value, "." | "..")) {
            prop_assert!(expanded.is_err(), "a dot segment must be refused");
            return Ok(());
        }
        let path = expanded.expect("non-empty values expand");
        let segments: Vec<&str> = path.split('/').collect();
        prop_assert_eq!(segments.len(), 6);
        prop_assert!(!path.contains('?') && !path.contains('#'));
        for (segment, value) in [segments[1], segments[3], segments[5]].into_iter().zip(&values) {
            prop_assert!(segment != "." && segment != "..");
            let decoded = percent_decode_str(segment).decode_utf8().expect("utf-8");
            prop_assert_eq!(decoded.as_ref(), value.as_str());
        }
    }

    #[test]
    fn the_decoder_never_panics_on_arbitrary_bytes(body in proptest::collection::vec(any::<u8>(), 0..512), status in 100u16..600) {
        let _ = response(status, body.clone()).data::<serde_json::Value>();
        let _ = response(status, body.clone()).empty();
        let _ = response(status, body).exists();
    }

    #[test]
    fn only_envelopes_with_error_false_succeed(error in proptest::option::of(any::<bool>()), data in proptest::option::of(".{0,20}")) {
        let mut object = serde_json::Map::new();
        if let Some(flag) = error {
            object.insert("error".into(), flag.into());
        }
        if let Some(text) = &data {
            object.insert("data".into(), text.clone().into());
        }
        let body = serde_json::to_vec(&object).expect("a map encodes");
        let decoded = response(200, body).data::<Option<String>>();
        match error {
            Some(false) => prop_assert_eq!(decoded.ok(), Some(data)),
            Some(true) => prop_assert!(matches!(decoded, Err(Error::Api(_)))),
            None => prop_assert!(matches!(decoded, Err(Error::Decode(_)))),
        }
    }

    #[test]
    fn decode_errors_stay_bounded(filler in "[a-z\"\\\\{}]{0,64}", repeat in 1usize..20_000) {
        let body = format!(r#"{{"error":false,"data":{{"n":"{}"}}}}"#, filler.repeat(repeat)).into_bytes();
        if let Err(error) = response(200, body).data::<std::collections::HashMap<String, u8>>() {
            prop_assert!(rendered_len(&error) < 2_000, "{} bytes", rendered_len(&error));
        }
    }
}
