//! Every REST route of the website.conversation(s), website.people and
//! website.batch groups is served (no `404 not_found`), and the user-only
//! ones refuse the plugin tier.

mod common;

use common::{answer_as, auth_headers, send_raw};
use crisp_mock::FakeCrisp;
use crisp_types::Tier;
use serde_json::json;

/// (verb, path under `/v1/`, user tier only), as the Crisp reference lists them.
const ROUTES: &[(&str, &str, bool)] = &[
    ("DELETE", "website/{website_id}/conversation/{session_id}", false),
    (
        "DELETE",
        "website/{website_id}/conversation/{session_id}/call/{call_id}",
        false,
    ),
    (
        "DELETE",
        "website/{website_id}/conversation/{session_id}/message/{fingerprint}",
        false,
    ),
    ("DELETE", "website/{website_id}/conversations/suggest/data", false),
    ("DELETE", "website/{website_id}/conversations/suggest/segment", false),
    ("DELETE", "website/{website_id}/people/profile/{people_id}", false),
    ("DELETE", "website/{website_id}/people/suggest/data", false),
    ("DELETE", "website/{website_id}/people/suggest/event", false),
    ("DELETE", "website/{website_id}/people/suggest/segment", false),
    ("GET", "website/{website_id}/conversation/{session_id}", false),
    ("GET", "website/{website_id}/conversation/{session_id}/block", false),
    ("GET", "website/{website_id}/conversation/{session_id}/browsing", false),
    ("GET", "website/{website_id}/conversation/{session_id}/call", false),
    (
        "GET",
        "website/{website_id}/conversation/{session_id}/events/{page_number}",
        false,
    ),
    (
        "GET",
        "website/{website_id}/conversation/{session_id}/files/{page_number}",
        false,
    ),
    (
        "GET",
        "website/{website_id}/conversation/{session_id}/message/{fingerprint}",
        false,
    ),
    ("GET", "website/{website_id}/conversation/{session_id}/messages", false),
    ("GET", "website/{website_id}/conversation/{session_id}/meta", false),
    (
        "GET",
        "website/{website_id}/conversation/{session_id}/original/{original_id}",
        false,
    ),
    (
        "GET",
        "website/{website_id}/conversation/{session_id}/pages/{page_number}",
        false,
    ),
    (
        "GET",
        "website/{website_id}/conversation/{session_id}/participants",
        false,
    ),
    ("GET", "website/{website_id}/conversation/{session_id}/relations", false),
    ("GET", "website/{website_id}/conversation/{session_id}/routing", false),
    ("GET", "website/{website_id}/conversation/{session_id}/state", false),
    ("GET", "website/{website_id}/conversation/{session_id}/verify", false),
    (
        "GET",
        "website/{website_id}/conversations/meta/segments/{page_number}",
        false,
    ),
    ("GET", "website/{website_id}/conversations/spam/{spam_id}/content", true),
    ("GET", "website/{website_id}/conversations/spams/{page_number}", true),
    (
        "GET",
        "website/{website_id}/conversations/suggest/data/{page_number}",
        false,
    ),
    (
        "GET",
        "website/{website_id}/conversations/suggest/segments/{page_number}",
        false,
    ),
    ("GET", "website/{website_id}/conversations/{page_number}", false),
    (
        "GET",
        "website/{website_id}/people/campaigns/{people_id}/list/{page_number}",
        true,
    ),
    (
        "GET",
        "website/{website_id}/people/conversations/{people_id}/list/{page_number}",
        false,
    ),
    ("GET", "website/{website_id}/people/data/{people_id}", false),
    (
        "GET",
        "website/{website_id}/people/events/{people_id}/list/{page_number}",
        false,
    ),
    ("GET", "website/{website_id}/people/profile/{people_id}", false),
    ("GET", "website/{website_id}/people/profiles/{page_number}", false),
    ("GET", "website/{website_id}/people/segments/{page_number}", false),
    ("GET", "website/{website_id}/people/stats", false),
    ("GET", "website/{website_id}/people/subscription/{people_id}", false),
    ("GET", "website/{website_id}/people/suggest/data/{page_number}", false),
    ("GET", "website/{website_id}/people/suggest/events/{page_number}", false),
    (
        "GET",
        "website/{website_id}/people/suggest/segments/{page_number}",
        false,
    ),
    ("HEAD", "website/{website_id}/conversation/{session_id}", false),
    ("HEAD", "website/{website_id}/people/profile/{people_id}", false),
    ("PATCH", "website/{website_id}/batch/block", false),
    ("PATCH", "website/{website_id}/batch/data", false),
    ("PATCH", "website/{website_id}/batch/inbox", false),
    ("PATCH", "website/{website_id}/batch/read", true),
    ("PATCH", "website/{website_id}/batch/remove", true),
    ("PATCH", "website/{website_id}/batch/resolve", true),
    ("PATCH", "website/{website_id}/batch/routing", false),
    ("PATCH", "website/{website_id}/batch/segments", false),
    ("PATCH", "website/{website_id}/batch/unread", false),
    ("PATCH", "website/{website_id}/batch/unresolve", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/block", false),
    (
        "PATCH",
        "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}",
        false,
    ),
    (
        "PATCH",
        "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist",
        false,
    ),
    (
        "PATCH",
        "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/debug",
        false,
    ),
    (
        "PATCH",
        "website/{website_id}/conversation/{session_id}/call/{call_id}",
        false,
    ),
    ("PATCH", "website/{website_id}/conversation/{session_id}/compose", false),
    (
        "PATCH",
        "website/{website_id}/conversation/{session_id}/delivered",
        false,
    ),
    ("PATCH", "website/{website_id}/conversation/{session_id}/inbox", false),
    (
        "PATCH",
        "website/{website_id}/conversation/{session_id}/message/{fingerprint}",
        false,
    ),
    ("PATCH", "website/{website_id}/conversation/{session_id}/meta", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/open", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/read", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/routing", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/state", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/unread", false),
    ("PATCH", "website/{website_id}/conversation/{session_id}/verify", false),
    ("PATCH", "website/{website_id}/people/data/{people_id}", false),
    ("PATCH", "website/{website_id}/people/profile/{people_id}", false),
    ("PATCH", "website/{website_id}/people/subscription/{people_id}", false),
    ("POST", "website/{website_id}/batch/report", false),
    ("POST", "website/{website_id}/conversation", false),
    ("POST", "website/{website_id}/conversation/{session_id}/browsing", false),
    ("POST", "website/{website_id}/conversation/{session_id}/call", false),
    ("POST", "website/{website_id}/conversation/{session_id}/feedback", false),
    ("POST", "website/{website_id}/conversation/{session_id}/initiate", false),
    ("POST", "website/{website_id}/conversation/{session_id}/message", false),
    ("POST", "website/{website_id}/conversation/{session_id}/purge", false),
    ("POST", "website/{website_id}/conversation/{session_id}/reminder", false),
    ("POST", "website/{website_id}/conversation/{session_id}/report", false),
    ("POST", "website/{website_id}/conversation/{session_id}/tool", false),
    (
        "POST",
        "website/{website_id}/conversation/{session_id}/transcript",
        false,
    ),
    (
        "POST",
        "website/{website_id}/conversation/{session_id}/verify/identity",
        false,
    ),
    (
        "POST",
        "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button",
        true,
    ),
    (
        "POST",
        "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data",
        true,
    ),
    (
        "POST",
        "website/{website_id}/conversations/spam/{spam_id}/decision",
        true,
    ),
    ("POST", "website/{website_id}/people/events/{people_id}", false),
    ("POST", "website/{website_id}/people/export/profiles", true),
    ("POST", "website/{website_id}/people/import/profiles", true),
    ("POST", "website/{website_id}/people/profile", false),
    (
        "PUT",
        "website/{website_id}/conversation/{session_id}/participants",
        false,
    ),
    (
        "PUT",
        "website/{website_id}/conversation/{session_id}/verify/identity/link",
        false,
    ),
    ("PUT", "website/{website_id}/people/data/{people_id}", false),
    ("PUT", "website/{website_id}/people/profile/{people_id}", false),
];

#[tokio::test]
async fn every_route_is_served_with_its_tiers() {
    let fake = FakeCrisp::start().await.unwrap();
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    let fingerprint = fake.add_visitor_message(&website, &session, "hi");
    let people_id = fake.add_people_profile(&website, json!({"email": "a@example.com"}));
    let fill = |path: &str| {
        path.replace("{website_id}", website.as_str())
            .replace("{session_id}", session.as_str())
            .replace("{people_id}", people_id.as_str())
            .replace("{fingerprint}", &fingerprint.get().to_string())
            .replace("{page_number}", "1")
            .replace("{plugin_id}", fake.plugin_id().as_str())
            .replace("{spam_id}", "spam")
            .replace("{original_id}", "original")
            .replace("{browsing_id}", "browsing")
            .replace("{call_id}", "call")
    };
    // Removals last, so the other routes still find their conversation and profile.
    let mut routes = ROUTES.to_vec();
    routes.sort_by_key(|(verb, _, _)| *verb == "DELETE");
    for (verb, template, user_only) in routes {
        let path = fill(template);
        if verb == "HEAD" {
            let head = send_raw(
                fake.addr(),
                "HEAD",
                &format!("/v1/{path}"),
                &auth_headers(&fake, Tier::Plugin),
                None,
            )
            .await
            .unwrap();
            assert_eq!(head.status, 200, "{verb} {template}");
            continue;
        }
        let body = (verb != "GET").then(|| json!({}));
        let as_plugin = answer_as(&fake, Tier::Plugin, verb, &path, body.clone()).await;
        let as_user = answer_as(&fake, Tier::User, verb, &path, body).await;
        assert_ne!(as_user.reason, "not_found", "{verb} {template}");
        assert_ne!(as_user.reason, "not_allowed", "{verb} {template}");
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
        assert!(
            as_user.status >= 200 && as_user.status != 500,
            "{verb} {template}: {}",
            as_user.status
        );
    }
}
