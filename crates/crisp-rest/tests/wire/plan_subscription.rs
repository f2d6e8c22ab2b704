//! Wire tests of the `plan.subscription` group: a website's Crisp plan, its
//! bill period and coupons, each write checked through the route that reads
//! the plan back.

use crisp_transport::Tier;
use crisp_types::plan::{BillPeriod, PlanId};
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::common::{client_for, fake_and_client};

#[tokio::test]
async fn list_all_active_plan_subscriptions() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let second = fake.add_website();
    fake.clear_requests();

    let plans = client.plan().list_all_active_subscriptions().await.unwrap();
    assert_wire(&fake, "plan.subscription/list_all_active_subscriptions", &[], &[], None);
    let websites: Vec<_> = plans
        .iter()
        .filter_map(|plan| plan.website.as_ref().and_then(|w| w.id.clone()))
        .collect();
    assert_eq!(websites, [website, second]);
    assert_eq!(plans[0].name.as_deref(), Some("Essentials"));
    assert_eq!(plans[0].bill_period, Some(BillPeriod::Monthly));
    let owner = plans[0].owner.clone().unwrap_or_default();
    assert_eq!(owner.user_id, Some(fake.account_user_id()));
    assert_eq!(owner.email, Some(fake.user_email()));
}

#[tokio::test]
async fn subscribe_change_period_and_read_back() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let plus = fake.plan_id("Plus").unwrap();
    fake.clear_requests();

    client
        .plan()
        .subscribe_website_to_plan(&website, plus.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "subscribe_website_to_plan",
        &[website.as_str()],
        &[],
        Some(json!({"plan_id": plus.as_str()})),
    );

    client
        .plan()
        .change_bill_period_for_website_plan_subscription(&website, BillPeriod::Yearly)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "change_bill_period_for_website_plan_subscription",
        &[website.as_str()],
        &[],
        Some(json!({"period": "yearly"})),
    );

    // Plugin tokens may read a website's plan.
    let plugin = client_for(&fake, Tier::Plugin, std::time::Duration::from_secs(5));
    let plan = plugin.plan().get_plan_subscription_for_website(&website).await.unwrap();
    assert_wire(
        &fake,
        "get_plan_subscription_for_website",
        &[website.as_str()],
        &[],
        None,
    );
    assert_eq!(plan.id, Some(plus));
    assert_eq!(plan.name.as_deref(), Some("Plus"));
    assert_eq!(plan.price, Some(295));
    assert_eq!(plan.bill_period, Some(BillPeriod::Yearly));
    assert_eq!(plan.active, Some(true));
    assert_eq!(plan.coupon_redeemed, Some(false));

    // ... but not change it.
    let error = plugin
        .plan()
        .subscribe_website_to_plan(&website, PlanId::new("any"))
        .await
        .unwrap_err();
    fake.clear_requests();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
    let error = client
        .plan()
        .subscribe_website_to_plan(&website, PlanId::new("no-such-plan"))
        .await
        .unwrap_err();
    fake.clear_requests();
    assert_eq!(error.reason(), Some("plan_not_found"));
}

#[tokio::test]
async fn coupons_are_checked_then_redeemed() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.add_plan_coupon("WELCOME20", 20.0, 14);
    fake.clear_requests();

    let coupon = client
        .plan()
        .check_coupon_availability_for_website_plan_subscription(&website, "WELCOME20")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "check_coupon_availability_for_website_plan_subscription",
        &[website.as_str()],
        &[("code", "WELCOME20")],
        None,
    );
    assert_eq!(coupon.code.as_deref(), Some("WELCOME20"));
    let policy = coupon.policy.unwrap_or_default();
    assert_eq!(policy.rebate_percent, Some(20.0));
    assert_eq!(policy.trial_days, Some(14));

    client
        .plan()
        .redeem_coupon_for_website_plan_subscription(&website, "WELCOME20")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "redeem_coupon_for_website_plan_subscription",
        &[website.as_str()],
        &[],
        Some(json!({"code": "WELCOME20"})),
    );
    let plan = client.plan().get_plan_subscription_for_website(&website).await.unwrap();
    fake.clear_requests();
    assert_eq!(plan.coupon_redeemed, Some(true));

    let error = client
        .plan()
        .check_coupon_availability_for_website_plan_subscription(&website, "NOPE & CO")
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "check_coupon_availability_for_website_plan_subscription",
        &[website.as_str()],
        &[("code", "NOPE & CO")],
        None,
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.reason(), Some("coupon_not_found"));
}

#[tokio::test]
async fn unsubscribing_removes_the_plan() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.clear_requests();

    client.plan().unsubscribe_plan_from_website(&website).await.unwrap();
    assert_wire(&fake, "unsubscribe_plan_from_website", &[website.as_str()], &[], None);
    let error = client
        .plan()
        .get_plan_subscription_for_website(&website)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "get_plan_subscription_for_website",
        &[website.as_str()],
        &[],
        None,
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.reason(), Some("subscription_not_found"));
    let plans = client.plan().list_all_active_subscriptions().await.unwrap();
    fake.clear_requests();
    assert!(plans.is_empty(), "{plans:?}");

    let error = client
        .plan()
        .change_bill_period_for_website_plan_subscription(&website, BillPeriod::Other("weekly".to_owned()))
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "change_bill_period_for_website_plan_subscription",
        &[website.as_str()],
        &[],
        Some(json!({"period": "weekly"})),
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
}
