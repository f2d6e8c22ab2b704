//! Campaigns: the list (with the Go SDK's filters), tags, one campaign
//! (create, check, get, save, update, remove), its sending (dispatch,
//! pause, resume, test), recipients and statistics. Every route is user
//! tier only.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::{AdminReply, Fail, PER_PAGE, UserOnly, exists, optional_strings, required_text, site};
use crate::extract::{Params, QueryPairs, json_object, page_number, paginate, required_str};
use crate::ids;
use crate::reply::{ApiError, Success};
use crate::routes::filter::FilterSearch;
use crate::server::App;
use crate::state::admin::{CAMPAIGN_FIELDS, Campaign, WebsiteAdmin};
use crate::state::{Object, Profile, deep_merge};

/// The campaign routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/campaigns/list/{page_number}",
            get(list_campaigns),
        )
        .route("/v1/website/{website_id}/campaigns/tags", get(list_campaign_tags))
        .route("/v1/website/{website_id}/campaign", post(create_new_campaign))
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}",
            get(get_campaign)
                .head(check_campaign_exists)
                .put(save_campaign)
                .patch(update_campaign)
                .delete(remove_campaign),
        )
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}/dispatch",
            post(dispatch_campaign),
        )
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}/resume",
            post(resume_campaign),
        )
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}/pause",
            post(pause_campaign),
        )
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}/test",
            post(test_campaign),
        )
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}/recipients/{page_number}",
            get(list_campaign_recipients),
        )
        .route(
            "/v1/website/{website_id}/campaign/{campaign_id}/statistics/{action}/{page_number}",
            get(list_campaign_statistics),
        )
}

/// Whether `campaign` passes the list filters: `search_name` (substring,
/// case-insensitive), `filter_tag`, and, among the type flags and among the
/// status flags, any flag set to `1`.
fn listed(campaign: &Campaign, query: &QueryPairs) -> Result<bool, Fail> {
    if let Some(name) = query.get("search_name")
        && !campaign
            .field("name")
            .is_some_and(|n| n.to_lowercase().contains(&name.to_lowercase()))
    {
        return Ok(false);
    }
    if let Some(tag) = query.get("filter_tag")
        && campaign.field("tag") != Some(tag)
    {
        return Ok(false);
    }
    let types = [
        (query.flag("filter_type_one_shot")?, campaign.kind() == "one-shot"),
        (query.flag("filter_type_automated")?, campaign.kind() == "automated"),
    ];
    let statuses = [
        (
            query.flag("filter_status_not_configured")?,
            !campaign.ready() && !campaign.dispatched,
        ),
        (
            query.flag("filter_status_ready")?,
            campaign.ready() && !campaign.dispatched,
        ),
        (query.flag("filter_status_paused")?, campaign.paused()),
        (query.flag("filter_status_sending")?, campaign.running),
        (query.flag("filter_status_done")?, campaign.done()),
    ];
    let passes =
        |flags: &[(bool, bool)]| !flags.iter().any(|(set, _)| *set) || flags.iter().any(|(set, is)| *set && *is);
    Ok(passes(&types) && passes(&statuses))
}

/// `GET campaigns/list/{page_number}`: newest first, filtered.
async fn list_campaigns(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, page)): Params<(String, String)>,
    query: QueryPairs,
) -> AdminReply {
    let page = page_number(&page)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let mut campaigns = Vec::new();
    for campaign in website.admin.campaigns.iter().rev() {
        if listed(campaign, &query)? {
            campaigns.push(campaign.excerpt_json());
        }
    }
    Ok(Success::resolved(Value::Array(paginate(campaigns, page, PER_PAGE))))
}

/// `GET campaigns/tags`: every tag in use, sorted.
async fn list_campaign_tags(_: UserOnly, State(app): State<App>, Params(website_id): Params<String>) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let mut tags: Vec<&str> = website
        .admin
        .campaigns
        .iter()
        .filter_map(|c| c.field("tag"))
        .filter(|tag| !tag.is_empty())
        .collect();
    tags.sort_unstable();
    tags.dedup();
    Ok(Success::resolved(json!(tags)))
}

/// A campaign type, else `400 invalid_data`.
fn campaign_type(value: &str) -> Result<&str, Fail> {
    match value {
        "one-shot" | "automated" => Ok(value),
        _ => Err(ApiError::INVALID_DATA.into()),
    }
}

/// The campaign fields of a `PUT` / `PATCH` body, checked: `type`,
/// `format`, strings, `sender{user_id}` (a known operator),
/// `recipients{type, segments?, people?, filter?}`, `flow` and `options`
/// objects. Other keys (server-filled ones) are ignored.
fn campaign_fields(body: &Object, admin: &WebsiteAdmin) -> Result<Object, Fail> {
    let mut fields = Object::new();
    for key in CAMPAIGN_FIELDS {
        let Some(value) = body.get(*key) else {
            continue;
        };
        match (*key, value) {
            ("type", Value::String(kind)) => {
                campaign_type(kind)?;
            }
            ("format", Value::String(format)) if matches!(format.as_str(), "markdown" | "text" | "html") => {}
            ("name" | "subject" | "tag" | "message", Value::String(_) | Value::Null) => {}
            ("sender", Value::Object(sender)) => {
                let user_id = required_str(sender, "user_id")?;
                if admin.operator(user_id).is_none() {
                    return Err(Fail::OPERATOR_NOT_FOUND);
                }
            }
            ("recipients", Value::Object(recipients)) => {
                let kind = required_str(recipients, "type")?;
                optional_strings(recipients, "segments")?;
                optional_strings(recipients, "people")?;
                match recipients.get("filter") {
                    None | Some(Value::Null) => {}
                    Some(filter) => {
                        FilterSearch::parse(filter, None)?;
                    }
                }
                if !matches!(kind, "all" | "segment" | "people" | "filter") {
                    return Err(ApiError::INVALID_DATA.into());
                }
            }
            ("flow", Value::Object(_)) => {}
            ("options", Value::Object(options)) => {
                if !options.values().all(|v| v.is_boolean() || v.is_null()) {
                    return Err(ApiError::INVALID_DATA.into());
                }
            }
            _ => return Err(ApiError::INVALID_DATA.into()),
        }
        fields.insert((*key).to_owned(), value.clone());
    }
    Ok(fields)
}

/// `POST campaign {type, name}` -> `{campaign_id}`.
async fn create_new_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params(website_id): Params<String>,
    body: Bytes,
) -> AdminReply {
    let body = json_object(&body)?;
    let kind = campaign_type(required_str(&body, "type")?)?.to_owned();
    let name = required_text(&body, "name")?.to_owned();
    let mut store = app.store();
    let (website, clock) = site(&mut store, &website_id)?;
    let campaign_id = ids::uuid();
    website
        .admin
        .campaigns
        .push(Campaign::new(campaign_id.clone(), &kind, &name, clock.now()));
    Ok(Success::added(json!({ "campaign_id": campaign_id })))
}

/// `HEAD campaign/{campaign_id}`.
async fn check_campaign_exists(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
) -> Response {
    let mut store = app.store();
    exists(site(&mut store, &website_id).and_then(|(website, _)| {
        website
            .admin
            .campaign(&campaign_id)
            .map(|_| ())
            .ok_or(Fail::CAMPAIGN_NOT_FOUND)
    }))
}

/// `GET campaign/{campaign_id}`.
async fn get_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let campaign = website.admin.campaign(&campaign_id).ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
    Ok(Success::resolved(campaign.item_json()))
}

/// Replaces (`replace`) or merges the campaign fields of `body`, checked first.
fn edit(app: &App, website_id: &str, campaign_id: &str, body: &Bytes, replace: bool) -> AdminReply {
    let body = json_object(body)?;
    let mut store = app.store();
    let (website, clock) = site(&mut store, website_id)?;
    website.admin.campaign(campaign_id).ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
    let fields = campaign_fields(&body, &website.admin)?;
    let now = clock.now();
    if let Some(campaign) = website.admin.campaign_mut(campaign_id) {
        if replace {
            let mut replaced = fields;
            for key in ["type", "format"] {
                if let (false, Some(kept)) = (replaced.contains_key(key), campaign.fields.get(key)) {
                    replaced.insert(key.to_owned(), kept.clone());
                }
            }
            campaign.fields = replaced;
        } else {
            deep_merge(&mut campaign.fields, fields);
        }
        campaign.updated_at = now;
    }
    Ok(Success::updated())
}

/// `PUT campaign/{campaign_id}`: replaces the campaign's fields (the type
/// and format stay when left out).
async fn save_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    edit(&app, &website_id, &campaign_id, &body, true)
}

/// `PATCH campaign/{campaign_id}`: merges the fields sent.
async fn update_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    edit(&app, &website_id, &campaign_id, &body, false)
}

/// `DELETE campaign/{campaign_id}`.
async fn remove_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
) -> AdminReply {
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let before = website.admin.campaigns.len();
    website.admin.campaigns.retain(|c| c.campaign_id != campaign_id);
    if website.admin.campaigns.len() == before {
        return Err(Fail::CAMPAIGN_NOT_FOUND);
    }
    Ok(Success::deleted())
}

/// Whether the profile is one of the campaign's recipients: it has an email,
/// is subscribed, and matches `recipients` (`all`, `segment`, `people`,
/// `filter`).
fn targeted(profile: &Profile, recipients: Option<&Object>) -> bool {
    if profile.email().is_none_or(str::is_empty) || !profile.email_subscribed {
        return false;
    }
    let Some(recipients) = recipients else {
        return true;
    };
    let strings = |key: &str| -> Vec<&str> {
        recipients
            .get(key)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    };
    match recipients.get("type").and_then(Value::as_str) {
        Some("segment") => {
            let wanted = strings("segments");
            profile
                .card
                .get("segments")
                .and_then(Value::as_array)
                .is_some_and(|segments| segments.iter().filter_map(Value::as_str).any(|s| wanted.contains(&s)))
        }
        Some("people") => strings("people").contains(&profile.people_id.as_str()),
        Some("filter") => recipients
            .get("filter")
            .and_then(|filter| FilterSearch::parse(filter, None).ok())
            .is_some_and(|search| search.matches_profile(profile)),
        _ => true,
    }
}

/// The recipient and `delivered` statistic of `profile`.
fn delivered(profile: &Profile, now: u64) -> (Value, Value) {
    let person = profile.card.get("person").cloned().unwrap_or_else(|| json!({}));
    let nickname = profile.nickname().unwrap_or_default();
    let avatar = person.get("avatar").cloned().unwrap_or_else(|| json!(""));
    let recipient = json!({
        "people_id": profile.people_id,
        "email": profile.email(),
        "person": { "nickname": nickname, "avatar": avatar },
        "subscribed": profile.email_subscribed,
    });
    let mut statistic_person = json!({ "nickname": nickname, "avatar": avatar });
    if let Some(geolocation) = person.get("geolocation") {
        statistic_person["geolocation"] = geolocation.clone();
    }
    let statistic = json!({
        "type": "delivered",
        "profile": { "people_id": profile.people_id, "email": profile.email(), "person": statistic_person },
        "data": {},
        "created_at": now,
        "updated_at": now,
    });
    (recipient, statistic)
}

/// `POST campaign/{campaign_id}/dispatch`: a one-shot campaign goes to every
/// recipient at once (listed as recipients, each with a `delivered`
/// statistic; progress 100); an automated one starts running. Emits
/// `campaign:dispatched` (and `campaign:running`). `400
/// campaign_not_ready` without a name and message, `409
/// campaign_dispatched` the second time.
async fn dispatch_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    json_object(&body)?;
    let automated;
    {
        let mut store = app.store();
        let (website, clock) = site(&mut store, &website_id)?;
        let campaign = website.admin.campaign(&campaign_id).ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
        if campaign.dispatched {
            return Err(Fail::CAMPAIGN_DISPATCHED);
        }
        if !campaign.ready() {
            return Err(Fail::CAMPAIGN_NOT_READY);
        }
        automated = campaign.kind() == "automated";
        let now = clock.now();
        let recipients = match campaign.fields.get("recipients") {
            Some(Value::Object(recipients)) => Some(recipients.clone()),
            _ => None,
        };
        let sent: Vec<(Value, Value)> = if automated {
            Vec::new()
        } else {
            website
                .people
                .iter()
                .filter(|profile| targeted(profile, recipients.as_ref()))
                .map(|profile| delivered(profile, now))
                .collect()
        };
        if let Some(campaign) = website.admin.campaign_mut(&campaign_id) {
            campaign.dispatched = true;
            campaign.dispatched_at = Some(now);
            campaign.updated_at = now;
            campaign.running = automated;
            campaign.progress = if automated { 0 } else { 100 };
            for (recipient, statistic) in sent {
                campaign.recipients.push(recipient);
                campaign.statistics.push(statistic);
            }
        }
    }
    let event = json!({ "website_id": website_id, "campaign_id": campaign_id });
    app.relay.emit("campaign:dispatched", &event);
    if automated {
        let running = json!({ "website_id": website_id, "campaign_id": campaign_id, "running": true });
        app.relay.emit("campaign:running", &running);
    }
    Ok(Success::dispatched(json!({})))
}

/// Pauses (`running: false`) or resumes (`running: true`) a dispatched
/// campaign (`400 campaign_not_dispatched` before); a one-shot campaign
/// already sent stays done. Emits `campaign:running`.
fn set_running(app: &App, website_id: &str, campaign_id: &str, running: bool) -> AdminReply {
    let changed = {
        let mut store = app.store();
        let (website, clock) = site(&mut store, website_id)?;
        let now = clock.now();
        let campaign = website
            .admin
            .campaign_mut(campaign_id)
            .ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
        if !campaign.dispatched {
            return Err(Fail::CAMPAIGN_NOT_DISPATCHED);
        }
        let running = running && !campaign.done();
        let changed = campaign.running != running;
        campaign.running = running;
        campaign.updated_at = now;
        changed.then_some(running)
    };
    if let Some(running) = changed {
        let event = json!({ "website_id": website_id, "campaign_id": campaign_id, "running": running });
        app.relay.emit("campaign:running", &event);
    }
    Ok(Success::updated())
}

/// `POST campaign/{campaign_id}/resume`.
async fn resume_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    json_object(&body)?;
    set_running(&app, &website_id, &campaign_id, true)
}

/// `POST campaign/{campaign_id}/pause`.
async fn pause_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    json_object(&body)?;
    set_running(&app, &website_id, &campaign_id, false)
}

/// `POST campaign/{campaign_id}/test`: `400 campaign_not_ready` without a
/// name and message; changes nothing.
async fn test_campaign(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id)): Params<(String, String)>,
    body: Bytes,
) -> AdminReply {
    json_object(&body)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let campaign = website.admin.campaign(&campaign_id).ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
    if !campaign.ready() {
        return Err(Fail::CAMPAIGN_NOT_READY);
    }
    Ok(Success::dispatched(json!({})))
}

/// `GET campaign/{campaign_id}/recipients/{page_number}`.
async fn list_campaign_recipients(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id, page)): Params<(String, String, String)>,
) -> AdminReply {
    let page = page_number(&page)?;
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let campaign = website.admin.campaign(&campaign_id).ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
    Ok(Success::resolved(Value::Array(paginate(
        campaign.recipients.clone(),
        page,
        PER_PAGE,
    ))))
}

/// `GET campaign/{campaign_id}/statistics/{action}/{page_number}`: `action`
/// one of `delivered`, `opened`, `clicked`, `unsubscribed` (else `400
/// invalid_data`).
async fn list_campaign_statistics(
    _: UserOnly,
    State(app): State<App>,
    Params((website_id, campaign_id, action, page)): Params<(String, String, String, String)>,
) -> AdminReply {
    let page = page_number(&page)?;
    if !matches!(action.as_str(), "delivered" | "opened" | "clicked" | "unsubscribed") {
        return Err(ApiError::INVALID_DATA.into());
    }
    let mut store = app.store();
    let (website, _) = site(&mut store, &website_id)?;
    let campaign = website.admin.campaign(&campaign_id).ok_or(Fail::CAMPAIGN_NOT_FOUND)?;
    let statistics = campaign
        .statistics
        .iter()
        .filter(|s| s.get("type").and_then(Value::as_str) == Some(action.as_str()))
        .cloned()
        .collect();
    Ok(Success::resolved(Value::Array(paginate(statistics, page, PER_PAGE))))
}
