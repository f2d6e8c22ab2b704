//! People statistics, suggested segments, data keys and events (what the
//! dashboard offers when tagging), and the bodies that delete suggestions.

use serde::{Deserialize, Serialize};

/// People statistics of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleStatistics {
    /// How many people profiles the website has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}

/// A segment suggested for people profiles, with how many use it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSuggestedSegment {
    /// The segment name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// How many profiles have this segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// A segment used by people profiles, with how many use it (the Go SDK's
/// "list people segments" route).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSegment {
    /// The segment name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// How many profiles have this segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// A custom data key suggested for people profiles, with how many use it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSuggestedData {
    /// The data key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// How many profiles have this key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// An event name suggested for people profiles, with how many use it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSuggestedEvent {
    /// The event name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// How many profiles have this event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// The body that deletes a suggested people segment.
///
/// ```
/// use crisp::types::people::PeopleSuggestedSegmentDelete;
///
/// assert_eq!(serde_json::to_string(&PeopleSuggestedSegmentDelete::new("vip"))?, r#"{"segment":"vip"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleSuggestedSegmentDelete {
    /// The segment to delete.
    pub segment: String,
}

impl PeopleSuggestedSegmentDelete {
    /// Deletes the suggested segment `segment`.
    pub fn new(segment: impl Into<String>) -> Self {
        Self {
            segment: segment.into(),
        }
    }
}

/// The body that deletes a suggested people data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleSuggestedDataDelete {
    /// The data key to delete.
    pub key: String,
}

impl PeopleSuggestedDataDelete {
    /// Deletes the suggested data key `key`.
    pub fn new(key: impl Into<String>) -> Self {
        Self { key: key.into() }
    }
}

/// The body that deletes a suggested people event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleSuggestedEventDelete {
    /// The event name to delete.
    pub text: String,
}

impl PeopleSuggestedEventDelete {
    /// Deletes the suggested event `text`.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }
}
