//! Your own tower middleware around the SDK's HTTP stack.
//!
//! One small tower layer, [`ObserveLayer`], counts and logs each request
//! with its route name, status and attempt number. It is installed twice:
//!
//! - **per call**, with `configure_transport(|t| t.layer(..))`: the layer
//!   runs outside the retry layer, so it sees each REST call once, with its
//!   final status, however many attempts it took;
//! - **per attempt**, around the leaf (the service that does HTTP) given to
//!   `TransportBuilder::from_service`: it runs inside the retry layer, so it
//!   sees every attempt, including the ones the retry layer repeats. The leaf
//!   here is the SDK's own HTTP client, as a transport that makes exactly one
//!   attempt (retry and rate limiting off).
//!
//! The route of a request is [`RequestOptions::route`], which the REST client
//! puts in the request's extensions: the method's name, `list_conversations`,
//! `get_conversation`, as in error messages and tracing spans.
//!
//! With no credentials in the environment it starts the built-in fake Crisp on
//! loopback, has it answer one call `503` first (which the retry layer
//! repeats), prints what each layer saw, checks the counts, and exits.
//!
//! With `CRISP_TOKEN_IDENTIFIER`, `CRISP_TOKEN_KEY`, `CRISP_TIER` (`user`,
//! `website` or `plugin`; default `plugin`) and `CRISP_WEBSITE_ID` set, it
//! makes read-only calls to the real API and prints the same log.
//!
//! ```sh
//! cargo run --example middleware
//! ```

use std::collections::BTreeMap;
use std::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use crisp::transport::{Body, Credentials, RateLimitConfig, RequestOptions, RetryConfig, Transport, TransportError};
use crisp::{Crisp, MessageFrom, NewMessage, PeopleId, Tier, WebsiteId};
use crisp_mock::FakeCrisp;
use tower::{Layer, Service};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let read = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    match (read("CRISP_TOKEN_IDENTIFIER"), read("CRISP_TOKEN_KEY")) {
        (Some(identifier), Some(key)) => {
            let tier = read("CRISP_TIER")
                .unwrap_or_else(|| "plugin".to_owned())
                .parse::<Tier>()?;
            let website = read("CRISP_WEBSITE_ID").ok_or("CRISP_WEBSITE_ID must be set with the token")?;
            real_api(identifier, key, tier, WebsiteId::new(website)).await
        }
        _ => offline().await,
    }
}

/// Which side of the retry layer an [`ObserveLayer`] sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    /// Outside the retry layer: once per REST call.
    Call,
    /// Around the leaf: once per attempt.
    Attempt,
}

/// What the layers saw: how many requests per scope, route and outcome.
#[derive(Debug, Default)]
struct Tally {
    counts: Mutex<BTreeMap<(Scope, &'static str, String), u32>>,
}

impl Tally {
    fn record(&self, scope: Scope, route: &'static str, outcome: String) {
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *counts.entry((scope, route, outcome)).or_default() += 1;
    }

    fn count(&self, scope: Scope, route: &'static str, outcome: &str) -> u32 {
        let counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        counts.get(&(scope, route, outcome.to_owned())).copied().unwrap_or(0)
    }

    fn print(&self) {
        let counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for ((scope, route, outcome), count) in counts.iter() {
            println!("   {scope:?} {route} {outcome}: {count}");
        }
    }
}

/// The attempts of one call so far: the per-call layer puts it in the
/// request's extensions, the retry layer copies the extensions into every
/// attempt, and the per-attempt layer counts on it.
#[derive(Debug, Clone, Default)]
struct Attempts(Arc<AtomicU32>);

/// A tower layer that logs and counts every request that goes through it.
#[derive(Debug, Clone)]
struct ObserveLayer {
    scope: Scope,
    tally: Arc<Tally>,
}

impl<S> Layer<S> for ObserveLayer {
    type Service = Observe<S>;

    fn layer(&self, inner: S) -> Observe<S> {
        Observe {
            inner,
            scope: self.scope,
            tally: Arc::clone(&self.tally),
        }
    }
}

/// The service [`ObserveLayer`] wraps around the next one.
#[derive(Debug, Clone)]
struct Observe<S> {
    inner: S,
    scope: Scope,
    tally: Arc<Tally>,
}

impl<S> Service<http::Request<Body>> for Observe<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = TransportError>,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = TransportError;
    type Future = Pin<Box<dyn Future<Output = Result<http::Response<Body>, TransportError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        // The REST client names every request; a hand-made one is "unknown".
        let route = request
            .extensions()
            .get::<RequestOptions>()
            .map_or("unknown", |options| options.route);
        let attempts = match self.scope {
            Scope::Call => {
                let attempts = Attempts::default();
                request.extensions_mut().insert(attempts.clone());
                attempts
            }
            Scope::Attempt => {
                let attempts = request.extensions().get::<Attempts>().cloned().unwrap_or_default();
                attempts.0.fetch_add(1, Ordering::Relaxed);
                attempts
            }
        };
        let (scope, tally) = (self.scope, Arc::clone(&self.tally));
        let started = Instant::now();
        let response = self.inner.call(request);
        Box::pin(async move {
            let outcome = response.await;
            let status = match &outcome {
                Ok(response) => response.status().as_u16().to_string(),
                Err(error) => format!("failed ({error})"),
            };
            let attempt = attempts.0.load(Ordering::Relaxed);
            let elapsed = started.elapsed().as_millis();
            match scope {
                Scope::Call => println!("   [call]    {route} -> {status} after {attempt} attempt(s), {elapsed} ms"),
                Scope::Attempt => println!("   [attempt] {route} #{attempt} -> {status}, {elapsed} ms"),
            }
            tally.record(scope, route, status);
            outcome
        })
    }
}

/// A client whose stack has both layers.
fn observed_client(
    tier: Tier,
    identifier: String,
    key: String,
    api_root: Option<String>,
    tally: &Arc<Tally>,
) -> Result<Crisp, Box<dyn Error>> {
    // The leaf: the SDK's HTTP client as a transport that makes one attempt
    // and never waits (the outer stack retries and rate-limits), wrapped in
    // the per-attempt layer.
    let leaf = Transport::builder(Credentials::new(identifier.clone(), key.clone()), tier)
        .retry(RetryConfig::disabled())
        .rate_limit(RateLimitConfig::disabled())
        .build()?;
    let per_attempt = ObserveLayer {
        scope: Scope::Attempt,
        tally: Arc::clone(tally),
    };
    let leaf = per_attempt.layer(leaf.service());
    let per_call = ObserveLayer {
        scope: Scope::Call,
        tally: Arc::clone(tally),
    };

    let mut builder = Crisp::builder()
        .token(tier, identifier, key)
        // Quick retries, so the demo does not wait long.
        .retry(RetryConfig::default().base_delay(Duration::from_millis(50)))
        .configure_transport(move |transport| transport.layer(per_call).from_service(leaf));
    if let Some(root) = api_root {
        builder = builder.rest_base_url(root);
    }
    Ok(builder.build()?)
}

/// Runs against the built-in fake Crisp, then checks what the layers saw.
pub(crate) async fn offline() -> Result<(), Box<dyn Error>> {
    let fake = FakeCrisp::start().await?;
    println!(
        "No credentials set: using the built-in fake Crisp at {}",
        fake.base_url()
    );
    let token = fake.token(Tier::Plugin);
    let tally = Arc::new(Tally::default());
    let crisp = observed_client(Tier::Plugin, token.identifier, token.key, Some(fake.base_url()), &tally)?;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "Hello?");

    println!("\n1. list_conversations");
    let conversations = crisp.website().list_conversations(&website, 1).await?;
    println!("   {} conversation(s)", conversations.len());

    println!("\n2. get_conversation, which the fake answers 503 once: retried (a GET is idempotent)");
    fake.faults().respond_with_status(503, 1);
    let conversation = crisp.website().get_conversation(&website, &session).await?;
    println!("   state {:?}", conversation.state);

    println!("\n3. get_people_profile of an unknown email: a 404, not retried");
    let nobody = PeopleId::from_email("nobody@example.com");
    match crisp.website().get_people_profile(&website, &nobody).await {
        Err(error) if error.is_not_found() => println!("   {error}"),
        Err(error) => return Err(error.into()),
        Ok(_) => return Err("the fake found a profile for nobody@example.com".into()),
    }

    println!("\n4. send_message_in_conversation");
    let reply = NewMessage::text(MessageFrom::Operator, "We are on it!");
    crisp
        .website()
        .send_message_in_conversation(&website, &session, reply)
        .await?;

    println!("\nWhat the layers counted (scope, route, status):");
    tally.print();
    let expected = [
        (Scope::Call, "list_conversations", "200", 1),
        (Scope::Attempt, "list_conversations", "200", 1),
        (Scope::Call, "get_conversation", "200", 1),
        (Scope::Attempt, "get_conversation", "503", 1),
        (Scope::Attempt, "get_conversation", "200", 1),
        (Scope::Call, "get_people_profile", "404", 1),
        (Scope::Attempt, "get_people_profile", "404", 1),
        (Scope::Call, "send_message_in_conversation", "202", 1),
        (Scope::Attempt, "send_message_in_conversation", "202", 1),
    ];
    for (scope, route, status, count) in expected {
        let seen = tally.count(scope, route, status);
        if seen != count {
            return Err(format!("{scope:?} {route} {status}: counted {seen}, expected {count}").into());
        }
    }
    println!("\ndone");
    Ok(())
}

/// Read-only calls to the real API, through the same layers.
async fn real_api(identifier: String, key: String, tier: Tier, website: WebsiteId) -> Result<(), Box<dyn Error>> {
    println!("Using the real Crisp API with a {tier} token (read-only calls).");
    let tally = Arc::new(Tally::default());
    let crisp = observed_client(tier, identifier, key, None, &tally)?;
    let conversations = crisp.website().list_conversations(&website, 1).await?;
    if let Some(first) = conversations.first() {
        crisp.website().get_conversation(&website, &first.session_id).await?;
    }
    println!("\nWhat the layers counted (scope, route, status):");
    tally.print();
    Ok(())
}
