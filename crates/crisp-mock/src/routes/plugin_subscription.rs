//! `plugins/subscription/..` routes: the plugins each website subscribes to,
//! their settings, usage bills, provenance, channel payloads and custom
//! events.
//!
//! Tiers as the reference says: listing, subscribing and unsubscribing are
//! user-tier only, reporting usage plugin-tier only, the rest both. A plugin
//! token only reaches its own plugin's subscriptions (`403 not_allowed`
//! otherwise). The fake's own plugin keeps its settings on the website's
//! connect link, so `plugin/connect/websites/*` lists what was saved here.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use bytes::Bytes;
use crisp_types::Tier;
use http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use crate::extract::{Params, json_object, optional_object, required_str};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Object, Store, deep_merge};

/// `404 plugin_not_found`: no plugin of the marketplace has this id.
pub(crate) const PLUGIN_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "plugin_not_found");
/// `404 subscription_not_found`: the website is not subscribed (to this plugin, or to a plan).
pub(crate) const SUBSCRIPTION_NOT_FOUND: ApiError = ApiError::new(StatusCode::NOT_FOUND, "subscription_not_found");

/// The plugin-subscription routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/plugins/subscription", get(list_all_active_subscriptions))
        .route(
            "/v1/plugins/subscription/{website_id}",
            get(list_subscriptions_for_website).post(subscribe_website_to_plugin),
        )
        .route(
            "/v1/plugins/subscription/{website_id}/{plugin_id}",
            get(get_subscription_details).delete(unsubscribe_plugin_from_website),
        )
        .route(
            "/v1/plugins/subscription/{website_id}/{plugin_id}/settings",
            get(get_subscription_settings)
                .put(save_subscription_settings)
                .patch(update_subscription_settings),
        )
        .route(
            "/v1/plugins/subscription/{website_id}/{plugin_id}/bill/usage",
            get(get_plugin_usage_bills).post(report_plugin_usage_to_bill),
        )
        .route(
            "/v1/plugins/subscription/{website_id}/{plugin_id}/attest/provenance",
            get(get_plugin_attest_provenance),
        )
        .route(
            "/v1/plugins/subscription/{website_id}/{plugin_id}/channel",
            axum::routing::post(forward_plugin_payload_to_channel),
        )
        .route(
            "/v1/plugins/subscription/{website_id}/{plugin_id}/event",
            axum::routing::post(dispatch_plugin_event),
        )
}

/// The caller's tier: the `X-Crisp-Tier` header, which authentication
/// already checked against the token.
pub(crate) fn caller_tier(headers: &HeaderMap) -> Option<Tier> {
    headers
        .get("x-crisp-tier")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
}

/// `403 not_allowed` unless the caller's tier is one of `tiers`.
pub(crate) fn require_tier(headers: &HeaderMap, tiers: &[Tier]) -> Result<Tier, ApiError> {
    caller_tier(headers)
        .filter(|tier| tiers.contains(tier))
        .ok_or(ApiError::NOT_ALLOWED)
}

/// Checks the caller may act on `plugin_id` (a plugin token only on its own
/// plugin), that the website exists, and sets up its default subscriptions.
fn open(
    store: &mut Store,
    headers: &HeaderMap,
    tiers: &[Tier],
    website_id: &str,
    plugin_id: &str,
) -> Result<(), ApiError> {
    let tier = require_tier(headers, tiers)?;
    if tier == Tier::Plugin && plugin_id != store.plugin_id {
        return Err(ApiError::NOT_ALLOWED);
    }
    open_website(store, website_id)
}

/// Checks that the website exists and sets up its default subscriptions.
pub(crate) fn open_website(store: &mut Store, website_id: &str) -> Result<(), ApiError> {
    if store.website(website_id).is_none() {
        return Err(ApiError::WEBSITE_NOT_FOUND);
    }
    let now = store.clock.now();
    store.account.ensure_website(website_id, now);
    Ok(())
}

/// Like [`open`], and the website must be subscribed to the plugin.
fn open_subscribed(
    store: &mut Store,
    headers: &HeaderMap,
    tiers: &[Tier],
    website_id: &str,
    plugin_id: &str,
) -> Result<(), ApiError> {
    open(store, headers, tiers, website_id, plugin_id)?;
    if store.account.subscription(website_id, plugin_id).is_none() {
        return Err(SUBSCRIPTION_NOT_FOUND);
    }
    Ok(())
}

/// `GET plugins/subscription` (user tier): every subscription of every website.
async fn list_all_active_subscriptions(State(app): State<App>, headers: HeaderMap) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let mut store = app.store();
    let websites: Vec<String> = store.websites.iter().map(|w| w.website_id.clone()).collect();
    for website_id in &websites {
        open_website(&mut store, website_id)?;
    }
    let account = &store.account;
    let all = account
        .subscriptions
        .iter()
        .map(|subscription| account.subscription_json(subscription))
        .collect();
    Ok(Success::resolved(Value::Array(all)))
}

/// `GET plugins/subscription/{website_id}` (user tier).
async fn list_subscriptions_for_website(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    let account = &store.account;
    let listed = account
        .subscriptions
        .iter()
        .filter(|subscription| subscription.website_id == website_id)
        .map(|subscription| account.subscription_json(subscription))
        .collect();
    Ok(Success::resolved(Value::Array(listed)))
}

/// `POST plugins/subscription/{website_id}` with `{plugin_id}` (user tier).
async fn subscribe_website_to_plugin(
    State(app): State<App>,
    headers: HeaderMap,
    Params(website_id): Params<String>,
    body: Bytes,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let body = json_object(&body)?;
    let plugin_id = required_str(&body, "plugin_id")?;
    let mut store = app.store();
    open_website(&mut store, &website_id)?;
    if store.account.plugin(plugin_id).is_none() {
        return Err(PLUGIN_NOT_FOUND);
    }
    let now = store.clock.now();
    store.account.subscribe_plugin(&website_id, plugin_id, now);
    drop(store);
    app.relay.emit(
        "plugin:subscription:updated",
        &json!({ "website_id": website_id, "plugin_id": plugin_id, "bound": true }),
    );
    Ok(Success::added(json!({})))
}

/// `GET plugins/subscription/{website_id}/{plugin_id}`.
async fn get_subscription_details(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    open_subscribed(
        &mut store,
        &headers,
        &[Tier::User, Tier::Plugin],
        &website_id,
        &plugin_id,
    )?;
    let account = &store.account;
    let subscription = account
        .subscription(&website_id, &plugin_id)
        .ok_or(SUBSCRIPTION_NOT_FOUND)?;
    Ok(Success::resolved(account.subscription_json(subscription)))
}

/// `DELETE plugins/subscription/{website_id}/{plugin_id}` (user tier).
async fn unsubscribe_plugin_from_website(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    open(&mut store, &headers, &[Tier::User], &website_id, &plugin_id)?;
    if !store.account.unsubscribe_plugin(&website_id, &plugin_id) {
        return Err(SUBSCRIPTION_NOT_FOUND);
    }
    drop(store);
    app.relay.emit(
        "plugin:subscription:updated",
        &json!({ "website_id": website_id, "plugin_id": plugin_id, "bound": false }),
    );
    Ok(Success::deleted())
}

/// The settings of a subscription: the website's connect link for the
/// fake's own plugin, the subscription's own map otherwise.
fn settings_of<'a>(store: &'a mut Store, website_id: &str, plugin_id: &str) -> Result<&'a mut Object, ApiError> {
    if plugin_id == store.plugin_id {
        let (website, _) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
        website.connect.configured = true;
        return Ok(&mut website.connect.settings);
    }
    store
        .account
        .subscription_mut(website_id, plugin_id)
        .map(|subscription| &mut subscription.settings)
        .ok_or(SUBSCRIPTION_NOT_FOUND)
}

/// `GET .../settings` -> `{plugin_id, website_id, token, schema, settings,
/// settings_form_url, callback_url}`.
async fn get_subscription_settings(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    open_subscribed(
        &mut store,
        &headers,
        &[Tier::User, Tier::Plugin],
        &website_id,
        &plugin_id,
    )?;
    let (settings, token) = if plugin_id == store.plugin_id {
        let website = store.website(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
        (website.connect.settings.clone(), website.connect.token.clone())
    } else {
        let subscription = store
            .account
            .subscription(&website_id, &plugin_id)
            .ok_or(SUBSCRIPTION_NOT_FOUND)?;
        (subscription.settings.clone(), subscription.token.clone())
    };
    Ok(Success::resolved(json!({
        "plugin_id": plugin_id,
        "website_id": website_id,
        "token": token,
        "schema": { "type": "object", "additionalProperties": true },
        "settings": settings,
        "settings_form_url": format!("https://plugins.fake-crisp.test/{plugin_id}/settings/"),
        "callback_url": format!("https://plugins.fake-crisp.test/{plugin_id}/callback/"),
    })))
}

/// Replaces (`merge: false`) or merges into the settings, then emits
/// `plugin:settings:saved` with the result.
fn write_settings(
    app: &App,
    headers: &HeaderMap,
    website_id: &str,
    plugin_id: &str,
    body: &Bytes,
    merge: bool,
) -> Reply {
    let body = json_object(body)?;
    let mut store = app.store();
    open_subscribed(&mut store, headers, &[Tier::User, Tier::Plugin], website_id, plugin_id)?;
    let settings = settings_of(&mut store, website_id, plugin_id)?;
    if merge {
        deep_merge(settings, body);
    } else {
        *settings = body;
    }
    let saved = settings.clone();
    drop(store);
    app.relay.emit(
        "plugin:settings:saved",
        &json!({ "website_id": website_id, "plugin_id": plugin_id, "settings": saved }),
    );
    Ok(Success::updated())
}

/// `PUT .../settings` with the whole settings object.
async fn save_subscription_settings(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    write_settings(&app, &headers, &website_id, &plugin_id, &body, false)
}

/// `PATCH .../settings` with the keys to change (objects merge).
async fn update_subscription_settings(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    write_settings(&app, &headers, &website_id, &plugin_id, &body, true)
}

/// `GET .../bill/usage`: the usage reported so far.
async fn get_plugin_usage_bills(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    open_subscribed(
        &mut store,
        &headers,
        &[Tier::User, Tier::Plugin],
        &website_id,
        &plugin_id,
    )?;
    let usage = store
        .account
        .subscription(&website_id, &plugin_id)
        .map(|subscription| subscription.usage.clone())
        .unwrap_or_default();
    Ok(Success::resolved(Value::Array(usage)))
}

/// `POST .../bill/usage` with `{name, units, price}` (plugin tier).
async fn report_plugin_usage_to_bill(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    require_tier(&headers, &[Tier::Plugin])?;
    let body = json_object(&body)?;
    let name = required_str(&body, "name")?;
    let units = body
        .get("units")
        .and_then(Value::as_u64)
        .ok_or(ApiError::INVALID_DATA)?;
    let price = body
        .get("price")
        .and_then(Value::as_f64)
        .filter(|price| *price >= 0.0)
        .ok_or(ApiError::INVALID_DATA)?;
    let mut store = app.store();
    open_subscribed(&mut store, &headers, &[Tier::Plugin], &website_id, &plugin_id)?;
    if let Some(subscription) = store.account.subscription_mut(&website_id, &plugin_id) {
        subscription
            .usage
            .push(json!({ "name": name, "units": units, "price": price }));
    }
    Ok(Success::added(json!({})))
}

/// `GET .../attest/provenance`: a signed statement valid for 10 minutes.
async fn get_plugin_attest_provenance(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
) -> Reply {
    let mut store = app.store();
    open_subscribed(
        &mut store,
        &headers,
        &[Tier::User, Tier::Plugin],
        &website_id,
        &plugin_id,
    )?;
    let expire_at = store.clock.now() + 10 * 60 * 1000;
    Ok(Success::resolved(json!({
        "payload": {
            "website": { "website_id": website_id },
            "user": { "user_id": store.account.operator.user_id, "role": "owner" },
            "plugin": { "plugin_id": plugin_id },
        },
        "signed": format!("fake-attest.{}", ids::hex(64)),
        "expire_at": expire_at,
    })))
}

/// `POST .../channel` with `{namespace, identifier, payload}`: emitted as
/// `plugin:channel`.
async fn forward_plugin_payload_to_channel(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let namespace = required_str(&body, "namespace")?;
    let identifier = required_str(&body, "identifier")?;
    let payload = optional_object(&body, "payload")?.cloned().unwrap_or_default();
    {
        let mut store = app.store();
        open_subscribed(
            &mut store,
            &headers,
            &[Tier::User, Tier::Plugin],
            &website_id,
            &plugin_id,
        )?;
    }
    app.relay.emit(
        "plugin:channel",
        &json!({
            "website_id": website_id,
            "plugin_id": plugin_id,
            "namespace": namespace,
            "identifier": identifier,
            "payload": payload,
        }),
    );
    Ok(Success::dispatched(json!({})))
}

/// `POST .../event` with `{name, data}`: emitted as `plugin:event`.
async fn dispatch_plugin_event(
    State(app): State<App>,
    headers: HeaderMap,
    Params((website_id, plugin_id)): Params<(String, String)>,
    body: Bytes,
) -> Reply {
    let body = json_object(&body)?;
    let name = required_str(&body, "name")?;
    let data = optional_object(&body, "data")?.cloned().unwrap_or_default();
    let urn = {
        let mut store = app.store();
        open_subscribed(
            &mut store,
            &headers,
            &[Tier::User, Tier::Plugin],
            &website_id,
            &plugin_id,
        )?;
        store.account.plugin(&plugin_id).map(|plugin| plugin.urn.clone())
    };
    app.relay.emit(
        "plugin:event",
        &json!({ "website_id": website_id, "plugin_id": plugin_id, "urn": urn, "name": name, "data": data }),
    );
    Ok(Success::dispatched(json!({})))
}
