//! Group `website.visitors`: the visitors browsing a website right now, the
//! visitors map, chatbox tokens, and blocked visitors.

use crisp_types::WebsiteId;
use crisp_types::visitor::{
    WebsiteVisitor, WebsiteVisitorCount, WebsiteVisitorsBlocked, WebsiteVisitorsMapPoint, WebsiteVisitorsToken,
};
use http::Method;
use serde::Deserialize;

use super::WebsiteApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::{Error, InvalidInput};
use crate::query::{Query, QueryValue};
use crate::request::ApiRequest;
use crate::response::ApiResponse;

endpoints! {
    impl WebsiteApi;

    /// How many visitors are on the website, and how many are active.
    "Count Visitors" => fn count_visitors -> CountVisitors;
    GET "website/{website_id}/visitors/count";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data WebsiteVisitorCount;

    /// One page (from 1) of the visitors on the website; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Visitors" => fn list_visitors -> ListVisitors;
    GET "website/{website_id}/visitors/list/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<WebsiteVisitor>;
    paginated WebsiteVisitor;

    /// Where the visitors are, as map points: the whole world, or (with the
    /// three `center_*` setters) the area around a point. Each value set is
    /// sent in its shortest decimal form, as the Node SDK does.
    "Pinpoint Visitors On A Map" => fn pinpoint_visitors_on_map -> PinpointVisitorsOnMap;
    GET "website/{website_id}/visitors/map";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    query {
        /// The longitude of the area's center, in degrees.
        center_longitude: f64,
        /// The latitude of the area's center, in degrees.
        center_latitude: f64,
        /// The area's radius, in kilometers.
        center_radius: u32,
    }
    output data Vec<WebsiteVisitorsMapPoint>;

    /// The session of the visitor a chatbox token (`CRISP_TOKEN_ID`) belongs to.
    "Get Session Identifier From Token" => fn get_session_identifier_from_token -> GetSessionIdentifierFromToken;
    GET "website/{website_id}/visitors/token/{token_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, token_id: &'a str);
    output data WebsiteVisitorsToken;

    /// How many visitors one blocking rule keeps out.
    "Count Blocked Visitors In Rule" => fn count_blocked_visitors_in_rule -> CountBlockedVisitorsInRule;
    GET "website/{website_id}/visitors/blocked/{rule}";
    tiers [user];
    path (website_id: &'a WebsiteId, rule: &'a str);
    output data WebsiteVisitorsBlocked;

    /// Forgets the visitors one blocking rule kept out.
    "Clear Blocked Visitors In Rule" => fn clear_blocked_visitors_in_rule -> ClearBlockedVisitorsInRule;
    DELETE "website/{website_id}/visitors/blocked/{rule}";
    tiers [user];
    path (website_id: &'a WebsiteId, rule: &'a str);
    output empty;
}

/// Sent in its shortest decimal form (`2.35`, `-1`), as JavaScript's
/// `String(number)` writes it; a non-finite value is refused before sending.
impl QueryValue for f64 {
    fn push_to(&self, query: &mut Query, route: &'static str, key: &'static str) -> Result<(), Error> {
        if !self.is_finite() {
            return Err(InvalidInput::new(format!("{route}: `{key}` must be a finite number, not {self}")).into());
        }
        query.push(key, self);
        Ok(())
    }
}

impl<'a> WebsiteApi<'a> {
    /// Count Blocked Visitors.
    ///
    /// How many visitors each blocking rule keeps out, one entry per rule.
    /// Crisp answers a list; a single `{rule, blocked}` object (the shape the
    /// Node typings describe) decodes as a one-entry list.
    ///
    /// `GET website/{website_id}/visitors/blocked`
    ///
    /// Tiers: `user` tokens.
    pub fn count_blocked_visitors(&self, website_id: &'a WebsiteId) -> CountBlockedVisitors<'a> {
        CountBlockedVisitors {
            client: self.client,
            website_id,
        }
    }
}

/// Request builder of [`WebsiteApi::count_blocked_visitors`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CountBlockedVisitors<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
}

impl Endpoint for CountBlockedVisitors<'_> {
    type Output = Vec<WebsiteVisitorsBlocked>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        ApiRequest::from_template(
            Method::GET,
            "count_blocked_visitors",
            "website/{website_id}/visitors/blocked",
            &[self.website_id],
        )
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        /// A list, or the single object the Node typings describe.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            Many(Vec<WebsiteVisitorsBlocked>),
            One(WebsiteVisitorsBlocked),
        }

        Ok(match response.data::<OneOrMany>()? {
            OneOrMany::Many(rules) => rules,
            OneOrMany::One(rule) => vec![rule],
        })
    }
}

into_future!(CountBlockedVisitors);

/// The hand-written endpoint of this module.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[EndpointInfo {
    api: "WebsiteApi",
    name: "count_blocked_visitors",
    label: "Count Blocked Visitors",
    method: "GET",
    path: "website/{website_id}/visitors/blocked",
    tiers: &["user"],
    query: &[],
    deprecated: None,
}];
