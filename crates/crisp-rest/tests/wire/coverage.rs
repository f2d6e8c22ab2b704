//! The reference table against the client: every method of the groups this
//! crate covers exists with the table's verb and path, every Go-only row is
//! either a method or mapped in `crisp_rest::go_methods`, and every method
//! has a wire test in this binary.

use std::collections::BTreeSet;

use crate::common::table::{Row, check_row, go_table, rows, rows_of};

/// The reference groups implemented in full.
const GROUPS: &[&str] = &[
    "website.conversation",
    "website.conversations",
    "website.people",
    "website.batch",
    "website.connect",
    "plugin.connect",
];

/// The sources of this binary's test modules, searched for `assert_wire` calls.
const WIRE_SOURCES: &[&str] = &[
    include_str!("batch.rs"),
    include_str!("connect.rs"),
    include_str!("conversation_activity.rs"),
    include_str!("conversation_browsing.rs"),
    include_str!("conversation_core.rs"),
    include_str!("conversation_messages.rs"),
    include_str!("conversation_state.rs"),
    include_str!("conversation_verify.rs"),
    include_str!("conversations.rs"),
    include_str!("people_activity.rs"),
    include_str!("people_profiles.rs"),
];

/// The method names passed to `assert_wire` in this binary.
fn wire_tested() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for source in WIRE_SOURCES {
        for call in source.split("assert_wire(").skip(1) {
            if let Some(name) = call.split('"').nth(1) {
                names.insert(name.to_owned());
            }
        }
    }
    names
}

#[test]
fn every_method_of_the_table_is_implemented_with_its_verb_and_path() {
    let go_table = go_table();
    let problems: Vec<String> = rows_of(GROUPS)
        .iter()
        .filter_map(|row| check_row(row, &go_table).err())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_method_has_a_wire_test() {
    let tested = wire_tested();
    let missing: Vec<String> = rows_of(GROUPS)
        .iter()
        .map(Row::name)
        .filter(|name| crisp_rest::endpoints().any(|info| info.name == name))
        .filter(|name| !tested.contains(name))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(missing.is_empty(), "methods without an assert_wire test: {missing:#?}");
}

#[test]
fn every_declared_method_is_in_the_table() {
    let names: BTreeSet<String> = rows().iter().map(Row::name).collect();
    let unknown: Vec<&str> = crisp_rest::endpoints()
        .map(|info| info.name)
        .filter(|name| !names.contains(*name))
        .collect();
    assert!(
        unknown.is_empty(),
        "methods the reference table does not know: {unknown:?}"
    );
}

#[test]
fn the_go_table_names_only_go_methods_of_the_table() {
    let go_names: BTreeSet<&str> = rows().iter().map(|row| row.go).collect();
    for go in go_table().keys() {
        assert!(
            go_names.contains(go.as_str()),
            "go_methods names `{go}`, which the table does not have"
        );
    }
}
