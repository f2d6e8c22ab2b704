//! Group `plan.subscription`: the Crisp plan each website is on, its bill
//! period, and coupons.

use crisp_types::WebsiteId;
use crisp_types::plan::{
    BillPeriod, PlanId, PlanSubscription, PlanSubscriptionBillPeriodUpdate, PlanSubscriptionCoupon,
    PlanSubscriptionCouponRedeem, PlanSubscriptionCreate,
};
use http::Method;

use super::PlanApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::query::Query;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

endpoints! {
    impl PlanApi;

    /// The plan subscriptions of every website of the token's operator.
    "List All Active Plan Subscriptions" => fn list_all_active_subscriptions -> ListAllActivePlanSubscriptions;
    GET "plans/subscription";
    tiers [user];
    path ();
    output data Vec<PlanSubscription>;

    /// The plan a website is subscribed to.
    "Get Plan Subscription For A Website" => fn get_plan_subscription_for_website -> GetPlanSubscriptionForWebsite;
    GET "plans/subscription/{website_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data PlanSubscription;

    /// Subscribes a website to a plan (replacing its current plan).
    "Subscribe Website To Plan" => fn subscribe_website_to_plan -> SubscribeWebsiteToPlan;
    POST "plans/subscription/{website_id}";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (plan_id: PlanId);
    body subscription: PlanSubscriptionCreate = PlanSubscriptionCreate::new(plan_id);
    output empty;

    /// Ends a website's plan subscription.
    "Unsubscribe Plan From Website" => fn unsubscribe_plan_from_website -> UnsubscribePlanFromWebsite;
    DELETE "plans/subscription/{website_id}";
    tiers [user];
    path (website_id: &'a WebsiteId);
    output empty;

    /// Bills a website's plan monthly or yearly.
    "Change Bill Period For Website Plan Subscription"
        => fn change_bill_period_for_website_plan_subscription -> ChangeBillPeriodForWebsitePlanSubscription;
    PATCH "plans/subscription/{website_id}/bill/period";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (period: BillPeriod);
    body update: PlanSubscriptionBillPeriodUpdate = PlanSubscriptionBillPeriodUpdate::new(period);
    output empty;

    /// Redeems a coupon on a website's plan subscription.
    "Redeem Coupon For Website Plan Subscription"
        => fn redeem_coupon_for_website_plan_subscription -> RedeemCouponForWebsitePlanSubscription;
    PATCH "plans/subscription/{website_id}/coupon";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (code: impl Into<String>);
    body redeem: PlanSubscriptionCouponRedeem = PlanSubscriptionCouponRedeem::new(code);
    output empty;
}

impl<'a> PlanApi<'a> {
    /// Check Coupon Availability For Website Plan Subscription.
    ///
    /// What the coupon `code` would give the website's plan subscription
    /// (`404` when no such coupon exists). The code is sent as the `code`
    /// query value.
    ///
    /// `GET plans/subscription/{website_id}/coupon`
    ///
    /// Tiers: `user` tokens.
    pub fn check_coupon_availability_for_website_plan_subscription(
        &self,
        website_id: &'a WebsiteId,
        code: impl Into<String>,
    ) -> CheckCouponAvailabilityForWebsitePlanSubscription<'a> {
        CheckCouponAvailabilityForWebsitePlanSubscription {
            client: self.client,
            website_id,
            code: code.into(),
        }
    }
}

/// Request builder of
/// [`PlanApi::check_coupon_availability_for_website_plan_subscription`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CheckCouponAvailabilityForWebsitePlanSubscription<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    code: String,
}

impl Endpoint for CheckCouponAvailabilityForWebsitePlanSubscription<'_> {
    type Output = PlanSubscriptionCoupon;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        const ROUTE: &str = "check_coupon_availability_for_website_plan_subscription";
        let mut query = Query::new();
        query.push("code", &self.code);
        Ok(ApiRequest::from_template(
            Method::GET,
            ROUTE,
            "plans/subscription/{website_id}/coupon",
            &[self.website_id],
        )?
        .with_query(query))
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(CheckCouponAvailabilityForWebsitePlanSubscription);

/// The hand-written endpoint of this module, listed with the declared ones.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[EndpointInfo {
    api: "PlanApi",
    name: "check_coupon_availability_for_website_plan_subscription",
    label: "Check Coupon Availability For Website Plan Subscription",
    method: "GET",
    path: "plans/subscription/{website_id}/coupon",
    tiers: &["user"],
    query: &["code"],
    deprecated: None,
}];
