//! Wire tests of the `website.people` group.

mod common;

use common::{fake_and_client, query_of, single_request};
use crisp_rest::Paginated;
use crisp_transport::Tier;
use crisp_types::PeopleId;
use crisp_types::people::{PeoplePerson, PeopleProfileUpdateCard};
use crisp_types::search::{SearchFilter, SearchOperator};
use futures_util::TryStreamExt;
use serde_json::json;

fn valerian() -> PeopleProfileUpdateCard {
    PeopleProfileUpdateCard {
        email: Some("valerian@crisp.chat".to_owned()),
        person: Some(PeoplePerson {
            nickname: Some("Valerian Saliou".to_owned()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn people_profile_lifecycle() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    // Add: the body is the fixture request_add_people_profile.json.
    let added = client
        .website()
        .add_new_people_profile(&website, valerian())
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::POST);
    assert_eq!(request.path, format!("/v1/website/{website}/people/profile"));
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/request_add_people_profile.json")).unwrap();
    assert_eq!(request.json(), Some(fixture));
    let people = added.people_id.unwrap();

    // Exists.
    fake.clear_requests();
    assert!(
        client
            .website()
            .check_people_profile_exists(&website, &people)
            .await
            .unwrap()
    );
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::HEAD);
    assert_eq!(request.path, format!("/v1/website/{website}/people/profile/{people}"));

    // Get.
    fake.clear_requests();
    let profile = client.website().get_people_profile(&website, &people).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", &*format!("/v1/website/{website}/people/profile/{people}"))
    );
    assert_eq!(profile.people_id.as_ref(), Some(&people));
    assert_eq!(profile.email.as_deref(), Some("valerian@crisp.chat"));
    assert_eq!(
        profile.person.and_then(|person| person.nickname).as_deref(),
        Some("Valerian Saliou")
    );

    // Update (partial, PATCH).
    fake.clear_requests();
    let patch = PeopleProfileUpdateCard {
        notepad: Some("VIP customer".to_owned()),
        ..Default::default()
    };
    client
        .website()
        .update_people_profile(&website, &people, patch)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PATCH);
    assert_eq!(request.path, format!("/v1/website/{website}/people/profile/{people}"));
    assert_eq!(request.json(), Some(json!({"notepad": "VIP customer"})));
    let profile = client.website().get_people_profile(&website, &people).await.unwrap();
    assert_eq!(profile.notepad.as_deref(), Some("VIP customer"));
    assert_eq!(
        profile.email.as_deref(),
        Some("valerian@crisp.chat"),
        "a PATCH keeps the other fields"
    );

    // Save (full replace, PUT).
    fake.clear_requests();
    let replacement = PeopleProfileUpdateCard {
        email: Some("valerian@example.com".to_owned()),
        segments: Some(vec!["founder".to_owned()]),
        ..Default::default()
    };
    client
        .website()
        .save_people_profile(&website, &people, replacement)
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::PUT);
    assert_eq!(request.path, format!("/v1/website/{website}/people/profile/{people}"));
    assert_eq!(
        request.json(),
        Some(json!({"email": "valerian@example.com", "segments": ["founder"]}))
    );
    let profile = client.website().get_people_profile(&website, &people).await.unwrap();
    assert_eq!(profile.email.as_deref(), Some("valerian@example.com"));
    assert_eq!(profile.segments, ["founder"]);
    assert!(profile.notepad.is_none(), "a PUT replaces the whole profile");

    // Remove, then it no longer exists.
    fake.clear_requests();
    client.website().remove_people_profile(&website, &people).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::DELETE);
    assert_eq!(request.path, format!("/v1/website/{website}/people/profile/{people}"));
    assert!(
        !client
            .website()
            .check_people_profile_exists(&website, &people)
            .await
            .unwrap()
    );
    let error = client
        .website()
        .get_people_profile(&website, &people)
        .await
        .unwrap_err();
    assert_eq!(error.reason(), Some("people_not_found"));
}

#[tokio::test]
async fn list_people_profiles_with_search_and_stream() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    for index in 0..3 {
        fake.add_people_profile(
            &website,
            json!({"email": format!("user{index}@example.com"), "person": {"nickname": format!("User {index}")}}),
        );
    }
    fake.clear_requests();

    let listed = client
        .website()
        .list_people_profiles(&website, 1)
        .search_text("user1")
        .await
        .unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.path, format!("/v1/website/{website}/people/profiles/1"));
    assert_eq!(query_of(&request), vec![("search_text", "user1")]);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].email.as_deref(), Some("user1@example.com"));

    fake.clear_requests();
    client
        .website()
        .list_people_profiles(&website, 2)
        .sort_field("nickname")
        .sort_order("ascending")
        .search_operator(SearchOperator::And)
        .search_filter([SearchFilter::new("people", "email", "has", ["example.com"])])
        .await
        .unwrap();
    assert_eq!(
        query_of(&single_request(&fake)),
        vec![
            ("sort_field", "nickname"),
            ("sort_order", "ascending"),
            ("search_operator", "and"),
            (
                "search_filter",
                r#"[{"model":"people","criterion":"email","operator":"has","query":["example.com"]}]"#
            ),
        ]
    );

    let everyone: Vec<_> = client
        .website()
        .list_people_profiles(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let mut emails: Vec<_> = everyone.into_iter().filter_map(|profile| profile.email).collect();
    emails.sort();
    assert_eq!(emails, ["user0@example.com", "user1@example.com", "user2@example.com"]);
}

#[tokio::test]
async fn missing_profile_is_false_not_an_error() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let missing = PeopleId::new("00000000-0000-0000-0000-000000000000");
    assert!(
        !client
            .website()
            .check_people_profile_exists(&website, &missing)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn a_profile_is_found_by_email_through_the_people_id_slot() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let people = fake.add_people_profile(
        &website,
        json!({"email": "valerian@crisp.chat", "person": {"nickname": "Valerian Saliou"}}),
    );
    let by_email = PeopleId::from_email("valerian@crisp.chat");
    assert!(by_email.is_email());
    assert!(!people.is_email());
    fake.clear_requests();

    // Get: the email goes in the path percent-encoded; the profile comes back
    // with its UUID.
    let profile = client.website().get_people_profile(&website, &by_email).await.unwrap();
    let request = single_request(&fake);
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(
        request.path,
        format!("/v1/website/{website}/people/profile/valerian%40crisp.chat")
    );
    assert_eq!(profile.people_id.as_ref(), Some(&people));
    assert_eq!(profile.email.as_deref(), Some("valerian@crisp.chat"));

    // Every other route of the profile takes it the same way.
    assert!(
        client
            .website()
            .check_people_profile_exists(&website, &by_email)
            .await
            .unwrap()
    );
    let mut data = serde_json::Map::new();
    data.insert("plan".to_owned(), json!("pro"));
    fake.clear_requests();
    client
        .website()
        .update_people_data(&website, &by_email, data)
        .await
        .unwrap();
    assert_eq!(
        single_request(&fake).path,
        format!("/v1/website/{website}/people/data/valerian%40crisp.chat")
    );
    let stored = client.website().get_people_data(&website, &people).await.unwrap();
    assert_eq!(stored.data.get("plan"), Some(&json!("pro")));

    // An email no profile has: a typed not-found error naming the route.
    let error = client
        .website()
        .get_people_profile(&website, &PeopleId::from_email("nobody@crisp.chat"))
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error:?}");
    assert_eq!(error.reason(), Some("people_not_found"));
    assert_eq!(error.route(), Some("get_people_profile"));
}

#[test]
fn search_filter_and_search_filters_are_one_setter_on_both_lists() {
    use crisp_rest::{Client, Endpoint};
    use crisp_transport::{Credentials, Transport};
    use crisp_types::WebsiteId;

    let transport = Transport::builder(Credentials::new("id", "key"), Tier::Plugin)
        .build()
        .unwrap();
    let client = Client::new(transport);
    let website = WebsiteId::new("42286ab3-b29a-4fde-8538-da0ae501d825");
    let filters = || [SearchFilter::new("people", "email", "has", ["example.com"])];

    let singular = client
        .website()
        .list_people_profiles(&website, 1)
        .search_filter(filters());
    let plural = client
        .website()
        .list_people_profiles(&website, 1)
        .search_filters(filters());
    let (singular, plural) = (singular.to_request().unwrap(), plural.to_request().unwrap());
    assert_eq!(singular.query(), plural.query());
    assert!(singular.query().get("search_filter").is_some());

    let plural = client
        .website()
        .list_conversations(&website, 1)
        .search_filters(filters());
    let singular = client
        .website()
        .list_conversations(&website, 1)
        .search_filter(filters());
    let (singular, plural) = (singular.to_request().unwrap(), plural.to_request().unwrap());
    assert_eq!(singular.query(), plural.query());
    assert_eq!(singular.query().get("search_type"), Some("filter"));
}
