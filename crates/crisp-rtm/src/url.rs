//! Building the RTM WebSocket URL from the relay URL that endpoint discovery
//! (`GET /v1/<tier>/connect/endpoints`, field `data.socket.app`) returns.
//!
//! The rules, as the official SDKs apply them:
//!
//! - scheme `https` or `wss` becomes `wss`; `http` or `ws` becomes `ws`; any
//!   other scheme is refused;
//! - the host is kept, and so is an explicit port (`:443` included: both
//!   forms are in production use);
//! - the path is kept, `/` when empty; one trailing `/` is removed and one is
//!   appended, so the path always ends in `/`; `/socket.io/` is **not** added;
//! - the relay URL's query and fragment are dropped;
//! - the query becomes exactly `EIO=4&transport=websocket`.
//!
//! ```
//! use crisp_rtm::url::websocket_url;
//!
//! assert_eq!(
//!     websocket_url("https://relay.example.com/a/b")?,
//!     "wss://relay.example.com/a/b/?EIO=4&transport=websocket",
//! );
//! # Ok::<(), crisp_rtm::url::UrlError>(())
//! ```
//!
//! The parser is deliberately small and strict rather than a general URL
//! parser:
//!
//! - leading and trailing ASCII whitespace is trimmed;
//! - the scheme and the host are lowercased (both are case-insensitive);
//! - a host is a bracketed IPv6 literal (`[::1]`) or made of ASCII letters,
//!   digits, `-`, `.` and `_`; internationalised host names must be given in
//!   their ASCII (`xn--`) form;
//! - credentials (`user:pass@`) are refused, and never echoed in the error;
//! - an empty port (`host:`) is dropped, a port is re-written in decimal
//!   without leading zeros and must be at most 65535;
//! - the path is kept verbatim (no dot-segment removal, no percent-decoding);
//!   it must be printable ASCII without `\`.

use crate::protocol::{ENGINE_IO_QUERY, MAX_EXCERPT_CHARS};

/// Why a relay URL could not be turned into a WebSocket URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrlError {
    /// The relay URL is empty (or only whitespace).
    #[error("relay URL is empty")]
    Empty,
    /// The relay URL does not start with a scheme (`https:`).
    #[error("relay URL has no scheme")]
    MissingScheme,
    /// The scheme is not `https`, `wss`, `http` or `ws`.
    #[error("unsupported relay URL scheme {scheme:?} (expected https, wss, http or ws)")]
    UnsupportedScheme {
        /// The scheme found (at most 200 characters).
        scheme: String,
    },
    /// The scheme is not followed by `//` and an authority.
    #[error("relay URL has no `//` authority after its scheme")]
    MissingAuthority,
    /// The authority has no host.
    #[error("relay URL has no host")]
    EmptyHost,
    /// The authority carries credentials (`user:password@`), which are never
    /// sent to the relay. The credentials are not repeated in the error.
    #[error("relay URL must not carry credentials")]
    UserinfoNotAllowed,
    /// The host contains characters a host name or IPv6 literal cannot.
    #[error("invalid host {host:?} in relay URL")]
    InvalidHost {
        /// The host found (at most 200 characters).
        host: String,
    },
    /// The port is not a number from 0 to 65535.
    #[error("invalid port {port:?} in relay URL")]
    InvalidPort {
        /// The port found (at most 200 characters).
        port: String,
    },
    /// The path contains whitespace, control, non-ASCII characters or `\`.
    #[error("relay URL path contains characters that must be percent-encoded")]
    InvalidPath,
}

/// Builds the RTM WebSocket URL (`wss://host[:port]/path/?EIO=4&transport=websocket`)
/// from a relay URL.
///
/// # Errors
///
/// A [`UrlError`] when the relay URL is not an `http`, `https`, `ws` or `wss`
/// URL with a valid host (see the [module documentation](self)).
pub fn websocket_url(relay: &str) -> Result<String, UrlError> {
    let relay = relay.trim_matches(|c: char| c.is_ascii_whitespace());
    if relay.is_empty() {
        return Err(UrlError::Empty);
    }

    let (scheme, rest) = relay.split_once(':').ok_or(UrlError::MissingScheme)?;
    if !is_scheme(scheme) {
        return Err(UrlError::MissingScheme);
    }
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "https" | "wss" => "wss",
        "http" | "ws" => "ws",
        _ => {
            return Err(UrlError::UnsupportedScheme {
                scheme: bounded(scheme),
            });
        }
    };

    let rest = rest.strip_prefix("//").ok_or(UrlError::MissingAuthority)?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_end);
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..path_end];

    let (host, port) = split_authority(authority)?;

    if !path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return Err(UrlError::InvalidPath);
    }
    let path = path.strip_suffix('/').unwrap_or(path);

    let mut url = String::with_capacity(scheme.len() + host.len() + path.len() + ENGINE_IO_QUERY.len() + 16);
    url.push_str(scheme);
    url.push_str("://");
    url.push_str(&host);
    if let Some(port) = port {
        url.push(':');
        url.push_str(&port.to_string());
    }
    url.push_str(path);
    url.push_str("/?");
    url.push_str(ENGINE_IO_QUERY);
    Ok(url)
}

/// RFC 3986: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(scheme: &str) -> bool {
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Splits `host[:port]` into a lowercased host and an optional port.
fn split_authority(authority: &str) -> Result<(String, Option<u16>), UrlError> {
    if authority.contains('@') {
        return Err(UrlError::UserinfoNotAllowed);
    }
    if authority.is_empty() {
        return Err(UrlError::EmptyHost);
    }

    let (host, port) = if let Some(literal) = authority.strip_prefix('[') {
        let (inner, after) = literal.split_once(']').ok_or_else(|| invalid_host(authority))?;
        let valid = inner.contains(':') && inner.bytes().all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'));
        if !valid {
            return Err(invalid_host(authority));
        }
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or_else(|| invalid_host(authority))?),
        };
        (&authority[..inner.len() + 2], port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };

    if host.is_empty() {
        return Err(UrlError::EmptyHost);
    }
    if !host.starts_with('[')
        && !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    {
        return Err(invalid_host(host));
    }

    let port = match port {
        None | Some("") => None,
        Some(port) => Some(parse_port(port)?),
    };
    Ok((host.to_ascii_lowercase(), port))
}

fn parse_port(port: &str) -> Result<u16, UrlError> {
    let invalid = || UrlError::InvalidPort { port: bounded(port) };
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let digits = port.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(0);
    }
    digits.parse().map_err(|_| invalid())
}

fn invalid_host(host: &str) -> UrlError {
    UrlError::InvalidHost { host: bounded(host) }
}

fn bounded(text: &str) -> String {
    text.chars().take(MAX_EXCERPT_CHARS).collect()
}
