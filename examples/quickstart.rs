//! A first tour of the SDK.
//!
//! With no credentials in the environment it starts the built-in fake Crisp on
//! loopback and runs a full round trip against it: list conversations, create
//! one, send a message, read the messages back, update and read the metas.
//!
//! With `CRISP_TOKEN_IDENTIFIER`, `CRISP_TOKEN_KEY`, `CRISP_TIER` (`user`,
//! `website` or `plugin`) and `CRISP_WEBSITE_ID` set, it talks to the real API
//! and makes read-only calls only.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use std::error::Error;

use crisp::Crisp;
use crisp::types::conversation::ConversationMetaUpdate;
use crisp::types::message::{MessageContent, MessageFrom, NewMessage};
use crisp::{Tier, WebsiteId};
use crisp_mock::FakeCrisp;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    match RealApi::from_env()? {
        Some(real) => read_only_tour(real).await,
        None => offline_round_trip().await,
    }
}

/// Credentials for the real API, read from the environment.
struct RealApi {
    identifier: String,
    key: String,
    tier: Tier,
    website_id: WebsiteId,
}

impl RealApi {
    fn from_env() -> Result<Option<Self>, Box<dyn Error>> {
        let read = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
        let (Some(identifier), Some(key)) = (read("CRISP_TOKEN_IDENTIFIER"), read("CRISP_TOKEN_KEY")) else {
            return Ok(None);
        };
        let tier = read("CRISP_TIER")
            .unwrap_or_else(|| "plugin".to_owned())
            .parse::<Tier>()?;
        let website_id = read("CRISP_WEBSITE_ID").ok_or("CRISP_WEBSITE_ID must be set with the token")?;
        Ok(Some(Self {
            identifier,
            key,
            tier,
            website_id: WebsiteId::new(website_id),
        }))
    }
}

pub(crate) async fn offline_round_trip() -> Result<(), Box<dyn Error>> {
    let fake = FakeCrisp::start().await?;
    let token = fake.token(Tier::Plugin);
    println!(
        "No credentials set: using the built-in fake Crisp at {}",
        fake.base_url()
    );

    let crisp = Crisp::builder()
        .plugin_token(token.identifier, token.key)
        .rest_base_url(fake.base_url())
        .build()?;
    let website = fake.website_id();

    // A visitor has already written in.
    let visitor_session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &visitor_session, "Hi! Where is my order #1234?");

    let conversations = crisp.website().list_conversations(&website, 1).await?;
    println!("\n1. list_conversations -> {} conversation(s)", conversations.len());
    for conversation in &conversations {
        println!(
            "   {} last message: {:?}",
            conversation.session_id,
            conversation.last_message.as_deref().unwrap_or("")
        );
    }

    let created = crisp.website().create_new_conversation(&website).await?;
    let session = created.session_id.ok_or("the fake Crisp returned no session id")?;
    println!("\n2. create_new_conversation -> {session}");

    let message = NewMessage::text(MessageFrom::Operator, "Hello from crisp-rs! How can we help?");
    let sent = crisp
        .website()
        .send_message_in_conversation(&website, &session, message)
        .await?;
    println!(
        "\n3. send_message_in_conversation -> fingerprint {:?}",
        sent.fingerprint.map(|f| f.get())
    );

    let messages = crisp.website().get_messages_in_conversation(&website, &session).await?;
    println!("\n4. get_messages_in_conversation -> {} message(s)", messages.len());
    for message in &messages {
        let text = match &message.content {
            MessageContent::Text(text) => text.clone(),
            other => format!("<{} message>", other.kind()),
        };
        println!(
            "   [{}] {text}",
            message.from.as_ref().map_or("?", |from| from.as_str())
        );
    }

    let metas = ConversationMetaUpdate {
        nickname: Some("Jane Doe".to_owned()),
        email: Some("jane.doe@example.com".to_owned()),
        segments: Some(vec!["quickstart".to_owned()]),
        ..ConversationMetaUpdate::default()
    };
    crisp
        .website()
        .update_conversation_metas(&website, &session, metas)
        .await?;
    let metas = crisp.website().get_conversation_metas(&website, &session).await?;
    println!(
        "\n5. update_conversation_metas + get_conversation_metas -> nickname {:?}, email {:?}, segments {:?}",
        metas.nickname.as_deref().unwrap_or(""),
        metas.email.as_deref().unwrap_or(""),
        metas.segments
    );

    println!("\nThe fake Crisp recorded {} request(s):", fake.requests().len());
    for request in fake.requests() {
        println!("   {} {}", request.method, request.path);
    }
    Ok(())
}

async fn read_only_tour(real: RealApi) -> Result<(), Box<dyn Error>> {
    println!("Using the real Crisp API with a {} token (read-only calls).", real.tier);
    let crisp = Crisp::builder().token(real.tier, real.identifier, real.key).build()?;
    let website = real.website_id;

    let conversations = crisp.website().list_conversations(&website, 1).await?;
    println!(
        "list_conversations -> {} conversation(s) on page 1",
        conversations.len()
    );
    if let Some(first) = conversations.first() {
        let session = &first.session_id;
        let conversation = crisp.website().get_conversation(&website, session).await?;
        println!("get_conversation {session} -> state {:?}", conversation.state);
        let messages = crisp.website().get_messages_in_conversation(&website, session).await?;
        println!("get_messages_in_conversation -> {} message(s)", messages.len());
        let metas = crisp.website().get_conversation_metas(&website, session).await?;
        println!("get_conversation_metas -> nickname {:?}", metas.nickname);
    }
    if real.tier == Tier::Plugin {
        let account = crisp.plugin().get_connect_account().await?;
        println!("get_connect_account -> plugin {:?}", account.plugin_id);
    }
    Ok(())
}
