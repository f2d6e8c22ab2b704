//! People profile and plugin connect models.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::connect::{
    ConnectAccount, ConnectEndpoints, ConnectPlan, ConnectRescue, ConnectSocket, ConnectWebsite,
};
use crisp_types::people::{
    PeopleCompany, PeopleEmployment, PeoplePerson, PeopleProfile, PeopleProfileNew, PeopleProfileUpdateCard,
};
use crisp_types::{Envelope, PeopleId, PluginId, Timestamp, WebsiteId};
use serde_json::{Value, json};

fn full_profile() -> Value {
    json!({
        "people_id": "c5d6a1e2-4f7b-4c8d-9e0f-1a2b3c4d5e6f",
        "email": "valerian@crisp.chat",
        "person": {
            "nickname": "Valerian Saliou",
            "avatar": "https://avatar.crisp.chat/v.png",
            "gender": "male",
            "phone": "+33600000000",
            "address": "Nantes, France",
            "description": "Founder",
            "website": "https://valeriansaliou.name",
            "timezone": -60,
            "profiles": [{"type": "twitter", "handle": "valeriansaliou", "url": "https://twitter.com/valeriansaliou"}],
            "employment": {"name": "Crisp", "domain": "crisp.chat", "title": "CTO", "role": "engineering", "seniority": "executive"},
            "geolocation": {"country": "FR", "region": "Pays de la Loire", "city": "Nantes",
                            "coordinates": {"latitude": 47.2184, "longitude": -1.5536}},
            "locales": ["fr", "en"]
        },
        "company": {
            "name": "Crisp",
            "legal_name": "Crisp IM SAS",
            "domain": "crisp.chat",
            "url": "https://crisp.chat",
            "description": "Customer messaging",
            "timezone": -60,
            "phones": ["+33200000000"],
            "emails": ["contact@crisp.chat"],
            "geolocation": {"country": "FR", "city": "Nantes"},
            "metrics": {"employees": 20, "market_cap": 12000000000u64, "raised": 0, "arr": 5000000},
            "tags": ["saas", "chat"]
        },
        "segments": ["founder", "vip"],
        "notepad": "Met at a conference",
        "active": {"now": false, "last": 1634087200000u64},
        "score": 87,
        "created_at": 1500000000000u64,
        "updated_at": 1634087200000u64
    })
}

#[test]
fn full_profile_decodes_and_round_trips() {
    let raw = full_profile();
    let profile: PeopleProfile = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        profile.people_id,
        Some(PeopleId::from("c5d6a1e2-4f7b-4c8d-9e0f-1a2b3c4d5e6f"))
    );
    assert_eq!(profile.email.as_deref(), Some("valerian@crisp.chat"));
    let person = profile.person.clone().unwrap();
    assert_eq!(person.nickname.as_deref(), Some("Valerian Saliou"));
    assert_eq!(person.timezone, Some(-60));
    assert_eq!(person.profiles[0].kind.as_deref(), Some("twitter"));
    assert_eq!(person.profiles[0].handle.as_deref(), Some("valeriansaliou"));
    assert_eq!(
        person.employment.as_ref().and_then(|e| e.seniority.as_deref()),
        Some("executive")
    );
    assert_eq!(
        person
            .geolocation
            .as_ref()
            .and_then(|g| g.coordinates)
            .and_then(|c| c.longitude),
        Some(-1.5536)
    );
    let company = profile.company.clone().unwrap();
    assert_eq!(company.legal_name.as_deref(), Some("Crisp IM SAS"));
    // A market cap beyond 32 bits must decode.
    assert_eq!(
        company.metrics.as_ref().and_then(|m| m.market_cap),
        Some(12_000_000_000)
    );
    assert_eq!(company.tags, ["saas", "chat"]);
    assert_eq!(profile.segments, ["founder", "vip"]);
    assert_eq!(
        profile.active.as_ref().and_then(|a| a.last),
        Some(Timestamp::from_millis(1634087200000))
    );
    assert_eq!(profile.score, Some(87));
    assert_eq!(profile.created_at, Some(Timestamp::from_millis(1500000000000)));
    assert_eq!(serde_json::to_value(&profile).unwrap(), raw);
}

#[test]
fn minimal_and_unknown_profile_fields() {
    let profile: PeopleProfile = serde_json::from_str("{}").unwrap();
    assert_eq!(profile, PeopleProfile::default());

    let profile: PeopleProfile = serde_json::from_value(json!({
        "people_id": "p1",
        "person": {"nickname": "Ann", "profiles": null, "something_new": 1},
        "segments": null,
        "future": {"a": 1}
    }))
    .unwrap();
    assert_eq!(profile.people_id, Some(PeopleId::from("p1")));
    assert_eq!(profile.person.as_ref().and_then(|p| p.nickname.as_deref()), Some("Ann"));
    assert!(profile.segments.is_empty());
    assert_eq!(
        serde_json::to_value(&profile).unwrap(),
        json!({"people_id": "p1", "person": {"nickname": "Ann"}})
    );
}

#[test]
fn profile_list_in_envelope() {
    let envelope: Envelope<Vec<PeopleProfile>> =
        serde_json::from_value(json!({"error": false, "reason": "listed", "data": [full_profile()]})).unwrap();
    let profiles = envelope.data.unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0].notepad.as_deref(), Some("Met at a conference"));
}

#[test]
fn add_profile_fixture_round_trips() {
    let raw: Value = serde_json::from_str(include_str!("fixtures/request_add_people_profile.json")).unwrap();
    let card: PeopleProfileUpdateCard = serde_json::from_value(raw.clone()).unwrap();
    let built = PeopleProfileUpdateCard::new()
        .email("valerian@crisp.chat")
        .person(PeoplePerson::new().nickname("Valerian Saliou"));
    assert_eq!(card, built);
    assert_eq!(serde_json::to_value(&card).unwrap(), raw);
    assert_eq!(serde_json::to_value(&built).unwrap(), raw);
}

#[test]
fn update_card_with_every_field() {
    let card = PeopleProfileUpdateCard::new()
        .email("a@b.c")
        .person(PeoplePerson::new().phone("+1").employment(PeopleEmployment {
            title: Some("CEO".into()),
            ..PeopleEmployment::default()
        }))
        .company(PeopleCompany::named("Acme"))
        .segments(["lead"])
        .notepad("note")
        .active(Timestamp::from_millis(1_700_000_000_000));
    let value = serde_json::to_value(&card).unwrap();
    assert_eq!(
        value,
        json!({
            "email": "a@b.c",
            "person": {"phone": "+1", "employment": {"title": "CEO"}},
            "company": {"name": "Acme"},
            "segments": ["lead"],
            "notepad": "note",
            "active": 1_700_000_000_000u64
        })
    );
    let back: PeopleProfileUpdateCard = serde_json::from_value(value).unwrap();
    assert_eq!(back, card);
}

#[test]
fn profile_new_response() {
    let created: PeopleProfileNew = serde_json::from_str(r#"{"people_id":"c5d6a1e2"}"#).unwrap();
    assert_eq!(created.people_id, Some(PeopleId::from("c5d6a1e2")));
}

#[test]
fn connect_account() {
    let account: ConnectAccount =
        serde_json::from_str(r#"{"plugin_id":"c64f3595-adee-425a-8d3a-89d47f7ed6bb"}"#).unwrap();
    assert_eq!(
        account.plugin_id,
        Some(PluginId::from("c64f3595-adee-425a-8d3a-89d47f7ed6bb"))
    );
}

#[test]
fn connect_websites_all_and_since() {
    let raw = json!([
        {
            "website_id": "8c842203-7ed8-4e29-a608-7cf78a7d2fcc",
            "price": 1500,
            "token": "7c3ef21c-1e04-41ce-8c06-5605c346f73e",
            "settings": {"channel": "#support", "notify": true},
            "plan": {"id": "8c842203-plan", "name": "Unlimited", "trialing": false}
        },
        {
            "website_id": "b3d8f2c1-0000-4000-8000-000000000000",
            "settings": {},
            "difference": "removed",
            "unknown_key": 1
        }
    ]);
    let websites: Vec<ConnectWebsite> = serde_json::from_value(raw).unwrap();
    assert_eq!(
        websites[0].website_id,
        Some(WebsiteId::from("8c842203-7ed8-4e29-a608-7cf78a7d2fcc"))
    );
    assert_eq!(websites[0].price, Some(1500));
    assert_eq!(
        websites[0].token.as_deref(),
        Some("7c3ef21c-1e04-41ce-8c06-5605c346f73e")
    );
    assert_eq!(websites[0].settings["channel"], "#support");
    assert_eq!(
        websites[0].plan,
        Some(ConnectPlan {
            id: Some("8c842203-plan".into()),
            name: Some("Unlimited".into()),
            trialing: Some(false)
        })
    );
    assert_eq!(websites[1].difference.as_deref(), Some("removed"));
    assert_eq!(websites[1].plan, None);
    assert!(websites[1].settings.is_empty());

    let debug = format!("{:?}", websites[0]);
    assert!(!debug.contains("7c3ef21c-1e04-41ce-8c06-5605c346f73e"), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
    assert!(debug.contains("8c842203-7ed8-4e29-a608-7cf78a7d2fcc"), "{debug}");

    let minimal: ConnectWebsite = serde_json::from_str(r#"{"settings":null}"#).unwrap();
    assert_eq!(minimal, ConnectWebsite::default());
}

#[test]
fn connect_endpoints_node_rescue_shape() {
    let raw = json!({
        "socket": {"app": "wss://app.relay.crisp.chat/p/1/", "stream": "wss://stream.relay.crisp.chat/p/1/"},
        "rescue": {"socket": {"app": "wss://rescue.relay.crisp.chat/p/1/"}}
    });
    let endpoints: ConnectEndpoints = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(endpoints.socket_app(), Some("wss://app.relay.crisp.chat/p/1/"));
    assert_eq!(
        endpoints.socket.as_ref().and_then(|s| s.stream.as_deref()),
        Some("wss://stream.relay.crisp.chat/p/1/")
    );
    assert_eq!(endpoints.rescue_app(), Some("wss://rescue.relay.crisp.chat/p/1/"));
    assert_eq!(serde_json::to_value(&endpoints).unwrap(), raw);
}

#[test]
fn connect_endpoints_go_rescue_shape() {
    let raw = json!({
        "socket": {"app": "wss://app.relay.crisp.chat/p/1/"},
        "rescue": {"app": {"app": "wss://rescue.relay.crisp.chat/p/1/"}}
    });
    let endpoints: ConnectEndpoints = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        endpoints.rescue,
        Some(ConnectRescue {
            socket: None,
            app: Some(ConnectSocket {
                app: Some("wss://rescue.relay.crisp.chat/p/1/".into()),
                stream: None
            }),
        })
    );
    assert_eq!(endpoints.rescue_app(), Some("wss://rescue.relay.crisp.chat/p/1/"));
    assert_eq!(serde_json::to_value(&endpoints).unwrap(), raw);

    let empty: ConnectEndpoints = serde_json::from_str("{}").unwrap();
    assert_eq!(empty.socket_app(), None);
    assert_eq!(empty.rescue_app(), None);
}
