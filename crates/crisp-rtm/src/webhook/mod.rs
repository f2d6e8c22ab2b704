//! Crisp Web Hooks, receiving side (feature `webhook`).
//!
//! Crisp delivers each event as `POST <your URL>` with a JSON body
//! `{"website_id","event","data","timestamp"}`. Plugin Hooks are signed
//! (headers `X-Crisp-Request-Timestamp` and `X-Crisp-Signature`); Website
//! Hooks are not. Plugin widget action callbacks use the same signature.
//!
//! Three levels, from the most to the least assembled:
//!
//! - [`WebhookReceiver`]: a tower service (mount it on an axum route, or any
//!   tower-based server) that checks the signature, parses the hook, drops
//!   events the application did not subscribe to, and hands the rest over as
//!   [`ReceivedHook`]s through a channel or an async handler, answering Crisp
//!   without waiting for the application. Its documentation lists the HTTP
//!   status of every outcome.
//! - [`verify_request`] and [`ReceivedHook::parse`] (or [`parse_webhook`]):
//!   the same steps for other frameworks, given the headers and the raw body;
//!   [`verify_widget_request`] for plugin widget action callbacks.
//! - [`signature`]: the HMAC-SHA256 check itself ([`verify_signature`],
//!   [`WebhookVerifier`] with an optional timestamp tolerance and an
//!   injectable clock) and [`sign`] for tests and fakes.
//!
//! Check the signature over the **raw** body bytes before parsing anything;
//! the receiver and [`verify_request`] do.
//!
//! Hooks decode into the same [`Event`](crisp_types::event::Event) as the RTM
//! WebSocket pushes, with unknown event names kept as
//! [`Event::Unknown`](crisp_types::event::Event::Unknown).

mod error;
mod hook;
mod parse;
mod receiver;
pub mod signature;

pub use error::{BoxError, WebhookError};
pub use hook::{
    DELIVERY_ATTEMPT_COUNT_HEADER, DELIVERY_ATTEMPT_LIMIT_HEADER, HOOK_ORIGIN_HEADER, ReceivedHook, verify_request,
    verify_widget_request,
};
pub use parse::{parse_envelope, parse_webhook};
pub use receiver::{DEFAULT_MAX_BODY_BYTES, ResponseFuture, WebhookReceiver, WebhookReceiverBuilder};
pub use signature::{
    SIGNATURE_HEADER, SignatureError, TIMESTAMP_HEADER, WebhookVerifier, sign, verify_signature,
    verify_widget_signature,
};
