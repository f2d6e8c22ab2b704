//! Group `website.conversation`: one conversation, its messages, routing,
//! metas and state.

use crisp_types::conversation::{
    Conversation, ConversationMeta, ConversationMetaUpdate, ConversationNew, ConversationRouting,
    ConversationRoutingUpdate, ConversationState, ConversationStateUpdate,
};
use crisp_types::message::{Message, MessageDispatched, MessageUser, MessagesMark, NewMessage, Origin};
use crisp_types::{SessionId, Timestamp, WebsiteId};
use http::Method;

use super::WebsiteApi;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::request::{ApiRequest, Query};
use crate::response::ApiResponse;

impl<'a> WebsiteApi<'a> {
    /// Create A New Conversation: opens an empty conversation and returns its
    /// session id.
    pub fn create_new_conversation(&self, website_id: &'a WebsiteId) -> CreateNewConversation<'a> {
        CreateNewConversation {
            client: self.client,
            website_id,
        }
    }

    /// Get A Conversation.
    pub fn get_conversation(&self, website_id: &'a WebsiteId, session_id: &'a SessionId) -> GetConversation<'a> {
        GetConversation {
            client: self.client,
            website_id,
            session_id,
        }
    }

    /// Get Messages In Conversation: the last page of messages, or the page
    /// before / after / around a timestamp (setters).
    pub fn get_messages_in_conversation(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
    ) -> GetMessagesInConversation<'a> {
        GetMessagesInConversation {
            client: self.client,
            website_id,
            session_id,
            timestamp_before: None,
            timestamp_after: None,
            timestamp_around: None,
        }
    }

    /// Send A Message In Conversation; returns the new message's fingerprint.
    ///
    /// Never retried automatically after an ambiguous failure: a duplicated
    /// message would be visible to the visitor.
    pub fn send_message_in_conversation(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
        message: NewMessage,
    ) -> SendMessageInConversation<'a> {
        SendMessageInConversation {
            client: self.client,
            website_id,
            session_id,
            message,
        }
    }

    /// Mark Messages As Read In Conversation.
    pub fn mark_messages_read_in_conversation(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
        mark: MessagesMark,
    ) -> MarkMessagesReadInConversation<'a> {
        MarkMessagesReadInConversation {
            client: self.client,
            website_id,
            session_id,
            mark,
        }
    }

    /// Mark Messages As Delivered In Conversation.
    pub fn mark_messages_delivered_in_conversation(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
        mark: MessagesMark,
    ) -> MarkMessagesDeliveredInConversation<'a> {
        MarkMessagesDeliveredInConversation {
            client: self.client,
            website_id,
            session_id,
            mark,
        }
    }

    /// Get Conversation Routing Assign: who the conversation is assigned to.
    pub fn get_conversation_routing_assign(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
    ) -> GetConversationRoutingAssign<'a> {
        GetConversationRoutingAssign {
            client: self.client,
            website_id,
            session_id,
        }
    }

    /// Assign Conversation Routing: assigns the conversation to an operator, or
    /// unassigns it.
    pub fn assign_conversation_routing(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
        routing: ConversationRoutingUpdate,
    ) -> AssignConversationRouting<'a> {
        AssignConversationRouting {
            client: self.client,
            website_id,
            session_id,
            routing,
        }
    }

    /// Get Conversation Metas: the visitor's nickname, email, segments, data, device, ...
    pub fn get_conversation_metas(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
    ) -> GetConversationMetas<'a> {
        GetConversationMetas {
            client: self.client,
            website_id,
            session_id,
        }
    }

    /// Update Conversation Metas: changes only the metas set in `metas`.
    pub fn update_conversation_metas(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
        metas: ConversationMetaUpdate,
    ) -> UpdateConversationMetas<'a> {
        UpdateConversationMetas {
            client: self.client,
            website_id,
            session_id,
            metas,
        }
    }

    /// Change Conversation State: pending, unresolved or resolved.
    pub fn change_conversation_state(
        &self,
        website_id: &'a WebsiteId,
        session_id: &'a SessionId,
        state: ConversationState,
    ) -> ChangeConversationState<'a> {
        ChangeConversationState {
            client: self.client,
            website_id,
            session_id,
            update: ConversationStateUpdate::new(state),
        }
    }
}

/// Request builder of [`WebsiteApi::create_new_conversation`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateNewConversation<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
}

impl Endpoint for CreateNewConversation<'_> {
    type Output = ConversationNew;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str()];
        Ok(ApiRequest::from_template(
            Method::POST,
            "create_new_conversation",
            "website/{website_id}/conversation",
            &values,
        )?
        .with_empty_object())
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(CreateNewConversation);

/// Request builder of [`WebsiteApi::get_conversation`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetConversation<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
}

impl Endpoint for GetConversation<'_> {
    type Output = Conversation;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}";
        ApiRequest::from_template(Method::GET, "get_conversation", template, &values)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetConversation);

/// Request builder of [`WebsiteApi::get_messages_in_conversation`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetMessagesInConversation<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    timestamp_before: Option<Timestamp>,
    timestamp_after: Option<Timestamp>,
    timestamp_around: Option<Timestamp>,
}

impl GetMessagesInConversation<'_> {
    /// The page of messages sent before this time.
    pub fn timestamp_before(mut self, timestamp: Timestamp) -> Self {
        self.timestamp_before = Some(timestamp);
        self
    }

    /// The page of messages sent after this time.
    pub fn timestamp_after(mut self, timestamp: Timestamp) -> Self {
        self.timestamp_after = Some(timestamp);
        self
    }

    /// The page of messages around this time.
    pub fn timestamp_around(mut self, timestamp: Timestamp) -> Self {
        self.timestamp_around = Some(timestamp);
        self
    }
}

impl Endpoint for GetMessagesInConversation<'_> {
    type Output = Vec<Message>;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/messages";
        let mut query = Query::new();
        query
            .push_opt("timestamp_before", self.timestamp_before)
            .push_opt("timestamp_after", self.timestamp_after)
            .push_opt("timestamp_around", self.timestamp_around);
        Ok(
            ApiRequest::from_template(Method::GET, "get_messages_in_conversation", template, &values)?
                .with_query(query),
        )
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetMessagesInConversation);

/// Request builder of [`WebsiteApi::send_message_in_conversation`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct SendMessageInConversation<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    message: NewMessage,
}

impl Endpoint for SendMessageInConversation<'_> {
    type Output = MessageDispatched;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/message";
        ApiRequest::from_template(Method::POST, "send_message_in_conversation", template, &values)?
            .with_json(&self.message)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(SendMessageInConversation);

/// Request builder of [`WebsiteApi::mark_messages_read_in_conversation`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct MarkMessagesReadInConversation<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    mark: MessagesMark,
}

impl Endpoint for MarkMessagesReadInConversation<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/read";
        ApiRequest::from_template(Method::PATCH, "mark_messages_read_in_conversation", template, &values)?
            .with_json(&self.mark)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(MarkMessagesReadInConversation);

/// Request builder of [`WebsiteApi::mark_messages_delivered_in_conversation`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct MarkMessagesDeliveredInConversation<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    mark: MessagesMark,
}

impl Endpoint for MarkMessagesDeliveredInConversation<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/delivered";
        ApiRequest::from_template(
            Method::PATCH,
            "mark_messages_delivered_in_conversation",
            template,
            &values,
        )?
        .with_json(&self.mark)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(MarkMessagesDeliveredInConversation);

/// Request builder of [`WebsiteApi::get_conversation_routing_assign`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetConversationRoutingAssign<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
}

impl Endpoint for GetConversationRoutingAssign<'_> {
    type Output = ConversationRouting;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/routing";
        ApiRequest::from_template(Method::GET, "get_conversation_routing_assign", template, &values)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetConversationRoutingAssign);

/// Request builder of [`WebsiteApi::assign_conversation_routing`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct AssignConversationRouting<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    routing: ConversationRoutingUpdate,
}

impl Endpoint for AssignConversationRouting<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/routing";
        ApiRequest::from_template(Method::PATCH, "assign_conversation_routing", template, &values)?
            .with_json(&self.routing)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(AssignConversationRouting);

/// Request builder of [`WebsiteApi::get_conversation_metas`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetConversationMetas<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
}

impl Endpoint for GetConversationMetas<'_> {
    type Output = ConversationMeta;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/meta";
        ApiRequest::from_template(Method::GET, "get_conversation_metas", template, &values)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.data()
    }
}

into_future!(GetConversationMetas);

/// Request builder of [`WebsiteApi::update_conversation_metas`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct UpdateConversationMetas<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    metas: ConversationMetaUpdate,
}

impl Endpoint for UpdateConversationMetas<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/meta";
        ApiRequest::from_template(Method::PATCH, "update_conversation_metas", template, &values)?.with_json(&self.metas)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(UpdateConversationMetas);

/// Request builder of [`WebsiteApi::change_conversation_state`]; await it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct ChangeConversationState<'a> {
    client: &'a Client,
    website_id: &'a WebsiteId,
    session_id: &'a SessionId,
    update: ConversationStateUpdate,
}

impl ChangeConversationState<'_> {
    /// The operator (or bot) credited with the change.
    pub fn user(mut self, user: MessageUser) -> Self {
        self.update.user = Some(user);
        self
    }

    /// Where the change comes from (`chat`, `email` or a plugin URN).
    pub fn origin(mut self, origin: Origin) -> Self {
        self.update.origin = Some(origin);
        self
    }
}

impl Endpoint for ChangeConversationState<'_> {
    type Output = ();

    fn to_request(&self) -> Result<ApiRequest, Error> {
        let values = [self.website_id.as_str(), self.session_id.as_str()];
        let template = "website/{website_id}/conversation/{session_id}/state";
        ApiRequest::from_template(Method::PATCH, "change_conversation_state", template, &values)?
            .with_json(&self.update)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        response.empty()
    }
}

into_future!(ChangeConversationState);
