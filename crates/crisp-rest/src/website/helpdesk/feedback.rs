//! Reader feedback on the pages of a locale and content type.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskContentType, HelpdeskLocaleFeedbackItem, HelpdeskLocaleFeedbackRatings};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// How many readers found the pages helpful, and how many did not.
    "Map Helpdesk Locale Feedback Ratings" => fn map_helpdesk_locale_feedback_ratings -> MapHelpdeskLocaleFeedbackRatings;
    GET "website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType);
    query {
        /// Only feedback from this date (ISO 8601).
        filter_date_start: String,
        /// Only feedback until this date (ISO 8601).
        filter_date_end: String,
    }
    output data HelpdeskLocaleFeedbackRatings;

    /// One page (from 1) of reader feedback, newest first; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Helpdesk Locale Feedbacks" => fn list_helpdesk_locale_feedbacks -> ListHelpdeskLocaleFeedbacks;
    GET "website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType, page_number: u32);
    query {
        /// Only feedback from this date (ISO 8601).
        filter_date_start: String,
        /// Only feedback until this date (ISO 8601).
        filter_date_end: String,
    }
    output data Vec<HelpdeskLocaleFeedbackItem>;
    paginated HelpdeskLocaleFeedbackItem;
}
