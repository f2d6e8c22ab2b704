//! The project's copy of the reference table (`tests/reference/endpoints.tsv`:
//! every REST method of the official SDKs, with its verb, path and tiers),
//! and the coverage of that table by this crate.
//!
//! Shared by the wire tests and by `examples/coverage.rs`, which prints the
//! coverage line of the README.

#![allow(dead_code, reason = "the example and the tests use different parts")]
#![allow(
    clippy::panic,
    clippy::expect_used,
    reason = "a malformed table must stop the test loudly"
)]

use std::collections::BTreeMap;

/// The reference table: one row per SDK method.
pub(crate) const TABLE: &str = include_str!("../reference/endpoints.tsv");

/// One row of the reference table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// The reference group (`website.conversation`).
    pub(crate) group: &'static str,
    /// The reference label.
    pub(crate) label: &'static str,
    /// The Node SDK's method name, empty for Go-only rows.
    pub(crate) node: &'static str,
    /// The Go SDK's method name, empty for Node-only rows.
    pub(crate) go: &'static str,
    /// The HTTP verb.
    pub(crate) verb: &'static str,
    /// The path template, without its leading `/`.
    pub(crate) path: &'static str,
    /// The tiers column (`user,plugin`), may be empty.
    pub(crate) tiers: &'static str,
    /// The notes column.
    pub(crate) notes: &'static str,
}

impl Row {
    /// The method's name in this SDK: the Node name in snake_case, or the Go
    /// name for a Go-only row, or (legacy rows that neither SDK has any more)
    /// the label in snake_case without its articles (`Create A New Session`
    /// is `create_new_session`).
    pub(crate) fn name(&self) -> String {
        if self.node.is_empty() && self.go.is_empty() {
            return label_name(self.label);
        }
        snake_case(if self.node.is_empty() { self.go } else { self.node })
    }

    /// Whether only the Go SDK has this row.
    pub(crate) fn is_go_only(&self) -> bool {
        self.node.is_empty()
    }
}

/// Every row of the table.
pub(crate) fn rows() -> Vec<Row> {
    TABLE
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let cell = |index: usize| cells.get(index).copied().unwrap_or("");
            Row {
                group: cell(0),
                label: cell(1),
                node: cell(2),
                go: cell(3),
                verb: cell(4),
                path: cell(5).trim_start_matches('/'),
                tiers: cell(8),
                notes: cell(12),
            }
        })
        .collect()
}

/// The rows of the given groups.
pub(crate) fn rows_of(groups: &[&str]) -> Vec<Row> {
    rows().into_iter().filter(|row| groups.contains(&row.group)).collect()
}

/// The row whose Node method (or, for Go-only rows, Go method) is `name` in
/// snake_case. Panics when the table has none: the test names a method the
/// reference does not know.
///
/// A name two groups share (`get_connect_endpoints`) is qualified with its
/// group: `plugin.connect/get_connect_endpoints`.
pub(crate) fn row(name: &str) -> Row {
    let (group, method) = name
        .split_once('/')
        .map_or((None, name), |(group, method)| (Some(group), method));
    rows()
        .into_iter()
        .find(|row| row.name() == method && group.is_none_or(|group| row.group == group))
        .unwrap_or_else(|| panic!("the reference table has no method `{name}`"))
}

/// `listConversations` -> `list_conversations`; an acronym is one word
/// (`generateBucketURL` -> `generate_bucket_url`).
pub(crate) fn snake_case(name: &str) -> String {
    let characters: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 8);
    for (index, &character) in characters.iter().enumerate() {
        if character.is_ascii_uppercase() {
            let previous = index.checked_sub(1).and_then(|i| characters.get(i));
            let next = characters.get(index + 1);
            let starts_word = previous.is_some_and(|p| !p.is_ascii_uppercase())
                || (previous.is_some() && next.is_some_and(char::is_ascii_lowercase));
            if starts_word {
                out.push('_');
            }
            out.push(character.to_ascii_lowercase());
        } else {
            out.push(character);
        }
    }
    out
}

/// `Create A New Session` -> `create_new_session`.
pub(crate) fn label_name(label: &str) -> String {
    label
        .split_whitespace()
        .filter(|word| !matches!(word.to_ascii_lowercase().as_str(), "a" | "an" | "the"))
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// Fills a path template's placeholders, in order, percent-encoding what is
/// not unreserved (as the client must).
pub(crate) fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("closed placeholder");
        out.push_str(&rest[..open]);
        let value = values
            .next()
            .unwrap_or_else(|| panic!("no value for a placeholder of `{template}`"));
        for byte in value.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        rest = &rest[close + 1..];
    }
    assert!(values.next().is_none(), "more values than placeholders in `{template}`");
    out.push_str(rest);
    out
}

/// The Go-to-Rust table of the crate docs (`src/go_methods.rs`): Go method ->
/// the crate method its row names.
pub(crate) fn go_table() -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in include_str!("../../src/go_methods.rs").lines() {
        let cells: Vec<&str> = line.trim_start_matches("//!").split('|').map(str::trim).collect();
        // ["", "`GoName`", "`website().method(..)...`", "note", ""]
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let call = cells[2].trim_matches('`');
        let method = call
            .split("().")
            .nth(1)
            .and_then(|rest| rest.split('(').next())
            .unwrap_or("");
        map.insert(cells[1].trim_matches('`').to_owned(), method.to_owned());
    }
    map
}

/// The API struct a reference group's methods are on.
pub(crate) fn api_of(group: &str) -> &'static str {
    match group.split('.').next() {
        Some("plugin") => "PluginApi",
        Some("bucket") => "BucketApi",
        Some("media") => "MediaApi",
        Some("plan") => "PlanApi",
        Some("user") => "UserApi",
        _ => "WebsiteApi",
    }
}

/// The client's method `name` on the API struct `api`.
pub(crate) fn client_method(api: &str, name: &str) -> Option<&'static crisp_rest::EndpointInfo> {
    crisp_rest::endpoints().find(|info| info.api == api && info.name == name)
}

/// How the client covers one row: `Ok` when a method (its own, or the one
/// `go_methods` maps a Go-only variant to) sends the row's verb and path,
/// else why not.
pub(crate) fn check_row(row: &Row, go_table: &BTreeMap<String, String>) -> Result<(), String> {
    let api = api_of(row.group);
    let info = match client_method(api, &row.name()) {
        Some(info) => info,
        None if row.is_go_only() => {
            let target = go_table.get(row.go).ok_or_else(|| {
                format!(
                    "{}: Go-only `{}` is neither a method nor in go_methods",
                    row.group, row.go
                )
            })?;
            client_method(api, target)
                .ok_or_else(|| format!("go_methods maps `{}` to `{target}`, which does not exist", row.go))?
        }
        None => return Err(format!("{}: no method `{}` ({})", row.group, row.name(), row.label)),
    };
    if info.method != row.verb || info.path != row.path {
        return Err(format!(
            "{}: the client sends {} {}, the table says {} {}",
            info.name, info.method, info.path, row.verb, row.path
        ));
    }
    Ok(())
}

/// Per reference group: (rows covered, rows), in table order of groups.
pub(crate) fn coverage() -> Vec<(&'static str, usize, usize)> {
    let go_table = go_table();
    let mut groups: Vec<(&'static str, usize, usize)> = Vec::new();
    for row in rows() {
        let covered = usize::from(check_row(&row, &go_table).is_ok());
        match groups.iter_mut().find(|(group, _, _)| *group == row.group) {
            Some(entry) => {
                entry.1 += covered;
                entry.2 += 1;
            }
            None => groups.push((row.group, covered, 1)),
        }
    }
    groups
}
