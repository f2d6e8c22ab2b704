//! Crisp plan subscriptions: the plan each website is on, its billing
//! period, and coupons.
//!
//! ```
//! use crisp_types::plan::{BillPeriod, PlanSubscription, PlanSubscriptionBillPeriodUpdate};
//!
//! let subscription: PlanSubscription = serde_json::from_str(
//!     r#"{"id": "8c842203-7ed8-4e29-a608-7cf78a7d2fcc", "name": "Essentials",
//!         "bill_period": "yearly", "website": {"id": "website_1", "domain": "example.com"}}"#,
//! )?;
//! assert_eq!(subscription.bill_period, Some(BillPeriod::Yearly));
//!
//! let update = PlanSubscriptionBillPeriodUpdate::new(BillPeriod::Monthly);
//! assert_eq!(serde_json::to_string(&update)?, r#"{"period":"monthly"}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::{UserId, WebsiteId};

string_id! {
    /// A Crisp plan's id (a UUID).
    PlanId
}

open_enum! {
    /// How often a subscription is billed.
    pub enum BillPeriod {
        /// Every month.
        Monthly => "monthly",
        /// Every year.
        Yearly => "yearly",
    }
}

/// A website's subscription to a Crisp plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanSubscription {
    /// The plan's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<PlanId>,
    /// The plan's name, e.g. `Essentials`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The plan's price per bill period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u32>,
    /// When the website subscribed (an ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Whether the subscription is a trial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trialing: Option<bool>,
    /// When the trial ends, as Crisp words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trial_end: Option<String>,
    /// When the trial ends (an ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trial_end_date: Option<String>,
    /// How often the subscription is billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_period: Option<BillPeriod>,
    /// Until when the subscription is paid (an ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_valid_until: Option<String>,
    /// Whether the subscription is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether this is a sandbox (test) subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<bool>,
    /// The subscribed website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<PlanSubscriptionWebsite>,
    /// Whether a coupon was redeemed on the subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_redeemed: Option<bool>,
    /// The payment card billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_id: Option<String>,
    /// The operator who pays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PlanSubscriptionOwner>,
}

/// The website of a [`PlanSubscription`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanSubscriptionWebsite {
    /// The website's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<WebsiteId>,
    /// The website's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The website's domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The website's logo URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// The operator who pays for a [`PlanSubscription`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanSubscriptionOwner {
    /// The operator's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The operator's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The operator's first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The operator's last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

/// A coupon that can be redeemed on a plan subscription.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlanSubscriptionCoupon {
    /// The coupon code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What the coupon gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PlanSubscriptionCouponPolicy>,
    /// How many times the coupon can still be redeemed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redeem_limit: Option<u32>,
    /// When the coupon expires (an ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_at: Option<String>,
}

/// What a [`PlanSubscriptionCoupon`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PlanSubscriptionCouponPolicy {
    /// The rebate, in percent of the price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rebate_percent: Option<f64>,
    /// Free trial days added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trial_days: Option<u32>,
}

/// The body of "subscribe website to plan": `{plan_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSubscriptionCreate {
    /// The plan to subscribe to.
    pub plan_id: PlanId,
}

impl PlanSubscriptionCreate {
    /// Subscribes to `plan_id`.
    pub fn new(plan_id: impl Into<PlanId>) -> Self {
        Self {
            plan_id: plan_id.into(),
        }
    }
}

/// The body of "change bill period for website plan subscription":
/// `{period}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSubscriptionBillPeriodUpdate {
    /// The new bill period.
    pub period: BillPeriod,
}

impl PlanSubscriptionBillPeriodUpdate {
    /// Bills every `period`.
    pub fn new(period: BillPeriod) -> Self {
        Self { period }
    }
}

/// The body of "redeem coupon for website plan subscription": `{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSubscriptionCouponRedeem {
    /// The coupon code.
    pub code: String,
}

impl PlanSubscriptionCouponRedeem {
    /// Redeems the coupon `code`.
    pub fn new(code: impl Into<String>) -> Self {
        Self { code: code.into() }
    }
}
