//! The REST client: turns [`ApiRequest`]s into HTTP calls on a
//! [`Transport`] and answers into [`ApiResponse`]s.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crisp_transport::{Body, RequestOptions, Transport};
use http::header::{CONTENT_TYPE, HeaderValue};

use crate::endpoint::Endpoint;
use crate::error::{Error, InvalidInput};
use crate::plugin::PluginApi;
use crate::raw::RawRequest;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::website::WebsiteApi;

/// The production API root.
pub const DEFAULT_BASE_URL: &str = "https://api.crisp.chat/v1/";

/// The future every endpoint builder turns into when awaited. It owns what it
/// needs, so it can be spawned.
pub type ResponseFuture<T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'static>>;

/// A Crisp REST client. Cheap to clone: clones share one transport (one
/// connection pool, one rate limiter, one retry budget).
///
/// ```no_run
/// use crisp_rest::Client;
/// use crisp_transport::{Credentials, Tier, Transport};
/// use crisp_types::WebsiteId;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let transport = Transport::builder(Credentials::new("identifier", "key"), Tier::Plugin).build()?;
/// let client = Client::new(transport);
/// let website = WebsiteId::new("42286ab3-b29a-4fde-8538-da0ae501d825");
/// let conversations = client.website().list_conversations(&website, 1).filter_unread(true).await?;
/// println!("{} unread conversations", conversations.len());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<ClientInner>,
}

struct ClientInner {
    transport: Transport,
    base_url: String,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("tier", &self.inner.transport.tier())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the production API (`https://api.crisp.chat/v1/`).
    pub fn new(transport: Transport) -> Self {
        Self::with_base_url(transport, DEFAULT_BASE_URL)
    }

    /// A client for another API root (a fake Crisp, a proxy). A missing
    /// trailing slash is added.
    pub fn with_base_url(transport: Transport, base_url: impl Into<String>) -> Self {
        let mut base_url = base_url.into();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        Self {
            inner: Arc::new(ClientInner { transport, base_url }),
        }
    }

    /// The API root requests are sent to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The transport requests go through.
    pub fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// Website routes: conversations, messages, people, ...
    pub fn website(&self) -> WebsiteApi<'_> {
        WebsiteApi::new(self)
    }

    /// Plugin routes: connect account, connect websites, ...
    pub fn plugin(&self) -> PluginApi<'_> {
        PluginApi::new(self)
    }

    /// The escape hatch: any method and path (relative to the API root, already
    /// encoded), decoded into any type; see [`RawRequest`].
    pub fn raw(&self, method: http::Method, path: impl Into<String>) -> RawRequest<'_> {
        RawRequest::new(self, method, path.into())
    }

    /// Describes `endpoint`, sends it, and decodes the answer.
    ///
    /// The request is built before this returns, so the future owns everything
    /// and borrows nothing.
    pub fn execute<E: Endpoint>(&self, endpoint: &E) -> ResponseFuture<E::Output>
    where
        E::Output: Send + 'static,
    {
        match endpoint.to_request() {
            Ok(request) => {
                let response = self.send(request);
                Box::pin(async move { E::decode(response.await?) })
            }
            Err(error) => Box::pin(std::future::ready(Err(error))),
        }
    }

    /// Sends a described request and returns the buffered answer, whatever its
    /// status.
    pub fn send(&self, request: ApiRequest) -> impl Future<Output = Result<ApiResponse, Error>> + Send + 'static {
        let route = request.route();
        let prepared = self.to_http(request);
        let transport = self.inner.transport.clone();
        async move {
            let response = transport.send(prepared?).await?;
            let (parts, body) = response.into_parts();
            Ok(ApiResponse::new(route, parts.status, parts.headers, body.into_bytes()))
        }
    }

    fn to_http(&self, request: ApiRequest) -> Result<http::Request<Body>, Error> {
        let uri = format!("{}{}", self.inner.base_url, request.path_and_query());
        let options = RequestOptions {
            route: request.route(),
            idempotency: request.idempotency(),
        };
        let mut builder = http::Request::builder().method(request.method().clone()).uri(&uri);
        let body = match request.into_body() {
            Some(body) => {
                builder = builder.header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                Body::from(body)
            }
            None => Body::empty(),
        };
        let mut http_request = builder
            .body(body)
            .map_err(|error| InvalidInput::new(format!("`{uri}` is not a valid request URI: {error}")))?;
        http_request.extensions_mut().insert(options);
        Ok(http_request)
    }
}
