//! Group `website.conversation`: one conversation, by topic.
//!
//! - `core`: create, check, get, remove, initiate;
//! - `messages`: send, read, update, remove, compose, mark messages;
//! - `state`: routing, inbox, metas, state, open state, block status;
//! - `activity`: pages, events, files, relations, participants, originals;
//! - `verify`: identity verification, transcripts, purge, feedback, reports, reminders;
//! - `browsing`: co-browsing and calls;
//! - `widget`: plugin widget actions and tool calls.

pub(crate) mod activity;
pub(crate) mod browsing;
pub(crate) mod core;
pub(crate) mod messages;
pub(crate) mod state;
pub(crate) mod verify;
pub(crate) mod widget;

/// Every endpoint of the group.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    [
        core::ENDPOINTS,
        messages::ENDPOINTS,
        state::ENDPOINTS,
        activity::ENDPOINTS,
        verify::ENDPOINTS,
        browsing::ENDPOINTS,
        widget::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
}
