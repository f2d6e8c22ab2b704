//! Opening the WebSocket: TCP, TLS (rustls through the transport's
//! configuration), the HTTP upgrade, then the Engine.IO open packet.

use std::sync::Arc;
use std::time::Duration;

use async_tungstenite::WebSocketStream;
use async_tungstenite::tokio::ConnectStream;
use async_tungstenite::tungstenite::Message;
use futures_util::StreamExt;
use tokio::net::TcpStream;

use super::error::{DiscoveryError, RtmError};
use crate::codec::{EnginePacket, OpenInfo, excerpt};
use crate::url::{UrlError, websocket_url};
use crisp_transport::is_loopback_host;

/// The WebSocket type of one RTM connection.
pub(crate) type Ws = WebSocketStream<ConnectStream>;

/// Where to connect: a checked WebSocket URL and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// `ws[s]://host[:port]/path/?EIO=4&transport=websocket`.
    pub(crate) url: String,
    /// The host as the TCP connection needs it (IPv6 without brackets).
    pub(crate) host: String,
    /// The port (443 or 80 when the URL has none).
    pub(crate) port: u16,
    /// Whether the URL is `wss`.
    pub(crate) secure: bool,
}

/// Why a relay URL cannot be used.
#[derive(Debug)]
pub(crate) enum TargetError {
    Url(UrlError),
    Insecure { host: String },
}

impl TargetError {
    /// As a configuration error (for a URL the user gave).
    pub(crate) fn into_config(self) -> RtmError {
        match self {
            Self::Url(error) => RtmError::config_with("invalid relay URL", error),
            Self::Insecure { host } => RtmError::config(format!(
                "the relay URL uses plain ws:// to non-loopback host `{host}`; call allow_insecure(true) to permit it"
            )),
        }
    }

    /// As a discovery error (for a URL the API returned).
    pub(crate) fn into_discovery(self) -> RtmError {
        match self {
            Self::Url(error) => RtmError::Discovery(DiscoveryError::InvalidUrl(error)),
            Self::Insecure { host } => RtmError::Discovery(DiscoveryError::Insecure { host }),
        }
    }
}

impl Target {
    /// Builds the WebSocket URL from a relay URL (see [`websocket_url`]) and
    /// applies the plain-text policy: `ws://` only to loopback hosts unless
    /// `allow_insecure`.
    pub(crate) fn from_relay(relay: &str, allow_insecure: bool) -> Result<Self, TargetError> {
        let url = websocket_url(relay).map_err(TargetError::Url)?;
        let (secure, rest) = match url.strip_prefix("wss://") {
            Some(rest) => (true, rest),
            None => (false, url.strip_prefix("ws://").unwrap_or(&url)),
        };
        let authority = rest.split('/').next().unwrap_or_default();
        let (host, port) = split_host_port(authority);
        let port = port.unwrap_or(if secure { 443 } else { 80 });
        if !secure && !allow_insecure && !is_loopback_host(&host) {
            return Err(TargetError::Insecure { host });
        }
        let host = host
            .strip_prefix('[')
            .and_then(|inner| inner.strip_suffix(']'))
            .map(str::to_owned)
            .unwrap_or(host);
        Ok(Self {
            url,
            host,
            port,
            secure,
        })
    }
}

/// Splits an authority `websocket_url` produced (`host`, `host:port`,
/// `[v6]`, `[v6]:port`).
fn split_host_port(authority: &str) -> (String, Option<u16>) {
    if authority.starts_with('[') {
        match authority.rsplit_once("]:") {
            Some((host, port)) => (format!("{host}]"), port.parse().ok()),
            None => (authority.to_owned(), None),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host.to_owned(), port.parse().ok()),
            None => (authority.to_owned(), None),
        }
    }
}

/// Opens TCP (and TLS for `wss`) and performs the WebSocket upgrade. The
/// upgrade request carries only what the WebSocket handshake needs: no
/// authorization, cookie or `Origin` header.
pub(crate) async fn open(target: &Target, tls: Option<&Arc<rustls::ClientConfig>>) -> Result<Ws, RtmError> {
    let tcp = TcpStream::connect((target.host.as_str(), target.port))
        .await
        .map_err(|error| RtmError::Connect { source: error.into() })?;
    // Frames are small and latency matters more than throughput.
    let _ = tcp.set_nodelay(true);
    let connector = if target.secure {
        let config = tls.ok_or_else(|| RtmError::Connect {
            source: "no TLS configuration for a wss:// relay".into(),
        })?;
        Some(tokio_rustls::TlsConnector::from(Arc::clone(config)))
    } else {
        None
    };
    let (ws, _response) =
        async_tungstenite::tokio::client_async_tls_with_connector_and_config(target.url.as_str(), tcp, connector, None)
            .await
            .map_err(|error| RtmError::Connect { source: error.into() })?;
    Ok(ws)
}

/// Waits for the Engine.IO open packet, the relay's first text frame.
pub(crate) async fn wait_open(ws: &mut Ws) -> Result<OpenInfo, RtmError> {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(text))) => {
                return match EnginePacket::decode(text.as_str()) {
                    Ok(EnginePacket::Open(open)) => Ok(open),
                    Ok(_) => Err(RtmError::Disconnected {
                        reason: format!(
                            "the relay's first frame is not an Engine.IO open packet: {:?}",
                            excerpt(text.as_str())
                        ),
                    }),
                    Err(source) => Err(RtmError::Protocol {
                        excerpt: excerpt(text.as_str()),
                        source,
                    }),
                };
            }
            Some(Ok(Message::Close(_))) | None => {
                return Err(RtmError::Disconnected {
                    reason: "the WebSocket closed before the Engine.IO open packet".to_owned(),
                });
            }
            // Binary frames are not expected; control frames are handled by
            // tungstenite.
            Some(Ok(_)) => {}
            Some(Err(error)) => return Err(RtmError::WebSocket { source: error.into() }),
        }
    }
}

/// Sends one text frame, giving up after `limit`.
pub(crate) async fn send_text(ws: &mut Ws, frame: String, limit: Duration) -> Result<(), RtmError> {
    match tokio::time::timeout(limit, ws.send(Message::text(frame))).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(RtmError::WebSocket { source: error.into() }),
        Err(_) => Err(RtmError::WebSocket {
            source: format!("sending a frame took longer than {limit:?}").into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let target = Target::from_relay("https://relay.example.com/p/1", false).ok();
        assert_eq!(
            target,
            Some(Target {
                url: "wss://relay.example.com/p/1/?EIO=4&transport=websocket".to_owned(),
                host: "relay.example.com".to_owned(),
                port: 443,
                secure: true,
            })
        );
        let target = Target::from_relay("http://127.0.0.1:8080/", false).ok();
        assert_eq!(
            target.as_ref().map(|t| (t.host.as_str(), t.port, t.secure)),
            Some(("127.0.0.1", 8080, false))
        );
        let target = Target::from_relay("ws://[::1]:9/", false).ok();
        assert_eq!(target.as_ref().map(|t| (t.host.as_str(), t.port)), Some(("::1", 9)));
        let target = Target::from_relay("wss://[2001:db8::1]/", false).ok();
        assert_eq!(
            target.as_ref().map(|t| (t.host.as_str(), t.port)),
            Some(("2001:db8::1", 443))
        );
    }

    #[test]
    fn plain_ws_only_to_loopback_unless_allowed() {
        assert!(matches!(
            Target::from_relay("http://relay.example.com/", false),
            Err(TargetError::Insecure { host }) if host == "relay.example.com"
        ));
        assert!(Target::from_relay("http://relay.example.com/", true).is_ok());
        assert!(Target::from_relay("ws://localhost:1/", false).is_ok());
        assert!(matches!(
            Target::from_relay("ftp://x/", false),
            Err(TargetError::Url(_))
        ));
        assert!(
            Target::from_relay("ftp://x/", false)
                .err()
                .map(TargetError::into_config)
                .is_some_and(|e| e.is_terminal())
        );
    }
}
