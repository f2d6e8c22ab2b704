//! Helpdesk request bodies (REST part 3): the exact JSON each constructor and
//! setter puts on the wire (optional keys left out, `null` sent where Crisp
//! expects it), and that each body reads back unchanged (as the fake Crisp
//! reads them).

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use crisp_types::UserId;
use crisp_types::helpdesk::{
    ArticleId, CategoryId, HelpdeskArticleVisibility, HelpdeskContentType, HelpdeskCreate, HelpdeskDomainChangeRequest,
    HelpdeskHistoryChangeCancel, HelpdeskLocaleAdd, HelpdeskLocaleArticleAdd, HelpdeskLocaleArticleAlternateSave,
    HelpdeskLocaleArticleCategoryUpdate, HelpdeskLocaleArticleUpdate, HelpdeskLocaleCategoryAdd,
    HelpdeskLocaleCategoryUpdate, HelpdeskLocaleExternalImport, HelpdeskLocaleSectionAdd, HelpdeskLocaleSectionUpdate,
    HelpdeskRedirectionAdd, HelpdeskRemove, HelpdeskRemoveVerify, HelpdeskSettings, HelpdeskSettingsAccess,
    HelpdeskSettingsAppearance, HelpdeskSettingsAppearanceLogos, HelpdeskSettingsBehavior, HelpdeskTreeContentSave,
    HelpdeskTreeMetadata, HelpdeskTreeMetadataAuthor, HelpdeskTreePathUpdate, HelpdeskTreeState, HelpdeskVerifyMethod,
    SectionId, TreePath,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Asserts that `body` encodes to exactly `expected`, and that `expected`
/// decodes back to `body`.
fn wire<T: Serialize + DeserializeOwned + PartialEq + Debug>(body: &T, expected: Value) {
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    assert_eq!(&serde_json::from_value::<T>(expected).unwrap(), body);
}

#[test]
fn helpdesk_create_and_remove() {
    wire(
        &HelpdeskCreate::new("Acme Help", "acme"),
        json!({"name": "Acme Help", "domain_basic": "acme"}),
    );
    wire(
        &HelpdeskRemove::new(HelpdeskRemoveVerify::new(HelpdeskVerifyMethod::Token, "123456")),
        json!({"verify": {"method": "token", "secret": "123456"}}),
    );
}

#[test]
fn locale_and_import() {
    wire(&HelpdeskLocaleAdd::new("pt-br"), json!({"locale": "pt-br"}));
    wire(
        &HelpdeskLocaleExternalImport::new("https://help.example.com"),
        json!({"helpdesk_url": "https://help.example.com"}),
    );
    wire(
        &HelpdeskLocaleExternalImport::new("https://help.example.com")
            .detect_locales(false)
            .other_locales(["fr"]),
        json!({"helpdesk_url": "https://help.example.com", "detect_locales": false, "other_locales": ["fr"]}),
    );
}

#[test]
fn tree_bodies() {
    wire(
        &HelpdeskTreePathUpdate::new("move").move_to(TreePath::new(["setup", "linux"])),
        json!({"action": "move", "path": {"to": "setup/linux"}}),
    );
    wire(
        &HelpdeskTreePathUpdate::new("order").position(3),
        json!({"action": "order", "position": 3}),
    );
    wire(&HelpdeskTreeContentSave::new("# Hi"), json!({"content": "# Hi"}));
    wire(&HelpdeskTreeContentSave::new(""), json!({"content": ""}));
    wire(&HelpdeskTreeMetadata::new(), json!({}));
    wire(
        &HelpdeskTreeMetadata::new()
            .format("markdown")
            .title("Install")
            .description("How to install")
            .state(HelpdeskTreeState::new().published(true).hidden(false).featured(true))
            .author(HelpdeskTreeMetadataAuthor::new(UserId::new("u1")))
            .color("#000000")
            .image("https://x/i.png"),
        json!({
            "format": "markdown",
            "title": "Install",
            "description": "How to install",
            "state": {"published": true, "hidden": false, "featured": true},
            "author": {"user_id": "u1"},
            "color": "#000000",
            "image": "https://x/i.png",
        }),
    );
}

#[test]
fn tree_path_json_and_content_type() {
    wire(&TreePath::new(["a", "b", "c"]), json!("a/b/c"));
    wire(&HelpdeskContentType::References, json!("references"));
    wire(&HelpdeskContentType::Other("tutorials".to_owned()), json!("tutorials"));
}

#[test]
fn history_cancel() {
    wire(&HelpdeskHistoryChangeCancel::new("revert"), json!({"action": "revert"}));
}

#[test]
fn redirection_add() {
    wire(
        &HelpdeskRedirectionAdd::new("/old/", "https://example.com/new"),
        json!({"path": "/old/", "target": "https://example.com/new"}),
    );
}

#[test]
fn settings_patch() {
    wire(&HelpdeskSettings::new(), json!({}));
    wire(
        &HelpdeskSettings::new()
            .appearance(HelpdeskSettingsAppearance::new().banner("https://x/b.png").logos(
                HelpdeskSettingsAppearanceLogos {
                    header: Some("https://x/h.png".to_owned()),
                    ..Default::default()
                },
            ))
            .behavior(HelpdeskSettingsBehavior::new().ask_feedback(false).serve_markdown(true))
            .access(HelpdeskSettingsAccess {
                password: Some("secret".to_owned()),
                ..Default::default()
            }),
        json!({
            "appearance": {"logos": {"header": "https://x/h.png"}, "banner": "https://x/b.png"},
            "behavior": {"ask_feedback": false, "serve_markdown": true},
            "access": {"password": "secret"},
        }),
    );
}

#[test]
fn domain_change_sends_null_only_to_clear() {
    wire(&HelpdeskDomainChangeRequest::new(), json!({}));
    wire(
        &HelpdeskDomainChangeRequest::new().basic("acme2"),
        json!({"basic": "acme2"}),
    );
    wire(
        &HelpdeskDomainChangeRequest::new().basic("acme").custom("help.acme.com"),
        json!({"basic": "acme", "custom": "help.acme.com"}),
    );
    wire(
        &HelpdeskDomainChangeRequest::new().clear_custom(),
        json!({"custom": null}),
    );
}

#[test]
fn legacy_article_bodies() {
    wire(&HelpdeskLocaleArticleAdd::new("Reset"), json!({"title": "Reset"}));
    wire(&HelpdeskLocaleArticleUpdate::new(), json!({}));
    wire(
        &HelpdeskLocaleArticleUpdate::new()
            .title("Reset")
            .description("How to")
            .content("Open settings")
            .featured(false)
            .order(4)
            .visibility(HelpdeskArticleVisibility::Hidden),
        json!({
            "title": "Reset",
            "description": "How to",
            "content": "Open settings",
            "featured": false,
            "order": 4,
            "visibility": "hidden",
        }),
    );
    wire(
        &HelpdeskLocaleArticleCategoryUpdate::new(CategoryId::new("c1")),
        json!({"category_id": "c1"}),
    );
    wire(
        &HelpdeskLocaleArticleCategoryUpdate::new(CategoryId::new("c1")).section_id(SectionId::new("s1")),
        json!({"category_id": "c1", "section_id": "s1"}),
    );
    wire(
        &HelpdeskLocaleArticleAlternateSave::new(ArticleId::new("a-fr")),
        json!({"article_id": "a-fr"}),
    );
}

#[test]
fn legacy_category_and_section_bodies() {
    wire(&HelpdeskLocaleCategoryAdd::new("Billing"), json!({"name": "Billing"}));
    wire(
        &HelpdeskLocaleCategoryUpdate::new()
            .name("Billing")
            .description("Plans and invoices")
            .color("#ff0000")
            .image("https://x/c.png")
            .order(1),
        json!({
            "name": "Billing",
            "description": "Plans and invoices",
            "color": "#ff0000",
            "image": "https://x/c.png",
            "order": 1,
        }),
    );
    wire(&HelpdeskLocaleSectionAdd::new("Invoices"), json!({"name": "Invoices"}));
    wire(&HelpdeskLocaleSectionUpdate::new().order(2), json!({"order": 2}));
}
