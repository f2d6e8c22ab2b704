//! Group `website.campaigns`: the campaign list (with the Go SDK's filters),
//! campaign tags, and campaign templates.

use crisp_types::campaign::{
    CampaignFormat, WebsiteCampaignExcerpt, WebsiteCampaignTemplateExcerpt, WebsiteCampaignTemplateItem,
    WebsiteCampaignTemplateNew, WebsiteCampaignTemplateNewItem,
};
use crisp_types::{CampaignTemplateId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the website's campaigns; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    /// The setters filter it (the Go SDK's `FilterCampaigns`): only the
    /// options set are sent, flags as `1`/`0`; among the type flags, and among
    /// the status flags, a campaign matching any flag set to `1` is kept.
    "List Campaigns" => fn list_campaigns -> ListCampaigns;
    GET "website/{website_id}/campaigns/list/{page_number}";
    tiers [user];
    path (website_id: &'a WebsiteId, page_number: u32);
    query {
        /// Only campaigns whose name contains this text.
        search_name: String,
        /// Only campaigns with this tag.
        filter_tag: String,
        /// Keeps one-shot campaigns.
        filter_type_one_shot: bool,
        /// Keeps automated campaigns.
        filter_type_automated: bool,
        /// Keeps campaigns not ready to dispatch.
        filter_status_not_configured: bool,
        /// Keeps campaigns ready to dispatch.
        filter_status_ready: bool,
        /// Keeps paused campaigns.
        filter_status_paused: bool,
        /// Keeps campaigns being sent (or, automated, active).
        filter_status_sending: bool,
        /// Keeps campaigns sent to every recipient.
        filter_status_done: bool,
    }
    output data Vec<WebsiteCampaignExcerpt>;
    paginated WebsiteCampaignExcerpt;

    /// Every tag used by the website's campaigns.
    "List Campaign Tags" => fn list_campaign_tags -> ListCampaignTags;
    GET "website/{website_id}/campaigns/tags";
    tiers [user];
    path (website_id: &'a WebsiteId);
    output data Vec<String>;

    /// One page (from 1) of the website's campaign templates; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    /// The setters filter it (the Go SDK's `FilterCampaignTemplates`): only
    /// the options set are sent, flags as `1`/`0`.
    "List Campaign Templates" => fn list_campaign_templates -> ListCampaignTemplates;
    GET "website/{website_id}/campaigns/templates/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    query {
        /// Only templates whose name contains this text.
        search_name: String,
        /// Keeps the templates Crisp provides.
        filter_type_static: bool,
        /// Keeps the website's own templates.
        filter_type_custom: bool,
    }
    output data Vec<WebsiteCampaignTemplateExcerpt>;
    paginated WebsiteCampaignTemplateExcerpt;

    /// Creates a template named `name`, written in `format`, and returns its id.
    "Create A New Campaign Template" => fn create_new_campaign_template -> CreateNewCampaignTemplate;
    POST "website/{website_id}/campaigns/template";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (format: CampaignFormat, name: impl Into<String>);
    body template: WebsiteCampaignTemplateNewItem = WebsiteCampaignTemplateNewItem::new(format, name);
    output data WebsiteCampaignTemplateNew;

    /// `true` if the template exists, `false` if Crisp answers 404.
    "Check If Campaign Template Exists" => fn check_campaign_template_exists -> CheckCampaignTemplateExists;
    HEAD "website/{website_id}/campaigns/template/{template_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, template_id: &'a CampaignTemplateId);
    output exists;

    /// The template, with its content.
    "Get A Campaign Template" => fn get_campaign_template -> GetCampaignTemplate;
    GET "website/{website_id}/campaigns/template/{template_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, template_id: &'a CampaignTemplateId);
    output data WebsiteCampaignTemplateItem;

    /// Replaces the template with `template`.
    "Save A Campaign Template" => fn save_campaign_template -> SaveCampaignTemplate;
    PUT "website/{website_id}/campaigns/template/{template_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, template_id: &'a CampaignTemplateId);
    args (template: WebsiteCampaignTemplateItem);
    body template: WebsiteCampaignTemplateItem = template;
    output empty;

    /// Changes the fields set in `template`.
    "Update A Campaign Template" => fn update_campaign_template -> UpdateCampaignTemplate;
    PATCH "website/{website_id}/campaigns/template/{template_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, template_id: &'a CampaignTemplateId);
    args (template: WebsiteCampaignTemplateItem);
    body template: WebsiteCampaignTemplateItem = template;
    output empty;

    "Remove A Campaign Template" => fn remove_campaign_template -> RemoveCampaignTemplate;
    DELETE "website/{website_id}/campaigns/template/{template_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, template_id: &'a CampaignTemplateId);
    output empty;
}
