//! The delay before each reconnection attempt.
//!
//! [`ReconnectBackoff::node_defaults`] reproduces the official Node SDK
//! (Socket.IO client defaults): for attempt `n` (0 for the first retry after a
//! connection was lost, back to 0 after a successful connection) and a random
//! `r` drawn uniformly from `[0, 1)`,
//!
//! ```text
//! base  = 5000 ms × 2^n
//! dev   = floor(r × 0.75 × base)
//! delay = base − dev   if floor(r × 10) is even
//!         base + dev   otherwise
//! delay = min(delay, 10000 ms)
//! ```
//!
//! which keeps attempt 0 within 1.25–8.75 s, attempt 1 within 2.5–10 s,
//! attempt 2 within 5–10 s and every later attempt at 10 s. Attempts are
//! unlimited.
//!
//! ```
//! use std::time::Duration;
//! use crisp_rtm::backoff::ReconnectBackoff;
//!
//! let backoff = ReconnectBackoff::node_defaults();
//! // `delay` is pure: the random draw is passed in.
//! assert_eq!(backoff.delay(0, 0.0), Duration::from_millis(5000));
//! assert_eq!(backoff.delay(5, 0.3), Duration::from_millis(10_000));
//! ```

use std::time::Duration;

/// A jittered exponential backoff for reconnection attempts, with an attempt
/// counter.
#[derive(Debug, Clone, PartialEq)]
pub struct ReconnectBackoff {
    base: Duration,
    max: Duration,
    jitter: f64,
    multiplier: f64,
    attempt: u32,
}

impl Default for ReconnectBackoff {
    /// Same as [`ReconnectBackoff::node_defaults`].
    fn default() -> Self {
        Self::node_defaults()
    }
}

impl ReconnectBackoff {
    /// The Node SDK's parameters: base 5 s, maximum 10 s, jitter 0.75,
    /// multiplier 2.
    pub fn node_defaults() -> Self {
        Self::new(Duration::from_secs(5), Duration::from_secs(10), 0.75, 2.0)
    }

    /// A backoff with the given parameters.
    ///
    /// `jitter` is clamped to `[0, 1]` (NaN counts as 0); `multiplier` is
    /// raised to at least 1 (NaN counts as 1), so delays never shrink from
    /// one attempt to the next before jitter.
    pub fn new(base: Duration, max: Duration, jitter: f64, multiplier: f64) -> Self {
        let jitter = if jitter.is_nan() { 0.0 } else { jitter.clamp(0.0, 1.0) };
        let multiplier = if multiplier.is_nan() { 1.0 } else { multiplier.max(1.0) };
        Self {
            base,
            max,
            jitter,
            multiplier,
            attempt: 0,
        }
    }

    /// The delay before attempt `attempt` for the random draw `r`, expected in
    /// `[0, 1)` (values outside are clamped into it, NaN counts as 0).
    ///
    /// Whole milliseconds, never more than the maximum.
    pub fn delay(&self, attempt: u32, r: f64) -> Duration {
        let r = if r.is_nan() { 0.0 } else { r.clamp(0.0, ONE_MINUS) };
        let max_ms = self.max.as_secs_f64() * 1000.0;
        let base_ms = self.base.as_secs_f64() * 1000.0 * self.multiplier.powf(f64::from(attempt));
        if !base_ms.is_finite() {
            return self.max;
        }
        let deviation = (r * self.jitter * base_ms).floor();
        // `r < 1`, so this is a digit from 0 to 9.
        let even = ((r * 10.0).floor() as u32) % 2 == 0;
        let delay_ms = if even { base_ms - deviation } else { base_ms + deviation };
        if delay_ms.is_nan() || delay_ms >= max_ms {
            return self.max;
        }
        // `as` saturates; the value is finite and in [0, max_ms) here.
        let delay = Duration::from_millis(delay_ms.max(0.0).floor() as u64);
        delay.min(self.max)
    }

    /// The delay before the next attempt, drawing `r` from `fastrand`, and
    /// counts the attempt.
    pub fn next_delay(&mut self) -> Duration {
        let delay = self.delay(self.attempt, fastrand::f64());
        self.attempt = self.attempt.saturating_add(1);
        delay
    }

    /// Starts over from attempt 0; call it after a successful connection.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    /// The number of attempts counted since the last [`reset`](Self::reset).
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The delay of the first attempt before jitter.
    pub fn base(&self) -> Duration {
        self.base
    }

    /// The longest delay ever returned.
    pub fn max(&self) -> Duration {
        self.max
    }

    /// The jitter factor, in `[0, 1]`.
    pub fn jitter(&self) -> f64 {
        self.jitter
    }

    /// The growth factor from one attempt to the next, at least 1.
    pub fn multiplier(&self) -> f64 {
        self.multiplier
    }
}

/// The largest `f64` below 1.
const ONE_MINUS: f64 = 1.0 - f64::EPSILON / 2.0;
