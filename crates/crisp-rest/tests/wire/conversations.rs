//! Wire tests of the `website.conversations` group: the conversation list
//! with every option, the segments and data keys suggested for conversations
//! (and the segments in metas), and the conversations held back as spam.

use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error, Paginated};
use crisp_transport::Tier;
use crisp_types::conversation::{ConversationMetaUpdate, ConversationRoutingUpdate, ConversationState};
use crisp_types::search::{SearchFilter, SearchOperator, SearchType};
use crisp_types::{InboxId, JsonMap, SessionId, SpamId, UserId, WebsiteId};
use futures_util::TryStreamExt;
use serde_json::{Value, json};

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;

/// An operator of the website.
const OPERATOR: &str = "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b";
/// An inbox of the website.
const INBOX: &str = "0e4e6c2a-3c5b-4f4e-9d59-9f1f1b8f6a11";

/// A JSON map from pairs.
fn map<const N: usize>(pairs: [(&str, Value); N]) -> JsonMap {
    pairs.into_iter().map(|(key, value)| (key.to_owned(), value)).collect()
}

/// Sets the segments and data of a conversation through its metas.
async fn tag(
    client: &Client,
    website: &WebsiteId,
    session: &SessionId,
    segments: &[&str],
    data: JsonMap,
) -> Result<(), Error> {
    let update = ConversationMetaUpdate {
        segments: Some(segments.iter().map(|segment| (*segment).to_owned()).collect()),
        data: Some(data),
        ..Default::default()
    };
    client
        .website()
        .update_conversation_metas(website, session, update)
        .await
}

/// A new conversation with one visitor message.
fn conversation_with(fake: &FakeCrisp, website: &WebsiteId, text: &str) -> SessionId {
    let session = fake.add_conversation(website);
    fake.add_visitor_message(website, &session, text);
    session
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
async fn list_conversations_sends_every_option_and_filters() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let wanted = conversation_with(&fake, &website, "My order never arrived");
    tag(&client, &website, &wanted, &["vip"], JsonMap::new()).await.unwrap();
    let assign = ConversationRoutingUpdate::assign(UserId::new(OPERATOR));
    client
        .website()
        .assign_conversation_routing(&website, &wanted, assign)
        .await
        .unwrap();
    client
        .website()
        .update_conversation_inbox(&website, &wanted, Some(InboxId::new(INBOX)))
        .await
        .unwrap();
    // Same segment, but resolved and in no inbox: filtered out.
    let resolved = conversation_with(&fake, &website, "Thanks, all good");
    tag(&client, &website, &resolved, &["vip"], JsonMap::new())
        .await
        .unwrap();
    client
        .website()
        .change_conversation_state(&website, &resolved, ConversationState::Resolved)
        .await
        .unwrap();
    // Empty and untagged: filtered out.
    fake.add_conversation(&website);
    fake.clear_requests();

    let listed = client
        .website()
        .list_conversations(&website, 1)
        .per_page(50)
        .include_empty(false)
        .search_query("vip")
        .search_type(SearchType::Segment)
        .search_operator(SearchOperator::And)
        .filter_inbox_id(InboxId::new(INBOX))
        .filter_unread(true)
        .filter_resolved(false)
        .filter_not_resolved(true)
        .filter_mention(false)
        .filter_assigned(UserId::new(OPERATOR))
        .filter_unassigned(false)
        .filter_date_start("2026-01-01T00:00:00Z")
        .filter_date_end("2036-01-01T00:00:00Z")
        .order_date_created(false)
        .order_date_updated(true)
        .order_date_waiting(false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversations",
        &[website.as_str(), "1"],
        &[
            ("per_page", "50"),
            ("include_empty", "0"),
            ("search_type", "segment"),
            ("search_query", "vip"),
            ("search_operator", "and"),
            ("filter_inbox_id", INBOX),
            ("filter_unread", "1"),
            ("filter_resolved", "0"),
            ("filter_not_resolved", "1"),
            ("filter_mention", "0"),
            ("filter_assigned", OPERATOR),
            ("filter_unassigned", "0"),
            ("filter_date_start", "2026-01-01T00:00:00Z"),
            ("filter_date_end", "2036-01-01T00:00:00Z"),
            ("order_date_created", "0"),
            ("order_date_updated", "1"),
            ("order_date_waiting", "0"),
        ],
        None,
    );
    assert_eq!(listed.len(), 1, "{listed:#?}");
    let found = &listed[0];
    assert_eq!(found.session_id, wanted);
    assert_eq!(found.website_id, website);
    assert_eq!(found.inbox_id, Some(InboxId::new(INBOX)));
    assert_eq!(
        found.assigned.as_ref().and_then(|assigned| assigned.user_id.clone()),
        Some(UserId::new(OPERATOR))
    );
    assert_eq!(found.last_message.as_deref(), Some("My order never arrived"));
    assert_eq!(found.unread.as_ref().and_then(|unread| unread.operator), Some(1));
    assert_eq!(
        found.meta.as_ref().map(|meta| meta.segments.clone()),
        Some(vec!["vip".to_owned()])
    );
    assert_ne!(found.state, Some(ConversationState::Resolved));
}

#[tokio::test]
async fn list_conversations_filter_search_sends_json_filters() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let vip = conversation_with(&fake, &website, "Upgrade question");
    tag(&client, &website, &vip, &["vip"], JsonMap::new()).await.unwrap();
    let other = conversation_with(&fake, &website, "Another question");
    tag(&client, &website, &other, &["lead"], JsonMap::new()).await.unwrap();
    fake.clear_requests();

    let listed = client
        .website()
        .list_conversations(&website, 1)
        .search_filters([SearchFilter::new("session", "segments", "eq", ["vip"])])
        .search_operator(SearchOperator::Or)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversations",
        &[website.as_str(), "1"],
        &[
            ("search_type", "filter"),
            (
                "search_query",
                r#"[{"model":"session","criterion":"segments","operator":"eq","query":["vip"]}]"#,
            ),
            ("search_operator", "or"),
        ],
        None,
    );
    let sessions: Vec<SessionId> = listed.into_iter().map(|conversation| conversation.session_id).collect();
    assert_eq!(sessions, [vip], "only the conversation in segment vip matches");
}

#[tokio::test]
async fn list_conversations_text_search_and_stream_over_pages() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let mut created: Vec<SessionId> = (0..5)
        .map(|index| conversation_with(&fake, &website, &format!("refund request #{index}")))
        .collect();
    conversation_with(&fake, &website, "Where is the pricing page?");
    fake.clear_requests();

    let listed = client
        .website()
        .list_conversations(&website, 1)
        .search_query("refund")
        .per_page(20)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversations",
        &[website.as_str(), "1"],
        &[("per_page", "20"), ("search_query", "refund")],
        None,
    );
    assert_eq!(listed.len(), 5);
    assert!(listed.iter().all(|conversation| {
        conversation
            .last_message
            .as_deref()
            .is_some_and(|text| text.starts_with("refund"))
    }));

    let streamed: Vec<_> = client
        .website()
        .list_conversations(&website, 1)
        .search_query("refund")
        .per_page(2)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let mut seen: Vec<SessionId> = streamed
        .into_iter()
        .map(|conversation| conversation.session_id)
        .collect();
    seen.sort();
    created.sort();
    assert_eq!(seen, created);
    let pages: Vec<String> = fake.requests().iter().map(|request| request.path.clone()).collect();
    let expected: Vec<String> = (1..=3)
        .map(|page| format!("/v1/website/{website}/conversations/{page}"))
        .collect();
    assert_eq!(
        pages, expected,
        "three pages of 2, 2 and 1: the short third page ends the stream"
    );
}

#[tokio::test]
async fn page_zero_is_refused_before_sending() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let error = client.website().list_conversations(&website, 0).await.unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    let error = client
        .website()
        .list_suggested_conversation_segments(&website, 0)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "nothing reaches the wire");
}

/// Three tagged conversations: segments vip (2), lead (1), churned (1);
/// data keys plan (2), seats (1).
async fn tagged_website() -> Result<(FakeCrisp, Client, WebsiteId), Error> {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let tags: [(&[&str], JsonMap); 3] = [
        (&["vip", "lead"], map([("plan", json!("pro")), ("seats", json!(3))])),
        (&["vip"], map([("plan", json!("free"))])),
        (&["churned"], JsonMap::new()),
    ];
    for (segments, data) in tags {
        let session = fake.add_conversation(&website);
        tag(&client, &website, &session, segments, data).await?;
    }
    fake.clear_requests();
    Ok((fake, client, website))
}

#[tokio::test]
async fn suggested_conversation_segments_list_and_delete() {
    let (fake, client, website) = tagged_website().await.unwrap();

    let segments = client
        .website()
        .list_suggested_conversation_segments(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_suggested_conversation_segments",
        &[website.as_str(), "1"],
        &[],
        None,
    );
    let listed = counted(&segments, |item| (item.segment.as_ref(), item.count));
    assert_eq!(listed, pairs(&[("vip", 2), ("churned", 1), ("lead", 1)]));

    client
        .website()
        .delete_suggested_conversation_segment(&website, "lead")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_suggested_conversation_segment",
        &[website.as_str()],
        &[],
        Some(json!({"segment": "lead"})),
    );

    let segments = client
        .website()
        .list_suggested_conversation_segments(&website, 1)
        .await
        .unwrap();
    let listed = counted(&segments, |item| (item.segment.as_ref(), item.count));
    assert_eq!(
        listed,
        pairs(&[("vip", 2), ("churned", 1)]),
        "lead is no longer suggested"
    );
    fake.clear_requests();

    // The segments in metas still count it: it is only no longer suggested.
    let in_meta = client
        .website()
        .list_conversation_segments_in_meta(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_conversation_segments_in_meta",
        &[website.as_str(), "1"],
        &[],
        None,
    );
    let listed = counted(&in_meta, |item| (item.segment.as_ref(), item.count));
    assert_eq!(listed, pairs(&[("vip", 2), ("churned", 1), ("lead", 1)]));
}

#[tokio::test]
async fn suggested_conversation_data_keys_list_and_delete() {
    let (fake, client, website) = tagged_website().await.unwrap();

    let keys = client
        .website()
        .list_suggested_conversation_data_keys(&website, 1)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_suggested_conversation_data_keys",
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
        .delete_suggested_conversation_data_key(&website, "seats")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_suggested_conversation_data_key",
        &[website.as_str()],
        &[],
        Some(json!({"key": "seats"})),
    );
    let keys = client
        .website()
        .list_suggested_conversation_data_keys(&website, 1)
        .await
        .unwrap();
    assert_eq!(
        counted(&keys, |item| (item.key.as_ref(), item.count)),
        pairs(&[("plan", 2)])
    );
}

#[tokio::test]
async fn suggested_segments_stream_over_pages() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let names: Vec<String> = (0..25).map(|index| format!("segment-{index:02}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    tag(&client, &website, &session, &refs, JsonMap::new()).await.unwrap();
    fake.clear_requests();

    let all: Vec<_> = client
        .website()
        .list_suggested_conversation_segments(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let mut seen: Vec<String> = all.into_iter().filter_map(|item| item.segment).collect();
    seen.sort();
    assert_eq!(seen, names, "every segment of every page");
    let requests = fake.requests();
    assert!(
        requests.len() >= 2,
        "more than one page was fetched: {}",
        requests.len()
    );
    assert!(requests.iter().all(|request| {
        request
            .path
            .starts_with(&format!("/v1/website/{website}/conversations/suggest/segments/"))
    }));
}

#[tokio::test]
async fn spam_conversations_list_resolve_and_decide() {
    let (fake, client) = fake_and_client(Tier::User).await;
    let website = fake.website_id();
    let first = SpamId::new(fake.add_spam_conversation(&website));
    let second = SpamId::new(fake.add_spam_conversation(&website));
    fake.clear_requests();

    let spams = client.website().list_spam_conversations(&website, 1).await.unwrap();
    assert_wire(&fake, "list_spam_conversations", &[website.as_str(), "1"], &[], None);
    let ids: Vec<Option<SpamId>> = spams.iter().map(|spam| spam.spam_id.clone()).collect();
    assert_eq!(ids, [Some(second.clone()), Some(first.clone())], "newest first");
    let spam = &spams[1];
    assert_eq!(spam.kind.as_deref(), Some("email"));
    assert_eq!(spam.reason.as_deref(), Some("spam_filter"));
    assert_eq!(
        spam.headers.as_ref().and_then(|headers| headers.get("From")),
        Some(&json!("promo@spam.example"))
    );
    assert!(spam.timestamp.is_some_and(|stamp| stamp.as_millis() > 0));

    let content = client
        .website()
        .resolve_spam_conversation_content(&website, &first)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_spam_conversation_content",
        &[website.as_str(), first.as_str()],
        &[],
        None,
    );
    assert_eq!(content.spam.spam_id.as_ref(), Some(&first));
    assert_eq!(content.spam.kind.as_deref(), Some("email"));
    assert_eq!(
        content.content.as_ref().and_then(|body| body.get("text")),
        Some(&json!("Click here to claim your prize."))
    );

    client
        .website()
        .submit_spam_conversation_decision(&website, &first, "reject")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "submit_spam_conversation_decision",
        &[website.as_str(), first.as_str()],
        &[],
        Some(json!({"action": "reject"})),
    );
    let spams = client.website().list_spam_conversations(&website, 1).await.unwrap();
    let ids: Vec<Option<SpamId>> = spams.into_iter().map(|spam| spam.spam_id).collect();
    assert_eq!(ids, [Some(second)], "the decided spam is no longer listed");
}

#[tokio::test]
async fn spam_routes_refuse_plugin_tokens() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.add_spam_conversation(&website);
    fake.clear_requests();

    let error = client.website().list_spam_conversations(&website, 1).await.unwrap_err();
    assert_wire(&fake, "list_spam_conversations", &[website.as_str(), "1"], &[], None);
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 403);
    assert_eq!(api.reason(), Some("not_allowed"));
    assert_eq!(api.route(), "list_spam_conversations");
}
