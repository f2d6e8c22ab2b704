//! A back-office script: a report over every conversation of a website, read
//! through a page stream, and a customer looked up by email.
//!
//! It shows how a script reads a whole list (`into_stream`, then `next()`:
//! pages are fetched one at a time as the stream is read, and an error is an
//! item), finds a people profile by email (`PeopleId::from_email`: Crisp
//! accepts an email wherever a people id goes), tells "not found" apart from
//! other errors (`is_not_found`), and changes a profile's custom data without
//! losing what another writer set (`update_people_data`, a PATCH that merges,
//! instead of reading the map and saving it whole).
//!
//! With no credentials in the environment it starts the built-in fake Crisp on
//! loopback, seeds it (conversations, a customer with custom data), runs the
//! report, checks the numbers, and exits.
//!
//! With `CRISP_TOKEN_IDENTIFIER`, `CRISP_TOKEN_KEY`, `CRISP_TIER` (`user`,
//! `website` or `plugin`; default `plugin`) and `CRISP_WEBSITE_ID` set, it
//! reports on the real website (at most 500 conversations) and, when
//! `CRISP_PEOPLE_EMAIL` is set, looks that customer up. It only reads.
//!
//! ```sh
//! cargo run --example back_office
//! ```

use std::collections::BTreeMap;
use std::error::Error;

use crisp::types::JsonMap;
use crisp::types::conversation::ConversationMetaUpdate;
use crisp::{Crisp, Paginated, PeopleId, SessionId, Tier, WebsiteId};
use crisp_mock::FakeCrisp;
use serde_json::json;

/// Conversations per page of the stream (the last page may be shorter).
const PER_PAGE: u32 = 5;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let read = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    match (read("CRISP_TOKEN_IDENTIFIER"), read("CRISP_TOKEN_KEY")) {
        (Some(identifier), Some(key)) => {
            let tier = read("CRISP_TIER")
                .unwrap_or_else(|| "plugin".to_owned())
                .parse::<Tier>()?;
            let website = read("CRISP_WEBSITE_ID").ok_or("CRISP_WEBSITE_ID must be set with the token")?;
            let crisp = Crisp::builder().token(tier, identifier, key).build()?;
            let website = WebsiteId::new(website);
            println!("Using the real Crisp API with a {tier} token (read-only calls).");
            conversation_report(&crisp, &website, 500).await?;
            if let Some(email) = read("CRISP_PEOPLE_EMAIL") {
                look_up(&crisp, &website, &email).await?;
            }
            Ok(())
        }
        _ => offline().await,
    }
}

/// What the report found.
#[derive(Debug, Default)]
struct Report {
    conversations: usize,
    by_state: BTreeMap<String, usize>,
}

/// Reads every conversation (up to `limit`) through the page stream.
async fn conversation_report(crisp: &Crisp, website: &WebsiteId, limit: usize) -> Result<Report, crisp::Error> {
    println!("\nConversations, {PER_PAGE} per page, read as one stream:");
    let mut report = Report::default();
    let mut conversations = crisp
        .website()
        .list_conversations(website, 1)
        .per_page(PER_PAGE)
        .into_stream();
    while let Some(conversation) = conversations.next().await {
        // An error ends the stream; `?` hands it to the caller.
        let conversation = conversation?;
        report.conversations += 1;
        let state = conversation
            .state
            .as_ref()
            .map_or("unknown", |state| state.as_str())
            .to_owned();
        *report.by_state.entry(state).or_default() += 1;
        if report.conversations <= 3 {
            let who = conversation.meta.as_ref().and_then(|meta| meta.nickname.as_deref());
            println!(
                "   {} ({}): {:?}",
                conversation.session_id,
                who.unwrap_or("?"),
                conversation.last_message.as_deref().unwrap_or("")
            );
        }
        if report.conversations >= limit {
            println!("   (stopping at {limit})");
            break;
        }
    }
    println!(
        "   {} conversation(s); by state: {:?}",
        report.conversations, report.by_state
    );
    Ok(report)
}

/// A customer found by email.
#[derive(Debug)]
struct Customer {
    people_id: PeopleId,
    conversations: Vec<SessionId>,
}

/// Looks a customer up by email: the profile, then their conversations.
/// `None` when no profile has that email.
async fn look_up(crisp: &Crisp, website: &WebsiteId, email: &str) -> Result<Option<Customer>, crisp::Error> {
    println!("\nLooking up {email}:");
    let by_email = PeopleId::from_email(email);
    let profile = match crisp.website().get_people_profile(website, &by_email).await {
        Ok(profile) => profile,
        Err(error) if error.is_not_found() => {
            println!("   no profile has this email");
            return Ok(None);
        }
        Err(error) => return Err(error),
    };
    // Profiles come back with their UUID; either name works from here on.
    let people_id = profile.people_id.clone().unwrap_or(by_email);
    let nickname = profile.person.as_ref().and_then(|person| person.nickname.as_deref());
    println!(
        "   {people_id}: {}, segments {:?}",
        nickname.unwrap_or("(no name)"),
        profile.segments
    );

    let mut conversations = Vec::new();
    let mut sessions = crisp
        .website()
        .list_people_conversations(website, &people_id, 1)
        .into_stream();
    while let Some(session) = sessions.next().await {
        conversations.push(session?);
    }
    // The stream borrows the request's arguments until it is dropped.
    drop(sessions);
    let listed: Vec<&str> = conversations.iter().map(SessionId::as_str).collect();
    println!("   {} conversation(s): {}", conversations.len(), listed.join(", "));
    Ok(Some(Customer {
        people_id,
        conversations,
    }))
}

/// Seeds the built-in fake Crisp, runs the report and the look-up against it,
/// and checks the results.
pub(crate) async fn offline() -> Result<(), Box<dyn Error>> {
    let fake = FakeCrisp::start().await?;
    println!(
        "No credentials set: using the built-in fake Crisp at {}",
        fake.base_url()
    );
    let token = fake.token(Tier::Plugin);
    let crisp = Crisp::builder()
        .plugin_token(token.identifier, token.key)
        .rest_base_url(fake.base_url())
        .build()?;
    let website = fake.website_id();

    // What a real website would already hold: 12 conversations, 3 of them
    // with Jane, who has a profile with some custom data.
    let email = "jane.doe@example.com";
    let jane = fake.add_people_profile(
        &website,
        json!({"email": email, "person": {"nickname": "Jane Doe"}, "segments": ["customer"]}),
    );
    let mut plan = JsonMap::new();
    plan.insert("plan".to_owned(), json!("pro"));
    crisp.website().save_people_data(&website, &jane, plan).await?;
    for number in 1..=12 {
        let session = fake.add_conversation(&website);
        fake.add_visitor_message(&website, &session, &format!("Question #{number}"));
        if number % 4 == 0 {
            let metas = ConversationMetaUpdate::new().nickname("Jane Doe").email(email);
            crisp
                .website()
                .update_conversation_metas(&website, &session, metas)
                .await?;
        }
    }

    let report = conversation_report(&crisp, &website, usize::MAX).await?;
    if report.conversations != 12 {
        return Err(format!("the stream read {} conversations, not 12", report.conversations).into());
    }

    let customer = look_up(&crisp, &website, email)
        .await?
        .ok_or("the fake has no profile for Jane")?;
    if customer.people_id != jane || customer.conversations.len() != 3 {
        return Err(format!("unexpected customer: {customer:?}").into());
    }
    if look_up(&crisp, &website, "nobody@example.com").await?.is_some() {
        return Err("the fake found a profile for nobody@example.com".into());
    }

    // Note the review in Jane's custom data. A PATCH sets only the keys
    // sent, so the `plan` another tool set stays; saving the whole map
    // (`save_people_data`) after reading it could drop a key written in
    // between.
    println!("\nNoting the review in Jane's custom data (update_people_data merges):");
    let mut review = JsonMap::new();
    review.insert("reviewed_by".to_owned(), json!("back-office"));
    let jane_by_email = PeopleId::from_email(email);
    crisp
        .website()
        .update_people_data(&website, &jane_by_email, review)
        .await?;
    let data = crisp.website().get_people_data(&website, &jane).await?.data;
    println!("   {}", serde_json::Value::Object(data.clone()));
    if data.get("plan") != Some(&json!("pro")) || data.get("reviewed_by") != Some(&json!("back-office")) {
        return Err(format!("the data did not merge: {data:?}").into());
    }
    println!("\ndone");
    Ok(())
}
