//! The endpoint template every REST method follows.
//!
//! An endpoint is a builder struct holding the client, the required
//! (positional) arguments and the optional ones (set by chained setters). It
//! implements [`Endpoint`]: [`Endpoint::to_request`] describes the call without
//! sending it, and [`Endpoint::decode`] turns the answer into the typed result.
//! The `into_future!` macro makes the builder awaitable, so a call reads
//! `client.website().get_conversation(&website, &session).await?`.

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
