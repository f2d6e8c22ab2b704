//! Query strings: the [`Query`] pairs of a request, and [`QueryValue`], how
//! each option type is written into them.

use std::fmt;

use crisp_types::search::{SearchFilter, SearchOperator, SearchType};
use crisp_types::{Fingerprint, InboxId, PeopleId, SessionId, Timestamp, UserId, WebsiteId};
use percent_encoding::utf8_percent_encode;
use serde::Serialize;

use crate::error::{Error, InvalidInput};
use crate::request::UNRESERVED;

/// Query parameters, kept in insertion order and encoded the way the official
/// SDKs send them: absent values are dropped, booleans become `1`/`0`, JSON
/// values are serialised, and everything is percent-encoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(&'static str, String)>,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value`.
    pub fn push(&mut self, key: &'static str, value: impl fmt::Display) -> &mut Self {
        self.pairs.push((key, value.to_string()));
        self
    }

    /// Adds `key=value` when `value` is present.
    pub fn push_opt<V: fmt::Display>(&mut self, key: &'static str, value: Option<V>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, value);
        }
        self
    }

    /// Adds `key=1` or `key=0` when `value` is present.
    pub fn push_flag(&mut self, key: &'static str, value: Option<bool>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, if value { "1" } else { "0" });
        }
        self
    }

    /// Adds `key=<value as JSON>` when `value` is present, as the official SDKs
    /// send object and array options (search filters, for example).
    pub fn push_json<V: Serialize + ?Sized>(
        &mut self,
        route: &'static str,
        key: &'static str,
        value: Option<&V>,
    ) -> Result<&mut Self, Error> {
        if let Some(value) = value {
            let json = serde_json::to_string(value).map_err(|source| {
                InvalidInput::new(format!(
                    "{route}: the `{key}` option cannot be encoded as JSON: {source}"
                ))
            })?;
            self.push(key, json);
        }
        Ok(self)
    }

    /// The pairs, decoded.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(key, value)| (*key, value.as_str()))
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Whether there is no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The `a=1&b=2` form, percent-encoded.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        self.encode_into(&mut out);
        out
    }

    /// Appends the `a=1&b=2` form, percent-encoded, to `out`.
    pub fn encode_into(&self, out: &mut String) {
        for (index, (key, value)) in self.pairs.iter().enumerate() {
            if index > 0 {
                out.push('&');
            }
            out.extend(utf8_percent_encode(key, UNRESERVED));
            out.push('=');
            out.extend(utf8_percent_encode(value, UNRESERVED));
        }
    }
}

/// A value that can be sent as a query option, written the way the official
/// SDKs write it: flags as `1`/`0`, numbers and ids as text, enums as their
/// wire name, lists of search filters JSON-encoded.
///
/// Endpoint builders call it for every option that is set; implement it for
/// a type of your own to use that type in a hand-written endpoint.
pub trait QueryValue {
    /// Appends `key=<self>` to `query`. `route` names the endpoint in the
    /// error when the value cannot be encoded.
    fn push_to(&self, query: &mut Query, route: &'static str, key: &'static str) -> Result<(), Error>;
}

impl QueryValue for bool {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, if *self { "1" } else { "0" });
        Ok(())
    }
}

/// Types sent as their `Display` text.
macro_rules! query_value_display {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl QueryValue for $ty {
                fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
                    query.push(key, self);
                    Ok(())
                }
            }
        )+
    };
}

query_value_display!(
    u32,
    u64,
    i64,
    String,
    Timestamp,
    Fingerprint,
    WebsiteId,
    SessionId,
    PeopleId,
    UserId,
    InboxId,
);

impl QueryValue for SearchType {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, self.as_str());
        Ok(())
    }
}

impl QueryValue for SearchOperator {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, self.as_str());
        Ok(())
    }
}

impl QueryValue for Vec<SearchFilter> {
    fn push_to(&self, query: &mut Query, route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push_json(route, key, Some(self))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_drops_absent_values_and_encodes_flags() {
        let mut query = Query::new();
        query
            .push("per_page", 20)
            .push_opt("search_query", Some("refund & return"))
            .push_opt::<&str>("search_type", None)
            .push_flag("filter_unread", Some(true))
            .push_flag("filter_resolved", Some(false))
            .push_flag("filter_mention", None);
        assert_eq!(
            query.encode(),
            "per_page=20&search_query=refund%20%26%20return&filter_unread=1&filter_resolved=0"
        );
        assert_eq!(query.get("filter_unread"), Some("1"));
    }

    #[test]
    fn query_json_values_are_serialised_then_encoded() {
        let mut query = Query::new();
        query
            .push_json("r", "search_filter", Some(&serde_json::json!([{"a": "b c"}])))
            .unwrap();
        query.push_json::<serde_json::Value>("r", "absent", None).unwrap();
        assert_eq!(query.get("search_filter"), Some(r#"[{"a":"b c"}]"#));
        assert_eq!(query.encode(), "search_filter=%5B%7B%22a%22%3A%22b%20c%22%7D%5D");
    }

    #[test]
    fn query_values_write_their_wire_form() {
        let mut query = Query::new();
        true.push_to(&mut query, "r", "a").unwrap();
        false.push_to(&mut query, "r", "b").unwrap();
        Timestamp::from_millis(1_700_000_000_000)
            .push_to(&mut query, "r", "c")
            .unwrap();
        SearchOperator::Or.push_to(&mut query, "r", "d").unwrap();
        vec![SearchFilter::new("session", "segments", "eq", ["vip"])]
            .push_to(&mut query, "r", "e")
            .unwrap();
        let pairs: Vec<_> = query.pairs().collect();
        assert_eq!(
            pairs,
            vec![
                ("a", "1"),
                ("b", "0"),
                ("c", "1700000000000"),
                ("d", "or"),
                (
                    "e",
                    r#"[{"model":"session","criterion":"segments","operator":"eq","query":["vip"]}]"#
                ),
            ]
        );
    }
}
