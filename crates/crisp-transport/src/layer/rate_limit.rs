//! A client-side rate limiter shared by all clones of a transport.

use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;
use tower::ServiceExt;
use tower_service::Service;

use super::{ResponseFuture, is_rate_limited, retry_after};
use crate::error::TransportError;
use crate::{Body, HttpService};

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
/// use crisp_transport::RateLimitConfig;
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
    state: Mutex<LimiterState>,
}

impl Limiter {
    fn lock(&self) -> MutexGuard<'_, LimiterState> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits for this request's turn.
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
                }
                start
            };
            tokio::time::sleep_until(start).await;
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
        let mut state = self.lock();
        if is_rate_limited(response.status()) {
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
            tracing::debug!(status = response.status().as_u16(), "rate limited, pausing requests");
        } else if state.throttled {
            state.throttled = false;
            state.backoff = self.config.backoff_on_limit;
        }
    }
}

/// The rate limiter's service.
#[derive(Clone)]
pub(crate) struct RateLimit {
    inner: HttpService,
    limiter: Arc<Limiter>,
}

impl RateLimit {
    pub(crate) fn new(inner: HttpService, config: RateLimitConfig) -> Self {
        let backoff = config.backoff_on_limit;
        Self {
            inner,
            limiter: Arc::new(Limiter {
                config,
                state: Mutex::new(LimiterState {
                    next_free: None,
                    paused_until: None,
                    backoff,
                    throttled: false,
                }),
            }),
        }
    }
}

impl Service<http::Request<Body>> for RateLimit {
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let inner = self.inner.clone();
        let limiter = Arc::clone(&self.limiter);
        Box::pin(async move {
            limiter.acquire().await;
            let outcome = inner.oneshot(request).await;
            if let Ok(response) = &outcome {
                limiter.observe(response);
            }
            outcome
        })
    }
}
