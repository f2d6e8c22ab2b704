//! The pure parts of a Crisp RTM session: what the client says after the
//! Engine.IO handshake, when it may rebind, and when it must give up on a
//! silent connection.
//!
//! One connection goes like this (S = relay, C = client):
//!
//! ```text
//! S: 0{"sid":..,"pingInterval":N,"pingTimeout":M,..}   -> Heartbeat::new
//! C: 40                                                -> protocol::CONNECT_FRAME
//! S: 40{"sid":..}
//! C: 42["authentication",{..}]                         -> authentication_frame
//! S: 42["authenticated",true]   or   42["unauthorized",{..}]
//! S: 42["<event>",{..}]  ...
//! S: 2      C: 3                                       -> protocol::PONG_FRAME
//! ```
//!
//! The wire constants (frames, event names, intervals) are in
//! [`protocol`](crate::protocol).
//!
//! Nothing here does I/O or reads a clock: every time is passed in.

use std::fmt;
use std::time::{Duration, Instant};

use crisp_types::Tier;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::codec::{EnginePacket, SocketPacket};
use crate::protocol::{AUTHENTICATION_EVENT, MIN_REBIND_INTERVAL};

/// The payload of the `authentication` event, sent once per connection after
/// the relay confirmed the namespace join.
///
/// Serialises to `{"username","password","tier","events"}` plus `rooms` and
/// `inboxes` only when they are set (never as `null`). `Debug` hides the
/// password.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct AuthenticationPayload {
    /// The token identifier (the REST Basic user).
    pub username: String,
    /// The token key (the REST Basic password).
    pub password: String,
    /// The token's tier.
    pub tier: Tier,
    /// The event names to receive; the relay expects at least one.
    pub events: Vec<String>,
    /// Website ids to restrict delivery to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rooms: Option<Vec<String>>,
    /// Inbox ids to restrict delivery to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inboxes: Option<Vec<String>>,
}

impl AuthenticationPayload {
    /// A payload without `rooms` and `inboxes` restrictions.
    pub fn new<I, S>(username: impl Into<String>, password: impl Into<String>, tier: Tier, events: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            username: username.into(),
            password: password.into(),
            tier,
            events: events.into_iter().map(Into::into).collect(),
            rooms: None,
            inboxes: None,
        }
    }

    /// Restricts delivery to these website ids.
    #[must_use]
    pub fn with_rooms<I, S>(mut self, rooms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rooms = Some(rooms.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts delivery to these inbox ids.
    #[must_use]
    pub fn with_inboxes<I, S>(mut self, inboxes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.inboxes = Some(inboxes.into_iter().map(Into::into).collect());
        self
    }

    /// The payload as a JSON value (the same content as its `Serialize`
    /// output; key order depends on `serde_json`'s map type).
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("username".to_owned(), Value::from(self.username.as_str()));
        object.insert("password".to_owned(), Value::from(self.password.as_str()));
        object.insert("tier".to_owned(), Value::from(self.tier.as_str()));
        object.insert("events".to_owned(), string_array(&self.events));
        if let Some(rooms) = &self.rooms {
            object.insert("rooms".to_owned(), string_array(rooms));
        }
        if let Some(inboxes) = &self.inboxes {
            object.insert("inboxes".to_owned(), string_array(inboxes));
        }
        Value::Object(object)
    }

    /// Writes the payload as compact JSON, keys in declaration order
    /// (infallible, unlike a serializer).
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"username\":");
        push_json_string(out, &self.username);
        out.push_str(",\"password\":");
        push_json_string(out, &self.password);
        out.push_str(",\"tier\":");
        push_json_string(out, self.tier.as_str());
        out.push_str(",\"events\":");
        push_json_array(out, &self.events);
        if let Some(rooms) = &self.rooms {
            out.push_str(",\"rooms\":");
            push_json_array(out, rooms);
        }
        if let Some(inboxes) = &self.inboxes {
            out.push_str(",\"inboxes\":");
            push_json_array(out, inboxes);
        }
        out.push('}');
    }
}

impl fmt::Debug for AuthenticationPayload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthenticationPayload")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("tier", &self.tier)
            .field("events", &self.events)
            .field("rooms", &self.rooms)
            .field("inboxes", &self.inboxes)
            .finish()
    }
}

/// The `authentication` frame: `42["authentication",{..}]`.
///
/// ```
/// use crisp_rtm::session::{AuthenticationPayload, authentication_frame};
/// use crisp_types::Tier;
///
/// let payload = AuthenticationPayload::new("id", "key", Tier::Plugin, ["message:send"]);
/// assert_eq!(
///     authentication_frame(&payload),
///     r#"42["authentication",{"username":"id","password":"key","tier":"plugin","events":["message:send"]}]"#,
/// );
/// ```
pub fn authentication_frame(payload: &AuthenticationPayload) -> String {
    let mut frame = String::with_capacity(128);
    frame.push_str("42[");
    push_json_string(&mut frame, AUTHENTICATION_EVENT);
    frame.push(',');
    payload.write_json(&mut frame);
    frame.push(']');
    frame
}

/// A change of what the relay delivers on the current connection, sent as a
/// `socket:bind*` event.
///
/// Send only while connected and authenticated, at most once per
/// [`MIN_REBIND_INTERVAL`] (see [`RebindThrottle`]), and never queue one
/// across a reconnection: authenticating again re-establishes the binding.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BindRequest {
    /// `42["socket:bind",{}]`: recompute the websites the token may receive
    /// (after a plugin was installed or removed). What the Node SDK sends.
    Rebind,
    /// `42["socket:bind",{"events":[..]}]`: replace the events delivered.
    Replace(Vec<String>),
    /// `42["socket:bind:push",{"events":[..]}]`: add events.
    Push(Vec<String>),
    /// `42["socket:bind:pop",{"events":[..]}]`: remove events.
    Pop(Vec<String>),
}

impl BindRequest {
    /// The Socket.IO event name.
    pub fn event_name(&self) -> &'static str {
        match self {
            Self::Rebind | Self::Replace(_) => "socket:bind",
            Self::Push(_) => "socket:bind:push",
            Self::Pop(_) => "socket:bind:pop",
        }
    }

    /// The Socket.IO event packet.
    pub fn to_packet(&self) -> SocketPacket {
        let mut object = Map::new();
        match self {
            Self::Rebind => {}
            Self::Replace(events) | Self::Push(events) | Self::Pop(events) => {
                object.insert("events".to_owned(), string_array(events));
            }
        }
        SocketPacket::event(self.event_name(), vec![Value::Object(object)])
    }

    /// The frame to send.
    ///
    /// ```
    /// use crisp_rtm::session::BindRequest;
    ///
    /// assert_eq!(BindRequest::Rebind.frame(), r#"42["socket:bind",{}]"#);
    /// assert_eq!(
    ///     BindRequest::Push(vec!["message:send".into()]).frame(),
    ///     r#"42["socket:bind:push",{"events":["message:send"]}]"#,
    /// );
    /// ```
    pub fn frame(&self) -> String {
        EnginePacket::Message(self.to_packet()).encode()
    }
}

/// A rebind was refused because the previous one is too recent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("rebind throttled; retry in {retry_after:?}")]
pub struct Throttled {
    /// How long until a rebind is allowed again.
    pub retry_after: Duration,
}

/// Enforces the minimum interval between two rebind requests (2.5 s by
/// default). Only granted requests count.
///
/// ```
/// use std::time::{Duration, Instant};
/// use crisp_rtm::session::RebindThrottle;
///
/// let mut throttle = RebindThrottle::new();
/// let start = Instant::now();
/// assert!(throttle.try_acquire(start).is_ok());
/// let refused = throttle.try_acquire(start + Duration::from_secs(1)).unwrap_err();
/// assert_eq!(refused.retry_after, Duration::from_millis(1500));
/// assert!(throttle.try_acquire(start + Duration::from_millis(2500)).is_ok());
/// ```
#[derive(Debug, Clone)]
pub struct RebindThrottle {
    min_interval: Duration,
    last: Option<Instant>,
}

impl Default for RebindThrottle {
    fn default() -> Self {
        Self::new()
    }
}

impl RebindThrottle {
    /// A throttle with the SDKs' interval, [`MIN_REBIND_INTERVAL`].
    pub fn new() -> Self {
        Self::with_min_interval(MIN_REBIND_INTERVAL)
    }

    /// A throttle with another interval.
    pub fn with_min_interval(min_interval: Duration) -> Self {
        Self {
            min_interval,
            last: None,
        }
    }

    /// The interval enforced.
    pub fn min_interval(&self) -> Duration {
        self.min_interval
    }

    /// Grants a rebind at `now` and remembers it, or says how long to wait.
    ///
    /// A `now` earlier than the last granted rebind counts as no time elapsed.
    ///
    /// # Errors
    ///
    /// [`Throttled`] when less than the interval elapsed since the last
    /// granted rebind.
    pub fn try_acquire(&mut self, now: Instant) -> Result<(), Throttled> {
        if let Some(last) = self.last {
            let elapsed = now.saturating_duration_since(last);
            if elapsed < self.min_interval {
                return Err(Throttled {
                    retry_after: self.min_interval - elapsed,
                });
            }
        }
        self.last = Some(now);
        Ok(())
    }

    /// Forgets the last granted rebind.
    pub fn reset(&mut self) {
        self.last = None;
    }
}

/// The liveness deadline of an Engine.IO v4 connection.
///
/// The server pings every `pingInterval` and expects a pong within
/// `pingTimeout`; the client never pings. So if no frame at all arrives for
/// `pingInterval + pingTimeout`, the connection is dead and must be replaced.
/// Any received frame (not only pings) pushes the deadline back.
///
/// ```
/// use std::time::{Duration, Instant};
/// use crisp_rtm::codec::{EnginePacket, OpenInfo};
/// use crisp_rtm::session::Heartbeat;
///
/// let frame = r#"0{"sid":"s","upgrades":[],"pingInterval":25000,"pingTimeout":20000}"#;
/// let EnginePacket::Open(open) = EnginePacket::decode(frame)? else { unreachable!() };
/// let start = Instant::now();
/// let mut heartbeat = Heartbeat::new(&open, start);
/// assert_eq!(heartbeat.deadline(), start + Duration::from_secs(45));
/// heartbeat.on_frame(start + Duration::from_secs(30));
/// assert!(!heartbeat.is_dead(start + Duration::from_secs(60)));
/// assert!(heartbeat.is_dead(start + Duration::from_secs(75)));
/// # Ok::<(), crisp_rtm::codec::CodecError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heartbeat {
    timeout: Duration,
    deadline: Instant,
}

impl Heartbeat {
    /// Starts the deadline from the open packet, received at `now`.
    pub fn new(open: &crate::codec::OpenInfo, now: Instant) -> Self {
        Self::with_timeout(open.liveness_timeout(), now)
    }

    /// Starts a deadline of `timeout` at `now`.
    pub fn with_timeout(timeout: Duration, now: Instant) -> Self {
        Self {
            timeout,
            deadline: saturating_add(now, timeout),
        }
    }

    /// Records a frame received at `now`, pushing the deadline back.
    pub fn on_frame(&mut self, now: Instant) {
        self.deadline = saturating_add(now, self.timeout);
    }

    /// When the connection is considered dead unless a frame arrives first.
    ///
    /// For an absurdly long timeout (beyond what [`Instant`] can represent)
    /// this is the latest representable instant found, not an overflow.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Whether the deadline has passed at `now`.
    pub fn is_dead(&self, now: Instant) -> bool {
        now >= self.deadline
    }

    /// The time left before the deadline (zero once dead).
    pub fn remaining(&self, now: Instant) -> Duration {
        self.deadline.saturating_duration_since(now)
    }

    /// The silence allowed between two frames.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }
}

/// `base + duration`, shrinking `duration` when the sum is not representable
/// (a server could announce `pingInterval` near `u64::MAX` ms).
fn saturating_add(base: Instant, duration: Duration) -> Instant {
    let mut duration = duration;
    loop {
        if let Some(sum) = base.checked_add(duration) {
            return sum;
        }
        if duration.is_zero() {
            return base;
        }
        duration /= 2;
    }
}

fn push_json_string(out: &mut String, text: &str) {
    out.push_str(&Value::from(text).to_string());
}

fn push_json_array(out: &mut String, items: &[String]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_json_string(out, item);
    }
    out.push(']');
}

fn string_array(items: &[String]) -> Value {
    Value::Array(items.iter().map(|item| Value::from(item.as_str())).collect())
}
