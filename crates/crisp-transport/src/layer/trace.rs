//! The outermost layer: one tracing span per logical request.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use tower_service::Service;

use crate::error::TransportError;
use crate::{Body, RequestOptions};

/// Opens a `crisp_http` span (fields `route`, `method`, `path`, `attempts`,
/// `status`) around the whole request, retries included. The retry layer
/// records `attempts` in it; this layer records `status`.
#[derive(Clone)]
pub(crate) struct Trace<S> {
    inner: S,
}

impl<S> Trace<S> {
    pub(crate) fn new(inner: S) -> Self {
        Self { inner }
    }
}

impl<S> Service<http::Request<Body>> for Trace<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>,
{
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = TraceFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let route = request
            .extensions()
            .get::<RequestOptions>()
            .map_or("unknown", |options| options.route);
        let span = tracing::info_span!(
            "crisp_http",
            route,
            method = %request.method(),
            path = request.uri().path(),
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        let inner = {
            let _entered = span.enter();
            self.inner.call(request)
        };
        TraceFuture { inner, span }
    }
}

pin_project! {
    /// The future of [`Trace`]: polls the inner future inside the span and
    /// records the outcome.
    pub(crate) struct TraceFuture<F> {
        #[pin]
        inner: F,
        span: tracing::Span,
    }
}

impl<F> Future for TraceFuture<F>
where
    F: Future<Output = Result<http::Response<Body>, TransportError>>,
{
    type Output = Result<http::Response<Body>, TransportError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let _entered = this.span.enter();
        let outcome = ready!(this.inner.poll(cx));
        match &outcome {
            Ok(response) => {
                this.span.record("status", response.status().as_u16());
            }
            Err(error) => {
                tracing::debug!(
                    error = %error,
                    may_have_been_sent = error.may_have_been_sent(),
                    "request failed"
                );
            }
        }
        Poll::Ready(outcome)
    }
}
