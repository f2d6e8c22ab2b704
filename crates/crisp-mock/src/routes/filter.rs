//! Filter searches (`search_type=filter` of the conversation list,
//! `search_filter` of the people profile list, `people.search` of the batch
//! routes): criteria `{model, criterion, operator, query[]}` joined by `and` /
//! `or`, evaluated against a JSON view of each item.

use serde_json::Value;

use crate::reply::ApiError;
use crate::state::{Conversation, Object, Profile};

/// How a criterion compares a profile's values with its query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operator {
    /// A value equals a query (case-insensitive).
    Eq,
    /// No value equals a query.
    Neq,
    /// A value contains a query (case-insensitive).
    Has,
    /// No value contains a query.
    Nhas,
    /// The first value is a number at least the first query.
    Gte,
    /// The first value is a number at most the first query.
    Lte,
    /// The first value is a number above the first query.
    Gt,
    /// The first value is a number below the first query.
    Lt,
    /// The field has a value.
    Ex,
    /// The field has no value.
    Nex,
}

impl Operator {
    /// Parses an operator as Crisp spells it.
    fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "eq" => Self::Eq,
            "neq" => Self::Neq,
            "has" => Self::Has,
            "nhas" => Self::Nhas,
            "gte" => Self::Gte,
            "lte" => Self::Lte,
            "gt" => Self::Gt,
            "lt" => Self::Lt,
            "ex" => Self::Ex,
            "nex" => Self::Nex,
            _ => return None,
        })
    }
}

/// One criterion.
#[derive(Debug, Clone)]
struct Criterion {
    /// A dotted path in the profile: `email`, `person.nickname`, `segments`,
    /// `data.plan` (people data), ...
    path: Vec<String>,
    /// The comparison.
    operator: Operator,
    /// The values compared against, as text.
    query: Vec<String>,
}

impl Criterion {
    /// Whether the profile (rendered as `view`) matches.
    fn matches(&self, view: &Value) -> bool {
        let mut at = view;
        for key in &self.path {
            match at.get(key) {
                Some(next) => at = next,
                None => return matches!(self.operator, Operator::Neq | Operator::Nhas | Operator::Nex),
            }
        }
        let values: Vec<String> = match at {
            Value::Array(items) => items.iter().filter_map(scalar_text).collect(),
            other => scalar_text(other).into_iter().collect(),
        };
        let equal = || {
            values
                .iter()
                .any(|v| self.query.iter().any(|q| v.eq_ignore_ascii_case(q)))
        };
        let contains = || {
            values.iter().any(|v| {
                let v = v.to_lowercase();
                self.query.iter().any(|q| v.contains(&q.to_lowercase()))
            })
        };
        let number = |texts: &[String]| texts.first().and_then(|t| t.parse::<f64>().ok());
        let compare = |accept: fn(f64, f64) -> bool| match (number(&values), number(&self.query)) {
            (Some(value), Some(query)) => accept(value, query),
            _ => false,
        };
        match self.operator {
            Operator::Eq => equal(),
            Operator::Neq => !equal(),
            Operator::Has => contains(),
            Operator::Nhas => !contains(),
            Operator::Gte => compare(|v, q| v >= q),
            Operator::Lte => compare(|v, q| v <= q),
            Operator::Gt => compare(|v, q| v > q),
            Operator::Lt => compare(|v, q| v < q),
            Operator::Ex => !values.iter().all(String::is_empty),
            Operator::Nex => values.iter().all(String::is_empty),
        }
    }
}

/// A scalar as text (`null`, arrays and objects have none).
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// A parsed filter search.
#[derive(Debug, Clone)]
pub(crate) struct FilterSearch {
    /// The criteria.
    criteria: Vec<Criterion>,
    /// `or` (any criterion) rather than `and` (every criterion).
    any: bool,
}

impl FilterSearch {
    /// Parses a filter (an array of criteria) and an optional operator
    /// (`"and"` by default, or `"or"`); anything malformed is
    /// `400 invalid_data`.
    pub(crate) fn parse(filter: &Value, operator: Option<&Value>) -> Result<Self, ApiError> {
        let any = match operator {
            None | Some(Value::Null) => false,
            Some(Value::String(op)) if op == "and" => false,
            Some(Value::String(op)) if op == "or" => true,
            Some(_) => return Err(ApiError::INVALID_DATA),
        };
        let items = filter.as_array().ok_or(ApiError::INVALID_DATA)?;
        let criteria = items
            .iter()
            .map(|item| {
                let item = item.as_object().ok_or(ApiError::INVALID_DATA)?;
                let text = |key: &str| item.get(key).and_then(Value::as_str).ok_or(ApiError::INVALID_DATA);
                let path = text("criterion")?.split('.').map(str::to_owned).collect();
                let operator = Operator::parse(text("operator")?).ok_or(ApiError::INVALID_DATA)?;
                let query = match item.get("query") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(values)) => values
                        .iter()
                        .map(|v| scalar_text(v).ok_or(ApiError::INVALID_DATA))
                        .collect::<Result<_, _>>()?,
                    Some(_) => return Err(ApiError::INVALID_DATA),
                };
                Ok(Criterion { path, operator, query })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        Ok(Self { criteria, any })
    }

    /// Parses a batch `search`: `{filter: [..], operator?}` (or that object
    /// JSON-encoded in a string).
    pub(crate) fn from_batch(search: &Value) -> Result<Self, ApiError> {
        let decoded;
        let search = match search {
            Value::String(text) => {
                decoded = serde_json::from_str::<Value>(text).map_err(|_| ApiError::INVALID_DATA)?;
                &decoded
            }
            other => other,
        };
        let search: &Object = search.as_object().ok_or(ApiError::INVALID_DATA)?;
        let filter = search.get("filter").ok_or(ApiError::INVALID_DATA)?;
        Self::parse(filter, search.get("operator"))
    }

    /// Whether the view matches (an empty filter matches everything).
    fn matches_view(&self, view: &Value) -> bool {
        if self.any && !self.criteria.is_empty() {
            self.criteria.iter().any(|c| c.matches(view))
        } else {
            self.criteria.iter().all(|c| c.matches(view))
        }
    }

    /// Whether the profile matches: criteria name card paths (`email`,
    /// `person.nickname`, `segments`) or `data.<key>` (people data).
    pub(crate) fn matches_profile(&self, profile: &Profile) -> bool {
        let mut view = profile.to_json();
        view["data"] = Value::Object(profile.data.clone());
        self.matches_view(&view)
    }

    /// Whether the conversation matches: criteria name conversation paths
    /// (`state`, `is_blocked`, `meta.email`, ...) or, as a shortcut, `meta`
    /// paths (`segments`, `email`, `data.plan`).
    pub(crate) fn matches_conversation(&self, conversation: &Conversation, website_id: &str) -> bool {
        let mut view = conversation.to_json(website_id);
        if let Value::Object(view) = &mut view {
            for (key, value) in &conversation.meta {
                view.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
        self.matches_view(&view)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn profile(card: Value) -> Profile {
        let card = card.as_object().cloned().unwrap_or_default();
        let mut profile = Profile::new("p".into(), card, 1);
        profile.data.insert("plan".into(), json!("pro"));
        profile.data.insert("seats".into(), json!(5));
        profile
    }

    fn search(filter: Value, operator: &str) -> FilterSearch {
        FilterSearch::parse(&filter, Some(&json!(operator))).unwrap()
    }

    #[test]
    fn criteria() {
        let jane = profile(json!({"email": "Jane@Example.com", "segments": ["vip", "lead"]}));
        let eq = |criterion: &str, operator: &str, query: Value| {
            search(
                json!([{"model": "people", "criterion": criterion, "operator": operator, "query": query}]),
                "and",
            )
            .matches_profile(&jane)
        };
        assert!(eq("email", "eq", json!(["jane@example.com"])));
        assert!(eq("segments", "eq", json!(["vip"])));
        assert!(!eq("segments", "eq", json!(["churned"])));
        assert!(eq("segments", "neq", json!(["churned"])));
        assert!(eq("email", "has", json!(["example"])));
        assert!(eq("data.plan", "eq", json!(["pro"])));
        assert!(eq("data.seats", "gte", json!(["5"])));
        assert!(!eq("data.seats", "gt", json!(["5"])));
        assert!(eq("person.nickname", "nex", json!([])));
        assert!(eq("email", "ex", json!([])));
    }

    #[test]
    fn conversations_match_meta_shortcuts() {
        let mut conversation = Conversation::new("s".into(), "V".into(), 1);
        conversation.meta.insert("segments".into(), json!(["vip"]));
        conversation.meta.insert("email".into(), json!("a@example.com"));
        let by = |criterion: &str, query: &str| {
            search(
                json!([{"model": "session", "criterion": criterion, "operator": "eq", "query": [query]}]),
                "and",
            )
            .matches_conversation(&conversation, "w")
        };
        assert!(by("segments", "vip"));
        assert!(by("meta.segments", "vip"));
        assert!(by("email", "a@example.com"));
        assert!(by("state", "pending"));
        assert!(!by("segments", "lead"));
    }

    #[test]
    fn and_or_and_errors() {
        let jane = profile(json!({"email": "jane@example.com"}));
        let filter = json!([
            {"model": "people", "criterion": "email", "operator": "eq", "query": ["jane@example.com"]},
            {"model": "people", "criterion": "email", "operator": "eq", "query": ["bob@example.com"]},
        ]);
        assert!(!search(filter.clone(), "and").matches_profile(&jane));
        assert!(search(filter, "or").matches_profile(&jane));
        assert!(FilterSearch::parse(&json!([{"criterion": "email", "operator": "like"}]), None).is_err());
        assert!(FilterSearch::parse(&json!({}), None).is_err());
        assert!(FilterSearch::from_batch(&json!({"filter": [], "operator": "xor"})).is_err());
        assert!(FilterSearch::from_batch(&json!(r#"{"filter": []}"#)).is_ok());
    }
}
