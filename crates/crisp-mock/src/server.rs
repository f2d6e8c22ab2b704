//! The server: its own accept loop over hyper's HTTP/1 connection driver, a
//! front service that records, applies faults and authenticates, and the axum
//! router behind it.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use crisp_types::{Fingerprint, PeopleId, PluginId, SessionId, Tier, WebsiteId};
use http::{Request, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt as _;

use crate::auth::{FakeToken, Tokens};
use crate::faults::{self, Fault, Faults};
use crate::record::{RecordedRequest, Recorder};
use crate::relay::proxy::Proxy;
use crate::relay::{FakeRelay, RelayHub};
use crate::reply::ApiError;
use crate::state::{Message, Object, Store};
use crate::webhook::{HookFault, Webhooks};
use crate::{ids, routes};

/// The largest request body the fake reads (16 MiB).
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Everything the request handlers share.
#[derive(Debug)]
pub(crate) struct Shared {
    /// The fake world.
    store: Mutex<Store>,
    /// Every request received.
    pub(crate) recorder: Recorder,
    /// Scripted faults.
    pub(crate) faults: Faults,
    /// The accepted credentials.
    pub(crate) tokens: Tokens,
    /// `http://127.0.0.1:<port>/`.
    pub(crate) origin: String,
    /// `http://127.0.0.1:<relay port>/`, the RTM endpoint the connect routes hand out.
    pub(crate) relay_origin: String,
    /// The RTM relay (and web-hook sender) that REST changes are reported to.
    pub(crate) relay: Arc<RelayHub>,
}

impl Shared {
    /// Locks the world; a poisoned lock is recovered, not propagated.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The router state.
pub(crate) type App = Arc<Shared>;

/// Settings for [`FakeCrisp::start_with`].
///
/// ```no_run
/// use std::time::Duration;
/// use crisp_mock::{FakeCrisp, FakeCrispConfig};
///
/// # async fn demo() -> std::io::Result<()> {
/// let fake = FakeCrisp::start_with(FakeCrispConfig {
///     ping_interval: Duration::from_millis(200),
///     ping_timeout: Duration::from_millis(500),
///     ..Default::default()
/// })
/// .await?;
/// # let _ = fake;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakeCrispConfig {
    /// How often the relay pings each client (`pingInterval` of the Engine.IO
    /// open packet). Default 25 s, socketioxide's.
    pub ping_interval: Duration,
    /// How long the relay waits for a pong before closing the connection
    /// (`pingTimeout`). Default 20 s, socketioxide's.
    pub ping_timeout: Duration,
}

impl Default for FakeCrispConfig {
    fn default() -> Self {
        Self {
            ping_interval: Duration::from_secs(25),
            ping_timeout: Duration::from_secs(20),
        }
    }
}

/// A fake Crisp REST API and RTM relay on `127.0.0.1`, on random ports,
/// running on the current tokio runtime.
///
/// It starts with one website (connected to one plugin), accepts one token per
/// tier (see [`FakeCrisp::token`]), keeps conversations and people profiles in
/// memory, records every request, and can be told to misbehave
/// ([`FakeCrisp::faults`]). Its RTM relay ([`FakeCrisp::relay`]) reports REST
/// changes as realtime events, and it signs and sends web hooks
/// ([`FakeCrisp::send_webhook`], [`FakeCrisp::add_webhook_target`]). Dropping
/// it stops every server and closes every open connection.
///
/// ```no_run
/// use crisp_mock::FakeCrisp;
/// use crisp_types::Tier;
///
/// # async fn demo() -> std::io::Result<()> {
/// let fake = FakeCrisp::start().await?;
/// let website = fake.website_id();
/// let session = fake.add_conversation(&website);
/// fake.add_visitor_message(&website, &session, "Hello, is anyone there?");
///
/// // Point a client at the fake.
/// let base_url = fake.base_url(); // "http://127.0.0.1:<port>/v1/"
/// let token = fake.token(Tier::Plugin);
/// # let _ = (base_url, token);
/// # Ok(())
/// # }
/// ```
pub struct FakeCrisp {
    /// The state every handler shares (also used by the seeding helpers in `seed.rs`).
    pub(crate) shared: App,
    addr: SocketAddr,
    relay_addr: SocketAddr,
    website_id: WebsiteId,
    plugin_id: PluginId,
    /// The REST server, the Socket.IO server, the relay proxy and the
    /// web-hook worker.
    tasks: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for FakeCrisp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeCrisp")
            .field("addr", &self.addr)
            .field("relay_addr", &self.relay_addr)
            .field("website_id", &self.website_id)
            .field("plugin_id", &self.plugin_id)
            .finish_non_exhaustive()
    }
}

impl FakeCrisp {
    /// Binds `127.0.0.1:0`, seeds one website and one plugin, and serves on
    /// the current tokio runtime, with the RTM relay on its own port and
    /// default heartbeats (see [`FakeCrisp::start_with`]).
    ///
    /// # Errors
    ///
    /// When a listener cannot be bound.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime (as `tokio::spawn` does).
    pub async fn start() -> std::io::Result<Self> {
        Self::start_with(FakeCrispConfig::default()).await
    }

    /// Like [`FakeCrisp::start`], with settings (e.g. short relay heartbeats).
    ///
    /// Three loopback listeners are bound: the REST API ([`FakeCrisp::addr`]),
    /// the relay's public port ([`FakeCrisp::relay_url`], a fault-injecting
    /// proxy) and, behind it, the Socket.IO server itself.
    ///
    /// # Errors
    ///
    /// When a listener cannot be bound.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime (as `tokio::spawn` does).
    pub async fn start_with(config: FakeCrispConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let socketio_listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let socketio_addr = socketio_listener.local_addr()?;
        let relay_listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let relay_addr = relay_listener.local_addr()?;

        let plugin_id = ids::uuid();
        let website_id = ids::uuid();
        let mut store = Store::new(plugin_id.clone());
        store.add_website(website_id.clone());
        let tokens = Tokens::generate();

        let (socketio, io) = socketioxide::SocketIo::builder()
            .req_path("/")
            .ping_interval(config.ping_interval)
            .ping_timeout(config.ping_timeout)
            .transports([socketioxide::TransportType::Websocket])
            .build_svc();
        let proxy = Proxy::new(socketio_addr);
        let secret = format!("fake-crisp-hook-secret-{}", ids::hex(16));
        let (webhooks, webhook_worker) = Webhooks::new(secret, &plugin_id);
        let relay = RelayHub::new(io, tokens.clone(), proxy.clone(), webhooks, website_id.clone());
        relay.register();

        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            recorder: Recorder::default(),
            faults: Faults::default(),
            tokens,
            origin: format!("http://{addr}/"),
            relay_origin: format!("http://{relay_addr}/"),
            relay,
        });
        let router = routes::router(shared.clone());
        let tasks = vec![
            tokio::spawn(accept_loop(listener, shared.clone(), router)),
            tokio::spawn(socketio_accept_loop(socketio_listener, socketio)),
            tokio::spawn(proxy.run(relay_listener)),
            tokio::spawn(webhook_worker),
        ];
        Ok(Self {
            shared,
            addr,
            relay_addr,
            website_id: WebsiteId::new(website_id),
            plugin_id: PluginId::new(plugin_id),
            tasks,
        })
    }

    /// The REST base URL, with a trailing slash: `http://127.0.0.1:<port>/v1/`.
    pub fn base_url(&self) -> String {
        format!("{}v1/", self.shared.origin)
    }

    /// The address the fake listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The RTM relay URL, as the connect-endpoints routes return it in
    /// `socket.app`: `http://127.0.0.1:<relay port>/`.
    pub fn relay_url(&self) -> String {
        self.shared.relay_origin.clone()
    }

    /// A handle on the RTM relay: what clients sent, events to push, faults.
    pub fn relay(&self) -> FakeRelay {
        FakeRelay::new(self.shared.relay.clone())
    }

    /// The Plugin Hook signing secret this fake signs web hooks with
    /// (`fake-crisp-hook-secret-<hex>`, fixed for the life of the fake).
    pub fn webhook_secret(&self) -> String {
        self.shared.relay.webhooks().secret().to_owned()
    }

    /// From now on, every event the relay emits (pushed with
    /// [`FakeRelay::emit`] or caused by a REST change or a seeding helper) is
    /// also POSTed as a signed web hook to `url` (`http://` only), whether or
    /// not an RTM client is subscribed. Hooks go out one at a time, in order;
    /// a failed delivery is not retried.
    pub fn add_webhook_target(&self, url: impl Into<String>) {
        self.shared.relay.webhooks().add_target(url.into());
    }

    /// POSTs one signed web hook to `url` (`http://host[:port]/path`) and
    /// returns the answer's HTTP status.
    ///
    /// The body is `{"website_id","event","data","timestamp"}` in compact JSON
    /// (`website_id` from `data.website_id`, else the seeded website), with
    /// `Content-Type: application/json`, `X-Crisp-Request-Timestamp` (ms since
    /// the epoch), `X-Crisp-Signature`
    /// ([`crisp_rtm::webhook::sign`] with [`FakeCrisp::webhook_secret`]), `X-Crisp-Hook-Origin: plugin/rtm
    /// <plugin_id> development`, and `X-Delivery-Attempt-Limit` /
    /// `X-Delivery-Attempt-Count` both `1`.
    ///
    /// # Errors
    ///
    /// An invalid or non-`http` URL (`InvalidInput`), a connection or HTTP
    /// failure, or no answer within 10 s (`TimedOut`).
    pub async fn send_webhook(&self, url: &str, event: &str, data: serde_json::Value) -> std::io::Result<u16> {
        self.send_hook(url, event, data, None).await
    }

    /// Like [`FakeCrisp::send_webhook`], but with `fault` in the hook, to test
    /// that a receiver refuses it:
    ///
    /// | fault | what is sent | a checking receiver answers |
    /// |---|---|---|
    /// | [`HookFault::Tampered`] | the body differs from the signed one | `403` |
    /// | [`HookFault::Unsigned`] | no `X-Crisp-Signature` / `X-Crisp-Request-Timestamp` | `403` |
    /// | [`HookFault::WrongKey`] | signed with another secret than [`FakeCrisp::webhook_secret`] | `403` |
    /// | [`HookFault::Stale`]`(age)` | signed, dated `age` ago (header and body) | `403` if its tolerance is shorter than `age`, else `200` |
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use crisp_mock::{FakeCrisp, HookFault};
    ///
    /// # async fn demo(url: &str) -> std::io::Result<()> {
    /// let fake = FakeCrisp::start().await?;
    /// let data = serde_json::json!({"type": "text", "content": "hi"});
    /// let stale = HookFault::Stale(Duration::from_secs(600));
    /// let status = fake.send_webhook_with(url, "message:send", data, stale).await?;
    /// // 403 from a receiver whose tolerance is under ten minutes.
    /// assert_eq!(status, 403);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`FakeCrisp::send_webhook`].
    pub async fn send_webhook_with(
        &self,
        url: &str,
        event: &str,
        data: serde_json::Value,
        fault: HookFault,
    ) -> std::io::Result<u16> {
        self.send_hook(url, event, data, Some(fault)).await
    }

    async fn send_hook(
        &self,
        url: &str,
        event: &str,
        data: serde_json::Value,
        fault: Option<HookFault>,
    ) -> std::io::Result<u16> {
        let website_id = data
            .get("website_id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or(self.website_id.as_str())
            .to_owned();
        self.shared
            .relay
            .webhooks()
            .send(url, &website_id, event, &data, fault)
            .await
    }

    /// The credentials the fake accepts for `tier`. Each tier has its own
    /// token, stable for the life of the server.
    pub fn token(&self, tier: Tier) -> FakeToken {
        self.shared.tokens.get(tier).clone()
    }

    /// The seeded website.
    pub fn website_id(&self) -> WebsiteId {
        self.website_id.clone()
    }

    /// The plugin the plugin-tier token belongs to (`plugin/connect/account`).
    pub fn plugin_id(&self) -> PluginId {
        self.plugin_id.clone()
    }

    /// Adds another website (connected to the plugin) and returns its id.
    pub fn add_website(&self) -> WebsiteId {
        let website_id = ids::uuid();
        self.shared.store().add_website(website_id.clone());
        WebsiteId::new(website_id)
    }

    /// Adds an empty pending conversation and returns its session id.
    ///
    /// An unknown `website` is created on the fly (connected to the plugin),
    /// so seeding never fails.
    pub fn add_conversation(&self, website: &WebsiteId) -> SessionId {
        let mut store = self.shared.store();
        if store.website(website.as_str()).is_none() {
            store.add_website(website.as_str().to_owned());
        }
        let (website, clock) = match store.website_mut(website.as_str()) {
            Some(found) => found,
            // Just inserted above; unreachable, but no panic either way.
            None => return SessionId::new(String::new()),
        };
        SessionId::new(website.add_conversation(clock, None))
    }

    /// Adds a text message from the visitor (`from: "user"`, `origin:
    /// "chat"`) and returns its fingerprint. The relay emits it as
    /// `message:send` (and web-hook targets get it).
    ///
    /// An unknown `website` or `session` is created on the fly, keeping the
    /// given session id, so seeding never fails.
    pub fn add_visitor_message(&self, website: &WebsiteId, session: &SessionId, text: &str) -> Fingerprint {
        let fingerprint = ids::fingerprint();
        let mut event = None;
        {
            let mut store = self.shared.store();
            if store.website(website.as_str()).is_none() {
                store.add_website(website.as_str().to_owned());
            }
            if let Some((site, clock)) = store.website_mut(website.as_str()) {
                if site.conversation(session.as_str()).is_none() {
                    site.add_conversation(clock, Some(session.as_str().to_owned()));
                }
                let timestamp = clock.now();
                if let Some(conversation) = site.conversation_mut(session.as_str()) {
                    let nickname = conversation.meta.get("nickname").cloned().unwrap_or_default();
                    let message = Message {
                        fingerprint,
                        kind: "text".to_owned(),
                        from: "user".to_owned(),
                        origin: "chat".to_owned(),
                        content: serde_json::Value::String(text.to_owned()),
                        timestamp,
                        read: String::new(),
                        delivered: String::new(),
                        edited: false,
                        user: serde_json::json!({ "nickname": nickname, "user_id": session.as_str() }),
                        extra: Object::new(),
                    };
                    event = Some((
                        message.event_name(),
                        message.event_json(website.as_str(), session.as_str()),
                    ));
                    conversation.push_message(message);
                }
            }
        }
        // Emitted once the store is unlocked.
        if let Some((name, data)) = event {
            self.shared.relay.emit(name, &data);
        }
        Fingerprint(fingerprint)
    }

    /// Adds a people profile from a card (`{email, person{..}, company{..},
    /// segments[..], ..}`, stored as given; a non-object stores an empty card)
    /// and returns its id. An unknown `website` is created on the fly.
    pub fn add_people_profile(&self, website: &WebsiteId, profile: serde_json::Value) -> PeopleId {
        let card = match profile {
            serde_json::Value::Object(card) => card,
            _ => Object::new(),
        };
        let mut store = self.shared.store();
        if store.website(website.as_str()).is_none() {
            store.add_website(website.as_str().to_owned());
        }
        let people_id = match store.website_mut(website.as_str()) {
            Some((site, clock)) => site.add_profile(clock, card),
            None => String::new(),
        };
        PeopleId::new(people_id)
    }

    /// Every request received so far, in order, including rejected and
    /// faulted ones.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.recorder.all()
    }

    /// The latest request received.
    pub fn last_request(&self) -> Option<RecordedRequest> {
        self.shared.recorder.last()
    }

    /// Forgets the requests recorded so far.
    pub fn clear_requests(&self) {
        self.shared.recorder.clear();
    }

    /// A handle on the fault queue.
    pub fn faults(&self) -> Faults {
        self.shared.faults.clone()
    }
}

impl Drop for FakeCrisp {
    fn drop(&mut self) {
        // Aborting an accept task drops its `JoinSet`, which aborts every
        // connection task and closes their sockets (relay clients included:
        // their proxy connections go, and the Socket.IO sessions behind follow).
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// Serves the Socket.IO server (HTTP/1.1 with upgrades) on its internal
/// listener until aborted.
async fn socketio_accept_loop<S, B>(listener: TcpListener, service: S)
where
    S: hyper::service::Service<Request<Incoming>, Response = Response<B>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    B: hyper::body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut connections = JoinSet::new();
    loop {
        while connections.try_join_next().is_some() {}
        match listener.accept().await {
            Ok((stream, _peer)) => {
                let service = service.clone();
                connections.spawn(async move {
                    let result = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .serve_connection(TokioIo::new(stream), service)
                        .with_upgrades()
                        .await;
                    if let Err(error) = result {
                        tracing::debug!(%error, "crisp-mock relay: connection ended");
                    }
                });
            }
            Err(error) => {
                tracing::warn!(%error, "crisp-mock relay: accept failed");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}

/// Accepts connections until aborted; each connection is served on its own task.
async fn accept_loop(listener: TcpListener, shared: App, router: Router) {
    let mut connections = JoinSet::new();
    loop {
        // Reap finished connection tasks so the set does not grow forever.
        while connections.try_join_next().is_some() {}
        match listener.accept().await {
            Ok((stream, _peer)) => {
                connections.spawn(serve_connection(stream, shared.clone(), router.clone()));
            }
            Err(error) => {
                // E.g. too many open files: back off briefly instead of spinning.
                tracing::warn!(%error, "crisp-mock: accept failed");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}

/// The error that makes hyper close a connection without answering.
#[derive(Debug)]
struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by a crisp-mock fault")
    }
}

impl std::error::Error for DropConnection {}

/// Serves HTTP/1.1 (with keep-alive) on one connection.
async fn serve_connection(stream: TcpStream, shared: App, router: Router) {
    let service =
        hyper::service::service_fn(move |request: Request<Incoming>| handle(shared.clone(), router.clone(), request));
    let result = hyper::server::conn::http1::Builder::new()
        // A timer lets hyper enforce its header-read timeout on idle sockets.
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service)
        .await;
    if let Err(error) = result {
        tracing::debug!(%error, "crisp-mock: connection ended");
    }
}

/// The front of every request: read the body, record, apply the next fault,
/// authenticate `/v1/` routes, then route.
async fn handle(shared: App, router: Router, request: Request<Incoming>) -> Result<Response<Body>, DropConnection> {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(Body::new(body), MAX_BODY).await;
    let (body, body_ok) = match body {
        Ok(bytes) => (bytes, true),
        Err(_) => (bytes::Bytes::new(), false),
    };
    shared.recorder.push(RecordedRequest::new(&parts, body.clone()));

    match shared.faults.next() {
        Some(Fault::Drop) => return Err(DropConnection),
        Some(Fault::Status(status)) => return Ok(faults::status_response(status)),
        Some(Fault::Custom { status, headers, body }) => return Ok(Fault::response(status, &headers, body)),
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        None => {}
    }

    if !body_ok {
        return Ok(axum::response::IntoResponse::into_response(ApiError::INVALID_DATA));
    }
    if parts.uri.path().starts_with("/v1/")
        && let Err(error) = shared.tokens.authorize(&parts)
    {
        return Ok(axum::response::IntoResponse::into_response(error));
    }
    let request = Request::from_parts(parts, Body::from(body));
    match router.oneshot(request).await {
        Ok(response) => Ok(response),
        Err(never) => match never {},
    }
}
