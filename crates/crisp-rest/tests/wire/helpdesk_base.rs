//! Wire tests of the `website.helpdesk` group, part 1: the helpdesk itself
//! (check, resolve, initialize, delete) and its locales. Shared set-up of
//! the `helpdesk_*` modules lives here.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "a test whose set-up fails, or that gets the wrong answer, must stop loudly"
)]

use std::fmt::Debug;

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskLocale, HelpdeskRemoveVerify, HelpdeskVerifyMethod};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// A fake whose seeded website has a helpdesk (`Acme Help` on `acme`, one
/// locale `en`), a client of `tier`, and no recorded request.
pub(crate) async fn with_helpdesk(tier: Tier) -> (FakeCrisp, Client, WebsiteId) {
    let (fake, client) = fake_and_client(tier).await;
    let website = fake.website_id();
    // Initializing takes a user token, whatever the tier under test.
    let user = crate::common::client_for(&fake, Tier::User, std::time::Duration::from_secs(5));
    user.website()
        .initialize_helpdesk(&website, "Acme Help", "acme")
        .await
        .expect("the helpdesk is initialized");
    fake.clear_requests();
    (fake, client, website)
}

/// The HTTP status and Crisp reason of a failed call.
pub(crate) fn api_error<T: Debug>(result: Result<T, Error>) -> (u16, String) {
    match result {
        Err(Error::Api(error)) => (error.status().as_u16(), error.reason().unwrap_or_default().to_owned()),
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// The locale codes of a list.
fn codes(locales: &[HelpdeskLocale]) -> Vec<String> {
    locales.iter().filter_map(|locale| locale.locale.clone()).collect()
}

#[tokio::test]
async fn initialize_check_resolve_and_delete_the_helpdesk() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.clear_requests();

    let missing = client.website().check_helpdesk_exists(&website).await.unwrap();
    assert_wire(&fake, "check_helpdesk_exists", &[website.as_str()], &[], None);
    assert!(!missing);
    let not_yet = client.website().resolve_helpdesk(&website).await;
    assert_eq!(api_error(not_yet), (404, "helpdesk_not_found".to_owned()));
    fake.clear_requests();

    client
        .website()
        .initialize_helpdesk(&website, "Acme Help", "acme")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "initialize_helpdesk",
        &[website.as_str()],
        &[],
        Some(json!({"name": "Acme Help", "domain_basic": "acme"})),
    );
    assert!(client.website().check_helpdesk_exists(&website).await.unwrap());
    fake.clear_requests();

    let helpdesk = client.website().resolve_helpdesk(&website).await.unwrap();
    assert_wire(&fake, "resolve_helpdesk", &[website.as_str()], &[], None);
    assert_eq!(helpdesk.name.as_deref(), Some("Acme Help"));
    assert_eq!(helpdesk.url.as_deref(), Some("https://acme.crisp.help/"));

    let again = client.website().initialize_helpdesk(&website, "Other", "other").await;
    assert_eq!(api_error(again), (409, "helpdesk_exists".to_owned()));
    fake.clear_requests();

    let verify = HelpdeskRemoveVerify::new(HelpdeskVerifyMethod::Password, "correct horse");
    client.website().delete_helpdesk(&website, verify).await.unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk",
        &[website.as_str()],
        &[],
        Some(json!({"verify": {"method": "password", "secret": "correct horse"}})),
    );
    assert!(!client.website().check_helpdesk_exists(&website).await.unwrap());
}

#[tokio::test]
async fn initialize_and_delete_take_a_user_token() {
    let (fake, plugin, website) = with_helpdesk(Tier::Plugin).await;
    let refused = plugin.website().initialize_helpdesk(&website, "Acme", "acme2").await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
    let verify = HelpdeskRemoveVerify::new(HelpdeskVerifyMethod::Token, "123456");
    let refused = plugin.website().delete_helpdesk(&website, verify).await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
    // The plugin tier reads the helpdesk all the same.
    assert!(plugin.website().check_helpdesk_exists(&website).await.unwrap());
    assert_eq!(
        plugin
            .website()
            .resolve_helpdesk(&website)
            .await
            .unwrap()
            .name
            .as_deref(),
        Some("Acme Help")
    );
    drop(fake);
}

#[tokio::test]
async fn add_list_check_resolve_and_delete_locales() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;

    client.website().add_helpdesk_locale(&website, "fr").await.unwrap();
    assert_wire(
        &fake,
        "add_helpdesk_locale",
        &[website.as_str()],
        &[],
        Some(json!({"locale": "fr"})),
    );
    let duplicate = client.website().add_helpdesk_locale(&website, "fr").await;
    assert_eq!(api_error(duplicate), (409, "locale_exists".to_owned()));
    fake.clear_requests();

    let locales = client.website().list_helpdesk_locales(&website, 1).await.unwrap();
    assert_wire(&fake, "list_helpdesk_locales", &[website.as_str(), "1"], &[], None);
    assert_eq!(codes(&locales), ["en", "fr"]);
    let statistics = locales[1].statistics.clone().expect("statistics");
    assert_eq!(statistics.guides.and_then(|guides| guides.entries), Some(0));

    assert!(
        client
            .website()
            .check_helpdesk_locale_exists(&website, "fr")
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_helpdesk_locale_exists",
        &[website.as_str(), "fr"],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_helpdesk_locale_exists(&website, "de")
            .await
            .unwrap()
    );
    fake.clear_requests();

    let fr = client.website().resolve_helpdesk_locale(&website, "fr").await.unwrap();
    assert_wire(&fake, "resolve_helpdesk_locale", &[website.as_str(), "fr"], &[], None);
    assert_eq!(fr.locale.as_deref(), Some("fr"));
    assert_eq!(fr.url.as_deref(), Some("https://acme.crisp.help/fr/"));
    assert!(fr.locale_id.is_some());

    client.website().delete_helpdesk_locale(&website, "fr").await.unwrap();
    assert_wire(&fake, "delete_helpdesk_locale", &[website.as_str(), "fr"], &[], None);
    let gone = client.website().resolve_helpdesk_locale(&website, "fr").await;
    assert_eq!(api_error(gone), (404, "locale_not_found".to_owned()));
}

#[tokio::test]
async fn locales_stream_every_page() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    let mut expected = vec!["en".to_owned()];
    for index in 0..24 {
        let code = format!("x-{}", char::from(b'a' + index));
        client
            .website()
            .add_helpdesk_locale(&website, code.as_str())
            .await
            .unwrap();
        expected.push(code);
    }
    fake.clear_requests();

    let all: Vec<HelpdeskLocale> = client
        .website()
        .list_helpdesk_locales(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(codes(&all), expected);
    let pages: Vec<String> = fake.requests().iter().map(|request| request.path.clone()).collect();
    let paths: Vec<String> = (1..=3)
        .map(|page| format!("/v1/website/{website}/helpdesk/locales/{page}"))
        .collect();
    assert_eq!(pages, paths, "pages of 20 and 5, then an empty page");
}
