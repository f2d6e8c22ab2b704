//! A received hook with its delivery headers, and request-level signature
//! checks for code that does not use [`WebhookReceiver`](super::WebhookReceiver).

use crisp_types::event::Event;
use crisp_types::{Timestamp, WebsiteId};
use http::HeaderMap;

use super::error::WebhookError;
use super::parse::parse_envelope;
use super::signature::{SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookVerifier};

/// The header naming what sent the hook, e.g. `plugin/rtm <id> production`.
pub const HOOK_ORIGIN_HEADER: &str = "X-Crisp-Hook-Origin";

/// The header counting delivery attempts of this hook (Crisp retries failed
/// deliveries).
pub const DELIVERY_ATTEMPT_COUNT_HEADER: &str = "X-Delivery-Attempt-Count";

/// The header giving how many delivery attempts Crisp makes at most.
pub const DELIVERY_ATTEMPT_LIMIT_HEADER: &str = "X-Delivery-Attempt-Limit";

/// A Web Hook accepted by [`WebhookReceiver`](super::WebhookReceiver): the
/// event plus what the envelope and headers say about its delivery.
///
/// Crisp retries deliveries that failed (or timed out), so the same event can
/// arrive more than once; [`delivery_attempt`](Self::delivery_attempt) above
/// 1 hints at a retry. De-duplicate on your side where it matters (e.g. on a
/// message's fingerprint).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReceivedHook {
    /// The event, decoded ([`Event::Unknown`] for a name this version does
    /// not know).
    pub event: Event,
    /// The envelope's `website_id` (informational; most payloads repeat it).
    pub website_id: Option<WebsiteId>,
    /// The envelope's `timestamp` (informational).
    pub timestamp: Option<Timestamp>,
    /// `X-Delivery-Attempt-Count`: which attempt this is (1 for the first).
    pub delivery_attempt: Option<u32>,
    /// `X-Delivery-Attempt-Limit`: how many attempts Crisp makes at most.
    pub delivery_attempt_limit: Option<u32>,
    /// `X-Crisp-Hook-Origin`, e.g. `plugin/rtm <id> production`.
    pub hook_origin: Option<String>,
    /// Whether the signature was checked and matched; `false` only for
    /// unsigned hooks let through by
    /// [`allow_unsigned`](super::WebhookReceiverBuilder::allow_unsigned).
    pub verified: bool,
}

impl ReceivedHook {
    /// Parses a hook from its headers and raw body, **without** checking the
    /// signature (call [`verify_request`] first).
    ///
    /// The delivery headers are optional: a missing or unreadable one gives
    /// `None`. `verified` is set to `false`; set it yourself once checked.
    ///
    /// ```
    /// use crisp_rtm::webhook::{ReceivedHook, WebhookVerifier, sign, verify_request};
    /// use http::HeaderMap;
    ///
    /// let body = br#"{"website_id":"w1","event":"session:removed","data":{"session_id":"session_1"}}"#;
    /// let mut headers = HeaderMap::new();
    /// headers.insert("x-crisp-request-timestamp", "1700000000123".parse()?);
    /// headers.insert("x-crisp-signature", sign(b"secret", "1700000000123", body).parse()?);
    /// headers.insert("x-delivery-attempt-count", "2".parse()?);
    ///
    /// verify_request(&WebhookVerifier::new("secret"), &headers, body)?;
    /// let mut hook = ReceivedHook::parse(&headers, body)?;
    /// hook.verified = true;
    /// assert_eq!(hook.event.name(), "session:removed");
    /// assert_eq!(hook.delivery_attempt, Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`parse_webhook`](super::parse_webhook).
    pub fn parse(headers: &HeaderMap, body: &[u8]) -> Result<Self, WebhookError> {
        let envelope = parse_envelope(body)?;
        let website_id = envelope.website_id.clone();
        let timestamp = envelope.timestamp;
        Ok(Self::from_parts(
            envelope.into_event()?,
            website_id,
            timestamp,
            headers,
            false,
        ))
    }

    /// Assembles a hook from its decoded parts and the request headers.
    pub(crate) fn from_parts(
        event: Event,
        website_id: Option<WebsiteId>,
        timestamp: Option<Timestamp>,
        headers: &HeaderMap,
        verified: bool,
    ) -> Self {
        Self {
            event,
            website_id,
            timestamp,
            delivery_attempt: header_str(headers, DELIVERY_ATTEMPT_COUNT_HEADER).and_then(|v| v.trim().parse().ok()),
            delivery_attempt_limit: header_str(headers, DELIVERY_ATTEMPT_LIMIT_HEADER)
                .and_then(|v| v.trim().parse().ok()),
            hook_origin: header_str(headers, HOOK_ORIGIN_HEADER).map(str::to_owned),
            verified,
        }
    }
}

/// A header's value as UTF-8, if present and valid.
fn header_str<'a>(headers: &'a HeaderMap, name: &'static str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| std::str::from_utf8(value.as_bytes()).ok())
}

/// A header required by the signature check, verbatim.
pub(crate) fn required_header<'a>(headers: &'a HeaderMap, name: &'static str) -> Result<&'a str, WebhookError> {
    let value = headers.get(name).ok_or(WebhookError::MissingHeader { name })?;
    std::str::from_utf8(value.as_bytes()).map_err(|_| WebhookError::InvalidHeader { name })
}

/// Checks a signed request from its headers and raw body: reads
/// `X-Crisp-Request-Timestamp` (verbatim) and `X-Crisp-Signature`, then runs
/// [`WebhookVerifier::verify`] (signature, then freshness if a tolerance is
/// set).
///
/// For frameworks where [`WebhookReceiver`](super::WebhookReceiver) does not
/// fit; follow it with [`ReceivedHook::parse`] or
/// [`parse_webhook`](super::parse_webhook).
///
/// # Errors
///
/// [`WebhookError::MissingHeader`] or [`WebhookError::InvalidHeader`] (not
/// UTF-8) for either header, [`WebhookError::Signature`] when the check fails.
pub fn verify_request(verifier: &WebhookVerifier, headers: &HeaderMap, body: &[u8]) -> Result<(), WebhookError> {
    let signature = required_header(headers, SIGNATURE_HEADER)?;
    let timestamp = required_header(headers, TIMESTAMP_HEADER)?;
    verifier.verify(timestamp, signature, body)?;
    Ok(())
}

/// Checks a plugin widget action callback (a request Crisp sends to a plugin
/// when an operator uses one of its widgets) from its headers and raw body.
///
/// The scheme and headers are those of Plugin Hooks (see
/// [`verify_widget_signature`](super::verify_widget_signature)), so this is
/// [`verify_request`] under the name a widget handler looks for. The
/// callback body is not a hook envelope: decode it yourself once verified.
///
/// ```
/// use crisp_rtm::webhook::{WebhookError, WebhookVerifier, sign, verify_widget_request};
/// use http::HeaderMap;
///
/// let verifier = WebhookVerifier::new("plugin-secret");
/// let body = br#"{"website_id":"w1","session_id":"session_1","action":{"pressed":"refund"}}"#;
/// let mut headers = HeaderMap::new();
/// headers.insert("x-crisp-request-timestamp", "1700000000123".parse()?);
/// headers.insert("x-crisp-signature", sign(b"plugin-secret", "1700000000123", body).parse()?);
/// assert!(verify_widget_request(&verifier, &headers, body).is_ok());
///
/// headers.remove("x-crisp-signature");
/// assert!(matches!(
///     verify_widget_request(&verifier, &headers, body),
///     Err(WebhookError::MissingHeader { name: "X-Crisp-Signature" }),
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`verify_request`].
pub fn verify_widget_request(verifier: &WebhookVerifier, headers: &HeaderMap, body: &[u8]) -> Result<(), WebhookError> {
    verify_request(verifier, headers, body)
}
