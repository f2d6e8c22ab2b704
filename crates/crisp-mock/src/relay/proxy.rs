//! A TCP proxy in front of the Socket.IO server, so tests can break the
//! connection in ways a real network does: drop every connection, freeze all
//! traffic while keeping the sockets open, or slip a raw WebSocket frame into
//! the server-to-client stream.
//!
//! The proxy reads the client's HTTP request head, removes
//! `Sec-WebSocket-Extensions` (so no compression is ever negotiated and the
//! frames stay readable) and tags the request with [`CONN_HEADER`], which the
//! relay reads back to find the proxy connection of a Socket.IO socket. After
//! a `101` answer it follows the server's WebSocket frames, so injected frames
//! land between two frames, never inside one.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::task::{AbortHandle, JoinSet};
use tokio::time::Instant;

use super::frames::{self, FrameTracker, OPCODE_TEXT};

/// The request header carrying the proxy's connection id to the relay.
pub(crate) const CONN_HEADER: &str = "x-crisp-mock-conn";

/// The largest HTTP head the proxy reads.
const MAX_HEAD: usize = 64 * 1024;

/// How long a connection told to close after the server's Socket.IO
/// `DISCONNECT` waits for it, and then for the client to go away.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

/// An instruction to one proxied connection.
#[derive(Debug)]
enum Control {
    /// Write this (complete) frame to the client at the next frame boundary.
    Inject(Vec<u8>),
    /// Close the WebSocket (close frame, then FIN) right after forwarding the
    /// server's `41` (Socket.IO DISCONNECT) frame, or after [`CLOSE_GRACE`].
    CloseAfterDisconnect,
}

/// One live proxied connection.
#[derive(Debug)]
struct Conn {
    control: mpsc::UnboundedSender<Control>,
    abort: AbortHandle,
}

/// The proxy state shared by its handle and its tasks.
#[derive(Debug)]
struct Shared {
    /// The Socket.IO server's internal address.
    upstream: SocketAddr,
    /// Live connections by id.
    conns: Mutex<HashMap<u64, Conn>>,
    /// The last connection id handed out.
    next_id: AtomicU64,
    /// TCP connections ever accepted.
    accepted: AtomicUsize,
    /// Whether forwarding is suspended.
    frozen: watch::Sender<bool>,
}

impl Shared {
    fn conns(&self) -> MutexGuard<'_, HashMap<u64, Conn>> {
        self.conns.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A cheap handle on the proxy.
#[derive(Debug, Clone)]
pub(crate) struct Proxy {
    shared: Arc<Shared>,
}

impl Proxy {
    /// A proxy forwarding to `upstream`; serve it with [`Proxy::run`].
    pub(crate) fn new(upstream: SocketAddr) -> Self {
        Self {
            shared: Arc::new(Shared {
                upstream,
                conns: Mutex::new(HashMap::new()),
                next_id: AtomicU64::new(0),
                accepted: AtomicUsize::new(0),
                frozen: watch::Sender::new(false),
            }),
        }
    }

    /// Accepts and proxies connections until aborted; aborting it closes
    /// every proxied connection.
    pub(crate) async fn run(self, listener: TcpListener) {
        let mut tasks = JoinSet::new();
        loop {
            while tasks.try_join_next().is_some() {}
            match listener.accept().await {
                Ok((client, _peer)) => {
                    self.shared.accepted.fetch_add(1, Ordering::SeqCst);
                    let id = self.shared.next_id.fetch_add(1, Ordering::SeqCst) + 1;
                    let (control, control_rx) = mpsc::unbounded_channel();
                    let frozen = self.shared.frozen.subscribe();
                    let abort = tasks.spawn(serve(client, self.shared.upstream, id, control_rx, frozen));
                    let mut conns = self.shared.conns();
                    conns.retain(|_, conn| !conn.abort.is_finished());
                    conns.insert(id, Conn { control, abort });
                }
                Err(error) => {
                    tracing::warn!(%error, "crisp-mock relay proxy: accept failed");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
        }
    }

    /// TCP connections ever accepted.
    pub(crate) fn accepted(&self) -> usize {
        self.shared.accepted.load(Ordering::SeqCst)
    }

    /// Closes every current connection at once, without a WebSocket close frame.
    pub(crate) fn drop_all(&self) {
        for (_, conn) in self.shared.conns().drain() {
            conn.abort.abort();
        }
    }

    /// Suspends (`true`) or resumes (`false`) forwarding in both directions.
    pub(crate) fn freeze(&self, frozen: bool) {
        self.shared.frozen.send_replace(frozen);
    }

    /// Queues a text frame with this payload for every WebSocket client.
    pub(crate) fn inject_text(&self, text: &str) {
        let frame = frames::server_frame(OPCODE_TEXT, text.as_bytes());
        for conn in self.shared.conns().values() {
            let _ = conn.control.send(Control::Inject(frame.clone()));
        }
    }

    /// Makes connection `id` close once the server's `41` went through.
    pub(crate) fn close_after_disconnect(&self, id: u64) {
        if let Some(conn) = self.shared.conns().get(&id) {
            let _ = conn.control.send(Control::CloseAfterDisconnect);
        }
    }
}

/// Reads an HTTP head (through the blank line); returns it and whatever came after.
async fn read_head<R: AsyncRead + Unpin>(reader: &mut R) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0_u8; 4096];
    loop {
        let n = reader.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        let searched_from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if let Some(at) = buf[searched_from..].windows(4).position(|w| w == b"\r\n\r\n") {
            let end = searched_from + at + 4;
            let rest = buf.split_off(end);
            return Some((buf, rest));
        }
        if buf.len() > MAX_HEAD {
            return None;
        }
    }
}

/// The client's request head without `Sec-WebSocket-Extensions` (and without
/// any [`CONN_HEADER`] it sent), tagged with this connection's id.
fn rewrite_request_head(head: &[u8], id: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let mut out = String::with_capacity(text.len() + 32);
    for line in text.split("\r\n").filter(|line| !line.is_empty()) {
        let name = line.split_once(':').map(|(name, _)| name.trim()).unwrap_or_default();
        if name.eq_ignore_ascii_case("sec-websocket-extensions") || name.eq_ignore_ascii_case(CONN_HEADER) {
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str(&format!("{CONN_HEADER}: {id}\r\n\r\n"));
    out.into_bytes()
}

/// Whether a response head is `101 Switching Protocols`.
fn is_switching_protocols(head: &[u8]) -> bool {
    head.split(|b| *b == b' ').nth(1) == Some(b"101")
}

/// The server-to-client side of one connection.
struct Downstream {
    writer: OwnedWriteHalf,
    /// Frame boundaries, once the connection is a WebSocket.
    tracker: Option<FrameTracker>,
    /// Frames waiting for a boundary (or for the end of a freeze).
    pending: VecDeque<Vec<u8>>,
    /// Whether to close after the server's `41`.
    close_armed: bool,
}

impl Downstream {
    /// Writes the queued frames if the stream is at a frame boundary.
    async fn flush_pending(&mut self) -> std::io::Result<()> {
        if self.tracker.as_ref().is_some_and(FrameTracker::at_boundary) {
            while let Some(frame) = self.pending.pop_front() {
                self.writer.write_all(&frame).await?;
            }
        }
        Ok(())
    }

    /// Forwards server bytes; `Ok(true)` once the connection must close
    /// (armed and the `41` went through).
    async fn forward(&mut self, data: &[u8]) -> std::io::Result<bool> {
        let Some(tracker) = self.tracker.as_mut() else {
            self.writer.write_all(data).await?;
            return Ok(false);
        };
        let ends = tracker.feed(data);
        let mut from = 0;
        for end in ends {
            self.writer.write_all(&data[from..end.offset]).await?;
            from = end.offset;
            if self.close_armed && end.is_text(b"41") {
                self.writer.write_all(&frames::close_frame()).await?;
                return Ok(true);
            }
            if end.injectable {
                while let Some(frame) = self.pending.pop_front() {
                    self.writer.write_all(&frame).await?;
                }
            }
        }
        self.writer.write_all(&data[from..]).await?;
        Ok(false)
    }
}

/// Proxies one client connection until either side is done, the connection is
/// closed on purpose, or the task is aborted.
async fn serve(
    client: TcpStream,
    upstream: SocketAddr,
    id: u64,
    control: mpsc::UnboundedReceiver<Control>,
    frozen: watch::Receiver<bool>,
) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    if let Err(error) = pump(
        id,
        (client_read, client_write),
        (server_read, server_write),
        control,
        frozen,
    )
    .await
    {
        tracing::debug!(%error, id, "crisp-mock relay proxy: connection ended");
    }
}

/// The proxy loop of one connection.
async fn pump(
    id: u64,
    (mut client_read, client_write): (OwnedReadHalf, OwnedWriteHalf),
    (mut server_read, mut server_write): (OwnedReadHalf, OwnedWriteHalf),
    mut control: mpsc::UnboundedReceiver<Control>,
    mut frozen_rx: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let mut down = Downstream {
        writer: client_write,
        tracker: None,
        pending: VecDeque::new(),
        close_armed: false,
    };

    // The request head, rewritten, then the response head.
    let Some((head, rest)) = read_head(&mut client_read).await else {
        return Ok(());
    };
    server_write.write_all(&rewrite_request_head(&head, id)).await?;
    server_write.write_all(&rest).await?;
    let Some((head, rest)) = read_head(&mut server_read).await else {
        return Ok(());
    };
    down.writer.write_all(&head).await?;
    if is_switching_protocols(&head) {
        down.tracker = Some(FrameTracker::default());
    }
    down.forward(&rest).await?;

    let mut frozen = *frozen_rx.borrow_and_update();
    let mut client_open = true;
    let mut server_open = true;
    // While armed (waiting for the server's `41`) or closing (close frame
    // written): when to give up waiting.
    let mut close_deadline: Option<Instant> = None;
    // Set once the proxy closed the WebSocket itself: from then on client bytes
    // are read and discarded until the client goes away.
    let mut closing = false;
    let mut client_buf = vec![0_u8; 16 * 1024];
    let mut server_buf = vec![0_u8; 16 * 1024];
    loop {
        if !client_open && (!server_open || closing) {
            return Ok(());
        }
        let mut start_closing = false;
        let deadline = close_deadline.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
        tokio::select! {
            changed = frozen_rx.changed() => {
                if changed.is_err() {
                    return Ok(());
                }
                frozen = *frozen_rx.borrow_and_update();
                if !frozen && !closing {
                    down.flush_pending().await?;
                }
            }
            message = control.recv(), if !closing => match message {
                None => return Ok(()),
                Some(Control::Inject(frame)) => {
                    if down.tracker.is_some() {
                        down.pending.push_back(frame);
                        if !frozen {
                            down.flush_pending().await?;
                        }
                    }
                }
                Some(Control::CloseAfterDisconnect) => {
                    down.close_armed = true;
                    close_deadline = Some(Instant::now() + CLOSE_GRACE);
                }
            },
            () = tokio::time::sleep_until(deadline), if close_deadline.is_some() => {
                if closing {
                    return Ok(());
                }
                // The `41` never came: close anyway.
                down.writer.write_all(&frames::close_frame()).await?;
                start_closing = true;
            }
            read = client_read.read(&mut client_buf), if client_open && (!frozen || closing) => {
                match read {
                    Ok(0) | Err(_) => {
                        client_open = false;
                        let _ = server_write.shutdown().await;
                    }
                    Ok(n) if !closing => server_write.write_all(&client_buf[..n]).await?,
                    Ok(_) => {}
                }
            }
            read = server_read.read(&mut server_buf), if server_open && !frozen && !closing => {
                match read {
                    Ok(0) | Err(_) => {
                        server_open = false;
                        let _ = down.writer.shutdown().await;
                    }
                    Ok(n) => start_closing = down.forward(&server_buf[..n]).await?,
                }
            }
        }
        if start_closing {
            // The close frame is out: FIN both ways, then give the client a
            // moment to read everything and go away on its own.
            closing = true;
            let _ = down.writer.shutdown().await;
            let _ = server_write.shutdown().await;
            close_deadline = Some(Instant::now() + CLOSE_GRACE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_extensions_and_tags_the_request() {
        let head = b"GET /?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Extensions: permessage-deflate\r\nX-Crisp-Mock-Conn: 99\r\nUpgrade: websocket\r\n\r\n";
        let out = String::from_utf8(rewrite_request_head(head, 7)).unwrap();
        assert_eq!(
            out,
            "GET /?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nx-crisp-mock-conn: 7\r\n\r\n"
        );
    }

    #[test]
    fn recognises_101() {
        assert!(is_switching_protocols(b"HTTP/1.1 101 Switching Protocols\r\n\r\n"));
        assert!(!is_switching_protocols(b"HTTP/1.1 400 Bad Request\r\n\r\n"));
    }

    #[tokio::test]
    async fn reads_head_and_keeps_the_rest() {
        let mut input: &[u8] = b"HTTP/1.1 101 OK\r\nA: b\r\n\r\n\x81\x0100";
        let (head, rest) = read_head(&mut input).await.unwrap();
        assert_eq!(head, b"HTTP/1.1 101 OK\r\nA: b\r\n\r\n");
        assert_eq!(rest, b"\x81\x0100");
        let mut short: &[u8] = b"HTTP/1.1 101";
        assert!(read_head(&mut short).await.is_none());
    }
}
