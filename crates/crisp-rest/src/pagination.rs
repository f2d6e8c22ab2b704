//! Streams over every item of a page-numbered list.

use std::collections::VecDeque;

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

    /// Every item of every page from this request's page on, fetched one page at
    /// a time as the stream is polled. An error is yielded as an item and ends
    /// the stream.
    ///
    /// ```no_run
    /// # async fn run(client: crisp_rest::Client, website: crisp_types::WebsiteId) -> Result<(), crisp_rest::Error> {
    /// use crisp_rest::Paginated;
    /// use futures_util::TryStreamExt;
    ///
    /// let all: Vec<_> = client.website().list_conversations(&website, 1).per_page(50).into_stream().try_collect().await?;
    /// # Ok(()) }
    /// ```
    fn into_stream(self) -> impl Stream<Item = Result<Self::Item, Error>> + Send + 'a
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
        stream::unfold(state, |mut state| async move {
            loop {
                if let Some(item) = state.buffered.pop_front() {
                    return Some((Ok(item), state));
                }
                let page = state.next_page?;
                let request = state.endpoint.with_page_number(page);
                match state.endpoint.client().execute(&request).await {
                    Ok(items) if items.is_empty() => return None,
                    Ok(items) => {
                        state.buffered.extend(items);
                        state.next_page = page.checked_add(1);
                    }
                    Err(error) => {
                        state.next_page = None;
                        return Some((Err(error), state));
                    }
                }
            }
        })
    }
}

/// Implements [`Paginated`] for a builder with `client` and `page_number`
/// fields.
macro_rules! paginated {
    ($endpoint:ident, $item:ty) => {
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
        }
    };
}
