//! Website administration request bodies: the exact JSON each constructor
//! and setter puts on the wire (optional keys left out), and that each body
//! reads back unchanged (as the fake Crisp reads them).

// Test helpers outside #[test] fns may unwrap too.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use crisp_types::analytics::{
    AnalyticsGenerateQuery, AnalyticsGenerateQueryDate, AnalyticsGenerateQueryDateDay, AnalyticsGenerateQueryDateDays,
    AnalyticsGenerateQueryIf, AnalyticsGenerateQueryThen,
};
use crisp_types::campaign::{
    CampaignFormat, CampaignType, WebsiteCampaignFlow, WebsiteCampaignItem, WebsiteCampaignNewItem,
    WebsiteCampaignOptions, WebsiteCampaignRecipients, WebsiteCampaignSender, WebsiteCampaignTemplateItem,
    WebsiteCampaignTemplateNewItem, WebsiteFilter,
};
use crisp_types::inbox::{
    InboxConditionsOperator, WebsiteInboxCondition, WebsiteInboxItem, WebsiteInboxOrder, WebsiteInboxOrders,
};
use crisp_types::operator::{OperatorRole, WebsiteOperatorEdit, WebsiteOperatorEmail, WebsiteOperatorInvite};
use crisp_types::team::WebsiteTeamItem;
use crisp_types::verify::WebsiteVerifySettingsUpdate;
use crisp_types::website::{
    OwnerVerification, OwnerVerifyMethod, WebsiteCreate, WebsiteRemove, WebsiteSettingsAudit, WebsiteSettingsChatbox,
    WebsiteSettingsContact, WebsiteSettingsEmails, WebsiteSettingsInbox, WebsiteSettingsUpdate,
};
use crisp_types::{InboxId, PeopleId, UserId};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Asserts that `body` encodes to exactly `expected`, and that `expected`
/// decodes back to `body`.
fn wire<T: Serialize + DeserializeOwned + PartialEq + Debug>(body: &T, expected: Value) {
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    assert_eq!(&serde_json::from_value::<T>(expected).unwrap(), body);
}

/// A fixture file of the project's copy of the Crisp examples.
fn fixture(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn website_create_and_remove() {
    wire(
        &WebsiteCreate::new("Crisp", "crisp.chat"),
        json!({"name": "Crisp", "domain": "crisp.chat"}),
    );
    wire(
        &WebsiteRemove::new(OwnerVerification::password("secret")),
        json!({"verify": {"method": "password", "secret": "secret"}}),
    );
    wire(
        &WebsiteRemove::new(OwnerVerification::token("123456")),
        json!({"verify": {"method": "token", "secret": "123456"}}),
    );
    wire(
        &WebsiteRemove::new(OwnerVerification::google("credential")),
        json!({"verify": {"method": "google", "secret": "credential"}}),
    );
    let other = OwnerVerification::new(OwnerVerifyMethod::from("passkey"), "x");
    wire(&other, json!({"method": "passkey", "secret": "x"}));
    assert!(!format!("{other:?}").contains("\"x\""), "Debug hides the secret");
}

#[test]
fn website_settings_update_matches_the_crisp_example() {
    let update = WebsiteSettingsUpdate::new()
        .name("Crisp")
        .domain("crisp.chat")
        .domain_alternates(Vec::<String>::new())
        .logo("https://storage.crisp.chat/users/avatar/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/b6c2948d-b061-405e-91a9-2fdf855d1cc0.png")
        .audit(WebsiteSettingsAudit::new().log(true))
        .contact(WebsiteSettingsContact::new().email("contact@crisp.chat").phone("+33757905447"))
        .inbox(
            WebsiteSettingsInbox::new()
                .lock_removal(false)
                .force_operator_token(false)
                .locale(""),
        )
        .emails(
            WebsiteSettingsEmails::new()
                .rating(true)
                .transcript(true)
                .trackers(true)
                .junk_filter(true),
        )
        .chatbox(
            WebsiteSettingsChatbox::new()
                .tile("default")
                .conversations(true)
                .wait_game(false)
                .website_logo(true)
                .last_operator_face(false)
                .ongoing_operator_face(true)
                .activity_metrics(true)
                .operator_privacy(false)
                .visitor_privacy(false)
                .availability_tooltip(true)
                .hide_vacation(false)
                .hide_on_away(false)
                .hide_on_mobile(false)
                .position_reverse(false)
                .email_visitors(false)
                .phone_visitors(false)
                .force_identify(false)
                .ignore_privacy(false)
                .visitor_compose(false)
                .file_transfer(true)
                .audio_record(true)
                .guard_level("default")
                .mode_initial("chat")
                .home(true)
                .overlay_search(true)
                .overlay_mode(false)
                .helpdesk_link(true)
                .helpdesk_only(false)
                .helpdesk_navigate("deep")
                .status_health_dead(true)
                .check_domain(false)
                .color_theme("blue")
                .color_mode("auto")
                .layout_theme("default")
                .text_theme("default")
                .welcome_message("default")
                .locale("en")
                .allowed_pages(Vec::<String>::new())
                .blocked_pages(["status/*/", "docs.crisp.chat/*", "crisp.chat/terms/", "https://crisp.chat/privacy/"])
                .blocked_countries(["IT"])
                .blocked_locales(["fa", "he"])
                .blocked_ips(["8.8.8.8", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "192.168.1.1/24"]),
        );
    wire(
        &update,
        fixture(include_str!("fixtures/request_update_website_settings.json")),
    );
    wire(&WebsiteSettingsUpdate::new(), json!({}));
}

#[test]
fn operator_bodies() {
    wire(
        &WebsiteOperatorEmail::new("owners", "Invoice", "Ready.").user_id(UserId::new("u1")),
        json!({"recipient": "owners", "user_id": "u1", "subject": "Invoice", "message": "Ready."}),
    );
    wire(
        &WebsiteOperatorInvite::new(
            "jane@example.com",
            OperatorRole::Member,
            OwnerVerification::password("pw"),
        ),
        json!({"email": "jane@example.com", "role": "member", "verify": {"method": "password", "secret": "pw"}}),
    );
    wire(&WebsiteOperatorEdit::new(OperatorRole::Owner), json!({"role": "owner"}));
    wire(
        &WebsiteOperatorEdit::new(OperatorRole::Member).title("Support"),
        json!({"role": "member", "title": "Support"}),
    );
}

#[test]
fn inbox_bodies() {
    let vip = WebsiteInboxItem::new("VIP", "⭐️")
        .order(1)
        .operators([
            UserId::new("86a4fed0-2f5f-4713-a8ff-41d7f3e4a8f8"),
            UserId::new("e5cd7aa6-998f-4b8e-b7c5-3b546af87d15"),
        ])
        .operator(InboxConditionsOperator::And)
        .conditions([WebsiteInboxCondition::new("session", "segments", "eq", ["vip"])]);
    wire(&vip, fixture(include_str!("fixtures/request_create_inbox.json")));
    wire(
        &WebsiteInboxItem::new("Sales", "💰"),
        json!({"name": "Sales", "emoji": "💰"}),
    );
    wire(
        &WebsiteInboxItem::new("Sales", "💰").teams([crisp_types::TeamId::new("t1")]),
        json!({"name": "Sales", "emoji": "💰", "teams": ["t1"]}),
    );
    wire(
        &WebsiteInboxOrders::new([
            WebsiteInboxOrder::new(InboxId::new("i2"), 1),
            WebsiteInboxOrder::new(InboxId::new("i1"), 2),
        ]),
        json!({"orders": [{"inbox_id": "i2", "order": 1}, {"inbox_id": "i1", "order": 2}]}),
    );
}

#[test]
fn team_and_verify_bodies() {
    wire(
        &WebsiteTeamItem::new("Sales", "💰"),
        json!({"name": "Sales", "emoji": "💰", "operators": []}),
    );
    wire(
        &WebsiteTeamItem::new("Sales", "💰").operators([UserId::new("u1"), UserId::new("u2")]),
        json!({"name": "Sales", "emoji": "💰", "operators": ["u1", "u2"]}),
    );
    wire(&WebsiteVerifySettingsUpdate::new(false), json!({"enabled": false}));
    wire(&WebsiteVerifySettingsUpdate::new(true), json!({"enabled": true}));
}

#[test]
fn analytics_query() {
    let date = AnalyticsGenerateQueryDate::new("2024-01-01T00:00:00Z", "2024-01-31T23:59:59Z", "day", "Europe/Paris");
    wire(
        &AnalyticsGenerateQuery::new("conversation", "count", date.clone()),
        json!({
            "metric": "conversation",
            "type": "count",
            "date": {"from": "2024-01-01T00:00:00Z", "to": "2024-01-31T23:59:59Z", "split": "day", "timezone": "Europe/Paris"},
        }),
    );
    let full = AnalyticsGenerateQuery::new(
        "conversation",
        "duration",
        date.days(
            AnalyticsGenerateQueryDateDays::new()
                .monday(AnalyticsGenerateQueryDateDay::new("09:00", "18:00"))
                .friday(AnalyticsGenerateQueryDateDay::new("09:00", "12:00")),
        ),
    )
    .aggregator("average")
    .split_by("operator")
    .filter(json!({"inbox_id": "i1"}))
    .condition(AnalyticsGenerateQueryIf::new("message", "origin"))
    .then(AnalyticsGenerateQueryThen::new().kind("count").filter(json!(["chat"])))
    .raw_export(false);
    wire(
        &full,
        json!({
            "metric": "conversation",
            "type": "duration",
            "aggregator": "average",
            "split_by": "operator",
            "filter": {"inbox_id": "i1"},
            "date": {
                "from": "2024-01-01T00:00:00Z", "to": "2024-01-31T23:59:59Z", "split": "day", "timezone": "Europe/Paris",
                "days": {"monday": {"hour_from": "09:00", "hour_to": "18:00"}, "friday": {"hour_from": "09:00", "hour_to": "12:00"}},
            },
            "if": {"metric": "message", "split_by": "origin"},
            "then": {"type": "count", "filter": ["chat"]},
            "raw_export": false,
        }),
    );
}

#[test]
fn campaign_template_bodies() {
    wire(
        &WebsiteCampaignTemplateNewItem::new(CampaignFormat::Html, "Welcome"),
        json!({"format": "html", "name": "Welcome"}),
    );
    wire(
        &WebsiteCampaignTemplateItem::new()
            .name("Welcome")
            .format(CampaignFormat::Markdown)
            .content("**{{ message }}**"),
        json!({"name": "Welcome", "format": "markdown", "content": "**{{ message }}**"}),
    );
    wire(
        &WebsiteCampaignTemplateItem::new().content("x"),
        json!({"content": "x"}),
    );
}

#[test]
fn campaign_bodies() {
    wire(
        &WebsiteCampaignNewItem::new(CampaignType::OneShot, "Welcome!"),
        json!({"type": "one-shot", "name": "Welcome!"}),
    );
    // The Crisp example, but for `sender_email_reply: null` (an unset
    // option is left out; the example decodes all the same).
    let mut example = fixture(include_str!("fixtures/request_save_campaign.json"));
    let decoded: WebsiteCampaignItem = serde_json::from_value(example.clone()).unwrap();
    example["options"].as_object_mut().unwrap().remove("sender_email_reply");
    let built = WebsiteCampaignItem::new()
        .kind(CampaignType::OneShot)
        .format(CampaignFormat::Markdown)
        .name("Welcome!")
        .sender(WebsiteCampaignSender::new(UserId::new(
            "aa0b64dd-9fb4-4db9-80d6-5a49eb84087b",
        )))
        .recipients(WebsiteCampaignRecipients::all())
        .message("*Hey there*, welcome on Crisp!")
        .options(
            WebsiteCampaignOptions::new()
                .deliver_to_chatbox(true)
                .deliver_to_email(true)
                .sender_name_website(false)
                .tracking(true),
        );
    wire(&built, example);
    assert_eq!(decoded, built);

    wire(
        &WebsiteCampaignItem::new().recipients(WebsiteCampaignRecipients::people([PeopleId::new("p1")])),
        json!({"recipients": {"type": "people", "people": ["p1"]}}),
    );
    wire(
        &WebsiteCampaignItem::new()
            .kind(CampaignType::Automated)
            .recipients(WebsiteCampaignRecipients::filter([WebsiteFilter::new(
                "people",
                "data.plan",
                "eq",
                ["pro"],
            )]))
            .flow(
                WebsiteCampaignFlow::new()
                    .launch_event("signed_up")
                    .assert_filter([WebsiteFilter::new("people", "segments", "neq", [json!("churned")])])
                    .assert_delay(60)
                    .deliver_once(true)
                    .deliver_delay(3600),
            ),
        json!({
            "type": "automated",
            "recipients": {"type": "filter", "filter": [{"model": "people", "criterion": "data.plan", "operator": "eq", "query": ["pro"]}]},
            "flow": {
                "launch_event": "signed_up",
                "assert_filter": [{"model": "people", "criterion": "segments", "operator": "neq", "query": ["churned"]}],
                "assert_delay": 60,
                "deliver_once": true,
                "deliver_delay": 3600,
            },
        }),
    );
}
