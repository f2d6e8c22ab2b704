//! Conversation metas: what is known about the visitor, and the body that
//! updates it.

use serde::{Deserialize, Serialize};

use crate::JsonMap;
use crate::message::Origin;
use crate::util::null_as_default;

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
/// use crisp::types::conversation::ConversationMetaUpdate;
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
    ///
    /// **Read-modify-write.** The list is replaced whole: the conversation
    /// keeps exactly the segments sent. Two writers that each read the
    /// segments, add one and write the list back can lose each other's change
    /// (the later write drops the earlier one's segment). Write a list known
    /// in full (from your own records) rather than one derived from a read,
    /// keep a single writer per conversation, or set one list on many
    /// conversations in a single call with the batch segment route
    /// (`batch_update_conversations_segments`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<String>>,
    /// Custom data (values should be strings, numbers or booleans).
    ///
    /// **Read-modify-write.** Treat the map as replaced whole when written:
    /// Crisp does not document a merge (the built-in fake Crisp merges key by
    /// key, so a test against it does not show the loss). Two writers that
    /// each read the data, change one key and write the map back can lose
    /// each other's change. To set a few keys and leave the others alone, use
    /// the batch data route (`batch_update_conversations_data`, which sets only
    /// the keys given), or keep a single writer per conversation.
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
        /// Sets the whole custom data map (see the read-modify-write note on
        /// the `data` field).
        data: JsonMap,
        /// Sets the visitor's device.
        device: MetaDevice,
    }

    /// Sets the segments (tags), replacing the current list (see the
    /// read-modify-write note on the `segments` field).
    #[must_use]
    pub fn segments(mut self, segments: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.segments = Some(segments.into_iter().map(Into::into).collect());
        self
    }

    /// Adds one entry to the custom data map this update sends (which may
    /// replace the conversation's whole map: see the read-modify-write note
    /// on the `data` field).
    #[must_use]
    pub fn data_entry(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.data
            .get_or_insert_with(JsonMap::new)
            .insert(key.into(), value.into());
        self
    }
}
