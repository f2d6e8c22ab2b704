//! Decoding Crisp's answers: the `{error, reason, data}` envelope into the
//! typed `data`, or into an [`Error`].

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, DecodeError, Error};

/// A buffered HTTP answer from Crisp, before decoding.
#[derive(Debug, Clone)]
pub struct ApiResponse {
    route: &'static str,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// The envelope, with `data` decoded lazily by the caller's type.
#[derive(Deserialize)]
struct Envelope<T> {
    #[serde(default)]
    error: bool,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default = "Option::default")]
    data: Option<T>,
}

/// The parts of an error envelope worth keeping.
#[derive(Deserialize)]
struct ErrorData {
    #[serde(default)]
    message: Option<serde_json::Value>,
}

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
    /// decodes `T` from `{}` (Crisp omits `data` when it has nothing to say);
    /// a body that does not fit `T` becomes [`Error::Decode`] with the JSON path
    /// of the first mismatch.
    pub fn data<T: DeserializeOwned>(self) -> Result<T, Error> {
        self.check_status()?;
        let mut deserializer = serde_json::Deserializer::from_slice(&self.body);
        let envelope: Envelope<T> = serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|error| self.decode_error(error.path().to_string(), error.into_inner()))?;
        if envelope.error {
            return Err(self.api_error(envelope.reason));
        }
        match envelope.data {
            Some(data) => Ok(data),
            None => serde_json::from_value(serde_json::Value::Object(serde_json::Map::new()))
                .map_err(|error| self.decode_error("data".to_owned(), error)),
        }
    }

    /// Checks an answer that carries no result (`data` is ignored).
    ///
    /// An error status, or an envelope that says `"error": true`, becomes
    /// [`Error::Api`]. An empty or non-JSON success body is accepted.
    pub fn empty(self) -> Result<(), Error> {
        self.check_status()?;
        if let Ok(envelope) = serde_json::from_slice::<Envelope<serde::de::IgnoredAny>>(&self.body) {
            if envelope.error {
                return Err(self.api_error(envelope.reason));
            }
        }
        Ok(())
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

    fn check_status(&self) -> Result<(), Error> {
        if self.status.is_client_error() || self.status.is_server_error() {
            let (reason, message) = match serde_json::from_slice::<Envelope<ErrorData>>(&self.body) {
                Ok(envelope) => (
                    envelope.reason,
                    envelope.data.and_then(|data| data.message).map(message_text),
                ),
                // Not a Crisp envelope (an edge error page): keep the status only.
                Err(_) => (None, None),
            };
            return Err(Error::Api(ApiError {
                route: self.route,
                status: self.status,
                reason,
                message,
            }));
        }
        Ok(())
    }

    fn api_error(&self, reason: Option<String>) -> Error {
        let message = serde_json::from_slice::<Envelope<ErrorData>>(&self.body)
            .ok()
            .and_then(|envelope| envelope.data)
            .and_then(|data| data.message)
            .map(message_text);
        Error::Api(ApiError {
            route: self.route,
            status: self.status,
            reason,
            message,
        })
    }

    fn decode_error(&self, path: String, source: serde_json::Error) -> Error {
        Error::Decode(DecodeError::new(self.route, path, &self.body, source))
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
            "Crisp rejected test_route with HTTP 404 (session_not_found): gone"
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
}
