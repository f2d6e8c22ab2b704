//! Assembling the stack.

use std::fmt;
use std::time::Duration;

use tower_layer::Layer;
use tower_service::Service;

use crate::error::{BoxError, BuildError, TransportError};
use crate::layer::headers::{Headers, StaticHeaders};
use crate::layer::rate_limit::RateLimit;
use crate::layer::retry::Retry;
use crate::layer::timeout::Timeout;
use crate::layer::trace::Trace;
use crate::{Body, Credentials, HttpService, RateLimitConfig, RetryConfig, Tier, Transport};

/// The user agent sent unless [`TransportBuilder::user_agent`] replaces it.
const DEFAULT_USER_AGENT: &str = concat!("crisp-rs/", env!("CARGO_PKG_VERSION"));

/// The per-attempt timeout unless [`TransportBuilder::timeout`] replaces it.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The deadline of a whole call unless [`TransportBuilder::deadline`]
/// replaces it: three timed-out attempts fit, a long `Retry-After` does not.
const DEFAULT_DEADLINE: Duration = Duration::from_secs(30);

/// The largest response body accepted unless
/// [`TransportBuilder::max_response_size`] replaces it (16 MiB, far above any
/// Crisp answer).
const DEFAULT_MAX_RESPONSE_SIZE: usize = 16 * 1024 * 1024;

type WrapFn = Box<dyn FnOnce(HttpService) -> HttpService + Send + Sync>;

/// Configures and builds a [`Transport`]; start with [`Transport::builder`].
///
/// The stack, outer to inner:
///
/// 1. a tracing span per request (`crisp_http`: route, method, path,
///    attempts, status);
/// 2. static headers: `Authorization: Basic …` (marked sensitive),
///    `X-Crisp-Tier`, `User-Agent`, and `Accept: application/json` unless the
///    request has an `Accept`;
/// 3. the layers given to [`layer`](Self::layer), first added outermost;
///    they run once per request (not per attempt) and already see the
///    static headers;
/// 4. retries ([`RetryConfig`]);
/// 5. the rate limiter ([`RateLimitConfig`]), shared by all clones;
/// 6. the per-attempt timeout, which covers sending the request and reading
///    the whole response body;
/// 7. the leaf: hyper-util's pooled client over hyper-rustls, or the service
///    given to [`from_service`](Self::from_service), whose answers are
///    checked against [`max_response_size`](Self::max_response_size).
///
/// The retry layer also enforces the [`deadline`](Self::deadline) of the
/// whole call. The built-in layers are concrete types composed into one
/// type-erased service; only the layers given to [`layer`](Self::layer) are
/// boxed one by one.
///
/// Which setting wins: [`timeout`](Self::timeout) bounds each attempt,
/// [`deadline`](Self::deadline) the whole call (a request's own
/// [`RequestOptions::deadline`](crate::RequestOptions::deadline) replaces it
/// for that request). A layer given to [`layer`](Self::layer) runs outside
/// the retry layer, so it sees one call per request whatever the number of
/// attempts; to see every attempt, wrap the leaf instead with
/// [`from_service`](Self::from_service).
pub struct TransportBuilder {
    credentials: Credentials,
    tier: Tier,
    user_agent: String,
    timeout: Duration,
    deadline: Duration,
    max_response_size: usize,
    retry: RetryConfig,
    rate_limit: RateLimitConfig,
    allow_insecure_http: bool,
    leaf: Option<HttpService>,
    layers: Vec<WrapFn>,
}

impl TransportBuilder {
    pub(crate) fn new(credentials: Credentials, tier: Tier) -> Self {
        Self {
            credentials,
            tier,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            timeout: DEFAULT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            retry: RetryConfig::default(),
            rate_limit: RateLimitConfig::default(),
            allow_insecure_http: false,
            leaf: None,
            layers: Vec::new(),
        }
    }

    /// Replaces the `User-Agent` (default `crisp-rs/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// The time one attempt may take, response body included (default 10 s).
    /// Retries each get a fresh timeout.
    pub fn timeout(mut self, per_attempt: Duration) -> Self {
        self.timeout = per_attempt;
        self
    }

    /// The time a whole call may take, every attempt and every wait between
    /// attempts included (default 30 s). No retry wait is started that would
    /// end past it; an attempt still running when it passes fails with
    /// [`TransportError::Deadline`]. A request's
    /// [`RequestOptions::deadline`](crate::RequestOptions::deadline) replaces
    /// it for that request.
    pub fn deadline(mut self, whole_call: Duration) -> Self {
        self.deadline = whole_call;
        self
    }

    /// The largest response body accepted, in bytes (default 16 MiB). The
    /// built-in client refuses a larger `Content-Length` before reading the
    /// body and stops reading a body that grows past the limit, so memory
    /// stays near the limit whatever the server sends; either way the call
    /// fails with [`TransportError::ResponseTooLarge`] (not retried).
    pub fn max_response_size(mut self, bytes: usize) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// Replaces the retry policy (default [`RetryConfig::default`]).
    pub fn retry(mut self, config: RetryConfig) -> Self {
        self.retry = config;
        self
    }

    /// Replaces the rate-limit policy (default [`RateLimitConfig::default`]).
    pub fn rate_limit(mut self, config: RateLimitConfig) -> Self {
        self.rate_limit = config;
        self
    }

    /// Allows plain `http://` to any host (default `false`: plain HTTP only
    /// to loopback hosts, `127.0.0.0/8`, `::1` and `localhost`, so a fake
    /// server on the local machine works without this). Only the built-in
    /// hyper client checks this; a [`from_service`](Self::from_service)
    /// service is responsible for its own policy.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Sends requests through `inner` instead of the built-in hyper client:
    /// a test double, a recording proxy, another HTTP stack. All the layers
    /// (headers, retry, rate limit, timeout) still apply on top of it.
    ///
    /// `inner` receives requests with absolute URIs and must return fully
    /// buffered responses. If its error type is (or boxes) a
    /// [`TransportError`], the error is passed on unchanged, so a double can
    /// simulate, say, a connect failure; any other error becomes
    /// [`TransportError::Service`].
    ///
    /// ```
    /// use crisp::transport::{Body, Credentials, Tier, Transport};
    /// use std::convert::Infallible;
    ///
    /// let fake = tower::service_fn(|_request: http::Request<Body>| async {
    ///     Ok::<_, Infallible>(http::Response::new(Body::from(r#"{"error":false}"#)))
    /// });
    /// let transport = Transport::builder(Credentials::new("id", "key"), Tier::Plugin)
    ///     .from_service(fake)
    ///     .build()?;
    /// # let _ = transport;
    /// # Ok::<(), crisp::transport::BuildError>(())
    /// ```
    pub fn from_service<S>(mut self, inner: S) -> Self
    where
        S: Service<http::Request<Body>, Response = http::Response<Body>> + Clone + Send + Sync + 'static,
        S::Error: Into<BoxError>,
        S::Future: Send + 'static,
    {
        let mapped = tower::ServiceExt::map_err(inner, |error: S::Error| TransportError::from_boxed(error.into()));
        self.leaf = Some(HttpService::new(mapped));
        self
    }

    /// Adds a middleware layer.
    ///
    /// User layers sit between the static headers and the retry layer: each
    /// sees every request exactly once (whatever the number of attempts),
    /// with `Authorization`, `X-Crisp-Tier`, `User-Agent` and `Accept`
    /// already set, inside the request's tracing span. The first layer added
    /// is the outermost. A layer finds the request's route name (the REST
    /// method, `list_conversations`) in its
    /// [`RequestOptions`](crate::RequestOptions) extension;
    /// `examples/middleware.rs` in the repository has a complete layer that
    /// counts and logs calls, and the same layer around a
    /// [`from_service`](Self::from_service) leaf to see every attempt.
    ///
    /// ```
    /// use crisp::transport::{Credentials, Tier, Transport};
    ///
    /// let transport = Transport::builder(Credentials::new("id", "key"), Tier::Website)
    ///     .layer(tower::layer::layer_fn(|inner| inner)) // a no-op layer
    ///     .build()?;
    /// # let _ = transport;
    /// # Ok::<(), crisp::transport::BuildError>(())
    /// ```
    pub fn layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<HttpService> + Send + Sync + 'static,
        L::Service: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<http::Request<Body>>>::Future: Send + 'static,
    {
        self.layers
            .push(Box::new(move |inner| HttpService::new(layer.layer(inner))));
        self
    }

    /// Builds the stack. No runtime is needed to build; sending needs Tokio.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidUserAgent`] or
    /// [`BuildError::InvalidCredentials`] when a header cannot carry them,
    /// [`BuildError::Tls`] when TLS cannot be set up.
    pub fn build(mut self) -> Result<Transport, BuildError> {
        let headers = StaticHeaders::new(&self.credentials, self.tier, &self.user_agent)?;
        let limit = self.max_response_size;
        match self.leaf.take() {
            Some(custom) => {
                let checked = tower::ServiceExt::map_result(custom, move |outcome| check_size(outcome, limit));
                Ok(self.assemble(checked, headers))
            }
            None => {
                let leaf = crate::hyper_leaf::HyperLeaf::new(self.allow_insecure_http, limit)?;
                Ok(self.assemble(leaf, headers))
            }
        }
    }

    /// Composes the stack over `leaf`: concrete layers, one box at the edge
    /// (plus one per user layer).
    fn assemble<L>(self, leaf: L, headers: StaticHeaders) -> Transport
    where
        L: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>
            + Clone
            + Send
            + Sync
            + 'static,
        L::Future: Send + 'static,
    {
        let attempts = Retry::new(
            RateLimit::new(Timeout::new(leaf, self.timeout), self.rate_limit),
            self.retry,
            self.deadline,
        );
        let service = if self.layers.is_empty() {
            HttpService::new(Trace::new(Headers::new(attempts, headers)))
        } else {
            let mut service = HttpService::new(attempts);
            for wrap in self.layers.into_iter().rev() {
                service = wrap(service);
            }
            HttpService::new(Trace::new(Headers::new(service, headers)))
        };
        Transport::new(service, self.credentials, self.tier)
    }
}

/// Refuses a buffered answer of a custom service that is over the limit.
fn check_size(
    outcome: Result<http::Response<Body>, TransportError>,
    limit: usize,
) -> Result<http::Response<Body>, TransportError> {
    match outcome {
        Ok(response) if response.body().len() > limit => Err(TransportError::ResponseTooLarge {
            limit,
            declared: u64::try_from(response.body().len()).ok(),
        }),
        other => other,
    }
}

impl fmt::Debug for TransportBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportBuilder")
            .field("credentials", &self.credentials)
            .field("tier", &self.tier)
            .field("user_agent", &self.user_agent)
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("max_response_size", &self.max_response_size)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("custom_service", &self.leaf.is_some())
            .field("layers", &self.layers.len())
            .finish()
    }
}
