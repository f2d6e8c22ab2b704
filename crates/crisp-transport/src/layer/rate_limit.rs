//! A client-side rate limiter shared by all clones of a transport.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use futures_util::future::Either;
use pin_project_lite::pin_project;
use tokio::time::Instant;
use tower_service::Service;

use super::{ResponseFuture, is_rate_limited, retry_after};
use crate::Body;
use crate::error::TransportError;

/// How the transport paces requests.
///
/// The limiter sits inside the retry layer, so it sees every attempt, and its
/// state lives behind an `Arc`: a transport and all its clones share one
/// limiter.
///
/// - Requests start at least [`min_interval`](Self::min_interval) apart
///   (default: no spacing).
/// - When a response is HTTP 429 or 420, every request through the transport
///   is paused: until `Retry-After` when the server sent one, otherwise for
///   [`backoff_on_limit`](Self::backoff_on_limit), which doubles (up to
///   [`max_backoff`](Self::max_backoff)) each time a new pause starts while
///   the server keeps refusing. Further 429s that arrive during a pause do
///   not lengthen it (unless their `Retry-After` does).
/// - When a pause ends, waiting requests are released one at a time,
///   [`release_spacing`](Self::release_spacing) apart, not all at once.
/// - The first response that is not a rate limit ends this careful mode and
///   resets the backoff.
///
/// HTTP 422 does not pause the limiter (see [`RetryConfig`](crate::RetryConfig)).
///
/// ```
/// use std::time::Duration;
/// use crisp::transport::RateLimitConfig;
///
/// let limits = RateLimitConfig::default()
///     .min_interval(Duration::from_millis(50))
///     .backoff_on_limit(Duration::from_secs(2));
/// # let _ = limits;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitConfig {
    enabled: bool,
    min_interval: Duration,
    backoff_on_limit: Duration,
    max_backoff: Duration,
    release_spacing: Duration,
}

impl Default for RateLimitConfig {
    /// No minimum spacing, a 1 s initial pause doubling up to 30 s, and
    /// waiters released 100 ms apart after a pause.
    fn default() -> Self {
        Self {
            enabled: true,
            min_interval: Duration::ZERO,
            backoff_on_limit: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            release_spacing: Duration::from_millis(100),
        }
    }
}

impl RateLimitConfig {
    /// No client-side limiting at all (the retry layer still honours
    /// `Retry-After` for the request that got it).
    pub fn disabled() -> Self {
        Self {
            enabled: false,
            ..Self::default()
        }
    }

    /// The least time between the starts of two requests.
    pub fn min_interval(mut self, interval: Duration) -> Self {
        self.min_interval = interval;
        self
    }

    /// The first pause after a 429/420 without `Retry-After`.
    pub fn backoff_on_limit(mut self, pause: Duration) -> Self {
        self.backoff_on_limit = pause;
        self
    }

    /// The longest pause after a 429/420 without `Retry-After`.
    pub fn max_backoff(mut self, pause: Duration) -> Self {
        self.max_backoff = pause;
        self
    }

    /// The spacing between requests released after a pause.
    pub fn release_spacing(mut self, spacing: Duration) -> Self {
        self.release_spacing = spacing;
        self
    }

    pub(crate) fn is_enabled(&self) -> bool {
        self.enabled
    }
}

#[derive(Debug)]
struct LimiterState {
    /// The earliest start for the next request.
    next_free: Option<Instant>,
    /// Nobody starts before this.
    paused_until: Option<Instant>,
    /// The next pause when the server gives no `Retry-After`.
    backoff: Duration,
    /// Set by a rate limit, cleared by the next other response.
    throttled: bool,
}

#[derive(Debug)]
struct Limiter {
    config: RateLimitConfig,
    /// Whether requests must go through the state at all: a minimum spacing
    /// is configured, or a rate limit was seen and its pause (or careful
    /// release) is not over. While it is `false`, requests neither lock nor
    /// wait, and responses are only looked at for a rate-limit status.
    pacing: AtomicBool,
    state: Mutex<LimiterState>,
}

impl Limiter {
    fn new(config: RateLimitConfig) -> Self {
        let backoff = config.backoff_on_limit;
        Self {
            pacing: AtomicBool::new(!config.min_interval.is_zero()),
            state: Mutex::new(LimiterState {
                next_free: None,
                paused_until: None,
                backoff,
                throttled: false,
            }),
            config,
        }
    }

    fn lock(&self) -> MutexGuard<'_, LimiterState> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether a request may start at once without looking at the state.
    fn is_quiet(&self) -> bool {
        !self.pacing.load(Ordering::Acquire)
    }

    /// Waits for this request's turn (the slow path: pacing is on).
    async fn acquire(&self) {
        loop {
            let start = {
                let mut state = self.lock();
                let now = Instant::now();
                let start = [state.next_free, state.paused_until]
                    .into_iter()
                    .flatten()
                    .fold(now, Instant::max);
                let gap = if state.throttled {
                    self.config.min_interval.max(self.config.release_spacing)
                } else {
                    self.config.min_interval
                };
                if start > now || !gap.is_zero() {
                    state.next_free = Some(start + gap);
                } else if !state.throttled && self.config.min_interval.is_zero() {
                    // The pause is over and nothing was refused since: back
                    // to the fast path.
                    state.next_free = None;
                    state.paused_until = None;
                    self.pacing.store(false, Ordering::Release);
                }
                start
            };
            if start > Instant::now() {
                tokio::time::sleep_until(start).await;
            }
            // A pause that began while we waited for our slot applies to us
            // too: take a new slot after it.
            let paused = self.lock().paused_until.is_some_and(|until| until > Instant::now());
            if !paused {
                return;
            }
        }
    }

    /// Learns from a response.
    fn observe(&self, response: &http::Response<Body>) {
        let limited = is_rate_limited(response.status());
        if !limited && self.is_quiet() {
            return;
        }
        let mut state = self.lock();
        if limited {
            let now = Instant::now();
            let already_paused = state.paused_until.is_some_and(|until| until > now);
            let until = match retry_after(response.headers()) {
                Some(wait) => Some(now + wait),
                None if already_paused => None,
                None => {
                    let pause = state.backoff;
                    state.backoff = state.backoff.saturating_mul(2).min(self.config.max_backoff);
                    Some(now + pause)
                }
            };
            if let Some(until) = until {
                state.paused_until = Some(state.paused_until.map_or(until, |p| p.max(until)));
            }
            state.throttled = true;
            self.pacing.store(true, Ordering::Release);
            tracing::debug!(status = response.status().as_u16(), "rate limited, pausing requests");
        } else if state.throttled {
            state.throttled = false;
            state.backoff = self.config.backoff_on_limit;
        }
    }
}

/// The rate limiter's service. Disabled, it passes requests through.
#[derive(Clone)]
pub(crate) struct RateLimit<S> {
    inner: S,
    limiter: Option<Arc<Limiter>>,
}

impl<S> RateLimit<S> {
    pub(crate) fn new(inner: S, config: RateLimitConfig) -> Self {
        let limiter = config.is_enabled().then(|| Arc::new(Limiter::new(config)));
        Self { inner, limiter }
    }
}

impl<S> Service<http::Request<Body>> for RateLimit<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = Either<Observed<S::Future>, ResponseFuture>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let Some(limiter) = &self.limiter else {
            return Either::Left(Observed {
                inner: self.inner.call(request),
                limiter: None,
            });
        };
        if limiter.is_quiet() {
            return Either::Left(Observed {
                inner: self.inner.call(request),
                limiter: Some(Arc::clone(limiter)),
            });
        }
        // Slow path: wait for a turn with the service made ready for this
        // call, and leave a fresh clone behind for the next one.
        let fresh = self.inner.clone();
        let mut ready = std::mem::replace(&mut self.inner, fresh);
        let limiter = Arc::clone(limiter);
        Either::Right(Box::pin(async move {
            limiter.acquire().await;
            let outcome = ready.call(request).await;
            if let Ok(response) = &outcome {
                limiter.observe(response);
            }
            outcome
        }))
    }
}

pin_project! {
    /// The fast path's future: the inner future, whose response the limiter
    /// looks at for a rate-limit status.
    pub(crate) struct Observed<F> {
        #[pin]
        inner: F,
        limiter: Option<Arc<Limiter>>,
    }
}

impl<F> Future for Observed<F>
where
    F: Future<Output = Result<http::Response<Body>, TransportError>>,
{
    type Output = Result<http::Response<Body>, TransportError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let outcome = ready!(this.inner.poll(cx));
        if let (Some(limiter), Ok(response)) = (this.limiter.as_ref(), &outcome) {
            limiter.observe(response);
        }
        Poll::Ready(outcome)
    }
}
