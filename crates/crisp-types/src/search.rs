//! Search parameters shared by list routes (conversations, people).

use serde::{Deserialize, Serialize};

/// How `search_query` is interpreted when listing conversations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SearchType {
    /// Full-text search on messages and metas.
    Text,
    /// Search on a segment name.
    Segment,
    /// A JSON array of [`SearchFilter`]s.
    Filter,
}

impl SearchType {
    /// The value as sent in the query string.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Segment => "segment",
            Self::Filter => "filter",
        }
    }
}

/// How several [`SearchFilter`]s combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SearchOperator {
    /// Every filter must match.
    And,
    /// Any filter may match.
    Or,
}

impl SearchOperator {
    /// The value as sent in the query string.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::And => "and",
            Self::Or => "or",
        }
    }
}

/// One criterion of a filter search, sent JSON-encoded in the query string.
///
/// ```
/// use crisp::types::search::SearchFilter;
///
/// let filter = SearchFilter::new("session", "segments", "eq", ["vip"]);
/// assert_eq!(
///     serde_json::to_string(&filter).unwrap(),
///     r#"{"model":"session","criterion":"segments","operator":"eq","query":["vip"]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SearchFilter {
    /// What is searched: `session`, `people`, ...
    pub model: String,
    /// The field searched: `segments`, `email`, `meta.data.plan`, ...
    pub criterion: String,
    /// The comparison: `eq`, `neq`, `gte`, `lte`, `has`, ...
    pub operator: String,
    /// The values compared against.
    #[serde(default)]
    pub query: Vec<String>,
}

impl SearchFilter {
    /// A filter on `model.criterion` with `operator` against `query`.
    pub fn new<Q: Into<String>>(
        model: impl Into<String>,
        criterion: impl Into<String>,
        operator: impl Into<String>,
        query: impl IntoIterator<Item = Q>,
    ) -> Self {
        Self {
            model: model.into(),
            criterion: criterion.into(),
            operator: operator.into(),
            query: query.into_iter().map(Into::into).collect(),
        }
    }
}
