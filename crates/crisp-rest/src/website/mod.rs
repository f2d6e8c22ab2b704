//! Website routes, one module per group of the Crisp reference
//! (`website.conversations` is `conversations.rs`, `website.conversation` is
//! the `conversation/` folder, split by topic, ...). Every request builder is
//! re-exported here.

mod analytics;
mod availability;
mod base;
mod batch;
mod campaigns;
mod connect;
mod conversation;
mod conversations;
mod helpdesk;
mod inbox;
mod operator;
mod people;
mod teams;
mod verify;
mod visitors;

pub use analytics::*;
pub use availability::*;
pub use base::*;
pub use batch::*;
pub use campaigns::campaign::*;
pub use campaigns::list::*;
pub use connect::*;
pub use conversation::activity::*;
pub use conversation::browsing::*;
pub use conversation::core::*;
pub use conversation::messages::*;
pub use conversation::state::*;
pub use conversation::verify::*;
pub use conversation::widget::*;
pub use conversations::*;
pub use helpdesk::*;
pub use inbox::*;
pub use operator::*;
pub use people::*;
pub use teams::*;
pub use verify::*;
pub use visitors::*;

use crate::client::Client;

/// The website routes, from [`Client::website`].
#[derive(Debug, Clone, Copy)]
pub struct WebsiteApi<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> WebsiteApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

/// Every website endpoint.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    conversations::endpoints()
        .chain(conversation::endpoints())
        .chain(people::endpoints())
        .chain(batch::ENDPOINTS)
        .chain(connect::ENDPOINTS)
        .chain(helpdesk::endpoints())
        .chain(base::ENDPOINTS)
        .chain(base::HAND_WRITTEN)
        .chain(operator::ENDPOINTS)
        .chain(inbox::ENDPOINTS)
        .chain(teams::ENDPOINTS)
        .chain(visitors::ENDPOINTS)
        .chain(visitors::HAND_WRITTEN)
        .chain(availability::ENDPOINTS)
        .chain(verify::ENDPOINTS)
        .chain(analytics::ENDPOINTS)
        .chain(analytics::HAND_WRITTEN)
        .chain(campaigns::endpoints())
}
