//! The built transport.

use std::fmt;
use std::future::Future;

use tower::ServiceExt;

use crate::error::TransportError;
use crate::{Body, Credentials, Tier, TransportBuilder};

/// The type-erased HTTP service every layer of the stack is, and what
/// [`Transport::service`] hands out.
pub type HttpService = tower::util::BoxCloneSyncService<http::Request<Body>, http::Response<Body>, TransportError>;

/// The assembled HTTP stack: cheap to clone, and clones share the retry
/// budget, the rate limiter and the connection pool.
///
/// ```no_run
/// use crisp::transport::{Body, Credentials, Tier, Transport};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let transport = Transport::builder(Credentials::new("identifier", "key"), Tier::Plugin).build()?;
/// let request = http::Request::get("https://api.crisp.chat/v1/plugin/connect/account")
///     .body(Body::empty())?;
/// let response = transport.send(request).await?;
/// println!("{} {:?}", response.status(), response.body().as_bytes());
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Transport {
    service: HttpService,
    credentials: Credentials,
    tier: Tier,
}

impl Transport {
    /// Starts configuring a transport for a token of `tier`.
    pub fn builder(credentials: Credentials, tier: Tier) -> TransportBuilder {
        TransportBuilder::new(credentials, tier)
    }

    pub(crate) fn new(service: HttpService, credentials: Credentials, tier: Tier) -> Self {
        Self {
            service,
            credentials,
            tier,
        }
    }

    /// Sends one request through the whole stack and returns the buffered
    /// response, whatever its status (a 404 or a final 503 is `Ok`).
    ///
    /// The request URI must be absolute. Put [`RequestOptions`](crate::RequestOptions)
    /// in its extensions to name the route and set idempotency.
    ///
    /// # Errors
    ///
    /// A [`TransportError`] when no response was obtained.
    pub fn send(
        &self,
        request: http::Request<Body>,
    ) -> impl Future<Output = Result<http::Response<Body>, TransportError>> + Send + 'static {
        self.service.clone().oneshot(request)
    }

    /// A clone of the whole stack as a tower service.
    pub fn service(&self) -> HttpService {
        self.service.clone()
    }

    /// The tier sent as `X-Crisp-Tier`.
    pub fn tier(&self) -> Tier {
        self.tier
    }

    /// The credentials sent in `Authorization`.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("credentials", &self.credentials)
            .field("tier", &self.tier)
            .finish_non_exhaustive()
    }
}
