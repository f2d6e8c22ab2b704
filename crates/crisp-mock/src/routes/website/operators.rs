//! Operators of a website: the member list (with pending invites), recent
//! activity, invitations, role changes, removal, and emails to operators.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::base::check_verify;
use super::{AdminReply, Fail, UserOnly, required_text, site};
use crate::extract::{Params, json_object, optional_object, optional_str, required_str};
use crate::reply::{ApiError, Success};
use crate::server::App;
use crate::state::admin::Invite;

/// The operator routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/operators/list", get(list_website_operators))
        .route(
            "/v1/website/{website_id}/operators/active",
            get(list_last_active_website_operators).delete(flush_last_active_website_operators),
        )
        .route(
            "/v1/website/{website_id}/operators/email",
            post(send_email_to_website_operators),
        )
        .route("/v1/website/{website_id}/operator", post(invite_website_operator))
        .route(
            "/v1/website/{website_id}/operator/{user_id}",
            get(get_website_operator)
                .patch(change_operator_membership)
                .delete(unlink_operator_from_website),
        )
}

/// `GET operators/list` -> members (`type: operator`), then pending invites
/// (`type: invite`).
async fn list_website_operators(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let admin = &website.admin;
    let members = admin
        .operators
        .iter()
        .map(|o| json!({ "type": "operator", "details": o.to_json() }));
    let invites = admin
        .invites
        .iter()
        .map(|i| json!({ "type": "invite", "details": i.to_json() }));
    Ok(Success::resolved(Value::Array(members.chain(invites).collect())))
}

/// `GET operators/active` -> operators active lately, most recent first
/// (empty after a flush).
async fn list_last_active_website_operators(State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let mut active: Vec<(u64, Value)> = website
        .admin
        .operators
        .iter()
        .filter_map(|o| o.last_active.map(|at| (at, o.last_active_json(at))))
        .collect();
    active.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    Ok(Success::resolved(Value::Array(
        active.into_iter().map(|(_, json)| json).collect(),
    )))
}

/// `DELETE operators/active` (user tier): forgets recent activity.
async fn flush_last_active_website_operators(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    for operator in &mut website.admin.operators {
        operator.last_active = None;
    }
    Ok(Success::deleted())
}

/// `POST operators/email {recipient, user_id?, subject, message, target?{label, url}}`:
/// kept for [`FakeCrisp::operator_emails`](crate::FakeCrisp::operator_emails);
/// a `user_id` that is not an operator is `404 operator_not_found`.
async fn send_email_to_website_operators(
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let email = json_object(&body)?;
    required_text(&email, "recipient")?;
    required_text(&email, "subject")?;
    required_text(&email, "message")?;
    let user_id = optional_str(&email, "user_id")?.map(str::to_owned);
    if let Some(target) = optional_object(&email, "target")? {
        required_str(target, "label")?;
        required_str(target, "url")?;
    }
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    if let Some(user_id) = user_id
        && website.admin.operator(&user_id).is_none()
    {
        return Err(Fail::OPERATOR_NOT_FOUND);
    }
    website.admin.sent_emails.push(Value::Object(email));
    Ok(Success::dispatched(json!({})))
}

/// `GET operator/{user_id}`.
async fn get_website_operator(
    State(app): State<App>,
    Params((website_id, user_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let operator = website.admin.operator(&user_id).ok_or(Fail::OPERATOR_NOT_FOUND)?;
    Ok(Success::resolved(operator.to_json()))
}

/// A role as Crisp spells it, else `400 invalid_data`.
fn role(value: &str) -> Result<&str, Fail> {
    match value {
        "owner" | "member" => Ok(value),
        _ => Err(ApiError::INVALID_DATA.into()),
    }
}

/// `POST operator {email, role, verify{method, secret}}` (user tier): adds a
/// pending invite; `409 operator_exists` when the email is a member or
/// invited already.
async fn invite_website_operator(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let email = required_text(&body, "email")?.trim().to_lowercase();
    if !email.contains('@') {
        return Err(ApiError::INVALID_DATA.into());
    }
    let role = role(required_str(&body, "role")?)?.to_owned();
    let mut store = app.store();
    site(&mut store, &website_id)?;
    check_verify(&store, &body)?;
    let (website, _) = site(&mut store, &website_id)?;
    let admin = &mut website.admin;
    let taken = admin.operators.iter().any(|o| o.email.eq_ignore_ascii_case(&email))
        || admin.invites.iter().any(|i| i.email == email);
    if taken {
        return Err(Fail::OPERATOR_EXISTS);
    }
    admin.invites.push(Invite { email, role });
    Ok(Success::added(json!({})))
}

/// `PATCH operator/{user_id} {role, title?}` (user tier).
async fn change_operator_membership(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, user_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let role = role(required_str(&body, "role")?)?.to_owned();
    let title = optional_str(&body, "title")?.map(str::to_owned);
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let operator = website.admin.operator_mut(&user_id).ok_or(Fail::OPERATOR_NOT_FOUND)?;
    operator.role = role;
    if let Some(title) = title {
        operator.title = title;
    }
    Ok(Success::updated())
}

/// `DELETE operator/{user_id}` (user tier): removes the operator, from its
/// teams and inboxes too.
async fn unlink_operator_from_website(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, user_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let admin = &mut website.admin;
    let before = admin.operators.len();
    admin.operators.retain(|o| o.user_id != user_id);
    if admin.operators.len() == before {
        return Err(Fail::OPERATOR_NOT_FOUND);
    }
    for team in &mut admin.teams {
        team.operators.retain(|id| *id != user_id);
    }
    for inbox in &mut admin.inboxes {
        inbox.operators.retain(|id| *id != user_id);
    }
    Ok(Success::deleted())
}
