//! People statistics, and the segments, data keys and events Crisp suggests
//! for a website's profiles.

use crisp_types::WebsiteId;
use crisp_types::people::{
    PeopleSegment, PeopleStatistics, PeopleSuggestedData, PeopleSuggestedDataDelete, PeopleSuggestedEvent,
    PeopleSuggestedEventDelete, PeopleSuggestedSegment, PeopleSuggestedSegmentDelete,
};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// How many profiles the website has.
    "Get People Statistics" => fn get_people_statistics -> GetPeopleStatistics;
    GET "website/{website_id}/people/stats";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data PeopleStatistics;

    /// One page (from 1) of the segments used in profiles, with how often
    /// each is used.
    "List Suggested People Segments" => fn list_suggested_people_segments -> ListSuggestedPeopleSegments;
    GET "website/{website_id}/people/suggest/segments/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<PeopleSuggestedSegment>;
    paginated PeopleSuggestedSegment;

    /// One page (from 1) of the segments of the website's profiles (Go SDK
    /// only).
    "List People Segments" => fn list_people_segments -> ListPeopleSegments;
    GET "website/{website_id}/people/segments/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<PeopleSegment>;
    paginated PeopleSegment;

    /// Stops suggesting a segment.
    "Delete Suggested People Segment" => fn delete_suggested_people_segment -> DeleteSuggestedPeopleSegment;
    DELETE "website/{website_id}/people/suggest/segment";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (segment: impl Into<String>);
    body delete: PeopleSuggestedSegmentDelete = PeopleSuggestedSegmentDelete::new(segment);
    output empty;

    /// One page (from 1) of the data keys used in profiles, with how often
    /// each is used.
    "List Suggested People Data Keys" => fn list_suggested_people_data_keys -> ListSuggestedPeopleDataKeys;
    GET "website/{website_id}/people/suggest/data/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<PeopleSuggestedData>;
    paginated PeopleSuggestedData;

    /// Stops suggesting a data key.
    "Delete Suggested People Data Key" => fn delete_suggested_people_data_key -> DeleteSuggestedPeopleDataKey;
    DELETE "website/{website_id}/people/suggest/data";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (key: impl Into<String>);
    body delete: PeopleSuggestedDataDelete = PeopleSuggestedDataDelete::new(key);
    output empty;

    /// One page (from 1) of the event names pushed to profiles, with how
    /// often each is used.
    "List Suggested People Events" => fn list_suggested_people_events -> ListSuggestedPeopleEvents;
    GET "website/{website_id}/people/suggest/events/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<PeopleSuggestedEvent>;
    paginated PeopleSuggestedEvent;

    /// Stops suggesting an event name.
    "Delete Suggested People Event" => fn delete_suggested_people_event -> DeleteSuggestedPeopleEvent;
    DELETE "website/{website_id}/people/suggest/event";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (text: impl Into<String>);
    body delete: PeopleSuggestedEventDelete = PeopleSuggestedEventDelete::new(text);
    output empty;
}
