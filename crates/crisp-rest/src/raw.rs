//! The escape hatch: any method, path and body, decoded into any type, for
//! routes Crisp adds before this crate wraps them.

use std::future::IntoFuture;
use std::marker::PhantomData;

use crisp_transport::Idempotency;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::{Client, ResponseFuture};
use crate::endpoint::Endpoint;
use crate::error::{Error, InvalidInput};
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// A request to any route, decoded into `T` (by default a
/// [`serde_json::Value`]) from the envelope's `data`.
///
/// Requests are named `raw` in errors and traces unless
/// [`route`](Self::route) names them.
///
/// ```no_run
/// # async fn run(client: crisp::rest::Client) -> Result<(), crisp::rest::Error> {
/// use crisp::rest::segment;
/// use http::Method;
///
/// #[derive(serde::Deserialize)]
/// struct Operator {
///     user_id: String,
/// }
///
/// let path = format!("website/{}/operators/list", segment("42286ab3-b29a-4fde-8538-da0ae501d825"));
/// let operators: Vec<Operator> = client
///     .raw(Method::GET, path)
///     .route("list_website_operators")
///     .decode_as()
///     .await?;
/// for operator in &operators {
///     println!("{}", operator.user_id);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct RawRequest<'a, T = serde_json::Value> {
    client: &'a Client,
    request: Result<ApiRequest, InvalidInput>,
    query: Query,
    output: PhantomData<fn() -> T>,
}

impl<'a> RawRequest<'a> {
    pub(crate) fn new(client: &'a Client, method: http::Method, path: String) -> Self {
        let path = path.trim_start_matches('/').to_owned();
        Self {
            client,
            request: Ok(ApiRequest::new(method, path, "raw")),
            query: Query::new(),
            output: PhantomData,
        }
    }
}

impl<'a, T> RawRequest<'a, T> {
    /// Adds a query parameter.
    pub fn query(mut self, key: &'static str, value: impl std::fmt::Display) -> Self {
        self.query.push(key, value);
        self
    }

    /// Sends `body` as JSON.
    pub fn json(mut self, body: &(impl Serialize + ?Sized)) -> Self {
        self.request = self.request.and_then(|request| request.try_with_json(body));
        self
    }

    /// Names the request in errors and traces (default `raw`).
    pub fn route(mut self, route: &'static str) -> Self {
        self.request = self.request.map(|request| request.with_route(route));
        self
    }

    /// Sets the most time the whole call may take, retries included.
    pub fn deadline(mut self, deadline: std::time::Duration) -> Self {
        self.request = self.request.map(|request| request.with_deadline(deadline));
        self
    }

    /// Overrides whether the transport may retry after an ambiguous failure.
    pub fn idempotency(mut self, idempotency: Idempotency) -> Self {
        self.request = self.request.map(|request| request.with_idempotency(idempotency));
        self
    }

    /// Decodes `data` into `U` instead.
    pub fn decode_as<U>(self) -> RawRequest<'a, U> {
        RawRequest {
            client: self.client,
            request: self.request,
            query: self.query,
            output: PhantomData,
        }
    }

    /// Sends the request and returns the undecoded answer, whatever its status.
    pub async fn send(self) -> Result<ApiResponse, Error> {
        let request = self.request.map_err(Error::InvalidInput)?.with_query(self.query);
        self.client.send(request).await
    }
}

impl<T: DeserializeOwned> Endpoint for RawRequest<'_, T> {
    type Output = T;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        match &self.request {
            Ok(request) => Ok(request.clone().with_query(self.query.clone())),
            Err(error) => Err(Error::InvalidInput(error.clone())),
        }
    }

    fn decode(response: ApiResponse) -> Result<T, Error> {
        response.data()
    }
}

impl<T: DeserializeOwned + Send + 'static> IntoFuture for RawRequest<'_, T> {
    type Output = Result<T, Error>;
    type IntoFuture = ResponseFuture<T>;

    fn into_future(self) -> Self::IntoFuture {
        self.client.execute(&self)
    }
}
