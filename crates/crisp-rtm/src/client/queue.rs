//! The buffer between the connection task and the [`RtmStream`](super::RtmStream):
//! items go in by batches (one lock and at most one wake-up per batch of
//! frames read together), and come out one by one; a bounded buffer drops the
//! oldest items and says how many.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

use super::error::RtmError;
use super::session_loop::Item;

/// How the [`RtmStream`](super::RtmStream) buffers the items the application
/// has not read yet; set with [`RtmBuilder::buffer`](super::RtmBuilder::buffer).
///
/// Whatever the choice, the connection never waits for the application: it
/// keeps reading frames and answering the relay's pings while the stream is
/// not polled, so a slow application never loses the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum StreamBuffer {
    /// Keep every item until it is read (the default): nothing is ever lost,
    /// and an application that stops reading grows the buffer without limit.
    #[default]
    Unbounded,
    /// Keep at most `capacity` items (at least 1). When a new item arrives
    /// and the buffer is full, the **oldest** item is dropped to make room
    /// (the newest events are the most useful to a bot that fell behind). The
    /// next read then returns [`RtmError::Lagged`] with how many events (and
    /// error items) were dropped since the previous read, followed by the
    /// oldest item kept, like `tokio::sync::broadcast`'s `Lagged`.
    ///
    /// The buffer never holds more than `capacity` items plus that one
    /// `Lagged` report, except for the stream's terminal error, which is
    /// never dropped.
    DropOldest {
        /// How many unread items are kept at most.
        capacity: usize,
    },
}

impl StreamBuffer {
    /// [`StreamBuffer::DropOldest`] with this capacity (at least 1).
    pub fn drop_oldest(capacity: usize) -> Self {
        Self::DropOldest {
            capacity: capacity.max(1),
        }
    }

    fn capacity(self) -> Option<usize> {
        match self {
            Self::Unbounded => None,
            Self::DropOldest { capacity } => Some(capacity.max(1)),
        }
    }
}

/// What the two sides share.
#[derive(Debug)]
struct State {
    items: VecDeque<Item>,
    capacity: Option<usize>,
    /// Events dropped since the last `Lagged` report.
    lost_events: u64,
    /// Error items dropped since the last `Lagged` report.
    lost_errors: u64,
    /// The reader waiting for an item, if any.
    waker: Option<Waker>,
    /// The sender is gone: after the items left, the stream ends.
    closed: bool,
    /// The receiver is gone: items are dropped on arrival.
    abandoned: bool,
}

type Shared = Arc<Mutex<State>>;

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    // Nothing panics while holding the lock; should it ever, the queue stays
    // usable rather than poisoning the client.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A new buffer: its sending half (the connection task) and its receiving
/// half (the stream).
pub(crate) fn channel(buffer: StreamBuffer) -> (ItemSender, ItemReceiver) {
    let shared = Arc::new(Mutex::new(State {
        items: VecDeque::new(),
        capacity: buffer.capacity(),
        lost_events: 0,
        lost_errors: 0,
        waker: None,
        closed: false,
        abandoned: false,
    }));
    (
        ItemSender {
            shared: Arc::clone(&shared),
            batch: VecDeque::new(),
        },
        ItemReceiver { shared },
    )
}

/// The connection task's half: [`push`](Self::push) items, then
/// [`flush`](Self::flush) the batch.
#[derive(Debug)]
pub(crate) struct ItemSender {
    shared: Shared,
    batch: VecDeque<Item>,
}

impl ItemSender {
    /// Adds an item to the current batch (not visible until flushed).
    pub(crate) fn push(&mut self, item: Item) {
        self.batch.push_back(item);
    }

    /// Adds an item and hands the batch over at once.
    pub(crate) fn send(&mut self, item: Item) {
        self.push(item);
        self.flush();
    }

    /// Hands the current batch to the stream, waking it if it waits.
    pub(crate) fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let waker = {
            let mut state = lock(&self.shared);
            if state.abandoned {
                self.batch.clear();
                return;
            }
            let state = &mut *state;
            if state.items.is_empty() {
                // The reader keeps up: hand the batch over without copying it
                // (and keep the emptied buffer's allocation for the next one).
                std::mem::swap(&mut state.items, &mut self.batch);
            } else {
                state.items.append(&mut self.batch);
            }
            if let Some(capacity) = state.capacity {
                while state.items.len() > capacity {
                    match state.items.pop_front() {
                        Some(Ok(_)) => state.lost_events = state.lost_events.saturating_add(1),
                        Some(Err(_)) => state.lost_errors = state.lost_errors.saturating_add(1),
                        None => break,
                    }
                }
            }
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl Drop for ItemSender {
    fn drop(&mut self) {
        self.flush();
        let waker = {
            let mut state = lock(&self.shared);
            state.closed = true;
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// The stream's half.
#[derive(Debug)]
pub(crate) struct ItemReceiver {
    shared: Shared,
}

impl ItemReceiver {
    /// The next item; `Ready(None)` once the sender is gone and every item
    /// was read.
    pub(crate) fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        let mut state = lock(&self.shared);
        if state.lost_events > 0 || state.lost_errors > 0 {
            let lagged = RtmError::Lagged {
                events: std::mem::take(&mut state.lost_events),
                errors: std::mem::take(&mut state.lost_errors),
            };
            return Poll::Ready(Some(Err(lagged)));
        }
        if let Some(item) = state.items.pop_front() {
            return Poll::Ready(Some(item));
        }
        if state.closed {
            return Poll::Ready(None);
        }
        match &mut state.waker {
            Some(waker) => waker.clone_from(cx.waker()),
            None => state.waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}

impl Drop for ItemReceiver {
    fn drop(&mut self) {
        let mut state = lock(&self.shared);
        state.abandoned = true;
        state.items.clear();
        state.waker = None;
    }
}

#[cfg(test)]
mod tests {
    use std::task::Waker;

    use crisp_types::event::Event;

    use super::*;

    fn event(n: u64) -> Item {
        Event::from_parts("future:event", serde_json::json!(n)).map_err(RtmError::Decode)
    }

    fn number(item: &Item) -> Option<u64> {
        match item {
            Ok(Event::Unknown { data, .. }) => data.as_u64(),
            _ => None,
        }
    }

    fn drain(receiver: &mut ItemReceiver) -> Vec<Item> {
        let mut cx = Context::from_waker(Waker::noop());
        let mut items = Vec::new();
        while let Poll::Ready(Some(item)) = receiver.poll_recv(&mut cx) {
            items.push(item);
        }
        items
    }

    #[test]
    fn unbounded_keeps_everything_in_order() {
        let (mut sender, mut receiver) = channel(StreamBuffer::Unbounded);
        for n in 0..1000 {
            sender.push(event(n));
        }
        assert!(drain(&mut receiver).is_empty(), "nothing before the flush");
        sender.flush();
        let items = drain(&mut receiver);
        assert_eq!(items.len(), 1000);
        assert!(items.iter().enumerate().all(|(n, item)| number(item) == Some(n as u64)));
    }

    #[test]
    fn drop_oldest_keeps_the_newest_and_reports_the_loss_first() {
        let (mut sender, mut receiver) = channel(StreamBuffer::drop_oldest(3));
        for n in 0..5 {
            sender.send(event(n));
        }
        sender.send(Err(RtmError::NotConnected));
        sender.send(event(5));
        let items = drain(&mut receiver);
        assert!(
            matches!(items[0], Err(RtmError::Lagged { events: 4, errors: 0 })),
            "{:?}",
            items[0]
        );
        assert_eq!(number(&items[1]), Some(4));
        assert!(matches!(items[2], Err(RtmError::NotConnected)));
        assert_eq!(number(&items[3]), Some(5));
        assert_eq!(items.len(), 4);

        // Errors dropped are counted apart; a batch larger than the capacity
        // keeps its tail.
        for _ in 0..2 {
            sender.push(Err(RtmError::NotConnected));
        }
        for n in 10..20 {
            sender.push(event(n));
        }
        sender.flush();
        let items = drain(&mut receiver);
        assert!(matches!(items[0], Err(RtmError::Lagged { events: 7, errors: 2 })));
        let numbers: Vec<_> = items[1..].iter().map(number).collect();
        assert_eq!(numbers, [Some(17), Some(18), Some(19)]);
    }

    #[test]
    fn capacity_zero_means_one() {
        assert_eq!(StreamBuffer::drop_oldest(0), StreamBuffer::DropOldest { capacity: 1 });
        let (mut sender, mut receiver) = channel(StreamBuffer::DropOldest { capacity: 0 });
        sender.send(event(1));
        sender.send(event(2));
        let items = drain(&mut receiver);
        assert!(matches!(items[0], Err(RtmError::Lagged { events: 1, errors: 0 })));
        assert_eq!(number(&items[1]), Some(2));
    }

    #[test]
    fn ends_after_the_sender_and_drops_items_without_a_receiver() {
        let (mut sender, mut receiver) = channel(StreamBuffer::Unbounded);
        sender.push(event(1));
        drop(sender);
        let mut cx = Context::from_waker(Waker::noop());
        assert!(matches!(receiver.poll_recv(&mut cx), Poll::Ready(Some(Ok(_)))));
        assert!(matches!(receiver.poll_recv(&mut cx), Poll::Ready(None)));

        let (mut sender, receiver) = channel(StreamBuffer::Unbounded);
        let shared = Arc::clone(&receiver.shared);
        drop(receiver);
        sender.send(event(1));
        assert!(lock(&shared).items.is_empty());
    }

    #[test]
    fn a_flush_wakes_a_waiting_reader_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::task::Wake;

        struct Count(AtomicUsize);
        impl Wake for Count {
            fn wake(self: Arc<Self>) {
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(Arc::clone(&count));
        let mut cx = Context::from_waker(&waker);
        let (mut sender, mut receiver) = channel(StreamBuffer::Unbounded);
        assert!(receiver.poll_recv(&mut cx).is_pending());
        for n in 0..10 {
            sender.push(event(n));
        }
        sender.flush();
        sender.send(event(10));
        assert_eq!(
            count.0.load(Ordering::SeqCst),
            1,
            "one wake-up for the batch, none while not waiting"
        );
    }
}
