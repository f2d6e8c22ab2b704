//! The fake RTM relay: a socketioxide Socket.IO server speaking Crisp's RTM
//! session (PROTOCOL §5) behind a fault-injecting TCP proxy, and the hub that
//! turns REST state changes into RTM events (and web hooks).

pub(crate) mod frames;
pub(crate) mod proxy;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use crisp_types::Tier;
use serde_json::{Value, json};
use socketioxide::SocketIo;
use socketioxide::extract::{Event, SocketRef, TryData};
use socketioxide::handler::ConnectHandler;
use socketioxide::socket::Sid;

use crate::auth::Tokens;
use crate::webhook::Webhooks;
use proxy::{CONN_HEADER, Proxy};

/// The `message` of the `unauthorized` answer.
const UNAUTHORIZED_MESSAGE: &str = "Invalid credentials: unknown token or tier";
/// The `message` of the `unauthorized` answer to a malformed `authentication` payload.
const MALFORMED_MESSAGE: &str = "Invalid authentication payload";

/// One `authentication` attempt the relay received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayAuth {
    /// `username` as sent (empty when missing or not a string).
    pub username: String,
    /// `tier` as sent (empty when missing or not a string).
    pub tier: String,
    /// `events` as sent (strings only).
    pub events: Vec<String>,
    /// `rooms`, when sent.
    pub rooms: Option<Vec<String>>,
    /// `inboxes`, when sent.
    pub inboxes: Option<Vec<String>>,
    /// Whether the relay answered `authenticated`.
    pub accepted: bool,
}

/// One `socket:bind`, `socket:bind:push` or `socket:bind:pop` the relay received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayBind {
    /// The event name: `socket:bind`, `socket:bind:push` or `socket:bind:pop`.
    pub event: String,
    /// The payload as sent (`null` when there was none).
    pub payload: Value,
}

/// What the relay knows about one connected Socket.IO socket.
#[derive(Debug, Default)]
struct Session {
    /// The proxy connection carrying it.
    conn: Option<u64>,
    /// Whether it authenticated successfully.
    authenticated: bool,
    /// The events it receives.
    events: Vec<String>,
    /// The websites it is limited to, if it gave `rooms`.
    rooms: Option<Vec<String>>,
}

impl Session {
    /// Whether an `event` with this payload goes to this socket.
    fn wants(&self, event: &str, data: &Value) -> bool {
        if !self.authenticated || !self.events.iter().any(|e| e == event) {
            return false;
        }
        match &self.rooms {
            None => true,
            Some(rooms) => data
                .get("website_id")
                .and_then(Value::as_str)
                .is_some_and(|website| rooms.iter().any(|room| room == website)),
        }
    }
}

/// Everything the relay records.
#[derive(Debug, Default)]
struct Log {
    auths: Vec<RelayAuth>,
    binds: Vec<RelayBind>,
    before_auth: Vec<String>,
}

/// The relay's state, shared by the REST side, the socket handlers and
/// [`FakeRelay`] handles.
#[derive(Debug)]
pub(crate) struct RelayHub {
    io: SocketIo,
    tokens: Tokens,
    proxy: Proxy,
    webhooks: Webhooks,
    /// The website used as the hook envelope's `website_id` when the event
    /// data has none.
    default_website: String,
    sessions: Mutex<HashMap<Sid, Session>>,
    log: Mutex<Log>,
}

impl RelayHub {
    /// A hub over a built Socket.IO server; call [`RelayHub::register`] next.
    pub(crate) fn new(
        io: SocketIo,
        tokens: Tokens,
        proxy: Proxy,
        webhooks: Webhooks,
        default_website: String,
    ) -> Arc<Self> {
        Arc::new(Self {
            io,
            tokens,
            proxy,
            webhooks,
            default_website,
            sessions: Mutex::new(HashMap::new()),
            log: Mutex::new(Log::default()),
        })
    }

    /// Serves the Crisp session on the root namespace. Handlers hold the hub
    /// weakly, so the Socket.IO server does not keep it alive.
    ///
    /// The session is set up in a connect *middleware*, which socketioxide
    /// awaits before it answers `40`. Its connect handler is spawned after that
    /// answer, so a client's `authentication` sent right after `40` could arrive
    /// before handlers registered there exist, and be lost.
    pub(crate) fn register(self: &Arc<Self>) {
        let hub = Arc::downgrade(self);
        let set_up_session = move |socket: SocketRef| {
            on_connect(hub.clone(), socket);
            async { Ok::<(), std::convert::Infallible>(()) }
        };
        self.io.ns("/", (async || {}).with(set_up_session));
    }

    fn sessions(&self) -> MutexGuard<'_, HashMap<Sid, Session>> {
        self.sessions.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn log(&self) -> MutexGuard<'_, Log> {
        self.log.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The web-hook sender.
    pub(crate) fn webhooks(&self) -> &Webhooks {
        &self.webhooks
    }

    /// Emits `event` to every authenticated socket subscribed to it (and, for
    /// sockets that gave `rooms`, only when `data.website_id` is one of them),
    /// queues it for every web-hook target, and returns how many sockets got it.
    pub(crate) fn emit(&self, event: &str, data: &Value) -> usize {
        let targets: Vec<Sid> = self
            .sessions()
            .iter()
            .filter(|(_, session)| session.wants(event, data))
            .map(|(sid, _)| *sid)
            .collect();
        let delivered = targets
            .into_iter()
            .filter_map(|sid| self.io.get_socket(sid))
            .filter(|socket| socket.emit(event, data).is_ok())
            .count();
        let website_id = data
            .get("website_id")
            .and_then(Value::as_str)
            .unwrap_or(&self.default_website);
        self.webhooks.enqueue(website_id, event, data);
        delivered
    }
}

/// A new Socket.IO socket on `/`: track it and route every event it sends.
fn on_connect(hub: Weak<RelayHub>, socket: SocketRef) {
    let Some(strong) = hub.upgrade() else {
        return;
    };
    let conn = socket
        .req_parts()
        .headers
        .get(CONN_HEADER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok());
    strong.sessions().insert(
        socket.id,
        Session {
            conn,
            ..Session::default()
        },
    );
    let on_event = hub.clone();
    socket.on_fallback(
        move |socket: SocketRef, Event(event): Event, TryData(data): TryData<Value>| {
            let hub = on_event.clone();
            async move {
                if let Some(hub) = hub.upgrade() {
                    on_event_received(&hub, &socket, &event, data.unwrap_or(Value::Null));
                }
            }
        },
    );
    socket.on_disconnect(move |socket: SocketRef| {
        let hub = hub.clone();
        async move {
            if let Some(hub) = hub.upgrade() {
                hub.sessions().remove(&socket.id);
            }
        }
    });
}

/// One event from a client.
fn on_event_received(hub: &RelayHub, socket: &SocketRef, event: &str, data: Value) {
    let authenticated = hub.sessions().get(&socket.id).is_some_and(|s| s.authenticated);
    if event == "authentication" {
        authenticate(hub, socket, &data);
        return;
    }
    if !authenticated {
        hub.log().before_auth.push(event.to_owned());
    }
    if matches!(event, "socket:bind" | "socket:bind:push" | "socket:bind:pop") {
        hub.log().binds.push(RelayBind {
            event: event.to_owned(),
            payload: data.clone(),
        });
        if authenticated && let Some(session) = hub.sessions().get_mut(&socket.id) {
            apply_bind(&mut session.events, event, &data);
        }
    }
}

/// Applies a bind request to a socket's events: `socket:bind` with `events`
/// replaces them (without, e.g. `{}` or `""`, it is a rebind: no change),
/// `socket:bind:push` adds, `socket:bind:pop` removes.
fn apply_bind(events: &mut Vec<String>, kind: &str, payload: &Value) {
    let Some(listed) = payload.get("events").and_then(string_list) else {
        return;
    };
    match kind {
        "socket:bind" => *events = dedup(listed),
        "socket:bind:push" => {
            for event in listed {
                if !events.contains(&event) {
                    events.push(event);
                }
            }
        }
        _ => events.retain(|event| !listed.contains(event)),
    }
}

/// The list without repeats, first occurrence kept.
fn dedup(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for item in list {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// An array of strings (non-strings skipped); `None` for anything else.
fn string_list(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).map(str::to_owned).collect())
}

/// Checks an `authentication` payload against the fake's tokens and answers
/// `authenticated` (`true`) or `unauthorized` (`{"message"}`, then disconnect).
fn authenticate(hub: &RelayHub, socket: &SocketRef, data: &Value) {
    let text = |key: &str| data.get(key).and_then(Value::as_str);
    let events = data.get("events").and_then(string_list);
    let rooms = data.get("rooms").and_then(string_list);
    let inboxes = data.get("inboxes").and_then(string_list);
    let well_formed = text("username").is_some() && text("password").is_some() && events.is_some();
    let token_ok = match (text("username"), text("password"), text("tier")) {
        (Some(username), Some(password), Some(tier)) => tier.parse::<Tier>().is_ok_and(|tier| {
            let token = hub.tokens.get(tier);
            token.identifier == username && token.key == password
        }),
        _ => false,
    };
    let accepted = well_formed && token_ok;
    hub.log().auths.push(RelayAuth {
        username: text("username").unwrap_or_default().to_owned(),
        tier: text("tier").unwrap_or_default().to_owned(),
        events: events.clone().unwrap_or_default(),
        rooms: rooms.clone(),
        inboxes,
        accepted,
    });

    if accepted {
        if let Some(session) = hub.sessions().get_mut(&socket.id) {
            session.authenticated = true;
            session.events = dedup(events.unwrap_or_default());
            session.rooms = rooms;
        }
        let _ = socket.emit("authenticated", &true);
        return;
    }
    let conn = hub.sessions().get_mut(&socket.id).and_then(|session| {
        session.authenticated = false;
        session.conn
    });
    // Arm the proxy first, so it closes the WebSocket right after the `41`.
    if let Some(conn) = conn {
        hub.proxy.close_after_disconnect(conn);
    }
    let message = if well_formed {
        UNAUTHORIZED_MESSAGE
    } else {
        MALFORMED_MESSAGE
    };
    let _ = socket.emit("unauthorized", &json!({ "message": message }));
    let _ = socket.clone().disconnect();
}

/// A cheap, cloneable handle on the fake RTM relay of a [`FakeCrisp`](crate::FakeCrisp).
///
/// The relay is a [socketioxide](https://docs.rs/socketioxide) Socket.IO
/// server (Engine.IO v4, WebSocket transport, served at `/`) behind a TCP
/// proxy on its own loopback port ([`FakeCrisp::relay_url`](crate::FakeCrisp::relay_url)).
/// It speaks Crisp's RTM session: a client sends `authentication` with
/// `{username, password, tier, events[], rooms?, inboxes?}`; the fake's token
/// for that tier gets `authenticated` (`true`), anything else gets
/// `unauthorized` (`{"message": ".."}`) and the connection is closed (a
/// Socket.IO `41`, a WebSocket close frame, then FIN).
///
/// Events go only to authenticated sockets subscribed to them, and, when the
/// socket gave `rooms`, only if the event's `website_id` is one of them
/// (`inboxes` are recorded, not filtered on). `socket:bind` with `{"events":
/// [..]}` replaces a socket's events, `socket:bind:push` adds, `socket:bind:pop`
/// removes; `{}` or `""` is a plain rebind.
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// use std::time::Duration;
///
/// let fake = crisp_mock::FakeCrisp::start().await?;
/// let relay = fake.relay();
/// // ... start an RTM client on fake.relay_url() ...
/// assert!(relay.wait_for_authenticated(1, Duration::from_secs(5)).await);
/// let delivered = relay.emit(
///     "message:send",
///     serde_json::json!({"website_id": fake.website_id().as_str(), "content": "hi"}),
/// );
/// relay.freeze(true); // the client hears nothing, not even pings
/// # let _ = delivered;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct FakeRelay {
    hub: Arc<RelayHub>,
}

impl std::fmt::Debug for FakeRelay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeRelay")
            .field("connections_accepted", &self.connections_accepted())
            .field("authenticated_sockets", &self.authenticated_sockets())
            .finish_non_exhaustive()
    }
}

impl FakeRelay {
    /// A handle on `hub`.
    pub(crate) fn new(hub: Arc<RelayHub>) -> Self {
        Self { hub }
    }

    /// Every `authentication` attempt so far, in order, accepted or not.
    pub fn auth_attempts(&self) -> Vec<RelayAuth> {
        self.hub.log().auths.clone()
    }

    /// TCP connections the relay ever accepted.
    pub fn connections_accepted(&self) -> usize {
        self.hub.proxy.accepted()
    }

    /// Sockets currently connected and authenticated.
    pub fn authenticated_sockets(&self) -> usize {
        self.hub.sessions().values().filter(|s| s.authenticated).count()
    }

    /// Every `socket:bind`, `socket:bind:push` and `socket:bind:pop` received so
    /// far, in order (including any sent before authenticating, which have no
    /// effect).
    pub fn binds(&self) -> Vec<RelayBind> {
        self.hub.log().binds.clone()
    }

    /// The names of the events clients emitted before authenticating, in order
    /// (`authentication` itself excluded).
    pub fn events_before_auth(&self) -> Vec<String> {
        self.hub.log().before_auth.clone()
    }

    /// Emits `event` with `data` to every authenticated socket subscribed to it
    /// (see the rooms rule above), also sends it to every web-hook target
    /// ([`FakeCrisp::add_webhook_target`](crate::FakeCrisp::add_webhook_target)),
    /// and returns how many sockets it was delivered to.
    pub fn emit(&self, event: &str, data: Value) -> usize {
        self.hub.emit(event, &data)
    }

    /// Waits until at least `count` sockets are authenticated; `false` if that
    /// did not happen within `timeout`. (Right after [`FakeRelay::drop_connections`]
    /// the dropped sockets may still count for a moment.)
    pub async fn wait_for_authenticated(&self, count: usize, timeout: Duration) -> bool {
        let poll = async {
            while self.authenticated_sockets() < count {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        };
        tokio::time::timeout(timeout, poll).await.is_ok()
    }

    /// Closes every current relay connection abruptly (TCP close, no
    /// WebSocket close frame, no Socket.IO disconnect packet).
    pub fn drop_connections(&self) {
        self.hub.proxy.drop_all();
    }

    /// `true` stops forwarding bytes in both directions while keeping every
    /// socket open, so clients hear nothing (no pings, no answers) and the
    /// server hears nothing either; `false` resumes, delivering what was held.
    /// Connections opened while frozen complete their HTTP upgrade, then stall.
    pub fn freeze(&self, frozen: bool) {
        self.hub.proxy.freeze(frozen);
    }

    /// Sends `text` as a raw WebSocket text frame to every connected WebSocket
    /// client, between two frames of the server's stream (after the current
    /// frame, and after the end of a freeze). No Socket.IO or Engine.IO framing
    /// is added: `inject_raw_frame("42[oops")` arrives as exactly that text.
    pub fn inject_raw_frame(&self, text: &str) {
        self.hub.proxy.inject_text(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn binds_replace_push_pop_and_rebind() {
        let mut events = list(&["message:send"]);
        apply_bind(&mut events, "socket:bind", &json!({}));
        apply_bind(&mut events, "socket:bind", &json!(""));
        assert_eq!(events, list(&["message:send"]));
        apply_bind(
            &mut events,
            "socket:bind:push",
            &json!({"events": ["a", "message:send", "b"]}),
        );
        assert_eq!(events, list(&["message:send", "a", "b"]));
        apply_bind(&mut events, "socket:bind:pop", &json!({"events": ["a"]}));
        assert_eq!(events, list(&["message:send", "b"]));
        apply_bind(&mut events, "socket:bind", &json!({"events": ["x", "x"]}));
        assert_eq!(events, list(&["x"]));
    }

    #[test]
    fn delivery_needs_auth_subscription_and_room() {
        let mut session = Session {
            events: list(&["message:send"]),
            ..Session::default()
        };
        let data = json!({"website_id": "w1"});
        assert!(!session.wants("message:send", &data));
        session.authenticated = true;
        assert!(session.wants("message:send", &data));
        assert!(!session.wants("message:received", &data));
        session.rooms = Some(list(&["w2"]));
        assert!(!session.wants("message:send", &data));
        assert!(!session.wants("message:send", &json!({})));
        session.rooms = Some(list(&["w2", "w1"]));
        assert!(session.wants("message:send", &data));
    }
}
