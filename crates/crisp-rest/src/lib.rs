//! Every [Crisp](https://crisp.chat) REST endpoint, typed.
//!
//! A [`Client`] sends requests through a
//! [`crisp_transport::Transport`] (auth headers, retry, rate limit, timeout)
//! and decodes answers into [`crisp_types`] models. This crate describes
//! requests and decodes responses; it never names hyper.
//!
//! Most programs use it through the `crisp` facade, which re-exports it as
//! `crisp::rest` and whose `Crisp` client offers the same groups
//! (`crisp.website()`, `crisp.plugin()`, ...); the examples here use the
//! facade's paths. A program that depends on `crisp-rest` alone writes
//! `crisp_rest::`, `crisp_types::` and `crisp_transport::` instead of
//! `crisp::rest::`, `crisp::types::` and `crisp::transport::`.
//!
//! # Calling an endpoint
//!
//! Methods are named after the Crisp reference label in snake_case, grouped
//! like the reference: [`Client::website`], [`Client::plugin`],
//! [`Client::plan`], [`Client::media`], [`Client::bucket`] and the legacy
//! [`Client::user`]. Required
//! arguments are positional; optional ones are setters; the builder is awaited
//! directly:
//!
//! ```no_run
//! # async fn run(client: crisp::rest::Client) -> Result<(), crisp::rest::Error> {
//! use crisp::types::{SessionId, WebsiteId};
//! use crisp::types::message::{MessageFrom, NewMessage};
//!
//! let website = WebsiteId::new("42286ab3-b29a-4fde-8538-da0ae501d825");
//! let unread = client.website().list_conversations(&website, 1).filter_unread(true).await?;
//! for conversation in &unread {
//!     let reply = NewMessage::text(MessageFrom::Operator, "Thanks, we are on it!");
//!     client.website().send_message_in_conversation(&website, &conversation.session_id, reply).await?;
//! }
//! # Ok(()) }
//! ```
//!
//! Any builder also turns into a plain [`ApiRequest`] without sending it
//! ([`Endpoint::to_request`]), which is how tests and custom transports
//! inspect calls. Page-numbered lists stream every item with
//! [`Paginated::into_stream`]. Routes this crate does not wrap yet go through
//! [`Client::raw`].
//!
//! # The endpoint template
//!
//! Every endpoint is one declaration in the file of its reference group
//! (`website.batch` is `src/website/batch.rs`; a large group is a folder of
//! files by topic, `website.conversation` is `src/website/conversation/`),
//! written with the crate's `endpoints!` macro and read like the reference
//! entry: label, verb, path template, tiers, positional arguments, JSON body,
//! optional setters and output.
//!
//! ```text
//! "Get A Message In Conversation" => fn get_message_in_conversation -> GetMessageInConversation;
//! GET "website/{website_id}/conversation/{session_id}/message/{fingerprint}";
//! tiers [user, plugin];
//! path (website_id: &'a WebsiteId, session_id: &'a SessionId, fingerprint: Fingerprint);
//! output data Message;
//! ```
//!
//! It expands to what a hand-written endpoint has (and the few irregular ones,
//! like [`WebsiteApi::list_conversations`], are written by hand that way):
//!
//! 1. an accessor on the group's API struct ([`WebsiteApi`], [`PluginApi`]),
//!    named after the Node SDK method in snake_case, taking the required
//!    arguments and returning the builder, documented with the label, the
//!    verb and path, and the tiers;
//! 2. the builder struct: the `&Client`, the required arguments (ids
//!    borrowed, bodies owned), optional arguments as `Option` fields with
//!    chained setters;
//! 3. `impl Endpoint`: `to_request` builds an [`ApiRequest`] from the path
//!    template of the reference ([`ApiRequest::from_template`] encodes and
//!    checks every value), adds a [`Query`] and a JSON body; `decode` is one
//!    of [`ApiResponse::data`] (typed `data`), [`ApiResponse::empty`] (no
//!    result) or [`ApiResponse::exists`] (`HEAD` routes, `bool`);
//! 4. `IntoFuture`, and [`Paginated`] for lists that page by number;
//! 5. an [`EndpointInfo`] in [`endpoints`], which the wire tests and the
//!    coverage report (`cargo run -p crisp-rest --example coverage`) compare
//!    with the reference table.
//!
//! Write routes with no body send `{}` where the official SDKs do. Query
//! flags are `1`/`0` ([`QueryValue`]); absent options are not sent. Go SDK
//! methods that are typed variants of one Node method are mapped in
//! [`go_methods`].

#[macro_use]
mod endpoint;
#[macro_use]
mod pagination;
#[macro_use]
mod declare;

pub mod bucket;
mod client;
mod error;
pub mod go_methods;
pub mod media;
pub mod plan;
pub mod plugin;
mod query;
mod raw;
mod request;
mod response;
pub mod user;
pub mod website;

pub use bucket::BucketApi;
pub use client::{Client, DEFAULT_BASE_URL, ResponseFuture};
pub use endpoint::{Endpoint, EndpointInfo};
pub use error::{ApiError, DecodeError, Error, InvalidInput, TransportFailure};
pub use media::MediaApi;
pub use pagination::{PageStream, Paginated};
pub use plan::PlanApi;
pub use plugin::PluginApi;
pub use query::{Query, QueryValue};
pub use raw::RawRequest;
pub use request::{ApiRequest, Segment, expand_path, segment};
pub use request::{PathSegments, expand_path_with_tail};
pub use response::ApiResponse;
pub use user::UserApi;
pub use website::WebsiteApi;

pub use crisp_transport as transport;
pub use crisp_types as types;
pub use http::Method;

/// Every REST method this crate implements, as the reference describes it
/// (name, label, verb, path, tiers, query options), website routes first.
///
/// ```
/// let get = crisp::rest::endpoints().find(|e| e.name == "get_conversation").unwrap();
/// assert_eq!(get.method, "GET");
/// assert_eq!(get.path, "website/{website_id}/conversation/{session_id}");
/// ```
pub fn endpoints() -> impl Iterator<Item = &'static EndpointInfo> {
    website::endpoints()
        .chain(plugin::endpoints())
        .chain(plan::endpoints())
        .chain(media::endpoints())
        .chain(bucket::endpoints())
        .chain(user::endpoints())
}
