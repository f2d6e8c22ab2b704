//! Who a campaign went to, and what they did with it.

use serde::{Deserialize, Serialize};

use crate::{JsonMap, PeopleId, Timestamp};

crate::open_enum! {
    /// A kind of campaign statistic, as the statistics route names it in its
    /// path.
    pub enum CampaignStatisticAction {
        /// The message was delivered.
        Delivered => "delivered",
        /// The recipient opened it.
        Opened => "opened",
        /// The recipient clicked a link.
        Clicked => "clicked",
        /// The recipient unsubscribed.
        Unsubscribed => "unsubscribed",
    }
}

/// A recipient of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignRecipient {
    /// The recipient's profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_id: Option<PeopleId>,
    /// The recipient's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The recipient's name and avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<WebsiteCampaignRecipientPerson>,
    /// Whether the recipient is subscribed to emails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscribed: Option<bool>,
}

/// The name and avatar of a campaign recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignRecipientPerson {
    /// The nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The URL of the avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// One statistic of a campaign: what one recipient did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignStatistic {
    /// What happened (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignStatisticAction>,
    /// Who did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<WebsiteCampaignStatisticProfile>,
    /// Details (the link clicked, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<JsonMap>,
    /// When it first happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it last happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// The profile of a [`WebsiteCampaignStatistic`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignStatisticProfile {
    /// The profile's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_id: Option<PeopleId>,
    /// The profile's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<WebsiteCampaignStatisticPerson>,
}

/// The person of a [`WebsiteCampaignStatisticProfile`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignStatisticPerson {
    /// The nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The URL of the avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Where the person is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<WebsiteCampaignStatisticGeolocation>,
}

/// Where a campaign recipient is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignStatisticGeolocation {
    /// The country (ISO code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Latitude and longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<WebsiteCampaignStatisticCoordinates>,
}

/// Latitude and longitude, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignStatisticCoordinates {
    /// The latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// The longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}
