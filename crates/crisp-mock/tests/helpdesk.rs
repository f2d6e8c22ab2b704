//! The fake's `website.helpdesk` routes: every route of the group is served
//! (no `404 not_found`) with the tiers the reference gives; the helpdesk and
//! locale must exist; tree paths are read segment by segment and never leave
//! their route; and what a client writes reads back.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

mod common;

use common::{answer_as, auth_headers, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use crisp_types::helpdesk::{HelpdeskContentType, HelpdeskFeedbackRating, TreePath};
use serde_json::json;

/// (verb, path under `/v1/`, user tier only), as the Crisp reference lists them.
const ROUTES: &[(&str, &str, bool)] = &[
    ("HEAD", "website/{w}/helpdesk", false),
    ("GET", "website/{w}/helpdesk", false),
    ("GET", "website/{w}/helpdesk/locales/1", false),
    ("POST", "website/{w}/helpdesk/locale", false),
    ("HEAD", "website/{w}/helpdesk/locale/en", false),
    ("GET", "website/{w}/helpdesk/locale/en", false),
    ("GET", "website/{w}/helpdesk/locale/en/articles/1", false),
    ("POST", "website/{w}/helpdesk/locale/en/article", false),
    ("HEAD", "website/{w}/helpdesk/locale/en/article/{a}", false),
    ("GET", "website/{w}/helpdesk/locale/en/article/{a}", false),
    ("PUT", "website/{w}/helpdesk/locale/en/article/{a}", false),
    ("PATCH", "website/{w}/helpdesk/locale/en/article/{a}", false),
    ("GET", "website/{w}/helpdesk/locale/en/article/{a}/page", false),
    ("GET", "website/{w}/helpdesk/locale/en/article/{a}/category", false),
    ("PATCH", "website/{w}/helpdesk/locale/en/article/{a}/category", false),
    ("GET", "website/{w}/helpdesk/locale/en/article/{a}/alternates", false),
    ("HEAD", "website/{w}/helpdesk/locale/en/article/{a}/alternate/fr", false),
    ("GET", "website/{w}/helpdesk/locale/en/article/{a}/alternate/fr", false),
    ("PUT", "website/{w}/helpdesk/locale/en/article/{a}/alternate/fr", false),
    (
        "DELETE",
        "website/{w}/helpdesk/locale/en/article/{a}/alternate/fr",
        false,
    ),
    ("POST", "website/{w}/helpdesk/locale/en/article/{a}/publish", false),
    ("POST", "website/{w}/helpdesk/locale/en/article/{a}/unpublish", false),
    ("GET", "website/{w}/helpdesk/locale/en/categories/1", false),
    ("POST", "website/{w}/helpdesk/locale/en/category", false),
    ("HEAD", "website/{w}/helpdesk/locale/en/category/{c}", false),
    ("GET", "website/{w}/helpdesk/locale/en/category/{c}", false),
    ("PUT", "website/{w}/helpdesk/locale/en/category/{c}", false),
    ("PATCH", "website/{w}/helpdesk/locale/en/category/{c}", false),
    ("GET", "website/{w}/helpdesk/locale/en/category/{c}/sections/1", false),
    ("POST", "website/{w}/helpdesk/locale/en/category/{c}/section", false),
    ("HEAD", "website/{w}/helpdesk/locale/en/category/{c}/section/{s}", false),
    ("GET", "website/{w}/helpdesk/locale/en/category/{c}/section/{s}", false),
    ("PUT", "website/{w}/helpdesk/locale/en/category/{c}/section/{s}", false),
    (
        "PATCH",
        "website/{w}/helpdesk/locale/en/category/{c}/section/{s}",
        false,
    ),
    ("GET", "website/{w}/helpdesk/page/list/en/guides/1", false),
    ("GET", "website/{w}/helpdesk/page/entity/en/guides/{e}", false),
    ("GET", "website/{w}/helpdesk/tree/list/en/guides/1", false),
    ("POST", "website/{w}/helpdesk/tree/path/en/guides/setup/new", false),
    ("GET", "website/{w}/helpdesk/tree/path/en/guides/setup/linux", false),
    ("PATCH", "website/{w}/helpdesk/tree/path/en/guides/setup/linux", false),
    ("GET", "website/{w}/helpdesk/tree/content/en/guides/setup/linux", false),
    ("PUT", "website/{w}/helpdesk/tree/content/en/guides/setup/linux", false),
    ("GET", "website/{w}/helpdesk/tree/metadata/en/guides/setup/linux", false),
    (
        "PATCH",
        "website/{w}/helpdesk/tree/metadata/en/guides/setup/linux",
        false,
    ),
    ("GET", "website/{w}/helpdesk/tree/page/en/guides/setup/linux", false),
    ("GET", "website/{w}/helpdesk/history/changes/1", false),
    ("GET", "website/{w}/helpdesk/history/change/{h}", false),
    ("POST", "website/{w}/helpdesk/refresh/en/guides", false),
    ("GET", "website/{w}/helpdesk/feedback/ratings/en/guides", false),
    ("GET", "website/{w}/helpdesk/feedback/list/en/guides/1", false),
    ("POST", "website/{w}/helpdesk/import/en/guides", true),
    ("POST", "website/{w}/helpdesk/export/en/guides", true),
    ("GET", "website/{w}/helpdesk/redirections/1", false),
    ("POST", "website/{w}/helpdesk/redirection", false),
    ("HEAD", "website/{w}/helpdesk/redirection/{r}", false),
    ("GET", "website/{w}/helpdesk/redirection/{r}", false),
    ("GET", "website/{w}/helpdesk/settings", false),
    ("PATCH", "website/{w}/helpdesk/settings", false),
    ("GET", "website/{w}/helpdesk/domain", true),
    ("PATCH", "website/{w}/helpdesk/domain", true),
    ("GET", "website/{w}/helpdesk/domain/setup?custom=help.acme.com", true),
    // Removals last, so the other routes still find what they address.
    ("DELETE", "website/{w}/helpdesk/history/change/{h}", false),
    ("DELETE", "website/{w}/helpdesk/redirection/{r}", false),
    ("DELETE", "website/{w}/helpdesk/tree/path/en/guides/setup/linux", false),
    (
        "DELETE",
        "website/{w}/helpdesk/locale/en/category/{c}/section/{s}",
        false,
    ),
    ("DELETE", "website/{w}/helpdesk/locale/en/category/{c}", false),
    ("DELETE", "website/{w}/helpdesk/locale/en/article/{a}", false),
    ("DELETE", "website/{w}/helpdesk/locale/fr", false),
    ("DELETE", "website/{w}/helpdesk", true),
    ("POST", "website/{w}/helpdesk", true),
];

/// A plausible body for a write route.
fn body_for(verb: &str, path: &str, ids: &Ids) -> Option<serde_json::Value> {
    if matches!(verb, "GET" | "HEAD") {
        return None;
    }
    let body = match (verb, path.rsplit('/').next().unwrap_or_default()) {
        ("POST", "helpdesk") => json!({"name": "Acme Help", "domain_basic": "acme"}),
        ("DELETE", "helpdesk") => json!({"verify": {"method": "password", "secret": "s"}}),
        ("POST", "locale") => json!({"locale": "de"}),
        ("POST", "article") => json!({"title": "T"}),
        ("POST", "category") | ("POST", "section") => json!({"name": "N"}),
        ("PUT", _) if path.contains("/alternate/") => json!({"article_id": ids.french}),
        ("PUT", _) if path.contains("/tree/content/") => json!({"content": "x"}),
        ("PUT", _) => json!({"title": "T", "name": "N"}),
        ("PATCH", "category") => json!({"category_id": ids.category}),
        ("PATCH", _) if path.contains("/tree/path/") => json!({"action": "order", "position": 0}),
        ("PATCH", "domain") => json!({"basic": "acme"}),
        ("POST", "redirection") => json!({"path": "/a/", "target": "/b/"}),
        ("POST", _) if path.contains("/import/") => json!({"helpdesk_url": "https://help.example.com"}),
        ("DELETE", _) if path.contains("/history/") => json!({"action": "revert"}),
        _ => json!({}),
    };
    Some(body)
}

/// The ids the route table addresses.
struct Ids {
    article: String,
    french: String,
    category: String,
    section: String,
    entity: String,
    change: String,
    redirection: String,
}

/// Calls `/v1/<path>` as `tier` and returns (status, reason, data).
async fn call(
    fake: &FakeCrisp,
    tier: Tier,
    verb: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> (u16, String, serde_json::Value) {
    if verb == "HEAD" {
        let head = send_raw(
            fake.addr(),
            "HEAD",
            &format!("/v1/{path}"),
            &auth_headers(fake, tier),
            None,
        )
        .await
        .unwrap();
        return (head.status, String::new(), serde_json::Value::Null);
    }
    let answer = answer_as(fake, tier, verb, path, body).await;
    (answer.status, answer.reason, answer.data)
}

/// A fake with a helpdesk holding one of everything; returns the ids.
async fn seeded() -> (FakeCrisp, String, Ids) {
    let fake = FakeCrisp::start().await.unwrap();
    let w = fake.website_id().to_string();
    let base = format!("website/{w}/helpdesk");
    let user = Tier::User;
    let ok = |(status, reason, data): (u16, String, serde_json::Value)| {
        assert!((200..300).contains(&status), "{status} {reason}");
        data
    };
    ok(call(
        &fake,
        user,
        "POST",
        &base,
        Some(json!({"name": "Acme Help", "domain_basic": "acme"})),
    )
    .await);
    ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/locale"),
        Some(json!({"locale": "fr"})),
    )
    .await);
    let article = ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/locale/en/article"),
        Some(json!({"title": "A"})),
    )
    .await);
    let french = ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/locale/fr/article"),
        Some(json!({"title": "B"})),
    )
    .await);
    let category = ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/locale/en/category"),
        Some(json!({"name": "C"})),
    )
    .await);
    let category = category["category_id"].as_str().unwrap().to_owned();
    let section = ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/locale/en/category/{category}/section"),
        Some(json!({"name": "S"})),
    )
    .await);
    let article = article["article_id"].as_str().unwrap().to_owned();
    let french = french["article_id"].as_str().unwrap().to_owned();
    ok(call(
        &fake,
        user,
        "PUT",
        &format!("{base}/locale/en/article/{article}/alternate/fr"),
        Some(json!({"article_id": french})),
    )
    .await);
    ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/tree/path/en/guides/setup/linux"),
        Some(json!({})),
    )
    .await);
    let pages = ok(call(&fake, user, "GET", &format!("{base}/page/list/en/guides/1"), None).await);
    let changes = ok(call(&fake, user, "GET", &format!("{base}/history/changes/1"), None).await);
    let redirection = ok(call(
        &fake,
        user,
        "POST",
        &format!("{base}/redirection"),
        Some(json!({"path": "/x/", "target": "/y/"})),
    )
    .await);
    let ids = Ids {
        article,
        french,
        category,
        section: section["section_id"].as_str().unwrap().to_owned(),
        entity: pages[0]["entity_id"].as_str().unwrap().to_owned(),
        change: changes[0]["change_id"].as_str().unwrap().to_owned(),
        redirection: redirection["redirection_id"].as_str().unwrap().to_owned(),
    };
    (fake, w, ids)
}

#[tokio::test]
async fn every_route_is_served_with_its_tiers() {
    let (fake, w, ids) = seeded().await;
    let fill = |path: &str| {
        path.replace("{w}", &w)
            .replace("{a}", &ids.article)
            .replace("{c}", &ids.category)
            .replace("{s}", &ids.section)
            .replace("{e}", &ids.entity)
            .replace("{h}", &ids.change)
            .replace("{r}", &ids.redirection)
    };
    for (verb, template, user_only) in ROUTES {
        let path = fill(template);
        let body = body_for(verb, &path, &ids);
        let as_plugin = call(&fake, Tier::Plugin, verb, &path, body.clone()).await;
        if *user_only {
            assert_eq!(
                (as_plugin.0, as_plugin.1.as_str()),
                (403, if *verb == "HEAD" { "" } else { "not_allowed" }),
                "{verb} {template} as plugin"
            );
        } else {
            assert_ne!(as_plugin.1, "not_found", "{verb} {template}");
            assert_ne!(as_plugin.1, "not_allowed", "{verb} {template}");
        }
        let as_user = if *user_only || matches!(*verb, "GET" | "HEAD") || as_plugin.0 >= 400 {
            call(&fake, Tier::User, verb, &path, body).await
        } else {
            as_plugin
        };
        assert!(
            (200..300).contains(&as_user.0),
            "{verb} {template}: {} {}",
            as_user.0,
            as_user.1
        );
    }
}

#[tokio::test]
async fn the_website_tier_and_missing_helpdesks_are_refused() {
    let fake = FakeCrisp::start().await.unwrap();
    let w = fake.website_id();
    let website_tier = answer_as(&fake, Tier::Website, "GET", &format!("website/{w}/helpdesk"), None).await;
    assert_eq!(
        (website_tier.status, website_tier.reason.as_str()),
        (403, "not_allowed")
    );
    let missing = answer_as(
        &fake,
        Tier::Plugin,
        "GET",
        &format!("website/{w}/helpdesk/locales/1"),
        None,
    )
    .await;
    assert_eq!((missing.status, missing.reason.as_str()), (404, "helpdesk_not_found"));
    let unknown = answer_as(&fake, Tier::User, "GET", "website/nope/helpdesk", None).await;
    assert_eq!((unknown.status, unknown.reason.as_str()), (404, "website_not_found"));
}

#[tokio::test]
async fn tree_paths_are_read_segment_by_segment() {
    let (fake, w, _) = seeded().await;
    let base = format!("website/{w}/helpdesk/tree");
    let created = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("{base}/path/en/guides/faq/tcp%2Fip"),
        Some(json!({})),
    )
    .await;
    assert_eq!(created.status, 201);
    let faq = answer_as(&fake, Tier::User, "GET", &format!("{base}/path/en/guides/faq"), None).await;
    assert_eq!(faq.data["children"][0]["slug"], "tcp/ip");
    let split = answer_as(
        &fake,
        Tier::User,
        "GET",
        &format!("{base}/path/en/guides/faq/tcp/ip"),
        None,
    )
    .await;
    assert_eq!((split.status, split.reason.as_str()), (404, "path_not_found"));

    for bad in ["faq/..", "faq/%2E%2E", "./faq", "faq//x", "faq/"] {
        let answer = answer_as(
            &fake,
            Tier::User,
            "GET",
            &format!("{base}/content/en/guides/{bad}"),
            None,
        )
        .await;
        assert_eq!((answer.status, answer.reason.as_str()), (400, "invalid_data"), "{bad}");
    }
    let bad_type = answer_as(&fake, Tier::User, "GET", &format!("{base}/list/en/blog/1"), None).await;
    assert_eq!((bad_type.status, bad_type.reason.as_str()), (400, "invalid_data"));
}

#[tokio::test]
async fn what_is_written_reads_back() {
    let (fake, w, ids) = seeded().await;
    let base = format!("website/{w}/helpdesk");
    let user = Tier::User;

    // Locales added are listed, with the size of their trees.
    let locales = answer_as(&fake, user, "GET", &format!("{base}/locales/1"), None).await;
    let codes: Vec<&str> = locales
        .data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["locale"].as_str())
        .collect();
    assert_eq!(codes, ["en", "fr"]);
    assert_eq!(
        locales.data[0]["statistics"]["guides"],
        json!({"entries": 1, "groups": 1})
    );

    // Saved content reads back; metadata merges; publishing shows in the tree.
    let page = "en/guides/setup/linux";
    answer_as(
        &fake,
        user,
        "PUT",
        &format!("{base}/tree/content/{page}"),
        Some(json!({"content": "# Linux"})),
    )
    .await;
    let content = answer_as(&fake, user, "GET", &format!("{base}/tree/content/{page}"), None).await;
    assert_eq!(content.data["content"], "# Linux");
    let patch = json!({"title": "Linux", "state": {"published": true}});
    answer_as(
        &fake,
        user,
        "PATCH",
        &format!("{base}/tree/metadata/{page}"),
        Some(patch),
    )
    .await;
    let tree = answer_as(&fake, user, "GET", &format!("{base}/tree/list/en/guides/1"), None).await;
    let linux = &tree.data[0]["children"][0];
    assert_eq!(linux["title"], "Linux");
    assert_eq!(
        linux["state"],
        json!({"published": true, "hidden": false, "featured": false})
    );
    let bad = answer_as(
        &fake,
        user,
        "PATCH",
        &format!("{base}/tree/metadata/{page}"),
        Some(json!({"state": {"published": "yes"}})),
    )
    .await;
    assert_eq!(bad.status, 400);

    // A published article is published.
    let article = format!("{base}/locale/en/article/{}", ids.article);
    let published = answer_as(&fake, user, "POST", &format!("{article}/publish"), Some(json!({}))).await;
    assert!(
        published.data["url"]
            .as_str()
            .unwrap()
            .starts_with("https://acme.crisp.help/en/article/a-")
    );
    let resolved = answer_as(&fake, user, "GET", &article, None).await;
    assert_eq!(resolved.data["status"], "published");

    // A deleted redirection is gone.
    let redirection = format!("{base}/redirection/{}", ids.redirection);
    answer_as(&fake, user, "DELETE", &redirection, None).await;
    let gone = answer_as(&fake, user, "GET", &redirection, None).await;
    assert_eq!((gone.status, gone.reason.as_str()), (404, "redirection_not_found"));

    // Seeded feedback is counted.
    let path = TreePath::parse("setup/linux");
    fake.add_helpdesk_feedback(
        &fake.website_id(),
        "en",
        HelpdeskContentType::Guides,
        &path,
        HelpdeskFeedbackRating::Helpful,
        "ok",
    );
    let ratings = answer_as(&fake, user, "GET", &format!("{base}/feedback/ratings/en/guides"), None).await;
    assert_eq!(ratings.data["ratings"], json!({"helpful": 1, "unhelpful": 0}));
    let list = answer_as(&fake, user, "GET", &format!("{base}/feedback/list/en/guides/1"), None).await;
    assert_eq!(list.data[0]["article"]["title"], "Linux");
}
