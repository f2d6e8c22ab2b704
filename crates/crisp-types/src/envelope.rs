//! The `{error, reason, data}` envelope around every REST response.

use serde::{Deserialize, Serialize};

/// The body of every Crisp REST response.
///
/// On success `error` is `false`, `reason` is a short word (`"resolved"`,
/// `"added"`, ...) and `data` holds the result. On failure `error` is `true`
/// and `reason` names the failure (`"session_not_found"`, `"invalid_data"`,
/// ...); `data` may carry a `message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Whether the request failed.
    #[serde(default)]
    pub error: bool,
    /// A short machine-readable word describing the outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The result; absent (or `null`) for routes that return nothing.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
}

impl<T> Envelope<T> {
    /// A successful envelope, as the fake Crisp server and tests build them.
    pub fn ok(reason: impl Into<String>, data: T) -> Self {
        Self {
            error: false,
            reason: Some(reason.into()),
            data: Some(data),
        }
    }
}

impl Envelope<serde_json::Value> {
    /// A failed envelope with an optional human-readable message in `data.message`.
    pub fn failure(reason: impl Into<String>, message: Option<&str>) -> Self {
        Self {
            error: true,
            reason: Some(reason.into()),
            data: Some(match message {
                Some(message) => serde_json::json!({ "message": message }),
                None => serde_json::json!({}),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_error_envelope() {
        let body = r#"{"error":true,"reason":"session_not_found","data":{"message":"no such session"}}"#;
        let envelope: Envelope<serde_json::Value> = serde_json::from_str(body).unwrap();
        assert!(envelope.error);
        assert_eq!(envelope.reason.as_deref(), Some("session_not_found"));
        assert_eq!(envelope.data.unwrap()["message"], "no such session");
    }

    #[test]
    fn missing_data_is_none() {
        let envelope: Envelope<serde_json::Value> =
            serde_json::from_str(r#"{"error":false,"reason":"updated"}"#).unwrap();
        assert!(!envelope.error);
        assert!(envelope.data.is_none());
    }
}
