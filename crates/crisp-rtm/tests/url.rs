//! Relay URL → WebSocket URL (PROTOCOL.md §2.4).
#![allow(clippy::panic, reason = "test helpers report an unexpected decoding loudly")]

use crisp_rtm::protocol::ENGINE_IO_QUERY;
use crisp_rtm::url::{UrlError, websocket_url};

fn ok(relay: &str) -> String {
    match websocket_url(relay) {
        Ok(url) => url,
        Err(error) => panic!("{relay:?} refused: {error}"),
    }
}

#[test]
fn protocol_examples() {
    assert_eq!(ok("https://HOST/"), "wss://host/?EIO=4&transport=websocket");
    assert_eq!(ok("https://HOST/a/b"), "wss://host/a/b/?EIO=4&transport=websocket");
    assert_eq!(ENGINE_IO_QUERY, "EIO=4&transport=websocket");
}

#[test]
fn schemes_map_to_websocket_schemes() {
    assert_eq!(ok("https://h"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("wss://h"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("http://h"), "ws://h/?EIO=4&transport=websocket");
    assert_eq!(ok("ws://h"), "ws://h/?EIO=4&transport=websocket");
    assert_eq!(ok("HTTPS://h"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("Ws://h"), "ws://h/?EIO=4&transport=websocket");
}

#[test]
fn realistic_relays() {
    assert_eq!(
        ok("https://client.relay.rescue.crisp.chat/"),
        "wss://client.relay.rescue.crisp.chat/?EIO=4&transport=websocket"
    );
    assert_eq!(
        ok("wss://app.relay.crisp.chat/"),
        "wss://app.relay.crisp.chat/?EIO=4&transport=websocket"
    );
}

#[test]
fn explicit_ports_are_kept() {
    assert_eq!(
        ok("https://relay.example.com:443/"),
        "wss://relay.example.com:443/?EIO=4&transport=websocket"
    );
    assert_eq!(
        ok("http://localhost:8080"),
        "ws://localhost:8080/?EIO=4&transport=websocket"
    );
    assert_eq!(
        ok("http://127.0.0.1:3000/rtm"),
        "ws://127.0.0.1:3000/rtm/?EIO=4&transport=websocket"
    );
    assert_eq!(ok("http://h:0"), "ws://h:0/?EIO=4&transport=websocket");
    assert_eq!(ok("http://h:65535"), "ws://h:65535/?EIO=4&transport=websocket");
    // Leading zeros are normalised; an empty port is dropped.
    assert_eq!(ok("http://h:0080"), "ws://h:80/?EIO=4&transport=websocket");
    assert_eq!(ok("http://h:/x"), "ws://h/x/?EIO=4&transport=websocket");
}

#[test]
fn ipv6_hosts() {
    assert_eq!(ok("http://[::1]:8080"), "ws://[::1]:8080/?EIO=4&transport=websocket");
    assert_eq!(ok("https://[::1]"), "wss://[::1]/?EIO=4&transport=websocket");
    assert_eq!(
        ok("https://[2001:DB8::1]/relay/"),
        "wss://[2001:db8::1]/relay/?EIO=4&transport=websocket"
    );
    assert_eq!(
        ok("http://[::ffff:192.0.2.1]:80/"),
        "ws://[::ffff:192.0.2.1]:80/?EIO=4&transport=websocket"
    );
}

#[test]
fn trailing_slash_rule() {
    // One trailing `/` is removed, then one is appended.
    assert_eq!(ok("https://h"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h/"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h/a"), "wss://h/a/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h/a/"), "wss://h/a/?EIO=4&transport=websocket");
    // PROTOCOL.md removes exactly one `/`, so a doubled one survives.
    assert_eq!(ok("https://h/a//"), "wss://h/a//?EIO=4&transport=websocket");
    assert_eq!(ok("https://h//"), "wss://h//?EIO=4&transport=websocket");
    // No `/socket.io/` is added.
    assert!(!ok("https://h/").contains("socket.io"));
    // An existing `/socket.io` path is kept as given.
    assert_eq!(
        ok("https://h/socket.io"),
        "wss://h/socket.io/?EIO=4&transport=websocket"
    );
}

#[test]
fn query_and_fragment_are_dropped() {
    assert_eq!(ok("https://h/a?x=1&EIO=3"), "wss://h/a/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h/a#frag"), "wss://h/a/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h?x=1"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h#f"), "wss://h/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h:444?x#y"), "wss://h:444/?EIO=4&transport=websocket");
    // Characters after `?` or `#` are not validated (they are dropped).
    assert_eq!(ok("https://h/p?a b"), "wss://h/p/?EIO=4&transport=websocket");
}

#[test]
fn paths_are_kept_verbatim() {
    assert_eq!(ok("https://h/a%20b/c"), "wss://h/a%20b/c/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h/a@b"), "wss://h/a@b/?EIO=4&transport=websocket");
    assert_eq!(ok("https://h/A/B"), "wss://h/A/B/?EIO=4&transport=websocket");
}

#[test]
fn surrounding_whitespace_is_trimmed() {
    assert_eq!(ok("  https://h/ \n"), "wss://h/?EIO=4&transport=websocket");
}

#[test]
fn empty_and_schemeless_inputs() {
    assert_eq!(websocket_url(""), Err(UrlError::Empty));
    assert_eq!(websocket_url("   "), Err(UrlError::Empty));
    assert_eq!(websocket_url("relay.crisp.chat"), Err(UrlError::MissingScheme));
    assert_eq!(websocket_url("//relay.crisp.chat/"), Err(UrlError::MissingScheme));
    assert_eq!(websocket_url("://h"), Err(UrlError::MissingScheme));
    assert_eq!(websocket_url("1http://h"), Err(UrlError::MissingScheme));
    assert_eq!(websocket_url("https:h"), Err(UrlError::MissingAuthority));
    assert_eq!(websocket_url("https:/h"), Err(UrlError::MissingAuthority));
}

#[test]
fn other_schemes_are_refused() {
    for relay in [
        "ftp://h/",
        "file:///etc/passwd",
        "mailto:a@b",
        "wsx://h",
        "https+ws://h",
    ] {
        assert!(
            matches!(websocket_url(relay), Err(UrlError::UnsupportedScheme { .. })),
            "{relay}"
        );
    }
    assert_eq!(
        websocket_url("ftp://h"),
        Err(UrlError::UnsupportedScheme { scheme: "ftp".into() })
    );
}

#[test]
fn empty_hosts_are_refused() {
    for relay in ["https://", "https:///", "https://:443/", "https://?x", "https://#f"] {
        assert_eq!(websocket_url(relay), Err(UrlError::EmptyHost), "{relay}");
    }
}

#[test]
fn userinfo_is_refused_without_echo() {
    for relay in [
        "https://user:pass@h/",
        "https://user@h",
        "https://@h",
        "https://u:p@[::1]:80/",
    ] {
        let error = websocket_url(relay).unwrap_err();
        assert_eq!(error, UrlError::UserinfoNotAllowed, "{relay}");
        assert!(!error.to_string().contains("pass"));
    }
}

#[test]
fn invalid_hosts_are_refused() {
    for relay in [
        "https://h h/",
        "https://hé.example/",
        "https://h%41/",
        "https://h\\x/",
        "https://[::1/",
        "https://[]/",
        "https://[zz::1]/",
        "https://[1.2.3.4]/",
        "https://[::1]x/",
        "https://[::1]]/",
        "https://h!/",
    ] {
        assert!(
            matches!(websocket_url(relay), Err(UrlError::InvalidHost { .. })),
            "{relay}: {:?}",
            websocket_url(relay)
        );
    }
}

#[test]
fn invalid_ports_are_refused() {
    for relay in [
        "https://h:65536/",
        "https://h:99999999999999999999999/",
        "https://h:-1/",
        "https://h:8o/",
        "https://h:80:80/",
        "https://h: 80/",
        "https://[::1]:x/",
    ] {
        assert!(
            matches!(websocket_url(relay), Err(UrlError::InvalidPort { .. })),
            "{relay}: {:?}",
            websocket_url(relay)
        );
    }
}

#[test]
fn invalid_paths_are_refused() {
    for relay in [
        "https://h/a b",
        "https://h/é",
        "https://h/a\\b",
        "https://h/a\tb",
        "https://h/\u{7f}",
    ] {
        assert_eq!(websocket_url(relay), Err(UrlError::InvalidPath), "{relay}");
    }
}

#[test]
fn error_fields_are_bounded() {
    let scheme = "x".repeat(1000);
    let Err(UrlError::UnsupportedScheme { scheme: kept }) = websocket_url(&format!("{scheme}://h")) else {
        panic!("expected an unsupported scheme");
    };
    assert_eq!(kept.len(), 200);
    let host = format!("h{}", "!".repeat(1000));
    let Err(UrlError::InvalidHost { host: kept }) = websocket_url(&format!("https://{host}/")) else {
        panic!("expected an invalid host");
    };
    assert_eq!(kept.chars().count(), 200);
}

#[test]
fn never_panics_on_odd_inputs() {
    let pieces = [
        "", "https", "http", "ws", "wss", ":", "//", "/", "[", "]", "::1", "@", "?", "#", "é", "h", "80", ":80", "%",
        " ", "\\", "\u{0}",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let input = format!("{a}{b}{c}");
                let _ = websocket_url(&input);
                let _ = websocket_url(&format!("https://{input}"));
            }
        }
    }
}
