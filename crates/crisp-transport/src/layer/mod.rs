//! The middleware layers of the default stack, outer to inner: [`trace`],
//! [`headers`], (user layers), [`retry`], [`rate_limit`], [`timeout`].
//!
//! Every service here is always ready (`poll_ready` returns `Ready(Ok)`) and
//! drives the readiness of its inner service inside the returned future, on a
//! clone taken at call time; this keeps the services cheap to clone and
//! correct under `BoxCloneSyncService`.

pub(crate) mod headers;
pub(crate) mod rate_limit;
pub(crate) mod retry;
pub(crate) mod timeout;
pub(crate) mod trace;

use std::time::{Duration, SystemTime};

use futures_util::future::BoxFuture;
use http::HeaderMap;

use crate::Body;
use crate::error::TransportError;

/// The future every layer of this crate returns.
pub(crate) type ResponseFuture = BoxFuture<'static, Result<http::Response<Body>, TransportError>>;

/// Reads `Retry-After` as delta-seconds or as an HTTP date.
///
/// A date in the past yields zero; an unreadable value yields `None`.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

/// Whether the status is one of Crisp's rate-limit signals (429, 420).
///
/// 422 is deliberately not one: Crisp mostly uses it for invalid input.
pub(crate) fn is_rate_limited(status: http::StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 420)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(120);
        headers.insert(
            http::header::RETRY_AFTER,
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let wait = retry_after(&headers).unwrap();
        assert!(wait > Duration::from_secs(110) && wait <= Duration::from_secs(120));
        headers.insert(
            http::header::RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn only_429_and_420_are_rate_limits() {
        assert!(is_rate_limited(http::StatusCode::TOO_MANY_REQUESTS));
        assert!(is_rate_limited(http::StatusCode::from_u16(420).unwrap()));
        assert!(!is_rate_limited(http::StatusCode::UNPROCESSABLE_ENTITY));
        assert!(!is_rate_limited(http::StatusCode::SERVICE_UNAVAILABLE));
    }
}
