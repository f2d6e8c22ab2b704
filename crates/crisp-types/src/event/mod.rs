//! Realtime events: what the RTM WebSocket pushes (`42["<name>",<data>]`) and
//! what a Web Hook posts (`{"website_id","event","data","timestamp"}`).
//!
//! Both carry the same pair, an event name and a JSON `data` object, so both
//! decode into the same [`Event`]:
//!
//! - [`EventKind`] lists every event name this version knows (one per name the
//!   official SDKs accept), with [`EventKind::as_str`] and [`EventKind::family`];
//! - [`Event`] holds the typed payload of a known event, or keeps an unknown
//!   one whole in [`Event::Unknown`], so a new Crisp event never breaks a
//!   client;
//! - [`Event::from_parts`] decodes a name and its data, [`Event::into_parts`]
//!   encodes them back; [`EventSeed`] decodes the data straight from a
//!   deserializer (one pass over the text, no `Value` in between);
//! - [`WebhookEnvelope`] is the body of a Web Hook.
//!
//! Every payload field is optional (or an empty list/map when missing) and
//! unknown fields are ignored, like everywhere in this crate.
//!
//! `message:send` and `message:received` carry a [`MessageEvent`]: the REST
//! [`Message`](crate::message::Message) plus the event-only keys. What the Go
//! SDK dispatches as `message:send/text`, `message:received/file`, ... is a
//! match on the message content:
//!
//! ```
//! use crisp_types::event::{Event, WebhookEnvelope};
//! use crisp_types::message::MessageContent;
//!
//! let body = r#"{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send",
//!     "data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_1",
//!     "type":"text","content":"Hey :)","from":"user","origin":"chat","fingerprint":150698569649423},
//!     "timestamp":1506985696616}"#;
//! let envelope: WebhookEnvelope = serde_json::from_str(body)?;
//! let event = envelope.into_event()?;
//! assert_eq!(event.name(), "message:send");
//! assert_eq!(event.session_id().map(|id| id.as_str()), Some("session_1"));
//! match &event {
//!     Event::MessageSend(sent) => match &sent.message.content {
//!         MessageContent::Text(text) => assert_eq!(text, "Hey :)"),
//!         other => panic!("not a text message: {other:?}"),
//!     },
//!     other => panic!("unexpected event {other:?}"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::de::{self, DeserializeOwned, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::{SessionId, Timestamp, WebsiteId};

/// The website and conversation a payload belongs to, where it has them.
trait Scoped {
    /// The website the payload belongs to.
    fn website_id(&self) -> Option<&WebsiteId>;
    /// The conversation the payload belongs to.
    fn session_id(&self) -> Option<&SessionId>;
}

/// Declares an event payload struct: the given fields, preceded by the fields
/// shared by its scope, and the matching [`Scoped`] impl.
///
/// Scopes: `session` (`routing_ids`, `website_id`, `session_id`, `inbox_id`),
/// `website` (`routing_ids`, `website_id`) and `none` (`routing_ids`).
macro_rules! event_payload {
    (
        $(#[$meta:meta])*
        pub struct $name:ident in session {
            $( $(#[$fmeta:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        pub struct $name {
            /// The routing ids of the RTM connections the event was sent to.
            #[serde(
                default,
                deserialize_with = "crate::util::null_as_default",
                skip_serializing_if = "Vec::is_empty"
            )]
            pub routing_ids: Vec<String>,
            /// The website the conversation belongs to.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub website_id: Option<crate::WebsiteId>,
            /// The conversation.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub session_id: Option<crate::SessionId>,
            /// The inbox the conversation is in (`None` for the default inbox).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub inbox_id: Option<crate::InboxId>,
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl crate::event::Scoped for $name {
            fn website_id(&self) -> Option<&crate::WebsiteId> {
                self.website_id.as_ref()
            }

            fn session_id(&self) -> Option<&crate::SessionId> {
                self.session_id.as_ref()
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident in website {
            $( $(#[$fmeta:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        pub struct $name {
            /// The routing ids of the RTM connections the event was sent to.
            #[serde(
                default,
                deserialize_with = "crate::util::null_as_default",
                skip_serializing_if = "Vec::is_empty"
            )]
            pub routing_ids: Vec<String>,
            /// The website the event is about.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub website_id: Option<crate::WebsiteId>,
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl crate::event::Scoped for $name {
            fn website_id(&self) -> Option<&crate::WebsiteId> {
                self.website_id.as_ref()
            }

            fn session_id(&self) -> Option<&crate::SessionId> {
                None
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident in none {
            $( $(#[$fmeta:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        pub struct $name {
            /// The routing ids of the RTM connections the event was sent to.
            #[serde(
                default,
                deserialize_with = "crate::util::null_as_default",
                skip_serializing_if = "Vec::is_empty"
            )]
            pub routing_ids: Vec<String>,
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl crate::event::Scoped for $name {
            fn website_id(&self) -> Option<&crate::WebsiteId> {
                None
            }

            fn session_id(&self) -> Option<&crate::SessionId> {
                None
            }
        }
    };
}

mod browsing;
mod bucket;
mod call;
mod campaign;
mod email;
mod identity;
mod media;
mod message;
mod message_de;
mod people;
mod plan;
mod plugin;
mod seed;
mod session;
mod spam;
mod status;
mod website;
mod widget;

pub use browsing::*;
pub use bucket::*;
pub use call::*;
pub use campaign::*;
pub use email::*;
pub use identity::*;
pub use media::*;
pub use message::*;
pub use people::*;
pub use plan::*;
pub use plugin::*;
pub use seed::EventSeed;
pub use session::*;
pub use spam::*;
pub use status::*;
pub use website::*;
pub use widget::*;

/// Declares [`EventKind`], [`Event`] and their name/payload tables from one
/// list of `Variant(Payload) = "wire:name" in "family";` rows.
macro_rules! events {
    ( $( $(#[$doc:meta])* $variant:ident($payload:ty) = $name:literal in $family:literal; )* ) => {
        /// The name of a realtime event this version knows.
        ///
        /// Unlike the other enums of this crate, `EventKind` has no catch-all
        /// variant: an event name it does not know decodes as
        /// [`Event::Unknown`] instead, and parsing it (`FromStr`, `Deserialize`)
        /// fails with [`UnknownEventName`].
        ///
        /// ```
        /// use crisp_types::event::EventKind;
        ///
        /// let kind: EventKind = "message:send".parse()?;
        /// assert_eq!(kind, EventKind::MessageSend);
        /// assert_eq!(kind.as_str(), "message:send");
        /// assert_eq!(kind.family(), "message");
        /// assert!(EventKind::ALL.contains(&EventKind::SessionSetState));
        /// assert!("message:send/text".parse::<EventKind>().is_err());
        /// # Ok::<(), crisp_types::event::UnknownEventName>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EventKind {
            $( $(#[$doc])* $variant, )*
        }

        impl EventKind {
            /// Every event this version knows, in the order of the Crisp
            /// reference (grouped by family).
            pub const ALL: &'static [EventKind] = &[ $( EventKind::$variant, )* ];

            /// The event name as sent on the wire, e.g. `message:send`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( EventKind::$variant => $name, )*
                }
            }

            /// The event family: the first segment of its name (`message`
            /// for `message:send`).
            pub const fn family(self) -> &'static str {
                match self {
                    $( EventKind::$variant => $family, )*
                }
            }

            /// The kind named `name`, if this version knows it.
            fn from_name(name: &str) -> Option<Self> {
                match name {
                    $( $name => Some(EventKind::$variant), )*
                    _ => None,
                }
            }
        }

        /// A realtime event: its typed payload, or the raw name and data of an
        /// event this version does not know.
        ///
        /// Build one with [`Event::from_parts`] (or
        /// [`WebhookEnvelope::into_event`]); each variant's payload mirrors the
        /// event's `data` object.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant($payload), )*
            /// An event this version does not know, kept whole.
            Unknown {
                /// The event name as received.
                name: String,
                /// The event data as received.
                data: Value,
            },
        }

        impl Event {
            /// Decodes the payload of a known event.
            fn decode(kind: EventKind, data: Value) -> Result<Self, EventDecodeError> {
                match kind {
                    $( EventKind::$variant => decode_payload(kind, data).map(Event::$variant), )*
                }
            }

            /// Decodes the payload of a known event straight from a
            /// deserializer (see [`EventSeed`]).
            fn decode_from<'de, D: Deserializer<'de>>(
                kind: EventKind,
                deserializer: seed::ObjectOnly<D>,
            ) -> Result<Self, D::Error> {
                match kind {
                    $( EventKind::$variant => <$payload>::deserialize(deserializer).map(Event::$variant), )*
                }
            }

            /// The event name as sent on the wire (also for
            /// [`Event::Unknown`]).
            pub fn name(&self) -> &str {
                match self {
                    $( Event::$variant(_) => $name, )*
                    Event::Unknown { name, .. } => name,
                }
            }

            /// The event kind, or `None` for [`Event::Unknown`].
            pub fn kind(&self) -> Option<EventKind> {
                match self {
                    $( Event::$variant(_) => Some(EventKind::$variant), )*
                    Event::Unknown { .. } => None,
                }
            }

            /// The payload, seen through the ids it carries.
            fn scoped(&self) -> Option<&dyn Scoped> {
                match self {
                    $( Event::$variant(payload) => Some(payload), )*
                    Event::Unknown { .. } => None,
                }
            }

            /// The payload encoded as JSON.
            fn into_data(self) -> Value {
                match self {
                    $( Event::$variant(payload) => encode_payload(&payload), )*
                    Event::Unknown { data, .. } => data,
                }
            }
        }
    };
}

events! {
    /// `session:update_availability`: the visitor went online or offline.
    SessionUpdateAvailability(SessionUpdateAvailability) = "session:update_availability" in "session";
    /// `session:update_verify`: the visitor's identity verification changed.
    SessionUpdateVerify(SessionUpdateVerify) = "session:update_verify" in "session";
    /// `session:request:initiated`: a visitor opened a new conversation.
    SessionRequestInitiated(SessionRequestInitiated) = "session:request:initiated" in "session";
    /// `session:set_email`: the visitor's email address was set.
    SessionSetEmail(SessionSetEmail) = "session:set_email" in "session";
    /// `session:set_phone`: the visitor's phone number was set.
    SessionSetPhone(SessionSetPhone) = "session:set_phone" in "session";
    /// `session:set_address`: the visitor's postal address was set.
    SessionSetAddress(SessionSetAddress) = "session:set_address" in "session";
    /// `session:set_subject`: the conversation subject was set.
    SessionSetSubject(SessionSetSubject) = "session:set_subject" in "session";
    /// `session:set_avatar`: the visitor's avatar was set.
    SessionSetAvatar(SessionSetAvatar) = "session:set_avatar" in "session";
    /// `session:set_nickname`: the visitor's name was set.
    SessionSetNickname(SessionSetNickname) = "session:set_nickname" in "session";
    /// `session:set_origin`: the conversation origin was set.
    SessionSetOrigin(SessionSetOrigin) = "session:set_origin" in "session";
    /// `session:set_data`: the conversation's custom data was set.
    SessionSetData(SessionSetData) = "session:set_data" in "session";
    /// `session:sync:pages`: the visitor browsed pages.
    SessionSyncPages(SessionSyncPages) = "session:sync:pages" in "session";
    /// `session:sync:events`: custom events were pushed for the visitor.
    SessionSyncEvents(SessionSyncEvents) = "session:sync:events" in "session";
    /// `session:sync:capabilities`: the visitor's device capabilities were reported.
    SessionSyncCapabilities(SessionSyncCapabilities) = "session:sync:capabilities" in "session";
    /// `session:sync:geolocation`: the visitor's location was reported.
    SessionSyncGeolocation(SessionSyncGeolocation) = "session:sync:geolocation" in "session";
    /// `session:sync:system`: the visitor's system and browser were reported.
    SessionSyncSystem(SessionSyncSystem) = "session:sync:system" in "session";
    /// `session:sync:network`: the visitor's network was reported.
    SessionSyncNetwork(SessionSyncNetwork) = "session:sync:network" in "session";
    /// `session:sync:timezone`: the visitor's timezone was reported.
    SessionSyncTimezone(SessionSyncTimezone) = "session:sync:timezone" in "session";
    /// `session:sync:locales`: the visitor's locales were reported.
    SessionSyncLocales(SessionSyncLocales) = "session:sync:locales" in "session";
    /// `session:sync:rating`: the visitor rated the conversation.
    SessionSyncRating(SessionSyncRating) = "session:sync:rating" in "session";
    /// `session:sync:topic`: the conversation topic was set.
    SessionSyncTopic(SessionSyncTopic) = "session:sync:topic" in "session";
    /// `session:set_state`: the conversation state changed.
    SessionSetState(SessionSetState) = "session:set_state" in "session";
    /// `session:set_block`: the visitor was blocked or unblocked.
    SessionSetBlock(SessionSetBlock) = "session:set_block" in "session";
    /// `session:set_segments`: the conversation segments were set.
    SessionSetSegments(SessionSetSegments) = "session:set_segments" in "session";
    /// `session:set_opened`: an operator opened the conversation.
    SessionSetOpened(SessionOpenState) = "session:set_opened" in "session";
    /// `session:set_closed`: an operator closed the conversation.
    SessionSetClosed(SessionOpenState) = "session:set_closed" in "session";
    /// `session:set_participants`: the conversation participants were set.
    SessionSetParticipants(SessionSetParticipants) = "session:set_participants" in "session";
    /// `session:set_mentions`: operators were mentioned in the conversation.
    SessionSetMentions(SessionSetMentions) = "session:set_mentions" in "session";
    /// `session:set_routing`: the conversation routing changed.
    SessionSetRouting(SessionSetRouting) = "session:set_routing" in "session";
    /// `session:set_inbox`: the conversation moved to another inbox.
    SessionSetInbox(SessionSetInbox) = "session:set_inbox" in "session";
    /// `session:removed`: the conversation was removed.
    SessionRemoved(SessionRemoved) = "session:removed" in "session";
    /// `session:error`: a conversation value was rejected.
    SessionError(SessionError) = "session:error" in "session";
    /// `message:updated`: a message's content was edited.
    MessageUpdated(MessageUpdated) = "message:updated" in "message";
    /// `message:send`: the visitor sent a message (Go routes it by content
    /// type as `message:send/<type>`).
    MessageSend(MessageEvent) = "message:send" in "message";
    /// `message:received`: an operator's message was received (Go routes it
    /// by content type as `message:received/<type>`).
    MessageReceived(MessageEvent) = "message:received" in "message";
    /// `message:removed`: a message was removed.
    MessageRemoved(MessageRemoved) = "message:removed" in "message";
    /// `message:compose:send`: the visitor is typing (or stopped).
    MessageComposeSend(MessageComposeSend) = "message:compose:send" in "message";
    /// `message:compose:receive`: an operator is typing (or stopped).
    MessageComposeReceive(MessageComposeReceive) = "message:compose:receive" in "message";
    /// `message:acknowledge:read:send`: the visitor read messages.
    MessageAcknowledgeReadSend(MessageAcknowledge) = "message:acknowledge:read:send" in "message";
    /// `message:acknowledge:read:received`: an operator read messages.
    MessageAcknowledgeReadReceived(MessageAcknowledge) = "message:acknowledge:read:received" in "message";
    /// `message:acknowledge:unread:send`: messages were marked unread.
    MessageAcknowledgeUnreadSend(MessageAcknowledge) = "message:acknowledge:unread:send" in "message";
    /// `message:acknowledge:delivered`: messages were delivered.
    MessageAcknowledgeDelivered(MessageAcknowledge) = "message:acknowledge:delivered" in "message";
    /// `message:acknowledge:ignored`: messages were not delivered to a channel.
    MessageAcknowledgeIgnored(MessageAcknowledge) = "message:acknowledge:ignored" in "message";
    /// `message:notify:unread:send`: the visitor has unread messages.
    MessageNotifyUnreadSend(MessageNotifyUnread) = "message:notify:unread:send" in "message";
    /// `message:notify:unread:received`: operators have unread messages.
    MessageNotifyUnreadReceived(MessageNotifyUnread) = "message:notify:unread:received" in "message";
    /// `spam:message`: a message was caught by the spam filter.
    SpamMessage(SpamMessage) = "spam:message" in "spam";
    /// `spam:decision`: a decision was taken on a caught message.
    SpamDecision(SpamDecision) = "spam:decision" in "spam";
    /// `people:profile:created`: a people profile was created.
    PeopleProfileCreated(PeopleProfileCreated) = "people:profile:created" in "people";
    /// `people:profile:updated`: a people profile was updated.
    PeopleProfileUpdated(PeopleProfileUpdated) = "people:profile:updated" in "people";
    /// `people:profile:removed`: a people profile was removed.
    PeopleProfileRemoved(PeopleProfileRemoved) = "people:profile:removed" in "people";
    /// `people:bind:session`: a conversation was linked to a people profile.
    PeopleBindSession(PeopleBindSession) = "people:bind:session" in "people";
    /// `people:sync:profile`: a people profile was synced from a conversation.
    PeopleSyncProfile(PeopleSyncProfile) = "people:sync:profile" in "people";
    /// `people:import:progress`: a people import progressed.
    PeopleImportProgress(PeopleImportProgress) = "people:import:progress" in "people";
    /// `people:import:done`: a people import finished.
    PeopleImportDone(PeopleImportDone) = "people:import:done" in "people";
    /// `campaign:progress`: a campaign is being sent.
    CampaignProgress(CampaignProgress) = "campaign:progress" in "campaign";
    /// `campaign:dispatched`: a campaign was sent.
    CampaignDispatched(CampaignDispatched) = "campaign:dispatched" in "campaign";
    /// `campaign:running`: a campaign was started or stopped.
    CampaignRunning(CampaignRunning) = "campaign:running" in "campaign";
    /// `browsing:request:initiated`: a co-browsing session was requested.
    BrowsingRequestInitiated(BrowsingRequestInitiated) = "browsing:request:initiated" in "browsing";
    /// `browsing:request:rejected`: a co-browsing request was rejected.
    BrowsingRequestRejected(BrowsingRequestRejected) = "browsing:request:rejected" in "browsing";
    /// `call:request:initiated`: a call was requested.
    CallRequestInitiated(CallRequest) = "call:request:initiated" in "call";
    /// `call:request:rejected`: a call request was rejected.
    CallRequestRejected(CallRequest) = "call:request:rejected" in "call";
    /// `identity:verify:request`: a plugin is asked to verify an identity.
    IdentityVerifyRequest(IdentityVerifyRequest) = "identity:verify:request" in "identity";
    /// `status:health:changed`: the website's status page health changed.
    StatusHealthChanged(StatusHealthChanged) = "status:health:changed" in "status";
    /// `website:update_visitors_count`: the number of visitors changed.
    WebsiteUpdateVisitorsCount(WebsiteUpdateVisitorsCount) = "website:update_visitors_count" in "website";
    /// `website:update_operators_availability`: an operator went online or offline.
    WebsiteUpdateOperatorsAvailability(WebsiteUpdateOperatorsAvailability) = "website:update_operators_availability" in "website";
    /// `website:users:available`: whether any operator is available changed.
    WebsiteUsersAvailable(WebsiteUsersAvailable) = "website:users:available" in "website";
    /// `bucket:url:upload:generated`: an upload URL was generated.
    BucketUrlUploadGenerated(BucketUrlGenerated) = "bucket:url:upload:generated" in "bucket";
    /// `bucket:url:avatar:generated`: an avatar upload URL was generated.
    BucketUrlAvatarGenerated(BucketUrlGenerated) = "bucket:url:avatar:generated" in "bucket";
    /// `bucket:url:website:generated`: a website image upload URL was generated.
    BucketUrlWebsiteGenerated(BucketUrlGenerated) = "bucket:url:website:generated" in "bucket";
    /// `bucket:url:campaign:generated`: a campaign upload URL was generated.
    BucketUrlCampaignGenerated(BucketUrlGenerated) = "bucket:url:campaign:generated" in "bucket";
    /// `bucket:url:helpdesk:generated`: a helpdesk upload URL was generated.
    BucketUrlHelpdeskGenerated(BucketUrlGenerated) = "bucket:url:helpdesk:generated" in "bucket";
    /// `bucket:url:status:generated`: a status page upload URL was generated.
    BucketUrlStatusGenerated(BucketUrlGenerated) = "bucket:url:status:generated" in "bucket";
    /// `bucket:url:processing:generated`: a processing upload URL was generated.
    BucketUrlProcessingGenerated(BucketUrlGenerated) = "bucket:url:processing:generated" in "bucket";
    /// `media:animation:listed`: animations (GIFs) matching a search were listed.
    MediaAnimationListed(MediaAnimationListed) = "media:animation:listed" in "media";
    /// `email:subscribe`: an email address (un)subscribed.
    EmailSubscribe(EmailSubscribe) = "email:subscribe" in "email";
    /// `email:track:view`: a tracked email was viewed.
    EmailTrackView(EmailTrackView) = "email:track:view" in "email";
    /// `plugin:channel`: a plugin pushed a message on its channel.
    PluginChannel(PluginChannel) = "plugin:channel" in "plugin";
    /// `plugin:event`: a plugin emitted a custom event.
    PluginEvent(PluginEvent) = "plugin:event" in "plugin";
    /// `plugin:subscription:updated`: a website (un)subscribed to a plugin.
    PluginSubscriptionUpdated(PluginSubscriptionUpdated) = "plugin:subscription:updated" in "plugin";
    /// `plugin:settings:saved`: a plugin's settings for a website were saved.
    PluginSettingsSaved(PluginSettingsSaved) = "plugin:settings:saved" in "plugin";
    /// `plan:subscription:updated`: the website's plan subscription changed.
    PlanSubscriptionUpdated(PlanSubscriptionUpdated) = "plan:subscription:updated" in "plan";
    /// `widget:action:processed`: a plugin widget action was processed.
    WidgetActionProcessed(WidgetActionProcessed) = "widget:action:processed" in "widget";
}

/// Decodes `data` into the payload of `kind`, keeping the raw data on failure.
fn decode_payload<T: DeserializeOwned>(kind: EventKind, data: Value) -> Result<T, EventDecodeError> {
    let decoded = if data.is_object() {
        T::deserialize(&data)
    } else {
        // Serde would read an array positionally into a struct; Crisp only
        // ever sends objects, so anything else is a malformed payload.
        Err(de::Error::invalid_type(unexpected(&data), &"a JSON object"))
    };
    decoded.map_err(|source| EventDecodeError {
        name: kind.as_str().to_owned(),
        data,
        source,
    })
}

/// What a JSON value is, for error messages.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(value) => Unexpected::Bool(*value),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(value) => Unexpected::Str(value),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// Encodes a payload as JSON.
fn encode_payload<T: Serialize>(payload: &T) -> Value {
    // Payloads are plain structs whose maps have string keys: encoding them
    // into a `Value` cannot fail, so the fallback is never taken.
    serde_json::to_value(payload).unwrap_or(Value::Null)
}

impl Event {
    /// Decodes an event from its name and `data` object, as received on the
    /// RTM socket (`42["<name>",<data>]`) or in a Web Hook.
    ///
    /// A name this version does not know decodes as [`Event::Unknown`], with
    /// the data kept intact. A known name whose data is not an object, or has
    /// a field of the wrong type, is an [`EventDecodeError`] that keeps the
    /// name and the data. Missing fields and unknown fields are accepted.
    ///
    /// ```
    /// use crisp_types::conversation::ConversationState;
    /// use crisp_types::event::Event;
    /// use serde_json::json;
    ///
    /// let event = Event::from_parts(
    ///     "session:set_state",
    ///     json!({"website_id": "w1", "session_id": "session_1", "state": "resolved"}),
    /// )?;
    /// match &event {
    ///     Event::SessionSetState(set) => assert_eq!(set.state, Some(ConversationState::Resolved)),
    ///     other => panic!("unexpected event {other:?}"),
    /// }
    ///
    /// let unknown = Event::from_parts("session:set_mood", json!({"mood": "happy"}))?;
    /// assert_eq!(unknown.kind(), None);
    /// assert_eq!(unknown.into_parts(), ("session:set_mood".to_owned(), json!({"mood": "happy"})));
    ///
    /// let error = Event::from_parts("session:set_state", json!({"website_id": 42})).unwrap_err();
    /// assert_eq!(error.name(), "session:set_state");
    /// assert_eq!(error.data(), &json!({"website_id": 42}));
    /// # Ok::<(), crisp_types::event::EventDecodeError>(())
    /// ```
    pub fn from_parts(name: &str, data: Value) -> Result<Event, EventDecodeError> {
        match EventKind::from_name(name) {
            Some(kind) => Event::decode(kind, data),
            None => Ok(Event::Unknown {
                name: name.to_owned(),
                data,
            }),
        }
    }

    /// The website the event belongs to, where its payload names one.
    ///
    /// `None` for events that are not about a website (e.g. bucket URLs), for
    /// payloads that left it out, and for [`Event::Unknown`].
    pub fn website_id(&self) -> Option<&WebsiteId> {
        self.scoped().and_then(Scoped::website_id)
    }

    /// The conversation the event belongs to, where its payload names one.
    ///
    /// `None` for events that are not about a conversation, for payloads that
    /// left it out, and for [`Event::Unknown`].
    pub fn session_id(&self) -> Option<&SessionId> {
        self.scoped().and_then(Scoped::session_id)
    }

    /// The event name and its `data` object, encoded back to JSON.
    ///
    /// An [`Event::Unknown`] gives back exactly what it was built from. A
    /// known event encodes its payload: fields that were missing or `null`
    /// stay out, and unknown fields received are not kept.
    pub fn into_parts(self) -> (String, Value) {
        let name = self.name().to_owned();
        (name, self.into_data())
    }
}

/// A name that is not a known [`EventKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventName {
    name: String,
}

impl UnknownEventName {
    /// The name that was not recognised.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for UnknownEventName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown Crisp event name `{}`", self.name)
    }
}

impl std::error::Error for UnknownEventName {}

impl FromStr for EventKind {
    type Err = UnknownEventName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        EventKind::from_name(name).ok_or_else(|| UnknownEventName { name: name.to_owned() })
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EventKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(de::Error::custom)
    }
}

/// A known event whose data does not fit its payload model.
///
/// Keeps the event name and the data as received, so the caller can log or
/// store them; [`source`](std::error::Error::source) is the serde error.
#[derive(Debug)]
pub struct EventDecodeError {
    name: String,
    data: Value,
    source: serde_json::Error,
}

impl EventDecodeError {
    /// The event name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The event kind.
    pub fn kind(&self) -> Option<EventKind> {
        EventKind::from_name(&self.name)
    }

    /// The event data as received.
    pub fn data(&self) -> &Value {
        &self.data
    }

    /// The event name and data as received.
    pub fn into_parts(self) -> (String, Value) {
        (self.name, self.data)
    }
}

impl fmt::Display for EventDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the data of Crisp event `{}` does not fit its payload", self.name)
    }
}

impl std::error::Error for EventDecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The body of a Web Hook: `{"website_id","event","data","timestamp"}`.
///
/// `website_id` and `timestamp` are informational; `event` and `data` are the
/// same pair the RTM socket pushes. A body without `event` or `data` is
/// malformed and fails to decode.
///
/// ```
/// use crisp_types::event::{Event, WebhookEnvelope};
///
/// let envelope: WebhookEnvelope = serde_json::from_str(
///     r#"{"website_id":"w1","event":"website:users:available","data":{"website_id":"w1","available":true},"timestamp":1}"#,
/// )?;
/// assert_eq!(envelope.timestamp.map(|t| t.as_millis()), Some(1));
/// match envelope.into_event()? {
///     Event::WebsiteUsersAvailable(users) => assert_eq!(users.available, Some(true)),
///     other => panic!("unexpected event {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookEnvelope {
    /// The website the hook is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_id: Option<WebsiteId>,
    /// The event name, e.g. `message:send`.
    pub event: String,
    /// The event data, as the RTM socket would push it.
    pub data: Value,
    /// When the hook was emitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl WebhookEnvelope {
    /// Decodes the event the hook carries (see [`Event::from_parts`]).
    pub fn into_event(self) -> Result<Event, EventDecodeError> {
        Event::from_parts(&self.event, self.data)
    }
}
