//! Analytics: `POST analytics/generate`, and the legacy `GET` routes of the
//! Go SDK (points, filters, classifiers), all counted from the website's
//! conversations, people profiles and campaigns.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{AdminReply, Fail, PER_PAGE, UserOnly, required_text, site};
use crate::date::parse_iso8601_millis;
use crate::extract::{
    Params, QueryPairs, json_object, optional_bool, optional_object, optional_str, page_number, paginate,
};
use crate::reply::{ApiError, Success};
use crate::server::App;
use crate::state::{Website, count_names};

/// At most this many points per answer.
const MAX_POINTS: u64 = 1_000;

/// The analytics routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/analytics/generate", post(generate_analytics))
        .route(
            "/v1/website/{website_id}/analytics/{point_type}/{point_metric}/points",
            get(acquire_analytics_points),
        )
        .route(
            "/v1/website/{website_id}/analytics/{point_type}/{point_metric}/filters/{page_number}",
            get(list_analytics_filters),
        )
        .route(
            "/v1/website/{website_id}/analytics/{point_type}/{point_metric}/classifiers/{page_number}",
            get(list_analytics_classifiers),
        )
}

/// The width of a `split` in ms (`hour`, `day`, `week`, `month` of 30
/// days), else `400 invalid_data`.
fn split_width(split: &str) -> Result<u64, Fail> {
    const HOUR: u64 = 3_600_000;
    match split {
        "hour" => Ok(HOUR),
        "day" => Ok(24 * HOUR),
        "week" => Ok(7 * 24 * HOUR),
        "month" => Ok(30 * 24 * HOUR),
        _ => Err(ApiError::INVALID_DATA.into()),
    }
}

/// An ISO 8601 date, else `400 invalid_data`.
fn date(value: &str) -> Result<u64, Fail> {
    parse_iso8601_millis(value).ok_or(ApiError::INVALID_DATA.into())
}

/// The creation times of what `metric` counts: `conversation`(s), `people`
/// (profiles), `campaign`(s); nothing for another metric.
fn created(website: &Website, metric: &str) -> Vec<u64> {
    match metric {
        "conversation" | "conversations" => website.conversations.iter().map(|c| c.created_at).collect(),
        "people" | "profile" | "profiles" => website.people.iter().map(|p| p.created_at).collect(),
        "campaign" | "campaigns" => website.admin.campaigns.iter().map(|c| c.created_at).collect(),
        _ => Vec::new(),
    }
}

/// `from..=to` cut in `width`-wide periods: `(start, end, items created in it)`.
fn periods(times: &[u64], from: u64, to: u64, width: u64) -> Result<Vec<(u64, u64, u64)>, Fail> {
    if from > to || (to - from) / width >= MAX_POINTS {
        return Err(ApiError::INVALID_DATA.into());
    }
    let mut out = Vec::new();
    let mut start = from;
    while start <= to {
        let end = start.saturating_add(width - 1).min(to);
        let count = times.iter().filter(|t| (start..=end).contains(*t)).count() as u64;
        out.push((start, end, count));
        start = start.saturating_add(width);
    }
    Ok(out)
}

/// `millis` as `YYYY-MM-DDTHH:MM:SSZ`.
fn iso(millis: u64) -> String {
    let seconds = (millis / 1_000) % 86_400;
    let z = millis / 86_400_000 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3_600,
        (seconds / 60) % 60,
        seconds % 60
    )
}

/// `POST analytics/generate {metric, type, date{from, to, split, timezone,
/// days?}, aggregator?, split_by?, filter?, if?, then?, raw_export?}` (user
/// tier) -> one point per period: how many items of the metric were created
/// in it (`value`, `hits`, `unique_hits`), with running sums.
async fn generate_analytics(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let query = json_object(&body)?;
    let metric = required_text(&query, "metric")?.to_owned();
    required_text(&query, "type")?;
    optional_str(&query, "aggregator")?;
    let split_by = optional_str(&query, "split_by")?.map(str::to_owned);
    optional_object(&query, "if")?;
    optional_object(&query, "then")?;
    optional_bool(&query, "raw_export")?;
    let range = optional_object(&query, "date")?.ok_or(ApiError::INVALID_DATA)?;
    let (from, to) = (date(required_text(range, "from")?)?, date(required_text(range, "to")?)?);
    let width = split_width(required_text(range, "split")?)?;
    required_text(range, "timezone")?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let (mut sum_value, mut sum_hits) = (0, 0);
    let points = periods(&created(website, &metric), from, to, width)?
        .into_iter()
        .map(|(start, _, count)| {
            sum_value += count;
            sum_hits += count;
            let mut point = json!({
                "period": iso(start),
                "value": count,
                "hits": count,
                "unique_hits": count,
                "sum_value": sum_value,
                "sum_hits": sum_hits,
            });
            if let Some(split_by) = &split_by {
                point["split_by"] = json!(split_by);
            }
            point
        })
        .collect();
    Ok(Success::resolved(Value::Array(points)))
}

/// The `date_from` and `date_to` query values (RFC 3339), required.
fn query_dates(query: &QueryPairs) -> Result<(u64, u64), Fail> {
    let value = |key| query.get(key).ok_or(Fail::Api(ApiError::INVALID_DATA)).and_then(date);
    Ok((value("date_from")?, value("date_to")?))
}

/// `GET analytics/{point_type}/{point_metric}/points?date_from&date_to&date_split&..`
/// (user tier; legacy) -> `{pipeline{aggregator}, points[{value, hits,
/// date{from, to}}]}`, one point per `date_split` (default `day`) of what
/// `point_type` counts.
async fn acquire_analytics_points(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, point_type, _metric)): Params<(String, String, String)>,
    query: QueryPairs,
) -> AdminReply {
    let (from, to) = query_dates(&query)?;
    let width = split_width(query.get("date_split").unwrap_or("day"))?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let points: Vec<Value> = periods(&created(website, &point_type), from, to, width)?
        .into_iter()
        .map(|(start, end, count)| json!({ "value": count, "hits": count, "date": { "from": start, "to": end } }))
        .collect();
    Ok(Success::resolved(
        json!({ "pipeline": { "aggregator": "count" }, "points": points }),
    ))
}

/// The conversations created between the query dates.
fn conversations_between(
    website: &Website,
    (from, to): (u64, u64),
) -> impl Iterator<Item = &crate::state::Conversation> {
    website
        .conversations
        .iter()
        .filter(move |c| (from..=to).contains(&c.created_at))
}

/// `GET analytics/{type}/{metric}/filters/{page_number}?date_from&date_to`
/// (user tier; legacy) -> the segments of the conversations created between
/// the dates, `[{primary: segment, secondary: "", tertiary: "", aggregated}]`.
async fn list_analytics_filters(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, _type, _metric, page)): Params<(String, String, String, String)>,
    query: QueryPairs,
) -> AdminReply {
    let page = page_number(&page)?;
    let dates = query_dates(&query)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let segments = conversations_between(website, dates)
        .filter_map(|c| c.meta.get("segments").and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_str);
    let filters = count_names(segments, None, "primary")
        .into_iter()
        .map(|mut counted| {
            counted["secondary"] = json!("");
            counted["tertiary"] = json!("");
            counted["aggregated"] = counted["count"].take();
            if let Value::Object(counted) = &mut counted {
                counted.remove("count");
            }
            counted
        })
        .collect();
    Ok(Success::resolved(Value::Array(paginate(filters, page, PER_PAGE))))
}

/// `GET analytics/{type}/{metric}/classifiers/{page_number}?date_from&date_to`
/// (user tier; legacy) -> the origins (`chat`, `email`, ...) of the
/// conversations created between the dates, `[{classifier, aggregated}]`.
async fn list_analytics_classifiers(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, _type, _metric, page)): Params<(String, String, String, String)>,
    query: QueryPairs,
) -> AdminReply {
    let page = page_number(&page)?;
    let dates = query_dates(&query)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let origins = conversations_between(website, dates).filter_map(|c| c.meta.get("origin").and_then(Value::as_str));
    let classifiers = count_names(origins, None, "classifier")
        .into_iter()
        .map(|mut counted| {
            counted["aggregated"] = counted["count"].take();
            if let Value::Object(counted) = &mut counted {
                counted.remove("count");
            }
            counted
        })
        .collect();
    Ok(Success::resolved(Value::Array(paginate(classifiers, page, PER_PAGE))))
}
