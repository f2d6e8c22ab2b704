//! A tiny hand-written HTTP/1.1 client, so these tests depend on nothing but
//! tokio and see exactly what goes over the socket (including a connection
//! closed without an answer).

#![allow(dead_code)]

use std::io;
use std::net::SocketAddr;

use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A parsed response.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl RawResponse {
    /// The first header with this name (case-insensitive).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON (`Value::Null` when it is not JSON).
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// The body as text.
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request on a fresh connection (`Connection: close`) and reads the
/// answer to EOF. A connection closed before any byte of answer is
/// `ErrorKind::UnexpectedEof`.
pub(crate) async fn send_raw(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, String)],
    body: Option<&[u8]>,
) -> io::Result<RawResponse> {
    let mut stream = TcpStream::connect(addr).await?;
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    if let Some(body) = body {
        stream.write_all(body).await?;
    }
    stream.flush().await?;

    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    if raw.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed without a response",
        ));
    }
    parse(&raw, method == "HEAD")
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

fn parse(raw: &[u8], head_request: bool) -> io::Result<RawResponse> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| invalid("no end of head"))?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|_| invalid("head not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| invalid("no status line"))?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| invalid("bad status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let rest = &raw[split + 4..];
    let mut response = RawResponse {
        status,
        headers,
        body: Vec::new(),
    };
    if head_request {
        response.body = rest.to_vec();
    } else if response
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        response.body = dechunk(rest)?;
    } else if let Some(length) = response.header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        response.body = rest.get(..length).ok_or_else(|| invalid("short body"))?.to_vec();
    } else {
        response.body = rest.to_vec();
    }
    Ok(response)
}

fn dechunk(mut rest: &[u8]) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| invalid("bad chunk"))?;
        let size_text = std::str::from_utf8(&rest[..line_end]).map_err(|_| invalid("bad chunk size"))?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| invalid("bad chunk size"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        body.extend_from_slice(rest.get(..size).ok_or_else(|| invalid("short chunk"))?);
        rest = rest.get(size + 2..).ok_or_else(|| invalid("short chunk"))?;
    }
}

/// The `Authorization` and `X-Crisp-Tier` headers of the fake's `tier` token.
pub(crate) fn auth_headers(fake: &FakeCrisp, tier: Tier) -> Vec<(&'static str, String)> {
    let token = fake.token(tier);
    vec![
        ("Authorization", token.authorization()),
        ("X-Crisp-Tier", tier.as_str().to_owned()),
    ]
}

/// An authenticated call to `/v1/<path>` with an optional JSON body.
pub(crate) async fn call(
    fake: &FakeCrisp,
    tier: Tier,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> io::Result<RawResponse> {
    let mut headers = auth_headers(fake, tier);
    let body = body.map(|b| b.to_string().into_bytes());
    if body.is_some() {
        headers.push(("Content-Type", "application/json".to_owned()));
    }
    send_raw(fake.addr(), method, &format!("/v1/{path}"), &headers, body.as_deref()).await
}

/// Shorthand for an authenticated plugin-tier call.
pub(crate) async fn plugin(
    fake: &FakeCrisp,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> io::Result<RawResponse> {
    call(fake, Tier::Plugin, method, path, body).await
}

/// The parts of a Crisp envelope answer a test looks at.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) reason: String,
    pub(crate) data: serde_json::Value,
}

/// An authenticated `tier` call to `/v1/<path>`, split into status, reason
/// and data (status 0 and the error as reason when the request failed).
pub(crate) async fn answer_as(
    fake: &FakeCrisp,
    tier: Tier,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> Answer {
    let response = match call(fake, tier, method, path, body).await {
        Ok(response) => response,
        // A transport failure shows as status 0, which every assertion rejects.
        Err(error) => {
            return Answer {
                status: 0,
                reason: error.to_string(),
                data: serde_json::Value::Null,
            };
        }
    };
    let envelope = response.json();
    Answer {
        status: response.status,
        reason: envelope["reason"].as_str().unwrap_or_default().to_owned(),
        data: envelope["data"].clone(),
    }
}

/// [`answer_as`] with the plugin tier.
pub(crate) async fn answer(fake: &FakeCrisp, method: &str, path: &str, body: Option<serde_json::Value>) -> Answer {
    answer_as(fake, Tier::Plugin, method, path, body).await
}
