//! Wire tests of `website.conversation`, co-browsing, calls, tool calls and
//! plugin widget actions.

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;
use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error};
use crisp_transport::Tier;
use crisp_types::conversation::{
    BrowsingPoint, CallMode, ConversationBrowsingAssist, ConversationBrowsingDebug, ConversationCallSignalingPayload,
    ConversationToolCall, ConversationWidgetAction, ConversationWidgetActionStrategy, ConversationWidgetButtonPayload,
    ConversationWidgetDataEditPayload, ConversationWidgetDataFetchPayload,
};
use crisp_types::message::{MessageUser, Origin};
use crisp_types::{BrowsingId, CallId, JsonMap, SessionId, WebsiteId};
use serde_json::json;

/// A session id the fake does not know.
const UNKNOWN_SESSION: &str = "session_00000000-0000-0000-0000-000000000000";

/// A fake with one empty conversation, a client of `tier`, requests cleared.
async fn with_conversation(tier: Tier) -> (FakeCrisp, Client, WebsiteId, SessionId) {
    let (fake, client) = fake_and_client(tier).await;
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.clear_requests();
    (fake, client, website, session)
}

/// `error` is Crisp's `status` error with this `reason`.
fn assert_api_error(error: &Error, status: u16, reason: &str) {
    assert!(matches!(error, Error::Api(_)), "an API error, got {error:?}");
    assert_eq!(error.status().map(|status| status.as_u16()), Some(status), "{error:?}");
    assert_eq!(error.reason(), Some(reason), "{error:?}");
}

/// Starts a browsing session and returns its id (requests cleared).
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test helper: a failed step must stop the test"
)]
async fn browsing_session(fake: &FakeCrisp, client: &Client, website: &WebsiteId, session: &SessionId) -> BrowsingId {
    client
        .website()
        .initiate_browsing_session_for_conversation(website, session)
        .await
        .unwrap();
    let sessions = client
        .website()
        .list_browsing_sessions_for_conversation(website, session)
        .await
        .unwrap();
    fake.clear_requests();
    sessions
        .into_iter()
        .last()
        .and_then(|browsing| browsing.browsing_id)
        .expect("a browsing session")
}

/// Starts an audio call and returns its id (requests cleared).
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test helper: a failed step must stop the test"
)]
async fn call(fake: &FakeCrisp, client: &Client, website: &WebsiteId, session: &SessionId) -> CallId {
    let call = client
        .website()
        .initiate_new_call_session_for_conversation(website, session, CallMode::Audio)
        .await
        .unwrap();
    fake.clear_requests();
    call.call_id.expect("a call id")
}

/// The operator credited with calls in these tests, and its wire form.
fn operator() -> (MessageUser, serde_json::Value) {
    let user = MessageUser::new()
        .kind("website")
        .user_id("aa0b64dd-9fb4-4db9-80d6-5a49eb84087b");
    (
        user,
        json!({"type": "website", "user_id": "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"}),
    )
}

/// A widget action answer as the fake (and Crisp) delivers it.
fn assert_widget_action(action: &ConversationWidgetAction) {
    assert!(
        action.correlation_id.as_deref().is_some_and(|id| !id.is_empty()),
        "{action:?}"
    );
    let strategy = ConversationWidgetActionStrategy {
        attempts: Some(3),
        exhaustion: Some(10_000),
    };
    assert_eq!(action.strategy, Some(strategy));
}

#[tokio::test]
async fn list_browsing_sessions_for_conversation_is_empty_at_first() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let sessions = client
        .website()
        .list_browsing_sessions_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_browsing_sessions_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert!(sessions.is_empty());
}

#[tokio::test]
async fn initiate_browsing_session_for_conversation_starts_a_listed_session() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let () = client
        .website()
        .initiate_browsing_session_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "initiate_browsing_session_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({})),
    );
    let sessions = client
        .website()
        .list_browsing_sessions_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "list_browsing_sessions_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(sessions.len(), 1);
    assert!(sessions[0].browsing_id.is_some());
    assert!(
        sessions[0]
            .browsing_token
            .as_deref()
            .is_some_and(|token| !token.is_empty())
    );
    assert!(
        sessions[0]
            .useragent
            .as_deref()
            .is_some_and(|agent| agent.starts_with("Mozilla/5.0"))
    );
}

#[tokio::test]
async fn send_action_to_existing_browsing_session_stop_ends_it() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let browsing = browsing_session(&fake, &client, &website, &session).await;
    let values = [website.as_str(), session.as_str(), browsing.as_str()];

    client
        .website()
        .send_action_to_existing_browsing_session(&website, &session, &browsing, "unmask")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "send_action_to_existing_browsing_session",
        &values,
        &[],
        Some(json!({"action": "unmask"})),
    );
    client
        .website()
        .send_action_to_existing_browsing_session(&website, &session, &browsing, "stop")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "send_action_to_existing_browsing_session",
        &values,
        &[],
        Some(json!({"action": "stop"})),
    );

    let sessions = client
        .website()
        .list_browsing_sessions_for_conversation(&website, &session)
        .await
        .unwrap();
    assert!(sessions.is_empty(), "{sessions:?}");
    fake.clear_requests();
    let error = client
        .website()
        .send_action_to_existing_browsing_session(&website, &session, &browsing, "start")
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "send_action_to_existing_browsing_session",
        &values,
        &[],
        Some(json!({"action": "start"})),
    );
    assert_api_error(&error, 404, "browsing_not_found");
}

#[tokio::test]
async fn debug_existing_browsing_session_sends_action_and_execute() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let browsing = browsing_session(&fake, &client, &website, &session).await;
    let debug = ConversationBrowsingDebug::new("eval", "console.log(document.title)");

    let () = client
        .website()
        .debug_existing_browsing_session(&website, &session, &browsing, debug)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "debug_existing_browsing_session",
        &[website.as_str(), session.as_str(), browsing.as_str()],
        &[],
        Some(json!({"action": "eval", "execute": "console.log(document.title)"})),
    );
    // Debugging does not end the session.
    let sessions = client
        .website()
        .list_browsing_sessions_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
}

#[tokio::test]
async fn assist_existing_browsing_session_sends_every_point() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let browsing = browsing_session(&fake, &client, &website, &session).await;
    let assist = ConversationBrowsingAssist::new("mouse")
        .mouse(BrowsingPoint::new(120, 340))
        .click(BrowsingPoint::new(121, 341))
        .scroll(BrowsingPoint::new(0, 800));

    let () = client
        .website()
        .assist_existing_browsing_session(&website, &session, &browsing, assist)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "assist_existing_browsing_session",
        &[website.as_str(), session.as_str(), browsing.as_str()],
        &[],
        Some(json!({
            "action": "mouse",
            "mouse": {"x": 120, "y": 340},
            "click": {"x": 121, "y": 341},
            "scroll": {"x": 0, "y": 800},
        })),
    );
}

#[tokio::test]
async fn initiate_new_call_session_for_conversation_returns_the_ongoing_call() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let (user, user_json) = operator();

    let call = client
        .website()
        .initiate_new_call_session_for_conversation(&website, &session, CallMode::Video)
        .user(user)
        .origin(Origin::Chat)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "initiate_new_call_session_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"mode": "video", "user": user_json, "origin": "chat"})),
    );
    let call_id = call.call_id.expect("a call id");

    let ongoing = client
        .website()
        .get_ongoing_call_session_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_ongoing_call_session_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(ongoing.call_id, Some(call_id));
}

#[tokio::test]
async fn get_ongoing_call_session_for_conversation_without_a_call_is_call_not_found() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    let error = client
        .website()
        .get_ongoing_call_session_for_conversation(&website, &session)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "get_ongoing_call_session_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_api_error(&error, 404, "call_not_found");
}

#[tokio::test]
async fn abort_ongoing_call_session_for_conversation_ends_the_call() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let call_id = call(&fake, &client, &website, &session).await;
    let (user, user_json) = operator();

    client
        .website()
        .abort_ongoing_call_session_for_conversation(&website, &session, &call_id)
        .user(user)
        .origin("urn:crisp.im:zoom:0")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "abort_ongoing_call_session_for_conversation",
        &[website.as_str(), session.as_str(), call_id.as_str()],
        &[],
        Some(json!({"user": user_json, "origin": "urn:crisp.im:zoom:0"})),
    );
    let error = client
        .website()
        .get_ongoing_call_session_for_conversation(&website, &session)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "call_not_found");
}

#[tokio::test]
async fn abort_ongoing_call_session_without_setters_sends_an_empty_object() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let call_id = call(&fake, &client, &website, &session).await;

    let () = client
        .website()
        .abort_ongoing_call_session_for_conversation(&website, &session, &call_id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "abort_ongoing_call_session_for_conversation",
        &[website.as_str(), session.as_str(), call_id.as_str()],
        &[],
        Some(json!({})),
    );
    // The call is gone: aborting it again finds nothing.
    let error = client
        .website()
        .abort_ongoing_call_session_for_conversation(&website, &session, &call_id)
        .await
        .unwrap_err();
    assert_api_error(&error, 404, "call_not_found");
}

#[tokio::test]
async fn transmit_signaling_on_ongoing_call_session_sends_type_and_payload() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let call_id = call(&fake, &client, &website, &session).await;
    let signaling = ConversationCallSignalingPayload::new(
        "sdp",
        json!({"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1"}),
    );

    let () = client
        .website()
        .transmit_signaling_on_ongoing_call_session(&website, &session, &call_id, signaling)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "transmit_signaling_on_ongoing_call_session",
        &[website.as_str(), session.as_str(), call_id.as_str()],
        &[],
        Some(json!({"type": "sdp", "payload": {"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1"}})),
    );
    // The call is still ongoing.
    let ongoing = client
        .website()
        .get_ongoing_call_session_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(ongoing.call_id, Some(call_id));
}

#[tokio::test]
async fn request_tool_call_for_conversation_sends_command_and_payload() {
    // The reference states no tiers for this route: a user token is used.
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let mut payload = JsonMap::new();
    payload.insert("order_id".to_owned(), json!("A-1001"));
    let call = ConversationToolCall::new("lookup_order").payload(payload);

    let answer = client
        .website()
        .request_tool_call_for_conversation(&website, &session, call)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_tool_call_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"command": "lookup_order", "payload": {"order_id": "A-1001"}})),
    );
    assert_eq!(answer, json!({}), "the fake answers an empty object, kept untyped");
}

#[tokio::test]
async fn deliver_widget_button_action_for_conversation_sends_data_and_value() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let plugin = fake.plugin_id();
    let button = ConversationWidgetButtonPayload::new("orders", "refund")
        .data(json!({"order_id": "A-1001"}))
        .value(json!("full"));

    let action = client
        .website()
        .deliver_widget_button_action_for_conversation(&website, &session, &plugin, button)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "deliver_widget_button_action_for_conversation",
        &[website.as_str(), session.as_str(), plugin.as_str()],
        &[],
        Some(json!({"section_id": "orders", "item_id": "refund", "data": {"order_id": "A-1001"}, "value": "full"})),
    );
    assert_widget_action(&action);
}

#[tokio::test]
async fn deliver_widget_button_action_with_a_plugin_token_is_not_allowed() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let plugin = fake.plugin_id();
    let button = ConversationWidgetButtonPayload::new("orders", "refund");

    let error = client
        .website()
        .deliver_widget_button_action_for_conversation(&website, &session, &plugin, button)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "deliver_widget_button_action_for_conversation",
        &[website.as_str(), session.as_str(), plugin.as_str()],
        &[],
        Some(json!({"section_id": "orders", "item_id": "refund", "data": {}})),
    );
    assert_api_error(&error, 403, "not_allowed");
}

#[tokio::test]
async fn deliver_widget_data_fetch_action_for_conversation_sends_data() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let plugin = fake.plugin_id();
    let fetch = ConversationWidgetDataFetchPayload::new("orders", "last_order").data(json!({"limit": 1}));

    let action = client
        .website()
        .deliver_widget_data_fetch_action_for_conversation(&website, &session, &plugin, fetch)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "deliver_widget_data_fetch_action_for_conversation",
        &[website.as_str(), session.as_str(), plugin.as_str()],
        &[],
        Some(json!({"section_id": "orders", "item_id": "last_order", "data": {"limit": 1}})),
    );
    assert_widget_action(&action);
}

#[tokio::test]
async fn deliver_widget_data_edit_action_for_conversation_sends_the_value() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let plugin = fake.plugin_id();
    let edit = ConversationWidgetDataEditPayload::new("customer", "vat_number", "FR40303265045");

    let action = client
        .website()
        .deliver_widget_data_edit_action_for_conversation(&website, &session, &plugin, edit)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "deliver_widget_data_edit_action_for_conversation",
        &[website.as_str(), session.as_str(), plugin.as_str()],
        &[],
        Some(json!({"section_id": "customer", "item_id": "vat_number", "value": "FR40303265045"})),
    );
    assert_widget_action(&action);
}

#[tokio::test]
async fn deliver_widget_data_edit_action_with_a_plugin_token_is_not_allowed() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let plugin = fake.plugin_id();
    let edit = ConversationWidgetDataEditPayload::new("customer", "vat_number", "FR40303265045");

    let error = client
        .website()
        .deliver_widget_data_edit_action_for_conversation(&website, &session, &plugin, edit)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "deliver_widget_data_edit_action_for_conversation",
        &[website.as_str(), session.as_str(), plugin.as_str()],
        &[],
        Some(json!({"section_id": "customer", "item_id": "vat_number", "value": "FR40303265045"})),
    );
    assert_api_error(&error, 403, "not_allowed");
}

#[tokio::test]
async fn initiate_browsing_session_for_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::Plugin).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let error = client
        .website()
        .initiate_browsing_session_for_conversation(&website, &missing)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "initiate_browsing_session_for_conversation",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        Some(json!({})),
    );
    assert_api_error(&error, 404, "session_not_found");
}
