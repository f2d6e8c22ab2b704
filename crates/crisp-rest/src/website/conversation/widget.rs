//! Plugin widget actions and tool calls in a conversation.

use crisp_types::conversation::{
    ConversationToolCall, ConversationWidgetAction, ConversationWidgetButtonPayload, ConversationWidgetDataEditPayload,
    ConversationWidgetDataFetchPayload,
};
use crisp_types::{PluginId, SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Asks the conversation's AI agent to run a tool; the answer is
    /// returned as Crisp sends it (its shape is not documented).
    "Request Tool Call For Conversation" => fn request_tool_call_for_conversation -> RequestToolCallForConversation;
    POST "website/{website_id}/conversation/{session_id}/tool";
    tiers [];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (call: ConversationToolCall);
    body call: ConversationToolCall = call;
    output data serde_json::Value;

    /// Delivers a click on a button of a plugin's widget.
    "Deliver Widget Button Action For Conversation"
        => fn deliver_widget_button_action_for_conversation -> DeliverWidgetButtonActionForConversation;
    POST "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button";
    tiers [user];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, plugin_id: &'a PluginId);
    args (action: ConversationWidgetButtonPayload);
    body action: ConversationWidgetButtonPayload = action;
    output data ConversationWidgetAction;

    /// Asks a plugin's widget to fetch the data of one item.
    "Deliver Widget Data Fetch Action For Conversation"
        => fn deliver_widget_data_fetch_action_for_conversation -> DeliverWidgetDataFetchActionForConversation;
    POST "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data";
    tiers [user];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, plugin_id: &'a PluginId);
    args (action: ConversationWidgetDataFetchPayload);
    body action: ConversationWidgetDataFetchPayload = action;
    output data ConversationWidgetAction;

    /// Delivers a value edited in a plugin's widget.
    "Deliver Widget Data Edit Action For Conversation"
        => fn deliver_widget_data_edit_action_for_conversation -> DeliverWidgetDataEditActionForConversation;
    POST "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data";
    tiers [user];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId, plugin_id: &'a PluginId);
    args (action: ConversationWidgetDataEditPayload);
    body action: ConversationWidgetDataEditPayload = action;
    output data ConversationWidgetAction;
}
