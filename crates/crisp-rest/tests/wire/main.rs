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
mod people_activity;
mod people_profiles;
