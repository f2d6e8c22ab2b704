//! Campaigns (mass messages to people profiles: one-shot or automated) and
//! their templates, recipients and statistics.
//!
//! ```
//! use crisp_types::UserId;
//! use crisp_types::campaign::{
//!     CampaignFormat, CampaignType, WebsiteCampaignItem, WebsiteCampaignOptions, WebsiteCampaignRecipients,
//!     WebsiteCampaignSender,
//! };
//!
//! let campaign = WebsiteCampaignItem::new()
//!     .kind(CampaignType::OneShot)
//!     .format(CampaignFormat::Markdown)
//!     .name("Welcome!")
//!     .sender(WebsiteCampaignSender::new(UserId::new("u1")))
//!     .recipients(WebsiteCampaignRecipients::segments(["trial"]))
//!     .message("*Hey there*")
//!     .options(WebsiteCampaignOptions::new().deliver_to_email(true));
//! assert_eq!(
//!     serde_json::to_value(&campaign)?,
//!     serde_json::json!({
//!         "type": "one-shot", "format": "markdown", "name": "Welcome!",
//!         "sender": {"user_id": "u1"},
//!         "recipients": {"type": "segment", "segments": ["trial"]},
//!         "message": "*Hey there*",
//!         "options": {"deliver_to_email": true},
//!     })
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

mod model;
mod report;
mod template;

pub use model::{
    CampaignRecipientsType, CampaignType, WebsiteCampaignExcerpt, WebsiteCampaignFlow, WebsiteCampaignItem,
    WebsiteCampaignNew, WebsiteCampaignNewItem, WebsiteCampaignOptions, WebsiteCampaignRecipients,
    WebsiteCampaignSender, WebsiteCampaignStatistics, WebsiteFilter,
};
pub use report::{
    CampaignStatisticAction, WebsiteCampaignRecipient, WebsiteCampaignRecipientPerson, WebsiteCampaignStatistic,
    WebsiteCampaignStatisticCoordinates, WebsiteCampaignStatisticGeolocation, WebsiteCampaignStatisticPerson,
    WebsiteCampaignStatisticProfile,
};
pub use template::{
    CampaignTemplateType, WebsiteCampaignTemplateExcerpt, WebsiteCampaignTemplateItem, WebsiteCampaignTemplateNew,
    WebsiteCampaignTemplateNewItem,
};

crate::open_enum! {
    /// How a campaign's or template's text is written.
    pub enum CampaignFormat {
        /// Markdown.
        Markdown => "markdown",
        /// Plain text.
        Text => "text",
        /// HTML.
        Html => "html",
    }
}
