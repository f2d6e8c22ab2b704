//! The server: its own accept loop over hyper's HTTP/1 connection driver, a
//! front service that records, applies faults and authenticates, and the axum
//! router behind it.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};

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
use crate::reply::ApiError;
use crate::state::{Message, Object, Store};
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
    /// `http://127.0.0.1:<port>/`, also the RTM endpoint placeholder.
    pub(crate) origin: String,
}

impl Shared {
    /// Locks the world; a poisoned lock is recovered, not propagated.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The router state.
pub(crate) type App = Arc<Shared>;

/// A fake Crisp REST API on `127.0.0.1`, on a random port, running on the
/// current tokio runtime.
///
/// It starts with one website (connected to one plugin), accepts one token per
/// tier (see [`FakeCrisp::token`]), keeps conversations and people profiles in
/// memory, records every request, and can be told to misbehave
/// ([`FakeCrisp::faults`]). Dropping it stops the server and closes every open
/// connection.
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
    shared: App,
    addr: SocketAddr,
    website_id: WebsiteId,
    plugin_id: PluginId,
    accept_task: JoinHandle<()>,
}

impl std::fmt::Debug for FakeCrisp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeCrisp")
            .field("addr", &self.addr)
            .field("website_id", &self.website_id)
            .field("plugin_id", &self.plugin_id)
            .finish_non_exhaustive()
    }
}

impl FakeCrisp {
    /// Binds `127.0.0.1:0`, seeds one website and one plugin, and serves on
    /// the current tokio runtime.
    ///
    /// # Errors
    ///
    /// When the listener cannot be bound.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime (as `tokio::spawn` does).
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let plugin_id = ids::uuid();
        let website_id = ids::uuid();
        let mut store = Store::new(plugin_id.clone());
        store.add_website(website_id.clone());
        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            recorder: Recorder::default(),
            faults: Faults::default(),
            tokens: Tokens::generate(),
            origin: format!("http://{addr}/"),
        });
        let router = routes::router(shared.clone());
        let accept_task = tokio::spawn(accept_loop(listener, shared.clone(), router));
        Ok(Self {
            shared,
            addr,
            website_id: WebsiteId::new(website_id),
            plugin_id: PluginId::new(plugin_id),
            accept_task,
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
    /// "chat"`) and returns its fingerprint.
    ///
    /// An unknown `website` or `session` is created on the fly, keeping the
    /// given session id, so seeding never fails.
    pub fn add_visitor_message(&self, website: &WebsiteId, session: &SessionId, text: &str) -> Fingerprint {
        let mut store = self.shared.store();
        if store.website(website.as_str()).is_none() {
            store.add_website(website.as_str().to_owned());
        }
        let fingerprint = ids::fingerprint();
        if let Some((site, clock)) = store.website_mut(website.as_str()) {
            if site.conversation(session.as_str()).is_none() {
                site.add_conversation(clock, Some(session.as_str().to_owned()));
            }
            let timestamp = clock.now();
            if let Some(conversation) = site.conversation_mut(session.as_str()) {
                let nickname = conversation.meta.get("nickname").cloned().unwrap_or_default();
                conversation.push_message(Message {
                    fingerprint,
                    kind: "text".to_owned(),
                    from: "user".to_owned(),
                    origin: "chat".to_owned(),
                    content: serde_json::Value::String(text.to_owned()),
                    timestamp,
                    read: String::new(),
                    delivered: String::new(),
                    user: serde_json::json!({ "nickname": nickname, "user_id": session.as_str() }),
                    extra: Object::new(),
                });
            }
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
        // Aborting the accept task drops its `JoinSet`, which aborts every
        // connection task and closes their sockets.
        self.accept_task.abort();
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
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
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
    if parts.uri.path().starts_with("/v1/") {
        if let Err(error) = shared.tokens.authorize(&parts) {
            return Ok(axum::response::IntoResponse::into_response(error));
        }
    }
    let request = Request::from_parts(parts, Body::from(body));
    match router.oneshot(request).await {
        Ok(response) => Ok(response),
        Err(never) => match never {},
    }
}
