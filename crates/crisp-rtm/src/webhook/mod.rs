//! Crisp Web Hooks, receiving side (feature `webhook`).
//!
//! Crisp delivers each event as `POST <your URL>` with a JSON body
//! `{"website_id","event","data","timestamp"}`. Plugin Hooks are signed
//! (headers `X-Crisp-Request-Timestamp` and `X-Crisp-Signature`); Website
//! Hooks are not. Plugin widget action callbacks use the same signature.
//!
//! Check the signature over the **raw** body bytes before parsing anything:
//! see [`signature`].

pub mod signature;

pub use signature::{
    SIGNATURE_HEADER, SignatureError, TIMESTAMP_HEADER, WebhookVerifier, sign, verify_signature,
    verify_widget_signature,
};
