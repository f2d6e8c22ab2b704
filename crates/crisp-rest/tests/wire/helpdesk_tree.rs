//! Wire tests of the `website.helpdesk` content trees: the tree list, pages
//! and page entities, and each entry's path, content, metadata and page; and
//! that a tree path cannot leave its route (a `/`, `?` or `#` inside a
//! segment stays inside it; `..`, `.` and empty segments are refused before
//! anything is sent).

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Endpoint, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::helpdesk::{
    HelpdeskContentType, HelpdeskPage, HelpdeskTreeEntry, HelpdeskTreeMetadata, HelpdeskTreeMetadataAuthor,
    HelpdeskTreePathUpdate, HelpdeskTreeState, TreePath,
};
use crisp_types::{UserId, WebsiteId};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::single_request;
use crate::common::wire::assert_wire;
use crate::helpdesk_base::{api_error, with_helpdesk};

const GUIDES: HelpdeskContentType = HelpdeskContentType::Guides;

/// Creates the entries at `paths` (in the `guides` tree of `en`), then
/// forgets the requests.
async fn create(fake: &FakeCrisp, client: &Client, website: &WebsiteId, paths: &[&str]) {
    for path in paths {
        client
            .website()
            .create_helpdesk_tree_path(website, "en", GUIDES, &TreePath::parse(path))
            .await
            .unwrap();
    }
    fake.clear_requests();
}

/// The slugs of entries, nested as `slug[child,child]`.
fn outline(entries: &[HelpdeskTreeEntry]) -> Vec<String> {
    entries
        .iter()
        .map(|entry| {
            let slug = entry.slug.clone().unwrap_or_default();
            if entry.children.is_empty() {
                slug
            } else {
                format!("{slug}[{}]", outline(&entry.children).join(","))
            }
        })
        .collect()
}

#[tokio::test]
async fn create_resolve_and_delete_tree_paths() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;
    let page = TreePath::parse("install");

    client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "create_helpdesk_tree_path",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        Some(json!({})),
    );
    let taken = client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &page)
        .await;
    assert_eq!(api_error(taken), (409, "path_exists".to_owned()));
    fake.clear_requests();

    let entry = client
        .website()
        .resolve_helpdesk_tree_path(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_tree_path",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        None,
    );
    assert_eq!(entry.slug.as_deref(), Some("install"));
    assert_eq!(entry.kind.as_deref(), Some("page"));
    assert_eq!(entry.state.and_then(|state| state.published), Some(false));

    client
        .website()
        .delete_helpdesk_tree_path(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk_tree_path",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        None,
    );
    let gone = client
        .website()
        .resolve_helpdesk_tree_path(&website, "en", GUIDES, &page)
        .await;
    assert_eq!(api_error(gone), (404, "path_not_found".to_owned()));
}

#[tokio::test]
async fn created_paths_are_listed_nested_and_searchable() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    create(
        &fake,
        &client,
        &website,
        &["setup/linux", "setup/windows", "faq", "setup/linux/arm64"],
    )
    .await;

    let tree = client
        .website()
        .list_helpdesk_tree(&website, "en", GUIDES, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_tree",
        &[website.as_str(), "en", "guides", "1"],
        &[],
        None,
    );
    assert_eq!(outline(&tree), ["setup[linux[arm64],windows]", "faq"]);
    assert_eq!(tree[0].kind.as_deref(), Some("folder"));

    let below = client
        .website()
        .list_helpdesk_tree(&website, "en", GUIDES, 1)
        .sub_path(TreePath::parse("setup"))
        .search_title("Lin")
        .filter_date_start("2020-01-01T00:00:00Z")
        .filter_date_end("2100-01-01T00:00:00Z")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_tree",
        &[website.as_str(), "en", "guides", "1"],
        &[
            ("sub_path", "setup"),
            ("search_title", "Lin"),
            ("filter_date_start", "2020-01-01T00:00:00Z"),
            ("filter_date_end", "2100-01-01T00:00:00Z"),
        ],
        None,
    );
    assert_eq!(outline(&below), ["linux[arm64]"]);

    // Other content types are other trees.
    let news = client
        .website()
        .list_helpdesk_tree(&website, "en", HelpdeskContentType::News, 1)
        .await
        .unwrap();
    assert!(news.is_empty());
}

#[tokio::test]
async fn the_tree_streams_every_page() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let paths: Vec<String> = (0..23).map(|index| format!("entry-{index:02}")).collect();
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    create(&fake, &client, &website, &refs).await;

    let all: Vec<HelpdeskTreeEntry> = client
        .website()
        .list_helpdesk_tree(&website, "en", GUIDES, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(outline(&all), paths);
    assert_eq!(fake.requests().len(), 3, "pages of 20 and 3, then an empty page");
}

#[tokio::test]
async fn move_and_reorder_a_tree_path() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    create(&fake, &client, &website, &["a", "b", "c", "old/page"]).await;

    let update = HelpdeskTreePathUpdate::new("move").move_to(TreePath::parse("new/page"));
    client
        .website()
        .update_helpdesk_tree_path(&website, "en", GUIDES, &TreePath::parse("old"), update)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_helpdesk_tree_path",
        &[website.as_str(), "en", "guides", "old"],
        &[],
        Some(json!({"action": "move", "path": {"to": "new/page"}})),
    );
    let tree = client
        .website()
        .list_helpdesk_tree(&website, "en", GUIDES, 1)
        .await
        .unwrap();
    assert_eq!(outline(&tree), ["a", "b", "c", "new[page[page]]"]);

    let reorder = HelpdeskTreePathUpdate::new("order").position(0);
    client
        .website()
        .update_helpdesk_tree_path(&website, "en", GUIDES, &TreePath::parse("c"), reorder)
        .await
        .unwrap();
    let tree = client
        .website()
        .list_helpdesk_tree(&website, "en", GUIDES, 1)
        .await
        .unwrap();
    assert_eq!(outline(&tree), ["c", "a", "b", "new[page[page]]"]);
}

#[tokio::test]
async fn saved_content_and_metadata_read_back() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;
    create(&fake, &client, &website, &["install"]).await;
    let page = TreePath::parse("install");

    client
        .website()
        .save_helpdesk_tree_content(&website, "en", GUIDES, &page, "# Install\n\nRun it.")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_helpdesk_tree_content",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        Some(json!({"content": "# Install\n\nRun it."})),
    );
    let content = client
        .website()
        .resolve_helpdesk_tree_content(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_tree_content",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        None,
    );
    assert_eq!(content.content.as_deref(), Some("# Install\n\nRun it."));

    let patch = HelpdeskTreeMetadata::new()
        .title("Install the agent")
        .description("On every platform")
        .author(HelpdeskTreeMetadataAuthor::new(UserId::new("user-1")))
        .state(HelpdeskTreeState::new().published(true));
    client
        .website()
        .update_helpdesk_tree_metadata(&website, "en", GUIDES, &page, patch)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_helpdesk_tree_metadata",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        Some(json!({
            "title": "Install the agent",
            "description": "On every platform",
            "state": {"published": true},
            "author": {"user_id": "user-1"},
        })),
    );
    let metadata = client
        .website()
        .resolve_helpdesk_tree_metadata(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_tree_metadata",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        None,
    );
    assert_eq!(metadata.title.as_deref(), Some("Install the agent"));
    assert_eq!(metadata.format.as_deref(), Some("markdown"));
    let state = metadata.state.unwrap();
    assert_eq!((state.published, state.hidden), (Some(true), Some(false)));
    assert_eq!(metadata.author.unwrap().user_id, Some(UserId::new("user-1")));

    let public = client
        .website()
        .resolve_helpdesk_tree_page(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_tree_page",
        &[website.as_str(), "en", "guides", "install"],
        &[],
        None,
    );
    assert_eq!(public.title.as_deref(), Some("Install the agent"));
    assert_eq!(
        public.url.as_deref(),
        Some("https://acme.crisp.help/en/guides/install/")
    );
}

#[tokio::test]
async fn pages_list_and_resolve_by_entity() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    create(&fake, &client, &website, &["setup/linux", "faq"]).await;

    let pages = client
        .website()
        .list_helpdesk_pages(&website, "en", GUIDES, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_pages",
        &[website.as_str(), "en", "guides", "1"],
        &[],
        None,
    );
    let paths: Vec<Option<TreePath>> = pages.iter().map(|page| page.tree_path.clone()).collect();
    assert_eq!(
        paths,
        [Some(TreePath::parse("setup/linux")), Some(TreePath::parse("faq"))]
    );

    let entity = pages[0].entity_id.clone().unwrap();
    let page = client
        .website()
        .resolve_helpdesk_page_entity(&website, "en", GUIDES, &entity)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_page_entity",
        &[website.as_str(), "en", "guides", entity.as_str()],
        &[],
        None,
    );
    assert_eq!(page, pages[0]);

    // A page's tree path is usable as it is with the tree routes.
    let tree_path = page.tree_path.unwrap();
    let entry = client
        .website()
        .resolve_helpdesk_tree_path(&website, "en", GUIDES, &tree_path)
        .await
        .unwrap();
    assert_eq!(entry.slug.as_deref(), Some("linux"));

    let all: Vec<HelpdeskPage> = client
        .website()
        .list_helpdesk_pages(&website, "en", GUIDES, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn a_tree_path_is_sent_segment_by_segment() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let path = TreePath::parse("getting-started/install linux");
    client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &path)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/helpdesk/tree/path/en/guides/getting-started/install%20linux")
    );
    let entry = client
        .website()
        .resolve_helpdesk_tree_path(&website, "en", GUIDES, &TreePath::parse("getting-started"))
        .await
        .unwrap();
    assert_eq!(outline(&[entry]), ["getting-started[install linux]"]);
}

#[tokio::test]
async fn slash_question_mark_and_hash_stay_inside_their_segment() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let odd = TreePath::new(["faq", "tcp/ip", "why?", "#1"]);

    client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &odd)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/helpdesk/tree/path/en/guides/faq/tcp%2Fip/why%3F/%231")
    );
    assert_eq!(request.raw_query, None, "nothing leaked into a query");
    fake.clear_requests();

    client
        .website()
        .save_helpdesk_tree_content(&website, "en", GUIDES, &odd, "odd but fine")
        .await
        .unwrap();
    let content = client
        .website()
        .resolve_helpdesk_tree_content(&website, "en", GUIDES, &odd)
        .await
        .unwrap();
    assert_eq!(content.content.as_deref(), Some("odd but fine"));

    // Four levels, the slash kept inside the second segment.
    let faq = client
        .website()
        .resolve_helpdesk_tree_path(&website, "en", GUIDES, &TreePath::new(["faq"]))
        .await
        .unwrap();
    assert_eq!(outline(&[faq]), ["faq[tcp/ip[why?[#1]]]"]);
    let split = client
        .website()
        .resolve_helpdesk_tree_path(&website, "en", GUIDES, &TreePath::new(["faq", "tcp", "ip"]))
        .await;
    assert_eq!(api_error(split), (404, "path_not_found".to_owned()));
}

#[tokio::test]
async fn dot_segments_and_empty_paths_are_refused_before_sending() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let bad_paths = [
        TreePath::new(["..", "..", "settings"]),
        TreePath::new(["faq", ".."]),
        TreePath::new(["."]),
        TreePath::new(["faq", ""]),
        TreePath::parse("a//b"),
        TreePath::parse(""),
    ];
    for path in &bad_paths {
        let error = client
            .website()
            .delete_helpdesk_tree_path(&website, "en", GUIDES, path)
            .await
            .unwrap_err();
        assert!(matches!(error, Error::InvalidInput(_)), "{path:?}: {error:?}");
        assert!(error.to_string().contains("`tree_path`"), "{error}");
        let described = client
            .website()
            .resolve_helpdesk_tree_page(&website, "en", GUIDES, path)
            .to_request();
        assert!(matches!(described, Err(Error::InvalidInput(_))), "{path:?}");
    }
    assert!(fake.requests().is_empty(), "nothing was sent: {:#?}", fake.requests());

    // Percent signs are data: `%2E%2E` is a segment of that text, not `..`.
    let encoded = TreePath::new(["%2E%2E"]);
    let request = client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &encoded)
        .to_request()
        .unwrap();
    assert_eq!(
        request.path(),
        format!("website/{website}/helpdesk/tree/path/en/guides/%252E%252E")
    );
}

#[tokio::test]
async fn other_placeholders_stay_one_segment_each() {
    let (_fake, client, website) = with_helpdesk(Tier::User).await;
    let request = client
        .website()
        .resolve_helpdesk_tree_content(&website, "en/../fr", GUIDES, &TreePath::parse("a"))
        .to_request()
        .unwrap();
    assert_eq!(
        request.path(),
        format!("website/{website}/helpdesk/tree/content/en%2F..%2Ffr/guides/a")
    );
    let empty = client
        .website()
        .resolve_helpdesk_tree_content(&website, "", GUIDES, &TreePath::parse("a"))
        .to_request();
    assert!(matches!(empty, Err(Error::InvalidInput(_))));
}
