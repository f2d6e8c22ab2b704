//! The static headers every request carries.

use std::sync::Arc;
use std::task::{Context, Poll};

use base64::Engine as _;
use http::header::{ACCEPT, AUTHORIZATION, USER_AGENT};
use http::{HeaderName, HeaderValue};
use tower_service::Service;

use crate::error::{BuildError, TransportError};
use crate::{Body, Credentials, Tier};

/// The name of Crisp's tier header.
pub(crate) const X_CRISP_TIER: HeaderName = HeaderName::from_static("x-crisp-tier");

/// The precomputed header values.
#[derive(Clone)]
pub(crate) struct StaticHeaders {
    authorization: HeaderValue,
    tier: HeaderValue,
    user_agent: HeaderValue,
}

impl StaticHeaders {
    pub(crate) fn new(credentials: &Credentials, tier: Tier, user_agent: &str) -> Result<Self, BuildError> {
        if credentials.identifier().contains(':') {
            return Err(BuildError::InvalidCredentials {
                reason: "the identifier contains `:`, which Basic authentication cannot carry",
            });
        }
        let token = base64::engine::general_purpose::STANDARD.encode(format!(
            "{}:{}",
            credentials.identifier(),
            credentials.key()
        ));
        let mut authorization =
            HeaderValue::try_from(format!("Basic {token}")).map_err(|_| BuildError::InvalidCredentials {
                reason: "not a valid header value",
            })?;
        authorization.set_sensitive(true);
        let user_agent = HeaderValue::try_from(user_agent).map_err(|_| BuildError::InvalidUserAgent)?;
        Ok(Self {
            authorization,
            tier: HeaderValue::from_static(tier.as_str()),
            user_agent,
        })
    }
}

impl StaticHeaders {
    /// Sets `Authorization`, `X-Crisp-Tier` and `User-Agent` (replacing any
    /// value the caller set) and `Accept: application/json` (unless the caller
    /// set one).
    fn apply(&self, headers: &mut http::HeaderMap) {
        headers.reserve(4);
        headers.insert(AUTHORIZATION, self.authorization.clone());
        headers.insert(X_CRISP_TIER, self.tier.clone());
        headers.insert(USER_AGENT, self.user_agent.clone());
        headers
            .entry(ACCEPT)
            .or_insert(HeaderValue::from_static("application/json"));
    }
}

/// Adds the [`StaticHeaders`] to every request, then calls the inner service
/// directly (no future of its own).
#[derive(Clone)]
pub(crate) struct Headers<S> {
    inner: S,
    values: Arc<StaticHeaders>,
}

impl<S> Headers<S> {
    pub(crate) fn new(inner: S, values: StaticHeaders) -> Self {
        Self {
            inner,
            values: Arc::new(values),
        }
    }
}

impl<S> Service<http::Request<Body>> for Headers<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>,
{
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        self.values.apply(request.headers_mut());
        self.inner.call(request)
    }
}
