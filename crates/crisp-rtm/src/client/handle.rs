//! The user's side of a running client: [`RtmHandle`] and [`RtmStream`].

use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use crisp_types::event::Event;
use futures_core::Stream;
use futures_core::stream::FusedStream;
use tokio::sync::{mpsc, oneshot, watch};

use super::error::RtmError;
use super::queue::ItemReceiver;
use super::session_loop::Command;
use super::state::ConnectionState;
use crate::session::BindRequest;

/// Controls a running RTM client: watch its state, rebind, close.
///
/// Cheap to clone; every clone controls the same client. The client runs
/// until [`close`](Self::close) is called, a terminal error happens, or every
/// handle **and** the [`RtmStream`] are dropped.
#[derive(Clone)]
pub struct RtmHandle {
    commands: mpsc::UnboundedSender<Command>,
    state: Arc<watch::Sender<ConnectionState>>,
}

impl fmt::Debug for RtmHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RtmHandle")
            .field("state", &*self.state.borrow())
            .finish_non_exhaustive()
    }
}

impl RtmHandle {
    pub(crate) fn new(commands: mpsc::UnboundedSender<Command>, state: Arc<watch::Sender<ConnectionState>>) -> Self {
        Self { commands, state }
    }

    /// A receiver of the connection state: read it with
    /// [`borrow`](watch::Receiver::borrow), wait for changes with
    /// [`changed`](watch::Receiver::changed) or
    /// [`wait_for`](watch::Receiver::wait_for).
    ///
    /// The last state is always [`ConnectionState::Closed`].
    pub fn state(&self) -> watch::Receiver<ConnectionState> {
        self.state.subscribe()
    }

    /// The connection state right now.
    pub fn current_state(&self) -> ConnectionState {
        self.state.borrow().clone()
    }

    /// Waits until the client is authenticated (events flow).
    ///
    /// # Errors
    ///
    /// [`RtmError::Closed`] if the client closes first.
    pub async fn authenticated(&self) -> Result<(), RtmError> {
        let mut state = self.state();
        let reached = state
            .wait_for(|state| state.is_authenticated() || state.is_closed())
            .await
            .map_err(|_| RtmError::Closed)?;
        if reached.is_authenticated() {
            Ok(())
        } else {
            Err(RtmError::Closed)
        }
    }

    /// Stops the client for good: the current connection is closed, no
    /// reconnection happens, the state becomes [`ConnectionState::Closed`]
    /// and the stream ends. Calling it again does nothing.
    pub fn close(&self) {
        let _ = self.commands.send(Command::Close);
    }

    /// Whether the client has stopped.
    pub fn is_closed(&self) -> bool {
        self.state.borrow().is_closed()
    }

    /// Asks the relay to recompute the websites this token may receive
    /// (after a plugin was installed or removed): `42["socket:bind",{}]`.
    ///
    /// # Errors
    ///
    /// See [`bind`](Self::bind).
    pub async fn rebind(&self) -> Result<(), RtmError> {
        self.bind(BindRequest::Rebind).await
    }

    /// Adds events to the current subscription: `42["socket:bind:push",{"events":[..]}]`.
    ///
    /// # Errors
    ///
    /// See [`bind`](Self::bind).
    pub async fn bind_push<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.bind(BindRequest::Push(events.into_iter().map(Into::into).collect()))
            .await
    }

    /// Removes events from the current subscription: `42["socket:bind:pop",{"events":[..]}]`.
    ///
    /// # Errors
    ///
    /// See [`bind`](Self::bind).
    pub async fn bind_pop<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.bind(BindRequest::Pop(events.into_iter().map(Into::into).collect()))
            .await
    }

    /// Replaces the current subscription: `42["socket:bind",{"events":[..]}]`.
    ///
    /// # Errors
    ///
    /// See [`bind`](Self::bind).
    pub async fn bind_replace<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.bind(BindRequest::Replace(events.into_iter().map(Into::into).collect()))
            .await
    }

    /// Sends a `socket:bind*` request on the current connection, and returns
    /// once it was written to the socket.
    ///
    /// Rules (PROTOCOL §5.4):
    ///
    /// - only while authenticated, never queued: otherwise
    ///   [`RtmError::NotConnected`] and nothing is sent, now or later;
    /// - at most one request per 2.5 s (requests refused by the throttle do
    ///   not count): otherwise [`RtmError::Throttled`] with the time left;
    /// - a granted push, pop or replace also updates the event list sent at
    ///   the next authentication, so the change survives a reconnection.
    ///
    /// # Errors
    ///
    /// [`RtmError::NotConnected`], [`RtmError::Throttled`], or
    /// [`RtmError::Closed`] once the client stopped.
    pub async fn bind(&self, request: BindRequest) -> Result<(), RtmError> {
        let (reply, answer) = oneshot::channel();
        self.commands
            .send(Command::Bind { request, reply })
            .map_err(|_| RtmError::Closed)?;
        answer.await.unwrap_or(Err(RtmError::Closed))
    }
}

/// The events (and errors) of an RTM client, as a
/// [`Stream`]`<Item = Result<Event, RtmError>>`.
///
/// Errors are items: a malformed frame, an undecodable payload or a lost
/// connection is reported, then the stream carries on (the client
/// reconnects by itself). The stream ends (`None`) only after
/// [`RtmHandle::close`] or a terminal error ([`RtmError::is_terminal`]),
/// which is then the last item.
///
/// While the stream is not polled, the connection keeps reading frames and
/// answering the relay's pings, and items wait in a buffer: without bound by
/// default, or bounded with an overflow policy chosen with
/// [`RtmBuilder::buffer`](super::RtmBuilder::buffer) (then
/// [`RtmError::Lagged`] says how many items were dropped). Frames read
/// together are handed over together, so a busy stream costs one wake-up per
/// batch, not per event.
pub struct RtmStream {
    items: ItemReceiver,
    handle: RtmHandle,
    done: bool,
}

impl fmt::Debug for RtmStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RtmStream")
            .field("handle", &self.handle)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl RtmStream {
    pub(crate) fn new(items: ItemReceiver, handle: RtmHandle) -> Self {
        Self {
            items,
            handle,
            done: false,
        }
    }

    /// A handle on the client this stream belongs to.
    pub fn handle(&self) -> RtmHandle {
        self.handle.clone()
    }

    /// The next item, as `StreamExt::next` would return it, without needing
    /// a stream extension trait.
    pub async fn recv(&mut self) -> Option<Result<Event, RtmError>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl Stream for RtmStream {
    type Item = Result<Event, RtmError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        let item = std::task::ready!(self.items.poll_recv(cx));
        if item.is_none() {
            self.done = true;
        }
        Poll::Ready(item)
    }
}

impl FusedStream for RtmStream {
    fn is_terminated(&self) -> bool {
        self.done
    }
}
