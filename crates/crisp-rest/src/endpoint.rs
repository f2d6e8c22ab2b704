//! The endpoint template every REST method follows.
//!
//! An endpoint is a builder struct holding the client, the required
//! (positional) arguments and the optional ones (set by chained setters). It
//! implements [`Endpoint`]: [`Endpoint::to_request`] describes the call without
//! sending it, and [`Endpoint::decode`] turns the answer into the typed result.
//! The `into_future!` macro makes the builder awaitable, so a call reads
//! `client.website().get_conversation(&website, &session).await?`.
//!
//! Most endpoints are declared with the `endpoints!` macro (see
//! `src/declare.rs`), which writes all of this from one short declaration;
//! the few irregular ones are written by hand against the same trait.

use crate::error::Error;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// A REST method: how to describe it, and how to decode its answer.
pub trait Endpoint {
    /// What a successful call yields.
    type Output;

    /// Describes the HTTP request without sending it. Fails on input that
    /// cannot be sent (an empty id, page 0).
    fn to_request(&self) -> Result<ApiRequest, Error>;

    /// Decodes Crisp's answer.
    fn decode(response: ApiResponse) -> Result<Self::Output, Error>;
}

/// What the reference says of one REST method this crate implements: its
/// name, label, verb, path template, tiers and query options.
///
/// [`endpoints`](crate::endpoints) lists every method; the coverage report
/// and the wire tests compare it with the reference table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EndpointInfo {
    /// The API struct the method is on (`WebsiteApi`, `PluginApi`), from
    /// [`Client::website`](crate::Client::website) and the like.
    pub api: &'static str,
    /// The method's name: the Node SDK's method name in snake_case, also the
    /// route name in errors and traces (`get_conversation`).
    pub name: &'static str,
    /// The Crisp reference label (`Get A Conversation`).
    pub label: &'static str,
    /// The HTTP verb (`GET`).
    pub method: &'static str,
    /// The path template below the API root, as in the reference
    /// (`website/{website_id}/conversation/{session_id}`).
    pub path: &'static str,
    /// The token tiers the reference lets call it (`user`, `plugin`); empty
    /// where the reference does not say.
    pub tiers: &'static [&'static str],
    /// The query options it can send.
    pub query: &'static [&'static str],
    /// For a route the official SDKs retired: what replaces it.
    pub deprecated: Option<&'static str>,
}

/// Makes an endpoint builder awaitable through [`Client::execute`](crate::Client::execute).
macro_rules! into_future {
    ($endpoint:ident) => {
        impl ::std::future::IntoFuture for $endpoint<'_> {
            type Output = ::std::result::Result<<Self as $crate::Endpoint>::Output, $crate::Error>;
            type IntoFuture = $crate::ResponseFuture<<Self as $crate::Endpoint>::Output>;

            fn into_future(self) -> Self::IntoFuture {
                self.client.execute(&self)
            }
        }
    };
}
