//! Transport-neutral descriptions of REST requests.

use std::fmt;

use bytes::Bytes;
use crisp_transport::Idempotency;
use http::Method;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::error::{Error, InvalidInput};
use crate::query::Query;

/// Characters left as they are in a path segment or a query component: the
/// RFC 3986 "unreserved" set. Everything else is percent-encoded, so an id
/// can never inject a `/`, `?` or `#`.
pub(crate) const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// One REST call, described without sending it: method, path below `/v1/`,
/// query, JSON body and the facts the transport needs (idempotency, route
/// name).
///
/// Every endpoint builder turns into one of these through
/// [`Endpoint::to_request`](crate::Endpoint::to_request), which is how tests and
/// custom transports inspect a call without the network.
///
/// Its `Debug` shows the body's length, not its bytes: a body can hold a
/// password (the legacy login) or personal data.
#[derive(Clone, PartialEq)]
pub struct ApiRequest {
    method: Method,
    path: String,
    query: Query,
    body: Option<Bytes>,
    idempotency: Idempotency,
    deadline: Option<std::time::Duration>,
    route: &'static str,
}

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field(
                "body",
                &self.body.as_ref().map(|body| format!("<{} bytes>", body.len())),
            )
            .field("idempotency", &self.idempotency)
            .field("deadline", &self.deadline)
            .field("route", &self.route)
            .finish()
    }
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
            deadline: None,
            route,
        }
    }

    /// A request to the path `template` of the Crisp reference, its
    /// `{placeholders}` filled in order with `values` (see [`expand_path`]).
    ///
    /// ```
    /// use crisp::rest::ApiRequest;
    /// use http::Method;
    ///
    /// let request = ApiRequest::from_template(
    ///     Method::GET,
    ///     "get_conversation",
    ///     "website/{website_id}/conversation/{session_id}",
    ///     &["8c842203", "session_9df2"],
    /// )?;
    /// assert_eq!(request.path(), "website/8c842203/conversation/session_9df2");
    /// # Ok::<(), crisp::rest::Error>(())
    /// ```
    pub fn from_template<V: fmt::Display>(
        method: Method,
        route: &'static str,
        template: &str,
        values: &[V],
    ) -> Result<Self, Error> {
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

    /// Sets the most time the whole call may take, every attempt and wait
    /// included (instead of the client's or the transport's deadline).
    pub fn with_deadline(mut self, deadline: std::time::Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Replaces the route name used in errors and traces.
    pub fn with_route(mut self, route: &'static str) -> Self {
        self.route = route;
        self
    }

    /// The deadline of this call, if it sets its own.
    pub fn deadline(&self) -> Option<std::time::Duration> {
        self.deadline
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
/// glance. Values are anything [`Display`](fmt::Display) (ids, page numbers,
/// fingerprints), percent-encoded as they are written, so an id can never
/// inject a `/`, `?` or `#`. An empty value is rejected before anything is
/// sent (it would silently address another route, like
/// `website//conversations`), and so are a value that is `.` or `..` (it would
/// climb the path), a `{page_number}` of 0 (Crisp numbers pages from 1) and a
/// count of values that does not match the template.
pub fn expand_path<V: fmt::Display>(route: &'static str, template: &str, values: &[V]) -> Result<String, Error> {
    let invalid = |message: String| Error::InvalidInput(InvalidInput::new(format!("{route}: {message}")));
    let mut path = String::with_capacity(template.len() + 48 * values.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map(|offset| open + offset)
            .ok_or_else(|| invalid(format!("unclosed placeholder in `{template}`")))?;
        let name = &rest[open + 1..close];
        let value = values
            .next()
            .ok_or_else(|| invalid(format!("no value for `{{{name}}}`")))?;
        path.push_str(&rest[..open]);
        let start = path.len();
        fmt::write(&mut EncodingWriter(&mut path), format_args!("{value}"))
            .map_err(|_| invalid(format!("`{name}` cannot be written")))?;
        match &path[start..] {
            "" => return Err(invalid(format!("`{name}` is empty"))),
            // `.` and `..` are unreserved, so they are not encoded: as a whole
            // segment they would address another route.
            "." | ".." => return Err(invalid(format!("`{name}` cannot be `.` or `..`"))),
            "0" if name == "page_number" => return Err(invalid("page numbers start at 1".to_owned())),
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    path.push_str(rest);
    if values.next().is_some() {
        return Err(invalid(format!("more values than placeholders in `{template}`")));
    }
    Ok(path)
}

/// Several path segments standing for one placeholder of a template: the
/// helpdesk `{tree_path}`, which the reference inserts as a sub-path
/// (`getting-started/install-linux`), not as one segment.
///
/// [`PathSegments::new`] is the only way to build one: it percent-encodes
/// every segment on its own (so a `/`, `?` or `#` inside a segment stays
/// inside it) and joins them with `/`, and it refuses an empty list and any
/// empty, `.` or `..` segment, which would address another route. The text it
/// holds can therefore be inserted verbatim by [`expand_path_with_tail`];
/// nothing else is ever inserted unencoded. (Written with `Display` into
/// [`expand_path`], it is simply encoded again, as any value.)
///
/// ```
/// use crisp::rest::PathSegments;
///
/// let tail = PathSegments::new("r", "tree_path", ["faq", "tcp/ip?#"])?;
/// assert_eq!(tail.as_str(), "faq/tcp%2Fip%3F%23");
/// assert!(PathSegments::new("r", "tree_path", ["faq", ".."]).is_err());
/// # Ok::<(), crisp::rest::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathSegments(String);

impl PathSegments {
    /// Encodes `segments` for the placeholder `name` of the endpoint `route`
    /// (both only name the failure). Fails with [`Error::InvalidInput`] when
    /// there is no segment, or one is empty, `.` or `..`.
    pub fn new<I>(route: &'static str, name: &str, segments: I) -> Result<Self, Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let invalid = |message: String| Error::InvalidInput(InvalidInput::new(format!("{route}: {message}")));
        let mut path = String::new();
        for segment in segments {
            let segment = segment.as_ref();
            match segment {
                "" => return Err(invalid(format!("`{name}` has an empty segment"))),
                "." | ".." => return Err(invalid(format!("`{name}` has a `{segment}` segment"))),
                _ => {}
            }
            if !path.is_empty() {
                path.push('/');
            }
            path.extend(utf8_percent_encode(segment, UNRESERVED));
        }
        if path.is_empty() {
            return Err(invalid(format!("`{name}` is empty")));
        }
        Ok(Self(path))
    }

    /// The encoded segments joined with `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PathSegments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// [`expand_path`] for a template whose last placeholder stands for several
/// segments (the helpdesk `{tree_path}`): `values` fill the other
/// placeholders, encoded as one segment each, and `tail` (already encoded
/// segment by segment, see [`PathSegments`]) fills the last one.
///
/// ```
/// use crisp::rest::{PathSegments, expand_path_with_tail};
///
/// let tail = PathSegments::new("r", "tree_path", ["setup", "linux"])?;
/// let path = expand_path_with_tail(
///     "r",
///     "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{tree_path}",
///     &["w", "en", "guides"],
///     &tail,
/// )?;
/// assert_eq!(path, "website/w/helpdesk/tree/path/en/guides/setup/linux");
/// # Ok::<(), crisp::rest::Error>(())
/// ```
pub fn expand_path_with_tail<V: fmt::Display>(
    route: &'static str,
    template: &str,
    values: &[V],
    tail: &PathSegments,
) -> Result<String, Error> {
    let head = template
        .strip_suffix('}')
        .and_then(|rest| rest.rfind('{').map(|open| &template[..open]))
        .filter(|head| head.is_empty() || head.ends_with('/'))
        .ok_or_else(|| {
            Error::InvalidInput(InvalidInput::new(format!(
                "{route}: `{template}` does not end with a placeholder segment"
            )))
        })?;
    let mut path = expand_path(route, head, values)?;
    path.push_str(tail.as_str());
    Ok(path)
}

/// Percent-encodes everything written through it into a path.
struct EncodingWriter<'a>(&'a mut String);

impl fmt::Write for EncodingWriter<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.0.extend(utf8_percent_encode(text, UNRESERVED));
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
            expand_path::<&str>("r", "plugin/connect/account", &[]).unwrap(),
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
        assert!(expand_path::<&str>("r", "website/{website_id}", &[]).is_err());
        assert!(expand_path("r", "website/{website_id}", &["a", "b"]).is_err());
    }

    #[test]
    fn expand_path_writes_any_display_value_encoded() {
        let fingerprint = crisp_types::Fingerprint(524_653_764_345);
        let values: [&dyn fmt::Display; 3] = [&"w/1", &2_u32, &fingerprint];
        let path = expand_path("r", "website/{website_id}/x/{page_number}/m/{fingerprint}", &values).unwrap();
        assert_eq!(path, "website/w%2F1/x/2/m/524653764345");
    }

    #[test]
    fn expand_path_rejects_page_zero_but_not_other_zeros() {
        let page_zero = expand_path(
            "list_conversations",
            "website/{website_id}/conversations/{page_number}",
            &["w", "0"],
        );
        assert_eq!(
            page_zero.unwrap_err().to_string(),
            "invalid input: list_conversations: page numbers start at 1"
        );
        assert_eq!(expand_path("r", "m/{fingerprint}", &["0"]).unwrap(), "m/0");
    }

    #[test]
    fn expand_path_refuses_dot_segments() {
        for value in [".", ".."] {
            let error = expand_path(
                "get_conversation",
                "website/{website_id}/conversation/{session_id}",
                &["w", value],
            );
            assert_eq!(
                error.unwrap_err().to_string(),
                "invalid input: get_conversation: `session_id` cannot be `.` or `..`"
            );
        }
        assert_eq!(expand_path("r", "x/{id}", &["..a"]).unwrap(), "x/..a");
    }

    #[test]
    fn path_segments_encode_each_segment_on_its_own() {
        let tail = PathSegments::new("r", "tree_path", ["a b", "c/d", "e?f#g", "é", "..."]).unwrap();
        assert_eq!(tail.as_str(), "a%20b/c%2Fd/e%3Ff%23g/%C3%A9/...");
        // A percent sign is data, never an escape that could decode to `..`.
        let dots = PathSegments::new("r", "tree_path", ["%2E%2E"]).unwrap();
        assert_eq!(dots.as_str(), "%252E%252E");
    }

    #[test]
    fn path_segments_refuse_segments_that_leave_the_route() {
        for segments in [vec![], vec![""], vec!["a", ""], vec!["."], vec!["a", ".."]] {
            let error = PathSegments::new("resolve_helpdesk_tree_path", "tree_path", &segments).unwrap_err();
            assert!(matches!(error, Error::InvalidInput(_)), "{segments:?}");
            assert!(
                error.to_string().contains("resolve_helpdesk_tree_path: `tree_path`"),
                "{error}"
            );
        }
    }

    #[test]
    fn expand_path_with_tail_fills_the_last_placeholder_verbatim() {
        let tail = PathSegments::new("r", "tree_path", ["a", "b/c"]).unwrap();
        let path =
            expand_path_with_tail("r", "w/{website_id}/tree/{locale}/{tree_path}", &["w/1", "en"], &tail).unwrap();
        assert_eq!(path, "w/w%2F1/tree/en/a/b%2Fc");
        // The other values are still checked and encoded as one segment each.
        assert!(expand_path_with_tail("r", "w/{website_id}/{tree_path}", &[""], &tail).is_err());
        assert!(expand_path_with_tail::<&str>("r", "w/{website_id}/{tree_path}", &[], &tail).is_err());
        // The template must end with a whole placeholder segment.
        assert!(expand_path_with_tail::<&str>("r", "w/tree", &[], &tail).is_err());
        assert!(expand_path_with_tail::<&str>("r", "w/x{tree_path}", &[], &tail).is_err());
        // Displayed into `expand_path`, segments are just encoded again.
        assert_eq!(expand_path("r", "t/{tree_path}", &[&tail]).unwrap(), "t/a%2Fb%252Fc");
    }
}
