//! Response models of the plugin and plan subscriptions, bucket URLs,
//! animation searches and the legacy user routes: realistic Crisp responses
//! decode with the expected values, and variants with unknown keys, unknown
//! enum values and `null` lists decode too.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::bucket::BucketUrlGeneration;
use crisp_types::media::MediaAnimationList;
use crisp_types::plan::{BillPeriod, PlanId, PlanSubscription, PlanSubscriptionCoupon};
use crisp_types::plugin::{
    PluginAttestProvenance, PluginBillUsage, PluginSubscription, PluginSubscriptionPlan, PluginSubscriptionSettings,
};
use crisp_types::user::{UserProfile, UserSession};
use crisp_types::{Envelope, PluginId, UserId, WebsiteId};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const KNOWN: &str = include_str!("fixtures/response_part2b.json");
const UNKNOWN: &str = include_str!("fixtures/response_part2b_unknown.json");

/// The entry `key` of the fixture file `text`.
fn entry(text: &str, key: &str) -> Value {
    let all: Value = serde_json::from_str(text).unwrap();
    let value = all.get(key).cloned();
    assert!(value.is_some(), "fixture entry {key} is missing");
    value.unwrap()
}

/// Decodes the envelope `key` of the known fixtures and returns its data.
fn data<T: DeserializeOwned>(key: &str) -> T {
    let envelope: Envelope<T> = serde_json::from_value(entry(KNOWN, key)).unwrap();
    assert!(!envelope.error);
    envelope.data.unwrap()
}

/// Decodes the bare `data` value `key` of the unknown-variant fixtures.
fn bare<T: DeserializeOwned>(key: &str) -> T {
    serde_json::from_value(entry(UNKNOWN, key)).unwrap()
}

const WEBSITE: &str = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";
const PLUGIN: &str = "c64f3595-adee-425a-8d3a-89d47f7ed6bb";
const USER: &str = "2d6bbe9b-0d52-4e4e-8d7d-4f1e2d3c4b5a";

#[test]
fn plugin_subscriptions() {
    let subscriptions: Vec<PluginSubscription> = data("plugin_subscriptions");
    let slack = &subscriptions[0];
    assert_eq!(slack.id, Some(PluginId::new(PLUGIN)));
    assert_eq!(slack.urn.as_deref(), Some("urn:crisp.im:slack:0"));
    assert_eq!(slack.kind.as_deref(), Some("integration"));
    assert_eq!(slack.category.as_deref(), Some("productivity"));
    assert_eq!(slack.price, Some(0));
    assert_eq!(
        slack.plans[1],
        PluginSubscriptionPlan {
            id: Some("plan_pro".to_owned()),
            name: Some("Pro".to_owned()),
            price: Some(9),
        }
    );
    assert_eq!(slack.configurable, Some(true));
    assert_eq!(slack.active, Some(true));
    assert_eq!(slack.since.as_deref(), Some("2023-04-12T09:21:04.000Z"));
    assert_eq!(slack.bill_period, Some(BillPeriod::Monthly));
    assert_eq!(slack.website_id, Some(WebsiteId::new(WEBSITE)));
    assert_eq!(slack.card_id.as_deref(), Some("card_42"));
    assert_eq!(
        slack.help_url.as_deref(),
        Some("https://help.crisp.chat/en/article/slack/")
    );
    // Encodes back with `type` on the wire.
    assert_eq!(serde_json::to_value(slack).unwrap()["type"], "integration");

    let unknown: Vec<PluginSubscription> = bare("plugin_subscriptions");
    assert!(unknown[0].plans.is_empty());
    assert_eq!(unknown[0].bill_period, Some(BillPeriod::Other("quarterly".to_owned())));
    assert_eq!(unknown[1], PluginSubscription::default());
}

#[test]
fn plugin_settings_redact_the_token() {
    let settings: PluginSubscriptionSettings = data("plugin_settings");
    assert_eq!(settings.plugin_id, Some(PluginId::new(PLUGIN)));
    assert_eq!(settings.website_id, Some(WebsiteId::new(WEBSITE)));
    assert_eq!(settings.settings["channel"], "#support");
    assert_eq!(settings.schema["type"], "object");
    assert_eq!(
        settings.settings_form_url.as_deref(),
        Some("https://plugins.crisp.chat/slack/settings/")
    );
    assert_eq!(
        settings.callback_url.as_deref(),
        Some("https://plugins.crisp.chat/slack/callback/")
    );
    let token = settings.token.clone().unwrap();
    assert!(!format!("{settings:?}").contains(&token));
    assert!(format!("{settings:?}").contains("<redacted>"));

    let unknown: PluginSubscriptionSettings = bare("plugin_settings");
    assert!(unknown.settings.is_empty());
    assert!(unknown.schema.is_empty());
    assert!(!format!("{unknown:?}").contains("secret-token"));
}

#[test]
fn plugin_bill_usage() {
    let usage: Vec<PluginBillUsage> = data("plugin_bill_usage");
    assert_eq!(usage.len(), 2);
    assert_eq!(usage[0].name.as_deref(), Some("SMS sent"));
    assert_eq!(usage[0].units, Some(120));
    assert_eq!(usage[0].price, Some(0.05));

    let unknown: Vec<PluginBillUsage> = bare("plugin_bill_usage");
    assert_eq!(unknown[0].price, Some(2.0));
}

#[test]
fn plugin_attest_provenance() {
    let attest: PluginAttestProvenance = data("plugin_attest_provenance");
    let payload = attest.payload.clone().unwrap();
    assert_eq!(payload.website.unwrap().website_id, Some(WebsiteId::new(WEBSITE)));
    let user = payload.user.unwrap();
    assert_eq!(user.user_id, Some(UserId::new(USER)));
    assert_eq!(user.role.as_deref(), Some("owner"));
    assert_eq!(payload.plugin.unwrap().plugin_id, Some(PluginId::new(PLUGIN)));
    assert_eq!(attest.signed.as_deref(), Some("eyJhbGciOiJFZERTQSJ9.payload.signature"));
    assert_eq!(attest.expire_at, Some(1_700_000_600_000));

    let unknown: PluginAttestProvenance = bare("plugin_attest_provenance");
    assert_eq!(
        unknown.payload.unwrap().user.unwrap().role.as_deref(),
        Some("custom_role")
    );
    assert_eq!(unknown.signed, None);
}

#[test]
fn plan_subscriptions() {
    let plans: Vec<PlanSubscription> = data("plan_subscriptions");
    let plan = &plans[0];
    assert_eq!(plan.id, Some(PlanId::new("8f0ae6e9-3c5b-4a1e-9d0c-2b7e1f4a6c8d")));
    assert_eq!(plan.name.as_deref(), Some("Essentials"));
    assert_eq!(plan.price, Some(95));
    assert_eq!(plan.trialing, Some(false));
    assert_eq!(plan.trial_end_date.as_deref(), Some("2022-01-17T10:00:00.000Z"));
    assert_eq!(plan.bill_period, Some(BillPeriod::Yearly));
    assert_eq!(plan.bill_valid_until.as_deref(), Some("2025-01-03T10:00:00.000Z"));
    assert_eq!(plan.active, Some(true));
    assert_eq!(plan.sandbox, Some(false));
    assert_eq!(plan.coupon_redeemed, Some(true));
    let website = plan.website.clone().unwrap();
    assert_eq!(website.id, Some(WebsiteId::new(WEBSITE)));
    assert_eq!(website.domain.as_deref(), Some("acme.example"));
    let owner = plan.owner.clone().unwrap();
    assert_eq!(owner.user_id, Some(UserId::new(USER)));
    assert_eq!(owner.email.as_deref(), Some("jane@acme.example"));
    assert_eq!(owner.last_name.as_deref(), Some("Doe"));

    let unknown: Vec<PlanSubscription> = bare("plan_subscriptions");
    assert_eq!(unknown[0].bill_period, Some(BillPeriod::Other("weekly".to_owned())));
    assert_eq!(
        serde_json::to_value(&unknown[0]).unwrap()["bill_period"],
        "weekly",
        "unknown values survive a round trip"
    );
    assert_eq!(unknown[0].website.clone().unwrap().id, Some(WebsiteId::new("w")));
}

#[test]
fn plan_coupon() {
    let coupon: PlanSubscriptionCoupon = data("plan_coupon");
    assert_eq!(coupon.code.as_deref(), Some("WELCOME20"));
    let policy = coupon.policy.unwrap();
    assert_eq!(policy.rebate_percent, Some(20.5));
    assert_eq!(policy.trial_days, Some(14));
    assert_eq!(coupon.redeem_limit, Some(100));
    assert_eq!(coupon.expire_at.as_deref(), Some("2030-12-31T23:59:59.000Z"));

    let unknown: PlanSubscriptionCoupon = bare("plan_coupon");
    assert_eq!(unknown.policy.unwrap().rebate_percent, None);
}

#[test]
fn bucket_url() {
    let generated: BucketUrlGeneration = data("bucket_url");
    assert_eq!(generated.kind.as_deref(), Some("upload"));
    assert_eq!(generated.from.as_deref(), Some("user"));
    assert_eq!(generated.id.as_deref(), Some("upload-1"));
    let resource = generated.resource.clone().unwrap();
    assert_eq!(resource.kind.as_deref(), Some("website"));
    assert_eq!(
        generated.signed_url(),
        Some("https://storage.crisp.chat/users/upload/invoice.pdf?signature=abc")
    );
    assert_eq!(
        generated.resource_url(),
        Some("https://storage.crisp.chat/users/upload/invoice.pdf")
    );
    assert_eq!(generated.policy.unwrap().size_limit, Some(20_971_520));

    let unknown: BucketUrlGeneration = bare("bucket_url");
    assert_eq!(unknown.signed_url(), Some("https://storage.example/s"));
    assert_eq!(unknown.resource_url(), None);
}

#[test]
fn animations_in_both_shapes() {
    let page: MediaAnimationList = data("animations");
    assert_eq!(page.id, Some(json!("f0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d")));
    assert_eq!(page.results.len(), 2);
    assert_eq!(page.results[0].kind.as_deref(), Some("image/gif"));
    assert_eq!(
        page.results[1].url.as_deref(),
        Some("https://media.example.com/dog.gif")
    );

    let empty: MediaAnimationList = bare("animations");
    assert!(empty.results.is_empty());
    let bare_list: MediaAnimationList = bare("animations_bare");
    assert_eq!(bare_list.results[0].kind.as_deref(), Some("image/webp"));
    assert_eq!(bare_list.id, None);
    // An empty `data` (what the official SDKs may get) is an empty page.
    let nothing: MediaAnimationList = serde_json::from_value(json!({})).unwrap();
    assert!(nothing.results.is_empty());
}

#[test]
fn user_session_redacts_the_key() {
    let session: UserSession = data("user_session");
    assert_eq!(
        session.identifier.as_deref(),
        Some("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b")
    );
    let key = session.key.clone().unwrap();
    assert_eq!(key.len(), 64);
    let debug = format!("{session:?}");
    assert!(!debug.contains(&key), "{debug}");
    assert!(debug.contains("<redacted>"));

    let unknown: UserSession = bare("user_session");
    assert_eq!(unknown.key.as_deref(), Some("k"));
}

#[test]
fn user_profile() {
    let profile: UserProfile = data("user_profile");
    assert_eq!(profile.user_id, Some(UserId::new(USER)));
    assert_eq!(profile.email.as_deref(), Some("jane@acme.example"));
    assert_eq!(profile.first_name.as_deref(), Some("Jane"));
    assert_eq!(profile.last_name.as_deref(), Some("Doe"));
    assert_eq!(profile.phone.as_deref(), Some("+33600000000"));
    assert_eq!(profile.locale.as_deref(), Some("fr"));
    assert!(profile.avatar.is_some());

    let unknown: UserProfile = bare("user_profile");
    assert_eq!(unknown.first_name.as_deref(), Some("Jane"));
    assert_eq!(unknown.locale, None);
}
