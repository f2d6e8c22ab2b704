//! A minimal HTTP/1.1 keep-alive server on loopback that answers every
//! request, whatever its path, with `200 OK` and one JSON body, as the nginx
//! of the performance report did. It does as little as hyper allows, so that
//! the clients, not the server, are what is measured.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::thread::JoinHandle;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue};
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// Accepts connections on `listener` and answers every request with `body`
/// until `shutdown` completes. Each connection is served by its own task,
/// with keep-alive and `TCP_NODELAY`.
///
/// # Errors
///
/// When accepting a connection fails.
pub async fn serve(listener: TcpListener, body: Bytes, shutdown: impl Future<Output = ()>) -> io::Result<()> {
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => accepted?,
            () = &mut shutdown => return Ok(()),
        };
        // Best effort: the answers are small and must not wait for Nagle.
        let _ = stream.set_nodelay(true);
        let body = body.clone();
        tokio::spawn(async move {
            let service = service_fn(move |_request| {
                let mut response = http::Response::new(Full::new(body.clone()));
                response.headers_mut().insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/json; charset=utf-8"),
                );
                async move { Ok::<_, Infallible>(response) }
            });
            // A client closing its connection ends it; nothing to report.
            let _ = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Builds the Tokio runtime a server runs on: current-thread for one
/// thread, multi-thread otherwise.
///
/// # Errors
///
/// When the runtime cannot be built.
pub fn runtime(threads: usize) -> io::Result<tokio::runtime::Runtime> {
    if threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .enable_all()
            .build()
    }
}

/// A [`serve`] running on its own thread (and runtime) of this process,
/// stopped when dropped. The benches use it; the load tool runs the server in
/// a process of its own (`load serve`).
#[derive(Debug)]
pub struct LocalServer {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl LocalServer {
    /// Starts a server on `127.0.0.1` (a free port) answering with `body`,
    /// on a runtime of `threads` threads.
    ///
    /// # Errors
    ///
    /// When the port cannot be bound or the runtime cannot be built.
    pub fn start(body: Bytes, threads: usize) -> io::Result<Self> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = runtime(threads)?;
        let (shutdown, stop) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("bench-server".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = TcpListener::from_std(listener)?;
                    serve(listener, body, async move {
                        let _ = stop.await;
                    })
                    .await
                })
            })?;
        Ok(Self {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
