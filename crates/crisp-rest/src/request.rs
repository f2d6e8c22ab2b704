//! Transport-neutral descriptions of REST requests.

use std::fmt;

use bytes::Bytes;
use crisp_transport::Idempotency;
use http::Method;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::error::{Error, InvalidInput};

/// Characters left as they are in a path segment or a query component: the
/// RFC 3986 "unreserved" set. Everything else is percent-encoded, so an id
/// can never inject a `/`, `?` or `#`.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// One REST call, described without sending it: method, path below `/v1/`,
/// query, JSON body and the facts the transport needs (idempotency, route
/// name).
///
/// Every endpoint builder turns into one of these through
/// [`Endpoint::to_request`](crate::Endpoint::to_request), which is how tests and
/// custom transports inspect a call without the network.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequest {
    method: Method,
    path: String,
    query: Query,
    body: Option<Bytes>,
    idempotency: Idempotency,
    route: &'static str,
}

impl ApiRequest {
    /// A request with no query and no body.
    ///
    /// `path` is relative to the API root (`website/<id>/conversations/1`) and
    /// must already be encoded; build it with [`segment`].
    pub fn new(method: Method, path: String, route: &'static str) -> Self {
        Self {
            method,
            path,
            query: Query::new(),
            body: None,
            idempotency: Idempotency::Auto,
            route,
        }
    }

    /// A request to the path `template` of the Crisp reference, its
    /// `{placeholders}` filled in order with `values` (see [`expand_path`]).
    ///
    /// ```
    /// use crisp_rest::ApiRequest;
    /// use http::Method;
    ///
    /// let request = ApiRequest::from_template(
    ///     Method::GET,
    ///     "get_conversation",
    ///     "website/{website_id}/conversation/{session_id}",
    ///     &["8c842203", "session_9df2"],
    /// )?;
    /// assert_eq!(request.path(), "website/8c842203/conversation/session_9df2");
    /// # Ok::<(), crisp_rest::Error>(())
    /// ```
    pub fn from_template(method: Method, route: &'static str, template: &str, values: &[&str]) -> Result<Self, Error> {
        Ok(Self::new(method, expand_path(route, template, values)?, route))
    }

    /// Sets the query.
    pub fn with_query(mut self, query: Query) -> Self {
        self.query = query;
        self
    }

    /// Serialises `body` as the JSON payload.
    pub fn with_json<T: Serialize + ?Sized>(self, body: &T) -> Result<Self, Error> {
        Ok(self.try_with_json(body)?)
    }

    /// [`with_json`](Self::with_json), failing with the input error itself.
    pub(crate) fn try_with_json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, InvalidInput> {
        let bytes = serde_json::to_vec(body).map_err(|source| {
            InvalidInput::new(format!(
                "the request body of {} cannot be encoded as JSON: {source}",
                self.route
            ))
        })?;
        self.body = Some(Bytes::from(bytes));
        Ok(self)
    }

    /// Sends `{}` as the payload, as the official SDKs do for write routes that
    /// take no body.
    pub fn with_empty_object(mut self) -> Self {
        self.body = Some(Bytes::from_static(b"{}"));
        self
    }

    /// Overrides whether the transport may retry this request after a failure
    /// that may have reached the server.
    pub fn with_idempotency(mut self, idempotency: Idempotency) -> Self {
        self.idempotency = idempotency;
        self
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The encoded path, relative to the API root (no leading slash).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query parameters, in the order they are sent.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The JSON body, if any.
    pub fn body(&self) -> Option<&Bytes> {
        self.body.as_ref()
    }

    /// The body parsed back into JSON, for tests and logging.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        self.body.as_ref().and_then(|body| serde_json::from_slice(body).ok())
    }

    /// Whether the transport may retry the request after an ambiguous failure.
    pub fn idempotency(&self) -> Idempotency {
        self.idempotency
    }

    /// The endpoint's name (its Crisp reference label in snake_case), used for
    /// tracing and error messages.
    pub fn route(&self) -> &'static str {
        self.route
    }

    /// The path and query, encoded, as appended to the base URL.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query.encode())
        }
    }

    pub(crate) fn into_body(self) -> Option<Bytes> {
        self.body
    }
}

/// Query parameters, kept in insertion order and encoded the way the official
/// SDKs send them: absent values are dropped, booleans become `1`/`0`, JSON
/// values are serialised, and everything is percent-encoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(&'static str, String)>,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value`.
    pub fn push(&mut self, key: &'static str, value: impl fmt::Display) -> &mut Self {
        self.pairs.push((key, value.to_string()));
        self
    }

    /// Adds `key=value` when `value` is present.
    pub fn push_opt<V: fmt::Display>(&mut self, key: &'static str, value: Option<V>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, value);
        }
        self
    }

    /// Adds `key=1` or `key=0` when `value` is present.
    pub fn push_flag(&mut self, key: &'static str, value: Option<bool>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, if value { "1" } else { "0" });
        }
        self
    }

    /// Adds `key=<value as JSON>` when `value` is present, as the official SDKs
    /// send object and array options (search filters, for example).
    pub fn push_json<V: Serialize + ?Sized>(
        &mut self,
        route: &'static str,
        key: &'static str,
        value: Option<&V>,
    ) -> Result<&mut Self, Error> {
        if let Some(value) = value {
            let json = serde_json::to_string(value).map_err(|source| {
                InvalidInput::new(format!(
                    "{route}: the `{key}` option cannot be encoded as JSON: {source}"
                ))
            })?;
            self.push(key, json);
        }
        Ok(self)
    }

    /// The pairs, decoded.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(key, value)| (*key, value.as_str()))
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Whether there is no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The `a=1&b=2` form, percent-encoded.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for (index, (key, value)) in self.pairs.iter().enumerate() {
            if index > 0 {
                out.push('&');
            }
            out.extend(utf8_percent_encode(key, UNRESERVED));
            out.push('=');
            out.extend(utf8_percent_encode(value, UNRESERVED));
        }
        out
    }
}

/// A path segment, percent-encoded when displayed, so `format!` can build a
/// path from ids safely: `format!("website/{}/conversation/{}", segment(id), ...)`.
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a>(&'a str);

/// Wraps a value as one encoded path segment.
pub fn segment(value: &(impl AsRef<str> + ?Sized)) -> Segment<'_> {
    Segment(value.as_ref())
}

impl fmt::Display for Segment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&utf8_percent_encode(self.0, UNRESERVED), f)
    }
}

/// Fills the `{placeholders}` of a path template, in order, with encoded
/// values: `expand_path(route, "website/{website_id}/conversation/{session_id}", &[w, s])`.
///
/// The templates are the paths of the Crisp reference (as in the official
/// SDKs), so an endpoint's code can be checked against the reference at a
/// glance. An empty value is rejected before anything is sent (it would
/// silently address another route, like `website//conversations`), and so is
/// a count of values that does not match the template.
pub fn expand_path(route: &'static str, template: &str, values: &[&str]) -> Result<String, Error> {
    let mut path = String::with_capacity(template.len() + values.iter().map(|v| v.len()).sum::<usize>());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map(|offset| open + offset).ok_or_else(|| {
            Error::InvalidInput(InvalidInput::new(format!(
                "{route}: unclosed placeholder in `{template}`"
            )))
        })?;
        let name = &rest[open + 1..close];
        let value = values
            .next()
            .ok_or_else(|| Error::InvalidInput(InvalidInput::new(format!("{route}: no value for `{{{name}}}`"))))?;
        if value.is_empty() {
            return Err(Error::InvalidInput(InvalidInput::new(format!(
                "{route}: `{name}` is empty"
            ))));
        }
        path.push_str(&rest[..open]);
        path.extend(utf8_percent_encode(value, UNRESERVED));
        rest = &rest[close + 1..];
    }
    path.push_str(rest);
    if values.next().is_some() {
        return Err(Error::InvalidInput(InvalidInput::new(format!(
            "{route}: more values than placeholders in `{template}`"
        ))));
    }
    Ok(path)
}

/// Rejects page 0: Crisp numbers pages from 1.
pub(crate) fn require_page(route: &'static str, page_number: u32) -> Result<(), Error> {
    if page_number == 0 {
        Err(Error::InvalidInput(InvalidInput::new(format!(
            "{route}: page numbers start at 1"
        ))))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_encode_reserved_characters() {
        assert_eq!(segment("session_1a-b.c~d").to_string(), "session_1a-b.c~d");
        assert_eq!(segment("a/b?c#d e").to_string(), "a%2Fb%3Fc%23d%20e");
        assert_eq!(segment("é").to_string(), "%C3%A9");
    }

    #[test]
    fn expand_path_fills_and_encodes_placeholders() {
        let path = expand_path(
            "r",
            "website/{website_id}/conversation/{session_id}/meta",
            &["w 1", "s/2"],
        )
        .unwrap();
        assert_eq!(path, "website/w%201/conversation/s%2F2/meta");
        assert_eq!(
            expand_path("r", "plugin/connect/account", &[]).unwrap(),
            "plugin/connect/account"
        );
    }

    #[test]
    fn expand_path_rejects_empty_and_mismatched_values() {
        let empty = expand_path(
            "get_conversation",
            "website/{website_id}/conversation/{session_id}",
            &["w", ""],
        );
        assert_eq!(
            empty.unwrap_err().to_string(),
            "invalid input: get_conversation: `session_id` is empty"
        );
        assert!(expand_path("r", "website/{website_id}", &[]).is_err());
        assert!(expand_path("r", "website/{website_id}", &["a", "b"]).is_err());
    }

    #[test]
    fn query_drops_absent_values_and_encodes_flags() {
        let mut query = Query::new();
        query
            .push("per_page", 20)
            .push_opt("search_query", Some("refund & return"))
            .push_opt::<&str>("search_type", None)
            .push_flag("filter_unread", Some(true))
            .push_flag("filter_resolved", Some(false))
            .push_flag("filter_mention", None);
        assert_eq!(
            query.encode(),
            "per_page=20&search_query=refund%20%26%20return&filter_unread=1&filter_resolved=0"
        );
        assert_eq!(query.get("filter_unread"), Some("1"));
    }

    #[test]
    fn query_json_values_are_serialised_then_encoded() {
        let mut query = Query::new();
        query
            .push_json("r", "search_filter", Some(&serde_json::json!([{"a": "b c"}])))
            .unwrap();
        query.push_json::<serde_json::Value>("r", "absent", None).unwrap();
        assert_eq!(query.get("search_filter"), Some(r#"[{"a":"b c"}]"#));
        assert_eq!(query.encode(), "search_filter=%5B%7B%22a%22%3A%22b%20c%22%7D%5D");
    }
}
