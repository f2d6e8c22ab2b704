//! What a profile did and holds: its conversations, campaigns, events,
//! custom data and email subscription.

use crisp_types::people::{
    PeopleCampaign, PeopleData, PeopleEvent, PeopleEventAdd, PeopleSubscription, PeopleSubscriptionUpdate,
};
use crisp_types::{JsonMap, PeopleId, SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the profile's conversations (their session
    /// ids). The filter setters are Go's `FilterPeopleConversations`.
    "List People Conversations" => fn list_people_conversations -> ListPeopleConversations;
    GET "website/{website_id}/people/conversations/{people_id}/list/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId, page_number: u32);
    query {
        /// Only conversations with unread messages (or only without).
        filter_unread: bool,
        /// Only resolved conversations.
        filter_resolved: bool,
        /// Only conversations that are not resolved.
        filter_not_resolved: bool,
    }
    output data Vec<SessionId>;
    paginated SessionId;

    /// One page (from 1) of the campaigns sent to the profile.
    "List People Campaigns" => fn list_people_campaigns -> ListPeopleCampaigns;
    GET "website/{website_id}/people/campaigns/{people_id}/list/{page_number}";
    tiers [user];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId, page_number: u32);
    output data Vec<PeopleCampaign>;
    paginated PeopleCampaign;

    /// Pushes an event (a name, optional data and color) to the profile.
    "Add A People Event" => fn add_people_event -> AddPeopleEvent;
    POST "website/{website_id}/people/events/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    args (event: PeopleEventAdd);
    body event: PeopleEventAdd = event;
    output empty;

    /// One page (from 1) of the events pushed to the profile, newest first.
    "List People Events" => fn list_people_events -> ListPeopleEvents;
    GET "website/{website_id}/people/events/{people_id}/list/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId, page_number: u32);
    output data Vec<PeopleEvent>;
    paginated PeopleEvent;

    /// The profile's custom data.
    "Get People Data" => fn get_people_data -> GetPeopleData;
    GET "website/{website_id}/people/data/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    output data PeopleData;

    /// Replaces the profile's custom data with `data` (values: strings,
    /// numbers or booleans).
    ///
    /// **Read-modify-write.** Keys missing from `data` are deleted. Two
    /// writers that each read the data
    /// ([`get_people_data`](crate::WebsiteApi::get_people_data)), change one
    /// key and save the whole map back can lose each other's change; to
    /// change some keys, send only those with
    /// [`update_people_data`](crate::WebsiteApi::update_people_data), which
    /// merges.
    "Save People Data" => fn save_people_data -> SavePeopleData;
    PUT "website/{website_id}/people/data/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    args (data: JsonMap);
    body data: JsonMap = data;
    output empty;

    /// Sets the keys of `data` in the profile's custom data, keeping the
    /// others.
    "Update People Data" => fn update_people_data -> UpdatePeopleData;
    PATCH "website/{website_id}/people/data/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    args (data: JsonMap);
    body data: JsonMap = data;
    output empty;

    /// Whether the profile receives email campaigns.
    "Get People Subscription Status" => fn get_people_subscription_status -> GetPeopleSubscriptionStatus;
    GET "website/{website_id}/people/subscription/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    output data PeopleSubscription;

    /// Subscribes (or unsubscribes) the profile to email campaigns.
    "Update People Subscription Status" => fn update_people_subscription_status -> UpdatePeopleSubscriptionStatus;
    PATCH "website/{website_id}/people/subscription/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    args (email: bool);
    body update: PeopleSubscriptionUpdate = PeopleSubscriptionUpdate::new(email);
    output empty;
}
