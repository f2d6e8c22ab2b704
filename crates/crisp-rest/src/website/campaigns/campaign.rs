//! Group `website.campaign`: one campaign (create, read, save, remove), its
//! sending (dispatch, pause, resume, test), recipients and statistics.

use crisp_types::campaign::{
    CampaignStatisticAction, CampaignType, WebsiteCampaignItem, WebsiteCampaignNew, WebsiteCampaignNewItem,
    WebsiteCampaignRecipient, WebsiteCampaignStatistic,
};
use crisp_types::{CampaignId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Creates a `kind` campaign named `name` and returns its id.
    "Create A New Campaign" => fn create_new_campaign -> CreateNewCampaign;
    POST "website/{website_id}/campaign";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (kind: CampaignType, name: impl Into<String>);
    body campaign: WebsiteCampaignNewItem = WebsiteCampaignNewItem::new(kind, name);
    output data WebsiteCampaignNew;

    /// `true` if the campaign exists, `false` if Crisp answers 404.
    "Check If Campaign Exists" => fn check_campaign_exists -> CheckCampaignExists;
    HEAD "website/{website_id}/campaign/{campaign_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    output exists;

    "Get A Campaign" => fn get_campaign -> GetCampaign;
    GET "website/{website_id}/campaign/{campaign_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    output data WebsiteCampaignItem;

    /// Replaces the campaign with `campaign`.
    "Save A Campaign" => fn save_campaign -> SaveCampaign;
    PUT "website/{website_id}/campaign/{campaign_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    args (campaign: WebsiteCampaignItem);
    body campaign: WebsiteCampaignItem = campaign;
    output empty;

    /// Changes the fields set in `campaign`.
    "Update A Campaign" => fn update_campaign -> UpdateCampaign;
    PATCH "website/{website_id}/campaign/{campaign_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    args (campaign: WebsiteCampaignItem);
    body campaign: WebsiteCampaignItem = campaign;
    output empty;

    "Remove A Campaign" => fn remove_campaign -> RemoveCampaign;
    DELETE "website/{website_id}/campaign/{campaign_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    output empty;

    /// Sends a one-shot campaign to its recipients, or activates an
    /// automated one.
    "Dispatch A Campaign" => fn dispatch_campaign -> DispatchCampaign;
    POST "website/{website_id}/campaign/{campaign_id}/dispatch";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    body {};
    output empty;

    /// Resumes a paused campaign.
    "Resume A Campaign" => fn resume_campaign -> ResumeCampaign;
    POST "website/{website_id}/campaign/{campaign_id}/resume";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    body {};
    output empty;

    /// Pauses a dispatched campaign.
    "Pause A Campaign" => fn pause_campaign -> PauseCampaign;
    POST "website/{website_id}/campaign/{campaign_id}/pause";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    body {};
    output empty;

    /// Sends the campaign to its sender only, to check it.
    "Test A Campaign" => fn test_campaign -> TestCampaign;
    POST "website/{website_id}/campaign/{campaign_id}/test";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId);
    body {};
    output empty;

    /// One page (from 1) of the people the campaign went to; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Campaign Recipients" => fn list_campaign_recipients -> ListCampaignRecipients;
    GET "website/{website_id}/campaign/{campaign_id}/recipients/{page_number}";
    tiers [user];
    path (website_id: &'a WebsiteId, campaign_id: &'a CampaignId, page_number: u32);
    output data Vec<WebsiteCampaignRecipient>;
    paginated WebsiteCampaignRecipient;

    /// One page (from 1) of what recipients did (`action`: delivered,
    /// opened, clicked, unsubscribed); see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Campaign Statistics" => fn list_campaign_statistics -> ListCampaignStatistics;
    GET "website/{website_id}/campaign/{campaign_id}/statistics/{action}/{page_number}";
    tiers [user];
    path (
        website_id: &'a WebsiteId,
        campaign_id: &'a CampaignId,
        action: CampaignStatisticAction,
        page_number: u32,
    );
    output data Vec<WebsiteCampaignStatistic>;
    paginated WebsiteCampaignStatistic;
}
