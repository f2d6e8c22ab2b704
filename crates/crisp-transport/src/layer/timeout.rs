//! The per-attempt timeout, just above the leaf.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use pin_project_lite::pin_project;
use tower_service::Service;

use crate::Body;
use crate::error::TransportError;

/// Fails an attempt with [`TransportError::Timeout`] when the inner service
/// has not produced a fully buffered response within `after`.
#[derive(Clone)]
pub(crate) struct Timeout<S> {
    inner: S,
    after: Duration,
}

impl<S> Timeout<S> {
    pub(crate) fn new(inner: S, after: Duration) -> Self {
        Self { inner, after }
    }
}

impl<S> Service<http::Request<Body>> for Timeout<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>,
{
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = TimeoutFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        TimeoutFuture {
            inner: tokio::time::timeout(self.after, self.inner.call(request)),
            after: self.after,
        }
    }
}

pin_project! {
    /// The future of [`Timeout`]: the inner future raced against a timer.
    pub(crate) struct TimeoutFuture<F> {
        #[pin]
        inner: tokio::time::Timeout<F>,
        after: Duration,
    }
}

impl<F> Future for TimeoutFuture<F>
where
    F: Future<Output = Result<http::Response<Body>, TransportError>>,
{
    type Output = Result<http::Response<Body>, TransportError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        Poll::Ready(match ready!(this.inner.poll(cx)) {
            Ok(outcome) => outcome,
            // The retry layer fills in which attempt this was.
            Err(_elapsed) => Err(TransportError::Timeout {
                after: *this.after,
                attempt: 1,
                of: 1,
            }),
        })
    }
}
