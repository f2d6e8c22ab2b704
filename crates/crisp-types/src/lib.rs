//! Serde models for the [Crisp](https://crisp.chat) API.
//!
//! This crate depends on `serde` and `serde_json` only, so a program that just
//! stores Crisp objects or parses Crisp web hooks can use it without pulling an
//! HTTP stack. The rest of the SDK (`crisp-rest`, `crisp-rtm`, the `crisp`
//! facade) re-uses these types.
//!
//! Conventions every model follows:
//!
//! - ids are newtypes ([`WebsiteId`], [`SessionId`], ...), never bare strings;
//! - every field the API may omit is an `Option`, lists default to empty, and
//!   unknown fields are ignored, so an API addition never breaks decoding;
//! - every enum the server fills is `#[non_exhaustive]` and keeps values it does
//!   not know in an `Other(String)` variant (see [`open_enum!`]);
//! - times are [`Timestamp`]s (milliseconds since the Unix epoch);
//! - free-form `data` maps stay [`serde_json::Map`].
//!
//! The examples use the paths of the `crisp` facade, which re-exports this
//! crate as `crisp::types` (and the common ids at its root, `crisp::WebsiteId`);
//! a program that depends on `crisp-types` alone writes `crisp_types::` instead
//! of `crisp::types::`.
//!
//! ```
//! use crisp::types::{Envelope, conversation::ConversationNew};
//!
//! let body = r#"{"error":false,"reason":"added","data":{"session_id":"session_1"}}"#;
//! let envelope: Envelope<ConversationNew> = serde_json::from_str(body)?;
//! assert_eq!(envelope.data.unwrap().session_id.unwrap().as_str(), "session_1");
//! # Ok::<(), serde_json::Error>(())
//! ```

#[macro_use]
mod macros;

pub mod analytics;
pub mod availability;
pub mod batch;
pub mod bucket;
pub mod campaign;
pub mod connect;
pub mod conversation;
pub mod envelope;
pub mod event;
pub mod helpdesk;
pub mod id;
pub mod inbox;
pub mod media;
pub mod message;
pub mod operator;
pub mod people;
pub mod plan;
pub mod plugin;
pub mod search;
pub mod team;
pub mod tier;
pub mod timestamp;
pub mod user;
mod util;
pub mod verify;
pub mod visitor;
pub mod website;

pub use envelope::Envelope;
pub use event::{Event, EventDecodeError, EventKind, WebhookEnvelope};
pub use id::{
    BrowsingId, CallId, Fingerprint, InboxId, OriginalId, PeopleId, PluginId, SessionId, SpamId, UserId, WebsiteId,
};
pub use id::{CampaignId, CampaignTemplateId, TeamId};
pub use tier::Tier;
pub use timestamp::Timestamp;

/// A free-form JSON object, as Crisp uses for custom `data` maps.
pub type JsonMap = serde_json::Map<String, serde_json::Value>;
