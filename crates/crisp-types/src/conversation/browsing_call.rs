//! Co-browsing and call sessions of a conversation, and the bodies that drive
//! them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::message::{MessageUser, Origin};
use crate::{BrowsingId, CallId};

/// A co-browsing session of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationBrowsing {
    /// The session's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browsing_id: Option<BrowsingId>,
    /// The token that gives access to the session stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browsing_token: Option<String>,
    /// The visitor's browser user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub useragent: Option<String>,
}

/// The body that sends an action to a co-browsing session.
///
/// ```
/// use crisp::types::conversation::ConversationBrowsingAction;
///
/// assert_eq!(serde_json::to_string(&ConversationBrowsingAction::new("start"))?, r#"{"action":"start"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationBrowsingAction {
    /// The action, e.g. `start`, `stop`, `unmask`, `mask`.
    pub action: String,
}

impl ConversationBrowsingAction {
    /// Sends `action`.
    pub fn new(action: impl Into<String>) -> Self {
        Self { action: action.into() }
    }
}

/// The body that runs a debug action in a co-browsing session (a route only
/// the Go SDK offers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationBrowsingDebug {
    /// The debug action, e.g. `eval`.
    pub action: String,
    /// What to execute.
    pub execute: String,
}

impl ConversationBrowsingDebug {
    /// Runs `action` with `execute`.
    pub fn new(action: impl Into<String>, execute: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            execute: execute.into(),
        }
    }
}

/// A point on the visitor's page, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct BrowsingPoint {
    /// The horizontal position.
    #[serde(default)]
    pub x: u32,
    /// The vertical position.
    #[serde(default)]
    pub y: u32,
}

impl BrowsingPoint {
    /// The point at (`x`, `y`).
    pub fn new(x: u32, y: u32) -> Self {
        Self { x, y }
    }
}

/// The body that assists the visitor in a co-browsing session (moves the
/// mouse, clicks, scrolls).
///
/// ```
/// use crisp::types::conversation::{BrowsingPoint, ConversationBrowsingAssist};
///
/// let assist = ConversationBrowsingAssist::new("mouse").mouse(BrowsingPoint::new(10, 20));
/// assert_eq!(serde_json::to_string(&assist)?, r#"{"action":"mouse","mouse":{"x":10,"y":20}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationBrowsingAssist {
    /// The assist action, e.g. `mouse`, `click` or `scroll`.
    pub action: String,
    /// Where the mouse goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mouse: Option<BrowsingPoint>,
    /// Where to click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub click: Option<BrowsingPoint>,
    /// Where to scroll to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scroll: Option<BrowsingPoint>,
}

impl ConversationBrowsingAssist {
    /// Runs the assist `action`.
    pub fn new(action: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            mouse: None,
            click: None,
            scroll: None,
        }
    }

    option_setters! {
        /// Sets where the mouse goes.
        mouse: BrowsingPoint,
        /// Sets where to click.
        click: BrowsingPoint,
        /// Sets where to scroll to.
        scroll: BrowsingPoint,
    }
}

crate::open_enum! {
    /// The kind of call.
    pub enum CallMode {
        /// An audio call.
        Audio => "audio",
        /// A video call.
        Video => "video",
    }
}

/// A call session of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationCall {
    /// The call's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_id: Option<CallId>,
}

/// The body that starts a call session.
///
/// ```
/// use crisp::types::conversation::{CallMode, ConversationCallPayload};
///
/// assert_eq!(serde_json::to_string(&ConversationCallPayload::new(CallMode::Video))?, r#"{"mode":"video"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationCallPayload {
    /// Audio or video.
    pub mode: CallMode,
    /// Who calls, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the call comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationCallPayload {
    /// Starts a call in `mode`.
    pub fn new(mode: CallMode) -> Self {
        Self {
            mode,
            user: None,
            origin: None,
        }
    }

    option_setters! {
        /// Sets who calls.
        user: MessageUser,
        /// Sets where the call comes from.
        origin: Origin,
    }
}

/// The body that aborts an ongoing call session (`{}` when nothing is set).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationCallAbortPayload {
    /// Who aborts, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the abort comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationCallAbortPayload {
    /// An abort with nothing set (sent as `{}`).
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets who aborts.
        user: MessageUser,
        /// Sets where the abort comes from.
        origin: Origin,
    }
}

/// The body that transmits a signaling message (e.g. a WebRTC SDP) on an
/// ongoing call session.
///
/// ```
/// use crisp::types::conversation::ConversationCallSignalingPayload;
///
/// let signal = ConversationCallSignalingPayload::new("sdp", serde_json::json!({"sdp": "v=0"}));
/// assert_eq!(serde_json::to_string(&signal)?, r#"{"type":"sdp","payload":{"sdp":"v=0"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationCallSignalingPayload {
    /// The signaling type (`type` on the wire), e.g. `sdp`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The signaling payload.
    #[serde(default)]
    pub payload: Value,
}

impl ConversationCallSignalingPayload {
    /// A signaling message of type `kind` carrying `payload`.
    pub fn new(kind: impl Into<String>, payload: Value) -> Self {
        Self {
            kind: kind.into(),
            payload,
        }
    }
}
