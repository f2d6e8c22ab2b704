//! The clients every comparison runs side by side, against the same server:
//!
//! - [`crisp_client`]: the crisp-rs default stack, built as the README shows
//!   (`Transport::builder(..).build()`: headers, retry, rate limiter on,
//!   per-attempt timeout, hyper-util over hyper-rustls), decoding into the
//!   typed [`Conversation`];
//! - [`BareClient`]: hyper-util's legacy pooled client with the same headers
//!   (`Authorization: Basic`, `X-Crisp-Tier`, `User-Agent`, `Accept`), the
//!   same URL built per call, decoding the body into `serde_json::Value`.
//!
//! The ratio between the two is the SDK's own overhead.

use std::net::SocketAddr;
use std::time::Duration;

use base64::Engine as _;
use bytes::Bytes;
use crisp_rest::Client;
use crisp_transport::{BoxError, BuildError, Credentials, Tier, Transport, TransportBuilder};
use crisp_types::conversation::Conversation;
use crisp_types::{SessionId, WebsiteId};
use http::header::{ACCEPT, AUTHORIZATION, HeaderName, HeaderValue, USER_AGENT};
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use serde_json::Value;

use crate::fixtures::{SESSION_ID, TOKEN_IDENTIFIER, TOKEN_KEY, WEBSITE_ID, session_id, website_id};

/// The `User-Agent` both clients send (the SDK's default one).
pub const USER_AGENT_VALUE: &str = concat!("crisp-rs/", env!("CARGO_PKG_VERSION"));

/// The credentials every client uses.
pub fn credentials() -> Credentials {
    Credentials::new(TOKEN_IDENTIFIER, TOKEN_KEY)
}

/// The crisp-rs default stack pointed at `http://{addr}/v1/`, as a user
/// builds it (plugin tier, every default on).
///
/// # Errors
///
/// When the transport cannot be built.
pub fn crisp_client(addr: SocketAddr) -> Result<Client, BuildError> {
    let transport = Transport::builder(credentials(), Tier::Plugin)
        .user_agent(USER_AGENT_VALUE)
        .build()?;
    Ok(Client::with_base_url(transport, format!("http://{addr}/v1/")))
}

/// A crisp-rs client whose leaf is an in-memory service answering every
/// request with `body` (no socket), with every layer of the default stack
/// above it; `configure` may change the builder (e.g. turn the rate limiter
/// off).
///
/// # Errors
///
/// When the transport cannot be built.
pub fn in_memory_client(
    body: Bytes,
    configure: impl FnOnce(TransportBuilder) -> TransportBuilder,
) -> Result<Client, BuildError> {
    let leaf = tower::service_fn(move |_request: http::Request<crisp_transport::Body>| {
        let response = http::Response::new(crisp_transport::Body::from(body.clone()));
        std::future::ready(Ok::<_, std::convert::Infallible>(response))
    });
    let builder = Transport::builder(credentials(), Tier::Plugin).from_service(leaf);
    let transport = configure(builder).build()?;
    Ok(Client::with_base_url(transport, "http://127.0.0.1/v1/"))
}

/// The name of Crisp's tier header.
const X_CRISP_TIER: HeaderName = HeaderName::from_static("x-crisp-tier");

/// The baseline: hyper-util's legacy client, the same headers, a
/// `serde_json::Value` decode. Cheap to clone (clones share the pool).
#[derive(Clone, Debug)]
pub struct BareClient {
    client: hyper_util::client::legacy::Client<HttpConnector, Empty<Bytes>>,
    base_url: String,
    authorization: HeaderValue,
}

impl BareClient {
    /// A client for the server at `addr`, configured as the crisp-rs leaf
    /// is: `TCP_NODELAY`, a 90 s idle pool timeout with a Tokio pool timer.
    pub fn new(addr: SocketAddr) -> Self {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_timer(TokioTimer::new())
            .build(connector);
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{TOKEN_IDENTIFIER}:{TOKEN_KEY}"));
        let mut authorization = HeaderValue::try_from(format!("Basic {token}"))
            .unwrap_or_else(|_| HeaderValue::from_static("Basic invalid"));
        authorization.set_sensitive(true);
        Self {
            client,
            base_url: format!("http://{addr}/v1/"),
            authorization,
        }
    }

    /// `GET website/{website_id}/conversation/{session_id}`, decoded into a
    /// `Value` (the whole envelope); an envelope with `"error": true` or a
    /// status that is not a success is an error.
    ///
    /// # Errors
    ///
    /// When the request fails, the status is not a success, the body is not
    /// JSON or the envelope says `"error": true`.
    pub async fn get_conversation(&self, website_id: &str, session_id: &str) -> Result<Value, BoxError> {
        let uri: http::Uri = format!("{}website/{website_id}/conversation/{session_id}", self.base_url).parse()?;
        let request = http::Request::get(uri)
            .header(AUTHORIZATION, self.authorization.clone())
            .header(X_CRISP_TIER, HeaderValue::from_static("plugin"))
            .header(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE))
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .body(Empty::new())?;
        let response = self.client.request(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        if !status.is_success() {
            return Err(format!("HTTP {status}").into());
        }
        let value: Value = serde_json::from_slice(&body)?;
        if value.get("error").and_then(Value::as_bool).unwrap_or(false) {
            return Err(format!("API error: {}", value["reason"]).into());
        }
        Ok(value)
    }
}

/// Which client a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    /// [`crisp_client`].
    Crisp,
    /// [`BareClient`].
    Bare,
}

impl ClientKind {
    /// The name used on the command line and in tables.
    pub fn name(self) -> &'static str {
        match self {
            ClientKind::Crisp => "crisp",
            ClientKind::Bare => "bare",
        }
    }

    /// The kind with this [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "crisp" => Some(ClientKind::Crisp),
            "bare" => Some(ClientKind::Bare),
            _ => None,
        }
    }
}

/// A built client of either kind, with the ids it asks for: one
/// [`call`](Self::call) is one `getConversation`. Cheap to clone.
#[derive(Clone, Debug)]
pub enum Target {
    /// The crisp-rs stack, typed decode.
    Crisp {
        /// The client.
        client: Client,
        /// The website asked for.
        website_id: WebsiteId,
        /// The conversation asked for.
        session_id: SessionId,
    },
    /// The bare hyper client, `Value` decode (boxed: the client is large).
    Bare(Box<BareClient>),
}

impl Target {
    /// Builds a client of `kind` for the server at `addr`.
    ///
    /// # Errors
    ///
    /// When the crisp-rs transport cannot be built.
    pub fn new(kind: ClientKind, addr: SocketAddr) -> Result<Self, BuildError> {
        Ok(match kind {
            ClientKind::Crisp => Target::Crisp {
                client: crisp_client(addr)?,
                website_id: website_id(),
                session_id: session_id(),
            },
            ClientKind::Bare => Target::Bare(Box::new(BareClient::new(addr))),
        })
    }

    /// One `getConversation`, decoded (then dropped).
    ///
    /// # Errors
    ///
    /// Whatever the client reports.
    pub async fn call(&self) -> Result<(), BoxError> {
        match self {
            Target::Crisp {
                client,
                website_id,
                session_id,
            } => {
                let conversation: Conversation = client.website().get_conversation(website_id, session_id).await?;
                std::hint::black_box(conversation);
            }
            Target::Bare(bare) => {
                std::hint::black_box(bare.get_conversation(WEBSITE_ID, SESSION_ID).await?);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::CONVERSATION;
    use crate::server::LocalServer;

    #[test]
    fn both_clients_get_the_fixture_from_the_local_server() {
        let server = LocalServer::start(Bytes::from_static(CONVERSATION), 1).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let bare = BareClient::new(server.addr());
            let value = bare.get_conversation(WEBSITE_ID, SESSION_ID).await.unwrap();
            assert_eq!(value["data"]["session_id"], SESSION_ID);
            let crisp = crisp_client(server.addr()).unwrap();
            let conversation = crisp
                .website()
                .get_conversation(&website_id(), &session_id())
                .await
                .unwrap();
            assert_eq!(conversation.session_id.as_str(), SESSION_ID);
            for kind in [ClientKind::Crisp, ClientKind::Bare] {
                assert_eq!(ClientKind::from_name(kind.name()), Some(kind));
                Target::new(kind, server.addr()).unwrap().call().await.unwrap();
            }
        });
    }

    #[test]
    fn the_in_memory_client_decodes_the_fixture() {
        let client = in_memory_client(Bytes::from_static(CONVERSATION), |builder| builder).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let conversation = runtime
            .block_on(async { client.website().get_conversation(&website_id(), &session_id()).await })
            .unwrap();
        assert_eq!(conversation.session_id.as_str(), SESSION_ID);
    }
}
