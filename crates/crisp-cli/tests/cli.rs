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
