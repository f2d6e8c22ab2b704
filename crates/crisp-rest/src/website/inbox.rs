//! Group `website.inbox`: the inboxes conversations are routed to.

use crisp_types::inbox::{WebsiteInbox, WebsiteInboxItem, WebsiteInboxNew, WebsiteInboxOrder, WebsiteInboxOrders};
use crisp_types::{InboxId, WebsiteId};

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the website's inboxes, in their order; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Inboxes" => fn list_inboxes -> ListInboxes;
    GET "website/{website_id}/inboxes/list/{page_number}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<WebsiteInbox>;
    paginated WebsiteInbox;

    /// Moves inboxes to new positions (sent as `{orders: [{inbox_id, order}]}`).
    "Batch Order Inboxes" => fn batch_order_inboxes -> BatchOrderInboxes;
    PATCH "website/{website_id}/inboxes/batch/order";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (orders: impl IntoIterator<Item = WebsiteInboxOrder>);
    body orders: WebsiteInboxOrders = WebsiteInboxOrders::new(orders);
    output empty;

    /// Creates an inbox and returns its id.
    "Create A New Inbox" => fn create_new_inbox -> CreateNewInbox;
    POST "website/{website_id}/inbox";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (inbox: WebsiteInboxItem);
    body inbox: WebsiteInboxItem = inbox;
    output data WebsiteInboxNew;

    /// `true` if the inbox exists, `false` if Crisp answers 404.
    "Check If Inbox Exists" => fn check_inbox_exists -> CheckInboxExists;
    HEAD "website/{website_id}/inbox/{inbox_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, inbox_id: &'a InboxId);
    output exists;

    "Get Inbox" => fn get_inbox -> GetInbox;
    GET "website/{website_id}/inbox/{inbox_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, inbox_id: &'a InboxId);
    output data WebsiteInbox;

    /// Replaces the inbox with `inbox`.
    "Save Inbox" => fn save_inbox -> SaveInbox;
    PUT "website/{website_id}/inbox/{inbox_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, inbox_id: &'a InboxId);
    args (inbox: WebsiteInboxItem);
    body inbox: WebsiteInboxItem = inbox;
    output empty;

    /// Deletes the inbox; its conversations go back to the default inbox.
    "Delete Inbox" => fn delete_inbox -> DeleteInbox;
    DELETE "website/{website_id}/inbox/{inbox_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, inbox_id: &'a InboxId);
    output empty;
}
