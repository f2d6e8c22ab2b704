//! The static headers every request carries.

use std::task::{Context, Poll};

use base64::Engine as _;
use http::header::{ACCEPT, AUTHORIZATION, USER_AGENT};
use http::{HeaderName, HeaderValue};
use tower::ServiceExt;
use tower_service::Service;

use super::ResponseFuture;
use crate::error::{BuildError, TransportError};
use crate::{Body, Credentials, HttpService, Tier};

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

/// Sets `Authorization`, `X-Crisp-Tier` and `User-Agent` (replacing any value
/// the caller set) and `Accept: application/json` (unless the caller set one).
#[derive(Clone)]
pub(crate) struct Headers {
    inner: HttpService,
    values: StaticHeaders,
}

impl Headers {
    pub(crate) fn new(inner: HttpService, values: StaticHeaders) -> Self {
        Self { inner, values }
    }
}

impl Service<http::Request<Body>> for Headers {
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        let headers = request.headers_mut();
        headers.insert(AUTHORIZATION, self.values.authorization.clone());
        headers.insert(X_CRISP_TIER, self.values.tier.clone());
        headers.insert(USER_AGENT, self.values.user_agent.clone());
        headers
            .entry(ACCEPT)
            .or_insert(HeaderValue::from_static("application/json"));
        Box::pin(self.inner.clone().oneshot(request))
    }
}
