//! Wire tests of the retired `website.helpdesk` locale category and section
//! routes (Node SDK 9.x and 10.x), kept `#[deprecated]`.

#![allow(deprecated, reason = "these tests exercise the retired routes on purpose")]

use crisp_rest::Paginated;
use crisp_transport::Tier;
use crisp_types::helpdesk::{
    HelpdeskLocaleCategory, HelpdeskLocaleCategoryUpdate, HelpdeskLocaleSection, HelpdeskLocaleSectionUpdate,
};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::helpdesk_base::{api_error, with_helpdesk};

#[tokio::test]
async fn add_list_check_resolve_save_update_and_delete_categories() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;

    let added = client
        .website()
        .add_helpdesk_locale_category(&website, "en", "Billing")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "add_helpdesk_locale_category",
        &[website.as_str(), "en"],
        &[],
        Some(json!({"name": "Billing"})),
    );
    let id = added.category_id.unwrap();

    let listed = client
        .website()
        .list_helpdesk_locale_categories(&website, "en", 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_locale_categories",
        &[website.as_str(), "en", "1"],
        &[],
        None,
    );
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name.as_deref(), Some("Billing"));

    assert!(
        client
            .website()
            .check_helpdesk_locale_category_exists(&website, "en", &id)
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_helpdesk_locale_category_exists",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );

    let save = HelpdeskLocaleCategoryUpdate::new()
        .name("Billing & plans")
        .description("Invoices, refunds, plans")
        .color("#ff8800")
        .order(2);
    client
        .website()
        .save_helpdesk_locale_category(&website, "en", &id, save)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_helpdesk_locale_category",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(
            json!({"name": "Billing & plans", "description": "Invoices, refunds, plans", "color": "#ff8800", "order": 2}),
        ),
    );

    let update = HelpdeskLocaleCategoryUpdate::new().image("https://cdn.example.com/billing.png");
    client
        .website()
        .update_helpdesk_locale_category(&website, "en", &id, update)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_helpdesk_locale_category",
        &[website.as_str(), "en", id.as_str()],
        &[],
        Some(json!({"image": "https://cdn.example.com/billing.png"})),
    );

    let category = client
        .website()
        .resolve_helpdesk_locale_category(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_locale_category",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );
    assert_eq!(category.name.as_deref(), Some("Billing & plans"));
    assert_eq!(category.color.as_deref(), Some("#ff8800"));
    assert_eq!(category.image.as_deref(), Some("https://cdn.example.com/billing.png"));
    assert_eq!(category.order, Some(2));

    client
        .website()
        .delete_helpdesk_locale_category(&website, "en", &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk_locale_category",
        &[website.as_str(), "en", id.as_str()],
        &[],
        None,
    );
    let gone = client
        .website()
        .resolve_helpdesk_locale_category(&website, "en", &id)
        .await;
    assert_eq!(api_error(gone), (404, "category_not_found".to_owned()));
}

#[tokio::test]
async fn add_list_check_resolve_save_update_and_delete_sections() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let category = client
        .website()
        .add_helpdesk_locale_category(&website, "en", "Account")
        .await
        .unwrap()
        .category_id
        .unwrap();
    fake.clear_requests();

    let added = client
        .website()
        .add_helpdesk_locale_section(&website, "en", &category, "Security")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "add_helpdesk_locale_section",
        &[website.as_str(), "en", category.as_str()],
        &[],
        Some(json!({"name": "Security"})),
    );
    let id = added.section_id.unwrap();

    let sections = client
        .website()
        .list_helpdesk_locale_sections(&website, "en", &category, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_helpdesk_locale_sections",
        &[website.as_str(), "en", category.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].section_id.as_ref(), Some(&id));

    assert!(
        client
            .website()
            .check_helpdesk_locale_section_exists(&website, "en", &category, &id)
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_helpdesk_locale_section_exists",
        &[website.as_str(), "en", category.as_str(), id.as_str()],
        &[],
        None,
    );

    let save = HelpdeskLocaleSectionUpdate::new().name("Security & login").order(1);
    client
        .website()
        .save_helpdesk_locale_section(&website, "en", &category, &id, save)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_helpdesk_locale_section",
        &[website.as_str(), "en", category.as_str(), id.as_str()],
        &[],
        Some(json!({"name": "Security & login", "order": 1})),
    );

    let update = HelpdeskLocaleSectionUpdate::new().order(5);
    client
        .website()
        .update_helpdesk_locale_section(&website, "en", &category, &id, update)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_helpdesk_locale_section",
        &[website.as_str(), "en", category.as_str(), id.as_str()],
        &[],
        Some(json!({"order": 5})),
    );

    let section = client
        .website()
        .resolve_helpdesk_locale_section(&website, "en", &category, &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_locale_section",
        &[website.as_str(), "en", category.as_str(), id.as_str()],
        &[],
        None,
    );
    assert_eq!(section.name.as_deref(), Some("Security & login"));
    assert_eq!(section.order, Some(5));
    assert!(section.updated_at >= section.created_at);

    client
        .website()
        .delete_helpdesk_locale_section(&website, "en", &category, &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk_locale_section",
        &[website.as_str(), "en", category.as_str(), id.as_str()],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_helpdesk_locale_section_exists(&website, "en", &category, &id)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn categories_and_sections_stream_every_page() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    for index in 0..21 {
        client
            .website()
            .add_helpdesk_locale_category(&website, "en", format!("Category {index}"))
            .await
            .unwrap();
    }
    let category = client
        .website()
        .list_helpdesk_locale_categories(&website, "en", 1)
        .await
        .unwrap()[0]
        .category_id
        .clone()
        .unwrap();
    for index in 0..3 {
        client
            .website()
            .add_helpdesk_locale_section(&website, "en", &category, format!("Section {index}"))
            .await
            .unwrap();
    }
    fake.clear_requests();

    let categories: Vec<HelpdeskLocaleCategory> = client
        .website()
        .list_helpdesk_locale_categories(&website, "en", 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(categories.len(), 21);
    let sections: Vec<HelpdeskLocaleSection> = client
        .website()
        .list_helpdesk_locale_sections(&website, "en", &category, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<String> = sections.iter().filter_map(|s| s.name.clone()).collect();
    assert_eq!(names, ["Section 0", "Section 1", "Section 2"]);
}
