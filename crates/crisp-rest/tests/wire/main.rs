//! Wire tests of every REST method of the groups `website.conversation`,
//! `website.conversations`, `website.people`, `website.batch` and the connect
//! groups, driven by the project's copy of the reference table
//! (`tests/reference/endpoints.tsv`): each test calls a method on the fake
//! Crisp, checks the request it received against the table row (verb, path)
//! and the expected query and JSON body, then checks the decoded result.
//! [`coverage`] fails when the table has a method the client lacks, or one
//! without a wire test here.

#[path = "../common/mod.rs"]
mod common;

mod batch;
mod connect;
mod conversation_activity;
mod conversation_browsing;
mod conversation_core;
mod conversation_messages;
mod conversation_state;
mod conversation_verify;
mod conversations;
mod coverage;
mod helpdesk_base;
mod helpdesk_history;
mod helpdesk_legacy_articles;
mod helpdesk_legacy_categories;
mod helpdesk_settings;
mod helpdesk_tree;
mod media_bucket;
mod people_activity;
mod people_profiles;
mod plan_subscription;
mod plugin_subscription;
mod user_legacy;
mod website_analytics;
mod website_base;
mod website_campaign;
mod website_campaigns;
mod website_inbox_teams;
mod website_operators;
mod website_visitors;
