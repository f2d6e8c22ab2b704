//! What the fake records about each request.

mod common;

use common::{auth_headers, plugin, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

#[tokio::test]
async fn records_method_path_query_headers_and_body() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let body = json!({"type": "text", "from": "operator", "origin": "chat", "content": "hé"});
    plugin(
        &fake,
        "POST",
        &format!("website/{website}/conversation/{session}/message"),
        Some(body.clone()),
    )
    .await
    .unwrap();
    plugin(
        &fake,
        "GET",
        &format!("website/{website}/conversations/2?search_query=caf%C3%A9+au+lait&per_page=30&filter_unread=1"),
        None,
    )
    .await
    .unwrap();

    let requests = fake.requests();
    assert_eq!(requests.len(), 2);

    let post = &requests[0];
    assert_eq!(post.method, http::Method::POST);
    assert_eq!(
        post.path,
        format!("/v1/website/{website}/conversation/{session}/message")
    );
    assert_eq!(post.raw_query, None);
    assert!(post.query.is_empty());
    assert_eq!(post.json(), Some(body.clone()));
    assert_eq!(post.body, body.to_string().into_bytes());
    assert_eq!(post.header("content-type"), Some("application/json"));
    assert_eq!(post.header("X-Crisp-Tier"), Some("plugin"));
    assert_eq!(
        post.header("authorization"),
        Some(fake.token(Tier::Plugin).authorization().as_str())
    );

    let get = fake.last_request().unwrap();
    assert_eq!(get.method, http::Method::GET);
    assert_eq!(get.path, format!("/v1/website/{website}/conversations/2"));
    assert_eq!(
        get.raw_query.as_deref(),
        Some("search_query=caf%C3%A9+au+lait&per_page=30&filter_unread=1")
    );
    assert_eq!(
        get.query,
        vec![
            ("search_query".to_owned(), "café au lait".to_owned()),
            ("per_page".to_owned(), "30".to_owned()),
            ("filter_unread".to_owned(), "1".to_owned()),
        ]
    );
    assert_eq!(get.query_value("per_page"), Some("30"));
    assert_eq!(get.query_value("missing"), None);
    assert!(get.body.is_empty());
    assert_eq!(get.json(), None);

    fake.clear_requests();
    assert!(fake.requests().is_empty());
    assert!(fake.last_request().is_none());
}

#[tokio::test]
async fn path_is_kept_percent_encoded() {
    let fake = FakeCrisp::start().await.unwrap();
    let response = send_raw(
        fake.addr(),
        "GET",
        "/v1/website/a%20b/conversation/session%2F1",
        &auth_headers(&fake, Tier::User),
        None,
    )
    .await
    .unwrap();
    assert_eq!(response.json()["reason"], "website_not_found");
    assert_eq!(
        fake.last_request().unwrap().path,
        "/v1/website/a%20b/conversation/session%2F1"
    );
}

#[tokio::test]
async fn malformed_body_is_recorded_verbatim() {
    let fake = FakeCrisp::start().await.unwrap();
    let path = format!("/v1/website/{}/conversation", fake.website_id());
    let response = send_raw(
        fake.addr(),
        "POST",
        &path,
        &auth_headers(&fake, Tier::User),
        Some(b"{not json"),
    )
    .await
    .unwrap();
    assert_eq!(response.status, 400);
    let recorded = fake.last_request().unwrap();
    assert_eq!(&recorded.body[..], b"{not json");
    assert_eq!(recorded.json(), None);
}
