//! Plugin routes (plugin-tier tokens), one file per group of the Crisp
//! reference (`plugin.connect` is `connect.rs`, ...).

mod connect;
mod subscription;

pub use connect::*;
pub use subscription::*;

use crate::client::Client;

/// The plugin routes, from [`Client::plugin`].
#[derive(Debug, Clone, Copy)]
pub struct PluginApi<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> PluginApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

/// Every plugin endpoint.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    connect::ENDPOINTS
        .iter()
        .chain(connect::HAND_WRITTEN)
        .chain(subscription::ENDPOINTS)
}
