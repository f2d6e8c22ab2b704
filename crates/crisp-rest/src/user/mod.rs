//! The legacy user-tier routes of the old official wrappers (log in with an
//! email and password, recover a password, log out, read the operator's
//! profile), one file per group of the Crisp reference (`user.session` is
//! `session.rs`, `user.account` is `account.rs`).
//!
//! Crisp retired them from its SDKs in favour of tokens generated in the
//! Marketplace: every method here is deprecated, and kept for programs that
//! still use them.

mod account;
mod session;

pub use account::*;
pub use session::*;

use crate::client::Client;

/// The legacy user routes, from [`Client::user`].
#[derive(Debug, Clone, Copy)]
pub struct UserApi<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> UserApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

/// Every legacy user endpoint.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    session::HAND_WRITTEN
        .iter()
        .chain(session::ENDPOINTS)
        .chain(account::ENDPOINTS)
}
