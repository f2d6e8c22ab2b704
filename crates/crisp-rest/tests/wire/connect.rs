//! Wire tests of the connect groups: `website.connect` (a website's RTM
//! endpoints) and `plugin.connect` (the plugin's account, session, the
//! websites that installed it, and its RTM endpoints).

use crisp_rest::{Error, Paginated};
use crisp_transport::Tier;
use crisp_types::WebsiteId;
use crisp_types::connect::{ConnectEndpoints, ConnectWebsite};
use futures_util::TryStreamExt;

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// The relay URL of `endpoints` (`socket.app`), checked to be the fake's.
fn relay_of(endpoints: ConnectEndpoints, relay: &str) -> String {
    let app = endpoints.socket.and_then(|socket| socket.app).unwrap_or_default();
    assert_eq!(
        app.trim_end_matches('/'),
        relay.trim_end_matches('/'),
        "socket.app is the fake relay"
    );
    app
}

/// The website ids of a list, sorted.
fn website_ids(websites: &[ConnectWebsite]) -> Vec<WebsiteId> {
    let mut ids: Vec<WebsiteId> = websites
        .iter()
        .filter_map(|website| website.website_id.clone())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn website_get_connect_endpoints() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.clear_requests();

    let endpoints = client.website().get_connect_endpoints(&website).await.unwrap();
    assert_wire(&fake, "get_connect_endpoints", &[website.as_str()], &[], None);
    let rescue = endpoints
        .rescue
        .clone()
        .and_then(|rescue| rescue.socket)
        .and_then(|socket| socket.app);
    let app = relay_of(endpoints, &fake.relay_url());
    assert!(
        app.starts_with("http://127.0.0.1:") || app.starts_with("ws://127.0.0.1:"),
        "{app}"
    );
    assert_eq!(rescue.as_deref(), Some(app.as_str()), "the fake rescues to itself");

    let unknown = WebsiteId::new("00000000-0000-0000-0000-000000000000");
    let error = client.website().get_connect_endpoints(&unknown).await.unwrap_err();
    assert_wire(&fake, "get_connect_endpoints", &[unknown.as_str()], &[], None);
    assert_eq!(error.reason(), Some("website_not_found"));
}

#[tokio::test]
async fn plugin_get_connect_account() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let account = client.plugin().get_connect_account().await.unwrap();
    assert_wire(&fake, "get_connect_account", &[], &[], None);
    assert_eq!(account.plugin_id, Some(fake.plugin_id()));
}

#[tokio::test]
async fn plugin_check_connect_session_validity() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let valid = client.plugin().check_connect_session_validity().await.unwrap();
    assert_wire(&fake, "check_connect_session_validity", &[], &[], None);
    assert!(valid);
}

#[tokio::test]
async fn plugin_list_all_connect_websites_sends_both_flags() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let seeded = fake.website_id();
    let added = fake.add_website();
    fake.clear_requests();

    let websites = client.plugin().list_all_connect_websites(1).await.unwrap();
    assert_wire(
        &fake,
        "list_all_connect_websites",
        &["1"],
        &[("filter_configured", "0"), ("include_plan", "0")],
        None,
    );
    let mut expected = vec![seeded.clone(), added];
    expected.sort();
    assert_eq!(website_ids(&websites), expected);
    assert!(
        websites.iter().all(|website| website.plan.is_none()),
        "no plan unless asked"
    );
    assert!(
        websites
            .iter()
            .all(|website| website.token.as_ref().is_some_and(|token| !token.is_empty()))
    );

    let websites = client
        .plugin()
        .list_all_connect_websites(1)
        .filter_configured(true)
        .include_plan(true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_all_connect_websites",
        &["1"],
        &[("filter_configured", "1"), ("include_plan", "1")],
        None,
    );
    assert_eq!(website_ids(&websites), expected);
    let plan = websites[0].plan.clone().expect("include_plan=1 returns the plan");
    assert_eq!(plan.name.as_deref(), Some("Unlimited"));
    assert_eq!(plan.trialing, Some(false));
    assert!(plan.id.is_some_and(|id| !id.is_empty()));
}

#[tokio::test]
async fn plugin_list_all_connect_websites_streams_every_page() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let mut expected = vec![fake.website_id()];
    expected.extend((0..24).map(|_| fake.add_website()));
    expected.sort();
    fake.clear_requests();

    let all: Vec<ConnectWebsite> = client
        .plugin()
        .list_all_connect_websites(1)
        .include_plan(true)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(website_ids(&all), expected, "every website of every page");
    let requests = fake.requests();
    let pages: Vec<&str> = requests.iter().map(|request| request.path.as_str()).collect();
    assert_eq!(
        pages,
        [
            "/v1/plugin/connect/websites/all/1",
            "/v1/plugin/connect/websites/all/2",
            "/v1/plugin/connect/websites/all/3",
        ],
        "pages of 20 and 5, then an empty page"
    );
    assert!(
        requests
            .iter()
            .all(|request| request.query_value("include_plan") == Some("1"))
    );
}

#[tokio::test]
async fn plugin_list_connect_websites_since_sends_the_date_last() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let websites = client
        .plugin()
        .list_connect_websites_since("2020-01-01T00:00:00Z")
        .filter_configured(true)
        .include_plan(true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_connect_websites_since",
        &[],
        &[
            ("filter_configured", "1"),
            ("include_plan", "1"),
            ("date_since", "2020-01-01T00:00:00Z"),
        ],
        None,
    );
    assert_eq!(website_ids(&websites), std::slice::from_ref(&website));
    assert_eq!(websites[0].difference.as_deref(), Some("added"));
    assert!(websites[0].plan.is_some());

    // A date after every connection: nothing changed since.
    let websites = client
        .plugin()
        .list_connect_websites_since("2999-01-01T00:00:00Z")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_connect_websites_since",
        &[],
        &[
            ("filter_configured", "0"),
            ("include_plan", "0"),
            ("date_since", "2999-01-01T00:00:00Z"),
        ],
        None,
    );
    assert!(websites.is_empty(), "{websites:?}");

    // No date: no `date_since` at all.
    let websites = client.plugin().list_connect_websites_since("").await.unwrap();
    assert_wire(
        &fake,
        "list_connect_websites_since",
        &[],
        &[("filter_configured", "0"), ("include_plan", "0")],
        None,
    );
    assert_eq!(website_ids(&websites), [website]);
}

#[tokio::test]
async fn plugin_get_connect_endpoints() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let endpoints = client.plugin().get_connect_endpoints().await.unwrap();
    assert_wire(&fake, "plugin.connect/get_connect_endpoints", &[], &[], None);
    let app = relay_of(endpoints, &fake.relay_url());
    assert!(
        app.starts_with("http://127.0.0.1:") || app.starts_with("ws://127.0.0.1:"),
        "{app}"
    );
}

#[tokio::test]
async fn plugin_routes_refuse_user_tokens() {
    let (fake, client) = fake_and_client(Tier::User).await;
    fake.clear_requests();

    let error = client.plugin().get_connect_account().await.unwrap_err();
    assert_wire(&fake, "get_connect_account", &[], &[], None);
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 403);
    assert_eq!(api.reason(), Some("not_allowed"));
    assert_eq!(api.route(), "get_connect_account");

    let error = client.plugin().check_connect_session_validity().await.unwrap_err();
    assert_wire(&fake, "check_connect_session_validity", &[], &[], None);
    assert_eq!(error.status().map(|status| status.as_u16()), Some(403));
}

#[tokio::test]
async fn plugin_page_zero_is_refused_before_sending() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    fake.clear_requests();

    let error = client
        .plugin()
        .list_all_connect_websites(0)
        .include_plan(true)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "nothing reaches the wire");
}
