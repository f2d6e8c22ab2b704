//! The people profile model and the body that creates and updates it.

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;
use crate::{PeopleId, Timestamp};

/// A people profile, as listed and as fetched one by one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PeopleProfile {
    /// The profile's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_id: Option<PeopleId>,
    /// The contact's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// What is known about the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PeoplePerson>,
    /// What is known about the person's company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<PeopleCompany>,
    /// Segments (tags) of the profile.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<String>,
    /// Operators' private notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notepad: Option<String>,
    /// The contact's activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<PeopleActive>,
    /// The contact's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    /// When the profile was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the profile was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// A contact's activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleActive {
    /// Whether the contact is active now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<bool>,
    /// When the contact was last active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Timestamp>,
}

/// What is known about a person.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PeoplePerson {
    /// The person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The gender, e.g. `male` or `female`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A free-form description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The person's website URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The UTC offset in minutes, as browsers report it (`-120` for UTC+2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<i32>,
    /// Social network profiles.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<PeopleSocialProfile>,
    /// The person's job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<PeopleEmployment>,
    /// Where the person is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<PeopleGeolocation>,
    /// The person's locales, e.g. `en`.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub locales: Vec<String>,
}

impl PeoplePerson {
    /// An empty person; fill it with the setters or the public fields.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the person's name.
        nickname: String,
        /// Sets the avatar URL.
        avatar: String,
        /// Sets the gender.
        gender: String,
        /// Sets the phone number.
        phone: String,
        /// Sets the postal address.
        address: String,
        /// Sets the description.
        description: String,
        /// Sets the person's website URL.
        website: String,
        /// Sets the UTC offset in minutes.
        timezone: i32,
        /// Sets the person's job.
        employment: PeopleEmployment,
        /// Sets where the person is.
        geolocation: PeopleGeolocation,
    }
}

/// A social network profile of a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleSocialProfile {
    /// The network (`type` on the wire), e.g. `twitter`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The handle on that network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// The profile URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A person's job.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleEmployment {
    /// The employer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The employer's domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The role, e.g. `engineering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The seniority, e.g. `executive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seniority: Option<String>,
}

/// Where a person or company is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PeopleGeolocation {
    /// The country code, e.g. `FR`.
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
    pub coordinates: Option<PeopleCoordinates>,
}

/// Geographic coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PeopleCoordinates {
    /// The latitude, in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// The longitude, in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

/// What is known about a person's company.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PeopleCompany {
    /// The company name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The legal name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// The company domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The company website URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A free-form description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The UTC offset in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<i32>,
    /// Phone numbers.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Email addresses.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// Where the company is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<PeopleGeolocation>,
    /// Company figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<PeopleCompanyMetrics>,
    /// Tags, e.g. industries.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl PeopleCompany {
    /// A company with just a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }
}

/// Company figures.
///
/// These are 64-bit: a market cap or amount raised does not fit the 32 bits
/// the Go SDK uses.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleCompanyMetrics {
    /// Number of employees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u64>,
    /// Market capitalisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_cap: Option<u64>,
    /// Funds raised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<u64>,
    /// Annual recurring revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arr: Option<u64>,
}

/// The response to creating a people profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleProfileNew {
    /// The new profile's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_id: Option<PeopleId>,
}

/// The body that creates, saves (replaces) or updates a people profile: only
/// the fields set are sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PeopleProfileUpdateCard {
    /// The contact's email address (required when creating a profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// What is known about the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PeoplePerson>,
    /// What is known about the person's company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<PeopleCompany>,
    /// Segments (tags); replaces the profile's list, on a save (PUT) and on
    /// an update (PATCH) alike.
    ///
    /// **Read-modify-write.** The list is replaced whole: the profile keeps
    /// exactly the segments sent. Two writers that each read the profile, add
    /// a segment and write the list back can lose each other's change (the
    /// later write drops the earlier one's segment). Write a list known in
    /// full (from your own records) rather than one derived from a read, keep
    /// a single writer per profile, or set one list on many profiles in a
    /// single call with the batch segment route (`batch_update_people_segments`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<String>>,
    /// Operators' private notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notepad: Option<String>,
    /// When the contact was last active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<Timestamp>,
}

impl PeopleProfileUpdateCard {
    /// An empty card; set fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the contact's email address.
        email: String,
        /// Sets what is known about the person.
        person: PeoplePerson,
        /// Sets what is known about the company.
        company: PeopleCompany,
        /// Sets the operators' private notes.
        notepad: String,
        /// Sets when the contact was last active.
        active: Timestamp,
    }

    /// Sets the segments (tags), replacing the profile's list (see the
    /// read-modify-write note on the `segments` field).
    #[must_use]
    pub fn segments(mut self, segments: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.segments = Some(segments.into_iter().map(Into::into).collect());
        self
    }
}
