//! Wire tests of `website.conversation`, identity verification, transcripts,
//! chatbox purges, feedback requests, reminders and reports.

use crate::common::fake_and_client;
use crate::common::wire::assert_wire;
use crisp_mock::FakeCrisp;
use crisp_rest::{Client, Error};
use crisp_transport::Tier;
use crisp_types::conversation::{
    ConversationVerification, ConversationVerifyIdentityRedeem, ConversationVerifyIdentityRequest, VerifyIdentity,
};
use crisp_types::message::{MessageUser, Origin};
use crisp_types::{SessionId, WebsiteId};
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

#[tokio::test]
async fn get_verify_status_for_conversation_is_unverified_at_first() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let verify = client
        .website()
        .get_verify_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_verify_status_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(verify.verified, Some(false));
    assert!(verify.verifications.is_empty());
}

#[tokio::test]
async fn update_verify_status_for_conversation_marks_it_verified_then_not() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    client
        .website()
        .update_verify_status_for_conversation(&website, &session, true)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_verify_status_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"verified": true})),
    );
    let verify = client
        .website()
        .get_verify_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "get_verify_status_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        None,
    );
    assert_eq!(verify.verified, Some(true));
    let conversation = client.website().get_conversation(&website, &session).await.unwrap();
    assert_eq!(conversation.is_verified, Some(true));
    fake.clear_requests();

    client
        .website()
        .update_verify_status_for_conversation(&website, &session, false)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "update_verify_status_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"verified": false})),
    );
    let verify = client
        .website()
        .get_verify_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(verify.verified, Some(false));
}

#[tokio::test]
async fn request_identity_verification_for_conversation_sends_a_link_request() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let request = ConversationVerifyIdentityRequest::new(VerifyIdentity::Email).recipient("john.doe@acme-inc.com");

    let () = client
        .website()
        .request_identity_verification_for_conversation(&website, &session, request)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_identity_verification_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"identity": "email", "method": "link", "recipient": "john.doe@acme-inc.com"})),
    );
    // A request alone verifies nothing.
    let verify = client
        .website()
        .get_verify_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(verify.verified, Some(false));
}

#[tokio::test]
async fn request_identity_verification_for_a_plugin_identity_keeps_the_urn() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let identity = VerifyIdentity::from("urn:crisp.im:whatsapp:0");
    let request = ConversationVerifyIdentityRequest::new(identity);

    client
        .website()
        .request_identity_verification_for_conversation(&website, &session, request)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_identity_verification_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"identity": "urn:crisp.im:whatsapp:0", "method": "link"})),
    );
}

#[tokio::test]
async fn redeem_identity_verification_link_for_conversation_verifies_the_identity() {
    // The reference states no tiers for this route: a user token is used.
    let (fake, client, website, session) = with_conversation(Tier::User).await;
    let redeem = ConversationVerifyIdentityRedeem::new(VerifyIdentity::Phone, "3f9c1a7e").recipient("+33612345678");

    client
        .website()
        .redeem_identity_verification_link_for_conversation(&website, &session, redeem)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "redeem_identity_verification_link_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"identity": "phone", "token": "3f9c1a7e", "recipient": "+33612345678"})),
    );
    let verify = client
        .website()
        .get_verify_status_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_eq!(verify.verified, Some(true));
    assert_eq!(
        verify.verifications,
        [ConversationVerification {
            identity: Some("phone".to_owned()),
            method: Some("link".to_owned()),
            annotation: None,
        }]
    );
}

#[tokio::test]
async fn request_email_transcript_for_conversation_sends_to_and_email() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let () = client
        .website()
        .request_email_transcript_for_conversation(&website, &session, "operator")
        .email("support@acme-inc.com")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_email_transcript_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"to": "operator", "email": "support@acme-inc.com"})),
    );

    let () = client
        .website()
        .request_email_transcript_for_conversation(&website, &session, "user")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_email_transcript_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"to": "user"})),
    );
}

#[tokio::test]
async fn request_chatbox_binding_purge_for_conversation_posts_an_empty_object() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let () = client
        .website()
        .request_chatbox_binding_purge_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_chatbox_binding_purge_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({})),
    );
    // The conversation itself stays.
    assert!(
        client
            .website()
            .check_conversation_exists(&website, &session)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn request_user_feedback_for_conversation_posts_an_empty_object() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    let () = client
        .website()
        .request_user_feedback_for_conversation(&website, &session)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_user_feedback_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({})),
    );
}

#[tokio::test]
async fn request_user_feedback_for_an_unknown_session_is_session_not_found() {
    let (fake, client, website, _session) = with_conversation(Tier::Plugin).await;
    let missing = SessionId::new(UNKNOWN_SESSION);

    let error = client
        .website()
        .request_user_feedback_for_conversation(&website, &missing)
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "request_user_feedback_for_conversation",
        &[website.as_str(), UNKNOWN_SESSION],
        &[],
        Some(json!({})),
    );
    assert_api_error(&error, 404, "session_not_found");
}

#[tokio::test]
async fn schedule_reminder_for_conversation_sends_date_note_user_and_origin() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;
    let user = MessageUser::new()
        .kind("website")
        .user_id("aa0b64dd-9fb4-4db9-80d6-5a49eb84087b")
        .nickname("Jane");

    let () = client
        .website()
        .schedule_reminder_for_conversation(&website, &session, "2030-03-01T09:00:00.000Z", "Call John back")
        .user(user)
        .origin(Origin::Chat)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "schedule_reminder_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({
            "date": "2030-03-01T09:00:00.000Z",
            "note": "Call John back",
            "user": {"type": "website", "user_id": "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b", "nickname": "Jane"},
            "origin": "chat",
        })),
    );
}

#[tokio::test]
async fn schedule_reminder_for_conversation_with_a_bad_date_is_invalid_data() {
    let (fake, client, website, session) = with_conversation(Tier::User).await;

    let error = client
        .website()
        .schedule_reminder_for_conversation(&website, &session, "next tuesday", "Call back")
        .await
        .unwrap_err();
    assert_wire(
        &fake,
        "schedule_reminder_for_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"date": "next tuesday", "note": "Call back"})),
    );
    assert_api_error(&error, 400, "invalid_data");
}

#[tokio::test]
async fn report_conversation_sends_the_flag() {
    let (fake, client, website, session) = with_conversation(Tier::Plugin).await;

    let () = client
        .website()
        .report_conversation(&website, &session, "spam")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "report_conversation",
        &[website.as_str(), session.as_str()],
        &[],
        Some(json!({"flag": "spam"})),
    );
    // Reporting does not remove the conversation.
    assert!(
        client
            .website()
            .check_conversation_exists(&website, &session)
            .await
            .unwrap()
    );
}
