//! Groups `website.campaigns` (lists, tags and templates: `list.rs`) and
//! `website.campaign` (one campaign: `campaign.rs`).

pub(crate) mod campaign;
pub(crate) mod list;

/// Every endpoint of the two groups.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    [list::ENDPOINTS, campaign::ENDPOINTS].into_iter().flatten()
}
