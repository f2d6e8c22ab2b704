//! The outermost layer: one tracing span per logical request.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll};

use tower::ServiceExt;
use tower_service::Service;
use tracing::Instrument;

use super::ResponseFuture;
use crate::error::TransportError;
use crate::{Body, HttpService, RequestOptions};

/// Counts the attempts made for one logical request. The trace layer puts it
/// in the request extensions; the retry layer bumps it before each attempt.
#[derive(Clone, Default)]
pub(crate) struct Attempts(Arc<AtomicU32>);

impl Attempts {
    pub(crate) fn bump(&self) -> u32 {
        self.0.fetch_add(1, Ordering::Relaxed).saturating_add(1)
    }

    fn get(&self) -> u32 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Opens a `crisp_http` span (fields `route`, `method`, `path`, `attempts`,
/// `status`) around the whole request, retries included.
#[derive(Clone)]
pub(crate) struct Trace {
    inner: HttpService,
}

impl Trace {
    pub(crate) fn new(inner: HttpService) -> Self {
        Self { inner }
    }
}

impl Service<http::Request<Body>> for Trace {
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
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
        let attempts = Attempts::default();
        request.extensions_mut().insert(attempts.clone());
        let inner = self.inner.clone();
        let record_span = span.clone();
        Box::pin(
            async move {
                let outcome = inner.oneshot(request).await;
                record_span.record("attempts", attempts.get());
                match &outcome {
                    Ok(response) => {
                        record_span.record("status", response.status().as_u16());
                    }
                    Err(error) => {
                        tracing::debug!(
                            error = %error,
                            may_have_been_sent = error.may_have_been_sent(),
                            "request failed"
                        );
                    }
                }
                outcome
            }
            .instrument(span),
        )
    }
}
