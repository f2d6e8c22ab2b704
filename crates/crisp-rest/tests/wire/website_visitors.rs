//! Wire tests of `website.visitors`: counts, the list (and stream), the map
//! (whole world and area: the Go SDK's wide and area variants), chatbox
//! tokens, and blocked visitors per rule.

use crisp_mock::FakeCrisp;
use crisp_rest::{Error, Paginated};
use crisp_transport::Tier;
use crisp_types::{SessionId, WebsiteId};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// `error` is Crisp's `status` error with this `reason`.
fn assert_api_error(error: &Error, status: u16, reason: &str) {
    assert!(matches!(error, Error::Api(_)), "an API error, got {error:?}");
    assert_eq!(error.status().map(|status| status.as_u16()), Some(status), "{error:?}");
    assert_eq!(error.reason(), Some(reason), "{error:?}");
}

/// Two visitors in Paris (one idle) and one in Tokyo, oldest first.
fn seed_visitors(fake: &FakeCrisp, website: &WebsiteId) -> [SessionId; 3] {
    let paris = |nickname: &str, active: bool| {
        json!({
            "nickname": nickname,
            "active": active,
            "geolocation": {"coordinates": {"latitude": 48.8566, "longitude": 2.3522}, "city": "Paris", "country": "FR"},
        })
    };
    [
        fake.add_visitor(website, paris("Anna", true)),
        fake.add_visitor(website, paris("Bruno", false)),
        fake.add_visitor(
            website,
            json!({
                "nickname": "Chiyo",
                "email": "chiyo@example.com",
                "last_page": {"page_title": "Pricing", "page_url": "https://example.com/pricing"},
                "geolocation": {"coordinates": {"latitude": 35.6762, "longitude": 139.6503}, "city": "Tokyo", "country": "JP"},
                "locales": ["ja", "en"],
            }),
        ),
    ]
}

#[tokio::test]
async fn count_and_list_visitors() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let [anna, bruno, chiyo] = seed_visitors(&fake, &website);

    let count = client.website().count_visitors(&website).await.unwrap();
    assert_wire(&fake, "count_visitors", &[website.as_str()], &[], None);
    assert_eq!(
        (count.count, count.active, count.limited),
        (Some(3), Some(2), Some(false))
    );

    let visitors = client.website().list_visitors(&website, 1).await.unwrap();
    assert_wire(&fake, "list_visitors", &[website.as_str(), "1"], &[], None);
    let sessions: Vec<_> = visitors.iter().map(|v| v.session_id.clone().unwrap()).collect();
    assert_eq!(sessions, [chiyo, bruno, anna], "newest first");
    let chiyo = &visitors[0];
    assert_eq!(chiyo.email.as_deref(), Some("chiyo@example.com"));
    assert_eq!(chiyo.locales, ["ja", "en"]);
    assert_eq!(
        chiyo.last_page.clone().unwrap().page_url.as_deref(),
        Some("https://example.com/pricing")
    );
    let geolocation = chiyo.geolocation.clone().unwrap();
    assert_eq!(geolocation.city.as_deref(), Some("Tokyo"));
    assert_eq!(geolocation.coordinates.unwrap().latitude, Some(35.6762));

    let streamed: Vec<_> = client
        .website()
        .list_visitors(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed, visitors);
    assert!(client.website().list_visitors(&website, 2).await.unwrap().is_empty());
}

#[tokio::test]
async fn pinpoint_visitors_on_map_wide_and_area() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let [anna, bruno, chiyo] = seed_visitors(&fake, &website);

    // The Go SDK's PinpointVisitorsOnMapWide: no query.
    let world = client.website().pinpoint_visitors_on_map(&website).await.unwrap();
    assert_wire(&fake, "pinpoint_visitors_on_map", &[website.as_str()], &[], None);
    assert_eq!(world.len(), 2);
    let paris = world[0].visitors.clone().unwrap();
    assert_eq!(paris.count, Some(2));
    let sessions: Vec<_> = paris.sessions.iter().map(|s| s.session_id.clone().unwrap()).collect();
    assert_eq!(sessions, [anna, bruno]);
    assert_eq!(world[1].geolocation.clone().unwrap().city.as_deref(), Some("Tokyo"));
    assert_eq!(world[1].visitors.clone().unwrap().sessions[0].session_id, Some(chiyo));

    // The Go SDK's PinpointVisitorsOnMapArea: the three center values.
    let near_paris = client
        .website()
        .pinpoint_visitors_on_map(&website)
        .center_longitude(2.35)
        .center_latitude(48.85)
        .center_radius(100_u32)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "pinpoint_visitors_on_map",
        &[website.as_str()],
        &[
            ("center_longitude", "2.35"),
            ("center_latitude", "48.85"),
            ("center_radius", "100"),
        ],
        None,
    );
    assert_eq!(near_paris.len(), 1);
    assert_eq!(near_paris[0].visitors.clone().unwrap().count, Some(2));
    assert_eq!(
        near_paris[0].geolocation.clone().unwrap().country.as_deref(),
        Some("FR")
    );
}

#[tokio::test]
async fn pinpoint_visitors_on_map_rejects_partial_or_non_finite_centers() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();

    let error = client
        .website()
        .pinpoint_visitors_on_map(&website)
        .center_radius(10_u32)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "pinpoint_visitors_on_map",
        &[website.as_str()],
        &[("center_radius", "10")],
        None,
    );
    assert_api_error(&error, 400, "invalid_data");

    let error = client
        .website()
        .pinpoint_visitors_on_map(&website)
        .center_longitude(f64::NAN)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "nothing is sent");
}

#[tokio::test]
async fn get_session_identifier_from_token() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let [anna, ..] = seed_visitors(&fake, &website);
    let token = fake.add_visitor_token(&website, &anna);

    let found = client
        .website()
        .get_session_identifier_from_token(&website, &token)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_session_identifier_from_token",
        &[website.as_str(), token.as_str()],
        &[],
        None,
    );
    assert_eq!(found.session_id, Some(anna));

    let error = client
        .website()
        .get_session_identifier_from_token(&website, "no-such-token")
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "token_not_found");
}

#[tokio::test]
async fn blocked_visitors_count_per_rule_and_clear() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    fake.add_blocked_visitors(&website, "ip", 3);
    fake.add_blocked_visitors(&website, "country", 2);

    let all = client.website().count_blocked_visitors(&website).await.unwrap();
    assert_wire(&fake, "count_blocked_visitors", &[website.as_str()], &[], None);
    let counts: Vec<_> = all.iter().map(|b| (b.rule.clone(), b.blocked)).collect();
    assert_eq!(
        counts,
        [(vec!["country".to_owned()], Some(2)), (vec!["ip".to_owned()], Some(3)),]
    );

    let ip = client
        .website()
        .count_blocked_visitors_in_rule(&website, "ip")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "count_blocked_visitors_in_rule",
        &[website.as_str(), "ip"],
        &[],
        None,
    );
    assert_eq!((ip.rule, ip.blocked), (vec!["ip".to_owned()], Some(3)));

    client
        .website()
        .clear_blocked_visitors_in_rule(&website, "ip")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "clear_blocked_visitors_in_rule",
        &[website.as_str(), "ip"],
        &[],
        None,
    );
    let ip = client
        .website()
        .count_blocked_visitors_in_rule(&website, "ip")
        .await
        .unwrap();
    assert_eq!(ip.blocked, Some(0));
    let all = client.website().count_blocked_visitors(&website).await.unwrap();
    assert_eq!(all.len(), 1);
}

#[tokio::test]
async fn blocked_visitors_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let error = client.website().count_blocked_visitors(&website).await.unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
    let error = client
        .website()
        .clear_blocked_visitors_in_rule(&website, "ip")
        .await
        .unwrap_err();
    assert_api_error(&error, 403, "not_allowed");
}
