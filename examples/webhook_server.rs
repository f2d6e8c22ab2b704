//! Receive Crisp Web Hooks with axum.
//!
//! Mounts a [`WebhookReceiver`] at `/hooks/crisp`: it checks each hook's
//! signature over the raw body, parses it into a typed event, answers Crisp at
//! once and hands the event to this program through a channel.
//!
//! ```text
//! cargo run -p crisp --example webhook_server
//! ```
//!
//! - With `CRISP_WEBHOOK_SECRET` set (the Plugin Hook signing secret from the
//!   Crisp Marketplace), it serves on `CRISP_WEBHOOK_ADDR` (default
//!   `127.0.0.1:8080`) and prints every hook until stopped with Ctrl-C.
//! - Without it, it runs offline: it starts the fake Crisp from `crisp-mock`,
//!   has it send signed hooks to the server, prints the verified events, shows
//!   a tampered hook being refused with 403, and exits.

use std::error::Error;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crisp::rtm::webhook::{ReceivedHook, WebhookReceiver, WebhookVerifier, sign};
use crisp::types::event::Event;
use crisp::types::message::MessageContent;
use serde_json::json;
use tokio::sync::mpsc;

type BoxError = Box<dyn Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    match std::env::var("CRISP_WEBHOOK_SECRET") {
        Ok(secret) if !secret.is_empty() => serve(secret).await,
        _ => offline_demo().await,
    }
}

/// Serves until the process is stopped.
async fn serve(secret: String) -> Result<(), BoxError> {
    let addr = std::env::var("CRISP_WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_owned());
    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(secret)).channel(256);
    let app = axum::Router::new().route_service("/hooks/crisp", receiver);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!(
        "listening on http://{}/hooks/crisp (Ctrl-C to stop)",
        listener.local_addr()?
    );

    tokio::spawn(async move {
        while let Some(hook) = hooks.recv().await {
            print_hook(&hook);
        }
    });
    axum::serve(listener, app).await?;
    Ok(())
}

/// Runs against the fake Crisp, then exits.
pub(crate) async fn offline_demo() -> Result<(), BoxError> {
    println!("CRISP_WEBHOOK_SECRET is not set: running against the fake Crisp (crisp-mock)");
    let fake = crisp_mock::FakeCrisp::start().await?;
    let secret = fake.webhook_secret();

    let (receiver, mut hooks) = WebhookReceiver::builder(WebhookVerifier::new(secret.clone())).channel(16);
    let app = axum::Router::new().route_service("/hooks/crisp", receiver);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    let url = format!("http://{addr}/hooks/crisp");
    println!("listening on {url}");

    // Signed hooks, as Crisp sends them.
    let website_id = fake.website_id();
    let session_id = fake.add_conversation(&website_id);
    let sends = [
        (
            "message:send",
            json!({
                "website_id": website_id.as_str(),
                "session_id": session_id.as_str(),
                "type": "text",
                "content": "Hello from the fake Crisp \u{2713}",
                "from": "user",
                "origin": "chat",
                "fingerprint": 1,
            }),
        ),
        (
            "session:set_state",
            json!({"website_id": website_id.as_str(), "session_id": session_id.as_str(), "state": "resolved"}),
        ),
    ];
    for (event, data) in sends {
        let status = fake.send_webhook(&url, event, data).await?;
        println!("fake Crisp sent a signed `{event}` hook: answered {status}");
        print_hook(&next_hook(&mut hooks).await?);
    }

    // A hook whose body was changed after signing.
    let body = format!(
        r#"{{"website_id":"{website_id}","event":"message:send","data":{{"type":"text","content":"pay me"}},"timestamp":1}}"#
    );
    let timestamp = "1700000000123";
    let signature = sign(secret.as_bytes(), timestamp, body.as_bytes());
    let tampered = body.replace("pay me", "pay me twice");
    let status = post_raw(addr, timestamp, &signature, tampered.into_bytes()).await?;
    println!("tampered hook: answered {status} (expected 403)");
    if status != 403 {
        return Err(format!("the tampered hook was answered {status}, not 403").into());
    }
    if hooks.try_recv().is_ok() {
        return Err("the tampered hook was delivered".into());
    }
    println!("done");
    Ok(())
}

/// Waits for the next hook handed over by the receiver.
async fn next_hook(hooks: &mut mpsc::Receiver<ReceivedHook>) -> Result<ReceivedHook, BoxError> {
    match tokio::time::timeout(Duration::from_secs(10), hooks.recv()).await {
        Ok(Some(hook)) => Ok(hook),
        Ok(None) => Err("the receiver stopped".into()),
        Err(_) => Err("no hook within 10 s".into()),
    }
}

/// Prints one hook.
fn print_hook(hook: &ReceivedHook) {
    let session = hook.event.session_id().map_or("-", |id| id.as_str());
    let checked = if hook.verified { "verified" } else { "UNSIGNED" };
    match &hook.event {
        Event::MessageSend(sent) | Event::MessageReceived(sent) => match &sent.message.content {
            MessageContent::Text(text) => {
                println!("  [{checked}] {} in {session}: {text:?}", hook.event.name());
            }
            other => println!(
                "  [{checked}] {} in {session}: a {} message",
                hook.event.name(),
                other.kind()
            ),
        },
        Event::SessionSetState(set) => {
            println!("  [{checked}] {} in {session}: {:?}", hook.event.name(), set.state);
        }
        Event::Unknown { name, data } => println!("  [{checked}] unknown event {name}: {data}"),
        other => println!("  [{checked}] {} in {session}", other.name()),
    }
}

/// POSTs a hand-built hook over a plain TCP connection and returns the
/// answer's status.
async fn post_raw(addr: SocketAddr, timestamp: &str, signature: &str, body: Vec<u8>) -> Result<u16, BoxError> {
    let head = format!(
        "POST /hooks/crisp HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         X-Crisp-Request-Timestamp: {timestamp}\r\nX-Crisp-Signature: {signature}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let answer = tokio::task::spawn_blocking(move || -> std::io::Result<String> {
        let mut stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        stream.write_all(head.as_bytes())?;
        stream.write_all(&body)?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer)
    })
    .await??;
    answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("not an HTTP answer: {answer:?}").into())
}
