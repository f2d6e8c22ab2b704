//! The connection task: discovery, connection attempts, the per-connection
//! session (PROTOCOL §5), heartbeat, reconnection with backoff.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_tungstenite::tungstenite::Message;
use crisp_transport::{Credentials, Transport};
use crisp_types::Tier;
use crisp_types::event::Event;
use futures_util::{FutureExt, StreamExt};
use serde_json::Value;
use tokio::sync::{mpsc, oneshot, watch};

use super::connection::{self, Target, Ws};
use super::discovery;
use super::error::RtmError;
use super::queue::ItemSender;
use super::state::ConnectionState;
use crate::backoff::ReconnectBackoff;
use crate::codec::{AckId, EnginePacket, Inbound, InboundEvent, OpenInfo, SocketPacket, excerpt};
use crate::protocol::{AUTHENTICATED_EVENT, CONNECT_FRAME, DEFAULT_NAMESPACE, UNAUTHORIZED_EVENT};
use crate::session::{AuthenticationPayload, BindRequest, Heartbeat, RebindThrottle, authentication_frame};

/// One item of the stream.
pub(crate) type Item = Result<Event, RtmError>;

/// What the WebSocket yields.
type WsItem = Result<Message, async_tungstenite::tungstenite::Error>;

/// The most frames handled in a row before the task looks at its commands
/// and timers again (and hands the batch of events over).
const MAX_BATCH: usize = 64;

/// What a handle asks the task.
#[derive(Debug)]
pub(crate) enum Command {
    /// Send a `socket:bind*` request on the current connection.
    Bind {
        request: BindRequest,
        reply: oneshot::Sender<Result<(), RtmError>>,
    },
    /// Stop for good.
    Close,
}

/// Where the relay URL comes from.
#[derive(Debug, Clone)]
pub(crate) enum RelaySource {
    /// Given by the user: never rediscovered.
    Fixed(Target),
    /// Discovered through the REST API.
    Discover { transport: Transport, url: String },
}

/// Everything the task needs, checked by the builder.
#[derive(Debug)]
pub(crate) struct TaskConfig {
    pub(crate) credentials: Credentials,
    pub(crate) tier: Tier,
    pub(crate) events: Vec<String>,
    pub(crate) rooms: Option<Vec<String>>,
    pub(crate) inboxes: Option<Vec<String>>,
    pub(crate) relay: RelaySource,
    pub(crate) backoff: ReconnectBackoff,
    pub(crate) connect_timeout: Duration,
    pub(crate) allow_insecure: bool,
    pub(crate) tls: Option<Arc<rustls::ClientConfig>>,
    pub(crate) rediscover_after: u32,
    pub(crate) rebind_throttle: RebindThrottle,
}

/// How one attempt (discovery + connection + session) ended.
#[derive(Debug)]
enum Outcome {
    /// The user closed the client (or dropped every handle and the stream).
    UserClosed,
    /// Stop after reporting this error.
    Terminal(RtmError),
    /// Report this error and reconnect.
    Failed { error: RtmError, authenticated: bool },
}

/// The connection task.
pub(crate) struct Task {
    config: TaskConfig,
    commands: mpsc::UnboundedReceiver<Command>,
    items: ItemSender,
    state: Arc<watch::Sender<ConnectionState>>,
    target: Option<Target>,
}

impl Task {
    pub(crate) fn new(
        config: TaskConfig,
        commands: mpsc::UnboundedReceiver<Command>,
        items: ItemSender,
        state: Arc<watch::Sender<ConnectionState>>,
    ) -> Self {
        let target = match &config.relay {
            RelaySource::Fixed(target) => Some(target.clone()),
            RelaySource::Discover { .. } => None,
        };
        Self {
            config,
            commands,
            items,
            state,
            target,
        }
    }

    /// Runs until the user closes or a terminal error, then publishes
    /// [`ConnectionState::Closed`] and ends the stream (by dropping the item
    /// sender).
    pub(crate) async fn run(mut self) {
        let mut failures: u32 = 0;
        loop {
            self.set_state(ConnectionState::Connecting);
            let error = match self.attempt().await {
                Outcome::UserClosed => break,
                Outcome::Terminal(error) => {
                    tracing::warn!(target: "crisp_rtm", %error, "RTM client stopped");
                    // Closed first, so that whoever sees the error sees the
                    // state it leads to.
                    self.set_state(ConnectionState::Closed);
                    self.emit(Err(error));
                    break;
                }
                Outcome::Failed { error, authenticated } => {
                    if authenticated {
                        self.config.backoff.reset();
                        failures = 0;
                    }
                    failures = failures.saturating_add(1);
                    if self.config.rediscover_after > 0
                        && failures % self.config.rediscover_after == 0
                        && matches!(self.config.relay, RelaySource::Discover { .. })
                    {
                        // The relay URL is dynamic: ask again.
                        self.target = None;
                    }
                    tracing::debug!(target: "crisp_rtm", %error, failures, "RTM connection failed");
                    error
                }
            };
            let delay = self.config.backoff.next_delay();
            self.set_state(ConnectionState::Reconnecting {
                attempt: self.config.backoff.attempt(),
                delay,
            });
            self.emit(Err(error));
            if race(&mut self.commands, tokio::time::sleep(delay)).await.is_none() {
                break;
            }
        }
        self.set_state(ConnectionState::Closed);
        self.commands.close();
        while let Ok(command) = self.commands.try_recv() {
            if let Command::Bind { reply, .. } = command {
                let _ = reply.send(Err(RtmError::Closed));
            }
        }
    }

    fn set_state(&self, state: ConnectionState) {
        self.state.send_if_modified(|current| {
            if *current == state {
                return false;
            }
            *current = state;
            true
        });
    }

    /// Hands an item to the stream at once (with the batch before it).
    fn emit(&mut self, item: Item) {
        // The stream may be gone while handles remain: nobody listens, fine.
        self.items.send(item);
    }

    /// One attempt: discovery if needed, connection, session.
    async fn attempt(&mut self) -> Outcome {
        let target = match &self.target {
            Some(target) => target.clone(),
            None => {
                let RelaySource::Discover { transport, url } = &self.config.relay else {
                    return Outcome::Terminal(RtmError::config("no relay URL"));
                };
                let discovered = match race(&mut self.commands, discovery::discover(transport, url)).await {
                    None => return Outcome::UserClosed,
                    Some(Ok(relay)) => relay,
                    Some(Err(error)) if error.is_terminal() => return Outcome::Terminal(error),
                    Some(Err(error)) => {
                        return Outcome::Failed {
                            error,
                            authenticated: false,
                        };
                    }
                };
                match Target::from_relay(&discovered, self.config.allow_insecure) {
                    Ok(target) => {
                        tracing::debug!(target: "crisp_rtm", url = %target.url, "discovered RTM relay");
                        self.target = Some(target.clone());
                        target
                    }
                    Err(error) => {
                        return Outcome::Failed {
                            error: error.into_discovery(),
                            authenticated: false,
                        };
                    }
                }
            }
        };

        let connect_timeout = self.config.connect_timeout;
        let tls = self.config.tls.clone();
        let establish = async move {
            let mut ws = connection::open(&target, tls.as_ref()).await?;
            let open = connection::wait_open(&mut ws).await?;
            Ok::<_, RtmError>((ws, open))
        };
        let (ws, open) = match race(&mut self.commands, tokio::time::timeout(connect_timeout, establish)).await {
            None => return Outcome::UserClosed,
            Some(Err(_elapsed)) => {
                return Outcome::Failed {
                    error: RtmError::ConnectTimeout { after: connect_timeout },
                    authenticated: false,
                };
            }
            Some(Ok(Err(error))) => {
                return Outcome::Failed {
                    error,
                    authenticated: false,
                };
            }
            Some(Ok(Ok(established))) => established,
        };
        self.session(ws, open).await
    }

    /// One connection, from the open packet on (PROTOCOL §5.1).
    async fn session(&mut self, mut ws: Ws, open: OpenInfo) -> Outcome {
        let mut heartbeat = Heartbeat::new(&open, Instant::now());
        // The relay must answer `authentication` within the connect timeout
        // too; a connection stuck before `authenticated` delivers nothing.
        let auth_timeout = self.config.connect_timeout;
        let now = tokio::time::Instant::now();
        // (A timeout too large for the clock means no deadline in practice.)
        let auth_deadline = now
            .checked_add(auth_timeout)
            .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 24 * 3600));
        let send_limit = heartbeat.timeout().max(Duration::from_secs(1));
        self.set_state(ConnectionState::Connected);
        tracing::debug!(target: "crisp_rtm", sid = %open.sid, "RTM connection open");

        let mut session = Session {
            joined: false,
            authenticated: false,
        };
        if let Err(error) = connection::send_text(&mut ws, CONNECT_FRAME.to_owned(), send_limit).await {
            return session.failed(error);
        }

        // Both timers are armed once and moved only when they fire: a busy
        // connection does not touch the timer wheel for every frame.
        let liveness = tokio::time::sleep_until(tokio::time::Instant::from_std(heartbeat.deadline()));
        let authentication = tokio::time::sleep_until(auth_deadline);
        tokio::pin!(liveness, authentication);
        loop {
            tokio::select! {
                biased;
                command = self.commands.recv() => match command {
                    None | Some(Command::Close) => {
                        let _ = tokio::time::timeout(Duration::from_secs(1), ws.close(None)).await;
                        return Outcome::UserClosed;
                    }
                    Some(Command::Bind { request, reply }) => {
                        match self.bind(&mut ws, &session, request, send_limit).await {
                            Ok(()) => {
                                let _ = reply.send(Ok(()));
                            }
                            Err(BindFailure::Refused(error)) => {
                                let _ = reply.send(Err(error));
                            }
                            Err(BindFailure::Socket(error)) => {
                                let _ = reply.send(Err(RtmError::NotConnected));
                                return session.failed(error);
                            }
                        }
                    }
                },
                frame = ws.next() => {
                    heartbeat.on_frame(Instant::now());
                    let outcome = self.on_frames(&mut ws, &mut session, frame, send_limit).await;
                    // One hand-over (and at most one wake-up of the reader)
                    // for every frame read together.
                    self.items.flush();
                    if let Some(outcome) = outcome {
                        return outcome;
                    }
                },
                () = &mut liveness => {
                    if !heartbeat.is_dead(Instant::now()) {
                        liveness.as_mut().reset(tokio::time::Instant::from_std(heartbeat.deadline()));
                        continue;
                    }
                    tracing::debug!(target: "crisp_rtm", "RTM ping timeout");
                    return session.failed(RtmError::PingTimeout { after: heartbeat.timeout() });
                }
                () = &mut authentication, if !session.authenticated => {
                    tracing::debug!(target: "crisp_rtm", "RTM authentication timeout");
                    return session.failed(RtmError::AuthenticationTimeout { after: auth_timeout });
                }
            }
        }
    }

    /// Handles `first` and then every frame already received (up to
    /// [`MAX_BATCH`]), without waiting for more; `Some` ends the connection.
    /// Events are batched in the item buffer; the caller flushes it.
    async fn on_frames(
        &mut self,
        ws: &mut Ws,
        session: &mut Session,
        first: Option<WsItem>,
        send_limit: Duration,
    ) -> Option<Outcome> {
        let mut frame = first;
        let mut handled = 0;
        loop {
            match frame {
                Some(Ok(Message::Text(text))) => {
                    if let Some(outcome) = self.on_text(ws, session, text.as_str(), send_limit).await {
                        return Some(outcome);
                    }
                }
                Some(Ok(Message::Close(frame))) => {
                    let reason = match frame {
                        Some(frame) if !frame.reason.is_empty() => {
                            format!(
                                "the relay closed the WebSocket ({}: {})",
                                u16::from(frame.code),
                                frame.reason
                            )
                        }
                        Some(frame) => format!("the relay closed the WebSocket ({})", u16::from(frame.code)),
                        None => "the relay closed the WebSocket".to_owned(),
                    };
                    return Some(session.failed(RtmError::Disconnected { reason }));
                }
                // Binary frames are not expected; control frames are
                // answered by tungstenite.
                Some(Ok(_)) => {}
                Some(Err(error)) => return Some(session.failed(RtmError::WebSocket { source: error.into() })),
                None => {
                    return Some(session.failed(RtmError::Disconnected {
                        reason: "the WebSocket ended".to_owned(),
                    }));
                }
            }
            handled += 1;
            if handled == MAX_BATCH {
                return None;
            }
            // The next frame only if it is already there (polled without
            // registering for a wake-up; the caller's select does that).
            frame = ws.next().now_or_never()?;
        }
    }

    /// Handles one text frame; `Some` ends the connection.
    async fn on_text(
        &mut self,
        ws: &mut Ws,
        session: &mut Session,
        text: &str,
        send_limit: Duration,
    ) -> Option<Outcome> {
        let packet = match Inbound::decode(text) {
            Ok(Inbound::Event(event)) => return self.on_event(ws, session, event, send_limit).await,
            Ok(Inbound::Packet(packet)) => packet,
            Err(source) => {
                tracing::debug!(target: "crisp_rtm", error = %source, "malformed RTM frame");
                self.items.push(Err(RtmError::Protocol {
                    excerpt: excerpt(text),
                    source,
                }));
                return None;
            }
        };
        match packet {
            EnginePacket::Ping(_) => {
                let pong = packet.pong_reply().map(|pong| pong.encode()).unwrap_or_default();
                if let Err(error) = connection::send_text(ws, pong, send_limit).await {
                    return Some(session.failed(error));
                }
            }
            EnginePacket::Close => {
                return Some(session.failed(RtmError::Disconnected {
                    reason: "the relay closed the Engine.IO session".to_owned(),
                }));
            }
            EnginePacket::Message(packet) if packet.namespace() != DEFAULT_NAMESPACE => {
                // Only the default namespace is the Crisp session: a packet of
                // another one neither reaches the application nor ends the
                // connection.
                tracing::debug!(
                    target: "crisp_rtm",
                    namespace = packet.namespace(),
                    packet_type = %packet.type_digit(),
                    "ignored a packet of another Socket.IO namespace"
                );
            }
            EnginePacket::Message(packet) => return self.on_socket_packet(ws, session, packet, send_limit).await,
            // A second open packet, pongs, upgrades and no-ops carry nothing
            // for a WebSocket-only client.
            _ => {}
        }
        None
    }

    /// Handles an event of the default namespace; `Some` ends the
    /// connection.
    async fn on_event(
        &mut self,
        ws: &mut Ws,
        session: &mut Session,
        received: InboundEvent,
        send_limit: Duration,
    ) -> Option<Outcome> {
        let InboundEvent { ack, event, .. } = received;
        match ack {
            None => {}
            Some(AckId::Id(ack_id)) => {
                // Defensive: never observed from Crisp.
                let ack = EnginePacket::Message(SocketPacket::ack(ack_id, Vec::new())).encode();
                if let Err(error) = connection::send_text(ws, ack, send_limit).await {
                    return Some(session.failed(error));
                }
            }
            Some(AckId::TooLarge { digits }) => {
                let name = match &event {
                    Ok(event) => event.name(),
                    Err(error) => error.name(),
                };
                tracing::debug!(target: "crisp_rtm", event = name, "ack id too large, no ack sent");
                self.items.push(Err(RtmError::AckSkipped {
                    event: name.to_owned(),
                    digits,
                }));
            }
        }
        match event {
            Ok(Event::Unknown { name, .. }) if name == AUTHENTICATED_EVENT => {
                session.authenticated = true;
                self.set_state(ConnectionState::Authenticated);
                tracing::debug!(target: "crisp_rtm", "RTM authenticated");
            }
            Ok(Event::Unknown { name, data }) if name == UNAUTHORIZED_EVENT => {
                let message = match &data {
                    Value::Object(object) => object
                        .get("message")
                        .and_then(Value::as_str)
                        .map_or_else(|| data.to_string(), str::to_owned),
                    Value::String(text) => text.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                return Some(Outcome::Terminal(RtmError::Unauthorized { message }));
            }
            event => self.items.push(event.map_err(RtmError::Decode)),
        }
        None
    }

    /// Handles one Socket.IO packet of the default namespace other than an
    /// event; `Some` ends the connection.
    async fn on_socket_packet(
        &mut self,
        ws: &mut Ws,
        session: &mut Session,
        packet: SocketPacket,
        send_limit: Duration,
    ) -> Option<Outcome> {
        match packet {
            SocketPacket::Connect { .. } => {
                if session.joined {
                    return None;
                }
                session.joined = true;
                // Exactly once per connection, and the first event sent.
                let mut payload = AuthenticationPayload::new(
                    self.config.credentials.identifier(),
                    self.config.credentials.key(),
                    self.config.tier,
                    self.config.events.iter().cloned(),
                );
                payload.rooms.clone_from(&self.config.rooms);
                payload.inboxes.clone_from(&self.config.inboxes);
                if let Err(error) = connection::send_text(ws, authentication_frame(&payload), send_limit).await {
                    return Some(session.failed(error));
                }
            }
            SocketPacket::ConnectError { data, .. } => {
                let message = data
                    .get("message")
                    .and_then(Value::as_str)
                    .map_or_else(|| data.to_string(), str::to_owned);
                return Some(session.failed(RtmError::Disconnected {
                    reason: format!("the relay refused the namespace join: {message}"),
                }));
            }
            SocketPacket::Disconnect { .. } => {
                return Some(session.failed(RtmError::Disconnected {
                    reason: "the relay disconnected the Socket.IO namespace".to_owned(),
                }));
            }
            // Events of the default namespace come as `Inbound::Event`;
            // acknowledgements answer requests this client never makes.
            _ => {}
        }
        None
    }

    /// Sends a bind request if the connection is authenticated and the
    /// throttle allows it.
    async fn bind(
        &mut self,
        ws: &mut Ws,
        session: &Session,
        request: BindRequest,
        send_limit: Duration,
    ) -> Result<(), BindFailure> {
        if !session.authenticated {
            return Err(BindFailure::Refused(RtmError::NotConnected));
        }
        self.config
            .rebind_throttle
            .try_acquire(Instant::now())
            .map_err(|throttled| {
                BindFailure::Refused(RtmError::Throttled {
                    retry_after: throttled.retry_after,
                })
            })?;
        connection::send_text(ws, request.frame(), send_limit)
            .await
            .map_err(BindFailure::Socket)?;
        // Keep the subscription for the next authentication.
        apply_bind(&mut self.config.events, &request);
        Ok(())
    }
}

/// Why a bind request was not sent.
#[derive(Debug)]
enum BindFailure {
    /// Refused before sending; the connection is fine.
    Refused(RtmError),
    /// Sending failed; the connection is lost.
    Socket(RtmError),
}

/// What one connection has been through.
#[derive(Debug)]
struct Session {
    joined: bool,
    authenticated: bool,
}

impl Session {
    fn failed(&self, error: RtmError) -> Outcome {
        Outcome::Failed {
            error,
            authenticated: self.authenticated,
        }
    }
}

/// Applies a granted bind change to the subscription sent at the next
/// authentication.
pub(crate) fn apply_bind(events: &mut Vec<String>, request: &BindRequest) {
    match request {
        BindRequest::Push(pushed) => {
            for event in pushed {
                if !events.contains(event) {
                    events.push(event.clone());
                }
            }
        }
        BindRequest::Pop(popped) => events.retain(|event| !popped.contains(event)),
        BindRequest::Replace(replacement) => events.clone_from(replacement),
        _ => {}
    }
}

/// Runs `future` while answering commands: a bind gets
/// [`RtmError::NotConnected`]; a close (or every handle gone) abandons the
/// future and returns `None`.
async fn race<F: Future>(commands: &mut mpsc::UnboundedReceiver<Command>, future: F) -> Option<F::Output> {
    tokio::pin!(future);
    loop {
        tokio::select! {
            biased;
            command = commands.recv() => match command {
                None | Some(Command::Close) => return None,
                Some(Command::Bind { reply, .. }) => {
                    let _ = reply.send(Err(RtmError::NotConnected));
                }
            },
            output = &mut future => return Some(output),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_changes_update_the_subscription() {
        let mut events = vec!["message:send".to_owned()];
        apply_bind(&mut events, &BindRequest::Push(vec!["a".into(), "message:send".into()]));
        assert_eq!(events, ["message:send", "a"]);
        apply_bind(&mut events, &BindRequest::Pop(vec!["message:send".into()]));
        assert_eq!(events, ["a"]);
        apply_bind(&mut events, &BindRequest::Rebind);
        assert_eq!(events, ["a"]);
        apply_bind(&mut events, &BindRequest::Replace(vec!["b".into()]));
        assert_eq!(events, ["b"]);
    }

    #[tokio::test]
    async fn race_answers_binds_and_stops_on_close() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let (reply_tx, reply_rx) = oneshot::channel();
        let _ = tx.send(Command::Bind {
            request: BindRequest::Rebind,
            reply: reply_tx,
        });
        let _ = tx.send(Command::Close);
        let outcome = race(&mut rx, std::future::pending::<()>()).await;
        assert!(outcome.is_none());
        assert!(matches!(reply_rx.await, Ok(Err(RtmError::NotConnected))));

        let (tx, mut rx) = mpsc::unbounded_channel::<Command>();
        assert_eq!(race(&mut rx, async { 7 }).await, Some(7));
        drop(tx);
        assert!(race(&mut rx, std::future::pending::<()>()).await.is_none());
    }
}
