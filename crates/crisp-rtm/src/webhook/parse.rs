//! Parsing a Web Hook body into an [`Event`] (PROTOCOL §8.3).
//!
//! A hook body is `{"website_id","event","data","timestamp"}`. It must be a
//! JSON object whose `event` is a non-empty string and whose `data` is an
//! object (an array is refused, unlike the Node SDK); anything else is a
//! [`WebhookError::Malformed`] payload. `website_id` and `timestamp` are
//! informational: when they are missing, `null` or of an unexpected shape they
//! read as `None` rather than failing the hook.
//!
//! Parse only a body whose signature was checked first (see
//! [`verify_request`](super::verify_request)), or use
//! [`WebhookReceiver`](super::WebhookReceiver), which does both.

use crisp_types::event::{Event, WebhookEnvelope};
use crisp_types::{Timestamp, WebsiteId};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::WebhookError;

/// Parses a hook body into its envelope, checking its shape.
///
/// The returned envelope has a non-empty `event` and an object `data`;
/// [`WebhookEnvelope::into_event`] decodes it. Use this rather than
/// [`parse_webhook`] to look at the event name before decoding the data (the
/// receiver does, to drop unsubscribed events without decoding them) or to
/// keep `website_id` and `timestamp`.
///
/// ```
/// use crisp_rtm::webhook::parse_envelope;
///
/// let envelope = parse_envelope(br#"{"website_id":"w1","event":"message:send","data":{},"timestamp":1}"#)?;
/// assert_eq!(envelope.event, "message:send");
/// assert_eq!(envelope.website_id.as_ref().map(|id| id.as_str()), Some("w1"));
/// assert_eq!(envelope.timestamp.map(|t| t.as_millis()), Some(1));
/// # Ok::<(), crisp_rtm::webhook::WebhookError>(())
/// ```
///
/// # Errors
///
/// [`WebhookError::Malformed`] when the body is not JSON, not an object, has
/// no non-empty `event` string, or no `data` object.
pub fn parse_envelope(body: &[u8]) -> Result<WebhookEnvelope, WebhookError> {
    let value: Value = serde_json::from_slice(body).map_err(|source| WebhookError::Malformed {
        reason: "the body is not valid JSON",
        source: Some(source),
    })?;
    let Value::Object(mut object) = value else {
        return Err(WebhookError::malformed("the body is not a JSON object"));
    };
    let event = match object.remove("event") {
        Some(Value::String(event)) if !event.is_empty() => event,
        Some(Value::String(_)) => return Err(WebhookError::malformed("`event` is empty")),
        Some(_) => return Err(WebhookError::malformed("`event` is not a string")),
        None => return Err(WebhookError::malformed("`event` is missing")),
    };
    let data = match object.remove("data") {
        Some(data @ Value::Object(_)) => data,
        Some(_) => return Err(WebhookError::malformed("`data` is not a JSON object")),
        None => return Err(WebhookError::malformed("`data` is missing")),
    };
    Ok(WebhookEnvelope {
        website_id: informational::<WebsiteId>(&mut object, "website_id"),
        event,
        data,
        timestamp: informational::<Timestamp>(&mut object, "timestamp"),
    })
}

/// Parses a hook body into an [`Event`].
///
/// An event name this version does not know gives [`Event::Unknown`], with
/// the name and data kept.
///
/// ```
/// use crisp_rtm::webhook::parse_webhook;
/// use crisp_types::event::Event;
///
/// let event = parse_webhook(br#"{"event":"website:users:available","data":{"available":true}}"#)?;
/// assert!(matches!(event, Event::WebsiteUsersAvailable(ref users) if users.available == Some(true)));
///
/// let unknown = parse_webhook(br#"{"event":"session:set_mood","data":{"mood":"happy"}}"#)?;
/// assert!(matches!(unknown, Event::Unknown { ref name, .. } if name == "session:set_mood"));
///
/// assert!(parse_webhook(br#"{"event":"message:send","data":[]}"#).is_err());
/// # Ok::<(), crisp_rtm::webhook::WebhookError>(())
/// ```
///
/// # Errors
///
/// As [`parse_envelope`], plus [`WebhookError::Decode`] when a known event's
/// data has a field of the wrong type.
pub fn parse_webhook(body: &[u8]) -> Result<Event, WebhookError> {
    Ok(parse_envelope(body)?.into_event()?)
}

/// Takes an informational envelope field, reading anything unexpected as
/// `None`.
fn informational<T: for<'de> Deserialize<'de>>(object: &mut Map<String, Value>, key: &str) -> Option<T> {
    object.remove(key).and_then(|value| T::deserialize(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(body: &[u8]) -> &'static str {
        match parse_envelope(body) {
            Err(WebhookError::Malformed { reason, .. }) => reason,
            other => panic!("expected a malformed payload, got {other:?}"),
        }
    }

    #[test]
    fn refuses_every_malformed_shape() {
        assert_eq!(reason(b""), "the body is not valid JSON");
        assert_eq!(reason(b"{"), "the body is not valid JSON");
        assert_eq!(reason(b"[]"), "the body is not a JSON object");
        assert_eq!(reason(b"\"event\""), "the body is not a JSON object");
        assert_eq!(reason(br#"{"data":{}}"#), "`event` is missing");
        assert_eq!(reason(br#"{"event":"","data":{}}"#), "`event` is empty");
        assert_eq!(reason(br#"{"event":7,"data":{}}"#), "`event` is not a string");
        assert_eq!(reason(br#"{"event":"message:send"}"#), "`data` is missing");
        assert_eq!(
            reason(br#"{"event":"message:send","data":[]}"#),
            "`data` is not a JSON object"
        );
        assert_eq!(
            reason(br#"{"event":"message:send","data":null}"#),
            "`data` is not a JSON object"
        );
    }

    #[test]
    fn json_errors_keep_their_source_out_of_display() {
        let error = parse_envelope(b"{").unwrap_err();
        assert_eq!(
            error.to_string(),
            "malformed web hook payload: the body is not valid JSON"
        );
        assert!(std::error::Error::source(&error).is_some());
    }

    #[test]
    fn informational_fields_are_lenient() {
        let envelope = parse_envelope(br#"{"website_id":5,"event":"x:y","data":{},"timestamp":"soon"}"#).unwrap();
        assert_eq!(envelope.website_id, None);
        assert_eq!(envelope.timestamp, None);
        let envelope = parse_envelope(br#"{"website_id":null,"event":"x:y","data":{},"timestamp":-1}"#).unwrap();
        assert_eq!(envelope.website_id, None);
        assert_eq!(envelope.timestamp, None);
    }

    #[test]
    fn wrong_typed_known_data_is_a_decode_error() {
        let error = parse_webhook(br#"{"event":"session:set_state","data":{"website_id":42}}"#).unwrap_err();
        match error {
            WebhookError::Decode(decode) => {
                assert_eq!(decode.name(), "session:set_state");
                assert_eq!(decode.data(), &serde_json::json!({"website_id": 42}));
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn deeply_nested_bodies_do_not_overflow() {
        let mut body = String::from(r#"{"event":"x:y","data":{"a":"#);
        body.push_str(&"[".repeat(100_000));
        body.push_str(&"]".repeat(100_000));
        body.push_str("}}");
        assert!(matches!(
            parse_envelope(body.as_bytes()),
            Err(WebhookError::Malformed { .. })
        ));
    }
}
