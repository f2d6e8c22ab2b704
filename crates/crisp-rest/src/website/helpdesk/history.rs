//! The history of helpdesk changes.

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{
    ChangeId, HelpdeskContentType, HelpdeskHistoryChange, HelpdeskHistoryChangeCancel, TreePath,
};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the changes made to the helpdesk content, newest
    /// first; see [`Paginated::into_stream`](crate::Paginated::into_stream)
    /// for all pages.
    "List Helpdesk History Changes" => fn list_helpdesk_history_changes -> ListHelpdeskHistoryChanges;
    GET "website/{website_id}/helpdesk/history/changes/{page_number}";
    tiers [];
    path (website_id: &'a WebsiteId, page_number: u32);
    query {
        /// Only changes to this locale (`en`).
        filter_locale: String,
        /// Only changes to this content type.
        filter_type: HelpdeskContentType,
        /// Only changes to this tree path (sent as its segments joined with `/`).
        filter_tree_path: TreePath,
    }
    output data Vec<HelpdeskHistoryChange>;
    paginated HelpdeskHistoryChange;

    /// One change, with the pages it touched.
    "Resolve Helpdesk History Change" => fn resolve_helpdesk_history_change -> ResolveHelpdeskHistoryChange;
    GET "website/{website_id}/helpdesk/history/change/{change_id}";
    tiers [];
    path (website_id: &'a WebsiteId, change_id: &'a ChangeId);
    output data HelpdeskHistoryChange;

    /// Cancels a change with `action` (e.g. `revert`); the body travels with
    /// the `DELETE`.
    "Cancel Helpdesk History Change" => fn cancel_helpdesk_history_change -> CancelHelpdeskHistoryChange;
    DELETE "website/{website_id}/helpdesk/history/change/{change_id}";
    tiers [];
    path (website_id: &'a WebsiteId, change_id: &'a ChangeId);
    args (action: impl Into<String>);
    body cancel: HelpdeskHistoryChangeCancel = HelpdeskHistoryChangeCancel::new(action);
    output empty;
}
