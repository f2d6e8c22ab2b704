//! `website/{website_id}/batch/..` routes: one operation on many
//! conversations (named by session id) or many people profiles (named by id
//! or found by a filter search). Unknown session or people ids are skipped.

use axum::Router;
use axum::extract::State;
use axum::routing::{patch, post};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::extract::{
    Params, json_object, optional_str, required_bool, required_scalar_map, required_str, required_strings,
};
use crate::reply::{ApiError, Reply, Success};
use crate::routes::filter::FilterSearch;
use crate::server::App;
use crate::state::{Conversation, ConversationState, Object, Profile};

/// The batch routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/website/{website_id}/batch/resolve", patch(batch_resolve))
        .route("/v1/website/{website_id}/batch/unresolve", patch(batch_unresolve))
        .route("/v1/website/{website_id}/batch/read", patch(batch_read))
        .route("/v1/website/{website_id}/batch/unread", patch(batch_unread))
        .route("/v1/website/{website_id}/batch/remove", patch(batch_remove))
        .route("/v1/website/{website_id}/batch/report", post(batch_report))
        .route("/v1/website/{website_id}/batch/block", patch(batch_block))
        .route("/v1/website/{website_id}/batch/routing", patch(batch_routing))
        .route("/v1/website/{website_id}/batch/inbox", patch(batch_inbox))
        .route("/v1/website/{website_id}/batch/data", patch(batch_data))
        .route("/v1/website/{website_id}/batch/segments", patch(batch_segments))
}

/// The `sessions` of a conversation batch body (an array of strings), after
/// checking the optional `inbox_id` (a string or `null`).
fn sessions(body: &Object) -> Result<Vec<String>, ApiError> {
    optional_str(body, "inbox_id")?;
    required_strings(body, "sessions")
}

/// Runs `apply` on every named conversation of the website (with the
/// current time), then answers `reply`.
fn each_conversation(
    app: &App,
    website_id: &str,
    sessions: &[String],
    reply: Success,
    mut apply: impl FnMut(&mut Conversation, u64),
) -> Reply {
    let mut store = app.store();
    let (website, clock) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    for conversation in website
        .conversations
        .iter_mut()
        .filter(|c| sessions.contains(&c.session_id))
    {
        apply(conversation, clock.now());
    }
    Ok(reply)
}

/// Sets the state of the named conversations.
fn set_state(app: &App, website_id: &str, body: &Bytes, state: ConversationState) -> Reply {
    let sessions = sessions(&json_object(body)?)?;
    each_conversation(app, website_id, &sessions, Success::updated(), |c, now| {
        c.set_state(state, now)
    })
}

/// `PATCH batch/resolve` with `{sessions, inbox_id?}` (user tier).
async fn batch_resolve(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    set_state(&app, &website_id, &body, ConversationState::Resolved)
}

/// `PATCH batch/unresolve` with `{sessions, inbox_id?}`.
async fn batch_unresolve(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    set_state(&app, &website_id, &body, ConversationState::Unresolved)
}

/// `PATCH batch/read` with `{sessions, inbox_id?}` (user tier): the
/// operator has read every visitor message.
async fn batch_read(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let sessions = sessions(&json_object(&body)?)?;
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, _| {
        c.read_all_by_operator("chat")
    })
}

/// `PATCH batch/unread` with `{sessions, inbox_id?}`: marked unread for the
/// operator.
async fn batch_unread(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let sessions = sessions(&json_object(&body)?)?;
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, now| {
        c.unread_marks.0 = true;
        c.updated_at = now;
    })
}

/// `PATCH batch/remove` (user tier): `{sessions, inbox_id?}` removes
/// conversations, `{people: {profiles?, search?}}` removes profiles.
async fn batch_remove(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    if let Some(people) = body.get("people") {
        let pick = PeoplePick::parse(people)?;
        let mut store = app.store();
        let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
        website.people.retain(|p| !pick.matches(p));
        return Ok(Success::deleted());
    }
    let sessions = sessions(&body)?;
    let mut store = app.store();
    let (website, _) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    website.conversations.retain(|c| !sessions.contains(&c.session_id));
    Ok(Success::deleted())
}

/// `POST batch/report` with `{sessions, flag}` (`202 dispatched`).
async fn batch_report(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let sessions = required_strings(&body, "sessions")?;
    if required_str(&body, "flag")?.trim().is_empty() {
        return Err(ApiError::INVALID_DATA);
    }
    let dispatched = Success::dispatched(Value::Object(Object::new()));
    each_conversation(&app, &website_id, &sessions, dispatched, |_, _| {})
}

/// `PATCH batch/block` with `{sessions, blocked: bool}`.
async fn batch_block(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let sessions = required_strings(&body, "sessions")?;
    let blocked = required_bool(&body, "blocked")?;
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, now| {
        c.set_blocked(blocked, now)
    })
}

/// `PATCH batch/routing` with `{sessions, assigned: {user_id} | null}`.
async fn batch_routing(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let sessions = required_strings(&body, "sessions")?;
    let assigned = match body.get("assigned") {
        Some(Value::Null) => None,
        Some(Value::Object(assigned)) => Some(required_str(assigned, "user_id")?.to_owned()),
        _ => return Err(ApiError::INVALID_DATA),
    };
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, now| {
        c.assigned = assigned.clone();
        c.updated_at = now;
    })
}

/// `PATCH batch/inbox` with `{sessions, inbox_id: string | null}`.
async fn batch_inbox(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let sessions = required_strings(&body, "sessions")?;
    if !body.contains_key("inbox_id") {
        return Err(ApiError::INVALID_DATA);
    }
    let inbox_id = optional_str(&body, "inbox_id")?
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, now| {
        c.inbox_id = inbox_id.clone();
        c.updated_at = now;
    })
}

/// `PATCH batch/data`: `{sessions, data}` merges into each conversation's
/// `meta.data`; `{people, data}` merges into each profile's data.
async fn batch_data(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let data = required_scalar_map(&body, "data")?;
    if let Some(people) = body.get("people") {
        let pick = PeoplePick::parse(people)?;
        return each_profile(&app, &website_id, &pick, |profile| profile.data.extend(data.clone()));
    }
    let sessions = required_strings(&body, "sessions")?;
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, now| {
        let target = c.meta.entry("data").or_insert_with(|| json!({}));
        if !target.is_object() {
            *target = json!({});
        }
        if let Value::Object(target) = target {
            target.extend(data.clone());
        }
        c.updated_at = now;
    })
}

/// `PATCH batch/segments`: `{sessions, segments}` sets each conversation's
/// `meta.segments`; `{people, segments}` sets each profile's segments.
async fn batch_segments(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let segments = json!(required_strings(&body, "segments")?);
    if let Some(people) = body.get("people") {
        let pick = PeoplePick::parse(people)?;
        return each_profile(&app, &website_id, &pick, |profile| {
            profile.card.insert("segments".to_owned(), segments.clone());
        });
    }
    let sessions = required_strings(&body, "sessions")?;
    each_conversation(&app, &website_id, &sessions, Success::updated(), |c, now| {
        c.meta.insert("segments".to_owned(), segments.clone());
        c.updated_at = now;
    })
}

/// Runs `apply` on every profile `pick` selects.
fn each_profile(app: &App, website_id: &str, pick: &PeoplePick, mut apply: impl FnMut(&mut Profile)) -> Reply {
    let mut store = app.store();
    let (website, clock) = store.website_mut(website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    for profile in website.people.iter_mut().filter(|p| pick.matches(p)) {
        apply(profile);
        profile.updated_at = clock.now();
    }
    Ok(Success::updated())
}

/// Which profiles a people batch acts on: `{profiles?: [ids], search?:
/// {filter, operator?}}`, at least one of them (both: either matches).
#[derive(Debug)]
struct PeoplePick {
    /// The profiles named by id.
    profiles: Option<Vec<String>>,
    /// The filter search.
    search: Option<FilterSearch>,
}

impl PeoplePick {
    /// Parses the `people` object; anything malformed is `400 invalid_data`.
    fn parse(people: &Value) -> Result<Self, ApiError> {
        let people = people.as_object().ok_or(ApiError::INVALID_DATA)?;
        let profiles = match people.get("profiles") {
            None | Some(Value::Null) => None,
            Some(_) => Some(required_strings(people, "profiles")?),
        };
        let search = match people.get("search") {
            None | Some(Value::Null) => None,
            Some(search) => Some(FilterSearch::from_batch(search)?),
        };
        if profiles.is_none() && search.is_none() {
            return Err(ApiError::INVALID_DATA);
        }
        Ok(Self { profiles, search })
    }

    /// Whether the profile is picked.
    fn matches(&self, profile: &Profile) -> bool {
        self.profiles
            .as_ref()
            .is_some_and(|ids| ids.contains(&profile.people_id))
            || self
                .search
                .as_ref()
                .is_some_and(|search| search.matches_profile(profile))
    }
}
