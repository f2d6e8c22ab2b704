//! Crisp plan routes (user-tier tokens, some open to plugins), one file per
//! group of the Crisp reference (`plan.subscription` is `subscription.rs`).

mod subscription;

pub use subscription::*;

use crate::client::Client;

/// The plan routes, from [`Client::plan`].
#[derive(Debug, Clone, Copy)]
pub struct PlanApi<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> PlanApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

/// Every plan endpoint.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    subscription::ENDPOINTS.iter().chain(subscription::HAND_WRITTEN)
}
