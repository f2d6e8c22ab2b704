//! The one rule for plain-text connections: allowed to the local machine only
//! (unless the caller opts in). Shared by the HTTP leaf and the RTM client.

use std::net::IpAddr;

/// Whether `host` (as written in a URL; IPv6 in brackets or bare) names the
/// local machine: `localhost`, or an address in 127.0.0.0/8 or `::1`.
///
/// ```
/// use crisp::transport::is_loopback_host;
///
/// assert!(is_loopback_host("127.0.0.1"));
/// assert!(is_loopback_host("[::1]"));
/// assert!(!is_loopback_host("api.crisp.chat"));
/// ```
pub fn is_loopback_host(host: &str) -> bool {
    let bare = host
        .strip_prefix('[')
        .and_then(|inner| inner.strip_suffix(']'))
        .unwrap_or(host);
    if bare.eq_ignore_ascii_case("localhost") || bare.eq_ignore_ascii_case("localhost.") {
        return true;
    }
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost",
            "LOCALHOST",
            "localhost.",
            "127.0.0.1",
            "127.8.9.10",
            "[::1]",
            "::1",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "example.invalid",
            "10.0.0.1",
            "[::2]",
            "[2001:db8::1]",
            "localhost.example.com",
            "api.crisp.chat",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
