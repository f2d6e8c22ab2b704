//! The per-attempt timeout, just above the leaf.

use std::task::{Context, Poll};
use std::time::Duration;

use tower::ServiceExt;
use tower_service::Service;

use super::ResponseFuture;
use crate::error::TransportError;
use crate::{Body, HttpService};

/// Fails an attempt with [`TransportError::Timeout`] when the leaf has not
/// produced a fully buffered response within `after`.
#[derive(Clone)]
pub(crate) struct Timeout {
    inner: HttpService,
    after: Duration,
}

impl Timeout {
    pub(crate) fn new(inner: HttpService, after: Duration) -> Self {
        Self { inner, after }
    }
}

impl Service<http::Request<Body>> for Timeout {
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let inner = self.inner.clone();
        let after = self.after;
        Box::pin(async move {
            match tokio::time::timeout(after, inner.oneshot(request)).await {
                Ok(outcome) => outcome,
                Err(_elapsed) => Err(TransportError::Timeout { after }),
            }
        })
    }
}
