//! Bucket routes (user and plugin tokens), one file per group of the Crisp
//! reference (`bucket.url` is `url.rs`).

mod url;

pub use url::*;

use crate::client::Client;

/// The bucket routes, from [`Client::bucket`].
#[derive(Debug, Clone, Copy)]
pub struct BucketApi<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> BucketApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

/// Every bucket endpoint.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    url::ENDPOINTS.iter()
}
