//! Media routes (user-tier tokens), one file per group of the Crisp
//! reference (`media.animation` is `animation.rs`).

mod animation;

pub use animation::*;

use crate::client::Client;

/// The media routes, from [`Client::media`].
#[derive(Debug, Clone, Copy)]
pub struct MediaApi<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> MediaApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

/// Every media endpoint.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    animation::HAND_WRITTEN.iter()
}
