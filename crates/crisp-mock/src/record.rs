//! Every request the fake receives, kept in arrival order.

use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use http::{HeaderMap, Method};

/// One request as the fake received it, recorded before authentication, faults
/// or routing, so rejected and faulted requests are recorded too.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The path, percent-encoded as received, e.g.
    /// `/v1/website/<id>/conversations/1`.
    pub path: String,
    /// The query's pairs, percent- and `+`-decoded, in order.
    pub query: Vec<(String, String)>,
    /// The query string as received (without `?`), if there was one.
    pub raw_query: Option<String>,
    /// The request headers.
    pub headers: HeaderMap,
    /// The full request body (empty when none was sent).
    pub body: Bytes,
}

impl RecordedRequest {
    /// Builds a record from a request head and its collected body.
    pub(crate) fn new(parts: &http::request::Parts, body: Bytes) -> Self {
        let raw_query = parts.uri.query().map(str::to_owned);
        let query = raw_query.as_deref().map(decode_query).unwrap_or_default();
        Self {
            method: parts.method.clone(),
            path: parts.uri.path().to_owned(),
            query,
            raw_query,
            headers: parts.headers.clone(),
            body,
        }
    }

    /// The body parsed as JSON, or `None` when it is empty or not JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The first value of a header (name case-insensitive), if present and
    /// visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The first value of a query key, decoded.
    pub fn query_value(&self, key: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Decodes an `application/x-www-form-urlencoded` query into ordered pairs.
/// Never fails: invalid UTF-8 is replaced, as browsers and `url` do.
pub(crate) fn decode_query(raw: &str) -> Vec<(String, String)> {
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(
        &format!("/?{raw}")
            .parse()
            .unwrap_or_else(|_| http::Uri::from_static("/")),
    )
    .map(|axum::extract::Query(pairs)| pairs)
    .unwrap_or_default()
}

/// The shared, append-only log of requests.
#[derive(Debug, Clone, Default)]
pub(crate) struct Recorder {
    requests: Arc<Mutex<Vec<RecordedRequest>>>,
}

impl Recorder {
    fn lock(&self) -> MutexGuard<'_, Vec<RecordedRequest>> {
        self.requests.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Appends a request.
    pub(crate) fn push(&self, request: RecordedRequest) {
        self.lock().push(request);
    }

    /// A copy of every request so far.
    pub(crate) fn all(&self) -> Vec<RecordedRequest> {
        self.lock().clone()
    }

    /// The latest request.
    pub(crate) fn last(&self) -> Option<RecordedRequest> {
        self.lock().last().cloned()
    }

    /// Forgets every request so far.
    pub(crate) fn clear(&self) {
        self.lock().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_and_plus_in_order() {
        assert_eq!(
            decode_query("search_query=caf%C3%A9+latte&per_page=20&a=1&a=2"),
            vec![
                ("search_query".to_owned(), "café latte".to_owned()),
                ("per_page".to_owned(), "20".to_owned()),
                ("a".to_owned(), "1".to_owned()),
                ("a".to_owned(), "2".to_owned()),
            ]
        );
    }

    #[test]
    fn empty_query_has_no_pairs() {
        assert!(decode_query("").is_empty());
    }
}
