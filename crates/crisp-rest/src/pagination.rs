//! Streams over every item of a page-numbered list.

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::stream;

use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;

/// A list endpoint that pages by number (1, 2, 3, ...); an empty page marks the
/// end.
pub trait Paginated<'a>: Endpoint<Output = Vec<Self::Item>> + Clone + Send + Sync + 'a {
    /// The listed item.
    type Item: Send + 'static;

    /// The client the pages are fetched with.
    fn client(&self) -> &'a Client;

    /// The same request for another page.
    fn with_page_number(&self, page_number: u32) -> Self;

    /// The page this request starts from.
    fn page_number(&self) -> u32;

    /// How many items a full page holds, when the request says (a
    /// `per_page` option): a shorter page is then known to be the last, and
    /// the stream stops without asking for the next one.
    fn page_size(&self) -> Option<u32> {
        None
    }

    /// Every item of every page from this request's page on, fetched one page at
    /// a time as the stream is polled. An error is yielded as an item and ends
    /// the stream. The stream ends at the first empty page, or after a page
    /// shorter than [`page_size`](Self::page_size) when that is known.
    ///
    /// The stream is `Unpin`: read it with [`PageStream::next`] (no import
    /// needed), or with any `StreamExt` / `TryStreamExt` combinator.
    ///
    /// ```no_run
    /// # async fn run(client: crisp::rest::Client, website: crisp::types::WebsiteId) -> Result<(), crisp::rest::Error> {
    /// use crisp::rest::Paginated;
    ///
    /// let mut conversations = client.website().list_conversations(&website, 1).per_page(50).into_stream();
    /// while let Some(conversation) = conversations.next().await {
    ///     println!("{}", conversation?.session_id);
    /// }
    /// # Ok(()) }
    /// ```
    fn into_stream(self) -> PageStream<'a, Self::Item>
    where
        Self::Output: Send + 'static,
    {
        struct State<E, T> {
            endpoint: E,
            next_page: Option<u32>,
            buffered: VecDeque<T>,
        }

        let start = self.page_number();
        let state = State {
            endpoint: self,
            next_page: Some(start),
            buffered: VecDeque::new(),
        };
        let stream = stream::unfold(state, |mut state| async move {
            loop {
                if let Some(item) = state.buffered.pop_front() {
                    return Some((Ok(item), state));
                }
                let page = state.next_page?;
                let request = state.endpoint.with_page_number(page);
                match state.endpoint.client().execute(&request).await {
                    Ok(items) if items.is_empty() => return None,
                    Ok(items) => {
                        let short = state
                            .endpoint
                            .page_size()
                            .is_some_and(|size| items.len() < usize::try_from(size).unwrap_or(usize::MAX));
                        state.buffered.extend(items);
                        state.next_page = if short { None } else { page.checked_add(1) };
                    }
                    Err(error) => {
                        state.next_page = None;
                        return Some((Err(error), state));
                    }
                }
            }
        });
        PageStream {
            inner: Box::pin(stream),
        }
    }
}

/// Every item of a page-numbered list, fetched page by page as it is read;
/// from [`Paginated::into_stream`]. It is `Unpin` and `Send`.
#[must_use = "a stream does nothing until it is read"]
pub struct PageStream<'a, T> {
    inner: Pin<Box<dyn Stream<Item = Result<T, Error>> + Send + 'a>>,
}

impl<T> PageStream<'_, T> {
    /// The next item, fetching the next page when needed; `None` at the end.
    /// After an error the stream ends.
    pub async fn next(&mut self) -> Option<Result<T, Error>> {
        std::future::poll_fn(|cx| self.inner.as_mut().poll_next(cx)).await
    }
}

impl<T> Stream for PageStream<'_, T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> std::fmt::Debug for PageStream<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageStream").finish_non_exhaustive()
    }
}

/// Implements [`Paginated`] for a builder with `client` and `page_number`
/// fields.
macro_rules! paginated {
    ($endpoint:ident, $item:ty, page_size = |$this:ident| $size:expr) => {
        paginated!(@impl $endpoint, $item, fn page_size(&self) -> ::std::option::Option<u32> {
            let $this = self;
            $size
        });
    };
    ($endpoint:ident, $item:ty) => {
        paginated!(@impl $endpoint, $item,);
    };
    (@impl $endpoint:ident, $item:ty, $($page_size:item)?) => {
        impl<'a> $crate::Paginated<'a> for $endpoint<'a> {
            type Item = $item;

            fn client(&self) -> &'a $crate::Client {
                self.client
            }

            fn with_page_number(&self, page_number: u32) -> Self {
                Self {
                    page_number,
                    ..self.clone()
                }
            }

            fn page_number(&self) -> u32 {
                self.page_number
            }

            $($page_size)?
        }
    };
}
