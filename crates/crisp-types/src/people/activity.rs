//! What a person did and received: campaigns, events, custom data and email
//! subscription, and the bodies that change them.

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;
use crate::{JsonMap, Timestamp};

/// A campaign a person received.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleCampaign {
    /// The campaign's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
    /// The campaign type (`type` on the wire), e.g. `one-shot` or `automated`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The campaign name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the campaign was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the campaign was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// When the campaign was dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched_at: Option<Timestamp>,
    /// When the person received it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<Timestamp>,
    /// What happened with it, e.g. `delivered`, `opened`, `clicked`.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub statistics: Vec<String>,
}

/// A custom event of a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleEvent {
    /// The event name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Free-form event data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<JsonMap>,
    /// The color shown (see [`EventColor`] for the known values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// When the event happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

crate::open_enum! {
    /// The color of a custom event.
    pub enum EventColor {
        /// Red.
        Red => "red",
        /// Orange.
        Orange => "orange",
        /// Yellow.
        Yellow => "yellow",
        /// Green.
        Green => "green",
        /// Blue.
        Blue => "blue",
        /// Purple.
        Purple => "purple",
        /// Pink.
        Pink => "pink",
        /// Brown.
        Brown => "brown",
        /// Grey.
        Grey => "grey",
        /// Black.
        Black => "black",
    }
}

/// The body that adds a custom event to a person.
///
/// ```
/// use crisp::types::people::{EventColor, PeopleEventAdd};
///
/// let event = PeopleEventAdd::new("Signed up").color(EventColor::Green);
/// assert_eq!(serde_json::to_string(&event)?, r#"{"text":"Signed up","color":"green"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleEventAdd {
    /// The event name.
    pub text: String,
    /// Free-form event data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<JsonMap>,
    /// The color shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<EventColor>,
}

impl PeopleEventAdd {
    /// An event named `text`.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            data: None,
            color: None,
        }
    }

    option_setters! {
        /// Sets the event data.
        data: JsonMap,
        /// Sets the color shown.
        color: EventColor,
    }
}

/// The custom data of a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleData {
    /// The custom data (values are strings, numbers or booleans).
    ///
    /// **Read-modify-write.** Saving the data (`save_people_data`, PUT)
    /// replaces the whole map with the one sent. Two writers that each read
    /// the data, change one key and save the map back can lose each other's
    /// change. To change some keys, send only those with `update_people_data`
    /// (PATCH), which merges them into the stored map and keeps the others
    /// (for many profiles at once: `batch_update_people_data`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: JsonMap,
}

/// Whether a person is subscribed to emails.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSubscription {
    /// Whether the person receives emails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<bool>,
}

/// The body that subscribes (or unsubscribes) a person to emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSubscriptionUpdate {
    /// Whether the person receives emails.
    #[serde(default)]
    pub email: bool,
}

impl PeopleSubscriptionUpdate {
    /// Subscribes (`true`) or unsubscribes (`false`) the person.
    pub fn new(email: bool) -> Self {
        Self { email }
    }
}
