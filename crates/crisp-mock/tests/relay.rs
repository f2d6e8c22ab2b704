//! The fake RTM relay, driven by a tiny hand-written Engine.IO/Socket.IO
//! client that speaks the frames by hand, so every assertion is about what
//! went over the wire.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop loudly on anything unexpected on the wire"
)]

mod common;

use std::time::Duration;

use async_tungstenite::WebSocketStream;
use async_tungstenite::tokio::{TokioAdapter, client_async};
use async_tungstenite::tungstenite::Message;
use crisp_mock::{FakeCrisp, FakeCrispConfig, RelayAuth, RelayBind};
use crisp_types::Tier;
use futures_util::StreamExt as _;
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// The longest any single wait in these tests may take.
const WAIT: Duration = Duration::from_secs(5);

/// What the client read next.
#[derive(Debug, PartialEq)]
enum Frame {
    Text(String),
    Close,
    Eof,
}

struct RawClient {
    ws: WebSocketStream<TokioAdapter<TcpStream>>,
}

impl RawClient {
    /// Opens a WebSocket to the relay, as PROTOCOL §2 builds the URL.
    async fn connect(fake: &FakeCrisp) -> RawClient {
        let relay = fake.relay_url();
        let authority = relay.trim_start_matches("http://").trim_end_matches('/');
        let stream = TcpStream::connect(authority).await.unwrap();
        let url = format!("ws://{authority}/?EIO=4&transport=websocket");
        let (ws, response) = timeout(WAIT, client_async(url, stream)).await.unwrap().unwrap();
        assert_eq!(response.status(), 101);
        assert!(response.headers().get("sec-websocket-extensions").is_none());
        RawClient { ws }
    }

    /// The next frame, text or the end of the connection; panics after [`WAIT`].
    async fn next(&mut self) -> Frame {
        self.next_within(WAIT).await.expect("no frame in time")
    }

    /// The next frame within `limit`, `None` if nothing came.
    async fn next_within(&mut self, limit: Duration) -> Option<Frame> {
        loop {
            let message = timeout(limit, self.ws.next()).await.ok()?;
            return Some(match message {
                Some(Ok(Message::Text(text))) => Frame::Text(text.as_str().to_owned()),
                Some(Ok(Message::Close(_))) => Frame::Close,
                Some(Ok(Message::Binary(_) | Message::Frame(_))) => panic!("unexpected binary frame"),
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                Some(Err(_)) | None => Frame::Eof,
            });
        }
    }

    /// The next text frame that is not an Engine.IO ping (pings are answered).
    async fn next_text(&mut self) -> String {
        loop {
            match self.next().await {
                Frame::Text(text) if text == "2" => self.send("3").await,
                Frame::Text(text) => return text,
                other => panic!("expected a text frame, got {other:?}"),
            }
        }
    }

    async fn send(&mut self, text: &str) {
        self.ws.send(Message::text(text)).await.unwrap();
    }

    /// Reads `0{..}`, sends `40`, reads `40{..}`; returns the open packet.
    async fn open(&mut self) -> Value {
        let open = match self.next().await {
            Frame::Text(text) => text,
            other => panic!("expected the open packet, got {other:?}"),
        };
        let open: Value = serde_json::from_str(open.strip_prefix('0').expect("open packet")).unwrap();
        self.send("40").await;
        let connect = self.next_text().await;
        let connect: Value = serde_json::from_str(connect.strip_prefix("40").expect("connect reply")).unwrap();
        assert!(connect["sid"].as_str().is_some_and(|sid| !sid.is_empty()), "{connect}");
        open
    }

    /// Sends `42["authentication",<payload>]` and returns the reply frame.
    async fn authenticate(&mut self, payload: Value) -> String {
        self.send(&format!("42{}", json!(["authentication", payload]))).await;
        self.next_text().await
    }

    /// Connects, joins `/` and authenticates with the plugin token.
    async fn ready(fake: &FakeCrisp, events: &[&str], rooms: Option<Vec<String>>) -> RawClient {
        let mut client = RawClient::connect(fake).await;
        client.open().await;
        let mut payload = credentials(fake, Tier::Plugin, events);
        if let Some(rooms) = rooms {
            payload["rooms"] = json!(rooms);
        }
        assert_eq!(client.authenticate(payload).await, r#"42["authenticated",true]"#);
        client
    }

    /// The next event as `(name, data)`.
    async fn event(&mut self) -> (String, Value) {
        let text = self.next_text().await;
        let packet: Value = serde_json::from_str(text.strip_prefix("42").expect("event packet")).unwrap();
        (packet[0].as_str().unwrap().to_owned(), packet[1].clone())
    }
}

fn credentials(fake: &FakeCrisp, tier: Tier, events: &[&str]) -> Value {
    let token = fake.token(tier);
    json!({"username": token.identifier, "password": token.key, "tier": tier.as_str(), "events": events})
}

fn quick_heartbeat(interval_ms: u64, timeout_ms: u64) -> FakeCrispConfig {
    FakeCrispConfig {
        ping_interval: Duration::from_millis(interval_ms),
        ping_timeout: Duration::from_millis(timeout_ms),
    }
}

#[tokio::test]
async fn open_packet_carries_the_configured_heartbeat() {
    let fake = FakeCrisp::start_with(quick_heartbeat(300, 1_000)).await.unwrap();
    let mut client = RawClient::connect(&fake).await;
    let open = client.open().await;
    assert_eq!(open["pingInterval"], 300);
    assert_eq!(open["pingTimeout"], 1_000);
    assert_eq!(open["upgrades"], json!([]));
    assert!(open["sid"].as_str().is_some_and(|sid| !sid.is_empty()));
    assert!(open["maxPayload"].as_u64().is_some());
    assert_eq!(fake.relay().connections_accepted(), 1);

    let defaults = FakeCrispConfig::default();
    assert_eq!(defaults.ping_interval, Duration::from_secs(25));
    assert_eq!(defaults.ping_timeout, Duration::from_secs(20));
}

#[tokio::test]
async fn relay_url_is_what_the_connect_endpoints_return() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay_url();
    assert!(
        relay.starts_with("http://127.0.0.1:") && relay.ends_with('/'),
        "{relay}"
    );
    assert_ne!(relay, format!("http://{}/", fake.addr()));
    let endpoints = common::plugin(&fake, "GET", "plugin/connect/endpoints", None)
        .await
        .unwrap()
        .json();
    assert_eq!(endpoints["data"]["socket"]["app"], relay.as_str());
    assert_eq!(endpoints["data"]["rescue"]["socket"]["app"], relay.as_str());
}

#[tokio::test]
async fn good_credentials_are_authenticated_and_recorded() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::connect(&fake).await;
    client.open().await;
    let mut payload = credentials(&fake, Tier::Plugin, &["message:send", "message:received"]);
    payload["rooms"] = json!([fake.website_id().as_str()]);
    payload["inboxes"] = json!(["inbox-1"]);
    assert_eq!(client.authenticate(payload).await, r#"42["authenticated",true]"#);
    assert_eq!(relay.authenticated_sockets(), 1);
    assert!(relay.wait_for_authenticated(1, WAIT).await);
    assert_eq!(
        relay.auth_attempts(),
        vec![RelayAuth {
            username: fake.token(Tier::Plugin).identifier,
            tier: "plugin".to_owned(),
            events: vec!["message:send".to_owned(), "message:received".to_owned()],
            rooms: Some(vec![fake.website_id().as_str().to_owned()]),
            inboxes: Some(vec!["inbox-1".to_owned()]),
            accepted: true,
        }]
    );
    assert!(relay.events_before_auth().is_empty());
}

#[tokio::test]
async fn every_tier_token_authenticates_with_its_own_tier() {
    let fake = FakeCrisp::start().await.unwrap();
    for tier in [Tier::User, Tier::Website, Tier::Plugin] {
        let mut client = RawClient::connect(&fake).await;
        client.open().await;
        let reply = client.authenticate(credentials(&fake, tier, &["message:send"])).await;
        assert_eq!(reply, r#"42["authenticated",true]"#, "{tier:?}");
    }
    assert!(fake.relay().auth_attempts().iter().all(|attempt| attempt.accepted));
}

#[tokio::test]
async fn bad_credentials_are_unauthorized_then_closed() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let token = fake.token(Tier::Plugin);
    let cases = [
        json!({"username": token.identifier, "password": "wrong", "tier": "plugin", "events": ["message:send"]}),
        // The right key with another tier.
        json!({"username": token.identifier, "password": token.key, "tier": "website", "events": ["message:send"]}),
        json!({"username": token.identifier, "password": token.key, "tier": "nope", "events": ["message:send"]}),
    ];
    for payload in cases {
        let mut client = RawClient::connect(&fake).await;
        client.open().await;
        assert_eq!(
            client.authenticate(payload.clone()).await,
            r#"42["unauthorized",{"message":"Invalid credentials: unknown token or tier"}]"#
        );
        // Socket.IO DISCONNECT, then the connection closes.
        assert_eq!(client.next_text().await, "41");
        assert_eq!(client.next().await, Frame::Close);
    }
    let attempts = relay.auth_attempts();
    assert_eq!(attempts.len(), 3);
    assert!(attempts.iter().all(|attempt| !attempt.accepted));
    assert_eq!(attempts[1].tier, "website");
    assert_eq!(attempts[0].username, token.identifier);
    assert_eq!(relay.authenticated_sockets(), 0);
}

#[tokio::test]
async fn malformed_authentication_is_unauthorized() {
    let fake = FakeCrisp::start().await.unwrap();
    let mut client = RawClient::connect(&fake).await;
    client.open().await;
    let token = fake.token(Tier::Plugin);
    let reply = client
        .authenticate(json!({"username": token.identifier, "password": token.key, "tier": "plugin"}))
        .await;
    assert_eq!(
        reply,
        r#"42["unauthorized",{"message":"Invalid authentication payload"}]"#
    );
    assert!(!fake.relay().auth_attempts()[0].accepted);
}

#[tokio::test]
async fn only_subscribed_events_are_delivered() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    let website = fake.website_id();
    assert_eq!(
        relay.emit("message:received", json!({"website_id": website.as_str(), "n": 1})),
        0
    );
    assert_eq!(
        relay.emit("message:send", json!({"website_id": website.as_str(), "n": 2})),
        1
    );
    // The first frame is the subscribed event: the other one never went out.
    assert_eq!(
        client.event().await,
        (
            "message:send".to_owned(),
            json!({"website_id": website.as_str(), "n": 2})
        )
    );
}

#[tokio::test]
async fn rooms_limit_delivery_to_their_websites() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let website = fake.website_id();
    let other = fake.add_website();
    let mut scoped = RawClient::ready(&fake, &["message:send"], Some(vec![website.as_str().to_owned()])).await;
    let mut everything = RawClient::ready(&fake, &["message:send"], None).await;

    assert_eq!(relay.emit("message:send", json!({"website_id": other.as_str()})), 1);
    assert_eq!(relay.emit("message:send", json!({"no_website": true})), 1);
    assert_eq!(relay.emit("message:send", json!({"website_id": website.as_str()})), 2);
    assert_eq!(scoped.event().await.1, json!({"website_id": website.as_str()}));
    assert_eq!(everything.event().await.1, json!({"website_id": other.as_str()}));
    assert_eq!(everything.event().await.1, json!({"no_website": true}));
    assert_eq!(everything.event().await.1, json!({"website_id": website.as_str()}));
}

#[tokio::test]
async fn visitor_message_emits_message_send() {
    let fake = FakeCrisp::start().await.unwrap();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let fingerprint = fake.add_visitor_message(&website, &session, "Where is my parcel?");

    let (name, data) = client.event().await;
    assert_eq!(name, "message:send");
    let timestamp = data["timestamp"].as_u64().expect("timestamp in ms");
    assert!(timestamp > 1_600_000_000_000);
    assert_eq!(
        data,
        json!({
            "website_id": website.as_str(),
            "session_id": session.as_str(),
            "inbox_id": null,
            "type": "text",
            "from": "user",
            "origin": "chat",
            "content": "Where is my parcel?",
            "fingerprint": fingerprint.get(),
            "timestamp": timestamp,
            "stamped": true,
            "user": {"nickname": "Visitor 1", "user_id": session.as_str()},
        })
    );
}

#[tokio::test]
async fn rest_changes_emit_events() {
    let fake = FakeCrisp::start().await.unwrap();
    let events = [
        "message:send",
        "message:received",
        "session:set_state",
        "session:set_nickname",
        "session:set_email",
    ];
    let mut client = RawClient::ready(&fake, &events, None).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let base = format!("website/{website}/conversation/{session}");

    let sent = common::plugin(
        &fake,
        "POST",
        &format!("{base}/message"),
        Some(
            json!({"type": "text", "from": "operator", "origin": "chat", "content": "On its way!",
                    "user": {"type": "website", "nickname": "Bot", "user_id": "bot-1"}}),
        ),
    )
    .await
    .unwrap();
    assert_eq!(sent.status, 202);
    let fingerprint = sent.json()["data"]["fingerprint"].as_i64().unwrap();
    let (name, data) = client.event().await;
    assert_eq!(name, "message:received");
    assert_eq!(
        data,
        json!({
            "website_id": website.as_str(),
            "session_id": session.as_str(),
            "inbox_id": null,
            "type": "text",
            "from": "operator",
            "origin": "chat",
            "content": "On its way!",
            "fingerprint": fingerprint,
            "timestamp": data["timestamp"].as_u64().unwrap(),
            "stamped": true,
            "user": {"type": "website", "nickname": "Bot", "user_id": "bot-1"},
        })
    );

    let visitor = common::plugin(
        &fake,
        "POST",
        &format!("{base}/message"),
        Some(json!({"type": "text", "from": "user", "origin": "chat", "content": "Thanks"})),
    )
    .await
    .unwrap();
    assert_eq!(visitor.status, 202);
    let (name, data) = client.event().await;
    assert_eq!(name, "message:send");
    assert_eq!(data["content"], "Thanks");
    assert_eq!(
        data["user"],
        json!({"nickname": "Visitor 1", "user_id": session.as_str()})
    );

    let state = common::plugin(
        &fake,
        "PATCH",
        &format!("{base}/state"),
        Some(json!({"state": "resolved"})),
    )
    .await
    .unwrap();
    assert_eq!(state.status, 200);
    assert_eq!(
        client.event().await,
        (
            "session:set_state".to_owned(),
            json!({"website_id": website.as_str(), "session_id": session.as_str(), "inbox_id": null, "state": "resolved"})
        )
    );

    let meta = common::plugin(
        &fake,
        "PATCH",
        &format!("{base}/meta"),
        Some(json!({"nickname": "Ada", "email": "ada@example.com"})),
    )
    .await
    .unwrap();
    assert_eq!(meta.status, 200);
    assert_eq!(
        client.event().await,
        (
            "session:set_nickname".to_owned(),
            json!({"website_id": website.as_str(), "session_id": session.as_str(), "inbox_id": null, "nickname": "Ada"})
        )
    );
    assert_eq!(
        client.event().await,
        (
            "session:set_email".to_owned(),
            json!({"website_id": website.as_str(), "session_id": session.as_str(), "inbox_id": null, "email": "ada@example.com"})
        )
    );
}

#[tokio::test]
async fn binds_are_recorded_and_change_subscriptions() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    let data = json!({"website_id": fake.website_id().as_str()});

    client
        .send(r#"42["socket:bind:push",{"events":["message:received"]}]"#)
        .await;
    client
        .send(r#"42["socket:bind:pop",{"events":["message:send"]}]"#)
        .await;
    client.send(r#"42["socket:bind",{}]"#).await;
    client.send(r#"42["socket:bind",""]"#).await;
    let expected = vec![
        RelayBind {
            event: "socket:bind:push".to_owned(),
            payload: json!({"events": ["message:received"]}),
        },
        RelayBind {
            event: "socket:bind:pop".to_owned(),
            payload: json!({"events": ["message:send"]}),
        },
        RelayBind {
            event: "socket:bind".to_owned(),
            payload: json!({}),
        },
        RelayBind {
            event: "socket:bind".to_owned(),
            payload: json!(""),
        },
    ];
    timeout(WAIT, async {
        while relay.binds().len() < 4 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap();
    assert_eq!(relay.binds(), expected);
    assert_eq!(relay.emit("message:send", data.clone()), 0);
    assert_eq!(relay.emit("message:received", data.clone()), 1);
    assert_eq!(client.event().await.0, "message:received");

    // A replacing bind.
    client
        .send(r#"42["socket:bind",{"events":["session:set_state"]}]"#)
        .await;
    timeout(WAIT, async {
        while relay.emit("session:set_state", data.clone()) == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap();
    assert_eq!(client.event().await.0, "session:set_state");
    assert_eq!(relay.emit("message:received", data), 0);
    assert!(relay.events_before_auth().is_empty());
}

#[tokio::test]
async fn events_sent_before_authentication_are_recorded() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::connect(&fake).await;
    client.open().await;
    client.send(r#"42["socket:bind",{}]"#).await;
    client.send(r#"42["message:send",{"content":"hi"}]"#).await;
    let reply = client
        .authenticate(credentials(&fake, Tier::Plugin, &["message:send"]))
        .await;
    assert_eq!(reply, r#"42["authenticated",true]"#);
    // Events are handled in order, so both were recorded before the reply.
    assert_eq!(relay.events_before_auth(), vec!["socket:bind", "message:send"]);
    // The early bind is recorded but had no effect.
    assert_eq!(relay.binds().len(), 1);
    assert_eq!(relay.emit("message:send", json!({})), 1);
}

#[tokio::test]
async fn drop_connections_closes_every_socket() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut first = RawClient::ready(&fake, &["message:send"], None).await;
    let mut second = RawClient::ready(&fake, &["message:send"], None).await;
    relay.drop_connections();
    assert_eq!(first.next().await, Frame::Eof);
    assert_eq!(second.next().await, Frame::Eof);
    timeout(WAIT, async {
        while relay.authenticated_sockets() > 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap();
    // The relay still accepts new connections.
    let mut third = RawClient::ready(&fake, &["message:send"], None).await;
    assert_eq!(relay.connections_accepted(), 3);
    assert_eq!(relay.emit("message:send", json!({"n": 3})), 1);
    assert_eq!(third.event().await.1, json!({"n": 3}));
}

#[tokio::test]
async fn freeze_silences_everything_until_unfrozen() {
    let fake = FakeCrisp::start_with(quick_heartbeat(150, 3_000)).await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    // The heartbeat runs.
    assert_eq!(client.next().await, Frame::Text("2".to_owned()));
    client.send("3").await;

    relay.freeze(true);
    assert_eq!(relay.emit("message:send", json!({"n": 1})), 1);
    // Well over one ping interval of silence: no ping, no event.
    assert_eq!(client.next_within(Duration::from_millis(500)).await, None);
    relay.freeze(false);

    // Traffic resumes: the held ping (answered by `next_text`), the held
    // event, then new traffic.
    assert_eq!(client.next_text().await, r#"42["message:send",{"n":1}]"#);
    assert_eq!(relay.emit("message:send", json!({"n": 2})), 1);
    assert_eq!(client.next_text().await, r#"42["message:send",{"n":2}]"#);
    assert_eq!(relay.authenticated_sockets(), 1);
}

#[tokio::test]
async fn injected_frame_arrives_verbatim() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    relay.inject_raw_frame("42[oops");
    assert_eq!(client.next().await, Frame::Text("42[oops".to_owned()));
    // A long one (16-bit length) and the stream stays usable.
    let long = format!("42[\"x\",\"{}\"]", "y".repeat(300));
    relay.inject_raw_frame(&long);
    assert_eq!(client.next().await, Frame::Text(long));
    assert_eq!(relay.emit("message:send", json!({"ok": true})), 1);
    assert_eq!(client.event().await.1, json!({"ok": true}));
}

#[tokio::test]
async fn injected_frames_respect_large_server_frames() {
    let fake = FakeCrisp::start().await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    // A 64-bit-length frame from the server with an injection racing it.
    let big = "z".repeat(70_000);
    assert_eq!(relay.emit("message:send", json!({"big": big})), 1);
    relay.inject_raw_frame("injected");
    let mut seen = Vec::new();
    while seen.len() < 2 {
        match client.next().await {
            Frame::Text(text) if text == "2" => client.send("3").await,
            Frame::Text(text) => seen.push(text),
            other => panic!("connection ended: {other:?}"),
        }
    }
    assert!(seen.contains(&"injected".to_owned()));
    let event = seen.iter().find(|text| text.starts_with("42")).unwrap();
    assert_eq!(event.len(), r#"42["message:send",{"big":""}]"#.len() + 70_000);
}

#[tokio::test]
async fn server_pings_and_accepts_our_pongs() {
    let fake = FakeCrisp::start_with(quick_heartbeat(100, 400)).await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    for _ in 0..4 {
        assert_eq!(client.next().await, Frame::Text("2".to_owned()));
        client.send("3").await;
    }
    // Four intervals later the session is still alive.
    assert_eq!(relay.authenticated_sockets(), 1);
    assert_eq!(relay.emit("message:send", json!({})), 1);
    assert_eq!(client.next_text().await, r#"42["message:send",{}]"#);
}

#[tokio::test]
async fn a_client_that_never_pongs_is_disconnected() {
    let fake = FakeCrisp::start_with(quick_heartbeat(100, 200)).await.unwrap();
    let relay = fake.relay();
    let mut client = RawClient::ready(&fake, &["message:send"], None).await;
    assert_eq!(client.next().await, Frame::Text("2".to_owned()));
    // No pong: after the ping timeout the server sends an Engine.IO close
    // packet and closes the connection.
    assert_eq!(client.next().await, Frame::Text("1".to_owned()));
    let end = client.next().await;
    assert!(matches!(end, Frame::Close | Frame::Eof), "{end:?}");
    assert!(
        timeout(WAIT, async {
            while relay.authenticated_sockets() > 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
        .await
        .is_ok()
    );
}
