//! Tool calls and plugin widget actions on a conversation.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::JsonMap;

/// The body that requests a tool call on a conversation.
///
/// ```
/// use crisp::types::conversation::ConversationToolCall;
///
/// assert_eq!(serde_json::to_string(&ConversationToolCall::new("lookup"))?, r#"{"command":"lookup"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationToolCall {
    /// The tool command.
    pub command: String,
    /// The command arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<JsonMap>,
}

impl ConversationToolCall {
    /// Requests the tool `command`.
    pub fn new(command: impl Into<String>) -> Self {
        Self {
            command: command.into(),
            payload: None,
        }
    }

    option_setters! {
        /// Sets the command arguments.
        payload: JsonMap,
    }
}

/// The answer to a widget action: how Crisp delivers it to the plugin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationWidgetAction {
    /// The id that correlates the action with the plugin's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// How delivery is retried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<ConversationWidgetActionStrategy>,
}

/// How the delivery of a widget action is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationWidgetActionStrategy {
    /// How many delivery attempts are made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts: Option<u32>,
    /// How long delivery is attempted before giving up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhaustion: Option<u32>,
}

/// An empty JSON object, the default widget action `data`.
fn empty_object() -> Value {
    Value::Object(JsonMap::new())
}

/// The body that delivers a widget button action to a plugin.
///
/// `data` is always sent (`{}` by default); `value` only when set.
///
/// ```
/// use crisp::types::conversation::ConversationWidgetButtonPayload;
///
/// let button = ConversationWidgetButtonPayload::new("section_1", "button_1");
/// assert_eq!(
///     serde_json::to_string(&button)?,
///     r#"{"section_id":"section_1","item_id":"button_1","data":{}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationWidgetButtonPayload {
    /// The widget section.
    pub section_id: String,
    /// The button.
    pub item_id: String,
    /// Data passed to the plugin.
    #[serde(default = "empty_object")]
    pub data: Value,
    /// The value of the item, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

impl ConversationWidgetButtonPayload {
    /// A press on the button `item_id` of section `section_id`.
    pub fn new(section_id: impl Into<String>, item_id: impl Into<String>) -> Self {
        Self {
            section_id: section_id.into(),
            item_id: item_id.into(),
            data: empty_object(),
            value: None,
        }
    }

    /// Sets the data passed to the plugin.
    #[must_use]
    pub fn data(mut self, data: impl Into<Value>) -> Self {
        self.data = data.into();
        self
    }

    option_setters! {
        /// Sets the value of the item.
        value: Value,
    }
}

/// The body that asks a plugin to fetch the data of a widget item.
///
/// `data` is always sent (`{}` by default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationWidgetDataFetchPayload {
    /// The widget section.
    pub section_id: String,
    /// The item.
    pub item_id: String,
    /// Data passed to the plugin.
    #[serde(default = "empty_object")]
    pub data: Value,
}

impl ConversationWidgetDataFetchPayload {
    /// A fetch of the item `item_id` of section `section_id`.
    pub fn new(section_id: impl Into<String>, item_id: impl Into<String>) -> Self {
        Self {
            section_id: section_id.into(),
            item_id: item_id.into(),
            data: empty_object(),
        }
    }

    /// Sets the data passed to the plugin.
    #[must_use]
    pub fn data(mut self, data: impl Into<Value>) -> Self {
        self.data = data.into();
        self
    }
}

/// The body that tells a plugin the value of a widget item was edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationWidgetDataEditPayload {
    /// The widget section.
    pub section_id: String,
    /// The item.
    pub item_id: String,
    /// The new value.
    pub value: String,
}

impl ConversationWidgetDataEditPayload {
    /// The item `item_id` of section `section_id` now holds `value`.
    pub fn new(section_id: impl Into<String>, item_id: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            section_id: section_id.into(),
            item_id: item_id.into(),
            value: value.into(),
        }
    }
}
