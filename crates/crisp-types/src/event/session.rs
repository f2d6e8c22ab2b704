//! `session:*` events: a conversation's metas, state, routing and the
//! visitor's device, as they change.

use serde::{Deserialize, Deserializer, Serialize};

use crate::conversation::{
    Availability, ConversationParticipant, ConversationState, ConversationVerification, MetaConnection,
    MetaGeolocation, MetaSystem,
};
use crate::message::Origin;
use crate::util::null_as_default;
use crate::{InboxId, JsonMap, Timestamp, UserId};

event_payload! {
    /// The payload of `session:update_availability`.
    pub struct SessionUpdateAvailability in session {
        /// Whether the visitor is now online.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub availability: Option<Availability>,
    }
}

event_payload! {
    /// The payload of `session:update_verify`.
    pub struct SessionUpdateVerify in session {
        /// Whether the visitor's identity is now verified.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub is_verified: Option<bool>,
        /// The visitor's verified identities.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub verifications: Vec<ConversationVerification>,
        /// Why verification failed, if it did (e.g. `unknown`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub error: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:request:initiated`.
    pub struct SessionRequestInitiated in session {}
}

event_payload! {
    /// The payload of `session:set_email`.
    pub struct SessionSetEmail in session {
        /// The visitor's email address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_phone`.
    pub struct SessionSetPhone in session {
        /// The visitor's phone number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub phone: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_address`.
    pub struct SessionSetAddress in session {
        /// The visitor's postal address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_subject`.
    pub struct SessionSetSubject in session {
        /// The conversation subject.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subject: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_avatar`.
    pub struct SessionSetAvatar in session {
        /// The visitor's avatar URL.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_nickname`.
    pub struct SessionSetNickname in session {
        /// The visitor's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub nickname: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_origin`.
    pub struct SessionSetOrigin in session {
        /// Where the conversation comes from (`chat`, `email` or a plugin URN).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub origin: Option<Origin>,
    }
}

event_payload! {
    /// The payload of `session:set_data`.
    pub struct SessionSetData in session {
        /// The custom data (values are strings, numbers or booleans).
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub data: JsonMap,
    }
}

event_payload! {
    /// The payload of `session:sync:pages`.
    pub struct SessionSyncPages in session {
        /// The pages browsed.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub pages: Vec<SessionPage>,
    }
}

/// A page the visitor browsed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionPage {
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_title: Option<String>,
    /// The page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_url: Option<String>,
    /// The page the visitor came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_referrer: Option<String>,
    /// When the page was browsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

event_payload! {
    /// The payload of `session:sync:events`.
    pub struct SessionSyncEvents in session {
        /// The events pushed.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub events: Vec<SessionEvent>,
    }
}

/// A custom event pushed for a visitor (shown in the conversation's timeline).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SessionEvent {
    /// The event text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The event data (values are strings, numbers or booleans).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "JsonMap::is_empty"
    )]
    pub data: JsonMap,
    /// The event colour, e.g. `blue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// When the event happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

event_payload! {
    /// The payload of `session:sync:capabilities`.
    pub struct SessionSyncCapabilities in session {
        /// What the chatbox can do on the visitor's device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub capabilities: Option<SessionCapabilities>,
    }
}

/// What the chatbox can do on the visitor's device (e.g. `call`).
///
/// The Go SDK reads `{"capabilities": ["call"]}` here and the Node SDK types
/// a bare `["call"]`; both decode. It encodes as the object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SessionCapabilities {
    /// The capabilities.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
}

impl<'de> Deserialize<'de> for SessionCapabilities {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            List(Vec<String>),
            Object {
                #[serde(default, deserialize_with = "null_as_default")]
                capabilities: Vec<String>,
            },
        }

        let (Raw::List(capabilities) | Raw::Object { capabilities }) = Raw::deserialize(deserializer)?;
        Ok(Self { capabilities })
    }
}

event_payload! {
    /// The payload of `session:sync:geolocation`.
    pub struct SessionSyncGeolocation in session {
        /// Where the visitor is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub geolocation: Option<MetaGeolocation>,
    }
}

event_payload! {
    /// The payload of `session:sync:system`.
    pub struct SessionSyncSystem in session {
        /// The visitor's system and browser.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub system: Option<MetaSystem>,
    }
}

event_payload! {
    /// The payload of `session:sync:network`.
    pub struct SessionSyncNetwork in session {
        /// The visitor's network.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub network: Option<SessionNetwork>,
    }
}

/// A visitor's network.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionNetwork {
    /// The visitor's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// The visitor's network connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<MetaConnection>,
}

event_payload! {
    /// The payload of `session:sync:timezone`.
    pub struct SessionSyncTimezone in session {
        /// The visitor's timezone.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub timezone: Option<SessionTimezone>,
    }
}

/// A visitor's timezone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionTimezone {
    /// The UTC offset in minutes, as browsers report it (`-120` for UTC+2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i32>,
}

event_payload! {
    /// The payload of `session:sync:locales`.
    pub struct SessionSyncLocales in session {
        /// The visitor's locales.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub locales: Option<SessionLocales>,
    }
}

/// A visitor's locales.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionLocales {
    /// The browser's locales, e.g. `en`.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub locales: Vec<String>,
}

event_payload! {
    /// The payload of `session:sync:rating`.
    pub struct SessionSyncRating in session {
        /// The visitor's rating.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub rating: Option<SessionRating>,
    }
}

/// A visitor's rating of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionRating {
    /// The number of stars (1 to 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u32>,
    /// The visitor's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

event_payload! {
    /// The payload of `session:sync:topic`.
    pub struct SessionSyncTopic in session {
        /// The conversation topic.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub topic: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_state`.
    pub struct SessionSetState in session {
        /// The new conversation state.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub state: Option<ConversationState>,
    }
}

event_payload! {
    /// The payload of `session:set_block`.
    pub struct SessionSetBlock in session {
        /// Whether the visitor is now blocked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub is_blocked: Option<bool>,
    }
}

event_payload! {
    /// The payload of `session:set_segments`.
    pub struct SessionSetSegments in session {
        /// The conversation segments (tags).
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub segments: Vec<String>,
    }
}

event_payload! {
    /// The payload of `session:set_opened` and `session:set_closed`.
    pub struct SessionOpenState in session {
        /// The operator who opened or closed the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub operator: Option<SessionOperator>,
    }
}

/// An operator acting on a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionOperator {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The operator's avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The operator's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
}

event_payload! {
    /// The payload of `session:set_participants`.
    pub struct SessionSetParticipants in session {
        /// The participants other than the visitor (e.g. email CCs).
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub participants: Vec<ConversationParticipant>,
    }
}

event_payload! {
    /// The payload of `session:set_mentions`.
    pub struct SessionSetMentions in session {
        /// The mentioned operators' user ids.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub mentions: Vec<String>,
    }
}

event_payload! {
    /// The payload of `session:set_routing`.
    pub struct SessionSetRouting in session {
        /// The new routing id (`None` when unrouted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub routing_id: Option<String>,
        /// The previous routing id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub previous_routing_id: Option<String>,
    }
}

event_payload! {
    /// The payload of `session:set_inbox` (`inbox_id` is the new inbox).
    pub struct SessionSetInbox in session {
        /// The inbox the conversation was in (`None` for the default inbox).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub previous_inbox_id: Option<InboxId>,
    }
}

event_payload! {
    /// The payload of `session:removed`.
    pub struct SessionRemoved in session {}
}

event_payload! {
    /// The payload of `session:error`: a value set on the conversation was
    /// rejected.
    pub struct SessionError in session {
        /// What was rejected (`type` on the wire).
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        /// The rejected value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub value: Option<String>,
        /// The value kept instead.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub previous_value: Option<String>,
    }
}
