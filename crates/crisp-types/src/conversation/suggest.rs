//! Suggested conversation segments and data keys (what the dashboard offers
//! when tagging), and the bodies that delete them.

use serde::{Deserialize, Serialize};

/// A segment suggested for conversations, with how many use it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationSuggestedSegment {
    /// The segment name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// How many conversations have this segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// A segment used in conversation metas, with how many use it (the Go SDK's
/// "list conversation segments in meta" route).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationMetaSegment {
    /// The segment name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// How many conversations have this segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// A custom data key suggested for conversations, with how many use it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationSuggestedData {
    /// The data key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// How many conversations have this key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// The body that deletes a suggested conversation segment.
///
/// ```
/// use crisp::types::conversation::ConversationSuggestedSegmentDelete;
///
/// let body = ConversationSuggestedSegmentDelete::new("vip");
/// assert_eq!(serde_json::to_string(&body)?, r#"{"segment":"vip"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSuggestedSegmentDelete {
    /// The segment to delete.
    pub segment: String,
}

impl ConversationSuggestedSegmentDelete {
    /// Deletes the suggested segment `segment`.
    pub fn new(segment: impl Into<String>) -> Self {
        Self {
            segment: segment.into(),
        }
    }
}

/// The body that deletes a suggested conversation data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSuggestedDataDelete {
    /// The data key to delete.
    pub key: String,
}

impl ConversationSuggestedDataDelete {
    /// Deletes the suggested data key `key`.
    pub fn new(key: impl Into<String>) -> Self {
        Self { key: key.into() }
    }
}
