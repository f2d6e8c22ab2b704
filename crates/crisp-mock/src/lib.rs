//! A fake [Crisp](https://crisp.chat) on loopback (REST API, RTM relay and
//! web-hook sender), for integration tests, the runnable examples, and offline
//! bot development.
//!
//! [`FakeCrisp::start`] binds `127.0.0.1` on a random port and serves on the
//! current tokio runtime until the [`FakeCrisp`] is dropped. It behaves like
//! the real API where a client can tell the difference:
//!
//! - every `/v1/` request must carry `Authorization: Basic
//!   base64(identifier:key)` of one of its tokens ([`FakeCrisp::token`]) and
//!   `X-Crisp-Tier` naming that token's tier; otherwise `401` with reason
//!   `invalid_session` (bad or missing credentials) or `invalid_tier` (tier
//!   header missing or naming another tier). `plugin/...` routes need the
//!   plugin tier and website routes the user or plugin tier, else `403
//!   not_allowed` (`website/connect/endpoints` accepts every tier);
//! - answers are Crisp envelopes, `{"error":false,"reason":"resolved","data":..}`
//!   (reasons `resolved` 200, `added` 201, `dispatched` 202, `updated` and
//!   `deleted` 200) or `{"error":true,"reason":"session_not_found","data":{}}`
//!   with Crisp's statuses (`400 invalid_data`, `404 website_not_found`,
//!   `404 session_not_found`, `404 people_not_found`, `409 people_exists`,
//!   `404 not_found` for unknown routes and methods); `HEAD` routes answer with
//!   a status and no body;
//! - state lives in memory: websites, conversations with messages, routing,
//!   meta and state, people profiles, and the plugin's connected websites.
//!
//! Routes served (relative to `/v1/`):
//!
//! | route | verbs |
//! | --- | --- |
//! | `website/{website_id}/conversations/{page_number}` | GET (`per_page`, `filter_unread`, `filter_resolved`, `filter_not_resolved`, `filter_assigned`, `filter_unassigned`, `include_empty`, `search_query`, `search_type`) |
//! | `website/{website_id}/conversation` | POST |
//! | `website/{website_id}/conversation/{session_id}` | HEAD, GET, DELETE |
//! | `.../conversation/{session_id}/messages` | GET (`timestamp_before`, `timestamp_after`, `timestamp_around`) |
//! | `.../conversation/{session_id}/message` | POST |
//! | `.../conversation/{session_id}/read`, `.../delivered` | PATCH |
//! | `.../conversation/{session_id}/routing`, `.../meta`, `.../state` | GET, PATCH |
//! | `website/{website_id}/people/profiles/{page_number}` | GET (`search_text`) |
//! | `website/{website_id}/people/profile` | POST |
//! | `website/{website_id}/people/profile/{people_id}` | HEAD, GET, PUT, PATCH, DELETE |
//! | `plugin/connect/account` | GET |
//! | `plugin/connect/session` | HEAD |
//! | `plugin/connect/websites/all/{page_number}` | GET (`filter_configured`, `include_plan`) |
//! | `plugin/connect/websites/since` | GET (`date_since`, `filter_configured`, `include_plan`) |
//! | `plugin/connect/endpoints`, `user/connect/endpoints`, `website/connect/endpoints`, `website/{website_id}/connect/endpoints` | GET (the relay URL as `socket.app`) |
//!
//! Every request is recorded ([`FakeCrisp::requests`]), and a FIFO fault queue
//! ([`Faults`]) makes the next requests fail with a status, a custom response,
//! a delay, or a dropped connection.
//!
//! ## RTM relay
//!
//! The fake also runs an RTM relay ([`FakeRelay`], via [`FakeCrisp::relay`]):
//! a [socketioxide](https://docs.rs/socketioxide) Socket.IO server (Engine.IO
//! v4 over WebSocket, at path `/`) on its own loopback port, which the connect
//! endpoints return as `socket.app` ([`FakeCrisp::relay_url`]). It checks the
//! `authentication` event against the fake's tokens, answers `authenticated`
//! or `unauthorized`, honours `socket:bind`/`:push`/`:pop`, and delivers
//! events to subscribed sockets. REST changes raise events: a visitor message
//! (seeded with [`FakeCrisp::add_visitor_message`] or posted with
//! `from: "user"`) emits `message:send`, an operator message
//! `message:received`, `PATCH .../state` emits `session:set_state`, and
//! `PATCH .../meta` emits `session:set_nickname` / `session:set_email`. Heartbeats
//! are configurable ([`FakeCrisp::start_with`]). A TCP proxy in front of the
//! server can drop every connection, freeze traffic, or inject a raw
//! WebSocket frame.
//!
//! ## Web hooks
//!
//! [`FakeCrisp::send_webhook`] POSTs one Plugin Hook signed like Crisp's
//! ([`sign_webhook`], secret [`FakeCrisp::webhook_secret`]), and
//! [`FakeCrisp::add_webhook_target`] makes every relay event a web hook too.
//!
//! ```no_run
//! use crisp_mock::FakeCrisp;
//! use crisp_types::Tier;
//!
//! # async fn demo() -> std::io::Result<()> {
//! let fake = FakeCrisp::start().await?;
//! let website = fake.website_id();
//! let session = fake.add_conversation(&website);
//! fake.add_visitor_message(&website, &session, "Where is my parcel?");
//! fake.faults().respond_with_status(429, 1);
//!
//! // ... run a client against fake.base_url() with fake.token(Tier::Plugin) ...
//!
//! for request in fake.requests() {
//!     println!("{} {}", request.method, request.path);
//! }
//! # Ok(())
//! # }
//! ```

mod auth;
mod date;
mod extract;
mod faults;
mod ids;
mod record;
mod relay;
mod reply;
mod routes;
mod server;
mod state;
mod webhook;

pub use auth::FakeToken;
pub use faults::Faults;
pub use record::RecordedRequest;
pub use relay::{FakeRelay, RelayAuth, RelayBind};
pub use server::{FakeCrisp, FakeCrispConfig};
pub use webhook::sign_webhook;
