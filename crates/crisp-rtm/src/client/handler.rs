//! Callback-style dispatch on top of [`RtmStream`](super::RtmStream), for
//! those used to the Node (`on("message:send", ..)`) and Go SDKs.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crisp_types::event::{Event, EventKind};
use futures_core::Stream;
use futures_util::StreamExt;

use super::error::RtmError;

type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;
type EventHandler = Arc<dyn Fn(Event) -> BoxFuture + Send + Sync + 'static>;
type ErrorHandler = Box<dyn FnMut(&RtmError) + Send + 'static>;

/// How [`RtmHandlers::run`] calls the handlers of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Dispatch {
    /// Await each matching handler in turn, in registration order, before
    /// taking the next item: events are handled strictly in arrival order,
    /// and a slow handler delays the next ones (the connection itself keeps
    /// running). A panicking handler ends `run` with that panic.
    #[default]
    Sequential,
    /// Spawn each matching handler as its own tokio task and move on: slow
    /// handlers do not delay others, but no order is guaranteed. A panicking
    /// handler only ends its own task.
    Spawn,
}

/// Event handlers keyed by event name, run over an RTM stream.
///
/// ```no_run
/// use crisp_rtm::client::{RtmClient, RtmHandlers};
/// use crisp_transport::Credentials;
/// use crisp_types::Tier;
/// use crisp_types::event::{Event, EventKind};
///
/// # async fn run() -> Result<(), crisp_rtm::client::RtmError> {
/// let (_handle, stream) = RtmClient::builder(Credentials::new("identifier", "key"), Tier::Plugin)
///     .events([EventKind::MessageSend, EventKind::SessionSetState])
///     .connect()?;
///
/// RtmHandlers::new()
///     .on(EventKind::MessageSend, |event| async move {
///         if let Event::MessageSend(message) = event {
///             println!("visitor said {:?}", message.message.content);
///         }
///     })
///     .on_any(|event| async move { println!("event {}", event.name()) })
///     .on_error(|error| eprintln!("RTM: {error}"))
///     .run(stream)
///     .await
/// # }
/// ```
#[derive(Default)]
pub struct RtmHandlers {
    by_name: HashMap<String, Vec<EventHandler>>,
    any: Vec<EventHandler>,
    on_error: Option<ErrorHandler>,
    dispatch: Dispatch,
}

impl fmt::Debug for RtmHandlers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<&String> = self.by_name.keys().collect();
        names.sort();
        f.debug_struct("RtmHandlers")
            .field("events", &names)
            .field("any", &self.any.len())
            .field("on_error", &self.on_error.is_some())
            .field("dispatch", &self.dispatch)
            .finish()
    }
}

impl RtmHandlers {
    /// No handlers, [`Dispatch::Sequential`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Calls `handler` for every event of `kind`.
    #[must_use]
    pub fn on<F, Fut>(self, kind: EventKind, handler: F) -> Self
    where
        F: Fn(Event) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.on_name(kind.as_str(), handler)
    }

    /// Calls `handler` for every event named `name`, including names this
    /// version does not know ([`Event::Unknown`]).
    #[must_use]
    pub fn on_name<F, Fut>(mut self, name: impl Into<String>, handler: F) -> Self
    where
        F: Fn(Event) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.by_name.entry(name.into()).or_default().push(box_handler(handler));
        self
    }

    /// Calls `handler` for every event, after the handlers registered for its
    /// name.
    #[must_use]
    pub fn on_any<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Event) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.any.push(box_handler(handler));
        self
    }

    /// Calls `handler` for every error item (malformed frames, lost
    /// connections, the final terminal error). Without it, errors are logged
    /// with `tracing` at `warn` level.
    #[must_use]
    pub fn on_error<F>(mut self, handler: F) -> Self
    where
        F: FnMut(&RtmError) + Send + 'static,
    {
        self.on_error = Some(Box::new(handler));
        self
    }

    /// Chooses how handlers are called (default [`Dispatch::Sequential`]).
    #[must_use]
    pub fn dispatch(mut self, dispatch: Dispatch) -> Self {
        self.dispatch = dispatch;
        self
    }

    /// Dispatches every item of `stream` until it ends.
    ///
    /// # Errors
    ///
    /// The terminal error that ended the stream (after it was also given to
    /// the error handler); `Ok(())` when the stream ended because the client
    /// was closed.
    pub async fn run<S>(self, stream: S) -> Result<(), RtmError>
    where
        S: Stream<Item = Result<Event, RtmError>>,
    {
        let Self {
            by_name,
            any,
            mut on_error,
            dispatch,
        } = self;
        let mut stream = std::pin::pin!(stream);
        while let Some(item) = stream.next().await {
            match item {
                Ok(event) => dispatch_event(&by_name, &any, dispatch, event).await,
                Err(error) => {
                    match &mut on_error {
                        Some(handler) => handler(&error),
                        None => tracing::warn!(target: "crisp_rtm", %error, "RTM error"),
                    }
                    if error.is_terminal() {
                        return Err(error);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Calls the handlers registered for the event's name, then the catch-all
/// ones.
async fn dispatch_event(
    by_name: &HashMap<String, Vec<EventHandler>>,
    any: &[EventHandler],
    dispatch: Dispatch,
    event: Event,
) {
    let named = by_name.get(event.name()).into_iter().flatten();
    for handler in named.chain(any.iter()) {
        let future = handler(event.clone());
        match dispatch {
            Dispatch::Sequential => future.await,
            Dispatch::Spawn => {
                tokio::spawn(future);
            }
        }
    }
}

fn box_handler<F, Fut>(handler: F) -> EventHandler
where
    F: Fn(Event) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    Arc::new(move |event| Box::pin(handler(event)) as BoxFuture)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[tokio::test]
    async fn dispatches_by_name_then_any_and_reports_errors() {
        let seen = Arc::new(Mutex::new(Vec::<String>::new()));
        let errors = Arc::new(Mutex::new(0_usize));
        let items: Vec<Result<Event, RtmError>> = vec![
            Event::from_parts("message:send", serde_json::json!({"type":"text","content":"hi"}))
                .map_err(RtmError::Decode),
            Err(RtmError::NotConnected),
            Event::from_parts("future:event", serde_json::json!({})).map_err(RtmError::Decode),
            Err(RtmError::Unauthorized {
                message: "no".to_owned(),
            }),
            Event::from_parts("future:event", serde_json::json!({})).map_err(RtmError::Decode),
        ];
        let (s1, s2, s3, e) = (seen.clone(), seen.clone(), seen.clone(), errors.clone());
        let result = RtmHandlers::new()
            .on(EventKind::MessageSend, move |event| {
                let seen = s1.clone();
                async move { seen.lock().unwrap().push(format!("send:{}", event.name())) }
            })
            .on_name("future:event", move |event| {
                let seen = s2.clone();
                async move { seen.lock().unwrap().push(format!("raw:{}", event.name())) }
            })
            .on_any(move |event| {
                let seen = s3.clone();
                async move { seen.lock().unwrap().push(format!("any:{}", event.name())) }
            })
            .on_error(move |_| *e.lock().unwrap() += 1)
            .run(futures_util::stream::iter(items))
            .await;
        assert!(matches!(result, Err(RtmError::Unauthorized { .. })));
        assert_eq!(
            *seen.lock().unwrap(),
            [
                "send:message:send",
                "any:message:send",
                "raw:future:event",
                "any:future:event"
            ]
        );
        assert_eq!(*errors.lock().unwrap(), 2);
    }
}
