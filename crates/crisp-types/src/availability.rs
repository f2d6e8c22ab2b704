//! Availability of a website and of its operators.
//!
//! ```
//! use crisp_types::availability::{AvailabilityType, WebsiteAvailabilityOperator};
//!
//! let operator: WebsiteAvailabilityOperator = serde_json::from_str(
//!     r#"{"user_id":"u1","type":"away","time":{"for":600,"since":1700000000000}}"#,
//! )?;
//! assert_eq!(operator.kind, Some(AvailabilityType::Away));
//! assert_eq!(operator.time.unwrap_or_default().for_seconds, Some(600));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::{Timestamp, UserId};

crate::open_enum! {
    /// Whether someone can answer.
    pub enum AvailabilityType {
        /// Available.
        Online => "online",
        /// Connected but away.
        Away => "away",
        /// Not available.
        Offline => "offline",
    }
}

/// The availability of a website (`GET website/{website_id}/availability/status`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAvailabilityStatus {
    /// Whether an operator is available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AvailabilityType>,
    /// Since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Timestamp>,
}

/// The availability of one operator of a website.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAvailabilityOperator {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The operator's availability (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AvailabilityType>,
    /// For how long, and since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<WebsiteAvailabilityOperatorTime>,
}

/// The time span of a [`WebsiteAvailabilityOperator`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteAvailabilityOperatorTime {
    /// How long the availability lasts, in seconds (`for` on the wire).
    #[serde(rename = "for", default, skip_serializing_if = "Option::is_none")]
    pub for_seconds: Option<u64>,
    /// Since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Timestamp>,
}
