//! An echo bot over the RTM WebSocket: every text message a visitor sends is
//! answered with the same text, through the REST API.
//!
//! With no credentials in the environment it starts the built-in fake Crisp
//! (REST API and RTM relay) on loopback, connects the RTM client to it
//! (discovering the relay through REST, as against the real API), plays a
//! visitor, echoes the visitor's message once, checks the fake recorded the
//! reply, and exits.
//!
//! With `CRISP_TOKEN_IDENTIFIER`, `CRISP_TOKEN_KEY` and `CRISP_TIER` (`user`,
//! `website` or `plugin`; default `plugin`) set, it connects to the real
//! Crisp API and echoes visitor text messages until interrupted (Ctrl-C).
//!
//! ```sh
//! cargo run --example echo_bot
//! ```

use std::error::Error;
use std::time::Duration;

use crisp::Crisp;
use crisp::types::event::{Event, EventKind};
use crisp::types::message::{MessageContent, MessageFrom, NewMessage};
use crisp::{SessionId, Tier, WebsiteId};
use crisp_mock::FakeCrisp;

/// How long the offline run waits for any one step.
const STEP_TIMEOUT: Duration = Duration::from_secs(15);

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let read = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    match (read("CRISP_TOKEN_IDENTIFIER"), read("CRISP_TOKEN_KEY")) {
        (Some(identifier), Some(key)) => {
            let tier = read("CRISP_TIER")
                .unwrap_or_else(|| "plugin".to_owned())
                .parse::<Tier>()?;
            real_api(identifier, key, tier).await
        }
        _ => offline().await,
    }
}

/// What the bot answers to an event, if anything: only text messages written
/// by the visitor (`from: user`), never the bot's own (operator) messages.
fn echo_for(event: &Event) -> Option<(WebsiteId, SessionId, String)> {
    let Event::MessageSend(sent) = event else {
        return None;
    };
    let message = &sent.message;
    if message.from != Some(MessageFrom::User) {
        return None;
    }
    let MessageContent::Text(text) = &message.content else {
        return None;
    };
    Some((
        message.website_id.clone()?,
        message.session_id.clone()?,
        format!("You said: {text}"),
    ))
}

pub(crate) async fn offline() -> Result<(), Box<dyn Error>> {
    let fake = FakeCrisp::start().await?;
    let token = fake.token(Tier::Plugin);
    println!(
        "No credentials set: using the built-in fake Crisp at {}",
        fake.base_url()
    );

    let crisp = Crisp::builder()
        .plugin_token(token.identifier.clone(), token.key.clone())
        .rest_base_url(fake.base_url())
        .build()?;

    // 1. Connect the RTM client: same token, tier and API root as the REST
    // client; the relay URL comes from endpoint discovery. The local fake
    // answers at once, so a silent attempt is given up sooner than the
    // default 10 s.
    let (handle, mut stream) = crisp
        .rtm()
        .events([EventKind::MessageSend])
        .connect_timeout(Duration::from_secs(2))
        .connect()?;
    tokio::time::timeout(STEP_TIMEOUT, handle.authenticated()).await??;
    println!("1. RTM client {} (relay {})", handle.current_state(), fake.relay_url());

    // 2. A visitor writes in.
    let website = fake.website_id();
    let session = fake.add_conversation(&website);
    fake.add_visitor_message(&website, &session, "Hello, is anyone there?");
    println!("2. visitor wrote \"Hello, is anyone there?\" in {session}");

    // 3-4. The event arrives; the bot answers through REST.
    let (reply_website, reply_session, reply) = loop {
        let item = tokio::time::timeout(STEP_TIMEOUT, stream.recv())
            .await?
            .ok_or("the RTM stream ended")?;
        match item {
            Ok(event) => {
                let session = event.session_id().map_or("-", |id| id.as_str());
                println!("3. received {} in {session}", event.name());
                if let Some(echo) = echo_for(&event) {
                    break echo;
                }
            }
            Err(error) if error.is_terminal() => return Err(error.into()),
            Err(error) => println!("   (RTM: {error}; the client carries on)"),
        }
    };
    let sent = crisp
        .website()
        .send_message_in_conversation(
            &reply_website,
            &reply_session,
            NewMessage::text(MessageFrom::Operator, reply.clone()),
        )
        .await?;
    let fingerprint = sent
        .fingerprint
        .map_or_else(|| "-".to_owned(), |fingerprint| fingerprint.to_string());
    println!("4. replied {reply:?} with send_message_in_conversation (fingerprint {fingerprint})");

    // 5. The fake recorded the reply.
    let posted = fake
        .requests()
        .iter()
        .filter(|request| request.method == "POST" && request.path.ends_with("/message"))
        .count();
    let messages = crisp.website().get_messages_in_conversation(&website, &session).await?;
    println!("5. the fake recorded {posted} POST .../message; the conversation now holds:");
    for message in &messages {
        let text = match &message.content {
            MessageContent::Text(text) => text.clone(),
            other => format!("<{} message>", other.kind()),
        };
        println!("   {}: {text}", message.from.as_ref().map_or("?", |from| from.as_str()));
    }
    let echoed = messages.iter().any(|message| {
        message.from == Some(MessageFrom::Operator) && message.content == MessageContent::Text(reply.clone())
    });
    if !echoed {
        return Err("the reply is not in the conversation".into());
    }

    // 6. Close: the stream ends and nothing reconnects.
    handle.close();
    while tokio::time::timeout(STEP_TIMEOUT, stream.recv()).await?.is_some() {}
    println!("6. RTM client {}; done", handle.current_state());
    Ok(())
}

async fn real_api(identifier: String, key: String, tier: Tier) -> Result<(), Box<dyn Error>> {
    let crisp = Crisp::builder().token(tier, identifier, key).build()?;
    let (handle, mut stream) = crisp.rtm().events([EventKind::MessageSend]).connect()?;
    println!("Connecting to the Crisp RTM relay as a {tier} token; echoing visitor text messages (Ctrl-C to stop)");

    let mut state = handle.state();
    tokio::spawn(async move {
        while state.changed().await.is_ok() {
            println!("[state] {}", *state.borrow_and_update());
        }
    });

    loop {
        let item = tokio::select! {
            item = stream.recv() => item,
            _ = tokio::signal::ctrl_c() => {
                println!("Ctrl-C: closing the RTM connection");
                handle.close();
                break;
            }
        };
        let Some(item) = item else { break };
        match item {
            Ok(event) => {
                let Some((website, session, reply)) = echo_for(&event) else {
                    continue;
                };
                println!("[{session}] echoing");
                let message = NewMessage::text(MessageFrom::Operator, reply);
                if let Err(error) = crisp
                    .website()
                    .send_message_in_conversation(&website, &session, message)
                    .await
                {
                    eprintln!("[{session}] could not reply: {error}");
                }
            }
            Err(error) if error.is_terminal() => return Err(error.into()),
            Err(error) => eprintln!("[rtm] {error} (reconnecting)"),
        }
    }
    Ok(())
}
