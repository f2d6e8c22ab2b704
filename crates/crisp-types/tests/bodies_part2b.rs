//! Request bodies of the plugin and plan subscriptions, bucket URLs and the
//! legacy user routes: the exact JSON each constructor and setter puts on
//! the wire (optional keys left out), that each body reads back unchanged,
//! and that secrets never show in `Debug`.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use crisp_types::bucket::{BucketNamespace, BucketUrlRequest, BucketUrlRequestFile, BucketUrlRequestResource};
use crisp_types::plan::{
    BillPeriod, PlanId, PlanSubscriptionBillPeriodUpdate, PlanSubscriptionCouponRedeem, PlanSubscriptionCreate,
};
use crisp_types::plugin::{
    PluginSubscriptionBillUsageReport, PluginSubscriptionChannelForward, PluginSubscriptionCreate,
    PluginSubscriptionEventDispatch,
};
use crisp_types::user::{UserSessionLogin, UserSessionRecover};
use crisp_types::{JsonMap, PluginId, UserId};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Asserts that `body` encodes to exactly `expected`, and that `expected`
/// decodes back to `body`.
fn wire<T: Serialize + DeserializeOwned + PartialEq + Debug>(body: &T, expected: Value) {
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    assert_eq!(&serde_json::from_value::<T>(expected).unwrap(), body);
}

fn map(value: Value) -> JsonMap {
    serde_json::from_value(value).unwrap()
}

#[test]
fn plugin_subscription_bodies() {
    wire(
        &PluginSubscriptionCreate::new(PluginId::new("plugin_1")),
        json!({"plugin_id": "plugin_1"}),
    );
    wire(
        &PluginSubscriptionBillUsageReport::new("SMS sent", 12, 0.05),
        json!({"name": "SMS sent", "units": 12, "price": 0.05}),
    );
    wire(
        &PluginSubscriptionChannelForward::new("conversation", "session_1", map(json!({"status": "ok"}))),
        json!({"namespace": "conversation", "identifier": "session_1", "payload": {"status": "ok"}}),
    );
    // An empty payload is still sent, as `{}`.
    wire(
        &PluginSubscriptionChannelForward::new("ns", "id", JsonMap::new()),
        json!({"namespace": "ns", "identifier": "id", "payload": {}}),
    );
    wire(
        &PluginSubscriptionEventDispatch::new("order_shipped"),
        json!({"name": "order_shipped", "data": {}}),
    );
    wire(
        &PluginSubscriptionEventDispatch::new("order_shipped").data(map(json!({"order": 1042}))),
        json!({"name": "order_shipped", "data": {"order": 1042}}),
    );
}

#[test]
fn plan_subscription_bodies() {
    wire(
        &PlanSubscriptionCreate::new(PlanId::new("plan_1")),
        json!({"plan_id": "plan_1"}),
    );
    wire(
        &PlanSubscriptionBillPeriodUpdate::new(BillPeriod::Yearly),
        json!({"period": "yearly"}),
    );
    wire(
        &PlanSubscriptionBillPeriodUpdate::new(BillPeriod::Monthly),
        json!({"period": "monthly"}),
    );
    wire(
        &PlanSubscriptionCouponRedeem::new("WELCOME20"),
        json!({"code": "WELCOME20"}),
    );
}

#[test]
fn bucket_url_request() {
    let file = BucketUrlRequestFile::new("logo.png", "image/png");
    wire(
        &BucketUrlRequest::new(BucketNamespace::Website, "logo-1", file.clone()),
        json!({"namespace": "website", "id": "logo-1", "file": {"name": "logo.png", "type": "image/png"}}),
    );
    wire(
        &BucketUrlRequest::new(BucketNamespace::Avatar, "avatar-1", file)
            .resource(BucketUrlRequestResource::new("website", "website_1")),
        json!({
            "namespace": "avatar",
            "id": "avatar-1",
            "file": {"name": "logo.png", "type": "image/png"},
            "resource": {"type": "website", "id": "website_1"},
        }),
    );
    let namespaces = [
        "upload",
        "avatar",
        "website",
        "campaign",
        "helpdesk",
        "status",
        "processing",
    ];
    for name in namespaces {
        let namespace = BucketNamespace::from(name);
        assert!(!matches!(namespace, BucketNamespace::Other(_)), "{name}");
        assert_eq!(namespace.as_str(), name);
    }
}

#[test]
fn user_session_bodies() {
    wire(
        &UserSessionLogin::new("jane@acme.example", "hunter2-but-longer"),
        json!({"email": "jane@acme.example", "password": "hunter2-but-longer"}),
    );
    wire(
        &UserSessionLogin::new("jane@acme.example", "hunter2-but-longer")
            .token("123456")
            .user_id(UserId::new("user_1"))
            .extend("1")
            .ephemeral(true),
        json!({
            "email": "jane@acme.example",
            "password": "hunter2-but-longer",
            "user_id": "user_1",
            "extend": "1",
            "token": "123456",
            "ephemeral": true,
        }),
    );
    wire(
        &UserSessionRecover::new("jane@acme.example"),
        json!({"email": "jane@acme.example"}),
    );
}

#[test]
fn login_debug_never_shows_the_password_or_the_code() {
    let login = UserSessionLogin::new("jane@acme.example", "hunter2-but-longer").token("987654");
    for debug in [format!("{login:?}"), format!("{login:#?}")] {
        assert!(!debug.contains("hunter2-but-longer"), "{debug}");
        assert!(!debug.contains("987654"), "{debug}");
        assert!(debug.contains("jane@acme.example"));
        assert!(debug.contains("<redacted>"));
    }
}
