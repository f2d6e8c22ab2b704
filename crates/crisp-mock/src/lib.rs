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
//!   `404 session_not_found`, `404 people_not_found`, `404 message_not_found`,
//!   `404 original_not_found`, `404 spam_not_found`, `404 browsing_not_found`,
//!   `404 call_not_found`, `409 people_exists`, `404 not_found` for unknown
//!   routes and methods);
//!   `HEAD` routes answer with a status and no body;
//! - the routes the Crisp reference opens to the user tier only (spams,
//!   widget actions, people campaigns, export and import, batch resolve /
//!   read / remove) answer `403 not_allowed` to a plugin token;
//! - state lives in memory: websites, conversations with messages, routing,
//!   inbox, meta, state, block and verify status, participants, compose and
//!   unread marks, browsing sessions and calls; people profiles with their
//!   data, events and subscription; spam; and the plugin's connected
//!   websites. Suggestions are counted from that state.
//!
//! Routes served (relative to `/v1/`; `{w}` is `website/{website_id}`, `{c}`
//! is `{w}/conversation/{session_id}`, `{p}` is `{w}/people`, `{n}` a page
//! number; wherever a route takes a `{people_id}`, the profile's email works
//! too, as on Crisp):
//!
//! | route | verbs |
//! | --- | --- |
//! | `{w}/conversations/{n}` | GET (`per_page`, `filter_inbox_id`, `filter_unread`, `filter_resolved`, `filter_not_resolved`, `filter_assigned`, `filter_unassigned`, `include_empty`, `search_query`, `search_type` text / segment / filter, `search_operator`) |
//! | `{w}/conversations/suggest/segments/{n}`, `{w}/conversations/meta/segments/{n}`, `{w}/conversations/suggest/data/{n}` | GET |
//! | `{w}/conversations/suggest/segment`, `{w}/conversations/suggest/data` | DELETE |
//! | `{w}/conversations/spams/{n}`, `{w}/conversations/spam/{spam_id}/content` | GET (user tier) |
//! | `{w}/conversations/spam/{spam_id}/decision` | POST (user tier) |
//! | `{w}/conversation` | POST |
//! | `{c}` | HEAD, GET, DELETE |
//! | `{c}/initiate` | POST |
//! | `{c}/messages` | GET (`timestamp_before`, `timestamp_after`, `timestamp_around`) |
//! | `{c}/message` | POST |
//! | `{c}/message/{fingerprint}` | GET, PATCH, DELETE |
//! | `{c}/compose`, `{c}/read`, `{c}/unread`, `{c}/delivered`, `{c}/open`, `{c}/inbox` | PATCH |
//! | `{c}/routing`, `{c}/meta`, `{c}/state`, `{c}/block`, `{c}/verify` | GET, PATCH |
//! | `{c}/verify/identity` | POST |
//! | `{c}/verify/identity/link` | PUT |
//! | `{c}/original/{original_id}`, `{c}/relations` | GET |
//! | `{c}/pages/{n}`, `{c}/events/{n}`, `{c}/files/{n}` | GET |
//! | `{c}/participants` | GET, PUT |
//! | `{c}/browsing` | GET, POST |
//! | `{c}/browsing/{browsing_id}`, `{c}/browsing/{browsing_id}/debug`, `{c}/browsing/{browsing_id}/assist` | PATCH |
//! | `{c}/call` | GET, POST |
//! | `{c}/call/{call_id}` | PATCH, DELETE |
//! | `{c}/transcript`, `{c}/purge`, `{c}/feedback`, `{c}/tool`, `{c}/reminder`, `{c}/report` | POST |
//! | `{c}/widget/{plugin_id}/button`, `{c}/widget/{plugin_id}/data` | POST (user tier) |
//! | `{p}/stats` | GET |
//! | `{p}/suggest/segments/{n}`, `{p}/segments/{n}`, `{p}/suggest/data/{n}`, `{p}/suggest/events/{n}` | GET |
//! | `{p}/suggest/segment`, `{p}/suggest/data`, `{p}/suggest/event` | DELETE |
//! | `{p}/profiles/{n}` | GET (`search_text`, `search_filter`, `search_operator`) |
//! | `{p}/profile` | POST |
//! | `{p}/profile/{people_id}` | HEAD, GET, PUT, PATCH, DELETE |
//! | `{p}/conversations/{people_id}/list/{n}` | GET (`filter_unread`, `filter_resolved`, `filter_not_resolved`) |
//! | `{p}/campaigns/{people_id}/list/{n}` | GET (user tier) |
//! | `{p}/events/{people_id}` | POST |
//! | `{p}/events/{people_id}/list/{n}` | GET |
//! | `{p}/data/{people_id}` | GET, PUT, PATCH |
//! | `{p}/subscription/{people_id}` | GET, PATCH |
//! | `{p}/export/profiles`, `{p}/import/profiles` | POST (user tier) |
//! | `{w}/batch/resolve`, `{w}/batch/read`, `{w}/batch/remove` | PATCH (user tier) |
//! | `{w}/batch/unresolve`, `{w}/batch/unread`, `{w}/batch/block`, `{w}/batch/routing`, `{w}/batch/inbox`, `{w}/batch/data`, `{w}/batch/segments` | PATCH |
//! | `{w}/batch/report` | POST |
//! | `website` | HEAD (`domain`: a live website uses it), POST (user tier; creates a website) |
//! | `{w}`, `{w}/expunge` | GET, DELETE (user tier; `{verify}` with the account password for `password`; the website then answers `404 website_not_found`); DELETE (user tier; aborts the deletion) |
//! | `{w}/settings` | GET, PATCH (groups merge key by key) |
//! | `{w}/operators/list`, `{w}/operators/active`, `{w}/operators/email` | GET (members, then invites); GET, DELETE (user tier); POST ([`FakeCrisp::operator_emails`]) |
//! | `{w}/operator`, `{w}/operator/{user_id}` | POST (user tier; an invite); GET, PATCH and DELETE (user tier; `404 operator_not_found`) |
//! | `{w}/inboxes/list/{n}`, `{w}/inboxes/batch/order`, `{w}/inbox`, `{w}/inbox/{inbox_id}` | GET; PATCH (user tier); POST (user tier); HEAD, GET, PUT and DELETE (user tier) (`404 inbox_not_found`) |
//! | `{w}/teams/list/{n}`, `{w}/team`, `{w}/team/{team_id}` | GET; POST; HEAD, GET, PUT, DELETE (`404 team_not_found`) |
//! | `{w}/visitors/count`, `{w}/visitors/list/{n}`, `{w}/visitors/map`, `{w}/visitors/token/{token_id}` | GET (`center_longitude`, `center_latitude`, `center_radius` for the map; `404 token_not_found`) |
//! | `{w}/visitors/blocked`, `{w}/visitors/blocked/{rule}` | GET; GET, DELETE (user tier) |
//! | `{w}/availability/status`, `{w}/availability/operators` | GET |
//! | `{w}/verify/settings`, `{w}/verify/key` | GET, PATCH; GET, POST (rolls the key) |
//! | `{w}/analytics/generate`, `{w}/analytics/{type}/{metric}/points`, `.../filters/{n}`, `.../classifiers/{n}` | POST; GET (`date_from`, `date_to`, `date_split`) (user tier; counted from conversations, profiles, campaigns) |
//! | `{w}/campaigns/list/{n}`, `{w}/campaigns/tags` | GET (`search_name`, `filter_tag`, `filter_type_*`, `filter_status_*`; user tier) |
//! | `{w}/campaigns/templates/{n}`, `{w}/campaigns/template`, `{w}/campaigns/template/{template_id}` | GET (`search_name`, `filter_type_static`, `filter_type_custom`); POST; HEAD, GET, PUT, PATCH, DELETE (static templates `403 not_allowed`) |
//! | `{w}/campaign`, `{w}/campaign/{campaign_id}` | POST; HEAD, GET, PUT, PATCH, DELETE (user tier; `404 campaign_not_found`) |
//! | `{w}/campaign/{campaign_id}/dispatch`, `.../resume`, `.../pause`, `.../test` | POST (user tier; a one-shot dispatch lists its recipients with `delivered` statistics; emits `campaign:dispatched`, `campaign:running`) |
//! | `{w}/campaign/{campaign_id}/recipients/{n}`, `.../statistics/{action}/{n}` | GET (user tier) |
//! | `{w}/helpdesk` | HEAD, GET; POST, DELETE (user tier). The helpdesk rules are in `routes/helpdesk/`: `404 helpdesk_not_found` until initialized, `404 locale_not_found`, `404 path_not_found`, `409 path_exists`, ... |
//! | `{w}/helpdesk/locales/{n}`, `{w}/helpdesk/locale`, `{w}/helpdesk/locale/{locale}` | GET; POST; HEAD, GET, DELETE |
//! | `{w}/helpdesk/page/list/{locale}/{content_type}/{n}`, `{w}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}` | GET |
//! | `{w}/helpdesk/tree/list/{locale}/{content_type}/{n}` | GET (`sub_path`, `search_title`, `filter_date_start`, `filter_date_end`) |
//! | `{w}/helpdesk/tree/{path,content,metadata,page}/{locale}/{content_type}/{tree_path..}` | path: POST, GET, PATCH, DELETE; content: GET, PUT; metadata: GET, PATCH; page: GET (each `{tree_path}` segment decoded on its own; `.`, `..` and empty segments `400 invalid_data`) |
//! | `{w}/helpdesk/history/changes/{n}`, `{w}/helpdesk/history/change/{change_id}` | GET (`filter_locale`, `filter_type`, `filter_tree_path`); GET, DELETE (cancels, reverting a content or metadata change) |
//! | `{w}/helpdesk/refresh/{locale}/{content_type}`, `{w}/helpdesk/import/..`, `{w}/helpdesk/export/..` | POST (import and export user tier) |
//! | `{w}/helpdesk/feedback/ratings/{locale}/{content_type}`, `{w}/helpdesk/feedback/list/{locale}/{content_type}/{n}` | GET (`filter_date_start`, `filter_date_end`) |
//! | `{w}/helpdesk/redirections/{n}`, `{w}/helpdesk/redirection`, `{w}/helpdesk/redirection/{redirection_id}` | GET; POST; HEAD, GET, DELETE |
//! | `{w}/helpdesk/settings`, `{w}/helpdesk/domain`, `{w}/helpdesk/domain/setup` | GET, PATCH; GET, PATCH (user tier); GET (`custom`; user tier) |
//! | `{w}/helpdesk/locale/{locale}/articles/{n}`, `.../article`, `.../article/{article_id}[/page, /category, /alternates, /alternate/{locale_linked}, /publish, /unpublish]`, `.../categories/{n}`, `.../category[/{category_id}[/sections/{n}, /section[/{section_id}]]]` | the retired article, category and section routes, every verb of the reference |
//! | `plugin/connect/account` | GET |
//! | `plugin/connect/session` | HEAD |
//! | `plugin/connect/websites/all/{n}` | GET (`filter_configured`, `include_plan`) |
//! | `plugin/connect/websites/since` | GET (`date_since`, `filter_configured`, `include_plan`) |
//! | `plugin/connect/endpoints`, `user/connect/endpoints`, `website/connect/endpoints`, `website/{website_id}/connect/endpoints` | GET (the relay URL as `socket.app`) |
//! | `plugins/subscription` | GET (user tier) |
//! | `plugins/subscription/{website_id}` | GET, POST (user tier) |
//! | `plugins/subscription/{website_id}/{plugin_id}` | GET, DELETE (user tier) |
//! | `plugins/subscription/{website_id}/{plugin_id}/settings` | GET, PUT, PATCH |
//! | `plugins/subscription/{website_id}/{plugin_id}/bill/usage` | GET, POST (plugin tier) |
//! | `plugins/subscription/{website_id}/{plugin_id}/attest/provenance` | GET |
//! | `plugins/subscription/{website_id}/{plugin_id}/channel`, `.../event` | POST (emitted as `plugin:channel`, `plugin:event`) |
//! | `plans/subscription` | GET (user tier) |
//! | `plans/subscription/{website_id}` | GET, POST, DELETE (POST, DELETE user tier) |
//! | `plans/subscription/{website_id}/bill/period` | PATCH (user tier) |
//! | `plans/subscription/{website_id}/coupon` | GET (`code`), PATCH (user tier) |
//! | `media/animation/list/{n}` | GET (`list_id`, `search_query`; user tier) |
//! | `bucket/url/generate` | POST (a real upload URL on the fake, `bucket/{upload_id}/{file_name}`: PUT, then GET) |
//! | `user/session/login`, `user/session/recover` | POST (legacy; no credentials needed) |
//! | `user/session/logout` | POST (legacy; destroys the login token used) |
//! | `user/account/profile` | GET (legacy; user tier) |
//!
//! Seeding helpers add what the API cannot: conversations and visitor
//! messages ([`FakeCrisp::add_conversation`],
//! [`FakeCrisp::add_visitor_message`]), profiles
//! ([`FakeCrisp::add_people_profile`]), CSV files to import
//! ([`FakeCrisp::add_import_file`]), spam
//! ([`FakeCrisp::add_spam_conversation`]), original messages
//! ([`FakeCrisp::add_original_message`]), browsed pages and conversation
//! events ([`FakeCrisp::add_conversation_page`],
//! [`FakeCrisp::add_conversation_event`]), and helpdesk reader feedback
//! ([`FakeCrisp::add_helpdesk_feedback`]).
//! Website administration: operators who joined ([`FakeCrisp::add_website_operator`],
//! [`FakeCrisp::website_owner`], [`FakeCrisp::set_operator_availability`]),
//! visitors and their chatbox tokens ([`FakeCrisp::add_visitor`],
//! [`FakeCrisp::add_visitor_token`]) and blocked visitors
//! ([`FakeCrisp::add_blocked_visitors`]).
//! The account: the operator's login for the legacy user routes
//! ([`FakeCrisp::user_email`], [`FakeCrisp::user_password`],
//! [`FakeCrisp::account_user_id`], [`FakeCrisp::password_recoveries`]),
//! marketplace plugins to subscribe to ([`FakeCrisp::add_marketplace_plugin`]),
//! plans and coupons ([`FakeCrisp::plan_id`], [`FakeCrisp::add_plan_coupon`]).
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
//! (with [`crisp_rtm::webhook::sign`], the function the SDK's verifier is
//! built on, and the secret [`FakeCrisp::webhook_secret`]), and
//! [`FakeCrisp::add_webhook_target`] makes every relay event a web hook too.
//! [`FakeCrisp::send_webhook_with`] sends a faulty one instead (a
//! [`HookFault`]: tampered, unsigned, signed with the wrong key, or stale), to
//! test that a receiver refuses it.
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
mod seed;
mod seed_account;
mod server;
mod state;
mod webhook;

pub use auth::FakeToken;
pub use faults::Faults;
pub use record::RecordedRequest;
pub use relay::{FakeRelay, RelayAuth, RelayBind};
pub use server::{FakeCrisp, FakeCrispConfig};
pub use webhook::{HookFault, deliver_webhook};
