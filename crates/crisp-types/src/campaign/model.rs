//! The campaign model (excerpt and full item) and the bodies that create,
//! save and update a campaign.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::CampaignFormat;
use crate::util::null_as_default;
use crate::{CampaignId, PeopleId, Timestamp, UserId};

crate::open_enum! {
    /// When a campaign is sent.
    pub enum CampaignType {
        /// Sent once, to every recipient, when dispatched.
        OneShot => "one-shot",
        /// Sent to each person when an event happens.
        Automated => "automated",
    }
}

crate::open_enum! {
    /// Who a campaign goes to.
    pub enum CampaignRecipientsType {
        /// Every profile.
        All => "all",
        /// The profiles of some segments.
        Segment => "segment",
        /// Some profiles, by id.
        People => "people",
        /// The profiles a filter finds.
        Filter => "filter",
    }
}

/// A campaign in a list (`GET website/{website_id}/campaigns/list/{page}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignExcerpt {
    /// The campaign's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<CampaignId>,
    /// One-shot or automated (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignType>,
    /// How the message is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<CampaignFormat>,
    /// The campaign's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The email subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The campaign's tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Whether the campaign can be dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready: Option<bool>,
    /// Whether it was dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched: Option<bool>,
    /// Whether it is sending (or, automated, active).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<bool>,
    /// How far the sending is, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u32>,
    /// How many recipients it targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<u64>,
    /// How many recipients it reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<u64>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// When it was dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched_at: Option<Timestamp>,
}

/// A whole campaign: what `GET website/{website_id}/campaign/{campaign_id}`
/// answers, and the body `PUT` (all of it) and `PATCH` (the fields set) take.
///
/// As a body, only the fields set are sent; the server-filled ones (`ready`,
/// `progress`, `statistics`, ...) are best left unset.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignItem {
    /// The campaign's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<CampaignId>,
    /// One-shot or automated (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignType>,
    /// How the message is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<CampaignFormat>,
    /// The campaign's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The email subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The campaign's tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Whether the campaign can be dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready: Option<bool>,
    /// Whether it was dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched: Option<bool>,
    /// Whether it is sending (or, automated, active).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<bool>,
    /// How far the sending is, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u32>,
    /// How many recipients it targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<u64>,
    /// How many recipients it reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<u64>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// When it was dispatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched_at: Option<Timestamp>,
    /// Who sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<WebsiteCampaignSender>,
    /// Who receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<WebsiteCampaignRecipients>,
    /// When an automated campaign sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<WebsiteCampaignFlow>,
    /// The message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Delivery options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<WebsiteCampaignOptions>,
    /// What recipients did with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<WebsiteCampaignStatistics>,
}

impl WebsiteCampaignItem {
    /// Nothing set yet; add fields with the setters.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets one-shot or automated.
        kind: CampaignType,
        /// Sets how the message is written.
        format: CampaignFormat,
        /// Sets the name.
        name: String,
        /// Sets the email subject.
        subject: String,
        /// Sets the tag.
        tag: String,
        /// Sets who sends it.
        sender: WebsiteCampaignSender,
        /// Sets who receives it.
        recipients: WebsiteCampaignRecipients,
        /// Sets when an automated campaign sends.
        flow: WebsiteCampaignFlow,
        /// Sets the message.
        message: String,
        /// Sets the delivery options.
        options: WebsiteCampaignOptions,
    }
}

/// Who sends a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignSender {
    /// The sending operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

impl WebsiteCampaignSender {
    /// Sent by this operator.
    pub fn new(user_id: UserId) -> Self {
        Self { user_id: Some(user_id) }
    }
}

/// Who receives a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignRecipients {
    /// All, segments, people or filter (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignRecipientsType>,
    /// The segments (type `segment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<String>>,
    /// The profiles (type `people`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<PeopleId>>,
    /// The filter (type `filter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Vec<WebsiteFilter>>,
}

impl WebsiteCampaignRecipients {
    /// Every profile: `{type: "all"}`.
    pub fn all() -> Self {
        Self {
            kind: Some(CampaignRecipientsType::All),
            ..Self::default()
        }
    }

    /// The profiles of these segments: `{type: "segment", segments}`.
    pub fn segments<S: Into<String>>(segments: impl IntoIterator<Item = S>) -> Self {
        Self {
            kind: Some(CampaignRecipientsType::Segment),
            segments: Some(segments.into_iter().map(Into::into).collect()),
            ..Self::default()
        }
    }

    /// These profiles: `{type: "people", people}`.
    pub fn people(people: impl IntoIterator<Item = PeopleId>) -> Self {
        Self {
            kind: Some(CampaignRecipientsType::People),
            people: Some(people.into_iter().collect()),
            ..Self::default()
        }
    }

    /// The profiles this filter finds: `{type: "filter", filter}`.
    pub fn filter(filter: impl IntoIterator<Item = WebsiteFilter>) -> Self {
        Self {
            kind: Some(CampaignRecipientsType::Filter),
            filter: Some(filter.into_iter().collect()),
            ..Self::default()
        }
    }
}

/// A filter criterion on people profiles: `{model, criterion, operator, query}`
/// (query values of any JSON type).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteFilter {
    /// What is tested (`people`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The field tested (`segments`, `email`, `data.plan`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The comparison (`eq`, `neq`, `has`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The values compared against.
    #[serde(default, deserialize_with = "null_as_default")]
    pub query: Vec<Value>,
}

impl WebsiteFilter {
    /// A criterion on `model.criterion` with `operator` against `query`.
    pub fn new<Q: Into<Value>>(
        model: impl Into<String>,
        criterion: impl Into<String>,
        operator: impl Into<String>,
        query: impl IntoIterator<Item = Q>,
    ) -> Self {
        Self {
            model: Some(model.into()),
            criterion: Some(criterion.into()),
            operator: Some(operator.into()),
            query: query.into_iter().map(Into::into).collect(),
        }
    }
}

/// When an automated campaign sends.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignFlow {
    /// The event that launches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_event: Option<String>,
    /// A filter the person must still match when it sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assert_filter: Option<Vec<WebsiteFilter>>,
    /// How long to wait before checking `assert_filter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assert_delay: Option<u32>,
    /// Whether a person receives it at most once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliver_once: Option<bool>,
    /// How long to wait before sending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliver_delay: Option<u32>,
}

impl WebsiteCampaignFlow {
    /// Nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the launching event.
        launch_event: String,
        /// Sends at most once per person.
        deliver_once: bool,
    }

    /// Sets the filter checked before sending.
    #[must_use]
    pub fn assert_filter(mut self, filter: impl IntoIterator<Item = WebsiteFilter>) -> Self {
        self.assert_filter = Some(filter.into_iter().collect());
        self
    }

    /// Sets the delay before the check.
    #[must_use]
    pub fn assert_delay(mut self, delay: u32) -> Self {
        self.assert_delay = Some(delay);
        self
    }

    /// Sets the delay before sending.
    #[must_use]
    pub fn deliver_delay(mut self, delay: u32) -> Self {
        self.deliver_delay = Some(delay);
        self
    }
}

/// Delivery options of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignOptions {
    /// Whether it shows in the chatbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliver_to_chatbox: Option<bool>,
    /// Whether it is emailed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliver_to_email: Option<bool>,
    /// Whether the sender name is the website's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name_website: Option<bool>,
    /// Whether replies go to the sender's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_email_reply: Option<bool>,
    /// Whether opens and clicks are tracked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<bool>,
}

impl WebsiteCampaignOptions {
    /// Nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Shows it in the chatbox.
        deliver_to_chatbox: bool,
        /// Emails it.
        deliver_to_email: bool,
        /// Uses the website's name as sender name.
        sender_name_website: bool,
        /// Sends replies to the sender's email.
        sender_email_reply: bool,
        /// Tracks opens and clicks.
        tracking: bool,
    }
}

/// What a campaign's recipients did with it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignStatistics {
    /// How many opened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<u64>,
    /// How many clicked a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clicked: Option<u64>,
    /// How many unsubscribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribed: Option<u64>,
}

/// What `POST website/{website_id}/campaign` answers: the new campaign's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WebsiteCampaignNew {
    /// The new campaign's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<CampaignId>,
}

/// The body that creates a campaign: `{type, name}`.
///
/// ```
/// use crisp_types::campaign::{CampaignType, WebsiteCampaignNewItem};
///
/// let create = WebsiteCampaignNewItem::new(CampaignType::Automated, "Onboarding");
/// assert_eq!(serde_json::to_string(&create)?, r#"{"type":"automated","name":"Onboarding"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteCampaignNewItem {
    /// One-shot or automated (`type` on the wire).
    #[serde(rename = "type")]
    pub kind: CampaignType,
    /// The campaign's name.
    pub name: String,
}

impl WebsiteCampaignNewItem {
    /// A `kind` campaign named `name`.
    pub fn new(kind: CampaignType, name: impl Into<String>) -> Self {
        Self {
            kind,
            name: name.into(),
        }
    }
}
