//! Identity verification, transcripts, purges, feedback requests, reports
//! and reminders of a conversation.

use crisp_types::conversation::{
    ConversationReminderPayload, ConversationReportPayload, ConversationTranscriptRequest, ConversationVerify,
    ConversationVerifyIdentityRedeem, ConversationVerifyIdentityRequest, ConversationVerifyUpdate,
};
use crisp_types::message::{MessageUser, Origin};
use crisp_types::{SessionId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Whether the visitor's identity is verified, and how.
    "Get Verify Status For Conversation" => fn get_verify_status_for_conversation -> GetVerifyStatusForConversation;
    GET "website/{website_id}/conversation/{session_id}/verify";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    output data ConversationVerify;

    /// Marks the visitor's identity verified (or not).
    "Update Verify Status For Conversation"
        => fn update_verify_status_for_conversation -> UpdateVerifyStatusForConversation;
    PATCH "website/{website_id}/conversation/{session_id}/verify";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (verified: bool);
    body update: ConversationVerifyUpdate = ConversationVerifyUpdate::new(verified);
    output empty;

    /// Sends the visitor a verification link for an email, a phone or a
    /// plugin identity.
    "Request Identity Verification For Conversation"
        => fn request_identity_verification_for_conversation -> RequestIdentityVerificationForConversation;
    POST "website/{website_id}/conversation/{session_id}/verify/identity";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (request: ConversationVerifyIdentityRequest);
    body request: ConversationVerifyIdentityRequest = request;
    output empty;

    /// Redeems the token of a verification link.
    "Redeem Identity Verification Link For Conversation"
        => fn redeem_identity_verification_link_for_conversation -> RedeemIdentityVerificationLinkForConversation;
    PUT "website/{website_id}/conversation/{session_id}/verify/identity/link";
    tiers [];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (redeem: ConversationVerifyIdentityRedeem);
    body redeem: ConversationVerifyIdentityRedeem = redeem;
    output empty;

    /// Emails the transcript of the conversation to `to` (`user` or
    /// `operator`), or to the address set with `email`.
    "Request Email Transcript For Conversation"
        => fn request_email_transcript_for_conversation -> RequestEmailTranscriptForConversation;
    POST "website/{website_id}/conversation/{session_id}/transcript";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (to: impl Into<String>);
    body request: ConversationTranscriptRequest = ConversationTranscriptRequest::new(to), setters {
        /// The address the transcript goes to.
        email: String,
    };
    output empty;

    /// Unbinds the chatbox sessions of the visitor (their browsers forget
    /// the conversation).
    "Request Chatbox Binding Purge For Conversation"
        => fn request_chatbox_binding_purge_for_conversation -> RequestChatboxBindingPurgeForConversation;
    POST "website/{website_id}/conversation/{session_id}/purge";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    body {};
    output empty;

    /// Asks the visitor to rate the conversation.
    "Request User Feedback For Conversation"
        => fn request_user_feedback_for_conversation -> RequestUserFeedbackForConversation;
    POST "website/{website_id}/conversation/{session_id}/feedback";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    body {};
    output empty;

    /// Reminds the token's operator of the conversation at `date` (ISO
    /// 8601), with a note.
    "Schedule A Reminder For Conversation" => fn schedule_reminder_for_conversation -> ScheduleReminderForConversation;
    POST "website/{website_id}/conversation/{session_id}/reminder";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (date: impl Into<String>, note: impl Into<String>);
    body reminder: ConversationReminderPayload = ConversationReminderPayload::new(date, note), setters {
        /// The operator (or bot) credited with the reminder.
        user: MessageUser,
        /// Where the reminder comes from.
        origin: Origin,
    };
    output empty;

    /// Reports the conversation to Crisp (abuse, spam, ...) with a flag.
    "Report Conversation" => fn report_conversation -> ReportConversation;
    POST "website/{website_id}/conversation/{session_id}/report";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, session_id: &'a SessionId);
    args (flag: impl Into<String>);
    body report: ConversationReportPayload = ConversationReportPayload::new(flag);
    output empty;
}
