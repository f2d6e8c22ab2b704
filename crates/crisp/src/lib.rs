//! The [Crisp](https://crisp.chat) customer-messaging SDK for Rust.
//!
//! One builder configures credentials once; the resulting [`Crisp`] client
//! offers every typed REST route, grouped like the Crisp reference, with
//! method names taken from it in snake_case.
//!
//! ```no_run
//! use crisp::{Crisp, WebsiteId};
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
//! | `crisp-types` ([`types`]) | serde models only; depend on it alone to store or parse Crisp objects | always |
//! | `crisp-transport` ([`transport`]) | the tower HTTP stack: auth, retry, rate limit, timeout | `rest` |
//! | `crisp-rest` ([`rest`]) | every REST endpoint | `rest` (default) |
//! | `crisp-rtm` ([`rtm`]) | realtime events over the RTM WebSocket; Web Hooks | `rtm`, `webhook` (default) |
//!
//! TLS goes through rustls with the ring provider and the webpki roots
//! (feature `rustls-ring`, default).
//!
//! # Paths
//!
//! Everything is reachable from this crate, so a program depends on `crisp`
//! alone: the types almost every program names at the root ([`Crisp`],
//! [`Error`], [`WebsiteId`], [`SessionId`], [`PeopleId`], [`NewMessage`],
//! [`Event`], ...), the rest under [`types`] (`crisp::types::conversation::..`,
//! `crisp::types::people::..`), [`rest`] (request builders, [`rest::PageStream`],
//! [`rest::RawRequest`]), [`transport`] (middleware, retry and rate-limit
//! settings) and [`rtm`] (realtime events and Web Hooks).
//!
//! # Examples
//!
//! Each runs offline against the built-in fake Crisp (`crisp-mock`) when no
//! credentials are set, and `cargo test -p crisp --test examples` runs them
//! all that way:
//!
//! - `quickstart`: a first round trip (list, create, send, read, update metas);
//! - `back_office`: every conversation through a page stream, a people lookup
//!   by email, merging custom data;
//! - `middleware`: tower layers that count and log each call, and each attempt;
//! - `echo_bot`: an RTM bot that answers visitors through REST;
//! - `webhook_server`: an axum server that verifies and handles Web Hooks.

#[cfg(feature = "rest")]
mod client;

#[cfg(feature = "rest")]
#[doc(inline)]
pub use client::{BuildError, Crisp, CrispBuilder};

// What almost every program names, at the root; everything else under
// `types`, `rest`, `transport` and `rtm`. Each is documented (inlined) here,
// so `cargo doc -p crisp` shows every type a user touches.
#[cfg(feature = "rest")]
#[doc(inline)]
pub use crisp_rest::{Error, Paginated};
#[doc(inline)]
pub use crisp_types::event::{Event, EventKind};
#[doc(inline)]
pub use crisp_types::message::{Message, MessageContent, MessageFrom, NewMessage};
#[doc(inline)]
pub use crisp_types::{Fingerprint, InboxId, PeopleId, PluginId, SessionId, Tier, Timestamp, UserId, WebsiteId};
/// The error of [`crisp::transport::TransportBuilder::build`](transport::TransportBuilder::build),
/// which [`BuildError::Transport`] wraps; the same type as
/// [`crisp::transport::BuildError`](transport::BuildError).
#[cfg(feature = "rest")]
#[doc(inline)]
pub use transport::BuildError as TransportBuildError;

/// The serde models (re-export of `crisp-types`): ids, the `{error, reason,
/// data}` envelope, resources and realtime events.
///
/// A program that only stores or parses Crisp objects can depend on
/// `crisp-types` alone and write `crisp_types::` where these docs write
/// `crisp::types::`.
pub mod types {
    #[doc(inline)]
    pub use crisp_types::*;
}

/// Typed REST endpoints (re-export of `crisp-rest`): the request builders
/// that [`Crisp`]'s groups return, the pagination stream, the
/// escape hatch and the error types.
#[cfg(feature = "rest")]
pub mod rest {
    #[doc(inline)]
    pub use crisp_rest::*;

    // `crisp_rest::transport` and `crisp_rest::types` stay reachable here,
    // but are documented once, as `crisp::transport` and `crisp::types`.
    #[doc(hidden)]
    pub mod transport {
        pub use crisp_transport::*;
    }
    #[doc(hidden)]
    pub mod types {
        pub use crisp_types::*;
    }
}

/// The HTTP stack (re-export of `crisp-transport`): add or swap middleware
/// with [`CrispBuilder::configure_transport`](crate::CrispBuilder::configure_transport).
#[cfg(feature = "rest")]
pub mod transport {
    #[doc(inline)]
    pub use crisp_transport::*;
}

/// Realtime events: the RTM WebSocket client (feature `rtm`) and Web Hooks
/// (feature `webhook`); re-export of `crisp-rtm`.
#[cfg(any(feature = "rtm", feature = "webhook"))]
pub mod rtm {
    #[doc(inline)]
    pub use crisp_rtm::*;
}

/// The README's snippets, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
