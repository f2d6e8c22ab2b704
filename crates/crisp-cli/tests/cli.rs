//! Runs the built `crisp` binary against a fake Crisp started in the test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use crisp_mock::FakeCrisp;
use crisp_types::Tier;

/// Runs `crisp` with a plugin token of `fake` (or `key` instead of its key).
async fn crisp(base_url: &str, identifier: &str, key: &str, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisp"));
    command
        .env("CRISP_TOKEN_IDENTIFIER", identifier)
        .env("CRISP_TOKEN_KEY", key)
        .env("CRISP_TIER", "plugin")
        .arg("--api-url")
        .arg(base_url)
        .args(args);
    tokio::task::spawn_blocking(move || command.output().expect("run crisp"))
        .await
        .expect("join")
}

async fn with_fake(fake: &FakeCrisp, args: &[&str]) -> Output {
    let token = fake.token(Tier::Plugin);
    crisp(&fake.base_url(), &token.identifier, &token.key, args).await
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_names_every_method() {
    let output = crisp("http://127.0.0.1:1/v1/", "", "", &["call", "--list"]).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("get_conversation"));
    assert!(text.contains("website/{website_id}/conversation/{session_id}"));
    assert!(text.contains("deprecated"));
    assert_eq!(text.lines().count(), crisp_rest_count());
}

fn crisp_rest_count() -> usize {
    crisp::rest::endpoints().count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_conversation_prints_json() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let output = with_fake(
        &fake,
        &[
            "call",
            "website",
            "get_conversation",
            "--website-id",
            website.as_str(),
            "--session-id",
            session.as_str(),
        ],
    )
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["session_id"], session.as_str());
    assert_eq!(value["website_id"], website.as_str());
    // Pretty by default, compact with --json.
    assert!(stdout(&output).lines().count() > 1);
    let compact = with_fake(
        &fake,
        &[
            "call",
            "website",
            "get_conversation",
            "--website-id",
            website.as_str(),
            "--session-id",
            session.as_str(),
            "--json",
        ],
    )
    .await;
    assert_eq!(stdout(&compact).lines().count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_token_fails_with_the_crisp_reason() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let token = fake.token(Tier::Plugin);
    let output = crisp(
        &fake.base_url(),
        &token.identifier,
        "not-the-key",
        &[
            "--verbose",
            "call",
            "website",
            "get_website",
            "--website-id",
            website.as_str(),
        ],
    )
    .await;
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(error.contains("get_website"), "{error}");
    assert!(error.contains("401"), "{error}");
    assert!(error.contains("invalid_session"), "{error}");
    assert!(!error.contains("not-the-key"), "the key leaked: {error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_method_lists_close_names() {
    let fake = FakeCrisp::start().await.unwrap();
    let output = with_fake(&fake, &["call", "website", "get_conversaton", "--website-id", "w"]).await;
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(error.contains("unknown method"), "{error}");
    assert!(error.contains("get_conversation"), "{error}");
    assert!(fake.requests().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_query_key_is_refused() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let output = with_fake(
        &fake,
        &[
            "call",
            "website",
            "list_conversations",
            "--website-id",
            website.as_str(),
            "--page-number",
            "1",
            "--query",
            "nope=1",
        ],
    )
    .await;
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no query option `nope`"),
        "{}",
        stderr(&output)
    );
    assert!(fake.requests().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_down_is_a_connect_error() {
    // Take a free port, then let it go: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let output = crisp(
        &format!("http://127.0.0.1:{port}/v1/"),
        "identifier",
        "key",
        &["call", "website", "get_website", "--website-id", "w"],
    )
    .await;
    assert!(!output.status.success());
    let error = stderr(&output).to_lowercase();
    assert!(error.contains("connect"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_pages_returns_every_conversation() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let mut sessions: Vec<String> = (0..45)
        .map(|_| fake.add_conversation(&website).as_str().to_owned())
        .collect();
    let output = with_fake(
        &fake,
        &[
            "call",
            "website",
            "list_conversations",
            "--website-id",
            website.as_str(),
            "--all-pages",
            "--json",
        ],
    )
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let mut seen: Vec<String> = stdout(&output)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["session_id"].as_str().unwrap().to_owned()
        })
        .collect();
    seen.sort();
    sessions.sort();
    assert_eq!(seen, sessions);
    let pages = fake
        .requests()
        .iter()
        .filter(|request| request.path.contains("/conversations/"))
        .count();
    assert!(pages >= 3, "only {pages} pages requested");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mock_reports_a_busy_port() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let output = crisp("http://127.0.0.1:1/v1/", "", "", &["mock", "--port", &port]).await;
    assert!(!output.status.success());
    assert!(stderr(&output).contains("cannot bind"), "{}", stderr(&output));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_prints_ndjson() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let fake = FakeCrisp::start().await.unwrap();
    let token = fake.token(Tier::Plugin);
    let mut child = Command::new(env!("CARGO_BIN_EXE_crisp"))
        .env("CRISP_TOKEN_IDENTIFIER", &token.identifier)
        .env("CRISP_TOKEN_KEY", &token.key)
        .args([
            "--api-url",
            &fake.base_url(),
            "events",
            "--events",
            "message:send",
            "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr_pipe = child.stderr.take().unwrap();
    let stdout_pipe = child.stdout.take().unwrap();
    // Wait for the client to authenticate (state changes go to stderr).
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
            if line.contains("uthenticated") {
                let _ = ready_tx.send(());
            }
        }
    });
    let ready = tokio::task::spawn_blocking(move || ready_rx.recv_timeout(std::time::Duration::from_secs(20)))
        .await
        .unwrap();
    if ready.is_err() {
        let _ = child.kill();
        panic!("the RTM client did not authenticate");
    }
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "hello from the test");
    let line = tokio::task::spawn_blocking(move || {
        let line = BufReader::new(stdout_pipe).lines().next();
        let _ = child.kill();
        let _ = child.wait();
        line
    });
    let line = tokio::time::timeout(std::time::Duration::from_secs(20), line)
        .await
        .expect("an event within 20 s")
        .unwrap()
        .unwrap()
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(value["event"], "message:send");
    assert_eq!(value["data"]["session_id"], session.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hooks_forward_delivers_signed_hooks_to_a_local_receiver() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    // A local receiver that answers 200 and hands over the raw request.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let receiver = listener.local_addr().unwrap();
    let (request_tx, request_rx) = tokio::sync::oneshot::channel::<Vec<u8>>();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buffer = [0_u8; 4096];
        loop {
            let read = socket.read(&mut buffer).await.unwrap();
            request.extend_from_slice(&buffer[..read]);
            let text = String::from_utf8_lossy(&request).to_lowercase();
            if let Some(end) = text.find("\r\n\r\n") {
                let length: usize = text
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .map_or(0, |value| value.trim().parse().unwrap());
                if request.len() >= end + 4 + length || read == 0 {
                    break;
                }
            }
        }
        socket
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            .await
            .unwrap();
        let _ = request_tx.send(request);
    });

    let fake = FakeCrisp::start().await.unwrap();
    let token = fake.token(Tier::Plugin);
    let mut child = Command::new(env!("CARGO_BIN_EXE_crisp"))
        .env("CRISP_TOKEN_IDENTIFIER", &token.identifier)
        .env("CRISP_TOKEN_KEY", &token.key)
        .env("CRISP_WEBHOOK_SECRET", "forwarding-secret")
        .args([
            "--api-url",
            &fake.base_url(),
            "hooks",
            "forward",
            "--to",
            &format!("http://{receiver}/hook"),
            "--events",
            "message:send",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let relay = fake.relay();
    let started = std::time::Instant::now();
    while relay.authenticated_sockets() == 0 {
        assert!(started.elapsed().as_secs() < 20, "the RTM client did not authenticate");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "forward me");

    let request = tokio::time::timeout(std::time::Duration::from_secs(20), request_rx)
        .await
        .expect("a hook arrives")
        .unwrap();
    let stdout_pipe = child.stdout.take().unwrap();
    let line = tokio::task::spawn_blocking(move || {
        let line = BufReader::new(stdout_pipe).lines().next();
        let _ = child.kill();
        let _ = child.wait();
        line
    })
    .await
    .unwrap()
    .unwrap()
    .unwrap();
    assert!(line.starts_with("message:send -> 200 in "), "{line}");

    let text = String::from_utf8(request).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let header = |name: &str| {
        head.lines()
            .find_map(|line| {
                let (key, value) = line.split_once(':')?;
                key.eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
            })
            .unwrap_or_else(|| panic!("no {name} header in {head}"))
    };
    assert!(head.starts_with("POST /hook HTTP/1.1"), "{head}");
    let timestamp = header("X-Crisp-Request-Timestamp");
    let signature = header("X-Crisp-Signature");
    crisp::rtm::webhook::verify_signature(b"forwarding-secret", &timestamp, body.as_bytes(), &signature)
        .expect("the signature is over the raw body with the given secret");
    let hook: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(hook["event"], "message:send");
    assert_eq!(hook["website_id"], website.as_str());
    assert_eq!(hook["data"]["content"], "forward me");
}
