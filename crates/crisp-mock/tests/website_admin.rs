//! Every route of the website administration groups (website, settings,
//! operators, inboxes, teams, visitors, availability, verify, analytics,
//! campaigns and templates) is served, the user-only ones refuse the plugin
//! tier, malformed bodies are refused with Crisp's errors, and an automated
//! campaign dispatched starts running.

mod common;

use common::{answer_as, auth_headers, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::{Value, json};

/// (verb, path under `/v1/`, user tier only), as the Crisp reference lists them.
const ROUTES: &[(&str, &str, bool)] = &[
    ("HEAD", "website?domain={domain}", false),
    ("POST", "website", true),
    ("GET", "website/{website_id}", false),
    ("DELETE", "website/{website_id}", true),
    ("DELETE", "website/{website_id}/expunge", true),
    ("GET", "website/{website_id}/settings", false),
    ("PATCH", "website/{website_id}/settings", false),
    ("GET", "website/{website_id}/operators/list", false),
    ("GET", "website/{website_id}/operators/active", false),
    ("DELETE", "website/{website_id}/operators/active", true),
    ("POST", "website/{website_id}/operators/email", false),
    ("GET", "website/{website_id}/operator/{user_id}", false),
    ("POST", "website/{website_id}/operator", true),
    ("PATCH", "website/{website_id}/operator/{user_id}", true),
    ("DELETE", "website/{website_id}/operator/{user_id}", true),
    ("GET", "website/{website_id}/inboxes/list/{page_number}", false),
    ("PATCH", "website/{website_id}/inboxes/batch/order", true),
    ("POST", "website/{website_id}/inbox", true),
    ("HEAD", "website/{website_id}/inbox/{inbox_id}", false),
    ("GET", "website/{website_id}/inbox/{inbox_id}", false),
    ("PUT", "website/{website_id}/inbox/{inbox_id}", true),
    ("DELETE", "website/{website_id}/inbox/{inbox_id}", true),
    ("GET", "website/{website_id}/teams/list/{page_number}", false),
    ("POST", "website/{website_id}/team", false),
    ("HEAD", "website/{website_id}/team/{team_id}", false),
    ("GET", "website/{website_id}/team/{team_id}", false),
    ("PUT", "website/{website_id}/team/{team_id}", false),
    ("DELETE", "website/{website_id}/team/{team_id}", false),
    ("GET", "website/{website_id}/visitors/count", false),
    ("GET", "website/{website_id}/visitors/list/{page_number}", false),
    ("GET", "website/{website_id}/visitors/map", false),
    ("GET", "website/{website_id}/visitors/token/{token_id}", false),
    ("GET", "website/{website_id}/visitors/blocked", true),
    ("GET", "website/{website_id}/visitors/blocked/{rule}", true),
    ("DELETE", "website/{website_id}/visitors/blocked/{rule}", true),
    ("GET", "website/{website_id}/availability/status", false),
    ("GET", "website/{website_id}/availability/operators", false),
    ("GET", "website/{website_id}/verify/settings", false),
    ("PATCH", "website/{website_id}/verify/settings", false),
    ("GET", "website/{website_id}/verify/key", false),
    ("POST", "website/{website_id}/verify/key", false),
    ("POST", "website/{website_id}/analytics/generate", true),
    (
        "GET",
        "website/{website_id}/analytics/{point_type}/{point_metric}/points",
        true,
    ),
    (
        "GET",
        "website/{website_id}/analytics/{point_type}/{point_metric}/filters/{page_number}",
        true,
    ),
    (
        "GET",
        "website/{website_id}/analytics/{point_type}/{point_metric}/classifiers/{page_number}",
        true,
    ),
    ("GET", "website/{website_id}/campaigns/list/{page_number}", true),
    ("GET", "website/{website_id}/campaigns/tags", true),
    ("GET", "website/{website_id}/campaigns/templates/{page_number}", false),
    ("POST", "website/{website_id}/campaigns/template", false),
    ("HEAD", "website/{website_id}/campaigns/template/{template_id}", false),
    ("GET", "website/{website_id}/campaigns/template/{template_id}", false),
    ("PUT", "website/{website_id}/campaigns/template/{template_id}", false),
    ("PATCH", "website/{website_id}/campaigns/template/{template_id}", false),
    ("DELETE", "website/{website_id}/campaigns/template/{template_id}", false),
    ("POST", "website/{website_id}/campaign", true),
    ("HEAD", "website/{website_id}/campaign/{campaign_id}", true),
    ("GET", "website/{website_id}/campaign/{campaign_id}", true),
    ("PUT", "website/{website_id}/campaign/{campaign_id}", true),
    ("PATCH", "website/{website_id}/campaign/{campaign_id}", true),
    ("DELETE", "website/{website_id}/campaign/{campaign_id}", true),
    ("POST", "website/{website_id}/campaign/{campaign_id}/dispatch", true),
    ("POST", "website/{website_id}/campaign/{campaign_id}/resume", true),
    ("POST", "website/{website_id}/campaign/{campaign_id}/pause", true),
    ("POST", "website/{website_id}/campaign/{campaign_id}/test", true),
    (
        "GET",
        "website/{website_id}/campaign/{campaign_id}/recipients/{page_number}",
        true,
    ),
    (
        "GET",
        "website/{website_id}/campaign/{campaign_id}/statistics/{action}/{page_number}",
        true,
    ),
];

/// The id a creation answered under `key`.
fn id(data: &Value, key: &str) -> String {
    data[key].as_str().unwrap_or_default().to_owned()
}

/// The status of a HEAD request as `tier`.
async fn head_status(fake: &FakeCrisp, tier: Tier, path: &str) -> u16 {
    send_raw(
        fake.addr(),
        "HEAD",
        &format!("/v1/{path}"),
        &auth_headers(fake, tier),
        None,
    )
    .await
    .map(|response| response.status)
    .unwrap_or(0)
}

#[tokio::test]
async fn every_route_is_served_with_its_tiers() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let w = website.as_str();
    let user = fake.website_owner(&website);
    let session = fake.add_visitor(&website, json!({"nickname": "Jane"}));
    let token = fake.add_visitor_token(&website, &session);
    let domain = answer_as(&fake, Tier::User, "GET", &format!("website/{w}"), None)
        .await
        .data["domain"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let inbox = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("website/{w}/inbox"),
        Some(json!({"name": "VIP", "emoji": "⭐️"})),
    )
    .await;
    let team = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("website/{w}/team"),
        Some(json!({"name": "Sales", "emoji": "💰", "operators": []})),
    )
    .await;
    let template = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("website/{w}/campaigns/template"),
        Some(json!({"format": "html", "name": "Welcome"})),
    )
    .await;
    let campaign = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("website/{w}/campaign"),
        Some(json!({"type": "one-shot", "name": "Welcome"})),
    )
    .await;
    let fill = |path: &str| {
        path.replace("{domain}", &domain)
            .replace("{website_id}", w)
            .replace("{user_id}", user.as_str())
            .replace("{page_number}", "1")
            .replace("{inbox_id}", &id(&inbox.data, "inbox_id"))
            .replace("{team_id}", &id(&team.data, "team_id"))
            .replace("{token_id}", &token)
            .replace("{rule}", "ip")
            .replace("{point_type}", "conversation")
            .replace("{point_metric}", "segment")
            .replace("{template_id}", &id(&template.data, "template_id"))
            .replace("{campaign_id}", &id(&campaign.data, "campaign_id"))
            .replace("{action}", "delivered")
    };
    // Removals last, so the other routes still find what they act on.
    let mut routes = ROUTES.to_vec();
    routes.sort_by_key(|(verb, _, _)| *verb == "DELETE");
    for (verb, template, user_only) in routes {
        let path = fill(template);
        if verb == "HEAD" {
            let expected_plugin = if user_only { 403 } else { 200 };
            assert_eq!(
                head_status(&fake, Tier::Plugin, &path).await,
                expected_plugin,
                "{verb} {template}"
            );
            assert_eq!(head_status(&fake, Tier::User, &path).await, 200, "{verb} {template}");
            continue;
        }
        let body = (verb != "GET").then(|| json!({}));
        let as_plugin = answer_as(&fake, Tier::Plugin, verb, &path, body.clone()).await;
        let as_user = answer_as(&fake, Tier::User, verb, &path, body).await;
        assert_ne!(as_user.reason, "not_found", "{verb} {template}");
        assert_ne!(as_user.reason, "not_allowed", "{verb} {template}");
        assert!(
            as_user.status >= 200 && as_user.status < 500,
            "{verb} {template}: {}",
            as_user.status
        );
        if user_only {
            assert_eq!(
                (as_plugin.status, as_plugin.reason.as_str()),
                (403, "not_allowed"),
                "{verb} {template}"
            );
        } else {
            assert_ne!(as_plugin.reason, "not_found", "{verb} {template}");
            assert_ne!(as_plugin.reason, "not_allowed", "{verb} {template}");
        }
    }
}

#[tokio::test]
async fn the_website_tier_is_refused_everywhere() {
    let fake = FakeCrisp::start().await.unwrap();
    let w = fake.website_id();
    for path in [
        format!("website/{w}"),
        format!("website/{w}/operators/list"),
        format!("website/{w}/teams/list/1"),
        format!("website/{w}/campaigns/templates/1"),
    ] {
        let answer = answer_as(&fake, Tier::Website, "GET", &path, None).await;
        assert_eq!((answer.status, answer.reason.as_str()), (403, "not_allowed"), "{path}");
    }
}

#[tokio::test]
async fn malformed_bodies_and_queries_are_refused() {
    let fake = FakeCrisp::start().await.unwrap();
    let w = fake.website_id();
    let cases = [
        (
            "PATCH",
            format!("website/{w}/settings"),
            Some(json!({"plan": "free"})),
            400,
            "invalid_data",
        ),
        (
            "PATCH",
            format!("website/{w}/settings"),
            Some(json!({"chatbox": "blue"})),
            400,
            "invalid_data",
        ),
        (
            "PATCH",
            format!("website/{w}/verify/settings"),
            Some(json!({"enabled": "yes"})),
            400,
            "invalid_data",
        ),
        (
            "POST",
            format!("website/{w}/team"),
            Some(json!({"name": "Sales", "emoji": "💰", "operators": ["nobody"]})),
            404,
            "operator_not_found",
        ),
        (
            "POST",
            format!("website/{w}/inbox"),
            Some(
                json!({"name": "VIP", "emoji": "⭐️", "conditions": [{"model": "session", "criterion": "segments", "operator": "like", "query": []}]}),
            ),
            400,
            "invalid_data",
        ),
        (
            "POST",
            format!("website/{w}/operator"),
            Some(json!({"email": "jane@example.com", "role": "admin", "verify": {"method": "token", "secret": "1"}})),
            400,
            "invalid_data",
        ),
        (
            "POST",
            format!("website/{w}/operator"),
            Some(json!({"email": "jane@example.com", "role": "member", "verify": {"method": "sms", "secret": "1"}})),
            400,
            "invalid_data",
        ),
        (
            "GET",
            format!("website/{w}/visitors/map?center_longitude=east&center_latitude=1&center_radius=1"),
            None,
            400,
            "invalid_data",
        ),
        (
            "GET",
            format!("website/{w}/analytics/conversation/segment/points"),
            None,
            400,
            "invalid_data",
        ),
        (
            "POST",
            format!("website/{w}/analytics/generate"),
            Some(
                json!({"metric": "conversation", "type": "count", "date": {"from": "2024-01-01", "to": "2024-01-02", "split": "fortnight", "timezone": "UTC"}}),
            ),
            400,
            "invalid_data",
        ),
        (
            "POST",
            format!("website/{w}/campaign"),
            Some(json!({"type": "drip", "name": "x"})),
            400,
            "invalid_data",
        ),
        (
            "POST",
            format!("website/{w}/campaigns/template"),
            Some(json!({"format": "mjml", "name": "x"})),
            400,
            "invalid_data",
        ),
        (
            "GET",
            format!("website/{w}/campaign/none/recipients/0"),
            None,
            400,
            "invalid_data",
        ),
    ];
    for (verb, path, body, status, reason) in cases {
        let answer = answer_as(&fake, Tier::User, verb, &path, body).await;
        assert_eq!(
            (answer.status, answer.reason.as_str()),
            (status, reason),
            "{verb} {path}"
        );
    }
}

#[tokio::test]
async fn dispatching_an_automated_campaign_starts_it_once() {
    let fake = FakeCrisp::start().await.unwrap();
    let w = fake.website_id();
    let created = answer_as(
        &fake,
        Tier::User,
        "POST",
        &format!("website/{w}/campaign"),
        Some(json!({"type": "automated", "name": "Onboarding"})),
    )
    .await;
    let campaign = id(&created.data, "campaign_id");
    let path = format!("website/{w}/campaign/{campaign}");
    let updated = answer_as(&fake, Tier::User, "PATCH", &path, Some(json!({"message": "Hi"}))).await;
    assert_eq!(updated.status, 200);
    let dispatched = answer_as(&fake, Tier::User, "POST", &format!("{path}/dispatch"), Some(json!({}))).await;
    assert_eq!((dispatched.status, dispatched.reason.as_str()), (202, "dispatched"));
    let got = answer_as(&fake, Tier::User, "GET", &path, None).await;
    assert_eq!(got.data["running"], json!(true));
    assert_eq!(got.data["dispatched"], json!(true));
    assert!(got.data["dispatched_at"].is_u64());
    let again = answer_as(&fake, Tier::User, "POST", &format!("{path}/dispatch"), Some(json!({}))).await;
    assert_eq!((again.status, again.reason.as_str()), (409, "campaign_dispatched"));
}
