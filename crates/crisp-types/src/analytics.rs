//! Website analytics: the query `POST website/{website_id}/analytics/generate`
//! takes and the points it answers, and the models of the legacy `GET`
//! analytics routes (points, filters, classifiers) it replaced.
//!
//! ```
//! use crisp_types::analytics::{AnalyticsGenerateQuery, AnalyticsGenerateQueryDate};
//!
//! let query = AnalyticsGenerateQuery::new(
//!     "conversation",
//!     "count",
//!     AnalyticsGenerateQueryDate::new("2024-01-01T00:00:00Z", "2024-01-31T23:59:59Z", "day", "Europe/Paris"),
//! )
//! .split_by("inbox");
//! assert_eq!(
//!     serde_json::to_value(&query)?,
//!     serde_json::json!({
//!         "metric": "conversation", "type": "count", "split_by": "inbox",
//!         "date": {"from": "2024-01-01T00:00:00Z", "to": "2024-01-31T23:59:59Z", "split": "day", "timezone": "Europe/Paris"},
//!     })
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Timestamp;
use crate::util::null_as_default;

/// The body of `POST website/{website_id}/analytics/generate`: what to
/// measure (`metric`, `type`), over which dates, split and filtered how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyticsGenerateQuery {
    /// What is measured (`conversation`, `message`, `visitor`, ...).
    pub metric: String,
    /// How it is measured (`type` on the wire: `count`, `duration`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// How values combine (`sum`, `average`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregator: Option<String>,
    /// What the points are split by (`inbox`, `operator`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_by: Option<String>,
    /// A filter on the measured items (any JSON, as Crisp takes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Value>,
    /// The dates measured and how they are split.
    pub date: AnalyticsGenerateQueryDate,
    /// A condition on another metric (`if` on the wire).
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<AnalyticsGenerateQueryIf>,
    /// What applies when `condition` holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub then: Option<AnalyticsGenerateQueryThen>,
    /// Whether raw rows are exported rather than points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_export: Option<bool>,
}

impl AnalyticsGenerateQuery {
    /// Measures `metric` as `kind` over `date`.
    pub fn new(metric: impl Into<String>, kind: impl Into<String>, date: AnalyticsGenerateQueryDate) -> Self {
        Self {
            metric: metric.into(),
            kind: kind.into(),
            aggregator: None,
            split_by: None,
            filter: None,
            date,
            condition: None,
            then: None,
            raw_export: None,
        }
    }

    option_setters! {
        /// Sets how values combine.
        aggregator: String,
        /// Splits the points by this dimension.
        split_by: String,
        /// Filters the measured items.
        filter: Value,
        /// Sets a condition on another metric (`if`).
        condition: AnalyticsGenerateQueryIf,
        /// Sets what applies when the condition holds.
        then: AnalyticsGenerateQueryThen,
        /// Exports raw rows.
        raw_export: bool,
    }
}

/// The dates of an [`AnalyticsGenerateQuery`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsGenerateQueryDate {
    /// The first instant measured (ISO 8601).
    pub from: String,
    /// The last instant measured (ISO 8601).
    pub to: String,
    /// The width of one point (`hour`, `day`, `week`, `month`).
    pub split: String,
    /// The time zone periods are cut in (`Europe/Paris`, `UTC`).
    pub timezone: String,
    /// Only these hours of these days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<AnalyticsGenerateQueryDateDays>,
}

impl AnalyticsGenerateQueryDate {
    /// From `from` to `to` (ISO 8601), one point per `split`, in `timezone`.
    pub fn new(
        from: impl Into<String>,
        to: impl Into<String>,
        split: impl Into<String>,
        timezone: impl Into<String>,
    ) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            split: split.into(),
            timezone: timezone.into(),
            days: None,
        }
    }

    option_setters! {
        /// Only measures these hours of these days.
        days: AnalyticsGenerateQueryDateDays,
    }
}

/// Per week day, the hours measured (a day left out is not measured).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnalyticsGenerateQueryDateDays {
    /// Mondays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monday: Option<AnalyticsGenerateQueryDateDay>,
    /// Tuesdays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tuesday: Option<AnalyticsGenerateQueryDateDay>,
    /// Wednesdays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wednesday: Option<AnalyticsGenerateQueryDateDay>,
    /// Thursdays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thursday: Option<AnalyticsGenerateQueryDateDay>,
    /// Fridays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friday: Option<AnalyticsGenerateQueryDateDay>,
    /// Saturdays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saturday: Option<AnalyticsGenerateQueryDateDay>,
    /// Sundays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sunday: Option<AnalyticsGenerateQueryDateDay>,
}

impl AnalyticsGenerateQueryDateDays {
    /// No day yet; add days with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets Mondays' hours.
        monday: AnalyticsGenerateQueryDateDay,
        /// Sets Tuesdays' hours.
        tuesday: AnalyticsGenerateQueryDateDay,
        /// Sets Wednesdays' hours.
        wednesday: AnalyticsGenerateQueryDateDay,
        /// Sets Thursdays' hours.
        thursday: AnalyticsGenerateQueryDateDay,
        /// Sets Fridays' hours.
        friday: AnalyticsGenerateQueryDateDay,
        /// Sets Saturdays' hours.
        saturday: AnalyticsGenerateQueryDateDay,
        /// Sets Sundays' hours.
        sunday: AnalyticsGenerateQueryDateDay,
    }
}

/// The hours measured on one week day (`HH:MM`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsGenerateQueryDateDay {
    /// The first hour (`09:00`).
    pub hour_from: String,
    /// The last hour (`18:00`).
    pub hour_to: String,
}

impl AnalyticsGenerateQueryDateDay {
    /// From `hour_from` to `hour_to` (`HH:MM`).
    pub fn new(hour_from: impl Into<String>, hour_to: impl Into<String>) -> Self {
        Self {
            hour_from: hour_from.into(),
            hour_to: hour_to.into(),
        }
    }
}

/// The `if` of an [`AnalyticsGenerateQuery`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsGenerateQueryIf {
    /// The metric tested.
    pub metric: String,
    /// Its split.
    pub split_by: String,
}

impl AnalyticsGenerateQueryIf {
    /// A condition on `metric` split by `split_by`.
    pub fn new(metric: impl Into<String>, split_by: impl Into<String>) -> Self {
        Self {
            metric: metric.into(),
            split_by: split_by.into(),
        }
    }
}

/// The `then` of an [`AnalyticsGenerateQuery`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AnalyticsGenerateQueryThen {
    /// The measure applied (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The filter applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Value>,
}

impl AnalyticsGenerateQueryThen {
    /// Nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the measure applied.
        kind: String,
        /// Sets the filter applied.
        filter: Value,
    }
}

/// One point of generated analytics.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsGeneratePoint {
    /// The period the point covers (its start, ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The measured value (a count, or a duration for duration metrics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The split value this point belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_by: Option<String>,
    /// How many items were measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hits: Option<u64>,
    /// How many distinct items were measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_hits: Option<u64>,
    /// The sum of the values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_value: Option<f64>,
    /// The sum of the hits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_hits: Option<u64>,
}

/// The answer of the legacy `GET .../analytics/{type}/{metric}/points` route.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsPoints {
    /// How the points were computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline: Option<WebsiteAnalyticsPointsPipeline>,
    /// The points.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<WebsiteAnalyticsPointsPoint>,
}

/// How legacy analytics points were computed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsPointsPipeline {
    /// How values were combined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregator: Option<String>,
}

/// One legacy analytics point.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsPointsPoint {
    /// The measured value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// How many items were measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hits: Option<u64>,
    /// The period the point covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<WebsiteAnalyticsPointsPointDate>,
}

/// The period of a legacy analytics point.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsPointsPointDate {
    /// Its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Timestamp>,
    /// Its end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Timestamp>,
}

/// One filter value of the legacy analytics filters route.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsFilter {
    /// The primary filter value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    /// The secondary filter value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary: Option<String>,
    /// The tertiary filter value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tertiary: Option<String>,
    /// How many items have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated: Option<u64>,
}

/// One classifier of the legacy analytics classifiers route.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAnalyticsClassifier {
    /// The classifier value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classifier: Option<String>,
    /// How many items have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated: Option<u64>,
}
