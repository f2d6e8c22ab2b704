//! Inboxes: the folders conversations are routed to, by conditions, with
//! their operators and teams.
//!
//! ```
//! use crisp_types::inbox::{InboxConditionsOperator, WebsiteInboxCondition, WebsiteInboxItem};
//!
//! let vip = WebsiteInboxItem::new("VIP", "⭐️")
//!     .operator(InboxConditionsOperator::And)
//!     .conditions([WebsiteInboxCondition::new("session", "segments", "eq", ["vip"])]);
//! assert_eq!(
//!     serde_json::to_value(&vip)?,
//!     serde_json::json!({
//!         "name": "VIP", "emoji": "⭐️", "operator": "and",
//!         "conditions": [{"model": "session", "criterion": "segments", "operator": "eq", "query": ["vip"]}],
//!     })
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;
use crate::{InboxId, TeamId, Timestamp, UserId};

crate::open_enum! {
    /// How the routing conditions of an inbox combine.
    pub enum InboxConditionsOperator {
        /// Every condition must match.
        And => "and",
        /// Any condition may match.
        Or => "or",
    }
}

/// An inbox.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteInbox {
    /// The inbox's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
    /// The inbox's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The inbox's emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// The inbox's position in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The operators who see the inbox.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub operators: Vec<UserId>,
    /// The teams who see the inbox.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<TeamId>,
    /// The operators of those teams.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub team_operators: Vec<UserId>,
    /// How `conditions` combine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<InboxConditionsOperator>,
    /// The conditions that route a conversation to the inbox.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<WebsiteInboxCondition>,
    /// When the inbox was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the inbox was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// A routing condition of an inbox: `{model, criterion, operator, query}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteInboxCondition {
    /// What is tested (`session`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The field tested (`segments`, `email`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The comparison (`eq`, `neq`, `gte`, `lte`, `gt`, `lt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The values compared against.
    #[serde(default, deserialize_with = "null_as_default")]
    pub query: Vec<String>,
}

impl WebsiteInboxCondition {
    /// A condition on `model.criterion` with `operator` against `query`.
    pub fn new<Q: Into<String>>(
        model: impl Into<String>,
        criterion: impl Into<String>,
        operator: impl Into<String>,
        query: impl IntoIterator<Item = Q>,
    ) -> Self {
        Self {
            model: Some(model.into()),
            criterion: Some(criterion.into()),
            operator: Some(operator.into()),
            query: query.into_iter().map(Into::into).collect(),
        }
    }
}

/// What `POST website/{website_id}/inbox` answers: the new inbox's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteInboxNew {
    /// The new inbox's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
}

/// The body that creates or saves an inbox: `{name, emoji, order?,
/// operators?, teams?, operator?, conditions?}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteInboxItem {
    /// The inbox's name.
    #[serde(default)]
    pub name: String,
    /// The inbox's emoji.
    #[serde(default)]
    pub emoji: String,
    /// The inbox's position in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The operators who see the inbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operators: Option<Vec<UserId>>,
    /// The teams who see the inbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<Vec<TeamId>>,
    /// How `conditions` combine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<InboxConditionsOperator>,
    /// The conditions that route a conversation to the inbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<WebsiteInboxCondition>>,
}

impl WebsiteInboxItem {
    /// An inbox named `name`, shown with `emoji`.
    pub fn new(name: impl Into<String>, emoji: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            emoji: emoji.into(),
            ..Self::default()
        }
    }

    /// Sets the inbox's position.
    #[must_use]
    pub fn order(mut self, order: u32) -> Self {
        self.order = Some(order);
        self
    }

    option_setters! {
        /// Sets how the conditions combine.
        operator: InboxConditionsOperator,
    }

    /// Sets the operators who see the inbox.
    #[must_use]
    pub fn operators(mut self, operators: impl IntoIterator<Item = UserId>) -> Self {
        self.operators = Some(operators.into_iter().collect());
        self
    }

    /// Sets the teams who see the inbox.
    #[must_use]
    pub fn teams(mut self, teams: impl IntoIterator<Item = TeamId>) -> Self {
        self.teams = Some(teams.into_iter().collect());
        self
    }

    /// Sets the routing conditions.
    #[must_use]
    pub fn conditions(mut self, conditions: impl IntoIterator<Item = WebsiteInboxCondition>) -> Self {
        self.conditions = Some(conditions.into_iter().collect());
        self
    }
}

/// The position of one inbox, in a [`WebsiteInboxOrders`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteInboxOrder {
    /// The inbox.
    pub inbox_id: InboxId,
    /// Its position.
    pub order: u32,
}

impl WebsiteInboxOrder {
    /// Puts `inbox_id` at position `order`.
    pub fn new(inbox_id: InboxId, order: u32) -> Self {
        Self { inbox_id, order }
    }
}

/// The body that reorders inboxes: `{orders: [{inbox_id, order}]}`.
///
/// ```
/// use crisp_types::InboxId;
/// use crisp_types::inbox::{WebsiteInboxOrder, WebsiteInboxOrders};
///
/// let orders = WebsiteInboxOrders::new([WebsiteInboxOrder::new(InboxId::new("inbox_1"), 2)]);
/// assert_eq!(serde_json::to_string(&orders)?, r#"{"orders":[{"inbox_id":"inbox_1","order":2}]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteInboxOrders {
    /// The new positions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub orders: Vec<WebsiteInboxOrder>,
}

impl WebsiteInboxOrders {
    /// Reorders the inboxes named.
    pub fn new(orders: impl IntoIterator<Item = WebsiteInboxOrder>) -> Self {
        Self {
            orders: orders.into_iter().collect(),
        }
    }
}
