//! Wire tests of the `website.helpdesk` history of changes, content refresh,
//! import and export, and reader feedback.

use crisp_rest::Paginated;
use crisp_transport::Tier;
use crisp_types::helpdesk::{
    HelpdeskContentType, HelpdeskFeedbackRating, HelpdeskHistoryChange, HelpdeskLocaleExternalImport,
    HelpdeskLocaleFeedbackItem, TreePath,
};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::helpdesk_base::{api_error, with_helpdesk};

const GUIDES: HelpdeskContentType = HelpdeskContentType::Guides;

#[tokio::test]
async fn changes_are_listed_filtered_resolved_and_cancelled() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;
    let install = TreePath::parse("setup/install");
    client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &install)
        .await
        .unwrap();
    client
        .website()
        .save_helpdesk_tree_content(&website, "en", GUIDES, &install, "first")
        .await
        .unwrap();
    client
        .website()
        .save_helpdesk_tree_content(&website, "en", GUIDES, &install, "second\nversion")
        .await
        .unwrap();
    client
        .website()
        .create_helpdesk_tree_path(&website, "en", HelpdeskContentType::News, &TreePath::parse("launch"))
        .await
        .unwrap();
    fake.clear_requests();

    let all = client
        .website()
        .list_helpdesk_history_changes(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_history_changes",
        &[website.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(all.len(), 4);
    let newest = &all[0].files[0];
    assert_eq!(newest.path.as_deref(), Some("en/news/launch.md"));
    assert_eq!(newest.change.as_deref(), Some("added"));

    let filtered = client
        .website()
        .list_helpdesk_history_changes(&website, 1)
        .filter_locale("en")
        .filter_type(GUIDES)
        .filter_tree_path(TreePath::parse("setup"))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_history_changes",
        &[website.as_str(), "1"],
        &[
            ("filter_locale", "en"),
            ("filter_type", "guides"),
            ("filter_tree_path", "setup"),
        ],
        None,
    );
    assert_eq!(filtered.len(), 3);
    let latest = filtered[0].clone();
    assert_eq!(latest.files[0].content.as_deref(), Some("second\nversion"));
    let edits = latest.edits.clone().unwrap();
    assert_eq!((edits.insertions, edits.deletions), (Some(2), Some(1)));

    let change_id = latest.change_id.clone().unwrap();
    let resolved = client
        .website()
        .resolve_helpdesk_history_change(&website, &change_id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_history_change",
        &[website.as_str(), change_id.as_str()],
        &[],
        None,
    );
    assert_eq!(resolved, latest);

    client
        .website()
        .cancel_helpdesk_history_change(&website, &change_id, "revert")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "cancel_helpdesk_history_change",
        &[website.as_str(), change_id.as_str()],
        &[],
        Some(json!({"action": "revert"})),
    );
    // The change is gone, and the content it saved is reverted.
    let gone = client
        .website()
        .resolve_helpdesk_history_change(&website, &change_id)
        .await;
    assert_eq!(api_error(gone), (404, "change_not_found".to_owned()));
    let content = client
        .website()
        .resolve_helpdesk_tree_content(&website, "en", GUIDES, &install)
        .await
        .unwrap();
    assert_eq!(content.content.as_deref(), Some("first"));

    let streamed: Vec<HelpdeskHistoryChange> = client
        .website()
        .list_helpdesk_history_changes(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed.len(), 3);
}

#[tokio::test]
async fn refresh_import_and_export() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;

    client
        .website()
        .request_helpdesk_content_refresh(&website, "en", GUIDES)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_helpdesk_content_refresh",
        &[website.as_str(), "en", "guides"],
        &[],
        Some(json!({})),
    );

    let import = HelpdeskLocaleExternalImport::new("https://help.example.com")
        .detect_locales(true)
        .other_locales(["fr"]);
    client
        .website()
        .import_external_helpdesk_to_locale(&website, "en", HelpdeskContentType::Articles, import)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "import_external_helpdesk_to_locale",
        &[website.as_str(), "en", "articles"],
        &[],
        Some(json!({"helpdesk_url": "https://help.example.com", "detect_locales": true, "other_locales": ["fr"]})),
    );

    client
        .website()
        .export_helpdesk_locale_articles(&website, "en", HelpdeskContentType::Articles)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "export_helpdesk_locale_articles",
        &[website.as_str(), "en", "articles"],
        &[],
        Some(json!({})),
    );

    let unknown_locale = client
        .website()
        .request_helpdesk_content_refresh(&website, "de", GUIDES)
        .await;
    assert_eq!(api_error(unknown_locale), (404, "locale_not_found".to_owned()));
}

#[tokio::test]
async fn import_and_export_take_a_user_token() {
    let (_fake, plugin, website) = with_helpdesk(Tier::Plugin).await;
    let import = HelpdeskLocaleExternalImport::new("https://help.example.com");
    let refused = plugin
        .website()
        .import_external_helpdesk_to_locale(&website, "en", GUIDES, import)
        .await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
    let refused = plugin
        .website()
        .export_helpdesk_locale_articles(&website, "en", GUIDES)
        .await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
    // Refreshing states no tier: plugin tokens may.
    plugin
        .website()
        .request_helpdesk_content_refresh(&website, "en", GUIDES)
        .await
        .unwrap();
}

#[tokio::test]
async fn feedback_ratings_and_list() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;
    let page = TreePath::parse("install");
    client
        .website()
        .create_helpdesk_tree_path(&website, "en", GUIDES, &page)
        .await
        .unwrap();
    for (rating, comment) in [
        (HelpdeskFeedbackRating::Helpful, "Clear"),
        (HelpdeskFeedbackRating::Unhelpful, "Outdated screenshot"),
        (HelpdeskFeedbackRating::Helpful, "Thanks"),
    ] {
        fake.add_helpdesk_feedback(&website, "en", GUIDES, &page, rating, comment);
    }
    fake.add_helpdesk_feedback(
        &website,
        "en",
        HelpdeskContentType::News,
        &page,
        HelpdeskFeedbackRating::Unhelpful,
        "other tree",
    );
    fake.clear_requests();

    let ratings = client
        .website()
        .map_helpdesk_locale_feedback_ratings(&website, "en", GUIDES)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "map_helpdesk_locale_feedback_ratings",
        &[website.as_str(), "en", "guides"],
        &[],
        None,
    );
    let counts = ratings.ratings.unwrap();
    assert_eq!((counts.helpful, counts.unhelpful), (Some(2), Some(1)));

    let none = client
        .website()
        .map_helpdesk_locale_feedback_ratings(&website, "en", GUIDES)
        .filter_date_start("2100-01-01")
        .filter_date_end("2100-12-31")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "map_helpdesk_locale_feedback_ratings",
        &[website.as_str(), "en", "guides"],
        &[("filter_date_start", "2100-01-01"), ("filter_date_end", "2100-12-31")],
        None,
    );
    assert_eq!(none.ratings.unwrap().helpful, Some(0));

    let items = client
        .website()
        .list_helpdesk_locale_feedbacks(&website, "en", GUIDES, 1)
        .filter_date_start("2000-01-01")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_locale_feedbacks",
        &[website.as_str(), "en", "guides", "1"],
        &[("filter_date_start", "2000-01-01")],
        None,
    );
    let comments: Vec<&str> = items.iter().filter_map(|item| item.comment.as_deref()).collect();
    assert_eq!(comments, ["Thanks", "Outdated screenshot", "Clear"], "newest first");
    assert_eq!(items[1].rating, Some(HelpdeskFeedbackRating::Unhelpful));
    let article = items[0].article.clone().unwrap();
    assert_eq!(article.title.as_deref(), Some("install"));
    assert!(items[0].session.as_ref().and_then(|s| s.session_id.as_ref()).is_some());

    let all: Vec<HelpdeskLocaleFeedbackItem> = client
        .website()
        .list_helpdesk_locale_feedbacks(&website, "en", GUIDES, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
}
