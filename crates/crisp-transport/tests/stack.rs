//! Behaviour of the whole stack over a scripted fake leaf service.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] functions panic on broken fixtures"
)]

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use crisp_transport::{
    Body, Credentials, HttpService, Idempotency, RateLimitConfig, RequestOptions, RetryBudget, RetryConfig, Tier,
    Transport, TransportError,
};
use http::{Method, Request, Response, StatusCode};
use tokio::time::Instant;
use tower::Service;

mod support;

use support::{Step, builder, fake, get, post, transport_over};

const MESSAGE: &str = r#"{"type":"text","from":"operator","origin":"chat","content":"hi"}"#;

// ---------------------------------------------------------------- retries

#[tokio::test(start_paused = true)]
async fn post_is_not_retried_after_503() {
    let (transport, log) = transport_over(|_| Step::Status(503));
    let response = transport
        .send(post("website/w/conversation/s/message", MESSAGE))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(log.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn patch_is_not_retried_after_502() {
    let (transport, log) = transport_over(|_| Step::Status(502));
    let request = Request::patch("https://api.crisp.chat/v1/website/w/conversation/s/meta")
        .body(Body::from(r#"{"nickname":"x"}"#))
        .unwrap();
    let response = transport.send(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(log.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn post_is_not_retried_after_a_timeout() {
    let (service, log) = fake(|_| Step::Hang);
    let transport = builder()
        .from_service(service)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let start = Instant::now();
    let error = transport
        .send(post("website/w/conversation/s/message", MESSAGE))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert!(error.may_have_been_sent());
    assert_eq!(log.count(), 1);
    assert!(start.elapsed() >= Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn get_is_retried_after_a_timeout() {
    let (service, log) = fake(|n| if n == 0 { Step::Hang } else { Step::Status(200) });
    let transport = builder()
        .from_service(service)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.count(), 2);
}

#[tokio::test(start_paused = true)]
async fn post_is_retried_after_429_with_the_same_body() {
    let (transport, log) = transport_over(|n| if n == 0 { Step::Status(429) } else { Step::Status(200) });
    let mut request = post("website/w/conversation/s/message", MESSAGE);
    request
        .extensions_mut()
        .insert(RequestOptions::new("website.send_message_in_conversation"));
    let response = transport.send(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let calls = log.calls();
    assert_eq!(calls.len(), 2);
    for call in &calls {
        assert_eq!(call.method, Method::POST);
        assert_eq!(call.uri, "https://api.crisp.chat/v1/website/w/conversation/s/message");
        assert_eq!(call.body, Bytes::from_static(MESSAGE.as_bytes()));
        assert_eq!(call.headers[http::header::CONTENT_TYPE], "application/json");
    }
    assert_eq!(calls[0].headers, calls[1].headers);
}

#[tokio::test(start_paused = true)]
async fn post_is_retried_after_420() {
    let (transport, log) = transport_over(|n| if n == 0 { Step::Status(420) } else { Step::Status(200) });
    let response = transport.send(post("website/w/people/profile", MESSAGE)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.count(), 2);
    assert_eq!(log.calls()[1].body, Bytes::from_static(MESSAGE.as_bytes()));
}

#[tokio::test(start_paused = true)]
async fn status_422_is_returned_not_retried() {
    let (transport, log) = transport_over(|_| Step::Status(422));
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(log.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn get_is_retried_on_503_with_backoff() {
    fastrand::seed(7);
    let (transport, log) = transport_over(|n| if n < 2 { Step::Status(503) } else { Step::Status(200) });
    let start = Instant::now();
    let response = transport.send(get("website/w/conversations/1")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.count(), 3);
    assert!(start.elapsed() > Duration::ZERO);
    // Backoff ceilings are 200 ms then 400 ms by default.
    assert!(start.elapsed() <= Duration::from_millis(600));
    let calls = log.calls();
    assert!(calls[1].at > calls[0].at || calls[2].at > calls[1].at);
}

#[tokio::test(start_paused = true)]
async fn the_final_503_comes_back_as_a_response() {
    let (transport, log) = transport_over(|_| Step::Status(503));
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(log.count(), 3);
}

#[tokio::test(start_paused = true)]
async fn max_attempts_is_configurable_and_disabled_means_one() {
    let (service, log) = fake(|_| Step::Status(504));
    let transport = builder()
        .from_service(service.clone())
        // An unlimited budget: with full jitter the default budget's time-based
        // refill may not cover four retries, and the budget has its own tests.
        .retry(RetryConfig::default().max_attempts(5).budget(RetryBudget::unlimited()))
        .build()
        .unwrap();
    transport.send(get("website/w")).await.unwrap();
    assert_eq!(log.count(), 5);

    let transport = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    transport.send(get("website/w")).await.unwrap();
    assert_eq!(log.count(), 6);
}

#[tokio::test(start_paused = true)]
async fn per_request_idempotency_overrides_the_method() {
    let (transport, log) = transport_over(|_| Step::Status(503));
    let mut request = post("website/w/conversation/s/read", "{}");
    request.extensions_mut().insert(
        RequestOptions::new("website.mark_messages_read_in_conversation").with_idempotency(Idempotency::Idempotent),
    );
    transport.send(request).await.unwrap();
    assert_eq!(log.count(), 3);

    let mut request = get("website/w");
    request
        .extensions_mut()
        .insert(RequestOptions::new("website.get_website").with_idempotency(Idempotency::NotIdempotent));
    transport.send(request).await.unwrap();
    assert_eq!(log.count(), 4);
}

#[tokio::test(start_paused = true)]
async fn connect_errors_are_retried_even_for_post() {
    let (transport, log) = transport_over(|n| {
        if n == 0 {
            Step::Fail(TransportError::connect("127.0.0.1:9", "connection refused"))
        } else {
            Step::Status(200)
        }
    });
    let response = transport.send(post("website/w/conversation", "{}")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.count(), 2);
}

#[tokio::test(start_paused = true)]
async fn errors_that_may_have_been_sent_are_not_retried_for_post() {
    let (transport, log) =
        transport_over(|_| Step::Fail(TransportError::http("the connection was reset", "connection reset")));
    let error = transport.send(post("website/w/conversation", "{}")).await.unwrap_err();
    assert!(matches!(error, TransportError::Http { .. }));
    assert_eq!(log.count(), 1);
    let error = transport.send(get("website/w")).await.unwrap_err();
    assert!(error.may_have_been_sent());
    assert_eq!(log.count(), 4);
}

#[tokio::test(start_paused = true)]
async fn retry_after_in_seconds_is_honoured() {
    let (transport, log) = transport_over(|n| {
        if n == 0 {
            Step::StatusWith(429, "retry-after", "3".to_owned())
        } else {
            Step::Status(200)
        }
    });
    let start = Instant::now();
    let response = transport.send(post("website/w/conversation", "{}")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.count(), 2);
    assert!(start.elapsed() >= Duration::from_secs(3), "{:?}", start.elapsed());
}

#[tokio::test(start_paused = true)]
async fn retry_after_as_http_date_is_honoured() {
    // The date has a one-second resolution: six seconds ahead is at least five.
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(6));
    let (transport, log) = transport_over(move |n| {
        if n == 0 {
            Step::StatusWith(503, "retry-after", date.clone())
        } else {
            Step::Status(200)
        }
    });
    let start = Instant::now();
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.count(), 2);
    assert!(start.elapsed() >= Duration::from_secs(5), "{:?}", start.elapsed());
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_beyond_the_limit_is_returned_at_once() {
    let (service, log) = fake(|_| Step::StatusWith(429, "retry-after", "3600".to_owned()));
    let transport = builder()
        .from_service(service)
        .retry(RetryConfig::default().max_retry_after(Duration::from_secs(30)))
        .build()
        .unwrap();
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(log.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn the_retry_budget_stops_a_storm_across_clones() {
    const REQUESTS: usize = 100;
    let (transport, log) = transport_over(|_| Step::Status(503));
    let tasks: Vec<_> = (0..REQUESTS)
        .map(|_| {
            let clone = transport.clone();
            tokio::spawn(async move { clone.send(get("website/w")).await })
        })
        .collect();
    for task in tasks {
        let response = task.await.unwrap().unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    }
    let attempts = log.count();
    // Without a budget this would be 300 attempts; the default budget allows
    // 20 % of requests plus a small per-second floor.
    assert!(attempts >= REQUESTS, "{attempts}");
    assert!(attempts <= REQUESTS + REQUESTS / 2, "{attempts}");

    // The same storm with an unlimited budget makes every attempt.
    let (service, log) = fake(|_| Step::Status(503));
    let unlimited = builder()
        .from_service(service)
        .retry(RetryConfig::default().budget(RetryBudget::unlimited()))
        .build()
        .unwrap();
    let tasks: Vec<_> = (0..REQUESTS)
        .map(|_| {
            let clone = unlimited.clone();
            tokio::spawn(async move { clone.send(get("website/w")).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(log.count(), REQUESTS * 3);
}

// ---------------------------------------------------------------- rate limit

#[tokio::test(start_paused = true)]
async fn clones_share_one_rate_limiter() {
    let (service, log) = fake(|n| if n == 0 { Step::Status(429) } else { Step::Status(200) });
    let first = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    let second = first.clone();
    let response = first.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);

    let start = Instant::now();
    let response = second.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // The default pause after a 429 without Retry-After is one second.
    assert!(start.elapsed() >= Duration::from_secs(1), "{:?}", start.elapsed());
    assert_eq!(log.count(), 2);

    // Recovered: the next request waits at most the release spacing (100 ms
    // by default) and the one after goes out at once.
    let start = Instant::now();
    second.send(get("website/w")).await.unwrap();
    assert!(start.elapsed() <= Duration::from_millis(100));
    let start = Instant::now();
    first.send(get("website/w")).await.unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn separately_built_transports_do_not_share_a_limiter() {
    let (service, _log) = fake(|n| if n == 0 { Step::Status(429) } else { Step::Status(200) });
    let first = builder()
        .from_service(service.clone())
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    let other = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    first.send(get("website/w")).await.unwrap();
    let start = Instant::now();
    other.send(get("website/w")).await.unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn waiters_are_released_gradually_after_a_pause() {
    let (service, log) = fake(|n| {
        if n == 0 {
            Step::StatusWith(429, "retry-after", "2".to_owned())
        } else {
            Step::Status(200)
        }
    });
    let transport = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .rate_limit(RateLimitConfig::default().release_spacing(Duration::from_millis(250)))
        .build()
        .unwrap();
    let start = Instant::now();
    transport.send(get("website/w")).await.unwrap();
    let tasks: Vec<_> = (0..5)
        .map(|_| {
            let clone = transport.clone();
            tokio::spawn(async move { clone.send(get("website/w")).await })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap().status(), StatusCode::OK);
    }
    let calls = log.calls();
    assert_eq!(calls.len(), 6);
    assert!(calls[1].at >= start + Duration::from_secs(2));
    for pair in calls[1..].windows(2) {
        assert!(pair[1].at - pair[0].at >= Duration::from_millis(250), "{calls:#?}");
    }
}

#[tokio::test(start_paused = true)]
async fn the_pause_grows_while_the_server_keeps_refusing() {
    let (service, log) = fake(|n| if n < 2 { Step::Status(420) } else { Step::Status(200) });
    let transport = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    transport.send(get("a")).await.unwrap();
    transport.send(get("b")).await.unwrap();
    transport.send(get("c")).await.unwrap();
    let calls = log.calls();
    assert!(calls[1].at - calls[0].at >= Duration::from_secs(1));
    assert!(calls[2].at - calls[1].at >= Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn min_interval_spaces_requests() {
    let (service, log) = fake(|_| Step::Status(200));
    let transport = builder()
        .from_service(service)
        .rate_limit(RateLimitConfig::default().min_interval(Duration::from_millis(500)))
        .build()
        .unwrap();
    for _ in 0..3 {
        transport.send(get("website/w")).await.unwrap();
    }
    let calls = log.calls();
    for pair in calls.windows(2) {
        assert!(pair[1].at - pair[0].at >= Duration::from_millis(500));
    }
}

#[tokio::test(start_paused = true)]
async fn a_disabled_limiter_does_not_pause() {
    let (service, _log) = fake(|n| if n == 0 { Step::Status(429) } else { Step::Status(200) });
    let transport = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .rate_limit(RateLimitConfig::disabled())
        .build()
        .unwrap();
    transport.send(get("website/w")).await.unwrap();
    let start = Instant::now();
    transport.send(get("website/w")).await.unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
}

// ---------------------------------------------------------------- headers and layers

#[tokio::test]
async fn static_headers_are_present_and_exact() {
    let (transport, log) = transport_over(|_| Step::Status(200));
    transport.send(get("plugin/connect/account")).await.unwrap();
    let headers = &log.calls()[0].headers;
    // base64("id:key") == "aWQ6a2V5"
    assert_eq!(headers[http::header::AUTHORIZATION], "Basic aWQ6a2V5");
    assert!(headers[http::header::AUTHORIZATION].is_sensitive());
    assert_eq!(headers["x-crisp-tier"], "plugin");
    assert_eq!(
        headers[http::header::USER_AGENT],
        concat!("crisp-rs/", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(headers[http::header::ACCEPT], "application/json");
    assert_eq!(headers.get_all(http::header::AUTHORIZATION).iter().count(), 1);
}

#[tokio::test]
async fn user_agent_and_tier_follow_the_builder() {
    let (service, log) = fake(|_| Step::Status(200));
    let transport = Transport::builder(Credentials::new("id", "key"), Tier::Website)
        .user_agent("my-bot/2.0")
        .from_service(service)
        .build()
        .unwrap();
    let mut request = get("website/w");
    request
        .headers_mut()
        .insert(http::header::USER_AGENT, http::HeaderValue::from_static("caller"));
    request
        .headers_mut()
        .insert(http::header::ACCEPT, http::HeaderValue::from_static("*/*"));
    transport.send(request).await.unwrap();
    let headers = &log.calls()[0].headers;
    assert_eq!(headers[http::header::USER_AGENT], "my-bot/2.0");
    assert_eq!(headers["x-crisp-tier"], "website");
    assert_eq!(headers[http::header::ACCEPT], "*/*");
    assert_eq!(transport.tier(), Tier::Website);
    assert_eq!(transport.credentials().identifier(), "id");
}

/// A layer counting the requests it sees and the Authorization headers on them.
#[derive(Clone)]
struct Counting {
    name: &'static str,
    order: Arc<Mutex<Vec<&'static str>>>,
    seen: Arc<AtomicUsize>,
    with_auth: Arc<AtomicUsize>,
}

impl tower::Layer<HttpService> for Counting {
    type Service = CountingService;

    fn layer(&self, inner: HttpService) -> Self::Service {
        CountingService {
            layer: self.clone(),
            inner,
        }
    }
}

#[derive(Clone)]
struct CountingService {
    layer: Counting,
    inner: HttpService,
}

impl Service<Request<Body>> for CountingService {
    type Response = Response<Body>;
    type Error = TransportError;
    type Future = <HttpService as Service<Request<Body>>>::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        self.layer.seen.fetch_add(1, Ordering::SeqCst);
        self.layer.order.lock().unwrap().push(self.layer.name);
        if request.headers().contains_key(http::header::AUTHORIZATION) {
            self.layer.with_auth.fetch_add(1, Ordering::SeqCst);
        }
        self.inner.call(request)
    }
}

#[tokio::test(start_paused = true)]
async fn custom_layers_see_every_request_once_in_order() {
    let order = Arc::new(Mutex::new(Vec::new()));
    let counting = |name| Counting {
        name,
        order: Arc::clone(&order),
        seen: Arc::default(),
        with_auth: Arc::default(),
    };
    let outer = counting("outer");
    let inner = counting("inner");
    let (service, log) = fake(|n| {
        if n % 2 == 0 {
            Step::Status(503)
        } else {
            Step::Status(200)
        }
    });
    let transport = builder()
        .from_service(service)
        .layer(outer.clone())
        .layer(inner.clone())
        .build()
        .unwrap();
    for _ in 0..3 {
        transport.clone().send(get("website/w")).await.unwrap();
    }
    // Each request was attempted twice, but the layers saw it once.
    assert_eq!(log.count(), 6);
    assert_eq!(outer.seen.load(Ordering::SeqCst), 3);
    assert_eq!(inner.seen.load(Ordering::SeqCst), 3);
    assert_eq!(outer.with_auth.load(Ordering::SeqCst), 3);
    assert_eq!(
        *order.lock().unwrap(),
        ["outer", "inner", "outer", "inner", "outer", "inner"]
    );
}

#[tokio::test]
async fn the_service_handle_is_the_whole_stack() {
    use tower::ServiceExt;
    let (transport, log) = transport_over(|_| Step::Status(200));
    let response = transport.service().oneshot(get("website/w")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.into_body().as_bytes(),
        &Bytes::from_static(br#"{"error":false,"reason":"ok","data":{}}"#)
    );
    assert_eq!(log.calls()[0].headers["x-crisp-tier"], "plugin");
}

#[tokio::test]
async fn foreign_service_errors_become_service_errors() {
    #[derive(Debug)]
    struct Boom;
    impl std::fmt::Display for Boom {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("boom")
        }
    }
    impl std::error::Error for Boom {}

    let service = tower::service_fn(|_: Request<Body>| async { Err::<Response<Body>, _>(Boom) });
    let transport = builder()
        .from_service(service)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    let error = transport.send(post("website/w/conversation", "{}")).await.unwrap_err();
    assert!(matches!(error, TransportError::Service(_)));
    assert!(error.may_have_been_sent());
    assert_eq!(std::error::Error::source(&error).unwrap().to_string(), "boom");
}

#[tokio::test]
async fn an_infallible_service_works() {
    let service = tower::service_fn(|_: Request<Body>| async { Ok::<_, Infallible>(Response::new(Body::from("{}"))) });
    let transport = builder().from_service(service).build().unwrap();
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.body().as_bytes(), &Bytes::from_static(b"{}"));
}

// ---------------------------------------------------------------- builder, secrets, real leaf

#[test]
fn debug_output_never_shows_the_key() {
    let credentials = Credentials::new("id", "super-secret-key");
    let builder = Transport::builder(credentials.clone(), Tier::User);
    assert!(!format!("{builder:?}").contains("super-secret-key"));
    let transport = builder.build().unwrap();
    assert!(!format!("{transport:?}").contains("super-secret-key"));
    assert!(!format!("{credentials:?}").contains("super-secret-key"));
    assert!(format!("{credentials:?}").contains("<redacted>"));
}

#[test]
fn bad_header_values_fail_the_build() {
    let error = builder().user_agent("bad\nagent").build().unwrap_err();
    assert!(matches!(error, crisp_transport::BuildError::InvalidUserAgent));
    let error = Transport::builder(Credentials::new("a:b", "key"), Tier::User)
        .build()
        .unwrap_err();
    assert!(matches!(error, crisp_transport::BuildError::InvalidCredentials { .. }));
}

#[tokio::test(start_paused = true)]
async fn plain_http_to_a_remote_host_is_refused_before_sending() {
    let transport = builder().build().unwrap();
    let request = Request::get("http://example.invalid/v1/website/w")
        .body(Body::empty())
        .unwrap();
    let start = Instant::now();
    let error = transport.send(request).await.unwrap_err();
    match &error {
        TransportError::InsecureScheme { host } => assert_eq!(host, "example.invalid"),
        other => panic!("unexpected error: {other:?}"),
    }
    assert!(!error.may_have_been_sent());
    assert!(!error.is_connect());
    // Not retried: no backoff was slept.
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test]
async fn connection_refused_on_loopback_is_a_connect_error() {
    let transport = builder().retry(RetryConfig::disabled()).build().unwrap();
    let request = Request::get("http://127.0.0.1:1/v1/website/w")
        .body(Body::empty())
        .unwrap();
    let error = transport.send(request).await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert!(!error.may_have_been_sent());
}

#[cfg(feature = "rustls-ring")]
#[test]
fn the_tls_config_is_shareable_and_has_no_alpn() {
    let config = crisp_transport::tls::tls_client_config().unwrap();
    assert!(config.alpn_protocols.is_empty());
}
