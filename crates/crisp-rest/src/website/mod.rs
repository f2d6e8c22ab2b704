//! Website routes, one module per group of the Crisp reference
//! (`website.conversations` is `conversations.rs`, `website.conversation` is
//! the `conversation/` folder, split by topic, ...). Every request builder is
//! re-exported here.

mod batch;
mod connect;
mod conversation;
mod conversations;
mod people;

pub use batch::*;
pub use connect::*;
pub use conversation::activity::*;
pub use conversation::browsing::*;
pub use conversation::core::*;
pub use conversation::messages::*;
pub use conversation::state::*;
pub use conversation::verify::*;
pub use conversation::widget::*;
pub use conversations::*;
pub use people::*;

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
}
