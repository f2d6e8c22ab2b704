//! Inboxes (list, order, create, check, get, save, delete) and teams (list,
//! create, check, get, save, delete).

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, patch, post};
use bytes::Bytes;
use serde_json::Value;

use super::{AdminReply, Fail, PER_PAGE, UserOnly, exists, optional_strings, optional_u64, required_text, site};
use crate::extract::{Params, json_object, page_number, paginate, required_str};
use crate::ids;
use crate::reply::{ApiError, Success};
use crate::server::App;
use crate::state::Object;
use crate::state::admin::{Inbox, Team, WebsiteAdmin};

/// The inbox and team routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/inboxes/list/{page_number}", get(list_inboxes))
        .route(
            "/v1/website/{website_id}/inboxes/batch/order",
            patch(batch_order_inboxes),
        )
        .route("/v1/website/{website_id}/inbox", post(create_new_inbox))
        .route(
            "/v1/website/{website_id}/inbox/{inbox_id}",
            get(get_inbox)
                .head(check_inbox_exists)
                .put(save_inbox)
                .delete(delete_inbox),
        )
        .route("/v1/website/{website_id}/teams/list/{page_number}", get(list_teams))
        .route("/v1/website/{website_id}/team", post(create_new_team))
        .route(
            "/v1/website/{website_id}/team/{team_id}",
            get(get_team).head(check_team_exists).put(save_team).delete(delete_team),
        )
}

// ---- inboxes ----------------------------------------------------------------

/// An inbox body, checked against the website: `name` and `emoji`
/// non-blank; `order` a number; `operators` known operators; `teams` known
/// teams; `operator` `and` / `or`; `conditions` `[{model, criterion,
/// operator, query[]}]`.
struct InboxBody {
    name: String,
    emoji: String,
    order: Option<u64>,
    operators: Vec<String>,
    teams: Vec<String>,
    operator: Option<String>,
    conditions: Vec<Value>,
}

impl InboxBody {
    /// Parses and checks the body (`404 operator_not_found` /
    /// `team_not_found` for unknown members).
    fn parse(body: &Object, admin: &WebsiteAdmin) -> Result<Self, Fail> {
        let operators = optional_strings(body, "operators")?.unwrap_or_default();
        if operators.iter().any(|id| admin.operator(id).is_none()) {
            return Err(Fail::OPERATOR_NOT_FOUND);
        }
        let teams = optional_strings(body, "teams")?.unwrap_or_default();
        if teams.iter().any(|id| admin.team(id).is_none()) {
            return Err(Fail::TEAM_NOT_FOUND);
        }
        let operator = match body.get("operator") {
            None | Some(Value::Null) => None,
            Some(Value::String(op)) if op == "and" || op == "or" => Some(op.clone()),
            Some(_) => return Err(ApiError::INVALID_DATA.into()),
        };
        let conditions = match body.get("conditions") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(conditions)) => {
                for condition in conditions {
                    let Value::Object(condition) = condition else {
                        return Err(ApiError::INVALID_DATA.into());
                    };
                    required_str(condition, "model")?;
                    required_str(condition, "criterion")?;
                    if !matches!(
                        required_str(condition, "operator")?,
                        "eq" | "neq" | "gte" | "lte" | "gt" | "lt"
                    ) {
                        return Err(ApiError::INVALID_DATA.into());
                    }
                    optional_strings(condition, "query")?;
                }
                conditions.clone()
            }
            Some(_) => return Err(ApiError::INVALID_DATA.into()),
        };
        Ok(Self {
            name: required_text(body, "name")?.to_owned(),
            emoji: required_text(body, "emoji")?.to_owned(),
            order: optional_u64(body, "order")?,
            operators,
            teams,
            operator,
            conditions,
        })
    }

    /// Writes the body into `inbox` (a missing order keeps the inbox's).
    fn apply(self, inbox: &mut Inbox, now: u64) {
        inbox.name = self.name;
        inbox.emoji = self.emoji;
        inbox.order = self.order.unwrap_or(inbox.order);
        inbox.operators = self.operators;
        inbox.teams = self.teams;
        inbox.operator = self.operator;
        inbox.conditions = self.conditions;
        inbox.updated_at = now;
    }
}

/// `GET inboxes/list/{page_number}`: by `order`, then oldest first.
async fn list_inboxes(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> AdminReply {
    let page = page_number(&page)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let admin = &website.admin;
    let inboxes = admin.sorted_inboxes().into_iter().map(|inbox| admin.inbox_json(inbox));
    Ok(Success::resolved(Value::Array(paginate(
        inboxes.collect(),
        page,
        PER_PAGE,
    ))))
}

/// `PATCH inboxes/batch/order {orders: [{inbox_id, order}]}` (user tier):
/// every inbox must exist (`404 inbox_not_found`, nothing changed).
async fn batch_order_inboxes(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let Some(Value::Array(orders)) = body.get("orders") else {
        return Err(ApiError::INVALID_DATA.into());
    };
    let mut changes = Vec::new();
    for order in orders {
        let Value::Object(order) = order else {
            return Err(ApiError::INVALID_DATA.into());
        };
        let position = optional_u64(order, "order")?.ok_or(ApiError::INVALID_DATA)?;
        changes.push((required_str(order, "inbox_id")?.to_owned(), position));
    }
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    if changes
        .iter()
        .any(|(inbox_id, _)| website.admin.inbox(inbox_id).is_none())
    {
        return Err(Fail::INBOX_NOT_FOUND);
    }
    let now = clock.now();
    for (inbox_id, position) in changes {
        if let Some(inbox) = website.admin.inboxes.iter_mut().find(|i| i.inbox_id == inbox_id) {
            inbox.order = position;
            inbox.updated_at = now;
        }
    }
    Ok(Success::updated())
}

/// `POST inbox` (user tier) -> `{inbox_id}`; without `order`, the inbox goes last.
async fn create_new_inbox(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    let parsed = InboxBody::parse(&body, &website.admin)?;
    let now = clock.now();
    let last = website.admin.inboxes.iter().map(|i| i.order).max().unwrap_or(0);
    let mut inbox = Inbox {
        inbox_id: ids::uuid(),
        name: String::new(),
        emoji: String::new(),
        order: last + 1,
        operators: Vec::new(),
        teams: Vec::new(),
        operator: None,
        conditions: Vec::new(),
        created_at: now,
        updated_at: now,
    };
    parsed.apply(&mut inbox, now);
    let inbox_id = inbox.inbox_id.clone();
    website.admin.inboxes.push(inbox);
    Ok(Success::added(serde_json::json!({ "inbox_id": inbox_id })))
}

/// `HEAD inbox/{inbox_id}`.
async fn check_inbox_exists(
    State(app): State<App>,
    Params((website_id, inbox_id)): Params<(String, String)>,
) -> Response {
    let mut store = app.store();
    exists(
        site(&mut store, &website_id)
            .and_then(|(website, _)| website.admin.inbox(&inbox_id).map(|_| ()).ok_or(Fail::INBOX_NOT_FOUND)),
    )
}

/// `GET inbox/{inbox_id}`.
async fn get_inbox(State(app): State<App>, Params((website_id, inbox_id)): Params<(String, String)>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let admin = &website.admin;
    let inbox = admin.inbox(&inbox_id).ok_or(Fail::INBOX_NOT_FOUND)?;
    Ok(Success::resolved(admin.inbox_json(inbox)))
}

/// `PUT inbox/{inbox_id}` (user tier): replaces the inbox.
async fn save_inbox(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, inbox_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    website.admin.inbox(&inbox_id).ok_or(Fail::INBOX_NOT_FOUND)?;
    let parsed = InboxBody::parse(&body, &website.admin)?;
    let now = clock.now();
    if let Some(inbox) = website.admin.inboxes.iter_mut().find(|i| i.inbox_id == inbox_id) {
        parsed.apply(inbox, now);
    }
    Ok(Success::updated())
}

/// `DELETE inbox/{inbox_id}` (user tier): its conversations go back to the
/// default inbox.
async fn delete_inbox(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, inbox_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let before = website.admin.inboxes.len();
    website.admin.inboxes.retain(|i| i.inbox_id != inbox_id);
    if website.admin.inboxes.len() == before {
        return Err(Fail::INBOX_NOT_FOUND);
    }
    for conversation in &mut website.conversations {
        if conversation.inbox_id.as_deref() == Some(inbox_id.as_str()) {
            conversation.inbox_id = None;
        }
    }
    Ok(Success::deleted())
}

// ---- teams ------------------------------------------------------------------

/// A team body: `name` and `emoji` non-blank, `operators` known operators
/// (`404 operator_not_found`; absent is none).
fn team_body(body: &Object, admin: &WebsiteAdmin) -> Result<(String, String, Vec<String>), Fail> {
    let operators = optional_strings(body, "operators")?.unwrap_or_default();
    if operators.iter().any(|id| admin.operator(id).is_none()) {
        return Err(Fail::OPERATOR_NOT_FOUND);
    }
    Ok((
        required_text(body, "name")?.to_owned(),
        required_text(body, "emoji")?.to_owned(),
        operators,
    ))
}

/// `GET teams/list/{page_number}`: oldest first.
async fn list_teams(State(app): State<App>, Params((website_id, page)): Params<(String, String)>) -> AdminReply {
    let page = page_number(&page)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let teams = website.admin.teams.iter().map(Team::to_json).collect();
    Ok(Success::resolved(Value::Array(paginate(teams, page, PER_PAGE))))
}

/// `POST team {name, emoji, operators}` -> `{team_id}`.
async fn create_new_team(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> AdminReply {
    let body = json_object(&body)?;
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    let (name, emoji, operators) = team_body(&body, &website.admin)?;
    let now = clock.now();
    let team_id = ids::uuid();
    website.admin.teams.push(Team {
        team_id: team_id.clone(),
        name,
        emoji,
        operators,
        created_at: now,
        updated_at: now,
    });
    Ok(Success::added(serde_json::json!({ "team_id": team_id })))
}

/// `HEAD team/{team_id}`.
async fn check_team_exists(
    State(app): State<App>,
    Params((website_id, team_id)): Params<(String, String)>,
) -> Response {
    let mut store = app.store();
    exists(
        site(&mut store, &website_id)
            .and_then(|(website, _)| website.admin.team(&team_id).map(|_| ()).ok_or(Fail::TEAM_NOT_FOUND)),
    )
}

/// `GET team/{team_id}`.
async fn get_team(State(app): State<App>, Params((website_id, team_id)): Params<(String, String)>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let team = website.admin.team(&team_id).ok_or(Fail::TEAM_NOT_FOUND)?;
    Ok(Success::resolved(team.to_json()))
}

/// `PUT team/{team_id}`: replaces the team.
async fn save_team(
    State(app): State<App>,
    Params((website_id, team_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    website.admin.team(&team_id).ok_or(Fail::TEAM_NOT_FOUND)?;
    let (name, emoji, operators) = team_body(&body, &website.admin)?;
    let now = clock.now();
    if let Some(team) = website.admin.teams.iter_mut().find(|t| t.team_id == team_id) {
        team.name = name;
        team.emoji = emoji;
        team.operators = operators;
        team.updated_at = now;
    }
    Ok(Success::updated())
}

/// `DELETE team/{team_id}`: the team leaves the inboxes it was in.
async fn delete_team(State(app): State<App>, Params((website_id, team_id)): Params<(String, String)>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let admin = &mut website.admin;
    let before = admin.teams.len();
    admin.teams.retain(|t| t.team_id != team_id);
    if admin.teams.len() == before {
        return Err(Fail::TEAM_NOT_FOUND);
    }
    for inbox in &mut admin.inboxes {
        inbox.teams.retain(|id| *id != team_id);
    }
    Ok(Success::deleted())
}
