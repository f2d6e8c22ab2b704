//! Helpdesk response models (REST part 3): realistic Crisp responses decode
//! with the expected values, and variants with unknown keys, unknown enum
//! values and `null`s decode too.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::helpdesk::{
    ArticleId, CategoryId, ChangeId, EntityId, Helpdesk, HelpdeskArticleStatus, HelpdeskArticleVisibility,
    HelpdeskDomain, HelpdeskDomainSetupFlow, HelpdeskFeedbackRating, HelpdeskHistoryChange, HelpdeskLocale,
    HelpdeskLocaleArticle, HelpdeskLocaleArticleAlternate, HelpdeskLocaleArticleCategory, HelpdeskLocaleArticleNew,
    HelpdeskLocaleArticlePage, HelpdeskLocaleArticlePublish, HelpdeskLocaleCategory, HelpdeskLocaleCategoryNew,
    HelpdeskLocaleFeedbackItem, HelpdeskLocaleFeedbackRatings, HelpdeskLocaleSection, HelpdeskLocaleSectionNew,
    HelpdeskPage, HelpdeskRedirection, HelpdeskRedirectionNew, HelpdeskSettings, HelpdeskTreeContent,
    HelpdeskTreeEntry, HelpdeskTreeMetadata, HelpdeskTreePage, LocaleId, RedirectionId, SectionId, TreePath,
};
use crisp_types::{Envelope, SessionId, Timestamp, UserId};
use serde::de::DeserializeOwned;
use serde_json::Value;

const HELPDESK: &str = include_str!("fixtures/response_helpdesk.json");
const UNKNOWN: &str = include_str!("fixtures/response_helpdesk_unknown.json");

/// The entry `key` of the fixture file `text`.
fn entry(text: &str, key: &str) -> Value {
    let all: Value = serde_json::from_str(text).unwrap();
    let value = all.get(key).cloned();
    assert!(value.is_some(), "fixture entry {key} is missing");
    value.unwrap()
}

/// Decodes the envelope `key` of the realistic fixture and returns its data.
fn data<T: DeserializeOwned>(key: &str) -> T {
    let envelope: Envelope<T> = serde_json::from_value(entry(HELPDESK, key)).unwrap();
    assert!(!envelope.error);
    envelope.data.unwrap()
}

/// Decodes the bare `data` value `key` of the unknown-values fixture.
fn unknown<T: DeserializeOwned>(key: &str) -> T {
    serde_json::from_value(entry(UNKNOWN, key)).unwrap()
}

fn ms(millis: u64) -> Option<Timestamp> {
    Some(Timestamp::from_millis(millis))
}

// ---- the helpdesk and its locales ------------------------------------------

#[test]
fn helpdesk() {
    let helpdesk: Helpdesk = data("helpdesk");
    assert_eq!(helpdesk.name.as_deref(), Some("Acme Help"));
    assert_eq!(helpdesk.url.as_deref(), Some("https://acme.crisp.help/"));

    let odd: Helpdesk = unknown("helpdesk");
    assert_eq!(odd.name.as_deref(), Some("Acme Help"));
    assert_eq!(odd.url, None);
}

#[test]
fn locales_current_and_older_shapes() {
    let locales: Vec<HelpdeskLocale> = data("locales");
    assert_eq!(locales.len(), 2);
    let en = &locales[0];
    assert_eq!(
        en.locale_id,
        Some(LocaleId::new("8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d"))
    );
    assert_eq!(en.locale.as_deref(), Some("en"));
    let statistics = en.statistics.as_ref().unwrap();
    assert_eq!(statistics.articles.as_ref().unwrap().entries, Some(42));
    assert_eq!(statistics.articles.as_ref().unwrap().groups, Some(5));
    assert_eq!(statistics.news.as_ref().unwrap().entries, Some(3));
    // The Go SDK's (retired) counts.
    assert_eq!(locales[1].articles, Some(12));
    assert_eq!(locales[1].categories, Some(3));
    assert_eq!(locales[1].statistics, None);

    let odd: Vec<HelpdeskLocale> = unknown("locales");
    assert_eq!(
        odd[0].statistics.as_ref().unwrap().articles.as_ref().unwrap().entries,
        Some(1)
    );
    assert_eq!(odd[0].statistics.as_ref().unwrap().guides, None);
    assert_eq!(odd[1], HelpdeskLocale::default());
}

// ---- the retired locale article API ----------------------------------------

#[test]
fn locale_article() {
    let article: HelpdeskLocaleArticle = data("article");
    assert_eq!(
        article.article_id,
        Some(ArticleId::new("0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"))
    );
    assert_eq!(article.title.as_deref(), Some("How to reset my password?"));
    assert_eq!(article.description, None);
    assert_eq!(article.status, Some(HelpdeskArticleStatus::Published));
    assert_eq!(article.visibility, Some(HelpdeskArticleVisibility::Visible));
    assert_eq!(article.featured, Some(true));
    assert_eq!(article.visits, Some(1530));
    assert_eq!(article.order, Some(2));
    assert_eq!(article.created_at, ms(1_690_000_000_000));
    assert_eq!(article.updated_at, ms(1_690_100_000_000));
    assert_eq!(article.published_at, ms(1_690_200_000_000));

    let odd: HelpdeskLocaleArticle = unknown("article");
    assert_eq!(odd.status, Some(HelpdeskArticleStatus::Other("archived".to_owned())));
    assert_eq!(
        odd.visibility,
        Some(HelpdeskArticleVisibility::Other("unlisted".to_owned()))
    );
    assert_eq!(odd.description, None);
}

#[test]
fn locale_article_answers() {
    let new: HelpdeskLocaleArticleNew = data("article_new");
    assert_eq!(
        new.article_id,
        Some(ArticleId::new("0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"))
    );
    assert_eq!(
        unknown::<HelpdeskLocaleArticleNew>("article_new").article_id,
        Some(ArticleId::new("a2"))
    );

    let page: HelpdeskLocaleArticlePage = data("article_page");
    assert_eq!(page.title.as_deref(), Some("How to reset my password?"));
    assert!(page.url.unwrap().ends_with("-1x2y3z/"));
    assert_eq!(unknown::<HelpdeskLocaleArticlePage>("article_page").url, None);

    let category: HelpdeskLocaleArticleCategory = data("article_category");
    assert_eq!(
        category.category_id,
        Some(CategoryId::new("c4a1e2b3-0000-4000-8000-000000000001"))
    );
    assert_eq!(
        category.section_id,
        Some(SectionId::new("5e6f7a8b-0000-4000-8000-000000000002"))
    );
    let odd: HelpdeskLocaleArticleCategory = unknown("article_category");
    assert_eq!(odd.section_id, None);

    let alternates: Vec<HelpdeskLocaleArticleAlternate> = data("article_alternates");
    assert_eq!(alternates[0].locale.as_deref(), Some("fr"));
    let odd: Vec<HelpdeskLocaleArticleAlternate> = unknown("article_alternates");
    assert_eq!(odd[0].article_id, Some(ArticleId::new("a-de")));

    let publish: HelpdeskLocaleArticlePublish = data("article_publish");
    assert!(publish.url.is_some());
    assert_eq!(
        unknown::<HelpdeskLocaleArticlePublish>("article_publish")
            .url
            .as_deref(),
        Some("https://x")
    );
}

#[test]
fn locale_categories_and_sections() {
    let categories: Vec<HelpdeskLocaleCategory> = data("categories");
    let account = &categories[0];
    assert_eq!(account.name.as_deref(), Some("Account"));
    assert_eq!(account.color.as_deref(), Some("#1972f5"));
    assert_eq!(account.order, Some(1));
    assert_eq!(account.created_at, ms(1_680_000_000_000));
    let odd: Vec<HelpdeskLocaleCategory> = unknown("categories");
    assert_eq!(odd[0].order, Some(3));

    let new: HelpdeskLocaleCategoryNew = data("category_new");
    assert!(new.category_id.is_some());
    assert_eq!(
        unknown::<HelpdeskLocaleCategoryNew>("category_new").category_id,
        Some(CategoryId::new("c9"))
    );

    let sections: Vec<HelpdeskLocaleSection> = data("sections");
    assert_eq!(sections[0].name.as_deref(), Some("Security"));
    assert_eq!(sections[0].updated_at, ms(1_681_500_000_000));
    let odd: Vec<HelpdeskLocaleSection> = unknown("sections");
    assert_eq!(odd[0].section_id, Some(SectionId::new("s1")));

    let new: HelpdeskLocaleSectionNew = data("section_new");
    assert!(new.section_id.is_some());
    assert_eq!(
        unknown::<HelpdeskLocaleSectionNew>("section_new").section_id,
        Some(SectionId::new("s9"))
    );
}

// ---- pages and the content tree --------------------------------------------

#[test]
fn pages_carry_a_usable_tree_path() {
    let pages: Vec<HelpdeskPage> = data("pages");
    let page = &pages[0];
    assert_eq!(
        page.entity_id,
        Some(EntityId::new("e1f2a3b4-0000-4000-8000-000000000010"))
    );
    assert_eq!(
        page.tree_path,
        Some(TreePath::new(["getting-started", "install-linux"]))
    );

    let odd: Vec<HelpdeskPage> = unknown("pages");
    assert_eq!(odd[0].tree_path, Some(TreePath::new(["a", "b"])));
    assert_eq!(odd[0].title, None);
}

#[test]
fn tree_entries_nest() {
    let tree: Vec<HelpdeskTreeEntry> = data("tree");
    let folder = &tree[0];
    assert_eq!(folder.kind.as_deref(), Some("folder"));
    assert_eq!(folder.slug.as_deref(), Some("getting-started"));
    assert_eq!(folder.state.as_ref().unwrap().published, Some(true));
    assert_eq!(folder.children.len(), 1);
    assert_eq!(folder.children[0].state.as_ref().unwrap().featured, Some(true));
    assert!(folder.children[0].children.is_empty());

    let odd: Vec<HelpdeskTreeEntry> = unknown("tree");
    assert_eq!(odd[0].kind.as_deref(), Some("symlink"));
    assert!(odd[0].children.is_empty());
    assert_eq!(odd[0].state.as_ref().unwrap().published, Some(false));
}

#[test]
fn tree_content_metadata_and_page() {
    let content: HelpdeskTreeContent = data("tree_content");
    assert_eq!(content.content.as_deref(), Some("# Install\n\nRun `./install.sh`."));
    assert_eq!(
        unknown::<HelpdeskTreeContent>("tree_content").content.as_deref(),
        Some("x")
    );

    let metadata: HelpdeskTreeMetadata = data("tree_metadata");
    assert_eq!(metadata.format.as_deref(), Some("markdown"));
    assert_eq!(metadata.title.as_deref(), Some("Install on Linux"));
    assert_eq!(metadata.state.as_ref().unwrap().featured, Some(true));
    assert_eq!(
        metadata.author.unwrap().user_id,
        Some(UserId::new("0a1b2c3d-0000-4000-8000-000000000042"))
    );
    assert_eq!(metadata.image.as_deref(), Some("https://storage.crisp.chat/linux.png"));
    let odd: HelpdeskTreeMetadata = unknown("tree_metadata");
    assert_eq!(odd.format.as_deref(), Some("html"));
    assert_eq!(odd.state, None);

    let page: HelpdeskTreePage = data("tree_page");
    assert_eq!(page.title.as_deref(), Some("Install on Linux"));
    assert_eq!(unknown::<HelpdeskTreePage>("tree_page").url, None);
}

// ---- history and feedback ---------------------------------------------------

#[test]
fn history_changes() {
    let changes: Vec<HelpdeskHistoryChange> = data("history_changes");
    let change = &changes[0];
    assert_eq!(
        change.change_id,
        Some(ChangeId::new("7c6b5a49-0000-4000-8000-000000000099"))
    );
    assert_eq!(change.author.as_ref().unwrap().name.as_deref(), Some("Jane Doe"));
    assert_eq!(change.edits.as_ref().unwrap().insertions, Some(12));
    assert_eq!(change.edits.as_ref().unwrap().deletions, Some(3));
    assert_eq!(change.created_at, ms(1_700_000_000_000));
    assert_eq!(change.files[0].change.as_deref(), Some("modified"));
    assert_eq!(
        change.files[0].metadata.as_ref().unwrap().title.as_deref(),
        Some("Install on Linux")
    );

    let odd: Vec<HelpdeskHistoryChange> = unknown("history_changes");
    assert!(odd[0].files.is_empty());
    assert_eq!(odd[0].edits.as_ref().unwrap().deletions, None);
}

#[test]
fn feedback_ratings_and_items() {
    let ratings: HelpdeskLocaleFeedbackRatings = data("feedback_ratings");
    let counts = ratings.ratings.unwrap();
    assert_eq!((counts.helpful, counts.unhelpful), (Some(120), Some(14)));
    let odd: HelpdeskLocaleFeedbackRatings = unknown("feedback_ratings");
    assert_eq!(odd.ratings.unwrap().unhelpful, None);

    let items: Vec<HelpdeskLocaleFeedbackItem> = data("feedbacks");
    let item = &items[0];
    assert_eq!(item.rating, Some(HelpdeskFeedbackRating::Unhelpful));
    assert_eq!(item.comment.as_deref(), Some("The screenshot is outdated."));
    let session = item.session.as_ref().unwrap();
    assert_eq!(
        session.session_id,
        Some(SessionId::new("session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"))
    );
    let geolocation = session.geolocation.as_ref().unwrap();
    assert_eq!(geolocation.city.as_deref(), Some("Nantes"));
    assert_eq!(geolocation.coordinates.as_ref().unwrap().latitude, Some(47.2184));
    assert_eq!(
        session.assigned.as_ref().unwrap().user_id,
        Some(UserId::new("0a1b2c3d-0000-4000-8000-000000000042"))
    );
    assert_eq!(item.created_at, ms(1_700_500_000_000));

    let odd: Vec<HelpdeskLocaleFeedbackItem> = unknown("feedbacks");
    assert_eq!(odd[0].rating, Some(HelpdeskFeedbackRating::Other("meh".to_owned())));
    let coordinates = odd[0]
        .session
        .as_ref()
        .unwrap()
        .geolocation
        .as_ref()
        .unwrap()
        .coordinates
        .as_ref();
    assert_eq!(coordinates.unwrap().longitude, Some(2.0));
}

// ---- redirections, settings and domain --------------------------------------

#[test]
fn redirections() {
    let redirections: Vec<HelpdeskRedirection> = data("redirections");
    assert_eq!(redirections[0].path.as_deref(), Some("/en/article/old-slug/"));
    assert_eq!(redirections[0].created_at, ms(1_695_000_000_000));
    let odd: Vec<HelpdeskRedirection> = unknown("redirections");
    assert_eq!(odd[0].redirection_id, Some(RedirectionId::new("r1")));

    let new: HelpdeskRedirectionNew = data("redirection_new");
    assert!(new.redirection_id.is_some());
    assert_eq!(
        unknown::<HelpdeskRedirectionNew>("redirection_new").redirection_id,
        Some(RedirectionId::new("r2"))
    );
}

#[test]
fn settings_in_snake_case_and_older_camel_case() {
    let settings: HelpdeskSettings = data("settings");
    assert_eq!(settings.name.as_deref(), Some("Acme Help"));
    let appearance = settings.appearance.as_ref().unwrap();
    assert_eq!(
        appearance.logos.as_ref().unwrap().favicon.as_deref(),
        Some("https://storage.crisp.chat/fav.png")
    );
    assert_eq!(appearance.color.as_ref().unwrap().mode_changeable, Some(true));
    let behavior = settings.behavior.as_ref().unwrap();
    assert_eq!(behavior.frequently_read, Some(true));
    assert_eq!(behavior.status_health_dead, Some(true));
    assert_eq!(behavior.table_of_contents, Some(true));
    assert_eq!(settings.access.as_ref().unwrap().restrict_mode.as_deref(), Some("none"));
    assert_eq!(
        settings.localization.as_ref().unwrap().writing_locale.as_deref(),
        Some("en")
    );
    assert_eq!(settings.section.as_ref().unwrap().references.as_deref(), Some("API"));
    assert_eq!(settings.service.as_ref().unwrap().mcp_server, Some(true));

    let odd: HelpdeskSettings = unknown("settings");
    let behavior = odd.behavior.unwrap();
    assert_eq!(behavior.frequently_read, Some(true));
    assert_eq!(behavior.show_chatbox, Some(false));
    assert_eq!(odd.appearance.unwrap().color.unwrap().mode.as_deref(), Some("sepia"));
    // Snake case is what goes back on the wire.
    let encoded = serde_json::to_value(HelpdeskSettings::new().behavior(behavior_with_frequently_read())).unwrap();
    assert_eq!(encoded, serde_json::json!({"behavior": {"frequently_read": true}}));
}

fn behavior_with_frequently_read() -> crisp_types::helpdesk::HelpdeskSettingsBehavior {
    crisp_types::helpdesk::HelpdeskSettingsBehavior::new().frequently_read(true)
}

#[test]
fn domain_and_setup_flow() {
    let domain: HelpdeskDomain = data("domain");
    assert_eq!(domain.root.as_deref(), Some("crisp.help"));
    assert_eq!(domain.custom.as_deref(), Some("help.acme.com"));
    assert_eq!(domain.verified, Some(false));
    let odd: HelpdeskDomain = unknown("domain");
    assert_eq!(odd.custom, None);

    let flow: HelpdeskDomainSetupFlow = data("domain_setup");
    let record = &flow.setup.unwrap().records[0];
    assert_eq!(record.kind.as_deref(), Some("CNAME"));
    assert_eq!(record.value.as_deref(), Some("acme.crisp.help"));
    let odd: HelpdeskDomainSetupFlow = unknown("domain_setup");
    assert!(odd.setup.unwrap().records.is_empty());
}
