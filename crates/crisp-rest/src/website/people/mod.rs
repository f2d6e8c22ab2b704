//! Group `website.people`: people profiles (the CRM contacts of a website),
//! by topic: listing and searching, one profile, suggestions and statistics,
//! and a profile's activity (conversations, campaigns, events, data,
//! subscription).

mod activity;
mod list;
mod profiles;
mod suggest;

pub use activity::*;
pub use list::*;
pub use profiles::*;
pub use suggest::*;

/// Every endpoint of the group.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    [
        list::ENDPOINTS,
        profiles::ENDPOINTS,
        suggest::ENDPOINTS,
        activity::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
}
