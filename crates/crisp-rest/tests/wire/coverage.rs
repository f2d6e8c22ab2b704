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
    "plugin.subscription",
    "plan.subscription",
    "media.animation",
    "bucket.url",
    "user.session",
    "user.account",
    "website.base",
    "website.settings",
    "website.operator",
    "website.inbox",
    "website.teams",
    "website.visitors",
    "website.availability",
    "website.verify",
    "website.analytics",
    "website.campaigns",
    "website.campaign",
    "website.helpdesk",
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
    include_str!("helpdesk_base.rs"),
    include_str!("helpdesk_history.rs"),
    include_str!("helpdesk_legacy_articles.rs"),
    include_str!("helpdesk_legacy_categories.rs"),
    include_str!("helpdesk_settings.rs"),
    include_str!("helpdesk_tree.rs"),
    include_str!("media_bucket.rs"),
    include_str!("plan_subscription.rs"),
    include_str!("plugin_subscription.rs"),
    include_str!("user_legacy.rs"),
    include_str!("website_analytics.rs"),
    include_str!("website_base.rs"),
    include_str!("website_campaign.rs"),
    include_str!("website_campaigns.rs"),
    include_str!("website_inbox_teams.rs"),
    include_str!("website_operators.rs"),
    include_str!("website_visitors.rs"),
];

/// The method names passed to `assert_wire` in this binary.
fn wire_tested() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for source in WIRE_SOURCES {
        for call in source.split("assert_wire(").skip(1) {
            if let Some(name) = call.split('"').nth(1) {
                // `group/method` names a method two groups share.
                names.insert(name.rsplit('/').next().unwrap_or(name).to_owned());
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
