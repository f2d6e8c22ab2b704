//! Media searches: animations (GIFs) to send in conversations.
//!
//! "List animation medias" answers one page of results; Crisp also delivers
//! them as the RTM event `media:animation:listed`
//! ([`MediaAnimationListed`](crate::event::MediaAnimationListed)). The
//! official SDKs leave the answer untyped, so [`MediaAnimationList`] reads
//! both the event's shape (`{id, results: [..]}`) and a bare list.
//!
//! ```
//! use crisp_types::media::MediaAnimationList;
//!
//! let page: MediaAnimationList = serde_json::from_str(
//!     r#"{"id": "list_1", "results": [{"type": "image/gif", "url": "https://media.example.com/cat.gif"}]}"#,
//! )?;
//! assert_eq!(page.results[0].url.as_deref(), Some("https://media.example.com/cat.gif"));
//!
//! let bare: MediaAnimationList = serde_json::from_str(r#"[{"type": "image/gif", "url": "https://media.example.com/dog.gif"}]"#)?;
//! assert_eq!(bare.results.len(), 1);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Deserializer, Serialize};

pub use crate::event::MediaAnimation;
use crate::util::null_as_default;

/// One page of an animation search.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct MediaAnimationList {
    /// The list the search ran on, as Crisp echoes it (a string or a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// Who asked, as Crisp echoes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The animations found on this page (empty past the last page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<MediaAnimation>,
}

/// The shapes a page may come in.
#[derive(Deserialize)]
#[serde(untagged)]
enum ListShape {
    /// A bare list of animations.
    Bare(Vec<MediaAnimation>),
    /// The event's shape.
    Object {
        #[serde(default)]
        id: Option<serde_json::Value>,
        #[serde(default)]
        identifier: Option<String>,
        #[serde(default, deserialize_with = "null_as_default")]
        results: Vec<MediaAnimation>,
    },
}

impl<'de> Deserialize<'de> for MediaAnimationList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match ListShape::deserialize(deserializer)? {
            ListShape::Bare(results) => Self {
                results,
                ..Self::default()
            },
            ListShape::Object {
                id,
                identifier,
                results,
            } => Self {
                id,
                identifier,
                results,
            },
        })
    }
}
