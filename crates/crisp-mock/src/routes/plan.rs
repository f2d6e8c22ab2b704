//! `plans/subscription/..` routes: each website's Crisp plan, its bill
//! period, and coupons.
//!
//! Websites start on the `Essentials` plan, billed monthly. Reading a
//! website's plan is open to user and plugin tokens; everything else is
//! user-tier only. The plans are `Free`, `Mini`, `Essentials` and `Plus`
//! ([`FakeCrisp::plan_id`](crate::FakeCrisp::plan_id)); coupons are seeded
//! with [`FakeCrisp::add_plan_coupon`](crate::FakeCrisp::add_plan_coupon).

use axum::Router;
use axum::extract::State;
use axum::routing::{get, patch};
use bytes::Bytes;
use crisp_types::Tier;
use http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use crate::extract::{Params, QueryPairs, json_object, required_str};
use crate::reply::{ApiError, Reply, Success};
use crate::routes::plugin_subscription::{SUBSCRIPTION_NOT_FOUND, open_website, require_tier};
use crate::server::App;

/// `404 plan_not_found`: no plan has this id.
const PLAN_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "plan_not_found");
/// `404 coupon_not_found`: no coupon has this code.
const COUPON_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "coupon_not_found");

/// The plan-subscription routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/plans/subscription", get(list_all_active_subscriptions))
        .route(
            "/v1/plans/subscription/{website_id}",
            get(get_plan_subscription_for_website)
                .post(subscribe_website_to_plan)
                .delete(unsubscribe_plan_from_website),
        )
        .route(
            "/v1/plans/subscription/{website_id}/bill/period",
            patch(change_bill_period),
        )
        .route(
            "/v1/plans/subscription/{website_id}/coupon",
            get(check_coupon_availability).patch(redeem_coupon),
        )
}

/// `GET plans/subscription` (user tier): the plan of every subscribed website.
async fn list_all_active_subscriptions(State(app): State<App>, headers: HeaderMap) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let mut store = app.store();
    let websites: Vec<String> = store.websites.iter().map(|w| w.website_id.clone()).collect();
    for website_id in &websites {
        open_website(&mut store, website_id)?;
    }
    let account = &store.account;
    let all = account
        .plan_subscriptions
        .iter()
        .map(|subscription| account.plan_subscription_json(subscription))
        .collect();
    Ok(Success::resolved(Value::Array(all)))
}

/// `GET plans/subscription/{website_id}` (user and plugin tiers).
async fn get_plan_subscription_for_website(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
) -> Reply {
    require_tier(&headers, &[Tier::User, Tier::Plugin])?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    let account = &store.account;
    let subscription = account.plan_subscription(&website_id).ok_or(SUBSCRIPTION_NOT_FOUND)?;
    Ok(Success::resolved(account.plan_subscription_json(subscription)))
}

/// `POST plans/subscription/{website_id}` with `{plan_id}` (user tier):
/// replaces the website's plan.
async fn subscribe_website_to_plan(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let body = json_object(&body)?;
    let plan_id = required_str(&body, "plan_id")?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    let plan = store.account.plan(plan_id).cloned().ok_or(PLAN_NOT_FOUND)?;
    let now = store.clock.now();
    store.account.subscribe_plan(&website_id, plan_id, now);
    drop(store);
    app.relay.emit(
        "plan:subscription:updated",
        &json!({
            "website_id": website_id,
            "plan": { "id": plan.plan_id, "name": plan.name, "price": plan.price, "trialing": false },
        }),
    );
    Ok(Success::added(json!({})))
}

/// `DELETE plans/subscription/{website_id}` (user tier).
async fn unsubscribe_plan_from_website(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    if !store.account.unsubscribe_plan(&website_id) {
        return Err(SUBSCRIPTION_NOT_FOUND);
    }
    Ok(Success::deleted())
}

/// `PATCH plans/subscription/{website_id}/bill/period` with `{period:
/// monthly|yearly}` (user tier).
async fn change_bill_period(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let body = json_object(&body)?;
    let period = required_str(&body, "period")?;
    if !matches!(period, "monthly" | "yearly") {
        return Err(ApiError::INVALID_DATA);
    }
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    let subscription = store
        .account
        .plan_subscription_mut(&website_id)
        .ok_or(SUBSCRIPTION_NOT_FOUND)?;
    subscription.bill_period = period.to_owned();
    Ok(Success::updated())
}

/// `GET plans/subscription/{website_id}/coupon?code=..` (user tier).
async fn check_coupon_availability(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
    query: QueryPairs,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let code = query.get("code").ok_or(ApiError::INVALID_DATA)?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    let coupon = store.account.coupon(code).ok_or(COUPON_NOT_FOUND)?;
    Ok(Success::resolved(coupon.json()))
}

/// `PATCH plans/subscription/{website_id}/coupon` with `{code}` (user tier):
/// marks the subscription `coupon_redeemed`.
async fn redeem_coupon(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let body = json_object(&body)?;
    let code = required_str(&body, "code")?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    if store.account.coupon(code).is_none() {
        return Err(COUPON_NOT_FOUND);
    }
    let subscription = store
        .account
        .plan_subscription_mut(&website_id)
        .ok_or(SUBSCRIPTION_NOT_FOUND)?;
    subscription.coupon_redeemed = true;
    Ok(Success::updated())
}
