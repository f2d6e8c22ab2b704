//! The table-driven half of the wire tests: [`assert_wire`] checks the
//! request the fake received against the reference table's row of the
//! method called (see [`super::table`]).

use crisp_mock::FakeCrisp;
use serde_json::Value;

use super::single_request;
use super::table::{fill, row};

/// Checks the only request `fake` received since its last clear against the
/// reference row of `name`: the verb and path come from the table (its
/// placeholders filled with `values`, in order); the query pairs must be
/// exactly `query`, in order; the JSON body must be `body` (`None`: no body
/// at all). Clears the recorded requests afterwards.
pub(crate) fn assert_wire(fake: &FakeCrisp, name: &str, values: &[&str], query: &[(&str, &str)], body: Option<Value>) {
    let row = row(name);
    let request = single_request(fake);
    assert_eq!(request.method.as_str(), row.verb, "{name}: verb (table: {row:?})");
    assert_eq!(request.path, format!("/v1/{}", fill(row.path, values)), "{name}: path");
    let sent: Vec<(&str, &str)> = request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(sent, query, "{name}: query");
    match body {
        Some(expected) => assert_eq!(request.json(), Some(expected), "{name}: JSON body"),
        None => assert!(
            request.body.is_empty(),
            "{name}: no body expected, got {:?}",
            request.body
        ),
    }
    fake.clear_requests();
}
