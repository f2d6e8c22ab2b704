//! The [Crisp](https://crisp.chat) customer-messaging SDK for Rust.
//!
//! One builder configures credentials once; the resulting [`Crisp`] client
//! offers every typed REST route, grouped like the Crisp reference, with
//! method names taken from it in snake_case.
//!
//! ```no_run
//! use crisp::Crisp;
//! use crisp::types::WebsiteId;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let crisp = Crisp::builder().plugin_token("identifier", "key").build()?;
//! let website = WebsiteId::new("42286ab3-b29a-4fde-8538-da0ae501d825");
//! for conversation in crisp.website().list_conversations(&website, 1).await? {
//!     println!("{} {:?}", conversation.session_id, conversation.state);
//! }
//! # Ok(()) }
//! ```
//!
//! # Crates and features
//!
//! | crate | what it holds | feature here |
//! | --- | --- | --- |
//! | [`crisp_types`] ([`types`]) | serde models only; depend on it alone to store or parse Crisp objects | always |
//! | `crisp-transport` ([`transport`]) | the tower HTTP stack: auth, retry, rate limit, timeout | `rest` |
//! | `crisp-rest` ([`rest`]) | every REST endpoint | `rest` (default) |
//! | `crisp-rtm` ([`rtm`]) | realtime events over the RTM WebSocket; Web Hooks | `rtm`, `webhook` (default) |
//!
//! TLS goes through rustls with the ring provider and the webpki roots
//! (feature `rustls-ring`, default).

#[cfg(feature = "rest")]
mod client;

#[cfg(feature = "rest")]
pub use client::{BuildError, Crisp, CrispBuilder};
pub use crisp_types as types;
pub use crisp_types::{Fingerprint, InboxId, PeopleId, PluginId, SessionId, Tier, Timestamp, UserId, WebsiteId};

/// Typed REST endpoints (re-export of `crisp-rest`).
#[cfg(feature = "rest")]
pub mod rest {
    pub use crisp_rest::*;
}

/// The HTTP stack (re-export of `crisp-transport`): add or swap middleware.
#[cfg(feature = "rest")]
pub mod transport {
    pub use crisp_transport::*;
}

#[cfg(feature = "rest")]
pub use crisp_rest::Error;

/// Realtime events: the RTM WebSocket client (feature `rtm`) and Web Hooks
/// (feature `webhook`); re-export of `crisp-rtm`.
#[cfg(any(feature = "rtm", feature = "webhook"))]
pub mod rtm {
    pub use crisp_rtm::*;
}

/// The README's snippets, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
