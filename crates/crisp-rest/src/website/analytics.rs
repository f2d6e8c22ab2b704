//! Group `website.analytics`: generated analytics, and the legacy `GET`
//! analytics routes of the Go SDK (points, filters, classifiers) that
//! `generate_analytics` replaced, kept deprecated for code ported from Go.

use crisp_types::analytics::{
    AnalyticsGenerateQuery, WebsiteAnalyticsClassifier, WebsiteAnalyticsFilter, WebsiteAnalyticsGeneratePoint,
    WebsiteAnalyticsPoints,
};
use crisp_types::{Timestamp, WebsiteId};
use http::Method;

use super::WebsiteApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

endpoints! {
    impl WebsiteApi;

    /// Measures a metric over dates, split and filtered as `query` says.
    "Generate Analytics" => fn generate_analytics -> GenerateAnalytics;
    POST "website/{website_id}/analytics/generate";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (query: AnalyticsGenerateQuery);
    body query: AnalyticsGenerateQuery = query;
    output data Vec<WebsiteAnalyticsGeneratePoint>;
}

/// What replaces the legacy analytics routes.
const REPLACED: &str =
    "removed from the Go SDK when POST analytics/generate replaced the GET analytics routes: use generate_analytics";

/// `time` as RFC 3339 in UTC, as Go's `time.Time.UTC().MarshalText()` writes
/// it: `2024-01-31T08:05:09Z`, with milliseconds only when there are some
/// (`...09.5Z`).
fn rfc3339(time: Timestamp) -> String {
    let millis = time.as_millis();
    let seconds_of_day = (millis / 1_000) % 86_400;
    // Days since 1970-01-01, shifted to 0000-03-01 (Howard Hinnant's civil_from_days).
    let z = millis / 86_400_000 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    let mut out = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        seconds_of_day / 3_600,
        (seconds_of_day / 60) % 60,
        seconds_of_day % 60
    );
    let fraction = millis % 1_000;
    if fraction > 0 {
        let digits = format!("{fraction:03}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out.push('Z');
    out
}

impl<'a> WebsiteApi<'a> {
    /// Acquire Analytics Points.
    ///
    /// The points of one analytics metric (`point_type`, `point_metric`, e.g.
    /// `conversation` / `segment`) between two dates. Every query key is
    /// always sent, the optional ones empty unless set, as the Go SDK did.
    ///
    /// `GET website/{website_id}/analytics/{point_type}/{point_metric}/points`
    ///
    /// Tiers: `user` tokens.
    #[deprecated = "removed from the Go SDK when POST analytics/generate replaced the GET analytics routes: use generate_analytics"]
    pub fn acquire_analytics_points(
        &self,
        website_id: &'a WebsiteId,
        point_type: impl Into<String>,
        point_metric: impl Into<String>,
        date_from: Timestamp,
        date_to: Timestamp,
    ) -> AcquireAnalyticsPoints<'a> {
        AcquireAnalyticsPoints {
            client: self.client,
            website_id,
            point_type: point_type.into(),
            point_metric: point_metric.into(),
            date_from,
            date_to,
            date_split: String::new(),
            classifier: String::new(),
            filter_primary: String::new(),
            filter_secondary: String::new(),
            filter_tertiary: String::new(),
        }
    }

    /// List Analytics Filters.
    ///
    /// One page (from 1) of the filter values of one analytics metric between
    /// two dates; see [`Paginated::into_stream`](crate::Paginated::into_stream)
    /// for all pages.
    ///
    /// `GET website/{website_id}/analytics/{point_type}/{point_metric}/filters/{page_number}`
    ///
    /// Tiers: `user` tokens.
    #[deprecated = "removed from the Go SDK when POST analytics/generate replaced the GET analytics routes: use generate_analytics"]
    pub fn list_analytics_filters(
        &self,
        website_id: &'a WebsiteId,
        point_type: impl Into<String>,
        point_metric: impl Into<String>,
        page_number: u32,
        date_from: Timestamp,
        date_to: Timestamp,
    ) -> ListAnalyticsFilters<'a> {
        ListAnalyticsFilters(Legacy::new(
            self.client,
            website_id,
            point_type.into(),
            point_metric.into(),
            page_number,
            (date_from, date_to),
        ))
    }

    /// List Analytics Classifiers.
    ///
    /// One page (from 1) of the classifiers of one analytics metric between
    /// two dates; see [`Paginated::into_stream`](crate::Paginated::into_stream)
    /// for all pages.
    ///
    /// `GET website/{website_id}/analytics/{point_type}/{point_metric}/classifiers/{page_number}`
    ///
    /// Tiers: `user` tokens.
    #[deprecated = "removed from the Go SDK when POST analytics/generate replaced the GET analytics routes: use generate_analytics"]
    pub fn list_analytics_classifiers(
        &self,
        website_id: &'a WebsiteId,
        point_type: impl Into<String>,
        point_metric: impl Into<String>,
        page_number: u32,
        date_from: Timestamp,
        date_to: Timestamp,
    ) -> ListAnalyticsClassifiers<'a> {
        ListAnalyticsClassifiers(Legacy::new(
            self.client,
            website_id,
            point_type.into(),
            point_metric.into(),
            page_number,
            (date_from, date_to),
        ))
    }
}

/// Request builder of [`WebsiteApi::acquire_analytics_points`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct AcquireAnalyticsPoints<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    point_type: String,
    point_metric: String,
    date_from: Timestamp,
    date_to: Timestamp,
    date_split: String,
    classifier: String,
    filter_primary: String,
    filter_secondary: String,
    filter_tertiary: String,
}

impl AcquireAnalyticsPoints<'_> {
    /// The width of one point (`date_split`).
    pub fn date_split(mut self, split: impl Into<String>) -> Self {
        self.date_split = split.into();
        self
    }

    /// The classifier the points are restricted to.
    pub fn classifier(mut self, classifier: impl Into<String>) -> Self {
        self.classifier = classifier.into();
        self
    }

    /// The primary filter value.
    pub fn filter_primary(mut self, value: impl Into<String>) -> Self {
        self.filter_primary = value.into();
        self
    }

    /// The secondary filter value.
    pub fn filter_secondary(mut self, value: impl Into<String>) -> Self {
        self.filter_secondary = value.into();
        self
    }

    /// The tertiary filter value.
    pub fn filter_tertiary(mut self, value: impl Into<String>) -> Self {
        self.filter_tertiary = value.into();
        self
    }
}

impl Endpoint for AcquireAnalyticsPoints<'_> {
    type Output = WebsiteAnalyticsPoints;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values: [&dyn std::fmt::Display; 3] = [self.website_id, &self.point_type, &self.point_metric];
        let mut query = Query::new();
        query
            .push("date_from", rfc3339(self.date_from))
            .push("date_to", rfc3339(self.date_to))
            .push("date_split", &self.date_split)
            .push("classifier", &self.classifier)
            .push("filter_primary", &self.filter_primary)
            .push("filter_secondary", &self.filter_secondary)
            .push("filter_tertiary", &self.filter_tertiary);
        let template = "website/{website_id}/analytics/{point_type}/{point_metric}/points";
        Ok(ApiRequest::from_template(Method::GET, "acquire_analytics_points", template, &values)?.with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(AcquireAnalyticsPoints);

/// What the legacy filters and classifiers lists share.
#[derive(Debug, Clone)]
struct Legacy<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    point_type: String,
    point_metric: String,
    page_number: u32,
    dates: (Timestamp, Timestamp),
}

impl<'a> Legacy<'a> {
    fn new(
        client: &'a Client,
        website_id: &'a WebsiteId,
        point_type: String,
        point_metric: String,
        page_number: u32,
        dates: (Timestamp, Timestamp),
    ) -> Self {
        Self {
            client,
            website_id,
            point_type,
            point_metric,
            page_number,
            dates,
        }
    }

    /// `GET website/{website_id}/analytics/{point_type}/{point_metric}/<list>/{page_number}`
    /// with both dates.
    fn request(&self, route: &'static str, template: &'static str) -> Result<ApiRequest, Error> {
        let values: [&dyn std::fmt::Display; 4] =
            [self.website_id, &self.point_type, &self.point_metric, &self.page_number];
        let mut query = Query::new();
        query
            .push("date_from", rfc3339(self.dates.0))
            .push("date_to", rfc3339(self.dates.1));
        Ok(ApiRequest::from_template(Method::GET, route, template, &values)?.with_query(query))
    }
}

/// Declares a legacy list builder over [`Legacy`].
macro_rules! legacy_list {
    ($builder:ident, $method:literal, $route:literal, $template:literal, $item:ty) => {
        #[doc = concat!("Request builder of [`WebsiteApi::", $method, "`]; await it.")]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is awaited"]
        pub struct $builder<'a>(Legacy<'a>);

        impl Endpoint for $builder<'_> {
            type Output = Vec<$item>;

            fn to_request(&self) -> Result<ApiRequest, Error> {
                self.0.request($route, $template)
            }

            fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
                response.data()
            }
        }

        impl ::std::future::IntoFuture for $builder<'_> {
            type Output = Result<Vec<$item>, Error>;
            type IntoFuture = crate::ResponseFuture<Vec<$item>>;

            fn into_future(self) -> Self::IntoFuture {
                self.0.client.execute(&self)
            }
        }

        impl<'a> crate::Paginated<'a> for $builder<'a> {
            type Item = $item;

            fn client(&self) -> &'a Client {
                self.0.client
            }

            fn with_page_number(&self, page_number: u32) -> Self {
                Self(Legacy {
                    page_number,
                    ..self.0.clone()
                })
            }

            fn page_number(&self) -> u32 {
                self.0.page_number
            }
        }
    };
}

legacy_list!(
    ListAnalyticsFilters,
    "list_analytics_filters",
    "list_analytics_filters",
    "website/{website_id}/analytics/{point_type}/{point_metric}/filters/{page_number}",
    WebsiteAnalyticsFilter
);

legacy_list!(
    ListAnalyticsClassifiers,
    "list_analytics_classifiers",
    "list_analytics_classifiers",
    "website/{website_id}/analytics/{point_type}/{point_metric}/classifiers/{page_number}",
    WebsiteAnalyticsClassifier
);

/// The hand-written (deprecated) endpoints of this module.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[
    EndpointInfo {
        api: "WebsiteApi",
        name: "acquire_analytics_points",
        label: "Acquire Analytics Points",
        method: "GET",
        path: "website/{website_id}/analytics/{point_type}/{point_metric}/points",
        tiers: &["user"],
        query: &[
            "date_from",
            "date_to",
            "date_split",
            "classifier",
            "filter_primary",
            "filter_secondary",
            "filter_tertiary",
        ],
        deprecated: Some(REPLACED),
    },
    EndpointInfo {
        api: "WebsiteApi",
        name: "list_analytics_filters",
        label: "List Analytics Filters",
        method: "GET",
        path: "website/{website_id}/analytics/{point_type}/{point_metric}/filters/{page_number}",
        tiers: &["user"],
        query: &["date_from", "date_to"],
        deprecated: Some(REPLACED),
    },
    EndpointInfo {
        api: "WebsiteApi",
        name: "list_analytics_classifiers",
        label: "List Analytics Classifiers",
        method: "GET",
        path: "website/{website_id}/analytics/{point_type}/{point_metric}/classifiers/{page_number}",
        tiers: &["user"],
        query: &["date_from", "date_to"],
        deprecated: Some(REPLACED),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_writes_utc_like_go() {
        assert_eq!(rfc3339(Timestamp::from_millis(0)), "1970-01-01T00:00:00Z");
        assert_eq!(
            rfc3339(Timestamp::from_millis(1_706_688_309_000)),
            "2024-01-31T08:05:09Z"
        );
        assert_eq!(
            rfc3339(Timestamp::from_millis(1_709_164_800_500)),
            "2024-02-29T00:00:00.5Z"
        );
        assert_eq!(
            rfc3339(Timestamp::from_millis(951_782_400_123)),
            "2000-02-29T00:00:00.123Z"
        );
        assert_eq!(
            rfc3339(Timestamp::from_millis(4_102_444_799_999)),
            "2099-12-31T23:59:59.999Z"
        );
    }
}
