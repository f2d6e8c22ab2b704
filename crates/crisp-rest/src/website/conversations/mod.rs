//! Group `website.conversations`: listing and searching a website's
//! conversations, the segments and data keys suggested for them, and spam.

mod list;
mod suggest;

pub use list::*;
pub use suggest::*;

/// Every endpoint of the group.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    list::ENDPOINTS.iter().chain(suggest::ENDPOINTS)
}
