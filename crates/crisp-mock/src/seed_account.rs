//! Helpers around the token owner's account: the operator's login, the
//! plugin marketplace, plans and coupons, and what the account routes
//! recorded.

use crisp_types::plan::PlanId;
use crisp_types::{PluginId, UserId};

use crate::FakeCrisp;
use crate::ids;
use crate::state::account::{Coupon, MarketPlugin};

impl FakeCrisp {
    /// The operator's login email for `POST user/session/login`
    /// (`operator@fake-crisp.test`).
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let fake = crisp_mock::FakeCrisp::start().await?;
    /// // POST user/session/login {"email": fake.user_email(), "password": fake.user_password()}
    /// // answers a user-tier {identifier, key} that authenticates until logged out.
    /// # let _ = (fake.user_email(), fake.user_password());
    /// # Ok(())
    /// # }
    /// ```
    pub fn user_email(&self) -> String {
        self.shared.store().account.operator.email.clone()
    }

    /// The operator's login password (random, fixed for the life of the fake).
    pub fn user_password(&self) -> String {
        self.shared.store().account.operator.password.clone()
    }

    /// The operator's id, as `user/account/profile` and plan owners give it.
    pub fn account_user_id(&self) -> UserId {
        UserId::new(self.shared.store().account.operator.user_id.clone())
    }

    /// The emails `POST user/session/recover` was called with, in order.
    pub fn password_recoveries(&self) -> Vec<String> {
        self.shared.store().account.recoveries.clone()
    }

    /// Adds a plugin to the marketplace, which websites can then subscribe to
    /// (`POST plugins/subscription/{website_id}`), and returns its id. The
    /// fake's own plugin ([`FakeCrisp::plugin_id`]) is always there.
    pub fn add_marketplace_plugin(&self, name: &str) -> PluginId {
        let plugin_id = ids::uuid();
        let slug: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        self.shared.store().account.plugins.push(MarketPlugin {
            plugin_id: plugin_id.clone(),
            name: name.to_owned(),
            urn: format!("urn:crisp-mock:{slug}:0"),
        });
        PluginId::new(plugin_id)
    }

    /// The id of the plan named `name` (case-insensitive): `Free`, `Mini`,
    /// `Essentials` (every website's plan to begin with) or `Plus`.
    pub fn plan_id(&self, name: &str) -> Option<PlanId> {
        self.shared
            .store()
            .account
            .plan_named(name)
            .map(|plan| PlanId::new(plan.plan_id.clone()))
    }

    /// Adds a coupon (`code` matched case-insensitively) that plan
    /// subscriptions can check and redeem; a later call with the same code
    /// replaces it.
    pub fn add_plan_coupon(&self, code: &str, rebate_percent: f64, trial_days: u32) {
        let mut store = self.shared.store();
        let coupons = &mut store.account.coupons;
        coupons.retain(|coupon| !coupon.code.eq_ignore_ascii_case(code));
        coupons.push(Coupon {
            code: code.to_owned(),
            rebate_percent,
            trial_days,
        });
    }
}
