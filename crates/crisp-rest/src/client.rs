//! The REST client: turns [`ApiRequest`]s into HTTP calls on a
//! [`Transport`] and answers into [`ApiResponse`]s.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use crisp_transport::{Body, RequestOptions, Transport};
use http::Uri;
use http::header::{CONTENT_TYPE, HeaderValue};
use http::uri::{Authority, PathAndQuery, Scheme};

use crate::bucket::BucketApi;
use crate::endpoint::Endpoint;
use crate::error::{Error, InvalidInput, TransportFailure};
use crate::media::MediaApi;
use crate::plan::PlanApi;
use crate::plugin::PluginApi;
use crate::raw::RawRequest;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::user::UserApi;
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
/// use crisp::rest::Client;
/// use crisp::transport::{Credentials, Tier, Transport};
/// use crisp::types::WebsiteId;
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
    /// The deadline of every call made through this handle, when set with
    /// [`Client::with_deadline`].
    deadline: Option<Duration>,
}

struct ClientInner {
    transport: Transport,
    base_url: String,
    /// The base URL, parsed once: scheme, authority and path prefix, or why
    /// it cannot be used.
    root: Result<ApiRoot, String>,
}

/// The parsed API root every request URI is built on.
struct ApiRoot {
    scheme: Scheme,
    authority: Authority,
    /// The path of the root, ending with `/` (`/v1/`).
    prefix: String,
}

impl ApiRoot {
    fn parse(base_url: &str) -> Result<Self, String> {
        let uri: Uri = base_url
            .parse()
            .map_err(|error| format!("`{base_url}` is not a valid API root: {error}"))?;
        let parts = uri.into_parts();
        let (Some(scheme), Some(authority)) = (parts.scheme, parts.authority) else {
            return Err(format!("`{base_url}` is not an absolute URL"));
        };
        if scheme != Scheme::HTTP && scheme != Scheme::HTTPS {
            return Err(format!("`{base_url}` is not an http(s) URL"));
        }
        let path = parts.path_and_query.as_ref().map_or("/", PathAndQuery::path);
        if parts.path_and_query.as_ref().is_some_and(|pq| pq.query().is_some()) {
            return Err(format!("`{base_url}` has a query string"));
        }
        let mut prefix = path.to_owned();
        if !prefix.ends_with('/') {
            prefix.push('/');
        }
        Ok(Self {
            scheme,
            authority,
            prefix,
        })
    }

    /// The URI of `request`: the root's scheme and authority, and its path
    /// prefix followed by the request's encoded path and query.
    fn uri_of(&self, request: &ApiRequest) -> Result<Uri, String> {
        let query = request.query();
        let mut path = String::with_capacity(self.prefix.len() + request.path().len() + 64);
        path.push_str(&self.prefix);
        path.push_str(request.path());
        if !query.is_empty() {
            path.push('?');
            query.encode_into(&mut path);
        }
        let path_and_query = PathAndQuery::from_maybe_shared(Bytes::from(path))
            .map_err(|error| format!("`{}` is not a valid request path: {error}", request.path()))?;
        Uri::builder()
            .scheme(self.scheme.clone())
            .authority(self.authority.clone())
            .path_and_query(path_and_query)
            .build()
            .map_err(|error| error.to_string())
    }
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
    ///
    /// An unusable root (not an absolute `http(s)` URL) does not fail here:
    /// every call then fails with [`Error::InvalidInput`] saying why; check it
    /// up front with [`Client::check_base_url`] (the `crisp` facade's builder
    /// does).
    pub fn with_base_url(transport: Transport, base_url: impl Into<String>) -> Self {
        let mut base_url = base_url.into();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let root = ApiRoot::parse(&base_url);
        Self {
            inner: Arc::new(ClientInner {
                transport,
                base_url,
                root,
            }),
            deadline: None,
        }
    }

    /// Whether `base_url` can be an API root: an absolute `https` URL with a
    /// host and no query, or `http` to a loopback host (to any host when
    /// `allow_insecure_http`, as the transport's own rule). Says why not.
    ///
    /// ```
    /// use crisp::rest::Client;
    ///
    /// assert!(Client::check_base_url("https://api.crisp.chat/v1/", false).is_ok());
    /// assert!(Client::check_base_url("http://127.0.0.1:8080/v1/", false).is_ok());
    /// assert!(Client::check_base_url("http://api.example.com/v1/", false).is_err());
    /// assert!(Client::check_base_url("not a url", false).is_err());
    /// ```
    pub fn check_base_url(base_url: &str, allow_insecure_http: bool) -> Result<(), InvalidInput> {
        let root = ApiRoot::parse(base_url).map_err(InvalidInput::new)?;
        let host = root.authority.host();
        if root.scheme == Scheme::HTTP && !allow_insecure_http && !crisp_transport::is_loopback_host(host) {
            return Err(InvalidInput::new(format!(
                "plain http to {host} is refused (use https, or allow insecure http)"
            )));
        }
        Ok(())
    }

    /// A handle on the same client whose calls each get at most `deadline`,
    /// every attempt and wait included (instead of the transport's
    /// [`deadline`](crisp_transport::TransportBuilder::deadline)).
    ///
    /// ```no_run
    /// # async fn run(client: crisp::rest::Client, w: crisp::types::WebsiteId, s: crisp::types::SessionId) -> Result<(), crisp::rest::Error> {
    /// use std::time::Duration;
    ///
    /// let quick = client.with_deadline(Duration::from_secs(2));
    /// let conversation = quick.website().get_conversation(&w, &s).await?;
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_deadline(&self, deadline: Duration) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            deadline: Some(deadline),
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

    /// Crisp plan routes: a website's plan subscription, bill period, coupons.
    pub fn plan(&self) -> PlanApi<'_> {
        PlanApi::new(self)
    }

    /// Media routes: animation (GIF) searches.
    pub fn media(&self) -> MediaApi<'_> {
        MediaApi::new(self)
    }

    /// Bucket routes: signed URLs to upload files.
    pub fn bucket(&self) -> BucketApi<'_> {
        BucketApi::new(self)
    }

    /// The legacy user-tier routes of the old official wrappers (log in with
    /// a password, log out, profile); all deprecated.
    pub fn user(&self) -> UserApi<'_> {
        UserApi::new(self)
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
            let response = transport
                .send(prepared?)
                .await
                .map_err(|error| Error::Transport(TransportFailure::new(route, error)))?;
            let (parts, body) = response.into_parts();
            Ok(ApiResponse::new(route, parts.status, parts.headers, body.into_bytes()))
        }
    }

    fn to_http(&self, request: ApiRequest) -> Result<http::Request<Body>, Error> {
        let root = self
            .inner
            .root
            .as_ref()
            .map_err(|reason| InvalidInput::new(reason.clone()))?;
        let uri = root
            .uri_of(&request)
            .map_err(|reason| InvalidInput::new(format!("{}: {reason}", request.route())))?;
        let mut options = RequestOptions::new(request.route()).with_idempotency(request.idempotency());
        if let Some(deadline) = request.deadline().or(self.deadline) {
            options = options.with_deadline(deadline);
        }
        let method = request.method().clone();
        let (body, has_body) = match request.into_body() {
            Some(body) => (Body::from(body), true),
            None => (Body::empty(), false),
        };
        let mut http_request = http::Request::new(body);
        *http_request.method_mut() = method;
        *http_request.uri_mut() = uri;
        if has_body {
            http_request
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        http_request.extensions_mut().insert(options);
        Ok(http_request)
    }
}
