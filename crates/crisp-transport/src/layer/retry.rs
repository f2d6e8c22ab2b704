//! Retries: which outcomes are retried, how long to wait, and the shared
//! retry budget.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;
use tower_service::Service;

use super::{ResponseFuture, is_rate_limited, retry_after};
use crate::error::TransportError;
use crate::{Body, Idempotency, RequestOptions};

/// How the transport retries failed attempts.
///
/// The rules:
///
/// - **Rate limited** (HTTP 429 or 420): the request was not processed, so it
///   is retried whatever its method, after `Retry-After` when the server sent
///   one (delta-seconds or HTTP date), otherwise after a jittered backoff.
///   A `Retry-After` longer than [`max_retry_after`](Self::max_retry_after)
///   is not waited for: the response is returned at once. HTTP 422 is *not*
///   treated as a rate limit (although Crisp staff have cited it as a hint to
///   slow down, Crisp mostly uses it for invalid input); it is returned to the
///   caller as an API error.
/// - **Not sent** (connection failures): retried whatever the method.
/// - **Transient** (HTTP 502, 503, 504; per-attempt timeouts; connections
///   broken mid-exchange; errors of a custom service): retried only when the
///   request is idempotent, as decided by the [`Idempotency`] in its
///   [`RequestOptions`] (by default: `GET`, `HEAD`, `OPTIONS`, `PUT`,
///   `DELETE`). `POST` and `PATCH` are never retried on these.
/// - Anything else is returned as-is.
///
/// Backoff is exponential with full jitter: before retry *n* the transport
/// waits a random time between zero and `min(max_delay, base_delay * 2^(n-1))`.
/// Every retry is paid for from a [`RetryBudget`] shared by all clones of the
/// transport. No wait is started that would end past the call's deadline
/// ([`TransportBuilder::deadline`](crate::TransportBuilder::deadline)), and
/// an attempt still running when the deadline passes is abandoned with
/// [`TransportError::Deadline`]. When attempts, budget or time run out, the
/// last response (for
/// example a 503) or error is returned unchanged.
///
/// ```
/// use std::time::Duration;
/// use crisp::transport::{RetryBudget, RetryConfig};
///
/// let retry = RetryConfig::default()
///     .max_attempts(4)
///     .base_delay(Duration::from_millis(100))
///     .max_delay(Duration::from_secs(5))
///     .budget(RetryBudget::new(0.1, 2));
/// # let _ = retry;
/// ```
#[derive(Debug, Clone)]
pub struct RetryConfig {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    budget: RetryBudget,
}

impl Default for RetryConfig {
    /// Three attempts in all, backoff from 200 ms capped at 10 s, `Retry-After`
    /// honoured up to 60 s, and [`RetryBudget::default`].
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(60),
            budget: RetryBudget::default(),
        }
    }
}

impl RetryConfig {
    /// No retries: every request gets exactly one attempt.
    pub fn disabled() -> Self {
        Self::default().max_attempts(1)
    }

    /// Attempts in all, the first one included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff ceiling before the first retry; it doubles for each
    /// further retry.
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The highest backoff ceiling.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The longest `Retry-After` the transport waits for; a longer one makes
    /// it return the rate-limited response at once.
    pub fn max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// The retry budget.
    pub fn budget(mut self, budget: RetryBudget) -> Self {
        self.budget = budget;
        self
    }

    /// The backoff before retry number `retry` (1 for the first retry).
    fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.saturating_sub(1).min(30);
        let ceiling = self
            .base_delay
            .checked_mul(factor)
            .unwrap_or(self.max_delay)
            .min(self.max_delay);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// A token bucket that limits retries to a share of the traffic, so an outage
/// does not multiply the load on the server.
///
/// Each request (first attempt) deposits `retry_ratio` tokens, each retry
/// withdraws one, and the bucket also refills by `min_per_second` tokens per
/// second so low-traffic clients can still retry. The balance is capped at
/// [`max_reserve`](Self::max_reserve). A transport and all its clones share
/// one bucket.
///
/// The default allows retries for 20 % of requests plus 3 per second, with at
/// most 100 tokens in reserve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryBudget {
    retry_ratio: f64,
    min_per_second: u32,
    max_reserve: u32,
    unlimited: bool,
}

impl Default for RetryBudget {
    fn default() -> Self {
        Self::new(0.2, 3)
    }
}

impl RetryBudget {
    /// A budget that allows `retry_ratio` retries per request (clamped to
    /// `0.0..=1000.0`) plus `min_per_second` retries per second.
    pub fn new(retry_ratio: f32, min_per_second: u32) -> Self {
        let ratio = if retry_ratio.is_finite() {
            f64::from(retry_ratio).clamp(0.0, 1000.0)
        } else {
            0.0
        };
        Self {
            retry_ratio: ratio,
            min_per_second,
            max_reserve: 100,
            unlimited: false,
        }
    }

    /// No budget: retries are limited only by
    /// [`RetryConfig::max_attempts`].
    pub fn unlimited() -> Self {
        Self {
            unlimited: true,
            ..Self::default()
        }
    }

    /// The most tokens the bucket holds (at least 1).
    pub fn max_reserve(mut self, tokens: u32) -> Self {
        self.max_reserve = tokens.max(1);
        self
    }
}

#[derive(Debug)]
struct BudgetState {
    balance: f64,
    last_refill: Option<Instant>,
}

/// The shared bucket.
#[derive(Debug)]
pub(crate) struct Budget {
    config: RetryBudget,
    state: Mutex<BudgetState>,
}

impl Budget {
    pub(crate) fn new(config: RetryBudget) -> Self {
        let initial = f64::from(config.min_per_second.min(config.max_reserve));
        Self {
            config,
            state: Mutex::new(BudgetState {
                balance: initial,
                last_refill: None,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, BudgetState> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn refill(&self, state: &mut BudgetState) {
        let now = Instant::now();
        let cap = f64::from(self.config.max_reserve);
        if let Some(last) = state.last_refill {
            let earned = now.saturating_duration_since(last).as_secs_f64() * f64::from(self.config.min_per_second);
            state.balance = (state.balance + earned).min(cap);
        }
        state.last_refill = Some(now);
    }

    pub(crate) fn deposit(&self) {
        if self.config.unlimited {
            return;
        }
        let mut state = self.lock();
        self.refill(&mut state);
        let cap = f64::from(self.config.max_reserve);
        state.balance = (state.balance + self.config.retry_ratio).min(cap);
    }

    pub(crate) fn withdraw(&self) -> bool {
        if self.config.unlimited {
            return true;
        }
        let mut state = self.lock();
        self.refill(&mut state);
        if state.balance >= 1.0 {
            state.balance -= 1.0;
            true
        } else {
            false
        }
    }
}

/// What to do after an attempt.
enum Verdict {
    /// Return the outcome.
    Done,
    /// Retry, after the server's hint when it gave one.
    Retry {
        hint: Option<Duration>,
        reason: &'static str,
    },
}

fn classify(outcome: &Result<http::Response<Body>, TransportError>, idempotent: bool) -> Verdict {
    match outcome {
        Ok(response) if is_rate_limited(response.status()) => Verdict::Retry {
            hint: retry_after(response.headers()),
            reason: "rate limited",
        },
        Ok(response) if idempotent && matches!(response.status().as_u16(), 502..=504) => Verdict::Retry {
            hint: retry_after(response.headers()),
            reason: "server unavailable",
        },
        Ok(_) => Verdict::Done,
        Err(error) if error.is_connect() => Verdict::Retry {
            hint: None,
            reason: "connect failed",
        },
        Err(error) if idempotent && error.is_transient() && error.may_have_been_sent() => Verdict::Retry {
            hint: None,
            reason: "transport failure",
        },
        Err(_) => Verdict::Done,
    }
}

/// The retry layer's service; it also enforces the deadline of the whole
/// call, every attempt and wait included.
#[derive(Clone)]
pub(crate) struct Retry<S> {
    inner: S,
    config: Arc<RetryConfig>,
    budget: Arc<Budget>,
    deadline: Duration,
}

impl<S> Retry<S> {
    pub(crate) fn new(inner: S, config: RetryConfig, deadline: Duration) -> Self {
        let budget = Arc::new(Budget::new(config.budget));
        Self {
            inner,
            config: Arc::new(config),
            budget,
            deadline,
        }
    }
}

impl<S> Service<http::Request<Body>> for Retry<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // Readiness of the inner service is awaited before each attempt.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let inner = self.inner.clone();
        let config = Arc::clone(&self.config);
        let budget = Arc::clone(&self.budget);
        let options = request.extensions().get::<RequestOptions>();
        let idempotent = options
            .map_or(Idempotency::Auto, |options| options.idempotency)
            .is_idempotent(request.method());
        let deadline = options.and_then(|options| options.deadline).unwrap_or(self.deadline);
        Box::pin(async move {
            let started = AtomicU32::new(0);
            let until = Instant::now() + deadline;
            let attempts = attempt_loop(inner, request, &config, &budget, idempotent, until, &started);
            match tokio::time::timeout_at(until, attempts).await {
                Ok(outcome) => outcome,
                Err(_elapsed) => {
                    let attempts = started.load(Ordering::Relaxed);
                    tracing::debug!(attempts, "deadline passed");
                    Err(TransportError::Deadline {
                        after: deadline,
                        attempts,
                    })
                }
            }
        })
    }
}

/// Sends `request` until it succeeds, fails for good, or no retry is left.
/// `started` counts the attempts started, for the deadline's error.
async fn attempt_loop<S>(
    mut inner: S,
    request: http::Request<Body>,
    config: &RetryConfig,
    budget: &Budget,
    idempotent: bool,
    deadline: Instant,
    started: &AtomicU32,
) -> Result<http::Response<Body>, TransportError>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>,
{
    let max = config.max_attempts;
    if max > 1 {
        budget.deposit();
    }
    let mut original = Some(request);
    let mut attempt: u32 = 1;
    loop {
        started.store(attempt, Ordering::Relaxed);
        tracing::Span::current().record("attempts", attempt);
        // The request is cloned only while a later attempt may need it; the
        // last possible attempt sends the original.
        let this_attempt = match (attempt < max, original.as_ref()) {
            (true, Some(request)) => request.clone(),
            _ => match original.take() {
                Some(request) => request,
                None => return Err(TransportError::Service("the request was already sent".into())),
            },
        };
        let mut outcome = match std::future::poll_fn(|cx| inner.poll_ready(cx)).await {
            Ok(()) => inner.call(this_attempt).await,
            Err(error) => Err(error),
        };
        if let Err(TransportError::Timeout { attempt: at, of, .. }) = &mut outcome {
            *at = attempt;
            *of = max;
        }
        let (hint, reason) = match classify(&outcome, idempotent) {
            Verdict::Done => return outcome,
            Verdict::Retry { hint, reason } => (hint, reason),
        };
        if attempt >= max {
            tracing::debug!(attempt, reason, "no attempts left, giving up");
            return outcome;
        }
        if hint.is_some_and(|wait| wait > config.max_retry_after) {
            tracing::debug!(attempt, reason, "Retry-After too long, giving up");
            return outcome;
        }
        let delay = hint.unwrap_or_else(|| config.backoff(attempt));
        if Instant::now() + delay >= deadline {
            tracing::debug!(attempt, reason, "the wait would pass the deadline, giving up");
            return outcome;
        }
        if !budget.withdraw() {
            tracing::debug!(attempt, reason, "retry budget exhausted, giving up");
            return outcome;
        }
        tracing::debug!(
            attempt,
            reason,
            delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
            "retrying"
        );
        drop(outcome);
        tokio::time::sleep(delay).await;
        attempt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_stays_under_the_growing_ceiling() {
        let config = RetryConfig::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(350));
        for _ in 0..200 {
            assert!(config.backoff(1) <= Duration::from_millis(100));
            assert!(config.backoff(2) <= Duration::from_millis(200));
            assert!(config.backoff(3) <= Duration::from_millis(350));
            assert!(config.backoff(40) <= Duration::from_millis(350));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn budget_allows_a_share_of_requests_plus_a_floor() {
        let budget = Budget::new(RetryBudget::new(0.5, 1));
        // Initial reserve: one second's worth of the floor.
        assert!(budget.withdraw());
        assert!(!budget.withdraw());
        budget.deposit();
        budget.deposit();
        assert!(budget.withdraw());
        assert!(!budget.withdraw());
        tokio::time::advance(Duration::from_secs(2)).await;
        assert!(budget.withdraw());
        assert!(budget.withdraw());
        assert!(!budget.withdraw());
    }

    #[test]
    fn unlimited_budget_never_refuses() {
        let budget = Budget::new(RetryBudget::unlimited());
        for _ in 0..1000 {
            assert!(budget.withdraw());
        }
    }

    #[test]
    fn attempts_are_at_least_one() {
        assert_eq!(RetryConfig::default().max_attempts(0).max_attempts, 1);
        assert_eq!(RetryConfig::disabled().max_attempts, 1);
    }
}
