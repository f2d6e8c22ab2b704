//! Wire tests of the `website.helpdesk` redirections, settings and domain.

use crisp_rest::Paginated;
use crisp_transport::Tier;
use crisp_types::helpdesk::{
    HelpdeskDomainChangeRequest, HelpdeskRedirection, HelpdeskSettings, HelpdeskSettingsBehavior,
    HelpdeskSettingsSection,
};
use futures_util::TryStreamExt;
use serde_json::json;

use crate::common::wire::assert_wire;
use crate::helpdesk_base::{api_error, with_helpdesk};

#[tokio::test]
async fn add_list_check_resolve_and_delete_redirections() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;

    let added = client
        .website()
        .add_helpdesk_redirection(&website, "/en/article/old/", "/en/guides/new/")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "add_helpdesk_redirection",
        &[website.as_str()],
        &[],
        Some(json!({"path": "/en/article/old/", "target": "/en/guides/new/"})),
    );
    let id = added.redirection_id.unwrap();

    let listed = client.website().list_helpdesk_redirections(&website, 1).await.unwrap();
    assert_wire(&fake, "list_helpdesk_redirections", &[website.as_str(), "1"], &[], None);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].redirection_id.as_ref(), Some(&id));

    assert!(
        client
            .website()
            .check_helpdesk_redirection_exists(&website, &id)
            .await
            .unwrap()
    );
    assert_wire(
        &fake,
        "check_helpdesk_redirection_exists",
        &[website.as_str(), id.as_str()],
        &[],
        None,
    );

    let resolved = client
        .website()
        .resolve_helpdesk_redirection(&website, &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "resolve_helpdesk_redirection",
        &[website.as_str(), id.as_str()],
        &[],
        None,
    );
    assert_eq!(resolved.target.as_deref(), Some("/en/guides/new/"));
    assert!(resolved.created_at.is_some());

    client
        .website()
        .delete_helpdesk_redirection(&website, &id)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "delete_helpdesk_redirection",
        &[website.as_str(), id.as_str()],
        &[],
        None,
    );
    // A deleted redirection is gone.
    assert!(
        !client
            .website()
            .check_helpdesk_redirection_exists(&website, &id)
            .await
            .unwrap()
    );
    let gone = client.website().resolve_helpdesk_redirection(&website, &id).await;
    assert_eq!(api_error(gone), (404, "redirection_not_found".to_owned()));
    assert!(
        client
            .website()
            .list_helpdesk_redirections(&website, 1)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn redirections_stream_every_page() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;
    for index in 0..21 {
        client
            .website()
            .add_helpdesk_redirection(&website, format!("/old/{index}/"), "/new/")
            .await
            .unwrap();
    }
    fake.clear_requests();
    let all: Vec<HelpdeskRedirection> = client
        .website()
        .list_helpdesk_redirections(&website, 1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 21);
    assert_eq!(all[20].path.as_deref(), Some("/old/20/"));
    assert_eq!(fake.requests().len(), 3);
}

#[tokio::test]
async fn saved_settings_read_back_merged() {
    let (fake, client, website) = with_helpdesk(Tier::Plugin).await;

    let before = client.website().resolve_helpdesk_settings(&website).await.unwrap();
    assert_wire(&fake, "resolve_helpdesk_settings", &[website.as_str()], &[], None);
    assert_eq!(before.name.as_deref(), Some("Acme Help"));
    assert_eq!(before.behavior.as_ref().and_then(|b| b.ask_feedback), Some(true));

    let patch = HelpdeskSettings::new()
        .name("Acme Knowledge Base")
        .behavior(HelpdeskSettingsBehavior::new().ask_feedback(false))
        .section(HelpdeskSettingsSection {
            references: Some("API".to_owned()),
            ..Default::default()
        });
    client.website().save_helpdesk_settings(&website, patch).await.unwrap();
    assert_wire(
        &fake,
        "save_helpdesk_settings",
        &[website.as_str()],
        &[],
        Some(json!({
            "name": "Acme Knowledge Base",
            "behavior": {"ask_feedback": false},
            "section": {"references": "API"},
        })),
    );

    let after = client.website().resolve_helpdesk_settings(&website).await.unwrap();
    assert_eq!(after.name.as_deref(), Some("Acme Knowledge Base"));
    let behavior = after.behavior.unwrap();
    assert_eq!(behavior.ask_feedback, Some(false));
    assert_eq!(behavior.show_chatbox, Some(true), "the other switches are kept");
    assert_eq!(after.section.unwrap().references.as_deref(), Some("API"));
    let helpdesk = client.website().resolve_helpdesk(&website).await.unwrap();
    assert_eq!(helpdesk.name.as_deref(), Some("Acme Knowledge Base"));
}

#[tokio::test]
async fn domain_change_and_setup_flow() {
    let (fake, client, website) = with_helpdesk(Tier::User).await;

    let domain = client.website().resolve_helpdesk_domain(&website).await.unwrap();
    assert_wire(&fake, "resolve_helpdesk_domain", &[website.as_str()], &[], None);
    assert_eq!(domain.root.as_deref(), Some("crisp.help"));
    assert_eq!(domain.basic.as_deref(), Some("acme"));
    assert_eq!(domain.custom, None);

    let change = HelpdeskDomainChangeRequest::new()
        .basic("acme-help")
        .custom("help.acme.com");
    client
        .website()
        .request_helpdesk_domain_change(&website, change)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_helpdesk_domain_change",
        &[website.as_str()],
        &[],
        Some(json!({"basic": "acme-help", "custom": "help.acme.com"})),
    );
    let domain = client.website().resolve_helpdesk_domain(&website).await.unwrap();
    assert_eq!(domain.basic.as_deref(), Some("acme-help"));
    assert_eq!(domain.custom.as_deref(), Some("help.acme.com"));
    fake.clear_requests();

    let flow = client
        .website()
        .generate_helpdesk_domain_setup_flow(&website)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "generate_helpdesk_domain_setup_flow",
        &[website.as_str()],
        &[],
        None,
    );
    assert_eq!(flow.custom.as_deref(), Some("help.acme.com"));
    let record = flow.setup.unwrap().records[0].clone();
    assert_eq!(record.kind.as_deref(), Some("CNAME"));
    assert_eq!(record.value.as_deref(), Some("acme-help.crisp.help"));

    let other = client
        .website()
        .generate_helpdesk_domain_setup_flow(&website)
        .custom("docs.acme.com")
        .await
        .unwrap();
    assert_wire(
        &fake,
        "generate_helpdesk_domain_setup_flow",
        &[website.as_str()],
        &[("custom", "docs.acme.com")],
        None,
    );
    assert_eq!(other.custom.as_deref(), Some("docs.acme.com"));

    let clear = HelpdeskDomainChangeRequest::new().clear_custom();
    client
        .website()
        .request_helpdesk_domain_change(&website, clear)
        .await
        .unwrap();
    assert_wire(
        &fake,
        "request_helpdesk_domain_change",
        &[website.as_str()],
        &[],
        Some(json!({"custom": null})),
    );
    let domain = client.website().resolve_helpdesk_domain(&website).await.unwrap();
    assert_eq!(domain.custom, None);
    assert_eq!(domain.basic.as_deref(), Some("acme-help"));
}

#[tokio::test]
async fn the_domain_takes_a_user_token() {
    let (_fake, plugin, website) = with_helpdesk(Tier::Plugin).await;
    let refused = plugin.website().resolve_helpdesk_domain(&website).await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
    let refused = plugin
        .website()
        .request_helpdesk_domain_change(&website, HelpdeskDomainChangeRequest::new().basic("x"))
        .await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
    let refused = plugin.website().generate_helpdesk_domain_setup_flow(&website).await;
    assert_eq!(api_error(refused), (403, "not_allowed".to_owned()));
}
