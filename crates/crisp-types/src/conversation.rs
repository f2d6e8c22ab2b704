//! Conversations: the conversation model, its metas, its state and routing,
//! and the bodies that change them.
//!
//! ```
//! use crisp_types::conversation::{Conversation, ConversationState};
//!
//! let conversation: Conversation = serde_json::from_str(
//!     r#"{"session_id":"session_1","website_id":"website_1","state":"resolved",
//!         "meta":{"nickname":"John","segments":["vip"]}}"#,
//! )?;
//! assert_eq!(conversation.state, Some(ConversationState::Resolved));
//! let meta = conversation.meta.unwrap_or_default();
//! assert_eq!(meta.nickname.as_deref(), Some("John"));
//! assert_eq!(meta.segments, ["vip"]);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::message::{MessageFrom, MessageKind, MessageUser, Origin, null_as_default, option_setters};
use crate::{Fingerprint, InboxId, JsonMap, PeopleId, SessionId, Timestamp, UserId, WebsiteId};

crate::open_enum! {
    /// The state of a conversation.
    pub enum ConversationState {
        /// Waiting for an operator's first reply.
        Pending => "pending",
        /// Open.
        Unresolved => "unresolved",
        /// Closed.
        Resolved => "resolved",
    }
}

crate::open_enum! {
    /// Whether the visitor of a conversation is online.
    pub enum Availability {
        /// The visitor is online.
        Online => "online",
        /// The visitor is offline.
        Offline => "offline",
    }
}

/// A conversation, as listed and as fetched one by one (the same shape).
///
/// ```
/// use crisp_types::conversation::Conversation;
///
/// let conversation = Conversation::new("website_1".into(), "session_1".into());
/// assert_eq!(
///     serde_json::to_value(&conversation)?,
///     serde_json::json!({"session_id": "session_1", "website_id": "website_1"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// The conversation's id.
    pub session_id: SessionId,
    /// The website the conversation belongs to.
    pub website_id: WebsiteId,
    /// The inbox the conversation is in (`None` for the default inbox).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbox_id: Option<InboxId>,
    /// The people profile linked to the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_id: Option<PeopleId>,
    /// The conversation state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ConversationState>,
    /// The state as a number (`0` pending, `1` unresolved, `2` resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u32>,
    /// Whether the visitor's identity is verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_verified: Option<bool>,
    /// Whether the visitor is blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_blocked: Option<bool>,
    /// Whether the visitor is online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// The visitor's activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<ConversationActive>,
    /// The text of the last message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<String>,
    /// A preview of the last message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_message: Option<ConversationPreviewMessage>,
    /// The conversation topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The visitor's verified identities.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub verifications: Vec<ConversationVerification>,
    /// Other participants (e.g. email CCs).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<ConversationParticipant>,
    /// Mentioned operators' user ids.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
    /// Who is typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compose: Option<ConversationCompose>,
    /// Unread message counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<ConversationUnread>,
    /// The operator the conversation is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned: Option<ConversationAssigned>,
    /// The conversation metas (visitor details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<ConversationMeta>,
    /// When the conversation was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the conversation was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Since when the visitor waits for a reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_since: Option<Timestamp>,
}

impl Conversation {
    /// A conversation with only its ids set, as tests and fakes build them.
    pub fn new(website_id: WebsiteId, session_id: SessionId) -> Self {
        Self {
            session_id,
            website_id,
            inbox_id: None,
            people_id: None,
            state: None,
            status: None,
            is_verified: None,
            is_blocked: None,
            availability: None,
            active: None,
            last_message: None,
            preview_message: None,
            topic: None,
            verifications: Vec::new(),
            participants: Vec::new(),
            mentions: Vec::new(),
            compose: None,
            unread: None,
            assigned: None,
            meta: None,
            created_at: None,
            updated_at: None,
            waiting_since: None,
        }
    }
}

/// A visitor's activity in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationActive {
    /// Whether the visitor is active now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<bool>,
    /// When the visitor was last active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Timestamp>,
}

/// A preview of a conversation's last message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationPreviewMessage {
    /// The message type (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MessageKind>,
    /// Who wrote the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<MessageFrom>,
    /// A text excerpt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The message fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
}

/// A verified identity of the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationVerification {
    /// What was verified, e.g. `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// How it was verified, e.g. `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The verified value, e.g. the email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
}

/// A participant of a conversation other than the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationParticipant {
    /// The participant type (`type` on the wire), e.g. `email`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The participant address, e.g. an email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// Who is typing in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationCompose {
    /// An operator's typing state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<ComposeAtom>,
    /// The visitor's typing state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor: Option<ComposeAtom>,
}

/// One side's typing state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComposeAtom {
    /// The compose type (`type` on the wire), e.g. `start` or `stop`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// What is being typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// When the typing state was reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Who is typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<ComposeAtomUser>,
    /// Whether a bot is typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
}

/// Who is typing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComposeAtomUser {
    /// The typist's id (an operator's user id or the session id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The typist's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The typist's avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// Unread message counts of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationUnread {
    /// Messages the operators have not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<u32>,
    /// Messages the visitor has not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor: Option<u32>,
}

/// The operator a conversation is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationAssigned {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

/// The response to creating a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationNew {
    /// The new conversation's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
}

/// The metas of a conversation: what is known about the visitor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConversationMeta {
    /// The visitor's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The visitor's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The visitor's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The visitor's postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The conversation subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The visitor's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// The visitor's network connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<MetaConnection>,
    /// Where the conversation started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Segments (tags) of the conversation.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<String>,
    /// Custom data (values are strings, numbers or booleans).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "JsonMap::is_empty"
    )]
    pub data: JsonMap,
    /// The visitor's avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The visitor's device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<MetaDevice>,
}

/// The visitor's network connection.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaConnection {
    /// The internet service provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isp: Option<String>,
    /// The autonomous system number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn: Option<String>,
}

/// The visitor's device (also sent, partially, to update metas).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MetaDevice {
    /// What the chatbox can do on this device (e.g. `call`).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
    /// Where the device is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<MetaGeolocation>,
    /// The device's system and browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<MetaSystem>,
    /// The UTC offset in minutes, as browsers report it (`-120` for UTC+2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<i32>,
    /// The browser's locales, e.g. `en`.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub locales: Vec<String>,
}

/// Where a device is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MetaGeolocation {
    /// The coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<MetaCoordinates>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The country code, e.g. `FR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Geographic coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct MetaCoordinates {
    /// The latitude, in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// The longitude, in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

/// A device's system and browser.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaSystem {
    /// The operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<MetaOs>,
    /// The browser engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<MetaEngine>,
    /// The browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<MetaBrowser>,
    /// The raw user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub useragent: Option<String>,
}

/// An operating system.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaOs {
    /// The version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The name, e.g. `Mac OS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A browser engine.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaEngine {
    /// The version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The name, e.g. `WebKit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A browser.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaBrowser {
    /// The major version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major: Option<String>,
    /// The full version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The name, e.g. `Chrome`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The body that updates conversation metas: only the fields set are sent.
///
/// ```
/// use crisp_types::conversation::ConversationMetaUpdate;
///
/// let update = ConversationMetaUpdate::new()
///     .nickname("John Doe")
///     .email("john.doe@acme-inc.com")
///     .segments(["happy", "customer"])
///     .data_entry("signup", "finished");
/// assert_eq!(
///     serde_json::to_value(&update)?,
///     serde_json::json!({
///         "nickname": "John Doe",
///         "email": "john.doe@acme-inc.com",
///         "segments": ["happy", "customer"],
///         "data": {"signup": "finished"},
///     })
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConversationMetaUpdate {
    /// The visitor's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The visitor's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The visitor's avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The visitor's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// The visitor's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The visitor's postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The conversation subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Where the conversation started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Segments (tags); replaces the current list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<String>>,
    /// Custom data (values should be strings, numbers or booleans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<JsonMap>,
    /// The visitor's device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<MetaDevice>,
}

impl ConversationMetaUpdate {
    /// An empty update; set fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the visitor's name.
        nickname: String,
        /// Sets the visitor's email address.
        email: String,
        /// Sets the visitor's avatar URL.
        avatar: String,
        /// Sets the visitor's IP address.
        ip: String,
        /// Sets the visitor's phone number.
        phone: String,
        /// Sets the visitor's postal address.
        address: String,
        /// Sets the conversation subject.
        subject: String,
        /// Sets where the conversation started.
        origin: Origin,
        /// Sets the whole custom data map.
        data: JsonMap,
        /// Sets the visitor's device.
        device: MetaDevice,
    }

    /// Sets the segments (tags), replacing the current list.
    #[must_use]
    pub fn segments(mut self, segments: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.segments = Some(segments.into_iter().map(Into::into).collect());
        self
    }

    /// Adds one entry to the custom data map.
    #[must_use]
    pub fn data_entry(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.data
            .get_or_insert_with(JsonMap::new)
            .insert(key.into(), value.into());
        self
    }
}

/// The body that changes a conversation's state (also the shape of the "get
/// conversation state" response, where only `state` is set).
///
/// ```
/// use crisp_types::conversation::{ConversationState, ConversationStateUpdate};
///
/// let update = ConversationStateUpdate::new(ConversationState::Resolved);
/// assert_eq!(serde_json::to_string(&update)?, r#"{"state":"resolved"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationStateUpdate {
    /// The new state.
    pub state: ConversationState,
    /// Who changes the state, as shown in the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<MessageUser>,
    /// Where the change comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl ConversationStateUpdate {
    /// Changes the state to `state`.
    pub fn new(state: ConversationState) -> Self {
        Self {
            state,
            user: None,
            origin: None,
        }
    }

    option_setters! {
        /// Sets who changes the state.
        user: MessageUser,
        /// Sets where the change comes from.
        origin: Origin,
    }
}

/// The routing of a conversation (the "get conversation routing assign"
/// response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationRouting {
    /// The assigned operator, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned: Option<RoutingAssigned>,
}

/// An operator a conversation is (to be) assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoutingAssigned {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

/// The body that assigns (or unassigns) a conversation.
///
/// `assigned` is always sent: `null` unassigns.
///
/// ```
/// use crisp_types::conversation::ConversationRoutingUpdate;
///
/// let assign = ConversationRoutingUpdate::assign("user_1").silent(true);
/// assert_eq!(
///     serde_json::to_string(&assign)?,
///     r#"{"assigned":{"user_id":"user_1"},"silent":true}"#
/// );
/// let unassign = ConversationRoutingUpdate::unassign();
/// assert_eq!(serde_json::to_string(&unassign)?, r#"{"assigned":null}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationRoutingUpdate {
    /// The operator to assign, or `None` (sent as `null`) to unassign.
    #[serde(default)]
    pub assigned: Option<RoutingAssigned>,
    /// Assign without notifying the operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silent: Option<bool>,
}

impl ConversationRoutingUpdate {
    /// Assigns the conversation to the operator `user_id`.
    pub fn assign(user_id: impl Into<UserId>) -> Self {
        Self {
            assigned: Some(RoutingAssigned {
                user_id: Some(user_id.into()),
            }),
            silent: None,
        }
    }

    /// Unassigns the conversation.
    pub fn unassign() -> Self {
        Self {
            assigned: None,
            silent: None,
        }
    }

    /// Sets whether to (un)assign without notifying the operator.
    #[must_use]
    pub fn silent(mut self, silent: bool) -> Self {
        self.silent = Some(silent);
        self
    }
}
