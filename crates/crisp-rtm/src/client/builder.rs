//! Configuring and starting the client.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crisp_transport::{Credentials, Transport};
use crisp_types::Tier;
use crisp_types::event::EventKind;
use tokio::sync::{mpsc, watch};

use super::connection::Target;
use super::discovery::{DEFAULT_REST_BASE_URL, endpoints_url};
use super::error::RtmError;
use super::handle::{RtmHandle, RtmStream};
use super::queue::{self, StreamBuffer};
use super::session_loop::{RelaySource, Task, TaskConfig};
use super::state::ConnectionState;
use crate::backoff::ReconnectBackoff;
use crate::protocol::CONNECT_TIMEOUT;
use crate::session::RebindThrottle;

/// After this many failed attempts in a row, a discovered relay URL is
/// forgotten and discovery runs again.
pub const REDISCOVER_AFTER_FAILURES: u32 = 5;

/// The entry point of the RTM WebSocket client.
///
/// [`RtmClient::builder`] starts an [`RtmBuilder`]; its
/// [`connect`](RtmBuilder::connect) spawns the connection task and returns
/// an [`RtmHandle`] (state, rebind, close) and an [`RtmStream`] (events and
/// errors).
#[derive(Debug)]
#[non_exhaustive]
pub struct RtmClient {}

impl RtmClient {
    /// Starts configuring a client for a token of `tier` (the same token as
    /// for REST: identifier and key).
    pub fn builder(credentials: Credentials, tier: Tier) -> RtmBuilder {
        RtmBuilder::new(credentials, tier)
    }
}

/// Configures an RTM client; start with [`RtmClient::builder`].
///
/// Defaults: the relay URL is discovered through
/// `https://api.crisp.chat/v1/<tier>/connect/endpoints`; reconnection delays
/// follow the Node SDK ([`ReconnectBackoff::node_defaults`]); the connect
/// timeout is 10 s; `ws://` is only accepted towards loopback hosts; the
/// stream buffers unread items without bound (lossless; see
/// [`buffer`](Self::buffer) for a bounded buffer).
///
/// At least one event must be subscribed with [`events`](Self::events) or
/// [`event_names`](Self::event_names).
pub struct RtmBuilder {
    credentials: Credentials,
    tier: Tier,
    events: Vec<String>,
    rooms: Option<Vec<String>>,
    inboxes: Option<Vec<String>>,
    rest_base_url: String,
    relay_url: Option<String>,
    transport: Option<Transport>,
    backoff: ReconnectBackoff,
    connect_timeout: Duration,
    allow_insecure: bool,
    rediscover_after: u32,
    rebind_interval: Option<Duration>,
    buffer: StreamBuffer,
}

impl fmt::Debug for RtmBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Credentials` redacts its key.
        f.debug_struct("RtmBuilder")
            .field("credentials", &self.credentials)
            .field("tier", &self.tier)
            .field("events", &self.events)
            .field("rooms", &self.rooms)
            .field("inboxes", &self.inboxes)
            .field("rest_base_url", &self.rest_base_url)
            .field("relay_url", &self.relay_url)
            .field("backoff", &self.backoff)
            .field("connect_timeout", &self.connect_timeout)
            .field("allow_insecure", &self.allow_insecure)
            .field("buffer", &self.buffer)
            .finish_non_exhaustive()
    }
}

impl RtmBuilder {
    fn new(credentials: Credentials, tier: Tier) -> Self {
        Self {
            credentials,
            tier,
            events: Vec::new(),
            rooms: None,
            inboxes: None,
            rest_base_url: DEFAULT_REST_BASE_URL.to_owned(),
            relay_url: None,
            transport: None,
            backoff: ReconnectBackoff::node_defaults(),
            connect_timeout: CONNECT_TIMEOUT,
            allow_insecure: false,
            rediscover_after: REDISCOVER_AFTER_FAILURES,
            rebind_interval: None,
            buffer: StreamBuffer::Unbounded,
        }
    }

    /// Subscribes to these events (added to any already given; duplicates
    /// are ignored).
    #[must_use]
    pub fn events(mut self, events: impl IntoIterator<Item = EventKind>) -> Self {
        for event in events {
            self.push_event(event.as_str().to_owned());
        }
        self
    }

    /// Subscribes to events by name, including names this version does not
    /// know (they arrive as [`Event::Unknown`](crisp_types::event::Event::Unknown)).
    #[must_use]
    pub fn event_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for name in names {
            self.push_event(name.into());
        }
        self
    }

    fn push_event(&mut self, name: String) {
        if !self.events.contains(&name) {
            self.events.push(name);
        }
    }

    /// Restricts delivery to these website ids (`rooms` in the
    /// `authentication` payload).
    #[must_use]
    pub fn rooms<I, S>(mut self, website_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rooms = Some(website_ids.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts delivery to these inbox ids (`inboxes` in the
    /// `authentication` payload).
    #[must_use]
    pub fn inboxes<I, S>(mut self, inbox_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.inboxes = Some(inbox_ids.into_iter().map(Into::into).collect());
        self
    }

    /// The REST base URL used for endpoint discovery (default
    /// `https://api.crisp.chat/v1/`; a fake server's `base_url()` in tests).
    #[must_use]
    pub fn rest_base_url(mut self, url: impl Into<String>) -> Self {
        self.rest_base_url = url.into();
        self
    }

    /// Connects to this relay URL (`https://…`, `wss://…`, or `http`/`ws` to
    /// loopback) instead of discovering it; discovery never runs.
    #[must_use]
    pub fn relay_url(mut self, url: impl Into<String>) -> Self {
        self.relay_url = Some(url.into());
        self
    }

    /// The HTTP transport used for endpoint discovery (default: one built
    /// from the same credentials and tier). Share the REST client's
    /// transport to share its connection pool and rate limiter.
    #[must_use]
    pub fn transport(mut self, transport: Transport) -> Self {
        self.transport = Some(transport);
        self
    }

    /// The delays between connection attempts (default
    /// [`ReconnectBackoff::node_defaults`]: 1.25–8.75 s, then up to 10 s).
    /// Attempts are unlimited.
    #[must_use]
    pub fn backoff(mut self, backoff: ReconnectBackoff) -> Self {
        self.backoff = backoff;
        self
    }

    /// How long an attempt may take from its start (TCP, TLS, WebSocket
    /// upgrade) until the relay's Engine.IO open packet (default 10 s,
    /// [`RtmError::ConnectTimeout`] after), and then again from the open
    /// packet until the relay answers `authentication`
    /// ([`RtmError::AuthenticationTimeout`] after).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Allows plain `ws://` (or `http://`) relay URLs towards any host
    /// (default `false`: only loopback hosts, for a local fake relay). The
    /// token travels in clear text over such a connection.
    #[must_use]
    pub fn allow_insecure(mut self, allow: bool) -> Self {
        self.allow_insecure = allow;
        self
    }

    /// After how many failed attempts in a row a discovered relay URL is
    /// discovered again (default [`REDISCOVER_AFTER_FAILURES`]; 0 never
    /// rediscovers). Ignored with [`relay_url`](Self::relay_url).
    #[must_use]
    pub fn rediscover_after(mut self, failures: u32) -> Self {
        self.rediscover_after = failures;
        self
    }

    /// The shortest interval between two rebind requests (default 2.5 s, as
    /// the official SDKs). Lowering it risks the relay's displeasure.
    #[must_use]
    pub fn rebind_interval(mut self, interval: Duration) -> Self {
        self.rebind_interval = Some(interval);
        self
    }

    /// How the [`RtmStream`] buffers the items the application has not read
    /// yet (default [`StreamBuffer::Unbounded`]: nothing is lost, and memory
    /// grows while the application does not read).
    ///
    /// [`StreamBuffer::drop_oldest`]`(capacity)` bounds the buffer: when an
    /// item arrives and `capacity` items are waiting, the oldest is dropped,
    /// and the next read returns [`RtmError::Lagged`] with how many events
    /// (and error items) were lost, then the oldest item kept. The terminal
    /// error is never dropped. Either way the connection itself never waits
    /// for the application: pings are answered on time and the session stays
    /// up however slowly the stream is read.
    ///
    /// ```no_run
    /// use crisp_rtm::client::{RtmClient, RtmError, StreamBuffer};
    /// use crisp_transport::Credentials;
    /// use crisp_types::Tier;
    /// use crisp_types::event::EventKind;
    ///
    /// # async fn run() -> Result<(), RtmError> {
    /// let (_handle, mut stream) = RtmClient::builder(Credentials::new("identifier", "key"), Tier::Plugin)
    ///     .events([EventKind::MessageSend])
    ///     .buffer(StreamBuffer::drop_oldest(10_000))
    ///     .connect()?;
    /// while let Some(item) = stream.recv().await {
    ///     match item {
    ///         Ok(event) => println!("{}", event.name()),
    ///         Err(RtmError::Lagged { events, .. }) => eprintln!("fell behind: {events} events lost"),
    ///         Err(error) if error.is_terminal() => return Err(error),
    ///         Err(error) => eprintln!("RTM: {error}"),
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[must_use]
    pub fn buffer(mut self, buffer: StreamBuffer) -> Self {
        self.buffer = buffer;
        self
    }

    /// Starts the client on the current tokio runtime and returns its handle
    /// and its stream. Nothing is awaited: the first connection attempt
    /// (discovery included) runs in the background, and its failures arrive
    /// as stream items followed by retries.
    ///
    /// # Errors
    ///
    /// [`RtmError::Config`] when no event is subscribed, the relay URL given
    /// is invalid or plain-text towards a non-loopback host (without
    /// [`allow_insecure`](Self::allow_insecure)), the REST base URL is
    /// invalid, the discovery transport or TLS cannot be set up, or when
    /// called outside a tokio runtime.
    pub fn connect(self) -> Result<(RtmHandle, RtmStream), RtmError> {
        let buffer = self.buffer;
        let config = self.into_task_config()?;
        let runtime = tokio::runtime::Handle::try_current().map_err(|error| {
            RtmError::config_with("RtmBuilder::connect must be called within a tokio runtime", error)
        })?;

        let (command_tx, command_rx) = mpsc::unbounded_channel();
        let (item_tx, item_rx) = queue::channel(buffer);
        let state = Arc::new(watch::Sender::new(ConnectionState::Connecting));
        let task = Task::new(config, command_rx, item_tx, Arc::clone(&state));
        runtime.spawn(task.run());
        let handle = RtmHandle::new(command_tx, state);
        let stream = RtmStream::new(item_rx, handle.clone());
        Ok((handle, stream))
    }

    fn into_task_config(self) -> Result<super::session_loop::TaskConfig, RtmError> {
        if self.events.is_empty() {
            return Err(RtmError::config(
                "no event subscribed; call events(..) or event_names(..)",
            ));
        }
        let relay = match &self.relay_url {
            Some(url) => RelaySource::Fixed(Target::from_relay(url, self.allow_insecure).map_err(|e| e.into_config())?),
            None => {
                let url = endpoints_url(&self.rest_base_url, self.tier);
                url.parse::<http::Uri>().map_err(|error| {
                    RtmError::config_with(format!("invalid REST base URL {:?}", self.rest_base_url), error)
                })?;
                let transport = match self.transport {
                    Some(transport) => transport,
                    None => Transport::builder(self.credentials.clone(), self.tier)
                        .allow_insecure_http(self.allow_insecure)
                        .build()
                        .map_err(|error| RtmError::config_with("cannot build the discovery transport", error))?,
                };
                RelaySource::Discover { transport, url }
            }
        };
        let needs_tls = match &relay {
            RelaySource::Fixed(target) => target.secure,
            RelaySource::Discover { .. } => true,
        };
        let tls = if needs_tls {
            Some(
                crisp_transport::tls::tls_client_config()
                    .map_err(|error| RtmError::config_with("cannot set up TLS", error))?,
            )
        } else {
            None
        };
        Ok(TaskConfig {
            credentials: self.credentials,
            tier: self.tier,
            events: self.events,
            rooms: self.rooms,
            inboxes: self.inboxes,
            relay,
            backoff: self.backoff,
            connect_timeout: self.connect_timeout,
            allow_insecure: self.allow_insecure,
            tls,
            rediscover_after: self.rediscover_after,
            rebind_throttle: match self.rebind_interval {
                Some(interval) => RebindThrottle::with_min_interval(interval),
                None => RebindThrottle::new(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder() -> RtmBuilder {
        RtmClient::builder(Credentials::new("id", "s3cr3t"), Tier::Plugin)
    }

    #[test]
    fn events_are_deduplicated_and_raw_names_kept() {
        let builder = builder()
            .events([EventKind::MessageSend, EventKind::MessageSend])
            .event_names(["message:send", "future:event"]);
        assert_eq!(builder.events, ["message:send", "future:event"]);
    }

    #[test]
    fn debug_hides_the_key() {
        let debug = format!("{:?}", builder().events([EventKind::MessageSend]));
        assert!(!debug.contains("s3cr3t"));
    }

    #[test]
    fn config_errors() {
        let error = builder().into_task_config().err();
        assert!(matches!(error, Some(RtmError::Config { .. })));
        let error = builder()
            .events([EventKind::MessageSend])
            .relay_url("http://relay.example.com/")
            .into_task_config()
            .err();
        assert!(error.is_some_and(|e| e.is_terminal()));
        let config = builder()
            .events([EventKind::MessageSend])
            .relay_url("http://relay.example.com/")
            .allow_insecure(true)
            .into_task_config();
        assert!(config.is_ok_and(|config| config.tls.is_none()));
        let error = builder()
            .events([EventKind::MessageSend])
            .rest_base_url("not a url")
            .into_task_config()
            .err();
        assert!(matches!(error, Some(RtmError::Config { .. })));
    }

    #[test]
    fn connect_outside_a_runtime_is_a_config_error() {
        let error = builder()
            .events([EventKind::MessageSend])
            .relay_url("ws://127.0.0.1:1/")
            .connect()
            .err();
        assert!(matches!(error, Some(RtmError::Config { .. })));
    }
}
