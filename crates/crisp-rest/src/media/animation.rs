//! Group `media.animation`: searching animations (GIFs) to send in
//! conversations.

use crisp_types::media::{MediaAnimation, MediaAnimationList};
use http::Method;

use super::MediaApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

impl<'a> MediaApi<'a> {
    /// List Animation Medias.
    ///
    /// One page (from 1) of the animations of the list `list_id` that match
    /// `search_query`; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for every
    /// page. Both values are always sent, as the official SDKs do. The page is
    /// read from `data.results` (or a bare list); Crisp also delivers it as the
    /// RTM event `media:animation:listed`. (The Go SDK has this method on its
    /// website service and sends `list_id` as a number; the Node SDK and the
    /// reference send the list's id as a string, as here.)
    ///
    /// `GET media/animation/list/{page_number}`
    ///
    /// Tiers: `user` tokens.
    pub fn list_animation_medias(
        &self,
        page_number: u32,
        list_id: impl Into<String>,
        search_query: impl Into<String>,
    ) -> ListAnimationMedias<'a> {
        ListAnimationMedias {
            client: self.client,
            page_number,
            list_id: list_id.into(),
            search_query: search_query.into(),
        }
    }
}

/// Request builder of [`MediaApi::list_animation_medias`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct ListAnimationMedias<'a> {
    client: &'a Client,
    page_number: u32,
    list_id: String,
    search_query: String,
}

impl Endpoint for ListAnimationMedias<'_> {
    type Output = Vec<MediaAnimation>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let mut query = Query::new();
        query
            .push("list_id", &self.list_id)
            .push("search_query", &self.search_query);
        Ok(ApiRequest::from_template(
            Method::GET,
            "list_animation_medias",
            "media/animation/list/{page_number}",
            &[self.page_number],
        )?
        .with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data::<MediaAnimationList>().map(|list| list.results)
    }
}

into_future!(ListAnimationMedias);
paginated!(ListAnimationMedias, MediaAnimation);

/// The hand-written endpoint of this module.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[EndpointInfo {
    api: "MediaApi",
    name: "list_animation_medias",
    label: "List Animation Medias",
    method: "GET",
    path: "media/animation/list/{page_number}",
    tiers: &["user"],
    query: &["list_id", "search_query"],
    deprecated: None,
}];
