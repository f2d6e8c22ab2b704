//! Wire tests of `website.analytics`: `generate_analytics`, and the Go SDK's
//! retired `GET` analytics routes (points, filters, classifiers), kept as
//! deprecated methods.

#![allow(deprecated, reason = "the legacy analytics methods are tested on purpose")]

use crisp_rest::{Error, Paginated};
use crisp_transport::Tier;
use crisp_types::Timestamp;
use crisp_types::analytics::{AnalyticsGenerateQuery, AnalyticsGenerateQueryDate, AnalyticsGenerateQueryIf};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// 2020-01-01T00:00:00Z.
const FROM: Timestamp = Timestamp::from_millis(1_577_836_800_000);
/// 2030-01-01T00:00:00Z.
const TO: Timestamp = Timestamp::from_millis(1_893_456_000_000);

/// `error` is Crisp's `status` error with this `reason`.
fn assert_api_error(error: &Error, status: u16, reason: &str) {
    assert!(matches!(error, Error::Api(_)), "an API error, got {error:?}");
    assert_eq!(error.status().map(|status| status.as_u16()), Some(status), "{error:?}");
    assert_eq!(error.reason(), Some(reason), "{error:?}");
}

/// Monthly conversation counts from 2020 to 2030.
fn monthly_conversations() -> AnalyticsGenerateQuery {
    AnalyticsGenerateQuery::new(
        "conversation",
        "count",
        AnalyticsGenerateQueryDate::new("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "month", "UTC"),
    )
}

#[tokio::test]
async fn generate_analytics_counts_what_the_website_holds() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.add_conversation(&website);
    fake.add_conversation(&website);

    let query = monthly_conversations()
        .split_by("inbox")
        .condition(AnalyticsGenerateQueryIf::new("conversation", "inbox"));
    let points = client.website().generate_analytics(&website, query).await.unwrap();
    assert_wire(
        &fake,
        "generate_analytics",
        &[website.as_str()],
        &[],
        Some(json!({
            "metric": "conversation",
            "type": "count",
            "split_by": "inbox",
            "date": {"from": "2020-01-01T00:00:00Z", "to": "2030-01-01T00:00:00Z", "split": "month", "timezone": "UTC"},
            "if": {"metric": "conversation", "split_by": "inbox"},
        })),
    );
    assert!(points.len() > 100);
    assert_eq!(points[0].period.as_deref(), Some("2020-01-01T00:00:00Z"));
    assert_eq!(points[0].split_by.as_deref(), Some("inbox"));
    let total: f64 = points.iter().filter_map(|point| point.value).sum();
    assert_eq!(total, 2.0);
    assert_eq!(points.last().unwrap().sum_hits, Some(2));
}

#[tokio::test]
async fn generate_analytics_refuses_bad_dates_and_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let backwards = AnalyticsGenerateQuery::new(
        "conversation",
        "count",
        AnalyticsGenerateQueryDate::new("2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "day", "UTC"),
    );
    let error = client
        .website()
        .generate_analytics(&website, backwards)
        .await
        .unwrap_err();
    assert_api_error(&error, 400, "invalid_data");

    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let error = client
        .website()
        .generate_analytics(&fake.website_id(), monthly_conversations())
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}

#[tokio::test]
async fn acquire_analytics_points_sends_every_key_as_go_did() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.add_conversation(&website);
    fake.clear_requests();

    let points = client
        .website()
        .acquire_analytics_points(&website, "conversation", "segment", FROM, TO)
        .date_split("month")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "acquire_analytics_points",
        &[website.as_str(), "conversation", "segment"],
        &[
            ("date_from", "2020-01-01T00:00:00Z"),
            ("date_to", "2030-01-01T00:00:00Z"),
            ("date_split", "month"),
            ("classifier", ""),
            ("filter_primary", ""),
            ("filter_secondary", ""),
            ("filter_tertiary", ""),
        ],
        None,
    );
    assert_eq!(points.pipeline.unwrap().aggregator.as_deref(), Some("count"));
    assert_eq!(points.points[0].date.clone().unwrap().from, Some(FROM));
    let total: u64 = points.points.iter().filter_map(|point| point.hits).sum();
    assert_eq!(total, 1);
}

#[tokio::test]
async fn list_analytics_filters_and_classifiers() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let sessions = [fake.add_conversation(&website), fake.add_conversation(&website)];
    client
        .website()
        .batch_update_conversations_segments(&website, sessions, ["vip"])
        .await
        .unwrap();
    fake.clear_requests();

    let filters = client
        .website()
        .list_analytics_filters(&website, "conversation", "segment", 1, FROM, TO)
        .await
        .unwrap();
    let dates = [
        ("date_from", "2020-01-01T00:00:00Z"),
        ("date_to", "2030-01-01T00:00:00Z"),
    ];
    assert_wire(
        &fake,
        "list_analytics_filters",
        &[website.as_str(), "conversation", "segment", "1"],
        &dates,
        None,
    );
    assert_eq!(filters.len(), 1);
    assert_eq!(filters[0].primary.as_deref(), Some("vip"));
    assert_eq!(filters[0].aggregated, Some(2));

    let classifiers = client
        .website()
        .list_analytics_classifiers(&website, "conversation", "segment", 1, FROM, TO)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_analytics_classifiers",
        &[website.as_str(), "conversation", "segment", "1"],
        &dates,
        None,
    );
    assert_eq!(classifiers.len(), 1);
    assert_eq!(classifiers[0].classifier.as_deref(), Some("chat"));
    assert_eq!(classifiers[0].aggregated, Some(2));

    let streamed: Vec<_> = client
        .website()
        .list_analytics_filters(&website, "conversation", "segment", 1, FROM, TO)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed, filters);
    let info = crisp_rest::endpoints()
        .find(|info| info.name == "list_analytics_classifiers")
        .unwrap();
    assert!(info.deprecated.unwrap().contains("generate_analytics"));
}
