//! Website routes, one file per group of the Crisp reference
//! (`website.conversations` is `conversations.rs`, `website.conversation` is
//! `conversation.rs`, ...).

mod connect;
mod conversation;
mod conversations;
mod people;

pub use connect::GetConnectEndpoints;
pub use conversation::{
    AssignConversationRouting, ChangeConversationState, CreateNewConversation, GetConversation, GetConversationMetas,
    GetConversationRoutingAssign, GetMessagesInConversation, MarkMessagesDeliveredInConversation,
    MarkMessagesReadInConversation, SendMessageInConversation, UpdateConversationMetas,
};
pub use conversations::ListConversations;
pub use people::{
    AddNewPeopleProfile, CheckPeopleProfileExists, GetPeopleProfile, ListPeopleProfiles, RemovePeopleProfile,
    SavePeopleProfile, UpdatePeopleProfile,
};

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
