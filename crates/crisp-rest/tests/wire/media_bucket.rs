//! Wire tests of the `media.animation` group (animation searches, paged
//! and streamed) and the `bucket.url` group (signed upload URLs, used for a
//! real upload to the fake's storage).

use std::time::Duration;

use crisp_rest::{Error, Paginated};
use crisp_transport::{Body, Tier};
use crisp_types::bucket::{BucketNamespace, BucketUrlRequest, BucketUrlRequestFile, BucketUrlRequestResource};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::common::{client_for, fake_and_client};

#[tokio::test]
async fn list_animation_medias_sends_both_values_and_reads_the_results() {
    let (fake, client) = fake_and_client(Tier::User).await;
    fake.clear_requests();

    let page = client
        .media()
        .list_animation_medias(1, "list_1", "happy cat")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_animation_medias",
        &["1"],
        &[("list_id", "list_1"), ("search_query", "happy cat")],
        None,
    );
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].kind.as_deref(), Some("image/gif"));
    assert!(page[0].url.as_deref().is_some_and(|url| url.contains("happy-cat")));

    let last = client
        .media()
        .list_animation_medias(3, "list_1", "happy cat")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_animation_medias",
        &["3"],
        &[("list_id", "list_1"), ("search_query", "happy cat")],
        None,
    );
    assert_eq!(last.len(), 1);
}

#[tokio::test]
async fn list_animation_medias_streams_every_page() {
    let (fake, client) = fake_and_client(Tier::User).await;
    fake.clear_requests();

    let all: Vec<_> = client
        .media()
        .list_animation_medias(1, "list_1", "dog")
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
    let pages: Vec<String> = fake.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        pages,
        (1..=4)
            .map(|n| format!("/v1/media/animation/list/{n}"))
            .collect::<Vec<_>>(),
        "pages until an empty one"
    );
    fake.clear_requests();

    let error = client
        .media()
        .list_animation_medias(0, "list_1", "dog")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)), "{error:?}");
    assert!(fake.requests().is_empty(), "page 0 never reaches the wire");

    // Plugin tokens may not search.
    let plugin = client_for(&fake, Tier::Plugin, Duration::from_secs(5));
    let error = plugin
        .media()
        .list_animation_medias(1, "list_1", "dog")
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "list_animation_medias",
        &["1"],
        &[("list_id", "list_1"), ("search_query", "dog")],
        None,
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
}

#[tokio::test]
async fn generate_bucket_url_answers_an_upload_url_that_works() {
    let (fake, client) = fake_and_client(Tier::Plugin).await;
    let website = fake.website_id();
    fake.clear_requests();

    let request = BucketUrlRequest::new(
        BucketNamespace::Website,
        "logo-1",
        BucketUrlRequestFile::new("logo.png", "image/png"),
    )
    .resource(BucketUrlRequestResource::new("website", website.as_str()));
    let generated = client.bucket().generate_bucket_url(request).await.unwrap();
    assert_wire(
        &fake,
        "generate_bucket_url",
        &[],
        &[],
        Some(json!({
            "namespace": "website",
            "id": "logo-1",
            "file": {"name": "logo.png", "type": "image/png"},
            "resource": {"type": "website", "id": website.as_str()},
        })),
    );
    assert_eq!(generated.kind.as_deref(), Some("website"));
    assert_eq!(generated.from.as_deref(), Some("plugin"));
    assert_eq!(generated.id.as_deref(), Some("logo-1"));
    let resource = generated.resource.clone().unwrap_or_default();
    assert_eq!(resource.id.as_deref(), Some(website.as_str()));
    assert!(generated.policy.and_then(|p| p.size_limit).is_some());
    let (Some(signed), Some(readable)) = (generated.signed_url(), generated.resource_url()) else {
        panic!("no URLs in {generated:?}");
    };

    // Upload to the signed URL, read back from the resource URL.
    let transport = client.transport();
    let put = http::Request::put(signed)
        .body(Body::from(&b"\x89PNG fake"[..]))
        .unwrap();
    let response = transport.send(put).await.unwrap();
    assert_eq!(response.status(), 200);
    let get = http::Request::get(readable).body(Body::empty()).unwrap();
    let response = transport.send(get).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    assert_eq!(response.into_body().as_bytes().as_ref(), b"\x89PNG fake");
}

#[tokio::test]
async fn generate_bucket_url_refuses_an_unknown_namespace() {
    let (fake, client) = fake_and_client(Tier::User).await;
    fake.clear_requests();

    let request = BucketUrlRequest::new(
        BucketNamespace::Other("attic".to_owned()),
        "1",
        BucketUrlRequestFile::new("a.txt", "text/plain"),
    );
    let error = client.bucket().generate_bucket_url(request).await.unwrap_err();
    assert_wire(
        &fake,
        "generate_bucket_url",
        &[],
        &[],
        Some(json!({"namespace": "attic", "id": "1", "file": {"name": "a.txt", "type": "text/plain"}})),
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(error.reason(), Some("invalid_data"));
}
