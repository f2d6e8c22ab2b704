//! `media:*` events: media search results.

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;

event_payload! {
    /// The payload of `media:animation:listed`: animations (GIFs) found by a
    /// search.
    pub struct MediaAnimationListed in none {
        /// The identifier given with the search.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub identifier: Option<String>,
        /// The request id given with the search.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<i64>,
        /// The animations found.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
        pub results: Vec<MediaAnimation>,
    }
}

/// An animation found by a media search.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MediaAnimation {
    /// The MIME type (`type` on the wire), e.g. `image/gif`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The animation URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
