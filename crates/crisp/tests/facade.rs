//! The facade configures a token once for REST and RTM.

use std::time::Duration;

use crisp::Crisp;
use crisp::types::event::{Event, EventKind};
use crisp::types::message::MessageContent;
use crisp::{BuildError, Tier};
use crisp_mock::FakeCrisp;

#[tokio::test]
async fn one_builder_serves_rest_and_rtm() {
    let fake = FakeCrisp::start().await.unwrap();
    let token = fake.token(Tier::Plugin);
    let crisp = Crisp::builder()
        .plugin_token(token.identifier, token.key)
        .rest_base_url(fake.base_url())
        .build()
        .unwrap();
    assert_eq!(crisp.tier(), Tier::Plugin);

    // REST.
    let account = crisp.plugin().get_connect_account().await.unwrap();
    assert_eq!(account.plugin_id, Some(fake.plugin_id()));

    // RTM: discovery through the same REST root, the same token on the relay.
    let (handle, mut events) = crisp.rtm().events([EventKind::MessageSend]).connect().unwrap();
    tokio::time::timeout(Duration::from_secs(10), handle.authenticated())
        .await
        .unwrap()
        .unwrap();
    let auth = fake.relay().auth_attempts();
    assert_eq!(auth.len(), 1);
    assert_eq!(auth[0].username, fake.token(Tier::Plugin).identifier);
    assert_eq!(auth[0].tier, "plugin");
    assert_eq!(auth[0].events, ["message:send"]);
    let discovery = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/v1/plugin/connect/endpoints")
        .count();
    assert_eq!(discovery, 1, "the relay URL came from REST discovery");

    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "hello from a visitor");
    let event = tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    match event {
        Event::MessageSend(message) => {
            assert_eq!(message.message.session_id, Some(session));
            assert_eq!(
                message.message.content,
                MessageContent::Text("hello from a visitor".to_owned())
            );
        }
        other => panic!("expected message:send, got {other:?}"),
    }
    handle.close();
}

#[test]
fn a_token_is_required() {
    let error = Crisp::builder()
        .rest_base_url("http://127.0.0.1:1/v1/")
        .build()
        .unwrap_err();
    assert!(matches!(error, BuildError::MissingToken), "{error:?}");
}

#[test]
fn debug_never_shows_the_key() {
    let crisp = Crisp::builder().user_token("id", "very-secret-key").build().unwrap();
    assert!(!format!("{crisp:?}").contains("very-secret-key"));
    assert_eq!(crisp.tier(), Tier::User);
}

#[test]
fn build_refuses_an_api_root_no_call_could_use() {
    let build = |url: &str| Crisp::builder().user_token("id", "key").rest_base_url(url).build();
    let error = build("not a url").unwrap_err();
    assert!(matches!(error, crisp::BuildError::InvalidApiRoot { .. }), "{error:?}");
    assert!(error.to_string().starts_with("invalid API root `not a url`"), "{error}");
    let error = build("http://example.invalid/v1/").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid API root `http://example.invalid/v1/`: plain http to example.invalid is refused (use https, or allow insecure http)"
    );
    assert!(build("ftp://example.com/v1/").is_err());
    assert!(build("https://api.crisp.chat/v1/").is_ok());
    assert!(build("http://127.0.0.1:9/v1/").is_ok());
}

#[tokio::test]
async fn plain_http_to_a_remote_host_is_refused_before_sending() {
    // Allowed on the builder (so build() accepts it) but refused by the
    // transport when a custom rule is not given: the same words either way.
    let crisp = Crisp::builder()
        .user_token("id", "key")
        .configure_transport(|transport| transport.allow_insecure_http(false))
        .allow_insecure_http(true)
        .rest_base_url("http://example.invalid/v1/")
        .build()
        .unwrap();
    let error = crisp.plugin().get_connect_account().await.unwrap_err();
    match &error {
        crisp::Error::Transport(failure) => {
            let transport = failure.error();
            assert!(
                matches!(transport, crisp::transport::TransportError::InsecureScheme { .. }),
                "{transport:?}"
            );
            assert!(!transport.may_have_been_sent());
            assert_eq!(
                error.to_string(),
                "get_connect_account: plain http refused for example.invalid (use https, or allow insecure http on the builder)"
            );
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
}
