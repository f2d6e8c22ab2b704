//! Batch operations: the bodies that act on many conversations or many people
//! profiles of a website at once.
//!
//! Conversations are picked by session id; people profiles are picked either
//! by id or by a filter search ([`BatchPeople`]).
//!
//! ```
//! use crisp::types::batch::{BatchConversations, BatchPeople, BatchPeopleOperation};
//! use crisp::types::search::{SearchFilter, SearchOperator};
//! use crisp::types::{InboxId, SessionId};
//!
//! let resolve = BatchConversations::new([SessionId::new("session_1"), SessionId::new("session_2")])
//!     .inbox_id(InboxId::new("inbox_1"));
//! assert_eq!(
//!     serde_json::to_value(&resolve)?,
//!     serde_json::json!({"sessions": ["session_1", "session_2"], "inbox_id": "inbox_1"})
//! );
//!
//! let remove = BatchPeopleOperation::new(
//!     BatchPeople::search([SearchFilter::new("people", "segments", "eq", ["churned"])])
//!         .operator(SearchOperator::And),
//! );
//! assert_eq!(
//!     serde_json::to_value(&remove)?,
//!     serde_json::json!({"people": {"search": {
//!         "filter": [{"model": "people", "criterion": "segments", "operator": "eq", "query": ["churned"]}],
//!         "operator": "and",
//!     }}})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::conversation::RoutingAssigned;
use crate::search::{SearchFilter, SearchOperator};
use crate::util::null_as_default;
use crate::{InboxId, JsonMap, PeopleId, SessionId, UserId};

/// The body of the batch routes that act on conversations by session id
/// (resolve, unresolve, read, unread, remove).
///
/// `inbox_id` is sent only when set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BatchConversations {
    /// The conversations acted on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// Restricts the operation to the conversations of this inbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
}

impl BatchConversations {
    /// Acts on the given conversations.
    pub fn new(sessions: impl IntoIterator<Item = SessionId>) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            inbox_id: None,
        }
    }

    option_setters! {
        /// Restricts the operation to the conversations of this inbox.
        inbox_id: InboxId,
    }
}

/// Which people profiles a batch operation acts on: a list of profile ids, or
/// the profiles a filter search finds.
///
/// ```
/// use crisp::types::PeopleId;
/// use crisp::types::batch::BatchPeople;
///
/// let people = BatchPeople::profiles([PeopleId::new("people_1")]);
/// assert_eq!(serde_json::to_string(&people)?, r#"{"profiles":["people_1"]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BatchPeople {
    /// The profiles acted on, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<PeopleId>>,
    /// The search that finds the profiles acted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<BatchPeopleSearch>,
}

impl BatchPeople {
    /// Acts on the profiles with these ids.
    pub fn profiles(ids: impl IntoIterator<Item = PeopleId>) -> Self {
        Self {
            profiles: Some(ids.into_iter().collect()),
            search: None,
        }
    }

    /// Acts on the profiles these filters find.
    pub fn search(filter: impl IntoIterator<Item = SearchFilter>) -> Self {
        Self {
            profiles: None,
            search: Some(BatchPeopleSearch {
                filter: filter.into_iter().collect(),
                operator: None,
            }),
        }
    }

    /// Sets how the search filters combine.
    ///
    /// Only a search selection has filters to combine: on a selection made
    /// with [`BatchPeople::profiles`] this adds a search with no filter.
    #[must_use]
    pub fn operator(mut self, operator: SearchOperator) -> Self {
        self.search.get_or_insert_with(BatchPeopleSearch::default).operator = Some(operator);
        self
    }
}

/// The search part of a [`BatchPeople`] selection.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BatchPeopleSearch {
    /// The filters.
    #[serde(default, deserialize_with = "null_as_default")]
    pub filter: Vec<SearchFilter>,
    /// How the filters combine (Crisp's default when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<SearchOperator>,
}

/// The body of the batch routes that act on people profiles (remove).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BatchPeopleOperation {
    /// The profiles acted on.
    #[serde(default)]
    pub people: BatchPeople,
}

impl BatchPeopleOperation {
    /// Acts on the profiles `people` selects.
    pub fn new(people: BatchPeople) -> Self {
        Self { people }
    }
}

impl From<BatchPeople> for BatchPeopleOperation {
    fn from(people: BatchPeople) -> Self {
        Self::new(people)
    }
}

/// The body that reports many conversations (e.g. as spam).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReportOperation {
    /// The conversations reported.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// The report reason, e.g. `spam`.
    pub flag: String,
}

impl BatchReportOperation {
    /// Reports the given conversations with `flag`.
    pub fn new(sessions: impl IntoIterator<Item = SessionId>, flag: impl Into<String>) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            flag: flag.into(),
        }
    }
}

/// The body that blocks (or unblocks) the visitors of many conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchBlockOperation {
    /// The conversations acted on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// Whether to block (`true`) or unblock (`false`).
    pub blocked: bool,
}

impl BatchBlockOperation {
    /// Blocks (`true`) or unblocks (`false`) the given conversations.
    pub fn new(sessions: impl IntoIterator<Item = SessionId>, blocked: bool) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            blocked,
        }
    }
}

/// The body that assigns (or unassigns) many conversations.
///
/// `assigned` is always sent: `null` unassigns.
///
/// ```
/// use crisp::types::batch::BatchRoutingOperation;
/// use crisp::types::{SessionId, UserId};
///
/// let unassign = BatchRoutingOperation::new([SessionId::new("session_1")], None);
/// assert_eq!(serde_json::to_string(&unassign)?, r#"{"sessions":["session_1"],"assigned":null}"#);
/// let assign = BatchRoutingOperation::new([SessionId::new("session_1")], Some(UserId::new("user_1")));
/// assert_eq!(
///     serde_json::to_string(&assign)?,
///     r#"{"sessions":["session_1"],"assigned":{"user_id":"user_1"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRoutingOperation {
    /// The conversations acted on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// The operator to assign, or `None` (sent as `null`) to unassign.
    #[serde(default)]
    pub assigned: Option<RoutingAssigned>,
}

impl BatchRoutingOperation {
    /// Assigns the given conversations to `assigned`, or unassigns them when
    /// `None`.
    pub fn new(sessions: impl IntoIterator<Item = SessionId>, assigned: Option<UserId>) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            assigned: assigned.map(|user_id| RoutingAssigned { user_id: Some(user_id) }),
        }
    }
}

/// The body that moves many conversations to an inbox.
///
/// `inbox_id` is always sent: `null` moves them to the default inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchInboxOperation {
    /// The conversations acted on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// The target inbox, or `None` (sent as `null`) for the default inbox.
    #[serde(default)]
    pub inbox_id: Option<InboxId>,
}

impl BatchInboxOperation {
    /// Moves the given conversations to `inbox_id` (`None`: the default inbox).
    pub fn new(sessions: impl IntoIterator<Item = SessionId>, inbox_id: Option<InboxId>) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            inbox_id,
        }
    }
}

/// The body that updates the custom data of many conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchConversationsDataOperation {
    /// The conversations acted on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// The custom data (values should be strings, numbers or booleans).
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: JsonMap,
}

impl BatchConversationsDataOperation {
    /// Sets `data` on the given conversations.
    pub fn new(sessions: impl IntoIterator<Item = SessionId>, data: JsonMap) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            data,
        }
    }
}

/// The body that updates the custom data of many people profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchPeopleDataOperation {
    /// The profiles acted on.
    #[serde(default)]
    pub people: BatchPeople,
    /// The custom data (values should be strings, numbers or booleans).
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: JsonMap,
}

impl BatchPeopleDataOperation {
    /// Sets `data` on the profiles `people` selects.
    pub fn new(people: BatchPeople, data: JsonMap) -> Self {
        Self { people, data }
    }
}

/// The body that sets the segments of many conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchConversationsSegmentsOperation {
    /// The conversations acted on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sessions: Vec<SessionId>,
    /// The segments (tags).
    #[serde(default, deserialize_with = "null_as_default")]
    pub segments: Vec<String>,
}

impl BatchConversationsSegmentsOperation {
    /// Sets `segments` on the given conversations.
    pub fn new(
        sessions: impl IntoIterator<Item = SessionId>,
        segments: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            sessions: sessions.into_iter().collect(),
            segments: segments.into_iter().map(Into::into).collect(),
        }
    }
}

/// The body that sets the segments of many people profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchPeopleSegmentsOperation {
    /// The profiles acted on.
    #[serde(default)]
    pub people: BatchPeople,
    /// The segments (tags).
    #[serde(default, deserialize_with = "null_as_default")]
    pub segments: Vec<String>,
}

impl BatchPeopleSegmentsOperation {
    /// Sets `segments` on the profiles `people` selects.
    pub fn new(people: BatchPeople, segments: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            people,
            segments: segments.into_iter().map(Into::into).collect(),
        }
    }
}
