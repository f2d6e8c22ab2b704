//! RTM endpoint discovery: `GET /v1/<tier>/connect/endpoints` -> `data.socket.app`.

use crisp_transport::{Body, RequestOptions, Transport};
use crisp_types::Tier;
use crisp_types::connect::ConnectEndpoints;
use serde::Deserialize;
use serde_json::Value;

use super::error::{DiscoveryError, RtmError};
use crate::protocol::MAX_EXCERPT_CHARS;

/// The REST base URL of the Crisp API.
pub const DEFAULT_REST_BASE_URL: &str = "https://api.crisp.chat/v1/";

/// The discovery URL for a token of `tier` under `rest_base` (which ends
/// with `/`): `plugin/connect/endpoints`, `user/connect/endpoints` or
/// `website/connect/endpoints`.
pub(crate) fn endpoints_url(rest_base: &str, tier: Tier) -> String {
    let mut url = rest_base.to_owned();
    if !url.ends_with('/') {
        url.push('/');
    }
    url.push_str(tier.as_str());
    url.push_str("/connect/endpoints");
    url
}

/// The envelope with only what discovery reads.
#[derive(Deserialize)]
struct EndpointsEnvelope {
    #[serde(default)]
    error: bool,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    data: Option<Value>,
}

/// Asks the API where the relay is and returns its URL (`data.socket.app`).
pub(crate) async fn discover(transport: &Transport, url: &str) -> Result<String, RtmError> {
    let mut request = http::Request::get(url)
        .body(Body::empty())
        .map_err(|error| RtmError::config_with(format!("invalid REST base URL for discovery: {url:?}"), error))?;
    request
        .extensions_mut()
        .insert(RequestOptions::new("rtm.connect_endpoints"));
    let response = transport
        .send(request)
        .await
        .map_err(|error| RtmError::Discovery(DiscoveryError::Transport(error)))?;
    let status = response.status().as_u16();
    decode_response(status, response.body().as_bytes())
}

/// Turns a discovery response into the relay URL.
pub(crate) fn decode_response(status: u16, body: &[u8]) -> Result<String, RtmError> {
    let envelope: Result<EndpointsEnvelope, _> = serde_json::from_slice(body);
    if status >= 400 {
        let (reason, message) = match envelope {
            Ok(envelope) => {
                let message = envelope
                    .data
                    .as_ref()
                    .and_then(|data| data.get("message"))
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                (envelope.reason, message)
            }
            Err(_) => (None, None),
        };
        if status == 401 {
            let text = match (&reason, &message) {
                (_, Some(message)) => message.clone(),
                (Some(reason), None) => reason.clone(),
                (None, None) => "HTTP 401 from endpoint discovery".to_owned(),
            };
            return Err(RtmError::Unauthorized { message: text });
        }
        return Err(RtmError::Discovery(DiscoveryError::Status {
            status,
            reason,
            message,
        }));
    }
    let envelope = envelope.map_err(|source| {
        RtmError::Discovery(DiscoveryError::Body {
            excerpt: String::from_utf8_lossy(body).chars().take(MAX_EXCERPT_CHARS).collect(),
            source,
        })
    })?;
    if envelope.error {
        return Err(RtmError::Discovery(DiscoveryError::Status {
            status,
            reason: envelope.reason,
            message: None,
        }));
    }
    let endpoints: ConnectEndpoints = match envelope.data {
        Some(data) => serde_json::from_value(data).map_err(|source| {
            RtmError::Discovery(DiscoveryError::Body {
                excerpt: String::from_utf8_lossy(body).chars().take(MAX_EXCERPT_CHARS).collect(),
                source,
            })
        })?,
        None => ConnectEndpoints::default(),
    };
    match endpoints.socket_app() {
        Some(app) if !app.trim().is_empty() => Ok(app.to_owned()),
        _ => Err(RtmError::Discovery(DiscoveryError::MissingSocketUrl)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_url_per_tier() {
        assert_eq!(
            endpoints_url(DEFAULT_REST_BASE_URL, Tier::Plugin),
            "https://api.crisp.chat/v1/plugin/connect/endpoints"
        );
        assert_eq!(
            endpoints_url("http://127.0.0.1:1/v1", Tier::User),
            "http://127.0.0.1:1/v1/user/connect/endpoints"
        );
        assert_eq!(
            endpoints_url(DEFAULT_REST_BASE_URL, Tier::Website),
            "https://api.crisp.chat/v1/website/connect/endpoints"
        );
    }

    #[test]
    fn decodes_socket_app() {
        let body = br#"{"error":false,"reason":"resolved","data":{"socket":{"app":"https://relay/"}}}"#;
        assert_eq!(decode_response(200, body).ok().as_deref(), Some("https://relay/"));
    }

    #[test]
    fn missing_app_is_an_error() {
        let body = br#"{"error":false,"reason":"resolved","data":{}}"#;
        assert!(matches!(
            decode_response(200, body),
            Err(RtmError::Discovery(DiscoveryError::MissingSocketUrl))
        ));
        assert!(matches!(
            decode_response(200, b"<html>"),
            Err(RtmError::Discovery(DiscoveryError::Body { .. }))
        ));
    }

    #[test]
    fn unauthorized_is_terminal_other_statuses_are_not() {
        let body = br#"{"error":true,"reason":"invalid_session","data":{}}"#;
        let error = decode_response(401, body).err();
        assert!(matches!(&error, Some(RtmError::Unauthorized { message }) if message == "invalid_session"));
        assert!(error.is_some_and(|e| e.is_terminal()));
        let error = decode_response(503, b"bad gateway").err();
        assert!(matches!(
            error,
            Some(RtmError::Discovery(DiscoveryError::Status {
                status: 503,
                reason: None,
                ..
            }))
        ));
    }
}
