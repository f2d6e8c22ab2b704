//! Decoding Crisp's answers: the `{error, reason, data}` envelope into the
//! typed `data`, or into an [`Error`].

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

use crate::error::{ApiError, DecodeError, Error, bounded};

/// A buffered HTTP answer from Crisp, before decoding.
#[derive(Debug, Clone)]
pub struct ApiResponse {
    route: &'static str,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// The envelope, with `data` decoded lazily by the caller's type.
///
/// `error` has no default: a success answer without it is not a Crisp
/// envelope.
#[derive(Deserialize)]
struct Envelope<T> {
    error: bool,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default = "Option::default")]
    data: Option<T>,
}

/// The parts of an error envelope worth keeping.
#[derive(Deserialize)]
struct ErrorEnvelope {
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    data: Option<ErrorData>,
}

/// The parts of an error envelope's `data` worth keeping.
#[derive(Deserialize)]
struct ErrorData {
    #[serde(default)]
    message: Option<serde_json::Value>,
}

/// How much of Crisp's `reason` and `data.message` an error keeps.
const MESSAGE_CHARS: usize = 500;

impl ApiResponse {
    /// Wraps an answer received for the endpoint `route`.
    pub fn new(route: &'static str, status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        Self {
            route,
            status,
            headers,
            body,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// Decodes `data` into `T`.
    ///
    /// An error status becomes [`Error::Api`]; an envelope with no `data`
    /// decodes `T` from `{}`, `null` or `[]`, the first that fits (Crisp omits
    /// `data` when it has nothing to say).
    /// A success body that is not a Crisp envelope (a JSON object with
    /// `"error": false`), is not UTF-8, or does not fit `T` becomes
    /// [`Error::Decode`], with the JSON path of the first mismatch.
    ///
    /// Decoding takes serde's plain path first; only a body that fails is
    /// decoded a second time with path tracking, to say where.
    pub fn data<T: DeserializeOwned>(self) -> Result<T, Error> {
        self.check_status()?;
        let text = self.text()?;
        let envelope = match serde_json::from_str::<Envelope<T>>(text) {
            Ok(envelope) => envelope,
            Err(_) => return Err(self.locate_decode_error::<Envelope<T>>(text)),
        };
        if envelope.error {
            return Err(self.api_error(envelope.reason));
        }
        match envelope.data {
            Some(data) => Ok(data),
            // Crisp omits `data` when it has nothing to say: nothing is an
            // empty object, `None` or an empty list, whichever `T` is.
            None => serde_json::from_str("{}")
                .or_else(|_| serde_json::from_str("null"))
                .or_else(|_| serde_json::from_str("[]"))
                .map_err(|error| self.decode_error("data", &error.to_string())),
        }
    }

    /// Checks an answer that carries no result (`data` is ignored).
    ///
    /// An error status, or an envelope that says `"error": true`, becomes
    /// [`Error::Api`]; a success body that is not a Crisp envelope becomes
    /// [`Error::Decode`].
    pub fn empty(self) -> Result<(), Error> {
        self.check_status()?;
        let text = self.text()?;
        match serde_json::from_str::<Envelope<IgnoredAny>>(text) {
            Ok(envelope) if envelope.error => Err(self.api_error(envelope.reason)),
            Ok(_) => Ok(()),
            Err(_) => Err(self.locate_decode_error::<Envelope<IgnoredAny>>(text)),
        }
    }

    /// Interprets the answer to a `HEAD` "check exists" route: 2xx is `true`,
    /// 404 is `false`, anything else an [`Error::Api`] (reason `route_error`
    /// for other 4xx, `server_error` for 5xx, as the official SDKs say).
    pub fn exists(self) -> Result<bool, Error> {
        if self.status.is_success() {
            Ok(true)
        } else if self.status == StatusCode::NOT_FOUND {
            Ok(false)
        } else {
            let reason = if self.status.is_server_error() {
                "server_error"
            } else {
                "route_error"
            };
            Err(Error::Api(ApiError {
                route: self.route,
                status: self.status,
                reason: Some(reason.to_owned()),
                message: None,
            }))
        }
    }

    /// The body as text; a body that is not UTF-8 is not a Crisp answer.
    fn text(&self) -> Result<&str, Error> {
        std::str::from_utf8(&self.body).map_err(|error| {
            self.decode_error(
                "",
                &format!("the body is not UTF-8 (invalid byte at offset {})", error.valid_up_to()),
            )
        })
    }

    fn check_status(&self) -> Result<(), Error> {
        if self.status.is_client_error() || self.status.is_server_error() {
            let (reason, message) = self.error_details();
            return Err(Error::Api(ApiError {
                route: self.route,
                status: self.status,
                reason,
                message,
            }));
        }
        Ok(())
    }

    /// Crisp's `reason` and `data.message`, bounded, when the body is an
    /// error envelope (an edge or proxy error page is not: nothing is kept).
    fn error_details(&self) -> (Option<String>, Option<String>) {
        match serde_json::from_slice::<ErrorEnvelope>(&self.body) {
            Ok(envelope) => (
                envelope.reason.map(|reason| bounded(&reason, MESSAGE_CHARS)),
                envelope
                    .data
                    .and_then(|data| data.message)
                    .map(|message| bounded(&message_text(message), MESSAGE_CHARS)),
            ),
            Err(_) => (None, None),
        }
    }

    fn api_error(&self, reason: Option<String>) -> Error {
        let (_, message) = self.error_details();
        Error::Api(ApiError {
            route: self.route,
            status: self.status,
            reason: reason.map(|reason| bounded(&reason, MESSAGE_CHARS)),
            message,
        })
    }

    /// Decodes `text` again, tracking the JSON path, to say where it fails.
    fn locate_decode_error<E: DeserializeOwned>(&self, text: &str) -> Error {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, E>(&mut deserializer) {
            Ok(_) => self.decode_error("", "the body did not decode"),
            Err(error) => {
                let path = error.path().to_string();
                let inner = error.into_inner();
                let reason = if inner.to_string().contains("missing field `error`") {
                    "not a Crisp envelope (no `error` key)".to_owned()
                } else {
                    inner.to_string()
                };
                self.decode_error(&path, &reason)
            }
        }
    }

    fn decode_error(&self, path: &str, reason: &str) -> Error {
        Error::Decode(DecodeError::new(self.route, path, reason, &self.body))
    }
}

/// `data.message` is usually a string; anything else is kept as its JSON text.
fn message_text(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> ApiResponse {
        ApiResponse::new(
            "test_route",
            StatusCode::from_u16(status).unwrap(),
            HeaderMap::new(),
            Bytes::copy_from_slice(body.as_bytes()),
        )
    }

    #[test]
    fn decodes_data() {
        let value: Vec<u32> = response(200, r#"{"error":false,"reason":"listed","data":[1,2]}"#)
            .data()
            .unwrap();
        assert_eq!(value, vec![1, 2]);
    }

    #[test]
    fn error_status_keeps_reason_and_message() {
        let error = response(
            404,
            r#"{"error":true,"reason":"session_not_found","data":{"message":"gone"}}"#,
        )
        .data::<serde_json::Value>()
        .unwrap_err();
        let api = error.as_api().unwrap();
        assert_eq!(api.status(), StatusCode::NOT_FOUND);
        assert_eq!(api.reason(), Some("session_not_found"));
        assert_eq!(api.message(), Some("gone"));
        assert_eq!(
            error.to_string(),
            "test_route: Crisp answered HTTP 404 (session_not_found): gone"
        );
    }

    #[test]
    fn non_json_error_page_keeps_status_only() {
        let error = response(502, "<html>Bad gateway</html>").empty().unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));
        assert_eq!(error.reason(), None);
    }

    #[test]
    fn malformed_success_body_is_a_decode_error_with_path() {
        let error = response(200, r#"{"error":false,"data":[1,"two"]}"#)
            .data::<Vec<u32>>()
            .unwrap_err();
        match error {
            Error::Decode(decode) => {
                assert_eq!(decode.path(), "data[1]");
                assert!(decode.excerpt().contains("\"two\""));
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        let truncated = response(200, r#"{"error":false,"data":[1,"#)
            .data::<Vec<u32>>()
            .unwrap_err();
        assert!(matches!(truncated, Error::Decode(_)));
    }

    #[test]
    fn missing_data_decodes_from_empty_object() {
        let value: serde_json::Map<String, serde_json::Value> =
            response(200, r#"{"error":false,"reason":"updated"}"#).data().unwrap();
        assert!(value.is_empty());
    }

    #[test]
    fn error_flag_with_success_status_is_an_api_error() {
        let error = response(200, r#"{"error":true,"reason":"invalid_data"}"#)
            .empty()
            .unwrap_err();
        assert_eq!(error.reason(), Some("invalid_data"));
    }

    #[test]
    fn exists_maps_statuses() {
        assert!(response(200, "").exists().unwrap());
        assert!(!response(404, "").exists().unwrap());
        assert_eq!(response(403, "").exists().unwrap_err().reason(), Some("route_error"));
        assert_eq!(response(503, "").exists().unwrap_err().reason(), Some("server_error"));
    }

    /// The whole `Display` chain and the `Debug` of an error.
    fn rendered(error: &Error) -> (String, String) {
        let mut display = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            display.push_str(&cause.to_string());
            source = cause.source();
        }
        (display, format!("{error:?}"))
    }

    fn assert_bounded(error: &Error) {
        let (display, debug) = rendered(error);
        assert!(display.len() < 2_000, "Display chain of {} bytes", display.len());
        assert!(debug.len() < 3_000, "Debug of {} bytes", debug.len());
    }

    const MEGABYTES: usize = 3 * 1024 * 1024;

    #[test]
    fn errors_stay_bounded_whatever_the_body_holds() {
        let huge = "x".repeat(MEGABYTES);
        // A huge string where a number is expected.
        let field = response(200, &format!(r#"{{"error":false,"data":{{"count":"{huge}"}}}}"#))
            .data::<std::collections::HashMap<String, u32>>()
            .unwrap_err();
        assert!(matches!(field, Error::Decode(_)));
        assert_bounded(&field);
        // A huge key in a struct with a required field missing.
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code, reason = "only decoding is tested")]
        struct Needs {
            needed: u32,
        }
        let key = response(200, &format!(r#"{{"error":false,"data":{{"{huge}":1}}}}"#))
            .data::<Needs>()
            .unwrap_err();
        assert_bounded(&key);
        // A huge error message and reason.
        let message = response(
            400,
            &format!(r#"{{"error":true,"reason":"{huge}","data":{{"message":"{huge}"}}}}"#),
        )
        .empty()
        .unwrap_err();
        assert_eq!(message.status(), Some(StatusCode::BAD_REQUEST));
        assert_bounded(&message);
        // A huge HTML error page.
        let page = response(502, &format!("<html>{huge}</html>")).empty().unwrap_err();
        assert_bounded(&page);
        // A huge body that is not JSON at all, with a success status.
        let garbage = response(200, &huge).data::<serde_json::Value>().unwrap_err();
        assert_bounded(&garbage);
    }

    #[test]
    fn success_answers_must_be_crisp_envelopes() {
        for body in [
            r#"{"session_id":"s"}"#,
            "[]",
            "null",
            "",
            "<html></html>",
            r#"{"error":"no"}"#,
        ] {
            let error = response(200, body).empty().unwrap_err();
            assert!(matches!(error, Error::Decode(_)), "{body}: {error:?}");
            let error = response(200, body).data::<serde_json::Value>().unwrap_err();
            assert!(matches!(error, Error::Decode(_)), "{body}: {error:?}");
        }
        let bare = response(201, r#"{"fingerprint":1}"#)
            .data::<serde_json::Value>()
            .unwrap_err();
        assert!(bare.to_string().contains("not a Crisp envelope"), "{bare}");
    }

    #[test]
    fn invalid_utf8_is_a_decode_error_even_in_skipped_fields() {
        let mut body = br#"{"error":false,"data":{"kept":1,"skipped":""#.to_vec();
        body.extend_from_slice(&[0xff, 0xfe]);
        body.extend_from_slice(br#""}}"#);
        let make = || {
            ApiResponse::new(
                "test_route",
                StatusCode::OK,
                HeaderMap::new(),
                Bytes::from(body.clone()),
            )
        };
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code, reason = "only decoding is tested")]
        struct Kept {
            kept: u32,
        }
        let error = make().data::<Kept>().unwrap_err();
        assert!(error.to_string().contains("not UTF-8"), "{error}");
        assert!(matches!(make().empty(), Err(Error::Decode(_))));
    }
}
