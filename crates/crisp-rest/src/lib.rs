//! Every [Crisp](https://crisp.chat) REST endpoint, typed.
//!
//! A [`Client`] sends requests through a
//! [`crisp_transport::Transport`] (auth headers, retry, rate limit, timeout)
//! and decodes answers into [`crisp_types`] models. This crate describes
//! requests and decodes responses; it never names hyper.
//!
//! # Calling an endpoint
//!
//! Methods are named after the Crisp reference label in snake_case, grouped
//! like the reference: [`Client::website`] and [`Client::plugin`]. Required
//! arguments are positional; optional ones are setters; the builder is awaited
//! directly:
//!
//! ```no_run
//! # async fn run(client: crisp_rest::Client) -> Result<(), crisp_rest::Error> {
//! use crisp_types::{SessionId, WebsiteId};
//! use crisp_types::message::{MessageFrom, NewMessage};
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
//! Every endpoint is written the same way, in the file of its reference group
//! (`website.conversation` lives in `src/website/conversation.rs`):
//!
//! 1. an accessor on the group's API struct (`WebsiteApi`, `PluginApi`), named
//!    after the reference label, taking the required arguments and returning
//!    the builder;
//! 2. the builder struct: the `&Client`, the required arguments (ids
//!    borrowed, bodies owned), optional arguments as `Option` fields with
//!    chained setters;
//! 3. `impl Endpoint`: `to_request` builds an [`ApiRequest`] from the path
//!    template of the reference ([`ApiRequest::from_template`] encodes and
//!    checks the ids), adds a [`Query`] and a JSON body; `decode` is one of
//!    [`ApiResponse::data`] (typed `data`), [`ApiResponse::empty`] (no result)
//!    or [`ApiResponse::exists`] (`HEAD` routes, `bool`);
//! 4. `into_future!(Builder)` to make it awaitable, and `paginated!(Builder,
//!    Item)` for lists that page by number.
//!
//! Write routes with no body send `{}` ([`ApiRequest::with_empty_object`]), as
//! the official SDKs do. Query flags are `1`/`0` ([`Query::push_flag`]);
//! absent options are not sent.

#[macro_use]
mod endpoint;
#[macro_use]
mod pagination;

mod client;
mod error;
pub mod plugin;
mod raw;
mod request;
mod response;
pub mod website;

pub use client::{Client, DEFAULT_BASE_URL, ResponseFuture};
pub use endpoint::Endpoint;
pub use error::{ApiError, DecodeError, Error, InvalidInput};
pub use pagination::Paginated;
pub use plugin::PluginApi;
pub use raw::RawRequest;
pub use request::{ApiRequest, Query, Segment, expand_path, segment};
pub use response::ApiResponse;
pub use website::WebsiteApi;

pub use crisp_transport as transport;
pub use crisp_types as types;
pub use http::Method;
