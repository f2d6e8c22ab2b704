//! Visitors on a website: count, list, map, chatbox tokens, and blocked
//! visitors per rule.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde_json::{Value, json};

use super::{AdminReply, Fail, PER_PAGE, UserOnly, site};
use crate::extract::{Params, QueryPairs, page_number, paginate};
use crate::reply::{ApiError, Success};
use crate::server::App;
use crate::state::admin::Visitor;

/// Above this many visitors at one point, the map lists no session.
const MAP_THRESHOLD: usize = 50;

/// The visitor routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/visitors/count", get(count_visitors))
        .route(
            "/v1/website/{website_id}/visitors/list/{page_number}",
            get(list_visitors),
        )
        .route("/v1/website/{website_id}/visitors/map", get(pinpoint_visitors_on_map))
        .route(
            "/v1/website/{website_id}/visitors/token/{token_id}",
            get(get_session_identifier_from_token),
        )
        .route("/v1/website/{website_id}/visitors/blocked", get(count_blocked_visitors))
        .route(
            "/v1/website/{website_id}/visitors/blocked/{rule}",
            get(count_blocked_visitors_in_rule).delete(clear_blocked_visitors_in_rule),
        )
}

/// `GET visitors/count` -> `{count, active, limited}`.
async fn count_visitors(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let visitors = &website.admin.visitors;
    let active = visitors.iter().filter(|v| v.is_active()).count();
    Ok(Success::resolved(
        json!({ "count": visitors.len(), "active": active, "limited": false }),
    ))
}

/// `GET visitors/list/{page_number}`: newest first.
async fn list_visitors(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> AdminReply {
    let page = page_number(&page)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let visitors = website.admin.visitors.iter().rev().map(Visitor::to_json).collect();
    Ok(Success::resolved(Value::Array(paginate(visitors, page, PER_PAGE))))
}

/// A query coordinate: absent is `None`, a non-number `400 invalid_data`.
fn coordinate(query: &QueryPairs, key: &str) -> Result<Option<f64>, Fail> {
    query
        .get(key)
        .map(|value| {
            value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|value| value.is_finite())
                .ok_or(ApiError::INVALID_DATA.into())
        })
        .transpose()
}

/// The distance between two points of the globe, in kilometers.
fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    6_371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

/// A visitor as a map point lists it.
fn map_session(visitor: &Visitor) -> Value {
    let view = visitor.to_json();
    let mut out = json!({});
    for key in [
        "session_id",
        "nickname",
        "email",
        "avatar",
        "initiated",
        "active",
        "last_page",
        "timezone",
        "capabilities",
        "locales",
    ] {
        if let Some(value) = view.get(key) {
            out[key] = value.clone();
        }
    }
    out
}

/// `GET visitors/map`: one point per place (city and country) with the
/// visitors there; with `center_longitude`, `center_latitude` and
/// `center_radius` (km; all three or none, else `400 invalid_data`), only
/// the visitors within the radius.
async fn pinpoint_visitors_on_map(
    State(app): State<App>,
    Params(website_id): Params<String>,
    query: QueryPairs,
) -> AdminReply {
    let center = match (
        coordinate(&query, "center_longitude")?,
        coordinate(&query, "center_latitude")?,
        query.number("center_radius")?,
    ) {
        (None, None, None) => None,
        (Some(longitude), Some(latitude), Some(radius)) => Some(((latitude, longitude), radius)),
        _ => return Err(ApiError::INVALID_DATA.into()),
    };
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let mut points: Vec<(Value, Vec<&Visitor>)> = Vec::new();
    for visitor in &website.admin.visitors {
        let Some(at) = visitor.coordinates() else {
            continue;
        };
        if let Some((origin, radius)) = center
            && distance_km(origin, at) > radius as f64
        {
            continue;
        }
        let geolocation = visitor.to_json().get("geolocation").cloned().unwrap_or(Value::Null);
        let place = |g: &Value| (g.get("city").cloned(), g.get("country").cloned());
        match points.iter_mut().find(|(g, _)| place(g) == place(&geolocation)) {
            Some((_, visitors)) => visitors.push(visitor),
            None => points.push((geolocation, vec![visitor])),
        }
    }
    let points = points
        .into_iter()
        .map(|(geolocation, visitors)| {
            let sessions: Vec<Value> = if visitors.len() > MAP_THRESHOLD {
                Vec::new()
            } else {
                visitors.iter().map(|v| map_session(v)).collect()
            };
            json!({
                "visitors": { "count": visitors.len(), "threshold": MAP_THRESHOLD, "sessions": sessions },
                "geolocation": geolocation,
            })
        })
        .collect();
    Ok(Success::resolved(Value::Array(points)))
}

/// `GET visitors/token/{token_id}` -> `{session_id}`, or `404 token_not_found`.
async fn get_session_identifier_from_token(
    State(app): State<App>,
    Params((website_id, token_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let session_id = website.admin.tokens.get(&token_id).ok_or(Fail::TOKEN_NOT_FOUND)?;
    Ok(Success::resolved(json!({ "session_id": session_id })))
}

/// `GET visitors/blocked` (user tier) -> `[{rule: [name], blocked}]` for
/// every rule that blocked someone.
async fn count_blocked_visitors(_: UserOnly, State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let rules = website
        .admin
        .blocked
        .iter()
        .filter(|(_, blocked)| **blocked > 0)
        .map(|(rule, blocked)| json!({ "rule": [rule], "blocked": blocked }))
        .collect();
    Ok(Success::resolved(Value::Array(rules)))
}

/// `GET visitors/blocked/{rule}` (user tier) -> `{rule: [rule], blocked}`
/// (0 for a rule that blocked no one).
async fn count_blocked_visitors_in_rule(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, rule)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let blocked = website.admin.blocked.get(&rule).copied().unwrap_or(0);
    Ok(Success::resolved(json!({ "rule": [rule], "blocked": blocked })))
}

/// `DELETE visitors/blocked/{rule}` (user tier): the rule's count goes back to 0.
async fn clear_blocked_visitors_in_rule(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, rule)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    website.admin.blocked.remove(&rule);
    Ok(Success::deleted())
}
