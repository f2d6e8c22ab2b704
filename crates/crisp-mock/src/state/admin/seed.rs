//! Seeding helpers for what the administration routes cannot create by
//! themselves: operators who accepted an invite, availabilities, visitors,
//! chatbox tokens and blocked visitors.

use crisp_types::{SessionId, UserId, WebsiteId};
use serde_json::Value;

use super::{Operator, Visitor};
use crate::FakeCrisp;
use crate::ids::{self, Clock};
use crate::state::{Object, Store, Website};

impl Store {
    /// The website with this id (created on the fly when unknown), its
    /// administration seeded, with the clock alongside.
    pub(crate) fn admin_or_create(&mut self, website_id: &str) -> (&mut Website, &mut Clock) {
        let owner = (
            self.account.operator.user_id.clone(),
            self.account.operator.email.clone(),
        );
        let (website, clock) = self.website_or_create(website_id);
        website.admin.seed(&website.website_id, (&owner.0, &owner.1), clock);
        (website, clock)
    }
}

impl FakeCrisp {
    /// The owner of `website`: the account the user token belongs to (see
    /// `user_password`), listed first by `GET
    /// website/{website_id}/operators/list`. An unknown `website` is created
    /// on the fly.
    pub fn website_owner(&self, website: &WebsiteId) -> UserId {
        let mut store = self.shared.store();
        let (site, _) = store.admin_or_create(website.as_str());
        UserId::new(
            site.admin
                .operators
                .first()
                .map(|o| o.user_id.clone())
                .unwrap_or_default(),
        )
    }

    /// Adds an operator who joined `website` (`role`: `owner` or `member`),
    /// named after the email (`jane.doe@..` is Jane Doe), online, and
    /// returns its user id. An unknown `website` is created on the fly.
    pub fn add_website_operator(&self, website: &WebsiteId, email: &str, role: &str) -> UserId {
        let mut store = self.shared.store();
        let (site, clock) = store.admin_or_create(website.as_str());
        let user_id = ids::uuid();
        site.admin
            .operators
            .push(Operator::new(user_id.clone(), email.to_owned(), role, clock.now()));
        UserId::new(user_id)
    }

    /// Sets an operator's availability (`online`, `away` or `offline`), as
    /// the availability routes report it. An unknown operator is ignored.
    pub fn set_operator_availability(&self, website: &WebsiteId, user: &UserId, availability: &str) {
        let mut store = self.shared.store();
        let (site, clock) = store.admin_or_create(website.as_str());
        let now = clock.now();
        if let Some(operator) = site.admin.operator_mut(user.as_str()) {
            operator.availability = availability.to_owned();
            operator.availability_since = now;
        }
    }

    /// Adds a visitor browsing `website` and returns its session id. The
    /// fields given (`nickname`, `email`, `active`, `last_page{..}`,
    /// `geolocation{coordinates{latitude, longitude}, city, region,
    /// country}`, `locales`, ...; a non-object gives none) replace the
    /// defaults: an active visitor in Paris. An unknown `website` is created
    /// on the fly.
    pub fn add_visitor(&self, website: &WebsiteId, visitor: Value) -> SessionId {
        let fields = match visitor {
            Value::Object(fields) => fields,
            _ => Object::new(),
        };
        let session_id = match fields.get("session_id").and_then(Value::as_str) {
            Some(session_id) => session_id.to_owned(),
            None => format!("session_{}", ids::uuid()),
        };
        let mut store = self.shared.store();
        let (site, _) = store.admin_or_create(website.as_str());
        site.admin.visitors.push(Visitor {
            session_id: session_id.clone(),
            fields,
        });
        SessionId::new(session_id)
    }

    /// Registers a chatbox token (`CRISP_TOKEN_ID`) for `session` and
    /// returns it, as `GET website/{website_id}/visitors/token/{token_id}`
    /// resolves it. An unknown `website` is created on the fly.
    pub fn add_visitor_token(&self, website: &WebsiteId, session: &SessionId) -> String {
        let token = ids::uuid();
        let mut store = self.shared.store();
        let (site, _) = store.admin_or_create(website.as_str());
        site.admin.tokens.insert(token.clone(), session.as_str().to_owned());
        token
    }

    /// Counts `count` more visitors kept out by the blocking rule `rule`
    /// (e.g. `ip`, `country`), as the blocked-visitors routes report them.
    /// An unknown `website` is created on the fly.
    pub fn add_blocked_visitors(&self, website: &WebsiteId, rule: &str, count: u64) {
        let mut store = self.shared.store();
        let (site, _) = store.admin_or_create(website.as_str());
        *site.admin.blocked.entry(rule.to_owned()).or_insert(0) += count;
    }
}

impl FakeCrisp {
    /// The emails sent to `website`'s operators so far (the bodies of `POST
    /// website/{website_id}/operators/email`), oldest first. An unknown
    /// `website` has none.
    pub fn operator_emails(&self, website: &WebsiteId) -> Vec<Value> {
        let store = self.shared.store();
        store
            .website(website.as_str())
            .map(|site| site.admin.sent_emails.clone())
            .unwrap_or_default()
    }
}

impl Store {
    /// The website with this id, its administration seeded, with the clock
    /// alongside; `None` when unknown.
    pub(crate) fn admin_mut(&mut self, website_id: &str) -> Option<(&mut Website, &mut Clock)> {
        let owner = (
            self.account.operator.user_id.clone(),
            self.account.operator.email.clone(),
        );
        let (website, clock) = self.website_mut(website_id)?;
        website.admin.seed(&website.website_id, (&owner.0, &owner.1), clock);
        Some((website, clock))
    }

    /// Seeds the administration of every website (before a search across
    /// websites, e.g. by domain).
    pub(crate) fn seed_all_admins(&mut self) {
        let owner = (
            self.account.operator.user_id.clone(),
            self.account.operator.email.clone(),
        );
        let clock = &mut self.clock;
        for website in &mut self.websites {
            website.admin.seed(&website.website_id, (&owner.0, &owner.1), clock);
        }
    }
}
