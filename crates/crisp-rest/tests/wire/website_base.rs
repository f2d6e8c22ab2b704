//! Wire tests of `website.base` (check, create, get, delete, abort deletion),
//! `website.settings`, `website.verify` and `website.availability`: each
//! request against its table row, the decoded answer, and writes read back.

use crisp_rest::Error;
use crisp_transport::Tier;
use crisp_types::WebsiteId;
use crisp_types::availability::AvailabilityType;
use crisp_types::website::{
    OwnerVerification, WebsiteSettingsChatbox, WebsiteSettingsContact, WebsiteSettingsEmails, WebsiteSettingsUpdate,
};
use serde_json::json;

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// `error` is Crisp's `status` error with this `reason`.
fn assert_api_error(error: &Error, status: u16, reason: &str) {
    assert!(matches!(error, Error::Api(_)), "an API error, got {error:?}");
    assert_eq!(error.status().map(|status| status.as_u16()), Some(status), "{error:?}");
    assert_eq!(error.reason(), Some(reason), "{error:?}");
}

#[tokio::test]
async fn create_website_then_check_and_get_it() {
    let (fake, client) = fake_and_client(Tier::User).await;

    let created = client
        .website()
        .create_website("Acme", "acme.example.com")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "create_website",
        &[],
        &[],
        Some(json!({"name": "Acme", "domain": "acme.example.com"})),
    );
    assert_eq!(created.name.as_deref(), Some("Acme"));
    assert_eq!(created.domain.as_deref(), Some("acme.example.com"));
    let website = created.website_id.clone().unwrap();

    assert!(client.website().check_website_exists("acme.example.com").await.unwrap());
    assert_wire(
        &fake,
        "check_website_exists",
        &[],
        &[("domain", "acme.example.com")],
        None,
    );
    assert!(
        !client
            .website()
            .check_website_exists("nowhere.example.com")
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_website_exists",
        &[],
        &[("domain", "nowhere.example.com")],
        None,
    );

    let got = client.website().get_website(&website).await.unwrap();
    assert_wire(&fake, "get_website", &[website.as_str()], &[], None);
    assert_eq!(got, created);
}

#[tokio::test]
async fn get_website_as_plugin_and_unknown_website() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();

    let got = client.website().get_website(&website).await.unwrap();
    assert_wire(&fake, "get_website", &[website.as_str()], &[], None);
    assert_eq!(got.website_id, Some(website.clone()));
    assert!(got.domain.unwrap().ends_with(".example.com"));

    let unknown = WebsiteId::new("00000000-0000-4000-8000-000000000000");
    let error = client.website().get_website(&unknown).await.unwrap_err();
    assert_api_error(&error, 404, "website_not_found");
}

#[tokio::test]
async fn create_website_refuses_plugin_tokens_and_blank_names() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let error = client
        .website()
        .create_website("Acme", "acme.example.com")
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    fake.clear_requests();

    let (_fake, client) = fake_and_client(Tier::User).await;
    let error = client
        .website()
        .create_website(" ", "acme.example.com")
        .await
        .unwrap_err();
    assert_api_error(&error, 400, "invalid_data");
}

#[tokio::test]
async fn delete_website_then_abort_the_deletion() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let domain = client.website().get_website(&website).await.unwrap().domain.unwrap();
    fake.clear_requests();

    let password = fake.user_password();
    client
        .website()
        .delete_website(&website, OwnerVerification::password(password.clone()))
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_website",
        &[website.as_str()],
        &[],
        Some(json!({"verify": {"method": "password", "secret": password}})),
    );
    let error = client.website().get_website(&website).await.unwrap_err();
    assert_api_error(&error, 404, "website_not_found");
    assert!(!client.website().check_website_exists(domain.as_str()).await.unwrap());
    fake.clear_requests();

    client.website().abort_website_deletion(&website).await.unwrap();
    assert_wire(&fake, "abort_website_deletion", &[website.as_str()], &[], None);
    assert_eq!(
        client.website().get_website(&website).await.unwrap().website_id,
        Some(website.clone())
    );
    assert!(client.website().check_website_exists(domain.as_str()).await.unwrap());
}

#[tokio::test]
async fn delete_website_with_a_wrong_password_or_a_plugin_token_is_refused() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let error = client
        .website()
        .delete_website(&website, OwnerVerification::password("not-the-password"))
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    assert!(client.website().get_website(&website).await.is_ok());

    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let error = client
        .website()
        .delete_website(&website, OwnerVerification::password(fake.user_password()))
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    let error = client.website().abort_website_deletion(&website).await.unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}

#[tokio::test]
async fn get_and_update_website_settings() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();

    let settings = client.website().get_website_settings(&website).await.unwrap();
    assert_wire(&fake, "get_website_settings", &[website.as_str()], &[], None);
    assert_eq!(settings.website_id, Some(website.clone()));
    let chatbox = settings.chatbox.clone().unwrap();
    assert_eq!(chatbox.color_theme.as_deref(), Some("default"));
    assert_eq!(settings.emails.clone().unwrap().rating, Some(true));

    let update = WebsiteSettingsUpdate::new()
        .name("Crisp")
        .contact(WebsiteSettingsContact::new().email("contact@crisp.chat"))
        .emails(WebsiteSettingsEmails::new().transcript(false))
        .chatbox(
            WebsiteSettingsChatbox::new()
                .color_theme("blue")
                .blocked_countries(["IT"])
                .blocked_ips(["8.8.8.8"]),
        );
    client
        .website()
        .update_website_settings(&website, update)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_website_settings",
        &[website.as_str()],
        &[],
        Some(json!({
            "name": "Crisp",
            "contact": {"email": "contact@crisp.chat"},
            "emails": {"transcript": false},
            "chatbox": {"color_theme": "blue", "blocked_countries": ["IT"], "blocked_ips": ["8.8.8.8"]},
        })),
    );

    let saved = client.website().get_website_settings(&website).await.unwrap();
    assert_eq!(saved.name.as_deref(), Some("Crisp"));
    assert_eq!(saved.contact.unwrap().email.as_deref(), Some("contact@crisp.chat"));
    let emails = saved.emails.unwrap();
    assert_eq!((emails.transcript, emails.rating), (Some(false), Some(true)));
    let chatbox = saved.chatbox.unwrap();
    assert_eq!(chatbox.color_theme.as_deref(), Some("blue"));
    assert_eq!(chatbox.blocked_countries, Some(vec!["IT".to_owned()]));
    assert_eq!(chatbox.locale.as_deref(), Some("en"), "untouched settings stay");
    assert_eq!(
        client.website().get_website(&website).await.unwrap().name.as_deref(),
        Some("Crisp")
    );
}

#[tokio::test]
async fn update_website_settings_with_a_blank_name_is_invalid() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let error = client
        .website()
        .update_website_settings(&website, WebsiteSettingsUpdate::new().name(""))
        .await
        .unwrap_err();
    assert_api_error(&error, 400, "invalid_data");
}

#[tokio::test]
async fn verify_settings_and_key() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();

    let settings = client.website().get_verify_settings(&website).await.unwrap();
    assert_wire(&fake, "get_verify_settings", &[website.as_str()], &[], None);
    assert_eq!(settings.enabled, Some(false));

    client.website().update_verify_settings(&website, true).await.unwrap();
    assert_wire(
        &fake,
        "update_verify_settings",
        &[website.as_str()],
        &[],
        Some(json!({"enabled": true})),
    );
    assert_eq!(
        client.website().get_verify_settings(&website).await.unwrap().enabled,
        Some(true)
    );
    fake.clear_requests();

    let key = client.website().get_verify_key(&website).await.unwrap();
    assert_wire(&fake, "get_verify_key", &[website.as_str()], &[], None);
    let secret = key.secret.unwrap();
    assert_eq!(secret.len(), 32);

    client.website().roll_verify_key(&website).await.unwrap();
    assert_wire(&fake, "roll_verify_key", &[website.as_str()], &[], Some(json!({})));
    let rolled = client.website().get_verify_key(&website).await.unwrap().secret.unwrap();
    assert_ne!(rolled, secret);
}

#[tokio::test]
async fn website_availability_follows_the_operators() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let owner = fake.website_owner(&website);

    let status = client
        .website()
        .get_website_availability_status(&website)
        .await
        .unwrap();
    assert_wire(&fake, "get_website_availability_status", &[website.as_str()], &[], None);
    assert_eq!(status.status, Some(AvailabilityType::Online));
    assert!(status.since.is_some());

    fake.set_operator_availability(&website, &owner, "away");
    let operators = client
        .website()
        .list_website_operator_availabilities(&website)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_website_operator_availabilities",
        &[website.as_str()],
        &[],
        None,
    );
    assert_eq!(operators.len(), 1);
    assert_eq!(operators[0].user_id, Some(owner));
    assert_eq!(operators[0].kind, Some(AvailabilityType::Away));
    assert_eq!(operators[0].time.clone().unwrap().for_seconds, Some(0));
    let status = client
        .website()
        .get_website_availability_status(&website)
        .await
        .unwrap();
    assert_eq!(status.status, Some(AvailabilityType::Away));
}
