//! Wire tests of the retired `website.helpdesk` locale article routes (Node
//! SDK 9.x and 10.x), kept `#[deprecated]`: articles, their page, category,
//! alternates and publication.

#![allow(deprecated, reason = "these tests exercise the retired routes on purpose")]
#![allow(clippy::unwrap_used, reason = "test helpers outside #[test] fns may unwrap too")]

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Paginated};
use crisp_transport::Tier;
use crisp_types::WebsiteId;
use crisp_types::helpdesk::{
    ArticleId, CategoryId, HelpdeskArticleStatus, HelpdeskArticleVisibility, HelpdeskLocaleArticle,
    HelpdeskLocaleArticleUpdate, SectionId,
};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::helpdesk_base::{api_error, with_helpdesk};

/// Adds an article titled `title` to `locale`; requests are forgotten.
async fn article(fake: &FakeCrisp, client: &Client, website: &WebsiteId, locale: &str, title: &str) -> ArticleId {
    let added = client
        .website()
        .add_new_helpdesk_locale_article(website, locale, title)
        .await
        .unwrap();
    fake.clear_requests();
    added.article_id.unwrap()
}

/// The titles of articles.
fn titles(articles: &[HelpdeskLocaleArticle]) -> Vec<String> {
    articles.iter().filter_map(|article| article.title.clone()).collect()
}

#[tokio::test]
async fn add_check_resolve_save_update_and_delete_an_article() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;

    let added = client
        .website()
        .add_new_helpdesk_locale_article(&website, "en", "Reset your password")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "add_new_helpdesk_locale_article",
        &[website.as_str(), "en"],
        &[],
        Some(json!({"title": "Reset your password"})),
    );
    let id = added.article_id.unwrap();

    assert!(
        client
            .website()
            .check_helpdesk_locale_article_exists(&website, "en", &id)
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_helpdesk_locale_article_exists",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );

    let save = HelpdeskLocaleArticleUpdate::new()
        .title("Reset a password")
        .description("For every account")
        .content("Open **Settings**.")
        .featured(true)
        .order(3);
    client
        .website()
        .save_helpdesk_locale_article(&website, "en", &id, save)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_helpdesk_locale_article",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(json!({
            "title": "Reset a password",
            "description": "For every account",
            "content": "Open **Settings**.",
            "featured": true,
            "order": 3,
        })),
    );

    let update = HelpdeskLocaleArticleUpdate::new().visibility(HelpdeskArticleVisibility::Hidden);
    client
        .website()
        .update_helpdesk_locale_article(&website, "en", &id, update)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_helpdesk_locale_article",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(json!({"visibility": "hidden"})),
    );

    let resolved = client
        .website()
        .resolve_helpdesk_locale_article(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_locale_article",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );
    assert_eq!(resolved.title.as_deref(), Some("Reset a password"));
    assert_eq!(resolved.content.as_deref(), Some("Open **Settings**."));
    assert_eq!(resolved.featured, Some(true));
    assert_eq!(resolved.order, Some(3));
    assert_eq!(resolved.visibility, Some(HelpdeskArticleVisibility::Hidden));
    assert_eq!(resolved.status, Some(HelpdeskArticleStatus::Draft));

    let page = client
        .website()
        .resolve_helpdesk_locale_article_page(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_locale_article_page",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );
    assert_eq!(page.title.as_deref(), Some("Reset a password"));
    assert!(
        page.url
            .unwrap()
            .starts_with("https://acme.crisp.help/en/article/reset-a-password-")
    );

    client
        .website()
        .delete_helpdesk_locale_article(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk_locale_article",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_helpdesk_locale_article_exists(&website, "en", &id)
            .await
            .unwrap()
    );
    let gone = client
        .website()
        .resolve_helpdesk_locale_article(&website, "en", &id)
        .await;
    assert_eq!(api_error(gone), (404, "article_not_found".to_owned()));
}

#[tokio::test]
async fn a_published_article_is_published() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let id = article(&fake, &client, &website, "en", "Getting started").await;

    let published = client
        .website()
        .publish_helpdesk_locale_article(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "publish_helpdesk_locale_article",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(json!({})),
    );
    let url = published.url.unwrap();
    let article = client
        .website()
        .resolve_helpdesk_locale_article(&website, "en", &id)
        .await
        .unwrap();
    assert_eq!(article.status, Some(HelpdeskArticleStatus::Published));
    assert!(article.published_at.is_some());
    assert_eq!(article.url.as_deref(), Some(url.as_str()));
    fake.clear_requests();

    client
        .website()
        .unpublish_helpdesk_locale_article(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "unpublish_helpdesk_locale_article",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(json!({})),
    );
    let article = client
        .website()
        .resolve_helpdesk_locale_article(&website, "en", &id)
        .await
        .unwrap();
    assert_eq!(article.status, Some(HelpdeskArticleStatus::Draft));
}

#[tokio::test]
async fn list_articles_with_every_filter() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let category = client
        .website()
        .add_helpdesk_locale_category(&website, "en", "Account")
        .await
        .unwrap()
        .category_id
        .unwrap();
    let section = client
        .website()
        .add_helpdesk_locale_section(&website, "en", &category, "Security")
        .await
        .unwrap()
        .section_id
        .unwrap();
    let filed = article(&fake, &client, &website, "en", "Two-factor login").await;
    article(&fake, &client, &website, "en", "Billing FAQ").await;
    client
        .website()
        .update_helpdesk_locale_article_category(&website, "en", &filed, category.clone())
        .section_id(section.clone())
        .await
        .unwrap();
    client
        .website()
        .publish_helpdesk_locale_article(&website, "en", &filed)
        .await
        .unwrap();
    fake.clear_requests();

    let all = client
        .website()
        .list_helpdesk_locale_articles(&website, "en", 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_locale_articles",
        &[website.as_str(), "en", "1"],
        &[],
        None,
    );
    assert_eq!(titles(&all), ["Two-factor login", "Billing FAQ"]);
    assert_eq!(all[0].content, None, "lists leave the content out");

    let filtered = client
        .website()
        .list_helpdesk_locale_articles(&website, "en", 1)
        .order_visits(true)
        .search_title("login")
        .filter_category_id(category.clone())
        .filter_section_id(section.clone())
        .filter_status_published(true)
        .filter_status_draft(false)
        .filter_visibility_visible(true)
        .filter_visibility_hidden(false)
        .filter_date_start("2000-01-01T00:00:00Z")
        .filter_date_end("2100-01-01T00:00:00Z")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_locale_articles",
        &[website.as_str(), "en", "1"],
        &[
            ("order_visits", "1"),
            ("search_title", "login"),
            ("filter_category_id", category.as_str()),
            ("filter_section_id", section.as_str()),
            ("filter_status_published", "1"),
            ("filter_status_draft", "0"),
            ("filter_visibility_visible", "1"),
            ("filter_visibility_hidden", "0"),
            ("filter_date_start", "2000-01-01T00:00:00Z"),
            ("filter_date_end", "2100-01-01T00:00:00Z"),
        ],
        None,
    );
    assert_eq!(titles(&filtered), ["Two-factor login"]);

    let drafts = client
        .website()
        .list_helpdesk_locale_articles(&website, "en", 1)
        .filter_status_draft(true)
        .await
        .unwrap();
    assert_eq!(titles(&drafts), ["Billing FAQ"]);

    for index in 0..20 {
        article(&fake, &client, &website, "en", &format!("Article {index}")).await;
    }
    let streamed: Vec<HelpdeskLocaleArticle> = client
        .website()
        .list_helpdesk_locale_articles(&website, "en", 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed.len(), 22);
}

#[tokio::test]
async fn file_an_article_in_a_category() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;
    let id = article(&fake, &client, &website, "en", "Invoices").await;
    let category = client
        .website()
        .add_helpdesk_locale_category(&website, "en", "Billing")
        .await
        .unwrap()
        .category_id
        .unwrap();
    fake.clear_requests();

    client
        .website()
        .update_helpdesk_locale_article_category(&website, "en", &id, category.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_helpdesk_locale_article_category",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(json!({"category_id": category.as_str()})),
    );
    let filed = client
        .website()
        .resolve_helpdesk_locale_article_category(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_locale_article_category",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );
    assert_eq!(filed.category_id, Some(category.clone()));
    assert_eq!(filed.section_id, None);

    let unknown = client
        .website()
        .update_helpdesk_locale_article_category(&website, "en", &id, category)
        .section_id(SectionId::new("no-such-section"))
        .await;
    assert_eq!(api_error(unknown), (404, "section_not_found".to_owned()));
    let unknown = client
        .website()
        .update_helpdesk_locale_article_category(&website, "en", &id, CategoryId::new("nope"))
        .await;
    assert_eq!(api_error(unknown), (404, "category_not_found".to_owned()));
}

#[tokio::test]
async fn link_list_check_resolve_and_unlink_alternates() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    client.website().add_helpdesk_locale(&website, "fr").await.unwrap();
    let english = article(&fake, &client, &website, "en", "Pricing").await;
    let french = article(&fake, &client, &website, "fr", "Tarifs").await;

    client
        .website()
        .save_helpdesk_locale_article_alternate(&website, "en", &english, "fr", french.clone())
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_helpdesk_locale_article_alternate",
        &[website.as_str(), "en", english.as_str(), "fr"],
        &[],
        Some(json!({"article_id": french.as_str()})),
    );

    let alternates = client
        .website()
        .list_helpdesk_locale_article_alternates(&website, "en", &english)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_locale_article_alternates",
        &[website.as_str(), "en", english.as_str()],
        &[],
        None,
    );
    assert_eq!(alternates.len(), 1);
    assert_eq!(alternates[0].locale.as_deref(), Some("fr"));
    assert_eq!(alternates[0].article_id.as_ref(), Some(&french));

    assert!(
        client
            .website()
            .check_helpdesk_locale_article_alternate_exists(&website, "en", &english, "fr")
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_helpdesk_locale_article_alternate_exists",
        &[website.as_str(), "en", english.as_str(), "fr"],
        &[],
        None,
    );

    let alternate = client
        .website()
        .resolve_helpdesk_locale_article_alternate(&website, "en", &english, "fr")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_locale_article_alternate",
        &[website.as_str(), "en", english.as_str(), "fr"],
        &[],
        None,
    );
    assert_eq!(alternate.article_id, Some(french.clone()));

    client
        .website()
        .delete_helpdesk_locale_article_alternate(&website, "en", &english, "fr")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk_locale_article_alternate",
        &[website.as_str(), "en", english.as_str(), "fr"],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_helpdesk_locale_article_alternate_exists(&website, "en", &english, "fr")
            .await
            .unwrap()
    );

    let missing = client
        .website()
        .save_helpdesk_locale_article_alternate(&website, "en", &english, "fr", ArticleId::new("nope"))
        .await;
    assert_eq!(api_error(missing), (404, "article_not_found".to_owned()));
}

#[test]
fn every_retired_route_names_its_replacement() {
    let retired: Vec<_> = crisp_rest::endpoints()
        .filter(|info| info.path.contains("/helpdesk/locale/{locale}/"))
        .collect();
    assert_eq!(
        retired.len(),
        31,
        "17 article routes, 7 category routes, 7 section routes"
    );
    for info in retired {
        let note = info.deprecated.unwrap_or_default();
        assert!(
            note.contains("helpdesk_tree") && note.contains("Node SDK 11"),
            "{}: {note:?}",
            info.name
        );
    }
    let current = crisp_rest::endpoints()
        .filter(|info| info.path.starts_with("website/{website_id}/helpdesk"))
        .filter(|info| info.deprecated.is_none())
        .count();
    assert_eq!(current, 39);
}
