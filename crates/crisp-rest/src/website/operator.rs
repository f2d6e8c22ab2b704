//! Group `website.operator`: the members of a website, pending invites,
//! recent activity, and emails to operators.

use crisp_types::operator::{
    OperatorRole, WebsiteOperator, WebsiteOperatorEdit, WebsiteOperatorEmail, WebsiteOperatorInvite,
    WebsiteOperatorLastActive, WebsiteOperatorListOne,
};
use crisp_types::website::OwnerVerification;
use crisp_types::{UserId, WebsiteId};

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Every operator of the website, and the pending invites.
    "List Website Operators" => fn list_website_operators -> ListWebsiteOperators;
    GET "website/{website_id}/operators/list";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data Vec<WebsiteOperatorListOne>;

    /// The operators active lately, most recent first.
    "List Last Active Website Operators" => fn list_last_active_website_operators -> ListLastActiveWebsiteOperators;
    GET "website/{website_id}/operators/active";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data Vec<WebsiteOperatorLastActive>;

    /// Empties the list of operators active lately.
    "Flush Last Active Website Operators" => fn flush_last_active_website_operators -> FlushLastActiveWebsiteOperators;
    DELETE "website/{website_id}/operators/active";
    tiers [user];
    path (website_id: &'a WebsiteId);
    output empty;

    /// Emails the website's operators (`recipient`, e.g. `owners`).
    "Send Email To Website Operators" => fn send_email_to_website_operators -> SendEmailToWebsiteOperators;
    POST "website/{website_id}/operators/email";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (email: WebsiteOperatorEmail);
    body email: WebsiteOperatorEmail = email;
    output empty;

    "Get A Website Operator" => fn get_website_operator -> GetWebsiteOperator;
    GET "website/{website_id}/operator/{user_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, user_id: &'a UserId);
    output data WebsiteOperator;

    /// Invites `email` to join as `role`, proving the inviting user's
    /// identity with `verify`.
    "Invite A Website Operator" => fn invite_website_operator -> InviteWebsiteOperator;
    POST "website/{website_id}/operator";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (email: impl Into<String>, role: OperatorRole, verify: OwnerVerification);
    body invite: WebsiteOperatorInvite = WebsiteOperatorInvite::new(email, role, verify);
    output empty;

    /// Gives an operator `role` (and, with the setter, a title).
    "Change Operator Membership" => fn change_operator_membership -> ChangeOperatorMembership;
    PATCH "website/{website_id}/operator/{user_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, user_id: &'a UserId);
    args (role: OperatorRole);
    body edit: WebsiteOperatorEdit = WebsiteOperatorEdit::new(role), setters {
        /// The operator's title (`Customer Success`).
        title: String,
    };
    output empty;

    /// Gives an operator `role`: the Go SDK's older name of
    /// [`WebsiteApi::change_operator_membership`](crate::WebsiteApi::change_operator_membership)
    /// (same route, `{role}` only).
    #[deprecated = "removed from the Go SDK (renamed ChangeOperatorMembership in 3.6.2): use change_operator_membership, which can also set the title"]
    "Change Operator Role" => fn change_operator_role -> ChangeOperatorRole;
    PATCH "website/{website_id}/operator/{user_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, user_id: &'a UserId);
    args (role: OperatorRole);
    body edit: WebsiteOperatorEdit = WebsiteOperatorEdit::new(role);
    output empty;

    /// Removes an operator from the website.
    "Unlink Operator From Website" => fn unlink_operator_from_website -> UnlinkOperatorFromWebsite;
    DELETE "website/{website_id}/operator/{user_id}";
    tiers [user];
    path (website_id: &'a WebsiteId, user_id: &'a UserId);
    output empty;
}
