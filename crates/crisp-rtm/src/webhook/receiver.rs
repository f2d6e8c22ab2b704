//! [`WebhookReceiver`]: a tower service that receives Crisp Web Hooks.

use std::collections::HashSet;
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use crisp_types::event::EventKind;
use http::header::{ALLOW, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use http::{HeaderMap, Method, Request, Response, StatusCode};
use http_body::Body;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::TrySendError;

use super::error::{BoxError, WebhookError};
use super::hook::{ReceivedHook, required_header};
use super::parse::parse_envelope;
use super::signature::{SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookVerifier};

/// The body size limit of a [`WebhookReceiver`] unless set otherwise: 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// A boxed hook handler.
type Handler = Arc<dyn Fn(ReceivedHook) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// Where accepted hooks go.
#[derive(Clone)]
enum Sink {
    /// Into a bounded channel, without waiting.
    Channel(mpsc::Sender<ReceivedHook>),
    /// Into a handler, spawned on the current Tokio runtime.
    Handler(Handler),
}

/// The configuration shared by all clones of a receiver.
struct Inner {
    verifier: Option<WebhookVerifier>,
    allow_unsigned: bool,
    subscriptions: HashSet<String>,
    max_body_bytes: usize,
    sink: Sink,
}

/// Receives Crisp Web Hooks over HTTP: a tower
/// [`Service`](tower_service::Service) that checks the signature over the raw
/// body, parses the hook into an [`Event`](crisp_types::event::Event) and
/// hands it to the application as a [`ReceivedHook`], without waiting for the
/// application to process it.
///
/// Mount it on any route of a tower-based server; with axum,
/// `Router::new().route_service("/hooks/crisp", receiver)`. Clones share one
/// configuration and one destination.
///
/// # Answers
///
/// Checked in this order; each answer is a short `text/plain` body that never
/// repeats the secret or the reason in detail (the reason is logged with
/// `tracing` at `debug` level, or `warn` for 400-decode and 503 answers).
///
/// | request | status |
/// |---|---|
/// | method other than `POST` | 405, with `Allow: POST` (the body is not read) |
/// | signature required and `X-Crisp-Signature` or `X-Crisp-Request-Timestamp` missing | 403 (the body is not read) |
/// | `Content-Length` or body above [`max_body_bytes`](WebhookReceiverBuilder::max_body_bytes) | 413 (reading stops at the limit) |
/// | body could not be read | 400 |
/// | signature or timestamp refused ([`WebhookVerifier::verify`], over the raw bytes and the timestamp header verbatim) | 403 |
/// | body is not a hook payload (see [`parse_envelope`](super::parse_envelope)) | 400 |
/// | event not subscribed | 200, dropped (so Crisp does not retry it) |
/// | known event whose data does not fit its model | 400 |
/// | hook handed to the application | 200 |
/// | the channel is full or closed, or no Tokio runtime runs the handler | 503, so that Crisp retries it later |
///
/// The `Content-Type` is not checked. Crisp retries failed deliveries, so a
/// hook answered 503 (or lost to a timeout) may come again: see
/// [`ReceivedHook::delivery_attempt`].
///
/// ```
/// use crisp_rtm::webhook::{WebhookReceiver, WebhookVerifier, sign};
/// use crisp_types::event::{Event, EventKind};
/// use http::{Request, StatusCode};
/// use tower::ServiceExt;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new("secret"))
///     .subscribe([EventKind::MessageSend])
///     .channel(64);
///
/// let body = r#"{"website_id":"w1","event":"message:send","data":{"type":"text","content":"hi"}}"#;
/// let request = Request::post("/hooks/crisp")
///     .header("X-Crisp-Request-Timestamp", "1700000000123")
///     .header("X-Crisp-Signature", sign(b"secret", "1700000000123", body.as_bytes()))
///     .body(body.to_owned())?;
/// let response = receiver.oneshot(request).await?;
/// assert_eq!(response.status(), StatusCode::OK);
///
/// let hook = hooks.recv().await.ok_or("no hook")?;
/// assert!(hook.verified);
/// assert!(matches!(hook.event, Event::MessageSend(_)));
/// # Ok(())
/// # }
/// ```
///
/// In an axum server:
///
/// ```no_run
/// use crisp_rtm::webhook::{WebhookReceiver, WebhookVerifier};
///
/// # async fn run() -> std::io::Result<()> {
/// let receiver = WebhookReceiver::builder(WebhookVerifier::new("secret")).handler(|hook| async move {
///     println!("{}: {:?}", hook.event.name(), hook.event);
/// });
/// let app = axum::Router::new().route_service("/hooks/crisp", receiver);
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// axum::serve(listener, app).await
/// # }
/// ```
#[derive(Clone)]
pub struct WebhookReceiver {
    inner: Arc<Inner>,
}

impl WebhookReceiver {
    /// Starts a receiver that requires hooks signed with `verifier`'s secret
    /// (Plugin Hooks), checked with its tolerance and clock if any.
    pub fn builder(verifier: WebhookVerifier) -> WebhookReceiverBuilder {
        WebhookReceiverBuilder::new(Some(verifier))
    }

    /// Starts a receiver for **unsigned** hooks (Website Hooks, which Crisp
    /// does not sign): no signature is checked at all, even when a request
    /// carries one, and every hook is delivered with `verified == false`.
    ///
    /// Anyone who knows the URL can then post events: use a hard-to-guess
    /// path, or prefer Plugin Hooks with [`builder`](Self::builder).
    pub fn unsigned() -> WebhookReceiverBuilder {
        WebhookReceiverBuilder::new(None)
    }

    /// Whether an event of this name is delivered (every name when nothing
    /// was subscribed).
    pub fn is_subscribed(&self, name: &str) -> bool {
        self.inner.subscriptions.is_empty() || self.inner.subscriptions.contains(name)
    }

    /// Handles one request, up to handing the hook over.
    async fn receive<B>(&self, request: Request<B>) -> Result<Outcome, WebhookError>
    where
        B: Body,
        B::Error: Into<BoxError>,
    {
        let inner = &*self.inner;
        let (parts, body) = request.into_parts();
        if parts.method != Method::POST {
            return Err(WebhookError::MethodNotAllowed { method: parts.method });
        }

        // Refuse what can be refused before reading the body.
        let verifier = match &inner.verifier {
            Some(verifier) if parts.headers.contains_key(SIGNATURE_HEADER) || !inner.allow_unsigned => {
                required_header(&parts.headers, SIGNATURE_HEADER)?;
                required_header(&parts.headers, TIMESTAMP_HEADER)?;
                Some(verifier)
            }
            _ => None,
        };
        let limit = inner.max_body_bytes;
        let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
        if content_length(&parts.headers).is_some_and(|length| length > limit_u64)
            || body.size_hint().lower() > limit_u64
        {
            return Err(WebhookError::BodyTooLarge { limit });
        }

        let bytes = Limited::new(body, limit)
            .collect()
            .await
            .map_err(|error| {
                if error.is::<LengthLimitError>() {
                    WebhookError::BodyTooLarge { limit }
                } else {
                    WebhookError::Body(error)
                }
            })?
            .to_bytes();

        if let Some(verifier) = verifier {
            let signature = required_header(&parts.headers, SIGNATURE_HEADER)?;
            let timestamp = required_header(&parts.headers, TIMESTAMP_HEADER)?;
            verifier.verify(timestamp, signature, &bytes)?;
        }

        let envelope = parse_envelope(&bytes)?;
        if !self.is_subscribed(&envelope.event) {
            return Ok(Outcome::Ignored { event: envelope.event });
        }
        let website_id = envelope.website_id.clone();
        let timestamp = envelope.timestamp;
        let event = envelope.into_event()?;
        let hook = ReceivedHook::from_parts(event, website_id, timestamp, &parts.headers, verifier.is_some());
        let name = hook.event.name().to_owned();
        self.deliver(hook)?;
        Ok(Outcome::Delivered { event: name })
    }

    /// Hands a hook to the application without waiting for it.
    fn deliver(&self, hook: ReceivedHook) -> Result<(), WebhookError> {
        match &self.inner.sink {
            Sink::Channel(sender) => sender.try_send(hook).map_err(|error| match error {
                TrySendError::Full(_) => WebhookError::Undeliverable {
                    reason: "the channel is full",
                },
                TrySendError::Closed(_) => WebhookError::Undeliverable {
                    reason: "the channel is closed",
                },
            }),
            Sink::Handler(handler) => {
                let runtime = tokio::runtime::Handle::try_current().map_err(|_| WebhookError::Undeliverable {
                    reason: "no Tokio runtime to run the handler",
                })?;
                drop(runtime.spawn(handler(hook)));
                Ok(())
            }
        }
    }

    /// Turns the outcome of a request into its answer.
    async fn answer<B>(self, request: Request<B>) -> Response<String>
    where
        B: Body,
        B::Error: Into<BoxError>,
    {
        match self.receive(request).await {
            Ok(Outcome::Delivered { event }) => {
                tracing::debug!(event = %event, "web hook accepted");
                text_response(StatusCode::OK, "accepted")
            }
            Ok(Outcome::Ignored { event }) => {
                tracing::debug!(event = %event, "web hook ignored: event not subscribed");
                text_response(StatusCode::OK, "ignored: not subscribed")
            }
            Err(error) => {
                let status = error.status();
                if matches!(error, WebhookError::Decode(_) | WebhookError::Undeliverable { .. }) {
                    tracing::warn!(status = status.as_u16(), error = %ErrorChain(&error), "web hook refused");
                } else {
                    tracing::debug!(status = status.as_u16(), error = %ErrorChain(&error), "web hook refused");
                }
                error_response(&error)
            }
        }
    }
}

/// What became of an acceptable hook.
enum Outcome {
    /// Handed to the application.
    Delivered { event: String },
    /// Dropped: the event is not subscribed.
    Ignored { event: String },
}

/// The `Content-Length` header, when present and numeric.
fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse().ok())
}

/// A short plain-text answer.
fn text_response(status: StatusCode, text: &str) -> Response<String> {
    let mut response = Response::new(format!("{text}\n"));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

/// The answer to a refused request: a generic text per status.
fn error_response(error: &WebhookError) -> Response<String> {
    let status = error.status();
    let text = match status {
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed: use POST",
        StatusCode::FORBIDDEN => "forbidden: missing or invalid signature",
        StatusCode::PAYLOAD_TOO_LARGE => "payload too large",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable: retry later",
        _ => "bad request: malformed web hook payload",
    };
    let mut response = text_response(status, text);
    if status == StatusCode::METHOD_NOT_ALLOWED {
        response.headers_mut().insert(ALLOW, HeaderValue::from_static("POST"));
    }
    response
}

/// Displays an error and its sources, for logs.
struct ErrorChain<'a>(&'a (dyn std::error::Error + 'static));

impl fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(error) = source {
            write!(f, ": {error}")?;
            source = error.source();
        }
        Ok(())
    }
}

impl<B> tower_service::Service<Request<B>> for WebhookReceiver
where
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    type Response = Response<String>;
    type Error = Infallible;
    type Future = ResponseFuture;

    /// Always ready: a receiver does not hold back requests (a full channel
    /// answers 503 instead).
    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let receiver = self.clone();
        ResponseFuture {
            inner: Box::pin(async move { Ok(receiver.answer(request).await) }),
        }
    }
}

impl fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        let mut subscriptions: Vec<&str> = inner.subscriptions.iter().map(String::as_str).collect();
        subscriptions.sort_unstable();
        f.debug_struct("WebhookReceiver")
            .field("verifier", &inner.verifier)
            .field("allow_unsigned", &inner.allow_unsigned)
            .field("subscriptions", &subscriptions)
            .field("max_body_bytes", &inner.max_body_bytes)
            .field(
                "sink",
                &match inner.sink {
                    Sink::Channel(_) => "channel",
                    Sink::Handler(_) => "handler",
                },
            )
            .finish()
    }
}

/// The future of a [`WebhookReceiver`] answer.
pub struct ResponseFuture {
    inner: Pin<Box<dyn Future<Output = Result<Response<String>, Infallible>> + Send>>,
}

impl Future for ResponseFuture {
    type Output = Result<Response<String>, Infallible>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

impl fmt::Debug for ResponseFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}

/// Configures a [`WebhookReceiver`]; finish with [`channel`](Self::channel),
/// [`sender`](Self::sender) or [`handler`](Self::handler), which say where
/// accepted hooks go.
///
/// Defaults: signature required (for [`WebhookReceiver::builder`]), every
/// event delivered, bodies up to [`DEFAULT_MAX_BODY_BYTES`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until finished with `channel`, `sender` or `handler`"]
pub struct WebhookReceiverBuilder {
    verifier: Option<WebhookVerifier>,
    allow_unsigned: bool,
    subscriptions: HashSet<String>,
    max_body_bytes: usize,
}

impl WebhookReceiverBuilder {
    fn new(verifier: Option<WebhookVerifier>) -> Self {
        Self {
            allow_unsigned: verifier.is_none(),
            verifier,
            subscriptions: HashSet::new(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// Delivers these events (adding to any subscribed before); others are
    /// answered 200 and dropped, so Crisp does not retry them.
    ///
    /// **When nothing is subscribed, every event is delivered**, including
    /// names this version does not know (as
    /// [`Event::Unknown`](crisp_types::event::Event::Unknown)).
    pub fn subscribe(mut self, kinds: impl IntoIterator<Item = EventKind>) -> Self {
        self.subscriptions
            .extend(kinds.into_iter().map(|kind| kind.as_str().to_owned()));
        self
    }

    /// Delivers the events of these names, e.g. `"message:send"`, known to
    /// this version or not (see [`subscribe`](Self::subscribe)). Names are
    /// matched exactly.
    pub fn subscribe_names(mut self, names: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.subscriptions.extend(names.into_iter().map(Into::into));
        self
    }

    /// Refuses bodies larger than this many bytes with 413, without reading
    /// past the limit (default [`DEFAULT_MAX_BODY_BYTES`]).
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Whether requests without an `X-Crisp-Signature` header are accepted
    /// (default `false`: a signature is required).
    ///
    /// When `true`, a request without the header is delivered unchecked, with
    /// [`ReceivedHook::verified`] `false`, while a request that carries one is
    /// still checked and refused if it does not match. Useful on an endpoint
    /// that receives both Plugin Hooks (signed) and Website Hooks (unsigned);
    /// for Website Hooks only, see [`WebhookReceiver::unsigned`]. Has no
    /// effect on an unsigned receiver, which checks nothing.
    pub fn allow_unsigned(mut self, allow: bool) -> Self {
        if self.verifier.is_some() {
            self.allow_unsigned = allow;
        }
        self
    }

    /// Finishes the receiver with a new bounded channel of `capacity` hooks
    /// (at least 1); read hooks from the returned receiver.
    ///
    /// The receiver never waits for room: when the channel is full, or its
    /// receiving half was dropped, a hook is answered 503 and Crisp retries it
    /// later.
    pub fn channel(self, capacity: usize) -> (WebhookReceiver, mpsc::Receiver<ReceivedHook>) {
        let (sender, receiver) = mpsc::channel(capacity.max(1));
        (self.sender(sender), receiver)
    }

    /// Finishes the receiver with the sending half of an existing channel
    /// (e.g. one shared by several receivers). Same rules as
    /// [`channel`](Self::channel).
    pub fn sender(self, sender: mpsc::Sender<ReceivedHook>) -> WebhookReceiver {
        self.finish(Sink::Channel(sender))
    }

    /// Finishes the receiver with an async handler, spawned on the current
    /// Tokio runtime for each hook: the HTTP answer does not wait for it, and
    /// nothing limits how many run at once (use [`channel`](Self::channel) to
    /// process hooks one by one).
    ///
    /// A hook received outside a Tokio runtime is answered 503.
    pub fn handler<F, Fut>(self, handler: F) -> WebhookReceiver
    where
        F: Fn(ReceivedHook) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |hook| Box::pin(handler(hook)));
        self.finish(Sink::Handler(handler))
    }

    fn finish(self, sink: Sink) -> WebhookReceiver {
        WebhookReceiver {
            inner: Arc::new(Inner {
                verifier: self.verifier,
                allow_unsigned: self.allow_unsigned,
                subscriptions: self.subscriptions,
                max_body_bytes: self.max_body_bytes,
                sink,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_chain_lists_sources_once() {
        let error = WebhookError::Signature(super::super::SignatureError::Mismatch);
        assert_eq!(
            ErrorChain(&error).to_string(),
            "the request signature was refused: the signature does not match"
        );
    }

    #[test]
    fn debug_hides_the_secret() {
        let (receiver, _hooks) = WebhookReceiver::builder(WebhookVerifier::new("top-secret"))
            .subscribe([EventKind::MessageSend])
            .channel(1);
        let debug = format!("{receiver:?}");
        assert!(!debug.contains("top-secret"), "{debug}");
        assert!(debug.contains("message:send"), "{debug}");
    }

    #[test]
    fn subscriptions_default_to_everything() {
        let (all, _hooks) = WebhookReceiver::unsigned().channel(1);
        assert!(all.is_subscribed("anything:at:all"));
        let (some, _hooks) = WebhookReceiver::unsigned()
            .subscribe([EventKind::MessageSend])
            .subscribe_names(["custom:event"])
            .channel(1);
        assert!(some.is_subscribed("message:send"));
        assert!(some.is_subscribed("custom:event"));
        assert!(!some.is_subscribed("message:received"));
    }
}
