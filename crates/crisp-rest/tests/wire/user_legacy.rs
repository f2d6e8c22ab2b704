//! Wire tests of the legacy `user.session` and `user.account` groups: log
//! in with the fake operator's email and password, use the token pair it
//! answers, read the profile, log out (the token then gets `401`), and ask
//! for a password recovery. Every method is deprecated, hence the
//! `#[allow(deprecated)]` on each test.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Endpoint};
use crisp_transport::{Credentials, Tier, Transport};
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::common::{fake_and_client, single_request};

/// A client whose token the fake does not know: logging in needs none.
fn anonymous(fake: &FakeCrisp) -> Client {
    let transport = Transport::builder(Credentials::new("placeholder", "placeholder"), Tier::User)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    Client::with_base_url(transport, fake.base_url())
}

/// A user-tier client with `credentials`.
fn client_with(fake: &FakeCrisp, credentials: Credentials) -> Client {
    let transport = Transport::builder(credentials, Tier::User)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    Client::with_base_url(transport, fake.base_url())
}

#[tokio::test]
#[allow(deprecated)]
async fn login_answers_credentials_that_logout_destroys() {
    let fake = FakeCrisp::start().await.unwrap();
    let client = anonymous(&fake);
    let (email, password) = (fake.user_email(), fake.user_password());

    let credentials = client.user().create_new_session(&email, &password).await.unwrap();
    assert_wire(
        &fake,
        "create_new_session",
        &[],
        &[],
        Some(json!({"email": email, "password": password})),
    );
    assert_eq!(credentials.key().len(), 64);
    assert!(!format!("{credentials:?}").contains(credentials.key()));

    // The token pair authenticates user-tier calls.
    let session = client_with(&fake, credentials.clone());
    let profile = session.user().get_profile().await.unwrap();
    assert_wire(&fake, "get_profile", &[], &[], None);
    assert_eq!(profile.email, Some(email.clone()));
    assert_eq!(profile.user_id, Some(fake.account_user_id()));
    assert!(profile.first_name.is_some());
    let plans = session.plan().list_all_active_subscriptions().await.unwrap();
    fake.clear_requests();
    assert_eq!(plans.len(), 1);

    session.user().destroy_session().await.unwrap();
    assert_wire(&fake, "destroy_session", &[], &[], Some(json!({})));
    let error = session.user().get_profile().await.unwrap_err();
    assert_wire(&fake, "get_profile", &[], &[], None);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(error.reason(), Some("invalid_session"));
}

#[tokio::test]
#[allow(deprecated)]
async fn login_with_a_wrong_password_is_refused() {
    let fake = FakeCrisp::start().await.unwrap();
    let client = anonymous(&fake);

    let error = client
        .user()
        .create_new_session(fake.user_email(), "not-the-password")
        .token("123456")
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "create_new_session",
        &[],
        &[],
        Some(json!({"email": fake.user_email(), "password": "not-the-password", "token": "123456"})),
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(error.reason(), Some("invalid_credentials"));
}

#[test]
#[allow(deprecated)]
fn the_password_never_shows_in_debug() {
    let transport = Transport::builder(Credentials::new("placeholder", "placeholder"), Tier::User)
        .build()
        .unwrap();
    let client = Client::with_base_url(transport, "http://127.0.0.1:1/v1/");
    let secret = "s3cret-Passw0rd-that-must-not-leak";
    let login = client
        .user()
        .create_new_session("jane@example.com", secret)
        .token("424242");
    for debug in [format!("{login:?}"), format!("{login:#?}")] {
        assert!(!debug.contains(secret), "{debug}");
        assert!(!debug.contains("424242"), "{debug}");
        assert!(debug.contains("jane@example.com"));
        assert!(debug.contains("<redacted>"));
    }
    // The request carries it, of course.
    let body = login.to_request().unwrap().body_json().unwrap();
    assert_eq!(body["password"], secret);
}

#[tokio::test]
#[allow(deprecated)]
async fn recover_session_asks_for_a_recovery_email() {
    let fake = FakeCrisp::start().await.unwrap();
    let client = anonymous(&fake);

    client.user().recover_session("jane@example.com").await.unwrap();
    assert_wire(
        &fake,
        "recover_session",
        &[],
        &[],
        Some(json!({"email": "jane@example.com"})),
    );
    assert_eq!(fake.password_recoveries(), ["jane@example.com"]);
}

#[tokio::test]
#[allow(deprecated)]
async fn profile_and_logout_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let error = client.user().get_profile().await.unwrap_err();
    assert_wire(&fake, "get_profile", &[], &[], None);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
    let error = client.user().destroy_session().await.unwrap_err();
    let request = single_request(&fake);
    assert_eq!(request.path, "/v1/user/session/logout");
    fake.clear_requests();
    assert_eq!(error.reason(), Some("not_allowed"));
}

#[test]
fn legacy_methods_say_what_replaced_them() {
    for name in [
        "create_new_session",
        "recover_session",
        "destroy_session",
        "get_profile",
    ] {
        let info = crisp_rest::endpoints().find(|info| info.api == "UserApi" && info.name == name);
        let note = info.and_then(|info| info.deprecated);
        assert!(
            note.is_some_and(|note| note.contains("removed from")),
            "{name}: {note:?}"
        );
    }
}
