//! The HTTP transport of the Crisp SDK: a [tower] stack that authenticates,
//! retries, rate-limits and times out requests to the Crisp REST API, over
//! hyper-util and hyper-rustls.
//!
//! This is the only crate of the SDK that knows hyper; its seam is
//! [`HttpService`], a cloneable `tower::Service<http::Request<Body>>` that
//! returns fully buffered responses. Build one with [`Transport::builder`]:
//!
//! ```no_run
//! use std::time::Duration;
//! use crisp::transport::{Body, Credentials, RequestOptions, RetryConfig, Tier, Transport};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let transport = Transport::builder(Credentials::new("identifier", "key"), Tier::Plugin)
//!     .timeout(Duration::from_secs(5))
//!     .retry(RetryConfig::default().max_attempts(4))
//!     .build()?;
//!
//! let mut request = http::Request::get("https://api.crisp.chat/v1/plugin/connect/account")
//!     .body(Body::empty())?;
//! request.extensions_mut().insert(RequestOptions::new("get_connect_account"));
//! let response = transport.send(request).await?;
//! assert!(response.status().is_success());
//! # Ok(())
//! # }
//! ```
//!
//! The examples use the paths of the `crisp` facade, which re-exports this
//! crate as `crisp::transport` (a program that depends on `crisp-transport`
//! alone writes `crisp_transport::`). Through the facade, the builder is
//! reached with `CrispBuilder::configure_transport`, so one client gets the
//! REST groups on top of a customised stack.
//!
//! See [`TransportBuilder`] for the order of the layers, [`RetryConfig`] for
//! what is retried, and [`RateLimitConfig`] for how the client slows down.
//!
//! # Features
//!
//! - `rustls-ring` (default): HTTPS through rustls with the ring provider and
//!   the webpki roots, and the [`tls`] module. Without it the built-in client
//!   only speaks plain HTTP (to loopback hosts unless allowed), which is
//!   enough for a local fake server; anything else goes through
//!   [`TransportBuilder::from_service`].

mod body;
mod builder;
mod credentials;
mod error;
mod hyper_leaf;
mod layer;
mod loopback;
mod options;
#[cfg(feature = "rustls-ring")]
pub mod tls;
mod transport;

pub use crisp_types::Tier;

pub use crate::body::Body;
pub use crate::builder::TransportBuilder;
pub use crate::credentials::Credentials;
pub use crate::error::{BoxError, BuildError, ConnectFailure, TransportError};
pub use crate::layer::rate_limit::RateLimitConfig;
pub use crate::layer::retry::{RetryBudget, RetryConfig};
pub use crate::loopback::is_loopback_host;
pub use crate::options::{Idempotency, RequestOptions};
pub use crate::transport::{HttpService, Transport};
