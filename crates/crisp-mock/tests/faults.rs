//! The fault queue: statuses, custom responses, delays and dropped connections.

mod common;

use std::io;
use std::time::{Duration, Instant};

use common::{plugin, send_raw};
use crisp_mock::FakeCrisp;
use serde_json::json;

#[tokio::test]
async fn statuses_are_consumed_in_order() {
    let fake = FakeCrisp::start().await.unwrap();
    let faults = fake.faults();
    faults.respond_with_status(503, 1);
    faults.respond_with_status(429, 2);
    assert_eq!(faults.pending(), 3);

    let mut seen = Vec::new();
    for _ in 0..4 {
        let response = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap();
        seen.push((
            response.status,
            response.json()["reason"].as_str().unwrap_or_default().to_owned(),
        ));
    }
    assert_eq!(
        seen,
        [
            (503, "server_error".to_owned()),
            (429, "rate_limited".to_owned()),
            (429, "rate_limited".to_owned()),
            (200, "resolved".to_owned()),
        ]
    );
    assert_eq!(faults.pending(), 0);
    // Faulted requests are recorded too.
    let paths: Vec<String> = fake.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths, vec!["/v1/plugin/connect/account".to_owned(); 4]);
}

#[tokio::test]
async fn faulted_requests_are_not_processed() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    fake.faults().respond_with_status(500, 1);
    let response = plugin(
        &fake,
        "POST",
        &format!("website/{website}/conversation"),
        Some(json!({})),
    )
    .await
    .unwrap();
    assert_eq!(response.status, 500);
    assert_eq!(response.text(), r#"{"error":true,"reason":"server_error","data":{}}"#);
    let list = plugin(&fake, "GET", &format!("website/{website}/conversations/1"), None)
        .await
        .unwrap();
    assert_eq!(list.json()["data"], json!([]));
}

#[tokio::test]
async fn faults_apply_before_authentication() {
    let fake = FakeCrisp::start().await.unwrap();
    fake.faults().respond_with_status(502, 1);
    let response = send_raw(fake.addr(), "GET", "/v1/plugin/connect/account", &[], None)
        .await
        .unwrap();
    assert_eq!(response.status, 502);
}

#[tokio::test]
async fn custom_responses_are_sent_verbatim() {
    let fake = FakeCrisp::start().await.unwrap();
    let faults = fake.faults();
    faults.respond_with(
        429,
        vec![
            ("Retry-After".to_owned(), "3".to_owned()),
            ("X-Custom".to_owned(), "yes".to_owned()),
        ],
        r#"{"error":true,"reason":"rate_limited","data":{}}"#.to_owned(),
        1,
    );
    faults.respond_with(
        502,
        vec![("Content-Type".to_owned(), "text/html".to_owned())],
        "<html>Bad Gateway</html>".to_owned(),
        1,
    );
    faults.respond_with(
        200,
        vec![("Content-Type".to_owned(), "application/json".to_owned())],
        "{\"error\":fal".to_owned(),
        1,
    );

    let limited = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap();
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("retry-after"), Some("3"));
    assert_eq!(limited.header("x-custom"), Some("yes"));
    assert_eq!(limited.header("content-type"), None);
    assert_eq!(limited.text(), r#"{"error":true,"reason":"rate_limited","data":{}}"#);

    let gateway = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap();
    assert_eq!(gateway.status, 502);
    assert_eq!(gateway.header("content-type"), Some("text/html"));
    assert_eq!(gateway.text(), "<html>Bad Gateway</html>");

    let malformed = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap();
    assert_eq!(malformed.status, 200);
    assert_eq!(malformed.text(), "{\"error\":fal");

    assert_eq!(
        plugin(&fake, "GET", "plugin/connect/account", None)
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn delayed_responses_are_still_processed() {
    let fake = FakeCrisp::start().await.unwrap();
    let delay = Duration::from_millis(150);
    fake.faults().delay_responses(delay, 1);
    let started = Instant::now();
    let response = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap();
    // A lower bound only: sleeping guarantees at least the delay.
    assert!(started.elapsed() >= delay);
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["data"]["plugin_id"], fake.plugin_id().as_str());

    // A client with a shorter timeout gives up.
    fake.faults().delay_responses(Duration::from_secs(30), 1);
    let timed_out = tokio::time::timeout(
        Duration::from_millis(50),
        plugin(&fake, "GET", "plugin/connect/account", None),
    )
    .await;
    assert!(timed_out.is_err());
}

#[tokio::test]
async fn dropped_connections_get_no_response() {
    let fake = FakeCrisp::start().await.unwrap();
    fake.faults().drop_connections(2);
    for _ in 0..2 {
        let error = plugin(&fake, "GET", "plugin/connect/account", None).await.unwrap_err();
        assert!(
            matches!(
                error.kind(),
                io::ErrorKind::UnexpectedEof | io::ErrorKind::ConnectionReset
            ),
            "unexpected error {error:?}"
        );
    }
    // The dropped requests were read and recorded.
    let recorded = fake.requests();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[1].path, "/v1/plugin/connect/account");
    assert_eq!(
        plugin(&fake, "GET", "plugin/connect/account", None)
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn clear_forgets_queued_faults() {
    let fake = FakeCrisp::start().await.unwrap();
    let faults = fake.faults();
    faults.respond_with_status(500, 3);
    faults.drop_connections(1);
    faults.clear();
    assert_eq!(faults.pending(), 0);
    assert_eq!(
        plugin(&fake, "GET", "plugin/connect/account", None)
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn dropping_the_fake_stops_the_server() {
    let fake = FakeCrisp::start().await.unwrap();
    let addr = fake.addr();
    assert_eq!(
        plugin(&fake, "GET", "plugin/connect/account", None)
            .await
            .unwrap()
            .status,
        200
    );
    drop(fake);
    // The accept task is aborted; wait (bounded) for the listener to close.
    let mut refused = false;
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refused, "the listener should be closed after drop");
}
