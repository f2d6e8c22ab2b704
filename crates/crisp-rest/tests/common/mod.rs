//! Shared set-up of the wire tests: a fake Crisp and a client pointed at it.

#![allow(dead_code, reason = "each test binary uses a different subset")]
#![allow(clippy::expect_used, reason = "a test whose set-up fails must stop loudly")]
#![allow(clippy::panic, reason = "a test names a method the reference lacks: stop loudly")]

use std::time::Duration;

use crisp_mock::{FakeCrisp, RecordedRequest};
use crisp_rest::Client;
use crisp_transport::{Credentials, RetryConfig, Tier, Transport};

/// A fake Crisp and a REST client authenticated with its token of `tier`.
pub(crate) async fn fake_and_client(tier: Tier) -> (FakeCrisp, Client) {
    let fake = FakeCrisp::start().await.expect("the fake Crisp starts");
    let client = client_for(&fake, tier, Duration::from_secs(5));
    (fake, client)
}

/// A client for `fake` with a short retry backoff and the given per-attempt timeout.
pub(crate) fn client_for(fake: &FakeCrisp, tier: Tier, timeout: Duration) -> Client {
    let token = fake.token(tier);
    let transport = Transport::builder(Credentials::new(token.identifier, token.key), tier)
        .timeout(timeout)
        .retry(
            RetryConfig::default()
                .base_delay(Duration::from_millis(5))
                .max_delay(Duration::from_millis(50)),
        )
        .build()
        .expect("the transport builds");
    Client::with_base_url(transport, fake.base_url())
}

/// The only request the fake received since the last clear.
pub(crate) fn single_request(fake: &FakeCrisp) -> RecordedRequest {
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "expected exactly one request, got {requests:#?}");
    requests.into_iter().next().expect("one request")
}

/// The query pairs of a recorded request, as `(&str, &str)`.
pub(crate) fn query_of(request: &RecordedRequest) -> Vec<(&str, &str)> {
    request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

pub(crate) mod table;
pub(crate) mod wire;
