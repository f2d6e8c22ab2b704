//! The token owner's account: the operator behind the user tier (login,
//! profile), the plugin marketplace and each website's plugin
//! subscriptions, the Crisp plans and each website's plan subscription,
//! coupons, and the files uploaded to bucket URLs.
//!
//! Websites start subscribed to the fake's own plugin and to the
//! `Essentials` plan; both are set up the first time a route looks at a
//! website ([`Account::ensure_website`]), so websites added by any means get
//! them.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::Object;
use crate::ids;

/// The account behind the fake's tokens.
#[derive(Debug)]
pub(crate) struct Account {
    /// The operator who logs in with email and password.
    pub(crate) operator: Operator,
    /// Emails a password recovery was asked for, in order.
    pub(crate) recoveries: Vec<String>,
    /// The plugins websites can subscribe to (the fake's own plugin first).
    pub(crate) plugins: Vec<MarketPlugin>,
    /// Plugin subscriptions, in subscription order.
    pub(crate) subscriptions: Vec<PluginSubscription>,
    /// The Crisp plans, cheapest first.
    pub(crate) plans: Vec<Plan>,
    /// One plan subscription per subscribed website.
    pub(crate) plan_subscriptions: Vec<PlanSubscription>,
    /// Coupons that can be redeemed on plan subscriptions.
    pub(crate) coupons: Vec<Coupon>,
    /// Upload slots handed out by bucket URLs.
    pub(crate) uploads: Vec<Upload>,
    /// Websites whose default subscriptions were set up.
    seen: BTreeSet<String>,
}

/// The operator of the user tier.
#[derive(Debug)]
pub(crate) struct Operator {
    /// The operator's id (a UUID).
    pub(crate) user_id: String,
    /// The login email.
    pub(crate) email: String,
    /// The login password.
    pub(crate) password: String,
}

impl Operator {
    /// The profile, as `user/account/profile` resolves it.
    pub(crate) fn profile_json(&self) -> Value {
        json!({
            "user_id": self.user_id,
            "avatar": format!("https://image.crisp.chat/avatar/operator/{}/240/", self.user_id),
            "email": self.email,
            "phone": "+33600000000",
            "first_name": "Jane",
            "last_name": "Operator",
            "locale": "en",
        })
    }

    /// The operator as a plan subscription's owner.
    fn owner_json(&self) -> Value {
        json!({
            "user_id": self.user_id,
            "email": self.email,
            "first_name": "Jane",
            "last_name": "Operator",
        })
    }
}

/// A plugin of the marketplace.
#[derive(Debug, Clone)]
pub(crate) struct MarketPlugin {
    /// The plugin's id (a UUID).
    pub(crate) plugin_id: String,
    /// Its display name.
    pub(crate) name: String,
    /// Its URN.
    pub(crate) urn: String,
}

impl MarketPlugin {
    /// The marketplace fields of a subscription to this plugin.
    fn json(&self) -> Value {
        let slug = self.urn.rsplit(':').nth(1).unwrap_or("plugin").to_owned();
        json!({
            "id": self.plugin_id,
            "urn": self.urn,
            "type": "integration",
            "category": "automation",
            "name": self.name,
            "summary": format!("{} for the fake Crisp.", self.name),
            "price": 0,
            "plans": [],
            "icon": format!("https://plugins.fake-crisp.test/{slug}/icon.png"),
            "website_url": format!("https://plugins.fake-crisp.test/{slug}/"),
            "contact_url": "mailto:plugins@fake-crisp.test",
            "terms_url": "https://plugins.fake-crisp.test/terms/",
            "privacy_url": "https://plugins.fake-crisp.test/privacy/",
            "help_url": format!("https://plugins.fake-crisp.test/{slug}/help/"),
            "video_url": format!("https://plugins.fake-crisp.test/{slug}/video/"),
            "configurable": true,
        })
    }
}

/// A website's subscription to a plugin.
#[derive(Debug)]
pub(crate) struct PluginSubscription {
    /// The website.
    pub(crate) website_id: String,
    /// The plugin.
    pub(crate) plugin_id: String,
    /// When it was made (ms).
    pub(crate) since: u64,
    /// The plugin's settings for the website (the fake's own plugin keeps
    /// them on the website's connect link instead).
    pub(crate) settings: Object,
    /// The website's token for this plugin.
    pub(crate) token: String,
    /// Usage the plugin reported (`{name, units, price}`), in order.
    pub(crate) usage: Vec<Value>,
}

/// A Crisp plan.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// The plan's id (a UUID).
    pub(crate) plan_id: String,
    /// Its name.
    pub(crate) name: &'static str,
    /// Its monthly price.
    pub(crate) price: u64,
}

/// A website's plan subscription.
#[derive(Debug)]
pub(crate) struct PlanSubscription {
    /// The website.
    pub(crate) website_id: String,
    /// The plan.
    pub(crate) plan_id: String,
    /// When it was made (ms).
    pub(crate) since: u64,
    /// `monthly` or `yearly`.
    pub(crate) bill_period: String,
    /// Whether a coupon was redeemed on it.
    pub(crate) coupon_redeemed: bool,
}

/// A coupon for plan subscriptions.
#[derive(Debug, Clone)]
pub(crate) struct Coupon {
    /// The code, matched case-insensitively.
    pub(crate) code: String,
    /// The rebate, in percent.
    pub(crate) rebate_percent: f64,
    /// Free trial days.
    pub(crate) trial_days: u32,
}

impl Coupon {
    /// The coupon as `plans/subscription/{website_id}/coupon` resolves it.
    pub(crate) fn json(&self) -> Value {
        json!({
            "code": self.code,
            "policy": { "rebate_percent": self.rebate_percent, "trial_days": self.trial_days },
            "redeem_limit": 100,
            "expire_at": "2099-12-31T23:59:59.000Z",
        })
    }
}

/// An upload slot: where a file may be `PUT` once a bucket URL was generated.
#[derive(Debug)]
pub(crate) struct Upload {
    /// The slot id (a UUID), the first path segment of both URLs.
    pub(crate) upload_id: String,
    /// The `signature` query value the signed URL carries.
    pub(crate) signature: String,
    /// The file name, the second path segment.
    pub(crate) file_name: String,
    /// The MIME type announced.
    pub(crate) content_type: String,
    /// The bytes uploaded, once they are.
    pub(crate) bytes: Option<bytes::Bytes>,
}

/// The largest upload a bucket URL accepts (20 MiB).
pub(crate) const UPLOAD_SIZE_LIMIT: usize = 20 * 1024 * 1024;

impl Account {
    /// A fresh account whose marketplace holds the fake's own plugin.
    pub(crate) fn new(own_plugin_id: &str) -> Self {
        let plan = |name, price| Plan {
            plan_id: ids::uuid(),
            name,
            price,
        };
        Self {
            operator: Operator {
                user_id: ids::uuid(),
                email: "operator@fake-crisp.test".to_owned(),
                password: format!("fake-{}", ids::hex(24)),
            },
            recoveries: Vec::new(),
            plugins: vec![MarketPlugin {
                plugin_id: own_plugin_id.to_owned(),
                name: "Fake Crisp Plugin".to_owned(),
                urn: "urn:crisp-mock:fake:0".to_owned(),
            }],
            subscriptions: Vec::new(),
            plans: vec![
                plan("Free", 0),
                plan("Mini", 45),
                plan("Essentials", 95),
                plan("Plus", 295),
            ],
            plan_subscriptions: Vec::new(),
            coupons: Vec::new(),
            uploads: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    /// Sets up a website's default subscriptions (the fake's own plugin,
    /// the `Essentials` plan, monthly) the first time it is looked at.
    pub(crate) fn ensure_website(&mut self, website_id: &str, now: u64) {
        if !self.seen.insert(website_id.to_owned()) {
            return;
        }
        if let Some(own) = self.plugins.first().map(|plugin| plugin.plugin_id.clone()) {
            self.subscribe_plugin(website_id, &own, now);
        }
        if let Some(plan_id) = self.plan_named("Essentials").map(|plan| plan.plan_id.clone()) {
            self.subscribe_plan(website_id, &plan_id, now);
        }
    }

    /// The marketplace plugin with this id.
    pub(crate) fn plugin(&self, plugin_id: &str) -> Option<&MarketPlugin> {
        self.plugins.iter().find(|plugin| plugin.plugin_id == plugin_id)
    }

    /// The subscription of `website_id` to `plugin_id`.
    pub(crate) fn subscription(&self, website_id: &str, plugin_id: &str) -> Option<&PluginSubscription> {
        self.subscriptions
            .iter()
            .find(|s| s.website_id == website_id && s.plugin_id == plugin_id)
    }

    /// The subscription of `website_id` to `plugin_id`, mutably.
    pub(crate) fn subscription_mut(&mut self, website_id: &str, plugin_id: &str) -> Option<&mut PluginSubscription> {
        self.subscriptions
            .iter_mut()
            .find(|s| s.website_id == website_id && s.plugin_id == plugin_id)
    }

    /// Subscribes a website to a plugin (nothing changes when it already is).
    pub(crate) fn subscribe_plugin(&mut self, website_id: &str, plugin_id: &str, now: u64) {
        if self.subscription(website_id, plugin_id).is_none() {
            self.subscriptions.push(PluginSubscription {
                website_id: website_id.to_owned(),
                plugin_id: plugin_id.to_owned(),
                since: now,
                settings: Object::new(),
                token: ids::hex(64),
                usage: Vec::new(),
            });
        }
    }

    /// Ends a plugin subscription; `false` when there was none.
    pub(crate) fn unsubscribe_plugin(&mut self, website_id: &str, plugin_id: &str) -> bool {
        let before = self.subscriptions.len();
        self.subscriptions
            .retain(|s| !(s.website_id == website_id && s.plugin_id == plugin_id));
        self.subscriptions.len() != before
    }

    /// A plugin subscription as the subscription routes list it.
    pub(crate) fn subscription_json(&self, subscription: &PluginSubscription) -> Value {
        let mut out = self
            .plugin(&subscription.plugin_id)
            .map(MarketPlugin::json)
            .unwrap_or_else(|| json!({ "id": subscription.plugin_id }));
        out["since"] = json!(iso8601(subscription.since));
        out["active"] = json!(true);
        out["website_id"] = json!(subscription.website_id);
        out
    }

    /// The plan with this name (case-insensitive).
    pub(crate) fn plan_named(&self, name: &str) -> Option<&Plan> {
        self.plans.iter().find(|plan| plan.name.eq_ignore_ascii_case(name))
    }

    /// The plan with this id.
    pub(crate) fn plan(&self, plan_id: &str) -> Option<&Plan> {
        self.plans.iter().find(|plan| plan.plan_id == plan_id)
    }

    /// A website's plan subscription.
    pub(crate) fn plan_subscription(&self, website_id: &str) -> Option<&PlanSubscription> {
        self.plan_subscriptions.iter().find(|s| s.website_id == website_id)
    }

    /// A website's plan subscription, mutably.
    pub(crate) fn plan_subscription_mut(&mut self, website_id: &str) -> Option<&mut PlanSubscription> {
        self.plan_subscriptions.iter_mut().find(|s| s.website_id == website_id)
    }

    /// Subscribes a website to a plan, replacing its current one (monthly,
    /// no coupon).
    pub(crate) fn subscribe_plan(&mut self, website_id: &str, plan_id: &str, now: u64) {
        self.plan_subscriptions.retain(|s| s.website_id != website_id);
        self.plan_subscriptions.push(PlanSubscription {
            website_id: website_id.to_owned(),
            plan_id: plan_id.to_owned(),
            since: now,
            bill_period: "monthly".to_owned(),
            coupon_redeemed: false,
        });
    }

    /// Ends a website's plan subscription; `false` when there was none.
    pub(crate) fn unsubscribe_plan(&mut self, website_id: &str) -> bool {
        let before = self.plan_subscriptions.len();
        self.plan_subscriptions.retain(|s| s.website_id != website_id);
        self.plan_subscriptions.len() != before
    }

    /// A plan subscription as the plan routes resolve it.
    pub(crate) fn plan_subscription_json(&self, subscription: &PlanSubscription) -> Value {
        let (name, price) = self
            .plan(&subscription.plan_id)
            .map_or(("Unknown", 0), |plan| (plan.name, plan.price));
        const DAY: u64 = 24 * 60 * 60 * 1000;
        let period = if subscription.bill_period == "yearly" { 365 } else { 30 };
        let short_id: String = subscription.website_id.chars().take(8).collect();
        json!({
            "id": subscription.plan_id,
            "name": name,
            "price": price,
            "since": iso8601(subscription.since),
            "trialing": false,
            "trial_end": "",
            "trial_end_date": iso8601(subscription.since + 14 * DAY),
            "bill_period": subscription.bill_period,
            "bill_valid_until": iso8601(subscription.since + period * DAY),
            "active": true,
            "sandbox": false,
            "website": {
                "id": subscription.website_id,
                "name": format!("Website {short_id}"),
                "domain": format!("{short_id}.fake-crisp.test"),
                "logo": format!("https://image.crisp.chat/avatar/website/{}/240/", subscription.website_id),
            },
            "coupon_redeemed": subscription.coupon_redeemed,
            "card_id": "card_fake_4242",
            "owner": self.operator.owner_json(),
        })
    }

    /// The coupon with this code (case-insensitive).
    pub(crate) fn coupon(&self, code: &str) -> Option<&Coupon> {
        self.coupons
            .iter()
            .find(|coupon| coupon.code.eq_ignore_ascii_case(code))
    }
}

/// Milliseconds since the epoch as an ISO 8601 UTC date with milliseconds
/// (`2024-01-03T10:00:00.000Z`), as Crisp writes subscription dates.
pub(crate) fn iso8601(millis: u64) -> String {
    let days = millis / 86_400_000;
    let in_day = millis % 86_400_000;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso8601(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
        assert_eq!(
            crate::date::parse_iso8601_millis(&iso8601(1_735_689_599_999)),
            Some(1_735_689_599_999)
        );
    }

    #[test]
    fn websites_get_default_subscriptions_once() {
        let mut account = Account::new("plugin_own");
        account.ensure_website("w", 1);
        assert!(account.subscription("w", "plugin_own").is_some());
        assert_eq!(account.plan_subscription("w").map(|s| s.since), Some(1));
        assert!(account.unsubscribe_plugin("w", "plugin_own"));
        account.ensure_website("w", 2);
        assert!(account.subscription("w", "plugin_own").is_none(), "not re-added");
    }
}
