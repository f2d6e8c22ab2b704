//! The scripted fake leaf service and request helpers shared by the stack
//! tests.

#![allow(dead_code, reason = "each test binary uses a different subset")]
#![allow(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] functions panic on broken fixtures"
)]

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use crisp_transport::{Body, Credentials, Tier, Transport, TransportError};
use http::{HeaderMap, Method, Request, Response, StatusCode};
use tokio::time::Instant;
use tower::Service;

/// What the fake does for one call.
pub(crate) enum Step {
    Status(u16),
    StatusWith(u16, &'static str, String),
    Hang,
    Fail(TransportError),
}

/// One request as the fake leaf saw it.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) method: Method,
    pub(crate) uri: String,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) at: Instant,
}

#[derive(Clone, Default)]
pub(crate) struct Log(pub(crate) Arc<Mutex<Vec<Seen>>>);

impl Log {
    pub(crate) fn calls(&self) -> Vec<Seen> {
        self.0.lock().unwrap().clone()
    }

    pub(crate) fn count(&self) -> usize {
        self.0.lock().unwrap().len()
    }
}

/// A fake leaf answering call number `n` (from 0) with `script(n)`.
pub(crate) fn fake<F>(
    script: F,
) -> (
    impl Service<Request<Body>, Response = Response<Body>, Error = TransportError, Future = impl Send + 'static>
    + Clone
    + Send
    + Sync
    + 'static,
    Log,
)
where
    F: Fn(usize) -> Step + Send + Sync + 'static,
{
    let log = Log::default();
    let script = Arc::new(script);
    let recorder = log.clone();
    let service = tower::service_fn(move |request: Request<Body>| {
        let (parts, body) = request.into_parts();
        let index = {
            let mut calls = recorder.0.lock().unwrap();
            calls.push(Seen {
                method: parts.method.clone(),
                uri: parts.uri.to_string(),
                headers: parts.headers.clone(),
                body: body.into_bytes(),
                at: Instant::now(),
            });
            calls.len() - 1
        };
        let step = script(index);
        async move {
            let (status, header) = match step {
                Step::Status(status) => (status, None),
                Step::StatusWith(status, name, value) => (status, Some((name, value))),
                Step::Hang => std::future::pending().await,
                Step::Fail(error) => return Err(error),
            };
            let mut response = Response::new(Body::from(r#"{"error":false,"reason":"ok","data":{}}"#));
            *response.status_mut() = StatusCode::from_u16(status).unwrap();
            if let Some((name, value)) = header {
                response
                    .headers_mut()
                    .insert(name, http::HeaderValue::from_str(&value).unwrap());
            }
            Ok(response)
        }
    });
    (service, log)
}

pub(crate) fn builder() -> crisp_transport::TransportBuilder {
    Transport::builder(Credentials::new("id", "key"), Tier::Plugin)
}

pub(crate) fn transport_over<F>(script: F) -> (Transport, Log)
where
    F: Fn(usize) -> Step + Send + Sync + 'static,
{
    let (service, log) = fake(script);
    (builder().from_service(service).build().unwrap(), log)
}

pub(crate) fn get(path: &str) -> Request<Body> {
    Request::get(format!("https://api.crisp.chat/v1/{path}"))
        .body(Body::empty())
        .unwrap()
}

pub(crate) fn post(path: &str, json: &'static str) -> Request<Body> {
    Request::post(format!("https://api.crisp.chat/v1/{path}"))
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(Body::from(json))
        .unwrap()
}
