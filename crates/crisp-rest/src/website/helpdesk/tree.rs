//! The content tree of a locale and content type: the tree list, and each
//! entry's path, content, metadata and page.
//!
//! The routes that take a `{tree_path}` are hand-written (by the local
//! `tree_endpoints!` macro below, one declaration each): `{tree_path}` stands
//! for several URL segments, so each [`TreePath`] segment is encoded on its
//! own ([`PathSegments`]) and the path is built with
//! [`expand_path_with_tail`], not with the one-segment-per-value
//! [`expand_path`](crate::expand_path) that `endpoints!` uses.

use std::fmt::Display;

use crisp_types::WebsiteId;
use crisp_types::helpdesk::{
    HelpdeskContentType, HelpdeskTreeContent, HelpdeskTreeContentSave, HelpdeskTreeEntry, HelpdeskTreeMetadata,
    HelpdeskTreePage, HelpdeskTreePathUpdate, TreePath,
};
use http::Method;

use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::Error;
use crate::request::{ApiRequest, PathSegments, expand_path_with_tail};
use crate::response::ApiResponse;
use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the top entries of a content tree (or of the
    /// entries below `sub_path`), each with its children; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Helpdesk Tree" => fn list_helpdesk_tree -> ListHelpdeskTree;
    GET "website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}";
    tiers [];
    path (website_id: &'a WebsiteId, locale: &'a str, content_type: HelpdeskContentType, page_number: u32);
    query {
        /// Lists the entries below this path instead (sent as its segments
        /// joined with `/`).
        sub_path: TreePath,
        /// Only entries whose title contains this text.
        search_title: String,
        /// Only entries changed from this date (ISO 8601).
        filter_date_start: String,
        /// Only entries changed until this date (ISO 8601).
        filter_date_end: String,
    }
    output data Vec<HelpdeskTreeEntry>;
    paginated HelpdeskTreeEntry;
}

/// Builds the request of a tree-path route: `values` fill the placeholders
/// before `{tree_path}`, and the tree path's segments are each encoded on
/// their own; an empty, `.` or `..` segment (or no segment) is refused.
fn tree_request(
    route: &'static str,
    method: Method,
    template: &'static str,
    values: [&dyn Display; 3],
    tree_path: &TreePath,
) -> Result<ApiRequest, Error> {
    let tail = PathSegments::new(route, "tree_path", tree_path.segments())?;
    let path = expand_path_with_tail(route, template, &values, &tail)?;
    Ok(ApiRequest::new(method, path, route))
}

/// Declares the routes of `website/{website_id}/helpdesk/tree/<kind>/{locale}/{content_type}/{tree_path}`
/// like `endpoints!` does (accessor, builder, `Endpoint`, `IntoFuture`, and a
/// `HAND_WRITTEN` list of [`EndpointInfo`]), with the path built by
/// [`tree_request`]. Every accessor takes `website_id`, `locale`,
/// `content_type` and `tree_path`, then the `args`.
macro_rules! tree_endpoints {
    (
        $(
            $(#[doc = $doc:literal])*
            $label:literal => fn $method:ident -> $builder:ident;
            $http:ident $template:literal;
            $( args ( $( $a:ident : $aty:ty ),* $(,)? ); )?
            $( body $b:ident : $bty:ty = $bexpr:expr ; )?
            $( body $empty:block ; )?
            output $out:ident $( $oty:ty )? ;
        )*
    ) => {
        impl<'a> WebsiteApi<'a> {
            $(
                #[doc = concat!(
                    $label, ".\n\n",
                    $( $doc, "\n", )*
                    "\n`", stringify!($http), " ", $template, "`\n\n",
                    "Tiers: not stated by the reference.\n\n",
                    "Each segment of `tree_path` is percent-encoded on its own; a tree path with no ",
                    "segment, or an empty, `.` or `..` segment, fails with ",
                    "[`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent.",
                )]
                pub fn $method(
                    &self,
                    website_id: &'a WebsiteId,
                    locale: &'a str,
                    content_type: HelpdeskContentType,
                    tree_path: &'a TreePath,
                    $( $( $a: $aty, )* )?
                ) -> $builder<'a> {
                    $builder {
                        client: self.client,
                        website_id,
                        locale,
                        content_type,
                        tree_path,
                        $( $b: $bexpr, )?
                    }
                }
            )*
        }

        /// The hand-written tree-path endpoints of this module.
        pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[
            $(
                EndpointInfo {
                    api: "WebsiteApi",
                    name: stringify!($method),
                    label: $label,
                    method: stringify!($http),
                    path: $template,
                    tiers: &[],
                    query: &[],
                    deprecated: None,
                },
            )*
        ];

        $(
            #[doc = concat!("Request builder of [`WebsiteApi::", stringify!($method), "`]; await it.")]
            #[derive(Debug, Clone)]
            #[must_use = "a request does nothing until it is awaited"]
            pub struct $builder<'a> {
                client: &'a Client,
                website_id: &'a WebsiteId,
                locale: &'a str,
                content_type: HelpdeskContentType,
                tree_path: &'a TreePath,
                $( $b: $bty, )?
            }

            impl Endpoint for $builder<'_> {
                type Output = tree_endpoints!(@output_type $out $( $oty )?);

                fn to_request(&self) -> Result<ApiRequest, Error> {
                    let values: [&dyn Display; 3] = [self.website_id, &self.locale, &self.content_type];
                    let request = tree_request(stringify!($method), Method::$http, $template, values, self.tree_path)?;
                    $( let request = request.with_json(&self.$b)?; )?
                    $( let request = tree_endpoints!(@empty_object request $empty); )?
                    Ok(request)
                }

                fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
                    tree_endpoints!(@decode $out response)
                }
            }

            into_future!($builder);
        )*
    };

    (@output_type data $ty:ty) => { $ty };
    (@output_type empty) => { () };

    (@decode data $response:ident) => { $response.data() };
    (@decode empty $response:ident) => { $response.empty() };

    (@empty_object $request:ident $empty:block) => { $request.with_empty_object() };
}

tree_endpoints! {
    /// Creates an entry at `tree_path` (sends `{}`, as the Node SDK does).
    "Create Helpdesk Tree Path" => fn create_helpdesk_tree_path -> CreateHelpdeskTreePath;
    POST "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{tree_path}";
    body {};
    output empty;

    /// The entry at `tree_path`, with its children.
    "Resolve Helpdesk Tree Path" => fn resolve_helpdesk_tree_path -> ResolveHelpdeskTreePath;
    GET "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{tree_path}";
    output data HelpdeskTreeEntry;

    /// Moves or reorders the entry at `tree_path`, as `update` says.
    "Update Helpdesk Tree Path" => fn update_helpdesk_tree_path -> UpdateHelpdeskTreePath;
    PATCH "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{tree_path}";
    args (update: HelpdeskTreePathUpdate);
    body update: HelpdeskTreePathUpdate = update;
    output empty;

    /// Deletes the entry at `tree_path` and everything below it.
    "Delete Helpdesk Tree Path" => fn delete_helpdesk_tree_path -> DeleteHelpdeskTreePath;
    DELETE "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{tree_path}";
    output empty;

    /// The content (Markdown) of the entry at `tree_path`.
    "Resolve Helpdesk Tree Content" => fn resolve_helpdesk_tree_content -> ResolveHelpdeskTreeContent;
    GET "website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{tree_path}";
    output data HelpdeskTreeContent;

    /// Replaces the content (Markdown) of the entry at `tree_path`.
    "Save Helpdesk Tree Content" => fn save_helpdesk_tree_content -> SaveHelpdeskTreeContent;
    PUT "website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{tree_path}";
    args (content: impl Into<String>);
    body save: HelpdeskTreeContentSave = HelpdeskTreeContentSave::new(content);
    output empty;

    /// The metadata (title, description, state, author, ...) of the entry at
    /// `tree_path`.
    "Resolve Helpdesk Tree Metadata" => fn resolve_helpdesk_tree_metadata -> ResolveHelpdeskTreeMetadata;
    GET "website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{tree_path}";
    output data HelpdeskTreeMetadata;

    /// Changes the metadata fields set in `metadata` (publish a page with
    /// `state.published`).
    "Update Helpdesk Tree Metadata" => fn update_helpdesk_tree_metadata -> UpdateHelpdeskTreeMetadata;
    PATCH "website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{tree_path}";
    args (metadata: HelpdeskTreeMetadata);
    body metadata: HelpdeskTreeMetadata = metadata;
    output empty;

    /// The public page (title and URL) of the entry at `tree_path`.
    "Resolve Helpdesk Tree Page" => fn resolve_helpdesk_tree_page -> ResolveHelpdeskTreePage;
    GET "website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{tree_path}";
    output data HelpdeskTreePage;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hand_written_template_ends_with_the_tree_path() {
        for info in HAND_WRITTEN {
            assert!(
                info.path.ends_with("/{locale}/{content_type}/{tree_path}"),
                "{}",
                info.path
            );
        }
        assert_eq!(HAND_WRITTEN.len(), 9);
    }
}
