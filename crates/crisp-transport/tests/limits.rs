//! Bounds on a call: the deadline of the whole call, attempt numbers in
//! timeout errors, and the response size limit (over a scripted service and
//! over a real loopback server that sends oversized answers).

#![allow(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] functions panic on broken fixtures"
)]

use std::time::Duration;

use crisp_transport::{Body, Credentials, RequestOptions, RetryConfig, Tier, Transport, TransportError};
use http::Request;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

mod support;

use support::{Step, builder, fake, get, post, transport_over};

#[tokio::test(start_paused = true)]
async fn the_deadline_bounds_every_attempt_and_wait() {
    let (service, log) = fake(|_| Step::Hang);
    let transport = builder()
        .from_service(service)
        .timeout(Duration::from_secs(10))
        .deadline(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = tokio::time::Instant::now();
    let error = transport.send(get("website/w")).await.unwrap_err();
    assert!(
        matches!(error, TransportError::Deadline { attempts: 1, .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "no answer within the 5 s deadline (1 attempt(s) made)"
    );
    assert!(error.is_timeout());
    assert_eq!(started.elapsed(), Duration::from_secs(5));
    assert_eq!(log.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_request_can_set_its_own_deadline() {
    let (service, _log) = fake(|_| Step::Hang);
    let transport = builder().from_service(service).build().unwrap();
    let mut request = get("website/w");
    request
        .extensions_mut()
        .insert(RequestOptions::new("get_website").with_deadline(Duration::from_millis(250)));
    let started = tokio::time::Instant::now();
    let error = transport.send(request).await.unwrap_err();
    assert!(matches!(error, TransportError::Deadline { .. }), "{error:?}");
    assert_eq!(started.elapsed(), Duration::from_millis(250));
}

#[tokio::test(start_paused = true)]
async fn no_retry_wait_is_started_past_the_deadline() {
    // 503 with Retry-After 20 s: within max_retry_after (60 s) but past the
    // 10 s deadline, so the 503 comes back at once.
    let (service, log) = fake(|_| Step::StatusWith(503, "retry-after", "20".to_owned()));
    let transport = builder()
        .from_service(service)
        .deadline(Duration::from_secs(10))
        .build()
        .unwrap();
    let started = tokio::time::Instant::now();
    let response = transport.send(get("website/w")).await.unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(log.count(), 1);
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn timeouts_say_which_attempt_timed_out() {
    let (service, log) = fake(|_| Step::Hang);
    let transport = builder()
        .from_service(service)
        .timeout(Duration::from_secs(2))
        .retry(
            RetryConfig::default()
                .max_attempts(3)
                .base_delay(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    let error = transport.send(get("website/w")).await.unwrap_err();
    assert_eq!(error.to_string(), "timed out after 2 s (attempt 3 of 3)");
    assert_eq!(log.count(), 3);
    // A POST is not retried after a timeout: attempt 1 of 3.
    let error = transport.send(post("website/w/conversation", "{}")).await.unwrap_err();
    assert_eq!(error.to_string(), "timed out after 2 s (attempt 1 of 3)");
}

#[tokio::test]
async fn an_oversized_answer_of_a_custom_service_is_refused_and_not_retried() {
    let (transport, log) = transport_over(|_| Step::Status(200));
    let small = builder()
        .from_service(fake(|_| Step::Status(200)).0)
        .max_response_size(8)
        .build()
        .unwrap();
    assert!(transport.send(get("website/w")).await.is_ok());
    let error = small.send(get("website/w")).await.unwrap_err();
    assert!(
        matches!(error, TransportError::ResponseTooLarge { limit: 8, .. }),
        "{error:?}"
    );
    assert_eq!(log.count(), 1);
}

/// A loopback server that answers each connection with `head`, then writes
/// `body_chunk` `chunks` times (or until the client goes away).
async fn oversized_server(head: &'static str, body_chunk: usize, chunks: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = [0_u8; 4096];
                let _ = socket.read(&mut request).await;
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b'x'; body_chunk];
                for _ in 0..chunks {
                    if socket.write_all(&chunk).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{addr}/v1/website/w")
}

fn real_transport(limit: usize) -> Transport {
    Transport::builder(Credentials::new("id", "key"), Tier::Plugin)
        .max_response_size(limit)
        .retry(RetryConfig::default().base_delay(Duration::from_millis(1)))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_declared_oversized_body_is_refused_before_it_is_read() {
    let url = oversized_server(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 209715200\r\n\r\n",
        0,
        0,
    )
    .await;
    let request = Request::get(url).body(Body::empty()).unwrap();
    let error = real_transport(1024 * 1024).send(request).await.unwrap_err();
    assert!(
        matches!(
            error,
            TransportError::ResponseTooLarge {
                limit: 1_048_576,
                declared: Some(209_715_200)
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "the response is larger than the 1048576-byte limit (Content-Length: 209715200)"
    );
}

#[tokio::test]
async fn a_chunked_body_that_grows_past_the_limit_is_cut_off() {
    // 64 KiB chunks, 64 MiB in all, chunked: refused once 1 MiB is read.
    let url = oversized_server(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n",
        64 * 1024,
        1024,
    )
    .await;
    let request = Request::get(url).body(Body::empty()).unwrap();
    let error = real_transport(1024 * 1024).send(request).await.unwrap_err();
    assert!(
        matches!(
            error,
            TransportError::ResponseTooLarge {
                limit: 1_048_576,
                declared: None
            }
        ),
        "{error:?}"
    );
    assert!(error.may_have_been_sent());
}

#[tokio::test]
async fn connection_refused_names_the_address() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let transport = Transport::builder(Credentials::new("id", "key"), Tier::Plugin)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    let request = Request::get(format!("http://{addr}/v1/website/w"))
        .body(Body::empty())
        .unwrap();
    let error = transport.send(request).await.unwrap_err();
    assert_eq!(error.to_string(), format!("connection to {addr} refused"));
}

#[tokio::test]
async fn https_is_set_up_on_first_use_and_a_failed_handshake_is_a_connect_error() {
    // A listener that accepts and hangs up: the TLS handshake cannot finish.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            drop(socket);
        }
    });
    let transport = Transport::builder(Credentials::new("id", "key"), Tier::Plugin)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    for _ in 0..2 {
        let request = Request::get(format!("https://{addr}/v1/website/w"))
            .body(Body::empty())
            .unwrap();
        let error = transport.send(request).await.unwrap_err();
        assert!(error.is_connect(), "{error:?}");
        assert!(!error.may_have_been_sent());
    }
}
