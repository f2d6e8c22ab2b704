//! The web-hook sender: signed `POST`s shaped like Crisp's Plugin Hooks, over a
//! minimal HTTP/1.1 client (plain `http://` only, which is all a loopback
//! receiver needs), optionally with a [`HookFault`]. Signing is
//! `crisp_rtm::webhook::sign`, the same function the SDK verifies with.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use bytes::Bytes;
use crisp_rtm::webhook::{
    DELIVERY_ATTEMPT_COUNT_HEADER, DELIVERY_ATTEMPT_LIMIT_HEADER, HOOK_ORIGIN_HEADER, SIGNATURE_HEADER,
    TIMESTAMP_HEADER, sign,
};
use crisp_types::Timestamp;
use http::header::{CONTENT_TYPE, HOST};
use http_body_util::{BodyExt as _, Full};
use hyper_util::rt::TokioIo;
use serde::Serialize;
use serde_json::Value;
use tokio::net::TcpStream;
use tokio::sync::mpsc;

/// How long one delivery may take, connect to last byte of the answer.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// A fault to put into one web hook, to test that a receiver refuses it
/// ([`FakeCrisp::send_webhook_with`](crate::FakeCrisp::send_webhook_with)).
///
/// Every variant but [`Stale`](HookFault::Stale) must be answered `403` by a
/// receiver that checks signatures; a stale hook is refused only by a receiver
/// with a timestamp tolerance shorter than its age (for instance
/// `WebhookVerifier::with_tolerance` in `crisp_rtm::webhook`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HookFault {
    /// Signed correctly, then the body is changed (its `timestamp` field is
    /// one more than the signed one): the body is still valid JSON, but the
    /// signature no longer matches.
    Tampered,
    /// No `X-Crisp-Signature` and no `X-Crisp-Request-Timestamp` header (a
    /// Website Hook, or a forgery).
    Unsigned,
    /// Signed with a secret other than
    /// [`FakeCrisp::webhook_secret`](crate::FakeCrisp::webhook_secret).
    WrongKey,
    /// Signed correctly, but dated this long before now (both the
    /// `X-Crisp-Request-Timestamp` header and the body's `timestamp`).
    Stale(Duration),
}

/// The secret [`HookFault::WrongKey`] signs with.
const WRONG_KEY: &str = "not-the-fake-crisp-hook-secret";

/// The hook body, fields in Crisp's order.
#[derive(Debug, Serialize)]
struct Envelope<'a> {
    website_id: &'a str,
    event: &'a str,
    data: &'a Value,
    timestamp: u64,
}

/// One event to deliver to the targets registered when it was emitted.
#[derive(Debug)]
struct Job {
    targets: Vec<String>,
    website_id: String,
    event: String,
    data: Value,
}

/// Signs and sends hooks; queued hooks go out one at a time, in order.
#[derive(Debug, Clone)]
pub(crate) struct Webhooks {
    inner: Arc<Inner>,
}

struct Inner {
    secret: String,
    /// `plugin/rtm <plugin_id> development`.
    hook_origin: String,
    targets: Mutex<Vec<String>>,
    queue: mpsc::UnboundedSender<Job>,
}

impl Webhooks {
    /// A sender and the worker future that delivers queued hooks (spawn it).
    pub(crate) fn new(secret: String, plugin_id: &str) -> (Self, impl Future<Output = ()> + Send + 'static) {
        let (queue, jobs) = mpsc::unbounded_channel();
        let inner = Arc::new(Inner {
            secret,
            hook_origin: format!("plugin/rtm {plugin_id} development"),
            targets: Mutex::new(Vec::new()),
            queue,
        });
        let worker = worker(Arc::downgrade(&inner), jobs);
        (Self { inner }, worker)
    }

    fn targets(&self) -> MutexGuard<'_, Vec<String>> {
        self.inner
            .targets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The signing secret.
    pub(crate) fn secret(&self) -> &str {
        &self.inner.secret
    }

    /// Registers a URL that gets every event queued from now on.
    pub(crate) fn add_target(&self, url: String) {
        self.targets().push(url);
    }

    /// Queues `event` for every registered target (nothing when there is none).
    pub(crate) fn enqueue(&self, website_id: &str, event: &str, data: &Value) {
        let targets = self.targets().clone();
        if targets.is_empty() {
            return;
        }
        let _ = self.inner.queue.send(Job {
            targets,
            website_id: website_id.to_owned(),
            event: event.to_owned(),
            data: data.clone(),
        });
    }

    /// Sends one hook now, signed unless `fault` says otherwise, and returns
    /// the answer's status.
    pub(crate) async fn send(
        &self,
        url: &str,
        website_id: &str,
        event: &str,
        data: &Value,
        fault: Option<HookFault>,
    ) -> std::io::Result<u16> {
        deliver(
            &self.inner.secret,
            &self.inner.hook_origin,
            url,
            Hook {
                website_id,
                event,
                data,
                fault,
            },
        )
        .await
    }
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhooks")
            .field("secret", &"<redacted>")
            .field("hook_origin", &self.hook_origin)
            .field("targets", &self.targets)
            .finish_non_exhaustive()
    }
}

/// Sends one web hook to `url` (`http://` only) the way Crisp (and the fake's
/// own sender) does: the Plugin Hook body `{website_id, event, data,
/// timestamp}`, `X-Crisp-Request-Timestamp`, and `X-Crisp-Signature` over the
/// raw body with `secret` (crisp-rtm's signer). Returns the answer's status.
///
/// This is how `crisp hooks forward` re-sends live RTM events to a local
/// receiver.
///
/// # Errors
///
/// An I/O error when `url` is not an `http://` URL or the receiver cannot be
/// reached.
pub async fn deliver_webhook(
    url: &str,
    secret: &str,
    hook_origin: &str,
    website_id: &str,
    event: &str,
    data: &Value,
) -> std::io::Result<u16> {
    deliver(
        secret,
        hook_origin,
        url,
        Hook {
            website_id,
            event,
            data,
            fault: None,
        },
    )
    .await
}

/// Delivers queued jobs in order until the sender is gone.
async fn worker(inner: std::sync::Weak<Inner>, mut jobs: mpsc::UnboundedReceiver<Job>) {
    while let Some(job) = jobs.recv().await {
        let Some(inner) = inner.upgrade() else {
            return;
        };
        for url in &job.targets {
            let sent = deliver(
                &inner.secret,
                &inner.hook_origin,
                url,
                Hook {
                    website_id: &job.website_id,
                    event: &job.event,
                    data: &job.data,
                    fault: None,
                },
            )
            .await;
            if let Err(error) = sent {
                tracing::debug!(%error, url, event = job.event, "crisp-mock: web hook not delivered");
            }
        }
    }
}

fn invalid_input(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message.to_owned())
}

/// What to send in one hook.
struct Hook<'a> {
    website_id: &'a str,
    event: &'a str,
    data: &'a Value,
    fault: Option<HookFault>,
}

/// POSTs one hook to `url` (`http://host[:port]/path`), signed unless its
/// fault says otherwise.
async fn deliver(secret: &str, hook_origin: &str, url: &str, hook: Hook<'_>) -> std::io::Result<u16> {
    let Hook {
        website_id,
        event,
        data,
        fault,
    } = hook;
    let uri: http::Uri = url.parse().map_err(|_| invalid_input("invalid web hook URL"))?;
    if uri.scheme_str() != Some("http") {
        return Err(invalid_input("web hook URLs must be http://"));
    }
    let authority = uri
        .authority()
        .ok_or_else(|| invalid_input("web hook URL without host"))?
        .clone();
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let port = authority.port_u16().unwrap_or(80);
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();

    let mut timestamp = Timestamp::now().as_millis();
    if let Some(HookFault::Stale(age)) = fault {
        timestamp = timestamp.saturating_sub(u64::try_from(age.as_millis()).unwrap_or(u64::MAX));
    }
    let envelope = |timestamp| {
        serde_json::to_vec(&Envelope {
            website_id,
            event,
            data,
            timestamp,
        })
        .map_err(std::io::Error::other)
    };
    let signed_body = envelope(timestamp)?;
    let header_timestamp = timestamp.to_string();
    let key = if fault == Some(HookFault::WrongKey) {
        WRONG_KEY
    } else {
        secret
    };
    let signature = sign(key.as_bytes(), &header_timestamp, &signed_body);
    let body = if fault == Some(HookFault::Tampered) {
        envelope(timestamp.wrapping_add(1))?
    } else {
        signed_body
    };
    let mut request = http::Request::post(path)
        .header(HOST, authority.as_str())
        .header(CONTENT_TYPE, "application/json");
    if fault != Some(HookFault::Unsigned) {
        request = request
            .header(TIMESTAMP_HEADER, &header_timestamp)
            .header(SIGNATURE_HEADER, signature);
    }
    let request = request
        .header(HOOK_ORIGIN_HEADER, hook_origin)
        .header(DELIVERY_ATTEMPT_LIMIT_HEADER, "1")
        .header(DELIVERY_ATTEMPT_COUNT_HEADER, "1")
        .body(Full::new(Bytes::from(body)))
        .map_err(std::io::Error::other)?;

    let exchange = async {
        let stream = TcpStream::connect((host.as_str(), port)).await?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(std::io::Error::other)?;
        let connection = tokio::spawn(connection);
        let result = async {
            let response = sender.send_request(request).await.map_err(std::io::Error::other)?;
            let status = response.status().as_u16();
            // Read the answer to its end so the receiver sees a clean exchange.
            let _ = response.into_body().collect().await;
            Ok(status)
        }
        .await;
        connection.abort();
        result
    };
    tokio::time::timeout(DELIVERY_TIMEOUT, exchange)
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "web hook delivery timed out"))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_test_vectors() {
        let body = r#"{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f","type":"text","content":"Hey :)","from":"user","origin":"chat","stamped":true,"timestamp":1506985696616,"fingerprint":150698569649423},"timestamp":1506985696616}"#;
        assert_eq!(body.len(), 357);
        assert_eq!(
            sign(b"crisp-test-secret", "1700000000123", body.as_bytes()),
            "09f2fbda34e32c7fbaa6e5e7fb8888b67c41eba0decd30a8c90642ecee644bdf"
        );
        let non_ascii = r#"{"website_id":"w1","event":"message:send","data":{"content":"héllo ✓"},"timestamp":1}"#;
        assert_eq!(
            sign(b"crisp-test-secret", "1700000000123", non_ascii.as_bytes()),
            "4d299032c98855410edb5c58d31c8dfb87eb5ff7df1fed20d1826e1bc624a35b"
        );
    }

    #[test]
    fn envelope_is_compact_and_ordered() {
        let data = serde_json::json!({"b": 1, "a": 2});
        let body = serde_json::to_string(&Envelope {
            website_id: "w",
            event: "message:send",
            data: &data,
            timestamp: 5,
        })
        .unwrap();
        assert!(
            body.starts_with(r#"{"website_id":"w","event":"message:send","data":{"#),
            "{body}"
        );
        assert!(body.ends_with(r#"},"timestamp":5}"#), "{body}");
    }

    #[test]
    fn debug_hides_the_secret() {
        let (hooks, _worker) = Webhooks::new("very-secret".into(), "p");
        assert!(!format!("{hooks:?}").contains("very-secret"));
    }

    #[tokio::test]
    async fn rejects_non_http_urls() {
        let (hooks, _worker) = Webhooks::new("s".into(), "p");
        let data = Value::Null;
        for url in ["https://127.0.0.1/x", "not a url", "/relative"] {
            let error = hooks.send(url, "w", "e", &data, None).await.unwrap_err();
            assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{url}");
        }
    }
}
