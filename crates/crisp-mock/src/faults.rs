//! Scripted misbehaviour for transport and retry tests.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Body;
use http::{HeaderName, HeaderValue, Response, StatusCode};

use crate::reply;

/// One scripted fault, applied to one request.
#[derive(Debug, Clone)]
pub(crate) enum Fault {
    /// Answer with this status and a Crisp error envelope; do not process.
    Status(StatusCode),
    /// Answer with exactly this status, headers and body; do not process.
    Custom {
        /// The status.
        status: StatusCode,
        /// Headers, in order.
        headers: Vec<(HeaderName, HeaderValue)>,
        /// The body, verbatim.
        body: String,
    },
    /// Sleep, then process the request normally.
    Delay(Duration),
    /// Close the connection without answering.
    Drop,
}

impl Fault {
    /// The canned response of a `Status` or `Custom` fault.
    pub(crate) fn response(status: StatusCode, headers: &[(HeaderName, HeaderValue)], body: String) -> Response<Body> {
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        for (name, value) in headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        response
    }
}

/// A cheap, cloneable handle on the fake's fault queue.
///
/// Faults are queued in FIFO order; each incoming request (whatever its route,
/// and before authentication) takes the next one. Requests are recorded whether
/// or not a fault applies to them.
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// let fake = crisp_mock::FakeCrisp::start().await?;
/// // The next two requests are rate limited, the third one succeeds.
/// fake.faults().respond_with_status(429, 2);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Default)]
pub struct Faults {
    queue: Arc<Mutex<VecDeque<Fault>>>,
}

impl std::fmt::Debug for Faults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Faults").field("queued", &self.lock().len()).finish()
    }
}

impl Faults {
    fn lock(&self) -> MutexGuard<'_, VecDeque<Fault>> {
        self.queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn push(&self, fault: Fault, times: usize) {
        let mut queue = self.lock();
        queue.extend(std::iter::repeat_n(fault, times));
    }

    /// The next `times` requests get `status` and a Crisp error envelope
    /// (`{"error":true,"reason":<reason>,"data":{}}`) and are not processed.
    ///
    /// The reason follows the status: 400 `invalid_data`, 401
    /// `invalid_session`, 402 `subscription_required`, 403 `not_allowed`, 404
    /// `not_found`, 409 `conflict`, 420/422/429 `rate_limited`, any 5xx
    /// `server_error`, anything else `http_error`. A status outside 100..=999
    /// becomes 500.
    pub fn respond_with_status(&self, status: u16, times: usize) {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        self.push(Fault::Status(status), times);
    }

    /// The next `times` requests get exactly this status, these headers and
    /// this body (nothing else is added but `content-length` and `date`), and
    /// are not processed: e.g. a 429 with `Retry-After`, a non-JSON 502 page,
    /// or a 200 with malformed JSON.
    ///
    /// Headers whose name or value is not valid HTTP are skipped. A status
    /// outside 100..=999 becomes 500.
    pub fn respond_with(&self, status: u16, headers: Vec<(String, String)>, body: String, times: usize) {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = headers
            .into_iter()
            .filter_map(|(name, value)| {
                let name = HeaderName::try_from(name).ok()?;
                let value = HeaderValue::try_from(value).ok()?;
                Some((name, value))
            })
            .collect();
        self.push(Fault::Custom { status, headers, body }, times);
    }

    /// The next `times` requests are answered normally, after `delay`.
    pub fn delay_responses(&self, delay: Duration, times: usize) {
        self.push(Fault::Delay(delay), times);
    }

    /// For the next `times` requests, the fake reads the request, then closes
    /// the TCP connection without sending any response.
    pub fn drop_connections(&self, times: usize) {
        self.push(Fault::Drop, times);
    }

    /// Forgets every queued fault.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// How many faults are still queued.
    pub fn pending(&self) -> usize {
        self.lock().len()
    }

    /// Takes the fault for the current request, if any.
    pub(crate) fn next(&self) -> Option<Fault> {
        self.lock().pop_front()
    }
}

/// The Crisp error reason a fault status answers with.
pub(crate) fn reason_for_status(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "invalid_data",
        401 => "invalid_session",
        402 => "subscription_required",
        403 => "not_allowed",
        404 => "not_found",
        409 => "conflict",
        420 | 422 | 429 => "rate_limited",
        500..=599 => "server_error",
        _ => "http_error",
    }
}

/// The response of a `Status` fault.
pub(crate) fn status_response(status: StatusCode) -> Response<Body> {
    reply::error_response(status, reason_for_status(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_fifo() {
        let faults = Faults::default();
        faults.respond_with_status(503, 1);
        faults.drop_connections(1);
        assert_eq!(faults.pending(), 2);
        assert!(matches!(faults.next(), Some(Fault::Status(s)) if s == StatusCode::SERVICE_UNAVAILABLE));
        assert!(matches!(faults.next(), Some(Fault::Drop)));
        assert!(faults.next().is_none());
    }

    #[test]
    fn invalid_headers_are_skipped_and_bad_status_is_500() {
        let faults = Faults::default();
        faults.respond_with(
            42,
            vec![("retry-after".into(), "2".into()), ("bad header".into(), "x".into())],
            String::new(),
            1,
        );
        match faults.next() {
            Some(Fault::Custom { status, headers, .. }) => {
                assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
                assert_eq!(headers.len(), 1);
                assert_eq!(headers[0].0, "retry-after");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn reasons_follow_status() {
        assert_eq!(reason_for_status(StatusCode::TOO_MANY_REQUESTS), "rate_limited");
        assert_eq!(reason_for_status(StatusCode::from_u16(420).unwrap()), "rate_limited");
        assert_eq!(reason_for_status(StatusCode::BAD_GATEWAY), "server_error");
        assert_eq!(reason_for_status(StatusCode::NOT_FOUND), "not_found");
    }
}
