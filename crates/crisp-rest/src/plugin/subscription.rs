//! Group `plugin.subscription`: the plugins a website subscribes to, their
//! per-website settings, usage billing, provenance, and what a plugin pushes
//! to a website (channel payloads, custom events).
//!
//! Every route is under `plugins/subscription` (plural `plugins`, unlike the
//! `plugin/connect` routes).

use crisp_types::plugin::{
    PluginAttestProvenance, PluginBillUsage, PluginSubscription, PluginSubscriptionBillUsageReport,
    PluginSubscriptionChannelForward, PluginSubscriptionCreate, PluginSubscriptionEventDispatch,
    PluginSubscriptionSettings,
};
use crisp_types::{JsonMap, PluginId, WebsiteId};

use super::PluginApi;

endpoints! {
    impl PluginApi;

    /// Every active plugin subscription of every website of the token's operator.
    "List All Active Subscriptions" => fn list_all_active_subscriptions -> ListAllActiveSubscriptions;
    GET "plugins/subscription";
    tiers [user];
    path ();
    output data Vec<PluginSubscription>;

    /// The plugins a website subscribes to.
    "List Subscriptions For A Website" => fn list_subscriptions_for_website -> ListSubscriptionsForWebsite;
    GET "plugins/subscription/{website_id}";
    tiers [user];
    path (website_id: &'a WebsiteId);
    output data Vec<PluginSubscription>;

    /// One plugin subscription of a website.
    "Get Subscription Details" => fn get_subscription_details -> GetSubscriptionDetails;
    GET "plugins/subscription/{website_id}/{plugin_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    output data PluginSubscription;

    /// Subscribes a website to a plugin (installs it).
    "Subscribe Website To Plugin" => fn subscribe_website_to_plugin -> SubscribeWebsiteToPlugin;
    POST "plugins/subscription/{website_id}";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (plugin_id: PluginId);
    body subscription: PluginSubscriptionCreate = PluginSubscriptionCreate::new(plugin_id);
    output empty;

    /// Unsubscribes a website from a plugin (uninstalls it).
    "Unsubscribe Plugin From Website" => fn unsubscribe_plugin_from_website -> UnsubscribePluginFromWebsite;
    DELETE "plugins/subscription/{website_id}/{plugin_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    output empty;

    /// A plugin's settings for a website, with their schema.
    "Get Subscription Settings" => fn get_subscription_settings -> GetSubscriptionSettings;
    GET "plugins/subscription/{website_id}/{plugin_id}/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    output data PluginSubscriptionSettings;

    /// Replaces a plugin's settings for a website with `settings`.
    "Save Subscription Settings" => fn save_subscription_settings -> SaveSubscriptionSettings;
    PUT "plugins/subscription/{website_id}/{plugin_id}/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    args (settings: JsonMap);
    body settings: JsonMap = settings;
    output empty;

    /// Merges `settings` into a plugin's settings for a website.
    "Update Subscription Settings" => fn update_subscription_settings -> UpdateSubscriptionSettings;
    PATCH "plugins/subscription/{website_id}/{plugin_id}/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    args (settings: JsonMap);
    body settings: JsonMap = settings;
    output empty;

    /// The usage a plugin billed to a website.
    "Get Plugin Usage Bills" => fn get_plugin_usage_bills -> GetPluginUsageBills;
    GET "plugins/subscription/{website_id}/{plugin_id}/bill/usage";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    output data Vec<PluginBillUsage>;

    /// Bills a website for usage of the plugin (plugin tokens only).
    "Report Plugin Usage To Bill" => fn report_plugin_usage_to_bill -> ReportPluginUsageToBill;
    POST "plugins/subscription/{website_id}/{plugin_id}/bill/usage";
    tiers [plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    args (usage: PluginSubscriptionBillUsageReport);
    body usage: PluginSubscriptionBillUsageReport = usage;
    output empty;

    /// A signed statement of who installed the plugin on the website.
    "Get Plugin Attest Provenance" => fn get_plugin_attest_provenance -> GetPluginAttestProvenance;
    GET "plugins/subscription/{website_id}/{plugin_id}/attest/provenance";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    output data PluginAttestProvenance;

    /// Forwards a payload to the plugin's channel on the website (RTM event
    /// `plugin:channel`).
    "Forward Plugin Payload To Channel" => fn forward_plugin_payload_to_channel -> ForwardPluginPayloadToChannel;
    POST "plugins/subscription/{website_id}/{plugin_id}/channel";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    args (forward: PluginSubscriptionChannelForward);
    body forward: PluginSubscriptionChannelForward = forward;
    output empty;

    /// Dispatches a custom event to the website's listeners (RTM event and
    /// web hook `plugin:event`).
    "Dispatch Plugin Event" => fn dispatch_plugin_event -> DispatchPluginEvent;
    POST "plugins/subscription/{website_id}/{plugin_id}/event";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, plugin_id: &'a PluginId);
    args (event: PluginSubscriptionEventDispatch);
    body event: PluginSubscriptionEventDispatch = event;
    output empty;
}
