//! The default leaf service: hyper-util's pooled client over hyper-rustls.

use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tower_service::Service;

use crate::Body;
use crate::error::{BuildError, TransportError};
use crate::layer::ResponseFuture;
use crate::loopback::is_loopback_host;

#[cfg(feature = "rustls-ring")]
type Connector = lazy_tls::LazyHttpsConnector;
#[cfg(not(feature = "rustls-ring"))]
type Connector = HttpConnector;

/// How long an idle pooled connection is kept.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// Sends requests with hyper and buffers the whole response body, up to a
/// size limit.
///
/// Plain `http://` is refused for hosts that are not loopback unless allowed.
/// Without the `rustls-ring` feature only `http://` can be sent.
#[derive(Clone)]
pub(crate) struct HyperLeaf {
    client: Client<Connector, Body>,
    allow_insecure_http: bool,
    max_response_size: usize,
}

impl HyperLeaf {
    pub(crate) fn new(allow_insecure_http: bool, max_response_size: usize) -> Result<Self, BuildError> {
        let mut http = HttpConnector::new();
        http.set_nodelay(true);
        #[cfg(feature = "rustls-ring")]
        let connector = lazy_tls::LazyHttpsConnector::new(http);
        #[cfg(not(feature = "rustls-ring"))]
        let connector = http;
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .build(connector);
        Ok(Self {
            client,
            allow_insecure_http,
            max_response_size,
        })
    }

    /// Refuses URIs that must not be sent.
    fn check(&self, uri: &http::Uri) -> Result<(), TransportError> {
        let invalid = |reason| TransportError::InvalidUri {
            uri: uri.to_string(),
            reason,
        };
        let host = uri.host().ok_or_else(|| invalid("the URI has no host"))?;
        match uri.scheme_str() {
            Some("https") if cfg!(feature = "rustls-ring") => Ok(()),
            Some("https") => Err(invalid("https needs the `rustls-ring` feature of crisp-transport")),
            Some("http") if self.allow_insecure_http || is_loopback_host(host) => Ok(()),
            Some("http") => Err(TransportError::InsecureScheme { host: host.to_owned() }),
            _ => Err(invalid("the scheme must be https (or http)")),
        }
    }
}

impl Service<http::Request<Body>> for HyperLeaf {
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // The legacy client is always ready; it queues on its pool.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let checked = self.check(request.uri());
        let target = target_of(request.uri());
        let client = self.client.clone();
        let limit = self.max_response_size;
        Box::pin(async move {
            checked?;
            let response = client.request(request).await.map_err(|error| {
                if error.is_connect() {
                    TransportError::connect(target, error)
                } else {
                    TransportError::http(exchange_failure(&error), error)
                }
            })?;
            let (parts, incoming) = response.into_parts();
            let declared = parts
                .headers
                .get(http::header::CONTENT_LENGTH)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.trim().parse::<u64>().ok());
            if declared.is_some_and(|size| size > u64::try_from(limit).unwrap_or(u64::MAX)) {
                return Err(TransportError::ResponseTooLarge { limit, declared });
            }
            let bytes = Limited::new(incoming, limit)
                .collect()
                .await
                .map_err(|error| {
                    if error.is::<LengthLimitError>() {
                        TransportError::ResponseTooLarge { limit, declared }
                    } else {
                        TransportError::Http {
                            failure: "the connection broke while the response body was read",
                            source: error,
                        }
                    }
                })?
                .to_bytes();
            Ok(http::Response::from_parts(parts, Body::from(bytes)))
        })
    }
}

/// `host:port` of a URI, for error messages.
fn target_of(uri: &http::Uri) -> String {
    let host = uri.host().unwrap_or("the server");
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("http") { 80 } else { 443 });
    format!("{host}:{port}")
}

/// What a failed exchange did wrong, in a few words, read from hyper's error.
fn exchange_failure(error: &(dyn std::error::Error + 'static)) -> &'static str {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(hyper) = error.downcast_ref::<hyper::Error>() {
            if hyper.is_incomplete_message() {
                return "the connection closed before a complete response";
            }
            if hyper.is_parse() || hyper.is_parse_status() {
                return "the server's answer was not valid HTTP";
            }
            if hyper.is_canceled() {
                return "the request was canceled";
            }
            if hyper.is_timeout() {
                return "the HTTP exchange timed out";
            }
        }
        current = error.source();
    }
    "the HTTP exchange failed"
}

/// A connector that sets TLS up (rustls configuration, root store) only
/// when the first `https` connection is made, so a client that only talks to
/// a local fake over plain HTTP never pays for it (about 1 MiB and the
/// parsing of the webpki roots).
#[cfg(feature = "rustls-ring")]
mod lazy_tls {
    use std::sync::{Arc, OnceLock};
    use std::task::{Context, Poll};

    use futures_util::future::BoxFuture;
    use hyper_rustls::{HttpsConnector, MaybeHttpsStream};
    use hyper_util::client::legacy::connect::HttpConnector;
    use hyper_util::rt::TokioIo;
    use tokio::net::TcpStream;
    use tower::ServiceExt as _;
    use tower_service::Service;

    use crate::error::BoxError;

    /// Plain HTTP through `http`; HTTPS through a hyper-rustls connector
    /// built on first use and shared by every clone.
    #[derive(Clone)]
    pub(crate) struct LazyHttpsConnector {
        http: HttpConnector,
        https: Arc<OnceLock<Result<HttpsConnector<HttpConnector>, String>>>,
    }

    impl LazyHttpsConnector {
        pub(crate) fn new(http: HttpConnector) -> Self {
            Self {
                http,
                https: Arc::new(OnceLock::new()),
            }
        }

        fn https(&self) -> Result<HttpsConnector<HttpConnector>, BoxError> {
            let built = self.https.get_or_init(|| {
                let mut http = self.http.clone();
                http.enforce_http(false);
                let config = crate::tls::client_config().map_err(|error| error.to_string())?;
                // hyper-rustls sets the ALPN list (h2, http/1.1) itself.
                Ok(hyper_rustls::HttpsConnectorBuilder::new()
                    .with_tls_config(config)
                    .https_or_http()
                    .enable_http1()
                    .enable_http2()
                    .wrap_connector(http))
            });
            built.clone().map_err(BoxError::from)
        }
    }

    impl Service<http::Uri> for LazyHttpsConnector {
        type Response = MaybeHttpsStream<TokioIo<TcpStream>>;
        type Error = BoxError;
        type Future = BoxFuture<'static, Result<Self::Response, BoxError>>;

        fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
            self.http.poll_ready(cx).map_err(BoxError::from)
        }

        fn call(&mut self, uri: http::Uri) -> Self::Future {
            if uri.scheme() == Some(&http::uri::Scheme::HTTPS) {
                match self.https() {
                    Ok(https) => Box::pin(https.oneshot(uri)),
                    Err(error) => Box::pin(std::future::ready(Err(error))),
                }
            } else {
                let connecting = self.http.call(uri);
                Box::pin(async move { connecting.await.map(MaybeHttpsStream::Http).map_err(BoxError::from) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_schemes_and_hosts() {
        let leaf = HyperLeaf::new(false, 1024).unwrap();
        let check = |uri: &str| leaf.check(&uri.parse().unwrap());
        assert!(check("http://127.0.0.1:8080/v1/").is_ok());
        assert!(check("http://localhost/v1/").is_ok());
        assert!(matches!(
            check("http://example.invalid/v1/"),
            Err(TransportError::InsecureScheme { host }) if host == "example.invalid"
        ));
        assert!(matches!(check("/v1/relative"), Err(TransportError::InvalidUri { .. })));
        assert!(matches!(
            check("ftp://example.com/"),
            Err(TransportError::InvalidUri { .. })
        ));
        #[cfg(feature = "rustls-ring")]
        assert!(check("https://api.crisp.chat/v1/").is_ok());
        let lenient = HyperLeaf::new(true, 1024).unwrap();
        assert!(lenient.check(&"http://example.invalid/".parse().unwrap()).is_ok());
    }
}
