//! Session helpers (PROTOCOL.md §5).
#![allow(clippy::panic, reason = "test helpers report an unexpected decoding loudly")]

use std::time::{Duration, Instant};

use crisp_rtm::codec::{EnginePacket, OpenInfo, SocketPacket};
use crisp_rtm::protocol::{CONNECT_FRAME, MIN_REBIND_INTERVAL, PONG_FRAME};
use crisp_rtm::session::{
    AuthenticationPayload, BindRequest, Heartbeat, RebindThrottle, Throttled, authentication_frame,
};
use crisp_types::Tier;
use serde_json::json;

fn payload() -> AuthenticationPayload {
    AuthenticationPayload::new(
        "7c3ef21c-1e04-41ce-8c06-5605c346f73e",
        "token-key-value",
        Tier::Plugin,
        ["message:send", "message:received"],
    )
}

#[test]
fn authentication_payload_serialises_without_null_keys() {
    let json = serde_json::to_string(&payload()).unwrap();
    assert_eq!(
        json,
        r#"{"username":"7c3ef21c-1e04-41ce-8c06-5605c346f73e","password":"token-key-value","tier":"plugin","events":["message:send","message:received"]}"#
    );
    assert!(!json.contains("null"));
    assert!(!json.contains("rooms"));
    assert!(!json.contains("inboxes"));
}

#[test]
fn authentication_payload_with_rooms_and_inboxes() {
    let payload = payload()
        .with_rooms(["website-1", "website-2"])
        .with_inboxes(vec!["inbox-1".to_owned()]);
    let value = serde_json::to_value(&payload).unwrap();
    assert_eq!(
        value,
        json!({
            "username": "7c3ef21c-1e04-41ce-8c06-5605c346f73e",
            "password": "token-key-value",
            "tier": "plugin",
            "events": ["message:send", "message:received"],
            "rooms": ["website-1", "website-2"],
            "inboxes": ["inbox-1"],
        })
    );
    assert_eq!(value, payload.to_json());
    // Only rooms.
    let only_rooms = serde_json::to_value(self::payload().with_rooms(["w"])).unwrap();
    assert!(only_rooms.get("rooms").is_some());
    assert!(only_rooms.get("inboxes").is_none());
}

#[test]
fn every_tier_is_spelled_as_crisp_expects() {
    for (tier, spelled) in [
        (Tier::User, "user"),
        (Tier::Website, "website"),
        (Tier::Plugin, "plugin"),
    ] {
        let payload = AuthenticationPayload::new("u", "p", tier, ["message:send"]);
        assert_eq!(payload.to_json()["tier"], spelled);
    }
}

#[test]
fn authentication_frame_is_a_socket_io_event() {
    let frame = authentication_frame(&payload());
    assert_eq!(
        frame,
        r#"42["authentication",{"username":"7c3ef21c-1e04-41ce-8c06-5605c346f73e","password":"token-key-value","tier":"plugin","events":["message:send","message:received"]}]"#
    );
    let EnginePacket::Message(SocketPacket::Event {
        namespace,
        ack_id,
        name,
        args,
    }) = EnginePacket::decode(&frame).unwrap()
    else {
        panic!("not an event");
    };
    assert_eq!(namespace, "/");
    assert_eq!(ack_id, None);
    assert_eq!(name, "authentication");
    assert_eq!(args, vec![payload().to_json()]);
}

#[test]
fn authentication_frame_escapes_strings() {
    let payload = AuthenticationPayload::new("a\"b", "p\\q\n", Tier::User, ["x"]);
    let frame = authentication_frame(&payload);
    let EnginePacket::Message(SocketPacket::Event { args, .. }) = EnginePacket::decode(&frame).unwrap() else {
        panic!("not an event");
    };
    assert_eq!(args[0]["username"], "a\"b");
    assert_eq!(args[0]["password"], "p\\q\n");
}

#[test]
fn debug_redacts_the_password() {
    let debug = format!("{:?}", payload());
    assert!(!debug.contains("token-key-value"), "{debug}");
    assert!(debug.contains("<redacted>"));
    assert!(debug.contains("7c3ef21c"));
}

#[test]
fn handshake_frames() {
    assert_eq!(CONNECT_FRAME, "40");
    assert_eq!(PONG_FRAME, "3");
    assert_eq!(EnginePacket::Message(SocketPacket::connect()).encode(), CONNECT_FRAME);
    assert_eq!(EnginePacket::Ping(None).pong_reply().unwrap().encode(), PONG_FRAME);
}

#[test]
fn bind_frames() {
    assert_eq!(BindRequest::Rebind.frame(), r#"42["socket:bind",{}]"#);
    assert_eq!(
        BindRequest::Replace(vec!["message:send".into(), "session:removed".into()]).frame(),
        r#"42["socket:bind",{"events":["message:send","session:removed"]}]"#
    );
    assert_eq!(
        BindRequest::Push(vec!["message:send".into()]).frame(),
        r#"42["socket:bind:push",{"events":["message:send"]}]"#
    );
    assert_eq!(
        BindRequest::Pop(vec!["message:send".into()]).frame(),
        r#"42["socket:bind:pop",{"events":["message:send"]}]"#
    );
    assert_eq!(
        BindRequest::Push(Vec::new()).frame(),
        r#"42["socket:bind:push",{"events":[]}]"#
    );
    assert_eq!(BindRequest::Pop(Vec::new()).event_name(), "socket:bind:pop");
}

#[test]
fn rebind_throttle_enforces_the_interval() {
    assert_eq!(MIN_REBIND_INTERVAL, Duration::from_millis(2500));
    let start = Instant::now();
    let at = |ms| start + Duration::from_millis(ms);
    let mut throttle = RebindThrottle::new();
    assert_eq!(throttle.min_interval(), MIN_REBIND_INTERVAL);
    assert_eq!(throttle.try_acquire(at(0)), Ok(()));
    assert_eq!(
        throttle.try_acquire(at(0)),
        Err(Throttled {
            retry_after: Duration::from_millis(2500)
        })
    );
    assert_eq!(
        throttle.try_acquire(at(2499)),
        Err(Throttled {
            retry_after: Duration::from_millis(1)
        })
    );
    // Refused attempts do not move the window.
    assert_eq!(throttle.try_acquire(at(2500)), Ok(()));
    assert_eq!(
        throttle.try_acquire(at(4000)),
        Err(Throttled {
            retry_after: Duration::from_millis(1000)
        })
    );
    assert_eq!(throttle.try_acquire(at(10_000)), Ok(()));
}

#[test]
fn rebind_throttle_handles_time_going_backwards_and_reset() {
    let start = Instant::now() + Duration::from_secs(10);
    let mut throttle = RebindThrottle::default();
    assert_eq!(throttle.try_acquire(start), Ok(()));
    let earlier = start - Duration::from_secs(5);
    assert_eq!(
        throttle.try_acquire(earlier),
        Err(Throttled {
            retry_after: MIN_REBIND_INTERVAL
        })
    );
    throttle.reset();
    assert_eq!(throttle.try_acquire(earlier), Ok(()));

    let mut custom = RebindThrottle::with_min_interval(Duration::ZERO);
    assert_eq!(custom.try_acquire(start), Ok(()));
    assert_eq!(custom.try_acquire(start), Ok(()));
}

#[test]
fn throttled_displays_the_wait() {
    let message = Throttled {
        retry_after: Duration::from_millis(1500),
    }
    .to_string();
    assert!(message.contains("1.5s"), "{message}");
}

fn open(interval_ms: u64, timeout_ms: u64) -> OpenInfo {
    let frame = format!(
        r#"0{{"sid":"s","upgrades":[],"pingInterval":{interval_ms},"pingTimeout":{timeout_ms},"maxPayload":1000000}}"#
    );
    match EnginePacket::decode(&frame) {
        Ok(EnginePacket::Open(info)) => info,
        other => panic!("not an open packet: {other:?}"),
    }
}

#[test]
fn heartbeat_deadline_is_interval_plus_timeout() {
    let start = Instant::now();
    let heartbeat = Heartbeat::new(&open(25_000, 20_000), start);
    assert_eq!(heartbeat.timeout(), Duration::from_secs(45));
    assert_eq!(heartbeat.deadline(), start + Duration::from_secs(45));
    assert!(!heartbeat.is_dead(start));
    assert!(!heartbeat.is_dead(start + Duration::from_millis(44_999)));
    assert!(heartbeat.is_dead(start + Duration::from_secs(45)));
    assert_eq!(
        heartbeat.remaining(start + Duration::from_secs(40)),
        Duration::from_secs(5)
    );
    assert_eq!(heartbeat.remaining(start + Duration::from_secs(50)), Duration::ZERO);
}

#[test]
fn heartbeat_is_reset_by_any_frame() {
    let start = Instant::now();
    let mut heartbeat = Heartbeat::with_timeout(Duration::from_secs(10), start);
    for second in (5..100).step_by(5) {
        let now = start + Duration::from_secs(second);
        assert!(!heartbeat.is_dead(now), "dead at {second}s");
        heartbeat.on_frame(now);
    }
    let last = start + Duration::from_secs(95);
    assert_eq!(heartbeat.deadline(), last + Duration::from_secs(10));
    assert!(heartbeat.is_dead(last + Duration::from_secs(10)));
}

#[test]
fn heartbeat_survives_absurd_server_values() {
    let start = Instant::now();
    let heartbeat = Heartbeat::new(&open(u64::MAX, u64::MAX), start);
    assert_eq!(heartbeat.timeout(), Duration::from_millis(u64::MAX) * 2);
    assert!(heartbeat.deadline() > start + Duration::from_secs(86_400 * 365));
    assert!(!heartbeat.is_dead(start + Duration::from_secs(86_400 * 365)));

    let zero = Heartbeat::new(&open(0, 0), start);
    assert!(zero.is_dead(start));
}
