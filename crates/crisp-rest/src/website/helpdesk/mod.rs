//! Group `website.helpdesk`: the knowledge base, by topic.
//!
//! - `base`: the helpdesk itself (check, resolve, initialize, delete);
//! - `locales`: its locales;
//! - `pages`: published pages and page entities;
//! - `tree`: the content tree of a locale and content type (list, paths,
//!   content, metadata, pages); the routes that take a `{tree_path}` are
//!   written by hand, see below;
//! - `history`: the history of changes;
//! - `feedback`: reader ratings and comments;
//! - `import_export`: content refresh, import and export;
//! - `redirections`: URL redirections;
//! - `settings`: settings and domain;
//! - `legacy_articles`, `legacy_categories`: the locale article, category
//!   and section routes of Node SDK 9.x and 10.x, retired from Node 11 and
//!   kept `#[deprecated]`, each naming the current call that replaces it.
//!
//! `{content_type}` is a [`HelpdeskContentType`]. `{tree_path}` stands for
//! several URL segments: the tree routes take a [`TreePath`] and send each of
//! its segments percent-encoded on its own
//! ([`PathSegments`](crate::PathSegments),
//! [`expand_path_with_tail`](crate::expand_path_with_tail)), refusing empty,
//! `.` and `..` segments before anything is sent, so a tree path never
//! leaves its route.

mod base;
mod feedback;
mod history;
mod import_export;
mod legacy_articles;
mod legacy_categories;
mod locales;
mod pages;
mod redirections;
mod settings;
mod tree;

pub use base::*;
pub use feedback::*;
pub use history::*;
pub use import_export::*;
pub use legacy_articles::*;
pub use legacy_categories::*;
pub use locales::*;
pub use pages::*;
pub use redirections::*;
pub use settings::*;
pub use tree::*;

use crisp_types::helpdesk::{CategoryId, HelpdeskContentType, SectionId, TreePath};

use crate::error::Error;
use crate::query::{Query, QueryValue};

/// Every endpoint of the group.
pub(crate) fn endpoints() -> impl Iterator<Item = &'static crate::EndpointInfo> {
    [
        base::ENDPOINTS,
        locales::ENDPOINTS,
        pages::ENDPOINTS,
        tree::ENDPOINTS,
        tree::HAND_WRITTEN,
        history::ENDPOINTS,
        feedback::ENDPOINTS,
        import_export::ENDPOINTS,
        redirections::ENDPOINTS,
        settings::ENDPOINTS,
        legacy_articles::ENDPOINTS,
        legacy_categories::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
}

/// Sent as its wire name (`articles`, `guides`, ...).
impl QueryValue for HelpdeskContentType {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, self.as_str());
        Ok(())
    }
}

/// Sent as its segments joined with `/` (then percent-encoded as any query
/// value).
impl QueryValue for TreePath {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, self);
        Ok(())
    }
}

/// Sent as the id.
impl QueryValue for CategoryId {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, self);
        Ok(())
    }
}

/// Sent as the id.
impl QueryValue for SectionId {
    fn push_to(&self, query: &mut Query, _route: &'static str, key: &'static str) -> Result<(), Error> {
        query.push(key, self);
        Ok(())
    }
}
