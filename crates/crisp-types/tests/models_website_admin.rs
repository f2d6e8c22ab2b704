//! Website administration response models (website, settings, operators,
//! inboxes, teams, visitors, availability, verify, analytics, campaigns and
//! templates): realistic Crisp answers decode with the expected values, and
//! variants with unknown keys, unknown enum values and `null` lists decode
//! too.

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use crisp_types::analytics::{
    WebsiteAnalyticsClassifier, WebsiteAnalyticsFilter, WebsiteAnalyticsGeneratePoint, WebsiteAnalyticsPoints,
};
use crisp_types::availability::{AvailabilityType, WebsiteAvailabilityOperator, WebsiteAvailabilityStatus};
use crisp_types::campaign::{
    CampaignFormat, CampaignRecipientsType, CampaignStatisticAction, CampaignTemplateType, CampaignType,
    WebsiteCampaignExcerpt, WebsiteCampaignItem, WebsiteCampaignNew, WebsiteCampaignRecipient,
    WebsiteCampaignStatistic, WebsiteCampaignTemplateExcerpt, WebsiteCampaignTemplateItem, WebsiteCampaignTemplateNew,
};
use crisp_types::inbox::{InboxConditionsOperator, WebsiteInbox, WebsiteInboxNew};
use crisp_types::operator::{
    OperatorRole, WebsiteOperator, WebsiteOperatorKind, WebsiteOperatorLastActive, WebsiteOperatorListOne,
};
use crisp_types::team::{WebsiteTeam, WebsiteTeamNew};
use crisp_types::verify::{WebsiteVerifyKey, WebsiteVerifySettings};
use crisp_types::visitor::{
    WebsiteVisitor, WebsiteVisitorCount, WebsiteVisitorsBlocked, WebsiteVisitorsMapPoint, WebsiteVisitorsToken,
};
use crisp_types::website::{Website, WebsiteSettings};
use crisp_types::{
    CampaignId, CampaignTemplateId, Envelope, InboxId, PeopleId, SessionId, TeamId, Timestamp, UserId, WebsiteId,
};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const FIXTURE: &str = include_str!("fixtures/response_website_admin.json");
const UNKNOWN: &str = include_str!("fixtures/response_website_admin_unknown.json");

/// The entry `key` of the fixture file `text`.
fn entry(text: &str, key: &str) -> Value {
    let all: Value = serde_json::from_str(text).unwrap();
    let value = all.get(key).cloned();
    assert!(value.is_some(), "fixture entry {key} is missing");
    value.unwrap()
}

/// Decodes the envelope `key` of the main fixture and returns its data.
fn data<T: DeserializeOwned>(key: &str) -> T {
    let envelope: Envelope<T> = serde_json::from_value(entry(FIXTURE, key)).unwrap();
    assert!(!envelope.error);
    envelope.data.unwrap()
}

/// Decodes the bare value `key` of the unknown-values fixture.
fn unknown<T: DeserializeOwned>(key: &str) -> T {
    serde_json::from_value(entry(UNKNOWN, key)).unwrap()
}

// ---- website and settings ---------------------------------------------------

#[test]
fn website() {
    let website: Website = data("website");
    assert_eq!(
        website.website_id,
        Some(WebsiteId::new("8c842203-7ed8-4e29-a608-7cf78a7d2fcc"))
    );
    assert_eq!(website.domain.as_deref(), Some("crisp.chat"));
    assert_eq!((website.verified, website.institutional), (Some(true), Some(false)));

    let odd: Website = unknown("website");
    assert_eq!(odd.name.as_deref(), Some("Crisp"));
    assert_eq!(odd.verified, None);
}

#[test]
fn website_settings() {
    let settings: WebsiteSettings = data("settings");
    assert_eq!(settings.domain_alternates, Some(vec!["crisp.im".to_owned()]));
    assert_eq!(settings.audit.unwrap().log, Some(true));
    let contact = settings.contact.unwrap();
    assert_eq!(contact.phone.as_deref(), Some("+33757905447"));
    assert_eq!(contact.whatsapp.as_deref(), Some(""));
    assert_eq!(settings.inbox.unwrap().force_operator_token, Some(true));
    assert_eq!(settings.emails.unwrap().enrich, Some(false));
    let chatbox = settings.chatbox.unwrap();
    assert_eq!(chatbox.color_theme.as_deref(), Some("blue"));
    assert_eq!(chatbox.blocked_locales, Some(vec!["fa".to_owned(), "he".to_owned()]));
    assert_eq!(chatbox.allowed_pages, Some(vec![]));
    assert_eq!(chatbox.hide_on_mobile, None);

    let odd: WebsiteSettings = unknown("settings");
    assert_eq!(odd.domain_alternates, None);
    assert_eq!(odd.contact.unwrap().email.as_deref(), Some("contact@crisp.chat"));
    let chatbox = odd.chatbox.unwrap();
    assert_eq!(chatbox.color_theme.as_deref(), Some("ultraviolet"));
    assert_eq!(chatbox.blocked_ips, None);
}

// ---- operators ----------------------------------------------------------------

#[test]
fn website_operators() {
    let operators: Vec<WebsiteOperatorListOne> = data("operators");
    assert_eq!(operators.len(), 2);
    assert_eq!(operators[0].kind, Some(WebsiteOperatorKind::Operator));
    let owner = operators[0].details.clone().unwrap();
    assert_eq!(owner.role, Some(OperatorRole::Owner));
    assert_eq!(owner.availability, Some(AvailabilityType::Online));
    assert_eq!(owner.has_token, Some(true));
    assert_eq!(owner.title.as_deref(), Some("CTO"));
    assert_eq!(operators[1].kind, Some(WebsiteOperatorKind::Invite));
    assert_eq!(operators[1].details.clone().unwrap().user_id, None);

    let odd: Vec<WebsiteOperatorListOne> = unknown("operators");
    assert_eq!(odd[0].kind, Some(WebsiteOperatorKind::Other("robot".to_owned())));
    let details = odd[0].details.clone().unwrap();
    assert_eq!(details.role, Some(OperatorRole::Other("auditor".to_owned())));
    assert_eq!(details.availability, Some(AvailabilityType::Other("busy".to_owned())));
}

#[test]
fn website_operator() {
    let operator: WebsiteOperator = data("operator");
    assert_eq!(
        operator.user_id,
        Some(UserId::new("aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"))
    );
    assert_eq!(operator.first_name.as_deref(), Some("Valerian"));
    assert_eq!(operator.role, Some(OperatorRole::Member));
    assert_eq!(operator.availability, Some(AvailabilityType::Away));
    assert_eq!(operator.identifier, None);
}

#[test]
fn last_active_operators() {
    let active: Vec<WebsiteOperatorLastActive> = data("last_active");
    assert_eq!(active[0].nickname.as_deref(), Some("Valerian Saliou"));
    assert_eq!(active[0].timestamp, Some(Timestamp::from_millis(1_700_000_000_000)));

    let odd: Vec<WebsiteOperatorLastActive> = unknown("last_active");
    assert_eq!(odd[0].timestamp, Some(Timestamp::from_millis(1_700_000_000_000)));
    assert_eq!(odd[0].avatar, None);
}

// ---- inboxes and teams --------------------------------------------------------

#[test]
fn inboxes() {
    let inboxes: Vec<WebsiteInbox> = data("inboxes");
    let inbox = &inboxes[0];
    assert_eq!(
        inbox.inbox_id,
        Some(InboxId::new("3b1d8a54-0f4b-4c5f-9e2d-1a7c6b5d4e3f"))
    );
    assert_eq!(inbox.order, Some(1));
    assert_eq!(inbox.teams, [TeamId::new("7e6d5c4b-3a2f-4e1d-8c9b-0a1b2c3d4e5f")]);
    assert_eq!(inbox.team_operators.len(), 1);
    assert_eq!(inbox.operator, Some(InboxConditionsOperator::And));
    assert_eq!(inbox.conditions[0].criterion.as_deref(), Some("segments"));
    assert_eq!(inbox.conditions[0].query, ["vip"]);
    assert_eq!(inbox.updated_at, Some(Timestamp::from_millis(1_700_000_100_000)));

    let new: WebsiteInboxNew = data("inbox_new");
    assert_eq!(new.inbox_id, inbox.inbox_id);

    let odd: Vec<WebsiteInbox> = unknown("inboxes");
    assert!(odd[0].operators.is_empty() && odd[0].teams.is_empty() && odd[0].conditions.is_empty());
    assert_eq!(odd[0].operator, Some(InboxConditionsOperator::Other("xor".to_owned())));
}

#[test]
fn teams() {
    let teams: Vec<WebsiteTeam> = data("teams");
    assert_eq!(teams[0].name.as_deref(), Some("Sales"));
    assert_eq!(
        teams[0].operators,
        [UserId::new("e5cd7aa6-998f-4b8e-b7c5-3b546af87d15")]
    );
    let new: WebsiteTeamNew = data("team_new");
    assert_eq!(new.team_id, teams[0].team_id);

    let odd: Vec<WebsiteTeam> = unknown("teams");
    assert_eq!(odd[0].team_id, Some(TeamId::new("t1")));
    assert!(odd[0].operators.is_empty());
}

// ---- visitors -----------------------------------------------------------------

#[test]
fn visitor_count_and_list() {
    let count: WebsiteVisitorCount = data("visitor_count");
    assert_eq!(
        (count.count, count.active, count.limited),
        (Some(12), Some(4), Some(false))
    );
    let odd: WebsiteVisitorCount = unknown("visitor_count");
    assert_eq!((odd.count, odd.active), (Some(12), None));

    let visitors: Vec<WebsiteVisitor> = data("visitors");
    let jane = &visitors[0];
    assert_eq!(
        jane.session_id,
        Some(SessionId::new("session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"))
    );
    assert_eq!(jane.timezone, Some(-60));
    assert_eq!(jane.capabilities, ["browsing", "call"]);
    assert_eq!(jane.last_page.clone().unwrap().page_title.as_deref(), Some("Pricing"));
    let geolocation = jane.geolocation.clone().unwrap();
    assert_eq!(geolocation.region.as_deref(), Some("Île-de-France"));
    assert_eq!(geolocation.coordinates.unwrap().longitude, Some(2.3522));

    let odd: Vec<WebsiteVisitor> = unknown("visitors");
    assert!(odd[0].capabilities.is_empty() && odd[0].locales.is_empty());
    assert_eq!(
        odd[0].geolocation.clone().unwrap().coordinates.unwrap().latitude,
        Some(1.0)
    );
}

#[test]
fn visitors_map() {
    let points: Vec<WebsiteVisitorsMapPoint> = data("map");
    let visitors = points[0].visitors.clone().unwrap();
    assert_eq!((visitors.count, visitors.threshold), (Some(2), Some(50)));
    assert_eq!(visitors.sessions[0].nickname.as_deref(), Some("Jane"));
    assert_eq!(visitors.sessions[0].locales, ["fr"]);
    assert_eq!(points[0].geolocation.clone().unwrap().city.as_deref(), Some("Paris"));

    // Older answers list session ids only.
    let odd: Vec<WebsiteVisitorsMapPoint> = unknown("map");
    let visitors = odd[0].visitors.clone().unwrap();
    assert!(visitors.sessions.is_empty());
    assert_eq!(visitors.session_ids, [SessionId::new("s1"), SessionId::new("s2")]);
    assert_eq!(odd[0].geolocation, None);
}

#[test]
fn visitors_token_and_blocked() {
    let token: WebsiteVisitorsToken = data("token");
    assert_eq!(
        token.session_id,
        Some(SessionId::new("session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"))
    );

    let blocked: Vec<WebsiteVisitorsBlocked> = data("blocked");
    assert_eq!(blocked.len(), 2);
    assert_eq!(
        (blocked[0].rule.clone(), blocked[0].blocked),
        (vec!["ip".to_owned()], Some(3))
    );
    let rule: WebsiteVisitorsBlocked = data("blocked_rule");
    assert_eq!(rule, blocked[0]);

    // A single rule name, and the bare number of the Node typings.
    let one: WebsiteVisitorsBlocked = unknown("blocked_one");
    assert_eq!(one, blocked[0]);
    let number: WebsiteVisitorsBlocked = unknown("blocked_number");
    assert_eq!((number.rule.len(), number.blocked), (0, Some(7)));
    assert_eq!(
        serde_json::to_value(&rule).unwrap(),
        json!({"rule": ["ip"], "blocked": 3})
    );
}

// ---- availability and verify --------------------------------------------------

#[test]
fn availability() {
    let status: WebsiteAvailabilityStatus = data("availability_status");
    assert_eq!(status.status, Some(AvailabilityType::Online));
    assert_eq!(status.since, Some(Timestamp::from_millis(1_700_000_000_000)));

    let operators: Vec<WebsiteAvailabilityOperator> = data("availability_operators");
    assert_eq!(operators[0].kind, Some(AvailabilityType::Away));
    let time = operators[0].time.clone().unwrap();
    assert_eq!(
        (time.for_seconds, time.since),
        (Some(3600), Some(Timestamp::from_millis(1_700_000_000_000)))
    );

    let odd: Vec<WebsiteAvailabilityOperator> = unknown("availability_operators");
    assert_eq!(odd[0].kind, Some(AvailabilityType::Other("dnd".to_owned())));
    assert_eq!(odd[0].time.clone().unwrap().since, None);
}

#[test]
fn verify_settings_and_key() {
    let settings: WebsiteVerifySettings = data("verify_settings");
    assert_eq!(settings.enabled, Some(true));
    let key: WebsiteVerifyKey = data("verify_key");
    assert_eq!(key.secret.as_deref(), Some("0f3c5e7a9b1d2c4e6f8a0b1c2d3e4f5a"));
    assert!(!format!("{key:?}").contains("0f3c5e7a"), "Debug hides the secret");
}

// ---- analytics ----------------------------------------------------------------

#[test]
fn generated_analytics() {
    let points: Vec<WebsiteAnalyticsGeneratePoint> = data("analytics");
    assert_eq!(points[0].period.as_deref(), Some("2024-01-01T00:00:00Z"));
    assert_eq!((points[0].value, points[0].unique_hits), (Some(12.0), Some(10)));
    assert_eq!(points[0].split_by.as_deref(), Some("inbox"));
    assert_eq!((points[1].value, points[1].sum_value), (Some(93.5), Some(105.5)));

    let odd: Vec<WebsiteAnalyticsGeneratePoint> = unknown("analytics");
    assert_eq!(odd[0].value, Some(1.25));
}

#[test]
fn legacy_analytics() {
    let points: WebsiteAnalyticsPoints = data("analytics_points");
    assert_eq!(points.pipeline.unwrap().aggregator.as_deref(), Some("sum"));
    let date = points.points[0].date.clone().unwrap();
    assert_eq!(date.from, Some(Timestamp::from_millis(1_704_067_200_000)));
    assert_eq!((points.points[0].value, points.points[0].hits), (Some(7.0), Some(9)));

    let filters: Vec<WebsiteAnalyticsFilter> = data("analytics_filters");
    assert_eq!(
        (filters[0].primary.as_deref(), filters[0].aggregated),
        (Some("vip"), Some(21))
    );
    let classifiers: Vec<WebsiteAnalyticsClassifier> = data("analytics_classifiers");
    assert_eq!(classifiers[0].classifier.as_deref(), Some("chat"));

    let odd: WebsiteAnalyticsPoints = unknown("analytics_points");
    assert!(odd.points.is_empty());
    assert_eq!(odd.pipeline.unwrap().aggregator.as_deref(), Some("avg"));
}

// ---- campaigns and templates ----------------------------------------------------

#[test]
fn campaign_list_and_tags() {
    let campaigns: Vec<WebsiteCampaignExcerpt> = data("campaigns");
    let spring = &campaigns[0];
    assert_eq!(
        spring.campaign_id,
        Some(CampaignId::new("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"))
    );
    assert_eq!(spring.kind, Some(CampaignType::OneShot));
    assert_eq!(spring.format, Some(CampaignFormat::Markdown));
    assert_eq!(
        (spring.progress, spring.targets, spring.reached),
        (Some(100), Some(1200), Some(1187))
    );
    assert_eq!(spring.dispatched_at, Some(Timestamp::from_millis(1_680_200_000_000)));

    let tags: Vec<String> = data("campaign_tags");
    assert_eq!(tags, ["lifecycle", "newsletter"]);
    let new: WebsiteCampaignNew = data("campaign_new");
    assert_eq!(new.campaign_id, spring.campaign_id);
}

#[test]
fn campaign() {
    let campaign: WebsiteCampaignItem = data("campaign");
    assert_eq!(campaign.kind, Some(CampaignType::Automated));
    assert_eq!(campaign.running, Some(true));
    assert_eq!(
        campaign.sender.unwrap().user_id,
        Some(UserId::new("aa0b64dd-9fb4-4db9-80d6-5a49eb84087b"))
    );
    let recipients = campaign.recipients.unwrap();
    assert_eq!(recipients.kind, Some(CampaignRecipientsType::Filter));
    let filter = recipients.filter.unwrap();
    assert_eq!(filter[0].query, [json!("trial"), json!(3)]);
    let flow = campaign.flow.unwrap();
    assert_eq!(flow.launch_event.as_deref(), Some("signed_up"));
    assert_eq!((flow.deliver_once, flow.deliver_delay), (Some(true), Some(3600)));
    assert_eq!(flow.assert_filter, Some(vec![]));
    let options = campaign.options.unwrap();
    assert_eq!((options.sender_email_reply, options.tracking), (None, Some(true)));
    let statistics = campaign.statistics.unwrap();
    assert_eq!(
        (statistics.opened, statistics.clicked, statistics.unsubscribed),
        (Some(321), Some(45), Some(2))
    );

    let odd: WebsiteCampaignItem = unknown("campaign");
    assert_eq!(odd.kind, Some(CampaignType::Other("drip".to_owned())));
    assert_eq!(odd.format, Some(CampaignFormat::Other("mjml".to_owned())));
    let recipients = odd.recipients.unwrap();
    assert_eq!(
        recipients.kind,
        Some(CampaignRecipientsType::Other("lookalike".to_owned()))
    );
    assert_eq!(recipients.segments, None);
    assert_eq!(odd.statistics.unwrap().opened, Some(1));
}

#[test]
fn campaign_recipients_and_statistics() {
    let recipients: Vec<WebsiteCampaignRecipient> = data("recipients");
    assert_eq!(
        recipients[0].people_id,
        Some(PeopleId::new("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"))
    );
    assert_eq!(recipients[0].person.clone().unwrap().nickname.as_deref(), Some("Jane"));
    assert_eq!(recipients[0].subscribed, Some(true));

    let statistics: Vec<WebsiteCampaignStatistic> = data("statistics");
    let clicked = &statistics[0];
    assert_eq!(clicked.kind, Some(CampaignStatisticAction::Clicked));
    let person = clicked.profile.clone().unwrap().person.unwrap();
    let geolocation = person.geolocation.unwrap();
    assert_eq!(geolocation.city.as_deref(), Some("Paris"));
    assert_eq!(geolocation.coordinates.unwrap().latitude, Some(48.85));
    assert_eq!(clicked.data.clone().unwrap()["url"], "https://crisp.chat/");

    let odd: Vec<WebsiteCampaignStatistic> = unknown("statistics");
    assert_eq!(odd[0].kind, Some(CampaignStatisticAction::Other("bounced".to_owned())));
    assert_eq!(odd[0].data, None);
    assert_eq!(odd[0].profile.clone().unwrap().person, None);
}

#[test]
fn campaign_templates() {
    let templates: Vec<WebsiteCampaignTemplateExcerpt> = data("templates");
    assert_eq!(
        templates[0].template_id,
        Some(CampaignTemplateId::new("9f8e7d6c-5b4a-4321-8fed-cba987654321"))
    );
    assert_eq!(templates[0].kind, Some(CampaignTemplateType::Custom));
    assert_eq!(templates[0].format, Some(CampaignFormat::Html));
    let new: WebsiteCampaignTemplateNew = data("template_new");
    assert_eq!(new.template_id, templates[0].template_id);

    let template: WebsiteCampaignTemplateItem = data("template");
    assert_eq!(template.kind, Some(CampaignTemplateType::Static));
    assert_eq!(template.content.as_deref(), Some("<p>{{ message }}</p>"));

    let odd: WebsiteCampaignTemplateItem = unknown("template");
    assert_eq!(odd.kind, Some(CampaignTemplateType::Other("shared".to_owned())));
    assert_eq!(odd.content, None);
}
