//! The facade client and its builder.

use std::time::Duration;

use crisp_rest::{BucketApi, Client, MediaApi, PlanApi, PluginApi, RawRequest, UserApi, WebsiteApi};
use crisp_transport::{Credentials, RateLimitConfig, RetryConfig, Tier, Transport, TransportBuilder};

/// The Crisp client: REST routes grouped like the Crisp reference.
///
/// Cheap to clone; clones share one connection pool, rate limiter and retry
/// budget.
#[derive(Debug, Clone)]
pub struct Crisp {
    rest: Client,
}

impl Crisp {
    /// Starts configuring a client.
    pub fn builder() -> CrispBuilder {
        CrispBuilder::default()
    }

    /// Website routes: conversations, messages, people, ...
    pub fn website(&self) -> WebsiteApi<'_> {
        self.rest.website()
    }

    /// Plugin routes: connect account, connect websites, ...
    pub fn plugin(&self) -> PluginApi<'_> {
        self.rest.plugin()
    }

    /// Crisp plan routes: a website's plan subscription, bill period, coupons.
    pub fn plan(&self) -> PlanApi<'_> {
        self.rest.plan()
    }

    /// Media routes: animation (GIF) searches.
    pub fn media(&self) -> MediaApi<'_> {
        self.rest.media()
    }

    /// Bucket routes: signed URLs to upload files.
    pub fn bucket(&self) -> BucketApi<'_> {
        self.rest.bucket()
    }

    /// The legacy user-tier routes of the old official wrappers (log in with
    /// a password, log out, profile); all deprecated.
    pub fn user(&self) -> UserApi<'_> {
        self.rest.user()
    }

    /// Any route, for those Crisp adds before this SDK wraps them.
    pub fn raw(&self, method: crisp_rest::Method, path: impl Into<String>) -> RawRequest<'_> {
        self.rest.raw(method, path)
    }

    /// The RTM WebSocket client, configured with this client's token, tier,
    /// API root (for relay discovery) and transport: choose the events, then
    /// `connect()`.
    ///
    /// ```no_run
    /// # async fn run(crisp: crisp::Crisp) -> Result<(), crisp::rtm::RtmError> {
    /// use crisp::types::event::EventKind;
    ///
    /// let (handle, mut events) = crisp.rtm().events([EventKind::MessageSend]).connect()?;
    /// while let Some(event) = events.recv().await {
    ///     println!("{:?}", event.map(|event| event.name().to_owned()));
    /// }
    /// # drop(handle);
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "rtm")]
    pub fn rtm(&self) -> crisp_rtm::RtmBuilder {
        let transport = self.rest.transport();
        crisp_rtm::RtmClient::builder(transport.credentials().clone(), transport.tier())
            .transport(transport.clone())
            .rest_base_url(self.rest.base_url())
    }

    /// The underlying REST client.
    pub fn rest(&self) -> &Client {
        &self.rest
    }

    /// The token tier this client authenticates with.
    pub fn tier(&self) -> Tier {
        self.rest.transport().tier()
    }
}

/// Configures a [`Crisp`] client: one token, and optionally the API root and
/// the transport's behaviour.
#[derive(Default)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct CrispBuilder {
    token: Option<(Tier, Credentials)>,
    rest_base_url: Option<String>,
    user_agent: Option<String>,
    timeout: Option<Duration>,
    retry: Option<RetryConfig>,
    rate_limit: Option<RateLimitConfig>,
    allow_insecure_http: bool,
    customize: Vec<Box<dyn FnOnce(TransportBuilder) -> TransportBuilder + Send>>,
}

impl std::fmt::Debug for CrispBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CrispBuilder")
            .field("tier", &self.token.as_ref().map(|(tier, _)| *tier))
            .field("rest_base_url", &self.rest_base_url)
            .finish_non_exhaustive()
    }
}

impl CrispBuilder {
    /// Authenticates with a plugin token (identifier and key).
    pub fn plugin_token(self, identifier: impl Into<String>, key: impl Into<String>) -> Self {
        self.token(Tier::Plugin, identifier, key)
    }

    /// Authenticates with an operator's user token.
    pub fn user_token(self, identifier: impl Into<String>, key: impl Into<String>) -> Self {
        self.token(Tier::User, identifier, key)
    }

    /// Authenticates with a website token.
    pub fn website_token(self, identifier: impl Into<String>, key: impl Into<String>) -> Self {
        self.token(Tier::Website, identifier, key)
    }

    /// Authenticates with a token of any tier.
    pub fn token(mut self, tier: Tier, identifier: impl Into<String>, key: impl Into<String>) -> Self {
        self.token = Some((tier, Credentials::new(identifier, key)));
        self
    }

    /// Sends REST calls to another API root (a fake Crisp, a proxy) instead of
    /// `https://api.crisp.chat/v1/`.
    pub fn rest_base_url(mut self, url: impl Into<String>) -> Self {
        self.rest_base_url = Some(url.into());
        self
    }

    /// Overrides the `User-Agent` (default `crisp-rs/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// The timeout of each attempt (default 10 s).
    pub fn timeout(mut self, per_attempt: Duration) -> Self {
        self.timeout = Some(per_attempt);
        self
    }

    /// The retry policy.
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    /// The client-side rate limiter.
    pub fn rate_limit(mut self, rate_limit: RateLimitConfig) -> Self {
        self.rate_limit = Some(rate_limit);
        self
    }

    /// Allows plain `http://` to hosts other than loopback (off by default).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Adjusts the transport further, e.g. to add a tower layer or swap the
    /// HTTP client:
    ///
    /// ```no_run
    /// # fn run(my_layer: tower::layer::util::Identity) -> Result<(), crisp::BuildError> {
    /// let crisp = crisp::Crisp::builder()
    ///     .plugin_token("identifier", "key")
    ///     .configure_transport(|transport| transport.layer(my_layer))
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn configure_transport(
        mut self,
        configure: impl FnOnce(TransportBuilder) -> TransportBuilder + Send + 'static,
    ) -> Self {
        self.customize.push(Box::new(configure));
        self
    }

    /// Builds the client.
    ///
    /// Settings apply in this order: the options of this builder first, then
    /// every [`configure_transport`](Self::configure_transport) closure, so a
    /// closure that sets the timeout (or anything else) wins over this
    /// builder's.
    ///
    /// # Errors
    ///
    /// [`BuildError::MissingToken`] without a token,
    /// [`BuildError::InvalidApiRoot`] when the REST API root is not an
    /// absolute `https` URL (or `http` to a loopback host, or to any host
    /// with [`allow_insecure_http`](Self::allow_insecure_http)), and
    /// [`BuildError::Transport`] when the HTTP stack cannot be built.
    pub fn build(self) -> Result<Crisp, BuildError> {
        let (tier, credentials) = self.token.ok_or(BuildError::MissingToken)?;
        if let Some(url) = &self.rest_base_url {
            check_api_root(url, self.allow_insecure_http)?;
        }
        let mut transport = Transport::builder(credentials, tier).allow_insecure_http(self.allow_insecure_http);
        if let Some(user_agent) = self.user_agent {
            transport = transport.user_agent(user_agent);
        }
        if let Some(timeout) = self.timeout {
            transport = transport.timeout(timeout);
        }
        if let Some(retry) = self.retry {
            transport = transport.retry(retry);
        }
        if let Some(rate_limit) = self.rate_limit {
            transport = transport.rate_limit(rate_limit);
        }
        for configure in self.customize {
            transport = configure(transport);
        }
        let transport = transport.build().map_err(BuildError::Transport)?;
        let rest = match self.rest_base_url {
            Some(url) => Client::with_base_url(transport, url),
            None => Client::new(transport),
        };
        Ok(Crisp { rest })
    }
}

/// Refuses an API root that no call could use.
fn check_api_root(url: &str, allow_insecure_http: bool) -> Result<(), BuildError> {
    let invalid = |reason: String| BuildError::InvalidApiRoot {
        url: url.to_owned(),
        reason,
    };
    Client::check_base_url(url, allow_insecure_http).map_err(|error| invalid(error.message().to_owned()))
}

/// Why a [`Crisp`] client could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// No token was given (`plugin_token`, `user_token`, `website_token` or `token`).
    #[error("no Crisp token was configured")]
    MissingToken,
    /// The REST API root cannot be used.
    #[error("invalid API root `{url}`: {reason}")]
    InvalidApiRoot {
        /// The root given to the builder.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The transport could not be built: a [`crate::TransportBuildError`]
    /// (re-exported at the root under that name; it is
    /// [`crisp::transport::BuildError`](crate::transport::BuildError), the error
    /// of the HTTP stack's own builder), say a `User-Agent` or token that
    /// cannot go in a header, or TLS that cannot be set up.
    #[error("the HTTP transport could not be built")]
    Transport(#[source] crate::TransportBuildError),
}
