//! TLS set-up: rustls with the ring provider and the webpki root store.
//!
//! The configuration never consults rustls' process-wide default provider, so
//! linking another provider elsewhere in the program (aws-lc-rs, for example)
//! cannot make it panic or change behaviour.

use std::sync::Arc;

use crate::error::BuildError;

/// Builds the client TLS configuration the transport uses: the ring crypto
/// provider chosen explicitly, rustls' safe default protocol versions (TLS 1.2
/// and 1.3), the Mozilla roots from `webpki-roots`, and no client
/// certificate.
///
/// The returned configuration has **no ALPN protocols** set: the HTTP
/// transport adds `h2` and `http/1.1` to its own copy, and a WebSocket client
/// (crisp-rtm) should set `http/1.1` or nothing on its own copy, for example
/// with `Arc::make_mut`.
///
/// This is the one place where a rustls type appears in the public API, on
/// purpose: it is how crisp-rtm shares the exact TLS setup of the REST
/// transport with its WebSocket connector. Its signature follows rustls'
/// semver.
///
/// ```
/// let config = crisp::transport::tls::tls_client_config()?;
/// assert!(config.alpn_protocols.is_empty());
/// # Ok::<(), crisp::transport::BuildError>(())
/// ```
pub fn tls_client_config() -> Result<Arc<rustls::ClientConfig>, BuildError> {
    client_config().map(Arc::new)
}

pub(crate) fn client_config() -> Result<rustls::ClientConfig, BuildError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots: rustls::RootCertStore = webpki_roots::TLS_SERVER_ROOTS.iter().cloned().collect();
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|error| BuildError::Tls {
            source: Box::new(error),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}
