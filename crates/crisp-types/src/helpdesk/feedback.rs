//! Reader feedback on helpdesk pages: the helpful / unhelpful tally and the
//! individual ratings with comments.

use serde::{Deserialize, Serialize};

use super::ArticleId;
use crate::{SessionId, Timestamp, UserId};

/// The helpful / unhelpful tally of a locale and content type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleFeedbackRatings {
    /// The counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<HelpdeskLocaleFeedbackRatingsRatings>,
}

/// How many readers found pages helpful, and how many did not.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleFeedbackRatingsRatings {
    /// Helpful votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful: Option<u64>,
    /// Unhelpful votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unhelpful: Option<u64>,
}

open_enum! {
    /// A reader's verdict on a page.
    pub enum HelpdeskFeedbackRating {
        /// The page helped.
        Helpful => "helpful",
        /// The page did not help.
        Unhelpful => "unhelpful",
    }
}

/// One reader's feedback.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleFeedbackItem {
    /// Helpful or unhelpful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<HelpdeskFeedbackRating>,
    /// The reader's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The page rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<HelpdeskLocaleFeedbackItemArticle>,
    /// The reader's chat session, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<HelpdeskLocaleFeedbackItemSession>,
    /// When the feedback was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}

/// The page a feedback is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleFeedbackItemArticle {
    /// The page's article id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<ArticleId>,
    /// The page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The chat session of the reader who gave feedback.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HelpdeskLocaleFeedbackItemSession {
    /// The conversation's session id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
    /// The reader's nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The reader's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The reader's avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Where the reader was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<HelpdeskSessionGeolocation>,
    /// The operator the conversation is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned: Option<HelpdeskSessionAssigned>,
}

/// Where a reader was.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HelpdeskSessionGeolocation {
    /// The country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<HelpdeskSessionCoordinates>,
}

/// Latitude and longitude.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HelpdeskSessionCoordinates {
    /// The latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// The longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

/// The operator a conversation is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskSessionAssigned {
    /// The operator's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}
