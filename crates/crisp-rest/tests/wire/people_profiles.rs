//! Wire tests of the `website.people` profile routes: the profile list with
//! its search options, one profile (add, check, get, save, update, remove),
//! statistics, the suggested segments, data keys and events, the people
//! segments, and profile export and import.

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::people::{
    EventColor, PeopleCompany, PeopleEventAdd, PeopleImportMapping, PeopleImportOptions, PeoplePerson,
    PeopleProfileImportSetup, PeopleProfileUpdateCard,
};
use crisp_types::search::{SearchFilter, SearchOperator};
use crisp_types::{JsonMap, PeopleId, Timestamp, WebsiteId};
use futures_util::TryStreamExt;
use serde_json::{Value, json};

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// A JSON map from pairs.
fn map<const N: usize>(pairs: [(&str, Value); N]) -> JsonMap {
    pairs.into_iter().map(|(key, value)| (key.to_owned(), value)).collect()
}

/// A person named `nickname`.
fn person(nickname: &str) -> PeoplePerson {
    PeoplePerson {
        nickname: Some(nickname.to_owned()),
        ..Default::default()
    }
}

/// Seeds a profile with an email, a nickname and segments.
fn seed(fake: &FakeCrisp, website: &WebsiteId, email: &str, nickname: &str, segments: &[&str]) -> PeopleId {
    fake.add_people_profile(
        website,
        json!({"email": email, "person": {"nickname": nickname}, "segments": segments}),
    )
}

/// The emails of the website's profiles, sorted.
async fn emails(client: &Client, website: &WebsiteId) -> Result<Vec<String>, Error> {
    let profiles: Vec<_> = client
        .website()
        .list_people_profiles(website, 1)
        .into_stream()
        .try_collect()
        .await?;
    let mut emails: Vec<String> = profiles.into_iter().filter_map(|profile| profile.email).collect();
    emails.sort();
    Ok(emails)
}

/// `(name, count)` pairs of a suggestion list.
fn counted<T>(items: &[T], pick: impl Fn(&T) -> (Option<&String>, Option<u64>)) -> Vec<(String, u64)> {
    items
        .iter()
        .map(|item| {
            let (name, count) = pick(item);
            (name.cloned().unwrap_or_default(), count.unwrap_or_default())
        })
        .collect()
}

/// Owned `(name, count)` pairs.
fn pairs(expected: &[(&str, u64)]) -> Vec<(String, u64)> {
    expected
        .iter()
        .map(|(name, count)| ((*name).to_owned(), *count))
        .collect()
}

#[tokio::test]
async fn list_people_profiles_sends_every_option() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let alice = seed(&fake, &website, "alice@acme.com", "Alice Martin", &["customer"]);
    seed(&fake, &website, "bob@acme.com", "Bob Stone", &["lead"]);
    seed(&fake, &website, "carol@example.org", "Carol Diaz", &["customer"]);
    fake.clear_requests();

    let listed = client
        .website()
        .list_people_profiles(&website, 1)
        .sort_field("nickname")
        .sort_order("ascending")
        .search_operator(SearchOperator::And)
        .search_filter([SearchFilter::new("people", "segments", "eq", ["customer"])])
        .search_text("acme")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_people_profiles",
        &[website.as_str(), "1"],
        &[
            ("sort_field", "nickname"),
            ("sort_order", "ascending"),
            ("search_operator", "and"),
            (
                "search_filter",
                r#"[{"model":"people","criterion":"segments","operator":"eq","query":["customer"]}]"#,
            ),
            ("search_text", "acme"),
        ],
        None,
    );
    assert_eq!(listed.len(), 1, "{listed:#?}");
    assert_eq!(listed[0].people_id.as_ref(), Some(&alice));
    assert_eq!(listed[0].email.as_deref(), Some("alice@acme.com"));
    assert_eq!(listed[0].segments, ["customer"]);

    let everyone = client.website().list_people_profiles(&website, 1).await.unwrap();
    assert_wire(&fake, "list_people_profiles", &[website.as_str(), "1"], &[], None);
    assert_eq!(everyone.len(), 3);
}

#[tokio::test]
async fn list_people_profiles_streams_every_page() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let mut expected: Vec<String> = (0..25).map(|index| format!("user{index:02}@example.com")).collect();
    for email in &expected {
        fake.add_people_profile(&website, json!({ "email": email }));
    }
    fake.clear_requests();

    let all = emails(&client, &website).await.unwrap();
    expected.sort();
    assert_eq!(all, expected);
    let pages: Vec<String> = fake.requests().iter().map(|request| request.path.clone()).collect();
    let paths: Vec<String> = (1..=3)
        .map(|page| format!("/v1/website/{website}/people/profiles/{page}"))
        .collect();
    assert_eq!(pages, paths, "pages of 20 and 5, then an empty page");
}

#[tokio::test]
async fn add_check_and_get_a_profile() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let card = PeopleProfileUpdateCard::new()
        .email("valerian@crisp.chat")
        .person(person("Valerian Saliou"))
        .company(PeopleCompany::named("Crisp"))
        .segments(["founder", "vip"])
        .notepad("Met at the conference")
        .active(Timestamp::from_millis(1_763_700_000_000));
    let added = client.website().add_new_people_profile(&website, card).await.unwrap();
    assert_wire(
        &fake,
        "add_new_people_profile",
        &[website.as_str()],
        &[],
        Some(json!({
            "email": "valerian@crisp.chat",
            "person": {"nickname": "Valerian Saliou"},
            "company": {"name": "Crisp"},
            "segments": ["founder", "vip"],
            "notepad": "Met at the conference",
            "active": 1_763_700_000_000_u64,
        })),
    );
    let people = added.people_id.expect("the new profile's id");

    let exists = client
        .website()
        .check_people_profile_exists(&website, &people)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "check_people_profile_exists",
        &[website.as_str(), people.as_str()],
        &[],
        None,
    );
    assert!(exists);

    let profile = client.website().get_people_profile(&website, &people).await.unwrap();
    assert_wire(
        &fake,
        "get_people_profile",
        &[website.as_str(), people.as_str()],
        &[],
        None,
    );
    assert_eq!(profile.people_id.as_ref(), Some(&people));
    assert_eq!(profile.email.as_deref(), Some("valerian@crisp.chat"));
    assert_eq!(
        profile.person.and_then(|person| person.nickname).as_deref(),
        Some("Valerian Saliou")
    );
    assert_eq!(
        profile.company.and_then(|company| company.name).as_deref(),
        Some("Crisp")
    );
    assert_eq!(profile.segments, ["founder", "vip"]);
    assert_eq!(profile.notepad.as_deref(), Some("Met at the conference"));
    assert_eq!(
        profile.active.and_then(|active| active.last),
        Some(Timestamp::from_millis(1_763_700_000_000))
    );
}

#[tokio::test]
async fn save_update_and_remove_a_profile() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let people = seed(&fake, &website, "jane@example.com", "Jane Doe", &["lead"]);
    fake.clear_requests();

    // PATCH changes only what is sent.
    let patch = PeopleProfileUpdateCard::new()
        .notepad("Wants a demo")
        .segments(["lead", "demo"]);
    client
        .website()
        .update_people_profile(&website, &people, patch)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_people_profile",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"segments": ["lead", "demo"], "notepad": "Wants a demo"})),
    );
    let profile = client.website().get_people_profile(&website, &people).await.unwrap();
    assert_eq!(
        profile.email.as_deref(),
        Some("jane@example.com"),
        "PATCH keeps the email"
    );
    assert_eq!(profile.notepad.as_deref(), Some("Wants a demo"));
    assert_eq!(profile.segments, ["lead", "demo"]);
    fake.clear_requests();

    // PUT replaces the whole card.
    let replacement = PeopleProfileUpdateCard::new()
        .email("jane.doe@example.com")
        .person(person("Jane D."))
        .segments(["customer"]);
    client
        .website()
        .save_people_profile(&website, &people, replacement)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "save_people_profile",
        &[website.as_str(), people.as_str()],
        &[],
        Some(json!({"email": "jane.doe@example.com", "person": {"nickname": "Jane D."}, "segments": ["customer"]})),
    );
    let profile = client.website().get_people_profile(&website, &people).await.unwrap();
    assert_eq!(profile.email.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(
        profile.person.and_then(|person| person.nickname).as_deref(),
        Some("Jane D.")
    );
    assert_eq!(profile.segments, ["customer"]);
    assert_eq!(profile.notepad, None, "PUT drops what is not sent");
    fake.clear_requests();

    client.website().remove_people_profile(&website, &people).await.unwrap();
    assert_wire(
        &fake,
        "remove_people_profile",
        &[website.as_str(), people.as_str()],
        &[],
        None,
    );
    assert!(
        !client
            .website()
            .check_people_profile_exists(&website, &people)
            .await
            .unwrap()
    );
    assert_eq!(
        client.website().get_people_statistics(&website).await.unwrap().total,
        Some(0)
    );
}

#[tokio::test]
async fn unknown_profile_is_people_not_found() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let missing = PeopleId::new("00000000-0000-0000-0000-000000000000");
    fake.clear_requests();

    let error = client
        .website()
        .get_people_profile(&website, &missing)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "get_people_profile",
        &[website.as_str(), missing.as_str()],
        &[],
        None,
    );
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 404);
    assert_eq!(api.reason(), Some("people_not_found"));

    let exists = client
        .website()
        .check_people_profile_exists(&website, &missing)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "check_people_profile_exists",
        &[website.as_str(), missing.as_str()],
        &[],
        None,
    );
    assert!(!exists, "HEAD answers false, not an error");
}

#[tokio::test]
async fn people_statistics_count_the_profiles() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    for index in 0..3 {
        seed(&fake, &website, &format!("member{index}@example.com"), "Member", &[]);
    }
    fake.clear_requests();

    let statistics = client.website().get_people_statistics(&website).await.unwrap();
    assert_wire(&fake, "get_people_statistics", &[website.as_str()], &[], None);
    assert_eq!(statistics.total, Some(3));
}

#[tokio::test]
async fn suggested_people_segments_list_and_delete() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    seed(&fake, &website, "a@example.com", "A", &["vip", "beta"]);
    seed(&fake, &website, "b@example.com", "B", &["vip"]);
    fake.clear_requests();

    let segments = client
        .website()
        .list_suggested_people_segments(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_suggested_people_segments",
        &[website.as_str(), "1"],
        &[],
        None,
    );
    let listed = counted(&segments, |item| (item.segment.as_ref(), item.count));
    assert_eq!(listed, pairs(&[("vip", 2), ("beta", 1)]));

    client
        .website()
        .delete_suggested_people_segment(&website, "beta")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_suggested_people_segment",
        &[website.as_str()],
        &[],
        Some(json!({"segment": "beta"})),
    );
    let segments = client
        .website()
        .list_suggested_people_segments(&website, 1)
        .await
        .unwrap();
    let listed = counted(&segments, |item| (item.segment.as_ref(), item.count));
    assert_eq!(listed, pairs(&[("vip", 2)]), "beta is no longer suggested");
    fake.clear_requests();

    // The people segments still count it.
    let all = client.website().list_people_segments(&website, 1).await.unwrap();
    assert_wire(&fake, "list_people_segments", &[website.as_str(), "1"], &[], None);
    let listed = counted(&all, |item| (item.segment.as_ref(), item.count));
    assert_eq!(listed, pairs(&[("vip", 2), ("beta", 1)]));
}

#[tokio::test]
async fn suggested_people_data_keys_list_and_delete() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let first = seed(&fake, &website, "a@example.com", "A", &[]);
    let second = seed(&fake, &website, "b@example.com", "B", &[]);
    let data = map([("plan", json!("pro")), ("seats", json!(12))]);
    client.website().save_people_data(&website, &first, data).await.unwrap();
    let data = map([("plan", json!("free"))]);
    client
        .website()
        .save_people_data(&website, &second, data)
        .await
        .unwrap();
    fake.clear_requests();

    let keys = client
        .website()
        .list_suggested_people_data_keys(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_suggested_people_data_keys",
        &[website.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(
        counted(&keys, |item| (item.key.as_ref(), item.count)),
        pairs(&[("plan", 2), ("seats", 1)])
    );

    client
        .website()
        .delete_suggested_people_data_key(&website, "seats")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_suggested_people_data_key",
        &[website.as_str()],
        &[],
        Some(json!({"key": "seats"})),
    );
    let keys = client
        .website()
        .list_suggested_people_data_keys(&website, 1)
        .await
        .unwrap();
    assert_eq!(
        counted(&keys, |item| (item.key.as_ref(), item.count)),
        pairs(&[("plan", 2)])
    );
}

#[tokio::test]
async fn suggested_people_events_list_and_delete() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let people = seed(&fake, &website, "a@example.com", "A", &[]);
    for text in ["Signed up", "Paid invoice", "Paid invoice"] {
        let event = PeopleEventAdd::new(text).color(EventColor::Green);
        client
            .website()
            .add_people_event(&website, &people, event)
            .await
            .unwrap();
    }
    fake.clear_requests();

    let events = client
        .website()
        .list_suggested_people_events(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_suggested_people_events",
        &[website.as_str(), "1"],
        &[],
        None,
    );
    assert_eq!(
        counted(&events, |item| (item.text.as_ref(), item.count)),
        pairs(&[("Paid invoice", 2), ("Signed up", 1)])
    );

    client
        .website()
        .delete_suggested_people_event(&website, "Signed up")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_suggested_people_event",
        &[website.as_str()],
        &[],
        Some(json!({"text": "Signed up"})),
    );
    let events = client
        .website()
        .list_suggested_people_events(&website, 1)
        .await
        .unwrap();
    assert_eq!(
        counted(&events, |item| (item.text.as_ref(), item.count)),
        pairs(&[("Paid invoice", 2)])
    );
}

#[tokio::test]
async fn export_people_profiles_posts_an_empty_object() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    seed(&fake, &website, "a@example.com", "A", &[]);
    fake.clear_requests();

    // The export is emailed to the operator: the answer carries no data.
    let () = client.website().export_people_profiles(&website).await.unwrap();
    assert_wire(
        &fake,
        "export_people_profiles",
        &[website.as_str()],
        &[],
        Some(json!({})),
    );
}

#[tokio::test]
async fn import_people_profiles_creates_the_profiles_of_the_csv() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    seed(&fake, &website, "existing@example.com", "Existing", &[]);
    let url = "https://storage.example.com/imports/contacts.csv";
    fake.add_import_file(
        url,
        "email;name;segments\nann@example.com;Ann Lee;vip\nbo@example.com;Bo Chen;lead\n",
    );
    fake.clear_requests();

    let setup = PeopleProfileImportSetup::new(
        url,
        [
            PeopleImportMapping::new(0, "email"),
            PeopleImportMapping::new(1, "person.nickname"),
            PeopleImportMapping::new(2, "segments"),
        ],
    )
    .options(PeopleImportOptions::new().column_separator(";").skip_header(true));
    let import = client.website().import_people_profiles(&website, setup).await.unwrap();
    assert_wire(
        &fake,
        "import_people_profiles",
        &[website.as_str()],
        &[],
        Some(json!({
            "url": url,
            "mapping": [
                {"column": 0, "field": "email"},
                {"column": 1, "field": "person.nickname"},
                {"column": 2, "field": "segments"},
            ],
            "options": {"column_separator": ";", "skip_header": true},
        })),
    );
    assert!(import.import_id.is_some_and(|id| !id.is_empty()), "an import id");

    assert_eq!(
        emails(&client, &website).await.unwrap(),
        ["ann@example.com", "bo@example.com", "existing@example.com"]
    );
    let found = client
        .website()
        .list_people_profiles(&website, 1)
        .search_text("ann@")
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].person.as_ref().and_then(|person| person.nickname.as_deref()),
        Some("Ann Lee")
    );
    assert_eq!(found[0].segments, ["vip"]);
}

#[tokio::test]
async fn user_only_people_routes_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let error = client.website().export_people_profiles(&website).await.unwrap_err();
    assert_wire(
        &fake,
        "export_people_profiles",
        &[website.as_str()],
        &[],
        Some(json!({})),
    );
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 403);
    assert_eq!(api.reason(), Some("not_allowed"));
}

#[tokio::test]
async fn people_page_zero_is_refused_before_sending() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let error = client.website().list_people_profiles(&website, 0).await.unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    let error = client
        .website()
        .list_suggested_people_events(&website, 0)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "nothing reaches the wire");
}
